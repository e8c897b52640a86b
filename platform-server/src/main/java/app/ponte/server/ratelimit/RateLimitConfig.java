package app.ponte.server.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Pacing of calls to external accounts ({@code ponte.rate-limit.*}). */
@ConfigMapping(prefix = "ponte.rate-limit")
public interface RateLimitConfig {

    /** Calls per second to one external account (Kommo allows 7; the margin absorbs jitter). */
    @WithDefault("6")
    int perAccountPerSecond();

    /** Calls per second across all accounts of a connector (our IP may be what is limited); 0 = no cap. */
    @WithDefault("0")
    int globalPerSecond();

    /** How long a call may wait for a permit before it is treated as retryable. */
    @WithDefault("30s")
    Duration maxWait();
}
