package app.ponte.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server process this launcher started: its output goes to a log file, readiness is awaited by a
 * log line or an HTTP answer, and stopping it stops its descendants too.
 */
public final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path logFile;
    private final long logOffset;
    private final Optional<Path> pidFile;

    private ManagedProcess(String name, Process process, Path logFile, long logOffset, Optional<Path> pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.logOffset = logOffset;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command}, appending its standard output and error to {@code logFile}.
     *
     * @param pidFile where to record the process id (so that a later run can clean up after a killed launcher)
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workDir, Path logFile, Optional<Path> pidFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (pidFile.isPresent()) {
                Files.createDirectories(pidFile.get().toAbsolutePath().getParent());
                Files.writeString(pidFile.get(), Long.toString(process.pid()));
            }
            return new ManagedProcess(name, process, logFile, offset, pidFile);
        } catch (IOException e) {
            throw new StackException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The exit code, once the process has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Waits until the process writes {@code marker} to its log (output of this start only). */
    public void awaitLogLine(String marker, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (logSinceStart().contains(marker)) {
                return;
            }
            checkStillStarting(deadline, timeout);
        }
    }

    /** Waits until {@code url} answers 200. */
    public void awaitHttpOk(URI url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + name);
            }
            checkStillStarting(deadline, timeout);
        }
    }

    private void checkStillStarting(long deadline, Duration timeout) {
        if (!process.isAlive()) {
            throw new StackException(name + " exited with code " + process.exitValue() + " while starting; see " + logFile);
        }
        if (System.nanoTime() > deadline) {
            stop(Duration.ofSeconds(5));
            throw new StackException(name + " did not become ready within " + timeout.toSeconds() + " s; see " + logFile);
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name);
        }
    }

    private String logSinceStart() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= logOffset) {
                return "";
            }
            file.seek(logOffset);
            byte[] bytes = new byte[(int) Math.min(length - logOffset, 16 * 1024 * 1024)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Asks the process (and its descendants) to stop, then kills whatever is left after {@code grace}. */
    public void stop(Duration grace) {
        stopTree(process.toHandle(), grace);
        pidFile.ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a stale pid file is cleaned up by the next start
            }
        });
    }

    /**
     * Kills the process and its descendants at once with SIGKILL, as a crash would (for fault tests):
     * no SIGTERM first, so no shutdown hook runs.
     */
    public void kill() {
        List<ProcessHandle> tree = new java.util.ArrayList<>(process.toHandle().descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more can be done
            }
        }
    }

    /** Stops a process tree: SIGTERM to all, SIGKILL to the survivors after {@code grace}. */
    static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // still alive: killed below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more can be done
            }
        }
    }
}
