package app.ponte.kommo;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * JVM-wide knobs of the Kommo connector, read from system properties each time they are used (so an
 * operator or a test can change them without a restart). Pacing per account is not here: it is the
 * platform's rate limiter ({@code ponte.rate-limit.per-account-per-second}, default 2, with
 * {@code ponte.rate-limit.per-account-burst}, default 3: at most 5 calls granted in any second; and
 * {@code ponte.rate-limit.global-per-second} for the cap across accounts).
 *
 * <ul>
 *   <li>{@code ponte.kommo.block-cooldown} (ISO-8601 duration, default {@code PT10M}): after a 403 with a
 *       non-JSON body (Kommo blocked our IP), no Kommo call leaves this JVM for this long.</li>
 *   <li>{@code ponte.kommo.permit-max-wait} (default {@code PT30S}): how long a call waits for a rate-limit
 *       permit before it fails as retryable.</li>
 *   <li>{@code ponte.kommo.refresh-ahead} (default {@code PT5M}): access tokens expiring within this margin
 *       are refreshed before the call.</li>
 *   <li>{@code ponte.kommo.request-timeout} (default {@code PT30S}): per HTTP request.</li>
 *   <li>{@code ponte.kommo.retry-lookback} (default {@code PT24H}): how far back a retried "always create"
 *       run looks for the lead it may already have created.</li>
 *   <li>{@code ponte.kommo.api-base-override} (URL, unset by default): sends every call of every connection
 *       to this base URL (local stack and tests pointing at the simulator).</li>
 * </ul>
 */
final class KommoSettings {

    static final String BLOCK_COOLDOWN = "ponte.kommo.block-cooldown";
    static final String PERMIT_MAX_WAIT = "ponte.kommo.permit-max-wait";
    static final String REFRESH_AHEAD = "ponte.kommo.refresh-ahead";
    static final String REQUEST_TIMEOUT = "ponte.kommo.request-timeout";
    static final String RETRY_LOOKBACK = "ponte.kommo.retry-lookback";
    static final String API_BASE_OVERRIDE = "ponte.kommo.api-base-override";

    private KommoSettings() {
    }

    static Duration blockCooldown() {
        return duration(BLOCK_COOLDOWN, Duration.ofMinutes(10));
    }

    static Duration permitMaxWait() {
        return duration(PERMIT_MAX_WAIT, Duration.ofSeconds(30));
    }

    static Duration refreshAhead() {
        return duration(REFRESH_AHEAD, Duration.ofMinutes(5));
    }

    static Duration requestTimeout() {
        return duration(REQUEST_TIMEOUT, Duration.ofSeconds(30));
    }

    static Duration retryLookback() {
        return duration(RETRY_LOOKBACK, Duration.ofHours(24));
    }

    static Optional<String> apiBaseOverride() {
        return Optional.ofNullable(System.getProperty(API_BASE_OVERRIDE)).filter(s -> !s.isBlank());
    }

    private static Duration duration(String property, Duration fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            // read on every call: the parse (a regular expression) is done once per distinct text
            return PARSED.computeIfAbsent(value.trim(), Duration::parse);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static final ConcurrentMap<String, Duration> PARSED = new ConcurrentHashMap<>();
}
