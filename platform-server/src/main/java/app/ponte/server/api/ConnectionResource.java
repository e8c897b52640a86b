package app.ponte.server.api;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.automation.ConnectionDisconnector;
import app.ponte.server.automation.TriggerSubscriptions;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.connection.WebhookConnections;
import app.ponte.server.connection.WebhookUrls;
import app.ponte.server.tenant.Role;
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
 * A workspace's connections. Secrets are never returned (nor, to members, webhook URLs); members
 * may list, owners and admins manage, each change in the workspace's audit log. A workspace the
 * caller does not belong to answers 404.
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
    private final WebhookUrls webhookUrls;
    private final WebhookConnections webhooks;
    private final ConnectionDisconnector disconnector;
    private final TriggerSubscriptions subscriptions;
    private final AuditLog audit;

    ConnectionResource(WorkspaceAccess access, SecurityIdentity identity, ConnectionStore connections, WebhookUrls webhookUrls,
            WebhookConnections webhooks, ConnectionDisconnector disconnector, TriggerSubscriptions subscriptions, AuditLog audit) {
        this.access = access;
        this.identity = identity;
        this.connections = connections;
        this.webhookUrls = webhookUrls;
        this.webhooks = webhooks;
        this.disconnector = disconnector;
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The workspace's connections (never their secrets)")
    public List<ConnectionView> list(@PathParam("workspaceId") UUID workspaceId) {
        return access.withCaller(identity, workspaceId, Need.MEMBER, caller -> connections.list(workspaceId).stream()
                .map(view -> caller.role() == Role.MEMBER ? view.withoutWebhookUrls() : view).toList());
    }

    @GET
    @Path("/{connectionId}")
    @Operation(summary = "One connection, with its webhook subscriptions (and the URL to register by hand where the vendor refused)")
    public ConnectionView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("connectionId") UUID connectionId) {
        return access.withCaller(identity, workspaceId, Need.MEMBER, caller -> connections.find(workspaceId, connectionId)
                .map(view -> caller.role() == Role.MEMBER ? view.withoutWebhookUrls() : view)
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
        WebhookConnection created = access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            WebhookConnections.Connected connected = webhooks.connectHotmart(workspaceId, caller.actor(), request.hottok(), request.name());
            return new WebhookConnection(connected.connection(), connected.webhookUrl(), hotmartInstructions());
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
            String token = connections.webhookToken(workspaceId, connectionId)
                    .orElseThrow(() -> new NotFoundException("this connection has no webhook URL"));
            return new WebhookUrl(webhookUrls.of(connection.connectorId(), token));
        });
    }

    @POST
    @Path("/{connectionId}/webhook/rotate")
    @Operation(summary = "Replace the webhook URL: the old one stops working at once (a vendor subscription is moved to the new one)")
    public WebhookUrl rotate(@PathParam("workspaceId") UUID workspaceId, @PathParam("connectionId") UUID connectionId) {
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            ConnectionView connection = connections.find(workspaceId, connectionId)
                    .orElseThrow(() -> new NotFoundException("connection not found"));
            String token = connections.rotateWebhookToken(workspaceId, connectionId).orElseThrow();
            audit.record(workspaceId, caller.actor(), "connection.webhook_rotated", Target.of("connection", connectionId),
                    Map.of("connector", connection.connectorId()));
            subscriptions.activated(connectionId);
            return new WebhookUrl(webhookUrls.of(connection.connectorId(), token));
        });
    }

    @DELETE
    @Path("/{connectionId}")
    @Operation(summary = "Disconnect: every active automation using it is paused, its vendor webhook removed, the stored secrets erased")
    public Response disconnect(@PathParam("workspaceId") UUID workspaceId, @PathParam("connectionId") UUID connectionId) {
        access.withCaller(identity, workspaceId, Need.ADMIN, caller -> disconnector.disconnect(workspaceId, connectionId, caller.actor())
                .orElseThrow(() -> new NotFoundException("connection not found")));
        return Response.noContent().build();
    }

    private static Map<String, String> hotmartInstructions() {
        return Map.of("pt", WebhookConnections.HOTMART_INSTRUCTIONS.pt(), "en", WebhookConnections.HOTMART_INSTRUCTIONS.en());
    }
}
