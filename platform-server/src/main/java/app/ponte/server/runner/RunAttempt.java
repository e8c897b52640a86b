package app.ponte.server.runner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One execution of a run, as the run history shows it. Written by {@link RunStore}. */
@Entity
@Table(name = "run_attempt")
public class RunAttempt {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "run_id", nullable = false)
    public UUID runId;

    @Column(nullable = false)
    public int number;

    @Column(name = "automation_version", nullable = false)
    public int automationVersion;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Column(nullable = false, length = 16)
    public String outcome;

    @Column(length = 2000)
    public String error;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(nullable = false)
    public String calls;
}
