package app.ponte.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem detail, the body of every API error ({@code application/problem+json}).
 *
 * @param errors field-level problems of a validation error
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field's problem: {@code field} is a JSON-pointer-like path (e.g. {@code hottok}, {@code mapping.lead.name}). */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}
