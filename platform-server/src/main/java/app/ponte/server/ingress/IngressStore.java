package app.ponte.server.ingress;

import app.ponte.api.trigger.TriggerEvent;
import app.ponte.server.config.PonteConfig;
import app.ponte.server.observability.Tracing;
import com.fasterxml.jackson.databind.ObjectMapper;
import app.ponte.server.notification.Notifications;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Makes webhook deliveries durable: the trigger events of a delivery, its record in the
 * connection's delivery log and the connection's "last event received" are committed together,
 * before the ingress answers; under load, many deliveries in one transaction ({@link IngressBatches}).
 * De-duplication is the database's unique key: a repeated event is skipped, never stored twice.
 */
@ApplicationScoped
public class IngressStore {

    private final EntityManager em;
    private final DataSource dataSource;
    private final EventValuesCodec codec;
    private final Tracing tracing;
    private final Notifications notifications;
    private final IngressBatches batches;

    IngressStore(EntityManager em, DataSource dataSource, ObjectMapper json, Tracing tracing, Notifications notifications,
            PonteConfig config) {
        this.em = em;
        this.batches = new IngressBatches(this, config.ingress());
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.codec = new EventValuesCodec(json);
        this.tracing = tracing;
    }

    /** How many of a delivery's events were new, and how many had been received before. */
    public record Accepted(int created, int repeated) {
    }

    /**
     * Makes a delivery's events durable and returns once they are committed: with its record in the
     * delivery log and the connection's "last event received", in the transaction of the next batch
     * (see {@link IngressBatches}). Not in the caller's transaction: there must be none.
     *
     * @throws IllegalStateException when they could not be committed (the ingress then answers 503)
     */
    public Accepted accept(UUID tenantId, UUID connectionId, String connectorId, List<TriggerEvent> events) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a webhook delivery is committed by the ingress's batches, not in a caller's transaction");
        }
        // the request's trace, continued by the event's runs (null when tracing is off)
        return batches.commit(new Delivery(tenantId, connectionId, connectorId, events, tracing.currentParent()));
    }

    /** A delivery's events, waiting for their batch. */
    record Delivery(UUID tenantId, UUID connectionId, String connectorId, List<TriggerEvent> events, String traceParent) {
    }

    /**
     * Stores deliveries in the caller's transaction (one batch): inserts their events (a repeated one,
     * received before or earlier in the same batch, is skipped by the de-dup key), records each delivery
     * as ACCEPTED when any of its events was new, else DUPLICATE, and sets each connection's "last event
     * received" at most once a second (a busy connection's batches must not queue on its row lock).
     * Two statements, whatever the number of deliveries.
     */
    List<Accepted> store(List<Delivery> deliveries) {
        Instant now = Instant.now();
        int size = deliveries.stream().mapToInt(d -> d.events().size()).sum();
        UUID[] ids = new UUID[size];
        UUID[] tenants = new UUID[size];
        UUID[] connections = new UUID[size];
        String[] connectors = new String[size];
        String[] triggers = new String[size];
        String[] dedupKeys = new String[size];
        String[] subjects = new String[size];
        String[] types = new String[size];
        String[] occurred = new String[size];
        String[] payloads = new String[size];
        String[] traces = new String[size];
        int i = 0;
        for (Delivery delivery : deliveries) {
            for (TriggerEvent event : delivery.events()) {
                ids[i] = orderedId();
                tenants[i] = delivery.tenantId();
                connections[i] = delivery.connectionId();
                connectors[i] = delivery.connectorId();
                triggers[i] = event.triggerKey();
                dedupKeys[i] = truncate(event.dedupKey(), 300);
                subjects[i] = sha256(delivery.tenantId() + "|" + event.subject());
                types[i] = truncate(event.eventType(), 100);
                occurred[i] = event.occurredAt().toString();
                payloads[i] = codec.write(event.values());
                traces[i] = delivery.traceParent();
                i++;
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            Set<UUID> created = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENTS)) {
                bindArrays(insert, 1, ids, tenants, connections, connectors, triggers, dedupKeys, subjects, types, occurred,
                        payloads, traces);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        created.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            List<Accepted> accepted = new ArrayList<>(deliveries.size());
            UUID[] deliveryIds = new UUID[deliveries.size()];
            UUID[] deliveryTenants = new UUID[deliveries.size()];
            UUID[] deliveryConnections = new UUID[deliveries.size()];
            String[] outcomes = new String[deliveries.size()];
            String[] eventTypes = new String[deliveries.size()];
            Integer[] eventsNew = new Integer[deliveries.size()];
            Integer[] eventsRepeated = new Integer[deliveries.size()];
            i = 0;
            for (int d = 0; d < deliveries.size(); d++) {
                Delivery delivery = deliveries.get(d);
                int fresh = 0;
                for (int e = 0; e < delivery.events().size(); e++) {
                    fresh += created.contains(ids[i++]) ? 1 : 0;
                }
                accepted.add(new Accepted(fresh, delivery.events().size() - fresh));
                deliveryIds[d] = UUID.randomUUID();
                deliveryTenants[d] = delivery.tenantId();
                deliveryConnections[d] = delivery.connectionId();
                outcomes[d] = fresh > 0 ? "ACCEPTED" : "DUPLICATE";
                eventTypes[d] = truncate(delivery.events().get(0).eventType(), 100);
                eventsNew[d] = fresh;
                eventsRepeated[d] = delivery.events().size() - fresh;
            }
            try (PreparedStatement record = connection.prepareStatement(RECORD_DELIVERIES)) {
                record.setObject(1, utc(now));
                record.setArray(2, connection.createArrayOf("uuid",
                        deliveries.stream().map(Delivery::connectionId).distinct().toArray(UUID[]::new)));
                record.setObject(3, utc(now.minusSeconds(1)));
                bindArrays(record, 4, deliveryIds, deliveryTenants, deliveryConnections, outcomes, eventTypes, eventsNew, eventsRepeated);
                record.executeUpdate();
            }
            return accepted;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store webhook deliveries", e);
        }
    }

    /** Binds each column as a PostgreSQL array (uuid[], text[] or int4[], by its Java type), from parameter {@code first} on. */
    private static void bindArrays(PreparedStatement statement, int first, Object[]... columns) throws SQLException {
        for (int c = 0; c < columns.length; c++) {
            String type = columns[c] instanceof UUID[] ? "uuid" : columns[c] instanceof Integer[] ? "int4" : "text";
            statement.setArray(first + c, statement.getConnection().createArrayOf(type, columns[c]));
        }
    }

    /**
     * A UUID version 7 (time first, then a counter: each one greater than the last). A batch's events
     * share their {@code received_at} (the transaction's start), and the relay sends them to Kafka by
     * {@code received_at, id}: these ids keep them in the order given, so the events of one delivery
     * reach their subject's queue in the order the connector gave them (a sale's beginning first).
     */
    private static UUID orderedId() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }

    // unnest keeps the arrays' order: of two events with one de-dup key in a batch, the first is stored
    private static final String INSERT_EVENTS = "INSERT INTO inbound_event (id, tenant_id, connection_id, connector_id, "
            + "trigger_key, dedup_key, subject_hash, event_type, occurred_at, payload, trace_parent) "
            + "SELECT id, tenant_id, connection_id, connector_id, trigger_key, dedup_key, subject_hash, event_type, "
            + "occurred_at::timestamptz, payload, trace_parent FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS e (id, tenant_id, connection_id, connector_id, "
            + "trigger_key, dedup_key, subject_hash, event_type, occurred_at, payload, trace_parent) "
            + "ON CONFLICT ON CONSTRAINT inbound_event_dedup_uk DO NOTHING RETURNING id";

    // the connections' rows are locked in primary-key order (an index scan of = ANY), so two batches cannot deadlock
    private static final String RECORD_DELIVERIES = "WITH touched AS (UPDATE connection SET last_event_at = ? "
            + "WHERE id = ANY(?) AND (last_event_at IS NULL OR last_event_at < ?)) "
            + "INSERT INTO webhook_delivery (id, tenant_id, connection_id, outcome, event_type, events_new, events_repeated) "
            + "SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[])";

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

    /** Stops before the datasource does (a shutdown event comes first); deliveries still waiting are answered 503. */
    void stop(@Observes ShutdownEvent shutdown) {
        batches.stop();
    }

    @PreDestroy
    void stop() {
        batches.stop();
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
