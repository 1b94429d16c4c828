//! Properties under random inputs: the status machine never reaches an inconsistent state,
//! a lease is never held by two moderators at once, refused transitions change nothing,
//! signatures verify exactly what was signed, and no input makes anything panic.

mod common;

use common::*;
use proptest::prelude::*;
use rand::SeedableRng;
use rand::rngs::StdRng;
use vigie_detect::Category;
use vigie_review::case::Report;
use vigie_review::{
    Actor, AppealOutcome, Case, CaseStatus, DecideOutcome, DecisionInput, ModeratorAction,
    Priority, RetryPolicy, ReviewConfig, Role, SecondReviewVerdict, Strike, StrikePolicy,
    sign_payload, verify_signature,
};

#[derive(Debug, Clone)]
enum Event {
    Advance(i64),
    Claim(usize),
    Renew(usize),
    Release(usize),
    Expire,
    Escalate(usize),
    Decide(usize, usize),
    Confirm(usize),
    Override(usize, usize),
    Appeal(bool),
    AssignAppeal(usize),
    ResolveAppeal(usize, bool),
    Report,
}

fn actors() -> Vec<Actor> {
    vec![
        Actor::new("alice", Role::Moderator),
        Actor::new("bob", Role::Moderator),
        Actor::new("carol", Role::Moderator),
        Actor::new("tia", Role::Triage),
        Actor::new("root", Role::Admin),
        Actor::new("audrey", Role::Auditor),
    ]
}

const ACTIONS: [ModeratorAction; 8] = [
    ModeratorAction::Remove,
    ModeratorAction::Restore,
    ModeratorAction::Label,
    ModeratorAction::Demote,
    ModeratorAction::AgeRestrict,
    ModeratorAction::SuspendAccount { until: None },
    ModeratorAction::Warn,
    ModeratorAction::NoAction,
];

/// Weighted so that random sequences often get through decisions and appeals: mostly the
/// three moderators act, and the events that move a case forward are the most common.
fn event() -> impl Strategy<Value = Event> {
    let who = || prop_oneof![4 => 0..3usize, 1 => 3..6usize];
    let action = || 0..ACTIONS.len();
    prop_oneof![
        2 => (0..40i64).prop_map(Event::Advance),
        4 => who().prop_map(Event::Claim),
        1 => who().prop_map(Event::Renew),
        1 => who().prop_map(Event::Release),
        1 => Just(Event::Expire),
        1 => who().prop_map(Event::Escalate),
        4 => (who(), action()).prop_map(|(w, a)| Event::Decide(w, a)),
        3 => who().prop_map(Event::Confirm),
        1 => (who(), action()).prop_map(|(w, a)| Event::Override(w, a)),
        3 => any::<bool>().prop_map(Event::Appeal),
        3 => who().prop_map(Event::AssignAppeal),
        3 => (who(), any::<bool>()).prop_map(|(w, r)| Event::ResolveAppeal(w, r)),
        1 => Just(Event::Report),
    ]
}

fn input(action: usize) -> DecisionInput {
    DecisionInput {
        action: ACTIONS[action % ACTIONS.len()],
        reason_code: "code".into(),
        note: None,
        categories: vec![Category::Harassment],
    }
}

/// What must hold of any case, whatever happened to it.
fn check_invariants(case: &Case) -> Result<(), TestCaseError> {
    match case.status {
        CaseStatus::Open => {
            prop_assert!(
                case.lease.is_none() && case.pending.is_none() && case.escalation.is_none()
            );
        }
        CaseStatus::Escalated => {
            prop_assert!(
                case.lease.is_none() && case.pending.is_none() && case.escalation.is_some()
            );
        }
        CaseStatus::Assigned => prop_assert!(case.lease.is_some() && case.pending.is_none()),
        CaseStatus::PendingSecondReview => prop_assert!(case.pending.is_some()),
        CaseStatus::Resolved => {
            prop_assert!(!case.decisions.is_empty());
            prop_assert!(case.pending.is_none() && case.lease.is_none());
            prop_assert!(case.appeals.iter().all(|a| a.outcome.is_some()));
        }
        CaseStatus::Appealed => {
            prop_assert!(!case.decisions.is_empty() && case.pending.is_none());
            prop_assert!(case.appeals.last().is_some_and(|a| a.outcome.is_none()));
        }
    }
    for d in &case.decisions {
        prop_assert!(d.confirmed_by.as_deref() != Some(d.decided_by.as_str()));
        if let Some(first) = d
            .overrides
            .as_ref()
            .and_then(|o| case.decisions.iter().find(|x| &x.id == o))
        {
            prop_assert_ne!(&first.decided_by, &d.decided_by);
        }
    }
    let mut ids: Vec<&str> = case.decisions.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    prop_assert_eq!(ids.len(), case.decisions.len());
    for appeal in &case.appeals {
        let decision = case.decisions.iter().find(|d| d.id == appeal.decision_id);
        prop_assert!(decision.is_some());
        if let (Some(reviewer), Some(d)) = (&appeal.resolved_by, decision) {
            prop_assert_ne!(reviewer, &d.decided_by);
            prop_assert!(d.confirmed_by.as_ref() != Some(reviewer));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_event_sequences_keep_cases_consistent(
        urgent in any::<bool>(),
        events in proptest::collection::vec(event(), 1..80),
    ) {
        let config = config();
        let people = actors();
        let mut case = if urgent { threat_case("c") } else { harassment_case("c") };
        let author = case.subject.author().map(str::to_string).unwrap_or_default();
        let mut now = T0;
        for event in events {
            let before = case.clone();
            let result: Result<(), vigie_review::ReviewError> = match &event {
                Event::Advance(minutes) => {
                    now += minutes * MINUTE;
                    Ok(())
                }
                Event::Claim(w) => {
                    let actor = &people[*w];
                    let r = case.claim(actor, now, &config.lease).map(|_| ());
                    if r.is_ok() {
                        // Never two holders: a live lease of someone else is only taken over
                        // by a role allowed to.
                        if let Some(previous) = before.holder(now) {
                            prop_assert!(previous != actor.id);
                            prop_assert_eq!(actor.role, Role::Admin);
                        }
                        prop_assert_eq!(case.holder(now), Some(actor.id.as_str()));
                    }
                    r
                }
                Event::Renew(w) => case.renew(&people[*w], now, &config.lease).map(|_| ()),
                Event::Release(w) => case.release(&people[*w], now),
                Event::Expire => {
                    case.expire_lease(now);
                    Ok(())
                }
                Event::Escalate(w) => case.escalate(&people[*w], "why", &config, now),
                Event::Decide(w, a) => {
                    let r = case.decide(&people[*w], input(*a), &config, now);
                    if r.is_ok() {
                        prop_assert_eq!(before.holder(now), Some(people[*w].id.as_str()));
                    }
                    if let Ok(DecideOutcome::PendingSecondReview { .. }) = &r {
                        let suspends = matches!(ACTIONS[*a], ModeratorAction::SuspendAccount { .. });
                        prop_assert!(urgent || suspends);
                    }
                    r.map(|_| ())
                }
                Event::Confirm(w) | Event::Override(w, _) => {
                    let verdict = match &event {
                        Event::Override(_, a) => SecondReviewVerdict::Override { decision: input(*a) },
                        _ => SecondReviewVerdict::Confirm,
                    };
                    let r = case.second_review(&people[*w], verdict, &config, now);
                    if r.is_ok() {
                        prop_assert_eq!(before.holder(now), Some(people[*w].id.as_str()));
                        let first = before.pending.as_ref().map(|p| p.decided_by.as_str());
                        prop_assert!(first != Some(people[*w].id.as_str()));
                    }
                    r.map(|_| ())
                }
                Event::Appeal(by_author) => {
                    let who = if *by_author { author.as_str() } else { "stranger" };
                    case.appeal(who, "please", &config, now).map(|_| ())
                }
                Event::AssignAppeal(w) => case.assign_appeal(&people[*w], now),
                Event::ResolveAppeal(w, reverse) => {
                    let outcome = if *reverse { AppealOutcome::Reversed } else { AppealOutcome::Upheld };
                    case.resolve_appeal(&people[*w], outcome, None, &config, now).map(|_| ())
                }
                Event::Report => {
                    let report = Report {
                        id: format!("r{}", case.reports.len()),
                        reporter: None,
                        category: Some(Category::Hate),
                        reason: None,
                        received_at: now,
                    };
                    case.add_report(report, &config, now);
                    Ok(())
                }
            };
            if result.is_err() {
                prop_assert_eq!(&case, &before, "a refused {:?} changed the case", event);
            }
            check_invariants(&case)?;
        }
    }

    #[test]
    fn signatures_verify_exactly_what_was_signed(
        secret in proptest::collection::vec(any::<u8>(), 0..80),
        body in proptest::collection::vec(any::<u8>(), 0..300),
        timestamp in 0i64..4_000_000_000,
        flip in any::<prop::sample::Index>(),
    ) {
        let header = sign_payload(&secret, timestamp, &body);
        prop_assert_eq!(verify_signature(&secret, &header, &body, timestamp, 300), Ok(()));
        if !body.is_empty() {
            let mut tampered = body.clone();
            let i = flip.index(tampered.len());
            tampered[i] ^= 1;
            prop_assert!(verify_signature(&secret, &header, &tampered, timestamp, 300).is_err());
        }
    }

    #[test]
    fn signature_headers_never_panic(header in ".{0,200}", now in any::<i64>(), tolerance in any::<i64>()) {
        let _ = verify_signature(b"k", &header, b"body", now, tolerance);
    }

    #[test]
    fn config_files_never_panic(text in ".{0,400}") {
        let _ = ReviewConfig::from_toml("fuzz", &text);
    }

    #[test]
    fn priority_is_the_sum_of_its_parts_for_any_scores(
        score in prop_oneof![any::<f32>(), Just(f32::NAN), Just(f32::INFINITY), 0.0f32..1.0],
        reach in proptest::option::of(any::<u64>()),
        reports in 0usize..40,
        deadline in proptest::option::of(any::<i64>()),
        now in any::<i64>(),
    ) {
        let config = config();
        let mut case = Case::from_decision(
            "c",
            "f",
            Some("u"),
            automated("p", vigie_policy::Action::Remove, &[(Category::Hate, score)], vec![], "en"),
            reach,
            &config,
            T0,
        );
        for i in 0..reports {
            case.reports.push(Report { id: i.to_string(), reporter: None, category: None, reason: None, received_at: T0 });
        }
        if let Some(deadline) = deadline {
            case.notices.push(vigie_review::case::Notice {
                id: "n".into(),
                authority: "a".into(),
                reference: None,
                received_at: T0,
                deadline,
                threat_to_life: false,
            });
        }
        let p = Priority::compute(&case, &config.priority, now);
        prop_assert_eq!(p.score, p.parts.iter().map(|x| x.points).sum::<i64>());
        prop_assert!(p.parts.iter().all(|x| x.points > 0));
        prop_assert!(!p.explanation().is_empty());
        // What the store indexes (the base) plus the deadline's band is the score.
        let deadline_points = case
            .nearest_deadline()
            .map_or(0, |d| config.priority.deadline_points(d.saturating_sub(now)));
        prop_assert_eq!(
            Priority::base_score(&case, &config.priority) + deadline_points,
            p.score
        );
    }

    #[test]
    fn one_more_strike_never_softens_the_proposal(
        ages in proptest::collection::vec(0i64..400, 0..10),
        extra in 0i64..400,
    ) {
        let policy = StrikePolicy { expiry_days: 365, ..StrikePolicy::default() };
        let strike = |i: usize, days_ago: i64| Strike {
            id: format!("s{i}"),
            author: "u".into(),
            case_id: "c".into(),
            reason_code: "r".into(),
            category: None,
            issued_at: T0 - days_ago * DAY,
            expires_at: T0 - days_ago * DAY + 365 * DAY,
            reversed_at: None,
        };
        let mut strikes: Vec<Strike> = ages.iter().enumerate().map(|(i, a)| strike(i, *a)).collect();
        // Permanent (None) is the most severe; otherwise longer is more severe.
        let severity = |p: Option<vigie_review::StrikeProposal>| match p.map(|p| p.action) {
            None => 0u64,
            Some(ModeratorAction::SuspendAccount { until: None }) => u64::MAX,
            Some(ModeratorAction::SuspendAccount { until: Some(t) }) => u64::try_from(t - T0).unwrap_or(0),
            Some(_) => 1,
        };
        let before = severity(policy.evaluate("u", &strikes, T0));
        strikes.push(strike(99, extra));
        let after = severity(policy.evaluate("u", &strikes, T0));
        prop_assert!(after >= before);
    }

    #[test]
    fn retry_delays_stay_under_a_growing_ceiling(
        base in 0u32..1000,
        extra in 0u32..100_000,
        failures in 1u32..80,
        seed in any::<u64>(),
    ) {
        let policy = RetryPolicy { base_delay_seconds: base, max_delay_seconds: base + extra, max_attempts: 10 };
        prop_assert!(policy.delay_ceiling(failures + 1) >= policy.delay_ceiling(failures));
        let mut rng = StdRng::seed_from_u64(seed);
        let delay = policy.jittered_delay(failures, &mut rng);
        prop_assert!(delay >= 0 && delay <= policy.delay_ceiling(failures));
    }
}
