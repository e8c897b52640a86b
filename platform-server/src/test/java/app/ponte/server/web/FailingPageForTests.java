package app.ponte.server.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A page and an API call that fail unexpectedly, for {@link ErrorPagesTest} (test sources only). */
public final class FailingPageForTests {

    private FailingPageForTests() {
    }

    @Path("/teste-erro-inesperado")
    @PermitAll
    public static class Page {

        @GET
        @Produces(MediaType.TEXT_HTML)
        public String page() {
            throw new IllegalStateException("segredo interno que ninguém deve ver");
        }
    }

    @Path("/api/v1/teste-erro-inesperado")
    @PermitAll
    public static class Api {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String api() {
            throw new IllegalStateException("segredo interno que ninguém deve ver");
        }
    }
}
