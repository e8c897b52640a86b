package app.ponte.server.api;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.runner.PersonalDataService;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * LGPD requests of a data subject, by e-mail address: export everything the workspace holds about
 * them, or erase it. Owners and admins only; both are recorded in the audit log (with a reference
 * to the address, never the address).
 */
@Path("/api/v1/workspaces/{workspaceId}/personal-data")
@Authenticated
@Blocking
@Tag(name = "Personal data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    public record Request(String email) {
    }

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final PersonalDataService data;
    private final AuditLog audit;

    PersonalDataResource(WorkspaceAccess access, SecurityIdentity identity, PersonalDataService data, AuditLog audit) {
        this.access = access;
        this.identity = identity;
        this.data = data;
        this.audit = audit;
    }

    @POST
    @Path("/export")
    @Operation(summary = "Every event and run that concerns the e-mail address, in full")
    public PersonalDataService.Export export(@PathParam("workspaceId") UUID workspaceId, Request request) {
        String email = address(request);
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            PersonalDataService.Export export = data.export(workspaceId, email);
            audit.record(workspaceId, caller.actor(), "personal_data.exported",
                    AuditLog.Target.of("data_subject", PersonalDataService.reference(workspaceId, email)),
                    Map.of("events", export.events().size()));
            return export;
        });
    }

    @POST
    @Path("/erase")
    @Operation(summary = "Erase every event that concerns the e-mail address, with its runs")
    public PersonalDataService.Erased erase(@PathParam("workspaceId") UUID workspaceId, Request request) {
        String email = address(request);
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> {
            PersonalDataService.Erased erased = data.erase(workspaceId, email);
            audit.record(workspaceId, caller.actor(), "personal_data.erased",
                    AuditLog.Target.of("data_subject", PersonalDataService.reference(workspaceId, email)),
                    Map.of("events", erased.events(), "runs", erased.runs()));
            return erased;
        });
    }

    private static String address(Request request) {
        try {
            return PersonalDataService.normalise(request == null ? null : request.email());
        } catch (IllegalArgumentException e) {
            throw ValidationProblem.field("email", "Informe um e-mail válido.");
        }
    }
}
