package app.ponte.server.web;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.api.oauth.OAuthClient;
import app.ponte.server.connection.OAuthClients;
import app.ponte.server.connection.OAuthStates;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.SignedInUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Starts the browser's OAuth connect flow for any connector that declares one ("Conectar Kommo"):
 * sends the browser to the vendor's consent page with a single-use state bound to the user and to
 * their browser (a cookie). {@link OAuthCallback} finishes it.
 */
@Authenticated
@Path("/app/connections")
public class ConnectFlow {

    static final String BINDING_COOKIE = "ponte_oauth";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance failed(String connectorName, String reason);
    }

    private final ConnectorService connectors;
    private final OAuthClients clients;
    private final OAuthStates states;
    private final AccountService accounts;
    private final SecurityIdentity identity;

    ConnectFlow(ConnectorService connectors, OAuthClients clients, OAuthStates states, AccountService accounts,
            SecurityIdentity identity) {
        this.connectors = connectors;
        this.clients = clients;
        this.states = states;
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    @Path("{connector}/connect")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response start(@PathParam("connector") String connectorId, @Context HttpHeaders headers) {
        Optional<ConnectorDescriptor> connector = connectors.descriptor(connectorId).filter(c -> c.oauth().isPresent());
        if (connector.isEmpty()) {
            return failed(headers, 404, connectorId, "Este conector não se conecta por OAuth.");
        }
        Optional<OAuthClient> client = clients.forConnector(connectorId);
        if (client.isEmpty()) {
            return failed(headers, 503, connector.get().name(), "A integração com " + connector.get().name()
                    + " ainda não foi configurada nesta instalação do Ponte (ponte.oauth." + connectorId + ".client-id).");
        }
        SignedInUser user = accounts.signIn(identity);
        if (!user.currentWorkspace().role().manages()) {
            return failed(headers, 403, connector.get().name(),
                    "Só donos e administradores do espaço de trabalho podem conectar contas. Peça a um deles.");
        }
        OAuthStates.Started started = states.start(user.currentWorkspace().id(), user.id(), connectorId);
        URI consent = connector.get().oauth().get().consentUrl(client.get(), started.state());
        return Response.seeOther(consent).cookie(new NewCookie.Builder(BINDING_COOKIE).value(started.browserBinding())
                .path("/oauth/" + connectorId).httpOnly(true).sameSite(NewCookie.SameSite.LAX).maxAge(15 * 60).build()).build();
    }

    static Response failed(HttpHeaders headers, int status, String connectorName, String reason) {
        TemplateInstance page = Templates.failed(connectorName, reason).setLocale(UiLocale.resolve(null, headers));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }
}
