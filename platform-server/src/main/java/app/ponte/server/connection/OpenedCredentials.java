package app.ponte.server.connection;

import app.ponte.api.context.Credentials.StoredCredentials;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Recently decrypted connection credentials, so that a busy webhook URL does not decrypt its
 * connection's secrets on every delivery. An entry serves only the exact stored row it was
 * decrypted from (same tenant, same ciphertext, same attributes and expiry): a changed secret
 * (rotation, reconnect, refresh, re-encryption, disconnect) never matches and is decrypted anew.
 * Bounded in size and idle time; nothing here is ever logged.
 */
final class OpenedCredentials {

    private static final int MAX_CONNECTIONS = 4096;
    private static final Duration IDLE = Duration.ofMinutes(30);

    private final Cache<UUID, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_CONNECTIONS).expireAfterAccess(IDLE)
            .executor(Runnable::run).build();

    /** The credentials stored as {@code secrets} (ciphertext) and {@code attributes}; {@code decrypt} only when not cached. */
    StoredCredentials open(UUID connectionId, String tenantId, String secrets, String attributes, Instant expiresAt,
            Supplier<StoredCredentials> decrypt) {
        Entry cached = entries.getIfPresent(connectionId);
        if (cached != null && cached.isOf(tenantId, secrets, attributes, expiresAt)) {
            return cached.opened;
        }
        StoredCredentials opened = decrypt.get();
        entries.put(connectionId, new Entry(tenantId, secrets, attributes, expiresAt, opened));
        return opened;
    }

    /** Drops what is cached for the connection (its secrets are being replaced). */
    void forget(UUID connectionId) {
        entries.invalidate(connectionId);
    }

    private static final class Entry {
        private final String tenantId;
        private final String secrets;
        private final String attributes;
        private final Instant expiresAt;
        private final StoredCredentials opened;

        Entry(String tenantId, String secrets, String attributes, Instant expiresAt, StoredCredentials opened) {
            this.tenantId = tenantId;
            this.secrets = secrets;
            this.attributes = attributes;
            this.expiresAt = expiresAt;
            this.opened = opened;
        }

        boolean isOf(String tenantId, String secrets, String attributes, Instant expiresAt) {
            return this.secrets.equals(secrets) && this.tenantId.equals(tenantId) && this.attributes.equals(attributes)
                    && Objects.equals(this.expiresAt, expiresAt);
        }

        @Override
        public String toString() {
            return "OpenedCredentials.Entry[tenant " + tenantId + "]";
        }
    }
}
