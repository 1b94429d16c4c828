//! The handlers, one per endpoint.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use vigie_engine::Post;
use vigie_policy::{Decision, Policy, PostContext};
use vigie_store::{DecisionFilter, NewPost, StoredDecision, format_time, parse_time};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{Admin, ApiJson, Authed, Ingest, Read};

type AppResult<T> = Result<T, ApiError>;

const DEFAULT_PLATFORM: &str = "default";
const MAX_ID_BYTES: usize = 256;

/// Times a database call into `vigie_db_duration_seconds{op}`.
pub async fn timed_db<T>(
    op: &'static str,
    call: impl Future<Output = Result<T, vigie_store::StoreError>>,
) -> AppResult<T> {
    let started = Instant::now();
    let result = call.await;
    metrics::histogram!("vigie_db_duration_seconds", "op" => op)
        .record(started.elapsed().as_secs_f64());
    result.map_err(ApiError::from)
}

/// A post as clients send it.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostIn {
    /// The platform (or tenant) the post belongs to; ids are unique within it.
    #[serde(default)]
    pub platform: Option<String>,
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub author: Option<String>,
    /// Language, reach, surface, author context (see vigie_policy::PostContext).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub context: PostContext,
}

/// A stored decision as the API returns it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DecisionOut {
    pub id: String,
    pub platform: String,
    pub post_id: String,
    pub author: Option<String>,
    pub created_at: String,
    /// True when the post had been submitted before: this is the decision stored then.
    pub replayed: bool,
    /// The decision with its evidence (vigie_policy::Decision, stable on the wire).
    #[schema(value_type = Object)]
    pub decision: Decision,
}

/// The fields of [`DecisionOut`] before `decision`, in its order.
#[derive(Serialize)]
struct DecisionOutHead<'a> {
    id: &'a str,
    platform: &'a str,
    post_id: &'a str,
    author: Option<&'a str>,
    created_at: &'a str,
    replayed: bool,
}

impl DecisionOut {
    /// The JSON of `self` (as `Json(self)` would send it) with `decision_json` spliced in as
    /// the decision: the store made that JSON already, and serialising a decision with its
    /// evidence again costs more than the rest of the answer.
    fn to_json_with(&self, decision_json: &str) -> Result<Vec<u8>, serde_json::Error> {
        let head = DecisionOutHead {
            id: &self.id,
            platform: &self.platform,
            post_id: &self.post_id,
            author: self.author.as_deref(),
            created_at: &self.created_at,
            replayed: self.replayed,
        };
        let mut body = Vec::with_capacity(200 + decision_json.len());
        serde_json::to_writer(&mut body, &head)?;
        // `{…}` becomes `{…,"decision":<decision_json>}`.
        body.pop();
        body.extend_from_slice(b",\"decision\":");
        body.extend_from_slice(decision_json.as_bytes());
        body.push(b'}');
        Ok(body)
    }

    fn new(d: StoredDecision, replayed: bool) -> DecisionOut {
        DecisionOut {
            id: d.id,
            platform: d.platform,
            post_id: d.post_id,
            author: d.author,
            created_at: format_time(d.created_at),
            replayed,
            decision: d.decision,
        }
    }
}

/// Checks one post against the limits and fills defaults.
fn validate(state: &AppState, mut p: PostIn, index: Option<usize>) -> AppResult<PostIn> {
    let at = index.map(|i| format!("posts[{i}]: ")).unwrap_or_default();
    let platform = p
        .platform
        .get_or_insert_with(|| DEFAULT_PLATFORM.to_string());
    if platform.is_empty() || platform.len() > MAX_ID_BYTES {
        return Err(ApiError::unprocessable(
            "invalid_field",
            format!("{at}platform must be 1 to {MAX_ID_BYTES} bytes"),
        ));
    }
    if p.id.is_empty() || p.id.len() > MAX_ID_BYTES {
        return Err(ApiError::unprocessable(
            "invalid_field",
            format!("{at}id must be 1 to {MAX_ID_BYTES} bytes"),
        ));
    }
    if p.author.as_ref().is_some_and(|a| a.len() > MAX_ID_BYTES) {
        return Err(ApiError::unprocessable(
            "invalid_field",
            format!("{at}author must be at most {MAX_ID_BYTES} bytes"),
        ));
    }
    let max = state.config.max_post_chars;
    // Byte length bounds the char count from above: count only when it could be over.
    if p.text.len() > max && p.text.chars().count() > max {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "post_too_long",
            format!("{at}text is longer than {max} characters"),
        ));
    }
    if p.author.is_none() {
        p.author = p.context.author.id.clone();
    } else if p.context.author.id.is_none() {
        p.context.author.id = p.author.clone();
    }
    Ok(p)
}

/// Decides and stores posts (already validated); the answer is sent only once stored. A post
/// stored before is decided again here but the store returns its first decision: retries are
/// rare, and skipping a read per post speeds up the common case. Each result comes with the
/// decision's JSON when the store made it.
async fn ingest(
    state: &AppState,
    posts: Vec<PostIn>,
    actor: &str,
) -> AppResult<Vec<(DecisionOut, Option<String>)>> {
    let current = state.current();
    let decisions: Vec<Decision> = posts
        .iter()
        .map(|p| {
            current.engine.decide(&Post {
                id: &p.id,
                text: &p.text,
                context: &p.context,
            })
        })
        .collect();
    let new_posts: Vec<NewPost<'_>> = posts
        .iter()
        .zip(&decisions)
        .map(|(p, decision)| NewPost {
            platform: p.platform.as_deref().unwrap_or(DEFAULT_PLATFORM),
            post_id: &p.id,
            author: p.author.as_deref(),
            text: &p.text,
            context: &p.context,
            decision,
        })
        .collect();
    let recorded = timed_db(
        "record_posts",
        state
            .store
            .record_posts(&new_posts, actor, &current.model_versions),
    )
    .await?;
    if recorded.len() != posts.len() {
        return Err(ApiError::internal(
            "storing posts",
            &"the store returned fewer results than posts",
        ));
    }
    Ok(recorded
        .into_iter()
        .map(|r| {
            if !r.replayed {
                let d = &r.decision.decision;
                let category = d.category.map_or("none", |c| c.name());
                metrics::counter!("vigie_decisions_total", "action" => d.action.name(), "category" => category)
                    .increment(1);
            }
            (DecisionOut::new(r.decision, r.replayed), r.decision_json)
        })
        .collect())
}

#[utoipa::path(post, path = "/v1/posts", tag = "posts", request_body = PostIn,
    responses((status = 200, description = "The decision, once stored", body = DecisionOut),
              (status = "4XX", description = "Bad input, key or scope", body = crate::error::ErrorBody)),
    security(("api_key" = ["ingest"])))]
pub async fn post_one(
    State(state): State<Arc<AppState>>,
    auth: Authed<Ingest>,
    ApiJson(body): ApiJson<PostIn>,
) -> AppResult<Response> {
    let post = validate(&state, body, None)?;
    let mut out = ingest(&state, vec![post], &auth.actor()).await?;
    let (out, decision_json) = out
        .pop()
        .ok_or_else(|| ApiError::internal("storing a post", &"no result"))?;
    let Some(decision_json) = decision_json else {
        return Ok(Json(out).into_response());
    };
    let body = out
        .to_json_with(&decision_json)
        .map_err(|e| ApiError::internal("answering with a decision", &e))?;
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        axum::body::Body::from(body),
    )
        .into_response())
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchIn {
    pub posts: Vec<PostIn>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BatchOut {
    pub results: Vec<DecisionOut>,
}

#[utoipa::path(post, path = "/v1/posts:batch", tag = "posts", request_body = BatchIn,
    responses((status = 200, description = "One result per post, in order", body = BatchOut),
              (status = "4XX", description = "Bad input, key or scope", body = crate::error::ErrorBody)),
    security(("api_key" = ["ingest"])))]
pub async fn post_batch(
    State(state): State<Arc<AppState>>,
    auth: Authed<Ingest>,
    ApiJson(body): ApiJson<BatchIn>,
) -> AppResult<Json<BatchOut>> {
    let max = state.config.max_batch;
    if body.posts.len() > max {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!(
                "{} posts in one batch; at most {max} are accepted",
                body.posts.len()
            ),
        ));
    }
    if body.posts.is_empty() {
        return Err(ApiError::unprocessable(
            "empty_batch",
            "the batch has no posts",
        ));
    }
    let posts = body
        .posts
        .into_iter()
        .enumerate()
        .map(|(i, p)| validate(&state, p, Some(i)))
        .collect::<AppResult<Vec<_>>>()?;
    let results = ingest(&state, posts, &auth.actor())
        .await?
        .into_iter()
        .map(|(out, _)| out)
        .collect();
    Ok(Json(BatchOut { results }))
}

#[utoipa::path(get, path = "/v1/decisions/{id}", tag = "decisions",
    params(("id" = String, Path, description = "Decision id")),
    responses((status = 200, body = DecisionOut), (status = 404, body = crate::error::ErrorBody)),
    security(("api_key" = ["read"])))]
pub async fn get_decision(
    State(state): State<Arc<AppState>>,
    _auth: Authed<Read>,
    Path(id): Path<String>,
) -> AppResult<Json<DecisionOut>> {
    match timed_db("decision", state.store.decision(&id)).await? {
        Some(d) => Ok(Json(DecisionOut::new(d, false))),
        None => Err(ApiError::not_found(format!("no decision with id {id:?}"))),
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    pub author: Option<String>,
    /// RFC 3339 or unix seconds.
    pub since: Option<String>,
    pub until: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ListOut {
    pub items: Vec<DecisionOut>,
    pub next_cursor: Option<String>,
}

fn query_error(e: QueryRejection) -> ApiError {
    ApiError::bad_request("invalid_query", e.body_text())
}

#[utoipa::path(get, path = "/v1/decisions", tag = "decisions", params(ListQuery),
    responses((status = 200, description = "Oldest first; pass next_cursor back as cursor", body = ListOut),
              (status = 400, body = crate::error::ErrorBody)),
    security(("api_key" = ["read"])))]
pub async fn list_decisions(
    State(state): State<Arc<AppState>>,
    _auth: Authed<Read>,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> AppResult<Json<ListOut>> {
    let Query(q) = query.map_err(query_error)?;
    let filter = DecisionFilter {
        author: q.author,
        since: q.since.as_deref().map(parse_time).transpose()?,
        until: q.until.as_deref().map(parse_time).transpose()?,
        cursor: q.cursor,
        limit: q.limit.unwrap_or(100).clamp(1, 1000),
    };
    let page = timed_db("list_decisions", state.store.list_decisions(&filter)).await?;
    Ok(Json(ListOut {
        items: page
            .items
            .into_iter()
            .map(|d| DecisionOut::new(d, false))
            .collect(),
        next_cursor: page.next_cursor,
    }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PolicyOut {
    pub version: String,
    pub name: String,
    pub seq: i64,
    pub origin: String,
    pub actor: String,
    pub created_at: String,
    pub text: String,
}

#[utoipa::path(get, path = "/v1/policy", tag = "policy",
    responses((status = 200, description = "The policy in force", body = PolicyOut)),
    security(("api_key" = ["read"])))]
pub async fn get_policy(
    State(state): State<Arc<AppState>>,
    _auth: Authed<Read>,
) -> AppResult<Json<PolicyOut>> {
    let stored = timed_db("current_policy", state.store.current_policy())
        .await?
        .ok_or_else(|| ApiError::internal("reading the policy", &"no policy stored"))?;
    let current = state.current();
    Ok(Json(PolicyOut {
        version: stored.version,
        name: current.engine.policy().name().to_string(),
        seq: stored.seq,
        origin: stored.origin,
        actor: stored.actor,
        created_at: format_time(stored.created_at),
        text: stored.text,
    }))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyIn {
    /// The policy file (TOML).
    pub policy: String,
    /// Why it changes, for the audit log.
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PolicyChangeOut {
    pub changed: bool,
    pub previous_version: String,
    pub version: String,
    pub seq: Option<i64>,
}

fn invalid_policy(e: &dyn std::fmt::Display) -> ApiError {
    ApiError::unprocessable(
        "invalid_policy",
        format!("the policy was not accepted: {e}"),
    )
}

#[utoipa::path(put, path = "/v1/policy", tag = "policy", request_body = PolicyIn,
    responses((status = 200, body = PolicyChangeOut), (status = 422, description = "Invalid policy", body = crate::error::ErrorBody)),
    security(("api_key" = ["admin"])))]
pub async fn put_policy(
    State(state): State<Arc<AppState>>,
    auth: Authed<Admin>,
    ApiJson(body): ApiJson<PolicyIn>,
) -> AppResult<Json<PolicyChangeOut>> {
    const ORIGIN: &str = "api";
    let policy = Policy::from_toml(ORIGIN, &body.policy).map_err(|e| invalid_policy(&e))?;
    let _lock = state.policy_lock.lock().await;
    let previous_version = state.current().engine.policy().version().to_string();
    if policy.version() == previous_version {
        return Ok(Json(PolicyChangeOut {
            changed: false,
            previous_version: previous_version.clone(),
            version: previous_version,
            seq: None,
        }));
    }
    let engine = state
        .factory
        .build(ORIGIN, &body.policy)
        .map_err(|e| invalid_policy(&e))?;
    let reason = body
        .reason
        .unwrap_or_else(|| "policy replaced through the API".to_string());
    let stored = timed_db(
        "save_policy",
        state.store.save_policy(
            engine.policy().version(),
            ORIGIN,
            &body.policy,
            &auth.actor(),
            &reason,
        ),
    )
    .await?;
    state.replace_engine(engine);
    tracing::info!(actor = %auth.actor(), from = %previous_version, to = %stored.version, "policy replaced");
    Ok(Json(PolicyChangeOut {
        changed: true,
        previous_version,
        version: stored.version,
        seq: Some(stored.seq),
    }))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BacktestIn {
    /// The candidate policy (TOML).
    pub policy: String,
    /// Period of the stored posts to re-decide (RFC 3339 or unix seconds); default: all.
    #[serde(default)]
    pub since: Option<String>,
    #[serde(default)]
    pub until: Option<String>,
    /// How many changed posts to show (default 20, at most 200).
    #[serde(default)]
    pub sample: Option<usize>,
}

#[derive(Debug, Serialize, PartialEq, Eq, PartialOrd, Ord, utoipa::ToSchema)]
pub struct Transition {
    pub from: String,
    pub to: String,
    pub count: u64,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ChangedPost {
    pub decision_id: String,
    pub platform: String,
    pub post_id: String,
    pub text: String,
    pub stored_action: String,
    pub candidate_action: String,
    pub candidate_reason: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct BacktestOut {
    pub candidate_version: String,
    pub current_version: String,
    pub posts: u64,
    pub changed: u64,
    /// True when the period held more posts than `backtest_max_posts`.
    pub truncated: bool,
    pub transitions: Vec<Transition>,
    pub sample: Vec<ChangedPost>,
}

#[utoipa::path(post, path = "/v1/policy:backtest", tag = "policy", request_body = BacktestIn,
    responses((status = 200, description = "What the candidate would change on stored posts", body = BacktestOut),
              (status = 422, body = crate::error::ErrorBody)),
    security(("api_key" = ["admin"])))]
pub async fn backtest(
    State(state): State<Arc<AppState>>,
    _auth: Authed<Admin>,
    ApiJson(body): ApiJson<BacktestIn>,
) -> AppResult<Json<BacktestOut>> {
    let since = body
        .since
        .as_deref()
        .map(parse_time)
        .transpose()?
        .unwrap_or(i64::MIN);
    let until = body
        .until
        .as_deref()
        .map(parse_time)
        .transpose()?
        .unwrap_or(i64::MAX);
    let max_posts = state.config.backtest_max_posts;
    let sample_size = body.sample.unwrap_or(20).min(200);
    let candidate = state
        .factory
        .build("candidate", &body.policy)
        .map_err(|e| invalid_policy(&e))?;
    let posts = timed_db(
        "posts_between",
        state
            .store
            .posts_between(since, until, max_posts.saturating_add(1)),
    )
    .await?;
    let current_version = state.current().engine.policy().version().to_string();
    // Re-deciding thousands of posts is CPU work: keep it off the async workers.
    let out = tokio::task::spawn_blocking(move || {
        run_backtest(&candidate, &posts, max_posts, sample_size, current_version)
    })
    .await
    .map_err(|e| ApiError::internal("the backtest", &e))?;
    Ok(Json(out))
}

/// Re-decides the first `max_posts` of `posts` (more means the period was truncated) with
/// the candidate engine and counts the changed actions, keeping up to `sample_size` changed
/// posts: the backtest of the API and of the console's policy page.
pub(crate) fn run_backtest(
    candidate: &vigie_engine::Engine,
    posts: &[vigie_store::StoredPost],
    max_posts: u32,
    sample_size: usize,
    current_version: String,
) -> BacktestOut {
    let mut transitions: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut sample = Vec::new();
    let mut evaluated = 0u64;
    for p in posts.iter().take(max_posts as usize) {
        evaluated += 1;
        let d = candidate.decide(&Post {
            id: &p.post_id,
            text: &p.text,
            context: &p.context,
        });
        if d.action.name() == p.action {
            continue;
        }
        *transitions
            .entry((p.action.clone(), d.action.name().to_string()))
            .or_default() += 1;
        if sample.len() < sample_size {
            sample.push(ChangedPost {
                decision_id: p.decision_id.clone(),
                platform: p.platform.clone(),
                post_id: p.post_id.clone(),
                text: p.text.chars().take(500).collect(),
                stored_action: p.action.clone(),
                candidate_action: d.action.name().to_string(),
                candidate_reason: d.reason_code.as_deref().map(str::to_string),
            });
        }
    }
    BacktestOut {
        candidate_version: candidate.policy().version().to_string(),
        current_version,
        posts: evaluated,
        changed: transitions.values().sum(),
        truncated: posts.len() > max_posts as usize,
        transitions: transitions
            .into_iter()
            .map(|((from, to), count)| Transition { from, to, count })
            .collect(),
        sample,
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Entries after this sequence number (default 0: from the start).
    pub after: Option<i64>,
    /// At most this many (default 100, at most 1000).
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditEntryOut {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub subject: String,
    pub policy_version: String,
    pub model_versions: String,
    pub reason: String,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AuditOut {
    pub entries: Vec<AuditEntryOut>,
    /// Pass as `after` for the next page; `None` when there are no more entries now.
    pub next_after: Option<i64>,
}

#[utoipa::path(get, path = "/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, description = "Audit entries, oldest first", body = AuditOut),
              (status = 400, body = crate::error::ErrorBody)),
    security(("api_key" = ["admin"])))]
pub async fn audit_log(
    State(state): State<Arc<AppState>>,
    _auth: Authed<Admin>,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> AppResult<Json<AuditOut>> {
    let Query(q) = query.map_err(query_error)?;
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let entries = timed_db(
        "audit_entries",
        state
            .store
            .audit_entries(q.after.unwrap_or(0), i64::from(limit)),
    )
    .await?;
    let next_after = (entries.len() == limit as usize)
        .then(|| entries.last().map(|e| e.seq))
        .flatten();
    Ok(Json(AuditOut {
        entries: entries
            .into_iter()
            .map(|e| AuditEntryOut {
                seq: e.seq,
                at: format_time(e.at),
                actor: e.actor,
                kind: e.kind,
                subject: e.subject,
                policy_version: e.policy_version,
                model_versions: e.model_versions,
                reason: e.reason,
                details: e.details,
                prev_hash: e.prev_hash,
                hash: e.hash,
            })
            .collect(),
        next_after,
    }))
}

#[utoipa::path(get, path = "/healthz", tag = "ops", responses((status = 200, description = "The process is up")))]
pub async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

#[utoipa::path(get, path = "/readyz", tag = "ops",
    responses((status = 200, description = "The database answers"), (status = 503, body = crate::error::ErrorBody)))]
pub async fn readyz(State(state): State<Arc<AppState>>) -> Response {
    match timed_db("ping", state.store.ping()).await {
        Ok(()) => Json(serde_json::json!({ "status": "ready" })).into_response(),
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the database does not answer",
        )
        .into_response(),
    }
}

#[utoipa::path(get, path = "/metrics", tag = "ops", responses((status = 200, description = "Prometheus text format")))]
pub async fn metrics(State(state): State<Arc<AppState>>) -> Response {
    // The writer's counters live in the store (which has no metrics recorder): copied in
    // here, when they are read. Posts per group is posts / groups: how many share an fsync.
    let w = state.store.writer_stats();
    metrics::counter!("vigie_store_write_groups_total").absolute(w.groups);
    metrics::counter!("vigie_store_written_posts_total").absolute(w.posts);
    metrics::counter!("vigie_store_write_busy_microseconds_total").absolute(w.busy_micros);
    // Of that, the commits (writing the WAL; SQLite only).
    metrics::counter!("vigie_store_write_commit_microseconds_total").absolute(w.commit_micros);
    // SQLite: the WAL fsyncs every answer waits for, done beside the writer.
    metrics::counter!("vigie_store_wal_syncs_total").absolute(w.wal_syncs);
    metrics::counter!("vigie_store_wal_sync_microseconds_total").absolute(w.wal_sync_micros);
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        crate::prometheus_handle().render(),
    )
        .into_response()
}

pub async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint")
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not accept this method",
    )
}

/// A handler panic becomes a JSON 500 and the server keeps serving.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "the server failed on this request",
    )
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The answer built around the store's JSON is byte for byte what `Json(out)` sends, with
    /// and without an author, and with characters JSON must escape.
    #[test]
    fn spliced_answers_equal_serialised_ones() {
        let decision: Decision = serde_json::from_value(serde_json::json!({
            "post_id": "p\"1", "action": "hold_for_review", "reason_code": "threat",
            "category": "violence_threat",
            "categories": [{"category": "violence_threat", "score": 0.91}],
            "evidence": [{"category": "violence_threat", "detector": "threat_pattern",
                          "start": 2, "end": 6, "text": "kill", "matched": "pattern:x"}],
            "targets": [], "rules": [], "lang": "en", "lang_confidence": 0.5,
            "policy_version": "v1", "detectors": [], "latency_us": 12
        }))
        .unwrap();
        for author in [None, Some("a\u{e9}\\\"b".to_string())] {
            let out = DecisionOut::new(
                StoredDecision {
                    id: "00ff".into(),
                    platform: "forum\n".into(),
                    post_id: "p\"1".into(),
                    author,
                    created_at: 1_700_000_000_000_001,
                    decision: decision.clone(),
                },
                false,
            );
            let decision_json = serde_json::to_string(&decision).unwrap();
            assert_eq!(
                String::from_utf8(out.to_json_with(&decision_json).unwrap()).unwrap(),
                serde_json::to_string(&out).unwrap()
            );
        }
    }
}
