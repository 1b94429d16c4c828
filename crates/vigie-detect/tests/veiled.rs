//! Veiled threats ("ça va mal finir pour toi", "watch your back") score under the 0.5 review
//! line on their own, because harmless posts use the same words; a second cue lifts them over:
//! a name, a watchlisted person, or violent words of the post's own. A time or a place, a group
//! or a second "you" is not such a cue (they fire on everyday posts), and the "it would be a
//! shame"-type hints cross only with violent words, never with a name alone.

mod common;

use vigie_detect::Category;
use vigie_text::Lang;

const REVIEW_LINE: f32 = 0.5;

fn threat_score(text: &str, lang: &str) -> f32 {
    let signals = common::shared().signals(text, Some(Lang::from_code(lang)));
    common::max_score(&signals, Category::ViolenceThreat)
}

/// `(veiled alone, the same veiled phrase with a cue)`: the first stays under the line, the
/// second crosses it.
const PAIRS: [(&str, &str, &str); 8] = [
    (
        "ça va mal finir pour toi",
        "ça va mal finir pour toi, Kevin",
        "fr",
    ),
    (
        "Regarde bien derrière toi en rentrant",
        "Regarde bien derrière toi en rentrant, j'ai mon couteau",
        "fr",
    ),
    (
        "t'as intérêt à te cacher",
        "t'as intérêt à te cacher, Sophie",
        "fr",
    ),
    (
        "Ce serait dommage qu'il arrive quelque chose",
        "Ce serait dommage qu'il arrive quelque chose, avec un bidon d'essence c'est vite fait",
        "fr",
    ),
    ("watch your back", "watch your back, Marcus", "en"),
    (
        "you will be dealt with",
        "you will be dealt with, Priya",
        "en",
    ),
    (
        "Lock your doors tonight",
        "Lock your doors tonight, I still have the rifle",
        "en",
    ),
    (
        "sleep with one eye open",
        "sleep with one eye open, I've sharpened the knife",
        "en",
    ),
];

#[test]
fn a_veiled_phrase_alone_stays_under_the_line_and_crosses_it_with_a_cue() {
    let mut failures = Vec::new();
    for (alone, with_cue, lang) in PAIRS {
        let (low, high) = (threat_score(alone, lang), threat_score(with_cue, lang));
        if !(low > 0.0 && low < REVIEW_LINE) {
            failures.push(format!("alone {low:.2} (want in (0, 0.5)): {alone}"));
        }
        if high < REVIEW_LINE {
            failures.push(format!("with a cue {high:.2} (want ≥ 0.5): {with_cue}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A "shame"-type hint or "not joking" says nothing without violent words; with them it is a
/// threat.
#[test]
fn a_hint_needs_violent_words() {
    for (text, lang) in [
        ("Would be terrible if something happened", "en"),
        ("I'm not joking, this cake is amazing Sarah", "en"),
        ("je rigole pas, ce gâteau est incroyable Julie", "fr"),
    ] {
        let score = threat_score(text, lang);
        assert!(score == 0.0, "{score:.2}: {text}");
    }
    for (text, lang) in [
        (
            "Would be terrible if someone stabbed you on the way home",
            "en",
        ),
        (
            "vire moi et je reviens avec un flingue, je rigole pas",
            "fr",
        ),
        (
            "Belle baraque. Ce serait dommage qu'elle brûle un soir",
            "fr",
        ),
    ] {
        let score = threat_score(text, lang);
        assert!(score >= REVIEW_LINE, "{score:.2}: {text}");
    }
}

/// Things that look like cues but are not: a time or place, a group, a name beside a
/// "shame"-type hint. Each text holds a veiled phrase, so each scores something; none crosses.
#[test]
fn weak_cues_do_not_lift_a_veiled_phrase() {
    let cases = [
        (
            "I'll find you at the library on thursday, I'll be the one with the balloons",
            "en",
        ),
        ("It would be terrible if you missed the party, Sarah", "en"),
        ("Ce serait dommage que tu rates le concert, Julie", "fr"),
        ("Ce serait bête que tu perdes ton billet, Lucas", "fr"),
        (
            "fais gaffe à ton sac, y'a des pickpockets dans le métro ce soir",
            "fr",
        ),
        ("t'as intérêt à faire gaffe au verglas demain matin", "fr"),
    ];
    let mut failures = Vec::new();
    for (text, lang) in cases {
        let score = threat_score(text, lang);
        if score >= REVIEW_LINE {
            failures.push(format!("{score:.2}: {text}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
