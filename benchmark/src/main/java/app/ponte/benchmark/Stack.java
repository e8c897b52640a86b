package app.ponte.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The running local stack as the benchmark sees it: the same PONTE_* settings and defaults as
 * {@code deploy/local}'s StackSettings, the secrets the launcher generated in
 * {@code .ponte/secrets.properties}, and the pid files of its processes.
 */
record Stack(Path root, Path home, URI platform, URI simulator, String jdbcUrl, String dbUser, String dbPassword,
        String cryptoKey, String kommoClientSecret) {

    /** The simulator's demo integration, which the launcher configures as the platform's Kommo OAuth client. */
    static final String KOMMO_CLIENT_ID = "ponte-demo-client";

    static Stack fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        Path home = Optional.ofNullable(env.get("PONTE_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(root.resolve(".ponte")).toAbsolutePath().normalize();
        Properties secrets = new Properties();
        Path file = home.resolve("secrets.properties");
        try (InputStream in = Files.newInputStream(file)) {
            secrets.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (is the local stack started? ./ponte up --detach)", e);
        }
        String jdbcUrl = Optional.ofNullable(env.get("PONTE_DB_URL")).filter(s -> !s.isBlank())
                .orElse("jdbc:postgresql://127.0.0.1:" + port(env, "PONTE_POSTGRES_PORT", 15432) + "/ponte");
        return new Stack(root, home,
                URI.create("http://localhost:" + port(env, "PONTE_HTTP_PORT", 8080)),
                URI.create("http://localhost:" + port(env, "PONTE_KOMMO_SIM_PORT", 18090)),
                jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                env.getOrDefault("PONTE_DB_USER", "postgres"), env.getOrDefault("PONTE_DB_PASSWORD", "postgres"),
                secrets.getProperty("crypto.key"), secrets.getProperty("kommo.client.secret"));
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    /** Where the platform's OAuth callback is: the redirect URI the simulator's demo integration was registered with. */
    String kommoRedirectUri() {
        return platform.resolve("/oauth/kommo/callback").toString();
    }

    /** The benchmark's own files (the seeded workspaces with their webhook tokens): under .ponte, git-ignored. */
    Path benchmarkDirectory() {
        return home.resolve("benchmark");
    }

    /** The pid of a component the launcher started ({@code platform}, {@code kafka}, {@code keycloak}, {@code kommo-simulator}). */
    Optional<Long> pid(String component) {
        return readPid(home.resolve("run").resolve(component + ".pid"));
    }

    /** The PostgreSQL postmaster (embedded server: first line of postmaster.pid in its data directory). */
    Optional<Long> postgresPid() {
        return readPid(home.resolve("postgres").resolve("postmaster.pid"));
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
