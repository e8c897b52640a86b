package app.ponte.server.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One entry of a workspace's audit log. Written once by {@link AuditLog}, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order (filled by the database), the tie-breaker of "newest first". */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    /** Set and filtered by Hibernate's tenant discriminator, as for every tenant-owned row. */
    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Null when the platform itself acted. */
    @Column(name = "actor_user_id")
    public UUID actorUserId;

    @Column(name = "actor_name", nullable = false, length = 200)
    public String actorName;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(name = "target_type", nullable = false, length = 32)
    public String targetType;

    @Column(name = "target_id", length = 64)
    public String targetId;

    /** A JSON object of a few scalar values; see {@link AuditLog#record}. */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String detail;

    @Override
    public String toString() {
        return "AuditEvent[" + id + ", " + action + ", tenant " + tenantId + "]";
    }
}
