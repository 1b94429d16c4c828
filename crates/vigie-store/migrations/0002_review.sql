-- The review workflow (vigie-review): people, cases, report receipts, strikes and the webhook
-- outbox. A case is stored whole as JSON (`body`) beside the columns queues filter and sort on;
-- `version` grows by one on every change.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    subject_key TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    lang TEXT NOT NULL,
    urgent BIGINT NOT NULL,
    escalated BIGINT NOT NULL,
    categories TEXT NOT NULL,
    sources TEXT NOT NULL,
    priority BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    lease_holder TEXT,
    lease_expires_at BIGINT,
    author TEXT,
    version BIGINT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX cases_queue ON cases (status, priority, created_at, id);
CREATE INDEX cases_updated ON cases (updated_at, id);

CREATE TABLE case_reports (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    received_at BIGINT NOT NULL
);

CREATE TABLE strikes (
    id TEXT PRIMARY KEY,
    author TEXT NOT NULL,
    case_id TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    reversed_at BIGINT,
    body TEXT NOT NULL
);
CREATE INDEX strikes_author ON strikes (author, issued_at);

-- One row per action to send: the idempotency key is the primary key, so an action can never
-- be queued twice, whatever retries or restarts happen.
CREATE TABLE webhook_outbox (
    idempotency_key TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    last_error TEXT,
    delivery TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX webhook_due ON webhook_outbox (state, next_attempt_at);
