package app.ponte.server.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns errors of {@code /api/**} into RFC 7807 problem details. */
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

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
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

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
