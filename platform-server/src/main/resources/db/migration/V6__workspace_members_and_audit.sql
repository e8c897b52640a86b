-- Workspace membership features: the workspace a user is working in, invitations to join a
-- workspace, and the audit log of who did what in a workspace.

-- The workspace a user has switched to; when it is unset or the user left it, the first membership counts.
ALTER TABLE user_account ADD COLUMN current_tenant_id uuid REFERENCES tenant (id) ON DELETE SET NULL;

-- An invitation link (/invitations/{token}) to join a workspace with a role. Only the token's
-- SHA-256 is stored: a leaked database does not leak usable links. Single use: accepted_at is set
-- once; revoked_at closes it early. Tenant-owned (Hibernate's tenant discriminator); the accept
-- step finds it across workspaces by the hash alone.
CREATE TABLE invitation (
    id           uuid PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    token_hash   varchar(64)  NOT NULL,
    role         varchar(16)  NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    -- when set, only a user signed in with this e-mail (case-insensitive) may accept
    email        varchar(320),
    invited_by   uuid         REFERENCES user_account (id) ON DELETE SET NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz  NOT NULL,
    accepted_at  timestamptz,
    accepted_by  uuid         REFERENCES user_account (id) ON DELETE SET NULL,
    revoked_at   timestamptz,
    CONSTRAINT invitation_token_uk UNIQUE (token_hash),
    CONSTRAINT invitation_closed_once CHECK (accepted_at IS NULL OR revoked_at IS NULL)
);

CREATE INDEX invitation_pending_idx ON invitation (tenant_id, created_at)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- What happened in a workspace, who did it and to what. The actor's name is copied as it was at
-- the time (the user may be renamed or leave); the detail is a small JSON object that never
-- holds secrets or full personal data. Rows are only ever inserted.
CREATE TABLE audit_event (
    id             uuid PRIMARY KEY,
    -- insertion order, to keep "newest first" stable for events of the same instant
    seq            bigint       GENERATED ALWAYS AS IDENTITY,
    tenant_id      uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    occurred_at    timestamptz  NOT NULL DEFAULT now(),
    -- null for the platform itself (background work)
    actor_user_id  uuid,
    actor_name     varchar(200) NOT NULL,
    action         varchar(64)  NOT NULL CHECK (action ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)+$'),
    target_type    varchar(32)  NOT NULL CHECK (target_type ~ '^[a-z][a-z_]*$'),
    target_id      varchar(64),
    detail         jsonb        NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_event_tenant_time_idx ON audit_event (tenant_id, occurred_at DESC, seq DESC);
