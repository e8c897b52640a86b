package app.ponte.server.web;

import app.ponte.server.suggestion.SuggestionService;
import app.ponte.server.suggestion.SuggestionStatus;
import app.ponte.server.tenant.AccountService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The operators' triage of suggestions ({@code /admin/sugestoes}): newest first, filtered by status,
 * each one marked new, reviewing, planned or declined. Only platform operators (a Keycloak realm
 * role) may open it; anyone else signed in gets 403.
 */
@Path("/admin/sugestoes")
@RolesAllowed(Operators.ROLE)
public class SuggestionAdminPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(SuggestionService.Listing listing, String filter, List<SuggestionStatus> statuses,
                String formToken);
    }

    private final SuggestionService suggestions;
    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final FormTokens formTokens;

    SuggestionAdminPage(SuggestionService suggestions, AccountService accounts, SecurityIdentity identity, FormTokens formTokens) {
        this.suggestions = suggestions;
        this.accounts = accounts;
        this.identity = identity;
        this.formTokens = formTokens;
    }

    /** @param status {@code NEW}, … or nothing for all; {@code pagina} counts from 0 */
    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("status") String status, @QueryParam("pagina") int page, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        Optional<SuggestionStatus> filter = parse(status);
        TemplateInstance view = Templates.index(suggestions.list(filter, page), filter.map(Enum::name).orElse(""),
                Arrays.asList(SuggestionStatus.values()), formTokens.token(identity));
        return Pages.ok(view.setLocale(UiLocale.resolve(lang, headers)), lang);
    }

    @POST
    @Path("{id}/status")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response triage(@PathParam("id") UUID id, @FormParam("status") String status, @FormParam("filter") String filter,
            @FormParam(FormTokens.FIELD) String formToken) {
        formTokens.verify(identity, formToken);
        SuggestionStatus chosen = parse(status).orElseThrow(() -> new BadRequestException("unknown status " + status));
        if (!suggestions.triage(id, chosen, accounts.signIn(identity).id())) {
            throw new NotFoundException("no suggestion " + id);
        }
        String back = parse(filter).map(f -> "/admin/sugestoes?status=" + f.name()).orElse("/admin/sugestoes");
        return Response.seeOther(URI.create(back + "#s-" + id)).build();
    }

    private static Optional<SuggestionStatus> parse(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SuggestionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
