package app.ponte.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed mapping expression: literal text and {@code {{ field.key | transform }}} blocks, in
 * order. Immutable; parse once ({@link #parse(String)}), render many times
 * ({@link MappingEngine#render}). Two templates are equal when their source texts are.
 */
public final class MappingTemplate {

    private final String source;
    private final List<Part> parts;

    MappingTemplate(String source, List<Part> parts) {
        this.source = Objects.requireNonNull(source);
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses {@code text} with the standard transforms; throws {@link MappingException} when it is not valid.
     * A text parsed before gives the same (immutable) template again: the runner renders an automation's
     * few templates for every event.
     */
    public static MappingTemplate parse(String text) {
        MappingTemplate known = PARSED.get(text);
        if (known != null) {
            return known;
        }
        MappingTemplate parsed = MappingParser.parse(text, TransformRegistry.standard());
        if (PARSED.size() >= PARSED_MAX) {
            PARSED.clear(); // bounded: templates are tenants' text; starting over now and then costs one parse each
        }
        PARSED.put(text, parsed);
        return parsed;
    }

    private static final int PARSED_MAX = 20_000;
    private static final Map<String, MappingTemplate> PARSED = new ConcurrentHashMap<>();

    public static MappingTemplate parse(String text, TransformRegistry transforms) {
        return MappingParser.parse(text, transforms);
    }

    public String source() {
        return source;
    }

    public List<Part> parts() {
        return parts;
    }

    public List<Expression> expressions() {
        return parts.stream().filter(Expression.class::isInstance).map(Expression.class::cast).toList();
    }

    /** The field keys the template reads, in order of first use. */
    public Set<String> fieldKeys() {
        Set<String> keys = new LinkedHashSet<>();
        expressions().forEach(e -> keys.add(e.fieldKey()));
        return keys;
    }

    /** Whether the template is nothing (or only blanks). */
    public boolean isBlank() {
        return parts.stream().allMatch(p -> p instanceof Literal l && l.text().isBlank());
    }

    /** Whether the template has text but no expression. */
    public boolean isLiteralOnly() {
        return !isBlank() && expressions().isEmpty();
    }

    /**
     * The template's only expression, when it has exactly one and any literal text around it is
     * blank: such a template keeps its value's type (money stays money).
     */
    public java.util.Optional<Expression> singleExpression() {
        List<Expression> expressions = expressions();
        boolean blankAround = parts.stream().allMatch(p -> p instanceof Expression || ((Literal) p).text().isBlank());
        return expressions.size() == 1 && blankAround ? java.util.Optional.of(expressions.get(0)) : java.util.Optional.empty();
    }

    /** The literal text of a literal-only template (as written, stripped). */
    public String literalText() {
        StringBuilder out = new StringBuilder();
        parts.forEach(p -> {
            if (p instanceof Literal l) {
                out.append(l.text());
            }
        });
        return out.toString().strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MappingTemplate that && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return "MappingTemplate[" + source + "]";
    }

    /** One piece of a template. */
    public sealed interface Part permits Literal, Expression {
        /** 0-based offset of the part in the source text. */
        int position();
    }

    /** Text copied as is. */
    public record Literal(String text, int position) implements Part {
        public Literal {
            Objects.requireNonNull(text);
        }
    }

    /** {@code {{ fieldKey | t1 | t2:"arg" }}}: a trigger field's value passed through transforms, left to right. */
    public record Expression(String fieldKey, List<TransformCall> transforms, int position) implements Part {
        public Expression {
            Objects.requireNonNull(fieldKey);
            transforms = List.copyOf(transforms);
        }
    }

    /**
     * One transform call, its arguments checked and bound at parse time.
     *
     * @param position 0-based offset of the transform's name in the source text
     */
    public record TransformCall(Transform transform, List<String> args, int position, Transform.Applied applied) {
        public TransformCall {
            Objects.requireNonNull(transform);
            args = List.copyOf(args);
            Objects.requireNonNull(applied);
        }

        public String name() {
            return transform.name();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TransformCall that && transform.name().equals(that.transform.name())
                    && args.equals(that.args) && position == that.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(transform.name(), args, position);
        }

        @Override
        public String toString() {
            return transform.name() + args;
        }
    }
}
