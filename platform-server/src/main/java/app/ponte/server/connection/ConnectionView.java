package app.ponte.server.connection;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A connection as the API and pages show it: never any secret. */
public record ConnectionView(UUID id, String connectorId, String displayName, String externalAccountId,
        ConnectionStatus status, String statusReason, Map<String, String> attributes, Instant expiresAt,
        Instant createdAt, Instant lastEventAt) {
}
