package app.ponte.api.field;

import app.ponte.api.Label;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of a catalog: an output of a trigger, an input or output of an action, or a setting.
 * Catalogs are lists of these values; the UI, the validator and the mapping engine read the same
 * list.
 *
 * <pre>{@code
 * Field.of("buyer.email", FieldType.EMAIL, "Comprador: E-mail", "Buyer: e-mail")
 * Field.of("lead.name", FieldType.TEXT, "Nome do lead", "Lead name").asRequired()
 * Field.dynamicChoice("status_id", "Etapa", "Stage", stages).dependingOn("pipeline_id")
 * }</pre>
 *
 * @param key       stable, lower-case snake_case segments joined by dots; never renamed once released
 * @param note      documentation shown with the field, e.g. why a source never fills it
 * @param secret    whether the value is a secret (never logged, never shown again)
 */
public record Field(String key, FieldType type, Label label, boolean required, Optional<Label> note, List<Choice> choices,
        Optional<ChoiceLoader> loader, List<String> dependsOn, boolean secret) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z][a-z0-9]*(_[a-z0-9]+)*)*");

    public Field {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("field key must be dotted lower-case snake_case, was: " + key);
        }
        Objects.requireNonNull(type, "type of " + key);
        Objects.requireNonNull(label, "label of " + key);
        choices = List.copyOf(choices);
        dependsOn = List.copyOf(dependsOn);
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice field " + key + " has no choices");
        }
        if (type == FieldType.DYNAMIC_CHOICE && loader.isEmpty()) {
            throw new IllegalArgumentException("dynamic choice field " + key + " has no loader");
        }
    }

    public static Field of(String key, FieldType type, String pt, String en) {
        return new Field(key, type, Label.of(pt, en), false, Optional.empty(), List.of(), Optional.empty(), List.of(), false);
    }

    public static Field choice(String key, String pt, String en, List<Choice> choices) {
        return new Field(key, FieldType.CHOICE, Label.of(pt, en), false, Optional.empty(), choices, Optional.empty(), List.of(), false);
    }

    public static Field dynamicChoice(String key, String pt, String en, ChoiceLoader loader) {
        return new Field(key, FieldType.DYNAMIC_CHOICE, Label.of(pt, en), false, Optional.empty(), List.of(), Optional.of(loader),
                List.of(), false);
    }

    public Field asRequired() {
        return new Field(key, type, label, true, note, choices, loader, dependsOn, secret);
    }

    public Field asSecret() {
        return new Field(key, type, label, required, note, choices, loader, dependsOn, true);
    }

    public Field withNote(String pt, String en) {
        return new Field(key, type, label, required, Optional.of(Label.of(pt, en)), choices, loader, dependsOn, secret);
    }

    public Field dependingOn(String... keys) {
        return new Field(key, type, label, required, note, choices, loader, List.of(keys), secret);
    }

    @Override
    public String toString() {
        return "Field[" + key + ": " + type + (required ? ", required" : "") + "]";
    }
}
