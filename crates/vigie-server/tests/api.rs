//! The real server on 127.0.0.1 (random port), over HTTP, against embedded SQLite and against
//! a real PostgreSQL that the test starts. Every scenario runs on both backends.

use std::sync::Arc;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use vigie_server::{AppState, ServerConfig};
use vigie_store::Scope;
mod common;

use common::{Backend, Scenario, run_on_postgres, run_on_sqlite};

/// A running server with one key per scope.
struct Server {
    serving: common::Serving,
    client: Client,
    state: Arc<AppState>,
    admin: String,
    ingest: String,
    read: String,
}

impl Backend {
    fn config(&self) -> ServerConfig {
        ServerConfig {
            listen: "127.0.0.1:0".into(),
            data_dir: self.data_dir.clone().unwrap_or_default(),
            database_url: self.database_url.clone(),
            max_body_bytes: 64 * 1024,
            max_post_chars: 500,
            max_batch: 5,
            request_timeout_ms: 10_000,
            rate_limit_per_second: 10_000,
            rate_limit_burst: 10_000,
            ..ServerConfig::default()
        }
    }

    async fn start(&self) -> Server {
        self.start_with(self.config()).await
    }

    async fn start_with(&self, config: ServerConfig) -> Server {
        let state = AppState::open(config).await.unwrap();
        let key = |name: &'static str, scope: Scope| {
            let state = state.clone();
            async move {
                state
                    .store
                    .create_key(name, &[scope], "test")
                    .await
                    .unwrap()
                    .token
            }
        };
        let admin = key("admin", Scope::Admin).await;
        let ingest = key("ingest", Scope::Ingest).await;
        let read = key("read", Scope::Read).await;
        let serving = common::Serving::start(state.clone()).await;
        Server {
            serving,
            client: Client::new(),
            state,
            admin,
            ingest,
            read,
        }
    }
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.serving.base)
    }

    async fn send(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<Vec<u8>>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method.parse().unwrap(), self.url(path))
            .header("content-type", "application/json");
        if let Some(k) = key {
            req = req.bearer_auth(k);
        }
        if let Some(b) = body {
            req = req.body(b);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let bytes = resp.bytes().await.unwrap();
        let value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        (status, value)
    }

    async fn post(&self, path: &str, key: &str, body: Value) -> (StatusCode, Value) {
        self.send("POST", path, Some(key), Some(body.to_string().into_bytes()))
            .await
    }

    async fn get(&self, path: &str, key: &str) -> (StatusCode, Value) {
        self.send("GET", path, Some(key), None).await
    }

    async fn metrics(&self) -> String {
        self.client
            .get(self.url("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Stops the server (graceful) and checks it stopped cleanly.
    async fn stop(self) {
        self.serving.stop().await;
    }
}

fn error_code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<no error code>")
}

async fn ingest_is_idempotent_and_readable(backend: Backend) {
    let s = backend.start().await;
    let post = json!({"platform": "web", "id": "p1", "text": "have a nice day", "author": "alice", "context": {"lang": "en"}});
    let (status, first) = s.post("/v1/posts", &s.ingest, post.clone()).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["post_id"], "p1");
    assert_eq!(first["replayed"], false);
    assert_eq!(first["decision"]["post_id"], "p1");
    assert!(first["decision"]["action"].is_string());
    // The same post again (even with another text) gives back the stored decision.
    let mut changed = post.clone();
    changed["text"] = json!("something else entirely");
    let (status, again) = s.post("/v1/posts", &s.ingest, changed).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["replayed"], true);
    assert_eq!(again["id"], first["id"]);
    assert_eq!(again["decision"], first["decision"]);

    let id = first["id"].as_str().unwrap();
    let (status, got) = s.get(&format!("/v1/decisions/{id}"), &s.read).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["decision"], first["decision"]);
    assert_eq!(got["author"], "alice");
    let (status, missing) = s.get("/v1/decisions/doesnotexist", &s.read).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error_code(&missing), "not_found");

    // Without a platform the post goes to the default one; the author can come from context.
    for i in 0..4 {
        let (status, body) = s
            .post("/v1/posts", &s.ingest, json!({"id": format!("b{i}"), "text": "hello", "context": {"author": {"id": "bob"}}}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["platform"], "default");
        assert_eq!(body["author"], "bob");
    }
    // Keyset pages.
    let mut seen = Vec::new();
    let mut path = "/v1/decisions?author=bob&limit=3".to_string();
    loop {
        let (status, page) = s.get(&path, &s.read).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 3);
        seen.extend(
            items
                .iter()
                .map(|d| d["post_id"].as_str().unwrap().to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/v1/decisions?author=bob&limit=3&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, ["b0", "b1", "b2", "b3"]);
    let (_, all) = s.get("/v1/decisions", &s.read).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 5);
    let (_, none) = s
        .get("/v1/decisions?since=2100-01-01T00:00:00Z", &s.read)
        .await;
    assert_eq!(none["items"].as_array().unwrap().len(), 0);
    let (status, bad) = s.get("/v1/decisions?since=yesterday", &s.read).await;
    assert_eq!(
        (status, error_code(&bad)),
        (StatusCode::BAD_REQUEST, "invalid_query")
    );
    let (status, bad) = s.get("/v1/decisions?colour=red", &s.read).await;
    assert_eq!(
        (status, error_code(&bad)),
        (StatusCode::BAD_REQUEST, "invalid_query")
    );
    let (status, bad) = s.get("/v1/decisions?cursor=notacursor", &s.read).await;
    assert_eq!(
        (status, error_code(&bad)),
        (StatusCode::BAD_REQUEST, "invalid_query")
    );

    let report = s.state.store.verify_audit().await.unwrap();
    assert!(report.broken.is_none(), "{report}");
    // The start-up policy, the three keys, then one entry per new decision (p1, b0..b3).
    assert_eq!(report.entries, 1 + 3 + 5);
    s.stop().await;
}

async fn batches_are_bounded(backend: Backend) {
    let s = backend.start().await;
    let posts: Vec<Value> = (0..3)
        .map(|i| json!({"id": format!("x{i}"), "text": "a calm post"}))
        .collect();
    let (status, body) = s
        .post("/v1/posts:batch", &s.ingest, json!({"posts": posts}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let results = body["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert!(results.iter().all(|r| r["replayed"] == false));
    // A batch repeating a stored post and a post twice within itself.
    let (status, body) = s
        .post(
            "/v1/posts:batch",
            &s.ingest,
            json!({"posts": [{"id": "x0", "text": "a calm post"}, {"id": "y", "text": "one"}, {"id": "y", "text": "one"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let r = body["results"].as_array().unwrap();
    assert_eq!(r[0]["id"], results[0]["id"]);
    assert_eq!(r[0]["replayed"], true);
    assert_eq!(r[1]["replayed"], false);
    assert_eq!(r[2]["replayed"], true);
    assert_eq!(r[1]["id"], r[2]["id"]);

    let too_many: Vec<Value> = (0..6)
        .map(|i| json!({"id": format!("z{i}"), "text": "t"}))
        .collect();
    let (status, body) = s
        .post("/v1/posts:batch", &s.ingest, json!({"posts": too_many}))
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::PAYLOAD_TOO_LARGE, "batch_too_large")
    );
    let (status, body) = s
        .post("/v1/posts:batch", &s.ingest, json!({"posts": []}))
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "empty_batch")
    );
    // One bad post rejects the batch, naming it, and stores nothing.
    let (status, body) = s
        .post(
            "/v1/posts:batch",
            &s.ingest,
            json!({"posts": [{"id": "ok1", "text": "t"}, {"id": "", "text": "t"}]}),
        )
        .await;
    assert_eq!(
        (status, error_code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("posts[1]")
    );
    assert!(
        s.state
            .store
            .decision_for_post("default", "ok1")
            .await
            .unwrap()
            .is_none()
    );
    s.stop().await;
}

async fn every_denied_scope_is_refused(backend: Backend) {
    let s = backend.start().await;
    let post = json!({"id": "d1", "text": "hello"});
    let policy = json!({"policy": "x"});
    let backtest = json!({"policy": "x"});
    // (method, path, body, keys that must be refused with 403)
    let cases: Vec<(&str, &str, Option<Value>, Vec<&str>)> = vec![
        ("POST", "/v1/posts", Some(post.clone()), vec![&s.read]),
        (
            "POST",
            "/v1/posts:batch",
            Some(json!({"posts": [post.clone()]})),
            vec![&s.read],
        ),
        ("GET", "/v1/decisions", None, vec![&s.ingest]),
        ("GET", "/v1/decisions/abc", None, vec![&s.ingest]),
        ("GET", "/v1/policy", None, vec![&s.ingest]),
        ("PUT", "/v1/policy", Some(policy), vec![&s.ingest, &s.read]),
        (
            "POST",
            "/v1/policy:backtest",
            Some(backtest),
            vec![&s.ingest, &s.read],
        ),
    ];
    let revoked = s
        .state
        .store
        .create_key("gone", &[Scope::Admin], "test")
        .await
        .unwrap();
    assert!(
        s.state
            .store
            .revoke_key(&revoked.key.id, "test", "test")
            .await
            .unwrap()
    );
    let before = denied_count(&s.metrics().await);
    let mut denials = 0;
    for (method, path, body, forbidden) in &cases {
        let bytes = body.as_ref().map(|b| b.to_string().into_bytes());
        for key in [
            None,
            Some("vigie_0000"),
            Some("garbage"),
            Some(revoked.token.as_str()),
        ] {
            let (status, e) = s.send(method, path, key, bytes.clone()).await;
            assert_eq!(
                (status, error_code(&e)),
                (StatusCode::UNAUTHORIZED, "unauthorized"),
                "{method} {path} {key:?}"
            );
            assert!(
                e["error"]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty())
            );
            denials += 1;
        }
        for key in forbidden {
            let (status, e) = s.send(method, path, Some(key), bytes.clone()).await;
            assert_eq!(
                (status, error_code(&e)),
                (StatusCode::FORBIDDEN, "forbidden"),
                "{method} {path}"
            );
            denials += 1;
        }
    }
    // `Authorization` with another scheme is no key; `X-Api-Key` works.
    let resp = s
        .client
        .get(s.url("/v1/policy"))
        .header("authorization", format!("Basic {}", s.read))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    denials += 1;
    let resp = s
        .client
        .get(s.url("/v1/policy"))
        .header("x-api-key", &s.read)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    // Admin may do everything.
    let (status, _) = s.post("/v1/posts", &s.admin, post).await;
    assert_eq!(status, StatusCode::OK);
    let after = denied_count(&s.metrics().await);
    // The recorder is process-wide and both backends run in this process: at least ours.
    assert!(
        after - before >= denials as f64,
        "denied counter {before} → {after}, expected +{denials}"
    );
    s.stop().await;
}

fn denied_count(metrics: &str) -> f64 {
    metrics
        .lines()
        .filter(|l| l.starts_with("vigie_denied_requests_total"))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

const STRICT_POLICY: &str = r#"
[policy]
name = "strict-test"
description = "Removes every post longer than 10 characters."

[[rule]]
id = "long-posts"
description = "test rule"
when = 'post.length > 10'
action = "remove"
reason_code = "too_long"
"#;

async fn policy_is_replaced_kept_audited_and_backtested(backend: Backend) {
    let s = backend.start().await;
    let texts = [
        "short",
        "a longer calm post",
        "another long calm post",
        "tiny",
    ];
    for (i, t) in texts.iter().enumerate() {
        let (status, _) = s
            .post(
                "/v1/posts",
                &s.ingest,
                json!({"id": format!("q{i}"), "text": t}),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, before) = s.get("/v1/policy", &s.read).await;
    assert_eq!(status, StatusCode::OK, "{before}");
    let old_version = before["version"].as_str().unwrap().to_string();
    assert!(before["text"].as_str().unwrap().contains("[policy]"));

    // Backtest: what would change is computed from the stored decisions.
    let (status, bt) = s
        .post(
            "/v1/policy:backtest",
            &s.admin,
            json!({"policy": STRICT_POLICY, "sample": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{bt}");
    let mut expected = 0u64;
    for (i, t) in texts.iter().enumerate() {
        let stored = s
            .state
            .store
            .decision_for_post("default", &format!("q{i}"))
            .await
            .unwrap()
            .unwrap();
        // The candidate removes long posts and allows the rest.
        let candidate = if t.chars().count() > 10 {
            "remove"
        } else {
            "allow"
        };
        if stored.decision.action.name() != candidate {
            expected += 1;
        }
    }
    assert_eq!(bt["posts"], 4);
    assert_eq!(bt["changed"], expected);
    assert_eq!(
        bt["sample"].as_array().unwrap().len() as u64,
        expected.min(1)
    );
    assert_eq!(
        bt["transitions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["count"].as_u64().unwrap())
            .sum::<u64>(),
        expected
    );
    let (_, empty) = s
        .post(
            "/v1/policy:backtest",
            &s.admin,
            json!({"policy": STRICT_POLICY, "since": "2100-01-01T00:00:00Z"}),
        )
        .await;
    assert_eq!(empty["posts"], 0);
    let (status, e) = s
        .post(
            "/v1/policy:backtest",
            &s.admin,
            json!({"policy": "not = [toml"}),
        )
        .await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_policy")
    );

    // An invalid policy is refused and changes nothing.
    let (status, e) = s
        .send(
            "PUT",
            "/v1/policy",
            Some(&s.admin),
            Some(
                json!({"policy": "[[rule]]\nid = 1"})
                    .to_string()
                    .into_bytes(),
            ),
        )
        .await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_policy")
    );
    let body = json!({"policy": STRICT_POLICY, "reason": "test tightening"})
        .to_string()
        .into_bytes();
    let (status, change) = s
        .send("PUT", "/v1/policy", Some(&s.admin), Some(body.clone()))
        .await;
    assert_eq!(status, StatusCode::OK, "{change}");
    assert_eq!(change["changed"], true);
    assert_eq!(change["previous_version"], old_version.as_str());
    let new_version = change["version"].as_str().unwrap().to_string();
    assert_ne!(new_version, old_version);
    let (_, same) = s
        .send("PUT", "/v1/policy", Some(&s.admin), Some(body))
        .await;
    assert_eq!(same["changed"], false);

    let (_, now) = s.get("/v1/policy", &s.read).await;
    assert_eq!(now["version"], new_version.as_str());
    assert_eq!(now["name"], "strict-test");
    let (_, d) = s
        .post(
            "/v1/posts",
            &s.ingest,
            json!({"id": "after", "text": "this is long enough"}),
        )
        .await;
    assert_eq!(d["decision"]["action"], "remove");
    assert_eq!(d["decision"]["reason_code"], "too_long");
    assert_eq!(d["decision"]["policy_version"], new_version.as_str());

    let history = s.state.store.policy_history().await.unwrap();
    assert_eq!(history.len(), 2, "the start-up policy and the replacement");
    let audit = s.state.store.audit_entries(0, 1000).await.unwrap();
    let change_entry = audit
        .iter()
        .rev()
        .find(|e| e.kind == "policy.change")
        .unwrap();
    assert_eq!(change_entry.policy_version, new_version);
    assert_eq!(change_entry.reason, "test tightening");
    assert!(change_entry.actor.starts_with("key:"));
    s.stop().await;

    // A restart keeps the replaced policy in force.
    let s = backend.start().await;
    let (_, p) = s.get("/v1/policy", &s.read).await;
    assert_eq!(p["version"], new_version.as_str());
    assert!(s.state.store.verify_audit().await.unwrap().broken.is_none());
    s.stop().await;
}

async fn bad_input_gets_a_coded_error_and_the_server_keeps_serving(backend: Backend) {
    let s = backend.start().await;
    let cases: Vec<(Vec<u8>, StatusCode, &str)> = vec![
        (b"".to_vec(), StatusCode::BAD_REQUEST, "empty_body"),
        (b"  \n".to_vec(), StatusCode::BAD_REQUEST, "empty_body"),
        (
            b"{\"id\": \"u\", \"text\": \"\xff\xfe\"}".to_vec(),
            StatusCode::BAD_REQUEST,
            "invalid_utf8",
        ),
        (
            b"{\"id\": \"u\", \"text\": ".to_vec(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            b"not json".to_vec(),
            StatusCode::BAD_REQUEST,
            "malformed_json",
        ),
        (
            b"{\"id\": \"u\", \"text\": \"t\", \"colour\": 1}".to_vec(),
            StatusCode::BAD_REQUEST,
            "unknown_field",
        ),
        (
            b"{\"id\": \"u\", \"text\": \"t\", \"context\": {\"mood\": 1}}".to_vec(),
            StatusCode::BAD_REQUEST,
            "unknown_field",
        ),
        (
            b"{\"id\": \"u\"}".to_vec(),
            StatusCode::BAD_REQUEST,
            "missing_field",
        ),
        (
            b"{\"id\": 5, \"text\": \"t\"}".to_vec(),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (b"[1, 2]".to_vec(), StatusCode::BAD_REQUEST, "invalid_field"),
        (
            json!({"id": "u", "text": "é".repeat(501)})
                .to_string()
                .into_bytes(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "post_too_long",
        ),
        (
            json!({"id": "u", "text": "x".repeat(100_000)})
                .to_string()
                .into_bytes(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
        ),
        (
            json!({"id": "", "text": "t"}).to_string().into_bytes(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
        (
            json!({"id": "i".repeat(300), "text": "t"})
                .to_string()
                .into_bytes(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
        ),
    ];
    for (body, status, code) in cases {
        let shown = String::from_utf8_lossy(&body[..body.len().min(60)]).into_owned();
        let (got, e) = s
            .send("POST", "/v1/posts", Some(&s.ingest), Some(body))
            .await;
        assert_eq!((got, error_code(&e)), (status, code), "body {shown:?}: {e}");
        assert!(
            e["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    }
    // Exactly at the limit is accepted.
    let (status, _) = s
        .post(
            "/v1/posts",
            &s.ingest,
            json!({"id": "edge", "text": "é".repeat(500)}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = s.send("GET", "/healthz", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        s.state
            .store
            .decision_for_post("default", "u")
            .await
            .unwrap()
            .is_none()
    );
    s.stop().await;
}

async fn ops_endpoints_answer(backend: Backend) {
    let s = backend.start().await;
    let (status, h) = s.send("GET", "/healthz", None, None).await;
    assert_eq!((status, h["status"].as_str()), (StatusCode::OK, Some("ok")));
    let (status, r) = s.send("GET", "/readyz", None, None).await;
    assert_eq!(
        (status, r["status"].as_str()),
        (StatusCode::OK, Some("ready"))
    );
    s.post("/v1/posts", &s.ingest, json!({"id": "m1", "text": "hello"}))
        .await;
    let m = s.metrics().await;
    for name in [
        "vigie_http_requests_total",
        "vigie_http_request_duration_seconds_bucket",
        "vigie_decisions_total",
        "vigie_db_duration_seconds_bucket",
    ] {
        assert!(m.contains(name), "{name} missing from /metrics:\n{m}");
    }
    assert!(m.contains("route=\"/v1/posts\""));
    // The OpenAPI description lists every route, and every route it lists exists.
    let (status, doc) = s.send("GET", "/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for route in [
        "/v1/posts",
        "/v1/posts:batch",
        "/v1/decisions",
        "/v1/decisions/{id}",
        "/v1/policy",
        "/v1/policy:backtest",
        "/v1/moderations",
        "/v1alpha1/comments:analyze",
        "/v1/audit",
        "/v1/reports",
        "/v1/cases/{id}/decisions",
        "/v1/appeals",
        "/v1/webhooks",
        "/healthz",
        "/readyz",
        "/metrics",
    ] {
        assert!(
            paths.contains_key(route),
            "{route} missing from /openapi.json"
        );
    }
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let concrete = path
                .replace("{id}", "some-id")
                .replace("{name}", "general")
                .replace("{author}", "someone")
                .replace("{key}", "some-key");
            let (status, body) = s
                .send(
                    &method.to_uppercase(),
                    &concrete,
                    Some(&s.admin),
                    Some(b"{}".to_vec()),
                )
                .await;
            // A 404 about the resource (no such decision, case…) still means it is routed.
            let unrouted = body["error"]["message"] == "no such endpoint";
            assert!(
                status != StatusCode::METHOD_NOT_ALLOWED && !unrouted,
                "{method} {path} in /openapi.json is not served: {status} {body}"
            );
        }
    }
    let (status, e) = s.send("GET", "/v2/nothing", None, None).await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let (status, e) = s.send("DELETE", "/v1/posts", Some(&s.admin), None).await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    // After closing the store the service is alive but not ready.
    s.state.store.close().await;
    let (status, e) = s.send("GET", "/readyz", None, None).await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    );
    let (status, _) = s.send("GET", "/healthz", None, None).await;
    assert_eq!(status, StatusCode::OK);
    // Requests that need the database say so, with a code clients can retry on.
    let resp = s
        .client
        .post(s.url("/v1/posts"))
        .bearer_auth(&s.ingest)
        .json(&json!({"id": "late", "text": "hello"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    let e: Value = resp.json().await.unwrap();
    assert_eq!(error_code(&e), "unavailable");
    s.stop().await;
}

async fn keys_are_rate_limited(backend: Backend) {
    let config = ServerConfig {
        rate_limit_per_second: 1,
        rate_limit_burst: 3,
        ..backend.config()
    };
    let s = backend.start_with(config).await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        let resp = s
            .client
            .get(s.url("/v1/policy"))
            .bearer_auth(&s.read)
            .send()
            .await
            .unwrap();
        statuses.push((resp.status(), resp.headers().get("retry-after").is_some()));
    }
    assert_eq!(&statuses[..3], &[(StatusCode::OK, false); 3]);
    assert_eq!(statuses[4], (StatusCode::TOO_MANY_REQUESTS, true));
    // Another key has its own bucket.
    let (status, _) = s.get("/v1/policy", &s.admin).await;
    assert_eq!(status, StatusCode::OK);
    let (_, e) = s.get("/v1/policy", &s.read).await;
    assert_eq!(error_code(&e), "rate_limited");
    s.stop().await;
}

async fn concurrent_duplicates_store_one_decision(backend: Backend) {
    let s = Arc::new(backend.start().await);
    let mut tasks = Vec::new();
    for i in 0..16 {
        let s = s.clone();
        tasks.push(tokio::spawn(async move {
            s.post(
                "/v1/posts",
                &s.ingest,
                json!({"id": format!("dup{}", i % 4), "text": "same same"}),
            )
            .await
        }));
    }
    let mut ids = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for t in tasks {
        let (status, body) = t.await.unwrap();
        assert_eq!(status, StatusCode::OK, "{body}");
        ids.entry(body["post_id"].as_str().unwrap().to_string())
            .or_default()
            .insert(body["id"].as_str().unwrap().to_string());
    }
    assert_eq!(ids.len(), 4);
    assert!(ids.values().all(|v| v.len() == 1), "{ids:?}");
    let report = s.state.store.verify_audit().await.unwrap();
    assert!(report.broken.is_none());
    // The start-up policy, the three keys, one decision per distinct post.
    assert_eq!(report.entries, 1 + 3 + 4);
    match Arc::try_unwrap(s) {
        Ok(s) => s.stop().await,
        Err(_) => panic!("server still shared"),
    }
}

async fn compatible_endpoints_agree_with_decisions(backend: Backend) {
    let s = backend.start().await;
    let texts = [
        "have a lovely day",
        "I will kill you tomorrow",
        "you are an idiot",
    ];
    for (i, text) in texts.iter().enumerate() {
        let (_, decided) = s
            .post(
                "/v1/posts",
                &s.ingest,
                json!({"id": format!("c{i}"), "text": text}),
            )
            .await;
        let category_score = |names: &[&str]| {
            decided["decision"]["categories"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| names.contains(&c["category"].as_str().unwrap()))
                .map(|c| c["score"].as_f64().unwrap())
                .fold(0.0, f64::max)
        };
        // Perspective, with the key in the query string as its clients send it.
        let resp = s
            .client
            .post(s.url(&format!("/v1alpha1/comments:analyze?key={}", s.ingest)))
            .json(&json!({"comment": {"text": text}, "languages": ["en"], "requestedAttributes": {"THREAT": {}, "IDENTITY_ATTACK": {}}, "doNotStore": true}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let p: Value = resp.json().await.unwrap();
        let scores = p["attributeScores"].as_object().unwrap();
        assert_eq!(scores.len(), 2);
        let threat = scores["THREAT"]["summaryScore"]["value"].as_f64().unwrap();
        assert!(
            (threat - category_score(&["violence_threat", "incitement"])).abs() < 1e-6,
            "{p}"
        );
        let identity = scores["IDENTITY_ATTACK"]["summaryScore"]["value"]
            .as_f64()
            .unwrap();
        assert!((identity - category_score(&["hate"])).abs() < 1e-6);
        assert_eq!(
            scores["THREAT"]["spanScores"][0]["end"],
            text.encode_utf16().count()
        );
        // OpenAI: flagged exactly when the policy acts.
        let (status, m) = s
            .post(
                "/v1/moderations",
                &s.ingest,
                json!({"input": [text], "model": "omni-moderation-latest"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{m}");
        let r = &m["results"][0];
        assert_eq!(
            r["flagged"],
            decided["decision"]["action"] != "allow",
            "{m} vs {decided}"
        );
        let violence = r["category_scores"]["violence"].as_f64().unwrap();
        assert!((violence - category_score(&["violence_threat", "incitement"])).abs() < 1e-6);
        assert_eq!(r["categories"]["violence"], violence >= 0.5);
    }
    let (status, m) = s
        .post("/v1/moderations", &s.ingest, json!({"input": "just one"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(m["results"].as_array().unwrap().len(), 1);
    let (status, e) = s
        .post("/v1/moderations", &s.ingest, json!({"input": vec!["x"; 6]}))
        .await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::PAYLOAD_TOO_LARGE, "batch_too_large")
    );
    let (status, e) = s
        .post(
            "/v1/moderations",
            &s.ingest,
            json!({"input": [{"type": "image_url"}]}),
        )
        .await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::BAD_REQUEST, "invalid_field")
    );
    let (status, e) = s
        .post(
            "/v1alpha1/comments:analyze",
            &s.ingest,
            json!({"comment": {"text": "x"}, "requestedAttributes": {"FLIRTATION": {}}}),
        )
        .await;
    assert_eq!(
        (status, e["error"]["details"][0]["reason"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_field"))
    );
    let (status, e) = s
        .post("/v1/moderations", &s.read, json!({"input": "x"}))
        .await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    // Analysis only: nothing stored beyond the three posts.
    let (_, all) = s.get("/v1/decisions", &s.read).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 3);
    s.stop().await;
}

/// A documented field and the check of its documented JSON type.
type FieldType<'a> = (&'a str, fn(&Value) -> bool);

/// Every field of `value` named in `fields`, with the JSON type the documentation gives.
fn assert_fields(value: &Value, fields: &[FieldType<'_>], context: &str) {
    for (field, has_type) in fields {
        let v = &value[*field];
        assert!(
            has_type(v),
            "{context}: `{field}` missing or of the wrong type in {value}"
        );
    }
}

fn is_probability(v: &Value) -> bool {
    v.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x))
}

/// Perspective's `score` object: `{"value": float, "type": string}`.
fn assert_score(score: &Value, context: &str) {
    assert_fields(
        score,
        &[("value", is_probability), ("type", Value::is_string)],
        context,
    );
    assert_eq!(score["type"], "PROBABILITY", "{context}");
}

/// Google's error envelope, as Perspective answers: `{"error": {"code": int, "message":
/// string, "status": string}}`.
fn assert_google_error(body: &Value, status: StatusCode, google_status: &str) {
    let e = &body["error"];
    assert_eq!(
        e["code"].as_u64(),
        Some(u64::from(status.as_u16())),
        "{body}"
    );
    assert!(
        e["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert_eq!(e["status"], google_status, "{body}");
    assert!(e["details"][0]["reason"].is_string(), "{body}");
}

/// OpenAI's error envelope: `{"error": {"message": string, "type": string, "param": ...,
/// "code": ...}}`.
fn assert_openai_error(body: &Value) {
    let e = &body["error"];
    assert!(
        e["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{body}"
    );
    assert!(e["type"].is_string(), "{body}");
    assert!(
        e.get("param").is_some() && e.get("code").is_some(),
        "{body}"
    );
}

const OPENAI_CATEGORIES: [&str; 13] = [
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
];

/// One OpenAI moderation result: every documented field with its documented type.
fn assert_moderation_result(r: &Value) {
    assert!(r["flagged"].is_boolean(), "{r}");
    for category in OPENAI_CATEGORIES {
        assert!(r["categories"][category].is_boolean(), "{category}: {r}");
        assert!(
            is_probability(&r["category_scores"][category]),
            "{category}: {r}"
        );
        let types = r["category_applied_input_types"][category]
            .as_array()
            .unwrap_or_else(|| panic!("{category}: {r}"));
        assert!(types.iter().all(|t| t == "text"), "{category}: {r}");
        // A category vigie cannot score says so instead of passing for a real 0.
        let unscored = r["unscored_categories"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == category);
        assert_eq!(types.is_empty(), unscored, "{category}: {r}");
    }
}

/// The request bodies of Perspective's and OpenAI's public documentation, sent verbatim; the
/// answers must carry every documented field with its documented type (values are ours).
async fn compatible_endpoints_take_documented_examples(backend: Backend) {
    let s = backend.start().await;
    let analyze = |key: &str| s.url(&format!("/v1alpha1/comments:analyze?key={key}"));
    let send = |url: String, body: &'static str| {
        let client = s.client.clone();
        async move {
            let resp = client
                .post(url)
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .unwrap();
            let status = resp.status();
            (status, resp.json::<Value>().await.unwrap())
        }
    };

    // https://github.com/conversationai/perspectiveapi/blob/master/1-get-started/sample.md
    // ("Using Python": the request body, the key in the query string).
    let (status, body) = send(
        analyze(&s.ingest),
        r#"{"comment": {"text": "what kind of idiot name is foo?"}, "languages": ["en"], "requestedAttributes": {"TOXICITY": {}}}"#,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // https://github.com/conversationai/perspectiveapi/blob/master/2-api/methods.md
    // (`AnalyzeComment` response): attributeScores.<name>.summaryScore.{value, type},
    // attributeScores.<name>.spanScores[].{begin, end, score.{value, type}}, languages.
    let toxicity = &body["attributeScores"]["TOXICITY"];
    assert_score(&toxicity["summaryScore"], "summaryScore");
    let spans = toxicity["spanScores"].as_array().expect("spanScores");
    assert!(!spans.is_empty());
    for span in spans {
        assert_fields(
            span,
            &[("begin", Value::is_u64), ("end", Value::is_u64)],
            "spanScores[]",
        );
        assert!(span["begin"].as_u64() < span["end"].as_u64(), "{span}");
        assert_score(&span["score"], "spanScores[].score");
    }
    assert_eq!(body["languages"], json!(["en"]));
    assert_eq!(body["attributeScores"].as_object().unwrap().len(), 1);

    // methods.md, `AnalyzeComment` example: it also asks for UNSUBSTANTIAL, which vigie does
    // not score, so the answer is an error in Google's envelope naming it.
    let (status, body) = send(
        analyze(&s.ingest),
        r#"{
  "comment": {
     "text": "What kind of idiot name is foo? Sorry, I like your name."
  },
  "languages": ["en"],
  "requestedAttributes": {
    "TOXICITY": {},
    "UNSUBSTANTIAL": {}
  }
}"#,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_google_error(&body, status, "INVALID_ARGUMENT");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("UNSUBSTANTIAL")
    );

    // methods.md, `AnalyzeComment` request: every documented field at once; clientToken is
    // mirrored, scoreThreshold drops the scores below it.
    let (status, body) = send(
        analyze(&s.ingest),
        r#"{
  "comment": {"text": "I will kill you tomorrow", "type": "PLAIN_TEXT"},
  "context": {"entries": [{"text": "what do you think of the match?", "type": "PLAIN_TEXT"}]},
  "requestedAttributes": {
    "THREAT": {"scoreType": "PROBABILITY", "scoreThreshold": 0.0},
    "PROFANITY": {"scoreType": "PROBABILITY", "scoreThreshold": 1.01}
  },
  "languages": ["en"],
  "doNotStore": true,
  "clientToken": "comment-53922",
  "sessionId": "session-1",
  "spanAnnotations": true
}"#,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["clientToken"], "comment-53922");
    assert_score(&body["attributeScores"]["THREAT"]["summaryScore"], "THREAT");
    assert!(body["attributeScores"].get("PROFANITY").is_none(), "{body}");

    // Errors keep Google's envelope whatever went wrong: no key, a bad key, a bad body.
    let (status, body) = send(
        s.url("/v1alpha1/comments:analyze"),
        r#"{"comment": {"text": "x"}, "requestedAttributes": {"TOXICITY": {}}}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_google_error(&body, status, "UNAUTHENTICATED");
    let (status, body) = send(
        analyze(&s.read),
        r#"{"comment": {"text": "x"}, "requestedAttributes": {"TOXICITY": {}}}"#,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_google_error(&body, status, "PERMISSION_DENIED");
    let (status, body) = send(analyze(&s.ingest), r#"{"comment": {"text": "x"}"#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_google_error(&body, status, "INVALID_ARGUMENT");
    assert_eq!(body["error"]["details"][0]["reason"], "malformed_json");

    // https://platform.openai.com/docs/api-reference/moderations/create: the documented
    // request (string input) and response fields id, model, results[].{flagged, categories,
    // category_scores, category_applied_input_types}.
    let moderations = s.url("/v1/moderations");
    let post = |body: &'static str, key: &str| {
        let req = s
            .client
            .post(moderations.clone())
            .bearer_auth(key)
            .header("content-type", "application/json")
            .body(body);
        async move {
            let resp = req.send().await.unwrap();
            let status = resp.status();
            (status, resp.json::<Value>().await.unwrap())
        }
    };
    let (status, body) = post(r#"{"input": "I want to kill them."}"#, &s.ingest).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_fields(
        &body,
        &[
            ("id", Value::is_string),
            ("model", Value::is_string),
            ("results", Value::is_array),
        ],
        "moderation",
    );
    assert_eq!(body["results"].as_array().unwrap().len(), 1);
    assert_moderation_result(&body["results"][0]);
    // The same page documents `input` as a string or an array of strings (one result each)…
    let (status, body) = post(
        r#"{"input": ["I want to kill them.", "Have a lovely day."], "model": "omni-moderation-latest"}"#,
        &s.ingest,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let results = body["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    results.iter().for_each(assert_moderation_result);
    // …or an array of multi-modal parts, one input together
    // (https://platform.openai.com/docs/guides/moderation); images are refused, in OpenAI's
    // error envelope.
    let (status, body) = post(
        r#"{"model": "omni-moderation-latest", "input": [{"type": "text", "text": "...text to classify goes here..."}]}"#,
        &s.ingest,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["results"].as_array().unwrap().len(), 1);
    assert_moderation_result(&body["results"][0]);
    let (status, body) = post(
        r#"{"model": "omni-moderation-latest", "input": [{"type": "text", "text": "...text to classify goes here..."}, {"type": "image_url", "image_url": {"url": "https://example.com/image.png"}}]}"#,
        &s.ingest,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_openai_error(&body);
    assert_eq!(body["error"]["code"], "invalid_field");
    let (status, body) = post(r#"{"input": "I want to kill them."}"#, &s.read).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_openai_error(&body);
    assert_eq!(body["error"]["type"], "permission_error");
    s.stop().await;
}

/// A revoked key stops working at once on the server that revoked it, and soon on a server
/// that only sees the revocation in the database (another process ran `vigie keys revoke`).
async fn revoked_keys_stop_working_despite_the_key_cache(backend: Backend) {
    let s = backend.start().await;
    s.state
        .store
        .set_key_cache_ttl(std::time::Duration::from_millis(200));
    let post = |key: String, id: String| {
        let s = &s;
        async move {
            s.post("/v1/posts", &key, json!({"id": id, "text": "hello there"}))
                .await
                .0
        }
    };
    let here = s
        .state
        .store
        .create_key("here", &[Scope::Ingest], "test")
        .await
        .unwrap();
    assert_eq!(
        post(here.token.clone(), "r1".to_string()).await,
        StatusCode::OK
    );
    assert!(
        s.state
            .store
            .revoke_key(&here.key.id, "test", "leaked")
            .await
            .unwrap()
    );
    assert_eq!(
        post(here.token.clone(), "r2".to_string()).await,
        StatusCode::UNAUTHORIZED
    );

    let elsewhere = s
        .state
        .store
        .create_key("elsewhere", &[Scope::Ingest], "test")
        .await
        .unwrap();
    assert_eq!(
        post(elsewhere.token.clone(), "r3".to_string()).await,
        StatusCode::OK
    );
    let location = match (&backend.database_url, &backend.data_dir) {
        (Some(url), _) => vigie_store::Location::Url(url.clone()),
        (None, Some(dir)) => vigie_store::Location::DataDir(dir.clone()),
        (None, None) => unreachable!("a backend has a database"),
    };
    let other = vigie_store::Store::open(&location).await.unwrap();
    assert!(
        other
            .revoke_key(&elsewhere.key.id, "cli:test", "leaked")
            .await
            .unwrap()
    );
    other.close().await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut n = 0;
    loop {
        n += 1;
        match post(elsewhere.token.clone(), format!("r4-{n}")).await {
            StatusCode::UNAUTHORIZED => break,
            StatusCode::OK => {}
            other => panic!("unexpected {other}"),
        }
        assert!(
            std::time::Instant::now() < deadline,
            "a key revoked by another process still works after 10 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    s.stop().await;
}

async fn audit_log_is_readable_and_policies_follow_across_servers(backend: Backend) {
    let config = ServerConfig {
        policy_poll_ms: 50,
        ..backend.config()
    };
    let a = backend.start_with(config.clone()).await;
    let b = backend.start_with(config).await;
    // Pages of the audit log, in order, agreeing with the store's chain.
    for i in 0..3 {
        a.post(
            "/v1/posts",
            &a.ingest,
            json!({"id": format!("au{i}"), "text": "fine"}),
        )
        .await;
    }
    let mut seqs = Vec::new();
    let mut path = "/v1/audit?limit=4".to_string();
    loop {
        let (status, page) = a.get(&path, &a.admin).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let entries = page["entries"].as_array().unwrap();
        for pair in entries.windows(2) {
            assert_eq!(pair[1]["prev_hash"], pair[0]["hash"]);
        }
        seqs.extend(entries.iter().map(|e| e["seq"].as_i64().unwrap()));
        match page["next_after"].as_i64() {
            Some(after) => path = format!("/v1/audit?limit=4&after={after}"),
            None => break,
        }
    }
    let total = a.state.store.verify_audit().await.unwrap().entries as i64;
    assert_eq!(seqs, (1..=total).collect::<Vec<_>>());
    let (status, e) = a.get("/v1/audit", &a.read).await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let (status, e) = a.get("/v1/audit?after=x", &a.admin).await;
    assert_eq!(
        (status, error_code(&e)),
        (StatusCode::BAD_REQUEST, "invalid_query")
    );

    // A policy changed through server A is put in force by server B.
    let body = json!({"policy": STRICT_POLICY}).to_string().into_bytes();
    let (status, change) = a
        .send("PUT", "/v1/policy", Some(&a.admin), Some(body))
        .await;
    assert_eq!(status, StatusCode::OK, "{change}");
    let version = change["version"].as_str().unwrap().to_string();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (_, d) = b.post("/v1/posts", &b.ingest, json!({"id": format!("follow-{:?}", std::time::Instant::now()), "text": "long enough to be removed"})).await;
        if d["decision"]["policy_version"] == version.as_str() {
            assert_eq!(d["decision"]["action"], "remove");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "server B never followed the policy change"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    a.stop().await;
    b.stop().await;
}

/// Mutated bodies (random bytes, truncations, splices of valid JSON) on every endpoint that
/// takes one: always a 4xx JSON error or a success, never a 5xx, and the server keeps serving.
async fn mangled_bodies_never_break_the_server(backend: Backend) {
    let s = backend.start().await;
    let valid = [
        (
            "POST",
            "/v1/posts",
            json!({"id": "f", "text": "hello there", "context": {"lang": "en", "reach": 3}})
                .to_string(),
        ),
        (
            "POST",
            "/v1/posts:batch",
            json!({"posts": [{"id": "g", "text": "hi"}]}).to_string(),
        ),
        (
            "PUT",
            "/v1/policy",
            json!({"policy": STRICT_POLICY}).to_string(),
        ),
        (
            "POST",
            "/v1/policy:backtest",
            json!({"policy": STRICT_POLICY, "since": "0"}).to_string(),
        ),
        (
            "POST",
            "/v1/moderations",
            json!({"input": ["a", "b"]}).to_string(),
        ),
        (
            "POST",
            "/v1alpha1/comments:analyze",
            json!({"comment": {"text": "x"}, "requestedAttributes": {"TOXICITY": {}}}).to_string(),
        ),
    ];
    // xorshift: a reproducible stream of mutations without another dependency.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..240 {
        let (method, path, body) = &valid[round % valid.len()];
        let mut bytes = body.clone().into_bytes();
        match next() % 4 {
            0 => {
                let cut = (next() as usize) % (bytes.len() + 1);
                bytes.truncate(cut);
            }
            1 => {
                for _ in 0..1 + next() % 4 {
                    let i = (next() as usize) % bytes.len().max(1);
                    if let Some(b) = bytes.get_mut(i) {
                        *b = next() as u8;
                    }
                }
            }
            2 => {
                let i = (next() as usize) % (bytes.len() + 1);
                let insert: &[u8] = match next() % 5 {
                    0 => b"\"extra\": 1, ",
                    1 => b"\xff\xfe",
                    2 => b"{[",
                    3 => b"\"\\u0000\"",
                    _ => b"null",
                };
                bytes.splice(i..i, insert.iter().copied());
            }
            _ => bytes = (0..(next() % 64)).map(|_| next() as u8).collect(),
        }
        let shown = String::from_utf8_lossy(&bytes).into_owned();
        let (status, e) = s.send(method, path, Some(&s.admin), Some(bytes)).await;
        assert!(
            !status.is_server_error(),
            "{method} {path} {shown:?}: {status} {e}"
        );
        if !status.is_success() {
            // Perspective's endpoint answers in Google's envelope (numeric code, our code
            // as the reason); every other one carries our string code.
            let code = if path.starts_with("/v1alpha1/") {
                &e["error"]["details"][0]["reason"]
            } else {
                &e["error"]["code"]
            };
            assert!(
                code.is_string() && e["error"]["message"].is_string(),
                "{method} {path} {shown:?}: {e}"
            );
        }
    }
    let (status, _) = s.send("GET", "/readyz", None, None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(s.state.store.verify_audit().await.unwrap().broken.is_none());
    s.stop().await;
}

const SCENARIOS: &[(&str, Scenario)] = scenarios![
    ingest_is_idempotent_and_readable,
    batches_are_bounded,
    every_denied_scope_is_refused,
    policy_is_replaced_kept_audited_and_backtested,
    bad_input_gets_a_coded_error_and_the_server_keeps_serving,
    ops_endpoints_answer,
    keys_are_rate_limited,
    concurrent_duplicates_store_one_decision,
    compatible_endpoints_agree_with_decisions,
    compatible_endpoints_take_documented_examples,
    revoked_keys_stop_working_despite_the_key_cache,
    audit_log_is_readable_and_policies_follow_across_servers,
    mangled_bodies_never_break_the_server,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_on_sqlite() {
    run_on_sqlite(SCENARIOS).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_on_postgres() {
    run_on_postgres("api", SCENARIOS).await;
}
