//! Cost of the detection stage per post: normalize + every standard detector, and the
//! detectors alone, on realistic ~100-character English and French posts (mostly clean, as on
//! a real platform, with some abuse and threats).
//!
//! `cargo bench -p vigie-detect --bench detect`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vigie_detect::{DetectData, defaults, standard_detector_set};
use vigie_text::{Normalized, Normalizer};

const POSTS: &[&str] = &[
    "Just got back from the farmers market, the strawberries this year are unreal. Anyone got a jam recipe?",
    "Honestly the referee was terrible tonight, we deserved that penalty and everyone in the stadium saw it",
    "I will kill you if you show up at my door again, I know where you live and I'm not joking this time",
    "Can someone explain why the bus is always late on Mondays? This commute is killing me, seriously.",
    "Those people are vermin and someone should shoot the mayor on friday at the city hall, spread the word",
    "Le match d'hier soir était incroyable, on a tué le game en deuxième mi-temps, bravo à toute l'équipe !",
    "Si tu reviens encore une fois devant chez moi je te bute, t'as compris ? Je sais où tu habites maintenant.",
    "Quelqu'un a une bonne adresse de boulangerie vers la gare ? Les croissants de la mienne sont devenus nuls.",
    "il faut pendre tous ces traîtres, rendez-vous samedi devant la mairie, ramenez des cordes et des battes",
    "Ce film m'a tuée, j'ai pleuré du début à la fin, la scène finale est sublime, allez le voir au cinéma",
    "f*ck this, you're a fucking idiot and a waste of space, go back to your country nobody wants you here",
    "Merci pour le partage, l'article sur la rénovation énergétique est très clair, je l'envoie à mes parents.",
];

fn bench(c: &mut Criterion) {
    let data = DetectData::defaults()
        .with_watchlist("data/watchlist.example.toml", defaults::WATCHLIST_EXAMPLE);
    let detectors = match standard_detector_set(&data) {
        Ok(set) => set,
        Err(e) => panic!("default data must load: {e}"),
    };
    let normalizer = Normalizer::new();
    let bytes: usize = POSTS.iter().map(|p| p.len()).sum();
    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Elements(POSTS.len() as u64));

    let mut signals = Vec::new();
    group.bench_function("normalize+detect", |b| {
        b.iter(|| {
            for post in POSTS {
                let normalized = normalizer.normalize(post, None);
                detectors.detect(post, &normalized, &mut signals);
                black_box(&signals);
            }
        })
    });

    let prepared: Vec<Normalized> = POSTS
        .iter()
        .map(|p| normalizer.normalize(p, None))
        .collect();
    group.bench_function("detect_only", |b| {
        b.iter(|| {
            for (post, n) in POSTS.iter().zip(&prepared) {
                detectors.detect(post, n, &mut signals);
                black_box(&signals);
            }
        })
    });
    for detector in detectors.iter() {
        let name = format!("detector:{}", detector.name());
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                for (post, n) in POSTS.iter().zip(&prepared) {
                    signals.clear();
                    detector.detect(
                        &vigie_detect::DetectInput {
                            original: post,
                            normalized: n,
                            prior: &[],
                        },
                        &mut signals,
                    );
                    black_box(&signals);
                }
            })
        });
    }
    group.finish();
    eprintln!(
        "{} posts, {:.0} bytes on average",
        POSTS.len(),
        bytes as f64 / POSTS.len() as f64
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
