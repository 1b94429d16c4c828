//! The vigie pipeline: post → normalize → detect → policy → [`Decision`].
//!
//! Pure library. Default data (lexicons, patterns, policy, model) is embedded at compile time;
//! a caller that reads its own files hands them in as strings through [`EngineBuilder`].

use vigie_detect::{DetectorSet, Signal};
use vigie_text::{Lang, Normalized, Normalizer};

/// What the text and detection stages found in one post, before any policy.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub normalized: Normalized,
    pub signals: Vec<Signal>,
}

/// Errors building an engine from its data files.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("{0}")]
    Data(String),
}

/// Builds an [`Engine`].
#[derive(Default)]
pub struct EngineBuilder {
    without_classifier: bool,
}

impl EngineBuilder {
    /// Leaves the built-in classifier out (to train it on the rule-based signals, or to compare).
    pub fn without_classifier(mut self) -> Self {
        self.without_classifier = true;
        self
    }

    pub fn build(self) -> Result<Engine, EngineError> {
        Ok(Engine { normalizer: Normalizer::new(), detectors: DetectorSet::new() })
    }
}

/// The whole pipeline, built once and shared by every thread.
pub struct Engine {
    normalizer: Normalizer,
    detectors: DetectorSet,
}

impl Engine {
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// Normalizes and runs every detector on one text.
    pub fn analyze(&self, text: &str, lang_hint: Option<Lang>) -> Analysis {
        let normalized = self.normalizer.normalize(text, lang_hint);
        let mut signals = Vec::new();
        self.detectors.detect(text, &normalized, &mut signals);
        Analysis { normalized, signals }
    }
}
