package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.MappingError.Code;
import app.ponte.mapping.MappingPreview.InputPreview;
import app.ponte.mapping.MappingTemplate.Expression;
import app.ponte.mapping.MappingTemplate.Literal;
import app.ponte.mapping.MappingTemplate.Part;
import app.ponte.mapping.MappingTemplate.TransformCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders templates against an event's fields and turns a whole {@link Mapping} into an action's
 * typed {@link app.ponte.api.action.ActionInput}. Rendering reads nothing but the event's values
 * and the trigger's field types: no reflection, no method calls, no template-engine escape.
 *
 * <ul>
 *   <li>A template that is exactly one expression (blank text around it allowed) keeps the typed
 *       value its transforms leave: money stays money, a timestamp stays a timestamp unless
 *       {@code date} made it text.</li>
 *   <li>Any other template is text: each expression's value is written with its field type's
 *       formatting rule ({@link FieldType#render}, DATE as DD/MM/AAAA in the workspace zone), joined
 *       with the literal text, and trimmed; blank is empty.</li>
 *   <li>A field the event does not carry is empty (save-time validation catches unknown keys).</li>
 * </ul>
 */
public final class MappingEngine {

    private MappingEngine() {
    }

    /**
     * @param triggerOutputs the trigger's output fields by key (their types give the formatting
     *                       rules); a key missing here is typed by its value
     */
    public static Value render(MappingTemplate template, FieldValues event, Map<String, Field> triggerOutputs,
            RenderContext context) {
        return evaluate(template, event, triggerOutputs, context).value();
    }

    /** The trigger's outputs by key, for {@link #render}. */
    public static Map<String, Field> outputsOf(TriggerDefinition trigger) {
        return trigger.outputs().stream().collect(Collectors.toMap(Field::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Renders {@code mapping} for {@code event} into {@code action}'s typed input, or the problems
     * that stop the run (a required input left empty, a value that does not fit its input's type,
     * a template that does not parse, a key the action does not have).
     */
    public static MappingResult apply(Mapping mapping, ActionDefinition action, TriggerDefinition trigger, FieldValues event,
            RenderContext context) {
        return preview(mapping, action, trigger, event, context).result();
    }

    /**
     * The same work as {@link #apply}, input by input, for the editor: what each template rendered,
     * the typed value the action would get, and each input's problem. Writes nothing anywhere.
     */
    public static MappingPreview preview(Mapping mapping, ActionDefinition action, TriggerDefinition trigger, FieldValues event,
            RenderContext context) {
        Map<String, Field> outputs = outputsOf(trigger);
        List<InputPreview> previews = new ArrayList<>();
        for (Field input : action.inputs()) {
            previews.add(previewDeclared(input, mapping.template(input.key()), event, outputs, context));
        }
        mapping.templates().forEach((key, text) -> {
            if (action.inputs().stream().anyMatch(f -> f.key().equals(key))) {
                return;
            }
            Optional<Field> parent = DynamicInputs.parent(action, key);
            if (parent.isPresent()) {
                previews.add(previewDynamic(key, parent.get(), text, event, outputs, context));
            } else {
                previews.add(new InputPreview(key, Label.of(key, key), FieldType.TEXT, false, false, Optional.of(text),
                        Value.empty(), "", Value.empty(), Optional.of(MappingValidator.unknownInput(action, key))));
            }
        });
        return new MappingPreview(previews);
    }

    private static InputPreview previewDeclared(Field input, Optional<String> text, FieldValues event, Map<String, Field> outputs,
            RenderContext context) {
        Optional<String> template = text.filter(t -> !t.isBlank());
        if (template.isEmpty()) {
            Optional<MappingError> error = input.required() ? Optional.of(MappingValidator.requiredMissing(input)) : Optional.empty();
            return new InputPreview(input.key(), input.label(), input.type(), input.required(), false, text, Value.empty(), "",
                    Value.empty(), error);
        }
        MappingTemplate parsed;
        try {
            parsed = MappingTemplate.parse(template.get());
        } catch (MappingException e) {
            return new InputPreview(input.key(), input.label(), input.type(), input.required(), false, template, Value.empty(), "",
                    Value.empty(), Optional.of(MappingValidator.forInput(input.label(), input.key(), e.error())));
        }
        Rendered rendered = evaluate(parsed, event, outputs, context);
        String shown = rendered.type().render(rendered.value(), context.zone());
        InputCoercion.Result coerced = InputCoercion.coerce(rendered.value(), rendered.type(), input, context.zone());
        Value value = coerced.value().orElse(Value.empty());
        Optional<MappingError> error = coerced.error();
        if (error.isEmpty() && input.required() && value.isEmpty()) {
            error = Optional.of(MappingError.of(Code.REQUIRED_INPUT_EMPTY,
                    input.label().pt() + " (" + input.key() + ") é obrigatório, mas ficou vazio com este evento"
                            + fieldsHint(parsed, true) + ". Use default:\"…\" ou outro campo.",
                    input.label().en() + " (" + input.key() + ") is required but came out empty for this event"
                            + fieldsHint(parsed, false) + ". Use default:\"…\" or another field."));
        }
        return new InputPreview(input.key(), input.label(), input.type(), input.required(), false, template, rendered.value(), shown,
                value, error);
    }

    private static String fieldsHint(MappingTemplate template, boolean pt) {
        if (template.fieldKeys().isEmpty()) {
            return "";
        }
        return (pt ? " (campos lidos: " : " (fields read: ") + String.join(", ", template.fieldKeys()) + ")";
    }

    private static InputPreview previewDynamic(String key, Field parent, String text, FieldValues event, Map<String, Field> outputs,
            RenderContext context) {
        String id = DynamicInputs.fieldId(key).orElseThrow();
        Label label = Label.of(parent.label().pt() + " #" + id, parent.label().en() + " #" + id);
        if (text.isBlank()) {
            return new InputPreview(key, label, FieldType.TEXT, false, true, Optional.of(text), Value.empty(), "", Value.empty(),
                    Optional.empty());
        }
        try {
            Rendered rendered = evaluate(MappingTemplate.parse(text), event, outputs, context);
            return new InputPreview(key, label, rendered.type(), false, true, Optional.of(text), rendered.value(),
                    rendered.type().render(rendered.value(), context.zone()), rendered.value(), Optional.empty());
        } catch (MappingException e) {
            return new InputPreview(key, label, FieldType.TEXT, false, true, Optional.of(text), Value.empty(), "", Value.empty(),
                    Optional.of(MappingValidator.forInput(label, key, e.error())));
        }
    }

    /** A rendered value and the field type whose formatting rule writes it. */
    record Rendered(Value value, FieldType type) {
    }

    static Rendered evaluate(MappingTemplate template, FieldValues event, Map<String, Field> outputs, RenderContext context) {
        Optional<Expression> single = template.singleExpression();
        if (single.isPresent()) {
            return evaluate(single.get(), event, outputs, context);
        }
        StringBuilder out = new StringBuilder();
        for (Part part : template.parts()) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else {
                Rendered rendered = evaluate((Expression) part, event, outputs, context);
                out.append(rendered.type().render(rendered.value(), context.zone()));
            }
        }
        return new Rendered(Value.text(out.toString()), FieldType.TEXT);
    }

    private static Rendered evaluate(Expression expression, FieldValues event, Map<String, Field> outputs, RenderContext context) {
        Value value = event.get(expression.fieldKey());
        Field field = outputs.get(expression.fieldKey());
        FieldType type = field != null && field.type().accepts(value) ? field.type() : InputCoercion.sourceTypeOf(value);
        for (TransformCall call : expression.transforms()) {
            value = call.applied().apply(value, type, context);
            type = call.transform().resultType(type);
            if (!type.accepts(value)) {
                type = InputCoercion.sourceTypeOf(value);
            }
        }
        return new Rendered(value, type);
    }
}
