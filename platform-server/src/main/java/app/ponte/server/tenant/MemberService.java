package app.ponte.server.tenant;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.tenant.WorkspaceAccess.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The members of a workspace and their roles. The rules: owners and admins manage members; only
 * an owner makes someone an owner or changes or removes an owner; anyone may leave; a workspace
 * always keeps at least one owner. Every change is serialized on the workspace's row and recorded
 * in the audit log in the same transaction.
 */
@ApplicationScoped
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class);

    private final AuditLog audit;

    MemberService(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public List<MemberView> list(UUID workspaceId) {
        return Membership.ofWorkspace(workspaceId).stream().map(MemberView::of).toList();
    }

    /**
     * Gives a member another role.
     *
     * @throws ForbiddenException        the caller is a member, or an admin touching owners
     * @throws NotFoundException         the user is not a member of the workspace
     * @throws ClientErrorException      409 when the workspace would be left without an owner
     */
    @Transactional
    public MemberView changeRole(Caller caller, UUID userId, Role role) {
        Objects.requireNonNull(role, "role");
        Role mine = lockAndReadRole(caller);
        Membership target = Membership.of(caller.workspaceId(), userId).orElseThrow(MemberService::notFound);
        if (!mine.manages()) {
            throw new ForbiddenException("only owners and admins change roles");
        }
        if ((target.role == Role.OWNER || role == Role.OWNER) && mine != Role.OWNER) {
            throw new ForbiddenException("only an owner can make someone an owner or change an owner's role");
        }
        if (target.role == role) {
            return MemberView.of(target);
        }
        if (target.role == Role.OWNER && Membership.owners(caller.workspaceId()) == 1) {
            throw lastOwner("the workspace's last owner cannot stop being an owner; make someone else an owner first");
        }
        Role previous = target.role;
        target.role = role;
        audit.record(caller.workspaceId(), caller.actor(), "member.role_changed", Target.of("member", userId),
                Map.of("from", previous, "to", role));
        LOG.infof("member %s of workspace %s is now %s", userId, caller.workspaceId(), role);
        return MemberView.of(target);
    }

    /**
     * Removes a member, or lets the caller leave.
     *
     * @throws ForbiddenException   a member removing someone else, or an admin removing an owner
     * @throws NotFoundException    the user is not a member of the workspace
     * @throws ClientErrorException 409 when it is the workspace's last owner
     */
    @Transactional
    public void remove(Caller caller, UUID userId) {
        Role mine = lockAndReadRole(caller);
        Membership target = Membership.of(caller.workspaceId(), userId).orElseThrow(MemberService::notFound);
        boolean leaving = caller.userId().equals(userId);
        if (!leaving && !mine.manages()) {
            throw new ForbiddenException("only owners and admins remove members");
        }
        if (!leaving && target.role == Role.OWNER && mine != Role.OWNER) {
            throw new ForbiddenException("only an owner can remove an owner");
        }
        if (target.role == Role.OWNER && Membership.owners(caller.workspaceId()) == 1) {
            throw lastOwner("the workspace's last owner cannot leave it; make someone else an owner first");
        }
        if (caller.workspaceId().equals(target.user.currentTenantId)) {
            target.user.currentTenantId = null;
        }
        Role role = target.role;
        target.delete();
        audit.record(caller.workspaceId(), caller.actor(), "member.removed", Target.of("member", userId),
                Map.of("role", role, "left", leaving));
        LOG.infof("member %s %s workspace %s", userId, leaving ? "left" : "was removed from", caller.workspaceId());
    }

    /** Locks the workspace, then reads the caller's role again (it may have changed since the gate). */
    private static Role lockAndReadRole(Caller caller) {
        Tenant.locked(caller.workspaceId()).orElseThrow(() -> new NotFoundException("workspace not found"));
        return Membership.of(caller.workspaceId(), caller.userId()).map(m -> m.role)
                .orElseThrow(() -> new NotFoundException("workspace not found"));
    }

    private static NotFoundException notFound() {
        return new NotFoundException("member not found");
    }

    private static ClientErrorException lastOwner(String message) {
        return new ClientErrorException(message, Status.CONFLICT);
    }
}
