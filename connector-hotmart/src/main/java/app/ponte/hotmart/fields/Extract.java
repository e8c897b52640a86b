package app.ponte.hotmart.fields;

import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * JSONPath reads that turn Hotmart's JSON into typed values. Tolerant as Hotmart's deliveries
 * require: numbers may come as numeric strings, dates as epoch milliseconds (number or numeric
 * string) or ISO-8601 strings, {@code null} and {@code ""} mean absent.
 */
public final class Extract {

    private Extract() {
    }

    /** The value at the first of {@code paths} that has one, read as {@code type}'s kind. */
    public static Extraction path(FieldType type, String... paths) {
        List<JsonPath> compiled = compile(paths);
        return payload -> compiled.stream().map(p -> as(type, payload.read(p))).filter(v -> !v.isEmpty())
                .findFirst().orElse(Value.empty());
    }

    /** Exact money: {@code base.value} with the ISO-4217 code at {@code base.currency_value}. */
    public static Extraction money(String base) {
        return money(base + ".value", base + ".currency_value");
    }

    /** Exact money from an amount path and a currency path (null currency when the source has none). */
    public static Extraction money(String amountPath, String currencyPath) {
        JsonPath amount = JsonPath.compile(amountPath);
        JsonPath currency = currencyPath == null ? null : JsonPath.compile(currencyPath);
        return payload -> {
            BigDecimal value = decimal(payload.read(amount));
            String code = currency == null ? null : text(payload.read(currency));
            return Value.money(value, code == null ? null : code.toUpperCase(Locale.ROOT));
        };
    }

    /** Digits only (phones, area codes): {@code "(21) 98765-1234"} → {@code "21987651234"}. */
    public static Extraction digits(String path) {
        JsonPath compiled = JsonPath.compile(path);
        return payload -> {
            String text = text(payload.read(compiled));
            return Value.text(text == null ? null : text.replaceAll("\\D", ""));
        };
    }

    /** No source in Hotmart's current webhook: always empty. */
    public static Extraction none() {
        return payload -> Value.empty();
    }

    static Value as(FieldType type, Object raw) {
        return switch (type.kind()) {
            case TEXT -> Value.text(text(raw));
            case DECIMAL -> Value.decimal(decimal(raw));
            case MONEY -> Value.money(decimal(raw), null);
            case TIMESTAMP -> Value.timestamp(instant(raw));
            case BOOLEAN -> Value.bool(bool(raw));
        };
    }

    /** A scalar as text, numbers without exponent; null for objects, arrays, null and blank strings. */
    static String text(Object raw) {
        if (raw instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (raw instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        return null;
    }

    static BigDecimal decimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof BigInteger || raw instanceof Short) {
            return new BigDecimal(raw.toString());
        }
        if (raw instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** Epoch milliseconds (number or numeric string) or an ISO-8601 instant / offset date-time. */
    static Instant instant(Object raw) {
        BigDecimal millis = decimal(raw);
        if (millis != null) {
            try {
                return Instant.ofEpochMilli(millis.toBigIntegerExact().longValueExact());
            } catch (ArithmeticException notWholeMillis) {
                return null;
            }
        }
        if (raw instanceof String s && !s.isBlank()) {
            try {
                return OffsetDateTime.parse(s.strip()).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
        return null;
    }

    static Boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.strip());
        }
        return null;
    }

    static List<JsonPath> compile(String... paths) {
        return Arrays.stream(paths).map(Objects::requireNonNull).map(JsonPath::compile).toList();
    }
}
