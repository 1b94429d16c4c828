-- Queue listing in SQL. A queue's filters on language, categories, sources, urgency and
-- escalation do not change while a case waits, so each case has one row per queue whose
-- filters accept it, written in the transaction that changes the case. A queue page is then
-- a range scan of one index: (queue, status, sort_rank, created_at, case_id), read from a
-- cursor (keyset paging), whatever the number of cases.
--
-- sort_rank: minus the case's priority without its deadline part (queues ordered by
-- priority) or 0 (queues ordered by age). Deadlines move the priority with time: cases with
-- a deadline within a day are read by deadline band (the partial index) and ranked in Rust.
-- lease_expires_at and escalated: a claim that lapsed puts the case back in the queues of
-- open (or escalated) cases without any write.
CREATE TABLE queue_members (
    queue TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id),
    status TEXT NOT NULL,
    escalated BIGINT NOT NULL,
    lease_expires_at BIGINT,
    sort_rank BIGINT NOT NULL,
    deadline BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (queue, case_id)
);
CREATE INDEX queue_members_order ON queue_members (queue, status, sort_rank, created_at, case_id);
CREATE INDEX queue_members_deadline ON queue_members (queue, deadline) WHERE deadline IS NOT NULL;
CREATE INDEX queue_members_case ON queue_members (case_id);

-- The queue definitions and priority weights the rows above were written with (a hash):
-- when the review config changes, the next listing rebuilds them.
CREATE TABLE queue_index_state (
    id BIGINT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    built_at BIGINT NOT NULL
);

-- Listing no longer reads cases by status and priority.
DROP INDEX cases_queue
