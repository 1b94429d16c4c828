//! The review configuration: one TOML file with the lease, priority, second review, strike,
//! appeal and webhook retry settings, and the queues. Every section is optional and has
//! defaults; unknown keys are errors (a typo should not silently fall back to a default).
//! `crates/vigie-review/review.toml` is a complete, commented example, and [`ReviewConfig::example`]
//! returns it parsed.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::appeal::AppealConfig;
use crate::decision::SecondReviewConfig;
use crate::lease::LeaseConfig;
use crate::priority::PriorityConfig;
use crate::queue::{Queue, QueueDef};
use crate::strikes::StrikePolicy;
use crate::webhook::RetryPolicy;

/// The example configuration shipped with the crate.
pub const EXAMPLE_CONFIG: &str = include_str!("../review.toml");

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("{origin}: {detail}")]
    Toml { origin: String, detail: String },
    #[error("{origin}: {detail}")]
    Invalid { origin: String, detail: String },
}

/// Everything the review workflow is configured with.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ReviewConfig {
    pub lease: LeaseConfig,
    pub priority: PriorityConfig,
    pub second_review: SecondReviewConfig,
    pub strikes: StrikePolicy,
    pub appeals: AppealConfig,
    pub webhook_retry: RetryPolicy,
    pub queues: Vec<Queue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    lease: LeaseConfig,
    #[serde(default)]
    priority: PriorityConfig,
    #[serde(default)]
    second_review: SecondReviewConfig,
    #[serde(default)]
    strikes: StrikePolicy,
    #[serde(default)]
    appeals: AppealConfig,
    #[serde(default)]
    webhook_retry: RetryPolicy,
    #[serde(default)]
    queue: Vec<QueueDef>,
}

const KNOWN_ACTIONS: [&str; 8] = [
    "remove",
    "restore",
    "label",
    "demote",
    "age_restrict",
    "suspend_account",
    "warn",
    "no_action",
];

impl ReviewConfig {
    /// Parses and validates a config file; `origin` names it in errors (a path, "request"…).
    pub fn from_toml(origin: &str, text: &str) -> Result<ReviewConfig, ConfigError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| ConfigError::Toml {
            origin: origin.to_string(),
            detail: e.to_string().trim_end().to_string(),
        })?;
        let invalid = |detail: String| ConfigError::Invalid {
            origin: origin.to_string(),
            detail,
        };
        if file.lease.duration_minutes == 0 {
            return Err(invalid("lease.duration_minutes must be at least 1".into()));
        }
        for (field, names) in [
            ("second_review.actions", &file.second_review.actions),
            ("strikes.on_actions", &file.strikes.on_actions),
        ] {
            if let Some(unknown) = names.iter().find(|a| !KNOWN_ACTIONS.contains(&a.as_str())) {
                return Err(invalid(format!(
                    "{field}: unknown action {unknown:?} (known: {})",
                    KNOWN_ACTIONS.join(", ")
                )));
            }
        }
        if file.strikes.expiry_days == 0 {
            return Err(invalid("strikes.expiry_days must be at least 1".into()));
        }
        for (i, t) in file.strikes.thresholds.iter().enumerate() {
            if t.strikes == 0 || t.within_days == 0 || t.suspend_days == Some(0) {
                return Err(invalid(format!(
                    "strikes.thresholds[{i}]: strikes, within_days and suspend_days must be at least 1"
                )));
            }
        }
        let retry = &file.webhook_retry;
        if retry.max_attempts == 0 {
            return Err(invalid(
                "webhook_retry.max_attempts must be at least 1".into(),
            ));
        }
        if retry.base_delay_seconds > retry.max_delay_seconds {
            return Err(invalid(format!(
                "webhook_retry: base_delay_seconds ({}) is above max_delay_seconds ({})",
                retry.base_delay_seconds, retry.max_delay_seconds
            )));
        }
        let mut queues: Vec<Queue> = Vec::with_capacity(file.queue.len());
        for (i, def) in file.queue.into_iter().enumerate() {
            let queue =
                Queue::from_def(def).map_err(|e| invalid(format!("queue #{}: {e}", i + 1)))?;
            if queues.iter().any(|q| q.name == queue.name) {
                return Err(invalid(format!(
                    "queue #{}: the name {:?} is used twice",
                    i + 1,
                    queue.name
                )));
            }
            queues.push(queue);
        }
        Ok(ReviewConfig {
            lease: file.lease,
            priority: file.priority,
            second_review: file.second_review,
            strikes: file.strikes,
            appeals: file.appeals,
            webhook_retry: file.webhook_retry,
            queues,
        })
    }

    /// The example configuration ([`EXAMPLE_CONFIG`]), parsed.
    pub fn example() -> Result<ReviewConfig, ConfigError> {
        ReviewConfig::from_toml("review.toml (built in)", EXAMPLE_CONFIG)
    }

    pub fn queue(&self, name: &str) -> Option<&Queue> {
        self.queues.iter().find(|q| q.name == name)
    }
}
