//! One Aho-Corasick automaton over the `squeezed` form of a post, matching whole words only.
//!
//! Keys are run through the same [`Normalizer`] as posts, so a lexicon author writes "j'vais",
//! "mérite" or "kill" and the key takes exactly the form those words take in a normalized post
//! (apostrophes, accents, repeated letters), whatever the text stage decides about them.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use vigie_text::{Lang, Normalized, Normalizer, Span};

use crate::DetectError;

/// A set of phrases, each carrying any number of payloads (one phrase can be, say, a French
/// insult and an English word with another meaning).
pub(crate) struct PhraseSet<T> {
    automaton: AhoCorasick,
    /// Payloads of pattern `i` are `payloads[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    payloads: Vec<T>,
}

/// A phrase found in a post: which pattern, over which tokens (`tokens` is half-open).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseHit {
    pub pattern: u32,
    pub first_token: u16,
    pub end_token: u16,
}

/// The forms of a phrase, normalized like a post: `squeezed` is the automaton key, `folded`
/// keeps double letters so that a hit can be checked with [`runs_compatible`].
pub(crate) struct PhraseKey {
    pub squeezed: String,
    pub folded: Box<str>,
}

pub(crate) fn phrase_key(normalizer: &Normalizer, phrase: &str, lang: Lang) -> PhraseKey {
    let n = normalizer.normalize(phrase, Some(lang));
    PhraseKey {
        squeezed: n.squeezed,
        folded: n.folded.into_boxed_str(),
    }
}

/// Whether the folded text of a hit can be the folded key written with more repeats.
///
/// Matching on `squeezed` makes "kiiill" meet "kill", but it also makes "niger" meet a slur
/// spelt with a double letter, "as" meet "ass" and "con" meet "coon". A double letter of the key
/// must therefore stay at least double in the text; extra repeats in the text are fine. When the
/// two do not even have the same runs (the text stage squeezed something else), the squeezed
/// match is trusted.
pub(crate) fn runs_compatible(key_folded: &str, text_folded: &str) -> bool {
    let mut key = Runs::new(key_folded);
    let mut text = Runs::new(text_folded);
    loop {
        match (key.next(), text.next()) {
            (None, None) => return true,
            (Some((kc, kn)), Some((tc, tn))) => {
                if kc != tc {
                    return true;
                }
                if kn >= 2 && tn < 2 {
                    return false;
                }
            }
            _ => return true,
        }
    }
}

/// Runs of identical chars: "kill" → (k,1) (i,1) (l,2).
struct Runs<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
}

impl<'a> Runs<'a> {
    fn new(s: &'a str) -> Self {
        Runs {
            chars: s.chars().peekable(),
        }
    }
}

impl Iterator for Runs<'_> {
    type Item = (char, usize);
    fn next(&mut self) -> Option<(char, usize)> {
        let c = self.chars.next()?;
        let mut n = 1;
        while self.chars.next_if_eq(&c).is_some() {
            n += 1;
        }
        Some((c, n))
    }
}

/// Collects phrases and their payloads, merging payloads of phrases with the same key.
pub(crate) struct PhraseSetBuilder<T> {
    index: HashMap<String, usize>,
    keys: Vec<String>,
    payloads: Vec<Vec<T>>,
}

impl<T> PhraseSetBuilder<T> {
    pub fn new() -> Self {
        PhraseSetBuilder {
            index: HashMap::new(),
            keys: Vec::new(),
            payloads: Vec::new(),
        }
    }

    /// Adds `payload` under an already normalized key. Empty keys are ignored (nothing could
    /// match them on a word boundary).
    pub fn add(&mut self, key: String, payload: T) {
        if key.is_empty() {
            return;
        }
        let slot = match self.index.get(&key) {
            Some(&slot) => slot,
            None => {
                let slot = self.keys.len();
                self.index.insert(key.clone(), slot);
                self.keys.push(key);
                self.payloads.push(Vec::new());
                slot
            }
        };
        self.payloads[slot].push(payload);
    }

    /// The payloads already stored under `key`, to let a later file override an earlier one.
    pub fn payloads_mut(&mut self, key: &str) -> Option<&mut Vec<T>> {
        let slot = *self.index.get(key)?;
        self.payloads.get_mut(slot)
    }

    pub fn build(self, what: &str) -> Result<PhraseSet<T>, DetectError> {
        // A DFA costs memory at load time but scans ~100-byte posts in a few dozen
        // nanoseconds, which is what the throughput budget needs. Standard semantics give every
        // (overlapping) match; the leftmost-longest choice is made after the word-boundary test
        // (see `for_each_hit`).
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.keys)
            .or_else(|_| AhoCorasick::builder().build(&self.keys))
            .map_err(|e| DetectError::Automaton {
                what: what.to_owned(),
                reason: e.to_string(),
            })?;
        let mut starts = Vec::with_capacity(self.payloads.len() + 1);
        let mut payloads = Vec::new();
        starts.push(0);
        for group in self.payloads {
            payloads.extend(group);
            starts.push(payloads.len() as u32);
        }
        Ok(PhraseSet {
            automaton,
            starts,
            payloads,
        })
    }
}

impl<T> PhraseSet<T> {
    pub fn payloads(&self, pattern: u32) -> &[T] {
        let i = pattern as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.payloads.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }

    pub fn payload_count(&self) -> usize {
        self.payloads.len()
    }

    /// Calls `on_hit` for the leftmost-longest matches among those that start and end on a
    /// word boundary, in text order.
    ///
    /// Boundaries are checked before choosing: with plain leftmost-longest matching, "le but"
    /// (a key) would win over "le" in "le buter", fail the boundary test and hide "le".
    /// `on_hit` also gets the folded text of the matched tokens, for [`runs_compatible`].
    pub fn for_each_hit(&self, text: &Normalized, mut on_hit: impl FnMut(PhraseHit, &str)) {
        let hay = text.squeezed.as_bytes();
        let mut found = [(0u32, 0u32, 0u32); MAX_MATCHES];
        let mut count = 0;
        for m in self.automaton.find_overlapping_iter(hay) {
            let (start, end) = (m.start(), m.end());
            let starts_word = start == 0 || hay.get(start - 1) == Some(&b' ');
            let ends_word = end == hay.len() || hay.get(end) == Some(&b' ');
            if starts_word && ends_word && count < MAX_MATCHES {
                found[count] = (start as u32, end as u32, m.pattern().as_u32());
                count += 1;
            }
        }
        let found = &mut found[..count];
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut pos = 0u32;
        for &(start, end, pattern) in found.iter() {
            if start < pos {
                continue;
            }
            pos = end;
            if let Some((first_token, end_token)) = token_range(text, start as usize, end as usize)
            {
                let folded = folded_text(text, first_token, end_token);
                on_hit(
                    PhraseHit {
                        pattern,
                        first_token,
                        end_token,
                    },
                    folded,
                );
            }
        }
    }
}

/// Whole-word matches kept per post; a post with more (a wall of slurs) is judged on these.
const MAX_MATCHES: usize = 128;

/// Maps a byte range of `squeezed` to the tokens it covers.
fn token_range(text: &Normalized, start: usize, end: usize) -> Option<(u16, u16)> {
    let tokens = &text.tokens;
    let first = tokens.partition_point(|t| (t.squeezed.end as usize) <= start);
    let last = tokens.partition_point(|t| (t.squeezed.start as usize) < end);
    if first >= last || last > u16::MAX as usize {
        return None;
    }
    Some((first as u16, last as u16))
}

/// The folded text of tokens `[first, end)`.
fn folded_text(text: &Normalized, first: u16, end: u16) -> &str {
    let (Some(a), Some(b)) = (
        text.tokens.get(first as usize),
        (end as usize)
            .checked_sub(1)
            .and_then(|e| text.tokens.get(e)),
    ) else {
        return "";
    };
    text.folded
        .get(a.folded.start as usize..b.folded.end as usize)
        .unwrap_or("")
}

/// The span of the original text covering tokens `[first, end)`, built from token spans.
pub(crate) fn tokens_span(text: &Normalized, first: u16, end: u16) -> Option<Span> {
    let a = text.tokens.get(first as usize)?.span;
    let b = text.tokens.get((end as usize).checked_sub(1)?)?.span;
    Some(a.cover(b))
}

/// Whether a lexicon entry of language `entry` applies to a post of language `post`.
/// Posts of unknown language get every entry: short posts often defeat language identification.
pub(crate) fn lang_applies(entry: Lang, post: Lang) -> bool {
    entry == post || post == Lang::Other || entry == Lang::Other
}

/// Short hex digest of the data a detector was built from, recorded in each decision.
pub(crate) fn digest<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hasher = blake3::Hasher::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let hex = hasher.finalize().to_hex();
    hex.as_str().get(..12).unwrap_or("").to_owned()
}
