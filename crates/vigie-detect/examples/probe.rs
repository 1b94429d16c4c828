//! Prints the signals of the standard detectors for each line of stdin, or, given JSONL files
//! with `text` and label fields, the agreement of the threat/incitement signals (or, for
//! `hate_*` files, the hate signals) with the labels.
//!
//! `cargo run -p vigie-detect --example probe < posts.txt`
//! `cargo run -p vigie-detect --example probe -- data/seeds/threats_en.jsonl …`

use std::io::BufRead;

use vigie_detect::{Category, DetectData, Signal, standard_detector_set};
use vigie_text::{Lang, Normalizer};

fn max_score(signals: &[Signal], category: Category) -> f32 {
    signals
        .iter()
        .filter(|s| s.category == category)
        .map(|s| s.score)
        .fold(0.0, f32::max)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = DetectData::defaults();
    let set = standard_detector_set(&data)?;
    let normalizer = Normalizer::new();
    let files: Vec<String> = std::env::args().skip(1).collect();
    let mut signals = Vec::new();
    if files.is_empty() {
        for line in std::io::stdin().lock().lines() {
            let line = line?;
            let n = normalizer.normalize(&line, None);
            set.detect(&line, &n, &mut signals);
            println!("{line}\n  squeezed={:?} lang={:?}", n.squeezed, n.lang);
            for s in &signals {
                let ev: Vec<String> = s
                    .evidence
                    .iter()
                    .map(|e| {
                        format!(
                            "{}={:?}",
                            e.matched,
                            line.get(e.span.range()).unwrap_or("?")
                        )
                    })
                    .collect();
                println!(
                    "  {} {} {:.2} {:?} {:?}",
                    s.detector, s.category, s.score, ev, s.targets
                );
            }
        }
        return Ok(());
    }
    for file in files {
        let text = std::fs::read_to_string(&file)?;
        let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
        for line in text.lines() {
            let row: serde_json::Value = serde_json::from_str(line)?;
            let post = row["text"].as_str().unwrap_or("");
            let lang = row["lang"].as_str().map(Lang::from_code);
            let n = normalizer.normalize(post, lang);
            set.detect(post, &n, &mut signals);
            let (expect, got) = if file.contains("hate_") {
                (
                    row["hate"].as_i64() == Some(1),
                    max_score(&signals, Category::Hate),
                )
            } else {
                (
                    row["violence_threat"].as_i64() == Some(1)
                        || row["incitement"].as_i64() == Some(1),
                    max_score(&signals, Category::ViolenceThreat)
                        .max(max_score(&signals, Category::Incitement)),
                )
            };
            let flag = got >= 0.5;
            match (expect, flag) {
                (true, true) => tp += 1,
                (false, true) => {
                    fp += 1;
                    println!("FP {got:.2} {post}");
                }
                (true, false) => {
                    fn_ += 1;
                    println!("FN {got:.2} {post}");
                }
                (false, false) => tn += 1,
            }
        }
        println!("{file}: tp={tp} fp={fp} fn={fn_} tn={tn}");
    }
    Ok(())
}
