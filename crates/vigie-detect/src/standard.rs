//! Building every standard detector from its data files.

use std::sync::Arc;

use crate::lexicon::{Lexicon, LexiconDetector};
use crate::targets::TargetMatcher;
use crate::threat::{ThreatDetector, ThreatPatterns};
use crate::{DetectError, Detector, DetectorSet};

/// The data files of the standard detectors, each as `(origin, source)`: `origin` names the
/// file in errors, `source` is its content.
#[derive(Debug, Clone, Default)]
pub struct DetectData<'a> {
    /// CSV lexicons, in order: later ones add to and override earlier ones.
    pub lexicons: Vec<(&'a str, &'a str)>,
    /// Protected groups (`data/lexicons/groups.toml`).
    pub groups: (&'a str, &'a str),
    /// People a platform protects specially (`data/watchlist.example.toml`).
    pub watchlist: Option<(&'a str, &'a str)>,
    /// Threat pattern vocabularies (`data/patterns/*.toml`).
    pub patterns: Vec<(&'a str, &'a str)>,
}

/// The default data shipped with vigie, embedded at compile time.
pub mod defaults {
    pub const LEXICON_EN: &str = include_str!("../../../data/lexicons/en.csv");
    pub const LEXICON_FR: &str = include_str!("../../../data/lexicons/fr.csv");
    pub const GROUPS: &str = include_str!("../../../data/lexicons/groups.toml");
    pub const PATTERNS_EN: &str = include_str!("../../../data/patterns/en.toml");
    pub const PATTERNS_FR: &str = include_str!("../../../data/patterns/fr.toml");
    /// An example watchlist with fictional people, for tests and demos; platforms bring their own.
    pub const WATCHLIST_EXAMPLE: &str = include_str!("../../../data/watchlist.example.toml");
}

impl DetectData<'static> {
    /// The embedded default lexicons, groups and patterns, without a watchlist.
    pub fn defaults() -> Self {
        DetectData {
            lexicons: vec![
                ("data/lexicons/en.csv", defaults::LEXICON_EN),
                ("data/lexicons/fr.csv", defaults::LEXICON_FR),
            ],
            groups: ("data/lexicons/groups.toml", defaults::GROUPS),
            watchlist: None,
            patterns: vec![
                ("data/patterns/en.toml", defaults::PATTERNS_EN),
                ("data/patterns/fr.toml", defaults::PATTERNS_FR),
            ],
        }
    }
}

impl<'a> DetectData<'a> {
    /// Adds a lexicon after the others (it wins over them).
    pub fn with_lexicon(mut self, origin: &'a str, source: &'a str) -> Self {
        self.lexicons.push((origin, source));
        self
    }

    pub fn with_watchlist(mut self, origin: &'a str, source: &'a str) -> Self {
        self.watchlist = Some((origin, source));
        self
    }
}

/// Builds the lexicon and threat detectors, in the order they should run.
pub fn standard_detectors(data: &DetectData<'_>) -> Result<Vec<Box<dyn Detector>>, DetectError> {
    let targets = Arc::new(TargetMatcher::new(data.groups, data.watchlist)?);
    let lexicon = Lexicon::from_sources(&data.lexicons)?;
    let patterns = ThreatPatterns::from_sources(&data.patterns)?;
    Ok(vec![
        Box::new(LexiconDetector::new(lexicon, Some(Arc::clone(&targets)))),
        Box::new(ThreatDetector::new(patterns, targets)),
    ])
}

/// [`standard_detectors`] as a ready [`DetectorSet`].
pub fn standard_detector_set(data: &DetectData<'_>) -> Result<DetectorSet, DetectError> {
    let mut set = DetectorSet::new();
    for detector in standard_detectors(data)? {
        set.push(detector);
    }
    Ok(set)
}
