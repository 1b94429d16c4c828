//! Crash safety of `vigie serve`: posts are sent concurrently, the server is SIGKILLed under
//! load, restarted on the same data, and every post it acknowledged must have its decision
//! stored, with an audit chain that still verifies.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

mod common;

use common::{Server, VIGIE, free_port, wait_ready};

fn start(store: &[String], port: u16, log: &Path) -> Server {
    let log = std::fs::File::create(log).unwrap();
    let child = Command::new(VIGIE)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--log-format",
            "json",
        ])
        .args(store)
        // The check after the restart reads every acknowledged post at full speed.
        .env("VIGIE_RATE_LIMIT_PER_SECOND", "0")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    Server(child)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_posts_survive_sigkill_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data").display().to_string();
    crash_and_check(&["--data-dir".to_string(), data], dir.path()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_posts_survive_sigkill_on_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let pg = vigie_store::test_support::TempPostgres::start().unwrap();
    let url = pg.create_database("crash").unwrap();
    crash_and_check(&["--database-url".to_string(), url], dir.path()).await;
}

async fn crash_and_check(store: &[String], dir: &Path) {
    let out = Command::new(VIGIE)
        .args([
            "keys",
            "create",
            "--scope",
            "ingest,read",
            "--name",
            "crash-test",
        ])
        .args(store)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_string();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut server = start(store, port, &dir.join("first.log"));
    wait_ready(&client, &base, &mut server.0).await;

    // Writers send posts one after another until the server dies, keeping what was ACKed.
    let dead = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for w in 0..8 {
        let (client, base, token, dead) =
            (client.clone(), base.clone(), token.clone(), dead.clone());
        writers.push(tokio::spawn(async move {
            let mut acked: Vec<(String, Value)> = Vec::new();
            for i in 0..100_000 {
                if dead.load(Ordering::Relaxed) && i % 2 == 0 {
                    // Keep trying a little after the kill, so requests in flight at the
                    // moment of the kill are part of the test, then stop.
                    break;
                }
                let post = json!({"id": format!("w{w}-{i}"), "text": format!("post number {i} from writer {w}, I will find you"), "author": format!("a{w}")});
                let sent = client
                    .post(format!("{base}/v1/posts"))
                    .bearer_auth(&token)
                    .json(&post)
                    .timeout(Duration::from_secs(10))
                    .send()
                    .await;
                let Ok(resp) = sent else { break };
                if resp.status() != reqwest::StatusCode::OK {
                    break;
                }
                let Ok(body) = resp.json::<Value>().await else { break };
                acked.push((format!("w{w}-{i}"), body));
            }
            acked
        }));
    }
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.0.kill().unwrap(); // SIGKILL
    dead.store(true, Ordering::Relaxed);
    server.0.wait().unwrap();
    let mut acked = Vec::new();
    for w in writers {
        acked.extend(w.await.unwrap());
    }
    assert!(
        acked.len() >= 8,
        "only {} posts were acknowledged before the kill",
        acked.len()
    );

    let mut server = start(store, port, &dir.join("second.log"));
    wait_ready(&client, &base, &mut server.0).await;
    for (post_id, body) in &acked {
        let id = body["id"].as_str().unwrap();
        let resp = client
            .get(format!("{base}/v1/decisions/{id}"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.status(),
            reqwest::StatusCode::OK,
            "acknowledged post {post_id} lost"
        );
        let stored: Value = resp.json().await.unwrap();
        assert_eq!(stored["post_id"], post_id.as_str());
        assert_eq!(stored["decision"], body["decision"]);
    }
    // Graceful stop on SIGTERM.
    let status = Command::new("kill")
        .args(["-TERM", &server.0.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = server.0.wait().unwrap();
    assert!(exit.success(), "vigie serve exited with {exit} on SIGTERM");

    let verify = Command::new(VIGIE)
        .args(["audit", "verify"])
        .args(store)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&verify.stdout);
    assert!(
        verify.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&verify.stderr)
    );
    assert!(report.contains("audit log OK"), "{report}");
    eprintln!(
        "{} acknowledged posts all found after SIGKILL; {report}",
        acked.len()
    );
}

#[test]
fn audit_verify_names_a_tampered_entry() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for name in ["one", "two", "three"] {
        let out = Command::new(VIGIE)
            .args([
                "keys",
                "create",
                "--scope",
                "read",
                "--name",
                name,
                "--data-dir",
            ])
            .arg(&data)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let verify = |data: &Path| {
        Command::new(VIGIE)
            .args(["audit", "verify", "--data-dir"])
            .arg(data)
            .output()
            .unwrap()
    };
    assert!(verify(&data).status.success());
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = vigie_store::Store::open(&vigie_store::Location::DataDir(data.clone()))
            .await
            .unwrap();
        let changed = tamper_with_entry_2(&store).await;
        assert_eq!(changed, 1);
        store.close().await;
    });
    let out = verify(&data);
    assert!(!out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("BROKEN at entry #2"), "{report}");
}

/// Edits entry #2 through the store's raw-SQL test hook.
async fn tamper_with_entry_2(store: &vigie_store::Store) -> u64 {
    store
        .execute_raw("UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")
        .await
        .unwrap()
}
