package app.ponte.server.tenant;

/** What a member may do in a workspace. Members cannot manage connections or members. */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER
}
