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
    private final Map<String, String> configuration;
    private final Path workDir;
    private final List<String> jvmOptions;
    private final Path logFile;
    private final Optional<Path> pidFile;
    private ManagedProcess process;

    /**
     * @param runJar        {@code platform-server/target/quarkus-app/quarkus-run.jar}
     * @param environment   configuration by environment variable (e.g. {@code QUARKUS_DATASOURCE_JDBC_URL})
     * @param configuration configuration written to {@code <workDir>/config/application.properties}
     *                      (mode 600), for keys environment variables cannot name (e.g. {@code ponte.oauth.kommo.client-id})
     * @param workDir       the platform's working directory
     */
    public PlatformProcess(Path runJar, int port, Map<String, String> environment, Map<String, String> configuration,
            Path workDir, List<String> jvmOptions, Path logFile, Optional<Path> pidFile) {
        this.runJar = runJar.toAbsolutePath();
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.configuration = Map.copyOf(configuration);
        this.workDir = workDir.toAbsolutePath();
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
        writeConfiguration();
        process = ManagedProcess.start("Ponte platform", JavaCommand.of(List.of(runJar), jvmOptions, QUARKUS_MAIN, List.of()),
                env, workDir, logFile, pidFile);
        process.awaitHttpOk(url().resolve("/q/health/ready"), Duration.ofSeconds(120));
        return this;
    }

    /** Quarkus reads {@code config/application.properties} from its working directory at start. */
    private void writeConfiguration() {
        Path file = workDir.resolve("config/application.properties");
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(configuration);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try (java.io.Writer out = Files.newBufferedWriter(file)) {
                properties.store(out, "Written by Ponte's launcher at every start; edit the launcher's settings instead.");
            }
        } catch (java.io.IOException e) {
            throw new StackException("cannot write the platform's configuration " + file + ": " + e.getMessage(), e);
        }
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
