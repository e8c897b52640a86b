package app.ponte.server.web;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.ConnectorException;
import app.ponte.api.oauth.ConnectedAccount;
import app.ponte.api.oauth.OAuthClient;
import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.automation.TriggerSubscriptions;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.connection.NewConnection;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connection.OAuthStates;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.SignedInUser;
import app.ponte.server.tenant.TenantContext;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finishes an OAuth connect flow: checks the single-use state (same user, same browser, not
 * expired), lets the connector validate the vendor's parameters and exchange the code, and stores
 * the connection encrypted in the workspace the flow was started from.
 */
@Authenticated
@Path("/oauth")
public class OAuthCallback {

    private static final Logger LOG = Logger.getLogger(OAuthCallback.class);
    private static final String BINDING_COOKIE = ConnectFlow.BINDING_COOKIE;

    private final ConnectorService connectors;
    private final OAuthClients clients;
    private final OAuthStates states;
    private final ConnectionStore connections;
    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final HttpClient http;
    private final AuditLog audit;
    private final TenantContext tenants;
    private final TriggerSubscriptions subscriptions;

    OAuthCallback(ConnectorService connectors, OAuthClients clients, OAuthStates states, ConnectionStore connections,
            AccountService accounts, SecurityIdentity identity, HttpClient http, AuditLog audit, TenantContext tenants,
            TriggerSubscriptions subscriptions) {
        this.connectors = connectors;
        this.clients = clients;
        this.states = states;
        this.connections = connections;
        this.accounts = accounts;
        this.identity = identity;
        this.http = http;
        this.audit = audit;
        this.tenants = tenants;
        this.subscriptions = subscriptions;
    }

    @GET
    @Path("{connector}/callback")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response callback(@PathParam("connector") String connectorId, @CookieParam(BINDING_COOKIE) String binding,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Optional<ConnectorDescriptor> connector = connectors.descriptor(connectorId).filter(c -> c.oauth().isPresent());
        Optional<OAuthClient> client = clients.forConnector(connectorId);
        if (connector.isEmpty() || client.isEmpty()) {
            return ConnectFlow.failed(headers, 404, connectorId, "Este conector não se conecta por OAuth.");
        }
        Map<String, String> params = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        SignedInUser user = accounts.signIn(identity);
        Optional<UUID> tenant = states.consume(params.get("state"), user.id(), connectorId, binding);
        if (tenant.isEmpty()) {
            LOG.warnf("OAuth callback for %s refused: unknown, used, expired or foreign state (user %s)", connectorId, user.id());
            return ConnectFlow.failed(headers, 400, connector.get().name(),
                    "Este link de conexão não é válido (expirou, já foi usado ou foi aberto em outro navegador). Comece de novo.");
        }
        try {
            ConnectedAccount account = connector.get().oauth().get().complete(client.get(), params, http);
            ConnectionStore.Connected connected = connections.connectAccount(tenant.get(), new NewConnection(connectorId,
                    connector.get().name() + " — " + account.displayName(), account.accountId(), account.attributes(),
                    account.secrets(), account.expiresAt().orElse(null)));
            ConnectionView connection = connected.connection();
            audit.record(tenant.get(), AuditLog.Actor.user(user.id(), user.displayName()),
                    connected.reconnected() ? "connection.reconnected" : "connection.created", Target.of("connection", connection.id()),
                    java.util.Map.of("connector", connectorId, "account_id", account.accountId()));
            if (connected.reconnected()) {
                // registrations that failed while the credentials were refused are tried again
                tenants.run(tenant.get(), () -> subscriptions.activated(connection.id()));
            }
            return Response.seeOther(URI.create("/app?connected=" + connection.id()))
                    .cookie(new NewCookie.Builder(BINDING_COOKIE).value("").path("/oauth/" + connectorId).maxAge(0).build()).build();
        } catch (ConnectorException e) {
            LOG.warnf("OAuth connect of %s failed for tenant %s: %s", connectorId, tenant.get(), e.failure().kind());
            return ConnectFlow.failed(headers, 400, connector.get().name(), e.getMessage());
        }
    }

}
