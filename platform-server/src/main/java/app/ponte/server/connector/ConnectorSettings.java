package app.ponte.server.connector;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Connector modules are plain Java and read their tuning from system properties (e.g. the Kommo
 * connector's {@code ponte.kommo.permit-max-wait}). This hands them the platform's configuration:
 * {@code connector.<connector>.<setting>} in application.properties (or CONNECTOR_… variables)
 * becomes {@code ponte.<connector>.<setting>}, unless that system property was set explicitly.
 */
@Startup
@ApplicationScoped
public class ConnectorSettings {

    /** The settings connectors read, by connector. */
    static final Map<String, java.util.List<String>> KNOWN = Map.of(
            "kommo", java.util.List.of("block-cooldown", "permit-max-wait", "refresh-ahead", "request-timeout", "retry-lookback"));

    ConnectorSettings(Config config) {
        KNOWN.forEach((connector, settings) -> settings.forEach(setting -> config
                .getOptionalValue("connector." + connector + "." + setting, String.class)
                .ifPresent(value -> {
                    String property = "ponte." + connector + "." + setting;
                    if (System.getProperty(property) == null) {
                        System.setProperty(property, value);
                    }
                })));
    }
}
