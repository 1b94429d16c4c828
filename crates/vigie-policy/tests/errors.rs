//! A bad policy is refused with an error naming the file, the rule and the reason.

use vigie_policy::{MAX_POLICY_BYTES, MAX_RULES, Policy, PolicyError, RuleProblem};

fn refuse(origin: &str, text: &str) -> PolicyError {
    match Policy::from_toml(origin, text) {
        Ok(_) => panic!("{origin} must be refused"),
        Err(e) => e,
    }
}

/// The message names the file, the rule (index and id) and contains the reason.
fn assert_names(err: &PolicyError, origin: &str, rule: Option<(usize, &str)>, reason: &str) {
    let message = err.to_string();
    assert!(
        message.starts_with(origin),
        "{message:?} must start with {origin}"
    );
    if let Some((index, id)) = rule {
        assert!(
            message.contains(&format!("rule #{index} `{id}`")),
            "{message:?}"
        );
    }
    assert!(message.contains(reason), "{message:?} must say {reason:?}");
}

macro_rules! fixture {
    ($name:literal) => {
        (
            concat!("tests/fixtures/", $name),
            include_str!(concat!("fixtures/", $name)),
        )
    };
}

#[test]
fn toml_syntax_error_gives_file_and_line() {
    let (origin, text) = fixture!("toml_syntax.toml");
    let err = refuse(origin, text);
    match &err {
        PolicyError::Toml { line, .. } => assert_eq!(*line, 6, "{err}"),
        other => panic!("expected a TOML error, got {other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("tests/fixtures/toml_syntax.toml:6:"),
        "{err}"
    );
}

#[test]
fn unknown_key_names_the_key_and_the_rule() {
    let (origin, text) = fixture!("unknown_key.toml");
    let err = refuse(origin, text);
    match &err {
        PolicyError::Toml { rule, line, .. } => {
            assert_eq!(*rule, Some(2), "{err}");
            assert_eq!(*line, 15, "{err}");
        }
        other => panic!("expected a TOML error, got {other:?}"),
    }
    assert_names(&err, origin, None, "severity");
    assert!(err.to_string().contains("in rule #2"), "{err}");
}

#[test]
fn missing_policy_header_is_refused() {
    let (origin, text) = fixture!("no_header.toml");
    let err = refuse(origin, text);
    assert!(matches!(err, PolicyError::Toml { .. }), "{err:?}");
    assert_names(&err, origin, None, "policy");
}

#[test]
fn unknown_action() {
    let (origin, text) = fixture!("unknown_action.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule { problem: RuleProblem::UnknownAction(a), .. } if a == "ban"
    ));
    assert_names(
        &err,
        origin,
        Some((1, "ban-hate")),
        "unknown action \"ban\"",
    );
}

#[test]
fn unknown_mode() {
    let (origin, text) = fixture!("unknown_mode.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule {
            problem: RuleProblem::UnknownMode(_),
            ..
        }
    ));
    assert_names(
        &err,
        origin,
        Some((1, "quiet-hate")),
        "unknown mode \"silent\"",
    );
}

#[test]
fn unknown_category() {
    let (origin, text) = fixture!("unknown_category.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule {
            problem: RuleProblem::UnknownCategory(_),
            ..
        }
    ));
    assert_names(&err, origin, Some((1, "spam")), "unknown category \"spam\"");
}

#[test]
fn duplicate_ids_name_both_rules() {
    let (origin, text) = fixture!("duplicate_id.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule {
            index: 2,
            problem: RuleProblem::DuplicateId { first: 1 },
            ..
        }
    ));
    assert_names(&err, origin, Some((2, "hate")), "same id as rule #1");
}

#[test]
fn empty_condition() {
    let (origin, text) = fixture!("empty_when.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule {
            problem: RuleProblem::EmptyCondition,
            ..
        }
    ));
    assert_names(&err, origin, Some((1, "nothing")), "`when` is empty");
}

#[test]
fn cel_syntax_error_gives_the_rule_line() {
    let (origin, text) = fixture!("cel_syntax.toml");
    let err = refuse(origin, text);
    match &err {
        PolicyError::Rule {
            line,
            problem: RuleProblem::Syntax { .. },
            ..
        } => {
            assert_eq!(*line, 6)
        }
        other => panic!("expected a CEL syntax error, got {other:?}"),
    }
    assert_names(
        &err,
        origin,
        Some((1, "half-written")),
        "does not parse as CEL",
    );
    assert!(
        err.to_string()
            .starts_with("tests/fixtures/cel_syntax.toml:6:"),
        "{err}"
    );
}

#[test]
fn unknown_signal_category() {
    let (origin, text) = fixture!("unknown_signal.toml");
    let err = refuse(origin, text);
    assert_names(
        &err,
        origin,
        Some((1, "typo")),
        "unknown signal category `signals.haet`",
    );
}

#[test]
fn unknown_variable() {
    let (origin, text) = fixture!("unknown_variable.toml");
    let err = refuse(origin, text);
    assert_names(
        &err,
        origin,
        Some((1, "user-karma")),
        "unknown variable `user`",
    );
}

#[test]
fn unknown_field() {
    let (origin, text) = fixture!("unknown_field.toml");
    let err = refuse(origin, text);
    assert_names(
        &err,
        origin,
        Some((1, "verified")),
        "`author` has no field `verified`",
    );
}

#[test]
fn non_boolean_condition() {
    let (origin, text) = fixture!("not_boolean.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule {
            problem: RuleProblem::NotBoolean(_),
            ..
        }
    ));
    assert_names(&err, origin, Some((1, "score-only")), "must give a boolean");
}

#[test]
fn type_error_caught_at_load() {
    let (origin, text) = fixture!("type_error.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule {
            problem: RuleProblem::Evaluation(_),
            ..
        }
    ));
    assert_names(
        &err,
        origin,
        Some((1, "lang-number")),
        "fails even when every variable is present",
    );
}

#[test]
fn bad_rule_id() {
    let (origin, text) = fixture!("bad_id.toml");
    let err = refuse(origin, text);
    assert!(matches!(
        &err,
        PolicyError::Rule {
            problem: RuleProblem::BadId(_),
            ..
        }
    ));
    assert!(err.to_string().contains("Hate Rule!"), "{err}");
}

fn rule(i: usize, when: &str) -> String {
    format!("[[rule]]\nid = \"r{i}\"\nwhen = '{when}'\naction = \"label\"\nreason_code = \"r\"\n\n")
}

#[test]
fn too_many_rules() {
    let mut text = String::from("[policy]\nname = \"big\"\n\n");
    for i in 0..=MAX_RULES {
        text.push_str(&rule(i, "signals.hate.score > 0.5"));
    }
    let err = refuse("big.toml", &text);
    assert!(matches!(err, PolicyError::TooManyRules { count, .. } if count == MAX_RULES + 1));
    assert!(err.to_string().starts_with("big.toml: "), "{err}");
}

#[test]
fn file_too_large() {
    let mut text = String::from("[policy]\nname = \"huge\"\n");
    while text.len() <= MAX_POLICY_BYTES {
        text.push_str("# padding padding padding padding padding padding padding padding\n");
    }
    let err = refuse("huge.toml", &text);
    assert!(matches!(err, PolicyError::TooLarge { .. }), "{err:?}");
    assert!(err.to_string().starts_with("huge.toml: "), "{err}");
}

#[test]
fn condition_too_long() {
    let long = vec!["signals.hate.score > 0.5"; 200].join(" && ");
    let text = format!("[policy]\nname = \"long\"\n\n{}", rule(1, &long));
    let err = refuse("long.toml", &text);
    assert!(
        matches!(
            err,
            PolicyError::Rule {
                problem: RuleProblem::ConditionTooLong(_),
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn deeply_nested_condition_is_refused_without_crashing() {
    for depth in [70, 200, 1000] {
        let when = format!("{}true{}", "(".repeat(depth), ")".repeat(depth));
        let text = format!("[policy]\nname = \"deep\"\n\n{}", rule(1, &when));
        assert!(
            Policy::from_toml("deep.toml", &text).is_err(),
            "depth {depth}"
        );
        let chain = vec!["post.length"; 300].join(" + ") + " > 0";
        let text = format!("[policy]\nname = \"deep\"\n\n{}", rule(1, &chain));
        assert!(Policy::from_toml("deep.toml", &text).is_err(), "chain");
    }
}

#[test]
fn empty_policy_name() {
    let err = refuse("anon.toml", "[policy]\nname = \" \"\n");
    assert!(matches!(err, PolicyError::EmptyName { .. }), "{err:?}");
}

#[test]
fn nested_loops_are_refused() {
    let list = format!("[{}]", vec!["0"; 500].join(","));
    let when = format!("{list}.all(a, {list}.all(b, a == b))");
    let text = format!("[policy]\nname = \"loops\"\n\n{}", rule(1, &when));
    let err = refuse("loops.toml", &text);
    assert!(
        matches!(
            err,
            PolicyError::Rule {
                problem: RuleProblem::NestedLoops(2),
                ..
            }
        ),
        "{err:?}"
    );
    // one level is fine
    let text = format!(
        "[policy]\nname = \"loop\"\n\n{}",
        rule(1, "signals.hate.targets.exists(t, t.kind == \"group\")")
    );
    assert!(Policy::from_toml("loop.toml", &text).is_ok());
}
