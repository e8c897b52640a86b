package app.ponte.server.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application at the run's real PostgreSQL server. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestServers.postgresJdbcUrl(),
                "quarkus.datasource.username", TestServers.postgresUser(),
                "quarkus.datasource.password", TestServers.postgresPassword());
    }

    @Override
    public void stop() {
        // shared by every test class of the run; stopped when the JVM exits
    }
}
