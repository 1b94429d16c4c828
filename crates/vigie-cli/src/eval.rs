//! `vigie eval`: scores a labelled file with a model and reports, per category and language,
//! n, positives, precision, recall, F1 at the model's threshold, and AUPRC — as a table and as
//! JSON. Labels are read as the source gives them (no derived labels, empty = not counted).
//!
//! Two modes: the classifier alone (default), judged at the classifier's own threshold per
//! category and language; and `--pipeline`, what a platform gets from the whole engine (rule-based
//! threat patterns, lexicons and the classifier, then the policy — the embedded default, or
//! `--policy FILE`). In pipeline mode a row counts as flagged for a category when the policy
//! acted on it for that category: an enforced rule of that category fired with an action other
//! than `allow`. Precision counts every row whose label for the category is known, negatives
//! included; AUPRC ranks rows by the highest score any detector gave the category. A row is
//! "left alone" when the policy's action is `allow`.

use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;
use vigie_classify::{Classifier, metrics};
use vigie_engine::{Engine, Post};
use vigie_policy::{Action, PostContext};
use vigie_text::Lang;

use crate::train::{LabelledRow, Split, analyze, read_pool, read_seeds};

#[derive(clap::Args)]
pub struct EvalArgs {
    #[arg(long, default_value = "models/vigie-enfr.vgm")]
    pub model: PathBuf,
    /// The pool CSV, a seeds JSONL file, or a directory of seed files.
    pub file: PathBuf,
    /// Which split to evaluate on: train, dev, test or all.
    #[arg(long, default_value = "test")]
    pub split: String,
    /// Also write the figures as JSON here.
    #[arg(long)]
    pub json: Option<PathBuf>,
    /// Also write every row's scores here (JSONL: id, lang, kind, labels, scores), to look at
    /// the misses.
    #[arg(long)]
    pub rows_out: Option<PathBuf>,
    /// Only rows of this pool source (e.g. `hatexplain`) or seed kind (e.g. `idiom`).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only the rows whose id is listed in this file (one id a line; blank lines and `#`
    /// comments are skipped), after --split and --kind. Every listed id must be a row of the
    /// labelled file. `python3 data/seeds/rounds.py 20 --ids-out FILE` lists seed round 20.
    #[arg(long, value_name = "FILE")]
    pub ids: Option<PathBuf>,
    /// Evaluate the whole engine (every detector, then the policy) instead of the classifier
    /// alone: a category is flagged when the policy acts on the post for it.
    #[arg(long)]
    pub pipeline: bool,
    /// With --pipeline: the policy file (TOML) to judge by instead of the embedded default.
    #[arg(long, value_name = "FILE", requires = "pipeline")]
    pub policy: Option<PathBuf>,
}

#[derive(Serialize)]
struct Row {
    category: String,
    lang: String,
    n: u32,
    positives: u32,
    precision: f32,
    recall: f32,
    f1: f32,
    auprc: f32,
    threshold: Option<f32>,
}

#[derive(Serialize)]
struct LeftAlone {
    lang: String,
    /// Rows whose every known label is 0.
    negatives: u32,
    /// Of them, how many no category flagged.
    left_alone: u32,
    rate: f32,
}

#[derive(Serialize)]
struct Report {
    model_version: String,
    /// "classifier" or "pipeline".
    mode: String,
    /// Pipeline: the policy judged by ("default" or the file given).
    policy: Option<String>,
    file: String,
    split: String,
    /// The id list the rows were restricted to (`--ids`), if any.
    ids: Option<String>,
    rows: usize,
    figures: Vec<Row>,
    negatives_left_alone: Vec<LeftAlone>,
}

pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.model)
        .with_context(|| format!("reading model {}", args.model.display()))?;
    let started = std::time::Instant::now();
    let classifier = Classifier::from_bytes(&bytes)
        .with_context(|| format!("loading model {}", args.model.display()))?;
    eprintln!(
        "model {} loaded in {:.1} ms",
        classifier.model_version(),
        started.elapsed().as_secs_f64() * 1000.0
    );

    let is_csv = args.file.extension().is_some_and(|e| e == "csv");
    let rows: Vec<LabelledRow> = if is_csv {
        read_pool(&args.file, false, &Default::default())?
    } else {
        read_seeds(&args.file, crate::train::DEFAULT_SEED_WEIGHT)?
    };
    let wanted = match args.split.as_str() {
        "train" => Some(Split::Train),
        "dev" => Some(Split::Dev),
        "test" => Some(Split::Test),
        "all" => None,
        other => anyhow::bail!("unknown split {other:?} (train, dev, test or all)"),
    };
    let id_list = match &args.ids {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("reading the id list {}", path.display()))?,
        ),
        None => None,
    };
    let listed = match (&args.ids, &id_list) {
        (Some(path), Some(text)) => {
            let listed = parse_id_list(text)
                .with_context(|| format!("reading the id list {}", path.display()))?;
            check_listed_ids(&listed, &rows).with_context(|| {
                format!(
                    "--ids {} does not match {}",
                    path.display(),
                    args.file.display()
                )
            })?;
            Some(
                listed
                    .into_iter()
                    .collect::<std::collections::HashSet<&str>>(),
            )
        }
        _ => None,
    };
    let rows: Vec<LabelledRow> = rows
        .into_iter()
        .filter(|r| wanted.is_none_or(|s| r.split == s))
        .filter(|r| args.kind.as_ref().is_none_or(|k| &r.kind == k))
        .filter(|r| {
            listed
                .as_ref()
                .is_none_or(|ids| ids.contains(r.id.as_str()))
        })
        .collect();
    let labels = classifier.labels().to_vec();
    // Per row: one score per classifier label, and (pipeline only) what the policy did.
    let (scores, judged): (Vec<Vec<f32>>, Option<Vec<Judged>>) = if args.pipeline {
        let mut builder = Engine::builder().model(args.model.display().to_string(), bytes);
        if let Some(path) = &args.policy {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading policy {}", path.display()))?;
            builder = builder.policy(path.display().to_string(), text);
        }
        let engine = builder
            .build()
            .context("building the engine with the model")?;
        let (scores, judged) = decide_all(&engine, &rows, &labels);
        (scores, Some(judged))
    } else {
        let engine = Engine::builder()
            .without_classifier()
            .build()
            .context("building the rule-based engine")?;
        let analysed = analyze(&engine, &rows, "analyze");
        let scores = analysed
            .iter()
            .map(|r| {
                let s = classifier.score(&r.text, &r.normalized, &r.prior);
                s.probabilities[..labels.len()].to_vec()
            })
            .collect();
        report_speed(&classifier, &analysed);
        (scores, None)
    };

    let threshold = |li: usize, lang: Lang| {
        classifier
            .threshold(labels[li], lang)
            .map_or(0.5, |t| t.value)
    };
    if let Some(path) = &args.rows_out {
        write_rows(path, &rows, &scores, judged.as_deref(), &labels)?;
    }
    let mut figures = Vec::new();
    for (li, &category) in labels.iter().enumerate() {
        let Some(l) = vigie_classify::label_index(category) else {
            continue;
        };
        for lang in [Some(Lang::En), Some(Lang::Fr), None] {
            // Classifier: each row is judged at the threshold of its own language, then shifted
            // so that one cut-off (0) applies to all. Pipeline: flagged (1) or not (0) by the
            // policy, the same cut-off.
            let pairs: Vec<(f32, bool)> = rows
                .iter()
                .enumerate()
                .zip(&scores)
                .filter(|((_, r), _)| lang.is_none_or(|g| r.lang == g))
                .filter_map(|((i, r), s)| {
                    let y = r.labels[l]?;
                    let verdict = match &judged {
                        Some(judged) => {
                            if judged[i].flagged[li] {
                                0.5
                            } else {
                                -0.5
                            }
                        }
                        None => s[li] - threshold(li, r.lang),
                    };
                    Some((verdict, y))
                })
                .collect();
            if pairs.is_empty() {
                continue;
            }
            let at = metrics::at_threshold(&pairs, 0.0);
            let raw: Vec<(f32, bool)> = rows
                .iter()
                .zip(&scores)
                .filter(|(r, _)| lang.is_none_or(|g| r.lang == g))
                .filter_map(|(r, s)| r.labels[l].map(|y| (s[li], y)))
                .collect();
            figures.push(Row {
                category: category.name().to_string(),
                lang: lang.map_or("all", |g| g.code()).to_string(),
                n: at.n,
                positives: at.positives,
                precision: at.precision,
                recall: at.recall,
                f1: at.f1,
                auprc: metrics::average_precision(&raw),
                threshold: lang.filter(|_| judged.is_none()).map(|g| threshold(li, g)),
            });
        }
    }

    let mut left = Vec::new();
    let mut flagged_negatives: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for lang in [Some(Lang::En), Some(Lang::Fr), None] {
        let (mut negatives, mut alone) = (0u32, 0u32);
        for (i, (r, s)) in rows.iter().zip(&scores).enumerate() {
            if lang.is_some_and(|g| r.lang != g) {
                continue;
            }
            let known: Vec<bool> = r.labels.iter().filter_map(|x| *x).collect();
            if known.is_empty() || known.iter().any(|&y| y) {
                continue;
            }
            negatives += 1;
            let flagged = match &judged {
                Some(judged) => judged[i].acted,
                None => (0..labels.len()).any(|li| s[li] >= threshold(li, r.lang)),
            };
            alone += u32::from(!flagged);
            if flagged && lang.is_none() {
                flagged_negatives
                    .entry(if r.kind.is_empty() { "-" } else { &r.kind })
                    .or_default()
                    .push(&r.id);
            }
        }
        if negatives > 0 {
            left.push(LeftAlone {
                lang: lang.map_or("all", |g| g.code()).to_string(),
                negatives,
                left_alone: alone,
                rate: alone as f32 / negatives as f32,
            });
        }
    }

    let mode = if args.pipeline {
        "pipeline"
    } else {
        "classifier"
    };
    println!(
        "{mode}: model {} on {} (split {}{}, {} rows)",
        classifier.model_version(),
        args.file.display(),
        args.split,
        match (&args.ids, &listed) {
            (Some(path), Some(ids)) => format!(", {} ids listed in {}", ids.len(), path.display()),
            _ => String::new(),
        },
        rows.len()
    );
    println!(
        "{:<16} {:<5} {:>6} {:>6} {:>9} {:>7} {:>6} {:>6} {:>9}",
        "category", "lang", "n", "pos", "precision", "recall", "F1", "AUPRC", "threshold"
    );
    for f in &figures {
        println!(
            "{:<16} {:<5} {:>6} {:>6} {:>9.3} {:>7.3} {:>6.3} {:>6.3} {:>9}",
            f.category,
            f.lang,
            f.n,
            f.positives,
            f.precision,
            f.recall,
            f.f1,
            f.auprc,
            f.threshold.map_or(
                if args.pipeline { "policy" } else { "per-lang" }.to_string(),
                |t| format!("{t:.3}")
            )
        );
    }
    for l in &left {
        println!(
            "all-negative rows {} ({}): {}/{} = {:.1}%",
            if args.pipeline {
                "allowed by the policy"
            } else {
                "left alone"
            },
            l.lang,
            l.left_alone,
            l.negatives,
            100.0 * l.rate
        );
    }
    if !flagged_negatives.is_empty() && flagged_negatives.len() < 40 {
        println!("flagged negatives by kind (first ids):");
        for (kind, ids) in &flagged_negatives {
            let shown: Vec<&str> = ids.iter().take(4).copied().collect();
            println!("  {kind:<20} {:>4}  {}", ids.len(), shown.join(" "));
        }
    }
    if let Some(path) = &args.json {
        let report = Report {
            model_version: classifier.model_version().to_string(),
            mode: mode.to_string(),
            policy: args.pipeline.then(|| {
                args.policy
                    .as_ref()
                    .map_or("default".to_string(), |p| p.display().to_string())
            }),
            file: args.file.display().to_string(),
            split: args.split.clone(),
            ids: args.ids.as_ref().map(|p| p.display().to_string()),
            rows: rows.len(),
            figures,
            negatives_left_alone: left,
        };
        let json = serde_json::to_string_pretty(&report)?;
        std::fs::write(path, json).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The ids of an `--ids` file, in the file's order, each once: one a line, surrounding spaces
/// trimmed; `#` starts a comment (no seed or pool id holds `#` or whitespace). A line with two
/// ids is refused rather than read as one, and so is a list without any id, which would
/// measure nothing.
fn parse_id_list(text: &str) -> anyhow::Result<Vec<&str>> {
    let mut seen = std::collections::HashSet::new();
    let mut ids = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let id = line.split('#').next().unwrap_or("").trim();
        if id.is_empty() {
            continue;
        }
        if id.split_whitespace().nth(1).is_some() {
            anyhow::bail!("line {}: one id a line, found {id:?}", number + 1);
        }
        if seen.insert(id) {
            ids.push(id);
        }
    }
    anyhow::ensure!(!ids.is_empty(), "no id in the list");
    Ok(ids)
}

/// Every listed id must name a row of the labelled file (whatever its split or kind), so that
/// a typo or a list made for another file cannot silently shrink the measured set. The error
/// names the first few unknown ids in the list's order, where the user will look for them.
fn check_listed_ids(listed: &[&str], rows: &[LabelledRow]) -> anyhow::Result<()> {
    const SHOWN: usize = 5;
    let present: std::collections::HashSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let unknown: Vec<&str> = listed
        .iter()
        .copied()
        .filter(|id| !present.contains(id))
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "{} of the {} listed ids are not among its rows: {}{}",
        unknown.len(),
        listed.len(),
        unknown[..unknown.len().min(SHOWN)].join(", "),
        if unknown.len() > SHOWN { ", …" } else { "" }
    )
}

/// One JSON line per row: what it is labelled and how each category scored.
fn write_rows(
    path: &std::path::Path,
    rows: &[LabelledRow],
    scores: &[Vec<f32>],
    judged: Option<&[Judged]>,
    labels: &[vigie_detect::Category],
) -> anyhow::Result<()> {
    use std::io::Write;
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    for (i, (r, s)) in rows.iter().zip(scores).enumerate() {
        let mut known = serde_json::Map::new();
        let mut scored = serde_json::Map::new();
        for (li, c) in labels.iter().enumerate() {
            if let Some(l) = vigie_classify::label_index(*c) {
                known.insert(c.name().to_string(), r.labels[l].into());
            }
            scored.insert(c.name().to_string(), s[li].into());
        }
        let mut line = serde_json::json!({
            "id": r.id, "lang": r.lang.code(), "kind": r.kind, "text": r.text,
            "labels": known, "scores": scored,
        });
        if let Some(j) = judged.and_then(|j| j.get(i)) {
            line["action"] = serde_json::to_value(j.action)?;
            line["rules"] = j.rules.clone().into();
        }
        writeln!(out, "{line}").with_context(|| format!("writing {}", path.display()))?;
    }
    out.flush()
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// What the policy did with one row.
struct Judged {
    /// Anything but `allow`.
    acted: bool,
    /// Per classifier label: an enforced rule of that category fired with an action other
    /// than `allow`.
    flagged: Vec<bool>,
    /// The action and the enforced rules that fired, for `--rows-out`.
    action: Action,
    rules: Vec<String>,
}

/// Whether the policy acted on `decision` for `category`: an enforced rule of that category
/// with an action other than `allow` fired (shadow rules change nothing, so they do not count).
fn acted_for(decision: &vigie_policy::Decision, category: vigie_detect::Category) -> bool {
    decision.action != Action::Allow
        && decision.rules.iter().any(|r| {
            r.mode == vigie_policy::Mode::Enforce
                && r.action != Action::Allow
                && r.category == Some(category)
        })
}

/// Runs every row through the whole engine: per classifier label, the highest score any
/// detector gave that category (0 when none did), and what the policy did.
fn decide_all(
    engine: &Engine,
    rows: &[LabelledRow],
    labels: &[vigie_detect::Category],
) -> (Vec<Vec<f32>>, Vec<Judged>) {
    let mut scores = Vec::with_capacity(rows.len());
    let mut judged = Vec::with_capacity(rows.len());
    let started = std::time::Instant::now();
    for r in rows {
        let context = PostContext {
            lang: Some(r.lang.code().to_string()),
            ..PostContext::default()
        };
        let decision = engine.decide(&Post {
            id: &r.id,
            text: &r.text,
            context: &context,
        });
        scores.push(
            labels
                .iter()
                .map(|c| {
                    decision
                        .categories
                        .iter()
                        .find(|s| s.category == *c)
                        .map_or(0.0, |s| s.score)
                })
                .collect(),
        );
        judged.push(Judged {
            acted: decision.action != Action::Allow,
            flagged: labels.iter().map(|c| acted_for(&decision, *c)).collect(),
            action: decision.action,
            rules: decision
                .rules
                .iter()
                .filter(|r| r.mode == vigie_policy::Mode::Enforce)
                .map(|r| r.id.to_string())
                .collect(),
        });
    }
    if !rows.is_empty() {
        eprintln!(
            "pipeline: {:.0} ns/post wall (decide, whole engine) over {} posts",
            started.elapsed().as_nanos() as f64 / rows.len() as f64,
            rows.len()
        );
    }
    (scores, judged)
}

/// CPU time this thread has run, in ns (Linux `schedstat`), so that the figure does not count
/// the time other processes held the core.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// Times the classifier alone over the analysed rows (several passes, so short sets still give
/// a stable figure): wall clock and, where available, this thread's CPU time.
fn report_speed(classifier: &Classifier, rows: &[vigie_classify::TrainRow]) {
    if rows.is_empty() {
        return;
    }
    let passes = (200_000 / rows.len()).clamp(1, 50);
    let cpu_start = thread_cpu_ns();
    let wall = std::time::Instant::now();
    let mut sink = 0.0f32;
    for _ in 0..passes {
        for r in rows {
            sink += classifier.score(&r.text, &r.normalized, &r.prior).logits[0];
        }
    }
    let n = (passes * rows.len()) as f64;
    let wall_ns = wall.elapsed().as_nanos() as f64 / n;
    let cpu_ns = cpu_start
        .zip(thread_cpu_ns())
        .map(|(a, b)| b.saturating_sub(a) as f64 / n);
    let mean_chars =
        rows.iter().map(|r| r.text.chars().count()).sum::<usize>() as f64 / rows.len() as f64;
    eprintln!(
        "classifier: {wall_ns:.0} ns/post wall{} over {} posts × {passes} (mean {mean_chars:.0} chars){}",
        cpu_ns.map_or(String::new(), |c| format!(", {c:.0} ns/post CPU")),
        rows.len(),
        if sink.is_nan() { " (NaN score!)" } else { "" }
    );
}
