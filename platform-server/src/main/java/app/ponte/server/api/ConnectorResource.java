package app.ponte.server.api;

import app.ponte.api.AuthSpec;
import app.ponte.api.ConnectorDescriptor;
import app.ponte.server.connector.ConnectorService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public connector catalog (no login). */
@Path("/api/v1/connectors")
@PermitAll
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    /** A connector as the API shows it. */
    public record ConnectorView(String id, String name, String description, String category, String auth) {

        static ConnectorView of(ConnectorDescriptor descriptor) {
            String auth = descriptor.auth() instanceof AuthSpec.OAuth2AuthorizationCode ? "oauth2" : "webhook_secret";
            return new ConnectorView(descriptor.id(), descriptor.name(), descriptor.description(),
                    descriptor.category().name().toLowerCase(java.util.Locale.ROOT), auth);
        }
    }

    private final ConnectorService connectors;

    ConnectorResource(ConnectorService connectors) {
        this.connectors = connectors;
    }

    @GET
    @Operation(summary = "Every connector Ponte offers")
    public List<ConnectorView> list() {
        return connectors.descriptors().stream().map(ConnectorView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One connector")
    public ConnectorView get(@PathParam("id") String id) {
        return connectors.descriptor(id).map(ConnectorView::of)
                .orElseThrow(() -> new NotFoundException("no connector with id '" + id + "'"));
    }
}
