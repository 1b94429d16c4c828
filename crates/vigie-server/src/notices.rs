//! Notices with deadlines: `POST /v1/notices` (receipt at once), `GET /v1/notices/{id}`
//! (status, and the answer once every item is decided), a notifier's host-compliance report,
//! legal holds on cases, and the two background tasks: the notice clock (answers, warnings,
//! breaches and escalations) and the retention purge. Rules: `vigie_review::notice`;
//! storage: `vigie_store` (one transaction and one audit entry per change).
//!
//! Who may send a notice:
//! - a key with the `notify` scope, bound to a notifier (`vigie keys create --scope notify
//!   --notifier NAME --kind KIND`): notices are that notifier's, of its kind;
//! - an admin (key or account): any notifier and kind, named in the body;
//! - an ingest key (the platform relaying its users' notices): kinds `user` and `other` only.
//!   Hosting providers, authorities and trusted flaggers use their own keys.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use vigie_review::notice::{DeadlineStatus, NotifierKind};
use vigie_review::{MICROS_PER_DAY, Permission, Subject};
use vigie_store::{ClockSettings, LegalHold, NewNotice, Notifier, Scope, StoredNotice};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, Caller, forbidden};
use crate::routes::timed_db;

type AppResult<T> = Result<T, ApiError>;

const MAX_ID_BYTES: usize = 256;
const MAX_TEXT_CHARS: usize = 5_000;
/// Notices and cases one clock round handles at most (the rest wait for the next round).
const CLOCK_BATCH: i64 = 200;
/// How far back each clock round looks again for changed cases: longer than a transaction.
const CHANGE_MARGIN: i64 = 5 * vigie_review::MICROS_PER_MINUTE;

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::unprocessable("invalid_field", message)
}

fn check_id(field: &str, value: &str) -> AppResult<()> {
    if value.trim().is_empty() || value.len() > MAX_ID_BYTES {
        return Err(invalid(format!(
            "{field} must be 1 to {MAX_ID_BYTES} bytes"
        )));
    }
    Ok(())
}

fn check_text(field: &str, value: &str, required: bool) -> AppResult<()> {
    if required && value.trim().is_empty() {
        return Err(invalid(format!("{field} must not be empty")));
    }
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(format!(
            "{field} must be at most {MAX_TEXT_CHARS} characters"
        )));
    }
    Ok(())
}

/// A post a notice names.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PostRef {
    pub post_id: String,
    #[serde(default)]
    pub author: Option<String>,
}

/// A notice as notifiers send it.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeIn {
    /// Who sends it; implied by a notify key (and then must match if given).
    #[serde(default)]
    pub notifier: Option<String>,
    /// user, trusted_flagger, authority, hosting_provider, other; implied by a notify key.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub kind: Option<NotifierKind>,
    #[serde(default)]
    pub platform: Option<String>,
    /// The posts the notice is about (or give `account_id`).
    #[serde(default)]
    pub posts: Vec<PostRef>,
    #[serde(default)]
    pub account_id: Option<String>,
    /// The alleged category (`hate`, `violence_threat`…).
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub category: Option<vigie_detect::Category>,
    /// The law the content allegedly breaks (give this or `policy_clause`).
    #[serde(default)]
    pub legal_ground: Option<String>,
    /// The clause of the platform's (or host's) policy it allegedly breaks.
    #[serde(default)]
    pub policy_clause: Option<String>,
    /// Why the notifier thinks so.
    pub explanation: String,
    /// The notifier's own reference.
    #[serde(default)]
    pub reference: Option<String>,
    /// RFC 3339 time or unix seconds; default: the configured deadline of the kind.
    #[serde(default)]
    pub deadline: Option<String>,
    /// An imminent threat to someone's life (not accepted from users).
    #[serde(default)]
    pub threat_to_life: bool,
}

/// One item of a receipt.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReceiptItem {
    pub case_id: String,
    /// The notice opened the case (else it joined the case its content had).
    pub opened: bool,
    /// Notices on the case so far, this one included (duplicates are counted there).
    pub notices_on_case: usize,
    pub case_status: String,
    pub priority: i64,
}

/// The receipt of a notice.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReceiptOut {
    /// `GET /v1/notices/{receipt}` follows it.
    pub receipt: String,
    pub notifier: String,
    #[schema(value_type = String)]
    pub kind: NotifierKind,
    pub status: String,
    pub received_at: String,
    pub deadline: String,
    /// `notifier` (given in the notice) or `config` (the default of its kind).
    pub deadline_source: String,
    pub items: Vec<ReceiptItem>,
}

/// A notice's status.
#[derive(Debug, Serialize)]
pub struct NoticeOut {
    #[serde(flatten)]
    pub notice: StoredNotice,
    /// met, missed or pending, now.
    pub deadline_status: DeadlineStatus,
    /// The notice's times as RFC 3339 (the fields above are unix microseconds).
    pub times: serde_json::Value,
}

impl NoticeOut {
    fn new(notice: StoredNotice, now: i64) -> NoticeOut {
        let t = |m: Option<i64>| m.map(vigie_store::format_time);
        NoticeOut {
            deadline_status: notice.deadline_status(now),
            times: serde_json::json!({
                "received_at": t(Some(notice.received_at)),
                "deadline": t(Some(notice.deadline)),
                "decided_at": t(notice.decided_at),
                "answered_at": t(notice.answered_at),
                "breached_at": t(notice.breached_at),
            }),
            notice,
        }
    }
}

/// Who a caller may send notices as.
enum Sender {
    /// A notify key: this notifier only.
    Bound(Notifier),
    /// An admin: anyone.
    Admin,
    /// An ingest key: users' (and other) notices relayed by the platform.
    Platform,
}

async fn sender(state: &AppState, caller: &Caller) -> AppResult<Sender> {
    if let Caller::Key(key) = caller
        && key.scopes.contains(&Scope::Notify)
    {
        return match timed_db("notifier_of_key", state.store.notifier_of_key(&key.id)).await? {
            Some(n) => Ok(Sender::Bound(n)),
            None => Err(forbidden(format!(
                "key:{} has the notify scope but is bound to no notifier",
                key.id
            ))),
        };
    }
    if caller.is_key_with(Scope::Admin)
        || caller
            .actor()
            .is_some_and(|a| a.allows(Permission::ManageKeys))
    {
        return Ok(Sender::Admin);
    }
    if caller.is_key_with(Scope::Ingest) {
        return Ok(Sender::Platform);
    }
    Err(forbidden(format!(
        "{} may not send notices: a notify key, an ingest key (users' notices) or an admin is needed",
        caller.audit_name()
    )))
}

/// The notifier and kind a notice is sent as, checked against who sends it.
fn notifier_and_kind(sender: &Sender, body: &NoticeIn) -> AppResult<(String, NotifierKind)> {
    match sender {
        Sender::Bound(n) => {
            if body.notifier.as_ref().is_some_and(|x| *x != n.name)
                || body.kind.is_some_and(|k| k != n.kind)
            {
                return Err(forbidden(format!(
                    "this key sends notices as {:?} ({}) only",
                    n.name, n.kind
                )));
            }
            Ok((n.name.clone(), n.kind))
        }
        Sender::Admin | Sender::Platform => {
            let Some(name) = body.notifier.clone() else {
                return Err(ApiError::unprocessable(
                    "missing_field",
                    "notifier is required (who sends the notice)",
                ));
            };
            check_id("notifier", &name)?;
            let kind = match (sender, body.kind) {
                (Sender::Platform, None) => NotifierKind::User,
                (Sender::Platform, Some(k)) if k.needs_own_key() => {
                    return Err(forbidden(format!(
                        "notices of kind {k} are sent with the notifier's own key (scope notify)"
                    )));
                }
                (_, Some(k)) => k,
                (_, None) => {
                    return Err(ApiError::unprocessable(
                        "missing_field",
                        "kind is required: user, trusted_flagger, authority, hosting_provider or other",
                    ));
                }
            };
            Ok((name.trim().to_string(), kind))
        }
    }
}

fn subjects(body: &NoticeIn) -> AppResult<Vec<Subject>> {
    let platform = body.platform.clone().unwrap_or_else(|| "default".into());
    check_id("platform", &platform)?;
    match (body.posts.is_empty(), &body.account_id) {
        (false, None) => {
            if body.posts.len() > vigie_store::MAX_NOTICE_ITEMS {
                return Err(invalid(format!(
                    "a notice names at most {} posts",
                    vigie_store::MAX_NOTICE_ITEMS
                )));
            }
            body.posts
                .iter()
                .map(|p| {
                    check_id("posts[].post_id", &p.post_id)?;
                    if let Some(a) = &p.author {
                        check_id("posts[].author", a)?;
                    }
                    Ok(Subject::Post {
                        platform: platform.clone(),
                        post_id: p.post_id.clone(),
                        author: p.author.clone(),
                    })
                })
                .collect()
        }
        (true, Some(account_id)) => {
            check_id("account_id", account_id)?;
            Ok(vec![Subject::Account {
                platform,
                account_id: account_id.clone(),
            }])
        }
        _ => Err(invalid(
            "give either posts (one or more) or account_id, not both",
        )),
    }
}

#[utoipa::path(post, path = "/v1/notices", tag = "notices", request_body = NoticeIn,
    responses((status = 201, description = "The receipt", body = ReceiptOut),
              (status = "4XX", body = crate::error::ErrorBody)),
    security(("api_key" = ["notify"]), ("api_key" = ["ingest"]), ("api_key" = ["admin"])))]
/// `POST /v1/notices`: stores the notice, opens or joins the cases of its content, starts
/// its clock and returns the receipt.
pub async fn create_notice(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    ApiJson(body): ApiJson<NoticeIn>,
) -> AppResult<(StatusCode, Json<ReceiptOut>)> {
    let sender = sender(&state, &caller).await?;
    let (notifier, kind) = notifier_and_kind(&sender, &body)?;
    let subjects = subjects(&body)?;
    check_text("explanation", &body.explanation, true)?;
    for (field, value) in [
        ("legal_ground", &body.legal_ground),
        ("policy_clause", &body.policy_clause),
        ("reference", &body.reference),
    ] {
        if let Some(v) = value {
            check_text(field, v, true)?;
        }
    }
    if body.legal_ground.is_none() && body.policy_clause.is_none() {
        return Err(ApiError::unprocessable(
            "missing_field",
            "give the legal ground or the policy clause the content allegedly breaks",
        ));
    }
    if body.threat_to_life && matches!(kind, NotifierKind::User | NotifierKind::Other) {
        return Err(invalid(
            "threat_to_life is for authorities, trusted flaggers and hosting providers; \
             a user's notice is prioritised by its content",
        ));
    }
    let now = state.clock.now();
    let given = body
        .deadline
        .as_deref()
        .map(vigie_store::parse_time)
        .transpose()
        .map_err(|e| invalid(format!("deadline: {e}")))?;
    let (deadline, source) = state
        .config
        .notices
        .deadline(kind, given, now)
        .map_err(|e| invalid(e.to_string()))?;
    let new = NewNotice {
        notifier,
        kind,
        subjects,
        category: body
            .category
            .map(|c| {
                serde_json::to_value(c)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
            })
            .unwrap_or_default(),
        legal_ground: body.legal_ground,
        policy_clause: body.policy_clause,
        explanation: body.explanation,
        reference: body.reference,
        threat_to_life: body.threat_to_life,
        deadline,
        deadline_source: source,
    };
    let created = timed_db(
        "create_notice",
        state.store.create_notice(
            new,
            &state.review,
            &state.config.notices.warn_at,
            &caller.audit_name(),
            now,
        ),
    )
    .await
    .map_err(|e| {
        // The store's refusals of a notice (a notifier sending under another kind…) are
        // about the body, not the query string.
        if e.code == "invalid_query" {
            invalid(e.message)
        } else {
            e
        }
    })?;
    metrics::counter!("vigie_notices_total", "kind" => kind.name()).increment(1);
    let notice = created.notice;
    let items = notice
        .items
        .iter()
        .zip(&created.cases)
        .map(|(item, case)| ReceiptItem {
            case_id: item.case_id.clone(),
            opened: item.opened,
            notices_on_case: case.notices.len(),
            case_status: case.status.name().to_string(),
            priority: case.priority.score,
        })
        .collect();
    Ok((
        StatusCode::CREATED,
        Json(ReceiptOut {
            receipt: notice.id,
            notifier: notice.notifier,
            kind: notice.kind,
            status: notice.status,
            received_at: vigie_store::format_time(notice.received_at),
            deadline: vigie_store::format_time(notice.deadline),
            deadline_source: notice.deadline_source,
            items,
        }),
    ))
}

/// Whether `caller` may see notices of `notifier` (of `kind`): readers and admins see all, a
/// notifier's key its own, the platform's ingest key the notices it may relay.
async fn may_read(
    state: &AppState,
    caller: &Caller,
    notifier: &str,
    kind: NotifierKind,
) -> AppResult<bool> {
    if let Caller::Key(key) = caller
        && key.scopes.contains(&Scope::Notify)
        && !key.allows(Scope::Read)
    {
        let bound = timed_db("notifier_of_key", state.store.notifier_of_key(&key.id)).await?;
        return Ok(bound.is_some_and(|n| n.name == notifier));
    }
    if caller.is_key_with(Scope::Read)
        || caller
            .actor()
            .is_some_and(|a| a.allows(Permission::ViewCases))
    {
        return Ok(true);
    }
    Ok(caller.is_key_with(Scope::Ingest) && !kind.needs_own_key())
}

#[utoipa::path(get, path = "/v1/notices/{id}", tag = "notices",
    params(("id" = String, Path, description = "Notice receipt")),
    responses((status = 200, description = "The notice, its items and its answer", body = Object),
              (status = 404, body = crate::error::ErrorBody)))]
/// `GET /v1/notices/{id}`: the notice, its items and, once answered, the answer.
pub async fn get_notice(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<NoticeOut>> {
    let not_found = || ApiError::not_found(format!("no notice with receipt {id:?}"));
    let notice = timed_db("notice", state.store.notice(&id))
        .await?
        .ok_or_else(not_found)?;
    // Someone else's notice is "not found": receipts do not confirm what others sent.
    if !may_read(&state, &caller, &notice.notifier, notice.kind).await? {
        return Err(not_found());
    }
    Ok(Json(NoticeOut::new(notice, state.clock.now())))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    /// json (default), csv or html.
    #[serde(default)]
    pub format: Option<String>,
}

#[utoipa::path(get, path = "/v1/notifiers/{name}/report", tag = "notices",
    params(("name" = String, Path, description = "Notifier"),
           ("from" = Option<String>, Query, description = "RFC 3339 or unix seconds"),
           ("to" = Option<String>, Query, description = "RFC 3339 or unix seconds"),
           ("format" = Option<String>, Query, description = "json (default), csv or html")),
    responses((status = 200, description = "The host-compliance report", body = Object),
              (status = 404, body = crate::error::ErrorBody)))]
/// `GET /v1/notifiers/{name}/report`: the host-compliance report of a notifier, for
/// auditors and admins, and for the notifier itself with its own key.
pub async fn notifier_report(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(name): Path<String>,
    query: Result<Query<ReportQuery>, QueryRejection>,
) -> AppResult<Response> {
    let Query(q) = query.map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))?;
    let not_found = || ApiError::not_found(format!("no notifier named {name:?}"));
    let allowed = match &caller {
        Caller::Key(key) if key.scopes.contains(&Scope::Notify) && !key.allows(Scope::Read) => {
            timed_db("notifier_of_key", state.store.notifier_of_key(&key.id))
                .await?
                .is_some_and(|n| n.name == name)
        }
        _ => {
            caller.is_key_with(Scope::Read)
                || caller
                    .actor()
                    .is_some_and(|a| a.allows(Permission::ReadAudit))
        }
    };
    if !allowed {
        return Err(not_found());
    }
    let time = |field: &str, v: &Option<String>| {
        v.as_deref()
            .map(vigie_store::parse_time)
            .transpose()
            .map_err(|e| ApiError::bad_request("invalid_query", format!("{field}: {e}")))
    };
    let (from, to) = (time("from", &q.from)?, time("to", &q.to)?);
    let report = timed_db(
        "host_report",
        state.store.host_report(&name, from, to, state.clock.now()),
    )
    .await?
    .ok_or_else(not_found)?;
    let fmt = vigie_store::format_time;
    Ok(match q.format.as_deref().unwrap_or("json") {
        "json" => {
            Json(serde_json::json!({ "report": report, "totals": report.totals() })).into_response()
        }
        "csv" => (
            [(header::CONTENT_TYPE, "text/csv; charset=utf-8")],
            report.to_csv(&fmt),
        )
            .into_response(),
        "html" => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            report.to_html(&fmt),
        )
            .into_response(),
        other => {
            return Err(ApiError::bad_request(
                "invalid_query",
                format!("format {other:?}: json, csv or html"),
            ));
        }
    })
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HoldIn {
    pub reason: String,
}

#[utoipa::path(post, path = "/v1/cases/{id}/legal-hold", tag = "notices",
    params(("id" = String, Path, description = "Case id")), request_body = HoldIn,
    responses((status = 200, description = "The hold", body = Object),
              (status = "4XX", body = crate::error::ErrorBody)))]
/// `POST /v1/cases/{id}/legal-hold` (admin): retention never purges the case while held.
pub async fn set_legal_hold(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<HoldIn>,
) -> AppResult<Json<LegalHold>> {
    caller.require(Permission::ManagePolicy)?;
    check_text("reason", &body.reason, true)?;
    timed_db(
        "set_legal_hold",
        state.store.set_legal_hold(
            &id,
            body.reason.trim(),
            &caller.audit_name(),
            state.clock.now(),
        ),
    )
    .await?
    .map(Json)
    .ok_or_else(|| ApiError::not_found(format!("no case with id {id:?}")))
}

#[utoipa::path(delete, path = "/v1/cases/{id}/legal-hold", tag = "notices",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = Object), (status = 404, body = crate::error::ErrorBody)))]
/// `DELETE /v1/cases/{id}/legal-hold` (admin): lifts the hold.
pub async fn release_legal_hold(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<serde_json::Value>> {
    caller.require(Permission::ManagePolicy)?;
    if timed_db(
        "release_legal_hold",
        state
            .store
            .release_legal_hold(&id, &caller.audit_name(), state.clock.now()),
    )
    .await?
    {
        Ok(Json(serde_json::json!({ "case_id": id, "released": true })))
    } else {
        Err(ApiError::not_found(format!(
            "case {id:?} has no legal hold in force"
        )))
    }
}

#[utoipa::path(get, path = "/v1/cases/{id}/legal-hold", tag = "notices",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, body = Object), (status = 404, body = crate::error::ErrorBody)))]
/// `GET /v1/cases/{id}/legal-hold`: the hold, in force or lifted.
pub async fn get_legal_hold(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<LegalHold>> {
    caller.require(Permission::ViewCases)?;
    timed_db("legal_hold", state.store.legal_hold(&id))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("case {id:?} has never been under legal hold")))
}

/// Starts the notice clock and the retention purge (each when its poll interval is not 0);
/// abort the handles to stop them. Both read "now" from `AppState::clock`, so the test clock
/// drives them.
pub fn spawn_tasks(state: Arc<AppState>) -> Vec<tokio::task::JoinHandle<()>> {
    let mut tasks = Vec::new();
    if state.config.notice_clock_poll_ms > 0 {
        let state = state.clone();
        tasks.push(tokio::spawn(async move {
            let every = Duration::from_millis(state.config.notice_clock_poll_ms);
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            // Cases changed since the last round (with a margin for transactions stamped
            // before it and committed after) may change answers already sent; at start-up,
            // the last day.
            let mut changed_since = state.clock.now().saturating_sub(MICROS_PER_DAY);
            loop {
                tick.tick().await;
                let now = state.clock.now();
                let settings = ClockSettings {
                    warn_at: &state.config.notices.warn_at,
                    config: &state.review,
                    alert_endpoint: state
                        .config
                        .notice_alert_url
                        .as_deref()
                        .or(state.config.webhook_url.as_deref()),
                    changed_since: Some(changed_since),
                };
                match state
                    .store
                    .run_notice_clocks(now, &settings, CLOCK_BATCH)
                    .await
                {
                    Ok(round) => {
                        changed_since = now.saturating_sub(CHANGE_MARGIN).max(changed_since);
                        metrics::counter!("vigie_notice_warnings_total")
                            .increment(round.warnings as u64);
                        metrics::counter!("vigie_notice_breaches_total")
                            .increment(round.breaches as u64);
                        metrics::counter!("vigie_notice_answers_total")
                            .increment(round.answered as u64);
                        if round.breaches > 0 {
                            tracing::warn!(
                                breaches = round.breaches,
                                escalated = round.escalated.len(),
                                "notice deadlines passed; cases escalated"
                            );
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "notice clock round failed; will try again")
                    }
                }
            }
        }));
    }
    if state.config.retention_poll_ms > 0 {
        tasks.push(tokio::spawn(async move {
            let every = Duration::from_millis(state.config.retention_poll_ms);
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                match state
                    .store
                    .purge_expired(
                        state.clock.now(),
                        state.config.retention_days,
                        "system:retention",
                    )
                    .await
                {
                    Ok(report) if !report.cases.is_empty() => {
                        metrics::counter!("vigie_purged_cases_total")
                            .increment(report.cases.len() as u64);
                        tracing::info!(
                            cases = report.cases.len(),
                            posts = report.posts,
                            held = report.held,
                            "retention purge"
                        );
                    }
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "retention purge failed; will try again"),
                }
            }
        }));
    }
    tasks
}
