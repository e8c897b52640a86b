package app.ponte.server.web;

import app.ponte.server.api.ProblemMappers;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors as people see them: a browser asking for a page (not under {@code /api/} or
 * {@code /hooks/}, accepting HTML) gets a friendly page in its language for 403, 404 and 500;
 * everything else keeps RFC 7807 problem details ({@link ProblemMappers}). An unexpected error is
 * logged with an id that the page (or problem) repeats, never with its message shown.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String reference);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (wantsPage(headers, uri) && (status == 403 || status == 404)) {
            return page(status, null, headers);
        }
        if (wantsPage(headers, uri) && status >= 500) {
            return unexpected(e, headers, uri);
        }
        return ProblemMappers.problem(e);
    }

    /** Security's refusal of a signed-in user (e.g. a page for operators only). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return wantsPage(headers, uri) ? page(403, null, headers) : ProblemMappers.problem(new jakarta.ws.rs.ForbiddenException());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri.getPath());
        if (wantsPage(headers, uri)) {
            return page(500, reference, headers);
        }
        return ProblemMappers.unexpected(reference);
    }

    private static Response page(int status, String reference, HttpHeaders headers) {
        Locale locale = UiLocale.resolve(null, headers);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, reference).setLocale(locale).render()).build();
    }

    /** A browser's page request: not the API nor a webhook, and HTML among what it accepts. */
    static boolean wantsPage(HttpHeaders headers, UriInfo uri) {
        String path = uri.getPath();
        if (path.startsWith("/api/") || path.startsWith("/hooks/") || path.startsWith("/q/")) {
            return false;
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }
}
