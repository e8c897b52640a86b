package app.ponte.server.crypto;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.notification.Notifications;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * After a key rotation ({@code PONTE_CRYPTO_KEY} new, the old one moved to
 * {@code PONTE_CRYPTO_PREVIOUS_KEYS}), rewrites every secret still under a previous key with the
 * active key while the platform keeps serving: reads under a previous key keep working meanwhile
 * ({@link SecretCipher}). Each row is rewritten in its own short transaction, a connection under its
 * refresh lock (the lock a token refresh takes), so a concurrent refresh is neither lost nor
 * overwritten. Several instances may run it at once ({@code SKIP LOCKED}). Covers connection
 * secrets, webhook subscription handles and the links of invitations waiting to be mailed.
 */
@ApplicationScoped
public class SecretReencryption {

    private static final Logger LOG = Logger.getLogger(SecretReencryption.class);
    private static final int BATCH = 100;

    /** Rows rewritten and rows still under a previous key (e.g. a key no instance knows, or a damaged row). */
    public record Result(int rewritten, long remaining) {
    }

    private final EntityManager em;
    private final SecretCipher cipher;
    private final TenantContext tenants;

    SecretReencryption(EntityManager em, SecretCipher cipher, TenantContext tenants) {
        this.em = em;
        this.cipher = cipher;
        this.tenants = tenants;
    }

    @Scheduled(identity = "secret-reencryption", every = "${ponte.crypto.reencrypt-every}", delayed = "30s",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = run();
        if (result.rewritten() > 0 || result.remaining() > 0) {
            LOG.infof("re-encryption under key %s: %d secrets rewritten, %d still under a previous key",
                    cipher.activeKeyId(), result.rewritten(), result.remaining());
        }
    }

    /** Rewrites everything under a previous key now. */
    public Result run() {
        int rewritten = 0;
        rewritten += rewrite("""
                SELECT id FROM connection WHERE key_id <> ?1 ORDER BY id LIMIT ?2""", this::connection);
        rewritten += rewrite("""
                SELECT id FROM connection_subscription WHERE handle IS NOT NULL AND key_id IS DISTINCT FROM ?1 ORDER BY id LIMIT ?2""",
                this::subscription);
        rewritten += rewrite("""
                SELECT id FROM notification WHERE sealed_link IS NOT NULL AND split_part(sealed_link, ':', 2) <> ?1
                 ORDER BY id LIMIT ?2""", this::notification);
        return new Result(rewritten, remaining());
    }

    /** Secrets not under the active key: 0 means previous keys can be removed from the configuration. */
    public long remaining() {
        return tx(() -> ((Number) em.createNativeQuery("""
                        SELECT (SELECT count(*) FROM connection WHERE key_id <> ?1)
                             + (SELECT count(*) FROM connection_subscription WHERE handle IS NOT NULL AND key_id IS DISTINCT FROM ?1)
                             + (SELECT count(*) FROM notification WHERE sealed_link IS NOT NULL AND split_part(sealed_link, ':', 2) <> ?1)""")
                .setParameter(1, cipher.activeKeyId()).getSingleResult()).longValue());
    }

    private int rewrite(String candidates, java.util.function.Predicate<UUID> one) {
        int rewritten = 0;
        java.util.Set<UUID> failed = new java.util.HashSet<>();
        while (true) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = tx(() -> em.createNativeQuery(candidates).setParameter(1, cipher.activeKeyId())
                    .setParameter(2, BATCH + failed.size()).getResultList());
            List<UUID> todo = ids.stream().filter(id -> !failed.contains(id)).toList();
            if (todo.isEmpty()) {
                return rewritten;
            }
            for (UUID id : todo) {
                try {
                    if (tx(() -> one.test(id))) {
                        rewritten++;
                    }
                } catch (RuntimeException e) {
                    failed.add(id); // under a key this instance does not know, or damaged: counted in remaining()
                    LOG.warnf("secret of %s not re-encrypted: %s", id, e.getMessage());
                }
            }
        }
    }

    private boolean connection(UUID id) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ConnectionStore.lockKey(id)).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT tenant_id, secrets FROM connection WHERE id = ?1 AND key_id <> ?2 FOR UPDATE")
                .setParameter(1, id).setParameter(2, cipher.activeKeyId()).getResultList();
        if (rows.isEmpty()) {
            return false; // rewritten meanwhile (a refresh or another instance)
        }
        String aad = "connection:" + rows.get(0)[0] + ":" + id;
        String plaintext = cipher.decrypt((String) rows.get(0)[1], aad);
        em.createNativeQuery("UPDATE connection SET secrets = ?2, key_id = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, cipher.encrypt(plaintext, aad)).setParameter(3, cipher.activeKeyId())
                .executeUpdate();
        return true;
    }

    private boolean subscription(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT tenant_id, handle FROM connection_subscription
                         WHERE id = ?1 AND handle IS NOT NULL AND key_id IS DISTINCT FROM ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, id).setParameter(2, cipher.activeKeyId()).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        String aad = "connection_subscription:" + rows.get(0)[0] + ":" + id;
        String plaintext = cipher.decrypt((String) rows.get(0)[1], aad);
        em.createNativeQuery("UPDATE connection_subscription SET handle = ?2, key_id = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, cipher.encrypt(plaintext, aad)).setParameter(3, cipher.activeKeyId())
                .executeUpdate();
        return true;
    }

    private boolean notification(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                        SELECT sealed_link FROM notification WHERE id = ?1 AND sealed_link IS NOT NULL
                           AND split_part(sealed_link, ':', 2) <> ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, id).setParameter(2, cipher.activeKeyId()).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        String aad = Notifications.aad(id);
        em.createNativeQuery("UPDATE notification SET sealed_link = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, cipher.encrypt(cipher.decrypt(rows.get(0), aad), aad)).executeUpdate();
        return true;
    }

    private <T> T tx(java.util.concurrent.Callable<T> work) {
        return tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(work));
    }
}
