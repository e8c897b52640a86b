package app.ponte.api.action;

import app.ponte.api.field.FieldValues;
import java.util.Objects;

/** The outcome of one execution: outputs, or a classified failure. */
public sealed interface ActionResult {

    record Success(FieldValues outputs) implements ActionResult {
        public Success {
            Objects.requireNonNull(outputs);
        }
    }

    record Failed(Failure failure) implements ActionResult {
        public Failed {
            Objects.requireNonNull(failure);
        }
    }

    static ActionResult success(FieldValues outputs) {
        return new Success(outputs);
    }

    static ActionResult failed(Failure failure) {
        return new Failed(failure);
    }
}
