package app.ponte.server.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A workspace's settings, and the caller's role in it.
 *
 * @param timeZone the zone of date renderings such as DD/MM/AAAA (a {@link java.time.ZoneId})
 */
public record WorkspaceSettings(UUID id, String name, String timeZone, Instant createdAt, Role yourRole) {
}
