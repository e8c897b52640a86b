package app.ponte.server.web;

import app.ponte.api.catalog.CatalogView;
import app.ponte.server.template.AutomationTemplate;
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
import java.util.List;

/** A connector's public page ({@code /conectores/hotmart}): its triggers, actions, fields and integrations. */
@Path("/conectores/{id}")
@PermitAll
public class ConnectorPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(CatalogView connector, List<PublicCatalog.IntegrationLink> integrations,
                List<AutomationTemplate> templates);
    }

    private final PublicCatalog catalog;

    ConnectorPage(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@PathParam("id") String id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        CatalogView connector = catalog.connector(id).orElseThrow(() -> new NotFoundException("no connector " + id));
        TemplateInstance page = Templates.index(connector, catalog.integrationsOf(connector), catalog.templatesOf(id));
        return Pages.ok(page.setLocale(UiLocale.resolve(lang, headers)), lang);
    }
}
