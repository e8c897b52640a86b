package app.ponte.server.web;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.server.connector.ConnectorService;
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

/** The public home page. */
@Path("/")
@PermitAll
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ConnectorDescriptor> connectors);
    }

    private final ConnectorService connectors;

    HomePage(ConnectorService connectors) {
        this.connectors = connectors;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        TemplateInstance page = Templates.index(connectors.descriptors()).setLocale(UiLocale.resolve(lang, headers));
        return Pages.ok(page, lang);
    }
}
