//! The whole pipeline (normalize → detect → policy) per post, on one thread.
//!
//! Posts: `VIGIE_BENCH_CORPUS` (JSONL with `text`, e.g. from ../shared/bench/make_corpus.py) when
//! set, else the example posts shipped in `data/examples/`.
//!
//! With `VIGIE_BENCH_DUMP=FILE` (and `VIGIE_BENCH_CORPUS`), the bench instead writes the decision
//! of every post of the corpus to FILE as JSONL, as `vigie scan` does (language from the line's
//! `lang`), both with the classifier (FILE) and without it (FILE.rules): a quick check that an
//! optimisation leaves every decision as it was, without building the whole CLI.
//!
//! With `VIGIE_BENCH_LOOP=rules|classifier` (and `VIGIE_BENCH_CORPUS`), the bench instead
//! decides the first `VIGIE_BENCH_N` posts (default 20,000) once, in `decide_all`, and prints
//! the time: under `valgrind --tool=callgrind --toggle-collect='*decide_all*'` the instructions
//! per post, reproducible on a noisy machine where timings are not.

use criterion::{Criterion, Throughput, criterion_group};
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

/// `(id, text, context)` of every post of a JSONL corpus, the language taken from `lang`.
fn read_posts(corpus: &str) -> Vec<(String, String, PostContext)> {
    let text = std::fs::read_to_string(corpus).unwrap_or_else(|e| panic!("reading {corpus}: {e}"));
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let id = v.get("id")?.as_str()?.to_string();
            let text = v.get("text")?.as_str()?.to_string();
            let context = PostContext {
                lang: v.get("lang").and_then(|l| l.as_str()).map(str::to_string),
                ..PostContext::default()
            };
            Some((id, text, context))
        })
        .collect()
}

/// Writes every decision of the corpus (see the module doc).
fn dump(corpus: &str, out: &str) {
    use std::io::Write;
    let posts = read_posts(corpus);
    for (engine, path) in [
        (Engine::builder().build(), out.to_string()),
        (
            Engine::builder().without_classifier().build(),
            format!("{out}.rules"),
        ),
    ] {
        let engine = engine.unwrap_or_else(|e| panic!("building the engine: {e}"));
        let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut w = std::io::BufWriter::new(file);
        let mut scratch = vigie_engine::Scratch::default();
        let started = std::time::Instant::now();
        for (id, text, context) in &posts {
            let mut d = engine.decide_with(&mut scratch, &Post { id, text, context });
            d.latency_us = 0;
            let line = serde_json::to_string(&d).unwrap_or_else(|e| panic!("{e}"));
            writeln!(w, "{line}").unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        eprintln!(
            "{path}: {} posts in {:.2} s",
            posts.len(),
            started.elapsed().as_secs_f64()
        );
    }
}

/// Decides every post once with one scratch; returns how many were not allowed.
#[inline(never)]
fn decide_all(engine: &Engine, posts: &[(String, String, PostContext)]) -> usize {
    let mut scratch = vigie_engine::Scratch::default();
    let mut flagged = 0;
    for (id, text, context) in posts {
        let d = engine.decide_with(&mut scratch, &Post { id, text, context });
        flagged += usize::from(d.action != vigie_policy::Action::Allow);
    }
    flagged
}

/// One pass over the corpus (see the module doc).
fn decide_loop(corpus: &str, mode: &str) {
    let n: usize = std::env::var("VIGIE_BENCH_N")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let posts: Vec<(String, String, PostContext)> =
        read_posts(corpus).into_iter().take(n).collect();
    let engine = match mode {
        "rules" => Engine::builder().without_classifier().build(),
        _ => Engine::builder().build(),
    }
    .unwrap_or_else(|e| panic!("building the engine: {e}"));
    let started = std::time::Instant::now();
    let flagged = decide_all(&engine, &posts);
    let s = started.elapsed().as_secs_f64();
    eprintln!(
        "{mode}: {} posts in {s:.3} s ({:.0} posts/s), {flagged} flagged",
        posts.len(),
        posts.len() as f64 / s
    );
}

criterion_group!(benches, pipeline);

fn main() {
    if let (Ok(corpus), Ok(mode)) = (
        std::env::var("VIGIE_BENCH_CORPUS"),
        std::env::var("VIGIE_BENCH_LOOP"),
    ) {
        decide_loop(&corpus, &mode);
        return;
    }
    if let (Ok(corpus), Ok(out)) = (
        std::env::var("VIGIE_BENCH_CORPUS"),
        std::env::var("VIGIE_BENCH_DUMP"),
    ) {
        dump(&corpus, &out);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
