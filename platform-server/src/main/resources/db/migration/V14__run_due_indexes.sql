-- The scheduler looks for due retries every tick and for runs left queued (a lost wake-up) every
-- 5 s. One index over both statuses made every tick read every queued run's row to skip it: a
-- workspace's backlog of 10,000 queued runs meant 20,000 row reads a second for nothing. One
-- index per status lets each look read only its own rows.
CREATE INDEX run_retry_due_idx ON run (next_attempt_at) WHERE status = 'RETRYING';
CREATE INDEX run_queued_idx ON run (next_attempt_at) WHERE status = 'QUEUED';
DROP INDEX run_due_idx;
