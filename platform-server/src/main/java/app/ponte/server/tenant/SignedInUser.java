package app.ponte.server.tenant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is signed in and the workspaces they belong to (oldest membership first: the one they
 * created), with the one they are working in.
 *
 * @param currentWorkspaceId the workspace the user switched to, or else their first one
 */
public record SignedInUser(UUID id, String email, String displayName, UUID currentWorkspaceId, List<Workspace> workspaces) {

    public record Workspace(UUID id, String name, Role role, String timeZone) {
    }

    public SignedInUser {
        workspaces = List.copyOf(workspaces);
        UUID chosen = currentWorkspaceId;
        currentWorkspaceId = workspaces.stream().map(Workspace::id).filter(w -> w.equals(chosen)).findFirst()
                .orElse(workspaces.isEmpty() ? null : workspaces.get(0).id());
    }

    /** A user working in their first workspace. */
    public SignedInUser(UUID id, String email, String displayName, List<Workspace> workspaces) {
        this(id, email, displayName, null, workspaces);
    }

    /** The workspace the user is working in: the one they switched to, else their first. */
    public Workspace currentWorkspace() {
        return workspace(currentWorkspaceId).orElseThrow(() -> new IllegalStateException("the user belongs to no workspace"));
    }

    /** The user's place in a workspace, if they belong to it. */
    public Optional<Workspace> workspace(UUID workspaceId) {
        return workspaces.stream().filter(w -> w.id().equals(workspaceId)).findFirst();
    }
}
