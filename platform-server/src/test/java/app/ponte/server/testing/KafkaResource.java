package app.ponte.server.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application at the run's real Kafka broker. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestServers.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the run; stopped when the JVM exits
    }
}
