package app.ponte.server.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formatting helpers of the signed-in pages' templates. */
@TemplateExtension
public class AppExtensions {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private AppExtensions() {
    }

    /** {@code {run.createdAt.local(shell.workspace.timeZone)}}: 14/03/2025 10:42:41 in the workspace's time zone; empty for none. */
    static String local(Instant instant, String timeZone) {
        return instant == null ? "" : SHOWN.format(instant.atZone(ZoneId.of(timeZone)));
    }
}
