package app.ponte.server.connection;

import app.ponte.api.context.ConnectionContext;
import app.ponte.api.context.Credentials;
import app.ponte.api.context.RateLimiter;
import app.ponte.server.ratelimit.RateLimiters;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the {@link ConnectionContext} a connector acts in: the tenant, the connection's decrypted
 * credentials (refreshed under the connection's lock), the platform's HTTP client, and rate limiters
 * shared by every server instance, keyed by the connector and the external account.
 */
@ApplicationScoped
public class ConnectionContexts {

    private final ConnectionStore store;
    private final RateLimiters limiters;
    private final HttpClient http;

    ConnectionContexts(ConnectionStore store, RateLimiters limiters, HttpClient http) {
        this.store = store;
        this.limiters = limiters;
        this.http = http;
    }

    /** Empty when the tenant has no such connection. */
    public Optional<ConnectionContext> forConnection(UUID tenantId, UUID connectionId) {
        return forConnection(tenantId, connectionId, http);
    }

    /** As {@link #forConnection(UUID, UUID)}, with calls going through {@code http} (e.g. one that notes them for a run's history). */
    public Optional<ConnectionContext> forConnection(UUID tenantId, UUID connectionId, HttpClient http) {
        return store.snapshot(tenantId, connectionId).map(row -> forSnapshot(row, http));
    }

    /** The context of a connection row already read (by the runner, with its run): no database access until a refresh. */
    public ConnectionContext forSnapshot(ConnectionSnapshot row, HttpClient http) {
        return context(row.tenantId(), row.id(), row.connectorId(), store.credentials(row), http);
    }

    private ConnectionContext context(UUID tenantId, UUID connectionId, String connectorId, Credentials credentials, HttpClient http) {
        System.Logger logger = System.getLogger("app.ponte.connector." + connectorId);
        return new ConnectionContext() {
            @Override
            public UUID tenantId() {
                return tenantId;
            }

            @Override
            public UUID connectionId() {
                return connectionId;
            }

            @Override
            public Credentials credentials() {
                return credentials;
            }

            @Override
            public HttpClient http() {
                return http;
            }

            @Override
            public RateLimiter rateLimiter(String account) {
                return limiters.forAccount(connectorId, account);
            }

            @Override
            public System.Logger logger() {
                return logger;
            }
        };
    }
}
