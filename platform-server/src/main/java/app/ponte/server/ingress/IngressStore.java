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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Makes webhook deliveries durable: the trigger events of a delivery, its record in the
 * connection's delivery log and the connection's "last event received" are committed together,
 * before the ingress answers. De-duplication is the database's unique key: a repeated event is
 * skipped, never stored twice.
 */
@ApplicationScoped
public class IngressStore {

    private final EntityManager em;
    private final EventValuesCodec codec;
    private final Tracing tracing;
    private final Notifications notifications;

    IngressStore(EntityManager em, ObjectMapper json, Tracing tracing, Notifications notifications) {
        this.em = em;
        this.notifications = notifications;
        this.codec = new EventValuesCodec(json);
        this.tracing = tracing;
    }

    /** How many of a delivery's events were new, and how many had been received before. */
    public record Accepted(int created, int repeated) {
    }

    public Accepted accept(UUID tenantId, UUID connectionId, String connectorId, List<TriggerEvent> events) {
        // the request's trace, continued by the event's runs (null when tracing is off)
        String traceParent = tracing.currentParent();
        return QuarkusTransaction.requiringNew().call(() -> {
            int created = 0;
            for (TriggerEvent event : events) {
                created += em.createNativeQuery("INSERT INTO inbound_event (id, tenant_id, connection_id, connector_id, trigger_key, "
                                + "dedup_key, subject_hash, event_type, occurred_at, payload, trace_parent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                                + "ON CONFLICT ON CONSTRAINT inbound_event_dedup_uk DO NOTHING")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, connectionId)
                        .setParameter(4, connectorId).setParameter(5, event.triggerKey()).setParameter(6, truncate(event.dedupKey(), 300))
                        .setParameter(7, sha256(tenantId + "|" + event.subject())).setParameter(8, truncate(event.eventType(), 100))
                        .setParameter(9, Timestamp.from(event.occurredAt())).setParameter(10, codec.write(event.values()))
                        .setParameter(11, traceParent)
                        .executeUpdate();
            }
            int repeated = events.size() - created;
            record(tenantId, connectionId, created > 0 ? "ACCEPTED" : "DUPLICATE", events.get(0).eventType(), created, repeated, null);
            // at most once a second per connection: a busy connection's deliveries must not queue on its row lock
            Instant now = Instant.now();
            em.createNativeQuery("UPDATE connection SET last_event_at = ?1 WHERE id = ?2 "
                            + "AND (last_event_at IS NULL OR last_event_at < ?3)")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, connectionId)
                    .setParameter(3, Timestamp.from(now.minusSeconds(1))).executeUpdate();
            return new Accepted(created, repeated);
        });
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

    /** A delivery that produced no event (ignored, malformed or unauthenticated), for the tenant's log. */
    public void reject(UUID tenantId, UUID connectionId, String outcome, String eventType, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            record(tenantId, connectionId, outcome, eventType, 0, 0, reason);
            if ("UNAUTHENTICATED".equals(outcome)) {
                notifications.hottokRefused(tenantId, connectionId);
            }
        });
    }

    private void record(UUID tenantId, UUID connectionId, String outcome, String eventType, int created, int repeated, String reason) {
        em.createNativeQuery("INSERT INTO webhook_delivery (id, tenant_id, connection_id, outcome, event_type, events_new, "
                        + "events_repeated, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId).setParameter(3, connectionId).setParameter(4, outcome)
                .setParameter(5, eventType == null ? null : truncate(eventType, 100)).setParameter(6, created).setParameter(7, repeated)
                .setParameter(8, reason == null ? null : truncate(reason, 500))
                .executeUpdate();
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
