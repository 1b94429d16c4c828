//! Retention: resolved cases whose last event is older than the retention period are purged,
//! except those under a legal hold.
//!
//! What a purge removes: the case (its JSON: reports, notices, decisions, notes, evidence),
//! its report receipts, strikes, delivered webhooks and queue rows, and for a post the post
//! itself (its text) and vigie's decision on it (scores, evidence spans); notices whose every
//! case is purged lose their explanation and references (times, deadline and outcome stay,
//! for the host-compliance and transparency reports). A row in `purged_cases` says when.
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
        // Most runs find nothing: look before taking the write lock.
        let due: Option<String> = sqlx::query_scalar(
            "SELECT id FROM cases WHERE status = 'resolved' AND updated_at < $1 LIMIT 1",
        )
        .bind(cutoff)
        .fetch_optional(self.pool())
        .await
        .ctx("looking for cases to purge")?;
        if due.is_none() {
            return Ok(PurgeReport {
                cutoff,
                ..PurgeReport::default()
            });
        }
        let mut report = PurgeReport {
            cutoff,
            ..PurgeReport::default()
        };
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
