package app.ponte.server.api;

import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.SignedInUser;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
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

    MeResource(AccountService accounts, SecurityIdentity identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @GET
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who is calling, and the workspaces they belong to",
            description = "The first call of a new user creates their workspace, as the first browser sign-in does.")
    public SignedInUser me() {
        return accounts.signIn(identity);
    }
}
