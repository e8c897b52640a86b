package app.ponte.server.automation;

import app.ponte.server.api.Problem;
import app.ponte.server.connection.WebhookSubscriptionView;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An automation as the API shows it: its current version's mapping, filter and trigger settings,
 * and the problems that keep it from being activated (empty when it can run).
 *
 * @param webhookSubscription while active, for a trigger the vendor must be told to call (Kommo's
 *                            webhook): whether the platform registered it, or the URL to register by
 *                            hand and why; null otherwise
 */
public record AutomationView(UUID id, String name, AutomationStatus status, String templateKey, Step trigger, Step action,
        int version, Map<String, String> mapping, JsonNode filter, Map<String, String> triggerSettings,
        List<Problem.FieldError> problems, Instant createdAt, Instant updatedAt, Instant activatedAt,
        WebhookSubscriptionView webhookSubscription) {

    /** A trigger or action: which connector, which of its triggers/actions, on which connection. */
    public record Step(String connector, String key, UUID connectionId) {
    }

    /** The same, without the webhook URL (for members, who do not manage connections). */
    public AutomationView withoutWebhookUrl() {
        return webhookSubscription == null ? this : new AutomationView(id, name, status, templateKey, trigger, action, version,
                mapping, filter, triggerSettings, problems, createdAt, updatedAt, activatedAt, webhookSubscription.withoutUrl());
    }
}
