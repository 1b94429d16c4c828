//! vigie's built-in classifier for English and French posts.
//!
//! One logistic regression per category (one-vs-rest) over hashed features of the normalized
//! text — word unigrams and bigrams, character 3–5-grams inside padded words, words in the scope
//! of a negation, words crossed with the language — plus what the rule-based detectors already
//! said (`DetectInput::prior`: category × detector → score, and targets) and post-level markers
//! (negation, quotation / reported speech, second and first person, identity-group mentions,
//! evasion flags, language, and crosses such as negation × identity group).
//!
//! Scores are calibrated on the dev split (Platt scaling, moved to a prevalence of at most one
//! half where dev has more positives: the pool is sampled for harmful content) and each category
//! has a threshold per language chosen on dev for a stated precision; both live in the model file
//! ([`model`]).
//!
//! Categories: `hate`, `violence_threat`, `incitement`, `harassment`, `toxicity` are trained
//! when the data has them. `sexual` and `self_harm` are learned only if the training rows carry
//! enough labels for them: the public pool has none, so the shipped model does not score them.
//!
//! Pure library: the model is handed in as bytes; training takes rows already analysed by the
//! engine ([`train::train`]).
//!
//! In the pipeline the classifier runs **last**, after the rule-based detectors, since their
//! signals are its features:
//!
//! ```ignore
//! let classifier = Classifier::from_bytes(include_bytes!("../../../models/vigie-enfr.vgm"))?;
//! detectors.push(Box::new(classifier)); // name "classifier", version = model version
//! ```
//!
//! [`Classifier::score`] gives the calibrated probabilities without allocating;
//! [`Classifier::threshold`] the per-language threshold chosen on dev; [`Classifier::explain`]
//! the features behind each score (for `vigie explain`).

pub mod features;
pub mod metrics;
pub mod model;
pub mod train;

use features::{FeatureSink, Origin};
use model::{MAX_LABELS, Model, ModelError};
use serde::Serialize;
use vigie_detect::{Category, DetectInput, Detector, Evidence, Signal};
use vigie_text::{Lang, Normalized, Span};

pub use features::FeatureSettings;
pub use model::{FORMAT_VERSION, Header, Platt, Threshold};
pub use train::{TrainConfig, TrainError, TrainReport, TrainRow, train};

/// The categories a classifier can learn, in the order of [`TrainRow::labels`].
pub const LABELS: [Category; 7] = [
    Category::Hate,
    Category::ViolenceThreat,
    Category::Incitement,
    Category::Harassment,
    Category::Toxicity,
    Category::Sexual,
    Category::SelfHarm,
];

/// Position of a category in [`LABELS`].
pub fn label_index(category: Category) -> Option<usize> {
    LABELS.iter().position(|&c| c == category)
}

/// A loaded model, ready to score posts. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Classifier {
    model: Model,
    markers: features::MarkerTable,
}

/// Scores of one post, per label of the model (see [`Classifier::labels`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub logits: [f32; MAX_LABELS],
    pub probabilities: [f32; MAX_LABELS],
    pub len: usize,
}

/// One feature's part in a category's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// Readable name: `word:kill`, `bigram:will kill`, `char:"kil"`, `marker:negation`,
    /// `prior:threat_pattern/violence_threat`…
    pub feature: String,
    /// Its addition to the logit.
    pub weight: f32,
    /// Where in the original text it comes from, when it comes from words.
    pub span: Option<Span>,
}

/// Why the classifier gave a category the score it gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub category: Category,
    pub score: f32,
    pub logit: f32,
    pub threshold: f32,
    /// Features that pushed the score up, strongest first (same-named features merged).
    pub positive: Vec<Contribution>,
    /// Features that pulled it down, strongest first.
    pub negative: Vec<Contribution>,
}

/// Scores as features arrive. Text features are buffered and summed in batches by a loop
/// specialised on the label count: the weight loads of a batch are independent, so the CPU
/// overlaps their cache misses instead of waiting for each in turn.
///
/// `log` also keeps the token of each text feature when the caller may need evidence, so that
/// the per-token contributions come from the same pass instead of a second extraction.
struct Accumulator<'a, L: TextLog> {
    weights: &'a [i8],
    n_labels: usize,
    buffer: [u32; BATCH],
    buffered: usize,
    text: [i32; MAX_LABELS],
    n_text: u32,
    context: [f32; MAX_LABELS],
    log: &'a mut L,
}

/// Where the text features of a post go besides the score: nowhere (`()`, compiled away) or a
/// list of `(bucket, token)` (for evidence).
trait TextLog {
    fn log(&mut self, bucket: u32, token: u32);
}

impl TextLog for () {
    #[inline(always)]
    fn log(&mut self, _bucket: u32, _token: u32) {}
}

/// The log of a post's text features: on the stack for posts of ordinary length, spilling to
/// the heap past that. A heap buffer of this size would be a "large" allocation for the system
/// allocator, which then consolidates its free lists on every post.
struct FeatureLog {
    inline: [(u32, u32); INLINE_LOG],
    len: usize,
    spill: Vec<(u32, u32)>,
}

/// Text features of a ~250-character post.
const INLINE_LOG: usize = 768;

impl FeatureLog {
    fn new() -> Self {
        FeatureLog {
            inline: [(0, 0); INLINE_LOG],
            len: 0,
            spill: Vec::new(),
        }
    }

    fn entries(&self) -> impl Iterator<Item = &(u32, u32)> {
        self.inline[..self.len].iter().chain(&self.spill)
    }
}

impl TextLog for FeatureLog {
    #[inline(always)]
    fn log(&mut self, bucket: u32, token: u32) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = (bucket, token);
                self.len += 1;
            }
            None => self.spill.push((bucket, token)),
        }
    }
}

const BATCH: usize = 128;

#[inline(always)]
fn sum_rows<const N: usize>(weights: &[i8], buckets: &[u32], acc: &mut [i32; MAX_LABELS]) {
    let mut local = [0i32; N];
    for &b in buckets {
        let at = b as usize * N;
        if let Some(row) = weights.get(at..at + N) {
            for k in 0..N {
                local[k] += i32::from(row[k]);
            }
        }
    }
    for k in 0..N {
        acc[k] += local[k];
    }
}

impl<L: TextLog> Accumulator<'_, L> {
    fn flush(&mut self) {
        let buckets = &self.buffer[..self.buffered];
        let (w, acc) = (self.weights, &mut self.text);
        match self.n_labels {
            1 => sum_rows::<1>(w, buckets, acc),
            2 => sum_rows::<2>(w, buckets, acc),
            3 => sum_rows::<3>(w, buckets, acc),
            4 => sum_rows::<4>(w, buckets, acc),
            5 => sum_rows::<5>(w, buckets, acc),
            6 => sum_rows::<6>(w, buckets, acc),
            7 => sum_rows::<7>(w, buckets, acc),
            _ => sum_rows::<8>(w, buckets, acc),
        }
        self.buffered = 0;
    }
}

impl<L: TextLog> FeatureSink for Accumulator<'_, L> {
    #[inline(always)]
    fn text(&mut self, bucket: u32, origin: Origin) {
        if self.buffered == BATCH {
            self.flush();
        }
        self.buffer[self.buffered] = bucket;
        self.buffered += 1;
        self.n_text += 1;
        match origin {
            Origin::Word { token }
            | Origin::LangWord { token }
            | Origin::Bigram { token }
            | Origin::NegatedWord { token }
            | Origin::Char { token, .. } => self.log.log(bucket, token),
            _ => {}
        }
    }
    #[inline(always)]
    fn context(&mut self, bucket: u32, value: f32, _origin: Origin) {
        let at = bucket as usize * self.n_labels;
        if let Some(row) = self.weights.get(at..at + self.n_labels) {
            for (acc, &w) in self.context.iter_mut().zip(row) {
                *acc += f32::from(w) * value;
            }
        }
    }
}

/// Sums, per token, the weights for `label` of the text features logged for it (evidence for a
/// signal), into `per_token` (resized to `n_tokens`).
fn label_contributions(
    weights: &[i8],
    n_labels: usize,
    label: usize,
    n_tokens: usize,
    log: &FeatureLog,
    per_token: &mut Vec<i32>,
) {
    per_token.clear();
    per_token.resize(n_tokens, 0);
    for &(bucket, token) in log.entries() {
        let at = bucket as usize * n_labels;
        if let (Some(&w), Some(acc)) = (
            weights
                .get(at..at + n_labels)
                .and_then(|row| row.get(label)),
            per_token.get_mut(token as usize),
        ) {
            *acc += i32::from(w);
        }
    }
}

/// The `K` tokens with the largest positive sums, largest first, ties to the earlier token: the
/// first `K` of a sort by (sum descending, token ascending), without sorting every token.
fn top_tokens<const K: usize>(per_token: &[i32]) -> [Option<usize>; K] {
    let mut top: [Option<(i32, usize)>; K] = [None; K];
    for (t, &w) in per_token.iter().enumerate() {
        if w <= 0 {
            continue;
        }
        // Tokens come in ascending order, so a later token only passes entries with a smaller
        // sum: equal sums keep the earlier token first.
        let Some(at) = top.iter().position(|e| e.is_none_or(|(tw, _)| w > tw)) else {
            continue;
        };
        for i in (at + 1..K).rev() {
            top[i] = top[i - 1];
        }
        top[at] = Some((w, t));
    }
    top.map(|e| e.map(|(_, t)| t))
}

struct Recorder<'a> {
    weights: &'a [i8],
    n_labels: usize,
    items: Vec<(Origin, u32, f32, bool)>,
}

impl FeatureSink for Recorder<'_> {
    fn text(&mut self, bucket: u32, origin: Origin) {
        self.items.push((origin, bucket, 1.0, true));
    }
    fn context(&mut self, bucket: u32, value: f32, origin: Origin) {
        self.items.push((origin, bucket, value, false));
    }
}

impl Recorder<'_> {
    fn weight(&self, bucket: u32, label: usize) -> f32 {
        self.weights
            .get(bucket as usize * self.n_labels + label)
            .map_or(0.0, |&w| f32::from(w))
    }
}

impl Classifier {
    /// Loads a model file (see [`model`] for the format).
    pub fn from_bytes(bytes: &[u8]) -> Result<Classifier, ModelError> {
        Ok(Classifier::from_model(Model::from_bytes(bytes)?))
    }

    pub(crate) fn from_model(model: Model) -> Classifier {
        Classifier {
            model,
            markers: features::MarkerTable::new(),
        }
    }

    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    pub fn header(&self) -> &Header {
        &self.model.header
    }

    /// The categories this model scores, in the order of [`Scores`].
    pub fn labels(&self) -> &[Category] {
        &self.model.header.labels
    }

    pub fn model_version(&self) -> &str {
        &self.model.header.model_version
    }

    /// Threshold of a category for a language (the all-language one for `Lang::Other`).
    pub fn threshold(&self, category: Category, lang: Lang) -> Option<&Threshold> {
        let i = self.labels().iter().position(|&c| c == category)?;
        Some(self.model.header.thresholds[i].for_lang(lang))
    }

    /// Scores one post: raw logits and calibrated probabilities per label. Allocates nothing.
    pub fn score(&self, original: &str, normalized: &Normalized, prior: &[Signal]) -> Scores {
        self.score_logged(original, normalized, prior, &mut ())
    }

    fn score_logged<L: TextLog>(
        &self,
        original: &str,
        normalized: &Normalized,
        prior: &[Signal],
        log: &mut L,
    ) -> Scores {
        let h = &self.model.header;
        let n = h.labels.len();
        let mut acc = Accumulator {
            weights: &self.model.weights,
            n_labels: n,
            buffer: [0; BATCH],
            buffered: 0,
            text: [0; MAX_LABELS],
            n_text: 0,
            context: [0.0; MAX_LABELS],
            log,
        };
        features::extract(
            &h.features,
            &self.markers,
            original,
            normalized,
            prior,
            &mut acc,
        );
        acc.flush();
        let text_value = if acc.n_text == 0 {
            0.0
        } else {
            1.0 / (acc.n_text as f32).sqrt()
        };
        let mut scores = Scores {
            logits: [0.0; MAX_LABELS],
            probabilities: [0.0; MAX_LABELS],
            len: n,
        };
        for l in 0..n {
            let logit = h.scales[l] * (acc.text[l] as f32 * text_value + acc.context[l]);
            scores.logits[l] = logit;
            scores.probabilities[l] = h.calibration[l].apply(logit);
        }
        scores
    }

    /// The top `k` features for and against each category of the model, for `vigie explain`.
    pub fn explain(&self, input: &DetectInput<'_>, k: usize) -> Vec<Explanation> {
        let h = &self.model.header;
        let n = h.labels.len();
        let mut rec = Recorder {
            weights: &self.model.weights,
            n_labels: n,
            items: Vec::new(),
        };
        features::extract(
            &h.features,
            &self.markers,
            input.original,
            input.normalized,
            input.prior,
            &mut rec,
        );
        let n_text = rec.items.iter().filter(|i| i.3).count();
        let text_value = if n_text == 0 {
            0.0
        } else {
            1.0 / (n_text as f32).sqrt()
        };
        let scores = self.score(input.original, input.normalized, input.prior);
        let names: Vec<(String, Option<Span>)> = rec
            .items
            .iter()
            .map(|(origin, ..)| describe(*origin, input))
            .collect();
        let mut out = Vec::with_capacity(n);
        for l in 0..n {
            let mut merged: Vec<Contribution> = Vec::new();
            let mut by_name: std::collections::HashMap<&str, usize> = Default::default();
            for (item, (name, span)) in rec.items.iter().zip(&names) {
                let value = if item.3 { text_value } else { item.2 };
                let weight = h.scales[l] * rec.weight(item.1, l) * value;
                if weight == 0.0 {
                    continue;
                }
                match by_name.get(name.as_str()).and_then(|&i| merged.get_mut(i)) {
                    Some(c) => {
                        c.weight += weight;
                        c.span = match (c.span, span) {
                            (Some(a), Some(b)) => Some(a.cover(*b)),
                            (a, b) => a.or(*b),
                        };
                    }
                    None => {
                        by_name.insert(name, merged.len());
                        merged.push(Contribution {
                            feature: name.clone(),
                            weight,
                            span: *span,
                        });
                    }
                }
            }
            merged.sort_by(|a, b| b.weight.total_cmp(&a.weight));
            let positive: Vec<Contribution> = merged
                .iter()
                .filter(|c| c.weight > 0.0)
                .take(k)
                .cloned()
                .collect();
            let negative: Vec<Contribution> = merged
                .iter()
                .rev()
                .filter(|c| c.weight < 0.0)
                .take(k)
                .cloned()
                .collect();
            out.push(Explanation {
                category: h.labels[l],
                score: scores.probabilities[l],
                logit: scores.logits[l],
                threshold: h.thresholds[l].for_lang(input.normalized.lang).value,
                positive,
                negative,
            });
        }
        out
    }
}

fn token_span(input: &DetectInput<'_>, token: u32) -> Option<Span> {
    input.normalized.tokens.get(token as usize).map(|t| t.span)
}

fn token_text<'a>(input: &'a DetectInput<'_>, token: u32) -> &'a str {
    input
        .normalized
        .tokens
        .get(token as usize)
        .and_then(|t| {
            input
                .normalized
                .folded
                .get(t.folded.start as usize..t.folded.end as usize)
        })
        .unwrap_or("")
}

fn describe(origin: Origin, input: &DetectInput<'_>) -> (String, Option<Span>) {
    match origin {
        Origin::Word { token } | Origin::LangWord { token } => (
            format!("word:{}", token_text(input, token)),
            token_span(input, token),
        ),
        Origin::NegatedWord { token } => (
            format!("negated:{}", token_text(input, token)),
            token_span(input, token),
        ),
        Origin::Bigram { token } => {
            let prev = token.saturating_sub(1);
            let span = match (token_span(input, prev), token_span(input, token)) {
                (Some(a), Some(b)) => Some(a.cover(b)),
                (a, b) => a.or(b),
            };
            (
                format!(
                    "bigram:{} {}",
                    token_text(input, prev),
                    token_text(input, token)
                ),
                span,
            )
        }
        Origin::Char { token, start, len } => {
            let padded = format!(" {} ", token_text(input, token));
            let gram = padded
                .get(usize::from(start)..usize::from(start) + usize::from(len))
                .unwrap_or("?");
            (format!("char:\"{gram}\""), token_span(input, token))
        }
        Origin::Marker(m) => (format!("marker:{}", m.name()), None),
        Origin::Prior { signal } => (prior_name(input, signal, ""), prior_span(input, signal)),
        Origin::PriorCross { signal, marker } => (
            prior_name(input, signal, &format!("×{}", marker.name())),
            prior_span(input, signal),
        ),
        Origin::Target { signal, target } => {
            let name = input
                .prior
                .get(signal as usize)
                .and_then(|s| s.targets.get(target as usize))
                .map_or_else(
                    || "target:?".to_string(),
                    |t| match t {
                        vigie_detect::Target::Group { id } => format!("target:group:{id}"),
                        vigie_detect::Target::Watchlisted { role, .. } => {
                            format!("target:watchlisted:{role}")
                        }
                        vigie_detect::Target::Addressee => "target:addressee".to_string(),
                    },
                );
            (name, None)
        }
        Origin::Evasion(bit) => (format!("evasion:bit{bit}"), None),
        Origin::Lang => (format!("lang:{}", input.normalized.lang.code()), None),
        Origin::Bias => ("bias".to_string(), None),
    }
}

fn prior_name(input: &DetectInput<'_>, signal: u32, suffix: &str) -> String {
    input.prior.get(signal as usize).map_or_else(
        || "prior:?".to_string(),
        |s| format!("prior:{}/{}{suffix}", s.detector, s.category),
    )
}

fn prior_span(input: &DetectInput<'_>, signal: u32) -> Option<Span> {
    input
        .prior
        .get(signal as usize)
        .and_then(|s| s.evidence.first())
        .map(|e| e.span)
}

/// How many of the most contributing words back a signal as evidence.
const EVIDENCE_FEATURES: usize = 3;
/// A word backs a signal only if it weighs at least 1/EVIDENCE_SHARE of the strongest word.
const EVIDENCE_SHARE: i64 = 4;

impl Detector for Classifier {
    fn name(&self) -> &str {
        "classifier"
    }

    fn version(&self) -> &str {
        &self.model.header.model_version
    }

    fn detect(&self, input: &DetectInput<'_>, out: &mut Vec<Signal>) {
        // Most posts here get evidence, so the tokens of the text features are logged in the
        // scoring pass itself (see `FeatureLog`) rather than extracted a second time.
        let normalized = input.normalized;
        let mut log = FeatureLog::new();
        let scores = self.score_logged(input.original, normalized, input.prior, &mut log);
        let lang = normalized.lang;
        let h = &self.model.header;
        // Per-token sums of one label at a time, and only for labels over their threshold
        // (one or two on a flagged post): the other labels' sums would never be read.
        let mut per_token: Vec<i32> = Vec::new();
        for l in 0..scores.len {
            let category = h.labels[l];
            let mut evidence = Vec::new();
            if scores.probabilities[l] >= h.thresholds[l].for_lang(lang).value {
                label_contributions(
                    &self.model.weights,
                    scores.len,
                    l,
                    normalized.tokens.len(),
                    &log,
                    &mut per_token,
                );
                let top = top_tokens::<EVIDENCE_FEATURES>(&per_token);
                // Function words often carry a little weight through their n-grams; shown as
                // evidence they look like noise to a moderator, so a word is evidence only if
                // it weighs at least a quarter of the strongest one.
                let strongest = top[0].and_then(|t| per_token.get(t)).map_or(0, |&w| w);
                for t in top.into_iter().flatten().filter(|&t| {
                    per_token
                        .get(t)
                        .is_some_and(|&w| i64::from(w) * EVIDENCE_SHARE >= i64::from(strongest))
                }) {
                    let token = t as u32;
                    if let Some(span) = token_span(input, token) {
                        let word = token_text(input, token);
                        let name = category.name();
                        let mut matched =
                            String::with_capacity("classifier::".len() + name.len() + word.len());
                        matched.push_str("classifier:");
                        matched.push_str(name);
                        matched.push(':');
                        matched.push_str(word);
                        evidence.push(Evidence { span, matched });
                    }
                }
                evidence.sort_by_key(|e| e.span.start);
            }
            out.push(Signal {
                detector: "classifier".into(),
                category,
                score: scores.probabilities[l],
                evidence,
                targets: Vec::new(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::top_tokens;

    /// The reference: every positive token sorted by (sum descending, token ascending).
    fn sorted_top(per_token: &[i32], k: usize) -> Vec<usize> {
        let mut ranked: Vec<(i32, usize)> = per_token
            .iter()
            .enumerate()
            .map(|(t, &w)| (w, t))
            .filter(|&(w, _)| w > 0)
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.into_iter().take(k).map(|(_, t)| t).collect()
    }

    #[test]
    fn top_tokens_picks_what_a_full_sort_picks() {
        // A small deterministic generator: many ties, negatives and zeros.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in 0..40 {
            for _ in 0..50 {
                let per_token: Vec<i32> = (0..len)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        (state % 9) as i32 - 3
                    })
                    .collect();
                let got: Vec<usize> = top_tokens::<3>(&per_token).into_iter().flatten().collect();
                assert_eq!(got, sorted_top(&per_token, 3), "{per_token:?}");
            }
        }
    }
}
