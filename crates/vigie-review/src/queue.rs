//! Queues: named views over the cases, defined in the review config (TOML):
//!
//! ```toml
//! [[queue]]
//! name = "urgent"
//! urgent = true                       # only threat-to-life cases (absent: any)
//!
//! [[queue]]
//! name = "hate-fr"
//! categories = ["hate"]               # any flagged category in the list (absent: any)
//! languages = ["fr"]                  # "other" matches cases of unknown language
//! sources = ["report", "notice"]      # automated | report | notice (absent: any)
//! statuses = ["open", "escalated"]    # default: open and escalated
//! order = "priority"                  # priority (then oldest first) | age (oldest first)
//! ```
//!
//! A case's home queue is the first queue, in file order, that accepts it ([`route`]): put
//! the urgent queue first. [`Queue::filter`] is the same test as data, for the store to
//! translate into SQL; [`Queue::accepts`] is the reference the store's query is tested against.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};
use vigie_detect::Category;

use crate::case::{Case, CaseColumns, CaseStatus, Source};

/// How a queue orders its cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueOrder {
    /// Highest priority first; equal priorities oldest first.
    #[default]
    Priority,
    /// Oldest first.
    Age,
}

impl QueueOrder {
    /// The order of two cases in a queue (`Less` = served first); ties broken by id, so the
    /// order is total and the same in memory and in SQL (`ORDER BY priority DESC,
    /// created_at ASC, id ASC`).
    pub fn compare(self, a: &Case, b: &Case) -> Ordering {
        let by_age = a
            .created_at
            .cmp(&b.created_at)
            .then_with(|| a.id.cmp(&b.id));
        match self {
            QueueOrder::Priority => b.priority.score.cmp(&a.priority.score).then(by_age),
            QueueOrder::Age => by_age,
        }
    }
}

/// A queue as written in the config file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueueDef {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub categories: Option<Vec<Category>>,
    #[serde(default)]
    pub languages: Option<Vec<String>>,
    #[serde(default)]
    pub sources: Option<Vec<Source>>,
    #[serde(default)]
    pub statuses: Option<Vec<CaseStatus>>,
    #[serde(default)]
    pub urgent: Option<bool>,
    #[serde(default)]
    pub escalated: Option<bool>,
    #[serde(default)]
    pub order: QueueOrder,
}

/// The filters of a queue, as data: what the store turns into a `WHERE` clause. Every `Some`
/// must hold; inside a list, any element may match. Columns the store needs: `status`,
/// `lang` (NULL = "other"), `urgent`, `escalated`, and the case's flagged categories and sources
/// (a side table or a delimited text column).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueFilter {
    /// Never empty.
    pub statuses: Vec<CaseStatus>,
    pub categories: Option<Vec<Category>>,
    pub languages: Option<Vec<String>>,
    pub sources: Option<Vec<Source>>,
    pub urgent: Option<bool>,
    pub escalated: Option<bool>,
    pub order: QueueOrder,
}

impl QueueFilter {
    /// Whether a case with these columns passes every filter: the reference semantics of the
    /// store's `WHERE` clause.
    pub fn matches(&self, case: &CaseColumns) -> bool {
        self.statuses.contains(&case.status) && self.matches_except_status(case)
    }

    /// Every filter but the status: the part that does not change while a case waits (the
    /// status does, when a claim lapses), which the store materializes per queue.
    pub fn matches_except_status(&self, case: &CaseColumns) -> bool {
        self.urgent.is_none_or(|u| u == case.urgent)
            && self.escalated.is_none_or(|e| e == case.escalated)
            && self
                .languages
                .as_ref()
                .is_none_or(|l| l.contains(&case.lang))
            && self
                .categories
                .as_ref()
                .is_none_or(|c| case.categories.iter().any(|x| c.contains(x)))
            && self
                .sources
                .as_ref()
                .is_none_or(|s| case.sources.iter().any(|x| s.contains(x)))
    }
}

/// A validated queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queue {
    pub name: String,
    pub description: Option<String>,
    pub filter: QueueFilter,
}

/// Statuses a queue lists when its definition names none: the cases waiting for someone.
pub const DEFAULT_STATUSES: [CaseStatus; 2] = [CaseStatus::Open, CaseStatus::Escalated];

impl Queue {
    /// Validates a definition; the error says what is wrong with which field.
    pub fn from_def(def: QueueDef) -> Result<Queue, String> {
        let name = def.name.trim();
        if name.is_empty() {
            return Err("a queue has an empty name".into());
        }
        if !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(format!(
                "queue {name:?}: names use letters, digits, '-' and '_' (they appear in URLs)"
            ));
        }
        let name = name.to_string();
        let empty = |field: &str| {
            format!(
                "queue {name:?}: `{field} = []` would match nothing; leave the key out to match any"
            )
        };
        if def.categories.as_ref().is_some_and(Vec::is_empty) {
            return Err(empty("categories"));
        }
        if def.sources.as_ref().is_some_and(Vec::is_empty) {
            return Err(empty("sources"));
        }
        if def.statuses.as_ref().is_some_and(Vec::is_empty) {
            return Err(empty("statuses"));
        }
        let languages = match def.languages {
            Some(list) if list.is_empty() => return Err(empty("languages")),
            Some(list) => {
                let mut out = Vec::with_capacity(list.len());
                for lang in list {
                    let code = lang.trim().to_ascii_lowercase();
                    let valid = (2..=8).contains(&code.len())
                        && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
                    if !valid {
                        return Err(format!(
                            "queue {name:?}: language {lang:?} is not a language code like \"en\", \"fr\" or \"other\""
                        ));
                    }
                    out.push(code);
                }
                Some(out)
            }
            None => None,
        };
        Ok(Queue {
            filter: QueueFilter {
                statuses: dedup(def.statuses.unwrap_or_else(|| DEFAULT_STATUSES.to_vec())),
                categories: def.categories.map(dedup),
                languages: languages.map(dedup),
                sources: def.sources.map(dedup),
                urgent: def.urgent,
                escalated: def.escalated,
                order: def.order,
            },
            name,
            description: def.description,
        })
    }

    /// Whether `case` belongs in this queue. Leases are not looked at: drop expired ones
    /// with [`Case::expire_lease`] first, so an abandoned case shows as open again.
    pub fn accepts(&self, case: &Case) -> bool {
        self.filter.matches(&case.columns())
    }

    /// Sorts cases in this queue's order.
    pub fn sort(&self, cases: &mut [Case]) {
        cases.sort_by(|a, b| self.filter.order.compare(a, b));
    }
}

/// The first queue that accepts `case`: its home queue.
pub fn route<'q>(queues: &'q [Queue], case: &Case) -> Option<&'q Queue> {
    queues.iter().find(|q| q.accepts(case))
}

fn dedup<T: PartialEq>(list: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(list.len());
    for item in list {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
