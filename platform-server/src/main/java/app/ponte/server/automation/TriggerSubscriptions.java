package app.ponte.server.automation;

import app.ponte.api.ConnectorException;
import app.ponte.api.action.Failure;
import app.ponte.api.context.ConnectionContext;
import app.ponte.api.trigger.SubscriptionLifecycle;
import app.ponte.api.trigger.SubscriptionLifecycle.Subscription;
import app.ponte.server.connection.ConnectionContexts;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionSubscriptions;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.connection.SubscriptionState;
import app.ponte.server.connection.WebhookSubscriptionView;
import app.ponte.server.connection.WebhookUrls;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps connections' webhook subscriptions in step with their active automations: for a trigger
 * that declares a {@link SubscriptionLifecycle} (Kommo's "Lead alcançou uma etapa"), the
 * connection's subscription is registered at the vendor, pointing at the connection's
 * {@code /hooks/<connector>/<token>} URL, when an active automation needs it, and removed when the
 * last one stops.
 *
 * <p>Runs after the automation's own change is committed, in the caller's tenant context (as
 * {@link AutomationService} does). Vendor trouble never undoes that change: a refusal (plan,
 * permissions) is stored as {@link SubscriptionState#REFUSED}, anything else as
 * {@link SubscriptionState#FAILED}, and the views then show the URL to register by hand. Changes of
 * one connection and trigger are serialised across server instances by an advisory lock held while
 * the vendor is called (outside any transaction). Call it outside a transaction.
 */
@ApplicationScoped
public class TriggerSubscriptions {

    private static final Logger LOG = Logger.getLogger(TriggerSubscriptions.class);

    private final EntityManager em;
    private final TenantContext tenants;
    private final ConnectorService connectors;
    private final ConnectionStore connections;
    private final ConnectionContexts contexts;
    private final ConnectionSubscriptions subscriptions;
    private final WebhookUrls urls;

    TriggerSubscriptions(EntityManager em, TenantContext tenants, ConnectorService connectors, ConnectionStore connections,
            ConnectionContexts contexts, ConnectionSubscriptions subscriptions, WebhookUrls urls) {
        this.em = em;
        this.tenants = tenants;
        this.connectors = connectors;
        this.connections = connections;
        this.contexts = contexts;
        this.subscriptions = subscriptions;
        this.urls = urls;
    }

    /**
     * After an activation, or an edit of an active automation: registers what the connection's
     * active automations need (again, if an earlier attempt was refused or failed, or if the
     * connection's webhook URL changed).
     */
    public void activated(UUID connectionId) {
        reconcile(connectionId, true);
    }

    /** After a pause, a deletion or a disconnect: removes the subscriptions no active automation needs any more. */
    public void deactivated(UUID connectionId) {
        reconcile(connectionId, false);
    }

    /**
     * The subscription an active automation's trigger relies on, as the API shows it; in the
     * caller's transaction. Empty for triggers without a lifecycle.
     */
    Optional<WebhookSubscriptionView> view(UUID tenantId, String connectorId, String triggerKey, UUID connectionId) {
        if (connectionId == null || lifecycle(connectorId, triggerKey).isEmpty()) {
            return Optional.empty();
        }
        return subscriptions.view(connectionId, triggerKey,
                () -> connections.webhookToken(tenantId, connectionId).map(token -> urls.of(connectorId, token)));
    }

    private void reconcile(UUID connectionId, boolean retry) {
        if (connectionId == null) {
            return;
        }
        UUID tenantId = tenants.current().orElseThrow(() -> new IllegalStateException("no tenant context"));
        Optional<ConnectionView> connection = connections.find(tenantId, connectionId);
        if (connection.isEmpty()) {
            return;
        }
        String connectorId = connection.get().connectorId();
        Set<String> triggerKeys = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> keys = new TreeSet<>(subscriptions.triggerKeys(connectionId));
            keys.addAll(em.createQuery("select distinct a.triggerKey from Automation a where a.status = :active "
                            + "and a.triggerConnectionId = :connection and a.triggerConnector = :connector", String.class)
                    .setParameter("active", AutomationStatus.ACTIVE).setParameter("connection", connectionId)
                    .setParameter("connector", connectorId).getResultList());
            return keys;
        });
        for (String triggerKey : triggerKeys) {
            Optional<SubscriptionLifecycle> lifecycle = lifecycle(connectorId, triggerKey);
            if (lifecycle.isEmpty()) {
                continue;
            }
            try {
                subscriptions.underLock(connectionId, triggerKey, () -> {
                    reconcile(tenantId, connectionId, connectorId, triggerKey, lifecycle.get(), retry);
                    return null;
                });
            } catch (Exception e) {
                LOG.warnf(e, "webhook subscription of connection %s for %s could not be brought up to date", connectionId, triggerKey);
            }
        }
    }

    /**
     * Under the lock: subscribe, re-point, unsubscribe or leave alone, as the active automations
     * need. The vendor is called outside any transaction; what it answered is stored right after.
     */
    private void reconcile(UUID tenantId, UUID connectionId, String connectorId, String triggerKey, SubscriptionLifecycle lifecycle,
            boolean retry) {
        boolean needed = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(a) from Automation a "
                        + "where a.status = :active and a.triggerConnectionId = :connection and a.triggerConnector = :connector "
                        + "and a.triggerKey = :trigger", Long.class)
                .setParameter("active", AutomationStatus.ACTIVE).setParameter("connection", connectionId)
                .setParameter("connector", connectorId).setParameter("trigger", triggerKey).getSingleResult() > 0);
        Optional<ConnectionSubscriptions.Stored> stored = QuarkusTransaction.requiringNew()
                .call(() -> subscriptions.find(connectionId, triggerKey));
        Optional<Subscription> registered = stored.flatMap(ConnectionSubscriptions.Stored::handle);
        ConnectionStatus status = connections.find(tenantId, connectionId).map(ConnectionView::status).orElse(ConnectionStatus.DISCONNECTED);
        if (!needed) {
            if (registered.isPresent() && status != ConnectionStatus.DISCONNECTED) {
                try {
                    lifecycle.unsubscribe(context(tenantId, connectionId), registered.get());
                    LOG.infof("webhook subscription of connection %s for %s removed", connectionId, triggerKey);
                } catch (ConnectorException e) {
                    LOG.warnf("webhook subscription of connection %s for %s not removed (%s); tried again at the next deactivation",
                            connectionId, triggerKey, e.failure().kind());
                    return;
                }
            }
            if (stored.isPresent()) {
                QuarkusTransaction.requiringNew().run(() -> subscriptions.remove(connectionId, triggerKey));
            }
            return;
        }
        if (status == ConnectionStatus.DISCONNECTED) {
            QuarkusTransaction.requiringNew().run(() -> subscriptions.notRegistered(tenantId, connectionId, triggerKey,
                    SubscriptionState.FAILED, "a conexão foi desconectada"));
            return;
        }
        URI url = urls.of(connectorId, connections.ensureWebhookToken(tenantId, connectionId).orElseThrow());
        if (stored.isPresent() && (registered.isPresent() ? stored.get().url().filter(url::equals).isPresent() : !retry)) {
            return;
        }
        ConnectionContext context = context(tenantId, connectionId);
        if (registered.isPresent()) {
            // the webhook token was rotated: the registered URL no longer reaches the platform
            try {
                lifecycle.unsubscribe(context, registered.get());
            } catch (ConnectorException e) {
                LOG.warnf("old webhook subscription of connection %s for %s not removed (%s)", connectionId, triggerKey, e.failure().kind());
            }
        }
        try {
            Subscription handle = lifecycle.subscribe(context, url);
            QuarkusTransaction.requiringNew().run(() -> subscriptions.registered(tenantId, connectionId, triggerKey, handle, url));
            LOG.infof("webhook subscription of connection %s for %s registered", connectionId, triggerKey);
        } catch (ConnectorException e) {
            SubscriptionState state = e.failure().kind() == Failure.Kind.PERMANENT ? SubscriptionState.REFUSED : SubscriptionState.FAILED;
            QuarkusTransaction.requiringNew().run(() -> subscriptions.notRegistered(tenantId, connectionId, triggerKey, state, e.getMessage()));
            LOG.warnf("webhook subscription of connection %s for %s not registered: %s", connectionId, triggerKey, e.failure().kind());
        }
    }

    private ConnectionContext context(UUID tenantId, UUID connectionId) {
        return contexts.forConnection(tenantId, connectionId).orElseThrow(() -> new IllegalStateException("connection vanished"));
    }

    private Optional<SubscriptionLifecycle> lifecycle(String connectorId, String triggerKey) {
        return connectors.descriptor(connectorId).flatMap(c -> c.trigger(triggerKey)).flatMap(t -> t.lifecycle());
    }
}
