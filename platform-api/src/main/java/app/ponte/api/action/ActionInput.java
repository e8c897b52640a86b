package app.ponte.api.action;

import app.ponte.api.field.FieldValues;
import app.ponte.api.field.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** An action's inputs, resolved and typed by the runner. Connectors never evaluate templates. */
public record ActionInput(FieldValues values) {

    /** A required text input (the runner has checked that it is present). */
    public String text(String key) {
        return optionalText(key).orElseThrow(() -> new IllegalStateException("required input '" + key + "' is empty"));
    }

    public Optional<String> optionalText(String key) {
        Value value = values.get(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value.text());
    }

    public Optional<BigDecimal> optionalDecimal(String key) {
        Value value = values.get(key);
        if (value instanceof Value.Decimal decimal) {
            return Optional.of(decimal.value());
        }
        if (value instanceof Value.Money money) {
            return Optional.of(money.amount());
        }
        return Optional.empty();
    }

    public Optional<Instant> optionalInstant(String key) {
        return values.get(key) instanceof Value.Timestamp t ? Optional.of(t.instant()) : Optional.empty();
    }

    public Optional<Boolean> optionalBoolean(String key) {
        return values.get(key) instanceof Value.Bool b ? Optional.of(b.value()) : Optional.empty();
    }
}
