//! Every version of the policy ever put in force, newest last.

use serde::Serialize;

use crate::audit::{AuditEvent, ChainHead};
use crate::{QueryContext, Result, Store, get, now_micros};

/// One version of the policy as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPolicy {
    /// Position in the history, from 1.
    pub seq: i64,
    /// The policy's own version (hash of its text).
    pub version: String,
    /// Where it came from: a file path, `api`…
    pub origin: String,
    pub text: String,
    pub actor: String,
    pub created_at: i64,
}

fn policy_from_row(row: &sqlx::any::AnyRow) -> Result<StoredPolicy> {
    Ok(StoredPolicy {
        seq: get(row, "seq")?,
        version: get(row, "version")?,
        origin: get(row, "origin")?,
        text: get(row, "text")?,
        actor: get(row, "actor")?,
        created_at: get(row, "created_at")?,
    })
}

impl Store {
    /// The policy in force: the last one stored.
    pub async fn current_policy(&self) -> Result<Option<StoredPolicy>> {
        let row = sqlx::query("SELECT * FROM policies ORDER BY seq DESC LIMIT 1")
            .fetch_optional(self.pool())
            .await
            .ctx("reading the current policy")?;
        row.as_ref().map(policy_from_row).transpose()
    }

    /// Every stored version, oldest first.
    pub async fn policy_history(&self) -> Result<Vec<StoredPolicy>> {
        let rows = sqlx::query("SELECT * FROM policies ORDER BY seq")
            .fetch_all(self.pool())
            .await
            .ctx("reading the policy history")?;
        rows.iter().map(policy_from_row).collect()
    }

    /// Puts a (validated) policy in force, keeping the previous ones, with an audit entry.
    pub async fn save_policy(
        &self,
        version: &str,
        origin: &str,
        text: &str,
        actor: &str,
        reason: &str,
    ) -> Result<StoredPolicy> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting to save a policy")?;
        // The chain lock also serialises policy writers, so max(seq) + 1 cannot collide.
        let mut head = ChainHead::lock(&mut tx).await?;
        let previous: Option<String> =
            sqlx::query_scalar("SELECT version FROM policies ORDER BY seq DESC LIMIT 1")
                .fetch_optional(&mut *tx)
                .await
                .ctx("reading the current policy")?;
        let seq: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM policies")
            .fetch_one(&mut *tx)
            .await
            .ctx("numbering a policy")?;
        let now = now_micros();
        sqlx::query(
            "INSERT INTO policies (seq, version, origin, text, actor, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(seq)
        .bind(version)
        .bind(origin)
        .bind(text)
        .bind(actor)
        .bind(now)
        .execute(&mut *tx)
        .await
        .ctx("storing a policy")?;
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "policy.change".to_string(),
            subject: format!("policy:{version}"),
            policy_version: version.to_string(),
            reason: reason.to_string(),
            details: serde_json::json!({ "seq": seq, "origin": origin, "previous": previous })
                .to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a policy")?;
        Ok(StoredPolicy {
            seq,
            version: version.to_string(),
            origin: origin.to_string(),
            text: text.to_string(),
            actor: actor.to_string(),
            created_at: now,
        })
    }
}
