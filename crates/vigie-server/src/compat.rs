//! Drop-in endpoints for clients written against other moderation APIs: Perspective's
//! `comments:analyze` and OpenAI's `moderations`. Both only analyse: nothing is stored and
//! no audit entry is written (use `/v1/posts` for decisions of record).
//!
//! Their categories map onto vigie's as below. A category vigie does not detect scores 0 and
//! says so: OpenAI results list it in `unscored_categories` with no input type it applies to.
//! Errors come in each API's own envelope (see `ErrorStyle`), with vigie's stable code kept.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use vigie_engine::Post;
use vigie_policy::{Action, Decision, PostContext};

use crate::AppState;
use crate::error::{ApiError, ErrorStyle};
use crate::extract::{ApiJson, Authed, Ingest};

/// An error of a compatible endpoint, in its API's envelope.
pub struct StyledError(ApiError, ErrorStyle);

impl IntoResponse for StyledError {
    fn into_response(self) -> Response {
        self.0.into_styled_response(self.1)
    }
}

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
    auth: Result<Authed<Ingest>, ApiError>,
    body: Result<ApiJson<AnalyzeIn>, ApiError>,
) -> Result<Json<AnalyzeOut>, StyledError> {
    let google = |e| StyledError(e, ErrorStyle::Google);
    auth.map_err(google)?;
    let ApiJson(body) = body.map_err(google)?;
    analyze(&state, body).map(Json).map_err(google)
}

/// A requested attribute with its options (`scoreType`, `scoreThreshold`).
struct Wanted {
    name: &'static str,
    categories: &'static [&'static str],
    threshold: Option<f64>,
}

fn wanted_attributes(requested: &Map<String, Value>) -> Result<Vec<Wanted>, ApiError> {
    if requested.is_empty() {
        return Err(ApiError::bad_request(
            "invalid_field",
            "requestedAttributes must name at least one attribute",
        ));
    }
    let mut wanted = Vec::with_capacity(requested.len());
    for (name, options) in requested {
        let Some((attribute, categories)) = PERSPECTIVE_ATTRIBUTES.iter().find(|(a, _)| a == name)
        else {
            let known: Vec<_> = PERSPECTIVE_ATTRIBUTES.iter().map(|(a, _)| *a).collect();
            return Err(ApiError::bad_request(
                "invalid_field",
                format!(
                    "attribute {name:?} is not supported (supported: {})",
                    known.join(", ")
                ),
            ));
        };
        let options = match options {
            Value::Object(o) => Some(o),
            Value::Null => None,
            _ => {
                return Err(ApiError::bad_request(
                    "invalid_field",
                    format!("requestedAttributes.{name} must be an object"),
                ));
            }
        };
        let option = |key: &str| options.and_then(|o| o.get(key)).filter(|v| !v.is_null());
        if let Some(kind) = option("scoreType")
            && kind.as_str() != Some("PROBABILITY")
        {
            return Err(ApiError::bad_request(
                "invalid_field",
                format!("requestedAttributes.{name}.scoreType: only PROBABILITY is supported"),
            ));
        }
        let threshold = match option("scoreThreshold") {
            None => None,
            Some(v) => Some(v.as_f64().ok_or_else(|| {
                ApiError::bad_request(
                    "invalid_field",
                    format!("requestedAttributes.{name}.scoreThreshold must be a number"),
                )
            })?),
        };
        wanted.push(Wanted {
            name: attribute,
            categories,
            threshold,
        });
    }
    Ok(wanted)
}

fn analyze(state: &AppState, body: AnalyzeIn) -> Result<AnalyzeOut, ApiError> {
    let wanted = wanted_attributes(&body.requested_attributes)?;
    check_text(state, &body.comment.text, "comment.text")?;
    let decision = decide(state, &body.comment.text, body.languages.first().cloned());
    // Perspective's offsets count characters (UTF-16 code units in practice); ours are bytes.
    let text_chars = body.comment.text.encode_utf16().count();
    let attribute_scores = wanted
        .into_iter()
        .filter_map(|w| {
            let value = score(&decision, w.categories);
            // "The API won't return scores that are below this threshold."
            if w.threshold.is_some_and(|t| f64::from(value) < t) {
                return None;
            }
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
            Some((
                w.name.to_string(),
                AttributeOut {
                    span_scores: vec![span],
                    summary_score: summary,
                },
            ))
        })
        .collect();
    let languages = if body.languages.is_empty() {
        vec![decision.lang.to_string()]
    } else {
        body.languages
    };
    Ok(AnalyzeOut {
        attribute_scores,
        languages,
        detected_languages: vec![decision.lang.into_owned()],
        client_token: body.client_token,
    })
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
    /// Multi-modal parts, together one input; vigie reads the text parts only.
    #[schema(value_type = Vec<Object>)]
    Parts(Vec<ModerationPart>),
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ModerationPart {
    Text {
        text: String,
    },
    ImageUrl {
        #[allow(dead_code)]
        image_url: Value,
    },
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
    /// The input types each score reflects: `["text"]`, or `[]` for a category vigie does
    /// not score.
    #[schema(value_type = Object)]
    pub category_applied_input_types: Map<String, Value>,
    /// OpenAI categories vigie does not detect: their score is 0 because nothing looked.
    pub unscored_categories: Vec<&'static str>,
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
    auth: Result<Authed<Ingest>, ApiError>,
    body: Result<ApiJson<ModerationIn>, ApiError>,
) -> Result<Json<ModerationOut>, StyledError> {
    let openai = |e| StyledError(e, ErrorStyle::OpenAi);
    auth.map_err(openai)?;
    let ApiJson(body) = body.map_err(openai)?;
    moderate(&state, body).map(Json).map_err(openai)
}

fn moderate(state: &AppState, body: ModerationIn) -> Result<ModerationOut, ApiError> {
    let inputs = match body.input {
        ModerationInput::One(text) => vec![text],
        ModerationInput::Many(texts) => texts,
        ModerationInput::Parts(parts) => {
            let mut texts = Vec::with_capacity(parts.len());
            for (i, part) in parts.into_iter().enumerate() {
                match part {
                    ModerationPart::Text { text } => texts.push(text),
                    ModerationPart::ImageUrl { .. } => {
                        return Err(ApiError::bad_request(
                            "invalid_field",
                            format!("input[{i}]: images are not supported; vigie reads text only"),
                        ));
                    }
                }
            }
            if texts.is_empty() {
                Vec::new()
            } else {
                vec![texts.join("\n")]
            }
        }
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
        check_text(state, text, &format!("input[{i}]"))?;
    }
    let unscored: Vec<&'static str> = OPENAI_CATEGORIES
        .iter()
        .filter(|(_, ours)| ours.is_empty())
        .map(|(name, _)| *name)
        .collect();
    let results = inputs
        .iter()
        .map(|text| {
            let decision = decide(state, text, None);
            let mut categories = Map::new();
            let mut category_scores = Map::new();
            let mut applied = Map::new();
            for (name, ours) in OPENAI_CATEGORIES {
                let s = score(&decision, ours);
                categories.insert((*name).to_string(), Value::Bool(s >= OPENAI_FLAG_THRESHOLD));
                category_scores.insert((*name).to_string(), Value::from(f64::from(s)));
                let types = if ours.is_empty() {
                    Vec::new()
                } else {
                    vec![Value::from("text")]
                };
                applied.insert((*name).to_string(), Value::Array(types));
            }
            ModerationResult {
                flagged: decision.action != Action::Allow,
                categories,
                category_scores,
                category_applied_input_types: applied,
                unscored_categories: unscored.clone(),
            }
        })
        .collect();
    let policy_version = state.current().engine.policy().version().to_string();
    Ok(ModerationOut {
        id: format!("modr-{}", vigie_store::now_micros()),
        model: format!("vigie-{policy_version}"),
        results,
    })
}
