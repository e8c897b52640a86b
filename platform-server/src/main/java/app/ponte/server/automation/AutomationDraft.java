package app.ponte.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;

/**
 * What a tenant saves: the whole editable state of an automation. Missing maps mean "empty".
 *
 * @param filter conditions on trigger fields, as JSON ({@code {}} or absent: every event)
 */
public record AutomationDraft(String name, String triggerConnector, String triggerKey, UUID triggerConnectionId,
        Map<String, String> triggerSettings, String actionConnector, String actionKey, UUID actionConnectionId,
        Map<String, String> mapping, JsonNode filter) {

    public AutomationDraft {
        triggerSettings = triggerSettings == null ? Map.of() : Map.copyOf(triggerSettings);
        mapping = mapping == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
    }
}
