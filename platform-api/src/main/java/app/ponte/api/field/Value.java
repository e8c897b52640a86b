package app.ponte.api.field;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A typed field value. Money and numbers are exact decimals; dates are instants. */
public sealed interface Value {

    ValueKind kind();

    /** The value as plain text (no locale formatting); the empty string for {@link Empty}. */
    String text();

    default boolean isEmpty() {
        return this instanceof Empty;
    }

    static Value text(String text) {
        return text == null || text.isBlank() ? Empty.INSTANCE : new Text(text.strip());
    }

    static Value decimal(BigDecimal number) {
        return number == null ? Empty.INSTANCE : new Decimal(number);
    }

    static Value money(BigDecimal amount, String currency) {
        return amount == null ? Empty.INSTANCE : new Money(amount, currency);
    }

    static Value timestamp(Instant instant) {
        return instant == null ? Empty.INSTANCE : new Timestamp(instant);
    }

    static Value bool(Boolean value) {
        return value == null ? Empty.INSTANCE : new Bool(value);
    }

    static Value empty() {
        return Empty.INSTANCE;
    }

    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value);
        }

        @Override
        public ValueKind kind() {
            return ValueKind.TEXT;
        }

        @Override
        public String text() {
            return value;
        }
    }

    record Decimal(BigDecimal value) implements Value {
        public Decimal {
            Objects.requireNonNull(value);
        }

        @Override
        public ValueKind kind() {
            return ValueKind.DECIMAL;
        }

        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    /** @param currency ISO-4217 code, or null when the source does not say */
    record Money(BigDecimal amount, String currency) implements Value {
        public Money {
            Objects.requireNonNull(amount);
        }

        @Override
        public ValueKind kind() {
            return ValueKind.MONEY;
        }

        @Override
        public String text() {
            return amount.toPlainString();
        }
    }

    record Timestamp(Instant instant) implements Value {
        public Timestamp {
            Objects.requireNonNull(instant);
        }

        @Override
        public ValueKind kind() {
            return ValueKind.TIMESTAMP;
        }

        @Override
        public String text() {
            return instant.toString();
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public ValueKind kind() {
            return ValueKind.BOOLEAN;
        }

        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }

    /** No value: the source did not send one (never a made-up default). */
    final class Empty implements Value {
        static final Empty INSTANCE = new Empty();

        private Empty() {
        }

        @Override
        public ValueKind kind() {
            return null;
        }

        @Override
        public String text() {
            return "";
        }

        @Override
        public String toString() {
            return "Empty";
        }
    }
}
