//! `vigie scan`, `explain` and `policy check` as a user runs them: the real binary, real files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn vigie(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the vigie binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("vigie finishes");
    writer.join().expect("stdin writer");
    out
}

fn decisions(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is a JSON decision"))
        .collect()
}

fn example_file() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/examples/posts.jsonl"
    )
    .to_string()
}

#[test]
fn scans_the_example_file_in_order() {
    let out = vigie(&["scan", &example_file(), "--no-classifier"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ds = decisions(&out);
    let lines = std::fs::read_to_string(example_file()).expect("example file");
    assert_eq!(ds.len(), lines.lines().count());
    for (d, line) in ds.iter().zip(lines.lines()) {
        let post: serde_json::Value = serde_json::from_str(line).expect("example is JSON");
        assert_eq!(d["post_id"], post["id"]);
        assert!(d["policy_version"].as_str().is_some_and(|v| v.len() == 16));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("posts decided"),
        "summary printed: {stderr}"
    );
}

#[test]
fn malformed_lines_are_reported_by_number_and_skipped() {
    let input = b"{\"id\":\"a\",\"text\":\"hello\"}\nnot json at all\n{\"id\":\"b\",\"text\":\"\xff\xfe\"}\n\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"bye\",\"context\":{\"nope\":1}}\n{\"id\":\"e\",\"text\":\"still here\"}\n";
    let out = vigie(&["scan", "-", "--no-classifier"], input);
    assert!(out.status.success());
    let ids: Vec<_> = decisions(&out)
        .iter()
        .map(|d| d["post_id"].as_str().map(str::to_string))
        .collect();
    assert_eq!(ids, vec![Some("a".into()), Some("e".into())]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "line 2: bad JSON",
        "line 3: invalid UTF-8",
        "line 5: bad JSON",
        "line 6: bad JSON",
    ] {
        assert!(stderr.contains(expected), "{expected:?} in {stderr}");
    }
    assert!(stderr.contains("malformed records skipped"), "{stderr}");
}

#[test]
fn strict_mode_stops_at_the_first_bad_line() {
    let out = vigie(
        &["scan", "-", "--strict", "--no-classifier"],
        b"{\"id\":1,\"text\":\"ok\"}\n{oops\n{\"id\":2,\"text\":\"ok\"}\n",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
}

#[test]
fn oversized_records_are_skipped_without_buffering_them() {
    let mut input = b"{\"id\":\"big\",\"text\":\"".to_vec();
    input.extend(std::iter::repeat_n(b'a', 3_000_000));
    input.extend_from_slice(b"\"}\n{\"id\":\"small\",\"text\":\"fine\"}\n");
    let out = vigie(
        &[
            "scan",
            "-",
            "--no-classifier",
            "--max-record-bytes",
            "100000",
        ],
        &input,
    );
    assert!(out.status.success());
    let ds = decisions(&out);
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0]["post_id"], "small");
    assert!(String::from_utf8_lossy(&out.stderr).contains("over --max-record-bytes"));
}

#[test]
fn csv_input_is_read_by_header() {
    let input = "lang,text,id\nen,I will kill you,1\nfr,\"bonjour, ça va ?\",2\n";
    let out = vigie(
        &["scan", "-", "--format", "csv", "--no-classifier"],
        input.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ds = decisions(&out);
    assert_eq!(ds.len(), 2);
    assert_eq!(ds[0]["post_id"], "1");
    assert_ne!(ds[0]["action"], "allow");
    assert_eq!(ds[1]["action"], "allow");
}

#[test]
fn batches_keep_input_order_across_threads() {
    let mut input = String::new();
    for i in 0..5000 {
        input.push_str(&format!(
            "{{\"id\":\"p{i}\",\"text\":\"post number {i}\"}}\n"
        ));
    }
    let out = vigie(
        &[
            "scan",
            "-",
            "--batch",
            "7",
            "--threads",
            "2",
            "--no-classifier",
        ],
        input.as_bytes(),
    );
    assert!(out.status.success());
    let ds = decisions(&out);
    assert_eq!(ds.len(), 5000);
    for (i, d) in ds.iter().enumerate() {
        assert_eq!(d["post_id"], format!("p{i}"));
    }
}

#[test]
fn explain_marks_the_evidence() {
    let out = vigie(&["explain", "je vais te tuer", "--no-classifier"], b"");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains('«') && text.contains('»'), "{text}");
    assert!(text.contains("violence_threat"), "{text}");
}

#[test]
fn policy_check_names_the_broken_rule() {
    let dir = std::env::temp_dir().join(format!("vigie-policy-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad.toml");
    std::fs::write(
        &path,
        "[policy]\nname = \"bad\"\n[[rule]]\nid = \"oops\"\nwhen = \"signals.hate.score >= \"\naction = \"remove\"\nreason_code = \"x\"\n",
    )
    .expect("write policy");
    let out = vigie(
        &["policy", "check", path.to_str().expect("utf-8 path")],
        b"",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml") && err.contains("oops"), "{err}");
    let ok = vigie(&["policy", "check"], b"");
    assert!(ok.status.success());
    assert!(String::from_utf8_lossy(&ok.stdout).contains("is valid"));
}

#[test]
fn explain_shows_the_classifier_features() {
    let out = vigie(&["explain", "I will kill you tomorrow"], b"");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("classifier (top features"), "{text}");
    assert!(text.contains("violence_threat"), "{text}");
    assert!(
        text.contains("    + "),
        "at least one feature raising a score: {text}"
    );
}
