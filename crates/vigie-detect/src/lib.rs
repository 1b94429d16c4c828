//! The detection stage of vigie: reads a normalized post and emits [`Signal`]s — a category, a
//! score in [0, 1], and the evidence (byte spans of the original text) behind it.
//!
//! Every detector implements [`Detector`]; a [`DetectorSet`] runs them in order, each seeing the
//! signals of those before it (the classifier uses the lexicon and pattern signals as features).
//!
//! Pure library: data files (lexicons, watchlists) are handed in as strings by the caller.
//!
//! The standard detectors and their data:
//! - [`LexiconDetector`] (`lexicon`): slurs, dehumanising terms, insults, profanity, sexual
//!   terms, intimidation phrases, from CSV lexicons (`data/lexicons/{en,fr}.csv`, format in
//!   their headers) compiled into one automaton for all languages;
//! - [`ThreatDetector`] (`threat_pattern`): `violence_threat` and `incitement` from role
//!   vocabularies (`data/patterns/{en,fr}.toml`) and rules over their positions, raised by the
//!   protected groups (`data/lexicons/groups.toml`) and watchlisted people a post names
//!   ([`TargetMatcher`]).
//!
//! Build them with [`standard_detectors`] (or [`standard_detector_set`]) from a
//! [`DetectData`]: `DetectData::defaults()` embeds the shipped files; `with_lexicon` adds a
//! platform's own lexicon after them (it extends and overrides), `with_watchlist` its watchlist.
//! Each detector's `version()` is a digest of the data it was built from.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use vigie_text::{Normalized, Span};

mod error;
pub mod lexicon;
mod phrases;
mod standard;
pub mod targets;
pub mod threat;

pub use error::DetectError;
pub use lexicon::{Lexicon, LexiconDetector};
pub use standard::{DetectData, defaults, standard_detector_set, standard_detectors};
pub use targets::TargetMatcher;
pub use threat::{ThreatDetector, ThreatPatterns};

/// What a signal is about. The wire names (`snake_case`) are the ones policies use:
/// `signals.violence_threat.score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Attacks on people for a protected characteristic: slurs, dehumanisation, calls to exclude.
    Hate,
    /// A threat of violence against a person or a group, by the speaker or people with them.
    ViolenceThreat,
    /// Calling on others to commit violence ("someone should…", "let's go and…").
    Incitement,
    /// Abuse aimed at an individual: insults, intimidation, wishing harm.
    Harassment,
    /// Rude, disrespectful or unreasonable language in general.
    Toxicity,
    /// Swearing and obscenity, whoever it targets.
    Profanity,
    Sexual,
    SelfHarm,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Hate,
        Category::ViolenceThreat,
        Category::Incitement,
        Category::Harassment,
        Category::Toxicity,
        Category::Profanity,
        Category::Sexual,
        Category::SelfHarm,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Hate => "hate",
            Category::ViolenceThreat => "violence_threat",
            Category::Incitement => "incitement",
            Category::Harassment => "harassment",
            Category::Toxicity => "toxicity",
            Category::Profanity => "profanity",
            Category::Sexual => "sexual",
            Category::SelfHarm => "self_harm",
        }
    }

    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Who or what a signal says is targeted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    /// A protected group ("jews", "muslims", "les noirs"), by its canonical id from the lexicon.
    Group { id: String },
    /// A person or entity on the platform's watchlist (official, journalist…), by watchlist id.
    Watchlisted { id: String, role: String },
    /// The addressee of the post ("you").
    Addressee,
}

/// Why a detector said what it said: a span of the original text and what it matched there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub span: Span,
    /// The lexicon entry, pattern id or feature that matched (e.g. `lexicon:en:slur:…`,
    /// `pattern:en:first_person_future_kill`).
    pub matched: String,
}

/// One finding of one detector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// Name of the detector that produced it (`lexicon`, `threat_pattern`, `classifier`…).
    /// Borrowed for the built-in detectors: a signal then costs no allocation for its name.
    pub detector: Cow<'static, str>,
    pub category: Category,
    /// In [0, 1]; detectors calibrate so that 0.5 means "more likely than not".
    pub score: f32,
    pub evidence: Vec<Evidence>,
    pub targets: Vec<Target>,
}

/// What a detector sees of a post.
pub struct DetectInput<'a> {
    /// The post as published.
    pub original: &'a str,
    pub normalized: &'a Normalized,
    /// Signals emitted by detectors that ran before this one.
    pub prior: &'a [Signal],
}

/// A source of signals. Implementations must be cheap to call (they run on every post), must not
/// panic on any input, and must be `Send + Sync` so one instance serves every thread.
pub trait Detector: Send + Sync {
    /// Short stable name, used in signals and decisions.
    fn name(&self) -> &str;
    /// Version of the detector and its data (e.g. a lexicon digest), recorded in each decision.
    fn version(&self) -> &str;
    /// Appends this detector's signals for one post to `out`.
    fn detect(&self, input: &DetectInput<'_>, out: &mut Vec<Signal>);
}

/// Detectors run in order on each post.
#[derive(Default)]
pub struct DetectorSet {
    detectors: Vec<Box<dyn Detector>>,
}

impl DetectorSet {
    pub fn new() -> Self {
        DetectorSet::default()
    }

    pub fn push(&mut self, detector: Box<dyn Detector>) {
        self.detectors.push(detector);
    }

    pub fn iter(&self) -> impl Iterator<Item = &dyn Detector> {
        self.detectors.iter().map(|d| d.as_ref())
    }

    /// Runs every detector; `out` is cleared first and holds all signals after.
    pub fn detect(&self, original: &str, normalized: &Normalized, out: &mut Vec<Signal>) {
        self.detect_with(original, normalized, out, &mut Vec::new());
    }

    /// [`DetectorSet::detect`] with a buffer the caller keeps from post to post (`spare`, left
    /// empty), so that collecting each detector's signals allocates nothing.
    pub fn detect_with(
        &self,
        original: &str,
        normalized: &Normalized,
        out: &mut Vec<Signal>,
        spare: &mut Vec<Signal>,
    ) {
        out.clear();
        for d in &self.detectors {
            // Detectors only read the signals of earlier detectors; collect this one's apart so
            // the borrow of `prior` does not overlap the push.
            spare.clear();
            d.detect(
                &DetectInput {
                    original,
                    normalized,
                    prior: out,
                },
                spare,
            );
            out.append(spare);
        }
    }
}
