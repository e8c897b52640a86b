package app.ponte.server.web;

import app.ponte.server.api.ValidationProblem;
import app.ponte.server.automation.AutomationService;
import app.ponte.server.automation.AutomationView;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.template.AutomationTemplate;
import app.ponte.server.template.TemplateCatalog;
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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * "Usar este modelo": the templates to pick from, then, for the one picked, its name and the
 * connections it runs on (with a way to connect what is missing); creating it opens the mapping
 * editor on the new draft.
 */
@Path("/app/automations/new")
@Authenticated
public class AutomationWizard {

    /** A template as the gallery and the wizard show it. */
    public record TemplateCard(String key, String title, String description, String trigger, String action,
            String triggerConnector, String actionConnector) {
    }

    /** A connection to choose for a step; only usable ones (status OK) can be chosen. */
    public record ConnectionChoice(UUID id, String name, ConnectionStatus status, boolean selected) {

        public boolean usable() {
            return status == ConnectionStatus.OK;
        }
    }

    /** The wizard's form: its values and the problem that kept it from being created, if any. */
    public record Step(TemplateCard template, String name, String triggerConnectorName, List<ConnectionChoice> triggerConnections,
            String actionConnectorName, List<ConnectionChoice> actionConnections, List<String> problems) {

        public boolean ready() {
            return triggerConnections.stream().anyMatch(ConnectionChoice::usable) && actionConnections.stream().anyMatch(ConnectionChoice::usable);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gallery(AppShell shell, List<TemplateCard> templates, boolean unknown);

        static native TemplateInstance choose(AppShell shell, Step step);
    }

    private final AppSession session;
    private final SecurityIdentity identity;
    private final TemplateCatalog templates;
    private final ConnectionStore connections;
    private final AutomationService automations;
    private final CatalogLabels catalog;

    AutomationWizard(AppSession session, SecurityIdentity identity, TemplateCatalog templates, ConnectionStore connections,
            AutomationService automations, CatalogLabels catalog) {
        this.session = session;
        this.identity = identity;
        this.templates = templates;
        this.connections = connections;
        this.automations = automations;
        this.catalog = catalog;
    }

    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response start(@QueryParam("template") String templateKey, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        return session.page(identity, "automations", lang, headers, Need.MEMBER, (caller, shell) -> {
            Optional<AutomationTemplate> template = Optional.ofNullable(templateKey).flatMap(templates::find);
            if (template.isEmpty()) {
                List<TemplateCard> cards = templates.all().stream().map(t -> card(t, shell.locale())).toList();
                return Pages.page(templateKey == null ? 200 : 404, Templates.gallery(shell, cards, templateKey != null)
                        .setLocale(shell.locale()), lang).build();
            }
            Step step = step(caller.workspaceId(), template.get(), template.get().title().in(shell.locale()), null, null, List.of(),
                    shell.locale());
            return Pages.ok(Templates.choose(shell, step).setLocale(shell.locale()), lang);
        });
    }

    /** Creates the draft from the template on the chosen connections and opens the mapping editor. */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@FormParam(FormTokens.FIELD) String formToken, @FormParam("template") String templateKey,
            @FormParam("name") String name, @FormParam("trigger_connection") UUID triggerConnection,
            @FormParam("action_connection") UUID actionConnection, @Context HttpHeaders headers) {
        return session.form(identity, formToken, "automations", headers, Need.ADMIN, (caller, shell) -> {
            Optional<AutomationTemplate> template = Optional.ofNullable(templateKey).flatMap(templates::find);
            if (template.isEmpty()) {
                List<TemplateCard> cards = templates.all().stream().map(t -> card(t, shell.locale())).toList();
                return Pages.page(404, Templates.gallery(shell, cards, true).setLocale(shell.locale()), null).build();
            }
            try {
                AutomationView created = automations.fromTemplate(caller.workspaceId(), caller.userId(), template.get().key(),
                        triggerConnection, actionConnection, name);
                return Response.seeOther(URI.create("/app/automations/" + created.id() + "/edit")).build();
            } catch (ValidationProblem problem) {
                Step step = step(caller.workspaceId(), template.get(), name, triggerConnection, actionConnection,
                        problem.errors().stream().map(e -> e.message()).toList(), shell.locale());
                return Pages.page(400, Templates.choose(shell, step).setLocale(shell.locale()), null).build();
            }
        });
    }

    private Step step(UUID workspaceId, AutomationTemplate template, String name, UUID triggerChosen, UUID actionChosen,
            List<String> problems, Locale locale) {
        List<ConnectionView> all = connections.list(workspaceId);
        return new Step(card(template, locale), name,
                catalog.connectorName(template.trigger().connector()), choices(all, template.trigger().connector(), triggerChosen),
                catalog.connectorName(template.action().connector()), choices(all, template.action().connector(), actionChosen),
                problems);
    }

    /** The connector's connections, usable ones first; the chosen one (else the first usable one) selected. */
    private static List<ConnectionChoice> choices(List<ConnectionView> all, String connector, UUID chosen) {
        List<ConnectionView> ofConnector = all.stream().filter(c -> c.connectorId().equals(connector))
                .filter(c -> c.status() != ConnectionStatus.DISCONNECTED)
                .sorted((a, b) -> Boolean.compare(b.status() == ConnectionStatus.OK, a.status() == ConnectionStatus.OK)).toList();
        UUID selected = chosen != null ? chosen : ofConnector.stream().filter(c -> c.status() == ConnectionStatus.OK)
                .map(ConnectionView::id).findFirst().orElse(null);
        return ofConnector.stream().map(c -> new ConnectionChoice(c.id(), c.displayName(), c.status(), c.id().equals(selected))).toList();
    }

    private TemplateCard card(AutomationTemplate template, Locale locale) {
        return new TemplateCard(template.key(), template.title().in(locale), template.description().in(locale),
                catalog.trigger(template.trigger().connector(), template.trigger().key()).map(t -> t.label().in(locale))
                        .orElse(template.trigger().key()),
                catalog.action(template.action().connector(), template.action().key()).map(a -> a.label().in(locale))
                        .orElse(template.action().key()),
                template.trigger().connector(), template.action().connector());
    }
}
