//! The whole pipeline (normalize → detect → policy) per post, on one thread.
//!
//! Posts: `VIGIE_BENCH_CORPUS` (JSONL with `text`, e.g. from ../shared/bench/make_corpus.py) when
//! set, else the example posts shipped in `data/examples/`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vigie_engine::{Engine, Post};
use vigie_policy::PostContext;

fn posts() -> Vec<String> {
    let path = std::env::var("VIGIE_BENCH_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/examples/posts.jsonl"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .take(20_000)
        .collect()
}

fn pipeline(c: &mut Criterion) {
    let posts = posts();
    let context = PostContext::default();
    let mut group = c.benchmark_group("pipeline");
    for (name, engine) in [
        ("rules_only", Engine::builder().without_classifier().build()),
        ("with_classifier", Engine::builder().build()),
    ] {
        let engine = match engine {
            Ok(e) => e,
            Err(e) => panic!("building the engine: {e}"),
        };
        group.throughput(Throughput::Elements(posts.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut flagged = 0usize;
                for (i, text) in posts.iter().enumerate() {
                    let id = i.to_string();
                    let d = engine.decide(&Post {
                        id: &id,
                        text,
                        context: &context,
                    });
                    flagged += usize::from(d.action != vigie_policy::Action::Allow);
                }
                flagged
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
