package app.ponte.server.web;

import app.ponte.api.field.Field;
import app.ponte.server.automation.AutomationService;
import app.ponte.server.automation.AutomationView;
import app.ponte.server.runner.RunHistory;
import app.ponte.server.runner.RunStatus;
import app.ponte.server.runner.RunViews;
import app.ponte.server.runner.UsageMeter;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The run history: every run of the workspace's automations (or of one), filtered by status,
 * automation and day, updated live while the first page is shown; a run's page with the event, the
 * inputs the action received, its outputs (the Kommo lead id), each attempt with its external calls
 * and errors; "Tentar novamente" for one run and, on an automation's page, "Reprocessar falhas".
 * Members see documents and phones masked.
 */
@Path("/app/runs")
@Authenticated
public class RunsPage {

    private static final int PAGE_SIZE = 25;

    /**
     * The list's filters as the form sends them (dates as yyyy-MM-dd, whole days in the workspace's
     * time zone, both included).
     */
    public record Filters(String status, UUID automation, String from, String to, int page) {

        /** The query string of these filters on another page. */
        public String onPage(int other) {
            UriBuilder uri = UriBuilder.fromPath("/app/runs");
            if (status != null && !status.isBlank()) {
                uri.queryParam("status", status);
            }
            if (automation != null) {
                uri.queryParam("automation", automation);
            }
            if (from != null && !from.isBlank()) {
                uri.queryParam("from", from);
            }
            if (to != null && !to.isBlank()) {
                uri.queryParam("to", to);
            }
            if (other > 0) {
                uri.queryParam("page", other);
            }
            return uri.build().toString();
        }
    }

    public record AutomationChoice(UUID id, String name, boolean selected) {
    }

    public record StatusChoice(String name, boolean selected) {
    }

    /** A page of the list with what the filter form needs. */
    /**
     * The workspace's usage this month against its plan (runs counted as {@link UsageMeter} counts them).
     *
     * @param limit null when the plan has none
     */
    public record UsageView(String plan, long runs, Long limit, long held) {

        public boolean limited() {
            return limit != null;
        }

        /** How much of the limit is used, 0 to 100 (0 without a limit). */
        public long percent() {
            return limit == null || limit == 0 ? 0 : Math.min(100, runs * 100 / limit);
        }
    }

    public record Listing(RunViews.Page runs, Filters filters, List<StatusChoice> statuses, List<AutomationChoice> automations,
            String automationName, Integer replayed, boolean invalidDate) {

        public boolean hasNext() {
            return (long) (runs.page() + 1) * runs.size() < runs.total();
        }

        public boolean live() {
            return runs.page() == 0;
        }
    }

    /** A run's page: the detail with the labels of its event's and inputs' fields. */
    public record Detail(RunViews.Detail run, List<CatalogLabels.LabelledValue> event, List<CatalogLabels.LabelledValue> inputs,
            List<CatalogLabels.LabelledValue> outputs, boolean replayed, boolean stillRunning) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(AppShell shell, Listing listing, UsageView usage);

        static native TemplateInstance run(AppShell shell, Detail detail);
    }

    private final AppSession session;
    private final SecurityIdentity identity;
    private final RunHistory runs;
    private final UsageMeter usage;
    private final AutomationService automations;
    private final CatalogLabels catalog;

    RunsPage(AppSession session, SecurityIdentity identity, RunHistory runs, AutomationService automations, CatalogLabels catalog,
            UsageMeter usage) {
        this.usage = usage;
        this.session = session;
        this.identity = identity;
        this.runs = runs;
        this.automations = automations;
        this.catalog = catalog;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("status") String status, @QueryParam("automation") UUID automation,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") int page,
            @QueryParam("replayed") Integer replayed, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "runs", lang, headers, Need.MEMBER, (caller, shell) -> {
            ZoneId zone = ZoneId.of(shell.workspace().timeZone());
            Optional<RunStatus> chosen = status(status);
            Optional<LocalDate> fromDay = day(from);
            Optional<LocalDate> toDay = day(to);
            boolean invalidDate = (from != null && !from.isBlank() && fromDay.isEmpty()) || (to != null && !to.isBlank() && toDay.isEmpty());
            RunHistory.Query query = new RunHistory.Query(Optional.ofNullable(automation), chosen,
                    fromDay.map(d -> d.atStartOfDay(zone).toInstant()), toDay.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
            int shown = Math.max(0, page);
            List<AutomationView> all = automations.list(0, 100).items();
            Listing listing = new Listing(runs.page(query, shown, PAGE_SIZE),
                    new Filters(chosen.map(Enum::name).orElse(""), automation, from, to, shown),
                    Arrays.stream(RunStatus.values()).map(s -> new StatusChoice(s.name(), chosen.map(s::equals).orElse(false))).toList(),
                    all.stream().map(a -> new AutomationChoice(a.id(), a.name(), a.id().equals(automation))).toList(),
                    automation == null ? null : all.stream().filter(a -> a.id().equals(automation)).map(AutomationView::name)
                            .findFirst().orElse(null),
                    replayed, invalidDate);
            UsageMeter.Usage used = usage.usage(caller.workspaceId(), 1);
            UsageView usageView = new UsageView(used.plan(), used.months().isEmpty() ? 0 : used.months().get(0).runsExecuted(),
                    used.monthlyRunLimit(), used.heldRuns());
            return Pages.ok(Templates.list(shell, listing, usageView).setLocale(shell.locale()), lang);
        });
    }

    @GET
    @Path("{id: [0-9a-fA-F-]{36}}")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response run(@PathParam("id") UUID id, @QueryParam("replayed") boolean replayed, @QueryParam("running") boolean running,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "runs", lang, headers, Need.MEMBER, (caller, shell) -> {
            RunViews.Detail detail = runs.detail(id, caller.role().manages());
            Locale locale = shell.locale();
            List<Field> eventFields = Optional.ofNullable(detail.run().triggerKey()).flatMap(catalog::anyTrigger)
                    .map(t -> t.outputs()).orElse(List.of());
            Optional<AutomationView> automation = automations.find(detail.run().automationId());
            List<Field> inputs = automation.flatMap(a -> catalog.action(a.action().connector(), a.action().key()))
                    .map(a -> a.inputs()).orElse(List.of());
            List<Field> outputs = automation.flatMap(a -> catalog.action(a.action().connector(), a.action().key()))
                    .map(a -> a.outputs()).orElse(List.of());
            Detail page = new Detail(detail, CatalogLabels.labelled(detail.event(), eventFields, locale),
                    CatalogLabels.labelled(detail.inputs(), inputs, locale),
                    CatalogLabels.labelled(detail.run().outputs(), outputs, locale), replayed, running);
            return Pages.ok(Templates.run(shell, page).setLocale(locale), lang);
        });
    }

    /** "Tentar novamente": the run again, with its automation's current version (finished runs only). */
    @POST
    @Path("{id: [0-9a-fA-F-]{36}}/replay")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") UUID id, @FormParam(FormTokens.FIELD) String formToken, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "runs", headers, Need.ADMIN, (caller, shell) -> {
            try {
                runs.replay(caller.workspaceId(), id);
                return Response.seeOther(URI.create("/app/runs/" + id + "?replayed=true")).build();
            } catch (ClientErrorException e) {
                if (e.getResponse().getStatus() != 409) {
                    throw e;
                }
                return Response.seeOther(URI.create("/app/runs/" + id + "?running=true")).build();
            }
        });
    }

    private static Optional<RunStatus> status(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunStatus.valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> day(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
