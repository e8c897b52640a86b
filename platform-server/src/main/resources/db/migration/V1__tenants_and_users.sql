-- Tenants (workspaces), the people who sign in, and who belongs where.

CREATE TABLE tenant (
    id          uuid PRIMARY KEY,
    name        varchar(120) NOT NULL CHECK (length(trim(name)) > 0),
    -- date renderings (DD/MM/AAAA, …) use the workspace's time zone
    time_zone   varchar(64)  NOT NULL DEFAULT 'America/Sao_Paulo',
    created_at  timestamptz  NOT NULL DEFAULT now()
);

-- A person known to the identity provider. The OIDC subject is the stable key; e-mail and name
-- are refreshed from the token at every sign-in.
CREATE TABLE user_account (
    id             uuid PRIMARY KEY,
    oidc_issuer    varchar(512) NOT NULL,
    oidc_subject   varchar(255) NOT NULL,
    email          varchar(320),
    display_name   varchar(200),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    last_login_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT user_account_subject_uk UNIQUE (oidc_issuer, oidc_subject)
);

CREATE TABLE membership (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    user_id     uuid        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role        varchar(16) NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT membership_tenant_user_uk UNIQUE (tenant_id, user_id)
);

CREATE INDEX membership_user_idx ON membership (user_id);
