//! vigie's storage: posts, their decisions, the hash-chained audit log, API keys and every
//! version of the policy, on embedded SQLite (default) or PostgreSQL.
//!
//! One schema and one set of queries serve both engines through sqlx's `Any` driver: the SQL
//! only uses what both accept, times are unix microseconds and JSON is text, so a database can
//! be verified the same way whichever engine holds it.
//!
//! Durability: on SQLite the database runs in WAL mode. Every connection but the writer's uses
//! `synchronous=FULL`, so its commit returns only once the WAL is fsynced; the writer, which
//! stores the posts, commits with `synchronous=NORMAL` and a thread beside it fsyncs the WAL
//! before any post of the group is answered (`sqlite_writer`; the argument is in
//! docs/load.md). PostgreSQL's default `synchronous_commit=on` gives the same. The server
//! acknowledges a post only after the transaction holding its decision (and its audit entry)
//! committed and is on disk, so an acknowledged decision survives a crash or power loss.

mod audit;
mod console;
mod decisions;
mod keys;
mod notices;
mod policies;
mod reports;
mod retention;
mod review;
mod sor;
mod sqlite_writer;
#[cfg(feature = "test-support")]
pub mod test_support;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor, Row};

pub use audit::{AuditEntry, AuditEvent, Broken, VerifyReport};
pub use console::{
    AuditFilter, AuthorDecision, CaseWebhook, ConsoleSession, Dashboard, DecisionCursor,
    NewConsoleSession,
};
pub use decisions::{
    DecisionFilter, DecisionPage, NewPost, Recorded, StoredDecision, StoredPost, WriterStats,
};
pub use keys::{ApiKey, CreatedKey, DEFAULT_KEY_CACHE_TTL, Scope};
pub use notices::{
    AnswerItem, ClockRound, ClockSettings, CreatedNotice, LegalHold, MAX_NOTICE_ITEMS, NewNotice,
    NoticeAnswer, NoticeItem, Notifier, StoredNotice,
};
pub use policies::StoredPolicy;
pub use retention::PurgeReport;
pub use review::{
    Applied, CaseChange, CreatedUser, OutboxItem, QueueCursor, QueuePage, ReportOutcome, User,
    subject_key,
};
pub use sor::{
    RefusedStatement, STATE_EXPORTED, STATE_FAILED, STATE_REJECTED, STATE_SUBMITTED, SorBatch,
    SorReceipt, StatementOutcome, StatementSet, StoredStatement, sor_schema,
};
/// Statements of reasons and transparency reports, as the store builds them.
pub use vigie_report;
/// The review workflow's types, as the store persists them.
pub use vigie_review;

/// Where the data lives.
#[derive(Debug, Clone)]
pub enum Location {
    /// Embedded SQLite in this directory (`vigie.db`), created if missing.
    DataDir(PathBuf),
    /// `postgres://…` or `sqlite:…`.
    Url(String),
}

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("creating data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("unsupported database URL {url:?}: expected postgres://… or sqlite:…")]
    UnsupportedUrl { url: String },
    #[error("connecting to {what}: {source}")]
    Connect { what: String, source: sqlx::Error },
    #[error("applying migration {name}: {source}")]
    Migration { name: String, source: sqlx::Error },
    #[error("migration {name} was changed after it was applied (checksum differs)")]
    MigrationChanged { name: String },
    #[error("database error while {what}: {source}")]
    Query {
        what: &'static str,
        source: sqlx::Error,
    },
    /// From the SQLite writer's own connection (everything else goes through sqlx).
    #[error("database error while {what}: {source}")]
    Sqlite {
        what: &'static str,
        source: rusqlite::Error,
    },
    #[error("stored {what} is unreadable: {detail}")]
    Corrupt { what: &'static str, detail: String },
    /// The SQLite writer's fsync of the WAL failed: the posts it covered were committed but
    /// are not known to be durable, so they are not acknowledged.
    #[error("syncing the write-ahead log {path}: {source}")]
    WalSync {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the store was closed")]
    Closed,
    #[error("invalid {what}: {detail}")]
    Invalid { what: &'static str, detail: String },
    /// The review workflow refused a transition; nothing was changed.
    #[error(transparent)]
    Review(#[from] vigie_review::ReviewError),
}

impl StoreError {
    /// The database cannot be reached or the store is shutting down (retrying later may
    /// work), as opposed to a query or data problem.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Closed | StoreError::WalSync { .. } => true,
            StoreError::Query { source, .. } | StoreError::Connect { source, .. } => matches!(
                source,
                sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_)
            ),
            StoreError::Sqlite { source, .. } => matches!(
                source.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            _ => false,
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Shorthand to attach what we were doing to a sqlx error.
pub(crate) trait QueryContext<T> {
    fn ctx(self, what: &'static str) -> Result<T>;
}

impl<T> QueryContext<T> for std::result::Result<T, sqlx::Error> {
    fn ctx(self, what: &'static str) -> Result<T> {
        self.map_err(|source| StoreError::Query { what, source })
    }
}

/// Our own small migration runner rather than `sqlx::migrate!`: the files must run unchanged
/// on both engines through the `Any` driver, and a list of embedded files with a checksum
/// table is all that needs.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "0001_init", include_str!("../migrations/0001_init.sql")),
    (
        2,
        "0002_review",
        include_str!("../migrations/0002_review.sql"),
    ),
    (
        3,
        "0003_queue_members",
        include_str!("../migrations/0003_queue_members.sql"),
    ),
    (
        6,
        "0006_console",
        include_str!("../migrations/0006_console.sql"),
    ),
    (
        4,
        "0004_notices",
        include_str!("../migrations/0004_notices.sql"),
    ),
    (5, "0005_sor", include_str!("../migrations/0005_sor.sql")),
];

/// The database file inside a data directory.
pub const SQLITE_FILE: &str = "vigie.db";

/// A handle on the database, cheap to clone and share between tasks.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Writers take this before the database lock so that one process's writers queue here
    /// instead of spinning on SQLite's busy handler; the database lock still serialises
    /// writers from other processes.
    write_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Posts go to the writer task, which commits concurrent calls together.
    writer: tokio::sync::mpsc::Sender<decisions::WriteJob>,
    /// The review configuration cases are opened with (see `set_review_config`).
    review: SharedReviewConfig,
    /// API keys recently authenticated (see `authenticate`).
    keys: std::sync::Arc<keys::KeyCache>,
    writer_counters: std::sync::Arc<decisions::WriterCounters>,
}

pub(crate) type SharedReviewConfig =
    std::sync::Arc<std::sync::RwLock<std::sync::Arc<vigie_review::ReviewConfig>>>;

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("backend", &self.backend)
            .finish()
    }
}

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to date.
    pub async fn open(location: &Location) -> Result<Store> {
        install_default_drivers();
        let (url, backend, what) = match location {
            Location::DataDir(dir) => {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
                    path: dir.clone(),
                    source,
                })?;
                let file = dir.join(SQLITE_FILE);
                (
                    sqlite_url(&file),
                    Backend::Sqlite,
                    file.display().to_string(),
                )
            }
            Location::Url(url) => {
                let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://")
                {
                    Backend::Postgres
                } else if url.starts_with("sqlite:") {
                    Backend::Sqlite
                } else {
                    return Err(StoreError::UnsupportedUrl { url: url.clone() });
                };
                (url.clone(), backend, redact(url))
            }
        };
        let options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            // An embedded database has no network to fail: pinging before every use would
            // only add a hand-off to the connection's thread per query.
            .test_before_acquire(backend != Backend::Sqlite);
        let options = if backend == Backend::Sqlite {
            options.after_connect(|conn, _meta| {
                Box::pin(async move {
                    // WAL lets readers run beside the writer; FULL makes every commit fsync
                    // the WAL, which is what "acknowledged = durable" rests on.
                    conn.execute("PRAGMA journal_mode = WAL").await?;
                    conn.execute("PRAGMA synchronous = FULL").await?;
                    conn.execute("PRAGMA busy_timeout = 10000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    Ok(())
                })
            })
        } else {
            options
        };
        let pool = options
            .connect(&url)
            .await
            .map_err(|source| StoreError::Connect { what, source })?;
        let write_lock = std::sync::Arc::new(tokio::sync::Mutex::new(()));
        let (writer, jobs) = tokio::sync::mpsc::channel(1024);
        let review: SharedReviewConfig = std::sync::Arc::new(std::sync::RwLock::new(
            std::sync::Arc::new(vigie_review::ReviewConfig::example().unwrap_or_default()),
        ));
        let writer_counters = std::sync::Arc::new(decisions::WriterCounters::default());
        let store = Store {
            pool,
            backend,
            write_lock,
            writer,
            review,
            keys: std::sync::Arc::new(keys::KeyCache::new()),
            writer_counters,
        };
        // Migrations first: the SQLite writer opens its own connection on the schema they
        // leave, and no post can be sent before `open` returns.
        store.migrate().await?;
        store.start_writer(jobs).await?;
        if backend == Backend::Sqlite {
            tokio::spawn(decisions::run_checkpoints(store.pool.clone()));
        }
        Ok(store)
    }

    /// Starts the thread that stores posts (see `record_posts`). It gets a thread of its
    /// own: on SQLite every call it makes blocks; on PostgreSQL a group waits on several
    /// round trips, and on the shared runtime each answer would queue behind every request
    /// being decided before the writer runs again.
    async fn start_writer(
        &self,
        jobs: tokio::sync::mpsc::Receiver<decisions::WriteJob>,
    ) -> Result<()> {
        let (write_lock, review, counters) = (
            self.write_lock.clone(),
            self.review.clone(),
            self.writer_counters.clone(),
        );
        let spawned = match self.backend {
            Backend::Sqlite => {
                // The file the pool opened, whichever way the location named it.
                let file: String =
                    sqlx::query_scalar("SELECT file FROM pragma_database_list WHERE name = 'main'")
                        .fetch_one(&self.pool)
                        .await
                        .ctx("finding the database file")?;
                if file.is_empty() {
                    return Err(StoreError::Invalid {
                        what: "SQLite location",
                        detail:
                            "an in-memory database cannot be shared with the writer; give a file"
                                .to_string(),
                    });
                }
                let writer = sqlite_writer::SqliteWriter::open(Path::new(&file))?;
                let pool = self.pool.clone();
                std::thread::Builder::new()
                    .name("vigie-writer".to_string())
                    .spawn(move || writer.run(pool, write_lock, review, counters, jobs))
            }
            Backend::Postgres => {
                let task =
                    decisions::run_writer(self.pool.clone(), write_lock, review, counters, jobs);
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| StoreError::Invalid {
                        what: "writer runtime",
                        detail: e.to_string(),
                    })?;
                std::thread::Builder::new()
                    .name("vigie-writer".to_string())
                    .spawn(move || runtime.block_on(task))
            }
        };
        spawned.map(drop).map_err(|e| StoreError::Invalid {
            what: "writer thread",
            detail: e.to_string(),
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (for readiness probes).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .ctx("pinging the database")?;
        Ok(())
    }

    /// Closes every connection (waits for them to be returned; the SQLite writer closes its
    /// own when it next wakes: it refuses that post and every later one).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    async fn migrate(&self) -> Result<()> {
        let _guard = self.write_lock.lock().await;
        self.pool
            .execute(
                "CREATE TABLE IF NOT EXISTS vigie_migrations (
                    version BIGINT PRIMARY KEY,
                    name TEXT NOT NULL,
                    checksum TEXT NOT NULL,
                    applied_at BIGINT NOT NULL)",
            )
            .await
            .ctx("creating the migrations table")?;
        for (version, name, sql) in MIGRATIONS {
            let checksum = blake3::hash(sql.as_bytes()).to_hex().to_string();
            let mut tx = self.pool.begin().await.ctx("starting a migration")?;
            let applied: Option<String> =
                sqlx::query_scalar("SELECT checksum FROM vigie_migrations WHERE version = $1")
                    .bind(*version)
                    .fetch_optional(&mut *tx)
                    .await
                    .ctx("reading applied migrations")?;
            match applied {
                Some(c) if c == checksum => continue,
                Some(_) => {
                    return Err(StoreError::MigrationChanged {
                        name: (*name).to_string(),
                    });
                }
                None => {}
            }
            for statement in split_statements(sql) {
                // Safe: the statements come from the migration files compiled into the binary.
                tx.execute(sqlx::AssertSqlSafe(statement))
                    .await
                    .map_err(|source| StoreError::Migration {
                        name: (*name).to_string(),
                        source,
                    })?;
            }
            // A concurrent process may have applied it meanwhile: its insert wins and ours
            // fails, rolling our copy back, which is what we want.
            sqlx::query(
                "INSERT INTO vigie_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(*version)
            .bind(*name)
            .bind(checksum)
            .bind(now_micros())
            .execute(&mut *tx)
            .await
            .map_err(|source| StoreError::Migration {
                name: (*name).to_string(),
                source,
            })?;
            tx.commit().await.map_err(|source| StoreError::Migration {
                name: (*name).to_string(),
                source,
            })?;
        }
        Ok(())
    }

    /// Runs one SQL statement as is (tests use it to tamper with the audit log).
    #[cfg(feature = "test-support")]
    pub async fn execute_raw(&self, sql: &str) -> Result<u64> {
        Ok(sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .execute(&self.pool)
            .await
            .ctx("running raw SQL")?
            .rows_affected())
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

fn sqlite_url(file: &Path) -> String {
    format!("sqlite://{}?mode=rwc", file.display())
}

/// A database URL with its password hidden, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &userinfo[..colon],
                    &url[at..]
                ),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Splits a migration file into statements, dropping `--` comment lines (our files never put
/// a `;` inside a string or comment, which keeps this split correct).
fn split_statements(sql: &str) -> Vec<String> {
    let without_comments: String = sql
        .lines()
        .filter(|l| !l.trim_start().starts_with("--"))
        .collect::<Vec<_>>()
        .join("\n");
    without_comments
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Now, in unix microseconds.
pub fn now_micros() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_micros()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Unix microseconds as RFC 3339 (UTC).
pub fn format_time(micros: i64) -> String {
    let nanos = i128::from(micros) * 1000;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| micros.to_string())
}

/// RFC 3339 time (or plain unix seconds) to unix microseconds.
pub fn parse_time(text: &str) -> Result<i64> {
    if let Ok(seconds) = text.parse::<i64>() {
        return seconds.checked_mul(1_000_000).ok_or(StoreError::Invalid {
            what: "time",
            detail: format!("{text:?} is out of range"),
        });
    }
    let t = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|e| StoreError::Invalid {
            what: "time",
            detail: format!("{text:?} is neither RFC 3339 nor unix seconds: {e}"),
        })?;
    i64::try_from(t.unix_timestamp_nanos() / 1000).map_err(|_| StoreError::Invalid {
        what: "time",
        detail: format!("{text:?} is out of range"),
    })
}

/// A random identifier: 16 bytes from the OS, hex.
pub(crate) fn random_id() -> String {
    let mut bytes = [0u8; 16];
    // The OS generator failing is not something we can work around; an all-zero id would
    // collide, so fall back to time-derived bytes instead of panicking.
    if getrandom::fill(&mut bytes).is_err() {
        bytes[..8].copy_from_slice(&now_micros().to_be_bytes());
    }
    hex::encode(bytes)
}

/// An identifier that sorts by creation time: `now` (unix microseconds, 14 hex digits), then
/// 9 random bytes, 32 hex digits in all like [`random_id`]. New rows then land at the end of
/// the id index instead of on a random page of it, so a commit writes fewer pages.
pub(crate) fn ordered_id(now: i64) -> String {
    let mut bytes = [0u8; 9];
    if getrandom::fill(&mut bytes).is_err() {
        // Unique enough within one process: a counter stands in for the random part.
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        bytes[1..].copy_from_slice(&n.to_be_bytes());
    }
    let micros = u64::try_from(now).unwrap_or(0) & 0x00ff_ffff_ffff_ffff;
    format!("{micros:014x}{}", hex::encode(bytes))
}

pub(crate) fn get<'r, T>(row: &'r sqlx::any::AnyRow, column: &'static str) -> Result<T>
where
    T: sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    row.try_get(column).ctx("reading a row")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_split_without_comments() {
        let parts = split_statements(
            "-- a; comment\nCREATE TABLE a (x TEXT);\n\nINSERT INTO a VALUES ('1');\n",
        );
        assert_eq!(
            parts,
            vec!["CREATE TABLE a (x TEXT)", "INSERT INTO a VALUES ('1')"]
        );
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://vigie:secret@db:5432/vigie"),
            "postgres://vigie:***@db:5432/vigie"
        );
        assert_eq!(redact("postgres://db/vigie"), "postgres://db/vigie");
    }

    #[test]
    fn ordered_ids_sort_by_time_and_differ() {
        let a = ordered_id(1_700_000_000_000_000);
        let b = ordered_id(1_700_000_000_000_001);
        let c = ordered_id(1_700_000_000_000_001);
        assert_eq!((a.len(), b.len()), (32, 32));
        assert!(a.bytes().all(|x| x.is_ascii_hexdigit()));
        assert!(a < b && a < c, "{a} {b} {c}");
        assert_ne!(b, c);
    }

    #[test]
    fn times_round_trip() {
        let t = parse_time("2026-11-29T04:00:00.000001Z").unwrap();
        assert_eq!(format_time(t), "2026-11-29T04:00:00.000001Z");
        assert_eq!(parse_time("10").unwrap(), 10_000_000);
        assert!(parse_time("yesterday").is_err());
    }
}
