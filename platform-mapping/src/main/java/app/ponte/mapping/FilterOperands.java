package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.field.Choice;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.ValueKind;
import app.ponte.mapping.Filter.Condition;
import app.ponte.mapping.Filter.Operator;
import app.ponte.mapping.MappingError.Code;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a condition's value for a field of a given kind, and says why it cannot. Shared by
 * {@link FilterValidator} (save time) and {@link FilterEngine} (run time), so both refuse the same
 * conditions with the same words. Messages never repeat the value: it may be personal data.
 */
final class FilterOperands {

    static final int MAX_CONDITIONS = 20;
    static final int MAX_VALUE_LENGTH = 500;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DIGITS_ONLY = Pattern.compile("-?\\d+");
    private static final DateTimeFormatter BR_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FilterOperands() {
    }

    /** A condition value read for comparison. */
    sealed interface Operand {
    }

    /** Text folded with {@link #fold}. */
    record TextOperand(String folded) implements Operand {
    }

    /** A number or amount; {@code currency} is the ISO code the value named (R$ → BRL), or null. */
    record NumberOperand(BigDecimal amount, String currency) implements Operand {
    }

    /**
     * A date: a whole day in the workspace zone ({@code start} inclusive, {@code end} exclusive) when the
     * value had no time of day, otherwise one instant ({@code start == end}).
     */
    record DateOperand(Instant start, Instant end, boolean wholeDay) implements Operand {
    }

    record BoolOperand(boolean value) implements Operand {
    }

    /** The outcome of reading a condition's value: the operand (null for an operator without value), or the error. */
    record Checked(Operand operand, MappingError error) {
        boolean ok() {
            return error == null;
        }
    }

    /**
     * Reads {@code condition}'s value for a field of {@code type} (its {@link FieldType#kind()} decides
     * the semantics; a CHOICE field also accepts a choice's label). The error, if any, is not yet
     * prefixed with the condition's number.
     *
     * @param field the trigger output, or null when only the value's type is known
     */
    static Checked check(Condition condition, Field field, FieldType type, ZoneId zone) {
        Operator operator = condition.operator();
        ValueKind kind = type.kind();
        if (!operator.appliesTo(kind)) {
            return invalid(Code.OPERATOR_NOT_APPLICABLE,
                    "\"" + operator.label(kind).pt() + "\" não se aplica a " + MappingValidator.kindLabel(kind).pt() + ". Para "
                            + MappingValidator.kindLabel(kind).pt() + " use: " + applicable(kind, true) + ".",
                    "\"" + operator.label(kind).en() + "\" does not apply to " + MappingValidator.kindLabel(kind).en() + ". For "
                            + MappingValidator.kindLabel(kind).en() + " use: " + applicable(kind, false) + ".");
        }
        if (!operator.needsValue()) {
            return new Checked(null, null);
        }
        Optional<String> value = condition.optionalValue();
        if (value.isEmpty()) {
            return invalid(Code.VALUE_MISSING, "\"" + operator.label(kind).pt() + "\" precisa de um valor para comparar.",
                    "\"" + operator.label(kind).en() + "\" needs a value to compare with.");
        }
        String text = value.get().strip();
        if (text.length() > MAX_VALUE_LENGTH) {
            return invalid(Code.VALUE_TOO_LONG,
                    "o valor tem " + text.length() + " caracteres; o máximo é " + MAX_VALUE_LENGTH + ".",
                    "the value has " + text.length() + " characters; the maximum is " + MAX_VALUE_LENGTH + ".");
        }
        return switch (kind) {
            case TEXT -> text(operator, text, field, type);
            case DECIMAL, MONEY -> number(text, kind);
            case TIMESTAMP -> date(text, zone);
            case BOOLEAN -> InputCoercion.yesNo(text).map(b -> new Checked(new BoolOperand(b), null))
                    .orElseGet(() -> invalid(Code.INVALID_BOOLEAN, "o valor precisa ser sim ou não (sim/não, true/false, yes/no, 1/0).",
                            "the value must be yes or no (sim/não, true/false, yes/no, 1/0)."));
        };
    }

    private static Checked text(Operator operator, String text, Field field, FieldType type) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return invalid(Code.VALUE_MISSING, "\"" + operator.label().pt() + "\" precisa de um valor com letras ou números.",
                    "\"" + operator.label().en() + "\" needs a value with letters or digits.");
        }
        boolean exact = operator == Operator.EQUALS || operator == Operator.NOT_EQUALS;
        if (type == FieldType.CHOICE && field != null && exact) {
            for (Choice choice : field.choices()) {
                if (fold(choice.value()).equals(folded) || fold(choice.label().pt()).equals(folded)
                        || fold(choice.label().en()).equals(folded)) {
                    return new Checked(new TextOperand(fold(choice.value())), null);
                }
            }
            return invalid(Code.INVALID_CHOICE,
                    "o valor precisa ser uma das opções: " + field.choices().stream().map(c -> c.label().pt())
                            .collect(Collectors.joining(", ")) + ".",
                    "the value must be one of: " + field.choices().stream().map(c -> c.label().en())
                            .collect(Collectors.joining(", ")) + ".");
        }
        return new Checked(new TextOperand(folded), null);
    }

    private static Checked number(String text, ValueKind kind) {
        Numbers.Parsed parsed = Numbers.parse(text);
        if (parsed.amount().isPresent()) {
            return new Checked(new NumberOperand(parsed.amount().get(), kind == ValueKind.MONEY ? parsed.currency() : null), null);
        }
        String whatPt = kind == ValueKind.MONEY ? "um valor em dinheiro" : "um número";
        String whatEn = kind == ValueKind.MONEY ? "an amount of money" : "a number";
        if (parsed.ambiguous()) {
            return invalid(Code.INVALID_NUMBER, "o número é ambíguo (milhar ou decimal?). Escreva 1234, 1.234,00 ou 1234.00.",
                    "the number is ambiguous (thousands or decimals?). Write 1234, 1.234,00 or 1234.00.");
        }
        return invalid(Code.INVALID_NUMBER, "o valor precisa ser " + whatPt + " (ex. 100, 100,50, 1.234,56 ou R$ 1.234,56).",
                "the value must be " + whatEn + " (e.g. 100, 100,50, 1.234,56 or R$ 1.234,56).");
    }

    private static Checked date(String text, ZoneId zone) {
        Optional<LocalDate> day = day(text);
        if (day.isPresent()) {
            Instant start = day.get().atStartOfDay(zone).toInstant();
            Instant end = day.get().plusDays(1).atStartOfDay(zone).toInstant();
            return new Checked(new DateOperand(start, end, true), null);
        }
        if (!DIGITS_ONLY.matcher(text).matches()) {
            Optional<Instant> instant = InputCoercion.instant(text, zone);
            if (instant.isPresent()) {
                return new Checked(new DateOperand(instant.get(), instant.get(), false), null);
            }
        }
        return invalid(Code.INVALID_DATE,
                "o valor precisa ser uma data: DD/MM/AAAA, AAAA-MM-DD, DD/MM/AAAA HH:mm ou ISO-8601 (2025-03-01T02:30:00Z).",
                "the value must be a date: DD/MM/YYYY, YYYY-MM-DD, DD/MM/YYYY HH:mm or ISO-8601 (2025-03-01T02:30:00Z).");
    }

    private static Optional<LocalDate> day(String text) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {BR_DAY, DateTimeFormatter.ISO_LOCAL_DATE}) {
            try {
                return Optional.of(LocalDate.parse(text, format));
            } catch (DateTimeException ignored) {
                // next format
            }
        }
        return Optional.empty();
    }

    /**
     * Text as filters compare it: accents removed ("São" → "sao"), lower case, trimmed, runs of
     * blanks as one space.
     */
    static String fold(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String applicable(ValueKind kind, boolean pt) {
        return Arrays.stream(Operator.values()).filter(o -> o.appliesTo(kind)).map(o -> pt ? o.label(kind).pt() : o.label(kind).en())
                .collect(Collectors.joining(", "));
    }

    /** "Condição 2 (Produto: Nome, product.name): " before {@code error}'s messages. */
    static MappingError forCondition(int index, String key, Label fieldLabel, MappingError error) {
        String named = fieldLabel == null ? key : fieldLabel.pt() + ", " + key;
        String namedEn = fieldLabel == null ? key : fieldLabel.en() + ", " + key;
        String ptPrefix = "Condição " + (index + 1) + (key.isEmpty() ? "" : " (" + named + ")") + ": ";
        String enPrefix = "Condition " + (index + 1) + (key.isEmpty() ? "" : " (" + namedEn + ")") + ": ";
        return error.prefixed(ptPrefix, enPrefix);
    }

    private static Checked invalid(Code code, String pt, String en) {
        return new Checked(null, MappingError.of(code, pt, en));
    }
}
