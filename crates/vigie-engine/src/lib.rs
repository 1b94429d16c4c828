//! The vigie pipeline: post → normalize → detect → policy → [`Decision`].
//!
//! Pure library. Default data (lexicons, patterns, policy, model) is embedded at compile time;
//! a caller that reads its own files hands them in as strings through [`EngineBuilder`].

use std::borrow::Cow;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use vigie_detect::{Category, DetectData, DetectError, Detector, DetectorSet, Signal};
use vigie_policy::{
    CategoryScore, Decision, DetectorVersion, EvalInput, EvidenceSpan, Policy, PolicyError,
    PostContext,
};
use vigie_text::{Lang, Normalized, Normalizer};

/// A post as the pipeline takes it.
#[derive(Debug, Clone, Copy)]
pub struct Post<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub context: &'a PostContext,
}

/// What the text and detection stages found in one post, before any policy.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub normalized: Normalized,
    pub signals: Vec<Signal>,
}

/// Buffers reused from one post to the next (normalized text, signals), so that deciding a post
/// allocates only what the [`Decision`] keeps. One per thread: see [`Engine::decide_with`].
#[derive(Debug, Default)]
pub struct Scratch {
    normalized: Normalized,
    signals: Vec<Signal>,
    /// Where each detector's own signals are collected before joining `signals`.
    detector_signals: Vec<Signal>,
    /// The engine's stamp this scratch last served (kept so its address cannot be reused by
    /// another engine's) and this thread's own copy of it: see [`Stamp`].
    stamp: Option<(Stamp, Stamp)>,
}

/// What every decision of an engine carries unchanged: its policy version and detector
/// versions, shared by reference count instead of copied into each decision.
///
/// Each [`Scratch`] (one per thread) hands out its own copy, so threads do not all count
/// references on the same cache line; decisions made with a different engine get a new copy.
#[derive(Debug, Clone)]
struct Stamp {
    policy_version: Arc<str>,
    detectors: Arc<[DetectorVersion]>,
}

impl Stamp {
    fn is(&self, other: &Stamp) -> bool {
        Arc::ptr_eq(&self.policy_version, &other.policy_version)
            && Arc::ptr_eq(&self.detectors, &other.detectors)
    }

    fn deep_copy(&self) -> Stamp {
        Stamp {
            policy_version: Arc::from(&*self.policy_version),
            detectors: self.detectors.iter().cloned().collect(),
        }
    }
}

impl Scratch {
    /// This thread's copy of `engine_stamp`, for one more decision.
    fn stamp(&mut self, engine_stamp: &Stamp) -> Stamp {
        match &self.stamp {
            Some((of, own)) if of.is(engine_stamp) => own.clone(),
            _ => {
                let own = engine_stamp.deep_copy();
                self.stamp = Some((engine_stamp.clone(), own.clone()));
                own
            }
        }
    }
}

/// How many idle scratches [`Engine::decide`] keeps; more threads than this still work, they
/// just allocate their buffers.
const SCRATCH_POOL_MAX: usize = 64;

/// Errors building an engine from its data files.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("{0}")]
    Data(String),
    #[error(transparent)]
    Policy(#[from] PolicyError),
    #[error(transparent)]
    Detect(#[from] DetectError),
    #[error("classifier model {origin}: {source}")]
    Model {
        origin: String,
        source: vigie_classify::model::ModelError,
    },
}

/// The policy a platform gets when it brings none (`data/policies/default.toml`).
pub const DEFAULT_POLICY: &str = include_str!("../../../data/policies/default.toml");
const DEFAULT_POLICY_ORIGIN: &str = "embedded:data/policies/default.toml";

/// The built-in EN/FR classifier (`models/vigie-enfr.vgm`; `models/README.md` says how to
/// rebuild it).
pub const DEFAULT_MODEL: &[u8] = include_bytes!("../../../models/vigie-enfr.vgm");
const DEFAULT_MODEL_ORIGIN: &str = "embedded:models/vigie-enfr.vgm";

/// A data file handed to the builder: where it came from (for error messages) and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub origin: String,
    pub text: String,
}

/// Builds an [`Engine`].
#[derive(Default)]
pub struct EngineBuilder {
    without_classifier: bool,
    policy: Option<Source>,
    lexicons: Vec<Source>,
    watchlist: Option<Source>,
    model: Option<(String, Vec<u8>)>,
}

impl EngineBuilder {
    /// Uses this classifier model instead of the embedded one.
    pub fn model(mut self, origin: impl Into<String>, bytes: Vec<u8>) -> Self {
        self.model = Some((origin.into(), bytes));
        self
    }

    /// Leaves the built-in classifier out (to train it on the rule-based signals, or to compare).
    pub fn without_classifier(mut self) -> Self {
        self.without_classifier = true;
        self
    }

    /// Uses this policy instead of the embedded default.
    pub fn policy(mut self, origin: impl Into<String>, text: impl Into<String>) -> Self {
        self.policy = Some(Source {
            origin: origin.into(),
            text: text.into(),
        });
        self
    }

    /// Adds a lexicon file after the embedded ones (its entries extend or override them).
    pub fn lexicon(mut self, origin: impl Into<String>, text: impl Into<String>) -> Self {
        self.lexicons.push(Source {
            origin: origin.into(),
            text: text.into(),
        });
        self
    }

    /// Uses this watchlist (people a platform protects: officials, journalists…).
    pub fn watchlist(mut self, origin: impl Into<String>, text: impl Into<String>) -> Self {
        self.watchlist = Some(Source {
            origin: origin.into(),
            text: text.into(),
        });
        self
    }

    pub fn build(self) -> Result<Engine, EngineError> {
        let policy = match &self.policy {
            Some(p) => Policy::from_toml(&p.origin, &p.text)?,
            None => Policy::from_toml(DEFAULT_POLICY_ORIGIN, DEFAULT_POLICY)?,
        };
        let mut data = DetectData::defaults();
        for l in &self.lexicons {
            data = data.with_lexicon(&l.origin, &l.text);
        }
        if let Some(w) = &self.watchlist {
            data = data.with_watchlist(&w.origin, &w.text);
        }
        let mut detectors = vigie_detect::standard_detector_set(&data)?;
        let mut shared_classifier = None;
        if !self.without_classifier {
            // After the rule-based detectors: the classifier reads their signals as features.
            let (origin, bytes) = match &self.model {
                Some((origin, bytes)) => (origin.as_str(), bytes.as_slice()),
                None => (DEFAULT_MODEL_ORIGIN, DEFAULT_MODEL),
            };
            let classifier = vigie_classify::Classifier::from_bytes(bytes).map_err(|source| {
                EngineError::Model {
                    origin: origin.to_string(),
                    source,
                }
            })?;
            let classifier = Arc::new(classifier);
            detectors.push(Box::new(SharedClassifier(Arc::clone(&classifier))));
            shared_classifier = Some(classifier);
        }
        let stamp = Stamp {
            policy_version: Arc::from(policy.version()),
            detectors: detectors
                .iter()
                .map(|d| DetectorVersion {
                    name: d.name().to_string(),
                    version: d.version().to_string(),
                })
                .collect(),
        };
        Ok(Engine {
            normalizer: Normalizer::new(),
            detectors,
            stamp,
            policy,
            classifier: shared_classifier,
            scratch_pool: Mutex::new(Vec::new()),
        })
    }
}

/// The classifier as a pipeline stage, shared with [`Engine::explain_classifier`], which needs
/// the concrete type to list the features behind a score.
struct SharedClassifier(Arc<vigie_classify::Classifier>);

impl vigie_detect::Detector for SharedClassifier {
    fn name(&self) -> &str {
        self.0.name()
    }
    fn version(&self) -> &str {
        self.0.version()
    }
    fn detect(&self, input: &vigie_detect::DetectInput<'_>, out: &mut Vec<Signal>) {
        self.0.detect(input, out)
    }
}

/// The whole pipeline, built once and shared by every thread.
pub struct Engine {
    normalizer: Normalizer,
    detectors: DetectorSet,
    stamp: Stamp,
    policy: Policy,
    classifier: Option<Arc<vigie_classify::Classifier>>,
    /// Idle scratches for [`Engine::decide`], so callers that do not keep their own still skip
    /// the per-post allocations of the text and detection stages.
    scratch_pool: Mutex<Vec<Scratch>>,
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
        Analysis {
            normalized,
            signals,
        }
    }

    /// Why the classifier scored a text as it did: per category, the `k` features that pushed
    /// the score up and the `k` that pulled it down. Empty when the engine runs without it.
    pub fn explain_classifier(
        &self,
        text: &str,
        lang_hint: Option<Lang>,
        k: usize,
    ) -> Vec<vigie_classify::Explanation> {
        let Some(classifier) = &self.classifier else {
            return Vec::new();
        };
        let analysis = self.analyze(text, lang_hint);
        // The classifier saw only the signals of the detectors before it.
        let prior: Vec<Signal> = analysis
            .signals
            .into_iter()
            .filter(|s| s.detector != classifier.name())
            .collect();
        classifier.explain(
            &vigie_detect::DetectInput {
                original: text,
                normalized: &analysis.normalized,
                prior: &prior,
            },
            k,
        )
    }

    /// Versions of the detectors, as recorded in each decision.
    pub fn detector_versions(&self) -> &[DetectorVersion] {
        &self.stamp.detectors
    }

    /// The policy decisions are made under.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Runs the whole pipeline on one post.
    pub fn decide(&self, post: &Post<'_>) -> Decision {
        // A poisoned pool only means another thread panicked while holding it; a fresh scratch
        // is as good as a pooled one.
        let mut scratch = self
            .scratch_pool
            .lock()
            .ok()
            .and_then(|mut pool| pool.pop())
            .unwrap_or_default();
        let decision = self.decide_with(&mut scratch, post);
        if let Ok(mut pool) = self.scratch_pool.lock()
            && pool.len() < SCRATCH_POOL_MAX
        {
            pool.push(scratch);
        }
        decision
    }

    /// [`Engine::decide`] with buffers the caller keeps (one [`Scratch`] per thread).
    pub fn decide_with(&self, scratch: &mut Scratch, post: &Post<'_>) -> Decision {
        let started = Instant::now();
        let hint = post.context.lang.as_deref().map(Lang::from_code);
        let stamp = scratch.stamp(&self.stamp);
        let Scratch {
            normalized,
            signals,
            detector_signals,
            ..
        } = scratch;
        self.normalizer.normalize_into(post.text, hint, normalized);
        self.detectors
            .detect_with(post.text, normalized, signals, detector_signals);
        let mut categories = category_scores(signals);
        categories.sort_by(|a, b| b.score.total_cmp(&a.score));
        let verdict = self.policy.evaluate(&EvalInput {
            signals,
            lang: normalized.lang,
            text_chars: post.text.chars().count(),
            context: post.context,
        });
        // The policy has read the signals; they are cleared on the next post, so their evidence
        // labels and targets move into the decision instead of being copied.
        let evidence = evidence_spans(post.text, signals);
        // Most posts name no target: the flattening iterator costs ~300 instructions even when
        // it yields nothing.
        let targets = if signals.iter().all(|s| s.targets.is_empty()) {
            Vec::new()
        } else {
            let mut t: Vec<_> = signals
                .iter_mut()
                .flat_map(|s| s.targets.drain(..))
                .collect();
            t.dedup();
            t
        };
        Decision {
            post_id: post.id.to_string(),
            action: verdict.action,
            reason_code: verdict.reason_code,
            category: verdict.category,
            categories,
            evidence,
            targets,
            rules: verdict.fired,
            lang: Cow::Borrowed(normalized.lang.code()),
            lang_confidence: normalized.lang_confidence,
            policy_version: stamp.policy_version,
            detectors: stamp.detectors,
            latency_us: started.elapsed().as_micros() as u64,
        }
    }
}

/// The highest score each category got from any detector; categories with no score are left out.
fn category_scores(signals: &[Signal]) -> Vec<CategoryScore> {
    let mut best = [0f32; Category::ALL.len()];
    for s in signals {
        let b = &mut best[s.category.index()];
        *b = b.max(s.score);
    }
    Category::ALL
        .iter()
        .filter(|c| best[c.index()] > 0.0)
        .map(|c| CategoryScore {
            category: *c,
            score: best[c.index()],
        })
        .collect()
}

fn evidence_spans(text: &str, signals: &mut [Signal]) -> Vec<EvidenceSpan> {
    let mut out = Vec::with_capacity(signals.iter().map(|s| s.evidence.len()).sum());
    for s in signals {
        for e in &mut s.evidence {
            out.push(EvidenceSpan {
                category: s.category,
                detector: s.detector.clone(),
                start: e.span.start,
                end: e.span.end,
                text: text.get(e.span.range()).unwrap_or_default().to_string(),
                matched: std::mem::take(&mut e.matched),
            });
        }
    }
    out
}
