package app.ponte.server.tenant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A person known to the identity provider, keyed by issuer and subject. */
@Entity
@Table(name = "user_account")
public class UserAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "oidc_issuer", nullable = false, length = 512)
    public String oidcIssuer;

    @Column(name = "oidc_subject", nullable = false)
    public String oidcSubject;

    @Column(length = 320)
    public String email;

    @Column(name = "display_name", length = 200)
    public String displayName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_login_at", nullable = false)
    public Instant lastLoginAt;

    /** The workspace the user switched to; unset (or left) means their first membership. */
    @Column(name = "current_tenant_id")
    public UUID currentTenantId;

    static Optional<UserAccount> findBySubject(String issuer, String subject) {
        return find("oidcIssuer = ?1 and oidcSubject = ?2", issuer, subject).firstResultOptional();
    }
}
