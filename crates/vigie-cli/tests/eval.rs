//! `vigie eval` in both modes, as a user runs it: the real binary, the shipped model, a small
//! labelled file.

use std::process::Command;

fn model() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/vigie-enfr.vgm").to_string()
}

const ROWS: &str = r#"{"id": "t-1", "text": "I will kill you tonight, I know where you live", "lang": "en", "hate": 0, "violence_threat": 1, "incitement": 0, "harassment": 1, "toxicity": 1, "kind": "direct_threat", "split": "test"}
{"id": "t-2", "text": "Lovely weather for a picnic by the river today", "lang": "en", "hate": 0, "violence_threat": 0, "incitement": 0, "harassment": 0, "toxicity": 0, "kind": "clean", "split": "test"}
{"id": "t-3", "text": "Je vais te tuer ce soir, je sais où tu habites", "lang": "fr", "hate": 0, "violence_threat": 1, "incitement": 0, "harassment": 1, "toxicity": 1, "kind": "direct_threat", "split": "test"}
{"id": "t-4", "text": "this one is for training only", "lang": "en", "hate": 0, "violence_threat": 0, "incitement": 0, "harassment": 0, "toxicity": 0, "kind": "clean", "split": "train"}
"#;

fn run_eval(dir: &std::path::Path, extra: &[&str]) -> serde_json::Value {
    let seeds = dir.join("rows.jsonl");
    std::fs::write(&seeds, ROWS).expect("write rows");
    eval_report(&seeds, &dir.join("report.json"), extra)
}

/// `vigie eval --split test` on `input` (a seed file or directory) with the shipped model; the
/// JSON report it wrote to `json`.
fn eval_report(
    input: &std::path::Path,
    json: &std::path::Path,
    extra: &[&str],
) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["eval", "--model", &model()])
        .arg(input)
        .args(["--split", "test", "--json"])
        .arg(json)
        .args(extra)
        .output()
        .expect("the vigie binary runs");
    assert!(
        out.status.success(),
        "eval failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&std::fs::read_to_string(json).expect("report written"))
        .expect("report is JSON")
}

fn figure<'a>(report: &'a serde_json::Value, category: &str, lang: &str) -> &'a serde_json::Value {
    report["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .find(|f| f["category"] == category && f["lang"] == lang)
        .unwrap_or_else(|| panic!("no figure for {category}/{lang}"))
}

#[test]
fn pipeline_mode_judges_the_whole_engine_on_the_chosen_split() {
    let dir = tempfile::tempdir().expect("temp dir");
    let report = run_eval(dir.path(), &["--pipeline"]);
    assert_eq!(report["mode"], "pipeline");
    assert_eq!(report["rows"], 3, "split=train rows are left out");
    let threat = figure(&report, "violence_threat", "all");
    assert_eq!(threat["n"], 3);
    assert_eq!(threat["positives"], 2);
    // Plain first-person death threats with an address: the engine must catch both, and
    // must not call the picnic a threat.
    assert_eq!(threat["recall"], 1.0);
    assert_eq!(threat["precision"], 1.0);
    let alone = report["negatives_left_alone"]
        .as_array()
        .expect("left-alone figures")
        .iter()
        .find(|l| l["lang"] == "en")
        .expect("English negatives");
    assert_eq!(alone["negatives"], 1);
    assert_eq!(alone["left_alone"], 1, "the picnic post is allowed");
}

#[test]
fn classifier_mode_writes_per_row_scores_for_the_chosen_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rows_out = dir.path().join("scores.jsonl");
    let rows_arg = rows_out.display().to_string();
    let report = run_eval(
        dir.path(),
        &["--rows-out", &rows_arg, "--kind", "direct_threat"],
    );
    assert_eq!(report["mode"], "classifier");
    assert_eq!(
        report["rows"], 2,
        "only the direct threats of the test split"
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&rows_out)
        .expect("scores written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let ids: Vec<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids, ["t-1", "t-3"]);
    for l in &lines {
        let score = l["scores"]["violence_threat"]
            .as_f64()
            .expect("a threat score");
        assert!(
            (0.0..=1.0).contains(&score),
            "probability out of range: {score}"
        );
        assert_eq!(l["labels"]["violence_threat"], true);
    }
}

/// Hard cases written for this test (none is a seed row), through `vigie explain` with the
/// shipped model: the classifier's verdict (score at or above the threshold `explain` prints)
/// matches the expected labels — threats, calls and hate flagged in the expected category, the
/// same violent words in idioms, sport and a family joke flagged in none of violence_threat,
/// incitement, hate, harassment — and the default policy acts on every harmful case. (The
/// policy's "possible …" rules send posts scoring 0.5 and up to review, below the classifier's
/// own thresholds, so "allow" is not asserted for the harmless ones.)
#[test]
fn explain_gets_the_hard_cases_right() {
    let harmful: [(&str, &str, &str); 6] = [
        (
            "I'm going to shoot you the moment you walk out of that building",
            "en",
            "violence_threat",
        ),
        (
            "je vais te planter dès que tu sors du bâtiment",
            "fr",
            "violence_threat",
        ),
        (
            "Someone should put a bullet in the mayor's head",
            "en",
            "incitement",
        ),
        (
            "il faudrait que quelqu'un mette une balle dans la tête du maire",
            "fr",
            "incitement",
        ),
        ("jews are vermin and should be wiped out", "en", "hate"),
        (
            "les juifs sont de la vermine, il faut les exterminer",
            "fr",
            "hate",
        ),
    ];
    let harmless = [
        (
            "my boss is going to kill me when he sees this spreadsheet",
            "en",
        ),
        ("ma prof va me tuer quand elle verra ma copie", "fr"),
        ("We destroyed them 4-0 on saturday, what a massacre", "en"),
        ("on les a massacrés 4-0 samedi, quel carnage", "fr"),
        ("I'm going to kill this presentation tomorrow", "en"),
    ];
    // (action, categories the classifier flags)
    let explain = |text: &str, lang: &str| -> (String, Vec<String>) {
        let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(["explain", "--model", &model(), "--lang", lang, text])
            .output()
            .expect("the vigie binary runs");
        assert!(
            out.status.success(),
            "explain failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout).to_string();
        let action = stdout
            .lines()
            .find_map(|l| l.strip_prefix("action"))
            .and_then(|rest| rest.split_whitespace().next())
            .unwrap_or("")
            .to_string();
        // "  violence_threat  0.91 (threshold 0.63)" under "classifier (top features…"
        let flagged = stdout
            .lines()
            .skip_while(|l| !l.starts_with("classifier ("))
            .filter_map(|l| {
                let (head, threshold) = l.trim().strip_suffix(')')?.split_once(" (threshold ")?;
                let mut parts = head.split_whitespace();
                let (category, score) = (parts.next()?, parts.next()?);
                let score: f32 = score.parse().ok()?;
                let threshold: f32 = threshold.parse().ok()?;
                (score >= threshold).then(|| category.to_string())
            })
            .collect();
        (action, flagged)
    };
    for (text, lang, category) in harmful {
        let (action, flagged) = explain(text, lang);
        assert!(
            flagged.iter().any(|c| c == category),
            "{text:?}: classifier flags {flagged:?}, expected {category}"
        );
        assert!(
            ["hold_for_review", "remove", "escalate_urgent"].contains(&action.as_str()),
            "{text:?} → {action}"
        );
    }
    for (text, lang) in harmless {
        let (_, flagged) = explain(text, lang);
        assert!(
            !flagged.iter().any(|c| {
                ["violence_threat", "incitement", "hate", "harassment"].contains(&c.as_str())
            }),
            "{text:?}: classifier flags {flagged:?}"
        );
    }
}

/// Pipeline mode judges what the policy does: a category is flagged only when an enforced rule
/// of that category acts. The same rows under a policy whose threat rules can never fire (a
/// score above 1) flag no threat at all — recall 0 — and leave every harmless row alone; under
/// the default policy both threats are flagged.
#[test]
fn pipeline_mode_flags_what_the_policy_acts_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let policy = dir.path().join("never-threat.toml");
    std::fs::write(
        &policy,
        r#"[policy]
name = "never-threat"

[[rule]]
id = "impossible-threat"
when = "signals.violence_threat.score > 1.5"
action = "remove"
reason_code = "violent_threat"
category = "violence_threat"

[[rule]]
id = "any-harassment"
when = "signals.harassment.score >= 0.3"
action = "hold_for_review"
reason_code = "harassment"
category = "harassment"
"#,
    )
    .expect("write policy");
    let policy_arg = policy.display().to_string();
    let report = run_eval(dir.path(), &["--pipeline", "--policy", &policy_arg]);
    assert_eq!(report["mode"], "pipeline");
    assert_eq!(report["policy"], policy_arg.as_str());
    let threat = figure(&report, "violence_threat", "all");
    assert_eq!(threat["positives"], 2);
    assert_eq!(
        threat["recall"], 0.0,
        "no threat rule can fire, so no threat is flagged"
    );
    // The threats are held for harassment, which is what this policy does with them.
    let harassment = figure(&report, "harassment", "all");
    assert_eq!(harassment["recall"], 1.0);
    assert!(
        threat["threshold"].is_null(),
        "pipeline figures have no score threshold"
    );
    // AUPRC still ranks by the detectors' scores, whatever the policy does.
    assert_eq!(threat["auprc"], 1.0);

    let default = run_eval(dir.path(), &["--pipeline"]);
    assert_eq!(default["policy"], "default");
    assert_eq!(figure(&default, "violence_threat", "all")["recall"], 1.0);
}

/// A small seed directory of two files, as `data/seeds` is laid out; the rows marked `listed`
/// are the ones the id-list tests keep (one of them on the train side).
const THREAT_FILE: [(&str, bool); 5] = [
    (
        r#"{"id": "s-threat-1", "text": "I will kill you tonight, I know where you live", "lang": "en", "hate": 0, "violence_threat": 1, "incitement": 0, "harassment": 1, "toxicity": 1, "kind": "direct_threat", "split": "test"}"#,
        true,
    ),
    (
        r#"{"id": "s-threat-2", "text": "Je vais te tuer ce soir, je sais où tu habites", "lang": "fr", "hate": 0, "violence_threat": 1, "incitement": 0, "harassment": 1, "toxicity": 1, "kind": "direct_threat", "split": "test"}"#,
        true,
    ),
    (
        r#"{"id": "s-threat-3", "text": "keep talking and see what happens to your car, and then to you", "lang": "en", "hate": 0, "violence_threat": 1, "incitement": 0, "harassment": 1, "toxicity": 1, "kind": "veiled_threat", "split": "test"}"#,
        false,
    ),
    (
        r#"{"id": "s-threat-4", "text": "someone should burn their office down tonight", "lang": "en", "hate": 0, "violence_threat": 0, "incitement": 1, "harassment": 0, "toxicity": 1, "kind": "call", "split": "test"}"#,
        false,
    ),
    (
        r#"{"id": "s-threat-5", "text": "I'm going to end you, mark my words", "lang": "en", "hate": 0, "violence_threat": 1, "incitement": 0, "harassment": 1, "toxicity": 1, "kind": "direct_threat", "split": "train"}"#,
        true,
    ),
];
const NEGATIVE_FILE: [(&str, bool); 4] = [
    (
        r#"{"id": "s-neg-1", "text": "Lovely weather for a picnic by the river today", "lang": "en", "hate": 0, "violence_threat": 0, "incitement": 0, "harassment": 0, "toxicity": 0, "kind": "clean", "split": "test"}"#,
        true,
    ),
    (
        r#"{"id": "s-neg-2", "text": "my boss is going to kill me when he sees this spreadsheet", "lang": "en", "hate": 0, "violence_threat": 0, "incitement": 0, "harassment": 0, "toxicity": 0, "kind": "idiom", "split": "test"}"#,
        true,
    ),
    (
        r#"{"id": "s-neg-3", "text": "ma prof va me tuer quand elle verra ma copie", "lang": "fr", "hate": 0, "violence_threat": 0, "incitement": 0, "harassment": 0, "toxicity": 0, "kind": "idiom", "split": "test"}"#,
        false,
    ),
    (
        r#"{"id": "s-neg-4", "text": "on les a massacrés 4-0 samedi, quel carnage", "lang": "fr", "hate": 0, "violence_threat": 0, "incitement": 0, "harassment": 0, "toxicity": 0, "kind": "sport", "split": "test"}"#,
        false,
    ),
];

/// Writes the two seed files into `dir`: every row, or only the listed ones.
fn write_seed_dir(dir: &std::path::Path, only_listed: bool) {
    std::fs::create_dir_all(dir).expect("seed dir");
    for (name, rows) in [
        ("threats.jsonl", &THREAT_FILE[..]),
        ("negatives.jsonl", &NEGATIVE_FILE[..]),
    ] {
        let text: String = rows
            .iter()
            .filter(|(_, listed)| *listed || !only_listed)
            .map(|(row, _)| format!("{row}\n"))
            .collect();
        std::fs::write(dir.join(name), text).expect("write seed file");
    }
}

/// The listed rows' ids, as a user writes the file: a header comment, a blank line, a
/// trailing comment, surrounding spaces, and one id twice.
fn write_id_list(path: &std::path::Path) {
    let mut text = String::from("# rows to measure\n\n");
    for (row, listed) in THREAT_FILE.iter().chain(&NEGATIVE_FILE) {
        if *listed {
            let row: serde_json::Value = serde_json::from_str(row).expect("row is JSON");
            let id = row["id"].as_str().expect("row id");
            text.push_str(&format!("  {id}   # kept\n"));
        }
    }
    text.push_str("s-neg-1\n");
    std::fs::write(path, text).expect("write id list");
}

/// `--ids` keeps only the listed rows, after `--split` (the listed train row stays out): in
/// both modes the figures and the left-alone counts are those of a run on a directory that
/// holds only the listed rows, and they differ from a run on every row.
#[test]
fn id_list_gives_the_figures_of_a_directory_of_those_rows_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (all, listed_only) = (dir.path().join("all"), dir.path().join("listed"));
    write_seed_dir(&all, false);
    write_seed_dir(&listed_only, true);
    let ids = dir.path().join("rows.ids");
    write_id_list(&ids);
    let ids_arg = ids.display().to_string();
    for mode in [&[][..], &["--pipeline"][..]] {
        let filtered = eval_report(
            &all,
            &dir.path().join("filtered.json"),
            &[mode, &["--ids", &ids_arg]].concat(),
        );
        let alone = eval_report(&listed_only, &dir.path().join("alone.json"), mode);
        let every = eval_report(&all, &dir.path().join("every.json"), mode);
        assert_eq!(filtered["rows"], 4, "four listed rows are on the test side");
        assert_eq!(filtered["rows"], alone["rows"]);
        assert_eq!(filtered["ids"], ids_arg.as_str());
        assert!(alone["ids"].is_null());
        assert_eq!(filtered["figures"], alone["figures"], "mode {mode:?}");
        assert_eq!(
            filtered["negatives_left_alone"], alone["negatives_left_alone"],
            "mode {mode:?}"
        );
        assert_eq!(every["rows"], 8);
        assert_eq!(figure(&filtered, "violence_threat", "all")["positives"], 2);
        assert_eq!(figure(&every, "violence_threat", "all")["positives"], 3);
    }
    // --kind still applies on top of the list.
    let idioms = eval_report(
        &all,
        &dir.path().join("idioms.json"),
        &["--ids", &ids_arg, "--kind", "idiom"],
    );
    assert_eq!(idioms["rows"], 1, "s-neg-2 is the only listed idiom");
}

/// An id that names no row (a typo, or a list made for another file) is an error that names
/// it, not a smaller set measured in silence.
#[test]
fn unknown_ids_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = dir.path().join("seeds");
    write_seed_dir(&seeds, false);
    let ids = dir.path().join("typo.ids");
    std::fs::write(&ids, "s-threat-1\ns-thraet-2  # typo\ns-neg-1\ns-neg-99\n").expect("write ids");
    let json = dir.path().join("report.json");
    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["eval", "--model", &model()])
        .arg(&seeds)
        .arg("--ids")
        .arg(&ids)
        .arg("--json")
        .arg(&json)
        .output()
        .expect("the vigie binary runs");
    assert!(!out.status.success(), "eval accepted unknown ids");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("2 of the 4 listed ids") && stderr.contains("s-thraet-2, s-neg-99"),
        "the error names the unknown ids: {stderr}"
    );
    assert!(
        !stderr.contains("s-threat-1,"),
        "known ids are not blamed: {stderr}"
    );
    assert!(!json.exists(), "no report is written for a refused list");
}
