package app.ponte.server.connection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;
import java.time.Instant;
import java.util.UUID;

/** A tenant's connection to an external account. Secrets are held only as ciphertext. */
@Entity
@Table(name = "connection")
public class Connection extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * Set and filtered by Hibernate's tenant discriminator from {@link app.ponte.server.tenant.TenantContext}.
     * Text here (Quarkus resolves tenants as strings); the column is a uuid, which PostgreSQL casts to
     * (the datasource sends strings untyped).
     */
    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "connector_id", nullable = false, length = 64)
    public String connectorId;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    @Column(name = "external_account_id", length = 128)
    public String externalAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ConnectionStatus status;

    @Column(name = "status_reason", length = 500)
    public String statusReason;

    /** JSON object of non-secret strings. */
    @Column(nullable = false)
    public String attributes;

    /** AES-GCM ciphertext of a JSON object of secrets; see {@link app.ponte.server.crypto.SecretCipher}. */
    @Column(nullable = false)
    public String secrets;

    @Column(name = "key_id", nullable = false, length = 32)
    public String keyId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_event_at")
    public Instant lastEventAt;

    /** SHA-256 of the token in the connection's webhook URL, if it receives webhooks. */
    @Column(name = "webhook_token_hash", length = 64)
    public String webhookTokenHash;

    /** The associated data that binds this row's ciphertext to it. */
    String associatedData() {
        return associatedData(tenantId, id);
    }

    static String associatedData(String tenantId, UUID id) {
        return "connection:" + tenantId + ":" + id;
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", " + connectorId + ", tenant " + tenantId + ", " + status + "]";
    }
}
