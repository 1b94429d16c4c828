//! The review workflow end to end, transition by transition.

mod common;

use common::*;
use vigie_detect::Category;
use vigie_review::case::{Notice, Report};
use vigie_review::{
    Actor, AppealOutcome, CaseStatus, DecideOutcome, DecisionInput, Effect, EventType,
    ModeratorAction, ReviewError, ReviewerCandidate, Role, SecondReviewVerdict, Source, Subject,
};

fn remove(categories: Vec<Category>) -> DecisionInput {
    DecisionInput {
        action: ModeratorAction::Remove,
        reason_code: "harassment.targeted".into(),
        note: Some("insults aimed at one person".into()),
        categories,
    }
}

fn resolved(outcome: Result<DecideOutcome, ReviewError>) -> Vec<Effect> {
    match outcome {
        Ok(DecideOutcome::Resolved { effects, .. }) => effects,
        other => panic!("expected a resolved decision, got {other:?}"),
    }
}

#[test]
fn a_case_from_an_automated_decision_is_open_with_its_sources_and_categories() {
    let case = harassment_case("c1");
    assert_eq!(case.status, CaseStatus::Open);
    assert_eq!(case.sources(), vec![Source::Automated]);
    assert_eq!(
        case.flagged_categories(),
        vec![Category::Harassment, Category::Toxicity]
    );
    assert!(!case.priority.urgent);
    assert_eq!(case.lang.as_deref(), Some("en"));
}

#[test]
fn deciding_needs_a_claim_and_a_case_is_resolved_once() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    let bob = moderator("bob");
    let before = case.clone();
    assert!(matches!(
        case.decide(&alice, remove(vec![Category::Harassment]), &config, T0),
        Err(ReviewError::NotClaimed { .. })
    ));
    assert_eq!(case, before, "a refused transition changes nothing");

    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.status, CaseStatus::Assigned);
    assert!(matches!(
        case.decide(&bob, remove(vec![]), &config, T0 + 1),
        Err(ReviewError::LeaseHeld { .. })
    ));
    assert!(matches!(
        case.decide(
            &alice,
            DecisionInput {
                reason_code: " ".into(),
                ..remove(vec![])
            },
            &config,
            T0 + 1
        ),
        Err(ReviewError::InvalidDecision { .. })
    ));

    let effects =
        resolved(case.decide(&alice, remove(vec![Category::Harassment]), &config, T0 + 2));
    assert_eq!(case.status, CaseStatus::Resolved);
    assert_eq!(case.lease, None);
    assert!(matches!(
        &effects[0],
        Effect::ApplyAction { action: ModeratorAction::Remove, decision_id, .. } if decision_id == "c1/d0"
    ));
    assert!(matches!(
        &effects[1],
        Effect::AddStrike { strike } if strike.author == "u1" && strike.id == "c1/d0"
    ));
    assert!(matches!(
        &effects[2],
        Effect::Notify { event } if event.event_type == EventType::ActionTaken
    ));
    assert_eq!(effects.len(), 3);

    assert!(matches!(
        case.decide(&alice, remove(vec![]), &config, T0 + 3),
        Err(ReviewError::IllegalTransition {
            status: CaseStatus::Resolved,
            ..
        })
    ));
    assert!(matches!(
        case.claim(&bob, T0 + 3, &config.lease),
        Err(ReviewError::IllegalTransition { .. })
    ));
}

#[test]
fn no_action_gives_no_strike_and_no_platform_action_but_notifies() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let input = DecisionInput {
        action: ModeratorAction::NoAction,
        reason_code: "ok.banter".into(),
        note: None,
        categories: vec![],
    };
    let effects = resolved(case.decide(&alice, input, &config, T0 + 1));
    assert_eq!(effects.len(), 1);
    assert!(matches!(&effects[0], Effect::Notify { .. }));
}

#[test]
fn lease_expiry_returns_the_case_and_others_may_take_it() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    let bob = moderator("bob");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let expiry = T0 + 15 * MINUTE;
    assert!(matches!(
        case.claim(&bob, expiry - 1, &config.lease),
        Err(ReviewError::LeaseHeld { .. })
    ));
    assert!(!case.expire_lease(expiry - 1));
    assert!(case.expire_lease(expiry));
    assert_eq!(case.status, CaseStatus::Open);
    assert_eq!(case.holder(expiry), None);
    // Alice comes back too late: her claim is gone.
    assert!(matches!(
        case.decide(&alice, remove(vec![]), &config, expiry + 1),
        Err(ReviewError::NotClaimed { .. })
    ));
    case.claim(&bob, expiry + 1, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.holder(expiry + 1), Some("bob"));
}

#[test]
fn a_stolen_expired_lease_cannot_be_used_by_its_old_holder() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    let bob = moderator("bob");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let later = T0 + 20 * MINUTE;
    case.claim(&bob, later, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        case.renew(&alice, later, &config.lease),
        Err(ReviewError::NotClaimed { .. })
    ));
    assert!(matches!(
        case.decide(&alice, remove(vec![]), &config, later),
        Err(ReviewError::LeaseHeld { .. })
    ));
    assert!(matches!(
        case.release(&alice, later),
        Err(ReviewError::NotClaimed { .. })
    ));
}

#[test]
fn triage_escalates_and_a_moderator_takes_the_escalated_case() {
    let config = config();
    let mut case = harassment_case("c1");
    let triage = Actor::new("tia", Role::Triage);
    let alice = moderator("alice");
    assert!(matches!(
        case.claim(&triage, T0, &config.lease),
        Err(ReviewError::Forbidden { .. })
    ));
    let score_before = case.priority.score;
    assert!(matches!(
        case.escalate(&triage, "", &config, T0),
        Err(ReviewError::InvalidDecision { .. })
    ));
    case.escalate(&triage, "credible, names a school", &config, T0)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.status, CaseStatus::Escalated);
    assert_eq!(case.priority.score, score_before + 100);
    assert!(case.priority.explanation().ends_with("escalated +100"));
    assert!(matches!(
        case.escalate(&triage, "again", &config, T0),
        Err(ReviewError::IllegalTransition {
            status: CaseStatus::Escalated,
            ..
        })
    ));
    case.claim(&alice, T0 + 1, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.status, CaseStatus::Assigned);
    case.release(&alice, T0 + 2)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        case.status,
        CaseStatus::Escalated,
        "released escalated cases stay escalated"
    );
}

#[test]
fn only_the_holder_escalates_a_claimed_case() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    let triage = Actor::new("tia", Role::Triage);
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        case.escalate(&triage, "looks serious", &config, T0 + 1),
        Err(ReviewError::LeaseHeld { .. })
    ));
    case.escalate(&alice, "need a senior", &config, T0 + 1)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.lease, None);
}

#[test]
fn urgent_decisions_wait_for_a_different_second_moderator() {
    let config = config();
    let mut case = threat_case("c2");
    assert!(case.priority.urgent);
    let alice = moderator("alice");
    let bob = moderator("bob");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let first = case.decide(
        &alice,
        remove(vec![Category::ViolenceThreat]),
        &config,
        T0 + 1,
    );
    assert!(matches!(
        first,
        Ok(DecideOutcome::PendingSecondReview { .. })
    ));
    assert_eq!(case.status, CaseStatus::PendingSecondReview);
    assert!(
        case.decisions.is_empty(),
        "nothing takes effect before the second review"
    );

    assert!(matches!(
        case.claim(&alice, T0 + 2, &config.lease),
        Err(ReviewError::SameModerator { .. })
    ));
    assert!(matches!(
        case.second_review(&bob, SecondReviewVerdict::Confirm, &config, T0 + 2),
        Err(ReviewError::NotClaimed { .. })
    ));
    case.claim(&bob, T0 + 2, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.status, CaseStatus::PendingSecondReview);
    let effects = resolved(case.second_review(&bob, SecondReviewVerdict::Confirm, &config, T0 + 3));
    assert_eq!(case.status, CaseStatus::Resolved);
    let decision = case.final_decision().cloned();
    assert_eq!(
        decision.as_ref().map(|d| d.decided_by.as_str()),
        Some("alice")
    );
    assert_eq!(
        decision.as_ref().and_then(|d| d.confirmed_by.as_deref()),
        Some("bob")
    );
    assert_eq!(decision.map(|d| d.decided_at), Some(T0 + 3));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::ApplyAction { .. }))
    );
}

#[test]
fn a_second_moderator_can_override_the_first_decision() {
    let config = config();
    let mut case = threat_case("c2");
    let alice = moderator("alice");
    let bob = moderator("bob");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = case.decide(
        &alice,
        remove(vec![Category::ViolenceThreat]),
        &config,
        T0 + 1,
    );
    case.claim(&bob, T0 + 2, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let restore = DecisionInput {
        action: ModeratorAction::Restore,
        reason_code: "quote.news".into(),
        note: Some("quoting a news article".into()),
        categories: vec![],
    };
    let effects = resolved(case.second_review(
        &bob,
        SecondReviewVerdict::Override { decision: restore },
        &config,
        T0 + 3,
    ));
    assert_eq!(
        case.decisions.len(),
        2,
        "the overridden draft is kept for the record"
    );
    let last = case.final_decision().cloned();
    assert_eq!(last.as_ref().map(|d| d.id.as_str()), Some("c2/d1"));
    assert_eq!(
        last.as_ref().and_then(|d| d.overrides.as_deref()),
        Some("c2/d0")
    );
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::AddStrike { .. }))
    );
    // Neither of the two may review an appeal of it (there is none: restore is not adverse).
    assert_eq!(case.appeal_excluded_reviewers(), vec!["bob", "alice"]);
}

#[test]
fn suspensions_need_a_second_review_and_a_future_end() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let past = DecisionInput {
        action: ModeratorAction::SuspendAccount { until: Some(T0) },
        reason_code: "harassment.repeat".into(),
        note: None,
        categories: vec![],
    };
    assert!(matches!(
        case.decide(&alice, past, &config, T0 + 1),
        Err(ReviewError::InvalidDecision { .. })
    ));
    let week = DecisionInput {
        action: ModeratorAction::SuspendAccount {
            until: Some(T0 + 7 * DAY),
        },
        reason_code: "harassment.repeat".into(),
        note: None,
        categories: vec![],
    };
    assert!(matches!(
        case.decide(&alice, week, &config, T0 + 1),
        Ok(DecideOutcome::PendingSecondReview { .. })
    ));
}

#[test]
fn content_actions_do_not_apply_to_accounts() {
    let config = config();
    let subject = Subject::Account {
        platform: "forum".into(),
        account_id: "u9".into(),
    };
    let report = Report {
        id: "r1".into(),
        reporter: Some("u3".into()),
        category: Some(Category::Harassment),
        reason: Some("sends threats in DMs".into()),
        received_at: T0,
    };
    let mut case = vigie_review::Case::from_report("c3", subject, report, &config, T0);
    assert_eq!(case.sources(), vec![Source::Report]);
    let alice = moderator("alice");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        case.decide(&alice, remove(vec![]), &config, T0 + 1),
        Err(ReviewError::InvalidDecision { .. })
    ));
    let warn = DecisionInput {
        action: ModeratorAction::Warn,
        reason_code: "harassment.dm".into(),
        note: None,
        categories: vec![Category::Harassment],
    };
    let effects = resolved(case.decide(&alice, warn, &config, T0 + 1));
    assert!(matches!(
        &effects[0],
        Effect::ApplyAction {
            subject: Subject::Account { .. },
            action: ModeratorAction::Warn,
            ..
        }
    ));
}

#[test]
fn appeals_go_to_someone_else_and_a_reversal_compensates() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    let bob = moderator("bob");
    assert!(matches!(
        case.appeal("u1", "it was a joke", &config, T0),
        Err(ReviewError::IllegalTransition {
            status: CaseStatus::Open,
            ..
        })
    ));
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = resolved(case.decide(&alice, remove(vec![Category::Harassment]), &config, T0 + 1));

    assert!(matches!(
        case.appeal("someone-else", "unfair", &config, T0 + 2),
        Err(ReviewError::NotAuthor { .. })
    ));
    let appeal_id = case
        .appeal("u1", "it was a joke between friends", &config, T0 + 2)
        .map(|a| a.id.clone());
    assert_eq!(appeal_id, Ok("c1/a0".to_string()));
    assert_eq!(case.status, CaseStatus::Appealed);

    assert!(matches!(
        case.assign_appeal(&alice, T0 + 3),
        Err(ReviewError::SameModerator { .. })
    ));
    let candidates = vec![
        ReviewerCandidate {
            id: "alice".into(),
            role: Role::Moderator,
            open_load: 0,
            available: true,
        },
        ReviewerCandidate {
            id: "bob".into(),
            role: Role::Moderator,
            open_load: 4,
            available: true,
        },
    ];
    let picked = case.pick_appeal_reviewer(&candidates).map(|c| c.id.clone());
    assert_eq!(picked, Ok("bob".to_string()));
    case.assign_appeal(&bob, T0 + 3)
        .unwrap_or_else(|e| panic!("{e}"));

    let carol = moderator("carol");
    assert!(matches!(
        case.resolve_appeal(&carol, AppealOutcome::Reversed, None, &config, T0 + 4),
        Err(ReviewError::NotAppealReviewer { .. })
    ));
    let effects = case
        .resolve_appeal(
            &bob,
            AppealOutcome::Reversed,
            Some("banter".into()),
            &config,
            T0 + 4,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(case.status, CaseStatus::Resolved);
    assert!(matches!(
        &effects[0],
        Effect::UndoAction { action: ModeratorAction::Remove, decision_id, .. } if decision_id == "c1/d0"
    ));
    assert!(matches!(
        &effects[1],
        Effect::RemoveStrike { strike_id, reversed_at } if strike_id == "c1/d0" && *reversed_at == T0 + 4
    ));
    let Effect::Notify { event } = &effects[2] else {
        panic!("third effect should notify: {effects:?}");
    };
    assert_eq!(event.event_type, EventType::ActionReversed);
    assert_eq!(case.appeals[0].outcome, Some(AppealOutcome::Reversed));

    // A reversed decision is no longer against the author.
    assert!(matches!(
        case.appeal("u1", "again", &config, T0 + 5),
        Err(ReviewError::NothingToAppeal { .. })
    ));
}

#[test]
fn upheld_appeals_notify_and_cannot_be_filed_twice_or_late() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    let bob = moderator("bob");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = resolved(case.decide(&alice, remove(vec![]), &config, T0 + 1));
    let mut late = case.clone();
    assert!(matches!(
        late.appeal("u1", "late", &config, T0 + 31 * DAY),
        Err(ReviewError::AppealWindowClosed {
            window_days: 30,
            ..
        })
    ));
    let _ = case
        .appeal("u1", "please", &config, T0 + 2)
        .map(|a| a.id.clone());
    case.assign_appeal(&bob, T0 + 3)
        .unwrap_or_else(|e| panic!("{e}"));
    let effects = case
        .resolve_appeal(&bob, AppealOutcome::Upheld, None, &config, T0 + 4)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        effects.as_slice(),
        [Effect::Notify { event }] if event.event_type == EventType::AppealUpheld
    ));
    assert!(matches!(
        case.appeal("u1", "once more", &config, T0 + 5),
        Err(ReviewError::AlreadyAppealed { .. })
    ));
}

#[test]
fn no_reviewer_left_is_a_typed_error() {
    let config = config();
    let mut case = harassment_case("c1");
    let alice = moderator("alice");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = resolved(case.decide(&alice, remove(vec![]), &config, T0 + 1));
    let _ = case
        .appeal("u1", "x", &config, T0 + 2)
        .map(|a| a.id.clone());
    let only_alice = vec![ReviewerCandidate {
        id: "alice".into(),
        role: Role::Moderator,
        open_load: 0,
        available: true,
    }];
    assert!(matches!(
        case.pick_appeal_reviewer(&only_alice),
        Err(ReviewError::NoEligibleReviewer { candidates: 1, .. })
    ));
    // The appeal waits unassigned; the decider may not take it from the queue, someone
    // else may, and once taken it stays with them.
    assert!(matches!(
        case.take_appeal(&alice, T0 + 3),
        Err(ReviewError::SameModerator { .. })
    ));
    assert_eq!(
        case.appeals.last().and_then(|a| a.assigned_to.clone()),
        None
    );
    let dave = moderator("dave");
    case.take_appeal(&dave, T0 + 4)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        case.take_appeal(&moderator("erin"), T0 + 5),
        Err(ReviewError::NotAppealReviewer { .. })
    ));
    assert_eq!(
        case.appeals.last().and_then(|a| a.assigned_to.clone()),
        Some("dave".to_string())
    );
}

#[test]
fn priority_explains_its_parts() {
    let config = config();
    let mut case = threat_case("c2");
    case.reach = Some(12_000);
    case.add_notice(
        Notice {
            id: "n1".into(),
            authority: "police".into(),
            reference: None,
            received_at: T0,
            deadline: T0 + 40 * MINUTE,
            threat_to_life: false,
        },
        &config,
        T0,
    );
    for i in 0..3 {
        case.add_report(
            Report {
                id: format!("r{i}"),
                reporter: None,
                category: Some(Category::ViolenceThreat),
                reason: None,
                received_at: T0,
            },
            &config,
            T0,
        );
    }
    let p = &case.priority;
    assert!(p.urgent);
    assert_eq!(
        p.explanation(),
        "threat to life +500, violence_threat 0.92 +276, reach 12k +82, 3 reports +60, deadline in 40 min +300"
    );
    assert_eq!(p.score, p.parts.iter().map(|x| x.points).sum::<i64>());
    assert_eq!(p.score, 500 + 276 + 82 + 60 + 300);
    // Later, the same deadline is overdue and counts more.
    let later = case.reprioritize(&config, T0 + 45 * MINUTE).clone();
    assert!(
        later
            .explanation()
            .contains("deadline overdue by 5 min +400"),
        "{}",
        later.explanation()
    );
}

#[test]
fn one_reporter_counts_once_in_the_priority() {
    let config = config();
    let mut case = harassment_case("c1");
    let report = |id: &str, reporter: Option<&str>| Report {
        id: id.into(),
        reporter: reporter.map(str::to_string),
        category: None,
        reason: None,
        received_at: T0,
    };
    for i in 0..5 {
        case.add_report(report(&format!("r{i}"), Some("same-person")), &config, T0);
    }
    assert_eq!(case.distinct_reports(), 1);
    assert!(
        case.priority.explanation().contains("1 report +20"),
        "{}",
        case.priority.explanation()
    );
    case.add_report(report("r5", Some("other")), &config, T0);
    case.add_report(report("r6", None), &config, T0);
    case.add_report(report("r7", None), &config, T0);
    assert_eq!(case.distinct_reports(), 4);
    assert!(case.priority.explanation().contains("4 reports +80"));
}

#[test]
fn reports_alone_never_make_a_case_urgent() {
    let config = config();
    let subject = Subject::Post {
        platform: "forum".into(),
        post_id: "p7".into(),
        author: None,
    };
    let report = Report {
        id: "r1".into(),
        reporter: Some("x".into()),
        category: Some(Category::ViolenceThreat),
        reason: None,
        received_at: T0,
    };
    let case = vigie_review::Case::from_report("c7", subject, report, &config, T0);
    assert!(!case.priority.urgent);
    assert_eq!(
        case.priority.explanation(),
        "violence_threat (reported) +150, 1 report +20"
    );
}

#[test]
fn cases_round_trip_through_json() {
    let config = config();
    let mut case = threat_case("c2");
    let alice = moderator("alice");
    case.claim(&alice, T0, &config.lease)
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = case.decide(
        &alice,
        remove(vec![Category::ViolenceThreat]),
        &config,
        T0 + 1,
    );
    let json = serde_json::to_string(&case).unwrap_or_default();
    let back: Result<vigie_review::Case, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(case));
}
