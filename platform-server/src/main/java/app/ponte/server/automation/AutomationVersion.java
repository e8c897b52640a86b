package app.ponte.server.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** One saved state of an automation's mapping, filter and trigger settings (JSON). Never changed once written. */
@Entity
@Table(name = "automation_version")
public class AutomationVersion {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "automation_id", nullable = false)
    public UUID automationId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String mapping;

    @Column(nullable = false)
    public String filter;

    @Column(name = "trigger_settings", nullable = false)
    public String triggerSettings;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;
}
