package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.action.ActionDefinition;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.api.field.ValueKind;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.MappingError.Code;
import app.ponte.mapping.MappingTemplate.Expression;
import app.ponte.mapping.MappingTemplate.TransformCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Save-time checks of a mapping against the action's and the trigger's catalogs, before an
 * automation can be switched on. Each problem names the input and says what to fix:
 *
 * <ol>
 *   <li>a key the action does not have (dynamic inputs follow {@link DynamicInputs});</li>
 *   <li>a template that does not parse (syntax, unknown transform, wrong arguments, invalid date pattern);</li>
 *   <li>a field the trigger does not have;</li>
 *   <li>a transform that does not apply to the value it gets (e.g. {@code upper} on money);</li>
 *   <li>a required input without a template;</li>
 *   <li>literal text (no field) that does not fit the input, e.g. a CHOICE input's text that is not
 *       one of its options, or "abc" for a MONEY input;</li>
 *   <li>a single field whose type can never become the input's type (BOOLEAN into MONEY, text into a
 *       number input, money into an e-mail);</li>
 *   <li>text mixed with fields going into a number, money, date or yes/no input.</li>
 * </ol>
 */
public final class MappingValidator {

    private MappingValidator() {
    }

    public static List<MappingProblem> validate(Mapping mapping, ActionDefinition action, TriggerDefinition trigger) {
        Map<String, Field> outputs = MappingEngine.outputsOf(trigger);
        List<MappingProblem> problems = new ArrayList<>();
        for (Field input : action.inputs()) {
            Optional<String> text = mapping.template(input.key()).filter(t -> !t.isBlank());
            if (text.isEmpty()) {
                if (input.required()) {
                    problems.add(new MappingProblem(input.key(), requiredMissing(input)));
                }
                continue;
            }
            check(input.key(), input.label(), Optional.of(input), text.get(), outputs, problems);
        }
        mapping.templates().forEach((key, text) -> {
            if (action.inputs().stream().anyMatch(f -> f.key().equals(key))) {
                return;
            }
            Optional<Field> parent = DynamicInputs.parent(action, key);
            if (parent.isEmpty()) {
                problems.add(new MappingProblem(key, unknownInput(action, key)));
            } else if (!text.isBlank()) {
                String id = DynamicInputs.fieldId(key).orElseThrow();
                check(key, Label.of(parent.get().label().pt() + " #" + id, parent.get().label().en() + " #" + id), Optional.empty(),
                        text, outputs, problems);
            }
        });
        return List.copyOf(problems);
    }

    /** Checks one template; {@code input} is empty for a dynamic input (no declared type). */
    private static void check(String key, Label label, Optional<Field> input, String text, Map<String, Field> outputs,
            List<MappingProblem> problems) {
        MappingTemplate template;
        try {
            template = MappingTemplate.parse(text);
        } catch (MappingException e) {
            problems.add(new MappingProblem(key, forInput(label, key, e.error())));
            return;
        }
        boolean typesKnown = true;
        FieldType singleType = null;
        Optional<Expression> single = template.singleExpression();
        for (Expression expression : template.expressions()) {
            Field field = outputs.get(expression.fieldKey());
            if (field == null) {
                typesKnown = false;
                problems.add(new MappingProblem(key, MappingError.at(Code.UNKNOWN_FIELD, expression.position(),
                        label.pt() + " (" + key + "): o gatilho não tem o campo " + expression.fieldKey()
                                + ". Escolha um campo da lista do gatilho" + suggestion(expression.fieldKey(), outputs, true) + ".",
                        label.en() + " (" + key + "): the trigger has no field " + expression.fieldKey()
                                + ". Pick a field from the trigger's list" + suggestion(expression.fieldKey(), outputs, false) + ".")));
                continue;
            }
            FieldType type = field.type();
            for (TransformCall call : expression.transforms()) {
                if (!call.transform().accepts(type.kind())) {
                    typesKnown = false;
                    problems.add(new MappingProblem(key, notApplicable(label, key, field, type, call)));
                    break;
                }
                type = call.transform().resultType(type);
            }
            if (single.isPresent() && single.get() == expression) {
                singleType = type;
            }
        }
        if (input.isEmpty() || !typesKnown) {
            return;
        }
        Field target = input.get();
        if (template.isLiteralOnly()) {
            InputCoercion.coerce(Value.text(template.literalText()), FieldType.TEXT, target, RenderContext.DEFAULT_ZONE).error()
                    .ifPresent(error -> problems.add(new MappingProblem(key, literalError(error))));
        } else if (singleType != null) {
            if (!canBecome(singleType, target.type())) {
                Field field = outputs.get(single.get().fieldKey());
                problems.add(new MappingProblem(key, MappingError.at(Code.INCOMPATIBLE_TYPE, single.get().position(),
                        label.pt() + " (" + key + ") recebe " + target.type().label().pt().toLowerCase() + ", mas "
                                + field.label().pt() + " é " + singleType.label().pt().toLowerCase() + ". Escolha um campo do tipo "
                                + target.type().label().pt().toLowerCase() + " ou remova a transformação que o torna texto.",
                        label.en() + " (" + key + ") takes " + target.type().label().en().toLowerCase() + ", but "
                                + field.label().en() + " is " + singleType.label().en().toLowerCase() + ". Pick a field of type "
                                + target.type().label().en().toLowerCase() + " or remove the transform that makes it text.")));
            }
        } else if (typedInput(target.type())) {
            problems.add(new MappingProblem(key, MappingError.of(Code.TEXT_INTO_TYPED_INPUT,
                    label.pt() + " (" + key + ") recebe " + target.type().label().pt().toLowerCase() + ": use um único campo {{ }} "
                            + "ou só um valor escrito, sem misturar texto e campos.",
                    label.en() + " (" + key + ") takes " + target.type().label().en().toLowerCase() + ": use a single {{ }} field "
                            + "or a written value alone, without mixing text and fields.")));
        }
    }

    /** Whether a value of field type {@code source} can ever be coerced into an input of type {@code target}. */
    static boolean canBecome(FieldType source, FieldType target) {
        ValueKind kind = source.kind();
        return switch (target) {
            case TEXT, LONG_TEXT, PHONE, URL, IDENTIFIER -> true;
            case EMAIL, CHOICE -> kind == ValueKind.TEXT;
            case DYNAMIC_CHOICE -> kind == ValueKind.TEXT || kind == ValueKind.DECIMAL;
            case NUMBER, INTEGER, MONEY -> kind == ValueKind.DECIMAL || kind == ValueKind.MONEY;
            case DATE, DATE_TIME -> kind == ValueKind.TIMESTAMP;
            case BOOLEAN -> kind == ValueKind.BOOLEAN;
        };
    }

    private static boolean typedInput(FieldType type) {
        return type.kind() != ValueKind.TEXT;
    }

    private static MappingError notApplicable(Label label, String key, Field field, FieldType type, TransformCall call) {
        Transform transform = call.transform();
        String acceptsPt = transform.accepts().stream().sorted().map(k -> kindLabel(k).pt()).collect(Collectors.joining(", "));
        String acceptsEn = transform.accepts().stream().sorted().map(k -> kindLabel(k).en()).collect(Collectors.joining(", "));
        return MappingError.at(Code.TRANSFORM_NOT_APPLICABLE, call.position(),
                label.pt() + " (" + key + "): " + transform.name() + " não se aplica a " + field.label().pt() + " ("
                        + type.label().pt().toLowerCase() + "); ela aceita " + acceptsPt + ". Remova-a ou escolha outro campo.",
                label.en() + " (" + key + "): " + transform.name() + " does not apply to " + field.label().en() + " ("
                        + type.label().en().toLowerCase() + "); it takes " + acceptsEn + ". Remove it or pick another field.");
    }

    static Label kindLabel(ValueKind kind) {
        return switch (kind) {
            case TEXT -> Label.of("texto", "text");
            case DECIMAL -> Label.of("número", "number");
            case MONEY -> Label.of("valor em dinheiro", "money");
            case TIMESTAMP -> Label.of("data", "date");
            case BOOLEAN -> Label.of("sim ou não", "yes or no");
        };
    }

    static String suggestion(String key, Map<String, Field> outputs, boolean pt) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        List<String> similar = outputs.keySet().stream().filter(k -> k.endsWith("." + last) || k.equals(last)).limit(3).toList();
        if (similar.isEmpty()) {
            return "";
        }
        return (pt ? " (talvez " : " (perhaps ") + String.join(", ", similar) + ")";
    }

    private static MappingError literalError(MappingError coercion) {
        Code code = coercion.code();
        return MappingError.of(code, coercion.pt() + " Corrija o texto escrito ou use um campo {{ }}.",
                coercion.en() + " Fix the written text or use a {{ }} field.");
    }

    static MappingError requiredMissing(Field input) {
        return MappingError.of(Code.REQUIRED_INPUT_MISSING,
                input.label().pt() + " (" + input.key() + ") é obrigatório: escolha um campo do gatilho ou escreva um valor.",
                input.label().en() + " (" + input.key() + ") is required: pick a trigger field or write a value.");
    }

    static MappingError unknownInput(ActionDefinition action, String key) {
        return MappingError.of(Code.UNKNOWN_INPUT,
                "A ação " + action.label().pt() + " não tem a entrada " + key + ". Remova-a do mapeamento.",
                "The action " + action.label().en() + " has no input " + key + ". Remove it from the mapping.");
    }

    /** A parse error of one input's template, named after the input. */
    static MappingError forInput(Label label, String key, MappingError error) {
        return error.prefixed(label.pt() + " (" + key + "): ", label.en() + " (" + key + "): ");
    }
}
