//! The text stage of vigie: turns a post as published into tokens that detectors can match,
//! whatever disguise the author used, and keeps for every token the byte span it came from in
//! the original text so that evidence can be shown exactly where it was written.
//!
//! Pure library: no I/O, no async, no global mutable state.

use serde::{Deserialize, Serialize};

mod fold;
mod lang;
mod tokenize;

/// A half-open byte range `[start, end)` into the *original* text of a post.
///
/// Invariant: `start <= end <= original.len()` and both ends fall on UTF-8 char boundaries of
/// the original text, so `&original[span.start as usize..span.end as usize]` never panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Language of a post, as far as vigie cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Fr,
    #[default]
    Other,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Other => "other",
        }
    }
    /// Parses an ISO 639-1/-3 code or a BCP 47 tag ("en", "en-GB", "fra"); anything else is `Other`.
    pub fn from_code(code: &str) -> Lang {
        // Called on every post that carries a language: compare without building a lowercase copy.
        let primary = code.split(['-', '_']).next().unwrap_or("");
        let is = |names: &[&str]| names.iter().any(|n| primary.eq_ignore_ascii_case(n));
        if is(&["en", "eng"]) {
            Lang::En
        } else if is(&["fr", "fra", "fre"]) {
            Lang::Fr
        } else {
            Lang::Other
        }
    }
}

/// Which disguises were undone to produce a token (bit set), so that detectors and the
/// classifier can treat deliberate obfuscation as a signal in itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Evasion(pub u8);

impl Evasion {
    pub const NONE: Evasion = Evasion(0);
    pub const LEET: Evasion = Evasion(1);
    pub const CONFUSABLE: Evasion = Evasion(1 << 1);
    pub const SPACED: Evasion = Evasion(1 << 2);
    pub const REPEATED: Evasion = Evasion(1 << 3);
    pub const INVISIBLE: Evasion = Evasion(1 << 4);
    pub const DIACRITIC: Evasion = Evasion(1 << 5);
    pub fn contains(self, other: Evasion) -> bool {
        self.0 & other.0 == other.0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for Evasion {
    type Output = Evasion;
    fn bitor(self, rhs: Evasion) -> Evasion {
        Evasion(self.0 | rhs.0)
    }
}
impl std::ops::BitOrAssign for Evasion {
    fn bitor_assign(&mut self, rhs: Evasion) {
        self.0 |= rhs.0;
    }
}

/// One word of a post after normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range of this token inside [`Normalized::folded`].
    pub folded: std::ops::Range<u32>,
    /// Byte range of this token inside [`Normalized::squeezed`].
    pub squeezed: std::ops::Range<u32>,
    /// Where the token was written in the original text.
    pub span: Span,
    /// The disguises that were undone for this token.
    pub evasion: Evasion,
}

/// A post after normalization.
///
/// `folded` and `squeezed` are the tokens joined by single ASCII spaces (no leading or trailing
/// space), so a matcher can run over the whole string and check word boundaries by looking at
/// the bytes around a match.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// NFKC, case-folded, diacritics removed, homoglyphs and leetspeak mapped to letters,
    /// invisible characters dropped, spaced-out letters joined, runs of 3+ identical letters
    /// cut to 2.
    pub folded: String,
    /// As `folded`, but every run of identical letters is cut to one ("kill" → "kil"): the form
    /// lexicons match on, so that "kiiiill" and "killll" both meet "kill".
    pub squeezed: String,
    pub tokens: Vec<Token>,
    /// Per token, its `squeezed` form packed little-endian into a `u64`, zero padded, when it is
    /// 1 to 8 bytes long, else 0 ([`squeezed_key`] gives it for any bytes). Matchers look short
    /// words up by this one integer, computed once per post for all of them, instead of reading
    /// the bytes again for each lexicon.
    ///
    /// Filled only when the layout is plain: `squeezed` is exactly the tokens joined by single
    /// spaces, no token empty or holding a space (so a phrase matches word by word); empty
    /// otherwise. A caller that edits `tokens` or `squeezed` must clear it (matchers also
    /// ignore it when its length is not the number of tokens).
    pub squeezed_keys: Vec<u64>,
    pub lang: Lang,
    /// Confidence of `lang`, in [0, 1].
    pub lang_confidence: f32,
    /// Union of the evasions of all tokens.
    pub evasion: Evasion,
}

/// `bytes` packed little-endian into a `u64`, zero padded, if they are 1 to 8 bytes long; else
/// 0 (see [`Normalized::squeezed_keys`]).
#[inline]
pub fn squeezed_key(bytes: &[u8]) -> u64 {
    if bytes.is_empty() || bytes.len() > 8 {
        return 0;
    }
    let mut word = [0u8; 8];
    word[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

impl Normalized {
    pub fn folded_token(&self, i: usize) -> &str {
        let r = &self.tokens[i].folded;
        &self.folded[r.start as usize..r.end as usize]
    }
    pub fn squeezed_token(&self, i: usize) -> &str {
        let r = &self.tokens[i].squeezed;
        &self.squeezed[r.start as usize..r.end as usize]
    }
}

/// Options of the normalizer.
#[derive(Debug, Clone, Default)]
pub struct NormalizeOptions {
    /// Language given by the caller (e.g. the platform knows it); skips detection when set.
    pub lang_hint: Option<Lang>,
}

/// Normalizes posts. Build once, share across threads (`Sync`), call [`Normalizer::normalize`]
/// (or [`Normalizer::normalize_into`] to reuse buffers) per post.
///
/// What a post becomes: NFKC compatibility forms undone (fullwidth, mathematical, circled
/// letters, ligatures), lower case, accents removed, Cyrillic/Greek look-alikes mapped to Latin
/// letters in words that mix scripts, zero-width and bidi controls and combining marks (zalgo)
/// dropped, leetspeak decoded in words that have letters, spaced-out letters joined, runs of 3+
/// identical letters cut to 2 (`folded`) and every run cut to 1 (`squeezed`). The token rules
/// (apostrophes, elisions, digits, mentions) are listed in the `tokenize` module.
#[derive(Debug, Clone)]
pub struct Normalizer {
    lang: lang::LangIdentifier,
    fold: fold::FoldCache,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

impl Normalizer {
    pub fn new() -> Self {
        Normalizer {
            lang: lang::LangIdentifier::new(),
            fold: fold::FoldCache::new(),
        }
    }

    /// Normalizes one post. Never panics, whatever the input.
    pub fn normalize(&self, text: &str, lang_hint: Option<Lang>) -> Normalized {
        let mut out = Normalized::default();
        self.normalize_into(text, lang_hint, &mut out);
        out
    }

    /// Normalizes one post into `out`, reusing its buffers (no allocation once they are large
    /// enough). Never panics, whatever the input.
    ///
    /// Spans are `u32`: of a text longer than 4 GiB only the first 4 GiB are read.
    pub fn normalize_into(&self, text: &str, lang_hint: Option<Lang>, out: &mut Normalized) {
        let text = clamp_to_u32(text);
        out.folded.clear();
        out.squeezed.clear();
        out.tokens.clear();
        out.squeezed_keys.clear();
        out.evasion = Evasion::NONE;
        out.folded.reserve(text.len());
        out.squeezed.reserve(text.len());
        let cues = {
            let mut tokenizer = tokenize::Tokenizer::new(text, &self.fold, out);
            tokenizer.run();
            tokenizer.close()
        };
        let (lang, confidence) = match lang_hint {
            Some(lang) => (lang, 1.0),
            None => self.lang.identify(text, out, cues),
        };
        out.lang = lang;
        out.lang_confidence = confidence.clamp(0.0, 1.0);
    }
}

/// The longest prefix of `text` whose byte offsets fit in a `u32`, cut on a char boundary.
fn clamp_to_u32(text: &str) -> &str {
    let max = u32::MAX as usize;
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}
