package app.ponte.server.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Renders pages, remembering an explicit language choice. */
final class Pages {

    private Pages() {
    }

    static Response ok(TemplateInstance page, String langParameter) {
        Response.ResponseBuilder response = Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        UiLocale.rememberChoice(langParameter).ifPresent(response::cookie);
        return response.build();
    }
}
