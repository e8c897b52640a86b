package app.ponte.mapping;

import app.ponte.api.field.Choice;
import app.ponte.api.field.Field;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.api.field.ValueKind;
import app.ponte.mapping.MappingError.Code;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a rendered value into the value an action input of a given type takes, or says why it
 * cannot (see {@code docs/mapping.md}, "Conversão"). Exact: numbers and amounts are BigDecimal,
 * never binary floating point. Error messages never repeat the value (it may be personal data);
 * the preview shows it beside the error.
 */
public final class InputCoercion {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,15}");
    private static final DateTimeFormatter BR_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BR_MINUTE = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BR_SECOND = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> TRUE = List.of("true", "sim", "yes", "1", "verdadeiro", "s", "y");
    private static final List<String> FALSE = List.of("false", "nao", "no", "0", "falso", "n");

    private InputCoercion() {
    }

    /** The outcome: the typed value, or why the value does not fit. */
    public sealed interface Result {
        /** The typed value when the coercion worked; empty when it failed. */
        default Optional<Value> value() {
            return this instanceof Ok ok ? Optional.of(ok.coerced()) : Optional.empty();
        }

        default Optional<MappingError> error() {
            return this instanceof Failed failed ? Optional.of(failed.reason()) : Optional.empty();
        }

        record Ok(Value coerced) implements Result {
            public Ok {
                Objects.requireNonNull(coerced);
            }
        }

        record Failed(MappingError reason) implements Result {
            public Failed {
                Objects.requireNonNull(reason);
            }
        }
    }

    /** {@code value} for {@code input}, dates without a zone read in America/Sao_Paulo. */
    public static Result coerce(Value value, Field input) {
        return coerce(value, input, RenderContext.DEFAULT_ZONE);
    }

    /** {@code value} for {@code input}; dates written without a time zone are read in {@code zone}. */
    public static Result coerce(Value value, Field input, ZoneId zone) {
        return coerce(value, sourceTypeOf(value), input, zone);
    }

    /**
     * {@code value}, whose field type is {@code sourceType}, for {@code input}: a non-text value going
     * into a text input is written with its type's formatting rule (a DATE as DD/MM/AAAA in {@code zone}).
     */
    public static Result coerce(Value value, FieldType sourceType, Field input, ZoneId zone) {
        Objects.requireNonNull(value);
        Objects.requireNonNull(input);
        if (value.isEmpty()) {
            return ok(value);
        }
        FieldType target = input.type();
        return switch (target) {
            case TEXT, LONG_TEXT, PHONE, URL, IDENTIFIER, DYNAMIC_CHOICE -> ok(asText(value, sourceType, zone));
            case EMAIL -> email(value, sourceType, input, zone);
            case NUMBER, INTEGER -> number(value, input);
            case MONEY -> money(value, input);
            case DATE, DATE_TIME -> timestamp(value, input, zone);
            case BOOLEAN -> bool(value, input);
            case CHOICE -> choice(asText(value, sourceType, zone).text(), input);
        };
    }

    /** The field type a value of unknown origin is read as. */
    static FieldType sourceTypeOf(Value value) {
        if (value.isEmpty()) {
            return FieldType.TEXT;
        }
        return switch (value.kind()) {
            case TEXT -> FieldType.TEXT;
            case DECIMAL -> FieldType.NUMBER;
            case MONEY -> FieldType.MONEY;
            case TIMESTAMP -> FieldType.DATE_TIME;
            case BOOLEAN -> FieldType.BOOLEAN;
        };
    }

    private static Value asText(Value value, FieldType sourceType, ZoneId zone) {
        if (value instanceof Value.Text) {
            return value;
        }
        FieldType type = sourceType.accepts(value) ? sourceType : sourceTypeOf(value);
        return Value.text(type.render(value, zone));
    }

    private static Result email(Value value, FieldType sourceType, Field input, ZoneId zone) {
        String text = asText(value, sourceType, zone).text().strip();
        if (value.kind() == ValueKind.TEXT && EMAIL.matcher(text).matches()) {
            return ok(Value.text(text));
        }
        return fail(Code.INVALID_EMAIL, input, "não é um endereço de e-mail (nome@dominio.com).",
                "is not an e-mail address (name@domain.com).");
    }

    private static Result number(Value value, Field input) {
        Optional<BigDecimal> amount = amount(value);
        if (amount.isEmpty()) {
            return numberFailure(value, input, "um número", "a number");
        }
        if (input.type() == FieldType.INTEGER) {
            BigDecimal stripped = amount.get().stripTrailingZeros();
            if (stripped.scale() > 0) {
                return fail(Code.NOT_AN_INTEGER, input, "precisa de um número inteiro, e o valor tem casas decimais. "
                        + "Use um campo de número inteiro.", "needs a whole number, and the value has decimals. Use a whole-number field.");
            }
            return ok(Value.decimal(stripped.setScale(0)));
        }
        return ok(Value.decimal(amount.get()));
    }

    private static Result money(Value value, Field input) {
        if (value instanceof Value.Money) {
            return ok(value);
        }
        if (value instanceof Value.Decimal decimal) {
            return ok(Value.money(decimal.value(), null));
        }
        if (value instanceof Value.Text text) {
            Numbers.Parsed parsed = Numbers.parse(text.value());
            if (parsed.amount().isPresent()) {
                return ok(Value.money(parsed.amount().get(), parsed.currency()));
            }
        }
        return numberFailure(value, input, "um valor em dinheiro", "an amount of money");
    }

    private static Optional<BigDecimal> amount(Value value) {
        if (value instanceof Value.Decimal decimal) {
            return Optional.of(decimal.value());
        }
        if (value instanceof Value.Money money) {
            return Optional.of(money.amount());
        }
        if (value instanceof Value.Text text) {
            return Numbers.parse(text.value()).amount();
        }
        return Optional.empty();
    }

    private static Result numberFailure(Value value, Field input, String pt, String en) {
        if (value instanceof Value.Text text && Numbers.parse(text.value()).ambiguous()) {
            return fail(Code.INVALID_NUMBER, input, "o número é ambíguo (milhar ou decimal?). Escreva 1234, 1.234,00 ou 1234.00.",
                    "the number is ambiguous (thousands or decimals?). Write 1234, 1.234,00 or 1234.00.");
        }
        return fail(Code.INVALID_NUMBER, input, "precisa de " + pt + " (ex. 1234,56, 1.234,56, 1234.56 ou R$ 1.234,56).",
                "needs " + en + " (e.g. 1234,56, 1.234,56, 1234.56 or R$ 1.234,56).");
    }

    private static Result timestamp(Value value, Field input, ZoneId zone) {
        if (value instanceof Value.Timestamp) {
            return ok(value);
        }
        Optional<Instant> instant = Optional.empty();
        if (value instanceof Value.Decimal decimal) {
            instant = epochMillis(decimal.value().toPlainString());
        } else if (value instanceof Value.Text text) {
            instant = instant(text.value().strip(), zone);
        }
        return instant.<Result>map(i -> ok(Value.timestamp(i))).orElseGet(() -> fail(Code.INVALID_DATE, input,
                "precisa de uma data: DD/MM/AAAA, DD/MM/AAAA HH:mm, ISO-8601 (2025-03-01T02:30:00Z) ou milissegundos desde 1970.",
                "needs a date: DD/MM/YYYY, DD/MM/YYYY HH:mm, ISO-8601 (2025-03-01T02:30:00Z) or milliseconds since 1970."));
    }

    private static Optional<Instant> epochMillis(String text) {
        if (!EPOCH_MILLIS.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)));
    }

    static Optional<Instant> instant(String text, ZoneId zone) {
        Optional<Instant> millis = epochMillis(text);
        if (millis.isPresent()) {
            return millis;
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(text).atStartOfDay(zone).toInstant());
        } catch (DateTimeException ignored) {
            // next format
        }
        try {
            return Optional.of(LocalDate.parse(text, BR_DAY).atStartOfDay(zone).toInstant());
        } catch (DateTimeException ignored) {
            // next format
        }
        for (DateTimeFormatter format : List.of(BR_MINUTE, BR_SECOND)) {
            try {
                return Optional.of(LocalDateTime.parse(text, format).atZone(zone).toInstant());
            } catch (DateTimeException ignored) {
                // next format
            }
        }
        return Optional.empty();
    }

    private static Result bool(Value value, Field input) {
        if (value instanceof Value.Bool) {
            return ok(value);
        }
        if (value instanceof Value.Text || value instanceof Value.Decimal) {
            Optional<Boolean> word = yesNo(value.text());
            if (word.isPresent()) {
                return ok(Value.bool(word.get()));
            }
        }
        return fail(Code.INVALID_BOOLEAN, input, "precisa de sim ou não (sim/não, true/false, yes/no, 1/0).",
                "needs yes or no (sim/não, true/false, yes/no, 1/0).");
    }

    /** "sim", "não", "true", "false", "yes", "no", "1", "0", … (case and accents ignored), or empty when the word is none of them. */
    static Optional<Boolean> yesNo(String text) {
        String word = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (TRUE.contains(word)) {
            return Optional.of(true);
        }
        if (FALSE.contains(word)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static Result choice(String text, Field input) {
        String wanted = text.strip();
        for (Choice choice : input.choices()) {
            if (choice.value().equals(wanted)) {
                return ok(Value.text(choice.value()));
            }
        }
        for (Choice choice : input.choices()) {
            if (choice.value().equalsIgnoreCase(wanted) || choice.label().pt().equalsIgnoreCase(wanted)
                    || choice.label().en().equalsIgnoreCase(wanted)) {
                return ok(Value.text(choice.value()));
            }
        }
        String options = String.join(", ", input.choices().stream().map(c -> c.value() + " (" + c.label().pt() + ")").toList());
        String optionsEn = String.join(", ", input.choices().stream().map(c -> c.value() + " (" + c.label().en() + ")").toList());
        return fail(Code.INVALID_CHOICE, input, "precisa de uma das opções: " + options + ".", "needs one of: " + optionsEn + ".");
    }

    private static Result ok(Value value) {
        return new Result.Ok(value);
    }

    private static Result fail(Code code, Field input, String pt, String en) {
        return new Result.Failed(MappingError.of(code, input.label().pt() + " (" + input.key() + ") " + pt,
                input.label().en() + " (" + input.key() + ") " + en));
    }
}
