package app.ponte.server.runner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A received trigger event, as the run history reads it. Written by the ingress ({@code IngressStore}). */
@Entity
@Table(name = "inbound_event")
public class InboundEvent {

    @Id
    public UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, columnDefinition = "uuid")
    public String tenantId;

    @Column(name = "connection_id", nullable = false)
    public UUID connectionId;

    @Column(name = "connector_id", nullable = false)
    public String connectorId;

    @Column(name = "trigger_key", nullable = false)
    public String triggerKey;

    @Column(name = "dedup_key", nullable = false)
    public String dedupKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public String payload;

    @Column(name = "relayed_at")
    public Instant relayedAt;

    /** W3C traceparent of the request that received the event; null when tracing was off. */
    @Column(name = "trace_parent")
    public String traceParent;
}
