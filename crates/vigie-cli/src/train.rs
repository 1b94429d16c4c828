//! `vigie train`: reads the labelled pool, the team's seed sets and moderators' exports, runs
//! the rule-based engine on each post (what the classifier sees as `prior` at run time), and
//! trains the built-in classifier (`vigie_classify::train`).
//!
//! How each corpus maps onto the classifier's labels, and how much each row weighs, is decided
//! here, row by row (see [`pool_row`] and [`seed_row`]). Empty labels stay UNKNOWN.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Deserialize;
use vigie_classify::{LABELS, TrainConfig, TrainRow};
use vigie_detect::Category;
use vigie_engine::Engine;
use vigie_text::Lang;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// The labelled pool (CSV: uid,text,source,lang,hate,…,split,…).
    #[arg(long)]
    pub pool: Option<PathBuf>,
    /// Directory of seed sets (`*.jsonl`); rows with split=test are never trained on.
    #[arg(long, default_value = "data/seeds")]
    pub seeds: PathBuf,
    /// Moderators' exports, same columns as the seeds (`.jsonl` or `.csv`). Repeatable.
    #[arg(long, num_args = 1..)]
    pub extra: Vec<PathBuf>,
    #[arg(long, default_value_t = 42)]
    pub seed: u64,
    #[arg(long, default_value = "models/vigie-enfr.vgm")]
    pub out: PathBuf,
    /// Precision the per-category, per-language thresholds aim at on dev.
    #[arg(long, default_value_t = 0.8)]
    pub target_precision: f32,
    /// Per-category target precision, e.g. `--precision-for hate=0.6`. Repeatable.
    #[arg(long, value_parser = parse_precision_for)]
    pub precision_for: Vec<(Category, f32)>,
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    pub epochs: u32,
    /// log2 of the number of feature hash buckets (model size ≈ 2^bits × categories bytes).
    #[arg(long, default_value_t = TrainConfig::default().features.hash_bits)]
    pub hash_bits: u8,
    /// Character n-gram lengths (bytes of the folded text).
    #[arg(long, default_value_t = TrainConfig::default().features.char_min)]
    pub char_min: u8,
    #[arg(long, default_value_t = TrainConfig::default().features.char_max)]
    pub char_max: u8,
    /// Word order beyond bigrams: pair each word with each word 2 to N tokens before it, in
    /// order, whatever the gap (0: no such pairs).
    #[arg(long, default_value_t = TrainConfig::default().features.skip_window)]
    pub skip_window: u8,
    /// Skip pairs only from a person pronoun or a negation word.
    #[arg(long)]
    pub skip_anchored: bool,
    /// How much one seed or moderator row weighs against one pool row.
    #[arg(long, default_value_t = DEFAULT_SEED_WEIGHT)]
    pub seed_weight: f32,
    /// AdaGrad base learning rate.
    #[arg(long, default_value_t = TrainConfig::default().learning_rate)]
    pub learning_rate: f32,
    /// L2 penalty per touched weight.
    #[arg(long, default_value_t = TrainConfig::default().l2)]
    pub l2: f32,
    /// Highest share of positives at which the target precision is measured on dev (0 = as
    /// sampled).
    #[arg(long, default_value_t = TrainConfig::default().threshold_prevalence.unwrap_or(0.0))]
    pub threshold_prevalence: f32,
    /// Recorded in the model file (default: derived from the training data digest).
    #[arg(long)]
    pub model_version: Option<String>,
    /// Weight of one pool source's label, replacing the built-in one (see [`pool_row`]), e.g.
    /// `--source-weight davidson2017:hate=0.5`. 0 drops that label of that source (unknown, in
    /// training and dev alike): for a source whose labelling scheme is not ours. Repeatable.
    #[arg(long, value_parser = parse_source_weight)]
    pub source_weight: Vec<SourceWeight>,
    /// Pool sources whose "not hate" is only believed on rows they found harmless (toxicity
    /// = 0): their scheme files insults against a group under "offensive"/"abusive", which
    /// ours (and HateXplain's, MHS's) calls hate. On their offensive rows hate becomes unknown,
    /// in training and dev; their hate positives and harmless rows stay. Repeatable.
    #[arg(long)]
    pub offensive_hate_unknown: Vec<String>,
    /// Average the weights over the ends of epochs from this one (1-based) to the last, instead
    /// of keeping the last epoch's.
    #[arg(long)]
    pub average_from_epoch: Option<u32>,
    /// Width of the interaction part's hidden layer (an embedding per feature bucket, summed,
    /// ReLU, then one more term per category's logit); 0 trains a linear model.
    #[arg(long, default_value_t = TrainConfig::default().interactions_dim)]
    pub interactions_dim: u32,
    /// AdaGrad base learning rate of the interaction part.
    #[arg(long, default_value_t = TrainConfig::default().interactions_learning_rate)]
    pub interactions_learning_rate: f32,
    /// L2 penalty per touched weight of the interaction part.
    #[arg(long, default_value_t = TrainConfig::default().interactions_l2)]
    pub interactions_l2: f32,
    /// 0: train the interaction part jointly with the linear one. N > 0: train the linear part
    /// first, then the interaction part alone for N epochs on what the linear part leaves.
    #[arg(long, default_value_t = TrainConfig::default().interactions_epochs)]
    pub interactions_epochs: u32,
    /// The interaction part reads words, bigrams and negated words (plus the rule signals and
    /// markers) instead of every text feature: cheaper to run.
    #[arg(long)]
    pub interactions_words_only: bool,
    /// log2 of the interaction part's embedding rows (0 = one per feature bucket; fewer rows
    /// keep the table in cache).
    #[arg(long, default_value_t = TrainConfig::default().interactions_hash_bits)]
    pub interactions_hash_bits: u8,
    /// With `--interactions-words-only`, the interaction part reads the skip pairs
    /// (`--skip-window`) too.
    #[arg(long)]
    pub interactions_skip_pairs: bool,
}

/// How the pool's labels are mapped at training time (evaluation reads them as published).
#[derive(Debug, Clone, Default)]
pub struct PoolMapping {
    pub source_weights: Vec<SourceWeight>,
    pub offensive_hate_unknown: Vec<String>,
}

/// A pool source's label weight set on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceWeight {
    pub source: String,
    pub category: Category,
    pub weight: f32,
}

fn parse_source_weight(s: &str) -> Result<SourceWeight, String> {
    let (key, value) = s
        .split_once('=')
        .ok_or_else(|| format!("expected SOURCE:CATEGORY=WEIGHT, got {s:?}"))?;
    let (source, name) = key
        .split_once(':')
        .ok_or_else(|| format!("expected SOURCE:CATEGORY=WEIGHT, got {s:?}"))?;
    let category =
        Category::from_name(name.trim()).ok_or_else(|| format!("unknown category {name:?}"))?;
    let weight: f32 = value
        .trim()
        .parse()
        .map_err(|e| format!("weight {value:?}: {e}"))?;
    if !weight.is_finite() || weight < 0.0 {
        return Err(format!("weight {value:?} must be a finite number ≥ 0"));
    }
    Ok(SourceWeight {
        source: source.trim().to_string(),
        category,
        weight,
    })
}

fn parse_precision_for(s: &str) -> Result<(Category, f32), String> {
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("expected CATEGORY=PRECISION, got {s:?}"))?;
    let category =
        Category::from_name(name.trim()).ok_or_else(|| format!("unknown category {name:?}"))?;
    let value: f32 = value
        .trim()
        .parse()
        .map_err(|e| format!("precision {value:?}: {e}"))?;
    Ok((category, value))
}

/// Which split a row belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Dev,
    Test,
}

/// A labelled post as read from a file, before analysis.
#[derive(Debug, Clone)]
pub struct LabelledRow {
    pub id: String,
    pub text: String,
    pub lang: Lang,
    /// Seed sets' `kind` (e.g. `idiom`, `direct_threat`); for pool rows, their source.
    pub kind: String,
    pub labels: [Option<bool>; LABELS.len()],
    pub weights: [f32; LABELS.len()],
    pub split: Split,
}

fn idx(category: Category) -> usize {
    vigie_classify::label_index(category).unwrap_or(0)
}

#[derive(Deserialize)]
struct PoolRecord {
    uid: String,
    text: String,
    source: String,
    lang: String,
    hate: Option<String>,
    violence_threat: Option<String>,
    incitement: Option<String>,
    harassment: Option<String>,
    toxicity: Option<String>,
    sexual: Option<String>,
    self_harm: Option<String>,
    split: String,
}

fn parse_label(value: Option<&str>) -> anyhow::Result<Option<bool>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => {
            let x: f64 = v
                .parse()
                .with_context(|| format!("label value {v:?} is not a number"))?;
            Ok(Some(x >= 0.5))
        }
    }
}

/// Source weights of the pool, per label. Why:
/// - `davidson2017`: its "hate" class is small and mostly slur-laden offensive tweets that other
///   annotators call offensive, not hate, so its hate label counts half; its "offensive or hate"
///   is our toxicity, at full weight.
/// - `hatexplain`, `mhs_kennedy2020` (already binarised by the pool), `mlma_*`, `toxigen_demos`,
///   `fr_superset_ftr` (racist = hate): hate at full weight.
/// - `mlma_*` harassment is positives only (target = an individual): full weight for those.
/// - French rows weigh 1.5× everywhere: French is a tenth of the pool and would otherwise be
///   learned as an afterthought.
const FRENCH_WEIGHT: f32 = 1.5;
const DAVIDSON_HATE_WEIGHT: f32 = 0.5;
/// Weight of labels derived by implication (below): real evidence, but no one was asked.
const DERIVED_WEIGHT: f32 = 0.3;
/// Seed sets and moderators' exports are written for exactly the cases the pool lacks (threats,
/// incitement, hard negatives): each row weighs more than one crowd-sourced tweet (`--seed-weight`,
/// default [`DEFAULT_SEED_WEIGHT`]).
pub const DEFAULT_SEED_WEIGHT: f32 = 2.0;

/// Maps one pool row onto the labels. With `derive`, adds to training rows labels that follow
/// from others (dev, test and evaluation read the source's labels as they are):
/// - hate = 1 ⇒ toxicity = 1 where the source did not annotate toxicity (hate is toxic);
/// - hate = 0 and toxicity = 0 ⇒ harassment = violence_threat = incitement = 0: a post that
///   annotators found neither hateful nor even offensive is not a threat or abuse. This is an
///   implication of two known labels, not an empty label read as 0.
///
/// `mapping` replaces a source's weight for one label (0 = that label is unknown for that
/// source, in every split) and reads some sources' hate = 0 as unknown on their offensive rows.
fn pool_row(r: PoolRecord, derive: bool, mapping: &PoolMapping) -> anyhow::Result<LabelledRow> {
    let split = match r.split.as_str() {
        "train" => Split::Train,
        "dev" => Split::Dev,
        "test" => Split::Test,
        other => bail!("row {}: unknown split {other:?}", r.uid),
    };
    let mut labels = [None; LABELS.len()];
    labels[idx(Category::Hate)] = parse_label(r.hate.as_deref())?;
    labels[idx(Category::ViolenceThreat)] = parse_label(r.violence_threat.as_deref())?;
    labels[idx(Category::Incitement)] = parse_label(r.incitement.as_deref())?;
    labels[idx(Category::Harassment)] = parse_label(r.harassment.as_deref())?;
    labels[idx(Category::Toxicity)] = parse_label(r.toxicity.as_deref())?;
    labels[idx(Category::Sexual)] = parse_label(r.sexual.as_deref())?;
    labels[idx(Category::SelfHarm)] = parse_label(r.self_harm.as_deref())?;
    let lang = Lang::from_code(&r.lang);
    let base = if lang == Lang::Fr { FRENCH_WEIGHT } else { 1.0 };
    let mut weights = [base; LABELS.len()];
    if r.source == "davidson2017" {
        weights[idx(Category::Hate)] *= DAVIDSON_HATE_WEIGHT;
    }
    if mapping.offensive_hate_unknown.contains(&r.source)
        && labels[idx(Category::Hate)] == Some(false)
        && labels[idx(Category::Toxicity)] == Some(true)
    {
        labels[idx(Category::Hate)] = None;
    }
    for o in mapping
        .source_weights
        .iter()
        .filter(|o| o.source == r.source)
    {
        if o.weight == 0.0 {
            labels[idx(o.category)] = None;
        }
        weights[idx(o.category)] = base * o.weight;
    }
    // Dev and test keep the sources' own labels: thresholds are set on what people labelled.
    if derive && split == Split::Train {
        let hate = labels[idx(Category::Hate)];
        let tox = idx(Category::Toxicity);
        if hate == Some(true) && labels[tox].is_none() {
            labels[tox] = Some(true);
            weights[tox] = base * DERIVED_WEIGHT;
        }
        if hate == Some(false) && labels[tox] == Some(false) {
            for c in [
                Category::Harassment,
                Category::ViolenceThreat,
                Category::Incitement,
            ] {
                if labels[idx(c)].is_none() {
                    labels[idx(c)] = Some(false);
                    weights[idx(c)] = base * DERIVED_WEIGHT;
                }
            }
        }
    }
    Ok(LabelledRow {
        id: r.uid,
        text: r.text,
        lang,
        kind: r.source,
        labels,
        weights,
        split,
    })
}

pub fn read_pool(
    path: &Path,
    derive: bool,
    mapping: &PoolMapping,
) -> anyhow::Result<Vec<LabelledRow>> {
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("opening {}", path.display()))?;
    let mut rows = Vec::new();
    for (i, record) in reader.deserialize::<PoolRecord>().enumerate() {
        let record = record.with_context(|| format!("{}: record {}", path.display(), i + 1))?;
        rows.push(
            pool_row(record, derive, mapping).with_context(|| format!("{}", path.display()))?,
        );
    }
    Ok(rows)
}

#[derive(Deserialize)]
struct SeedRecord {
    id: String,
    text: String,
    lang: String,
    #[serde(default)]
    hate: Option<f64>,
    #[serde(default)]
    violence_threat: Option<f64>,
    #[serde(default)]
    incitement: Option<f64>,
    #[serde(default)]
    harassment: Option<f64>,
    #[serde(default)]
    toxicity: Option<f64>,
    #[serde(default)]
    sexual: Option<f64>,
    #[serde(default)]
    self_harm: Option<f64>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    split: Option<String>,
}

/// The dev hold-out is drawn by blocks of 8 consecutive ids: seed generators expand one
/// authored sentence into consecutive rows, and a dev slice that shared templates with
/// training would choose thresholds on near-copies of what was learned.
fn dev_group(id: &str) -> String {
    match id.rsplit_once('-') {
        Some((prefix, number)) => match number.parse::<u64>() {
            Ok(n) => format!("{prefix}/{}", n / 8),
            Err(_) => id.to_string(),
        },
        None => id.to_string(),
    }
}

/// One seed (or moderator) row. Rows with split=train are trained on, except about one block
/// in five (see [`dev_group`]; the same rows every time) kept as dev for calibration and
/// thresholds; split=test rows are only ever evaluated on.
fn seed_row(r: SeedRecord, seed_weight: f32) -> LabelledRow {
    let mut labels = [None; LABELS.len()];
    for (c, v) in [
        (Category::Hate, r.hate),
        (Category::ViolenceThreat, r.violence_threat),
        (Category::Incitement, r.incitement),
        (Category::Harassment, r.harassment),
        (Category::Toxicity, r.toxicity),
        (Category::Sexual, r.sexual),
        (Category::SelfHarm, r.self_harm),
    ] {
        labels[idx(c)] = v.map(|x| x >= 0.5);
    }
    let lang = Lang::from_code(&r.lang);
    let base = seed_weight * if lang == Lang::Fr { FRENCH_WEIGHT } else { 1.0 };
    let split = match r.split.as_deref() {
        Some("test") => Split::Test,
        Some("dev") => Split::Dev,
        _ if blake3::hash(dev_group(&r.id).as_bytes()).as_bytes()[0].is_multiple_of(5) => {
            Split::Dev
        }
        _ => Split::Train,
    };
    LabelledRow {
        id: r.id,
        text: r.text,
        lang,
        kind: r.kind.unwrap_or_default(),
        labels,
        weights: [base; LABELS.len()],
        split,
    }
}

pub fn read_seed_file(path: &Path, seed_weight: f32) -> anyhow::Result<Vec<LabelledRow>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let is_csv = path.extension().is_some_and(|e| e == "csv");
    let mut rows = Vec::new();
    if is_csv {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for (i, record) in reader.deserialize::<SeedCsvRecord>().enumerate() {
            let at = || format!("{}: record {}", path.display(), i + 1);
            let r = record.with_context(at)?.into_seed().with_context(at)?;
            rows.push(seed_row(r, seed_weight));
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let r: SeedRecord = serde_json::from_str(line)
                .with_context(|| format!("{}:{}", path.display(), i + 1))?;
            rows.push(seed_row(r, seed_weight));
        }
    }
    Ok(rows)
}

/// CSV exports carry labels as text ("", "0", "1").
#[derive(Deserialize)]
struct SeedCsvRecord {
    id: String,
    text: String,
    lang: String,
    hate: Option<String>,
    violence_threat: Option<String>,
    incitement: Option<String>,
    harassment: Option<String>,
    toxicity: Option<String>,
    #[serde(default)]
    sexual: Option<String>,
    #[serde(default)]
    self_harm: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    split: Option<String>,
}

impl SeedCsvRecord {
    fn into_seed(self) -> anyhow::Result<SeedRecord> {
        let f = |v: Option<String>| -> anyhow::Result<Option<f64>> {
            Ok(parse_label(v.as_deref())?.map(|b| if b { 1.0 } else { 0.0 }))
        };
        Ok(SeedRecord {
            id: self.id,
            text: self.text,
            lang: self.lang,
            hate: f(self.hate)?,
            violence_threat: f(self.violence_threat)?,
            incitement: f(self.incitement)?,
            harassment: f(self.harassment)?,
            toxicity: f(self.toxicity)?,
            sexual: f(self.sexual)?,
            self_harm: f(self.self_harm)?,
            kind: self.kind.filter(|k| !k.is_empty()),
            split: self.split.filter(|s| !s.is_empty()),
        })
    }
}

/// Every `*.jsonl` of a directory (sorted, so the order never depends on the file system), or
/// one file.
pub fn read_seeds(path: &Path, seed_weight: f32) -> anyhow::Result<Vec<LabelledRow>> {
    if path.is_file() {
        return read_seed_file(path, seed_weight);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("listing {}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    for f in files {
        rows.extend(read_seed_file(&f, seed_weight)?);
    }
    Ok(rows)
}

/// Runs the rule-based engine on rows (in order; the result does not depend on threads).
pub fn analyze(engine: &Engine, rows: &[LabelledRow], label: &str) -> Vec<TrainRow> {
    let bar = progress_bar(rows.len() as u64, label);
    let out = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if i.is_multiple_of(2048) {
                bar.set_position(i as u64);
            }
            let analysis = engine.analyze(&r.text, Some(r.lang));
            TrainRow {
                text: r.text.clone(),
                normalized: analysis.normalized,
                prior: analysis.signals,
                labels: r.labels,
                weights: r.weights,
            }
        })
        .collect();
    bar.finish_and_clear();
    out
}

fn progress_bar(len: u64, label: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    if let Ok(style) = ProgressStyle::with_template("{msg:>12} [{bar:40}] {pos}/{len} {eta}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(label.to_string());
    bar
}

pub fn run(args: &TrainArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let mut rows = Vec::new();
    if let Some(pool) = &args.pool {
        let pool_rows = read_pool(
            pool,
            true,
            &PoolMapping {
                source_weights: args.source_weight.clone(),
                offensive_hate_unknown: args.offensive_hate_unknown.clone(),
            },
        )?;
        eprintln!("pool: {} rows from {}", pool_rows.len(), pool.display());
        rows.extend(pool_rows);
    }
    if args.seeds.exists() {
        let seeds = read_seeds(&args.seeds, args.seed_weight)?;
        eprintln!("seeds: {} rows from {}", seeds.len(), args.seeds.display());
        rows.extend(seeds);
    } else {
        eprintln!("seeds: {} not found, none used", args.seeds.display());
    }
    for extra in &args.extra {
        let more = read_seed_file(extra, args.seed_weight)?;
        eprintln!("extra: {} rows from {}", more.len(), extra.display());
        rows.extend(more);
    }
    if rows.is_empty() {
        bail!("no training rows: give --pool, --seeds or --extra");
    }
    let mut by_split: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *by_split
            .entry(match r.split {
                Split::Train => "train",
                Split::Dev => "dev",
                Split::Test => "test (held out)",
            })
            .or_default() += 1;
    }
    eprintln!("splits: {by_split:?}");

    let engine = Engine::builder()
        .without_classifier()
        .build()
        .context("building the rule-based engine")?;
    let train_rows: Vec<LabelledRow> = rows
        .iter()
        .filter(|r| r.split == Split::Train)
        .cloned()
        .collect();
    let dev_rows: Vec<LabelledRow> = rows
        .iter()
        .filter(|r| r.split == Split::Dev)
        .cloned()
        .collect();
    drop(rows);
    let train_set = analyze(&engine, &train_rows, "analyze train");
    let dev_set = analyze(&engine, &dev_rows, "analyze dev");
    eprintln!(
        "analysed {} train and {} dev rows in {:.1}s",
        train_set.len(),
        dev_set.len(),
        started.elapsed().as_secs_f64()
    );

    let defaults = TrainConfig::default();
    let config = TrainConfig {
        seed: args.seed,
        epochs: args.epochs,
        target_precision: args.target_precision,
        target_precision_for: args.precision_for.clone(),
        threshold_prevalence: (args.threshold_prevalence > 0.0)
            .then_some(args.threshold_prevalence),
        learning_rate: args.learning_rate,
        l2: args.l2,
        features: vigie_classify::FeatureSettings {
            hash_bits: args.hash_bits,
            char_min: args.char_min,
            char_max: args.char_max,
            skip_window: args.skip_window,
            skip_anchored: args.skip_anchored,
            ..defaults.features
        },
        model_version: args.model_version.clone(),
        average_from_epoch: args.average_from_epoch,
        interactions_dim: args.interactions_dim,
        interactions_learning_rate: args.interactions_learning_rate,
        interactions_l2: args.interactions_l2,
        interactions_epochs: args.interactions_epochs,
        interactions_words_only: args.interactions_words_only,
        interactions_hash_bits: args.interactions_hash_bits,
        interactions_skip_pairs: args.interactions_skip_pairs,
        ..defaults
    };
    let all_epochs = config.epochs
        + if config.interactions_dim > 0 {
            config.interactions_epochs
        } else {
            0
        };
    let bar = progress_bar(train_set.len() as u64 * u64::from(all_epochs), "train");
    let (classifier, report) = vigie_classify::train(&config, &train_set, &dev_set, &mut |p| {
        bar.set_position((p.epoch as u64 - 1) * p.rows_total as u64 + p.rows_done as u64);
        bar.set_message(format!(
            "epoch {}/{} loss {:.4}",
            p.epoch, p.epochs, p.mean_loss
        ));
    })
    .context("training")?;
    bar.finish_and_clear();

    let bytes = classifier.to_bytes();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;

    println!(
        "model {} ({} bytes) written to {} in {:.1}s",
        report.model_version,
        bytes.len(),
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    println!("data digest {}", report.data_digest);
    println!(
        "{:<16} {:>7} {:>7} {:>6} {:>6}  {:>22} {:>22} {:>22}",
        "category", "train+", "train-", "dev+", "AP", "threshold all (P/R)", "en", "fr"
    );
    for l in &report.learned {
        let t = |t: &vigie_classify::Threshold| {
            format!(
                "{:.3} ({:.2}/{:.2}){}",
                t.value,
                t.dev_precision,
                t.dev_recall,
                if t.fallback {
                    "*"
                } else if !t.precision_met {
                    "!"
                } else {
                    ""
                }
            )
        };
        println!(
            "{:<16} {:>7} {:>7} {:>6} {:>6.3}  {:>22} {:>22} {:>22}",
            l.category.name(),
            l.counts.train_positives,
            l.counts.train_negatives,
            l.counts.dev_positives,
            l.dev_average_precision,
            t(&l.thresholds.all),
            t(&l.thresholds.en),
            t(&l.thresholds.fr)
        );
    }
    println!("(* = too few dev positives in that language, all-language threshold used;");
    println!("  ! = target precision not reached on dev, threshold maximises F1)");
    for (c, why) in &report.skipped {
        println!("not learned: {c}: {why}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(source: &str, hate: &str, toxicity: &str) -> PoolRecord {
        PoolRecord {
            uid: format!("{source}:1"),
            text: "some post".to_string(),
            source: source.to_string(),
            lang: "en".to_string(),
            hate: Some(hate.to_string()),
            violence_threat: None,
            incitement: None,
            harassment: None,
            toxicity: Some(toxicity.to_string()),
            sexual: None,
            self_harm: None,
            split: "dev".to_string(),
        }
    }

    #[test]
    fn source_weights_parse_and_reject_nonsense() {
        let w = parse_source_weight("davidson2017:hate=0.25").expect("valid");
        assert_eq!(w.source, "davidson2017");
        assert_eq!(w.category, Category::Hate);
        assert_eq!(w.weight, 0.25);
        for bad in [
            "davidson2017:hate",
            "davidson2017=0.5",
            "davidson2017:nothing=1",
            "davidson2017:hate=-1",
            "davidson2017:hate=NaN",
        ] {
            assert!(parse_source_weight(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn offensive_hate_unknown_keeps_harmless_and_hateful_rows() {
        let mapping = PoolMapping {
            source_weights: Vec::new(),
            offensive_hate_unknown: vec!["mlma_en".to_string()],
        };
        let h = idx(Category::Hate);
        let offensive = pool_row(record("mlma_en", "0", "1"), true, &mapping).expect("row");
        assert_eq!(offensive.labels[h], None, "offensive: hate unknown");
        let normal = pool_row(record("mlma_en", "0", "0"), true, &mapping).expect("row");
        assert_eq!(normal.labels[h], Some(false), "harmless: not hate");
        let hateful = pool_row(record("mlma_en", "1", "1"), true, &mapping).expect("row");
        assert_eq!(hateful.labels[h], Some(true));
        let other = pool_row(record("hatexplain", "0", "1"), true, &mapping).expect("row");
        assert_eq!(other.labels[h], Some(false), "other sources untouched");
        assert_eq!(other.kind, "hatexplain", "pool rows carry their source");
    }

    #[test]
    fn source_weight_replaces_or_drops_a_label() {
        let h = idx(Category::Hate);
        let mapping = |weight| PoolMapping {
            source_weights: vec![SourceWeight {
                source: "davidson2017".to_string(),
                category: Category::Hate,
                weight,
            }],
            offensive_hate_unknown: Vec::new(),
        };
        let builtin = pool_row(
            record("davidson2017", "1", "1"),
            true,
            &PoolMapping::default(),
        )
        .expect("row");
        assert_eq!(builtin.weights[h], DAVIDSON_HATE_WEIGHT);
        let scaled = pool_row(record("davidson2017", "1", "1"), true, &mapping(0.2)).expect("row");
        assert_eq!(scaled.weights[h], 0.2);
        assert_eq!(scaled.labels[h], Some(true));
        let dropped = pool_row(record("davidson2017", "1", "1"), true, &mapping(0.0)).expect("row");
        assert_eq!(dropped.labels[h], None);
        let toxicity = idx(Category::Toxicity);
        assert_eq!(dropped.labels[toxicity], Some(true), "other labels kept");
    }
}
