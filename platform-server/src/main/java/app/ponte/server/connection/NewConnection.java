package app.ponte.server.connection;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a connect flow stores.
 *
 * @param secrets    stored encrypted, never returned by the API
 * @param attributes stored as they are (e.g. the Kommo subdomain)
 */
public record NewConnection(String connectorId, String displayName, String externalAccountId, Map<String, String> attributes,
        Map<String, String> secrets, Instant expiresAt) {

    public NewConnection {
        Objects.requireNonNull(connectorId);
        Objects.requireNonNull(displayName);
        attributes = Map.copyOf(attributes);
        secrets = Map.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "NewConnection[" + connectorId + ", " + displayName + ", secrets=" + secrets.keySet() + "]";
    }
}
