//! Character classes and folding: what each character of a post becomes once case, accents,
//! compatibility forms (fullwidth, mathematical, circled letters, ligatures) and look-alike
//! letters from other scripts are undone.
//!
//! ASCII goes through a 128-entry table; everything else through NFKD (`unicode-normalization`,
//! per character, so the original byte span of every output character stays known), case
//! folding, and two small hand-written tables: Latin letters that have no decomposition
//! (ß, œ, ø, small capitals…) and Cyrillic/Greek look-alikes. The look-alike table is written
//! by hand rather than taken from `unicode-security` skeletons because skeletons work on whole
//! strings (NFD + table + NFD, allocating) and map many *Latin* letters to other prototypes
//! ("m" → "rn"), which is wrong for matching; a `match` on a few dozen code points costs a few
//! nanoseconds. Measured on 300 pool posts (benches/normalize.rs, shared 2-core machine):
//! `decancer::cure` alone ≈ 4.4 µs/post and `unicode_security::skeleton` ≈ 4.8 µs/post, against
//! ≈ 1.3 µs/post for this whole normalization. A test checks every entry against the Unicode
//! confusables data through `unicode_security::skeleton`.
//!
//! NFKD per character followed by dropping combining marks gives the same letters as NFKC
//! followed by accent removal, and keeps each output letter tied to the character it came from.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::Evasion;

/// How a separator character may glue spaced-out letters back together ("k.i.l.l").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    Space,
    Dot,
    Hyphen,
    Underscore,
    Star,
    Other,
}

/// What a character is, for tokenization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Folds to one or more letters.
    Letter,
    /// Folds to ASCII digits.
    Digit,
    /// A symbol that stands for a letter inside a word (`@` → a, `$` → s); carries that letter.
    Leet(u8),
    Apostrophe,
    /// Zero-width and bidi controls: dropped without breaking the word.
    Invisible,
    /// Combining mark: dropped without breaking the word.
    Mark,
    Sep(Sep),
}

/// Which script a letter belongs to, to decide whether Cyrillic/Greek look-alikes are disguise
/// or just Russian and Greek.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    LookAlike,
    Other,
    None,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct CharInfo {
    pub kind: Kind,
    pub script: Script,
    pub evasion: Evasion,
    /// A French accented letter (é, è, ç…), a cue for language identification.
    pub french_accent: bool,
}

impl CharInfo {
    const fn simple(kind: Kind) -> CharInfo {
        CharInfo {
            kind,
            script: Script::None,
            evasion: Evasion::NONE,
            french_accent: false,
        }
    }
}

/// Class of an ASCII byte, as a compact code: see [`ascii_kind`].
const A_LETTER: u8 = 1;
const A_DIGIT: u8 = 2;
const A_LEET: u8 = 3;
const A_APOS: u8 = 4;
const A_SPACE: u8 = 5;
const A_DOT: u8 = 6;
const A_HYPHEN: u8 = 7;
const A_UNDERSCORE: u8 = 8;
const A_STAR: u8 = 9;
const A_OTHER: u8 = 10;
const A_INVISIBLE: u8 = 11;

const ASCII_CLASS: [u8; 128] = {
    let mut t = [A_OTHER; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            A_LETTER
        } else if c.is_ascii_digit() {
            A_DIGIT
        } else {
            match c {
                b'@' | b'$' | b'!' | b'|' | b'+' => A_LEET,
                b'\'' | b'`' => A_APOS,
                b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => A_SPACE,
                b'.' => A_DOT,
                b'-' => A_HYPHEN,
                b'_' => A_UNDERSCORE,
                b'*' => A_STAR,
                // Other C0 controls and DEL are invisible: they never render.
                0..=0x1f | 0x7f => A_INVISIBLE,
                _ => A_OTHER,
            }
        };
        b += 1;
    }
    t
};

/// Whether an ASCII byte separates words (any `Kind::Sep`): one table load, for the tokenizer's
/// fast path. Bytes past ASCII are not separators here.
#[inline(always)]
pub(crate) fn is_ascii_sep(b: u8) -> bool {
    b < 0x80 && (A_SPACE..=A_OTHER).contains(&ASCII_CLASS[(b & 0x7f) as usize])
}

/// Letter a leetspeak symbol stands for.
pub(crate) fn leet_symbol_letter(b: u8) -> u8 {
    match b {
        b'@' => b'a',
        b'$' => b's',
        b'!' | b'|' => b'i',
        b'+' => b't',
        _ => b,
    }
}

/// Kind of an ASCII byte (must be < 0x80).
#[inline]
pub(crate) fn ascii_kind(b: u8) -> Kind {
    match ASCII_CLASS[(b & 0x7f) as usize] {
        A_LETTER => Kind::Letter,
        A_DIGIT => Kind::Digit,
        A_LEET => Kind::Leet(leet_symbol_letter(b)),
        A_APOS => Kind::Apostrophe,
        A_SPACE => Kind::Sep(Sep::Space),
        A_DOT => Kind::Sep(Sep::Dot),
        A_HYPHEN => Kind::Sep(Sep::Hyphen),
        A_UNDERSCORE => Kind::Sep(Sep::Underscore),
        A_STAR => Kind::Sep(Sep::Star),
        A_INVISIBLE => Kind::Invisible,
        _ => Kind::Sep(Sep::Other),
    }
}

/// Zero-width, bidi and other format characters that render as nothing; authors slip them into
/// words to break matching.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'                  // soft hyphen
        | '\u{034F}'                // combining grapheme joiner
        | '\u{061C}'                // Arabic letter mark
        | '\u{115F}' | '\u{1160}'   // Hangul fillers
        | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}'   // Mongolian variation selectors and vowel separator
        | '\u{200B}'..='\u{200F}'   // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'   // LRE, RLE, PDF, LRO, RLO
        | '\u{2060}'..='\u{2064}'   // WJ and invisible operators
        | '\u{2066}'..='\u{206F}'   // LRI, RLI, FSI, PDI and deprecated format chars
        | '\u{3164}'                // Hangul filler
        | '\u{FE00}'..='\u{FE0F}'   // variation selectors
        | '\u{FEFF}'                // BOM / ZWNBSP
        | '\u{FFA0}'                // halfwidth Hangul filler
        | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
        | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
        | '\u{1D173}'..='\u{1D17A}' // musical format controls
        | '\u{E0000}'..='\u{E007F}' // tags
        | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' | '\u{FF07}' | '\u{02B9}'
    )
}

/// Cyrillic and Greek letters that look like Latin ones (both cases listed, because an upper
/// case Greek Ν looks like N while its lower case ν looks like v).
pub(crate) fn look_alike(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' | 'А' => 'a',
        'в' | 'В' | 'ь' | 'Ь' => 'b',
        'с' | 'С' | 'ϲ' | 'Ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ё' | 'Ё' | 'є' => 'e',
        'һ' | 'Һ' | 'н' | 'Н' => 'h',
        'і' | 'І' | 'ї' | 'Ї' | 'ӏ' | 'Ӏ' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' => 'k',
        'м' | 'М' => 'm',
        'п' => 'n',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'ԛ' | 'Ԛ' => 'q',
        'г' => 'r',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' => 't',
        'ԝ' | 'Ԝ' => 'w',
        'х' | 'Х' => 'x',
        'у' | 'У' | 'ү' | 'Ү' => 'y',
        // Greek
        'α' | 'Α' => 'a',
        'β' | 'Β' => 'b',
        'ε' | 'Ε' => 'e',
        'Ζ' => 'z',
        'Η' => 'h',
        'η' => 'n',
        'ι' | 'Ι' => 'i',
        'κ' | 'Κ' => 'k',
        'Μ' => 'm',
        'Ν' => 'n',
        'ν' => 'v',
        'ο' | 'Ο' | 'σ' => 'o',
        'ρ' | 'Ρ' => 'p',
        'τ' | 'Τ' => 't',
        'υ' | 'μ' => 'u',
        'Υ' | 'γ' => 'y',
        'χ' | 'Χ' => 'x',
        'ω' => 'w',
        _ => return None,
    })
}

/// Latin letters without a compatibility decomposition, written as plain letters. The second
/// value says whether the form is a disguise (small capitals, IPA) rather than ordinary
/// spelling (ß, œ).
fn latin_special(c: char) -> Option<(&'static str, bool)> {
    Some(match c {
        'ß' | 'ẞ' => ("ss", false),
        'œ' | 'Œ' => ("oe", false),
        'æ' | 'Æ' => ("ae", false),
        'ø' | 'Ø' => ("o", false),
        'đ' | 'Đ' | 'ð' | 'Ð' => ("d", false),
        'ł' | 'Ł' => ("l", false),
        'ħ' | 'Ħ' => ("h", false),
        'þ' | 'Þ' => ("th", false),
        'ı' => ("i", false),
        'ŀ' | 'Ŀ' => ("l", false),
        'ɑ' => ("a", true),
        'ɡ' => ("g", true),
        'ɩ' => ("i", true),
        'ᴀ' => ("a", true),
        'ʙ' => ("b", true),
        'ᴄ' => ("c", true),
        'ᴅ' => ("d", true),
        'ᴇ' => ("e", true),
        'ꜰ' => ("f", true),
        'ɢ' => ("g", true),
        'ʜ' => ("h", true),
        'ɪ' => ("i", true),
        'ᴊ' => ("j", true),
        'ᴋ' => ("k", true),
        'ʟ' => ("l", true),
        'ᴍ' => ("m", true),
        'ɴ' => ("n", true),
        'ᴏ' => ("o", true),
        'ᴘ' => ("p", true),
        'ʀ' => ("r", true),
        'ꜱ' => ("s", true),
        'ᴛ' => ("t", true),
        'ᴜ' => ("u", true),
        'ᴠ' => ("v", true),
        'ᴡ' => ("w", true),
        'ʏ' => ("y", true),
        'ᴢ' => ("z", true),
        _ => return None,
    })
}

/// Negative circled and negative squared capitals (🅐, 🅰), which have no decomposition.
fn enclosed_letter(c: char) -> Option<char> {
    let cp = c as u32;
    let base = match cp {
        0x1F150..=0x1F169 => 0x1F150,
        0x1F170..=0x1F189 => 0x1F170,
        _ => return None,
    };
    char::from_u32('a' as u32 + (cp - base))
}

fn is_french_accent(c: char) -> bool {
    matches!(
        c,
        'é' | 'è'
            | 'ê'
            | 'ë'
            | 'à'
            | 'â'
            | 'ç'
            | 'ù'
            | 'û'
            | 'î'
            | 'ï'
            | 'ô'
            | 'œ'
            | 'É'
            | 'È'
            | 'Ê'
            | 'À'
            | 'Â'
            | 'Ç'
            | 'Ô'
            | 'Î'
            | 'Œ'
    )
}

/// Latin-1 Supplement and Latin Extended-A: accented letters of ordinary European spelling,
/// whose accents are not a disguise.
fn is_ordinary_accented(c: char) -> bool {
    ('\u{00C0}'..='\u{017F}').contains(&c)
}

/// Folds a non-ASCII character: calls `emit` with each character it becomes (lower case ASCII
/// letters and digits, or lower case letters of other scripts) and says what it is.
/// `map_look_alikes` says whether Cyrillic/Greek look-alikes become Latin letters (in a word
/// that mixes scripts) or stay themselves (in Russian or Greek words).
pub(crate) fn fold_non_ascii(
    c: char,
    map_look_alikes: bool,
    mut emit: impl FnMut(char),
) -> CharInfo {
    if is_invisible(c) {
        return CharInfo::simple(Kind::Invisible);
    }
    if is_apostrophe(c) {
        return CharInfo::simple(Kind::Apostrophe);
    }
    match c {
        '€' => return CharInfo::simple(Kind::Leet(b'e')),
        '¢' => return CharInfo::simple(Kind::Leet(b'c')),
        '·' | '•' | '∙' | '・' => return CharInfo::simple(Kind::Sep(Sep::Dot)),
        _ => {}
    }
    if let Some(latin) = look_alike(c) {
        return fold_look_alike(c, latin, map_look_alikes, &mut emit);
    }
    if is_combining_mark(c) {
        return CharInfo::simple(Kind::Mark);
    }
    if let Some((s, disguise)) = latin_special(c) {
        s.chars().for_each(&mut emit);
        return CharInfo {
            kind: Kind::Letter,
            script: Script::Latin,
            evasion: if disguise {
                Evasion::CONFUSABLE
            } else {
                Evasion::NONE
            },
            french_accent: is_french_accent(c),
        };
    }
    if let Some(latin) = enclosed_letter(c) {
        emit(latin);
        return CharInfo {
            kind: Kind::Letter,
            script: Script::Latin,
            evasion: Evasion::CONFUSABLE,
            french_accent: false,
        };
    }

    let mut latin = 0u32;
    let mut digits = 0u32;
    let mut other = 0u32;
    let mut look_alikes = 0u32;
    let mut dropped_marks = false;
    let mut ascii_punct: Option<u8> = None;
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            dropped_marks = true;
            return;
        }
        for l in d.to_lowercase() {
            if l.is_ascii_alphabetic() {
                latin += 1;
                emit(l);
            } else if l.is_ascii_digit() {
                digits += 1;
                emit(l);
            } else if l.is_ascii() {
                ascii_punct = Some(l as u8);
            } else if is_combining_mark(l) {
                dropped_marks = true;
            } else if let Some((s, _)) = latin_special(l) {
                latin += 1;
                s.chars().for_each(&mut emit);
            } else if let Some(mapped) = look_alike(l) {
                look_alikes += 1;
                emit(if map_look_alikes { mapped } else { l });
            } else if l.is_alphanumeric() {
                other += 1;
                emit(l);
            }
        }
    });

    let letters = latin + other + look_alikes;
    if letters > 0 {
        let script = if other > 0 {
            Script::Other
        } else if look_alikes > 0 {
            Script::LookAlike
        } else {
            Script::Latin
        };
        let mut evasion = Evasion::NONE;
        if dropped_marks && !is_ordinary_accented(c) {
            evasion |= Evasion::DIACRITIC;
        }
        if latin > 0 && !dropped_marks && !is_ordinary_accented(c) {
            // Fullwidth, mathematical, circled, squared letters and ligatures.
            evasion |= Evasion::CONFUSABLE;
        }
        if look_alikes > 0 && map_look_alikes {
            evasion |= Evasion::CONFUSABLE;
        }
        return CharInfo {
            kind: Kind::Letter,
            script,
            evasion,
            french_accent: is_french_accent(c),
        };
    }
    if digits > 0 {
        return CharInfo {
            kind: Kind::Digit,
            script: Script::None,
            evasion: Evasion::CONFUSABLE,
            french_accent: false,
        };
    }
    if let Some(b) = ascii_punct {
        // Fullwidth and other compatibility forms of ASCII punctuation behave like it.
        return CharInfo::simple(match ascii_kind(b) {
            Kind::Letter | Kind::Digit => Kind::Sep(Sep::Other),
            kind => kind,
        });
    }
    if c.is_whitespace() {
        return CharInfo::simple(Kind::Sep(Sep::Space));
    }
    CharInfo::simple(Kind::Sep(Sep::Other))
}

fn fold_look_alike(
    c: char,
    latin: char,
    map_look_alikes: bool,
    emit: &mut impl FnMut(char),
) -> CharInfo {
    if map_look_alikes {
        emit(latin);
    } else {
        c.to_lowercase().for_each(&mut *emit);
    }
    CharInfo {
        kind: Kind::Letter,
        script: Script::LookAlike,
        evasion: if map_look_alikes {
            Evasion::CONFUSABLE
        } else {
            Evasion::NONE
        },
        french_accent: false,
    }
}

/// Kind and script of any character, without producing its folded form.
#[inline]
pub(crate) fn classify(c: char) -> CharInfo {
    if c.is_ascii() {
        let kind = ascii_kind(c as u8);
        CharInfo {
            kind,
            script: if kind == Kind::Letter {
                Script::Latin
            } else {
                Script::None
            },
            evasion: Evasion::NONE,
            french_accent: false,
        }
    } else {
        fold_non_ascii(c, true, |_| {})
    }
}

/// First and last characters of the blocks whose folding [`FoldCache`] keeps: Latin-1
/// Supplement and Latin Extended-A and -B, the accented letters of European spelling (French
/// above all), which the general path would otherwise decompose every time it meets them; then
/// General Punctuation (’ “ ” … —) and Emoticons (😂 😭), the non-Latin characters posts carry
/// most, which the tokenizer classifies at every word end. Hottest block first.
const CACHED_RANGES: [(u32, u32); 3] = [(0x00A0, 0x024F), (0x2000, 0x206F), (0x1F600, 0x1F64F)];

/// Index of `cp` in a table of the [`CACHED_RANGES`] laid end to end.
#[inline(always)]
fn cached_index(cp: u32) -> Option<usize> {
    let mut base = 0usize;
    for (first, last) in CACHED_RANGES {
        if (first..=last).contains(&cp) {
            return Some(base + (cp - first) as usize);
        }
        base += (last - first + 1) as usize;
    }
    None
}

/// Most characters one cached character folds to; others are folded each time.
const CACHED_MAX_CHARS: usize = 4;

#[derive(Debug, Clone, Copy)]
struct CachedFold {
    info: CharInfo,
    chars: [char; CACHED_MAX_CHARS],
    /// How many of `chars` are emitted; `u8::MAX`: not cached.
    len: u8,
}

/// A Latin letter of ordinary spelling that folds to lower case ASCII letters only ("é" → `e`,
/// "Œ" → `oe`), with no evasion: what the tokenizer's accented-word fast path may write
/// straight away (see [`FoldCache::plain_latin`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlainLatin {
    /// The folded letters, ASCII, `len` of them.
    pub letters: [u8; CACHED_MAX_CHARS],
    pub len: u8,
    pub french_accent: bool,
}

/// [`fold_non_ascii`] remembered for the characters of [`CACHED_RANGES`],
/// with and without look-alike mapping: the same result, a table load instead of a
/// decomposition. Built once per normalizer.
#[derive(Debug, Clone)]
pub(crate) struct FoldCache {
    /// Index: `cached_index(c) * 2 + map_look_alikes`.
    entries: Box<[CachedFold]>,
    /// Index: `c - PLAIN_LATIN_FIRST` for the characters of the first cached range; `len` 0
    /// when the character is not a [`PlainLatin`] letter.
    plain_latin: Box<[PlainLatin]>,
}

/// First and last characters [`FoldCache::plain_latin`] knows: Latin-1 Supplement and Latin
/// Extended-A and -B (the first of [`CACHED_RANGES`]).
const PLAIN_LATIN_FIRST: u32 = CACHED_RANGES[0].0;
const PLAIN_LATIN_LAST: u32 = CACHED_RANGES[0].1;

impl FoldCache {
    pub(crate) fn new() -> FoldCache {
        let cached_chars: u32 = CACHED_RANGES.iter().map(|(f, l)| l - f + 1).sum();
        let mut entries = Vec::with_capacity(cached_chars as usize * 2);
        for cp in CACHED_RANGES.iter().flat_map(|&(first, last)| first..=last) {
            for map_look_alikes in [false, true] {
                let mut chars = [' '; CACHED_MAX_CHARS];
                let mut len = 0usize;
                let c = char::from_u32(cp).unwrap_or(' ');
                let info = fold_non_ascii(c, map_look_alikes, |d| {
                    if let Some(slot) = chars.get_mut(len) {
                        *slot = d;
                    }
                    len += 1;
                });
                entries.push(CachedFold {
                    info,
                    chars,
                    len: if len <= CACHED_MAX_CHARS {
                        len as u8
                    } else {
                        u8::MAX
                    },
                });
            }
        }
        let plain_latin = (PLAIN_LATIN_FIRST..=PLAIN_LATIN_LAST)
            .map(|cp| {
                let mut plain = PlainLatin {
                    letters: [0; CACHED_MAX_CHARS],
                    len: 0,
                    french_accent: false,
                };
                let Some(c) = char::from_u32(cp) else {
                    return plain;
                };
                // With or without look-alike mapping alike: no Latin letter is a look-alike.
                let mut letters = 0usize;
                let mut all_ascii_letters = true;
                let info = fold_non_ascii(c, true, |d| {
                    match plain.letters.get_mut(letters) {
                        Some(slot) if d.is_ascii_lowercase() => *slot = d as u8,
                        _ => all_ascii_letters = false,
                    }
                    letters += 1;
                });
                let is_plain = info.kind == Kind::Letter
                    && info.script == Script::Latin
                    && info.evasion.is_empty()
                    && all_ascii_letters
                    && letters > 0;
                if is_plain {
                    plain.len = letters as u8;
                    plain.french_accent = info.french_accent;
                }
                plain
            })
            .collect();
        FoldCache {
            entries: entries.into_boxed_slice(),
            plain_latin,
        }
    }

    /// What `c` folds to when it is a Latin letter of ordinary spelling folding to ASCII
    /// letters only, with no evasion (see [`PlainLatin`]); [`FoldCache::fold`] gives the same
    /// letters and a `CharInfo` of kind `Letter`, script `Latin`, no evasion.
    #[inline(always)]
    pub(crate) fn plain_latin(&self, c: u32) -> Option<&PlainLatin> {
        let at = c.checked_sub(PLAIN_LATIN_FIRST)? as usize;
        self.plain_latin.get(at).filter(|p| p.len > 0)
    }

    /// Same as [`fold_non_ascii`].
    #[inline]
    pub(crate) fn fold(
        &self,
        c: char,
        map_look_alikes: bool,
        mut emit: impl FnMut(char),
    ) -> CharInfo {
        let at = cached_index(c as u32).map(|i| i * 2 + usize::from(map_look_alikes));
        if let Some(cached) = at.and_then(|at| self.entries.get(at))
            && let Some(chars) = cached.chars.get(..usize::from(cached.len))
        {
            chars.iter().for_each(|&d| emit(d));
            return cached.info;
        }
        fold_non_ascii(c, map_look_alikes, emit)
    }

    /// Same as [`classify`].
    #[inline]
    pub(crate) fn classify(&self, c: char) -> CharInfo {
        if c.is_ascii() {
            classify(c)
        } else {
            self.fold(c, true, |_| {})
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cache gives what folding each character gives, for every cached character.
    #[test]
    fn fold_cache_agrees_with_folding() {
        let cache = FoldCache::new();
        let mut cached = 0;
        let around_ranges = [0x80..=0x0300u32, 0x1FF0..=0x2080, 0x1F5F0..=0x1F660];
        for cp in around_ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for map in [false, true] {
                let (mut a, mut b) = (String::new(), String::new());
                let x = cache.fold(c, map, |d| a.push(d));
                let y = fold_non_ascii(c, map, |d| b.push(d));
                assert_eq!(a, b, "{c:?} {map}");
                assert_eq!(format!("{x:?}"), format!("{y:?}"), "{c:?} {map}");
                cached += usize::from(cached_index(cp).is_some());
            }
            assert_eq!(
                format!("{:?}", cache.classify(c)),
                format!("{:?}", classify(c))
            );
        }
        let expected: u32 = CACHED_RANGES.iter().map(|(f, l)| (l - f + 1) * 2).sum();
        assert_eq!(cached, expected as usize);
    }

    /// Every plain Latin letter folds, through the general path, to its letters as an
    /// ordinary Latin letter with no evasion, with and without look-alike mapping; and the
    /// French accents are among them.
    #[test]
    fn plain_latin_letters_fold_as_the_general_path_folds_them() {
        let cache = FoldCache::new();
        let mut plain = 0;
        for cp in 0x80..=0x0300u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let Some(p) = cache.plain_latin(cp) else {
                continue;
            };
            plain += 1;
            let letters: String = p.letters[..usize::from(p.len)]
                .iter()
                .map(|&b| b as char)
                .collect();
            for map in [false, true] {
                let mut folded = String::new();
                let info = fold_non_ascii(c, map, |d| folded.push(d));
                assert_eq!(folded, letters, "{c:?} {map}");
                assert_eq!(info.kind, Kind::Letter, "{c:?}");
                assert_eq!(info.script, Script::Latin, "{c:?}");
                assert!(info.evasion.is_empty(), "{c:?}");
                assert_eq!(info.french_accent, p.french_accent, "{c:?}");
            }
        }
        for c in "éèêëàâçùûîïôœÉÈÊÀÂÇÔÎŒßñ".chars() {
            assert!(cache.plain_latin(c as u32).is_some(), "{c:?}");
        }
        for c in "ª²µ×÷\u{AD}\u{A0}«»".chars() {
            assert!(cache.plain_latin(c as u32).is_none(), "{c:?}");
        }
        assert!(plain > 100, "only {plain} plain Latin letters");
    }

    fn fold(c: char) -> (String, CharInfo) {
        let mut s = String::new();
        let info = fold_non_ascii(c, true, |ch| s.push(ch));
        (s, info)
    }

    #[test]
    fn compatibility_forms_fold_to_ascii_letters() {
        for (c, want) in [
            ('ｋ', "k"),
            ('𝐤', "k"),
            ('𝓀', "k"),
            ('ⓚ', "k"),
            ('🄺', "k"),
            ('🅚', "k"),
            ('🅺', "k"),
            ('ﬁ', "fi"),
            ('ᴋ', "k"),
        ] {
            let (s, info) = fold(c);
            assert_eq!(s, want, "{c:?}");
            assert_eq!(info.kind, Kind::Letter, "{c:?}");
            assert!(info.evasion.contains(Evasion::CONFUSABLE), "{c:?}");
        }
    }

    #[test]
    fn french_accents_are_removed_without_evasion_flag() {
        for (c, want) in [('é', "e"), ('Ç', "c"), ('œ', "oe"), ('à', "a"), ('Ê', "e")] {
            let (s, info) = fold(c);
            assert_eq!(s, want, "{c:?}");
            assert!(info.evasion.is_empty(), "{c:?}");
            assert!(info.french_accent, "{c:?}");
        }
        let (s, info) = fold('ḱ');
        assert_eq!(s, "k");
        assert!(info.evasion.contains(Evasion::DIACRITIC));
    }

    #[test]
    fn invisible_and_marks_are_classified() {
        for c in [
            '\u{200B}', '\u{200D}', '\u{FEFF}', '\u{00AD}', '\u{202E}', '\u{2066}',
        ] {
            assert_eq!(fold(c).1.kind, Kind::Invisible, "{c:?}");
        }
        for c in ['\u{0301}', '\u{0336}', '\u{20DD}'] {
            assert_eq!(fold(c).1.kind, Kind::Mark, "{c:?}");
        }
        assert_eq!(fold('\u{00A0}').1.kind, Kind::Sep(Sep::Space));
        assert_eq!(fold('’').1.kind, Kind::Apostrophe);
        assert_eq!(fold('．').1.kind, Kind::Sep(Sep::Dot));
        assert_eq!(fold('＄').1.kind, Kind::Leet(b's'));
    }

    #[test]
    fn look_alikes_stay_themselves_in_words_of_their_own_script() {
        let mut s = String::new();
        let info = fold_non_ascii('у', false, |ch| s.push(ch));
        assert_eq!(s, "у");
        assert!(info.evasion.is_empty());
        assert_eq!(fold('у').0, "y");
    }

    /// Every look-alike entry must be a Unicode confusable of its Latin letter (same skeleton,
    /// in either case), except a few visual approximations that the confusables data does not
    /// list but that "fancy text" generators use; those are named here.
    #[test]
    fn look_alike_table_agrees_with_unicode_confusables() {
        use unicode_security::skeleton;
        let approximations = [
            'в', 'В', 'ь', 'Ь', 'н', 'Н', 'п', 'г', 'т', 'к', 'м', 'β', 'Β', 'ε', 'ν', 'μ', 'γ',
            'τ', 'κ', 'ω', 'σ', 'ё', 'Ё', 'є', 'ї', 'Ї', 'ү', 'Ү', 'η', 'ρ', 'υ', 'χ',
        ];
        let mut checked = 0;
        for cp in 0x370u32..0x530 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let Some(latin) = look_alike(c) else { continue };
            if approximations.contains(&c) {
                continue;
            }
            let sk: String = skeleton(&c.to_string()).collect();
            let lower: String = skeleton(&latin.to_string()).collect();
            let upper: String = skeleton(&latin.to_ascii_uppercase().to_string()).collect();
            assert!(
                sk == lower || sk == upper,
                "{c:?} ({cp:#x}) → {latin:?}: skeleton {sk:?}"
            );
            checked += 1;
        }
        assert!(checked >= 30, "only {checked} entries checked");
    }
}
