package app.ponte.server.web;

import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.InvitationService;
import app.ponte.server.tenant.InvitationService.InvitationPreview;
import app.ponte.server.tenant.SignedInUser;
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

/**
 * Where an invitation link leads ({@code <public url>/invitations/<token>}): the person signs in
 * (or signs up), sees which workspace invites them with which role, and accepts; they then work in
 * that workspace.
 */
@Path("/invitations/{token}")
@Authenticated
public class InvitationPage {

    /**
     * @param problem why the link cannot be used: not_found, gone (revoked, expired or used), other_email or already_member
     */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(SignedInUser user, String token, InvitationPreview invitation, String problem,
                String formToken);
    }

    private final AccountService accounts;
    private final InvitationService invitations;
    private final SecurityIdentity identity;
    private final FormTokens formTokens;

    InvitationPage(AccountService accounts, InvitationService invitations, SecurityIdentity identity, FormTokens formTokens) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.identity = identity;
        this.formTokens = formTokens;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        SignedInUser user = accounts.signIn(identity);
        try {
            InvitationPreview preview = invitations.preview(token);
            return Pages.ok(Templates.index(user, token, preview, null, formTokens.token(identity))
                    .setLocale(UiLocale.resolve(lang, headers)), lang);
        } catch (WebApplicationException e) {
            return problem(e, user, token, lang, headers);
        }
    }

    @POST
    @Path("accept")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response accept(@PathParam("token") String token, @FormParam(FormTokens.FIELD) String formToken,
            @Context HttpHeaders headers) {
        formTokens.verify(identity, formToken);
        SignedInUser user = accounts.signIn(identity);
        try {
            SignedInUser.Workspace joined = invitations.accept(user, token);
            accounts.switchWorkspace(identity, joined.id());
            return Response.seeOther(URI.create("/app")).build();
        } catch (WebApplicationException e) {
            return problem(e, user, token, null, headers);
        }
    }

    private Response problem(WebApplicationException e, SignedInUser user, String token, String lang, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        String problem = switch (status) {
            case 404 -> "not_found";
            case 410 -> "gone";
            case 403 -> "other_email";
            case 409 -> "already_member";
            default -> throw e;
        };
        TemplateInstance page = Templates.index(user, token, null, problem, formTokens.token(identity));
        return Pages.page(status, page.setLocale(UiLocale.resolve(lang, headers)), lang).build();
    }
}
