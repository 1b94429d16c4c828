//! What is known about a condition before any post is seen: the names it uses are checked
//! against the variables vigie provides, and a *guard* is drawn from its shape.
//!
//! # Guards
//!
//! Most rules are only worth evaluating when some score is high: `signals.hate.score >= 0.8 &&
//! …`. A guard is the part of a condition made of such score comparisons, joined by the same
//! `&&` and `||`. When the guard fails on a post, the condition is certain to evaluate to `false`
//! (not to an error: in CEL `false && x` and `x && false` are `false` whatever `x` is), so the
//! interpreter can be skipped without changing any verdict — errors included. A condition
//! without such a comparison at its top level gets [`Guard::Always`] and is always evaluated.

use cel::common::ast::operators;
use cel::common::ast::{Expr, IdedExpr, LiteralValue};
use vigie_detect::Category;

use crate::vars::{
    AUTHOR_FIELDS, POST_FIELDS, ROOTS, SIGNAL_FIELDS, Scores, THREAT_ALIAS, category_of_segment,
};

/// A necessary condition of a [`Guard`] in flat form: `scores[category] >= min`. Most guards
/// are one score test, so the loop over rules reads this first and walks the guard's tree only
/// when `whole_guard` is false.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Gate {
    pub category: usize,
    pub min: f64,
    /// Whether passing the gate means passing the whole guard.
    pub whole_guard: bool,
}

impl Gate {
    /// Passes on every post, and is the whole guard.
    const OPEN: Gate = Gate {
        category: 0,
        min: f64::NEG_INFINITY,
        whole_guard: true,
    };
    /// Passes on every post; the guard must still be walked.
    const OPEN_PARTIAL: Gate = Gate {
        whole_guard: false,
        ..Gate::OPEN
    };

    #[inline]
    pub(crate) fn passes(&self, scores: &Scores) -> bool {
        scores.get(self.category).is_some_and(|s| *s >= self.min)
    }
}

/// A cheap necessary condition for a rule to fire.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Guard {
    /// Nothing known: evaluate the condition.
    Always,
    /// `signals.<category>.score >= min` (or `>` when `strict`).
    Score {
        category: Category,
        min: f64,
        strict: bool,
    },
    All(Vec<Guard>),
    Any(Vec<Guard>),
}

impl Guard {
    /// Whether the rule may fire on a post with these scores.
    pub(crate) fn passes(&self, scores: &Scores) -> bool {
        match self {
            Guard::Always => true,
            Guard::Score {
                category,
                min,
                strict,
            } => {
                let score = scores[category.index()];
                if *strict { score > *min } else { score >= *min }
            }
            Guard::All(guards) => guards.iter().all(|g| g.passes(scores)),
            Guard::Any(guards) => guards.iter().any(|g| g.passes(scores)),
        }
    }

    /// The one score test this guard starts with, for the tight loop over rules: a
    /// [`Gate`] that fails means the guard fails.
    pub(crate) fn gate(&self) -> Gate {
        match self {
            Guard::Always => Gate::OPEN,
            Guard::Score {
                category,
                min,
                strict,
            } => Gate {
                category: category.index(),
                // scores are finite (see `max_scores`), so `score > min` is `score >= next_up(min)`
                min: if *strict { min.next_up() } else { *min },
                whole_guard: true,
            },
            Guard::All(guards) => guards
                .iter()
                .map(Guard::gate)
                .find(|g| g.min > f64::NEG_INFINITY)
                .map_or(Gate::OPEN_PARTIAL, |g| Gate {
                    whole_guard: false,
                    ..g
                }),
            Guard::Any(_) => Gate::OPEN_PARTIAL,
        }
    }

    /// Per category, a score below which this guard surely fails: the rule can only fire if
    /// some category reaches its threshold (`+inf` for categories it does not need). `None`
    /// for a guard that may pass on any post. Strict bounds are relaxed to `>=`, which is
    /// weaker and so still safe.
    pub(crate) fn thresholds(&self) -> Option<Scores> {
        match self {
            Guard::Always => None,
            Guard::Score { category, min, .. } => {
                let mut thresholds = [f64::INFINITY; Category::ALL.len()];
                thresholds[category.index()] = *min;
                Some(thresholds)
            }
            // every conjunct is necessary: any one of them will do
            Guard::All(guards) => guards.iter().find_map(Guard::thresholds),
            Guard::Any(guards) => {
                let mut thresholds = [f64::INFINITY; Category::ALL.len()];
                for guard in guards {
                    for (t, g) in thresholds.iter_mut().zip(guard.thresholds()?) {
                        *t = t.min(g);
                    }
                }
                Some(thresholds)
            }
        }
    }

    /// The guard as a CEL expression, for `vigie policy check`; `None` for [`Guard::Always`].
    pub(crate) fn describe(&self) -> Option<String> {
        match self {
            Guard::Always => None,
            Guard::Score {
                category,
                min,
                strict,
            } => Some(format!(
                "signals.{category}.score {} {min}",
                if *strict { ">" } else { ">=" }
            )),
            Guard::All(guards) => Some(join(guards, " && ")),
            Guard::Any(guards) => Some(join(guards, " || ")),
        }
    }

    fn all(a: Guard, b: Guard) -> Guard {
        let mut parts = Vec::new();
        for g in [a, b] {
            match g {
                Guard::Always => {}
                Guard::All(inner) => parts.extend(inner),
                other => parts.push(other),
            }
        }
        match parts.len() {
            0 => Guard::Always,
            1 => parts.pop().unwrap_or(Guard::Always),
            _ => Guard::All(parts),
        }
    }

    fn any(a: Guard, b: Guard) -> Guard {
        if a == Guard::Always || b == Guard::Always {
            return Guard::Always;
        }
        let mut parts = Vec::new();
        for g in [a, b] {
            match g {
                Guard::Any(inner) => parts.extend(inner),
                other => parts.push(other),
            }
        }
        Guard::Any(parts)
    }
}

fn join(guards: &[Guard], sep: &str) -> String {
    guards
        .iter()
        .filter_map(|g| g.describe().map(|d| format!("({d})")))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The guard of a condition (see the module docs for why it is sound).
pub(crate) fn guard_of(expr: &IdedExpr) -> Guard {
    let Expr::Call(call) = &expr.expr else {
        return Guard::Always;
    };
    if call.target.is_some() || call.args.len() != 2 {
        return Guard::Always;
    }
    let (left, right) = (&call.args[0], &call.args[1]);
    match call.func_name.as_str() {
        operators::LOGICAL_AND => Guard::all(guard_of(left), guard_of(right)),
        operators::LOGICAL_OR => Guard::any(guard_of(left), guard_of(right)),
        operators::GREATER_EQUALS | operators::GREATER => {
            score_comparison(left, right, call.func_name == operators::GREATER)
        }
        // `c <= score` is `score >= c`
        operators::LESS_EQUALS | operators::LESS => {
            score_comparison(right, left, call.func_name == operators::LESS)
        }
        _ => Guard::Always,
    }
}

fn score_comparison(score: &IdedExpr, bound: &IdedExpr, strict: bool) -> Guard {
    let Some(category) = score_reference(score) else {
        return Guard::Always;
    };
    let min = match &bound.expr {
        Expr::Literal(LiteralValue::Double(d)) => *d.inner(),
        // CEL compares double with int numerically; the load-time trial evaluation refuses a
        // condition where it would not.
        Expr::Literal(LiteralValue::Int(i)) => *i.inner() as f64,
        _ => return Guard::Always,
    };
    if min.is_nan() {
        return Guard::Always;
    }
    Guard::Score {
        category,
        min,
        strict,
    }
}

/// The category of `signals.<category>.score`.
fn score_reference(expr: &IdedExpr) -> Option<Category> {
    let segments = qualified_name(expr)?;
    match segments.as_slice() {
        ["signals", segment, "score"] => category_of_segment(segment),
        _ => None,
    }
}

/// `a.b.c` as its segments, root first; `None` for anything else (calls, indexes, `has()`).
pub(crate) fn qualified_name(expr: &IdedExpr) -> Option<Vec<&str>> {
    let mut segments = Vec::new();
    let mut expr = expr;
    loop {
        match &expr.expr {
            Expr::Ident(name) => {
                segments.push(name.as_str());
                segments.reverse();
                return Some(segments);
            }
            Expr::Select(select) if !select.test => {
                segments.push(select.field.as_str());
                expr = &select.operand;
            }
            _ => return None,
        }
    }
}

/// Why a name in a condition is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    UnknownVariable(String),
    UnknownCategory(String),
    UnknownField { parent: String, field: String },
}

impl std::fmt::Display for NameProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameProblem::UnknownVariable(name) => write!(
                f,
                "unknown variable `{name}` (conditions may use {})",
                ROOTS.join(", ")
            ),
            NameProblem::UnknownCategory(name) => write!(
                f,
                "unknown signal category `signals.{name}` (known: {}, and `{THREAT_ALIAS}` for violence_threat)",
                Category::ALL.map(|c| c.name()).join(", ")
            ),
            NameProblem::UnknownField { parent, field } => {
                write!(f, "`{parent}` has no field `{field}`")?;
                let known: &[&str] = match parent.split('.').count() {
                    _ if parent == "post" => &POST_FIELDS,
                    _ if parent == "author" => &AUTHOR_FIELDS,
                    2 if parent.starts_with("signals.") => &SIGNAL_FIELDS,
                    _ => &[],
                };
                if !known.is_empty() {
                    write!(f, " (known: {})", known.join(", "))?;
                }
                Ok(())
            }
        }
    }
}

/// Identifiers CEL itself defines (type names, usable in `type(x) == int`).
const CEL_IDENTS: [&str; 10] = [
    "int",
    "uint",
    "double",
    "bool",
    "string",
    "bytes",
    "list",
    "map",
    "null_type",
    "type",
];

/// Checks every name the condition uses, and how deep its tree is.
pub(crate) fn check_names(expr: &IdedExpr) -> Result<(), NameProblem> {
    let mut bound = Vec::new();
    walk(expr, &mut bound)
}

/// Depth of the expression tree; evaluation recurses once per level, so a hostile condition
/// must not be allowed to nest arbitrarily deep.
pub(crate) fn depth(expr: &IdedExpr) -> usize {
    let children = children(expr);
    1 + children.iter().map(|c| depth(c)).max().unwrap_or(0)
}

/// How deeply `exists`/`all`/`map`/`filter` loops nest. Each level multiplies the work by the
/// length of a list, and a 4 KB condition can spell lists of a thousand items: nested loops
/// would let a hostile file spend minutes on every post.
pub(crate) fn loop_nesting(expr: &IdedExpr) -> usize {
    let inner = children(expr)
        .into_iter()
        .map(loop_nesting)
        .max()
        .unwrap_or(0);
    match &expr.expr {
        Expr::Comprehension(_) => inner + 1,
        _ => inner,
    }
}

fn children(expr: &IdedExpr) -> Vec<&IdedExpr> {
    use cel::common::ast::EntryExpr;
    match &expr.expr {
        Expr::Call(call) => call.target.iter().map(|t| &**t).chain(&call.args).collect(),
        Expr::Comprehension(c) => vec![
            &c.iter_range,
            &c.accu_init,
            &c.loop_cond,
            &c.loop_step,
            &c.result,
        ],
        Expr::List(list) => list.elements.iter().collect(),
        Expr::Map(map) => map
            .entries
            .iter()
            .flat_map(|e| match &e.expr {
                EntryExpr::MapEntry(m) => vec![&m.key, &m.value],
                EntryExpr::StructField(s) => vec![&s.value],
            })
            .collect(),
        Expr::Struct(s) => s
            .entries
            .iter()
            .flat_map(|e| match &e.expr {
                EntryExpr::MapEntry(m) => vec![&m.key, &m.value],
                EntryExpr::StructField(s) => vec![&s.value],
            })
            .collect(),
        Expr::Select(select) => vec![&*select.operand],
        Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => Vec::new(),
    }
}

fn walk<'e>(expr: &'e IdedExpr, bound: &mut Vec<&'e str>) -> Result<(), NameProblem> {
    match &expr.expr {
        Expr::Ident(name) => check_path(&[name.as_str()], bound),
        Expr::Select(select) => {
            if let Some(mut path) = qualified_name(&select.operand) {
                // `has(a.b)` and `a.b` name the same path
                path.push(select.field.as_str());
                check_path(&path, bound)
            } else {
                walk(&select.operand, bound)
            }
        }
        Expr::Comprehension(c) => {
            walk(&c.iter_range, bound)?;
            walk(&c.accu_init, bound)?;
            let before = bound.len();
            bound.push(c.iter_var.as_str());
            if let Some(v2) = &c.iter_var2 {
                bound.push(v2.as_str());
            }
            bound.push(c.accu_var.as_str());
            let result = walk(&c.loop_cond, bound)
                .and_then(|()| walk(&c.loop_step, bound))
                .and_then(|()| walk(&c.result, bound));
            bound.truncate(before);
            result
        }
        _ => {
            for child in children(expr) {
                walk(child, bound)?;
            }
            Ok(())
        }
    }
}

fn check_path(path: &[&str], bound: &[&str]) -> Result<(), NameProblem> {
    let Some((&root, rest)) = path.split_first() else {
        return Ok(());
    };
    if bound.contains(&root) {
        return Ok(());
    }
    match root {
        "signals" => {
            let Some((&segment, rest)) = rest.split_first() else {
                return Ok(());
            };
            if category_of_segment(segment).is_none() {
                return Err(NameProblem::UnknownCategory(segment.to_string()));
            }
            let Some((&field, rest)) = rest.split_first() else {
                return Ok(());
            };
            if !SIGNAL_FIELDS.contains(&field) {
                return Err(NameProblem::UnknownField {
                    parent: format!("signals.{segment}"),
                    field: field.to_string(),
                });
            }
            no_fields(&format!("signals.{segment}.{field}"), rest)
        }
        "post" | "author" => {
            let Some((&field, rest)) = rest.split_first() else {
                return Ok(());
            };
            let known: &[&str] = if root == "post" {
                &POST_FIELDS
            } else {
                &AUTHOR_FIELDS
            };
            if !known.contains(&field) {
                return Err(NameProblem::UnknownField {
                    parent: root.to_string(),
                    field: field.to_string(),
                });
            }
            no_fields(&format!("{root}.{field}"), rest)
        }
        _ if rest.is_empty() && CEL_IDENTS.contains(&root) => Ok(()),
        _ => Err(NameProblem::UnknownVariable(root.to_string())),
    }
}

/// Leaves (numbers, strings, lists) have no fields.
fn no_fields(parent: &str, rest: &[&str]) -> Result<(), NameProblem> {
    match rest.first() {
        None => Ok(()),
        Some(field) => Err(NameProblem::UnknownField {
            parent: parent.to_string(),
            field: field.to_string(),
        }),
    }
}
