package app.ponte.server.web;

import app.ponte.server.tenant.InvitationService;
import app.ponte.server.tenant.InvitationView;
import app.ponte.server.tenant.MemberService;
import app.ponte.server.tenant.MemberView;
import app.ponte.server.tenant.Role;
import app.ponte.server.tenant.WorkspaceAccess.Caller;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The workspace's members: everyone sees who belongs and with which role, and may leave; owners and
 * admins invite (a link to copy, shown once), change roles, remove members and revoke invitations,
 * by {@link MemberService} and {@link InvitationService}'s rules (only owners touch owners; the last
 * owner stays).
 */
@Path("/app/members")
@Authenticated
public class MembersPage {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * What the page says after an action.
     *
     * @param problem why the action was refused: last_owner, forbidden, already_accepted or email; null when it was done
     * @param link    the invitation link just created (shown once)
     */
    public record Outcome(String problem, String link) {

        static final Outcome NONE = new Outcome(null, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(AppShell shell, List<MemberView> members, List<InvitationView> invitations,
                List<Role> invitableRoles, Outcome outcome);
    }

    private final AppSession session;
    private final SecurityIdentity identity;
    private final MemberService members;
    private final InvitationService invitations;

    MembersPage(AppSession session, SecurityIdentity identity, MemberService members, InvitationService invitations) {
        this.session = session;
        this.identity = identity;
        this.members = members;
        this.invitations = invitations;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "members", lang, headers, Need.MEMBER,
                (caller, shell) -> render(200, caller, shell, Outcome.NONE, lang));
    }

    /** Creates an invitation and shows its link once, with a copy button. */
    @POST
    @Path("invitations")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response invite(@FormParam(FormTokens.FIELD) String formToken, @FormParam("role") String role,
            @FormParam("email") String email, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "members", headers, Need.ADMIN, (caller, shell) -> {
            Optional<Role> chosen = role(role);
            String address = email == null || email.isBlank() ? null : email.strip();
            if (chosen.isEmpty() || (address != null && (address.length() > 320 || !EMAIL.matcher(address).matches()))) {
                return render(400, caller, shell, new Outcome(chosen.isEmpty() ? "role" : "email", null), null);
            }
            try {
                InvitationService.CreatedInvitation created = invitations.create(caller, chosen.get(), address);
                return render(200, caller, shell, new Outcome(null, created.link().toString()), null);
            } catch (WebApplicationException e) {
                return refused(e, caller, shell);
            }
        });
    }

    @POST
    @Path("invitations/{invitationId}/revoke")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response revoke(@PathParam("invitationId") UUID invitationId, @FormParam(FormTokens.FIELD) String formToken,
            @Context HttpHeaders headers) {
        return session.form(identity, formToken, "members", headers, Need.ADMIN, (caller, shell) -> {
            try {
                invitations.revoke(caller, invitationId);
                return Response.seeOther(URI.create("/app/members")).build();
            } catch (WebApplicationException e) {
                return refused(e, caller, shell);
            }
        });
    }

    @POST
    @Path("{userId}/role")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response changeRole(@PathParam("userId") UUID userId, @FormParam(FormTokens.FIELD) String formToken,
            @FormParam("role") String role, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "members", headers, Need.ADMIN, (caller, shell) -> {
            Optional<Role> chosen = role(role);
            if (chosen.isEmpty()) {
                return render(400, caller, shell, new Outcome("role", null), null);
            }
            try {
                members.changeRole(caller, userId, chosen.get());
                return Response.seeOther(URI.create("/app/members")).build();
            } catch (WebApplicationException e) {
                return refused(e, caller, shell);
            }
        });
    }

    /** Removes a member; with one's own id, leaves the workspace (and goes back to one's own). */
    @POST
    @Path("{userId}/remove")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response remove(@PathParam("userId") UUID userId, @FormParam(FormTokens.FIELD) String formToken,
            @Context HttpHeaders headers) {
        return session.form(identity, formToken, "members", headers, Need.MEMBER, (caller, shell) -> {
            try {
                members.remove(caller, userId);
                return Response.seeOther(URI.create(caller.userId().equals(userId) ? "/app" : "/app/members")).build();
            } catch (WebApplicationException e) {
                return refused(e, caller, shell);
            }
        });
    }

    /** The page again with why the service refused (403 or 409 kept as the answer's status). */
    private Response refused(WebApplicationException e, Caller caller, AppShell shell) {
        int status = e.getResponse().getStatus();
        String problem = switch (status) {
            case 409 -> e.getMessage() != null && e.getMessage().contains("accepted") ? "already_accepted" : "last_owner";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            default -> throw e;
        };
        return render(status, caller, shell, new Outcome(problem, null), null);
    }

    private Response render(int status, Caller caller, AppShell shell, Outcome outcome, String lang) {
        List<InvitationView> pending = shell.manages() ? invitations.pending(caller.workspaceId()) : List.of();
        List<Role> invitable = caller.role() == Role.OWNER ? List.of(Role.MEMBER, Role.ADMIN, Role.OWNER) : List.of(Role.MEMBER, Role.ADMIN);
        TemplateInstance page = Templates.index(shell, members.list(caller.workspaceId()), pending, invitable, outcome);
        return Pages.page(status, page.setLocale(shell.locale()), lang).build();
    }

    private static Optional<Role> role(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
