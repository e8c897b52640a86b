-- Loop guard: what Ponte itself wrote at a vendor (e.g. Kommo lead 123 on connection X), so an
-- event that merely echoes that write is recognised and skipped.
CREATE TABLE own_write (
    tenant_id      uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    connection_id  uuid         NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    entity_key     varchar(64)  NOT NULL,
    entity_id      varchar(100) NOT NULL,
    written_at     timestamptz  NOT NULL,
    PRIMARY KEY (connection_id, entity_key, entity_id)
);
CREATE INDEX own_write_age_idx ON own_write (written_at);

-- The per-subject run-rate cap counts a subject's recent runs.
CREATE INDEX run_subject_recent_idx ON run (tenant_id, subject_hash, created_at);

-- Usage metering: runs executed per workspace per month (events received are counted from
-- inbound_event); each workspace is on a plan whose monthly run limit is configuration.
CREATE TABLE usage_month (
    tenant_id      uuid     NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    month          date     NOT NULL,
    runs_executed  bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, month)
);
CREATE INDEX inbound_event_tenant_received_idx ON inbound_event (tenant_id, received_at);

ALTER TABLE tenant ADD COLUMN plan varchar(32);
