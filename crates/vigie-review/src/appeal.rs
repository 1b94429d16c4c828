//! Appeals. The author of decided content (or of a suspended account) may appeal a final
//! adverse decision once, within [`AppealConfig::window_days`]. The appeal goes to a moderator
//! who took no part in the decision ([`assign_appeal_reviewer`]), who upholds or reverses it;
//! a reversal yields the compensating effects (undo the action, remove the strike, notify).

use serde::{Deserialize, Serialize};

use crate::Micros;
use crate::roles::{Permission, Role};

/// An author's appeal of one decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appeal {
    /// `"{case id}/a{n}"`.
    pub id: String,
    pub decision_id: String,
    pub appellant: String,
    pub statement: String,
    pub filed_at: Micros,
    #[serde(default)]
    pub assigned_to: Option<String>,
    #[serde(default)]
    pub outcome: Option<AppealOutcome>,
    #[serde(default)]
    pub resolved_by: Option<String>,
    #[serde(default)]
    pub resolved_at: Option<Micros>,
    #[serde(default)]
    pub note: Option<String>,
}

/// How an appeal ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppealOutcome {
    /// The decision stands.
    Upheld,
    /// The decision was wrong: it is undone.
    Reversed,
}

/// Appeal rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AppealConfig {
    /// Days after the decision during which the author may appeal.
    pub window_days: u32,
}

impl Default for AppealConfig {
    fn default() -> Self {
        AppealConfig { window_days: 30 }
    }
}

/// Someone who could review an appeal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewerCandidate {
    pub id: String,
    pub role: Role,
    /// Appeals and cases this person has open now (lower is picked first).
    pub open_load: u32,
    #[serde(default = "available_by_default")]
    pub available: bool,
}

fn available_by_default() -> bool {
    true
}

/// Picks who reviews an appeal: among available candidates whose role may review appeals and
/// who are not in `excluded` (the moderators who made or confirmed the decision), the one with
/// the least open load; ties go to the smallest id, so the choice is deterministic. `None` when
/// nobody is eligible.
pub fn assign_appeal_reviewer<'a>(
    candidates: &'a [ReviewerCandidate],
    excluded: &[&str],
) -> Option<&'a ReviewerCandidate> {
    candidates
        .iter()
        .filter(|c| {
            c.available
                && c.role.allows(Permission::ReviewAppeals)
                && !excluded.contains(&c.id.as_str())
        })
        .min_by(|a, b| a.open_load.cmp(&b.open_load).then_with(|| a.id.cmp(&b.id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, role: Role, open_load: u32) -> ReviewerCandidate {
        ReviewerCandidate {
            id: id.into(),
            role,
            open_load,
            available: true,
        }
    }

    #[test]
    fn never_the_decider_never_a_non_reviewer_least_loaded_first() {
        let candidates = vec![
            candidate("alice", Role::Moderator, 0),
            candidate("tom", Role::Triage, 0),
            candidate("audrey", Role::Auditor, 0),
            candidate("carol", Role::Moderator, 3),
            candidate("bob", Role::Moderator, 3),
        ];
        let chosen = assign_appeal_reviewer(&candidates, &["alice"]).map(|c| c.id.as_str());
        assert_eq!(chosen, Some("bob"));
        let chosen = assign_appeal_reviewer(&candidates, &["alice", "bob"]).map(|c| c.id.as_str());
        assert_eq!(chosen, Some("carol"));
        assert_eq!(
            assign_appeal_reviewer(&candidates, &["alice", "bob", "carol"]),
            None
        );
    }

    #[test]
    fn unavailable_people_are_skipped() {
        let mut candidates = vec![
            candidate("alice", Role::Moderator, 0),
            candidate("root", Role::Admin, 9),
        ];
        candidates[0].available = false;
        let chosen = assign_appeal_reviewer(&candidates, &[]).map(|c| c.id.as_str());
        assert_eq!(chosen, Some("root"));
    }
}
