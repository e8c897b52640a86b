package app.ponte.api.trigger;

import app.ponte.api.ConnectorException;
import app.ponte.api.context.ConnectionContext;
import java.net.URI;
import java.util.Map;

/**
 * Registers the connection's webhook at the vendor when the first automation that needs it starts,
 * and removes it when the last one stops. The platform persists the returned handle.
 */
public interface SubscriptionLifecycle {

    /** @param webhookUrl the connection's ingress URL (unguessable token included) */
    Subscription subscribe(ConnectionContext connection, URI webhookUrl) throws ConnectorException;

    void unsubscribe(ConnectionContext connection, Subscription subscription) throws ConnectorException;

    /** What the vendor returned, enough to remove the registration later. */
    record Subscription(String id, Map<String, String> attributes) {
        public Subscription {
            attributes = Map.copyOf(attributes);
        }
    }
}
