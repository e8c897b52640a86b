package app.ponte.server.api;

import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.InvitationService;
import app.ponte.server.tenant.InvitationService.CreatedInvitation;
import app.ponte.server.tenant.InvitationService.InvitationPreview;
import app.ponte.server.tenant.InvitationView;
import app.ponte.server.tenant.Role;
import app.ponte.server.tenant.SignedInUser;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's invitations (owners and admins): create one and get its link to copy, list those
 * still pending, revoke one. The link, {@code <public url>/invitations/<token>}, is shown once; the
 * person invited accepts it through {@link Acceptance}.
 */
@Path("/api/v1/workspaces/{workspaceId}/invitations")
@Authenticated
@Blocking
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    /**
     * An invitation to create.
     *
     * @param email optional: only a user signed in with this e-mail may accept
     */
    public record InvitationRequest(String role, String email) {
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final InvitationService invitations;

    InvitationResource(WorkspaceAccess access, SecurityIdentity identity, InvitationService invitations) {
        this.access = access;
        this.identity = identity;
        this.invitations = invitations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite someone with a role; answers the link to copy and send (valid 7 days, single use). "
            + "Only owners invite owners.")
    public Response create(@PathParam("workspaceId") UUID workspaceId, InvitationRequest request) {
        if (request == null) {
            throw ValidationProblem.field("role", "Informe o papel: OWNER, ADMIN ou MEMBER.");
        }
        Role role = MemberResource.role(request.role(), "role");
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            throw ValidationProblem.field("email", "Informe um e-mail válido, ou nenhum para um convite a quem tiver o link.");
        }
        CreatedInvitation created = access.withCaller(identity, workspaceId, Need.ADMIN,
                caller -> invitations.create(caller, role, email));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Operation(summary = "The invitations that can still be accepted, newest first (never their links)")
    public List<InvitationView> pending(@PathParam("workspaceId") UUID workspaceId) {
        return access.within(identity, workspaceId, Need.ADMIN, () -> invitations.pending(workspaceId));
    }

    @DELETE
    @Path("/{invitationId}")
    @Operation(summary = "Revoke an invitation: its link stops working (409 if already accepted)")
    public Response revoke(@PathParam("workspaceId") UUID workspaceId, @PathParam("invitationId") UUID invitationId) {
        access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            invitations.revoke(caller, invitationId);
            return null;
        });
        return Response.noContent().build();
    }

    /**
     * The person holding an invitation link, signed in with any account. Answers: unknown link 404;
     * revoked, expired or already used 410; meant for another e-mail 403; already a member 409.
     */
    @Path("/api/v1/invitations/{token}")
    @Authenticated
    @Blocking
    @Tag(name = "Members")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Acceptance {

        private final AccountService accounts;
        private final SecurityIdentity identity;
        private final InvitationService invitations;

        Acceptance(AccountService accounts, SecurityIdentity identity, InvitationService invitations) {
            this.accounts = accounts;
            this.identity = identity;
            this.invitations = invitations;
        }

        @GET
        @Operation(summary = "What the link invites to: workspace, role, who invited, until when")
        public InvitationPreview preview(@PathParam("token") String token) {
            accounts.signIn(identity);
            return invitations.preview(token);
        }

        @POST
        @Path("/accept")
        @Operation(summary = "Join the workspace with the invited role; the link is used up")
        public SignedInUser.Workspace accept(@PathParam("token") String token) {
            SignedInUser user = accounts.signIn(identity);
            return invitations.accept(user, token);
        }
    }
}
