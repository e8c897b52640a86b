package app.ponte.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Prints the figures, and keeps a copy of everything printed in {@code .ponte/benchmark/results.log}. */
final class Report {

    private static Path log;

    private Report() {
    }

    static void to(Path file) {
        log = file;
    }

    static void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        if (log != null) {
            try {
                Files.createDirectories(log.getParent());
                Files.writeString(log, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("cannot append to " + log + ": " + e.getMessage());
            }
        }
    }

    static void header(String title) {
        line("");
        line("=== %s (%s) ===", title, Instant.now());
    }

    /** p50 / p90 / p99 / max of a histogram in microseconds, printed in milliseconds. */
    static String percentiles(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
                micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(90) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0, micros.getTotalCount());
    }
}
