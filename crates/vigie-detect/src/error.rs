//! Errors raised while loading detection data. Every variant names the file (its `origin`, as the
//! caller gave it) so that a platform editing its own lexicon knows where to look.

/// A data file (lexicon, groups, watchlist, patterns) could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DetectError {
    /// A line of a CSV lexicon is malformed.
    #[error("{origin}:{line}: {reason}")]
    Lexicon {
        origin: String,
        line: u64,
        reason: String,
    },
    /// A TOML file (groups, watchlist, patterns) is malformed or has an invalid value.
    #[error("{origin}: {reason}")]
    Toml { origin: String, reason: String },
    /// The matching automaton could not be built (e.g. the data is too large).
    #[error("building the matcher for {what}: {reason}")]
    Automaton { what: String, reason: String },
}

impl DetectError {
    pub(crate) fn toml(origin: &str, reason: impl std::fmt::Display) -> Self {
        DetectError::Toml {
            origin: origin.to_owned(),
            reason: reason.to_string(),
        }
    }
}
