//! Strikes on authors. A final adverse decision on a post (by default: remove) gives its
//! author one strike, which counts for [`StrikePolicy::expiry_days`]; an appeal that reverses
//! the decision removes it. When the author's live strikes reach a threshold (e.g. three in 90
//! days), a suspension is *proposed*: a moderator decides on it, nothing is automatic.

use serde::{Deserialize, Serialize};
use vigie_detect::Category;

use crate::decision::{ModeratorAction, ModeratorDecision};
use crate::{MICROS_PER_DAY, Micros};

/// One strike on an author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strike {
    /// The id of the decision that gave it (one strike per decision at most).
    pub id: String,
    pub author: String,
    pub case_id: String,
    pub reason_code: String,
    #[serde(default)]
    pub category: Option<Category>,
    pub issued_at: Micros,
    pub expires_at: Micros,
    #[serde(default)]
    pub reversed_at: Option<Micros>,
}

impl Strike {
    /// Whether it counts at `now`: issued, not expired, not reversed by then.
    pub fn is_live(&self, now: Micros) -> bool {
        self.issued_at <= now && now < self.expires_at && self.reversed_at.is_none_or(|r| now < r)
    }
}

/// A count of live strikes within a window that proposes a sanction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrikeThreshold {
    pub strikes: u32,
    pub within_days: u32,
    /// Length of the proposed suspension; absent = permanent.
    #[serde(default)]
    pub suspend_days: Option<u32>,
}

/// How strikes are given and what they lead to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StrikePolicy {
    pub expiry_days: u32,
    /// Action names that give a strike.
    pub on_actions: Vec<String>,
    pub thresholds: Vec<StrikeThreshold>,
}

impl Default for StrikePolicy {
    fn default() -> Self {
        StrikePolicy {
            expiry_days: 90,
            // Not suspend_account: a suspension the thresholds proposed must not count as one
            // more strike and push the author on towards the next threshold.
            on_actions: vec!["remove".into()],
            thresholds: vec![
                StrikeThreshold {
                    strikes: 3,
                    within_days: 90,
                    suspend_days: Some(7),
                },
                StrikeThreshold {
                    strikes: 5,
                    within_days: 365,
                    suspend_days: None,
                },
            ],
        }
    }
}

/// A sanction the thresholds propose for an author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrikeProposal {
    pub author: String,
    pub live_strikes: u32,
    pub threshold: StrikeThreshold,
    pub action: ModeratorAction,
    /// "3 strikes within 90 days (threshold 3): suspend 7 days".
    pub explanation: String,
}

impl StrikePolicy {
    /// The strike `decision` gives `author`, if its action gives one.
    pub fn strike_for(
        &self,
        case_id: &str,
        author: &str,
        decision: &ModeratorDecision,
    ) -> Option<Strike> {
        if !self.on_actions.iter().any(|a| a == decision.action.name()) {
            return None;
        }
        Some(Strike {
            id: decision.id.clone(),
            author: author.to_string(),
            case_id: case_id.to_string(),
            reason_code: decision.reason_code.clone(),
            category: decision.categories.first().copied(),
            issued_at: decision.decided_at,
            expires_at: decision
                .decided_at
                .saturating_add(Micros::from(self.expiry_days) * MICROS_PER_DAY),
            reversed_at: None,
        })
    }

    /// Live strikes of `strikes` issued within the last `days` days before `now`.
    pub fn live_within(strikes: &[Strike], now: Micros, days: u32) -> u32 {
        let since = now.saturating_sub(Micros::from(days) * MICROS_PER_DAY);
        let count = strikes
            .iter()
            .filter(|s| s.is_live(now) && s.issued_at >= since)
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// The most severe sanction the author's `strikes` call for at `now` (the longest
    /// suspension, permanent first), or `None`. `strikes` are one author's.
    pub fn evaluate(
        &self,
        author: &str,
        strikes: &[Strike],
        now: Micros,
    ) -> Option<StrikeProposal> {
        let severity = |t: &StrikeThreshold| t.suspend_days.map_or(u64::MAX, u64::from);
        self.thresholds
            .iter()
            .filter_map(|t| {
                let live = Self::live_within(strikes, now, t.within_days);
                (t.strikes > 0 && live >= t.strikes).then_some((t, live))
            })
            .max_by_key(|(t, _)| severity(t))
            .map(|(t, live)| {
                let until = t
                    .suspend_days
                    .map(|d| now.saturating_add(Micros::from(d) * MICROS_PER_DAY));
                let length = t
                    .suspend_days
                    .map_or("permanently".to_string(), |d| format!("{d} days"));
                StrikeProposal {
                    author: author.to_string(),
                    live_strikes: live,
                    threshold: t.clone(),
                    action: ModeratorAction::SuspendAccount { until },
                    explanation: format!(
                        "{live} strikes within {} days (threshold {}): suspend {length}",
                        t.within_days, t.strikes
                    ),
                }
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: Micros = 1_700_000_000_000_000;

    fn decision(id: &str, action: ModeratorAction, at: Micros) -> ModeratorDecision {
        ModeratorDecision {
            id: id.into(),
            decided_by: "m".into(),
            decided_at: at,
            action,
            reason_code: "harassment.targeted".into(),
            note: None,
            categories: vec![Category::Harassment],
            confirmed_by: None,
            overrides: None,
            reversed_at: None,
        }
    }

    fn strikes(policy: &StrikePolicy, days_ago: &[i64], now: Micros) -> Vec<Strike> {
        days_ago
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let at = now - d * MICROS_PER_DAY;
                policy.strike_for(
                    "c",
                    "author",
                    &decision(&format!("c/d{i}"), ModeratorAction::Remove, at),
                )
            })
            .collect()
    }

    #[test]
    fn only_configured_actions_give_strikes() {
        let policy = StrikePolicy::default();
        let label = decision("c/d0", ModeratorAction::Label, T0);
        assert_eq!(policy.strike_for("c", "a", &label), None);
        let remove = decision("c/d1", ModeratorAction::Remove, T0);
        let strike = policy.strike_for("c", "a", &remove);
        assert_eq!(
            strike.as_ref().map(|s| s.expires_at),
            Some(T0 + 90 * MICROS_PER_DAY)
        );
        assert_eq!(strike.map(|s| s.category), Some(Some(Category::Harassment)));
    }

    #[test]
    fn three_strikes_in_ninety_days_propose_a_suspension() {
        let policy = StrikePolicy::default();
        let now = T0;
        let two = strikes(&policy, &[1, 30], now);
        assert_eq!(policy.evaluate("author", &two, now), None);
        let three = strikes(&policy, &[1, 30, 80], now);
        let proposal = policy.evaluate("author", &three, now);
        assert_eq!(
            proposal.as_ref().map(|p| p.action),
            Some(ModeratorAction::SuspendAccount {
                until: Some(now + 7 * MICROS_PER_DAY)
            })
        );
        assert_eq!(
            proposal.map(|p| p.explanation),
            Some("3 strikes within 90 days (threshold 3): suspend 7 days".to_string())
        );
    }

    #[test]
    fn expired_and_reversed_strikes_do_not_count() {
        let policy = StrikePolicy::default();
        let now = T0;
        // The third strike is 95 days old: expired.
        let old = strikes(&policy, &[1, 30, 95], now);
        assert_eq!(StrikePolicy::live_within(&old, now, 365), 2);
        assert_eq!(policy.evaluate("author", &old, now), None);
        let mut reversed = strikes(&policy, &[1, 30, 60], now);
        assert!(policy.evaluate("author", &reversed, now).is_some());
        reversed[0].reversed_at = Some(now - 1);
        assert_eq!(policy.evaluate("author", &reversed, now), None);
        // Before the reversal the strike still counted.
        assert_eq!(StrikePolicy::live_within(&reversed, now - 2, 90), 3);
    }

    #[test]
    fn the_most_severe_threshold_wins() {
        let policy = StrikePolicy {
            expiry_days: 400,
            ..StrikePolicy::default()
        };
        let now = T0;
        let five = strikes(&policy, &[1, 2, 3, 100, 200], now);
        let proposal = policy.evaluate("author", &five, now);
        assert_eq!(
            proposal.map(|p| p.action),
            Some(ModeratorAction::SuspendAccount { until: None })
        );
    }
}
