package app.ponte.server.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Pacing of calls to external accounts ({@code ponte.rate-limit.*}). */
@ConfigMapping(prefix = "ponte.rate-limit")
public interface RateLimitConfig {

    /**
     * Calls per second to one external account, sustained. No second ever holds more than this plus
     * {@code per-account-burst} calls as Ponte grants them; Kommo allows 7, and the sum is kept at 5
     * because calls granted over a second can reach Kommo within less (7 in one second were seen with 3 + 3).
     */
    @WithDefault("2")
    int perAccountPerSecond();

    /**
     * Calls that may go at once to an account that has been idle: with 3, a Kommo run's three calls
     * (contact search by e-mail, by phone, the lead) go without waiting.
     */
    @WithDefault("3")
    int perAccountBurst();

    /**
     * Permits a run takes from its account's bucket in one round trip when that many are free (at most
     * {@code per-account-burst}); those it does not use go back when it ends. With 3, a Kommo upsert's
     * three calls cost one round trip to the bucket instead of three. 1: a round trip per call.
     */
    @WithDefault("3")
    int permitsPerTake();

    /** Calls per second across all accounts of a connector (our IP may be what is limited); 0 = no cap. */
    @WithDefault("0")
    int globalPerSecond();

    /** How long a call may wait for a permit before it is treated as retryable. */
    @WithDefault("30s")
    Duration maxWait();
}
