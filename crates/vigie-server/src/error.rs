//! Every error the API returns: `{"error": {"code": "...", "message": "..."}}` with a stable
//! code clients can branch on and a message people can read.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    /// Seconds to wait before retrying (rate limiting).
    pub retry_after: Option<u64>,
}

/// The body of every error response.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable: unauthorized, forbidden, not_found, rate_limited, empty_body, invalid_utf8,
    /// malformed_json, unknown_field, missing_field, invalid_field, body_too_large,
    /// post_too_long, batch_too_large, empty_batch, invalid_query, invalid_policy, timeout,
    /// unavailable, method_not_allowed, internal; review: not_author, not_appeal_reviewer,
    /// same_moderator, lease_held, already_claimed, not_claimed, lease_expired, renewal_limit,
    /// illegal_transition, nothing_to_appeal, appeal_window_closed, already_appealed,
    /// no_eligible_reviewer, invalid_decision.
    pub code: String,
    /// For people; may change.
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// A failure on our side: the details go to the log, the client gets a generic message.
    pub fn internal(context: &str, error: &dyn std::fmt::Display) -> ApiError {
        tracing::error!(%error, "{context}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            format!("{context} failed; the server log has the details"),
        )
    }
}

impl From<vigie_store::StoreError> for ApiError {
    fn from(e: vigie_store::StoreError) -> ApiError {
        match e {
            vigie_store::StoreError::Review(e) => review_error(&e),
            vigie_store::StoreError::Invalid { what, detail } => {
                ApiError::bad_request("invalid_query", format!("invalid {what}: {detail}"))
            }
            other if other.is_unavailable() => {
                tracing::error!(error = %other, "database unavailable");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the database is unavailable; retry later",
                )
            }
            other => ApiError::internal("database access", &other),
        }
    }
}

/// A refusal of the review rules: who may not do what (403), a case in the wrong state or
/// held by someone else (409), a decision that does not make sense (422).
pub fn review_error(e: &vigie_review::ReviewError) -> ApiError {
    use vigie_review::ReviewError as E;
    let (status, code) = match e {
        E::Forbidden { .. } => (StatusCode::FORBIDDEN, "forbidden"),
        E::NotAuthor { .. } => (StatusCode::FORBIDDEN, "not_author"),
        E::NotAppealReviewer { .. } => (StatusCode::FORBIDDEN, "not_appeal_reviewer"),
        E::SameModerator { .. } => (StatusCode::CONFLICT, "same_moderator"),
        E::LeaseHeld { .. } => (StatusCode::CONFLICT, "lease_held"),
        E::AlreadyClaimed { .. } => (StatusCode::CONFLICT, "already_claimed"),
        E::NotClaimed { .. } => (StatusCode::CONFLICT, "not_claimed"),
        E::LeaseExpired { .. } => (StatusCode::CONFLICT, "lease_expired"),
        E::RenewalLimit { .. } => (StatusCode::CONFLICT, "renewal_limit"),
        E::IllegalTransition { .. } => (StatusCode::CONFLICT, "illegal_transition"),
        E::NothingToAppeal { .. } => (StatusCode::CONFLICT, "nothing_to_appeal"),
        E::AppealWindowClosed { .. } => (StatusCode::CONFLICT, "appeal_window_closed"),
        E::AlreadyAppealed { .. } => (StatusCode::CONFLICT, "already_appealed"),
        E::NoEligibleReviewer { .. } => (StatusCode::CONFLICT, "no_eligible_reviewer"),
        E::InvalidDecision { .. } => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_decision"),
    };
    ApiError::new(status, code, e.to_string())
}

/// How an error looks to a client of another API (see `compat`): the same HTTP status and
/// stable code, in the other API's envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorStyle {
    /// vigie's own: `{"error": {"code": "...", "message": "..."}}`.
    Vigie,
    /// Google APIs' (Perspective): `{"error": {"code": 400, "message": "...", "status":
    /// "INVALID_ARGUMENT", "details": [...]}}`; our code is in `details[0].reason`.
    Google,
    /// OpenAI's: `{"error": {"message": "...", "type": "...", "param": null, "code": "..."}}`,
    /// which is ours with two more fields.
    OpenAi,
}

/// Google's canonical status name for an HTTP status (google.rpc.Code).
fn google_status(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 | 413 | 422 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        405 => "UNIMPLEMENTED",
        409 => "ABORTED",
        429 => "RESOURCE_EXHAUSTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => "INTERNAL",
    }
}

/// OpenAI's error `type` for an HTTP status.
fn openai_type(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        s if s >= 500 => "server_error",
        _ => "invalid_request_error",
    }
}

/// An error body with its status, and `Retry-After` when the client should wait.
fn json_response(
    status: StatusCode,
    body: impl serde::Serialize,
    retry_after: Option<u64>,
) -> Response {
    let mut response = (status, Json(body)).into_response();
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

impl ApiError {
    /// This error in the envelope of `style`.
    pub fn into_styled_response(self, style: ErrorStyle) -> Response {
        let body = match style {
            ErrorStyle::Vigie => return self.into_response(),
            ErrorStyle::Google => serde_json::json!({
                "error": {
                    "code": self.status.as_u16(),
                    "message": self.message,
                    "status": google_status(self.status),
                    "details": [{
                        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                        "reason": self.code,
                        "domain": "vigie",
                    }],
                }
            }),
            ErrorStyle::OpenAi => serde_json::json!({
                "error": {
                    "message": self.message,
                    "type": openai_type(self.status),
                    "param": null,
                    "code": self.code,
                }
            }),
        };
        json_response(self.status, body, self.retry_after)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
            },
        };
        json_response(self.status, body, self.retry_after)
    }
}
