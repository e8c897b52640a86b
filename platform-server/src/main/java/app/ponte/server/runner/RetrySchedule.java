package app.ponte.server.runner;

import app.ponte.server.config.PonteConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a retryable failure is tried again: exponential backoff with jitter. The default (1 min,
 * ×3, at most 3 h, 8 tries) spreads seven retries over about eight hours, as Make's eight tries do;
 * a vendor's own "retry after" is respected when it asks for longer.
 */
final class RetrySchedule {

    private final PonteConfig.Runner config;

    RetrySchedule(PonteConfig.Runner config) {
        this.config = config;
    }

    /** Whether a run that has now failed {@code attemptsMade} times may be tried again. */
    boolean mayRetry(int attemptsMade) {
        return attemptsMade < config.maxAttempts();
    }

    /** The wait before attempt {@code attemptsMade + 1}. */
    Duration delayAfter(int attemptsMade, Optional<Duration> vendorHint) {
        double base = config.firstRetryDelay().toMillis() * Math.pow(config.retryMultiplier(), Math.max(0, attemptsMade - 1));
        double capped = Math.min(base, config.maxRetryDelay().toMillis());
        double spread = 1 + config.retryJitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        Duration delay = Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
        return vendorHint.filter(hint -> hint.compareTo(delay) > 0).orElse(delay);
    }
}
