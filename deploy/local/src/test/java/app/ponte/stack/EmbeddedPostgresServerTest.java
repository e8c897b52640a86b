package app.ponte.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void keepsDataAcrossARestartOnTheSameDirectory() throws Exception {
        int port = Ports.free();
        try (EmbeddedPostgresServer first = new EmbeddedPostgresServer(dir.resolve("data"), port, dir.resolve("pg.log"))) {
            Database db = first.start();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (v text)");
                s.execute("INSERT INTO kept VALUES ('ainda aqui')");
            }
        }

        try (EmbeddedPostgresServer second = new EmbeddedPostgresServer(dir.resolve("data"), port, dir.resolve("pg.log"))) {
            Database db = second.start();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                rs.next();
                assertEquals("ainda aqui", rs.getString(1));
            }
        }
    }
}
