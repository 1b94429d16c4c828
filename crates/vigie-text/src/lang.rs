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
    // Frequent in posts rather than in books: informal spelling and swearing are strong cues.
    "lol", "lmao", "fuck", "fucking", "shit", "bitch", "bitches", "ass", "hoe", "hoes", "nigga",
    "niggas", "aint", "ur", "gotta", "wanna", "yall", "every", "good", "love", "time", "now",
    "make", "see", "go", "right", "never", "still", "over", "back", "even", "into", "could",
    "other", "after", "well", "way", "day", "need", "stop", "little", "look", "said", "say", "off",
    "take", "only", "ever", "trash", "ugly", "dumb", "smh",
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
    "veux", "ai", "avez", "sommes", "etes", "putain", "merde", "connard", "salope", "mdr", "ptdr",
    "jsuis", "trop", "vraiment", "dit", "gens", "fois", "pourquoi", "ceux", "peu", "ans", "mec",
    "aussi", "juste", "doit", "cela", "sinon", "chaque", "pays", "nan", "bah", "wesh", "genre",
];

/// Function words of other Latin-script languages that are not English or French words: they
/// keep Spanish, Italian, Portuguese or German posts from being read as French because they
/// share "la", "en" or "de".
const OTHER: &[&str] = &[
    "el", "los", "las", "por", "con", "para", "pero", "muy", "del", "lo", "una", "esta", "mis",
    "yo", "ella", "porque", "hoy", "che", "di", "della", "sono", "gli", "questo", "mio", "der",
    "die", "und", "ist", "nicht", "das", "ich", "mit", "ein", "eine", "zu", "von", "den", "auf",
    "nao", "uma", "com", "voce", "isso", "muito", "het", "een", "niet", "ik", "van",
];

const TABLE_BITS: u32 = 10;
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

/// Vote of a function word.
pub(crate) const VOTE_EN: i8 = 1;
pub(crate) const VOTE_FR: i8 = 2;
pub(crate) const VOTE_OTHER: i8 = 3;

/// Votes of function words (see `VOTE_*`; 0 = not a function word).
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
            .map(|w| (w, VOTE_EN))
            .chain(FRENCH.iter().map(|w| (w, VOTE_FR)))
            .chain(OTHER.iter().map(|w| (w, VOTE_OTHER)));
        for (word, vote) in entries {
            let Some(key) = pack(word.as_bytes()) else {
                continue;
            };
            let mut i = slot(key);
            // The table is far from full (≈ 330 words in 1024 slots), so probing ends.
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
const MIN_LETTERS_FOR_FALLBACK: u32 = 120;

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
        let mut other = 0u32;
        let bytes = text.folded.as_bytes();
        for token in &text.tokens {
            let word = bytes
                .get(token.folded.start as usize..token.folded.end as usize)
                .unwrap_or(&[]);
            match self.words.vote(word) {
                VOTE_EN => english += 1,
                VOTE_FR => french += 1,
                VOTE_OTHER => other += 1,
                _ => {}
            }
        }
        // Accents are a weaker cue than words (names, loanwords): half a vote each, at most 2.
        let french_score = french as f32 + (cues.french_accents as f32 * 0.5).min(2.0);
        let english_score = english as f32;
        let total = french_score + english_score + other as f32;
        let best = french_score.max(english_score);
        let tokens = text.tokens.len().max(1) as f32;
        // Function words make up a third or more of ordinary English and French; fewer hits on a
        // long post mean another language sharing a few words ("la", "en") or a list of names.
        let coverage = best / tokens;
        let conclusive = total > 0.0
            && best / total >= 0.7
            && (best >= 2.0 || tokens <= 4.0)
            && (tokens < 8.0 || coverage >= 0.15);
        if conclusive {
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
            // Trigrams go astray on hashtags and user names: they may not pick a language that
            // got no function word while the other one did.
            let (own, rival, rival_lang) = match lang {
                Lang::En => (english_score, french_score, Lang::Fr),
                Lang::Fr => (french_score, english_score, Lang::En),
                Lang::Other => (1.0, 0.0, Lang::Other),
            };
            if own == 0.0 && rival > 0.0 {
                return (rival_lang, 0.3 * rival / total);
            }
            return (lang, info.confidence() as f32);
        }
        if total > 0.0 && other == 0 {
            // Weak lead from very few cues, none of them from a third language.
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
        assert_eq!(words.vote(b"the"), VOTE_EN);
        assert_eq!(words.vote(b"because"), VOTE_EN);
        assert_eq!(words.vote(b"les"), VOTE_FR);
        assert_eq!(words.vote(b"qu"), VOTE_FR);
        assert_eq!(words.vote(b"los"), VOTE_OTHER);
        assert_eq!(words.vote(b"kill"), 0);
        assert_eq!(words.vote(b"on"), 0);
        assert_eq!(words.vote(b"averyveryverylongword"), 0);
        assert_eq!(words.vote(b""), 0);
    }

    #[test]
    fn word_lists_do_not_overlap() {
        for w in ENGLISH {
            assert!(
                !FRENCH.contains(w) && !OTHER.contains(w),
                "{w} is in two lists"
            );
        }
        for w in FRENCH {
            assert!(!OTHER.contains(w), "{w} is in two lists");
        }
    }
}
