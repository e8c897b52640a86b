package app.ponte.server.api;

import app.ponte.server.notification.NotificationPreferences;
import app.ponte.server.notification.NotificationPreferences.Settings;
import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.SignedInUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller of the API (bearer token) and their workspaces. */
@Path("/api/v1/me")
@Authenticated
@Tag(name = "Account")
public class MeResource {

    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final NotificationPreferences preferences;

    MeResource(AccountService accounts, SecurityIdentity identity, NotificationPreferences preferences) {
        this.accounts = accounts;
        this.identity = identity;
        this.preferences = preferences;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who is calling, and the workspaces they belong to",
            description = "The first call of a new user creates their workspace, as the first browser sign-in does.")
    public SignedInUser me() {
        return accounts.signIn(identity);
    }

    @GET
    @Path("/notifications")
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's notification settings",
            description = "failureEmails: e-mails when an automation fails permanently, a connection needs reconnecting or "
                    + "Hotmart deliveries keep failing the hottok check (owners and admins); locale: pt-BR or en.")
    public Settings notifications() {
        return preferences.of(accounts.signIn(identity).id());
    }

    @PUT
    @Path("/notifications")
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switches failure e-mails on or off and chooses their language")
    public Settings updateNotifications(Settings settings) {
        return preferences.update(accounts.signIn(identity).id(), settings);
    }
}
