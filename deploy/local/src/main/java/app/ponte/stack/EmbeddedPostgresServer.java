package app.ponte.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server from the zonky binaries, with its data in a directory of our choice.
 * A data directory that already holds a cluster is reused as it is (the local stack keeps its data
 * across restarts); a new one is initialised.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "ponte";
    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final Path logFile;
    private EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(Path dataDirectory, int port, Path logFile) {
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
        this.logFile = logFile.toAbsolutePath();
    }

    /** Starts the server (stopping a server left running on the same data directory by a killed launcher). */
    public synchronized Database start() {
        if (postgres != null) {
            return database();
        }
        stopLeftover();
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(logFile.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on port " + port + ": " + oneLine(e) + "; see " + logFile, e);
        }
        createDatabaseIfMissing();
        return database();
    }

    public Database database() {
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, "postgres");
    }

    public int port() {
        return port;
    }

    /** Stops and starts the server on the same port and data. */
    public synchronized Database restart() {
        close();
        return start();
    }

    /** Stops the server; its data stays in the data directory. */
    @Override
    public synchronized void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
            } finally {
                postgres = null;
            }
        }
    }

    private void createDatabaseIfMissing() {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, USER, "postgres");
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
        } catch (SQLException e) {
            throw new StackException("could not create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    /** A postmaster whose launcher was killed keeps running; it must stop before a new one can use the directory. */
    private void stopLeftover() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            Optional<ProcessHandle> leftover = Files.readAllLines(pidFile).stream().findFirst()
                    .map(String::trim).filter(s -> s.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (leftover.isPresent()) {
                ManagedProcess.stopTree(leftover.get(), Duration.ofSeconds(15));
            }
        } catch (IOException e) {
            // unreadable pid file: PostgreSQL itself decides whether the directory is in use
        }
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
