package app.ponte.server.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A pending invitation as the workspace's owners and admins see it (never its token: the link is
 * shown once, when the invitation is created).
 *
 * @param email the e-mail it is meant for, or null for anyone holding the link
 */
public record InvitationView(UUID id, Role role, String email, UUID invitedBy, String invitedByName,
                             Instant createdAt, Instant expiresAt) {
}
