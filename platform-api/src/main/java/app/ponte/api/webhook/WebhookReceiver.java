package app.ponte.api.webhook;

import app.ponte.api.context.Credentials;

/**
 * Turns the webhook calls that arrive on a connection's URL into trigger events. Stateless: the
 * same request always yields the same outcome; de-duplication is the platform's job, by each
 * event's de-duplication key.
 */
@FunctionalInterface
public interface WebhookReceiver {

    /**
     * @param request     the call as it arrived
     * @param credentials the connection it arrived on (e.g. its hottok, its Kommo account id)
     */
    WebhookOutcome receive(WebhookRequest request, Credentials credentials);
}
