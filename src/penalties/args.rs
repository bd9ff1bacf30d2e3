//! A penalty's arguments: who received or faces it (subject), for what (offense)
//! and under which law, from the cue words in `patterns/penalties/`.

use std::collections::HashSet;

use anyhow::{bail, Context, Result};
use regex::{Regex, RegexBuilder};

use super::phrases::PhraseSet;
use super::status::normalize;
use crate::document::{Document, Label, Mention, Span};
use crate::patterns::{lines, word_list, Patterns};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffenseScope {
    /// Right after the penalty ("for blasphemy").
    After,
    /// Anywhere in the sentence or the one before ("convicted of wire fraud").
    Sentence,
}

pub struct Args {
    aux: HashSet<String>,
    intro: HashSet<String>,
    clause: HashSet<String>,
    pronoun: HashSet<String>,
    title: HashSet<String>,
    offense_cues: Vec<(Regex, OffenseScope)>,
    offense_stops: PhraseSet<()>,
    offense_reject: Vec<String>,
    laws: Vec<Regex>,
}

/// Words of `s` with their byte ranges (relative to `s`); a word is a run of
/// non-space characters with surrounding punctuation (other than . ’ ' -) trimmed.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(a) = start.take() {
                out.push((a, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

fn trim_span(text: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let is_trim = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '–' | '—')
    };
    while a < b {
        let c = text[a..b].chars().next().expect("non-empty");
        if is_trim(c) {
            a += c.len_utf8();
        } else {
            break;
        }
    }
    while a < b {
        let c = text[a..b].chars().next_back().expect("non-empty");
        if is_trim(c) || c == '.' && !text[a..b - 1].ends_with(|c: char| c.is_uppercase()) {
            b -= c.len_utf8();
        } else {
            break;
        }
    }
    (a, b)
}

impl Args {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let path = "penalties/subject_words.tsv";
        let (mut aux, mut intro, mut clause, mut pronoun, mut title) = (
            HashSet::new(),
            HashSet::new(),
            HashSet::new(),
            HashSet::new(),
            HashSet::new(),
        );
        for l in lines(patterns.require(path)?) {
            let w = l.col(0).to_lowercase();
            match l.col(1) {
                "aux" => aux.insert(w),
                "intro" => intro.insert(w),
                "clause" => clause.insert(w),
                "pronoun" => pronoun.insert(w),
                "title" => title.insert(w),
                r => bail!("{path}:{}: unknown role {r:?}", l.number),
            };
        }
        let path = "penalties/offense_cues.tsv";
        let mut offense_cues = Vec::new();
        for l in lines(patterns.require(path)?) {
            let re = RegexBuilder::new(l.col(0))
                .case_insensitive(true)
                .build()
                .with_context(|| format!("{path}:{}: bad regex", l.number))?;
            let scope = match l.col(1) {
                "after" => OffenseScope::After,
                "sentence" => OffenseScope::Sentence,
                s => bail!(
                    "{path}:{}: scope must be after or sentence, not {s:?}",
                    l.number
                ),
            };
            offense_cues.push((re, scope));
        }
        let path = "penalties/offense_stops.txt";
        let stops = word_list(patterns.require(path)?)
            .map(|w| (w.to_string(), ()))
            .collect();
        let offense_stops = PhraseSet::new(stops, path)?;
        let offense_reject = word_list(patterns.require("penalties/offense_reject.txt")?)
            .map(normalize)
            .collect();
        let path = "penalties/laws.tsv";
        let mut laws = Vec::new();
        for l in lines(patterns.require(path)?) {
            laws.push(
                Regex::new(l.col(1)).with_context(|| {
                    format!("{path}:{}: bad regex for {:?}", l.number, l.col(0))
                })?,
            );
        }
        Ok(Args {
            aux,
            intro,
            clause,
            pronoun,
            title,
            offense_cues,
            offense_stops,
            offense_reject,
            laws,
        })
    }

    /// The subject after an active verb: "sentenced [the couple] to death",
    /// "fined [him] 50,000 rupees".
    pub fn subject_after(&self, text: &str, cue_end: usize, limit: usize) -> Option<Span> {
        if limit <= cue_end {
            return None;
        }
        let region = &text[cue_end..limit];
        let ws = words(region);
        let mut take = Vec::new();
        for &(a, b) in &ws {
            let w = region[a..b].to_lowercase();
            if matches!(
                w.as_str(),
                "to" | "for" | "in" | "on" | "by" | "down" | "up" | "with" | "after"
            ) {
                break;
            }
            take.push((a, b));
        }
        while let Some(&(a, b)) = take.last() {
            if matches!(
                region[a..b].to_lowercase().as_str(),
                "a" | "an" | "the" | "up" | "of"
            ) {
                take.pop();
            } else {
                break;
            }
        }
        if take.is_empty() || take.len() > 8 {
            return None;
        }
        let (a, b) = trim_span(text, cue_end + take[0].0, cue_end + take.last()?.1);
        let first = text[a..b].chars().next()?;
        if first.is_lowercase()
            && !self.pronoun.contains(&text[a..b].to_lowercase())
            && !text[a..b].starts_with("the ")
        {
            return None;
        }
        (a < b).then(|| Span::new(a, b))
    }

    /// The subject before a cue: "[Haroon and Salamat] were sentenced",
    /// "[John Doe], 45, of Springfield, was sentenced".
    pub fn subject_before(&self, text: &str, s0: usize, cue_start: usize) -> Option<Span> {
        let region = &text[s0..cue_start];
        let mut ws = words(region);
        while let Some(&(a, b)) = ws.last() {
            let w = region[a..b].trim_end_matches(',').to_lowercase();
            if self.aux.contains(&w) {
                ws.pop();
            } else {
                break;
            }
        }
        if ws.is_empty() {
            return None;
        }
        // "X was arrested in May and was sentenced": the clause's own subject.
        let last = region[ws.last()?.0..ws.last()?.1].to_lowercase();
        if last == "and" {
            let first_aux = ws
                .iter()
                .position(|&(a, b)| self.aux.contains(&region[a..b].to_lowercase()))?;
            ws.truncate(first_aux);
        }
        // Segments split on punctuation and clause words.
        let mut segments: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
        for &(a, b) in &ws {
            let raw = &region[a..b];
            let w = raw
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_lowercase();
            if self.clause.contains(&w) {
                segments.push(Vec::new());
                continue;
            }
            let opens = raw.starts_with(['(', '“', '"']);
            if opens {
                segments.push(Vec::new());
            }
            segments.last_mut().expect("non-empty").push((a, b));
            if raw.ends_with([',', ';', ':', ')', '”', '"']) {
                segments.push(Vec::new());
            }
        }
        let segments: Vec<_> = segments.into_iter().filter(|s| !s.is_empty()).collect();
        let starts_upper = |seg: &[(usize, usize)]| {
            let w = &region[seg[0].0..seg[0].1];
            w.chars().next().is_some_and(char::is_uppercase)
                && !self.intro.contains(&w.trim_end_matches(',').to_lowercase())
        };
        let mut chosen: Option<usize> = None;
        for i in (0..segments.len()).rev() {
            let seg = &segments[i];
            let w0 = region[seg[0].0..seg[0].1].to_lowercase();
            let w0 = w0.trim_end_matches(',');
            if w0.starts_with(|c: char| c.is_ascii_digit())
                || matches!(w0, "of" | "from" | "aged" | "age")
            {
                continue;
            }
            if self.intro.contains(w0) {
                continue;
            }
            chosen = Some(i);
            // "Asia Bibi, a Christian mother of five, was ...": prefer the name.
            if !starts_upper(seg)
                && i > 0
                && starts_upper(&segments[i - 1])
                && segments[i - 1].len() <= 6
            {
                chosen = Some(i - 1);
            }
            break;
        }
        let seg = &segments[chosen?];
        if seg.len() > 10 {
            return None;
        }
        let mut seg = seg.as_slice();
        while let Some(&(a, b)) = seg.first() {
            let w = region[a..b].to_lowercase();
            if self.title.contains(&w) || matches!(w.as_str(), "but" | "so" | "then" | "and") {
                seg = &seg[1..];
            } else {
                break;
            }
        }
        let (a, b) = trim_span(text, s0 + seg.first()?.0, s0 + seg.last()?.1);
        let s = &text[a..b];
        let first = s.chars().next()?;
        let lower = s.to_lowercase();
        let ok = first.is_uppercase()
            || self.pronoun.contains(&lower)
            || [
                "the ", "a ", "an ", "two ", "three ", "four ", "five ", "his ", "her ", "their ",
            ]
            .iter()
            .any(|d| lower.starts_with(d));
        (ok && a < b).then(|| Span::new(a, b))
    }

    /// Canonical name for a subject from the document's entities, if any.
    pub fn canonical(&self, doc: &Document, span: Span) -> Option<String> {
        let s = doc.slice(span).to_lowercase();
        if self.pronoun.contains(&s) {
            return doc
                .entities
                .iter()
                .rev()
                .find(|e| e.label == Label::Person && e.span.end <= span.start)
                .map(|e| e.canonical.clone());
        }
        let inside: Vec<_> = doc
            .entities
            .iter()
            .filter(|e| {
                span.contains(&e.span)
                    && matches!(e.label, Label::Person | Label::Org | Label::Norp)
            })
            .collect();
        match inside.as_slice() {
            [e] if e.label != Label::Norp || e.span == span => Some(e.canonical.clone()),
            _ => None,
        }
    }

    pub fn mention(&self, doc: &Document, span: Span) -> Mention {
        Mention {
            span,
            canonical: self.canonical(doc, span),
        }
    }

    /// The offense phrase that starts at `pos`, up to a stop word or punctuation.
    fn offense_phrase(&self, text: &str, pos: usize, end: usize) -> Option<Span> {
        let mut stop = end;
        for (i, c) in text[pos..end].char_indices() {
            if matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '!' | '?' | '"' | '“' | '”' | '—' | '–'
            ) || c == '.' && text[pos + i + 1..end].starts_with(|c: char| c.is_whitespace())
                || c == '.' && pos + i + 1 == end
            {
                stop = pos + i;
                break;
            }
        }
        if let Some(h) = self.offense_stops.find(text, pos, stop).next() {
            stop = h.start;
        }
        let ws = words(&text[pos..stop]);
        if ws.len() > 12 {
            stop = pos + ws[11].1;
        }
        let (mut a, b) = trim_span(text, pos, stop);
        if a >= b {
            return None;
        }
        let lower = normalize(&text[a..b]);
        if self
            .offense_reject
            .iter()
            .any(|r| lower == *r || lower.starts_with(&format!("{r} ")))
            || lower.starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        // A doubled word ("sending the sending of leaflets"): keep the second.
        let ws = words(&text[a..b]);
        if ws.len() >= 3 {
            let w0 = &text[a + ws[0].0..a + ws[0].1];
            let w1 = &text[a + ws[1].0..a + ws[1].1];
            let w2 = &text[a + ws[2].0..a + ws[2].1];
            if w1.eq_ignore_ascii_case("the") && w0.eq_ignore_ascii_case(w2) {
                a += ws[1].0;
            }
        }
        Some(Span::new(a, b))
    }

    /// Offense candidates in `text[s0..s1]`: (span, cue start, scope).
    pub fn offenses(&self, text: &str, s0: usize, s1: usize) -> Vec<(Span, usize, OffenseScope)> {
        let s = &text[s0..s1];
        let mut out = Vec::new();
        for (re, scope) in &self.offense_cues {
            for c in re.captures_iter(s) {
                let m = c.get(0).expect("match");
                let span = match c.name("o") {
                    Some(o) => Some(Span::new(s0 + o.start(), s0 + o.end())),
                    None => self.offense_phrase(text, s0 + m.end(), s1),
                };
                if let Some(span) = span {
                    out.push((span, s0 + m.start(), *scope));
                }
            }
        }
        out.sort_by_key(|o| o.0);
        out
    }

    /// Law mentions in `text[s0..s1]` (plus LAW entities), sorted, not overlapping.
    pub fn laws(&self, doc: &Document, s0: usize, s1: usize) -> Vec<Span> {
        let text = &doc.text;
        let s = &text[s0..s1];
        let mut all = Vec::new();
        for re in &self.laws {
            for m in re.find_iter(s) {
                let mut a = s0 + m.start();
                let b = s0 + m.end();
                for the in ["the ", "The "] {
                    if text[a..b].starts_with(the) {
                        a += the.len();
                    }
                }
                if a < b {
                    all.push(Span::new(a, b));
                }
            }
        }
        for e in &doc.entities {
            if e.label == Label::Law && e.span.start >= s0 && e.span.end <= s1 {
                all.push(e.span);
            }
        }
        all.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
        let mut out: Vec<Span> = Vec::new();
        for sp in all {
            if out.last().is_some_and(|l| l.overlaps(&sp)) {
                continue;
            }
            out.push(sp);
        }
        out
    }
}
