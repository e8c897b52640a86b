package app.ponte.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.ponte.api.context.RateLimiter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.WithDefault;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Counts permits, never elapsed time: within one refill interval a bucket gives out exactly its capacity. */
@QuarkusTest
class RateLimitersTest {

    @Inject
    RateLimiters limiters;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RateLimitConfig config;

    @Test
    void givesOneAccountNoMoreThanItsPaceAndNoBurst() throws Exception {
        RateLimiter limiter = limiters.forAccount("kommo", UUID.randomUUID().toString(), 5, 1);

        long start = System.nanoTime();
        int granted = permitsWithoutWaiting(limiter, 20);
        // one permit in store, then 5 per second refilled evenly: whatever the machine's speed, a
        // tight loop gets no more than that (never the 5 at once an interval refill would give)
        assertTrue(granted >= 1 && granted <= allowed(1, 5, start), granted + " permits");
    }

    @Test
    void anIdleAccountServesItsBurstAtOnceThenItsPace() throws Exception {
        RateLimiter limiter = limiters.forAccount("kommo", UUID.randomUUID().toString(), 3, 3);

        long start = System.nanoTime();
        int granted = permitsWithoutWaiting(limiter, 20);
        // a run's three calls go without waiting; beyond them, the pace
        assertTrue(granted >= 3 && granted <= allowed(3, 3, start), granted + " permits");
    }

    @Test
    void theDefaultsKeepAnySecondWithinKommosLimitWithAMargin() throws Exception {
        int burst = Integer.parseInt(RateLimitConfig.class.getMethod("perAccountBurst").getAnnotation(WithDefault.class).value());
        int pace = Integer.parseInt(RateLimitConfig.class.getMethod("perAccountPerSecond").getAnnotation(WithDefault.class).value());
        assertTrue(burst + pace <= 5, "burst + pace is the most calls a sliding second can hold; Kommo allows 7, minus jitter");
    }

    @Test
    void aBucketStoredUnderAnotherConfigurationTakesTheCurrentOne() throws Exception {
        String account = UUID.randomUUID().toString();
        RateLimiters before = new RateLimiters(dataSource, config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        assertTrue(permitsWithoutWaiting(before.forAccount("kommo", account, 1, 1), 5) <= 2, "the old shape: one permit");
        Thread.sleep(5); // a later start
        RateLimiters after = new RateLimiters(dataSource, config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        long start = System.nanoTime();
        int granted = permitsWithoutWaiting(after.forAccount("kommo", account, 1, 3), 10);
        assertTrue(granted <= allowed(3, 1, start), granted + " permits");
        Thread.sleep(3_100); // refilled to the new capacity
        assertTrue(permitsWithoutWaiting(after.forAccount("kommo", account, 1, 3), 10) >= 3, "the new burst");
    }

    @Test
    void sharesOneAccountsBucketBetweenServerInstances() throws Exception {
        String account = UUID.randomUUID().toString();
        RateLimiters otherInstance = new RateLimiters(dataSource, config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        long start = System.nanoTime();
        int first = permitsWithoutWaiting(limiters.forAccount("kommo", account, 6, 1), 4);
        int second = permitsWithoutWaiting(otherInstance.forAccount("kommo", account, 6, 1), 10);

        assertTrue(first >= 1);
        assertTrue(first + second <= allowed(1, 6, start), "the second instance draws on the same bucket: " + first + " + " + second);
    }

    @Test
    void keepsAccountsApart() throws Exception {
        assertTrue(permitsWithoutWaiting(limiters.forAccount("kommo", UUID.randomUUID().toString(), 3, 1), 10) >= 1);
        assertTrue(permitsWithoutWaiting(limiters.forAccount("kommo", UUID.randomUUID().toString(), 3, 1), 10) >= 1,
                "an account's empty bucket does not empty another's");
    }

    @Test
    void waitsForAPermitWithinTheAllowedTime() throws Exception {
        RateLimiter limiter = limiters.forAccount("kommo", UUID.randomUUID().toString(), 50, 1);
        for (int i = 0; i < 5; i++) {
            limiter.acquire(Duration.ofSeconds(5)); // each waits at most about 20 ms for its permit
        }
    }

    @Test
    void aRunTakesItsAccountsPermitsAtOnceAndGivesBackThoseItDidNotUse() throws Exception {
        String account = UUID.randomUUID().toString();
        RateLimiter shared = limiters.forAccount("kommo", account, 1, 3);

        long start = System.nanoTime();
        try (RateLimiters.RunPermits run = limiters.forRun(false)) {
            run.forAccount("kommo", account, 1, 3).acquire(Duration.ZERO);
            // the run took the idle account's three permits in one go: the others see only the pace since
            assertTrue(permitsWithoutWaiting(shared, 5) <= allowed(0, 1, start), "the run holds the burst");
            run.forAccount("kommo", account, 1, 3).acquire(Duration.ZERO); // its second call: a permit it already holds
        }
        // the one it did not use is back in the bucket
        assertTrue(permitsWithoutWaiting(shared, 5) >= 1, "the unused permit was given back");
    }

    @Test
    void runsTakingSeveralPermitsAtOnceStayWithinTheAccountsLimit() throws Exception {
        String account = UUID.randomUUID().toString();
        long start = System.nanoTime();
        int granted = 0;
        for (int run = 0; run < 4; run++) {
            try (RateLimiters.RunPermits permits = limiters.forRun(false)) {
                // every run makes all the calls it can without waiting; none gives anything back
                granted += permitsWithoutWaiting(permits.forAccount("kommo", account, 2, 3), 6);
            }
        }
        assertTrue(granted >= 3 && granted <= allowed(3, 2, start), granted + " permits");
    }

    @Test
    void aRunOnABusyAccountTakesOnePermitAtATime() throws Exception {
        String account = UUID.randomUUID().toString();
        RateLimiter shared = limiters.forAccount("kommo", account, 1, 3);
        long start = System.nanoTime();
        try (RateLimiters.RunPermits run = limiters.forRun(true)) {
            run.forAccount("kommo", account, 1, 3).acquire(Duration.ZERO);
            // it took one: two are left for the others
            assertTrue(permitsWithoutWaiting(shared, 5) >= 2, "the busy account's run holds no more than its call");
        }
        assertTrue(permitsWithoutWaiting(shared, 5) <= allowed(0, 1, start), "nothing to give back");
    }

    @Test
    void aRunWaitsForPermitsOneAtATimeOnceTheBurstIsUsed() throws Exception {
        try (RateLimiters.RunPermits run = limiters.forRun(false)) {
            RateLimiter limiter = run.forAccount("kommo", UUID.randomUUID().toString(), 50, 3);
            for (int i = 0; i < 8; i++) {
                limiter.acquire(Duration.ofSeconds(5)); // three at once, then each waits about 20 ms
            }
        }
    }

    /** What the bucket may have handed out since {@code start}: its stored permits and the pace since. */
    private static int allowed(int burst, int perSecond, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return burst + (int) Math.ceil(perSecond * seconds);
    }

    private static int permitsWithoutWaiting(RateLimiter limiter, int attempts) throws InterruptedException {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                limiter.acquire(Duration.ZERO);
                granted++;
            } catch (RateLimiter.RateLimitExceeded e) {
                // bucket empty for this interval
            }
        }
        return granted;
    }
}
