//! Load generator for a running `vigie serve` (loopback only): posts unique ids from N
//! concurrent connections for a fixed count and reports throughput and latency.
//!
//! cargo run --release -p vigie-server --example load -- http://127.0.0.1:8080 <key> [posts] [concurrency] [batch]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;

const TEXTS: &[&str] = &[
    "Great match yesterday, the second half was something else. Who is coming next week?",
    "I will find where you live and make you pay for what you wrote, watch your back.",
    "Les élections approchent, pensez à vérifier votre inscription sur les listes.",
    "you are such an idiot, nobody wants to read your garbage opinions here",
    "Recette du jour : tarte aux pommes, beurre salé et une pincée de cannelle.",
];

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: load <base-url> <api-key> [posts=5000] [concurrency=32] [batch=1]");
        std::process::exit(2);
    }
    let base = args[1].trim_end_matches('/').to_string();
    let host_is_local = base.starts_with("http://127.") || base.starts_with("http://localhost");
    if !host_is_local {
        eprintln!("refusing to load anything but a loopback address");
        std::process::exit(2);
    }
    let key = args[2].clone();
    let total: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5000);
    let concurrency: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(32);
    let batch: usize = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let run = format!("{}", std::process::id());
    let client = reqwest::Client::new();
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, base, key, next, run) = (
            client.clone(),
            base.clone(),
            key.clone(),
            next.clone(),
            run.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            loop {
                let first = next.fetch_add(batch, Ordering::Relaxed);
                if first >= total {
                    break;
                }
                let posts: Vec<_> = (first..(first + batch).min(total))
                    .map(|i| json!({"id": format!("load-{run}-{i}"), "text": TEXTS[i % TEXTS.len()], "author": format!("u{}", i % 97)}))
                    .collect();
                let (url, body) = if batch == 1 {
                    (format!("{base}/v1/posts"), posts[0].clone())
                } else {
                    (format!("{base}/v1/posts:batch"), json!({"posts": posts}))
                };
                let t = Instant::now();
                let ok = client
                    .post(url)
                    .bearer_auth(&key)
                    .json(&body)
                    .timeout(Duration::from_secs(30))
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success());
                latencies.push(t.elapsed());
                if !ok {
                    errors += 1;
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (l, e) = w.await.unwrap_or_default();
        latencies.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "{total} posts in {:.2}s: {:.0} posts/s, {} requests (batch {batch}, {concurrency} connections), {errors} errors; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64(),
        latencies.len(),
        pct(0.5).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}
