-- One schema for SQLite and PostgreSQL: only types and syntax both accept (TEXT, BIGINT,
-- composite keys, ON CONFLICT). Times are unix microseconds (BIGINT), JSON is TEXT, so both
-- engines store byte-identical values and the audit hash chain verifies on either.

CREATE TABLE posts (
    platform TEXT NOT NULL,
    post_id TEXT NOT NULL,
    author TEXT,
    text TEXT NOT NULL,
    context TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (platform, post_id)
);
CREATE INDEX posts_received ON posts (received_at);

CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    platform TEXT NOT NULL,
    post_id TEXT NOT NULL,
    author TEXT,
    decision TEXT NOT NULL,
    action TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (platform, post_id),
    FOREIGN KEY (platform, post_id) REFERENCES posts (platform, post_id)
);
CREATE INDEX decisions_created ON decisions (created_at, id);
CREATE INDEX decisions_author ON decisions (author, created_at, id);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    model_versions TEXT NOT NULL,
    reason TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- The single row every appender updates first: on PostgreSQL that takes a row lock, on SQLite
-- the database write lock, so appends are serialised and the chain cannot fork.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    touched_at BIGINT NOT NULL
);
INSERT INTO audit_head (id, seq, hash, touched_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE policies (
    seq BIGINT PRIMARY KEY,
    version TEXT NOT NULL,
    origin TEXT NOT NULL,
    text TEXT NOT NULL,
    actor TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
