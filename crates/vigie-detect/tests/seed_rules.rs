//! The rule-based detectors (lexicons + threat patterns, no classifier) on the team's seed rows
//! of `split = train` — the rules never train on them, so they are a fair development set for
//! rules; the held-back `split = test` rows are left for `vigie eval`.
//!
//! The test guards floors measured when the patterns were widened (issue #3): threat and
//! incitement recall of the rules alone, and how few harmless rows they fire on. A change to
//! the patterns that loses recall or gains false positives below those floors fails here.
//!
//! For pattern work, `VIGIE_RULES_REPORT=1 cargo test -p vigie-detect --test seed_rules --
//! --nocapture` also prints every miss and false positive, and with
//! `VIGIE_POOL=/path/to/train_pool.csv` (split `VIGIE_POOL_SPLIT`, default `dev`) every pool
//! row a threat or incitement rule fires on: the pool has no threats, so each is a false
//! positive. Patterns are read from `data/patterns/` on disk, so editing them needs no rebuild.
//! `VIGIE_SEEDS_DIR` reads the seed files from another folder (a snapshot of a commit, so that
//! before/after figures stay comparable while others add seed rows), and
//! `VIGIE_SEEDS_SPLIT=test` prints the rules-alone figures on the held-back rows (figures only:
//! misses and false positives are never printed for them, and the floors are not checked).

mod common;

use std::collections::BTreeMap;

use serde::Deserialize;
use vigie_detect::{Category, DetectData, defaults};
use vigie_text::Lang;

const FLAGGED: f32 = 0.5;

#[derive(Deserialize)]
struct SeedRow {
    id: String,
    text: String,
    lang: String,
    violence_threat: Option<u8>,
    incitement: Option<u8>,
    kind: String,
    split: String,
}

fn repo_file(path: &str) -> String {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("reading {full}: {e}"))
}

/// Counts of one category on one language.
#[derive(Default, Debug)]
struct Tally {
    positives: u32,
    caught: u32,
    negatives: u32,
    false_positives: u32,
}

impl Tally {
    fn recall(&self) -> f32 {
        self.caught as f32 / self.positives.max(1) as f32
    }
    fn false_positive_rate(&self) -> f32 {
        self.false_positives as f32 / self.negatives.max(1) as f32
    }
}

struct Rules {
    harness: common::Harness,
}

impl Rules {
    /// The standard detectors, with the pattern files read from disk (so that a report run
    /// sees edits at once) — the same files the library embeds.
    fn load() -> Rules {
        // `VIGIE_PATTERNS_DIR`: pattern files from elsewhere (an older commit's, for before/after).
        let (en, fr) = match std::env::var("VIGIE_PATTERNS_DIR") {
            Ok(dir) => {
                let read = |name: &str| {
                    let path = format!("{dir}/{name}");
                    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
                };
                (read("en.toml"), read("fr.toml"))
            }
            Err(_) => (
                repo_file("data/patterns/en.toml"),
                repo_file("data/patterns/fr.toml"),
            ),
        };
        let en: &'static str = Box::leak(en.into_boxed_str());
        let fr: &'static str = Box::leak(fr.into_boxed_str());
        let mut data = DetectData::defaults()
            .with_watchlist("data/watchlist.example.toml", defaults::WATCHLIST_EXAMPLE);
        data.patterns = vec![("data/patterns/en.toml", en), ("data/patterns/fr.toml", fr)];
        Rules {
            harness: common::Harness::with_data(&data),
        }
    }

    fn scores(&self, text: &str, lang: Lang) -> (f32, f32) {
        let signals = self.harness.signals(text, Some(lang));
        (
            common::max_score(&signals, Category::ViolenceThreat),
            common::max_score(&signals, Category::Incitement),
        )
    }
}

fn report_wanted() -> bool {
    std::env::var_os("VIGIE_RULES_REPORT").is_some()
}

#[test]
fn rules_on_the_train_seeds() {
    let rules = Rules::load();
    let files = [
        "threats_en",
        "threats_fr",
        "hard_negatives_en",
        "hard_negatives_fr",
        "hate_en",
        "hate_fr",
    ];
    // (category, lang) → tally
    let mut tallies: BTreeMap<(&str, String), Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_positives = Vec::new();
    let seeds_dir = std::env::var("VIGIE_SEEDS_DIR").ok();
    let split = std::env::var("VIGIE_SEEDS_SPLIT").unwrap_or_else(|_| "train".to_string());
    let held_back = split != "train";
    for file in files {
        let source = match &seeds_dir {
            Some(dir) => {
                let path = format!("{dir}/{file}.jsonl");
                std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
            }
            None => repo_file(&format!("data/seeds/{file}.jsonl")),
        };
        for (i, line) in source
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let row: SeedRow = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("data/seeds/{file}.jsonl:{}: {e}", i + 1));
            if row.split != split {
                continue;
            }
            let lang = Lang::from_code(&row.lang);
            let (threat, incite) = rules.scores(&row.text, lang);
            for (name, label, score) in [
                ("violence_threat", row.violence_threat, threat),
                ("incitement", row.incitement, incite),
            ] {
                let Some(label) = label else { continue };
                let tally = tallies.entry((name, row.lang.clone())).or_default();
                if label == 1 {
                    tally.positives += 1;
                    if score >= FLAGGED {
                        tally.caught += 1;
                    } else {
                        misses.push(format!(
                            "{name} {score:.2} {} [{}] {}",
                            row.id, row.kind, row.text
                        ));
                    }
                } else {
                    tally.negatives += 1;
                    if score >= FLAGGED {
                        tally.false_positives += 1;
                        false_positives.push(format!(
                            "{name} {score:.2} {} [{}] {}",
                            row.id, row.kind, row.text
                        ));
                    }
                }
            }
        }
    }
    if report_wanted() && !held_back {
        for m in &misses {
            println!("MISS {m}");
        }
        for f in &false_positives {
            println!("FP   {f}");
        }
    }
    for ((name, lang), t) in &tallies {
        println!(
            "rules on {split} seeds: {name:<16} {lang}: recall {}/{} = {:.3}, fires on {}/{} negatives = {:.3}",
            t.caught,
            t.positives,
            t.recall(),
            t.false_positives,
            t.negatives,
            t.false_positive_rate()
        );
    }
    // Floors measured after the issue #3 widening; the rules hand what they miss to the
    // classifier, so recall here is the rules' share, not the engine's.
    // Measured at the session-4 rules freeze on the seeds of round 19: violence_threat recall
    // 0.678 (en) / 0.645 (fr), incitement 0.527 / 0.510, firing on 1.0 % / 0.8 % and
    // 0.4 % / 0.2 % of the rows labelled 0 (session 3: 0.615 / 0.521 and 0.499 / 0.449; before
    // issue #3's widening: 0.318 / 0.293 and 0.345 / 0.283). The floors leave about two points
    // for new seed rounds.
    // Session 5: seed round 20 (written without reading the rules) added harder rows; with
    // them and the session-5 rules (conjugated forms, passive promises, new families) the
    // figures are 0.619 / 0.585 and 0.489 / 0.458, firing on 1.1 % / 1.1 % and 0.4 % / 0.2 %
    // (on the seeds before round 20: 0.695 / 0.661 and 0.541 / 0.522).
    let floors: [(&str, &str, f32, f32); 4] = [
        ("violence_threat", "en", 0.60, 0.015),
        ("violence_threat", "fr", 0.565, 0.015),
        ("incitement", "en", 0.47, 0.01),
        ("incitement", "fr", 0.44, 0.01),
    ];
    if held_back {
        return;
    }
    for (name, lang, min_recall, max_fp_rate) in floors {
        let t = tallies
            .get(&(name, lang.to_string()))
            .unwrap_or_else(|| panic!("no {name}/{lang} rows"));
        assert!(
            t.positives >= 100,
            "{name}/{lang}: only {} positives",
            t.positives
        );
        assert!(
            t.recall() >= min_recall,
            "{name}/{lang}: rule recall {:.3} < {min_recall}",
            t.recall()
        );
        assert!(
            t.false_positive_rate() <= max_fp_rate,
            "{name}/{lang}: rules fire on {:.3} of negatives > {max_fp_rate}",
            t.false_positive_rate()
        );
    }
}

/// The pool's rows carry no threats: with `VIGIE_POOL` set, every row a threat or incitement
/// rule fires on is printed (a false positive) and counted; the test fails if they are more
/// than 1.5% of the split's rows of a language (English dev: 50 of 5,452 rows when measured,
/// most of them Davidson tweets with "ima beat …"-type slang threats labelled harmless). Without `VIGIE_POOL` (CI: the pool is not in the
/// repository) there is nothing to check.
#[test]
fn rules_on_the_pool() {
    let Some(path) = std::env::var_os("VIGIE_POOL") else {
        return;
    };
    let split = std::env::var("VIGIE_POOL_SPLIT").unwrap_or_else(|_| "dev".to_string());
    let rules = Rules::load();
    let mut reader = csv::Reader::from_path(&path).expect("the pool CSV opens");
    let headers = reader.headers().expect("pool headers").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("pool has no {name} column"))
    };
    let (c_uid, c_text, c_lang, c_split) = (
        column("uid"),
        column("text"),
        column("lang"),
        column("split"),
    );
    let mut rows: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for record in reader.records() {
        let record = record.expect("pool row");
        if record.get(c_split) != Some(split.as_str()) {
            continue;
        }
        let lang_code = record.get(c_lang).unwrap_or("");
        let text = record.get(c_text).unwrap_or("");
        let (threat, incite) = rules.scores(text, Lang::from_code(lang_code));
        let counts = rows.entry(lang_code.to_string()).or_default();
        counts.0 += 1;
        if threat >= FLAGGED || incite >= FLAGGED {
            counts.1 += 1;
            if report_wanted() {
                println!(
                    "POOL-FP threat {threat:.2} incite {incite:.2} {} {text}",
                    record.get(c_uid).unwrap_or("")
                );
            }
        }
    }
    for (lang, (n, fired)) in &rows {
        println!("rules on pool {split} ({lang}): fire on {fired}/{n}");
        assert!(
            *fired as f32 <= 0.015 * *n as f32,
            "rules fire on {fired} of {n} {lang} pool rows"
        );
    }
}

/// `VIGIE_PROBE="text|lang"` (lines separated by newlines) prints the rules' signals for each
/// text: for looking at one case while writing patterns.
#[test]
fn probe() {
    let Ok(probe) = std::env::var("VIGIE_PROBE") else {
        return;
    };
    let rules = Rules::load();
    for line in probe.lines().filter(|l| !l.trim().is_empty()) {
        let (text, lang) = line.rsplit_once('|').unwrap_or((line, "en"));
        let signals = rules.harness.signals(text, Some(Lang::from_code(lang)));
        println!("PROBE {text}");
        for s in &signals {
            let evidence: Vec<&str> = s.evidence.iter().map(|e| e.matched.as_str()).collect();
            println!(
                "  {} {} {:.2} {:?}",
                s.detector,
                s.category.name(),
                s.score,
                evidence
            );
        }
    }
}
