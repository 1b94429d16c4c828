//! From raw text to tokens: word splitting, leetspeak, elisions, repeated letters and
//! spaced-out letters, written straight into the output buffers of [`Normalized`].
//!
//! The text is cut into *words*: maximal runs of characters that can belong to a word
//! (letters, digits, leetspeak symbols, apostrophes, invisible characters and combining
//! marks). Each word is first described (pass A: its units and their kinds) then emitted
//! (pass B: folded characters pushed into `folded`/`squeezed`), because whether `4` means `a`
//! or four depends on the whole word. Words of one character are candidates for joining with
//! their neighbours when they spell a word out letter by letter ("k i l l", "t.u.e.r").
//!
//! Token rules (documented here because lexicon authors rely on them):
//! - Apostrophes: a French elision is split off as its own token without the apostrophe
//!   ("l'arabe" → `l` `arabe`, "j'vais" → `j` `vais`, "qu'il" → `qu` `il`); any other
//!   apostrophe inside a word is dropped ("don't" → `dont`, "aujourd'hui" → `aujourdhui`).
//! - Hyphens, dots and other punctuation separate words ("peut-être" → `peut` `etre`).
//! - Leetspeak is decoded only in words with at least one letter: `0`→o, `1`→i (`l` in runs:
//!   "ki11"), `3`→e, `4`→a, `5`→s, `7`→t, `8`→b (after a letter: "ate", "h8"), `9`→g, `@`→a,
//!   `$`→s, `!`/`|`→i (`l` in runs), `+`→t, `€`→e, `¢`→c. A `!`, `|` or `+` at the start or end of
//!   a word is punctuation ("hello!"). A word starting with `@` is a mention (the `@` is dropped)
//!   unless what follows is at most 3 characters long ("@ss" → `ass`).
//! - Digits next to letters: a run of 2+ digits at either end of a word is its own number token
//!   ("covid19" → `covid` `19`, "14words" → `14` `words`); a single digit followed by an ordinal
//!   or unit ("2nd", "1er", "5pm", "3e") is kept as written.
//! - Cyrillic and Greek look-alikes become Latin letters only in words that also contain Latin
//!   letters or consist of look-alikes only, so Russian and Greek words stay themselves.

use crate::fold::{self, CharInfo, Kind, Script, Sep};
use crate::lang::LangCues;
use crate::{Evasion, Normalized, Span, Token};

/// One character of a word (or a run of 3+ identical letters, collapsed into its first two
/// units, the second covering the rest of the run).
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: u32,
    end: u32,
    ch: char,
    kind: Kind,
    script: Script,
    /// The run of identical letters this unit ends was cut.
    repeated: bool,
}

impl Unit {
    const EMPTY: Unit = Unit {
        start: 0,
        end: 0,
        ch: ' ',
        kind: Kind::Sep(Sep::Other),
        script: Script::None,
        repeated: false,
    };

    fn is_core(&self) -> bool {
        matches!(self.kind, Kind::Letter | Kind::Digit | Kind::Leet(_))
    }
}

/// Words longer than this are cut into several tokens: no real word is this long, and the cap
/// bounds the work on hostile input.
const MAX_WORD_UNITS: usize = 128;
/// Units kept on the stack; longer words use a heap buffer.
const STACK_UNITS: usize = 48;
/// Spaced-out letters are never joined into a token longer than this.
const MAX_SPACED_LETTERS: usize = 20;

const ELISIONS: &[&[u8]] = &[
    b"l", b"d", b"j", b"m", b"t", b"s", b"n", b"c", b"qu", b"jusqu", b"lorsqu", b"puisqu",
    b"quoiqu", b"presqu",
];

/// Letters after a single leading digit that make it a number with a unit or an ordinal
/// rather than leetspeak ("2nd", "1er", "5pm", "3e").
const NUMBER_SUFFIXES: &[&[u8]] = &[
    b"st", b"nd", b"rd", b"th", b"am", b"pm", b"k", b"m", b"h", b"min", b"s", b"e", b"er", b"ere",
    b"eme", b"re", b"x", b"d", b"g", b"kg", b"km", b"cm", b"mm", b"ml", b"l", b"gb", b"mb", b"hz",
    b"px", b"j", b"an", b"ans", b"p", b"v",
];

/// Whether a word is one character that can be part of a spaced-out word ("k i l l"): an ASCII
/// letter, digit or leetspeak symbol, or a disguised letter; not "à", which is a French word.
#[derive(Debug, Clone, Copy, Default)]
struct SpacedRun {
    /// Index of the first token of the run.
    first: usize,
    len: usize,
    letters: usize,
    gap: Option<char>,
    last_end: u32,
    /// The last character of the run is a letter (not a digit).
    last_is_letter: bool,
}

/// Per-post state of the tokenizer.
pub(crate) struct Tokenizer<'t, 'o> {
    text: &'t str,
    fold: &'t fold::FoldCache,
    out: &'o mut Normalized,
    /// `out.folded` and `out.squeezed` as bytes while they are written (one store per ASCII
    /// letter, where `String::push` goes through a char's UTF-8 encoding), handed back by
    /// [`Tokenizer::close`]. Only whole chars are ever written to them.
    folded: Vec<u8>,
    squeezed: Vec<u8>,
    pub(crate) cues: LangCues,
    /// No token so far is empty or holds a space, and each starts one byte after the last.
    plain: bool,
    /// Whether plain ASCII words and mentions take their fast paths (always, but in the tests
    /// that hold them to the general path).
    fast_paths: bool,
    run: SpacedRun,
    heap_units: Vec<Unit>,
}

/// State of the token being written.
struct TokenWriter {
    folded_start: usize,
    squeezed_start: usize,
    /// Whether a separating space was pushed before the token (removed if it stays empty).
    spaced: bool,
    last: Option<char>,
    run: u32,
    evasion: Evasion,
    span: Option<Span>,
}

impl<'t, 'o> Tokenizer<'t, 'o> {
    pub(crate) fn new(text: &'t str, fold: &'t fold::FoldCache, out: &'o mut Normalized) -> Self {
        let folded = std::mem::take(&mut out.folded).into_bytes();
        let squeezed = std::mem::take(&mut out.squeezed).into_bytes();
        Tokenizer {
            text,
            fold,
            out,
            folded,
            squeezed,
            cues: LangCues::default(),
            plain: true,
            fast_paths: true,
            run: SpacedRun::default(),
            heap_units: Vec::new(),
        }
    }

    /// Hands the written forms back to the output; returns the language cues.
    pub(crate) fn close(self) -> LangCues {
        let last_end = self
            .out
            .tokens
            .last()
            .map_or(0, |t| t.squeezed.end as usize);
        if !self.plain || last_end != self.squeezed.len() {
            self.out.squeezed_keys.clear();
        }
        self.out.folded = into_string(self.folded);
        self.out.squeezed = into_string(self.squeezed);
        self.cues
    }

    /// Tokenizes the whole text.
    pub(crate) fn run(&mut self) {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut stack = [Unit::EMPTY; STACK_UNITS];
        let mut i = 0usize;
        while i < bytes.len() {
            // Fast path: an ASCII separator between words (no URL starts with one; `&` may
            // start an entity, which the general path skips whole).
            let b = bytes[i];
            if b != b'&' && is_ascii_separator(b) {
                i += 1;
                continue;
            }
            if let Some(skip) = may_start_url(bytes, i).then(|| url_len(bytes, i)).flatten() {
                self.flush_run();
                i += skip;
                continue;
            }
            if b == b'@'
                && self.fast_paths
                && let Some(end) = self.ascii_mention(i)
            {
                i = end;
                continue;
            }
            // Fast path: a word of plain ASCII letters, the bulk of most posts.
            if bytes[i].is_ascii_alphabetic() && self.fast_paths {
                let j = ascii_letters_end(bytes, i + 1);
                let ends_word = match bytes.get(j) {
                    None => true,
                    Some(&b) if b < 0x80 => is_ascii_separator(b),
                    // "word…", "word”", "word😒": the general path would stop there too.
                    Some(_) => !is_word_kind(self.fold.classify(char_at(text, j).0).kind),
                };
                if ends_word {
                    self.ascii_word(i, j);
                    i = j;
                    continue;
                }
                if matches!(bytes.get(j), Some(b'\'' | b'`'))
                    && let Some(end) = self.ascii_apostrophe_word(i, j)
                {
                    i = end;
                    continue;
                }
            }
            if (b >= 0x80 || b.is_ascii_alphabetic())
                && self.fast_paths
                && let Some(end) = self.latin_word(i)
            {
                i = end;
                continue;
            }
            let (c, len) = char_at(text, i);
            let info = self.fold.classify(c);
            if !is_word_kind(info.kind) {
                i += if c == '&' {
                    entity_len(bytes, i).unwrap_or(len)
                } else {
                    len
                };
                continue;
            }
            // Collect the word's units.
            let mut n = 0usize;
            let mut on_heap = false;
            self.heap_units.clear();
            let mut j = i;
            while j < bytes.len() {
                let (c, len) = char_at(text, j);
                let info = if j == i { info } else { self.fold.classify(c) };
                if !is_word_kind(info.kind) {
                    break;
                }
                let unit = Unit {
                    start: j as u32,
                    end: (j + len) as u32,
                    ch: c,
                    kind: info.kind,
                    script: info.script,
                    repeated: false,
                };
                j += len;
                let units: &mut [Unit] = if on_heap {
                    &mut self.heap_units
                } else {
                    &mut stack[..n]
                };
                // A third identical letter in a row only extends the second one.
                if unit.kind == Kind::Letter && n >= 2 {
                    let (a, b) = (units[n - 2], units[n - 1]);
                    if a.ch == unit.ch && b.ch == unit.ch {
                        let last = &mut units[n - 1];
                        last.end = unit.end;
                        last.repeated = true;
                        continue;
                    }
                }
                if !on_heap && n == STACK_UNITS {
                    on_heap = true;
                    self.heap_units.extend_from_slice(&stack);
                }
                if on_heap {
                    self.heap_units.push(unit);
                } else {
                    stack[n] = unit;
                }
                n += 1;
                if n == MAX_WORD_UNITS {
                    break;
                }
            }
            if on_heap {
                let units = std::mem::take(&mut self.heap_units);
                self.word(&units);
                self.heap_units = units;
            } else {
                self.word(&stack[..n]);
            }
            i = j;
        }
        self.flush_run();
    }

    /// Emits the mention starting with the `@` at byte `at` if it is plain ASCII ("@someone42":
    /// letters and digits, at least one letter, more than 3 of them, no letter three times in a
    /// row, then a separator or the end) and returns where it ends; the general path
    /// ([`Tokenizer::word`], then [`Tokenizer::plain`]) gives the same token, slower. `None`,
    /// with nothing done, for any other word.
    fn ascii_mention(&mut self, at: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let start = at + 1;
        let mut end = start;
        let mut letters = 0usize;
        while let Some(&b) = bytes.get(end) {
            if !b.is_ascii_alphanumeric() {
                break;
            }
            if b.is_ascii_alphabetic() {
                letters += 1;
                // The general path folds a third identical letter into the second.
                if end >= start + 2 && bytes[end - 1] == b && bytes[end - 2] == b {
                    return None;
                }
            }
            end += 1;
            // Longer words are cut by the general path.
            if end - at >= MAX_WORD_UNITS {
                return None;
            }
        }
        let ends_word = bytes.get(end).is_none_or(|&b| is_ascii_separator(b));
        if end - start <= 3 || letters == 0 || !ends_word {
            return None;
        }
        let name = bytes.get(start..end)?;
        self.flush_run();
        let (folded, squeezed) = (&mut self.folded, &mut self.squeezed);
        if !folded.is_empty() {
            folded.push(b' ');
            squeezed.push(b' ');
        }
        let (folded_start, squeezed_start) = (folded.len() as u32, squeezed.len() as u32);
        for &b in name {
            let lower = b.to_ascii_lowercase();
            folded.push(lower);
            squeezed.push(lower);
        }
        let token = Token {
            folded: folded_start..folded.len() as u32,
            squeezed: squeezed_start..squeezed.len() as u32,
            span: Span::new(start as u32, end as u32),
            evasion: Evasion::NONE,
        };
        self.push_token(token, None);
        Some(end)
    }

    /// Emits a word of ASCII letters only: the general path gives the same tokens, slower.
    /// One pass over the letters writes both forms, cutting runs as [`Tokenizer::push`] does.
    fn ascii_word(&mut self, start: usize, end: usize) {
        let Some(word) = self.text.as_bytes().get(start..end) else {
            return;
        };
        if let [only] = word {
            self.before_word(Some(only.to_ascii_lowercase() as char), start as u32);
        } else if self.run.len > 0 {
            self.flush_run();
        }
        self.cues.latin_letters += word.len() as u32;
        let (folded, squeezed) = (&mut self.folded, &mut self.squeezed);
        let spaced = !folded.is_empty();
        let folded_start = (folded.len() + usize::from(spaced)) as u32;
        let squeezed_start = (squeezed.len() + usize::from(spaced)) as u32;
        let text = self.text.as_bytes();
        if let Some(key) = ascii_word_packed(text, start, word.len(), spaced, folded, squeezed) {
            let token = Token {
                folded: folded_start..folded.len() as u32,
                squeezed: squeezed_start..squeezed.len() as u32,
                span: Span::new(start as u32, end as u32),
                evasion: Evasion::NONE,
            };
            self.push_token(token, Some(key));
            return;
        }
        if spaced {
            folded.push(b' ');
            squeezed.push(b' ');
        }
        let mut evasion = Evasion::NONE;
        let mut last = 0u8;
        let mut run = 0u32;
        for &b in word {
            // Only ASCII letters reach here: setting bit 5 lower-cases them.
            let letter = b | 0x20;
            if letter == last {
                run += 1;
                if run >= 3 {
                    evasion = Evasion::REPEATED;
                } else {
                    folded.push(letter);
                }
            } else {
                last = letter;
                run = 1;
                folded.push(letter);
                squeezed.push(letter);
            }
        }
        let (folded_end, squeezed_end) = (folded.len() as u32, squeezed.len() as u32);
        self.out.evasion |= evasion;
        let token = Token {
            folded: folded_start..folded_end,
            squeezed: squeezed_start..squeezed_end,
            span: Span::new(start as u32, end as u32),
            evasion,
        };
        self.push_token(token, None);
    }

    /// Emits the word starting at byte `start` if it is ASCII letters with single apostrophes
    /// between them ("c'est", "don't", "aujourd'hui", "jusqu'aujourd'hui"; `first_end` is the
    /// first apostrophe) and returns where it ends. The general path ([`Tokenizer::word`], then
    /// [`Tokenizer::leet_word`]) gives the same tokens, splitting elisions and cutting runs the
    /// same way, slower. `None`, with nothing done, for any other word and for one with a
    /// letter three times in a row, whose letters the general path counts differently.
    fn ascii_apostrophe_word(&mut self, start: usize, first_end: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut end = first_end;
        loop {
            // `end` is at an apostrophe: a letter must follow.
            if !bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic) {
                return None;
            }
            end = ascii_letters_end(bytes, end + 2);
            match bytes.get(end) {
                Some(b'\'' | b'`') => {}
                None => break,
                Some(&b) if b < 0x80 => {
                    if is_ascii_separator(b) {
                        break;
                    }
                    return None;
                }
                Some(_) => {
                    if is_word_kind(self.fold.classify(char_at(text, end).0).kind) {
                        return None;
                    }
                    break;
                }
            }
        }
        // Longer words are cut by the general path.
        if end - start > MAX_WORD_UNITS {
            return None;
        }
        let word = bytes.get(start..end)?;
        if word.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
            return None;
        }
        // At least two letters: never one of a spaced-out run.
        self.flush_run();
        let mut token_start = start;
        if !self.folded.is_empty() {
            self.folded.push(b' ');
            self.squeezed.push(b' ');
        }
        let mut folded_start = self.folded.len();
        let mut squeezed_start = self.squeezed.len();
        let mut evasion = Evasion::NONE;
        let (mut last, mut run) = (0u8, 0u32);
        let mut letters = 0u32;
        for (at, &b) in (start..).zip(word) {
            if b == b'\'' || b == b'`' {
                // A letter always follows (checked above), as the general path requires
                // before it splits an elision off.
                let written = self.folded.get(folded_start..).unwrap_or(&[]);
                if ELISIONS.contains(&written) {
                    self.close_apostrophe_token(
                        folded_start,
                        squeezed_start,
                        token_start,
                        at,
                        evasion,
                    );
                    self.folded.push(b' ');
                    self.squeezed.push(b' ');
                    folded_start = self.folded.len();
                    squeezed_start = self.squeezed.len();
                    token_start = at + 1;
                    evasion = Evasion::NONE;
                    (last, run) = (0, 0);
                }
                continue;
            }
            letters += 1;
            // Only ASCII letters reach here: setting bit 5 lower-cases them.
            let letter = b | 0x20;
            if letter == last {
                run += 1;
                if run >= 3 {
                    evasion |= Evasion::REPEATED;
                } else {
                    self.folded.push(letter);
                }
            } else {
                last = letter;
                run = 1;
                self.folded.push(letter);
                self.squeezed.push(letter);
            }
        }
        self.cues.latin_letters += letters;
        self.close_apostrophe_token(folded_start, squeezed_start, token_start, end, evasion);
        Some(end)
    }

    /// Emits the word starting at byte `start` if it is letters of ordinary Latin spelling
    /// (ASCII letters, and accented letters that fold to ASCII letters: "matrixé", "équipe",
    /// "œuvre") with single apostrophes between letters ("c’était", "l'aéroport", "don’t"), and
    /// returns where it ends. The general path ([`Tokenizer::word`], then
    /// [`Tokenizer::leet_word`]) gives the same tokens, but first describes every character as
    /// a unit. `None`, with nothing done, for any other word, for one with a character three
    /// times in a row (which the general path counts differently) and for one longer than
    /// `MAX_WORD_UNITS` bytes (which it cuts).
    fn latin_word(&mut self, start: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        // First pass: where the word ends, and whether it is one this path writes.
        let mut end = start;
        let (mut before, mut last) = ('\0', '\0');
        let mut after_apostrophe = true;
        while let Some(&b) = bytes.get(end) {
            let (c, len) = char_at(text, end);
            let is_letter = if b < 0x80 {
                b.is_ascii_alphabetic()
            } else {
                self.fold.plain_latin(c as u32).is_some()
            };
            if is_letter {
                if c == last && c == before {
                    return None;
                }
                after_apostrophe = false;
            } else if end == start {
                // Not a letter first: not a word of this path (and no need to classify it).
                return None;
            } else {
                let kind = if b < 0x80 {
                    fold::ascii_kind(b)
                } else {
                    self.fold.classify(c).kind
                };
                match kind {
                    // Only between two letters.
                    Kind::Apostrophe if !after_apostrophe => after_apostrophe = true,
                    Kind::Sep(_) => break,
                    _ => return None,
                }
            }
            (before, last) = (last, c);
            end += len;
        }
        if after_apostrophe || end - start > MAX_WORD_UNITS {
            return None;
        }
        // At least two letters, or one accented letter, which never joins a spaced-out run.
        self.flush_run();
        let mut w = self.begin();
        let mut at = start;
        while at < end {
            let b = bytes[at];
            let (c, len) = char_at(text, at);
            let unit = Unit {
                start: at as u32,
                end: (at + len) as u32,
                ch: c,
                kind: Kind::Letter,
                script: Script::Latin,
                repeated: false,
            };
            if b < 0x80 && b.is_ascii_alphabetic() {
                self.extend_span(&mut w, &unit);
                self.push_ascii_letter(&mut w, b | 0x20);
            } else if let Some(plain) = self.fold.plain_latin(c as u32).copied() {
                self.extend_span(&mut w, &unit);
                for &l in &plain.letters[..usize::from(plain.len)] {
                    self.push_ascii_letter(&mut w, l);
                }
                if plain.french_accent {
                    self.cues.french_accents += 1;
                }
            } else {
                // An apostrophe, and a letter follows (checked above).
                let written = self.folded.get(w.folded_start..).unwrap_or(&[]);
                if ELISIONS.contains(&written) {
                    self.finish(w);
                    w = self.begin();
                }
            }
            at += len;
        }
        self.finish(w);
        Some(end)
    }

    /// Records a token of [`Tokenizer::ascii_apostrophe_word`] ending at the forms' ends.
    fn close_apostrophe_token(
        &mut self,
        folded_start: usize,
        squeezed_start: usize,
        span_start: usize,
        span_end: usize,
        evasion: Evasion,
    ) {
        self.out.evasion |= evasion;
        let token = Token {
            folded: folded_start as u32..self.folded.len() as u32,
            squeezed: squeezed_start as u32..self.squeezed.len() as u32,
            span: Span::new(span_start as u32, span_end as u32),
            evasion,
        };
        self.push_token(token, None);
    }

    /// Emits the tokens of one word.
    fn word(&mut self, units: &[Unit]) {
        let mut latin = 0u32;
        let mut look_alike = 0u32;
        let mut other = 0u32;
        for u in units {
            if u.kind == Kind::Letter {
                match u.script {
                    Script::Latin => latin += 1,
                    Script::LookAlike => look_alike += 1,
                    _ => other += 1,
                }
            }
        }
        let letters = latin + look_alike + other;
        let map_look_alikes = latin > 0 || other == 0;

        // Core: from the first to the last letter, digit or leet symbol, leaving out
        // punctuation-like symbols at the ends, plus the marks that follow the last one.
        let Some(cs) = units.iter().position(|u| u.is_core() && !trims_lead(u)) else {
            self.before_word(None, 0);
            return;
        };
        let Some(last) = units.iter().rposition(|u| u.is_core() && !trims_trail(u)) else {
            self.before_word(None, 0);
            return;
        };
        if last < cs {
            self.before_word(None, 0);
            return;
        }
        let mut ce = last + 1;
        while ce < units.len() && units[ce].kind == Kind::Mark {
            ce += 1;
        }

        if letters == 0 {
            let digits = &units[cs..ce];
            let single = single_unit(digits).filter(char::is_ascii_digit);
            self.before_word(single, digits.first().map_or(0, |u| u.start));
            self.number(digits);
            return;
        }

        // A mention ("@someone") unless what follows is short enough to be leet ("@ss").
        if units[cs].ch == '@' {
            let rest = units[cs + 1..ce].iter().filter(|u| u.is_core()).count();
            if rest > 3 {
                // A user name: kept as written (its digits are not leetspeak).
                self.before_word(None, 0);
                self.plain(&units[cs + 1..ce]);
                return;
            }
        }
        let core = &units[cs..ce];
        let single = single_unit(core);
        self.before_word(single, core.first().map_or(0, |u| u.start));

        let lead = core.iter().take_while(|u| u.kind == Kind::Digit).count();
        let mut body = core;
        if lead >= 2 {
            self.number(&core[..lead]);
            body = &core[lead..];
        } else if lead == 1 && is_number_with_suffix(&core[1..]) {
            self.plain(core);
            return;
        }
        let trail = body
            .iter()
            .rev()
            .take_while(|u| matches!(u.kind, Kind::Digit | Kind::Mark))
            .filter(|u| u.kind == Kind::Digit)
            .count();
        let mut tail: &[Unit] = &[];
        if trail >= 2 && !is_repeated_leet_digit(&body[body.len() - trail..]) {
            let split = body
                .iter()
                .rposition(|u| !matches!(u.kind, Kind::Digit | Kind::Mark))
                .map_or(0, |p| p + 1);
            tail = &body[split..];
            body = &body[..split];
        }
        self.leet_word(body, map_look_alikes);
        if !tail.is_empty() {
            self.number(tail);
        }
    }

    /// A word with letters: leetspeak decoded, elisions split.
    fn leet_word(&mut self, units: &[Unit], map_look_alikes: bool) {
        let mut w = self.begin();
        let mut mark_run = 0u32;
        for (k, u) in units.iter().enumerate() {
            if u.kind != Kind::Mark {
                mark_run = 0;
            }
            match u.kind {
                Kind::Letter => {
                    self.extend_span(&mut w, u);
                    if u.ch.is_ascii() {
                        self.push(&mut w, u.ch.to_ascii_lowercase());
                    } else {
                        let info = self.fold_into(&mut w, u.ch, map_look_alikes, false);
                        w.evasion |= info.evasion;
                    }
                }
                Kind::Digit => {
                    self.extend_span(&mut w, u);
                    if u.ch.is_ascii_digit() {
                        self.push_leet_digit(&mut w, units, k);
                    } else {
                        let info = self.fold_into(&mut w, u.ch, true, true);
                        w.evasion |= info.evasion;
                    }
                }
                Kind::Leet(letter) => {
                    self.extend_span(&mut w, u);
                    let same_neighbour = (k > 0 && units[k - 1].ch == u.ch)
                        || units.get(k + 1).is_some_and(|n| n.ch == u.ch);
                    let letter = if u.ch == '|' && same_neighbour {
                        'l'
                    } else {
                        letter as char
                    };
                    w.evasion |= Evasion::LEET;
                    self.push(&mut w, letter);
                }
                Kind::Apostrophe => {
                    let written = self.folded.get(w.folded_start..).unwrap_or(&[]);
                    let next_is_core = units.get(k + 1).is_some_and(Unit::is_core);
                    if next_is_core && ELISIONS.contains(&written) {
                        self.finish(w);
                        w = self.begin();
                    }
                }
                Kind::Invisible => w.evasion |= Evasion::INVISIBLE,
                Kind::Mark => {
                    mark_run += 1;
                    if mark_run > 1 || !is_ordinary_accent_mark(u.ch) {
                        w.evasion |= Evasion::DIACRITIC;
                    }
                    if let Some(span) = w.span.as_mut() {
                        span.end = span.end.max(u.end);
                    }
                }
                Kind::Sep(_) => {}
            }
            if u.repeated {
                w.evasion |= Evasion::REPEATED;
            }
        }
        self.finish(w);
    }

    /// A number: its digits, as written (other units dropped).
    fn number(&mut self, units: &[Unit]) {
        let mut w = self.begin();
        for u in units {
            if u.kind != Kind::Digit {
                continue;
            }
            self.extend_span(&mut w, u);
            if u.ch.is_ascii_digit() {
                self.push_raw(&mut w, u.ch);
            } else {
                let mut digits = [0u8; 8];
                let mut n = 0;
                let info = fold::fold_non_ascii(u.ch, true, |d| {
                    if n < digits.len() && d.is_ascii_digit() {
                        digits[n] = d as u8;
                        n += 1;
                    }
                });
                w.evasion |= info.evasion;
                for &d in &digits[..n] {
                    self.push_raw(&mut w, d as char);
                }
            }
        }
        self.finish(w);
    }

    /// A word kept as written, lower-cased (numbers with units: "2nd", "5pm").
    fn plain(&mut self, units: &[Unit]) {
        let mut w = self.begin();
        for u in units {
            if u.ch.is_ascii_alphanumeric() {
                self.extend_span(&mut w, u);
                self.push_raw(&mut w, u.ch.to_ascii_lowercase());
            }
        }
        self.finish(w);
    }

    fn begin(&mut self) -> TokenWriter {
        let spaced = !self.folded.is_empty();
        if spaced {
            self.folded.push(b' ');
            self.squeezed.push(b' ');
        }
        TokenWriter {
            folded_start: self.folded.len(),
            squeezed_start: self.squeezed.len(),
            spaced,
            last: None,
            run: 0,
            evasion: Evasion::NONE,
            span: None,
        }
    }

    fn extend_span(&self, w: &mut TokenWriter, u: &Unit) {
        let unit = Span::new(u.start, u.end);
        w.span = Some(w.span.map_or(unit, |s| s.cover(unit)));
    }

    /// Pushes a letter, cutting runs: at most 2 in `folded`, 1 in `squeezed`.
    #[inline]
    fn push(&mut self, w: &mut TokenWriter, c: char) {
        if c.is_ascii_alphabetic() {
            self.cues.latin_letters += 1;
        } else if c.is_alphabetic() {
            self.cues.other_letters += 1;
        } else {
            self.push_raw(w, c);
            return;
        }
        self.push_letter(w, c);
    }

    /// [`Tokenizer::push`] of a lower case ASCII letter.
    #[inline(always)]
    fn push_ascii_letter(&mut self, w: &mut TokenWriter, letter: u8) {
        debug_assert!(letter.is_ascii_lowercase(), "{letter:#x}");
        self.cues.latin_letters += 1;
        // The mask changes no ASCII byte; it lets the compiler drop `push_char`'s test for
        // multi-byte chars on this hot path (+37 instructions per post without it).
        self.push_letter(w, char::from(letter & 0x7f));
    }

    /// Writes a letter, counted already: a third and later repeat of the same letter is
    /// dropped from `folded` and marks the token, and every repeat is dropped from `squeezed`.
    #[inline(always)]
    fn push_letter(&mut self, w: &mut TokenWriter, c: char) {
        if w.last == Some(c) {
            w.run += 1;
            if w.run >= 3 {
                w.evasion |= Evasion::REPEATED;
            } else {
                push_char(&mut self.folded, c);
            }
        } else {
            w.last = Some(c);
            w.run = 1;
            push_char(&mut self.folded, c);
            push_char(&mut self.squeezed, c);
        }
    }

    /// Pushes a character to both forms without any run cutting.
    #[inline]
    fn push_raw(&mut self, w: &mut TokenWriter, c: char) {
        w.last = None;
        w.run = 0;
        push_char(&mut self.folded, c);
        push_char(&mut self.squeezed, c);
    }

    fn push_leet_digit(&mut self, w: &mut TokenWriter, units: &[Unit], k: usize) {
        let c = units[k].ch;
        let prev_letter = k > 0 && units[k - 1].kind == Kind::Letter;
        let same_neighbour =
            (k > 0 && units[k - 1].ch == c) || units.get(k + 1).is_some_and(|n| n.ch == c);
        let decoded: &str = match c {
            '0' => "o",
            '1' if same_neighbour => "l",
            '1' => "i",
            '3' => "e",
            '4' => "a",
            '5' => "s",
            '7' => "t",
            '8' if prev_letter => "ate",
            '8' => "b",
            '9' => "g",
            _ => {
                self.push_raw(w, c);
                return;
            }
        };
        w.evasion |= Evasion::LEET;
        for l in decoded.chars() {
            self.push(w, l);
        }
    }

    /// Folds a non-ASCII character into the token; digits it yields are decoded as leetspeak
    /// when `leet_digits`.
    fn fold_into(
        &mut self,
        w: &mut TokenWriter,
        c: char,
        map_look_alikes: bool,
        leet_digits: bool,
    ) -> CharInfo {
        let mut buf = [' '; 20];
        let mut n = 0;
        let info = self.fold.fold(c, map_look_alikes, |d| {
            if n < buf.len() {
                buf[n] = d;
                n += 1;
            }
        });
        for &d in &buf[..n] {
            if leet_digits && d.is_ascii_digit() {
                let decoded = leet_digit(d);
                if decoded != d {
                    w.evasion |= Evasion::LEET;
                }
                self.push(w, decoded);
            } else {
                self.push(w, d);
            }
        }
        if info.french_accent {
            self.cues.french_accents += 1;
        }
        info
    }

    /// Closes the token: records it, or removes it if nothing was written.
    fn finish(&mut self, w: TokenWriter) {
        let folded_end = self.folded.len();
        let Some(span) = w.span.filter(|_| folded_end > w.folded_start) else {
            let folded_back = w.folded_start - usize::from(w.spaced);
            let squeezed_back = w.squeezed_start - usize::from(w.spaced);
            self.folded.truncate(folded_back);
            self.squeezed.truncate(squeezed_back);
            return;
        };
        self.out.evasion |= w.evasion;
        let token = Token {
            folded: w.folded_start as u32..folded_end as u32,
            squeezed: w.squeezed_start as u32..self.squeezed.len() as u32,
            span,
            evasion: w.evasion,
        };
        self.push_token(token, None);
    }

    /// Records a token and its packed `squeezed` key (computed here when not given), and
    /// whether the layout is still plain (see [`Normalized::squeezed_keys`]).
    #[inline(always)]
    fn push_token(&mut self, token: Token, key: Option<u64>) {
        let expected = self.out.tokens.last().map_or(0, |t| t.squeezed.end + 1);
        let key = match key {
            Some(key) => key,
            None => {
                let range = token.squeezed.start as usize..token.squeezed.end as usize;
                let bytes = self.squeezed.get(range).unwrap_or(&[]);
                if bytes.is_empty() || bytes.contains(&b' ') {
                    self.plain = false;
                }
                crate::squeezed_key(bytes)
            }
        };
        if token.squeezed.start != expected {
            self.plain = false;
        }
        self.out.squeezed_keys.push(key);
        self.out.tokens.push(token);
    }

    /// Called before a word's tokens are written: extends the current run of spaced-out
    /// letters with this word if it is one more letter, or closes the run (joining it).
    fn before_word(&mut self, single: Option<char>, start: u32) {
        let Some(c) = single else {
            self.flush_run();
            return;
        };
        let run = self.run;
        if run.len > 0 && run.len < MAX_SPACED_LETTERS {
            let gap = self
                .text
                .get(run.last_end as usize..start as usize)
                .unwrap_or("");
            let mut chars = gap.chars();
            let g = chars.next();
            let one_char = g.is_some() && chars.next().is_none();
            if let Some(g) = g.filter(|g| one_char && is_spacing_glue(*g)) {
                if run.gap.is_none_or(|prev| prev == g) {
                    self.run.gap = Some(g);
                    self.run.len += 1;
                    self.run.letters += usize::from(c.is_ascii_alphabetic());
                    self.run.last_end = self.pending_end(start);
                    self.run.last_is_letter = c.is_ascii_alphabetic();
                    return;
                }
                // The glue changed ("a c.u.n.t"): if the old run is too short to be joined
                // without its last letter, that letter starts the new run.
                let trailing = run.first + run.len == self.out.tokens.len();
                if trailing && run.len - 1 < spaced_threshold(run.gap) {
                    self.run = SpacedRun {
                        first: self.out.tokens.len() - 1,
                        len: 2,
                        letters: usize::from(run.last_is_letter)
                            + usize::from(c.is_ascii_alphabetic()),
                        gap: Some(g),
                        last_end: self.pending_end(start),
                        last_is_letter: c.is_ascii_alphabetic(),
                    };
                    return;
                }
            }
        }
        self.flush_run();
        self.run = SpacedRun {
            first: self.out.tokens.len(),
            len: 1,
            letters: usize::from(c.is_ascii_alphabetic()),
            gap: None,
            last_end: self.pending_end(start),
            last_is_letter: c.is_ascii_alphabetic(),
        };
    }

    /// End of the one-character word starting at `start`, in the original text.
    fn pending_end(&self, start: u32) -> u32 {
        let (_, len) = char_at(self.text, start as usize);
        let mut end = start as usize + len;
        // An ASCII byte after the letter is no combining mark (most single letters: "a", "I").
        if self.text.as_bytes().get(end).is_none_or(u8::is_ascii) {
            return end as u32;
        }
        // Trailing combining marks belong to the letter.
        while end < self.text.len() {
            let (c, len) = char_at(self.text, end);
            if fold::classify(c).kind != Kind::Mark {
                break;
            }
            end += len;
        }
        end as u32
    }

    /// Joins the current run of spaced-out letters into one token if it is long enough.
    #[inline(always)]
    pub(crate) fn flush_run(&mut self) {
        // Most words close no run: an empty run is the default one, nothing to take.
        if self.run.len > 0 {
            self.flush_pending_run();
        }
    }

    fn flush_pending_run(&mut self) {
        let run = std::mem::take(&mut self.run);
        if run.len < spaced_threshold(run.gap) || run.letters < 2 {
            return;
        }
        let tokens = &self.out.tokens;
        if run.first + run.len != tokens.len() {
            // The run was not the last tokens written: nothing to join safely.
            return;
        }
        let mut letters = [0u8; MAX_SPACED_LETTERS];
        let mut n = 0;
        let mut evasion = Evasion::SPACED;
        let mut span: Option<Span> = None;
        for t in &tokens[run.first..] {
            let Some(&b) = self.folded.get(t.folded.start as usize) else {
                return;
            };
            if t.folded.end - t.folded.start != 1 || n == letters.len() {
                return;
            }
            letters[n] = if b.is_ascii_digit() {
                evasion |= Evasion::LEET;
                leet_digit(b as char) as u8
            } else {
                b
            };
            n += 1;
            evasion |= t.evasion;
            span = Some(span.map_or(t.span, |s| s.cover(t.span)));
        }
        let Some(span) = span else { return };
        let first = &tokens[run.first];
        let folded_cut = (first.folded.start as usize).saturating_sub(usize::from(run.first > 0));
        let squeezed_cut =
            (first.squeezed.start as usize).saturating_sub(usize::from(run.first > 0));
        // Letter counts were already taken for the single letters; take them back out.
        self.cues.latin_letters = self.cues.latin_letters.saturating_sub(run.letters as u32);
        self.folded.truncate(folded_cut);
        self.squeezed.truncate(squeezed_cut);
        self.out.tokens.truncate(run.first);
        self.out.squeezed_keys.truncate(run.first);
        let mut w = self.begin();
        for &b in &letters[..n] {
            self.push(&mut w, b as char);
        }
        w.evasion |= evasion;
        w.span = Some(span);
        self.finish(w);
    }
}

/// The end of the run of ASCII letters starting at byte `from`: eight bytes per step while
/// they can be loaded, then byte by byte.
#[inline(always)]
fn ascii_letters_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while let Some(eight) = bytes.get(j..j + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(eight);
        let n = leading_ascii_letters(u64::from_le_bytes(word));
        j += n;
        if n < 8 {
            return j;
        }
    }
    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    j
}

/// How many of the 8 bytes packed little-endian in `w` are ASCII letters before the first that
/// is not (8 when all are): `is_ascii_alphabetic` on every byte at once.
#[inline(always)]
fn leading_ascii_letters(w: u64) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = !LOW7;
    const fn each(b: u8) -> u64 {
        0x0101_0101_0101_0101 * b as u64
    }
    // Setting bit 5 maps 'A'..='Z' onto 'a'..='z' and no other byte below 0x80 into that range.
    let low = (w | each(0x20)) & LOW7;
    // The high bit of each byte of `ge_a` is set when its low 7 bits are >= 'a', of `gt_z` when
    // they are > 'z'; the sums stay below 0x100 per byte, so nothing carries across bytes.
    let ge_a = low + each(0x80 - b'a');
    let gt_z = low + each(0x80 - b'z' - 1);
    let letters = ge_a & !gt_z & !w & HIGH;
    ((!letters & HIGH).trailing_zeros() / 8) as usize
}

/// Writes a word of 1 to 8 ASCII letters at `start` of `text` into both forms with 8-byte
/// stores, when no letter is written three times in a row (which `folded` would cut; left to
/// the caller's byte loop, as are longer words), after a separating space when `spaced` (in
/// the same store when the word has at most 7 letters). The key of the `squeezed` form (see
/// [`crate::squeezed_key`]) when written, with no evasion; `None`: nothing written. The same
/// bytes as the byte loop of [`Tokenizer::ascii_word`].
#[inline(always)]
fn ascii_word_packed(
    text: &[u8],
    start: usize,
    len: usize,
    spaced: bool,
    folded: &mut Vec<u8>,
    squeezed: &mut Vec<u8>,
) -> Option<u64> {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = !LOW7;
    if len == 0 || len > 8 {
        return None;
    }
    let mut eight = [0u8; 8];
    match text.get(start..start + 8) {
        Some(bytes) => eight.copy_from_slice(bytes),
        None => {
            let word = text.get(start..start + len)?;
            for (slot, &b) in eight.iter_mut().zip(word) {
                *slot = b;
            }
        }
    }
    let raw = u64::from_le_bytes(eight);
    let mask = if len == 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    // Only ASCII letters are here: setting bit 5 of each byte lower-cases them.
    let lower = (raw | 0x2020_2020_2020_2020) & mask;
    // Byte k of `same` is zero exactly when letters k and k + 1 are equal (k < len - 1).
    let same = lower ^ (lower >> 8);
    let zero_bytes = !(((same & LOW7).wrapping_add(LOW7)) | same) & HIGH & (mask >> 8);
    if zero_bytes & (zero_bytes >> 8) != 0 {
        // A run of three or more.
        return None;
    }
    let bytes = lower.to_le_bytes();
    // The space and the word as one store (the space in the low byte), or the word alone.
    let (store, stored) = if spaced && len < 8 {
        (((lower << 8) | 0x20).to_le_bytes(), len + 1)
    } else {
        if spaced {
            folded.push(b' ');
            squeezed.push(b' ');
        }
        (bytes, len)
    };
    let folded_len = folded.len();
    folded.extend_from_slice(&store);
    folded.truncate(folded_len + stored);
    if zero_bytes == 0 {
        let squeezed_len = squeezed.len();
        squeezed.extend_from_slice(&store);
        squeezed.truncate(squeezed_len + stored);
        Some(lower)
    } else {
        if stored > len {
            squeezed.push(b' ');
        }
        let (mut last, mut key, mut shift) = (0u8, 0u64, 0);
        for &b in &bytes[..len] {
            if b != last {
                squeezed.push(b);
                key |= u64::from(b) << shift;
                shift += 8;
                last = b;
            }
        }
        Some(key)
    }
}

/// Appends `c`, UTF-8 encoded.
#[inline(always)]
fn push_char(bytes: &mut Vec<u8>, c: char) {
    if c.is_ascii() {
        bytes.push(c as u8);
    } else {
        bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// The written bytes as a string, without checking them again (a check cost about 2 % of the
/// rules-only pipeline).
///
/// They are valid UTF-8 by construction. The tokenizer writes `folded` and `squeezed` only
/// (a) with [`push_char`], which appends a whole char's UTF-8 encoding, (b) with ASCII bytes:
/// spaces, lower-cased ASCII letters and digits of the text, and the packed 8-byte stores of
/// [`ascii_word_packed`] (ASCII letters and zero bytes), and (c) by truncating to a length the
/// buffer had before (a token's or a space's start), which is a char boundary since every
/// append is of whole chars. Tests and debug builds check it and panic if it ever broke.
fn into_string(bytes: Vec<u8>) -> String {
    if cfg!(any(test, debug_assertions)) {
        return match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => panic!("the tokenizer wrote invalid UTF-8: {e}"),
        };
    }
    // SAFETY: valid UTF-8 by construction, as shown above.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// A trailing run of one repeated leetspeak digit is part of the word ("ki11", "a55"), unlike
/// numbers ("covid19") and the "88" of hate codes, which stay numbers.
fn is_repeated_leet_digit(run: &[Unit]) -> bool {
    let Some(first) = run.first() else {
        return false;
    };
    matches!(first.ch, '0' | '1' | '3' | '4' | '5' | '7' | '9')
        && run.iter().all(|u| u.ch == first.ch || u.kind == Kind::Mark)
}

fn leet_digit(d: char) -> char {
    match d {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        other => other,
    }
}

/// Whether the bytes at `i` start "ht" or "ww" (any case), as every URL [`url_len`] knows
/// does: most words starting with h or w are then ruled out without a call.
#[inline(always)]
fn may_start_url(bytes: &[u8], i: usize) -> bool {
    let second = |expected: u8| bytes.get(i + 1).is_some_and(|&b| b | 0x20 == expected);
    match bytes.get(i).map(|&b| b | 0x20) {
        Some(b'h') => second(b't'),
        Some(b'w') => second(b'w'),
        _ => false,
    }
}

/// Length of the URL starting at byte `i` ("http://…", "https://…", "www.…", up to the next
/// whitespace), if one starts there: links are not words, and their fragments ("t", "co")
/// would only mislead matching and language identification.
fn url_len(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = bytes.get(i..)?;
    let first = *rest.first()?;
    if !matches!(first, b'h' | b'H' | b'w' | b'W') {
        return None;
    }
    if i > 0 && bytes.get(i - 1).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let starts = |prefix: &[u8]| {
        rest.len() > prefix.len() && rest[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    Some(
        rest.iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(rest.len()),
    )
}

/// Length of the HTML entity starting at the `&` at byte `i` ("&amp;", "&#128514;"), if one
/// does: scraped posts carry them, and "amp" is not a word of the post.
fn entity_len(bytes: &[u8], i: usize) -> Option<usize> {
    let rest = bytes.get(i + 1..)?;
    let body = rest.iter().take(10).position(|&b| b == b';')?;
    let name = &rest[..body];
    let is_named = !name.is_empty() && name.iter().all(u8::is_ascii_alphabetic);
    let is_numeric = name.len() >= 2
        && name[0] == b'#'
        && (name[1..].iter().all(u8::is_ascii_digit)
            || (name.len() >= 3
                && matches!(name[1], b'x' | b'X')
                && name[2..].iter().all(u8::is_ascii_hexdigit)));
    (is_named || is_numeric).then_some(body + 2)
}

/// Fewest single letters joined: spaces and hyphens also separate real one-letter words ("y a",
/// "a-t-il"), so they need three.
fn spaced_threshold(gap: Option<char>) -> usize {
    match gap {
        Some(' ') | Some('-') => 3,
        _ => 2,
    }
}

/// Separators that may stand between spaced-out letters.
fn is_spacing_glue(c: char) -> bool {
    matches!(c, ' ' | '.' | '-' | '_' | '*' | '·' | '•')
}

/// The character of a one-unit word that can join a spaced-out run, if it is one.
fn single_unit(core: &[Unit]) -> Option<char> {
    let mut cores = core.iter().filter(|u| u.is_core());
    let u = cores.next()?;
    if cores.next().is_some() {
        return None;
    }
    match u.kind {
        Kind::Letter if u.ch.is_ascii_alphabetic() => Some(u.ch.to_ascii_lowercase()),
        Kind::Letter if u.script == Script::LookAlike => fold::look_alike(u.ch),
        Kind::Letter => {
            // Fullwidth, mathematical and circled letters can be spaced out too; plain
            // accented letters ("à") are words of their own.
            let mut out = None;
            let info = fold::fold_non_ascii(u.ch, true, |c| out = Some(c));
            out.filter(|c| c.is_ascii_alphabetic() && info.evasion.contains(Evasion::CONFUSABLE))
        }
        Kind::Digit if u.ch.is_ascii_digit() => Some(u.ch),
        Kind::Leet(l) if !matches!(u.ch, '!' | '|' | '+') => Some(l as char),
        _ => None,
    }
}

fn is_number_with_suffix(rest: &[Unit]) -> bool {
    let mut buf = [0u8; 4];
    let mut n = 0;
    for u in rest {
        if !u.ch.is_ascii_alphabetic() || n == buf.len() {
            return false;
        }
        buf[n] = u.ch.to_ascii_lowercase() as u8;
        n += 1;
    }
    n > 0 && NUMBER_SUFFIXES.contains(&&buf[..n])
}

fn trims_lead(u: &Unit) -> bool {
    matches!(u.kind, Kind::Leet(_)) && matches!(u.ch, '!' | '|' | '+')
}

fn trims_trail(u: &Unit) -> bool {
    matches!(u.kind, Kind::Leet(_)) && matches!(u.ch, '!' | '|' | '+' | '@')
}

/// Accents of ordinary spelling written as combining marks (text in NFD form).
fn is_ordinary_accent_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{0308}' | '\u{030A}'..='\u{030C}' | '\u{0327}' | '\u{0328}')
}

#[inline(always)]
fn is_ascii_separator(b: u8) -> bool {
    fold::is_ascii_sep(b)
}

fn is_word_kind(kind: Kind) -> bool {
    !matches!(kind, Kind::Sep(_))
}

/// The character at byte `i` (a char boundary) and its length; U+FFFD past the end.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        Some(_) => text
            .get(i..)
            .and_then(|s| s.chars().next())
            .map_or(('\u{FFFD}', 1), |c| (c, c.len_utf8())),
        None => ('\u{FFFD}', 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The byte loop the packed paths stand in for.
    fn reference_ascii_word(word: &[u8]) -> (Vec<u8>, Vec<u8>, bool) {
        let (mut folded, mut squeezed) = (Vec::new(), Vec::new());
        let (mut last, mut run, mut repeated) = (0u8, 0u32, false);
        for &b in word {
            let letter = b | 0x20;
            if letter == last {
                run += 1;
                if run >= 3 {
                    repeated = true;
                } else {
                    folded.push(letter);
                }
            } else {
                last = letter;
                run = 1;
                folded.push(letter);
                squeezed.push(letter);
            }
        }
        (folded, squeezed, repeated)
    }

    #[test]
    fn leading_letters_counts_like_the_byte_test() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[at] = b;
                let expected = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphabetic())
                    .unwrap_or(8);
                assert_eq!(
                    leading_ascii_letters(u64::from_le_bytes(bytes)),
                    expected,
                    "byte {b:#x} at {at}"
                );
            }
        }
    }

    /// The forms, tokens, keys and cues of `text`, with or without the fast paths.
    fn tokenize(text: &str, fast_paths: bool) -> (Normalized, [u32; 3]) {
        let fold = fold::FoldCache::new();
        let mut out = Normalized::default();
        let mut tokenizer = Tokenizer::new(text, &fold, &mut out);
        tokenizer.fast_paths = fast_paths;
        tokenizer.run();
        let cues = tokenizer.close();
        let cues = [cues.french_accents, cues.latin_letters, cues.other_letters];
        (out, cues)
    }

    #[test]
    fn apostrophe_words_split_elisions_and_drop_other_apostrophes() {
        let cases = [
            ("C'est aujourd'hui", "c est aujourdhui"),
            ("jusqu'aujourd'hui j`vais", "jusqu aujourdhui j vais"),
            ("don't l'homme qu'il", "dont l homme qu il"),
            ("all'la ll'l", "alla ll"),
            ("c’était l’équipe d’Œdipe", "c etait l equipe d oedipe"),
            ("matrixé être qu’à", "matrixe etre qu a"),
        ];
        for (text, expected) in cases {
            let (fast, fast_cues) = tokenize(text, true);
            let (general, general_cues) = tokenize(text, false);
            assert_eq!(fast.folded, expected, "{text}");
            assert_eq!(fast.tokens, general.tokens, "{text}");
            assert_eq!(fast.squeezed, general.squeezed, "{text}");
            assert_eq!(fast.squeezed_keys, general.squeezed_keys, "{text}");
            assert_eq!(fast.evasion, general.evasion, "{text}");
            assert_eq!(fast_cues, general_cues, "{text}");
        }
    }

    /// Tokenizes `text` with and without the fast paths and compares everything they produce.
    fn fast_path_matches_general(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let (fast, fast_cues) = tokenize(text, true);
        let (general, general_cues) = tokenize(text, false);
        prop_assert_eq!(&fast.folded, &general.folded);
        prop_assert_eq!(&fast.squeezed, &general.squeezed);
        prop_assert_eq!(&fast.tokens, &general.tokens);
        prop_assert_eq!(&fast.squeezed_keys, &general.squeezed_keys);
        prop_assert_eq!(fast.evasion, general.evasion);
        // Known and kept (the language identifier was tuned with it): the ASCII word path
        // counts every letter of a run of three or more, the general path the two kept.
        let tripled = text
            .as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_alphabetic() && w[0] == w[1] && w[1] == w[2]);
        if !tripled {
            prop_assert_eq!(fast_cues, general_cues);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        /// The fast paths (ASCII words, mentions) give what the general path gives.
        #[test]
        fn fast_paths_give_the_general_paths_tokens(
            text in "([a-cA-C@0-9]{0,12}[ .,!'é&…“”’😒\u{301}-]{0,2}){0,8}",
        ) {
            fast_path_matches_general(&text)?;
        }

        /// The same for words with apostrophes: elisions ("l'", "qu'", "jusqu'"), dropped
        /// apostrophes, runs of letters across them, words cut by other characters.
        #[test]
        fn apostrophe_words_give_the_general_paths_tokens(
            text in "([a-dhjlqsuA-DJLQU'`]{0,12}[ .,!'`é’…😒0-9-]{0,2}){0,8}",
        ) {
            fast_path_matches_general(&text)?;
        }

        /// The same for words of accented Latin letters, with apostrophes (’ and '), next to
        /// letters the accented-word path leaves to the general one (ª, combining marks, µ).
        #[test]
        fn accented_words_give_the_general_paths_tokens(
            text in "([a-cljqA-CéÉèeçœŒßàÃª\u{301}µ'’`]{0,12}[ .,!'’é&…“”😒\u{301}0-9-]{0,2}){0,8}",
        ) {
            fast_path_matches_general(&text)?;
        }

        #[test]
        fn letters_end_is_the_byte_scan(text in "[a-zA-Z@\\[`{ é0-9]{0,40}", from in 0usize..40) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let mut expected = from;
            while expected < bytes.len() && bytes[expected].is_ascii_alphabetic() {
                expected += 1;
            }
            prop_assert_eq!(ascii_letters_end(bytes, from), expected);
        }

        #[test]
        fn packed_word_writes_what_the_byte_loop_writes(
            word in "[a-cA-C]{1,10}",
            after in "[ a-z]{0,9}",
            prefix in "[a-z ]{0,3}",
        ) {
            let text = format!("{word}{after}");
            let (mut folded, mut squeezed) = (prefix.clone().into_bytes(), prefix.clone().into_bytes());
            let spaced = !prefix.is_empty();
            let written =
                ascii_word_packed(text.as_bytes(), 0, word.len(), spaced, &mut folded, &mut squeezed);
            let (f, s, repeated) = reference_ascii_word(word.as_bytes());
            if let Some(key) = written {
                prop_assert!(!repeated);
                let space: &[u8] = if spaced { b" " } else { b"" };
                prop_assert_eq!(&folded[prefix.len()..], &[space, &f[..]].concat()[..]);
                prop_assert_eq!(&squeezed[prefix.len()..], &[space, &s[..]].concat()[..]);
                prop_assert_eq!(key, crate::squeezed_key(&s));
            } else {
                prop_assert!(repeated || word.len() > 8);
                prop_assert_eq!(folded.len(), prefix.len());
                prop_assert_eq!(squeezed.len(), prefix.len());
            }
        }
    }
}
