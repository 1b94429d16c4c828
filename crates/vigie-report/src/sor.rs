//! Statements of reasons (DSA Art. 17) in the Transparency Database's schema, built from a
//! restriction vigie applied: an automated decision, or a moderator's decision on a case.
//!
//! **No personal data.** A statement never holds the post's text, its author, the reporter or
//! notifier's identity, a moderator's name or note. The free-text fields hold only:
//! - `decision_facts`: who decided (vigie's automated pipeline or a moderator, unnamed), the
//!   action, the category as the schema labels it, the platform's reason code, how the content
//!   came to attention (automated detection or the notifier's *kind*), and the policy version;
//! - `incompatible_content_ground` / `illegal_content_legal_ground`: the platform's clause for
//!   the reason code (from [`SorConfig`]), or the reason code itself;
//! - `*_explanation`: a sentence built from the category and the clause;
//! - `source_identity`: only the notifier's kind for organisations ("Trusted flagger",
//!   "Hosting provider", "Authority"); never for users.
//!
//! The `puid` is derived from the restriction ([`puid_for_decision`], [`puid_for_case_decision`]):
//! the same restriction always gets the same puid, and the store records it on first export
//! so it is never given to another one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use vigie_detect::Category;
use vigie_policy::Action;
use vigie_review::ModeratorAction;

use crate::schema::{Schema, Violation};

/// How the content came to the platform's attention (the transparency report's "source of
/// detection"; mapped to the schema's `source_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetectionSource {
    /// vigie's own detection (the platform's voluntary initiative).
    Automated,
    /// A user's notice (Art. 16).
    User,
    TrustedFlagger,
    /// An order or notice from a public authority.
    Authority,
    /// The hosting provider, under its acceptable-use policy.
    HostingProvider,
    Other,
}

impl DetectionSource {
    pub const ALL: [DetectionSource; 6] = [
        DetectionSource::Automated,
        DetectionSource::User,
        DetectionSource::TrustedFlagger,
        DetectionSource::Authority,
        DetectionSource::HostingProvider,
        DetectionSource::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DetectionSource::Automated => "automated",
            DetectionSource::User => "user",
            DetectionSource::TrustedFlagger => "trusted_flagger",
            DetectionSource::Authority => "authority",
            DetectionSource::HostingProvider => "hosting_provider",
            DetectionSource::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DetectionSource::Automated => "Automated detection",
            DetectionSource::User => "User notice",
            DetectionSource::TrustedFlagger => "Trusted flagger",
            DetectionSource::Authority => "Authority",
            DetectionSource::HostingProvider => "Hosting provider",
            DetectionSource::Other => "Other notifier",
        }
    }

    /// A notifier kind as notices name it (`user`, `trusted_flagger`, `authority`,
    /// `hosting_provider`, `other`); unknown kinds are `Other`.
    pub fn from_notifier_kind(kind: &str) -> DetectionSource {
        match kind {
            "user" => DetectionSource::User,
            "trusted_flagger" => DetectionSource::TrustedFlagger,
            "authority" => DetectionSource::Authority,
            "hosting_provider" | "host" => DetectionSource::HostingProvider,
            "automated" => DetectionSource::Automated,
            _ => DetectionSource::Other,
        }
    }

    /// The schema's `source_type` key. Authority orders and hosts' notices are neither Art. 16
    /// notices nor trusted flaggers': "other type of notification".
    pub fn source_type(self) -> &'static str {
        match self {
            DetectionSource::Automated => "SOURCE_VOLUNTARY",
            DetectionSource::User => "SOURCE_ARTICLE_16",
            DetectionSource::TrustedFlagger => "SOURCE_TRUSTED_FLAGGER",
            DetectionSource::Authority
            | DetectionSource::HostingProvider
            | DetectionSource::Other => "SOURCE_TYPE_OTHER_NOTIFICATION",
        }
    }

    /// `source_identity`: the kind of organisation only; users' identity is never sent.
    pub fn source_identity(self) -> Option<&'static str> {
        match self {
            DetectionSource::TrustedFlagger
            | DetectionSource::Authority
            | DetectionSource::HostingProvider => Some(self.label()),
            _ => None,
        }
    }
}

/// Who decided the restriction, and what it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Decider {
    /// vigie's pipeline applied `action` with no person involved.
    Automated { action: Action },
    /// A moderator decided `action` on a case.
    Moderator { action: ModeratorAction },
}

/// One restriction, in the terms a statement needs (built by the store from a stored
/// decision or a case decision).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Restriction {
    pub puid: String,
    pub decider: Decider,
    /// The category the restriction is for, when known.
    pub category: Option<Category>,
    /// The platform's reason code (`violence.threat.credible`).
    pub reason_code: String,
    pub source: DetectionSource,
    /// vigie's detectors flagged the content (whoever decided).
    pub automated_detection: bool,
    /// When the content was posted (unix µs).
    pub content_at: i64,
    /// When the restriction was applied (unix µs).
    pub applied_at: i64,
    /// Language of the content (`en`, `fr`, other).
    pub lang: Option<String>,
    pub policy_version: Option<String>,
}

/// The platform's settings for statements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SorConfig {
    /// Countries where the restriction applies (`EUROPEAN_COUNTRY_CODES`).
    pub territorial_scope: Vec<String>,
    /// The terms and conditions, for `decision_ground_reference_url`.
    pub terms_url: Option<String>,
    /// Clause of the terms per reason code (`violence.threat.credible` → "Terms §4.2 …").
    pub clauses: BTreeMap<String, String>,
    /// Categories the platform treats as illegal content, with the legal ground to cite
    /// (e.g. `hate` → "Art. 24 of the French Press Law of 29 July 1881"). Others are
    /// restricted as incompatible with the terms and conditions.
    pub illegal: BTreeMap<Category, String>,
    /// Terms-and-conditions decisions on content the platform also considers illegal.
    pub incompatible_also_illegal: bool,
}

impl Default for SorConfig {
    fn default() -> Self {
        SorConfig {
            territorial_scope: [
                "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
                "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
            ]
            .map(str::to_string)
            .to_vec(),
            terms_url: None,
            clauses: BTreeMap::new(),
            illegal: BTreeMap::new(),
            incompatible_also_illegal: false,
        }
    }
}

/// A statement of reasons, field for field as the Transparency Database takes it (absent
/// fields are left out of the JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementOfReasons {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_visibility: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_visibility_other: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_monetary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_provision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_account: Option<String>,
    pub decision_ground: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_ground_reference_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub illegal_content_legal_ground: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub illegal_content_explanation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incompatible_content_ground: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incompatible_content_explanation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incompatible_content_illegal: Option<String>,
    pub content_type: Vec<String>,
    pub category: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_specification: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub territorial_scope: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_language: Option<String>,
    pub content_date: String,
    pub application_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date_account_restriction: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date_visibility_restriction: Option<String>,
    pub decision_facts: String,
    pub source_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_identity: Option<String>,
    pub automated_detection: String,
    pub automated_decision: String,
    pub puid: String,
}

/// A statement could not be built or does not validate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SorError {
    /// The decision restricts nothing (allow, warn, restore, no action): no statement.
    #[error("{action} is not a restriction: no statement of reasons")]
    NotARestriction { action: String },
    #[error("statement {puid} does not match the DSA schema: {}", list(.violations))]
    Invalid {
        puid: String,
        violations: Vec<Violation>,
    },
}

fn list(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The puid of an automated decision's restriction (stored decision ids are hex).
pub fn puid_for_decision(decision_id: &str) -> String {
    format!("vigie-d-{}", sanitize(decision_id))
}

/// The puid of a moderator's decision (`{case}/d{n}`).
pub fn puid_for_case_decision(decision_id: &str) -> String {
    format!("vigie-c-{}", sanitize(decision_id))
}

/// Keeps the puid charset (`[a-zA-Z0-9-_]`): other bytes become `_` followed by their hex, so
/// two different ids never give the same puid.
fn sanitize(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' => out.push(b as char),
            _ => {
                out.push('_');
                out.push_str(&format!("{b:02x}"));
            }
        }
    }
    out
}

/// The schema's category and keyword for a vigie category.
pub fn statement_category(category: Option<Category>) -> (&'static str, Option<&'static str>) {
    match category {
        Some(Category::Hate) => (
            "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
            Some("KEYWORD_HATE_SPEECH"),
        ),
        Some(Category::ViolenceThreat) => ("STATEMENT_CATEGORY_VIOLENCE", None),
        Some(Category::Incitement) => (
            "STATEMENT_CATEGORY_VIOLENCE",
            Some("KEYWORD_INCITEMENT_VIOLENCE_HATRED"),
        ),
        Some(Category::Harassment) => (
            "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            Some("KEYWORD_CYBER_HARASSMENT"),
        ),
        Some(Category::Toxicity) => ("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", None),
        Some(Category::Profanity) => ("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", None),
        Some(Category::Sexual) => (
            "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
            Some("KEYWORD_ADULT_SEXUAL_MATERIAL"),
        ),
        Some(Category::SelfHarm) => ("STATEMENT_CATEGORY_SELF_HARM", None),
        None => ("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", None),
    }
}

/// What a restriction does, in the schema's terms.
struct Measures {
    name: &'static str,
    visibility: Option<&'static str>,
    account: Option<&'static str>,
    account_until: Option<i64>,
}

fn measures(decider: &Decider) -> Option<Measures> {
    let visibility = |name, key| {
        Some(Measures {
            name,
            visibility: Some(key),
            account: None,
            account_until: None,
        })
    };
    match decider {
        Decider::Automated { action } => match action {
            Action::Label => visibility("labelled", "DECISION_VISIBILITY_CONTENT_LABELLED"),
            Action::Demote => visibility("demoted", "DECISION_VISIBILITY_CONTENT_DEMOTED"),
            // Kept out of view until a person looks at it: access is disabled meanwhile.
            Action::HoldForReview => visibility(
                "withheld pending review",
                "DECISION_VISIBILITY_CONTENT_DISABLED",
            ),
            Action::Remove | Action::EscalateUrgent => {
                visibility("removed", "DECISION_VISIBILITY_CONTENT_REMOVED")
            }
            Action::Allow => None,
        },
        Decider::Moderator { action } => match action {
            ModeratorAction::Remove => visibility("removed", "DECISION_VISIBILITY_CONTENT_REMOVED"),
            ModeratorAction::Label => {
                visibility("labelled", "DECISION_VISIBILITY_CONTENT_LABELLED")
            }
            ModeratorAction::Demote => visibility("demoted", "DECISION_VISIBILITY_CONTENT_DEMOTED"),
            ModeratorAction::AgeRestrict => visibility(
                "age-restricted",
                "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
            ),
            ModeratorAction::SuspendAccount { until } => Some(Measures {
                name: if until.is_some() {
                    "account suspended"
                } else {
                    "account terminated"
                },
                visibility: None,
                account: Some(if until.is_some() {
                    "DECISION_ACCOUNT_SUSPENDED"
                } else {
                    "DECISION_ACCOUNT_TERMINATED"
                }),
                account_until: *until,
            }),
            ModeratorAction::Warn | ModeratorAction::Restore | ModeratorAction::NoAction => None,
        },
    }
}

/// Unix µs → `Y-m-d` (UTC); out of range: the schema's bounds catch it.
pub fn ymd(micros: i64) -> String {
    let seconds = micros.div_euclid(1_000_000);
    match time::OffsetDateTime::from_unix_timestamp(seconds) {
        Ok(t) => format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()),
        Err(_) => "0000-00-00".to_string(),
    }
}

fn truncate(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    text.chars().take(max).collect()
}

impl StatementOfReasons {
    /// Builds the statement of a restriction. Errors only when the decision restricts
    /// nothing; check the result with [`StatementOfReasons::validate`].
    pub fn build(r: &Restriction, config: &SorConfig, schema: &Schema) -> Result<Self, SorError> {
        let m = measures(&r.decider).ok_or_else(|| SorError::NotARestriction {
            action: match &r.decider {
                Decider::Automated { action } => action.name().to_string(),
                Decider::Moderator { action } => action.name().to_string(),
            },
        })?;
        let (category_key, keyword) = statement_category(r.category);
        let category_label = schema
            .table("STATEMENT_CATEGORIES")
            .map(|t| t.label(category_key).to_string())
            .unwrap_or_else(|| category_key.to_string());
        let clause = config
            .clauses
            .get(&r.reason_code)
            .cloned()
            .unwrap_or_else(|| format!("Terms and conditions, rule {}", r.reason_code));
        let illegal_ground = r.category.and_then(|c| config.illegal.get(&c)).cloned();
        let (decider_text, automated_decision) = match &r.decider {
            Decider::Automated { .. } => (
                "vigie's automated moderation pipeline decided without human review",
                "AUTOMATED_DECISION_FULLY",
            ),
            Decider::Moderator { .. } => (
                "a moderator decided after reviewing the content",
                "AUTOMATED_DECISION_NOT_AUTOMATED",
            ),
        };
        let how_found = match r.source {
            DetectionSource::Automated => "vigie's automated detection flagged it".to_string(),
            other => format!(
                "it was notified by a notifier of kind {}{}",
                other.name(),
                if r.automated_detection {
                    " (vigie's automated detection had also flagged it)"
                } else {
                    ""
                }
            ),
        };
        let facts = format!(
            "The content was {} under the platform's rule {} ({}): {}; {}.{}",
            m.name,
            r.reason_code,
            category_label,
            how_found,
            decider_text,
            r.policy_version
                .as_deref()
                .map(|v| format!(" Policy version {v}."))
                .unwrap_or_default()
        );
        let explanation = format!(
            "The content falls under \"{category_label}\" as the platform's rule {} defines it: {clause}.",
            r.reason_code
        );
        let lang = r.lang.as_deref().map(str::to_ascii_uppercase).filter(|l| {
            schema
                .table("CONTENT_LANGUAGE_CODES")
                .is_some_and(|t| t.contains(l))
        });
        let mut s = StatementOfReasons {
            decision_visibility: m.visibility.map(|v| vec![v.to_string()]),
            decision_visibility_other: None,
            decision_monetary: None,
            decision_provision: None,
            decision_account: m.account.map(str::to_string),
            decision_ground: String::new(),
            decision_ground_reference_url: config.terms_url.clone(),
            illegal_content_legal_ground: None,
            illegal_content_explanation: None,
            incompatible_content_ground: None,
            incompatible_content_explanation: None,
            incompatible_content_illegal: None,
            content_type: vec!["CONTENT_TYPE_TEXT".to_string()],
            category: category_key.to_string(),
            category_specification: keyword.map(|k| vec![k.to_string()]),
            territorial_scope: (!config.territorial_scope.is_empty())
                .then(|| config.territorial_scope.clone()),
            content_language: lang,
            content_date: ymd(r.content_at),
            application_date: ymd(r.applied_at),
            end_date_account_restriction: m.account_until.map(ymd),
            end_date_visibility_restriction: None,
            decision_facts: truncate(facts, 5000),
            source_type: r.source.source_type().to_string(),
            source_identity: r.source.source_identity().map(str::to_string),
            automated_detection: if r.automated_detection { "Yes" } else { "No" }.to_string(),
            automated_decision: automated_decision.to_string(),
            puid: r.puid.clone(),
        };
        match illegal_ground {
            Some(ground) => {
                s.decision_ground = "DECISION_GROUND_ILLEGAL_CONTENT".to_string();
                s.illegal_content_legal_ground = Some(truncate(ground, 500));
                s.illegal_content_explanation = Some(truncate(explanation, 2000));
            }
            None => {
                s.decision_ground = "DECISION_GROUND_INCOMPATIBLE_CONTENT".to_string();
                s.incompatible_content_ground = Some(truncate(clause, 500));
                s.incompatible_content_explanation = Some(truncate(explanation, 2000));
                s.incompatible_content_illegal = Some(
                    if config.incompatible_also_illegal {
                        "Yes"
                    } else {
                        "No"
                    }
                    .to_string(),
                );
            }
        }
        Ok(s)
    }

    pub fn to_json(&self) -> Value {
        // A struct of strings and lists of strings always serialises.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Checks the statement against the schema; the error lists every violation.
    pub fn validate(&self, schema: &Schema) -> Result<(), SorError> {
        validate_json(&self.to_json(), schema)
    }
}

/// Checks any statement (as JSON) against the schema.
pub fn validate_json(statement: &Value, schema: &Schema) -> Result<(), SorError> {
    let violations = schema.violations(statement);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(SorError::Invalid {
            puid: statement
                .get("puid")
                .and_then(Value::as_str)
                .unwrap_or("(no puid)")
                .to_string(),
            violations,
        })
    }
}
