//! The review workflow's endpoints: reports, queues, cases (claim, escalate, decide, second
//! review), appeals, strikes, webhooks. The rules are `vigie_review`'s; each handler checks
//! the caller's role, runs one transition through `Store::change_case` (case, effects and
//! audit entry in one transaction) and returns the case as it now is.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use vigie_review::{
    AppealOutcome, Case, DecideOutcome, DecisionInput, Permission, Report, ReviewError,
    ReviewerCandidate, Role, SecondReviewVerdict, Strike, StrikePolicy, StrikeProposal, Subject,
    route,
};
use vigie_store::{Applied, CaseChange, OutboxItem, QueueCursor, Scope, format_time};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, Caller, forbidden};
use crate::routes::timed_db;

type AppResult<T> = Result<T, ApiError>;

const MAX_ID_BYTES: usize = 256;
const MAX_TEXT_CHARS: usize = 5_000;

fn check_id(field: &str, value: &str) -> AppResult<()> {
    if value.is_empty() || value.len() > MAX_ID_BYTES {
        return Err(ApiError::unprocessable(
            "invalid_field",
            format!("{field} must be 1 to {MAX_ID_BYTES} bytes"),
        ));
    }
    Ok(())
}

fn check_text(field: &str, value: &str) -> AppResult<()> {
    if value.chars().count() > MAX_TEXT_CHARS {
        return Err(ApiError::unprocessable(
            "invalid_field",
            format!("{field} must be at most {MAX_TEXT_CHARS} characters"),
        ));
    }
    Ok(())
}

fn no_case(id: &str) -> ApiError {
    ApiError::not_found(format!("no case with id {id:?}"))
}

fn change<'a>(state: &'a AppState, actor: &'a str, kind: &'a str) -> CaseChange<'a> {
    CaseChange {
        actor,
        kind,
        now: state.clock.now(),
        config: &state.review,
        webhook_endpoint: state.config.webhook_url.as_deref(),
    }
}

/// A case as the API shows it: the case itself (`vigie_review::Case`, stable on the wire),
/// its home queue and its priority explained.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CaseOut {
    #[schema(value_type = Object)]
    pub case: Case,
    pub queue: Option<String>,
    pub priority_explanation: String,
    /// Reports counted once per reporter.
    pub distinct_reports: usize,
}

impl CaseOut {
    fn new(state: &AppState, case: Case) -> CaseOut {
        CaseOut {
            queue: route(&state.review.queues, &case).map(|q| q.name.clone()),
            priority_explanation: case.priority.explanation(),
            distinct_reports: case.distinct_reports(),
            case,
        }
    }
}

/// A case after a change, with what the change did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ChangeOut<T: Serialize> {
    #[serde(flatten)]
    pub case: CaseOut,
    pub outcome: T,
    #[schema(value_type = Object)]
    pub applied: Applied,
}

async fn run_change<R: Serialize>(
    state: &AppState,
    case_id: &str,
    actor: &str,
    kind: &str,
    transition: impl FnOnce(&mut Case) -> Result<(R, Vec<vigie_review::Effect>), ReviewError>,
) -> AppResult<Json<ChangeOut<R>>> {
    let change = change(state, actor, kind);
    match timed_db(
        "change_case",
        state.store.change_case(case_id, &change, transition),
    )
    .await?
    {
        Some((case, outcome, applied)) => Ok(Json(ChangeOut {
            case: CaseOut::new(state, case),
            outcome,
            applied,
        })),
        None => Err(no_case(case_id)),
    }
}

// ---------------------------------------------------------------- reports

/// A user's report on a post or an account.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportIn {
    #[serde(default)]
    pub platform: Option<String>,
    /// The reported post (or give `account_id`).
    #[serde(default)]
    pub post_id: Option<String>,
    #[serde(default)]
    pub account_id: Option<String>,
    /// The post's author, when known.
    #[serde(default)]
    pub author: Option<String>,
    /// Who reports (the platform's user id); anonymous when absent.
    #[serde(default)]
    pub reporter: Option<String>,
    /// A category of the policy (`hate`, `violence_threat`…), if the form maps to one.
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub category: Option<vigie_detect::Category>,
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReportOut {
    /// The receipt: `GET /v1/reports/{receipt}` gives the outcome later.
    pub receipt: String,
    pub case_id: String,
    /// A new case was opened (else the report joined the subject's case).
    pub opened: bool,
    pub status: String,
    pub reports: usize,
}

fn report_subject(body: &ReportIn) -> AppResult<Subject> {
    let platform = body.platform.clone().unwrap_or_else(|| "default".into());
    check_id("platform", &platform)?;
    match (&body.post_id, &body.account_id) {
        (Some(post_id), None) => {
            check_id("post_id", post_id)?;
            if let Some(a) = &body.author {
                check_id("author", a)?;
            }
            Ok(Subject::Post {
                platform,
                post_id: post_id.clone(),
                author: body.author.clone(),
            })
        }
        (None, Some(account_id)) => {
            check_id("account_id", account_id)?;
            Ok(Subject::Account {
                platform,
                account_id: account_id.clone(),
            })
        }
        _ => Err(ApiError::unprocessable(
            "invalid_field",
            "give exactly one of post_id and account_id",
        )),
    }
}

#[utoipa::path(post, path = "/v1/reports", tag = "review", request_body = ReportIn,
    responses((status = 200, body = ReportOut), (status = "4XX", body = crate::error::ErrorBody)),
    security(("api_key" = ["ingest"]), ("user" = ["add_report"])))]
pub async fn create_report(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    ApiJson(body): ApiJson<ReportIn>,
) -> AppResult<Json<ReportOut>> {
    if !caller.is_key_with(Scope::Ingest) {
        caller.require(Permission::AddReport)?;
    }
    let subject = report_subject(&body)?;
    if let Some(r) = &body.reporter {
        check_id("reporter", r)?;
    }
    if let Some(r) = &body.reason {
        check_text("reason", r)?;
    }
    let report = Report {
        id: String::new(),
        reporter: body.reporter,
        category: body.category,
        reason: body.reason,
        received_at: 0,
    };
    let actor = caller.audit_name();
    let change = change(&state, &actor, "report");
    let outcome = timed_db(
        "add_report",
        state.store.add_report(subject, report, &change),
    )
    .await?;
    metrics::counter!("vigie_reports_total", "opened" => if outcome.opened { "yes" } else { "no" })
        .increment(1);
    Ok(Json(ReportOut {
        receipt: outcome.receipt,
        case_id: outcome.case.id.clone(),
        opened: outcome.opened,
        status: outcome.case.status.name().to_string(),
        reports: outcome.case.reports.len(),
    }))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ReportStatusOut {
    pub receipt: String,
    pub case_id: String,
    pub status: String,
    /// The action taken, once the case is resolved (`no_action` when none).
    pub outcome: Option<String>,
    pub reason_code: Option<String>,
}

#[utoipa::path(get, path = "/v1/reports/{id}", tag = "review",
    params(("id" = String, Path, description = "Report receipt")),
    responses((status = 200, body = ReportStatusOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get_report(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<ReportStatusOut>> {
    if !caller.is_key_with(Scope::Ingest) {
        caller.require(Permission::ViewCases)?;
    }
    let case = timed_db("case_of_report", state.store.case_of_report(&id))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no report with receipt {id:?}")))?;
    let decision = case.final_decision();
    Ok(Json(ReportStatusOut {
        receipt: id,
        case_id: case.id.clone(),
        status: case.status.name().to_string(),
        outcome: decision.map(|d| {
            if d.reversed_at.is_some() {
                "reversed".to_string()
            } else {
                d.action.name().to_string()
            }
        }),
        reason_code: decision.map(|d| d.reason_code.clone()),
    }))
}

// ---------------------------------------------------------------- queues and cases

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct QueueOut {
    pub name: String,
    pub description: Option<String>,
}

#[utoipa::path(get, path = "/v1/queues", tag = "review",
    responses((status = 200, body = Vec<QueueOut>)))]
pub async fn list_queues(
    State(state): State<Arc<AppState>>,
    caller: Caller,
) -> AppResult<Json<Vec<QueueOut>>> {
    caller.require(Permission::ViewQueues)?;
    Ok(Json(
        state
            .review
            .queues
            .iter()
            .map(|q| QueueOut {
                name: q.name.clone(),
                description: q.description.clone(),
            })
            .collect(),
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// At most this many (default 50, at most 500).
    pub limit: Option<usize>,
    /// The `next` of the previous page: the page starts after it.
    pub after: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct QueueCasesOut {
    pub queue: String,
    /// Highest priority first, then oldest (or oldest first for `order = "age"` queues).
    pub cases: Vec<CaseOut>,
    /// Pass as `after` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
}

#[utoipa::path(get, path = "/v1/queues/{name}", tag = "review", params(QueueQuery),
    responses((status = 200, body = QueueCasesOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn queue_cases(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(name): Path<String>,
    query: Result<Query<QueueQuery>, QueryRejection>,
) -> AppResult<Json<QueueCasesOut>> {
    caller.require(Permission::ViewQueues)?;
    let Query(q) = query.map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))?;
    let queue = state
        .review
        .queue(&name)
        .ok_or_else(|| ApiError::not_found(format!("no queue named {name:?}")))?;
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let after = match q.after.as_deref() {
        Some(text) => Some(QueueCursor::decode(text).ok_or_else(|| {
            ApiError::bad_request("invalid_query", "after is not a cursor this queue gave out")
        })?),
        None => None,
    };
    let page = timed_db(
        "list_queue",
        state.store.list_queue_page(
            queue,
            &state.review,
            state.clock.now(),
            after.as_ref(),
            limit,
        ),
    )
    .await?;
    Ok(Json(QueueCasesOut {
        queue: name,
        cases: page
            .cases
            .into_iter()
            .map(|c| CaseOut::new(&state, c))
            .collect(),
        next: page.next.map(|c| c.encode()),
    }))
}

#[utoipa::path(get, path = "/v1/cases/{id}", tag = "review",
    responses((status = 200, body = CaseOut), (status = 404, body = crate::error::ErrorBody)))]
pub async fn get_case(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<CaseOut>> {
    caller.require(Permission::ViewCases)?;
    let mut case = timed_db("case", state.store.case(&id))
        .await?
        .ok_or_else(|| no_case(&id))?;
    case.expire_lease(state.clock.now());
    Ok(Json(CaseOut::new(&state, case)))
}

#[utoipa::path(post, path = "/v1/cases/{id}/claim", tag = "review",
    responses((status = 200, description = "The lease", body = Object),
              (status = 409, description = "Someone else holds it", body = crate::error::ErrorBody)))]
pub async fn claim(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<ChangeOut<vigie_review::Lease>>> {
    let actor = caller.require(Permission::Claim)?;
    let lease_config = state.review.lease;
    let now = state.clock.now();
    // Admins may take over a live lease (the rules record from whom).
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "case.claim",
        move |case| {
            let lease = case.claim(&actor, now, &lease_config)?.clone();
            Ok((lease, Vec::new()))
        },
    )
    .await
}

#[utoipa::path(post, path = "/v1/cases/{id}/renew", tag = "review",
    responses((status = 200, body = Object), (status = 409, body = crate::error::ErrorBody)))]
pub async fn renew(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<ChangeOut<vigie_review::Lease>>> {
    let actor = caller.require(Permission::Claim)?;
    let lease_config = state.review.lease;
    let now = state.clock.now();
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "case.renew",
        move |case| {
            let lease = case.renew(&actor, now, &lease_config)?.clone();
            Ok((lease, Vec::new()))
        },
    )
    .await
}

#[utoipa::path(post, path = "/v1/cases/{id}/release", tag = "review",
    responses((status = 200, body = Object), (status = 409, body = crate::error::ErrorBody)))]
pub async fn release(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<ChangeOut<()>>> {
    let actor = caller.require(Permission::Claim)?;
    let now = state.clock.now();
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "case.release",
        move |case| {
            case.release(&actor, now)?;
            Ok(((), Vec::new()))
        },
    )
    .await
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalateIn {
    pub reason: String,
}

#[utoipa::path(post, path = "/v1/cases/{id}/escalate", tag = "review", request_body = EscalateIn,
    responses((status = 200, body = Object), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn escalate(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EscalateIn>,
) -> AppResult<Json<ChangeOut<()>>> {
    let actor = caller.require(Permission::Escalate)?;
    check_text("reason", &body.reason)?;
    let now = state.clock.now();
    let config = state.review.clone();
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "case.escalate",
        move |case| {
            case.escalate(&actor, &body.reason, &config, now)?;
            Ok(((), Vec::new()))
        },
    )
    .await
}

fn outcome_effects(outcome: DecideOutcome) -> (DecideOutcome, Vec<vigie_review::Effect>) {
    match outcome {
        DecideOutcome::Resolved { decision, effects } => (
            DecideOutcome::Resolved {
                decision,
                effects: effects.clone(),
            },
            effects,
        ),
        pending => (pending, Vec::new()),
    }
}

#[utoipa::path(post, path = "/v1/cases/{id}/decisions", tag = "review",
    request_body(content = Object, description = "vigie_review::DecisionInput: action, reason_code, note, categories"),
    responses((status = 200, body = Object), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn decide(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<DecisionInput>,
) -> AppResult<Json<ChangeOut<DecideOutcome>>> {
    let actor = caller.require(Permission::Decide)?;
    check_id("reason_code", &input.reason_code)?;
    if let Some(n) = &input.note {
        check_text("note", n)?;
    }
    let now = state.clock.now();
    let config = state.review.clone();
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "case.decide",
        move |case| Ok(outcome_effects(case.decide(&actor, input, &config, now)?)),
    )
    .await
}

#[utoipa::path(post, path = "/v1/cases/{id}/second-review", tag = "review",
    request_body(content = Object, description = "{\"verdict\": \"confirm\"} or {\"verdict\": \"override\", \"decision\": {…}}"),
    responses((status = 200, body = Object), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn second_review(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(verdict): ApiJson<SecondReviewVerdict>,
) -> AppResult<Json<ChangeOut<DecideOutcome>>> {
    let actor = caller.require(Permission::Decide)?;
    let now = state.clock.now();
    let config = state.review.clone();
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "case.second_review",
        move |case| {
            Ok(outcome_effects(
                case.second_review(&actor, verdict, &config, now)?,
            ))
        },
    )
    .await
}

// ---------------------------------------------------------------- appeals

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppealIn {
    pub case_id: String,
    /// The author of the decided content (the platform's user id).
    pub appellant: String,
    pub statement: String,
}

#[utoipa::path(post, path = "/v1/appeals", tag = "review", request_body = AppealIn,
    responses((status = 200, description = "The appeal, assigned to a moderator who did not decide", body = Object),
              (status = "4XX", body = crate::error::ErrorBody)),
    security(("api_key" = ["ingest"])))]
pub async fn create_appeal(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    ApiJson(body): ApiJson<AppealIn>,
) -> AppResult<Json<ChangeOut<vigie_review::Appeal>>> {
    // Authors appeal through their platform (an ingest key); admins may file for them.
    if !caller.is_key_with(Scope::Ingest) && caller.actor().is_none_or(|a| a.role != Role::Admin) {
        return Err(forbidden(format!(
            "{} may not file appeals: the platform files them with an ingest key",
            caller.audit_name()
        )));
    }
    check_id("case_id", &body.case_id)?;
    check_id("appellant", &body.appellant)?;
    check_text("statement", &body.statement)?;
    let users = timed_db("list_users", state.store.list_users()).await?;
    let candidates: Vec<ReviewerCandidate> = users
        .into_iter()
        .filter(|u| u.role == Role::Moderator && u.disabled_at.is_none())
        .map(|u| ReviewerCandidate {
            id: u.name,
            role: u.role,
            open_load: 0,
            available: true,
        })
        .collect();
    let now = state.clock.now();
    let config = state.review.clone();
    run_change(
        &state,
        &body.case_id,
        &caller.audit_name(),
        "appeal.file",
        move |case| {
            let appeal = case
                .appeal(&body.appellant, &body.statement, &config, now)?
                .clone();
            // Never the moderators who decided: without anyone else the appeal waits,
            // unassigned, in the queues of appealed cases until an eligible reviewer takes it
            // (`POST /v1/cases/{id}/appeal-claim`).
            let reviewer = case
                .pick_appeal_reviewer(&candidates)
                .ok()
                .map(|c| vigie_review::Actor::new(c.id.clone(), c.role));
            if let Some(reviewer) = reviewer {
                case.assign_appeal(&reviewer, now)?;
            }
            let appeal = case.appeals.last().cloned().unwrap_or(appeal);
            Ok((appeal, Vec::new()))
        },
    )
    .await
}

#[utoipa::path(post, path = "/v1/cases/{id}/appeal-claim", tag = "review",
    responses((status = 200, description = "The appeal, now assigned to the caller", body = Object),
              (status = 409, description = "The caller decided the case, or the appeal is someone else's", body = crate::error::ErrorBody)))]
pub async fn claim_appeal(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<ChangeOut<vigie_review::Appeal>>> {
    let actor = caller.require(Permission::ReviewAppeals)?;
    let now = state.clock.now();
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "appeal.claim",
        move |case| {
            case.take_appeal(&actor, now)?;
            let appeal =
                case.appeals
                    .last()
                    .cloned()
                    .ok_or_else(|| ReviewError::IllegalTransition {
                        case_id: case.id.clone(),
                        status: case.status,
                        attempted: "take the appeal of",
                    })?;
            Ok((appeal, Vec::new()))
        },
    )
    .await
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AppealDecisionIn {
    #[schema(value_type = String)]
    pub outcome: AppealOutcome,
    #[serde(default)]
    pub note: Option<String>,
}

#[utoipa::path(post, path = "/v1/cases/{id}/appeal-decision", tag = "review", request_body = AppealDecisionIn,
    responses((status = 200, body = Object), (status = "4XX", body = crate::error::ErrorBody)))]
pub async fn resolve_appeal(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AppealDecisionIn>,
) -> AppResult<Json<ChangeOut<Vec<vigie_review::Effect>>>> {
    let actor = caller.require(Permission::ReviewAppeals)?;
    if let Some(n) = &body.note {
        check_text("note", n)?;
    }
    let now = state.clock.now();
    let config = state.review.clone();
    run_change(
        &state,
        &id,
        &caller.audit_name(),
        "appeal.resolve",
        move |case| {
            let effects = case.resolve_appeal(&actor, body.outcome, body.note, &config, now)?;
            Ok((effects.clone(), effects))
        },
    )
    .await
}

// ---------------------------------------------------------------- strikes

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct StrikesOut {
    pub author: String,
    /// Strikes neither expired nor reversed now.
    pub live: usize,
    #[schema(value_type = Vec<Object>)]
    pub strikes: Vec<Strike>,
    /// The sanction the thresholds call for now, if any.
    #[schema(value_type = Option<Object>)]
    pub proposal: Option<StrikeProposal>,
}

#[utoipa::path(get, path = "/v1/authors/{author}/strikes", tag = "review",
    responses((status = 200, body = StrikesOut)))]
pub async fn author_strikes(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(author): Path<String>,
) -> AppResult<Json<StrikesOut>> {
    caller.require(Permission::ViewCases)?;
    let strikes = timed_db("strikes", state.store.strikes(&author)).await?;
    let now = state.clock.now();
    let live = strikes.iter().filter(|s| s.is_live(now)).count();
    let policy: &StrikePolicy = &state.review.strikes;
    Ok(Json(StrikesOut {
        proposal: policy.evaluate(&author, &strikes, now),
        author,
        live,
        strikes,
    }))
}

// ---------------------------------------------------------------- webhooks

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WebhookQuery {
    /// pending, delivered or dead_letter; default: all.
    pub state: Option<String>,
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct WebhookOut {
    pub idempotency_key: String,
    pub case_id: String,
    pub endpoint: String,
    #[schema(value_type = Object)]
    pub delivery: vigie_review::Delivery,
    #[schema(value_type = Object)]
    pub event: serde_json::Value,
    pub created_at: String,
    pub updated_at: String,
}

impl From<OutboxItem> for WebhookOut {
    fn from(item: OutboxItem) -> Self {
        WebhookOut {
            event: serde_json::from_str(&item.body).unwrap_or(serde_json::Value::Null),
            idempotency_key: item.idempotency_key,
            case_id: item.case_id,
            endpoint: item.endpoint,
            delivery: item.delivery,
            created_at: format_time(item.created_at),
            updated_at: format_time(item.updated_at),
        }
    }
}

#[utoipa::path(get, path = "/v1/webhooks", tag = "review", params(WebhookQuery),
    responses((status = 200, body = Vec<WebhookOut>)))]
pub async fn list_webhooks(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    query: Result<Query<WebhookQuery>, QueryRejection>,
) -> AppResult<Json<Vec<WebhookOut>>> {
    caller.require(Permission::ReadAudit)?;
    let Query(q) = query.map_err(|e| ApiError::bad_request("invalid_query", e.body_text()))?;
    if let Some(s) = &q.state
        && !["pending", "delivered", "dead_letter"].contains(&s.as_str())
    {
        return Err(ApiError::bad_request(
            "invalid_query",
            "state is pending, delivered or dead_letter",
        ));
    }
    let items = timed_db(
        "outbox",
        state
            .store
            .outbox(q.state.as_deref(), q.limit.unwrap_or(100).clamp(1, 1000)),
    )
    .await?;
    Ok(Json(items.into_iter().map(WebhookOut::from).collect()))
}

#[utoipa::path(post, path = "/v1/webhooks/{key}/retry", tag = "review",
    responses((status = 200, body = Object), (status = 404, body = crate::error::ErrorBody)))]
pub async fn retry_webhook(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Path(key): Path<String>,
) -> AppResult<Json<serde_json::Value>> {
    caller.require(Permission::ManageQueues)?;
    let now = state.clock.now();
    if timed_db(
        "retry_dead_letter",
        state
            .store
            .retry_dead_letter(&key, &caller.audit_name(), now),
    )
    .await?
    {
        Ok(Json(serde_json::json!({ "requeued": key })))
    } else {
        Err(ApiError::not_found(format!(
            "no dead letter with key {key:?}"
        )))
    }
}

// ---------------------------------------------------------------- test clock

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ClockIn {
    #[serde(default)]
    pub advance_seconds: Option<i64>,
}

/// Moves the test clock; a 404 like any unknown endpoint unless `test_clock` is on.
pub async fn move_clock(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    ApiJson(body): ApiJson<ClockIn>,
) -> AppResult<Json<serde_json::Value>> {
    let Some(clock) = &state.manual_clock else {
        return Err(ApiError::not_found("no such endpoint"));
    };
    caller.require(Permission::ManageUsers)?;
    if let Some(s) = body.advance_seconds {
        clock.advance(s.saturating_mul(vigie_review::MICROS_PER_SECOND));
    }
    let now = vigie_review::Clock::now(clock.as_ref());
    Ok(Json(
        serde_json::json!({ "now": now, "at": format_time(now) }),
    ))
}
