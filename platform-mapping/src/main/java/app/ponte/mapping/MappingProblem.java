package app.ponte.mapping;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with a mapping, for one action input: found at save time by
 * {@link MappingValidator}, or at run/preview time by {@link MappingEngine}.
 *
 * @param inputKey the action input the problem is about (the editor highlights it)
 * @param error    what is wrong and what to fix, in pt-BR and English; its position is in that
 *                 input's template text
 */
public record MappingProblem(String inputKey, MappingError error) {

    public MappingProblem {
        Objects.requireNonNull(inputKey);
        Objects.requireNonNull(error);
    }

    public MappingError.Code code() {
        return error.code();
    }

    public String message(Locale locale) {
        return error.message(locale);
    }
}
