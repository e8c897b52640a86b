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

    /** Removes the workspaces' events, runs and delivery log (between phases, so each starts empty). */
    void clean(Collection<UUID> tenants) throws SQLException {
        for (String table : new String[] {"run_attempt", "run", "inbound_event", "webhook_delivery"}) {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ANY(?)")) {
                s.setArray(1, uuids(tenants));
                s.executeUpdate();
            }
        }
        try (Statement s = db.createStatement()) {
            for (String table : new String[] {"run_attempt", "run", "inbound_event", "webhook_delivery"}) {
                s.execute("VACUUM ANALYZE " + table);
            }
        }
    }

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
                 WHERE tenant_id = ANY(?) AND trigger_key = 'purchase_approved'""")) {
            s.setArray(1, uuids(tenants));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                events = r.getLong(1);
                unrelayed = r.getLong(2);
            }
        }
        try (PreparedStatement s = db.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE status IN ('QUEUED', 'RUNNING', 'RETRYING', 'PARKED')),
                       count(*) FILTER (WHERE status = 'SUCCEEDED'), count(*) FILTER (WHERE status = 'FAILED')
                  FROM run WHERE tenant_id = ANY(?)""")) {
            s.setArray(1, uuids(tenants));
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
