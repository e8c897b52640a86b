package app.ponte.kommo.simulator;

import java.util.List;
import java.util.Map;

/**
 * One entity change as webhooks report it: the subscription setting it matches ({@code status_lead}), the
 * body section ({@code leads}/{@code contacts}), the action ({@code status}) and the entity's fields, in
 * wire order, relative to {@code section[action][i]}.
 */
public record WebhookEvent(String setting, String section, String action, List<Map.Entry<String, String>> fields) {
    /** Order of actions inside one POST (§6, decided). */
    static final List<String> ACTION_ORDER = List.of("add", "update", "status", "responsible", "delete", "restore");
}
