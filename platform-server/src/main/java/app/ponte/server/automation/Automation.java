package app.ponte.server.automation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An automation of a workspace (tenant-owned: Hibernate's discriminator scopes every read and write). */
@Entity
@Table(name = "automation")
public class Automation {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AutomationStatus status;

    @Column(name = "template_key", length = 120)
    public String templateKey;

    @Column(name = "trigger_connector", nullable = false, length = 64)
    public String triggerConnector;

    @Column(name = "trigger_key", nullable = false, length = 64)
    public String triggerKey;

    @Column(name = "trigger_connection_id")
    public UUID triggerConnectionId;

    @Column(name = "action_connector", nullable = false, length = 64)
    public String actionConnector;

    @Column(name = "action_key", nullable = false, length = 64)
    public String actionKey;

    @Column(name = "action_connection_id")
    public UUID actionConnectionId;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
