package app.ponte.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The drain rate of one Kommo account: a backlog of approved sales (1,000 by default) for one
 * workspace, with the simulator's rate limit on (Kommo's 7/s). Ponte's pacing
 * ({@code ponte.rate-limit.per-account-per-second}, 2 by default, after a burst of 3) must keep the account busy —
 * target ≥ 95 % of that pace — without one 429. Counted from the simulator's request log (whole
 * seconds) and from the attempts Ponte recorded (milliseconds). Run it right after the stack
 * starts: the simulator's request log is read from its beginning once, to find where it ends.
 */
final class DrainPhase {

    private final Bench bench;

    DrainPhase(Bench bench) {
        this.bench = bench;
    }

    void run(int index, int events, double rate, int pace, int simulatorLimit, Duration timeout) throws Exception {
        Workspace workspace = bench.workspaces().get(index);
        List<UUID> tenant = List.of(workspace.tenantId());
        Report.header(String.format("drain: %d events for one Kommo account (%s), simulator limit %d/s, Ponte's pace %d/s", events,
                workspace.kommoSubdomain(), simulatorLimit, pace));
        bench.metrics().clean(bench.tenants());
        bench.simulator().rateLimit(simulatorLimit);
        try {
            long since = bench.simulator().calls(workspace.kommoSubdomain(), 0).lastSeq();
            Instant t0 = bench.metrics().now();
            OpenLoopLoad.Result result;
            ProcessSampler.Usage usage;
            try (ProcessSampler processes = new ProcessSampler(bench.stack())) {
                result = bench.load().run(rate, Duration.ofMillis((long) (1000 * events / rate)),
                        () -> bench.deliveries().approvedSale(workspace));
                RunMetrics.Progress done = Phases.awaitFinished(bench.metrics(), tenant, result.ok(), timeout);
                usage = processes.usage();
                Report.line("backlog: %d events accepted (%s); %d runs finished (succeeded %d, failed %d)", result.ok(), result.outcomes(),
                        done.finished(), done.succeeded(), done.failed());
            }
            RunMetrics.Latencies ponte = bench.metrics().latencies(tenant, t0, bench.metrics().now());
            SimulatorControl.Calls kommo = bench.simulator().calls(workspace.kommoSubdomain(), since);
            double span = ponte.lastAttempt() == null ? 0.001 : Phases.seconds(t0, ponte.lastAttempt());
            double ponteRate = ponte.calls() / span;
            long accepted = kommo.byStatus().entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(e -> e.getValue()).sum();
            double kommoSpan = kommo.lastSecond() - kommo.firstSecond() + 1;
            Report.line("  Ponte's records: %d runs succeeded, %d Kommo calls (%.2f per run) from the first receipt to the last "
                            + "attempt, %.1f s = %.2f calls/s = %.1f %% of the pace %d/s; %.2f runs/s; %d answered 429", ponte.runs(), ponte.calls(), ponte.calls() / (double) Math.max(1, ponte.runs()),
                    span, ponteRate, 100 * ponteRate / pace, pace, ponte.runs() / span, ponte.throttled());
            Report.line("  simulator's log: %d API calls to the account by status %s over %.0f s = %.2f accepted calls/s "
                    + "(%.1f %% of the pace); busiest second %d calls", kommo.total(), kommo.byStatus(), kommoSpan, accepted / kommoSpan,
                    100 * accepted / kommoSpan / pace, kommo.busiestSecond());
            Report.line("  target ≥ 95 %% of the pace with zero 429s: %s", ponteRate >= 0.95 * pace && !kommo.byStatus().containsKey(429)
                    && ponte.throttled() == 0 ? "MET" : "NOT MET");
            Report.line("  %s", usage.describe());
        } finally {
            bench.simulator().rateLimit(0);
            bench.metrics().clean(bench.tenants());
        }
    }
}
