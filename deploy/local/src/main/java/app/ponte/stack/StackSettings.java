package app.ponte.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The local stack's settings, read from environment variables with defaults that work on a fresh
 * machine. Ports are fixed (not random) so that URLs and the Keycloak client stay the same across
 * restarts.
 *
 * @param root the repository root (where {@code ./ponte} lives)
 * @param home where data and logs are kept ({@code PONTE_HOME}, default {@code <root>/.ponte})
 */
public record StackSettings(Path root, Path home, int httpPort, int keycloakPort, int kafkaPort, int kafkaControllerPort,
        int postgresPort, int kommoSimulatorPort, Optional<Database> externalDatabase) {

    public static StackSettings fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("ponte.root", ".")));
    }

    static StackSettings from(Map<String, String> env, Path root) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path home = Optional.ofNullable(env.get("PONTE_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(absoluteRoot.resolve(".ponte")).toAbsolutePath().normalize();
        int kafkaPort = port(env, "PONTE_KAFKA_PORT", 19092);
        Optional<Database> external = Optional.ofNullable(env.get("PONTE_DB_URL")).filter(s -> !s.isBlank())
                .map(url -> {
                    if (!url.startsWith("jdbc:postgresql://")) {
                        throw new StackException("PONTE_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), was: " + url);
                    }
                    return new Database(url, env.getOrDefault("PONTE_DB_USER", "ponte"), env.getOrDefault("PONTE_DB_PASSWORD", ""));
                });
        return new StackSettings(absoluteRoot, home,
                port(env, "PONTE_HTTP_PORT", 8080),
                port(env, "PONTE_KEYCLOAK_PORT", 18080),
                kafkaPort,
                port(env, "PONTE_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                port(env, "PONTE_POSTGRES_PORT", 15432),
                port(env, "PONTE_KOMMO_SIM_PORT", 18090),
                external);
    }

    public Path runDirectory() {
        return home.resolve("run");
    }

    public Path logDirectory() {
        return home.resolve("logs");
    }

    public URI platformUrl() {
        return URI.create("http://localhost:" + httpPort);
    }

    public Path platformRunJar() {
        return root.resolve("platform-server/target/quarkus-app/quarkus-run.jar");
    }

    /** Fails with a one-line reason naming the first port that is taken. */
    public void checkPortsFree() {
        Ports.requireFree(httpPort, "the Ponte platform", "PONTE_HTTP_PORT");
        Ports.requireFree(keycloakPort, "Keycloak", "PONTE_KEYCLOAK_PORT");
        Ports.requireFree(kafkaPort, "Kafka", "PONTE_KAFKA_PORT");
        Ports.requireFree(kafkaControllerPort, "the Kafka controller", "PONTE_KAFKA_CONTROLLER_PORT");
        Ports.requireFree(kommoSimulatorPort, "the Kommo simulator", "PONTE_KOMMO_SIM_PORT");
        if (externalDatabase.isEmpty()) {
            Ports.requireFree(postgresPort, "PostgreSQL", "PONTE_POSTGRES_PORT");
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a port number, was: " + value);
        }
    }
}
