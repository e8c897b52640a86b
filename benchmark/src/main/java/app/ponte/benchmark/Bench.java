package app.ponte.benchmark;

import java.util.List;
import java.util.UUID;

/** What every phase works with: the stack, the seeded workspaces, the load generator and the run metrics. */
record Bench(Stack stack, List<Workspace> workspaces, OpenLoopLoad load, HotmartDeliveries deliveries, RunMetrics metrics,
        SimulatorControl simulator) {

    static Bench open(Stack stack) throws Exception {
        return new Bench(stack, Workspace.load(stack.benchmarkDirectory().resolve("workspaces.tsv")), new OpenLoopLoad(stack.platform()),
                new HotmartDeliveries(), new RunMetrics(stack), new SimulatorControl(stack.simulator()));
    }

    List<UUID> tenants() {
        return workspaces.stream().map(Workspace::tenantId).toList();
    }
}
