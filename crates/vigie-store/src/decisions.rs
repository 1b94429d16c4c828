//! Posts and their decisions. A post is stored once per (platform, post id): submitting it
//! again gives back the decision stored the first time.

use serde::Serialize;
use sqlx::any::AnyRow;
use vigie_policy::{Decision, PostContext};

use crate::audit::{AuditEvent, ChainHead};
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

    /// Stores posts with their decisions and one audit entry per new decision, in one
    /// transaction: when this returns, all of it is durable. A post already stored (same
    /// platform and id, now or by a concurrent writer) is not stored again; its first
    /// decision is returned with `replayed = true`.
    pub async fn record_posts(
        &self,
        posts: &[NewPost<'_>],
        actor: &str,
        model_versions: &str,
    ) -> Result<Vec<Recorded>> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting to store posts")?;
        // Taking the chain lock first also serialises post writers, so a conflicting insert
        // below always sees the other writer's committed decision.
        let mut head = ChainHead::lock(&mut tx).await?;
        let mut out = Vec::with_capacity(posts.len());
        for p in posts {
            let now = now_micros();
            let context = serde_json::to_string(p.context).map_err(|e| StoreError::Invalid {
                what: "post context",
                detail: e.to_string(),
            })?;
            let inserted = sqlx::query(
                "INSERT INTO posts (platform, post_id, author, text, context, received_at)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (platform, post_id) DO NOTHING",
            )
            .bind(p.platform)
            .bind(p.post_id)
            .bind(p.author)
            .bind(p.text)
            .bind(context)
            .bind(now)
            .execute(&mut *tx)
            .await
            .ctx("storing a post")?
            .rows_affected();
            if inserted == 0 {
                let row = sqlx::query(SELECT_BY_POST)
                    .bind(p.platform)
                    .bind(p.post_id)
                    .fetch_one(&mut *tx)
                    .await
                    .ctx("reading the decision of a post stored before")?;
                out.push(Recorded {
                    decision: decision_from_row(&row)?,
                    replayed: true,
                });
                continue;
            }
            let id = random_id();
            let json = serde_json::to_string(p.decision).map_err(|e| StoreError::Invalid {
                what: "decision",
                detail: e.to_string(),
            })?;
            sqlx::query(
                "INSERT INTO decisions (id, platform, post_id, author, decision, action, policy_version, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&id)
            .bind(p.platform)
            .bind(p.post_id)
            .bind(p.author)
            .bind(json)
            .bind(p.decision.action.name())
            .bind(&p.decision.policy_version)
            .bind(now)
            .execute(&mut *tx)
            .await
            .ctx("storing a decision")?;
            let details = serde_json::json!({
                "platform": p.platform,
                "post_id": p.post_id,
                "action": p.decision.action.name(),
                "category": p.decision.category,
            });
            head.append(
                &mut tx,
                &AuditEvent {
                    actor: actor.to_string(),
                    kind: "decision".to_string(),
                    subject: format!("decision:{id}"),
                    policy_version: p.decision.policy_version.clone(),
                    model_versions: model_versions.to_string(),
                    reason: p
                        .decision
                        .reason_code
                        .clone()
                        .unwrap_or_else(|| "default_allow".to_string()),
                    details: details.to_string(),
                },
                now,
            )
            .await?;
            out.push(Recorded {
                decision: StoredDecision {
                    id,
                    platform: p.platform.to_string(),
                    post_id: p.post_id.to_string(),
                    author: p.author.map(str::to_string),
                    created_at: now,
                    decision: p.decision.clone(),
                },
                replayed: false,
            });
        }
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing posts and decisions")?;
        Ok(out)
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

#[cfg(test)]
mod tests {
    use super::*;

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
