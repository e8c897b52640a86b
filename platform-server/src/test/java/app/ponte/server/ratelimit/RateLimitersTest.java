package app.ponte.server.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.ponte.api.context.RateLimiter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
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
    void givesOneAccountNoMorePermitsPerSecondThanConfigured() throws Exception {
        RateLimiter limiter = limiters.forAccount("kommo", UUID.randomUUID().toString(), 5);

        assertEquals(5, permitsWithoutWaiting(limiter, 20));
    }

    @Test
    void sharesOneAccountsBucketBetweenServerInstances() throws Exception {
        String account = UUID.randomUUID().toString();
        RateLimiters otherInstance = new RateLimiters(dataSource, config, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

        int first = permitsWithoutWaiting(limiters.forAccount("kommo", account, 6), 4);
        int second = permitsWithoutWaiting(otherInstance.forAccount("kommo", account, 6), 10);

        assertEquals(4, first);
        assertEquals(2, second, "the second instance sees the permits the first one took");
    }

    @Test
    void keepsAccountsApart() throws Exception {
        assertEquals(3, permitsWithoutWaiting(limiters.forAccount("kommo", UUID.randomUUID().toString(), 3), 10));
        assertEquals(3, permitsWithoutWaiting(limiters.forAccount("kommo", UUID.randomUUID().toString(), 3), 10));
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
