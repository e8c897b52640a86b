package app.ponte.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Phase (b): end to end, runner on. At each offered rate (open loop, spread over all workspaces):
 * the runs finished while the load lasted, the backlog left when it stopped, and receipt → Kommo
 * call latency of every run once all have finished. A rate is sustained when the backlog at the
 * end is under two seconds' worth of load, nothing failed and everything finished.
 */
final class EndToEndPhase {

    private final Bench bench;

    EndToEndPhase(Bench bench) {
        this.bench = bench;
    }

    void run(List<Double> rates, Duration duration, Duration drainTimeout, boolean stopWhenUnsustained) throws Exception {
        List<UUID> tenants = bench.tenants();
        Report.header("(b) end to end: " + bench.workspaces().size() + " workspaces");
        for (double rate : rates) {
            bench.metrics().clean(tenants);
            ThreadSampler threads = new ThreadSampler(bench.stack().pid("platform").orElse(-1L));
            Thread dumps = Phases.dumpsDuring(threads, duration);
            Instant t0 = bench.metrics().now();
            OpenLoopLoad.Result result;
            ProcessSampler.Usage usage;
            String database;
            try (ProcessSampler processes = new ProcessSampler(bench.stack()); DatabaseSampler db = new DatabaseSampler(bench.stack())) {
                result = bench.load().run(rate, duration, () -> bench.deliveries().approvedSale(IngestPhase.random(bench.workspaces())));
                usage = processes.usage();
                database = db.describe();
            }
            dumps.join();
            Instant t1 = bench.metrics().now();
            RunMetrics.Progress atEnd = bench.metrics().progress(tenants);
            long doneInWindow = bench.metrics().succeededBetween(tenants, t0, t1);
            long backlog = result.ok() - atEnd.finished();
            RunMetrics.Progress done = Phases.awaitFinished(bench.metrics(), tenants, result.ok(), drainTimeout);
            RunMetrics.Latencies latencies = bench.metrics().latencies(tenants, t0, t1.plusSeconds(5));
            double window = Phases.seconds(t0, t1);
            boolean drained = done.open() == 0 && done.unrelayed() == 0 && done.runs() >= result.ok();
            boolean sustained = backlog <= 2 * rate && result.errors() == 0 && done.failed() == 0 && drained;
            Report.line("e2e @ %.0f/s offered for %ds: %s", rate, duration.toSeconds(), sustained ? "SUSTAINED" : "NOT sustained");
            Report.line("  ingress: %.0f/s answered 2xx, %s, errors %d %s", result.throughput(), Report.percentiles(result.latency()),
                    result.errors(), result.outcomes());
            Report.line("  runs succeeded while the load lasted: %d = %.0f runs/s; backlog when it stopped: %d (unrelayed events %d, "
                    + "open runs %d); all %d finished: %s (succeeded %d, failed %d)", doneInWindow, doneInWindow / window, backlog,
                    atEnd.unrelayed(), atEnd.open(), result.ok(), drained ? "yes" : "NO (timeout)", done.succeeded(), done.failed());
            if (latencies.runs() > 0) {
                Report.line("  receipt → Kommo call (end of the successful attempt): %s", Report.percentiles(latencies.toCall()));
                Report.line("  receipt → attempt start (claimed by a worker): %s", Report.percentiles(latencies.toStart()));
                Report.line("  overall: %d runs from first receipt to last call in %.1f s = %.0f runs/s; %d attempts, %d Kommo calls "
                                + "(%.2f per run), %d answered 429, %d other non-2xx", latencies.runs(),
                        Phases.seconds(latencies.firstReceipt(), latencies.lastCall()),
                        latencies.runs() / Phases.seconds(latencies.firstReceipt(), latencies.lastCall()), latencies.attempts(),
                        latencies.calls(), latencies.calls() / (double) latencies.runs(), latencies.throttled(), latencies.failedCalls());
                Report.line("  Kommo calls (HTTP round trip as the runner timed it, pacing wait not included): %s",
                        bench.metrics().callMix(tenants, t0, t1.plusSeconds(5)));
            }
            Report.line("  %s", usage.describe());
            Report.line("  %s", database);
            Report.line("  %s", threads.describe());
            if (!sustained && stopWhenUnsustained) {
                Report.line("  stopping the ramp: %.0f/s is not sustained", rate);
                break;
            }
        }
        bench.metrics().clean(tenants);
    }
}
