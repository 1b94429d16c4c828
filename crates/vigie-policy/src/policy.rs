//! A policy file, checked and compiled once, then evaluated on every post.

use std::sync::Arc;

use cel::{Context, Env, Program, Value};
use serde::Deserialize;
use vigie_detect::{Category, Signal};
use vigie_text::Lang;

use crate::check::{self, Gate, Guard, NameProblem};
use crate::decision::{Action, FiredRule, Mode, PostContext};
use crate::native::Native;
use crate::vars::{PostVars, Scores, max_scores};

/// Largest policy file accepted, in bytes.
pub const MAX_POLICY_BYTES: usize = 1 << 20;
/// Most rules a policy may have.
pub const MAX_RULES: usize = 500;
/// Longest `when` condition, in bytes.
pub const MAX_CONDITION_BYTES: usize = 4096;
/// Deepest condition tree (each level is one recursion of the interpreter on every post).
pub const MAX_CONDITION_DEPTH: usize = 64;
/// Deepest nesting of brackets (`(`, `[`, `{`) in a condition. cel's parser needs about 180 KB
/// of stack per level in a debug build: beyond 11 levels a hostile file would overflow a 2 MB
/// thread stack while loading. Real conditions rarely nest more than 3 or 4.
pub const MAX_CONDITION_NESTING: usize = 8;
/// Longest rule id / reason code.
pub const MAX_ID_BYTES: usize = 128;

/// A policy that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PolicyError {
    #[error("{origin}: the file is {size} bytes, more than the {max} a policy may have")]
    TooLarge {
        origin: String,
        size: usize,
        max: usize,
    },
    /// The TOML is malformed or has a key the format does not know. `rule` is the 1-based index
    /// of the `[[rule]]` table the error is in, when it is in one.
    #[error("{origin}:{line}:{column}: {}{message}", rule.map(|r| format!("in rule #{r}: ")).unwrap_or_default())]
    Toml {
        origin: String,
        line: usize,
        column: usize,
        rule: Option<usize>,
        message: String,
    },
    #[error("{origin}: {count} rules, more than the {max} a policy may have")]
    TooManyRules {
        origin: String,
        count: usize,
        max: usize,
    },
    #[error("{origin}: [policy] name must not be empty")]
    EmptyName { origin: String },
    /// A rule is wrong; `index` is 1-based, in file order, and `line` is where its condition is.
    #[error("{origin}:{line}: rule #{index} `{id}`: {problem}")]
    Rule {
        origin: String,
        index: usize,
        id: String,
        line: usize,
        problem: RuleProblem,
    },
}

/// What is wrong with one rule.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RuleProblem {
    #[error(
        "id must be 1 to {MAX_ID_BYTES} characters among a-z, 0-9, `-`, `_` and `.`, got {0:?}"
    )]
    BadId(String),
    #[error("the same id as rule #{first}")]
    DuplicateId { first: usize },
    #[error(
        "reason_code must be 1 to {MAX_ID_BYTES} characters among a-z, 0-9, `-`, `_` and `.`, got {0:?}"
    )]
    BadReasonCode(String),
    #[error(
        "unknown action {0:?} (known: allow, label, demote, hold_for_review, remove, escalate_urgent)"
    )]
    UnknownAction(String),
    #[error("unknown mode {0:?} (known: enforce, shadow)")]
    UnknownMode(String),
    #[error("unknown category {0:?} (known: {known})", known = Category::ALL.map(|c| c.name()).join(", "))]
    UnknownCategory(String),
    #[error("`when` is empty")]
    EmptyCondition,
    #[error("`when` is {0} bytes, more than the {MAX_CONDITION_BYTES} allowed")]
    ConditionTooLong(usize),
    #[error("`when` nests {0} levels deep, more than the {MAX_CONDITION_DEPTH} allowed")]
    ConditionTooDeep(usize),
    #[error("`when` nests `exists`/`all`/`map`/`filter` loops {0} deep; one level is allowed")]
    NestedLoops(usize),
    #[error("`when` nests brackets {0} levels deep, more than the {MAX_CONDITION_NESTING} allowed")]
    ConditionTooNested(usize),
    /// `line`/`column` are within the condition.
    #[error("`when` does not parse as CEL at {line}:{column}: {message}")]
    Syntax {
        line: isize,
        column: isize,
        message: String,
    },
    #[error("`when` uses an {0}")]
    Name(NameProblem),
    #[error("`when` must give a boolean, but gives {0}")]
    NotBoolean(String),
    /// Evaluated once at load with every variable present, the condition failed: it would fail
    /// on every post too (a type error such as comparing a string with a number).
    #[error("`when` fails even when every variable is present: {0}")]
    Evaluation(String),
}

/// A rule as written in the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: toml::Spanned<String>,
    #[serde(default)]
    description: String,
    when: toml::Spanned<String>,
    action: String,
    reason_code: String,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    mode: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    name: String,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicySpec {
    policy: Header,
    #[serde(default)]
    rule: Vec<RuleSpec>,
}

/// One compiled rule.
#[derive(Debug)]
pub struct Rule {
    /// Shared with every [`FiredRule`] of this rule.
    id: Arc<str>,
    description: String,
    when: String,
    action: Action,
    mode: Mode,
    reason_code: Arc<str>,
    category: Option<Category>,
    line: usize,
    guard: Guard,
    gate: Gate,
    /// The condition for the native evaluator, when it is within its subset.
    native: Option<Native>,
    program: Program,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn description(&self) -> &str {
        &self.description
    }
    /// The CEL condition as written.
    pub fn when(&self) -> &str {
        &self.when
    }
    pub fn action(&self) -> Action {
        self.action
    }
    pub fn mode(&self) -> Mode {
        self.mode
    }
    pub fn reason_code(&self) -> &str {
        &self.reason_code
    }
    pub fn category(&self) -> Option<Category> {
        self.category
    }
    /// Line of the condition in the policy file.
    pub fn line(&self) -> usize {
        self.line
    }
    /// The score test that lets evaluation skip this rule on most posts, as CEL, or `None`
    /// when the rule is evaluated on every post (worth a warning in `vigie policy check`).
    pub fn guard(&self) -> Option<String> {
        self.guard.describe()
    }
    /// Whether the condition runs natively; otherwise each evaluation goes through the CEL
    /// interpreter, about 1 µs more (lists of targets and detectors, macros, functions…).
    pub fn is_native(&self) -> bool {
        self.native.is_some()
    }

    fn fired(&self) -> FiredRule {
        FiredRule {
            id: Arc::clone(&self.id),
            action: self.action,
            mode: self.mode,
            reason_code: Arc::clone(&self.reason_code),
            category: self.category,
        }
    }
}

/// What the policy needs to know about one post.
#[derive(Debug, Clone, Copy)]
pub struct EvalInput<'a> {
    pub signals: &'a [Signal],
    /// Language the post was analysed in (`post.lang`).
    pub lang: Lang,
    /// Length of the post in chars (`post.length`).
    pub text_chars: usize,
    pub context: &'a PostContext,
}

/// A rule whose condition failed at run time on this post: it counted as not fired.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleEvalError {
    pub rule_id: String,
    pub message: String,
}

/// The outcome of a policy on one post.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Verdict {
    /// The most severe action of the enforced rules that fired; `Allow` when none did.
    pub action: Action,
    /// Reason code of the rule that set the action (`None` when no enforced rule fired).
    pub reason_code: Option<Arc<str>>,
    /// Category of the rule that set the action.
    pub category: Option<Category>,
    /// Every rule that fired, enforced and shadow, in file order.
    pub fired: Vec<FiredRule>,
    /// Rules whose condition failed on this post (usually a value the platform did not send,
    /// read without `has()`); each counted as not fired.
    pub errors: Vec<RuleEvalError>,
}

/// A checked, compiled policy. Built once, shared by every thread (`Send + Sync`).
pub struct Policy {
    name: String,
    description: String,
    version: String,
    rules: Vec<Rule>,
    /// Per category, the lowest score any rule needs; `None` when some rule has no guard.
    /// A post below all of them is allowed without looking at any rule.
    thresholds: Option<Scores>,
    env: Arc<Env>,
}

impl std::fmt::Debug for Policy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Policy")
            .field("name", &self.name)
            .field("version", &self.version)
            .field("rules", &self.rules)
            .finish_non_exhaustive()
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_BYTES
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Which `[[rule]]` table (1-based) a byte offset falls in, if any.
fn rule_at(text: &str, offset: usize) -> Option<usize> {
    let before = text.get(..offset).unwrap_or(text);
    let mut rule = None;
    let mut count = 0;
    for line in before.lines() {
        let line = line.trim_start();
        if line.starts_with("[[rule]]") {
            count += 1;
            rule = Some(count);
        } else if line.starts_with('[') {
            rule = None;
        }
    }
    rule
}

impl Policy {
    /// Reads a policy from the text of its file; `origin` (usually the path) names it in errors.
    pub fn from_toml(origin: &str, text: &str) -> Result<Policy, PolicyError> {
        if text.len() > MAX_POLICY_BYTES {
            return Err(PolicyError::TooLarge {
                origin: origin.to_string(),
                size: text.len(),
                max: MAX_POLICY_BYTES,
            });
        }
        let spec: PolicySpec = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let (line, column) = line_col(text, offset);
            PolicyError::Toml {
                origin: origin.to_string(),
                line,
                column,
                rule: rule_at(text, offset),
                message: e.message().trim_end().to_string(),
            }
        })?;
        if spec.rule.len() > MAX_RULES {
            return Err(PolicyError::TooManyRules {
                origin: origin.to_string(),
                count: spec.rule.len(),
                max: MAX_RULES,
            });
        }
        if spec.policy.name.trim().is_empty() {
            return Err(PolicyError::EmptyName {
                origin: origin.to_string(),
            });
        }
        let env = Arc::new(Env::stdlib());
        let mut rules: Vec<Rule> = Vec::with_capacity(spec.rule.len());
        for (i, rule_spec) in spec.rule.into_iter().enumerate() {
            let index = i + 1;
            let line = line_col(text, rule_spec.when.span().start).0;
            let id = rule_spec.id.get_ref().clone();
            let fail = |problem: RuleProblem| PolicyError::Rule {
                origin: origin.to_string(),
                index,
                id: id.clone(),
                line,
                problem,
            };
            if !valid_id(&id) {
                return Err(fail(RuleProblem::BadId(id.clone())));
            }
            if let Some(first) = rules.iter().position(|r| *r.id == *id) {
                return Err(fail(RuleProblem::DuplicateId { first: first + 1 }));
            }
            let rule = compile_rule(&env, rule_spec, line).map_err(fail)?;
            rules.push(rule);
        }
        let thresholds =
            rules
                .iter()
                .try_fold([f64::INFINITY; Category::ALL.len()], |mut lowest, rule| {
                    for (l, t) in lowest.iter_mut().zip(rule.guard.thresholds()?) {
                        *l = l.min(t);
                    }
                    Some(lowest)
                });
        Ok(Policy {
            name: spec.policy.name,
            description: spec.policy.description,
            version: version_of(text),
            rules,
            thresholds,
            env,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn description(&self) -> &str {
        &self.description
    }

    /// BLAKE3 of the file bytes, hex, first 16 characters.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The rules in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Applies the policy to one post.
    pub fn evaluate(&self, input: &EvalInput<'_>) -> Verdict {
        self.evaluate_with(input, true)
    }

    /// Same verdict as [`Policy::evaluate`], by the CEL interpreter alone: every condition on
    /// every post, without the guards that skip most of them or the native evaluator. The
    /// reference the fast path is tested against, and a measure of what it saves; many times
    /// slower.
    pub fn evaluate_cel_only(&self, input: &EvalInput<'_>) -> Verdict {
        self.evaluate_with(input, false)
    }

    fn evaluate_with(&self, input: &EvalInput<'_>, fast: bool) -> Verdict {
        let scores = max_scores(input.signals);
        if let Some(thresholds) = &self.thresholds
            && fast
            && scores.iter().zip(thresholds).all(|(s, t)| s < t)
        {
            return Verdict::default();
        }
        let vars = PostVars {
            signals: input.signals,
            scores: &scores,
            lang: input.lang,
            text_chars: input.text_chars,
            context: input.context,
        };
        // Built only when a rule passes its guard: most posts never need it.
        let mut context: Option<Context<'_, '_>> = None;
        let mut verdict = Verdict::default();
        let mut winner: Option<&Rule> = None;
        for rule in &self.rules {
            if fast
                && !(rule.gate.passes(&scores)
                    && (rule.gate.whole_guard || rule.guard.passes(&scores)))
            {
                continue;
            }
            let native = match &rule.native {
                // on failure, CEL evaluates it again to report its own error
                Some(native) if fast => native.eval(&vars).ok(),
                _ => None,
            };
            let fired = match native {
                Some(fired) => fired,
                None => self.evaluate_in_cel(rule, &mut context, &vars, &mut verdict),
            };
            if !fired {
                continue;
            }
            verdict.fired.push(rule.fired());
            if rule.mode == Mode::Enforce && winner.is_none_or(|w| rule.action > w.action) {
                winner = Some(rule);
            }
        }
        if let Some(rule) = winner {
            verdict.action = rule.action;
            verdict.reason_code = Some(Arc::clone(&rule.reason_code));
            verdict.category = rule.category;
        }
        verdict
    }

    /// Whether the rule fires, by the interpreter; a failure is recorded in the verdict.
    fn evaluate_in_cel<'v>(
        &self,
        rule: &Rule,
        context: &mut Option<Context<'v, 'v>>,
        vars: &'v PostVars<'v>,
        verdict: &mut Verdict,
    ) -> bool {
        let context = context.get_or_insert_with(|| {
            let mut context = Context::with_env(Arc::clone(&self.env));
            context.set_variable_resolver(vars);
            context
        });
        match rule.program.execute(context) {
            Ok(Value::Bool(fired)) => fired,
            Ok(other) => {
                verdict.errors.push(RuleEvalError {
                    rule_id: rule.id.to_string(),
                    message: format!("condition gave {} instead of a boolean", type_name(&other)),
                });
                false
            }
            Err(e) => {
                verdict.errors.push(RuleEvalError {
                    rule_id: rule.id.to_string(),
                    message: e.to_string(),
                });
                false
            }
        }
    }
}

/// Deepest bracket nesting outside string literals. A small scanner written here rather than
/// the CEL lexer because the point is to run before the parser, which is what could overflow.
/// Raw strings and triple quotes are not told apart: at worst a bracket inside one counts,
/// which can only refuse, never let a deeper condition through.
fn bracket_nesting(source: &str) -> usize {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut quote: Option<char> = None;
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        match quote {
            Some(q) => {
                if c == '\\' {
                    chars.next();
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ')' | ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    deepest
}

fn version_of(text: &str) -> String {
    let hash = blake3::hash(text.as_bytes());
    let mut hex = hash.to_hex().to_string();
    hex.truncate(16);
    hex
}

fn type_name(value: &Value) -> String {
    value.type_of().to_string()
}

fn compile_rule(env: &Arc<Env>, spec: RuleSpec, line: usize) -> Result<Rule, RuleProblem> {
    let reason_code = spec.reason_code;
    if !valid_id(&reason_code) {
        return Err(RuleProblem::BadReasonCode(reason_code));
    }
    let action = Action::from_name(&spec.action).ok_or(RuleProblem::UnknownAction(spec.action))?;
    let mode = match spec.mode.as_deref() {
        None | Some("enforce") => Mode::Enforce,
        Some("shadow") => Mode::Shadow,
        Some(other) => return Err(RuleProblem::UnknownMode(other.to_string())),
    };
    let category = match spec.category {
        None => None,
        Some(name) => Some(Category::from_name(&name).ok_or(RuleProblem::UnknownCategory(name))?),
    };
    let when = spec.when.into_inner();
    if when.trim().is_empty() {
        return Err(RuleProblem::EmptyCondition);
    }
    if when.len() > MAX_CONDITION_BYTES {
        return Err(RuleProblem::ConditionTooLong(when.len()));
    }
    let nesting = bracket_nesting(&when);
    if nesting > MAX_CONDITION_NESTING {
        return Err(RuleProblem::ConditionTooNested(nesting));
    }
    let program = env.compile(&when).map_err(|errors| {
        let first = errors.errors.first();
        RuleProblem::Syntax {
            line: first.map_or(0, |e| e.pos.0),
            column: first.map_or(0, |e| e.pos.1),
            message: first.map_or_else(|| errors.to_string(), |e| e.msg.clone()),
        }
    })?;
    let depth = check::depth(program.expression());
    if depth > MAX_CONDITION_DEPTH {
        return Err(RuleProblem::ConditionTooDeep(depth));
    }
    let loops = check::loop_nesting(program.expression());
    if loops > 1 {
        return Err(RuleProblem::NestedLoops(loops));
    }
    check::check_names(program.expression()).map_err(RuleProblem::Name)?;
    trial_evaluation(env, &program)?;
    let guard = check::guard_of(program.expression());
    let gate = guard.gate();
    let native = Native::compile(program.expression());
    Ok(Rule {
        id: Arc::from(spec.id.into_inner()),
        description: spec.description,
        when,
        action,
        mode,
        reason_code: Arc::from(reason_code),
        category,
        line,
        guard,
        gate,
        native,
        program,
    })
}

/// Runs the condition on two made-up posts: one with every variable present (the condition
/// must give a boolean there), one with nothing at all (it may fail there, reading an absent
/// value, but must not give a non-boolean). This catches type errors a CEL type checker would,
/// which cel 0.15 does not have.
fn trial_evaluation(env: &Arc<Env>, program: &Program) -> Result<(), RuleProblem> {
    use crate::decision::AuthorContext;
    use vigie_detect::Target;

    let full_signals: Vec<Signal> = Category::ALL
        .iter()
        .map(|&category| Signal {
            detector: "trial".into(),
            category,
            score: 0.5,
            evidence: Vec::new(),
            targets: vec![
                Target::Group {
                    id: "group".to_string(),
                },
                Target::Watchlisted {
                    id: "person".to_string(),
                    role: "official".to_string(),
                },
                Target::Addressee,
            ],
        })
        .collect();
    let full_context = PostContext {
        lang: Some("en".to_string()),
        reach: Some(1000),
        surface: Some("post".to_string()),
        author: AuthorContext {
            id: Some("author".to_string()),
            account_age_days: Some(30.0),
            strikes: Some(1),
            followers: Some(100),
        },
    };
    let empty_context = PostContext::default();
    for (signals, post_context, must_succeed) in [
        (full_signals.as_slice(), &full_context, true),
        (&[][..], &empty_context, false),
    ] {
        let scores = max_scores(signals);
        let vars = PostVars {
            signals,
            scores: &scores,
            lang: Lang::En,
            text_chars: 100,
            context: post_context,
        };
        let mut context = Context::with_env(Arc::clone(env));
        context.set_variable_resolver(&vars);
        match program.execute(&context) {
            Ok(Value::Bool(_)) => {}
            Ok(other) => return Err(RuleProblem::NotBoolean(type_name(&other))),
            Err(e) if must_succeed => return Err(RuleProblem::Evaluation(e.to_string())),
            Err(_) => {}
        }
    }
    Ok(())
}
