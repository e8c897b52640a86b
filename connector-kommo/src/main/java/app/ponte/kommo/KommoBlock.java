package app.ponte.kommo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kommo blocks the IP that keeps exceeding its limit (403 with an nginx HTML page). A block hits every
 * tenant behind our address, so once one call sees it, no Kommo call leaves this JVM until the
 * cool-down ({@link KommoSettings#blockCooldown()}) is over. Shared by every connection in the JVM;
 * other server instances learn it from their own first 403.
 */
final class KommoBlock {

    private static final AtomicReference<Instant> BLOCKED_UNTIL = new AtomicReference<>(Instant.MIN);

    private KommoBlock() {
    }

    /** The time left of the current cool-down, if one is running. */
    static Optional<Duration> remaining() {
        Instant until = BLOCKED_UNTIL.get();
        Instant now = Instant.now();
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Starts (or extends) the cool-down from now. */
    static Duration engage() {
        Duration cooldown = KommoSettings.blockCooldown();
        Instant until = Instant.now().plus(cooldown);
        BLOCKED_UNTIL.accumulateAndGet(until, (a, b) -> a.isAfter(b) ? a : b);
        return cooldown;
    }

    /** Ends the cool-down at once (operators after Kommo lifted the block; tests). */
    static void lift() {
        BLOCKED_UNTIL.set(Instant.MIN);
    }
}
