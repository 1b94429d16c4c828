//! The default policy loads and does what its comments say on hand-built signal sets.

mod common;

use common::*;
use vigie_detect::{Category, Target};
use vigie_policy::{Action, AuthorContext, Mode, PostContext};

fn enforced(verdict: &vigie_policy::Verdict) -> Vec<&str> {
    verdict
        .fired
        .iter()
        .filter(|f| f.mode == Mode::Enforce)
        .map(|f| &*f.id)
        .collect()
}

fn shadow(verdict: &vigie_policy::Verdict) -> Vec<&str> {
    verdict
        .fired
        .iter()
        .filter(|f| f.mode == Mode::Shadow)
        .map(|f| &*f.id)
        .collect()
}

#[test]
fn loads_and_every_rule_has_a_guard() {
    let policy = default_policy();
    assert_eq!(policy.name(), "default");
    assert!(policy.rules().len() >= 15);
    for rule in policy.rules() {
        assert!(
            rule.guard().is_some(),
            "rule {} would run CEL on every post",
            rule.id()
        );
        assert!(
            rule.is_native(),
            "rule {} would need the CEL interpreter",
            rule.id()
        );
        assert!(
            !rule.description().is_empty(),
            "rule {} has no description",
            rule.id()
        );
    }
    assert!(policy.rules().iter().any(|r| r.mode() == Mode::Shadow));
}

#[test]
fn benign_post_is_allowed() {
    let policy = default_policy();
    let verdict = eval(&policy, &[], &PostContext::default());
    assert_eq!(verdict.action, Action::Allow);
    assert!(verdict.fired.is_empty() && verdict.errors.is_empty());
    // weak signals everywhere stay below every threshold
    let weak: Vec<_> = Category::ALL.iter().map(|&c| signal(c, 0.2)).collect();
    let verdict = eval(&policy, &weak, &PostContext::default());
    assert_eq!(verdict.action, Action::Allow);
    assert!(verdict.fired.is_empty(), "{:?}", verdict.fired);
}

#[test]
fn threat_against_watchlisted_person_is_escalated() {
    let policy = default_policy();
    let signals = [signal_on(
        Category::ViolenceThreat,
        0.72,
        vec![watchlisted("mayor-lyon", "official")],
    )];
    let verdict = eval(&policy, &signals, &PostContext::default());
    assert_eq!(verdict.action, Action::EscalateUrgent);
    assert_eq!(
        verdict.reason_code.as_deref(),
        Some("violent_threat_watchlisted")
    );
    assert_eq!(verdict.category, Some(Category::ViolenceThreat));
    // the same score against nobody in particular is for a person to review, not urgent
    let verdict = eval(
        &policy,
        &[signal(Category::ViolenceThreat, 0.72)],
        &PostContext::default(),
    );
    assert_eq!(verdict.action, Action::HoldForReview);
    assert_eq!(
        verdict.reason_code.as_deref(),
        Some("possible_violent_threat")
    );
}

#[test]
fn near_certain_threat_is_escalated_whoever_it_targets() {
    let policy = default_policy();
    let verdict = eval(
        &policy,
        &[signal(Category::ViolenceThreat, 0.95)],
        &PostContext::default(),
    );
    assert_eq!(verdict.action, Action::EscalateUrgent);
    assert_eq!(
        verdict.reason_code.as_deref(),
        Some("credible_violent_threat")
    );
    assert_eq!(
        enforced(&verdict),
        [
            "credible-threat-to-life",
            "violent-threat",
            "possible-threat"
        ]
    );
}

#[test]
fn clear_threat_is_removed() {
    let policy = default_policy();
    let verdict = eval(
        &policy,
        &[signal(Category::ViolenceThreat, 0.8)],
        &PostContext::default(),
    );
    assert_eq!(verdict.action, Action::Remove);
    assert_eq!(verdict.reason_code.as_deref(), Some("violent_threat"));
}

#[test]
fn incitement_escalates_with_reach_or_a_named_target() {
    let policy = default_policy();
    let wide = PostContext {
        reach: Some(50_000),
        ..PostContext::default()
    };
    let narrow = PostContext {
        reach: Some(30),
        ..PostContext::default()
    };
    let call = [signal(Category::Incitement, 0.9)];
    assert_eq!(eval(&policy, &call, &wide).action, Action::EscalateUrgent);
    assert_eq!(eval(&policy, &call, &narrow).action, Action::Remove);
    assert_eq!(
        eval(&policy, &call, &PostContext::default()).action,
        Action::Remove
    );
    let against_group = [signal_on(Category::Incitement, 0.9, vec![group("roma")])];
    let verdict = eval(&policy, &against_group, &PostContext::default());
    assert_eq!(verdict.action, Action::EscalateUrgent);
    assert_eq!(
        verdict.reason_code.as_deref(),
        Some("incitement_to_violence")
    );
    assert!(verdict.errors.is_empty(), "{:?}", verdict.errors);
}

#[test]
fn hate_is_removed_when_clear_and_reviewed_when_likely() {
    let policy = default_policy();
    let slur = [signal_on(Category::Hate, 0.92, vec![group("jews")])];
    let verdict = eval(&policy, &slur, &PostContext::default());
    assert_eq!(verdict.action, Action::Remove);
    assert_eq!(verdict.reason_code.as_deref(), Some("hateful_conduct"));
    assert_eq!(verdict.category, Some(Category::Hate));
    let likely = [signal(Category::Hate, 0.6)];
    let verdict = eval(&policy, &likely, &PostContext::default());
    assert_eq!(verdict.action, Action::HoldForReview);
    assert_eq!(
        verdict.reason_code.as_deref(),
        Some("possible_hateful_conduct")
    );
}

#[test]
fn harassment_depends_on_confidence_and_strikes() {
    let policy = default_policy();
    let insult = [signal_on(
        Category::Harassment,
        0.62,
        vec![Target::Addressee],
    )];
    assert_eq!(
        eval(&policy, &insult, &PostContext::default()).action,
        Action::Allow
    );
    let repeat = PostContext {
        author: AuthorContext {
            strikes: Some(2),
            ..AuthorContext::default()
        },
        ..PostContext::default()
    };
    let verdict = eval(&policy, &insult, &repeat);
    assert_eq!(verdict.action, Action::Remove);
    assert_eq!(verdict.reason_code.as_deref(), Some("repeated_harassment"));
    let likely = [signal(Category::Harassment, 0.7)];
    assert_eq!(
        eval(&policy, &likely, &PostContext::default()).action,
        Action::HoldForReview
    );
    let clear = [signal(Category::Harassment, 0.95)];
    assert_eq!(
        eval(&policy, &clear, &PostContext::default()).action,
        Action::Remove
    );
}

#[test]
fn toxicity_is_labelled_and_demoted_where_it_spreads() {
    let policy = default_policy();
    let toxic = [signal(Category::Toxicity, 0.75)];
    let verdict = eval(&policy, &toxic, &PostContext::default());
    assert_eq!(verdict.action, Action::Label);
    assert_eq!(verdict.reason_code.as_deref(), Some("toxic_language"));
    let wide = PostContext {
        reach: Some(20_000),
        ..PostContext::default()
    };
    assert_eq!(eval(&policy, &toxic, &wide).action, Action::Demote);
    let swearing = [signal(Category::Profanity, 0.9)];
    let verdict = eval(&policy, &swearing, &PostContext::default());
    assert_eq!(verdict.action, Action::Label);
    assert_eq!(verdict.reason_code.as_deref(), Some("strong_language"));
    // mild swearing is left alone
    let mild = [signal(Category::Profanity, 0.5)];
    assert_eq!(
        eval(&policy, &mild, &PostContext::default()).action,
        Action::Allow
    );
}

#[test]
fn self_harm_is_labelled_never_removed() {
    let policy = default_policy();
    let verdict = eval(
        &policy,
        &[signal(Category::SelfHarm, 0.95)],
        &PostContext::default(),
    );
    assert_eq!(verdict.action, Action::Label);
    assert_eq!(verdict.reason_code.as_deref(), Some("self_harm_support"));
}

#[test]
fn new_account_shadow_rule_reports_without_acting() {
    let policy = default_policy();
    let borderline = [signal(Category::Hate, 0.4)];
    let new_account = PostContext {
        author: AuthorContext {
            account_age_days: Some(1.0),
            ..AuthorContext::default()
        },
        ..PostContext::default()
    };
    let verdict = eval(&policy, &borderline, &new_account);
    assert_eq!(shadow(&verdict), ["new-account-stricter"]);
    assert_eq!(verdict.action, Action::Allow);
    assert_eq!(verdict.reason_code, None);
    // an old account, or an unknown age, does not trigger it
    let old = PostContext {
        author: AuthorContext {
            account_age_days: Some(900.0),
            ..AuthorContext::default()
        },
        ..PostContext::default()
    };
    assert!(eval(&policy, &borderline, &old).fired.is_empty());
    let verdict = eval(&policy, &borderline, &PostContext::default());
    assert!(verdict.fired.is_empty());
    assert!(
        verdict.errors.is_empty(),
        "absent values are tested with has()"
    );
}

#[test]
fn dm_threat_shadow_rule_leaves_enforced_action() {
    let policy = default_policy();
    let dm = PostContext {
        surface: Some("dm".to_string()),
        ..PostContext::default()
    };
    let verdict = eval(&policy, &[signal(Category::ViolenceThreat, 0.65)], &dm);
    assert_eq!(verdict.action, Action::HoldForReview);
    assert_eq!(shadow(&verdict), ["threat-in-dm"]);
    assert_eq!(enforced(&verdict), ["possible-threat"]);
}

#[test]
fn no_errors_on_any_context_shape() {
    let policy = default_policy();
    let everything: Vec<_> = Category::ALL
        .iter()
        .map(|&c| {
            signal_on(
                c,
                0.99,
                vec![Target::Addressee, group("x"), watchlisted("y", "official")],
            )
        })
        .collect();
    let contexts = [
        PostContext::default(),
        PostContext {
            lang: Some("fr".into()),
            reach: Some(u64::MAX),
            surface: Some("comment".into()),
            author: AuthorContext {
                id: Some("a".into()),
                account_age_days: Some(0.0),
                strikes: Some(u32::MAX),
                followers: Some(u64::MAX),
            },
        },
    ];
    for context in &contexts {
        let verdict = eval(&policy, &everything, context);
        assert_eq!(verdict.action, Action::EscalateUrgent);
        assert!(verdict.errors.is_empty(), "{:?}", verdict.errors);
    }
}

#[test]
fn example_policies_load_and_run_natively() {
    let strict = match vigie_policy::Policy::from_toml(
        "data/policies/strict.toml",
        include_str!("../../../data/policies/strict.toml"),
    ) {
        Ok(policy) => policy,
        Err(e) => panic!("{e}"),
    };
    assert!(
        strict
            .rules()
            .iter()
            .all(|r| r.is_native() && r.guard().is_some())
    );
    // the strict policy acts where the default one only reviews or lets pass
    let default = default_policy();
    let hate = [signal(Category::Hate, 0.65)];
    let ctx = PostContext::default();
    assert_eq!(eval(&default, &hate, &ctx).action, Action::HoldForReview);
    assert_eq!(eval(&strict, &hate, &ctx).action, Action::Remove);
    let swearing = [signal(Category::Profanity, 0.6)];
    assert_eq!(eval(&default, &swearing, &ctx).action, Action::Allow);
    assert_eq!(eval(&strict, &swearing, &ctx).action, Action::Label);
    assert_ne!(default.version(), strict.version());
}
