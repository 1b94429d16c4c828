//! vigie's built-in classifier for English and French posts.
//!
//! One logistic regression per category (one-vs-rest) over hashed features of the normalized
//! text — word unigrams and bigrams, character 3–5-grams inside padded words, words in the scope
//! of a negation, words crossed with the language — plus what the rule-based detectors already
//! said (`DetectInput::prior`: category × detector → score, and targets) and post-level markers
//! (negation, quotation / reported speech, second and first person, identity-group mentions,
//! evasion flags, language, and crosses such as negation × identity group).
//!
//! Optionally (model format 3, used by the shipped model) an interaction part adds a second
//! term to each logit: the features it reads (words, bigrams, negated words, signals and
//! markers, or every feature) each have a small i8 vector; a post's vectors are summed, pass
//! one ReLU layer and a linear output ([`model::Interactions`]). It lets one word count
//! differently next to another, which the linear part cannot; explanations and evidence still
//! split every logit exactly per feature.
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

use std::mem::MaybeUninit;

use features::{FeatureSink, Origin};
use model::{Interactions, MAX_HIDDEN, MAX_LABELS, Model, ModelError};
use serde::Serialize;
use vigie_detect::{Category, DetectInput, Detector, Evidence, Signal};
use vigie_text::{Lang, Normalized, Span};

pub use features::FeatureSettings;
/// Re-exported so that callers can read a model's interaction part from its header.
pub use model::Interactions as InteractionPart;
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
    /// The interaction part's embedding table (empty for a linear model) and its width.
    embeddings: &'a [i8],
    dim: usize,
    /// Bucket → embedding row (see `Interactions::row_shift`).
    row_shift: u32,
    words_only: bool,
    /// Whether skip pairs go to a words-only interaction part.
    embed_skips: bool,
    /// Text features going to the interaction part when it takes words only (with every
    /// feature it reads `buffer`), and their count.
    word_buffer: [u32; BATCH],
    word_buffered: usize,
    n_embedded: u32,
    hidden_text: [i32; MAX_HIDDEN],
    hidden_context: [f32; MAX_HIDDEN],
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
///
/// The inline slots are left uninitialised: zeroing 6 KiB per post cost more than a third of
/// the classifier's own work on ordinary posts, for slots most posts never reach.
struct FeatureLog {
    /// Slots `[0, len)` are written, the rest are not.
    inline: [MaybeUninit<(u32, u32)>; INLINE_LOG],
    len: usize,
    spill: Vec<(u32, u32)>,
}

/// Text features of a ~250-character post.
const INLINE_LOG: usize = 768;

/// Tokens of a post whose evidence sums stay on the stack (most posts have under 40).
const INLINE_TOKENS: usize = 64;

impl FeatureLog {
    fn new() -> Self {
        // `[MaybeUninit::uninit(); N]` still compiled to a memset of the whole array.
        // SAFETY: an array of `MaybeUninit` is valid uninitialised (the pattern of the
        // `MaybeUninit` documentation), and no slot is read before `log` writes it.
        let inline =
            unsafe { MaybeUninit::<[MaybeUninit<(u32, u32)>; INLINE_LOG]>::uninit().assume_init() };
        FeatureLog {
            inline,
            len: 0,
            spill: Vec::new(),
        }
    }

    fn written(&self) -> &[(u32, u32)] {
        let written = self.inline.get(..self.len).unwrap_or(&[]);
        // SAFETY: `log` is the only writer; it writes slot `len` before counting it, and `len`
        // never exceeds `INLINE_LOG` (past it, entries go to `spill`). So the slots in
        // `written` are initialised, and `MaybeUninit<T>` has the size, alignment and layout
        // of `T`, so the cast slice covers exactly them.
        unsafe { std::slice::from_raw_parts(written.as_ptr().cast::<(u32, u32)>(), written.len()) }
    }

    fn entries(&self) -> impl Iterator<Item = &(u32, u32)> {
        self.written().iter().chain(&self.spill)
    }
}

impl TextLog for FeatureLog {
    #[inline(always)]
    fn log(&mut self, bucket: u32, token: u32) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                slot.write((bucket, token));
                self.len += 1;
            }
            None => self.spill.push((bucket, token)),
        }
    }
}

const BATCH: usize = 128;

#[inline(always)]
fn sum_rows<const N: usize, const M: usize>(
    weights: &[i8],
    buckets: &[u32],
    shift: u32,
    acc: &mut [i32; M],
) {
    let mut local = [0i32; N];
    for &b in buckets {
        let at = (b >> shift) as usize * N;
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

/// Adds the embedding rows of `buckets` to `hidden`.
#[inline(always)]
fn embed_rows(
    embeddings: &[i8],
    dim: usize,
    buckets: &[u32],
    shift: u32,
    hidden: &mut [i32; MAX_HIDDEN],
) {
    // The widths worth training get a loop the compiler can vectorise.
    match dim {
        16 => sum_rows::<16, _>(embeddings, buckets, shift, hidden),
        24 => sum_rows::<24, _>(embeddings, buckets, shift, hidden),
        32 => sum_rows::<32, _>(embeddings, buckets, shift, hidden),
        48 => sum_rows::<48, _>(embeddings, buckets, shift, hidden),
        64 => sum_rows::<64, _>(embeddings, buckets, shift, hidden),
        dim => sum_rows_dyn(embeddings, dim, buckets, shift, hidden),
    }
}

/// Whether a text feature goes to an interaction part that takes words only.
#[inline(always)]
pub(crate) fn embeds_word(origin: Origin, skip_pairs: bool) -> bool {
    match origin {
        Origin::Word { .. } | Origin::Bigram { .. } | Origin::NegatedWord { .. } => true,
        Origin::SkipPair { .. } => skip_pairs,
        _ => false,
    }
}

/// Marks, in the feature log, the tokens of features that also went to a words-only
/// interaction part (token indices never come near this bit).
const EMBEDDED_FLAG: u32 = 1 << 31;

fn sum_rows_dyn(
    weights: &[i8],
    dim: usize,
    buckets: &[u32],
    shift: u32,
    acc: &mut [i32; MAX_HIDDEN],
) {
    for &b in buckets {
        let at = (b >> shift) as usize * dim;
        if let Some(row) = weights.get(at..at + dim) {
            for (a, &w) in acc.iter_mut().zip(row) {
                *a += i32::from(w);
            }
        }
    }
}

impl<L: TextLog> Accumulator<'_, L> {
    fn flush(&mut self) {
        let buckets = &self.buffer[..self.buffered];
        let (w, acc) = (self.weights, &mut self.text);
        match self.n_labels {
            1 => sum_rows::<1, _>(w, buckets, 0, acc),
            2 => sum_rows::<2, _>(w, buckets, 0, acc),
            3 => sum_rows::<3, _>(w, buckets, 0, acc),
            4 => sum_rows::<4, _>(w, buckets, 0, acc),
            5 => sum_rows::<5, _>(w, buckets, 0, acc),
            6 => sum_rows::<6, _>(w, buckets, 0, acc),
            7 => sum_rows::<7, _>(w, buckets, 0, acc),
            _ => sum_rows::<8, _>(w, buckets, 0, acc),
        }
        if self.dim > 0 && !self.words_only {
            embed_rows(
                self.embeddings,
                self.dim,
                buckets,
                self.row_shift,
                &mut self.hidden_text,
            );
        }
        self.buffered = 0;
    }

    fn flush_words(&mut self) {
        embed_rows(
            self.embeddings,
            self.dim,
            &self.word_buffer[..self.word_buffered],
            self.row_shift,
            &mut self.hidden_text,
        );
        self.word_buffered = 0;
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
        if self.words_only && embeds_word(origin, self.embed_skips) {
            if self.word_buffered == BATCH {
                self.flush_words();
            }
            self.word_buffer[self.word_buffered] = bucket;
            self.word_buffered += 1;
            self.n_embedded += 1;
            match origin {
                Origin::Word { token }
                | Origin::Bigram { token }
                | Origin::NegatedWord { token }
                | Origin::SkipPair { token, .. } => self.log.log(bucket, token | EMBEDDED_FLAG),
                _ => {}
            }
            return;
        }
        match origin {
            Origin::Word { token }
            | Origin::LangWord { token }
            | Origin::Bigram { token }
            | Origin::NegatedWord { token }
            | Origin::SkipPair { token, .. }
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
        if self.dim > 0 {
            let at = (bucket >> self.row_shift) as usize * self.dim;
            if let Some(row) = self.embeddings.get(at..at + self.dim) {
                for (acc, &w) in self.hidden_context.iter_mut().zip(row) {
                    *acc += f32::from(w) * value;
                }
            }
        }
    }
}

/// What the scoring pass knows besides the scores: the hidden activations of the interaction
/// part (zeros for a linear model) and the values text features carried.
struct Hidden {
    activations: [f32; MAX_HIDDEN],
    text_value: f32,
    /// Value of the text features that went to the interaction part.
    embedded_value: f32,
}

/// Label `l`'s interaction term from the hidden activations.
#[inline]
fn interaction_term(inter: &Interactions, l: usize, hidden: &[f32]) -> f32 {
    let dim = hidden.len();
    let row = inter.output.get(l * dim..(l + 1) * dim).unwrap_or(&[]);
    let mut sum = inter.output_bias.get(l).copied().unwrap_or(0.0);
    for (w, x) in row.iter().zip(hidden) {
        sum += w * x;
    }
    sum
}

/// How the interaction term of label `l` splits over features, given which hidden units are
/// active: with a ReLU the term is linear in the features once the active units are known, so
/// a feature of value `v` in bucket `b` adds exactly `v · Σ_k E[b][k] · direction[k]`, and the
/// rest (`constant`) comes from the biases. Zero for a linear model.
struct InteractionSplit {
    direction: [f32; MAX_HIDDEN],
    dim: usize,
    row_shift: u32,
    constant: f32,
}

impl InteractionSplit {
    fn new(
        inter: Option<&Interactions>,
        features: &features::FeatureSettings,
        l: usize,
        hidden: &[f32; MAX_HIDDEN],
    ) -> Self {
        let mut split = InteractionSplit {
            direction: [0.0; MAX_HIDDEN],
            dim: 0,
            row_shift: 0,
            constant: 0.0,
        };
        let Some(inter) = inter else { return split };
        let dim = inter.dim as usize;
        split.dim = dim;
        split.row_shift = inter.row_shift(features);
        split.constant = inter.output_bias.get(l).copied().unwrap_or(0.0);
        for (k, &h) in hidden.iter().enumerate().take(dim) {
            if h > 0.0 {
                let w = inter.output.get(l * dim + k).copied().unwrap_or(0.0);
                split.direction[k] = w * inter.scales.get(k).copied().unwrap_or(0.0);
                split.constant += w * inter.hidden_bias.get(k).copied().unwrap_or(0.0);
            }
        }
        split
    }

    /// The part of the interaction term one unit of bucket `bucket` carries.
    #[inline]
    fn of_bucket(&self, embeddings: &[i8], bucket: u32) -> f32 {
        if self.dim == 0 {
            return 0.0;
        }
        let at = (bucket >> self.row_shift) as usize * self.dim;
        let Some(row) = embeddings.get(at..at + self.dim) else {
            return 0.0;
        };
        // Eight running sums instead of one: the additions no longer wait on each other, so
        // the compiler turns the loop into vector instructions (evidence calls this for every
        // word feature of a flagged post).
        let mut lanes = [0.0f32; 8];
        let mut rest = 0.0f32;
        let chunks = row.chunks_exact(8);
        let tail = chunks.remainder();
        for (e, d) in chunks.zip(self.direction.chunks_exact(8)) {
            for i in 0..8 {
                lanes[i] += f32::from(e[i]) * d[i];
            }
        }
        for (&e, d) in tail.iter().zip(&self.direction[row.len() - tail.len()..]) {
            rest += f32::from(e) * d;
        }
        lanes.iter().sum::<f32>() + rest
    }
}

/// Sums, per token, what the text features logged for it add to label `label`'s logit (before
/// the common text value), into `per_token` (one slot per token, as `linear`, both
/// overwritten): the linear weights and, for a model with interactions, each feature's share of
/// the interaction term.
fn label_contributions(
    model: &Model,
    label: usize,
    split: &InteractionSplit,
    hidden: &Hidden,
    log: &FeatureLog,
    per_token: &mut [f32],
    linear: &mut [i32],
) {
    let n_labels = model.header.labels.len();
    let words_only = model
        .header
        .interactions
        .as_ref()
        .is_some_and(|i| i.words_only);
    linear.fill(0);
    per_token.fill(0.0);
    for &(bucket, flagged) in log.entries() {
        let embedded = !words_only || flagged & EMBEDDED_FLAG != 0;
        let token = flagged & !EMBEDDED_FLAG;
        let at = bucket as usize * n_labels;
        if let (Some(&w), Some(acc)) = (
            model
                .weights
                .get(at..at + n_labels)
                .and_then(|row| row.get(label)),
            linear.get_mut(token as usize),
        ) {
            *acc += i32::from(w);
        }
        if split.dim > 0
            && embedded
            && let Some(acc) = per_token.get_mut(token as usize)
        {
            *acc += split.of_bucket(&model.embeddings, bucket);
        }
    }
    // Integer sums first, then one scale: a linear model ranks tokens exactly as before (the
    // text value, common to every token, is left out unless the interaction part has its own).
    let scale = model.header.scales.get(label).copied().unwrap_or(1.0);
    if split.dim == 0 {
        for (p, &w) in per_token.iter_mut().zip(linear.iter()) {
            *p = scale * w as f32;
        }
    } else {
        for (p, &w) in per_token.iter_mut().zip(linear.iter()) {
            *p = *p * hidden.embedded_value + scale * w as f32 * hidden.text_value;
        }
    }
}

/// The `K` tokens with the largest positive sums, largest first, ties to the earlier token: the
/// first `K` of a sort by (sum descending, token ascending), without sorting every token.
fn top_tokens<const K: usize, T: Copy + PartialOrd + Default>(
    per_token: &[T],
) -> [Option<usize>; K] {
    let mut top: [Option<(T, usize)>; K] = [None; K];
    for (t, &w) in per_token.iter().enumerate() {
        if w <= T::default() {
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
        self.forward(original, normalized, prior, log).0
    }

    /// Scores a post and returns the interaction part's hidden activations too (zeros for a
    /// linear model): `explain` and evidence need them to split the interaction term by feature.
    fn forward<L: TextLog>(
        &self,
        original: &str,
        normalized: &Normalized,
        prior: &[Signal],
        log: &mut L,
    ) -> (Scores, Hidden) {
        let h = &self.model.header;
        let n = h.labels.len();
        let dim = h.interactions.as_ref().map_or(0, |i| i.dim as usize);
        let words_only = h.interactions.as_ref().is_some_and(|i| i.words_only);
        let embed_skips = h.interactions.as_ref().is_some_and(|i| i.skip_pairs);
        let row_shift = h
            .interactions
            .as_ref()
            .map_or(0, |i| i.row_shift(&h.features));
        let mut acc = Accumulator {
            weights: &self.model.weights,
            n_labels: n,
            buffer: [0; BATCH],
            buffered: 0,
            text: [0; MAX_LABELS],
            n_text: 0,
            context: [0.0; MAX_LABELS],
            embeddings: &self.model.embeddings,
            dim,
            row_shift,
            words_only,
            embed_skips,
            word_buffer: [0; BATCH],
            word_buffered: 0,
            n_embedded: 0,
            hidden_text: [0; MAX_HIDDEN],
            hidden_context: [0.0; MAX_HIDDEN],
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
        if words_only {
            acc.flush_words();
        }
        let text_value = if acc.n_text == 0 {
            0.0
        } else {
            1.0 / (acc.n_text as f32).sqrt()
        };
        let embedded_value = if !words_only {
            text_value
        } else if acc.n_embedded == 0 {
            0.0
        } else {
            1.0 / (acc.n_embedded as f32).sqrt()
        };
        let mut scores = Scores {
            logits: [0.0; MAX_LABELS],
            probabilities: [0.0; MAX_LABELS],
            len: n,
        };
        let mut hidden = [0.0f32; MAX_HIDDEN];
        if let Some(inter) = &h.interactions {
            for (k, out) in hidden.iter_mut().enumerate().take(dim) {
                let pre = inter.scales[k]
                    * (acc.hidden_text[k] as f32 * embedded_value + acc.hidden_context[k])
                    + inter.hidden_bias[k];
                *out = pre.max(0.0);
            }
        }
        for l in 0..n {
            let mut logit = h.scales[l] * (acc.text[l] as f32 * text_value + acc.context[l]);
            if let Some(inter) = &h.interactions {
                logit += interaction_term(inter, l, &hidden[..dim]);
            }
            scores.logits[l] = logit;
            scores.probabilities[l] = h.calibration[l].apply(logit);
        }
        (
            scores,
            Hidden {
                activations: hidden,
                text_value,
                embedded_value,
            },
        )
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
        let (scores, hidden) = self.forward(input.original, input.normalized, input.prior, &mut ());
        let words_only = h.interactions.as_ref().is_some_and(|i| i.words_only);
        let embed_skips = h.interactions.as_ref().is_some_and(|i| i.skip_pairs);
        let names: Vec<(String, Option<Span>)> = rec
            .items
            .iter()
            .map(|(origin, ..)| describe(*origin, input))
            .collect();
        let mut out = Vec::with_capacity(n);
        for l in 0..n {
            let split =
                InteractionSplit::new(h.interactions.as_ref(), &h.features, l, &hidden.activations);
            let mut merged: Vec<Contribution> = Vec::new();
            if split.dim > 0 && split.constant != 0.0 {
                merged.push(Contribution {
                    feature: "interactions:bias".to_string(),
                    weight: split.constant,
                    span: None,
                });
            }
            let mut by_name: std::collections::HashMap<&str, usize> = Default::default();
            for (item, (name, span)) in rec.items.iter().zip(&names) {
                let linear = h.scales[l] * rec.weight(item.1, l);
                let weight = if !item.3 {
                    (linear + split.of_bucket(&self.model.embeddings, item.1)) * item.2
                } else if !words_only {
                    (linear + split.of_bucket(&self.model.embeddings, item.1)) * hidden.text_value
                } else if embeds_word(item.0, embed_skips) {
                    linear * hidden.text_value
                        + split.of_bucket(&self.model.embeddings, item.1) * hidden.embedded_value
                } else {
                    linear * hidden.text_value
                };
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
        Origin::SkipPair { token, back } => {
            let earlier = token.saturating_sub(u32::from(back));
            let span = match (token_span(input, earlier), token_span(input, token)) {
                (Some(a), Some(b)) => Some(a.cover(b)),
                (a, b) => a.or(b),
            };
            (
                format!(
                    "skip:{} … {}",
                    token_text(input, earlier),
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
const EVIDENCE_SHARE: f32 = 4.0;

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
        let (scores, hidden) = self.forward(input.original, normalized, input.prior, &mut log);
        let lang = normalized.lang;
        let h = &self.model.header;
        // Per-token sums of one label at a time, and only for labels over their threshold
        // (one or two on a flagged post): the other labels' sums would never be read.
        // On the stack for posts of ordinary length: two allocations per flagged post saved.
        let n_tokens = normalized.tokens.len();
        let mut per_token_inline = [0.0f32; INLINE_TOKENS];
        let mut linear_inline = [0i32; INLINE_TOKENS];
        let mut per_token_heap: Vec<f32> = Vec::new();
        let mut linear_heap: Vec<i32> = Vec::new();
        for l in 0..scores.len {
            let category = h.labels[l];
            let mut evidence = Vec::new();
            if scores.probabilities[l] >= h.thresholds[l].for_lang(lang).value {
                let split = InteractionSplit::new(
                    h.interactions.as_ref(),
                    &h.features,
                    l,
                    &hidden.activations,
                );
                let (per_token, linear): (&mut [f32], &mut [i32]) = match (
                    per_token_inline.get_mut(..n_tokens),
                    linear_inline.get_mut(..n_tokens),
                ) {
                    (Some(per_token), Some(linear)) => (per_token, linear),
                    _ => {
                        per_token_heap.resize(n_tokens, 0.0);
                        linear_heap.resize(n_tokens, 0);
                        (&mut per_token_heap, &mut linear_heap)
                    }
                };
                label_contributions(&self.model, l, &split, &hidden, &log, per_token, linear);
                let per_token: &[f32] = per_token;
                let top = top_tokens::<EVIDENCE_FEATURES, f32>(per_token);
                // Function words often carry a little weight through their n-grams; shown as
                // evidence they look like noise to a moderator, so a word is evidence only if
                // it weighs at least a quarter of the strongest one.
                let strongest = top[0].and_then(|t| per_token.get(t)).map_or(0.0, |&w| w);
                for t in top.into_iter().flatten().filter(|&t| {
                    per_token
                        .get(t)
                        .is_some_and(|&w| w * EVIDENCE_SHARE >= strongest)
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
    use super::{FeatureLog, INLINE_LOG, TextLog, top_tokens};

    /// The log gives back exactly what was logged, in order, from none to past the inline
    /// slots (its uninitialised slots are never read).
    #[test]
    fn feature_log_gives_back_what_was_logged() {
        for n in [
            0,
            1,
            2,
            INLINE_LOG - 1,
            INLINE_LOG,
            INLINE_LOG + 1,
            3 * INLINE_LOG,
        ] {
            let mut log = FeatureLog::new();
            let logged: Vec<(u32, u32)> = (0..n as u32).map(|i| (i * 7 + 1, i ^ 0x55)).collect();
            for &(bucket, token) in &logged {
                log.log(bucket, token);
            }
            let got: Vec<(u32, u32)> = log.entries().copied().collect();
            assert_eq!(got, logged, "{n} entries");
        }
    }

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
                let got: Vec<usize> = top_tokens::<3, i32>(&per_token)
                    .into_iter()
                    .flatten()
                    .collect();
                assert_eq!(got, sorted_top(&per_token, 3), "{per_token:?}");
            }
        }
    }
}
