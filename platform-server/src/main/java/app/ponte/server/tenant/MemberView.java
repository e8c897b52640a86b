package app.ponte.server.tenant;

import java.time.Instant;
import java.util.UUID;

/** A member of a workspace as its members see them. */
public record MemberView(UUID userId, String name, String email, Role role, Instant since) {

    static MemberView of(Membership m) {
        return new MemberView(m.user.id, m.user.displayName, m.user.email, m.role, m.createdAt);
    }
}
