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
    Case, Delivery, DeliveryState, Effect, Queue, Report, ReviewConfig, ReviewError, Role, Strike,
    StrikeProposal, Subject, TrainingRow, training_row,
};

use crate::audit::{AuditEvent, ChainHead};
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
        } => format!("post\u{1f}{platform}\u{1f}{post_id}"),
        Subject::Account {
            platform,
            account_id,
        } => format!("account\u{1f}{platform}\u{1f}{account_id}"),
    }
}

/// `,a,b,` so that `LIKE '%,a,%'` finds one item; kept for ad-hoc SQL and reports.
fn list_column<T: Serialize>(items: &[T]) -> String {
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

pub(crate) async fn insert_case(conn: &mut AnyConnection, case: &Case) -> Result<bool> {
    let c = case.columns();
    let inserted = sqlx::query(
        "INSERT INTO cases (id, subject_key, status, lang, urgent, escalated, categories, sources,
            priority, created_at, updated_at, lease_holder, lease_expires_at, author, version, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15)
         ON CONFLICT (subject_key) DO NOTHING",
    )
    .bind(&case.id)
    .bind(subject_key(&case.subject))
    .bind(c.status.name())
    .bind(&c.lang)
    .bind(i64::from(c.urgent))
    .bind(i64::from(c.escalated))
    .bind(list_column(&c.categories))
    .bind(list_column(&c.sources))
    .bind(c.priority)
    .bind(c.created_at)
    .bind(case.updated_at)
    .bind(&c.lease_holder)
    .bind(c.lease_expires_at)
    .bind(&c.author)
    .bind(to_json("case", case)?)
    .execute(&mut *conn)
    .await
    .ctx("storing a case")?
    .rows_affected();
    Ok(inserted == 1)
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
    if insert_case(conn, &case).await? {
        return Ok(case.id);
    }
    let row = sqlx::query("SELECT version, body FROM cases WHERE subject_key = $1")
        .bind(subject_key(&case.subject))
        .fetch_one(&mut *conn)
        .await
        .ctx("finding the case of a subject")?;
    let (mut existing, version) = case_from_row(&row)?;
    if existing.automated.is_none() {
        existing.lang = case.lang;
        existing.automated = case.automated;
        existing.reach = case.reach;
        existing.updated_at = existing.updated_at.max(now);
        existing.reprioritize(config, now);
        update_case(conn, &existing, version).await?;
    }
    Ok(existing.id)
}

pub(crate) async fn update_case(conn: &mut AnyConnection, case: &Case, version: i64) -> Result<()> {
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
        Ok(())
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
                update_case(&mut tx, &case, version).await?;
                (case, false)
            }
            None => {
                let case =
                    Case::from_report(&random_id(), subject, report, change.config, change.now);
                insert_case(&mut tx, &case).await?;
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
        update_case(&mut tx, &case, version).await?;
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
    /// `limit`. Claims that expired count as released. The status (and urgency, escalation) are filtered in SQL, the rest
    /// with `Queue::accepts`, the reference semantics.
    pub async fn list_queue(
        &self,
        queue: &Queue,
        config: &ReviewConfig,
        now: i64,
        limit: usize,
    ) -> Result<Vec<Case>> {
        let filter = &queue.filter;
        let mut statuses: Vec<&str> = filter.statuses.iter().map(|s| s.name()).collect();
        // A case whose claim expired is back in the queues of open (or escalated) cases.
        if !statuses.contains(&"assigned") {
            statuses.push("assigned");
        }
        let mut sql = String::from("SELECT version, body FROM cases WHERE status IN (");
        for i in 0..statuses.len() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", i + 1));
        }
        sql.push_str(") ORDER BY priority DESC, created_at, id");
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for s in &statuses {
            q = q.bind(*s);
        }
        let rows = q.fetch_all(self.pool()).await.ctx("listing a queue")?;
        let mut cases = Vec::new();
        for row in &rows {
            let (mut case, _) = case_from_row(row)?;
            case.expire_lease(now);
            // Deadlines come nearer while a case waits: the order is today's, not the stored one.
            case.reprioritize(config, now);
            if queue.accepts(&case) {
                cases.push(case);
            }
        }
        queue.sort(&mut cases);
        cases.truncate(limit);
        Ok(cases)
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
