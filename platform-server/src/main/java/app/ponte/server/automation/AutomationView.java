package app.ponte.server.automation;

import app.ponte.server.api.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An automation as the API shows it: its current version's mapping, filter and trigger settings,
 * and the problems that keep it from being activated (empty when it can run).
 */
public record AutomationView(UUID id, String name, AutomationStatus status, String templateKey, Step trigger, Step action,
        int version, Map<String, String> mapping, JsonNode filter, Map<String, String> triggerSettings,
        List<Problem.FieldError> problems, Instant createdAt, Instant updatedAt, Instant activatedAt) {

    /** A trigger or action: which connector, which of its triggers/actions, on which connection. */
    public record Step(String connector, String key, UUID connectionId) {
    }
}
