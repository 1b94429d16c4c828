-- The moderator console (vigie-server's /console): sign-in sessions, and the indexes its pages
-- read (the author's history, the webhooks of a case, the dashboard's aggregates).
--
-- Sessions live in the database rather than in the server's memory so that they survive a
-- restart and work when several servers share one PostgreSQL. Only a BLAKE3 hash of the
-- session token is stored: someone who reads the table cannot sign in with it.

CREATE TABLE console_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX console_sessions_expiry ON console_sessions (expires_at);

CREATE INDEX console_cases_author ON cases (author, created_at);
CREATE INDEX console_outbox_case ON webhook_outbox (case_id, created_at);
-- The dashboard's aggregates read these indexes only, never the cases' JSON.
CREATE INDEX console_cases_dashboard ON cases (created_at, categories, status, updated_at);
CREATE INDEX console_cases_resolved ON cases (status, updated_at, created_at);
-- The audit log page's filters.
CREATE INDEX console_audit_actor ON audit_log (actor, seq);
CREATE INDEX console_audit_subject ON audit_log (subject, seq);
