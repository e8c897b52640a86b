package app.ponte.server.tenant;

import app.ponte.server.audit.AuditLog;
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

    /** A member acting in a workspace: who they are and their role there. */
    public record Caller(UUID userId, String displayName, UUID workspaceId, Role role) {

        /** The caller as the audit log names them. */
        public AuditLog.Actor actor() {
            return AuditLog.Actor.user(userId, displayName);
        }
    }

    /** Work done for a member in their workspace. */
    @FunctionalInterface
    public interface CallerWork<T> {
        T call(Caller caller) throws Exception;
    }

    /** The caller's membership in the workspace, then {@code work} in its tenant context. */
    public <T> T within(SecurityIdentity identity, UUID workspaceId, Need need, Callable<T> work) {
        return withCaller(identity, workspaceId, need, caller -> work.call());
    }

    /**
     * As {@link #within}, handing the work the caller (e.g. to check an owner-only rule or to name
     * them in the audit log).
     */
    public <T> T withCaller(SecurityIdentity identity, UUID workspaceId, Need need, CallerWork<T> work) {
        SignedInUser user = accounts.signIn(identity);
        Role role = user.workspace(workspaceId).map(SignedInUser.Workspace::role)
                .orElseThrow(() -> new NotFoundException("workspace not found"));
        if (need == Need.ADMIN && !role.manages()) {
            throw new ForbiddenException("only owners and admins can do this");
        }
        Caller caller = new Caller(user.id(), user.displayName(), workspaceId, role);
        return tenants.call(workspaceId, () -> work.call(caller));
    }
}
