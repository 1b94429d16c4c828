//! Binary-classification figures shared by training (threshold choice) and `vigie eval`.

use serde::Serialize;

/// Precision, recall and F1 of `score >= threshold` over `(score, is_positive)` pairs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AtThreshold {
    pub n: u32,
    pub positives: u32,
    pub predicted: u32,
    pub true_positives: u32,
    pub precision: f32,
    pub recall: f32,
    pub f1: f32,
}

pub fn at_threshold(pairs: &[(f32, bool)], threshold: f32) -> AtThreshold {
    let positives = pairs.iter().filter(|p| p.1).count() as u32;
    let predicted = pairs.iter().filter(|p| p.0 >= threshold).count() as u32;
    let true_positives = pairs.iter().filter(|p| p.1 && p.0 >= threshold).count() as u32;
    let precision = ratio(true_positives, predicted);
    let recall = ratio(true_positives, positives);
    AtThreshold {
        n: pairs.len() as u32,
        positives,
        predicted,
        true_positives,
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

fn ratio(a: u32, b: u32) -> f32 {
    if b == 0 { 0.0 } else { a as f32 / b as f32 }
}

fn f1(p: f32, r: f32) -> f32 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Area under the precision-recall curve, as average precision (the mean of the precision at
/// each positive's rank; ties broken pessimistically, negatives first).
pub fn average_precision(pairs: &[(f32, bool)]) -> f32 {
    let positives = pairs.iter().filter(|p| p.1).count();
    if positives == 0 {
        return 0.0;
    }
    let mut sorted: Vec<(f32, bool)> = pairs.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut tp = 0usize;
    let mut sum = 0.0f64;
    for (i, &(_, pos)) in sorted.iter().enumerate() {
        if pos {
            tp += 1;
            sum += tp as f64 / (i + 1) as f64;
        }
    }
    (sum / positives as f64) as f32
}

/// A threshold chosen on labelled scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chosen {
    pub threshold: f32,
    pub at: AtThreshold,
    pub precision_met: bool,
}

/// Weight that caps the share of positives in `pairs` at `max_prevalence` (negatives count
/// more when positives are over-represented), so that precision is not flattered by a corpus
/// sampled for harmful content. `None`, or a set already below the cap: 1 (as sampled).
pub fn negative_weight(pairs: &[(f32, bool)], max_prevalence: Option<f32>) -> f32 {
    let positives = pairs.iter().filter(|p| p.1).count() as f32;
    let negatives = pairs.len() as f32 - positives;
    match max_prevalence {
        Some(pi)
            if pi > 0.0
                && pi < 1.0
                && negatives > 0.0
                && positives / (positives + negatives) > pi =>
        {
            positives * (1.0 - pi) / (pi * negatives)
        }
        _ => 1.0,
    }
}

/// Precision with every false positive counted `negative_weight` times.
pub fn weighted_precision(at: &AtThreshold, negative_weight: f32) -> f32 {
    let fp = (at.predicted - at.true_positives) as f32;
    let tp = at.true_positives as f32;
    if tp + fp == 0.0 {
        0.0
    } else {
        tp / (tp + negative_weight * fp)
    }
}

/// The lowest threshold whose precision is at least `target` (the most recall for that
/// precision); when no threshold reaches it, the one with the best F1. Precision is measured
/// with the share of positives capped at `max_prevalence` (see [`negative_weight`]).
pub fn choose_threshold(pairs: &[(f32, bool)], target: f32, max_prevalence: Option<f32>) -> Chosen {
    let mut sorted: Vec<(f32, bool)> = pairs.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = sorted.iter().filter(|p| p.1).count() as u32;
    let neg_w = negative_weight(pairs, max_prevalence);
    let mut best_met: Option<(f32, u32, u32)> = None;
    let mut best_f1: Option<(f32, f32)> = None;
    let mut tp = 0u32;
    let mut i = 0;
    while i < sorted.len() {
        let score = sorted[i].0;
        // A threshold takes every post at or above it: step over ties together.
        while i < sorted.len() && sorted[i].0 == score {
            tp += u32::from(sorted[i].1);
            i += 1;
        }
        let predicted = i as u32;
        let fp = (predicted - tp) as f32;
        let precision = if tp == 0 {
            0.0
        } else {
            tp as f32 / (tp as f32 + neg_w * fp)
        };
        let recall = ratio(tp, positives);
        if precision >= target && tp > 0 {
            best_met = Some((score, tp, predicted));
        }
        let f = f1(precision, recall);
        if best_f1.is_none_or(|(bf, _)| f > bf) {
            best_f1 = Some((f, score));
        }
    }
    match (best_met, best_f1) {
        (Some((threshold, ..)), _) => Chosen {
            threshold,
            at: at_threshold(pairs, threshold),
            precision_met: true,
        },
        (None, Some((_, threshold))) => Chosen {
            threshold,
            at: at_threshold(pairs, threshold),
            precision_met: false,
        },
        (None, None) => Chosen {
            threshold: 0.5,
            at: at_threshold(pairs, 0.5),
            precision_met: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_of_perfect_and_inverted_rankings() {
        let perfect = [(0.9, true), (0.8, true), (0.2, false), (0.1, false)];
        assert!((average_precision(&perfect) - 1.0).abs() < 1e-6);
        let inverted = [(0.9, false), (0.8, false), (0.2, true), (0.1, true)];
        let ap = average_precision(&inverted);
        assert!((ap - (1.0 / 3.0 + 2.0 / 4.0) / 2.0).abs() < 1e-6, "{ap}");
    }

    #[test]
    fn chosen_threshold_meets_precision_with_most_recall() {
        let pairs = [
            (0.95, true),
            (0.9, true),
            (0.85, false),
            (0.8, true),
            (0.7, true),
            (0.6, false),
            (0.5, false),
            (0.4, true),
        ];
        let c = choose_threshold(&pairs, 0.8, None);
        assert!(c.precision_met);
        assert_eq!(c.threshold, 0.7);
        assert!(c.at.precision >= 0.8);
        assert_eq!(c.at.true_positives, 4);
        // Positives capped at a quarter: negatives count five times, only 0.9 keeps 0.8.
        let c = choose_threshold(&pairs, 0.8, Some(0.25));
        assert!(weighted_precision(&c.at, negative_weight(&pairs, Some(0.25))) >= 0.8);
        assert_eq!(c.threshold, 0.9);
        // A cap above the sampled share changes nothing.
        assert_eq!(negative_weight(&pairs, Some(0.7)), 1.0);
    }
}
