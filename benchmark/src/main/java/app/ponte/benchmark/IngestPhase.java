package app.ponte.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Phase (a): ingest only, with the runner paused ({@code PONTE_RUNNER_ENABLED=false}): approved
 * sales posted to random workspaces' webhook URLs at fixed rates; throughput and latency of
 * {@code POST /hooks/hotmart/{token}}, errors, and a check that every 2xx left exactly one event in
 * the outbox. Target: ≥ 2,000/s at p99 ≤ 100 ms with zero errors.
 */
final class IngestPhase {

    private final Bench bench;

    IngestPhase(Bench bench) {
        this.bench = bench;
    }

    void run(List<Double> rates, Duration duration, Duration warmup) throws Exception {
        List<Workspace> workspaces = bench.workspaces();
        List<UUID> tenants = bench.tenants();
        Report.header("(a) ingest only, runner paused: " + workspaces.size() + " workspaces");
        bench.metrics().clean(tenants);
        for (double rate : rates) {
            if (!warmup.isZero()) {
                bench.load().run(rate, warmup, () -> bench.deliveries().approvedSale(random(workspaces)));
                bench.metrics().clean(tenants);
            }
            OpenLoopLoad.Result result;
            ProcessSampler.Usage usage;
            String database;
            try (ProcessSampler processes = new ProcessSampler(bench.stack()); DatabaseSampler db = new DatabaseSampler(bench.stack())) {
                result = bench.load().run(rate, duration, () -> bench.deliveries().approvedSale(random(workspaces)));
                usage = processes.usage();
                database = db.describe();
            }
            RunMetrics.Progress stored = bench.metrics().progress(tenants);
            Report.line("ingest @ %.0f/s offered for %ds: %.0f/s answered 2xx; latency (due → answer) %s; errors %d %s; "
                            + "late sends %d", rate, duration.toSeconds(), result.throughput(), Report.percentiles(result.latency()),
                    result.errors(), result.outcomes(), result.lateSends());
            Report.line("  durable: %d approved-sale events stored for %d answers 2xx (%s); unrelayed %d%s", stored.events(), result.ok(),
                    stored.events() == result.ok() ? "equal" : "DIFFERENT", stored.unrelayed(),
                    stored.runs() > 0 ? "; WARNING: " + stored.runs() + " runs exist — is the runner really paused?" : "");
            Report.line("  %s", usage.describe());
            Report.line("  %s", database);
            bench.metrics().clean(tenants);
        }
    }

    static Workspace random(List<Workspace> workspaces) {
        return workspaces.get(ThreadLocalRandom.current().nextInt(workspaces.size()));
    }
}
