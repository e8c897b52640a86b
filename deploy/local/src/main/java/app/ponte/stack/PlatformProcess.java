package app.ponte.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Ponte platform, run from its packaged Quarkus application ({@code quarkus-run.jar}) in a JVM
 * of its own, configured through environment variables. Ready when {@code /q/health/ready} answers 200.
 */
public final class PlatformProcess implements AutoCloseable {

    private static final String QUARKUS_MAIN = "io.quarkus.bootstrap.runner.QuarkusEntryPoint";

    private final Path runJar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    private final Optional<Path> pidFile;
    private ManagedProcess process;

    /**
     * @param runJar      {@code platform-server/target/quarkus-app/quarkus-run.jar}
     * @param environment the platform's configuration (e.g. {@code QUARKUS_DATASOURCE_JDBC_URL})
     */
    public PlatformProcess(Path runJar, int port, Map<String, String> environment, List<String> jvmOptions,
            Path logFile, Optional<Path> pidFile) {
        this.runJar = runJar.toAbsolutePath();
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile.toAbsolutePath();
        this.pidFile = pidFile;
    }

    public synchronized PlatformProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(runJar)) {
            throw new StackException("the platform is not built (" + runJar + " is missing): run ./mvnw package -DskipTests");
        }
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = ManagedProcess.start("Ponte platform", JavaCommand.of(List.of(runJar), jvmOptions, QUARKUS_MAIN, List.of()),
                env, runJar.getParent(), logFile, pidFile);
        process.awaitHttpOk(url().resolve("/q/health/ready"), Duration.ofSeconds(120));
        return this;
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    /** Kills the platform without a graceful shutdown (for fault tests). */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** Stops and starts it again on the same port and data. */
    public synchronized void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Optional<ManagedProcess> process() {
        return Optional.ofNullable(process);
    }

    public URI url() {
        return URI.create("http://localhost:" + port);
    }

    @Override
    public void close() {
        stop();
    }
}
