package app.ponte.server.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.List;
import java.util.Locale;

/** The notification e-mails as plain text, in the recipient's language (pt-BR unless they chose en). */
final class NotificationMails {

    /** One line of a digest: how many facts of a kind about one automation or connection. */
    record DigestLine(String kind, String name, String workspace, long count, String link) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(String inviter, String workspace, String role, String expires, String link);

        static native TemplateInstance runFailed(String subject, String workspace, String link, String preferences);

        static native TemplateInstance reconnect(String subject, String workspace, String link, String preferences);

        static native TemplateInstance hottok(String subject, String workspace, String link, String preferences);

        static native TemplateInstance digest(List<DigestLine> lines, String preferences);
    }

    private NotificationMails() {
    }

    static MailTexts texts(String locale) {
        return "en".equals(locale) ? MessageBundles.get(MailTexts.class, Localized.Literal.of("en")) : MessageBundles.get(MailTexts.class);
    }

    static Mail mail(String to, String subject, TemplateInstance body, String locale) {
        String text = body.setAttribute("locale", Locale.forLanguageTag(locale == null ? "pt-BR" : locale)).render();
        return Mail.withText(to, subject, text);
    }
}
