package app.ponte.server.connection;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A connection's row as read along with other work (the runner reads its action connection with the
 * claimed run, in the same statement): what {@link ConnectionContexts#forSnapshot} needs to act
 * without reading it again. {@code secrets} is the stored AES-GCM ciphertext, never plaintext.
 */
public record ConnectionSnapshot(UUID id, UUID tenantId, String connectorId, ConnectionStatus status, String secrets,
        String attributes, Optional<Instant> expiresAt) {

    @Override
    public String toString() {
        return "ConnectionSnapshot[" + id + ", " + connectorId + ", " + status + "]";
    }
}
