//! Synthetic training sets shared by the tests that show what the model can learn (word
//! interactions, word order): filler words, labelled rows, and the threat label's average
//! precision on a set.

#![allow(dead_code)] // each test crate uses its own part

use vigie_classify::{Classifier, TrainRow, metrics};
use vigie_detect::Category;
use vigie_text::{Lang, Normalizer};

pub const HATE: usize = 0;
pub const THREAT: usize = 1;

pub const FILLERS: [&str; 16] = [
    "and", "then", "maybe", "over", "there", "quite", "really", "near", "under", "today", "softly",
    "again", "somehow", "later", "indeed", "around",
];

/// The `k`-th filler word of row `i`, varied so that fillers carry no signal.
pub fn filler(i: usize, k: usize) -> &'static str {
    FILLERS[(i * 7 + k * 5 + i / 4) % FILLERS.len()]
}

/// An English row labelled for threat and, so that the model has more than one output, hate.
pub fn row(normalizer: &Normalizer, text: String, threat: bool, hate: bool) -> TrainRow {
    let mut labels = [None; 7];
    labels[THREAT] = Some(threat);
    labels[HATE] = Some(hate);
    TrainRow {
        normalized: normalizer.normalize(&text, Some(Lang::En)),
        text,
        prior: Vec::new(),
        labels,
        weights: [1.0; 7],
    }
}

/// Average precision of the classifier's threat score on `rows`.
pub fn threat_average_precision(c: &Classifier, rows: &[TrainRow]) -> f32 {
    let at = c
        .labels()
        .iter()
        .position(|&x| x == Category::ViolenceThreat)
        .expect("threat learned");
    let pairs: Vec<(f32, bool)> = rows
        .iter()
        .map(|r| {
            let s = c.score(&r.text, &r.normalized, &r.prior);
            (s.probabilities[at], r.labels[THREAT] == Some(true))
        })
        .collect();
    metrics::average_precision(&pairs)
}
