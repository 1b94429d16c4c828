//! Mentions of protected groups and of watchlisted people.
//!
//! `data/lexicons/groups.toml` maps group terms in each language to a canonical group id;
//! a watchlist (`data/watchlist.example.toml`) lists people a platform protects specially
//! (officials, journalists, judges, candidates) with their names and aliases.

use serde::Deserialize;
use vigie_text::{Lang, Normalized, Normalizer, Span};

use crate::phrases::{
    PhraseSet, PhraseSetBuilder, digest, lang_applies, phrase_key, runs_compatible, tokens_span,
};
use crate::{DetectError, Target};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupsFile {
    #[serde(default)]
    group: Vec<GroupDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupDef {
    id: String,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WatchlistFile {
    #[serde(default)]
    person: Vec<PersonDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonDef {
    id: String,
    role: String,
    names: Vec<String>,
}

/// What a target phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetRef {
    /// Index into the groups.
    Group(u16),
    /// Index into the watchlist.
    Person(u16),
}

#[derive(Debug, Clone)]
struct TargetPhrase {
    lang: Lang,
    target: TargetRef,
    folded: Box<str>,
}

/// A mention of a group or watchlisted person in a post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetMention {
    pub target: TargetRef,
    /// Tokens `[first_token, end_token)` of the post.
    pub first_token: u16,
    pub end_token: u16,
}

/// Finds protected groups and watchlisted people in normalized posts.
pub struct TargetMatcher {
    phrases: PhraseSet<TargetPhrase>,
    groups: Vec<String>,
    /// `(id, role)`.
    people: Vec<(String, String)>,
    version: String,
}

impl TargetMatcher {
    /// `groups` and `watchlist` are `(origin, source)` TOML files; the watchlist is optional.
    pub fn new(groups: (&str, &str), watchlist: Option<(&str, &str)>) -> Result<Self, DetectError> {
        let normalizer = Normalizer::new();
        let mut builder = PhraseSetBuilder::new();
        let groups_file: GroupsFile =
            toml::from_str(groups.1).map_err(|e| DetectError::toml(groups.0, e))?;
        let mut group_ids = Vec::new();
        for group in groups_file.group {
            let index = u16::try_from(group_ids.len())
                .map_err(|_| DetectError::toml(groups.0, "more than 65535 groups"))?;
            if group.id.is_empty() {
                return Err(DetectError::toml(groups.0, "a group has an empty id"));
            }
            for (lang, terms) in [(Lang::En, &group.en), (Lang::Fr, &group.fr)] {
                for term in terms {
                    let key = phrase_key(&normalizer, term, lang);
                    builder.add(
                        key.squeezed,
                        TargetPhrase {
                            lang,
                            target: TargetRef::Group(index),
                            folded: key.folded,
                        },
                    );
                }
            }
            group_ids.push(group.id);
        }
        let mut people = Vec::new();
        if let Some((origin, source)) = watchlist {
            let file: WatchlistFile =
                toml::from_str(source).map_err(|e| DetectError::toml(origin, e))?;
            for person in file.person {
                let index = u16::try_from(people.len())
                    .map_err(|_| DetectError::toml(origin, "more than 65535 people"))?;
                if person.id.is_empty() || person.names.is_empty() {
                    return Err(DetectError::toml(
                        origin,
                        format!("person {:?} needs an id and at least one name", person.id),
                    ));
                }
                for name in &person.names {
                    // Names are the same in every language; Lang::Other applies to all posts.
                    let key = phrase_key(&normalizer, name, Lang::Other);
                    builder.add(
                        key.squeezed,
                        TargetPhrase {
                            lang: Lang::Other,
                            target: TargetRef::Person(index),
                            folded: key.folded,
                        },
                    );
                }
                people.push((person.id, person.role));
            }
        }
        let version = format!(
            "targets-{}",
            digest([groups.1, watchlist.map_or("", |w| w.1)])
        );
        Ok(TargetMatcher {
            phrases: builder.build("targets")?,
            groups: group_ids,
            people,
            version,
        })
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    /// Calls `on_mention` for each mention, in text order.
    pub fn for_each_mention(&self, text: &Normalized, mut on_mention: impl FnMut(TargetMention)) {
        self.phrases.for_each_hit(text, |hit, folded| {
            // A phrase can be a group term in one language only; report it once.
            if let Some(p) = self
                .phrases
                .payloads(hit.pattern)
                .iter()
                .find(|p| lang_applies(p.lang, text.lang) && runs_compatible(&p.folded, folded))
            {
                on_mention(TargetMention {
                    target: p.target,
                    first_token: hit.first_token,
                    end_token: hit.end_token,
                });
            }
        });
    }

    /// Every mention in `text`.
    pub fn mentions(&self, text: &Normalized) -> Vec<TargetMention> {
        let mut out = Vec::new();
        self.for_each_mention(text, |m| out.push(m));
        out
    }

    /// Whether `text` names any protected group.
    pub fn names_group(&self, text: &Normalized) -> bool {
        let mut found = false;
        self.for_each_mention(text, |m| found |= matches!(m.target, TargetRef::Group(_)));
        found
    }

    /// The public [`Target`] a mention refers to.
    pub fn target(&self, target: TargetRef) -> Option<Target> {
        match target {
            TargetRef::Group(i) => self
                .groups
                .get(i as usize)
                .map(|id| Target::Group { id: id.clone() }),
            TargetRef::Person(i) => {
                self.people
                    .get(i as usize)
                    .map(|(id, role)| Target::Watchlisted {
                        id: id.clone(),
                        role: role.clone(),
                    })
            }
        }
    }

    /// Where a mention was written in the original text.
    pub fn span(&self, text: &Normalized, mention: &TargetMention) -> Option<Span> {
        tokens_span(text, mention.first_token, mention.end_token)
    }

    /// Index of the group with canonical id `id`.
    pub fn group_index(&self, id: &str) -> Option<u16> {
        self.groups
            .iter()
            .position(|g| g == id)
            .and_then(|i| u16::try_from(i).ok())
    }

    /// Canonical ids of every group.
    pub fn group_ids(&self) -> &[String] {
        &self.groups
    }
}
