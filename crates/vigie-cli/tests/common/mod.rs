//! What the tests that run the real `vigie serve` binary share: a free port, a child process
//! killed if the test fails first, and waiting until the server is ready.

use std::process::Child;
use std::time::{Duration, Instant};

pub const VIGIE: &str = env!("CARGO_BIN_EXE_vigie");

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A server child process, killed if the test fails before stopping it.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// Waits (at most a minute) until `{base}/readyz` answers with success; fails the test if
/// the server exits first.
pub async fn wait_ready(client: &reqwest::Client, base: &str, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await
            && r.status().is_success()
        {
            return;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "vigie serve exited early"
        );
        assert!(
            Instant::now() < deadline,
            "vigie serve did not become ready"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
