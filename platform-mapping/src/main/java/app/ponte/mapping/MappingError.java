package app.ponte.mapping;

import app.ponte.api.Label;
import java.util.Locale;
import java.util.Objects;

/**
 * What is wrong with a mapping expression, a rendered value or a whole mapping, in pt-BR and English.
 *
 * @param code     stable, machine-readable kind of error (the editor may react to it)
 * @param position 0-based character offset in the template text where the problem starts, or
 *                 {@link #NO_POSITION} when the error is not about one place in the text
 * @param pt       the message in Portuguese (Brazil), saying what to fix
 * @param en       the same message in English
 */
public record MappingError(Code code, int position, String pt, String en) {

    public static final int NO_POSITION = -1;

    public MappingError {
        Objects.requireNonNull(code);
        Objects.requireNonNull(pt);
        Objects.requireNonNull(en);
        if (position < NO_POSITION) {
            throw new IllegalArgumentException("position must be >= -1, was " + position);
        }
    }

    static MappingError at(Code code, int position, String pt, String en) {
        return new MappingError(code, position, pt, en);
    }

    static MappingError of(Code code, String pt, String en) {
        return new MappingError(code, NO_POSITION, pt, en);
    }

    public Label label() {
        return Label.of(pt, en);
    }

    /** The message for {@code locale}: English for any English locale, Portuguese otherwise. */
    public String message(Locale locale) {
        return label().in(locale);
    }

    /** The same error with {@code prefix} (e.g. the input's name) before each message. */
    MappingError prefixed(String ptPrefix, String enPrefix) {
        return new MappingError(code, position, ptPrefix + pt, enPrefix + en);
    }

    /** The kinds of errors. */
    public enum Code {
        // template syntax
        TEMPLATE_TOO_LONG,
        UNTERMINATED_EXPRESSION,
        EMPTY_EXPRESSION,
        BAD_FIELD_KEY,
        UNEXPECTED_CHARACTER,
        MISSING_TRANSFORM,
        UNKNOWN_TRANSFORM,
        WRONG_ARGUMENT_COUNT,
        BAD_ARGUMENT_SYNTAX,
        UNTERMINATED_STRING,
        INVALID_ARGUMENT,
        // coercion into an input's type
        NOT_TEXT,
        INVALID_EMAIL,
        INVALID_NUMBER,
        NOT_AN_INTEGER,
        INVALID_DATE,
        INVALID_BOOLEAN,
        INVALID_CHOICE,
        // whole mapping
        UNKNOWN_INPUT,
        UNKNOWN_FIELD,
        TRANSFORM_NOT_APPLICABLE,
        REQUIRED_INPUT_MISSING,
        REQUIRED_INPUT_EMPTY,
        INCOMPATIBLE_TYPE,
        TEXT_INTO_TYPED_INPUT,
        // filters (a condition's field is checked with UNKNOWN_FIELD, its value with INVALID_NUMBER,
        // INVALID_DATE, INVALID_BOOLEAN or INVALID_CHOICE)
        TOO_MANY_CONDITIONS,
        OPERATOR_NOT_APPLICABLE,
        VALUE_MISSING,
        VALUE_TOO_LONG
    }
}
