package app.ponte.server.connection;

import app.ponte.api.Label;
import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Connections that receive webhooks (Hotmart): connecting one with its hottok, and the URL the
 * tenant pastes at the vendor. The REST API and the pages both connect through here.
 */
@ApplicationScoped
public class WebhookConnections {

    /** Where to paste the webhook URL in Hotmart. */
    public static final Label HOTMART_INSTRUCTIONS = Label.of(
            "Na Hotmart, abra Ferramentas → Webhook (API e notificações) → Cadastrar webhook, cole esta URL, "
                    + "escolha a versão 2.0.0 e os eventos que quer receber, e salve.",
            "In Hotmart, open Tools → Webhook (API and notifications) → Register webhook, paste this URL, "
                    + "choose version 2.0.0 and the events you want, and save.");

    /** A new webhook connection and the URL to paste at the vendor. */
    public record Connected(ConnectionView connection, URI webhookUrl) {
    }

    private final ConnectionStore connections;
    private final WebhookUrls urls;
    private final AuditLog audit;

    WebhookConnections(ConnectionStore connections, WebhookUrls urls, AuditLog audit) {
        this.connections = connections;
        this.urls = urls;
        this.audit = audit;
    }

    /**
     * Connects Hotmart with the account's hottok (checked by the caller: 8 to 200 characters, no
     * spaces) and gives the connection its webhook URL; the workspace's audit log records who did.
     *
     * @param name optional, to tell several Hotmart accounts apart
     */
    public Connected connectHotmart(UUID workspaceId, AuditLog.Actor actor, String hottok, String name) {
        String displayName = name == null || name.isBlank() ? "Hotmart" : "Hotmart — " + name.strip();
        ConnectionView connection = connections.create(workspaceId,
                new NewConnection("hotmart", displayName, null, Map.of(), Map.of("hottok", hottok.strip()), null));
        String token = connections.rotateWebhookToken(workspaceId, connection.id()).orElseThrow();
        audit.record(workspaceId, actor, "connection.created", Target.of("connection", connection.id()),
                Map.of("connector", "hotmart", "name", displayName));
        return new Connected(connection, urls.of(connection.connectorId(), token));
    }

    /** The connection's current webhook URL; empty when it has none (OAuth connections, disconnected ones). */
    public Optional<URI> webhookUrl(UUID workspaceId, ConnectionView connection) {
        if (connection.status() == ConnectionStatus.DISCONNECTED) {
            return Optional.empty();
        }
        return connections.webhookToken(workspaceId, connection.id()).map(token -> urls.of(connection.connectorId(), token));
    }
}
