//! Feature extraction: turns a normalized post and the rule-based signals before the classifier
//! into hashed features, without allocating.
//!
//! Features come in two groups. *Text* features (word unigrams and bigrams, character n-grams
//! inside padded words, negation-scoped words, language-crossed words) all carry the same value
//! `1/sqrt(n)` where `n` is their count, so that long and short posts score on one scale.
//! *Context* features (markers, prior signals, targets, evasion flags, language, bias) carry
//! their own value (1, or the prior signal's score).
//!
//! Extraction is written once, generic over a [`FeatureSink`]: the scorer accumulates weights as
//! features are found (nothing stored), training collects them in a reusable buffer, and
//! `explain` records where each feature came from.

use serde::{Deserialize, Serialize};
use vigie_detect::{Signal, Target};
use vigie_text::{Evasion, Lang, Normalized};

/// How features are hashed; stored in the model header so a model is always read with the
/// settings it was trained with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureSettings {
    /// log2 of the number of hash buckets.
    pub hash_bits: u8,
    /// Character n-gram lengths, in bytes of the folded text (inclusive, at most 8).
    pub char_min: u8,
    pub char_max: u8,
    /// Longest token (in bytes) whose character n-grams are taken: URLs and keyboard mashes
    /// would otherwise flood a post with grams no one else writes.
    pub char_max_token: u8,
    /// How many tokens after a negation word get a negated copy.
    pub negation_scope: u8,
    /// Word order beyond bigrams: each word is paired with each of the words 2 to
    /// `skip_window` tokens before it, in order ("you … morning", "know … live"), one feature
    /// per ordered pair whatever the gap. 0 or 1: none (models before format version 4).
    /// At most [`MAX_SKIP_WINDOW`].
    #[serde(default)]
    pub skip_window: u8,
    /// Skip pairs only from a person pronoun or a negation word to the words after it
    /// ("you … regret", "I … find", "won't … morning"): who acts, and what is denied.
    #[serde(default)]
    pub skip_anchored: bool,
}

/// Widest skip-pair window a model may ask for: the words it looks back on are kept in a
/// fixed ring on the stack.
pub const MAX_SKIP_WINDOW: u8 = 7;
const SKIP_RING: usize = 8;

impl Default for FeatureSettings {
    fn default() -> Self {
        FeatureSettings {
            hash_bits: 19,
            char_min: 3,
            char_max: 4,
            char_max_token: 24,
            negation_scope: 3,
            skip_window: 0,
            skip_anchored: false,
        }
    }
}

impl FeatureSettings {
    pub fn buckets(&self) -> usize {
        1usize << self.hash_bits
    }
}

/// Where a feature came from, for explanations and evidence spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Word {
        token: u32,
    },
    LangWord {
        token: u32,
    },
    Bigram {
        token: u32,
    },
    NegatedWord {
        token: u32,
    },
    /// The word `back` tokens before `token`, then `token`.
    SkipPair {
        token: u32,
        back: u8,
    },
    /// `start`/`len` are byte offsets in the padded token (`' ' + token + ' '`).
    Char {
        token: u32,
        start: u8,
        len: u8,
    },
    Marker(Marker),
    Prior {
        signal: u32,
    },
    PriorCross {
        signal: u32,
        marker: Marker,
    },
    Target {
        signal: u32,
        target: u32,
    },
    Evasion(u8),
    Lang,
    Bias,
}

/// Post-level cues that words alone get wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Negation,
    Quote,
    SecondPerson,
    FirstPerson,
    Identity,
    NegationIdentity,
    QuoteIdentity,
    SecondPersonIdentity,
    SecondPersonNegation,
    EvasionIdentity,
}

impl Marker {
    pub fn name(self) -> &'static str {
        match self {
            Marker::Negation => "negation",
            Marker::Quote => "quotation",
            Marker::SecondPerson => "second_person",
            Marker::FirstPerson => "first_person",
            Marker::Identity => "identity_group",
            Marker::NegationIdentity => "negation×identity_group",
            Marker::QuoteIdentity => "quotation×identity_group",
            Marker::SecondPersonIdentity => "second_person×identity_group",
            Marker::SecondPersonNegation => "second_person×negation",
            Marker::EvasionIdentity => "evasion×identity_group",
        }
    }
}

/// Receives features as they are extracted.
pub trait FeatureSink {
    fn text(&mut self, bucket: u32, origin: Origin);
    fn context(&mut self, bucket: u32, value: f32, origin: Origin);
}

// The hash is written here rather than taken from `rustc-hash`/`ahash` because a model file
// stores weights by bucket: the hash must never change with a dependency update. It is the
// FxHash step (rotate, xor, multiply); the bucket is taken from the high bits of one more
// xor-shift-multiply, where a multiply has mixed in every input bit.
const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline(always)]
fn step(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline(always)]
fn hash_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        h = step(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = step(h, u64::from_le_bytes(word));
    }
    step(h, bytes.len() as u64)
}

#[inline(always)]
fn finish(h: u64, bits: u8) -> u32 {
    ((h ^ (h >> 32)).wrapping_mul(0xff51_afd7_ed55_8ccd) >> (64 - u32::from(bits))) as u32
}

// Namespaces keep a word, a gram and a marker with the same bytes in different buckets.
const NS_WORD: u64 = 0x01;
const NS_LANG_WORD: u64 = 0x02;
const NS_BIGRAM: u64 = 0x03;
const NS_NEG_WORD: u64 = 0x04;
const NS_SKIP_PAIR: u64 = 0x0d;
/// Mixed into packed character grams (which are their own keys) to set them apart from words.
const NS_CHAR_KEY: u64 = 0x5a17_0000_0000_0000;
const K_CHAR: u64 = 0x9e37_79b9_7f4a_7c15;
const NS_MARKER: u64 = 0x06;
const NS_PRIOR: u64 = 0x07;
const NS_PRIOR_CROSS: u64 = 0x08;
const NS_TARGET: u64 = 0x09;
const NS_EVASION: u64 = 0x0a;
const NS_LANG: u64 = 0x0b;
const NS_BIAS: u64 = 0x0c;

fn lang_code(lang: Lang) -> u64 {
    match lang {
        Lang::En => 1,
        Lang::Fr => 2,
        Lang::Other => 3,
    }
}

const NEGATION: &[&str] = &[
    "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot", "dont",
    "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "cant", "couldnt", "shouldnt",
    "wouldnt", "aint", "ne", "pas", "jamais", "aucun", "aucune", "rien", "ni",
    // French "n'" becomes the token "n".
    "n",
];
const SECOND_PERSON: &[&str] = &[
    "you",
    "your",
    "youre",
    "yours",
    "yourself",
    "yourselves",
    "u",
    "ur",
    "ya",
    "tu",
    "toi",
    "te",
    "ton",
    "ta",
    "tes",
    "vous",
    "votre",
    "vos",
];
const FIRST_PERSON: &[&str] = &[
    "i", "im", "me", "my", "we", "us", "our", "je", "j", "moi", "nous", "notre",
];
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "quote",
    "quoted",
    "wrote",
    "tweeted",
    "claims",
    "claimed",
    "called",
    "reported",
    "reportedly",
    "allegedly",
    "dit",
    "disait",
    "declare",
    "ecrit",
    "selon",
    "affirme",
    "pretend",
    "traite",
];
// A short built-in list of group words so the identity marker works even before the lexicon
// detector reports targets; the lexicon's group targets (from `prior`) are the richer source.
const IDENTITY: &[&str] = &[
    "muslim",
    "muslims",
    "islam",
    "islamic",
    "jew",
    "jews",
    "jewish",
    "black",
    "blacks",
    "white",
    "whites",
    "gay",
    "gays",
    "lesbian",
    "lesbians",
    "trans",
    "transgender",
    "women",
    "woman",
    "immigrant",
    "immigrants",
    "refugee",
    "refugees",
    "migrants",
    "arab",
    "arabs",
    "asian",
    "asians",
    "mexican",
    "mexicans",
    "african",
    "africans",
    "christian",
    "christians",
    "disabled",
    "latino",
    "latinos",
    "chinese",
    "musulman",
    "musulmans",
    "musulmane",
    "musulmanes",
    "juif",
    "juifs",
    "juive",
    "juives",
    "noir",
    "noirs",
    "noire",
    "noires",
    "arabe",
    "arabes",
    "immigre",
    "immigres",
    "migrant",
    "femme",
    "femmes",
    "homosexuel",
    "homosexuels",
    "homos",
    "roms",
    "africain",
    "africains",
    "chretiens",
    "handicapes",
];

const F_NEGATION: u8 = 1;
/// "t" after a word ending in "n": "don't" is split into "don" + "t" by the tokenizer.
const F_NEGATION_AFTER_N: u8 = 1 << 1;
const F_SECOND: u8 = 1 << 2;
const F_FIRST: u8 = 1 << 3;
const F_REPORTING: u8 = 1 << 4;
const F_IDENTITY: u8 = 1 << 5;

/// The marker words, keyed by the word's feature hash (already computed for every token), so
/// that finding a token's markers is one probe instead of string comparisons against each
/// list. Built once per classifier.
#[derive(Debug, Clone)]
pub struct MarkerTable {
    slots: Box<[(u64, u8)]>,
}

const MARKER_SLOTS: usize = 1024;

impl Default for MarkerTable {
    fn default() -> Self {
        MarkerTable::new()
    }
}

impl MarkerTable {
    pub fn new() -> MarkerTable {
        let mut table = MarkerTable {
            slots: vec![(0u64, 0u8); MARKER_SLOTS].into_boxed_slice(),
        };
        for (words, flag) in [
            (NEGATION, F_NEGATION),
            (&["t"][..], F_NEGATION_AFTER_N),
            (SECOND_PERSON, F_SECOND),
            (FIRST_PERSON, F_FIRST),
            (REPORTING, F_REPORTING),
            (IDENTITY, F_IDENTITY),
        ] {
            for w in words {
                table.insert(hash_bytes(NS_WORD, w.as_bytes()), flag);
            }
        }
        table
    }

    fn slot(hash: u64) -> usize {
        (hash >> 54) as usize & (MARKER_SLOTS - 1)
    }

    fn insert(&mut self, hash: u64, flag: u8) {
        let mut i = Self::slot(hash);
        // Fewer than 200 words in 1024 slots: a free slot is always found.
        for _ in 0..MARKER_SLOTS {
            let slot = &mut self.slots[i];
            if slot.1 == 0 || slot.0 == hash {
                slot.0 = hash;
                slot.1 |= flag;
                return;
            }
            i = (i + 1) & (MARKER_SLOTS - 1);
        }
    }

    #[inline]
    fn get(&self, hash: u64) -> u8 {
        let mut i = Self::slot(hash);
        loop {
            let (h, flags) = self.slots[i];
            if flags == 0 {
                return 0;
            }
            if h == hash {
                return flags;
            }
            i = (i + 1) & (MARKER_SLOTS - 1);
        }
    }
}

/// Straight and curly double quotes and guillemets. Curly single quotes are left out: ’ is
/// mostly an apostrophe.
fn has_quote_char(original: &str) -> bool {
    // `contains` on bytes and chars runs on memchr: most posts have none of these.
    original.as_bytes().contains(&b'"')
        || (!original.is_ascii()
            && ['“', '”', '„', '«', '»']
                .iter()
                .any(|&c| original.contains(c)))
}

/// Extracts every feature of one post into `sink`. Never panics, never allocates.
pub fn extract<S: FeatureSink>(
    settings: &FeatureSettings,
    markers: &MarkerTable,
    original: &str,
    normalized: &Normalized,
    prior: &[Signal],
    sink: &mut S,
) {
    let bits = settings.hash_bits;
    let lang = lang_code(normalized.lang);
    let folded = normalized.folded.as_bytes();
    let token_bytes = |i: usize| -> &[u8] {
        let r = &normalized.tokens[i].folded;
        folded.get(r.start as usize..r.end as usize).unwrap_or(&[])
    };

    let mut negation = false;
    let mut second = false;
    let mut first = false;
    let mut quote = false;
    let mut identity = false;
    let mut negation_left = 0u8;
    let mut prev_word_hash = 0u64;
    let mut prev_ends_n = false;
    let skip_window = usize::from(settings.skip_window.min(MAX_SKIP_WINDOW));
    // The last words' hashes, by token index modulo the ring's size.
    let mut recent = [0u64; SKIP_RING];
    let mut recent_anchor = [false; SKIP_RING];

    for i in 0..normalized.tokens.len() {
        let bytes = token_bytes(i);
        let t = i as u32;
        let word_hash = hash_bytes(NS_WORD, bytes);
        sink.text(finish(word_hash, bits), Origin::Word { token: t });
        sink.text(
            finish(step(step(word_hash, NS_LANG_WORD), lang), bits),
            Origin::LangWord { token: t },
        );
        if i > 0 {
            sink.text(
                finish(step(step(prev_word_hash, NS_BIGRAM), word_hash), bits),
                Origin::Bigram { token: t },
            );
        }
        let flags = markers.get(word_hash);
        for back in 2..=skip_window.min(i) {
            if settings.skip_anchored && !recent_anchor[(i - back) % SKIP_RING] {
                continue;
            }
            let earlier = recent[(i - back) % SKIP_RING];
            sink.text(
                finish(step(step(earlier, NS_SKIP_PAIR), word_hash), bits),
                Origin::SkipPair {
                    token: t,
                    back: back as u8,
                },
            );
        }
        recent[i % SKIP_RING] = word_hash;
        recent_anchor[i % SKIP_RING] = flags & (F_FIRST | F_SECOND | F_NEGATION) != 0;
        if negation_left > 0 {
            sink.text(
                finish(step(word_hash, NS_NEG_WORD), bits),
                Origin::NegatedWord { token: t },
            );
            negation_left -= 1;
        }
        if flags & F_NEGATION != 0 || (flags & F_NEGATION_AFTER_N != 0 && prev_ends_n) {
            negation = true;
            negation_left = settings.negation_scope;
        }
        second |= flags & F_SECOND != 0;
        first |= flags & F_FIRST != 0;
        quote |= flags & F_REPORTING != 0;
        identity |= flags & F_IDENTITY != 0;

        if bytes.len() <= usize::from(settings.char_max_token) {
            char_grams(settings, bytes, t, sink);
        }
        prev_word_hash = word_hash;
        prev_ends_n = bytes.last() == Some(&b'n');
    }

    quote |= has_quote_char(original);
    let mut group_target = false;
    for (si, signal) in prior.iter().enumerate() {
        let s = si as u32;
        let score = if signal.score.is_finite() {
            signal.score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let h = step(
            hash_bytes(NS_PRIOR, signal.detector.as_bytes()),
            signal.category.index() as u64,
        );
        sink.context(finish(h, bits), score, Origin::Prior { signal: s });
        for (flag, marker) in [(negation, Marker::Negation), (quote, Marker::Quote)] {
            if flag {
                sink.context(
                    finish(step(step(h, NS_PRIOR_CROSS), marker as u64), bits),
                    score,
                    Origin::PriorCross { signal: s, marker },
                );
            }
        }
        for (ti, target) in signal.targets.iter().enumerate() {
            let th = match target {
                Target::Group { id } => {
                    group_target = true;
                    hash_bytes(step(NS_TARGET, 1), id.as_bytes())
                }
                Target::Watchlisted { role, .. } => hash_bytes(step(NS_TARGET, 2), role.as_bytes()),
                Target::Addressee => step(NS_TARGET, 3),
            };
            sink.context(
                finish(step(th, signal.category.index() as u64), bits),
                1.0,
                Origin::Target {
                    signal: s,
                    target: ti as u32,
                },
            );
        }
    }
    identity |= group_target;

    let evasion = normalized.evasion;
    let markers = [
        (negation, Marker::Negation),
        (quote, Marker::Quote),
        (second, Marker::SecondPerson),
        (first, Marker::FirstPerson),
        (identity, Marker::Identity),
        (negation && identity, Marker::NegationIdentity),
        (quote && identity, Marker::QuoteIdentity),
        (second && identity, Marker::SecondPersonIdentity),
        (second && negation, Marker::SecondPersonNegation),
        (!evasion.is_empty() && identity, Marker::EvasionIdentity),
    ];
    for (on, marker) in markers {
        if on {
            // Each marker once alone and once crossed with the language: the same cue can
            // weigh differently in English and French.
            let h = step(NS_MARKER, marker as u64);
            sink.context(finish(h, bits), 1.0, Origin::Marker(marker));
            sink.context(finish(step(h, lang), bits), 1.0, Origin::Marker(marker));
        }
    }
    for bit in 0..8u8 {
        if evasion.contains(Evasion(1 << bit)) {
            sink.context(
                finish(step(NS_EVASION, u64::from(bit)), bits),
                1.0,
                Origin::Evasion(bit),
            );
        }
    }
    sink.context(finish(step(NS_LANG, lang), bits), 1.0, Origin::Lang);
    sink.context(finish(NS_BIAS, bits), 1.0, Origin::Bias);
}

/// Character n-grams of `' ' + word + ' '`. A gram of up to 8 bytes is its own key (the bytes
/// packed in a u64, taken from a rolling window), so each gram costs one multiply instead of a
/// hash over its bytes.
#[inline(always)]
fn char_grams<S: FeatureSink>(settings: &FeatureSettings, word: &[u8], token: u32, sink: &mut S) {
    let (min, max) = (
        usize::from(settings.char_min.max(1)),
        usize::from(settings.char_max.min(8)),
    );
    let shift = 64 - u32::from(settings.hash_bits);
    // The shipped models use grams of 3 and 4 bytes: with the lengths known at compile time
    // the loop over them unrolls. Same grams, same order as the general loop.
    if (min, max) == (3, 4) {
        char_grams_3_4(word, token, shift, sink);
    } else {
        char_grams_between(min, max, word, token, shift, sink);
    }
}

/// [`char_grams_between`] for grams of 3 and 4 bytes, written out: the window takes the padded
/// word's bytes in turn and, once long enough, gives its last 3 bytes and then its last 4.
/// Same grams, same order.
#[inline(always)]
fn char_grams_3_4<S: FeatureSink>(word: &[u8], token: u32, shift: u32, sink: &mut S) {
    const KEY_3: u64 = (3u64 << 58) ^ NS_CHAR_KEY;
    const KEY_4: u64 = (4u64 << 58) ^ NS_CHAR_KEY;
    let mut emit = |window: u64, end: usize| {
        if end >= 2 {
            let key = (window & 0xff_ffff) ^ KEY_3;
            sink.text(
                (key.wrapping_mul(K_CHAR) >> shift) as u32,
                Origin::Char {
                    token,
                    start: (end - 2).min(255) as u8,
                    len: 3,
                },
            );
        }
        if end >= 3 {
            let key = (window & 0xffff_ffff) ^ KEY_4;
            sink.text(
                (key.wrapping_mul(K_CHAR) >> shift) as u32,
                Origin::Char {
                    token,
                    start: (end - 3).min(255) as u8,
                    len: 4,
                },
            );
        }
    };
    // `end` is the index in the padded word (`' ' + word + ' '`) of the byte just taken.
    let mut window = u64::from(b' ');
    for (k, &byte) in word.iter().enumerate() {
        window = (window << 8) | u64::from(byte);
        emit(window, k + 1);
    }
    window = (window << 8) | u64::from(b' ');
    emit(window, word.len() + 1);
}

#[inline(always)]
fn char_grams_between<S: FeatureSink>(
    min: usize,
    max: usize,
    word: &[u8],
    token: u32,
    shift: u32,
    sink: &mut S,
) {
    let padded_len = word.len() + 2;
    let mut window = 0u64;
    for end in 0..padded_len {
        let byte = if end == 0 || end == padded_len - 1 {
            b' '
        } else {
            word[end - 1]
        };
        window = (window << 8) | u64::from(byte);
        for len in min..=max.min(end + 1) {
            let mask = if len == 8 {
                u64::MAX
            } else {
                (1u64 << (8 * len)) - 1
            };
            let key = (window & mask) ^ ((len as u64) << 58) ^ NS_CHAR_KEY;
            sink.text(
                (key.wrapping_mul(K_CHAR) >> shift) as u32,
                Origin::Char {
                    token,
                    start: (end + 1 - len).min(255) as u8,
                    len: len as u8,
                },
            );
        }
    }
}

/// Collects features in a reusable buffer (training).
#[derive(Debug, Default, Clone)]
pub struct Collected {
    pub text: Vec<u32>,
    pub context: Vec<(u32, f32)>,
}

impl Collected {
    pub fn clear(&mut self) {
        self.text.clear();
        self.context.clear();
    }
    /// Value every text feature carries.
    pub fn text_value(&self) -> f32 {
        if self.text.is_empty() {
            0.0
        } else {
            1.0 / (self.text.len() as f32).sqrt()
        }
    }
}

impl FeatureSink for Collected {
    fn text(&mut self, bucket: u32, _origin: Origin) {
        self.text.push(bucket);
    }
    fn context(&mut self, bucket: u32, value: f32, _origin: Origin) {
        self.context.push((bucket, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_text::Normalizer;

    fn collect(text: &str) -> Collected {
        let n = Normalizer::new().normalize(text, Some(Lang::En));
        let mut c = Collected::default();
        extract(
            &FeatureSettings::default(),
            &MarkerTable::new(),
            text,
            &n,
            &[],
            &mut c,
        );
        c
    }

    #[test]
    fn same_text_same_features_and_buckets_in_range() {
        let a = collect("I will find you");
        let b = collect("I will find you");
        assert_eq!(a.text, b.text);
        let buckets = FeatureSettings::default().buckets() as u32;
        assert!(a.text.iter().all(|&x| x < buckets));
        assert_ne!(a.text, collect("I will feed you").text);
    }

    #[test]
    fn negation_adds_marker_features() {
        let plain = collect("I hate muslims");
        let negated = collect("I do not hate muslims");
        assert!(negated.context.len() > plain.context.len());
    }

    #[test]
    fn marker_table_finds_every_word_and_nothing_else() {
        let table = MarkerTable::new();
        let flags = |w: &str| table.get(hash_bytes(NS_WORD, w.as_bytes()));
        for w in NEGATION {
            assert_ne!(flags(w) & F_NEGATION, 0, "{w}");
        }
        for w in IDENTITY {
            assert_ne!(flags(w) & F_IDENTITY, 0, "{w}");
        }
        assert_ne!(flags("you") & F_SECOND, 0);
        assert_eq!(flags("weather"), 0);
        assert_eq!(flags("kill"), 0);
    }

    #[test]
    fn quotation_marks_are_found_and_apostrophes_are_not() {
        assert!(has_quote_char("he said \"go\""));
        assert!(has_quote_char("il a dit « partez »"));
        assert!(has_quote_char("“kill them” is what he wrote"));
        assert!(!has_quote_char("don’t worry"));
        assert!(!has_quote_char("plain text é à"));
    }

    #[test]
    fn char_grams_are_the_padded_word_grams() {
        struct Grams(Vec<(u8, u8)>);
        impl FeatureSink for Grams {
            fn text(&mut self, _b: u32, o: Origin) {
                if let Origin::Char { start, len, .. } = o {
                    self.0.push((start, len));
                }
            }
            fn context(&mut self, _b: u32, _v: f32, _o: Origin) {}
        }
        let mut g = Grams(Vec::new());
        char_grams(&FeatureSettings::default(), b"kill", 0, &mut g);
        // " kill " has 4 grams of 3 bytes and 3 of 4.
        assert_eq!(g.0.len(), 7);
        assert!(g.0.contains(&(0, 3)) && g.0.contains(&(2, 4)));
    }

    /// The written-out 3-and-4 loop gives the general loop's grams, buckets and order.
    #[test]
    fn char_grams_3_4_are_the_general_grams() {
        #[derive(Default)]
        struct Grams(Vec<(u32, u8, u8)>);
        impl FeatureSink for Grams {
            fn text(&mut self, b: u32, o: Origin) {
                if let Origin::Char { start, len, .. } = o {
                    self.0.push((b, start, len));
                }
            }
            fn context(&mut self, _b: u32, _v: f32, _o: Origin) {}
        }
        let long = "y".repeat(300);
        for word in [
            "",
            "a",
            "ab",
            "abc",
            "kill",
            "muslims",
            "é",
            "x1!",
            long.as_str(),
        ] {
            let (mut fast, mut general) = (Grams::default(), Grams::default());
            char_grams_3_4(word.as_bytes(), 7, 64 - 19, &mut fast);
            char_grams_between(3, 4, word.as_bytes(), 7, 64 - 19, &mut general);
            assert_eq!(fast.0, general.0, "{word:?}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            " ",
            "😀😀",
            "a",
            &"x".repeat(5000),
            "\u{200b}k\u{0301}ill",
        ] {
            let _ = collect(t);
        }
    }
}
