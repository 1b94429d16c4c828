//! API keys: 32 random bytes shown once; only their BLAKE3 hash is stored. A fast unsalted
//! hash is enough here because the secret is 256 random bits, not a password a person chose.

use serde::Serialize;

use crate::audit::{AuditEvent, ChainHead};
use crate::{QueryContext, Result, Store, StoreError, get, now_micros, random_id};

/// What a key may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Submit posts.
    Ingest,
    /// Read decisions and the policy.
    Read,
    /// Change the policy, run backtests; implies the other scopes.
    Admin,
    /// Send notices as the notifier the key is bound to (`notifier_keys`, see notices.rs).
    Notify,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Ingest, Scope::Read, Scope::Admin, Scope::Notify];

    pub fn name(self) -> &'static str {
        match self {
            Scope::Ingest => "ingest",
            Scope::Read => "read",
            Scope::Admin => "admin",
            Scope::Notify => "notify",
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Scope {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Scope> {
        Scope::ALL
            .into_iter()
            .find(|c| c.name() == s)
            .ok_or_else(|| StoreError::Invalid {
                what: "scope",
                detail: format!("{s:?} (expected ingest, read, admin or notify)"),
            })
    }
}

/// A key as stored (never with its secret).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
}

impl ApiKey {
    /// Whether the key grants `scope` (admin grants everything).
    pub fn allows(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope) || self.scopes.contains(&Scope::Admin)
    }
}

/// A new key with its secret token, which is shown once and never stored.
#[derive(Debug, Clone)]
pub struct CreatedKey {
    pub key: ApiKey,
    pub token: String,
}

const TOKEN_PREFIX: &str = "vigie_";

fn token_hash(token: &str) -> String {
    blake3::hash(token.as_bytes()).to_hex().to_string()
}

fn key_from_row(row: &sqlx::any::AnyRow) -> Result<ApiKey> {
    let scopes: String = get(row, "scopes")?;
    Ok(ApiKey {
        id: get(row, "id")?,
        name: get(row, "name")?,
        scopes: scopes
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<_>>()?,
        created_at: get(row, "created_at")?,
        revoked_at: get(row, "revoked_at")?,
    })
}

impl Store {
    /// Creates a key; the audit log records who created it (not its secret).
    pub async fn create_key(
        &self,
        name: &str,
        scopes: &[Scope],
        actor: &str,
    ) -> Result<CreatedKey> {
        if scopes.is_empty() {
            return Err(StoreError::Invalid {
                what: "key",
                detail: "a key needs at least one scope".to_string(),
            });
        }
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|e| StoreError::Invalid {
            what: "key",
            detail: format!("the OS random generator failed: {e}"),
        })?;
        let token = format!("{TOKEN_PREFIX}{}", hex::encode(secret));
        let mut scopes = scopes.to_vec();
        scopes.sort_by_key(|s| s.name());
        scopes.dedup();
        let scope_list = scopes
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(",");
        let key = ApiKey {
            id: random_id()[..16].to_string(),
            name: name.to_string(),
            scopes,
            created_at: now_micros(),
            revoked_at: None,
        };
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting to create a key")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        sqlx::query(
            "INSERT INTO api_keys (id, name, hash, scopes, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&key.id)
        .bind(&key.name)
        .bind(token_hash(&token))
        .bind(&scope_list)
        .bind(key.created_at)
        .execute(&mut *tx)
        .await
        .ctx("storing a key")?;
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "key.create".to_string(),
            subject: format!("key:{}", key.id),
            reason: format!("key {:?} created with scopes {scope_list}", key.name),
            details: serde_json::json!({ "name": key.name, "scopes": scope_list }).to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, key.created_at).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a new key")?;
        Ok(CreatedKey { key, token })
    }

    /// Every key, newest first.
    pub async fn list_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = sqlx::query(
            "SELECT id, name, scopes, created_at, revoked_at FROM api_keys ORDER BY created_at DESC, id",
        )
        .fetch_all(self.pool())
        .await
        .ctx("listing keys")?;
        rows.iter().map(key_from_row).collect()
    }

    /// Revokes a key; `false` when no active key has this id.
    pub async fn revoke_key(&self, id: &str, actor: &str, reason: &str) -> Result<bool> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool().begin().await.ctx("starting to revoke a key")?;
        let mut head = ChainHead::lock(&mut tx).await?;
        let now = now_micros();
        let changed =
            sqlx::query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
                .bind(now)
                .bind(id)
                .execute(&mut *tx)
                .await
                .ctx("revoking a key")?
                .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        let event = AuditEvent {
            actor: actor.to_string(),
            kind: "key.revoke".to_string(),
            subject: format!("key:{id}"),
            reason: reason.to_string(),
            details: "{}".to_string(),
            ..AuditEvent::default()
        };
        head.append(&mut tx, &event, now).await?;
        head.save(&mut tx).await?;
        tx.commit().await.ctx("committing a key revocation")?;
        Ok(true)
    }

    /// The active key this token belongs to, if any.
    pub async fn authenticate(&self, token: &str) -> Result<Option<ApiKey>> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT id, name, scopes, created_at, revoked_at FROM api_keys WHERE hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash(token))
        .fetch_optional(self.pool())
        .await
        .ctx("looking up a key")?;
        row.as_ref().map(key_from_row).transpose()
    }
}
