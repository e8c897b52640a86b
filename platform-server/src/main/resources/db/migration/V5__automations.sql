-- Automations: "when <trigger> on a connection, do <action> on a connection", with a mapping from
-- the trigger's fields to the action's inputs and optional filters. Every edit is a new version;
-- runs record the version they used. Deleting keeps the rows (status DELETED) for the run history.

CREATE TABLE automation (
    id                     uuid         PRIMARY KEY,
    tenant_id              uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name                   varchar(200) NOT NULL CHECK (length(trim(name)) > 0),
    status                 varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'DELETED')),
    template_key           varchar(120),
    trigger_connector      varchar(64)  NOT NULL,
    trigger_key            varchar(64)  NOT NULL,
    trigger_connection_id  uuid         REFERENCES connection (id),
    action_connector       varchar(64)  NOT NULL,
    action_key             varchar(64)  NOT NULL,
    action_connection_id   uuid         REFERENCES connection (id),
    current_version        integer      NOT NULL,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    activated_at           timestamptz,
    deleted_at             timestamptz
);

CREATE INDEX automation_tenant_idx ON automation (tenant_id, created_at);
-- the runner's lookup: a tenant's active automations for one trigger of one connection
CREATE INDEX automation_active_trigger_idx ON automation (tenant_id, trigger_connection_id, trigger_key) WHERE status = 'ACTIVE';

CREATE TABLE automation_version (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    automation_id     uuid        NOT NULL REFERENCES automation (id) ON DELETE CASCADE,
    version           integer     NOT NULL,
    -- JSON: action input key -> mapping expression
    mapping           text        NOT NULL,
    -- JSON: the filter (conditions on trigger fields), {} when none
    filter            text        NOT NULL DEFAULT '{}',
    -- JSON: the trigger's settings (e.g. Kommo pipeline and stage)
    trigger_settings  text        NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        uuid        REFERENCES user_account (id) ON DELETE SET NULL,
    CONSTRAINT automation_version_uk UNIQUE (automation_id, version)
);
