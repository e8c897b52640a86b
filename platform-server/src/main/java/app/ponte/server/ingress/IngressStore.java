package app.ponte.server.ingress;

import app.ponte.api.trigger.TriggerEvent;
import app.ponte.server.observability.Tracing;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import app.ponte.server.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * Makes webhook deliveries durable: the trigger events of a delivery, its record in the
 * connection's delivery log and the connection's "last event received" are committed together,
 * before the ingress answers. De-duplication is the database's unique key: a repeated event is
 * skipped, never stored twice.
 */
@ApplicationScoped
public class IngressStore {

    private final EntityManager em;
    private final DataSource dataSource;
    private final EventValuesCodec codec;
    private final Tracing tracing;
    private final Notifications notifications;

    IngressStore(EntityManager em, DataSource dataSource, ObjectMapper json, Tracing tracing, Notifications notifications) {
        this.em = em;
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.codec = new EventValuesCodec(json);
        this.tracing = tracing;
    }

    /** How many of a delivery's events were new, and how many had been received before. */
    public record Accepted(int created, int repeated) {
    }

    /**
     * Stores a delivery's events, its record in the delivery log and the connection's "last event
     * received", in the caller's transaction (committed with it, or not at all): one statement.
     */
    public Accepted accept(UUID tenantId, UUID connectionId, String connectorId, List<TriggerEvent> events) {
        requireTransaction();
        // the request's trace, continued by the event's runs (null when tracing is off)
        String traceParent = tracing.currentParent();
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement accept = connection.prepareStatement(acceptStatement(events.size()))) {
            int p = 0;
            for (TriggerEvent event : events) {
                accept.setObject(++p, UUID.randomUUID());
                accept.setObject(++p, tenantId);
                accept.setObject(++p, connectionId);
                accept.setString(++p, connectorId);
                accept.setString(++p, event.triggerKey());
                accept.setString(++p, truncate(event.dedupKey(), 300));
                accept.setString(++p, sha256(tenantId + "|" + event.subject()));
                accept.setString(++p, truncate(event.eventType(), 100));
                accept.setObject(++p, utc(event.occurredAt()));
                accept.setString(++p, codec.write(event.values()));
                accept.setString(++p, traceParent);
            }
            accept.setObject(++p, utc(now));
            accept.setObject(++p, connectionId);
            accept.setObject(++p, utc(now.minusSeconds(1)));
            accept.setObject(++p, UUID.randomUUID());
            accept.setObject(++p, tenantId);
            accept.setObject(++p, connectionId);
            accept.setString(++p, truncate(events.get(0).eventType(), 100));
            accept.setInt(++p, events.size());
            try (ResultSet row = accept.executeQuery()) {
                row.next();
                int created = row.getInt(1);
                return new Accepted(created, events.size() - created);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a webhook delivery", e);
        }
    }

    /**
     * The statement that accepts a delivery of {@code events} events: inserts them (a repeated one is
     * skipped by the de-dup key), records the delivery as ACCEPTED when any was new, else DUPLICATE,
     * and sets the connection's "last event received" at most once a second (a busy connection's
     * deliveries must not queue on its row lock). Returns how many events were new.
     */
    private static String acceptStatement(int events) {
        return events < ACCEPT_STATEMENTS.length ? ACCEPT_STATEMENTS[events] : buildAcceptStatement(events);
    }

    private static final String[] ACCEPT_STATEMENTS = IntStream.range(0, 9)
            .mapToObj(n -> n == 0 ? null : buildAcceptStatement(n)).toArray(String[]::new);

    private static String buildAcceptStatement(int events) {
        return "WITH new_event AS (INSERT INTO inbound_event (id, tenant_id, connection_id, connector_id, trigger_key, "
                + "dedup_key, subject_hash, event_type, occurred_at, payload, trace_parent) VALUES "
                + String.join(", ", Collections.nCopies(events, "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                + " ON CONFLICT ON CONSTRAINT inbound_event_dedup_uk DO NOTHING RETURNING 1), "
                + "touched AS (UPDATE connection SET last_event_at = ? WHERE id = ? AND (last_event_at IS NULL OR last_event_at < ?)) "
                + "INSERT INTO webhook_delivery (id, tenant_id, connection_id, outcome, event_type, events_new, events_repeated) "
                + "SELECT ?, ?, ?, CASE WHEN count(*) > 0 THEN 'ACCEPTED' ELSE 'DUPLICATE' END, ?, count(*), ? - count(*) "
                + "FROM new_event RETURNING events_new";
    }

    /**
     * Stores a sample event for a run started by hand ("executar agora"): its own de-dup key, and
     * marked relayed, so it reaches only the automation it was chosen for, never the others.
     */
    public UUID storeSample(UUID tenantId, UUID connectionId, String connectorId, TriggerEvent event) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO inbound_event (id, tenant_id, connection_id, "
                        + "connector_id, trigger_key, dedup_key, subject_hash, event_type, occurred_at, payload, relayed_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, now())")
                .setParameter(1, id).setParameter(2, tenantId).setParameter(3, connectionId).setParameter(4, connectorId)
                .setParameter(5, event.triggerKey()).setParameter(6, "ponte-amostra:" + id)
                .setParameter(7, sha256(tenantId + "|" + event.subject())).setParameter(8, truncate(event.eventType(), 100))
                .setParameter(9, Timestamp.from(event.occurredAt())).setParameter(10, codec.write(event.values()))
                .executeUpdate());
        return id;
    }

    /**
     * A delivery that produced no event (ignored, malformed or unauthenticated), for the tenant's
     * log; in the caller's transaction.
     */
    public void reject(UUID tenantId, UUID connectionId, String outcome, String eventType, String reason) {
        requireTransaction();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO webhook_delivery (id, tenant_id, connection_id, "
                        + "outcome, event_type, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, tenantId);
            insert.setObject(3, connectionId);
            insert.setString(4, outcome);
            insert.setString(5, eventType == null ? null : truncate(eventType, 100));
            insert.setString(6, reason == null ? null : truncate(reason, 500));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a webhook delivery", e);
        }
        if ("UNAUTHENTICATED".equals(outcome)) {
            notifications.hottokRefused(tenantId, connectionId);
        }
    }

    private static void requireTransaction() {
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a webhook delivery is stored in the ingress's transaction");
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
