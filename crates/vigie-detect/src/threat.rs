//! Threats and incitement: structure, not only words.
//!
//! A pattern file (`data/patterns/en.toml`, `fr.toml`) lists, per *role*, the phrases that play
//! it: violent acts, speaker frames ("i will", "je vais"), calls on others ("someone should",
//! "il faut"), negators, reported-speech, condemnation and fiction markers, idioms, objects
//! that make a violent verb harmless ("kill *time*"), time and place words. One automaton finds
//! every role phrase; small rules over the token positions of those hits then decide:
//!
//! - speaker frame + act (+ addressee or target) → `violence_threat` ("I'm gonna shoot you");
//! - call frame + act, imperative + target, passive "should be shot", "deserves a bullet",
//!   "death to …" → `incitement`;
//! - a weapon carried or called for ("I'm coming in with my gun", "bring ammo", "ramenez des
//!   cocktails molotov") or made ready ("the pipe bomb is ready") → `violence_threat` for the
//!   speaker, `incitement` for an order, both when the speaker joins in; a tool that is a weapon
//!   only in context (knives, rope, bats) needs a place, a target or other violent words;
//! - a death foretold of someone named ("the judge doesn't leave alive", "X gets a bullet") →
//!   `violence_threat`;
//! - a named group or watchlisted person, a conditional ("if you…") or a time/place (for calls
//!   to gather) raises the score;
//! - negation before the act, an idiom, reported speech, condemnation or fiction markers
//!   drop the signal, so that "he said he would kill her — call the police" stays clean.
//!
//! The rules are hand-written on purpose: no crate offers a multilingual shallow grammar of
//! threats, and the rules must stay explainable (every signal names its pattern).

use std::sync::Arc;

use serde::Deserialize;
use vigie_text::{Lang, Normalized, Normalizer};

use crate::phrases::{
    PhraseSet, PhraseSetBuilder, digest, lang_applies, phrase_key, quoted, runs_compatible,
    tokens_span,
};
use crate::targets::{TargetMatcher, TargetMention, TargetRef};
use crate::{Category, DetectError, DetectInput, Detector, Evidence, Signal, Target};

/// The part a phrase plays in a threat. Wire names are the keys of `[roles]` in pattern files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Role {
    /// First-person subject: "i", "we", "je", "on".
    SubjectFirst,
    /// Future or intent after the subject: "will", "gonna", "vais".
    FutureModal,
    /// A call on others: "someone should", "we need to", "il faut", "let's".
    InciteModal,
    /// A violent act, base or imperative form: "kill", "tuer", "tuez".
    Act,
    /// An act that is violent only with a person as object: "hang", "descendre".
    ActWeak,
    /// A French future first-person form that is a frame by itself: "tuerai".
    ActFuture,
    /// A French present form threatening only after "je te/je vous": "je te bute".
    ActPresent,
    /// Passive participle: "shot", "pendus".
    Participle,
    /// Before a participle: "should be", "doivent être".
    PassiveModal,
    /// "deserves", "mérite".
    Deserve,
    /// What someone "deserves": "a bullet", "une balle", "to die".
    HarmNoun,
    /// A threat on its own: "you're dead", "t'es mort".
    DoomStrong,
    /// A veiled threat on its own: "watch your back", "tu vas le regretter".
    DoomWeak,
    /// A phrase that is a veiled threat only beside violent words, and nothing without them:
    /// "it would be terrible if", "ce serait dommage qu'" (… "qu'elle brûle"), "not joking".
    /// Unlike [`Role::DoomWeak`], a name does not lift it: "ce serait dommage que tu rates le
    /// concert, Julie".
    DoomHint,
    /// A call to violence on its own: "death to", "mort aux", "gas the".
    CallPhrase,
    /// The person addressed: "you", "te", "toi".
    Addressee,
    /// A third person: "him", "them", "ce mec".
    ThirdObject,
    /// A pronoun that is an object only right before the verb (French "les", "la", "lui"):
    /// after the verb the same word is an article ("tuer le temps").
    ObjectClitic,
    /// "not", "never", "ne", "pas", "jamais".
    Negator,
    /// Reported speech and news: "he said", "police say", "a menacé".
    Reported,
    /// Condemnation of a threat: "call the police", "inadmissible".
    Condemn,
    /// Fiction and games: "in the game", "dans le film", "my character".
    Fiction,
    /// A whole idiom that contains a violent verb: "kill time", "ça me tue".
    Idiom,
    /// An object that makes the act harmless: "a pizza", "ce match", "the lights".
    IdiomObject,
    /// A time or a call to gather: "on friday", "rendez-vous", "bring".
    TimePlace,
    /// A place, which can also be what an act is aimed at: "the mosque", "la mairie".
    Place,
    /// "if", "si", "next time".
    Conditional,
    /// Banter markers: "lol", "jk", "mdr". Threats among friends are hyperbole.
    Joke,
    /// A weapon that is hardly ever harmless in a call or a plan: "rifles", "ammo", "molotov",
    /// "kalash".
    Weapon,
    /// A tool that is a weapon only in context: "knives", "bats", "rope", "essence".
    WeaponWeak,
    /// Carrying or bringing before a weapon: "bring", "with my", "ramenez", "avec".
    Carry,
    /// A noun that names a person: "tourist", "cop", "teacher", "voisin". After an act it is
    /// its object ("stab the next tourist").
    Person,
    /// A death foretold of a third person, a threat only when someone is named before it:
    /// "the judge doesn't leave alive", "Dana won't see morning".
    DoomThird,
    /// "gets", "will get": what follows is promised, not wished ("X gets a bullet").
    Receive,
    /// The addressee as the one who will undergo what follows: "you'll get", "tu seras",
    /// "tu vas te faire" (… "shot", "égorgé", "égorger").
    PassiveFuture,
    /// Set at load time, not in files: an act or call that names its victim itself
    /// ("slit your throat", "hang them all", "tuez-les tous").
    InnerAddressee,
    InnerThird,
}

impl Role {
    const ALL: [Role; 35] = [
        Role::SubjectFirst,
        Role::FutureModal,
        Role::InciteModal,
        Role::Act,
        Role::ActWeak,
        Role::ActFuture,
        Role::ActPresent,
        Role::Participle,
        Role::PassiveModal,
        Role::Deserve,
        Role::HarmNoun,
        Role::DoomStrong,
        Role::DoomWeak,
        Role::DoomHint,
        Role::CallPhrase,
        Role::Addressee,
        Role::ThirdObject,
        Role::ObjectClitic,
        Role::Negator,
        Role::Reported,
        Role::Condemn,
        Role::Fiction,
        Role::Idiom,
        Role::IdiomObject,
        Role::TimePlace,
        Role::Place,
        Role::Conditional,
        Role::Joke,
        Role::Weapon,
        Role::WeaponWeak,
        Role::Carry,
        Role::Person,
        Role::DoomThird,
        Role::Receive,
        Role::PassiveFuture,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::SubjectFirst => "subject_first",
            Role::FutureModal => "future_modal",
            Role::InciteModal => "incite_modal",
            Role::Act => "act",
            Role::ActWeak => "act_weak",
            Role::ActFuture => "act_future",
            Role::ActPresent => "act_present",
            Role::Participle => "participle",
            Role::PassiveModal => "passive_modal",
            Role::Deserve => "deserve",
            Role::HarmNoun => "harm_noun",
            Role::DoomStrong => "doom_strong",
            Role::DoomWeak => "doom_weak",
            Role::DoomHint => "doom_hint",
            Role::CallPhrase => "call_phrase",
            Role::Addressee => "addressee",
            Role::ThirdObject => "third_object",
            Role::ObjectClitic => "object_clitic",
            Role::Negator => "negator",
            Role::Reported => "reported",
            Role::Condemn => "condemn",
            Role::Fiction => "fiction",
            Role::Idiom => "idiom",
            Role::IdiomObject => "idiom_object",
            Role::TimePlace => "time_place",
            Role::Place => "place",
            Role::Conditional => "conditional",
            Role::Joke => "joke",
            Role::Weapon => "weapon",
            Role::WeaponWeak => "weapon_weak",
            Role::Carry => "carry",
            Role::Person => "person",
            Role::DoomThird => "doom_third",
            Role::Receive => "receive",
            Role::PassiveFuture => "passive_future",
            Role::InnerAddressee => "_inner_addressee",
            Role::InnerThird => "_inner_third",
        }
    }

    fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    /// Roles whose phrases may contain their own object.
    fn takes_object(self) -> bool {
        matches!(
            self,
            Role::Act | Role::ActWeak | Role::ActFuture | Role::ActPresent | Role::CallPhrase
        )
    }

    const fn bit(self) -> u64 {
        1 << (self as u8)
    }
}

/// A set of roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Roles(u64);

impl Roles {
    fn has(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }
    fn any(self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.has(*r))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternFile {
    lang: String,
    roles: std::collections::BTreeMap<String, Vec<String>>,
    /// Verbs by conjugation class, expanded into role phrases at load (see [`Conjugation`]).
    #[serde(default)]
    conjugations: std::collections::BTreeMap<String, Conjugation>,
}

/// A conjugation class: lemmas that share their endings, and which role each form plays.
/// "tuer" in the class with `ending = "er"` and `forms.act_future = ["erai", "era", …]` gives
/// "tuerai", "tuera", …: every person and tense is written once per class instead of once
/// per verb, so a new violent verb gets all its forms ("je te tuerai", "abattez", "tu seras
/// égorgé") by adding its lemma. A lemma may carry words after the verb ("casser la
/// gueule" → "cassez la gueule", "casserai la gueule"). Hand-written on purpose: the
/// inflection crates we know of are dictionaries far larger than the few regular classes
/// threats need, and this keeps the forms in a file users can read and extend.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Conjugation {
    /// What the first word of every lemma ends with, and what the endings replace.
    ending: String,
    /// Role name → endings. For `weak` lemmas, `act` and `act_future` forms play `act_weak`
    /// (a future form alone is a violent word for the veiled-threat cues: "finira" is not),
    /// and `participle` and `act_present` forms are left out ("planté" is mostly gardening;
    /// "je te frappe" is a threat but "je te tape la bise", "je te chope à 8h" are not, so a
    /// weak verb's present forms are listed by hand, one by one).
    forms: std::collections::BTreeMap<String, Vec<String>>,
    /// Verbs violent whatever their object: "tuer", "égorger".
    #[serde(default)]
    strong: Vec<String>,
    /// Verbs violent only with a person as object: "planter", "descendre".
    #[serde(default)]
    weak: Vec<String>,
}

impl Conjugation {
    /// Every (role name, phrase) of the class, or why a lemma does not fit it.
    fn expand(&self, class: &str) -> Result<Vec<(String, String)>, String> {
        let mut out = Vec::new();
        for (lemmas, weak) in [(&self.strong, false), (&self.weak, true)] {
            for lemma in lemmas {
                let (verb, tail) = lemma.split_once(' ').unwrap_or((lemma, ""));
                let stem = verb.strip_suffix(self.ending.as_str()).ok_or_else(|| {
                    format!(
                        "lemma {lemma:?} of conjugation {class} does not end with {:?}",
                        self.ending
                    )
                })?;
                for (role, endings) in &self.forms {
                    let role = match (role.as_str(), weak) {
                        ("participle" | "act_present", true) => continue,
                        ("act" | "act_future", true) => "act_weak",
                        (role, _) => role,
                    };
                    for ending in endings {
                        let form = if tail.is_empty() {
                            format!("{stem}{ending}")
                        } else {
                            format!("{stem}{ending} {tail}")
                        };
                        out.push((role.to_owned(), form));
                    }
                }
            }
        }
        Ok(out)
    }
}

#[derive(Debug, Clone)]
struct RolePhrase {
    lang: Lang,
    role: Role,
    folded: Box<str>,
}

/// A role phrase found in a post.
#[derive(Debug, Clone, Copy, Default)]
struct Hit {
    first: u16,
    end: u16,
    roles: Roles,
}

/// Most posts have a handful of role hits; past this many the rest are ignored rather than
/// allocating per post.
const MAX_HITS: usize = 64;
const MAX_MENTIONS: usize = 16;
/// How far back (in tokens, within one clause) a frame may sit before its act:
/// "let's meet at the city hall on friday and kill him" needs a wide one.
const FRAME_WINDOW: u16 = 10;
/// How far after the act its object or target may be: "kill all of the …".
const OBJECT_WINDOW: u16 = 4;

/// Score parts, tuned on the team's seed cases (tests/cases): a bare frame + act is "more likely
/// than not"; a concrete target makes it near certain.
const THREAT_BASE: f32 = 0.6;
const INCITE_BASE: f32 = 0.55;
const PASSIVE_BASE: f32 = 0.5;
const CALL_PHRASE_BASE: f32 = 0.65;
const CALL_PHRASE_ALONE: f32 = 0.25;
const DOOM_STRONG: f32 = 0.7;
const DOOM_WEAK: f32 = 0.45;
const WEAK_ACT_PENALTY: f32 = 0.1;
const BONUS_ADDRESSEE: f32 = 0.25;
const BONUS_THIRD: f32 = 0.1;
const BONUS_GROUP: f32 = 0.25;
const BONUS_PERSON: f32 = 0.3;
const BONUS_CONDITIONAL: f32 = 0.1;
const BONUS_TIME_PLACE: f32 = 0.15;
/// A weapon carried by the speaker or called for ("I'm coming in with my gun", "bring
/// ammo"): a hint until a time, place, target or condition says what it is for.
const ARMED_BASE: f32 = 0.5;
const WEAK_WEAPON_PENALTY: f32 = 0.15;
/// Other violent wording in the same post ("… bring rifles. Nobody leaves alive").
const BONUS_VIOLENT_CONTEXT: f32 = 0.1;
/// A third person's death foretold, with that person named ("the judge doesn't leave alive").
const DOOM_THIRD: f32 = 0.6;
/// A second veiled threat in the same post ("watch your back, you won't see it coming").
const BONUS_SECOND_DOOM: f32 = 0.2;
/// A veiled threat with a second cue: it names the person it is said to ("you won't see it
/// coming, Marcus"), names a watchlisted person, or has violent words of its own
/// outside the veiled phrase ("… a knife", "… a bullet"). A veiled phrase alone (0.45) stays
/// under the 0.5 review line, since its harmless twins use the same words; one cue lifts it
/// over. A time or place, or a second "you", was tried as a cue and measured on the train seeds:
/// they fire on the everyday twins ("I'll find you at the library on thursday"), and so does
/// a group ("watch your bag, there are Roma on the metro" is hate, not a threat), so they are
/// not cues (issue #3, session 4).
const BONUS_NAMED: f32 = 0.1;

/// The compiled pattern vocabulary of all languages.
pub struct ThreatPatterns {
    phrases: PhraseSet<RolePhrase>,
    version: String,
}

impl ThreatPatterns {
    /// Loads pattern files `(origin, source)`; later files add phrases to the roles.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Self, DetectError> {
        let normalizer = Normalizer::new();
        let mut phrases: Vec<(String, RolePhrase)> = Vec::new();
        for (origin, source) in sources {
            let file: PatternFile =
                toml::from_str(source).map_err(|e| DetectError::toml(origin, e))?;
            let lang = match Lang::from_code(&file.lang) {
                Lang::Other => {
                    return Err(DetectError::toml(
                        origin,
                        format!("unknown lang {:?} (use en or fr)", file.lang),
                    ));
                }
                lang => lang,
            };
            let mut generated: Vec<(String, String)> = Vec::new();
            for (class, conjugation) in &file.conjugations {
                generated.extend(
                    conjugation
                        .expand(class)
                        .map_err(|e| DetectError::toml(origin, e))?,
                );
            }
            let listed = file.roles.iter().flat_map(|(role, phrases)| {
                phrases.iter().map(move |p| (role.as_str(), p.as_str()))
            });
            let conjugated = generated
                .iter()
                .map(|(role, p)| (role.as_str(), p.as_str()));
            for (role_name, phrase) in listed.chain(conjugated) {
                let role = Role::from_name(role_name)
                    .filter(|_| !role_name.starts_with('_'))
                    .ok_or_else(|| {
                        DetectError::toml(origin, format!("unknown role {role_name:?} in [roles]"))
                    })?;
                let key = phrase_key(&normalizer, phrase, lang);
                if key.squeezed.is_empty() {
                    return Err(DetectError::toml(
                        origin,
                        format!(
                            "phrase {phrase:?} of role {role_name} is empty after normalization"
                        ),
                    ));
                }
                phrases.push((
                    key.squeezed,
                    RolePhrase {
                        lang,
                        role,
                        folded: key.folded,
                    },
                ));
            }
        }
        // An act or call phrase that contains an addressee or object pronoun names its own
        // victim: mark it, so that authors write "hang them all" once, as one phrase.
        let pronouns: std::collections::HashMap<(&str, Lang), Role> = phrases
            .iter()
            .filter(|(key, p)| {
                // French "le"/"la" are articles inside phrases far more often than pronouns
                // ("mettre le feu", "casser la gueule"); "les" in a call is a pronoun
                // ("tuez-les tous").
                !key.contains(' ')
                    && matches!(p.role, Role::Addressee | Role::ObjectClitic)
                    && !matches!(key.as_str(), "le" | "la" | "l")
            })
            .map(|(key, p)| ((key.as_str(), p.lang), p.role))
            .collect();
        // An act phrase that ends with a place names where it strikes ("foncer dans la
        // foule", "tirer dans le tas"): that place is its victim, as after the act.
        let places: Vec<(&str, Lang)> = phrases
            .iter()
            .filter(|(key, p)| p.role == Role::Place && key.contains(' '))
            .map(|(key, p)| (key.as_str(), p.lang))
            .collect();
        let mut inner = Vec::new();
        for (key, p) in &phrases {
            if !p.role.takes_object() || !key.contains(' ') {
                continue;
            }
            let found = key.split(' ').find_map(|w| pronouns.get(&(w, p.lang)));
            let ends_with_place = || {
                places.iter().any(|(place, lang)| {
                    *lang == p.lang
                        && key.len() > place.len()
                        && key.ends_with(place)
                        && key.as_bytes()[key.len() - place.len() - 1] == b' '
                })
            };
            let role = match found {
                Some(Role::Addressee) => Role::InnerAddressee,
                Some(_) => Role::InnerThird,
                None if matches!(p.role, Role::Act | Role::ActWeak) && ends_with_place() => {
                    Role::InnerThird
                }
                None => continue,
            };
            inner.push((
                key.clone(),
                RolePhrase {
                    lang: p.lang,
                    role,
                    folded: p.folded.clone(),
                },
            ));
        }
        // A form listed by hand and also generated by a conjugation is one phrase ("imma" and
        // "ima" share a squeezed key but not their letter runs, so both stay).
        let mut seen = std::collections::HashSet::new();
        phrases.retain(|(key, p)| {
            seen.insert((key.clone(), p.folded.clone(), p.lang.code(), p.role as u8))
        });
        let mut builder = PhraseSetBuilder::new();
        for (key, phrase) in phrases.into_iter().chain(inner) {
            builder.add(key, phrase);
        }
        Ok(ThreatPatterns {
            phrases: builder.build("threat patterns")?,
            version: format!("patterns-{}", digest(sources.iter().map(|(_, s)| *s))),
        })
    }

    pub fn version(&self) -> &str {
        &self.version
    }
}

/// What a rule found: the best candidate per category is kept.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    category: Category,
    score: f32,
    pattern: &'static str,
    frame_first: u16,
    frame_end: u16,
    object: Object,
}

/// What an act is aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Object {
    None,
    Addressee { first: u16, end: u16 },
    Third,
    Mention(TargetMention),
}

impl Object {
    fn bonus(self) -> f32 {
        match self {
            Object::None => 0.0,
            Object::Addressee { .. } => BONUS_ADDRESSEE,
            Object::Third => BONUS_THIRD,
            Object::Mention(m) => match m.target {
                TargetRef::Group(_) => BONUS_GROUP,
                TargetRef::Person(_) => BONUS_PERSON,
            },
        }
    }
}

/// The threat and incitement detector.
pub struct ThreatDetector {
    patterns: ThreatPatterns,
    targets: Arc<TargetMatcher>,
    version: String,
}

impl ThreatDetector {
    pub fn new(patterns: ThreatPatterns, targets: Arc<TargetMatcher>) -> Self {
        let version = format!("{}+{}", patterns.version(), targets.version());
        ThreatDetector {
            patterns,
            targets,
            version,
        }
    }
}

/// Role hits and target mentions of one post, on the stack.
struct PostView<'a> {
    text: &'a Normalized,
    original: &'a str,
    hits: [Hit; MAX_HITS],
    hit_count: usize,
    mentions: [Option<TargetMention>; MAX_MENTIONS],
    all_roles: Roles,
}

impl<'a> PostView<'a> {
    fn hits(&self) -> &[Hit] {
        &self.hits[..self.hit_count]
    }

    /// Whether the post names a time or a place anywhere ("tonight", "at the station"): what
    /// turns talk into a plan.
    fn names_time_or_place(&self) -> bool {
        self.all_roles.any(&[Role::TimePlace, Role::Place])
    }

    /// [`BONUS_TIME_PLACE`] when the post names a time or a place, else nothing.
    fn time_place_bonus(&self) -> f32 {
        if self.names_time_or_place() {
            BONUS_TIME_PLACE
        } else {
            0.0
        }
    }

    fn mentions(&self) -> impl Iterator<Item = TargetMention> + '_ {
        self.mentions.iter().map_while(|m| *m)
    }

    /// Whether a sentence ends between token `k - 1` and token `k`.
    fn clause_break_before(&self, k: u16) -> bool {
        let (Some(prev), Some(next)) = (
            k.checked_sub(1)
                .and_then(|p| self.text.tokens.get(p as usize)),
            self.text.tokens.get(k as usize),
        ) else {
            return false;
        };
        self.original
            .as_bytes()
            .get(prev.span.end as usize..next.span.start as usize)
            .is_some_and(|gap| {
                gap.iter()
                    .any(|b| matches!(b, b'.' | b'!' | b'?' | b';' | b'\n'))
            })
    }

    /// First token of the clause that contains token `k`, no further back than `window`.
    fn clause_start(&self, k: u16, window: u16) -> u16 {
        let floor = k.saturating_sub(window);
        let mut start = k;
        while start > floor && !self.clause_break_before(start) {
            start -= 1;
        }
        start
    }

    /// Hits lying entirely within tokens `[from, to)`.
    fn hits_in(&self, from: u16, to: u16) -> impl Iterator<Item = &Hit> {
        self.hits()
            .iter()
            .filter(move |h| h.first >= from && h.end <= to)
    }

    /// What the act at `[first, end)` is aimed at: a group or watchlisted person soon after,
    /// else an addressee or third person right before (French clitics) or after it, a place
    /// ("bomb the mosque"), or a capitalised name ("hang Beaumont").
    /// The flag is true when an idiom object follows the act ("kill time").
    fn object_of(&self, first: u16, end: u16, strong: bool, roles: Roles) -> (Object, bool) {
        if roles.has(Role::InnerAddressee) {
            return (Object::Addressee { first, end }, false);
        }
        // "je vais t'enterrer dans le bois": with the addressee already before the act, a
        // thing one word further on is where, not what ("te descendre les poubelles" still is
        // what).
        let addressee_before = first > 0
            && self.hits().iter().any(|h| {
                (h.end == first || h.end + 1 == first)
                    && h.roles.has(Role::Addressee)
                    && !self.bare_possessive(h)
            });
        if self.hits().iter().any(|h| {
            h.roles.has(Role::IdiomObject)
                && h.first >= end
                && (h.first == end || (h.first == end + 1 && !addressee_before))
        }) {
            return (Object::None, true);
        }
        for m in self.mentions() {
            if m.first_token >= end && m.first_token < end + OBJECT_WINDOW {
                return (Object::Mention(m), false);
            }
        }
        // French imperatives put the pronoun after the verb: "tuez-les", "butez les tous",
        // also after a first verb ("levez-vous et massacrez-les").
        let imperative = first == self.clause_start(first, FRAME_WINDOW)
            || (self.text.lang == Lang::Fr && self.word(first).ends_with("ez"));
        let mut object = Object::None;
        for h in self.hits() {
            let right_after = h.first >= end && h.first <= end + 2;
            if h.first == end
                && h.roles.has(Role::ObjectClitic)
                && imperative
                && self.pronoun_after_verb(end)
            {
                object = Object::Third;
            }
            // "stab the next tourist", "gonna kill that blogger": a person noun soon after a
            // strong act (after a weak one it is mostly errands: "deal with the landlord").
            if strong
                && h.roles.has(Role::Person)
                && h.first >= end
                && h.first < end + OBJECT_WINDOW
                && !(end + 1..=h.first).any(|k| self.clause_break_before(k))
            {
                object = Object::Third;
            }
            let right_before = h.end == first || h.end + 1 == first;
            if !(right_after || right_before) {
                continue;
            }
            // "end your career", "delete your comment": a bare possessive after a weak act
            // names a thing of the addressee, not the addressee ("your house" is its own
            // phrase and still counts).
            if h.roles.has(Role::Addressee) && !strong && self.bare_possessive(h) {
                continue;
            }
            if h.roles.has(Role::Addressee) {
                return (
                    Object::Addressee {
                        first: h.first,
                        end: h.end,
                    },
                    false,
                );
            }
            let third = h.roles.has(Role::ThirdObject)
                || (right_before && h.roles.has(Role::ObjectClitic))
                || (right_after && h.roles.has(Role::Place));
            if third {
                object = Object::Third;
            }
        }
        if object == Object::None && strong && (end..end + 3).any(|k| self.is_name(k)) {
            object = Object::Third;
        }
        if object == Object::None && roles.has(Role::InnerThird) {
            object = Object::Third;
        }
        (object, false)
    }

    /// Whether the clitic at token `k` is a pronoun after an imperative ("tuez-les",
    /// "pendez les tous") rather than an article ("pendez le jambon"): hyphenated, last of its
    /// clause, or followed by "tous".
    fn pronoun_after_verb(&self, k: u16) -> bool {
        let tokens = &self.text.tokens;
        let (Some(prev), Some(this)) = (
            k.checked_sub(1).and_then(|p| tokens.get(p as usize)),
            tokens.get(k as usize),
        ) else {
            return false;
        };
        let hyphenated = self
            .original
            .get(prev.span.end as usize..this.span.start as usize)
            .is_some_and(|gap| gap.contains('-'));
        let last = k as usize + 1 >= tokens.len() || self.clause_break_before(k + 1);
        let then_all = self
            .hits()
            .iter()
            .any(|h| h.first == k + 1 && h.roles.has(Role::ThirdObject));
        hyphenated || last || then_all
    }

    /// The normalized word of token `k`.
    fn word(&self, k: u16) -> &str {
        self.text
            .tokens
            .get(k as usize)
            .and_then(|t| {
                self.text
                    .squeezed
                    .get(t.squeezed.start as usize..t.squeezed.end as usize)
            })
            .unwrap_or("")
    }

    /// A one-word possessive hit: "your", "ur".
    fn bare_possessive(&self, h: &Hit) -> bool {
        h.end == h.first + 1 && matches!(self.word(h.first), "your" | "ur" | "yo")
    }

    /// Whether a role hit covering exactly token `k` is an object pronoun ("te", "les").
    fn object_pronoun_at(&self, k: u16) -> bool {
        self.hits().iter().any(|h| {
            h.first == k
                && h.end == k + 1
                && h.roles
                    .any(&[Role::Addressee, Role::ObjectClitic, Role::ThirdObject])
        })
    }

    /// An English "-ing" form is a noun or a continuous tense, never an imperative:
    /// "Stabbing at Tulsa high school leaves one injured".
    fn is_gerund(&self, act: &Hit) -> bool {
        (act.first..act.end).any(|k| {
            self.text.tokens.get(k as usize).is_some_and(|t| {
                self.text
                    .squeezed
                    .get(t.squeezed.start as usize..t.squeezed.end as usize)
                    .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
            })
        })
    }

    /// Whether token `k` looks like a person's name: capitalised in the original, in a post
    /// that is not shouting in capitals, and not the first word of a sentence.
    fn is_name(&self, k: u16) -> bool {
        let Some(token) = self.text.tokens.get(k as usize) else {
            return false;
        };
        if k == 0 || self.clause_break_before(k) {
            return false;
        }
        let word = self.original.get(token.span.range()).unwrap_or("");
        let mut chars = word.chars();
        let starts_upper = chars.next().is_some_and(char::is_uppercase);
        starts_upper && !chars.all(|c| !c.is_lowercase()) && !self.shouting()
    }

    /// Whether token `k` starts with a capital followed by a lower-case letter ("Jenna").
    fn capitalised(&self, k: u16) -> bool {
        let Some(token) = self.text.tokens.get(k as usize) else {
            return false;
        };
        let mut chars = self.original.get(token.span.range()).unwrap_or("").chars();
        chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
    }

    /// More capitals than lower-case letters: capitalisation says nothing then.
    fn shouting(&self) -> bool {
        let (mut upper, mut lower) = (0u32, 0u32);
        for c in self.original.chars() {
            upper += u32::from(c.is_uppercase());
            lower += u32::from(c.is_lowercase());
        }
        upper > lower
    }

    /// A group or person named before `k` in its clause: the subject of "… should be shot".
    fn subject_before(&self, k: u16) -> Object {
        let start = self.clause_start(k, FRAME_WINDOW);
        let mut found = Object::None;
        for m in self.mentions() {
            if m.first_token >= start && m.end_token <= k {
                found = Object::Mention(m);
            }
        }
        if found != Object::None {
            return found;
        }
        for h in self.hits_in(start, k) {
            if h.roles.has(Role::Addressee) {
                found = Object::Addressee {
                    first: h.first,
                    end: h.end,
                };
            } else if h.roles.has(Role::ThirdObject) && found == Object::None {
                found = Object::Third;
            }
        }
        // "Kévin mérite un coup de couteau": a name as the subject.
        if found == Object::None && (start..k).any(|t| self.is_name(t)) {
            found = Object::Third;
        }
        found
    }

    fn negated_between(&self, from: u16, to: u16) -> bool {
        self.hits_in(from, to).any(|h| h.roles.has(Role::Negator))
    }

    /// Rules for an act at `[first, end)`.
    fn judge_act(&self, act: &Hit, out: &mut [Option<Candidate>; 2]) {
        let (mut object, idiom) =
            self.object_of(act.first, act.end, act.roles.has(Role::Act), act.roles);
        if idiom || self.figurative_instrument(act.end) {
            return;
        }
        let weak = act.roles.has(Role::ActWeak) && !act.roles.has(Role::Act);
        let start = self.clause_start(act.first, FRAME_WINDOW);
        // "go to the synagogue on saturday and burn it down": the place named before is the
        // object.
        if object == Object::None
            && self
                .hits_in(start, act.first)
                .any(|h| h.roles.has(Role::Place))
        {
            object = Object::Third;
        }
        // "next time gays march through our town we open fire": a strong act whose victims
        // were named before it, in its clause.
        if object == Object::None && act.roles.has(Role::Act) {
            object = self.subject_before(act.first);
        }
        // Real threats name who they are aimed at ("kill *you*", "je *te* bute", "hang
        // *Beaumont*"); without an object a violent verb is far more often sport, cooking,
        // software or hyperbole ("we're gonna kill saturday", "kill the session").
        if object == Object::None {
            return;
        }
        let frame_hits = || self.hits_in(start, act.first);
        // The nearest frame wins: "we need to … I will" is a threat by the speaker.
        let mut subject: Option<&Hit> = None;
        let mut modal: Option<&Hit> = None;
        let mut incite: Option<&Hit> = None;
        for h in frame_hits() {
            if h.roles.has(Role::SubjectFirst) {
                subject = Some(h);
            }
            if h.roles.has(Role::FutureModal) {
                modal = Some(h);
            }
            if h.roles.has(Role::InciteModal) {
                incite = Some(h);
            }
        }
        let penalty = if weak { WEAK_ACT_PENALTY } else { 0.0 };
        let conditional = self.conditional_bonus();

        let speaker_frame = match (subject, modal) {
            (Some(s), Some(m)) if s.first <= m.first && m.first <= s.end + 3 => Some(s.first),
            // "je te tuerai", "je te bute", "we hang him": a first-person subject right before
            // the act, or with only an object pronoun between, and no modal.
            // "ce prof nous assassine": a lone "nous" before a verb not in "-ons" is its object.
            (Some(s), _)
                if (act.first == s.end
                    || (act.first == s.end + 1 && self.object_pronoun_at(s.end)))
                    && !(s.end == s.first + 1
                        && self.word(s.first) == "nous"
                        && !self.word(act.first).ends_with("ons")) =>
            {
                Some(s.first)
            }
            // A plan in the present tense with a time or place: "saturday we burn it down with
            // them inside", "ce soir on les crame".
            (Some(s), _) if act.roles.has(Role::Act) && self.names_time_or_place() => Some(s.first),
            // The subject dropped, as people write: "gonna choke you out", "finna smoke u".
            (None, Some(m)) if m.first == start && m.end <= act.first => Some(m.first),
            _ => None,
        };
        let incite_frame = incite.map(|h| h.first);

        // The speaker taking part makes it a threat even inside a call ("let's … I'll …").
        let (category, frame_first, base, pattern) = match (speaker_frame, incite_frame) {
            (Some(s), _) => (
                Category::ViolenceThreat,
                s,
                THREAT_BASE,
                "first_person_intent",
            ),
            (None, Some(i)) => (Category::Incitement, i, INCITE_BASE, "call_on_others"),
            (None, None) => {
                // French plural imperatives are imperatives wherever they stand: "raflez les
                // clandestins et fusillez-les".
                let french_imperative = self.text.lang == Lang::Fr
                    && self.word(act.first).ends_with("ez")
                    && act
                        .first
                        .checked_sub(1)
                        .is_none_or(|k| self.word(k) != "vous");
                let imperative = (act.first == start || french_imperative)
                    && (act.roles.has(Role::Act) || act.roles.has(Role::ActWeak))
                    && !self.is_gerund(act)
                    && matches!(object, Object::Mention(_) | Object::Third);
                if !imperative {
                    return;
                }
                (
                    Category::Incitement,
                    act.first,
                    INCITE_BASE - 0.05,
                    "imperative",
                )
            }
        };
        if self.negated_between(frame_first, act.first) {
            return;
        }
        let mut score = base - penalty + object.bonus();
        match category {
            Category::ViolenceThreat => score += conditional,
            _ => score += self.time_place_bonus(),
        }
        self.keep(
            out,
            Candidate {
                category,
                score,
                pattern,
                frame_first,
                frame_end: act.end,
                object,
            },
        );
        // "let's …", "we drag …", "rdv samedi … on le pend": a call the speaker joins is
        // incitement as well — a collective speaker ("we", "on") after a call to gather or a
        // call in an earlier sentence ("we will find him and we will hang him" is a plan).
        let collective = speaker_frame.is_some()
            && subject.is_some_and(|s| {
                matches!(self.word(s.first), "we" | "on" | "nous" | "onva" | "lets")
            });
        let joined_call = incite
            .filter(|h| h.roles.has(Role::SubjectFirst))
            .or_else(|| {
                self.hits().iter().find(|h| {
                    collective
                        && h.roles.has(Role::InciteModal)
                        && (h.roles.has(Role::TimePlace) || h.end <= start)
                })
            });
        // A collective plan with a time or a place alone ("ce soir on va tuer du flic") was
        // tried as a call too (issue #3, session 4): the seeds label such plans threat-only as
        // often as call, so it is not one.
        if let Some(call) = joined_call.filter(|_| category == Category::ViolenceThreat) {
            let mut score = INCITE_BASE - penalty + object.bonus();
            score += self.time_place_bonus();
            self.keep(
                out,
                Candidate {
                    category: Category::Incitement,
                    score,
                    pattern: "call_on_others",
                    frame_first: call.first,
                    frame_end: act.end,
                    object,
                },
            );
        }
    }

    /// "… should be shot", "… doivent être pendus".
    fn judge_participle(&self, participle: &Hit, out: &mut [Option<Candidate>; 2]) {
        // "why hasn't anyone shot …": a call right before a participle.
        if let Some(call) = self
            .hits()
            .iter()
            .find(|h| h.roles.has(Role::InciteModal) && h.end == participle.first)
        {
            let (object, _) =
                self.object_of(participle.first, participle.end, true, participle.roles);
            if object != Object::None && !self.negated_between(call.end, participle.first) {
                let mut score = INCITE_BASE + object.bonus();
                score += self.time_place_bonus();
                self.keep(
                    out,
                    Candidate {
                        category: Category::Incitement,
                        score,
                        pattern: "call_on_others",
                        frame_first: call.first,
                        frame_end: participle.end,
                        object,
                    },
                );
            }
        }
        let Some(modal) = self.hits().iter().find(|h| {
            h.roles.has(Role::PassiveModal)
                && h.end <= participle.first
                && h.end + 1 >= participle.first
        }) else {
            return;
        };
        self.judge_wish(
            modal,
            participle,
            Category::Incitement,
            "passive_should_be",
            out,
        );
    }

    /// What a condition anywhere in the post ("if you come back…", "one more word and…") adds
    /// to a threat's score: a threat with a condition is no less meant.
    fn conditional_bonus(&self) -> f32 {
        if self.all_roles.has(Role::Conditional) {
            BONUS_CONDITIONAL
        } else {
            0.0
        }
    }

    /// "I'm killing you with these puns", "je t'assassine avec mes blagues": the act is done
    /// with something of the speaker's that is no weapon, so it is a figure of speech. A
    /// "with"/"avec" soon after the act, followed by a possessive or a demonstrative, and no
    /// weapon after it ("with my bare hands", "avec mon couteau" stay threats).
    fn figurative_instrument(&self, act_end: u16) -> bool {
        let Some(with) = self.hits().iter().find(|h| {
            h.first >= act_end
                && h.first <= act_end + 2
                && h.end == h.first + 1
                && matches!(self.word(h.first), "with" | "avec")
        }) else {
            return false;
        };
        let owned = matches!(
            self.word(with.end),
            "my" | "these" | "this" | "those" | "mes" | "ma" | "mon" | "ces" | "cette" | "ce"
        );
        let armed = self.hits().iter().any(|h| {
            h.first >= with.end
                && h.first <= with.end + 2
                && h.roles.any(&[Role::Weapon, Role::WeaponWeak])
        });
        owned && !armed
    }

    /// "you'll get shot", "tu seras égorgé", "tu vas te faire planter": what the addressee
    /// is promised to undergo, a threat like "I'll shoot you" (and not a call on others, as
    /// "should be shot" is). A weak act right after ("tu vas te faire descendre") counts, with
    /// its penalty.
    fn judge_passive_future(&self, frame: &Hit, out: &mut [Option<Candidate>; 2]) {
        let Some(harm) = self.hits().iter().find(|h| {
            h.first >= frame.end
                && h.first <= frame.end + 1
                && h.roles.any(&[Role::Participle, Role::Act, Role::ActWeak])
        }) else {
            return;
        };
        let start = self.clause_start(frame.first, FRAME_WINDOW);
        if self.negated_between(start, harm.first) {
            return;
        }
        // "j'espère que tu vas te faire écraser", "I hope you get shot": a wish, not a promise
        // (harassment, which the classifier reads). A handful of verbs, so no role of their own.
        if (start..frame.first).any(|k| {
            matches!(
                self.word(k),
                "espere" | "souhaite" | "hope" | "hopefully" | "wish" | "pray"
            )
        }) {
            return;
        }
        // "you'll get killed out there without a helmet": no; only what someone does to them.
        if self.hits().iter().any(|h| {
            h.roles.has(Role::IdiomObject) && h.first >= harm.end && h.first <= harm.end + 1
        }) {
            return;
        }
        if self.figurative_instrument(harm.end) {
            return;
        }
        let weak = !harm.roles.any(&[Role::Participle, Role::Act]);
        let penalty = if weak { WEAK_ACT_PENALTY } else { 0.0 };
        let conditional = self.conditional_bonus();
        self.keep(
            out,
            Candidate {
                category: Category::ViolenceThreat,
                score: THREAT_BASE - penalty + BONUS_ADDRESSEE + conditional,
                pattern: "addressee_will_undergo",
                frame_first: frame.first,
                frame_end: harm.end,
                object: Object::Addressee {
                    first: frame.first,
                    end: frame.end,
                },
            },
        );
    }

    /// "… deserves a bullet", "… mérite une balle".
    fn judge_deserve(&self, deserve: &Hit, out: &mut [Option<Candidate>; 2]) {
        let Some(harm) = self.hits().iter().find(|h| {
            h.roles.has(Role::HarmNoun) && h.first >= deserve.end && h.first <= deserve.end + 1
        }) else {
            return;
        };
        // "X gets a bullet" promises what "X deserves a bullet" wishes.
        if deserve.roles.has(Role::Receive) {
            self.judge_wish(deserve, harm, Category::ViolenceThreat, "gets_harm", out);
        }
        if deserve.roles.has(Role::Deserve) {
            self.judge_wish(deserve, harm, Category::Incitement, "deserves_harm", out);
        }
    }

    fn judge_wish(
        &self,
        frame: &Hit,
        harm: &Hit,
        category: Category,
        pattern: &'static str,
        out: &mut [Option<Candidate>; 2],
    ) {
        let start = self.clause_start(frame.first, FRAME_WINDOW);
        if self.negated_between(start, harm.first) {
            return;
        }
        let mut object = self.subject_before(frame.first);
        // "Jenna deserves to be shot": a name first in its sentence, the frame right after it
        // ("Yankees getting killed" is sport: not after "get").
        if object == Object::None
            && frame.first == start + 1
            && self.capitalised(start)
            && !self.shouting()
            && !matches!(
                self.word(frame.first),
                "get" | "gets" | "geting" | "getting" | "got"
            )
        {
            object = Object::Third;
        }
        // "this painting should be hung", "that spider needs to die": no person, no signal.
        if object == Object::None {
            return;
        }
        let mut score = PASSIVE_BASE + object.bonus();
        score += self.time_place_bonus();
        if category == Category::ViolenceThreat && self.all_roles.has(Role::Conditional) {
            score += BONUS_CONDITIONAL;
        }
        self.keep(
            out,
            Candidate {
                category,
                score,
                pattern,
                frame_first: frame.first,
                frame_end: harm.end,
                object,
            },
        );
    }

    fn judge_fixed(&self, hit: &Hit, out: &mut [Option<Candidate>; 2]) {
        let start = self.clause_start(hit.first, 3);
        if self.negated_between(start, hit.first) {
            return;
        }
        if hit.roles.has(Role::CallPhrase) {
            let mut object = Object::None;
            for m in self.mentions() {
                if m.first_token >= hit.first && m.first_token < hit.end + OBJECT_WINDOW {
                    object = Object::Mention(m);
                    break;
                }
            }
            // "vous savez quoi faire": a "you" before a call is its audience, not its victim.
            if object == Object::None {
                object = match self.subject_before(hit.first) {
                    Object::Addressee { .. } => Object::None,
                    before => before,
                };
            }
            if object == Object::None {
                let (after, _) = self.object_of(hit.first, hit.end, false, hit.roles);
                object = match after {
                    Object::Addressee { first, .. } if first < hit.first => Object::None,
                    after => after,
                };
            }
            // "Mort à Perrin !", "Garnier à la lanterne": a name right after or right before
            // the call is its victim.
            if object == Object::None
                && (self.is_name(hit.end)
                    || hit.first.checked_sub(1).is_some_and(|k| {
                        self.is_name(k) || (k == 0 && self.capitalised(k) && !self.shouting())
                    }))
            {
                object = Object::Third;
            }
            // "Les noirs, … vous savez ce qu'il reste à faire": a protected group or a
            // watchlisted person named anywhere in the post is the victim of a call that names
            // none next to it.
            if object == Object::None
                && let Some(m) = self.mentions().next()
            {
                object = Object::Mention(m);
            }
            // "#killalljews", "mortauxjuifs": a run-together call names its victims inside.
            if object == Object::None
                && hit.end == hit.first + 1
                && self.word(hit.first).len() >= 10
            {
                object = Object::Third;
            }
            // "death to spreadsheets": the phrase alone is a weak hint, kept for the classifier.
            let mut score = if object == Object::None {
                CALL_PHRASE_ALONE
            } else {
                CALL_PHRASE_BASE + object.bonus()
            };
            score += self.time_place_bonus();
            self.keep(
                out,
                Candidate {
                    category: Category::Incitement,
                    score,
                    pattern: "call_to_violence",
                    frame_first: hit.first,
                    frame_end: hit.end,
                    object,
                },
            );
            // "rdv ce soir, on les crame": the speaker is among those who act.
            if hit.roles.has(Role::SubjectFirst) && object != Object::None {
                self.keep(
                    out,
                    Candidate {
                        category: Category::ViolenceThreat,
                        score,
                        pattern: "call_to_violence",
                        frame_first: hit.first,
                        frame_end: hit.end,
                        object,
                    },
                );
            }
        } else {
            let base = if hit.roles.has(Role::DoomStrong) {
                DOOM_STRONG
            } else {
                DOOM_WEAK
            };
            // A hint without violent words is nothing ("je rigole pas, ce gâteau est
            // incroyable"), and "ce serait dommage si …" reads as a condition itself: no bonus
            // for it.
            let hint_only = !hit.roles.any(&[Role::DoomStrong, Role::DoomWeak]);
            if hint_only && !self.violent_words_outside(hit) {
                return;
            }
            let conditional = if self.all_roles.has(Role::Conditional) && !hint_only {
                BONUS_CONDITIONAL
            } else {
                0.0
            };
            let second = if self.hits().iter().any(|h| {
                (h.end <= hit.first || h.first >= hit.end)
                    && h.roles.any(&[
                        Role::DoomStrong,
                        Role::DoomWeak,
                        Role::DoomHint,
                        Role::DoomThird,
                    ])
            }) {
                BONUS_SECOND_DOOM
            } else {
                0.0
            };
            let named = if !hit.roles.has(Role::DoomStrong)
                && ((hit.roles.has(Role::DoomWeak) && self.veiled_anchor(hit))
                    || self.violent_words_outside(hit))
            {
                BONUS_NAMED
            } else {
                0.0
            };
            self.keep(
                out,
                Candidate {
                    category: Category::ViolenceThreat,
                    score: base + conditional + second + named,
                    pattern: "doom_to_addressee",
                    frame_first: hit.first,
                    frame_end: hit.end,
                    object: Object::Addressee {
                        first: hit.first,
                        end: hit.end,
                    },
                },
            );
        }
    }
}

impl PostView<'_> {
    /// The second cue that lifts a veiled phrase over the review line (see [`BONUS_NAMED`]).
    fn veiled_anchor(&self, veiled: &Hit) -> bool {
        let token_count = self.text.tokens.len().min(u16::MAX as usize) as u16;
        // Not a word some role already reads ("I'll", "Sunday").
        let named = (0..token_count)
            .any(|k| self.is_name(k) && !self.hits().iter().any(|h| h.first <= k && k < h.end));
        named
            || self
                .mentions()
                .any(|m| matches!(m.target, TargetRef::Person(_)))
            || self.violent_words_outside(veiled)
    }

    /// Violent words of the post's own outside a veiled phrase ("… a knife", "… an accident").
    fn violent_words_outside(&self, veiled: &Hit) -> bool {
        let outside = |h: &Hit| h.end <= veiled.first || h.first >= veiled.end;
        self.hits().iter().any(|h| {
            outside(h)
                && h.roles.any(&[
                    Role::Act,
                    Role::ActFuture,
                    Role::Weapon,
                    Role::WeaponWeak,
                    Role::HarmNoun,
                    Role::Participle,
                ])
        })
    }

    /// "the judge doesn't leave alive", "Dana won't see morning", "le maire ne finira pas son
    /// mandat": a threat only with someone named before it.
    fn judge_doom_third(&self, hit: &Hit, out: &mut [Option<Candidate>; 2]) {
        let start = self.clause_start(hit.first, FRAME_WINDOW);
        if self.negated_between(start, hit.first) {
            return;
        }
        let mut object = self.subject_before(hit.first);
        // "the mall goes up tonight", "la mairie partira en fumée": a place named before it.
        if object == Object::None
            && self
                .hits_in(start, hit.first)
                .any(|h| h.roles.has(Role::Place))
        {
            object = Object::Third;
        }
        // "Dana won't see morning", "Océane va prendre ce qu'il mérite": a name first in its
        // sentence, right before the phrase (a sentence's first word is never taken for a name
        // elsewhere, since every sentence starts with a capital).
        if object == Object::None
            && hit.first == start + 1
            && self.capitalised(start)
            && !self.shouting()
            && !self
                .hits()
                .iter()
                .any(|h| h.first <= start && start < h.end)
        {
            object = Object::Third;
        }
        if object == Object::None {
            return;
        }
        let mut score = DOOM_THIRD + object.bonus();
        if self.all_roles.has(Role::Conditional) {
            score += BONUS_CONDITIONAL;
        }
        self.keep(
            out,
            Candidate {
                category: Category::ViolenceThreat,
                score,
                pattern: "doom_to_third",
                frame_first: hit.first,
                frame_end: hit.end,
                object,
            },
        );
    }

    /// A weapon carried or called for: "I'm coming in with my gun", "je passe chez toi ce soir
    /// avec la lame" (the speaker: a threat), "bring rifles", "ramenez des cocktails molotov"
    /// (an order: incitement, and a threat too when the speaker joins in: "we end this").
    /// Without a time, a place, a target, a condition or other violent words it stays below
    /// the review line: "I'll bring a knife for the cake".
    fn judge_armed(&self, weapon: &Hit, out: &mut [Option<Candidate>; 2]) {
        let Some(carry) = self.hits().iter().find(|h| {
            h.roles.has(Role::Carry)
                && ((h.first == weapon.first && h.end == weapon.end)
                    || (h.end <= weapon.first && weapon.first <= h.end + 2))
        }) else {
            // "the pipe bomb is ready", "my rifle's loaded": a weapon made ready, with a time,
            // a place or a target, is a plan whoever says it.
            let ready = self.hits().iter().any(|h| {
                h.roles.has(Role::Carry) && h.first >= weapon.end && h.first <= weapon.end + 1
            });
            let aimed = self.mentions().next().is_some() || self.names_time_or_place();
            if ready && aimed && weapon.roles.has(Role::Weapon) {
                let object = self.mentions().next().map_or(Object::None, Object::Mention);
                self.keep(
                    out,
                    Candidate {
                        category: Category::ViolenceThreat,
                        score: ARMED_BASE + BONUS_TIME_PLACE + object.bonus(),
                        pattern: "weapon_ready",
                        frame_first: weapon.first,
                        frame_end: weapon.end,
                        object,
                    },
                );
            }
            return;
        };
        let start = self.clause_start(carry.first, FRAME_WINDOW);
        if self.negated_between(start, weapon.first) {
            return;
        }
        // "j'ai", "i've got", "we have": carry phrases that name the speaker themselves.
        let speaker = carry.roles.has(Role::SubjectFirst)
            || matches!(
                self.word(carry.first),
                // "bought the ammo today": the subject dropped before a past tense.
                "i" | "ive" | "we" | "weve" | "j" | "jai" | "bought" | "just"
            )
            || self.hits_in(start, carry.first).any(|h| {
                h.roles
                    .any(&[Role::SubjectFirst, Role::DoomStrong, Role::DoomWeak])
            });
        // "bring", "ramenez": carry words in the imperative are an order wherever they stand.
        let imperative = matches!(
            self.word(carry.first),
            "bring"
                | "grab"
                | "load"
                | "ramenez"
                | "prenez"
                | "apportez"
                | "amenez"
                | "sortez"
                | "chargez"
        );
        let call = (!speaker && (carry.first == start || imperative))
            || self
                .hits_in(start, carry.first)
                .any(|h| h.roles.has(Role::InciteModal));
        if !speaker && !call {
            return;
        }
        let mut object = self.mentions().next().map_or(Object::None, Object::Mention);
        if object == Object::None
            && self
                .hits()
                .iter()
                .any(|h| h.roles.has(Role::Addressee) && !self.bare_possessive(h))
        {
            object = Object::Addressee {
                first: weapon.first,
                end: weapon.end,
            };
        }
        let mut context = self.time_place_bonus();
        if self.all_roles.any(&[
            Role::Act,
            Role::DoomStrong,
            Role::DoomWeak,
            Role::DoomThird,
            Role::CallPhrase,
            Role::Participle,
        ]) {
            context += BONUS_VIOLENT_CONTEXT;
        }
        let weak = !weapon.roles.has(Role::Weapon);
        // "a gang with knives on the corner", "I cut it with a knife": a knife or a bat in the
        // speaker's hands says something only when aimed at the addressee, on a condition or
        // beside another threat.
        if weak
            && !call
            && !matches!(object, Object::Addressee { .. })
            && !self.all_roles.any(&[
                Role::Conditional,
                Role::Act,
                Role::DoomStrong,
                Role::DoomWeak,
                Role::DoomThird,
            ])
        {
            return;
        }
        // "camping tomorrow, bring rope and a knife": an order to bring tools needs a place
        // it is aimed at, a target or violent words around it.
        if weak
            && call
            && !speaker
            && object == Object::None
            && !self.all_roles.any(&[
                Role::Place,
                Role::Act,
                Role::DoomStrong,
                Role::DoomWeak,
                Role::DoomThird,
                Role::CallPhrase,
            ])
        {
            return;
        }
        let penalty = if weak { WEAK_WEAPON_PENALTY } else { 0.0 };
        let base = ARMED_BASE - penalty + object.bonus() + context;
        // The speaker with a weapon is a threat; a speaker who also calls on others ("we",
        // "on": "bring gasoline, we end this ourselves") is both.
        let we_join = self.all_roles.has(Role::SubjectFirst);
        if speaker || (call && we_join) {
            let conditional = self.conditional_bonus();
            self.keep(
                out,
                Candidate {
                    category: Category::ViolenceThreat,
                    score: base + conditional,
                    pattern: "armed_intent",
                    frame_first: carry.first,
                    frame_end: weapon.end,
                    object,
                },
            );
        }
        if call {
            self.keep(
                out,
                Candidate {
                    category: Category::Incitement,
                    score: base,
                    pattern: "call_to_arms",
                    frame_first: carry.first,
                    frame_end: weapon.end,
                    object,
                },
            );
        }
    }
}

/// The tokens whose original spans lie within `span`.
fn tokens_of_span(text: &Normalized, span: vigie_text::Span) -> Option<(u16, u16)> {
    let first = text.tokens.partition_point(|t| t.span.start < span.start);
    let end = text.tokens.partition_point(|t| t.span.end <= span.end);
    (first < end && end <= u16::MAX as usize).then_some((first as u16, end as u16))
}

/// Emoji that mark banter; the text stage drops emoji, so they are looked for in the original.
const JOKE_EMOJI: [char; 8] = ['😂', '🤣', '😆', '😜', '😝', '🙃', '😅', '😹'];

impl PostView<'_> {
    /// Keeps the best candidate per category (slot 0: threat, slot 1: incitement), unless its
    /// frame is quoted.
    fn keep(&self, out: &mut [Option<Candidate>; 2], candidate: Candidate) {
        let Some(token) = self.text.tokens.get(candidate.frame_first as usize) else {
            return;
        };
        if quoted(self.original, token.span.start as usize) {
            return;
        }
        let slot = usize::from(candidate.category != Category::ViolenceThreat);
        let better = out[slot].is_none_or(|c| candidate.score > c.score);
        if better {
            out[slot] = Some(candidate);
        }
    }
}

impl Detector for ThreatDetector {
    fn name(&self) -> &str {
        "threat_pattern"
    }

    fn version(&self) -> &str {
        &self.version
    }

    fn detect(&self, input: &DetectInput<'_>, out: &mut Vec<Signal>) {
        let text = input.normalized;
        let mut view = PostView {
            text,
            original: input.original,
            hits: [Hit::default(); MAX_HITS],
            hit_count: 0,
            mentions: [None; MAX_MENTIONS],
            all_roles: Roles::default(),
        };
        self.patterns.phrases.for_each_hit(text, |hit, folded| {
            let mut roles = Roles::default();
            for p in self.patterns.phrases.payloads(hit.pattern) {
                if lang_applies(p.lang, text.lang) && runs_compatible(&p.folded, folded) {
                    roles.0 |= p.role.bit();
                }
            }
            if roles.0 != 0 && view.hit_count < MAX_HITS {
                view.hits[view.hit_count] = Hit {
                    first: hit.first_token,
                    end: hit.end_token,
                    roles,
                };
                view.hit_count += 1;
                view.all_roles.0 |= roles.0;
            }
        });
        const TRIGGERS: [Role; 14] = [
            Role::Act,
            Role::ActWeak,
            Role::ActFuture,
            Role::ActPresent,
            Role::Participle,
            Role::Deserve,
            Role::DoomStrong,
            Role::DoomWeak,
            Role::DoomHint,
            Role::CallPhrase,
            Role::Receive,
            Role::Weapon,
            Role::WeaponWeak,
            Role::DoomThird,
        ];
        // Reported speech, condemnation and fiction turn the whole post into talk about
        // violence rather than violence: nothing to say.
        if !view.all_roles.any(&TRIGGERS)
            || view
                .all_roles
                .any(&[Role::Reported, Role::Condemn, Role::Fiction, Role::Joke])
            // Each is 4 bytes in UTF-8, from 0xF0: most posts have none, found by a byte scan.
            || (input.original.as_bytes().contains(&0xF0) && input.original.contains(JOKE_EMOJI))
        {
            return;
        }
        let mut mention_count = 0;
        self.targets.for_each_mention(text, |m| {
            if let Some(slot) = view.mentions.get_mut(mention_count) {
                *slot = Some(m);
                mention_count += 1;
            }
        });
        // Slurs found by the lexicon name their group too: "mort aux pédés".
        for signal in input.prior.iter().filter(|s| s.detector == "lexicon") {
            for target in &signal.targets {
                let Target::Group { id } = target else {
                    continue;
                };
                let Some(group) = self.targets.group_index(id) else {
                    continue;
                };
                for evidence in &signal.evidence {
                    let Some((first, end)) = tokens_of_span(text, evidence.span) else {
                        continue;
                    };
                    if let Some(slot) = view.mentions.get_mut(mention_count) {
                        *slot = Some(TargetMention {
                            target: TargetRef::Group(group),
                            first_token: first,
                            end_token: end,
                        });
                        mention_count += 1;
                    }
                }
            }
        }
        if mention_count > 1 {
            view.mentions[..mention_count].sort_unstable_by_key(|m| m.map_or(0, |m| m.first_token));
        }

        let mut best: [Option<Candidate>; 2] = [None, None];
        for hit in view.hits() {
            let r = hit.roles;
            if r.any(&[Role::Act, Role::ActWeak, Role::ActFuture, Role::ActPresent]) {
                view.judge_act(hit, &mut best);
            }
            if r.has(Role::Participle) {
                view.judge_participle(hit, &mut best);
            }
            if r.has(Role::PassiveFuture) {
                view.judge_passive_future(hit, &mut best);
            }
            if r.any(&[Role::Deserve, Role::Receive]) {
                view.judge_deserve(hit, &mut best);
            }
            if r.has(Role::DoomThird) {
                view.judge_doom_third(hit, &mut best);
            }
            if r.any(&[Role::Weapon, Role::WeaponWeak]) {
                view.judge_armed(hit, &mut best);
            }
            if r.any(&[
                Role::DoomStrong,
                Role::DoomWeak,
                Role::DoomHint,
                Role::CallPhrase,
            ]) {
                view.judge_fixed(hit, &mut best);
            }
        }
        for candidate in best.into_iter().flatten() {
            if let Some(signal) = self.signal(&view, &candidate) {
                out.push(signal);
            }
        }
    }
}

impl ThreatDetector {
    fn signal(&self, view: &PostView<'_>, c: &Candidate) -> Option<Signal> {
        let text = view.text;
        let frame_span = tokens_span(text, c.frame_first, c.frame_end)?;
        let lang = match text.lang {
            Lang::Other => "any",
            lang => lang.code(),
        };
        let mut evidence = vec![Evidence {
            span: frame_span,
            matched: format!("pattern:{lang}:{}", c.pattern),
        }];
        let mut targets = Vec::new();
        match c.object {
            Object::None | Object::Third => {}
            Object::Addressee { first, end } => {
                if let Some(span) = tokens_span(text, first, end) {
                    evidence.push(Evidence {
                        span,
                        matched: "target:addressee".to_owned(),
                    });
                }
                targets.push(Target::Addressee);
            }
            Object::Mention(m) => {
                if let Some(target) = self.targets.target(m.target) {
                    if let Some(span) = self.targets.span(text, &m) {
                        let label = match &target {
                            Target::Group { id } => format!("target:group:{id}"),
                            Target::Watchlisted { id, .. } => format!("target:watchlist:{id}"),
                            Target::Addressee => "target:addressee".to_owned(),
                        };
                        evidence.push(Evidence {
                            span,
                            matched: label,
                        });
                    }
                    targets.push(target);
                }
            }
        }
        Some(Signal {
            detector: "threat_pattern".into(),
            category: c.category,
            score: c.score.clamp(0.0, 1.0),
            evidence,
            targets,
        })
    }
}
