-- Runs: one per (automation, trigger event). The unique key makes a redelivered event run once.
--
-- A run is queued behind the earlier runs of its subject (seq orders them: one person's events are
-- applied in the order they arrived, across automations). Only the head of a subject's queue is
-- ever executed; while it waits for a retry or for a reconnect, the runs behind it wait too.
-- A run claimed by a worker holds a lease; a run whose worker died (lease expired) is claimed again
-- with the same run id, which actions use to stay idempotent (Kommo: the ponte-<run id> tag).

CREATE TABLE run (
    id                  uuid         PRIMARY KEY,
    seq                 bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    tenant_id           uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    automation_id       uuid         NOT NULL REFERENCES automation (id) ON DELETE CASCADE,
    automation_version  integer      NOT NULL,
    inbound_event_id    uuid         NOT NULL REFERENCES inbound_event (id) ON DELETE CASCADE,
    subject_hash        varchar(64)  NOT NULL,
    status              varchar(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'RETRYING', 'PARKED',
                                                                'SUCCEEDED', 'FILTERED', 'FAILED')),
    -- attempts that reached the action (pacing deferrals by Ponte's own rate limiter do not count)
    attempts            integer      NOT NULL DEFAULT 0,
    -- the last try was put off by Ponte's own pacing of the vendor account (a deferral, not a failure)
    deferred            boolean      NOT NULL DEFAULT false,
    next_attempt_at     timestamptz,
    lease_until         timestamptz,
    -- PARKED: the connection that must be reconnected before the run resumes
    waiting_connection_id uuid,
    -- the action's resolved inputs and its outputs (JSON); the last error, readable by the tenant
    inputs              text,
    outputs             text,
    error               varchar(2000),
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    CONSTRAINT run_automation_event_uk UNIQUE (automation_id, inbound_event_id)
);

-- the head of each subject's queue
CREATE INDEX run_open_subject_idx ON run (tenant_id, subject_hash, seq)
    WHERE status IN ('QUEUED', 'RUNNING', 'RETRYING', 'PARKED');
-- what the scheduler picks up: due retries, queued runs nobody woke, leases of dead workers
CREATE INDEX run_due_idx ON run (next_attempt_at) WHERE status IN ('QUEUED', 'RETRYING');
CREATE INDEX run_lease_idx ON run (lease_until) WHERE status = 'RUNNING';
CREATE INDEX run_parked_idx ON run (tenant_id) WHERE status = 'PARKED';
-- the run history: by automation, by status, by time; and the retention purge
CREATE INDEX run_history_idx ON run (tenant_id, created_at DESC);
CREATE INDEX run_automation_idx ON run (tenant_id, automation_id, created_at DESC);
CREATE INDEX run_event_idx ON run (inbound_event_id);

-- Every execution of a run: its outcome, error, the external calls it made and when it is retried.
CREATE TABLE run_attempt (
    id               uuid         PRIMARY KEY,
    tenant_id        uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    run_id           uuid         NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    number           integer      NOT NULL,
    automation_version integer    NOT NULL,
    started_at       timestamptz  NOT NULL,
    finished_at      timestamptz  NOT NULL,
    outcome          varchar(16)  NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FILTERED', 'FAILED', 'RETRY', 'PARKED', 'DEFERRED')),
    error            varchar(2000),
    next_attempt_at  timestamptz,
    -- JSON list of {method, path, status, millis}: paths only, never query strings or bodies
    calls            text         NOT NULL DEFAULT '[]'
);

CREATE INDEX run_attempt_run_idx ON run_attempt (run_id, number);
