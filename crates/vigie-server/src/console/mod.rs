//! The moderator console: server-rendered pages under `/console` for the people who review
//! cases, audit the record and look after the policy.
//!
//! ```text
//! browser ─ cookie ─▶ Session (console_sessions row + the account as it is now)
//!         ─ form ───▶ CSRF token of the session checked ─▶ role checked ─▶ the same store
//!                     calls as the review API (`Store::change_case`, audited) ─▶ 303 to a page
//! ```
//!
//! - Pages are askama templates (`templates/console/*.html`, escaped); the CSS and the small
//!   keyboard script are compiled in (`assets/`). Nothing is fetched from elsewhere.
//! - Sessions are stored in the database (migration 0006): they survive a restart and are
//!   shared by several servers on one PostgreSQL. They end after [`IDLE_TIMEOUT`] without a
//!   request, and after [`ABSOLUTE_TIMEOUT`] in any case.
//! - Cookies are `HttpOnly; SameSite=Strict; Path=/console`, plus `Secure` when the request
//!   came over TLS (`X-Forwarded-Proto: https` from the proxy that terminates it) or when
//!   `VIGIE_CONSOLE_SECURE_COOKIES=1`.
//! - Every POST carries the session's CSRF token (the sign-in form a double-submit token);
//!   one without it is refused with 403 before anything else is looked at.
//! - The role decides what each page shows, and every handler checks it again.

mod pages;
mod view;

use std::sync::Arc;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use vigie_review::{MICROS_PER_HOUR, MICROS_PER_MINUTE, Permission};
use vigie_store::ConsoleSession;

use crate::AppState;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: i64 = 30 * MICROS_PER_MINUTE;
/// A session ends this long after sign-in, however active.
pub const ABSOLUTE_TIMEOUT: i64 = 12 * MICROS_PER_HOUR;
/// Activity is written back at most this often (a write per page view would serialise
/// every page on SQLite's write lock).
const TOUCH_EVERY: i64 = MICROS_PER_MINUTE;

pub(crate) const SESSION_COOKIE: &str = "vigie_session";
pub(crate) const LOGIN_CSRF_COOKIE: &str = "vigie_login_csrf";

/// The console's routes, mounted by [`crate::router`].
pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/console", get(pages::home))
        .route("/console/", get(pages::home))
        .route("/console/login", get(pages::login_form).post(pages::login))
        .route("/console/logout", post(pages::logout))
        .route("/console/queues", get(pages::queues))
        .route("/console/cases/{id}", get(pages::case_page))
        .route("/console/cases/{id}/claim", post(pages::claim))
        .route("/console/cases/{id}/release", post(pages::release))
        .route("/console/cases/{id}/escalate", post(pages::escalate))
        .route("/console/cases/{id}/decide", post(pages::decide))
        .route(
            "/console/cases/{id}/second-review",
            post(pages::second_review),
        )
        .route("/console/cases/{id}/appeal", post(pages::file_appeal))
        .route(
            "/console/cases/{id}/appeal-decision",
            post(pages::appeal_decision),
        )
        .route("/console/appeals", get(pages::appeals))
        .route("/console/audit", get(pages::audit))
        .route("/console/audit/verify", post(pages::verify_audit))
        .route("/console/policy", get(pages::policy))
        .route("/console/policy/backtest", post(pages::backtest))
        .route("/console/dashboard", get(pages::dashboard))
        .route("/console/assets/{name}", get(pages::asset))
        .layer(axum::Extension(pages::SharedTally::default()))
        .layer(axum::Extension(pages::SharedDashboard::default()))
        .layer(axum::Extension(pages::SharedWarmUp::default()))
}

/// Starts the console's background warm-up ([`pages::warm_up`]) at the first request that
/// reaches a console page or the sign-in form: the router is built before the service has its
/// state, and a server that nobody opens the console on never pays for it.
pub(crate) fn warm_up_from(extensions: &axum::http::Extensions, state: &Arc<AppState>) {
    if let (Some(warmed), Some(dashboard), Some(tally)) = (
        extensions.get::<pages::SharedWarmUp>(),
        extensions.get::<pages::SharedDashboard>(),
        extensions.get::<pages::SharedTally>(),
    ) {
        pages::warm_up(state, warmed, dashboard, tally);
    }
}

/// A signed-in person, from the session cookie. A request without a live session is sent to
/// the sign-in page (GET) or refused (other methods).
pub struct Session {
    pub token: String,
    pub session: ConsoleSession,
    pub secure: bool,
}

impl Session {
    pub fn name(&self) -> &str {
        &self.session.user.name
    }

    pub fn role(&self) -> vigie_review::Role {
        self.session.user.role
    }

    pub fn actor(&self) -> vigie_review::Actor {
        vigie_review::Actor::new(self.session.user.name.clone(), self.session.user.role)
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.role().allows(permission)
    }

    /// How the audit log names console users: like their API calls.
    pub fn audit_name(&self) -> String {
        format!("user:{}", self.session.user.name)
    }

    /// The actor if the role grants `permission`, else the 403 page.
    pub fn require(&self, permission: Permission) -> Result<vigie_review::Actor, ConsoleError> {
        if self.can(permission) {
            Ok(self.actor())
        } else {
            Err(ConsoleError::Forbidden(format!(
                "{} ({}) may not {permission}",
                self.name(),
                self.role()
            )))
        }
    }

    /// Refuses a form whose CSRF token is missing or not this session's.
    pub fn check_csrf(&self, sent: Option<&str>) -> Result<(), ConsoleError> {
        match sent {
            Some(t) if constant_time_eq(t.as_bytes(), self.session.csrf_token.as_bytes()) => Ok(()),
            _ => Err(ConsoleError::Csrf),
        }
    }
}

/// Compares secrets without stopping at the first difference, so response times do not tell
/// how much of a guess was right. A dozen lines: not worth a dependency.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The value of one cookie. Parsed by hand: the console sets two cookies of its own, whose
/// values are hex, and `Cookie` headers are `name=value; name=value`.
pub(crate) fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// Whether the browser talks to us over TLS (through a proxy that says so), or the operator
/// asked for `Secure` cookies whatever the request says.
pub(crate) fn is_secure(headers: &HeaderMap) -> bool {
    let forwarded = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
    forwarded
        || std::env::var("VIGIE_CONSOLE_SECURE_COOKIES").is_ok_and(|v| v == "1" || v == "true")
}

/// A `Set-Cookie` value with the console's attributes; `max_age` 0 deletes the cookie.
pub(crate) fn set_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let text = format!(
        "{name}={value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}{secure}"
    );
    // Names are ours and values hex: the header is always valid; an empty one otherwise.
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Where to go to sign in, coming back to `path` afterwards.
fn login_redirect(path_and_query: &str) -> Response {
    let next = if path_and_query.starts_with("/console") {
        path_and_query
    } else {
        "/console/queues"
    };
    let encoded: String = form_urlencode(next);
    Redirect::to(&format!("/console/login?next={encoded}")).into_response()
}

/// Percent-encodes everything but unreserved characters (a query value).
pub(crate) fn form_urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl FromRequestParts<Arc<AppState>> for Session {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Response> {
        warm_up_from(&parts.extensions, state);
        let secure = is_secure(&parts.headers);
        let refuse = |parts: &Parts| {
            if parts.method == axum::http::Method::GET {
                let pq = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/console");
                login_redirect(pq)
            } else {
                ConsoleError::SignedOut.into_response()
            }
        };
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE)
            .filter(|t| !t.is_empty() && t.len() <= 128)
            .map(str::to_string)
        else {
            return Err(refuse(parts));
        };
        let now = state.clock.now();
        let session = match state.store.console_session(&token, now).await {
            Ok(Some(s)) => s,
            Ok(None) => return Err(refuse(parts)),
            Err(e) => return Err(ConsoleError::from(e).into_response()),
        };
        if now - session.last_seen_at >= TOUCH_EVERY {
            let expires = (now + IDLE_TIMEOUT).min(session.created_at + ABSOLUTE_TIMEOUT);
            if let Err(e) = state
                .store
                .touch_console_session(&token, now, expires)
                .await
            {
                tracing::warn!(error = %e, "could not renew a console session");
            }
        }
        Ok(Session {
            token,
            session,
            secure,
        })
    }
}

/// What goes wrong in the console, as a page.
#[derive(Debug)]
pub enum ConsoleError {
    /// The role does not allow it (403).
    Forbidden(String),
    /// A form without this session's CSRF token (403).
    Csrf,
    /// A POST without a live session (401; GETs are redirected instead).
    SignedOut,
    NotFound(String),
    /// A form that does not make sense (422).
    Invalid(String),
    /// The API's error, shown with its status.
    Api(crate::ApiError),
}

impl From<vigie_store::StoreError> for ConsoleError {
    fn from(e: vigie_store::StoreError) -> Self {
        ConsoleError::Api(crate::ApiError::from(e))
    }
}

impl From<crate::ApiError> for ConsoleError {
    fn from(e: crate::ApiError) -> Self {
        ConsoleError::Api(e)
    }
}

impl IntoResponse for ConsoleError {
    fn into_response(self) -> Response {
        let (status, title, message) = match self {
            ConsoleError::Forbidden(m) => (StatusCode::FORBIDDEN, "Not allowed", m),
            ConsoleError::Csrf => (
                StatusCode::FORBIDDEN,
                "Form refused",
                "This form did not carry this session's security token (CSRF). Reload the page and try again.".to_string(),
            ),
            ConsoleError::SignedOut => (
                StatusCode::UNAUTHORIZED,
                "Signed out",
                "Your session has ended. Sign in again.".to_string(),
            ),
            ConsoleError::NotFound(m) => (StatusCode::NOT_FOUND, "Not found", m),
            ConsoleError::Invalid(m) => (StatusCode::UNPROCESSABLE_ENTITY, "Check the form", m),
            ConsoleError::Api(e) => (e.status, "Refused", e.message),
        };
        view::error_page(status, title, &message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; vigie_session_x=2; vigie_session=abc"),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "b"), None);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn cookies_carry_the_console_attributes() {
        let c = set_cookie(SESSION_COOKIE, "ff", 60, true);
        let text = c.to_str().unwrap_or_default();
        for attr in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/console"] {
            assert!(text.contains(attr), "{text}");
        }
        let plain = set_cookie(SESSION_COOKIE, "ff", 60, false);
        assert!(!plain.to_str().unwrap_or_default().contains("Secure"));
    }

    #[test]
    fn next_pages_stay_in_the_console() {
        let r = login_redirect("https://evil.example/");
        let loc = r
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        assert_eq!(loc, "/console/login?next=/console/queues");
    }
}
