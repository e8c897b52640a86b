package app.ponte.server.runner;

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
 * A run as the run history reads it (tenant-owned: Hibernate's discriminator scopes every read).
 * The runner changes runs through {@link RunStore}'s statements, never through this entity.
 */
@Entity
@Table(name = "run")
public class Run {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public long seq;

    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "automation_id", nullable = false)
    public UUID automationId;

    @Column(name = "automation_version", nullable = false)
    public int automationVersion;

    @Column(name = "inbound_event_id", nullable = false)
    public UUID inboundEventId;

    @Column(name = "subject_hash", nullable = false, length = 64)
    public String subjectHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public RunStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "waiting_connection_id")
    public UUID waitingConnectionId;

    public String inputs;

    public String outputs;

    @Column(length = 2000)
    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
