//! Posts and their decisions. A post is stored once per (platform, post id): submitting it
//! again gives back the decision stored the first time.

use std::sync::Arc;

use serde::Serialize;
use sqlx::AnyPool;
use sqlx::any::AnyRow;
use tokio::sync::{mpsc, oneshot};
use vigie_policy::{Action, Decision, PostContext};
use vigie_review::{Case, ReviewConfig};

use std::collections::{HashMap, HashSet};

use crate::audit::{AuditEvent, ChainHead, insert_entries};
use crate::{QueryContext, Result, Store, StoreError, get, now_micros, random_id};

/// A post with the decision the engine made on it, to be stored.
#[derive(Debug, Clone, Copy)]
pub struct NewPost<'a> {
    pub platform: &'a str,
    pub post_id: &'a str,
    pub author: Option<&'a str>,
    pub text: &'a str,
    pub context: &'a PostContext,
    pub decision: &'a Decision,
}

/// A decision as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDecision {
    pub id: String,
    pub platform: String,
    pub post_id: String,
    pub author: Option<String>,
    /// Unix microseconds.
    pub created_at: i64,
    pub decision: Decision,
}

/// The outcome of storing one post.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub decision: StoredDecision,
    /// The post had been stored before: this is the decision made then, not a new one.
    pub replayed: bool,
}

/// A stored post with its stored decision, for backtests.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPost {
    pub platform: String,
    pub post_id: String,
    pub author: Option<String>,
    pub text: String,
    pub context: PostContext,
    pub received_at: i64,
    pub decision_id: String,
    pub action: String,
}

/// Which decisions to list, oldest first.
#[derive(Debug, Clone, Default)]
pub struct DecisionFilter {
    pub author: Option<String>,
    /// Unix microseconds, inclusive.
    pub since: Option<i64>,
    /// Unix microseconds, exclusive.
    pub until: Option<i64>,
    /// From a previous page's `next_cursor`.
    pub cursor: Option<String>,
    pub limit: u32,
}

/// One page of decisions.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionPage {
    pub items: Vec<StoredDecision>,
    /// Pass it back as `cursor` for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

const SELECT_BY_POST: &str = "SELECT id, platform, post_id, author, created_at, decision
     FROM decisions WHERE platform = $1 AND post_id = $2";
const SELECT_BY_ID: &str =
    "SELECT id, platform, post_id, author, created_at, decision FROM decisions WHERE id = $1";
const SELECT_ALL: &str =
    "SELECT id, platform, post_id, author, created_at, decision FROM decisions WHERE 1 = 1";

fn decision_from_row(row: &AnyRow) -> Result<StoredDecision> {
    let json: String = get(row, "decision")?;
    let decision = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
        what: "decision",
        detail: e.to_string(),
    })?;
    Ok(StoredDecision {
        id: get(row, "id")?,
        platform: get(row, "platform")?,
        post_id: get(row, "post_id")?,
        author: get(row, "author")?,
        created_at: get(row, "created_at")?,
        decision,
    })
}

/// Keyset cursor: the (created_at, id) of the last item of a page.
fn encode_cursor(d: &StoredDecision) -> String {
    format!("{}.{}", d.created_at, d.id)
}

fn decode_cursor(cursor: &str) -> Result<(i64, String)> {
    let invalid = || StoreError::Invalid {
        what: "cursor",
        detail: format!("{cursor:?} was not produced by this server"),
    };
    let (at, id) = cursor.split_once('.').ok_or_else(invalid)?;
    let at = at.parse::<i64>().map_err(|_| invalid())?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    Ok((at, id.to_string()))
}

impl Store {
    /// The decision stored for a post, if it was stored.
    pub async fn decision_for_post(
        &self,
        platform: &str,
        post_id: &str,
    ) -> Result<Option<StoredDecision>> {
        let row = sqlx::query(SELECT_BY_POST)
            .bind(platform)
            .bind(post_id)
            .fetch_optional(self.pool())
            .await
            .ctx("reading a post's decision")?;
        row.as_ref().map(decision_from_row).transpose()
    }

    /// A decision by its id.
    pub async fn decision(&self, id: &str) -> Result<Option<StoredDecision>> {
        let row = sqlx::query(SELECT_BY_ID)
            .bind(id)
            .fetch_optional(self.pool())
            .await
            .ctx("reading a decision")?;
        row.as_ref().map(decision_from_row).transpose()
    }

    /// Stores posts with their decisions and one audit entry per new decision; when this
    /// returns, all of it is durable. A post already stored (same platform and id, now or by
    /// a concurrent writer) is not stored again; its first decision is returned with
    /// `replayed = true`.
    ///
    /// Concurrent calls are committed together (group commit): the store's writer task takes
    /// every call waiting when it starts a transaction, so one fsync serves them all. The
    /// write happens in that task, so it completes even if the caller stops waiting.
    pub async fn record_posts(
        &self,
        posts: &[NewPost<'_>],
        actor: &str,
        model_versions: &str,
    ) -> Result<Vec<Recorded>> {
        let posts = posts
            .iter()
            .map(|p| {
                Ok(OwnedPost {
                    platform: p.platform.to_string(),
                    post_id: p.post_id.to_string(),
                    author: p.author.map(str::to_string),
                    text: p.text.to_string(),
                    context: serde_json::to_string(p.context).map_err(|e| StoreError::Invalid {
                        what: "post context",
                        detail: e.to_string(),
                    })?,
                    reach: p.context.reach,
                    decision: p.decision.clone(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let (reply, result) = oneshot::channel();
        let job = WriteJob {
            posts,
            actor: actor.to_string(),
            model_versions: model_versions.to_string(),
            reply,
        };
        self.writer
            .send(job)
            .await
            .map_err(|_| StoreError::Closed)?;
        result.await.map_err(|_| StoreError::Closed)?
    }
    /// Decisions matching a filter, oldest first, one page at a time (keyset pagination on
    /// (created_at, id), so pages stay consistent while new decisions arrive).
    pub async fn list_decisions(&self, filter: &DecisionFilter) -> Result<DecisionPage> {
        let limit = filter.limit.clamp(1, 1000);
        let mut sql = SELECT_ALL.to_string();
        // Conditions are added only when set: PostgreSQL cannot type a `$n IS NULL` parameter
        // that carries no value.
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        if filter.author.is_some() {
            sql += &format!(" AND author = {}", next());
        }
        if filter.since.is_some() {
            sql += &format!(" AND created_at >= {}", next());
        }
        if filter.until.is_some() {
            sql += &format!(" AND created_at < {}", next());
        }
        let cursor = filter.cursor.as_deref().map(decode_cursor).transpose()?;
        if cursor.is_some() {
            let (a, b, c) = (next(), next(), next());
            sql += &format!(" AND (created_at > {a} OR (created_at = {b} AND id > {c}))");
        }
        sql += &format!(" ORDER BY created_at, id LIMIT {}", next());
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        if let Some(a) = &filter.author {
            q = q.bind(a);
        }
        if let Some(s) = filter.since {
            q = q.bind(s);
        }
        if let Some(u) = filter.until {
            q = q.bind(u);
        }
        if let Some((at, id)) = &cursor {
            q = q.bind(*at).bind(*at).bind(id.as_str());
        }
        q = q.bind(i64::from(limit) + 1);
        let rows = q.fetch_all(self.pool()).await.ctx("listing decisions")?;
        let mut items = rows
            .iter()
            .map(decision_from_row)
            .collect::<Result<Vec<_>>>()?;
        let next_cursor = if items.len() > limit as usize {
            items.truncate(limit as usize);
            items.last().map(encode_cursor)
        } else {
            None
        };
        Ok(DecisionPage { items, next_cursor })
    }

    /// Stored posts received in `[since, until)`, oldest first, at most `limit`.
    pub async fn posts_between(
        &self,
        since: i64,
        until: i64,
        limit: u32,
    ) -> Result<Vec<StoredPost>> {
        let rows = sqlx::query(
            "SELECT p.platform, p.post_id, p.author, p.text, p.context, p.received_at,
                    d.id AS decision_id, d.action
             FROM posts p JOIN decisions d ON d.platform = p.platform AND d.post_id = p.post_id
             WHERE p.received_at >= $1 AND p.received_at < $2
             ORDER BY p.received_at, p.platform, p.post_id
             LIMIT $3",
        )
        .bind(since)
        .bind(until)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .ctx("reading posts for a backtest")?;
        rows.iter()
            .map(|row| {
                let context: String = get(row, "context")?;
                Ok(StoredPost {
                    platform: get(row, "platform")?,
                    post_id: get(row, "post_id")?,
                    author: get(row, "author")?,
                    text: get(row, "text")?,
                    context: serde_json::from_str(&context).map_err(|e| StoreError::Corrupt {
                        what: "post context",
                        detail: e.to_string(),
                    })?,
                    received_at: get(row, "received_at")?,
                    decision_id: get(row, "decision_id")?,
                    action: get(row, "action")?,
                })
            })
            .collect()
    }
}

/// A post to store, owned so that it can travel to the writer task.
#[derive(Debug)]
struct OwnedPost {
    platform: String,
    post_id: String,
    author: Option<String>,
    text: String,
    /// `PostContext` as JSON.
    context: String,
    /// `context.reach`, for the priority of a case opened on the post.
    reach: Option<u64>,
    decision: Decision,
}

/// One `record_posts` call waiting for the writer task.
pub(crate) struct WriteJob {
    posts: Vec<OwnedPost>,
    actor: String,
    model_versions: String,
    reply: oneshot::Sender<Result<Vec<Recorded>>>,
}

/// Most posts committed in one transaction.
const MAX_GROUP_POSTS: usize = 512;

/// The writer task: commits waiting jobs in groups until every `Store` handle is dropped.
pub(crate) async fn run_writer(
    pool: AnyPool,
    write_lock: Arc<tokio::sync::Mutex<()>>,
    review: crate::SharedReviewConfig,
    mut jobs: mpsc::Receiver<WriteJob>,
) {
    while let Some(first) = jobs.recv().await {
        let mut group = vec![first];
        let mut posts = group[0].posts.len();
        while posts < MAX_GROUP_POSTS {
            match jobs.try_recv() {
                Ok(job) => {
                    posts += job.posts.len();
                    group.push(job);
                }
                Err(_) => break,
            }
        }
        let _guard = write_lock.lock().await;
        let config = review
            .read()
            .map(|c| c.clone())
            .unwrap_or_else(|p| std::sync::Arc::clone(&p.into_inner()));
        match commit_group(&pool, &group, &config).await {
            Ok(results) => {
                for (job, recorded) in group.into_iter().zip(results) {
                    // The caller may have stopped waiting; its posts are stored regardless.
                    let _ = job.reply.send(Ok(recorded));
                }
            }
            Err(e) if group.len() == 1 => {
                let _ = group.remove(0).reply.send(Err(e));
            }
            Err(_) => {
                // One job's failure must not fail the others: retry each on its own.
                for job in group {
                    let result = commit_group(&pool, std::slice::from_ref(&job), &config)
                        .await
                        .map(|mut r| r.pop().unwrap_or_default());
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}

/// Rows per multi-row INSERT: well under both engines' limits on bound parameters
/// (SQLite 32766, PostgreSQL 65535) at 11 columns.
pub(crate) const ROWS_PER_STATEMENT: usize = 256;

/// `($1, $2), ($3, $4)` for `rows` rows of `columns` placeholders.
pub(crate) fn values_clause(rows: usize, columns: usize) -> String {
    let mut sql = String::with_capacity(rows * columns * 5);
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push('$');
            sql.push_str(&(r * columns + c + 1).to_string());
        }
        sql.push(')');
    }
    sql
}

/// Stores every job's posts in one transaction, a few multi-row statements per table (one
/// round trip each, which is what PostgreSQL's throughput depends on); one result list per
/// job, in order.
async fn commit_group(
    pool: &AnyPool,
    group: &[WriteJob],
    config: &ReviewConfig,
) -> Result<Vec<Vec<Recorded>>> {
    let mut tx = pool.begin().await.ctx("starting to store posts")?;
    // Taking the chain lock first also serialises post writers (of every process), so a
    // conflicting insert below always sees the other writer's committed decision.
    let mut head = ChainHead::lock(&mut tx).await?;
    let now = now_micros();
    let posts: Vec<(&WriteJob, &OwnedPost)> = group
        .iter()
        .flat_map(|job| job.posts.iter().map(move |p| (job, p)))
        .collect();

    // Posts: the ones actually inserted come back; the others were stored before.
    let mut inserted: HashSet<(String, String)> = HashSet::with_capacity(posts.len());
    for chunk in posts.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO posts (platform, post_id, author, text, context, received_at) VALUES {}
             ON CONFLICT (platform, post_id) DO NOTHING RETURNING platform, post_id",
            values_clause(chunk.len(), 6)
        );
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (_, p) in chunk {
            q = q
                .bind(&p.platform)
                .bind(&p.post_id)
                .bind(&p.author)
                .bind(&p.text)
                .bind(&p.context)
                .bind(now);
        }
        for row in q.fetch_all(&mut *tx).await.ctx("storing posts")? {
            inserted.insert((get(&row, "platform")?, get(&row, "post_id")?));
        }
    }

    // New decisions and their audit entries, in submission order.
    let mut results: Vec<Option<Recorded>> = Vec::with_capacity(posts.len());
    let mut new_here: HashMap<(String, String), StoredDecision> = HashMap::new();
    let mut entries = Vec::new();
    let mut events: Vec<(AuditEvent, serde_json::Value)> = Vec::new();
    let mut new_decisions = Vec::new();
    for (job, p) in &posts {
        let key = (p.platform.clone(), p.post_id.clone());
        if !inserted.remove(&key) {
            results.push(None);
            continue;
        }
        let d = &p.decision;
        let stored = StoredDecision {
            id: random_id(),
            platform: p.platform.clone(),
            post_id: p.post_id.clone(),
            author: p.author.clone(),
            created_at: now,
            decision: d.clone(),
        };
        let details = serde_json::json!({
            "platform": p.platform,
            "post_id": p.post_id,
            "action": d.action.name(),
            "category": d.category,
        });
        // Chained once the case (if any) is known, so that the entry names it.
        events.push((
            AuditEvent {
                actor: job.actor.clone(),
                kind: "decision".to_string(),
                subject: format!("decision:{}", stored.id),
                policy_version: d.policy_version.clone(),
                model_versions: job.model_versions.clone(),
                reason: d
                    .reason_code
                    .clone()
                    .unwrap_or_else(|| "default_allow".to_string()),
                details: String::new(),
            },
            details,
        ));
        let json = serde_json::to_string(d).map_err(|e| StoreError::Invalid {
            what: "decision",
            detail: e.to_string(),
        })?;
        new_decisions.push((stored.clone(), json));
        new_here.insert(key, stored.clone());
        results.push(Some(Recorded {
            decision: stored,
            replayed: false,
        }));
    }
    for chunk in new_decisions.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO decisions (id, platform, post_id, author, decision, action, policy_version, created_at) VALUES {}",
            values_clause(chunk.len(), 8)
        );
        // Safe: the text holds only fixed fragments and placeholders; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (d, json) in chunk {
            q = q
                .bind(&d.id)
                .bind(&d.platform)
                .bind(&d.post_id)
                .bind(&d.author)
                .bind(json)
                .bind(d.decision.action.name())
                .bind(&d.decision.policy_version)
                .bind(d.created_at);
        }
        q.execute(&mut *tx).await.ctx("storing decisions")?;
    }
    // Decisions a person must look at open a case in the same transaction (a decision is
    // never stored without the case that reviews it); the decision's audit entry names it.
    for ((d, _), (_, details)) in new_decisions.iter().zip(events.iter_mut()) {
        if !matches!(
            d.decision.action,
            Action::HoldForReview | Action::EscalateUrgent | Action::Remove
        ) {
            continue;
        }
        let reach = posts
            .iter()
            .find(|(_, p)| p.platform == d.platform && p.post_id == d.post_id)
            .and_then(|(_, p)| p.reach);
        let case = Case::from_decision(
            &random_id(),
            &d.platform,
            d.author.as_deref(),
            d.decision.clone(),
            reach,
            config,
            now,
        );
        let case_id = crate::review::open_or_join_case(&mut tx, case, config, now).await?;
        details["case_id"] = serde_json::Value::String(case_id);
    }
    for (mut event, details) in events {
        event.details = details.to_string();
        entries.push(head.chain(&event, now));
    }
    insert_entries(&mut tx, &entries).await?;

    // Posts stored before (or earlier in this group): their first decision.
    let mut out = Vec::with_capacity(posts.len());
    for ((_, p), result) in posts.iter().zip(results) {
        let recorded = match result {
            Some(r) => r,
            None => {
                let key = (p.platform.clone(), p.post_id.clone());
                let decision = match new_here.get(&key) {
                    Some(d) => d.clone(),
                    None => {
                        let row = sqlx::query(SELECT_BY_POST)
                            .bind(&p.platform)
                            .bind(&p.post_id)
                            .fetch_one(&mut *tx)
                            .await
                            .ctx("reading the decision of a post stored before")?;
                        decision_from_row(&row)?
                    }
                };
                Recorded {
                    decision,
                    replayed: true,
                }
            }
        };
        out.push(recorded);
    }
    head.save(&mut tx).await?;
    tx.commit().await.ctx("committing posts and decisions")?;

    let mut out = out.into_iter();
    Ok(group
        .iter()
        .map(|job| out.by_ref().take(job.posts.len()).collect())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_clauses_number_placeholders_row_by_row() {
        assert_eq!(values_clause(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(values_clause(1, 1), "($1)");
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let d: StoredDecision = StoredDecision {
            id: "00ff".into(),
            platform: "p".into(),
            post_id: "1".into(),
            author: None,
            created_at: 42,
            decision: serde_json::from_value(serde_json::json!({
                "post_id": "1", "action": "allow", "reason_code": null, "category": null,
                "categories": [], "evidence": [], "targets": [], "rules": [], "lang": "en",
                "lang_confidence": 1.0, "policy_version": "v", "detectors": [], "latency_us": 1
            }))
            .unwrap(),
        };
        assert_eq!(
            decode_cursor(&encode_cursor(&d)).unwrap(),
            (42, "00ff".to_string())
        );
        for bad in ["", "42", "x.00ff", "42.", "42.zz'--"] {
            assert!(decode_cursor(bad).is_err(), "{bad:?}");
        }
    }
}
