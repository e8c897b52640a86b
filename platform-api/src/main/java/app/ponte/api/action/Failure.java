package app.ponte.api.action;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an action (or a vendor call) failed, classified so the runner knows what to do.
 *
 * @param kind       retry, stop, or park until the tenant reconnects
 * @param message    readable by the tenant in the run history (the vendor's message where useful); no secrets
 * @param retryAfter the vendor's own hint (e.g. Kommo's {@code retry_after}), if it gave one
 */
public record Failure(Kind kind, String message, Optional<Duration> retryAfter) {

    public enum Kind {
        /** transient: 429, 5xx, timeouts; retried with backoff */
        RETRYABLE,
        /** the input or the vendor's rules make it fail every time: not retried */
        PERMANENT,
        /** credentials revoked or refused: the connection needs reconnecting; runs wait */
        NEEDS_RECONNECT,
        /**
         * the platform's own pacing toward the vendor account deferred the call before it was made
         * (nothing failed at the vendor): tried again after {@code retryAfter}, not counted as an attempt
         */
        THROTTLED
    }

    public Failure {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
        Objects.requireNonNull(retryAfter);
    }

    public static Failure retryable(String message) {
        return new Failure(Kind.RETRYABLE, message, Optional.empty());
    }

    public static Failure retryable(String message, Duration retryAfter) {
        return new Failure(Kind.RETRYABLE, message, Optional.of(retryAfter));
    }

    public static Failure permanent(String message) {
        return new Failure(Kind.PERMANENT, message, Optional.empty());
    }

    /** The account's rate limit has no permit soon enough; try again after about {@code retryAfter}. */
    public static Failure throttled(String message, Duration retryAfter) {
        return new Failure(Kind.THROTTLED, message, Optional.of(retryAfter));
    }

    public static Failure needsReconnect(String message) {
        return new Failure(Kind.NEEDS_RECONNECT, message, Optional.empty());
    }
}
