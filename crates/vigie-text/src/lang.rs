//! Language identification: English, French or other.
//!
//! The cheap path counts the most frequent function words of each language among the tokens
//! (an open-addressing table keyed by the token packed into a `u64`: one multiply and one or
//! two comparisons per short token) plus French accented letters. Only when that is
//! inconclusive on a post long enough for trigram statistics does it ask `whatlang`, restricted
//! to a few Latin-script languages so that Spanish or German come out as "other" rather than
//! being forced into English or French.

use crate::{Lang, Normalized};

/// Function words, in their folded form (accents removed, elisions split: "l'arabe" gives the
/// token "l"). Words common to both languages ("on", "me", "son", "plus", "a") are left out.
const ENGLISH: &[&str] = &[
    "the", "and", "you", "to", "is", "are", "i", "of", "that", "it", "in", "for", "this", "not",
    "with", "be", "have", "my", "your", "they", "he", "she", "we", "what", "was", "will", "just",
    "do", "dont", "can", "so", "all", "if", "at", "like", "but", "get", "them", "about", "from",
    "by", "there", "their", "one", "how", "why", "who", "would", "should", "im", "its", "been",
    "has", "had", "were", "when", "up", "out", "people", "know", "him", "her", "his", "our", "us",
    "these", "those", "than", "then", "because", "want", "going", "gonna", "think", "really",
    "very", "yes", "did", "does", "here", "some", "any", "more", "only", "being", "which", "where",
    "much", "youre", "thats", "cant", "got", "no",
];

const FRENCH: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "est", "je", "tu", "il", "elle",
    "nous", "vous", "ils", "elles", "que", "qui", "pas", "ne", "ce", "cette", "ces", "pour",
    "dans", "sur", "avec", "au", "aux", "mais", "ou", "sont", "suis", "tres", "tout", "tous",
    "toute", "comme", "sa", "ses", "mon", "ma", "mes", "ta", "tes", "lui", "leur", "leurs", "faut",
    "etre", "fait", "va", "vais", "en", "se", "te", "moi", "toi", "rien", "bien", "meme", "ca",
    "quand", "parce", "alors", "donc", "deja", "encore", "avoir", "ont", "sans", "chez", "ici",
    "oui", "quoi", "jamais", "toujours", "peut", "etait", "nos", "vos", "votre", "notre", "contre",
    "apres", "avant", "entre", "depuis", "cet", "j", "l", "d", "qu", "c", "n", "y", "faire",
    "veux", "ai", "avez", "sommes", "etes",
];

const TABLE_BITS: u32 = 9;
const TABLE_SIZE: usize = 1 << TABLE_BITS;

/// Packs a word of at most 8 bytes into a non-zero `u64`; longer or empty words give `None`.
#[inline]
fn pack(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    for (i, &b) in word.iter().enumerate() {
        key |= (b as u64) << (8 * i);
    }
    Some(key)
}

#[inline]
fn slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

/// Votes of a function word: +1 English, -1 French.
#[derive(Clone)]
pub(crate) struct FunctionWords {
    keys: Box<[u64]>,
    votes: Box<[i8]>,
}

impl std::fmt::Debug for FunctionWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FunctionWords")
            .field("words", &self.keys.iter().filter(|&&k| k != 0).count())
            .finish()
    }
}

impl FunctionWords {
    pub(crate) fn new() -> FunctionWords {
        let mut keys = vec![0u64; TABLE_SIZE].into_boxed_slice();
        let mut votes = vec![0i8; TABLE_SIZE].into_boxed_slice();
        let entries = ENGLISH
            .iter()
            .map(|w| (w, 1i8))
            .chain(FRENCH.iter().map(|w| (w, -1i8)));
        for (word, vote) in entries {
            let Some(key) = pack(word.as_bytes()) else {
                continue;
            };
            let mut i = slot(key);
            // The table is far from full (≈ 220 words in 512 slots), so probing ends.
            while keys[i] != 0 && keys[i] != key {
                i = (i + 1) & (TABLE_SIZE - 1);
            }
            keys[i] = key;
            votes[i] = vote;
        }
        FunctionWords { keys, votes }
    }

    #[inline]
    pub(crate) fn vote(&self, word: &[u8]) -> i8 {
        let Some(key) = pack(word) else {
            return 0;
        };
        let mut i = slot(key);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.votes[i];
            }
            if k == 0 {
                return 0;
            }
            i = (i + 1) & (TABLE_SIZE - 1);
        }
    }
}

/// Counts gathered while normalizing a post.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct LangCues {
    pub french_accents: u32,
    pub latin_letters: u32,
    pub other_letters: u32,
}

/// Below this many letters, trigram statistics say little and `whatlang` is not asked.
const MIN_LETTERS_FOR_FALLBACK: u32 = 40;

pub(crate) struct LangIdentifier {
    words: FunctionWords,
    fallback: whatlang::Detector,
}

impl std::fmt::Debug for LangIdentifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LangIdentifier")
            .field("words", &self.words)
            .finish_non_exhaustive()
    }
}

impl Clone for LangIdentifier {
    fn clone(&self) -> Self {
        LangIdentifier {
            words: self.words.clone(),
            fallback: self.fallback.clone(),
        }
    }
}

impl LangIdentifier {
    pub(crate) fn new() -> LangIdentifier {
        use whatlang::Lang as W;
        LangIdentifier {
            words: FunctionWords::new(),
            fallback: whatlang::Detector::with_allowlist(vec![
                W::Eng,
                W::Fra,
                W::Spa,
                W::Por,
                W::Ita,
                W::Deu,
                W::Nld,
            ]),
        }
    }

    /// Language and confidence of a normalized post; `original` is only read by the fallback.
    pub(crate) fn identify(
        &self,
        original: &str,
        text: &Normalized,
        cues: LangCues,
    ) -> (Lang, f32) {
        if cues.other_letters > cues.latin_letters {
            // Mostly non-Latin script: neither English nor French.
            let share =
                cues.other_letters as f32 / (cues.other_letters + cues.latin_letters) as f32;
            return (Lang::Other, share);
        }
        let mut english = 0u32;
        let mut french = 0u32;
        let bytes = text.folded.as_bytes();
        for token in &text.tokens {
            let word = bytes
                .get(token.folded.start as usize..token.folded.end as usize)
                .unwrap_or(&[]);
            match self.words.vote(word) {
                1 => english += 1,
                -1 => french += 1,
                _ => {}
            }
        }
        // Accents are a weaker cue than words (names, loanwords): half a vote each, at most 2.
        let french_score = french as f32 + (cues.french_accents as f32 * 0.5).min(2.0);
        let english_score = english as f32;
        let total = french_score + english_score;
        let best = french_score.max(english_score);
        if total > 0.0 && best / total >= 0.7 && (best >= 2.0 || text.tokens.len() <= 4) {
            let share = best / total;
            // Confidence grows with the evidence: 1 cue → ½ of the share, 2 → ¾, 3 → ⅞…
            let confidence = share * (1.0 - 0.5f32.powf(best));
            let lang = if french_score > english_score {
                Lang::Fr
            } else {
                Lang::En
            };
            return (lang, confidence);
        }
        if cues.latin_letters >= MIN_LETTERS_FOR_FALLBACK
            && let Some(info) = self.fallback.detect(original)
        {
            let lang = match info.lang() {
                whatlang::Lang::Eng => Lang::En,
                whatlang::Lang::Fra => Lang::Fr,
                _ => Lang::Other,
            };
            return (lang, info.confidence() as f32);
        }
        if total > 0.0 {
            // Weak lead from very few cues.
            let lang = if french_score > english_score {
                Lang::Fr
            } else if english_score > french_score {
                Lang::En
            } else {
                Lang::Other
            };
            if lang != Lang::Other {
                return (lang, 0.3 * best / total);
            }
        }
        (Lang::Other, 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_vote_for_their_language() {
        let words = FunctionWords::new();
        assert_eq!(words.vote(b"the"), 1);
        assert_eq!(words.vote(b"because"), 1);
        assert_eq!(words.vote(b"les"), -1);
        assert_eq!(words.vote(b"qu"), -1);
        assert_eq!(words.vote(b"kill"), 0);
        assert_eq!(words.vote(b"on"), 0);
        assert_eq!(words.vote(b"averyveryverylongword"), 0);
        assert_eq!(words.vote(b""), 0);
    }

    #[test]
    fn word_lists_do_not_overlap() {
        for w in ENGLISH {
            assert!(!FRENCH.contains(w), "{w} is in both lists");
        }
    }
}
