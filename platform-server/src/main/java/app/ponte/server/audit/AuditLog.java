package app.ponte.server.audit;

import app.ponte.server.tenant.TenantContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A workspace's audit log: who did what to which thing, and when. Any feature records its own
 * events here; the log is tenant-owned, so each workspace sees only its own entries.
 *
 * <pre>{@code
 * audit.record(workspaceId, caller.actor(), "connection.created",
 *         Target.of("connection", connection.id()), Map.of("connector", "hotmart"));
 * }</pre>
 *
 * <p>Action names are {@code <thing>.<verb>} in lower snake case, e.g. {@code member.invited},
 * {@code member.joined}, {@code member.role_changed}, {@code member.removed}, {@code invitation.revoked},
 * {@code workspace.updated}, {@code connection.created}, {@code connection.disconnected},
 * {@code connection.webhook_rotated}, {@code automation.created|changed|activated|paused|deleted}.
 */
@ApplicationScoped
public class AuditLog {

    /** Who acted: a user (id and display name at the time), or the platform itself. */
    public record Actor(UUID userId, String name) {

        public Actor {
            name = name == null || name.isBlank() ? "?" : truncate(name.strip(), 200);
        }

        public static Actor user(UUID userId, String displayName) {
            return new Actor(Objects.requireNonNull(userId, "userId"), displayName);
        }

        /** Background work of the platform, e.g. {@code system("runner")}. */
        public static Actor system(String component) {
            return new Actor(null, "Ponte (" + component + ")");
        }
    }

    /** What was acted on: a kind of thing ({@code member}, {@code connection}, …) and its id. */
    public record Target(String type, String id) {

        public static Target of(String type, Object id) {
            return new Target(type, id == null ? null : id.toString());
        }
    }

    static final int MAX_DETAIL_ENTRIES = 16;
    static final int MAX_TEXT = 200;
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z_]*(\\.[a-z][a-z_]*)+");
    private static final Pattern TARGET_TYPE = Pattern.compile("[a-z][a-z_]*");
    private static final Pattern DETAIL_KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    /** Keys that would invite a secret into the log; such details are refused outright. */
    private static final Pattern SECRET_KEY = Pattern.compile(".*(token|secret|password|passwd|hottok|credential|api_key|private_key).*");

    private final EntityManager em;
    private final TenantContext tenants;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;

    AuditLog(EntityManager em, TenantContext tenants, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.tenants = tenants;
        this.json = json;
        this.transactions = transactions;
    }

    /** {@link #record(UUID, Actor, String, Target, Map)} without detail. */
    public void record(UUID workspaceId, Actor actor, String action, Target target) {
        record(workspaceId, actor, action, target, Map.of());
    }

    /**
     * Adds an entry to the workspace's log.
     *
     * <p>Inside a transaction that already acts for {@code workspaceId} (its {@link TenantContext}),
     * the entry joins that transaction: it is committed or rolled back with the change it
     * describes. Anywhere else it is written in a transaction of its own.
     *
     * @param action {@code <thing>.<verb>}, lower snake case, e.g. {@code connection.created}
     * @param detail a few scalar values (text, numbers, booleans, enums, ids) that explain the
     *               event, e.g. {@code Map.of("connector", "hotmart")} or {@code Map.of("from", "MEMBER", "to", "ADMIN")}.
     *               Never secrets nor full personal data: keys naming a token, secret, password, API
     *               or private key, or credential are refused, texts are cut at 200 characters, at most 16 entries.
     * @throws IllegalArgumentException when the action, target or detail break these rules
     */
    public void record(UUID workspaceId, Actor actor, String action, Target target, Map<String, ?> detail) {
        AuditEvent row = entry(workspaceId, actor, action, target, detail);
        boolean joinable = transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                && tenants.current().filter(workspaceId::equals).isPresent();
        if (joinable) {
            em.persist(row);
        } else {
            tenants.run(workspaceId, () -> QuarkusTransaction.requiringNew().run(() -> em.persist(row)));
        }
    }

    /**
     * A page of the workspace's log, newest first.
     *
     * @param page zero-based
     * @param size 1 to 200
     */
    public AuditPage list(UUID workspaceId, int page, int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be >= 0 and size within 1..200");
        }
        return tenants.call(workspaceId, () -> QuarkusTransaction.requiringNew().call(() -> {
            long total = em.createQuery("select count(e) from AuditEvent e", Long.class).getSingleResult();
            var items = em.createQuery("from AuditEvent e order by e.occurredAt desc, e.seq desc", AuditEvent.class)
                    .setFirstResult(Math.toIntExact(Math.min((long) page * size, Integer.MAX_VALUE)))
                    .setMaxResults(size)
                    .getResultStream().map(this::view).toList();
            return new AuditPage(items, page, size, total);
        }));
    }

    private AuditEvent entry(UUID workspaceId, Actor actor, String action, Target target, Map<String, ?> detail) {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(actor, "actor");
        if (action == null || action.length() > 64 || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an audit action is <thing>.<verb> in lower snake case: " + action);
        }
        if (target == null || target.type() == null || target.type().length() > 32 || !TARGET_TYPE.matcher(target.type()).matches()) {
            throw new IllegalArgumentException("an audit target needs a lower snake case type");
        }
        if (target.id() != null && target.id().length() > 64) {
            throw new IllegalArgumentException("an audit target id has at most 64 characters");
        }
        AuditEvent row = new AuditEvent();
        row.id = UUID.randomUUID();
        row.tenantId = workspaceId.toString();
        row.occurredAt = Instant.now();
        row.actorUserId = actor.userId();
        row.actorName = actor.name();
        row.action = action;
        row.targetType = target.type();
        row.targetId = target.id();
        row.detail = write(sanitized(detail == null ? Map.of() : detail));
        return row;
    }

    static Map<String, Object> sanitized(Map<String, ?> detail) {
        if (detail.size() > MAX_DETAIL_ENTRIES) {
            throw new IllegalArgumentException("an audit detail has at most " + MAX_DETAIL_ENTRIES + " entries");
        }
        Map<String, Object> clean = new LinkedHashMap<>();
        detail.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String key = e.getKey();
            if (key == null || !DETAIL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("audit detail keys are lower snake case: " + key);
            }
            if (SECRET_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("audit details never hold secrets: " + key);
            }
            clean.put(key, scalar(key, e.getValue()));
        });
        return clean;
    }

    private static Object scalar(String key, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof UUID || value instanceof Enum<?>
                || value instanceof Instant || value instanceof java.time.ZoneId) {
            String text = value instanceof Enum<?> named ? named.name() : value.toString();
            return truncate(text, MAX_TEXT);
        }
        throw new IllegalArgumentException("audit detail values are scalars; " + key + " is a " + value.getClass().getSimpleName());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private String write(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit detail", e);
        }
    }

    private AuditEntry view(AuditEvent row) {
        JsonNode detail;
        try {
            detail = json.readTree(row.detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable detail in audit event " + row.id, e);
        }
        return new AuditEntry(row.id, row.occurredAt, new Actor(row.actorUserId, row.actorName), row.action,
                new Target(row.targetType, row.targetId), detail);
    }
}
