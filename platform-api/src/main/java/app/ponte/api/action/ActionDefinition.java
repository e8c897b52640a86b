package app.ponte.api.action;

import app.ponte.api.Label;
import app.ponte.api.field.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An action: what an automation does. Inputs are typed fields; the runner renders the automation's
 * mapping into an {@link ActionInput} of these types before calling {@link ActionExecutor#execute}.
 *
 * @param key     stable snake_case key, never renamed (e.g. {@code create_or_update_lead})
 * @param inputs  in the order the mapping editor shows them; required ones flagged
 * @param outputs what a successful execution returns (ids, links), for the run history and later steps
 * @param planner optional: works out, with reads only, what {@code executor} would do (the preview's plan);
 *                actions without one are previewed by their mapping alone
 */
public record ActionDefinition(String key, Label label, Label description, List<Field> inputs, List<Field> outputs,
        ActionExecutor executor, Optional<ActionPlanner> planner) {

    /** An action without a planner. */
    public ActionDefinition(String key, Label label, Label description, List<Field> inputs, List<Field> outputs,
            ActionExecutor executor) {
        this(key, label, description, inputs, outputs, executor, Optional.empty());
    }

    public ActionDefinition {
        if (key == null || !key.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException("action key must be lower-case snake_case, was: " + key);
        }
        Objects.requireNonNull(label);
        Objects.requireNonNull(description);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(executor);
        Objects.requireNonNull(planner);
        Set<String> seen = new HashSet<>();
        inputs.forEach(f -> {
            if (!seen.add(f.key())) {
                throw new IllegalArgumentException("duplicate input '" + f.key() + "' in action " + key);
            }
        });
    }

    /** This action with {@code planner} for previews. */
    public ActionDefinition withPlanner(ActionPlanner planner) {
        return new ActionDefinition(key, label, description, inputs, outputs, executor, Optional.of(planner));
    }
}
