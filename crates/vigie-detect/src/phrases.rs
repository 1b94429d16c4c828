//! One Aho-Corasick automaton over the `squeezed` form of a post, matching whole words only.
//!
//! Keys are run through the same [`Normalizer`] as posts, so a lexicon author writes "j'vais",
//! "mérite" or "kill" and the key takes exactly the form those words take in a normalized post
//! (apostrophes, accents, repeated letters), whatever the text stage decides about them.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::collections::HashMap;
use vigie_text::{Lang, Normalized, Normalizer, Span};

use crate::DetectError;

/// A set of phrases, each carrying any number of payloads (one phrase can be, say, a French
/// insult and an English word with another meaning).
pub(crate) struct PhraseSet<T> {
    automaton: DFA,
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
    // Most hits are written exactly as the key, and most keys have no double letter.
    if key_folded == text_folded || !has_double(key_folded) {
        return true;
    }
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

fn has_double(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == w[1] && w[0] != b' ')
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
        // An anchored DFA walked from each word start (see `for_each_hit`): one table lookup
        // per byte, and only the few states near the root are hot, so a ~100-byte post costs
        // a few hundred lookups whatever the size of the lexicon.
        let automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&self.keys)
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

    /// Calls `on_hit`, in text order, for the longest phrase starting at each word start and
    /// ending at a word end, skipping words inside a phrase already reported (leftmost-longest
    /// over whole words). `on_hit` also gets the folded text of the matched tokens, for
    /// [`runs_compatible`].
    ///
    /// Walking the automaton from word starts only checks boundaries before choosing: a
    /// longer key that ends inside a word ("le but" in "le buter") never hides a shorter one
    /// that ends on a boundary ("le").
    pub fn for_each_hit(&self, text: &Normalized, mut on_hit: impl FnMut(PhraseHit, &str)) {
        let hay = text.squeezed.as_bytes();
        let Ok(start_state) = self.automaton.start_state(Anchored::Yes) else {
            return;
        };
        let mut next_token = 0usize;
        for (i, token) in text.tokens.iter().enumerate() {
            if i < next_token {
                continue;
            }
            let start = token.squeezed.start as usize;
            let mut sid = start_state;
            let mut best: Option<(usize, u32)> = None;
            for (offset, &byte) in hay.get(start..).unwrap_or(&[]).iter().enumerate() {
                sid = self.automaton.next_state(Anchored::Yes, sid, byte);
                if !self.automaton.is_special(sid) {
                    continue;
                }
                if self.automaton.is_dead(sid) {
                    break;
                }
                if !self.automaton.is_match(sid) {
                    continue;
                }
                let end = start + offset + 1;
                if end != hay.len() && hay.get(end) != Some(&b' ') {
                    continue;
                }
                // A match state may also list keys that are suffixes of the path walked;
                // only the one that spans all of it starts at this word.
                for k in 0..self.automaton.match_len(sid) {
                    let pattern = self.automaton.match_pattern(sid, k);
                    if self.automaton.pattern_len(pattern) == end - start {
                        best = Some((end, pattern.as_u32()));
                        break;
                    }
                }
            }
            let Some((end, pattern)) = best else {
                continue;
            };
            let end_token = i + text.tokens[i..]
                .iter()
                .position(|t| t.squeezed.end as usize >= end)
                .map_or(text.tokens.len() - i, |p| p + 1);
            next_token = end_token;
            let (Ok(first_token), Ok(end_token)) = (u16::try_from(i), u16::try_from(end_token))
            else {
                break;
            };
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

/// Whether byte `at` of `original` lies inside quotation marks: a threat quoted is a threat
/// reported ("he wrote 'I will kill you'"). Apostrophes count as quotes only at word edges, so
/// "I'll" and "t'es" do not open anything.
pub(crate) fn quoted(original: &str, at: usize) -> bool {
    QuoteScanner::new(original).quoted(at)
}

/// [`quoted`] for many offsets of one text: asked in increasing order (as phrase hits come),
/// it reads the text once instead of from the start for every hit; asked for an earlier
/// offset, it starts over, so the answer never depends on the order of the questions.
pub(crate) struct QuoteScanner<'a> {
    original: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    /// Every char before this byte offset has been read.
    read_to: usize,
    inside: bool,
    prev: Option<char>,
}

impl<'a> QuoteScanner<'a> {
    pub(crate) fn new(original: &'a str) -> Self {
        QuoteScanner {
            original,
            chars: original.char_indices().peekable(),
            read_to: 0,
            inside: false,
            prev: None,
        }
    }

    pub(crate) fn quoted(&mut self, at: usize) -> bool {
        if at < self.read_to {
            *self = QuoteScanner::new(self.original);
        }
        while let Some(&(i, c)) = self.chars.peek() {
            if i >= at {
                break;
            }
            self.chars.next();
            let next = self.chars.peek().map(|&(_, n)| n);
            let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
            match c {
                '"' => self.inside = !self.inside,
                '“' | '«' => self.inside = true,
                '”' | '»' => self.inside = false,
                '\'' | '‘' | '’' => {
                    if !alnum(self.prev) && alnum(next) {
                        self.inside = true;
                    } else if !alnum(next) && self.inside {
                        self.inside = false;
                    }
                }
                _ => {}
            }
            self.prev = Some(c);
        }
        self.read_to = at;
        self.inside
    }
}

#[cfg(test)]
mod tests {
    use super::{QuoteScanner, quoted};

    /// One scanner asked about every offset, in increasing then in mixed order, answers as a
    /// fresh scan from the start does.
    #[test]
    fn one_quote_scanner_answers_like_a_fresh_scan() {
        let texts = [
            "he wrote \"I will kill you\" and left",
            "calling them 'monkeys' is racist, isn't it?",
            "« sale rat » qu'il a dit, ‘quoted’ and “curly” then 'open",
            "don't 'x' y' 'z ''a'' \"b",
            "",
        ];
        for text in texts {
            let offsets: Vec<usize> = (0..=text.len() + 1).collect();
            let mut scanner = QuoteScanner::new(text);
            let fresh: Vec<bool> = offsets.iter().map(|&at| quoted(text, at)).collect();
            let increasing: Vec<bool> = offsets.iter().map(|&at| scanner.quoted(at)).collect();
            assert_eq!(increasing, fresh, "{text:?}");
            let mut mixed = QuoteScanner::new(text);
            for (k, &at) in offsets.iter().enumerate().rev().step_by(3) {
                assert_eq!(mixed.quoted(at), fresh[k], "{text:?} at {at}");
                let again = offsets.len() - 1 - k;
                assert_eq!(mixed.quoted(offsets[again]), fresh[again], "{text:?}");
            }
        }
        // Inside quotes somewhere, or the test would not test anything.
        assert!(quoted(texts[0], 12));
        assert!(!quoted(texts[0], 30));
    }
}
