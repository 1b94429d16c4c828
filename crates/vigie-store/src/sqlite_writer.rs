//! The SQLite writer: the thread that stores every post, its decision, its audit entry and
//! any case it opens, in groups (one transaction, one WAL fsync, for every post waiting).
//!
//! It drives SQLite itself (rusqlite, linked against the same `libsqlite3-sys` as sqlx, so
//! one SQLite library sees both connections and their locks) rather than through a pooled
//! sqlx connection: sqlx runs each connection on a thread of its own, so every command was
//! a hand-off to that thread and back, values were copied into the driver's own buffers,
//! and a group's multi-row statements, whose shape changed with the group's size, were
//! parsed again for every group. Here the statements are fixed single-row ones, kept
//! prepared for the connection's life and run once per row, with values bound by
//! reference, on the thread that computes the audit chain. Reads, migrations and every
//! other write stay on sqlx; they and this writer are serialised by the store's write lock
//! and, across processes, by SQLite's own database lock.
//!
//! Durability is made in two steps on two threads: the writer commits a group with
//! `synchronous = NORMAL` (its WAL frames are written, not yet synced) and goes on with the
//! next group, while a second thread fsyncs the WAL file and only then answers the group's
//! posts. With `synchronous = FULL` the writer waited for each commit's fsync before it could
//! write the next group. docs/load.md argues why every acknowledged post is still durable: SQLite
//! appends a commit's frames to the WAL before `COMMIT` returns, so an fsync of the WAL that
//! starts after that covers them, and recovery replays every commit whose frames are on disk.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use std::time::Instant;

use rusqlite::{Connection, OpenFlags, TransactionBehavior, params};
use serde::Serialize;
use tokio::sync::mpsc;
use vigie_review::{Case, ReviewConfig};

use crate::audit::{ChainHead, EventRef};
use crate::decisions::{
    OwnedPost, Recorded, StoredDecision, WriteJob, WriterCounters, gather_group, needs_case,
};
use crate::review::{
    CaseRow, MemberRow, case_for_decision, join_automated, list_column, member_rows, to_json,
};
use crate::{Result, StoreError, now_micros, ordered_id};

/// Shorthand to attach what we were doing to a rusqlite error.
pub(crate) trait SqliteContext<T> {
    fn sqlite(self, what: &'static str) -> Result<T>;
}

impl<T> SqliteContext<T> for rusqlite::Result<T> {
    fn sqlite(self, what: &'static str) -> Result<T> {
        self.map_err(|source| StoreError::Sqlite { what, source })
    }
}

const LOCK_HEAD: &str = "UPDATE audit_head SET touched_at = ?1 WHERE id = 1 RETURNING seq, hash";
const SAVE_HEAD: &str = "UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1";
const INSERT_POST: &str =
    "INSERT INTO posts (platform, post_id, author, text, context, received_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (platform, post_id) DO NOTHING";
/// A post stored before conflicts here and is skipped: the decision stored is the first one.
const INSERT_DECISION: &str = "INSERT INTO decisions
     (id, platform, post_id, author, decision, action, policy_version, created_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (platform, post_id) DO NOTHING";
const SELECT_DECISION: &str = "SELECT id, platform, post_id, author, created_at, decision
     FROM decisions WHERE platform = ?1 AND post_id = ?2";
const INSERT_ENTRY: &str = "INSERT INTO audit_log
     (seq, at, actor, kind, subject, policy_version, model_versions, reason, details, prev_hash, hash)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
/// A subject with a case already (a user reported the post before it was recorded)
/// conflicts here; the decision then joins that case.
const INSERT_CASE: &str = "INSERT INTO cases (id, subject_key, status, lang, urgent, escalated,
        categories, sources, priority, created_at, updated_at, lease_holder, lease_expires_at,
        author, version, body)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 1, ?15)
     ON CONFLICT (subject_key) DO NOTHING";
const SELECT_CASE: &str = "SELECT version, body FROM cases WHERE subject_key = ?1";
const UPDATE_CASE: &str = "UPDATE cases SET status = ?1, lang = ?2, urgent = ?3, escalated = ?4,
        categories = ?5, sources = ?6, priority = ?7, updated_at = ?8, lease_holder = ?9,
        lease_expires_at = ?10, author = ?11, body = ?12, version = version + 1
     WHERE id = ?13 AND version = ?14";
const DELETE_MEMBERS: &str = "DELETE FROM queue_members WHERE case_id = ?1";
const INSERT_MEMBER: &str = "INSERT INTO queue_members
     (queue, case_id, status, escalated, lease_expires_at, sort_rank, deadline, created_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/// The writer thread's connection.
pub(crate) struct SqliteWriter {
    conn: Connection,
    /// The database's write-ahead log, which the sync thread fsyncs before answering.
    wal: PathBuf,
}

impl SqliteWriter {
    /// Opens the database file the store's pool opened (and migrated) for the writer.
    pub(crate) fn open(file: &Path) -> Result<SqliteWriter> {
        let conn = Connection::open_with_flags(
            file,
            // One thread uses this connection: SQLite's own per-connection mutex is not needed.
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .sqlite("opening the database for the writer")?;
        // The pool's settings (WAL, busy timeout, foreign keys) but `synchronous = NORMAL`:
        // the commit does not fsync the WAL; the sync thread does, before any post of the
        // group is answered (see the module's comment), so "acknowledged = durable" holds.
        // A checkpoint still syncs the WAL before copying it and the database after. Plus
        // statement journals in memory. The page
        // cache stays at SQLite's default (2 MB): with 64 MiB, every commit scanned the
        // cache's whole hash table (pcache1TruncateUnsafe, 6-7 % of the server's CPU under
        // load), more than the OS's page cache costs for the index pages it no longer keeps.
        //
        // The writer checkpoints too, after its commit once the WAL holds 10,000 pages
        // (40 MB): run_checkpoints copies most of the WAL beside it, but under steady load
        // new commits keep landing while it copies, so it never catches up, and the WAL,
        // which restarts from its start only after a complete checkpoint, grew without bound
        // (680 MB in 10 s at 4,600 posts/s). Between the writer's own commits nothing else
        // writes, so its checkpoint completes and the WAL stays near 40-50 MB. Every 1,000
        // pages (SQLite's default) cost 20-25 % of the throughput at 64 connections: each
        // checkpoint ends with an fsync of the database file (~4 ms here) that the group
        // behind it waits for; at 10,000 that wait is rarer but longer (p99 up ~10 ms).
        conn.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = NORMAL;
             PRAGMA busy_timeout = 10000;
             PRAGMA foreign_keys = ON;
             PRAGMA wal_autocheckpoint = 10000;
             PRAGMA temp_store = MEMORY;",
        )
        .sqlite("setting up the writer connection")?;
        conn.set_prepared_statement_cache_capacity(32);
        let mut wal = file.as_os_str().to_owned();
        wal.push("-wal");
        Ok(SqliteWriter {
            conn,
            wal: PathBuf::from(wal),
        })
    }

    /// Commits waiting jobs in groups until every `Store` handle is dropped or the store is
    /// closed. Runs on a thread of its own: every call here blocks.
    pub(crate) fn run(
        mut self,
        pool: sqlx::AnyPool,
        write_lock: Arc<tokio::sync::Mutex<()>>,
        review: crate::SharedReviewConfig,
        counters: Arc<WriterCounters>,
        mut jobs: mpsc::Receiver<WriteJob>,
    ) {
        // A rendezvous: a committed group is handed over only once the sync thread is done
        // with the previous one, so the writer commits one group while the one before it is
        // synced, and the jobs that arrive meanwhile make up one group, not many. Unbounded,
        // the writer committed as soon as any job arrived: groups of 2-4 posts at 8
        // connections instead of 5, each rewriting the same hot pages (head, tables' last
        // pages) into the WAL; more bytes to sync, and a lower throughput (docs/load.md).
        let (committed, to_sync) = std_mpsc::sync_channel::<Committed>(0);
        let syncer = {
            let wal = self.wal.clone();
            let counters = Arc::clone(&counters);
            std::thread::Builder::new()
                .name("vigie-wal-sync".to_string())
                .spawn(move || sync_and_answer(&wal, &to_sync, &counters))
        };
        let mut answers = match syncer {
            Ok(handle) => Answers::Pipelined {
                committed,
                syncer: handle,
            },
            // Without a sync thread this one syncs after each commit, as FULL would.
            Err(_) => Answers::Inline {
                state: SyncState::default(),
            },
        };
        while let Some(first) = jobs.blocking_recv() {
            if pool.is_closed() {
                // Closed like the pool: this and every later post is refused (dropping the
                // receiver answers the queued ones), and the connection is closed.
                let _ = first.reply.send(Err(StoreError::Closed));
                break;
            }
            let (group, posts) = gather_group(first, &mut jobs);
            let guard = write_lock.blocking_lock();
            let config = review
                .read()
                .map(|c| c.clone())
                .unwrap_or_else(|p| Arc::clone(&p.into_inner()));
            let started = Instant::now();
            let result = self.commit_group(&group, &config, &counters);
            counters.record(posts, started.elapsed());
            match result {
                Ok(outcomes) => {
                    // Other writers need not wait while the group waits for the sync thread.
                    drop(guard);
                    answers.after_sync(&self, group, outcomes, &counters);
                }
                Err(e) if group.len() == 1 => {
                    if let Some(job) = group.into_iter().next() {
                        let _ = job.reply.send(Err(e));
                    }
                }
                Err(_) => {
                    // One job's failure must not fail the others: retry each on its own.
                    for job in group {
                        match self.commit_group(std::slice::from_ref(&job), &config, &counters) {
                            Ok(outcomes) => {
                                answers.after_sync(&self, vec![job], outcomes, &counters)
                            }
                            Err(e) => {
                                let _ = job.reply.send(Err(e));
                            }
                        }
                    }
                }
            }
        }
        // The groups committed last are answered once their sync is done.
        if let Answers::Pipelined { committed, syncer } = answers {
            drop(committed);
            let _ = syncer.join();
        }
    }

    /// Stores the group's posts in one transaction (rolled back if anything fails); what
    /// became of each post, in order.
    fn commit_group(
        &mut self,
        group: &[WriteJob],
        config: &ReviewConfig,
        counters: &WriterCounters,
    ) -> Result<Vec<Outcome>> {
        let now = now_micros();
        // IMMEDIATE: the database write lock first, so that a conflicting insert below always
        // sees another process's committed decision, and no case opens between our insert
        // attempt and the read of the case that beat it.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .sqlite("starting to store posts")?;
        let outcomes = write_posts(&tx, group, config, now)?;
        let commit_started = Instant::now();
        tx.commit().sqlite("committing posts and decisions")?;
        counters.record_commit(commit_started.elapsed());
        Ok(outcomes)
    }
}

/// A committed group waiting for the WAL's fsync before its posts are answered.
struct Committed {
    group: Vec<WriteJob>,
    outcomes: Vec<Outcome>,
}

/// Where committed groups go to be answered.
enum Answers {
    /// To the sync thread.
    Pipelined {
        committed: std_mpsc::SyncSender<Committed>,
        syncer: std::thread::JoinHandle<()>,
    },
    /// Synced and answered on the writer's thread (the sync thread could not be started or
    /// has gone).
    Inline { state: SyncState },
}

impl Answers {
    fn after_sync(
        &mut self,
        writer: &SqliteWriter,
        group: Vec<WriteJob>,
        outcomes: Vec<Outcome>,
        counters: &WriterCounters,
    ) {
        let done = Committed { group, outcomes };
        let done = match self {
            Answers::Pipelined { committed, .. } => match committed.send(done) {
                Ok(()) => return,
                Err(std_mpsc::SendError(done)) => {
                    *self = Answers::Inline {
                        state: SyncState::default(),
                    };
                    done
                }
            },
            Answers::Inline { .. } => done,
        };
        if let Answers::Inline { state } = self {
            state.sync_then_answer(&writer.wal, vec![done], counters);
        }
    }
}

/// The sync thread: fsyncs the WAL for the groups committed since its last fsync (one, as
/// the writer hands them over), then answers their posts. Ends when the writer drops its
/// sender.
fn sync_and_answer(wal: &Path, to_sync: &std_mpsc::Receiver<Committed>, counters: &WriterCounters) {
    let mut state = SyncState::default();
    while let Ok(first) = to_sync.recv() {
        let mut batch = vec![first];
        batch.extend(to_sync.try_iter());
        state.sync_then_answer(wal, batch, counters);
    }
}

/// The open WAL file, and the first failed fsync if there was one.
#[derive(Default)]
struct SyncState {
    file: Option<File>,
    /// After a failed fsync the kernel may have dropped the dirty pages and a later fsync
    /// can succeed without them; those frames would then be missing and every later commit
    /// unreadable after a crash. So once one fails, no post is acknowledged any more (as
    /// PostgreSQL stops on a failed fsync); a restart recovers from what is on disk.
    failed: Option<(std::io::ErrorKind, String)>,
}

impl SyncState {
    fn sync_then_answer(&mut self, wal: &Path, batch: Vec<Committed>, counters: &WriterCounters) {
        if self.failed.is_none() {
            let started = Instant::now();
            if let Err(e) = self.sync(wal) {
                self.failed = Some((e.kind(), e.to_string()));
            }
            counters.record_sync(started.elapsed());
        }
        for done in batch {
            match &self.failed {
                None => deliver(done.group, done.outcomes),
                Some((kind, message)) => {
                    for job in done.group {
                        let _ = job.reply.send(Err(StoreError::WalSync {
                            path: wal.to_path_buf(),
                            source: std::io::Error::new(*kind, message.clone()),
                        }));
                    }
                }
            }
        }
    }

    /// fsync of the WAL file. Any descriptor of the file will do: Linux writes back the
    /// file's dirty pages whichever descriptor wrote them, so the frames SQLite wrote through
    /// its own descriptor before `COMMIT` returned are on disk when this returns. Opened on
    /// first use: the WAL exists once a commit has written to it. SQLite keeps the file (and
    /// so its inode) while the writer's connection is open; it only restarts writing at its
    /// start after a complete checkpoint.
    fn sync(&mut self, wal: &Path) -> std::io::Result<()> {
        let file = match &mut self.file {
            Some(file) => file,
            none => none.insert(File::options().read(true).write(true).open(wal)?),
        };
        file.sync_data()
    }
}

/// What became of one post of a group.
enum Outcome {
    /// Stored now, with a new decision of this id, made at this time (unix microseconds).
    New { id: String, created_at: i64 },
    /// Sent twice in the group: the decision is that of the post at this index (earlier).
    SameAs(usize),
    /// Stored before the group: its first decision.
    StoredBefore(Box<StoredDecision>),
}

/// An automated decision's audit details; the fields are in the order (alphabetical) the
/// JSON object of earlier versions had, so entries keep one shape.
#[derive(Serialize)]
struct DecisionDetails<'a, C: Serialize> {
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    case_id: Option<&'a str>,
    /// The decision's category (as the decision serialises it).
    category: &'a C,
    platform: &'a str,
    post_id: &'a str,
}

/// The body of a group's transaction: locks and reads the audit chain head, then per post
/// inserts the post and its decision and, if the decision is new, opens its case and
/// appends its audit entry; moves the head last.
fn write_posts(
    conn: &Connection,
    group: &[WriteJob],
    config: &ReviewConfig,
    now: i64,
) -> Result<Vec<Outcome>> {
    let mut head = conn
        .prepare_cached(LOCK_HEAD)
        .and_then(|mut lock| {
            lock.query_row([now], |row| Ok(ChainHead::new(row.get(0)?, row.get(1)?)))
        })
        .sqlite("locking the audit chain")?;
    let mut insert_post = conn
        .prepare_cached(INSERT_POST)
        .sqlite("preparing to store posts")?;
    let mut insert_decision = conn
        .prepare_cached(INSERT_DECISION)
        .sqlite("preparing to store decisions")?;
    let mut insert_entry = conn
        .prepare_cached(INSERT_ENTRY)
        .sqlite("preparing to append to the audit log")?;
    let posts = group.iter().map(|job| job.posts.len()).sum();
    let mut outcomes = Vec::with_capacity(posts);
    let mut new_here: HashMap<(&str, &str), usize> = HashMap::new();
    let mut subject = String::with_capacity(48);
    for job in group {
        for p in &job.posts {
            insert_post
                .execute(params![
                    p.platform, p.post_id, p.author, p.text, p.context, now
                ])
                .sqlite("storing a post")?;
            let d = &p.decision;
            let id = ordered_id(now);
            let policy_version: &str = &d.policy_version;
            let stored = insert_decision
                .execute(params![
                    id,
                    p.platform,
                    p.post_id,
                    p.author,
                    p.decision_json,
                    d.action.name(),
                    policy_version,
                    now
                ])
                .sqlite("storing a decision")?;
            if stored == 0 {
                let key = (p.platform.as_str(), p.post_id.as_str());
                outcomes.push(match new_here.get(&key) {
                    Some(&first) => Outcome::SameAs(first),
                    None => Outcome::StoredBefore(Box::new(stored_decision(conn, key.0, key.1)?)),
                });
                continue;
            }
            // A decision is never stored without the case that reviews it; its audit entry
            // names the case.
            let case_id = if needs_case(d.action) {
                Some(open_case(conn, p, config, now)?)
            } else {
                None
            };
            let details = to_json(
                "audit details",
                &DecisionDetails {
                    action: d.action.name(),
                    case_id: case_id.as_deref(),
                    category: &d.category,
                    platform: &p.platform,
                    post_id: &p.post_id,
                },
            )?;
            subject.clear();
            subject.push_str("decision:");
            subject.push_str(&id);
            let event = EventRef {
                actor: &job.actor,
                kind: "decision",
                subject: &subject,
                policy_version,
                model_versions: &job.model_versions,
                reason: d.reason_code.as_deref().unwrap_or("default_allow"),
                details: &details,
            };
            let (seq, prev_hash) = head.advance(event, now);
            insert_entry
                .execute(params![
                    seq,
                    now,
                    event.actor,
                    event.kind,
                    event.subject,
                    event.policy_version,
                    event.model_versions,
                    event.reason,
                    event.details,
                    prev_hash,
                    head.hash()
                ])
                .sqlite("appending to the audit log")?;
            new_here.insert((p.platform.as_str(), p.post_id.as_str()), outcomes.len());
            outcomes.push(Outcome::New {
                id,
                created_at: now,
            });
        }
    }
    conn.prepare_cached(SAVE_HEAD)
        .and_then(|mut save| save.execute(params![head.seq(), head.hash()]))
        .sqlite("moving the audit chain head")?;
    Ok(outcomes)
}

/// The decision stored for a post.
fn stored_decision(conn: &Connection, platform: &str, post_id: &str) -> Result<StoredDecision> {
    let (id, platform, post_id, author, created_at, json) = conn
        .prepare_cached(SELECT_DECISION)
        .and_then(|mut select| {
            select.query_row([platform, post_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, String>(5)?,
                ))
            })
        })
        .sqlite("reading the decision of a post stored before")?;
    let decision = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt {
        what: "decision",
        detail: e.to_string(),
    })?;
    Ok(StoredDecision {
        id,
        platform,
        post_id,
        author,
        created_at,
        decision,
    })
}

/// Opens the case of a new decision a person must look at; when its subject has a case
/// already (users reported the post before it was recorded), the decision joins that case.
/// Returns the id of the case that holds the decision.
fn open_case(conn: &Connection, p: &OwnedPost, config: &ReviewConfig, now: i64) -> Result<String> {
    let case = case_for_decision(
        &p.platform,
        p.author.as_deref(),
        p.decision.clone(),
        p.reach,
        config,
        now,
    );
    let row = CaseRow::of(&case)?;
    let c = &row.columns;
    let inserted = conn
        .prepare_cached(INSERT_CASE)
        .and_then(|mut insert| {
            insert.execute(params![
                row.id,
                row.subject_key,
                c.status.name(),
                c.lang,
                c.urgent,
                c.escalated,
                list_column(&c.categories),
                list_column(&c.sources),
                c.priority,
                c.created_at,
                row.updated_at,
                c.lease_holder,
                c.lease_expires_at,
                c.author,
                row.body
            ])
        })
        .sqlite("storing a case")?;
    if inserted == 1 {
        insert_members(conn, &member_rows(&case, config))?;
        return Ok(case.id);
    }
    let (version, body) = conn
        .prepare_cached(SELECT_CASE)
        .and_then(|mut select| {
            select.query_row([&row.subject_key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
        })
        .sqlite("finding the case of a subject")?;
    let mut existing: Case = serde_json::from_str(&body).map_err(|e| StoreError::Corrupt {
        what: "case",
        detail: e.to_string(),
    })?;
    if join_automated(&mut existing, case, config, now) {
        update_case(conn, &existing, version, config)?;
    }
    Ok(existing.id)
}

fn update_case(conn: &Connection, case: &Case, version: i64, config: &ReviewConfig) -> Result<()> {
    let c = case.columns();
    let changed = conn
        .prepare_cached(UPDATE_CASE)
        .and_then(|mut update| {
            update.execute(params![
                c.status.name(),
                c.lang,
                c.urgent,
                c.escalated,
                list_column(&c.categories),
                list_column(&c.sources),
                c.priority,
                case.updated_at,
                c.lease_holder,
                c.lease_expires_at,
                c.author,
                to_json("case", case).map_err(|e| rusqlite::Error::ToSqlConversionFailure(
                    Box::new(std::io::Error::other(e.to_string()))
                ))?,
                case.id,
                version
            ])
        })
        .sqlite("updating a case")?;
    if changed != 1 {
        // Cannot happen while changes hold the write lock; refuse rather than lose a change.
        return Err(StoreError::Invalid {
            what: "case",
            detail: format!("case {} changed concurrently; retry", case.id),
        });
    }
    conn.prepare_cached(DELETE_MEMBERS)
        .and_then(|mut delete| delete.execute([&case.id]))
        .sqlite("updating a case's queues")?;
    insert_members(conn, &member_rows(case, config))
}

fn insert_members(conn: &Connection, rows: &[MemberRow<'_>]) -> Result<()> {
    let mut insert = conn
        .prepare_cached(INSERT_MEMBER)
        .sqlite("preparing to store a case's queues")?;
    for row in rows {
        insert
            .execute(params![
                row.queue,
                row.case_id,
                row.status.name(),
                row.escalated,
                row.lease_expires_at,
                row.sort_rank,
                row.deadline,
                row.created_at
            ])
            .sqlite("storing a case's queues")?;
    }
    Ok(())
}

/// Answers each job of a committed group, moving the posts' fields and decisions into the
/// answers instead of copying them.
fn deliver(group: Vec<WriteJob>, outcomes: Vec<Outcome>) {
    let mut answers: Vec<Recorded> = Vec::with_capacity(outcomes.len());
    let mut outcomes = outcomes.into_iter();
    let mut replies = Vec::with_capacity(group.len());
    for job in group {
        replies.push((job.reply, job.posts.len()));
        for (p, outcome) in job.posts.into_iter().zip(outcomes.by_ref()) {
            let recorded = match outcome {
                Outcome::New { id, created_at } => Recorded {
                    decision: StoredDecision {
                        id,
                        platform: p.platform,
                        post_id: p.post_id,
                        author: p.author,
                        created_at,
                        decision: p.decision,
                    },
                    replayed: false,
                    decision_json: Some(p.decision_json),
                },
                Outcome::SameAs(first) => match answers.get(first) {
                    Some(r) => Recorded {
                        decision: r.decision.clone(),
                        replayed: true,
                        decision_json: None,
                    },
                    None => {
                        // Cannot happen (the index is of an earlier post, answered above).
                        // A placeholder keeps the answers in step; its job gets an error
                        // rather than a wrong decision.
                        answers.push(Recorded {
                            decision: StoredDecision {
                                id: String::new(),
                                platform: p.platform,
                                post_id: p.post_id,
                                author: p.author,
                                created_at: 0,
                                decision: p.decision,
                            },
                            replayed: true,
                            decision_json: None,
                        });
                        continue;
                    }
                },
                Outcome::StoredBefore(decision) => Recorded {
                    decision: *decision,
                    replayed: true,
                    decision_json: None,
                },
            };
            answers.push(recorded);
        }
    }
    let mut answers = answers.into_iter();
    for (reply, n) in replies {
        let mine: Vec<Recorded> = answers.by_ref().take(n).collect();
        let result = if mine.len() == n && mine.iter().all(|r| !r.decision.id.is_empty()) {
            Ok(mine)
        } else {
            Err(StoreError::Invalid {
                what: "post group",
                detail: "a post's outcome is missing".to_string(),
            })
        };
        // The caller may have stopped waiting; its posts are stored regardless.
        let _ = reply.send(result);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::sync::oneshot;

    /// A committed group of one job (without posts, so that its answer is `Ok(vec![])`),
    /// and the receiver of its answer.
    fn committed() -> (Committed, oneshot::Receiver<Result<Vec<Recorded>>>) {
        let (reply, answer) = oneshot::channel();
        let job = WriteJob {
            posts: Vec::new(),
            actor: "test".to_string(),
            model_versions: String::new(),
            reply,
        };
        (
            Committed {
                group: vec![job],
                outcomes: Vec::new(),
            },
            answer,
        )
    }

    #[test]
    fn groups_are_answered_once_the_wal_is_synced() {
        let dir = tempfile::tempdir().unwrap();
        let wal = dir.path().join("db-wal");
        std::fs::write(&wal, b"frames").unwrap();
        let counters = WriterCounters::default();
        let mut state = SyncState::default();
        let (first, mut first_answer) = committed();
        let (second, mut second_answer) = committed();
        state.sync_then_answer(&wal, vec![first, second], &counters);
        assert!(matches!(first_answer.try_recv(), Ok(Ok(r)) if r.is_empty()));
        assert!(matches!(second_answer.try_recv(), Ok(Ok(r)) if r.is_empty()));
        // One fsync for the two groups.
        let counted = counters
            .wal_syncs
            .load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(counted, 1);
    }

    #[test]
    fn nothing_is_acknowledged_after_a_failed_sync() {
        let dir = tempfile::tempdir().unwrap();
        let counters = WriterCounters::default();
        let mut state = SyncState::default();
        let (group, mut answer) = committed();
        // No WAL file there: the sync fails, and the group gets an error, not an answer.
        state.sync_then_answer(&dir.path().join("missing-wal"), vec![group], &counters);
        assert!(matches!(
            answer.try_recv(),
            Ok(Err(StoreError::WalSync { .. }))
        ));
        // A later sync that would succeed does not make later groups acknowledged: the
        // frames the failed sync left unwritten may be gone.
        let wal = dir.path().join("db-wal");
        std::fs::write(&wal, b"frames").unwrap();
        let (later, mut later_answer) = committed();
        state.sync_then_answer(&wal, vec![later], &counters);
        assert!(matches!(
            later_answer.try_recv(),
            Ok(Err(StoreError::WalSync { .. }))
        ));
    }
}
