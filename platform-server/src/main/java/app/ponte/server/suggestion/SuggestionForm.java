package app.ponte.server.suggestion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a visitor typed into the suggestion form, as received (untrusted, possibly empty).
 *
 * @param connectors  ids of the catalog's connectors the visitor ticked
 * @param otherTools  tools the visitor typed, separated by commas or lines
 */
public record SuggestionForm(String name, String email, List<String> connectors, String otherTools, String useCase) {

    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int TOOL_MAX = 60;
    public static final int TOOLS_MAX = 10;
    public static final int USE_CASE_MIN = 20;
    public static final int USE_CASE_MAX = 4000;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern TOOL_SEPARATOR = Pattern.compile("[,;\\n]");

    public SuggestionForm {
        name = trim(name);
        email = trim(email);
        connectors = connectors == null ? List.of() : connectors.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        otherTools = trim(otherTools);
        useCase = useCase == null ? "" : useCase.strip();
    }

    /** The typed tools, one per entry, trimmed, without empties and repeats (case-insensitive). */
    public List<String> typedTools() {
        List<String> tools = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String tool : TOOL_SEPARATOR.split(otherTools)) {
            String trimmed = tool.strip();
            if (!trimmed.isEmpty() && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                tools.add(trimmed);
            }
        }
        return tools;
    }

    /**
     * Checks every field against the form's rules; an empty answer means the form is valid.
     *
     * @param catalog ids of the connectors a visitor may tick
     */
    public FormErrors validate(Set<String> catalog) {
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.add("name", "required");
        } else if (name.length() > NAME_MAX) {
            errors.add("name", "too_long");
        }
        if (email.isEmpty()) {
            errors.add("email", "required");
        } else if (email.length() > EMAIL_MAX) {
            errors.add("email", "too_long");
        } else if (!EMAIL.matcher(email).matches()) {
            errors.add("email", "invalid");
        }
        List<String> typed = typedTools();
        if (!catalog.containsAll(connectors)) {
            errors.add("tools", "unknown");
        } else if (connectors.isEmpty() && typed.isEmpty()) {
            errors.add("tools", "required");
        } else if (otherTools.length() > TOOLS_MAX * (TOOL_MAX + 2) || typed.stream().anyMatch(t -> t.length() > TOOL_MAX)) {
            errors.add("tools", "too_long");
        } else if (connectors.size() + typed.size() > TOOLS_MAX) {
            errors.add("tools", "too_many");
        }
        if (useCase.isEmpty()) {
            errors.add("use_case", "required");
        } else if (useCase.length() < USE_CASE_MIN) {
            errors.add("use_case", "too_short");
        } else if (useCase.length() > USE_CASE_MAX) {
            errors.add("use_case", "too_long");
        }
        return errors;
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
