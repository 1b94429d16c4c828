//! The moderator console over plain HTTP against the real server on 127.0.0.1, on SQLite and
//! on a PostgreSQL the test starts: sign-in and its cookies, CSRF refusals, roles enforced by
//! every handler (not only hidden in the page), session expiry and sign-out, and every page
//! rendering. The browser end-to-end test is `console_browser.rs`.

use std::sync::Arc;

use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use vigie_review::Role;
use vigie_server::{AppState, ServerConfig};
use vigie_store::Scope;
mod common;

use common::{Backend, Scenario, run_on_postgres, run_on_sqlite};

const PASSWORD: &str = "correct horse battery";

struct Server {
    serving: common::Serving,
    client: Client,
    state: Arc<AppState>,
    admin: String,
}

async fn start(backend: &Backend) -> Server {
    let config = ServerConfig {
        listen: "127.0.0.1:0".into(),
        data_dir: backend.data_dir.clone().unwrap_or_default(),
        database_url: backend.database_url.clone(),
        rate_limit_per_second: 100_000,
        rate_limit_burst: 100_000,
        test_clock: true,
        ..ServerConfig::default()
    };
    let state = AppState::open(config).await.unwrap();
    let admin = state
        .store
        .create_key("admin", &[Scope::Admin, Scope::Ingest], "test")
        .await
        .unwrap()
        .token;
    for (name, role) in [
        ("alice", Role::Moderator),
        ("bob", Role::Moderator),
        ("tina", Role::Triage),
        ("ada", Role::Admin),
        ("otto", Role::Auditor),
    ] {
        state
            .store
            .create_user(name, role, PASSWORD, "test")
            .await
            .unwrap();
    }
    let serving = common::Serving::start(state.clone()).await;
    Server {
        serving,
        // Redirects are what these tests look at: never follow them.
        client: Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .unwrap(),
        state,
        admin,
    }
}

/// A browser's worth of state: its cookie and the CSRF token of its pages.
struct Browser {
    cookie: String,
    csrf: String,
}

fn set_cookies(resp: &reqwest::Response) -> Vec<String> {
    resp.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect()
}

fn cookie_value(set_cookie: &[String], name: &str) -> Option<String> {
    set_cookie.iter().find_map(|c| {
        let first = c.split(';').next()?;
        let (k, v) = first.split_once('=')?;
        (k == name && !v.is_empty()).then(|| v.to_string())
    })
}

/// The value of `<input type="hidden" name="csrf" value="…">` in a page.
fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_string())
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.serving.base)
    }

    async fn get(&self, path: &str, b: Option<&Browser>) -> reqwest::Response {
        let mut req = self.client.get(self.url(path));
        if let Some(b) = b {
            req = req.header(COOKIE, format!("vigie_session={}", b.cookie));
        }
        req.send().await.unwrap()
    }

    async fn post_form(
        &self,
        path: &str,
        b: Option<&Browser>,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let body: String = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut req = self
            .client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if let Some(b) = b {
            req = req.header(COOKIE, format!("vigie_session={}", b.cookie));
        }
        req.send().await.unwrap()
    }

    /// Signs in through the form, as a browser does; panics unless it works.
    async fn sign_in(&self, name: &str) -> Browser {
        let form = self
            .client
            .get(self.url("/console/login"))
            .send()
            .await
            .unwrap();
        let login_cookie = cookie_value(&set_cookies(&form), "vigie_login_csrf").unwrap();
        let html = form.text().await.unwrap();
        let csrf = csrf_in(&html).unwrap();
        assert_eq!(csrf, login_cookie, "double-submit token");
        let resp = self
            .client
            .post(self.url("/console/login"))
            .header(COOKIE, format!("vigie_login_csrf={login_cookie}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "name={name}&password={}&csrf={csrf}&next=/console/queues",
                urlencode(PASSWORD)
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "sign-in of {name}");
        let cookie = cookie_value(&set_cookies(&resp), "vigie_session").unwrap();
        let mut b = Browser {
            cookie,
            csrf: String::new(),
        };
        let page = self.get("/console/queues", Some(&b)).await;
        assert_eq!(page.status(), StatusCode::OK);
        b.csrf = csrf_in(&page.text().await.unwrap()).unwrap();
        b
    }

    async fn api(&self, method: &str, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method.parse().unwrap(), self.url(path))
            .bearer_auth(&self.admin);
        if let Some(b) = body {
            req = req
                .header("content-type", "application/json")
                .body(b.to_string());
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let bytes = resp.bytes().await.unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// A case opened by a report; returns its id.
    async fn case(&self, post_id: &str) -> String {
        let (status, body) = self
            .api(
                "POST",
                "/v1/reports",
                Some(
                    json!({"platform": "forum", "post_id": post_id, "author": "u1",
                            "reporter": "r1", "category": "harassment", "reason": "insults"}),
                ),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["case_id"].as_str().unwrap().to_string()
    }

    async fn case_status(&self, id: &str) -> String {
        let (status, body) = self.api("GET", &format!("/v1/cases/{id}"), None).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["case"]["status"].as_str().unwrap().to_string()
    }

    async fn stop(self) {
        self.serving.stop().await;
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

// ---------------------------------------------------------------- scenarios

async fn signed_out_people_are_sent_to_sign_in(backend: Backend) {
    let s = start(&backend).await;
    let case = s.case("p1").await;
    for page in [
        "/console/queues",
        "/console/dashboard",
        "/console/audit",
        &format!("/console/cases/{case}"),
    ] {
        let resp = s.get(page, None).await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER, "{page}");
        assert!(
            location(&resp).starts_with("/console/login?next=/console/"),
            "{page} → {}",
            location(&resp)
        );
    }
    // A form without a session is refused, and changes nothing.
    let resp = s
        .post_form(
            &format!("/console/cases/{case}/claim"),
            None,
            &[("csrf", "x")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    // A made-up session cookie is no session.
    let fake = Browser {
        cookie: "00".repeat(32),
        csrf: String::new(),
    };
    assert_eq!(
        s.get("/console/queues", Some(&fake)).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(s.case_status(&case).await, "open");
    s.stop().await;
}

async fn sign_in_sets_strict_cookies_and_refuses_bad_passwords(backend: Backend) {
    let s = start(&backend).await;
    // Wrong password: the form again, 401, no session.
    let form = s.client.get(s.url("/console/login")).send().await.unwrap();
    let token = cookie_value(&set_cookies(&form), "vigie_login_csrf").unwrap();
    let attempt = |password: &'static str, csrf: String, proto: Option<&'static str>| {
        let mut req = s
            .client
            .post(s.url("/console/login"))
            .header(COOKIE, format!("vigie_login_csrf={token}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "name=alice&password={}&csrf={csrf}",
                urlencode(password)
            ));
        if let Some(p) = proto {
            req = req.header("x-forwarded-proto", p);
        }
        req.send()
    };
    let resp = attempt("wrong password!", token.clone(), None)
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert!(cookie_value(&set_cookies(&resp), "vigie_session").is_none());
    assert!(
        resp.text()
            .await
            .unwrap()
            .contains("Wrong name or password")
    );
    // Right password but a token that is not this browser's: refused (login CSRF).
    let resp = attempt(PASSWORD, "f".repeat(32), None).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(cookie_value(&set_cookies(&resp), "vigie_session").is_none());
    // Right: a session cookie that scripts cannot read and other sites never send.
    let resp = attempt(PASSWORD, token.clone(), None).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let cookies = set_cookies(&resp);
    let session = cookies
        .iter()
        .find(|c| c.starts_with("vigie_session="))
        .unwrap();
    for attr in ["HttpOnly", "SameSite=Strict", "Path=/console"] {
        assert!(session.contains(attr), "{session}");
    }
    assert!(!session.contains("Secure"), "plain HTTP: {session}");
    // Behind a TLS proxy the cookie is Secure.
    let resp = attempt(PASSWORD, token.clone(), Some("https"))
        .await
        .unwrap();
    let cookies = set_cookies(&resp);
    let session = cookies
        .iter()
        .find(|c| c.starts_with("vigie_session="))
        .unwrap();
    assert!(session.contains("; Secure"), "{session}");
    // Sign-ins are in the audit log.
    let (_, audit) = s.api("GET", "/v1/audit?limit=1000", None).await;
    let logins = audit["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "console.login" && e["actor"] == "user:alice")
        .count();
    assert_eq!(logins, 2);
    s.stop().await;
}

async fn forms_without_the_csrf_token_are_refused(backend: Backend) {
    let s = start(&backend).await;
    let case = s.case("p2").await;
    let alice = s.sign_in("alice").await;
    let claim = format!("/console/cases/{case}/claim");
    // No token, then another token: 403, and the case is still open.
    let resp = s.post_form(&claim, Some(&alice), &[]).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(resp.text().await.unwrap().contains("CSRF"));
    let resp = s
        .post_form(&claim, Some(&alice), &[("csrf", &"0".repeat(32))])
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(s.case_status(&case).await, "open");
    // Another session's token does not do either.
    let tina = s.sign_in("tina").await;
    let resp = s
        .post_form(&claim, Some(&alice), &[("csrf", &tina.csrf)])
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(s.case_status(&case).await, "open");
    // Sign-out needs it too.
    let resp = s.post_form("/console/logout", Some(&alice), &[]).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    // With it: claimed, and sent to the case page.
    let resp = s
        .post_form(&claim, Some(&alice), &[("csrf", &alice.csrf)])
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(location(&resp).starts_with(&format!("/console/cases/{case}")));
    assert_eq!(s.case_status(&case).await, "assigned");
    s.stop().await;
}

async fn roles_are_enforced_by_the_server(backend: Backend) {
    let s = start(&backend).await;
    let case = s.case("p3").await;
    let otto = s.sign_in("otto").await;
    let tina = s.sign_in("tina").await;
    let alice = s.sign_in("alice").await;

    // The auditor reads everything…
    for page in [
        "/console/queues",
        "/console/audit",
        "/console/policy",
        "/console/dashboard",
        "/console/appeals",
    ] {
        assert_eq!(
            s.get(page, Some(&otto)).await.status(),
            StatusCode::OK,
            "{page}"
        );
    }
    let html = s
        .get(&format!("/console/cases/{case}"), Some(&otto))
        .await
        .text()
        .await
        .unwrap();
    // …is offered no action…
    assert!(
        !html.contains("id=\"claim\""),
        "auditor sees a claim button"
    );
    assert!(html.contains("id=\"read-only\""));
    // …and is refused each one when the form is sent anyway.
    let forms: [(&str, Vec<(&str, &str)>); 4] = [
        ("claim", vec![]),
        ("escalate", vec![("reason", "look")]),
        ("decide", vec![("action", "remove"), ("reason_code", "x")]),
        ("appeal", vec![("appellant", "u1"), ("statement", "s")]),
    ];
    for (action, fields) in &forms {
        let mut fields = fields.clone();
        fields.push(("csrf", &otto.csrf));
        let resp = s
            .post_form(
                &format!("/console/cases/{case}/{action}"),
                Some(&otto),
                &fields,
            )
            .await;
        assert_eq!(resp.status(), StatusCode::FORBIDDEN, "auditor {action}");
    }
    // Triage may escalate but not claim or decide; it cannot read the audit log.
    let resp = s
        .post_form(
            &format!("/console/cases/{case}/claim"),
            Some(&tina),
            &[("csrf", &tina.csrf)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        s.get("/console/audit", Some(&tina)).await.status(),
        StatusCode::FORBIDDEN
    );
    // Moderators neither read the audit log nor run backtests.
    assert_eq!(
        s.get("/console/policy", Some(&alice)).await.status(),
        StatusCode::FORBIDDEN
    );
    let resp = s
        .post_form(
            "/console/policy/backtest",
            Some(&otto),
            &[("csrf", &otto.csrf), ("policy", "")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN, "auditor backtest");
    assert_eq!(s.case_status(&case).await, "open");
    // The one who may: triage escalates.
    let resp = s
        .post_form(
            &format!("/console/cases/{case}/escalate"),
            Some(&tina),
            &[("csrf", &tina.csrf), ("reason", "needs a senior look")],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.case_status(&case).await, "escalated");
    s.stop().await;
}

async fn sessions_expire_and_end_at_sign_out(backend: Backend) {
    let s = start(&backend).await;
    let alice = s.sign_in("alice").await;
    // Active within the idle timeout: still signed in after 20 minutes, then 20 more.
    for _ in 0..2 {
        let (status, _) = s
            .api(
                "POST",
                "/v1/test/clock",
                Some(json!({"advance_seconds": 20 * 60})),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            s.get("/console/queues", Some(&alice)).await.status(),
            StatusCode::OK
        );
    }
    // 31 idle minutes: the session is over.
    s.api(
        "POST",
        "/v1/test/clock",
        Some(json!({"advance_seconds": 31 * 60})),
    )
    .await;
    let resp = s.get("/console/queues", Some(&alice)).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    // Sign-out ends the session for good: the old cookie no longer works.
    let bob = s.sign_in("tina").await;
    let resp = s
        .post_form("/console/logout", Some(&bob), &[("csrf", &bob.csrf)])
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(
        set_cookies(&resp)
            .iter()
            .any(|c| c.starts_with("vigie_session=;") && c.contains("Max-Age=0"))
    );
    assert_eq!(
        s.get("/console/queues", Some(&bob)).await.status(),
        StatusCode::SEE_OTHER
    );
    // The row is gone, not only the cookie.
    assert!(
        s.state
            .store
            .console_session(&bob.cookie, 0)
            .await
            .unwrap()
            .is_none()
    );
    s.stop().await;
}

async fn every_page_renders_what_it_is_about(backend: Backend) {
    let s = start(&backend).await;
    // A post vigie flags, by author u7: a case with evidence.
    let (status, body) = s
        .api(
            "POST",
            "/v1/posts",
            Some(json!({"platform": "forum", "id": "t1", "author": "u7",
                        "text": "You are a worthless idiot and a stupid moron, shut up"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ada = s.sign_in("ada").await;
    let queues = s.get("/console/queues?queue=general", Some(&ada)).await;
    assert_eq!(queues.status(), StatusCode::OK);
    let html = queues.text().await.unwrap();
    assert!(html.contains("post forum/t1 by u7"), "{html}");
    let case = html
        .split("data-case=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let html = s
        .get(&format!("/console/cases/{case}"), Some(&ada))
        .await
        .text()
        .await
        .unwrap();
    // The evidence is marked in the text, escaped, and every signal has its row.
    assert!(html.contains("<mark"), "no highlighted evidence");
    assert!(html.contains(">worthless</mark>") || html.contains(">idiot</mark>"));
    assert!(html.contains("possible_hateful_conduct"));
    // Filters narrow the queue.
    let html = s
        .get("/console/queues?queue=general&lang=fr", Some(&ada))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("post forum/t1"));
    // The audit log names the decision and verifies.
    let html = s
        .get("/console/audit?kind=case.", Some(&ada))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("console.login"), "filter by kind");
    let resp = s
        .post_form("/console/audit/verify", Some(&ada), &[("csrf", &ada.csrf)])
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.text().await.unwrap().contains("The chain is intact"));
    // The policy page counts the hit of the rule that fired.
    let html = s
        .get("/console/policy", Some(&ada))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("possible_hateful_conduct"));
    assert!(html.contains("over the 1 stored decisions"), "tally");
    // A backtest of the policy in force changes nothing.
    let current = s.state.store.current_policy().await.unwrap().unwrap().text;
    let resp = s
        .post_form(
            "/console/policy/backtest",
            Some(&ada),
            &[("csrf", &ada.csrf), ("policy", &current)],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.text().await.unwrap().contains("0 of 1 posts change"));
    // The dashboard draws its charts on the server.
    let html = s
        .get("/console/dashboard", Some(&ada))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<svg") && html.contains("hold_for_review: 1"),
        "{html}"
    );
    // Assets are ours.
    let css = s.get("/console/assets/console.css", None).await;
    assert_eq!(css.status(), StatusCode::OK);
    assert_eq!(
        s.get("/console/assets/other.js", None).await.status(),
        StatusCode::NOT_FOUND
    );
    s.stop().await;
}

async fn urgent_decisions_wait_for_a_second_moderator(backend: Backend) {
    let s = start(&backend).await;
    // A threat to life: vigie escalates it, and the example configuration asks for a second
    // moderator on urgent cases.
    let (status, body) = s
        .api(
            "POST",
            "/v1/posts",
            Some(json!({"platform": "forum", "id": "t9", "author": "u9",
                        "text": "I will kill you tomorrow"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let alice = s.sign_in("alice").await;
    let html = s
        .get("/console/queues?queue=urgent", Some(&alice))
        .await
        .text()
        .await
        .unwrap();
    let case = html
        .split("data-case=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("the threat is in the urgent queue")
        .to_string();
    let path = |action: &str| format!("/console/cases/{case}/{action}");
    let resp = s
        .post_form(&path("claim"), Some(&alice), &[("csrf", &alice.csrf)])
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    // A decision without a policy reason is refused.
    let resp = s
        .post_form(
            &path("decide"),
            Some(&alice),
            &[
                ("csrf", &alice.csrf),
                ("action", "remove"),
                ("reason_code", " "),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let resp = s
        .post_form(
            &path("decide"),
            Some(&alice),
            &[
                ("csrf", &alice.csrf),
                ("action", "remove"),
                ("reason_code", "credible_violent_threat"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&resp).ends_with("done=pending"),
        "{}",
        location(&resp)
    );
    assert_eq!(s.case_status(&case).await, "pending_second_review");
    // Alice is not offered the second review, and is refused it.
    let html = s
        .get(&format!("/console/cases/{case}"), Some(&alice))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"pending\"") && !html.contains("id=\"confirm\""));
    let resp = s
        .post_form(
            &path("second-review"),
            Some(&alice),
            &[
                ("csrf", &alice.csrf),
                ("verdict", "confirm"),
                ("action", "no_action"),
                ("reason_code", "x"),
            ],
        )
        .await;
    assert_ne!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.case_status(&case).await, "pending_second_review");
    // Bob claims it and confirms: resolved, confirmed by bob.
    let bob = s.sign_in("bob").await;
    let resp = s
        .post_form(&path("claim"), Some(&bob), &[("csrf", &bob.csrf)])
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let html = s
        .get(&format!("/console/cases/{case}"), Some(&bob))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("id=\"confirm\""),
        "bob is offered the second review"
    );
    let resp = s
        .post_form(
            &path("second-review"),
            Some(&bob),
            &[
                ("csrf", &bob.csrf),
                ("verdict", "confirm"),
                ("action", "no_action"),
                ("reason_code", "credible_violent_threat"),
            ],
        )
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert_eq!(s.case_status(&case).await, "resolved");
    let (_, body) = s.api("GET", &format!("/v1/cases/{case}"), None).await;
    let last = body["case"]["decisions"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["decided_by"], "alice");
    assert_eq!(last["confirmed_by"], "bob");
    s.stop().await;
}

const SCENARIOS: &[(&str, Scenario)] = scenarios![
    urgent_decisions_wait_for_a_second_moderator,
    signed_out_people_are_sent_to_sign_in,
    sign_in_sets_strict_cookies_and_refuses_bad_passwords,
    forms_without_the_csrf_token_are_refused,
    roles_are_enforced_by_the_server,
    sessions_expire_and_end_at_sign_out,
    every_page_renders_what_it_is_about,
];

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn console_on_sqlite() {
    run_on_sqlite(SCENARIOS).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn console_on_postgres() {
    run_on_postgres("console", SCENARIOS).await;
}
