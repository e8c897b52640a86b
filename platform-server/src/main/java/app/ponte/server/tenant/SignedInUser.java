package app.ponte.server.tenant;

import java.util.List;
import java.util.UUID;

/** Who is signed in and the workspaces they belong to (first: the one they created). */
public record SignedInUser(UUID id, String email, String displayName, List<Workspace> workspaces) {

    public record Workspace(UUID id, String name, Role role, String timeZone) {
    }

    public Workspace currentWorkspace() {
        return workspaces.get(0);
    }
}
