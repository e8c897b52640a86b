package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import app.ponte.server.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final Notifications notifications;

    RunStore(EntityManager em, TenantContext tenants, PonteConfig config, Notifications notifications) {
        this.em = em;
        this.notifications = notifications;
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
     * Queues a run of one automation on one event by hand ("executar agora"), whatever the
     * automation's status; a run that already exists for the pair is put back in its queue instead.
     *
     * @return the run's id and subject
     */
    public Subject queueManual(UUID tenantId, UUID automationId, UUID eventId) {
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            INSERT INTO run (id, tenant_id, automation_id, automation_version, inbound_event_id, subject_hash, status,
                                             next_attempt_at, manual)
                            SELECT gen_random_uuid(), e.tenant_id, a.id, a.current_version, e.id, e.subject_hash, 'QUEUED', now(), true
                              FROM inbound_event e JOIN automation a ON a.tenant_id = e.tenant_id AND a.id = ?2
                             WHERE e.id = ?3 AND e.tenant_id = ?1
                            ON CONFLICT ON CONSTRAINT run_automation_event_uk DO UPDATE SET status = 'QUEUED', next_attempt_at = now(),
                                   automation_version = EXCLUDED.automation_version, manual = true, error = NULL, finished_at = NULL,
                                   updated_at = now()
                             WHERE run.status IN ('SUCCEEDED', 'FILTERED', 'FAILED')
                            RETURNING tenant_id, subject_hash""")
                    .setParameter(1, tenantId).setParameter(2, automationId).setParameter(3, eventId).getResultList();
            return rows.stream().findFirst().map(r -> new Subject((UUID) r[0], (String) r[1])).orElse(null);
        });
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
                                   v.mapping, v.filter, v.trigger_settings, t.time_zone, r.deferred, r.manual, e.received_at, e.trace_parent
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
            int updated = em.createNativeQuery("""
                            UPDATE run SET status = ?2, attempts = ?3, next_attempt_at = ?4, lease_until = NULL,
                                   inputs = COALESCE(?5, inputs), outputs = COALESCE(?6, outputs), error = ?7,
                                   waiting_connection_id = ?8, updated_at = now(), deferred = ?10,
                                   finished_at = CASE WHEN ?9 THEN now() ELSE NULL END
                             WHERE id = ?1 AND status = 'RUNNING'""")
                    .setParameter(1, run.runId()).setParameter(2, outcome.status().name()).setParameter(3, attempts)
                    .setParameter(4, next).setParameter(5, outcome.inputs()).setParameter(6, outcome.outputs())
                    .setParameter(7, outcome.error()).setParameter(8, outcome.waitingConnection())
                    .setParameter(9, outcome.status().isFinal()).setParameter(10, "DEFERRED".equals(outcome.attemptOutcome()))
                    .executeUpdate();
            if (updated == 1 && outcome.status() == RunStatus.FAILED) {
                // the owners hear of a permanent failure (NotificationSender, at most one e-mail per automation per hour)
                notifications.runFailed(run.tenantId(), run.automationId());
            }
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

    /** Notes what a successful action wrote (its outputs' ids), for the loop guard. */
    public void recordOwnWrites(UUID tenantId, UUID connectionId, Map<String, String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        tx(() -> {
            ids.forEach((key, id) -> em.createNativeQuery("""
                            INSERT INTO own_write (tenant_id, connection_id, entity_key, entity_id, written_at) VALUES (?1, ?2, ?3, ?4, now())
                            ON CONFLICT (connection_id, entity_key, entity_id) DO UPDATE SET written_at = now()""")
                    .setParameter(1, tenantId).setParameter(2, connectionId).setParameter(3, key).setParameter(4, id).executeUpdate());
            return null;
        });
    }

    /** Whether Ponte itself wrote one of these entities on the connection within {@code window}. */
    public boolean wroteRecently(UUID tenantId, UUID connectionId, Map<String, String> ids, Duration window) {
        if (ids.isEmpty()) {
            return false;
        }
        return tx(() -> {
            for (Map.Entry<String, String> id : ids.entrySet()) {
                Number found = (Number) em.createNativeQuery("""
                                SELECT count(*) FROM own_write WHERE connection_id = ?1 AND tenant_id = ?2 AND entity_key = ?3
                                   AND entity_id = ?4 AND written_at > ?5""")
                        .setParameter(1, connectionId).setParameter(2, tenantId).setParameter(3, id.getKey())
                        .setParameter(4, id.getValue()).setParameter(5, Timestamp.from(Instant.now().minus(window))).getSingleResult();
                if (found.longValue() > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Runs of the run's subject created in the minute up to it (itself included; later ones not). */
    public long recentSubjectRuns(UUID tenantId, UUID runId) {
        return tx(() -> ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM run r JOIN run me ON me.id = ?2 AND me.tenant_id = ?1
                         WHERE r.tenant_id = ?1 AND r.subject_hash = me.subject_hash AND r.seq <= me.seq
                           AND r.created_at > me.created_at - interval '1 minute'""")
                .setParameter(1, tenantId).setParameter(2, runId).getSingleResult()).longValue());
    }

    /** The workspace's plan; empty: the installation's default plan. */
    public Optional<String> plan(UUID tenantId) {
        return tx(() -> em.createNativeQuery("SELECT plan FROM tenant WHERE id = ?1").setParameter(1, tenantId).getResultList()
                .stream().filter(java.util.Objects::nonNull).map(String.class::cast).findFirst());
    }

    /**
     * Counts one more executed run for the workspace this month (UTC), unless that would pass
     * {@code limit} (negative: no limit). Atomic: concurrent runs cannot overshoot.
     *
     * @return whether the run may go
     */
    public boolean reserveRun(UUID tenantId, long limit) {
        return tx(() -> !em.createNativeQuery("""
                        INSERT INTO usage_month AS u (tenant_id, month, runs_executed)
                        SELECT ?1, date_trunc('month', now() AT TIME ZONE 'UTC')::date, 1 WHERE ?2 < 0 OR ?2 > 0
                        ON CONFLICT (tenant_id, month) DO UPDATE SET runs_executed = u.runs_executed + 1
                         WHERE ?2 < 0 OR u.runs_executed < ?2
                        RETURNING runs_executed""")
                .setParameter(1, tenantId).setParameter(2, limit).getResultList().isEmpty());
    }

    /** Gives back a reservation whose run did not end after reaching the action (deferred, parked, to be retried). */
    public void releaseRun(UUID tenantId) {
        tx(() -> em.createNativeQuery("""
                        UPDATE usage_month SET runs_executed = runs_executed - 1
                         WHERE tenant_id = ?1 AND month = date_trunc('month', now() AT TIME ZONE 'UTC')::date AND runs_executed > 0""")
                .setParameter(1, tenantId).executeUpdate());
    }
}
