package app.ponte.server.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

import app.ponte.api.context.RateLimiter;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Rate limiters keyed by external account, shared by every thread and server instance through
 * PostgreSQL (Bucket4j's PostgreSQL backend, table {@code rate_limit_bucket}). Each account gets a
 * bucket of {@code perAccountBurst} permits refilled evenly at {@code perAccountPerSecond}: an idle
 * account serves a run's few calls at once, and no sliding second holds more than burst + pace calls
 * (5 with the defaults, under Kommo's 7/s with room for network jitter); when a global cap is set, every call also takes a permit
 * from the connector-wide bucket. The same table
 * holds the buckets of {@link #tryTake}, which limit what visitors of the public pages may do.
 */
@ApplicationScoped
public class RateLimiters {

    private final ProxyManager<String> buckets;
    private final RateLimitConfig config;
    private final MeterRegistry metrics;
    /** When this instance started (ms): the version of the bucket configurations it sets. */
    private final long configurationVersion = System.currentTimeMillis();

    RateLimiters(AgroalDataSource dataSource, RateLimitConfig config, MeterRegistry metrics) {
        this.config = config;
        this.metrics = metrics;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .build();
    }

    /** The limiter for one account of one connector, e.g. {@code forAccount("kommo", "31829174")}. */
    public RateLimiter forAccount(String connectorId, String account) {
        return forAccount(connectorId, account, config.perAccountPerSecond(), config.perAccountBurst());
    }

    /** As {@link #forAccount(String, String)}, with a connector's own per-account pace and burst. */
    public RateLimiter forAccount(String connectorId, String account, int perSecond, int burst) {
        Account limits = account(connectorId, account, perSecond, burst);
        return maxWait -> limits.paced(() -> acquire(Optional.of(limits.bucket()), maxWait), maxWait);
    }

    /**
     * Limiters for the calls of one run, which take their account's permits several at a time (see
     * {@link RunPermits}); closing it gives back the permits the run did not use. {@code accountBusy}:
     * other runs are using the account's pace right now, so its permits are taken one at a time (a
     * take of several would find none free and cost a second round trip per call).
     */
    public RunPermits forRun(boolean accountBusy) {
        return new RunPermits(accountBusy ? 1 : config.permitsPerTake());
    }

    /** One account's bucket, the connector-wide one when a global cap is set, and the meters of both. */
    private record Account(BucketProxy bucket, Optional<BucketProxy> global, Timer waits, Counter refused) {

        /** Takes the global permit, then the account's (by {@code takeAccount}), timing the wait and counting refusals. */
        void paced(Take takeAccount, Duration maxWait) throws InterruptedException, RateLimiter.RateLimitExceeded {
            long start = System.nanoTime();
            try {
                acquire(global, maxWait);
                takeAccount.take();
            } catch (RateLimiter.RateLimitExceeded e) {
                refused.increment();
                throw e;
            } finally {
                waits.record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    @FunctionalInterface
    private interface Take {
        void take() throws InterruptedException, RateLimiter.RateLimitExceeded;
    }

    private Account account(String connectorId, String account, int perSecond, int burst) {
        BucketProxy perAccount = bucket(connectorId + ":account:" + account, perSecond, burst);
        Optional<BucketProxy> global = config.globalPerSecond() > 0
                ? Optional.of(bucket(connectorId + ":global", config.globalPerSecond(), 1))
                : Optional.empty();
        // ponte_rate_limiter_wait_seconds{connector} and ponte_rate_limiter_refused_total{connector}: no account label
        // the wait is a histogram (p99 across instances); the refusal counter exists from the first limiter on (rate() sees 0)
        Timer waits = Timer.builder("ponte.rate.limiter.wait").tag("connector", connectorId)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofMillis(2500), Duration.ofSeconds(5))
                .register(metrics);
        return new Account(perAccount, global, waits, metrics.counter("ponte.rate.limiter.refused", "connector", connectorId));
    }

    /**
     * The limiters of one run. A run's calls to an account take its permits from the shared bucket up
     * to {@code ponte.rate-limit.permits-per-take} at a time, when that many are free (a Kommo upsert
     * makes three calls: one round trip to the bucket instead of three); when none is free, one at a
     * time, waiting as any call does, and so are the run's later calls to that account. The permits a
     * run took and did not use go back to the bucket when it ends. The account's limit holds as before:
     * every call still has a permit taken from the shared bucket before it is made, only sooner.
     */
    public final class RunPermits implements AutoCloseable {

        private final Map<String, Held> held = new HashMap<>();
        private final int perTake;

        private RunPermits(int perTake) {
            this.perTake = perTake;
        }

        /** The run's limiter for one account of one connector (the configured pace and burst). */
        public synchronized RateLimiter forAccount(String connectorId, String account) {
            return forAccount(connectorId, account, config.perAccountPerSecond(), config.perAccountBurst());
        }

        /** As {@link #forAccount(String, String)}, with a connector's own per-account pace and burst. */
        public synchronized RateLimiter forAccount(String connectorId, String account, int perSecond, int burst) {
            Held permits = held.computeIfAbsent(connectorId + ":account:" + account,
                    key -> new Held(account(connectorId, account, perSecond, burst), Math.max(1, Math.min(burst, perTake))));
            return maxWait -> permits.limits().paced(() -> permits.take(maxWait), maxWait);
        }

        /** Gives back the permits taken and not used, one round trip per account that has some. */
        @Override
        public synchronized void close() {
            held.values().forEach(Held::giveBack);
            held.clear();
        }
    }

    /** Permits of one account a run took from the bucket and has not used yet. */
    private static final class Held {
        private final Account limits;
        private int perTake;
        private int unused;

        Held(Account limits, int perTake) {
            this.limits = limits;
            this.perTake = perTake;
        }

        Account limits() {
            return limits;
        }

        synchronized void take(Duration maxWait) throws InterruptedException, RateLimiter.RateLimitExceeded {
            if (unused > 0) {
                unused--;
                return;
            }
            long taken = perTake > 1 ? outsideTransaction(() -> limits.bucket().tryConsumeAsMuchAsPossible(perTake)) : 0;
            if (taken > 0) {
                unused = (int) taken - 1;
                return;
            }
            // none free: the account is busy, and its permits come one at a time for the rest of the run
            perTake = 1;
            acquire(Optional.of(limits.bucket()), maxWait);
        }

        synchronized void giveBack() {
            if (unused > 0) {
                int back = unused;
                unused = 0;
                outsideTransaction(() -> {
                    limits.bucket().addTokens(back);
                    return null;
                });
            }
        }
    }

    /** Bucket4j takes its own connection and commits or rolls back itself: never inside the caller's JTA transaction. */
    private static <T> T outsideTransaction(Callable<T> work) {
        return QuarkusTransaction.suspendingExisting().call(work);
    }

    /**
     * Takes one permit from the bucket {@code key}, which holds {@code capacity} permits refilled all
     * at once every {@code period}; answers false, without waiting, when it is empty. For limits on
     * what outsiders may do, e.g. {@code tryTake("suggestion:ip:203.0.113.7", 5, Duration.ofHours(1))}.
     */
    public boolean tryTake(String key, int capacity, Duration period) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, period))
                .build();
        return outsideTransaction(() -> buckets.getProxy(key, () -> configuration).tryConsume(1));
    }

    /** Waits for a permit with the worker's place lent (see {@link WorkerPlaces}): the wait is for the account, not for the machine. */
    private static final BlockingStrategy PARK_LENDING_PLACE = nanos -> WorkerPlaces.whileWaiting(() -> {
        BlockingStrategy.PARKING.park(nanos);
        return null;
    });

    private static void acquire(Optional<BucketProxy> bucket, Duration maxWait) throws InterruptedException,
            RateLimiter.RateLimitExceeded {
        if (bucket.isEmpty()) {
            return;
        }
        // outside the caller's transaction (e.g. a token refresh made under the connection's lock)
        boolean granted;
        try {
            granted = outsideTransaction(() -> maxWait.isZero() || maxWait.isNegative()
                    ? bucket.get().tryConsume(1)
                    : bucket.get().asBlocking().tryConsume(1, maxWait, PARK_LENDING_PLACE));
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e;
        }
        if (!granted) {
            throw new RateLimiter.RateLimitExceeded("no permit within " + maxWait.toMillis() + " ms");
        }
    }

    private BucketProxy bucket(String key, int perSecond, int burst) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                // `burst` permits in store, refilled evenly at perSecond: no sliding second ever holds more
                // than burst + perSecond calls. (A bucket of perSecond refilled all at once lets 2 × perSecond
                // through around each refill: 12 calls in a second at a pace of 6, which Kommo's 7/s limit
                // answers with 429s and then an IP block.)
                .addLimit(limit -> limit.capacity(Math.max(1, burst)).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
        // a bucket stored under an older configuration (another pace, or a release before bursts) takes this
        // instance's; among instances started with different settings, the one started last wins
        return buckets.builder().withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.AS_IS)
                .build(key, () -> configuration);
    }
}
