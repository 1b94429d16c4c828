//! `vigie export sor` as an operator runs it (the real binary) on a store filled through the
//! store's API, once on SQLite and once on a PostgreSQL the test starts itself: every
//! statement validates against the DSA schema, holds no personal data, keeps its puid across
//! exports; the submitter retries 5xx, does not retry 422, and stores every receipt.

use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use vigie_policy::{Action, Decision, PostContext};
use vigie_store::test_support::TempPostgres;
use vigie_store::vigie_report::Schema;
use vigie_store::vigie_review::{
    Actor, DeadlineSource, DecideOutcome, DecisionInput, ModeratorAction, NotifierKind, Report,
    ReviewConfig, Role, Subject,
};
use vigie_store::{CaseChange, Location, NewNotice, NewPost, Store};

/// Where a scenario's database is, as the binary and the store open it.
struct Db {
    args: Vec<String>,
    location: Location,
    _dir: Option<tempfile::TempDir>,
}

type Scenario = fn(&Db);

fn on_both(scenarios: &[(&str, Scenario)]) {
    for (name, scenario) in scenarios {
        eprintln!("sqlite: {name}");
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        scenario(&Db {
            args: vec!["--data-dir".into(), data.display().to_string()],
            location: Location::DataDir(data),
            _dir: Some(dir),
        });
    }
    let pg = TempPostgres::start().unwrap();
    for (i, (name, scenario)) in scenarios.iter().enumerate() {
        eprintln!("postgres: {name}");
        let url = pg.create_database(&format!("sor{i}")).unwrap();
        scenario(&Db {
            args: vec!["--database-url".into(), url.clone()],
            location: Location::Url(url),
            _dir: None,
        });
    }
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
        .env_remove("VIGIE_SOR_TOKEN")
        .env_remove("VIGIE_SOR_ENDPOINT")
        .output()
        .unwrap()
}

fn decision(post_id: &str, action: Action, category: Option<vigie_detect::Category>) -> Decision {
    serde_json::from_value(serde_json::json!({
        "post_id": post_id, "action": action.name(),
        "reason_code": if action == Action::Allow { Value::Null } else { Value::from("violence.threat.credible") },
        "category": category.map(|c| c.name()),
        "categories": [], "evidence": [], "targets": [], "rules": [], "lang": "fr",
        "lang_confidence": 0.9, "policy_version": "a1b2c3", "detectors": [], "latency_us": 4
    }))
    .unwrap()
}

/// Posts with their decisions; each author is `author-<id>` and each text names its author,
/// so that a leak of either into a statement shows.
async fn record(store: &Store, posts: &[(&str, Action)]) {
    let context = PostContext::default();
    let decisions: Vec<(String, String, String, Decision)> = posts
        .iter()
        .map(|(id, action)| {
            (
                id.to_string(),
                format!("author-{id}"),
                format!("secret text of author-{id}"),
                decision(id, *action, Some(vigie_detect::Category::ViolenceThreat)),
            )
        })
        .collect();
    let new: Vec<NewPost> = decisions
        .iter()
        .map(|(id, author, text, d)| NewPost {
            platform: "forum",
            post_id: id,
            author: Some(author),
            text,
            context: &context,
            decision: d,
        })
        .collect();
    store.record_posts(&new, "test", "[]").await.unwrap();
}

/// A moderator claims and decides a case.
async fn decide(store: &Store, case_id: &str, action: ModeratorAction, now: i64) {
    let config = store.review_config();
    let mona = Actor::new("mona", Role::Moderator);
    let change = CaseChange {
        actor: "user:mona",
        kind: "case.claim",
        now,
        config: &config,
        webhook_endpoint: None,
    };
    store
        .change_case(case_id, &change, |c| {
            c.claim(&mona, now, &config.lease)?;
            Ok(((), vec![]))
        })
        .await
        .unwrap()
        .unwrap();
    let decided = CaseChange {
        kind: "case.decide",
        now: now + 1,
        ..change
    };
    store
        .change_case(case_id, &decided, |c| {
            let input = DecisionInput {
                action,
                reason_code: "harassment.targeted".into(),
                note: Some("note naming author-x".into()),
                categories: vec![vigie_detect::Category::Harassment],
            };
            match c.decide(&mona, input, &config, now + 1)? {
                DecideOutcome::Resolved { effects, .. } => Ok(((), effects)),
                other => panic!("{other:?}"),
            }
        })
        .await
        .unwrap()
        .unwrap();
}

fn post(id: &str) -> Subject {
    Subject::Post {
        platform: "forum".into(),
        post_id: id.into(),
        author: Some(format!("author-{id}")),
    }
}

fn statements_in(dir: &Path) -> Vec<Value> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let batch: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let items = batch["statements"].as_array().unwrap();
        assert!(!items.is_empty() && items.len() <= 100, "{}", f.display());
        out.extend(items.iter().cloned());
    }
    out
}

fn by_puid(statements: &[Value]) -> HashMap<String, Value> {
    statements
        .iter()
        .map(|s| (s["puid"].as_str().unwrap().to_string(), s.clone()))
        .collect()
}

fn every_kind_of_restriction_validates(db: &Db) {
    let rt = runtime();
    let (held_case, reported_case, flagged_case) = rt.block_on(async {
        let store = Store::open(&db.location).await.unwrap();
        store.set_review_config(ReviewConfig::example().unwrap());
        record(
            &store,
            &[
                ("removed", Action::Remove),
                ("labelled", Action::Label),
                ("held", Action::HoldForReview),
                ("fine", Action::Allow),
                ("urgent", Action::EscalateUrgent),
                ("reported", Action::Allow),
                ("flagged", Action::Allow),
            ],
        )
        .await;
        let now = vigie_store::now_micros();
        let config = store.review_config();
        let held = store
            .decision_for_post("forum", "held")
            .await
            .unwrap()
            .unwrap();
        let held_case = store
            .list_queue(config.queue("general").unwrap(), &config, now, 100)
            .await
            .unwrap()
            .into_iter()
            .find(|c| c.subject == post("held"))
            .map(|c| c.id)
            .unwrap_or_else(|| panic!("no case for {held:?}"));
        decide(&store, &held_case, ModeratorAction::Remove, now).await;

        let change = CaseChange {
            actor: "user:someone",
            kind: "case.report",
            now,
            config: &config,
            webhook_endpoint: None,
        };
        let report = Report {
            id: String::new(),
            reporter: Some("reporter-bob".into()),
            category: Some(vigie_detect::Category::Harassment),
            reason: Some("bob says so".into()),
            received_at: now,
        };
        let reported = store
            .add_report(post("reported"), report, &change)
            .await
            .unwrap();
        decide(&store, &reported.case.id, ModeratorAction::Demote, now + 10).await;

        let notice = store
            .create_notice(
                NewNotice {
                    notifier: "Flaggers United".into(),
                    kind: NotifierKind::TrustedFlagger,
                    subjects: vec![post("flagged")],
                    category: Some("harassment".into()),
                    legal_ground: None,
                    policy_clause: Some("terms 4.2".into()),
                    explanation: "targeted abuse".into(),
                    reference: None,
                    threat_to_life: false,
                    deadline: now + 86_400_000_000,
                    deadline_source: DeadlineSource::Notifier,
                },
                &config,
                &[0.5],
                "key:flagger",
                now,
            )
            .await
            .unwrap();
        let flagged_case = notice.cases[0].id.clone();
        decide(&store, &flagged_case, ModeratorAction::Remove, now + 20).await;
        store.close().await;
        (held_case, reported.case.id, flagged_case)
    });

    let out_dir = tempfile::tempdir().unwrap();
    let first = out_dir.path().join("first");
    let out = vigie(
        db,
        &[
            "export",
            "sor",
            "--since",
            "0",
            "--out",
            first.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let statements = statements_in(&first);
    // 4 automated restrictions (not the allowed posts) and 3 moderators' decisions.
    assert_eq!(statements.len(), 7, "{statements:#?}");
    let schema = Schema::embedded().unwrap();
    for s in &statements {
        assert!(
            schema.violations(s).is_empty(),
            "{:?}: {s:#}",
            schema.violations(s)
        );
        let text = s.to_string();
        for private in [
            "author-",
            "secret text",
            "bob",
            "mona",
            "Flaggers United",
            "note naming",
        ] {
            assert!(!text.contains(private), "{private} leaked into {text}");
        }
    }
    let puids: BTreeSet<&str> = statements
        .iter()
        .map(|s| s["puid"].as_str().unwrap())
        .collect();
    assert_eq!(puids.len(), statements.len(), "puids are unique");
    let by_source: Vec<(&str, &str, &str)> = statements
        .iter()
        .map(|s| {
            (
                s["source_type"].as_str().unwrap(),
                s["automated_decision"].as_str().unwrap(),
                s["automated_detection"].as_str().unwrap(),
            )
        })
        .collect();
    let count = |t: (&str, &str, &str)| by_source.iter().filter(|x| **x == t).count();
    assert_eq!(
        count(("SOURCE_VOLUNTARY", "AUTOMATED_DECISION_FULLY", "Yes")),
        4
    );
    // The held post: vigie found it, a moderator decided.
    assert_eq!(
        count((
            "SOURCE_VOLUNTARY",
            "AUTOMATED_DECISION_NOT_AUTOMATED",
            "Yes"
        )),
        1
    );
    assert_eq!(
        count((
            "SOURCE_ARTICLE_16",
            "AUTOMATED_DECISION_NOT_AUTOMATED",
            "No"
        )),
        1
    );
    assert_eq!(
        count((
            "SOURCE_TRUSTED_FLAGGER",
            "AUTOMATED_DECISION_NOT_AUTOMATED",
            "No"
        )),
        1
    );
    let demoted = statements
        .iter()
        .filter(|s| s["decision_visibility"][0] == "DECISION_VISIBILITY_CONTENT_DEMOTED")
        .count();
    assert_eq!(demoted, 1);

    // Exported again: the same statements under the same puids, nothing new.
    let second = out_dir.path().join("second");
    let out = vigie(
        db,
        &[
            "export",
            "sor",
            "--since",
            "0",
            "--out",
            second.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(by_puid(&statements_in(&second)), by_puid(&statements));

    // What the notices engineer answers notifiers with is the exported statement.
    rt.block_on(async {
        let store = Store::open(&db.location).await.unwrap();
        for case in [&held_case, &reported_case, &flagged_case] {
            let stored = store.statement_for_case(case).await.unwrap().unwrap();
            assert!(puids.contains(stored.puid.as_str()), "{}", stored.puid);
            assert_eq!(
                serde_json::to_value(&stored.statement).unwrap(),
                by_puid(&statements)[&stored.puid]
            );
        }
        store.close().await;
    });
}

/// A fake Transparency Database: answers each request with the next scripted status and
/// records what it got.
struct FakeEndpoint {
    url: String,
    seen: Arc<Mutex<Vec<(String, Value)>>>,
}

fn fake_endpoint(script: Vec<u16>) -> FakeEndpoint {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen: Arc<Mutex<Vec<(String, Value)>>> = Arc::default();
    let log = seen.clone();
    std::thread::spawn(move || {
        let mut script = script.into_iter();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = Vec::new();
            let mut chunk = [0u8; 8192];
            let (head, body) = loop {
                let n = stream.read(&mut chunk).unwrap_or(0);
                if n == 0 {
                    break (String::new(), Vec::new());
                }
                buf.extend_from_slice(&chunk[..n]);
                if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buf[..end]).to_string();
                    let length: usize = head
                        .lines()
                        .find_map(|l| {
                            let (k, v) = l.split_once(':')?;
                            k.eq_ignore_ascii_case("content-length")
                                .then(|| v.trim().parse().ok())?
                        })
                        .unwrap_or(0);
                    let mut body = buf[end + 4..].to_vec();
                    while body.len() < length {
                        let n = stream.read(&mut chunk).unwrap_or(0);
                        if n == 0 {
                            break;
                        }
                        body.extend_from_slice(&chunk[..n]);
                    }
                    break (head, body);
                }
            };
            let auth = head
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("authorization")
                        .then(|| v.trim().to_string())
                })
                .unwrap_or_default();
            let request: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let status = script.next().unwrap_or(201);
            let answer = match status {
                201 => serde_json::json!({
                    "statements": request["statements"].as_array().map(|items| items.iter().map(|s| {
                        serde_json::json!({"puid": s["puid"], "uuid": format!("tdb-{}", s["puid"].as_str().unwrap_or(""))})
                    }).collect::<Vec<_>>())
                }),
                422 => serde_json::json!({
                    "message": "The puid has already been taken.",
                    "errors": {"statements.1.puid": ["The puid has already been taken."]}
                }),
                _ => serde_json::json!({"message": "server error"}),
            };
            log.lock().unwrap().push((auth, request));
            let body = answer.to_string();
            let reason = match status {
                201 => "Created",
                422 => "Unprocessable Content",
                _ => "Internal Server Error",
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    FakeEndpoint { url, seen }
}

fn submission_retries_5xx_not_422_and_keeps_receipts(db: &Db) {
    let rt = runtime();
    rt.block_on(async {
        let store = Store::open(&db.location).await.unwrap();
        let ids: Vec<String> = (0..250).map(|i| format!("p{i:03}")).collect();
        let posts: Vec<(&str, Action)> = ids.iter().map(|i| (i.as_str(), Action::Remove)).collect();
        record(&store, &posts).await;
        store.close().await;
    });
    // Batch 1: 500 then 201. Batch 2: 422 (statement 1 at fault), not retried. Batch 3: 500
    // three times, then given up.
    let endpoint = fake_endpoint(vec![500, 201, 422, 500, 500, 500]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = vigie(
        db,
        &[
            "export",
            "sor",
            "--since",
            "0",
            "--out",
            out_dir.path().to_str().unwrap(),
            "--submit",
            &endpoint.url,
            "--token",
            "s3cret",
            "--max-attempts",
            "3",
            "--retry-base-ms",
            "20",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "rejections make the export fail: {stderr}"
    );
    assert!(
        stderr.contains("100 accepted, 1 rejected (422), 149 not accepted"),
        "{stderr}"
    );
    let statements = statements_in(out_dir.path());
    assert_eq!(statements.len(), 250);
    let schema = Schema::embedded().unwrap();
    assert!(statements.iter().all(|s| schema.violations(s).is_empty()));
    {
        let seen = endpoint.seen.lock().unwrap();
        assert_eq!(seen.len(), 6);
        assert!(seen.iter().all(|(auth, _)| auth == "Bearer s3cret"));
        let sizes: Vec<usize> = seen
            .iter()
            .map(|(_, r)| r["statements"].as_array().unwrap().len())
            .collect();
        assert_eq!(sizes, vec![100, 100, 100, 50, 50, 50]);
    }

    let batch_puids: Vec<Vec<String>> = out_dir
        .path()
        .read_dir()
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|f| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
            v["statements"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["puid"].as_str().unwrap().to_string())
                .collect()
        })
        .collect();
    rt.block_on(async {
        let store = Store::open(&db.location).await.unwrap();
        let mut batch_states = Vec::new();
        for puids in &batch_puids {
            let first = store.statement(&puids[0]).await.unwrap().unwrap();
            let batch = store
                .sor_batch(first.batch_id.as_deref().unwrap())
                .await
                .unwrap()
                .unwrap();
            assert_eq!(&batch.puids, puids);
            let receipts = store.sor_receipts(&batch.id).await.unwrap();
            let statuses: Vec<i64> = receipts.iter().map(|r| r.status).collect();
            batch_states.push((batch.state.clone(), batch.attempts, statuses));
        }
        assert_eq!(
            batch_states,
            vec![
                ("submitted".to_string(), 2, vec![500, 201]),
                ("rejected".to_string(), 1, vec![422]),
                ("failed".to_string(), 3, vec![500, 500, 500]),
            ]
        );
        let s = store.statement(&batch_puids[0][7]).await.unwrap().unwrap();
        assert_eq!(s.state, "submitted");
        assert_eq!(s.remote_id, Some(format!("tdb-{}", s.puid)));
        let rejected = store.statement(&batch_puids[1][1]).await.unwrap().unwrap();
        assert_eq!(rejected.state, "rejected");
        assert!(
            rejected
                .last_error
                .as_deref()
                .unwrap()
                .contains("already been taken"),
            "{rejected:?}"
        );
        let innocent = store.statement(&batch_puids[1][0]).await.unwrap().unwrap();
        assert_eq!(
            innocent.state, "failed",
            "not stored by an all-or-nothing batch"
        );
        let failed = store.statement(&batch_puids[2][0]).await.unwrap().unwrap();
        assert_eq!(failed.state, "failed");
        store.close().await;
    });

    // The next submission sends what was not accepted (not the 100 accepted), under the same
    // puids.
    let endpoint = fake_endpoint(vec![]);
    let again = tempfile::tempdir().unwrap();
    let out = vigie(
        db,
        &[
            "export",
            "sor",
            "--since",
            "0",
            "--out",
            again.path().to_str().unwrap(),
            "--submit",
            &format!("{}/api/v1/statements", endpoint.url),
            "--token",
            "s3cret",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let resent: BTreeSet<String> = statements_in(again.path())
        .iter()
        .map(|s| s["puid"].as_str().unwrap().to_string())
        .collect();
    let expected: BTreeSet<String> = batch_puids[1..].iter().flatten().cloned().collect();
    assert_eq!(resent, expected);
}

fn refuses_a_submit_without_token(db: &Db) {
    let out = vigie(
        db,
        &[
            "export",
            "sor",
            "--since",
            "0",
            "--submit",
            "http://127.0.0.1:9",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--token"));
}

#[test]
fn statements_of_reasons_on_sqlite_and_postgres() {
    on_both(&[
        (
            "every_kind_of_restriction_validates",
            every_kind_of_restriction_validates,
        ),
        (
            "submission_retries_5xx_not_422_and_keeps_receipts",
            submission_retries_5xx_not_422_and_keeps_receipts,
        ),
        (
            "refuses_a_submit_without_token",
            refuses_a_submit_without_token,
        ),
    ]);
}
