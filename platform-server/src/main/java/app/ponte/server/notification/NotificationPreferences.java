package app.ponte.server.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import java.util.List;
import java.util.UUID;

/** A user's notification settings: failure e-mails on or off, and the language of e-mails. */
@ApplicationScoped
public class NotificationPreferences {

    /** The languages e-mails are written in, the default first. */
    public static final List<String> LOCALES = List.of("pt-BR", "en");

    /**
     * @param failureEmails whether alerts about failing automations, connections and webhooks are mailed (default true)
     * @param locale        {@code pt-BR} (default) or {@code en}
     */
    public record Settings(boolean failureEmails, String locale) {

        public static final Settings DEFAULT = new Settings(true, "pt-BR");
    }

    private final EntityManager em;

    NotificationPreferences(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Settings of(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT failure_emails, COALESCE(locale, 'pt-BR') FROM notification_preference WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        return rows.stream().findFirst().map(r -> new Settings((Boolean) r[0], (String) r[1])).orElse(Settings.DEFAULT);
    }

    /** @throws BadRequestException a language other than pt-BR or en */
    @Transactional
    public Settings update(UUID userId, Settings settings) {
        if (settings == null) {
            throw new BadRequestException("a body {failureEmails, locale} is required");
        }
        String locale = settings.locale() == null ? "pt-BR" : settings.locale();
        if (!LOCALES.contains(locale)) {
            throw new BadRequestException("locale must be pt-BR or en");
        }
        em.createNativeQuery("""
                        INSERT INTO notification_preference (user_id, failure_emails, locale, updated_at) VALUES (?1, ?2, ?3, now())
                        ON CONFLICT (user_id) DO UPDATE SET failure_emails = EXCLUDED.failure_emails, locale = EXCLUDED.locale,
                                                            updated_at = now()""")
                .setParameter(1, userId).setParameter(2, settings.failureEmails()).setParameter(3, locale).executeUpdate();
        return new Settings(settings.failureEmails(), locale);
    }
}
