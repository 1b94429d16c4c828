//! `vigie bench`: measures the pipeline's own speed on a corpus held in memory, the way the peer
//! filters in the benchmark harness are measured (scoring loop only; JSON parsing and output
//! excluded), on one thread and on all of them.

use std::io::BufReader;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use vigie_engine::{Engine, Post, Scratch};
use vigie_policy::Action;

use crate::engine_args::EngineArgs;
use crate::input::{Line, LineReader, parse_json_line};

#[derive(clap::Args)]
pub struct BenchArgs {
    /// JSONL corpus (`{"id", "text", "lang"?}` per line), e.g. from the benchmark's make_corpus.py.
    pub corpus: PathBuf,
    /// Timed passes over the corpus; the median is reported.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub runs: u32,
    /// Thread counts to measure (default: 1 and all cores).
    #[arg(long, value_delimiter = ',')]
    pub threads: Vec<usize>,
    /// Also print one `PEERSTAT {json}` line per thread count, in the peers' format.
    #[arg(long)]
    pub peerstat: bool,
    #[command(flatten)]
    pub engine: EngineArgs,
}

struct Owned {
    id: String,
    text: String,
    context: vigie_policy::PostContext,
}

pub fn run(args: &BenchArgs) -> anyhow::Result<()> {
    let load_started = Instant::now();
    let engine = args.engine.build()?;
    let load_s = load_started.elapsed().as_secs_f64();

    let file = std::fs::File::open(&args.corpus)
        .with_context(|| format!("opening {}", args.corpus.display()))?;
    let mut reader = LineReader::new(BufReader::with_capacity(1 << 20, file), 1 << 20);
    let mut posts = Vec::new();
    let mut buf = Vec::new();
    while let Some(line) = reader.next_line(&mut buf)? {
        if let (Line::Complete, Ok(p)) = (line, parse_json_line(&buf)) {
            posts.push(Owned {
                id: p.id,
                text: p.text,
                context: p.context,
            });
        }
    }
    anyhow::ensure!(
        !posts.is_empty(),
        "{} holds no posts",
        args.corpus.display()
    );
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let threads = if args.threads.is_empty() {
        if cores > 1 { vec![1, cores] } else { vec![1] }
    } else {
        args.threads.clone()
    };

    crate::outln!(
        "vigie bench: {} posts, engine built in {:.3} s, {} detector(s), policy {}",
        posts.len(),
        load_s,
        engine.detector_versions().len(),
        engine.policy().version()
    )?;
    crate::outln!("| threads | posts/s (median) | posts/s per core | min-max | flagged |")?;
    crate::outln!("|---:|---:|---:|---:|---:|")?;
    for &n in &threads {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()?;
        // One untimed pass warms caches and lets lazy structures settle.
        let _ = pool.install(|| score_all(&engine, &posts, n));
        let mut rates = Vec::new();
        let mut flagged = 0;
        for _ in 0..args.runs {
            let started = Instant::now();
            flagged = pool.install(|| score_all(&engine, &posts, n));
            rates.push(posts.len() as f64 / started.elapsed().as_secs_f64());
        }
        rates.sort_by(f64::total_cmp);
        let median = rates[rates.len() / 2];
        crate::outln!(
            "| {n} | {median:.0} | {:.0} | {:.0}-{:.0} | {flagged} |",
            median / n as f64,
            rates[0],
            rates[rates.len() - 1]
        )?;
        if args.peerstat {
            eprintln!(
                "PEERSTAT {}",
                serde_json::json!({
                    "peer": "vigie", "version": env!("CARGO_PKG_VERSION"), "posts": posts.len(),
                    "flagged": flagged, "load_s": load_s, "score_s": posts.len() as f64 / median,
                    "posts_per_s": median, "threads": n
                })
            );
        }
    }
    if let Some(kb) = peak_rss_kb() {
        crate::outln!("peak RSS: {:.1} MB", kb as f64 / 1024.0)?;
    }
    Ok(())
}

/// Decides every post; returns how many were not allowed. Each thread keeps its own scratch
/// buffers, as a platform's worker would.
fn score_all(engine: &Engine, posts: &[Owned], threads: usize) -> usize {
    let decide = |scratch: &mut Scratch, p: &Owned| {
        let d = engine.decide_with(
            scratch,
            &Post {
                id: &p.id,
                text: &p.text,
                context: &p.context,
            },
        );
        usize::from(d.action != Action::Allow)
    };
    if threads <= 1 {
        let mut scratch = Scratch::default();
        posts.iter().map(|p| decide(&mut scratch, p)).sum()
    } else {
        posts.par_iter().map_init(Scratch::default, decide).sum()
    }
}

/// Peak resident memory of this process (Linux), for the record.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
