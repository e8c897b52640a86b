package app.ponte.server.runner;

import app.ponte.server.ratelimit.RateLimitConfig;
import app.ponte.server.ratelimit.WorkerPlaces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many runs this instance has put off because their vendor account's pace was used up, per
 * connection — so the next deferral of that account is spread over the time its backlog needs at
 * that pace, instead of every deferred run coming back at once to be put off again. A busy account
 * thus costs the runner about one look per run it can actually execute.
 */
@ApplicationScoped
public class AccountBacklog {

    /** Calls a run makes to its account, about (Kommo's lead upsert: two contact searches and the lead). */
    static final int CALLS_PER_RUN = 3;

    /** Runs per second one account can take: its pace ({@code ponte.rate-limit.per-account-per-second}) over the calls per run. */
    final double runsPerSecond;

    @Inject
    AccountBacklog(RateLimitConfig pace) {
        this(pace.perAccountPerSecond() / (double) CALLS_PER_RUN);
    }

    AccountBacklog(double runsPerSecond) {
        this.runsPerSecond = runsPerSecond;
    }

    private final Map<UUID, AtomicInteger> deferred = new ConcurrentHashMap<>();

    /** A run of the connection is deferred again or for the first time; when to look at it next. */
    Duration defer(UUID connectionId, boolean alreadyDeferred, Optional<Duration> hint) {
        AtomicInteger waiting = deferred.computeIfAbsent(connectionId, id -> new AtomicInteger());
        int ahead = alreadyDeferred ? Math.max(1, waiting.get()) : waiting.incrementAndGet();
        long base = hint.orElse(Duration.ofMillis(250)).toMillis();
        long spread = Math.max(base, Math.round(ahead / runsPerSecond * 1000));
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(spread));
    }

    private final Map<UUID, AtomicLong> nextAdmission = new ConcurrentHashMap<>();

    /**
     * Whether a run of the connection may try the account's rate limiter now. Always while the
     * account has no deferred runs here; while it has, about {@link #runsPerSecond} × 1.5 runs a
     * second get through and the others are put off at once — without a database round trip and
     * without a worker thread waiting for a permit that will not come.
     */
    boolean admit(UUID connectionId) {
        if (waiting(connectionId) == 0) {
            return true;
        }
        long now = System.nanoTime();
        long step = (long) (1e9 / (runsPerSecond * 1.5));
        AtomicLong next = nextAdmission.computeIfAbsent(connectionId, id -> new AtomicLong(now));
        while (true) {
            long taken = next.get();
            long slot = Math.max(taken, now - step);
            if (slot > now) {
                return false;
            }
            if (next.compareAndSet(taken, slot + step)) {
                return true;
            }
        }
    }

    /** A deferred run of the connection got past the pacing (or ended otherwise). */
    void resumed(UUID connectionId) {
        AtomicInteger waiting = deferred.get(connectionId);
        if (waiting != null && waiting.updateAndGet(n -> Math.max(0, n - 1)) == 0) {
            deferred.remove(connectionId, waiting);
            nextAdmission.remove(connectionId);
        }
    }

    /** One run acts on an account at a time here; the others wait their turn in order (fair locks, one per connection). */
    private final Map<UUID, ReentrantLock> acting = new ConcurrentHashMap<>();

    /**
     * Waits up to {@code patience} for the account's turn: one run acts on an account at a time on
     * this instance. A run's calls are sequential and the account's pace is the limit anyway; two runs
     * of one account at once only competed for its permits, and the loser was deferred after its first
     * calls, to make them again later. Waiting in line (at most {@code workers-per-workspace} threads of
     * one workspace) keeps the account busy at its pace.
     *
     * @return false when the turn did not come in time (the run is deferred, having made no call)
     */
    boolean tryAct(UUID connectionId, Duration patience) {
        ReentrantLock turn = acting.computeIfAbsent(connectionId, id -> new ReentrantLock(true));
        try {
            // free now (and nobody ahead in line): go; otherwise wait in line with the worker's place lent
            return turn.tryLock(0, TimeUnit.MILLISECONDS)
                    || WorkerPlaces.whileWaiting(() -> turn.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the account is in use here: another run acting on it or waiting for its turn, or runs put off for its pace. */
    boolean busy(UUID connectionId) {
        ReentrantLock turn = acting.get(connectionId);
        return waiting(connectionId) > 0 || (turn != null && turn.isLocked());
    }

    /** The run that {@link #tryAct} let through is done with the account (same thread). */
    void doneActing(UUID connectionId) {
        acting.get(connectionId).unlock();
    }

    int waiting(UUID connectionId) {
        AtomicInteger waiting = deferred.get(connectionId);
        return waiting == null ? 0 : waiting.get();
    }
}
