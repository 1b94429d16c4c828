//! How long each console page takes to serve with 100,000 cases stored: a benchmark that
//! prints figures, not a test that times anything (it is `#[ignore]`d; run it with
//! `scripts/bench-console.sh`, in release mode).
//!
//! It stores `VIGIE_BENCH_CASES` (default 100,000) flagged posts through the store's writer
//! (posts, decisions, audit entries and the cases they open, as the API does), resolves a
//! thousand of them as a moderator would, then asks every page `VIGIE_BENCH_ROUNDS` times
//! (default 20) over HTTP on 127.0.0.1 and prints the median and the slowest time per page.
//! `VIGIE_BENCH_PG=1` runs it on a PostgreSQL it starts instead of SQLite.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{COOKIE, SET_COOKIE};
use tokio::sync::oneshot;
use vigie_engine::Post;
use vigie_policy::PostContext;
use vigie_review::{DecisionInput, ModeratorAction, Role};
use vigie_server::{AppState, ServerConfig};
use vigie_store::{CaseChange, NewPost};

const PASSWORD: &str = "correct horse battery";

/// Flagged texts (English and French) the cases are made of; a number makes each one unique.
const TEXTS: &[&str] = &[
    "You are a worthless idiot and a stupid moron, shut up",
    "shut up you stupid idiot, nobody wants you here",
    "Tu es un connard et un imbécile fini",
    "I will kill you tomorrow",
    "What a stupid moron you are, worthless idiot",
    "Ferme-la, espèce de connard, personne ne veut de toi ici",
    "You worthless idiot, you are a stupid moron",
    "Je vais te tuer demain",
];

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn cookie_value(resp: &reqwest::Response, name: &str) -> Option<String> {
    resp.headers().get_all(SET_COOKIE).iter().find_map(|v| {
        let first = v.to_str().ok()?.split(';').next()?;
        let (k, v) = first.split_once('=')?;
        (k == name && !v.is_empty()).then(|| v.to_string())
    })
}

fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_string())
}

async fn seed(state: &Arc<AppState>, cases: usize) -> Duration {
    let started = Instant::now();
    let current = state.current();
    let batch = 1_000;
    let mut n = 0;
    while n < cases {
        let owned: Vec<(String, String, String, PostContext)> = (n..(n + batch).min(cases))
            .map(|i| {
                let text = format!("{} #{i}", TEXTS[i % TEXTS.len()]);
                let context = PostContext {
                    reach: Some(((i * 7919) % 200_000) as u64 + 10),
                    ..PostContext::default()
                };
                (format!("p{i}"), format!("u{}", i % 5_000), text, context)
            })
            .collect();
        let decisions: Vec<_> = owned
            .iter()
            .map(|(id, _, text, context)| current.engine.decide(&Post { id, text, context }))
            .collect();
        let posts: Vec<NewPost<'_>> = owned
            .iter()
            .zip(&decisions)
            .map(|((id, author, text, context), decision)| NewPost {
                platform: "forum",
                post_id: id,
                author: Some(author),
                text,
                context,
                decision,
            })
            .collect();
        state
            .store
            .record_posts(&posts, "key:bench", &current.model_versions)
            .await
            .unwrap();
        n += owned.len();
        if n % 20_000 == 0 {
            eprintln!(
                "  stored {n} posts ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
    started.elapsed()
}

/// Claims and decides the first `count` cases of the general queues, as alice.
async fn resolve_some(state: &Arc<AppState>, count: usize) -> Vec<String> {
    let mut resolved = Vec::new();
    for queue in state.review.queues.clone() {
        if resolved.len() >= count {
            break;
        }
        let now = state.clock.now();
        let cases = state
            .store
            .list_queue(&queue, &state.review, now, count - resolved.len())
            .await
            .unwrap();
        for case in cases {
            if case.is_threat_to_life() {
                continue;
            }
            let change = CaseChange {
                actor: "user:alice",
                kind: "case.decide",
                now,
                config: &state.review,
                webhook_endpoint: None,
            };
            let alice = vigie_review::Actor::new("alice", Role::Moderator);
            let config = state.review.clone();
            let done = state
                .store
                .change_case(&case.id, &change, |c| {
                    c.claim(&alice, now, &config.lease)?;
                    let input = DecisionInput {
                        action: ModeratorAction::Remove,
                        reason_code: "harassment.insult".into(),
                        note: None,
                        categories: c.flagged_categories(),
                    };
                    let outcome = c.decide(&alice, input, &config, now)?;
                    Ok((
                        (),
                        match outcome {
                            vigie_review::DecideOutcome::Resolved { effects, .. } => effects,
                            _ => Vec::new(),
                        },
                    ))
                })
                .await;
            if done.is_ok() {
                resolved.push(case.id);
            }
        }
    }
    resolved
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run scripts/bench-console.sh"]
async fn console_pages_with_many_cases() {
    let cases = env_usize("VIGIE_BENCH_CASES", 100_000);
    let rounds = env_usize("VIGIE_BENCH_ROUNDS", 20).max(1);
    let dir = tempfile::tempdir().unwrap();
    let pg = std::env::var("VIGIE_BENCH_PG")
        .is_ok_and(|v| v == "1")
        .then(|| vigie_store::test_support::TempPostgres::start().unwrap());
    let database_url = pg.as_ref().map(|p| p.create_database("bench").unwrap());
    let config = ServerConfig {
        listen: "127.0.0.1:0".into(),
        data_dir: dir.path().to_path_buf(),
        database_url,
        rate_limit_per_second: 0,
        ..ServerConfig::default()
    };
    let state = AppState::open(config).await.unwrap();
    for (name, role) in [("alice", Role::Moderator), ("ada", Role::Admin)] {
        state
            .store
            .create_user(name, role, PASSWORD, "bench")
            .await
            .unwrap();
    }
    let backend = if pg.is_some() { "PostgreSQL" } else { "SQLite" };
    eprintln!("storing {cases} flagged posts on {backend}…");
    let took = seed(&state, cases).await;
    eprintln!(
        "stored {cases} posts in {:.1} s ({:.0} posts/s)",
        took.as_secs_f64(),
        cases as f64 / took.as_secs_f64()
    );
    let resolved = resolve_some(&state, 1_000).await;
    eprintln!("resolved {} cases as alice", resolved.len());

    let listener = vigie_server::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(vigie_server::serve(listener, state.clone(), async move {
        let _ = stopped.await;
    }));
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    // Sign in as the admin (who may open every page).
    let form = http
        .get(format!("{base}/console/login"))
        .send()
        .await
        .unwrap();
    let login = cookie_value(&form, "vigie_login_csrf").unwrap();
    let resp = http
        .post(format!("{base}/console/login"))
        .header(COOKIE, format!("vigie_login_csrf={login}"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "name=ada&password=correct+horse+battery&csrf={login}"
        ))
        .send()
        .await
        .unwrap();
    let session = cookie_value(&resp, "vigie_session").unwrap();
    let cookie = format!("vigie_session={session}");

    let open_case = state
        .store
        .list_queue(
            &state.review.queues[state.review.queues.len() - 1],
            &state.review,
            state.clock.now(),
            1,
        )
        .await
        .unwrap()
        .first()
        .map(|c| c.id.clone())
        .or_else(|| resolved.first().cloned())
        .unwrap();
    let resolved_case = resolved
        .first()
        .cloned()
        .unwrap_or_else(|| open_case.clone());
    let mut pages: Vec<(String, String)> = state
        .review
        .queues
        .iter()
        .map(|q| {
            (
                format!("queue {}", q.name),
                format!("/console/queues?queue={}", q.name),
            )
        })
        .collect();
    pages.extend([
        (
            "queue general, filtered (fr, hate)".to_string(),
            "/console/queues?queue=general&lang=fr&category=hate".to_string(),
        ),
        ("case (open)".into(), format!("/console/cases/{open_case}")),
        (
            "case (resolved)".into(),
            format!("/console/cases/{resolved_case}"),
        ),
        ("appeals".into(), "/console/appeals".into()),
        ("audit log".into(), "/console/audit".into()),
        (
            "audit log, kind case.".into(),
            "/console/audit?kind=case.".into(),
        ),
        (
            "audit log, actor user:alice".into(),
            "/console/audit?actor=user%3Aalice".into(),
        ),
        ("dashboard".into(), "/console/dashboard".into()),
        ("policy".into(), "/console/policy".into()),
    ]);

    // The policy page reads the stored decisions it has not tallied yet, 20,000 per view:
    // the first views catch up, then each view reads only what is new.
    let mut catch_up = Vec::new();
    for _ in 0..(cases / 20_000 + 2) {
        let t = Instant::now();
        let r = http
            .get(format!("{base}/console/policy"))
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        r.bytes().await.unwrap();
        catch_up.push(t.elapsed().as_secs_f64() * 1000.0);
    }

    println!();
    println!(
        "console pages, {cases} cases on {backend} ({} resolved), {rounds} requests each, ms:",
        resolved.len()
    );
    println!("{:<40} {:>8} {:>8} {:>8}", "page", "median", "max", "KiB");
    let mut worst: f64 = 0.0;
    for (name, path) in &pages {
        let mut times = Vec::with_capacity(rounds);
        let mut size = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            let r = http
                .get(format!("{base}{path}"))
                .header(COOKIE, &cookie)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{path}");
            size = r.bytes().await.unwrap().len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        worst = worst.max(median);
        println!(
            "{name:<40} {median:>8.1} {:>8.1} {:>8.1}",
            times[times.len() - 1],
            size as f64 / 1024.0
        );
    }
    println!(
        "policy page while catching up on {cases} decisions (first views): {}",
        catch_up
            .iter()
            .map(|t| format!("{t:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let t = Instant::now();
    let r = http
        .get(format!("{base}/console/audit"))
        .header(COOKIE, &cookie)
        .send()
        .await
        .unwrap();
    let csrf = csrf_in(&r.text().await.unwrap()).unwrap();
    let r = http
        .post(format!("{base}/console/audit/verify"))
        .header(COOKIE, &cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}"))
        .send()
        .await
        .unwrap();
    let intact = r.text().await.unwrap().contains("The chain is intact");
    println!(
        "verify the whole audit chain (an explicit button, O(entries)): {:.0} ms, intact: {intact}",
        t.elapsed().as_secs_f64() * 1000.0
    );
    println!("slowest median: {worst:.1} ms (goal: 100 ms)");
    let _ = stop.send(());
    let _ = server.await;
}
