package app.ponte.server.automation;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * "Desconectar": stops what depends on a connection, then erases its credentials. Every active
 * automation that uses the connection (as its trigger or its action) is paused, each pause in the
 * audit log; webhook subscriptions no active automation needs any more are removed at the vendor
 * while the credentials still work; then the connection is disconnected.
 */
@ApplicationScoped
public class ConnectionDisconnector {

    private static final Logger LOG = Logger.getLogger(ConnectionDisconnector.class);

    /** What a disconnect did: the automations it paused. */
    public record Disconnected(ConnectionView connection, List<UUID> pausedAutomations) {
    }

    private final EntityManager em;
    private final TenantContext tenants;
    private final ConnectionStore connections;
    private final TriggerSubscriptions subscriptions;
    private final AuditLog audit;

    ConnectionDisconnector(EntityManager em, TenantContext tenants, ConnectionStore connections, TriggerSubscriptions subscriptions,
            AuditLog audit) {
        this.em = em;
        this.tenants = tenants;
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    /** Empty when the tenant has no such connection. */
    public Optional<Disconnected> disconnect(UUID tenantId, UUID connectionId, AuditLog.Actor actor) {
        Optional<ConnectionView> connection = connections.find(tenantId, connectionId);
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> triggerConnections = new LinkedHashSet<>();
        triggerConnections.add(connectionId);
        List<UUID> paused = tenants.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            List<Automation> active = em.createQuery("from Automation a where a.status = :active "
                            + "and (a.triggerConnectionId = :connection or a.actionConnectionId = :connection) order by a.createdAt",
                            Automation.class)
                    .setParameter("active", AutomationStatus.ACTIVE).setParameter("connection", connectionId).getResultList();
            for (Automation automation : active) {
                automation.status = AutomationStatus.PAUSED;
                automation.updatedAt = Instant.now();
                if (automation.triggerConnectionId != null) {
                    triggerConnections.add(automation.triggerConnectionId);
                }
                audit.record(tenantId, actor, "automation.paused", Target.of("automation", automation.id),
                        Map.of("reason", "connection_disconnected", "connection_id", connectionId, "version", automation.currentVersion));
            }
            return active.stream().map(a -> a.id).toList();
        }));
        tenants.run(tenantId, () -> triggerConnections.forEach(subscriptions::deactivated));
        connections.disconnect(tenantId, connectionId);
        // whatever the vendor would not let go of is forgotten now: the connection's webhook URL is dead
        tenants.run(tenantId, () -> subscriptions.deactivated(connectionId));
        audit.record(tenantId, actor, "connection.disconnected", Target.of("connection", connectionId),
                Map.of("connector", connection.get().connectorId(), "paused_automations", paused.size()));
        LOG.infof("connection %s disconnected in tenant %s; %d automation(s) paused", connectionId, tenantId, paused.size());
        return connections.find(tenantId, connectionId).map(view -> new Disconnected(view, paused));
    }
}
