package app.ponte.server.notification;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.crypto.SecretCipher;
import app.ponte.server.notification.NotificationMails.DigestLine;
import app.ponte.server.notification.NotificationMails.Templates;
import app.ponte.server.notification.Notifications.Kind;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * Mails the notification outbox. Each notification is handled in its own transaction, locked with
 * {@code SKIP LOCKED} so several instances share the work. Failure alerts go to the workspace's
 * owners and admins who have not switched them off; a user gets at most one e-mail per automation
 * or connection per {@link NotificationConfig#quietPeriod()}, the rest goes into their daily digest.
 * An SMTP error leaves the notification pending (users already mailed are not mailed again) until
 * {@link NotificationConfig#maxAttempts()}; rows tried fewer times go first, so one undeliverable
 * notification does not hold the others back.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final int TICK_LIMIT = 200;

    private record Recipient(UUID userId, String email, String locale) {
    }

    private record About(String name, String workspace, String link) {
    }

    private final EntityManager em;
    private final Mailer mailer;
    private final NotificationConfig config;
    private final SecretCipher cipher;
    private final PonteConfig ponte;
    private final TenantContext tenants;

    NotificationSender(EntityManager em, Mailer mailer, NotificationConfig config, SecretCipher cipher, PonteConfig ponte,
                       TenantContext tenants) {
        this.em = em;
        this.mailer = mailer;
        this.config = config;
        this.cipher = cipher;
        this.ponte = ponte;
        this.tenants = tenants;
    }

    @Scheduled(identity = "notification-sender", every = "${ponte.notifications.send-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void tick() {
        if (config.enabled()) {
            sendPending();
        }
    }

    @Scheduled(identity = "notification-digest", cron = "${ponte.notifications.digest-cron}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void daily() {
        if (config.enabled()) {
            sendDigests();
        }
    }

    /** Handles what the outbox holds now; answers how many notifications were handled. */
    public int sendPending() {
        int handled = 0;
        UUID[] current = new UUID[1];
        while (handled < TICK_LIMIT) {
            current[0] = null;
            try {
                if (!tx(() -> handleOne(current))) {
                    break;
                }
                handled++;
            } catch (RuntimeException e) {
                // a database error aborted the row's transaction: count the try apart, so one bad row cannot block the outbox
                LOG.warnf("notification %s failed: %s", current[0], e.toString());
                if (current[0] != null) {
                    UUID id = current[0];
                    tx(() -> em.createNativeQuery("""
                                    UPDATE notification SET attempts = attempts + 1, last_error = left(?2, 500),
                                           processed_at = CASE WHEN attempts + 1 >= ?3 THEN now() ELSE NULL END
                                     WHERE id = ?1""")
                            .setParameter(1, id).setParameter(2, e.toString()).setParameter(3, config.maxAttempts()).executeUpdate());
                }
                break;
            }
        }
        return handled;
    }

    private boolean handleOne(UUID[] current) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, tenant_id, kind, subject_id, recipient, sealed_link, locale, attempts FROM notification
                         WHERE processed_at IS NULL ORDER BY attempts, created_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = rows.get(0);
        UUID id = (UUID) row[0];
        current[0] = id;
        try {
            Kind kind = Kind.valueOf((String) row[2]);
            if (kind == Kind.INVITATION) {
                invitation(id, (UUID) row[3], (String) row[4], (String) row[5], (String) row[6]);
            } else {
                alert(id, (UUID) row[1], kind, (UUID) row[3]);
            }
            em.createNativeQuery("UPDATE notification SET processed_at = now(), sealed_link = NULL, attempts = attempts + 1 WHERE id = ?1")
                    .setParameter(1, id).executeUpdate();
        } catch (RuntimeException e) {
            int attempts = ((Number) row[7]).intValue() + 1;
            boolean giveUp = attempts >= config.maxAttempts();
            LOG.warnf("notification %s not sent (try %d%s): %s", id, attempts, giveUp ? ", given up" : "", e.toString());
            em.createNativeQuery("""
                            UPDATE notification SET attempts = ?2, last_error = left(?3, 500),
                                   processed_at = CASE WHEN ?4 THEN now() ELSE NULL END,
                                   sealed_link = CASE WHEN ?4 THEN NULL ELSE sealed_link END
                             WHERE id = ?1""")
                    .setParameter(1, id).setParameter(2, attempts).setParameter(3, e.getClass().getSimpleName() + ": " + e.getMessage())
                    .setParameter(4, giveUp).executeUpdate();
            // the next tick tries again (or, given up, the next notification)
            return giveUp;
        }
        return true;
    }

    private void invitation(UUID id, UUID invitationId, String to, String sealedLink, String locale) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT t.name, i.role, i.expires_at, u.display_name, t.time_zone FROM invitation i
                          JOIN tenant t ON t.id = i.tenant_id LEFT JOIN user_account u ON u.id = i.invited_by
                         WHERE i.id = ?1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()""")
                .setParameter(1, invitationId).getResultList();
        if (rows.isEmpty() || to == null || sealedLink == null) {
            return; // revoked, used or expired before it could be sent
        }
        Object[] r = rows.get(0);
        MailTexts texts = NotificationMails.texts(locale);
        String workspace = (String) r[0];
        String inviter = r[3] == null ? "Ponte" : (String) r[3];
        String role = switch ((String) r[1]) {
            case "OWNER" -> texts.role_owner();
            case "ADMIN" -> texts.role_admin();
            default -> texts.role_member();
        };
        String expires = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(zone((String) r[4]))
                .format(r[2] instanceof Timestamp t ? t.toInstant() : (java.time.Instant) r[2]);
        String link = cipher.decrypt(sealedLink, Notifications.aad(id));
        send(NotificationMails.mail(to, texts.invitation_subject(inviter, workspace),
                Templates.invitation(inviter, workspace, role, expires, link), locale));
        LOG.infof("invitation %s mailed", invitationId);
    }

    private void alert(UUID id, UUID tenantId, Kind kind, UUID subjectId) {
        Optional<About> about = about(tenantId, kind, subjectId);
        if (about.isEmpty()) {
            return; // deleted since
        }
        for (Recipient r : recipients(tenantId)) {
            boolean done = exists("SELECT 1 FROM notification_mail WHERE notification_id = ?1 AND user_id = ?2", id, r.userId())
                    || exists("SELECT 1 FROM notification_digest_item WHERE notification_id = ?1 AND user_id = ?2", id, r.userId());
            if (done) {
                continue;
            }
            boolean recent = !em.createNativeQuery("""
                            SELECT 1 FROM notification_mail WHERE user_id = ?1 AND subject_id = ?2
                               AND sent_at > now() - make_interval(secs => ?3) LIMIT 1""")
                    .setParameter(1, r.userId()).setParameter(2, subjectId).setParameter(3, (double) config.quietPeriod().toSeconds())
                    .getResultList().isEmpty();
            if (recent) {
                em.createNativeQuery("INSERT INTO notification_digest_item (id, user_id, notification_id) VALUES (?1, ?2, ?3)")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, r.userId()).setParameter(3, id).executeUpdate();
                continue;
            }
            send(alertMail(r, kind, about.get()));
            em.createNativeQuery("INSERT INTO notification_mail (id, user_id, subject_id, notification_id) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, r.userId()).setParameter(3, subjectId).setParameter(4, id)
                    .executeUpdate();
        }
    }

    private Mail alertMail(Recipient r, Kind kind, About about) {
        MailTexts texts = NotificationMails.texts(r.locale());
        return switch (kind) {
            case RUN_FAILED -> NotificationMails.mail(r.email(), texts.run_failed_subject(about.name()),
                    Templates.runFailed(about.name(), about.workspace(), about.link(), preferencesLink()), r.locale());
            case CONNECTION_NEEDS_RECONNECT -> NotificationMails.mail(r.email(), texts.reconnect_subject(about.name()),
                    Templates.reconnect(about.name(), about.workspace(), about.link(), preferencesLink()), r.locale());
            case HOTTOK_REFUSED -> NotificationMails.mail(r.email(), texts.hottok_subject(about.name()),
                    Templates.hottok(about.name(), about.workspace(), about.link(), preferencesLink()), r.locale());
            case INVITATION -> throw new IllegalArgumentException("an invitation is not an alert");
        };
    }

    /** Name, workspace and history link of the automation or connection concerned; empty when it was deleted. */
    private Optional<About> about(UUID tenantId, Kind kind, UUID subjectId) {
        String sql = kind == Kind.RUN_FAILED
                ? "SELECT a.name, t.name FROM automation a JOIN tenant t ON t.id = a.tenant_id WHERE a.id = ?1 AND a.tenant_id = ?2"
                : "SELECT c.display_name, t.name FROM connection c JOIN tenant t ON t.id = c.tenant_id WHERE c.id = ?1 AND c.tenant_id = ?2";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, subjectId).setParameter(2, tenantId).getResultList();
        return rows.stream().findFirst().map(r -> new About((String) r[0], (String) r[1], link(tenantId, kind, subjectId)));
    }

    /**
     * The page in the web app, opened in the workspace concerned (the user may belong to several): the
     * automation's failed runs in the run history, or the connection's page.
     */
    private String link(UUID tenantId, Kind kind, UUID subjectId) {
        String workspace = appUrl() + "/workspaces/" + tenantId;
        return kind == Kind.RUN_FAILED
                ? workspace + "/runs?automation=" + subjectId + "&status=FAILED"
                : workspace + "/connections/" + subjectId;
    }

    /** Where a user switches alert e-mails off or changes their language. */
    private String preferencesLink() {
        return appUrl() + "/preferences";
    }

    private String appUrl() {
        return ponte.publicUrl().toString().replaceAll("/+$", "") + "/app";
    }

    /** Owners and admins of the workspace with an e-mail address who have not switched alerts off. */
    private List<Recipient> recipients(UUID tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT u.id, u.email, COALESCE(p.locale, 'pt-BR') FROM membership m
                          JOIN user_account u ON u.id = m.user_id
                          LEFT JOIN notification_preference p ON p.user_id = u.id
                         WHERE m.tenant_id = ?1 AND m.role IN ('OWNER', 'ADMIN') AND u.email IS NOT NULL
                           AND COALESCE(p.failure_emails, true)
                         ORDER BY u.id""")
                .setParameter(1, tenantId).getResultList();
        return rows.stream().map(r -> new Recipient((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Sends each user's held-back alerts as one e-mail, then purges old outbox rows; answers how many digests were sent. */
    public int sendDigests() {
        @SuppressWarnings("unchecked")
        List<UUID> users = tx(() -> em.createNativeQuery("SELECT DISTINCT user_id FROM notification_digest_item WHERE sent_at IS NULL")
                .getResultList());
        int sent = 0;
        for (UUID user : users) {
            try {
                if (tx(() -> digest(user))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("digest for user %s not sent, kept for the next run: %s", user, e.toString());
            }
        }
        tx(() -> {
            double seconds = config.retention().toSeconds();
            em.createNativeQuery("DELETE FROM notification WHERE processed_at < now() - make_interval(secs => ?1)")
                    .setParameter(1, seconds).executeUpdate();
            em.createNativeQuery("DELETE FROM notification_mail WHERE sent_at < now() - make_interval(secs => ?1)")
                    .setParameter(1, seconds).executeUpdate();
            return null;
        });
        return sent;
    }

    private boolean digest(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> items = em.createNativeQuery("""
                        SELECT d.id, n.tenant_id, n.kind, n.subject_id FROM notification_digest_item d
                          JOIN notification n ON n.id = d.notification_id
                         WHERE d.user_id = ?1 AND d.sent_at IS NULL ORDER BY d.created_at FOR UPDATE OF d SKIP LOCKED""")
                .setParameter(1, userId).getResultList();
        if (items.isEmpty()) {
            return false;
        }
        List<UUID> ids = items.stream().map(i -> (UUID) i[0]).toList();
        em.createNativeQuery("UPDATE notification_digest_item SET sent_at = now() WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(UUID[]::new)).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> user = em.createNativeQuery("""
                        SELECT u.email, COALESCE(p.locale, 'pt-BR') FROM user_account u
                          LEFT JOIN notification_preference p ON p.user_id = u.id
                         WHERE u.id = ?1 AND u.email IS NOT NULL AND COALESCE(p.failure_emails, true)""")
                .setParameter(1, userId).getResultList();
        if (user.isEmpty()) {
            return false; // switched off since: the held-back alerts are dropped
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Object[]> firsts = new LinkedHashMap<>();
        for (Object[] i : items) {
            String key = i[2] + "/" + i[3];
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            firsts.putIfAbsent(key, i);
        }
        List<DigestLine> lines = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : firsts.entrySet()) {
            Object[] i = e.getValue();
            Kind kind = Kind.valueOf((String) i[2]);
            about((UUID) i[1], kind, (UUID) i[3]).ifPresent(a ->
                    lines.add(new DigestLine(kind.name(), a.name(), a.workspace(), counts.get(e.getKey())[0], a.link())));
        }
        if (lines.isEmpty()) {
            return false;
        }
        String email = (String) user.get(0)[0];
        String locale = (String) user.get(0)[1];
        long total = lines.stream().mapToLong(DigestLine::count).sum();
        send(NotificationMails.mail(email, NotificationMails.texts(locale).digest_subject(), Templates.digest(lines, preferencesLink()), locale));
        LOG.infof("digest of %d alerts mailed to user %s", total, userId);
        return true;
    }

    private boolean exists(String sql, UUID a, UUID b) {
        return !em.createNativeQuery(sql).setParameter(1, a).setParameter(2, b).getResultList().isEmpty();
    }

    private void send(Mail mail) {
        mailer.send(mail);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("America/Sao_Paulo");
        }
    }

    private <T> T tx(Callable<T> work) {
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(work));
    }
}
