//! Whatever a policy file holds, loading it returns a policy or an error — never a panic, a hang
//! or a stack overflow — and a loaded policy evaluates any post without panicking.

mod common;

use common::*;
use proptest::prelude::*;
use vigie_detect::Category;
use vigie_policy::{Policy, PostContext};

const TOKENS: &[&str] = &[
    "signals.hate.score",
    "signals.threat.targets",
    "signals.toxicity.detectors",
    "signals",
    "post.lang",
    "post.reach",
    "author.strikes",
    "author",
    "t",
    "t.kind",
    "has(",
    "size(",
    ".exists(t,",
    ".all(t,",
    ".map(t,",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    "&&",
    "||",
    "!",
    "==",
    "!=",
    "<",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "?",
    "0",
    "1",
    "0.5",
    "-1",
    "2u",
    "\"x\"",
    "'y'",
    "true",
    "false",
    "null",
    "in",
    "int(",
    "double(",
    "string(",
    "matches(",
    "\"[\"",
    "1e308",
    "9223372036854775807",
    ".",
    "b\"z\"",
];

fn policy_text(when: &str) -> String {
    let when = when.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "[policy]\nname = \"fuzz\"\n\n[[rule]]\nid = \"r\"\nwhen = \"{when}\"\naction = \"remove\"\nreason_code = \"r\"\n"
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn any_condition_loads_or_is_refused_and_never_panics(
        tokens in prop::collection::vec(prop::sample::select(TOKENS), 1..40),
    ) {
        let when = tokens.join(" ");
        if let Ok(policy) = Policy::from_toml("fuzz.toml", &policy_text(&when)) {
            for signals in [vec![], vec![signal_on(Category::Hate, 0.9, vec![group("g")])]] {
                let _ = eval(&policy, &signals, &PostContext::default());
                let _ = policy.evaluate_cel_only(&vigie_policy::EvalInput {
                    signals: &signals,
                    lang: vigie_text::Lang::Fr,
                    text_chars: 0,
                    context: &PostContext::default(),
                });
            }
        }
    }

    #[test]
    fn any_text_loads_or_is_refused(text in "\\PC{0,400}") {
        let _ = Policy::from_toml("fuzz.toml", &text);
    }
}
