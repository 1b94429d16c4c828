//! The store's behaviour, run the same way on embedded SQLite and on a real PostgreSQL that
//! the test starts itself.

use std::future::Future;
use std::pin::Pin;

use vigie_policy::{Action, Decision, PostContext};
use vigie_store::test_support::TempPostgres;
use vigie_store::{DecisionFilter, Location, NewPost, Scope, Store};

fn decision(post_id: &str, action: Action, reason: Option<&str>) -> Decision {
    Decision {
        post_id: post_id.to_string(),
        action,
        reason_code: reason.map(Into::into),
        category: None,
        categories: vec![],
        evidence: vec![],
        targets: vec![],
        rules: vec![],
        lang: "en".into(),
        lang_confidence: 0.75,
        policy_version: "p1".into(),
        detectors: vec![].into(),
        latency_us: 3,
    }
}

async fn record(
    store: &Store,
    platform: &str,
    id: &str,
    author: &str,
    action: Action,
) -> vigie_store::Recorded {
    let context = PostContext::default();
    let d = decision(id, action, Some("test_reason"));
    let mut out = store
        .record_posts(
            &[NewPost {
                platform,
                post_id: id,
                author: Some(author),
                text: "some text",
                context: &context,
                decision: &d,
            }],
            "test",
            "[]",
        )
        .await
        .unwrap();
    out.pop().unwrap()
}

async fn idempotent_and_race_safe(store: Store) {
    let first = record(&store, "web", "p1", "alice", Action::Remove).await;
    assert!(!first.replayed);
    // Same post again, with a different decision: the stored one comes back.
    let again = record(&store, "web", "p1", "alice", Action::Allow).await;
    assert!(again.replayed);
    assert_eq!(again.decision, first.decision);
    assert_eq!(again.decision.decision.action, Action::Remove);
    // Same id on another platform is another post.
    let other = record(&store, "app", "p1", "alice", Action::Allow).await;
    assert!(!other.replayed);
    assert_ne!(other.decision.id, first.decision.id);

    // Concurrent writers of one post: exactly one stores it, all get its decision.
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let s = store.clone();
            tokio::spawn(async move { record(&s, "web", "race", "bob", Action::Label).await })
        })
        .collect();
    let mut results = Vec::new();
    for t in tasks {
        results.push(t.await.unwrap());
    }
    assert_eq!(results.iter().filter(|r| !r.replayed).count(), 1);
    assert!(
        results
            .iter()
            .all(|r| r.decision.id == results[0].decision.id)
    );
    let by_id = store.decision(&first.decision.id).await.unwrap().unwrap();
    assert_eq!(by_id, first.decision);
    assert!(store.decision("nope").await.unwrap().is_none());
    assert!(store.verify_audit().await.unwrap().broken.is_none());
}

async fn lists_by_author_with_keyset_pages(store: Store) {
    for i in 0..7 {
        let author = if i % 2 == 0 { "alice" } else { "bob" };
        record(&store, "web", &format!("post{i}"), author, Action::Allow).await;
    }
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = store
            .list_decisions(&DecisionFilter {
                author: Some("alice".into()),
                cursor: cursor.clone(),
                limit: 2,
                ..Default::default()
            })
            .await
            .unwrap();
        assert!(page.items.len() <= 2);
        seen.extend(page.items.iter().map(|d| d.post_id.clone()));
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen, ["post0", "post2", "post4", "post6"]);
    let all = store
        .list_decisions(&DecisionFilter {
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(all.items.len(), 7);
    assert!(all.next_cursor.is_none());
    let future = store
        .list_decisions(&DecisionFilter {
            since: Some(vigie_store::now_micros() + 60_000_000),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(future.items.is_empty());
    let posts = store.posts_between(0, i64::MAX, 100).await.unwrap();
    assert_eq!(posts.len(), 7);
    assert_eq!(posts[0].post_id, "post0");
    assert!(
        store
            .list_decisions(&DecisionFilter {
                cursor: Some("garbage".into()),
                limit: 5,
                ..Default::default()
            })
            .await
            .is_err()
    );
}

async fn keys_authenticate_until_revoked(store: Store) {
    let created = store
        .create_key("ops", &[Scope::Read, Scope::Ingest], "cli:test")
        .await
        .unwrap();
    assert!(created.token.starts_with("vigie_"));
    assert_eq!(created.token.len(), "vigie_".len() + 64);
    let key = store.authenticate(&created.token).await.unwrap().unwrap();
    assert_eq!(key.id, created.key.id);
    assert!(key.allows(Scope::Read) && key.allows(Scope::Ingest) && !key.allows(Scope::Admin));
    assert!(store.authenticate("vigie_00").await.unwrap().is_none());
    assert!(
        store
            .authenticate(&created.token[..created.token.len() - 1])
            .await
            .unwrap()
            .is_none()
    );
    let listed = store.list_keys().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(
        store
            .revoke_key(&key.id, "cli:test", "rotated")
            .await
            .unwrap()
    );
    assert!(
        !store
            .revoke_key(&key.id, "cli:test", "again")
            .await
            .unwrap()
    );
    assert!(store.authenticate(&created.token).await.unwrap().is_none());
    assert!(store.list_keys().await.unwrap()[0].revoked_at.is_some());
    assert!(store.create_key("none", &[], "cli:test").await.is_err());
    let kinds: Vec<_> = store
        .audit_entries(0, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(kinds, ["key.create", "key.revoke"]);
}

async fn policies_keep_every_version(store: Store) {
    assert!(store.current_policy().await.unwrap().is_none());
    store
        .save_policy("v1", "file", "a = 1", "system", "startup")
        .await
        .unwrap();
    let second = store
        .save_policy("v2", "api", "a = 2", "key:x", "tighter")
        .await
        .unwrap();
    assert_eq!(second.seq, 2);
    let current = store.current_policy().await.unwrap().unwrap();
    assert_eq!(current, second);
    let history = store.policy_history().await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|p| p.version.as_str())
            .collect::<Vec<_>>(),
        ["v1", "v2"]
    );
    let audit = store.audit_entries(0, 10).await.unwrap();
    assert_eq!(audit.len(), 2);
    assert_eq!(audit[1].kind, "policy.change");
    assert_eq!(audit[1].policy_version, "v2");
}

async fn fill_chain(store: &Store) {
    for i in 0..5 {
        record(store, "web", &format!("c{i}"), "alice", Action::Allow).await;
    }
    let report = store.verify_audit().await.unwrap();
    assert_eq!(report.entries, 5);
    assert!(report.broken.is_none(), "{report}");
}

async fn edited_entry_is_caught(store: Store) {
    fill_chain(&store).await;
    assert_eq!(
        store
            .execute_raw("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3")
            .await
            .unwrap(),
        1
    );
    let report = store.verify_audit().await.unwrap();
    assert_eq!(report.broken.unwrap().seq, 3);
}

async fn deleted_entry_is_caught(store: Store) {
    fill_chain(&store).await;
    store
        .execute_raw("DELETE FROM audit_log WHERE seq = 2")
        .await
        .unwrap();
    assert_eq!(store.verify_audit().await.unwrap().broken.unwrap().seq, 2);
}

async fn deleted_last_entry_is_caught(store: Store) {
    fill_chain(&store).await;
    store
        .execute_raw("DELETE FROM audit_log WHERE seq = 5")
        .await
        .unwrap();
    assert_eq!(store.verify_audit().await.unwrap().broken.unwrap().seq, 5);
}

async fn reordered_entries_are_caught(store: Store) {
    fill_chain(&store).await;
    store
        .execute_raw("UPDATE audit_log SET seq = -1 WHERE seq = 2")
        .await
        .unwrap();
    store
        .execute_raw("UPDATE audit_log SET seq = 2 WHERE seq = 4")
        .await
        .unwrap();
    store
        .execute_raw("UPDATE audit_log SET seq = 4 WHERE seq = -1")
        .await
        .unwrap();
    assert_eq!(store.verify_audit().await.unwrap().broken.unwrap().seq, 2);
}

async fn reopening_keeps_everything(store: Store) {
    fill_chain(&store).await;
    // Opening again runs the migrations again: they must be recognised as applied.
    let again = record(&store, "web", "c0", "alice", Action::Remove).await;
    assert!(again.replayed);
}

async fn accounts_sign_in_by_password_and_token(store: Store) {
    use vigie_store::vigie_review::Role;
    let created = store
        .create_user("mona", Role::Moderator, "a long passphrase", "test")
        .await
        .unwrap();
    assert_eq!(created.user.role, Role::Moderator);
    let by_token = store.authenticate_user(&created.token).await.unwrap();
    assert_eq!(by_token.map(|u| u.name), Some("mona".to_string()));
    assert!(
        store
            .authenticate_user("vigieu_nope")
            .await
            .unwrap()
            .is_none()
    );
    // A user token is not an API key, and the other way round.
    assert!(store.authenticate(&created.token).await.unwrap().is_none());
    let ok = store
        .check_password("mona", "a long passphrase")
        .await
        .unwrap();
    assert_eq!(ok.map(|u| u.role), Some(Role::Moderator));
    assert!(
        store
            .check_password("mona", "a long passphrasf")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .check_password("nobody", "a long passphrase")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .create_user("mona", Role::Admin, "another one!", "test")
            .await
            .is_err()
    );
    assert!(
        store
            .create_user("short", Role::Admin, "1234567", "test")
            .await
            .is_err()
    );
    let names: Vec<String> = store
        .list_users()
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(names, ["mona"]);
    let audit = store.audit_entries(0, 100).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.kind == "user.create" && e.subject == "user:mona")
    );
    // The audit log never holds the password or the token.
    assert!(
        audit
            .iter()
            .all(|e| !e.details.contains("passphrase") && !e.details.contains(&created.token))
    );
}

async fn reviewed_decisions_become_training_rows(store: Store) {
    use vigie_store::vigie_review::{Actor, DecisionInput, ModeratorAction, ReviewConfig, Role};
    let config = ReviewConfig::example().unwrap();
    store.set_review_config(config.clone());
    record(&store, "web", "held", "u1", Action::HoldForReview).await;
    record(&store, "web", "fine", "u2", Action::Allow).await;
    let now = vigie_store::now_micros();
    let general = config.queue("general").unwrap();
    let queued = store.list_queue(general, &config, now, 100).await.unwrap();
    assert_eq!(queued.len(), 1, "only the held post opens a case");
    let case_id = queued[0].id.clone();
    // The decision's audit entry names the case it opened.
    let audit = store.audit_entries(0, 100).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.kind == "decision" && e.details.contains(&case_id))
    );

    let mod_actor = Actor::new("mona", Role::Moderator);
    let change = vigie_store::CaseChange {
        actor: "user:mona",
        kind: "case.claim",
        now,
        config: &config,
        webhook_endpoint: Some("http://127.0.0.1:9/hook"),
    };
    store
        .change_case(&case_id, &change, |c| {
            c.claim(&mod_actor, now, &config.lease)?;
            Ok(((), vec![]))
        })
        .await
        .unwrap()
        .unwrap();
    let decided = vigie_store::CaseChange {
        kind: "case.decide",
        now: now + 1,
        ..change
    };
    let (case, _, applied) = store
        .change_case(&case_id, &decided, |c| {
            let input = DecisionInput {
                action: ModeratorAction::Remove,
                reason_code: "harassment.targeted".into(),
                note: None,
                categories: vec![vigie_detect::Category::Harassment],
            };
            match c.decide(&mod_actor, input, &config, now + 1)? {
                vigie_store::vigie_review::DecideOutcome::Resolved { effects, .. } => {
                    Ok(((), effects))
                }
                other => panic!("{other:?}"),
            }
        })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.status.name(), "resolved");
    assert_eq!(applied.strikes_added.len(), 1);
    assert_eq!(applied.notifications.len(), 1);
    assert_eq!(store.strikes("u1").await.unwrap().len(), 1);
    let outbox = store.outbox(Some("pending"), 10).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].idempotency_key, applied.notifications[0]);
    // A refused transition changes nothing and records nothing.
    let before = store.audit_entries(0, 1000).await.unwrap().len();
    let refused = store
        .change_case(&case_id, &decided, |c| {
            c.claim(&mod_actor, now + 2, &config.lease)?;
            Ok(((), vec![]))
        })
        .await;
    assert!(
        matches!(refused, Err(vigie_store::StoreError::Review(_))),
        "{refused:?}"
    );
    assert_eq!(store.audit_entries(0, 1000).await.unwrap().len(), before);

    let rows = store.training_rows(0).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].text, "some text");
    assert_eq!(rows[0].harassment, Some(1));
    assert!(store.training_rows(now + 10).await.unwrap().is_empty());
    assert!(store.verify_audit().await.unwrap().broken.is_none());
}

type Scenario = fn(Store) -> Pin<Box<dyn Future<Output = ()> + Send>>;

macro_rules! scenarios {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), (|s| Box::pin($name(s))) as Scenario)),*]
    };
}

const SCENARIOS: &[(&str, Scenario)] = scenarios![
    idempotent_and_race_safe,
    lists_by_author_with_keyset_pages,
    keys_authenticate_until_revoked,
    policies_keep_every_version,
    edited_entry_is_caught,
    deleted_entry_is_caught,
    deleted_last_entry_is_caught,
    reordered_entries_are_caught,
    reopening_keeps_everything,
    accounts_sign_in_by_password_and_token,
    reviewed_decisions_become_training_rows,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backend() {
    for (name, scenario) in SCENARIOS {
        let dir = tempfile::tempdir().unwrap();
        let location = Location::DataDir(dir.path().to_path_buf());
        let store = Store::open(&location).await.unwrap();
        eprintln!("sqlite: {name}");
        scenario(store.clone()).await;
        store.close().await;
        // Reopening an existing database must work (migrations already applied).
        Store::open(&location).await.unwrap().close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_backend() {
    let pg = TempPostgres::start().unwrap();
    for (i, (name, scenario)) in SCENARIOS.iter().enumerate() {
        let url = pg.create_database(&format!("s{i}")).unwrap();
        let store = Store::open(&Location::Url(url.clone())).await.unwrap();
        eprintln!("postgres: {name}");
        scenario(store.clone()).await;
        store.close().await;
        Store::open(&Location::Url(url))
            .await
            .unwrap()
            .close()
            .await;
    }
}
