//! Skip pairs (format version 4): ordered pairs of words a few tokens apart. On a task where
//! only the order of two words tells the classes apart — same words, same bigrams, same
//! character grams either way — a linear model learns it with skip pairs and cannot without.
//! A version 3 file (no skip pairs) still loads and scores the same; one that claims skip pairs
//! under version 3 is refused, since a version 3 reader would score it without them.

mod common;

use common::{filler, row, threat_average_precision};
use vigie_classify::features::{self, Collected, MarkerTable};
use vigie_classify::model::{FORMAT_VERSION, ModelError};
use vigie_classify::{Classifier, FeatureSettings, TrainConfig, TrainRow, train};
use vigie_text::{Lang, Normalizer};

/// Posts "<f> A <f> <f> B <f>": positive when "alpha" comes before "omega". Both words are in
/// every post, each between two fillers, so words, bigrams and character grams are the same
/// for both orders; only a pair of words three tokens apart, in order, tells them apart.
fn ordered(offset: usize, count: usize) -> Vec<TrainRow> {
    let normalizer = Normalizer::new();
    (offset..offset + count)
        .map(|i| {
            let alpha_first = i % 2 == 0;
            let f = |k: usize| filler(i, k);
            let (a, b) = if alpha_first {
                ("alpha", "omega")
            } else {
                ("omega", "alpha")
            };
            let text = format!("{} {a} {} {} {b} {}", f(0), f(1), f(2), f(3));
            row(&normalizer, text, alpha_first, i % 3 == 0)
        })
        .collect()
}

fn config(skip_window: u8, skip_anchored: bool) -> TrainConfig {
    TrainConfig {
        epochs: 30,
        min_positives: 5,
        min_dev_positives_per_lang: 3,
        features: FeatureSettings {
            hash_bits: 12,
            skip_window,
            skip_anchored,
            ..FeatureSettings::default()
        },
        ..TrainConfig::default()
    }
}

fn trained(skip_window: u8) -> Classifier {
    train(
        &config(skip_window, false),
        &ordered(0, 400),
        &ordered(1000, 200),
        &mut |_| {},
    )
    .expect("training on the ordered set")
    .0
}

#[test]
fn skip_pairs_learn_word_order_that_bigrams_cannot() {
    let without = threat_average_precision(&trained(0), &ordered(5000, 200));
    assert!(without < 0.75, "without skip pairs AP {without}");
    let with = threat_average_precision(&trained(4), &ordered(5000, 200));
    assert!(with > 0.95, "with skip pairs AP {with}");
}

fn collect(settings: &FeatureSettings, text: &str) -> Collected {
    let n = Normalizer::new().normalize(text, Some(Lang::En));
    let mut c = Collected::default();
    features::extract(settings, &MarkerTable::new(), text, &n, &[], &mut c);
    c
}

#[test]
fn skip_pairs_add_features_without_changing_the_others() {
    let text = "you will not see the morning";
    let plain = collect(&FeatureSettings::default(), text);
    for (window, anchored) in [(3u8, false), (4, true)] {
        let settings = FeatureSettings {
            skip_window: window,
            skip_anchored: anchored,
            ..FeatureSettings::default()
        };
        let with = collect(&settings, text);
        // Every feature of the plain extraction is still there, in the same order.
        let mut rest = with.text.iter();
        for bucket in &plain.text {
            assert!(rest.any(|b| b == bucket), "bucket {bucket} lost");
        }
        assert!(with.text.len() > plain.text.len());
        assert_eq!(with.context, plain.context);
    }
    // Six tokens, window 3: tokens 2..=5 get one pair each at distance 2, tokens 3..=5 one more.
    let window_3 = collect(
        &FeatureSettings {
            skip_window: 3,
            ..FeatureSettings::default()
        },
        text,
    );
    assert_eq!(window_3.text.len(), plain.text.len() + 4 + 3);
    // The pair is ordered: the same words the other way round give other buckets.
    let settings = FeatureSettings {
        skip_window: 2,
        ..FeatureSettings::default()
    };
    let forward = collect(&settings, "alpha x omega");
    let backward = collect(&settings, "omega x alpha");
    let mut f = forward.text.clone();
    let mut b = backward.text.clone();
    f.sort_unstable();
    b.sort_unstable();
    assert_ne!(f, b);
}

/// The file with its format version replaced and its checksum recomputed.
fn as_version(bytes: &[u8], version: u32) -> Vec<u8> {
    let mut out = bytes[..bytes.len() - 32].to_vec();
    out[8..12].copy_from_slice(&version.to_le_bytes());
    let sum = blake3::hash(&out);
    out.extend_from_slice(sum.as_bytes());
    out
}

#[test]
fn version_3_files_load_unless_they_claim_skip_pairs() {
    let plain = trained(0);
    let old = as_version(&plain.to_bytes(), 3);
    let loaded = Classifier::from_bytes(&old).expect("a version 3 file without skip pairs loads");
    for r in ordered(7000, 20) {
        assert_eq!(
            loaded.score(&r.text, &r.normalized, &r.prior),
            plain.score(&r.text, &r.normalized, &r.prior)
        );
    }
    assert_eq!(
        Classifier::from_bytes(&as_version(&plain.to_bytes(), FORMAT_VERSION))
            .expect("same file as version 4")
            .to_bytes(),
        plain.to_bytes()
    );
    let with_pairs = as_version(&trained(4).to_bytes(), 3);
    match Classifier::from_bytes(&with_pairs) {
        Err(e @ ModelError::Header(_)) => assert!(e.to_string().contains("skip"), "{e}"),
        other => panic!("expected a header error, got {other:?}"),
    }
}

#[test]
fn skip_pair_training_is_reproducible() {
    assert_eq!(trained(4).to_bytes(), trained(4).to_bytes());
    assert_ne!(trained(4).to_bytes(), trained(0).to_bytes());
}
