package app.ponte.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * {@code ./ponte up | down | status}: the whole platform on this machine, with real PostgreSQL,
 * Kafka and Keycloak, data kept under one directory ({@code .ponte/}) across restarts.
 *
 * <p>{@code up} stays in the foreground and supervises what it started: Ctrl-C, {@code ./ponte down}
 * or the death of any component stops everything. Every failure is reported as one line.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final List<Runnable> stopActions = new ArrayList<>();
    private final List<ManagedProcessView> supervised = new ArrayList<>();
    private volatile boolean stopping;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "up" : args[0];
        try {
            StackSettings settings = StackSettings.fromEnvironment();
            switch (command) {
                case "up" -> new LocalStack(settings).up();
                case "down" -> System.exit(down(settings));
                case "status" -> System.exit(status(settings));
                default -> {
                    System.err.println("usage: ponte up | down | status");
                    System.exit(2);
                }
            }
        } catch (StackException e) {
            System.err.println("ponte: " + e.getMessage());
            System.exit(1);
        }
    }

    private void up() {
        Path run = settings.runDirectory();
        createDirectories(run);
        createDirectories(settings.logDirectory());
        FileLock lock = lock(run.resolve("stack.lock"));
        for (int i = 0; lock == null && i < 100 && !isAlive(readPid(run.resolve("stack.pid"))); i++) {
            sleep(200); // an earlier launcher is still shutting down
            lock = lock(run.resolve("stack.lock"));
        }
        if (lock == null) {
            String pid = readPid(run.resolve("stack.pid")).map(Object::toString).orElse("?");
            throw new StackException("Ponte is already running (pid " + pid + ") at " + settings.platformUrl()
                    + "; stop it with ./ponte down");
        }
        deleteQuietly(run.resolve("ready"));
        stopLeftovers(run);
        writeString(run.resolve("stack.pid"), Long.toString(ProcessHandle.current().pid()));

        settings.checkPortsFree();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "ponte-stop"));
        Secrets secrets = Secrets.loadOrCreate(settings.home().resolve("secrets.properties"));
        long started = System.nanoTime();
        say("starting Ponte in " + settings.home() + " (logs in " + settings.logDirectory() + ")");

        CompletableFuture<Database> database = async(() -> timed("PostgreSQL", this::startDatabase));
        CompletableFuture<String> kafka = async(() -> timed("Kafka", this::startKafka));
        CompletableFuture<KeycloakServer> keycloak = async(() -> timed("Keycloak", () -> startKeycloak(secrets)));
        CompletableFuture<KommoSimulatorProcess> kommo = async(() -> timed("Kommo simulator", () -> startKommoSimulator(secrets)));
        try {
            CompletableFuture.allOf(database, kafka, keycloak, kommo).join();
            timed("Ponte platform", () -> startPlatform(database.join(), kafka.join(), keycloak.join(), kommo.join(), secrets));
        } catch (CompletionException e) {
            throw e.getCause() instanceof StackException stack ? stack : new StackException(e.getCause().toString(), e);
        }

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String summary = String.join("\n",
                "",
                "Ponte is running (started in " + seconds + " s). Ctrl-C or ./ponte down stops it.",
                "",
                "  Ponte            " + settings.platformUrl() + "   (sign in: " + settings.platformUrl() + "/app)",
                "  Demo user        demo@ponte.local / demo",
                "  Operator         operador@ponte.local / operador   (suggestions: " + settings.platformUrl() + "/admin/sugestoes)",
                "  API              " + settings.platformUrl() + "/api/v1   (OpenAPI: /q/openapi, Swagger UI: /q/swagger-ui)",
                "  Health, metrics  " + settings.platformUrl() + "/q/health/ready, " + settings.platformUrl() + "/q/metrics",
                "  Keycloak         " + keycloak.join().baseUrl() + "   (admin console: admin / " + secrets.keycloakAdminPassword() + ")",
                "  API token        curl -d grant_type=password -d client_id=ponte-cli -d username=demo@ponte.local -d password=demo "
                        + keycloak.join().issuer() + "/protocol/openid-connect/token",
                "  Kommo simulator  " + kommo.join().baseUrl() + "   (demo account '" + KommoSimulatorProcess.DEMO_SUBDOMAIN
                        + "', OAuth client " + KommoSimulatorProcess.DEMO_CLIENT_ID + ")",
                "  Kafka            " + kafka.join(),
                "  PostgreSQL       " + database.join().jdbcUrl() + " (user " + database.join().username() + ")",
                "  Data, logs       " + settings.home() + ", " + settings.logDirectory(),
                "");
        System.out.println(summary);
        writeString(run.resolve("ready"), summary);
        supervise();
    }

    private Database startDatabase() {
        Optional<Database> external = settings.externalDatabase();
        if (external.isPresent()) {
            return external.get();
        }
        EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(settings.home().resolve("postgres"),
                settings.postgresPort(), settings.logDirectory().resolve("postgres.log"));
        onStop(postgres::close);
        return postgres.start();
    }

    private String startKafka() {
        KafkaBroker broker = new KafkaBroker(settings.home().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.logDirectory().resolve("kafka.log"), List.of("-Xms128m", "-Xmx512m"),
                Optional.of(settings.runDirectory().resolve("kafka.pid")));
        onStop(broker::stop);
        broker.start();
        broker.process().ifPresent(p -> supervise(p));
        return broker.bootstrapServers();
    }

    private KeycloakServer startKeycloak(Secrets secrets) {
        KeycloakServer keycloak = new KeycloakServer(settings.home().resolve("keycloak"), settings.keycloakPort(),
                settings.logDirectory().resolve("keycloak.log"), secrets.keycloakAdminPassword(), settings.platformUrl(),
                secrets.platformClientSecret(), Optional.of(settings.runDirectory().resolve("keycloak.pid")));
        onStop(keycloak::stop);
        keycloak.start();
        keycloak.process().ifPresent(this::supervise);
        return keycloak;
    }

    private KommoSimulatorProcess startKommoSimulator(Secrets secrets) {
        KommoSimulatorProcess simulator = new KommoSimulatorProcess(settings.kommoSimulatorPort(),
                settings.home().resolve("kommo-simulator/state.json"), secrets.kommoClientSecret(),
                settings.platformUrl().resolve("/oauth/kommo/callback"), settings.logDirectory().resolve("kommo-simulator.log"),
                Optional.of(settings.runDirectory().resolve("kommo-simulator.pid")));
        onStop(simulator::stop);
        simulator.start();
        simulator.process().ifPresent(this::supervise);
        return simulator;
    }

    private PlatformProcess startPlatform(Database database, String kafka, KeycloakServer keycloak, KommoSimulatorProcess kommo,
            Secrets secrets) {
        Map<String, String> environment = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka,
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer().toString(),
                "QUARKUS_OIDC_CLIENT_ID", "ponte-platform",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", secrets.platformClientSecret(),
                "PONTE_CRYPTO_KEY", secrets.cryptoKey(),
                "PONTE_LOG_JSON", "false",
                // two malloc arenas: the native heap does not grow with the number of threads (docs/benchmarks.md, RSS)
                "MALLOC_ARENA_MAX", "2");
        // "Conectar Kommo" goes to the simulator's demo account (see kommo-simulator/README.md).
        Map<String, String> configuration = Map.of(
                "ponte.public-url", settings.platformUrl().toString(),
                "ponte.oauth.kommo.client-id", KommoSimulatorProcess.DEMO_CLIENT_ID,
                "ponte.oauth.kommo.client-secret", secrets.kommoClientSecret(),
                "ponte.oauth.kommo.redirect-uri", settings.platformUrl().resolve("/oauth/kommo/callback").toString(),
                "ponte.oauth.kommo.api-base-override", kommo.baseUrl().toString());
        PlatformProcess platform = new PlatformProcess(settings.platformRunJar(), settings.httpPort(), environment, configuration,
                settings.home().resolve("platform"), List.of("-Xms64m", "-Xmx384m"), settings.logDirectory().resolve("platform.log"),
                Optional.of(settings.runDirectory().resolve("platform.pid")));
        onStop(platform::stop);
        platform.start();
        platform.process().ifPresent(this::supervise);
        return platform;
    }

    /** Waits until a supervised process ends by itself; then stops the whole stack and exits non-zero. */
    private void supervise() {
        while (!stopping) {
            for (ManagedProcessView view : supervised) {
                if (!view.process().isAlive() && !stopping) {
                    say(view.process().name() + " stopped unexpectedly (exit code " + view.process().exitCode().orElse(-1)
                            + "); see " + view.process().logFile() + ". Stopping Ponte.");
                    System.exit(1);
                }
            }
            sleep(500);
        }
    }

    private synchronized void supervise(ManagedProcess process) {
        supervised.add(new ManagedProcessView(process));
    }

    private synchronized void onStop(Runnable action) {
        stopActions.add(0, action);
    }

    private void stopAll() {
        stopping = true;
        List<Runnable> actions;
        synchronized (this) {
            actions = List.copyOf(stopActions);
        }
        if (!actions.isEmpty()) {
            say("stopping Ponte...");
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                System.err.println("ponte: " + e.getMessage());
            }
        }
        deleteQuietly(settings.runDirectory().resolve("ready"));
        deleteQuietly(settings.runDirectory().resolve("stack.pid"));
        if (!actions.isEmpty()) {
            say("stopped.");
        }
    }

    static int down(StackSettings settings) {
        Path run = settings.runDirectory();
        Optional<ProcessHandle> stack = readPid(run.resolve("stack.pid")).flatMap(ProcessHandle::of)
                .filter(h -> h.info().command().map(c -> c.contains("java")).orElse(false));
        if (stack.isPresent()) {
            say("stopping Ponte (pid " + stack.get().pid() + ")...");
            stack.get().destroy();
            try {
                stack.get().onExit().get(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                stack.get().destroyForcibly();
            }
        }
        int leftovers = stopLeftovers(run);
        if (stack.isEmpty() && leftovers == 0) {
            say("Ponte is not running.");
        } else {
            say("Ponte stopped.");
        }
        deleteQuietly(run.resolve("stack.pid"));
        deleteQuietly(run.resolve("ready"));
        return 0;
    }

    static int status(StackSettings settings) {
        Path run = settings.runDirectory();
        boolean running = readPid(run.resolve("stack.pid")).flatMap(ProcessHandle::of).isPresent();
        if (!running) {
            say("Ponte is not running.");
            return 3;
        }
        Path ready = run.resolve("ready");
        say(Files.exists(ready) ? "Ponte is running." : "Ponte is starting.");
        if (Files.exists(ready)) {
            try {
                System.out.println(Files.readString(ready));
            } catch (IOException e) {
                // the summary is a convenience
            }
        }
        return 0;
    }

    /** Stops processes recorded by an earlier launcher that was killed before it could stop them. */
    private static int stopLeftovers(Path run) {
        int stopped = 0;
        for (String name : List.of("platform", "keycloak", "kommo-simulator", "kafka")) {
            Path pidFile = run.resolve(name + ".pid");
            Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of);
            if (leftover.isPresent()) {
                say("stopping " + name + " left running by an earlier launcher (pid " + leftover.get().pid() + ")");
                ManagedProcess.stopTree(leftover.get(), Duration.ofSeconds(20));
                stopped++;
            }
            deleteQuietly(pidFile);
        }
        return stopped;
    }

    /** Components start side by side, each on a thread of its own (the common pool has one thread on two cores). */
    private static final java.util.concurrent.ExecutorService STARTERS = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "ponte-start");
        thread.setDaemon(true);
        return thread;
    });

    private static <T> CompletableFuture<T> async(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, STARTERS);
    }

    private static <T> T timed(String what, Supplier<T> task) {
        long start = System.nanoTime();
        T result = task.get();
        say(String.format(Locale.ROOT, "%-15s ready in %.1f s", what, (System.nanoTime() - start) / 1e9));
        return result;
    }

    private static FileLock lock(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (IOException e) {
            throw new StackException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isAlive(Optional<Long> pid) {
        return pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    static Optional<Long> readPid(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.matches("\\d+") ? Optional.of(Long.parseLong(text)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void say(String message) {
        System.out.println("ponte: " + message);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeString(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the next start to overwrite
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record ManagedProcessView(ManagedProcess process) {
    }

    /** Secrets the local stack generates once and keeps in {@code .ponte/secrets.properties} (mode 600). */
    record Secrets(String keycloakAdminPassword, String platformClientSecret, String cryptoKey, String kommoClientSecret) {

        static Secrets loadOrCreate(Path file) {
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    properties.load(in);
                } catch (IOException e) {
                    throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            boolean changed = false;
            for (String key : List.of("keycloak.admin.password", "oidc.client.secret", "kommo.client.secret")) {
                if (properties.getProperty(key, "").isBlank()) {
                    properties.setProperty(key, HexFormat.of().formatHex(randomBytes(16)));
                    changed = true;
                }
            }
            if (properties.getProperty("crypto.key", "").isBlank()) {
                // AES-256 key for credentials at rest: <key id>:<base64 of 32 bytes>
                properties.setProperty("crypto.key", "local1:" + java.util.Base64.getEncoder().encodeToString(randomBytes(32)));
                changed = true;
            }
            if (changed) {
                try {
                    Files.deleteIfExists(file);
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        properties.store(out, "Secrets of the local stack, generated once. Delete the file and .ponte/keycloak to renew them.");
                    }
                } catch (IOException e) {
                    throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }
            return new Secrets(properties.getProperty("keycloak.admin.password"), properties.getProperty("oidc.client.secret"),
                    properties.getProperty("crypto.key"), properties.getProperty("kommo.client.secret"));
        }

        private static byte[] randomBytes(int count) {
            byte[] bytes = new byte[count];
            new SecureRandom().nextBytes(bytes);
            return bytes;
        }

        @Override
        public String toString() {
            return "Secrets[***]";
        }
    }
}
