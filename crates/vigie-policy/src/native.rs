//! A native evaluator for the conditions most rules are made of — comparisons of scores and
//! context values with literals, joined by `&&`, `||` and `!`, and `has()` — so that a rule that
//! passes its guard does not pay for the CEL interpreter (about 1 µs a rule in cel 0.15, which
//! allocates for every variable read and every comparison).
//!
//! It is a hand-written subset rather than a second crate because it must agree with cel 0.15
//! on every post, which only mirroring cel's own rules guarantees:
//! * numbers compare as cel does: int with int exactly, int with double as `i as f64`, and an
//!   ordering that does not exist (NaN) is an error; `==` is false there instead;
//! * `a && b` is false as soon as either side is false, even if the other fails; `||` likewise
//!   with true; otherwise a failing side makes the whole fail;
//! * reading an absent value fails, `has()` of it is false;
//! * `signals.<category>.targets.exists(t, …)` (and `detectors`) with string equalities on
//!   `t.kind`, `t.id`, `t.role` is true when any item passes.
//!
//! When the native evaluation fails, the rule is evaluated again in CEL, so that the error
//! recorded in the verdict is cel's own. A condition outside the subset is not compiled here
//! and always goes to CEL. Tests check both paths give the same verdicts on random posts.

use std::cmp::Ordering;

use cel::common::ast::operators;
use cel::common::ast::{ComprehensionExpr, Expr, IdedExpr, LiteralValue};
use vigie_detect::{Category, Target};

use crate::check::qualified_name;
use crate::vars::{PostVars, category_of_segment};

/// A scalar a condition reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Field {
    Score(Category),
    PostLang,
    PostLength,
    PostReach,
    PostSurface,
    AuthorAccountAgeDays,
    AuthorStrikes,
    AuthorFollowers,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Text,
    Bool,
}

impl Field {
    fn of(path: &[&str]) -> Option<Field> {
        Some(match path {
            ["signals", segment, "score"] => Field::Score(category_of_segment(segment)?),
            ["post", "lang"] => Field::PostLang,
            ["post", "length"] => Field::PostLength,
            ["post", "reach"] => Field::PostReach,
            ["post", "surface"] => Field::PostSurface,
            ["author", "account_age_days"] => Field::AuthorAccountAgeDays,
            ["author", "strikes"] => Field::AuthorStrikes,
            ["author", "followers"] => Field::AuthorFollowers,
            _ => return None,
        })
    }

    fn kind(self) -> Kind {
        match self {
            Field::PostLang | Field::PostSurface => Kind::Text,
            _ => Kind::Number,
        }
    }

    /// The value on this post; `None` when the platform did not send it.
    fn read<'a>(self, vars: &'a PostVars<'a>) -> Option<Scalar<'a>> {
        let context = vars.context;
        Some(match self {
            Field::Score(category) => Scalar::Double(vars.scores[category.index()]),
            Field::PostLang => Scalar::Text(vars.lang.code()),
            Field::PostLength => Scalar::Int(saturating_int(vars.text_chars as u64)),
            Field::PostReach => Scalar::Int(saturating_int(context.reach?)),
            Field::PostSurface => Scalar::Text(context.surface.as_deref()?),
            Field::AuthorAccountAgeDays => Scalar::Double(context.author.account_age_days?),
            Field::AuthorStrikes => Scalar::Int(i64::from(context.author.strikes?)),
            Field::AuthorFollowers => Scalar::Int(saturating_int(context.author.followers?)),
        })
    }
}

/// As `vars.rs` gives numbers to CEL.
fn saturating_int(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Scalar<'a> {
    Int(i64),
    Double(f64),
    Text(&'a str),
    Bool(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    Field(Field),
    Int(i64),
    Double(f64),
    Text(String),
    Bool(bool),
}

impl Operand {
    fn kind(&self) -> Kind {
        match self {
            Operand::Field(f) => f.kind(),
            Operand::Int(_) | Operand::Double(_) => Kind::Number,
            Operand::Text(_) => Kind::Text,
            Operand::Bool(_) => Kind::Bool,
        }
    }

    fn read<'a>(&'a self, vars: &'a PostVars<'a>) -> Option<Scalar<'a>> {
        Some(match self {
            Operand::Field(f) => return f.read(vars),
            Operand::Int(i) => Scalar::Int(*i),
            Operand::Double(d) => Scalar::Double(*d),
            Operand::Text(s) => Scalar::Text(s),
            Operand::Bool(b) => Scalar::Bool(*b),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Less,
    LessEquals,
    Greater,
    GreaterEquals,
    Equals,
    NotEquals,
}

/// A condition in the native subset.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Native {
    Const(bool),
    /// `has(x)`: whether the platform sent `x`.
    Has(Field),
    Compare(Op, Operand, Operand),
    Not(Box<Native>),
    And(Box<Native>, Box<Native>),
    Or(Box<Native>, Box<Native>),
    /// `signals.<category>.targets.exists(t, …)` or `….detectors.exists(d, …)`.
    Exists(Category, List, ItemTest),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    Targets,
    Detectors,
}

/// What an item of a list is compared on: a detector name, or a field of a target map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemPart {
    Detector,
    TargetKind,
    TargetId,
    TargetRole,
}

/// The condition inside `exists()`: string equalities on the item. Target fields are always
/// present strings, so it can never fail and `exists` is simply "any item passes".
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ItemTest {
    Const(bool),
    Equals(ItemPart, String, bool),
    Not(Box<ItemTest>),
    And(Box<ItemTest>, Box<ItemTest>),
    Or(Box<ItemTest>, Box<ItemTest>),
}

impl ItemTest {
    fn compile(expr: &IdedExpr, list: List, var: &str) -> Option<ItemTest> {
        match &expr.expr {
            Expr::Literal(LiteralValue::Boolean(b)) => Some(ItemTest::Const(*b.inner())),
            Expr::Call(call) if call.target.is_none() => {
                let sub = |e| ItemTest::compile(e, list, var).map(Box::new);
                match (call.func_name.as_str(), call.args.as_slice()) {
                    (operators::LOGICAL_NOT, [a]) => Some(ItemTest::Not(sub(a)?)),
                    (operators::LOGICAL_AND, [a, b]) => Some(ItemTest::And(sub(a)?, sub(b)?)),
                    (operators::LOGICAL_OR, [a, b]) => Some(ItemTest::Or(sub(a)?, sub(b)?)),
                    (operators::EQUALS | operators::NOT_EQUALS, [a, b]) => {
                        let equals = call.func_name == operators::EQUALS;
                        let (part, text) = match (item_part(a, list, var), text_literal(b)) {
                            (Some(part), Some(text)) => (part, text),
                            _ => (item_part(b, list, var)?, text_literal(a)?),
                        };
                        Some(ItemTest::Equals(part, text, equals))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn passes(&self, item: (&str, &str, &str)) -> bool {
        match self {
            ItemTest::Const(b) => *b,
            ItemTest::Equals(part, text, equals) => {
                let value = match part {
                    // a detector name travels in the `kind` slot
                    ItemPart::Detector | ItemPart::TargetKind => item.0,
                    ItemPart::TargetId => item.1,
                    ItemPart::TargetRole => item.2,
                };
                (value == text) == *equals
            }
            ItemTest::Not(inner) => !inner.passes(item),
            ItemTest::And(a, b) => a.passes(item) && b.passes(item),
            ItemTest::Or(a, b) => a.passes(item) || b.passes(item),
        }
    }
}

fn item_part(expr: &IdedExpr, list: List, var: &str) -> Option<ItemPart> {
    match (&expr.expr, list) {
        (Expr::Ident(name), List::Detectors) if name == var => Some(ItemPart::Detector),
        (Expr::Select(select), List::Targets) if !select.test => {
            if !matches!(&select.operand.expr, Expr::Ident(name) if name == var) {
                return None;
            }
            match select.field.as_str() {
                "kind" => Some(ItemPart::TargetKind),
                "id" => Some(ItemPart::TargetId),
                "role" => Some(ItemPart::TargetRole),
                _ => None,
            }
        }
        _ => None,
    }
}

fn text_literal(expr: &IdedExpr) -> Option<String> {
    match &expr.expr {
        Expr::Literal(LiteralValue::String(s)) => Some(s.inner().to_string()),
        _ => None,
    }
}

/// `list.exists(var, test)` as cel 0.15 expands it: a fold over `@result`, false at first,
/// `@result || test` at each step.
fn exists(c: &ComprehensionExpr) -> Option<Native> {
    let accu = c.accu_var.as_str();
    let is_accu = |e: &IdedExpr| matches!(&e.expr, Expr::Ident(name) if name == accu);
    if c.iter_var2.is_some()
        || !matches!(&c.accu_init.expr, Expr::Literal(LiteralValue::Boolean(b)) if !*b.inner())
        || !is_accu(&c.result)
    {
        return None;
    }
    let Expr::Call(step) = &c.loop_step.expr else {
        return None;
    };
    let [left, test] = step.args.as_slice() else {
        return None;
    };
    if step.func_name != operators::LOGICAL_OR || step.target.is_some() || !is_accu(left) {
        return None;
    }
    let (category, list) = match qualified_name(&c.iter_range)?.as_slice() {
        ["signals", segment, "targets"] => (category_of_segment(segment)?, List::Targets),
        ["signals", segment, "detectors"] => (category_of_segment(segment)?, List::Detectors),
        _ => return None,
    };
    let test = ItemTest::compile(test, list, &c.iter_var)?;
    Some(Native::Exists(category, list, test))
}

fn target_parts(target: &Target) -> (&str, &str, &str) {
    // as `vars.rs` shows targets to CEL
    match target {
        Target::Group { id } => ("group", id, ""),
        Target::Watchlisted { id, role } => ("watchlisted", id, role),
        Target::Addressee => ("addressee", "", ""),
    }
}

/// The run-time failure of a native evaluation; its message is cel's to give.
pub(crate) struct Failed;

impl Native {
    /// The native form of a condition, if it is within the subset.
    pub(crate) fn compile(expr: &IdedExpr) -> Option<Native> {
        match &expr.expr {
            Expr::Literal(LiteralValue::Boolean(b)) => Some(Native::Const(*b.inner())),
            Expr::Comprehension(c) => exists(c),
            Expr::Select(select) if select.test => {
                let mut path = qualified_name(&select.operand)?;
                path.push(select.field.as_str());
                match Field::of(&path)? {
                    Field::PostReach
                    | Field::PostSurface
                    | Field::AuthorAccountAgeDays
                    | Field::AuthorStrikes
                    | Field::AuthorFollowers => Some(Native::Has(Field::of(&path)?)),
                    // always present
                    Field::Score(_) | Field::PostLang | Field::PostLength => {
                        Some(Native::Const(true))
                    }
                }
            }
            Expr::Call(call) if call.target.is_none() => {
                match (call.func_name.as_str(), call.args.as_slice()) {
                    (operators::LOGICAL_NOT, [operand]) => {
                        Some(Native::Not(Box::new(Native::compile(operand)?)))
                    }
                    (operators::LOGICAL_AND, [a, b]) => Some(Native::And(
                        Box::new(Native::compile(a)?),
                        Box::new(Native::compile(b)?),
                    )),
                    (operators::LOGICAL_OR, [a, b]) => Some(Native::Or(
                        Box::new(Native::compile(a)?),
                        Box::new(Native::compile(b)?),
                    )),
                    (name, [a, b]) => {
                        let op = match name {
                            operators::LESS => Op::Less,
                            operators::LESS_EQUALS => Op::LessEquals,
                            operators::GREATER => Op::Greater,
                            operators::GREATER_EQUALS => Op::GreaterEquals,
                            operators::EQUALS => Op::Equals,
                            operators::NOT_EQUALS => Op::NotEquals,
                            _ => return None,
                        };
                        let (a, b) = (operand(a)?, operand(b)?);
                        let comparable = match (a.kind(), b.kind()) {
                            (Kind::Number, Kind::Number) => true,
                            // cel orders strings too, but policies only test them for equality
                            (Kind::Text, Kind::Text) | (Kind::Bool, Kind::Bool) => {
                                matches!(op, Op::Equals | Op::NotEquals)
                            }
                            _ => false,
                        };
                        comparable.then_some(Native::Compare(op, a, b))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    pub(crate) fn eval(&self, vars: &PostVars<'_>) -> Result<bool, Failed> {
        match self {
            Native::Const(b) => Ok(*b),
            Native::Has(field) => Ok(field.read(vars).is_some()),
            Native::Compare(op, a, b) => {
                let (a, b) = (a.read(vars).ok_or(Failed)?, b.read(vars).ok_or(Failed)?);
                compare(*op, a, b)
            }
            Native::Not(inner) => inner.eval(vars).map(|b| !b),
            Native::Exists(category, list, test) => {
                let mut signals = vars.signals.iter().filter(|s| s.category == *category);
                Ok(match list {
                    List::Targets => {
                        signals.any(|s| s.targets.iter().any(|t| test.passes(target_parts(t))))
                    }
                    List::Detectors => signals.any(|s| test.passes((s.detector.as_ref(), "", ""))),
                })
            }
            Native::And(a, b) => {
                let left = a.eval(vars);
                if matches!(left, Ok(false)) {
                    return Ok(false);
                }
                match (left, b.eval(vars)?) {
                    (Ok(true), right) => Ok(right),
                    (_, false) => Ok(false),
                    _ => Err(Failed),
                }
            }
            Native::Or(a, b) => {
                let left = a.eval(vars);
                if matches!(left, Ok(true)) {
                    return Ok(true);
                }
                match (left, b.eval(vars)?) {
                    (Ok(false), right) => Ok(right),
                    (_, true) => Ok(true),
                    _ => Err(Failed),
                }
            }
        }
    }
}

fn operand(expr: &IdedExpr) -> Option<Operand> {
    match &expr.expr {
        Expr::Literal(LiteralValue::Int(i)) => Some(Operand::Int(*i.inner())),
        Expr::Literal(LiteralValue::Double(d)) => Some(Operand::Double(*d.inner())),
        Expr::Literal(LiteralValue::String(s)) => Some(Operand::Text(s.inner().to_string())),
        Expr::Literal(LiteralValue::Boolean(b)) => Some(Operand::Bool(*b.inner())),
        Expr::Select(select) if !select.test => {
            Field::of(&qualified_name(expr)?).map(Operand::Field)
        }
        _ => None,
    }
}

/// The ordering cel 0.15 gives two numbers (`CelInt`/`CelDouble` `Comparer`).
fn number_order(a: Scalar<'_>, b: Scalar<'_>) -> Option<Ordering> {
    match (a, b) {
        (Scalar::Int(a), Scalar::Int(b)) => Some(a.cmp(&b)),
        (Scalar::Int(a), Scalar::Double(b)) => (a as f64).partial_cmp(&b),
        (Scalar::Double(a), Scalar::Int(b)) => a.partial_cmp(&(b as f64)),
        (Scalar::Double(a), Scalar::Double(b)) => a.partial_cmp(&b),
        _ => None,
    }
}

fn equal(a: Scalar<'_>, b: Scalar<'_>) -> bool {
    match (a, b) {
        (Scalar::Text(a), Scalar::Text(b)) => a == b,
        (Scalar::Bool(a), Scalar::Bool(b)) => a == b,
        _ => number_order(a, b) == Some(Ordering::Equal),
    }
}

fn compare(op: Op, a: Scalar<'_>, b: Scalar<'_>) -> Result<bool, Failed> {
    match op {
        Op::Equals => Ok(equal(a, b)),
        Op::NotEquals => Ok(!equal(a, b)),
        _ => {
            let order = number_order(a, b).ok_or(Failed)?;
            Ok(match op {
                Op::Less => order == Ordering::Less,
                Op::LessEquals => order != Ordering::Greater,
                Op::Greater => order == Ordering::Greater,
                _ => order != Ordering::Less,
            })
        }
    }
}
