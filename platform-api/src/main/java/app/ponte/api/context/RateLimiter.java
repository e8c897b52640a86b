package app.ponte.api.context;

import java.time.Duration;

/** Paces calls to one external account. */
public interface RateLimiter {

    /** Waits until one more call is allowed, or fails when that would take longer than {@code maxWait}. */
    void acquire(Duration maxWait) throws InterruptedException, RateLimitExceeded;

    /** Thrown when a permit cannot be had in time; the caller treats it as retryable. */
    final class RateLimitExceeded extends Exception {
        public RateLimitExceeded(String message) {
            super(message);
        }
    }
}
