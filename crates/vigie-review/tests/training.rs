//! Training rows from resolved cases.

mod common;

use common::*;
use vigie_detect::Category;
use vigie_review::case::Report;
use vigie_review::{AppealOutcome, DecisionInput, ModeratorAction, training_row};

fn resolve(case: &mut vigie_review::Case, action: ModeratorAction, categories: Vec<Category>) {
    let config = config();
    let alice = moderator("alice");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let input = DecisionInput {
        action,
        reason_code: "r".into(),
        note: None,
        categories,
    };
    case.decide(&alice, input, &config, T0 + 1)
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The labels `vigie train` reads from a moderator export line: (hate, violence_threat,
/// incitement, harassment, toxicity).
type Labels = (
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

fn labels_as_train_reads_them(line: &str) -> Labels {
    #[derive(serde::Deserialize)]
    struct SeedRecord {
        hate: Option<f64>,
        violence_threat: Option<f64>,
        incitement: Option<f64>,
        harassment: Option<f64>,
        toxicity: Option<f64>,
    }
    let r: SeedRecord = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    (
        r.hate,
        r.violence_threat,
        r.incitement,
        r.harassment,
        r.toxicity,
    )
}

#[test]
fn removal_confirms_the_named_categories_and_leaves_the_others_unknown() {
    let mut case = harassment_case("c1");
    resolve(
        &mut case,
        ModeratorAction::Remove,
        vec![Category::Harassment],
    );
    let row = training_row(&case, "you are a worthless idiot").unwrap_or_else(|| panic!("a row"));
    assert_eq!(row.id, "moderator:c1");
    assert_eq!(row.lang, "en");
    assert_eq!(row.source, "moderator");
    // harassment confirmed; toxicity was flagged (0.6) but not named: unknown, not 0.
    assert_eq!(
        labels_as_train_reads_them(&row.to_jsonl()),
        (None, None, None, Some(1.0), None)
    );
    assert!(row.to_jsonl().contains(r#""hate":null"#));
}

#[test]
fn no_action_and_restore_make_flagged_categories_negative() {
    for action in [ModeratorAction::NoAction, ModeratorAction::Restore] {
        let mut case = harassment_case("c1");
        resolve(&mut case, action, vec![]);
        let row = training_row(&case, "text").unwrap_or_else(|| panic!("a row"));
        assert_eq!(
            labels_as_train_reads_them(&row.to_jsonl()),
            (None, None, None, Some(0.0), Some(0.0)),
            "{action}"
        );
    }
}

#[test]
fn reported_categories_count_as_flagged() {
    let config = config();
    let mut case = harassment_case("c1");
    case.add_report(
        Report {
            id: "r".into(),
            reporter: None,
            category: Some(Category::Hate),
            reason: None,
            received_at: T0,
        },
        &config,
        T0,
    );
    resolve(&mut case, ModeratorAction::NoAction, vec![]);
    let row = training_row(&case, "text").unwrap_or_else(|| panic!("a row"));
    assert_eq!(row.hate, Some(0));
}

#[test]
fn borderline_actions_unresolved_cases_and_accounts_give_no_row() {
    let case = harassment_case("c1");
    assert_eq!(training_row(&case, "text"), None, "not decided yet");
    for action in [
        ModeratorAction::Label,
        ModeratorAction::Demote,
        ModeratorAction::Warn,
    ] {
        let mut case = harassment_case("c1");
        resolve(&mut case, action, vec![Category::Harassment]);
        assert_eq!(training_row(&case, "text"), None, "{action}");
    }
    let mut case = harassment_case("c1");
    resolve(
        &mut case,
        ModeratorAction::Remove,
        vec![Category::Harassment],
    );
    assert_eq!(training_row(&case, "   "), None, "no text");
    let mut unnamed = harassment_case("c1");
    resolve(
        &mut unnamed,
        ModeratorAction::Remove,
        vec![Category::Sexual],
    );
    assert_eq!(
        training_row(&unnamed, "text"),
        None,
        "no label among the five"
    );
}

#[test]
fn a_reversed_removal_teaches_the_opposite() {
    let config = config();
    let mut case = harassment_case("c1");
    resolve(
        &mut case,
        ModeratorAction::Remove,
        vec![Category::Harassment],
    );
    let _ = case
        .appeal("u1", "joke", &config, T0 + 2)
        .map(|a| a.id.clone());
    let bob = moderator("bob");
    case.assign_appeal(&bob, T0 + 3)
        .unwrap_or_else(|e| panic!("{e}"));
    case.resolve_appeal(&bob, AppealOutcome::Reversed, None, &config, T0 + 4)
        .unwrap_or_else(|e| panic!("{e}"));
    let row = training_row(&case, "text").unwrap_or_else(|| panic!("a row"));
    assert_eq!(row.harassment, Some(0));
    assert_eq!(row.toxicity, Some(0));
}
