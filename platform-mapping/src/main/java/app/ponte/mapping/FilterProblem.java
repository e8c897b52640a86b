package app.ponte.mapping;

import java.util.Locale;
import java.util.Objects;

/**
 * What is wrong with a filter, for the editor and the API's field-level error list. Messages name
 * the condition by number (from 1) and field, in pt-BR and English, and never repeat the
 * condition's value (it may be personal data).
 *
 * @param index 0-based index of the condition in {@link Filter#conditions()}, or {@link #WHOLE_FILTER}
 *              when the problem is about the filter as a whole (too many conditions)
 * @param field the condition's field key, or the empty string for the whole filter
 * @param error code and message; its position is always {@link MappingError#NO_POSITION}
 */
public record FilterProblem(int index, String field, MappingError error) {

    public static final int WHOLE_FILTER = -1;

    public FilterProblem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(error);
        if (index < WHOLE_FILTER) {
            throw new IllegalArgumentException("index must be >= -1, was " + index);
        }
    }

    public MappingError.Code code() {
        return error.code();
    }

    public String message(Locale locale) {
        return error.message(locale);
    }
}
