//! Training, calibration, thresholds and the model file, on small synthetic sets.

use vigie_classify::model::{FORMAT_VERSION, ModelError};
use vigie_classify::{
    Classifier, FeatureSettings, LABELS, TrainConfig, TrainRow, label_index, metrics, train,
};
use vigie_detect::{Category, DetectInput, Detector};
use vigie_text::{Lang, Normalizer};

const HATE: usize = 0;
const THREAT: usize = 1;

fn row(text: &str, lang: Lang, labels: [Option<bool>; 7]) -> TrainRow {
    TrainRow {
        text: text.to_string(),
        normalized: Normalizer::new().normalize(text, Some(lang)),
        prior: Vec::new(),
        labels,
        weights: [1.0; 7],
    }
}

/// A small set where threats say "kill/tuer" and hate rows name a group insultingly, with
/// varied filler so that the model has something to generalise over.
fn synthetic(offset: usize, count: usize) -> Vec<TrainRow> {
    let fillers = [
        "today",
        "tomorrow",
        "at noon",
        "right now",
        "this week",
        "again",
        "for real",
        "ok",
    ];
    let mut rows = Vec::new();
    for i in offset..offset + count {
        let f = fillers[i % fillers.len()];
        let f2 = fillers[(i / 3) % fillers.len()];
        let (text, lang, threat, hate) = match i % 6 {
            0 => (format!("I will kill you {f} {f2}"), Lang::En, true, false),
            1 => (format!("je vais te tuer {f} {f2}"), Lang::Fr, true, false),
            2 => (
                format!("the vermin group are animals {f} {f2}"),
                Lang::En,
                false,
                true,
            ),
            3 => (
                format!("lovely weather {f} {f2} friends"),
                Lang::En,
                false,
                false,
            ),
            4 => (format!("on mange au parc {f} {f2}"), Lang::Fr, false, false),
            _ => (
                format!("this traffic is killing me {f} {f2}"),
                Lang::En,
                false,
                false,
            ),
        };
        let mut labels = [None; 7];
        labels[THREAT] = Some(threat);
        labels[HATE] = Some(hate);
        rows.push(row(&text, lang, labels));
    }
    rows
}

fn config() -> TrainConfig {
    TrainConfig {
        epochs: 3,
        min_positives: 5,
        min_dev_positives_per_lang: 3,
        features: FeatureSettings {
            hash_bits: 14,
            ..FeatureSettings::default()
        },
        ..TrainConfig::default()
    }
}

fn trained() -> Classifier {
    train(
        &config(),
        &synthetic(0, 240),
        &synthetic(1000, 120),
        &mut |_| {},
    )
    .expect("training on the synthetic set")
    .0
}

#[test]
fn training_is_reproducible_bit_for_bit() {
    let a = trained().to_bytes();
    let b = trained().to_bytes();
    assert_eq!(a, b);
    let other_seed = TrainConfig {
        seed: 7,
        ..config()
    };
    let c = train(
        &other_seed,
        &synthetic(0, 240),
        &synthetic(1000, 120),
        &mut |_| {},
    )
    .expect("training")
    .0
    .to_bytes();
    assert_ne!(a, c, "the seed must matter (shuffle order)");
}

#[test]
fn learns_the_synthetic_task() {
    let c = trained();
    let n = Normalizer::new();
    let threat = label_position(&c, Category::ViolenceThreat);
    let text = "I will kill you tonight";
    let yes = c.score(text, &n.normalize(text, Some(Lang::En)), &[]);
    let text = "lovely weather tonight friends";
    let no = c.score(text, &n.normalize(text, Some(Lang::En)), &[]);
    assert!(yes.probabilities[threat] > 0.5, "{yes:?}");
    assert!(no.probabilities[threat] < 0.5, "{no:?}");
}

/// Epoch averaging (`average_from_epoch`) changes the weights, stays reproducible, and the
/// averaged model still separates threats from small talk.
#[test]
fn epoch_averaging_is_reproducible_and_learns() {
    let averaged = TrainConfig {
        average_from_epoch: Some(2),
        ..config()
    };
    let run = || {
        train(
            &averaged,
            &synthetic(0, 240),
            &synthetic(1000, 120),
            &mut |_| {},
        )
        .expect("training")
        .0
    };
    let (a, b) = (run(), run());
    assert_eq!(a.to_bytes(), b.to_bytes());
    assert_ne!(
        a.to_bytes(),
        trained().to_bytes(),
        "averaging changed nothing"
    );
    let n = Normalizer::new();
    let threat = label_position(&a, Category::ViolenceThreat);
    let p = |text: &str| {
        a.score(text, &n.normalize(text, Some(Lang::En)), &[])
            .probabilities[threat]
    };
    assert!(p("I will kill you tonight") > p("lovely weather tonight friends"));
}

fn label_position(c: &Classifier, category: Category) -> usize {
    c.labels()
        .iter()
        .position(|&x| x == category)
        .expect("label learned")
}

#[test]
fn unknown_labels_are_not_trained_as_negatives() {
    // Rows about "zebra" are threats for the label only as UNKNOWN. Were unknown read as 0, the
    // "zebra" words would be learned as strong evidence against a threat.
    let mut train_rows = synthetic(0, 240);
    for i in 0..120 {
        let mut labels = [None; 7];
        labels[HATE] = Some(false);
        train_rows.push(row(
            &format!("zebra zebra stripes {}", i % 7),
            Lang::En,
            labels,
        ));
    }
    let (c, _) =
        train(&config(), &train_rows, &synthetic(1000, 120), &mut |_| {}).expect("training");
    let threat = label_position(&c, Category::ViolenceThreat);
    let n = Normalizer::new();
    let logit = |text: &str| {
        c.score(text, &n.normalize(text, Some(Lang::En)), &[])
            .logits[threat]
    };
    let zebra = logit("zebra zebra stripes");
    let known_negative = logit("lovely weather friends");
    assert!(
        zebra > known_negative + 1.0,
        "unknown-label words must stay near the prior: zebra {zebra}, known negative {known_negative}"
    );

    // The same rows labelled 0 do push "zebra" down: the test above can fail.
    for r in train_rows.iter_mut().skip(240) {
        r.labels[THREAT] = Some(false);
    }
    let (c, _) =
        train(&config(), &train_rows, &synthetic(1000, 120), &mut |_| {}).expect("training");
    let threat = label_position(&c, Category::ViolenceThreat);
    let text = "zebra zebra stripes";
    let negative = c
        .score(text, &n.normalize(text, Some(Lang::En)), &[])
        .logits[threat];
    assert!(negative < zebra - 1.0, "{negative} vs {zebra}");
}

#[test]
fn labels_without_data_are_left_out() {
    let (_, report) = train(
        &config(),
        &synthetic(0, 240),
        &synthetic(1000, 120),
        &mut |_| {},
    )
    .expect("training");
    let learned: Vec<Category> = report.learned.iter().map(|l| l.category).collect();
    assert_eq!(learned, vec![Category::Hate, Category::ViolenceThreat]);
    assert!(report.skipped.iter().any(|(c, _)| *c == Category::SelfHarm));
}

#[test]
fn calibration_is_monotone() {
    let c = trained();
    for platt in &c.header().calibration {
        assert!(platt.a > 0.0);
        let mut last = -1.0f32;
        for i in -400..=400 {
            let p = platt.apply(i as f32 / 20.0);
            assert!(
                p >= last,
                "calibration decreased at logit {}",
                i as f32 / 20.0
            );
            last = p;
        }
    }
    // Even on dev data where the order is reversed, the fitted slope stays positive.
    let reversed: Vec<(f32, bool)> = (0..100).map(|i| (i as f32 / 10.0, i < 50)).collect();
    assert!(vigie_classify::train::fit_platt(&reversed).a > 0.0);
}

/// A dev set with 80% positives (the pool's toxicity) is calibrated as if positives were at most
/// half: the mean calibrated score is the dev prevalence before, and about one half after on a
/// sample at the cap; the order of scores is kept, and a dev set already under the cap is left
/// alone.
#[test]
fn calibration_assumes_at_most_the_capped_prevalence() {
    use vigie_classify::train::{fit_platt, shift_to_prevalence};
    // Overlapping logits, 4 positives for every negative.
    let pairs: Vec<(f32, bool)> = (0..1000)
        .map(|i| {
            let positive = i % 5 != 0;
            let z = (i % 37) as f32 / 6.0 - 3.0 + if positive { 1.5 } else { -1.5 };
            (z, positive)
        })
        .collect();
    let mean = |p: vigie_classify::Platt| {
        pairs
            .iter()
            .map(|&(z, _)| f64::from(p.apply(z)))
            .sum::<f64>()
            / pairs.len() as f64
    };
    let fitted = fit_platt(&pairs);
    let shifted = shift_to_prevalence(fitted, &pairs, Some(0.5));
    assert!(
        (mean(fitted) - 0.8).abs() < 0.03,
        "as sampled: {}",
        mean(fitted)
    );
    // A sample at the cap: positives and negatives weigh the same.
    let balanced_mean = |p: vigie_classify::Platt| {
        let side = |y: bool| {
            let s: Vec<f64> = pairs
                .iter()
                .filter(|q| q.1 == y)
                .map(|&(z, _)| f64::from(p.apply(z)))
                .collect();
            s.iter().sum::<f64>() / s.len() as f64
        };
        (side(true) + side(false)) / 2.0
    };
    let at_cap = balanced_mean(shifted);
    assert!((at_cap - 0.5).abs() < 0.05, "at the cap: {at_cap}");
    assert!(balanced_mean(fitted) > 0.6, "{}", balanced_mean(fitted));
    assert_eq!(shifted.a, fitted.a, "the slope, hence the order, is kept");
    assert!(shifted.b < fitted.b);
    assert_eq!(shift_to_prevalence(fitted, &pairs, None), fitted);
    let minority: Vec<(f32, bool)> = pairs.iter().map(|&(z, y)| (-z, !y)).collect();
    let under_cap = fit_platt(&minority);
    assert!(minority.iter().filter(|p| p.1).count() <= 500);
    assert_eq!(
        shift_to_prevalence(under_cap, &minority, Some(0.5)),
        under_cap
    );
}

#[test]
fn thresholds_honour_the_target_precision_on_dev() {
    let dev = synthetic(1000, 120);
    let c = trained();
    for (li, &category) in c.labels().iter().enumerate() {
        let l = label_index(category).expect("known category");
        let t = &c.header().thresholds[li].all;
        let pairs: Vec<(f32, bool)> = dev
            .iter()
            .filter_map(|r| {
                r.labels[l].map(|y| {
                    (
                        c.score(&r.text, &r.normalized, &r.prior).probabilities[li],
                        y,
                    )
                })
            })
            .collect();
        let at = metrics::at_threshold(&pairs, t.value);
        let precision = metrics::weighted_precision(
            &at,
            metrics::negative_weight(&pairs, c.header().threshold_prevalence),
        );
        assert!(t.precision_met, "{category}: {t:?}");
        assert!(
            precision >= c.header().target_precision,
            "{category}: {at:?}"
        );
        assert_eq!(precision, t.dev_precision);
    }
}

#[test]
fn model_file_round_trips() {
    let c = trained();
    let bytes = c.to_bytes();
    let back = Classifier::from_bytes(&bytes).expect("reload");
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(back.header(), c.header());
}

#[test]
fn refuses_another_format_version() {
    let mut bytes = trained().to_bytes();
    bytes[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    match Classifier::from_bytes(&bytes) {
        Err(e @ ModelError::UnsupportedVersion { found, .. }) => {
            assert_eq!(found, FORMAT_VERSION + 1);
            assert!(e.to_string().contains("version"));
        }
        other => panic!("expected a version error, got {other:?}"),
    }
}

#[test]
fn refuses_a_truncated_file() {
    let bytes = trained().to_bytes();
    for cut in [0, 5, 13, 40, bytes.len() / 2, bytes.len() - 1] {
        match Classifier::from_bytes(&bytes[..cut]) {
            Err(e @ ModelError::Truncated { .. }) => assert!(e.to_string().contains("truncated")),
            other => panic!("cut at {cut}: expected truncated, got {other:?}"),
        }
    }
}

#[test]
fn refuses_a_corrupted_file() {
    let bytes = trained().to_bytes();
    // The last flip lands in the weights (before the 8-byte embeddings length and the checksum).
    for at in [30, bytes.len() / 2, bytes.len() - 48] {
        let mut bad = bytes.clone();
        bad[at] ^= 0x10;
        match Classifier::from_bytes(&bad) {
            Err(e @ ModelError::Checksum { .. }) => assert!(e.to_string().contains("checksum")),
            other => panic!("flip at {at}: expected checksum error, got {other:?}"),
        }
    }
    let mut bad = bytes.clone();
    bad[0] = b'X';
    assert!(matches!(
        Classifier::from_bytes(&bad),
        Err(ModelError::BadMagic)
    ));
}

#[test]
fn detector_emits_one_signal_per_category_with_evidence_when_flagged() {
    let c = trained();
    let text = "I will kill you tonight";
    let normalized = Normalizer::new().normalize(text, Some(Lang::En));
    let mut out = Vec::new();
    c.detect(
        &DetectInput {
            original: text,
            normalized: &normalized,
            prior: &[],
        },
        &mut out,
    );
    assert_eq!(out.len(), c.labels().len());
    let threat = out
        .iter()
        .find(|s| s.category == Category::ViolenceThreat)
        .expect("threat signal");
    assert_eq!(threat.detector, "classifier");
    assert!(!threat.evidence.is_empty());
    for e in &threat.evidence {
        assert!(text.get(e.span.range()).is_some());
    }
    let input = DetectInput {
        original: text,
        normalized: &normalized,
        prior: &[],
    };
    let top = c.explain(&input, 5);
    assert!(
        top.iter()
            .all(|e| e.positive.len() <= 5 && e.negative.len() <= 5)
    );
    // With every feature listed, the contributions add up to the logit the scorer computed.
    for e in c.explain(&input, usize::MAX) {
        let sum: f32 = e.positive.iter().chain(&e.negative).map(|f| f.weight).sum();
        assert!(
            (sum - e.logit).abs() < 1e-3,
            "{}: {sum} vs {}",
            e.category,
            e.logit
        );
        assert!(e.positive.windows(2).all(|w| w[0].weight >= w[1].weight));
    }
    assert_eq!(LABELS.len(), 7);
}

#[test]
fn garbage_and_mutated_model_bytes_are_refused_without_panicking() {
    let bytes = trained().to_bytes();
    // SplitMix64 stream: deterministic mutations of a real file, then plain noise.
    let mut state = 0x1234_5678u64;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for _ in 0..200 {
        let mut bad = bytes.clone();
        let at = (next() % bad.len() as u64) as usize;
        bad[at] = bad[at].wrapping_add(1 + (next() % 255) as u8);
        assert!(
            Classifier::from_bytes(&bad).is_err(),
            "mutation at {at} accepted"
        );
    }
    for len in [1usize, 8, 16, 64, 1000] {
        let noise: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        assert!(Classifier::from_bytes(&noise).is_err());
        let mut with_magic = b"VIGIEMDL".to_vec();
        with_magic.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        with_magic.extend_from_slice(&noise);
        assert!(Classifier::from_bytes(&with_magic).is_err());
    }
}

#[test]
fn scoring_odd_posts_never_panics_and_stays_in_range() {
    let c = trained();
    let n = Normalizer::new();
    let long = "kill ".repeat(2000);
    for text in [
        "",
        " ",
        "\u{200b}\u{200b}",
        "😀😀😀",
        "«»“”\"\"",
        "k̷i̷l̷l̷ y̷o̷u̷",
        long.as_str(),
        "a\u{0}b",
    ] {
        for lang in [Lang::En, Lang::Fr, Lang::Other] {
            let s = c.score(text, &n.normalize(text, Some(lang)), &[]);
            for p in &s.probabilities[..s.len] {
                assert!((0.0..=1.0).contains(p), "{text:?}: {p}");
            }
        }
    }
}
