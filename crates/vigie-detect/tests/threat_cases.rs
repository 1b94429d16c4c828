//! The threat and incitement cases of `tests/cases/threats_{en,fr}.jsonl`: each line gives a
//! text and, per category, whether it must be flagged (score ≥ 0.5) or must stay clean
//! (score < 0.3). About half of them are hard negatives: idioms, negation, reported speech,
//! condemnation, fiction, games, sport, cooking, software.

mod common;

use serde::Deserialize;
use std::collections::BTreeMap;
use vigie_detect::Category;
use vigie_text::Lang;

const FLAGGED: f32 = 0.5;
const CLEAN: f32 = 0.3;

#[derive(Deserialize)]
struct Case {
    text: String,
    lang: String,
    expect: BTreeMap<String, bool>,
}

fn run(file: &str, source: &str) {
    let harness = common::shared();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, line) in source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let case: Case = match serde_json::from_str(line) {
            Ok(case) => case,
            Err(e) => panic!("{file}:{}: {e}", i + 1),
        };
        let signals = harness.signals(&case.text, Some(Lang::from_code(&case.lang)));
        for (name, &flagged) in &case.expect {
            let Some(category) = Category::from_name(name) else {
                panic!("{file}:{}: unknown category {name}", i + 1);
            };
            let score = common::max_score(&signals, category);
            checked += 1;
            let ok = if flagged {
                score >= FLAGGED
            } else {
                score < CLEAN
            };
            if !ok {
                failures.push(format!(
                    "{file}:{}: {name} expected {} got {score:.2}: {}",
                    i + 1,
                    if flagged { "flagged" } else { "clean" },
                    case.text
                ));
            }
        }
    }
    assert!(checked >= 60, "{file}: only {checked} expectations");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn english_threat_cases() {
    run("threats_en.jsonl", include_str!("cases/threats_en.jsonl"));
}

#[test]
fn french_threat_cases() {
    run("threats_fr.jsonl", include_str!("cases/threats_fr.jsonl"));
}

#[test]
fn case_files_are_balanced() {
    for (file, source) in [
        ("threats_en.jsonl", include_str!("cases/threats_en.jsonl")),
        ("threats_fr.jsonl", include_str!("cases/threats_fr.jsonl")),
    ] {
        let cases: Vec<Case> = source
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{file}: {e}")))
            .collect();
        let negatives = cases
            .iter()
            .filter(|c| c.expect.values().all(|v| !v))
            .count();
        assert!(cases.len() >= 60, "{file}: {} cases", cases.len());
        assert!(
            negatives * 2 >= cases.len(),
            "{file}: {negatives} hard negatives of {}",
            cases.len()
        );
    }
}
