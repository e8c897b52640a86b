package app.ponte.mapping;

import app.ponte.api.field.Field;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.MappingError.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Save-time checks of a filter against the trigger's catalog, before an automation can be switched
 * on. Each problem names the condition (number and field) and says what to fix, in pt-BR and English:
 *
 * <ol>
 *   <li>more than {@value FilterOperands#MAX_CONDITIONS} conditions;</li>
 *   <li>a field the trigger does not have (or none chosen);</li>
 *   <li>an operator that does not apply to the field's kind (e.g. greater_than on text, contains on money);</li>
 *   <li>no value for an operator that needs one (all but is_empty and is_not_empty);</li>
 *   <li>a value longer than {@value FilterOperands#MAX_VALUE_LENGTH} characters;</li>
 *   <li>a value that is not a number, amount, date or yes/no as the field's kind needs, or not one of
 *       a choice field's options (equals, not_equals).</li>
 * </ol>
 *
 * Dates written without a zone are read in America/Sao_Paulo for the check; only whether they can
 * be read matters here.
 */
public final class FilterValidator {

    private FilterValidator() {
    }

    public static List<FilterProblem> validate(Filter filter, TriggerDefinition trigger) {
        Map<String, Field> outputs = MappingEngine.outputsOf(trigger);
        List<FilterProblem> problems = new ArrayList<>();
        int count = filter.conditions().size();
        if (count > FilterOperands.MAX_CONDITIONS) {
            problems.add(new FilterProblem(FilterProblem.WHOLE_FILTER, "", MappingError.of(Code.TOO_MANY_CONDITIONS,
                    "O filtro tem " + count + " condições; o máximo é " + FilterOperands.MAX_CONDITIONS + ". Remova algumas.",
                    "The filter has " + count + " conditions; the maximum is " + FilterOperands.MAX_CONDITIONS + ". Remove some.")));
        }
        for (int i = 0; i < count; i++) {
            Condition condition = filter.conditions().get(i);
            Field field = outputs.get(condition.field());
            if (field == null) {
                problems.add(new FilterProblem(i, condition.field(), unknownField(i, condition.field(), outputs)));
                continue;
            }
            FilterOperands.Checked checked = FilterOperands.check(condition, field, field.type(), RenderContext.DEFAULT_ZONE);
            if (!checked.ok()) {
                problems.add(new FilterProblem(i, condition.field(),
                        FilterOperands.forCondition(i, condition.field(), field.label(), checked.error())));
            }
        }
        return List.copyOf(problems);
    }

    private static MappingError unknownField(int index, String key, Map<String, Field> outputs) {
        if (key.isEmpty()) {
            return MappingError.of(Code.UNKNOWN_FIELD, "Condição " + (index + 1) + ": escolha um campo do gatilho.",
                    "Condition " + (index + 1) + ": pick a field of the trigger.");
        }
        return FilterOperands.forCondition(index, key, null, MappingError.of(Code.UNKNOWN_FIELD,
                "o gatilho não tem o campo " + key + ". Escolha um campo da lista do gatilho"
                        + MappingValidator.suggestion(key, outputs, true) + ".",
                "the trigger has no field " + key + ". Pick a field from the trigger's list"
                        + MappingValidator.suggestion(key, outputs, false) + "."));
    }
}
