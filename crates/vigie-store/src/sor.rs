//! Statements of reasons: built lazily from stored decisions (automated restrictions) and
//! moderators' case decisions, validated against the DSA schema, stored on first build with
//! their puid (never given to another restriction), exported in batches, and the receipts of
//! their submission.
//!
//! Nothing here runs on the post path: statements are built when they are exported or asked
//! for ([`Store::statement_for_case`]).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;
use sqlx::any::AnyRow;
use vigie_policy::{Action, Decision};
use vigie_report::{
    Decider, DetectionSource, Restriction, Schema, SorConfig, SorError, StatementOfReasons,
    puid_for_case_decision, puid_for_decision,
};
use vigie_review::{Case, ModeratorDecision, Subject};

use crate::decisions::values_clause;
use crate::{QueryContext, Result, Store, StoreError, get, now_micros, random_id};

/// Actions of automated decisions that restrict the content (each gets a statement).
const RESTRICTING_ACTIONS: [&str; 5] = [
    "label",
    "demote",
    "hold_for_review",
    "remove",
    "escalate_urgent",
];

pub const STATE_EXPORTED: &str = "exported";
pub const STATE_SUBMITTED: &str = "submitted";
pub const STATE_REJECTED: &str = "rejected";
pub const STATE_FAILED: &str = "failed";

/// The embedded DSA schema, read once (it is immutable, so sharing it is safe).
pub fn sor_schema() -> Result<&'static Schema> {
    static SCHEMA: OnceLock<std::result::Result<Schema, String>> = OnceLock::new();
    SCHEMA
        .get_or_init(|| Schema::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| StoreError::Invalid {
            what: "DSA schema",
            detail: e.clone(),
        })
}

/// A statement as stored, with where it is in its submission.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredStatement {
    pub puid: String,
    /// `decision` or `case_decision`.
    pub kind: String,
    /// The stored decision's id, or the case decision's id (`{case}/d{n}`).
    pub restriction_id: String,
    pub case_id: Option<String>,
    pub applied_at: i64,
    pub source: DetectionSource,
    pub statement: StatementOfReasons,
    pub state: String,
    pub batch_id: Option<String>,
    pub submitted_at: Option<i64>,
    /// The Transparency Database's id for it, from the receipt.
    pub remote_id: Option<String>,
    pub last_error: Option<String>,
}

/// A restriction whose statement could not be built or does not validate (it is not stored
/// and not exported; the error says which field breaks which rule).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RefusedStatement {
    pub restriction_id: String,
    pub error: String,
}

/// The statements of a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StatementSet {
    /// Oldest first.
    pub statements: Vec<StoredStatement>,
    pub refused: Vec<RefusedStatement>,
}

/// An export batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SorBatch {
    pub id: String,
    pub created_at: i64,
    pub puids: Vec<String>,
    pub file: Option<String>,
    /// exported, submitted, rejected, failed.
    pub state: String,
    pub attempts: i64,
}

/// One submission attempt.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SorReceipt {
    pub batch_id: String,
    pub attempt: i64,
    pub endpoint: String,
    /// HTTP status; 0 when no answer came (network error).
    pub status: i64,
    pub body: String,
    pub at: i64,
}

/// What happened to one statement of a submitted batch.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementOutcome {
    Submitted {
        remote_id: Option<String>,
    },
    Rejected {
        error: String,
    },
    /// Not accepted, through no fault of its own (another statement of the batch was
    /// refused, or the endpoint failed): exported again by the next submission.
    NotSent {
        error: String,
    },
}

/// A restriction to build a statement for, and what it is.
struct Pending {
    kind: &'static str,
    restriction_id: String,
    case_id: Option<String>,
    restriction: Restriction,
}

fn corrupt(what: &'static str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: e.to_string(),
    }
}

const STATEMENT_COLUMNS: &str = "puid, kind, restriction_id, case_id, applied_at, source, statement, state, batch_id, submitted_at, remote_id, last_error";

fn statement_from_row(row: &AnyRow) -> Result<StoredStatement> {
    let json: String = get(row, "statement")?;
    let source: String = get(row, "source")?;
    Ok(StoredStatement {
        puid: get(row, "puid")?,
        kind: get(row, "kind")?,
        restriction_id: get(row, "restriction_id")?,
        case_id: get(row, "case_id")?,
        applied_at: get(row, "applied_at")?,
        source: DetectionSource::from_notifier_kind(&source),
        statement: serde_json::from_str(&json).map_err(|e| corrupt("statement of reasons", e))?,
        state: get(row, "state")?,
        batch_id: get(row, "batch_id")?,
        submitted_at: get(row, "submitted_at")?,
        remote_id: get(row, "remote_id")?,
        last_error: get(row, "last_error")?,
    })
}

/// The restriction of an automated decision, if it restricts anything.
fn automated_restriction(
    decision_id: &str,
    d: &Decision,
    posted_at: i64,
    decided_at: i64,
) -> Restriction {
    Restriction {
        puid: puid_for_decision(decision_id),
        decider: Decider::Automated { action: d.action },
        category: d.category,
        reason_code: d
            .reason_code
            .as_deref()
            .map_or_else(|| format!("automated.{}", d.action.name()), str::to_string),
        source: DetectionSource::Automated,
        automated_detection: true,
        content_at: posted_at,
        applied_at: decided_at,
        lang: Some(d.lang.to_string()),
        policy_version: Some(d.policy_version.to_string()),
    }
}

/// The decisions of a case that took effect (first decisions a second review overrode did
/// not).
fn effective_decisions(case: &Case) -> impl Iterator<Item = &ModeratorDecision> {
    let overridden: HashSet<&str> = case
        .decisions
        .iter()
        .filter_map(|d| d.overrides.as_deref())
        .collect();
    case.decisions
        .iter()
        .filter(move |d| !overridden.contains(d.id.as_str()))
}

/// How the content of a case came to attention: the earliest of vigie's flag, users' reports
/// and notices (`notices`: kind and receipt time of the notices naming the case).
pub(crate) fn case_source(case: &Case, notices: &[(String, i64)]) -> DetectionSource {
    let mut first: Option<(i64, DetectionSource)> = None;
    let mut consider = |at: i64, source: DetectionSource| {
        if first.is_none_or(|(t, _)| at < t) {
            first = Some((at, source));
        }
    };
    if case
        .automated
        .as_ref()
        .is_some_and(|d| d.action != Action::Allow)
    {
        consider(case.created_at, DetectionSource::Automated);
    }
    for report in &case.reports {
        consider(report.received_at, DetectionSource::User);
    }
    for (kind, at) in notices {
        consider(*at, DetectionSource::from_notifier_kind(kind));
    }
    for notice in &case.notices {
        // Notices stored on the case without a row in `notices` (older data): kind unknown.
        if !notices.iter().any(|(_, at)| *at == notice.received_at) {
            consider(notice.received_at, DetectionSource::Other);
        }
    }
    first.map(|(_, s)| s).unwrap_or(DetectionSource::Other)
}

fn case_restrictions(
    case: &Case,
    notices: &[(String, i64)],
    posted_at: Option<i64>,
    since: i64,
    until: i64,
) -> Vec<Pending> {
    let source = case_source(case, notices);
    let automated_detection = case
        .automated
        .as_ref()
        .is_some_and(|d| d.action != Action::Allow);
    effective_decisions(case)
        .filter(|d| d.decided_at >= since && d.decided_at < until && d.action.is_adverse())
        .map(|d| Pending {
            kind: "case_decision",
            restriction_id: d.id.clone(),
            case_id: Some(case.id.clone()),
            restriction: Restriction {
                puid: puid_for_case_decision(&d.id),
                decider: Decider::Moderator { action: d.action },
                category: d
                    .categories
                    .first()
                    .copied()
                    .or_else(|| case.automated.as_ref().and_then(|a| a.category))
                    .or_else(|| case.flagged_categories().first().copied()),
                reason_code: d.reason_code.clone(),
                source,
                automated_detection,
                content_at: posted_at.unwrap_or(case.created_at),
                applied_at: d.decided_at,
                lang: case.lang.clone(),
                policy_version: case
                    .automated
                    .as_ref()
                    .map(|a| a.policy_version.to_string()),
            },
        })
        .collect()
}

impl Store {
    /// The statement of reasons of a case's latest restriction (a moderator's decision that
    /// took effect and restricts something), built and stored on first call; `None` when the
    /// case does not exist or restricts nothing. Uses the default [`SorConfig`].
    pub async fn statement_for_case(&self, case_id: &str) -> Result<Option<StoredStatement>> {
        self.statement_for_case_with(case_id, &SorConfig::default())
            .await
    }

    /// [`Store::statement_for_case`] with the platform's settings.
    pub async fn statement_for_case_with(
        &self,
        case_id: &str,
        config: &SorConfig,
    ) -> Result<Option<StoredStatement>> {
        let Some(case) = self.case(case_id).await? else {
            return Ok(None);
        };
        let notices = self.notices_of_cases(&[case.id.as_str()]).await?;
        let posted = self.posted_at(&case).await?;
        let pending = case_restrictions(
            &case,
            notices
                .get(case.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]),
            posted,
            i64::MIN,
            i64::MAX,
        );
        let Some(last) = pending.into_iter().next_back() else {
            return Ok(None);
        };
        let set = self.store_statements(vec![last], config).await?;
        if let Some(refused) = set.refused.first() {
            return Err(StoreError::Invalid {
                what: "statement of reasons",
                detail: refused.error.clone(),
            });
        }
        Ok(set.statements.into_iter().next())
    }

    /// The statement of an automated decision, built and stored on first call; `None` when
    /// there is no such decision or it restricts nothing.
    pub async fn statement_for_decision(
        &self,
        decision_id: &str,
        config: &SorConfig,
    ) -> Result<Option<StoredStatement>> {
        let row = sqlx::query(
            "SELECT d.id, d.decision, d.created_at, p.received_at FROM decisions d
             JOIN posts p ON p.platform = d.platform AND p.post_id = d.post_id WHERE d.id = $1",
        )
        .bind(decision_id)
        .fetch_optional(self.pool())
        .await
        .ctx("reading a decision")?;
        let Some(row) = row else { return Ok(None) };
        let pending = automated_pending(&row)?;
        let Some(pending) = pending else {
            return Ok(None);
        };
        let set = self.store_statements(vec![pending], config).await?;
        if let Some(refused) = set.refused.first() {
            return Err(StoreError::Invalid {
                what: "statement of reasons",
                detail: refused.error.clone(),
            });
        }
        Ok(set.statements.into_iter().next())
    }

    /// A stored statement by its puid.
    pub async fn statement(&self, puid: &str) -> Result<Option<StoredStatement>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {STATEMENT_COLUMNS} FROM sor_statements WHERE puid = $1"
        )))
        .bind(puid)
        .fetch_optional(self.pool())
        .await
        .ctx("reading a statement of reasons")?;
        row.as_ref().map(statement_from_row).transpose()
    }

    /// Every restriction applied in `[since, until)` with its statement: statements stored
    /// before are returned as stored; the others are built, validated and stored. A
    /// restriction whose statement does not validate is listed in `refused`, not stored.
    pub async fn statements_between(
        &self,
        since: i64,
        until: i64,
        config: &SorConfig,
    ) -> Result<StatementSet> {
        let mut pending = Vec::new();
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT d.id, d.decision, d.created_at, p.received_at FROM decisions d
             JOIN posts p ON p.platform = d.platform AND p.post_id = d.post_id
             WHERE d.created_at >= $1 AND d.created_at < $2 AND d.action IN ({})
             ORDER BY d.created_at, d.id",
            (3..3 + RESTRICTING_ACTIONS.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ")
        )))
        .bind(since)
        .bind(until);
        let mut q = rows;
        for a in RESTRICTING_ACTIONS {
            q = q.bind(a);
        }
        for row in q
            .fetch_all(self.pool())
            .await
            .ctx("reading restricting decisions")?
        {
            if let Some(p) = automated_pending(&row)? {
                pending.push(p);
            }
        }
        // Moderators' decisions: a case decided in the period was updated then or later.
        let rows = sqlx::query("SELECT body FROM cases WHERE updated_at >= $1 ORDER BY id")
            .bind(since)
            .fetch_all(self.pool())
            .await
            .ctx("reading decided cases")?;
        let mut cases = Vec::new();
        for row in &rows {
            let body: String = get(row, "body")?;
            let case: Case = serde_json::from_str(&body).map_err(|e| corrupt("case", e))?;
            if case
                .decisions
                .iter()
                .any(|d| d.decided_at >= since && d.decided_at < until)
            {
                cases.push(case);
            }
        }
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        let notices = self.notices_of_cases(&ids).await?;
        for case in &cases {
            let posted = self.posted_at(case).await?;
            pending.extend(case_restrictions(
                case,
                notices
                    .get(case.id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[]),
                posted,
                since,
                until,
            ));
        }
        let mut set = self.store_statements(pending, config).await?;
        set.statements
            .sort_by(|a, b| (a.applied_at, &a.puid).cmp(&(b.applied_at, &b.puid)));
        Ok(set)
    }

    /// When a case's post was received (None for accounts, or posts not stored).
    async fn posted_at(&self, case: &Case) -> Result<Option<i64>> {
        let Subject::Post {
            platform, post_id, ..
        } = &case.subject
        else {
            return Ok(None);
        };
        sqlx::query_scalar("SELECT received_at FROM posts WHERE platform = $1 AND post_id = $2")
            .bind(platform)
            .bind(post_id)
            .fetch_optional(self.pool())
            .await
            .ctx("reading when a post was received")
    }

    /// Kind and receipt time of the notices naming each case.
    pub(crate) async fn notices_of_cases(
        &self,
        case_ids: &[&str],
    ) -> Result<HashMap<String, Vec<(String, i64)>>> {
        let mut out: HashMap<String, Vec<(String, i64)>> = HashMap::new();
        for chunk in case_ids.chunks(500) {
            let placeholders = (1..=chunk.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            // Safe: the text holds only fixed fragments and placeholders; every value is bound.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT i.case_id, n.kind, n.received_at FROM notice_items i
                 JOIN notices n ON n.id = i.notice_id WHERE i.case_id IN ({placeholders})"
            )));
            for id in chunk {
                q = q.bind(*id);
            }
            for row in q
                .fetch_all(self.pool())
                .await
                .ctx("reading the notices of cases")?
            {
                out.entry(get(&row, "case_id")?)
                    .or_default()
                    .push((get(&row, "kind")?, get(&row, "received_at")?));
            }
        }
        Ok(out)
    }

    /// Returns the stored statement of each restriction, building, validating and storing
    /// those not stored yet (in one transaction per chunk).
    async fn store_statements(
        &self,
        pending: Vec<Pending>,
        config: &SorConfig,
    ) -> Result<StatementSet> {
        let schema = sor_schema()?;
        let mut set = StatementSet::default();
        for chunk in pending.chunks(500) {
            let placeholders = (1..=chunk.len())
                .map(|i| format!("${i}"))
                .collect::<Vec<_>>()
                .join(", ");
            // Safe: the text holds only fixed fragments and placeholders; every value is bound.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {STATEMENT_COLUMNS} FROM sor_statements WHERE puid IN ({placeholders})"
            )));
            for p in chunk {
                q = q.bind(&p.restriction.puid);
            }
            let mut stored: HashMap<String, StoredStatement> = HashMap::new();
            for row in q
                .fetch_all(self.pool())
                .await
                .ctx("reading stored statements")?
            {
                let s = statement_from_row(&row)?;
                stored.insert(s.puid.clone(), s);
            }
            let now = now_micros();
            let mut new = Vec::new();
            for p in chunk {
                if let Some(s) = stored.remove(&p.restriction.puid) {
                    set.statements.push(s);
                    continue;
                }
                let built = StatementOfReasons::build(&p.restriction, config, schema)
                    .and_then(|s| s.validate(schema).map(|()| s));
                match built {
                    Ok(statement) => new.push(StoredStatement {
                        puid: p.restriction.puid.clone(),
                        kind: p.kind.to_string(),
                        restriction_id: p.restriction_id.clone(),
                        case_id: p.case_id.clone(),
                        applied_at: p.restriction.applied_at,
                        source: p.restriction.source,
                        statement,
                        state: STATE_EXPORTED.to_string(),
                        batch_id: None,
                        submitted_at: None,
                        remote_id: None,
                        last_error: None,
                    }),
                    Err(SorError::NotARestriction { .. }) => {}
                    Err(e) => set.refused.push(RefusedStatement {
                        restriction_id: p.restriction_id.clone(),
                        error: e.to_string(),
                    }),
                }
            }
            if new.is_empty() {
                continue;
            }
            let _guard = self.write_lock.lock().await;
            let mut tx = self
                .pool()
                .begin()
                .await
                .ctx("starting to store statements")?;
            for rows in new.chunks(100) {
                let sql = format!(
                    "INSERT INTO sor_statements (puid, kind, restriction_id, case_id, applied_at,
                        source, category, automated_decision, statement, created_at, state)
                     VALUES {} ON CONFLICT (puid) DO NOTHING",
                    values_clause(rows.len(), 11)
                );
                // Safe: the text holds only fixed fragments and placeholders; every value is bound.
                let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
                for s in rows {
                    let json =
                        serde_json::to_string(&s.statement).map_err(|e| StoreError::Invalid {
                            what: "statement of reasons",
                            detail: e.to_string(),
                        })?;
                    q = q
                        .bind(&s.puid)
                        .bind(&s.kind)
                        .bind(&s.restriction_id)
                        .bind(&s.case_id)
                        .bind(s.applied_at)
                        .bind(s.source.name())
                        .bind(&s.statement.category)
                        .bind(&s.statement.automated_decision)
                        .bind(json)
                        .bind(now)
                        .bind(STATE_EXPORTED);
                }
                q.execute(&mut *tx).await.ctx("storing statements")?;
            }
            tx.commit().await.ctx("committing statements")?;
            set.statements.extend(new);
        }
        Ok(set)
    }

    /// Records an export batch of statements (at most 100, the Transparency Database's
    /// limit) and returns its id.
    pub async fn record_sor_batch(&self, puids: &[String], file: Option<&str>) -> Result<SorBatch> {
        if puids.is_empty() || puids.len() > 100 {
            return Err(StoreError::Invalid {
                what: "statement batch",
                detail: format!("a batch holds 1 to 100 statements, not {}", puids.len()),
            });
        }
        let now = now_micros();
        let batch = SorBatch {
            id: random_id(),
            created_at: now,
            puids: puids.to_vec(),
            file: file.map(str::to_string),
            state: STATE_EXPORTED.to_string(),
            attempts: 0,
        };
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to record a batch")?;
        sqlx::query(
            "INSERT INTO sor_batches (id, created_at, statements, puids, file, state, attempts, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, 0, $2)",
        )
        .bind(&batch.id)
        .bind(now)
        .bind(puids.len() as i64)
        .bind(serde_json::Value::from(puids.to_vec()).to_string())
        .bind(&batch.file)
        .bind(STATE_EXPORTED)
        .execute(&mut *tx)
        .await
        .ctx("recording a batch")?;
        for puid in puids {
            sqlx::query("UPDATE sor_statements SET batch_id = $1 WHERE puid = $2")
                .bind(&batch.id)
                .bind(puid)
                .execute(&mut *tx)
                .await
                .ctx("assigning statements to a batch")?;
        }
        tx.commit().await.ctx("committing a batch")?;
        Ok(batch)
    }

    /// Records one submission attempt of a batch (its receipt).
    pub async fn record_sor_receipt(&self, receipt: &SorReceipt) -> Result<()> {
        let _guard = self.write_lock.lock().await;
        sqlx::query(
            "INSERT INTO sor_receipts (id, batch_id, attempt, endpoint, status, body, at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(random_id())
        .bind(&receipt.batch_id)
        .bind(receipt.attempt)
        .bind(&receipt.endpoint)
        .bind(receipt.status)
        .bind(&receipt.body)
        .bind(receipt.at)
        .execute(self.pool())
        .await
        .ctx("recording a submission receipt")?;
        Ok(())
    }

    /// Records how a batch's submission ended: the batch's state and attempts, and each
    /// statement's outcome.
    pub async fn finish_sor_batch(
        &self,
        batch_id: &str,
        state: &str,
        attempts: i64,
        outcomes: &[(String, StatementOutcome)],
    ) -> Result<()> {
        let now = now_micros();
        let _guard = self.write_lock.lock().await;
        let mut tx = self
            .pool()
            .begin()
            .await
            .ctx("starting to record a submission")?;
        sqlx::query(
            "UPDATE sor_batches SET state = $1, attempts = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(state)
        .bind(attempts)
        .bind(now)
        .bind(batch_id)
        .execute(&mut *tx)
        .await
        .ctx("recording a batch's state")?;
        for (puid, outcome) in outcomes {
            let (state, remote_id, error, submitted_at) = match outcome {
                StatementOutcome::Submitted { remote_id } => {
                    (STATE_SUBMITTED, remote_id.clone(), None, Some(now))
                }
                StatementOutcome::Rejected { error } => {
                    (STATE_REJECTED, None, Some(error.clone()), None)
                }
                StatementOutcome::NotSent { error } => {
                    (STATE_FAILED, None, Some(error.clone()), None)
                }
            };
            sqlx::query(
                "UPDATE sor_statements SET state = $1, remote_id = $2, last_error = $3,
                    submitted_at = $4 WHERE puid = $5 AND state <> $6",
            )
            .bind(state)
            .bind(remote_id)
            .bind(error)
            .bind(submitted_at)
            .bind(puid)
            .bind(STATE_SUBMITTED)
            .execute(&mut *tx)
            .await
            .ctx("recording a statement's submission")?;
        }
        tx.commit().await.ctx("committing a submission")?;
        Ok(())
    }

    /// A batch by id.
    pub async fn sor_batch(&self, id: &str) -> Result<Option<SorBatch>> {
        let row = sqlx::query(
            "SELECT id, created_at, puids, file, state, attempts FROM sor_batches WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await
        .ctx("reading a batch")?;
        row.as_ref()
            .map(|row| {
                let puids: String = get(row, "puids")?;
                Ok(SorBatch {
                    id: get(row, "id")?,
                    created_at: get(row, "created_at")?,
                    puids: serde_json::from_str(&puids).map_err(|e| corrupt("batch", e))?,
                    file: get(row, "file")?,
                    state: get(row, "state")?,
                    attempts: get(row, "attempts")?,
                })
            })
            .transpose()
    }

    /// Every attempt to submit a batch, in order.
    pub async fn sor_receipts(&self, batch_id: &str) -> Result<Vec<SorReceipt>> {
        let rows = sqlx::query(
            "SELECT batch_id, attempt, endpoint, status, body, at FROM sor_receipts
             WHERE batch_id = $1 ORDER BY attempt, at",
        )
        .bind(batch_id)
        .fetch_all(self.pool())
        .await
        .ctx("reading receipts")?;
        rows.iter()
            .map(|row| {
                Ok(SorReceipt {
                    batch_id: get(row, "batch_id")?,
                    attempt: get(row, "attempt")?,
                    endpoint: get(row, "endpoint")?,
                    status: get(row, "status")?,
                    body: get(row, "body")?,
                    at: get(row, "at")?,
                })
            })
            .collect()
    }
}

fn automated_pending(row: &AnyRow) -> Result<Option<Pending>> {
    let id: String = get(row, "id")?;
    let json: String = get(row, "decision")?;
    let decision: Decision = serde_json::from_str(&json).map_err(|e| corrupt("decision", e))?;
    if decision.action == Action::Allow {
        return Ok(None);
    }
    let restriction = automated_restriction(
        &id,
        &decision,
        get(row, "received_at")?,
        get(row, "created_at")?,
    );
    Ok(Some(Pending {
        kind: "decision",
        restriction_id: id,
        case_id: None,
        restriction,
    }))
}
