//! The pipeline end to end, on the embedded defaults.

use proptest::prelude::*;
use vigie_engine::{Engine, Post};
use vigie_policy::{Action, Decision, Mode, PostContext};

/// Built once for all tests: building compiles every automaton and the policy.
fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| match Engine::builder().without_classifier().build() {
        Ok(e) => e,
        Err(e) => panic!("the embedded defaults must build: {e}"),
    })
}

fn decide(engine: &Engine, text: &str) -> Decision {
    engine.decide(&Post {
        id: "t",
        text,
        context: &PostContext::default(),
    })
}

#[test]
fn every_decision_records_its_versions() {
    let engine = engine();
    let d = decide(engine, "hello there");
    assert_eq!(&*d.policy_version, engine.policy().version());
    assert_eq!(d.policy_version.len(), 16);
    assert!(
        !d.detectors.is_empty(),
        "detectors are listed with their versions"
    );
    assert!(d.detectors.iter().all(|v| !v.version.is_empty()));
}

/// One scratch serving two engines in turn (each decision carries versions shared through the
/// scratch) gives every decision its own engine's policy and detector versions.
#[test]
fn a_scratch_shared_by_two_engines_stamps_each_decision_with_its_engine() {
    let strict = r#"
        [policy]
        name = "strict"

        [[rule]]
        id = "any_toxicity"
        when = "signals.toxicity.score > 0.0"
        action = "remove"
        reason_code = "toxic"
    "#;
    let other = match Engine::builder()
        .without_classifier()
        .policy("strict.toml", strict)
        .watchlist("w.toml", vigie_detect::defaults::WATCHLIST_EXAMPLE)
        .build()
    {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    };
    let engines = [engine(), &other];
    assert_ne!(engines[0].policy().version(), engines[1].policy().version());
    assert_ne!(
        engines[0].detector_versions(),
        engines[1].detector_versions()
    );
    let mut scratch = vigie_engine::Scratch::default();
    let context = PostContext::default();
    for round in 0..6 {
        let engine = engines[round % 2];
        let d = engine.decide_with(
            &mut scratch,
            &Post {
                id: "t",
                text: "you idiot",
                context: &context,
            },
        );
        assert_eq!(
            &*d.policy_version,
            engine.policy().version(),
            "round {round}"
        );
        assert_eq!(&*d.detectors, engine.detector_versions(), "round {round}");
        let lang = engine.analyze("you idiot", None).normalized.lang;
        assert_eq!(&*d.lang, lang.code());
    }
}

#[test]
fn clear_threats_are_acted_on_and_idioms_are_not() {
    let engine = engine();
    for text in [
        "I will kill you if you show up at my door again.",
        "je vais te tuer si tu reviens ici",
        "i w1ll k.i.l.l y0u",
    ] {
        let d = decide(engine, text);
        assert!(
            d.action >= Action::HoldForReview,
            "{text:?} → {:?}",
            d.action
        );
        assert!(!d.evidence.is_empty(), "{text:?} has evidence");
    }
    for text in [
        "This commute is killing me, third delay this week.",
        "You're killing it with these photos, seriously.",
        "Je vais tuer ce match ce soir, vous allez voir !",
        "In the game last night I killed the final boss on my first try.",
    ] {
        let d = decide(engine, text);
        assert_eq!(
            d.action,
            Action::Allow,
            "{text:?} → {:?} {:?}",
            d.action,
            d.rules
        );
    }
}

#[test]
fn shadow_rules_are_recorded_but_never_act() {
    let policy = r#"
[policy]
name = "shadow-test"
[[rule]]
id = "try-strict-threats"
when = "signals.violence_threat.score >= 0.1"
action = "remove"
reason_code = "threat_trial"
mode = "shadow"
"#;
    let engine = match Engine::builder()
        .without_classifier()
        .policy("test", policy)
        .build()
    {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    };
    let d = decide(&engine, "I will kill you");
    assert_eq!(d.action, Action::Allow);
    assert_eq!(d.rules.len(), 1);
    assert_eq!(d.rules[0].mode, Mode::Shadow);
    assert_eq!(d.rules[0].action, Action::Remove);
}

#[test]
fn a_bad_policy_is_refused_with_its_origin() {
    let err = match Engine::builder()
        .policy("my-policy.toml", "[policy]\nname = 1")
        .build()
    {
        Ok(_) => panic!("must be refused"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("my-policy.toml"), "{err}");
}

fn check_spans(text: &str, d: &Decision) {
    for e in &d.evidence {
        let (s, t) = (e.start as usize, e.end as usize);
        assert!(
            s <= t && t <= text.len(),
            "span {s}..{t} out of {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(t),
            "span {s}..{t} splits a char"
        );
        assert_eq!(e.text, text[s..t]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn any_text_gives_a_decision_with_valid_spans(text in "\\PC{0,200}") {
        let engine = engine();
        let d = decide(engine, &text);
        check_spans(&text, &d);
    }

    #[test]
    fn disguised_threat_like_text_keeps_valid_spans(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("kill".to_string()), Just("k.i.l.l".to_string()), Just("tuer".to_string()),
                Just("\u{200b}".to_string()), Just("\u{301}\u{302}\u{303}".to_string()),
                Just("y0u".to_string()), Just("уou".to_string()), Just("שלום".to_string()),
                Just("😀".to_string()), Just("\u{202e}".to_string()), Just(" ".to_string()),
                Just("I will".to_string()), Just("je vais te".to_string()), "\\PC{0,6}",
            ],
            0..24,
        )
    ) {
        let engine = engine();
        let text = parts.concat();
        let d = decide(engine, &text);
        check_spans(&text, &d);
    }
}

#[test]
fn the_default_engine_runs_the_builtin_classifier() {
    let engine = match Engine::builder().build() {
        Ok(e) => e,
        Err(e) => panic!("the embedded model must load: {e}"),
    };
    let d = decide(&engine, "je vais te tuer");
    let classifier = d.detectors.iter().find(|v| v.name == "classifier");
    assert!(
        classifier.is_some_and(|v| !v.version.is_empty()),
        "{:?}",
        d.detectors
    );
    assert!(d.action >= Action::HoldForReview);
}

#[test]
fn a_broken_model_is_refused_with_its_origin() {
    let err = match Engine::builder()
        .model("bad.vgm", b"not a model".to_vec())
        .build()
    {
        Ok(_) => panic!("must be refused"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("bad.vgm"), "{err}");
}

/// Reused buffers must not carry anything from one post to the next: a long, flagged, French
/// post then a short clean one decide exactly as they do with fresh buffers.
#[test]
fn a_reused_scratch_decides_like_a_fresh_one() {
    let engine = engine();
    let texts = [
        "je vais te tuer sale c0nnard, je sais où tu habites et tes amis aussi, tous des rats",
        "nice pic",
        "I will kill you, you f*cking idiot",
        "",
        "what a lovely day at the beach with the kids",
    ];
    let mut scratch = vigie_engine::Scratch::default();
    let context = PostContext::default();
    for text in texts {
        let post = Post {
            id: "t",
            text,
            context: &context,
        };
        let mut reused = engine.decide_with(&mut scratch, &post);
        let mut fresh = engine.decide_with(&mut vigie_engine::Scratch::default(), &post);
        reused.latency_us = 0;
        fresh.latency_us = 0;
        assert_eq!(reused, fresh, "{text:?}");
    }
}

/// The post is held for review or worse, by an enforced rule of `category`.
fn assert_acted_on_as(engine: &Engine, text: &str, category: &str) {
    let d = decide(engine, text);
    assert!(
        d.action >= Action::HoldForReview,
        "{text:?} → {:?}",
        d.action
    );
    assert!(
        d.rules
            .iter()
            .any(|r| r.mode == Mode::Enforce && r.category.is_some_and(|c| c.name() == category)),
        "{text:?}: no enforced {category} rule in {:?}",
        d.rules
    );
}

/// The post is allowed; when it is not, the failure shows the rules that fired.
fn assert_allowed(engine: &Engine, text: &str) {
    let d = decide(engine, text);
    assert_eq!(d.action, Action::Allow, "{text:?} → {:?}", d.rules);
}

/// Issue #3's plain threats, each a construction the rules read (intent + act + object, a
/// condition, a weapon brought with a time or place, a death foretold, a run-together form),
/// are acted on by the rules and the default policy alone, in the category they belong to;
/// their look-alikes (a party, ranges, camping tools, a dative "te découper une part") are
/// allowed; quoted counter-speech is not removed as hate.
#[test]
fn issue_3_threats_are_acted_on_and_their_look_alikes_are_not() {
    let engine = engine();
    let threats = [
        (
            "gonna stab the next tourist who blocks the escalator",
            "violence_threat",
        ),
        ("I'll throw you off the balcony myself", "violence_threat"),
        ("Delete this thread or I'll delete you", "violence_threat"),
        ("IMGONNAKILLU", "violence_threat"),
        ("watch ur back, you won't see it coming", "violence_threat"),
        (
            "the landlord won't see morning, I promise you that",
            "violence_threat",
        ),
        (
            "meet at the courthouse friday at noon and bring ammo",
            "incitement",
        ),
        ("je vais te découper en morceaux", "violence_threat"),
        (
            "fais gaffe à toi, tu le verras pas venir",
            "violence_threat",
        ),
        (
            "on se retrouve devant la mairie samedi avec des fusils",
            "incitement",
        ),
        (
            "le juge ne sortira pas vivant du tribunal",
            "violence_threat",
        ),
    ];
    for (text, category) in threats {
        assert_acted_on_as(engine, text, category);
    }
    for text in [
        "I'll throw you a party on Saturday",
        "I'm bringing my rifle to the range on saturday",
        "camping trip saturday, bring rope and a knife for the kindling",
        "je vais te découper une part de gâteau",
        "on se retrouve devant la mairie samedi avec des pancartes",
        "Stop texting me or I'll block you",
    ] {
        assert_allowed(engine, text);
    }
    let quoted = decide(
        engine,
        "calling muslims \"vermin\" is hate speech, full stop",
    );
    assert!(
        quoted.action < Action::Remove,
        "quoted counter-speech → {:?}",
        quoted.rules
    );
}

/// Issue #3, session 4: veiled threats with a second cue (a name, violent words of the post's
/// own), threats as outcomes promised to the addressee, French calls and incitement forms are
/// acted on by the rules and the default policy alone; the same phrasings without the cue, or
/// with a harmless object, are allowed.
#[test]
fn issue_3_veiled_threats_with_a_cue_are_acted_on_and_alone_are_not() {
    let engine = engine();
    for (text, category) in [
        ("t'as intérêt à te cacher, Sophie", "violence_threat"),
        ("watch your back, Marcus", "violence_threat"),
        (
            "Belle baraque. Ce serait dommage qu'elle brûle un soir",
            "violence_threat",
        ),
        (
            "Si tu parles aux flics tu respireras avec une machine",
            "violence_threat",
        ),
        (
            "Keep talking and you'll be breathing through a machine",
            "violence_threat",
        ),
        ("Mort à Delmas !", "incitement"),
        ("Levez-vous et massacrez-les avant le vote", "incitement"),
        (
            "Tous à la synagogue demain, et pas pour prier",
            "incitement",
        ),
    ] {
        assert_acted_on_as(engine, text, category);
    }
    for text in [
        "t'as intérêt à faire gaffe au verglas demain matin",
        "Ce serait dommage que tu rates le concert, Julie",
        "It would be terrible if you missed the party, Sarah",
        "I'm not joking, this cake is amazing Sarah",
        "Tu manges à la paille depuis ton opération ?",
        "Le joueur est sorti sur une civière à la 80e minute",
        "Back from Lisbon, I'm going to drown you in photos",
        "On va à l'église dimanche, et pas pour prier, pour le concert de Noël",
    ] {
        assert_allowed(engine, text);
    }
}

/// Issue #3, session 5: threats and calls read by grammar — conjugated forms the pattern files
/// generate from one lemma (futur, présent after "je te", imperatives, passive promises to the
/// addressee), vehicles into crowds, arson foretold of a place, victims named by what they do
/// — are acted on in their category; their twins (gardening, billing, games, warnings, being
/// stood up) are allowed.
#[test]
fn issue_3_conjugated_forms_and_new_families_are_acted_on_and_their_twins_are_not() {
    let engine = engine();
    for (text, category) in [
        ("je te poignarderai ce soir", "violence_threat"),
        ("on les brûlera tous", "violence_threat"),
        ("tu seras égorgé", "violence_threat"),
        ("abattez-les", "incitement"),
        ("you're gonna get stabbed tonight", "violence_threat"),
        ("imma drive my truck through the parade", "violence_threat"),
        (
            "je vais foncer dans la foule avec mon camion",
            "violence_threat",
        ),
        ("la mairie partira en fumée ce soir", "violence_threat"),
        (
            "the next reporter who writes about me gets stabbed",
            "violence_threat",
        ),
    ] {
        assert_acted_on_as(engine, text, category);
    }
    for text in [
        "je vais planter des tomates demain",
        "je te fais payer le resto",
        "tu vas te faire massacrer au quiz du bar, prépare-toi",
        "you'll get burned if you invest in that",
        "i'll make them pay for the damage",
        "Lucas se fait planter par sa copine à chaque rencard",
        "the axe is by the door, firewood tomorrow",
    ] {
        assert_allowed(engine, text);
    }
}
