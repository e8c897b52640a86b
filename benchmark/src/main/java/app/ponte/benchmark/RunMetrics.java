package app.ponte.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What the runner did, read from the platform's own tables: receipt is {@code inbound_event.received_at}
 * (the ingress commit); "the Kommo call" is the successful attempt's {@code run_attempt.finished_at},
 * taken right after the action's last Kommo call answered (its start, before pacing waits, is
 * {@code started_at}).
 */
final class RunMetrics implements AutoCloseable {

    private final Connection db;

    RunMetrics(Stack stack) throws SQLException {
        this.db = stack.database();
    }

    Instant now() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT clock_timestamp()")) {
            r.next();
            return r.getTimestamp(1).toInstant();
        }
    }

    /**
     * Starts a phase: what earlier phases left unfinished is removed (open runs, events never relayed),
     * their finished runs and events stay as history, and only what arrives from now on is counted.
     * Keeping history is deliberate: a production database holds months of it, and a table emptied and
     * analysed before each phase made PostgreSQL plan every lookup as a sequential scan of an "empty"
     * table that then grew by thousands of rows a second.
     */
    void clean(Collection<UUID> tenants) throws SQLException {
        for (String delete : new String[] {
                "DELETE FROM run_attempt WHERE tenant_id = ANY(?) AND run_id IN (SELECT id FROM run WHERE tenant_id = ANY(?) AND status IN " + OPEN + ")",
                "DELETE FROM run WHERE tenant_id = ANY(?) AND status IN " + OPEN,
                "DELETE FROM inbound_event e WHERE tenant_id = ANY(?) AND relayed_at IS NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM run r WHERE r.inbound_event_id = e.id)"}) {
            try (PreparedStatement s = db.prepareStatement(delete)) {
                for (int i = 1; i <= delete.chars().filter(c -> c == '?').count(); i++) {
                    s.setArray(i, uuids(tenants));
                }
                s.executeUpdate();
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("ANALYZE run_attempt, run, inbound_event, webhook_delivery");
        }
        since = now();
    }

    private static final String OPEN = "('QUEUED', 'RUNNING', 'RETRYING', 'PARKED')";
    /** When the current phase started: events received and runs created before belong to earlier phases. */
    private Instant since = Instant.EPOCH;

    /** Counts of the workspaces' approved-sale events and runs. */
    record Progress(long events, long unrelayed, long runs, long open, long succeeded, long failed) {

        long finished() {
            return runs - open;
        }
    }

    Progress progress(Collection<UUID> tenants) throws SQLException {
        long events;
        long unrelayed;
        try (PreparedStatement s = db.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE relayed_at IS NULL) FROM inbound_event
                 WHERE tenant_id = ANY(?) AND trigger_key = 'purchase_approved' AND received_at >= ?""")) {
            s.setArray(1, uuids(tenants));
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                events = r.getLong(1);
                unrelayed = r.getLong(2);
            }
        }
        try (PreparedStatement s = db.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING', 'RETRYING', 'PARKED')),
                       count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*) FILTER (WHERE status = 'FAILED')
                  FROM run WHERE tenant_id = ANY(?) AND created_at >= ?""")) {
            s.setArray(1, uuids(tenants));
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Progress(events, unrelayed, r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4));
            }
        }
    }

    /** Runs that succeeded within [from, to] (by the successful attempt's end). */
    long succeededBetween(Collection<UUID> tenants, Instant from, Instant to) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT count(*) FROM run_attempt WHERE tenant_id = ANY(?) AND outcome = 'SUCCEEDED' AND finished_at BETWEEN ? AND ?""")) {
            s.setArray(1, uuids(tenants));
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /**
     * Receipt → Kommo call of the runs of events received in [from, to], µs; and the calls their attempts made.
     *
     * @param toCall     receipt → end of the successful attempt (its last Kommo call answered)
     * @param toStart    receipt → start of the successful attempt (the run claimed, before pacing)
     * @param attempts   attempts recorded (all outcomes)
     * @param calls      Kommo calls recorded in those attempts
     * @param throttled  of which answered 429
     * @param failedCalls of which answered another non-2xx status
     * @param firstReceipt the first event's receipt, {@code lastCall} the last successful attempt's end,
     *                     {@code lastAttempt} the last attempt's end (any outcome; null when there was none)
     */
    record Latencies(Histogram toCall, Histogram toStart, long runs, long attempts, long calls, long throttled, long failedCalls,
            Instant firstReceipt, Instant lastCall, Instant lastAttempt) {
    }

    Latencies latencies(Collection<UUID> tenants, Instant from, Instant to) throws SQLException {
        Histogram toCall = new Histogram(TimeUnit.HOURS.toMicros(3), 3);
        Histogram toStart = new Histogram(TimeUnit.HOURS.toMicros(3), 3);
        Instant first = null;
        Instant last = null;
        try (PreparedStatement s = db.prepareStatement("""
                SELECT e.received_at, a.started_at, a.finished_at
                  FROM inbound_event e
                  JOIN run r ON r.inbound_event_id = e.id
                  JOIN run_attempt a ON a.run_id = r.id AND a.outcome = 'SUCCEEDED'
                 WHERE e.tenant_id = ANY(?) AND e.received_at BETWEEN ? AND ?""")) {
            s.setArray(1, uuids(tenants));
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant received = r.getTimestamp(1).toInstant();
                    Instant started = r.getTimestamp(2).toInstant();
                    Instant finished = r.getTimestamp(3).toInstant();
                    toCall.recordValue(Math.max(0, micros(received, finished)));
                    toStart.recordValue(Math.max(0, micros(received, started)));
                    first = first == null || received.isBefore(first) ? received : first;
                    last = last == null || finished.isAfter(last) ? finished : last;
                }
            }
        }
        try (PreparedStatement s = db.prepareStatement("""
                SELECT count(DISTINCT a.id), count(c.value), max(a.finished_at),
                       count(c.value) FILTER (WHERE (c.value->>'status')::int = 429),
                       count(c.value) FILTER (WHERE (c.value->>'status')::int NOT BETWEEN 200 AND 299 AND (c.value->>'status')::int <> 429)
                  FROM inbound_event e
                  JOIN run r ON r.inbound_event_id = e.id
                  JOIN run_attempt a ON a.run_id = r.id
                  LEFT JOIN LATERAL jsonb_array_elements(a.calls::jsonb) c ON true
                 WHERE e.tenant_id = ANY(?) AND e.received_at BETWEEN ? AND ?""")) {
            s.setArray(1, uuids(tenants));
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Timestamp lastAttempt = r.getTimestamp(3);
                return new Latencies(toCall, toStart, toCall.getTotalCount(), r.getLong(1), r.getLong(2), r.getLong(4), r.getLong(5),
                        first, last, lastAttempt == null ? null : lastAttempt.toInstant());
            }
        }
    }

    /** Sets an automation's status (PAUSED lets a backlog drain without calling Kommo: its runs end as FAILED). */
    void automationStatus(UUID automation, String status) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE automation SET status = ? WHERE id = ?")) {
            s.setString(1, status);
            s.setObject(2, automation);
            s.executeUpdate();
        }
    }

    /** The Kommo calls of the runs of events received in [from, to]: how many of each kind, and how long they took (Ponte's clock). */
    String callMix(Collection<UUID> tenants, Instant from, Instant to) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT c.value->>'method' || ' ' || regexp_replace(c.value->>'path', '/[0-9]+', '/{id}', 'g') AS call, count(*),
                       avg((c.value->>'millis')::int), percentile_cont(0.99) WITHIN GROUP (ORDER BY (c.value->>'millis')::int)
                  FROM inbound_event e
                  JOIN run r ON r.inbound_event_id = e.id
                  JOIN run_attempt a ON a.run_id = r.id
                  CROSS JOIN LATERAL jsonb_array_elements(a.calls::jsonb) c
                 WHERE e.tenant_id = ANY(?) AND e.received_at BETWEEN ? AND ?
                 GROUP BY 1 ORDER BY 2 DESC""")) {
            s.setArray(1, uuids(tenants));
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.append(String.format(java.util.Locale.ROOT, "%s%s ×%d (avg %.0f ms, p99 %.0f ms)", out.length() == 0 ? "" : "; ",
                            r.getString(1), r.getLong(2), r.getDouble(3), r.getDouble(4)));
                }
            }
        }
        return out.toString();
    }

    private Array uuids(Collection<UUID> ids) throws SQLException {
        return db.createArrayOf("uuid", ids.toArray());
    }

    private static long micros(Instant from, Instant to) {
        return TimeUnit.SECONDS.toMicros(to.getEpochSecond() - from.getEpochSecond()) + (to.getNano() - from.getNano()) / 1000;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
