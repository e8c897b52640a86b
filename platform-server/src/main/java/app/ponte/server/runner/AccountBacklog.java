package app.ponte.server.runner;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many runs this instance has put off because their vendor account's pace was used up, per
 * connection — so the next deferral of that account is spread over the time its backlog needs at
 * that pace, instead of every deferred run coming back at once to be put off again. A busy account
 * thus costs the runner about one look per run it can actually execute.
 */
@ApplicationScoped
public class AccountBacklog {

    /** Runs per second one account can take (Kommo: 7 calls/s, about 3 calls per lead upsert). */
    static final double RUNS_PER_SECOND = 2.0;

    private final Map<UUID, AtomicInteger> deferred = new ConcurrentHashMap<>();

    /** A run of the connection is deferred again or for the first time; when to look at it next. */
    Duration defer(UUID connectionId, boolean alreadyDeferred, Optional<Duration> hint) {
        AtomicInteger waiting = deferred.computeIfAbsent(connectionId, id -> new AtomicInteger());
        int ahead = alreadyDeferred ? Math.max(1, waiting.get()) : waiting.incrementAndGet();
        long base = hint.orElse(Duration.ofMillis(250)).toMillis();
        long spread = Math.max(base, Math.round(ahead / RUNS_PER_SECOND * 1000));
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(spread));
    }

    /** A deferred run of the connection got past the pacing (or ended otherwise). */
    void resumed(UUID connectionId) {
        AtomicInteger waiting = deferred.get(connectionId);
        if (waiting != null && waiting.updateAndGet(n -> Math.max(0, n - 1)) == 0) {
            deferred.remove(connectionId, waiting);
        }
    }

    int waiting(UUID connectionId) {
        AtomicInteger waiting = deferred.get(connectionId);
        return waiting == null ? 0 : waiting.get();
    }
}
