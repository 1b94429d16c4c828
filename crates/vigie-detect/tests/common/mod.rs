//! Shared helpers: the standard detectors on the embedded data plus the example watchlist,
//! run through the real normalizer.
#![allow(dead_code)]

use vigie_detect::{Category, DetectData, DetectorSet, Signal, defaults, standard_detector_set};
use vigie_text::{Lang, Normalizer};

pub struct Harness {
    pub normalizer: Normalizer,
    pub detectors: DetectorSet,
}

/// The standard harness, built once per test binary (building the automata is the slow part
/// of a debug test run).
pub fn shared() -> &'static Harness {
    static SHARED: std::sync::OnceLock<Harness> = std::sync::OnceLock::new();
    SHARED.get_or_init(Harness::standard)
}

impl Harness {
    pub fn standard() -> Harness {
        let data = DetectData::defaults()
            .with_watchlist("data/watchlist.example.toml", defaults::WATCHLIST_EXAMPLE);
        Harness::with_data(&data)
    }

    pub fn with_data(data: &DetectData<'_>) -> Harness {
        let detectors = match standard_detector_set(data) {
            Ok(set) => set,
            Err(e) => panic!("default data must load: {e}"),
        };
        Harness {
            normalizer: Normalizer::new(),
            detectors,
        }
    }

    pub fn signals(&self, text: &str, lang: Option<Lang>) -> Vec<Signal> {
        let normalized = self.normalizer.normalize(text, lang);
        let mut out = Vec::new();
        self.detectors.detect(text, &normalized, &mut out);
        out
    }

    /// Highest score any detector gives `category` on `text`.
    pub fn score(&self, text: &str, lang: Option<Lang>, category: Category) -> f32 {
        max_score(&self.signals(text, lang), category)
    }
}

pub fn max_score(signals: &[Signal], category: Category) -> f32 {
    signals
        .iter()
        .filter(|s| s.category == category)
        .map(|s| s.score)
        .fold(0.0, f32::max)
}
