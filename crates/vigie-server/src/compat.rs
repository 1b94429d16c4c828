//! Drop-in endpoints for clients written against other moderation APIs: Perspective's
//! `comments:analyze` and OpenAI's `moderations`. Both only analyse: nothing is stored and
//! no audit entry is written (use `/v1/posts` for decisions of record).
//!
//! Their categories map onto vigie's as below; a category vigie does not detect scores 0.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use vigie_engine::Post;
use vigie_policy::{Action, Decision, PostContext};

use crate::AppState;
use crate::error::ApiError;
use crate::extract::{ApiJson, Authed, Ingest};

/// Highest score among these vigie categories (by name), 0 when none scored.
fn score(decision: &Decision, categories: &[&str]) -> f32 {
    decision
        .categories
        .iter()
        .filter(|c| categories.contains(&c.category.name()))
        .map(|c| c.score)
        .fold(0.0, f32::max)
}

fn check_text(state: &AppState, text: &str, at: &str) -> Result<(), ApiError> {
    let max = state.config.max_post_chars;
    if text.len() > max && text.chars().count() > max {
        return Err(ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "post_too_long",
            format!("{at} is longer than {max} characters"),
        ));
    }
    Ok(())
}

fn decide(state: &AppState, text: &str, lang: Option<String>) -> Decision {
    let context = PostContext {
        lang,
        ..PostContext::default()
    };
    state.current().engine.decide(&Post {
        id: "",
        text,
        context: &context,
    })
}

// ── Perspective ─────────────────────────────────────────────────────────────────────────

/// Perspective attributes and the vigie categories each is read from.
const PERSPECTIVE_ATTRIBUTES: &[(&str, &[&str])] = &[
    (
        "TOXICITY",
        &[
            "toxicity",
            "harassment",
            "hate",
            "profanity",
            "violence_threat",
            "incitement",
        ],
    ),
    (
        "SEVERE_TOXICITY",
        &["hate", "violence_threat", "incitement"],
    ),
    ("IDENTITY_ATTACK", &["hate"]),
    ("INSULT", &["harassment", "toxicity"]),
    ("PROFANITY", &["profanity"]),
    ("THREAT", &["violence_threat", "incitement"]),
    ("SEXUALLY_EXPLICIT", &["sexual"]),
];

// Fields the other APIs define are accepted (so their clients work) even when unused.
#[allow(dead_code)]
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub text: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

#[allow(dead_code)]
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct AnalyzeIn {
    pub comment: Comment,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Attribute name → options (options are accepted and ignored).
    #[schema(value_type = Object)]
    pub requested_attributes: Map<String, Value>,
    #[serde(default)]
    pub do_not_store: Option<bool>,
    #[serde(default)]
    pub client_token: Option<String>,
    #[serde(default)]
    pub session_id: Option<String>,
    #[serde(default)]
    pub community_id: Option<String>,
    #[serde(default)]
    pub span_annotations: Option<bool>,
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub context: Option<Value>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ScoreOut {
    pub value: f32,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SpanScore {
    pub begin: usize,
    pub end: usize,
    pub score: ScoreOut,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttributeOut {
    pub span_scores: Vec<SpanScore>,
    pub summary_score: ScoreOut,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AnalyzeOut {
    pub attribute_scores: std::collections::BTreeMap<String, AttributeOut>,
    pub languages: Vec<String>,
    pub detected_languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
}

#[utoipa::path(post, path = "/v1alpha1/comments:analyze", tag = "compatible", request_body = AnalyzeIn,
    params(("key" = Option<String>, Query, description = "API key, as Perspective clients send it")),
    responses((status = 200, body = AnalyzeOut), (status = "4XX", body = crate::error::ErrorBody)),
    security(("api_key" = ["ingest"])))]
pub async fn perspective_analyze(
    State(state): State<Arc<AppState>>,
    _auth: Authed<Ingest>,
    ApiJson(body): ApiJson<AnalyzeIn>,
) -> Result<Json<AnalyzeOut>, ApiError> {
    if body.requested_attributes.is_empty() {
        return Err(ApiError::bad_request(
            "invalid_field",
            "requestedAttributes must name at least one attribute",
        ));
    }
    let mut wanted = Vec::new();
    for name in body.requested_attributes.keys() {
        match PERSPECTIVE_ATTRIBUTES.iter().find(|(a, _)| a == name) {
            Some(attribute) => wanted.push(*attribute),
            None => {
                let known: Vec<_> = PERSPECTIVE_ATTRIBUTES.iter().map(|(a, _)| *a).collect();
                return Err(ApiError::bad_request(
                    "invalid_field",
                    format!(
                        "attribute {name:?} is not supported (supported: {})",
                        known.join(", ")
                    ),
                ));
            }
        }
    }
    check_text(&state, &body.comment.text, "comment.text")?;
    let decision = decide(&state, &body.comment.text, body.languages.first().cloned());
    // Perspective's offsets count characters (UTF-16 code units in practice); ours are bytes.
    let text_chars = body.comment.text.encode_utf16().count();
    let attribute_scores = wanted
        .into_iter()
        .map(|(name, categories)| {
            let value = score(&decision, categories);
            let summary = ScoreOut {
                value,
                kind: "PROBABILITY",
            };
            let span = SpanScore {
                begin: 0,
                end: text_chars,
                score: ScoreOut {
                    value,
                    kind: "PROBABILITY",
                },
            };
            (
                name.to_string(),
                AttributeOut {
                    span_scores: vec![span],
                    summary_score: summary,
                },
            )
        })
        .collect();
    let languages = if body.languages.is_empty() {
        vec![decision.lang.clone()]
    } else {
        body.languages
    };
    Ok(Json(AnalyzeOut {
        attribute_scores,
        languages,
        detected_languages: vec![decision.lang],
        client_token: body.client_token,
    }))
}

// ── OpenAI moderations ──────────────────────────────────────────────────────────────────

/// OpenAI categories and the vigie categories each is read from (none: not detected).
const OPENAI_CATEGORIES: &[(&str, &[&str])] = &[
    ("harassment", &["harassment"]),
    ("harassment/threatening", &["violence_threat"]),
    ("hate", &["hate"]),
    ("hate/threatening", &[]),
    ("illicit", &[]),
    ("illicit/violent", &[]),
    ("self-harm", &["self_harm"]),
    ("self-harm/intent", &[]),
    ("self-harm/instructions", &[]),
    ("sexual", &["sexual"]),
    ("sexual/minors", &[]),
    ("violence", &["violence_threat", "incitement"]),
    ("violence/graphic", &[]),
];

/// Scores are calibrated: from 0.5 a category is more likely than not.
const OPENAI_FLAG_THRESHOLD: f32 = 0.5;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum ModerationInput {
    One(String),
    Many(Vec<String>),
}

#[allow(dead_code)]
#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ModerationIn {
    pub input: ModerationInput,
    #[serde(default)]
    pub model: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ModerationResult {
    /// The policy would act on it (any action other than allow).
    pub flagged: bool,
    #[schema(value_type = Object)]
    pub categories: Map<String, Value>,
    #[schema(value_type = Object)]
    pub category_scores: Map<String, Value>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ModerationOut {
    pub id: String,
    pub model: String,
    pub results: Vec<ModerationResult>,
}

#[utoipa::path(post, path = "/v1/moderations", tag = "compatible", request_body = ModerationIn,
    responses((status = 200, body = ModerationOut), (status = "4XX", body = crate::error::ErrorBody)),
    security(("api_key" = ["ingest"])))]
pub async fn openai_moderations(
    State(state): State<Arc<AppState>>,
    _auth: Authed<Ingest>,
    ApiJson(body): ApiJson<ModerationIn>,
) -> Result<Json<ModerationOut>, ApiError> {
    let inputs = match body.input {
        ModerationInput::One(text) => vec![text],
        ModerationInput::Many(texts) => texts,
    };
    let max = state.config.max_batch;
    if inputs.len() > max {
        return Err(ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!(
                "{} inputs in one request; at most {max} are accepted",
                inputs.len()
            ),
        ));
    }
    if inputs.is_empty() {
        return Err(ApiError::unprocessable("empty_batch", "input has no text"));
    }
    for (i, text) in inputs.iter().enumerate() {
        check_text(&state, text, &format!("input[{i}]"))?;
    }
    let results = inputs
        .iter()
        .map(|text| {
            let decision = decide(&state, text, None);
            let mut categories = Map::new();
            let mut category_scores = Map::new();
            for (name, ours) in OPENAI_CATEGORIES {
                let s = score(&decision, ours);
                categories.insert((*name).to_string(), Value::Bool(s >= OPENAI_FLAG_THRESHOLD));
                category_scores.insert((*name).to_string(), Value::from(f64::from(s)));
            }
            ModerationResult {
                flagged: decision.action != Action::Allow,
                categories,
                category_scores,
            }
        })
        .collect();
    let policy_version = state.current().engine.policy().version().to_string();
    Ok(Json(ModerationOut {
        id: format!("modr-{}", vigie_store::now_micros()),
        model: format!("vigie-{policy_version}"),
        results,
    }))
}
