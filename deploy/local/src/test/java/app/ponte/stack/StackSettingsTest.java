package app.ponte.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void usesFixedDefaultPortsAndKeepsDataUnderDotPonte() {
        StackSettings settings = StackSettings.from(Map.of(), Path.of("/srv/ponte"));

        assertEquals(8080, settings.httpPort());
        assertEquals(18080, settings.keycloakPort());
        assertEquals(19092, settings.kafkaPort());
        assertEquals(19093, settings.kafkaControllerPort());
        assertEquals(15432, settings.postgresPort());
        assertEquals(18090, settings.kommoSimulatorPort());
        assertEquals(Path.of("/srv/ponte/.ponte"), settings.home());
        assertEquals(Path.of("/srv/ponte/platform-server/target/quarkus-app/quarkus-run.jar"), settings.platformRunJar());
        assertTrue(settings.externalDatabase().isEmpty());
    }

    @Test
    void readsPortsHomeAndAnExternalDatabaseFromTheEnvironment() {
        StackSettings settings = StackSettings.from(Map.of(
                "PONTE_HOME", "/tmp/p",
                "PONTE_HTTP_PORT", "9080",
                "PONTE_KAFKA_PORT", "29092",
                "PONTE_DB_URL", "jdbc:postgresql://db:5432/ponte",
                "PONTE_DB_USER", "app",
                "PONTE_DB_PASSWORD", "s3cret"), Path.of("/srv/ponte"));

        assertEquals(9080, settings.httpPort());
        assertEquals(29093, settings.kafkaControllerPort());
        assertEquals(Path.of("/tmp/p"), settings.home());
        Database db = settings.externalDatabase().orElseThrow();
        assertEquals("app", db.username());
        assertTrue(!db.toString().contains("s3cret"), "the password never appears in toString()");
    }

    @Test
    void rejectsAPortThatIsNotANumberWithOneLine() {
        StackException error = assertThrows(StackException.class,
                () -> StackSettings.from(Map.of("PONTE_HTTP_PORT", "eighty"), Path.of(".")));
        assertEquals("PONTE_HTTP_PORT must be a port number, was: eighty", error.getMessage());
    }

    @Test
    void rejectsADatabaseUrlThatIsNotPostgres() {
        StackException error = assertThrows(StackException.class,
                () -> StackSettings.from(Map.of("PONTE_DB_URL", "jdbc:mysql://x/y"), Path.of(".")));
        assertTrue(error.getMessage().startsWith("PONTE_DB_URL must be a PostgreSQL JDBC URL"));
    }

    @Test
    void namesThePortThatIsTakenAndTheSettingThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            StackSettings settings = StackSettings.from(Map.of("PONTE_HTTP_PORT", Integer.toString(port)), Path.of("."));

            StackException error = assertThrows(StackException.class, settings::checkPortsFree);
            assertEquals("port " + port + " for the Ponte platform is already in use; stop what uses it or set PONTE_HTTP_PORT to another port",
                    error.getMessage());
        }
    }
}
