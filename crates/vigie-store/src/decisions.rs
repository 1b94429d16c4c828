//! Posts and their decisions. A post is stored once per (platform, post id): submitting it
//! again gives back the decision stored the first time.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, Executor};
use tokio::sync::{mpsc, oneshot};
use vigie_policy::{Action, Decision, PostContext};
use vigie_review::{Case, ReviewConfig};

use std::collections::{HashMap, HashSet};

use crate::audit::{AuditEntry, AuditEvent, ChainHead, insert_entries};
use crate::{QueryContext, Result, Store, StoreError, get, now_micros, ordered_id};

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
    /// `decision.decision` as JSON, when the store made it (new decisions): the service
    /// answers with it instead of serialising the decision a second time.
    pub decision_json: Option<String>,
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
                    // Made here, on the caller's task, rather than on the single writer
                    // thread that every post waits for.
                    decision_json: serde_json::to_string(p.decision).map_err(|e| {
                        StoreError::Invalid {
                            what: "decision",
                            detail: e.to_string(),
                        }
                    })?,
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
pub(crate) struct OwnedPost {
    pub(crate) platform: String,
    pub(crate) post_id: String,
    pub(crate) author: Option<String>,
    pub(crate) text: String,
    /// `PostContext` as JSON.
    pub(crate) context: String,
    /// `context.reach`, for the priority of a case opened on the post.
    pub(crate) reach: Option<u64>,
    pub(crate) decision: Decision,
    /// `decision` as JSON.
    pub(crate) decision_json: String,
}

/// What the writer task did since the store was opened, for metrics: how many posts share
/// one transaction (one fsync) and how long the transactions take.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriterStats {
    /// Transactions that stored posts.
    pub groups: u64,
    /// Posts they stored (new or submitted again).
    pub posts: u64,
    /// Time spent in those transactions, in microseconds (commit and fsync included).
    pub busy_micros: u64,
    /// Of `busy_micros`, the time spent committing (writing the WAL), on SQLite; 0 on
    /// PostgreSQL, whose commit is one more round trip.
    pub commit_micros: u64,
    /// SQLite: the fsyncs of the WAL that made committed groups durable before their posts
    /// were answered (one may cover several groups), done beside the writer, not in
    /// `busy_micros`.
    pub wal_syncs: u64,
    /// Time spent in those fsyncs, in microseconds.
    pub wal_sync_micros: u64,
}

#[derive(Debug, Default)]
pub(crate) struct WriterCounters {
    groups: AtomicU64,
    posts: AtomicU64,
    busy_micros: AtomicU64,
    commit_micros: AtomicU64,
    pub(crate) wal_syncs: AtomicU64,
    wal_sync_micros: AtomicU64,
}

impl WriterCounters {
    pub(crate) fn record(&self, posts: usize, took: std::time::Duration) {
        self.groups.fetch_add(1, Ordering::Relaxed);
        self.posts
            .fetch_add(u64::try_from(posts).unwrap_or(u64::MAX), Ordering::Relaxed);
        self.busy_micros.fetch_add(
            u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    pub(crate) fn record_commit(&self, took: std::time::Duration) {
        self.commit_micros.fetch_add(
            u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    pub(crate) fn record_sync(&self, took: std::time::Duration) {
        self.wal_syncs.fetch_add(1, Ordering::Relaxed);
        self.wal_sync_micros.fetch_add(
            u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }
}

impl Store {
    /// What the writer task did since the store was opened.
    pub fn writer_stats(&self) -> WriterStats {
        let c = &self.writer_counters;
        WriterStats {
            groups: c.groups.load(Ordering::Relaxed),
            posts: c.posts.load(Ordering::Relaxed),
            busy_micros: c.busy_micros.load(Ordering::Relaxed),
            commit_micros: c.commit_micros.load(Ordering::Relaxed),
            wal_syncs: c.wal_syncs.load(Ordering::Relaxed),
            wal_sync_micros: c.wal_sync_micros.load(Ordering::Relaxed),
        }
    }
}

/// One `record_posts` call waiting for the writer task.
pub(crate) struct WriteJob {
    pub(crate) posts: Vec<OwnedPost>,
    pub(crate) actor: String,
    pub(crate) model_versions: String,
    pub(crate) reply: oneshot::Sender<Result<Vec<Recorded>>>,
}

/// Most posts committed in one transaction.
pub(crate) const MAX_GROUP_POSTS: usize = 512;

/// A group to commit together: `first` and the jobs already waiting behind it, up to about
/// `MAX_GROUP_POSTS` posts, and its number of posts. Never waits for more, so a lone post is
/// not delayed.
pub(crate) fn gather_group(
    first: WriteJob,
    jobs: &mut mpsc::Receiver<WriteJob>,
) -> (Vec<WriteJob>, usize) {
    let mut posts = first.posts.len();
    let mut group = vec![first];
    while posts < MAX_GROUP_POSTS {
        match jobs.try_recv() {
            Ok(job) => {
                posts += job.posts.len();
                group.push(job);
            }
            Err(_) => break,
        }
    }
    (group, posts)
}

/// The writer task on PostgreSQL (SQLite's is `sqlite_writer`): commits waiting jobs in
/// groups until every `Store` handle is dropped.
pub(crate) async fn run_writer(
    pool: AnyPool,
    write_lock: Arc<tokio::sync::Mutex<()>>,
    review: crate::SharedReviewConfig,
    counters: Arc<WriterCounters>,
    mut jobs: mpsc::Receiver<WriteJob>,
) {
    // The writer keeps one connection between groups instead of taking one from the pool
    // for each (which costs a round trip); it is
    // given back when the pool closes, so that closing does not wait for it forever.
    let mut conn: Option<PoolConnection<Any>> = None;
    let mut closed = std::pin::pin!(pool.close_event());
    let mut pool_closed = false;
    loop {
        let first = tokio::select! {
            job = jobs.recv() => match job {
                Some(job) => job,
                None => break,
            },
            () = &mut closed, if !pool_closed => {
                pool_closed = true;
                conn = None;
                continue;
            }
        };
        let (mut group, posts) = gather_group(first, &mut jobs);
        let _guard = write_lock.lock().await;
        let config = review
            .read()
            .map(|c| c.clone())
            .unwrap_or_else(|p| std::sync::Arc::clone(&p.into_inner()));
        let connection = match conn.take() {
            Some(c) => Ok(c),
            None => pool.acquire().await.ctx("starting to store posts"),
        };
        let mut connection = match connection {
            Ok(c) => c,
            Err(e) => {
                let message = e.to_string();
                let unavailable = e.is_unavailable();
                for job in group {
                    let _ = job.reply.send(Err(if unavailable {
                        StoreError::Closed
                    } else {
                        StoreError::Invalid {
                            what: "database connection",
                            detail: message.clone(),
                        }
                    }));
                }
                continue;
            }
        };
        let started = std::time::Instant::now();
        let r = commit_group(&mut connection, &group, &config).await;
        counters.record(posts, started.elapsed());
        match r {
            Ok(results) => {
                conn = Some(connection);
                for (job, mut recorded) in group.into_iter().zip(results) {
                    attach_json(job.posts, &mut recorded);
                    // The caller may have stopped waiting; its posts are stored regardless.
                    let _ = job.reply.send(Ok(recorded));
                }
            }
            Err(e) if group.len() == 1 => {
                // A connection that failed goes back to the pool, which checks it.
                let _ = group.remove(0).reply.send(Err(e));
            }
            Err(_) => {
                // One job's failure must not fail the others: retry each on its own.
                for job in group {
                    let result = commit_group(&mut connection, std::slice::from_ref(&job), &config)
                        .await
                        .map(|mut r| r.pop().unwrap_or_default());
                    let result = result.map(|mut recorded| {
                        attach_json(job.posts, &mut recorded);
                        recorded
                    });
                    let _ = job.reply.send(result);
                }
            }
        }
    }
}

/// Gives each new decision the JSON made of it for the store (moved, not copied). A post
/// replayed has the decision stored before, whose JSON this is not.
fn attach_json(posts: Vec<OwnedPost>, recorded: &mut [Recorded]) {
    for (post, r) in posts.into_iter().zip(recorded) {
        if !r.replayed {
            r.decision_json = Some(post.decision_json);
        }
    }
}

/// How often the WAL is checkpointed beside the writer (SQLite): this copies most of the WAL
/// into the database off the writer's thread; the writer's own checkpoint, after a commit,
/// then only finishes the copy. Durability does not change: a commit is durable once the
/// WAL is synced, checkpointed or not.
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// Checkpoints the WAL of an SQLite store until its pool closes. PASSIVE: it copies what it
/// can without waiting for, or blocking, readers and the writer.
pub(crate) async fn run_checkpoints(pool: AnyPool) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut closed = std::pin::pin!(pool.close_event());
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = &mut closed => break,
        }
        // A failed checkpoint is retried at the next tick; the WAL only grows meanwhile.
        let _ = pool.execute("PRAGMA wal_checkpoint(PASSIVE)").await;
    }
}

/// Rows per multi-row INSERT: well under both engines' limits on bound parameters
/// (SQLite 32766, PostgreSQL 65535) at 11 columns.
pub(crate) const ROWS_PER_STATEMENT: usize = 256;

/// `($1, $2), ($3, $4)` for `rows` rows of `columns` placeholders.
pub(crate) fn values_clause(rows: usize, columns: usize) -> String {
    values_from(rows, columns, Placeholders::NumberedFrom(1))
}

/// A post's decision as it will be stored if the post is new.
struct Candidate {
    stored: StoredDecision,
    reach: Option<u64>,
}

/// How placeholders are written: `$n`, numbered from a first number (the SQLite writer,
/// which used SQLite's anonymous `?` here, now has statements of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placeholders {
    NumberedFrom(usize),
}

/// `($1, $2), ($3, $4)` for `rows` rows of `columns` placeholders.
pub(crate) fn values_from(rows: usize, columns: usize, placeholders: Placeholders) -> String {
    let mut sql = String::with_capacity(rows * columns * 6);
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            match placeholders {
                Placeholders::NumberedFrom(first) => {
                    sql.push('$');
                    sql.push_str(&(first + r * columns + c).to_string());
                }
            }
        }
        sql.push(')');
    }
    sql
}

const POST_COLUMNS: usize = 6;
const DECISION_COLUMNS: usize = 8;

fn insert_posts_sql(rows: usize, placeholders: Placeholders) -> String {
    format!(
        "INSERT INTO posts (platform, post_id, author, text, context, received_at) VALUES {}
         ON CONFLICT (platform, post_id) DO NOTHING",
        values_from(rows, POST_COLUMNS, placeholders)
    )
}

/// The decisions of posts stored before conflict on (platform, post_id) and are skipped; with
/// `returning`, the ids of the decisions stored come back, one row each.
fn insert_decisions_sql(rows: usize, placeholders: Placeholders, returning: bool) -> String {
    format!(
        "INSERT INTO decisions (id, platform, post_id, author, decision, action, policy_version, created_at) VALUES {}
         ON CONFLICT (platform, post_id) DO NOTHING{}",
        values_from(rows, DECISION_COLUMNS, placeholders),
        if returning { " RETURNING id" } else { "" }
    )
}

pub(crate) type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments>;

fn bind_posts<'q>(
    mut q: AnyQuery<'q>,
    posts: &[(&WriteJob, &OwnedPost)],
    now: i64,
) -> AnyQuery<'q> {
    for (_, p) in posts {
        q = q
            .bind(&p.platform)
            .bind(&p.post_id)
            .bind(&p.author)
            .bind(&p.text)
            .bind(&p.context)
            .bind(now);
    }
    q
}

fn bind_decisions<'q>(
    mut q: AnyQuery<'q>,
    candidates: &[Candidate],
    posts: &[(&WriteJob, &OwnedPost)],
) -> AnyQuery<'q> {
    for (c, (_, p)) in candidates.iter().zip(posts) {
        let d = &c.stored;
        q = q
            .bind(&d.id)
            .bind(&d.platform)
            .bind(&d.post_id)
            .bind(&d.author)
            .bind(&p.decision_json)
            .bind(d.decision.action.name())
            .bind(&*d.decision.policy_version)
            .bind(d.created_at);
    }
    q
}

/// Ends a transaction begun by hand after a failure; the failure is what the caller reports.
async fn roll_back(conn: &mut AnyConnection) {
    // Fails harmlessly when the failed statement already ended the transaction.
    let _ = conn.execute("ROLLBACK").await;
}

/// Stores every job's posts in one transaction; one result list per job, in order.
async fn commit_group(
    conn: &mut AnyConnection,
    group: &[WriteJob],
    config: &ReviewConfig,
) -> Result<Vec<Vec<Recorded>>> {
    let now = now_micros();
    let posts: Vec<(&WriteJob, &OwnedPost)> = group
        .iter()
        .flat_map(|job| job.posts.iter().map(move |p| (job, p)))
        .collect();
    // Every post gets its decision ready; those of posts stored before are dropped below.
    let candidates = posts
        .iter()
        .map(|(_, p)| Candidate {
            stored: StoredDecision {
                id: ordered_id(now),
                platform: p.platform.clone(),
                post_id: p.post_id.clone(),
                author: p.author.clone(),
                created_at: now,
                decision: p.decision.clone(),
            },
            reach: p.reach,
        })
        .collect::<Vec<_>>();

    conn.execute("BEGIN").await.ctx("starting to store posts")?;
    match write_group(conn, &posts, candidates, config, now).await {
        Ok(out) => {
            let mut out = out.into_iter();
            Ok(group
                .iter()
                .map(|job| out.by_ref().take(job.posts.len()).collect())
                .collect())
        }
        Err(e) => {
            roll_back(conn).await;
            Err(e)
        }
    }
}

/// Whether a decision is one a person must look at: it opens (or joins) a case.
pub(crate) fn needs_case(action: Action) -> bool {
    matches!(
        action,
        Action::HoldForReview | Action::EscalateUrgent | Action::Remove
    )
}

/// Subject keys per `IN (…)` list.
const KEYS_PER_STATEMENT: usize = 1000;

/// `SELECT … FROM cases WHERE subject_key IN (…)` for `keys` keys: the subjects that already
/// have a case, as `taken_subject`.
fn taken_subjects_sql(keys: usize, placeholders: Placeholders) -> String {
    format!(
        "SELECT subject_key AS taken_subject FROM cases WHERE subject_key IN {}",
        // One row of `keys` columns is `(?, ?, …)`: the list.
        values_from(1, keys, placeholders)
    )
}

/// The body of [`commit_group`] (PostgreSQL; the caller began the transaction); commits it
/// on success.
///
/// Round trips are what a group's time is made of, so their number does not grow with the
/// group (one statement per round trip, up to 256 rows each). Only a flagged post whose
/// subject already has a case (reported before it was recorded, which is rare) costs round
/// trips of its own.
async fn write_group(
    conn: &mut AnyConnection,
    posts: &[(&WriteJob, &OwnedPost)],
    candidates: Vec<Candidate>,
    config: &ReviewConfig,
    now: i64,
) -> Result<Vec<Recorded>> {
    // Taking the chain lock first also serialises post writers (of every process), so a
    // conflicting insert below always sees the other writer's committed decision, and no
    // case can be opened between the check for existing cases and the insert of new ones.
    let mut head;
    // The ids of the candidates stored: a candidate's id is new, so it is in the table exactly
    // when its post was new.
    let mut inserted: HashSet<String> = HashSet::with_capacity(posts.len());
    let mut taken: HashSet<String> = HashSet::new();
    // Subject keys of the posts whose decision needs a case, if the post is new.
    let flagged: Vec<String> = candidates
        .iter()
        .filter(|c| needs_case(c.stored.decision.action))
        .map(|c| crate::review::post_subject_key(&c.stored.platform, &c.stored.post_id))
        .collect();
    head = ChainHead::lock(conn).await?;
    // Posts and their decisions in one statement (one round trip): the posts are
    // inserted by a WITH clause, and the decisions' foreign key is checked at the end
    // of the statement, when the posts are there.
    for (chunk, posts) in candidates
        .chunks(ROWS_PER_STATEMENT)
        .zip(posts.chunks(ROWS_PER_STATEMENT))
    {
        let sql = format!(
            "WITH new_posts AS ({}) {}",
            insert_posts_sql(posts.len(), Placeholders::NumberedFrom(1)),
            insert_decisions_sql(
                chunk.len(),
                Placeholders::NumberedFrom(1 + posts.len() * POST_COLUMNS),
                true
            )
        );
        // Safe: fixed fragments and placeholders; every value is bound.
        let q = bind_posts(sqlx::query(sqlx::AssertSqlSafe(sql)), posts, now);
        let rows = bind_decisions(q, chunk, posts)
            .fetch_all(&mut *conn)
            .await
            .ctx("storing posts and decisions")?;
        for row in rows {
            inserted.insert(get(&row, "id")?);
        }
    }
    for chunk in flagged.chunks(KEYS_PER_STATEMENT) {
        let sql = taken_subjects_sql(chunk.len(), Placeholders::NumberedFrom(1));
        // Safe: fixed fragments and placeholders; every value is bound.
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for key in chunk {
            q = q.bind(key.as_str());
        }
        for row in q
            .fetch_all(&mut *conn)
            .await
            .ctx("finding the cases of flagged posts")?
        {
            taken.insert(get(&row, "taken_subject")?);
        }
    }

    // New decisions and their audit entries, in submission order. Each post's decision is an
    // index into `new_decisions` (decisions are cloned only for a post sent twice at once).
    let mut results: Vec<Option<usize>> = Vec::with_capacity(posts.len());
    let mut new_here: HashMap<(String, String), usize> = HashMap::new();
    let mut events: Vec<(AuditEvent, serde_json::Value)> = Vec::new();
    let mut new_decisions: Vec<Candidate> = Vec::new();
    for ((job, p), candidate) in posts.iter().zip(candidates) {
        let key = (p.platform.clone(), p.post_id.clone());
        if !inserted.remove(&candidate.stored.id) {
            results.push(None);
            continue;
        }
        let d = &p.decision;
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
                subject: format!("decision:{}", candidate.stored.id),
                policy_version: d.policy_version.to_string(),
                model_versions: job.model_versions.clone(),
                reason: d
                    .reason_code
                    .as_deref()
                    .unwrap_or("default_allow")
                    .to_string(),
                details: String::new(),
            },
            details,
        ));
        new_here.insert(key, new_decisions.len());
        results.push(Some(new_decisions.len()));
        new_decisions.push(candidate);
    }
    // Decisions a person must look at open a case in the same transaction (a decision is
    // never stored without the case that reviews it); the decision's audit entry names it.
    // A subject with no case gets a new one, inserted with the others below; one that has a
    // case already (a user reported the post first) joins it.
    let mut new_cases: Vec<Case> = Vec::new();
    for (c, (_, details)) in new_decisions.iter().zip(events.iter_mut()) {
        let d = &c.stored;
        if !needs_case(d.decision.action) {
            continue;
        }
        let subject = crate::review::post_subject_key(&d.platform, &d.post_id);
        let case = crate::review::case_for_decision(
            &d.platform,
            d.author.as_deref(),
            d.decision.clone(),
            c.reach,
            config,
            now,
        );
        let case_id = if taken.contains(&subject) {
            crate::review::open_or_join_case(conn, case, config, now).await?
        } else {
            let id = case.id.clone();
            new_cases.push(case);
            id
        };
        details["case_id"] = serde_json::Value::String(case_id);
    }
    let case_rows = new_cases
        .iter()
        .map(crate::review::CaseRow::of)
        .collect::<Result<Vec<_>>>()?;
    let members: Vec<crate::review::MemberRow<'_>> = new_cases
        .iter()
        .flat_map(|c| crate::review::member_rows(c, config))
        .collect();
    let entries: Vec<AuditEntry> = events
        .into_iter()
        .map(|(mut event, details)| {
            event.details = details.to_string();
            head.chain(&event, now)
        })
        .collect();

    // Posts stored before (or earlier in this group): their first decision.
    let mut uses = vec![0usize; new_decisions.len()];
    let mut sources = Vec::with_capacity(posts.len());
    for ((_, p), result) in posts.iter().zip(results) {
        let source = match result {
            Some(i) => Some((i, false)),
            None => new_here
                .get(&(p.platform.clone(), p.post_id.clone()))
                .map(|&i| (i, true)),
        };
        if let Some((i, _)) = source {
            uses[i] += 1;
        }
        sources.push(source);
    }
    let mut new_decisions: Vec<Option<StoredDecision>> =
        new_decisions.into_iter().map(|c| Some(c.stored)).collect();
    let mut out = Vec::with_capacity(posts.len());
    for ((_, p), source) in posts.iter().zip(sources) {
        let recorded = match source {
            Some((i, replayed)) => {
                uses[i] -= 1;
                let decision = if uses[i] == 0 {
                    new_decisions[i].take()
                } else {
                    new_decisions[i].clone()
                };
                Recorded {
                    decision: decision.ok_or_else(|| StoreError::Invalid {
                        what: "post group",
                        detail: "a decision was used more often than counted".to_string(),
                    })?,
                    replayed,
                    decision_json: None,
                }
            }
            None => {
                let row = sqlx::query(SELECT_BY_POST)
                    .bind(&p.platform)
                    .bind(&p.post_id)
                    .fetch_one(&mut *conn)
                    .await
                    .ctx("reading the decision of a post stored before")?;
                Recorded {
                    decision: decision_from_row(&row)?,
                    replayed: true,
                    decision_json: None,
                }
            }
        };
        out.push(recorded);
    }

    for chunk in case_rows.chunks(ROWS_PER_STATEMENT) {
        let sql = crate::review::insert_cases_sql(chunk.len(), Placeholders::NumberedFrom(1));
        // Safe: fixed fragments and placeholders; every value is bound.
        crate::review::bind_cases(sqlx::query(sqlx::AssertSqlSafe(sql)), chunk)
            .execute(&mut *conn)
            .await
            .ctx("storing cases")?;
    }
    for chunk in members.chunks(ROWS_PER_STATEMENT) {
        let sql = crate::review::insert_members_sql(chunk.len(), Placeholders::NumberedFrom(1));
        // Safe: fixed fragments and placeholders; every value is bound.
        crate::review::bind_members(sqlx::query(sqlx::AssertSqlSafe(sql)), chunk)
            .execute(&mut *conn)
            .await
            .ctx("storing cases' queues")?;
    }
    // The last entries and the head in one statement.
    let last = entries.len().saturating_sub(1) / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
    insert_entries(conn, &entries[..last]).await?;
    let tail = &entries[last..];
    let mut sql = String::new();
    if !tail.is_empty() {
        sql = format!(
            "WITH new_entries AS ({}) ",
            crate::audit::insert_entries_sql(tail.len(), Placeholders::NumberedFrom(1))
        );
    }
    let next = 1 + tail.len() * crate::audit::ENTRY_COLUMNS;
    sql.push_str(&format!(
        "UPDATE audit_head SET seq = ${next}, hash = ${} WHERE id = 1",
        next + 1
    ));
    // Safe: fixed fragments and placeholders; every value is bound.
    crate::audit::bind_entries(sqlx::query(sqlx::AssertSqlSafe(sql)), tail)
        .bind(head.seq())
        .bind(head.hash().to_string())
        .execute(&mut *conn)
        .await
        .ctx("appending to the audit log")?;
    conn.execute("COMMIT")
        .await
        .ctx("committing posts and decisions")?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_clauses_number_placeholders_row_by_row() {
        assert_eq!(values_clause(2, 3), "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(values_clause(1, 1), "($1)");
        assert_eq!(
            values_from(2, 2, Placeholders::NumberedFrom(5)),
            "($5, $6), ($7, $8)"
        );
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
