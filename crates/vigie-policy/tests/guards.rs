//! Guards and the native evaluator only skip work: on any signals and context, the fast path
//! and the CEL interpreter alone give the same verdict, errors included.

mod common;

use common::*;
use proptest::prelude::*;
use vigie_detect::{Category, Signal, Target};
use vigie_policy::{AuthorContext, EvalInput, Policy, PostContext};
use vigie_text::Lang;

/// Rules of every shape the guard extraction handles, and some it must leave alone.
const SHAPES: &str = r#"
[policy]
name = "shapes"

[[rule]]
id = "ge-double"
when = "signals.hate.score >= 0.5"
action = "remove"
reason_code = "a"

[[rule]]
id = "gt-int"
when = "signals.toxicity.score > 0"
action = "label"
reason_code = "b"

[[rule]]
id = "mirrored"
when = "0.7 <= signals.threat.score && 0.2 < signals.incitement.score"
action = "remove"
reason_code = "c"

[[rule]]
id = "or"
when = "signals.sexual.score >= 0.6 || signals.self_harm.score > 0.4 || signals.profanity.score >= 1"
action = "label"
reason_code = "d"

[[rule]]
id = "and-or"
when = "(signals.harassment.score >= 0.3 || signals.hate.score >= 0.3) && author.strikes > 1"
action = "hold_for_review"
reason_code = "e"

[[rule]]
id = "or-unguarded-side"
when = "signals.hate.score >= 0.9 || post.length > 200"
action = "demote"
reason_code = "f"
mode = "shadow"

[[rule]]
id = "negated"
when = "!(signals.hate.score < 0.5) && post.reach > 10"
action = "hold_for_review"
reason_code = "g"

[[rule]]
id = "error-then-score"
when = "author.account_age_days < 3.0 && signals.violence_threat.score >= 0.4"
action = "escalate_urgent"
reason_code = "h"

[[rule]]
id = "equalities"
when = 'signals.hate.score > 0.1 && (post.length == 80 || author.account_age_days == 2 || post.surface != "dm" || post.lang == "en" && author.strikes != 1)'
action = "label"
reason_code = "j"

[[rule]]
id = "has-or-value"
when = "signals.toxicity.score >= 0.2 && (!has(author.strikes) || author.strikes == 0) && has(signals.hate.score) && has(post.length)"
action = "label"
reason_code = "k"

[[rule]]
id = "errors-both-sides"
when = "signals.profanity.score >= 0.1 && (author.followers > 3 || post.reach < 50000)"
action = "demote"
reason_code = "l"

[[rule]]
id = "not-of-error"
when = "signals.sexual.score >= 0.1 && !(author.account_age_days >= 10.5) && true"
action = "label"
reason_code = "m"

[[rule]]
id = "bool-literals"
when = "signals.self_harm.score >= 0.1 && (false || post.length >= 200 == true)"
action = "label"
reason_code = "n"

[[rule]]
id = "exists-mixed"
when = 'signals.threat.score >= 0.3 && signals.threat.targets.exists(t, t.kind == "watchlisted" && (t.role != "official" || "b" == t.id) || !(t.kind != "addressee"))'
action = "escalate_urgent"
reason_code = "o"

[[rule]]
id = "exists-detectors"
when = 'signals.harassment.score > 0.2 && signals.harassment.detectors.exists(d, d == "lexicon") && !signals.toxicity.detectors.exists(x, x != "classifier")'
action = "hold_for_review"
reason_code = "p"

[[rule]]
id = "size-of-targets"
when = "signals.hate.score >= 0.2 && size(signals.hate.targets) > 1"
action = "remove"
reason_code = "q"

[[rule]]
id = "targets"
when = 'signals.incitement.score >= 0.3 && signals.incitement.targets.exists(t, t.kind == "group")'
action = "remove"
reason_code = "i"
"#;

fn arb_target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Addressee),
        "[a-c]".prop_map(|id| Target::Group { id }),
        (
            "[a-c]",
            prop::sample::select(vec!["official", "journalist", ""])
        )
            .prop_map(|(id, role)| Target::Watchlisted {
                id,
                role: role.to_string()
            }),
    ]
}

fn arb_score() -> impl Strategy<Value = f32> {
    prop_oneof![
        // thresholds themselves, where `>=` and `>` differ
        prop::sample::select(vec![
            0.0f32, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0
        ]),
        0.0f32..=1.0,
        Just(f32::NAN),
        -1.0f32..2.0,
    ]
}

fn arb_signal() -> impl Strategy<Value = Signal> {
    (
        prop::sample::select(Category::ALL.to_vec()),
        arb_score(),
        prop::collection::vec(arb_target(), 0..3),
        prop::sample::select(vec!["lexicon", "classifier", "threat_pattern"]),
    )
        .prop_map(|(category, score, targets, detector)| Signal {
            detector: detector.to_string().into(),
            category,
            score,
            evidence: Vec::new(),
            targets,
        })
}

fn arb_context() -> impl Strategy<Value = PostContext> {
    (
        prop::option::of(0u64..100_000),
        prop::option::of(prop::sample::select(vec!["dm", "comment", "post"])),
        prop::option::of(prop_oneof![
            0.0f64..30.0,
            Just(2.0),
            Just(10.5),
            Just(f64::NAN)
        ]),
        prop::option::of(0u32..5),
        prop::option::of(0u64..10),
    )
        .prop_map(|(reach, surface, age, strikes, followers)| PostContext {
            lang: None,
            reach,
            surface: surface.map(str::to_string),
            author: AuthorContext {
                id: None,
                account_age_days: age,
                strikes,
                followers,
            },
        })
}

fn same_verdicts(policy: &Policy, signals: &[Signal], context: &PostContext, text_chars: usize) {
    let input = EvalInput {
        signals,
        lang: Lang::En,
        text_chars,
        context,
    };
    let guarded = policy.evaluate(&input);
    let unguarded = policy.evaluate_cel_only(&input);
    assert_eq!(
        guarded, unguarded,
        "signals {signals:?} context {context:?}"
    );
}

static DEFAULT: std::sync::LazyLock<Policy> = std::sync::LazyLock::new(default_policy);
static SHAPES_POLICY: std::sync::LazyLock<Policy> = std::sync::LazyLock::new(|| load(SHAPES));

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn guards_do_not_change_the_default_policy(
        signals in prop::collection::vec(arb_signal(), 0..6),
        context in arb_context(),
        text_chars in prop_oneof![0usize..400, Just(80), Just(200)],
    ) {
        same_verdicts(&DEFAULT, &signals, &context, text_chars);
    }

    #[test]
    fn guards_do_not_change_any_rule_shape(
        signals in prop::collection::vec(arb_signal(), 0..6),
        context in arb_context(),
        text_chars in prop_oneof![0usize..400, Just(80), Just(200)],
    ) {
        same_verdicts(&SHAPES_POLICY, &signals, &context, text_chars);
    }
}

#[test]
fn guard_shapes_are_recognised() {
    let policy = load(SHAPES);
    let guard = |id: &str| {
        policy
            .rules()
            .iter()
            .find(|r| r.id() == id)
            .and_then(|r| r.guard())
    };
    assert_eq!(
        guard("ge-double").as_deref(),
        Some("signals.hate.score >= 0.5")
    );
    assert_eq!(
        guard("gt-int").as_deref(),
        Some("signals.toxicity.score > 0")
    );
    assert_eq!(
        guard("mirrored").as_deref(),
        Some("(signals.violence_threat.score >= 0.7) && (signals.incitement.score > 0.2)")
    );
    assert!(guard("or").is_some_and(|g| g.contains(" || ")));
    assert!(guard("and-or").is_some());
    assert_eq!(
        guard("or-unguarded-side"),
        None,
        "one side of || has no score test"
    );
    assert_eq!(guard("negated"), None);
    assert_eq!(
        guard("error-then-score").as_deref(),
        Some("signals.violence_threat.score >= 0.4")
    );
    let native = |id: &str| {
        policy
            .rules()
            .iter()
            .find(|r| r.id() == id)
            .is_some_and(|r| r.is_native())
    };
    for id in [
        "ge-double",
        "mirrored",
        "and-or",
        "negated",
        "equalities",
        "has-or-value",
        "errors-both-sides",
        "not-of-error",
    ] {
        assert!(native(id), "{id} should run natively");
    }
    assert!(native("targets") && native("exists-mixed") && native("exists-detectors"));
    assert!(!native("size-of-targets"), "functions go to CEL");
    assert!(
        !native("bool-literals"),
        "a comparison of comparisons goes to CEL"
    );
}
