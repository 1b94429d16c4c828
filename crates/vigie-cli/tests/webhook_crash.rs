//! Webhooks across a crash of `vigie serve`: moderators' actions are sent to a receiver on
//! 127.0.0.1 that first accepts, then fails, then hangs with an attempt in flight; the server
//! is SIGKILLed (no graceful stop), restarted on the same database, and once the receiver
//! recovers every action has been accepted exactly once by idempotency key, every attempt of
//! one key carried the same action, and nothing is left pending.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use vigie_store::vigie_review::Role;
use vigie_store::{Location, Scope, Store};

mod common;

use common::{Server, VIGIE, free_port, wait_ready};

/// Fast retries so that the test does not wait for minutes.
const REVIEW_TOML: &str = r#"
[strikes]
on_actions = ["remove"]

[webhook_retry]
base_delay_seconds = 1
max_delay_seconds = 1
max_attempts = 100

[[queue]]
name = "general"
"#;

fn start(store: &[String], port: u16, receiver: &str, review: &Path, log: &Path) -> Server {
    let log = std::fs::File::create(log).unwrap();
    let child = Command::new(VIGIE)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .args(store)
        .env("VIGIE_RATE_LIMIT_PER_SECOND", "0")
        .env("VIGIE_REVIEW_CONFIG", review)
        .env("VIGIE_WEBHOOK_URL", receiver)
        .env("VIGIE_WEBHOOK_SECRET", "whsec_crash")
        .env("VIGIE_WEBHOOK_TIMEOUT_MS", "2000")
        .env("VIGIE_WEBHOOK_POLL_MS", "50")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    Server(child)
}

async fn wait_for(seconds: u64, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < deadline {
        if done() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    done()
}

// ---------------------------------------------------------------- the receiver

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Accept,
    Fail,
    /// Reads the request and never answers: an attempt in flight.
    Hang,
}

#[derive(Default)]
struct Seen {
    mode: Option<Mode>,
    /// Every attempt: (idempotency key, body).
    attempts: Vec<(String, String)>,
    /// Accepted attempts per key.
    accepted: BTreeMap<String, usize>,
    hanging: usize,
}

type Shared = Arc<Mutex<Seen>>;

/// One HTTP/1.1 request off a kept-alive connection: (headers, body); `None` at its end.
/// Written by hand: the CLI's dependencies hold no HTTP server, and the webhook client sends
/// plain `content-length` bodies.
async fn read_request(
    stream: &mut tokio::net::TcpStream,
    buf: &mut Vec<u8>,
) -> Option<(String, String)> {
    let header_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let headers = String::from_utf8_lossy(&buf[..header_end]).to_string();
    let length: usize = headers
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    while buf.len() < header_end + length {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = String::from_utf8_lossy(&buf[header_end..header_end + length]).to_string();
    buf.drain(..header_end + length);
    Some((headers, body))
}

fn header(headers: &str, name: &str) -> String {
    headers
        .lines()
        .find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
        .unwrap_or_default()
}

async fn start_receiver(seen: Shared) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move {
        loop {
            let Ok((mut stream, _)) = listener.accept().await else {
                return;
            };
            let seen = seen.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                while let Some((headers, body)) = read_request(&mut stream, &mut buf).await {
                    let key = header(&headers, "idempotency-key");
                    let mode = {
                        let mut s = seen.lock().unwrap();
                        let mode = s.mode.unwrap_or(Mode::Fail);
                        s.attempts.push((key.clone(), body));
                        match mode {
                            Mode::Accept => *s.accepted.entry(key).or_default() += 1,
                            Mode::Hang => s.hanging += 1,
                            Mode::Fail => {}
                        }
                        mode
                    };
                    let reply = match mode {
                        Mode::Accept => "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n",
                        Mode::Fail => {
                            "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n"
                        }
                        Mode::Hang => {
                            // Until the sender goes away (it is killed).
                            let mut rest = [0u8; 1];
                            let _ = stream.read(&mut rest).await;
                            return;
                        }
                    };
                    if stream.write_all(reply.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    url
}

// ---------------------------------------------------------------- the test

struct Api {
    client: reqwest::Client,
    base: String,
}

impl Api {
    async fn post(&self, path: &str, token: &str, body: Value) -> (u16, Value) {
        let resp = self
            .client
            .post(format!("{}{path}", self.base))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    async fn get(&self, path: &str, token: &str) -> Value {
        let resp = self
            .client
            .get(format!("{}{path}", self.base))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), 200);
        resp.json().await.unwrap()
    }

    /// Reports a post, claims and removes it: one action to send. Returns the action's key.
    async fn remove(&self, post: &str, ingest: &str, moderator: &str) -> String {
        let (status, report) = self
            .post(
                "/v1/reports",
                ingest,
                json!({"platform": "forum", "post_id": post, "author": format!("a-{post}"),
                       "reporter": "r1", "category": "harassment"}),
            )
            .await;
        assert_eq!(status, 200, "{report}");
        let case = report["case_id"].as_str().unwrap().to_string();
        let (status, body) = self
            .post(&format!("/v1/cases/{case}/claim"), moderator, json!({}))
            .await;
        assert_eq!(status, 200, "{body}");
        let (status, body) = self
            .post(
                &format!("/v1/cases/{case}/decisions"),
                moderator,
                json!({"action": {"type": "remove"}, "reason_code": "harassment.targeted",
                       "categories": ["harassment"]}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        let keys = body["applied"]["notifications"].as_array().unwrap();
        assert_eq!(keys.len(), 1, "{body}");
        keys[0].as_str().unwrap().to_string()
    }

    async fn delivered(&self, admin: &str) -> usize {
        self.get("/v1/webhooks?state=delivered&limit=1000", admin)
            .await
            .as_array()
            .map_or(0, Vec::len)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_are_delivered_once_across_sigkill_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let location = Location::DataDir(data.clone());
    let store = vec!["--data-dir".to_string(), data.display().to_string()];
    crash_and_check(&location, &store, dir.path()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_are_delivered_once_across_sigkill_on_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let pg = vigie_store::test_support::TempPostgres::start().unwrap();
    let url = pg.create_database("webhook_crash").unwrap();
    let location = Location::Url(url.clone());
    crash_and_check(&location, &["--database-url".to_string(), url], dir.path()).await;
}

async fn crash_and_check(location: &Location, store_args: &[String], dir: &Path) {
    let (ingest, admin, moderator) = {
        let store = Store::open(location).await.unwrap();
        let ingest = store
            .create_key("ingest", &[Scope::Ingest], "test")
            .await
            .unwrap()
            .token;
        let admin = store
            .create_key("admin", &[Scope::Admin], "test")
            .await
            .unwrap()
            .token;
        let moderator = store
            .create_user("mona", Role::Moderator, "correct horse battery", "test")
            .await
            .unwrap()
            .token;
        store.close().await;
        (ingest, admin, moderator)
    };
    let review = dir.join("review.toml");
    std::fs::write(&review, REVIEW_TOML).unwrap();
    let seen: Shared = Arc::default();
    let receiver = start_receiver(seen.clone()).await;
    let set_mode = |mode: Mode| seen.lock().unwrap().mode = Some(mode);

    let port = free_port();
    let api = Api {
        client: reqwest::Client::new(),
        base: format!("http://127.0.0.1:{port}"),
    };
    let mut server = start(store_args, port, &receiver, &review, &dir.join("first.log"));
    wait_ready(&api.client, &api.base, &mut server.0).await;

    // Accepted before the crash, and recorded as delivered.
    set_mode(Mode::Accept);
    let mut keys = Vec::new();
    for i in 0..3 {
        keys.push(api.remove(&format!("early{i}"), &ingest, &moderator).await);
    }
    let mut delivered = 0;
    for _ in 0..200 {
        delivered = api.delivered(&admin).await;
        if delivered == 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(delivered, 3, "the first actions were not delivered");

    // Failing, then hanging with an attempt in flight when the server is killed.
    set_mode(Mode::Fail);
    for i in 0..3 {
        keys.push(api.remove(&format!("late{i}"), &ingest, &moderator).await);
    }
    let late: Vec<String> = keys[3..].to_vec();
    assert!(
        wait_for(30, || {
            let s = seen.lock().unwrap();
            late.iter()
                .all(|k| s.attempts.iter().any(|(key, _)| key == k))
        })
        .await,
        "every late action was tried against the failing receiver"
    );
    set_mode(Mode::Hang);
    assert!(
        wait_for(30, || seen.lock().unwrap().hanging > 0).await,
        "no attempt in flight"
    );
    server.0.kill().unwrap(); // SIGKILL: no graceful stop, no last write
    server.0.wait().unwrap();

    set_mode(Mode::Accept);
    let mut server = start(
        store_args,
        port,
        &receiver,
        &review,
        &dir.join("second.log"),
    );
    wait_ready(&api.client, &api.base, &mut server.0).await;
    assert!(
        wait_for(60, || {
            let s = seen.lock().unwrap();
            keys.iter().all(|k| s.accepted.contains_key(k))
        })
        .await,
        "not every action reached the receiver after the restart: {:?}",
        seen.lock().unwrap().accepted
    );
    // Time for a duplicate to show up, were there going to be one.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let pending = api
        .get("/v1/webhooks?state=pending&limit=1000", &admin)
        .await;
    assert_eq!(pending.as_array().map(Vec::len), Some(0), "{pending}");
    assert_eq!(api.delivered(&admin).await, keys.len());

    let s = seen.lock().unwrap();
    let expected: BTreeMap<String, usize> = keys.iter().map(|k| (k.clone(), 1)).collect();
    assert_eq!(s.accepted, expected, "each action accepted exactly once");
    let mut bodies: BTreeMap<&str, &str> = BTreeMap::new();
    for (key, body) in &s.attempts {
        assert!(keys.contains(key), "an attempt with unknown key {key:?}");
        let first = *bodies.entry(key).or_insert(body);
        assert_eq!(first, body, "two different actions under key {key}");
        let event: Value = serde_json::from_str(body).unwrap();
        assert_eq!(event["type"], "action.taken", "{body}");
    }
    assert!(
        s.attempts.len() > keys.len(),
        "the receiver's failures were exercised"
    );
    eprintln!(
        "{} actions, {} attempts, each accepted once across a SIGKILL",
        keys.len(),
        s.attempts.len()
    );
}
