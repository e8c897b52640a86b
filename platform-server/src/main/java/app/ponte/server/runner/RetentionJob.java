package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Purges the run history past its retention (default 90 days): events received before the cut-off
 * with their runs and attempts (a run still open keeps its event), the webhook delivery log, and
 * the loop guard's old notes. Small batches, so no table is locked for long; any instance may run
 * it, several at once only repeat deletes that find nothing.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    private static final int BATCH = 1_000;

    private final EntityManager em;
    private final TenantContext tenants;
    private final Duration retention;

    RetentionJob(EntityManager em, TenantContext tenants, PonteConfig config) {
        this.em = em;
        this.tenants = tenants;
        this.retention = config.runner().retention();
    }

    public record Purged(long events, long deliveries, long ownWrites) {
    }

    @Scheduled(cron = "{ponte.runner.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Purged purged = purge(Instant.now().minus(retention));
        LOG.infof("retention: purged %d events (with their runs), %d webhook deliveries, %d loop-guard notes",
                purged.events(), purged.deliveries(), purged.ownWrites());
    }

    /** Deletes what was received before {@code cutOff}. */
    public Purged purge(Instant cutOff) {
        Timestamp before = Timestamp.from(cutOff);
        long events = batches("""
                DELETE FROM inbound_event WHERE id IN (
                    SELECT e.id FROM inbound_event e WHERE e.received_at < ?1 AND e.relayed_at IS NOT NULL
                       AND NOT EXISTS (SELECT 1 FROM run r WHERE r.inbound_event_id = e.id
                                          AND r.status IN ('QUEUED', 'RUNNING', 'RETRYING', 'PARKED'))
                     LIMIT ?2)""", before);
        long deliveries = batches("DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery WHERE received_at < ?1 LIMIT ?2)",
                before);
        long ownWrites = batches("""
                DELETE FROM own_write WHERE (connection_id, entity_key, entity_id) IN (
                    SELECT connection_id, entity_key, entity_id FROM own_write WHERE written_at < ?1 LIMIT ?2)""",
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
        return new Purged(events, deliveries, ownWrites);
    }

    private long batches(String sql, Timestamp before) {
        long total = 0;
        int deleted;
        do {
            deleted = tenants.call(TenantContext.NONE, () -> QuarkusTransaction.requiringNew().call(() ->
                    em.createNativeQuery(sql).setParameter(1, before).setParameter(2, BATCH).executeUpdate()));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
