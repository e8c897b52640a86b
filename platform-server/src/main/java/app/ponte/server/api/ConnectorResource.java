package app.ponte.server.api;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.Label;
import app.ponte.api.catalog.CatalogView;
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

/** The public connector catalog (no login): the product page and the mapping editor read it. */
@Path("/api/v1/connectors")
@PermitAll
@Tag(name = "Catalog")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    /** A connector in the list: what it is and the names of its triggers and actions. */
    public record ConnectorSummary(String id, String name, String description, String icon, String category,
            CatalogView.AuthView auth, List<Entry> triggers, List<Entry> actions) {

        /** A trigger's or action's key and label. */
        public record Entry(String key, Label label) {
        }

        static ConnectorSummary of(ConnectorDescriptor descriptor) {
            CatalogView view = CatalogView.of(descriptor);
            return new ConnectorSummary(view.id(), view.name(), view.description(), view.icon(), view.category(), view.auth(),
                    view.triggers().stream().map(t -> new Entry(t.key(), t.label())).toList(),
                    view.actions().stream().map(a -> new Entry(a.key(), a.label())).toList());
        }
    }

    private final ConnectorService connectors;

    ConnectorResource(ConnectorService connectors) {
        this.connectors = connectors;
    }

    @GET
    @Operation(summary = "Every connector Ponte offers, with the names of its triggers and actions")
    public List<ConnectorSummary> list() {
        return connectors.descriptors().stream().map(ConnectorSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One connector's full catalog: triggers with their output fields, actions with their inputs")
    public CatalogView get(@PathParam("id") String id) {
        return connectors.descriptor(id).map(CatalogView::of)
                .orElseThrow(() -> new NotFoundException("no connector with id '" + id + "'"));
    }
}
