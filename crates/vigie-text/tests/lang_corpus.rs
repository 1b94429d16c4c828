//! Language identification measured on the team's labelled pool (read in place, never copied;
//! skipped when the file is absent).

use std::path::Path;
use vigie_text::{Lang, Normalizer};

const POOL: &str = "/work/shared/data/train_pool.csv";

#[derive(Default, Debug)]
struct Counts {
    posts: usize,
    right: usize,
    wrong: usize,
    other: usize,
}

#[test]
fn language_identification_on_the_labelled_pool() {
    if !Path::new(POOL).exists() {
        eprintln!("{POOL} absent: skipped");
        return;
    }
    let mut reader = csv::Reader::from_path(POOL).expect("the pool is readable CSV");
    let headers = reader.headers().expect("header row").clone();
    let text_col = headers
        .iter()
        .position(|h| h == "text")
        .expect("text column");
    let lang_col = headers
        .iter()
        .position(|h| h == "lang")
        .expect("lang column");
    let normalizer = Normalizer::new();
    let mut en = Counts::default();
    let mut fr = Counts::default();
    for record in reader.records() {
        let Ok(record) = record else { continue };
        let (Some(text), Some(lang)) = (record.get(text_col), record.get(lang_col)) else {
            continue;
        };
        let want = Lang::from_code(lang);
        let counts = match want {
            Lang::En => &mut en,
            Lang::Fr => &mut fr,
            Lang::Other => continue,
        };
        let got = normalizer.normalize(text, None).lang;
        counts.posts += 1;
        if got == want {
            counts.right += 1;
        } else if got == Lang::Other {
            counts.other += 1;
        } else {
            counts.wrong += 1;
        }
    }
    eprintln!("en: {en:?}\nfr: {fr:?}");
    assert!(
        en.posts > 1000 && fr.posts > 1000,
        "pool too small: {en:?} {fr:?}"
    );
    let rate = |n: usize, c: &Counts| n as f64 / c.posts as f64;
    // Confusing the two languages is the costly error (the wrong lexicons apply); "other"
    // only means every lexicon applies.
    assert!(
        rate(en.wrong, &en) < 0.005,
        "English read as French: {en:?}"
    );
    assert!(
        rate(fr.wrong, &fr) < 0.005,
        "French read as English: {fr:?}"
    );
    assert!(rate(en.right, &en) > 0.93, "English recall: {en:?}");
    assert!(rate(fr.right, &fr) > 0.95, "French recall: {fr:?}");
}
