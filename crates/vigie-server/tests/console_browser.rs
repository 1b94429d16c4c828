//! The moderator console end to end in a real headless Chromium (Debian `chromium` and
//! `chromium-driver`, driven with fantoccini) against the real server on 127.0.0.1 (SQLite):
//! sign in, claim a case with one key, see the evidence highlighted, remove the post with a
//! policy reason, see the webhook reach the platform, file and decide an appeal, an auditor
//! who cannot act, a signed-out visitor sent to the sign-in page.
//!
//! Screenshots of the main screens are written to `target/tmp/console-screenshots/`; with
//! `VIGIE_UPDATE_SCREENSHOTS=1` the queue and case screenshots are also copied to
//! `docs/screenshots/` (the README's). Every wait has a deadline and chromedriver is killed
//! when the test ends, whatever happens.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tokio::sync::oneshot;
use vigie_review::Role;
use vigie_server::{AppState, ServerConfig};
use vigie_store::Scope;

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/lib/chromium/chromium";
const PASSWORD: &str = "correct horse battery";
/// The longest any single wait may take.
const WAIT: Duration = Duration::from_secs(20);

/// chromedriver, killed on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        assert!(
            Path::new(CHROMEDRIVER).exists(),
            "{CHROMEDRIVER} is missing: install Debian's chromium and chromium-driver (.ci/run does)"
        );
        let port = vigie_store::test_support::free_port().unwrap();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let driver = Driver { child, port };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < WAIT, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        driver
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What the platform's webhook endpoint received: (type, idempotency key) per request.
type Received = Arc<Mutex<Vec<(String, String)>>>;

async fn webhook_receiver() -> (String, Received) {
    let received: Received = Arc::default();
    let shared = received.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |body: String| {
            let shared = shared.clone();
            async move {
                let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                shared.lock().unwrap().push((
                    v["type"].as_str().unwrap_or_default().to_string(),
                    v["idempotency_key"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                ));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, received)
}

struct Server {
    base: String,
    state: Arc<AppState>,
    ingest: String,
    http: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
}

impl Server {
    async fn start(webhook_url: String) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let config = ServerConfig {
            listen: "127.0.0.1:0".into(),
            data_dir: dir.path().to_path_buf(),
            rate_limit_per_second: 100_000,
            rate_limit_burst: 100_000,
            webhook_url: Some(webhook_url),
            webhook_secret: Some("whsec_console".into()),
            webhook_poll_ms: 50,
            ..ServerConfig::default()
        };
        let state = AppState::open(config).await.unwrap();
        let ingest = state
            .store
            .create_key("platform", &[Scope::Ingest, Scope::Read], "test")
            .await
            .unwrap()
            .token;
        for (name, role) in [
            ("alice", Role::Moderator),
            ("bob", Role::Moderator),
            ("otto", Role::Auditor),
        ] {
            state
                .store
                .create_user(name, role, PASSWORD, "test")
                .await
                .unwrap();
        }
        let listener = vigie_server::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(vigie_server::serve(listener, state.clone(), async move {
            let _ = stopped.await;
        }));
        Server {
            base,
            state,
            ingest,
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
            stop: Some(stop),
            _dir: dir,
        }
    }

    async fn api(&self, path: &str, body: Value) -> Value {
        let resp = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.ingest)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        let status = resp.status();
        let v: Value = resp.json().await.unwrap_or(Value::Null);
        assert!(status.is_success(), "{path}: {status} {v}");
        v
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

fn screenshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("console-screenshots")
}

async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), &png).unwrap();
    if std::env::var("VIGIE_UPDATE_SCREENSHOTS").is_ok_and(|v| v == "1")
        && (name == "queue" || name == "case")
    {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join(format!("console-{name}.png")), &png).unwrap();
    }
}

async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
}

async fn text_of(c: &Client, css: &str) -> String {
    wait_for(c, css).await.text().await.unwrap()
}

/// Types into whatever has the focus (the page's key handler listens on the document).
async fn press(c: &Client, keys: &str) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(keys)
        .await
        .unwrap();
}

async fn sign_in(c: &Client, base: &str, name: &str) {
    c.goto(&format!("{base}/console/login")).await.unwrap();
    wait_for(c, "#name").await.send_keys(name).await.unwrap();
    wait_for(c, "#password")
        .await
        .send_keys(&format!("{PASSWORD}{}", char::from(Key::Enter)))
        .await
        .unwrap();
    wait_for(c, "header.top .who").await;
}

async fn sign_out(c: &Client) {
    wait_for(c, "form.signout button")
        .await
        .click()
        .await
        .unwrap();
    wait_for(c, "form.login").await;
}

async fn wait_until<F: Fn() -> bool>(what: &str, done: F) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < WAIT, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn scenario(c: &Client, s: &Server, received: &Received) {
    let base = s.base.as_str();
    // A post vigie holds for review, reported by a user too; and a few others around it.
    s.api(
        "/v1/posts",
        json!({"platform": "forum", "id": "p-42", "author": "u42",
               "text": "You are a worthless idiot and a stupid moron, shut up",
               "context": {"reach": 12000}}),
    )
    .await;
    let report = s
        .api(
            "/v1/reports",
            json!({"platform": "forum", "post_id": "p-42", "author": "u42", "reporter": "r9",
                   "category": "harassment", "reason": "insults me in every thread"}),
        )
        .await;
    let case_id = report["case_id"].as_str().unwrap().to_string();
    for (i, text) in [
        "Tu es un connard et un imbécile fini",
        "shut up you stupid idiot, nobody wants you here",
        "what a lovely day at the lake",
        "You are all worthless idiots and stupid morons",
        "What a stupid moron you are, worthless idiot",
        "You worthless idiot, you are a stupid moron",
    ]
    .iter()
    .enumerate()
    {
        s.api(
            "/v1/posts",
            json!({"platform": "forum", "id": format!("p-{i}"), "author": format!("u{i}"),
                   "text": text, "context": {"reach": 150 * (i + 1)}}),
        )
        .await;
    }
    let case = s.state.store.case(&case_id).await.unwrap().unwrap();
    let queue = vigie_review::route(&s.state.review.queues, &case)
        .map(|q| q.name.clone())
        .unwrap();

    // Signed out: any console page sends the visitor to sign in, and back afterwards.
    c.goto(&format!("{base}/console/queues?queue={queue}"))
        .await
        .unwrap();
    wait_for(c, "form.login").await;
    let url = c.current_url().await.unwrap();
    assert_eq!(url.path(), "/console/login");
    assert!(url.query().unwrap_or_default().contains("next="), "{url}");
    screenshot(c, "login").await;
    wait_for(c, "#name").await.send_keys("alice").await.unwrap();
    wait_for(c, "#password")
        .await
        .send_keys(&format!("{PASSWORD}{}", char::from(Key::Enter)))
        .await
        .unwrap();
    wait_for(c, "#queue-table").await;
    assert_eq!(text_of(c, "#queue-name").await, queue);
    let first = wait_for(c, "tr.case-row").await;
    assert_eq!(
        first.attr("data-case").await.unwrap().as_deref(),
        Some(case_id.as_str())
    );
    screenshot(c, "queue").await;

    // j selects the first case, c claims it: the case page, claimed by alice.
    press(c, "j").await;
    press(c, "c").await;
    wait_for(c, "#lease").await;
    assert!(text_of(c, "#lease").await.contains("alice"));
    assert!(text_of(c, "#flash").await.starts_with("Claimed"));
    // The evidence, highlighted in the post's text.
    let marks = c.find_all(Locator::Css("#post-text mark")).await.unwrap();
    assert!(!marks.is_empty(), "no highlighted evidence");
    let mut marked = Vec::new();
    for m in &marks {
        marked.push(m.text().await.unwrap());
    }
    assert!(
        marked
            .iter()
            .any(|t| t.contains("worthless") || t.contains("idiot")),
        "{marked:?}"
    );
    let post = text_of(c, "#post-text").await;
    assert_eq!(
        post,
        "You are a worthless idiot and a stupid moron, shut up"
    );
    screenshot(c, "case").await;

    // r picks "remove" and puts the cursor in the (required) policy reason; Enter decides.
    press(c, "r").await;
    let reason = c.active_element().await.unwrap();
    assert_eq!(
        reason.attr("id").await.unwrap().as_deref(),
        Some("reason_code")
    );
    assert!(
        wait_for(c, "input[name=action][value=remove]")
            .await
            .is_selected()
            .await
            .unwrap()
    );
    reason
        .send_keys(&format!("harassment.insult{}", char::from(Key::Enter)))
        .await
        .unwrap();
    wait_for(c, "#decisions").await;
    assert_eq!(text_of(c, "#case-status").await, "resolved");
    assert!(text_of(c, "#decisions").await.contains("harassment.insult"));
    // The platform hears of the removal.
    wait_until("the removal's webhook", || {
        received
            .lock()
            .unwrap()
            .iter()
            .any(|(t, _)| t == "action.taken")
    })
    .await;
    c.refresh().await.unwrap();
    assert!(text_of(c, "#webhooks").await.contains("delivered"));
    assert_eq!(text_of(c, "#strikes-live").await, "1");
    sign_out(c).await;

    // The author appeals through the platform; the appeal goes to bob, who did not decide.
    let appeal = s
        .api(
            "/v1/appeals",
            json!({"case_id": case_id, "appellant": "u42",
                   "statement": "It was a joke between friends."}),
        )
        .await;
    assert_eq!(appeal["outcome"]["assigned_to"], "bob", "{appeal}");
    sign_in(c, base, "bob").await;
    c.goto(&format!("{base}/console/appeals")).await.unwrap();
    let row = wait_for(c, "#appeals-table tr.case-row").await;
    assert!(row.text().await.unwrap().contains("It was a joke"));
    screenshot(c, "appeals").await;
    wait_for(c, "#appeals-table a.open")
        .await
        .click()
        .await
        .unwrap();
    wait_for(c, "#appeal-decision-form").await;
    wait_for(c, "#reverse").await.click().await.unwrap();
    wait_for(c, "#appeal-note")
        .await
        .send_keys("Banter between friends, no target.")
        .await
        .unwrap();
    wait_for(c, "#decide-appeal").await.click().await.unwrap();
    wait_for(c, "#appeals").await;
    assert!(text_of(c, "#appeals").await.contains("reversed"));
    assert!(
        text_of(c, "#decisions")
            .await
            .contains("reversed on appeal")
    );
    assert_eq!(text_of(c, "#strikes-live").await, "0");
    wait_until("the reversal's webhook", || {
        received.lock().unwrap().len() >= 2
    })
    .await;
    sign_out(c).await;

    // The auditor reads the case but is offered no action; the audit log verifies.
    sign_in(c, base, "otto").await;
    c.goto(&format!("{base}/console/cases/{case_id}"))
        .await
        .unwrap();
    wait_for(c, "#read-only").await;
    for css in [
        "#claim",
        "#decide-form",
        "#escalate-form",
        "#appeal-decision-form",
    ] {
        assert!(
            c.find(Locator::Css(css)).await.is_err(),
            "the auditor is offered {css}"
        );
    }
    c.goto(&format!("{base}/console/queues")).await.unwrap();
    wait_for(c, "main").await;
    assert!(
        c.find(Locator::Css("form.claim")).await.is_err(),
        "the auditor is offered a claim"
    );
    c.goto(&format!("{base}/console/audit")).await.unwrap();
    wait_for(c, "#verify").await.click().await.unwrap();
    assert!(
        text_of(c, "#verify-result")
            .await
            .starts_with("The chain is intact")
    );
    screenshot(c, "audit").await;
    c.goto(&format!("{base}/console/dashboard")).await.unwrap();
    wait_for(c, "figure.chart svg").await;
    screenshot(c, "dashboard").await;
    c.goto(&format!("{base}/console/policy")).await.unwrap();
    wait_for(c, "#policy-rules").await;
    screenshot(c, "policy").await;
    sign_out(c).await;

    // Signed out again: the old pages send back to sign in.
    c.goto(&format!("{base}/console/cases/{case_id}"))
        .await
        .unwrap();
    wait_for(c, "form.login").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/console/login");
    // Exactly two events reached the platform, each once.
    let got = received.lock().unwrap().clone();
    let keys: std::collections::BTreeSet<_> = got.iter().map(|(_, k)| k.clone()).collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(keys.len(), 2, "{got:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn console_in_a_real_browser() {
    let driver = Driver::start();
    let (hook, received) = webhook_receiver().await;
    let server = Server::start(hook).await;
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--force-device-scale-factor=1"]
        }),
    );
    let client = tokio::time::timeout(
        WAIT,
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port)),
    )
    .await
    .expect("chromedriver did not open a session in time")
    .unwrap();
    let outcome = tokio::time::timeout(
        Duration::from_secs(240),
        scenario(&client, &server, &received),
    )
    .await;
    // Close the browser whatever happened; the driver is killed when dropped.
    let _ = tokio::time::timeout(WAIT, client.close()).await;
    drop(driver);
    outcome.expect("the browser scenario took longer than 4 minutes");
}
