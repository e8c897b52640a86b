package app.ponte.server.connection;

import app.ponte.api.ConnectorException;
import app.ponte.api.context.Credentials;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One decrypted view of a connection's credentials; {@link #refresh} goes through the store's refresh lock. */
final class StoredConnectionCredentials implements Credentials {

    private final ConnectionStore store;
    private final UUID tenantId;
    private final UUID connectionId;
    private volatile StoredCredentials current;

    StoredConnectionCredentials(ConnectionStore store, UUID tenantId, UUID connectionId, StoredCredentials current) {
        this.store = store;
        this.tenantId = tenantId;
        this.connectionId = connectionId;
        this.current = current;
    }

    @Override
    public Optional<String> secret(String name) {
        return Optional.ofNullable(current.secrets().get(name));
    }

    @Override
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(current.attributes().get(name));
    }

    @Override
    public Optional<Instant> expiresAt() {
        return current.expiresAt();
    }

    @Override
    public Credentials refresh(Refresher refresh) throws ConnectorException {
        current = store.refreshUnderLock(tenantId, connectionId, refresh);
        return this;
    }

    @Override
    public String toString() {
        return "Credentials[connection " + connectionId + ", secrets " + current.secrets().keySet() + "]";
    }
}
