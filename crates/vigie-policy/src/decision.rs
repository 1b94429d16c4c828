//! The types that leave the pipeline: what a caller passes in about a post, and the
//! [`Decision`] that comes out. `Decision` is stable on the wire: fields are only ever added.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use vigie_detect::{Category, Target};
use vigie_text::Span;

/// What the policy decided to do with a post, from the least to the most severe.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    #[default]
    Allow,
    /// Shown with a warning label / interstitial.
    Label,
    /// Kept but shown to fewer people.
    Demote,
    /// Kept out of view until a person reviews it.
    HoldForReview,
    Remove,
    /// Removed and sent to the urgent queue (threat to life, order from an authority).
    EscalateUrgent,
}

impl Action {
    pub const ALL: [Action; 6] = [
        Action::Allow,
        Action::Label,
        Action::Demote,
        Action::HoldForReview,
        Action::Remove,
        Action::EscalateUrgent,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Label => "label",
            Action::Demote => "demote",
            Action::HoldForReview => "hold_for_review",
            Action::Remove => "remove",
            Action::EscalateUrgent => "escalate_urgent",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a rule acts, or only records what it would have done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    #[default]
    Enforce,
    Shadow,
}

/// What the platform knows about the author when it submits a post.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorContext {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub account_age_days: Option<f64>,
    /// Active strikes (the service fills this from its own records when it has them).
    #[serde(default)]
    pub strikes: Option<u32>,
    #[serde(default)]
    pub followers: Option<u64>,
}

/// Context a platform may send with a post; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostContext {
    /// Language given by the platform (BCP 47); vigie detects it when absent.
    #[serde(default)]
    pub lang: Option<String>,
    /// How many people the post can reach (followers of the author, members of the group…).
    #[serde(default)]
    pub reach: Option<u64>,
    /// Where it was posted: "comment", "post", "dm", "profile"…
    #[serde(default)]
    pub surface: Option<String>,
    #[serde(default)]
    pub author: AuthorContext,
}

/// A rule that matched, enforced or in shadow mode. Its strings are shared with the compiled
/// rule (on the wire they are plain strings): a fired rule costs no allocation of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiredRule {
    pub id: Arc<str>,
    pub action: Action,
    pub mode: Mode,
    pub reason_code: Arc<str>,
    pub category: Option<Category>,
}

/// Score of one category for a post (the highest any detector gave).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryScore {
    pub category: Category,
    pub score: f32,
}

/// One piece of evidence in a decision: where in the original text, and what matched there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceSpan {
    pub category: Category,
    /// Borrowed from the signal when it names a built-in detector (no allocation per span).
    pub detector: Cow<'static, str>,
    /// Byte offsets into the original text, `[start, end)`.
    pub start: u32,
    pub end: u32,
    /// The original text at that span (for readers of the JSON who do not keep the post).
    pub text: String,
    pub matched: String,
}

impl EvidenceSpan {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Name and version of a detector that contributed to a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetectorVersion {
    pub name: String,
    pub version: String,
}

/// What vigie decided about one post, and why. This is the type written by `vigie scan`,
/// returned by the API and stored: every field is part of the wire format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub post_id: String,
    /// The enforced action (shadow rules never change it).
    pub action: Action,
    /// Reason code of the rule that set the action; `None` when allowed by default. Shared
    /// with the rule, like [`FiredRule::reason_code`].
    pub reason_code: Option<Arc<str>>,
    /// Category of the rule that set the action.
    pub category: Option<Category>,
    /// Every category with a non-zero score, highest first.
    pub categories: Vec<CategoryScore>,
    pub evidence: Vec<EvidenceSpan>,
    pub targets: Vec<Target>,
    /// Rules that matched, enforced and shadow, in policy order.
    pub rules: Vec<FiredRule>,
    /// Language used for detection ("en", "fr", "other") and its confidence. Borrowed from
    /// [`vigie_text::Lang::code`] when the engine made it (no allocation per decision).
    pub lang: Cow<'static, str>,
    pub lang_confidence: f32,
    /// BLAKE3 of the policy file, hex (first 16 chars). Shared, like `detectors`, by the
    /// decisions of one engine: the same on every post, so not copied for each.
    pub policy_version: Arc<str>,
    pub detectors: Arc<[DetectorVersion]>,
    /// Time spent in the pipeline, in microseconds.
    pub latency_us: u64,
}
