//! What moderators decide, and what follows from it.
//!
//! A decision names an action, a policy reason code (the platform's own codes, e.g.
//! `violence.threat.credible`), optionally a note, and the categories the moderator confirms.
//! On an urgent or severe case the platform may require a second moderator
//! ([`SecondReviewConfig`]): the first decision then waits in
//! [`crate::CaseStatus::PendingSecondReview`] until a *different* moderator confirms or
//! overrides it. A final decision yields [`Effect`]s, the work the service must carry out.

use serde::{Deserialize, Serialize};
use vigie_detect::Category;

use crate::Micros;
use crate::case::Subject;
use crate::strikes::Strike;
use crate::webhook::WebhookEvent;

/// What a moderator does about a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ModeratorAction {
    Remove,
    /// Put back content an automated decision (or an earlier moderator) took down.
    Restore,
    Label,
    Demote,
    AgeRestrict,
    /// Suspend the author's account until `until` (unix µs), or for good when `None`.
    SuspendAccount {
        #[serde(default)]
        until: Option<Micros>,
    },
    Warn,
    NoAction,
}

impl ModeratorAction {
    pub fn name(self) -> &'static str {
        match self {
            ModeratorAction::Remove => "remove",
            ModeratorAction::Restore => "restore",
            ModeratorAction::Label => "label",
            ModeratorAction::Demote => "demote",
            ModeratorAction::AgeRestrict => "age_restrict",
            ModeratorAction::SuspendAccount { .. } => "suspend_account",
            ModeratorAction::Warn => "warn",
            ModeratorAction::NoAction => "no_action",
        }
    }

    /// Whether the action goes against the author (may be appealed, may give a strike).
    pub fn is_adverse(self) -> bool {
        !matches!(self, ModeratorAction::Restore | ModeratorAction::NoAction)
    }

    /// Whether the action confirms the content broke the rules (the flagged categories it
    /// names become positives in training exports; see [`crate::training`]).
    pub fn confirms_violation(self) -> bool {
        matches!(
            self,
            ModeratorAction::Remove | ModeratorAction::SuspendAccount { .. }
        )
    }

    /// Whether the action clears the content (flagged categories become negatives).
    pub fn clears_content(self) -> bool {
        matches!(self, ModeratorAction::Restore | ModeratorAction::NoAction)
    }
}

impl std::fmt::Display for ModeratorAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModeratorAction::SuspendAccount { until: Some(t) } => {
                write!(f, "suspend_account until {t}")
            }
            ModeratorAction::SuspendAccount { until: None } => {
                f.write_str("suspend_account permanently")
            }
            other => f.write_str(other.name()),
        }
    }
}

/// What a moderator submits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    pub action: ModeratorAction,
    /// The platform's policy reason code; required, it is what the author is told.
    pub reason_code: String,
    #[serde(default)]
    pub note: Option<String>,
    /// Categories the moderator confirms the content falls under (may be empty).
    #[serde(default)]
    pub categories: Vec<Category>,
}

/// A decision as recorded on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModeratorDecision {
    /// `"{case id}/d{n}"`: unique, and stable (webhook idempotency keys derive from it).
    pub id: String,
    pub decided_by: String,
    pub decided_at: Micros,
    pub action: ModeratorAction,
    pub reason_code: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub categories: Vec<Category>,
    /// The second moderator who confirmed it, when a second review was required.
    #[serde(default)]
    pub confirmed_by: Option<String>,
    /// The pending decision this one overrode in a second review.
    #[serde(default)]
    pub overrides: Option<String>,
    /// Set when an appeal reversed this decision.
    #[serde(default)]
    pub reversed_at: Option<Micros>,
}

/// When a decision needs a second moderator before it takes effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecondReviewConfig {
    /// Decisions on urgent cases (threat to life).
    pub urgent: bool,
    /// Decisions on escalated cases.
    pub escalated: bool,
    /// Decisions with these actions, whatever the case (e.g. `["suspend_account"]`).
    pub actions: Vec<String>,
    /// Decisions confirming these categories.
    pub categories: Vec<Category>,
    /// Decisions on cases whose priority score is at least this ("severe" cases).
    pub min_priority: Option<i64>,
}

impl Default for SecondReviewConfig {
    fn default() -> Self {
        SecondReviewConfig {
            urgent: true,
            escalated: false,
            actions: vec!["suspend_account".to_string()],
            categories: Vec::new(),
            min_priority: None,
        }
    }
}

impl SecondReviewConfig {
    /// Whether a decision `input` on a case (urgent or not, escalated or not, of priority
    /// `priority`) needs a second moderator.
    pub fn requires(
        &self,
        input: &DecisionInput,
        urgent: bool,
        escalated: bool,
        priority: i64,
    ) -> bool {
        (self.urgent && urgent)
            || (self.escalated && escalated)
            || self.min_priority.is_some_and(|min| priority >= min)
            || self.actions.iter().any(|a| a == input.action.name())
            || input.categories.iter().any(|c| self.categories.contains(c))
    }
}

/// What the second moderator says about a pending decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum SecondReviewVerdict {
    Confirm,
    /// Replace the pending decision with this one (it takes effect at once).
    Override {
        decision: DecisionInput,
    },
}

/// Work the service must carry out after a transition, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "effect", rename_all = "snake_case")]
pub enum Effect {
    /// Apply a moderator's action on the platform.
    ApplyAction {
        decision_id: String,
        subject: Subject,
        action: ModeratorAction,
    },
    /// Undo an action that an appeal reversed: restore removed, demoted, labelled or
    /// age-restricted content; lift a suspension; withdraw a warning.
    UndoAction {
        decision_id: String,
        subject: Subject,
        action: ModeratorAction,
    },
    /// Record a strike on the author (the store then evaluates the author's strikes with
    /// [`crate::StrikePolicy::evaluate`]).
    AddStrike { strike: Strike },
    /// Mark the strike given for this decision as reversed.
    RemoveStrike {
        strike_id: String,
        reversed_at: Micros,
    },
    /// Queue a webhook delivery.
    Notify { event: WebhookEvent },
}

/// The outcome of a moderator's decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum DecideOutcome {
    /// The decision waits for a second moderator; nothing happens on the platform yet.
    PendingSecondReview { decision: ModeratorDecision },
    /// The decision is final: carry out `effects`.
    Resolved {
        decision: ModeratorDecision,
        effects: Vec<Effect>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(action: ModeratorAction, categories: Vec<Category>) -> DecisionInput {
        DecisionInput {
            action,
            reason_code: "r".into(),
            note: None,
            categories,
        }
    }

    #[test]
    fn second_review_rules_combine() {
        let config = SecondReviewConfig {
            urgent: true,
            escalated: false,
            actions: vec!["suspend_account".into()],
            categories: vec![Category::Hate],
            min_priority: Some(600),
        };
        let remove = input(ModeratorAction::Remove, vec![]);
        assert!(config.requires(&remove, true, false, 0));
        assert!(!config.requires(&remove, false, true, 0));
        assert!(!config.requires(&remove, false, false, 0));
        let suspend = input(ModeratorAction::SuspendAccount { until: None }, vec![]);
        assert!(config.requires(&suspend, false, false, 0));
        assert!(config.requires(&remove, false, false, 600));
        assert!(!config.requires(&remove, false, false, 599));
        let hate = input(ModeratorAction::Label, vec![Category::Hate]);
        assert!(config.requires(&hate, false, false, 0));
        let off = SecondReviewConfig {
            urgent: false,
            escalated: false,
            actions: vec![],
            categories: vec![],
            min_priority: None,
        };
        assert!(!off.requires(&suspend, true, true, i64::MAX));
    }

    #[test]
    fn actions_serialize_with_their_type_and_suspension_end() {
        let until = ModeratorAction::SuspendAccount { until: Some(42) };
        let json = serde_json::to_string(&until).unwrap_or_default();
        assert_eq!(json, r#"{"type":"suspend_account","until":42}"#);
        let permanent: ModeratorAction =
            serde_json::from_str(r#"{"type":"suspend_account"}"#).unwrap_or(ModeratorAction::Warn);
        assert_eq!(permanent, ModeratorAction::SuspendAccount { until: None });
        assert_eq!(permanent.to_string(), "suspend_account permanently");
        let remove: Result<ModeratorAction, _> = serde_json::from_str(r#"{"type":"remove"}"#);
        assert_eq!(remove.ok(), Some(ModeratorAction::Remove));
        assert!(serde_json::from_str::<ModeratorAction>(r#"{"type":"ban"}"#).is_err());
    }

    #[test]
    fn adverse_confirming_and_clearing_actions() {
        assert!(ModeratorAction::Warn.is_adverse());
        assert!(!ModeratorAction::NoAction.is_adverse());
        assert!(!ModeratorAction::Restore.is_adverse());
        assert!(ModeratorAction::Remove.confirms_violation());
        assert!(!ModeratorAction::Label.confirms_violation());
        assert!(ModeratorAction::Restore.clears_content());
        assert!(!ModeratorAction::Demote.clears_content());
    }
}
