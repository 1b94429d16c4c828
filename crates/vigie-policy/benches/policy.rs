//! Cost of the policy stage per post with the default policy: a benign post (no signal, the
//! common case), a post with a few signals that make rules fire, and the same without guards
//! (every condition run in CEL) to show what the guards save.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vigie_detect::{Category, Signal, Target};
use vigie_policy::{AuthorContext, EvalInput, Policy, PostContext};
use vigie_text::Lang;

const DEFAULT_POLICY: &str = include_str!("../../../data/policies/default.toml");

fn signal(category: Category, score: f32, targets: Vec<Target>) -> Signal {
    Signal {
        detector: "classifier".into(),
        category,
        score,
        evidence: Vec::new(),
        targets,
    }
}

fn bench(c: &mut Criterion) {
    let policy = match Policy::from_toml("data/policies/default.toml", DEFAULT_POLICY) {
        Ok(policy) => policy,
        Err(e) => panic!("{e}"),
    };
    let context = PostContext {
        lang: None,
        reach: Some(250),
        surface: Some("comment".to_string()),
        author: AuthorContext {
            id: Some("u1".to_string()),
            account_age_days: Some(120.0),
            strikes: Some(0),
            followers: Some(80),
        },
    };
    let no_signals: Vec<Signal> = Vec::new();
    // weak signals from the lexicon on an ordinary post: no rule passes its guard
    let weak = vec![
        signal(Category::Toxicity, 0.15, Vec::new()),
        signal(Category::Profanity, 0.3, Vec::new()),
    ];
    // an abusive post: a threat at the addressee, toxicity, profanity
    let abusive = vec![
        signal(Category::ViolenceThreat, 0.78, vec![Target::Addressee]),
        signal(Category::Harassment, 0.7, vec![Target::Addressee]),
        signal(Category::Toxicity, 0.8, Vec::new()),
        signal(Category::Profanity, 0.85, Vec::new()),
    ];
    let input = |signals: &'static [Signal]| EvalInput {
        signals,
        lang: Lang::En,
        text_chars: 100,
        context: Box::leak(Box::new(context.clone())),
    };
    let no_signals: &'static [Signal] = Vec::leak(no_signals);
    let weak: &'static [Signal] = Vec::leak(weak);
    let abusive: &'static [Signal] = Vec::leak(abusive);

    let mut group = c.benchmark_group("default_policy");
    for (name, signals) in [
        ("no_signal", no_signals),
        ("weak_signals", weak),
        ("abusive", abusive),
    ] {
        let post = input(signals);
        group.bench_function(name, |b| b.iter(|| policy.evaluate(black_box(&post))));
        group.bench_function(format!("{name}_cel_only"), |b| {
            b.iter(|| policy.evaluate_cel_only(black_box(&post)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
