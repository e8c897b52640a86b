package app.ponte.server.web;

import app.ponte.api.catalog.CatalogView;
import app.ponte.server.suggestion.FormErrors;
import app.ponte.server.suggestion.SuggestionForm;
import app.ponte.server.suggestion.SuggestionService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The public suggestion form ("Não encontrou o seu caso de uso? Enviar sugestão."), without sign-in.
 * Protected by a token bound to the browser's cookie ({@link FormTokens#anonymousToken}), a honeypot
 * field that people never see, the form's size limits and a limit per IP address.
 */
@Path("/sugestao")
@PermitAll
public class SuggestionPage {

    /** The honeypot: hidden from people, filled by bots that fill every field. */
    static final String HONEYPOT = "website";

    private static final Logger LOG = Logger.getLogger(SuggestionPage.class);

    /** Why the form is shown again: nothing, field errors, an expired token, or too many suggestions. */
    public enum Notice {
        NONE, INVALID, EXPIRED, RATE_LIMITED
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(List<CatalogView> connectors, SuggestionForm form, FormErrors errors, Notice notice,
                String formToken);

        static native TemplateInstance thanks();
    }

    private final PublicCatalog catalog;
    private final SuggestionService suggestions;
    private final FormTokens formTokens;

    SuggestionPage(PublicCatalog catalog, SuggestionService suggestions, FormTokens formTokens) {
        this.catalog = catalog;
        this.suggestions = suggestions;
        this.formTokens = formTokens;
    }

    /** The empty form; {@code ?ferramenta=hotmart&ferramenta=kommo} ticks those connectors. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("lang") String lang, @QueryParam("ferramenta") List<String> preselected,
            @CookieParam(FormTokens.BROWSER_COOKIE) String browserId, @Context HttpHeaders headers) {
        SuggestionForm empty = new SuggestionForm("", "", preselected, "", "");
        return render(200, lang, headers, browserId, empty, new FormErrors(), Notice.NONE);
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit(@FormParam("name") String name, @FormParam("email") String email,
            @FormParam("connector") List<String> connectors, @FormParam("other_tools") String otherTools,
            @FormParam("use_case") String useCase, @FormParam(HONEYPOT) String honeypot,
            @FormParam(FormTokens.FIELD) String formToken, @CookieParam(FormTokens.BROWSER_COOKIE) String browserId,
            @Context HttpHeaders headers, @Context HttpServerRequest request) {
        SuggestionForm form = new SuggestionForm(name, email, connectors, otherTools, useCase);
        if (!formTokens.isAnonymousTokenValid(browserId, formToken)) {
            LOG.info("suggestion form refused: its security token is missing or not this browser's");
            return render(403, null, headers, browserId, form, new FormErrors(), Notice.EXPIRED);
        }
        if (honeypot != null && !honeypot.isBlank()) {
            // Answer as if it worked: a bot that learns nothing tries nothing else.
            LOG.info("suggestion form dropped: the honeypot field was filled");
            return thanksRedirect();
        }
        Locale language = UiLocale.resolve(null, headers);
        SuggestionService.Outcome outcome = suggestions.submit(form, language, clientAddress(request));
        if (outcome instanceof SuggestionService.Outcome.Invalid invalid) {
            return render(400, null, headers, browserId, form, invalid.errors(), Notice.INVALID);
        }
        if (outcome instanceof SuggestionService.Outcome.RateLimited) {
            return render(429, null, headers, browserId, form, new FormErrors(), Notice.RATE_LIMITED);
        }
        return thanksRedirect();
    }

    @GET
    @Path("obrigado")
    @Produces(MediaType.TEXT_HTML)
    public Response thanks(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return Pages.ok(Templates.thanks().setLocale(UiLocale.resolve(lang, headers)), lang);
    }

    private Response render(int status, String lang, HttpHeaders headers, String browserId, SuggestionForm form,
            FormErrors errors, Notice notice) {
        boolean newBrowser = !FormTokens.isBrowserId(browserId);
        String id = newBrowser ? FormTokens.newBrowserId() : browserId;
        TemplateInstance page = Templates.form(catalog.connectors(), form, errors, notice, formTokens.anonymousToken(id))
                .setLocale(UiLocale.resolve(lang, headers));
        Response.ResponseBuilder response = Pages.page(status, page, lang).header("Cache-Control", "no-store");
        if (newBrowser) {
            response.cookie(new NewCookie.Builder(FormTokens.BROWSER_COOKIE).value(id).path("/sugestao").httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
        return response.build();
    }

    private static Response thanksRedirect() {
        return Response.seeOther(URI.create("/sugestao/obrigado")).build();
    }

    /** The sender's address (the proxy's forwarded one when the platform trusts its proxy). */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
