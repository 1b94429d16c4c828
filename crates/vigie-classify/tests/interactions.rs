//! The interaction part (format version 3): an embedding per feature bucket, summed, through a
//! ReLU hidden layer, added to the linear logits. On a task no linear model over these features
//! can learn (a conjunction of two words far apart), it must learn; it must be reproducible bit
//! for bit, survive the file round trip, refuse damaged files, and explain its scores exactly.

mod common;

use common::{filler, row, threat_average_precision};
use vigie_classify::model::{FORMAT_VERSION, ModelError, OLDEST_READABLE_VERSION};
use vigie_classify::{Classifier, FeatureSettings, TrainConfig, TrainRow, train};
use vigie_detect::{Category, DetectInput, Detector};
use vigie_text::{Lang, Normalizer};

/// Posts "<colour> <fillers> <animal> <fillers>": positive when (red and cat) or (blue and dog).
/// Each word alone is positive half of the time, and fillers keep the two words out of one
/// bigram, so word, bigram and character features are uninformative one by one.
fn conjunction(offset: usize, count: usize) -> Vec<TrainRow> {
    let normalizer = Normalizer::new();
    (offset..offset + count)
        .map(|i| {
            let red = i % 2 == 0;
            let cat = (i / 2) % 2 == 0;
            let f = |k: usize| filler(i, k);
            let text = format!(
                "{} {} {} {} {}",
                if red { "red" } else { "blue" },
                f(0),
                f(1),
                if cat { "cat" } else { "dog" },
                f(2)
            );
            row(&normalizer, text, red == cat, i % 3 == 0)
        })
        .collect()
}

fn config(dim: u32, words_only: bool) -> TrainConfig {
    TrainConfig {
        interactions_words_only: words_only,
        epochs: 30,
        min_positives: 5,
        min_dev_positives_per_lang: 3,
        interactions_dim: dim,
        interactions_learning_rate: 0.05,
        interactions_l2: 0.0,
        features: FeatureSettings {
            hash_bits: 12,
            ..FeatureSettings::default()
        },
        ..TrainConfig::default()
    }
}

fn trained(dim: u32, words_only: bool) -> Classifier {
    train(
        &config(dim, words_only),
        &conjunction(0, 400),
        &conjunction(1000, 200),
        &mut |_| {},
    )
    .expect("training on the conjunction set")
    .0
}

#[test]
fn interactions_learn_a_conjunction_the_linear_model_cannot() {
    let linear = threat_average_precision(&trained(0, false), &conjunction(5000, 200));
    assert!(linear < 0.75, "linear model AP {linear}");
    for words_only in [false, true] {
        let interactions =
            threat_average_precision(&trained(8, words_only), &conjunction(5000, 200));
        assert!(
            interactions > 0.95,
            "interaction model (words only: {words_only}) AP {interactions}"
        );
    }
}

#[test]
fn interaction_training_is_reproducible_and_round_trips() {
    let a = trained(8, false);
    let bytes = a.to_bytes();
    assert_eq!(bytes, trained(8, false).to_bytes());
    let words = trained(8, true).to_bytes();
    assert_eq!(words, trained(8, true).to_bytes());
    assert_ne!(words, bytes);
    let back = Classifier::from_bytes(&bytes).expect("reload");
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(back.header(), a.header());
    let part = back
        .header()
        .interactions
        .as_ref()
        .expect("interaction part");
    assert_eq!(part.dim, 8);
    let other_seed = train(
        &TrainConfig {
            seed: 9,
            ..config(8, false)
        },
        &conjunction(0, 400),
        &conjunction(1000, 200),
        &mut |_| {},
    )
    .expect("training")
    .0;
    assert_ne!(other_seed.to_bytes(), bytes, "the seed must matter");
}

#[test]
fn damaged_interaction_files_are_refused() {
    let bytes = trained(8, false).to_bytes();
    // Cut inside the embedding table and inside its length field.
    for cut in [bytes.len() - 33, bytes.len() - 32 - 4096, bytes.len() / 2] {
        match Classifier::from_bytes(&bytes[..cut]) {
            Err(e @ ModelError::Truncated { .. }) => assert!(e.to_string().contains("truncated")),
            other => panic!("cut at {cut}: expected truncated, got {other:?}"),
        }
    }
    let mut flipped = bytes.clone();
    let at = bytes.len() - 32 - 100;
    flipped[at] ^= 0x01;
    assert!(matches!(
        Classifier::from_bytes(&flipped),
        Err(ModelError::Checksum { .. })
    ));
    // A file older than the oldest readable version (2, linear only) is refused by its version.
    let mut old = bytes.clone();
    old[8..12].copy_from_slice(&(OLDEST_READABLE_VERSION - 1).to_le_bytes());
    match Classifier::from_bytes(&old) {
        Err(
            e @ ModelError::UnsupportedVersion {
                found, expected, ..
            },
        ) => {
            assert_eq!(
                (found, expected),
                (OLDEST_READABLE_VERSION - 1, FORMAT_VERSION)
            );
            assert!(e.to_string().contains("retrain"), "{e}");
        }
        other => panic!("expected a version error, got {other:?}"),
    }
}

#[test]
fn explanations_add_up_to_the_logit_and_evidence_points_at_the_words() {
    let normalizer = Normalizer::new();
    for (c, text) in [false, true]
        .into_iter()
        .map(|words_only| trained(8, words_only))
        .flat_map(|c| {
            ["red then maybe cat softly", "blue and over cat there"].map(|t| (c.clone(), t))
        })
    {
        let normalized = normalizer.normalize(text, Some(Lang::En));
        let input = DetectInput {
            original: text,
            normalized: &normalized,
            prior: &[],
        };
        for e in c.explain(&input, usize::MAX) {
            let sum: f32 = e.positive.iter().chain(&e.negative).map(|f| f.weight).sum();
            assert!(
                (sum - e.logit).abs() < 1e-3 * e.logit.abs().max(1.0),
                "{text}: {}: {sum} vs {}",
                e.category,
                e.logit
            );
        }
        let mut out = Vec::new();
        c.detect(&input, &mut out);
        let threat = out
            .iter()
            .find(|s| s.category == Category::ViolenceThreat)
            .expect("threat signal");
        let threshold = c
            .threshold(Category::ViolenceThreat, Lang::En)
            .expect("threshold")
            .value;
        if threat.score >= threshold {
            assert!(
                !threat.evidence.is_empty(),
                "{text}: flagged without evidence"
            );
            // A bigram is attributed to its second word, so a filler after a key word may
            // show too; the key words must be among the evidence.
            let words: Vec<&str> = threat
                .evidence
                .iter()
                .map(|ev| &text[ev.span.range()])
                .collect();
            assert!(
                words
                    .iter()
                    .any(|w| ["red", "blue", "cat", "dog"].contains(w)),
                "{text}: evidence {words:?}"
            );
        }
    }
}

#[test]
fn a_smaller_embedding_table_still_learns_and_round_trips() {
    let small = TrainConfig {
        interactions_hash_bits: 9,
        ..config(8, true)
    };
    let c = train(
        &small,
        &conjunction(0, 400),
        &conjunction(1000, 200),
        &mut |_| {},
    )
    .expect("training")
    .0;
    let part = c.header().interactions.as_ref().expect("interaction part");
    assert_eq!(part.hash_bits, 9);
    let bytes = c.to_bytes();
    let back = Classifier::from_bytes(&bytes).expect("reload");
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(part.rows(&c.header().features), 512);
    // The file holds 2^9 rows of 8, not 2^12: it is that much smaller than the full table's.
    let full = trained(8, true).to_bytes();
    let saved = full.len() as i64 - bytes.len() as i64;
    assert!(
        (saved - (4096 - 512) * 8).abs() < 200,
        "{saved} bytes smaller"
    );
    assert!(threat_average_precision(&c, &conjunction(5000, 200)) > 0.95);
    for bad in [3u8, 13] {
        let config = TrainConfig {
            interactions_hash_bits: bad,
            ..config(8, true)
        };
        assert!(
            train(
                &config,
                &conjunction(0, 40),
                &conjunction(1000, 20),
                &mut |_| {}
            )
            .is_err(),
            "hash bits {bad} accepted"
        );
    }
}
