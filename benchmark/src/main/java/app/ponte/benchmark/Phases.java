package app.ponte.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Helpers the phases share: waiting for runs to finish, thread dumps during a load, durations. */
final class Phases {

    private Phases() {
    }

    /** Polls until {@code expected} runs of the tenants are final, or the timeout; prints progress every 10 s. */
    static RunMetrics.Progress awaitFinished(RunMetrics metrics, Collection<UUID> tenants, long expected, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextReport = Instant.now().plusSeconds(10);
        RunMetrics.Progress progress = metrics.progress(tenants);
        while (progress.finished() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            progress = metrics.progress(tenants);
            if (Instant.now().isAfter(nextReport)) {
                System.out.printf("  ... %d of %d runs finished (%d open, %d events unrelayed)%n", progress.finished(), expected,
                        progress.open(), progress.unrelayed());
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
