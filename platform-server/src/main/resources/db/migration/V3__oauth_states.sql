-- Single-use OAuth "state" values of connect flows in progress. Only hashes are stored; the state
-- is bound to the user who started the flow and to their browser (a cookie's hash).

CREATE TABLE oauth_state (
    state_hash     varchar(64)  PRIMARY KEY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    user_id        uuid         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    connector_id   varchar(64)  NOT NULL,
    browser_hash   varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    expires_at     timestamptz  NOT NULL,
    used_at        timestamptz
);

CREATE INDEX oauth_state_expires_idx ON oauth_state (expires_at);
