package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.ValueKind;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An automation's filter: conditions on the trigger's fields that an event must meet before the
 * action runs (e.g. only product 123, only payments above R$ 100). Stored and exchanged as JSON:
 *
 * <pre>{@code
 * {"match": "all", "conditions": [
 *   {"field": "product.id", "operator": "equals", "value": "4812733"},
 *   {"field": "purchase.full_price.value", "operator": "greater_than", "value": "R$ 100,00"},
 *   {"field": "purchase.offer.coupon_code", "operator": "is_empty"}]}
 * }</pre>
 *
 * A filter without conditions matches every event. Checked at save time by {@link FilterValidator},
 * evaluated per event by {@link FilterEngine}; see {@code docs/mapping.md}, "Filtros".
 *
 * @param match      whether every condition ({@link Match#ALL}) or at least one ({@link Match#ANY})
 *                   must hold; absent in JSON means ALL
 * @param conditions the conditions, in the editor's order; absent in JSON means none
 */
public record Filter(Match match, List<Condition> conditions) {

    /** No conditions: every event passes. */
    public static final Filter NONE = new Filter(Match.ALL, List.of());

    public Filter {
        match = match == null ? Match.ALL : match;
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** Every condition must hold. */
    public static Filter all(Condition... conditions) {
        return new Filter(Match.ALL, List.of(conditions));
    }

    /** At least one condition must hold. */
    public static Filter any(Condition... conditions) {
        return new Filter(Match.ANY, List.of(conditions));
    }

    /** Whether the filter has no conditions (and so lets every event through). */
    @JsonIgnore
    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** How conditions combine. JSON: {@code "all"}, {@code "any"} (read case-insensitively). */
    public enum Match {
        ALL(Label.of("todas as condições", "all conditions")),
        ANY(Label.of("qualquer uma das condições", "any of the conditions"));

        private final Label label;

        Match(Label label) {
            this.label = label;
        }

        public Label label() {
            return label;
        }

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Match fromJson(String json) {
            for (Match match : values()) {
                if (match.json().equalsIgnoreCase(json == null ? "" : json.strip())) {
                    return match;
                }
            }
            throw new IllegalArgumentException("match must be \"all\" or \"any\", was: " + json);
        }
    }

    /**
     * One condition.
     *
     * @param field    the trigger output's key, e.g. {@code product.id}
     * @param operator what to check
     * @param value    what to compare with, as people write it ("123", "R$ 100,00", "31/03/2025",
     *                 "sim"); null (left out of the JSON) for {@code is_empty} and {@code is_not_empty}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String field, Operator operator, String value) {

        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            field = field.strip();
        }

        public static Condition of(String field, Operator operator, String value) {
            return new Condition(field, operator, value);
        }

        /** A condition without a value ({@code is_empty}, {@code is_not_empty}). */
        public static Condition of(String field, Operator operator) {
            return new Condition(field, operator, null);
        }

        /** The value when there is one that is not blank. */
        public Optional<String> optionalValue() {
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }

        /** Without the value: a condition's value may be personal data (e.g. an e-mail) and must not reach logs. */
        @Override
        public String toString() {
            return "Condition[" + field + " " + operator.json() + (value == null ? "" : " …") + "]";
        }
    }

    /**
     * What a condition checks. Each operator has a JSON name in snake_case, pt-BR and English labels
     * and the value kinds it applies to (the editor offers only those for a field; the validator
     * refuses the others).
     */
    public enum Operator {
        EQUALS("equals", true, all(), "é igual a", "equals", null, null),
        NOT_EQUALS("not_equals", true, all(), "não é igual a", "does not equal", null, null),
        CONTAINS("contains", true, EnumSet.of(ValueKind.TEXT), "contém", "contains", null, null),
        NOT_CONTAINS("not_contains", true, EnumSet.of(ValueKind.TEXT), "não contém", "does not contain", null, null),
        STARTS_WITH("starts_with", true, EnumSet.of(ValueKind.TEXT), "começa com", "starts with", null, null),
        ENDS_WITH("ends_with", true, EnumSet.of(ValueKind.TEXT), "termina com", "ends with", null, null),
        GREATER_THAN("greater_than", true, ordered(), "é maior que", "is greater than", "é depois de", "is after"),
        GREATER_OR_EQUAL("greater_or_equal", true, ordered(), "é maior ou igual a", "is greater than or equal to", "é em ou depois de",
                "is on or after"),
        LESS_THAN("less_than", true, ordered(), "é menor que", "is less than", "é antes de", "is before"),
        LESS_OR_EQUAL("less_or_equal", true, ordered(), "é menor ou igual a", "is less than or equal to", "é em ou antes de",
                "is on or before"),
        IS_EMPTY("is_empty", false, all(), "está vazio", "is empty", null, null),
        IS_NOT_EMPTY("is_not_empty", false, all(), "não está vazio", "is not empty", null, null);

        private final String json;
        private final boolean needsValue;
        private final Set<ValueKind> appliesTo;
        private final Label label;
        private final Label dateLabel;

        Operator(String json, boolean needsValue, Set<ValueKind> appliesTo, String pt, String en, String datePt, String dateEn) {
            this.json = json;
            this.needsValue = needsValue;
            this.appliesTo = Set.copyOf(appliesTo);
            this.label = Label.of(pt, en);
            this.dateLabel = datePt == null ? label : Label.of(datePt, dateEn);
        }

        private static Set<ValueKind> all() {
            return EnumSet.allOf(ValueKind.class);
        }

        private static Set<ValueKind> ordered() {
            return EnumSet.of(ValueKind.DECIMAL, ValueKind.MONEY, ValueKind.TIMESTAMP);
        }

        /** The JSON name, e.g. {@code greater_or_equal}. */
        @JsonValue
        public String json() {
            return json;
        }

        /** The operator named {@code json} (snake_case, case-insensitive). */
        @JsonCreator
        public static Operator fromJson(String json) {
            return find(json).orElseThrow(() -> new IllegalArgumentException("unknown filter operator " + json + "; use one of "
                    + Arrays.stream(values()).map(Operator::json).collect(Collectors.joining(", "))));
        }

        public static Optional<Operator> find(String json) {
            String wanted = json == null ? "" : json.strip();
            return Arrays.stream(values()).filter(o -> o.json.equalsIgnoreCase(wanted)).findFirst();
        }

        /** Whether the operator compares with a value ({@code is_empty} and {@code is_not_empty} do not). */
        public boolean needsValue() {
            return needsValue;
        }

        /** The value kinds of the fields this operator applies to. */
        public Set<ValueKind> appliesTo() {
            return appliesTo;
        }

        public boolean appliesTo(ValueKind kind) {
            return appliesTo.contains(kind);
        }

        /** What people call the operator, e.g. "é maior que" / "is greater than". */
        public Label label() {
            return label;
        }

        /** The label for a field of {@code kind}: dates read "é depois de" / "is after" rather than "é maior que". */
        public Label label(ValueKind kind) {
            return kind == ValueKind.TIMESTAMP ? dateLabel : label;
        }

        /** The operators the editor offers for a field of {@code type}, in this order. */
        public static List<Operator> applicableTo(FieldType type) {
            return Arrays.stream(values()).filter(o -> o.appliesTo(type.kind())).toList();
        }
    }
}
