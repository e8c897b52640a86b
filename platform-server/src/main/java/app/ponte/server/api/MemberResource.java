package app.ponte.server.api;

import app.ponte.server.tenant.MemberService;
import app.ponte.server.tenant.MemberView;
import app.ponte.server.tenant.Role;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's members. Any member sees the list; owners and admins change roles and remove
 * members (only owners touch owners); anyone may remove themselves (leave), except the last owner
 * (409). A workspace the caller does not belong to answers 404.
 */
@Path("/api/v1/workspaces/{workspaceId}/members")
@Authenticated
@Blocking
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class MemberResource {

    /** The new role of a member: OWNER, ADMIN or MEMBER. */
    public record RoleChange(String role) {
    }

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final MemberService members;

    MemberResource(WorkspaceAccess access, SecurityIdentity identity, MemberService members) {
        this.access = access;
        this.identity = identity;
        this.members = members;
    }

    @GET
    @Operation(summary = "The workspace's members: name, e-mail, role and since when")
    public List<MemberView> list(@PathParam("workspaceId") UUID workspaceId) {
        return access.within(identity, workspaceId, Need.MEMBER, () -> members.list(workspaceId));
    }

    @PATCH
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a member's role (owners and admins; only owners make or change owners; "
            + "409 if the workspace would have no owner left)")
    public MemberView changeRole(@PathParam("workspaceId") UUID workspaceId, @PathParam("userId") UUID userId, RoleChange change) {
        Role role = role(change == null ? null : change.role(), "role");
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> members.changeRole(caller, userId, role));
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Remove a member, or leave the workspace with one's own id (409 for the last owner)")
    public Response remove(@PathParam("workspaceId") UUID workspaceId, @PathParam("userId") UUID userId) {
        access.withCaller(identity, workspaceId, Need.MEMBER, caller -> {
            members.remove(caller, userId);
            return null;
        });
        return Response.noContent().build();
    }

    /** A role named in a request, or a field-level problem. */
    static Role role(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ValidationProblem.field(field, "Informe o papel: OWNER, ADMIN ou MEMBER.");
        }
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.field(field, "O papel é OWNER, ADMIN ou MEMBER.");
        }
    }
}
