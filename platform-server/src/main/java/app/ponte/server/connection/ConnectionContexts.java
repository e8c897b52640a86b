package app.ponte.server.connection;

import app.ponte.api.context.ConnectionContext;
import app.ponte.api.context.Credentials;
import app.ponte.api.context.RateLimiter;
import app.ponte.server.ratelimit.RateLimiters;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
        return context(row.tenantId(), row.id(), row.connectorId(), store.credentials(row), http,
                account -> limiters.forAccount(row.connectorId(), account));
    }

    /**
     * As {@link #forSnapshot}, for one run's calls: its rate limiters take an account's permits several
     * at a time unless {@code accountBusy} ({@link RateLimiters#forRun}); closing the context gives back
     * those not used.
     */
    public RunContext forRun(ConnectionSnapshot row, HttpClient http, boolean accountBusy) {
        RateLimiters.RunPermits permits = limiters.forRun(accountBusy);
        return new RunContext(context(row.tenantId(), row.id(), row.connectorId(), store.credentials(row), http,
                account -> permits.forAccount(row.connectorId(), account)), permits);
    }

    /** A run's connection context; close it when the run is done with it. */
    public record RunContext(ConnectionContext context, RateLimiters.RunPermits permits) implements AutoCloseable {
        @Override
        public void close() {
            permits.close();
        }
    }

    private ConnectionContext context(UUID tenantId, UUID connectionId, String connectorId, Credentials credentials, HttpClient http,
            Function<String, RateLimiter> limiter) {
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
                return limiter.apply(account);
            }

            @Override
            public System.Logger logger() {
                return logger;
            }
        };
    }
}
