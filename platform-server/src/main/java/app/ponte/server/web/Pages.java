package app.ponte.server.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders pages, remembering an explicit language choice. */
final class Pages {

    private Pages() {
    }

    static Response ok(TemplateInstance page, String langParameter) {
        return page(200, page, langParameter).build();
    }

    /** A rendered page with any status, for callers that add cookies or headers. */
    static Response.ResponseBuilder page(int status, TemplateInstance page, String langParameter) {
        Response.ResponseBuilder response = Response.status(status).entity(page.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        UiLocale.rememberChoice(langParameter).ifPresent(response::cookie);
        return response;
    }
}
