package app.ponte.server.testing;

import app.ponte.stack.Database;
import app.ponte.stack.EmbeddedPostgresServer;
import app.ponte.stack.KafkaBroker;
import app.ponte.stack.KeycloakServer;
import app.ponte.stack.KommoSimulatorProcess;
import app.ponte.stack.PlatformProcess;
import app.ponte.stack.Ports;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's servers — PostgreSQL, a Kafka broker, Keycloak with the ponte realm, the Kommo
 * simulator with its demo account, and the packaged platform — started from the launcher's own
 * components (deploy/local) on free ports and configured as {@code ./ponte up} configures them
 * (LocalStack#startPlatform), so that a fault test can kill or stop one of them and start it again
 * while the others keep running. ({@code ./ponte up} itself stops the whole stack as soon as one
 * of its components dies.) Data and logs stay under {@code home} for a look after a failure.
 */
public final class LaunchedStack implements AutoCloseable {

    private static final String DEMO_USER = "demo@ponte.local";
    private static final String DEMO_PASSWORD = "demo";

    private final Path home;
    private final EmbeddedPostgresServer postgres;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;
    private final KommoSimulatorProcess kommo;
    private final PlatformProcess platform;
    private final List<AutoCloseable> started = new ArrayList<>();

    private LaunchedStack(Path home, Map<String, String> platformSettings, int httpPort) {
        this.home = home.toAbsolutePath();
        URI platformUrl = URI.create("http://localhost:" + httpPort);
        String platformSecret = randomHex();
        String kommoSecret = randomHex();
        this.postgres = new EmbeddedPostgresServer(this.home.resolve("postgres"), Ports.free(), log("postgres"));
        this.kafka = new KafkaBroker(this.home.resolve("kafka"), restartablePort(), restartablePort(), log("kafka"),
                List.of("-Xms128m", "-Xmx512m"), Optional.empty());
        this.keycloak = new KeycloakServer(this.home.resolve("keycloak"), Ports.free(), log("keycloak"), randomHex(), platformUrl,
                platformSecret, Optional.empty());
        this.kommo = new KommoSimulatorProcess(Ports.free(), this.home.resolve("kommo-simulator/state.json"), kommoSecret,
                platformUrl.resolve("/oauth/kommo/callback"), log("kommo-simulator"), Optional.empty());
        Database database = postgres.database();
        Map<String, String> environment = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", database.username(),
                "QUARKUS_DATASOURCE_PASSWORD", database.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer().toString(),
                "QUARKUS_OIDC_CLIENT_ID", "ponte-platform",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", platformSecret,
                "PONTE_CRYPTO_KEY", "local1:" + Base64.getEncoder().encodeToString(randomBytes(32)),
                "PONTE_LOG_JSON", "false");
        Map<String, String> configuration = new HashMap<>(Map.of(
                "ponte.public-url", platformUrl.toString(),
                "ponte.oauth.kommo.client-id", KommoSimulatorProcess.DEMO_CLIENT_ID,
                "ponte.oauth.kommo.client-secret", kommoSecret,
                "ponte.oauth.kommo.redirect-uri", platformUrl.resolve("/oauth/kommo/callback").toString(),
                "ponte.oauth.kommo.api-base-override", kommo.baseUrl().toString()));
        configuration.putAll(platformSettings);
        this.platform = new PlatformProcess(Path.of("target/quarkus-app/quarkus-run.jar"), httpPort, environment, configuration,
                this.home.resolve("platform"), List.of("-Xms64m", "-Xmx512m"), log("platform"), Optional.empty());
    }

    /**
     * Starts every server, the platform last.
     *
     * @param platformSettings configuration of the platform on top of the launcher's (e.g. {@code ponte.runner.lease})
     */
    public static LaunchedStack start(Path home, Map<String, String> platformSettings) throws IOException {
        // the platform's port is in Keycloak's redirect URIs from the start, but the platform starts
        // last, minutes later on a busy machine: the port stays taken by us until then
        ServerSocket platformPort = reserve();
        LaunchedStack stack = new LaunchedStack(home, platformSettings, platformPort.getLocalPort());
        ExecutorService starters = Executors.newCachedThreadPool();
        try {
            CompletableFuture.allOf(
                    async(starters, () -> stack.started(stack.postgres, stack.postgres::start)),
                    async(starters, () -> stack.started(stack.kafka, stack.kafka::start)),
                    async(starters, () -> stack.started(stack.keycloak, stack.keycloak::start)),
                    async(starters, () -> stack.started(stack.kommo, stack.kommo::start))).join();
            platformPort.close();
            stack.started(stack.platform, stack.platform::start);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        } finally {
            platformPort.close();
            starters.shutdown();
        }
    }

    /** Starts a server, noting it first (so that a failed start is stopped too). */
    private <T> T started(AutoCloseable server, Supplier<T> start) {
        synchronized (started) {
            started.add(0, server);
        }
        return start.get();
    }

    private static CompletableFuture<Object> async(ExecutorService executor, Supplier<Object> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    public PlatformProcess platform() {
        return platform;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public URI platformUrl() {
        return platform.url();
    }

    public URI simulatorUrl() {
        return kommo.baseUrl();
    }

    public Path logs() {
        return home.resolve("logs");
    }

    /** A connection to the platform's database, as the platform's own user. */
    public Connection database() throws SQLException {
        Database database = postgres.database();
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** A bearer token for /api/v1 of the realm's demo user (password grant of the public client ponte-cli). */
    public String apiToken() throws Exception {
        String form = "grant_type=password&client_id=ponte-cli&username=" + URLEncoder.encode(DEMO_USER, StandardCharsets.UTF_8)
                + "&password=" + DEMO_PASSWORD;
        HttpResponse<String> token = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the demo user's password grant: " + token.body());
        }
        return field(token.body(), "access_token");
    }

    /**
     * Signs the demo user in through Keycloak's login form and connects the simulator's demo Kommo
     * account with "Conectar Kommo" (the platform's OAuth flow through the simulator's consent page).
     *
     * @return the Kommo connection's id
     */
    public String connectDemoKommoAccount() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookieJar())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(platformUrl().resolve("/app")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + form.uri() + ": " + form.body());
        }
        String credentials = "username=" + URLEncoder.encode(DEMO_USER, StandardCharsets.UTF_8) + "&password=" + DEMO_PASSWORD
                + "&credentialId=";
        HttpResponse<String> app = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.ofString());
        if (app.statusCode() != 200 || !app.uri().getPath().equals("/app")) {
            throw new IllegalStateException("the demo user's sign-in ended at " + app.uri() + " (" + app.statusCode() + ")");
        }
        HttpResponse<String> connected = browser.send(
                HttpRequest.newBuilder(platformUrl().resolve("/app/connections/kommo/connect")).build(), HttpResponse.BodyHandlers.ofString());
        String query = String.valueOf(connected.uri().getQuery());
        if (connected.statusCode() != 200 || !query.startsWith("connected=")) {
            throw new IllegalStateException("\"Conectar Kommo\" ended at " + connected.uri() + " (" + connected.statusCode() + ")");
        }
        return query.substring("connected=".length());
    }

    @Override
    public void close() {
        List<AutoCloseable> servers;
        synchronized (started) {
            servers = List.copyOf(started);
            started.clear();
        }
        for (AutoCloseable server : servers) {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("stopping " + server.getClass().getSimpleName() + " failed: " + e);
            }
        }
    }

    /**
     * A port for a server the tests stop and start again: outside the kernel's ephemeral range
     * (32768-60999 by default), which {@link Ports#free()} draws from, so that neither another test
     * nor an outgoing connection (e.g. the platform retrying Kafka) takes it while its server is down.
     */
    private static int restartablePort() {
        try (ServerSocket socket = reserve()) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerSocket reserve() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            int port = 20_000 + random.nextInt(12_000);
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("0.0.0.0", port), 1);
                return socket;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    private Path log(String name) {
        return home.resolve("logs").resolve(name + ".log");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String randomHex() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
