//! The model file: a versioned binary with a readable header.
//!
//! ```text
//! magic        8 bytes   "VIGIEMDL"
//! format       u32 LE    FORMAT_VERSION
//! header_len   u32 LE
//! header       JSON      Header (settings, labels, scales, calibration, thresholds, digest, seed)
//! weights_len  u64 LE    = buckets × labels
//! weights      i8 × weights_len, bucket-major (all labels of one bucket side by side, so one
//!                        feature costs one cache line)
//! embed_len    u64 LE    = buckets × interactions.dim (0 for a linear model)
//! embeddings   i8 × embed_len, bucket-major (one bucket's vector side by side)
//! checksum     32 bytes  BLAKE3 of every byte before it
//! ```
//!
//! Version 3 adds the interaction part (`Header::interactions` and the embedding table): each
//! feature bucket has a small vector; a post's vectors are summed with the features' values, go
//! through a ReLU hidden layer and add a second term to each label's logit (a wide-and-deep
//! model: the linear weights stay the "wide" part).

use serde::{Deserialize, Serialize};
use vigie_detect::Category;
use vigie_text::Lang;

use crate::features::FeatureSettings;

pub const MAGIC: &[u8; 8] = b"VIGIEMDL";
/// Version 4: skip-pair features (`FeatureSettings::skip_window`), which a reader of version 3
/// would ignore and so mis-score. Version 3: the interaction part (embedding table + hidden
/// layer). Version 2 had packed character-gram keys (version 1 hashed grams byte by byte).
pub const FORMAT_VERSION: u32 = 4;
/// Oldest version this build still reads: a version 3 file has the same layout and, having no
/// skip-pair window, the same features as a version 4 file with none.
pub const OLDEST_READABLE_VERSION: u32 = 3;
/// Widest hidden layer a model may have.
pub const MAX_HIDDEN: usize = 64;
/// Most labels a model can hold (the seven categories a classifier can learn).
pub const MAX_LABELS: usize = 8;
const CHECKSUM_LEN: usize = 32;

/// Why a model file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a vigie model file (bad magic bytes; expected \"VIGIEMDL\")")]
    BadMagic,
    #[error(
        "model file format version {found} is not supported by this build (it reads versions {oldest} to {expected}); retrain with `vigie train` or use a matching vigie"
    )]
    UnsupportedVersion {
        found: u32,
        oldest: u32,
        expected: u32,
    },
    #[error("model file is truncated: {needed} bytes needed for the {part}, {available} present")]
    Truncated {
        part: &'static str,
        needed: u64,
        available: u64,
    },
    #[error(
        "model file is corrupted: checksum mismatch (expected {expected}, computed {computed})"
    )]
    Checksum { expected: String, computed: String },
    #[error("model header is not valid: {0}")]
    Header(String),
}

/// Platt scaling: `p = sigmoid(a * logit + b)`, with `a > 0` so that it is monotone.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Platt {
    pub a: f32,
    pub b: f32,
}

impl Platt {
    pub const IDENTITY: Platt = Platt { a: 1.0, b: 0.0 };
    #[inline]
    pub fn apply(&self, logit: f32) -> f32 {
        sigmoid(self.a * logit + self.b)
    }
}

#[inline]
pub fn sigmoid(x: f32) -> f32 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// A decision threshold on the calibrated score, and how it did on the dev split.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub value: f32,
    /// Precision on dev, with positives capped at the model's `threshold_prevalence`.
    pub dev_precision: f32,
    pub dev_recall: f32,
    pub dev_n: u32,
    pub dev_positives: u32,
    /// Whether the dev precision reached the target; when not, the threshold maximises F1.
    pub precision_met: bool,
    /// `true` when this language had too few dev positives and the all-language threshold is
    /// used instead.
    pub fallback: bool,
}

/// Thresholds of one label: all languages together, then per language.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LabelThresholds {
    pub all: Threshold,
    pub en: Threshold,
    pub fr: Threshold,
}

impl LabelThresholds {
    pub fn for_lang(&self, lang: Lang) -> &Threshold {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Other => &self.all,
        }
    }
}

/// Counts the model was trained on, per label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LabelCounts {
    pub train_positives: u32,
    pub train_negatives: u32,
    pub dev_positives: u32,
    pub dev_negatives: u32,
}

/// The interaction ("deep") part of a model: `hidden = relu(scales ⊙ Σ value·E[bucket] + bias)`,
/// then `logit[l] += output[l] · hidden + output_bias[l]`. `E` is the i8 embedding table that
/// follows the linear weights in the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Interactions {
    /// Width of the hidden layer (and of each bucket's vector).
    pub dim: u32,
    /// Which text features have a vector: `false` every one, `true` only words, bigrams and
    /// negated words (not character grams nor language-crossed words), each then valued
    /// `1/sqrt(count of such features)`. Context features (markers, rule signals) always do.
    #[serde(default)]
    pub words_only: bool,
    /// log2 of the embedding table's rows; a feature's row is its bucket's top `hash_bits`
    /// bits. 0 = one row per feature bucket. Fewer rows than buckets keep the table in the
    /// CPU's cache next to the linear weights.
    #[serde(default)]
    pub hash_bits: u8,
    /// With `words_only`, whether skip pairs (`FeatureSettings::skip_window`) have a vector
    /// too, so that the hidden layer can combine word order with the rest of the post.
    #[serde(default)]
    pub skip_pairs: bool,
    /// Dequantisation factor of each dimension of the embedding table.
    pub scales: Vec<f32>,
    pub hidden_bias: Vec<f32>,
    /// `labels × dim`, label-major.
    pub output: Vec<f32>,
    pub output_bias: Vec<f32>,
}

impl Interactions {
    /// Rows of the embedding table.
    pub fn rows(&self, features: &FeatureSettings) -> usize {
        1usize << self.row_bits(features)
    }

    /// How far a feature bucket is shifted right to give its embedding row.
    pub fn row_shift(&self, features: &FeatureSettings) -> u32 {
        u32::from(features.hash_bits - self.row_bits(features))
    }

    fn row_bits(&self, features: &FeatureSettings) -> u8 {
        if self.hash_bits == 0 {
            features.hash_bits
        } else {
            self.hash_bits.min(features.hash_bits)
        }
    }
}

/// Everything about a model except its weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub model_version: String,
    pub features: FeatureSettings,
    pub labels: Vec<Category>,
    /// Dequantisation factor of each label's i8 weights.
    pub scales: Vec<f32>,
    pub calibration: Vec<Platt>,
    pub thresholds: Vec<LabelThresholds>,
    pub counts: Vec<LabelCounts>,
    pub target_precision: f32,
    /// The precision each label's thresholds aimed at (`target_precision` unless overridden).
    pub target_precisions: Vec<f32>,
    /// Highest share of positives at which `target_precision` is measured on dev (`None`: as
    /// sampled).
    pub threshold_prevalence: Option<f32>,
    /// BLAKE3 (hex) of the training and dev rows and of the training settings.
    pub data_digest: String,
    pub seed: u64,
    /// Training settings, as JSON, for the record.
    pub training: serde_json::Value,
    /// The interaction part; `None` for a linear model.
    pub interactions: Option<Interactions>,
}

/// Header + quantised weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub header: Header,
    pub weights: Vec<i8>,
    /// `buckets × interactions.dim`, bucket-major; empty for a linear model.
    pub embeddings: Vec<i8>,
}

impl Model {
    fn validate(&self) -> Result<(), ModelError> {
        let h = &self.header;
        let n = h.labels.len();
        if n == 0 || n > MAX_LABELS {
            return Err(ModelError::Header(format!(
                "{n} labels (expected 1 to {MAX_LABELS})"
            )));
        }
        if !(8..=26).contains(&h.features.hash_bits) {
            return Err(ModelError::Header(format!(
                "hash_bits {} out of range 8..=26",
                h.features.hash_bits
            )));
        }
        if h.features.char_min > h.features.char_max || h.features.char_max > 8 {
            return Err(ModelError::Header(format!(
                "character n-gram range {}..={} is not valid",
                h.features.char_min, h.features.char_max
            )));
        }
        if h.features.skip_window > crate::features::MAX_SKIP_WINDOW {
            return Err(ModelError::Header(format!(
                "skip_window {} out of range 0..={}",
                h.features.skip_window,
                crate::features::MAX_SKIP_WINDOW
            )));
        }
        for (what, len) in [
            ("scales", h.scales.len()),
            ("calibration", h.calibration.len()),
            ("thresholds", h.thresholds.len()),
            ("counts", h.counts.len()),
            ("target_precisions", h.target_precisions.len()),
        ] {
            if len != n {
                return Err(ModelError::Header(format!(
                    "{what} has {len} entries for {n} labels"
                )));
            }
        }
        if h.calibration
            .iter()
            .any(|p| p.a.is_nan() || p.a <= 0.0 || !p.a.is_finite() || !p.b.is_finite())
        {
            return Err(ModelError::Header(
                "calibration slope must be positive and finite".into(),
            ));
        }
        if h.scales.iter().any(|s| !s.is_finite()) {
            return Err(ModelError::Header("non-finite weight scale".into()));
        }
        let expected = h.features.buckets() * n;
        if self.weights.len() != expected {
            return Err(ModelError::Header(format!(
                "{} weights for {} buckets × {n} labels",
                self.weights.len(),
                h.features.buckets()
            )));
        }
        match &h.interactions {
            None if !self.embeddings.is_empty() => {
                return Err(ModelError::Header(format!(
                    "{} embedding weights but no interaction part in the header",
                    self.embeddings.len()
                )));
            }
            None => {}
            Some(i) => {
                let dim = i.dim as usize;
                if dim == 0 || dim > MAX_HIDDEN {
                    return Err(ModelError::Header(format!(
                        "hidden layer of {dim} (expected 1 to {MAX_HIDDEN})"
                    )));
                }
                for (what, len, expected) in [
                    ("interactions.scales", i.scales.len(), dim),
                    ("interactions.hidden_bias", i.hidden_bias.len(), dim),
                    ("interactions.output", i.output.len(), dim * n),
                    ("interactions.output_bias", i.output_bias.len(), n),
                ] {
                    if len != expected {
                        return Err(ModelError::Header(format!(
                            "{what} has {len} entries (expected {expected})"
                        )));
                    }
                }
                if i.scales
                    .iter()
                    .chain(&i.hidden_bias)
                    .chain(&i.output)
                    .chain(&i.output_bias)
                    .any(|x| !x.is_finite())
                {
                    return Err(ModelError::Header(
                        "non-finite number in the interaction part".into(),
                    ));
                }
                if i.hash_bits != 0 && !(8..=h.features.hash_bits).contains(&i.hash_bits) {
                    return Err(ModelError::Header(format!(
                        "interactions.hash_bits {} out of range 8..={}",
                        i.hash_bits, h.features.hash_bits
                    )));
                }
                let rows = i.rows(&h.features);
                if self.embeddings.len() != rows * dim {
                    return Err(ModelError::Header(format!(
                        "{} embedding weights for {rows} rows × {dim}",
                        self.embeddings.len(),
                    )));
                }
            }
        }
        Ok(())
    }

    /// Writes the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising a plain struct of numbers, strings and a JSON value cannot fail.
        let header = serde_json::to_vec(&self.header).unwrap_or_default();
        let mut out =
            Vec::with_capacity(72 + header.len() + self.weights.len() + self.embeddings.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(header.len() as u32).to_le_bytes());
        out.extend_from_slice(&header);
        out.extend_from_slice(&(self.weights.len() as u64).to_le_bytes());
        out.extend(self.weights.iter().map(|&w| w as u8));
        out.extend_from_slice(&(self.embeddings.len() as u64).to_le_bytes());
        out.extend(self.embeddings.iter().map(|&w| w as u8));
        let sum = blake3::hash(&out);
        out.extend_from_slice(sum.as_bytes());
        out
    }

    /// Reads a model file, refusing another format version, a truncated or a corrupted file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let available = bytes.len() as u64;
        let take = |at: usize, len: usize, part: &'static str| -> Result<&[u8], ModelError> {
            bytes.get(at..at + len).ok_or(ModelError::Truncated {
                part,
                needed: (at + len) as u64,
                available,
            })
        };
        let magic = take(0, 8, "magic bytes")?;
        if magic != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = u32::from_le_bytes(le4(take(8, 4, "format version")?));
        if !(OLDEST_READABLE_VERSION..=FORMAT_VERSION).contains(&version) {
            return Err(ModelError::UnsupportedVersion {
                found: version,
                oldest: OLDEST_READABLE_VERSION,
                expected: FORMAT_VERSION,
            });
        }
        let header_len = u32::from_le_bytes(le4(take(12, 4, "header length")?)) as usize;
        let header_bytes = take(16, header_len, "header")?;
        let weights_at = 16 + header_len;
        let weights_len = u64::from_le_bytes(le8(take(weights_at, 8, "weights length")?));
        let weights_len = usize::try_from(weights_len).map_err(|_| ModelError::Truncated {
            part: "weights",
            needed: weights_len,
            available,
        })?;
        let weights_end =
            (weights_at + 8)
                .checked_add(weights_len)
                .ok_or(ModelError::Truncated {
                    part: "weights",
                    needed: u64::MAX,
                    available,
                })?;
        let weights = take(weights_at + 8, weights_len, "weights")?;
        let embed_len = u64::from_le_bytes(le8(take(weights_end, 8, "embeddings length")?));
        let embed_len = usize::try_from(embed_len).map_err(|_| ModelError::Truncated {
            part: "embeddings",
            needed: embed_len,
            available,
        })?;
        let body_end = (weights_end + 8)
            .checked_add(embed_len)
            .ok_or(ModelError::Truncated {
                part: "embeddings",
                needed: u64::MAX,
                available,
            })?;
        let embeddings = take(weights_end + 8, embed_len, "embeddings")?;
        let stored = take(body_end, CHECKSUM_LEN, "checksum")?;
        let computed = blake3::hash(&bytes[..body_end]);
        if computed.as_bytes().as_slice() != stored {
            return Err(ModelError::Checksum {
                expected: hex(stored),
                computed: computed.to_hex().to_string(),
            });
        }
        if bytes.len() != body_end + CHECKSUM_LEN {
            return Err(ModelError::Header(format!(
                "{} unexpected bytes after the checksum",
                bytes.len() - body_end - CHECKSUM_LEN
            )));
        }
        let header: Header =
            serde_json::from_slice(header_bytes).map_err(|e| ModelError::Header(e.to_string()))?;
        let model = Model {
            header,
            weights: weights.iter().map(|&b| b as i8).collect(),
            embeddings: embeddings.iter().map(|&b| b as i8).collect(),
        };
        model.validate()?;
        if version < 4
            && (model.header.features.skip_window > 1
                || model
                    .header
                    .interactions
                    .as_ref()
                    .is_some_and(|i| i.skip_pairs))
        {
            return Err(ModelError::Header(format!(
                "format version {version} cannot have skip pairs (skip_window {})",
                model.header.features.skip_window
            )));
        }
        Ok(model)
    }
}

fn le4(b: &[u8]) -> [u8; 4] {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    a
}

fn le8(b: &[u8]) -> [u8; 8] {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    a
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Quantises one label's weights (column `label` of a bucket-major table) to i8 with a scale.
pub(crate) fn quantize(weights: &[f32], n_labels: usize, out: &mut [i8], scales: &mut [f32]) {
    for (l, label_scale) in scales.iter_mut().enumerate().take(n_labels) {
        let max = weights
            .iter()
            .skip(l)
            .step_by(n_labels)
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        *label_scale = scale;
        for (i, w) in weights.iter().enumerate().skip(l).step_by(n_labels) {
            out[i] = (w / scale).round().clamp(-127.0, 127.0) as i8;
        }
    }
}
