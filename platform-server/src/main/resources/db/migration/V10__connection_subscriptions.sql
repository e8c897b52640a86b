-- A connection's webhook subscriptions at the vendor (e.g. the Kommo webhook that feeds "Lead
-- alcançou uma etapa"): one per connection and trigger, registered when the first active automation
-- needs it and removed when the last one stops. REGISTERED: the vendor accepted it and the handle
-- (what removes it later) is kept; REFUSED: the vendor said no (plan, permissions) and the tenant is
-- shown the URL to register by hand; FAILED: the vendor could not be reached or the connection needs
-- reconnecting, tried again at the next activation. The handle names the webhook URL, whose token is
-- a secret: it is stored only as AES-GCM ciphertext bound to the row, like connection secrets.
CREATE TABLE connection_subscription (
    id             uuid PRIMARY KEY,
    tenant_id      uuid          NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    connection_id  uuid          NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
    trigger_key    varchar(64)   NOT NULL,
    state          varchar(16)   NOT NULL CHECK (state IN ('REGISTERED', 'REFUSED', 'FAILED')),
    -- ciphertext of {"id": …, "attributes": {…}} and the id of the key it was written with
    handle         text,
    key_id         varchar(32),
    -- why it is not registered, in the tenant's words (pt-BR); never a secret
    reason         varchar(1000),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT connection_subscription_uk UNIQUE (connection_id, trigger_key),
    CONSTRAINT connection_subscription_handle CHECK (state <> 'REGISTERED' OR handle IS NOT NULL)
);

CREATE INDEX connection_subscription_tenant_idx ON connection_subscription (tenant_id);
