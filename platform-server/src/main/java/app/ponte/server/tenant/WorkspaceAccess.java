package app.ponte.server.tenant;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The gate of every workspace-scoped request: the caller must be a member of the workspace named
 * in the path (otherwise 404 — another workspace's existence is not revealed), may need a role,
 * and the work then runs in that workspace's {@link TenantContext}.
 */
@ApplicationScoped
public class WorkspaceAccess {

    private final AccountService accounts;
    private final TenantContext tenants;

    WorkspaceAccess(AccountService accounts, TenantContext tenants) {
        this.accounts = accounts;
        this.tenants = tenants;
    }

    /** Who may manage connections, members and automations' settings. */
    public enum Need {
        MEMBER,
        ADMIN
    }

    /** The caller's membership in the workspace, then {@code work} in its tenant context. */
    public <T> T within(SecurityIdentity identity, UUID workspaceId, Need need, Callable<T> work) {
        SignedInUser user = accounts.signIn(identity);
        Role role = user.workspaces().stream().filter(w -> w.id().equals(workspaceId)).map(SignedInUser.Workspace::role)
                .findFirst().orElseThrow(() -> new NotFoundException("workspace not found"));
        if (need == Need.ADMIN && role == Role.MEMBER) {
            throw new ForbiddenException("only owners and admins can do this");
        }
        return tenants.call(workspaceId, work);
    }
}
