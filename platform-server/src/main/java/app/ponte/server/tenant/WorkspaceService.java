package app.ponte.server.tenant;

import app.ponte.server.audit.AuditLog;
import app.ponte.server.audit.AuditLog.Target;
import app.ponte.server.tenant.WorkspaceAccess.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A workspace's own settings: its name and time zone. Owners and admins change them. */
@ApplicationScoped
public class WorkspaceService {

    /** Longest workspace name. */
    public static final int MAX_NAME = 120;

    private final AuditLog audit;

    WorkspaceService(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public WorkspaceSettings settings(Caller caller) {
        Tenant tenant = Tenant.<Tenant>findByIdOptional(caller.workspaceId()).orElseThrow(() -> new NotFoundException("workspace not found"));
        return view(tenant, caller.role());
    }

    /**
     * Renames the workspace and/or changes its time zone; an empty argument leaves that setting as
     * it is. The caller has checked the name (1..{@value #MAX_NAME} characters once trimmed).
     */
    @Transactional
    public WorkspaceSettings update(Caller caller, Optional<String> name, Optional<ZoneId> timeZone) {
        if (!caller.role().manages()) {
            throw new ForbiddenException("only owners and admins change the workspace's settings");
        }
        Tenant tenant = Tenant.locked(caller.workspaceId()).orElseThrow(() -> new NotFoundException("workspace not found"));
        Map<String, Object> changed = new LinkedHashMap<>();
        name.map(String::strip).filter(n -> !n.equals(tenant.name)).ifPresent(n -> {
            if (n.isEmpty() || n.length() > MAX_NAME) {
                throw new IllegalArgumentException("a workspace name has 1 to " + MAX_NAME + " characters");
            }
            changed.put("previous_name", tenant.name);
            changed.put("name", n);
            tenant.name = n;
        });
        timeZone.map(ZoneId::getId).filter(z -> !Objects.equals(z, tenant.timeZone)).ifPresent(z -> {
            changed.put("previous_time_zone", tenant.timeZone);
            changed.put("time_zone", z);
            tenant.timeZone = z;
        });
        if (!changed.isEmpty()) {
            audit.record(caller.workspaceId(), caller.actor(), "workspace.updated", Target.of("workspace", tenant.id), changed);
        }
        return view(tenant, caller.role());
    }

    private static WorkspaceSettings view(Tenant tenant, Role role) {
        return new WorkspaceSettings(tenant.id, tenant.name, tenant.timeZone, tenant.createdAt, role);
    }
}
