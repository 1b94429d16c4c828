//! Whatever the input, normalization does not panic and its output keeps the contract that
//! detectors rely on: spans inside the original text on char boundaries and in order, token
//! ranges inside `folded`/`squeezed`, single spaces between tokens.

use proptest::prelude::*;
use vigie_text::{Lang, Normalized, Normalizer};

fn check_contract(text: &str, out: &Normalized) -> Result<(), TestCaseError> {
    let mut previous_start = 0u32;
    let mut previous_folded_end = 0u32;
    let mut previous_squeezed_end = 0u32;
    for (i, token) in out.tokens.iter().enumerate() {
        let span = token.span;
        prop_assert!(span.start < span.end, "empty span {span:?}");
        prop_assert!(
            (span.end as usize) <= text.len(),
            "span {span:?} past the text"
        );
        prop_assert!(
            text.is_char_boundary(span.start as usize),
            "span start off boundary"
        );
        prop_assert!(
            text.is_char_boundary(span.end as usize),
            "span end off boundary"
        );
        prop_assert!(
            span.start >= previous_start,
            "spans go backwards at token {i}"
        );
        previous_start = span.start;

        let f = token.folded.clone();
        let s = token.squeezed.clone();
        prop_assert!(f.start < f.end && (f.end as usize) <= out.folded.len());
        prop_assert!(s.start < s.end && (s.end as usize) <= out.squeezed.len());
        prop_assert!(f.start >= previous_folded_end && s.start >= previous_squeezed_end);
        previous_folded_end = f.end;
        previous_squeezed_end = s.end;
        let folded = out.folded.get(f.start as usize..f.end as usize);
        let squeezed = out.squeezed.get(s.start as usize..s.end as usize);
        prop_assert!(
            folded.is_some() && squeezed.is_some(),
            "token range off boundary"
        );
        let (folded, squeezed) = (folded.unwrap_or(""), squeezed.unwrap_or(""));
        prop_assert!(!folded.contains(' ') && !squeezed.contains(' '));
        prop_assert!(squeezed.len() <= folded.len());
    }
    for form in [&out.folded, &out.squeezed] {
        prop_assert!(!form.contains("  "), "double space in {form:?}");
        prop_assert!(
            !form.starts_with(' ') && !form.ends_with(' '),
            "edge space in {form:?}"
        );
    }
    prop_assert_eq!(
        out.folded.split(' ').filter(|w| !w.is_empty()).count(),
        out.tokens.len()
    );
    prop_assert!((0.0..=1.0).contains(&out.lang_confidence));
    Ok(())
}

/// Characters that stress the normalizer: combining marks, bidi and zero-width controls,
/// homoglyphs, leet symbols, separators, emoji, replacement characters, controls.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => proptest::sample::select(vec![
            ' ', '.', '-', '_', '*', '·', '\'', '’', '@', '$', '!', '|', '+', '€', '¢', '&', ';', '#',
            '0', '1', '3', '4', '5', '7', '8', '9', '/', ':',
        ]),
        2 => proptest::sample::select(vec![
            '\u{0301}', '\u{0336}', '\u{0489}', '\u{200B}', '\u{200D}', '\u{202E}', '\u{2066}',
            '\u{FEFF}', '\u{00AD}', '\u{FFFD}', '\u{0000}', '\u{007F}', '\u{0085}', 'é', 'à',
            'ç', 'œ', 'ß', 'İ', 'ﬁ', 'ｋ', '𝐤', 'ⓚ', '🅚', 'у', 'о', 'α', 'Ν', 'ا', 'ש', '中',
            '🔥', '👍', '\u{1F3FD}', '\u{FDFA}', '①', '²', 'ᴋ',
        ]),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn any_string_keeps_the_contract(text in any::<String>()) {
        let out = Normalizer::new().normalize(&text, None);
        check_contract(&text, &out)?;
    }

    #[test]
    fn tricky_strings_keep_the_contract(
        chars in proptest::collection::vec(tricky_char(), 0..200),
        hint in proptest::option::of(proptest::sample::select(vec![Lang::En, Lang::Fr, Lang::Other])),
    ) {
        let text: String = chars.into_iter().collect();
        let normalizer = Normalizer::new();
        let out = normalizer.normalize(&text, hint);
        check_contract(&text, &out)?;
        if let Some(hint) = hint {
            prop_assert_eq!(out.lang, hint);
        }
        // Reusing buffers gives the same result as a fresh output.
        let mut reused = normalizer.normalize("some earlier post, k1ll 4ll", None);
        normalizer.normalize_into(&text, hint, &mut reused);
        prop_assert_eq!(&reused.folded, &out.folded);
        prop_assert_eq!(&reused.squeezed, &out.squeezed);
        prop_assert_eq!(&reused.tokens, &out.tokens);
        prop_assert_eq!(reused.evasion, out.evasion);
    }

    #[test]
    fn long_runs_keep_the_contract(
        c in tricky_char(),
        n in 0usize..5000,
        prefix in "[a-z !.]{0,10}",
    ) {
        let text = format!("{prefix}{}", c.to_string().repeat(n));
        let out = Normalizer::new().normalize(&text, None);
        check_contract(&text, &out)?;
    }
}

/// JSON with invalid surrogate escapes: serde_json either refuses it or (for its lossy
/// readers) hands over U+FFFD; whatever string comes out, the normalizer copes.
#[test]
fn json_strings_with_lone_surrogates() {
    let normalizer = Normalizer::new();
    let inputs = [
        r#""\ud800""#,
        r#""k\ud800ill""#,
        r#""\udfff k1ll \ud83d""#,
        r#""\ud83d\ude00 valid pair""#,
        r#""je vais te \ud800tuer""#,
    ];
    let mut decoded = 0;
    for json in inputs {
        let strict: Result<String, _> = serde_json::from_str(json);
        let lossy = String::from_utf8_lossy(json.as_bytes()).into_owned();
        for text in strict.iter().chain(std::iter::once(&lossy)) {
            decoded += 1;
            let out = normalizer.normalize(text, None);
            check_contract(text, &out)
                .map_err(|e| e.to_string())
                .expect("contract holds");
        }
    }
    assert!(
        decoded > inputs.len(),
        "at least the lossy forms were normalized"
    );
    // A replacement character inside a word breaks it (it is not a letter) and never panics.
    let text = "k\u{FFFD}ill";
    let out = normalizer.normalize(text, None);
    check_contract(text, &out)
        .map_err(|e| e.to_string())
        .expect("contract holds");
    assert_eq!(out.folded, "k ill");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// The packed keys are each token's squeezed bytes, and are there exactly when the layout
    /// is plain (tokens joined by single spaces, none empty or holding a space).
    #[test]
    fn squeezed_keys_pack_the_tokens_of_a_plain_layout(
        text in prop_oneof![any::<String>(), "[a-zA-Z0-9 '.@éèçà¨¼ǆﬀ]{0,60}"],
    ) {
        let out = Normalizer::new().normalize(&text, None);
        let pieces: Vec<&str> = (0..out.tokens.len()).map(|i| out.squeezed_token(i)).collect();
        let plain = pieces.join(" ") == out.squeezed
            && pieces.iter().all(|p| !p.is_empty() && !p.contains(' '));
        if plain {
            prop_assert_eq!(out.squeezed_keys.len(), out.tokens.len());
            for (piece, &key) in pieces.iter().zip(&out.squeezed_keys) {
                let expected = if piece.len() <= 8 {
                    let mut word = [0u8; 8];
                    word[..piece.len()].copy_from_slice(piece.as_bytes());
                    u64::from_le_bytes(word)
                } else {
                    0
                };
                prop_assert_eq!(key, expected, "{:?}", piece);
                prop_assert_eq!(key, vigie_text::squeezed_key(piece.as_bytes()));
            }
        } else {
            prop_assert!(out.squeezed_keys.is_empty());
        }
    }
}
