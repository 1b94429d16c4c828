//! Notices with deadlines (tables of migration 0004): notifiers and the keys bound to them,
//! notices opening or joining the cases of their content, the clock (warnings, breach and
//! escalation), the answer sent back once every item is decided, legal holds on cases and
//! the host-compliance report. The rules are `vigie_review::notice`'s.
//!
//! Every change runs in one transaction under the audit chain lock, like case changes: the
//! notice, its cases, its outbox rows and its audit entry commit together or not at all, and
//! two servers on one database cannot fire one warning twice (the clock state is re-read
//! under the lock).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;
use sqlx::any::AnyRow;
use vigie_review::notice::{
    CLOCK_ACTOR, ClockState, DeadlineSource, DeadlineStatus, HostReport, HostReportRow,
    NotifierKind, clock_step, escalate_for_breach, next_clock_at, notice_outcome,
};
use vigie_review::{
    Case, Delivery, DeliveryState, ModeratorDecision, Notice, ReviewConfig, Subject,
};

use crate::audit::{AuditEvent, ChainHead};
use crate::review::{case_from_row, insert_case, load_case, subject_key, to_json, update_case};
use crate::{QueryContext, Result, Store, StoreError, get, random_id};

/// Most posts or accounts one notice may name.
pub const MAX_NOTICE_ITEMS: usize = 1_000;

const OPEN: &str = "open";
const ANSWERED: &str = "answered";

/// Someone who sends notices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notifier {
    pub name: String,
    pub kind: NotifierKind,
    /// Where answers are sent (POST, JSON, signed like the platform's webhooks).
    pub endpoint: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A notice as received, checked by the caller (the server validates the request).
#[derive(Debug, Clone, PartialEq)]
pub struct NewNotice {
    pub notifier: String,
    pub kind: NotifierKind,
    pub subjects: Vec<Subject>,
    /// The alleged vigie category (`hate`, `violence_threat`…).
    pub category: Option<String>,
    pub legal_ground: Option<String>,
    pub policy_clause: Option<String>,
    pub explanation: String,
    /// The notifier's own reference for the notice.
    pub reference: Option<String>,
    pub threat_to_life: bool,
    pub deadline: i64,
    pub deadline_source: DeadlineSource,
}

/// One post or account a notice names, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeItem {
    pub subject: Subject,
    pub case_id: String,
    /// The notice opened the case (else it joined the case the content already had).
    pub opened: bool,
    pub decided_at: Option<i64>,
    pub decision_id: Option<String>,
    pub action: Option<String>,
}

/// One item of an answer: the decision on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerItem {
    pub case_id: String,
    pub subject: Subject,
    pub decision_id: String,
    pub action: String,
    pub reason_code: String,
    pub decided_at: i64,
    /// The statement of reasons of the decision (DSA Art. 17), when one exists.
    #[serde(default)]
    pub statement_of_reasons: Option<serde_json::Value>,
}

/// What the notifier is told once every item is decided (webhook body and status).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeAnswer {
    #[serde(rename = "type")]
    pub event_type: String,
    pub idempotency_key: String,
    pub notice_id: String,
    pub notifier: String,
    pub reference: Option<String>,
    pub outcome: Option<String>,
    pub received_at: i64,
    pub deadline: i64,
    pub decided_at: i64,
    pub deadline_met: bool,
    pub answered_at: i64,
    pub items: Vec<AnswerItem>,
}

/// The parts of a notice kept as JSON.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct NoticeBody {
    #[serde(default)]
    explanation: String,
    #[serde(default)]
    reference: Option<String>,
    #[serde(default)]
    threat_to_life: bool,
    #[serde(default)]
    answer: Option<NoticeAnswer>,
    /// Set when retention purged the content.
    #[serde(default)]
    purged: bool,
}

/// A notice as stored, with its items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredNotice {
    pub id: String,
    pub notifier: String,
    pub kind: NotifierKind,
    pub category: Option<String>,
    pub legal_ground: Option<String>,
    pub policy_clause: Option<String>,
    pub reference: Option<String>,
    pub explanation: String,
    pub threat_to_life: bool,
    pub received_at: i64,
    pub deadline: i64,
    /// `notifier` or `config`.
    pub deadline_source: String,
    /// `open` or `answered`.
    pub status: String,
    pub warnings: u32,
    pub next_clock_at: Option<i64>,
    pub breached_at: Option<i64>,
    pub decided_at: Option<i64>,
    pub deadline_met: Option<bool>,
    pub answered_at: Option<i64>,
    pub outcome: Option<String>,
    pub purged_at: Option<i64>,
    pub items: Vec<NoticeItem>,
    pub answer: Option<NoticeAnswer>,
}

impl StoredNotice {
    /// Met, missed, or pending at `now`.
    pub fn deadline_status(&self, now: i64) -> DeadlineStatus {
        DeadlineStatus::of(self.deadline, self.decided_at, now)
    }
}

/// A notice just stored, with the cases of its items as they now are.
#[derive(Debug, Clone, PartialEq)]
pub struct CreatedNotice {
    pub notice: StoredNotice,
    pub cases: Vec<Case>,
}

/// What one round of the clock did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ClockRound {
    pub warnings: usize,
    pub breaches: usize,
    /// Cases escalated because a deadline passed.
    pub escalated: Vec<String>,
    pub answered: usize,
    /// Answered notices whose outcome changed since (an appeal reversed a decision).
    pub updated: usize,
}

/// A legal hold on a case: retention never purges it while the hold is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LegalHold {
    pub case_id: String,
    pub reason: String,
    pub set_by: String,
    pub set_at: i64,
    pub released_by: Option<String>,
    pub released_at: Option<i64>,
}

/// Where the clock sends alerts (warnings, breaches) and who it acts as.
#[derive(Debug, Clone, Copy)]
pub struct ClockSettings<'a> {
    pub warn_at: &'a [f64],
    pub config: &'a ReviewConfig,
    /// Admins' alert webhook; `None`: alerts are recorded in the audit log only.
    pub alert_endpoint: Option<&'a str>,
    /// Look for answered notices whose cases changed since this time (appeals); `None`: do
    /// not look.
    pub changed_since: Option<i64>,
}

fn corrupt(what: &'static str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: e.to_string(),
    }
}

fn kind_of(text: &str) -> Result<NotifierKind> {
    NotifierKind::from_name(text).ok_or_else(|| corrupt("notifier kind", text))
}

fn notifier_from_row(row: &AnyRow) -> Result<Notifier> {
    let kind: String = get(row, "kind")?;
    Ok(Notifier {
        name: get(row, "name")?,
        kind: kind_of(&kind)?,
        endpoint: get(row, "endpoint")?,
        created_at: get(row, "created_at")?,
        updated_at: get(row, "updated_at")?,
    })
}

const NOTICE_COLUMNS: &str = "id, notifier, kind, category, legal_ground, policy_clause, \
    received_at, deadline, deadline_source, status, warnings, next_clock_at, breached_at, \
    decided_at, deadline_met, answered_at, outcome, purged_at, body";

fn notice_from_row(row: &AnyRow, items: Vec<NoticeItem>) -> Result<StoredNotice> {
    let kind: String = get(row, "kind")?;
    let body: String = get(row, "body")?;
    let body: NoticeBody = serde_json::from_str(&body).map_err(|e| corrupt("notice", e))?;
    let warnings: i64 = get(row, "warnings")?;
    let met: Option<i64> = get(row, "deadline_met")?;
    Ok(StoredNotice {
        id: get(row, "id")?,
        notifier: get(row, "notifier")?,
        kind: kind_of(&kind)?,
        category: get(row, "category")?,
        legal_ground: get(row, "legal_ground")?,
        policy_clause: get(row, "policy_clause")?,
        reference: body.reference,
        explanation: body.explanation,
        threat_to_life: body.threat_to_life,
        received_at: get(row, "received_at")?,
        deadline: get(row, "deadline")?,
        deadline_source: get(row, "deadline_source")?,
        status: get(row, "status")?,
        warnings: u32::try_from(warnings).unwrap_or(0),
        next_clock_at: get(row, "next_clock_at")?,
        breached_at: get(row, "breached_at")?,
        decided_at: get(row, "decided_at")?,
        deadline_met: met.map(|m| m != 0),
        answered_at: get(row, "answered_at")?,
        outcome: get(row, "outcome")?,
        purged_at: get(row, "purged_at")?,
        items,
        answer: body.answer,
    })
}

/// What a decision did, as notifiers are told: its action, or `reversed` once an appeal
/// reversed it (the content was restored).
fn decision_label(decision: &ModeratorDecision) -> String {
    if decision.reversed_at.is_some() {
        "reversed".to_string()
    } else {
        decision.action.name().to_string()
    }
}

/// `post\x1fplatform\x1fid` back to a subject (author unknown), for items of purged cases.
fn subject_from_key(key: &str) -> Option<Subject> {
    let mut parts = key.splitn(3, '\u{1f}');
    match (parts.next()?, parts.next()?, parts.next()?) {
        ("post", platform, post_id) => Some(Subject::Post {
            platform: platform.to_string(),
            post_id: post_id.to_string(),
            author: None,
        }),
        ("account", platform, account_id) => Some(Subject::Account {
            platform: platform.to_string(),
            account_id: account_id.to_string(),
        }),
        _ => None,
    }
}

/// One item row, with its seq.
struct ItemRow {
    seq: i64,
    item: NoticeItem,
}

async fn load_items(conn: &mut AnyConnection, notice_id: &str) -> Result<Vec<ItemRow>> {
    let rows = sqlx::query(
        "SELECT seq, subject_key, case_id, opened, decided_at, decision_id, action
         FROM notice_items WHERE notice_id = $1 ORDER BY seq",
    )
    .bind(notice_id)
    .fetch_all(&mut *conn)
    .await
    .ctx("reading a notice's items")?;
    let mut items = Vec::with_capacity(rows.len());
    for row in &rows {
        let key: String = get(row, "subject_key")?;
        let opened: i64 = get(row, "opened")?;
        items.push(ItemRow {
            seq: get(row, "seq")?,
            item: NoticeItem {
                subject: subject_from_key(&key).ok_or_else(|| corrupt("notice item", &key))?,
                case_id: get(row, "case_id")?,
                opened: opened != 0,
                decided_at: get(row, "decided_at")?,
                decision_id: get(row, "decision_id")?,
                action: get(row, "action")?,
            },
        });
    }
    Ok(items)
}

async fn load_notice(conn: &mut AnyConnection, id: &str) -> Result<Option<StoredNotice>> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {NOTICE_COLUMNS} FROM notices WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
    .ctx("reading a notice")?;
    let Some(row) = row else { return Ok(None) };
    let items = load_items(conn, id)
        .await?
        .into_iter()
        .map(|r| r.item)
        .collect();
    notice_from_row(&row, items).map(Some)
}

/// 32 hex characters naming one alert or answer: the same for every retry, distinct per
/// notice and event.
fn notice_key(parts: &[&str]) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(b"vigie-notice-v1");
    for part in parts {
        // Length-prefixed: ("ab","c") and ("a","bc") must not collide.
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher.finalize().to_hex()[..32].to_string()
}

/// Prefix of notifiers' signing secrets (like the platform's `whsec_…`).
const NOTIFIER_SECRET_PREFIX: &str = "vigiens_";

/// A fresh signing secret for a notifier: 32 random bytes, hex.
fn new_signing_secret() -> Result<String> {
    let mut bytes = [0u8; 32];
    // Unlike an id, a secret must not fall back to guessable bytes: refuse instead.
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Invalid {
        what: "notifier",
        detail: format!("the OS random generator failed: {e}"),
    })?;
    Ok(format!("{NOTIFIER_SECRET_PREFIX}{}", hex::encode(bytes)))
}

/// Queues one delivery in the webhook outbox (the delivery task sends it, with retries);
/// `notifier`: the delivery is an answer to that notifier, signed with its own secret.
async fn queue_delivery(
    conn: &mut AnyConnection,
    key: &str,
    case_id: &str,
    endpoint: &str,
    body: &str,
    notifier: Option<&str>,
    now: i64,
) -> Result<()> {
    if let Some(notifier) = notifier {
        sqlx::query(
            "INSERT INTO notifier_deliveries (idempotency_key, notifier) VALUES ($1, $2)
             ON CONFLICT (idempotency_key) DO NOTHING",
        )
        .bind(key)
        .bind(notifier)
        .execute(&mut *conn)
        .await
        .ctx("addressing a webhook to a notifier")?;
    }
    let delivery = Delivery {
        idempotency_key: key.to_string(),
        endpoint: endpoint.to_string(),
        attempts: 0,
        state: DeliveryState::Pending {
            next_attempt_at: now,
        },
        last_error: None,
    };
    sqlx::query(
        "INSERT INTO webhook_outbox (idempotency_key, case_id, endpoint, body, state,
            next_attempt_at, attempts, last_error, delivery, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'pending', $5, 0, NULL, $6, $7, $7)
         ON CONFLICT (idempotency_key) DO NOTHING",
    )
    .bind(key)
    .bind(case_id)
    .bind(endpoint)
    .bind(body)
    .bind(now)
    .bind(to_json("webhook delivery", &delivery)?)
    .bind(now)
    .execute(&mut *conn)
    .await
    .ctx("queueing a notice webhook")?;
    Ok(())
}

impl Store {
    /// Creates or updates a notifier; its kind cannot change once it sent notices under it
    /// (the reports count notices by kind). Audited.
    ///
    /// Returns the notifier and, when it had none yet, the secret its answers are signed with
    /// from now on: the only time it is shown (it is stored, to sign, but never returned by
    /// any read).
    pub async fn upsert_notifier(
        &self,
        name: &str,
        kind: NotifierKind,
        endpoint: Option<&str>,
        actor: &str,
        now: i64,
    ) -> Result<(Notifier, Option<String>)> {
        let name = name.trim();
        if name.is_empty() || name.len() > 128 {
            return Err(StoreError::Invalid {
                what: "notifier",
                detail: "a notifier's name has 1 to 128 bytes".into(),
            });
        }
        if let Some(e) = endpoint
            && !(e.starts_with("http://") || e.starts_with("https://"))
        {
            return Err(StoreError::Invalid {
                what: "notifier",
                detail: format!("endpoint {e:?} is not an http(s) URL"),
            });
        }
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to save a notifier")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let existing = sqlx::query("SELECT * FROM notifiers WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut *tx)
            .await
            .ctx("reading a notifier")?;
        let had_secret = match &existing {
            Some(row) => get::<Option<String>>(row, "signing_secret")?.is_some(),
            None => false,
        };
        let new_secret = if had_secret {
            None
        } else {
            Some(new_signing_secret()?)
        };
        let notifier = match existing.as_ref().map(notifier_from_row).transpose()? {
            Some(n) if n.kind != kind => {
                return Err(StoreError::Invalid {
                    what: "notifier",
                    detail: format!("{name:?} is a {} notifier, not {kind}", n.kind),
                });
            }
            Some(mut n) => {
                if endpoint.is_some() {
                    n.endpoint = endpoint.map(str::to_string);
                    n.updated_at = now;
                    sqlx::query(
                        "UPDATE notifiers SET endpoint = $1, updated_at = $2 WHERE name = $3",
                    )
                    .bind(&n.endpoint)
                    .bind(now)
                    .bind(name)
                    .execute(&mut *tx)
                    .await
                    .ctx("updating a notifier")?;
                }
                n
            }
            None => {
                sqlx::query(
                    "INSERT INTO notifiers (name, kind, endpoint, signing_secret, created_at,
                        updated_at)
                     VALUES ($1, $2, $3, $4, $5, $5)",
                )
                .bind(name)
                .bind(kind.name())
                .bind(endpoint)
                .bind(&new_secret)
                .bind(now)
                .execute(&mut *tx)
                .await
                .ctx("storing a notifier")?;
                Notifier {
                    name: name.to_string(),
                    kind,
                    endpoint: endpoint.map(str::to_string),
                    created_at: now,
                    updated_at: now,
                }
            }
        };
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "notifier.save".to_string(),
            subject: format!("notifier:{name}"),
            reason: format!("{kind} notifier {name:?} saved"),
            // The secret itself never goes in the chain: only that one was made.
            details: serde_json::json!({
                "kind": kind.name(),
                "endpoint": notifier.endpoint,
                "new_signing_secret": new_secret.is_some(),
            })
            .to_string(),
            ..AuditEvent::default()
        };
        if existing.is_some()
            && let Some(secret) = &new_secret
        {
            // A notifier first seen in a notice (no endpoint then) gets its secret now.
            sqlx::query("UPDATE notifiers SET signing_secret = $1 WHERE name = $2")
                .bind(secret)
                .bind(name)
                .execute(&mut *tx)
                .await
                .ctx("storing a notifier's secret")?;
        }
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a notifier")?;
        Ok((notifier, new_secret))
    }

    /// Gives a notifier a new signing secret (the old one lost or leaked) and returns it: the
    /// only time it is shown. Answers still queued are signed with the new one when sent.
    /// `None` when there is no such notifier. Audited (`notifier.secret`), without the secret.
    pub async fn rotate_notifier_secret(
        &self,
        name: &str,
        actor: &str,
        now: i64,
    ) -> Result<Option<String>> {
        let secret = new_signing_secret()?;
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to renew a notifier's secret")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let changed = sqlx::query(
            "UPDATE notifiers SET signing_secret = $1, updated_at = $2 WHERE name = $3",
        )
        .bind(&secret)
        .bind(now)
        .bind(name)
        .execute(&mut *tx)
        .await
        .ctx("renewing a notifier's secret")?
        .rows_affected();
        if changed == 0 {
            return Ok(None);
        }
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "notifier.secret".to_string(),
            subject: format!("notifier:{name}"),
            reason: "new signing secret for the answers".to_string(),
            details: "{}".to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a notifier's secret")?;
        Ok(Some(secret))
    }

    /// The secret a queued delivery is signed with when it is an answer to a notifier (its
    /// own secret); `None`: a platform webhook or an admin alert, signed with the platform's.
    pub async fn delivery_signing_secret(&self, idempotency_key: &str) -> Result<Option<String>> {
        let secret: Option<Option<String>> = sqlx::query_scalar(
            "SELECT n.signing_secret FROM notifier_deliveries d
             JOIN notifiers n ON n.name = d.notifier WHERE d.idempotency_key = $1",
        )
        .bind(idempotency_key)
        .fetch_optional(self.pool())
        .await
        .ctx("reading a notifier's signing secret")?;
        Ok(secret.flatten())
    }

    pub async fn notifier(&self, name: &str) -> Result<Option<Notifier>> {
        let row = sqlx::query("SELECT * FROM notifiers WHERE name = $1")
            .bind(name)
            .fetch_optional(self.pool())
            .await
            .ctx("reading a notifier")?;
        row.as_ref().map(notifier_from_row).transpose()
    }

    /// Binds an API key (scope `notify`) to a notifier: notices sent with it are that
    /// notifier's. Audited.
    pub async fn bind_notifier_key(
        &self,
        key_id: &str,
        notifier: &str,
        actor: &str,
        now: i64,
    ) -> Result<()> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting to bind a key")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let known: Option<String> =
            sqlx::query_scalar("SELECT name FROM notifiers WHERE name = $1")
                .bind(notifier)
                .fetch_optional(&mut *tx)
                .await
                .ctx("reading a notifier")?;
        if known.is_none() {
            return Err(StoreError::Invalid {
                what: "notifier",
                detail: format!("no notifier named {notifier:?}"),
            });
        }
        sqlx::query(
            "INSERT INTO notifier_keys (key_id, notifier, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (key_id) DO UPDATE SET notifier = $2",
        )
        .bind(key_id)
        .bind(notifier)
        .bind(now)
        .execute(&mut *tx)
        .await
        .ctx("binding a key to a notifier")?;
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "notifier.key".to_string(),
            subject: format!("key:{key_id}"),
            reason: format!("key bound to notifier {notifier:?}"),
            details: serde_json::json!({ "notifier": notifier }).to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a key binding")?;
        Ok(())
    }

    /// The notifier an API key speaks for, if it is bound to one.
    pub async fn notifier_of_key(&self, key_id: &str) -> Result<Option<Notifier>> {
        let row = sqlx::query(
            "SELECT n.* FROM notifier_keys k JOIN notifiers n ON n.name = k.notifier
             WHERE k.key_id = $1",
        )
        .bind(key_id)
        .fetch_optional(self.pool())
        .await
        .ctx("reading a key's notifier")?;
        row.as_ref().map(notifier_from_row).transpose()
    }

    /// Stores a notice: each post or account it names opens a case or joins the case it
    /// already has (a duplicate notice on the same post joins the same case and is counted
    /// there); the clock starts. One transaction, one audit entry (`notice.receive`).
    pub async fn create_notice(
        &self,
        new: NewNotice,
        config: &ReviewConfig,
        warn_at: &[f64],
        actor: &str,
        now: i64,
    ) -> Result<CreatedNotice> {
        let invalid = |detail: String| StoreError::Invalid {
            what: "notice",
            detail,
        };
        if new.subjects.is_empty() {
            return Err(invalid(
                "a notice names at least one post or account".into(),
            ));
        }
        if new.subjects.len() > MAX_NOTICE_ITEMS {
            return Err(invalid(format!(
                "a notice names at most {MAX_NOTICE_ITEMS} posts or accounts"
            )));
        }
        if new.deadline <= now {
            return Err(invalid("the deadline has already passed".into()));
        }
        // The same post named twice in one notice is one item.
        let mut subjects: Vec<Subject> = Vec::with_capacity(new.subjects.len());
        let mut keys: Vec<String> = Vec::with_capacity(new.subjects.len());
        for s in new.subjects {
            let key = subject_key(&s);
            if !keys.contains(&key) {
                keys.push(key);
                subjects.push(s);
            }
        }
        let id = random_id();
        let notice = Notice {
            id: id.clone(),
            authority: new.notifier.clone(),
            reference: new
                .legal_ground
                .clone()
                .or_else(|| new.policy_clause.clone()),
            received_at: now,
            deadline: new.deadline,
            threat_to_life: new.threat_to_life,
        };
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to store a notice")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let known = sqlx::query("SELECT * FROM notifiers WHERE name = $1")
            .bind(&new.notifier)
            .fetch_optional(&mut *tx)
            .await
            .ctx("reading a notifier")?;
        match known.as_ref().map(notifier_from_row).transpose()? {
            Some(n) if n.kind != new.kind => {
                return Err(invalid(format!(
                    "{:?} is a {} notifier, not {}",
                    n.name, n.kind, new.kind
                )));
            }
            Some(_) => {}
            None => {
                sqlx::query(
                    "INSERT INTO notifiers (name, kind, endpoint, created_at, updated_at)
                     VALUES ($1, $2, NULL, $3, $3)",
                )
                .bind(&new.notifier)
                .bind(new.kind.name())
                .bind(now)
                .execute(&mut *tx)
                .await
                .ctx("storing a notifier")?;
            }
        }
        let clock = ClockState {
            received_at: now,
            deadline: new.deadline,
            warnings: 0,
            breached: false,
        };
        let next = next_clock_at(&clock, warn_at);
        let body = NoticeBody {
            explanation: new.explanation.clone(),
            reference: new.reference.clone(),
            threat_to_life: new.threat_to_life,
            answer: None,
            purged: false,
        };
        sqlx::query(
            "INSERT INTO notices (id, notifier, kind, category, legal_ground, policy_clause,
                received_at, deadline, deadline_source, status, items, decided_items, warnings,
                next_clock_at, body)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, 0, $12, $13)",
        )
        .bind(&id)
        .bind(&new.notifier)
        .bind(new.kind.name())
        .bind(&new.category)
        .bind(&new.legal_ground)
        .bind(&new.policy_clause)
        .bind(now)
        .bind(new.deadline)
        .bind(new.deadline_source.name())
        .bind(OPEN)
        .bind(i64::try_from(keys.len()).unwrap_or(i64::MAX))
        .bind(next)
        .bind(to_json("notice", &body)?)
        .execute(&mut *tx)
        .await
        .ctx("storing a notice")?;
        let mut cases = Vec::with_capacity(subjects.len());
        let mut items = Vec::with_capacity(subjects.len());
        for (seq, (subject, key)) in subjects.into_iter().zip(&keys).enumerate() {
            let existing = sqlx::query("SELECT version, body FROM cases WHERE subject_key = $1")
                .bind(key)
                .fetch_optional(&mut *tx)
                .await
                .ctx("finding the case of a subject")?;
            let (case, opened) = match existing.as_ref().map(case_from_row).transpose()? {
                Some((mut case, version)) => {
                    case.add_notice(notice.clone(), config, now);
                    update_case(&mut tx, &case, version, config).await?;
                    (case, false)
                }
                None => {
                    let case = Case::from_notice(
                        &random_id(),
                        subject.clone(),
                        notice.clone(),
                        config,
                        now,
                    );
                    insert_case(&mut tx, &case, config).await?;
                    (case, true)
                }
            };
            sqlx::query(
                "INSERT INTO notice_items (notice_id, seq, subject_key, case_id, opened)
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&id)
            .bind(i64::try_from(seq).unwrap_or(i64::MAX))
            .bind(key)
            .bind(&case.id)
            .bind(i64::from(opened))
            .execute(&mut *tx)
            .await
            .ctx("storing a notice item")?;
            items.push(NoticeItem {
                subject,
                case_id: case.id.clone(),
                opened,
                decided_at: None,
                decision_id: None,
                action: None,
            });
            cases.push(case);
        }
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "notice.receive".to_string(),
            subject: format!("notice:{id}"),
            reason: format!(
                "{} notice from {:?} on {} item(s), deadline {}",
                new.kind,
                new.notifier,
                items.len(),
                crate::format_time(new.deadline)
            ),
            details: serde_json::json!({
                "notifier": new.notifier,
                "kind": new.kind.name(),
                "category": new.category,
                "legal_ground": new.legal_ground,
                "policy_clause": new.policy_clause,
                "deadline": new.deadline,
                "deadline_source": new.deadline_source.name(),
                "cases": items.iter().map(|i| serde_json::json!({
                    "case_id": i.case_id, "opened": i.opened,
                })).collect::<Vec<_>>(),
            })
            .to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a notice")?;
        Ok(CreatedNotice {
            notice: StoredNotice {
                id,
                notifier: new.notifier,
                kind: new.kind,
                category: new.category,
                legal_ground: new.legal_ground,
                policy_clause: new.policy_clause,
                reference: new.reference,
                explanation: new.explanation,
                threat_to_life: new.threat_to_life,
                received_at: now,
                deadline: new.deadline,
                deadline_source: new.deadline_source.name().to_string(),
                status: OPEN.to_string(),
                warnings: 0,
                next_clock_at: next,
                breached_at: None,
                decided_at: None,
                deadline_met: None,
                answered_at: None,
                outcome: None,
                purged_at: None,
                items,
                answer: None,
            },
            cases,
        })
    }

    pub async fn notice(&self, id: &str) -> Result<Option<StoredNotice>> {
        let mut conn = self.pool().acquire().await.ctx("reading a notice")?;
        load_notice(&mut conn, id).await
    }

    /// One round of the notice clocks at `now`: first answers the notices whose items are
    /// all decided, then sends the warnings and breaches that are due (escalating the
    /// undecided cases of a breached notice). Each notice is one transaction.
    pub async fn run_notice_clocks(
        &self,
        now: i64,
        settings: &ClockSettings<'_>,
        limit: i64,
    ) -> Result<ClockRound> {
        let mut round = ClockRound::default();
        if let Some(since) = settings.changed_since {
            round.updated = self.refresh_answers(since, now, limit).await?;
        }
        let decided: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT ni.notice_id FROM notice_items ni JOIN cases c ON c.id = ni.case_id
             WHERE ni.decided_at IS NULL AND c.status IN ('resolved', 'appealed')
             ORDER BY ni.notice_id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("finding decided notices")?;
        for id in decided {
            let statements = if self.notice_all_decided(&id).await? {
                self.statements_for_notice(&id).await?
            } else {
                HashMap::new()
            };
            if self.record_decisions(&id, now, &statements).await? {
                round.answered += 1;
            }
        }
        let due: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM notices WHERE status = $1 AND next_clock_at <= $2
             ORDER BY next_clock_at, id LIMIT $3",
        )
        .bind(OPEN)
        .bind(now)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("finding due notice clocks")?;
        for id in due {
            self.tick_notice(&id, now, settings, &mut round).await?;
        }
        Ok(round)
    }

    /// Whether every item of a notice has a decision in force on its case.
    async fn notice_all_decided(&self, notice_id: &str) -> Result<bool> {
        let waiting: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notice_items ni LEFT JOIN cases c ON c.id = ni.case_id
             WHERE ni.notice_id = $1 AND ni.decided_at IS NULL
               AND (c.status IS NULL OR c.status NOT IN ('resolved', 'appealed'))",
        )
        .bind(notice_id)
        .fetch_one(self.pool())
        .await
        .ctx("checking a notice's decisions")?;
        Ok(waiting == 0)
    }

    /// The statements of reasons (DSA Art. 17) of the restrictions decided on a notice's
    /// cases, by case id, built and stored by `sor.rs` (outside the notice's transaction:
    /// it takes the write lock itself). A statement that cannot be built is left out of the
    /// answer rather than holding the answer back; the export reports it.
    async fn statements_for_notice(
        &self,
        notice_id: &str,
    ) -> Result<HashMap<String, serde_json::Value>> {
        let case_ids: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT case_id FROM notice_items WHERE notice_id = $1")
                .bind(notice_id)
                .fetch_all(self.pool())
                .await
                .ctx("reading a notice's cases")?;
        let mut out = HashMap::with_capacity(case_ids.len());
        for case_id in case_ids {
            match self.statement_for_case(&case_id).await {
                Ok(Some(stored)) => {
                    if let Ok(value) = serde_json::to_value(&stored.statement) {
                        out.insert(
                            case_id,
                            serde_json::json!({
                                "restriction_id": stored.restriction_id,
                                "statement": value,
                            }),
                        );
                    }
                }
                Ok(None) => {}
                Err(e) if e.is_unavailable() => return Err(e),
                Err(_) => {}
            }
        }
        Ok(out)
    }

    /// Records the decisions taken on a notice's cases; once all are decided, answers the
    /// notifier (status, and webhook to its endpoint) with the outcome and the statements of
    /// reasons. Returns whether it answered.
    async fn record_decisions(
        &self,
        notice_id: &str,
        now: i64,
        statements: &HashMap<String, serde_json::Value>,
    ) -> Result<bool> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to record decisions")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let Some(notice) = load_notice(&mut tx, notice_id).await? else {
            return Ok(false);
        };
        if notice.status != OPEN {
            return Ok(false);
        }
        let rows = load_items(&mut tx, notice_id).await?;
        let mut answer_items = Vec::with_capacity(rows.len());
        let mut all_decided = true;
        let mut newly_decided = 0usize;
        for row in &rows {
            let Some((case, _)) = load_case(&mut tx, &row.item.case_id).await? else {
                // Purged: nothing more will be decided on it.
                all_decided &= row.item.decided_at.is_some();
                continue;
            };
            let Some(decision) = case.final_decision() else {
                all_decided = false;
                continue;
            };
            // A case decided before the notice arrived answers it at receipt.
            let decided_at = decision.decided_at.max(notice.received_at);
            if row.item.decided_at.is_none() {
                sqlx::query(
                    "UPDATE notice_items SET decided_at = $1, decision_id = $2, action = $3
                     WHERE notice_id = $4 AND seq = $5",
                )
                .bind(decided_at)
                .bind(&decision.id)
                .bind(decision_label(decision))
                .bind(notice_id)
                .bind(row.seq)
                .execute(&mut *tx)
                .await
                .ctx("recording a notice item's decision")?;
                newly_decided += 1;
            }
            // The statement of the case's latest restriction, when it is this decision.
            let statement = statements
                .get(&case.id)
                .filter(|v| v["restriction_id"] == decision.id.as_str())
                .map(|v| v["statement"].clone());
            answer_items.push(AnswerItem {
                case_id: case.id.clone(),
                subject: row.item.subject.clone(),
                decision_id: decision.id.clone(),
                action: decision_label(decision),
                reason_code: decision.reason_code.clone(),
                decided_at: row.item.decided_at.unwrap_or(decided_at),
                statement_of_reasons: statement,
            });
        }
        let decided_count = i64::try_from(answer_items.len()).unwrap_or(i64::MAX);
        if !all_decided {
            if newly_decided > 0 {
                sqlx::query("UPDATE notices SET decided_items = $1 WHERE id = $2")
                    .bind(decided_count)
                    .bind(notice_id)
                    .execute(&mut *tx)
                    .await
                    .ctx("counting a notice's decided items")?;
                tx.commit().await.ctx("committing notice decisions")?;
            }
            return Ok(false);
        }
        let decided_at = answer_items
            .iter()
            .map(|i| i.decided_at)
            .max()
            .unwrap_or(now);
        let outcome = notice_outcome(answer_items.iter().map(|i| i.action.as_str()));
        let met = decided_at <= notice.deadline;
        let key = notice_key(&["answer", notice_id]);
        let answer = NoticeAnswer {
            event_type: "notice.answered".to_string(),
            idempotency_key: key.clone(),
            notice_id: notice_id.to_string(),
            notifier: notice.notifier.clone(),
            reference: notice.reference.clone(),
            outcome: outcome.clone(),
            received_at: notice.received_at,
            deadline: notice.deadline,
            decided_at,
            deadline_met: met,
            answered_at: now,
            items: answer_items,
        };
        let body = NoticeBody {
            explanation: notice.explanation.clone(),
            reference: notice.reference.clone(),
            threat_to_life: notice.threat_to_life,
            answer: Some(answer.clone()),
            purged: false,
        };
        sqlx::query(
            "UPDATE notices SET status = $1, decided_items = $2, decided_at = $3,
                deadline_met = $4, answered_at = $5, outcome = $6, next_clock_at = NULL,
                body = $7
             WHERE id = $8",
        )
        .bind(ANSWERED)
        .bind(decided_count)
        .bind(decided_at)
        .bind(i64::from(met))
        .bind(now)
        .bind(&outcome)
        .bind(to_json("notice", &body)?)
        .bind(notice_id)
        .execute(&mut *tx)
        .await
        .ctx("answering a notice")?;
        let endpoint: Option<String> =
            sqlx::query_scalar("SELECT endpoint FROM notifiers WHERE name = $1")
                .bind(&notice.notifier)
                .fetch_optional(&mut *tx)
                .await
                .ctx("reading a notifier's endpoint")?
                .flatten();
        let first_case = answer.items.first().map(|i| i.case_id.clone());
        if let (Some(endpoint), Some(case_id)) = (&endpoint, &first_case) {
            let text = to_json("notice answer", &answer)?;
            queue_delivery(
                &mut tx,
                &key,
                case_id,
                endpoint,
                &text,
                Some(&notice.notifier),
                now,
            )
            .await?;
        }
        let event = AuditEvent {
            actor: CLOCK_ACTOR.to_string(),
            kind: "notice.answer".to_string(),
            subject: format!("notice:{notice_id}"),
            reason: format!(
                "every item decided ({}), deadline {}",
                outcome.as_deref().unwrap_or("no items"),
                if met { "met" } else { "missed" }
            ),
            details: serde_json::json!({
                "notifier": notice.notifier,
                "decided_at": decided_at,
                "deadline": notice.deadline,
                "deadline_met": met,
                "outcome": outcome,
                "webhook": endpoint.is_some().then_some(&key),
                "decisions": answer.items.iter().map(|i| &i.decision_id).collect::<Vec<_>>(),
            })
            .to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a notice answer")?;
        Ok(true)
    }

    /// Tells notifiers when a decision they were answered with changes (an appeal reversed
    /// it): the items, the outcome and the answer are updated and the new answer is sent.
    /// The deadline stays met or missed by the first decision. Looks at cases changed since
    /// `since` (an index range), so each round stays cheap however many notices were answered.
    async fn refresh_answers(&self, since: i64, now: i64, limit: i64) -> Result<usize> {
        let candidates: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT ni.notice_id FROM cases c
             JOIN notice_items ni ON ni.case_id = c.id
             JOIN notices n ON n.id = ni.notice_id
             WHERE c.updated_at >= $1 AND n.status = $2
             ORDER BY ni.notice_id LIMIT $3",
        )
        .bind(since)
        .bind(ANSWERED)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("finding changed answers")?;
        let mut updated = 0;
        for id in candidates {
            // Most candidates did not change: look before taking the write lock.
            if self.answer_changed(&id).await? && self.refresh_answer(&id, now).await? {
                updated += 1;
            }
        }
        Ok(updated)
    }

    /// Whether a decision in force on a notice's cases differs from the one it was
    /// answered with (read only; `refresh_answer` checks again under the lock).
    async fn answer_changed(&self, notice_id: &str) -> Result<bool> {
        let mut conn = self.pool().acquire().await.ctx("checking an answer")?;
        for row in load_items(&mut conn, notice_id).await? {
            let Some((case, _)) = load_case(&mut conn, &row.item.case_id).await? else {
                continue;
            };
            if let Some(decision) = case.final_decision()
                && (row.item.decision_id.as_deref() != Some(decision.id.as_str())
                    || row.item.action.as_deref() != Some(decision_label(decision).as_str()))
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    async fn refresh_answer(&self, notice_id: &str, now: i64) -> Result<bool> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting an answer update")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let Some(notice) = load_notice(&mut tx, notice_id).await? else {
            return Ok(false);
        };
        let Some(mut answer) = notice.answer.clone().filter(|_| notice.status == ANSWERED) else {
            return Ok(false);
        };
        let rows = load_items(&mut tx, notice_id).await?;
        let mut changes = Vec::new();
        for row in &rows {
            let Some((case, _)) = load_case(&mut tx, &row.item.case_id).await? else {
                continue;
            };
            let Some(decision) = case.final_decision() else {
                continue;
            };
            let label = decision_label(decision);
            if row.item.decision_id.as_deref() == Some(decision.id.as_str())
                && row.item.action.as_deref() == Some(label.as_str())
            {
                continue;
            }
            sqlx::query(
                "UPDATE notice_items SET decision_id = $1, action = $2
                 WHERE notice_id = $3 AND seq = $4",
            )
            .bind(&decision.id)
            .bind(&label)
            .bind(notice_id)
            .bind(row.seq)
            .execute(&mut *tx)
            .await
            .ctx("updating a notice item's decision")?;
            for item in answer.items.iter_mut().filter(|i| i.case_id == case.id) {
                item.decision_id = decision.id.clone();
                item.action = label.clone();
                item.reason_code = decision.reason_code.clone();
            }
            changes.push(serde_json::json!({
                "case_id": case.id,
                "decision_id": decision.id,
                "was": row.item.action,
                "now": label,
            }));
        }
        if changes.is_empty() {
            return Ok(false);
        }
        let outcome = notice_outcome(answer.items.iter().map(|i| i.action.as_str()));
        let version = answer
            .items
            .iter()
            .map(|i| format!("{}={}", i.decision_id, i.action))
            .collect::<Vec<_>>()
            .join(",");
        let key = notice_key(&["answer", notice_id, &version]);
        answer.event_type = "notice.answer_updated".to_string();
        answer.idempotency_key = key.clone();
        answer.outcome = outcome.clone();
        answer.answered_at = now;
        let body = NoticeBody {
            explanation: notice.explanation.clone(),
            reference: notice.reference.clone(),
            threat_to_life: notice.threat_to_life,
            answer: Some(answer.clone()),
            purged: false,
        };
        sqlx::query("UPDATE notices SET outcome = $1, body = $2 WHERE id = $3")
            .bind(&outcome)
            .bind(to_json("notice", &body)?)
            .bind(notice_id)
            .execute(&mut *tx)
            .await
            .ctx("updating a notice's answer")?;
        let endpoint: Option<String> =
            sqlx::query_scalar("SELECT endpoint FROM notifiers WHERE name = $1")
                .bind(&notice.notifier)
                .fetch_optional(&mut *tx)
                .await
                .ctx("reading a notifier's endpoint")?
                .flatten();
        if let (Some(endpoint), Some(item)) = (&endpoint, answer.items.first()) {
            let text = to_json("notice answer", &answer)?;
            queue_delivery(
                &mut tx,
                &key,
                &item.case_id,
                endpoint,
                &text,
                Some(&notice.notifier),
                now,
            )
            .await?;
        }
        let event = AuditEvent {
            actor: CLOCK_ACTOR.to_string(),
            kind: "notice.answer_update".to_string(),
            subject: format!("notice:{notice_id}"),
            reason: format!(
                "decision changed after the answer; outcome now {}",
                outcome.as_deref().unwrap_or("none")
            ),
            details: serde_json::json!({
                "changes": changes,
                "outcome": outcome,
                "webhook": endpoint.is_some().then_some(&key),
            })
            .to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing an answer update")?;
        Ok(true)
    }

    /// Runs one notice's clock at `now` (re-read under the lock: another server may have
    /// done it already).
    async fn tick_notice(
        &self,
        notice_id: &str,
        now: i64,
        settings: &ClockSettings<'_>,
        round: &mut ClockRound,
    ) -> Result<()> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting a notice clock")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let Some(notice) = load_notice(&mut tx, notice_id).await? else {
            return Ok(());
        };
        if notice.status != OPEN || notice.next_clock_at.is_none_or(|t| t > now) {
            return Ok(());
        }
        let state = ClockState {
            received_at: notice.received_at,
            deadline: notice.deadline,
            warnings: notice.warnings,
            breached: notice.breached_at.is_some(),
        };
        let step = clock_step(&state, settings.warn_at, now);
        let undecided: Vec<&NoticeItem> = notice
            .items
            .iter()
            .filter(|i| i.decided_at.is_none())
            .collect();
        let case_ids: Vec<&str> = undecided.iter().map(|i| i.case_id.as_str()).collect();
        let mut escalated = Vec::new();
        if step.breach {
            for item in &undecided {
                let Some((mut case, version)) = load_case(&mut tx, &item.case_id).await? else {
                    continue;
                };
                if escalate_for_breach(&mut case, notice_id, settings.config, now) {
                    update_case(&mut tx, &case, version, settings.config).await?;
                    escalated.push(case.id.clone());
                }
            }
        }
        let (event_type, reason) = match (step.breach, step.warning) {
            (true, _) => (
                "notice.deadline_breached",
                format!(
                    "deadline passed with {} of {} item(s) undecided; {} case(s) escalated",
                    undecided.len(),
                    notice.items.len(),
                    escalated.len()
                ),
            ),
            (false, Some(index)) => {
                let fraction = settings
                    .warn_at
                    .get(usize::try_from(index).unwrap_or(usize::MAX))
                    .copied()
                    .unwrap_or(0.0);
                (
                    "notice.deadline_warning",
                    format!(
                        "{:.0}% of the time to the deadline elapsed, {} item(s) undecided",
                        fraction * 100.0,
                        undecided.len()
                    ),
                )
            }
            (false, None) => ("", String::new()),
        };
        sqlx::query(
            "UPDATE notices SET warnings = $1, breached_at = $2, next_clock_at = $3 WHERE id = $4",
        )
        .bind(i64::from(step.state.warnings))
        .bind(if step.breach {
            Some(now)
        } else {
            notice.breached_at
        })
        .bind(step.next_at)
        .bind(notice_id)
        .execute(&mut *tx)
        .await
        .ctx("moving a notice clock")?;
        if !event_type.is_empty() {
            let level = step.warning.map(|w| w.to_string()).unwrap_or_default();
            let key = notice_key(&[event_type, notice_id, &level]);
            let alert = serde_json::json!({
                "type": event_type,
                "idempotency_key": key,
                "notice_id": notice_id,
                "notifier": notice.notifier,
                "kind": notice.kind.name(),
                "deadline": notice.deadline,
                "undecided_cases": case_ids,
                "escalated_cases": escalated,
                "occurred_at": now,
            });
            let queued = match (settings.alert_endpoint, notice.items.first()) {
                (Some(endpoint), Some(item)) => {
                    queue_delivery(
                        &mut tx,
                        &key,
                        &item.case_id,
                        endpoint,
                        &alert.to_string(),
                        None,
                        now,
                    )
                    .await?;
                    true
                }
                _ => false,
            };
            let event = AuditEvent {
                actor: CLOCK_ACTOR.to_string(),
                kind: event_type.replace("deadline_", "").replace('_', "."),
                subject: format!("notice:{notice_id}"),
                reason,
                details: serde_json::json!({
                    "deadline": notice.deadline,
                    "warning": step.warning,
                    "undecided_cases": case_ids,
                    "escalated_cases": escalated,
                    "alert": queued.then_some(&key),
                })
                .to_string(),
                ..AuditEvent::default()
            };
            head.append(&mut tx, &event, now).await?;
            head.save(&mut tx).await?;
            if step.breach {
                round.breaches += 1;
            } else {
                round.warnings += 1;
            }
        }
        tx.commit().await.ctx("committing a notice clock")?;
        round.escalated.extend(escalated);
        Ok(())
    }

    /// Every notice `notifier` sent, received in `[from, to)`, oldest first, with whether
    /// each deadline was met at `now`. `None` when no such notifier is known.
    pub async fn host_report(
        &self,
        notifier: &str,
        from: Option<i64>,
        to: Option<i64>,
        now: i64,
    ) -> Result<Option<HostReport>> {
        let known = self.notifier(notifier).await?;
        let rows = sqlx::query(
            "SELECT id, kind, items, category, legal_ground, policy_clause, received_at,
                deadline, decided_at, answered_at, breached_at, outcome
             FROM notices WHERE notifier = $1 AND received_at >= $2 AND received_at < $3
             ORDER BY received_at, id",
        )
        .bind(notifier)
        .bind(from.unwrap_or(i64::MIN))
        .bind(to.unwrap_or(i64::MAX))
        .fetch_all(self.pool())
        .await
        .ctx("reading a notifier's notices")?;
        if known.is_none() && rows.is_empty() {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let kind: String = get(row, "kind")?;
            let items: i64 = get(row, "items")?;
            let legal: Option<String> = get(row, "legal_ground")?;
            let clause: Option<String> = get(row, "policy_clause")?;
            let ground = match (legal, clause) {
                (Some(l), Some(c)) => Some(format!("{l}; {c}")),
                (l, c) => l.or(c),
            };
            let deadline: i64 = get(row, "deadline")?;
            let decided_at: Option<i64> = get(row, "decided_at")?;
            out.push(HostReportRow {
                notice_id: get(row, "id")?,
                kind: kind_of(&kind)?,
                items: u32::try_from(items).unwrap_or(u32::MAX),
                category: get(row, "category")?,
                ground,
                received_at: get(row, "received_at")?,
                deadline,
                decided_at,
                answered_at: get(row, "answered_at")?,
                escalated_at: get(row, "breached_at")?,
                deadline_status: DeadlineStatus::of(deadline, decided_at, now),
                outcome: get(row, "outcome")?,
            });
        }
        Ok(Some(HostReport {
            notifier: notifier.to_string(),
            kind: known.map(|n| n.kind),
            from,
            to,
            generated_at: now,
            rows: out,
        }))
    }

    /// Puts a case under legal hold (retention never purges it); `None` when there is no such
    /// case. Audited (`case.legal_hold`).
    pub async fn set_legal_hold(
        &self,
        case_id: &str,
        reason: &str,
        actor: &str,
        now: i64,
    ) -> Result<Option<LegalHold>> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to set a legal hold")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        if load_case(&mut tx, case_id).await?.is_none() {
            return Ok(None);
        }
        sqlx::query(
            "INSERT INTO legal_holds (case_id, reason, set_by, set_at, released_by, released_at)
             VALUES ($1, $2, $3, $4, NULL, NULL)
             ON CONFLICT (case_id) DO UPDATE SET reason = $2, set_by = $3, set_at = $4,
                released_by = NULL, released_at = NULL",
        )
        .bind(case_id)
        .bind(reason)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await
        .ctx("storing a legal hold")?;
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "case.legal_hold".to_string(),
            subject: format!("case:{case_id}"),
            reason: reason.to_string(),
            details: "{}".to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a legal hold")?;
        Ok(Some(LegalHold {
            case_id: case_id.to_string(),
            reason: reason.to_string(),
            set_by: actor.to_string(),
            set_at: now,
            released_by: None,
            released_at: None,
        }))
    }

    /// Lifts a legal hold; `false` when the case has none in force. Audited.
    pub async fn release_legal_hold(&self, case_id: &str, actor: &str, now: i64) -> Result<bool> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to lift a legal hold")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let changed = sqlx::query(
            "UPDATE legal_holds SET released_by = $1, released_at = $2
             WHERE case_id = $3 AND released_at IS NULL",
        )
        .bind(actor)
        .bind(now)
        .bind(case_id)
        .execute(&mut *tx)
        .await
        .ctx("lifting a legal hold")?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "case.legal_hold_release".to_string(),
            subject: format!("case:{case_id}"),
            reason: "legal hold lifted".to_string(),
            details: "{}".to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a legal hold release")?;
        Ok(true)
    }

    /// The legal hold of a case, in force or lifted.
    pub async fn legal_hold(&self, case_id: &str) -> Result<Option<LegalHold>> {
        let row = sqlx::query("SELECT * FROM legal_holds WHERE case_id = $1")
            .bind(case_id)
            .fetch_optional(self.pool())
            .await
            .ctx("reading a legal hold")?;
        row.as_ref()
            .map(|r| {
                Ok(LegalHold {
                    case_id: get(r, "case_id")?,
                    reason: get(r, "reason")?,
                    set_by: get(r, "set_by")?,
                    set_at: get(r, "set_at")?,
                    released_by: get(r, "released_by")?,
                    released_at: get(r, "released_at")?,
                })
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_keys_read_back() {
        for subject in [
            Subject::Post {
                platform: "forum".into(),
                post_id: "p:1".into(),
                author: None,
            },
            Subject::Account {
                platform: "forum".into(),
                account_id: "u1".into(),
            },
        ] {
            assert_eq!(subject_from_key(&subject_key(&subject)), Some(subject));
        }
        assert_eq!(subject_from_key("nonsense"), None);
    }

    #[test]
    fn notice_keys_differ_per_event() {
        let a = notice_key(&["answer", "n1"]);
        assert_eq!(a.len(), 32);
        assert_eq!(a, notice_key(&["answer", "n1"]));
        assert_ne!(a, notice_key(&["answer", "n2"]));
        assert_ne!(notice_key(&["ab", "c"]), notice_key(&["a", "bc"]));
    }
}
