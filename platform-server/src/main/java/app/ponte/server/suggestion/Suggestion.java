package app.ponte.server.suggestion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A use case a visitor asked for. Platform-wide (no tenant): only operators read them. */
@Entity
@Table(name = "suggestion")
class Suggestion extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 254)
    public String email;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> tools;

    @Column(name = "use_case", nullable = false, length = 4000)
    public String useCase;

    @Column(nullable = false, length = 8)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public SuggestionStatus status;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "status_changed_by")
    public UUID statusChangedBy;
}
