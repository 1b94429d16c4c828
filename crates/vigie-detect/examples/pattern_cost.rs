//! What a pattern set costs: loads the standard detectors once per pattern folder given (each
//! holding `en.toml` and `fr.toml`), then runs every post of a JSONL corpus (`{"text",
//! "lang"?}`) through each set, alternating, and prints load time, ns per post and the number
//! of signals. For before/after figures when patterns grow; under
//! `valgrind --tool=callgrind` the inclusive cost of `DetectorSet::detect_with` divided by
//! (posts × 5 rounds) gives instructions per post, steadier than time on a shared machine.
//!
//! `cargo run --release -p vigie-detect --example pattern_cost -- corpus.jsonl old/ data/patterns`

use std::error::Error;
use std::time::Instant;

use vigie_detect::{DetectData, standard_detector_set};
use vigie_text::{Lang, Normalizer};

const ROUNDS: usize = 5;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((corpus_path, folders)) = args.split_first() else {
        return Err("usage: pattern_cost CORPUS.jsonl PATTERN_DIR...".into());
    };
    let mut posts = Vec::new();
    for (i, line) in std::fs::read_to_string(corpus_path)?.lines().enumerate() {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{corpus_path}:{}: {e}", i + 1))?;
        let text = value["text"].as_str().unwrap_or_default().to_owned();
        let lang = Lang::from_code(value["lang"].as_str().unwrap_or_default());
        posts.push((text, lang));
    }
    let normalizer = Normalizer::new();
    let normalized: Vec<_> = posts
        .iter()
        .map(|(text, lang)| normalizer.normalize(text, Some(*lang)))
        .collect();
    let mut sources = Vec::new();
    for folder in folders {
        let en = std::fs::read_to_string(format!("{folder}/en.toml"))?;
        let fr = std::fs::read_to_string(format!("{folder}/fr.toml"))?;
        sources.push((folder.as_str(), en, fr));
    }
    let mut sets = Vec::new();
    for (folder, en, fr) in &sources {
        let mut data = DetectData::defaults();
        data.patterns = vec![("en.toml", en.as_str()), ("fr.toml", fr.as_str())];
        let started = Instant::now();
        let set = standard_detector_set(&data)?;
        println!(
            "{folder}: loaded in {:.1} ms",
            started.elapsed().as_secs_f64() * 1e3
        );
        sets.push((*folder, set));
    }
    let mut out = Vec::new();
    for round in 0..ROUNDS {
        for (folder, set) in &sets {
            let started = Instant::now();
            let mut signals = 0usize;
            for ((text, _), norm) in posts.iter().zip(&normalized) {
                out.clear();
                set.detect(text, norm, &mut out);
                signals += out.len();
            }
            let per_post = started.elapsed().as_nanos() as f64 / posts.len().max(1) as f64;
            println!("round {round} {folder}: {per_post:.0} ns/post, {signals} signals");
        }
    }
    Ok(())
}
