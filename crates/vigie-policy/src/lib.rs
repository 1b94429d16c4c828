//! The policy stage of vigie: a platform's rules, written in TOML with conditions in CEL, turn
//! the signals of a post (and what is known of its author and reach) into one action.
//!
//! Pure library: the policy is handed in as a string by the caller.
//!
//! ```
//! use vigie_policy::{Action, EvalInput, Policy, PostContext};
//! use vigie_detect::{Category, Signal};
//!
//! let policy = Policy::from_toml("example.toml", r#"
//!     [policy]
//!     name = "example"
//!
//!     [[rule]]
//!     id = "hate"
//!     when = "signals.hate.score >= 0.8"
//!     action = "remove"
//!     reason_code = "hateful_conduct"
//!     category = "hate"
//! "#)?;
//! let signals = [Signal {
//!     detector: "lexicon".into(), category: Category::Hate, score: 0.9,
//!     evidence: vec![], targets: vec![],
//! }];
//! let verdict = policy.evaluate(&EvalInput {
//!     signals: &signals,
//!     lang: vigie_text::Lang::En,
//!     text_chars: 42,
//!     context: &PostContext::default(),
//! });
//! assert_eq!(verdict.action, Action::Remove);
//! assert_eq!(verdict.reason_code.as_deref(), Some("hateful_conduct"));
//! # Ok::<(), vigie_policy::PolicyError>(())
//! ```
//!
//! # The file
//!
//! A `[policy]` table (`name`, `description`) and `[[rule]]` tables with `id`, `description`,
//! `when` (a CEL condition), `action` (`allow`, `label`, `demote`, `hold_for_review`, `remove`,
//! `escalate_urgent`), `reason_code`, optional `category` and `mode` (`enforce`, the default, or
//! `shadow`). `data/policies/default.toml` documents it for policy writers. The version of a
//! policy ([`Policy::version`]) is the BLAKE3 of the file bytes, hex, first 16 characters.
//!
//! # What a condition sees
//!
//! * `signals.<category>.score` (double, the highest any detector gave, 0 when none; scores
//!   that are not finite are ignored, others clamped to [0, 1]), `.targets` (list of maps
//!   `{kind, id, role}`, absent id/role being `""`), `.detectors` (list of names), for every
//!   [`vigie_detect::Category`] name; `signals.threat` is `signals.violence_threat`.
//! * `post.lang` (`"en"`, `"fr"`, `"other"`, from [`EvalInput::lang`]), `post.length` (chars),
//!   `post.reach`, `post.surface`; `author.account_age_days` (double), `author.strikes`,
//!   `author.followers` (ints).
//!
//! Context the platform did not send is **absent**, not zero: `has(author.strikes)` is false
//! and reading it is an error. A rule whose condition fails on a post counts as not fired and
//! the failure is listed in [`Verdict::errors`]. In CEL `false && error` is `false`, so
//! `signals.x.score >= 0.5 && author.strikes > 1` only fails on posts that pass the score test.
//!
//! # Decision
//!
//! Every rule is evaluated, shadow ones included. The action is the most severe among the
//! enforced rules that fired; among those with that action, the first in file order gives the
//! reason code and category. Shadow rules are listed in [`Verdict::fired`] and never change the
//! action. `allow` rules are recorded but cannot lower another rule's action: write exemptions
//! into the other rules' conditions.
//!
//! # Checks at load
//!
//! A policy is refused ([`PolicyError`], naming the file, the rule's 1-based index and id, the
//! line and the reason) for: TOML errors (with line and column) and unknown keys, unknown
//! actions, modes or categories, malformed or duplicate ids, empty conditions, CEL syntax
//! errors, names that are not variables listed above (checked by walking the CEL tree, so a
//! typo in a rarely taken branch is caught too), conditions that give a non-boolean or fail
//! when every variable is present (found by evaluating each condition on two made-up posts,
//! one with everything present, one with nothing: cel 0.15 has no type checker), and hostile
//! sizes: file over [`MAX_POLICY_BYTES`], more than [`MAX_RULES`] rules, conditions over
//! [`MAX_CONDITION_BYTES`], bracket nesting over [`MAX_CONDITION_NESTING`] (cel's parser would
//! overflow the stack), trees deeper than [`MAX_CONDITION_DEPTH`], loops inside loops.
//!
//! # Speed
//!
//! Conditions are compiled once. On each post, in order of cost:
//! 1. the highest score per category is computed; if no score reaches the lowest threshold any
//!    rule needs, the post is allowed without looking at a rule (about 25 ns);
//! 2. each rule has a *guard*, the score tests at the top of its condition (`signals.x.score >=
//!    c` joined by `&&`/`||`): when it fails the condition is certainly `false`, so the rule is
//!    skipped ([`Rule::guard`]);
//! 3. conditions made of comparisons, `has()`, `&&`/`||`/`!` and `exists()` over targets or
//!    detectors run natively ([`Rule::is_native`]), with cel's own semantics;
//! 4. anything else, and a native evaluation that fails (to report cel's own error), goes to
//!    the cel interpreter, whose variables are served lazily.
//!
//! [`Policy::evaluate_cel_only`] skips 1–3; tests check it gives the same verdicts on random
//! posts. `Policy` is `Send + Sync`: cel's parsed programs are plain data, shared as they are.

mod check;
pub mod decision;
mod native;
mod policy;
mod vars;

pub use check::NameProblem;
pub use decision::{
    Action, AuthorContext, CategoryScore, Decision, DetectorVersion, EvidenceSpan, FiredRule, Mode,
    PostContext,
};
pub use policy::{
    EvalInput, MAX_CONDITION_BYTES, MAX_CONDITION_DEPTH, MAX_CONDITION_NESTING, MAX_ID_BYTES,
    MAX_POLICY_BYTES, MAX_RULES, Policy, PolicyError, Rule, RuleEvalError, RuleProblem, Verdict,
};
