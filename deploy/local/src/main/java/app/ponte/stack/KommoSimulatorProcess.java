package app.ponte.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kommo simulator (module {@code kommo-simulator}) in a JVM of its own, with a demo Kommo
 * account and OAuth integration, its state kept in a file so demo connections survive restarts.
 * It lets Ponte be tried without a Kommo account.
 */
public final class KommoSimulatorProcess implements AutoCloseable {

    /** The demo integration's client id, as the simulator seeds it. */
    public static final String DEMO_CLIENT_ID = "ponte-demo-client";
    public static final String DEMO_SUBDOMAIN = "ponte-demo";

    private static final String MAIN = "app.ponte.kommo.simulator.KommoSimulatorMain";
    private static final String READY_MARKER = "Kommo simulator listening on";

    private final int port;
    private final Path stateFile;
    private final String clientSecret;
    private final URI redirectUri;
    private final Path logFile;
    private final Optional<Path> pidFile;
    private ManagedProcess process;

    /**
     * @param clientSecret the demo integration's secret (the platform uses it to exchange codes)
     * @param redirectUri  where the simulator's consent page sends the browser back (the platform's callback)
     */
    public KommoSimulatorProcess(int port, Path stateFile, String clientSecret, URI redirectUri, Path logFile,
            Optional<Path> pidFile) {
        this.port = port;
        this.stateFile = stateFile.toAbsolutePath();
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.logFile = logFile.toAbsolutePath();
        this.pidFile = pidFile;
    }

    public synchronized KommoSimulatorProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        // For benchmarks with thousands of accounts (docs/benchmarks.md): a bigger heap, and no state file — the
        // simulator rewrites it every 500 ms while holding its state's lock, which then serialises every API call.
        String heap = System.getenv().getOrDefault("PONTE_KOMMO_SIM_HEAP", "256m");
        boolean keepState = !"false".equalsIgnoreCase(System.getenv("PONTE_KOMMO_SIM_STATE"));
        List<String> args = new java.util.ArrayList<>(List.of("--port", Integer.toString(port), "--host", "127.0.0.1",
                "--subdomain", DEMO_SUBDOMAIN, "--client-id", DEMO_CLIENT_ID,
                "--client-secret", clientSecret, "--redirect-uri", redirectUri.toString()));
        if (keepState) {
            args.addAll(List.of("--state-file", stateFile.toString()));
        }
        process = ManagedProcess.start("Kommo simulator",
                JavaCommand.of(StackArtifacts.load().kommoSimulatorClasspath(), List.of("-Xms32m", "-Xmx" + heap), MAIN, args),
                Map.of(), stateFile.getParent() == null ? Path.of(".") : createParent(), logFile, pidFile);
        process.awaitLogLine(READY_MARKER, Duration.ofSeconds(60));
        return this;
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
            process = null;
        }
    }

    /** Stops and starts it again on the same port and state file. */
    public synchronized void restart() {
        stop();
        start();
    }

    public Optional<ManagedProcess> process() {
        return Optional.ofNullable(process);
    }

    public URI baseUrl() {
        return URI.create("http://localhost:" + port);
    }

    @Override
    public void close() {
        stop();
    }

    private Path createParent() {
        try {
            return java.nio.file.Files.createDirectories(stateFile.getParent());
        } catch (java.io.IOException e) {
            throw new StackException("cannot create " + stateFile.getParent() + ": " + e.getMessage(), e);
        }
    }
}
