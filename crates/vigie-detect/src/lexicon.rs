//! Lexicon matching: slurs, dehumanising terms, insults, profanity, sexual terms and fixed
//! threatening phrases, read from plain CSV files that platforms can extend without recompiling.
//!
//! File format (see the header of `data/lexicons/en.csv`): one entry per line,
//! `lang,term,category,kind,severity,target`, `#` starts a comment line. A later file overrides
//! an earlier one for the same `(lang, term)`; severity `0` removes the term (an allowlist).

use std::sync::Arc;

use vigie_text::{Lang, Normalized, Normalizer};

use crate::phrases::{
    PhraseSet, PhraseSetBuilder, QuoteScanner, digest, lang_applies, phrase_key, runs_compatible,
    tokens_span,
};
use crate::targets::TargetMatcher;
use crate::{Category, DetectError, DetectInput, Detector, Evidence, Signal, Target};

/// What kind of term an entry is; it decides how the term contributes beyond its category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A slur against a protected group.
    Slur,
    /// Words that deny a group's humanity ("vermin", "cafards"): hate next to a group name,
    /// weak toxicity otherwise, whatever category the file gives.
    Dehumanising,
    Insult,
    Profanity,
    Sexual,
    /// A violent verb on its own ("kill"): weak evidence, the threat detector does the structure.
    ViolentVerb,
    /// A fixed threatening phrase ("i know where you live").
    ThreatPhrase,
    /// Telling someone to harm themselves ("kys", "va te pendre").
    SelfHarm,
}

impl TermKind {
    fn from_name(name: &str) -> Option<TermKind> {
        Some(match name {
            "slur" => TermKind::Slur,
            "dehumanising" | "dehumanizing" => TermKind::Dehumanising,
            "insult" => TermKind::Insult,
            "profanity" => TermKind::Profanity,
            "sexual" => TermKind::Sexual,
            "violent_verb" => TermKind::ViolentVerb,
            "threat_phrase" => TermKind::ThreatPhrase,
            "self_harm" => TermKind::SelfHarm,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            TermKind::Slur => "slur",
            TermKind::Dehumanising => "dehumanising",
            TermKind::Insult => "insult",
            TermKind::Profanity => "profanity",
            TermKind::Sexual => "sexual",
            TermKind::ViolentVerb => "violent_verb",
            TermKind::ThreatPhrase => "threat_phrase",
            TermKind::SelfHarm => "self_harm",
        }
    }
}

/// One lexicon entry after loading.
#[derive(Debug, Clone)]
pub struct LexiconEntry {
    pub lang: Lang,
    pub term: String,
    pub category: Category,
    pub kind: TermKind,
    /// 1 (ambiguous or mild) to 3 (unambiguous and severe).
    pub severity: u8,
    /// Canonical id of the protected group the term targets, if any.
    pub target: Option<String>,
    /// `lexicon:<lang>:<kind>:<term>`, the evidence label.
    label: String,
    /// The term normalized, double letters kept.
    folded: Box<str>,
    /// Index of the file the entry came from, so a later file replaces it.
    source: usize,
}

/// Contribution of one match of a given severity to its category score.
fn severity_weight(severity: u8) -> f32 {
    match severity {
        0 => 0.0,
        1 => 0.35,
        2 => 0.6,
        _ => 0.85,
    }
}

/// A dehumanising word is hate when a protected group is named in the same post ("muslims are
/// vermin"); on its own it is mostly an insult ("you vermin").
const DEHUMANISING_WITH_GROUP: f32 = 0.8;
/// "rats", "animals", "plague" without a group are ordinary words far more often than abuse.
const DEHUMANISING_ALONE_FACTOR: f32 = 0.5;

/// A violent verb alone ("kill time", "murder a pizza") is weak evidence: it stays below the
/// 0.3 that policies treat as noise; the threat detector judges the structure around it.
const VIOLENT_VERB_FACTOR: f32 = 0.4;
const QUOTED_FACTOR: f32 = 0.5;

/// A lexicon compiled into one automaton for all languages.
pub struct Lexicon {
    phrases: PhraseSet<LexiconEntry>,
    version: String,
    len: usize,
}

impl Lexicon {
    /// Loads lexicon files in order, each as `(origin, source)`; `origin` names the file in
    /// errors. Later files add to and override earlier ones.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Lexicon, DetectError> {
        let normalizer = Normalizer::new();
        let mut builder: PhraseSetBuilder<LexiconEntry> = PhraseSetBuilder::new();
        for (source_index, (origin, source)) in sources.iter().enumerate() {
            // One entry per line, so each line is read on its own: errors then carry the real
            // line number, blank and comment lines included.
            for (index, text) in source.lines().enumerate() {
                let line = index as u64 + 1;
                let trimmed = text.trim();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let lexicon_error = |reason: String| DetectError::Lexicon {
                    origin: (*origin).to_owned(),
                    line,
                    reason,
                };
                let record = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .trim(csv::Trim::All)
                    .from_reader(trimmed.as_bytes())
                    .records()
                    .next()
                    .transpose()
                    .map_err(|e| lexicon_error(e.to_string()))?
                    .ok_or_else(|| lexicon_error("empty line".to_owned()))?;
                let entry = parse_entry(&record, source_index).map_err(lexicon_error)?;
                let mut entry = entry;
                let key = phrase_key(&normalizer, &entry.term, entry.lang);
                entry.folded = key.folded;
                let key = key.squeezed;
                if key.is_empty() {
                    return Err(lexicon_error(format!(
                        "term {:?} has no letters left after normalization",
                        entry.term
                    )));
                }
                if let Some(existing) = builder.payloads_mut(&key) {
                    existing.retain(|e| {
                        e.lang != entry.lang || e.folded != entry.folded || e.source == source_index
                    });
                }
                if entry.severity > 0 {
                    builder.add(key, entry);
                }
            }
        }
        let phrases = builder.build("lexicon")?;
        let len = phrases.payload_count();
        Ok(Lexicon {
            phrases,
            version: format!("lexicon-{}", digest(sources.iter().map(|(_, s)| *s))),
            len,
        })
    }

    /// Number of entries (across languages).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    /// Calls `on_match` for every entry that matches `text`, with the token range it covers.
    pub fn for_each_match(
        &self,
        text: &Normalized,
        mut on_match: impl FnMut(&LexiconEntry, u16, u16),
    ) {
        self.phrases.for_each_hit(text, |hit, folded| {
            for entry in self.phrases.payloads(hit.pattern) {
                if lang_applies(entry.lang, text.lang) && runs_compatible(&entry.folded, folded) {
                    on_match(entry, hit.first_token, hit.end_token);
                }
            }
        });
    }
}

fn parse_entry(record: &csv::StringRecord, source: usize) -> Result<LexiconEntry, String> {
    let field = |i: usize, name: &str| -> Result<&str, String> {
        match record.get(i) {
            Some(v) if !v.is_empty() => Ok(v),
            _ => Err(format!(
                "missing {name} (expected lang,term,category,kind,severity[,target])"
            )),
        }
    };
    let lang_code = field(0, "lang")?;
    let lang = match lang_code {
        "any" | "*" => Lang::Other,
        code => match Lang::from_code(code) {
            Lang::Other => return Err(format!("unknown lang {code:?} (use en, fr or any)")),
            lang => lang,
        },
    };
    let term = field(1, "term")?.to_owned();
    let category_name = field(2, "category")?;
    let category = Category::from_name(category_name)
        .ok_or_else(|| format!("unknown category {category_name:?}"))?;
    let kind_name = field(3, "kind")?;
    let kind =
        TermKind::from_name(kind_name).ok_or_else(|| format!("unknown kind {kind_name:?}"))?;
    let severity_text = field(4, "severity")?;
    let severity: u8 = severity_text
        .parse()
        .ok()
        .filter(|s| *s <= 3)
        .ok_or_else(|| format!("severity {severity_text:?} is not 0, 1, 2 or 3"))?;
    let target = record.get(5).filter(|t| !t.is_empty()).map(str::to_owned);
    if record.len() > 6 {
        return Err(format!(
            "{} fields, expected at most 6 (quote terms that contain a comma)",
            record.len()
        ));
    }
    let label = format!("lexicon:{}:{}:{}", lang.code(), kind.name(), term);
    Ok(LexiconEntry {
        lang,
        term,
        category,
        kind,
        severity,
        target,
        label,
        folded: Box::from(""),
        source,
    })
}

/// The lexicon as a [`Detector`]: one signal per category, the score a noisy-or of the
/// severities of every match, so two mild insults weigh more than one.
pub struct LexiconDetector {
    lexicon: Lexicon,
    targets: Option<Arc<TargetMatcher>>,
    version: String,
}

impl LexiconDetector {
    /// `targets`, when given, lets dehumanising terms count as hate when a group is named.
    pub fn new(lexicon: Lexicon, targets: Option<Arc<TargetMatcher>>) -> Self {
        let version = match &targets {
            Some(t) => format!("{}+{}", lexicon.version(), t.version()),
            None => lexicon.version().to_owned(),
        };
        LexiconDetector {
            lexicon,
            targets,
            version,
        }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
}

impl Detector for LexiconDetector {
    fn name(&self) -> &str {
        "lexicon"
    }

    fn version(&self) -> &str {
        &self.version
    }

    fn detect(&self, input: &DetectInput<'_>, out: &mut Vec<Signal>) {
        let text = input.normalized;
        // Per category: product of (1 - weight) of its matches, and where its signal sits in
        // `out` once created. No allocation unless something matches.
        let mut miss = [1.0f32; Category::ALL.len()];
        let mut slot = [usize::MAX; Category::ALL.len()];
        let mut group_named: Option<bool> = None;
        let mut quotes = QuoteScanner::new(input.original);
        self.lexicon.for_each_match(text, |entry, first, end| {
            let Some(span) = tokens_span(text, first, end) else {
                return;
            };
            let mut category = entry.category;
            let mut weight = severity_weight(entry.severity);
            if entry.kind == TermKind::ViolentVerb {
                weight *= VIOLENT_VERB_FACTOR;
            }
            if entry.kind == TermKind::Dehumanising {
                let named = *group_named.get_or_insert_with(|| {
                    self.targets.as_ref().is_some_and(|t| t.names_group(text))
                });
                if named {
                    category = Category::Hate;
                    weight = weight.max(DEHUMANISING_WITH_GROUP);
                } else {
                    category = Category::Toxicity;
                    weight *= DEHUMANISING_ALONE_FACTOR;
                }
            }
            // A word in quotation marks is more often mentioned than used ("calling them
            // 'monkeys' is racist"); the classifier weighs the rest of the post. Applied after
            // the group floor, so quoted counter-speech is not floored back to a clear hit.
            if quotes.quoted(span.start as usize) {
                weight *= QUOTED_FACTOR;
            }
            let c = category.index();
            miss[c] *= 1.0 - weight;
            if slot[c] == usize::MAX {
                slot[c] = out.len();
                out.push(Signal {
                    detector: "lexicon".into(),
                    category,
                    score: 0.0,
                    evidence: Vec::new(),
                    targets: Vec::new(),
                });
            }
            if let Some(signal) = out.get_mut(slot[c]) {
                signal.evidence.push(Evidence {
                    span,
                    matched: entry.label.clone(),
                });
                if let Some(id) = &entry.target {
                    let target = Target::Group { id: id.clone() };
                    if !signal.targets.contains(&target) {
                        signal.targets.push(target);
                    }
                }
            }
        });
        for (c, &s) in slot.iter().enumerate() {
            if let Some(signal) = out.get_mut(s) {
                signal.score = (1.0 - miss[c]).clamp(0.0, 1.0);
            }
        }
    }
}
