-- Use cases that visitors of the public pages miss ("Não encontrou o seu caso de uso? Enviar
-- sugestão."), triaged by platform operators. Not tenant-owned: a suggestion may come from someone
-- without an account, and only operators read them. The sizes repeat the form's own limits.
CREATE TABLE suggestion (
    id           uuid PRIMARY KEY,
    -- insertion order, to keep "newest first" stable for suggestions of the same instant
    seq          bigint        GENERATED ALWAYS AS IDENTITY,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    name         varchar(100)  NOT NULL,
    email        varchar(254)  NOT NULL,
    -- the tools involved: catalog connector names and names the sender typed
    tools        text[]        NOT NULL CHECK (cardinality(tools) BETWEEN 1 AND 10),
    use_case     varchar(4000) NOT NULL,
    -- the page language the sender used (pt-BR or en), to answer in it
    language     varchar(8)    NOT NULL,
    status       varchar(16)   NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'REVIEWING', 'PLANNED', 'DECLINED')),
    status_changed_at timestamptz,
    -- the operator who last changed the status (the user may be deleted later)
    status_changed_by uuid REFERENCES user_account (id) ON DELETE SET NULL
);

CREATE INDEX suggestion_newest_idx ON suggestion (created_at DESC, seq DESC);
