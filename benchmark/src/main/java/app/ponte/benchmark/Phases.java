package app.ponte.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Helpers the phases share: waiting for runs to finish, thread dumps during a load, durations. */
final class Phases {

    private Phases() {
    }

    /** No run finished for this long: the runner is stuck (e.g. Kommo calls paused by an IP block); stop waiting. */
    private static final Duration STALL = Duration.ofSeconds(90);

    /**
     * Polls until every run of the tenants is final and at least {@code expected} exist (an answer lost to a client
     * timeout may still have stored its event), or the timeout, or a stall; prints progress every 10 s.
     */
    static RunMetrics.Progress awaitFinished(RunMetrics metrics, Collection<UUID> tenants, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextReport = Instant.now().plusSeconds(10);
        RunMetrics.Progress progress = metrics.progress(tenants);
        long lastFinished = progress.finished();
        Instant lastChange = Instant.now();
        while ((progress.open() > 0 || progress.unrelayed() > 0 || progress.runs() < expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            progress = metrics.progress(tenants);
            if (progress.finished() != lastFinished) {
                lastFinished = progress.finished();
                lastChange = Instant.now();
            } else if (Duration.between(lastChange, Instant.now()).compareTo(STALL) > 0) {
                Report.line("  STALLED: no run finished for %d s (%d of %d finished, %d open)", STALL.toSeconds(), progress.finished(),
                        Math.max(expected, progress.runs()), progress.open());
                break;
            }
            if (Instant.now().isAfter(nextReport)) {
                System.out.printf("  ... %d of %d runs finished (%d open, %d events unrelayed)%n", progress.finished(),
                        Math.max(expected, progress.runs()), progress.open(), progress.unrelayed());
                nextReport = Instant.now().plusSeconds(10);
            }
        }
        return progress;
    }

    /** Two thread dumps of the platform, at a third and two thirds of the load. */
    static Thread dumpsDuring(ThreadSampler sampler, Duration load) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(load.toMillis() / 3);
                sampler.sample();
                Thread.sleep(load.toMillis() / 3);
                sampler.sample();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "thread-dumps");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static double seconds(Instant from, Instant to) {
        return Math.max(0.001, Duration.between(from, to).toNanos() / 1e9);
    }
}
