package app.ponte.server.template;

import app.ponte.api.Label;
import java.util.Map;
import java.util.Objects;

/**
 * A ready-made automation ("A cada venda aprovada na Hotmart, criar ou atualizar lead na Kommo"),
 * declared as a data file under {@code automation-templates/}: the trigger, the action and the default
 * mapping (action input key → mapping expression).
 *
 * @param order where the catalog lists it (the product page's order)
 */
public record AutomationTemplate(String key, int order, Label title, Label description, Ref trigger, Ref action,
        Map<String, String> mapping) {

    public AutomationTemplate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(action, "action");
        mapping = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(Objects.requireNonNull(mapping, "mapping")));
    }

    /** A trigger or action of a connector. */
    public record Ref(String connector, String key) {
        public Ref {
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(key, "key");
        }
    }
}
