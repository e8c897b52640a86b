-- E-mail notifications (docs/operations.md, "Notifications"). A fact worth an e-mail is written
-- here in the transaction that records it (a run ending FAILED, a connection needing reconnect,
-- repeated hottok refusals, an invitation by e-mail); NotificationSender sends it later, so a fact
-- is never lost to an SMTP outage and never mailed for a transaction that rolled back.
CREATE TABLE notification (
    id           uuid         PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    kind         varchar(30)  NOT NULL CHECK (kind IN ('INVITATION', 'RUN_FAILED', 'CONNECTION_NEEDS_RECONNECT', 'HOTTOK_REFUSED')),
    -- the automation, connection or invitation concerned; the hourly limit counts per subject
    subject_id   uuid         NOT NULL,
    -- INVITATION only: the invited address and the link, sealed by SecretCipher and erased once sent
    recipient    varchar(320),
    sealed_link  text,
    locale       varchar(10),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    processed_at timestamptz,
    attempts     integer      NOT NULL DEFAULT 0,
    last_error   varchar(500)
);

CREATE INDEX notification_pending_idx ON notification (created_at) WHERE processed_at IS NULL;

-- Each e-mail sent to a user about a subject: at most one per subject per hour (the rest waits
-- for the daily digest).
CREATE TABLE notification_mail (
    id          uuid         PRIMARY KEY,
    user_id          uuid         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    subject_id       uuid         NOT NULL,
    -- the notification mailed (a retry after an SMTP error skips users already mailed)
    notification_id  uuid         NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    sent_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX notification_mail_recent_idx ON notification_mail (user_id, subject_id, sent_at DESC);

-- Facts held back from an immediate e-mail, for the user's next daily digest.
CREATE TABLE notification_digest_item (
    id               uuid         PRIMARY KEY,
    user_id          uuid         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    notification_id  uuid         NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    sent_at          timestamptz
);

CREATE INDEX notification_digest_pending_idx ON notification_digest_item (user_id) WHERE sent_at IS NULL;

-- A user's choice: failure e-mails on or off (default on), and the language of e-mails.
CREATE TABLE notification_preference (
    user_id         uuid         PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    failure_emails  boolean      NOT NULL DEFAULT true,
    locale          varchar(10)  CHECK (locale IN ('pt-BR', 'en')),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
