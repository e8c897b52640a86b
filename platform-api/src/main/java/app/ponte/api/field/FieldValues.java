package app.ponte.api.field;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Values keyed by field key, in insertion order. Missing keys read as {@link Value#empty()}. */
public final class FieldValues {

    private final Map<String, Value> values;

    private FieldValues(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static FieldValues of(Map<String, Value> values) {
        return new FieldValues(new LinkedHashMap<>(values));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Value get(String key) {
        return values.getOrDefault(key, Value.empty());
    }

    public Map<String, Value> asMap() {
        return values;
    }

    /** These values with {@code more} added (and replacing equal keys). */
    public FieldValues with(FieldValues more) {
        Map<String, Value> merged = new LinkedHashMap<>(values);
        merged.putAll(more.values);
        return new FieldValues(merged);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Keys only: values may carry personal data and must not reach logs. */
    @Override
    public String toString() {
        return "FieldValues" + values.keySet();
    }

    public static final class Builder {
        private final Map<String, Value> values = new LinkedHashMap<>();

        public Builder put(String key, Value value) {
            values.put(Objects.requireNonNull(key), Objects.requireNonNull(value, key));
            return this;
        }

        public FieldValues build() {
            return new FieldValues(values);
        }
    }
}
