package app.ponte.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Thread dumps of the platform ({@code jcmd <pid> Thread.print}) during a phase, summarised: for the
 * runner's worker threads ({@code ponte-runner-*}) and the HTTP worker threads ({@code executor-thread-*}),
 * what they were doing — the innermost Ponte frame and the innermost frame overall — counted over all dumps.
 */
final class ThreadSampler {

    private final long pid;
    private final Map<String, Integer> runner = new TreeMap<>();
    private final Map<String, Integer> http = new TreeMap<>();
    private int dumps;

    ThreadSampler(long pid) {
        this.pid = pid;
    }

    void sample() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            dumps++;
            for (String block : dump.split("\n\n")) {
                String name = block.startsWith("\"") ? block.substring(1, block.indexOf('"', 1)) : "";
                if (name.startsWith("ponte-runner-")) {
                    runner.merge(classify(block), 1, Integer::sum);
                } else if (name.startsWith("executor-thread-")) {
                    http.merge(classify(block), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            // no jcmd: no thread summary
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String classify(String block) {
        List<String> frames = new ArrayList<>();
        for (String line : block.split("\n")) {
            String t = line.trim();
            if (t.startsWith("at ")) {
                frames.add(t.substring(3).replaceAll("\\(.*\\)", ""));
            }
        }
        if (frames.isEmpty()) {
            return "(no frames)";
        }
        String top = frames.get(0);
        String ponte = frames.stream().filter(f -> f.startsWith("app.ponte.")).findFirst().orElse("-");
        String lib = frames.stream().anyMatch(f -> f.contains("bucket4j")) ? " [bucket4j]" : "";
        String pool = frames.stream().anyMatch(f -> f.startsWith("io.agroal.pool.ConnectionPool.getConnection"))
                ? " [waiting for a pooled JDBC connection]" : "";
        String pacing = frames.stream().anyMatch(f -> f.contains("bucket4j") && f.contains("park")) ? " [pacing wait]" : "";
        String jdbc = frames.stream().anyMatch(f -> f.startsWith("org.postgresql.")) ? " [jdbc]" : "";
        String httpClient = frames.stream().anyMatch(f -> f.startsWith("jdk.internal.net.http.")) ? " [http client]" : "";
        return ponte + " ← " + top + lib + pacing + pool + jdbc + httpClient;
    }

    String describe() {
        return "thread dumps: " + dumps + "\n  runner threads (ponte-runner-*):\n" + top(runner) + "\n  HTTP worker threads (executor-thread-*):\n"
                + top(http);
    }

    private String top(Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "    (none seen)";
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "    %4.0f%%  %s", 100.0 * e.getValue() / total, e.getKey()))
                .collect(Collectors.joining("\n"));
    }
}
