package app.ponte.server.web;

import app.ponte.api.Label;
import app.ponte.server.template.AutomationTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Helpers for templates: catalog labels in the page's language, instants as people read them. */
@TemplateExtension
final class PageExtensions {

    private static final ZoneId PLATFORM_ZONE = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private PageExtensions() {
    }

    /** {@code {trigger.label.text}}: the label in the language the page is rendered in. */
    static String text(Label label, @TemplateAttribute(TemplateInstance.LOCALE) Object locale) {
        return label.in(locale instanceof Locale l ? l : UiLocale.PT_BR);
    }

    /** {@code {template.useLink}}: where "Usar este modelo" leads. */
    static String useLink(AutomationTemplate template) {
        return PublicCatalog.USE_TEMPLATE_PATH + URLEncoder.encode(template.key(), StandardCharsets.UTF_8);
    }

    /** {@code {suggestion.createdAt.shown}}: day and time in the platform's zone (São Paulo). */
    static String shown(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(PLATFORM_ZONE));
    }
}
