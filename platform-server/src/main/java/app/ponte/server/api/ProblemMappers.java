package app.ponte.server.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns errors of {@code /api/**} into RFC 7807 problem details (web exceptions: see the web package's ErrorPages). */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response validation(ValidationProblem problem) {
        return respond(new Problem("about:blank", "Dados inválidos", 400, problem.getMessage(), problem.errors()));
    }

    @ServerExceptionMapper
    public Response constraints(ConstraintViolationException e) {
        return respond(new Problem("about:blank", "Dados inválidos", 400, "Alguns campos não são válidos.",
                e.getConstraintViolations().stream()
                        .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                        .toList()));
    }

    /**
     * A {@link WebApplicationException} as a problem; the mapper that calls it (the web package's
     * {@code ErrorPages}) answers browsers with a page instead.
     */
    public static Response problem(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = switch (status) {
            case 401 -> "Não autenticado";
            case 403 -> "Sem permissão";
            case 404 -> "Não encontrado";
            case 409 -> "Conflito";
            default -> Response.Status.fromStatusCode(status) == null ? "Erro" : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
        return respond(Problem.of(status, title, e.getMessage()));
    }

    /** An unexpected error: no detail beyond the reference under which it was logged. */
    public static Response unexpected(String reference) {
        return respond(Problem.of(500, "Erro inesperado", "Algo deu errado do nosso lado (referência " + reference + ")."));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
