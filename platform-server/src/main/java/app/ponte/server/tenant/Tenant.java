package app.ponte.server.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A workspace: the unit of tenancy. Every tenant-owned row carries its id. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The workspace, locked until the transaction ends: changes to its members (roles, removals,
     * joins) are serialized, so the "at least one owner" rule cannot be raced.
     */
    static Optional<Tenant> locked(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Tenant.class, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
