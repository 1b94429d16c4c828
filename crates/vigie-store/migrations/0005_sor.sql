-- Statements of reasons (DSA Art. 17), their export batches and the receipts of their
-- submission to the Transparency Database. Statements are built lazily from decisions and
-- case decisions (never on the post path) and stored on first export: `puid` is the primary
-- key and each restriction has one statement (`restriction_id` unique), so a puid is never
-- given to another restriction, nor built twice differently.

-- kind: decision (automated) or case_decision (a moderator's, `{case}/d{n}`).
-- state: exported (written to a batch, not sent), submitted (201), rejected (422: `last_error`
-- says why), failed (5xx / network after every retry: sent again by the next submission).
CREATE TABLE sor_statements (
    puid TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    restriction_id TEXT NOT NULL UNIQUE,
    case_id TEXT,
    applied_at BIGINT NOT NULL,
    source TEXT NOT NULL,
    category TEXT NOT NULL,
    automated_decision TEXT NOT NULL,
    statement TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    state TEXT NOT NULL,
    batch_id TEXT,
    submitted_at BIGINT,
    remote_id TEXT,
    last_error TEXT
);
CREATE INDEX sor_statements_applied ON sor_statements (applied_at, puid);
CREATE INDEX sor_statements_case ON sor_statements (case_id);

-- One export batch (at most 100 statements, the Transparency Database's batch limit).
CREATE TABLE sor_batches (
    id TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    statements BIGINT NOT NULL,
    puids TEXT NOT NULL,
    file TEXT,
    state TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Every submission attempt: the HTTP status (0: no answer) and what the endpoint said.
CREATE TABLE sor_receipts (
    id TEXT PRIMARY KEY,
    batch_id TEXT NOT NULL REFERENCES sor_batches (id),
    attempt BIGINT NOT NULL,
    endpoint TEXT NOT NULL,
    status BIGINT NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX sor_receipts_batch ON sor_receipts (batch_id, attempt);
