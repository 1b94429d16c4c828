//! Cost of the classifier per ~100-character post (features + scoring + calibration), on the
//! shipped model (`models/vigie-enfr.vgm`), or on a synthetic model of the same size when the
//! shipped file is of another format version. Prints ns/post.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use vigie_classify::{Classifier, FeatureSettings, TrainConfig, TrainRow, train};
use vigie_detect::{Category, DetectInput, Detector, Signal};
use vigie_text::{Lang, Normalized, Normalizer};

const POSTS: [&str; 8] = [
    "I swear if you show up at the meeting tomorrow I will make sure you regret it, count on it.",
    "Honestly the new season of that show is great, the writing finally got better after all this time",
    "Les gens de ce quartier sont vraiment sympas, on a fait un pique-nique au parc ce dimanche midi.",
    "This traffic is killing me, stuck on the bridge for an hour already and my phone is at 3 percent",
    "Someone should go to his house and teach him a lesson he will never forget, you all know where",
    "je vais te retrouver et tu vas le regretter, je sais où tu habites et je viendrai ce soir, crois moi",
    "We don't hate anyone here, people of every faith are welcome in this community center, always",
    "Can't believe the referee gave that penalty, absolutely robbed in the last minute of the derby!!",
];

const SHIPPED: &[u8] = include_bytes!("../../../models/vigie-enfr.vgm");

fn model() -> Classifier {
    match Classifier::from_bytes(SHIPPED) {
        Ok(c) => {
            println!("bench model: shipped {}", c.model_version());
            return c;
        }
        Err(e) => println!("bench model: synthetic (shipped model not loadable: {e})"),
    }
    let normalizer = Normalizer::new();
    let mut rows = Vec::new();
    for (i, post) in POSTS.iter().cycle().take(400).enumerate() {
        let lang = if post.contains("je ") || post.contains("Les ") {
            Lang::Fr
        } else {
            Lang::En
        };
        let text = format!("{post} {}", i % 17);
        let threat = post.contains("regret") || post.contains("should go");
        let mut labels = [None; 7];
        labels[0] = Some(i % 5 == 0);
        labels[1] = Some(threat);
        labels[4] = Some(threat || i % 3 == 0);
        rows.push(TrainRow {
            normalized: normalizer.normalize(&text, Some(lang)),
            text,
            prior: Vec::new(),
            labels,
            weights: [1.0; 7],
        });
    }
    let config = TrainConfig {
        epochs: 1,
        features: FeatureSettings::default(),
        ..TrainConfig::default()
    };
    let (classifier, _) = train(&config, &rows, &rows, &mut |_| {}).expect("synthetic training");
    classifier
}

fn bench(c: &mut Criterion) {
    let classifier = model();
    let normalizer = Normalizer::new();
    let posts: Vec<(String, Normalized)> = POSTS
        .iter()
        .map(|p| (p.to_string(), normalizer.normalize(p, None)))
        .collect();
    let prior = vec![Signal {
        detector: "lexicon".into(),
        category: Category::Toxicity,
        score: 0.6,
        evidence: Vec::new(),
        targets: Vec::new(),
    }];

    // A plain timing first, so the figure is printed even where criterion's output is not read.
    let rounds = 200_000;
    let start = Instant::now();
    for i in 0..rounds {
        let (text, n) = &posts[i % posts.len()];
        black_box(classifier.score(text, n, &prior));
    }
    let ns = start.elapsed().as_nanos() as f64 / rounds as f64;
    println!("classifier score: {ns:.0} ns/post (~100-char posts, one prior signal)");
    let start = Instant::now();
    let mut out = Vec::with_capacity(16);
    for i in 0..rounds {
        let (text, n) = &posts[i % posts.len()];
        out.clear();
        classifier.detect(
            &DetectInput {
                original: text,
                normalized: n,
                prior: &prior,
            },
            &mut out,
        );
        black_box(&out);
    }
    let ns = start.elapsed().as_nanos() as f64 / rounds as f64;
    println!("classifier detect (signals built): {ns:.0} ns/post");

    let mut i = 0;
    c.bench_function("classifier_score_100_chars", |b| {
        b.iter(|| {
            let (text, n) = &posts[i % posts.len()];
            i += 1;
            black_box(classifier.score(text, n, &prior))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
