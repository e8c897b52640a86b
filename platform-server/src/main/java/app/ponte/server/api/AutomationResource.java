package app.ponte.server.api;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.automation.AutomationDraft;
import app.ponte.server.automation.AutomationPreview;
import app.ponte.server.automation.AutomationService;
import app.ponte.server.automation.AutomationView;
import app.ponte.server.automation.SampleEvents;
import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.Role;
import app.ponte.server.tenant.SignedInUser;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's automations: create (from a template or from scratch), edit (each save is a new
 * version), activate once valid, pause, delete, and preview against the trigger's sample events (with the
 * plan the action would execute, on request).
 * Members may read and preview; owners and admins change them, each change in the workspace's
 * audit log. Members do not see the webhook URL an active automation's trigger may need registered by hand.
 */
@Path("/api/v1/workspaces/{workspaceId}/automations")
@Authenticated
@Blocking
@Tag(name = "Automations")
@Produces(MediaType.APPLICATION_JSON)
public class AutomationResource {

    /** A trigger or an action in a request: which connector's which trigger/action, on which connection. */
    public record StepRequest(String connector, String key, UUID connectionId) {
    }

    /**
     * A new automation: either {@code templateKey} with the two connections (the template gives the
     * rest), or the whole automation.
     */
    public record CreateRequest(String templateKey, String name, StepRequest trigger, StepRequest action,
            Map<String, String> triggerSettings, Map<String, String> mapping, JsonNode filter) {
    }

    /** The whole editable state; saved as a new version. */
    public record UpdateRequest(String name, StepRequest trigger, StepRequest action, Map<String, String> triggerSettings,
            Map<String, String> mapping, JsonNode filter) {
    }

    private final WorkspaceAccess access;
    private final AccountService accounts;
    private final SecurityIdentity identity;
    private final AutomationService automations;
    private final SampleEvents samples;
    private final AuditLog audit;

    AutomationResource(WorkspaceAccess access, AccountService accounts, SecurityIdentity identity, AutomationService automations,
            SampleEvents samples, AuditLog audit) {
        this.access = access;
        this.accounts = accounts;
        this.identity = identity;
        this.automations = automations;
        this.samples = samples;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "The workspace's automations, newest first")
    public AutomationService.Page list(@PathParam("workspaceId") UUID workspaceId, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ValidationProblem.field("size", "page ≥ 0 e size entre 1 e 100.");
        }
        return access.withCaller(identity, workspaceId, Need.MEMBER, caller -> {
            AutomationService.Page found = automations.list(page, size);
            return caller.role() == Role.MEMBER ? new AutomationService.Page(found.items().stream()
                    .map(AutomationView::withoutWebhookUrl).toList(), found.page(), found.size(), found.total()) : found;
        });
    }

    @GET
    @Path("/{automationId}")
    @Operation(summary = "One automation, with the problems that keep it from running")
    public AutomationView get(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId) {
        return access.withCaller(identity, workspaceId, Need.MEMBER, caller -> automations.find(automationId)
                .map(view -> caller.role() == Role.MEMBER ? view.withoutWebhookUrl() : view)
                .orElseThrow(() -> new NotFoundException("automation not found")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft automation, from a template or from scratch")
    public Response create(@PathParam("workspaceId") UUID workspaceId, CreateRequest request) {
        if (request == null) {
            throw ValidationProblem.field("templateKey", "Informe um modelo ou a automação inteira.");
        }
        UUID userId = accounts.signIn(identity).id();
        AutomationView created = access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            AutomationView view = request.templateKey() != null
                    ? automations.fromTemplate(workspaceId, userId, request.templateKey(), connection(request.trigger()),
                            connection(request.action()), request.name())
                    : automations.create(workspaceId, userId, draft(request.name(), request.trigger(), request.action(),
                            request.triggerSettings(), request.mapping(), request.filter()), null);
            Map<String, Object> detail = new HashMap<>(Map.of("name", view.name(),
                    "trigger", view.trigger().connector() + "." + view.trigger().key(),
                    "action", view.action().connector() + "." + view.action().key()));
            if (view.templateKey() != null) {
                detail.put("template_key", view.templateKey());
            }
            audit.record(workspaceId, caller.actor(), "automation.created", Target.of("automation", view.id()), detail);
            return view;
        });
        return Response.created(URI.create("/api/v1/workspaces/" + workspaceId + "/automations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{automationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save an edit as a new version (an active automation with new problems is paused)")
    public AutomationView update(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId,
            UpdateRequest request) {
        if (request == null) {
            throw ValidationProblem.field("mapping", "Envie a automação inteira.");
        }
        UUID userId = accounts.signIn(identity).id();
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            AutomationView view = automations.update(workspaceId, userId, automationId, draft(request.name(), request.trigger(),
                    request.action(), request.triggerSettings(), request.mapping(), request.filter()));
            audit.record(workspaceId, caller.actor(), "automation.changed", Target.of("automation", automationId),
                    Map.of("name", view.name(), "version", view.version(), "status", view.status()));
            return view;
        });
    }

    @POST
    @Path("/{automationId}/activate")
    @Operation(summary = "Switch it on (refused, with the problems, while it has any)")
    public AutomationView activate(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId) {
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            AutomationView view = automations.activate(automationId);
            Map<String, Object> detail = new HashMap<>(Map.of("version", view.version()));
            if (view.webhookSubscription() != null) {
                detail.put("webhook_subscription", view.webhookSubscription().state());
            }
            audit.record(workspaceId, caller.actor(), "automation.activated", Target.of("automation", automationId), detail);
            return view;
        });
    }

    @POST
    @Path("/{automationId}/pause")
    @Operation(summary = "Switch it off")
    public AutomationView pause(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId) {
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            AutomationView view = automations.pause(automationId);
            audit.record(workspaceId, caller.actor(), "automation.paused", Target.of("automation", automationId),
                    Map.of("version", view.version()));
            return view;
        });
    }

    @DELETE
    @Path("/{automationId}")
    @Operation(summary = "Delete it (its run history is kept)")
    public Response delete(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId) {
        access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            automations.delete(automationId);
            audit.record(workspaceId, caller.actor(), "automation.deleted", Target.of("automation", automationId));
            return null;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("/{automationId}/preview")
    @Operation(summary = "Dry run of the mapping over the trigger's sample events and the connection's last received events "
            + "(named recebido-<event id>), or the one named by ?sample=",
            description = "With ?plan=true, each sample whose mapping works and whose filter passes also gets the plan the "
                    + "action would execute on the automation's action connection, worked out with reads only (nothing is "
                    + "written at the vendor or in Ponte). An error from the vendor ends that sample's plan as a step; it is "
                    + "never an error of this request.")
    public AutomationPreview preview(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId,
            @QueryParam("sample") String sample, @QueryParam("plan") @DefaultValue("false") boolean plan) {
        SignedInUser user = accounts.signIn(identity);
        ZoneId zone = user.workspaces().stream().filter(w -> w.id().equals(workspaceId)).findFirst()
                .map(w -> ZoneId.of(w.timeZone())).orElse(ZoneId.of("America/Sao_Paulo"));
        return access.within(identity, workspaceId, Need.MEMBER,
                () -> automations.preview(automationId, Optional.ofNullable(sample), samples, zone, plan));
    }

    private static UUID connection(StepRequest step) {
        return step == null ? null : step.connectionId();
    }

    private static AutomationDraft draft(String name, StepRequest trigger, StepRequest action, Map<String, String> settings,
            Map<String, String> mapping, JsonNode filter) {
        if (trigger == null || action == null) {
            throw ValidationProblem.field(trigger == null ? "trigger" : "action", "Informe o gatilho e a ação.");
        }
        return new AutomationDraft(name, trigger.connector(), trigger.key(), trigger.connectionId(), settings,
                action.connector(), action.key(), action.connectionId(), mapping, filter);
    }
}
