package app.ponte.server.web;

import app.ponte.api.field.Field;
import app.ponte.server.api.ValidationProblem;
import app.ponte.server.automation.AutomationDraft;
import app.ponte.server.automation.AutomationService;
import app.ponte.server.automation.AutomationView;
import app.ponte.server.runner.RunHistory;
import app.ponte.server.runner.RunStatus;
import app.ponte.server.runner.RunViews;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The workspace's automations: the list (status, trigger → action, last run; activate, pause,
 * delete after a confirmation) and an automation's page (its mapping, the problems that keep it
 * off, its latest runs, "Reprocessar falhas"). Creating is {@link AutomationWizard}, editing
 * {@link AutomationEditor}.
 */
@Path("/app/automations")
@Authenticated
public class AutomationsPage {

    static final String ID = "{id: [0-9a-fA-F-]{36}}";

    /**
     * An automation in the list.
     *
     * @param runsThisMonth its runs since the start of the month, in the workspace's time zone
     * @param lastError     its latest failed run (null: none)
     */
    public record Row(AutomationView automation, String steps, RunViews.Summary lastRun, long runsThisMonth,
            RunViews.Summary lastError) {
    }

    /**
     * An automation's page.
     *
     * @param failed how many of its runs failed (what "Reprocessar falhas" would run again)
     */
    public record Detail(AutomationView automation, String steps, List<CatalogLabels.LabelledValue> mapping,
            List<RunViews.Summary> recentRuns, long failed) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AppShell shell, List<Row> rows, boolean deleted);

        static native TemplateInstance detail(AppShell shell, Detail detail, boolean activationRefused);

        static native TemplateInstance delete(AppShell shell, AutomationView automation);
    }

    private final AppSession session;
    private final SecurityIdentity identity;
    private final AutomationService automations;
    private final RunHistory runs;
    private final CatalogLabels catalog;

    AutomationsPage(AppSession session, SecurityIdentity identity, AutomationService automations, RunHistory runs,
            CatalogLabels catalog) {
        this.session = session;
        this.identity = identity;
        this.automations = automations;
        this.runs = runs;
        this.catalog = catalog;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("deleted") boolean deleted, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "automations", lang, headers, Need.MEMBER, (caller, shell) -> {
            java.time.ZoneId zone = java.time.ZoneId.of(shell.workspace().timeZone());
            java.time.Instant monthStart = java.time.YearMonth.now(zone).atDay(1).atStartOfDay(zone).toInstant();
            List<Row> rows = automations.list(0, 100).items().stream()
                    .map(a -> new Row(a, catalog.steps(a, shell.locale()), runs.page(runsOf(a.id(), Optional.empty()), 0, 1).items()
                            .stream().findFirst().orElse(null),
                            runs.page(new RunHistory.Query(Optional.of(a.id()), Optional.empty(), Optional.of(monthStart),
                                    Optional.empty()), 0, 1).total(),
                            runs.page(runsOf(a.id(), Optional.of(RunStatus.FAILED)), 0, 1).items().stream().findFirst().orElse(null)))
                    .toList();
            return Pages.ok(Templates.list(shell, rows, deleted).setLocale(shell.locale()), lang);
        });
    }

    @GET
    @Path(ID)
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response detail(@PathParam("id") UUID id, @QueryParam("refused") boolean refused, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        return session.page(identity, "automations", lang, headers, Need.MEMBER, (caller, shell) -> {
            AutomationView automation = automations.find(id).orElseThrow(NotFoundException::new);
            List<Field> inputs = catalog.action(automation.action().connector(), automation.action().key())
                    .map(a -> a.inputs()).orElse(List.of());
            Detail detail = new Detail(automation, catalog.steps(automation, shell.locale()),
                    CatalogLabels.labelled(automation.mapping(), inputs, shell.locale()),
                    runs.page(runsOf(id, Optional.empty()), 0, 10).items(),
                    runs.page(runsOf(id, Optional.of(RunStatus.FAILED)), 0, 1).total());
            return Pages.ok(Templates.detail(shell, detail, refused).setLocale(shell.locale()), lang);
        });
    }

    /** "Duplicar": a new draft with the automation's current version (name, connections, mapping, filter), opened in the editor. */
    @POST
    @Path(ID + "/duplicate")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response duplicate(@PathParam("id") UUID id, @FormParam(FormTokens.FIELD) String formToken, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "automations", headers, Need.ADMIN, (caller, shell) -> {
            AutomationView original = automations.find(id).orElseThrow(NotFoundException::new);
            AutomationDraft draft = AutomationEditor.draftOf(original);
            String name = MessageBundles.get(AppMessages.class, Localized.Literal.of(shell.english() ? "en" : "pt-BR"))
                    .copy_of(original.name());
            name = name.length() > 200 ? name.substring(0, 200) : name;
            AutomationView copy = automations.create(caller.workspaceId(), caller.userId(), new AutomationDraft(name,
                    draft.triggerConnector(), draft.triggerKey(), draft.triggerConnectionId(), draft.triggerSettings(),
                    draft.actionConnector(), draft.actionKey(), draft.actionConnectionId(), draft.mapping(), draft.filter()),
                    original.templateKey());
            return Response.seeOther(URI.create("/app/automations/" + copy.id() + "/edit")).build();
        });
    }

    /** "Ativar": refused, back on the automation's page with its problems, while it has any. */
    @POST
    @Path(ID + "/activate")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response activate(@PathParam("id") UUID id, @FormParam(FormTokens.FIELD) String formToken, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "automations", headers, Need.ADMIN, (caller, shell) -> {
            try {
                automations.activate(id);
                return Response.seeOther(URI.create("/app/automations/" + id)).build();
            } catch (ValidationProblem problem) {
                return Response.seeOther(URI.create("/app/automations/" + id + "?refused=true")).build();
            }
        });
    }

    @POST
    @Path(ID + "/pause")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("id") UUID id, @FormParam(FormTokens.FIELD) String formToken, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "automations", headers, Need.ADMIN, (caller, shell) -> {
            automations.pause(id);
            return Response.seeOther(URI.create("/app/automations/" + id)).build();
        });
    }

    /** The confirmation before deleting. */
    @GET
    @Path(ID + "/delete")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response confirmDelete(@PathParam("id") UUID id, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "automations", lang, headers, Need.ADMIN, (caller, shell) -> {
            AutomationView automation = automations.find(id).orElseThrow(NotFoundException::new);
            return Pages.ok(Templates.delete(shell, automation).setLocale(shell.locale()), lang);
        });
    }

    @POST
    @Path(ID + "/delete")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") UUID id, @FormParam(FormTokens.FIELD) String formToken, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "automations", headers, Need.ADMIN, (caller, shell) -> {
            automations.delete(id);
            return Response.seeOther(URI.create("/app/automations?deleted=true")).build();
        });
    }

    /** "Reprocessar falhas": every failed run of the automation runs again with its current version. */
    @POST
    @Path(ID + "/replay-failed")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replayFailed(@PathParam("id") UUID id, @FormParam(FormTokens.FIELD) String formToken, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "runs", headers, Need.ADMIN, (caller, shell) -> {
            int queued = runs.replayFailed(caller.workspaceId(), id);
            return Response.seeOther(URI.create("/app/runs?automation=" + id + "&replayed=" + queued)).build();
        });
    }

    private static RunHistory.Query runsOf(UUID automationId, Optional<RunStatus> status) {
        return new RunHistory.Query(Optional.of(automationId), status, Optional.empty(), Optional.empty());
    }
}
