//! The policy stage of vigie: a platform's rules, written in TOML with conditions in CEL, turn
//! the signals of a post (and what is known of its author and reach) into one action.
//!
//! Pure library: the policy is handed in as a string by the caller.

pub mod decision;

pub use decision::{
    Action, AuthorContext, CategoryScore, Decision, DetectorVersion, EvidenceSpan, FiredRule, Mode,
    PostContext,
};
