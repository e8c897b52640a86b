package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import app.ponte.server.tenant.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import app.ponte.server.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    /** The hot statements (claim, finish) go through JDBC: the same connection, enlisted in the same transaction, without Hibernate's per-statement parsing. */
    private final AgroalDataSource dataSource;
    private final TenantContext tenants;
    private final Duration lease;
    private final Notifications notifications;

    RunStore(EntityManager em, AgroalDataSource dataSource, TenantContext tenants, PonteConfig config, Notifications notifications) {
        this.em = em;
        this.dataSource = dataSource;
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

    /** Work on the transaction's JDBC connection. */
    @FunctionalInterface
    private interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }

    /** {@link #tx} with plain JDBC on the transaction's connection (Agroal enlists it; closing it here does not end the transaction). */
    private <T> T jdbc(Sql<T> work) {
        return tx(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        });
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
     * Claims the head of the subject's queue if it may run now — queued or due for a retry, or
     * left running by a worker whose lease expired — and reads everything its execution needs, in
     * one statement. Empty when the queue is empty or its head must wait (running elsewhere, retry
     * not due, parked): the runs behind it wait with it.
     */
    public Optional<RunWork> claim(Subject subject) {
        return jdbc(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setTimestamp(1, Timestamp.from(Instant.now().plus(lease)));
                claim.setObject(2, subject.tenantId());
                claim.setString(3, subject.hash());
                try (ResultSet row = claim.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Object[] columns = new Object[row.getMetaData().getColumnCount()];
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = row.getObject(i + 1);
                    }
                    return Optional.of(RunWork.of(columns));
                }
            }
        });
    }

    private static final String CLAIM = """
                            WITH head AS (
                                UPDATE run SET status = 'RUNNING', lease_until = ?, updated_at = now()
                                 WHERE id = (SELECT id FROM run WHERE tenant_id = ? AND subject_hash = ? AND status IN\s""" + OPEN + """
                                              ORDER BY seq LIMIT 1)
                                   AND ((status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= now())
                                        OR (status = 'RUNNING' AND lease_until < now()))
                                RETURNING id, tenant_id, automation_id, automation_version, attempts, subject_hash, inbound_event_id,
                                          deferred, manual, seq, created_at)
                            SELECT r.id, r.tenant_id, r.automation_id, r.automation_version, r.attempts, r.subject_hash,
                                   e.id, e.connection_id, e.connector_id, e.trigger_key, e.dedup_key, e.event_type, e.occurred_at, e.payload,
                                   a.status, a.action_connector, a.action_key, a.action_connection_id,
                                   v.mapping, v.filter, v.trigger_settings, t.time_zone, r.deferred, r.manual, e.received_at, e.trace_parent,
                                   t.plan,
                                   (SELECT count(*) FROM run o WHERE o.tenant_id = r.tenant_id AND o.subject_hash = r.subject_hash
                                       AND o.seq <= r.seq AND o.created_at > r.created_at - interval '1 minute'),
                                   c.status, c.connector_id, c.secrets, c.attributes, c.expires_at
                              FROM head r
                              JOIN inbound_event e ON e.id = r.inbound_event_id
                              JOIN automation a ON a.id = r.automation_id
                              JOIN automation_version v ON v.automation_id = a.id AND v.version = r.automation_version
                              JOIN tenant t ON t.id = r.tenant_id
                              LEFT JOIN connection c ON c.id = a.action_connection_id AND c.tenant_id = r.tenant_id""";

    /**
     * Subjects with a run that may go now and that nobody may be working on: a due retry, a dead
     * worker and, with {@code missedWakeUps}, runs queued for over 2 s (a wake-up lost in a crash —
     * or a backlog waiting for threads, which is why the scheduler looks for those less often). Each
     * status is looked up in its own index: a backlog of queued runs costs the ticks nothing.
     */
    public List<Subject> dueSubjects(int limit, boolean missedWakeUps) {
        return tx(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT DISTINCT r.tenant_id, r.subject_hash
                              FROM (SELECT tenant_id, subject_hash, seq FROM run WHERE status = 'RETRYING' AND next_attempt_at <= now()
                                    UNION ALL
                                    SELECT tenant_id, subject_hash, seq FROM run WHERE status = 'RUNNING' AND lease_until < now()
                                    UNION ALL
                                    SELECT tenant_id, subject_hash, seq FROM run
                                     WHERE ?2 AND status = 'QUEUED' AND next_attempt_at <= now() - interval '2 seconds') r
                             WHERE NOT EXISTS (SELECT 1 FROM run h WHERE h.tenant_id = r.tenant_id AND h.subject_hash = r.subject_hash
                                                  AND h.status IN\s""" + OPEN + """
                                                  AND h.seq < r.seq)
                             LIMIT ?1""")
                    .setParameter(1, limit).setParameter(2, missedWakeUps).getResultList();
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

    /**
     * Records an attempt's outcome on the run (still under the worker's lease) and in the run's
     * attempt log, with what goes with it in the same transaction: the action's own writes (for
     * the loop guard) and, for a workspace without a run limit, the month's count.
     *
     * @return whether the subject has another open run (its queue is to be looked at again)
     */
    public boolean finish(RunWork run, RunExecutor.Executed executed, Instant startedAt) {
        Outcome outcome = executed.outcome();
        Timestamp next = outcome.nextAttemptAt().map(Timestamp::from).orElse(null);
        int attempts = run.attempts() + (outcome.counted() ? 1 : 0);
        return jdbc(connection -> {
            if (recordOutcome(connection, run, executed, startedAt, attempts, next) && outcome.status() == RunStatus.FAILED) {
                // the owners hear of a permanent failure (NotificationSender, at most one e-mail per automation per hour)
                notifications.runFailed(run.tenantId(), run.automationId());
            }
            try (PreparedStatement open = connection.prepareStatement(
                    "SELECT 1 FROM run WHERE tenant_id = ? AND subject_hash = ? AND status IN " + OPEN + " LIMIT 1")) {
                open.setObject(1, run.tenantId());
                open.setString(2, run.subjectHash());
                try (ResultSet row = open.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** @return false when the run was no longer this worker's (its lease expired and another took it) */
    private boolean recordOutcome(Connection connection, RunWork run, RunExecutor.Executed executed, Instant startedAt, int attempts,
            Timestamp next) throws SQLException {
        Outcome outcome = executed.outcome();
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE run SET status = ?, attempts = ?, next_attempt_at = ?, lease_until = NULL,
                       inputs = COALESCE(?, inputs), outputs = COALESCE(?, outputs), error = ?,
                       waiting_connection_id = ?, updated_at = now(), deferred = ?,
                       finished_at = CASE WHEN ? THEN now() ELSE NULL END
                 WHERE id = ? AND status = 'RUNNING'""")) {
            update.setString(1, outcome.status().name());
            update.setInt(2, attempts);
            update.setTimestamp(3, next);
            update.setString(4, outcome.inputs());
            update.setString(5, outcome.outputs());
            update.setString(6, outcome.error());
            update.setObject(7, outcome.waitingConnection());
            update.setBoolean(8, "DEFERRED".equals(outcome.attemptOutcome()));
            update.setBoolean(9, outcome.status().isFinal());
            update.setObject(10, run.runId());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        if (outcome.counted() || outcome.status().isFinal() || outcome.status() == RunStatus.PARKED) {
            try (PreparedStatement attempt = connection.prepareStatement("""
                    INSERT INTO run_attempt (id, tenant_id, run_id, number, automation_version, started_at, finished_at,
                                             outcome, error, next_attempt_at, calls)
                    VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?, ?, ?)""")) {
                attempt.setObject(1, UUID.randomUUID());
                attempt.setObject(2, run.tenantId());
                attempt.setObject(3, run.runId());
                attempt.setInt(4, attempts);
                attempt.setInt(5, run.automationVersion());
                attempt.setTimestamp(6, Timestamp.from(startedAt));
                attempt.setString(7, outcome.attemptOutcome());
                attempt.setString(8, outcome.error());
                attempt.setTimestamp(9, next);
                attempt.setString(10, executed.calls());
                attempt.executeUpdate();
            }
        }
        if (!outcome.ownWrites().isEmpty()) {
            insertOwnWrites(connection, run.tenantId(), run.actionConnectionId(), outcome.ownWrites());
        }
        if (executed.meter()) {
            try (PreparedStatement count = connection.prepareStatement("""
                    INSERT INTO usage_month AS u (tenant_id, month, runs_executed)
                    VALUES (?, date_trunc('month', now() AT TIME ZONE 'UTC')::date, 1)
                    ON CONFLICT (tenant_id, month) DO UPDATE SET runs_executed = u.runs_executed + 1""")) {
                count.setObject(1, run.tenantId());
                count.executeUpdate();
            }
        }
        return true;
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
        if (!ids.isEmpty()) {
            jdbc(connection -> {
                insertOwnWrites(connection, tenantId, connectionId, ids);
                return null;
            });
        }
    }

    private static void insertOwnWrites(Connection connection, UUID tenantId, UUID connectionId, Map<String, String> ids)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO own_write (tenant_id, connection_id, entity_key, entity_id, written_at) VALUES (?, ?, ?, ?, now())
                ON CONFLICT (connection_id, entity_key, entity_id) DO UPDATE SET written_at = now()""")) {
            for (Map.Entry<String, String> id : ids.entrySet()) {
                insert.setObject(1, tenantId);
                insert.setObject(2, connectionId);
                insert.setString(3, id.getKey());
                insert.setString(4, id.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
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
