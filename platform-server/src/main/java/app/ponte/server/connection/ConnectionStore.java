package app.ponte.server.connection;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.context.Credentials;
import app.ponte.api.context.Credentials.StoredCredentials;
import app.ponte.server.crypto.SecretCipher;
import app.ponte.server.persistence.NativeRows;
import app.ponte.server.tenant.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import app.ponte.server.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.NoResultException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The generic, encrypted store of connections: every connector's credentials live here, encrypted
 * with AES-GCM and bound to their row. Every method works inside the given tenant's
 * {@link TenantContext}, so Hibernate's tenant discriminator scopes it: a connection id of another
 * tenant is as good as unknown.
 */
@ApplicationScoped
public class ConnectionStore {

    private static final Logger LOG = Logger.getLogger(ConnectionStore.class);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final EntityManager em;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final TenantContext tenants;
    private final ConnectionSubscriptions subscriptions;
    private final WebhookUrls webhookUrls;
    private final Notifications notifications;
    private final DataSource dataSource;
    private final OpenedCredentials opened = new OpenedCredentials();

    ConnectionStore(EntityManager em, SecretCipher cipher, ObjectMapper json, TenantContext tenants,
            ConnectionSubscriptions subscriptions, WebhookUrls webhookUrls, Notifications notifications, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.cipher = cipher;
        this.json = json;
        this.tenants = tenants;
        this.subscriptions = subscriptions;
        this.webhookUrls = webhookUrls;
    }

    public ConnectionView create(UUID tenantId, NewConnection connection) {
        return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Connection row = new Connection();
            row.id = UUID.randomUUID();
            row.tenantId = tenantId.toString();
            row.connectorId = connection.connectorId();
            row.displayName = connection.displayName();
            row.externalAccountId = connection.externalAccountId();
            row.status = ConnectionStatus.OK;
            row.attributes = write(connection.attributes());
            row.createdAt = Instant.now();
            row.updatedAt = row.createdAt;
            row.expiresAt = connection.expiresAt();
            seal(row, connection.secrets());
            em.persist(row);
            LOG.infof("connection %s (%s) created for tenant %s", row.id, row.connectorId, tenantId);
            return view(row);
        }));
    }

    /**
     * Stores a connection for the tenant's account at the vendor: a reconnect of the same account
     * (same connector and external account id) replaces the old credentials and clears "needs
     * reconnect" instead of adding a second connection.
     */
    public ConnectionView connect(UUID tenantId, NewConnection connection) {
        return connectAccount(tenantId, connection).connection();
    }

    /** What {@link #connectAccount} did: a new connection, or a reconnect of the same account. */
    public record Connected(ConnectionView connection, boolean reconnected) {
    }

    /**
     * As {@link #connect}, telling whether it was a reconnect. A reconnect keeps the connection's
     * webhook token (its URL stays registered at the vendor).
     */
    public Connected connectAccount(UUID tenantId, NewConnection connection) {
        Optional<UUID> existing = tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("select c.id from Connection c where c.connectorId = :connector "
                        + "and c.externalAccountId = :account", UUID.class)
                .setParameter("connector", connection.connectorId())
                .setParameter("account", connection.externalAccountId())
                .getResultStream().findFirst()));
        if (existing.isEmpty()) {
            return new Connected(create(tenantId, connection), false);
        }
        return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            Connection row = row(existing.get()).orElseThrow();
            Optional<String> webhookToken = row.webhookTokenHash == null ? Optional.empty()
                    : Optional.ofNullable(open(row).secrets().get(WEBHOOK_TOKEN));
            row.displayName = connection.displayName();
            row.attributes = write(connection.attributes());
            row.expiresAt = connection.expiresAt();
            row.status = ConnectionStatus.OK;
            row.statusReason = null;
            row.updatedAt = Instant.now();
            Map<String, String> secrets = new java.util.HashMap<>(connection.secrets());
            webhookToken.ifPresent(token -> secrets.put(WEBHOOK_TOKEN, token));
            seal(row, secrets);
            LOG.infof("connection %s (%s) reconnected for tenant %s", row.id, row.connectorId, tenantId);
            return new Connected(view(row), true);
        }));
    }

    /** The secret under which a connection keeps its webhook token (to show its URL again). */
    public static final String WEBHOOK_TOKEN = "webhook_token";

    /**
     * Gives the connection a new webhook token (the old URL stops working at once) and returns it.
     * The token is 32 random bytes, URL-safe; only its SHA-256 is searchable.
     */
    public Optional<String> rotateWebhookToken(UUID tenantId, UUID connectionId) {
        String token = newWebhookToken();
        return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> row(connectionId).map(row -> {
            Map<String, String> secrets = new java.util.HashMap<>(open(row).secrets());
            secrets.put(WEBHOOK_TOKEN, token);
            seal(row, secrets);
            row.webhookTokenHash = sha256(token);
            row.updatedAt = Instant.now();
            LOG.infof("connection %s got a new webhook token", connectionId);
            return token;
        })));
    }

    /**
     * The connection's webhook token, given one first if it has none (e.g. a Kommo connection whose
     * first automation needs the vendor to call it). Empty when the tenant has no such connection.
     */
    public Optional<String> ensureWebhookToken(UUID tenantId, UUID connectionId) {
        Optional<String> token = webhookToken(tenantId, connectionId);
        return token.isPresent() ? token : rotateWebhookToken(tenantId, connectionId);
    }

    /** The current webhook token of a connection, to build its URL. */
    public Optional<String> webhookToken(UUID tenantId, UUID connectionId) {
        return credentials(tenantId, connectionId).flatMap(c -> c.secret(WEBHOOK_TOKEN));
    }

    /**
     * The connection a webhook token belongs to, with its credentials, across all tenants (the
     * ingress does not know the tenant yet): one plain query, outside the tenant discriminator, that
     * reads only the row the token names. Runs in the caller's transaction when there is one.
     *
     * @throws IllegalStateException when the database cannot be read
     * @throws IllegalArgumentException when the stored secrets do not decrypt
     */
    public Optional<WebhookTarget> findByWebhookToken(String connectorId, String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        try (java.sql.Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BY_WEBHOOK_TOKEN)) {
            query.setString(1, sha256(token));
            query.setString(2, connectorId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                UUID connectionId = row.getObject(1, UUID.class);
                // as Hibernate reads it into Connection.tenantId: the text of the associated data
                String tenantId = row.getString(2);
                OffsetDateTime expiresAt = row.getObject(5, OffsetDateTime.class);
                StoredCredentials stored = open(connectionId, tenantId, row.getString(3), row.getString(4),
                        expiresAt == null ? null : expiresAt.toInstant());
                UUID tenant = UUID.fromString(tenantId);
                return Optional.of(new WebhookTarget(tenant, connectionId,
                        new StoredConnectionCredentials(this, tenant, connectionId, stored)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up a webhook token", e);
        }
    }

    private static final String BY_WEBHOOK_TOKEN = "SELECT id, tenant_id, secrets, attributes, expires_at FROM connection "
            + "WHERE webhook_token_hash = ? AND connector_id = ? AND status <> 'DISCONNECTED'";

    /** Where a webhook call goes: a tenant's connection, and its credentials to authenticate the call. */
    public record WebhookTarget(UUID tenantId, UUID connectionId, Credentials credentials) {
    }

    private static String newWebhookToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ConnectionView> find(UUID tenantId, UUID connectionId) {
        return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> row(connectionId).map(this::view)));
    }

    public List<ConnectionView> list(UUID tenantId) {
        return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("from Connection order by createdAt", Connection.class)
                .getResultList().stream().map(this::view).toList()));
    }

    /** The tenant's connection row as stored now, to act with it: one light read, no entity. */
    public Optional<ConnectionSnapshot> snapshot(UUID tenantId, UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT status, connector_id, secrets, attributes, expires_at FROM connection "
                            + "WHERE id = ?1 AND tenant_id = ?2")
                    .setParameter(1, connectionId).setParameter(2, tenantId).getResultList();
            return rows.stream().findFirst().map(r -> new ConnectionSnapshot(connectionId, tenantId, (String) r[1],
                    ConnectionStatus.valueOf((String) r[0]), (String) r[2], (String) r[3], Optional.ofNullable(NativeRows.instant(r[4]))));
        });
    }

    /** The connection's credentials, decrypted for one use. */
    public Optional<Credentials> credentials(UUID tenantId, UUID connectionId) {
        return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> row(connectionId)
                .map(row -> new StoredConnectionCredentials(this, tenantId, connectionId, open(row)))));
    }

    /**
     * Disconnects: the connection's secrets are erased (only an encrypted empty set remains) and it
     * can no longer be used until the tenant connects the account again.
     *
     * @return false when the tenant has no such connection
     */
    public boolean disconnect(UUID tenantId, UUID connectionId) {
        return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> row(connectionId).map(row -> {
            seal(row, Map.of());
            row.webhookTokenHash = null;
            row.status = ConnectionStatus.DISCONNECTED;
            row.statusReason = null;
            row.expiresAt = null;
            row.updatedAt = Instant.now();
            LOG.infof("connection %s (%s) disconnected by tenant %s", connectionId, row.connectorId, tenantId);
            return true;
        }).orElse(false)));
    }

    public void markNeedsReconnect(UUID tenantId, UUID connectionId, String reason) {
        tenants.run(tenantId, () -> QuarkusTransaction.requiringNew().run(() -> row(connectionId).ifPresent(row -> {
            if (row.status != ConnectionStatus.NEEDS_RECONNECT) {
                notifications.connectionNeedsReconnect(tenantId, connectionId);
            }
            row.status = ConnectionStatus.NEEDS_RECONNECT;
            row.statusReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
            row.updatedAt = Instant.now();
            LOG.warnf("connection %s needs reconnecting: %s", connectionId, row.statusReason);
        })));
    }

    /**
     * Runs {@code refresher} under the connection's refresh lock: a PostgreSQL advisory lock held
     * for the transaction, so one refresh at a time per connection across threads and server
     * instances. The refresher sees the credentials as stored now (possibly just refreshed by
     * someone else); what it returns is committed before this method returns. A refusal that needs
     * reconnecting marks the connection.
     */
    StoredCredentials refreshUnderLock(UUID tenantId, UUID connectionId, Credentials.Refresher refresher)
            throws ConnectorException {
        try {
            return tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
                em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, lockKey(connectionId)).getSingleResult();
                Connection row = row(connectionId)
                        .orElseThrow(() -> new ConnectorException(Failure.needsReconnect("the connection no longer exists")));
                em.refresh(row);
                StoredCredentials refreshed = refresher.refresh(open(row));
                seal(row, refreshed.secrets());
                row.attributes = write(refreshed.attributes());
                row.expiresAt = refreshed.expiresAt().orElse(null);
                row.status = ConnectionStatus.OK;
                row.statusReason = null;
                row.updatedAt = Instant.now();
                return refreshed;
            }));
        } catch (RuntimeException e) {
            Throwable cause = e instanceof TenantContext.TenantWorkException ? e.getCause() : e;
            if (cause.getCause() instanceof ConnectorException refused) {
                if (refused.failure().kind() == Failure.Kind.NEEDS_RECONNECT) {
                    markNeedsReconnect(tenantId, connectionId, refused.getMessage());
                }
                throw refused;
            }
            throw e;
        }
    }

    /** The connection in the current tenant (the discriminator hides every other tenant's rows). */
    private Optional<Connection> row(UUID connectionId) {
        try {
            return Optional.of(em.createQuery("from Connection where id = :id", Connection.class)
                    .setParameter("id", connectionId).getSingleResult());
        } catch (NoResultException e) {
            return Optional.empty();
        }
    }

    private StoredCredentials open(Connection row) {
        return open(row.id, row.tenantId, row.secrets, row.attributes, row.expiresAt);
    }

    /** The credentials of a connection row read along with other work (no further database access unless refreshed). */
    Credentials credentials(ConnectionSnapshot row) {
        return new StoredConnectionCredentials(this, row.tenantId(), row.id(),
                open(row.id(), row.tenantId().toString(), row.secrets(), row.attributes(), row.expiresAt().orElse(null)));
    }

    /** Decrypts a stored row's credentials, or reuses what was decrypted from exactly these stored values. */
    private StoredCredentials open(UUID connectionId, String tenantId, String secrets, String attributes, Instant expiresAt) {
        return opened.open(connectionId, tenantId, secrets, attributes, expiresAt, () -> new StoredCredentials(
                read(cipher.decrypt(secrets, Connection.associatedData(tenantId, connectionId))), read(attributes),
                Optional.ofNullable(expiresAt)));
    }

    private void seal(Connection row, Map<String, String> secrets) {
        opened.forget(row.id);
        row.secrets = cipher.encrypt(write(secrets), row.associatedData());
        row.keyId = cipher.activeKeyId();
    }

    private ConnectionView view(Connection row) {
        return new ConnectionView(row.id, row.connectorId, row.displayName, row.externalAccountId, row.status,
                row.statusReason, read(row.attributes), row.expiresAt, row.createdAt, row.lastEventAt,
                subscriptions.views(row.id, () -> Optional.ofNullable(row.webhookTokenHash == null ? null
                        : open(row).secrets().get(WEBHOOK_TOKEN)).map(token -> webhookUrls.of(row.connectorId, token))));
    }

    private String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a map of strings", e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored connection data is not a JSON object of strings", e);
        }
    }

    /** The key of the connection's refresh lock, also taken by {@link app.ponte.server.crypto.SecretReencryption}. */
    public static long lockKey(UUID connectionId) {
        return connectionId.getMostSignificantBits() ^ connectionId.getLeastSignificantBits();
    }
}
