//! The review workflow against the real server on 127.0.0.1, over HTTP, on embedded SQLite
//! and on a real PostgreSQL the test starts: reports, cases, queues, claims, decisions,
//! second review, strikes, appeals, roles and webhooks delivered to a receiver that fails.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use vigie_review::{MICROS_PER_SECOND, Role, SIGNATURE_HEADER, verify_signature};
use vigie_server::{AppState, ServerConfig};
use vigie_store::Scope;
mod common;

use common::{Backend, Scenario, run_on_postgres, run_on_sqlite};

const SECRET: &str = "whsec_test_secret";

/// The example review configuration with fast webhook retries (seconds, not minutes).
const REVIEW_TOML: &str = r#"
[lease]
duration_minutes = 15
max_renewals = 2

[second_review]
urgent = true
actions = ["suspend_account"]

[strikes]
expiry_days = 90
on_actions = ["remove"]
thresholds = [{ strikes = 2, within_days = 90, suspend_days = 7 }]

[appeals]
window_days = 30

[webhook_retry]
base_delay_seconds = 1
max_delay_seconds = 1
max_attempts = 8

[[queue]]
name = "urgent"
urgent = true

[[queue]]
name = "second-review"
statuses = ["pending_second_review"]
order = "age"

[[queue]]
name = "appeals"
statuses = ["appealed"]
order = "age"

[[queue]]
name = "general"
"#;

struct Server {
    serving: common::Serving,
    client: Client,
    state: Arc<AppState>,
    admin: String,
    ingest: String,
    read: String,
    /// User name → token.
    users: BTreeMap<&'static str, String>,
    _dir: tempfile::TempDir,
}

/// The accounts every scenario has.
const USERS: [(&str, Role); 5] = [
    ("alice", Role::Moderator),
    ("bob", Role::Moderator),
    ("tina", Role::Triage),
    ("ada", Role::Admin),
    ("otto", Role::Auditor),
];

impl Backend {
    async fn start(&self, test_clock: bool, webhook_url: Option<String>) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("review.toml");
        std::fs::write(&review, REVIEW_TOML).unwrap();
        let config = ServerConfig {
            listen: "127.0.0.1:0".into(),
            data_dir: self.data_dir.clone().unwrap_or_default(),
            database_url: self.database_url.clone(),
            rate_limit_per_second: 100_000,
            rate_limit_burst: 100_000,
            review_config: Some(review),
            webhook_url,
            webhook_secret: Some(SECRET.into()),
            webhook_timeout_ms: 500,
            webhook_poll_ms: 50,
            test_clock,
            ..ServerConfig::default()
        };
        let state = AppState::open(config).await.unwrap();
        let key = |scope: Scope| {
            let state = state.clone();
            async move {
                state
                    .store
                    .create_key(scope.name(), &[scope], "test")
                    .await
                    .unwrap()
                    .token
            }
        };
        let admin = key(Scope::Admin).await;
        let ingest = key(Scope::Ingest).await;
        let read = key(Scope::Read).await;
        let mut users = BTreeMap::new();
        for (name, role) in USERS {
            // On a database opened again the accounts exist already (and keep their tokens).
            if let Ok(created) = state
                .store
                .create_user(name, role, "correct horse battery", "test")
                .await
            {
                users.insert(name, created.token);
            }
        }
        let serving = common::Serving::start(state.clone()).await;
        Server {
            serving,
            client: Client::new(),
            state,
            admin,
            ingest,
            read,
            users,
            _dir: dir,
        }
    }
}

impl Server {
    fn user(&self, name: &str) -> &str {
        self.users.get(name).map(String::as_str).unwrap_or("")
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(
                method.parse().unwrap(),
                format!("{}{path}", self.serving.base),
            )
            .bearer_auth(token);
        if let Some(b) = body {
            req = req
                .header("content-type", "application/json")
                .body(b.to_string());
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let bytes = resp.bytes().await.unwrap();
        let value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        (status, value)
    }

    async fn post(&self, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        self.send("POST", path, token, Some(body)).await
    }

    async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        self.send("GET", path, token, None).await
    }

    /// Files a report on a post and returns (receipt, case id).
    async fn report(&self, post_id: &str, author: &str, reporter: &str) -> (String, String) {
        let (status, body) = self
            .post(
                "/v1/reports",
                &self.ingest,
                json!({"platform": "forum", "post_id": post_id, "author": author,
                       "reporter": reporter, "category": "harassment", "reason": "insults me"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        (
            body["receipt"].as_str().unwrap().to_string(),
            body["case_id"].as_str().unwrap().to_string(),
        )
    }

    async fn claim(&self, case: &str, who: &str) -> (StatusCode, Value) {
        self.post(
            &format!("/v1/cases/{case}/claim"),
            self.user(who),
            json!({}),
        )
        .await
    }

    async fn decide(&self, case: &str, who: &str, action: Value) -> (StatusCode, Value) {
        self.post(
            &format!("/v1/cases/{case}/decisions"),
            self.user(who),
            json!({"action": action, "reason_code": "harassment.targeted", "note": "seen",
                   "categories": ["harassment"]}),
        )
        .await
    }

    async fn advance(&self, seconds: i64) {
        let (status, body) = self
            .post(
                "/v1/test/clock",
                &self.admin,
                json!({"advance_seconds": seconds}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    async fn queue_ids(&self, queue: &str) -> Vec<String> {
        let (status, body) = self
            .get(&format!("/v1/queues/{queue}"), self.user("tina"))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["case"]["id"].as_str().unwrap().to_string())
            .collect()
    }

    async fn stop(self) {
        self.serving.stop().await;
    }
}

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no error code>")
}

// ---------------------------------------------------------------- a webhook receiver

#[derive(Default)]
struct Receiver {
    /// Requests received, in order: (idempotency key, body).
    requests: Vec<(String, String)>,
    /// Keys answered with a 2xx, with the body of that answer's request.
    accepted: BTreeMap<String, String>,
    /// How to answer the next requests: 500, "slow" (sleep past the timeout), 400…
    script: Vec<&'static str>,
    bad_signatures: usize,
}

type Shared = Arc<Mutex<Receiver>>;

async fn receive(
    axum::extract::State(shared): axum::extract::State<Shared>,
    headers: axum::http::HeaderMap,
    body: String,
) -> axum::http::StatusCode {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let step = {
        let mut r = shared.lock().unwrap();
        r.requests.push((key.clone(), body.clone()));
        // The test clock may stand a little behind; a day of tolerance checks the HMAC only.
        if verify_signature(SECRET.as_bytes(), &signature, body.as_bytes(), now, 86_400).is_err() {
            r.bad_signatures += 1;
            return axum::http::StatusCode::UNAUTHORIZED;
        }
        if r.script.is_empty() {
            "ok"
        } else {
            r.script.remove(0)
        }
    };
    match step {
        "500" => axum::http::StatusCode::INTERNAL_SERVER_ERROR,
        "400" => axum::http::StatusCode::BAD_REQUEST,
        "slow" => {
            // Past the server's 500 ms timeout: it counts as failed, but we did get it.
            tokio::time::sleep(Duration::from_millis(900)).await;
            shared.lock().unwrap().accepted.entry(key).or_insert(body);
            axum::http::StatusCode::OK
        }
        _ => {
            shared.lock().unwrap().accepted.entry(key).or_insert(body);
            axum::http::StatusCode::OK
        }
    }
}

async fn start_receiver(script: Vec<&'static str>) -> (String, Shared) {
    let shared: Shared = Arc::new(Mutex::new(Receiver {
        script,
        ..Receiver::default()
    }));
    let app = axum::Router::new()
        .route("/hook", axum::routing::post(receive))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, shared)
}

/// Waits until `done` holds (checked every 50 ms), at most `seconds`.
async fn wait_for(seconds: u64, mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..seconds * 20 {
        if done() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    done()
}

// ---------------------------------------------------------------- scenarios

/// Report → case → queue → claim → decision (strike, webhook) → appeal → reversal (strike
/// removed, content restored, webhook), every step in the audit chain.
async fn a_case_lives_from_report_to_reversal(backend: Backend) {
    let (url, receiver) = start_receiver(vec![]).await;
    let s = backend.start(true, Some(url)).await;
    let (receipt, case) = s.report("p1", "u1", "r1").await;
    assert!(s.queue_ids("general").await.contains(&case));

    let (status, lease) = s.claim(&case, "alice").await;
    assert_eq!(status, StatusCode::OK, "{lease}");
    assert_eq!(lease["outcome"]["holder"], "alice");
    assert_eq!(lease["case"]["status"], "assigned");
    let (status, e) = s.claim(&case, "bob").await;
    assert_eq!(
        (status, code(&e)),
        (StatusCode::CONFLICT, "lease_held"),
        "{e}"
    );
    let (status, e) = s.decide(&case, "bob", json!({"type": "remove"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{e}");

    let (status, decided) = s.decide(&case, "alice", json!({"type": "remove"})).await;
    assert_eq!(status, StatusCode::OK, "{decided}");
    assert_eq!(decided["case"]["status"], "resolved");
    assert_eq!(
        decided["applied"]["strikes_added"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        decided["applied"]["notifications"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let decision_id = decided["outcome"]["decision"]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let (status, outcome) = s.get(&format!("/v1/reports/{receipt}"), &s.ingest).await;
    assert_eq!(status, StatusCode::OK, "{outcome}");
    assert_eq!(outcome["outcome"], "remove");
    assert_eq!(outcome["status"], "resolved");
    let (_, strikes) = s.get("/v1/authors/u1/strikes", s.user("alice")).await;
    assert_eq!(strikes["live"], 1, "{strikes}");

    // Only the author appeals; the appeal goes to a moderator who did not decide.
    let appeal =
        |who: &str| json!({"case_id": case, "appellant": who, "statement": "it was a joke"});
    let (status, e) = s.post("/v1/appeals", &s.ingest, appeal("u2")).await;
    assert_eq!(
        (status, code(&e)),
        (StatusCode::FORBIDDEN, "not_author"),
        "{e}"
    );
    let (status, filed) = s.post("/v1/appeals", &s.ingest, appeal("u1")).await;
    assert_eq!(status, StatusCode::OK, "{filed}");
    assert_eq!(filed["case"]["status"], "appealed");
    assert_eq!(filed["outcome"]["assigned_to"], "bob");
    let (status, e) = s.post("/v1/appeals", &s.ingest, appeal("u1")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{e}");
    let reverse = json!({"outcome": "reversed", "note": "context shows a joke"});
    let (status, e) = s
        .post(
            &format!("/v1/cases/{case}/appeal-decision"),
            s.user("alice"),
            reverse.clone(),
        )
        .await;
    assert_eq!(
        (status, code(&e)),
        (StatusCode::FORBIDDEN, "not_appeal_reviewer"),
        "{e}"
    );
    let (status, reversed) = s
        .post(
            &format!("/v1/cases/{case}/appeal-decision"),
            s.user("bob"),
            reverse,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{reversed}");
    assert_eq!(reversed["case"]["status"], "resolved");
    assert_eq!(reversed["applied"]["strikes_removed"], json!([decision_id]));
    let effects: Vec<&str> = reversed["outcome"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["effect"].as_str().unwrap())
        .collect();
    assert_eq!(effects, ["undo_action", "remove_strike", "notify"]);
    let (_, strikes) = s.get("/v1/authors/u1/strikes", s.user("alice")).await;
    assert_eq!(strikes["live"], 0, "{strikes}");
    let (_, outcome) = s.get(&format!("/v1/reports/{receipt}"), &s.ingest).await;
    assert_eq!(outcome["outcome"], "reversed");

    // Both actions reach the platform, each once, signed.
    assert!(
        wait_for(10, || receiver.lock().unwrap().accepted.len() == 2).await,
        "webhooks not delivered"
    );
    {
        let r = receiver.lock().unwrap();
        assert_eq!(r.bad_signatures, 0);
        let types: BTreeSet<String> = r
            .accepted
            .values()
            .map(|b| {
                serde_json::from_str::<Value>(b).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            types,
            BTreeSet::from(["action.reversed".into(), "action.taken".into()])
        );
    }

    // The chain holds every step and still verifies.
    let (_, audit) = s.get("/v1/audit?limit=1000", &s.admin).await;
    let kinds: Vec<&str> = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["subject"] == format!("case:{case}"))
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "report",
            "case.claim",
            "case.decide",
            "appeal.file",
            "appeal.resolve"
        ]
    );
    assert!(s.state.store.verify_audit().await.unwrap().broken.is_none());
    s.stop().await;
}

/// Two moderators claim the same case at once, many times over: exactly one wins each time.
async fn two_moderators_race_for_a_claim(backend: Backend) {
    let s = backend.start(false, None).await;
    for i in 0..8 {
        let (_, case) = s.report(&format!("race{i}"), "u9", "r1").await;
        let (a, b) = tokio::join!(s.claim(&case, "alice"), s.claim(&case, "bob"));
        let wins = [&a, &b]
            .iter()
            .filter(|(st, _)| *st == StatusCode::OK)
            .count();
        assert_eq!(wins, 1, "{a:?} {b:?}");
        let loser = if a.0 == StatusCode::OK { &b } else { &a };
        assert_eq!(code(&loser.1), "lease_held", "{loser:?}");
        let winner = if a.0 == StatusCode::OK {
            "alice"
        } else {
            "bob"
        };
        let (_, got) = s.get(&format!("/v1/cases/{case}"), s.user("otto")).await;
        assert_eq!(got["case"]["lease"]["holder"], winner);
    }
    s.stop().await;
}

/// Leases and strikes expire on the server's clock (the test clock, moved over HTTP).
async fn leases_and_strikes_expire(backend: Backend) {
    let s = backend.start(true, None).await;
    let (_, case) = s.report("lease1", "u3", "r1").await;
    assert_eq!(s.claim(&case, "alice").await.0, StatusCode::OK);
    assert!(!s.queue_ids("general").await.contains(&case));
    s.advance(14 * 60).await;
    assert_eq!(s.claim(&case, "bob").await.0, StatusCode::CONFLICT);
    s.advance(2 * 60).await;
    // Abandoned: back in the queue, and someone else may take it.
    assert!(s.queue_ids("general").await.contains(&case));
    let (status, body) = s.claim(&case, "bob").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, e) = s.decide(&case, "alice", json!({"type": "remove"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "{e}");
    let (status, body) = s.decide(&case, "bob", json!({"type": "remove"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["applied"]["proposal"].is_null());

    // A second strike within 90 days reaches the threshold: a 7-day suspension is proposed.
    let (_, case2) = s.report("lease2", "u3", "r1").await;
    assert_eq!(s.claim(&case2, "alice").await.0, StatusCode::OK);
    let (_, body) = s.decide(&case2, "alice", json!({"type": "remove"})).await;
    assert_eq!(body["applied"]["proposal"]["live_strikes"], 2, "{body}");
    let (_, strikes) = s.get("/v1/authors/u3/strikes", s.user("tina")).await;
    assert_eq!(strikes["live"], 2);
    assert_eq!(strikes["proposal"]["action"]["type"], "suspend_account");

    s.advance(89 * 86_400).await;
    let (_, strikes) = s.get("/v1/authors/u3/strikes", s.user("tina")).await;
    assert_eq!(strikes["live"], 2, "{strikes}");
    s.advance(2 * 86_400).await;
    let (_, strikes) = s.get("/v1/authors/u3/strikes", s.user("tina")).await;
    assert_eq!(strikes["live"], 0, "{strikes}");
    assert!(strikes["proposal"].is_null());
    s.stop().await;
}

/// Suspensions need a second, different moderator before they take effect.
async fn a_second_moderator_confirms_suspensions(backend: Backend) {
    let s = backend.start(true, None).await;
    let (_, case) = s.report("susp1", "u4", "r1").await;
    assert_eq!(s.claim(&case, "alice").await.0, StatusCode::OK);
    let until = (s.state.clock.now() / MICROS_PER_SECOND + 7 * 86_400) * MICROS_PER_SECOND;
    let (status, body) = s
        .decide(
            &case,
            "alice",
            json!({"type": "suspend_account", "until": until}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["case"]["status"], "pending_second_review");
    assert_eq!(body["outcome"]["outcome"], "pending_second_review");
    assert!(s.queue_ids("second-review").await.contains(&case));
    let (status, e) = s.claim(&case, "alice").await;
    assert_eq!(
        (status, code(&e)),
        (StatusCode::CONFLICT, "same_moderator"),
        "{e}"
    );
    assert_eq!(s.claim(&case, "bob").await.0, StatusCode::OK);
    let (status, body) = s
        .post(
            &format!("/v1/cases/{case}/second-review"),
            s.user("bob"),
            json!({"verdict": "confirm"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["case"]["status"], "resolved");
    assert_eq!(body["outcome"]["decision"]["confirmed_by"], "bob");
    assert_eq!(body["outcome"]["decision"]["decided_by"], "alice");
    s.stop().await;
}

/// Both moderators took part in the decision (one decided, the other confirmed): the appeal
/// is assigned to neither; it waits in the appeals queue until someone eligible takes it.
async fn an_appeal_waits_for_a_moderator_who_did_not_decide(backend: Backend) {
    let s = backend.start(true, None).await;
    let (_, case) = s.report("wait1", "u12", "r1").await;
    assert_eq!(s.claim(&case, "alice").await.0, StatusCode::OK);
    let until = (s.state.clock.now() / MICROS_PER_SECOND + 7 * 86_400) * MICROS_PER_SECOND;
    let (status, body) = s
        .decide(
            &case,
            "alice",
            json!({"type": "suspend_account", "until": until}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(s.claim(&case, "bob").await.0, StatusCode::OK);
    let (status, body) = s
        .post(
            &format!("/v1/cases/{case}/second-review"),
            s.user("bob"),
            json!({"verdict": "confirm"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let (status, filed) = s
        .post(
            "/v1/appeals",
            &s.ingest,
            json!({"case_id": case, "appellant": "u12", "statement": "not me"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{filed}");
    assert_eq!(filed["case"]["status"], "appealed");
    assert!(filed["outcome"]["assigned_to"].is_null(), "{filed}");
    assert!(s.queue_ids("appeals").await.contains(&case));

    let take = |who: &str| {
        let path = format!("/v1/cases/{case}/appeal-claim");
        let token = s.users.get(who).cloned().unwrap_or_else(|| who.to_string());
        let s = &s;
        async move { s.post(&path, &token, json!({})).await }
    };
    for decider in ["alice", "bob"] {
        let (status, e) = take(decider).await;
        assert_eq!(
            (status, code(&e)),
            (StatusCode::CONFLICT, "same_moderator"),
            "{decider}: {e}"
        );
        let (status, e) = s
            .post(
                &format!("/v1/cases/{case}/appeal-decision"),
                s.user(decider),
                json!({"outcome": "reversed"}),
            )
            .await;
        assert_eq!(
            (status, code(&e)),
            (StatusCode::FORBIDDEN, "not_appeal_reviewer"),
            "{decider}: {e}"
        );
    }
    let (_, waiting) = s.get(&format!("/v1/cases/{case}"), s.user("otto")).await;
    assert!(
        waiting["case"]["appeals"][0]["assigned_to"].is_null(),
        "{waiting}"
    );

    // A new moderator joins and takes it; once taken, nobody else may.
    let carol = s
        .state
        .store
        .create_user("carol", Role::Moderator, "correct horse battery", "test")
        .await
        .unwrap()
        .token;
    let (status, taken) = take(&carol).await;
    assert_eq!(status, StatusCode::OK, "{taken}");
    assert_eq!(taken["outcome"]["assigned_to"], "carol");
    let (status, e) = take("ada").await;
    assert_eq!(
        (status, code(&e)),
        (StatusCode::FORBIDDEN, "not_appeal_reviewer"),
        "{e}"
    );
    let (status, upheld) = s
        .post(
            &format!("/v1/cases/{case}/appeal-decision"),
            &carol,
            json!({"outcome": "upheld"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{upheld}");
    assert_eq!(upheld["case"]["status"], "resolved");
    assert!(!s.queue_ids("appeals").await.contains(&case));
    s.stop().await;
}

/// A queue read page by page from its cursors gives the same cases, in the same order, as
/// one long page; the order is priority, then age.
async fn queues_page_by_cursor(backend: Backend) {
    let s = backend.start(true, None).await;
    let mut opened = Vec::new();
    for i in 0..7 {
        let (_, case) = s.report(&format!("page{i}"), "u13", "r1").await;
        // More reporters on some cases: a higher priority than older cases.
        for r in 0..(i % 3) {
            let (status, body) = s
                .post(
                    "/v1/reports",
                    &s.ingest,
                    json!({"platform": "forum", "post_id": format!("page{i}"),
                           "reporter": format!("extra{r}")}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
        opened.push(case);
        s.advance(1).await;
    }
    let (status, whole) = s.get("/v1/queues/general?limit=50", s.user("tina")).await;
    assert_eq!(status, StatusCode::OK, "{whole}");
    assert!(whole.get("next").is_none(), "{whole}");
    let whole: Vec<(String, i64, i64)> = whole["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["case"]["id"].as_str().unwrap().to_string(),
                c["case"]["priority"]["score"].as_i64().unwrap(),
                c["case"]["created_at"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(whole.len(), opened.len());
    for pair in whole.windows(2) {
        let ((_, p0, t0), (_, p1, t1)) = (&pair[0], &pair[1]);
        assert!(p0 > p1 || (p0 == p1 && t0 < t1), "{whole:?}");
    }
    let mut paged = Vec::new();
    let mut path = "/v1/queues/general?limit=3".to_string();
    loop {
        let (status, page) = s.get(&path, s.user("tina")).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let cases = page["cases"].as_array().unwrap();
        assert!(cases.len() <= 3);
        paged.extend(
            cases
                .iter()
                .map(|c| c["case"]["id"].as_str().unwrap().to_string()),
        );
        match page["next"].as_str() {
            Some(next) => path = format!("/v1/queues/general?limit=3&after={next}"),
            None => break,
        }
    }
    let ids: Vec<String> = whole.into_iter().map(|(id, _, _)| id).collect();
    assert_eq!(paged, ids);
    let (status, e) = s
        .get("/v1/queues/general?after=nonsense", s.user("tina"))
        .await;
    assert_eq!(
        (status, code(&e)),
        (StatusCode::BAD_REQUEST, "invalid_query"),
        "{e}"
    );
    s.stop().await;
}

/// Reports on content already reviewed as fine are counted, and reopen nothing.
async fn brigading_does_not_reopen(backend: Backend) {
    let s = backend.start(false, None).await;
    let (_, case) = s.report("brig1", "u5", "r0").await;
    assert_eq!(s.claim(&case, "alice").await.0, StatusCode::OK);
    let (status, body) = s.decide(&case, "alice", json!({"type": "no_action"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    for i in 1..=20 {
        let (status, body) = s
            .post(
                "/v1/reports",
                &s.ingest,
                json!({"platform": "forum", "post_id": "brig1", "reporter": format!("r{i}"),
                       "category": "hate"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["case_id"], case.as_str());
        assert_eq!(body["opened"], false);
        assert_eq!(body["status"], "resolved");
        assert_eq!(body["reports"], i + 1);
    }
    for queue in ["general", "urgent", "second-review"] {
        assert!(!s.queue_ids(queue).await.contains(&case), "{queue}");
    }
    let (_, got) = s.get(&format!("/v1/cases/{case}"), s.user("alice")).await;
    assert_eq!(got["distinct_reports"], 21);
    assert_eq!(got["case"]["status"], "resolved");
    s.stop().await;
}

/// Every review endpoint × every role: who is refused (403) is exactly who should be.
async fn every_role_is_held_to_its_endpoints(backend: Backend) {
    let s = backend.start(true, None).await;
    let (_, case) = s.report("roles1", "u6", "r1").await;
    // (method, path, body, callers allowed past the role check)
    let endpoints: Vec<(&str, String, Value, &[&str])> = vec![
        (
            "GET",
            "/v1/queues".into(),
            Value::Null,
            &["tina", "alice", "ada", "otto", "read", "admin"],
        ),
        (
            "GET",
            "/v1/queues/general".into(),
            Value::Null,
            &["tina", "alice", "ada", "otto", "read", "admin"],
        ),
        (
            "GET",
            format!("/v1/cases/{case}"),
            Value::Null,
            &["tina", "alice", "ada", "otto", "read", "admin"],
        ),
        (
            "GET",
            "/v1/authors/u6/strikes".into(),
            Value::Null,
            &["tina", "alice", "ada", "otto", "read", "admin"],
        ),
        (
            "POST",
            "/v1/reports".into(),
            json!({"post_id": "roles2"}),
            &["tina", "alice", "ada", "ingest", "admin"],
        ),
        (
            "POST",
            format!("/v1/cases/{case}/escalate"),
            json!({"reason": "x"}),
            &["tina", "alice", "ada", "admin"],
        ),
        (
            "POST",
            format!("/v1/cases/{case}/claim"),
            Value::Null,
            &["alice", "ada", "admin"],
        ),
        (
            "POST",
            format!("/v1/cases/{case}/release"),
            Value::Null,
            &["alice", "ada", "admin"],
        ),
        (
            "POST",
            format!("/v1/cases/{case}/decisions"),
            json!({"action": {"type": "no_action"}, "reason_code": "ok"}),
            &["alice", "ada", "admin"],
        ),
        (
            "POST",
            format!("/v1/cases/{case}/second-review"),
            json!({"verdict": "confirm"}),
            &["alice", "ada", "admin"],
        ),
        (
            "POST",
            format!("/v1/cases/{case}/appeal-decision"),
            json!({"outcome": "upheld"}),
            &["alice", "ada", "admin"],
        ),
        (
            "POST",
            format!("/v1/cases/{case}/appeal-claim"),
            Value::Null,
            &["alice", "ada", "admin"],
        ),
        (
            "POST",
            "/v1/appeals".into(),
            json!({"case_id": case, "appellant": "u6", "statement": "x"}),
            &["ada", "ingest", "admin"],
        ),
        (
            "GET",
            "/v1/webhooks".into(),
            Value::Null,
            &["ada", "otto", "read", "admin"],
        ),
        (
            "POST",
            "/v1/webhooks/nokey/retry".into(),
            Value::Null,
            &["ada", "admin"],
        ),
        (
            "POST",
            "/v1/test/clock".into(),
            json!({}),
            &["ada", "admin"],
        ),
    ];
    let callers: Vec<(&str, &str)> = vec![
        ("tina", s.user("tina")),
        ("alice", s.user("alice")),
        ("ada", s.user("ada")),
        ("otto", s.user("otto")),
        ("ingest", s.ingest.as_str()),
        ("read", s.read.as_str()),
        ("admin", s.admin.as_str()),
    ];
    let mut denials = 0;
    for (method, path, body, allowed) in &endpoints {
        for (name, token) in &callers {
            let body = (!body.is_null()).then(|| body.clone());
            let (status, reply) = s.send(method, path, token, body).await;
            if allowed.contains(name) {
                assert_ne!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{name} {method} {path}: {reply}"
                );
                assert_ne!(
                    status,
                    StatusCode::UNAUTHORIZED,
                    "{name} {method} {path}: {reply}"
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{name} {method} {path}: {reply}"
                );
                assert_eq!(code(&reply), "forbidden", "{name} {method} {path}");
                denials += 1;
            }
        }
        let (status, _) = s.send(method, path, "vigieu_0000", None).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "unknown token {method} {path}"
        );
    }
    assert!(denials >= 40, "{denials}");
    s.stop().await;
}

/// Without `test_clock` the clock endpoint does not exist.
async fn the_test_clock_is_off_by_default(backend: Backend) {
    let s = backend.start(false, None).await;
    let (status, body) = s
        .post("/v1/test/clock", &s.admin, json!({"advance_seconds": 60}))
        .await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not_found"));
    s.stop().await;
}

/// A receiver that fails, times out, answers slowly and refuses: once it recovers, every
/// action has been accepted exactly once per idempotency key; the refused one waits in the
/// dead letters until an admin sends it again.
async fn webhooks_reach_a_failing_receiver_once(backend: Backend) {
    // First case: 500, 500, slow (past the timeout), then accepted. Second: 400 (refused).
    let (url, receiver) = start_receiver(vec!["500", "500", "slow"]).await;
    let s = backend.start(false, Some(url)).await;
    let (_, case) = s.report("hook1", "u7", "r1").await;
    assert_eq!(s.claim(&case, "alice").await.0, StatusCode::OK);
    assert_eq!(
        s.decide(&case, "alice", json!({"type": "remove"})).await.0,
        StatusCode::OK
    );
    assert!(
        wait_for(20, || receiver.lock().unwrap().accepted.len() == 1).await,
        "first webhook never accepted"
    );
    // Let the retry after the slow answer happen too: it must not count as a second action.
    assert!(
        wait_for(10, || receiver.lock().unwrap().requests.len() >= 4).await,
        "no attempt after the slow answer"
    );
    receiver.lock().unwrap().script = vec!["400"];
    let (_, case2) = s.report("hook2", "u8", "r1").await;
    assert_eq!(s.claim(&case2, "bob").await.0, StatusCode::OK);
    assert_eq!(
        s.decide(&case2, "bob", json!({"type": "label"})).await.0,
        StatusCode::OK
    );
    let mut dead = Value::Null;
    for _ in 0..100 {
        let (_, list) = s
            .get("/v1/webhooks?state=dead_letter", s.user("otto"))
            .await;
        if list.as_array().is_some_and(|l| l.len() == 1) {
            dead = list;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let key = dead[0]["idempotency_key"]
        .as_str()
        .expect("a dead letter")
        .to_string();
    assert_eq!(dead[0]["delivery"]["state"]["state"], "dead_letter");
    let (status, _) = s
        .post(
            &format!("/v1/webhooks/{key}/retry"),
            s.user("otto"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = s
        .post(
            &format!("/v1/webhooks/{key}/retry"),
            s.user("ada"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        wait_for(10, || receiver.lock().unwrap().accepted.len() == 2).await,
        "retried dead letter not delivered"
    );
    // The receiver answered before the sender recorded the delivery: wait for the record.
    let mut all = Vec::new();
    for _ in 0..100 {
        let (_, list) = s.get("/v1/webhooks", &s.admin).await;
        all = list.as_array().cloned().unwrap_or_default();
        if all
            .iter()
            .all(|w| w["delivery"]["state"]["state"] == "delivered")
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(all.len(), 2);
    assert!(
        all.iter()
            .all(|w| w["delivery"]["state"]["state"] == "delivered"),
        "{all:?}"
    );
    {
        let r = receiver.lock().unwrap();
        let outbox: BTreeSet<&str> = all
            .iter()
            .map(|w| w["idempotency_key"].as_str().unwrap())
            .collect();
        let accepted: BTreeSet<&str> = r.accepted.keys().map(String::as_str).collect();
        assert_eq!(outbox, accepted);
        // Retries of one action carry the same key and the same body, never another action.
        for (key, body) in &r.requests {
            assert_eq!(Some(body), r.accepted.get(key), "{key}");
        }
        assert_eq!(r.bad_signatures, 0);
    }
    s.stop().await;
}

/// The outbox is in the database: a delivery still failing when the server stops is sent by
/// the next server on the same database, once.
async fn deliveries_survive_a_restart(backend: Backend) {
    let (url, receiver) = start_receiver(vec!["500"; 1000]).await;
    let s = backend.start(false, Some(url.clone())).await;
    let (_, case) = s.report("restart1", "u11", "r1").await;
    assert_eq!(s.claim(&case, "alice").await.0, StatusCode::OK);
    assert_eq!(
        s.decide(&case, "alice", json!({"type": "warn"})).await.0,
        StatusCode::OK
    );
    assert!(
        wait_for(10, || !receiver.lock().unwrap().requests.is_empty()).await,
        "no attempt before the restart"
    );
    s.stop().await;
    assert!(receiver.lock().unwrap().accepted.is_empty());
    receiver.lock().unwrap().script.clear();

    let s = backend.start(false, Some(url)).await;
    assert!(
        wait_for(10, || receiver.lock().unwrap().accepted.len() == 1).await,
        "the delivery was lost in the restart"
    );
    let (_, all) = s.get("/v1/webhooks", &s.admin).await;
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["delivery"]["state"]["state"], "delivered", "{all:?}");
    assert!(all[0]["delivery"]["attempts"].as_u64().unwrap() >= 2);
    s.stop().await;
}

/// Posts the engine holds, removes or escalates open a case when they are recorded.
async fn automated_decisions_open_cases(backend: Backend) {
    let s = backend.start(false, None).await;
    let texts = [
        "I will kill you tomorrow, you are dead",
        "I am going to shoot you in the head tonight, I know where you live",
        "we should burn down their houses and kill them all",
        "have a nice day",
    ];
    for (i, text) in texts.iter().enumerate() {
        let (status, d) = s
            .post("/v1/posts", &s.ingest, json!({"platform": "forum", "id": format!("auto{i}"), "text": text, "author": "u10"}))
            .await;
        assert_eq!(status, StatusCode::OK, "{d}");
        let action = d["decision"]["action"].as_str().unwrap();
        let (status, r) = s
            .post(
                "/v1/reports",
                &s.ingest,
                json!({"platform": "forum", "post_id": format!("auto{i}")}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{r}");
        let reviewed = ["hold_for_review", "remove", "escalate_urgent"].contains(&action);
        // A case existed before the report exactly when the decision asked for review.
        assert_eq!(r["opened"], !reviewed, "{text:?}: {action}");
        if reviewed {
            let (_, c) = s
                .get(
                    &format!("/v1/cases/{}", r["case_id"].as_str().unwrap()),
                    s.user("otto"),
                )
                .await;
            assert_eq!(c["case"]["automated"]["action"], action);
            // Threat to life goes to the urgent queue, with the urgency explained.
            if action == "escalate_urgent" {
                assert_eq!(c["queue"], "urgent", "{c}");
                assert_eq!(c["case"]["priority"]["urgent"], true);
                // Any decision on an urgent case waits for a second moderator.
                let id = r["case_id"].as_str().unwrap();
                assert_eq!(s.claim(id, "alice").await.0, StatusCode::OK);
                let (status, d) = s.decide(id, "alice", json!({"type": "remove"})).await;
                assert_eq!(status, StatusCode::OK, "{d}");
                assert_eq!(d["case"]["status"], "pending_second_review");
                assert!(d["applied"]["notifications"].as_array().unwrap().is_empty());
            }
        }
        if i == 0 {
            assert!(
                reviewed,
                "a plain death threat should be reviewed, got {action}"
            );
        }
    }
    s.stop().await;
}

/// One batch (one group of the store's writer) whose flagged posts open cases of their own,
/// except one that users reported before it was recorded: its decision joins that case.
async fn a_batch_opens_and_joins_cases(backend: Backend) {
    let s = backend.start(false, None).await;
    let (_, reported_case) = s.report("early", "u20", "r1").await;
    let threat = "I will kill you tomorrow, you are dead";
    let posts: Vec<Value> = ["early", "b1", "b2"]
        .iter()
        .map(|id| json!({"platform": "forum", "id": id, "text": threat, "author": "u20"}))
        .chain([
            json!({"platform": "forum", "id": "b3", "text": "have a nice day", "author": "u20"}),
        ])
        .collect();
    let (status, out) = s
        .post("/v1/posts:batch", &s.ingest, json!({ "posts": posts }))
        .await;
    assert_eq!(status, StatusCode::OK, "{out}");
    let actions: Vec<&str> = out["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["decision"]["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions.len(), 4);
    assert!(
        ["hold_for_review", "remove", "escalate_urgent"].contains(&actions[0]),
        "a plain death threat should be reviewed, got {}",
        actions[0]
    );
    assert_eq!(actions[3], "allow");

    // The reported post's decision joined the case the report opened.
    let (status, c) = s
        .get(&format!("/v1/cases/{reported_case}"), s.user("otto"))
        .await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(c["case"]["automated"]["action"], actions[0], "{c}");
    assert_eq!(c["case"]["reports"].as_array().unwrap().len(), 1, "{c}");

    // The other flagged posts have a case each, already there when they are reported.
    let mut cases = vec![reported_case.clone()];
    for id in ["b1", "b2"] {
        let (status, r) = s
            .post(
                "/v1/reports",
                &s.ingest,
                json!({"platform": "forum", "post_id": id}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{r}");
        assert_eq!(r["opened"], false, "{id}: {r}");
        let case_id = r["case_id"].as_str().unwrap().to_string();
        let (_, c) = s.get(&format!("/v1/cases/{case_id}"), s.user("otto")).await;
        assert_eq!(c["case"]["automated"]["post_id"], id, "{c}");
        assert!(!cases.contains(&case_id), "{id} shares case {case_id}");
        cases.push(case_id);
    }
    // The allowed post had none.
    let (_, r) = s
        .post(
            "/v1/reports",
            &s.ingest,
            json!({"platform": "forum", "post_id": "b3"}),
        )
        .await;
    assert_eq!(r["opened"], true, "{r}");

    // Each decision's audit entry names the case that holds it.
    let (status, log) = s.get("/v1/audit?limit=100", &s.admin).await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let entries = log["entries"].as_array().expect("audit entries");
    for (post, case_id) in ["early", "b1", "b2"].iter().zip(&cases) {
        let entry = entries
            .iter()
            .find(|e| {
                e["kind"] == "decision"
                    && serde_json::from_str::<Value>(e["details"].as_str().unwrap_or("{}"))
                        .is_ok_and(|d| d["post_id"] == *post)
            })
            .unwrap_or_else(|| panic!("no decision entry for {post}: {log}"));
        let details: Value = serde_json::from_str(entry["details"].as_str().unwrap()).unwrap();
        assert_eq!(details["case_id"], case_id.as_str(), "{entry}");
    }
    s.stop().await;
}

const SCENARIOS: &[(&str, Scenario)] = scenarios![
    a_case_lives_from_report_to_reversal,
    two_moderators_race_for_a_claim,
    leases_and_strikes_expire,
    a_second_moderator_confirms_suspensions,
    brigading_does_not_reopen,
    every_role_is_held_to_its_endpoints,
    the_test_clock_is_off_by_default,
    webhooks_reach_a_failing_receiver_once,
    deliveries_survive_a_restart,
    automated_decisions_open_cases,
    a_batch_opens_and_joins_cases,
    an_appeal_waits_for_a_moderator_who_did_not_decide,
    queues_page_by_cursor,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_on_sqlite() {
    run_on_sqlite(SCENARIOS).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn review_on_postgres() {
    run_on_postgres("review", SCENARIOS).await;
}
