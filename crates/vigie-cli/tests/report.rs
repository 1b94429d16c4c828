//! `vigie report --from … --to …` on a store filled through the store's API with a known
//! month in miniature (automated restrictions, moderators' decisions, notices met and missed,
//! appeals), on SQLite and on PostgreSQL: the figures are the expected ones, and the HTML
//! states exactly the CSV's and the JSON's.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use vigie_policy::{Action, Decision, PostContext};
use vigie_store::test_support::TempPostgres;
use vigie_store::vigie_report::Figures;
use vigie_store::vigie_review::{
    Actor, AppealOutcome, DeadlineSource, DecideOutcome, DecisionInput, ModeratorAction,
    NotifierKind, Report, ReviewConfig, Role, Subject,
};
use vigie_store::{CaseChange, ClockSettings, Location, NewNotice, NewPost, Store};

const HOUR: i64 = 3_600_000_000;

struct Db {
    args: Vec<String>,
    location: Location,
    _dir: Option<tempfile::TempDir>,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn vigie(db: &Db, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .args(&db.args)
        .output()
        .unwrap()
}

fn decision(post_id: &str, action: Action) -> Decision {
    serde_json::from_value(serde_json::json!({
        "post_id": post_id, "action": action.name(),
        "reason_code": if action == Action::Allow { Value::Null } else { Value::from("violence.threat.credible") },
        "category": if action == Action::Allow { Value::Null } else { Value::from("violence_threat") },
        "categories": [], "evidence": [], "targets": [], "rules": [], "lang": "en",
        "lang_confidence": 0.9, "policy_version": "a1b2c3", "detectors": [], "latency_us": 4
    }))
    .unwrap()
}

fn post(id: &str) -> Subject {
    Subject::Post {
        platform: "forum".into(),
        post_id: id.into(),
        author: Some(format!("author-{id}")),
    }
}

fn config() -> ReviewConfig {
    let mut config = ReviewConfig::example().unwrap();
    // One moderator decides in this test; second review has tests of its own.
    config.second_review.urgent = false;
    config.second_review.escalated = false;
    config.second_review.actions.clear();
    config
}

async fn change<R: serde::Serialize>(
    store: &Store,
    case_id: &str,
    actor: &str,
    now: i64,
    f: impl FnOnce(
        &mut vigie_store::vigie_review::Case,
    ) -> Result<
        (R, Vec<vigie_store::vigie_review::Effect>),
        vigie_store::vigie_review::ReviewError,
    >,
) {
    let config = store.review_config();
    let change = CaseChange {
        actor,
        kind: "case.change",
        now,
        config: &config,
        webhook_endpoint: None,
    };
    store
        .change_case(case_id, &change, f)
        .await
        .unwrap()
        .unwrap();
}

async fn decide(store: &Store, case_id: &str, action: ModeratorAction, category: &str, at: i64) {
    let config = store.review_config();
    let mona = Actor::new("mona", Role::Moderator);
    change(store, case_id, "user:mona", at, |c| {
        c.claim(&mona, at, &config.lease)?;
        Ok(((), vec![]))
    })
    .await;
    change(store, case_id, "user:mona", at, |c| {
        let input = DecisionInput {
            action,
            reason_code: "rule.x".into(),
            note: None,
            categories: vec![vigie_detect::Category::from_name(category).unwrap()],
        };
        match c.decide(&mona, input, &config, at)? {
            DecideOutcome::Resolved { effects, .. } => Ok(((), effects)),
            other => panic!("{other:?}"),
        }
    })
    .await;
}

async fn notice(store: &Store, kind: NotifierKind, on: &str, now: i64, deadline: i64) -> String {
    let config = store.review_config();
    let created = store
        .create_notice(
            NewNotice {
                notifier: format!("{kind:?}"),
                kind,
                subjects: vec![post(on)],
                category: Some("hate".into()),
                legal_ground: None,
                policy_clause: None,
                explanation: "see post".into(),
                reference: None,
                threat_to_life: false,
                deadline,
                deadline_source: DeadlineSource::Notifier,
            },
            &config,
            &[0.5],
            "key:notifier",
            now,
        )
        .await
        .unwrap();
    created.cases[0].id.clone()
}

/// Fills the store; returns the period to report on.
async fn fill(store: &Store) -> (i64, i64) {
    store.set_review_config(config());
    let start = vigie_store::now_micros() - HOUR;
    let posts = [
        ("r1", Action::Remove),
        ("r2", Action::Remove),
        ("r3", Action::Remove),
        ("l1", Action::Label),
        ("l2", Action::Label),
        ("held", Action::HoldForReview),
        ("a1", Action::Allow),
        ("a2", Action::Allow),
        ("a3", Action::Allow),
        ("a4", Action::Allow),
        ("host-flagged", Action::Allow),
        ("order", Action::Allow),
        ("reported", Action::Allow),
    ];
    let context = PostContext::default();
    let decisions: Vec<(String, Decision)> = posts
        .iter()
        .map(|(id, a)| (format!("author-{id}"), decision(id, *a)))
        .collect();
    let new: Vec<NewPost> = posts
        .iter()
        .zip(&decisions)
        .map(|((id, _), (author, d))| NewPost {
            platform: "forum",
            post_id: id,
            author: Some(author),
            text: "text",
            context: &context,
            decision: d,
        })
        .collect();
    store.record_posts(&new, "test", "[]").await.unwrap();
    let now = vigie_store::now_micros();
    let config = store.review_config();

    let held_case = store
        .list_queue(config.queue("general").unwrap(), &config, now, 100)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.subject == post("held"))
        .unwrap()
        .id;
    decide(
        store,
        &held_case,
        ModeratorAction::Remove,
        "violence_threat",
        now + 1,
    )
    .await;

    let report = Report {
        id: String::new(),
        reporter: Some("bob".into()),
        category: Some(vigie_detect::Category::Harassment),
        reason: None,
        received_at: now,
    };
    let change_ctx = CaseChange {
        actor: "user:bob",
        kind: "case.report",
        now,
        config: &config,
        webhook_endpoint: None,
    };
    let reported = store
        .add_report(post("reported"), report, &change_ctx)
        .await
        .unwrap()
        .case
        .id;
    decide(
        store,
        &reported,
        ModeratorAction::Demote,
        "harassment",
        now + 2,
    )
    .await;

    // The host's notice is decided after 1 h (deadline 24 h: met), the authority's order
    // after 2 h (deadline 1 h: missed).
    let host_case = notice(
        store,
        NotifierKind::HostingProvider,
        "host-flagged",
        now,
        now + 24 * HOUR,
    )
    .await;
    decide(
        store,
        &host_case,
        ModeratorAction::Remove,
        "hate",
        now + HOUR,
    )
    .await;
    let order_case = notice(store, NotifierKind::Authority, "order", now, now + HOUR).await;
    decide(
        store,
        &order_case,
        ModeratorAction::Remove,
        "hate",
        now + 2 * HOUR,
    )
    .await;
    store
        .run_notice_clocks(
            now + 3 * HOUR,
            &ClockSettings {
                warn_at: &[0.5],
                config: &config,
                alert_endpoint: None,
                changed_since: None,
            },
            100,
        )
        .await
        .unwrap();

    // Two appeals: one reversed, one waiting.
    change(store, &held_case, "user:author-held", now + 3 * HOUR, |c| {
        c.appeal("author-held", "it was a joke", &config, now + 3 * HOUR)?;
        Ok(((), vec![]))
    })
    .await;
    let rita = Actor::new("rita", Role::Moderator);
    change(store, &held_case, "user:rita", now + 4 * HOUR, |c| {
        c.assign_appeal(&rita, now + 4 * HOUR)?;
        let effects = c.resolve_appeal(
            &rita,
            AppealOutcome::Reversed,
            None,
            &config,
            now + 4 * HOUR,
        )?;
        Ok(((), effects))
    })
    .await;
    change(
        store,
        &reported,
        "user:author-reported",
        now + 3 * HOUR,
        |c| {
            c.appeal("author-reported", "no", &config, now + 3 * HOUR)?;
            Ok(((), vec![]))
        },
    )
    .await;
    (start, now + 48 * HOUR)
}

fn html_figures(html: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = html;
    while let Some(at) = rest.find("data-figure=\"") {
        rest = &rest[at + 13..];
        let id = rest[..rest.find('"').unwrap()].to_string();
        let value = rest[rest.find('>').unwrap() + 1..rest.find('<').unwrap()]
            .trim()
            .replace('–', "");
        assert!(out.insert(id.clone(), value).is_none(), "{id} twice");
    }
    out
}

fn csv_figures(csv: &str) -> BTreeMap<String, String> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["section", "key", "label", "value"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (format!("{}.{}", &r[0], &r[1]), r[3].to_string())
        })
        .collect()
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn report_states_the_known_month(db: &Db) {
    let (from, to) = runtime().block_on(async {
        let store = Store::open(&db.location).await.unwrap();
        let period = fill(&store).await;
        store.close().await;
        period
    });
    let out_dir = tempfile::tempdir().unwrap();
    let out = vigie(
        db,
        &[
            "report",
            "--from",
            &(from / 1_000_000).to_string(),
            "--to",
            &(to / 1_000_000).to_string(),
            "--out",
            out_dir.path().to_str().unwrap(),
            "--platform",
            "forum.example",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = read(out_dir.path(), "report.html");
    let in_html = html_figures(&html);
    let in_csv = csv_figures(&read(out_dir.path(), "report.csv"));
    assert_eq!(in_html, in_csv);
    let figures: Figures = serde_json::from_str(&read(out_dir.path(), "report.json")).unwrap();
    let in_json: BTreeMap<String, String> =
        figures.rows().iter().map(|r| (r.id(), r.shown())).collect();
    assert_eq!(in_json, in_html);

    let expected = [
        ("totals.posts_decided", "13"),
        ("totals.restrictions", "10"),
        ("decided_by.automated", "6"),
        ("decided_by.human", "4"),
        ("by_source.automated", "7"),
        ("by_source.user", "1"),
        ("by_source.hosting_provider", "1"),
        ("by_source.authority", "1"),
        ("by_action.automated.remove", "3"),
        ("by_action.automated.label", "2"),
        ("by_action.automated.hold_for_review", "1"),
        ("by_action.moderator.remove", "3"),
        ("by_action.moderator.demote", "1"),
        ("by_category.violence_threat", "7"),
        ("by_category.hate", "2"),
        ("by_category.harassment", "1"),
        ("time_to_action.decisions", "4"),
        ("time_to_action.median_seconds", "0"),
        ("time_to_action.p90_seconds", "7200"),
        ("notices.received", "2"),
        ("notices.decided", "2"),
        ("notices.deadlines_met", "1"),
        ("notices.deadlines_missed", "1"),
        ("notices.pending", "0"),
        ("notices.median_seconds", "3600"),
        ("notices.p90_seconds", "7200"),
        ("notices_by_kind.hosting_provider", "1"),
        ("notices_by_kind.authority", "1"),
        ("appeals.filed", "2"),
        ("appeals.upheld", "0"),
        ("appeals.reversed", "1"),
        ("appeals.pending", "1"),
    ];
    for (id, value) in expected {
        assert_eq!(in_html.get(id).map(String::as_str), Some(value), "{id}");
    }
    assert!(html.contains("forum.example") && html.contains("<svg"));

    // A period before anything happened: zeros, and no median of nothing.
    let empty = tempfile::tempdir().unwrap();
    let out = vigie(
        db,
        &[
            "report",
            "--from",
            "0",
            "--to",
            "1000",
            "--out",
            empty.path().to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let in_html = html_figures(&read(empty.path(), "report.html"));
    assert_eq!(in_html["totals.posts_decided"], "0");
    assert_eq!(in_html["time_to_action.median_seconds"], "");
    // The period must make sense.
    let out = vigie(db, &["report", "--from", "1000", "--to", "10"]);
    assert!(!out.status.success());
}

#[test]
fn transparency_report_on_sqlite_and_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    eprintln!("sqlite");
    report_states_the_known_month(&Db {
        args: vec!["--data-dir".into(), data.display().to_string()],
        location: Location::DataDir(data),
        _dir: Some(dir),
    });
    eprintln!("postgres");
    let pg = TempPostgres::start().unwrap();
    let url = pg.create_database("report").unwrap();
    report_states_the_known_month(&Db {
        args: vec!["--database-url".into(), url.clone()],
        location: Location::Url(url),
        _dir: None,
    });
}
