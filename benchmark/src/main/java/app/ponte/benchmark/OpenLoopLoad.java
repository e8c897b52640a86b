package app.ponte.benchmark;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
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
 * The client is Vert.x's, on one event-loop thread over at most {@value #MAX_IN_FLIGHT} kept-alive
 * connections: it shares the machine with the platform, and {@code java.net.http} took about as much
 * CPU per request as the platform's ingress did to answer it.
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

    /** A POST to the platform: its path, headers and body. */
    record Post(String path, Map<String, String> headers, String body) {
    }

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final HttpClient client;

    OpenLoopLoad(URI platform) {
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(platform.getHost()).setDefaultPort(platform.getPort())
                .setKeepAlive(true).setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT));
    }

    Result run(double rate, Duration duration, Supplier<Post> next) {
        long period = (long) (1e9 / rate);
        long count = (long) (rate * duration.toNanos() / 1e9);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(2), 3);
        LongAdder ok = new LongAdder();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long late = 0;
        Context loop = vertx.getOrCreateContext();
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
            Post post = next.get();
            inFlight.incrementAndGet();
            loop.runOnContext(ignored -> {
                RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setURI(post.path()).setTimeout(10_000);
                post.headers().forEach(request::addHeader);
                client.request(request)
                        .compose(call -> call.send(Buffer.buffer(post.body())))
                        .compose(response -> response.end().map(done -> response.statusCode()))
                        .onComplete(answer -> {
                            long now = System.nanoTime();
                            latency.recordValue(Math.max(0, (now - due) / 1000));
                            String outcome = answer.failed() ? rootCause(answer.cause()).getClass().getSimpleName()
                                    : Integer.toString(answer.result());
                            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                            if (answer.succeeded() && answer.result() / 100 == 2) {
                                ok.increment();
                            }
                            lastAnswer.accumulateAndGet(now, Math::max);
                            inFlight.decrementAndGet();
                        });
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
