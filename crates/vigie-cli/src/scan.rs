//! `vigie scan`: runs the pipeline over a file of posts and writes one decision per line.
//!
//! Records are read in batches by one thread while the previous batch is decided on all cores
//! (rayon), then written in input order: memory is bounded by two batches, whatever the input.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use rayon::prelude::*;
use vigie_detect::Category;
use vigie_engine::{Engine, Post, Scratch};
use vigie_policy::Action;

use crate::engine_args::EngineArgs;
use crate::input::{CsvPosts, Format, InputPost, Line, LineReader, Malformed, parse_json_line};

#[derive(clap::Args)]
pub struct ScanArgs {
    /// JSONL (`{"id", "text", "lang"?, "context"?}` per line) or CSV (`id,text[,lang]`); `-` for
    /// standard input.
    pub input: String,
    /// Input format; guessed from the extension when absent (`.csv` → CSV, else JSONL).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where to write the decisions (JSONL); standard output when absent.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Stop at the first malformed record instead of reporting and skipping it.
    #[arg(long)]
    pub strict: bool,
    /// Records longer than this many bytes are reported as malformed and skipped.
    #[arg(long, default_value_t = 1 << 20)]
    pub max_record_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Records per batch.
    #[arg(long, default_value_t = 8192, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub batch: u32,
    /// Never show a progress bar (it is shown only when standard error is a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// Also write the summary as JSON to this file.
    #[arg(long)]
    pub summary_json: Option<PathBuf>,
    #[command(flatten)]
    pub engine: EngineArgs,
}

/// One record as read, before it is decided.
enum Record {
    Json { line: u64, bytes: Vec<u8> },
    Csv(Result<InputPost, Malformed>),
    TooLong { line: u64, bytes: u64 },
}

enum Source {
    Jsonl(LineReader<Box<dyn BufRead + Send>>),
    Csv(Box<CsvPosts<Box<dyn Read + Send>>>),
}

impl Source {
    fn bytes_read(&self) -> u64 {
        match self {
            Source::Jsonl(r) => r.bytes_read,
            Source::Csv(c) => c.bytes_read(),
        }
    }

    /// Fills `batch` with up to `n` records; false when the input is exhausted.
    fn read_batch(&mut self, batch: &mut Vec<Record>, n: usize) -> anyhow::Result<bool> {
        batch.clear();
        match self {
            Source::Jsonl(reader) => {
                let mut buf = Vec::new();
                while batch.len() < n {
                    match reader.next_line(&mut buf).context("reading the input")? {
                        None => return Ok(false),
                        Some(Line::TooLong { bytes }) => batch.push(Record::TooLong {
                            line: reader.line_no,
                            bytes,
                        }),
                        Some(Line::Complete) => {
                            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                                continue;
                            }
                            batch.push(Record::Json {
                                line: reader.line_no,
                                bytes: buf.clone(),
                            });
                        }
                    }
                }
                Ok(true)
            }
            Source::Csv(csv) => {
                while batch.len() < n {
                    match csv.next_post() {
                        None => return Ok(false),
                        Some(r) => batch.push(Record::Csv(r)),
                    }
                }
                Ok(true)
            }
        }
    }
}

/// What deciding one record produced.
enum Outcome {
    Decided {
        json: Vec<u8>,
        action: Action,
        flagged: u16,
        pipeline: Duration,
    },
    Malformed(Malformed),
}

/// Counts shown at the end of a scan.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub posts: u64,
    pub malformed: u64,
    pub actions: Vec<(String, u64)>,
    /// Posts with a category scoring ≥ 0.5.
    pub categories: Vec<(String, u64)>,
    pub wall_seconds: f64,
    pub posts_per_second: f64,
    /// Posts per second of pipeline time on one core (normalize → detect → policy; reading,
    /// JSON and writing excluded), comparable to single-threaded peers.
    pub pipeline_posts_per_core_second: f64,
    pub threads: usize,
}

#[derive(Default)]
struct Tally {
    posts: u64,
    malformed: u64,
    actions: [u64; Action::ALL.len()],
    categories: [u64; Category::ALL.len()],
    pipeline: Duration,
}

pub fn run(args: &ScanArgs) -> anyhow::Result<()> {
    let engine = args.engine.build()?;
    let threads = args.threads.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .context("starting worker threads")?;

    let (reader, total_bytes): (Box<dyn Read + Send>, Option<u64>) = if args.input == "-" {
        (Box::new(std::io::stdin()), None)
    } else {
        let file = File::open(&args.input).with_context(|| format!("opening {}", args.input))?;
        let len = file.metadata().ok().map(|m| m.len());
        (Box::new(file), len)
    };
    let format = args
        .format
        .unwrap_or_else(|| Format::from_path(&args.input));
    let mut source = match format {
        Format::Jsonl => Source::Jsonl(LineReader::new(
            Box::new(BufReader::with_capacity(1 << 20, reader)),
            args.max_record_bytes,
        )),
        Format::Csv => Source::Csv(Box::new(
            CsvPosts::new(reader)
                .with_context(|| format!("reading the header of {}", args.input))?,
        )),
    };

    let out: Box<dyn Write> = match &args.output {
        Some(path) => {
            Box::new(File::create(path).with_context(|| format!("creating {}", path.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, out);

    let progress = (!args.no_progress && std::io::stderr().is_terminal()).then(|| {
        let bar = match total_bytes {
            Some(n) => indicatif::ProgressBar::new(n).with_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({eta}) {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            ),
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
        bar
    });

    let started = Instant::now();
    let mut tally = Tally::default();
    let batch_len = args.batch as usize;
    let mut current = Vec::with_capacity(batch_len);
    let mut next = Vec::with_capacity(batch_len);
    let mut outcomes: Vec<Outcome> = Vec::with_capacity(batch_len);
    let mut more = source.read_batch(&mut current, batch_len)?;
    loop {
        // Decide this batch on the pool while this thread reads the next one.
        let (read_result, ()) = pool.install(|| {
            rayon::join(
                || {
                    if more {
                        source.read_batch(&mut next, batch_len)
                    } else {
                        Ok(false)
                    }
                },
                || {
                    current
                        .par_iter()
                        .map_init(Scratch::default, |scratch, r| decide(&engine, scratch, r))
                        .collect_into_vec(&mut outcomes)
                },
            )
        });
        let more_after = if more { read_result? } else { false };
        for outcome in outcomes.drain(..) {
            match outcome {
                Outcome::Decided {
                    json,
                    action,
                    flagged,
                    pipeline,
                } => {
                    out.write_all(&json).context("writing decisions")?;
                    tally.posts += 1;
                    tally.actions[action as usize] += 1;
                    for c in Category::ALL {
                        if flagged & (1 << c.index()) != 0 {
                            tally.categories[c.index()] += 1;
                        }
                    }
                    tally.pipeline += pipeline;
                }
                Outcome::Malformed(m) => {
                    tally.malformed += 1;
                    if let Some(bar) = &progress {
                        bar.suspend(|| eprintln!("line {}: {}", m.line, m.reason));
                    } else {
                        eprintln!("line {}: {}", m.line, m.reason);
                    }
                    if args.strict {
                        out.flush().ok();
                        anyhow::bail!("line {}: {} (--strict: stopping)", m.line, m.reason);
                    }
                }
            }
        }
        if let Some(bar) = &progress {
            bar.set_position(source.bytes_read());
            bar.set_message(format!("{} posts", tally.posts));
        }
        if !more {
            break; // `current` was the last batch
        }
        std::mem::swap(&mut current, &mut next);
        more = more_after;
    }
    out.flush().context("writing decisions")?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }

    let wall = started.elapsed().as_secs_f64();
    let summary = Summary {
        posts: tally.posts,
        malformed: tally.malformed,
        actions: Action::ALL
            .iter()
            .map(|a| (a.name().to_string(), tally.actions[*a as usize]))
            .collect(),
        categories: Category::ALL
            .iter()
            .map(|c| (c.name().to_string(), tally.categories[c.index()]))
            .collect(),
        wall_seconds: wall,
        posts_per_second: if wall > 0.0 {
            tally.posts as f64 / wall
        } else {
            0.0
        },
        pipeline_posts_per_core_second: if tally.pipeline.as_secs_f64() > 0.0 {
            tally.posts as f64 / tally.pipeline.as_secs_f64()
        } else {
            0.0
        },
        threads,
    };
    eprint!("{}", render_summary(&summary));
    if let Some(path) = &args.summary_json {
        let json = serde_json::to_vec_pretty(&summary)?;
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

fn decide(engine: &Engine, scratch: &mut Scratch, record: &Record) -> Outcome {
    let post = match record {
        Record::Json { line, bytes } => match parse_json_line(bytes) {
            Ok(p) => p,
            Err(reason) => {
                return Outcome::Malformed(Malformed {
                    line: *line,
                    reason,
                });
            }
        },
        Record::Csv(Ok(p)) => p.clone(),
        Record::Csv(Err(m)) => return Outcome::Malformed(m.clone()),
        Record::TooLong { line, bytes } => {
            return Outcome::Malformed(Malformed {
                line: *line,
                reason: format!("record of {bytes} bytes is over --max-record-bytes"),
            });
        }
    };
    let started = Instant::now();
    let decision = engine.decide_with(
        scratch,
        &Post {
            id: &post.id,
            text: &post.text,
            context: &post.context,
        },
    );
    let pipeline = started.elapsed();
    let mut flagged = 0u16;
    for c in &decision.categories {
        if c.score >= 0.5 {
            flagged |= 1 << c.category.index();
        }
    }
    let mut json = Vec::with_capacity(256);
    match serde_json::to_writer(&mut json, &decision) {
        Ok(()) => json.push(b'\n'),
        Err(e) => {
            return Outcome::Malformed(Malformed {
                line: 0,
                reason: format!("post {}: could not write its decision: {e}", post.id),
            });
        }
    }
    Outcome::Decided {
        json,
        action: decision.action,
        flagged,
        pipeline,
    }
}

/// The end-of-scan table, for people.
pub fn render_summary(s: &Summary) -> String {
    let mut t = String::new();
    let line = |t: &mut String, k: &str, v: String| t.push_str(&format!("  {k:<28} {v:>14}\n"));
    t.push_str("\nvigie scan summary\n");
    line(&mut t, "posts decided", s.posts.to_string());
    line(&mut t, "malformed records skipped", s.malformed.to_string());
    t.push_str("  actions\n");
    for (name, n) in &s.actions {
        line(&mut t, &format!("  {name}"), n.to_string());
    }
    t.push_str("  categories (score ≥ 0.5)\n");
    for (name, n) in &s.categories {
        line(&mut t, &format!("  {name}"), n.to_string());
    }
    line(&mut t, "wall time (s)", format!("{:.3}", s.wall_seconds));
    line(
        &mut t,
        &format!("posts/s ({} threads)", s.threads),
        format!("{:.0}", s.posts_per_second),
    );
    line(
        &mut t,
        "pipeline posts/s per core",
        format!("{:.0}", s.pipeline_posts_per_core_second),
    );
    t
}
