package app.ponte.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Phase (c): a noisy tenant. Workspace 0 receives a backlog of approved sales (10,000 by default)
 * as fast as the ingress takes them, while every other workspace receives a steady load; the
 * other workspaces' runs must still reach Kommo with p99 ≤ 2 s. The noisy workspace's own backlog,
 * paced at its Kommo account's limit, would take more than an hour: afterwards its automation is
 * paused, so the rest of the backlog drains as failed runs without calling Kommo, and switched on again.
 * The others' latencies are also given apart for events that arrived while the flood was still coming
 * in (sharing the ingress and the machine with it) and for those that arrived after, while the
 * backlog waited for its account.
 */
final class NoisyTenantPhase {

    private final Bench bench;

    NoisyTenantPhase(Bench bench) {
        this.bench = bench;
    }

    private Instant now() {
        try {
            return bench.metrics().now();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void run(int backlog, double backlogRate, double rate, Duration duration, Duration drainTimeout) throws Exception {
        Workspace noisy = bench.workspaces().get(0);
        List<Workspace> others = bench.workspaces().subList(1, bench.workspaces().size());
        List<UUID> otherTenants = others.stream().map(Workspace::tenantId).toList();
        List<UUID> noisyTenant = List.of(noisy.tenantId());
        Report.header(String.format("(c) noisy tenant: %d events for one workspace, %.0f/s for the %d others", backlog, rate, others.size()));
        bench.metrics().clean(bench.tenants());
        ThreadSampler threads = new ThreadSampler(bench.stack().pid("platform").orElse(-1L));
        Thread dumps = Phases.dumpsDuring(threads, duration);
        Instant t0 = bench.metrics().now();
        OpenLoopLoad.Result flood;
        Instant[] floodOver = new Instant[1];
        OpenLoopLoad.Result steady;
        ProcessSampler.Usage usage;
        String database;
        try (ProcessSampler processes = new ProcessSampler(bench.stack()); DatabaseSampler db = new DatabaseSampler(bench.stack())) {
            CompletableFuture<OpenLoopLoad.Result> backlogLoad = CompletableFuture.supplyAsync(() -> {
                OpenLoopLoad.Result sent = bench.load().run(backlogRate, Duration.ofMillis((long) (1000 * backlog / backlogRate)),
                        () -> bench.deliveries().approvedSale(noisy));
                floodOver[0] = now();
                return sent;
            });
            steady = bench.load().run(rate, duration, () -> bench.deliveries().approvedSale(IngestPhase.random(others)));
            flood = backlogLoad.join();
            usage = processes.usage();
            database = db.describe();
        }
        dumps.join();
        Instant t1 = bench.metrics().now();
        RunMetrics.Progress othersDone = Phases.awaitFinished(bench.metrics(), otherTenants, steady.ok(), drainTimeout);
        RunMetrics.Progress noisyNow = bench.metrics().progress(noisyTenant);
        RunMetrics.Latencies latencies = bench.metrics().latencies(otherTenants, t0, t1.plusSeconds(5));
        Instant t2 = bench.metrics().now();
        Report.line("noisy workspace: %d events accepted (%s; ingress %s); after %.0f s: %d runs succeeded, %d still open "
                        + "(%.1f runs/s for its one Kommo account)", flood.ok(), flood.outcomes(), Report.percentiles(flood.latency()),
                Phases.seconds(t0, t2), noisyNow.succeeded(), noisyNow.open(), noisyNow.succeeded() / Phases.seconds(t0, t2));
        Report.line("other workspaces: %d events at %.0f/s (%s); %d of them finished (succeeded %d, failed %d)", steady.ok(), rate,
                steady.outcomes(), othersDone.finished(), othersDone.succeeded(), othersDone.failed());
        Report.line("  others' receipt → Kommo call: %s — target p99 ≤ 2 s: %s", Report.percentiles(latencies.toCall()),
                latencies.runs() > 0 && latencies.toCall().getValueAtPercentile(99) <= 2_000_000 && othersDone.open() == 0 && othersDone.runs() >= steady.ok()
                        ? "MET" : "NOT MET");
        Report.line("  others' receipt → attempt start: %s", Report.percentiles(latencies.toStart()));
        // the same, split: events that arrived while the flood was coming in (the ingress and the machine shared with it),
        // and those that arrived after it, while the noisy workspace's backlog waited for its account
        RunMetrics.Latencies during = bench.metrics().latencies(otherTenants, t0, floodOver[0]);
        RunMetrics.Latencies after = bench.metrics().latencies(otherTenants, floodOver[0], t1.plusSeconds(5));
        Report.line("  others' receipt → Kommo call, received during the flood's %.0f s: %s", Phases.seconds(t0, floodOver[0]),
                Report.percentiles(during.toCall()));
        Report.line("  others' receipt → Kommo call, received after it (backlog waiting): %s", Report.percentiles(after.toCall()));
        Report.line("  %s", usage.describe());
        Report.line("  %s", database);
        Report.line("  %s", threads.describe());

        bench.metrics().automationStatus(noisy.approvedAutomation(), "PAUSED");
        Instant pausedAt = Instant.now();
        RunMetrics.Progress atPause = bench.metrics().progress(noisyTenant);
        RunMetrics.Progress drained = Phases.awaitFinished(bench.metrics(), noisyTenant, flood.ok(), drainTimeout);
        // a paused automation's runs end, without Kommo calls, when their turn comes: runs deferred for their account's
        // pace keep their time, so some may still be open when the timeout ends the wait
        Report.line("  the noisy backlog's automation paused: %d of its %d open runs ended without Kommo calls in %.0f s%s",
                atPause.open() - drained.open(), atPause.open(), Phases.seconds(pausedAt, Instant.now()),
                drained.open() > 0 ? "; " + drained.open() + " still open (deferred past the timeout), removed by the cleanup" : "");
        bench.metrics().automationStatus(noisy.approvedAutomation(), "ACTIVE");
        bench.metrics().clean(bench.tenants());
    }
}
