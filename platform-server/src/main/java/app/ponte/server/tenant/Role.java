package app.ponte.server.tenant;

/**
 * What a member may do in a workspace. Owners and admins manage members, invitations and
 * connections; only an owner can make someone an owner or change or remove an owner. Members
 * cannot manage connections or members.
 */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    /** Owners and admins manage members, invitations, connections and the workspace's settings. */
    public boolean manages() {
        return this != MEMBER;
    }
}
