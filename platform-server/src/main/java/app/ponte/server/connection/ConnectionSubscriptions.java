package app.ponte.server.connection;

import app.ponte.api.trigger.SubscriptionLifecycle.Subscription;
import app.ponte.server.crypto.SecretCipher;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The stored state of connections' webhook subscriptions (one per connection and trigger). Every
 * method but {@link #underLock} works in the caller's transaction and tenant context; the vendor
 * calls are made by the automation feature's {@code TriggerSubscriptions}, under {@link #underLock}.
 */
@ApplicationScoped
public class ConnectionSubscriptions {

    /** A stored subscription; when registered, the vendor's handle and the URL it was registered for. */
    public record Stored(SubscriptionState state, Optional<Subscription> handle, Optional<URI> url, String reason) {
    }

    private static final int MAX_REASON = 1000;

    private final EntityManager em;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final AgroalDataSource dataSource;

    ConnectionSubscriptions(EntityManager em, SecretCipher cipher, ObjectMapper json, AgroalDataSource dataSource) {
        this.em = em;
        this.cipher = cipher;
        this.json = json;
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} while holding the subscription lock of one connection and trigger, across
     * threads and server instances: a PostgreSQL session advisory lock (two-key space, apart from
     * the connections' refresh locks) on a connection of its own, so that no transaction stays open
     * while {@code work} calls the vendor (the rate limiters may not run inside one). Call it outside
     * any transaction; {@code work} opens its own.
     */
    public <T> T underLock(UUID connectionId, String triggerKey, Callable<T> work) throws Exception {
        String key = connectionId + ":" + triggerKey;
        try (java.sql.Connection lockHolder = dataSource.getConnection()) {
            try (PreparedStatement lock = lockHolder.prepareStatement(
                    "SELECT pg_advisory_lock(hashtext('connection_subscription'), hashtext(?))")) {
                lock.setString(1, key);
                lock.execute();
            }
            try {
                return work.call();
            } finally {
                try (PreparedStatement unlock = lockHolder.prepareStatement(
                        "SELECT pg_advisory_unlock(hashtext('connection_subscription'), hashtext(?))")) {
                    unlock.setString(1, key);
                    unlock.execute();
                }
            }
        }
    }

    public Optional<Stored> find(UUID connectionId, String triggerKey) {
        return row(connectionId, triggerKey).map(this::stored);
    }

    /** The trigger keys the connection has a stored subscription for. */
    public List<String> triggerKeys(UUID connectionId) {
        return em.createQuery("select s.triggerKey from ConnectionSubscription s where s.connectionId = :connection", String.class)
                .setParameter("connection", connectionId).getResultList();
    }

    public void registered(UUID tenantId, UUID connectionId, String triggerKey, Subscription handle, URI url) {
        ConnectionSubscription row = rowOrNew(tenantId, connectionId, triggerKey);
        ObjectNode sealed = json.createObjectNode().put("url", url.toString()).put("id", handle.id());
        ObjectNode attributes = sealed.putObject("attributes");
        handle.attributes().forEach(attributes::put);
        row.state = SubscriptionState.REGISTERED;
        row.handle = cipher.encrypt(sealed.toString(), row.associatedData());
        row.keyId = cipher.activeKeyId();
        row.reason = null;
        row.updatedAt = Instant.now();
    }

    /** Refused or failed: no handle is kept; {@code reason} is shown to the tenant (never a secret). */
    public void notRegistered(UUID tenantId, UUID connectionId, String triggerKey, SubscriptionState state, String reason) {
        if (state == SubscriptionState.REGISTERED) {
            throw new IllegalArgumentException("a registered subscription has a handle");
        }
        ConnectionSubscription row = rowOrNew(tenantId, connectionId, triggerKey);
        row.state = state;
        row.handle = null;
        row.keyId = null;
        row.reason = reason == null ? null : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
        row.updatedAt = Instant.now();
    }

    public void remove(UUID connectionId, String triggerKey) {
        row(connectionId, triggerKey).ifPresent(em::remove);
    }

    /** The connection's subscriptions as the API shows them; {@code url} gives its current webhook URL, if any. */
    public List<WebhookSubscriptionView> views(UUID connectionId, Supplier<Optional<URI>> url) {
        return em.createQuery("from ConnectionSubscription s where s.connectionId = :connection order by s.triggerKey",
                        ConnectionSubscription.class)
                .setParameter("connection", connectionId).getResultStream().map(row -> view(row, url)).toList();
    }

    public Optional<WebhookSubscriptionView> view(UUID connectionId, String triggerKey, Supplier<Optional<URI>> url) {
        return row(connectionId, triggerKey).map(row -> view(row, url));
    }

    private WebhookSubscriptionView view(ConnectionSubscription row, Supplier<Optional<URI>> url) {
        return switch (row.state) {
            case REGISTERED -> new WebhookSubscriptionView(row.triggerKey, row.state,
                    "Webhook cadastrado automaticamente pela Ponte; nada a fazer.", null, row.updatedAt);
            case REFUSED -> new WebhookSubscriptionView(row.triggerKey, row.state, row.reason, url.get().orElse(null), row.updatedAt);
            case FAILED -> new WebhookSubscriptionView(row.triggerKey, row.state,
                    "A Ponte não conseguiu cadastrar o webhook agora (" + row.reason + "). Ela tentará de novo na próxima "
                            + "ativação de uma automação desta conexão; se preferir, cadastre à mão a URL indicada.",
                    url.get().orElse(null), row.updatedAt);
        };
    }

    private Stored stored(ConnectionSubscription row) {
        if (row.state != SubscriptionState.REGISTERED || row.handle == null) {
            return new Stored(row.state, Optional.empty(), Optional.empty(), row.reason);
        }
        try {
            var sealed = json.readTree(cipher.decrypt(row.handle, row.associatedData()));
            Map<String, String> attributes = new HashMap<>();
            sealed.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
            return new Stored(row.state, Optional.of(new Subscription(sealed.path("id").asText(""), attributes)),
                    Optional.of(URI.create(sealed.path("url").asText())), row.reason);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored subscription handle is not JSON", e);
        }
    }

    private ConnectionSubscription rowOrNew(UUID tenantId, UUID connectionId, String triggerKey) {
        return row(connectionId, triggerKey).orElseGet(() -> {
            ConnectionSubscription row = new ConnectionSubscription();
            row.id = UUID.randomUUID();
            row.tenantId = tenantId.toString();
            row.connectionId = connectionId;
            row.triggerKey = triggerKey;
            row.createdAt = Instant.now();
            row.updatedAt = row.createdAt;
            row.state = SubscriptionState.FAILED;
            em.persist(row);
            return row;
        });
    }

    private Optional<ConnectionSubscription> row(UUID connectionId, String triggerKey) {
        return em.createQuery("from ConnectionSubscription s where s.connectionId = :connection and s.triggerKey = :trigger",
                        ConnectionSubscription.class)
                .setParameter("connection", connectionId).setParameter("trigger", triggerKey)
                .getResultStream().findFirst();
    }
}
