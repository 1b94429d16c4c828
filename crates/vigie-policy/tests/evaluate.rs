//! How a policy turns signals into a verdict: precedence, shadow mode, aliases, absent values.

mod common;

use common::*;
use vigie_detect::{Category, Target};
use vigie_policy::{Action, AuthorContext, EvalInput, Mode, Policy, PostContext};
use vigie_text::Lang;

const LADDER: &str = r#"
[policy]
name = "ladder"

[[rule]]
id = "label-toxic"
when = "signals.toxicity.score >= 0.5"
action = "label"
reason_code = "toxic"
category = "toxicity"

[[rule]]
id = "remove-hate"
when = "signals.hate.score >= 0.8"
action = "remove"
reason_code = "hate"
category = "hate"

[[rule]]
id = "remove-threat"
when = "signals.violence_threat.score >= 0.8"
action = "remove"
reason_code = "threat"
category = "violence_threat"

[[rule]]
id = "shadow-escalate-hate"
when = "signals.hate.score >= 0.5"
action = "escalate_urgent"
reason_code = "hate_trial"
category = "hate"
mode = "shadow"
"#;

#[test]
fn nothing_fires_on_a_post_without_signals() {
    let policy = load(LADDER);
    let verdict = eval(&policy, &[], &PostContext::default());
    assert_eq!(verdict.action, Action::Allow);
    assert_eq!(verdict.reason_code, None);
    assert_eq!(verdict.category, None);
    assert!(verdict.fired.is_empty());
    assert!(verdict.errors.is_empty());
}

#[test]
fn most_severe_enforced_action_wins() {
    let policy = load(LADDER);
    let signals = [
        signal(Category::Toxicity, 0.9),
        signal(Category::Hate, 0.85),
    ];
    let verdict = eval(&policy, &signals, &PostContext::default());
    assert_eq!(verdict.action, Action::Remove);
    assert_eq!(verdict.reason_code.as_deref(), Some("hate"));
    assert_eq!(verdict.category, Some(Category::Hate));
    assert_eq!(
        fired_ids(&verdict),
        ["label-toxic", "remove-hate", "shadow-escalate-hate"]
    );
}

#[test]
fn ties_go_to_the_first_rule_in_file_order() {
    let policy = load(LADDER);
    let signals = [
        signal(Category::ViolenceThreat, 0.9),
        signal(Category::Hate, 0.9),
    ];
    let verdict = eval(&policy, &signals, &PostContext::default());
    assert_eq!(verdict.action, Action::Remove);
    assert_eq!(verdict.reason_code.as_deref(), Some("hate"));
    // the same rules with the threat rule first: the threat reason wins
    let swapped = LADDER.replacen("remove-hate", "remove-hate-x", 1);
    let (head, rest) = swapped.split_at(swapped.find("[[rule]]\nid = \"remove-hate-x\"").unwrap());
    let (hate_rule, rest) = rest.split_at(rest.find("[[rule]]\nid = \"remove-threat\"").unwrap());
    let (threat_rule, tail) = rest.split_at(rest.find("[[rule]]\nid = \"shadow").unwrap());
    let reordered = format!("{head}{threat_rule}{hate_rule}{tail}");
    let verdict = eval(&load(&reordered), &signals, &PostContext::default());
    assert_eq!(verdict.reason_code.as_deref(), Some("threat"));
    assert_eq!(verdict.category, Some(Category::ViolenceThreat));
}

#[test]
fn shadow_rules_fire_and_are_recorded_but_never_change_the_action() {
    let policy = load(LADDER);
    let signals = [signal(Category::Hate, 0.6)];
    let verdict = eval(&policy, &signals, &PostContext::default());
    assert_eq!(verdict.action, Action::Allow, "only the shadow rule fired");
    assert_eq!(verdict.reason_code, None);
    assert_eq!(verdict.fired.len(), 1);
    let fired = &verdict.fired[0];
    assert_eq!(&*fired.id, "shadow-escalate-hate");
    assert_eq!(fired.mode, Mode::Shadow);
    assert_eq!(fired.action, Action::EscalateUrgent);
    assert_eq!(&*fired.reason_code, "hate_trial");

    // next to an enforced rule, the shadow rule's harsher action is still not applied
    let signals = [signal(Category::Hate, 0.9)];
    let verdict = eval(&policy, &signals, &PostContext::default());
    assert_eq!(verdict.action, Action::Remove);
    assert!(verdict.fired.iter().any(|f| f.mode == Mode::Shadow));
}

#[test]
fn highest_score_across_detectors_is_used() {
    let policy = load(LADDER);
    let mut low = signal(Category::Hate, 0.3);
    low.detector = "lexicon".into();
    let mut high = signal(Category::Hate, 0.85);
    high.detector = "classifier".into();
    let verdict = eval(
        &policy,
        &[low.clone(), high.clone()],
        &PostContext::default(),
    );
    assert_eq!(verdict.action, Action::Remove);
    let verdict = eval(&policy, &[high, low], &PostContext::default());
    assert_eq!(verdict.action, Action::Remove);
}

#[test]
fn scores_out_of_range_or_not_finite_do_not_break_evaluation() {
    let policy = load(LADDER);
    for score in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -3.0] {
        let verdict = eval(
            &policy,
            &[signal(Category::Hate, score)],
            &PostContext::default(),
        );
        assert_eq!(verdict.action, Action::Allow, "score {score}");
        assert_eq!(
            verdict,
            policy.evaluate_cel_only(&input(&[signal(Category::Hate, score)]))
        );
    }
    // above 1 is clamped to 1, still a clear case
    let verdict = eval(
        &policy,
        &[signal(Category::Hate, 7.0)],
        &PostContext::default(),
    );
    assert_eq!(verdict.action, Action::Remove);
}

fn input(signals: &[vigie_detect::Signal]) -> EvalInput<'_> {
    static EMPTY: std::sync::LazyLock<PostContext> = std::sync::LazyLock::new(PostContext::default);
    EvalInput {
        signals,
        lang: Lang::En,
        text_chars: 80,
        context: &EMPTY,
    }
}

#[test]
fn threat_is_an_alias_of_violence_threat() {
    let policy = load(
        r#"
[policy]
name = "alias"

[[rule]]
id = "alias"
when = 'signals.threat.score >= 0.5 && signals.threat.detectors.exists(d, d == "test") && size(signals.threat.targets) == size(signals.violence_threat.targets)'
action = "remove"
reason_code = "threat"
"#,
    );
    let signals = [signal_on(
        Category::ViolenceThreat,
        0.7,
        vec![Target::Addressee],
    )];
    let verdict = eval(&policy, &signals, &PostContext::default());
    assert_eq!(fired_ids(&verdict), ["alias"]);
    assert!(verdict.errors.is_empty(), "{:?}", verdict.errors);
    // a score in another category does not leak into the alias
    let verdict = eval(
        &policy,
        &[signal(Category::Incitement, 0.9)],
        &PostContext::default(),
    );
    assert!(verdict.fired.is_empty());
    assert_eq!(
        policy.rules()[0].guard().as_deref(),
        Some("signals.violence_threat.score >= 0.5")
    );
}

#[test]
fn targets_and_detectors_are_visible() {
    let policy = load(
        r#"
[policy]
name = "targets"

[[rule]]
id = "journalist"
when = 'signals.violence_threat.score > 0.5 && signals.violence_threat.targets.exists(t, t.kind == "watchlisted" && t.role == "journalist" && t.id == "j-42")'
action = "escalate_urgent"
reason_code = "threat_journalist"

[[rule]]
id = "group"
when = 'signals.hate.score > 0.5 && "muslims" in signals.hate.targets.map(t, t.id) && "lexicon" in signals.hate.detectors'
action = "remove"
reason_code = "hate_group"
"#,
    );
    let mut hate = signal_on(Category::Hate, 0.7, vec![group("muslims")]);
    hate.detector = "lexicon".into();
    let threat = signal_on(
        Category::ViolenceThreat,
        0.7,
        vec![group("jews"), watchlisted("j-42", "journalist")],
    );
    let verdict = eval(&policy, &[hate.clone(), threat], &PostContext::default());
    assert_eq!(fired_ids(&verdict), ["journalist", "group"]);
    assert_eq!(verdict.action, Action::EscalateUrgent);
    assert!(verdict.errors.is_empty(), "{:?}", verdict.errors);

    let other_target = signal_on(
        Category::ViolenceThreat,
        0.7,
        vec![watchlisted("j-7", "journalist")],
    );
    let verdict = eval(&policy, &[other_target], &PostContext::default());
    assert!(verdict.fired.is_empty());
}

const CONTEXT_RULES: &str = r#"
[policy]
name = "context"

[[rule]]
id = "new-account"
when = "signals.toxicity.score >= 0.5 && has(author.account_age_days) && author.account_age_days < 7"
action = "hold_for_review"
reason_code = "new_account"

[[rule]]
id = "strikes-unguarded"
when = "signals.toxicity.score >= 0.5 && author.strikes >= 2"
action = "remove"
reason_code = "strikes"

[[rule]]
id = "reach"
when = 'signals.toxicity.score >= 0.5 && has(post.reach) && post.reach > 1000 && post.lang == "en" && post.length < 100'
action = "demote"
reason_code = "reach"

[[rule]]
id = "dm"
when = 'signals.toxicity.score >= 0.5 && has(post.surface) && post.surface == "dm" && has(author.followers) && author.followers == 0'
action = "label"
reason_code = "dm"
"#;

#[test]
fn absent_context_values_are_absent_not_zero() {
    let policy = load(CONTEXT_RULES);
    let signals = [signal(Category::Toxicity, 0.8)];
    let verdict = eval(&policy, &signals, &PostContext::default());
    assert!(verdict.fired.is_empty(), "{:?}", verdict.fired);
    assert_eq!(verdict.action, Action::Allow);
    // reading `author.strikes` without has() fails on this post: recorded, not fired
    assert_eq!(verdict.errors.len(), 1, "{:?}", verdict.errors);
    assert_eq!(verdict.errors[0].rule_id, "strikes-unguarded");
    assert!(
        verdict.errors[0].message.contains("strikes"),
        "{:?}",
        verdict.errors
    );

    // no score: the `&&` is false before the absent value is read, so no error either
    let verdict = eval(&policy, &[], &PostContext::default());
    assert!(verdict.errors.is_empty());
}

#[test]
fn present_context_values_are_used() {
    let policy = load(CONTEXT_RULES);
    let signals = [signal(Category::Toxicity, 0.8)];
    let context = PostContext {
        lang: None,
        reach: Some(5000),
        surface: Some("dm".to_string()),
        author: AuthorContext {
            id: None,
            account_age_days: Some(2.5),
            strikes: Some(3),
            followers: Some(0),
        },
    };
    let verdict = eval(&policy, &signals, &context);
    assert_eq!(
        fired_ids(&verdict),
        ["new-account", "strikes-unguarded", "reach", "dm"]
    );
    assert_eq!(verdict.action, Action::Remove);
    assert_eq!(verdict.reason_code.as_deref(), Some("strikes"));
    assert!(verdict.errors.is_empty());

    let veteran = PostContext {
        reach: Some(10),
        author: AuthorContext {
            account_age_days: Some(400.0),
            strikes: Some(0),
            ..AuthorContext::default()
        },
        ..PostContext::default()
    };
    let verdict = eval(&policy, &signals, &veteran);
    assert!(verdict.fired.is_empty(), "{:?}", verdict.fired);
    assert!(verdict.errors.is_empty());
}

#[test]
fn post_lang_and_length_come_from_the_input() {
    let policy = load(CONTEXT_RULES);
    let signals = [signal(Category::Toxicity, 0.8)];
    let context = PostContext {
        reach: Some(5000),
        ..PostContext::default()
    };
    let fired = |lang, text_chars| {
        let verdict = policy.evaluate(&EvalInput {
            signals: &signals,
            lang,
            text_chars,
            context: &context,
        });
        verdict.fired.iter().any(|f| &*f.id == "reach")
    };
    assert!(fired(Lang::En, 50));
    assert!(!fired(Lang::Fr, 50));
    assert!(!fired(Lang::En, 500));
}

#[test]
fn version_is_the_blake3_of_the_bytes() {
    let policy = load(LADDER);
    assert_eq!(policy.version().len(), 16);
    assert!(policy.version().bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(
        policy.version(),
        &blake3::hash(LADDER.as_bytes()).to_hex()[..16]
    );
    let edited = load(&LADDER.replace("0.8", "0.75"));
    assert_ne!(policy.version(), edited.version());
    assert_eq!(policy.name(), "ladder");
}

#[test]
fn rules_are_listed_in_file_order_with_their_fields() {
    let policy = load(LADDER);
    let ids: Vec<&str> = policy.rules().iter().map(|r| r.id()).collect();
    assert_eq!(
        ids,
        [
            "label-toxic",
            "remove-hate",
            "remove-threat",
            "shadow-escalate-hate"
        ]
    );
    let shadow = &policy.rules()[3];
    assert_eq!(shadow.mode(), Mode::Shadow);
    assert_eq!(shadow.action(), Action::EscalateUrgent);
    assert_eq!(shadow.reason_code(), "hate_trial");
    assert_eq!(shadow.category(), Some(Category::Hate));
    assert_eq!(shadow.when(), "signals.hate.score >= 0.5");
    assert_eq!(shadow.guard().as_deref(), Some("signals.hate.score >= 0.5"));
    let expected_line = LADDER
        .lines()
        .position(|l| l == r#"when = "signals.hate.score >= 0.5""#)
        .map(|i| i + 1);
    assert_eq!(Some(shadow.line()), expected_line);
}

#[test]
fn policy_is_send_and_sync_and_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Policy>();
    let policy = load(LADDER);
    let signals = [signal(Category::Hate, 0.9)];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| eval(&policy, &signals, &PostContext::default()).action))
            .collect();
        for handle in handles {
            assert_eq!(handle.join().ok(), Some(Action::Remove));
        }
    });
}

#[test]
fn rule_giving_a_non_boolean_on_some_posts_counts_as_not_fired() {
    // a boolean with every value present, a string when the surface is "dm": only a run-time
    // check can see it
    let policy = load(
        r#"
[policy]
name = "odd"

[[rule]]
id = "odd"
when = 'has(post.surface) && post.surface == "dm" ? post.surface : signals.hate.score > 0.5'
action = "remove"
reason_code = "odd"
"#,
    );
    assert_eq!(policy.rules()[0].guard(), None, "a ternary has no guard");
    let context = PostContext {
        surface: Some("dm".to_string()),
        ..PostContext::default()
    };
    let verdict = eval(&policy, &[signal(Category::Hate, 0.9)], &context);
    assert_eq!(verdict.action, Action::Allow);
    assert_eq!(verdict.errors.len(), 1);
    assert!(
        verdict.errors[0].message.contains("boolean"),
        "{:?}",
        verdict.errors
    );
}

#[test]
fn objects_can_be_read_whole_indexed_and_tested() {
    let policy = load(
        r#"
[policy]
name = "objects"

[[rule]]
id = "index"
when = 'signals["hate"].score >= 0.5 && post["lang"] == "en" && signals.threat["score"] == 0.0'
action = "label"
reason_code = "index"

[[rule]]
id = "has"
when = "has(signals.hate.score) && has(signals.threat.targets) && !has(post.reach) && has(post.length)"
action = "label"
reason_code = "has"

[[rule]]
id = "size"
when = 'size(signals.hate.targets) == 2 && size(signals.hate.detectors) == 1 && signals.hate.targets[1].role == ""'
action = "label"
reason_code = "size"
"#,
    );
    let hate = signal_on(
        Category::Hate,
        0.7,
        vec![group("roma"), group("roma"), Target::Addressee],
    );
    let verdict = eval(&policy, &[hate], &PostContext::default());
    assert_eq!(
        fired_ids(&verdict),
        ["index", "has", "size"],
        "{:?}",
        verdict.errors
    );
    assert!(verdict.errors.is_empty());
    assert!(policy.rules().iter().all(|r| !r.is_native()));
}

#[test]
fn native_failure_reports_cel_error() {
    // natively evaluated, but the absent strikes make it fail: the error comes from CEL
    let policy = load(CONTEXT_RULES);
    assert!(policy.rules().iter().all(|r| r.is_native()));
    let signals = [signal(Category::Toxicity, 0.8)];
    let input = EvalInput {
        signals: &signals,
        lang: Lang::En,
        text_chars: 80,
        context: &PostContext::default(),
    };
    let fast = policy.evaluate(&input);
    let reference = policy.evaluate_cel_only(&input);
    assert_eq!(fast, reference);
    assert_eq!(fast.errors.len(), 1);
}
