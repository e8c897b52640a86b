package app.ponte.server.web;

import app.ponte.api.ConnectorDescriptor;
import app.ponte.server.automation.AutomationService;
import app.ponte.server.automation.AutomationStatus;
import app.ponte.server.automation.AutomationView;
import app.ponte.server.connection.ConnectionStatus;
import app.ponte.server.connection.ConnectionStore;
import app.ponte.server.connection.ConnectionView;
import app.ponte.server.connector.ConnectorService;
import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in start page: the workspace, its connections and, until everything is set up, the
 * onboarding checklist (connect Hotmart, connect Kommo, pick a template) read from the real state.
 */
@Path("/app")
@Authenticated
public class AppPage {

    /**
     * Where a workspace stands on its way to a first automation.
     *
     * @param automation an automation exists (from a template or not)
     * @param active     one of them is switched on
     */
    public record Onboarding(boolean hotmart, boolean kommo, boolean automation, boolean active) {

        public boolean done() {
            return hotmart && kommo && automation;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(AppShell shell, Onboarding onboarding, List<ConnectionView> connections,
                List<ConnectorDescriptor> connectable, ConnectionView connected);
    }

    private final AppSession session;
    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final ConnectionStore connections;
    private final ConnectorService connectors;
    private final AutomationService automations;
    private final FormTokens formTokens;

    AppPage(AppSession session, AccountService accounts, SecurityIdentity identity, ConnectionStore connections,
            ConnectorService connectors, AutomationService automations, FormTokens formTokens) {
        this.session = session;
        this.accounts = accounts;
        this.identity = identity;
        this.connections = connections;
        this.connectors = connectors;
        this.automations = automations;
        this.formTokens = formTokens;
    }

    /**
     * The start page. {@code ?template=} (the public pages' "Usar este modelo") goes on to the
     * template wizard; {@code ?connected=} names the connection an OAuth flow just made.
     */
    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response index(@QueryParam("lang") String lang, @QueryParam("template") String template,
            @QueryParam("connected") UUID connected, @Context HttpHeaders headers) {
        if (template != null && !template.isBlank()) {
            return Response.seeOther(UriBuilder.fromPath("/app/automations/new").queryParam("template", template).build()).build();
        }
        return session.page(identity, "home", lang, headers, Need.MEMBER, (caller, shell) -> {
            List<ConnectionView> all = connections.list(caller.workspaceId());
            List<AutomationView> existing = automations.list(0, 100).items();
            Onboarding onboarding = new Onboarding(usable(all, "hotmart"), usable(all, "kommo"), !existing.isEmpty(),
                    existing.stream().anyMatch(a -> a.status() == AutomationStatus.ACTIVE));
            List<ConnectorDescriptor> connectable = connectors.descriptors().stream().filter(c -> c.oauth().isPresent()).toList();
            ConnectionView justConnected = connected == null ? null
                    : all.stream().filter(c -> c.id().equals(connected)).findFirst().orElse(null);
            TemplateInstance page = Templates.index(shell, onboarding, all, connectable, justConnected);
            return Pages.ok(page.setLocale(shell.locale()), lang);
        });
    }

    /** The workspace switcher: the user works in another of their workspaces from now on. */
    @POST
    @Path("workspace")
    @Blocking
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchWorkspace(@FormParam(FormTokens.FIELD) String formToken, @FormParam("workspace") UUID workspaceId) {
        formTokens.verify(identity, formToken);
        if (workspaceId == null) {
            return Response.seeOther(URI.create("/app")).build();
        }
        accounts.switchWorkspace(identity, workspaceId);
        return Response.seeOther(URI.create("/app")).build();
    }

    /**
     * A link into a given workspace, as the alert e-mails send: {@code /app/workspaces/{id}/runs?status=FAILED}
     * makes that workspace the current one and opens {@code /app/runs?status=FAILED}. A workspace the
     * user does not belong to answers the "not found" page; the rest of the path stays under {@code /app}.
     */
    @GET
    @Path("workspaces/{workspace: [0-9a-fA-F-]{36}}/{page: [a-z0-9/-]*}")
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public Response inWorkspace(@PathParam("workspace") UUID workspace, @PathParam("page") String page, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        try {
            accounts.switchWorkspace(identity, workspace);
        } catch (NotFoundException notAMember) {
            return session.page(identity, "home", null, headers, Need.MEMBER, (caller, shell) -> {
                throw notAMember;
            });
        }
        String query = uri.getRequestUri().getRawQuery();
        return Response.seeOther(URI.create("/app/" + page + (query == null ? "" : "?" + query))).build();
    }

    private static boolean usable(List<ConnectionView> connections, String connectorId) {
        return connections.stream().anyMatch(c -> c.connectorId().equals(connectorId) && c.status() == ConnectionStatus.OK);
    }
}
