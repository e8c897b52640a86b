package app.ponte.server.api;

import app.ponte.server.runner.ManualRuns;
import app.ponte.server.runner.RunHistory;
import app.ponte.server.runner.RunStatus;
import app.ponte.server.runner.RunViews;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's run history: every run of its automations with its attempts and external calls,
 * and replays. Members read (documents and phones masked); owners and admins see them in full and
 * replay.
 */
@Path("/api/v1/workspaces/{workspaceId}")
@Authenticated
@Blocking
@Tag(name = "Runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    /** A sample of the trigger (by name; none: the first) or an event the workspace received. */
    public record RunOnceRequest(String sample, UUID eventId) {
    }

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final RunHistory runs;
    private final ManualRuns manual;

    RunResource(WorkspaceAccess access, SecurityIdentity identity, RunHistory runs, ManualRuns manual) {
        this.access = access;
        this.identity = identity;
        this.runs = runs;
        this.manual = manual;
    }

    @GET
    @Path("/runs")
    @Operation(summary = "Runs, newest first; by automation, status and time (from inclusive, to exclusive, ISO-8601)")
    public RunViews.Page list(@PathParam("workspaceId") UUID workspaceId, @QueryParam("automationId") UUID automationId,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ValidationProblem.field("size", "page ≥ 0 e size entre 1 e 100.");
        }
        RunHistory.Query query = new RunHistory.Query(Optional.ofNullable(automationId), status(status), instant("from", from),
                instant("to", to));
        return access.within(identity, workspaceId, Need.MEMBER, () -> runs.page(query, page, size));
    }

    @GET
    @Path("/runs/{runId}")
    @Operation(summary = "One run in full: event, resolved inputs, outputs, attempts with their calls")
    public RunViews.Detail get(@PathParam("workspaceId") UUID workspaceId, @PathParam("runId") UUID runId) {
        return access.withCaller(identity, workspaceId, Need.MEMBER, caller -> runs.detail(runId, caller.role().manages()));
    }

    @POST
    @Path("/runs/{runId}/replay")
    @Operation(summary = "Run it again with the automation's current version (finished runs only)")
    public RunViews.Summary replay(@PathParam("workspaceId") UUID workspaceId, @PathParam("runId") UUID runId) {
        return access.within(identity, workspaceId, Need.ADMIN, () -> runs.replay(workspaceId, runId));
    }

    @POST
    @Path("/automations/{automationId}/runs/replay-failed")
    @Operation(summary = "Run every failed run of the automation again, with its current version")
    public Map<String, Integer> replayFailed(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId) {
        return access.within(identity, workspaceId, Need.ADMIN, () -> Map.of("queued", runs.replayFailed(workspaceId, automationId)));
    }

    @POST
    @Path("/automations/{automationId}/run-once")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run the automation now, for real, on a sample event (or a received one), whatever its status; "
            + "answers 202 with the run to follow")
    public Response runOnce(@PathParam("workspaceId") UUID workspaceId, @PathParam("automationId") UUID automationId,
            RunOnceRequest request) {
        Optional<String> sample = Optional.ofNullable(request).map(RunOnceRequest::sample).filter(s -> !s.isBlank());
        Optional<UUID> eventId = Optional.ofNullable(request).map(RunOnceRequest::eventId);
        RunViews.Summary run = access.within(identity, workspaceId, Need.ADMIN, () -> {
            UUID runId = manual.runOnce(workspaceId, automationId, sample, eventId);
            return runs.detail(runId, true).run();
        });
        return Response.accepted(run).location(URI.create("/api/v1/workspaces/" + workspaceId + "/runs/" + run.id())).build();
    }

    private static Optional<RunStatus> status(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunStatus.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.field("status", "Situação desconhecida; use uma de " + Arrays.toString(RunStatus.values()) + ".");
        }
    }

    private static Optional<Instant> instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw ValidationProblem.field(field, "Data e hora em ISO-8601 (ex.: 2026-12-01T00:00:00Z).");
        }
    }
}
