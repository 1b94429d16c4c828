//! A resolved case as a training row for `vigie train` (its moderator-export format, JSONL):
//!
//! ```json
//! {"id":"moderator:c1","text":"…","lang":"en","hate":1,"violence_threat":null,
//!  "incitement":null,"harassment":0,"toxicity":null,"source":"moderator"}
//! ```
//!
//! Mapping, for each of the five labels, from the decision in force:
//! - the action **confirms a violation** (remove, suspend_account): the categories the
//!   moderator confirmed are 1, all others null — a moderator names the reason for removal,
//!   not every category that applies, so an unconfirmed category is unknown, not 0;
//! - the action **clears the content** (no_action, restore), or an appeal reversed the
//!   decision: the categories that were flagged (automated or reported) are 0, others null;
//! - other actions (label, demote, age_restrict, warn) say the content is borderline: no row.
//!
//! Only posts with text make rows; a case about an account gives none.

use serde::{Deserialize, Serialize};
use vigie_detect::Category;

use crate::case::Case;

/// The labels of a row, in `vigie train`'s column order.
pub const TRAINING_LABELS: [Category; 5] = [
    Category::Hate,
    Category::ViolenceThreat,
    Category::Incitement,
    Category::Harassment,
    Category::Toxicity,
];

/// One row of a moderator export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingRow {
    pub id: String,
    pub text: String,
    pub lang: String,
    pub hate: Option<u8>,
    pub violence_threat: Option<u8>,
    pub incitement: Option<u8>,
    pub harassment: Option<u8>,
    pub toxicity: Option<u8>,
    /// Always "moderator".
    pub source: String,
}

impl TrainingRow {
    /// The label of `category`, if it is one of [`TRAINING_LABELS`].
    pub fn label(&self, category: Category) -> Option<u8> {
        match category {
            Category::Hate => self.hate,
            Category::ViolenceThreat => self.violence_threat,
            Category::Incitement => self.incitement,
            Category::Harassment => self.harassment,
            Category::Toxicity => self.toxicity,
            _ => None,
        }
    }

    /// One JSONL line (without the newline).
    pub fn to_jsonl(&self) -> String {
        // Strings and small integers only: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The training row of `case` (whose post reads `text`), or `None` when the case teaches
/// nothing (see the module docs for the mapping).
pub fn training_row(case: &Case, text: &str) -> Option<TrainingRow> {
    if !case.subject.is_post() || text.trim().is_empty() {
        return None;
    }
    let decision = case.final_decision()?;
    let flagged = case.flagged_categories();
    let cleared = decision.action.clears_content() || decision.reversed_at.is_some();
    let confirmed = decision.action.confirms_violation() && !cleared;
    if !cleared && !confirmed {
        return None;
    }
    let label = |c: Category| -> Option<u8> {
        if confirmed {
            decision.categories.contains(&c).then_some(1)
        } else {
            flagged.contains(&c).then_some(0)
        }
    };
    let row = TrainingRow {
        id: format!("moderator:{}", case.id),
        text: text.to_string(),
        lang: case.lang.clone().unwrap_or_else(|| "other".to_string()),
        hate: label(Category::Hate),
        violence_threat: label(Category::ViolenceThreat),
        incitement: label(Category::Incitement),
        harassment: label(Category::Harassment),
        toxicity: label(Category::Toxicity),
        source: "moderator".to_string(),
    };
    // A row with no label at all teaches nothing.
    TRAINING_LABELS
        .iter()
        .any(|c| row.label(*c).is_some())
        .then_some(row)
}
