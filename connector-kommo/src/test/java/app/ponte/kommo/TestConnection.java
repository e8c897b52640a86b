package app.ponte.kommo;

import app.ponte.api.context.ConnectionContext;
import app.ponte.api.context.Credentials;
import app.ponte.api.context.RateLimiter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A real {@link ConnectionContext} for tests: given credentials, a plain HTTP client and in-memory token buckets. */
class TestConnection implements ConnectionContext {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final UUID tenant = UUID.randomUUID();
    private final UUID connection = UUID.randomUUID();
    private final Credentials credentials;
    private final Limiters limiters;

    TestConnection(Credentials credentials, Limiters limiters) {
        this.credentials = credentials;
        this.limiters = limiters;
    }

    @Override
    public UUID tenantId() {
        return tenant;
    }

    @Override
    public UUID connectionId() {
        return connection;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public HttpClient http() {
        return HTTP;
    }

    @Override
    public RateLimiter rateLimiter(String account) {
        return limiters.forAccount(account);
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("kommo-test");
    }

    /** One token bucket per account, shared by every connection given the same instance. */
    static final class Limiters {
        private final int perSecond;
        private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

        Limiters(int perSecond) {
            this.perSecond = perSecond;
        }

        RateLimiter forAccount(String account) {
            return buckets.computeIfAbsent(account, a -> new TokenBucket(perSecond));
        }
    }

    /**
     * A token bucket of capacity one refilled at {@code perSecond}: permits are spaced 1/perSecond apart, so
     * no second holds more than {@code perSecond} of them. Waiters reserve their slot in arrival order.
     */
    static final class TokenBucket implements RateLimiter {
        private final long intervalNanos;
        private long nextFree = System.nanoTime();

        TokenBucket(int perSecond) {
            this.intervalNanos = 1_000_000_000L / perSecond + (1_000_000_000L % perSecond == 0 ? 0 : 1);
        }

        @Override
        public void acquire(Duration maxWait) throws InterruptedException, RateLimitExceeded {
            long slot;
            synchronized (this) {
                long now = System.nanoTime();
                slot = Math.max(now, nextFree);
                if (slot - now > maxWait.toNanos()) {
                    throw new RateLimitExceeded("no permit within " + maxWait.toMillis() + " ms");
                }
                nextFree = slot + intervalNanos;
            }
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
    }
}
