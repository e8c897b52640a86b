package app.ponte.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes during a phase, and the platform's memory, from /proc: CPU time of
 * each component of the stack (its process and all its descendants, e.g. every PostgreSQL backend),
 * of the benchmark itself, and of the whole machine (the rest is other people's work on this shared
 * machine); the platform's resident memory (VmRSS) sampled every second; and how much of the
 * platform's CPU its JIT compiler and its garbage collector took (a fresh JVM on a slow machine
 * spent half its CPU compiling for minutes: a phase measured then says so).
 */
final class ProcessSampler implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> roots = new LinkedHashMap<>();
    private final long platformPid;
    private final Map<String, Long> startTicks;
    private final long[] startMachine;
    private final long startNanos = System.nanoTime();
    private final String loadAtStart = loadAverage();
    private final Thread sampler;
    private volatile long peakRssKiB;
    private volatile boolean running = true;
    private final JvmThreads jvmThreads;

    ProcessSampler(Stack stack) {
        platformPid = stack.pid("platform").orElse(-1L);
        roots.put("platform", platformPid);
        stack.postgresPid().ifPresent(pid -> roots.put("postgres", pid));
        stack.pid("kafka").ifPresent(pid -> roots.put("kafka", pid));
        stack.pid("kommo-simulator").ifPresent(pid -> roots.put("simulator", pid));
        stack.pid("keycloak").ifPresent(pid -> roots.put("keycloak", pid));
        roots.put("benchmark", ProcessHandle.current().pid());
        startTicks = ticksByComponent();
        startMachine = machineTicks();
        peakRssKiB = rssKiB(platformPid);
        jvmThreads = new JvmThreads(platformPid);
        sampler = new Thread(() -> {
            while (running) {
                peakRssKiB = Math.max(peakRssKiB, rssKiB(platformPid));
                jvmThreads.sample();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** CPU use per component in % of one core, the machine's, and the platform's RSS since this sampler started. */
    record Usage(double seconds, Map<String, Double> cpuPercent, double machineBusyPercent, double othersPercent, long platformRssMiB,
            long platformPeakRssMiB, String loadAtStart, String loadAtEnd, double compilerPercent, double gcPercent) {

        String describe() {
            StringBuilder cpu = new StringBuilder();
            cpuPercent.forEach((k, v) -> cpu.append(String.format(Locale.ROOT, "%s %.0f%%", k, v))
                    .append(k.equals("platform") ? String.format(Locale.ROOT, " (JIT compiler %.0f%%, GC %.0f%%)", compilerPercent, gcPercent) : "")
                    .append(", "));
            return String.format(Locale.ROOT, "CPU (%% of one core; 200%% = both): %smachine %.0f%% of which others %.0f%%; "
                            + "platform RSS %d MiB (peak %d MiB); load average %s → %s",
                    cpu, machineBusyPercent, othersPercent, platformRssMiB, platformPeakRssMiB, loadAtStart, loadAtEnd);
        }
    }

    Usage usage() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> now = ticksByComponent();
        Map<String, Double> cpu = new LinkedHashMap<>();
        double ours = 0;
        for (String component : roots.keySet()) {
            double percent = 100.0 * (now.getOrDefault(component, 0L) - startTicks.getOrDefault(component, 0L)) / TICKS_PER_SECOND / seconds;
            cpu.put(component, percent);
            ours += percent;
        }
        long[] machine = machineTicks();
        double busy = machine[0] - startMachine[0];
        double total = machine[1] - startMachine[1];
        int cores = Runtime.getRuntime().availableProcessors();
        double machinePercent = total == 0 ? 0 : 100.0 * cores * busy / total;
        long rss = rssKiB(platformPid);
        peakRssKiB = Math.max(peakRssKiB, rss);
        long[] jvm = jvmThreads.sample();
        return new Usage(seconds, cpu, machinePercent, Math.max(0, machinePercent - ours), rss / 1024, peakRssKiB / 1024, loadAtStart,
                loadAverage(), 100.0 * jvm[0] / TICKS_PER_SECOND / seconds, 100.0 * jvm[1] / TICKS_PER_SECOND / seconds);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return 0;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU ticks (user + system, plus reaped children's) of each component's process tree. */
    private Map<String, Long> ticksByComponent() {
        Map<Long, long[]> stats = new HashMap<>(); // pid -> {ppid, ticks}
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                stat(proc).ifPresent(s -> stats.put(Long.parseLong(proc.getFileName().toString()), s));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<Long, List<Long>> children = new HashMap<>();
        stats.forEach((pid, s) -> children.computeIfAbsent(s[0], k -> new ArrayList<>()).add(pid));
        Map<String, Long> ticks = new LinkedHashMap<>();
        roots.forEach((component, root) -> ticks.put(component, treeTicks(root, stats, children)));
        return ticks;
    }

    private static long treeTicks(long pid, Map<Long, long[]> stats, Map<Long, List<Long>> children) {
        long[] own = stats.get(pid);
        long sum = own == null ? 0 : own[1];
        for (long child : children.getOrDefault(pid, List.of())) {
            sum += treeTicks(child, stats, children);
        }
        return sum;
    }

    private static Optional<long[]> stat(Path proc) {
        try {
            String text = Files.readString(proc.resolve("stat"));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return Optional.of(new long[] {Long.parseLong(f[1]), ticks});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * CPU ticks of the platform's JIT compiler threads ("C1/C2 CompilerThread") and garbage collector
     * threads ("GC Thread", "G1 …") since the phase started. HotSpot starts and stops compiler threads
     * as the compile queue grows and shrinks, so they are sampled every second: a thread's ticks count
     * from its first sample (from zero when it started after the phase did) and stay counted after it ends.
     */
    private static final class JvmThreads {

        private final long pid;
        private final Map<String, Long> previous = new HashMap<>();
        private final long[] sums = new long[2];
        private boolean started;

        JvmThreads(long pid) {
            this.pid = pid;
            sample(); // the baseline: a thread's first sample before the phase adds nothing
            started = true;
        }

        /** {compiler, gc} ticks so far. */
        synchronized long[] sample() {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    int kind = kind(task);
                    if (kind >= 0) {
                        long ticks = stat(task).map(t -> t[1]).orElse(-1L);
                        if (ticks >= 0) {
                            Long before = previous.put(task.getFileName().toString(), ticks);
                            sums[kind] += ticks - (before != null ? before : started ? 0 : ticks);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the platform is gone
            }
            return sums.clone();
        }

        /** 0 for a compiler thread, 1 for a collector thread, -1 for any other. */
        private static int kind(Path task) {
            try {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    return 0;
                }
                return name.startsWith("GC Thread") || name.startsWith("G1 ") ? 1 : -1;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    /** {busy, total} ticks of the whole machine. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]), idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException e) {
            return new long[] {0, 1};
        }
    }
}
