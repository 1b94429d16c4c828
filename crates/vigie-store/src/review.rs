//! The review workflow's storage: moderators' accounts, cases (whole as JSON beside the
//! columns queues filter on), report receipts, strikes and the webhook outbox.
//!
//! Every change of a case runs in one transaction that first takes the audit chain lock (a
//! row lock on PostgreSQL, the write lock on SQLite): changes to cases are therefore
//! serialised across processes, the case read inside the transaction is the latest one, and
//! the case, its effects (strikes, outbox rows) and its audit entry commit together or not at
//! all. Two moderators racing to claim a case: the second reads the first one's lease and is
//! refused by the domain rules.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::Serialize;
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use vigie_review::{
    Case, CaseStatus, Delivery, DeliveryState, Effect, Priority, Queue, QueueOrder, Report,
    ReviewConfig, ReviewError, Role, Strike, StrikeProposal, Subject, TrainingRow, training_row,
};

use crate::audit::{AuditEvent, ChainHead};
use crate::decisions::{AnyQuery, Placeholders, values_from};
use crate::{QueryContext, Result, Store, StoreError, get, now_micros, random_id};

/// A person who works in the review tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

/// A new account with its API token, shown once and stored only hashed.
#[derive(Debug, Clone)]
pub struct CreatedUser {
    pub user: User,
    pub token: String,
}

/// Who changes a case, when, and what to record.
#[derive(Debug, Clone, Copy)]
pub struct CaseChange<'a> {
    /// As the audit log names people: `user:<name>`, `key:<id>`.
    pub actor: &'a str,
    /// Audit entry kind, e.g. `case.claim`.
    pub kind: &'a str,
    pub now: i64,
    pub config: &'a ReviewConfig,
    /// Where `Notify` effects are sent; `None`: they are recorded in the audit log only.
    pub webhook_endpoint: Option<&'a str>,
}

/// What a change did beside the case itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Applied {
    pub strikes_added: Vec<Strike>,
    pub strikes_removed: Vec<String>,
    /// Idempotency keys of the webhook deliveries queued.
    pub notifications: Vec<String>,
    /// A sanction the author's strikes now call for (a moderator decides on it).
    pub proposal: Option<StrikeProposal>,
}

/// A report as stored: its receipt and the case it joined.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOutcome {
    pub receipt: String,
    pub case: Case,
    /// A new case was opened for it (else it joined the subject's case).
    pub opened: bool,
}

/// A webhook delivery in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutboxItem {
    pub idempotency_key: String,
    pub case_id: String,
    pub endpoint: String,
    pub body: String,
    pub delivery: Delivery,
    pub created_at: i64,
    pub updated_at: i64,
}

const USER_TOKEN_PREFIX: &str = "vigieu_";

const PENDING: &str = "pending";
const DELIVERED: &str = "delivered";
const DEAD_LETTER: &str = "dead_letter";

fn token_hash(token: &str) -> String {
    blake3::hash(token.as_bytes()).to_hex().to_string()
}

fn corrupt(what: &'static str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: e.to_string(),
    }
}

pub(crate) fn to_json<T: Serialize>(what: &'static str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Invalid {
        what,
        detail: e.to_string(),
    })
}

/// The key that makes a subject have one case at most: reports on it join that case.
pub fn subject_key(subject: &Subject) -> String {
    // \u{1f} (unit separator) cannot appear in the ids clients send through JSON by accident
    // and keeps "a:b" + "c" apart from "a" + "b:c".
    match subject {
        Subject::Post {
            platform, post_id, ..
        } => post_subject_key(platform, post_id),
        Subject::Account {
            platform,
            account_id,
        } => format!("account\u{1f}{platform}\u{1f}{account_id}"),
    }
}

/// The [`subject_key`] of a post.
pub(crate) fn post_subject_key(platform: &str, post_id: &str) -> String {
    format!("post\u{1f}{platform}\u{1f}{post_id}")
}

/// `,a,b,` so that `LIKE '%,a,%'` finds one item; kept for ad-hoc SQL and reports.
pub(crate) fn list_column<T: Serialize>(items: &[T]) -> String {
    let mut out = String::from(",");
    for item in items {
        let name = serde_json::to_value(item)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push_str(&name);
        out.push(',');
    }
    out
}

fn user_from_row(row: &AnyRow) -> Result<User> {
    let role: String = get(row, "role")?;
    Ok(User {
        id: get(row, "id")?,
        name: get(row, "name")?,
        role: Role::from_name(&role).ok_or_else(|| corrupt("user role", &role))?,
        created_at: get(row, "created_at")?,
        disabled_at: get(row, "disabled_at")?,
    })
}

pub(crate) fn case_from_row(row: &AnyRow) -> Result<(Case, i64)> {
    let body: String = get(row, "body")?;
    let case = serde_json::from_str(&body).map_err(|e| corrupt("case", e))?;
    Ok((case, get(row, "version")?))
}

fn outbox_from_row(row: &AnyRow) -> Result<OutboxItem> {
    let delivery: String = get(row, "delivery")?;
    Ok(OutboxItem {
        idempotency_key: get(row, "idempotency_key")?,
        case_id: get(row, "case_id")?,
        endpoint: get(row, "endpoint")?,
        body: get(row, "body")?,
        delivery: serde_json::from_str(&delivery).map_err(|e| corrupt("webhook delivery", e))?,
        created_at: get(row, "created_at")?,
        updated_at: get(row, "updated_at")?,
    })
}

fn strike_from_row(row: &AnyRow) -> Result<Strike> {
    let body: String = get(row, "body")?;
    let mut strike: Strike = serde_json::from_str(&body).map_err(|e| corrupt("strike", e))?;
    // The column is what reversals update; the JSON keeps the strike as issued.
    strike.reversed_at = get(row, "reversed_at")?;
    Ok(strike)
}

const OUTBOX_COLUMNS: &str =
    "idempotency_key, case_id, endpoint, body, delivery, created_at, updated_at";

pub(crate) async fn insert_case(
    conn: &mut AnyConnection,
    case: &Case,
    config: &ReviewConfig,
) -> Result<bool> {
    let row = CaseRow::of(case)?;
    let sql = format!(
        "{} ON CONFLICT (subject_key) DO NOTHING",
        insert_cases_sql(1, Placeholders::NumberedFrom(1))
    );
    // Safe: fixed fragments and placeholders; every value is bound.
    let inserted = bind_cases(
        sqlx::query(sqlx::AssertSqlSafe(sql)),
        std::slice::from_ref(&row),
    )
    .execute(&mut *conn)
    .await
    .ctx("storing a case")?
    .rows_affected();
    if inserted == 1 {
        write_members(conn, &member_rows(case, config)).await?;
    }
    Ok(inserted == 1)
}

const CASE_COLUMNS: usize = 16;

/// `INSERT INTO cases …` for `rows` cases (bound with [`bind_cases`]).
pub(crate) fn insert_cases_sql(rows: usize, placeholders: Placeholders) -> String {
    format!(
        "INSERT INTO cases (id, subject_key, status, lang, urgent, escalated, categories, sources,
            priority, created_at, updated_at, lease_holder, lease_expires_at, author, version, body)
         VALUES {}",
        values_from(rows, CASE_COLUMNS, placeholders)
    )
}

/// A new case's column values, owned so that a query can borrow them.
pub(crate) struct CaseRow {
    pub(crate) id: String,
    pub(crate) subject_key: String,
    pub(crate) columns: vigie_review::CaseColumns,
    pub(crate) updated_at: i64,
    pub(crate) body: String,
}

impl CaseRow {
    pub(crate) fn of(case: &Case) -> Result<CaseRow> {
        Ok(CaseRow {
            id: case.id.clone(),
            subject_key: subject_key(&case.subject),
            columns: case.columns(),
            updated_at: case.updated_at,
            body: to_json("case", case)?,
        })
    }
}

/// Binds `rows` in the column order of [`insert_cases_sql`] (version 1: new cases).
pub(crate) fn bind_cases<'q>(mut q: AnyQuery<'q>, rows: &'q [CaseRow]) -> AnyQuery<'q> {
    for row in rows {
        let c = &row.columns;
        q = q
            .bind(row.id.as_str())
            .bind(row.subject_key.as_str())
            .bind(c.status.name())
            .bind(c.lang.as_str())
            .bind(i64::from(c.urgent))
            .bind(i64::from(c.escalated))
            .bind(list_column(&c.categories))
            .bind(list_column(&c.sources))
            .bind(c.priority)
            .bind(c.created_at)
            .bind(row.updated_at)
            .bind(c.lease_holder.as_deref())
            .bind(c.lease_expires_at)
            .bind(c.author.as_deref())
            .bind(1i64)
            .bind(row.body.as_str());
    }
    q
}

/// A case's row in one queue (see migration 0003).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MemberRow<'a> {
    pub(crate) queue: &'a str,
    pub(crate) case_id: &'a str,
    pub(crate) status: CaseStatus,
    pub(crate) escalated: bool,
    pub(crate) lease_expires_at: Option<i64>,
    pub(crate) sort_rank: i64,
    pub(crate) deadline: Option<i64>,
    pub(crate) created_at: i64,
}

/// The queues that may show `case` (now or once its claim lapses), one row each.
pub(crate) fn member_rows<'a>(case: &'a Case, config: &'a ReviewConfig) -> Vec<MemberRow<'a>> {
    let columns = case.columns();
    let mut base = None;
    let mut rows = Vec::new();
    for queue in &config.queues {
        let filter = &queue.filter;
        let statuses = &filter.statuses;
        let visible = statuses.contains(&columns.status)
            || (columns.status == CaseStatus::Assigned
                && statuses.contains(if columns.escalated {
                    &CaseStatus::Escalated
                } else {
                    &CaseStatus::Open
                }));
        if !visible || !filter.matches_except_status(&columns) {
            continue;
        }
        let (sort_rank, deadline) = match filter.order {
            QueueOrder::Priority => {
                let base =
                    *base.get_or_insert_with(|| Priority::base_score(case, &config.priority));
                (i64::saturating_neg(base), case.nearest_deadline())
            }
            QueueOrder::Age => (0, None),
        };
        rows.push(MemberRow {
            queue: &queue.name,
            case_id: &case.id,
            status: columns.status,
            escalated: columns.escalated,
            lease_expires_at: columns.lease_expires_at,
            sort_rank,
            deadline,
            created_at: columns.created_at,
        });
    }
    rows
}

async fn write_members(conn: &mut AnyConnection, rows: &[MemberRow<'_>]) -> Result<()> {
    for chunk in rows.chunks(crate::decisions::ROWS_PER_STATEMENT) {
        let sql = insert_members_sql(chunk.len(), Placeholders::NumberedFrom(1));
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        bind_members(sqlx::query(sqlx::AssertSqlSafe(sql)), chunk)
            .execute(&mut *conn)
            .await
            .ctx("storing a case's queues")?;
    }
    Ok(())
}

const MEMBER_COLUMNS: usize = 8;

/// `INSERT INTO queue_members …` for `rows` rows (bound with [`bind_members`]).
pub(crate) fn insert_members_sql(rows: usize, placeholders: Placeholders) -> String {
    format!(
        "INSERT INTO queue_members (queue, case_id, status, escalated, lease_expires_at,
            sort_rank, deadline, created_at) VALUES {}",
        values_from(rows, MEMBER_COLUMNS, placeholders)
    )
}

/// Binds `rows` in the column order of [`insert_members_sql`].
pub(crate) fn bind_members<'q>(mut q: AnyQuery<'q>, rows: &[MemberRow<'q>]) -> AnyQuery<'q> {
    for row in rows {
        q = q
            .bind(row.queue)
            .bind(row.case_id)
            .bind(row.status.name())
            .bind(i64::from(row.escalated))
            .bind(row.lease_expires_at)
            .bind(row.sort_rank)
            .bind(row.deadline)
            .bind(row.created_at);
    }
    q
}

/// What the queue rows depend on besides the cases: the queue definitions and the priority
/// weights. Bump the leading number when the way rows are computed changes.
fn queue_fingerprint(config: &ReviewConfig) -> Result<String> {
    let text = to_json("queue definitions", &(1, &config.queues, &config.priority))?;
    Ok(blake3::hash(text.as_bytes()).to_hex().to_string())
}

/// A position in a queue: the sort key of the last case of a page, `{rank}.{created_at}.{id}`
/// on the wire (rank: minus the priority, or 0 in queues ordered by age).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct QueueCursor {
    pub rank: i64,
    pub created_at: i64,
    pub case_id: String,
}

impl QueueCursor {
    /// The key of `case` in `queue` (its priority computed for the time of listing).
    pub fn of(case: &Case, queue: &Queue) -> QueueCursor {
        QueueCursor {
            rank: match queue.filter.order {
                QueueOrder::Priority => i64::saturating_neg(case.priority.score),
                QueueOrder::Age => 0,
            },
            created_at: case.created_at,
            case_id: case.id.clone(),
        }
    }

    pub fn encode(&self) -> String {
        format!("{}.{}.{}", self.rank, self.created_at, self.case_id)
    }

    /// `None` when `text` is not a cursor this store gave out.
    pub fn decode(text: &str) -> Option<QueueCursor> {
        let mut parts = text.splitn(3, '.');
        let rank = parts.next()?.parse().ok()?;
        let created_at = parts.next()?.parse().ok()?;
        let case_id = parts.next().filter(|id| !id.is_empty())?.to_string();
        Some(QueueCursor {
            rank,
            created_at,
            case_id,
        })
    }
}

/// One page of a queue.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuePage {
    pub cases: Vec<Case>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<QueueCursor>,
}

/// SQL text with its bound values, for queries whose shape depends on the queue.
#[derive(Default)]
struct SqlBuilder {
    text: String,
    binds: Vec<SqlValue>,
}

enum SqlValue {
    Text(String),
    Int(i64),
}

impl SqlBuilder {
    fn push(&mut self, fragment: &str) -> &mut Self {
        self.text.push_str(fragment);
        self
    }

    fn text(&mut self, value: &str) -> &mut Self {
        self.binds.push(SqlValue::Text(value.to_string()));
        self.text.push_str(&format!("${}", self.binds.len()));
        self
    }

    fn int(&mut self, value: i64) -> &mut Self {
        self.binds.push(SqlValue::Int(value));
        self.text.push_str(&format!("${}", self.binds.len()));
        self
    }

    async fn keys(self, conn: &mut AnyConnection, shift: i64) -> Result<Vec<QueueCursor>> {
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(self.text));
        for value in self.binds {
            q = match value {
                SqlValue::Text(t) => q.bind(t),
                SqlValue::Int(i) => q.bind(i),
            };
        }
        let rows = q.fetch_all(&mut *conn).await.ctx("listing a queue")?;
        rows.iter()
            .map(|row| {
                let rank: i64 = get(row, "sort_rank")?;
                Ok(QueueCursor {
                    rank: rank.saturating_sub(shift),
                    created_at: get(row, "created_at")?,
                    case_id: get(row, "case_id")?,
                })
            })
            .collect()
    }
}

/// One stored status a queue shows, as a range of the order index.
enum StatusClause {
    Is(CaseStatus),
    /// Claimed cases: those whose claim is live (`live`: the queue lists assigned cases)
    /// and those whose claim lapsed with `escalated` in `lapsed` (they show as open, or
    /// escalated, without any write).
    Assigned {
        live: bool,
        lapsed: Vec<i64>,
    },
}

/// The stored statuses a queue with `statuses` shows.
fn status_clauses(statuses: &[CaseStatus]) -> Vec<StatusClause> {
    let mut clauses: Vec<StatusClause> = statuses
        .iter()
        .filter(|s| **s != CaseStatus::Assigned)
        .map(|s| StatusClause::Is(*s))
        .collect();
    let live = statuses.contains(&CaseStatus::Assigned);
    let mut lapsed = Vec::new();
    if statuses.contains(&CaseStatus::Open) {
        lapsed.push(0);
    }
    if statuses.contains(&CaseStatus::Escalated) {
        lapsed.push(1);
    }
    if live || !lapsed.is_empty() {
        clauses.push(StatusClause::Assigned { live, lapsed });
    }
    clauses
}

fn push_status(sql: &mut SqlBuilder, clause: &StatusClause, now: i64) {
    match clause {
        StatusClause::Is(status) => {
            sql.push("status = ").text(status.name());
        }
        StatusClause::Assigned { live, lapsed } => {
            sql.push("(status = ")
                .text(CaseStatus::Assigned.name())
                .push(" AND (");
            let mut first = true;
            if *live {
                sql.push("lease_expires_at IS NULL OR lease_expires_at > ")
                    .int(now);
                first = false;
            }
            for escalated in lapsed {
                if !first {
                    sql.push(" OR ");
                }
                first = false;
                // With `live`, a live claim shows anyway: only the lapsed ones are added.
                sql.push("(lease_expires_at <= ")
                    .int(now)
                    .push(" AND escalated = ")
                    .int(*escalated)
                    .push(")");
            }
            sql.push("))");
        }
    }
}

fn push_after(sql: &mut SqlBuilder, after: Option<&QueueCursor>, shift: i64) {
    if let Some(c) = after {
        sql.push(" AND (sort_rank, created_at, case_id) > (")
            .int(c.rank.saturating_add(shift))
            .push(", ")
            .int(c.created_at)
            .push(", ")
            .text(&c.case_id)
            .push(")");
    }
}

/// The case a new automated decision opens. Its id is time-ordered like decision ids, so that
/// new cases land at the end of the indexes on case ids (cases, queue rows) instead of on a
/// random page of each.
pub(crate) fn case_for_decision(
    platform: &str,
    author: Option<&str>,
    decision: vigie_policy::Decision,
    reach: Option<u64>,
    config: &ReviewConfig,
    now: i64,
) -> Case {
    let id = crate::ordered_id(now);
    Case::from_decision(&id, platform, author, decision, reach, config, now)
}

/// An automated decision joins the case its subject already has (users reported the post
/// before it was recorded). Returns whether `existing` changed and must be written back: a
/// case keeps the first automated decision it was given.
pub(crate) fn join_automated(
    existing: &mut Case,
    incoming: Case,
    config: &ReviewConfig,
    now: i64,
) -> bool {
    if existing.automated.is_some() {
        return false;
    }
    existing.lang = incoming.lang;
    existing.automated = incoming.automated;
    existing.reach = incoming.reach;
    existing.updated_at = existing.updated_at.max(now);
    existing.reprioritize(config, now);
    true
}

/// Stores a case opened by an automated decision; when its subject already has a case (users
/// reported the post before it was recorded), the decision joins that case instead. Returns
/// the id of the case that holds the decision.
pub(crate) async fn open_or_join_case(
    conn: &mut AnyConnection,
    case: Case,
    config: &ReviewConfig,
    now: i64,
) -> Result<String> {
    if insert_case(conn, &case, config).await? {
        return Ok(case.id);
    }
    let row = sqlx::query("SELECT version, body FROM cases WHERE subject_key = $1")
        .bind(subject_key(&case.subject))
        .fetch_one(&mut *conn)
        .await
        .ctx("finding the case of a subject")?;
    let (mut existing, version) = case_from_row(&row)?;
    if join_automated(&mut existing, case, config, now) {
        update_case(conn, &existing, version, config).await?;
    }
    Ok(existing.id)
}

pub(crate) async fn update_case(
    conn: &mut AnyConnection,
    case: &Case,
    version: i64,
    config: &ReviewConfig,
) -> Result<()> {
    let c = case.columns();
    let changed = sqlx::query(
        "UPDATE cases SET status = $1, lang = $2, urgent = $3, escalated = $4, categories = $5,
            sources = $6, priority = $7, updated_at = $8, lease_holder = $9,
            lease_expires_at = $10, author = $11, body = $12, version = version + 1
         WHERE id = $13 AND version = $14",
    )
    .bind(c.status.name())
    .bind(&c.lang)
    .bind(i64::from(c.urgent))
    .bind(i64::from(c.escalated))
    .bind(list_column(&c.categories))
    .bind(list_column(&c.sources))
    .bind(c.priority)
    .bind(case.updated_at)
    .bind(&c.lease_holder)
    .bind(c.lease_expires_at)
    .bind(&c.author)
    .bind(to_json("case", case)?)
    .bind(&case.id)
    .bind(version)
    .execute(&mut *conn)
    .await
    .ctx("updating a case")?
    .rows_affected();
    if changed == 1 {
        sqlx::query("DELETE FROM queue_members WHERE case_id = $1")
            .bind(&case.id)
            .execute(&mut *conn)
            .await
            .ctx("updating a case's queues")?;
        write_members(conn, &member_rows(case, config)).await
    } else {
        // Cannot happen while changes hold the chain lock; refuse rather than lose a change.
        Err(StoreError::Invalid {
            what: "case",
            detail: format!("case {} changed concurrently; retry", case.id),
        })
    }
}

pub(crate) async fn load_case(conn: &mut AnyConnection, id: &str) -> Result<Option<(Case, i64)>> {
    let row = sqlx::query("SELECT version, body FROM cases WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await
        .ctx("reading a case")?;
    row.as_ref().map(case_from_row).transpose()
}

async fn strikes_of(conn: &mut AnyConnection, author: &str) -> Result<Vec<Strike>> {
    let rows = sqlx::query(
        "SELECT body, reversed_at FROM strikes WHERE author = $1 ORDER BY issued_at, id",
    )
    .bind(author)
    .fetch_all(&mut *conn)
    .await
    .ctx("reading strikes")?;
    rows.iter().map(strike_from_row).collect()
}

/// Stores what `effects` ask for (strikes, outbox rows) in the transaction of the change.
async fn apply_effects(
    conn: &mut AnyConnection,
    case_id: &str,
    effects: &[Effect],
    change: &CaseChange<'_>,
) -> Result<Applied> {
    let mut applied = Applied::default();
    for effect in effects {
        match effect {
            Effect::AddStrike { strike } => {
                sqlx::query(
                    "INSERT INTO strikes (id, author, case_id, issued_at, expires_at, reversed_at, body)
                     VALUES ($1, $2, $3, $4, $5, NULL, $6) ON CONFLICT (id) DO NOTHING",
                )
                .bind(&strike.id)
                .bind(&strike.author)
                .bind(&strike.case_id)
                .bind(strike.issued_at)
                .bind(strike.expires_at)
                .bind(to_json("strike", strike)?)
                .execute(&mut *conn)
                .await
                .ctx("storing a strike")?;
                applied.strikes_added.push(strike.clone());
            }
            Effect::RemoveStrike {
                strike_id,
                reversed_at,
            } => {
                sqlx::query(
                    "UPDATE strikes SET reversed_at = $1 WHERE id = $2 AND reversed_at IS NULL",
                )
                .bind(*reversed_at)
                .bind(strike_id)
                .execute(&mut *conn)
                .await
                .ctx("reversing a strike")?;
                applied.strikes_removed.push(strike_id.clone());
            }
            Effect::Notify { event } => {
                let Some(endpoint) = change.webhook_endpoint else {
                    continue;
                };
                let delivery = Delivery::new(event, endpoint, change.now);
                sqlx::query(
                    "INSERT INTO webhook_outbox (idempotency_key, case_id, endpoint, body, state,
                        next_attempt_at, attempts, last_error, delivery, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, 0, NULL, $7, $8, $8)
                     ON CONFLICT (idempotency_key) DO NOTHING",
                )
                .bind(&event.idempotency_key)
                .bind(case_id)
                .bind(endpoint)
                .bind(event.body())
                .bind(PENDING)
                .bind(change.now)
                .bind(to_json("webhook delivery", &delivery)?)
                .bind(change.now)
                .execute(&mut *conn)
                .await
                .ctx("queueing a webhook")?;
                applied.notifications.push(event.idempotency_key.clone());
            }
            // Carried out by the platform on the webhook; recorded in the audit entry.
            Effect::ApplyAction { .. } | Effect::UndoAction { .. } => {}
        }
    }
    if let Some(author) = applied.strikes_added.first().map(|s| s.author.clone()) {
        let strikes = strikes_of(conn, &author).await?;
        applied.proposal = change
            .config
            .strikes
            .evaluate(&author, &strikes, change.now);
    }
    Ok(applied)
}

fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| StoreError::Invalid {
        what: "password",
        detail: format!("the OS random generator failed: {e}"),
    })?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Invalid {
        what: "password",
        detail: e.to_string(),
    })?;
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Invalid {
            what: "password",
            detail: e.to_string(),
        })
}

impl Store {
    /// The review configuration new cases are opened with (cases from automated decisions are
    /// opened by the writer task, which reads it here).
    pub fn set_review_config(&self, config: ReviewConfig) {
        if let Ok(mut slot) = self.review.write() {
            *slot = std::sync::Arc::new(config);
        }
    }

    pub fn review_config(&self) -> std::sync::Arc<ReviewConfig> {
        self.review
            .read()
            .map(|c| c.clone())
            .unwrap_or_else(|p| std::sync::Arc::clone(&p.into_inner()))
    }

    /// Creates an account: the password is stored as an argon2id hash, the API token (shown
    /// once) as a BLAKE3 hash, like API keys.
    pub async fn create_user(
        &self,
        name: &str,
        role: Role,
        password: &str,
        actor: &str,
    ) -> Result<CreatedUser> {
        let name = name.trim();
        if name.is_empty() || name.len() > 128 {
            return Err(StoreError::Invalid {
                what: "user",
                detail: "a name has 1 to 128 bytes".into(),
            });
        }
        if password.chars().count() < 8 {
            return Err(StoreError::Invalid {
                what: "user",
                detail: "a password has at least 8 characters".into(),
            });
        }
        // Argon2 is deliberately slow (tens of ms): keep it off the async workers.
        let owned = password.to_string();
        let password_hash = tokio::task::spawn_blocking(move || hash_password(&owned))
            .await
            .map_err(|e| StoreError::Invalid {
                what: "password",
                detail: e.to_string(),
            })??;
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| StoreError::Invalid {
            what: "user",
            detail: format!("the OS random generator failed: {e}"),
        })?;
        let token = format!("{USER_TOKEN_PREFIX}{}", hex::encode(secret));
        let user = User {
            id: random_id()[..16].to_string(),
            name: name.to_string(),
            role,
            created_at: now_micros(),
            disabled_at: None,
        };
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting to create a user")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let taken: Option<String> = sqlx::query_scalar("SELECT id FROM users WHERE name = $1")
            .bind(&user.name)
            .fetch_optional(&mut *tx)
            .await
            .ctx("checking a user name")?;
        if taken.is_some() {
            return Err(StoreError::Invalid {
                what: "user",
                detail: format!("the name {:?} is taken", user.name),
            });
        }
        sqlx::query(
            "INSERT INTO users (id, name, role, password_hash, token_hash, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&user.id)
        .bind(&user.name)
        .bind(role.name())
        .bind(&password_hash)
        .bind(token_hash(&token))
        .bind(user.created_at)
        .execute(&mut *tx)
        .await
        .ctx("storing a user")?;
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "user.create".to_string(),
            subject: format!("user:{}", user.name),
            reason: format!("user {:?} created with role {role}", user.name),
            details: serde_json::json!({ "id": user.id, "role": role.name() }).to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, user.created_at).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a new user")?;
        Ok(CreatedUser { user, token })
    }

    pub async fn list_users(&self) -> Result<Vec<User>> {
        let rows =
            sqlx::query("SELECT id, name, role, created_at, disabled_at FROM users ORDER BY name")
                .fetch_all(self.pool())
                .await
                .ctx("listing users")?;
        rows.iter().map(user_from_row).collect()
    }

    /// The active account this API token belongs to, if any.
    pub async fn authenticate_user(&self, token: &str) -> Result<Option<User>> {
        if !token.starts_with(USER_TOKEN_PREFIX) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT id, name, role, created_at, disabled_at FROM users
             WHERE token_hash = $1 AND disabled_at IS NULL",
        )
        .bind(token_hash(token))
        .fetch_optional(self.pool())
        .await
        .ctx("looking up a user token")?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// The active account if `password` is its password (for sign-in forms).
    pub async fn check_password(&self, name: &str, password: &str) -> Result<Option<User>> {
        let row = sqlx::query(
            "SELECT id, name, role, created_at, disabled_at, password_hash FROM users
             WHERE name = $1 AND disabled_at IS NULL",
        )
        .bind(name)
        .fetch_optional(self.pool())
        .await
        .ctx("looking up a user")?;
        let Some(row) = row else { return Ok(None) };
        let stored: String = get(&row, "password_hash")?;
        let password = password.to_string();
        let matches = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&stored).is_ok_and(|h| {
                argon2::Argon2::default()
                    .verify_password(password.as_bytes(), &h)
                    .is_ok()
            })
        })
        .await
        .unwrap_or(false);
        if matches {
            user_from_row(&row).map(Some)
        } else {
            Ok(None)
        }
    }

    pub async fn case(&self, id: &str) -> Result<Option<Case>> {
        let mut conn = self.pool().acquire().await.ctx("reading a case")?;
        Ok(load_case(&mut conn, id).await?.map(|(c, _)| c))
    }

    /// The case a report receipt joined.
    pub async fn case_of_report(&self, receipt: &str) -> Result<Option<Case>> {
        let case_id: Option<String> =
            sqlx::query_scalar("SELECT case_id FROM case_reports WHERE id = $1")
                .bind(receipt)
                .fetch_optional(self.pool())
                .await
                .ctx("reading a report receipt")?;
        match case_id {
            Some(id) => self.case(&id).await,
            None => Ok(None),
        }
    }

    /// Stores a report: it joins the subject's case (whatever its status: a case reviewed as
    /// fine is not reopened by more reports, they are only counted) or opens one.
    pub async fn add_report(
        &self,
        subject: Subject,
        mut report: Report,
        change: &CaseChange<'_>,
    ) -> Result<ReportOutcome> {
        report.id = random_id();
        report.received_at = change.now;
        let receipt = report.id.clone();
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to store a report")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let existing = sqlx::query("SELECT version, body FROM cases WHERE subject_key = $1")
            .bind(subject_key(&subject))
            .fetch_optional(&mut *tx)
            .await
            .ctx("finding the case of a subject")?;
        let (case, opened) = match existing.as_ref().map(case_from_row).transpose()? {
            Some((mut case, version)) => {
                case.add_report(report, change.config, change.now);
                update_case(&mut tx, &case, version, change.config).await?;
                (case, false)
            }
            None => {
                let case =
                    Case::from_report(&random_id(), subject, report, change.config, change.now);
                insert_case(&mut tx, &case, change.config).await?;
                (case, true)
            }
        };
        sqlx::query("INSERT INTO case_reports (id, case_id, received_at) VALUES ($1, $2, $3)")
            .bind(&receipt)
            .bind(&case.id)
            .bind(change.now)
            .execute(&mut *tx)
            .await
            .ctx("storing a report receipt")?;
        let event = AuditEvent {
            actor: change.actor.to_string(),
            kind: change.kind.to_string(),
            subject: format!("case:{}", case.id),
            reason: if opened {
                "report opened a case".into()
            } else {
                format!("report joined a {} case", case.status)
            },
            details: serde_json::json!({
                "receipt": receipt,
                "status": case.status.name(),
                "reports": case.reports.len(),
            })
            .to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, change.now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a report")?;
        Ok(ReportOutcome {
            receipt,
            case,
            opened,
        })
    }

    /// Runs one transition on a case and stores its outcome, its effects and an audit entry
    /// in one transaction; `Ok(None)` when there is no such case. A refused transition
    /// (`StoreError::Review`) changes nothing.
    pub async fn change_case<R: Serialize>(
        &self,
        case_id: &str,
        change: &CaseChange<'_>,
        transition: impl FnOnce(&mut Case) -> std::result::Result<(R, Vec<Effect>), ReviewError>,
    ) -> Result<Option<(Case, R, Applied)>> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting to change a case")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let Some((mut case, version)) = load_case(&mut tx, case_id).await? else {
            return Ok(None);
        };
        let before = case.status;
        let (outcome, effects) = transition(&mut case)?;
        let applied = apply_effects(&mut tx, &case.id, &effects, change).await?;
        update_case(&mut tx, &case, version, change.config).await?;
        let reason = case
            .decisions
            .last()
            .filter(|d| d.decided_at == change.now)
            .map(|d| d.reason_code.clone())
            .unwrap_or_else(|| format!("{} → {}", before.name(), case.status.name()));
        let event = AuditEvent {
            actor: change.actor.to_string(),
            kind: change.kind.to_string(),
            subject: format!("case:{}", case.id),
            reason,
            details: serde_json::json!({
                "from": before.name(),
                "to": case.status.name(),
                "outcome": outcome,
                "effects": effects,
            })
            .to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, change.now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a case change")?;
        Ok(Some((case, outcome, applied)))
    }

    /// The cases a queue shows at `now`, in its order (priorities computed at `now`), at most
    /// `limit`: the first page of [`Store::list_queue_page`].
    pub async fn list_queue(
        &self,
        queue: &Queue,
        config: &ReviewConfig,
        now: i64,
        limit: usize,
    ) -> Result<Vec<Case>> {
        Ok(self
            .list_queue_page(queue, config, now, None, limit)
            .await?
            .cases)
    }

    /// One page of a queue at `now`: the cases after `after` in the queue's order (highest
    /// priority computed at `now` first, then oldest; or oldest first), at most `limit`.
    /// Claims that lapsed count as released. Each stored status is one range of the
    /// `queue_members` order index read from the cursor, and cases with a deadline within a
    /// day are read per deadline band, so a page costs the same with a thousand cases or a
    /// million. `Queue::accepts` stays the reference: a case it refuses is not shown.
    pub async fn list_queue_page(
        &self,
        queue: &Queue,
        config: &ReviewConfig,
        now: i64,
        after: Option<&QueueCursor>,
        limit: usize,
    ) -> Result<QueuePage> {
        self.ensure_queue_index(config).await?;
        if limit == 0 {
            return Ok(QueuePage {
                cases: Vec::new(),
                next: None,
            });
        }
        let sql_limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut conn = self.pool().acquire().await.ctx("listing a queue")?;
        let clauses = status_clauses(&queue.filter.statuses);
        let by_priority = queue.filter.order == QueueOrder::Priority;
        let bands = config.priority.deadline_bands();
        // Past the last band a deadline earns nothing: the stored rank is the rank.
        let far = bands.last().map_or(now, |b| now.saturating_add(b.up_to));
        let mut keys: Vec<QueueCursor> = Vec::new();
        for clause in &clauses {
            let mut sql = SqlBuilder::default();
            sql.push("SELECT case_id, sort_rank, created_at FROM queue_members WHERE queue = ")
                .text(&queue.name)
                .push(" AND ");
            push_status(&mut sql, clause, now);
            if by_priority {
                sql.push(" AND (deadline IS NULL OR deadline > ")
                    .int(far)
                    .push(")");
            }
            push_after(&mut sql, after, 0);
            sql.push(" ORDER BY sort_rank, created_at, case_id LIMIT ")
                .int(sql_limit);
            keys.extend(sql.keys(&mut conn, 0).await?);
        }
        if by_priority {
            for band in &bands {
                let mut sql = SqlBuilder::default();
                sql.push("SELECT case_id, sort_rank, created_at FROM queue_members WHERE queue = ")
                    .text(&queue.name)
                    .push(" AND deadline IS NOT NULL AND deadline <= ")
                    .int(now.saturating_add(band.up_to));
                if let Some(lower) = band.after {
                    sql.push(" AND deadline > ").int(now.saturating_add(lower));
                }
                sql.push(" AND (");
                for (i, clause) in clauses.iter().enumerate() {
                    if i > 0 {
                        sql.push(" OR ");
                    }
                    push_status(&mut sql, clause, now);
                }
                sql.push(")");
                push_after(&mut sql, after, band.points);
                // `+ 0`: a band is small, read it by deadline and sort it; never walk the
                // whole queue in rank order looking for its few rows (PostgreSQL's planner
                // may, when the order index also serves the ORDER BY).
                sql.push(" ORDER BY sort_rank + 0, created_at, case_id LIMIT ")
                    .int(sql_limit);
                keys.extend(sql.keys(&mut conn, band.points).await?);
            }
        }
        keys.sort();
        keys.dedup_by(|a, b| a.case_id == b.case_id);
        keys.truncate(limit);
        let next = (keys.len() == limit)
            .then(|| keys.last().cloned())
            .flatten();
        let mut cases = Vec::with_capacity(keys.len());
        if !keys.is_empty() {
            let mut sql = String::from("SELECT version, body FROM cases WHERE id IN (");
            for i in 0..keys.len() {
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", i + 1));
            }
            sql.push(')');
            // Safe: the text holds only fixed fragments and placeholders; every value is bound.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for key in &keys {
                q = q.bind(&key.case_id);
            }
            let rows = q
                .fetch_all(&mut *conn)
                .await
                .ctx("reading a queue's cases")?;
            for row in &rows {
                let (mut case, _) = case_from_row(row)?;
                case.expire_lease(now);
                // Deadlines come nearer while a case waits: the order is today's.
                case.reprioritize(config, now);
                if queue.accepts(&case) {
                    cases.push(case);
                }
            }
        }
        queue.sort(&mut cases);
        Ok(QueuePage { cases, next })
    }

    /// Rebuilds every queue's rows when the queue definitions or priority weights differ
    /// from those the rows were written with (a changed review config); a no-op otherwise.
    pub async fn ensure_queue_index(&self, config: &ReviewConfig) -> Result<()> {
        let fingerprint = queue_fingerprint(config)?;
        let stored: Option<String> =
            sqlx::query_scalar("SELECT fingerprint FROM queue_index_state WHERE id = 1")
                .fetch_optional(self.pool())
                .await
                .ctx("reading the queue index state")?;
        if stored.as_deref() == Some(fingerprint.as_str()) {
            return Ok(());
        }
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting a queue rebuild")?;
        // Taken to serialise with every other writer, here or in another process.
        let _head = ChainHead::lock(&mut tx).await?;
        let stored: Option<String> =
            sqlx::query_scalar("SELECT fingerprint FROM queue_index_state WHERE id = 1")
                .fetch_optional(&mut *tx)
                .await
                .ctx("reading the queue index state")?;
        if stored.as_deref() == Some(fingerprint.as_str()) {
            return Ok(());
        }
        sqlx::query("DELETE FROM queue_members")
            .execute(&mut *tx)
            .await
            .ctx("clearing the queues")?;
        // Only cases some queue may show need rows: usually not the resolved ones.
        let mut shown: Vec<CaseStatus> = vec![CaseStatus::Assigned];
        for q in &config.queues {
            for st in &q.filter.statuses {
                if !shown.contains(st) {
                    shown.push(*st);
                }
            }
        }
        let mut last = String::new();
        loop {
            let mut sql = SqlBuilder::default();
            sql.push("SELECT id AS case_id, version, body FROM cases WHERE id > ")
                .text(&last)
                .push(" AND status IN (");
            for (i, st) in shown.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.text(st.name());
            }
            sql.push(") ORDER BY id LIMIT 1000");
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.text));
            for value in sql.binds {
                q = match value {
                    SqlValue::Text(t) => q.bind(t),
                    SqlValue::Int(i) => q.bind(i),
                };
            }
            let rows = q.fetch_all(&mut *tx).await.ctx("reading cases to index")?;
            let Some(row) = rows.last() else { break };
            last = get(row, "case_id")?;
            let cases = rows
                .iter()
                .map(|r| case_from_row(r).map(|(c, _)| c))
                .collect::<Result<Vec<Case>>>()?;
            let members: Vec<MemberRow<'_>> =
                cases.iter().flat_map(|c| member_rows(c, config)).collect();
            write_members(&mut tx, &members).await?;
        }
        sqlx::query("DELETE FROM queue_index_state")
            .execute(&mut *tx)
            .await
            .ctx("resetting the queue index state")?;
        sqlx::query("INSERT INTO queue_index_state (id, fingerprint, built_at) VALUES (1, $1, $2)")
            .bind(&fingerprint)
            .bind(now_micros())
            .execute(&mut *tx)
            .await
            .ctx("saving the queue index state")?;
        tx.commit().await.ctx("committing a queue rebuild")?;
        Ok(())
    }

    /// Stores many cases at once (an import from another tool, a load test), in one
    /// transaction with one audit entry, many rows per statement. Refused as a whole when a
    /// subject already has a case. Returns how many were stored.
    pub async fn import_cases(
        &self,
        cases: &[Case],
        config: &ReviewConfig,
        actor: &str,
        now: i64,
    ) -> Result<u64> {
        self.ensure_queue_index(config).await?;
        // Under both engines' limit on bound values per statement.
        const ROWS: usize = 1000;
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting an import")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        for chunk in cases.chunks(ROWS) {
            let rows = chunk.iter().map(CaseRow::of).collect::<Result<Vec<_>>>()?;
            let sql = insert_cases_sql(chunk.len(), Placeholders::NumberedFrom(1));
            // Safe: the text holds only fixed fragments and placeholders; every value is bound.
            let q = bind_cases(sqlx::query(sqlx::AssertSqlSafe(sql)), &rows);
            q.execute(&mut *tx).await.ctx("importing cases")?;
            let members: Vec<MemberRow<'_>> =
                chunk.iter().flat_map(|c| member_rows(c, config)).collect();
            write_members(&mut tx, &members).await?;
        }
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "cases.import".to_string(),
            subject: "cases".to_string(),
            reason: format!("{} cases imported", cases.len()),
            details: serde_json::json!({ "cases": cases.len() }).to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing an import")?;
        if self.backend() == crate::Backend::Postgres {
            // Fresh statistics after a bulk load, rather than waiting for autovacuum: the
            // planner picks the queue indexes from them.
            sqlx::query("ANALYZE cases, queue_members")
                .execute(self.pool())
                .await
                .ctx("analyzing imported cases")?;
        }
        Ok(cases.len() as u64)
    }

    /// Every strike of an author (reversed ones included), oldest first.
    pub async fn strikes(&self, author: &str) -> Result<Vec<Strike>> {
        let mut conn = self.pool().acquire().await.ctx("reading strikes")?;
        strikes_of(&mut conn, author).await
    }

    /// Takes up to `limit` deliveries due at `now` and reserves them until `reserve_until`
    /// (another delivery task, here or in another process, skips them meanwhile).
    pub async fn take_due_deliveries(
        &self,
        now: i64,
        reserve_until: i64,
        limit: i64,
    ) -> Result<Vec<OutboxItem>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {OUTBOX_COLUMNS}, next_attempt_at FROM webhook_outbox
             WHERE state = $1 AND next_attempt_at <= $2 ORDER BY next_attempt_at, created_at LIMIT $3"
        )))
        .bind(PENDING)
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("reading due webhooks")?;
        let mut taken = Vec::with_capacity(rows.len());
        for row in &rows {
            let item = outbox_from_row(row)?;
            let due: i64 = get(row, "next_attempt_at")?;
            // Compare-and-set on the due time: only one taker wins the row.
            let won = sqlx::query(
                "UPDATE webhook_outbox SET next_attempt_at = $1
                 WHERE idempotency_key = $2 AND state = $3 AND next_attempt_at = $4",
            )
            .bind(reserve_until)
            .bind(&item.idempotency_key)
            .bind(PENDING)
            .bind(due)
            .execute(self.pool())
            .await
            .ctx("reserving a webhook")?
            .rows_affected();
            if won == 1 {
                taken.push(item);
            }
        }
        Ok(taken)
    }

    /// Stores the outcome of an attempt (`delivery` after `Delivery::record`).
    pub async fn save_delivery(&self, delivery: &Delivery, now: i64) -> Result<()> {
        let (state, next) = match &delivery.state {
            DeliveryState::Pending { next_attempt_at } => (PENDING, *next_attempt_at),
            DeliveryState::Delivered { at } => (DELIVERED, *at),
            DeliveryState::DeadLetter { at, .. } => (DEAD_LETTER, *at),
        };
        sqlx::query(
            "UPDATE webhook_outbox SET state = $1, next_attempt_at = $2, attempts = $3,
                last_error = $4, delivery = $5, updated_at = $6 WHERE idempotency_key = $7",
        )
        .bind(state)
        .bind(next)
        .bind(i64::from(delivery.attempts))
        .bind(&delivery.last_error)
        .bind(to_json("webhook delivery", delivery)?)
        .bind(now)
        .bind(&delivery.idempotency_key)
        .execute(self.pool())
        .await
        .ctx("saving a webhook attempt")?;
        Ok(())
    }

    /// The outbox, oldest first; `state` = pending, delivered or dead_letter to filter.
    pub async fn outbox(&self, state: Option<&str>, limit: i64) -> Result<Vec<OutboxItem>> {
        let rows = match state {
            Some(s) => {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT {OUTBOX_COLUMNS} FROM webhook_outbox WHERE state = $1
                     ORDER BY created_at, idempotency_key LIMIT $2"
                )))
                .bind(s)
                .bind(limit)
                .fetch_all(self.pool())
                .await
            }
            None => {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "SELECT {OUTBOX_COLUMNS} FROM webhook_outbox
                     ORDER BY created_at, idempotency_key LIMIT $1"
                )))
                .bind(limit)
                .fetch_all(self.pool())
                .await
            }
        }
        .ctx("listing webhooks")?;
        rows.iter().map(outbox_from_row).collect()
    }

    /// Puts a dead letter back in the queue, due now, with a fresh attempt budget; `false`
    /// when `key` is not a dead letter. Audited.
    pub async fn retry_dead_letter(&self, key: &str, actor: &str, now: i64) -> Result<bool> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting a webhook retry")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {OUTBOX_COLUMNS} FROM webhook_outbox WHERE idempotency_key = $1 AND state = $2"
        )))
        .bind(key)
        .bind(DEAD_LETTER)
        .fetch_optional(&mut *tx)
        .await
        .ctx("reading a dead letter")?;
        let Some(row) = row else { return Ok(false) };
        let mut item = outbox_from_row(&row)?;
        let previous = item.delivery.state.clone();
        item.delivery.attempts = 0;
        item.delivery.state = DeliveryState::Pending {
            next_attempt_at: now,
        };
        sqlx::query(
            "UPDATE webhook_outbox SET state = $1, next_attempt_at = $2, attempts = 0,
                delivery = $3, updated_at = $4 WHERE idempotency_key = $5",
        )
        .bind(PENDING)
        .bind(now)
        .bind(to_json("webhook delivery", &item.delivery)?)
        .bind(now)
        .bind(key)
        .execute(&mut *tx)
        .await
        .ctx("requeueing a dead letter")?;
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "webhook.retry".to_string(),
            subject: format!("webhook:{key}"),
            reason: "dead letter sent again by hand".to_string(),
            details: serde_json::json!({ "case_id": item.case_id, "was": previous }).to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a webhook retry")?;
        Ok(true)
    }

    /// Moderators' final decisions on posts, as training rows, for cases resolved (or changed
    /// by an appeal) since `since`, oldest first.
    pub async fn training_rows(&self, since: i64) -> Result<Vec<TrainingRow>> {
        let rows = sqlx::query(
            "SELECT version, body FROM cases WHERE status = $1 AND updated_at >= $2
             ORDER BY updated_at, id",
        )
        .bind("resolved")
        .bind(since)
        .fetch_all(self.pool())
        .await
        .ctx("reading resolved cases")?;
        let mut out = Vec::new();
        for row in &rows {
            let (case, _) = case_from_row(row)?;
            let Subject::Post {
                platform, post_id, ..
            } = &case.subject
            else {
                continue;
            };
            let text: Option<String> =
                sqlx::query_scalar("SELECT text FROM posts WHERE platform = $1 AND post_id = $2")
                    .bind(platform)
                    .bind(post_id)
                    .fetch_optional(self.pool())
                    .await
                    .ctx("reading a post's text")?;
            if let Some(row) = text.and_then(|t| training_row(&case, &t)) {
                out.push(row);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    //! The SQL listing against the reference semantics (`Queue::accepts` and `Queue::sort`
    //! over every case, leases expired and priorities computed at the time of listing), on
    //! SQLite and on a PostgreSQL the test starts.

    use vigie_detect::Category;
    use vigie_policy::{Action, CategoryScore, Decision};
    use vigie_review::{
        Actor, CaseStatus, Escalation, Lease, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE,
        Notice, Queue, Report, ReviewConfig, Role, Subject,
    };

    use super::{CaseChange, QueueCursor};
    use crate::{Location, Store};

    const T0: i64 = 1_700_000_000_000_000;

    /// Deterministic cases of every kind: languages, categories, sources, deadlines in every
    /// band, urgent ones, every status, claims live and lapsed, many equal creation times.
    fn sample_cases(n: usize, config: &ReviewConfig) -> Vec<vigie_review::Case> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        let categories = [
            None,
            Some(Category::Hate),
            Some(Category::Harassment),
            Some(Category::ViolenceThreat),
            Some(Category::Toxicity),
        ];
        let mut cases = Vec::with_capacity(n);
        for i in 0..n {
            let id = format!("{:06x}-{i}", next(1 << 24));
            let created = T0 - next(40) as i64 * MICROS_PER_MINUTE;
            let subject = Subject::Post {
                platform: "forum".into(),
                post_id: format!("p{i}"),
                author: Some(format!("u{}", next(20))),
            };
            let report = Report {
                id: format!("r{i}"),
                reporter: Some(format!("reporter{}", next(5))),
                category: categories[next(5) as usize],
                reason: None,
                received_at: created,
            };
            let mut case = vigie_review::Case::from_report(&id, subject, report, config, created);
            for extra in 0..next(3) {
                case.reports.push(Report {
                    id: format!("r{i}-{extra}"),
                    reporter: (next(2) == 0).then(|| format!("reporter{}", next(9))),
                    category: categories[next(5) as usize],
                    reason: None,
                    received_at: created,
                });
            }
            case.lang =
                [Some("en".to_string()), Some("fr".to_string()), None][next(3) as usize].clone();
            if next(2) == 0 {
                let category = categories[1 + next(4) as usize].unwrap_or(Category::Hate);
                case.automated = Some(Decision {
                    post_id: format!("p{i}"),
                    action: [
                        Action::HoldForReview,
                        Action::Remove,
                        Action::EscalateUrgent,
                    ][next(3) as usize],
                    reason_code: None,
                    category: Some(category),
                    categories: vec![CategoryScore {
                        category,
                        score: next(100) as f32 / 100.0,
                    }],
                    evidence: Vec::new(),
                    targets: Vec::new(),
                    rules: Vec::new(),
                    lang: "en".into(),
                    lang_confidence: 0.9,
                    policy_version: "test".into(),
                    detectors: Vec::new().into(),
                    latency_us: 1,
                });
            }
            case.reach = (next(2) == 0).then(|| next(1_000_000));
            if next(4) == 0 {
                case.notices.push(Notice {
                    id: format!("n{i}"),
                    authority: "police".into(),
                    reference: None,
                    received_at: created,
                    // From two hours overdue to two days ahead: every band, and beyond.
                    deadline: T0 - 2 * MICROS_PER_HOUR
                        + next(50) as i64 * MICROS_PER_HOUR
                        + next(60) as i64 * MICROS_PER_MINUTE,
                    threat_to_life: next(10) == 0,
                });
            }
            let escalate = |case: &mut vigie_review::Case| {
                case.escalation = Some(Escalation {
                    by: "tina".into(),
                    at: created,
                    reason: "look".into(),
                });
            };
            let lease = |expires_at: i64| Lease {
                holder: "alice".into(),
                claimed_at: created,
                expires_at,
                renewals: 0,
                taken_over_from: None,
            };
            match next(10) {
                0 | 1 => {
                    case.status = CaseStatus::Assigned;
                    case.lease = Some(lease(T0 + (next(60) as i64 - 30) * MICROS_PER_MINUTE));
                }
                2 => {
                    escalate(&mut case);
                    case.status = CaseStatus::Escalated;
                }
                3 => {
                    escalate(&mut case);
                    case.status = CaseStatus::Assigned;
                    case.lease = Some(lease(T0 + (next(60) as i64 - 30) * MICROS_PER_MINUTE));
                }
                4 => {
                    case.status = CaseStatus::PendingSecondReview;
                    if next(2) == 0 {
                        case.lease = Some(lease(T0 + 10 * MICROS_PER_MINUTE));
                    }
                }
                5 => case.status = CaseStatus::Resolved,
                6 => case.status = CaseStatus::Appealed,
                _ => {}
            }
            // Stored as computed when the case last changed; listing recomputes.
            case.reprioritize(config, created);
            cases.push(case);
        }
        cases
    }

    fn reference(
        cases: &[vigie_review::Case],
        queue: &Queue,
        config: &ReviewConfig,
        now: i64,
    ) -> Vec<(String, i64)> {
        let mut shown: Vec<vigie_review::Case> = cases
            .iter()
            .cloned()
            .filter_map(|mut case| {
                case.expire_lease(now);
                case.reprioritize(config, now);
                queue.accepts(&case).then_some(case)
            })
            .collect();
        queue.sort(&mut shown);
        shown
            .into_iter()
            .map(|c| (c.id, c.priority.score))
            .collect()
    }

    async fn listed(
        store: &Store,
        queue: &Queue,
        config: &ReviewConfig,
        now: i64,
        limit: usize,
    ) -> Vec<(String, i64)> {
        let mut out = Vec::new();
        let mut after: Option<QueueCursor> = None;
        loop {
            let page = store
                .list_queue_page(queue, config, now, after.as_ref(), limit)
                .await
                .unwrap();
            assert!(page.cases.len() <= limit);
            out.extend(page.cases.into_iter().map(|c| (c.id, c.priority.score)));
            match page.next {
                // The cursor goes through its text form, as over HTTP.
                Some(next) => after = QueueCursor::decode(&next.encode()),
                None => break,
            }
        }
        out
    }

    async fn compare_every_queue(
        store: &Store,
        cases: &[vigie_review::Case],
        config: &ReviewConfig,
    ) {
        for now in [
            T0,
            T0 + 20 * MICROS_PER_MINUTE,
            T0 + 3 * MICROS_PER_HOUR,
            T0 + 2 * MICROS_PER_DAY,
        ] {
            for queue in &config.queues {
                let expected = reference(cases, queue, config, now);
                for limit in [7, 500] {
                    let got = listed(store, queue, config, now, limit).await;
                    assert_eq!(
                        got,
                        expected,
                        "queue {} at T0{:+}min, pages of {limit}",
                        queue.name,
                        (now - T0) / MICROS_PER_MINUTE
                    );
                }
            }
        }
    }

    async fn listing_matches_the_reference(store: Store) {
        let config = ReviewConfig::example().unwrap();
        let mut cases = sample_cases(300, &config);
        assert_eq!(
            store
                .import_cases(&cases, &config, "test", T0)
                .await
                .unwrap(),
            300
        );
        let shown: usize = config
            .queues
            .iter()
            .map(|q| reference(&cases, q, &config, T0).len())
            .sum();
        assert!(shown > 300, "the sample fills the queues: {shown}");
        compare_every_queue(&store, &cases, &config).await;

        // Changes keep the rows in step: claims, releases, escalations.
        let change = CaseChange {
            actor: "user:bob",
            kind: "case.claim",
            now: T0,
            config: &config,
            webhook_endpoint: None,
        };
        let bob = Actor::new("bob", Role::Moderator);
        for case in cases
            .iter_mut()
            .filter(|c| c.status == CaseStatus::Open)
            .take(20)
        {
            let (changed, _, _) = store
                .change_case(&case.id, &change, |c| {
                    c.claim(&bob, T0, &config.lease)?;
                    Ok(((), Vec::new()))
                })
                .await
                .unwrap()
                .unwrap();
            *case = changed;
        }
        compare_every_queue(&store, &cases, &config).await;

        // Another config (queues and weights): the rows are rebuilt from the cases.
        let other = ReviewConfig::from_toml(
            "other",
            r#"
[priority.severity]
toxicity = 900

[[queue]]
name = "fr"
languages = ["fr"]
order = "age"

[[queue]]
name = "everything"
statuses = ["open", "assigned", "escalated", "pending_second_review", "resolved", "appealed"]

[[queue]]
name = "reported-hate"
categories = ["hate"]
sources = ["report"]
statuses = ["assigned"]
"#,
        )
        .unwrap();
        compare_every_queue(&store, &cases, &other).await;
        compare_every_queue(&store, &cases, &config).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn listing_matches_the_reference_on_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&Location::DataDir(dir.path().to_path_buf()))
            .await
            .unwrap();
        listing_matches_the_reference(store).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn listing_matches_the_reference_on_postgres() {
        let pg = crate::test_support::TempPostgres::start().unwrap();
        let url = pg.create_database("queues").unwrap();
        let store = Store::open(&Location::Url(url)).await.unwrap();
        listing_matches_the_reference(store).await;
    }
}
