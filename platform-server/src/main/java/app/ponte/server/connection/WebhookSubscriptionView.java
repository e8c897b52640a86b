package app.ponte.server.connection;

import java.net.URI;
import java.time.Instant;

/**
 * A connection's webhook subscription for one trigger, as the API shows it.
 *
 * @param message   what it means for the tenant, in pt-BR
 * @param manualUrl the URL to register by hand at the vendor, while the platform could not do it;
 *                  shown to owners and admins only (it holds the connection's webhook token)
 */
public record WebhookSubscriptionView(String triggerKey, SubscriptionState state, String message, URI manualUrl,
        Instant updatedAt) {

    /** The same, without the URL (for members, who do not manage connections). */
    public WebhookSubscriptionView withoutUrl() {
        return new WebhookSubscriptionView(triggerKey, state, message, null, updatedAt);
    }
}
