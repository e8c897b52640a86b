package app.ponte.server.web;

import app.ponte.server.notification.NotificationPreferences;
import app.ponte.server.notification.NotificationPreferences.Settings;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The signed-in user's own settings, the same in every workspace: whether alerts about failing
 * automations, connections and Hotmart webhooks are e-mailed to them, and the language of those
 * e-mails. Every alert e-mail links here; the REST API has the same settings at
 * {@code /api/v1/me/notifications}.
 */
@Path("/app/preferences")
@Authenticated
public class PreferencesPage {

    /**
     * @param settings what is saved (or, after a refused post, what was sent)
     * @param saved    the settings were just saved
     * @param invalid  the language sent is not one of {@link NotificationPreferences#LOCALES}
     */
    public record Form(Settings settings, List<String> languages, boolean saved, boolean invalid) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(AppShell shell, Form form);
    }

    private final AppSession session;
    private final SecurityIdentity identity;
    private final NotificationPreferences preferences;

    PreferencesPage(AppSession session, SecurityIdentity identity, NotificationPreferences preferences) {
        this.session = session;
        this.identity = identity;
        this.preferences = preferences;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("saved") boolean saved, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "preferences", lang, headers, Need.MEMBER, (caller, shell) -> Pages.ok(
                Templates.index(shell, new Form(preferences.of(shell.user().id()), NotificationPreferences.LOCALES, saved, false)).setLocale(shell.locale()),
                lang));
    }

    /** Saves both settings; an unchecked box arrives as no field at all, which means "no e-mails". */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@FormParam(FormTokens.FIELD) String formToken, @FormParam("failureEmails") String failureEmails,
            @FormParam("locale") String locale, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "preferences", headers, Need.MEMBER, (caller, shell) -> {
            Settings sent = new Settings(failureEmails != null, locale);
            if (locale == null || !NotificationPreferences.LOCALES.contains(locale)) {
                return Pages.page(400, Templates.index(shell, new Form(sent, NotificationPreferences.LOCALES, false, true)).setLocale(shell.locale()), null)
                        .build();
            }
            preferences.update(shell.user().id(), sent);
            return Response.seeOther(URI.create("/app/preferences?saved=true")).build();
        });
    }
}
