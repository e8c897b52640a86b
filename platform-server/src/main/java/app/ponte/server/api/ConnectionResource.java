package app.ponte.server.api;

import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.connection.WebhookConnections;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's connections. Secrets are never returned; members may list, owners and admins
 * manage. A workspace the caller does not belong to answers 404.
 */
@Path("/api/v1/workspaces/{workspaceId}/connections")
@Authenticated
@Blocking
@Tag(name = "Connections")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    /** What the tenant copies from Hotmart's webhook settings. */
    public record HotmartConnectionRequest(
            @NotBlank(message = "Informe o hottok da Hotmart.")
            @Size(min = 8, max = 200, message = "O hottok tem entre 8 e 200 caracteres.")
            @Pattern(regexp = "\\S+", message = "O hottok não tem espaços.") String hottok,
            @Size(max = 120, message = "O nome tem no máximo 120 caracteres.") String name) {

        @Override
        public String toString() {
            return "HotmartConnectionRequest[name=" + name + ", hottok=***]";
        }
    }

    /** A connection that receives webhooks, with the URL to paste at the vendor. */
    public record WebhookConnection(ConnectionView connection, URI webhookUrl, Map<String, String> instructions) {
    }

    /** A connection's webhook URL. */
    public record WebhookUrl(URI url) {
    }

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final ConnectionStore connections;
    private final WebhookConnections webhooks;

    ConnectionResource(WorkspaceAccess access, SecurityIdentity identity, ConnectionStore connections, WebhookConnections webhooks) {
        this.access = access;
        this.identity = identity;
        this.connections = connections;
        this.webhooks = webhooks;
    }

    @GET
    @Operation(summary = "The workspace's connections (never their secrets)")
    public List<ConnectionView> list(@PathParam("workspaceId") UUID workspaceId) {
        return access.within(identity, workspaceId, Need.MEMBER, () -> connections.list(workspaceId));
    }

    @GET
    @Path("/{connectionId}")
    @Operation(summary = "One connection")
    public ConnectionView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("connectionId") UUID connectionId) {
        return access.within(identity, workspaceId, Need.MEMBER, () -> connections.find(workspaceId, connectionId)
                .orElseThrow(() -> new NotFoundException("connection not found")));
    }

    @POST
    @Path("/hotmart")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Connect Hotmart with the account's hottok; answers the webhook URL to paste in Hotmart")
    public Response connectHotmart(@PathParam("workspaceId") UUID workspaceId, @Valid HotmartConnectionRequest request) {
        if (request == null) {
            throw ValidationProblem.field("hottok", "Informe o hottok da Hotmart.");
        }
        WebhookConnection created = access.within(identity, workspaceId, Need.ADMIN, () -> {
            WebhookConnections.Connected connected = webhooks.connectHotmart(workspaceId, request.hottok(), request.name());
            return new WebhookConnection(connected.connection(), connected.webhookUrl(), Map.of(
                    "pt", WebhookConnections.HOTMART_INSTRUCTIONS.pt(), "en", WebhookConnections.HOTMART_INSTRUCTIONS.en()));
        });
        return Response.created(URI.create("/api/v1/workspaces/" + workspaceId + "/connections/" + created.connection().id()))
                .entity(created).build();
    }

    @GET
    @Path("/{connectionId}/webhook")
    @Operation(summary = "The connection's webhook URL (owners and admins)")
    public WebhookUrl webhook(@PathParam("workspaceId") UUID workspaceId, @PathParam("connectionId") UUID connectionId) {
        return access.within(identity, workspaceId, Need.ADMIN, () -> {
            ConnectionView connection = connections.find(workspaceId, connectionId)
                    .orElseThrow(() -> new NotFoundException("connection not found"));
            return new WebhookUrl(webhooks.webhookUrl(workspaceId, connection)
                    .orElseThrow(() -> new NotFoundException("this connection has no webhook URL")));
        });
    }

    @POST
    @Path("/{connectionId}/webhook/rotate")
    @Operation(summary = "Replace the webhook URL: the old one stops working at once")
    public WebhookUrl rotate(@PathParam("workspaceId") UUID workspaceId, @PathParam("connectionId") UUID connectionId) {
        return access.within(identity, workspaceId, Need.ADMIN, () -> {
            ConnectionView connection = connections.find(workspaceId, connectionId)
                    .orElseThrow(() -> new NotFoundException("connection not found"));
            return new WebhookUrl(webhooks.rotate(workspaceId, connection).orElseThrow());
        });
    }

    @DELETE
    @Path("/{connectionId}")
    @Operation(summary = "Disconnect: the stored secrets are erased")
    public Response disconnect(@PathParam("workspaceId") UUID workspaceId, @PathParam("connectionId") UUID connectionId) {
        boolean done = access.within(identity, workspaceId, Need.ADMIN, () -> connections.disconnect(workspaceId, connectionId));
        if (!done) {
            throw new NotFoundException("connection not found");
        }
        return Response.noContent().build();
    }
}
