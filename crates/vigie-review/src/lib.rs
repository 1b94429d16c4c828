//! The review workflow of vigie — the human half of moderation — as a pure library: no I/O,
//! no async, no clock reads (time comes in as a value, or through [`Clock`]), no global state.
//! The store (SQLite or PostgreSQL) persists these types as they are (all are serde types)
//! and the server exposes them; both rely on the rules implemented and tested here.
//!
//! - [`case`]: a [`Case`] gathers a subject, its automated decision, its reports and notices,
//!   and walks a status machine (open → assigned → escalated → resolved → appealed → resolved)
//!   whose every transition checks that it is legal and says why when it is not.
//! - [`lease`]: claiming a case for a while; nobody else decides it meanwhile.
//! - [`decision`]: what a moderator decides, the second review, and the [`Effect`]s that the
//!   service must carry out (apply an action, add a strike, send a webhook…).
//! - [`priority`]: one number per case and the human explanation of its parts.
//! - [`queue`]: queues defined in TOML, a matcher and the filter description for the store.
//! - [`strikes`]: strikes on authors, their expiry and the thresholds that propose sanctions.
//! - [`appeal`]: appeals by authors and who may review them.
//! - [`roles`]: who may do what.
//! - [`webhook`]: payloads, idempotency keys, HMAC-SHA256 signatures and the retry schedule.
//! - [`training`]: a resolved case as a row for `vigie train`.
//! - [`config`]: the one TOML file that configures all of the above.
//!
//! Times are unix microseconds in an `i64`, as in `vigie-store`. Identifiers are strings.
//!
//! ```
//! use vigie_review::{
//!     Actor, Case, CaseStatus, DecideOutcome, DecisionInput, Effect, ModeratorAction,
//!     ReviewConfig, Role, Subject, case::Report,
//! };
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let config = ReviewConfig::example()?;
//! let now = 1_700_000_000_000_000;
//! let subject = Subject::Post {
//!     platform: "forum".into(),
//!     post_id: "p1".into(),
//!     author: Some("u1".into()),
//! };
//! let report = Report {
//!     id: "r1".into(),
//!     reporter: Some("u2".into()),
//!     category: None,
//!     reason: Some("insults me in every thread".into()),
//!     received_at: now,
//! };
//! let mut case = Case::from_report("c1", subject, report, &config, now);
//! let queue = vigie_review::route(&config.queues, &case).map(|q| q.name.as_str());
//! assert_eq!(queue, Some("general"));
//!
//! let alice = Actor::new("alice", Role::Moderator);
//! case.claim(&alice, now, &config.lease)?;
//! let input = DecisionInput {
//!     action: ModeratorAction::Remove,
//!     reason_code: "harassment.targeted".into(),
//!     note: None,
//!     categories: vec![vigie_detect::Category::Harassment],
//! };
//! let DecideOutcome::Resolved { effects, .. } = case.decide(&alice, input, &config, now + 1)?
//! else {
//!     unreachable!("no second review for a removal on a non-urgent case")
//! };
//! assert_eq!(case.status, CaseStatus::Resolved);
//! // Apply the removal, record a strike on u1, notify the platform.
//! assert!(matches!(effects.as_slice(), [
//!     Effect::ApplyAction { .. },
//!     Effect::AddStrike { .. },
//!     Effect::Notify { .. },
//! ]));
//! # Ok(())
//! # }
//! ```

pub mod appeal;
pub mod case;
pub mod clock;
pub mod config;
pub mod decision;
pub mod error;
pub mod lease;
pub mod notice;
pub mod priority;
pub mod queue;
pub mod roles;
pub mod strikes;
pub mod training;
pub mod webhook;

pub use appeal::{Appeal, AppealConfig, AppealOutcome, ReviewerCandidate, assign_appeal_reviewer};
pub use case::{Case, CaseColumns, CaseStatus, Escalation, Notice, Report, Source, Subject};
pub use clock::{Clock, ManualClock, SystemClock};
pub use config::{ConfigError, ReviewConfig};
pub use decision::{
    DecideOutcome, DecisionInput, Effect, ModeratorAction, ModeratorDecision, SecondReviewConfig,
    SecondReviewVerdict,
};
pub use error::ReviewError;
pub use lease::{Lease, LeaseConfig};
pub use notice::{
    ClockState, ClockStep, DeadlineSource, DeadlineStatus, HostReport, HostReportRow, NoticeConfig,
    NoticeError, NotifierKind,
};
pub use priority::{DeadlineBand, Priority, PriorityConfig, PriorityPart};
pub use queue::{Queue, QueueDef, QueueFilter, QueueOrder, route};
pub use roles::{Actor, Permission, Role};
pub use strikes::{Strike, StrikePolicy, StrikeProposal, StrikeThreshold};
pub use training::{TRAINING_LABELS, TrainingRow, training_row};
pub use webhook::{
    AttemptResult, Delivery, DeliveryState, EventType, RetryPolicy, SIGNATURE_HEADER,
    SignatureError, WebhookEvent, idempotency_key, sign_payload, verify_signature,
};

/// Unix time in microseconds, the time type of `vigie-store`.
pub type Micros = i64;

pub const MICROS_PER_SECOND: Micros = 1_000_000;
pub const MICROS_PER_MINUTE: Micros = 60 * MICROS_PER_SECOND;
pub const MICROS_PER_HOUR: Micros = 60 * MICROS_PER_MINUTE;
pub const MICROS_PER_DAY: Micros = 24 * MICROS_PER_HOUR;
