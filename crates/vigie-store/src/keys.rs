//! API keys: 32 random bytes shown once; only their BLAKE3 hash is stored. A fast unsalted
//! hash is enough here because the secret is 256 random bits, not a password a person chose.

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

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

/// Most keys the cache holds; past it the cache starts over (there are few keys in practice).
const KEY_CACHE_CAPACITY: usize = 10_000;

/// How long a key found in the database is trusted without reading it again, by default.
pub const DEFAULT_KEY_CACHE_TTL: Duration = Duration::from_secs(1);

/// Keys recently found in the database, by the hash of their token, so that a request does
/// not read the key table. A revocation through this store empties the cache at once; one
/// made by another process (`vigie keys revoke`, another server) is seen once the entry is
/// older than the TTL.
pub(crate) struct KeyCache {
    entries: RwLock<HashMap<[u8; 32], (ApiKey, Instant)>>,
    ttl_micros: AtomicU64,
    /// Bumped by every revocation: a lookup that read the database before a revocation must
    /// not put the key back in the cache after it.
    generation: AtomicU64,
}

impl KeyCache {
    pub(crate) fn new() -> KeyCache {
        KeyCache {
            entries: RwLock::new(HashMap::new()),
            ttl_micros: AtomicU64::new(micros(DEFAULT_KEY_CACHE_TTL)),
            generation: AtomicU64::new(0),
        }
    }

    fn ttl(&self) -> Duration {
        Duration::from_micros(self.ttl_micros.load(Ordering::Relaxed))
    }

    fn get(&self, hash: &[u8; 32]) -> Option<ApiKey> {
        let ttl = self.ttl();
        if ttl.is_zero() {
            return None;
        }
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        entries
            .get(hash)
            .filter(|(_, at)| at.elapsed() < ttl)
            .map(|(key, _)| key.clone())
    }

    fn put(&self, hash: [u8; 32], key: ApiKey, generation: u64) {
        if self.ttl().is_zero() {
            return;
        }
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        // Checked under the lock that `invalidate` also takes, so the two cannot interleave.
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if entries.len() >= KEY_CACHE_CAPACITY {
            entries.clear();
        }
        entries.insert(hash, (key, Instant::now()));
    }

    fn invalidate(&self) {
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.clear();
    }
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
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
        self.keys.invalidate();
        Ok(true)
    }

    /// The active key this token belongs to, if any. Answers from memory for keys found in
    /// the last [`Store::set_key_cache_ttl`] (one second by default); unknown tokens always
    /// go to the database.
    pub async fn authenticate(&self, token: &str) -> Result<Option<ApiKey>> {
        if !token.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let hash = blake3::hash(token.as_bytes());
        if let Some(key) = self.keys.get(hash.as_bytes()) {
            return Ok(Some(key));
        }
        let generation = self.keys.generation.load(Ordering::Acquire);
        let row = sqlx::query(
            "SELECT id, name, scopes, created_at, revoked_at FROM api_keys WHERE hash = $1 AND revoked_at IS NULL",
        )
        .bind(hash.to_hex().as_str())
        .fetch_optional(self.pool())
        .await
        .ctx("looking up a key")?;
        let key = row.as_ref().map(key_from_row).transpose()?;
        if let Some(key) = &key {
            self.keys.put(*hash.as_bytes(), key.clone(), generation);
        }
        Ok(key)
    }

    /// How long a key read from the database is trusted before it is read again: the longest
    /// a revocation made by another process (or server) takes to be seen here. Zero turns
    /// the cache off.
    pub fn set_key_cache_ttl(&self, ttl: Duration) {
        self.keys.ttl_micros.store(micros(ttl), Ordering::Relaxed);
        self.keys.invalidate();
    }
}
