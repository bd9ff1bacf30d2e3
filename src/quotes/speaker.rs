//! Canonical names for speakers.
//!
//! - A name that overlaps an entity of the document takes that entity's span and
//!   canonical ("ICC" → "International Christian Concern").
//! - A short name ("Khokhar", "Moon") takes the canonical of the nearest entity whose
//!   canonical starts or ends with it; without entities, the longest run of
//!   capitalized words around another occurrence of it in the text.
//! - "he"/"she" take the most salient person before the quotation whose gender
//!   agrees (a lite Lappin–Leass): candidates are PERSON entities (without any,
//!   "Title Name" sequences of the text), the speakers of earlier quotations,
//!   named or not ("a relative"), and the subjects of the quotation's sentence and
//!   the two before it ("One witness, a shopkeeper, said …"). Each scores 100,
//!   +80 as a subject (a speaker is one), +50 as an earlier speaker, halved for
//!   each sentence between its last mention and the quotation, +30 when its known
//!   gender agrees; a known gender that disagrees rules it out, and so does being
//!   an ORG/GPE, a plural ("prosecutors") or an institution ("the court",
//!   `patterns/quotes/nouns.tsv`). A person's gender comes from a gendered title
//!   before one of its mentions (`titles.tsv`: "Mrs.", "Father"), an appositive
//!   head noun ("X, the pastor's widow,": `nouns.tsv`), the given name
//!   (`given_names.tsv`), or else the first he/she pronoun after its first
//!   mention; unknown gender is compatible with both.
//! - "they", "it", "we" take the nearest preceding ORG (or NORP group for "they").
//! - "the pastor" takes the name of the nearest preceding "Pastor Name".
//! - Anything else keeps its own text as canonical.

use std::borrow::Cow;
use std::cell::{OnceCell, Ref, RefCell};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};
use regex::Regex;

use crate::document::{Entity, Label, Span};

use super::attribution::NpKind;
use super::lexicon::{Gender, Lexicon, WordClass};
use super::tokens::{is_cap, is_possessive};

/// A speaker found earlier in the document.
#[derive(Debug, Clone)]
pub struct Prior {
    pub span: Span,
    pub canonical: String,
    pub kind: NpKind,
}

/// Per-document data shared by all resolutions of one document.
pub struct DocCtx<'a> {
    /// Quoted spans (all quotation parts), sorted.
    pub quoted: &'a [Span],
    /// The document's sentences (may be empty).
    pub sentences: &'a [Span],
    /// The document's entities.
    entities: &'a [Entity],
    /// The entities' starts and ends both never decrease (read on need).
    monotone: OnceCell<bool>,
    /// Number of narrative sentences (not quoted speech) before each sentence.
    narrative: OnceCell<Vec<u32>>,
    /// The PERSON mentions outside quotations, gathered for the first he/she.
    people: OnceCell<People<'a>>,
    /// Gender of each PERSON canonical (by [`People`] id), read on need.
    genders: RefCell<Vec<Option<Option<Gender>>>>,
    /// What each earlier speaker (by its index in `prior`) is as a he/she
    /// candidate, read once.
    priors: RefCell<Vec<PriorCand>>,
    /// Gender of each earlier speaker's name, read on need.
    name_genders: RefCell<crate::hash::FxMap<String, Option<Gender>>>,
    /// "Title Name" occurrences, found on need and only as far into the text as
    /// asked for.
    titled: RefCell<TitledSoFar>,
}

#[derive(Default)]
struct TitledSoFar {
    scan: TitledScan,
    /// How many of `scan.found` are read into `titled`.
    read: usize,
    titled: Vec<Titled>,
}

/// The PERSON entities of a document, as he/she candidates.
struct People<'a> {
    /// Mentions in entity order, with the id of their canonical and whether
    /// they lie outside quotations.
    mentions: Vec<(Span, u32, bool)>,
    /// Canonical of each id.
    names: Vec<&'a str>,
    /// The document has PERSON entities (also inside quotations).
    any: bool,
}

/// An earlier speaker as a he/she candidate.
#[derive(Clone, Copy)]
enum PriorCand {
    /// Never "he" or "she" (unresolved, plural, an ORG, …).
    Skip,
    Cand(Own),
}

/// Where a candidate's own gender comes from.
#[derive(Clone, Copy)]
enum Own {
    Known(Option<Gender>),
    /// A PERSON canonical (by [`People`] id): `Resolver::canonical_gender`.
    Person(u32),
    /// A speaker's name: `Resolver::gender_of_name`.
    Name,
}

impl<'a> DocCtx<'a> {
    pub fn new(quoted: &'a [Span], sentences: &'a [Span], entities: &'a [Entity]) -> Self {
        DocCtx {
            quoted,
            sentences,
            entities,
            monotone: OnceCell::new(),
            narrative: OnceCell::new(),
            people: OnceCell::new(),
            genders: RefCell::default(),
            priors: RefCell::default(),
            name_genders: RefCell::default(),
            titled: RefCell::default(),
        }
    }

    /// `s` lies inside a quotation: names there are what speakers talk about,
    /// not who speaks.
    fn in_quote(&self, s: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.end < s.end);
        self.quoted.get(i).is_some_and(|q| q.contains(&s))
    }

    /// The entities among which lie all those overlapping `s`, in order.
    fn overlapping(&self, s: Span) -> &'a [Entity] {
        let es = self.entities;
        let monotone = *self.monotone.get_or_init(|| {
            es.windows(2)
                .all(|w| w[0].span.start <= w[1].span.start && w[0].span.end <= w[1].span.end)
        });
        if !monotone {
            return es;
        }
        // Those ending after `s` starts and starting before it ends.
        let lo = es.partition_point(|e| e.span.end <= s.start);
        let hi = es.partition_point(|e| e.span.start < s.end);
        &es[lo..hi.max(lo)]
    }

    fn people(&self) -> &People<'a> {
        self.people.get_or_init(|| {
            // A document names few persons: their canonicals are told apart by
            // comparison, the latest first.
            let mut names: Vec<&'a str> = Vec::new();
            let mut mentions = Vec::new();
            for e in self.entities.iter().filter(|e| e.label == Label::Person) {
                let c = e.canonical.as_str();
                let id = match names.iter().rposition(|n| *n == c) {
                    Some(id) => id,
                    None => {
                        names.push(c);
                        names.len() - 1
                    }
                };
                mentions.push((e.span, id as u32, !self.in_quote(e.span)));
            }
            *self.genders.borrow_mut() = vec![None; names.len()];
            People {
                any: !mentions.is_empty(),
                mentions,
                names,
            }
        })
    }

    /// Index of the sentence holding byte `pos` (0 without sentences).
    fn sentence_of(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= pos)
            .saturating_sub(1)
    }

    /// Narrative sentences from the one holding `from` up to the one holding
    /// `to`: sentences that are mostly quoted speech ("“… arrested. Today they
    /// are teenagers.”") are no turns of the narration and do not count.
    fn distance(&self, from: usize, to: usize) -> usize {
        let cum = self.narrative.get_or_init(|| {
            let mut v = Vec::with_capacity(self.sentences.len() + 1);
            let mut n = 0u32;
            v.push(0);
            for s in self.sentences {
                let i = self.quoted.partition_point(|q| q.end <= s.start);
                let covered: usize = self.quoted[i..]
                    .iter()
                    .take_while(|q| q.start < s.end)
                    .map(|q| overlap(*q, *s))
                    .sum();
                if covered * 10 < (s.end - s.start) * 8 {
                    n += 1;
                }
                v.push(n);
            }
            v
        });
        let (a, b) = (self.sentence_of(from), self.sentence_of(to));
        if b <= a || cum.len() <= b {
            return b.saturating_sub(a);
        }
        (cum[b] - cum[a]) as usize
    }
}

/// What a he/she speaker of one quotation may refer to besides entities and
/// earlier speakers.
#[derive(Debug, Default)]
pub struct Near {
    /// Where the quotation and its attribution begin: candidates end before it.
    pub anchor: usize,
    /// Subjects of the anchor's sentence (before the anchor) and of the two
    /// sentences before it ("One witness", "the judge's assistant").
    pub subjects: Vec<(Span, NpKind)>,
}

/// A possible referent of "he" or "she".
struct Cand<'c> {
    /// Its mention nearest before the anchor.
    pos: usize,
    canonical: Cow<'c, str>,
    /// Its own gender (a mention's gender is its person's, whichever mention
    /// tells it), read only for candidates that may win.
    own: Own,
    /// Subject of its sentence (or speaker of a quotation).
    subject: bool,
    /// Speaker of an earlier quotation.
    speaker: bool,
}

/// Salience weights, after Lappin and Leass (1994): recency, subject and speaker
/// weights are halved for each sentence between the mention and the quotation;
/// a known gender that agrees with the pronoun adds a constant.
const W_RECENT: f32 = 100.0;
const W_SUBJECT: f32 = 80.0;
const W_SPEAKER: f32 = 50.0;
const W_GENDER: f32 = 30.0;

pub struct Resolver {
    /// `Title Name` sequences.
    titled: TitledFinder,
    /// What "the X" may name through a "Title Name" of the text: the full forms
    /// of the titles such a match can show, and those titles in ASCII lowercase.
    title_fulls: crate::hash::FxSet<String>,
    title_lowers: crate::hash::FxSet<String>,
}

/// A "Title Name" occurrence.
pub struct Titled {
    title: String,
    name: Span,
    gender: Option<Gender>,
}

impl Resolver {
    pub fn new(lx: &Lexicon) -> Self {
        // A match shows its title up to the first period or blank.
        let shown = lx
            .titles
            .keys()
            .map(|k| k.find(['.', ' ', '\t']).map_or(k.as_str(), |e| &k[..e]));
        let mut title_fulls = crate::hash::FxSet::default();
        let mut title_lowers = crate::hash::FxSet::default();
        for t in shown {
            title_fulls.extend(lx.title_full.get(t).cloned());
            title_lowers.insert(t.to_ascii_lowercase());
        }
        Resolver {
            titled: TitledFinder::new(lx.titles.keys().map(String::as_str)),
            title_fulls,
            title_lowers,
        }
    }

    /// The (possibly snapped) speaker span and its canonical name.
    #[allow(clippy::too_many_arguments)]
    pub fn resolve(
        &self,
        lx: &Lexicon,
        text: &str,
        entities: &[Entity],
        span: Span,
        kind: NpKind,
        prior: &[Prior],
        dc: &DocCtx,
        near: &Near,
    ) -> (Span, String) {
        let surface = &text[span.start..span.end];
        match kind {
            NpKind::Pronoun => {
                let c = self.pronoun(lx, text, entities, span, prior, dc, near);
                (span, c.unwrap_or_else(|| surface.to_string()))
            }
            NpKind::Name => {
                // An entity overlapping the name.
                let best = dc
                    .overlapping(span)
                    .iter()
                    .filter(|e| e.span.overlaps(&span) && e.label != Label::Law)
                    .max_by_key(|e| overlap(e.span, span));
                if let Some(e) = best {
                    let snapped = if span.contains(&e.span) || e.span.contains(&span) {
                        e.span
                    } else {
                        span
                    };
                    return (snapped, e.canonical.clone());
                }
                (
                    span,
                    self.short_name(lx, text, entities, span, prior)
                        .unwrap_or_else(|| surface.to_string()),
                )
            }
            NpKind::Phrase => {
                // "the International Coalition": the entity without its article.
                let surface_rest = surface
                    .strip_prefix("the ")
                    .or_else(|| surface.strip_prefix("The "));
                if let Some(rest) = surface_rest.filter(|r| is_cap(r)) {
                    let inner = Span::new(span.end - rest.len(), span.end);
                    if let Some(e) = entities
                        .iter()
                        .find(|e| e.span == inner && e.label != Label::Law)
                    {
                        return (e.span, e.canonical.clone());
                    }
                }
                let c = self.title_phrase(lx, text, entities, span, prior, dc);
                (span, c.unwrap_or_else(|| surface.to_string()))
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn pronoun(
        &self,
        lx: &Lexicon,
        text: &str,
        entities: &[Entity],
        span: Span,
        prior: &[Prior],
        dc: &DocCtx,
        near: &Near,
    ) -> Option<String> {
        let in_quote = |s: Span| dc.in_quote(s);
        let p = lx
            .pronouns
            .get(&text[span.start..span.end].to_lowercase())?;
        let person = matches!(p.gender, Gender::Male | Gender::Female) && !p.plural;
        if person {
            return self.person_pronoun(lx, text, entities, span, p.gender, prior, dc, near);
        }
        if matches!(p.gender, Gender::Any) && !p.plural {
            return None; // I, you
        }
        let want = |l: Label| match (p.gender, p.plural) {
            (Gender::Neuter, _) => l == Label::Org,
            _ => matches!(l, Label::Org | Label::Norp),
        };
        entities
            .iter()
            .rfind(|e| e.span.end <= span.start && want(e.label) && !in_quote(e.span))
            .map(|e| e.canonical.clone())
    }

    /// "he"/"she": the most salient person before the quotation whose gender does
    /// not contradict the pronoun. Candidates are PERSON entities (without any,
    /// "Title Name" sequences of the text), the speakers of earlier quotations
    /// (named or not: "a relative"), and the subjects of the quotation's sentence
    /// and the two before it ("One witness, a shopkeeper, said …"). An ORG, GPE,
    /// a plural or an institution ("the court") is never "he" or "she".
    #[allow(clippy::too_many_arguments)]
    fn person_pronoun(
        &self,
        lx: &Lexicon,
        text: &str,
        entities: &[Entity],
        span: Span,
        want: Gender,
        prior: &[Prior],
        dc: &DocCtx,
        near: &Near,
    ) -> Option<String> {
        let in_quote = |s: Span| dc.in_quote(s);
        let anchor = near.anchor.min(span.start);
        let people = dc.people();
        let mut cands: Vec<Cand> = Vec::new();
        // Canonicals of things that are not persons.
        let not_person = |c: &str| {
            entities
                .iter()
                .any(|e| e.label != Label::Person && e.canonical == c)
                && !entities
                    .iter()
                    .any(|e| e.label == Label::Person && e.canonical == c)
        };
        let subject_of = |s: Span| {
            near.subjects
                .iter()
                .any(|(sub, k)| *k == NpKind::Name && sub.overlaps(&s))
        };
        // The last mention of each person before the anchor.
        let mut seen = vec![false; people.names.len()];
        for &(s, id, outside) in people.mentions.iter().rev() {
            if !outside || s.end > anchor || std::mem::replace(&mut seen[id as usize], true) {
                continue;
            }
            cands.push(Cand {
                pos: s.start,
                canonical: Cow::Borrowed(people.names[id as usize]),
                own: Own::Person(id),
                subject: subject_of(s),
                speaker: false,
            });
        }
        if !people.any {
            // No PERSON entities: titled names in the text.
            for t in self.titled_before(lx, text, dc, anchor).iter() {
                if in_quote(t.name) {
                    continue;
                }
                let name = &text[t.name.start..t.name.end];
                let g = t
                    .gender
                    .or_else(|| given_gender(lx, name))
                    .or_else(|| pronoun_after(text, t.name.end));
                let full = self
                    .short_name(lx, text, entities, t.name, prior)
                    .unwrap_or_else(|| name.to_string());
                cands.push(Cand {
                    pos: t.name.start,
                    canonical: Cow::Owned(full),
                    own: Own::Known(g),
                    subject: subject_of(t.name),
                    speaker: false,
                });
            }
        }
        // Speakers of earlier quotations.
        {
            let mut infos = dc.priors.borrow_mut();
            for pr in &prior[infos.len()..] {
                let info = self.prior_cand(lx, text, pr, not_person);
                infos.push(info);
            }
            for (pr, info) in prior.iter().zip(infos.iter()) {
                let PriorCand::Cand(own) = *info else {
                    continue;
                };
                if pr.span.end > anchor {
                    continue;
                }
                cands.push(Cand {
                    pos: pr.span.start,
                    canonical: Cow::Borrowed(pr.canonical.as_str()),
                    own,
                    subject: true,
                    speaker: true,
                });
            }
        }
        // Subjects that are no entity: "One witness", "the judge's assistant".
        for &(sub, kind) in &near.subjects {
            let surface = &text[sub.start..sub.end];
            // Named entities are candidates already; a phrase may hold one as
            // its possessor ("Li’s wife"), not as its head.
            let head = match kind {
                NpKind::Phrase => phrase_head_at(lx, surface).map_or(sub, |(k, w)| {
                    Span::new(sub.start + k, sub.start + k + w.len())
                }),
                _ => sub,
            };
            // (a sentence that opens inside a quotation has no narrative subject
            // there: "“… My brother's children grew up without a father,” X said")
            if sub.end > anchor
                || in_quote(sub)
                || dc.overlapping(head).iter().any(|e| e.span.overlaps(&head))
            {
                continue;
            }
            // The head noun, read once.
            let mut noun: Option<Option<String>> = None;
            let gender = match kind {
                NpKind::Pronoun => continue,
                // Capitalized words are too often no name ("Select Page", a
                // headline) unless they start with a given name or follow a
                // title, a comma or "named" ("a woman named Selam").
                NpKind::Name => {
                    let g = given_gender(lx, surface);
                    let before = text[..sub.start].trim_end_matches(' ');
                    let introduced = before.ends_with(',')
                        || before.ends_with(" named")
                        || before.ends_with(" called")
                        || before
                            .rsplit([' ', '\n'])
                            .next()
                            .is_some_and(|w| lx.title(w).is_some());
                    let caps = surface.chars().filter(|c| c.is_uppercase()).count();
                    let shouting = caps * 2 > surface.chars().filter(|c| c.is_alphabetic()).count();
                    if shouting || (g.is_none() && !introduced) {
                        continue;
                    }
                    g
                }
                // Only a phrase headed by a noun for a person ("One witness").
                NpKind::Phrase => {
                    noun = Some(phrase_head(lx, surface));
                    match noun_gender(lx, noun.as_ref().and_then(Option::as_deref)) {
                        Some(Gender::Any) => None,
                        Some(g @ (Gender::Male | Gender::Female)) => Some(g),
                        _ => continue,
                    }
                }
            };
            let noun = noun.unwrap_or_else(|| phrase_head(lx, surface));
            if noun.as_deref().is_some_and(|h| plural_noun(lx, h)) || not_person(surface) {
                continue;
            }
            cands.push(Cand {
                pos: sub.start,
                canonical: Cow::Borrowed(surface),
                own: Own::Known(gender),
                subject: true,
                speaker: false,
            });
        }
        // The most salient candidate whose gender agrees or is unknown: each
        // scores at most its weight plus the gender bonus, so the candidates are
        // read by that bound and only while one of them may still win (ties go
        // to the later mention, then to the later candidate). Genders are read
        // only for those.
        let base = |c: &Cand| {
            let d = dc.distance(c.pos, anchor).min(30) as i32;
            let mut w = W_RECENT;
            if c.subject {
                w += W_SUBJECT;
            }
            if c.speaker {
                w += W_SPEAKER;
            }
            w * 0.5f32.powi(d)
        };
        let bases: Vec<f32> = cands.iter().map(base).collect();
        let key_cmp = |a: (f32, usize, usize), b: (f32, usize, usize)| {
            a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
        };
        let bound = |i: usize| (bases[i] + W_GENDER, cands[i].pos, i);
        // Highest bound first; usually the first one or two decide.
        let mut left: Vec<usize> = (0..cands.len()).collect();
        let order = std::iter::from_fn(|| {
            let k = (0..left.len()).max_by(|&a, &b| key_cmp(bound(left[a]), bound(left[b])))?;
            Some(left.swap_remove(k))
        });
        let mut owns: Vec<Option<Option<Gender>>> = vec![None; cands.len()];
        let mut own = |i: usize| -> Option<Gender> {
            *owns[i].get_or_insert_with(|| match cands[i].own {
                Own::Known(g) => g,
                Own::Person(id) => {
                    let known = dc.genders.borrow()[id as usize];
                    known.unwrap_or_else(|| {
                        let g = self.person_gender(lx, text, people, id);
                        dc.genders.borrow_mut()[id as usize] = Some(g);
                        g
                    })
                }
                Own::Name => self.name_gender(lx, text, dc, &cands[i].canonical),
            })
        };
        let mut best: Option<(f32, usize, usize)> = None;
        for i in order {
            if best.is_some_and(|b| key_cmp(bound(i), b).is_lt()) {
                break;
            }
            let gender = own(i).or_else(|| {
                (0..cands.len())
                    .filter(|&j| cands[j].canonical == cands[i].canonical)
                    .find_map(&mut own)
            });
            if gender.is_some_and(|g| g != want) {
                continue;
            }
            let mut s = bases[i];
            if gender == Some(want) {
                s += W_GENDER;
            }
            let key = (s, cands[i].pos, i);
            if !best.is_some_and(|b| key_cmp(key, b).is_le()) {
                best = Some(key);
            }
        }
        best.map(|(_, _, i)| cands[i].canonical.to_string())
    }

    /// An earlier speaker as a he/she candidate.
    fn prior_cand(
        &self,
        lx: &Lexicon,
        text: &str,
        pr: &Prior,
        not_person: impl Fn(&str) -> bool,
    ) -> PriorCand {
        let surface = &text[pr.span.start..pr.span.end];
        let own = match pr.kind {
            NpKind::Pronoun => {
                if pr.canonical == surface {
                    return PriorCand::Skip; // unresolved
                }
                match lx.pronouns.get(&surface.to_lowercase()) {
                    Some(q) if !q.plural && matches!(q.gender, Gender::Male | Gender::Female) => {
                        Own::Known(Some(q.gender))
                    }
                    _ => return PriorCand::Skip,
                }
            }
            NpKind::Name => Own::Name,
            NpKind::Phrase => match phrase_gender(lx, &pr.canonical) {
                Some(Gender::Neuter) => return PriorCand::Skip,
                Some(Gender::Any) => Own::Known(None),
                g => Own::Known(g),
            },
        };
        if not_person(&pr.canonical) || (pr.kind != NpKind::Pronoun && plural(lx, &pr.canonical)) {
            return PriorCand::Skip;
        }
        PriorCand::Cand(own)
    }

    /// Gender of an earlier speaker's name, read once per document.
    fn name_gender(&self, lx: &Lexicon, text: &str, dc: &DocCtx, name: &str) -> Option<Gender> {
        let known = dc.name_genders.borrow().get(name).copied();
        known.unwrap_or_else(|| {
            let g = self.gender_of_name(lx, text, name);
            dc.name_genders.borrow_mut().insert(name.to_string(), g);
            g
        })
    }

    /// Gender of a person (by [`People`] id): a gendered title before any of
    /// its mentions, an appositive after one, its given name, else the first
    /// personal pronoun after its first mention.
    fn person_gender(&self, lx: &Lexicon, text: &str, people: &People, id: u32) -> Option<Gender> {
        let mentions = people.mentions.iter().filter(|m| m.1 == id).map(|m| m.0);
        let mut first = None;
        let mut appositive = None;
        for m in mentions {
            first.get_or_insert(m.end);
            if let Some(g) = title_before(lx, text, m.start) {
                return Some(g);
            }
            appositive = appositive.or_else(|| appositive_gender(lx, text, m.end));
        }
        appositive
            .or_else(|| given_gender(lx, people.names[id as usize]))
            .or_else(|| first.and_then(|f| pronoun_after(text, f)))
    }

    fn gender_of_name(&self, lx: &Lexicon, text: &str, name: &str) -> Option<Gender> {
        let mut first = None;
        let mut appositive = None;
        for i in occurrences(text, name) {
            first.get_or_insert(i + name.len());
            if let Some(g) = title_before(lx, text, i) {
                return Some(g);
            }
            appositive = appositive.or_else(|| appositive_gender(lx, text, i + name.len()));
        }
        appositive
            .or_else(|| given_gender(lx, name))
            .or_else(|| first.and_then(|f| pronoun_after(text, f)))
    }

    /// The "Title Name" occurrences whose name ends by `pos`, in text order.
    fn titled_before<'d>(
        &self,
        lx: &Lexicon,
        text: &str,
        dc: &'d DocCtx,
        pos: usize,
    ) -> Ref<'d, [Titled]> {
        {
            let mut st = dc.titled.borrow_mut();
            let st = &mut *st;
            self.titled.scan_to(text, &mut st.scan, pos);
            for m in &st.scan.found[st.read..] {
                st.titled.extend(titled_at(lx, text, *m));
            }
            st.read = st.scan.found.len();
        }
        Ref::map(dc.titled.borrow(), |st| {
            let k = st.titled.partition_point(|t| t.name.end <= pos);
            &st.titled[..k]
        })
    }

    /// The last "Title Name" occurrence whose name ends by `pos` and that
    /// `pred` accepts, as `titled_before` would list it. No match holds a line
    /// break, so each line's matches are those of a scan of the line alone: the
    /// lines are scanned from `pos` backwards, only as far as needed.
    fn last_titled_before(
        &self,
        lx: &Lexicon,
        text: &str,
        pos: usize,
        pred: impl Fn(&Titled) -> bool,
    ) -> Option<Titled> {
        let bytes = text.as_bytes();
        let mut end = pos;
        loop {
            let start = memchr::memrchr(b'\n', &bytes[..end]).map_or(0, |i| i + 1);
            let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(text.len(), |i| start + i);
            let mut st = TitledScan {
                at: start,
                from: start,
                ..Default::default()
            };
            self.titled.scan_within(text, &mut st, pos, line_end);
            let hit = st
                .found
                .iter()
                .rev()
                .filter_map(|m| titled_at(lx, text, *m))
                .find(|t| t.name.end <= pos && pred(t));
            if hit.is_some() || start == 0 {
                return hit;
            }
            end = start - 1;
        }
    }

    /// Full name for a short one.
    fn short_name(
        &self,
        lx: &Lexicon,
        text: &str,
        entities: &[Entity],
        span: Span,
        prior: &[Prior],
    ) -> Option<String> {
        let name = &text[span.start..span.end];
        let matches = |c: &str| {
            c != name
                && (c.ends_with(name) && c[..c.len() - name.len()].ends_with(' ')
                    || c.starts_with(name) && c[name.len()..].starts_with(' '))
        };
        let mut best: Option<&Entity> = None;
        for e in entities.iter().filter(|e| matches(&e.canonical)) {
            let better = match best {
                None => true,
                Some(b) => {
                    (e.label == Label::Person && b.label != Label::Person)
                        || (e.label == b.label && e.span.start < span.start)
                }
            };
            if better {
                best = Some(e);
            }
        }
        if let Some(e) = best {
            return Some(e.canonical.clone());
        }
        if let Some(p) = prior.iter().rev().find(|p| matches(&p.canonical)) {
            return Some(p.canonical.clone());
        }
        if name.contains(' ') || !entities.is_empty() {
            return None;
        }
        // Longest capitalized run around another occurrence of the name.
        let mut longest: Option<&str> = None;
        for i in occurrences(text, name) {
            let mut run = cap_run_around(text, i, i + name.len());
            // Everything up to the last title goes ("District Judge Monica R. Vos").
            let mut cut = 0;
            for (k, w) in run.split(' ').scan(0, |pos, w| {
                let k = *pos;
                *pos += w.len() + 1;
                Some((k, w))
            }) {
                if lx.title(w).is_some() && run[k + w.len()..].contains(name) {
                    cut = k + w.len() + 1;
                }
            }
            run = &run[cut.min(run.len())..];
            if run.len() > name.len() && longest.is_none_or_shorter(run) {
                longest = Some(run);
            }
        }
        longest.map(str::to_string)
    }

    /// "the pastor" → the name of the nearest preceding "Pastor Name".
    fn title_phrase(
        &self,
        lx: &Lexicon,
        text: &str,
        entities: &[Entity],
        span: Span,
        prior: &[Prior],
        dc: &DocCtx,
    ) -> Option<String> {
        let s = &text[span.start..span.end];
        let rest = s.strip_prefix("the ").or_else(|| s.strip_prefix("The "))?;
        // "Isabel Mendes, the Special Rapporteur" anywhere in the text.
        let appositive = format!(", {s}");
        let lower_app = format!(", the {rest}");
        // "the pastor": the lowercase form is the same search.
        let pats = if appositive == lower_app {
            &[appositive.as_str()][..]
        } else {
            &[appositive.as_str(), lower_app.as_str()][..]
        };
        for &pat in pats {
            for i in occurrences(text, pat) {
                let run = cap_run_before(text, i);
                // (not an opening frame: "On Monday, the pastor said")
                let frame = run.split(' ').next().is_some_and(|w| {
                    let w = w.to_lowercase();
                    lx.is(&w, WordClass::Adverbial) || lx.is(&w, WordClass::Intro)
                });
                if run.contains(' ') && !frame {
                    let sp = Span::new(i - run.len(), i);
                    let full = dc
                        .overlapping(sp)
                        .iter()
                        .find(|e| e.span.overlaps(&sp))
                        .map(|e| e.canonical.clone())
                        .unwrap_or_else(|| run.to_string());
                    return Some(full);
                }
            }
        }
        // "The Plateau State Governor, Joseph Gyang," before it: the person
        // named right after the title and its comma (the latest such).
        let cap_rest: String = {
            let mut cs = rest.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect())
                .unwrap_or_default()
        };
        let after_cap = format!("{cap_rest}, ");
        let after_low = format!("{}, ", rest.to_lowercase());
        let named = occurrences(&text[..span.start], &after_cap)
            .chain(occurrences(&text[..span.start], &after_low))
            .filter_map(|i| {
                let at = i + after_cap.len();
                let before_ok = !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let lo = entities.partition_point(|e| e.span.start < at);
                entities
                    .get(lo)
                    .filter(|e| before_ok && e.span.start == at && e.label == Label::Person)
            })
            .max_by_key(|e| e.span.start);
        if let Some(e) = named {
            return Some(e.canonical.clone());
        }
        if rest.contains(' ') {
            return None;
        }
        let want = rest.to_lowercase();
        if !self.title_fulls.contains(&want)
            && !self.title_lowers.contains(&rest.to_ascii_lowercase())
        {
            return None; // no title of a "Title Name" match is this one
        }
        let t = self.last_titled_before(lx, text, span.start, |t| {
            lx.title_full
                .get(t.title.as_str())
                .is_some_and(|f| *f == want)
                || t.title.eq_ignore_ascii_case(rest)
        })?;
        let name = &text[t.name.start..t.name.end];
        let full = dc
            .overlapping(t.name)
            .iter()
            .find(|e| e.span.overlaps(&t.name))
            .map(|e| e.canonical.clone())
            .or_else(|| self.short_name(lx, text, entities, t.name, prior));
        Some(full.unwrap_or_else(|| name.to_string()))
    }
}

trait Shorter {
    fn is_none_or_shorter(&self, than: &str) -> bool;
}

impl Shorter for Option<&str> {
    fn is_none_or_shorter(&self, than: &str) -> bool {
        self.map_or(true, |s| s.len() < than.len())
    }
}

/// The title and name of a "Title Name" match.
fn titled_at(lx: &Lexicon, text: &str, m: Span) -> Option<Titled> {
    let s = &text[m.start..m.end];
    let t_end = s.find(['.', ' ', '\t'])?;
    let title = &s[..t_end];
    let rest = &s[t_end..];
    let skip = rest.len() - rest.trim_start_matches(['.', ' ', '\t']).len();
    let mut name = Span::new(m.start + t_end + skip, m.end);
    let n = &text[name.start..name.end];
    if let Some(p) = n.strip_suffix("’s").or_else(|| n.strip_suffix("'s")) {
        name.end = name.start + p.len();
    }
    (name.end > name.start).then(|| Titled {
        title: title.to_string(),
        name,
        gender: lx.title(title).flatten(),
    })
}

/// Byte offsets of the non-overlapping occurrences of `needle` in `text`, as
/// `str::match_indices` gives them (memmem's SIMD search for a real needle).
fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let empty = needle.is_empty();
    let fast = (!empty).then(|| memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()));
    let slow = empty.then(|| text.match_indices(needle).map(|(i, _)| i));
    fast.into_iter().flatten().chain(slow.into_iter().flatten())
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The gender of the first word of `name` that is a listed given name
/// (`patterns/quotes/given_names.tsv`), the last word (a surname) left out unless
/// it is the only one: "Rana Abdul Hameed" → m from "Abdul" ("Rana" is given to
/// both).
fn given_gender(lx: &Lexicon, name: &str) -> Option<Gender> {
    let words = || name.split([' ', '-']).filter(|w| !w.is_empty());
    let n = words().count();
    words()
        .take(n.saturating_sub(1).max(1))
        .find_map(|w| lx.given.get(w).copied())
}

/// The head noun of a speaker phrase: its last word before a preposition, a
/// relative pronoun or a comma ("the mother of the victim" → "mother").
fn phrase_head(lx: &Lexicon, phrase: &str) -> Option<String> {
    phrase_head_at(lx, phrase).map(|(_, w)| w.to_lowercase())
}

/// The head word of a phrase as written, with its byte offset in `phrase`: the
/// last word before a preposition, a relative word or a stop word ("An official
/// at the Conscription Office" → "official").
fn phrase_head_at<'a>(lx: &Lexicon, phrase: &'a str) -> Option<(usize, &'a str)> {
    let mut head = None;
    let mut buf = String::new();
    let mut low;
    for w in phrase.split([' ', ',']) {
        if w.is_empty() {
            continue;
        }
        let l = if w.is_ascii() {
            buf.clear();
            buf.push_str(w);
            buf.make_ascii_lowercase();
            buf.as_str()
        } else {
            low = w.to_lowercase();
            low.as_str()
        };
        let classes = lx.classes.get(l).map_or(&[][..], Vec::as_slice);
        if head.is_some()
            && classes.iter().any(|c| {
                matches!(
                    c,
                    WordClass::Preposition | WordClass::Relative | WordClass::Stop
                )
            })
        {
            break;
        }
        if !classes.contains(&WordClass::Determiner) && !is_possessive(w) {
            head = Some(w);
        }
    }
    // (`w` is a slice of `phrase`: its offset is the pointers' difference)
    head.map(|w| (w.as_ptr() as usize - phrase.as_ptr() as usize, w))
}

/// Gender told by the head noun of a phrase ("a spokeswoman", "the court": neuter).
fn phrase_gender(lx: &Lexicon, phrase: &str) -> Option<Gender> {
    noun_gender(lx, phrase_head(lx, phrase).as_deref())
}

/// Gender told by a head noun.
fn noun_gender(lx: &Lexicon, noun: Option<&str>) -> Option<Gender> {
    lx.nouns.get(noun?).copied()
}

/// A plural phrase ("police", "local officials", "prosecutors"): not "he" or "she".
fn plural(lx: &Lexicon, phrase: &str) -> bool {
    phrase_head(lx, phrase).is_some_and(|h| plural_noun(lx, &h))
}

/// A plural head noun.
fn plural_noun(lx: &Lexicon, h: &str) -> bool {
    lx.heads.contains(h) && h.ends_with('s') && !h.ends_with("ss")
        || h == "police"
        || (h.ends_with("ers") || h.ends_with("ists") || h.ends_with("ians"))
}

/// Gender told by an appositive right after a name ("Anna Kowalska, the pastor's
/// widow,"), from its head noun.
fn appositive_gender(lx: &Lexicon, text: &str, end: usize) -> Option<Gender> {
    let rest = text[end..].strip_prefix(", ")?;
    let stop = rest
        .find([',', '.', ';', ':', '\n', '(', '“', '"'])
        .unwrap_or(rest.len())
        .min(80);
    let mut stop = stop.min(rest.len());
    while !rest.is_char_boundary(stop) {
        stop -= 1;
    }
    let app = &rest[..stop];
    let first = app.split(' ').next()?.to_lowercase();
    if !lx.is(&first, WordClass::Determiner) {
        return None;
    }
    match phrase_gender(lx, app)? {
        Gender::Neuter | Gender::Any => None,
        g => Some(g),
    }
}

/// Gender of a title written just before byte `pos`.
fn title_before(lx: &Lexicon, text: &str, pos: usize) -> Option<Gender> {
    let before = text[..pos].trim_end();
    let w = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()?;
    lx.title(w).flatten()
}

/// The gender of the first subject pronoun (he/she; possessives are too often
/// about someone else) after `pos`, before the next quotation or line break.
fn pronoun_after(text: &str, pos: usize) -> Option<Gender> {
    let mut end = (pos + 400).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let b = &text.as_bytes()[pos..end];
    // Not into a quotation: pronouns there are the speaker's, not about them.
    // Stop at “ " ‘ « or a line break.
    let mut k = 0;
    let mut word = 0;
    while k < b.len() {
        let (alpha, len) = match b[k] {
            b'"' | b'\n' => break,
            0xE2 if b[k + 1..].starts_with(&[0x80, 0x9C])
                || b[k + 1..].starts_with(&[0x80, 0x98]) =>
            {
                break
            }
            0xC2 if b.get(k + 1) == Some(&0xAB) => break,
            c if c.is_ascii() => (c.is_ascii_alphabetic(), 1),
            _ => {
                let c = text[pos + k..].chars().next().unwrap_or_default();
                (c.is_alphabetic(), c.len_utf8())
            }
        };
        if !alpha {
            if let Some(g) = subject_pronoun(&b[word..k]) {
                return Some(g);
            }
            word = k + len;
        }
        k += len;
    }
    subject_pronoun(&b[word..k])
}

fn subject_pronoun(w: &[u8]) -> Option<Gender> {
    match w {
        b"he" | b"He" | b"himself" => Some(Gender::Male),
        b"she" | b"She" | b"herself" => Some(Gender::Female),
        _ => None,
    }
}

/// The run of capitalized words (joined by single spaces) around `text[s..e]`.
fn cap_run_around(text: &str, s: usize, e: usize) -> &str {
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '’' | '\'' | '.');
    // Whole-word check.
    if text[..s]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        || text[e..].chars().next().is_some_and(char::is_alphanumeric)
    {
        return &text[s..e];
    }
    let mut start = s;
    loop {
        let before = &text[..start];
        let Some(b) = before.strip_suffix(' ') else {
            break;
        };
        let ws = b
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map(|(i, _)| i);
        let Some(ws) = ws else { break };
        let w = &b[ws..];
        let initial = w.chars().count() == 2 && w.ends_with('.');
        if !is_cap(w)
            || is_possessive(w)
            || (w.ends_with('.') && !initial)
            || matches!(w, "The" | "A" | "An")
        {
            break;
        }
        start = ws;
    }
    let mut end = e;
    while let Some(a) = text[end..].strip_prefix(' ') {
        let len: usize = a
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .map(char::len_utf8)
            .sum();
        if len == 0 || !is_cap(&a[..len]) {
            break;
        }
        end = end + 1 + len;
    }
    &text[start..end]
}

/// The run of capitalized words ending just before byte `end` ("Isabel Mendes").
fn cap_run_before(text: &str, end: usize) -> &str {
    let mut start = end;
    let mut words = 0;
    loop {
        let b = &text[..start];
        let b2 = if words == 0 {
            b
        } else {
            match b.strip_suffix(' ') {
                Some(x) => x,
                None => break,
            }
        };
        let len: usize = b2
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '’' | '\''))
            .map(char::len_utf8)
            .sum();
        if len == 0 {
            break;
        }
        let w = &b2[b2.len() - len..];
        if !is_cap(w) || words >= 4 {
            break;
        }
        // "… said Monday. That, the source said": a word with a full stop after it
        // ends the sentence before the run, unless it is an initial or a dotted
        // abbreviation ("J.", "U.S.")
        if words > 0 && w.len() > 2 && w.ends_with('.') && !w[..w.len() - 1].contains('.') {
            break;
        }
        start = b2.len() - len;
        words += 1;
    }
    &text[start..end]
}

/// Finds "Title Name" sequences: a title (a whole word at its start), an optional
/// period, blanks, and one or more capitalized words separated by blanks — the
/// matches of `(?-u:\b)(?:TITLE)\.?[ \t]+\p{Lu}[\p{L}\p{M}’'\-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}’'\-]*)*`
/// (titles longest first) with its leftmost-first semantics, found by an
/// Aho-Corasick scan for the titles and a hand-written match of the rest at each
/// hit.
struct TitledFinder {
    /// Leftmost-longest: resumable anywhere, so a text is scanned only as far as
    /// needed.
    titles: AhoCorasick,
    /// All occurrences, for the surroundings of a tangled title.
    overlapping: AhoCorasick,
    /// By pattern: another title may start inside it ("President" in
    /// "Vice-President"), or a shorter title at its start may be followed by a
    /// name ("Chief" in "Chief Justice"). The leftmost-longest scan hides those
    /// occurrences, so they are looked up around each such hit.
    tangled: Vec<bool>,
    max_len: usize,
    /// `\A\p{Lu}` and `\A[\p{L}\p{M}’'\-]`, asked only about non-ASCII characters
    /// (compiled on first need).
    upper: OnceLock<Regex>,
    name_char: OnceLock<Regex>,
}

/// Where a scan of one text stands.
#[derive(Default)]
struct TitledScan {
    /// Matches so far, in order.
    found: Vec<Span>,
    /// Where the title search resumes.
    at: usize,
    /// End of the last match: the next one starts here or later.
    from: usize,
    done: bool,
}

/// An ASCII word byte (`(?-u:\w)`).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl TitledFinder {
    fn new<'t>(titles: impl Iterator<Item = &'t str>) -> Self {
        let titles: Vec<&str> = titles.collect();
        let tangled = titles
            .iter()
            .map(|t| {
                titles.iter().any(|u| {
                    let prefix_then_blank = u.len() < t.len()
                        && t.starts_with(u)
                        && matches!(t.as_bytes()[u.len()], b'.' | b' ' | b'\t');
                    let inside = (1..t.len())
                        .filter(|&k| t.is_char_boundary(k))
                        .any(|k| u.starts_with(&t[k..]) || t[k..].starts_with(u));
                    prefix_then_blank || inside
                })
            })
            .collect();
        TitledFinder {
            titles: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&titles)
                .expect("title automaton builds"),
            // Rarely searched: the NFA builds faster than a DFA.
            overlapping: AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::NoncontiguousNFA))
                .build(&titles)
                .expect("title automaton builds"),
            tangled,
            max_len: titles.iter().map(|t| t.len()).max().unwrap_or(0),
            upper: OnceLock::new(),
            name_char: OnceLock::new(),
        }
    }

    /// Extends `st` with every match that starts before `pos`.
    fn scan_to(&self, text: &str, st: &mut TitledScan, pos: usize) {
        self.scan_within(text, st, pos, text.len());
    }

    /// Extends `st` with every match that starts before `pos` and whose title
    /// ends by `limit` (no title holds a line break: the end of a line is a
    /// limit that changes no match).
    fn scan_within(&self, text: &str, st: &mut TitledScan, pos: usize, limit: usize) {
        if st.done {
            return;
        }
        while let Some(m) = self.titles.find(Input::new(text).span(st.at..limit)) {
            if m.start() >= pos {
                return; // found again on the next call
            }
            st.at = m.end();
            if !self.tangled[m.pattern()] {
                self.try_at(text, st, m.start(), m.len());
                continue;
            }
            // Every occurrence that starts within this one, by start and then
            // longest first (the alternation's order).
            let window = m.start()..(m.end() + self.max_len).min(text.len());
            let mut hits: Vec<(usize, usize)> = self
                .overlapping
                .find_overlapping_iter(Input::new(text).span(window))
                .filter(|h| h.start() < m.end())
                .map(|h| (h.start(), h.len()))
                .collect();
            hits.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            for (start, len) in hits {
                self.try_at(text, st, start, len);
            }
        }
        st.done = true;
    }

    /// A match for the title `text[start..start + len]`, if it is one.
    fn try_at(&self, text: &str, st: &mut TitledScan, start: usize, len: usize) {
        let bytes = text.as_bytes();
        // `(?-u:\b)` before the title.
        let boundary = is_word_byte(bytes[start]) != (start > 0 && is_word_byte(bytes[start - 1]));
        if start < st.from || !boundary {
            return;
        }
        if let Some(end) = self.name_after(text, start + len) {
            st.found.push(Span::new(start, end));
            st.from = end;
            st.at = st.at.max(end);
        }
    }

    /// End of `\.?[ \t]+NAME(?:[ \t]+NAME)*` at `pos`, NAME being
    /// `\p{Lu}[\p{L}\p{M}’'\-]*`.
    fn name_after(&self, text: &str, mut pos: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        if bytes.get(pos) == Some(&b'.') {
            pos += 1;
        }
        let mut end = None;
        loop {
            let blanks = bytes[pos..]
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
            if blanks == 0 {
                return end;
            }
            let Some(after) = self.word_after(text, pos + blanks) else {
                return end;
            };
            pos = after;
            end = Some(pos);
        }
    }

    fn upper_re(&self) -> &Regex {
        self.upper
            .get_or_init(|| Regex::new(r"\A\p{Lu}").expect("regex compiles"))
    }

    fn name_char_re(&self) -> &Regex {
        self.name_char
            .get_or_init(|| Regex::new(r"\A[\p{L}\p{M}’'\-]").expect("regex compiles"))
    }

    /// End of `\p{Lu}[\p{L}\p{M}’'\-]*` at `pos`.
    fn word_after(&self, text: &str, pos: usize) -> Option<usize> {
        let rest = &text[pos..];
        let c = rest.chars().next()?;
        let upper = if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            self.upper_re().is_match(rest)
        };
        if !upper {
            return None;
        }
        let mut end = pos + c.len_utf8();
        for c in text[end..].chars() {
            let ok = if c.is_ascii() {
                c.is_ascii_alphabetic() || c == '\'' || c == '-'
            } else {
                self.name_char_re().is_match(&text[end..])
            };
            if !ok {
                break;
            }
            end += c.len_utf8();
        }
        Some(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regex the title finder stands for.
    fn titled_regex(titles: &[&str]) -> Regex {
        let mut sorted = titles.to_vec();
        sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alt: Vec<String> = sorted.iter().map(|t| regex::escape(t)).collect();
        Regex::new(&format!(
            r"(?-u:\b)(?:{})\.?[ \t]+\p{{Lu}}[\p{{L}}\p{{M}}’'\-]*(?:[ \t]+\p{{Lu}}[\p{{L}}\p{{M}}’'\-]*)*",
            alt.join("|")
        ))
        .unwrap()
    }

    /// The hand-written matcher finds what the regex it replaces finds, also when
    /// asked piecewise.
    #[test]
    fn titled_finder_matches_the_regex() {
        let all = [
            "Mr",
            "Mrs",
            "Dr",
            "President",
            "Vice-President",
            "Sr",
            "Sister",
            "Señor",
            "or",
            "Chief",
            "Chief Justice",
            "Justice",
            "Gen",
            "Gen.Sec",
        ];
        let plain = ["Mr", "Mrs", "Dr", "Sister", "Sr", "Justice"];
        for titles in [&all[..], &plain[..]] {
            let re = titled_regex(titles);
            let f = TitledFinder::new(titles.iter().copied());
            let tangled: Vec<&str> = (0..titles.len())
                .filter(|&i| f.tangled[i])
                .map(|i| titles[i])
                .collect();
            if titles.len() == plain.len() {
                assert!(tangled.is_empty());
            } else {
                assert_eq!(
                    tangled,
                    ["Vice-President", "Señor", "Chief Justice", "Gen.Sec"]
                );
            }
            for text in [
                "Mr. John Smith said",
                "Mrs  Ann O’Neil-Brown and Dr.Who",
                "Vice-President Kamala Harris, President Biden",
                "xMr Smith _Dr Jones éDr Émile Zola Ǆemal",
                "Mr.\tJean-Luc Picard’s ship, Sister Mary\nAnn",
                "Mr. Ångström and Mr. élan Mrs. Ω",
                "Dr. Dr. Strange Mr",
                "Sr Sister Anne",
                "Mr Ⅷ Henry",
                "Señor Diaz, Señor diaz",
                "Chief Justice said, Chief Justice Roberts, Chief Justice",
                "the Vice-President said; Vice-President  Pence",
                "Gen.Sec Ali, Gen.Sec. Ali Gen. Sec Bo",
            ] {
                let want: Vec<Span> = re
                    .find_iter(text)
                    .map(|m| Span::new(m.start(), m.end()))
                    .collect();
                let mut st = TitledScan::default();
                for pos in (0..=text.len() + 1).step_by(7) {
                    f.scan_to(text, &mut st, pos);
                }
                f.scan_to(text, &mut st, text.len() + 1);
                assert_eq!(st.found, want, "{text:?} {titles:?}");
            }
        }
    }

    /// The backward scan by lines finds the last match the forward scan of the
    /// whole text lists.
    #[test]
    fn last_titled_as_forward_scan() {
        let lx = Lexicon::new(&crate::patterns::Patterns::embedded()).unwrap();
        let r = Resolver::new(&lx);
        for text in [
            "Pastor John Smith said.\nThe pastor, Mr. Ali Khan, and Dr Bo\n\nMrs Ann Lee’s son",
            "\nChief Justice Roberts\nVice-President Kamala Harris, President Biden\n",
            "Mr.\tJean-Luc Picard’s ship, Sister Mary\nAnn Father\nJohn, Rev. A B C",
            "no titles here\nat all",
            "Mr\nSmith Mr Smith\n\n\nMr Jones",
        ] {
            let dc = DocCtx::new(&[], &[], &[]);
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                let want = r.titled_before(&lx, text, &dc, pos).last().map(|t| t.name);
                let got = r
                    .last_titled_before(&lx, text, pos, |_| true)
                    .map(|t| t.name);
                assert_eq!(got, want, "{text:?} {pos}");
                let want = r
                    .titled_before(&lx, text, &dc, pos)
                    .iter()
                    .rev()
                    .find(|t| t.title == "Mr")
                    .map(|t| t.name);
                let got = r
                    .last_titled_before(&lx, text, pos, |t| t.title == "Mr")
                    .map(|t| t.name);
                assert_eq!(got, want, "{text:?} {pos}");
            }
        }
    }

    /// The byte scan reads the same pronoun as splitting the window into words.
    #[test]
    fn pronoun_after_as_word_split() {
        fn by_words(text: &str, pos: usize) -> Option<Gender> {
            let mut end = (pos + 400).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let window = &text[pos..end];
            let window = window
                .split(['“', '"', '‘', '«', '\n'])
                .next()
                .unwrap_or(window);
            window
                .split(|c: char| !c.is_alphabetic())
                .find_map(|w| subject_pronoun(w.as_bytes()))
        }
        let long = format!("{} she", "é ".repeat(199));
        for text in [
            "Smith, 40, said he would",
            "Smith’s wife: she left",
            "Smith “he said” she",
            "Smith ‘he’ she",
            "Smith « he » she",
            "Smith \"he\" she",
            "Smith\nhe",
            "Smith éhe she",
            "Smith heé himself",
            "Smith herself",
            "Smith theyhe She",
            "Smith he",
            long.as_str(),
        ] {
            for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
                assert_eq!(
                    pronoun_after(text, pos),
                    by_words(text, pos),
                    "{text:?} {pos}"
                );
            }
        }
    }
}
