package app.ponte.server.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * "Integre Hotmart com Kommo" ({@code /integracoes/hotmart/kommo}): the triggers and actions of two
 * connectors with their fields, the templates between them and how to start, all read from the
 * catalogs.
 */
@Path("/integracoes/{first}/{second}")
@PermitAll
public class IntegrationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(PublicCatalog.Integration integration);
    }

    private final PublicCatalog catalog;

    IntegrationPage(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@PathParam("first") String first, @PathParam("second") String second, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        PublicCatalog.Integration integration = catalog.integration(first, second)
                .orElseThrow(() -> new NotFoundException("no integration between " + first + " and " + second));
        return Pages.ok(Templates.index(integration).setLocale(UiLocale.resolve(lang, headers)), lang);
    }
}
