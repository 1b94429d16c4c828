//! The variables a rule's condition sees, served lazily to the CEL interpreter.
//!
//! Building every map (`signals` with its nine entries, `post`, `author`) for every post would
//! cost more than the rest of the pipeline, so nothing is built up front: the interpreter asks for
//! a dotted name (`signals.hate.score`) and [`PostVars`] answers that one value. A name that
//! stops at an object (`post` in `has(post.reach)`, `signals.hate`) is answered with a small
//! handle that looks fields up when they are read.

use std::collections::HashMap;
use std::sync::Arc;

use cel::common::traits::Indexer;
use cel::common::types::{CelString, MAP_TYPE, Type};
use cel::common::value::{CowVal, Val};
use cel::context::VariableResolver;
use cel::objects::{Key, Map};
use cel::{ExecutionError, Value};
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
#[derive(Debug)]
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
            if !seen.contains(&signal.detector.as_ref()) {
                seen.push(signal.detector.as_ref());
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

    /// The value of a dotted name down to a field (`signals.hate.score`), if it is one of ours.
    pub(crate) fn lookup(&self, name: &str) -> Option<Value> {
        let (root, rest) = match name.split_once('.') {
            Some((root, rest)) => (root, Some(rest)),
            None => (name, None),
        };
        match (root, rest) {
            ("signals", Some(rest)) => {
                let (segment, field) = match rest.split_once('.') {
                    Some((segment, field)) => (segment, Some(field)),
                    None => (rest, None),
                };
                self.signal_field(category_of_segment(segment)?, field?)
            }
            ("post", Some(field)) => self.post_field(field),
            ("author", Some(field)) => self.author_field(field),
            _ => None,
        }
    }
}

/// `post`, `author`, `signals` or `signals.<category>` as a CEL value that looks its fields up
/// when they are read, so `has(author.strikes)` builds nothing. cel's own map would be built
/// in full (hashing every key) each time the name is read.
#[derive(Debug, Clone, Copy)]
struct Object<'a> {
    vars: &'a PostVars<'a>,
    which: Which,
}

#[derive(Debug, Clone, Copy)]
enum Which {
    Post,
    Author,
    Signals,
    Signal(Category),
}

static OBJECT_TYPE: Type = MAP_TYPE;

impl<'a> Object<'a> {
    fn field(&self, name: &str) -> Option<Box<dyn Val + 'a>> {
        let value = match self.which {
            Which::Post => self.vars.post_field(name)?,
            Which::Author => self.vars.author_field(name)?,
            Which::Signals => {
                return Some(Box::new(Object {
                    vars: self.vars,
                    which: Which::Signal(category_of_segment(name)?),
                }));
            }
            Which::Signal(category) => self.vars.signal_field(category, name)?,
        };
        let val: Box<dyn Val> = value.try_into().ok()?;
        Some(val)
    }
}

impl Val for Object<'_> {
    fn get_type(&self) -> &Type {
        &OBJECT_TYPE
    }

    fn cel_type() -> &'static Type
    where
        Self: Sized,
    {
        &OBJECT_TYPE
    }

    fn as_indexer<'b, 'v>(&'b self) -> Option<&'b (dyn Indexer + 'v)>
    where
        Self: 'v,
    {
        Some(self)
    }

    fn clone_as_boxed<'v>(&self) -> Box<dyn Val + 'v>
    where
        Self: 'v,
    {
        Box::new(*self)
    }
}

impl Indexer for Object<'_> {
    fn get<'b, 'v>(&'b self, idx: &dyn Val) -> Result<CowVal<'b, 'v>, ExecutionError>
    where
        Self: 'v,
    {
        let Some(name) = idx.downcast_ref::<CelString>() else {
            return Err(ExecutionError::UnexpectedType {
                got: idx.get_type().name().to_string(),
                want: "string".to_string(),
            });
        };
        match self.field(name.inner()) {
            Some(val) => Ok(CowVal::Owned(val)),
            None => Err(ExecutionError::no_such_key(name.inner())),
        }
    }

    fn steal<'v>(self: Box<Self>, idx: &dyn Val) -> Result<Box<dyn Val + 'v>, ExecutionError>
    where
        Self: 'v,
    {
        self.get(idx).map(CowVal::into_owned)
    }
}

impl VariableResolver for PostVars<'_> {
    fn resolve<'b>(&'b self, variable: &str) -> Option<CowVal<'b, 'b>> {
        // Names of comprehension variables (`t` in `exists(t, …)`) also come here first: they
        // are not ours, and the cheap root test sends them on to the interpreter's scopes.
        let (root, rest) = match variable.split_once('.') {
            Some((root, rest)) => (root, Some(rest)),
            None => (variable, None),
        };
        let object = |which| Some(CowVal::owned(Object { vars: self, which }));
        match (root, rest) {
            ("post", None) => object(Which::Post),
            ("author", None) => object(Which::Author),
            ("signals", None) => object(Which::Signals),
            ("signals", Some(segment)) if !segment.contains('.') => {
                object(Which::Signal(category_of_segment(segment)?))
            }
            ("post" | "author" | "signals", Some(_)) => boxed(self.lookup(variable)?),
            _ => None,
        }
    }
}
