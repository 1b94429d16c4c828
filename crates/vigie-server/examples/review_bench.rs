//! Benchmark of the review workflow through the real HTTP API (server on 127.0.0.1, in this
//! process), on SQLite or on PostgreSQL:
//!
//! 1. bulk-loads N open cases (`Store::import_cases`: multi-row inserts, one transaction per
//!    chunk) with the example review config's queues;
//! 2. queue page latency: `GET /v1/queues/{name}?limit=50` on every queue, first pages and
//!    pages further down (following the `next` cursors), median / p99 / max;
//! 3. decisions per second: M simulated moderators, each lists the top of the general queue,
//!    claims the first case it can get, decides it (remove, with a strike), and repeats.
//!
//! ```text
//! cargo run --release -p vigie-server --example review_bench -- \
//!     [--backend sqlite|postgres] [--cases 1000000] [--moderators 10] [--seconds 20] [--pages 200]
//! ```
//! PostgreSQL: a throw-away server is started (PostgreSQL 15 binaries, as the tests use)
//! unless `VIGIE_BENCH_PG_URL` names a database. `scripts/bench-review.sh` runs both.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use vigie_detect::Category;
use vigie_review::{
    Case, MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, Notice, Report, ReviewConfig, Role,
    Subject,
};
use vigie_server::{AppState, ServerConfig};

struct Args {
    backend: String,
    cases: usize,
    moderators: usize,
    seconds: u64,
    pages: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        backend: "sqlite".into(),
        cases: 1_000_000,
        moderators: 10,
        seconds: 20,
        pages: 200,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = || {
            value
                .parse::<usize>()
                .map_err(|e| format!("{flag} {value}: {e}"))
        };
        match flag.as_str() {
            "--backend" => args.backend = value.clone(),
            "--cases" => args.cases = number()?,
            "--moderators" => args.moderators = number()?.max(1),
            "--seconds" => args.seconds = number()? as u64,
            "--pages" => args.pages = number()?.max(1),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if !["sqlite", "postgres"].contains(&args.backend.as_str()) {
        return Err("--backend is sqlite or postgres".into());
    }
    Ok(args)
}

/// Cases as a platform's queues hold them: mostly reports (half with an automated category
/// score too), English, French and other languages, a reach, a few notices with deadlines
/// (some threats to life), created over the last 30 days. Deterministic for a given `start`.
fn synthetic_cases(start: usize, count: usize, now: i64, config: &ReviewConfig) -> Vec<Case> {
    let categories = [
        Some(Category::Hate),
        Some(Category::Harassment),
        Some(Category::Toxicity),
        Some(Category::ViolenceThreat),
        Some(Category::Incitement),
        None,
    ];
    let mut out = Vec::with_capacity(count);
    for i in start..start + count {
        // A cheap hash of the index: varied but reproducible.
        let h = (i as u64)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29)
            .wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let created = now - (h % (30 * MICROS_PER_DAY as u64)) as i64;
        let subject = Subject::Post {
            platform: "bench".into(),
            post_id: format!("b{i}"),
            author: Some(format!("author{}", h % 50_000)),
        };
        let report = Report {
            id: format!("r{i}"),
            reporter: Some(format!("reporter{}", (h >> 8) % 100_000)),
            category: categories[((h >> 16) % 6) as usize],
            reason: Some("bench".into()),
            received_at: created,
        };
        let mut case = Case::from_report(&format!("{h:016x}{i}"), subject, report, config, created);
        case.lang = Some(["en", "fr", "en", "other"][((h >> 20) % 4) as usize].to_string());
        case.reach = Some((h >> 24) % 2_000_000);
        for extra in 0..(h >> 28) % 3 {
            case.reports.push(Report {
                id: format!("r{i}-{extra}"),
                reporter: Some(format!("reporter{}", (h >> (30 + extra)) % 100_000)),
                category: categories[((h >> (34 + extra)) % 6) as usize],
                reason: None,
                received_at: created,
            });
        }
        // 0.2% notices: deadlines from overdue to three days ahead; a tenth threats to life.
        if (h >> 40).is_multiple_of(500) {
            case.notices.push(Notice {
                id: format!("n{i}"),
                authority: "police".into(),
                reference: None,
                received_at: created,
                deadline: now - MICROS_PER_HOUR
                    + ((h >> 12) % (72 * 60)) as i64 * MICROS_PER_MINUTE,
                threat_to_life: (h >> 50).is_multiple_of(10),
            });
        }
        case.reprioritize(config, created);
        out.push(case);
    }
    out
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

struct Client {
    http: reqwest::Client,
    base: String,
}

impl Client {
    async fn send(&self, post: bool, path: &str, token: &str, body: Value) -> (u16, Value) {
        let url = format!("{}{path}", self.base);
        let req = if post {
            self.http
                .post(url)
                .header("content-type", "application/json")
                .body(body.to_string())
        } else {
            self.http.get(url)
        };
        match req.bearer_auth(token).send().await {
            Ok(resp) => {
                let status = resp.status().as_u16();
                let value = resp.json::<Value>().await.unwrap_or(Value::Null);
                (status, value)
            }
            Err(e) => (0, Value::String(e.to_string())),
        }
    }
}

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("review_bench: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), String> {
    let args = parse_args()?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    // Kept alive for the whole run: dropping it stops the server.
    let mut _pg = None;
    let database_url = match args.backend.as_str() {
        "postgres" => Some(match std::env::var("VIGIE_BENCH_PG_URL") {
            Ok(url) => url,
            Err(_) => {
                let pg = vigie_store::test_support::TempPostgres::start()?;
                let url = pg.create_database("review_bench")?;
                _pg = Some(pg);
                url
            }
        }),
        _ => None,
    };
    let review_path = dir.path().join("review.toml");
    std::fs::write(&review_path, vigie_review::config::EXAMPLE_CONFIG)
        .map_err(|e| e.to_string())?;
    let config = ServerConfig {
        listen: "127.0.0.1:0".into(),
        data_dir: dir.path().join("data"),
        database_url,
        rate_limit_per_second: 1_000_000,
        rate_limit_burst: 1_000_000,
        review_config: Some(review_path),
        ..ServerConfig::default()
    };
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let review = state.review.clone();
    let now = vigie_store::now_micros();

    // 1. bulk load
    let started = Instant::now();
    const CHUNK: usize = 20_000;
    let mut loaded = 0;
    while loaded < args.cases {
        let n = CHUNK.min(args.cases - loaded);
        let cases = synthetic_cases(loaded, n, now, &review);
        state
            .store
            .import_cases(&cases, &review, "key:bench", now)
            .await
            .map_err(|e| e.to_string())?;
        loaded += n;
        if loaded % 200_000 == 0 {
            eprintln!("loaded {loaded} cases in {:.1?}", started.elapsed());
        }
    }
    let load_time = started.elapsed();

    let mut tokens = Vec::new();
    for i in 0..args.moderators {
        let user = state
            .store
            .create_user(
                &format!("mod{i}"),
                Role::Moderator,
                "bench password",
                "bench",
            )
            .await
            .map_err(|e| e.to_string())?;
        tokens.push(user.token);
    }
    let triage = state
        .store
        .create_user("triage", Role::Triage, "bench password", "bench")
        .await
        .map_err(|e| e.to_string())?
        .token;

    let listener = vigie_server::bind("127.0.0.1:0")
        .await
        .map_err(|e| e.to_string())?;
    let base = format!(
        "http://{}",
        listener.local_addr().map_err(|e| e.to_string())?
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(vigie_server::serve(listener, state.clone(), async move {
        let _ = stopped.await;
    }));
    let client = Arc::new(Client {
        http: reqwest::Client::new(),
        base,
    });

    println!(
        "## review bench: {} cases on {} (loaded in {:.1} s, {:.0} cases/s)\n",
        args.cases,
        args.backend,
        load_time.as_secs_f64(),
        args.cases as f64 / load_time.as_secs_f64()
    );

    // 2. queue pages
    println!("| queue | cases on first page | pages | median ms | p99 ms | max ms |");
    println!("|---|---:|---:|---:|---:|---:|");
    let mut all = Vec::new();
    for queue in &review.queues {
        let first = format!("/v1/queues/{}?limit=50", queue.name);
        for _ in 0..3 {
            client.send(false, &first, &triage, Value::Null).await;
        }
        let mut times = Vec::with_capacity(args.pages);
        let mut path = first.clone();
        let mut first_page_len = 0;
        for i in 0..args.pages {
            // Twenty pages deep, then from the top again.
            if i % 20 == 0 {
                path = first.clone();
            }
            let t = Instant::now();
            let (status, body) = client.send(false, &path, &triage, Value::Null).await;
            times.push(t.elapsed());
            if status != 200 {
                return Err(format!("GET {path}: {status} {body}"));
            }
            if i == 0 {
                first_page_len = body["cases"].as_array().map_or(0, Vec::len);
            }
            path = match body["next"].as_str() {
                Some(next) => format!("{first}&after={next}"),
                None => first.clone(),
            };
        }
        times.sort();
        println!(
            "| {} | {} | {} | {} | {} | {} |",
            queue.name,
            first_page_len,
            times.len(),
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 99.0)),
            ms(percentile(&times, 100.0)),
        );
        all.extend(times);
    }
    all.sort();
    println!(
        "| **all queues** | | {} | {} | {} | {} |\n",
        all.len(),
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 99.0)),
        ms(percentile(&all, 100.0)),
    );

    // 3. decisions
    let decided = Arc::new(AtomicU64::new(0));
    let conflicts = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for (worker, token) in tokens.into_iter().enumerate() {
        let (client, decided, conflicts, errors) = (
            client.clone(),
            decided.clone(),
            conflicts.clone(),
            errors.clone(),
        );
        workers.push(tokio::spawn(async move {
            let mut cycles = Vec::new();
            while Instant::now() < deadline {
                let t = Instant::now();
                let (status, page) = client
                    .send(false, "/v1/queues/general?limit=10", &token, Value::Null)
                    .await;
                if status != 200 {
                    errors.fetch_add(1, Ordering::Relaxed);
                    continue;
                }
                let ids: Vec<String> = page["cases"]
                    .as_array()
                    .map(|cases| {
                        cases
                            .iter()
                            .filter_map(|c| c["case"]["id"].as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                if ids.is_empty() {
                    break;
                }
                // Each moderator starts at a different case of the top ten, as people looking
                // at one shared queue do; who comes second to a case tries the next one.
                let start = worker % ids.len();
                for id in ids[start..].iter().chain(&ids[..start]) {
                    let (status, _) = client
                        .send(true, &format!("/v1/cases/{id}/claim"), &token, json!({}))
                        .await;
                    if status == 409 {
                        conflicts.fetch_add(1, Ordering::Relaxed);
                        continue;
                    }
                    if status != 200 {
                        errors.fetch_add(1, Ordering::Relaxed);
                        continue;
                    }
                    let (status, body) = client
                        .send(
                            true,
                            &format!("/v1/cases/{id}/decisions"),
                            &token,
                            json!({"action": {"type": "remove"}, "reason_code": "bench.remove",
                                   "note": "bench", "categories": ["harassment"]}),
                        )
                        .await;
                    if status == 200 {
                        decided.fetch_add(1, Ordering::Relaxed);
                        cycles.push(t.elapsed());
                    } else if status == 409 {
                        // Decided meanwhile by whoever held it before (the listing was older).
                        conflicts.fetch_add(1, Ordering::Relaxed);
                    } else {
                        errors.fetch_add(1, Ordering::Relaxed);
                        eprintln!("decision on {id}: {status} {body}");
                    }
                    break;
                }
            }
            cycles
        }));
    }
    let mut cycles = Vec::new();
    for w in workers {
        cycles.extend(w.await.map_err(|e| e.to_string())?);
    }
    let elapsed = started.elapsed();
    cycles.sort();
    let n = decided.load(Ordering::Relaxed);
    println!(
        "| moderators | decisions | seconds | decisions/s | claim conflicts | errors | cycle median ms | cycle p99 ms |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| {} | {} | {:.1} | {:.0} | {} | {} | {} | {} |",
        args.moderators,
        n,
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64(),
        conflicts.load(Ordering::Relaxed),
        errors.load(Ordering::Relaxed),
        ms(percentile(&cycles, 50.0)),
        ms(percentile(&cycles, 99.0)),
    );
    println!(
        "\n(a cycle: list the general queue's top 10, claim one, decide it; conflicts: claims \
         or decisions another moderator got to first)"
    );

    let report = state
        .store
        .verify_audit()
        .await
        .map_err(|e| e.to_string())?;
    println!(
        "audit chain: {} entries, {}",
        report.entries,
        if report.broken.is_none() {
            "verified"
        } else {
            "BROKEN"
        }
    );
    let _ = stop.send(());
    let _ = server.await;
    Ok(())
}
