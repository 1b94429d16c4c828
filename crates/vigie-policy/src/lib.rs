//! The policy stage of vigie: a platform's rules, written in TOML with conditions in CEL, turn
//! the signals of a post (and what is known of its author and reach) into one action.
//!
//! Pure library: the policy is handed in as a string by the caller.

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
