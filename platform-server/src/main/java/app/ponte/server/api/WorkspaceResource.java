package app.ponte.server.api;

import app.ponte.server.tenant.AccountService;
import app.ponte.server.tenant.SignedInUser;
import app.ponte.server.tenant.WorkspaceAccess;
import app.ponte.server.tenant.WorkspaceAccess.Need;
import app.ponte.server.tenant.WorkspaceService;
import app.ponte.server.tenant.WorkspaceSettings;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A workspace's settings: any member reads them, owners and admins change the name and the time
 * zone. A workspace the caller does not belong to answers 404.
 */
@Path("/api/v1/workspaces/{workspaceId}")
@Authenticated
@Blocking
@Tag(name = "Workspaces")
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    /** Settings to change; a field left out (or null) stays as it is. */
    public record SettingsChange(String name, String timeZone) {
    }

    private final WorkspaceAccess access;
    private final SecurityIdentity identity;
    private final WorkspaceService workspaces;

    WorkspaceResource(WorkspaceAccess access, SecurityIdentity identity, WorkspaceService workspaces) {
        this.access = access;
        this.identity = identity;
        this.workspaces = workspaces;
    }

    @GET
    @Operation(summary = "The workspace's name, time zone and the caller's role")
    public WorkspaceSettings get(@PathParam("workspaceId") UUID workspaceId) {
        return access.withCaller(identity, workspaceId, Need.MEMBER, workspaces::settings);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename the workspace (1 to 120 characters) or change its time zone (e.g. America/Sao_Paulo)")
    public WorkspaceSettings update(@PathParam("workspaceId") UUID workspaceId, SettingsChange change) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<String> name = Optional.ofNullable(change).map(SettingsChange::name).map(String::strip);
        if (name.isPresent() && (name.get().isEmpty() || name.get().length() > WorkspaceService.MAX_NAME)) {
            errors.add(new Problem.FieldError("name", "O nome tem de 1 a " + WorkspaceService.MAX_NAME + " caracteres."));
        }
        Optional<ZoneId> zone = Optional.empty();
        String zoneText = change == null ? null : change.timeZone();
        if (zoneText != null) {
            try {
                zone = Optional.of(ZoneId.of(zoneText.strip()));
            } catch (DateTimeException e) {
                errors.add(new Problem.FieldError("timeZone", "Fuso horário desconhecido; use um como America/Sao_Paulo."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("Alguns campos não são válidos.", errors);
        }
        Optional<ZoneId> timeZone = zone;
        return access.withCaller(identity, workspaceId, Need.ADMIN, caller -> workspaces.update(caller, name, timeZone));
    }

    /** The workspace the caller works in (pages and defaults follow it). */
    @Path("/api/v1/me/current-workspace")
    @Authenticated
    @Blocking
    @Tag(name = "Account")
    @Produces(MediaType.APPLICATION_JSON)
    public static class CurrentWorkspace {

        /** The workspace to switch to. */
        public record Switch(UUID workspaceId) {
        }

        private final AccountService accounts;
        private final SecurityIdentity identity;

        CurrentWorkspace(AccountService accounts, SecurityIdentity identity) {
            this.accounts = accounts;
            this.identity = identity;
        }

        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        @Operation(summary = "Switch to another of one's workspaces (404 if not a member); answers the caller as /api/v1/me does")
        public SignedInUser change(Switch request) {
            if (request == null || request.workspaceId() == null) {
                throw ValidationProblem.field("workspaceId", "Informe o espaço de trabalho.");
            }
            return accounts.switchWorkspace(identity, request.workspaceId());
        }
    }
}
