//! Protected groups and the watchlist: found in posts, carried as targets, and raising the
//! score of threats that name them.

mod common;

use common::Harness;
use vigie_detect::{Category, DetectData, DetectError, Target, TargetMatcher, defaults};
use vigie_text::{Lang, Normalizer};

fn matcher() -> TargetMatcher {
    TargetMatcher::new(
        ("groups.toml", defaults::GROUPS),
        Some(("watchlist.toml", defaults::WATCHLIST_EXAMPLE)),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn targets_in(text: &str, lang: Lang) -> Vec<Target> {
    let m = matcher();
    let normalized = Normalizer::new().normalize(text, Some(lang));
    m.mentions(&normalized)
        .iter()
        .filter_map(|mention| m.target(mention.target))
        .collect()
}

fn group(id: &str) -> Target {
    Target::Group { id: id.to_owned() }
}

#[test]
fn groups_are_found_in_both_languages_singular_and_plural() {
    assert_eq!(
        targets_in("the Jews and a Muslim walked in", Lang::En),
        [group("jews"), group("muslims")]
    );
    assert_eq!(
        targets_in("les juifs, une musulmane et des renois", Lang::Fr),
        [group("jews"), group("muslims"), group("black_people")]
    );
    assert_eq!(
        targets_in("Black people and LGBTQ folks", Lang::En),
        [group("black_people"), group("lgbtq")]
    );
    assert_eq!(targets_in("les gens du voyage", Lang::Fr), [group("roma")]);
}

#[test]
fn watchlisted_people_are_found_by_name_and_alias() {
    let expected = Target::Watchlisted {
        id: "jeanne-dupont".to_owned(),
        role: "official".to_owned(),
    };
    assert_eq!(
        targets_in("Mayor Dupont spoke today", Lang::En),
        std::slice::from_ref(&expected)
    );
    assert_eq!(targets_in("JEANNE DUPONT démission", Lang::Fr), [expected]);
    let spans = {
        let m = matcher();
        let text = "on a vu Marc Lefèvre hier";
        let normalized = Normalizer::new().normalize(text, Some(Lang::Fr));
        m.mentions(&normalized)
            .iter()
            .filter_map(|mention| {
                m.span(&normalized, mention)
                    .map(|s| text[s.range()].to_owned())
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(spans, ["Marc Lefèvre"]);
}

#[test]
fn naming_a_group_or_a_watchlisted_person_raises_a_threat() {
    let h = common::shared();
    let plain = h.score(
        "someone should shoot him",
        Some(Lang::En),
        Category::Incitement,
    );
    let group = h.score(
        "someone should shoot the muslims",
        Some(Lang::En),
        Category::Incitement,
    );
    let person = h.score(
        "someone should shoot Jeanne Dupont",
        Some(Lang::En),
        Category::Incitement,
    );
    assert!(plain >= 0.5, "{plain}");
    assert!(group > plain, "{group} vs {plain}");
    assert!(person > plain, "{person} vs {plain}");

    let fr_plain = h.score("il faut le buter", Some(Lang::Fr), Category::Incitement);
    let fr_group = h.score(
        "il faut buter les juifs",
        Some(Lang::Fr),
        Category::Incitement,
    );
    assert!(
        fr_plain >= 0.5 && fr_group > fr_plain,
        "{fr_plain} {fr_group}"
    );
}

#[test]
fn threats_carry_their_targets_and_evidence() {
    let h = common::shared();
    let text = "Someone should shoot Jeanne Dupont";
    let signals = h.signals(text, Some(Lang::En));
    let incitement = signals
        .iter()
        .find(|s| s.category == Category::Incitement && s.detector == "threat_pattern")
        .unwrap_or_else(|| panic!("{signals:?}"));
    assert_eq!(
        incitement.targets,
        [Target::Watchlisted {
            id: "jeanne-dupont".to_owned(),
            role: "official".to_owned()
        }]
    );
    let evidence: Vec<(&str, &str)> = incitement
        .evidence
        .iter()
        .map(|e| (e.matched.as_str(), &text[e.span.range()]))
        .collect();
    assert_eq!(
        evidence,
        [
            ("pattern:en:call_on_others", "Someone should shoot"),
            ("target:watchlist:jeanne-dupont", "Jeanne Dupont"),
        ]
    );

    let text = "je vais te tuer";
    let threat = h
        .signals(text, Some(Lang::Fr))
        .into_iter()
        .find(|s| s.category == Category::ViolenceThreat && s.detector == "threat_pattern")
        .unwrap_or_else(|| panic!("no threat"));
    assert_eq!(threat.targets, [Target::Addressee]);
    assert_eq!(&text[threat.evidence[0].span.range()], "je vais te tuer");
}

#[test]
fn slurs_name_their_group_for_the_threat_detector() {
    let h = common::shared();
    let signals = h.signals("mort aux pédés", Some(Lang::Fr));
    let incitement = signals
        .iter()
        .find(|s| s.category == Category::Incitement)
        .unwrap_or_else(|| panic!("{signals:?}"));
    assert!(incitement.score >= 0.8, "{}", incitement.score);
    assert_eq!(incitement.targets, [group("lgbtq")]);
}

#[test]
fn without_a_watchlist_names_are_plain_words() {
    let h = Harness::with_data(&DetectData::defaults());
    let with = common::shared().score(
        "someone should shoot Jeanne Dupont",
        Some(Lang::En),
        Category::Incitement,
    );
    let without = h.score(
        "someone should shoot Jeanne Dupont",
        Some(Lang::En),
        Category::Incitement,
    );
    assert!(without < with, "{without} {with}");
}

#[test]
fn bad_target_files_are_reported_with_their_origin() {
    let err = |groups: &str, watchlist: Option<&str>| -> String {
        match TargetMatcher::new(("g.toml", groups), watchlist.map(|w| ("w.toml", w))) {
            Ok(_) => panic!("{groups:?} / {watchlist:?} should be rejected"),
            Err(e @ DetectError::Toml { .. }) => e.to_string(),
            Err(e) => panic!("wrong error: {e}"),
        }
    };
    assert!(err("[[group]]\nid = \"x\"\nde = [\"y\"]\n", None).starts_with("g.toml"));
    assert!(err("[[group]\n", None).starts_with("g.toml"));
    assert!(
        err(
            "",
            Some("[[person]]\nid = \"p\"\nrole = \"judge\"\nnames = []\n")
        )
        .starts_with("w.toml")
    );
    assert!(err("", Some("[[person]]\nid = \"p\"\nnames = [\"x\"]\n")).contains("role"));
}
