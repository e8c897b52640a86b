package app.ponte.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An automation's mapping: for each action input key, the template text that fills it (e.g.
 * {@code "lead.name" → "{{ buyer.name }}"}). Inputs not listed are left empty. Insertion order is
 * kept (the editor's order).
 */
public record Mapping(Map<String, String> templates) {

    public Mapping {
        Map<String, String> copy = new LinkedHashMap<>();
        templates.forEach((key, text) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(text, key)));
        templates = Collections.unmodifiableMap(copy);
    }

    public static Mapping of(Map<String, String> templates) {
        return new Mapping(templates);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> template(String inputKey) {
        return Optional.ofNullable(templates.get(inputKey));
    }

    /** Builds a mapping input by input. */
    public static final class Builder {
        private final Map<String, String> templates = new LinkedHashMap<>();

        public Builder map(String inputKey, String template) {
            templates.put(inputKey, template);
            return this;
        }

        public Mapping build() {
            return new Mapping(templates);
        }
    }
}
