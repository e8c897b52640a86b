package app.ponte.server.web;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.automation.ConnectionDisconnector;
import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.Role;
import app.ponte.server.tenant.SignedInUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** Form actions on a workspace's connections (CSRF-checked by {@link FormTokens}). Owners and admins only. */
@Authenticated
@Path("/app/connections/{id}")
public class ConnectionActions {

    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final ConnectionDisconnector disconnector;
    private final FormTokens formTokens;

    ConnectionActions(AccountService accounts, SecurityIdentity identity, ConnectionDisconnector disconnector, FormTokens formTokens) {
        this.accounts = accounts;
        this.identity = identity;
        this.disconnector = disconnector;
        this.formTokens = formTokens;
    }

    /**
     * "Desconectar": pauses the automations that use the connection and erases the stored
     * credentials; the account must be connected again to be used.
     */
    @POST
    @Path("disconnect")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disconnect(@PathParam("id") UUID connectionId, @FormParam(FormTokens.FIELD) String formToken) {
        formTokens.verify(identity, formToken);
        SignedInUser user = accounts.signIn(identity);
        if (user.currentWorkspace().role() == Role.MEMBER) {
            throw new ForbiddenException("only owners and admins manage connections");
        }
        disconnector.disconnect(user.currentWorkspace().id(), connectionId, AuditLog.Actor.user(user.id(), user.displayName()))
                .orElseThrow(NotFoundException::new);
        return Response.seeOther(URI.create("/app?disconnected=" + connectionId)).build();
    }
}
