package app.ponte.server.api;

import app.ponte.server.runner.UsageMeter;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plans on offer, and operators putting a workspace on one. */
@Path("/api/v1")
@Blocking
@Tag(name = "Usage")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    /** Platform operators (a Keycloak realm role). */
    public static final String OPERATOR = "platform-operator";

    public record PlanRequest(String plan) {
    }

    private final UsageMeter usage;

    PlanResource(UsageMeter usage) {
        this.usage = usage;
    }

    @GET
    @Path("/plans")
    @Authenticated
    @Operation(summary = "The plans and their monthly run limits (null: no limit)")
    public Map<String, Long> plans() {
        return usage.plans();
    }

    @PUT
    @Path("/admin/workspaces/{workspaceId}/plan")
    @RolesAllowed(OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Operators: put a workspace on a plan (held runs are released if the new limit allows)")
    public UsageMeter.Usage changePlan(@PathParam("workspaceId") UUID workspaceId, PlanRequest request) {
        if (request == null || request.plan() == null || !usage.plans().containsKey(request.plan())) {
            throw ValidationProblem.field("plan", "Plano desconhecido; use um de " + usage.plans().keySet() + ".");
        }
        usage.changePlan(workspaceId, request.plan());
        return usage.usage(workspaceId, 1);
    }
}
