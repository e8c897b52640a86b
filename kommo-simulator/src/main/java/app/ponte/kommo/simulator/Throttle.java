package app.ponte.kommo.simulator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate limit (per account, sliding 1000 ms window of accepted requests) and the IP block after repeated
 * 429s (§4). Both use the real monotonic clock, never the simulated one.
 */
public final class Throttle {
    private static final long SECOND = 1_000_000_000L;
    private final Map<Long, ArrayDeque<Long>> accepted = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> rejections = new HashMap<>();
    private final Map<String, Long> blockedUntil = new HashMap<>();

    /** True if the request may run (and counts it); false = answer 429, not counted. */
    synchronized boolean tryAcquire(long accountId, int perSecond) {
        if (perSecond <= 0) {
            return true;
        }
        long now = System.nanoTime();
        ArrayDeque<Long> window = accepted.computeIfAbsent(accountId, k -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= SECOND) {
            window.removeFirst();
        }
        if (window.size() >= perSecond) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    /** Records a 429 for the client IP; blocks it when the threshold is reached within the window. */
    synchronized void recordRejection(String ip, SimConfig config) {
        long now = System.nanoTime();
        ArrayDeque<Long> times = rejections.computeIfAbsent(ip, k -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && now - times.peekFirst() >= config.blockWindowSeconds * SECOND) {
            times.removeFirst();
        }
        if (config.blockAfter429 > 0 && times.size() >= config.blockAfter429) {
            blockedUntil.put(ip, now + config.blockSeconds * SECOND);
            times.clear();
        }
    }

    synchronized boolean isBlocked(String ip) {
        Long until = blockedUntil.get(ip);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() >= until) {
            blockedUntil.remove(ip);
            return false;
        }
        return true;
    }

    synchronized void clear() {
        accepted.clear();
        rejections.clear();
        blockedUntil.clear();
    }
}
