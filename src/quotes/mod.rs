//! Quotations: quoted text, who said it and the cue that says so.
//!
//! 1. [`marks`] pairs quotation marks into quoted spans (one Aho-Corasick scan;
//!    a text without quote characters costs nothing else).
//! 2. [`attribution`] reads the cue and the speaker span from the text before
//!    and after each quote, and joins quotes interrupted by their attribution.
//! 3. Quotes without their own attribution inherit it from the previous
//!    quotation (`“…,” she said. “…”`), take the subject of an introducing
//!    sentence (`Pastor X recalled the night: “…”`, or the previous sentence of the
//!    paragraph), or are dropped as scare quotes and titles when short.
//! 4. [`speaker`] resolves pronouns, short names and titles to the canonical
//!    name of a document entity.
//!
//! Word lists live in `patterns/quotes/` (see its README).

pub mod attribution;
pub mod lexicon;
pub mod marks;
pub mod speaker;
pub mod tokens;

use anyhow::Result;

use crate::document::{Document, Label, Mention, Quotation, Rule, Span};
use crate::patterns::{word_list, Patterns};

use attribution::{is_hard_punct, Attribution, Ctx, How, NpKind};
use lexicon::{Gender, Lexicon, WordClass, WordSet};
use marks::{MarkFinder, RawQuote};
use speaker::{DocCtx, Near, Prior, Resolver};
use tokens::{is_cap, tokenize, tokenize_until, Tok, TokKind};

/// The most words of a quote part the attribution counts (the largest word count
/// it tests for).
const MANY_WORDS: usize = 8;

/// The quotation stage.
pub struct QuoteFinder {
    lx: Lexicon,
    marks: MarkFinder,
    resolver: Resolver,
    abbreviations: WordSet,
    rules: Rules,
}

struct Rules {
    lead: Rule,
    bridge: Rule,
    split: Rule,
    partial: Rule,
    inherit: Rule,
    context: Rule,
    bare: Rule,
}

/// A quotation on its way out.
struct Item {
    parts: Vec<Span>,
    open: usize,
    close: usize,
    /// Paragraph of the opening and of the closing mark.
    para_open: usize,
    para_close: usize,
    speaker: Option<(Span, NpKind)>,
    cue: Option<Span>,
    rule: Rule,
}

impl QuoteFinder {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let lx = Lexicon::new(patterns)?;
        let resolver = Resolver::new(&lx);
        // The sentence splitter's table (first column: the word without its period).
        let abbreviations = patterns
            .get("sentences/abbreviations.tsv")
            .map(|c| word_list(c).map(str::to_string).collect())
            .unwrap_or_default();
        let r = |s: &str| -> Rule { s.into() };
        Ok(QuoteFinder {
            lx,
            marks: MarkFinder::new(),
            resolver,
            abbreviations,
            rules: Rules {
                lead: r("quote:cue-before"),
                bridge: r("quote:cue-after"),
                split: r("quote:split"),
                partial: r("quote:partial"),
                inherit: r("quote:continued"),
                context: r("quote:context"),
                bare: r("quote:unattributed"),
            },
        })
    }

    /// Fills `doc.quotations` (and `doc.warnings` for quotes never closed).
    pub fn run(&self, doc: &mut Document) {
        if !self.marks.any(&doc.text) {
            return;
        }
        let paras = marks::paragraphs(&doc.text);
        let mut warnings = Vec::new();
        let raw = self.marks.find(&doc.text, &paras, &mut warnings);
        doc.warnings.extend(warnings);
        if raw.is_empty() {
            return;
        }
        let persons = person_spans(doc);
        let items = self.attribute(doc, &paras, &raw, &persons);
        let quoted: Vec<Span> = raw.iter().flat_map(|q| q.parts.iter().copied()).collect();
        let dc = DocCtx::new(&quoted, &doc.sentences, &doc.entities);
        let mut prior: Vec<Prior> = Vec::new();
        let mut out = Vec::with_capacity(items.len());
        for it in items {
            let speaker = it.speaker.map(|(span, kind)| {
                let near =
                    if kind == NpKind::Pronoun && self.he_or_she(&doc.text[span.start..span.end]) {
                        let anchor = it.open.min(span.start);
                        Near {
                            anchor,
                            subjects: self.subjects(doc, &persons, anchor),
                        }
                    } else {
                        Near::default()
                    };
                let (span, canonical) = self.resolver.resolve(
                    &self.lx,
                    &doc.text,
                    &doc.entities,
                    span,
                    kind,
                    &prior,
                    &dc,
                    &near,
                );
                prior.push(Prior {
                    span,
                    canonical: canonical.clone(),
                    kind,
                });
                Mention {
                    span,
                    canonical: Some(canonical),
                }
            });
            out.push(Quotation {
                parts: it.parts,
                speaker,
                cue: it.cue,
                rule: it.rule,
            });
        }
        out.sort_by_key(|q| q.span().start);
        doc.quotations = out;
    }

    /// Initials ("F."), dotted abbreviations ("U.S.", "D.C."), the sentence
    /// splitter's abbreviations and titles keep their period.
    fn keeps_period(&self, w: &str) -> bool {
        let mut cs = w.chars();
        let single_cap = matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase());
        let dotted = w.contains('.') && w.split('.').all(|p| p.chars().count() == 1);
        single_cap || dotted || self.abbreviations.contains(w) || self.lx.title(w).is_some()
    }

    fn toks(&self, text: &str, lo: usize, hi: usize) -> Vec<Tok> {
        tokenize(text, lo, hi.max(lo), |w| self.keeps_period(w))
    }

    /// A speaker pronoun that names one person ("he", "she").
    fn he_or_she(&self, word: &str) -> bool {
        self.lx
            .pronouns
            .get(&word.to_lowercase())
            .is_some_and(|p| !p.plural && matches!(p.gender, Gender::Male | Gender::Female))
    }

    /// Subjects of the sentence holding `anchor` (read up to it) and of the two
    /// sentences before it.
    fn subjects(&self, doc: &Document, persons: &[Span], anchor: usize) -> Vec<(Span, NpKind)> {
        let mut out = Vec::new();
        if doc.sentences.is_empty() {
            return out;
        }
        let si = doc.sentence_of(anchor);
        for s in &doc.sentences[si.saturating_sub(2)..=si] {
            // The subject is near the start: a long sentence is read no further.
            let mut hi = s.end.min(anchor).min(s.start + 240);
            while !doc.text.is_char_boundary(hi) {
                hi -= 1;
            }
            if hi <= s.start {
                continue;
            }
            let toks = self.toks(&doc.text, s.start, hi);
            let ctx = Ctx::new(&doc.text, &toks, &self.lx, persons);
            out.extend(ctx.clause_subject());
        }
        out
    }

    fn attribute(
        &self,
        doc: &Document,
        paras: &[Span],
        raw: &[RawQuote],
        persons: &[Span],
    ) -> Vec<Item> {
        let text = doc.text.as_str();
        let para_of = |pos: usize| match paras.binary_search_by(|p| p.start.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        let sentence_start = |pos: usize| {
            if doc.sentences.is_empty() {
                0
            } else {
                doc.sentences[doc.sentence_of(pos)].start.min(pos)
            }
        };
        let n = raw.len();
        let lead_range = |i: usize| {
            let q = &raw[i];
            let p = para_of(q.open);
            let mut lo = paras[p].start.max(sentence_start(q.open));
            if i > 0 && raw[i - 1].close <= q.open && para_of(raw[i - 1].close) == p {
                lo = lo.max(raw[i - 1].close);
            }
            // "X said:" closing the previous paragraph introduces this one.
            if q.open == paras[p].start
                && p > 0
                && text[paras[p - 1].start..paras[p - 1].end].ends_with(':')
            {
                let prev = paras[p - 1];
                let quoted_before = i > 0 && raw[i - 1].close > prev.start;
                if !quoted_before || raw[i - 1].close < prev.end {
                    let mut s = sentence_start(prev.end - 1).max(prev.start);
                    if quoted_before {
                        s = s.max(raw[i - 1].close);
                    }
                    return (s, prev.end);
                }
            }
            (lo.min(q.open), q.open)
        };
        let bridge_range = |i: usize| {
            let q = &raw[i];
            if !q.closed {
                return (q.close, q.close, false);
            }
            let p = para_of(q.close.saturating_sub(1));
            let mut hi = paras[p].end.max(q.close);
            let mut next = false;
            if i + 1 < n && para_of(raw[i + 1].open) == p {
                hi = raw[i + 1].open.max(q.close);
                next = true;
            }
            (q.close, hi, next)
        };

        // The bridge attribution of every quote, computed once.
        let bridges: Vec<Option<Attribution>> = (0..n)
            .map(|k| {
                let (lo, hi, next) = bridge_range(k);
                let t = tokenize_until(
                    text,
                    lo,
                    hi.max(lo),
                    |w| self.keeps_period(w),
                    |t| matches!(t.kind, TokKind::Punct(c) if is_hard_punct(c)),
                );
                Ctx::new(text, &t, &self.lx, persons)
                    .from_bridge(next, ends_sentence(text, &raw[k].parts))
            })
            .collect();
        let mut items: Vec<Item> = Vec::new();
        let mut i = 0;
        while i < n {
            let (llo, lhi) = lead_range(i);
            let ltoks = self.toks(text, llo, lhi);
            let lctx = Ctx::new(text, &ltoks, &self.lx, persons);
            let lead = lctx.from_lead();
            let mut parts = raw[i].parts.clone();
            let mut j = i;
            let mut split: Option<Attribution> = None;
            // A quotation its lead already attributes that ends its sentence ("X
            // said: “….” He added, “…”") is complete: what follows it introduces
            // the next one.
            let led = matches!(lead, Some((true, _))) && ends_sentence(text, &raw[i].parts);
            let bridge = loop {
                // A sentence-final attribution joins the next quote only when that
                // one has no attribution of its own.
                match bridges[j] {
                    Some(b)
                        if b.joins_next
                            && !(led && j == i)
                            && j + 1 < n
                            && (b.interrupts || bridges[j + 1].is_none()) =>
                    {
                        split.get_or_insert(b);
                        parts.extend_from_slice(&raw[j + 1].parts);
                        j += 1;
                    }
                    b => break b,
                }
            };
            let (attr, rule) = if let Some(s) = split {
                (Some(s), &self.rules.split)
            } else {
                match (lead, bridge) {
                    (Some((true, a)), _) => (Some(a), &self.rules.lead),
                    // A quote inside a clause that no cue introduces is a term
                    // ("sentenced for “inciting subversion,” X said"), whatever follows.
                    (None, Some(_)) if lead_tail(&lctx) > 0 => (None, &self.rules.bare),
                    // A partial quote that ends its sentence ("X told reporters the
                    // men had “accepted the sentence.” He added that …") belongs to
                    // its cue; the next sentence is about something else.
                    (Some((false, a)), Some(_))
                        if a.speaker.is_some() && ends_sentence(text, &parts) =>
                    {
                        (Some(a), &self.rules.partial)
                    }
                    (_, Some(b)) => (Some(b), &self.rules.bridge),
                    (Some((false, a)), None) => (Some(a), &self.rules.partial),
                    (None, None) => (None, &self.rules.bare),
                }
            };
            // Words of the quote, counted up to `MANY_WORDS` per part: the tests
            // below ask no more than whether there are at least 2, 4 or 8.
            let words: usize = parts
                .iter()
                .map(|p| quote_words(&text[p.start..p.end]))
                .sum();
            let item = Item {
                parts,
                open: raw[i].open,
                close: raw[j].close,
                para_open: para_of(raw[i].open),
                para_close: para_of(raw[j].close.saturating_sub(1)),
                speaker: attr.and_then(|a| a.speaker),
                cue: attr.and_then(|a| a.cue),
                rule: rule.clone(),
            };
            i = j + 1;
            // Quoted single words are not quotations, unless a speaker says it
            // next to the quote ("“No,” he told the radio.").
            // (or ends the reported speech its cue opens: "X said the criticism
            // was “shameless.”")
            let spoken = attr.is_some_and(|a| {
                a.speaker.is_some()
                    && item.parts.len() == 1
                    && match a.how {
                        How::Bridge => text[item.parts[0].start..item.parts[0].end]
                            .ends_with([',', '.', '!', '?']),
                        How::Partial | How::Lead => ends_sentence(text, &item.parts),
                    }
            });
            if words == 0 || (words == 1 && !spoken) {
                continue;
            }
            let sentential = words >= 4 && self.sentential(text, &item);
            let lead_words = lead_tail(&lctx);
            match attr {
                Some(a) => {
                    let mut item = item;
                    if a.how == How::Partial
                        && !sentential
                        && title_case(&self.lx, text, &item.parts)
                    {
                        continue; // a title next to an unrelated verb
                    }
                    if a.needs_subject && item.speaker.is_none() {
                        item.speaker = items
                            .last()
                            .filter(|p| p.para_close == item.para_open)
                            .and_then(|p| p.speaker)
                            .or_else(|| lctx.subject_at(0, ltoks.len()));
                    }
                    items.push(item);
                }
                None => {
                    let mut item = item;
                    let prev = items.last();
                    // A second partial quote in the sentence of an attributed one
                    // ("X said “so-called concerns” were “lies fabricated by …”")
                    // has its speaker and cue.
                    let same_sentence = prev.is_some_and(|p| {
                        p.speaker.is_some()
                            && p.cue.is_some()
                            && lead_words == ltoks.len()
                            && !doc.sentences.is_empty()
                            && doc.sentence_of(p.close.saturating_sub(1))
                                == doc.sentence_of(item.open)
                    });
                    if same_sentence && !title_case(&self.lx, text, &item.parts) {
                        let p = prev.unwrap();
                        item.speaker = p.speaker;
                        item.cue = p.cue;
                        item.rule = self.rules.partial.clone();
                        items.push(item);
                        continue;
                    }
                    // A reported-speech sentence between the previous quotation
                    // and this one ("He added that the family would leave. “…”")
                    // names this one's speaker and cue.
                    if lead_words == 0 && sentential {
                        let after = prev.map_or(0, |p| p.close);
                        if let Some((s, Some(cue))) =
                            self.previous_sentence_subject(doc, paras, persons, &item, after)
                        {
                            item.speaker = Some(s);
                            item.cue = Some(cue);
                            item.rule = self.rules.context.clone();
                            items.push(item);
                            continue;
                        }
                    }
                    if lead_words == 0
                        && sentential
                        && prev.is_some_and(|p| {
                            p.speaker.is_some() && item.para_open <= p.para_close + 1
                        })
                    {
                        let p = prev.unwrap();
                        item.speaker = p.speaker;
                        item.cue = p.cue;
                        item.rule = self.rules.inherit.clone();
                        items.push(item);
                        continue;
                    }
                    let colon_lead =
                        lead_words > 0 && ltoks.last().is_some_and(|t| t.is_punct(':'));
                    if colon_lead {
                        if let Some(s) = lctx.subject_at(ltoks.len() - lead_words, ltoks.len()) {
                            item.speaker = Some(s);
                            item.rule = self.rules.context.clone();
                            items.push(item);
                            continue;
                        }
                    }
                    if lead_words == 0 && sentential {
                        if let Some((s, _)) =
                            self.previous_sentence_subject(doc, paras, persons, &item, 0)
                        {
                            item.speaker = Some(s);
                            item.rule = self.rules.context.clone();
                            items.push(item);
                            continue;
                        }
                    }
                    // (a lead that ends in a colon and names nobody: "To the
                    // faithful of that nation:")
                    if (lead_words == 0 || colon_lead) && sentential && words >= MANY_WORDS {
                        items.push(item);
                    }
                }
            }
        }
        items
    }

    /// Looks like speech: ends with sentence punctuation inside or right after the marks.
    fn sentential(&self, text: &str, it: &Item) -> bool {
        let last = it.parts.last().map_or("", |p| &text[p.start..p.end]);
        let inside = last.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                '.' | '!' | '?' | ',' | '…' | ';' | ':' | '。' | '！' | '？'
            )
        });
        let after = text[it.close..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '.' | '!' | '?' | ','));
        inside || after
    }

    /// Subject of the sentence before the quotation, in the same paragraph and
    /// starting at or after byte `after`, with the verb cue it holds.
    fn previous_sentence_subject(
        &self,
        doc: &Document,
        paras: &[Span],
        persons: &[Span],
        it: &Item,
        after: usize,
    ) -> Option<((Span, NpKind), Option<Span>)> {
        if doc.sentences.is_empty() {
            return None;
        }
        let si = doc.sentence_of(it.open);
        if si == 0 {
            return None;
        }
        let prev = doc.sentences[si - 1];
        if prev.start < paras[it.para_open].start || prev.start < after {
            return None;
        }
        let toks = self.toks(&doc.text, prev.start, prev.end);
        let ctx = Ctx::new(&doc.text, &toks, &self.lx, persons);
        let s = ctx.subject_at(0, toks.len())?;
        // Only a subject that acts: the sentence holds a cue or introduces the quote.
        let holds_cue = (0..toks.len()).any(|k| ctx.cue_at(k, false).is_some())
            || toks.last().is_some_and(|t| t.is_punct(':'));
        let cue = ctx.verb_cue_after(s.0.end);
        (holds_cue || s.1 != NpKind::Phrase).then_some((s, cue))
    }
}

/// Spans of the document's PERSON entities, in text order.
fn person_spans(doc: &Document) -> Vec<Span> {
    let mut v: Vec<Span> = doc
        .entities
        .iter()
        .filter(|e| e.label == Label::Person)
        .map(|e| e.span)
        .collect();
    v.sort_by_key(|s| (s.start, s.end));
    v
}

/// Number of tokens of the lead after its last sentence boundary.
fn lead_tail(ctx: &Ctx) -> usize {
    let n = ctx.toks.len();
    let mut k = n;
    while k > 0 {
        let t = &ctx.toks[k - 1];
        if t.is_punct('.') || t.is_punct('!') || t.is_punct('?') || t.is_punct('\n') {
            break;
        }
        if t.is_punct('”') || t.is_punct('"') || t.is_punct('»') || t.is_punct('」') {
            break;
        }
        k -= 1;
    }
    n - k
}

/// Every word capitalized ("Water of Life"), a title rather than speech.
fn title_case(lx: &Lexicon, text: &str, parts: &[Span]) -> bool {
    parts.iter().all(|p| {
        text[p.start..p.end].split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty() || is_cap(w) || lx.is(&w.to_lowercase(), WordClass::Connector)
        })
    })
}

/// The quotation's last part ends with sentence-final punctuation inside the marks.
fn ends_sentence(text: &str, parts: &[Span]) -> bool {
    parts.last().is_some_and(|p| {
        text[p.start..p.end]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '’' | '\'' | ')'))
            .ends_with(['.', '!', '?', '。', '！', '？'])
    })
}

/// Words of a quote part, counted up to [`MANY_WORDS`]; in Chinese or Japanese,
/// written without spaces, each ideograph or kana counts as one.
fn quote_words(t: &str) -> usize {
    let w = t.split_whitespace().take(MANY_WORDS).count();
    if w >= MANY_WORDS || t.is_ascii() {
        return w;
    }
    let cjk = t
        .chars()
        .filter(|&c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}'))
        .take(MANY_WORDS)
        .count();
    w.max(cjk)
}
