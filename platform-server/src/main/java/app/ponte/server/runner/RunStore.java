package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The runner's state transitions, as single SQL statements: they act for the platform across
 * tenants (as the ingress does), naming the tenant and the run explicitly in every statement.
 * The tenant-facing reads go through {@link RunHistory}, which Hibernate's tenant filter scopes.
 */
@ApplicationScoped
public class RunStore {

    static final String OPEN = "('QUEUED', 'RUNNING', 'RETRYING', 'PARKED')";

    private final EntityManager em;
    private final TenantContext tenants;
    private final Duration lease;

    RunStore(EntityManager em, TenantContext tenants, PonteConfig config) {
        this.em = em;
        this.tenants = tenants;
        this.lease = config.runner().lease();
    }

    /** A transaction for the platform itself (no workspace: entity reads see no tenant's rows), unless a tenant's context is set. */
    private <T> T tx(Callable<T> work) {
        Callable<T> inTx = () -> QuarkusTransaction.requiringNew().call(work);
        try {
            return tenants.current().isPresent() ? inTx.call() : tenants.call(TenantContext.NONE, inTx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A subject's queue: one person's events within one workspace. */
    public record Subject(UUID tenantId, String hash) {
    }

    /**
     * Queues one run per active automation of each event's trigger and connection, in the order the
     * events are given (a subject's order: seq follows it). A redelivered event queues nothing new
     * (the (automation, event) key).
     *
     * @return how many runs were queued now
     */
    public int queueRuns(UUID[] tenantIds, UUID[] eventIds) {
        return tx(() -> em.createNativeQuery("""
                        INSERT INTO run (id, tenant_id, automation_id, automation_version, inbound_event_id, subject_hash, status, next_attempt_at)
                        SELECT gen_random_uuid(), e.tenant_id, a.id, a.current_version, e.id, e.subject_hash, 'QUEUED', now()
                          FROM unnest(?1, ?2) WITH ORDINALITY AS b(tenant_id, event_id, n)
                          JOIN inbound_event e ON e.id = b.event_id AND e.tenant_id = b.tenant_id
                          JOIN automation a ON a.tenant_id = e.tenant_id AND a.trigger_connection_id = e.connection_id
                                           AND a.trigger_key = e.trigger_key AND a.trigger_connector = e.connector_id
                                           AND a.status = 'ACTIVE'
                         ORDER BY b.n, a.created_at, a.id
                        ON CONFLICT ON CONSTRAINT run_automation_event_uk DO NOTHING""")
                .setParameter(1, tenantIds).setParameter(2, eventIds).executeUpdate());
    }

    /**
     * Claims the head of the subject's queue if it may run now: queued or due for a retry, or
     * left running by a worker whose lease expired. Empty when the queue is empty or its head must
     * wait (running elsewhere, retry not due, parked) — the runs behind it wait with it.
     */
    public Optional<UUID> claimHead(Subject subject) {
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object> claimed = em.createNativeQuery("""
                            UPDATE run SET status = 'RUNNING', lease_until = ?3, updated_at = now()
                             WHERE id = (SELECT id FROM run WHERE tenant_id = ?1 AND subject_hash = ?2 AND status IN\s""" + OPEN + """
                                          ORDER BY seq LIMIT 1)
                               AND ((status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= now())
                                    OR (status = 'RUNNING' AND lease_until < now()))
                            RETURNING id""")
                    .setParameter(1, subject.tenantId()).setParameter(2, subject.hash())
                    .setParameter(3, Timestamp.from(Instant.now().plus(lease)))
                    .getResultList();
            return claimed.stream().findFirst().map(id -> (UUID) id);
        });
    }

    /** Subjects with a run that may go now and that nobody may be working on (a missed wake-up, a due retry, a dead worker). */
    public List<Subject> dueSubjects(int limit) {
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT DISTINCT r.tenant_id, r.subject_hash FROM run r
                             WHERE ((r.status = 'RETRYING' AND r.next_attempt_at <= now())
                                    OR (r.status = 'QUEUED' AND r.next_attempt_at <= now() - interval '2 seconds')
                                    OR (r.status = 'RUNNING' AND r.lease_until < now()))
                               AND NOT EXISTS (SELECT 1 FROM run h WHERE h.tenant_id = r.tenant_id AND h.subject_hash = r.subject_hash
                                                  AND h.status IN\s""" + OPEN + """
                                                  AND h.seq < r.seq)
                             LIMIT ?1""")
                    .setParameter(1, limit).getResultList();
            return rows.stream().map(r -> new Subject((UUID) r[0], (String) r[1])).toList();
        });
    }

    /** Parked runs whose connection is OK again go back to their queues, due now. */
    public List<Subject> resumeParked() {
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            UPDATE run r SET status = 'RETRYING', next_attempt_at = now(), waiting_connection_id = NULL, updated_at = now()
                              FROM connection c
                             WHERE r.status = 'PARKED' AND c.id = r.waiting_connection_id AND c.tenant_id = r.tenant_id
                               AND c.status = 'OK'
                            RETURNING r.tenant_id, r.subject_hash""")
                    .getResultList();
            return rows.stream().map(r -> new Subject((UUID) r[0], (String) r[1])).distinct().toList();
        });
    }

    /** What the claimed run is to execute. */
    public Optional<RunWork> load(UUID runId) {
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT r.id, r.tenant_id, r.automation_id, r.automation_version, r.attempts, r.subject_hash,
                                   e.id, e.connection_id, e.connector_id, e.trigger_key, e.dedup_key, e.event_type, e.occurred_at, e.payload,
                                   a.status, a.action_connector, a.action_key, a.action_connection_id,
                                   v.mapping, v.filter, v.trigger_settings, t.time_zone
                              FROM run r
                              JOIN inbound_event e ON e.id = r.inbound_event_id
                              JOIN automation a ON a.id = r.automation_id
                              JOIN automation_version v ON v.automation_id = a.id AND v.version = r.automation_version
                              JOIN tenant t ON t.id = r.tenant_id
                             WHERE r.id = ?1""")
                    .setParameter(1, runId).getResultList();
            return rows.stream().findFirst().map(RunWork::of);
        });
    }

    /** Records an attempt's outcome on the run (still under the worker's lease) and in the run's attempt log. */
    public void finish(RunWork run, Outcome outcome, Instant startedAt, String calls) {
        tx(() -> {
            Timestamp next = outcome.nextAttemptAt().map(Timestamp::from).orElse(null);
            int attempts = run.attempts() + (outcome.counted() ? 1 : 0);
            em.createNativeQuery("""
                            UPDATE run SET status = ?2, attempts = ?3, next_attempt_at = ?4, lease_until = NULL,
                                   inputs = COALESCE(?5, inputs), outputs = COALESCE(?6, outputs), error = ?7,
                                   waiting_connection_id = ?8, updated_at = now(),
                                   finished_at = CASE WHEN ?9 THEN now() ELSE NULL END
                             WHERE id = ?1 AND status = 'RUNNING'""")
                    .setParameter(1, run.runId()).setParameter(2, outcome.status().name()).setParameter(3, attempts)
                    .setParameter(4, next).setParameter(5, outcome.inputs()).setParameter(6, outcome.outputs())
                    .setParameter(7, outcome.error()).setParameter(8, outcome.waitingConnection())
                    .setParameter(9, outcome.status().isFinal())
                    .executeUpdate();
            if (outcome.counted() || outcome.status().isFinal() || outcome.status() == RunStatus.PARKED) {
                em.createNativeQuery("""
                                INSERT INTO run_attempt (id, tenant_id, run_id, number, automation_version, started_at, finished_at,
                                                         outcome, error, next_attempt_at, calls)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6, now(), ?7, ?8, ?9, ?10)""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, run.tenantId()).setParameter(3, run.runId())
                        .setParameter(4, attempts).setParameter(5, run.automationVersion()).setParameter(6, Timestamp.from(startedAt))
                        .setParameter(7, outcome.attemptOutcome()).setParameter(8, outcome.error()).setParameter(9, next)
                        .setParameter(10, calls)
                        .executeUpdate();
            }
            return null;
        });
    }

    /**
     * Puts final runs back at the head of their queues, to run again with the automation's
     * current version (a replay). Open runs are left as they are.
     *
     * @return the subjects to wake
     */
    public List<Subject> requeue(UUID tenantId, List<UUID> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            UPDATE run r SET status = 'QUEUED', next_attempt_at = now(), automation_version = a.current_version,
                                   error = NULL, finished_at = NULL, waiting_connection_id = NULL, updated_at = now()
                              FROM automation a
                             WHERE r.tenant_id = ?1 AND r.id = ANY(?2) AND a.id = r.automation_id AND a.tenant_id = r.tenant_id
                               AND a.status <> 'DELETED' AND r.status IN ('SUCCEEDED', 'FILTERED', 'FAILED')
                            RETURNING r.tenant_id, r.subject_hash""")
                    .setParameter(1, tenantId).setParameter(2, runIds.toArray(UUID[]::new)).getResultList();
            return rows.stream().map(r -> new Subject((UUID) r[0], (String) r[1])).distinct().toList();
        });
    }
}
