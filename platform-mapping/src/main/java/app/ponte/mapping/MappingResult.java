package app.ponte.mapping;

import app.ponte.api.action.ActionInput;
import java.util.List;
import java.util.Objects;

/** A rendered mapping: the action's typed input, or the input-level problems that stop it. */
public sealed interface MappingResult {

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** Every input rendered and coerced; required inputs filled. */
    record Ok(ActionInput input) implements MappingResult {
        public Ok {
            Objects.requireNonNull(input);
        }
    }

    /** At least one problem; the action must not run with this event. */
    record Invalid(List<MappingProblem> problems) implements MappingResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid needs at least one problem");
            }
        }
    }
}
