//! Rough per-call costs of the hot paths the store and server will run (release build):
//! `cargo run -p vigie-review --release --example throughput`.

use std::hint::black_box;
use std::time::Instant;

use vigie_detect::{Category, Target};
use vigie_policy::{Action, CategoryScore, Decision};
use vigie_review::{Case, Priority, ReviewConfig, route, sign_payload, verify_signature};

fn decision(i: usize) -> Decision {
    let categories = [
        Category::Hate,
        Category::Harassment,
        Category::ViolenceThreat,
    ];
    Decision {
        post_id: format!("p{i}"),
        action: if i.is_multiple_of(7) {
            Action::EscalateUrgent
        } else {
            Action::HoldForReview
        },
        reason_code: Some("auto".into()),
        category: Some(categories[i % 3]),
        categories: vec![CategoryScore {
            category: categories[i % 3],
            score: 0.5 + (i % 50) as f32 / 100.0,
        }],
        evidence: Vec::new(),
        targets: vec![Target::Addressee],
        rules: Vec::new(),
        lang: if i.is_multiple_of(2) {
            "en".into()
        } else {
            "fr".into()
        },
        lang_confidence: 0.9,
        policy_version: "x".into(),
        detectors: Vec::new().into(),
        latency_us: 1,
    }
}

fn time<F: FnMut(usize)>(name: &str, n: usize, mut f: F) {
    let start = Instant::now();
    for i in 0..n {
        f(i);
    }
    let ns = start.elapsed().as_nanos() as f64 / n as f64;
    println!("{name:<28} {ns:>9.0} ns/call");
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = ReviewConfig::example()?;
    let now = 1_700_000_000_000_000;
    let cases: Vec<Case> = (0..1000)
        .map(|i| {
            Case::from_decision(
                &format!("c{i}"),
                "f",
                Some("u"),
                decision(i),
                Some(i as u64 * 37),
                &config,
                now,
            )
        })
        .collect();
    let n = 200_000;
    time("Priority::compute", n, |i| {
        black_box(Priority::compute(
            &cases[i % cases.len()],
            &config.priority,
            now,
        ));
    });
    time("route (8 queues)", n, |i| {
        black_box(route(&config.queues, &cases[i % cases.len()]));
    });
    let body = serde_json::to_vec(&cases[0])?;
    println!("case JSON: {} bytes", body.len());
    time("sign_payload (case JSON)", n / 4, |i| {
        black_box(sign_payload(b"secret", i as i64, &body));
    });
    let header = sign_payload(b"secret", 5, &body);
    time("verify_signature", n / 4, |_| {
        black_box(verify_signature(b"secret", &header, &body, 5, 300).is_ok());
    });
    time("Case JSON round trip", n / 20, |i| {
        let json = serde_json::to_string(&cases[i % cases.len()]).unwrap_or_default();
        black_box(serde_json::from_str::<Case>(&json).is_ok());
    });
    Ok(())
}
