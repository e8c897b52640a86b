package app.ponte.server.testing;

import app.ponte.stack.EmbeddedPostgresServer;
import app.ponte.stack.KafkaBroker;
import app.ponte.stack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real servers of a test run, started once per test JVM on free ports and stopped when it
 * exits: PostgreSQL (in this JVM's child processes) and a Kafka broker (a JVM of its own, which
 * also stops if this JVM is killed).
 *
 * <p>Quarkus may load test resources in several class loaders (one per application start); the
 * running servers are therefore found through system properties, not only through static fields.
 */
public final class TestServers {

    private static final String POSTGRES_URL = "test-servers.postgres-url";
    private static final String KAFKA_BOOTSTRAP = "test-servers.kafka-bootstrap";

    private static KafkaBroker kafka;

    private TestServers() {
    }

    public static synchronized String postgresJdbcUrl() {
        String url = System.getProperty(POSTGRES_URL);
        if (url == null) {
            Path dir = temporaryDirectory("ponte-test-postgres");
            EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(dir.resolve("data"), Ports.free(), dir.resolve("postgres.log"));
            url = postgres.start().jdbcUrl();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                postgres.close();
                deleteRecursively(dir);
            }, "stop-test-postgres"));
            System.setProperty(POSTGRES_URL, url);
        }
        return url;
    }

    public static String postgresUser() {
        return EmbeddedPostgresServer.USER;
    }

    public static String postgresPassword() {
        return "postgres";
    }

    public static synchronized String kafkaBootstrapServers() {
        String bootstrap = System.getProperty(KAFKA_BOOTSTRAP);
        if (bootstrap == null) {
            Path dir = temporaryDirectory("ponte-test-kafka");
            KafkaBroker broker = KafkaBroker.onFreePorts(dir).start();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.stop();
                deleteRecursively(dir);
            }, "stop-test-kafka"));
            bootstrap = broker.bootstrapServers();
            System.setProperty(KAFKA_BOOTSTRAP, bootstrap);
        }
        return bootstrap;
    }

    /** The broker of this run, for tests that restart or kill it (only in the class loader that started it). */
    public static synchronized KafkaBroker kafka() {
        kafkaBootstrapServers();
        if (kafka == null) {
            throw new IllegalStateException("the Kafka broker was started by another class loader");
        }
        return kafka;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
