//! The OpenAPI 3.1 description of the API, served at `/openapi.json`, generated from the
//! handlers' and types' annotations so it cannot drift from the code unnoticed.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{compat, error, notices, review, routes};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "vigie",
        description = "Content moderation that explains itself: post → durable, audited decision."
    ),
    paths(
        routes::post_one,
        routes::post_batch,
        routes::get_decision,
        routes::list_decisions,
        routes::get_policy,
        routes::put_policy,
        routes::backtest,
        routes::audit_log,
        routes::healthz,
        routes::readyz,
        routes::metrics,
        compat::perspective_analyze,
        compat::openai_moderations,
        review::create_report,
        review::get_report,
        review::list_queues,
        review::queue_cases,
        review::get_case,
        review::claim,
        review::renew,
        review::release,
        review::escalate,
        review::decide,
        review::second_review,
        review::create_appeal,
        review::resolve_appeal,
        review::claim_appeal,
        review::author_strikes,
        review::list_webhooks,
        review::retry_webhook,
        notices::create_notice,
        notices::get_notice,
        notices::notifier_report,
        notices::set_legal_hold,
        notices::release_legal_hold,
        notices::get_legal_hold,
    ),
    components(schemas(error::ErrorBody, error::ErrorDetail)),
    modifiers(&BearerKey)
)]
pub struct ApiDoc;

/// API keys and moderators' tokens (`vigie users create`) go in `Authorization: Bearer …`.
struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "user",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn openapi_json() -> axum::Json<utoipa::openapi::OpenApi> {
    axum::Json(ApiDoc::openapi())
}
