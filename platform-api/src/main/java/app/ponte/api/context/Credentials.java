package app.ponte.api.context;

import app.ponte.api.ConnectorException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's stored credentials: secrets (tokens, hottoks) and plain attributes (account id,
 * subdomain). Stored encrypted by the platform; {@link #toString()} never shows secrets.
 */
public interface Credentials {

    Optional<String> secret(String name);

    Optional<String> attribute(String name);

    Optional<Instant> expiresAt();

    /**
     * Replaces the credentials under the connection's refresh lock, held across threads and server
     * instances: {@code refresh} runs at most once at a time per connection, receives the current
     * credentials (which another instance may just have refreshed) and returns the new ones, which
     * are stored before this method returns them.
     */
    Credentials refresh(Refresher refresh) throws ConnectorException;

    /** Exchanges the current credentials for new ones at the vendor. */
    @FunctionalInterface
    interface Refresher {
        StoredCredentials refresh(StoredCredentials current) throws ConnectorException;
    }

    /** The data a refresh reads and writes. */
    record StoredCredentials(Map<String, String> secrets, Map<String, String> attributes, Optional<Instant> expiresAt) {
        public StoredCredentials {
            secrets = Map.copyOf(secrets);
            attributes = Map.copyOf(attributes);
        }

        @Override
        public String toString() {
            return "StoredCredentials[secrets=" + secrets.keySet() + ", attributes=" + attributes + ", expiresAt=" + expiresAt + "]";
        }
    }
}
