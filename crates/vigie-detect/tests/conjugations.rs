//! Conjugation classes in pattern files (`[conjugations.<class>]`): a lemma listed once gets
//! every form of its class, under the roles the class gives them, and a lemma that does not
//! fit its class is refused with the file, the class and the lemma.

mod common;

use vigie_detect::{Category, DetectData, ThreatPatterns};
use vigie_text::Lang;

/// A French pattern file whose only violent verb is "zigouiller", through a class.
const ZIGOUILLER: &str = r#"
lang = "fr"
[roles]
subject_first = ["je", "on"]
future_modal = ["vais"]
addressee = ["te"]
object_clitic = ["les"]
passive_future = ["tu seras"]
idiom_object = ["le temps"]
[conjugations.er]
ending = "er"
strong = ["zigouiller"]
weak = ["chatouiller"]
[conjugations.er.forms]
act = ["er", "ez"]
act_present = ["e"]
act_future = ["erai", "era"]
participle = ["é"]
"#;

fn harness_with(fr: &'static str) -> common::Harness {
    let mut data = DetectData::defaults();
    data.patterns = vec![("test/fr.toml", fr)];
    common::Harness::with_data(&data)
}

#[test]
fn every_form_of_a_conjugated_lemma_plays_its_role() {
    let harness = harness_with(ZIGOUILLER);
    let threat = |text: &str| harness.score(text, Some(Lang::Fr), Category::ViolenceThreat);
    let incite = |text: &str| harness.score(text, Some(Lang::Fr), Category::Incitement);
    // infinitive after a frame, future and present as frames of their own, participle after
    // a promise to the addressee, imperative with its victim after it
    assert!(threat("je vais te zigouiller") >= 0.5);
    assert!(threat("je te zigouillerai") >= 0.5);
    assert!(threat("on les zigouillera") >= 0.5);
    assert!(threat("je te zigouille") >= 0.5);
    assert!(threat("tu seras zigouillé") >= 0.5);
    assert!(incite("zigouillez-les") >= 0.5);
    // the same forms without a victim, with an idiom object, or of a weak verb without its
    // participle, stay clean
    assert!(threat("je vais zigouiller le temps") < 0.3);
    assert!(threat("je zigouillerai") < 0.3);
    assert!(threat("tu seras chatouillé") < 0.3);
}

#[test]
fn weak_lemmas_are_weaker_than_strong_ones() {
    let harness = harness_with(ZIGOUILLER);
    let threat = |text: &str| harness.score(text, Some(Lang::Fr), Category::ViolenceThreat);
    let strong = threat("je vais te zigouiller");
    let weak = threat("je vais te chatouiller");
    assert!(weak > 0.0, "a weak act with its victim is still a signal");
    assert!(weak < strong, "weak {weak} vs strong {strong}");
}

#[test]
fn a_lemma_outside_its_class_is_refused_with_its_name() {
    let bad = ZIGOUILLER.replace("\"zigouiller\"", "\"pendre\"");
    let err = match ThreatPatterns::from_sources(&[("test/fr.toml", &bad)]) {
        Ok(_) => panic!("a lemma that does not end with its class's ending must be refused"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("test/fr.toml"), "{err}");
    assert!(err.contains("pendre") && err.contains("er"), "{err}");
}

#[test]
fn a_class_form_under_an_unknown_role_is_refused() {
    let bad = ZIGOUILLER.replace("act_present = [\"e\"]", "act_presnt = [\"e\"]");
    let err = match ThreatPatterns::from_sources(&[("test/fr.toml", &bad)]) {
        Ok(_) => panic!("an unknown role must be refused"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("act_presnt"), "{err}");
}
