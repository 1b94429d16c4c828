//! Builders shared by the integration tests.
#![allow(dead_code)]

use vigie_detect::{Category, Target};
use vigie_policy::{Action, CategoryScore, Decision};
use vigie_review::{Actor, Case, ReviewConfig, Role};

pub const T0: i64 = 1_700_000_000_000_000;
pub const MINUTE: i64 = 60_000_000;
pub const DAY: i64 = 24 * 60 * MINUTE;

pub fn automated(
    post_id: &str,
    action: Action,
    scores: &[(Category, f32)],
    targets: Vec<Target>,
    lang: &str,
) -> Decision {
    Decision {
        post_id: post_id.to_string(),
        action,
        reason_code: Some("auto".into()),
        category: scores.first().map(|s| s.0),
        categories: scores
            .iter()
            .map(|(category, score)| CategoryScore {
                category: *category,
                score: *score,
            })
            .collect(),
        evidence: Vec::new(),
        targets,
        rules: Vec::new(),
        lang: lang.to_string().into(),
        lang_confidence: 0.9,
        policy_version: "test".into(),
        detectors: Vec::new().into(),
        latency_us: 3,
    }
}

pub fn config() -> ReviewConfig {
    match ReviewConfig::example() {
        Ok(c) => c,
        Err(e) => panic!("the example config must parse: {e}"),
    }
}

/// A harassment case in English by author "u1", removed-worthy but not urgent.
pub fn harassment_case(id: &str) -> Case {
    Case::from_decision(
        id,
        "forum",
        Some("u1"),
        automated(
            "p1",
            Action::HoldForReview,
            &[(Category::Harassment, 0.8), (Category::Toxicity, 0.6)],
            vec![Target::Addressee],
            "en",
        ),
        Some(12_000),
        &config(),
        T0,
    )
}

/// A threat to a watchlisted person: urgent.
pub fn threat_case(id: &str) -> Case {
    Case::from_decision(
        id,
        "forum",
        Some("u2"),
        automated(
            "p2",
            Action::Remove,
            &[(Category::ViolenceThreat, 0.92)],
            vec![Target::Watchlisted {
                id: "mayor".into(),
                role: "official".into(),
            }],
            "fr",
        ),
        Some(300),
        &config(),
        T0,
    )
}

pub fn moderator(id: &str) -> Actor {
    Actor::new(id, Role::Moderator)
}
