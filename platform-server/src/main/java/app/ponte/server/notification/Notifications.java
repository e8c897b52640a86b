package app.ponte.server.notification;

import app.ponte.server.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URI;
import java.util.UUID;

/**
 * Records facts worth an e-mail in the notification outbox, inside the caller's transaction: the
 * fact and its notification commit or roll back together. {@link NotificationSender} mails them.
 * Nothing personal is recorded beyond an invitation's address: texts are built from ids and names
 * of automations and connections at sending time.
 */
@ApplicationScoped
public class Notifications {

    public enum Kind { INVITATION, RUN_FAILED, CONNECTION_NEEDS_RECONNECT, HOTTOK_REFUSED }

    private final EntityManager em;
    private final SecretCipher cipher;
    private final NotificationConfig config;

    Notifications(EntityManager em, SecretCipher cipher, NotificationConfig config) {
        this.em = em;
        this.cipher = cipher;
        this.config = config;
    }

    /** A run of {@code automationId} ended FAILED (a permanent failure). */
    @Transactional(TxType.MANDATORY)
    public void runFailed(UUID tenantId, UUID automationId) {
        insert(tenantId, Kind.RUN_FAILED, automationId, null, null, null);
    }

    /** {@code connectionId} just became NEEDS_RECONNECT. */
    @Transactional(TxType.MANDATORY)
    public void connectionNeedsReconnect(UUID tenantId, UUID connectionId) {
        insert(tenantId, Kind.CONNECTION_NEEDS_RECONNECT, connectionId, null, null, null);
    }

    /**
     * A Hotmart delivery on {@code connectionId} was just recorded as UNAUTHENTICATED: when that makes
     * {@link NotificationConfig#hottokRefusals()} within the last hour, the owners hear of it.
     */
    @Transactional(TxType.MANDATORY)
    public void hottokRefused(UUID tenantId, UUID connectionId) {
        Number refusals = (Number) em.createNativeQuery("""
                        SELECT count(*) FROM webhook_delivery
                         WHERE tenant_id = ?1 AND connection_id = ?2 AND outcome = 'UNAUTHENTICATED'
                           AND received_at > now() - interval '1 hour'""")
                .setParameter(1, tenantId).setParameter(2, connectionId).getSingleResult();
        if (refusals.intValue() == config.hottokRefusals()) {
            insert(tenantId, Kind.HOTTOK_REFUSED, connectionId, null, null, null);
        }
    }

    /** An invitation by e-mail: the link is sealed (it grants membership) and erased once sent. */
    @Transactional(TxType.MANDATORY)
    public void invitation(UUID tenantId, UUID invitationId, String email, URI link, String locale) {
        UUID id = UUID.randomUUID();
        insert(tenantId, Kind.INVITATION, invitationId, email, cipher.encrypt(link.toString(), aad(id)), locale, id);
    }

    /** The associated data binding an invitation link's ciphertext to its outbox row. */
    public static String aad(UUID notificationId) {
        return "notification:" + notificationId;
    }

    private void insert(UUID tenantId, Kind kind, UUID subjectId, String recipient, String sealedLink, String locale) {
        insert(tenantId, kind, subjectId, recipient, sealedLink, locale, UUID.randomUUID());
    }

    private void insert(UUID tenantId, Kind kind, UUID subjectId, String recipient, String sealedLink, String locale, UUID id) {
        em.createNativeQuery("""
                        INSERT INTO notification (id, tenant_id, kind, subject_id, recipient, sealed_link, locale)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, id).setParameter(2, tenantId).setParameter(3, kind.name()).setParameter(4, subjectId)
                .setParameter(5, recipient).setParameter(6, sealedLink).setParameter(7, locale)
                .executeUpdate();
    }
}
