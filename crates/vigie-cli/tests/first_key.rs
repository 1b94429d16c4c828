//! The README's first steps: `vigie serve` on a fresh data directory creates one admin key,
//! writes its secret to `first-admin.key` (owner-only), and the README's `curl` works with it;
//! a restart does not create another.

use std::process::{Command, Stdio};

use serde_json::{Value, json};

mod common;

use common::{Server, VIGIE, free_port, wait_ready};

async fn start_ready(data: &std::path::Path, port: u16, client: &reqwest::Client) -> Server {
    let mut server = Server(
        Command::new(VIGIE)
            .args([
                "serve",
                "--listen",
                &format!("127.0.0.1:{port}"),
                "--data-dir",
            ])
            .arg(data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_ready(client, &format!("http://127.0.0.1:{port}"), &mut server.0).await;
    server
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_start_creates_one_admin_key_that_the_readme_curl_uses() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("vigie-data");
    let client = reqwest::Client::new();
    let port = free_port();
    let server = start_ready(&data, port, &client).await;

    let key_file = data.join("first-admin.key");
    let token = std::fs::read_to_string(&key_file).unwrap();
    let token = token.trim();
    assert!(token.starts_with("vigie_"), "{token:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the key file is readable by others: {mode:o}"
        );
    }

    let resp = client
        .post(format!("http://127.0.0.1:{port}/v1/posts"))
        .bearer_auth(token)
        .json(&json!({"id": "42", "author": "u1", "text": "je vais te tuer"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), reqwest::StatusCode::OK);
    let decision: Value = resp.json().await.unwrap();
    assert_eq!(
        decision["decision"]["action"], "escalate_urgent",
        "{decision}"
    );

    // Without the key: refused.
    let denied = client
        .post(format!("http://127.0.0.1:{port}/v1/posts"))
        .json(&json!({"id": "43", "text": "hello"}))
        .send()
        .await
        .unwrap();
    assert_eq!(denied.status(), reqwest::StatusCode::UNAUTHORIZED);
    drop(server);

    // A restart keeps the key and makes no other one.
    let before = std::fs::read_to_string(&key_file).unwrap();
    let port = free_port();
    let _server = start_ready(&data, port, &client).await;
    assert_eq!(std::fs::read_to_string(&key_file).unwrap(), before);
    let out = Command::new(VIGIE)
        .args(["keys", "list", "--data-dir"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(out.status.success());
    let listing = String::from_utf8_lossy(&out.stdout);
    assert_eq!(listing.matches("first-admin").count(), 1, "{listing}");
}
