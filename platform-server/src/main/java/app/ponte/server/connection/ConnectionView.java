package app.ponte.server.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connection as the API and pages show it: never any secret (its webhook URL only in
 * {@code webhookSubscriptions[].manualUrl}, for owners and admins).
 */
public record ConnectionView(UUID id, String connectorId, String displayName, String externalAccountId,
        ConnectionStatus status, String statusReason, Map<String, String> attributes, Instant expiresAt,
        Instant createdAt, Instant lastEventAt, List<WebhookSubscriptionView> webhookSubscriptions) {

    public ConnectionView {
        webhookSubscriptions = List.copyOf(webhookSubscriptions);
    }

    /** The same, without webhook URLs (for members, who do not manage connections). */
    public ConnectionView withoutWebhookUrls() {
        return new ConnectionView(id, connectorId, displayName, externalAccountId, status, statusReason, attributes, expiresAt,
                createdAt, lastEventAt, webhookSubscriptions.stream().map(WebhookSubscriptionView::withoutUrl).toList());
    }
}
