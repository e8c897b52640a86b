package app.ponte.mapping;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a mapping is rendered: the workspace's time zone (dates such as DD/MM/AAAA) and the
 * language numbers and month names are written in.
 */
public record RenderContext(ZoneId zone, Locale locale) {

    /** The workspace default (DECISIONS.md). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Sao_Paulo");
    public static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

    public RenderContext {
        Objects.requireNonNull(zone);
        Objects.requireNonNull(locale);
    }

    /** America/Sao_Paulo, pt-BR: a new workspace's settings. */
    public static RenderContext brazil() {
        return new RenderContext(DEFAULT_ZONE, PT_BR);
    }

    public static RenderContext of(ZoneId zone) {
        return new RenderContext(zone, PT_BR);
    }
}
