package app.ponte.mapping;

import java.util.Objects;

/** A template that cannot be parsed; {@link #error()} says where and why, in both languages. */
public final class MappingException extends RuntimeException {

    private final transient MappingError error;

    public MappingException(MappingError error) {
        super(Objects.requireNonNull(error).en() + (error.position() >= 0 ? " (at " + error.position() + ")" : ""));
        this.error = error;
    }

    public MappingError error() {
        return error;
    }
}
