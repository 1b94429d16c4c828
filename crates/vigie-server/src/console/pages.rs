//! The console's handlers: one per page and per form. Forms post back here and are answered
//! with a redirect to the page that shows the outcome (POST → 303 → GET), so reloading a page
//! never repeats an action.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use vigie_detect::Category;
use vigie_policy::Mode;
use vigie_review::priority::human_count;
use vigie_review::{
    Actor, AppealOutcome, Case, CaseStatus, DecideOutcome, DecisionInput, ModeratorAction,
    Permission, Queue, QueueDef, ReviewError, ReviewerCandidate, Role, SecondReviewVerdict,
    Subject, route,
};
use vigie_store::{AuditEntry, AuditFilter, CaseChange, DecisionCursor};

use super::view::{self, Chart, Chrome, Segment, countdown, duration, render, when};
use super::{
    ABSOLUTE_TIMEOUT, ConsoleError, IDLE_TIMEOUT, LOGIN_CSRF_COOKIE, SESSION_COOKIE, Session,
    constant_time_eq, cookie, form_urlencode, is_secure, set_cookie,
};
use crate::AppState;

type PageResult = Result<Response, ConsoleError>;

const MAX_FIELD_CHARS: usize = 5_000;
const QUEUE_PAGE: usize = 50;

fn chrome(s: &Session, current: &'static str, done: Option<&str>) -> Chrome {
    Chrome {
        user: s.name().to_string(),
        role: s.role().name().to_string(),
        csrf: s.session.csrf_token.clone(),
        current,
        can_audit: s.can(Permission::ReadAudit),
        can_claim: s.can(Permission::Claim),
        can_escalate: s.can(Permission::Escalate),
        can_manage_policy: s.can(Permission::ManagePolicy),
        flash: done.and_then(flash_text).map(str::to_string),
    }
}

/// Outcomes are passed to the next page as a code, never as text from the request.
fn flash_text(code: &str) -> Option<&'static str> {
    Some(match code {
        "claimed" => "Claimed: the case is yours until the lease runs out.",
        "released" => "Released: the case is back in its queue.",
        "escalated" => "Escalated.",
        "decided" => "Decision recorded; the platform is notified by webhook.",
        "pending" => "Decision recorded: it waits for a second moderator.",
        "second_review" => "Second review recorded.",
        "appeal_filed" => "Appeal filed and assigned.",
        "appeal_resolved" => "Appeal decided; the platform is notified by webhook.",
        "signed_out" => "Signed out.",
        _ => return None,
    })
}

fn check_len(field: &str, value: &str) -> Result<(), ConsoleError> {
    if value.chars().count() > MAX_FIELD_CHARS {
        return Err(ConsoleError::Invalid(format!(
            "{field} is longer than {MAX_FIELD_CHARS} characters"
        )));
    }
    Ok(())
}

fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

fn case_url(id: &str, done: &str) -> String {
    format!("/console/cases/{}?done={done}", form_urlencode(id))
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

/// Runs one transition like the review API does (case, effects and audit entry in one
/// transaction).
async fn run_change<R: serde::Serialize>(
    state: &AppState,
    case_id: &str,
    session: &Session,
    kind: &str,
    transition: impl FnOnce(&mut Case) -> Result<(R, Vec<vigie_review::Effect>), ReviewError>,
) -> Result<(Case, R), ConsoleError> {
    let actor = session.audit_name();
    let change = change(state, &actor, kind);
    match state
        .store
        .change_case(case_id, &change, transition)
        .await?
    {
        Some((case, outcome, _applied)) => Ok((case, outcome)),
        None => Err(ConsoleError::NotFound(format!(
            "no case with id {case_id:?}"
        ))),
    }
}

// ---------------------------------------------------------------- sign-in

pub async fn home() -> Response {
    see_other("/console/queues")
}

#[derive(Template)]
#[template(path = "console/login.html")]
struct LoginPage {
    csrf: String,
    next: String,
    error: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    done: Option<String>,
}

fn safe_next(next: Option<&str>) -> String {
    match next {
        // Only our own pages: `//host` or `/\host` would leave the console.
        Some(n)
            if n.starts_with("/console")
                && !n.starts_with("//")
                && !n.contains('\\')
                && !n.starts_with("/console/login") =>
        {
            n.to_string()
        }
        _ => "/console/queues".to_string(),
    }
}

fn random_hex() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn login_page(
    headers: &HeaderMap,
    next: String,
    error: Option<String>,
    notice: Option<String>,
    status: StatusCode,
) -> Response {
    let csrf = random_hex();
    let mut r = render(&LoginPage {
        csrf: csrf.clone(),
        next,
        error,
        notice,
    });
    *r.status_mut() = status;
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LOGIN_CSRF_COOKIE, &csrf, 3600, is_secure(headers)),
    );
    r
}

pub async fn login_form(
    State(state): State<Arc<AppState>>,
    Extension(warmed): Extension<SharedWarmUp>,
    Extension(dashboard): Extension<SharedDashboard>,
    Extension(tally): Extension<SharedTally>,
    headers: HeaderMap,
    Query(q): Query<LoginQuery>,
) -> Response {
    warm_up(&state, &warmed, &dashboard, &tally);
    if let Some(token) = cookie(&headers, SESSION_COOKIE)
        && let Ok(Some(_)) = state.store.console_session(token, state.clock.now()).await
    {
        return see_other(&safe_next(q.next.as_deref()));
    }
    let notice = q.done.as_deref().and_then(flash_text).map(str::to_string);
    login_page(
        &headers,
        safe_next(q.next.as_deref()),
        None,
        notice,
        StatusCode::OK,
    )
}

#[derive(Debug, Deserialize)]
pub struct LoginForm {
    name: String,
    password: String,
    csrf: Option<String>,
    next: Option<String>,
}

pub async fn login(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> PageResult {
    // Double-submit: the token in the form must be the one this browser got as a cookie,
    // which another site can neither read nor set.
    let expected = cookie(&headers, LOGIN_CSRF_COOKIE).unwrap_or_default();
    let sent = form.csrf.as_deref().unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(expected.as_bytes(), sent.as_bytes()) {
        return Err(ConsoleError::Csrf);
    }
    let next = safe_next(form.next.as_deref());
    if form.name.len() > 128 || form.password.len() > 1024 {
        return Ok(login_page(
            &headers,
            next,
            Some("Wrong name or password.".into()),
            None,
            StatusCode::UNAUTHORIZED,
        ));
    }
    let Some(user) = state
        .store
        .check_password(form.name.trim(), &form.password)
        .await?
    else {
        tracing::warn!(name = %form.name.trim(), "console sign-in refused");
        metrics::counter!("vigie_denied_requests_total", "reason" => "console_login").increment(1);
        return Ok(login_page(
            &headers,
            next,
            Some("Wrong name or password.".into()),
            None,
            StatusCode::UNAUTHORIZED,
        ));
    };
    let now = state.clock.now();
    let expires = (now + IDLE_TIMEOUT).min(now + ABSOLUTE_TIMEOUT);
    let created = state
        .store
        .create_console_session(&user, now, expires)
        .await?;
    state
        .store
        .append_audit(&vigie_store::AuditEvent {
            actor: format!("user:{}", user.name),
            kind: "console.login".into(),
            subject: format!("user:{}", user.name),
            reason: "signed in to the console".into(),
            ..Default::default()
        })
        .await?;
    let secure = is_secure(&headers);
    let mut r = see_other(&next);
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            SESSION_COOKIE,
            &created.token,
            ABSOLUTE_TIMEOUT / vigie_review::MICROS_PER_SECOND,
            secure,
        ),
    );
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LOGIN_CSRF_COOKIE, "", 0, secure),
    );
    Ok(r)
}

#[derive(Debug, Deserialize)]
pub struct CsrfForm {
    csrf: Option<String>,
}

pub async fn logout(
    State(state): State<Arc<AppState>>,
    session: Session,
    Form(form): Form<CsrfForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    state.store.end_console_session(&session.token).await?;
    state
        .store
        .append_audit(&vigie_store::AuditEvent {
            actor: session.audit_name(),
            kind: "console.logout".into(),
            subject: session.audit_name(),
            reason: "signed out of the console".into(),
            ..Default::default()
        })
        .await?;
    let mut r = see_other("/console/login?done=signed_out");
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, session.secure),
    );
    Ok(r)
}

// ---------------------------------------------------------------- queues

struct QueueTab {
    name: String,
    description: String,
    current: bool,
}

struct QueueRow {
    id: String,
    url: String,
    priority: i64,
    urgent: bool,
    status: String,
    categories: String,
    lang: String,
    reach: String,
    deadline: Option<String>,
    deadline_at: i64,
    overdue: bool,
    reports: usize,
    age: String,
    holder: Option<String>,
    subject: String,
    evidence: String,
    explanation: String,
    claimable: bool,
}

#[derive(Template)]
#[template(path = "console/queues.html")]
struct QueuesPage {
    chrome: Chrome,
    tabs: Vec<QueueTab>,
    queue: String,
    description: String,
    rows: Vec<QueueRow>,
    categories: Vec<(String, bool)>,
    languages: Vec<(String, bool)>,
    now: i64,
}

#[derive(Debug, Deserialize)]
pub struct QueuesQuery {
    queue: Option<String>,
    category: Option<String>,
    lang: Option<String>,
    done: Option<String>,
}

fn subject_text(subject: &Subject) -> String {
    match subject {
        Subject::Post {
            platform,
            post_id,
            author,
        } => match author {
            Some(a) => format!("post {platform}/{post_id} by {a}"),
            None => format!("post {platform}/{post_id}"),
        },
        Subject::Account {
            platform,
            account_id,
        } => format!("account {platform}/{account_id}"),
    }
}

fn category_names(categories: &[Category]) -> String {
    categories
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A queue narrowed by the page's filters (the filters only ever narrow it).
fn narrowed(queue: &Queue, category: Option<Category>, lang: Option<&str>) -> Queue {
    let mut q = queue.clone();
    if let Some(c) = category {
        q.filter.categories = Some(match &queue.filter.categories {
            Some(list) if !list.contains(&c) => Vec::new(),
            _ => vec![c],
        });
    }
    if let Some(l) = lang {
        q.filter.languages = Some(match &queue.filter.languages {
            Some(list) if !list.iter().any(|x| x == l) => Vec::new(),
            _ => vec![l.to_string()],
        });
    }
    q
}

pub async fn queues(
    State(state): State<Arc<AppState>>,
    session: Session,
    Query(q): Query<QueuesQuery>,
) -> PageResult {
    session.require(Permission::ViewQueues)?;
    let queues = &state.review.queues;
    let name = q
        .queue
        .clone()
        .or_else(|| queues.first().map(|x| x.name.clone()))
        .unwrap_or_default();
    let queue = state
        .review
        .queue(&name)
        .ok_or_else(|| ConsoleError::NotFound(format!("no queue named {name:?}")))?;
    let category = q
        .category
        .as_deref()
        .filter(|c| !c.is_empty())
        .and_then(|c| Category::ALL.into_iter().find(|x| x.name() == c));
    let lang = q
        .lang
        .as_deref()
        .filter(|l| !l.is_empty() && l.len() <= 8 && l.bytes().all(|b| b.is_ascii_lowercase()));
    let listed = narrowed(queue, category, lang);
    let now = state.clock.now();
    let cases = state
        .store
        .list_queue(&listed, &state.review, now, QUEUE_PAGE)
        .await?;
    let me = session.name().to_string();
    let rows = cases
        .iter()
        .map(|c| {
            let deadline = c.nearest_deadline();
            let evidence = c
                .automated
                .as_ref()
                .map(|d| {
                    let mut seen = BTreeSet::new();
                    d.evidence
                        .iter()
                        .filter(|e| seen.insert(e.text.clone()))
                        .take(3)
                        .map(|e| format!("«{}»", e.text.chars().take(40).collect::<String>()))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let holder = c.holder(now).map(str::to_string);
            QueueRow {
                url: format!("/console/cases/{}", form_urlencode(&c.id)),
                id: c.id.clone(),
                priority: c.priority.score,
                urgent: c.priority.urgent,
                status: c.status.name().to_string(),
                categories: category_names(&c.flagged_categories()),
                lang: c.lang.clone().unwrap_or_else(|| "other".into()),
                reach: c.reach.map(human_count).unwrap_or_else(|| "–".into()),
                deadline: deadline.map(|d| countdown(d, now)),
                deadline_at: deadline.unwrap_or(0) / 1000,
                overdue: deadline.is_some_and(|d| d < now),
                reports: c.distinct_reports(),
                age: duration(now - c.created_at),
                claimable: holder.as_deref().is_none_or(|h| h == me)
                    && matches!(
                        c.status,
                        CaseStatus::Open
                            | CaseStatus::Escalated
                            | CaseStatus::PendingSecondReview
                            | CaseStatus::Assigned
                    ),
                holder,
                subject: subject_text(&c.subject),
                evidence,
                explanation: c.priority.explanation(),
            }
        })
        .collect();
    let page = QueuesPage {
        chrome: chrome(&session, "queues", q.done.as_deref()),
        tabs: queues
            .iter()
            .map(|x| QueueTab {
                name: x.name.clone(),
                description: x.description.clone().unwrap_or_default(),
                current: x.name == name,
            })
            .collect(),
        description: queue.description.clone().unwrap_or_default(),
        queue: name,
        rows,
        categories: Category::ALL
            .iter()
            .map(|c| (c.name().to_string(), Some(*c) == category))
            .collect(),
        languages: ["en", "fr", "other"]
            .iter()
            .map(|l| (l.to_string(), Some(*l) == lang))
            .collect(),
        now: now / 1000,
    };
    Ok(render(&page))
}

// ---------------------------------------------------------------- case

struct SignalRow {
    category: String,
    score: String,
    width: u32,
}

struct RuleRow {
    id: String,
    action: String,
    mode: String,
    reason_code: String,
}

struct EvidenceRow {
    n: usize,
    category: String,
    detector: String,
    text: String,
    matched: String,
    span: String,
}

struct HistoryRow {
    when: String,
    what: String,
    detail: String,
    url: Option<String>,
}

struct DecisionRow {
    by: String,
    when: String,
    action: String,
    reason_code: String,
    note: String,
    confirmed_by: String,
    reversed: bool,
}

struct AppealRow {
    appellant: String,
    statement: String,
    filed: String,
    assigned_to: String,
    outcome: String,
}

struct WebhookRow {
    key: String,
    state: String,
    attempts: u32,
    event: String,
}

#[derive(Template)]
#[template(path = "console/case.html")]
struct CasePage {
    chrome: Chrome,
    id: String,
    action_url: String,
    subject: String,
    status: String,
    queue: String,
    lang: String,
    reach: String,
    priority: i64,
    explanation: String,
    deadline: Option<String>,
    deadline_at: i64,
    holder: Option<String>,
    lease_left: Option<String>,
    held_by_me: bool,
    text: Option<Vec<Segment>>,
    automated_action: String,
    automated_reason: String,
    signals: Vec<SignalRow>,
    rules: Vec<RuleRow>,
    evidence: Vec<EvidenceRow>,
    reports: Vec<HistoryRow>,
    notices: Vec<HistoryRow>,
    escalation: Option<String>,
    pending: Option<DecisionRow>,
    decisions: Vec<DecisionRow>,
    appeals: Vec<AppealRow>,
    author: Option<String>,
    strikes_live: usize,
    strikes: Vec<HistoryRow>,
    proposal: Option<String>,
    history: Vec<HistoryRow>,
    webhooks: Vec<WebhookRow>,
    reasons: Vec<String>,
    can_claim_now: bool,
    can_decide_now: bool,
    can_second_review: bool,
    can_escalate_now: bool,
    can_file_appeal: bool,
    can_decide_appeal: bool,
    now: i64,
}

fn decision_row(d: &vigie_review::ModeratorDecision) -> DecisionRow {
    DecisionRow {
        by: d.decided_by.clone(),
        when: when(d.decided_at),
        action: d.action.to_string(),
        reason_code: d.reason_code.clone(),
        note: d.note.clone().unwrap_or_default(),
        confirmed_by: d.confirmed_by.clone().unwrap_or_default(),
        reversed: d.reversed_at.is_some(),
    }
}

/// The policy's reason codes, offered (not imposed) in the decision form.
fn policy_reasons(state: &AppState) -> Vec<String> {
    let current = state.current();
    let mut reasons: Vec<String> = current
        .engine
        .policy()
        .rules()
        .iter()
        .map(|r| r.reason_code().to_string())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    reasons.push("no_violation".into());
    reasons
}

#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn case_page(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> PageResult {
    session.require(Permission::ViewCases)?;
    let mut case = state
        .store
        .case(&id)
        .await?
        .ok_or_else(|| ConsoleError::NotFound(format!("no case with id {id:?}")))?;
    let now = state.clock.now();
    case.expire_lease(now);
    let text = match &case.subject {
        Subject::Post {
            platform, post_id, ..
        } => state.store.post_text(platform, post_id).await?,
        Subject::Account { .. } => None,
    };
    let author = case.subject.author().map(str::to_string);
    let (strikes, author_decisions, author_cases) = match &author {
        Some(a) => (
            state.store.strikes(a).await?,
            state.store.author_decisions(a, 10).await?,
            state.store.author_cases(a, 11).await?,
        ),
        None => (Vec::new(), Vec::new(), Vec::new()),
    };
    let webhooks = state.store.case_webhooks(&case.id, 20).await?;
    let me = session.name();
    let holder = case.holder(now).map(str::to_string);
    let held_by_me = holder.as_deref() == Some(me);
    let decided_pending_by_me = case.pending.as_ref().is_some_and(|p| p.decided_by == me);
    let automated = case.automated.as_ref();
    let mut history: Vec<HistoryRow> = author_decisions
        .iter()
        .map(|d| HistoryRow {
            when: when(d.created_at),
            what: format!("vigie: {}", d.action),
            detail: format!(
                "post {}/{} {}",
                d.platform,
                d.post_id,
                d.reason_code.clone().unwrap_or_default()
            ),
            url: None,
        })
        .collect();
    history.extend(
        author_cases
            .iter()
            .filter(|c| c.id != case.id)
            .take(10)
            .map(|c| {
                let decided = c.decisions.last();
                HistoryRow {
                    when: when(c.created_at),
                    what: format!("case {}", c.status),
                    detail: decided
                        .map(|d| format!("{} ({})", d.action, d.reason_code))
                        .unwrap_or_else(|| category_names(&c.flagged_categories())),
                    url: Some(format!("/console/cases/{}", form_urlencode(&c.id))),
                }
            }),
    );
    let page = CasePage {
        chrome: chrome(&session, "queues", q.done.as_deref()),
        action_url: format!("/console/cases/{}", form_urlencode(&case.id)),
        id: case.id.clone(),
        subject: subject_text(&case.subject),
        status: case.status.name().to_string(),
        queue: route(&state.review.queues, &case)
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        lang: case.lang.clone().unwrap_or_else(|| "other".into()),
        reach: case
            .reach
            .map(human_count)
            .unwrap_or_else(|| "unknown".into()),
        priority: case.priority.score,
        explanation: case.priority.explanation(),
        deadline: case.nearest_deadline().map(|d| countdown(d, now)),
        deadline_at: case.nearest_deadline().unwrap_or(0) / 1000,
        lease_left: case
            .lease
            .as_ref()
            .filter(|l| l.is_active(now))
            .map(|l| duration(l.expires_at - now)),
        holder: holder.clone(),
        held_by_me,
        text: text.map(|t| {
            let evidence = automated.map(|d| d.evidence.as_slice()).unwrap_or(&[]);
            view::highlight(&t, evidence)
        }),
        automated_action: automated
            .map(|d| d.action.name().to_string())
            .unwrap_or_else(|| "none (reported by users)".into()),
        automated_reason: automated
            .and_then(|d| d.reason_code.as_deref())
            .unwrap_or_default()
            .to_string(),
        signals: automated
            .map(|d| {
                d.categories
                    .iter()
                    .map(|s| SignalRow {
                        category: s.category.name().to_string(),
                        score: format!("{:.2}", s.score),
                        width: (s.score.clamp(0.0, 1.0) * 100.0).round() as u32,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        rules: automated
            .map(|d| {
                d.rules
                    .iter()
                    .map(|r| RuleRow {
                        id: r.id.to_string(),
                        action: r.action.name().to_string(),
                        mode: match r.mode {
                            Mode::Enforce => "enforced".into(),
                            Mode::Shadow => "shadow".into(),
                        },
                        reason_code: r.reason_code.to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        evidence: automated
            .map(|d| {
                d.evidence
                    .iter()
                    .enumerate()
                    .map(|(i, e)| EvidenceRow {
                        n: i + 1,
                        category: e.category.name().to_string(),
                        detector: e.detector.to_string(),
                        text: e.text.clone(),
                        matched: e.matched.clone(),
                        span: format!("{}–{}", e.start, e.end),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        reports: case
            .reports
            .iter()
            .map(|r| HistoryRow {
                when: when(r.received_at),
                what: r
                    .category
                    .map(|c| c.name().to_string())
                    .unwrap_or_else(|| "report".into()),
                detail: format!(
                    "{}{}",
                    r.reporter
                        .as_deref()
                        .map(|x| format!("by {x}: "))
                        .unwrap_or_default(),
                    r.reason.clone().unwrap_or_default()
                ),
                url: None,
            })
            .collect(),
        notices: case
            .notices
            .iter()
            .map(|n| HistoryRow {
                when: when(n.received_at),
                what: n.authority.clone(),
                detail: format!(
                    "{} deadline {}{}",
                    n.reference.clone().unwrap_or_default(),
                    countdown(n.deadline, now),
                    if n.threat_to_life {
                        " — threat to life"
                    } else {
                        ""
                    }
                ),
                url: None,
            })
            .collect(),
        escalation: case
            .escalation
            .as_ref()
            .map(|e| format!("by {} ({}): {}", e.by, when(e.at), e.reason)),
        pending: case.pending.as_ref().map(decision_row),
        decisions: case.decisions.iter().map(decision_row).collect(),
        appeals: case
            .appeals
            .iter()
            .map(|a| AppealRow {
                appellant: a.appellant.clone(),
                statement: a.statement.clone(),
                filed: when(a.filed_at),
                assigned_to: a.assigned_to.clone().unwrap_or_else(|| "nobody yet".into()),
                outcome: match a.outcome {
                    Some(AppealOutcome::Upheld) => "upheld".into(),
                    Some(AppealOutcome::Reversed) => "reversed".into(),
                    None => "open".into(),
                },
            })
            .collect(),
        strikes_live: strikes.iter().filter(|s| s.is_live(now)).count(),
        strikes: strikes
            .iter()
            .rev()
            .take(10)
            .map(|s| HistoryRow {
                when: when(s.issued_at),
                what: if s.reversed_at.is_some() {
                    "strike (reversed)".into()
                } else if s.is_live(now) {
                    "strike".into()
                } else {
                    "strike (expired)".into()
                },
                detail: s.reason_code.clone(),
                url: None,
            })
            .collect(),
        proposal: author.as_deref().and_then(|a| {
            state
                .review
                .strikes
                .evaluate(a, &strikes, now)
                .map(|p| p.explanation)
        }),
        author,
        history,
        webhooks: webhooks
            .into_iter()
            .map(|w| WebhookRow {
                key: w.idempotency_key,
                state: w.state,
                attempts: w.attempts,
                event: w.event,
            })
            .collect(),
        reasons: policy_reasons(&state),
        can_claim_now: session.can(Permission::Claim)
            && holder.is_none()
            && matches!(
                case.status,
                CaseStatus::Open | CaseStatus::Escalated | CaseStatus::PendingSecondReview
            ),
        can_decide_now: session.can(Permission::Decide)
            && held_by_me
            && case.status == CaseStatus::Assigned
            && case.pending.is_none(),
        can_second_review: session.can(Permission::Decide)
            && case.status == CaseStatus::PendingSecondReview
            && held_by_me
            && !decided_pending_by_me,
        can_escalate_now: session.can(Permission::Escalate)
            && matches!(case.status, CaseStatus::Open | CaseStatus::Assigned)
            && (holder.is_none() || held_by_me),
        can_file_appeal: session.role() == Role::Admin
            && case.status == CaseStatus::Resolved
            && case.final_decision().is_some_and(|d| d.action.is_adverse()),
        can_decide_appeal: session.can(Permission::ReviewAppeals)
            && case.status == CaseStatus::Appealed
            && case.open_appeal().is_some_and(|a| {
                a.assigned_to.as_deref() == Some(me) || session.role() == Role::Admin
            }),
        now: now / 1000,
    };
    Ok(render(&page))
}

pub async fn claim(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    let actor = session.require(Permission::Claim)?;
    let lease = state.review.lease;
    let now = state.clock.now();
    run_change(&state, &id, &session, "case.claim", move |case| {
        case.claim(&actor, now, &lease)?;
        Ok(((), Vec::new()))
    })
    .await?;
    Ok(see_other(&case_url(&id, "claimed")))
}

pub async fn release(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    let actor = session.require(Permission::Claim)?;
    let now = state.clock.now();
    run_change(&state, &id, &session, "case.release", move |case| {
        case.release(&actor, now)?;
        Ok(((), Vec::new()))
    })
    .await?;
    Ok(see_other("/console/queues?done=released"))
}

#[derive(Debug, Deserialize)]
pub struct EscalateForm {
    csrf: Option<String>,
    reason: String,
}

pub async fn escalate(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<EscalateForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    let actor = session.require(Permission::Escalate)?;
    let reason = form.reason.trim().to_string();
    if reason.is_empty() {
        return Err(ConsoleError::Invalid(
            "say why the case is escalated".into(),
        ));
    }
    check_len("reason", &reason)?;
    let now = state.clock.now();
    let config = state.review.clone();
    run_change(&state, &id, &session, "case.escalate", move |case| {
        case.escalate(&actor, &reason, &config, now)?;
        Ok(((), Vec::new()))
    })
    .await?;
    Ok(see_other(&case_url(&id, "escalated")))
}

#[derive(Debug, Deserialize)]
pub struct DecideForm {
    csrf: Option<String>,
    action: String,
    reason_code: String,
    #[serde(default)]
    note: Option<String>,
    /// For suspensions: days; empty for a permanent one.
    #[serde(default)]
    suspend_days: Option<String>,
    /// Second review only: `confirm` or `override`.
    #[serde(default)]
    verdict: Option<String>,
}

/// The decision a form asks for; the case's flagged categories are added in the transition.
fn decision_input(form: &DecideForm, now: i64) -> Result<DecisionInput, ConsoleError> {
    let reason_code = form.reason_code.trim().to_string();
    if reason_code.is_empty() || reason_code.len() > 256 {
        return Err(ConsoleError::Invalid(
            "a decision needs a policy reason (1 to 256 bytes)".into(),
        ));
    }
    let note = form
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    if let Some(n) = &note {
        check_len("note", n)?;
    }
    let action = match form.action.as_str() {
        "remove" => ModeratorAction::Remove,
        "restore" => ModeratorAction::Restore,
        "label" => ModeratorAction::Label,
        "demote" => ModeratorAction::Demote,
        "age_restrict" => ModeratorAction::AgeRestrict,
        "warn" => ModeratorAction::Warn,
        "no_action" => ModeratorAction::NoAction,
        "suspend_account" => {
            let days = form
                .suspend_days
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(|d| {
                    d.parse::<u32>()
                        .ok()
                        .filter(|&d| (1..=3650).contains(&d))
                        .ok_or_else(|| {
                            ConsoleError::Invalid("suspension days: 1 to 3650, or empty".into())
                        })
                })
                .transpose()?;
            ModeratorAction::SuspendAccount {
                until: days.map(|d| now + i64::from(d) * vigie_review::MICROS_PER_DAY),
            }
        }
        other => return Err(ConsoleError::Invalid(format!("unknown action {other:?}"))),
    };
    Ok(DecisionInput {
        action,
        reason_code,
        note,
        categories: Vec::new(),
    })
}

pub async fn decide(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<DecideForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    let actor = session.require(Permission::Decide)?;
    let now = state.clock.now();
    let config = state.review.clone();
    let mut input = decision_input(&form, now)?;
    let (_, outcome) = run_change(&state, &id, &session, "case.decide", move |case| {
        // The moderator's decision covers what the case was flagged for: those categories
        // become the training labels (positives or negatives) of the export.
        input.categories = case.flagged_categories();
        Ok(outcome_effects(case.decide(&actor, input, &config, now)?))
    })
    .await?;
    let done = match outcome {
        DecideOutcome::PendingSecondReview { .. } => "pending",
        _ => "decided",
    };
    Ok(see_other(&case_url(&id, done)))
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

pub async fn second_review(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<DecideForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    let actor = session.require(Permission::Decide)?;
    let now = state.clock.now();
    let config = state.review.clone();
    let override_input = match form.verdict.as_deref() {
        Some("override") => Some(decision_input(&form, now)?),
        _ => None,
    };
    run_change(&state, &id, &session, "case.second_review", move |case| {
        let verdict = match override_input {
            Some(mut decision) => {
                decision.categories = case.flagged_categories();
                SecondReviewVerdict::Override { decision }
            }
            None => SecondReviewVerdict::Confirm,
        };
        Ok(outcome_effects(
            case.second_review(&actor, verdict, &config, now)?,
        ))
    })
    .await?;
    Ok(see_other(&case_url(&id, "second_review")))
}

#[derive(Debug, Deserialize)]
pub struct AppealForm {
    csrf: Option<String>,
    appellant: String,
    statement: String,
}

/// Admins may file an appeal for an author who wrote in (platforms file them with an ingest
/// key through the API).
pub async fn file_appeal(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<AppealForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    if session.role() != Role::Admin {
        return Err(ConsoleError::Forbidden(format!(
            "{} ({}) may not file appeals: authors appeal through their platform",
            session.name(),
            session.role()
        )));
    }
    let appellant = form.appellant.trim().to_string();
    if appellant.is_empty() || appellant.len() > 256 {
        return Err(ConsoleError::Invalid(
            "the appellant is 1 to 256 bytes".into(),
        ));
    }
    check_len("statement", &form.statement)?;
    let candidates: Vec<ReviewerCandidate> = state
        .store
        .list_users()
        .await?
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
    let statement = form.statement;
    run_change(&state, &id, &session, "appeal.file", move |case| {
        case.appeal(&appellant, &statement, &config, now)?;
        let reviewer = case
            .pick_appeal_reviewer(&candidates)
            .ok()
            .map(|c| Actor::new(c.id.clone(), c.role));
        if let Some(reviewer) = reviewer {
            case.assign_appeal(&reviewer, now)?;
        }
        Ok(((), Vec::new()))
    })
    .await?;
    Ok(see_other(&case_url(&id, "appeal_filed")))
}

#[derive(Debug, Deserialize)]
pub struct AppealDecisionForm {
    csrf: Option<String>,
    outcome: String,
    #[serde(default)]
    note: Option<String>,
}

pub async fn appeal_decision(
    State(state): State<Arc<AppState>>,
    session: Session,
    Path(id): Path<String>,
    Form(form): Form<AppealDecisionForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    let actor = session.require(Permission::ReviewAppeals)?;
    let outcome = match form.outcome.as_str() {
        "upheld" => AppealOutcome::Upheld,
        "reversed" => AppealOutcome::Reversed,
        other => {
            return Err(ConsoleError::Invalid(format!(
                "an appeal is upheld or reversed, not {other:?}"
            )));
        }
    };
    let note = form
        .note
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    if let Some(n) = &note {
        check_len("note", n)?;
    }
    let now = state.clock.now();
    let config = state.review.clone();
    run_change(&state, &id, &session, "appeal.resolve", move |case| {
        let effects = case.resolve_appeal(&actor, outcome, note, &config, now)?;
        Ok((effects.clone(), effects))
    })
    .await?;
    Ok(see_other(&case_url(&id, "appeal_resolved")))
}

// ---------------------------------------------------------------- appeals

struct AppealListRow {
    url: String,
    id: String,
    appellant: String,
    statement: String,
    filed: String,
    assigned_to: String,
    decision: String,
    mine: bool,
}

#[derive(Template)]
#[template(path = "console/appeals.html")]
struct AppealsPage {
    chrome: Chrome,
    rows: Vec<AppealListRow>,
}

pub async fn appeals(
    State(state): State<Arc<AppState>>,
    session: Session,
    Query(q): Query<DoneQuery>,
) -> PageResult {
    session.require(Permission::ViewCases)?;
    let appealed = Queue::from_def(QueueDef {
        name: "appeals".into(),
        description: None,
        categories: None,
        languages: None,
        sources: None,
        statuses: Some(vec![CaseStatus::Appealed]),
        urgent: None,
        escalated: None,
        order: vigie_review::QueueOrder::Age,
    })
    .map_err(ConsoleError::Invalid)?;
    let now = state.clock.now();
    let cases = state
        .store
        .list_queue(&appealed, &state.review, now, 200)
        .await?;
    let me = session.name();
    let rows = cases
        .iter()
        .filter_map(|c| {
            let a = c.open_appeal()?;
            Some(AppealListRow {
                url: format!("/console/cases/{}", form_urlencode(&c.id)),
                id: c.id.clone(),
                appellant: a.appellant.clone(),
                statement: a.statement.chars().take(200).collect(),
                filed: when(a.filed_at),
                assigned_to: a.assigned_to.clone().unwrap_or_else(|| "nobody yet".into()),
                decision: c
                    .decisions
                    .last()
                    .map(|d| format!("{} ({}) by {}", d.action, d.reason_code, d.decided_by))
                    .unwrap_or_default(),
                mine: a.assigned_to.as_deref() == Some(me),
            })
        })
        .collect();
    Ok(render(&AppealsPage {
        chrome: chrome(&session, "appeals", q.done.as_deref()),
        rows,
    }))
}

// ---------------------------------------------------------------- audit

struct AuditRow {
    seq: i64,
    at: String,
    actor: String,
    kind: String,
    subject: String,
    reason: String,
    details: String,
    hash: String,
    case_url: Option<String>,
}

#[derive(Template)]
#[template(path = "console/audit.html")]
struct AuditPage {
    chrome: Chrome,
    kind: String,
    actor: String,
    subject: String,
    rows: Vec<AuditRow>,
    next: Option<String>,
    verify: Option<(bool, String)>,
}

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    kind: Option<String>,
    actor: Option<String>,
    subject: Option<String>,
    before: Option<i64>,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty() && s.len() <= 256)
        .map(str::to_string)
}

fn audit_row(e: AuditEntry) -> AuditRow {
    AuditRow {
        case_url: e
            .subject
            .strip_prefix("case:")
            .map(|id| format!("/console/cases/{}", form_urlencode(id))),
        seq: e.seq,
        at: when(e.at),
        actor: e.actor,
        kind: e.kind,
        subject: e.subject,
        reason: e.reason,
        details: e.details.chars().take(300).collect(),
        hash: e.hash.chars().take(12).collect(),
    }
}

async fn audit_page(
    state: &AppState,
    session: &Session,
    q: &AuditQuery,
    verify: Option<(bool, String)>,
) -> PageResult {
    session.require(Permission::ReadAudit)?;
    let filter = AuditFilter {
        kind_prefix: nonempty(&q.kind),
        actor: nonempty(&q.actor),
        subject: nonempty(&q.subject),
        before_seq: q.before,
    };
    const PAGE: i64 = 100;
    let entries = state.store.audit_search(&filter, PAGE).await?;
    let next = (entries.len() as i64 == PAGE)
        .then(|| entries.last().map(|e| e.seq))
        .flatten()
        .map(|seq| {
            format!(
                "/console/audit?kind={}&actor={}&subject={}&before={seq}",
                form_urlencode(filter.kind_prefix.as_deref().unwrap_or_default()),
                form_urlencode(filter.actor.as_deref().unwrap_or_default()),
                form_urlencode(filter.subject.as_deref().unwrap_or_default()),
            )
        });
    Ok(render(&AuditPage {
        chrome: chrome(session, "audit", None),
        kind: filter.kind_prefix.unwrap_or_default(),
        actor: filter.actor.unwrap_or_default(),
        subject: filter.subject.unwrap_or_default(),
        rows: entries.into_iter().map(audit_row).collect(),
        next,
        verify,
    }))
}

pub async fn audit(
    State(state): State<Arc<AppState>>,
    session: Session,
    Query(q): Query<AuditQuery>,
) -> PageResult {
    audit_page(&state, &session, &q, None).await
}

pub async fn verify_audit(
    State(state): State<Arc<AppState>>,
    session: Session,
    Form(form): Form<CsrfForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    session.require(Permission::ReadAudit)?;
    let report = state.store.verify_audit().await?;
    let verdict = match &report.broken {
        None => (
            true,
            format!(
                "The chain is intact: {} entries, head #{} {}.",
                report.entries,
                report.head_seq,
                report.head_hash.chars().take(16).collect::<String>()
            ),
        ),
        Some(b) => (
            false,
            format!("The chain is broken at entry #{}: {}", b.seq, b.problem),
        ),
    };
    audit_page(&state, &session, &AuditQuery::default(), Some(verdict)).await
}

// ---------------------------------------------------------------- policy

/// What the console counts from the stored decisions, caught up incrementally: each decision
/// is read once per server process, by a background task, so no page pays for a full scan.
#[derive(Default)]
pub struct RuleTally {
    cursor: DecisionCursor,
    decisions: u64,
    /// (policy version, rule id) → hits.
    hits: HashMap<(String, String), RuleHits>,
    /// (day since the epoch, action) → automated decisions.
    by_day: HashMap<(i64, vigie_policy::Action), u64>,
    /// A catch-up task is running.
    running: bool,
    caught_up: bool,
}

#[derive(Default, Clone)]
struct RuleHits {
    hits: u64,
    /// Shadow rules: (enforced action, the rule's action) → count where they differ.
    would_change: BTreeMap<(String, String), u64>,
}

/// The part of a stored decision the tally reads; the rest is skipped by serde.
#[derive(Deserialize)]
struct DecisionRules {
    action: vigie_policy::Action,
    policy_version: String,
    #[serde(default)]
    rules: Vec<vigie_policy::FiredRule>,
}

/// The tally of one server, shared by its console pages.
pub type SharedTally = Arc<tokio::sync::Mutex<RuleTally>>;

/// Reads one chunk of new decisions into the tally; `true` when it has caught up.
async fn catch_up_chunk(state: &AppState, tally: &SharedTally) -> Result<bool, ConsoleError> {
    const CHUNK: i64 = 2_000;
    let cursor = tally.lock().await.cursor.clone();
    let rows = state.store.decisions_after(&cursor, CHUNK).await?;
    let done = (rows.len() as i64) < CHUNK;
    // Parsed before taking the lock, so pages reading the tally do not wait for it.
    let parsed: Vec<(DecisionCursor, Option<DecisionRules>)> = rows
        .into_iter()
        .map(|(c, json)| (c, serde_json::from_str::<DecisionRules>(&json).ok()))
        .collect();
    let mut t = tally.lock().await;
    if t.cursor != cursor {
        // Another reader went ahead meanwhile: this chunk is counted already.
        return Ok(false);
    }
    for (c, d) in parsed {
        t.decisions += 1;
        let day = c.created_at.div_euclid(vigie_review::MICROS_PER_DAY);
        t.cursor = c;
        let Some(d) = d else { continue };
        *t.by_day.entry((day, d.action)).or_default() += 1;
        for r in &d.rules {
            let entry = t
                .hits
                .entry((d.policy_version.clone(), r.id.to_string()))
                .or_default();
            entry.hits += 1;
            if r.mode == Mode::Shadow && r.action != d.action {
                *entry
                    .would_change
                    .entry((d.action.name().to_string(), r.action.name().to_string()))
                    .or_default() += 1;
            }
        }
    }
    t.caught_up = done;
    Ok(done)
}

/// Brings the tally up to date: a page reads what arrived since the last view itself (a
/// chunk at most); a larger backlog (a server that just started on a big database) is read
/// by a background task while pages show the counts so far.
async fn refresh_tally(state: &Arc<AppState>, tally: &SharedTally) -> Result<(), ConsoleError> {
    if tally.lock().await.running {
        return Ok(());
    }
    if catch_up_chunk(state, tally).await? {
        return Ok(());
    }
    start_tally_catch_up(state, tally).await;
    Ok(())
}

const TALLY_PAUSE: std::time::Duration = std::time::Duration::from_millis(5);

/// Reads the stored decisions not tallied yet in a background task, unless one runs already.
async fn start_tally_catch_up(state: &Arc<AppState>, tally: &SharedTally) {
    {
        let mut t = tally.lock().await;
        if t.running {
            return;
        }
        t.running = true;
    }
    let (state, tally) = (state.clone(), tally.clone());
    tokio::spawn(async move {
        loop {
            match catch_up_chunk(&state, &tally).await {
                Ok(true) => break,
                // A pause between chunks: the catch-up of a large database takes seconds, and
                // page views arriving meanwhile should not queue behind it for the CPU.
                Ok(false) => tokio::time::sleep(TALLY_PAUSE).await,
                Err(e) => {
                    tracing::warn!(error = ?e, "console: could not read stored decisions");
                    break;
                }
            }
        }
        tally.lock().await.running = false;
    });
}

struct PolicyRuleRow {
    id: String,
    description: String,
    when: String,
    action: String,
    shadow: bool,
    reason_code: String,
    category: String,
    hits: u64,
    would: String,
}

#[derive(Template)]
#[template(path = "console/policy.html")]
struct PolicyPage {
    chrome: Chrome,
    name: String,
    version: String,
    rules: Vec<PolicyRuleRow>,
    tallied: u64,
    counting: bool,
    policy_text: String,
    backtest: Option<BacktestView>,
    candidate: String,
}

struct BacktestView {
    candidate_version: String,
    posts: u64,
    changed: u64,
    truncated: bool,
    transitions: Vec<(String, String, u64)>,
    sample: Vec<(String, String, String, String)>,
}

async fn policy_page(
    state: &Arc<AppState>,
    tally: &SharedTally,
    session: &Session,
    backtest: Option<BacktestView>,
    candidate: Option<String>,
) -> PageResult {
    session.require(Permission::ReadAudit)?;
    refresh_tally(state, tally).await?;
    let tally = tally.lock().await;
    let caught_up = tally.caught_up;
    let current = state.current();
    let policy = current.engine.policy();
    let version = policy.version().to_string();
    let rules = policy
        .rules()
        .iter()
        .map(|r| {
            let hits = tally
                .hits
                .get(&(version.clone(), r.id().to_string()))
                .cloned()
                .unwrap_or_default();
            PolicyRuleRow {
                id: r.id().to_string(),
                description: r.description().to_string(),
                when: r.when().to_string(),
                action: r.action().name().to_string(),
                shadow: r.mode() == Mode::Shadow,
                reason_code: r.reason_code().to_string(),
                category: r
                    .category()
                    .map(|c| c.name().to_string())
                    .unwrap_or_default(),
                hits: hits.hits,
                would: hits
                    .would_change
                    .iter()
                    .map(|((from, to), n)| format!("{from} → {to}: {n}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })
        .collect();
    let tallied = tally.decisions;
    drop(tally);
    let stored = state.store.current_policy().await?;
    let policy_text = stored.map(|p| p.text).unwrap_or_default();
    Ok(render(&PolicyPage {
        chrome: chrome(session, "policy", None),
        name: policy.name().to_string(),
        version,
        rules,
        tallied,
        counting: !caught_up,
        candidate: candidate.unwrap_or_else(|| policy_text.clone()),
        policy_text,
        backtest,
    }))
}

pub async fn policy(
    State(state): State<Arc<AppState>>,
    Extension(tally): Extension<SharedTally>,
    session: Session,
) -> PageResult {
    policy_page(&state, &tally, &session, None, None).await
}

#[derive(Debug, Deserialize)]
pub struct BacktestForm {
    csrf: Option<String>,
    policy: String,
}

/// Changed posts the policy page shows from a backtest.
const BACKTEST_SAMPLE: usize = 20;

/// The backtest of `POST /v1/policy:backtest`, for the page: the candidate re-decides the
/// stored posts (at most `backtest_max_posts`) and the changes are counted.
pub async fn backtest(
    State(state): State<Arc<AppState>>,
    Extension(tally): Extension<SharedTally>,
    session: Session,
    Form(form): Form<BacktestForm>,
) -> PageResult {
    session.check_csrf(form.csrf.as_deref())?;
    session.require(Permission::ManagePolicy)?;
    if form.policy.len() > state.config.max_body_bytes {
        return Err(ConsoleError::Invalid(
            "the candidate policy is too large".into(),
        ));
    }
    let candidate = state
        .factory
        .build("candidate", &form.policy)
        .map_err(|e| ConsoleError::Invalid(format!("the candidate policy is invalid: {e}")))?;
    let max_posts = state.config.backtest_max_posts;
    let posts = state
        .store
        .posts_between(i64::MIN, i64::MAX, max_posts.saturating_add(1))
        .await?;
    let current_version = state.current().engine.policy().version().to_string();
    let out = tokio::task::spawn_blocking(move || {
        crate::routes::run_backtest(
            &candidate,
            &posts,
            max_posts,
            BACKTEST_SAMPLE,
            current_version,
        )
    })
    .await
    .map_err(|e| ConsoleError::Api(crate::ApiError::internal("the backtest", &e)))?;
    let view = BacktestView {
        candidate_version: out.candidate_version,
        posts: out.posts,
        changed: out.changed,
        truncated: out.truncated,
        transitions: out
            .transitions
            .into_iter()
            .map(|t| (t.from, t.to, t.count))
            .collect(),
        sample: out
            .sample
            .into_iter()
            .map(|c| {
                (
                    format!("{}/{}", c.platform, c.post_id),
                    c.text.chars().take(160).collect(),
                    c.stored_action,
                    c.candidate_action,
                )
            })
            .collect(),
    };
    policy_page(&state, &tally, &session, Some(view), Some(form.policy)).await
}

// ---------------------------------------------------------------- dashboard

#[derive(Template)]
#[template(path = "console/dashboard.html")]
struct DashboardPage {
    chrome: Chrome,
    days: usize,
    /// The case figures are computed (else they are being computed in the background).
    ready: bool,
    charts: Vec<Chart>,
    categories: Vec<(String, u64, u32)>,
    automated: u64,
    human: u64,
    automated_share: String,
    median: String,
    backlog_now: u64,
}

/// The dashboard's case figures as last computed. They are aggregates over two weeks (a
/// quarter of a second with 100,000 cases), so no view computes them: a background task does,
/// first when the console warms up (see [`warm_up`]), then whenever a view finds them older
/// than [`DASHBOARD_TTL`]. A view before the first figures exist waits at most
/// [`FIRST_FIGURES_WAIT`] for them, then shows the page with "being computed".
#[derive(Default)]
pub struct DashboardCache {
    figures: Option<(std::time::Instant, vigie_store::Dashboard)>,
    refreshing: bool,
    /// Woken when a computation ends (with figures or not).
    computed: Arc<tokio::sync::Notify>,
}

pub type SharedDashboard = Arc<tokio::sync::Mutex<DashboardCache>>;

const DASHBOARD_TTL: std::time::Duration = std::time::Duration::from_secs(60);
/// How long a view waits for figures that do not exist yet: enough for a small database (the
/// tests', a new service), well under the 100 ms a page may take on a large one.
const FIRST_FIGURES_WAIT: std::time::Duration = std::time::Duration::from_millis(40);
const DASHBOARD_DAYS: usize = 14;

/// The first day of the dashboard's window at `now`.
fn dashboard_since(now: i64) -> i64 {
    let day = vigie_review::MICROS_PER_DAY;
    (now.div_euclid(day) - (DASHBOARD_DAYS as i64 - 1)) * day
}

/// Starts computing the figures for the window from `since` in the background, unless a
/// computation is running already.
fn start_dashboard_refresh(
    state: &Arc<AppState>,
    cache: &SharedDashboard,
    locked: &mut DashboardCache,
    since: i64,
) {
    if locked.refreshing {
        return;
    }
    locked.refreshing = true;
    let (state, cache) = (state.clone(), cache.clone());
    tokio::spawn(async move {
        let names: Vec<&'static str> = Category::ALL.iter().map(|c| c.name()).collect();
        let fresh = state
            .store
            .dashboard(since, vigie_review::MICROS_PER_DAY, DASHBOARD_DAYS, &names)
            .await;
        let mut c = cache.lock().await;
        c.refreshing = false;
        match fresh {
            Ok(d) => c.figures = Some((std::time::Instant::now(), d)),
            Err(e) => tracing::warn!(error = %e, "console: dashboard figures"),
        }
        c.computed.notify_waiters();
    });
}

/// The figures for the window from `since` if there are any (starting a refresh when they
/// are old), after waiting at most [`FIRST_FIGURES_WAIT`] for a computation under way.
async fn dashboard_figures(
    state: &Arc<AppState>,
    cache: &SharedDashboard,
    since: i64,
) -> Option<vigie_store::Dashboard> {
    let notify = {
        let mut locked = cache.lock().await;
        if let Some((at, d)) = &locked.figures
            && d.since == since
        {
            let d = d.clone();
            if at.elapsed() >= DASHBOARD_TTL {
                start_dashboard_refresh(state, cache, &mut locked, since);
            }
            return Some(d);
        }
        start_dashboard_refresh(state, cache, &mut locked, since);
        locked.computed.clone()
    };
    let computed = notify.notified();
    tokio::pin!(computed);
    // Registered before the figures are looked at again: a computation ending in between
    // still wakes this view.
    computed.as_mut().enable();
    if let Some((_, d)) = &cache.lock().await.figures
        && d.since == since
    {
        return Some(d.clone());
    }
    let _ = tokio::time::timeout(FIRST_FIGURES_WAIT, computed).await;
    match &cache.lock().await.figures {
        Some((_, d)) if d.since == since => Some(d.clone()),
        _ => None,
    }
}

/// Once per server, at the first console request (the sign-in page, usually): catches the
/// rule tally up with the stored decisions, lists each queue once (SQLite's and PostgreSQL's
/// caches then hold the queue indexes) and computes the dashboard figures, all in the
/// background, so the first views of those pages do not pay for it. Nothing waits for it.
pub fn warm_up(
    state: &Arc<AppState>,
    warmed: &SharedWarmUp,
    dashboard: &SharedDashboard,
    tally: &SharedTally,
) {
    if warmed.swap(true, std::sync::atomic::Ordering::AcqRel) {
        return;
    }
    let (state, dashboard, tally) = (state.clone(), dashboard.clone(), tally.clone());
    tokio::spawn(async move {
        // The tally first: it is the longest (seconds on a large database), and a policy view
        // finding it running shows the counts so far instead of reading a chunk itself.
        start_tally_catch_up(&state, &tally).await;
        let now = state.clock.now();
        for queue in &state.review.queues {
            if let Err(e) = state
                .store
                .list_queue(queue, &state.review, now, QUEUE_PAGE)
                .await
            {
                tracing::warn!(error = %e, queue = %queue.name, "console warm-up: queue");
            }
        }
        let mut locked = dashboard.lock().await;
        start_dashboard_refresh(&state, &dashboard, &mut locked, dashboard_since(now));
    });
}

/// Whether this server's console has started its warm-up.
pub type SharedWarmUp = Arc<std::sync::atomic::AtomicBool>;

pub async fn dashboard(
    State(state): State<Arc<AppState>>,
    Extension(cache): Extension<SharedDashboard>,
    Extension(tally): Extension<SharedTally>,
    session: Session,
) -> PageResult {
    session.require(Permission::ViewQueues)?;
    const DAYS: usize = DASHBOARD_DAYS;
    let day = vigie_review::MICROS_PER_DAY;
    let now = state.clock.now();
    let since = dashboard_since(now);
    let figures = dashboard_figures(&state, &cache, since).await;
    // Automated decisions come from the tally (decisions are only ever added): no page scans
    // the decisions table.
    refresh_tally(&state, &tally).await?;
    let mut decisions_by_action: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    let mut automated_actions = 0;
    {
        let t = tally.lock().await;
        let first_day = since.div_euclid(day);
        for ((d, action), n) in &t.by_day {
            let Some(i) = usize::try_from(d - first_day).ok().filter(|&i| i < DAYS) else {
                continue;
            };
            decisions_by_action
                .entry(action.name().to_string())
                .or_insert_with(|| vec![0; DAYS])[i] += n;
            if !matches!(
                action,
                vigie_policy::Action::Allow | vigie_policy::Action::HoldForReview
            ) {
                automated_actions += n;
            }
        }
    }
    let decisions_by_action: Vec<(String, Vec<u64>)> = decisions_by_action.into_iter().collect();
    let by_action = view::stacked_bars(
        "Automated decisions per day, by action",
        &decisions_by_action,
        DAYS,
        since,
        day,
    );
    let mut charts = vec![by_action];
    let Some(d) = figures else {
        // The case figures are still being computed: the tally's part of the page, and a
        // note, rather than a view that waits for the aggregate.
        return Ok(render(&DashboardPage {
            chrome: chrome(&session, "dashboard", None),
            days: DAYS,
            ready: false,
            charts,
            categories: Vec::new(),
            automated: automated_actions,
            human: 0,
            automated_share: "–".into(),
            median: "–".into(),
            backlog_now: 0,
        }));
    };
    charts.push(view::stacked_bars(
        "Cases opened and resolved per day",
        &[
            ("opened".to_string(), d.cases_opened.clone()),
            ("resolved".to_string(), d.cases_resolved.clone()),
        ],
        DAYS,
        since,
        day,
    ));
    charts.push(view::line_chart(
        "Backlog (cases not resolved) at the end of each day",
        &d.backlog,
        since,
        day,
    ));
    let max_cat = d
        .cases_by_category
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    let total = automated_actions + d.human_decisions;
    Ok(render(&DashboardPage {
        chrome: chrome(&session, "dashboard", None),
        days: DAYS,
        ready: true,
        charts,
        categories: d
            .cases_by_category
            .iter()
            .map(|(c, n)| (c.clone(), *n, (*n * 100 / max_cat) as u32))
            .collect(),
        automated: automated_actions,
        human: d.human_decisions,
        automated_share: if total == 0 {
            "–".into()
        } else {
            format!("{:.0} %", automated_actions as f64 * 100.0 / total as f64)
        },
        median: d
            .median_time_to_decision
            .map(duration)
            .unwrap_or_else(|| "–".into()),
        backlog_now: d.backlog.last().copied().unwrap_or(0),
    }))
}

// ---------------------------------------------------------------- assets

const CSS: &str = include_str!("../../assets/console.css");
const JS: &str = include_str!("../../assets/console.js");

pub async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "console.css" => (CSS, "text/css; charset=utf-8"),
        "console.js" => (JS, "text/javascript; charset=utf-8"),
        _ => return view::error_page(StatusCode::NOT_FOUND, "Not found", "no such file"),
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}
