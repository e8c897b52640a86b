package app.ponte.server.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's place in a workspace. Not a tenant-owned entity: memberships are how a user's
 * workspaces are found, so queries on them always name the workspace or the user.
 */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_id")
    public Tenant tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static List<Membership> ofUser(UserAccount user) {
        return find("select m from Membership m join fetch m.tenant where m.user = ?1 order by m.createdAt, m.id", user).list();
    }

    static List<Membership> ofWorkspace(UUID workspaceId) {
        return find("select m from Membership m join fetch m.user where m.tenant.id = ?1 order by m.createdAt, m.id", workspaceId).list();
    }

    static Optional<Membership> of(UUID workspaceId, UUID userId) {
        return find("select m from Membership m join fetch m.user where m.tenant.id = ?1 and m.user.id = ?2", workspaceId, userId)
                .firstResultOptional();
    }

    static long owners(UUID workspaceId) {
        return count("tenant.id = ?1 and role = ?2", workspaceId, Role.OWNER);
    }
}
