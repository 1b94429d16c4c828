//! Builders shared by the integration tests.
#![allow(dead_code)]

use vigie_detect::{Category, Signal, Target};
use vigie_policy::{EvalInput, Policy, PostContext, Verdict};
use vigie_text::Lang;

pub const DEFAULT_POLICY: &str = include_str!("../../../../data/policies/default.toml");

pub fn default_policy() -> Policy {
    match Policy::from_toml("data/policies/default.toml", DEFAULT_POLICY) {
        Ok(policy) => policy,
        Err(e) => panic!("the default policy must load: {e}"),
    }
}

pub fn load(text: &str) -> Policy {
    match Policy::from_toml("test.toml", text) {
        Ok(policy) => policy,
        Err(e) => panic!("test policy must load: {e}"),
    }
}

pub fn signal(category: Category, score: f32) -> Signal {
    Signal {
        detector: "test".into(),
        category,
        score,
        evidence: Vec::new(),
        targets: Vec::new(),
    }
}

pub fn signal_on(category: Category, score: f32, targets: Vec<Target>) -> Signal {
    Signal {
        targets,
        ..signal(category, score)
    }
}

pub fn watchlisted(id: &str, role: &str) -> Target {
    Target::Watchlisted {
        id: id.to_string(),
        role: role.to_string(),
    }
}

pub fn group(id: &str) -> Target {
    Target::Group { id: id.to_string() }
}

pub fn eval(policy: &Policy, signals: &[Signal], context: &PostContext) -> Verdict {
    policy.evaluate(&EvalInput {
        signals,
        lang: Lang::En,
        text_chars: 80,
        context,
    })
}

pub fn fired_ids(verdict: &Verdict) -> Vec<&str> {
    verdict.fired.iter().map(|f| &*f.id).collect()
}
