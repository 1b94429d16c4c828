//! The variables a rule's condition sees, served lazily to the CEL interpreter.
//!
//! Building every map (`signals` with its nine entries, `post`, `author`) for every post would
//! cost more than the rest of the pipeline, so nothing is built up front: the interpreter asks for
//! a dotted name (`signals.hate.score`) and [`PostVars`] answers that one value. Whole maps
//! (`signals.hate`, `post`) are only built when a condition names them as such (e.g.
//! `has(author.strikes)`).

use std::collections::HashMap;
use std::sync::Arc;

use cel::Value;
use cel::common::value::{CowVal, Val};
use cel::context::VariableResolver;
use cel::objects::{Key, Map};
use vigie_detect::{Category, Signal, Target};
use vigie_text::Lang;

use crate::decision::PostContext;

/// The roots of every name a condition may use.
pub(crate) const ROOTS: [&str; 3] = ["signals", "post", "author"];
/// Fields of `signals.<category>`.
pub(crate) const SIGNAL_FIELDS: [&str; 3] = ["score", "targets", "detectors"];
pub(crate) const POST_FIELDS: [&str; 4] = ["lang", "length", "reach", "surface"];
pub(crate) const AUTHOR_FIELDS: [&str; 3] = ["account_age_days", "strikes", "followers"];
/// `signals.threat` is another name for `signals.violence_threat`.
pub(crate) const THREAT_ALIAS: &str = "threat";

/// The category a `signals.<name>` segment names, the alias included.
pub(crate) fn category_of_segment(name: &str) -> Option<Category> {
    if name == THREAT_ALIAS {
        Some(Category::ViolenceThreat)
    } else {
        Category::from_name(name)
    }
}

/// Highest score per category (indexed by [`Category::index`]), 0 when no detector spoke.
///
/// Scores that are not finite are ignored and the others clamped to [0, 1], so that every
/// comparison a condition makes on a score is well defined (a NaN would make `>=` false and
/// `<` false at once, which the guards could not reason about).
pub(crate) type Scores = [f64; Category::ALL.len()];

pub(crate) fn max_scores(signals: &[Signal]) -> Scores {
    let mut scores = [0.0_f64; Category::ALL.len()];
    for signal in signals {
        let score = f64::from(signal.score);
        if !score.is_finite() {
            continue;
        }
        let slot = &mut scores[signal.category.index()];
        *slot = slot.max(score.clamp(0.0, 1.0));
    }
    scores
}

/// Everything a condition can read about one post.
pub(crate) struct PostVars<'a> {
    pub signals: &'a [Signal],
    pub scores: &'a Scores,
    pub lang: Lang,
    pub text_chars: usize,
    pub context: &'a PostContext,
}

fn boxed(value: Value) -> Option<CowVal<'static, 'static>> {
    let val: Box<dyn Val> = value.try_into().ok()?;
    Some(CowVal::Owned(val))
}

fn int_of(n: u64) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn target_value(target: &Target) -> Value {
    // Absent id/role are "" rather than missing keys, so `t.role == "journalist"` is simply
    // false on a group target instead of an error inside `exists()`.
    let (kind, id, role) = match target {
        Target::Group { id } => ("group", id.as_str(), ""),
        Target::Watchlisted { id, role } => ("watchlisted", id.as_str(), role.as_str()),
        Target::Addressee => ("addressee", "", ""),
    };
    let mut map: HashMap<Key, Value> = HashMap::with_capacity(3);
    map.insert(Key::from("kind"), Value::from(kind));
    map.insert(Key::from("id"), Value::from(id));
    map.insert(Key::from("role"), Value::from(role));
    Value::Map(Map { map: Arc::new(map) })
}

impl PostVars<'_> {
    fn score(&self, category: Category) -> Value {
        Value::Float(self.scores[category.index()])
    }

    /// Targets named by any signal of `category`, each once, in the order detectors gave them.
    fn targets(&self, category: Category) -> Value {
        let mut seen: Vec<&Target> = Vec::new();
        for signal in self.signals.iter().filter(|s| s.category == category) {
            for target in &signal.targets {
                if !seen.contains(&target) {
                    seen.push(target);
                }
            }
        }
        Value::List(Arc::new(seen.into_iter().map(target_value).collect()))
    }

    fn detectors(&self, category: Category) -> Value {
        let mut seen: Vec<&str> = Vec::new();
        for signal in self.signals.iter().filter(|s| s.category == category) {
            if !seen.contains(&signal.detector.as_str()) {
                seen.push(&signal.detector);
            }
        }
        Value::List(Arc::new(seen.into_iter().map(Value::from).collect()))
    }

    fn signal_field(&self, category: Category, field: &str) -> Option<Value> {
        match field {
            "score" => Some(self.score(category)),
            "targets" => Some(self.targets(category)),
            "detectors" => Some(self.detectors(category)),
            _ => None,
        }
    }

    fn signal_map(&self, category: Category) -> Value {
        let map: HashMap<Key, Value> = SIGNAL_FIELDS
            .iter()
            .filter_map(|f| Some((Key::from(*f), self.signal_field(category, f)?)))
            .collect();
        Value::Map(Map { map: Arc::new(map) })
    }

    fn signals_map(&self) -> Value {
        let mut map: HashMap<Key, Value> = Category::ALL
            .iter()
            .map(|c| (Key::from(c.name()), self.signal_map(*c)))
            .collect();
        map.insert(
            Key::from(THREAT_ALIAS),
            self.signal_map(Category::ViolenceThreat),
        );
        Value::Map(Map { map: Arc::new(map) })
    }

    /// `None` when the platform did not say: the key is then missing from `post` / `author`,
    /// so `has(post.reach)` is false and reading it is an error.
    fn post_field(&self, field: &str) -> Option<Value> {
        match field {
            "lang" => Some(Value::from(self.lang.code())),
            "length" => Some(int_of(self.text_chars as u64)),
            "reach" => self.context.reach.map(int_of),
            "surface" => self.context.surface.as_deref().map(Value::from),
            _ => None,
        }
    }

    fn author_field(&self, field: &str) -> Option<Value> {
        let author = &self.context.author;
        match field {
            "account_age_days" => author.account_age_days.map(Value::Float),
            "strikes" => author.strikes.map(|s| Value::Int(i64::from(s))),
            "followers" => author.followers.map(int_of),
            _ => None,
        }
    }

    fn object(fields: &[&str], get: impl Fn(&str) -> Option<Value>) -> Value {
        let map: HashMap<Key, Value> = fields
            .iter()
            .filter_map(|f| Some((Key::from(*f), get(f)?)))
            .collect();
        Value::Map(Map { map: Arc::new(map) })
    }

    /// The value of a dotted name, if it is one of ours.
    pub(crate) fn lookup(&self, name: &str) -> Option<Value> {
        let (root, rest) = match name.split_once('.') {
            Some((root, rest)) => (root, Some(rest)),
            None => (name, None),
        };
        match (root, rest) {
            ("signals", None) => Some(self.signals_map()),
            ("signals", Some(rest)) => {
                let (segment, field) = match rest.split_once('.') {
                    Some((segment, field)) => (segment, Some(field)),
                    None => (rest, None),
                };
                let category = category_of_segment(segment)?;
                match field {
                    None => Some(self.signal_map(category)),
                    Some(field) => self.signal_field(category, field),
                }
            }
            ("post", None) => Some(Self::object(&POST_FIELDS, |f| self.post_field(f))),
            ("post", Some(field)) => self.post_field(field),
            ("author", None) => Some(Self::object(&AUTHOR_FIELDS, |f| self.author_field(f))),
            ("author", Some(field)) => self.author_field(field),
            _ => None,
        }
    }
}

impl VariableResolver for PostVars<'_> {
    fn resolve<'b>(&'b self, variable: &str) -> Option<CowVal<'b, 'b>> {
        // Names of comprehension variables (`t` in `exists(t, …)`) also come here first: they
        // are not ours, and the cheap root test sends them on to the interpreter's scopes.
        let root = variable.split('.').next().unwrap_or(variable);
        if !ROOTS.contains(&root) {
            return None;
        }
        boxed(self.lookup(variable)?)
    }
}
