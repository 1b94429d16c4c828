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
    /// The phrases word by word: what matching runs on when a post's tokens are laid out as
    /// plain words (always, with today's text stage).
    words: Option<WordTrie>,
    /// The same phrases byte by byte, for posts whose layout the word trie cannot read (a
    /// token holding a space after exotic folding): it defines what a hit is.
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
        let words = WordTrie::new(&self.keys);
        let mut starts = Vec::with_capacity(self.payloads.len() + 1);
        let mut payloads = Vec::new();
        starts.push(0);
        for group in self.payloads {
            payloads.extend(group);
            starts.push(payloads.len() as u32);
        }
        Ok(PhraseSet {
            words,
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
    pub fn for_each_hit(&self, text: &Normalized, on_hit: impl FnMut(PhraseHit, &str)) {
        let Some(words) = &self.words else {
            return self.for_each_hit_bytes(text, on_hit);
        };
        let hay = text.squeezed.as_bytes();
        let by_bytes = |j: usize| {
            text.tokens
                .get(j)
                .and_then(|t| hay.get(t.squeezed.start as usize..t.squeezed.end as usize))
                .and_then(|bytes| words.vocabulary.get(bytes))
                .unwrap_or(NOT_A_WORD)
        };
        if text.squeezed_keys.len() == text.tokens.len() {
            // The normalizer found the layout plain and packed every short token: one integer
            // lookup per token, shared by every phrase set.
            let keys = &text.squeezed_keys;
            let lookup = |j: usize| {
                let key = *keys.get(j)?;
                Some(if key != 0 {
                    words.vocabulary.get_packed(key)
                } else {
                    by_bytes(j)
                })
            };
            words.walk(text, lookup, on_hit)
        } else if plain_word_layout(text) {
            words.walk(
                text,
                |j| (j < text.tokens.len()).then(|| by_bytes(j)),
                on_hit,
            )
        } else {
            self.for_each_hit_bytes(text, on_hit)
        }
    }

    /// [`PhraseSet::for_each_hit`] on the bytes of `squeezed`, whatever the layout of its tokens.
    fn for_each_hit_bytes(&self, text: &Normalized, mut on_hit: impl FnMut(PhraseHit, &str)) {
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
            if !report_hit(text, i, end_token, pattern, &mut on_hit) {
                break;
            }
        }
    }
}

/// Hands the phrase over tokens `[first, end)` to `on_hit` with its folded text; false (and
/// nothing reported) past the 65,535th token, which a hit's `u16` indexes cannot name.
fn report_hit(
    text: &Normalized,
    first: usize,
    end: usize,
    pattern: u32,
    on_hit: &mut impl FnMut(PhraseHit, &str),
) -> bool {
    let (Ok(first_token), Ok(end_token)) = (u16::try_from(first), u16::try_from(end)) else {
        return false;
    };
    on_hit(
        PhraseHit {
            pattern,
            first_token,
            end_token,
        },
        folded_text(text, first_token, end_token),
    );
    true
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

/// Whether `squeezed` is exactly the tokens joined by single spaces, no token empty or holding a
/// space: then a key (words joined by single spaces) matches from a token start up to a token
/// end exactly when its words are the tokens', and phrases can be matched word by word.
fn plain_word_layout(text: &Normalized) -> bool {
    let hay = text.squeezed.as_bytes();
    let mut expected = 0usize;
    for (i, t) in text.tokens.iter().enumerate() {
        if i > 0 {
            if hay.get(expected) != Some(&b' ') {
                return false;
            }
            expected += 1;
        }
        let (start, end) = (t.squeezed.start as usize, t.squeezed.end as usize);
        if start != expected || end <= start {
            return false;
        }
        expected = end;
    }
    expected == hay.len()
        && hay.iter().filter(|&&b| b == b' ').count() == text.tokens.len().saturating_sub(1)
}

const NO_NODE: u32 = u32::MAX;
/// Word index of a token that is no word of the keys (and of an empty vocabulary slot).
const NOT_A_WORD: u32 = u32::MAX;
const NO_PATTERN: u32 = u32::MAX;

/// A node of the word trie.
#[derive(Clone, Copy)]
struct TrieNode {
    /// The key that ends here, or `NO_PATTERN`.
    pattern: u32,
    /// Children are `children[first_child..end_child]`, sorted by word.
    first_child: u32,
    end_child: u32,
}

/// The keys as a trie over whole words. A post's token is looked up once in a small hash
/// table; almost every token is no key's first word and costs nothing more, where a byte
/// automaton walks a few of its (cache-cold) states for every token.
struct WordTrie {
    vocabulary: Vocabulary,
    /// Per word: the node a key starting with it reaches, or `NO_NODE`.
    first: Vec<u32>,
    nodes: Vec<TrieNode>,
    /// `(word, child node)`, grouped by parent.
    children: Vec<(u32, u32)>,
}

impl WordTrie {
    /// `None` only if the keys are too large to index (over 4 GiB).
    fn new(keys: &[String]) -> Option<WordTrie> {
        let mut words: Vec<&[u8]> = Vec::new();
        let mut index: HashMap<&[u8], u32> = HashMap::new();
        // Parent (`NO_NODE`: the root) and word → child, while building.
        let mut edges: std::collections::BTreeMap<(u32, u32), u32> = Default::default();
        let mut patterns: Vec<u32> = Vec::new();
        for (pattern, key) in keys.iter().enumerate() {
            let mut node = NO_NODE;
            for word in key.split(' ') {
                // Keys never hold an empty word when they come from the normalizer; one that
                // did could not match a plain layout, so it is left to the byte automaton.
                if word.is_empty() {
                    node = NO_NODE;
                    break;
                }
                let next = words.len() as u32;
                let w = *index.entry(word.as_bytes()).or_insert_with(|| {
                    words.push(word.as_bytes());
                    next
                });
                let next = patterns.len() as u32;
                node = *edges.entry((node, w)).or_insert_with(|| {
                    patterns.push(NO_PATTERN);
                    next
                });
            }
            if let Some(p) = patterns.get_mut(node as usize) {
                *p = pattern as u32;
            }
        }
        let vocabulary = Vocabulary::new(&words)?;
        let mut first = vec![NO_NODE; words.len()];
        let mut nodes: Vec<TrieNode> = patterns
            .iter()
            .map(|&pattern| TrieNode {
                pattern,
                first_child: 0,
                end_child: 0,
            })
            .collect();
        let mut children = Vec::new();
        // The map is ordered by (parent, word): each parent's children come out together and
        // sorted.
        for (&(parent, word), &child) in &edges {
            if parent == NO_NODE {
                first[word as usize] = child;
                continue;
            }
            let at = children.len() as u32;
            let n = &mut nodes[parent as usize];
            if n.end_child == n.first_child {
                n.first_child = at;
            }
            children.push((word, child));
            n.end_child = at + 1;
        }
        Some(WordTrie {
            vocabulary,
            first,
            nodes,
            children,
        })
    }

    fn child(&self, node: &TrieNode, word: u32) -> Option<&TrieNode> {
        let kids = self
            .children
            .get(node.first_child as usize..node.end_child as usize)?;
        let at = kids.binary_search_by_key(&word, |&(w, _)| w).ok()?;
        self.nodes.get(kids[at].1 as usize)
    }

    /// [`PhraseSet::for_each_hit`] for a post with a plain word layout, given the word index of
    /// token `j` (`NOT_A_WORD` when it is none, `None` past the last token): same hits, same
    /// order.
    fn walk(
        &self,
        text: &Normalized,
        word_at: impl Fn(usize) -> Option<u32>,
        mut on_hit: impl FnMut(PhraseHit, &str),
    ) {
        let n = text.tokens.len();
        let mut next_token = 0usize;
        for i in 0..n {
            if i < next_token {
                continue;
            }
            let Some(mut node) = word_at(i)
                .and_then(|w| self.first.get(w as usize))
                .and_then(|&n| self.nodes.get(n as usize))
            else {
                continue;
            };
            let mut best: Option<(usize, u32)> = None;
            let mut j = i;
            loop {
                j += 1;
                if node.pattern != NO_PATTERN {
                    best = Some((j, node.pattern));
                }
                if node.end_child == node.first_child {
                    break;
                }
                let next = word_at(j)
                    .filter(|&w| w != NOT_A_WORD)
                    .and_then(|w| self.child(node, w));
                match next {
                    Some(n) => node = n,
                    None => break,
                }
            }
            let Some((end_token, pattern)) = best else {
                continue;
            };
            next_token = end_token;
            if !report_hit(text, i, end_token, pattern, &mut on_hit) {
                break;
            }
        }
    }
}

/// The words of the keys, found by hash. Open addressing over `u64` slots packing the low 32
/// bits of the hash and the word index, so the table of a lexicon stays within a few pages of
/// cache; a slot's word is compared byte for byte before it is believed.
///
/// Written here rather than using `HashMap`: a lookup is a hash and usually one load, where the
/// standard map costs several times that on the tokens of every post.
struct Vocabulary {
    /// Words of at most 8 bytes, by their packed bytes (see [`ShortSlot`]).
    short: Box<[ShortSlot]>,
    short_shift: u32,
    /// One bit per word, by its packed bytes (short words) or its hash (longer ones): a
    /// one-hash Bloom filter. Most tokens are no word
    /// of the keys, and this table is small enough to stay in the L1 cache when the slots,
    /// read at random, would not (the classifier's weights evict them).
    short_filter: Box<[u64]>,
    short_filter_shift: u32,
    /// Longer words, by hash.
    slots: Box<[u64]>,
    shift: u32,
    /// Word `i` is `bytes[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<u32>,
    bytes: Vec<u8>,
}

impl Vocabulary {
    /// `None` only past 4 GiB of words.
    fn new(words: &[&[u8]]) -> Option<Vocabulary> {
        let long_words = words.iter().filter(|w| w.is_empty() || w.len() > 8).count();
        let size = (long_words * 4).next_power_of_two().max(16);
        let short_size = (words.len() * 2).next_power_of_two().max(16);
        let filter_bits = (words.len() * 16).next_power_of_two().max(1024);
        let mut v = Vocabulary {
            short: vec![ShortSlot::EMPTY; short_size].into_boxed_slice(),
            short_shift: 64 - short_size.trailing_zeros(),
            short_filter: vec![0u64; filter_bits / 64].into_boxed_slice(),
            short_filter_shift: 64 - filter_bits.trailing_zeros(),
            slots: vec![0u64; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
            ends: Vec::with_capacity(words.len()),
            bytes: Vec::new(),
        };
        for (i, word) in words.iter().enumerate() {
            v.bytes.extend_from_slice(word);
            v.ends.push(u32::try_from(v.bytes.len()).ok()?);
            let index = u32::try_from(i).ok().filter(|&i| i != NOT_A_WORD)?;
            if !word.is_empty() && word.len() <= 8 {
                let key = pack_at(word, 0, word.len())?;
                let bit = v.filter_bit(key);
                v.short_filter[bit / 64] |= 1 << (bit % 64);
                let mut at = v.short_slot(key);
                while v.short[at].word != NOT_A_WORD {
                    at = (at + 1) & (short_size - 1);
                }
                v.short[at] = ShortSlot {
                    key,
                    len: word.len() as u32,
                    word: index,
                };
                continue;
            }
            let hash = word_hash(word);
            let bit = v.filter_bit(hash);
            v.short_filter[bit / 64] |= 1 << (bit % 64);
            let entry = (hash << 32) | (i as u64 + 1);
            let mut at = v.slot(hash);
            while v.slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            v.slots[at] = entry;
        }
        Some(v)
    }

    #[inline(always)]
    fn slot(&self, hash: u64) -> usize {
        (hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn word(&self, i: usize) -> &[u8] {
        let start = match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.bytes.get(start as usize..end as usize).unwrap_or(&[])
    }

    #[inline(always)]
    fn short_slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.short_shift) as usize
    }

    /// Index of the word of `len` (1 to 8) bytes packed in `key` (see [`pack_at`]), or
    /// `NOT_A_WORD`.
    #[inline(always)]
    fn filter_bit(&self, key: u64) -> usize {
        (key.wrapping_mul(0xff51_afd7_ed55_8ccd) >> self.short_filter_shift) as usize
    }

    #[inline(always)]
    fn get_short(&self, key: u64, len: usize) -> u32 {
        let bit = self.filter_bit(key);
        let in_filter = self
            .short_filter
            .get(bit / 64)
            .is_some_and(|w| w >> (bit % 64) & 1 != 0);
        if !in_filter {
            return NOT_A_WORD;
        }
        let mask = self.short.len() - 1;
        let mut at = self.short_slot(key);
        loop {
            let Some(slot) = self.short.get(at) else {
                return NOT_A_WORD;
            };
            if slot.word == NOT_A_WORD || (slot.key == key && slot.len as usize == len) {
                return slot.word;
            }
            at = (at + 1) & mask;
        }
    }

    /// Index of the word of 1 to 8 bytes packed in `key` (see [`vigie_text::squeezed_key`];
    /// not 0), or `NOT_A_WORD`.
    #[inline(always)]
    fn get_packed(&self, key: u64) -> u32 {
        let len = 8 - (key.leading_zeros() / 8) as usize;
        self.get_short(key, len)
    }

    /// Index of `token` among the words, if it is one.
    #[inline(always)]
    fn get(&self, token: &[u8]) -> Option<u32> {
        if !token.is_empty() && token.len() <= 8 {
            let key = pack_at(token, 0, token.len())?;
            return Some(self.get_short(key, token.len())).filter(|&w| w != NOT_A_WORD);
        }
        let hash = word_hash(token);
        let bit = self.filter_bit(hash);
        if self
            .short_filter
            .get(bit / 64)
            .is_none_or(|w| w >> (bit % 64) & 1 == 0)
        {
            return None;
        }
        let tag = hash << 32;
        let mask = self.slots.len() - 1;
        let mut at = self.slot(hash);
        loop {
            let entry = *self.slots.get(at)?;
            if entry == 0 {
                return None;
            }
            if entry & !0xffff_ffff == tag {
                let i = (entry & 0xffff_ffff) as usize - 1;
                if self.word(i) == token {
                    return Some(i as u32);
                }
            }
            at = (at + 1) & mask;
        }
    }
}

/// A slot of the short-word table: the word's bytes packed little-endian into `key` (zero
/// padded, so `len` tells "a" from "a\0"), and its index (`NOT_A_WORD`: empty slot).
#[derive(Clone, Copy)]
struct ShortSlot {
    key: u64,
    len: u32,
    word: u32,
}

impl ShortSlot {
    const EMPTY: ShortSlot = ShortSlot {
        key: 0,
        len: 0,
        word: NOT_A_WORD,
    };
}

/// The `len` (at most 8) bytes of `hay` at `start`, packed little-endian into a `u64`, zero
/// padded: one unaligned load when 8 bytes can be read there. `None` if out of bounds.
#[inline(always)]
fn pack_at(hay: &[u8], start: usize, len: usize) -> Option<u64> {
    if len > 8 {
        return None;
    }
    let bytes = hay.get(start..start.checked_add(len)?)?;
    if let Some(eight) = hay.get(start..start + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let mask = if len == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * len)) - 1
        };
        return Some(u64::from_le_bytes(word) & mask);
    }
    let mut word = [0u8; 8];
    for (slot, &b) in word.iter_mut().zip(bytes) {
        *slot = b;
    }
    Some(u64::from_le_bytes(word))
}

/// Hash of a word: FxHash steps over 8-byte loads, the last one overlapping the one before so
/// that no load is shorter (words are short: most take one or two steps). Written here rather
/// than taken from a crate because it is a few lines and only needs to spread words over the
/// vocabulary's slots; matches are confirmed byte for byte.
#[inline(always)]
fn word_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let step = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(K);
    let len = bytes.len();
    let h = len as u64;
    let le8 = |at: usize| {
        bytes
            .get(at..at + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let le4 = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    if len >= 8 {
        let mut h = h;
        let mut at = 0;
        while at + 8 < len {
            h = step(h, le8(at));
            at += 8;
        }
        step(h, le8(len - 8))
    } else if len >= 4 {
        step(h, le4(0) | (le4(len - 4) << 32))
    } else if len > 0 {
        let b = |i: usize| u64::from(bytes[i]);
        step(h, b(0) | (b(len / 2) << 8) | (b(len - 1) << 16))
    } else {
        step(h, 0)
    }
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
/// Whether `b` can start a quotation mark: `"` and `'`, and the lead bytes of « » (C2) and of
/// “ ” ‘ ’ (E2).
#[inline(always)]
fn is_quote_lead(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// Where the first byte of `hay` that can start a quotation mark is: eight bytes per step (an
/// exact zero-byte test per candidate value on a packed `u64`), then byte by byte.
#[inline]
fn find_quote_lead(hay: &[u8]) -> Option<usize> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const fn each(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    // The high bit of each byte is set exactly where that byte of `x` is zero.
    let zero_bytes = |x: u64| !(((x & LOW7).wrapping_add(LOW7)) | x) & !LOW7;
    let mut at = 0;
    while let Some(chunk) = hay.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let found = zero_bytes(w ^ each(b'"'))
            | zero_bytes(w ^ each(b'\''))
            | zero_bytes(w ^ each(0xC2))
            | zero_bytes(w ^ each(0xE2));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = hay.get(at..)?;
    rest.iter().position(|&b| is_quote_lead(b)).map(|k| at + k)
}

pub(crate) struct QuoteScanner<'a> {
    original: &'a str,
    /// Next byte to read.
    pos: usize,
    /// Every char before this byte offset has been read.
    read_to: usize,
    inside: bool,
}

impl<'a> QuoteScanner<'a> {
    pub(crate) fn new(original: &'a str) -> Self {
        QuoteScanner {
            original,
            pos: 0,
            read_to: 0,
            inside: false,
        }
    }

    pub(crate) fn quoted(&mut self, at: usize) -> bool {
        if at < self.read_to {
            *self = QuoteScanner::new(self.original);
        }
        let text = self.original;
        let bytes = text.as_bytes();
        let end = at.min(bytes.len());
        let mut i = self.pos;
        // Only quotation marks change the state, so the scan jumps from one byte that can start
        // one to the next: `"` and `'`, and the lead bytes of « » (C2) and of “ ” ‘ ’ (E2).
        while i < end {
            let Some(k) = find_quote_lead(&bytes[i..end]) else {
                i = end;
                break;
            };
            i += k;
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let len = c.len_utf8();
            let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
            match c {
                '"' => self.inside = !self.inside,
                '“' | '«' => self.inside = true,
                '”' | '»' => self.inside = false,
                '\'' | '‘' | '’' => {
                    let prev = text.get(..i).and_then(|before| before.chars().next_back());
                    let next = text.get(i + len..).and_then(|after| after.chars().next());
                    if !alnum(prev) && alnum(next) {
                        self.inside = true;
                    } else if !alnum(next) && self.inside {
                        self.inside = false;
                    }
                }
                _ => {}
            }
            i += len;
        }
        self.pos = i;
        self.read_to = at;
        self.inside
    }
}

#[cfg(test)]
mod tests {
    use super::{PhraseSet, PhraseSetBuilder, QuoteScanner, phrase_key, quoted};
    use proptest::prelude::*;
    use vigie_text::{Lang, Normalizer};

    /// Every phrase of the shipped lexicons, patterns and groups, as one set, built once.
    fn shipped_phrases() -> &'static PhraseSet<()> {
        static SET: std::sync::OnceLock<PhraseSet<()>> = std::sync::OnceLock::new();
        SET.get_or_init(build_shipped_phrases)
    }

    fn build_shipped_phrases() -> PhraseSet<()> {
        let normalizer = Normalizer::new();
        let mut builder = PhraseSetBuilder::new();
        let d = crate::defaults::LEXICON_EN
            .lines()
            .chain(crate::defaults::LEXICON_FR.lines());
        for line in d.filter(|l| !l.trim_start().starts_with('#')) {
            if let Some(term) = line.split(',').nth(1) {
                let key = phrase_key(&normalizer, term.trim_matches('"'), Lang::Other);
                builder.add(key.squeezed, ());
            }
        }
        for source in [
            crate::defaults::PATTERNS_EN,
            crate::defaults::PATTERNS_FR,
            crate::defaults::GROUPS,
        ] {
            // Every quoted string of the TOML files: role phrases, group terms (and a few
            // names and ids, which only add keys).
            for phrase in source.split('"').skip(1).step_by(2) {
                let key = phrase_key(&normalizer, phrase, Lang::Other);
                builder.add(key.squeezed, ());
            }
        }
        // Keys the text stage never produces: an inner double space, a trailing space.
        builder.add("kill  you".to_owned(), ());
        builder.add("you ".to_owned(), ());
        match builder.build("test") {
            Ok(set) => set,
            Err(e) => panic!("{e}"),
        }
    }

    /// How [`hits`] matches.
    #[derive(Clone, Copy, PartialEq)]
    enum How {
        /// The byte automaton, which defines what a hit is.
        Bytes,
        /// The word trie, with the normalizer's packed keys.
        Keys,
        /// The word trie, the keys cleared (a caller that edited the tokens).
        NoKeys,
    }

    fn hits(set: &PhraseSet<()>, text: &str, how: How) -> Vec<(u32, u16, u16, String)> {
        let mut n = Normalizer::new().normalize(text, None);
        let mut out = Vec::new();
        let record = |h: super::PhraseHit, folded: &str| {
            out.push((h.pattern, h.first_token, h.end_token, folded.to_owned()))
        };
        match how {
            How::Bytes => set.for_each_hit_bytes(&n, record),
            How::Keys => set.for_each_hit(&n, record),
            How::NoKeys => {
                n.squeezed_keys.clear();
                set.for_each_hit(&n, record)
            }
        }
        out
    }

    /// Hits by the word trie, with and without the packed keys; both must be the bytes' hits.
    fn word_hits(set: &PhraseSet<()>, text: &str) -> [Vec<(u32, u16, u16, String)>; 2] {
        [hits(set, text, How::Keys), hits(set, text, How::NoKeys)]
    }

    /// The word trie finds exactly what the byte automaton finds.
    #[test]
    fn word_trie_hits_are_the_byte_automaton_hits() {
        let set = shipped_phrases();
        assert!(set.words.is_some());
        let texts = [
            "I will kill you, I know where you live",
            "someone should shoot the mayor on friday at the city hall",
            "je vais te tuer, il faut pendre ces traîtres, mort aux cons",
            "k i l l   y o u, sale b.o.u.g.n.o.u.l.e",
            "you you you you kill kill kill death to death to",
            "",
            "   ",
            "¨ ¼ ½ ǆ ﬀ ㎏ ℡ ‥",
            "kill ¨ you",
        ];
        let mut found = 0;
        for text in texts {
            let bytes = hits(set, text, How::Bytes);
            found += bytes.len();
            assert_eq!(word_hits(set, text), [bytes.clone(), bytes], "{text:?}");
        }
        assert!(found > 10, "the texts should hit phrases ({found})");
        let long = texts.join(" ").repeat(8);
        let bytes = hits(set, &long, How::Bytes);
        assert!(bytes.len() > 80);
        assert_eq!(word_hits(set, &long), [bytes.clone(), bytes]);
        let corpus = include_str!("../tests/cases/threats_en.jsonl").lines();
        for line in corpus.chain(include_str!("../tests/cases/threats_fr.jsonl").lines()) {
            let bytes = hits(set, line, How::Bytes);
            assert_eq!(word_hits(set, line), [bytes.clone(), bytes], "{line:?}");
        }
    }

    /// The quote state as first written: every char read in turn.
    fn reference_quoted(original: &str, at: usize) -> bool {
        let mut chars = original.char_indices().peekable();
        let (mut inside, mut prev) = (false, None);
        while let Some(&(i, c)) = chars.peek() {
            if i >= at {
                break;
            }
            chars.next();
            let next = chars.peek().map(|&(_, n)| n);
            let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
            match c {
                '"' => inside = !inside,
                '“' | '«' => inside = true,
                '”' | '»' => inside = false,
                '\'' | '‘' | '’' => {
                    if !alnum(prev) && alnum(next) {
                        inside = true;
                    } else if !alnum(next) && inside {
                        inside = false;
                    }
                }
                _ => {}
            }
            prev = Some(c);
        }
        inside
    }

    proptest! {
        /// Jumping from quotation mark to quotation mark reads the state a full scan reads.
        #[test]
        fn quote_scanner_agrees_with_a_full_scan(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("\""), Just("'"), Just("‘"), Just("’"), Just("“"), Just("”"), Just("«"),
                    Just("»"), Just("é"), Just("…"), Just("—"), Just("a"), Just(" "), Just("1"),
                    Just("\u{a0}"), Just("¿"),
                ],
                0..30,
            ),
        ) {
            let text: String = parts.concat();
            let mut scanner = QuoteScanner::new(&text);
            for at in 0..=text.len() + 1 {
                prop_assert_eq!(scanner.quoted(at), reference_quoted(&text, at), "{:?} at {}", text, at);
            }
        }
    }

    /// Every word is found at its index, and nothing else is, through long probe chains.
    #[test]
    fn vocabulary_finds_its_words_and_only_them() {
        let owned: Vec<String> = (0..3000)
            .map(|i| format!("w{}", i * 7919 % 10007))
            .collect();
        let words: Vec<&[u8]> = owned.iter().map(|w| w.as_bytes()).collect();
        let Some(v) = super::Vocabulary::new(&words) else {
            panic!("vocabulary");
        };
        for (i, w) in words.iter().enumerate() {
            assert_eq!(v.get(w), Some(i as u32));
            assert_eq!(v.get_packed(vigie_text::squeezed_key(w)), i as u32);
            let other = format!("{}x", owned[i]);
            assert_eq!(v.get(other.as_bytes()), None);
            assert_eq!(
                v.get_packed(vigie_text::squeezed_key(other.as_bytes())),
                super::NOT_A_WORD
            );
        }
        assert_eq!(v.get(b""), None);
        assert_eq!(v.get(b"w"), None);
    }

    /// A layout the text stage does not produce today (a token holding a space) is matched on
    /// bytes, as before the word trie.
    #[test]
    fn a_token_holding_a_space_is_matched_on_bytes() {
        let mut builder = PhraseSetBuilder::new();
        // Squeezed forms, as keys are.
        builder.add("kil you".to_owned(), ());
        builder.add("kil".to_owned(), ());
        let set = match builder.build("test") {
            Ok(set) => set,
            Err(e) => panic!("{e}"),
        };
        let mut n = Normalizer::new().normalize("kill you", Some(Lang::En));
        assert_eq!(n.tokens.len(), 2);
        assert!(super::plain_word_layout(&n));
        n.tokens[0].squeezed.end = n.tokens[1].squeezed.end;
        n.tokens[0].folded.end = n.tokens[1].folded.end;
        n.tokens.truncate(1);
        assert!(!super::plain_word_layout(&n));
        let mut found = Vec::new();
        set.for_each_hit(&n, |h, folded| {
            found.push((h.pattern, h.first_token, h.end_token, folded.to_owned()))
        });
        assert_eq!(found, vec![(0, 0, 1, "kill you".to_owned())]);
    }

    proptest! {
        #[test]
        fn word_trie_agrees_with_the_byte_automaton_on_any_text(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("kill".to_owned()), Just("you".to_owned()), Just("i".to_owned()),
                    Just("will".to_owned()), Just("death".to_owned()), Just("to".to_owned()),
                    Just("je".to_owned()), Just("vais".to_owned()), Just("te".to_owned()),
                    Just("tuer".to_owned()), Just("the".to_owned()), Just("jews".to_owned()),
                    "\\PC{0,6}",
                ],
                0..24,
            ),
            glue in proptest::collection::vec(prop_oneof![Just(" "), Just(". "), Just("-"), Just(" ¨ "), Just("'")], 24),
        ) {
            let set = shipped_phrases();
            let mut text = String::new();
            for (w, g) in words.iter().zip(&glue) {
                text.push_str(w);
                text.push_str(g);
            }
            let bytes = hits(set, &text, How::Bytes);
            prop_assert_eq!(word_hits(set, &text), [bytes.clone(), bytes]);
        }
    }

    proptest! {
        #[test]
        fn quote_leads_are_found_like_a_byte_scan(
            hay in proptest::collection::vec(prop_oneof![
                Just(b'"'), Just(b'\''), Just(0xC2u8), Just(0xE2u8), Just(0xC3u8), Just(b'a'),
                Just(b' '), Just(0x22u8 ^ 0x80), Just(0x27u8 ^ 0x80), any::<u8>(),
            ], 0..40),
            filler in 0usize..40,
        ) {
            let mut hay = hay;
            hay.splice(0..0, std::iter::repeat_n(b'x', filler));
            let expected = hay.iter().position(|&b| super::is_quote_lead(b));
            prop_assert_eq!(super::find_quote_lead(&hay), expected);
        }
    }

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
