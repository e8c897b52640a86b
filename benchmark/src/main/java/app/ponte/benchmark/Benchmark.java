package app.ponte.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner benchmark (issue 6, item 7), against a running local stack. Commands:
 *
 * <pre>
 * seed   --workspaces 1000 --automations 1          workspaces, connections, Kommo accounts, automations (in the database)
 * ingest --rates 1000,2000 --duration 30s --warmup 10s   (a) the runner paused: PONTE_RUNNER_ENABLED=false
 * e2e    --rates 250,500,750 --duration 30s [--keep-going]  (b) the runner on
 * noisy  --backlog 10000 --backlog-rate 1000 --rate 100 --duration 60s   (c)
 * drain  --events 1000 --workspace 1 --pace 6 --kommo-limit 7
 * rss                                               the platform's resident memory now
 * </pre>
 *
 * Figures are printed and appended to {@code .ponte/benchmark/results.log}. See docs/benchmarks.md.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].contains(" ")) {
            args = args[0].trim().split("\\s+"); // exec:java passes -Dexec.args as one argument when quoted oddly
        }
        if (args.length == 0) {
            System.err.println("usage: seed | ingest | e2e | noisy | drain | rss [--option value ...] (see docs/benchmarks.md)");
            System.exit(2);
        }
        String command = args[0];
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        Stack stack = Stack.fromEnvironment(root(options));
        Report.to(stack.benchmarkDirectory().resolve("results.log"));
        Report.header("benchmark " + String.join(" ", args) + " — " + machine());
        switch (command) {
            case "seed" -> {
                new SimulatorControl(stack.simulator()).rateLimit(0);
                new Seeder(stack).seed(integer(options, "workspaces", 1000), integer(options, "automations", 1));
            }
            case "ingest" -> {
                Bench bench = Bench.open(stack);
                new IngestPhase(bench).run(rates(options, "500,1000,2000"), duration(options, "duration", "30s"),
                        duration(options, "warmup", "10s"));
                bench.metrics().close();
            }
            case "e2e" -> {
                Bench bench = Bench.open(stack);
                new EndToEndPhase(bench).run(rates(options, "250,500,750"), duration(options, "duration", "30s"),
                        duration(options, "timeout", "5m"), !options.containsKey("keep-going"));
                bench.metrics().close();
            }
            case "noisy" -> {
                Bench bench = Bench.open(stack);
                new NoisyTenantPhase(bench).run(integer(options, "backlog", 10_000), number(options, "backlog-rate", 1000),
                        number(options, "rate", 100), duration(options, "duration", "60s"), duration(options, "timeout", "10m"));
                bench.metrics().close();
            }
            case "drain" -> {
                Bench bench = Bench.open(stack);
                new DrainPhase(bench).run(integer(options, "workspace", 1), integer(options, "events", 1000), number(options, "rate", 100),
                        integer(options, "pace", 6), integer(options, "kommo-limit", 7), duration(options, "timeout", "20m"));
                bench.metrics().close();
            }
            case "rss" -> Report.line("platform RSS: %d MiB", ProcessSampler.rssKiB(stack.pid("platform").orElse(-1L)) / 1024);
            default -> {
                System.err.println("unknown command " + command);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    /** The repository root: where {@code ./ponte} is (Maven may run this from the module's directory). */
    private static Path root(Map<String, String> options) {
        Path dir = Path.of(options.getOrDefault("root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("ponte")) && Files.exists(p.resolve("platform-server"))) {
                return p;
            }
        }
        return dir;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, load average " + ProcessSampler.loadAverage();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(key, flag ? "true" : args[++i]);
        }
        return options;
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key).replace("_", "")) : fallback;
    }

    private static double number(Map<String, String> options, String key, double fallback) {
        return options.containsKey(key) ? Double.parseDouble(options.get(key)) : fallback;
    }

    private static Duration duration(Map<String, String> options, String key, String fallback) {
        return OpenLoopLoad.parseDuration(options.getOrDefault(key, fallback));
    }

    private static List<Double> rates(Map<String, String> options, String fallback) {
        return Arrays.stream(options.getOrDefault("rates", fallback).split(",")).map(String::trim).map(Double::parseDouble).toList();
    }
}
