package app.ponte.mapping;

import app.ponte.api.action.ActionDefinition;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dynamic-input rule: an action may accept inputs it cannot list in its catalog, such as the
 * custom fields of the connected account. A mapping key {@code p.field_<n>} ({@code n}: 1 to 18
 * digits) is an input of the action when the action declares a {@link FieldType#DYNAMIC_CHOICE}
 * input whose key is exactly {@code p} (one segment, e.g. Kommo's {@code lead_custom_fields}, whose
 * options are those keys). Such an input has no declared type: its rendered value reaches the action
 * as it is (typed: a timestamp stays a timestamp), and the action converts it by the account field's
 * own type. It is never required.
 */
public final class DynamicInputs {

    private static final Pattern DYNAMIC = Pattern.compile("([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\\.field_(\\d{1,18})");

    private DynamicInputs() {
    }

    /** The declared input {@code inputKey} belongs to, when it is a dynamic input of {@code action}. */
    public static Optional<Field> parent(ActionDefinition action, String inputKey) {
        Matcher matcher = DYNAMIC.matcher(inputKey);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = matcher.group(1);
        return action.inputs().stream().filter(f -> f.key().equals(prefix) && f.type() == FieldType.DYNAMIC_CHOICE).findFirst();
    }

    /** The account's field id in a dynamic input key ({@code lead_custom_fields.field_123} → 123). */
    public static Optional<String> fieldId(String inputKey) {
        Matcher matcher = DYNAMIC.matcher(inputKey);
        return matcher.matches() ? Optional.of(matcher.group(2)) : Optional.empty();
    }
}
