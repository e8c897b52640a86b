package app.ponte.server.suggestion;

import java.util.LinkedHashMap;
import java.util.Map;

/** Problems of a submitted form, one code per field ({@code required}, {@code too_long}, …); pages word them. */
public final class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    void add(String field, String code) {
        byField.putIfAbsent(field, code);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The problem's code, or an empty string when the field is fine. */
    public String code(String field) {
        return byField.getOrDefault(field, "");
    }

    public Map<String, String> asMap() {
        return Map.copyOf(byField);
    }

    @Override
    public String toString() {
        return byField.toString();
    }
}
