-- Webhook ingress. A delivery is answered 2xx only once its trigger events are committed here
-- (the outbox the runner relays to Kafka). De-duplication: one row per (tenant, connector,
-- trigger, de-dup key) — a repeated delivery adds nothing.

CREATE TABLE inbound_event (
    id             uuid         PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    connection_id  uuid         NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    connector_id   varchar(64)  NOT NULL,
    trigger_key    varchar(64)  NOT NULL,
    dedup_key      varchar(300) NOT NULL,
    -- ordering key within the tenant (e.g. the buyer's e-mail): only its SHA-256 is stored
    subject_hash   varchar(64)  NOT NULL,
    event_type     varchar(100) NOT NULL,
    occurred_at    timestamptz  NOT NULL,
    received_at    timestamptz  NOT NULL DEFAULT now(),
    -- the event's typed field values (JSON)
    payload        text         NOT NULL,
    relayed_at     timestamptz,
    CONSTRAINT inbound_event_dedup_uk UNIQUE (tenant_id, connector_id, trigger_key, dedup_key)
);

CREATE INDEX inbound_event_unrelayed_idx ON inbound_event (received_at) WHERE relayed_at IS NULL;
CREATE INDEX inbound_event_connection_idx ON inbound_event (tenant_id, connection_id, received_at DESC);

-- Every call on a connection's webhook URL, as the tenant sees it (no body: it holds personal data).
CREATE TABLE webhook_delivery (
    id             uuid         PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    connection_id  uuid         NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    received_at    timestamptz  NOT NULL DEFAULT now(),
    outcome        varchar(20)  NOT NULL CHECK (outcome IN ('ACCEPTED', 'DUPLICATE', 'IGNORED', 'MALFORMED', 'UNAUTHENTICATED')),
    event_type     varchar(100),
    events_new     integer      NOT NULL DEFAULT 0,
    events_repeated integer     NOT NULL DEFAULT 0,
    reason         varchar(500)
);

CREATE INDEX webhook_delivery_connection_idx ON webhook_delivery (tenant_id, connection_id, received_at DESC);
