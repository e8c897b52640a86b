package app.ponte.server.api;

import app.ponte.server.runner.UsageMeter;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage metering: what a workspace received and ran per month, against its plan ({@link PlanResource} changes plans). */
@Path("/api/v1/workspaces/{workspaceId}/usage")
@Blocking
@Tag(name = "Usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final UsageMeter usage;

    UsageResource(WorkspaceAccess access, SecurityIdentity identity, UsageMeter usage) {
        this.access = access;
        this.identity = identity;
        this.usage = usage;
    }

    @GET
    @Authenticated
    @Operation(summary = "Events received and runs executed per month (UTC), newest first, with the plan's limit and held runs")
    public UsageMeter.Usage get(@PathParam("workspaceId") UUID workspaceId, @QueryParam("months") @DefaultValue("12") int months) {
        if (months < 1 || months > 36) {
            throw ValidationProblem.field("months", "Entre 1 e 36 meses.");
        }
        return access.within(identity, workspaceId, Need.MEMBER, () -> usage.usage(workspaceId, months));
    }
}
