package app.ponte.server.web;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The signed-in start page: who is signed in, their workspace, and what to do first. */
@Path("/app")
@Authenticated
public class AppPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(SignedInUser user, List<ConnectionView> connections,
                List<ConnectorDescriptor> connectable, String formToken);
    }

    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final ConnectionStore connections;
    private final ConnectorService connectors;
    private final FormTokens formTokens;

    AppPage(AccountService accounts, SecurityIdentity identity, ConnectionStore connections, ConnectorService connectors,
            FormTokens formTokens) {
        this.accounts = accounts;
        this.identity = identity;
        this.connections = connections;
        this.connectors = connectors;
        this.formTokens = formTokens;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        SignedInUser user = accounts.signIn(identity);
        List<ConnectorDescriptor> connectable = connectors.descriptors().stream().filter(c -> c.oauth().isPresent()).toList();
        TemplateInstance page = Templates.index(user, connections.list(user.currentWorkspace().id()), connectable,
                formTokens.token(identity));
        return Pages.ok(page.setLocale(UiLocale.resolve(lang, headers)), lang);
    }
}
