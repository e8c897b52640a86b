package app.ponte.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What PostgreSQL is doing during a phase (pg_stat_statements is not installed in the embedded
 * server): once a second, the active backends of the platform's database by wait event
 * (CPU = no wait event) and statement (its first 48 characters), and the commits per second from
 * pg_stat_database.
 */
final class DatabaseSampler implements AutoCloseable {

    private final Connection db;
    private final Thread sampler;
    private final Map<String, Integer> waits = new TreeMap<>();
    private final long startCommits;
    private final long startNanos = System.nanoTime();
    private volatile boolean running = true;
    private int samples;

    DatabaseSampler(Stack stack) throws SQLException {
        db = stack.database();
        startCommits = commits();
        sampler = new Thread(this::sample, "db-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            try (Statement s = db.createStatement();
                 ResultSet rows = s.executeQuery("""
                         SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU')
                                || ' [' || regexp_replace(left(query, 48), '\\s+', ' ', 'g') || ']' AS what, count(*)
                           FROM pg_stat_activity
                          WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
                          GROUP BY 1""")) {
                synchronized (waits) {
                    while (rows.next()) {
                        waits.merge(rows.getString(1), rows.getInt(2), Integer::sum);
                    }
                    samples++;
                }
                Thread.sleep(1000);
            } catch (SQLException e) {
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long commits() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet row = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Commits per second, and the average number of active backends by what they wait for. */
    String describe() throws SQLException {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double commitsPerSecond = (commits() - startCommits) / seconds;
        Map<String, Integer> copy;
        int n;
        synchronized (waits) {
            copy = new LinkedHashMap<>(waits);
            n = Math.max(1, samples);
        }
        int total = n;
        String active = copy.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / (double) total))
                .collect(Collectors.joining(", "));
        double sum = copy.values().stream().mapToInt(Integer::intValue).sum() / (double) total;
        return String.format(Locale.ROOT, "PostgreSQL: %.0f commits/s; active backends %.1f on average (%s)", commitsPerSecond, sum,
                active.isEmpty() ? "none" : active);
    }

    @Override
    public void close() throws SQLException {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        db.close();
    }
}
