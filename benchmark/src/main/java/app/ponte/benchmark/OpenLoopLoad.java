package app.ponte.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A fixed-rate, open-loop load: request i is due at {@code start + i / rate} whatever happened to
 * the earlier ones (sent asynchronously, never waiting for an answer), and its latency is counted
 * from when it was due, not from when it left — so a slow server cannot slow the load down and
 * hide its own queueing (no coordinated omission). Latencies go into an HdrHistogram in microseconds.
 * At most {@value #MAX_IN_FLIGHT} requests are in flight: a request due while that many wait is not
 * sent and counts as an error ("not sent: server behind") — an overloaded server otherwise makes the
 * client open thousands of connections, and the connection storm, not the server, decides the result.
 */
final class OpenLoopLoad {

    static final int MAX_IN_FLIGHT = 512;

    /**
     * @param offered   the requested rate (per second)
     * @param sent      requests sent
     * @param ok        answered 2xx
     * @param seconds   from the first due time to the last answer
     * @param outcomes  by HTTP status or exception
     * @param latency   due time → answer, µs
     * @param lateSends requests that left more than 5 ms after they were due (the generator itself fell behind)
     */
    record Result(double offered, long sent, long ok, double seconds, Map<String, Long> outcomes, Histogram latency, long lateSends) {

        long errors() {
            return sent - ok;
        }

        double throughput() {
            return ok / seconds;
        }
    }

    private final HttpClient client;

    OpenLoopLoad(HttpClient client) {
        this.client = client;
    }

    Result run(double rate, Duration duration, Supplier<HttpRequest> next) {
        long period = (long) (1e9 / rate);
        long count = (long) (rate * duration.toNanos() / 1e9);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        LongAdder ok = new LongAdder();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long late = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due > TimeUnit.MILLISECONDS.toNanos(5)) {
                late++;
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                outcomes.computeIfAbsent("not sent: " + MAX_IN_FLIGHT + " in flight", k -> new LongAdder()).increment();
                latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                continue;
            }
            HttpRequest request = next.get();
            inFlight.incrementAndGet();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long now = System.nanoTime();
                latency.recordValue(Math.max(0, (now - due) / 1000));
                String outcome = error != null ? rootCause(error).getClass().getSimpleName() : Integer.toString(response.statusCode());
                outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                if (error == null && response.statusCode() / 100 == 2) {
                    ok.increment();
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                inFlight.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        Map<String, Long> byOutcome = new TreeMap<>();
        outcomes.forEach((k, v) -> byOutcome.put(k, v.sum()));
        if (inFlight.get() > 0) {
            byOutcome.put("unanswered after 30 s", inFlight.get());
        }
        double seconds = (Math.max(lastAnswer.get(), start + (count - 1) * period) - start) / 1e9;
        return new Result(rate, count, ok.sum(), seconds, byOutcome, latency, late);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }
}
