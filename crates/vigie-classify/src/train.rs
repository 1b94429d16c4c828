//! Training: one-vs-rest logistic regression with AdaGrad SGD over hashed features, a seeded
//! shuffle and a single thread, so that one seed and one data set give the same model file
//! bit for bit. Then quantisation, Platt calibration and per-language thresholds on dev.
//!
//! An EMPTY label is UNKNOWN: such a row contributes no gradient to that label (and is not
//! counted in that label's dev figures). Source weighting and the mapping of each corpus to the
//! labels are decided by the caller (`vigie train`), row by row, through [`TrainRow::weights`];
//! class balance is done here, per label.

use serde::{Deserialize, Serialize};
use vigie_detect::{Category, Signal};
use vigie_text::{Lang, Normalized};

use crate::features::{self, FeatureSettings, FeatureSink, Origin};
use crate::metrics;
use crate::model::{
    Header, Interactions, LabelCounts, LabelThresholds, MAX_HIDDEN, MAX_LABELS, Model, Platt,
    Threshold, quantize, sigmoid,
};
use crate::{Classifier, LABELS};

/// One labelled post, already analysed by the engine (without the classifier).
#[derive(Debug, Clone)]
pub struct TrainRow {
    /// The post as published.
    pub text: String,
    pub normalized: Normalized,
    /// Rule-based signals of the post, as the classifier will see them in `DetectInput::prior`.
    pub prior: Vec<Signal>,
    /// Per label of [`LABELS`]: `Some(true)`, `Some(false)`, or `None` = unknown.
    pub labels: [Option<bool>; LABELS.len()],
    /// Per label of [`LABELS`]: how much this row counts (source weighting). 0 = ignored.
    pub weights: [f32; LABELS.len()],
}

/// How to train.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TrainConfig {
    pub seed: u64,
    pub epochs: u32,
    /// AdaGrad base learning rate.
    pub learning_rate: f32,
    /// L2 penalty applied to each weight a row touches.
    pub l2: f32,
    /// Precision the per-language thresholds aim at on dev.
    pub target_precision: f32,
    /// Per-category overrides of `target_precision` (a platform may accept more false
    /// positives on one category than on another).
    pub target_precision_for: Vec<(Category, f32)>,
    /// Highest share of positives at which that precision is measured: dev sets are sampled
    /// for harmful content (the pool's toxicity rows are 80% toxic), so precision "as sampled"
    /// would let a threshold flag almost everything; above the cap, negatives count more.
    /// `None` measures it as sampled. Calibration assumes the same cap
    /// ([`shift_to_prevalence`]), so a score means the same thing as the threshold's precision.
    pub threshold_prevalence: Option<f32>,
    pub features: FeatureSettings,
    /// A label is learned only with at least this many training positives and negatives.
    pub min_positives: u32,
    /// A language gets its own threshold only with at least this many dev positives.
    pub min_dev_positives_per_lang: u32,
    /// Recorded in the model; derived from the data digest when `None`.
    pub model_version: Option<String>,
    /// When set, the model's weights are the mean of the weights at the end of each epoch from
    /// this one (1-based) to the last, rather than the last epoch's: SGD's last iterate wanders
    /// with the last rows it saw; the average is steadier.
    #[serde(default)]
    pub average_from_epoch: Option<u32>,
    /// Width of the interaction part's hidden layer (see [`crate::model::Interactions`]);
    /// 0 trains a linear model.
    #[serde(default)]
    pub interactions_dim: u32,
    /// AdaGrad base learning rate of the interaction part.
    #[serde(default = "default_interactions_learning_rate")]
    pub interactions_learning_rate: f32,
    /// L2 penalty per touched weight of the interaction part.
    #[serde(default = "default_interactions_l2")]
    pub interactions_l2: f32,
    /// 0: the interaction part is trained jointly with the linear part over `epochs`. More: the
    /// linear part is trained first, alone, then the interaction part alone for this many
    /// epochs on what the linear part leaves (its logits held fixed), so that it can only add
    /// to the linear model.
    #[serde(default)]
    pub interactions_epochs: u32,
    /// The interaction part reads words, bigrams and negated words (and the context features)
    /// rather than every text feature: far fewer vectors per post (character grams are most of
    /// a post's features), so it costs less to run, and word pairs are what it is for.
    #[serde(default)]
    pub interactions_words_only: bool,
    /// log2 of the interaction part's embedding rows (0 = one per feature bucket); see
    /// [`crate::model::Interactions::hash_bits`].
    #[serde(default)]
    pub interactions_hash_bits: u8,
    /// With `interactions_words_only`, the interaction part reads the skip pairs too
    /// ([`FeatureSettings::skip_window`]).
    #[serde(default)]
    pub interactions_skip_pairs: bool,
}

fn default_interactions_learning_rate() -> f32 {
    0.05
}

fn default_interactions_l2() -> f32 {
    1e-4
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            seed: 42,
            epochs: 6,
            learning_rate: 0.1,
            l2: 1e-3,
            target_precision: 0.8,
            target_precision_for: Vec::new(),
            threshold_prevalence: Some(0.5),
            features: FeatureSettings::default(),
            min_positives: 20,
            min_dev_positives_per_lang: 10,
            model_version: None,
            average_from_epoch: None,
            interactions_dim: 0,
            interactions_learning_rate: default_interactions_learning_rate(),
            interactions_l2: default_interactions_l2(),
            interactions_epochs: 0,
            interactions_words_only: false,
            interactions_hash_bits: 0,
            interactions_skip_pairs: false,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(
        "no category has enough labelled rows to learn (need {min} positives and {min} negatives in training)"
    )]
    NoLabels { min: u32 },
    #[error("invalid training setting: {0}")]
    Config(String),
}

/// Where training is, for progress output.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    pub epoch: u32,
    pub epochs: u32,
    pub rows_done: usize,
    pub rows_total: usize,
    /// Weighted mean log loss of the epoch so far.
    pub mean_loss: f64,
}

/// What training did, per label.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    pub data_digest: String,
    pub model_version: String,
    pub learned: Vec<LearnedLabel>,
    /// Categories left out, and why.
    pub skipped: Vec<(Category, String)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LearnedLabel {
    pub category: Category,
    pub counts: LabelCounts,
    pub calibration: Platt,
    pub thresholds: LabelThresholds,
    pub dev_average_precision: f32,
}

/// Seeded generator for the shuffle. Written here (SplitMix64, a dozen lines) rather than taken
/// from `rand` because `rand` does not promise the same stream across versions, and the model
/// must be reproducible bit for bit.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }
}

fn digest(config: &TrainConfig, train: &[TrainRow], dev: &[TrainRow]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(&crate::model::FORMAT_VERSION.to_le_bytes());
    h.update(&serde_json::to_vec(config).unwrap_or_default());
    for (part, rows) in [(b"train", train), (b"dev\0\0", dev)] {
        h.update(part);
        for row in rows {
            h.update(&(row.text.len() as u64).to_le_bytes());
            h.update(row.text.as_bytes());
            h.update(row.normalized.lang.code().as_bytes());
            for (label, weight) in row.labels.iter().zip(&row.weights) {
                h.update(&[match label {
                    None => 2,
                    Some(true) => 1,
                    Some(false) => 0,
                }]);
                h.update(&weight.to_le_bytes());
            }
            for s in &row.prior {
                h.update(s.detector.as_bytes());
                h.update(&[s.category.index() as u8]);
                h.update(&s.score.to_le_bytes());
            }
        }
    }
    h.finalize().to_hex().to_string()
}

/// Trains a classifier on `train`, calibrates it and sets its thresholds on `dev`.
pub fn train(
    config: &TrainConfig,
    train: &[TrainRow],
    dev: &[TrainRow],
    progress: &mut dyn FnMut(Progress),
) -> Result<(Classifier, TrainReport), TrainError> {
    let fs = config.features;
    if !(8..=26).contains(&fs.hash_bits)
        || fs.char_min > fs.char_max
        || fs.char_max > 8
        || fs.skip_window > features::MAX_SKIP_WINDOW
    {
        return Err(TrainError::Config(format!("feature settings {fs:?}")));
    }
    for p in std::iter::once(config.target_precision)
        .chain(config.target_precision_for.iter().map(|x| x.1))
    {
        if !(p > 0.0 && p <= 1.0) {
            return Err(TrainError::Config(format!(
                "target precision {p} not in (0, 1]"
            )));
        }
    }
    let target_for = |c: Category| {
        config
            .target_precision_for
            .iter()
            .find(|x| x.0 == c)
            .map_or(config.target_precision, |x| x.1)
    };
    if config.learning_rate.is_nan()
        || config.learning_rate <= 0.0
        || config.l2.is_nan()
        || config.l2 < 0.0
    {
        return Err(TrainError::Config(
            "learning rate must be > 0 and l2 >= 0".into(),
        ));
    }
    if config.interactions_dim as usize > MAX_HIDDEN {
        return Err(TrainError::Config(format!(
            "interactions_dim {} above {MAX_HIDDEN}",
            config.interactions_dim
        )));
    }
    if config.interactions_dim > 0
        && (config.interactions_learning_rate.is_nan()
            || config.interactions_learning_rate <= 0.0
            || config.interactions_l2.is_nan()
            || config.interactions_l2 < 0.0)
    {
        return Err(TrainError::Config(
            "interactions learning rate must be > 0 and l2 >= 0".into(),
        ));
    }
    if config.interactions_hash_bits != 0
        && !(8..=fs.hash_bits).contains(&config.interactions_hash_bits)
    {
        return Err(TrainError::Config(format!(
            "interactions_hash_bits {} not in 8..={}",
            config.interactions_hash_bits, fs.hash_bits
        )));
    }
    if config.interactions_epochs > 0 && config.average_from_epoch.is_some() {
        return Err(TrainError::Config(
            "epoch averaging is not supported with interaction epochs after the linear ones".into(),
        ));
    }
    let data_digest = digest(config, train, dev);

    // Which labels have enough data.
    let count = |rows: &[TrainRow], l: usize, y: bool| {
        rows.iter()
            .filter(|r| r.labels[l] == Some(y) && r.weights[l] > 0.0)
            .count() as u32
    };
    let mut active: Vec<usize> = Vec::new();
    let mut skipped = Vec::new();
    for (l, &category) in LABELS.iter().enumerate() {
        let (p, n) = (count(train, l, true), count(train, l, false));
        if p >= config.min_positives && n >= config.min_positives {
            active.push(l);
        } else {
            skipped.push((
                category,
                format!(
                    "{p} positives, {n} negatives in training (need {} of each)",
                    config.min_positives
                ),
            ));
        }
    }
    if active.is_empty() {
        return Err(TrainError::NoLabels {
            min: config.min_positives,
        });
    }
    active.truncate(MAX_LABELS);
    let n = active.len();

    // Class balance: each label's positives and negatives weigh the same in total, so a rare
    // label is not learned as "always no". Calibration on dev puts the base rate back.
    let mut class_weight = vec![[1.0f32; 2]; n];
    for (li, &l) in active.iter().enumerate() {
        let (mut wp, mut wn) = (0.0f64, 0.0f64);
        for r in train {
            match r.labels[l] {
                Some(true) => wp += f64::from(r.weights[l]),
                Some(false) => wn += f64::from(r.weights[l]),
                None => {}
            }
        }
        let total = wp + wn;
        if wp > 0.0 && wn > 0.0 {
            class_weight[li] = [(total / (2.0 * wn)) as f32, (total / (2.0 * wp)) as f32];
        }
    }

    let buckets = fs.buckets();
    let mut weights = vec![0.0f32; buckets * n];
    let mut grad_sq = vec![0.0f32; buckets * n];
    let mut order: Vec<u32> = (0..train.len() as u32).collect();
    let mut rng = SplitMix64(config.seed);
    let mut feats = TrainFeatures {
        words_only: config.interactions_words_only,
        embed_skips: config.interactions_skip_pairs,
        ..TrainFeatures::default()
    };
    let markers = features::MarkerTable::new();
    let lr = config.learning_rate;
    let l2 = config.l2;

    // The interaction part, in one flat vector so that AdaGrad and epoch averaging treat it
    // like the linear weights: [embeddings (buckets × dim) | hidden bias (dim) | output
    // (labels × dim) | output bias (labels)].
    let dim = config.interactions_dim as usize;
    let row_bits = if config.interactions_hash_bits == 0 {
        fs.hash_bits
    } else {
        config.interactions_hash_bits
    };
    let rows = 1usize << row_bits;
    let row_shift = u32::from(fs.hash_bits - row_bits);
    let layout = DeepLayout::new(rows, dim, n, row_shift);
    let mut deep = vec![0.0f32; layout.len];
    let mut deep_grad_sq = vec![0.0f32; layout.len];
    if dim > 0 {
        // Embeddings start at zero (a bucket never seen in training stays silent) and the
        // hidden units start active; the random output layer is what tells units apart.
        let mut init = SplitMix64(config.seed ^ 0x5eed_1a7e_4ac7_0001);
        for b in &mut deep[layout.hidden_bias..layout.hidden_bias + dim] {
            *b = 0.1;
        }
        let spread = 1.0 / (dim as f32).sqrt();
        for w in &mut deep[layout.output..layout.output + n * dim] {
            *w = ((init.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * spread;
        }
    }
    let (deep_lr, deep_l2) = (config.interactions_learning_rate, config.interactions_l2);
    let mut pre = [0.0f32; MAX_HIDDEN];
    let mut hidden = [0.0f32; MAX_HIDDEN];
    let mut hidden_grad = [0.0f32; MAX_HIDDEN];

    // Epoch averaging: the mean of the weights at the end of each epoch from `average_from` on.
    let average_from = config
        .average_from_epoch
        .filter(|&e| e >= 1 && e <= config.epochs);
    let mut averaged: Vec<f64> = if average_from.is_some() {
        vec![0.0; weights.len() + deep.len()]
    } else {
        Vec::new()
    };
    let mut averaged_epochs = 0u32;
    let residual_epochs = if dim > 0 {
        config.interactions_epochs
    } else {
        0
    };
    let total_epochs = config.epochs + residual_epochs;
    for epoch in 0..total_epochs {
        let train_linear = epoch < config.epochs;
        let train_deep = dim > 0 && (residual_epochs == 0 || !train_linear);
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let mut loss_sum = 0.0f64;
        let mut weight_sum = 0.0f64;
        for (done, &ri) in order.iter().enumerate() {
            let row = &train[ri as usize];
            feats.clear();
            features::extract(
                &fs,
                &markers,
                &row.text,
                &row.normalized,
                &row.prior,
                &mut feats,
            );
            let tv = feats.text_value();
            let etv = feats.embedded_value();
            if train_deep {
                layout.forward(&deep, &feats, etv, &mut pre[..dim], &mut hidden[..dim]);
                hidden_grad[..dim].fill(0.0);
            }
            for (li, &l) in active.iter().enumerate() {
                let Some(y) = row.labels[l] else { continue };
                let sw = row.weights[l] * class_weight[li][usize::from(!y)];
                if sw.is_nan() || sw <= 0.0 {
                    continue;
                }
                let mut z = 0.0f32;
                for &b in &feats.text {
                    z += weights[b as usize * n + li] * tv;
                }
                for &(b, v) in &feats.context {
                    z += weights[b as usize * n + li] * v;
                }
                if train_deep {
                    z += layout.output_term(&deep, li, &hidden[..dim]);
                }
                let p = sigmoid(z);
                let target = if y { 1.0 } else { 0.0 };
                let pc = f64::from(p.clamp(1e-7, 1.0 - 1e-7));
                loss_sum -= f64::from(sw) * if y { pc.ln() } else { (1.0 - pc).ln() };
                weight_sum += f64::from(sw);
                let g = (p - target) * sw;
                if train_linear {
                    let mut update = |at: usize, value: f32| {
                        let grad = g * value + l2 * weights[at];
                        grad_sq[at] += grad * grad;
                        weights[at] -= lr * grad / (grad_sq[at].sqrt() + 1e-6);
                    };
                    for &b in &feats.text {
                        update(b as usize * n + li, tv);
                    }
                    for &(b, v) in &feats.context {
                        update(b as usize * n + li, v);
                    }
                }
                if train_deep {
                    // The hidden layer's gradient is taken with the output weights as they were
                    // in the forward pass, then the output layer moves.
                    let row_at = layout.output + li * dim;
                    for k in 0..dim {
                        hidden_grad[k] += g * deep[row_at + k];
                    }
                    for (k, &h) in hidden[..dim].iter().enumerate() {
                        let at = row_at + k;
                        let grad = g * h + deep_l2 * deep[at];
                        adagrad(&mut deep[at], &mut deep_grad_sq[at], grad, deep_lr);
                    }
                    let at = layout.output_bias + li;
                    adagrad(&mut deep[at], &mut deep_grad_sq[at], g, deep_lr);
                }
            }
            if train_deep {
                for (grad, &p) in hidden_grad[..dim].iter_mut().zip(&pre[..dim]) {
                    if p <= 0.0 {
                        *grad = 0.0;
                    }
                }
                if hidden_grad[..dim].iter().any(|&x| x != 0.0) {
                    for (k, &grad) in hidden_grad[..dim].iter().enumerate() {
                        let at = layout.hidden_bias + k;
                        adagrad(&mut deep[at], &mut deep_grad_sq[at], grad, deep_lr);
                    }
                    let mut update_row = |bucket: u32, value: f32| {
                        let at = (bucket >> row_shift) as usize * dim;
                        let (row, sq) = (&mut deep[at..at + dim], &mut deep_grad_sq[at..at + dim]);
                        for k in 0..dim {
                            let grad = hidden_grad[k] * value + deep_l2 * row[k];
                            adagrad(&mut row[k], &mut sq[k], grad, deep_lr);
                        }
                    };
                    for &b in feats.embedded() {
                        update_row(b, etv);
                    }
                    for &(b, v) in &feats.context {
                        update_row(b, v);
                    }
                }
            }
            if done % 4096 == 4095 || done + 1 == order.len() {
                progress(Progress {
                    epoch: epoch + 1,
                    epochs: total_epochs,
                    rows_done: done + 1,
                    rows_total: order.len(),
                    mean_loss: if weight_sum > 0.0 {
                        loss_sum / weight_sum
                    } else {
                        0.0
                    },
                });
            }
        }
        if average_from.is_some_and(|from| epoch + 1 >= from) {
            for (a, &w) in averaged.iter_mut().zip(weights.iter().chain(&deep)) {
                *a += f64::from(w);
            }
            averaged_epochs += 1;
        }
    }
    drop(grad_sq);
    drop(deep_grad_sq);
    if averaged_epochs > 0 {
        for (w, &a) in weights.iter_mut().chain(deep.iter_mut()).zip(&averaged) {
            *w = (a / f64::from(averaged_epochs)) as f32;
        }
    }
    drop(averaged);

    let (interactions, embeddings) = if dim > 0 {
        let mut quantized = vec![0i8; rows * dim];
        let mut scales = vec![1.0f32; dim];
        quantize(&deep[..rows * dim], dim, &mut quantized, &mut scales);
        let part = Interactions {
            dim: dim as u32,
            words_only: config.interactions_words_only,
            hash_bits: config.interactions_hash_bits,
            skip_pairs: config.interactions_skip_pairs,
            scales,
            hidden_bias: deep[layout.hidden_bias..layout.hidden_bias + dim].to_vec(),
            output: deep[layout.output..layout.output + n * dim].to_vec(),
            output_bias: deep[layout.output_bias..layout.output_bias + n].to_vec(),
        };
        (Some(part), quantized)
    } else {
        (None, Vec::new())
    };
    drop(deep);

    let mut quantized = vec![0i8; buckets * n];
    let mut scales = vec![1.0f32; n];
    quantize(&weights, n, &mut quantized, &mut scales);
    drop(weights);

    let labels: Vec<Category> = active.iter().map(|&l| LABELS[l]).collect();
    let model_version = config.model_version.clone().unwrap_or_else(|| {
        format!(
            "enfr-v{}-{}",
            crate::model::FORMAT_VERSION,
            &data_digest[..12]
        )
    });
    let placeholder = Threshold {
        value: 0.5,
        dev_precision: 0.0,
        dev_recall: 0.0,
        dev_n: 0,
        dev_positives: 0,
        precision_met: false,
        fallback: true,
    };
    let mut header = Header {
        model_version: model_version.clone(),
        features: fs,
        labels: labels.clone(),
        scales,
        calibration: vec![Platt::IDENTITY; n],
        thresholds: vec![
            LabelThresholds {
                all: placeholder,
                en: placeholder,
                fr: placeholder,
            };
            n
        ],
        counts: active
            .iter()
            .map(|&l| LabelCounts {
                train_positives: count(train, l, true),
                train_negatives: count(train, l, false),
                dev_positives: count(dev, l, true),
                dev_negatives: count(dev, l, false),
            })
            .collect(),
        target_precision: config.target_precision,
        target_precisions: labels.iter().map(|&c| target_for(c)).collect(),
        threshold_prevalence: config.threshold_prevalence,
        data_digest: data_digest.clone(),
        seed: config.seed,
        training: serde_json::to_value(config).unwrap_or(serde_json::Value::Null),
        interactions,
    };

    // Calibrate and choose thresholds on the quantised model, the one that will run.
    let uncalibrated = Classifier::from_model(Model {
        header: header.clone(),
        weights: quantized,
        embeddings,
    });
    let dev_logits: Vec<[f32; MAX_LABELS]> = dev
        .iter()
        .map(|r| uncalibrated.score(&r.text, &r.normalized, &r.prior).logits)
        .collect();
    let mut learned = Vec::with_capacity(n);
    for (li, &l) in active.iter().enumerate() {
        let known: Vec<(usize, bool)> = dev
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.labels[l].map(|y| (i, y)))
            .collect();
        let logit_pairs: Vec<(f32, bool)> =
            known.iter().map(|&(i, y)| (dev_logits[i][li], y)).collect();
        let platt = shift_to_prevalence(
            fit_platt(&logit_pairs),
            &logit_pairs,
            config.threshold_prevalence,
        );
        let prob = |i: usize| platt.apply(dev_logits[i][li]);
        let pick = |lang: Option<Lang>| -> Threshold {
            let pairs: Vec<(f32, bool)> = known
                .iter()
                .filter(|&&(i, _)| lang.is_none_or(|g| dev[i].normalized.lang == g))
                .map(|&(i, y)| (prob(i), y))
                .collect();
            let c = metrics::choose_threshold(
                &pairs,
                target_for(LABELS[l]),
                config.threshold_prevalence,
            );
            let neg_w = metrics::negative_weight(&pairs, config.threshold_prevalence);
            Threshold {
                value: c.threshold,
                dev_precision: metrics::weighted_precision(&c.at, neg_w),
                dev_recall: c.at.recall,
                dev_n: c.at.n,
                dev_positives: c.at.positives,
                precision_met: c.precision_met,
                fallback: false,
            }
        };
        let all = pick(None);
        let per_lang = |lang: Lang| {
            let t = pick(Some(lang));
            if t.dev_positives >= config.min_dev_positives_per_lang {
                t
            } else {
                Threshold {
                    fallback: true,
                    ..all
                }
            }
        };
        let thresholds = LabelThresholds {
            all,
            en: per_lang(Lang::En),
            fr: per_lang(Lang::Fr),
        };
        header.calibration[li] = platt;
        header.thresholds[li] = thresholds;
        let prob_pairs: Vec<(f32, bool)> = known.iter().map(|&(i, y)| (prob(i), y)).collect();
        learned.push(LearnedLabel {
            category: LABELS[l],
            counts: header.counts[li],
            calibration: platt,
            thresholds,
            dev_average_precision: metrics::average_precision(&prob_pairs),
        });
    }
    let classifier = Classifier::from_model(Model {
        header,
        weights: uncalibrated.model.weights,
        embeddings: uncalibrated.model.embeddings,
    });
    Ok((
        classifier,
        TrainReport {
            data_digest,
            model_version,
            learned,
            skipped,
        },
    ))
}

/// A post's features as training needs them: every text feature (linear part), the text
/// features the interaction part reads (all of them, or words only), context features.
#[derive(Debug, Default)]
struct TrainFeatures {
    words_only: bool,
    embed_skips: bool,
    text: Vec<u32>,
    words: Vec<u32>,
    context: Vec<(u32, f32)>,
}

impl TrainFeatures {
    fn clear(&mut self) {
        self.text.clear();
        self.words.clear();
        self.context.clear();
    }

    fn text_value(&self) -> f32 {
        inverse_sqrt_count(self.text.len())
    }

    fn embedded(&self) -> &[u32] {
        if self.words_only {
            &self.words
        } else {
            &self.text
        }
    }

    /// Value of the text features the interaction part reads (the scorer computes the same).
    fn embedded_value(&self) -> f32 {
        inverse_sqrt_count(self.embedded().len())
    }
}

fn inverse_sqrt_count(n: usize) -> f32 {
    if n == 0 { 0.0 } else { 1.0 / (n as f32).sqrt() }
}

impl FeatureSink for TrainFeatures {
    fn text(&mut self, bucket: u32, origin: Origin) {
        self.text.push(bucket);
        if self.words_only && crate::embeds_word(origin, self.embed_skips) {
            self.words.push(bucket);
        }
    }
    fn context(&mut self, bucket: u32, value: f32, _origin: Origin) {
        self.context.push((bucket, value));
    }
}

/// One AdaGrad step.
#[inline(always)]
fn adagrad(weight: &mut f32, grad_sq: &mut f32, grad: f32, lr: f32) {
    *grad_sq += grad * grad;
    *weight -= lr * grad / (grad_sq.sqrt() + 1e-6);
}

/// Where each part of the interaction layer sits in the flat parameter vector.
struct DeepLayout {
    dim: usize,
    row_shift: u32,
    hidden_bias: usize,
    output: usize,
    output_bias: usize,
    len: usize,
}

impl DeepLayout {
    fn new(rows: usize, dim: usize, labels: usize, row_shift: u32) -> Self {
        if dim == 0 {
            return DeepLayout {
                dim,
                row_shift,
                hidden_bias: 0,
                output: 0,
                output_bias: 0,
                len: 0,
            };
        }
        let hidden_bias = rows * dim;
        let output = hidden_bias + dim;
        let output_bias = output + labels * dim;
        DeepLayout {
            dim,
            row_shift,
            hidden_bias,
            output,
            output_bias,
            len: output_bias + labels,
        }
    }

    /// Hidden pre-activations and activations of one post, in f32 (the scorer does the same
    /// sums on the quantised table).
    fn forward(
        &self,
        deep: &[f32],
        feats: &TrainFeatures,
        text_value: f32,
        pre: &mut [f32],
        hidden: &mut [f32],
    ) {
        let dim = self.dim;
        let mut text_sum = [0.0f32; MAX_HIDDEN];
        for &b in feats.embedded() {
            let at = (b >> self.row_shift) as usize * dim;
            let row = &deep[at..at + dim];
            for (acc, &w) in text_sum.iter_mut().zip(row) {
                *acc += w;
            }
        }
        for k in 0..dim {
            pre[k] = text_sum[k] * text_value + deep[self.hidden_bias + k];
        }
        for &(b, v) in &feats.context {
            let at = (b >> self.row_shift) as usize * dim;
            let row = &deep[at..at + dim];
            for (acc, &w) in pre.iter_mut().zip(row) {
                *acc += w * v;
            }
        }
        for k in 0..dim {
            hidden[k] = pre[k].max(0.0);
        }
    }

    fn output_term(&self, deep: &[f32], label: usize, hidden: &[f32]) -> f32 {
        let row = &deep[self.output + label * self.dim..self.output + (label + 1) * self.dim];
        let mut sum = deep[self.output_bias + label];
        for (w, h) in row.iter().zip(hidden) {
            sum += w * h;
        }
        sum
    }
}

/// Moves a calibration fitted on a dev set with more positives than `max_prevalence` to that
/// prevalence (the prior-shift correction: add `logit(cap) - logit(dev prevalence)` to the
/// intercept). Why: the pool is sampled for harmful content (80% of its toxicity rows are
/// toxic), so probabilities calibrated as sampled put ordinary posts at 0.6–0.9 toxicity, and a
/// policy written in calibrated terms ("label at 0.6") then acts on harmless posts. The
/// thresholds already measure precision at that cap, so scores and thresholds now assume the
/// same prevalence; the order of scores, hence every threshold's dev precision and recall, is
/// unchanged.
pub fn shift_to_prevalence(
    platt: Platt,
    pairs: &[(f32, bool)],
    max_prevalence: Option<f32>,
) -> Platt {
    let positives = pairs.iter().filter(|p| p.1).count() as f64;
    let total = pairs.len() as f64;
    let Some(cap) = max_prevalence.map(f64::from) else {
        return platt;
    };
    if !(cap > 0.0 && cap < 1.0) || total == 0.0 || positives == total {
        return platt;
    }
    let observed = positives / total;
    if observed <= cap {
        return platt;
    }
    let logit = |p: f64| (p / (1.0 - p)).ln();
    Platt {
        a: platt.a,
        b: (f64::from(platt.b) + logit(cap) - logit(observed)) as f32,
    }
}

/// Platt scaling fitted by Newton's method on `(logit, label)` pairs, with Platt's smoothed
/// targets so that a perfectly separated dev set does not drive the slope to infinity. The slope
/// is kept positive so that calibration never reverses the order of scores.
pub fn fit_platt(pairs: &[(f32, bool)]) -> Platt {
    const MIN_SLOPE: f64 = 1e-3;
    let positives = pairs.iter().filter(|p| p.1).count() as f64;
    let negatives = pairs.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return Platt::IDENTITY;
    }
    let t_pos = (positives + 1.0) / (positives + 2.0);
    let t_neg = 1.0 / (negatives + 2.0);
    let loss = |a: f64, b: f64| -> f64 {
        pairs
            .iter()
            .map(|&(z, y)| {
                let t = if y { t_pos } else { t_neg };
                let f = a * f64::from(z) + b;
                // log(1 + e^f) - t f, computed without overflow.
                let softplus = if f > 0.0 {
                    f + (-f).exp().ln_1p()
                } else {
                    f.exp().ln_1p()
                };
                softplus - t * f
            })
            .sum()
    };
    let (mut a, mut b) = (1.0f64, 0.0f64);
    let mut current = loss(a, b);
    for _ in 0..100 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
        for &(z, y) in pairs {
            let z = f64::from(z);
            let t = if y { t_pos } else { t_neg };
            let p = 1.0 / (1.0 + (-(a * z + b)).exp());
            let d = p - t;
            ga += d * z;
            gb += d;
            let w = p * (1.0 - p);
            haa += w * z * z;
            hab += w * z;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-18 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        let mut step = 1.0;
        let mut improved = false;
        while step > 1e-6 {
            let (na, nb) = (a - step * da, b - step * db);
            let l = loss(na, nb);
            if l < current {
                a = na;
                b = nb;
                improved = current - l > 1e-10 * current.abs().max(1.0);
                current = l;
                break;
            }
            step *= 0.5;
        }
        if !improved {
            break;
        }
    }
    Platt {
        a: a.max(MIN_SLOPE) as f32,
        b: b as f32,
    }
}
