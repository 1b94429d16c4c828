-- Notices (issue 7): who may send them, the notices with their deadlines and clocks, the
-- content each one names (one row per post or account, with the case it opened or joined),
-- legal holds and the record of purged cases. Times are unix microseconds, as elsewhere.

-- A notifier: a hosting provider, an authority, a trusted flagger… Its API keys (scope
-- `notify`) are bound to it in `notifier_keys`; `endpoint` receives the answers (optional).
-- signing_secret: the HMAC secret the answers to this notifier are signed with, so that the
-- notifier can check them without knowing the platform's webhook secret. Kept in clear (not
-- hashed like API keys) because the server must sign with it; shown once when made, never
-- returned by the API.
CREATE TABLE notifiers (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    endpoint TEXT,
    signing_secret TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Outbox deliveries addressed to a notifier (answers): the delivery task signs them with the
-- notifier's secret instead of the platform's. No foreign key to the outbox: retention
-- deletes both.
CREATE TABLE notifier_deliveries (
    idempotency_key TEXT PRIMARY KEY,
    notifier TEXT NOT NULL
);

CREATE TABLE notifier_keys (
    key_id TEXT PRIMARY KEY,
    notifier TEXT NOT NULL REFERENCES notifiers (name),
    created_at BIGINT NOT NULL
);

-- One row per notice; `id` is the receipt given to the notifier.
-- kind: user, trusted_flagger, authority, hosting_provider, other.
-- category: the alleged vigie category (NULL when the notifier named none).
-- deadline_source: notifier (given in the notice) or config (the default of its kind).
-- status: open (waiting for decisions), answered (every item decided, answer recorded).
-- warnings: how many warning fractions have fired; next_clock_at: when the clock next has
-- something to do (a warning or the breach), NULL when nothing is left.
-- breached_at: when the deadline passed undecided (the cases were escalated then).
-- decided_at: when the last item was decided; deadline_met: 1/0 once decided.
-- outcome: the action taken (remove, no_action…), or "mixed" when items differ.
-- body: the whole notice as JSON (content references, explanation, answer).
-- purged_at: when retention purged the notice's content (times and outcome stay).
CREATE TABLE notices (
    id TEXT PRIMARY KEY,
    notifier TEXT NOT NULL,
    kind TEXT NOT NULL,
    category TEXT,
    legal_ground TEXT,
    policy_clause TEXT,
    received_at BIGINT NOT NULL,
    deadline BIGINT NOT NULL,
    deadline_source TEXT NOT NULL,
    status TEXT NOT NULL,
    items BIGINT NOT NULL,
    decided_items BIGINT NOT NULL,
    warnings BIGINT NOT NULL,
    next_clock_at BIGINT,
    breached_at BIGINT,
    decided_at BIGINT,
    deadline_met BIGINT,
    answered_at BIGINT,
    outcome TEXT,
    purged_at BIGINT,
    body TEXT NOT NULL
);
CREATE INDEX notices_notifier ON notices (notifier, received_at, id);
CREATE INDEX notices_received ON notices (received_at, id);
CREATE INDEX notices_clock ON notices (status, next_clock_at);

-- The content a notice names, each with the case it opened (opened = 1) or joined.
-- decided_at, decision_id and action are filled once the case is decided.
CREATE TABLE notice_items (
    notice_id TEXT NOT NULL REFERENCES notices (id),
    seq BIGINT NOT NULL,
    subject_key TEXT NOT NULL,
    case_id TEXT NOT NULL,
    opened BIGINT NOT NULL,
    decided_at BIGINT,
    decision_id TEXT,
    action TEXT,
    PRIMARY KEY (notice_id, seq)
);
CREATE INDEX notice_items_case ON notice_items (case_id);
CREATE INDEX notice_items_pending ON notice_items (decided_at, notice_id);

-- A case under legal hold is never purged; released_at set when the hold is lifted.
CREATE TABLE legal_holds (
    case_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    released_by TEXT,
    released_at BIGINT
);

-- Cases retention purged: their content is gone, their audit entries stay (see retention.rs).
CREATE TABLE purged_cases (
    case_id TEXT PRIMARY KEY,
    last_event_at BIGINT NOT NULL,
    purged_at BIGINT NOT NULL
);
CREATE INDEX purged_cases_at ON purged_cases (purged_at);

-- Retention of posts that never had a case (allowed content, mostly): every such post
-- received before `posts_before` has lost its text, author, context and the text of its
-- evidence (see retention.rs); the decision's metadata stays for the reports.
CREATE TABLE retention_state (
    id INTEGER PRIMARY KEY,
    posts_before BIGINT NOT NULL
);
INSERT INTO retention_state (id, posts_before) VALUES (1, 0);
