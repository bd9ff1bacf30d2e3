//! Legal penalties: what sentence, for whom, for what, under which law, and how
//! certain (`penalties` in `prex.v1`).
//!
//! One Aho-Corasick pass over the document finds trigger words
//! (`patterns/penalties/triggers.tsv`); only sentences with a trigger are looked
//! at further. There, quantities (durations, money) are found and attached to
//! adjacent triggers across allowed connector words ("57 months *in* prison",
//! "fine *of* $250,000"); status comes from the nearest cue, bound from cue
//! words or ranges, and subject, offense and law from the clause around it.

mod args;
mod phrases;
mod quantity;
mod status;
mod triggers;

use crate::hash::FxMap as HashMap;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use regex::{Regex, RegexBuilder};

use crate::document::{
    Amount, Bound, Document, Label, Penalty, PenaltyKind, PenaltyStatus, Rule, Span, Timex,
    TimexType,
};
use crate::patterns::{lines, word_list, Patterns};

use args::{det, Args, OffenseScope};
use phrases::{AllPhrases, Lower, PhraseSet};
pub use quantity::{Quantities, Quantity, QuantityKind};
use status::Cues;
use triggers::{Needs, Triggers};

/// How far before a duration with no trigger `orphans.tsv` looks (bytes): room for
/// "sentenced A and B to ten years each, and C to ".
const ORPHAN_REACH: usize = 160;

/// What kind of quantity a penalty kind takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Takes {
    Duration,
    Money,
    Count,
    Nothing,
}

fn takes(kind: PenaltyKind) -> Takes {
    use PenaltyKind::*;
    match kind {
        Imprisonment | Detention | ForcedLabor | Probation | SupervisedRelease | HouseArrest
        | CommunityService | Other => Takes::Duration,
        Fine | Restitution | Forfeiture => Takes::Money,
        Corporal => Takes::Count,
        Death | Deportation => Takes::Nothing,
    }
}

pub struct PenaltyExtractor {
    triggers: Triggers,
    quantities: Quantities,
    cues: Cues,
    args: Args,
    orphans: Vec<(Regex, PenaltyKind, Rule)>,
    countries: PhraseSet<String>,
    negatives: Vec<String>,
    fillers: Vec<String>,
    /// The last words of `negatives` and `fillers`: text before a quantity
    /// ending in another word is no time that passed.
    negated_last: Vec<String>,
    not_penalty: PhraseSet<()>,
    /// Verbs after "the <penalty>" that make it the subject of a general
    /// statement ("the death penalty is incompatible with …"): `#! generic-verbs`
    /// in not_penalty.txt.
    generic_verbs: Vec<String>,
    /// Words right after a detention that make it custody before a trial, not a
    /// penalty ("detained for three months before the trial"): `#! custody-after`
    /// in not_penalty.txt.
    custody_after: Vec<String>,
    /// Words shortly before a detention named by a plain word that make it time
    /// already held: `#! custody-before` in not_penalty.txt.
    custody_before: Vec<String>,
    /// Nouns right after a bare penalty word that make it a modifier ("the fine
    /// range"): `#! modifier-after` in not_penalty.txt.
    modifier_after: Vec<String>,
    /// Words right before a sentencing verb that make it no new term after an
    /// overturn ("was sentenced", "after sentencing"): `#! passive-before` in
    /// not_penalty.txt.
    passive_before: Vec<String>,
    /// Words before "a" right before a penalty that make it a figure of speech
    /// ("is a death sentence by other means"): `#! figure-before` in
    /// not_penalty.txt.
    figure_before: Vec<String>,
    /// [`LAW_WORDS`] then [`LAW_ACTORS`].
    law_words: AllPhrases,
}

/// Words that make a sentence speak of a law (look for one nearby).
const LAW_WORDS: [&str; 8] = [
    "law",
    "laws",
    "statute",
    "code",
    "ordinance",
    "article",
    "section",
    "act",
];

/// Phrases that make a law the actor (penalties without a cue are statutory).
const LAW_ACTORS: [&str; 7] = [
    "the law",
    "this law",
    "the ordinance",
    "the act",
    "the article",
    "the statute",
    "the code",
];

/// "sentenced Jan. 28 to 46 months": a range whose lower number is the day of a
/// date is no range; the quantity starts after the "to" and is exact.
fn date_led_ranges(text: &str, qs: &mut [Quantity], dates: &[Timex]) {
    for q in qs.iter_mut().filter(|q| q.bound == Bound::Max) {
        let Some(d) = dates
            .iter()
            .find(|d| d.kind == TimexType::Date && d.span.start < q.start && d.span.end > q.start)
        else {
            continue;
        };
        let rest = &text[d.span.end..q.end];
        let after = rest.trim_start();
        if let Some(tail) = after.strip_prefix("to ") {
            q.start = q.end - tail.trim_start().len();
            q.bound = Bound::Exact;
        }
    }
}

/// Offense candidates: (span, cue start, scope).
type Offenses = Vec<(Span, usize, OffenseScope)>;

/// A penalty under construction within one sentence.
#[derive(Debug, Clone)]
struct Draft {
    span: Span,
    kind: PenaltyKind,
    quantity: Option<Quantity>,
    life: bool,
    /// Bound found in the connector gap.
    gap_bound: Option<Bound>,
    /// A count range ("between 15 and 39 lashes"): its upper end is no threat.
    count_range: bool,
    /// Several terms ("prison terms of up to seven years"): under a cue that
    /// imposes them, their upper end is no threat either.
    plural: bool,
    /// Named by a word that is a penalty only with a quantity ("detention").
    bare: bool,
    rule: Rule,
}

impl PenaltyExtractor {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let path = "penalties/orphans.tsv";
        let mut orphans = Vec::new();
        for l in lines(patterns.require(path)?) {
            let re = RegexBuilder::new(&phrases::ascii_boundaries(l.col(0)))
                .case_insensitive(true)
                .build()
                .with_context(|| format!("{path}:{}: bad regex", l.number))?;
            let Some(kind) = PenaltyKind::parse(l.col(1)) else {
                bail!("{path}:{}: unknown penalty kind {:?}", l.number, l.col(1));
            };
            orphans.push((re, kind, Arc::from(format!("{path}:{}", l.number))));
        }
        let negatives: Vec<String> = word_list(patterns.require("penalties/negatives.txt")?)
            .map(status::normalize)
            .collect();
        let fillers: Vec<String> = word_list(patterns.require("penalties/fillers.txt")?)
            .map(status::normalize)
            .collect();
        let mut negated_last: Vec<String> = negatives
            .iter()
            .chain(&fillers)
            .map(|w| w.rsplit(' ').next().unwrap_or("").to_string())
            .collect();
        negated_last.sort();
        negated_last.dedup();
        let path = "penalties/countries.tsv";
        let mut cs = Vec::new();
        for l in lines(patterns.require(path)?) {
            if l.col(1).len() != 2 {
                bail!(
                    "{path}:{}: want a two-letter country code, not {:?}",
                    l.number,
                    l.col(1)
                );
            }
            cs.push((l.col(0).to_string(), l.col(1).to_string()));
        }
        // not_penalty.txt: phrases, and `#!` word lists read by name
        let not_penalty = patterns.require("penalties/not_penalty.txt")?;
        let directive = |name: &str| -> Vec<String> {
            crate::patterns::directive_words(not_penalty, name)
                .map(str::to_lowercase)
                .collect()
        };
        Ok(PenaltyExtractor {
            triggers: Triggers::new(patterns)?,
            quantities: Quantities::new(patterns)?,
            cues: Cues::new(patterns)?,
            args: Args::new(patterns)?,
            orphans,
            countries: PhraseSet::new(cs, path)?,
            negatives,
            generic_verbs: directive("generic-verbs"),
            custody_after: directive("custody-after"),
            custody_before: directive("custody-before"),
            modifier_after: directive("modifier-after"),
            passive_before: directive("passive-before"),
            figure_before: directive("figure-before"),
            not_penalty: PhraseSet::new(
                word_list(not_penalty)
                    .map(|w| (w.to_string(), ()))
                    .collect(),
                "penalties/not_penalty.txt",
            )?,
            fillers,
            negated_last,
            law_words: AllPhrases::new(
                &LAW_WORDS
                    .iter()
                    .chain(&LAW_ACTORS)
                    .copied()
                    .collect::<Vec<_>>(),
                "the law words",
            )?,
        })
    }

    /// Fills `doc.penalties`.
    pub fn run(&self, doc: &mut Document) {
        doc.penalties = self.extract(doc);
    }

    /// The penalties of a document (sentences must be filled; an empty sentence
    /// list means the whole text is one sentence).
    pub fn extract(&self, doc: &Document) -> Vec<Penalty> {
        let text = doc.text.as_str();
        let mut hits = self.triggers.find(text, 0, text.len()).peekable();
        if hits.peek().is_none() {
            return Vec::new();
        }
        let whole = [Span::new(0, text.len())];
        let sentences: &[Span] = if doc.sentences.is_empty() {
            &whole
        } else {
            &doc.sentences
        };
        // The hits kept, in order, and per sentence with hits the end of its run
        // of them (one vector for the document, not one per sentence).
        let mut all: Vec<triggers::TriggerHit> = Vec::with_capacity(16);
        let mut by_sentence: Vec<(usize, usize)> = Vec::new();
        for h in hits {
            let si = if doc.sentences.is_empty() {
                0
            } else {
                doc.sentence_of(h.start)
            };
            if h.end > sentences[si].end || in_organization_name(&doc.entities, h.start, h.end) {
                continue;
            }
            all.push(h);
            match by_sentence.last_mut() {
                Some((s, end)) if *s == si => *end = all.len(),
                _ => by_sentence.push((si, all.len())),
            }
        }
        let mut country: Option<Vec<String>> = None;
        let mut laws = HashMap::default();
        let mut offenses = HashMap::default();
        let mut out = Vec::new();
        let mut from = 0;
        for (si, end) in by_sentence {
            let hs = &all[from..end];
            from = end;
            let drafts = self.drafts(text, sentences[si], hs, &doc.dates);
            if drafts.is_empty() {
                continue;
            }
            self.finish(
                doc,
                sentences,
                si,
                drafts,
                &mut country,
                &mut laws,
                &mut offenses,
                &mut out,
            );
        }
        out.sort_by_key(|p| p.span.start);
        out
    }

    /// Whether the quantity is time that passed ("spent more than a year").
    fn negated(&self, text: &str, s0: usize, q: &Quantity) -> bool {
        let lo = quantity::floor_char(text, q.start.saturating_sub(40).max(s0));
        // The normalized text ends with a filler or negative only if its last
        // word (split and lowercased as `normalize` does; the words compared are
        // ASCII, so ASCII case-insensitive equality is the same test) ends one.
        let raw = &text[lo..q.start];
        let last = if raw.is_ascii() {
            raw.as_bytes()
                .split(|&b| status::is_ascii_space(b))
                .rfind(|w| !w.is_empty())
        } else {
            raw.split_whitespace().next_back().map(str::as_bytes)
        };
        if !last.is_some_and(|w| {
            self.negated_last
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c.as_bytes()))
        }) {
            return false;
        }
        let mut before = status::normalize(raw);
        loop {
            let trimmed = self
                .fillers
                .iter()
                .find(|f| {
                    before.ends_with(f.as_str()) && before[..before.len() - f.len()].ends_with(' ')
                        || before == **f
                })
                .map(|f| before[..before.len() - f.len()].trim_end().len());
            match trimmed {
                Some(n) => before.truncate(n),
                None => break,
            }
        }
        self.negatives.iter().any(|n| {
            before
                .strip_suffix(n.as_str())
                .is_some_and(|x| x.is_empty() || x.ends_with(' '))
        })
    }

    /// Trigger + quantity pairs of one sentence.
    fn drafts(
        &self,
        text: &str,
        sent: Span,
        hs: &[triggers::TriggerHit],
        dates: &[Timex],
    ) -> Vec<Draft> {
        let (s0, s1) = (sent.start, sent.end);
        let mut qs = self.quantities.find(text, s0, s1);
        date_led_ranges(text, &mut qs, dates);
        self.split_lists(text, s0, s1, &mut qs);
        let mut used: Vec<bool> = qs.iter().map(|q| self.negated(text, s0, q)).collect();
        // Whether the sentence has a status cue: looked up when a trigger needs it.
        let mut has_cue: Option<bool> = None;
        let hs: Vec<_> = hs
            .iter()
            .filter(|h| self.triggers.get(h.id).needs != Needs::Anchor)
            .copied()
            .collect();
        let want_of = |h: &triggers::TriggerHit| {
            let t = self.triggers.get(h.id);
            if t.life {
                Takes::Nothing
            } else {
                takes(t.kind)
            }
        };
        let fits = |q: &Quantity, want: Takes| {
            matches!(
                (&q.kind, want),
                (QuantityKind::Duration { .. }, Takes::Duration)
                    | (QuantityKind::Money { .. }, Takes::Money)
            )
        };
        // Pass 1: a quantity right before its trigger ("57 months in prison");
        // pass 2: right after it ("a fine of $250,000", "jailed for five years").
        let mut found: Vec<Option<(usize, Span, Option<Bound>)>> = vec![None; hs.len()];
        for (k, h) in hs.iter().enumerate() {
            let want = want_of(h);
            if h.span_start != h.start {
                continue;
            }
            if let Some(i) = (0..qs.len())
                .rev()
                .find(|&i| qs[i].end <= h.start && fits(&qs[i], want))
            {
                if used[i] {
                    continue;
                }
                let (gap, b) = self.cues.strip_bounds(text, qs[i].end, h.start);
                // "€40,000 held in an account [be paid to the company as]
                // compensation": an amount a clause pays as the penalty.
                let paid_as = || {
                    want == Takes::Money
                        && gap.ends_with(" as")
                        && gap.contains(" paid to ")
                        && !gap.contains([';', ':', '(', ','])
                        && gap.split_whitespace().count() <= 16
                };
                if self.cues.is_pre(&gap) || paid_as() {
                    used[i] = true;
                    found[k] = Some((i, Span::new(qs[i].start, h.span_end), b));
                }
            }
        }
        for (k, h) in hs.iter().enumerate() {
            let want = want_of(h);
            if found[k].is_some() || h.span_end != h.end {
                continue;
            }
            if let Some(i) = (0..qs.len()).find(|&i| qs[i].start >= h.end && fits(&qs[i], want)) {
                if used[i] {
                    continue;
                }
                // "confiscation [of property] worth 300,000 yuan": the object first.
                let from = if self.triggers.get(h.id).kind == PenaltyKind::Forfeiture {
                    self.object_end(text, h.end, qs[i].start)
                } else {
                    h.end
                };
                let (gap, b) = self.cues.strip_bounds(text, from, qs[i].start);
                // "has been behind bars for six months" (not "has been jailed for").
                let verb = self.cues.status.find(text, h.start, h.end).next().is_some();
                let passed = want == Takes::Duration
                    && !verb
                    && self.negated(
                        text,
                        s0,
                        &Quantity {
                            start: h.start,
                            ..qs[i].clone()
                        },
                    );
                // "fined the pastor 30 million dong", "jailed Ali Khan for five
                // years": the verb's object, then the amount or a connector and the
                // term (looked at only when the gap is no plain connector)
                let object = || {
                    matches!(want, Takes::Money | Takes::Duration)
                        && !gap.is_empty()
                        && self
                            .cues
                            .status
                            .find(text, h.start, h.end)
                            .any(|c| self.cues.takes_object(&c))
                        && self
                            .args
                            .object_np(text, h.end, qs[i].start)
                            .is_some_and(|sp| {
                                // ("jailed Tse Ka-ming[, 46,] for four years")
                                let rest = skip_age(&text[sp.end..qs[i].start]);
                                self.args.only_titles(&text[h.end..sp.start])
                                    && if want == Takes::Money {
                                        object_tail(rest)
                                    } else {
                                        self.cues.is_post(&status::normalize(rest))
                                            && !rest.trim().is_empty()
                                    }
                            })
                };
                // ("ordered him to pay [a fine] of 50,000 naira": the nearer
                // penalty word takes it; "fined each of the [life-term] convicts Tk
                // 50,000": one that takes no such quantity is only a modifier)
                let across = || {
                    hs.iter()
                        .any(|o| o.start >= h.end && o.end <= qs[i].start && want_of(o) == want)
                };
                // "forfeit their Lexus, a Toyota Camry and the sum of N7,450,000": the
                // amount ends a list of objects after the verb, with a connector.
                let listed = || {
                    want == Takes::Money
                        && gap
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| self.args.is_det(w, det::ANY))
                        && gap.rsplit_once(" and ").is_some_and(|(objs, tail)| {
                            self.cues.is_post(tail)
                                && !tail.is_empty()
                                && !objs.contains([';', ':', '('])
                                && objs.split_whitespace().count() <= 20
                        })
                };
                if !passed && (self.cues.is_post(&gap) || (object() || listed()) && !across()) {
                    used[i] = true;
                    found[k] = Some((i, Span::new(h.span_start, qs[i].end), b));
                }
            }
        }
        let mut drafts = Vec::with_capacity(hs.len() + 2);
        for (k, h) in hs.iter().enumerate() {
            let t = self.triggers.get(h.id);
            let mut cue_in_sentence = || {
                *has_cue.get_or_insert_with(|| {
                    self.cues
                        .status
                        .find(text, s0, s1)
                        .any(|h| self.cues.status.value(h.id).0.is_some())
                })
            };
            if let Some((i, span, b)) = found[k] {
                // "during its one-year term": a term is a sentence only where one is
                // imposed, threatened or provided for
                if t.needs == Needs::QuantityCue && !cue_in_sentence() {
                    continue;
                }
                let life =
                    t.life || matches!(qs[i].kind, QuantityKind::Duration { life: true, .. });
                drafts.push(Draft {
                    span,
                    kind: t.kind,
                    quantity: Some(qs[i].clone()),
                    life,
                    gap_bound: b,
                    count_range: false,
                    plural: t.plural,
                    bare: t.needs == Needs::Quantity,
                    rule: t.rule.clone(),
                });
                continue;
            }
            if want_of(h) == Takes::Count {
                if let Some((c, range)) = self.quantities.count_before(text, s0, h.start) {
                    drafts.push(Draft {
                        span: Span::new(c, h.span_end),
                        kind: t.kind,
                        quantity: None,
                        life: false,
                        gap_bound: range.then_some(Bound::Max),
                        count_range: range,
                        plural: false,
                        bare: false,
                        rule: t.rule.clone(),
                    });
                    continue;
                }
            }
            let ok = match t.needs {
                Needs::Free => true,
                // "the prison term" refers back to one already stated.
                Needs::Cue => {
                    // (The determiner is looked for before the span part: in
                    // "sentenced her to [death]" the word before it is "to".)
                    cue_in_sentence()
                        && (t.kind == PenaltyKind::Forfeiture
                            || !self.anaphoric(text, s0, h.span_start)
                                && !self.career(text, s0, h.span_start))
                }
                Needs::Quantity | Needs::QuantityCue | Needs::Anchor => false,
            } && !self.not_penalty.find(text, s0, h.start).any(|n| {
                // (not across a status cue: "does not seek death [carries] a
                // sentence of life")
                !self
                    .cues
                    .status
                    .find(text, n.end, h.start)
                    .any(|c| self.cues.status.value(c.id).0.is_some())
            }) && !self.next_word_in(text, h.span_end, s1, &self.modifier_after)
                && (!self.figure(text, s0, h.span_start) || cue_in_sentence())
                && match self.generic_statement(text, s0, h.span_start, h.span_end) {
                    Generic::No => true,
                    Generic::The => cue_in_sentence(),
                    Generic::Bare => false,
                };
            if ok {
                let mut span = Span::new(h.span_start, h.span_end);
                // "sentenced to [life] in prison without the possibility of
                // parole": the life term's own phrase, when one starts there.
                if t.life {
                    if let Some(x) = self.triggers.find(text, h.span_start, s1).next() {
                        if x.start == h.span_start && self.triggers.get(x.id).life {
                            span.end = span.end.max(x.span_end);
                        }
                    }
                }
                if t.kind == PenaltyKind::Forfeiture {
                    span.end = self.object_end(text, span.end, s1);
                }
                drafts.push(Draft {
                    span,
                    kind: t.kind,
                    quantity: None,
                    life: t.life,
                    gap_bound: None,
                    count_range: false,
                    plural: false,
                    bare: false,
                    rule: t.rule.clone(),
                });
            }
        }
        // Durations without a trigger: "sentenced him to 10 years".
        for (i, q) in qs.iter().enumerate() {
            if used[i] || !matches!(q.kind, QuantityKind::Duration { .. }) {
                continue;
            }
            let qspan = Span::new(q.start, q.end);
            if let Some(d) = drafts.iter_mut().find(|d| d.span.overlaps(&qspan)) {
                // "25 years to life in prison": the minimum joins the life term.
                if d.life
                    && d.quantity.is_none()
                    && matches!(q.kind, QuantityKind::Duration { life: true, .. })
                {
                    d.span = Span::new(d.span.start.min(q.start), d.span.end.max(q.end));
                    d.quantity = Some(q.clone());
                }
                continue;
            }
            let lo = quantity::floor_char(text, q.start.saturating_sub(ORPHAN_REACH).max(s0));
            let mut before_end = q.start;
            if let Some(h) = self.cues.bounds.find(text, lo, q.start).last() {
                if text[h.end..q.start].trim().is_empty() {
                    before_end = h.start;
                }
            }
            let before = &text[lo..before_end];
            // "up to five years in prison ..., and up to 10 years": coordinated.
            let tail = status::normalize_cow(before);
            let coordinated =
                (tail.ends_with(" and") || tail.ends_with(" or") || tail.ends_with(','))
                    .then(|| {
                        drafts
                            .iter()
                            .rfind(|d: &&Draft| d.span.end <= q.start && d.quantity.is_some())
                    })
                    .flatten()
                    .filter(|d| takes(d.kind) == Takes::Duration)
                    .map(|d| (d.kind, d.rule.clone()));
            // "after serving two years of his eight-year sentence": part of a
            // penalty named right after it, not one of its own; "received three
            // years of training": no penalty at all.
            if text[q.end..s1].starts_with(" of ") {
                continue;
            }
            let orphan = self
                .orphans
                .iter()
                .find(|(re, _, _)| re.is_match(before))
                .map(|(_, k, r)| (*k, r.clone()))
                .or(coordinated);
            if let Some((kind, rule)) = orphan {
                let life = matches!(q.kind, QuantityKind::Duration { life: true, .. });
                drafts.push(Draft {
                    span: Span::new(q.start, q.end),
                    kind,
                    quantity: Some(q.clone()),
                    life,
                    gap_bound: None,
                    count_range: false,
                    plural: false,
                    bare: false,
                    rule,
                });
            }
        }
        // Not overlapping; the longer span wins. Touching pieces of one kind
        // ("to [life]" + "imprisonment") become one.
        drafts.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.len().cmp(&a.span.len()))
        });
        let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
        for d in drafts {
            match out.last_mut() {
                Some(l) if l.span.overlaps(&d.span) => {
                    if d.span.len() > l.span.len() {
                        *l = d;
                    }
                }
                // (The words normalized are these ASCII words without a "k"
                // exactly when they are these ignoring ASCII case.)
                Some(l)
                    if l.kind == d.kind
                        && (text[l.span.end..d.span.start].trim().is_empty()
                            || text[l.span.end..d.span.start].split_whitespace().all(|w| {
                                ["for", "a", "of", "to"]
                                    .iter()
                                    .any(|x| w.eq_ignore_ascii_case(x))
                            }))
                        && (l.quantity.is_none() || d.quantity.is_none()) =>
                {
                    l.span.end = d.span.end;
                    l.life |= d.life;
                    if l.quantity.is_none() {
                        l.quantity = d.quantity;
                        l.gap_bound = d.gap_bound;
                    }
                }
                _ => out.push(d),
            }
        }
        // "detained for three months before the trial": custody, not a penalty.
        // ("after more than seven months in detention": time already held)
        out.retain(|d| {
            if d.kind != PenaltyKind::Detention {
                return true;
            }
            let custody_next = self.next_word_in(text, d.span.end, s1, &self.custody_after);
            let held_before = d.bare
                && text[s0..d.span.start]
                    .split_whitespace()
                    .rev()
                    .take(3)
                    .any(|w| {
                        self.custody_before
                            .iter()
                            .any(|c| w.eq_ignore_ascii_case(c))
                    });
            !custody_next && !held_before
        });
        out
    }

    /// Terms listed with "and" are several terms, not one: "sentences of three
    /// years and two years and six months" holds "three years" and "two years
    /// and six months" (a part after "and" at least as long as the unit before it
    /// starts a new term; "two years and six months" stays one). In a sentence
    /// with "respectively", "12 and 9 years" is two terms of 12 and 9 years.
    fn split_lists(&self, text: &str, s0: usize, s1: usize, qs: &mut Vec<Quantity>) {
        let duration = |q: &Quantity| match &q.kind {
            QuantityKind::Duration { iso, life: false } => Some(iso.clone()),
            _ => None,
        };
        let listed = qs
            .iter()
            .any(|q| duration(q).is_some() && text[q.start..q.end].contains(" and "));
        let respectively = text[s0..s1].contains("respectively");
        if !listed && !respectively {
            return;
        }
        let mut out: Vec<Quantity> = Vec::with_capacity(qs.len() + 2);
        for q in qs.drain(..) {
            if duration(&q).is_none() {
                out.push(q);
                continue;
            }
            // "12 and 9 years respectively": the bare numbers before the term
            // ("12 and" is read as a range's lower end or dropped).
            if respectively {
                let unit = text[q.start..q.end].rsplit(' ').next().unwrap_or("");
                let mut head = q.start;
                // (the range "12 and 15 years" starts with its lower end)
                if let Some((n, rest)) = text[q.start..q.end].split_once(" and ") {
                    if self.quantities.number(n).is_some() && !rest.contains(" and ") {
                        head = q.start + n.len() + 5;
                    }
                }
                let mut firsts = Vec::new();
                let mut at = head;
                loop {
                    let before = text[s0..at].trim_end();
                    let Some(before) = before
                        .strip_suffix(" and")
                        .or_else(|| before.strip_suffix(','))
                        .or_else(|| before.strip_suffix(", and"))
                    else {
                        break;
                    };
                    let before = before.trim_end();
                    let w = before.rsplit(' ').next().unwrap_or("");
                    let start = s0 + before.len() - w.len();
                    let iso = self
                        .quantities
                        .number(w)
                        .filter(|_| w.bytes().any(|b| b.is_ascii_digit()) || w.len() > 2)
                        .and_then(|n| self.quantities.iso(n, unit));
                    let Some(iso) = iso else { break };
                    firsts.push(Quantity {
                        start,
                        end: s0 + before.len(),
                        kind: QuantityKind::Duration { iso, life: false },
                        bound: Bound::Exact,
                    });
                    at = start;
                }
                if !firsts.is_empty() {
                    let last = Quantity {
                        start: head,
                        end: q.end,
                        kind: match self.quantities.find(text, head, q.end).pop() {
                            Some(Quantity {
                                kind: k @ QuantityKind::Duration { .. },
                                ..
                            }) => k,
                            _ => q.kind.clone(),
                        },
                        bound: Bound::Exact,
                    };
                    out.extend(firsts.into_iter().rev());
                    out.push(last);
                    continue;
                }
            }
            if q.bound != Bound::Exact {
                out.push(q);
                continue;
            }
            let mut cur = q;
            'split: loop {
                let mut from = cur.start;
                while let Some(k) = text[from..cur.end].find(" and ") {
                    let p = from + k;
                    from = p + 5;
                    let (l, r) = (
                        self.quantities.find(text, cur.start, p),
                        self.quantities.find(text, p + 5, cur.end),
                    );
                    let ([a], [b]) = (l.as_slice(), r.as_slice()) else {
                        continue;
                    };
                    let whole = a.start == cur.start && a.end == p && b.start == p + 5;
                    let (Some(ia), Some(ib)) = (duration(a), duration(b)) else {
                        continue;
                    };
                    let longer = quantity::iso_days(&ia)
                        .zip(quantity::iso_days(&ib))
                        .is_some_and(|((_, unit), (total, _))| total >= unit);
                    if whole && b.end == cur.end && longer {
                        out.push(a.clone());
                        cur = b.clone();
                        continue 'split;
                    }
                }
                out.push(cur);
                break;
            }
        }
        *qs = out;
    }

    /// Whether the words before `pos` are a `figure_before` word and "a"/"an"
    /// ("is a", "amounts to a").
    fn figure(&self, text: &str, s0: usize, pos: usize) -> bool {
        let mut ws = text[s0..pos].split_whitespace().rev();
        if !ws
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
        {
            return false;
        }
        let w = match ws.next() {
            Some(w) if w.eq_ignore_ascii_case("to") => ws.next(),
            w => w,
        };
        w.is_some_and(|w| self.figure_before.iter().any(|f| w.eq_ignore_ascii_case(f)))
    }

    /// Whether the word before `pos` is an auxiliary of a passive or a clause
    /// word ("was sentenced", "after sentencing"; `passive_before`).
    fn after_passive(&self, text: &str, s0: usize, pos: usize) -> bool {
        let w = text[s0..pos].split_whitespace().next_back().unwrap_or("");
        self.passive_before
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    }

    /// Whether the word right after `pos` (before `s1`) is one of `words`
    /// (lowercase ASCII).
    fn next_word_in(&self, text: &str, pos: usize, s1: usize, words: &[String]) -> bool {
        let w = text[pos..s1]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        !w.is_empty() && words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// "his long years of [community service]": a span of time someone's own
    /// before "of" (a unit word after a non-indefinite determiner, no number)
    /// names a career, not a penalty.
    fn career(&self, text: &str, s0: usize, pos: usize) -> bool {
        let before = text[s0..pos].trim_end();
        let Some(b) = before
            .strip_suffix(" of")
            .or_else(|| before.strip_suffix(" Of"))
        else {
            return false;
        };
        let mut ws = b.rsplit(' ').filter(|w| !w.is_empty());
        if !ws.next().is_some_and(|w| self.quantities.is_unit(w)) {
            return false;
        }
        for w in ws.take(2) {
            if w.starts_with(|c: char| c.is_ascii_digit()) || self.quantities.is_number_word(w) {
                return false;
            }
            if self.args.is_det(w, det::ANY & !det::INDEFINITE) {
                return true;
            }
        }
        false
    }

    /// Whether the word before `pos` is a determiner that refers back ("the", "his").
    fn anaphoric(&self, text: &str, s0: usize, pos: usize) -> bool {
        let before = text[s0..pos].trim_end();
        let w = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        self.args.is_det(w, det::ANY & !det::INDEFINITE)
    }

    /// End of an object phrase after a trigger: "confiscation [of his property]".
    fn object_end(&self, text: &str, end: usize, s1: usize) -> usize {
        let rest = &text[end..s1];
        let Some(r) = rest.strip_prefix(" of ") else {
            return end;
        };
        let base = end + 4;
        let mut last = end;
        for (n, w) in r.split(' ').enumerate() {
            let word = w.trim_end_matches([',', '.', ';', ':', ')']);
            let lw = word.lower();
            if n >= 5
                || word.is_empty()
                || matches!(
                    lw.as_ref(),
                    "in" | "and"
                        | "held"
                        | "at"
                        | "from"
                        | "for"
                        | "to"
                        | "as"
                        | "worth"
                        | "valued"
                        | "on"
                        | "by"
                )
            {
                break;
            }
            let off = w.as_ptr() as usize - r.as_ptr() as usize;
            last = base + off + word.len();
            if word.len() != w.len() {
                break;
            }
        }
        last
    }

    /// The law mentions of sentence `k`, searched once per document.
    fn laws_of<'m>(
        &self,
        doc: &Document,
        sentences: &[Span],
        k: usize,
        memo: &'m mut HashMap<usize, Vec<Span>>,
    ) -> &'m [Span] {
        memo.entry(k)
            .or_insert_with(|| self.args.laws(doc, sentences[k].start, sentences[k].end))
    }

    /// The offense candidates of sentence `k` (sentence scope), found once per document.
    fn offenses_of<'m>(
        &self,
        text: &str,
        sentences: &[Span],
        k: usize,
        memo: &'m mut HashMap<usize, Offenses>,
        hits: Option<&phrases::KeyHits>,
    ) -> &'m [(Span, usize, OffenseScope)] {
        let s = sentences[k];
        memo.entry(k).or_insert_with(|| {
            self.args
                .offenses(text, s.start, s.end, OffenseScope::Sentence, s.end, hits)
        })
    }

    /// Whether `text[s0..s1]` has one of [`LAW_WORDS`], one of [`LAW_ACTORS`], as
    /// whole words of the lowercased sentence (ASCII case-insensitive search; the
    /// neighbours are lowercased to test the word boundaries).
    fn law_words(&self, text: &str, s0: usize, s1: usize) -> (bool, bool) {
        let (mut word, mut actor) = (false, false);
        let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        self.law_words.each(&text.as_bytes()[s0..s1], |a, b, pid| {
            let (a, b) = (s0 + a, s0 + b);
            let before = text[s0..a]
                .chars()
                .next_back()
                .and_then(|c| c.to_lowercase().last());
            let after = text[b..s1]
                .chars()
                .next()
                .and_then(|c| c.to_lowercase().next());
            if alnum(before) || alnum(after) {
                return true;
            }
            if pid < LAW_WORDS.len() {
                word = true;
            } else {
                actor = true;
            }
            !(word && actor)
        });
        (word, actor)
    }

    /// Status, bound, amount, subject, offense and law of a sentence's drafts.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        doc: &Document,
        sentences: &[Span],
        si: usize,
        drafts: Vec<Draft>,
        country: &mut Option<Vec<String>>,
        laws: &mut HashMap<usize, Vec<Span>>,
        offenses: &mut HashMap<usize, Offenses>,
        out: &mut Vec<Penalty>,
    ) {
        let text = doc.text.as_str();
        let sent = sentences[si];
        let (s0, s1) = (sent.start, sent.end);
        let cues = self.cues.status_hits(text, s0, s1);
        let first = out.len();
        // A list item ("a $2,500 fine;") takes its cue and subject from the
        // lead-in sentence ending in ':'.
        let lead = if cues.is_empty() {
            (si.saturating_sub(8)..si)
                .rev()
                .take_while(|&k| sentences[k].len() < 400)
                .find(|&k| {
                    text[sentences[k].start..sentences[k].end]
                        .trim_end()
                        .ends_with(':')
                })
                .map(|k| {
                    (
                        sentences[k],
                        self.cues
                            .status_hits(text, sentences[k].start, sentences[k].end),
                    )
                })
                .filter(|(_, c)| !c.is_empty())
        } else {
            None
        };
        // (a cue across a contrasting clause is another story: "Six defendants
        // were acquitted, while two others received suspended sentences")
        let has = |st: PenaltyStatus, at: usize| {
            // (a replacing cue overturns only the penalty right before it)
            cues.iter().any(|(h, s)| {
                *s == st && !self.cues.replaces(h) && !self.cues.contrasts(text, h.start, at)
            })
        };
        let laws_here = self.laws_of(doc, sentences, si, laws).to_vec();
        // Law words of the sentence: looked for when a penalty asks.
        let law_words_of = std::cell::OnceCell::new();
        let law_words = || *law_words_of.get_or_init(|| self.law_words(text, s0, s1));
        // A law is the actor: penalties without a cue are statutory.
        let has_laws = !laws_here.is_empty();
        let law_actor = || has_laws || law_words().1;
        let spans: Vec<Span> = drafts.iter().map(|d| d.span).collect();
        let mut prev_offense: Option<Option<Span>> = None;
        // Clause subjects before a cue ((sentence start, cue start) → subject)
        // and offenses before a cue start, found once for the sentence's penalties.
        let mut subjects_before: Vec<((usize, usize), Option<Span>)> = Vec::new();
        let mut offenses_before: Vec<(usize, Option<Span>)> = Vec::new();
        // The offenses right after a group of coordinated penalties, by its end.
        let mut afters: Vec<(usize, Offenses)> = Vec::new();
        // The offense keywords of the sentence, found once for all those searches.
        let okeys = self.args.offense_hits(text, s0, s1);
        let mut near_laws: Option<Vec<Span>> = None;
        let mut prev: Option<(Span, Bound)> = None;
        let mut prev_status: Option<(Span, PenaltyStatus)> = None;
        // Penalties (indices into `out`) whose subject was the sentencer.
        let mut sentencer_dropped: Vec<usize> = Vec::new();
        // Penalties whose offense came from the sentence before.
        let mut from_before: Vec<usize> = Vec::new();
        for (di, d) in drafts.iter().enumerate() {
            // Status: nearest cue before, else after.
            // (A cue word that opens the penalty and is followed by "of" is its
            // noun, not a verb: "received [sentences of 10 years]".)
            // (also a cue right before the penalty's " of ": "impose [sentences]
            // of between five and 20 years")
            let noun = |h: &phrases::Hit| {
                (h.start == d.span.start || h.end + 4 == d.span.start && self.cues.takes_object(h))
                    && text[h.end..s1].starts_with(" of ")
            };
            let cue = cues
                .iter()
                .rfind(|(h, _)| h.start <= d.span.start && !noun(h))
                .or_else(|| cues.iter().find(|(h, _)| h.start > d.span.start))
                .copied();
            let lead_cue = lead.as_ref().and_then(|(_, c)| c.last().copied());
            let mut status = match cue.or(lead_cue) {
                Some((_, s)) => s,
                None if law_actor() => PenaltyStatus::Statutory,
                None => PenaltyStatus::Imposed,
            };
            // An overturn ends the story of a sentence upheld in a relative clause
            // after it: "set aside the judgment of the High Court, which had upheld
            // the death sentence" (not "overturned X but upheld a fine").
            let upheld_in_relative = || {
                cue.is_some_and(|(h, _)| {
                    self.args.relative_before(text, s0, h.start)
                        && cues
                            .iter()
                            .any(|(c, st)| *st == PenaltyStatus::Overturned && c.end <= h.start)
                })
            };
            // "his death sentence [commuted to] 30 years": the penalty before a
            // replacing cue is overturned, the one after it imposed; "overturned
            // the verdict and sentenced him to 30 years": an active imposing verb
            // after an overturn imposes the new penalty.
            let replaced = cues
                .iter()
                .find(|(h, _)| h.start >= d.span.end)
                .is_some_and(|(h, _)| {
                    self.cues.replaces(h)
                        && !spans
                            .iter()
                            .any(|o| o.start >= d.span.end && o.end <= h.start)
                });
            let new_term = cue.is_some_and(|(h, st)| {
                h.end <= d.span.start
                    && (self.cues.replaces(&h)
                        || st == PenaltyStatus::Imposed
                            && self.cues.takes_object(&h)
                            && !self.after_passive(text, s0, h.start)
                            && cues.iter().any(|(c, cs)| {
                                *cs == PenaltyStatus::Overturned
                                    && c.end <= h.start
                                    && !self.cues.replaces(c)
                            }))
            });
            if replaced {
                status = PenaltyStatus::Overturned;
            } else if new_term {
                status = PenaltyStatus::Imposed;
            } else if status == PenaltyStatus::Imposed
                || cue.is_none()
                || status == PenaltyStatus::Upheld && upheld_in_relative()
            {
                if has(PenaltyStatus::Overturned, d.span.start) {
                    status = PenaltyStatus::Overturned;
                } else if has(PenaltyStatus::Upheld, d.span.start) {
                    status = PenaltyStatus::Upheld;
                }
            }
            // Bound.
            let mut bound = match &d.quantity {
                Some(q) if q.bound != Bound::Exact => q.bound,
                _ => d.gap_bound.unwrap_or(Bound::Exact),
            };
            if bound == Bound::Exact {
                let lo = quantity::floor_char(text, d.span.start.saturating_sub(60).max(s0));
                let lo = prev.map_or(lo, |(p, _)| lo.max(p.end));
                if let Some(b) = self.cues.bound_before(text, lo, d.span.start) {
                    bound = b;
                } else if let (Some((p, Bound::Max)), Some(_)) = (prev, &d.quantity) {
                    // ("a maximum penalty of five years in prison on one count and
                    // [20 years] in prison on the other": the same maximum, no cue
                    // between)
                    let gap = &text[p.end..d.span.start];
                    let tail = gap.trim_end();
                    if self.cues.is_coord_raw(gap)
                        || di > 0
                            && drafts[di - 1].kind == d.kind
                            && gap.len() <= 80
                            && !gap.contains([';', ':'])
                            && (tail.ends_with(" and") || tail.ends_with(" or"))
                            && !cues
                                .iter()
                                .any(|(h, _)| h.start >= p.end && h.end <= d.span.start)
                    {
                        bound = Bound::Max;
                    }
                } else if let Some((h, PenaltyStatus::Statutory)) = cue {
                    // "The maximum sentence for theft under … is [ten years]": the
                    // statutory cue's own bound word.
                    if h.end <= d.span.start
                        && !spans
                            .iter()
                            .any(|o| o.start >= h.end && o.end <= d.span.start)
                    {
                        if let Some(b) = self.cues.bounds.find(text, h.start, h.end).last() {
                            bound = *self.cues.bounds.value(b.id);
                        }
                    }
                }
            }
            // Courts impose exact terms: "up to" after an imposing verb is a threat.
            // ("sentenced five men to [prison terms of up to seven years]": a
            // cue imposed them)
            let cued = cue
                .or(lead_cue)
                .is_some_and(|(h, _)| h.end <= d.span.start || h.start >= d.span.end);
            let ranged = d.count_range
                || d.plural && cued
                || d.quantity.as_ref().is_some_and(|q| q.bound != Bound::Exact);
            // (A range's upper end is no "up to" that the next penalty shares.)
            prev = Some((d.span, if ranged { Bound::Exact } else { bound }));
            if status == PenaltyStatus::Imposed && bound == Bound::Max && !ranged {
                status = if law_actor() {
                    PenaltyStatus::Statutory
                } else {
                    PenaltyStatus::Potential
                };
            }
            // A penalty that is its own cue, joined by "and" to the one before,
            // shares that one's status: "shall be sentenced to three to seven
            // years in prison and [fined]" is what the law provides.
            if let (Some((ch, _)), Some((ps, pst))) = (cue, prev_status) {
                if ch.start == d.span.start
                    && pst != status
                    && text[ps.end..d.span.start]
                        .trim()
                        .eq_ignore_ascii_case("and")
                {
                    status = pst;
                }
            }
            prev_status = Some((d.span, status));
            let (duration, amount) = match &d.quantity {
                Some(Quantity {
                    kind: QuantityKind::Duration { iso, .. },
                    ..
                }) => (Some(iso.clone()), None),
                Some(
                    q @ Quantity {
                        kind: QuantityKind::Money { value, currency },
                        ..
                    },
                ) => {
                    let spec = &self.quantities.currencies[*currency];
                    let code = if spec.ambiguous() {
                        let ranked = country.get_or_insert_with(|| self.countries_ranked(doc));
                        spec.resolve_ranked(ranked).to_string()
                    } else {
                        spec.resolve(None).to_string()
                    };
                    (
                        None,
                        Some(Amount {
                            value: *value,
                            currency: code,
                            span: Span::new(q.start, q.end),
                        }),
                    )
                }
                None => (None, None),
            };
            // Subject.
            let qstart = d.quantity.as_ref().map(|q| q.start);
            let mut subject = if status == PenaltyStatus::Statutory {
                None
            } else if let (None, Some((ls, lc))) = (cue, &lead) {
                let end = Span::new(ls.end, ls.end);
                self.args
                    .subject_lead(text, *ls)
                    .map(|sp| self.args.mention(doc, sp))
                    .or_else(|| {
                        self.subject(
                            doc,
                            ls.start,
                            ls.end,
                            end,
                            None,
                            lc,
                            lc.last().map(|c| c.0),
                            &[],
                            true,
                            &mut subjects_before,
                        )
                    })
            } else {
                self.subject(
                    doc,
                    s0,
                    s1,
                    d.span,
                    qstart,
                    &cues,
                    cue.map(|c| c.0),
                    &spans,
                    !matches!(
                        d.kind,
                        PenaltyKind::Restitution
                            | PenaltyKind::Forfeiture
                            | PenaltyKind::Deportation
                    ),
                    &mut subjects_before,
                )
            };
            // (or no subject found, but the words between the clause's start and a
            // potential cue are generic: "Under Article 30 of the Penal Code,
            // anyone who … faces up to ten years")
            let generic_clause = || {
                let Some((h, PenaltyStatus::Potential)) = cue else {
                    return false;
                };
                let before = &text[s0..h.start.max(s0)];
                let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
                self.args.is_generic(clause.trim_start())
            };
            // (a law is nobody's subject: "Under the Counter-Terrorism Law, anyone
            // who …")
            if subject.as_ref().is_some_and(|m| {
                laws_here
                    .iter()
                    .any(|l| l.start < m.span.end && m.span.start < l.end)
            }) {
                subject = None;
            }
            if subject
                .as_ref()
                .map_or_else(generic_clause, |m| self.args.is_generic(doc.slice(m.span)))
            {
                subject = None;
                status = PenaltyStatus::Statutory;
            }
            // The court, judge or law imposing the penalty is not its subject, nor
            // is a headline's topic label ("Russia: …"); a subject shared within the
            // sentence may take its place below.
            // (The line start is looked for only before a colon.)
            if subject.as_ref().is_some_and(|m| {
                self.args.is_sentencer_mention(doc, m.span)
                    || self.args.sentencer_before(text, s0, m.span.start)
                    || (doc.text[m.span.end..].starts_with(':')
                        && opens_line(&doc.text, m.span.start))
            }) {
                subject = None;
                // ("Judge Whitcomb also imposed a $5,000 fine": the one sentenced
                // before, unless the sentence names another)
                sentencer_dropped.push(out.len());
            }
            // Offense: "for X" right after this penalty or the last one coordinated with it.
            let group_end = drafts[di..]
                .windows(2)
                .take_while(|w| {
                    self.cues
                        .is_coord_raw(&text[w[0].span.end..w[1].span.start])
                })
                .last()
                .map_or(d.span.end, |w| w[1].span.end);
            // (Coordinated penalties share their group's end: searched once.)
            let ai = match afters.iter().position(|(e, _)| *e == group_end) {
                Some(ai) => ai,
                None => {
                    let found = self.args.offenses_where(
                        text,
                        group_end,
                        s1,
                        OffenseScope::After,
                        group_end + 120,
                        |cue_at| {
                            let gap = &text[group_end.min(cue_at)..cue_at];
                            cue_at >= group_end
                                && cue_at <= group_end + 48
                                // "… to four years, for propaganda": a comma right after it
                                && (!gap.contains([',', ';'])
                                    || gap.trim_start().strip_prefix(',').is_some_and(|r| r.trim().is_empty()))
                        },
                        Some(&okeys),
                    );
                    afters.push((group_end, found));
                    afters.len() - 1
                }
            };
            let after = &afters[ai].1;
            // People where an offense was looked for are none ("a sentence for
            // the pastor"); right after the penalty they are its subject.
            let mut people = None;
            let mut no_people = |sp: &Span| match self.args.person_phrase(doc, *sp) {
                Some(p) => {
                    if sp.start > d.span.end && sp.start <= group_end + 48 {
                        people.get_or_insert(p);
                    }
                    false
                }
                None => true,
            };
            // (The sentence's own offenses are searched only when none follows.)
            let offense = match after
                .iter()
                .find(|(sp, _, _)| sp.start > d.span.end && no_people(sp))
            {
                Some(o) => Some(o.0),
                None => self
                    .offenses_of(text, sentences, si, offenses, Some(&okeys))
                    .iter()
                    .filter(|(sp, _, _)| no_people(sp))
                    .min_by_key(|(sp, _, _)| dist(*sp, d.span))
                    .map(|o| o.0),
            }
            .or_else(|| {
                // "Blasphemy is punishable by death": the clause subject.
                let (h, st) = cue?;
                if st != PenaltyStatus::Statutory || h.start > d.span.start {
                    return None;
                }
                // (From the first of adjacent statutory cues: "carries a mandatory".)
                let mut at = h.start;
                for (c, cs) in cues.iter().rev() {
                    if c.start < at
                        && *cs == PenaltyStatus::Statutory
                        && !text[c.end..at].contains([',', ';'])
                    {
                        at = c.start;
                    }
                }
                let sp = match offenses_before.iter().find(|(k, _)| *k == at) {
                    Some(&(_, x)) => x,
                    None => {
                        let x = self.args.offense_before(text, s0, at);
                        offenses_before.push((at, x));
                        x
                    }
                }?;
                let l = doc.slice(sp).lower();
                let lawish = laws_here.iter().any(|x| x.overlaps(&sp))
                    || ["the ", "this ", "it", "which", "section", "article"]
                        .iter()
                        .any(|w| l.starts_with(w))
                        && [
                            "law",
                            "ordinance",
                            "act",
                            "article",
                            "code",
                            "bill",
                            "amendment",
                            "provision",
                            "charge",
                            "statute",
                            "it",
                            "which",
                            "section",
                        ]
                        .iter()
                        .any(|w| l.contains(w));
                // ("[The] penalty rises to ...": a lone determiner names nothing)
                let bare = self.args.is_det(doc.slice(sp), det::ANY);
                (!lawish && !bare).then_some(sp)
            });
            // Only then the sentence before (checked against the sentence's own
            // offenses once all its penalties are made).
            let offense = match offense {
                Some(o) => Some(o),
                None => {
                    let o = *prev_offense.get_or_insert_with(|| {
                        let p = si.checked_sub(1)?;
                        self.offenses_of(text, sentences, p, offenses, None)
                            .last()
                            .map(|o| o.0)
                    });
                    if o.is_some() {
                        from_before.push(out.len());
                    }
                    o
                }
            };
            if subject.is_none() && status != PenaltyStatus::Statutory {
                subject = people.map(|p| self.args.mention(doc, p));
            }
            // Law: the one whose relative clause holds the penalty ("Section 50(j),
            // which carries up to life imprisonment"), or that a connector joins
            // to it ("three years under Section 298-A"), else the nearest in the
            // sentence, else one near it when the sentence speaks of a law.
            let law = laws_here
                .iter()
                .rfind(|l| l.end <= d.span.start)
                .filter(|l| self.args.relative_after(text, l.end, d.span.start))
                .or_else(|| {
                    laws_here
                        .iter()
                        .find(|l| l.start >= d.span.end)
                        .filter(|l| self.cues.is_law_gap(&text[d.span.end..l.start]))
                })
                // (not across a contrasting clause: "Under Section 295-B, X is
                // punishable by life imprisonment, while Section 295-A ...")
                .or_else(|| {
                    laws_here.iter().min_by_key(|l| {
                        let (a, b) = if l.end <= d.span.start {
                            (l.end, d.span.start)
                        } else {
                            (d.span.end, l.start.max(d.span.end))
                        };
                        (self.cues.contrasts(text, a, b), dist(**l, d.span))
                    })
                })
                .copied()
                .or_else(|| {
                    // (A statutory penalty needs no scan for law words.)
                    if !(status == PenaltyStatus::Statutory || law_words().0) {
                        return None;
                    }
                    let near = near_laws.get_or_insert_with(|| {
                        let mut v = Vec::new();
                        for k in si.saturating_sub(2)..(si + 3).min(sentences.len()) {
                            if k != si {
                                v.extend_from_slice(self.laws_of(doc, sentences, k, laws));
                            }
                        }
                        v
                    });
                    let mut best: Option<(usize, Span)> = None;
                    for &l in near.iter() {
                        let dd = dist(l, d.span);
                        if best.map_or(true, |(b, _)| dd < b) {
                            best = Some((dd, l));
                        }
                    }
                    best.map(|b| b.1)
                });
            out.push(Penalty {
                span: d.span,
                kind: d.kind,
                duration,
                amount,
                life: d.life,
                bound,
                status,
                subject,
                offense,
                law,
                rule: d.rule.clone(),
            });
        }
        // Penalties of one sentence share subject and offense.
        let earlier = first
            .checked_sub(1)
            .filter(|&k| {
                // (not a headline's: a sentence ends in a stop)
                let ks = doc.sentence_of(out[k].span.start);
                ks + 1 >= si
                    && sentences.get(ks).is_some_and(|x| {
                        text[x.start..x.end]
                            .trim_end()
                            .ends_with(['.', '!', '?', '"', '\u{201d}'])
                    })
            })
            .and_then(|k| out[k].subject.clone());
        let here = &mut out[first..];
        let near = |here: &[Penalty], i: usize, f: &dyn Fn(&Penalty) -> bool| {
            (0..here.len())
                .filter(|&j| j != i && f(&here[j]))
                .min_by_key(|&j| (j.abs_diff(i), j > i))
        };
        for i in 0..here.len() {
            if here[i].subject.is_none() && here[i].status != PenaltyStatus::Statutory {
                if let Some(j) = near(here, i, &|p: &Penalty| p.subject.is_some()) {
                    here[i].subject = here[j].subject.clone();
                } else if sentencer_dropped.contains(&(first + i)) {
                    here[i].subject = earlier.clone();
                }
            }
            if here[i].offense.is_none() {
                if let Some(j) = near(here, i, &|p: &Penalty| p.offense.is_some()) {
                    here[i].offense = here[j].offense;
                }
            }
        }
        // "He cited the case of X, who was sentenced to life imprisonment in 2019,
        // and of Y, sentenced to 15 years for teaching the Quran": when the
        // sentence names offenses of its own, one from the sentence before is
        // not used; a penalty of the same person takes the nearest own one.
        let before: Vec<usize> = from_before
            .iter()
            .filter_map(|&k| k.checked_sub(first))
            .collect();
        let own = |j: usize| !before.contains(&j);
        if !before.is_empty() && (0..here.len()).any(|j| own(j) && here[j].offense.is_some()) {
            for &i in &before {
                let who = here[i].subject.as_ref().map(|m| m.span);
                here[i].offense = (0..here.len())
                    .filter(|&j| {
                        own(j)
                            && here[j].offense.is_some()
                            && here[j].subject.as_ref().map(|m| m.span) == who
                    })
                    .min_by_key(|&j| (j.abs_diff(i), j > i))
                    .and_then(|j| here[j].offense);
            }
        }
        if text[s0..s1].contains("respectively") {
            self.respective(doc, here);
        }
    }

    /// "A and B were sentenced to 12 and 9 years respectively": as many terms of
    /// one kind as people listed in their shared subject go to them in order.
    fn respective(&self, doc: &Document, here: &mut [Penalty]) {
        let text = doc.text.as_str();
        let mut i = 0;
        while i < here.len() {
            let (Some(subj), kind) = (here[i].subject.as_ref().map(|m| m.span), here[i].kind)
            else {
                i += 1;
                continue;
            };
            let group: Vec<usize> = (i..here.len())
                .filter(|&j| {
                    here[j].kind == kind && here[j].subject.as_ref().is_some_and(|m| m.span == subj)
                })
                .collect();
            i += 1;
            if group.len() < 2 || !text[subj.start..subj.end].contains(" and ") {
                continue;
            }
            // The members: split at ", ", " and ", ", and ".
            let mut members: Vec<Span> = Vec::with_capacity(group.len());
            let mut at = subj.start;
            let region = &text[subj.start..subj.end];
            let mut k = 0;
            while k < region.len() {
                let r = &region[k..];
                let sep = [", and ", " and ", ", "]
                    .iter()
                    .find(|p| r.starts_with(**p))
                    .map(|p| p.len());
                if let Some(n) = sep {
                    members.push(Span::new(at, subj.start + k));
                    at = subj.start + k + n;
                    k += n;
                } else {
                    k += r.chars().next().map_or(1, char::len_utf8);
                }
            }
            members.push(Span::new(at, subj.end));
            if members.len() != group.len() || members.iter().any(|m| m.is_empty()) {
                continue;
            }
            for (&j, m) in group.iter().zip(members) {
                here[j].subject = Some(self.args.mention(doc, m));
            }
            i = group.last().map_or(i, |&l| l + 1);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn subject(
        &self,
        doc: &Document,
        s0: usize,
        s1: usize,
        span: Span,
        qstart: Option<usize>,
        cues: &[(phrases::Hit, PenaltyStatus)],
        governing: Option<phrases::Hit>,
        others: &[Span],
        allow_to: bool,
        before: &mut Vec<((usize, usize), Option<Span>)>,
    ) -> Option<crate::document::Mention> {
        let text = doc.text.as_str();
        // "upheld [his] six-year prison sentence" (but "deprived [X] of his
        // political rights": a verb before it names its object)
        let object_verb =
            governing.is_some_and(|g| g.end <= span.start && self.cues.takes_object(&g));
        if let Some(sp) = (!object_verb)
            .then(|| self.args.possessor(doc, s0, span.start))
            .flatten()
        {
            return Some(self.args.mention(doc, sp));
        }
        let following = self
            .args
            .subject_following(text, span.end, s1, allow_to)
            .and_then(|sp| {
                // "the death sentence to [two men] and life imprisonment to four
                // others": not into the next penalty.
                let Some(o) = others
                    .iter()
                    .filter(|o| **o != span && o.start > sp.start && o.start < sp.end)
                    .map(|o| o.start)
                    .min()
                else {
                    return Some(sp);
                };
                let head = text[sp.start..o].trim_end();
                let head = head.strip_suffix(" and").unwrap_or(head).trim_end();
                let head = head.trim_end_matches(',');
                (!head.is_empty()).then(|| Span::new(sp.start, sp.start + head.len()))
            });
        if let Some(sp) = following {
            // ("deported to [Georgia]": a place is where, not who)
            let place = doc.entities.iter().any(|e| {
                matches!(e.label, Label::Gpe | Label::Loc)
                    && e.span.start <= sp.start
                    && sp.end <= e.span.end
            });
            if !place {
                return Some(self.args.mention(doc, sp));
            }
        }
        // "sentenced A to four years ... and B to three years": B for the second.
        let mut order: Vec<(phrases::Hit, PenaltyStatus)> = Vec::with_capacity(cues.len() + 1);
        if let Some(g) = governing {
            if let Some(c) = cues.iter().find(|(h, _)| *h == g) {
                order.push(*c);
            }
        }
        order.extend(
            cues.iter()
                .rev()
                .filter(|(h, _)| h.end <= span.start && Some(*h) != governing)
                .copied(),
        );
        // "sentenced four men to death and fined [each] ...": a lone quantifier
        // object stands for an earlier cue's object, which is used if there is one.
        let mut lone: Option<Span> = None;
        for (h, st) in order {
            if h.start > span.start {
                continue;
            }
            // A cue inside the span ("fined him 50,000 rupees") looks up to the amount.
            let limit = if h.end > span.start {
                qstart.unwrap_or(s1).max(h.end)
            } else {
                span.start
            };
            let mut from = h.end;
            if limit > from {
                // ("sentenced A and B to ten years": both are the subject;
                // "A to eight years, B to seven years and his brother C to six
                // years": a new one for each)
                if let Some(a) = gapped_subject_start(&self.args, &text[from..limit]) {
                    from += a;
                }
            }
            let mut sp = if !self.cues.takes_object(&h) {
                None
            } else if h.end > span.start {
                // inside the span the object stands before the amount, not the penalty
                self.args.object_np(text, from, limit)
            } else {
                self.args
                    .subject_after(text, from, limit)
                    .map(|x| self.args.name_list(doc, x, from, limit))
            };
            // Not across another penalty, not an amount, not a time ("was
            // sentenced last month to ...").
            if let Some(x) =
                sp.filter(|x| h.end <= x.start && self.args.is_quantifier(doc.slice(*x)))
            {
                lone.get_or_insert(x);
                continue;
            }
            if sp.is_some_and(|x| {
                others.iter().any(|o| *o != span && o.overlaps(&x))
                    || (text[x.start..x.end].starts_with(|c: char| !c.is_alphabetic())
                        && !starts_with_age(&text[x.start..x.end]))
                    || doc.dates.iter().any(|d| d.span.overlaps(&x))
            }) {
                sp = None;
            }
            // Before an appeal verb stands the court, not the sentenced.
            let court_verb = matches!(st, PenaltyStatus::Upheld | PenaltyStatus::Overturned);
            // "The court handed down ...": before an active verb stands the court.
            // ... unless the verb takes no object ("X jailed for four years").
            // (ASCII words without a "k": ASCII case-insensitive equality is
            // the lowercased test.)
            let next = text[h.end..s1].split_whitespace().next().unwrap_or("");
            let objectless = !(self.args.is_det(next, det::ARTICLE | det::POSSESSIVE)
                || next.eq_ignore_ascii_case("down"));
            let active = self.cues.takes_object(&h)
                && !self.args.passive(text, s0, h.start, h.end)
                && !objectless;
            if sp.is_none() && !self.cues.no_subject(&h) && !court_verb && !active {
                // (Found once per sentence and cue: penalties share them.)
                sp = match before.iter().find(|(k, _)| *k == (s0, h.start)) {
                    Some(&(_, x)) => x,
                    None => {
                        let x = self
                            .args
                            .subject_before(text, s0, h.start, &doc.dates)
                            .map(|x| self.args.name_list(doc, x, s0, h.start));
                        before.push(((s0, h.start), x));
                        x
                    }
                };
                // "The judge ordered [Whitcomb] to serve ...": a clause ending in an
                // object-taking cue and its object names the object.
                if let Some(x) = sp {
                    // (Not a passive "he was fined ...", not a Title Case headline.)
                    // (the subject phrase stops at an auxiliary: "Judge X also
                    // ordered Y" reads "Judge X"; the cue may stand after it)
                    let inner = cues.iter().rev().find(|(c, _)| {
                        c.start > x.start
                            && c.end < h.start
                            && self.cues.takes_object(c)
                            && text[c.start..].starts_with(|ch: char| ch.is_lowercase())
                            && !self.args.passive(text, s0, c.start, c.end)
                    });
                    let object = inner
                        .and_then(|(c, _)| self.args.object_np(text, c.end, h.start))
                        .filter(|o| {
                            text[o.start..].starts_with(char::is_alphabetic)
                                && !others.iter().any(|p| p.overlaps(o))
                        });
                    if let Some(o) = object {
                        sp = Some(o);
                    }
                }
            }
            if let Some(sp) = sp {
                return Some(self.args.mention(doc, sp));
            }
            if self.cues.no_subject(&h) {
                return None;
            }
        }
        if let Some(x) = lone {
            return Some(self.args.mention(doc, x));
        }
        // "Ortega will be [deported] upon completion of his sentence": a passive
        // penalty verb with no cue before it has its clause's subject.
        let after_aux = text[s0..span.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| self.args.is_aux(w));
        if after_aux && !cues.iter().any(|(h, _)| h.start <= span.start) {
            return self
                .args
                .subject_before(text, s0, span.start, &doc.dates)
                .map(|sp| self.args.mention(doc, sp));
        }
        None
    }

    /// The document's countries, most frequent first: the countries of its GPE/LOC
    /// entities, else of the country names in `patterns/penalties/countries.tsv`.
    fn countries_ranked(&self, doc: &Document) -> Vec<String> {
        let mut counts: HashMap<&str, usize> = HashMap::default();
        for e in &doc.entities {
            if let Some(c) = &e.country {
                *counts.entry(c.as_str()).or_default() += 1;
            }
        }
        if counts.is_empty() {
            for h in self.countries.find(&doc.text, 0, doc.text.len()) {
                *counts
                    .entry(self.countries.value(h.id).as_str())
                    .or_default() += 1;
            }
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.into_iter().map(|(c, _)| c.to_string()).collect()
    }
}

fn dist(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// A trigger inside an organization's name ("Coalition Against the Death Penalty
/// in North Africa") names no penalty. `entities` are sorted by start.
fn in_organization_name(entities: &[crate::document::Entity], start: usize, end: usize) -> bool {
    let k = entities.partition_point(|e| e.span.start <= start);
    k > 0 && {
        let e = &entities[k - 1];
        // (an ORG that is just the trigger, "RI" read as an acronym, does not count)
        e.label == crate::document::Label::Org
            && e.span.end >= end
            && (e.span.start < start || e.span.end > end)
    }
}

/// "[The] death penalty [is] incompatible …": a penalty that is the subject of a
/// general statement (`the` before it, a generic verb after it).
/// How a penalty word is the subject of a general statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Generic {
    No,
    /// "The death penalty is …" (unless a status cue is in the sentence).
    The,
    /// "Flogging is a form of torture …": a bare penalty noun opening the sentence.
    Bare,
}

impl PenaltyExtractor {
    fn generic_statement(&self, text: &str, s0: usize, start: usize, end: usize) -> Generic {
        let raw = text[s0..start].trim_matches(|c: char| c.is_whitespace() || "\"“‘'".contains(c));
        let before = text[s0..start].trim_end().as_bytes();
        let the = before.len() >= 3
            && before[before.len() - 3..].eq_ignore_ascii_case(b"the")
            && !before[..before.len() - 3]
                .last()
                .is_some_and(u8::is_ascii_alphanumeric);
        let Some(next) = text[end..].strip_prefix(' ') else {
            return Generic::No;
        };
        let verb = next.split(' ').next().unwrap_or("");
        if !self
            .generic_verbs
            .iter()
            .any(|v| v.eq_ignore_ascii_case(verb))
        {
            Generic::No
        } else if the {
            Generic::The
        } else if raw.is_empty() {
            Generic::Bare
        } else {
            Generic::No
        }
    }
}

/// In `region`, the text between a cue and a penalty, where the subject of a
/// gapped clause starts: "sentenced A to eight years[, ]B to …", "… and his
/// brother C to …" — the first " and " or ", " after the previous penalty's "to"
/// that opens a noun phrase (a capital or a possessive or definite determiner).
fn gapped_subject_start(args: &Args, region: &str) -> Option<usize> {
    let last_to = rfind_to(region)?;
    let prev_to = rfind_to(&region[..last_to])? + 4;
    let between = &region[prev_to..last_to];
    // (separator ends in text order, no vector of them)
    between
        .char_indices()
        .filter_map(|(i, _)| {
            [" and ", ", "]
                .iter()
                .find(|sep| between[i..].starts_with(**sep))
                .map(|sep| i + sep.len())
        })
        .find(|&a| {
            let after = &between[a..];
            let first = after.split(' ').next().unwrap_or("");
            after.starts_with(|c: char| c.is_uppercase())
                || args.is_det(first, det::DEFINITE | det::POSSESSIVE)
        })
        .map(|a| prev_to + a)
}

/// Whether only whitespace or Markdown marks (`#`, `*`, `_`, `>`) stand between
/// the start of the line and `pos`.
fn opens_line(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    before[before.rfind('\n').map_or(0, |k| k + 1)..]
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '#' | '*' | '_' | '>'))
}

/// `s.rfind(" to ")`, byte by byte from the end (the regions are short: a
/// searcher for the needle would cost more to set up than the scan).
fn rfind_to(s: &str) -> Option<usize> {
    s.as_bytes().windows(4).rposition(|w| w == b" to ")
}

/// `s` after an age in commas at its start (", 46, for" → " for").
fn skip_age(s: &str) -> &str {
    let Some(r) = s.strip_prefix(", ") else {
        return s;
    };
    let digits = r.bytes().take_while(u8::is_ascii_digit).count();
    match r[digits..].strip_prefix(',') {
        Some(rest) if (1..=3).contains(&digits) => rest,
        _ => s,
    }
}

/// What may stand between a fined person and the amount: nothing, an
/// appositive name ("the landlord[, Mr. Chen Guoping,] 20,000 yuan") or a
/// place or group ("two members[ of the EPA church in Akbou] 50,000 dinars"):
/// a few words, no digits.
fn object_tail(rest: &str) -> bool {
    let t = rest.trim();
    if t.is_empty() {
        return true;
    }
    let words = t.split_whitespace().count();
    let plain = !t.contains(|c: char| c.is_ascii_digit() || matches!(c, ';' | ':' | '(' | '"'));
    let appositive = t.starts_with(',') && t.ends_with(',') && t.matches(',').count() == 2;
    let place =
        matches!(t.split(' ').next(), Some("of" | "in" | "from" | "at")) && !t.contains(',');
    plain && words <= 8 && (appositive || place)
}

/// Whether `s` opens with an age adjective ("52-year-old Jehovah's Witness …"),
/// which starts a noun phrase rather than an amount.
fn starts_with_age(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && ["-year-old ", "-year old "]
            .iter()
            .any(|a| s[digits..].starts_with(a))
}
