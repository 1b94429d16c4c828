//! What the moderator console reads and writes beyond the review workflow: sign-in sessions,
//! a post's text, an author's history, a filtered audit log, the dashboard's aggregates and
//! the stream of stored decisions that rule hit counts are tallied from.
//!
//! Sessions are rows of `console_sessions` (migration 0006), keyed by a BLAKE3 hash of the
//! session token: the token itself only ever lives in the moderator's cookie.

use serde::Serialize;
use sqlx::any::AnyRow;
use vigie_review::Case;

use crate::audit::AuditEntry;
use crate::{QueryContext, Result, Store, StoreError, get, random_id};

/// A signed-in console user, as the session table and the account say now: a disabled
/// account or a changed role takes effect on the next request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsoleSession {
    pub user: crate::User,
    /// The token every form of this session must carry.
    pub csrf_token: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

/// A new session: the token goes into the cookie, the rest is stored.
#[derive(Debug, Clone)]
pub struct NewConsoleSession {
    pub token: String,
    pub session: ConsoleSession,
}

/// One of an author's earlier decisions, for the case view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuthorDecision {
    pub id: String,
    pub platform: String,
    pub post_id: String,
    pub action: String,
    pub reason_code: Option<String>,
    pub created_at: i64,
}

/// A webhook delivery of a case, as the case view lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseWebhook {
    pub idempotency_key: String,
    /// pending, delivered or dead_letter.
    pub state: String,
    pub attempts: u32,
    /// The event type from the body (`action.applied`…).
    pub event: String,
    pub created_at: i64,
}

/// Which audit entries to show, newest first.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Entries whose kind starts with this (`case.` → every case change).
    pub kind_prefix: Option<String>,
    pub actor: Option<String>,
    pub subject: Option<String>,
    /// Entries with `seq` below this (the next page).
    pub before_seq: Option<i64>,
}

/// Counts per time bucket: bucket `i` covers `[since + i·width, since + (i+1)·width)`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Dashboard {
    pub since: i64,
    pub bucket_micros: i64,
    pub buckets: usize,
    /// Cases (opened in the window) per flagged category name.
    pub cases_by_category: Vec<(String, u64)>,
    /// Cases opened per bucket.
    pub cases_opened: Vec<u64>,
    /// Cases resolved per bucket.
    pub cases_resolved: Vec<u64>,
    /// Cases not resolved at the end of each bucket.
    pub backlog: Vec<u64>,
    /// Cases a moderator resolved in the window.
    pub human_decisions: u64,
    /// Median time from a case opening to its resolution, for cases resolved in the window.
    pub median_time_to_decision: Option<i64>,
}

/// A stored decision's position in the `(created_at, id)` order, to resume a scan after it.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct DecisionCursor {
    pub created_at: i64,
    pub id: String,
}

fn token_hash(token: &str) -> String {
    blake3::hash(token.as_bytes()).to_hex().to_string()
}

fn session_from_row(row: &AnyRow) -> Result<ConsoleSession> {
    let role: String = get(row, "role")?;
    Ok(ConsoleSession {
        user: crate::User {
            id: get(row, "id")?,
            name: get(row, "name")?,
            role: vigie_review::Role::from_name(&role).ok_or_else(|| StoreError::Corrupt {
                what: "user role",
                detail: role.clone(),
            })?,
            created_at: get(row, "user_created_at")?,
            disabled_at: get(row, "disabled_at")?,
        },
        csrf_token: get(row, "csrf_token")?,
        created_at: get(row, "created_at")?,
        last_seen_at: get(row, "last_seen_at")?,
        expires_at: get(row, "expires_at")?,
    })
}

fn audit_from_row(row: &AnyRow) -> Result<AuditEntry> {
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

/// `LIKE` patterns treat `%` and `_` as wildcards: escape them so a prefix is matched as typed.
fn like_prefix(prefix: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 1);
    for c in prefix.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

const SESSION_SELECT: &str = "SELECT u.id, u.name, u.role, u.created_at AS user_created_at,
        u.disabled_at, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at
     FROM console_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL";

impl Store {
    /// Opens a session for an account until `expires_at`; expired sessions are purged first.
    pub async fn create_console_session(
        &self,
        user: &crate::User,
        now: i64,
        expires_at: i64,
    ) -> Result<NewConsoleSession> {
        let token = format!("{}{}", random_id(), random_id());
        let csrf_token = random_id();
        let _guard = self.write_lock.lock().await;
        sqlx::query("DELETE FROM console_sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(self.pool())
            .await
            .ctx("purging expired console sessions")?;
        sqlx::query(
            "INSERT INTO console_sessions (token_hash, user_id, csrf_token, created_at,
                last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)",
        )
        .bind(token_hash(&token))
        .bind(&user.id)
        .bind(&csrf_token)
        .bind(now)
        .bind(expires_at)
        .execute(self.pool())
        .await
        .ctx("storing a console session")?;
        Ok(NewConsoleSession {
            token,
            session: ConsoleSession {
                user: user.clone(),
                csrf_token,
                created_at: now,
                last_seen_at: now,
                expires_at,
            },
        })
    }

    /// The live session of this token at `now`, if any (expired, unknown, or of a disabled
    /// account: `None`).
    pub async fn console_session(&self, token: &str, now: i64) -> Result<Option<ConsoleSession>> {
        let row = sqlx::query(SESSION_SELECT)
            .bind(token_hash(token))
            .bind(now)
            .fetch_optional(self.pool())
            .await
            .ctx("reading a console session")?;
        row.as_ref().map(session_from_row).transpose()
    }

    /// Records activity on a session and moves its expiry (sliding idle timeout).
    pub async fn touch_console_session(
        &self,
        token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        let _guard = self.write_lock.lock().await;
        sqlx::query(
            "UPDATE console_sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3",
        )
        .bind(now)
        .bind(expires_at)
        .bind(token_hash(token))
        .execute(self.pool())
        .await
        .ctx("renewing a console session")?;
        Ok(())
    }

    /// Ends a session (sign-out); `false` when there was none.
    pub async fn end_console_session(&self, token: &str) -> Result<bool> {
        let _guard = self.write_lock.lock().await;
        let gone = sqlx::query("DELETE FROM console_sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .execute(self.pool())
            .await
            .ctx("ending a console session")?
            .rows_affected();
        Ok(gone > 0)
    }

    /// The text of a stored post.
    pub async fn post_text(&self, platform: &str, post_id: &str) -> Result<Option<String>> {
        sqlx::query_scalar("SELECT text FROM posts WHERE platform = $1 AND post_id = $2")
            .bind(platform)
            .bind(post_id)
            .fetch_optional(self.pool())
            .await
            .ctx("reading a post's text")
    }

    /// An author's latest cases, newest first.
    pub async fn author_cases(&self, author: &str, limit: i64) -> Result<Vec<Case>> {
        let rows = sqlx::query(
            "SELECT body FROM cases WHERE author = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(author)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("reading an author's cases")?;
        rows.iter()
            .map(|row| {
                let body: String = get(row, "body")?;
                serde_json::from_str(&body).map_err(|e| StoreError::Corrupt {
                    what: "case",
                    detail: e.to_string(),
                })
            })
            .collect()
    }

    /// An author's latest automated decisions, newest first.
    pub async fn author_decisions(&self, author: &str, limit: i64) -> Result<Vec<AuthorDecision>> {
        let rows = sqlx::query(
            "SELECT id, platform, post_id, action, created_at, decision FROM decisions
             WHERE author = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
        )
        .bind(author)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("reading an author's decisions")?;
        rows.iter()
            .map(|row| {
                let decision: String = get(row, "decision")?;
                // Only the reason code is wanted: the rest of the decision is not parsed.
                #[derive(serde::Deserialize)]
                struct Reason {
                    #[serde(default)]
                    reason_code: Option<String>,
                }
                let reason: Reason =
                    serde_json::from_str(&decision).map_err(|e| StoreError::Corrupt {
                        what: "decision",
                        detail: e.to_string(),
                    })?;
                Ok(AuthorDecision {
                    id: get(row, "id")?,
                    platform: get(row, "platform")?,
                    post_id: get(row, "post_id")?,
                    action: get(row, "action")?,
                    reason_code: reason.reason_code,
                    created_at: get(row, "created_at")?,
                })
            })
            .collect()
    }

    /// The webhook deliveries queued for a case, oldest first, at most `limit`.
    pub async fn case_webhooks(&self, case_id: &str, limit: i64) -> Result<Vec<CaseWebhook>> {
        let rows = sqlx::query(
            "SELECT idempotency_key, state, attempts, body, created_at FROM webhook_outbox
             WHERE case_id = $1 ORDER BY created_at, idempotency_key LIMIT $2",
        )
        .bind(case_id)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("reading a case's webhooks")?;
        rows.iter()
            .map(|row| {
                let body: String = get(row, "body")?;
                let event = serde_json::from_str::<serde_json::Value>(&body)
                    .ok()
                    .and_then(|v| {
                        ["type", "event", "event_type"]
                            .iter()
                            .find_map(|k| v.get(k).and_then(|t| t.as_str()).map(str::to_string))
                    })
                    .unwrap_or_default();
                let attempts: i64 = get(row, "attempts")?;
                Ok(CaseWebhook {
                    idempotency_key: get(row, "idempotency_key")?,
                    state: get(row, "state")?,
                    attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
                    event,
                    created_at: get(row, "created_at")?,
                })
            })
            .collect()
    }

    /// Audit entries matching `filter`, newest first, at most `limit`.
    ///
    /// Filters on actor or subject read their index (migration 0006). A kind prefix alone is
    /// matched while walking the log backwards by windows of sequence numbers, so the cost is
    /// bounded by how far back the matches are, whatever plan the database would pick for a
    /// `LIKE` on the whole table.
    pub async fn audit_search(&self, filter: &AuditFilter, limit: i64) -> Result<Vec<AuditEntry>> {
        const WINDOW: i64 = 10_000;
        let indexed = filter.actor.is_some() || filter.subject.is_some();
        let mut before = match filter.before_seq {
            Some(b) => b,
            None => {
                let head: i64 = sqlx::query_scalar("SELECT seq FROM audit_head WHERE id = 1")
                    .fetch_one(self.pool())
                    .await
                    .ctx("reading the audit chain head")?;
                head.saturating_add(1)
            }
        };
        let mut out = Vec::new();
        loop {
            let window_start = if indexed || filter.kind_prefix.is_none() {
                i64::MIN
            } else {
                before.saturating_sub(WINDOW)
            };
            let mut sql = String::from("SELECT * FROM audit_log WHERE seq < $1 AND seq >= $2");
            let mut n = 2;
            let mut next = || {
                n += 1;
                format!("${n}")
            };
            if filter.kind_prefix.is_some() {
                sql += &format!(" AND kind LIKE {} ESCAPE '\\'", next());
            }
            if filter.actor.is_some() {
                sql += &format!(" AND actor = {}", next());
            }
            if filter.subject.is_some() {
                sql += &format!(" AND subject = {}", next());
            }
            sql += &format!(" ORDER BY seq DESC LIMIT {}", next());
            // Safe: the text holds only fixed fragments and placeholders; every value is bound.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(before)
                .bind(window_start);
            if let Some(k) = &filter.kind_prefix {
                q = q.bind(like_prefix(k));
            }
            if let Some(a) = &filter.actor {
                q = q.bind(a.clone());
            }
            if let Some(s) = &filter.subject {
                q = q.bind(s.clone());
            }
            q = q.bind(limit - out.len() as i64);
            let rows = q
                .fetch_all(self.pool())
                .await
                .ctx("searching the audit log")?;
            for row in &rows {
                out.push(audit_from_row(row)?);
            }
            if out.len() as i64 >= limit || window_start <= 1 || window_start == i64::MIN {
                return Ok(out);
            }
            before = window_start;
        }
    }

    /// Stored decisions after `after` in `(created_at, id)` order, at most `limit`, as
    /// `(cursor, decision JSON)`: the console tallies rule hits from them incrementally. The
    /// `created_at >= $1` conjunct lets PostgreSQL read the index range (an `OR` alone made
    /// it scan the table).
    pub async fn decisions_after(
        &self,
        after: &DecisionCursor,
        limit: i64,
    ) -> Result<Vec<(DecisionCursor, String)>> {
        let rows = sqlx::query(
            "SELECT id, created_at, decision FROM decisions
             WHERE created_at >= $1 AND (created_at > $2 OR id > $3)
             ORDER BY created_at, id LIMIT $4",
        )
        .bind(after.created_at)
        .bind(after.created_at)
        .bind(&after.id)
        .bind(limit)
        .fetch_all(self.pool())
        .await
        .ctx("reading stored decisions")?;
        rows.iter()
            .map(|row| {
                Ok((
                    DecisionCursor {
                        created_at: get(row, "created_at")?,
                        id: get(row, "id")?,
                    },
                    get(row, "decision")?,
                ))
            })
            .collect()
    }

    /// The dashboard's case figures for `buckets` buckets of `bucket_micros` from `since`;
    /// `categories` are the category names to count cases for. Every query reads the
    /// `console_cases_dashboard` index only (migration 0006), never the cases' JSON.
    pub async fn dashboard(
        &self,
        since: i64,
        bucket_micros: i64,
        buckets: usize,
        categories: &[&str],
    ) -> Result<Dashboard> {
        let bucket_micros = bucket_micros.max(1);
        let until = since.saturating_add(bucket_micros.saturating_mul(buckets as i64));
        let index = |at: i64| -> Option<usize> {
            let i = (at - since).div_euclid(bucket_micros);
            usize::try_from(i).ok().filter(|&i| i < buckets)
        };
        let mut out = Dashboard {
            since,
            bucket_micros,
            buckets,
            cases_opened: vec![0; buckets],
            cases_resolved: vec![0; buckets],
            ..Dashboard::default()
        };

        // Opened per bucket and per set of categories in one pass: a few dozen groups, split
        // into categories here (no LIKE per row).
        let rows = sqlx::query(
            "SELECT (created_at - $1) / $2 AS bucket, categories, COUNT(*) AS n FROM cases
             WHERE created_at >= $3 AND created_at < $4
             GROUP BY (created_at - $1) / $2, categories",
        )
        .bind(since)
        .bind(bucket_micros)
        .bind(since)
        .bind(until)
        .fetch_all(self.pool())
        .await
        .ctx("counting opened cases")?;
        let mut by_category = vec![0u64; categories.len()];
        for row in &rows {
            let bucket: i64 = get(row, "bucket")?;
            let listed: String = get(row, "categories")?;
            let n = count(get(row, "n")?);
            if let Some(i) = usize::try_from(bucket).ok().filter(|&i| i < buckets) {
                out.cases_opened[i] += n;
            }
            for item in listed.split(',').filter(|c| !c.is_empty()) {
                if let Some(k) = categories.iter().position(|c| *c == item) {
                    by_category[k] += n;
                }
            }
        }
        out.cases_by_category = categories
            .iter()
            .zip(by_category)
            .map(|(c, n)| ((*c).to_string(), n))
            .collect();

        let resolved = sqlx::query(
            "SELECT updated_at, created_at FROM cases
             WHERE status = $1 AND updated_at >= $2 AND updated_at < $3",
        )
        .bind("resolved")
        .bind(since)
        .bind(until)
        .fetch_all(self.pool())
        .await
        .ctx("reading resolved cases")?;
        let mut durations = Vec::with_capacity(resolved.len());
        for row in &resolved {
            let updated: i64 = get(row, "updated_at")?;
            let created: i64 = get(row, "created_at")?;
            if let Some(i) = index(updated) {
                out.cases_resolved[i] += 1;
            }
            durations.push(updated - created);
        }
        out.human_decisions = durations.len() as u64;
        if !durations.is_empty() {
            let mid = durations.len() / 2;
            let (_, median, _) = durations.select_nth_unstable(mid);
            out.median_time_to_decision = Some(*median);
        }
        // Backlog at the end of each bucket: what was open before the window, plus opened,
        // minus resolved (a case resolved and appealed counts as resolved).
        let before: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM cases WHERE created_at < $1 AND (status <> $2 OR updated_at >= $3)",
        )
        .bind(since)
        .bind("resolved")
        .bind(since)
        .fetch_one(self.pool())
        .await
        .ctx("counting the backlog")?;
        let mut backlog = before;
        out.backlog = (0..buckets)
            .map(|i| {
                backlog += out.cases_opened[i] as i64 - out.cases_resolved[i] as i64;
                count(backlog)
            })
            .collect();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_prefixes_escape_wildcards() {
        assert_eq!(like_prefix("case."), "case.%");
        assert_eq!(like_prefix("50%_off"), "50\\%\\_off%");
    }
}
