package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.action.ActionInput;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a mapping makes of one event, input by input, for the editor's preview (dry run): every
 * input of the action (mapped or not) in catalog order, then the mapped dynamic inputs, then any
 * mapped key the action does not have.
 */
public record MappingPreview(List<InputPreview> inputs) {

    public MappingPreview {
        inputs = List.copyOf(inputs);
    }

    /** Every problem, input by input. */
    public List<MappingProblem> problems() {
        return inputs.stream().flatMap(i -> i.error().map(e -> new MappingProblem(i.key(), e)).stream()).toList();
    }

    public boolean isOk() {
        return inputs.stream().allMatch(i -> i.error().isEmpty());
    }

    public Optional<InputPreview> input(String key) {
        return inputs.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    /** The action input, when there is no problem: only non-empty values, keyed by input key. */
    public MappingResult result() {
        if (!isOk()) {
            return new MappingResult.Invalid(problems());
        }
        FieldValues.Builder values = FieldValues.builder();
        inputs.forEach(i -> {
            if (!i.value().isEmpty()) {
                values.put(i.key(), i.value());
            }
        });
        return new MappingResult.Ok(new ActionInput(values.build()));
    }

    /**
     * One input of the preview.
     *
     * @param key      the action input key (or a dynamic input key, or an unknown mapped key)
     * @param label    what people call the input (a dynamic input: its group's label and field id)
     * @param type     the input's declared type; for a dynamic input, the rendered value's type
     * @param required whether the action needs a value
     * @param dynamic  whether the key is a dynamic input ({@link DynamicInputs})
     * @param template the template text, when the input is mapped
     * @param rendered the template's value before conversion to the input's type
     * @param text     {@code rendered} written with its type's formatting rule (what the editor shows)
     * @param value    the value the action would receive (empty when there is an error)
     * @param error    why the input cannot be filled with this event, if it cannot
     */
    public record InputPreview(String key, Label label, FieldType type, boolean required, boolean dynamic,
            Optional<String> template, Value rendered, String text, Value value, Optional<MappingError> error) {

        public InputPreview {
            Objects.requireNonNull(key);
            Objects.requireNonNull(label);
            Objects.requireNonNull(type);
            Objects.requireNonNull(template);
            Objects.requireNonNull(rendered);
            Objects.requireNonNull(text);
            Objects.requireNonNull(value);
            Objects.requireNonNull(error);
        }
    }
}
