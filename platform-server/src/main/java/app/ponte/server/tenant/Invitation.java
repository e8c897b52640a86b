package app.ponte.server.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
 * An invitation to join a workspace with a role, reached through a link that carries a random
 * token; only the token's SHA-256 is kept. Tenant-owned: a workspace lists and revokes only its own.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Set and filtered by Hibernate's tenant discriminator from {@link TenantContext}. */
    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;

    /** When set, only a user signed in with this e-mail (ignoring case) may accept. */
    @Column(length = 320)
    public String email;

    @Column(name = "invited_by")
    public UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public UUID acceptedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    boolean pending(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Invitation[" + id + ", " + role + ", tenant " + tenantId + "]";
    }
}
