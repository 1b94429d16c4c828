//! Every disguise the text stage undoes, in English and French: each case states the tokens
//! (folded and squeezed forms), the exact original text each token points back to, and the
//! evasion flags it must carry.

use vigie_text::{Evasion, Lang, Normalized, Normalizer};

/// (folded, squeezed, original slice, flags the token must carry)
type Expected<'a> = (&'a str, &'a str, &'a str, Evasion);

fn normalize(text: &str, hint: Option<Lang>) -> Normalized {
    Normalizer::new().normalize(text, hint)
}

#[track_caller]
fn check(text: &str, expected: &[Expected]) {
    let out = normalize(text, None);
    let got: Vec<(String, String, String)> = (0..out.tokens.len())
        .map(|i| {
            (
                out.folded_token(i).to_owned(),
                out.squeezed_token(i).to_owned(),
                text[out.tokens[i].span.range()].to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got.len(),
        expected.len(),
        "{text:?}: got tokens {got:?}, folded {:?}",
        out.folded
    );
    for (i, ((folded, squeezed, original, flags), (gf, gs, go))) in
        expected.iter().zip(&got).enumerate()
    {
        assert_eq!(gf, folded, "{text:?} token {i} folded; all: {got:?}");
        assert_eq!(gs, squeezed, "{text:?} token {i} squeezed; all: {got:?}");
        assert_eq!(
            go, original,
            "{text:?} token {i} original span; all: {got:?}"
        );
        assert!(
            out.tokens[i].evasion.contains(*flags),
            "{text:?} token {i} ({gf}): evasion {:?} lacks {flags:?}",
            out.tokens[i].evasion
        );
    }
    let joined_folded: Vec<&str> = expected.iter().map(|e| e.0).collect();
    let joined_squeezed: Vec<&str> = expected.iter().map(|e| e.1).collect();
    assert_eq!(out.folded, joined_folded.join(" "), "{text:?}");
    assert_eq!(out.squeezed, joined_squeezed.join(" "), "{text:?}");
    let union = out
        .tokens
        .iter()
        .fold(Evasion::NONE, |acc, t| acc | t.evasion);
    assert_eq!(
        out.evasion, union,
        "{text:?}: post evasion is the union of token evasions"
    );
}

const N: Evasion = Evasion::NONE;
const LEET: Evasion = Evasion::LEET;
const CONF: Evasion = Evasion::CONFUSABLE;
const SPACED: Evasion = Evasion::SPACED;
const REP: Evasion = Evasion::REPEATED;
const INVIS: Evasion = Evasion::INVISIBLE;
const DIAC: Evasion = Evasion::DIACRITIC;

#[test]
fn plain_english_is_lowercased_and_split() {
    check(
        "I will KILL you.",
        &[
            ("i", "i", "I", N),
            ("will", "wil", "will", N),
            ("kill", "kil", "KILL", N),
            ("you", "you", "you", N),
        ],
    );
    let out = normalize("I will KILL you.", None);
    assert!(out.evasion.is_empty());
}

#[test]
fn leetspeak_english() {
    check(
        "I will k1ll you!",
        &[
            ("i", "i", "I", N),
            ("will", "wil", "will", N),
            ("kill", "kil", "k1ll", LEET),
            ("you", "you", "you", N),
        ],
    );
    check(
        "n!gg3r @ss $hit h4te j3ws",
        &[
            ("nigger", "niger", "n!gg3r", LEET),
            ("ass", "as", "@ss", LEET),
            ("shit", "shit", "$hit", LEET),
            ("hate", "hate", "h4te", LEET),
            ("jews", "jews", "j3ws", LEET),
        ],
    );
    check(
        "ki11 h8",
        &[("kill", "kil", "ki11", LEET), ("hate", "hate", "h8", LEET)],
    );
}

#[test]
fn leetspeak_french() {
    check(
        "j3 v@is t3 tu3r",
        &[
            ("je", "je", "j3", LEET),
            ("vais", "vais", "v@is", LEET),
            ("te", "te", "t3", LEET),
            ("tuer", "tuer", "tu3r", LEET),
        ],
    );
    check(
        "s@l3 €ncul€",
        &[
            ("sale", "sale", "s@l3", LEET),
            ("encule", "encule", "€ncul€", LEET),
        ],
    );
}

#[test]
fn numbers_stay_numbers_and_trailing_bang_is_punctuation() {
    check(
        "In 2024, 100 people said hello!",
        &[
            ("in", "in", "In", N),
            ("2024", "2024", "2024", N),
            ("100", "100", "100", N),
            ("people", "people", "people", N),
            ("said", "said", "said", N),
            ("hello", "helo", "hello", N),
        ],
    );
    let out = normalize("In 2024, 100 people said hello!", None);
    assert!(!out.evasion.contains(Evasion::LEET));
    check(
        "the 2nd time, le 1er mai, covid19",
        &[
            ("the", "the", "the", N),
            ("2nd", "2nd", "2nd", N),
            ("time", "time", "time", N),
            ("le", "le", "le", N),
            ("1er", "1er", "1er", N),
            ("mai", "mai", "mai", N),
            ("covid", "covid", "covid", N),
            ("19", "19", "19", N),
        ],
    );
    // Hate codes keep their number.
    check(
        "hitler88",
        &[("hitler", "hitler", "hitler", N), ("88", "88", "88", N)],
    );
}

#[test]
fn mentions_drop_the_at_sign() {
    check(
        "@someone you idiot",
        &[
            ("someone", "someone", "someone", N),
            ("you", "you", "you", N),
            ("idiot", "idiot", "idiot", N),
        ],
    );
}

#[test]
fn spaced_letters_english() {
    check(
        "k.i.l.l you",
        &[("kill", "kil", "k.i.l.l", SPACED), ("you", "you", "you", N)],
    );
    check(
        "k i l l you",
        &[("kill", "kil", "k i l l", SPACED), ("you", "you", "you", N)],
    );
    check("k-i-l-l", &[("kill", "kil", "k-i-l-l", SPACED)]);
    check("k_i_l_l", &[("kill", "kil", "k_i_l_l", SPACED)]);
    check("k*i*l*l", &[("kill", "kil", "k*i*l*l", SPACED)]);
    check("f·u·c·k", &[("fuck", "fuck", "f·u·c·k", SPACED)]);
    // A one-letter word before the spaced-out one stays a word.
    check(
        "you are a c.u.n.t",
        &[
            ("you", "you", "you", N),
            ("are", "are", "are", N),
            ("a", "a", "a", N),
            ("cunt", "cunt", "c.u.n.t", SPACED),
        ],
    );
    // Spaced leetspeak.
    check("k 1 l l", &[("kill", "kil", "k 1 l l", SPACED | LEET)]);
}

#[test]
fn spaced_letters_french() {
    check(
        "je vais te t.u.e.r",
        &[
            ("je", "je", "je", N),
            ("vais", "vais", "vais", N),
            ("te", "te", "te", N),
            ("tuer", "tuer", "t.u.e.r", SPACED),
        ],
    );
    check(
        "t'es à p.u.t.e",
        &[
            ("t", "t", "t", N),
            ("es", "es", "es", N),
            ("a", "a", "à", N),
            ("pute", "pute", "p.u.t.e", SPACED),
        ],
    );
    check(
        "sale b i c o t",
        &[
            ("sale", "sale", "sale", N),
            ("bicot", "bicot", "b i c o t", SPACED),
        ],
    );
}

#[test]
fn ordinary_short_words_are_not_joined() {
    // French "il y a à" and "a-t-il" must stay words.
    check(
        "il y a à manger, y a-t-il",
        &[
            ("il", "il", "il", N),
            ("y", "y", "y", N),
            ("a", "a", "a", N),
            ("a", "a", "à", N),
            ("manger", "manger", "manger", N),
            ("y", "y", "y", N),
            ("a", "a", "a", N),
            ("t", "t", "t", N),
            ("il", "il", "il", N),
        ],
    );
    // Two spaced letters are not enough.
    check(
        "plan a b",
        &[
            ("plan", "plan", "plan", N),
            ("a", "a", "a", N),
            ("b", "b", "b", N),
        ],
    );
}

#[test]
fn spaced_letters_never_join_more_than_twenty() {
    let letters: Vec<String> = (0..30)
        .map(|i| ((b'a' + (i % 26) as u8) as char).to_string())
        .collect();
    let text = letters.join(" ");
    let out = normalize(&text, None);
    assert!(out.tokens.len() >= 2, "{:?}", out.folded);
    for i in 0..out.tokens.len() {
        assert!(out.folded_token(i).len() <= 20, "{:?}", out.folded_token(i));
    }
    assert_eq!(out.folded.replace(' ', ""), letters.concat());
}

#[test]
fn repeated_letters_english() {
    check(
        "kiiiiill fuuuuck killll",
        &[
            ("kiill", "kil", "kiiiiill", REP),
            ("fuuck", "fuck", "fuuuuck", REP),
            ("kill", "kil", "killll", REP),
        ],
    );
    let out = normalize("kill", None);
    assert!(
        !out.evasion.contains(Evasion::REPEATED),
        "a double letter is spelling"
    );
}

#[test]
fn repeated_letters_french() {
    check(
        "je vais te tuuuuer",
        &[
            ("je", "je", "je", N),
            ("vais", "vais", "vais", N),
            ("te", "te", "te", N),
            ("tuuer", "tuer", "tuuuuer", REP),
        ],
    );
}

#[test]
fn cyrillic_and_greek_look_alikes() {
    // "уоu" with Cyrillic у and о.
    check(
        "\u{0443}\u{043E}u are dead",
        &[
            ("you", "you", "\u{0443}\u{043E}u", CONF),
            ("are", "are", "are", N),
            ("dead", "dead", "dead", N),
        ],
    );
    // French "tuer" with Cyrillic е, "sale" with Greek α.
    check(
        "je vais te tu\u{0435}r, s\u{03B1}le",
        &[
            ("je", "je", "je", N),
            ("vais", "vais", "vais", N),
            ("te", "te", "te", N),
            ("tuer", "tuer", "tu\u{0435}r", CONF),
            ("sale", "sale", "s\u{03B1}le", CONF),
        ],
    );
    // Russian words that are not disguised stay Cyrillic.
    let out = normalize("привет дела", None);
    assert_eq!(out.folded, "привет дела");
    assert!(out.evasion.is_empty());
}

#[test]
fn fullwidth_mathematical_and_enclosed_letters() {
    check(
        "ｋｉｌｌ 𝐤𝐢𝐥𝐥 ⓚⓘⓛⓛ 🅚🅘🅛🅛",
        &[
            ("kill", "kil", "ｋｉｌｌ", CONF),
            ("kill", "kil", "𝐤𝐢𝐥𝐥", CONF),
            ("kill", "kil", "ⓚⓘⓛⓛ", CONF),
            ("kill", "kil", "🅚🅘🅛🅛", CONF),
        ],
    );
    check(
        "ｊｅ ｖａｉｓ ｔｅ ｔｕｅｒ",
        &[
            ("je", "je", "ｊｅ", CONF),
            ("vais", "vais", "ｖａｉｓ", CONF),
            ("te", "te", "ｔｅ", CONF),
            ("tuer", "tuer", "ｔｕｅｒ", CONF),
        ],
    );
}

#[test]
fn zero_width_and_bidi_inside_words() {
    check(
        "ki\u{200B}ll y\u{200D}ou",
        &[
            ("kill", "kil", "ki\u{200B}ll", INVIS),
            ("you", "you", "y\u{200D}ou", INVIS),
        ],
    );
    check(
        "je vais te t\u{00AD}u\u{2060}e\u{202E}r",
        &[
            ("je", "je", "je", N),
            ("vais", "vais", "vais", N),
            ("te", "te", "te", N),
            ("tuer", "tuer", "t\u{00AD}u\u{2060}e\u{202E}r", INVIS),
        ],
    );
    // Invisible characters at the edges of a word are not part of it.
    check("\u{FEFF}hello\u{200B}", &[("hello", "helo", "hello", N)]);
}

#[test]
fn zalgo_and_stacked_marks() {
    let zalgo = "k\u{0336}\u{0334}i\u{0335}\u{0338}l\u{0337}l\u{0336}";
    check(zalgo, &[("kill", "kil", zalgo, DIAC)]);
    let tuer = "t\u{0301}\u{0316}\u{0354}u\u{0308}\u{0300}e\u{0489}r";
    check(
        &format!("je vais te {tuer}"),
        &[
            ("je", "je", "je", N),
            ("vais", "vais", "vais", N),
            ("te", "te", "te", N),
            ("tuer", "tuer", tuer, DIAC),
        ],
    );
}

#[test]
fn french_accents_are_removed_but_not_an_evasion() {
    check(
        "Ça mérite une balle, élève",
        &[
            ("ca", "ca", "Ça", N),
            ("merite", "merite", "mérite", N),
            ("une", "une", "une", N),
            ("balle", "bale", "balle", N),
            ("eleve", "eleve", "élève", N),
        ],
    );
    let out = normalize("Ça mérite une balle, élève", None);
    assert!(out.evasion.is_empty(), "{:?}", out.evasion);
    // Decomposed (NFD) input gives the same tokens.
    let nfd = "me\u{0301}rite";
    check(nfd, &[("merite", "merite", nfd, N)]);
}

#[test]
fn french_elisions_and_english_contractions() {
    check(
        "l'arabe, j'vais t'es qu'il d'la",
        &[
            ("l", "l", "l", N),
            ("arabe", "arabe", "arabe", N),
            ("j", "j", "j", N),
            ("vais", "vais", "vais", N),
            ("t", "t", "t", N),
            ("es", "es", "es", N),
            ("qu", "qu", "qu", N),
            ("il", "il", "il", N),
            ("d", "d", "d", N),
            ("la", "la", "la", N),
        ],
    );
    // Curly apostrophes too; other apostrophes are dropped inside the word.
    check(
        "l’arabe don't aujourd’hui",
        &[
            ("l", "l", "l", N),
            ("arabe", "arabe", "arabe", N),
            ("dont", "dont", "don't", N),
            ("aujourdhui", "aujourdhui", "aujourd’hui", N),
        ],
    );
}

#[test]
fn combined_disguises() {
    // Leet + repeats + zero-width + Cyrillic in one threat.
    let text = "i'm g0nna k\u{200B}1llll \u{0443}ou";
    check(
        text,
        &[
            ("im", "im", "i'm", N),
            ("gonna", "gona", "g0nna", LEET),
            ("kill", "kil", "k\u{200B}1llll", LEET | INVIS | REP),
            ("you", "you", "\u{0443}ou", CONF),
        ],
    );
}

#[test]
fn empty_and_symbol_only_posts_have_no_tokens() {
    for text in [
        "",
        "   ",
        "!!!",
        "🔥🔥🔥",
        "\u{200B}\u{200B}",
        "\u{0301}\u{0301}",
        "$$$ @@@",
    ] {
        let out = normalize(text, None);
        assert!(out.tokens.is_empty(), "{text:?} → {:?}", out.folded);
        assert!(out.folded.is_empty() && out.squeezed.is_empty(), "{text:?}");
    }
}

#[test]
fn normalize_into_reuses_and_resets_the_buffers() {
    let normalizer = Normalizer::new();
    let mut out = Normalized::default();
    normalizer.normalize_into("k1ll them all, every single one of them", None, &mut out);
    let capacity = out.folded.capacity();
    normalizer.normalize_into("bonjour", Some(Lang::Fr), &mut out);
    assert_eq!(out.folded, "bonjour");
    assert_eq!(out.tokens.len(), 1);
    assert!(
        out.evasion.is_empty(),
        "evasion of the previous post must not leak"
    );
    assert_eq!(out.lang, Lang::Fr);
    assert_eq!(out.folded.capacity(), capacity);
    let fresh = normalizer.normalize("bonjour", Some(Lang::Fr));
    assert_eq!(fresh.folded, out.folded);
    assert_eq!(fresh.tokens, out.tokens);
}

#[test]
fn language_identification() {
    let normalizer = Normalizer::new();
    for (text, want) in [
        ("I don't think you should say that about them", Lang::En),
        ("you are a disgrace and everyone knows it", Lang::En),
        ("je ne sais pas pourquoi tu dis ça", Lang::Fr),
        ("les gens comme toi devraient se taire", Lang::Fr),
        ("c'est une honte, il faut les virer", Lang::Fr),
        (
            "Hoy vamos a la playa con mis amigos y después comemos paella en casa",
            Lang::Other,
        ),
        ("Привет, как у тебя дела сегодня?", Lang::Other),
    ] {
        let out = normalizer.normalize(text, None);
        assert_eq!(
            out.lang, want,
            "{text:?} (confidence {})",
            out.lang_confidence
        );
        assert!((0.0..=1.0).contains(&out.lang_confidence));
        if want != Lang::Other {
            assert!(
                out.lang_confidence >= 0.5,
                "{text:?}: {}",
                out.lang_confidence
            );
        }
    }
    // The hint wins and is certain.
    let out = normalizer.normalize("the cat is on the table", Some(Lang::Fr));
    assert_eq!((out.lang, out.lang_confidence), (Lang::Fr, 1.0));
}

#[test]
fn normalizer_is_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Normalizer>();
    let normalizer = std::sync::Arc::new(Normalizer::new());
    let handles: Vec<_> = ["k1ll", "tu3r"]
        .into_iter()
        .map(|text| {
            let normalizer = normalizer.clone();
            std::thread::spawn(move || normalizer.normalize(text, None).folded)
        })
        .collect();
    let folded: Vec<String> = handles.into_iter().filter_map(|h| h.join().ok()).collect();
    assert_eq!(folded, ["kill", "tuer"]);
}
