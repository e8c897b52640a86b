package app.ponte.server.web;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.field.Field;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.server.automation.AutomationView;
import app.ponte.server.connector.ConnectorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Names of triggers, actions and fields from the connector catalogs, in the page's language. */
@ApplicationScoped
public class CatalogLabels {

    /** A value shown with the label of its field: "Comprador: Nome" for buyer.name. */
    public record LabelledValue(String key, String label, String value) {
    }

    private final ConnectorService connectors;

    CatalogLabels(ConnectorService connectors) {
        this.connectors = connectors;
    }

    public Optional<TriggerDefinition> trigger(String connector, String key) {
        return connectors.descriptor(connector).flatMap(c -> c.trigger(key));
    }

    public Optional<ActionDefinition> action(String connector, String key) {
        return connectors.descriptor(connector).flatMap(c -> c.action(key));
    }

    /** The trigger of that key in any connector (trigger keys are not shared between connectors). */
    public Optional<TriggerDefinition> anyTrigger(String key) {
        return connectors.descriptors().stream().flatMap(c -> c.triggers().stream()).filter(t -> t.key().equals(key)).findFirst();
    }

    public String connectorName(String connector) {
        return connectors.descriptor(connector).map(ConnectorDescriptor::name).orElse(connector);
    }

    /** "Hotmart: Venda aprovada → Kommo: Criar ou atualizar lead". */
    public String steps(AutomationView automation, Locale locale) {
        return connectorName(automation.trigger().connector()) + ": "
                + trigger(automation.trigger().connector(), automation.trigger().key()).map(t -> t.label().in(locale))
                        .orElse(automation.trigger().key())
                + " → " + connectorName(automation.action().connector()) + ": "
                + action(automation.action().connector(), automation.action().key()).map(a -> a.label().in(locale))
                        .orElse(automation.action().key());
    }

    /** Values by key, each with its field's label when the catalog declares it (else the key). */
    public static List<LabelledValue> labelled(Map<String, String> values, List<Field> fields, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        fields.forEach(f -> labels.put(f.key(), f.label().in(locale)));
        return values.entrySet().stream()
                .map(e -> new LabelledValue(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
                .toList();
    }
}
