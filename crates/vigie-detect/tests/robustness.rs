//! Disguised abuse through the real normalizer, and no panic / valid spans on any input.

mod common;

use proptest::prelude::*;
use vigie_detect::Category;
use vigie_text::Lang;

#[test]
fn disguised_terms_and_threats_are_found() {
    let h = common::shared();
    let cases: &[(&str, Lang, Category)] = &[
        ("I w1ll k1ll y0u", Lang::En, Category::ViolenceThreat),
        ("I will k i l l you", Lang::En, Category::ViolenceThreat),
        ("I'm gonna kiiiill you", Lang::En, Category::ViolenceThreat),
        ("j3 v4is t3 tu3r", Lang::Fr, Category::ViolenceThreat),
        ("je vais te t.u.e.r", Lang::Fr, Category::ViolenceThreat),
        ("f4gg0t", Lang::En, Category::Hate),
        ("n1gg3r", Lang::En, Category::Hate),
        ("ѕale bougnоule", Lang::Fr, Category::Hate),
        ("you sh1thead", Lang::En, Category::Harassment),
        ("fuuuuck this", Lang::En, Category::Profanity),
        ("tapettte", Lang::Fr, Category::Hate),
    ];
    let mut missed = Vec::new();
    for &(text, lang, category) in cases {
        let score = h.score(text, Some(lang), category);
        if score < 0.5 {
            missed.push(format!("{text:?}: {category} {score:.2}"));
        }
    }
    assert!(missed.is_empty(), "missed:\n{}", missed.join("\n"));
}

#[test]
fn hostile_inputs_do_not_panic() {
    let h = common::shared();
    let long = "kill ".repeat(5000);
    let many_slurs = "kike faggot ".repeat(400);
    for text in [
        "",
        " ",
        "'",
        "\"",
        "«",
        "I'll",
        "'I will kill you",
        "you",
        "kill",
        "te",
        "\u{200b}\u{200b}",
        "🔪🔪🔪",
        long.as_str(),
        many_slurs.as_str(),
        "je\nvais\nte\ntuer",
    ] {
        for lang in [None, Some(Lang::En), Some(Lang::Fr)] {
            for signal in h.signals(text, lang) {
                assert!((0.0..=1.0).contains(&signal.score));
                for e in &signal.evidence {
                    assert!(text.get(e.span.range()).is_some());
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_text_gives_valid_signals(text in "\\PC{0,120}") {
        let h = common::shared();
        for signal in h.signals(&text, None) {
            prop_assert!((0.0..=1.0).contains(&signal.score));
            prop_assert!(!signal.evidence.is_empty());
            for e in &signal.evidence {
                prop_assert!(text.get(e.span.range()).is_some(), "{:?} in {:?}", e, text);
            }
        }
    }

    #[test]
    fn threat_words_in_any_order_give_valid_signals(
        words in proptest::collection::vec(
            prop::sample::select(vec![
                "i", "will", "kill", "you", "je", "vais", "te", "tuer", "someone", "should",
                "shoot", "the", "jews", "les", "juifs", "mort", "aux", "never", "not", "'", "\"",
                "lol", "in", "game", "Jeanne", "Dupont", ",", ".", "deserves", "a", "bullet",
            ]),
            0..24,
        )
    ) {
        let h = common::shared();
        let text = words.join(" ");
        for signal in h.signals(&text, Some(Lang::En)) {
            prop_assert!((0.0..=1.0).contains(&signal.score));
            for e in &signal.evidence {
                prop_assert!(text.get(e.span.range()).is_some());
            }
        }
    }
}
