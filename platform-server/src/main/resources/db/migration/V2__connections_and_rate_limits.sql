-- A tenant's connection to an external account (Hotmart, Kommo, ...). Secrets (tokens, hottoks)
-- are stored only as AES-GCM ciphertext bound to the row (tenant and connection ids as associated data).

CREATE TABLE connection (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    connector_id         varchar(64)  NOT NULL,
    display_name         varchar(200) NOT NULL,
    -- the vendor's own account id (e.g. Kommo's account id), when it has one
    external_account_id  varchar(128),
    status               varchar(20)  NOT NULL CHECK (status IN ('OK', 'NEEDS_RECONNECT', 'DISCONNECTED')),
    status_reason        varchar(500),
    -- non-secret attributes (e.g. Kommo subdomain), JSON object of strings
    attributes           text         NOT NULL DEFAULT '{}',
    -- ciphertext of a JSON object of secrets, and the id of the key it was written with
    secrets              text         NOT NULL,
    key_id               varchar(32)  NOT NULL,
    expires_at           timestamptz,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    last_event_at        timestamptz
);

CREATE INDEX connection_tenant_idx ON connection (tenant_id);
CREATE INDEX connection_account_idx ON connection (connector_id, external_account_id);

-- Token buckets shared by every server instance (Bucket4j's PostgreSQL backend), e.g. one per Kommo account.
CREATE TABLE rate_limit_bucket (
    id          varchar(200) PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
