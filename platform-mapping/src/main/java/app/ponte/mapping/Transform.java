package app.ponte.mapping;

import app.ponte.api.Label;
import app.ponte.api.field.FieldType;
import app.ponte.api.field.Value;
import app.ponte.api.field.ValueKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named, typed transform usable in a mapping expression ({@code {{ buyer.name | first_name }}}).
 * Transforms are data: the parser, the validator, the editor and the documentation read the same
 * values. A transform only sees the value it is given (and its own arguments): no field access, no
 * reflection, no method calls.
 *
 * @param name        stable lower-case snake_case name used in expressions; never renamed
 * @param accepts     the value kinds it applies to (validation rejects others); an empty value is
 *                    always accepted
 * @param output      what it returns
 * @param parameters  one label per argument, in order (what the editor shows)
 * @param minArgs     how many arguments are required (the rest of {@code parameters} are optional)
 * @param description what it does, for the editor and the documentation
 * @param example     a worked example, checked by the tests and shown in the documentation
 * @param binder      checks the arguments once, at parse time, and returns the function to apply
 */
public record Transform(String name, Set<ValueKind> accepts, Output output, List<Label> parameters, int minArgs,
        Label description, Example example, Binder binder) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public Transform {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("transform name must be lower-case snake_case, was: " + name);
        }
        accepts = accepts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(accepts));
        Objects.requireNonNull(output);
        parameters = List.copyOf(parameters);
        if (minArgs < 0 || minArgs > parameters.size()) {
            throw new IllegalArgumentException("minArgs of " + name + " out of range");
        }
        Objects.requireNonNull(description);
        Objects.requireNonNull(example);
        Objects.requireNonNull(binder);
    }

    public int maxArgs() {
        return parameters.size();
    }

    public boolean accepts(ValueKind kind) {
        return accepts.contains(kind);
    }

    /**
     * The field type a value has after this transform, when it had {@code in} before: text for
     * {@link Output#TEXT}, unchanged for {@link Output#SAME}.
     */
    public FieldType resultType(FieldType in) {
        return output == Output.SAME ? in : FieldType.TEXT;
    }

    /** What a transform returns. */
    public enum Output {
        /** always text (or empty) */
        TEXT,
        /** the value it was given, typed as it was (or a text in its place, e.g. {@code default}) */
        SAME
    }

    /**
     * A worked example: {@code {{ field | call }}} applied to {@code input} of type {@code type}
     * renders {@code result} (America/Sao_Paulo, pt-BR).
     */
    public record Example(Value input, FieldType type, String call, String result) {
        public Example {
            Objects.requireNonNull(input);
            Objects.requireNonNull(type);
            Objects.requireNonNull(call);
            Objects.requireNonNull(result);
        }
    }

    /** Checks a call's arguments (already counted) and returns the function that applies it. */
    @FunctionalInterface
    public interface Binder {
        Applied bind(List<String> args) throws InvalidArgument;
    }

    /**
     * A transform bound to its arguments.
     */
    @FunctionalInterface
    public interface Applied {
        /**
         * @param value the current value (never null; may be {@link Value#empty()})
         * @param type  the value's current field type: its formatting rule when it must become text
         * @param context the workspace's zone and language
         */
        Value apply(Value value, FieldType type, RenderContext context);
    }

    /** An argument the transform cannot work with (e.g. an invalid date pattern), in both languages. */
    public static final class InvalidArgument extends Exception {
        private final String pt;
        private final String en;

        public InvalidArgument(String pt, String en) {
            super(en, null, false, false);
            this.pt = pt;
            this.en = en;
        }

        public String pt() {
            return pt;
        }

        public String en() {
            return en;
        }
    }
}
