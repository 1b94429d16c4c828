//! Notices with deadlines against the real server on 127.0.0.1, on embedded SQLite and on a
//! real PostgreSQL the test starts, with the test clock: receipts, cases opened and joined,
//! the clock's warnings, a breached deadline escalated, answers to the notifier, the
//! host-compliance report, every denial, and the retention purge with and without legal hold.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use vigie_review::notice::NotifierKind;
use vigie_review::{MICROS_PER_HOUR, MICROS_PER_MINUTE, Role, SIGNATURE_HEADER, verify_signature};
use vigie_server::{AppState, ServerConfig};
use vigie_store::Scope;
mod common;

use common::{Backend, Scenario, run_on_postgres, run_on_sqlite};

const SECRET: &str = "whsec_notice_secret";

const REVIEW_TOML: &str = r#"
[second_review]
urgent = true
actions = ["suspend_account"]

[webhook_retry]
base_delay_seconds = 1
max_delay_seconds = 1
max_attempts = 8

[[queue]]
name = "urgent"
urgent = true

[[queue]]
name = "escalated"
escalated = true
statuses = ["escalated"]

[[queue]]
name = "notices"
sources = ["notice"]

[[queue]]
name = "general"
"#;

// ---------------------------------------------------------------- a receiver of webhooks

/// Requests received on each path: (idempotency key, JSON body).
#[derive(Default)]
struct Received {
    by_path: BTreeMap<String, Vec<(String, Value)>>,
    bad_signatures: usize,
    /// The secret each path checks signatures with (a notifier's own); others: `SECRET`.
    secrets: BTreeMap<String, String>,
}

type Shared = Arc<Mutex<Received>>;

async fn receive(
    axum::extract::State(shared): axum::extract::State<Shared>,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
    body: String,
) -> axum::http::StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let mut r = shared.lock().unwrap();
    let secret = r
        .secrets
        .get(uri.path())
        .cloned()
        .unwrap_or_else(|| SECRET.to_string());
    // The test clock runs days ahead: a year of tolerance checks the HMAC only.
    let verifies = |secret: &str| {
        verify_signature(
            secret.as_bytes(),
            &header(SIGNATURE_HEADER),
            body.as_bytes(),
            now,
            400 * 86_400,
        )
        .is_ok()
    };
    // A notifier's answer is signed with its secret, never with the platform's.
    if !verifies(&secret) || (secret != SECRET && verifies(SECRET)) {
        r.bad_signatures += 1;
        return axum::http::StatusCode::UNAUTHORIZED;
    }
    let value = serde_json::from_str(&body).unwrap_or(Value::Null);
    r.by_path
        .entry(uri.path().to_string())
        .or_default()
        .push((header("idempotency-key"), value));
    axum::http::StatusCode::OK
}

async fn start_receiver() -> (String, Shared) {
    let shared: Shared = Arc::default();
    let app = axum::Router::new()
        .route("/{*path}", axum::routing::post(receive))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (base, shared)
}

/// The bodies received on `path`.
fn bodies(shared: &Shared, path: &str) -> Vec<Value> {
    shared
        .lock()
        .unwrap()
        .by_path
        .get(path)
        .map(|v| v.iter().map(|(_, b)| b.clone()).collect())
        .unwrap_or_default()
}

// ---------------------------------------------------------------- the server

struct Server {
    serving: common::Serving,
    client: Client,
    state: Arc<AppState>,
    admin: String,
    ingest: String,
    read: String,
    users: BTreeMap<&'static str, String>,
    receiver: String,
    received: Shared,
    _dir: tempfile::TempDir,
}

const USERS: [(&str, Role); 4] = [
    ("alice", Role::Moderator),
    ("bob", Role::Moderator),
    ("ada", Role::Admin),
    ("otto", Role::Auditor),
];

impl Backend {
    async fn start_notices(&self, retention_poll_ms: u64) -> Server {
        self.start_notices_with(retention_poll_ms, true).await
    }

    /// `platform_webhook`: whether the platform's `webhook_url` is set (notifiers' answers
    /// and admins' alerts must be delivered either way).
    async fn start_notices_with(&self, retention_poll_ms: u64, platform_webhook: bool) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let review = dir.path().join("review.toml");
        std::fs::write(&review, REVIEW_TOML).unwrap();
        let (receiver, received) = start_receiver().await;
        let config = ServerConfig {
            listen: "127.0.0.1:0".into(),
            data_dir: self.data_dir.clone().unwrap_or_default(),
            database_url: self.database_url.clone(),
            rate_limit_per_second: 100_000,
            rate_limit_burst: 100_000,
            review_config: Some(review),
            webhook_url: platform_webhook.then(|| format!("{receiver}/platform")),
            webhook_secret: Some(SECRET.into()),
            webhook_timeout_ms: 500,
            webhook_poll_ms: 50,
            notice_alert_url: Some(format!("{receiver}/alerts")),
            notice_clock_poll_ms: 50,
            retention_poll_ms,
            test_clock: true,
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
            let created = state
                .store
                .create_user(name, role, "correct horse battery", "test")
                .await
                .unwrap();
            users.insert(name, created.token);
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
            receiver,
            received,
            _dir: dir,
        }
    }
}

impl Server {
    fn user(&self, name: &str) -> &str {
        self.users.get(name).map(String::as_str).unwrap_or("")
    }

    /// A notify key for a notifier (created with an answer endpoint on the receiver, which
    /// checks the answers against the notifier's own signing secret).
    async fn notifier_key(&self, name: &str, kind: NotifierKind) -> String {
        let store = &self.state.store;
        let now = vigie_review::Clock::now(self.state.clock.as_ref());
        let endpoint = format!("{}/notifier/{name}", self.receiver);
        let (_, secret) = store
            .upsert_notifier(name, kind, Some(&endpoint), "test", now)
            .await
            .unwrap();
        let secret = secret.expect("a new notifier gets a signing secret");
        assert_ne!(secret, SECRET);
        self.received
            .lock()
            .unwrap()
            .secrets
            .insert(format!("/notifier/{name}"), secret);
        let created = store
            .create_key(name, &[Scope::Notify], "test")
            .await
            .unwrap();
        store
            .bind_notifier_key(&created.key.id, name, "test", now)
            .await
            .unwrap();
        created.token
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self.client.request(
            method.parse().unwrap(),
            format!("{}{path}", self.serving.base),
        );
        if !token.is_empty() {
            req = req.bearer_auth(token);
        }
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

    /// Sends a notice that must be accepted; returns the receipt.
    async fn notice(&self, token: &str, body: Value) -> Value {
        let (status, receipt) = self.post("/v1/notices", token, body).await;
        assert_eq!(status, StatusCode::CREATED, "{receipt}");
        receipt
    }

    async fn notice_status(&self, id: &str) -> Value {
        let (status, n) = self.get(&format!("/v1/notices/{id}"), &self.read).await;
        assert_eq!(status, StatusCode::OK, "{n}");
        n
    }

    /// Moves the test clock; returns the new now (unix µs).
    async fn advance(&self, micros: i64) -> i64 {
        let (status, body) = self
            .post(
                "/v1/test/clock",
                &self.admin,
                json!({"advance_seconds": micros / 1_000_000}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["now"].as_i64().unwrap()
    }

    async fn now(&self) -> i64 {
        self.advance(0).await
    }

    /// Claims and decides a case as `who`; returns the decision's time.
    async fn decide(&self, case: &str, who: &str, action: &str) -> i64 {
        let (status, c) = self
            .post(
                &format!("/v1/cases/{case}/claim"),
                self.user(who),
                json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{c}");
        let (status, d) = self
            .post(
                &format!("/v1/cases/{case}/decisions"),
                self.user(who),
                json!({"action": {"type": action}, "reason_code": "aup.hate",
                       "note": "checked against the notice", "categories": ["hate"]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{d}");
        assert_eq!(d["case"]["status"], "resolved", "{d}");
        d["case"]["decisions"].as_array().unwrap().last().unwrap()["decided_at"]
            .as_i64()
            .unwrap()
    }

    async fn case(&self, id: &str) -> (StatusCode, Value) {
        self.get(&format!("/v1/cases/{id}"), self.user("otto"))
            .await
    }

    /// Waits (at most 10 s of real time) until the notice's status satisfies `done`.
    async fn wait_notice(&self, id: &str, done: impl Fn(&Value) -> bool) -> Value {
        for _ in 0..200 {
            let n = self.notice_status(id).await;
            if done(&n) {
                return n;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "notice {id} never reached the expected state: {}",
            self.notice_status(id).await
        );
    }

    /// Waits until `path` received `count` requests; returns their bodies.
    async fn wait_received(&self, path: &str, count: usize) -> Vec<Value> {
        for _ in 0..200 {
            if bodies(&self.received, path).len() >= count {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let got = bodies(&self.received, path);
        assert_eq!(got.len(), count, "{path}: {got:?}");
        got
    }

    async fn audit_kinds(&self) -> Vec<String> {
        self.state
            .store
            .audit_entries(0, 100_000)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.kind)
            .collect()
    }

    async fn stop(self) {
        assert_eq!(self.received.lock().unwrap().bad_signatures, 0);
        let report = self.state.store.verify_audit().await.unwrap();
        assert!(report.broken.is_none(), "{report}");
        self.serving.stop().await;
    }
}

fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no error code>")
}

fn case_ids(receipt: &Value) -> Vec<String> {
    receipt["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["case_id"].as_str().unwrap().to_string())
        .collect()
}

fn posts(prefix: &str, n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!({"post_id": format!("{prefix}{i}"), "author": format!("u{i}")}))
            .collect(),
    )
}

// ---------------------------------------------------------------- scenarios

/// A hosting provider flags 30 posts under its acceptable-use policy (24 h by default):
/// receipts, 30 cases, warnings at 50 % and 90 %, 29 decided in time, the deadline breached
/// on the last one (escalated, admins alerted), then the answer with the deadline missed; a
/// second host notice with its own 2 h deadline is answered in time. The host-compliance
/// report lists both with the right times and outcomes.
async fn a_host_notice_on_thirty_posts(backend: Backend) {
    let s = backend.start_notices(0).await;
    let host = s
        .notifier_key("acme-hosting", NotifierKind::HostingProvider)
        .await;
    let t0 = s.now().await;
    let a = s
        .notice(
            &host,
            json!({"platform": "forum", "posts": posts("p", 30), "category": "hate",
                   "policy_clause": "AUP 4.2 (hateful content)", "reference": "ACME-7781",
                   "explanation": "These posts attack people for their religion."}),
        )
        .await;
    let a_id = a["receipt"].as_str().unwrap().to_string();
    assert_eq!(a["kind"], "hosting_provider");
    assert_eq!(a["deadline_source"], "config");
    assert_eq!(a["status"], "open");
    let cases = case_ids(&a);
    assert_eq!(cases.len(), 30);
    assert!(
        a["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["opened"] == true)
    );
    let n = s.notice_status(&a_id).await;
    assert_eq!(n["received_at"], t0);
    assert_eq!(n["deadline"], t0 + 24 * MICROS_PER_HOUR);
    assert_eq!(n["deadline_status"], "pending");
    assert_eq!(n["items"].as_array().unwrap().len(), 30);
    // The cases wait in the notices queue with the deadline in their priority.
    let (_, c) = s.case(&cases[0]).await;
    assert_eq!(c["queue"], "notices", "{c}");
    assert!(
        c["priority_explanation"]
            .as_str()
            .unwrap()
            .contains("deadline in 24 h"),
        "{c}"
    );

    // No warning before half of the time; at half, one.
    s.advance(11 * MICROS_PER_HOUR).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(bodies(&s.received, "/alerts").is_empty());
    s.advance(MICROS_PER_HOUR).await;
    let alerts = s.wait_received("/alerts", 1).await;
    assert_eq!(alerts[0]["type"], "notice.deadline_warning");
    assert_eq!(alerts[0]["notice_id"], a_id.as_str());
    assert_eq!(alerts[0]["undecided_cases"].as_array().unwrap().len(), 30);

    // Moderators decide 29 of the 30 posts: 28 removed, one left up.
    for (i, case) in cases.iter().take(29).enumerate() {
        let who = if i % 2 == 0 { "alice" } else { "bob" };
        let action = if i == 28 { "no_action" } else { "remove" };
        s.decide(case, who, action).await;
    }
    let n = s
        .wait_notice(&a_id, |n| {
            n["items"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| !i["decided_at"].is_null())
                .count()
                == 29
        })
        .await;
    assert_eq!(n["status"], "open");

    // A second host notice, with a deadline of its own, decided at once.
    let b_deadline = s.now().await / 1_000_000 + 2 * 3600;
    let b = s
        .notice(
            &host,
            json!({"platform": "forum", "posts": [{"post_id": "q1"}],
                   "legal_ground": "Illegal hate speech (national law)",
                   "explanation": "Incites violence against a group.",
                   "deadline": b_deadline.to_string()}),
        )
        .await;
    let b_id = b["receipt"].as_str().unwrap().to_string();
    assert_eq!(b["deadline_source"], "notifier");
    let b_decided = s.decide(&case_ids(&b)[0], "alice", "remove").await;
    let nb = s.wait_notice(&b_id, |n| n["status"] == "answered").await;
    assert_eq!(nb["decided_at"], b_decided);
    assert_eq!(nb["deadline_met"], true);
    assert_eq!(nb["outcome"], "remove");
    assert_eq!(nb["answer"]["items"][0]["action"], "remove");
    let answers = s.wait_received("/notifier/acme-hosting", 1).await;
    assert_eq!(answers[0]["type"], "notice.answered");
    assert_eq!(answers[0]["notice_id"], b_id.as_str());
    assert_eq!(answers[0]["deadline_met"], true);
    // The removal comes with its statement of reasons (DSA Art. 17).
    let statement = &answers[0]["items"][0]["statement_of_reasons"];
    assert!(statement.is_object(), "{}", answers[0]);

    // 90 % of notice A's time: the second warning.
    s.advance(t0 + (24 * MICROS_PER_HOUR * 9) / 10 - s.now().await)
        .await;
    let alerts = s.wait_received("/alerts", 2).await;
    assert_eq!(alerts[1]["type"], "notice.deadline_warning");
    assert_eq!(alerts[1]["undecided_cases"], json!([cases[29]]));

    // The deadline passes with one post undecided: breach, escalation, alert.
    s.advance(t0 + 24 * MICROS_PER_HOUR + MICROS_PER_MINUTE - s.now().await)
        .await;
    let alerts = s.wait_received("/alerts", 3).await;
    assert_eq!(alerts[2]["type"], "notice.deadline_breached");
    assert_eq!(alerts[2]["escalated_cases"], json!([cases[29]]));
    let n = s.notice_status(&a_id).await;
    let breached_at = n["breached_at"].as_i64().unwrap();
    assert!(breached_at >= t0 + 24 * MICROS_PER_HOUR);
    assert_eq!(n["deadline_status"], "missed");
    let (_, c) = s.case(&cases[29]).await;
    assert_eq!(c["case"]["status"], "escalated", "{c}");
    assert_eq!(c["case"]["escalation"]["by"], "system:notice-clock");
    assert!(
        c["priority_explanation"]
            .as_str()
            .unwrap()
            .contains("deadline overdue"),
        "{c}"
    );
    let (_, q) = s.get("/v1/queues/escalated", s.user("alice")).await;
    assert!(
        q["cases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["case"]["id"] == cases[29].as_str()),
        "{q}"
    );
    // A breached deadline puts the case in the urgent queue too (no threat to life here).
    let (_, q) = s.get("/v1/queues/urgent", s.user("alice")).await;
    let urgent: Vec<&str> = q["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["case"]["id"].as_str())
        .collect();
    assert_eq!(urgent, vec![cases[29].as_str()], "{q}");

    // Decided late: the notice is answered, deadline missed, outcome mixed.
    s.advance(MICROS_PER_HOUR).await;
    let late = s.decide(&cases[29], "bob", "remove").await;
    let n = s.wait_notice(&a_id, |n| n["status"] == "answered").await;
    assert_eq!(n["decided_at"], late);
    assert_eq!(n["deadline_met"], false);
    assert_eq!(n["outcome"], "mixed");
    assert_eq!(n["answer"]["items"].as_array().unwrap().len(), 30);
    let answers = s.wait_received("/notifier/acme-hosting", 2).await;
    assert_eq!(answers[1]["notice_id"], a_id.as_str());
    assert_eq!(answers[1]["deadline_met"], false);
    assert_eq!(answers[1]["reference"], "ACME-7781");
    for item in answers[1]["items"].as_array().unwrap() {
        // Statements for restrictions only: the post left up has none.
        assert_eq!(
            item["statement_of_reasons"].is_object(),
            item["action"] == "remove",
            "{item}"
        );
    }

    // The host-compliance report: both notices, their times and outcomes.
    let report = s
        .state
        .store
        .host_report("acme-hosting", None, None, s.now().await)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(report.rows.len(), 2);
    let (ra, rb) = (&report.rows[0], &report.rows[1]);
    assert_eq!(ra.notice_id, a_id);
    assert_eq!(
        (ra.received_at, ra.deadline),
        (t0, t0 + 24 * MICROS_PER_HOUR)
    );
    assert_eq!(ra.decided_at, Some(late));
    assert_eq!(ra.escalated_at, Some(breached_at));
    assert_eq!(ra.items, 30);
    assert_eq!(ra.outcome.as_deref(), Some("mixed"));
    assert_eq!(ra.deadline_status.name(), "missed");
    assert_eq!(rb.notice_id, b_id);
    assert_eq!(rb.decided_at, Some(b_decided));
    assert_eq!(rb.deadline, b_deadline * 1_000_000);
    assert_eq!(rb.outcome.as_deref(), Some("remove"));
    assert_eq!(rb.deadline_status.name(), "met");
    assert!(ra.answered_at.unwrap() >= late && rb.answered_at.unwrap() >= b_decided);
    let totals = report.totals();
    assert_eq!((totals.met, totals.missed, totals.answered), (1, 1, 2));
    // The host fetches the same report itself, as CSV.
    let (status, csv) = s
        .get("/v1/notifiers/acme-hosting/report?format=csv", &host)
        .await;
    assert_eq!(status, StatusCode::OK);
    let csv = csv.as_str().unwrap().to_string();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines[1].starts_with(&format!("{a_id},hosting_provider,30,hate,")),
        "{csv}"
    );
    assert!(lines[1].ends_with(",missed,mixed"), "{csv}");
    assert!(lines[2].ends_with(",met,remove"), "{csv}");
    let (_, html) = s
        .get("/v1/notifiers/acme-hosting/report?format=html", &s.admin)
        .await;
    let html = html.as_str().unwrap().to_string();
    assert!(html.contains(&a_id) && html.contains(&b_id));
    assert!(html.contains("1 deadlines met, 1 missed"), "{html}");

    // Every step is in the audit chain.
    let kinds = s.audit_kinds().await;
    let count = |k: &str| kinds.iter().filter(|x| *x == k).count();
    assert_eq!(count("notice.receive"), 2);
    assert_eq!(count("notice.warning"), 2);
    assert_eq!(count("notice.breached"), 1);
    assert_eq!(count("notice.answer"), 2);
    s.stop().await;
}

/// An authority's removal order: one hour by default, warnings at 30 and 54 minutes, decided
/// in time; deadlines given in the past or a year away are refused.
async fn an_authority_order_in_one_hour(backend: Backend) {
    let s = backend.start_notices(0).await;
    let police = s.notifier_key("cyber-unit", NotifierKind::Authority).await;
    let t0 = s.now().await;
    let past = (t0 / 1_000_000 - 60).to_string();
    let far = (t0 / 1_000_000 + 400 * 86_400).to_string();
    for deadline in [past, far, "tomorrow".to_string()] {
        let (status, body) = s
            .post(
                "/v1/notices",
                &police,
                json!({"posts": [{"post_id": "t1"}], "legal_ground": "TCO Reg. (EU) 2021/784 Art. 3",
                       "explanation": "Terrorist content.", "deadline": deadline}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    let order = s
        .notice(
            &police,
            json!({"posts": [{"post_id": "t1", "author": "u9"}], "category": "incitement",
                   "legal_ground": "TCO Reg. (EU) 2021/784 Art. 3",
                   "explanation": "Terrorist content: a call to attack."}),
        )
        .await;
    let id = order["receipt"].as_str().unwrap().to_string();
    assert_eq!(order["kind"], "authority");
    let case = &case_ids(&order)[0];
    let n = s.notice_status(&id).await;
    assert_eq!(n["deadline"], t0 + MICROS_PER_HOUR);
    let (_, c) = s.case(case).await;
    assert!(
        c["priority_explanation"]
            .as_str()
            .unwrap()
            .contains("deadline in 1 h +300"),
        "{c}"
    );
    s.advance(30 * MICROS_PER_MINUTE).await;
    let alerts = s.wait_received("/alerts", 1).await;
    assert_eq!(alerts[0]["kind"], "authority");
    s.advance(24 * MICROS_PER_MINUTE).await;
    s.wait_received("/alerts", 2).await;
    let decided = s.decide(case, "alice", "remove").await;
    let n = s.wait_notice(&id, |n| n["status"] == "answered").await;
    assert_eq!(n["decided_at"], decided);
    assert_eq!(n["deadline_met"], true);
    assert_eq!(n["deadline_status"], "met");
    assert!(n["breached_at"].is_null());
    // Past the deadline nothing more fires: the notice was answered.
    s.advance(MICROS_PER_HOUR).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(bodies(&s.received, "/alerts").len(), 2);
    let answers = s.wait_received("/notifier/cyber-unit", 1).await;
    assert_eq!(answers[0]["outcome"], "remove");
    s.stop().await;
}

/// A trusted flagger's notice on a post users reported joins its case; a threat to life puts
/// it in the urgent queue; the platform relays a user's notice on the same post.
async fn a_trusted_flagger_joins_a_reported_case(backend: Backend) {
    let s = backend.start_notices(0).await;
    let flagger = s
        .notifier_key("safer-net", NotifierKind::TrustedFlagger)
        .await;
    let (status, report) = s
        .post(
            "/v1/reports",
            &s.ingest,
            json!({"platform": "forum", "post_id": "x1", "author": "u1", "reporter": "u2",
                   "category": "violence_threat"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let case = report["case_id"].as_str().unwrap();
    let receipt = s
        .notice(
            &flagger,
            json!({"platform": "forum", "posts": [{"post_id": "x1", "author": "u1"}],
                   "category": "violence_threat", "legal_ground": "Criminal code, threats",
                   "explanation": "Names a person, a place and a time.", "threat_to_life": true}),
        )
        .await;
    assert_eq!(receipt["items"][0]["case_id"], case);
    assert_eq!(receipt["items"][0]["opened"], false);
    let n = s.notice_status(receipt["receipt"].as_str().unwrap()).await;
    assert_eq!(
        n["deadline"],
        n["received_at"].as_i64().unwrap() + 24 * MICROS_PER_HOUR
    );
    let (_, c) = s.case(case).await;
    assert_eq!(c["queue"], "urgent", "{c}");
    assert_eq!(c["case"]["priority"]["urgent"], true);
    assert_eq!(c["case"]["reports"].as_array().unwrap().len(), 1);
    assert_eq!(c["case"]["notices"][0]["authority"], "safer-net");
    // The platform relays a user's notice (kind user by default) on the same post.
    let relayed = s
        .notice(
            &s.ingest,
            json!({"notifier": "user:u3", "platform": "forum", "posts": [{"post_id": "x1"}],
                   "policy_clause": "Community rules §2", "explanation": "This is a threat."}),
        )
        .await;
    assert_eq!(relayed["kind"], "user");
    assert_eq!(relayed["items"][0]["case_id"], case);
    assert_eq!(relayed["items"][0]["notices_on_case"], 2);
    assert_eq!(relayed["deadline_source"], "config");
    s.stop().await;
}

/// The same post in two notices (and twice in one): one case, notices counted, both
/// answered by the one decision.
async fn duplicate_notices_join_one_case(backend: Backend) {
    let s = backend.start_notices(0).await;
    let host = s
        .notifier_key("dup-host", NotifierKind::HostingProvider)
        .await;
    let body = json!({"platform": "forum",
                      "posts": [{"post_id": "d1", "author": "u-dup"}, {"post_id": "d1", "author": "u-dup"}],
                      "policy_clause": "AUP 3", "explanation": "Spam links."});
    let first = s.notice(&host, body.clone()).await;
    assert_eq!(first["items"].as_array().unwrap().len(), 1);
    let second = s.notice(&host, body).await;
    assert_ne!(first["receipt"], second["receipt"]);
    assert_eq!(first["items"][0]["case_id"], second["items"][0]["case_id"]);
    assert_eq!(second["items"][0]["opened"], false);
    assert_eq!(second["items"][0]["notices_on_case"], 2);
    let case = case_ids(&first)[0].clone();
    let (_, c) = s.case(&case).await;
    assert_eq!(c["case"]["notices"].as_array().unwrap().len(), 2);
    s.decide(&case, "alice", "remove").await;
    for r in [&first, &second] {
        let n = s
            .wait_notice(r["receipt"].as_str().unwrap(), |n| {
                n["status"] == "answered"
            })
            .await;
        assert_eq!(n["outcome"], "remove");
    }
    let answers = s.wait_received("/notifier/dup-host", 2).await;
    assert_ne!(answers[0]["idempotency_key"], answers[1]["idempotency_key"]);
    // The author appeals and wins: both notifiers are told the content was restored.
    let (status, filed) = s
        .post(
            "/v1/appeals",
            &s.ingest,
            json!({"case_id": case, "appellant": "u-dup", "statement": "it was a quote"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{filed}");
    let reviewer = filed["outcome"]["assigned_to"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, reversed) = s
        .post(
            &format!("/v1/cases/{case}/appeal-decision"),
            s.user(&reviewer),
            json!({"outcome": "reversed", "note": "a quote, not an endorsement"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{reversed}");
    for r in [&first, &second] {
        let n = s
            .wait_notice(r["receipt"].as_str().unwrap(), |n| {
                n["outcome"] == "reversed"
            })
            .await;
        assert_eq!(n["answer"]["type"], "notice.answer_updated");
        // Met or missed is decided by the first decision, which was in time.
        assert_eq!(n["deadline_met"], true);
    }
    let answers = s.wait_received("/notifier/dup-host", 4).await;
    assert!(answers[2..].iter().all(|a| a["outcome"] == "reversed"));
    assert_eq!(
        s.audit_kinds()
            .await
            .iter()
            .filter(|k| *k == "notice.answer_update")
            .count(),
        2
    );
    // A notice on an account opens a case about the account, joined by the next one.
    let on_account = json!({"platform": "forum", "account_id": "spammer9",
                            "policy_clause": "AUP 3", "explanation": "Spam account."});
    let first = s.notice(&host, on_account.clone()).await;
    let second = s.notice(&host, on_account).await;
    assert_eq!(first["items"][0]["case_id"], second["items"][0]["case_id"]);
    let (_, c) = s.case(first["items"][0]["case_id"].as_str().unwrap()).await;
    assert_eq!(c["case"]["subject"]["kind"], "account", "{c}");
    assert_eq!(c["case"]["subject"]["account_id"], "spammer9");
    s.stop().await;
}

/// Who may send and read notices, and every malformed notice refused with a clear error.
async fn notice_denials_and_validation(backend: Backend) {
    let s = backend.start_notices(0).await;
    let host = s.notifier_key("h1", NotifierKind::HostingProvider).await;
    let other_host = s.notifier_key("h2", NotifierKind::HostingProvider).await;
    let unbound = s
        .state
        .store
        .create_key("unbound", &[Scope::Notify], "test")
        .await
        .unwrap()
        .token;
    let ok = json!({"posts": [{"post_id": "v1"}], "policy_clause": "AUP 1",
                    "explanation": "Violates the AUP."});
    let with = |extra: Value| {
        let mut b = ok.clone();
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    // Authentication and scope.
    let (status, body) = s.post("/v1/notices", "", ok.clone()).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    let (status, _) = s.post("/v1/notices", "vigie_0000", ok.clone()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let denied: Vec<(&str, String, Value)> = vec![
        (
            "read key",
            s.read.clone(),
            with(json!({"notifier": "x", "kind": "user"})),
        ),
        (
            "moderator",
            s.user("alice").to_string(),
            with(json!({"notifier": "x", "kind": "user"})),
        ),
        (
            "auditor",
            s.user("otto").to_string(),
            with(json!({"notifier": "x", "kind": "user"})),
        ),
        (
            "ingest as host",
            s.ingest.clone(),
            with(json!({"notifier": "h9", "kind": "hosting_provider"})),
        ),
        (
            "ingest as authority",
            s.ingest.clone(),
            with(json!({"notifier": "p", "kind": "authority"})),
        ),
        (
            "ingest as flagger",
            s.ingest.clone(),
            with(json!({"notifier": "f", "kind": "trusted_flagger"})),
        ),
        (
            "host as another",
            host.clone(),
            with(json!({"notifier": "h2"})),
        ),
        (
            "host as authority",
            host.clone(),
            with(json!({"kind": "authority"})),
        ),
        ("unbound notify key", unbound.clone(), ok.clone()),
    ];
    for (who, token, body) in &denied {
        let (status, reply) = s.post("/v1/notices", token, body.clone()).await;
        assert_eq!(
            (status, code(&reply)),
            (StatusCode::FORBIDDEN, "forbidden"),
            "{who}: {reply}"
        );
    }
    // A notify key is for notices only.
    for (method, path) in [
        ("GET", "/v1/decisions"),
        ("GET", "/v1/queues"),
        ("GET", "/v1/audit"),
    ] {
        let (status, reply) = s.send(method, path, &host, None).await;
        assert!(
            status == StatusCode::FORBIDDEN,
            "{method} {path} with a notify key: {status} {reply}"
        );
    }
    // Validation.
    let bad: Vec<(&str, Value, StatusCode, &str)> = vec![
        (
            "no explanation",
            json!({"posts": [{"post_id": "v1"}], "policy_clause": "AUP 1"}),
            StatusCode::BAD_REQUEST,
            "missing_field",
        ),
        (
            "empty explanation",
            with(json!({"explanation": "  "})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
        (
            "no ground",
            json!({"posts": [{"post_id": "v1"}], "explanation": "x"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "missing_field",
        ),
        (
            "no content",
            json!({"policy_clause": "AUP 1", "explanation": "x"}),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
        (
            "posts and account",
            with(json!({"account_id": "u1"})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
        (
            "empty post id",
            with(json!({"posts": [{"post_id": ""}]})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
        (
            "unknown kind",
            with(json!({"kind": "police"})),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "unknown category",
            with(json!({"category": "spam"})),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "unknown field",
            with(json!({"urgency": 1})),
            StatusCode::BAD_REQUEST,
            "unknown_field",
        ),
        (
            "too long",
            with(json!({"explanation": "x".repeat(5001)})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
        (
            "bad deadline",
            with(json!({"deadline": "soon"})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
        (
            "too many posts",
            with(json!({"posts": posts("m", 1001)})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
    ];
    for (what, body, status, expected) in bad {
        let (got, reply) = s.post("/v1/notices", &host, body).await;
        assert_eq!((got, code(&reply)), (status, expected), "{what}: {reply}");
    }
    let (status, reply) = s
        .post(
            "/v1/notices",
            &s.ingest,
            with(json!({"notifier": "user:1", "threat_to_life": true})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    let (status, reply) = s.post("/v1/notices", &s.admin, ok.clone()).await;
    assert_eq!(
        (status, code(&reply)),
        (StatusCode::UNPROCESSABLE_ENTITY, "missing_field"),
        "{reply}"
    );
    // An admin may send for anyone, but a notifier keeps its kind.
    let (status, reply) = s
        .post(
            "/v1/notices",
            &s.admin,
            with(json!({"notifier": "h1", "kind": "authority"})),
        )
        .await;
    assert_eq!(
        (status, code(&reply)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field"),
        "{reply}"
    );
    s.notice(
        &s.admin,
        with(json!({"notifier": "gov", "kind": "authority"})),
    )
    .await;
    // Reading: the sender, readers and admins; not another notifier.
    let mine = s.notice(&host, ok.clone()).await;
    let path = format!("/v1/notices/{}", mine["receipt"].as_str().unwrap());
    for token in [&host, &s.read, &s.admin, &s.user("otto").to_string()] {
        assert_eq!(s.get(&path, token).await.0, StatusCode::OK);
    }
    for token in [&other_host, &unbound, &s.ingest] {
        let (status, reply) = s.get(&path, token).await;
        assert_eq!(
            (status, code(&reply)),
            (StatusCode::NOT_FOUND, "not_found"),
            "{reply}"
        );
    }
    assert_eq!(
        s.get("/v1/notices/nope", &s.read).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, _) = s.get("/v1/notifiers/h1/report", &other_host).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = s.get("/v1/notifiers/h1/report?format=pdf", &host).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Legal holds are for admins.
    let case = case_ids(&mine)[0].clone();
    for token in [
        s.user("alice").to_string(),
        s.user("otto").to_string(),
        s.read.clone(),
        host.clone(),
    ] {
        let (status, reply) = s
            .post(
                &format!("/v1/cases/{case}/legal-hold"),
                &token,
                json!({"reason": "court order"}),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{reply}");
    }
    let (status, reply) = s
        .post(
            &format!("/v1/cases/{case}/legal-hold"),
            &s.admin,
            json!({"reason": ""}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{reply}");
    let (status, _) = s
        .post(
            "/v1/cases/nope/legal-hold",
            &s.admin,
            json!({"reason": "court order"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    s.stop().await;
}

/// Retention: resolved cases are purged 183 days after their last event (post, decision
/// and case gone, notice content cleared, audit chain intact), except under legal hold
/// until it is lifted; recent cases stay.
async fn retention_purges_except_under_legal_hold(backend: Backend) {
    let s = backend.start_notices(100).await;
    let host = s
        .notifier_key("ret-host", NotifierKind::HostingProvider)
        .await;
    let mut cases = Vec::new();
    let mut decisions = Vec::new();
    for id in ["r1", "r2"] {
        let (status, d) = s
            .post(
                "/v1/posts",
                &s.ingest,
                json!({"platform": "forum", "id": id, "text": "have a nice day", "author": "u5"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{d}");
        decisions.push(d["id"].as_str().unwrap().to_string());
        let (status, r) = s
            .post(
                "/v1/reports",
                &s.ingest,
                json!({"platform": "forum", "post_id": id, "reporter": "u6", "reason": "rude"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{r}");
        cases.push(r["case_id"].as_str().unwrap().to_string());
    }
    // Allowed content that nobody reported: no case, so only its words and author go.
    let (status, allowed) = s
        .post(
            "/v1/posts",
            &s.ingest,
            json!({"platform": "forum", "id": "r0", "text": "thanks for the recipe, it was lovely",
                   "author": "u7", "context": {"surface": "comment"}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{allowed}");
    let allowed_id = allowed["id"].as_str().unwrap().to_string();
    assert_eq!(allowed["decision"]["action"], "allow", "{allowed}");
    let stored_post = |post_id: &'static str| {
        let store = s.state.store.clone();
        async move {
            store
                .posts_between(0, i64::MAX, 1_000)
                .await
                .unwrap()
                .into_iter()
                .find(|p| p.post_id == post_id)
        }
    };
    let before = stored_post("r0").await.expect("r0 stored");
    assert_eq!(before.text, "thanks for the recipe, it was lovely");
    assert_eq!(before.author.as_deref(), Some("u7"));
    let notice = s
        .notice(
            &host,
            json!({"platform": "forum", "posts": [{"post_id": "r1"}], "policy_clause": "AUP 9",
                   "explanation": "Personal data of a third person."}),
        )
        .await;
    let notice_id = notice["receipt"].as_str().unwrap().to_string();
    for case in &cases {
        s.decide(case, "alice", "no_action").await;
    }
    s.wait_notice(&notice_id, |n| n["status"] == "answered")
        .await;
    let (status, hold) = s
        .post(
            &format!("/v1/cases/{}/legal-hold", cases[1]),
            s.user("ada"),
            json!({"reason": "court order 2026/118"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{hold}");
    assert_eq!(hold["set_by"], "user:ada");

    // Six months minus a day: nothing goes.
    s.advance(182 * 24 * MICROS_PER_HOUR).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(s.case(&cases[0]).await.0, StatusCode::OK);
    assert_eq!(stored_post("r0").await.unwrap().text, before.text);
    // A case decided now is recent whatever comes next.
    let (_, r3) = s
        .post(
            "/v1/reports",
            &s.ingest,
            json!({"platform": "forum", "post_id": "r3"}),
        )
        .await;
    let recent = r3["case_id"].as_str().unwrap().to_string();
    s.decide(&recent, "bob", "no_action").await;

    // Past 183 days: the first case goes, the held one stays.
    s.advance(2 * 24 * MICROS_PER_HOUR).await;
    let mut purged = false;
    for _ in 0..100 {
        if s.case(&cases[0]).await.0 == StatusCode::NOT_FOUND {
            purged = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(purged, "case {} was not purged", cases[0]);
    assert!(s.state.store.purged_at(&cases[0]).await.unwrap().is_some());
    let (status, _) = s
        .get(&format!("/v1/decisions/{}", decisions[0]), &s.read)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(s.case(&cases[1]).await.0, StatusCode::OK);
    let (status, _) = s
        .get(&format!("/v1/decisions/{}", decisions[1]), &s.read)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(s.case(&recent).await.0, StatusCode::OK);
    // The post without a case lost its words, author and context; its decision keeps what
    // the reports read (action, category, policy, time) but no author.
    let mut scrubbed = None;
    for _ in 0..100 {
        if let Some(p) = stored_post("r0").await.filter(|p| p.text.is_empty()) {
            scrubbed = Some(p);
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let scrubbed = scrubbed.expect("the post without a case was not scrubbed");
    assert_eq!(scrubbed.author, None);
    assert_eq!(scrubbed.received_at, before.received_at);
    assert_eq!(scrubbed.context, Default::default());
    let (status, d) = s.get(&format!("/v1/decisions/{allowed_id}"), &s.read).await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert!(d["author"].is_null(), "{d}");
    assert_eq!(
        d["decision"]["action"], allowed["decision"]["action"],
        "{d}"
    );
    assert_eq!(
        d["decision"]["policy_version"],
        allowed["decision"]["policy_version"]
    );
    assert!(!d.to_string().contains("recipe"), "{d}");
    // The held case's post keeps everything.
    let held = stored_post("r2").await.expect("the held case's post stays");
    assert_eq!(held.text, "have a nice day");
    assert_eq!(held.author.as_deref(), Some("u5"));
    // The notice keeps its times and outcome, not its content.
    let n = s.notice_status(&notice_id).await;
    assert!(!n["purged_at"].is_null(), "{n}");
    assert_eq!(n["explanation"], "");
    assert_eq!(n["outcome"], "no_action");
    // The chain still verifies (checked in stop) and records the purge and the hold.
    let kinds = s.audit_kinds().await;
    assert!(kinds.iter().any(|k| k == "retention.purge"));
    assert!(kinds.iter().any(|k| k == "retention.scrub"));
    assert!(kinds.iter().any(|k| k == "case.legal_hold"));

    // Hold lifted: the case goes at the next run.
    let path = format!("/v1/cases/{}/legal-hold", cases[1]);
    let (status, reply) = s.send("DELETE", &path, &s.admin, None).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    let (_, hold) = s.get(&path, s.user("otto")).await;
    assert!(!hold["released_at"].is_null(), "{hold}");
    let mut purged = false;
    for _ in 0..100 {
        if s.case(&cases[1]).await.0 == StatusCode::NOT_FOUND {
            purged = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        purged,
        "case {} was not purged after its hold was lifted",
        cases[1]
    );
    assert_eq!(s.case(&recent).await.0, StatusCode::OK);
    let (status, _) = s.send("DELETE", &path, &s.admin, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    s.stop().await;
}

/// Without the platform's `webhook_url`, notifiers' answers and admins' alerts are still
/// delivered; each notifier's answers are signed with its own secret (the receiver refuses
/// any other), made once and never shown again, nor written in the audit chain.
async fn answers_and_alerts_without_platform_webhook(backend: Backend) {
    let s = backend.start_notices_with(0, false).await;
    let host = s
        .notifier_key("solo-host", NotifierKind::HostingProvider)
        .await;
    let secret = s.received.lock().unwrap().secrets["/notifier/solo-host"].clone();
    let now = vigie_review::Clock::now(s.state.clock.as_ref());
    // Saving the notifier again keeps its secret and does not show it again.
    let (again, shown) = s
        .state
        .store
        .upsert_notifier(
            "solo-host",
            NotifierKind::HostingProvider,
            None,
            "test",
            now,
        )
        .await
        .unwrap();
    assert_eq!(shown, None);
    assert!(again.endpoint.is_some());
    // A notifier first seen in a notice gets its secret when it is given an endpoint.
    let (_, user_secret) = s
        .state
        .store
        .upsert_notifier("a-user", NotifierKind::User, None, "test", now)
        .await
        .unwrap();
    assert!(user_secret.is_some());
    assert_ne!(user_secret.as_deref(), Some(secret.as_str()));

    let notice = s
        .notice(
            &host,
            json!({"platform": "forum", "posts": [{"post_id": "w1", "author": "u1"}],
                   "policy_clause": "AUP 4.2", "explanation": "Harassment of a member."}),
        )
        .await;
    let id = notice["receipt"].as_str().unwrap().to_string();
    let case = &case_ids(&notice)[0];
    // Half the default 24 h: the first warning reaches the admins.
    s.advance(13 * MICROS_PER_HOUR).await;
    let alerts = s.wait_received("/alerts", 1).await;
    assert_eq!(alerts[0]["type"], "notice.deadline_warning");
    assert_eq!(alerts[0]["notice_id"], id.as_str());
    s.decide(case, "alice", "remove").await;
    s.wait_notice(&id, |n| n["status"] == "answered").await;
    let answers = s.wait_received("/notifier/solo-host", 1).await;
    assert_eq!(answers[0]["notice_id"], id.as_str());
    assert_eq!(answers[0]["outcome"], "remove");
    assert!(bodies(&s.received, "/platform").is_empty());
    // The secret is in no answer of the API and nowhere in the audit chain.
    let status = s.notice_status(&id).await;
    assert!(!status.to_string().contains(&secret));
    let (_, report) = s.get("/v1/notifiers/solo-host/report", &s.admin).await;
    assert!(!report.to_string().contains(&secret), "{report}");
    // A new secret (the old one leaked): later answers are signed with it only (the receiver
    // refuses the old one).
    let now = vigie_review::Clock::now(s.state.clock.as_ref());
    let store = &s.state.store;
    assert_eq!(
        store
            .rotate_notifier_secret("nobody", "test", now)
            .await
            .unwrap(),
        None
    );
    let renewed = store
        .rotate_notifier_secret("solo-host", "test", now)
        .await
        .unwrap()
        .expect("solo-host exists");
    assert_ne!(renewed, secret);
    s.received
        .lock()
        .unwrap()
        .secrets
        .insert("/notifier/solo-host".into(), renewed.clone());
    let second = s
        .notice(
            &host,
            json!({"platform": "forum", "posts": [{"post_id": "w2"}],
                   "policy_clause": "AUP 4.2", "explanation": "Harassment again."}),
        )
        .await;
    s.decide(&case_ids(&second)[0], "bob", "no_action").await;
    let answers = s.wait_received("/notifier/solo-host", 2).await;
    assert_eq!(answers[1]["notice_id"], second["receipt"]);
    let entries = s.state.store.audit_entries(0, 100_000).await.unwrap();
    assert!(entries.iter().any(|e| e.kind == "notifier.save"));
    assert!(entries.iter().any(|e| e.kind == "notifier.secret"));
    openapi_lists_the_notices_endpoints(&s).await;
    for e in entries {
        let text = serde_json::to_string(&e).unwrap();
        assert!(
            !text.contains(&secret) && !text.contains(&renewed),
            "{text}"
        );
    }
    s.stop().await;
}

/// `/openapi.json` describes every notices endpoint with its method, its path parameter and
/// the notice's request and receipt schemas.
async fn openapi_lists_the_notices_endpoints(s: &Server) {
    let (status, doc) = s.get("/openapi.json", "").await;
    assert_eq!(status, StatusCode::OK, "{doc}");
    let paths = &doc["paths"];
    for (path, methods, param) in [
        ("/v1/notices", &["post"][..], None),
        ("/v1/notices/{id}", &["get"][..], Some("id")),
        ("/v1/notifiers/{name}/report", &["get"][..], Some("name")),
        (
            "/v1/cases/{id}/legal-hold",
            &["get", "post", "delete"][..],
            Some("id"),
        ),
    ] {
        for method in methods {
            let op = &paths[path][method];
            assert!(op.is_object(), "{method} {path} missing from /openapi.json");
            assert_eq!(op["tags"][0], "notices", "{method} {path}: {op}");
            if let Some(param) = param {
                let declared = op["parameters"]
                    .as_array()
                    .is_some_and(|ps| ps.iter().any(|p| p["name"] == param && p["in"] == "path"));
                assert!(
                    declared,
                    "{method} {path} does not declare {{{param}}}: {op}"
                );
            }
        }
    }
    let post = &paths["/v1/notices"]["post"];
    assert_eq!(
        post["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/NoticeIn"
    );
    assert_eq!(
        post["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ReceiptOut"
    );
    let schemas = &doc["components"]["schemas"];
    for name in ["NoticeIn", "PostRef", "ReceiptOut", "ReceiptItem", "HoldIn"] {
        assert!(schemas[name].is_object(), "schema {name} missing");
    }
    assert!(
        schemas["NoticeIn"]["required"]
            .as_array()
            .is_some_and(|r| r.iter().any(|f| f == "explanation")),
        "{}",
        schemas["NoticeIn"]
    );
}

/// A retention shorter than six months is refused at start-up.
async fn retention_below_six_months_is_refused(backend: Backend) {
    let config = ServerConfig {
        data_dir: backend.data_dir.clone().unwrap_or_default(),
        database_url: backend.database_url.clone(),
        retention_days: 90,
        ..ServerConfig::default()
    };
    let err = AppState::open(config)
        .await
        .err()
        .expect("90 days must be refused");
    assert!(err.to_string().contains("183"), "{err}");
}

const SCENARIOS: &[(&str, Scenario)] = scenarios![
    a_host_notice_on_thirty_posts,
    an_authority_order_in_one_hour,
    a_trusted_flagger_joins_a_reported_case,
    duplicate_notices_join_one_case,
    notice_denials_and_validation,
    retention_purges_except_under_legal_hold,
    retention_below_six_months_is_refused,
    answers_and_alerts_without_platform_webhook,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notices_on_sqlite() {
    run_on_sqlite(SCENARIOS).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notices_on_postgres() {
    run_on_postgres("notices", SCENARIOS).await;
}
