//! Lexicon detector: every kind of entry in both languages, disguised forms through the real
//! normalizer, word boundaries, user files that extend or override the defaults, bad files.

mod common;

use common::{Harness, max_score};
use vigie_detect::{
    Category, DetectData, DetectError, DetectInput, Detector, Lexicon, LexiconDetector, defaults,
};
use vigie_text::{Lang, Normalizer};

fn lexicon_signals(
    detector: &LexiconDetector,
    text: &str,
    lang: Option<Lang>,
) -> Vec<vigie_detect::Signal> {
    let normalized = Normalizer::new().normalize(text, lang);
    let mut out = Vec::new();
    detector.detect(
        &DetectInput {
            original: text,
            normalized: &normalized,
            prior: &[],
        },
        &mut out,
    );
    out
}

fn default_lexicon() -> LexiconDetector {
    let lexicon = Lexicon::from_sources(&[
        ("en.csv", defaults::LEXICON_EN),
        ("fr.csv", defaults::LEXICON_FR),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    LexiconDetector::new(lexicon, None)
}

#[test]
fn every_kind_matches_in_english_and_french() {
    let h = common::shared();
    let cases: &[(&str, Lang, Category, f32)] = &[
        ("those kikes run the banks", Lang::En, Category::Hate, 0.8),
        (
            "go back to your cave, raghead",
            Lang::En,
            Category::Hate,
            0.8,
        ),
        ("muslims are vermin", Lang::En, Category::Hate, 0.75),
        (
            "you absolute piece of shit",
            Lang::En,
            Category::Harassment,
            0.5,
        ),
        ("you're a fucking idiot", Lang::En, Category::Profanity, 0.5),
        ("send nudes now", Lang::En, Category::Sexual, 0.8),
        ("i know where you live", Lang::En, Category::Harassment, 0.8),
        ("just kys already", Lang::En, Category::Harassment, 0.8),
        ("les bougnoules dehors", Lang::Fr, Category::Hate, 0.8),
        ("sale youpin", Lang::Fr, Category::Hate, 0.8),
        (
            "ces juifs sont de la vermine",
            Lang::Fr,
            Category::Hate,
            0.75,
        ),
        (
            "ferme ta gueule connard",
            Lang::Fr,
            Category::Harassment,
            0.8,
        ),
        ("putain de merde", Lang::Fr, Category::Profanity, 0.5),
        ("suce ma bite", Lang::Fr, Category::Sexual, 0.8),
        ("je sais où tu habites", Lang::Fr, Category::Harassment, 0.8),
        ("va te pendre", Lang::Fr, Category::Harassment, 0.8),
    ];
    for &(text, lang, category, at_least) in cases {
        let score = h.score(text, Some(lang), category);
        assert!(
            score >= at_least,
            "{text:?}: {category} {score:.2} < {at_least}"
        );
    }
}

#[test]
fn violent_verbs_alone_stay_weak() {
    let h = common::shared();
    for text in [
        "the lynch mob scene in the documentary",
        "égorger le mouton pour l'Aïd",
    ] {
        let score = h.score(text, None, Category::ViolenceThreat);
        assert!(score > 0.0 && score < 0.3, "{text:?}: {score}");
    }
}

#[test]
fn dehumanising_words_need_a_group_to_be_hate() {
    let h = common::shared();
    assert!(
        h.score(
            "the rats got into the barn again",
            Some(Lang::En),
            Category::Hate
        ) < 0.3
    );
    assert!(h.score("migrants are rats", Some(Lang::En), Category::Hate) >= 0.75);
}

#[test]
fn evidence_points_at_the_original_words_and_targets_are_named() {
    let detector = default_lexicon();
    let text = "Honestly, those F*A*G*G*O*T*S and kikes...";
    let text = text.replace('*', "");
    let signals = lexicon_signals(&detector, &text, Some(Lang::En));
    let hate = signals
        .iter()
        .find(|s| s.category == Category::Hate)
        .unwrap_or_else(|| panic!("no hate signal in {signals:?}"));
    let words: Vec<&str> = hate
        .evidence
        .iter()
        .map(|e| &text[e.span.range()])
        .collect();
    assert_eq!(words, ["FAGGOTS", "kikes"]);
    let ids: Vec<String> = hate.targets.iter().map(|t| format!("{t:?}")).collect();
    assert!(
        ids.iter().any(|t| t.contains("lgbtq")) && ids.iter().any(|t| t.contains("jews")),
        "{ids:?}"
    );
}

#[test]
fn more_matches_score_higher() {
    let detector = default_lexicon();
    let one = max_score(
        &lexicon_signals(&detector, "you idiot", Some(Lang::En)),
        Category::Toxicity,
    );
    let two = max_score(
        &lexicon_signals(
            &detector,
            "you idiot, you moron, you imbecile",
            Some(Lang::En),
        ),
        Category::Toxicity,
    );
    assert!(one > 0.0 && two > one, "{one} {two}");
}

#[test]
fn short_terms_do_not_match_inside_words() {
    let h = common::shared();
    for (text, lang) in [
        ("Scunthorpe United won on Saturday", Lang::En),
        ("the assassin's creed series", Lang::En),
        ("une classe de seconde", Lang::Fr),
        ("quelle bassesse de sa part", Lang::Fr),
        ("Niger and Nigeria are neighbours", Lang::En),
        ("as you know, the con artist fled", Lang::En),
        ("the cocktail party at Dickens' house", Lang::En),
        ("concours de pétanque", Lang::Fr),
        ("bitumen on the road", Lang::En),
        ("the shitake mushrooms", Lang::En),
        ("un connaisseur de vins", Lang::Fr),
        ("Scunthorpe, Penistone, Clitheroe", Lang::Other),
    ] {
        for signal in h.signals(text, Some(lang)) {
            assert!(
                signal.score < 0.3 || signal.detector != "lexicon",
                "{text:?} matched {signal:?}"
            );
        }
    }
}

#[test]
fn language_of_an_entry_matters() {
    let detector = default_lexicon();
    // French slang "bite" and "con" are ordinary English words.
    for text in ["a bite to eat", "pros and con"] {
        let signals = lexicon_signals(&detector, text, Some(Lang::En));
        assert!(signals.is_empty(), "{text:?}: {signals:?}");
    }
    let fr = lexicon_signals(&detector, "quel con", Some(Lang::Fr));
    assert!(max_score(&fr, Category::Toxicity) > 0.0);
}

#[test]
fn a_user_file_adds_and_overrides_entries() {
    let user = "\
# platform additions
en,glorbo,hate,slur,3,jews
en,idiot,toxicity,insult,0,
en,moron,harassment,insult,3,
";
    let data = DetectData::defaults().with_lexicon("platform.csv", user);
    let h = Harness::with_data(&data);
    assert!(h.score("glorbo everywhere", Some(Lang::En), Category::Hate) >= 0.8);
    // severity 0 removes a default entry
    assert!(
        h.signals("you idiot", Some(Lang::En))
            .iter()
            .all(|s| s.detector != "lexicon")
    );
    // a new line replaces the default for the same term
    assert!(h.score("you moron", Some(Lang::En), Category::Toxicity) == 0.0);
    assert!(h.score("you moron", Some(Lang::En), Category::Harassment) >= 0.8);
    // the defaults are still there
    assert!(h.score("you imbecile", Some(Lang::En), Category::Toxicity) > 0.0);
}

#[test]
fn detector_version_follows_the_data() {
    let a = default_lexicon();
    let b = LexiconDetector::new(
        Lexicon::from_sources(&[
            ("en.csv", defaults::LEXICON_EN),
            ("x.csv", "en,zorp,toxicity,insult,1,"),
        ])
        .unwrap_or_else(|e| panic!("{e}")),
        None,
    );
    assert_ne!(a.version(), b.version());
    assert_eq!(a.version(), default_lexicon().version());
    assert!(a.version().len() > 8);
}

fn error_of(source: &str) -> String {
    match Lexicon::from_sources(&[
        ("en.csv", "en,fine,toxicity,insult,1,"),
        ("bad.csv", source),
    ]) {
        Ok(_) => panic!("{source:?} should be rejected"),
        Err(e @ DetectError::Lexicon { .. }) => e.to_string(),
        Err(e) => panic!("wrong error kind: {e}"),
    }
}

#[test]
fn bad_files_name_file_line_and_reason() {
    let cases = [
        (
            "# header\nen,ok,toxicity,insult,1,\nen,oops,nonsense,insult,1,\n",
            "bad.csv:3",
            "unknown category",
        ),
        ("en,word,hate,slur,7,\n", "bad.csv:1", "severity"),
        ("en,word,hate,slurr,2,\n", "bad.csv:1", "unknown kind"),
        ("xx,word,hate,slur,2,\n", "bad.csv:1", "unknown lang"),
        ("\n\nen,word,hate\n", "bad.csv:3", "missing kind"),
        ("en,,hate,slur,2,\n", "bad.csv:1", "missing term"),
        ("en,!!!,hate,slur,2,\n", "bad.csv:1", "no letters"),
        ("en,a,hate,slur,2,x,y\n", "bad.csv:1", "fields"),
    ];
    for (source, place, reason) in cases {
        let message = error_of(source);
        assert!(message.starts_with(place), "{source:?}: {message}");
        assert!(message.contains(reason), "{source:?}: {message}");
    }
}

#[test]
fn default_lexicons_are_large_and_load() {
    let detector = default_lexicon();
    assert!(
        detector.lexicon().len() >= 700,
        "{}",
        detector.lexicon().len()
    );
}

#[test]
fn quoted_terms_weigh_less_than_used_ones() {
    let detector = default_lexicon();
    let used = max_score(
        &lexicon_signals(&detector, "those kikes again", Some(Lang::En)),
        Category::Hate,
    );
    let quoted = max_score(
        &lexicon_signals(
            &detector,
            "calling them 'kikes' is antisemitic",
            Some(Lang::En),
        ),
        Category::Hate,
    );
    assert!(quoted > 0.0 && quoted < used, "{quoted} vs {used}");
}

/// A dehumanising word with a group named is floored at a clear hit; in quotation marks it is
/// usually counter-speech quoting it ("calling Muslims 'vermin' is hate"), so the quotation
/// discount applies after that floor and keeps it below the policy's review line (0.5).
#[test]
fn quoted_dehumanising_word_with_a_group_stays_below_review() {
    let h = common::shared();
    let lexicon_hate = |text: &str, lang: Lang| {
        h.signals(text, Some(lang))
            .iter()
            .filter(|s| s.detector == "lexicon" && s.category == Category::Hate)
            .map(|s| s.score)
            .fold(0.0, f32::max)
    };
    for (used_text, quoted_text, lang) in [
        (
            "muslims are vermin",
            "calling muslims \"vermin\" is hate speech, full stop",
            Lang::En,
        ),
        (
            "les juifs sont de la vermine",
            "traiter les juifs de « vermine » est une honte",
            Lang::Fr,
        ),
    ] {
        let used = lexicon_hate(used_text, lang);
        let quoted = lexicon_hate(quoted_text, lang);
        assert!(used >= 0.8, "{used_text}: {used}");
        assert!(quoted > 0.0 && quoted < 0.5, "{quoted_text}: {quoted}");
    }
}
