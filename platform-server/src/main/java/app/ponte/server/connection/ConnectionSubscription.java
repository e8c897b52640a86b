package app.ponte.server.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A connection's webhook subscription for one trigger (tenant-owned). The vendor's handle names the
 * webhook URL, so it is kept only as ciphertext bound to this row.
 */
@Entity
@Table(name = "connection_subscription")
public class ConnectionSubscription {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "connection_id", nullable = false)
    public UUID connectionId;

    @Column(name = "trigger_key", nullable = false, length = 64)
    public String triggerKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public SubscriptionState state;

    /** AES-GCM ciphertext of the vendor's handle (JSON), when registered. */
    @Column
    public String handle;

    @Column(name = "key_id", length = 32)
    public String keyId;

    @Column(length = 1000)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The associated data that binds this row's ciphertext to it. */
    String associatedData() {
        return "connection_subscription:" + tenantId + ":" + id;
    }

    @Override
    public String toString() {
        return "ConnectionSubscription[" + id + ", connection " + connectionId + ", " + triggerKey + ", " + state + "]";
    }
}
