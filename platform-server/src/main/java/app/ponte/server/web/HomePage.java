package app.ponte.server.web;

import app.ponte.api.catalog.CatalogView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The public home page: what Ponte does, its connectors and their integrations. */
@Path("/")
@PermitAll
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<CatalogView> connectors, List<PublicCatalog.Integration> integrations);
    }

    private final PublicCatalog catalog;

    HomePage(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        List<CatalogView> connectors = catalog.connectors();
        // every pair of connectors that has templates, in the direction the templates run
        List<PublicCatalog.Integration> integrations = connectors.stream()
                .flatMap(first -> connectors.stream().map(second -> catalog.integration(first.id(), second.id())))
                .flatMap(java.util.Optional::stream)
                .filter(integration -> integration.templates().stream()
                        .anyMatch(t -> t.trigger().connector().equals(integration.first().id())))
                .toList();
        TemplateInstance page = Templates.index(connectors, integrations).setLocale(UiLocale.resolve(lang, headers));
        return Pages.ok(page, lang);
    }
}
