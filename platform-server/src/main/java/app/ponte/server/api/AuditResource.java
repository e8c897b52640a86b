package app.ponte.server.api;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditPage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A workspace's audit log (owners and admins), newest first, a page at a time. */
@Path("/api/v1/workspaces/{workspaceId}/audit")
@Authenticated
@Blocking
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    static final int MAX_SIZE = 200;

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    AuditResource(WorkspaceAccess access, SecurityIdentity identity, AuditLog audit) {
        this.access = access;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Who did what and when: page (from 0) and size (1 to 200, default 50), with the total")
    public AuditPage list(@PathParam("workspaceId") UUID workspaceId,
                          @QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("50") int size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new Problem.FieldError("page", "A página começa em 0."));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new Problem.FieldError("size", "O tamanho da página vai de 1 a " + MAX_SIZE + "."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("Alguns campos não são válidos.", errors);
        }
        return access.within(identity, workspaceId, Need.ADMIN, () -> audit.list(workspaceId, page, size));
    }
}
