//! Retention: resolved cases whose last event is older than the retention period are purged,
//! except those under a legal hold.
//!
//! What a purge removes: the case (its JSON: reports, notices, decisions, notes, evidence),
//! its report receipts, strikes, delivered webhooks and queue rows, and for a post the post
//! itself (its text) and vigie's decision on it (scores, evidence spans); notices whose every
//! case is purged lose their explanation and references (times, deadline and outcome stay,
//! for the host-compliance and transparency reports). A row in `purged_cases` says when.
//!
//! Posts that never had a case (allowed content, mostly) are not purged but scrubbed once
//! received longer ago than the retention period: their text, author and context go, as do
//! the author and the evidence's text in vigie's decision on them; the decision's id, action,
//! category, scores, reason code, policy version and times stay, which is what the
//! transparency report and the statements of reasons read. A watermark in `retention_state`
//! (every post received before it is done) keeps each run to the posts newly past the
//! period. A post with a case is the case's to purge (so a legal hold on the case keeps it).
//!
//! What it keeps: the audit chain, untouched. Its entries name ids, actions, reason codes and
//! who acted, never the post text or the evidence; deleting or rewriting entries would break
//! the chain (each hash covers the previous one), so a purge only appends one
//! `retention.purge` entry listing the cases purged, and `vigie audit verify` still passes.
//! Statements of reasons stay as well: they hold no personal data by design and the
//! Transparency Database keeps them anyway.

use serde::Serialize;
use sqlx::AnyConnection;
use vigie_review::Subject;
use vigie_review::notice::retention_cutoff;

use crate::audit::{AuditEvent, ChainHead};
use crate::review::load_case;
use crate::{QueryContext, Result, Store, get};

/// Cases purged per transaction.
const PURGE_BATCH: i64 = 200;

/// Posts without a case scrubbed per transaction.
const SCRUB_BATCH: i64 = 500;

/// Separates the parts of a case's subject key (see `review::subject_key`).
const KEY_SEPARATOR: &str = "\u{1f}";

/// What one purge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PurgeReport {
    /// Cases whose last event is before this time were eligible.
    pub cutoff: i64,
    pub cases: Vec<String>,
    pub posts: u64,
    /// Notices whose content was purged with their last case.
    pub notices: u64,
    /// Eligible cases kept because of a legal hold.
    pub held: u64,
    /// Posts without a case whose text and personal data were removed.
    pub posts_scrubbed: u64,
}

async fn has_queue_members(conn: &mut AnyConnection) -> Result<bool> {
    // Migration 0003 (queue index rows) may not be in this build yet.
    let applied: Option<i64> =
        sqlx::query_scalar("SELECT version FROM vigie_migrations WHERE version = 3")
            .fetch_optional(&mut *conn)
            .await
            .ctx("reading applied migrations")?;
    Ok(applied.is_some())
}

impl Store {
    /// Purges resolved cases whose last event is more than `retention_days` before `now`
    /// and which are not under a legal hold (see the module docs for what goes and what
    /// stays). Runs in batches of [`PURGE_BATCH`] cases, one transaction and one audit entry
    /// each.
    pub async fn purge_expired(
        &self,
        now: i64,
        retention_days: u32,
        actor: &str,
    ) -> Result<PurgeReport> {
        let cutoff = retention_cutoff(now, retention_days);
        let mut report = PurgeReport {
            cutoff,
            ..PurgeReport::default()
        };
        self.scrub_uncased_posts(now, cutoff, actor, &mut report)
            .await?;
        // Most runs find nothing: look before taking the write lock.
        let due: Option<String> = sqlx::query_scalar(
            "SELECT id FROM cases WHERE status = 'resolved' AND updated_at < $1 LIMIT 1",
        )
        .bind(cutoff)
        .fetch_optional(self.pool())
        .await
        .ctx("looking for cases to purge")?;
        if due.is_none() {
            return Ok(report);
        }
        report.held = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM cases c JOIN legal_holds h ON h.case_id = c.id
             WHERE c.status = 'resolved' AND c.updated_at < $1 AND h.released_at IS NULL",
        )
        .bind(cutoff)
        .fetch_one(self.pool())
        .await
        .ctx("counting held cases")?
        .try_into()
        .unwrap_or(0);
        loop {
            let purged = self.purge_batch(now, cutoff, actor, &mut report).await?;
            if purged < PURGE_BATCH {
                break;
            }
        }
        Ok(report)
    }

    async fn purge_batch(
        &self,
        now: i64,
        cutoff: i64,
        actor: &str,
        report: &mut PurgeReport,
    ) -> Result<i64> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting a purge")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT c.id FROM cases c
             WHERE c.status = 'resolved' AND c.updated_at < $1
               AND NOT EXISTS (SELECT 1 FROM legal_holds h
                               WHERE h.case_id = c.id AND h.released_at IS NULL)
             ORDER BY c.updated_at, c.id LIMIT $2",
        )
        .bind(cutoff)
        .bind(PURGE_BATCH)
        .fetch_all(&mut *tx)
        .await
        .ctx("finding cases to purge")?;
        if ids.is_empty() {
            return Ok(0);
        }
        let queue_rows = has_queue_members(&mut tx).await?;
        let mut posts = 0u64;
        let mut details = Vec::with_capacity(ids.len());
        for id in &ids {
            let Some((case, _)) = load_case(&mut tx, id).await? else {
                continue;
            };
            for sql in [
                "DELETE FROM case_reports WHERE case_id = $1",
                "DELETE FROM strikes WHERE case_id = $1",
                "DELETE FROM webhook_outbox WHERE case_id = $1 AND state <> 'pending'",
            ] {
                sqlx::query(sql)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .ctx("purging a case's records")?;
            }
            if queue_rows {
                sqlx::query("DELETE FROM queue_members WHERE case_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .ctx("purging a case's queue rows")?;
            }
            // Webhooks still pending keep their case id: the platform must still hear of the
            // action, and the outbox has no foreign key to the case.
            sqlx::query("DELETE FROM cases WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .ctx("purging a case")?;
            if let Subject::Post {
                platform, post_id, ..
            } = &case.subject
            {
                sqlx::query("DELETE FROM decisions WHERE platform = $1 AND post_id = $2")
                    .bind(platform)
                    .bind(post_id)
                    .execute(&mut *tx)
                    .await
                    .ctx("purging a decision")?;
                posts += sqlx::query("DELETE FROM posts WHERE platform = $1 AND post_id = $2")
                    .bind(platform)
                    .bind(post_id)
                    .execute(&mut *tx)
                    .await
                    .ctx("purging a post")?
                    .rows_affected();
            }
            sqlx::query(
                "INSERT INTO purged_cases (case_id, last_event_at, purged_at) VALUES ($1, $2, $3)
                 ON CONFLICT (case_id) DO NOTHING",
            )
            .bind(id)
            .bind(case.updated_at)
            .bind(now)
            .execute(&mut *tx)
            .await
            .ctx("recording a purged case")?;
            details.push(serde_json::json!({ "case_id": id, "last_event_at": case.updated_at }));
        }
        // The addressing of deliveries gone from the outbox goes with them.
        sqlx::query(
            "DELETE FROM notifier_deliveries WHERE NOT EXISTS (SELECT 1 FROM webhook_outbox o
                 WHERE o.idempotency_key = notifier_deliveries.idempotency_key)",
        )
        .execute(&mut *tx)
        .await
        .ctx("purging delivered answers' addresses")?;
        // Notices all of whose cases are now gone lose their content.
        let notices = sqlx::query(
            "UPDATE notices SET body = '{\"purged\":true}', purged_at = $1
             WHERE purged_at IS NULL AND id IN (SELECT ni.notice_id FROM notice_items ni
                 JOIN purged_cases p ON p.case_id = ni.case_id WHERE p.purged_at = $1)
               AND NOT EXISTS (SELECT 1 FROM notice_items ni2 JOIN cases c ON c.id = ni2.case_id
                               WHERE ni2.notice_id = notices.id)",
        )
        .bind(now)
        .execute(&mut *tx)
        .await
        .ctx("purging notices")?
        .rows_affected();
        let count = i64::try_from(ids.len()).unwrap_or(i64::MAX);
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "retention.purge".to_string(),
            subject: "retention".to_string(),
            reason: format!(
                "{count} resolved case(s) with no event since {} purged",
                crate::format_time(cutoff)
            ),
            details: serde_json::json!({
                "cutoff": cutoff,
                "cases": details,
                "posts": posts,
                "notices": notices,
            })
            .to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a purge")?;
        report.cases.extend(ids);
        report.posts += posts;
        report.notices += notices;
        Ok(count)
    }

    /// Scrubs the posts received before `cutoff` that have no case (see the module docs), in
    /// batches of [`SCRUB_BATCH`], one transaction and one `retention.scrub` audit entry each.
    async fn scrub_uncased_posts(
        &self,
        now: i64,
        cutoff: i64,
        actor: &str,
        report: &mut PurgeReport,
    ) -> Result<()> {
        loop {
            let watermark: i64 =
                sqlx::query_scalar("SELECT posts_before FROM retention_state WHERE id = 1")
                    .fetch_one(self.pool())
                    .await
                    .ctx("reading the retention watermark")?;
            if watermark >= cutoff {
                return Ok(());
            }
            // Most runs find nothing: look before taking the write lock.
            let any: Option<i64> = sqlx::query_scalar(
                "SELECT received_at FROM posts WHERE received_at >= $1 AND received_at < $2
                 LIMIT 1",
            )
            .bind(watermark)
            .bind(cutoff)
            .fetch_optional(self.pool())
            .await
            .ctx("looking for posts past retention")?;
            if any.is_none() {
                return Ok(());
            }
            if !self.scrub_batch(now, cutoff, actor, report).await? {
                return Ok(());
            }
        }
    }

    /// One batch; `true` when there may be more.
    async fn scrub_batch(
        &self,
        now: i64,
        cutoff: i64,
        actor: &str,
        report: &mut PurgeReport,
    ) -> Result<bool> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting a scrub")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let watermark: i64 =
            sqlx::query_scalar("SELECT posts_before FROM retention_state WHERE id = 1")
                .fetch_one(&mut *tx)
                .await
                .ctx("reading the retention watermark")?;
        if watermark >= cutoff {
            return Ok(false);
        }
        // Scrubbed posts are skipped, so posts sharing one time across batches are done once.
        let rows = sqlx::query(
            "SELECT p.platform, p.post_id, p.received_at FROM posts p
             WHERE p.received_at >= $1 AND p.received_at < $2
               AND (p.text <> '' OR p.author IS NOT NULL OR p.context <> '{}')
               AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.subject_key =
                   'post' || CAST($3 AS TEXT) || p.platform || CAST($3 AS TEXT) || p.post_id)
             ORDER BY p.received_at, p.platform, p.post_id LIMIT $4",
        )
        .bind(watermark)
        .bind(cutoff)
        .bind(KEY_SEPARATOR)
        .bind(SCRUB_BATCH)
        .fetch_all(&mut *tx)
        .await
        .ctx("finding posts past retention")?;
        let full = i64::try_from(rows.len()).unwrap_or(i64::MAX) >= SCRUB_BATCH;
        let mut last_received = watermark;
        for row in &rows {
            let platform: String = get(row, "platform")?;
            let post_id: String = get(row, "post_id")?;
            last_received = last_received.max(get(row, "received_at")?);
            sqlx::query(
                "UPDATE posts SET text = '', author = NULL, context = '{}'
                 WHERE platform = $1 AND post_id = $2",
            )
            .bind(&platform)
            .bind(&post_id)
            .execute(&mut *tx)
            .await
            .ctx("scrubbing a post")?;
            let decisions = sqlx::query(
                "SELECT id, decision FROM decisions WHERE platform = $1 AND post_id = $2",
            )
            .bind(&platform)
            .bind(&post_id)
            .fetch_all(&mut *tx)
            .await
            .ctx("reading a decision to scrub")?;
            for d in &decisions {
                let id: String = get(d, "id")?;
                let json: String = get(d, "decision")?;
                sqlx::query("UPDATE decisions SET author = NULL, decision = $1 WHERE id = $2")
                    .bind(scrub_decision_json(&json))
                    .bind(&id)
                    .execute(&mut *tx)
                    .await
                    .ctx("scrubbing a decision")?;
            }
        }
        // A full batch may have left posts received at its last time: start there next.
        let next_watermark = if full { last_received } else { cutoff };
        sqlx::query("UPDATE retention_state SET posts_before = $1 WHERE id = 1")
            .bind(next_watermark)
            .execute(&mut *tx)
            .await
            .ctx("moving the retention watermark")?;
        let count = u64::try_from(rows.len()).unwrap_or(u64::MAX);
        if count > 0 {
            let event = AuditEvent {
                actor: actor.to_string(),
                kind: "retention.scrub".to_string(),
                subject: "retention".to_string(),
                reason: format!(
                    "{count} post(s) without a case received before {} lost their text and \
                     personal data",
                    crate::format_time(cutoff)
                ),
                details: serde_json::json!({
                    "cutoff": cutoff,
                    "posts": count,
                    "received_from": watermark,
                    "received_to": last_received,
                })
                .to_string(),
                ..AuditEvent::default()
            };
            head.append(&mut tx, &event, now).await?;
            head.save(&mut tx).await?;
        }
        tx.commit().await.ctx("committing a scrub")?;
        report.posts_scrubbed += count;
        Ok(full)
    }

    /// When a case was purged, if it was.
    pub async fn purged_at(&self, case_id: &str) -> Result<Option<i64>> {
        let row = sqlx::query("SELECT purged_at FROM purged_cases WHERE case_id = $1")
            .bind(case_id)
            .fetch_optional(self.pool())
            .await
            .ctx("reading a purged case")?;
        row.as_ref().map(|r| get(r, "purged_at")).transpose()
    }
}

/// A decision's JSON without the post's words: each evidence span keeps its offsets, category
/// and what matched (a lexicon or pattern id) but not the text it quoted. JSON that does not
/// parse (it never should) is replaced whole rather than kept with the words in it.
fn scrub_decision_json(json: &str) -> String {
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(json) else {
        return "{}".to_string();
    };
    if let Some(spans) = value
        .get_mut("evidence")
        .and_then(serde_json::Value::as_array_mut)
    {
        for span in spans {
            if let Some(text) = span.get_mut("text") {
                *text = serde_json::Value::String(String::new());
            }
        }
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubbed_decisions_keep_their_metadata_not_the_words() {
        let json = r#"{"post_id":"p1","action":"allow","category":null,"reason_code":null,
            "evidence":[{"category":"toxicity","detector":"lexicon","start":0,"end":5,
            "text":"idiot","matched":"lexicon:en:insult:idiot"}],"policy_version":"abc"}"#;
        let scrubbed: serde_json::Value =
            serde_json::from_str(&scrub_decision_json(json)).unwrap_or_default();
        assert_eq!(scrubbed["evidence"][0]["text"], "");
        assert_eq!(
            scrubbed["evidence"][0]["matched"],
            "lexicon:en:insult:idiot"
        );
        assert_eq!(scrubbed["evidence"][0]["end"], 5);
        assert_eq!(scrubbed["policy_version"], "abc");
        assert_eq!(scrubbed["action"], "allow");
        assert_eq!(scrub_decision_json("not json"), "{}");
    }
}
