//! Request extractors: a JSON body with precise error codes, and the API key with its scope.

use std::marker::PhantomData;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use vigie_store::{ApiKey, Scope};

use crate::AppState;
use crate::error::ApiError;

/// A JSON body. Unlike `axum::Json` it answers every kind of bad body with our error format
/// and a distinct code, and it does not insist on a `Content-Type` header.
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "body_too_large",
                    "the request body is larger than the server accepts (max_body_bytes)",
                )
            } else {
                ApiError::bad_request("unreadable_body", rejection.body_text())
            }
        })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Parses a body, naming what is wrong with it.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "empty_body",
            "the request body is empty; a JSON object was expected",
        ));
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(ApiError::bad_request(
            "invalid_utf8",
            format!("the request body is not valid UTF-8 ({e})"),
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        use serde_json::error::Category;
        let message = e.to_string();
        match e.classify() {
            Category::Syntax | Category::Eof | Category::Io => ApiError::bad_request(
                "malformed_json",
                format!("the body is not valid JSON: {message}"),
            ),
            Category::Data if message.starts_with("unknown field") => {
                ApiError::bad_request("unknown_field", message)
            }
            Category::Data if message.starts_with("missing field") => {
                ApiError::bad_request("missing_field", message)
            }
            Category::Data => ApiError::bad_request("invalid_field", message),
        }
    })
}

/// Marker types naming the scope a handler needs.
pub trait RequiredScope {
    const SCOPE: Scope;
}
pub struct Ingest;
pub struct Read;
pub struct Admin;
impl RequiredScope for Ingest {
    const SCOPE: Scope = Scope::Ingest;
}
impl RequiredScope for Read {
    const SCOPE: Scope = Scope::Read;
}
impl RequiredScope for Admin {
    const SCOPE: Scope = Scope::Admin;
}

/// The caller's API key, checked to hold scope `S` and to be within its rate limit.
pub struct Authed<S> {
    pub key: ApiKey,
    _scope: PhantomData<S>,
}

impl<S> Authed<S> {
    /// How the caller appears in the audit log.
    pub fn actor(&self) -> String {
        format!("key:{}", self.key.id)
    }
}

fn bearer_token(parts: &Parts) -> Option<&str> {
    if let Some(value) = parts.headers.get(axum::http::header::AUTHORIZATION) {
        let value = value.to_str().ok()?;
        let (scheme, token) = value.split_once(' ')?;
        return scheme.eq_ignore_ascii_case("bearer").then(|| token.trim());
    }
    if let Some(value) = parts.headers.get("x-api-key") {
        return value.to_str().ok().map(str::trim);
    }
    // Perspective clients pass the key in the query string.
    parts
        .uri
        .query()?
        .split('&')
        .find_map(|pair| pair.strip_prefix("key="))
}

fn deny(
    parts: &Parts,
    status: StatusCode,
    code: &'static str,
    reason: &'static str,
    message: String,
) -> ApiError {
    tracing::warn!(
        method = %parts.method,
        path = %parts.uri.path(),
        reason,
        "request denied"
    );
    metrics::counter!("vigie_denied_requests_total", "reason" => reason).increment(1);
    ApiError::new(status, code, message)
}

impl<S> FromRequestParts<Arc<AppState>> for Authed<S>
where
    S: RequiredScope + Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, ApiError> {
        let Some(token) = bearer_token(parts) else {
            return Err(deny(
                parts,
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "missing_key",
                "an API key is required: send `Authorization: Bearer <key>`".to_string(),
            ));
        };
        let key = crate::routes::timed_db("authenticate", state.store.authenticate(token)).await?;
        let Some(key) = key else {
            return Err(deny(
                parts,
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "unknown_key",
                "this API key is unknown or was revoked".to_string(),
            ));
        };
        if !key.allows(S::SCOPE) {
            return Err(deny(
                parts,
                StatusCode::FORBIDDEN,
                "forbidden",
                "missing_scope",
                format!("this API key lacks the `{}` scope", S::SCOPE),
            ));
        }
        if let Some(limiter) = &state.limiter
            && limiter.check_key(&key.id).is_err()
        {
            let mut e = deny(
                parts,
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "rate_limited",
                "too many requests for this API key; slow down".to_string(),
            );
            e.retry_after = Some(1);
            return Err(e);
        }
        Ok(Authed {
            key,
            _scope: PhantomData,
        })
    }
}

/// Whoever calls a review endpoint: a moderator's account (its own token, with a role) or an
/// API key (a platform: ingest keys file reports and appeals for their users; admin keys act
/// as an admin, read keys as an auditor).
pub enum Caller {
    Key(ApiKey),
    User(vigie_store::User),
}

impl Caller {
    /// How the caller appears in the audit log.
    pub fn audit_name(&self) -> String {
        match self {
            Caller::Key(k) => format!("key:{}", k.id),
            Caller::User(u) => format!("user:{}", u.name),
        }
    }

    /// The caller as the review rules see it; ingest-only keys are no one there.
    pub fn actor(&self) -> Option<vigie_review::Actor> {
        use vigie_review::{Actor, Role};
        match self {
            Caller::User(u) => Some(Actor::new(u.name.clone(), u.role)),
            Caller::Key(k) if k.allows(Scope::Admin) => {
                Some(Actor::new(format!("key:{}", k.id), Role::Admin))
            }
            Caller::Key(k) if k.allows(Scope::Read) => {
                Some(Actor::new(format!("key:{}", k.id), Role::Auditor))
            }
            Caller::Key(_) => None,
        }
    }

    /// The caller's actor if its role grants `permission`, a 403 otherwise.
    pub fn require(
        &self,
        permission: vigie_review::Permission,
    ) -> Result<vigie_review::Actor, ApiError> {
        match self.actor() {
            Some(actor) if actor.allows(permission) => Ok(actor),
            Some(actor) => Err(forbidden(format!(
                "{} ({}) may not {permission}",
                self.audit_name(),
                actor.role
            ))),
            None => Err(forbidden(format!(
                "{} may not {permission}: an account with a review role is needed",
                self.audit_name()
            ))),
        }
    }

    /// Whether this is an API key holding `scope`.
    pub fn is_key_with(&self, scope: Scope) -> bool {
        matches!(self, Caller::Key(k) if k.allows(scope))
    }
}

pub fn forbidden(message: String) -> ApiError {
    metrics::counter!("vigie_denied_requests_total", "reason" => "missing_role").increment(1);
    ApiError::new(StatusCode::FORBIDDEN, "forbidden", message)
}

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, ApiError> {
        let Some(token) = bearer_token(parts) else {
            return Err(deny(
                parts,
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "missing_key",
                "a token is required: send `Authorization: Bearer <API key or user token>`"
                    .to_string(),
            ));
        };
        let caller = match crate::routes::timed_db("authenticate", state.store.authenticate(token))
            .await?
        {
            Some(key) => Some(Caller::Key(key)),
            None => {
                crate::routes::timed_db("authenticate_user", state.store.authenticate_user(token))
                    .await?
                    .map(Caller::User)
            }
        };
        let Some(caller) = caller else {
            return Err(deny(
                parts,
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "unknown_key",
                "this token is unknown or was revoked".to_string(),
            ));
        };
        if let Some(limiter) = &state.limiter
            && limiter.check_key(&caller.audit_name()).is_err()
        {
            let mut e = deny(
                parts,
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "rate_limited",
                "too many requests for this token; slow down".to_string(),
            );
            e.retry_after = Some(1);
            return Err(e);
        }
        Ok(caller)
    }
}
