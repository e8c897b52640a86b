package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import app.ponte.api.trigger.TriggerDefinition;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.Filter.Match;
import app.ponte.mapping.Filter.Operator;
import app.ponte.mapping.FilterOperands.BoolOperand;
import app.ponte.mapping.FilterOperands.Checked;
import app.ponte.mapping.FilterOperands.DateOperand;
import app.ponte.mapping.FilterOperands.NumberOperand;
import app.ponte.mapping.FilterOperands.Operand;
import app.ponte.mapping.FilterOperands.TextOperand;
import app.ponte.mapping.FilterResult.ConditionOutcome;
import app.ponte.mapping.FilterResult.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates a {@link Filter} against an event's fields. Reads nothing but the event's values and
 * the trigger's field types; never throws for an event (see {@code docs/mapping.md}, "Filtros"):
 *
 * <ul>
 *   <li>The field's type (its value kind) decides the semantics: text is compared without case,
 *       accents and surrounding blanks ("São Paulo" contains "sao"); numbers and money exactly as
 *       BigDecimal (100 equals 100,00); dates as instants, a value without time of day standing for
 *       that whole day in the workspace zone; yes/no against sim/não, true/false, yes/no, 1/0.</li>
 *   <li>Money: amounts are compared; when the condition's value names a currency ("R$ 100", "USD 20")
 *       and the event's amount has another one, the amounts are not comparable — equals and the
 *       ordering operators do not match, not_equals does.</li>
 *   <li>An empty value matches is_empty only: every other operator (not_equals and not_contains
 *       too) does not match.</li>
 *   <li>A condition the validator would refuse (operator for another kind, missing or unreadable
 *       value) never matches: a broken filter blocks events rather than letting them all through.</li>
 *   <li>ALL: every condition matches; ANY: at least one does; no conditions: every event passes.
 *       Every condition is evaluated (no short circuit), so the result explains each one.</li>
 * </ul>
 */
public final class FilterEngine {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private FilterEngine() {
    }

    /** {@code filter} for {@code event} from {@code trigger}. */
    public static FilterResult matches(Filter filter, FieldValues event, TriggerDefinition trigger, RenderContext context) {
        return matches(filter, event, MappingEngine.outputsOf(trigger), context);
    }

    /**
     * @param triggerOutputs the trigger's output fields by key ({@link MappingEngine#outputsOf}); their
     *                       types give the comparison rules and their labels the explanations. A key
     *                       missing here is typed by the event's value.
     * @param context        the workspace's zone (dates written without one, DD/MM/AAAA days)
     */
    public static FilterResult matches(Filter filter, FieldValues event, Map<String, Field> triggerOutputs, RenderContext context) {
        Objects.requireNonNull(filter);
        Objects.requireNonNull(event);
        Objects.requireNonNull(triggerOutputs);
        Objects.requireNonNull(context);
        List<ConditionOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < filter.conditions().size(); i++) {
            outcomes.add(evaluate(i, filter.conditions().get(i), event, triggerOutputs, context.zone()));
        }
        boolean matched = filter.match() == Match.ALL
                ? outcomes.stream().allMatch(ConditionOutcome::matched)
                : outcomes.isEmpty() || outcomes.stream().anyMatch(ConditionOutcome::matched);
        return new FilterResult(matched, filter.match(), outcomes);
    }

    private static ConditionOutcome evaluate(int index, Condition condition, FieldValues event, Map<String, Field> outputs,
            ZoneId zone) {
        Value value = event.get(condition.field());
        Field field = outputs.get(condition.field());
        Label fieldLabel = field != null ? field.label() : Label.of(condition.field().isEmpty() ? "?" : condition.field(),
                condition.field().isEmpty() ? "?" : condition.field());
        Operator operator = condition.operator();
        FieldType type = typeOf(field, value);
        Line line = new Line(fieldLabel, operator.label(type.kind()), operator.needsValue() ? condition.value() : null);

        if (field == null && value.isEmpty() && operator.needsValue()) {
            return line.outcome(index, condition, Outcome.NOT_MATCHED, shown(value, type, zone), null);
        }
        Checked checked = FilterOperands.check(condition, field, type, zone);
        if (!checked.ok()) {
            MappingError error = FilterOperands.forCondition(index, condition.field(), field == null ? null : field.label(),
                    checked.error());
            return line.invalid(index, condition, checked.error(), error);
        }
        boolean matched;
        Label note = null;
        if (operator == Operator.IS_EMPTY) {
            matched = value.isEmpty();
        } else if (operator == Operator.IS_NOT_EMPTY) {
            matched = !value.isEmpty();
        } else if (value.isEmpty()) {
            matched = false;
        } else {
            Operand operand = checked.operand();
            if (operand instanceof NumberOperand number && value instanceof Value.Money money && number.currency() != null
                    && money.currency() != null && !number.currency().equalsIgnoreCase(money.currency())) {
                note = Label.of("moeda diferente", "different currency");
                matched = operator == Operator.NOT_EQUALS;
            } else {
                matched = compare(operator, value, operand);
            }
        }
        return line.outcome(index, condition, matched ? Outcome.MATCHED : Outcome.NOT_MATCHED, shown(value, type, zone), note);
    }

    /** The field's declared type when the value fits it; otherwise the value's own (an undeclared or mistyped field). */
    private static FieldType typeOf(Field field, Value value) {
        if (field != null && field.type().accepts(value)) {
            return field.type();
        }
        return InputCoercion.sourceTypeOf(value);
    }

    private static boolean compare(Operator operator, Value value, Operand operand) {
        if (operator == Operator.NOT_EQUALS) {
            return !compare(Operator.EQUALS, value, operand);
        }
        if (operand instanceof TextOperand text) {
            String actual = FilterOperands.fold(value.text());
            return switch (operator) {
                case EQUALS -> actual.equals(text.folded());
                case CONTAINS -> actual.contains(text.folded());
                case NOT_CONTAINS -> !actual.contains(text.folded());
                case STARTS_WITH -> actual.startsWith(text.folded());
                case ENDS_WITH -> actual.endsWith(text.folded());
                default -> throw new IllegalStateException(operator + " on text");
            };
        }
        if (operand instanceof NumberOperand number) {
            return ordered(operator, amountOf(value).compareTo(number.amount()));
        }
        if (operand instanceof DateOperand date) {
            Instant at = ((Value.Timestamp) value).instant();
            if (!date.wholeDay()) {
                return ordered(operator, at.compareTo(date.start()));
            }
            return switch (operator) {
                case EQUALS -> !at.isBefore(date.start()) && at.isBefore(date.end());
                case GREATER_THAN -> !at.isBefore(date.end());
                case GREATER_OR_EQUAL -> !at.isBefore(date.start());
                case LESS_THAN -> at.isBefore(date.start());
                case LESS_OR_EQUAL -> at.isBefore(date.end());
                default -> throw new IllegalStateException(operator + " on a date");
            };
        }
        BoolOperand bool = (BoolOperand) operand;
        return ((Value.Bool) value).value() == bool.value();
    }

    private static boolean ordered(Operator operator, int comparison) {
        return switch (operator) {
            case EQUALS -> comparison == 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            default -> throw new IllegalStateException(operator + " on a number or date");
        };
    }

    private static BigDecimal amountOf(Value value) {
        if (value instanceof Value.Money money) {
            return money.amount();
        }
        return ((Value.Decimal) value).value();
    }

    /** The event's value as the explanation shows it: dates in the workspace zone, money with its currency, yes/no in words. */
    private static Label shown(Value value, FieldType type, ZoneId zone) {
        if (value.isEmpty()) {
            return Label.of("vazio", "empty");
        }
        if (value instanceof Value.Timestamp timestamp) {
            String text = type == FieldType.DATE ? DAY.format(timestamp.instant().atZone(zone))
                    : DAY_TIME.format(timestamp.instant().atZone(zone)) + " (" + zone.getId() + ")";
            return Label.of(text, text);
        }
        if (value instanceof Value.Money money) {
            String text = money.amount().toPlainString() + (money.currency() == null ? "" : " " + money.currency());
            return Label.of(text, text);
        }
        if (value instanceof Value.Bool bool) {
            return bool.value() ? Label.of("sim", "yes") : Label.of("não", "no");
        }
        return Label.of(value.text(), value.text());
    }

    /** The words of one condition's explanation. */
    private record Line(Label field, Label operator, String value) {

        private String said(boolean pt, boolean withValues) {
            String written = value == null ? "" : " " + (withValues ? value.strip() : "…");
            return (pt ? field.pt() + " " + operator.pt() : field.en() + " " + operator.en()) + written;
        }

        ConditionOutcome outcome(int index, Condition condition, Outcome outcome, Label shown, Label note) {
            boolean yes = outcome == Outcome.MATCHED;
            String notePt = note == null ? "" : "; " + note.pt();
            String noteEn = note == null ? "" : "; " + note.en();
            Label explanation = Label.of(said(true, true) + " — " + (yes ? "sim" : "não") + " (valor: " + shown.pt() + notePt + ")",
                    said(false, true) + " — " + (yes ? "yes" : "no") + " (value: " + shown.en() + noteEn + ")");
            Label log = Label.of(said(true, false) + " — " + (yes ? "sim" : "não") + (note == null ? "" : " (" + note.pt() + ")"),
                    said(false, false) + " — " + (yes ? "yes" : "no") + (note == null ? "" : " (" + note.en() + ")"));
            return new ConditionOutcome(index, condition, field, outcome, explanation, log, Optional.empty());
        }

        ConditionOutcome invalid(int index, Condition condition, MappingError bare, MappingError named) {
            Label explanation = Label.of(said(true, true) + " — condição inválida: " + bare.pt(),
                    said(false, true) + " — invalid condition: " + bare.en());
            Label log = Label.of(said(true, false) + " — condição inválida: " + bare.pt(),
                    said(false, false) + " — invalid condition: " + bare.en());
            return new ConditionOutcome(index, condition, field, Outcome.INVALID, explanation, log, Optional.of(named));
        }
    }
}
