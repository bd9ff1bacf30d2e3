//! Word lists of the quotation extractor, read from `patterns/quotes/`.

use anyhow::{bail, Result};

use crate::patterns::{lines, word_list, Patterns};

/// How a cue relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// "X said" / "said X".
    Verb,
    /// Like `Verb`, and the recipient belongs to the cue ("told ICC").
    VerbObject,
    /// The speaker follows ("according to X").
    Prep,
    /// The speaker is the subject of the clause ("…, adding, “…”").
    Participle,
    /// A setting phrase ("in a statement"), a cue only without a verb.
    Frame,
    /// Opens the sentence right after a quotation, and its speaker follows
    /// ("“…” That was how X described it", "The words came from X").
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Neuter,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    pub gender: Gender,
    pub plural: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    Determiner,
    Connector,
    Preposition,
    Stop,
    Between,
    Intro,
    Coordinator,
    Relative,
    Adverbial,
}

#[derive(Debug, Clone)]
pub struct Cue {
    /// Lowercase words.
    pub words: Vec<String>,
    pub kind: CueKind,
    /// A phrase that starts with a cue word but is none ("called on").
    pub not: bool,
}

/// Everything the extractor knows about words.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Cues by their lowercase first word, longest first.
    pub cues: WordMap<Vec<Cue>>,
    pub pronouns: WordMap<Pronoun>,
    /// Title → gender (None when the title says nothing about it).
    pub titles: WordMap<Option<Gender>>,
    /// Title → its full form, lowercase ("Gov" → "governor", "Pastor" → "pastor").
    pub title_full: WordMap<String>,
    pub classes: WordMap<Vec<WordClass>>,
    pub heads: WordSet,
    /// Nouns that name a person, with their gender ("widow", "father"; `Any`:
    /// "witness"), or that name no person ("court", "ministry": `Neuter`),
    /// lowercase.
    pub nouns: WordMap<Gender>,
    /// Given names with their usual gender.
    pub given: WordMap<Gender>,
}

const DIR: &str = "quotes";

/// Maps and sets of the word lists: keyed by short words, looked up many times per
/// quotation, so hashed with [`crate::hash::Fx`] rather than SipHash.
pub type WordMap<V> = crate::hash::FxMap<String, V>;
pub type WordSet = crate::hash::FxSet<String>;

impl Lexicon {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let mut lx = Lexicon::default();

        let path = format!("{DIR}/cues.tsv");
        for l in lines(patterns.require(&path)?) {
            let kind = match l.col(1) {
                "verb" => CueKind::Verb,
                "verb+object" => CueKind::VerbObject,
                "prep" => CueKind::Prep,
                "participle" => CueKind::Participle,
                "frame" => CueKind::Frame,
                "next" => CueKind::Next,
                // Not a cue, though it starts with one ("called on", "called for").
                "not" => CueKind::Verb,
                other => bail!(
                    "{path}:{}: unknown cue kind {other:?} (want verb, verb+object, prep, participle, frame, next or not)",
                    l.number
                ),
            };
            let words: Vec<String> = l.col(0).split_whitespace().map(str::to_lowercase).collect();
            if words.is_empty() {
                bail!("{path}:{}: empty cue", l.number);
            }
            let not = l.col(1) == "not";
            lx.cues
                .entry(words[0].clone())
                .or_default()
                .push(Cue { words, kind, not });
        }
        for v in lx.cues.values_mut() {
            v.sort_by_key(|c| std::cmp::Reverse(c.words.len()));
        }

        let path = format!("{DIR}/pronouns.tsv");
        for l in lines(patterns.require(&path)?) {
            let gender = parse_gender(l.col(1)).ok_or_else(|| {
                anyhow::anyhow!("{path}:{}: gender must be m, f, n or x", l.number)
            })?;
            let plural = match l.col(2) {
                "sg" => false,
                "pl" => true,
                _ => bail!("{path}:{}: number must be sg or pl", l.number),
            };
            lx.pronouns
                .insert(l.col(0).to_lowercase(), Pronoun { gender, plural });
        }

        let path = format!("{DIR}/titles.tsv");
        for l in lines(patterns.require(&path)?) {
            let g = match l.col(1) {
                "-" | "" => None,
                s => Some(parse_gender(s).ok_or_else(|| {
                    anyhow::anyhow!("{path}:{}: gender must be m, f or -", l.number)
                })?),
            };
            let t = l.col(0).trim_end_matches('.');
            if t.is_empty() {
                bail!("{path}:{}: empty title", l.number);
            }
            lx.titles.insert(t.to_string(), g);
            let full = if l.col(2).is_empty() { t } else { l.col(2) };
            lx.title_full.insert(t.to_string(), full.to_lowercase());
        }

        let path = format!("{DIR}/words.tsv");
        for l in lines(patterns.require(&path)?) {
            let class = match l.col(1) {
                "determiner" => WordClass::Determiner,
                "connector" => WordClass::Connector,
                "preposition" => WordClass::Preposition,
                "stop" => WordClass::Stop,
                "between" => WordClass::Between,
                "intro" => WordClass::Intro,
                "coordinator" => WordClass::Coordinator,
                "relative" => WordClass::Relative,
                "adverbial" => WordClass::Adverbial,
                other => bail!("{path}:{}: unknown word class {other:?}", l.number),
            };
            lx.classes
                .entry(l.col(0).to_lowercase())
                .or_default()
                .push(class);
        }

        lx.heads = word_list(patterns.require(&format!("{DIR}/heads.txt"))?)
            .map(str::to_lowercase)
            .collect();

        // (the generated given-name genders first: the hand-written list wins,
        // and its `x` takes a name given to both out)
        for (file, lower) in [
            ("nouns.tsv", true),
            ("given_gender.tsv", false),
            ("given_names.tsv", false),
        ] {
            let map = if lower { &mut lx.nouns } else { &mut lx.given };
            let path = format!("{DIR}/{file}");
            for l in lines(patterns.require(&path)?) {
                let w = if lower {
                    l.col(0).to_lowercase()
                } else {
                    l.col(0).to_string()
                };
                let g = match parse_gender(l.col(1)) {
                    Some(g @ (Gender::Male | Gender::Female)) => g,
                    Some(g @ (Gender::Neuter | Gender::Any)) if lower => g,
                    Some(Gender::Any) => {
                        map.remove(&w);
                        continue;
                    }
                    _ => bail!(
                        "{path}:{}: gender must be m, f or x{}",
                        l.number,
                        if lower { " or n" } else { "" }
                    ),
                };
                map.insert(w, g);
            }
        }
        Ok(lx)
    }

    pub fn is(&self, lower: &str, class: WordClass) -> bool {
        self.classes.get(lower).is_some_and(|v| v.contains(&class))
    }

    /// Gender of a title as written ("Mrs." or "Mrs"); `Some(None)` for a title
    /// without gender, `None` for a word that is no title.
    pub fn title(&self, word: &str) -> Option<Option<Gender>> {
        self.titles.get(word.trim_end_matches('.')).copied()
    }
}

fn parse_gender(s: &str) -> Option<Gender> {
    match s {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        "n" => Some(Gender::Neuter),
        "x" => Some(Gender::Any),
        _ => None,
    }
}
