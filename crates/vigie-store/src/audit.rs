//! The audit log: an append-only, hash-chained record of everything that changed an outcome
//! (automated decisions, policy changes, key creation and revocation).
//!
//! `hash = BLAKE3(prev_hash || canonical bytes of the entry)`, the canonical bytes being the
//! entry's fields (sequence number included) serialised as JSON in a fixed order. Editing,
//! deleting or reordering any entry breaks the chain at that entry; the head row (last
//! sequence number and hash) also catches entries cut off the end.

use serde::Serialize;
use sqlx::AnyConnection;

use crate::{QueryContext, Result, Store, format_time, get, now_micros};

/// The hash before the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, as the caller describes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditEvent {
    /// Who did it: `key:<id>` for an API key, `cli:<user>` for the command line, `system`.
    pub actor: String,
    /// `decision`, `policy.change`, `key.create`, `key.revoke`…
    pub kind: String,
    /// What it is about: `decision:<id>`, `policy:<version>`, `key:<id>`.
    pub subject: String,
    pub policy_version: String,
    /// Detector and model versions (JSON), empty when they played no part.
    pub model_versions: String,
    /// Why: the decision's reason code, the admin's comment…
    pub reason: String,
    /// Anything else worth keeping, as JSON text (kept byte for byte, so hashing is stable).
    pub details: String,
}

/// One stored entry of the chain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub seq: i64,
    /// Unix microseconds.
    pub at: i64,
    pub actor: String,
    pub kind: String,
    pub subject: String,
    pub policy_version: String,
    pub model_versions: String,
    pub reason: String,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The fields that are hashed, in their fixed order.
#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    at: i64,
    actor: &'a str,
    kind: &'a str,
    subject: &'a str,
    policy_version: &'a str,
    model_versions: &'a str,
    reason: &'a str,
    details: &'a str,
}

/// An event's fields, borrowed: what the writer thread chains without copying them into an
/// [`AuditEvent`] first.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EventRef<'a> {
    pub(crate) actor: &'a str,
    pub(crate) kind: &'a str,
    pub(crate) subject: &'a str,
    pub(crate) policy_version: &'a str,
    pub(crate) model_versions: &'a str,
    pub(crate) reason: &'a str,
    pub(crate) details: &'a str,
}

impl<'a> From<&'a AuditEvent> for EventRef<'a> {
    fn from(e: &'a AuditEvent) -> Self {
        EventRef {
            actor: &e.actor,
            kind: &e.kind,
            subject: &e.subject,
            policy_version: &e.policy_version,
            model_versions: &e.model_versions,
            reason: &e.reason,
            details: &e.details,
        }
    }
}

/// `BLAKE3(prev_hash || canonical bytes)`, hex.
fn chain_hash(prev_hash: &str, seq: i64, at: i64, e: &AuditEvent) -> String {
    chain_hash_of(prev_hash, seq, at, EventRef::from(e))
}

fn chain_hash_of(prev_hash: &str, seq: i64, at: i64, e: EventRef<'_>) -> String {
    let canonical = Canonical {
        seq,
        at,
        actor: e.actor,
        kind: e.kind,
        subject: e.subject,
        policy_version: e.policy_version,
        model_versions: e.model_versions,
        reason: e.reason,
        details: e.details,
    };
    // Serialising a struct of strings and integers cannot fail.
    let bytes = serde_json::to_vec(&canonical).unwrap_or_default();
    let mut hasher = blake3::Hasher::new();
    match hex::decode(prev_hash) {
        Ok(prev) => hasher.update(&prev),
        // A stored prev_hash that is not hex is hashed as text so verification reports it
        // as a mismatch instead of failing.
        Err(_) => hasher.update(prev_hash.as_bytes()),
    };
    hasher.update(&bytes);
    hasher.finalize().to_hex().to_string()
}

/// The chain head, read under the lock that serialises appends, for one transaction.
pub(crate) struct ChainHead {
    seq: i64,
    hash: String,
}

impl ChainHead {
    /// Takes the append lock (first statement of the transaction is a write on the head row:
    /// a row lock on PostgreSQL, the database write lock on SQLite) and reads the head.
    pub(crate) async fn lock(conn: &mut AnyConnection) -> Result<ChainHead> {
        // One statement both locks and reads: every round trip counts when posts are
        // written in groups (each is a hand-off to the connection's thread on SQLite and a
        // network round trip on PostgreSQL).
        let row =
            sqlx::query("UPDATE audit_head SET touched_at = $1 WHERE id = 1 RETURNING seq, hash")
                .bind(now_micros())
                .fetch_one(&mut *conn)
                .await
                .ctx("locking the audit chain")?;
        ChainHead::from_row(&row)
    }

    /// The head as read by a caller that locked it itself (the `UPDATE … RETURNING seq,
    /// hash` of [`ChainHead::lock`], sent along with other statements).
    pub(crate) fn from_row(row: &sqlx::any::AnyRow) -> Result<ChainHead> {
        Ok(ChainHead {
            seq: get(row, "seq")?,
            hash: get(row, "hash")?,
        })
    }

    /// The head as read by the SQLite writer's own connection.
    pub(crate) fn new(seq: i64, hash: String) -> ChainHead {
        ChainHead { seq, hash }
    }

    /// Moves the head past one more entry (in memory; the caller inserts the entry and saves
    /// the head in the same transaction): the entry's sequence number and previous hash; its
    /// own hash is then [`ChainHead::hash`].
    pub(crate) fn advance(&mut self, event: EventRef<'_>, at: i64) -> (i64, String) {
        let seq = self.seq + 1;
        let hash = chain_hash_of(&self.hash, seq, at, event);
        self.seq = seq;
        (seq, std::mem::replace(&mut self.hash, hash))
    }

    pub(crate) fn seq(&self) -> i64 {
        self.seq
    }

    pub(crate) fn hash(&self) -> &str {
        &self.hash
    }

    /// Appends one entry (the head row is written by [`ChainHead::save`]).
    pub(crate) async fn append(
        &mut self,
        conn: &mut AnyConnection,
        event: &AuditEvent,
        at: i64,
    ) -> Result<AuditEntry> {
        let entry = self.chain(event, at);
        insert_entries(conn, std::slice::from_ref(&entry)).await?;
        Ok(entry)
    }

    /// The next entry of the chain, moving the head in memory only: the caller inserts it
    /// (with [`insert_entries`]) in the same transaction.
    pub(crate) fn chain(&mut self, event: &AuditEvent, at: i64) -> AuditEntry {
        let seq = self.seq + 1;
        let hash = chain_hash(&self.hash, seq, at, event);
        self.seq = seq;
        AuditEntry {
            seq,
            at,
            actor: event.actor.clone(),
            kind: event.kind.clone(),
            subject: event.subject.clone(),
            policy_version: event.policy_version.clone(),
            model_versions: event.model_versions.clone(),
            reason: event.reason.clone(),
            details: event.details.clone(),
            prev_hash: std::mem::replace(&mut self.hash, hash.clone()),
            hash,
        }
    }

    pub(crate) async fn save(&self, conn: &mut AnyConnection) -> Result<()> {
        sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1")
            .bind(self.seq)
            .bind(&self.hash)
            .execute(&mut *conn)
            .await
            .ctx("moving the audit chain head")?;
        Ok(())
    }
}

pub(crate) const ENTRY_COLUMNS: usize = 11;

/// `INSERT INTO audit_log …` for `rows` entries.
pub(crate) fn insert_entries_sql(
    rows: usize,
    placeholders: crate::decisions::Placeholders,
) -> String {
    format!(
        "INSERT INTO audit_log (seq, at, actor, kind, subject, policy_version, model_versions, reason, details, prev_hash, hash) VALUES {}",
        crate::decisions::values_from(rows, ENTRY_COLUMNS, placeholders)
    )
}

/// Binds `entries` in the column order of [`insert_entries_sql`].
pub(crate) fn bind_entries<'q>(
    mut q: crate::decisions::AnyQuery<'q>,
    entries: &[AuditEntry],
) -> crate::decisions::AnyQuery<'q> {
    for e in entries {
        q = q
            .bind(e.seq)
            .bind(e.at)
            .bind(&e.actor)
            .bind(&e.kind)
            .bind(&e.subject)
            .bind(&e.policy_version)
            .bind(&e.model_versions)
            .bind(&e.reason)
            .bind(&e.details)
            .bind(&e.prev_hash)
            .bind(&e.hash);
    }
    q
}

/// Inserts entries made by [`ChainHead::chain`], many per statement.
pub(crate) async fn insert_entries(conn: &mut AnyConnection, entries: &[AuditEntry]) -> Result<()> {
    for chunk in entries.chunks(crate::decisions::ROWS_PER_STATEMENT) {
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        let sql = insert_entries_sql(chunk.len(), crate::decisions::Placeholders::NumberedFrom(1));
        let q = sqlx::query(sqlx::AssertSqlSafe(sql));
        bind_entries(q, chunk)
            .execute(&mut *conn)
            .await
            .ctx("appending to the audit log")?;
    }
    Ok(())
}

/// Where the chain first breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Broken {
    /// Sequence number of the first entry that does not verify (or that is missing).
    pub seq: i64,
    pub problem: String,
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerifyReport {
    /// Entries that were read.
    pub entries: u64,
    pub head_seq: i64,
    pub head_hash: String,
    /// `None` when every entry verifies.
    pub broken: Option<Broken>,
}

impl std::fmt::Display for VerifyReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.broken {
            None => write!(
                f,
                "audit log OK: {} entries, head #{} {}",
                self.entries, self.head_seq, self.head_hash
            ),
            Some(b) => write!(
                f,
                "audit log BROKEN at entry #{}: {} ({} entries read)",
                b.seq, b.problem, self.entries
            ),
        }
    }
}

const VERIFY_PAGE: i64 = 2000;

fn entry_from_row(row: &sqlx::any::AnyRow) -> Result<AuditEntry> {
    Ok(AuditEntry {
        seq: get(row, "seq")?,
        at: get(row, "at")?,
        actor: get(row, "actor")?,
        kind: get(row, "kind")?,
        subject: get(row, "subject")?,
        policy_version: get(row, "policy_version")?,
        model_versions: get(row, "model_versions")?,
        reason: get(row, "reason")?,
        details: get(row, "details")?,
        prev_hash: get(row, "prev_hash")?,
        hash: get(row, "hash")?,
    })
}

impl Store {
    /// Appends one event to the audit log (serialised with every other append).
    pub async fn append_audit(&self, event: &AuditEvent) -> Result<AuditEntry> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting an audit append")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let entry = head.append(&mut tx, event, now_micros()).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing an audit append")?;
        Ok(entry)
    }

    /// Entries with `seq > after`, oldest first.
    pub async fn audit_entries(&self, after: i64, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query("SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2")
            .bind(after)
            .bind(limit)
            .fetch_all(self.pool())
            .await
            .ctx("reading the audit log")?;
        rows.iter().map(entry_from_row).collect()
    }

    /// Checks the whole chain, page by page, and names the first entry that breaks it.
    pub async fn verify_audit(&self) -> Result<VerifyReport> {
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(self.pool())
            .await
            .ctx("reading the audit chain head")?;
        let head_seq: i64 = get(&head, "seq")?;
        let head_hash: String = get(&head, "hash")?;
        let mut report = VerifyReport {
            entries: 0,
            head_seq,
            head_hash: head_hash.clone(),
            broken: None,
        };
        let mut expected_seq = 1i64;
        let mut prev_hash = GENESIS_HASH.to_string();
        let mut after = i64::MIN;
        loop {
            let page = self.audit_entries(after, VERIFY_PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            for e in &page {
                report.entries += 1;
                let problem = if e.seq != expected_seq {
                    Some((
                        expected_seq.min(e.seq),
                        format!(
                            "expected entry #{expected_seq}, found #{} (entry missing or moved)",
                            e.seq
                        ),
                    ))
                } else if e.prev_hash != prev_hash {
                    Some((e.seq, "its prev_hash is not the previous entry's hash (entry removed, inserted or moved)".to_string()))
                } else {
                    (chain_hash(&e.prev_hash, e.seq, e.at, &AuditEvent::from(e)) != e.hash).then(
                        || {
                            (
                                e.seq,
                                format!(
                                    "its content does not match its hash (entry of {} edited)",
                                    format_time(e.at)
                                ),
                            )
                        },
                    )
                };
                if let Some((seq, problem)) = problem {
                    report.broken = Some(Broken { seq, problem });
                    return Ok(report);
                }
                expected_seq += 1;
                prev_hash = e.hash.clone();
            }
        }
        let last_seq = expected_seq - 1;
        if last_seq != head_seq || prev_hash != head_hash {
            report.broken = Some(Broken {
                seq: last_seq + 1,
                problem: format!(
                    "the chain ends at #{last_seq} but its head says #{head_seq} (entries cut off the end, or head edited)"
                ),
            });
        }
        Ok(report)
    }
}

impl From<&AuditEntry> for AuditEvent {
    fn from(e: &AuditEntry) -> Self {
        AuditEvent {
            actor: e.actor.clone(),
            kind: e.kind.clone(),
            subject: e.subject.clone(),
            policy_version: e.policy_version.clone(),
            model_versions: e.model_versions.clone(),
            reason: e.reason.clone(),
            details: e.details.clone(),
        }
    }
}
