package app.ponte.kommo;

import app.ponte.api.ConnectorException;
import app.ponte.api.Label;
import app.ponte.api.action.Failure;
import app.ponte.api.field.Choice;
import app.ponte.api.field.ChoiceLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Choices read from the connected Kommo account: pipelines, stages, users and custom fields. */
final class KommoChoices {

    private KommoChoices() {
    }

    /** Active (not archived) pipelines; value = pipeline id. */
    static ChoiceLoader pipelines() {
        return (connection, dependsOn) -> {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode pipeline : new KommoClient(connection).get("/api/v4/leads/pipelines", Map.of("limit", 250))
                    .path("_embedded").path("pipelines")) {
                if (!pipeline.path("is_archive").asBoolean(false)) {
                    choices.add(choice(pipeline.path("id").asText(), pipeline.path("name").asText()));
                }
            }
            return choices;
        };
    }

    /**
     * Stages of the pipeline chosen in {@code pipelineKey}; value = status id. Without the incoming stage
     * when {@code withIncoming} is false (Kommo refuses to create or move leads there through the API).
     */
    static ChoiceLoader stages(String pipelineKey, boolean withIncoming) {
        return (connection, dependsOn) -> {
            String pipeline = dependsOn.get(pipelineKey);
            if (pipeline == null || !pipeline.matches("\\d+")) {
                return List.of();
            }
            List<Choice> choices = new ArrayList<>();
            for (JsonNode status : new KommoClient(connection).get("/api/v4/leads/pipelines/" + pipeline)
                    .path("_embedded").path("statuses")) {
                if (withIncoming || status.path("type").asInt(0) != 1) {
                    choices.add(choice(status.path("id").asText(), status.path("name").asText()));
                }
            }
            return choices;
        };
    }

    /** The account's users (Kommo {@code GET /api/v4/users}); value = user id. */
    static ChoiceLoader users() {
        return (connection, dependsOn) -> {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode user : new KommoClient(connection).get("/api/v4/users", Map.of("limit", 250))
                    .path("_embedded").path("users")) {
                choices.add(choice(user.path("id").asText(), user.path("name").asText()));
            }
            return choices;
        };
    }

    /**
     * The custom fields of {@code entity} ({@code leads} or {@code contacts}) without the predefined
     * PHONE/EMAIL ones; value = the input key to map a value to, {@code <prefix>.field_<id>}.
     */
    static ChoiceLoader customFields(String entity, String prefix) {
        return (connection, dependsOn) -> {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode field : new KommoClient(connection).get("/api/v4/" + entity + "/custom_fields",
                    Map.of("limit", 250)).path("_embedded").path("custom_fields")) {
                String code = field.path("code").asText("");
                if (!"PHONE".equals(code) && !"EMAIL".equals(code)) {
                    choices.add(choice(prefix + ".field_" + field.path("id").asText(),
                            field.path("name").asText() + " (" + field.path("type").asText() + ")"));
                }
            }
            return choices;
        };
    }

    private static Choice choice(String value, String name) throws ConnectorException {
        if (value.isBlank()) {
            throw new ConnectorException(Failure.retryable("A Kommo devolveu uma lista sem ids."));
        }
        String label = name.isBlank() ? "#" + value : name;
        return new Choice(value, Label.of(label, label));
    }
}
