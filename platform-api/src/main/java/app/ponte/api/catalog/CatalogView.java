package app.ponte.api.catalog;

import app.ponte.api.AuthSpec;
import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.Label;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.field.Choice;
import app.ponte.api.field.Field;
import app.ponte.api.trigger.TriggerDefinition;
import java.util.List;
import java.util.Locale;

/**
 * A connector's catalog as plain data (strings, booleans, lists): what the public API serves as
 * JSON and what the conformance test snapshots. Behaviour (receivers, loaders, executors) is left out.
 */
public record CatalogView(String id, String name, String description, String icon, String category, AuthView auth,
        List<TriggerView> triggers, List<ActionView> actions) {

    public static CatalogView of(ConnectorDescriptor connector) {
        return new CatalogView(connector.id(), connector.name(), connector.description(), connector.icon(),
                lower(connector.category().name()), AuthView.of(connector.auth()),
                connector.triggers().stream().map(TriggerView::of).toList(),
                connector.actions().stream().map(ActionView::of).toList());
    }

    /** @param type {@code webhook_secret} or {@code oauth2} */
    public record AuthView(String type, String headerName, String label, boolean secret) {
        static AuthView of(AuthSpec auth) {
            if (auth instanceof AuthSpec.WebhookSecret secret) {
                return new AuthView("webhook_secret", secret.headerName(), secret.label(), true);
            }
            return new AuthView("oauth2", null, null, true);
        }
    }

    public record TriggerView(String key, Label label, Label description, String delivery, List<FieldView> settings,
            List<FieldView> outputs, boolean subscribesAtVendor, boolean enriched) {
        static TriggerView of(TriggerDefinition trigger) {
            return new TriggerView(trigger.key(), trigger.label(), trigger.description(), lower(trigger.delivery().name()),
                    fields(trigger.settings()), fields(trigger.outputs()), trigger.lifecycle().isPresent(),
                    trigger.enricher().isPresent());
        }
    }

    /** @param previewPlan whether the preview can show the plan a run would execute (the action has a planner) */
    public record ActionView(String key, Label label, Label description, List<FieldView> inputs, List<FieldView> outputs,
            boolean previewPlan) {
        static ActionView of(ActionDefinition action) {
            return new ActionView(action.key(), action.label(), action.description(), fields(action.inputs()),
                    fields(action.outputs()), action.planner().isPresent());
        }
    }

    /** @param note why a field may stay empty, or how it is derived; null when there is nothing to say */
    public record FieldView(String key, String type, Label label, boolean required, boolean secret, Label note,
            List<Choice> choices, boolean loadedFromAccount, List<String> dependsOn) {
        static FieldView of(Field field) {
            return new FieldView(field.key(), lower(field.type().name()), field.label(), field.required(), field.secret(),
                    field.note().orElse(null), field.choices(), field.loader().isPresent(), field.dependsOn());
        }
    }

    private static List<FieldView> fields(List<Field> fields) {
        return fields.stream().map(FieldView::of).toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
