//! The refusals of the review workflow. Each one says which case, who, and why, so that the
//! API can return it as is to the moderator who tried.

use thiserror::Error;

use crate::Micros;
use crate::case::CaseStatus;
use crate::roles::{Permission, Role};

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReviewError {
    #[error("{actor} ({role}) may not {permission}")]
    Forbidden {
        actor: String,
        role: Role,
        permission: Permission,
    },

    #[error("case {case_id}: cannot {attempted} a case that is {status}")]
    IllegalTransition {
        case_id: String,
        status: CaseStatus,
        attempted: &'static str,
    },

    #[error("case {case_id} is claimed by {holder} until {expires_at} (unix µs)")]
    LeaseHeld {
        case_id: String,
        holder: String,
        expires_at: Micros,
    },

    #[error("case {case_id}: {actor} has not claimed it (claim it before deciding)")]
    NotClaimed { case_id: String, actor: String },

    #[error(
        "case {case_id}: the claim of {actor} expired at {expired_at} (unix µs); claim it again"
    )]
    LeaseExpired {
        case_id: String,
        actor: String,
        expired_at: Micros,
    },

    #[error("case {case_id}: {actor} already holds it; renew the claim instead")]
    AlreadyClaimed { case_id: String, actor: String },

    #[error("case {case_id}: the claim was already renewed {renewals} times, the most allowed")]
    RenewalLimit { case_id: String, renewals: u32 },

    #[error("case {case_id}: {actor} made the first decision and cannot review it")]
    SameModerator { case_id: String, actor: String },

    #[error("case {case_id}: only the author of the decided content may appeal, not {appellant}")]
    NotAuthor { case_id: String, appellant: String },

    #[error(
        "case {case_id}: the decision {decision_id} took no action against the author; nothing to appeal"
    )]
    NothingToAppeal {
        case_id: String,
        decision_id: String,
    },

    #[error("case {case_id}: appeals close {window_days} days after the decision")]
    AppealWindowClosed { case_id: String, window_days: u32 },

    #[error("case {case_id}: decision {decision_id} was already appealed")]
    AlreadyAppealed {
        case_id: String,
        decision_id: String,
    },

    #[error("case {case_id}: the appeal is assigned to {assigned_to:?}, not {actor}")]
    NotAppealReviewer {
        case_id: String,
        assigned_to: Option<String>,
        actor: String,
    },

    #[error(
        "case {case_id}: no eligible reviewer among {candidates} candidates (reviewers must be moderators who did not decide the case)"
    )]
    NoEligibleReviewer { case_id: String, candidates: usize },

    #[error("case {case_id}: invalid decision: {detail}")]
    InvalidDecision { case_id: String, detail: String },
}
