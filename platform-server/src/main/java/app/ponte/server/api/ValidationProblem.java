package app.ponte.server.api;

import java.util.List;

/** A request that is well-formed but not acceptable, with what is wrong per field (answered 400). */
public class ValidationProblem extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public ValidationProblem(String message, List<Problem.FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public static ValidationProblem field(String field, String message) {
        return new ValidationProblem("Alguns campos não são válidos.", List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
