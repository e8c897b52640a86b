package app.ponte.server.web;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.server.api.ConnectionResource.HotmartConnectionRequest;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.connection.WebhookConnections;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The workspace's connections: the list with each one's state ("precisa reconectar" with its
 * Reconnect button), "Conectar Hotmart" (the hottok, then the webhook URL to paste in Hotmart), and
 * a connection's page that waits, live, for its first event. Kommo connects through
 * {@link ConnectFlow}; disconnecting is {@link ConnectionActions}.
 */
@Path("/app/connections")
@Authenticated
public class ConnectionsPage {

    private static final String ID = "{id: [0-9a-fA-F-]{36}}";

    /** A connection as its row shows it, with how to connect it again. */
    public record Row(ConnectionView connection, String connectorName, String reconnectUrl) {
    }

    /** The Hotmart form's values and its field-level messages. */
    public record HotmartForm(String name, Map<String, String> errors) {

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AppShell shell, List<Row> rows, List<ConnectorDescriptor> oauthConnectors);

        static native TemplateInstance hotmart(AppShell shell, HotmartForm form);

        static native TemplateInstance connection(AppShell shell, Row row, URI webhookUrl, String instructions, boolean created);

        static native TemplateInstance connection$eventStatus(AppShell shell, Row row);
    }

    private final AppSession session;
    private final SecurityIdentity identity;
    private final ConnectionStore connections;
    private final WebhookConnections webhooks;
    private final ConnectorService connectors;
    private final Validator validator;

    ConnectionsPage(AppSession session, SecurityIdentity identity, ConnectionStore connections, WebhookConnections webhooks,
            ConnectorService connectors, Validator validator) {
        this.session = session;
        this.identity = identity;
        this.connections = connections;
        this.webhooks = webhooks;
        this.connectors = connectors;
        this.validator = validator;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "connections", lang, headers, Need.MEMBER, (caller, shell) -> {
            List<Row> rows = connections.list(caller.workspaceId()).stream().map(this::row).toList();
            List<ConnectorDescriptor> oauth = connectors.descriptors().stream().filter(c -> c.oauth().isPresent()).toList();
            return Pages.ok(Templates.list(shell, rows, oauth).setLocale(shell.locale()), lang);
        });
    }

    /** "Conectar Hotmart": the form that asks for the hottok (owners and admins). */
    @GET
    @Path("hotmart/new")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response hotmartForm(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "connections", lang, headers, Need.ADMIN, (caller, shell) ->
                Pages.ok(Templates.hotmart(shell, new HotmartForm("", Map.of())).setLocale(shell.locale()), lang));
    }

    /** Connects Hotmart with the hottok (the API's rules and messages), then shows the webhook URL to paste. */
    @POST
    @Path("hotmart")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response connectHotmart(@FormParam(FormTokens.FIELD) String formToken, @FormParam("hottok") String hottok,
            @FormParam("name") String name, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "connections", headers, Need.ADMIN, (caller, shell) -> {
            HotmartConnectionRequest request = new HotmartConnectionRequest(hottok == null ? "" : hottok.strip(), name);
            Map<String, String> errors = new LinkedHashMap<>();
            validator.validate(request).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<HotmartConnectionRequest> v) -> v.getPropertyPath().toString())
                            .thenComparing(ConstraintViolation::getMessage))
                    .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
            if (!errors.isEmpty()) {
                TemplateInstance page = Templates.hotmart(shell, new HotmartForm(name == null ? "" : name, errors));
                return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(page.setLocale(shell.locale()).render()).build();
            }
            WebhookConnections.Connected connected = webhooks.connectHotmart(caller.workspaceId(), caller.actor(), request.hottok(), name);
            return Response.seeOther(URI.create("/app/connections/" + connected.connection().id() + "?created=true")).build();
        });
    }

    /**
     * A connection: its state and, for owners and admins, its webhook URL with where to paste it;
     * until the first event arrives, "aguardando o primeiro evento…", updated live.
     */
    @GET
    @Path(ID)
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response connection(@PathParam("id") UUID id, @QueryParam("created") boolean created, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        return session.page(identity, "connections", lang, headers, Need.MEMBER, (caller, shell) -> {
            ConnectionView connection = connections.find(caller.workspaceId(), id).orElseThrow(NotFoundException::new);
            URI url = shell.manages() ? webhooks.webhookUrl(caller.workspaceId(), connection).orElse(null) : null;
            String instructions = "hotmart".equals(connection.connectorId())
                    ? WebhookConnections.HOTMART_INSTRUCTIONS.in(shell.locale()) : null;
            return Pages.ok(Templates.connection(shell, row(connection), url, instructions, created).setLocale(shell.locale()), lang);
        });
    }

    /** The live part of a connection's page: whether an event has arrived (polled by the page while it waits). */
    @GET
    @Path(ID + "/event-status")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response eventStatus(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return session.page(identity, "connections", null, headers, Need.MEMBER, (caller, shell) -> {
            ConnectionView connection = connections.find(caller.workspaceId(), id).orElseThrow(NotFoundException::new);
            return Pages.ok(Templates.connection$eventStatus(shell, row(connection)).setLocale(shell.locale()), null);
        });
    }

    private Row row(ConnectionView connection) {
        ConnectorDescriptor connector = connectors.descriptor(connection.connectorId()).orElse(null);
        String name = connector == null ? connection.connectorId() : connector.name();
        String reconnect = connector != null && connector.oauth().isPresent()
                ? "/app/connections/" + connector.id() + "/connect" : "/app/connections/" + connection.connectorId() + "/new";
        return new Row(connection, name, reconnect);
    }
}
