package app.ponte.testkit;

import app.ponte.api.ConnectorException;
import app.ponte.api.context.Credentials;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Credentials held in memory, for connector tests. Refreshes run one at a time, as the platform's do. */
public final class InMemoryCredentials implements Credentials {

    private StoredCredentials stored;
    private int refreshes;

    public InMemoryCredentials(Map<String, String> secrets, Map<String, String> attributes, Instant expiresAt) {
        this.stored = new StoredCredentials(secrets, attributes, Optional.ofNullable(expiresAt));
    }

    public static InMemoryCredentials secrets(Map<String, String> secrets) {
        return new InMemoryCredentials(secrets, Map.of(), null);
    }

    @Override
    public synchronized Optional<String> secret(String name) {
        return Optional.ofNullable(stored.secrets().get(name));
    }

    @Override
    public synchronized Optional<String> attribute(String name) {
        return Optional.ofNullable(stored.attributes().get(name));
    }

    @Override
    public synchronized Optional<Instant> expiresAt() {
        return stored.expiresAt();
    }

    @Override
    public synchronized Credentials refresh(Refresher refresh) throws ConnectorException {
        stored = refresh.refresh(stored);
        refreshes++;
        return this;
    }

    /** How many refreshes completed. */
    public synchronized int refreshes() {
        return refreshes;
    }

    @Override
    public String toString() {
        return "InMemoryCredentials[***]";
    }
}
