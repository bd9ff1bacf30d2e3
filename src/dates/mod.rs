//! Dates and times: TIMEX3 tagging and normalization (TimeML conventions).
//!
//! Mechanism: one Aho-Corasick automaton over trigger words (month and day names,
//! units, reference words, digits …) marks the sentences worth looking at; only
//! those run the rule table (`patterns/dates/rules.tsv`), and only the rules a
//! `RegexSet` says match. Overlapping matches are resolved longest-first; each
//! match is normalized against the document creation time (`dct`), with the
//! sentence's tense deciding the direction of bare weekdays and months.

pub mod calendar;
pub mod lexicon;
pub mod normalize;
pub mod rules;

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use anyhow::{bail, Context, Result};
use chrono::NaiveDate;

use crate::document::{Document, Span, Timex};
use crate::patterns::{lines, word_list, Patterns};

use calendar::Tense;
use lexicon::Lexicon;
use rules::RuleTable;

/// Lists whose entries make a sentence a candidate.
const TRIGGER_LISTS: &[&str] = &[
    "months",
    "weekdays",
    "units",
    "refs",
    "deictic",
    "sets",
    "holidays",
    "seasons",
    "parts_of_day",
];

pub struct DateTagger {
    pub(crate) lex: Lexicon,
    pub(crate) rules: RuleTable,
    prefilter: AhoCorasick,
    cue_automaton: AhoCorasick,
    cue_tenses: Vec<Tense>,
    pub(crate) context: HashSet<String>,
    pub day_first: bool,
    numeric: regex::Regex,
}

/// One rule match before overlap resolution.
struct Candidate {
    span: Span,
    rule: usize,
    timex: Timex,
}

impl DateTagger {
    pub fn new(patterns: &Patterns, day_first: bool) -> Result<Self> {
        let lex = Lexicon::load(patterns)?;
        let rules = RuleTable::load(patterns, &lex)?;
        let mut triggers: Vec<String> = (0..10).map(|d| d.to_string()).collect();
        triggers.extend(
            word_list(patterns.require("dates/triggers.tsv")?).map(|w| w.to_ascii_lowercase()),
        );
        for name in TRIGGER_LISTS {
            for key in lex.list(name).entries.keys() {
                // The first word is enough to trigger ("christmas day" → "christmas").
                let first = key.split([' ', '-']).next().unwrap_or(key);
                let first = first.trim_end_matches('.');
                if first.len() >= 2 {
                    triggers.push(first.to_string());
                }
            }
        }
        triggers.sort();
        triggers.dedup();
        let prefilter = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(&triggers)
            .context("building the date trigger automaton")?;
        let tense = patterns.require("dates/tense.tsv")?;
        let mut cues = Vec::new();
        let mut cue_tenses = Vec::new();
        for line in lines(tense) {
            let t = match line.col(1) {
                "future" => Tense::Future,
                "past" => Tense::Past,
                other => bail!(
                    "dates/tense.tsv:{}: tense must be future or past, not {other:?}",
                    line.number
                ),
            };
            cues.push(line.col(0).to_lowercase());
            cue_tenses.push(t);
        }
        let cue_automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&cues)
            .context("building the tense cue automaton")?;
        let context = word_list(patterns.require("dates/context.tsv")?)
            .map(|w| w.to_lowercase())
            .collect();
        Ok(DateTagger {
            lex,
            rules,
            prefilter,
            cue_automaton,
            cue_tenses,
            context,
            day_first,
            numeric: regex::Regex::new(r"(?-u:\b)(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}(?-u:\b)")
                .expect("valid numeric date regex"),
        })
    }

    /// Fills `doc.dates`.
    pub fn run(&self, doc: &mut Document) {
        let dates = self.tag(&doc.text, &doc.sentences, doc.dct);
        doc.dates = dates;
    }

    /// TIMEX3 expressions of a text with its sentences, resolved against `dct`.
    pub fn tag(&self, text: &str, sentences: &[Span], dct: Option<NaiveDate>) -> Vec<Timex> {
        let whole = [Span::new(0, text.len())];
        let sentences = if sentences.is_empty() {
            &whole[..]
        } else {
            sentences
        };
        let day_first = self.day_first || self.day_first_document(text);
        let mut out = Vec::new();
        let mut pos = 0;
        let mut si = 0;
        while pos < text.len() {
            let Some(m) = self.prefilter.find(Input::new(text).range(pos..)) else {
                break;
            };
            while si < sentences.len() && sentences[si].end <= m.start() {
                si += 1;
            }
            if si == sentences.len() {
                break;
            }
            let s = sentences[si];
            if m.start() < s.start {
                pos = s.start;
                continue;
            }
            self.tag_sentence(text, s, dct, day_first, &mut out);
            pos = s.end;
            si += 1;
        }
        out
    }

    /// A document that writes any numeric date day-first (18/12/2020) writes them
    /// all that way, so its ambiguous ones (02/09/1976) are read day-first too.
    fn day_first_document(&self, text: &str) -> bool {
        if memchr::memchr2(b'/', b'.', text.as_bytes()).is_none() {
            return false;
        }
        self.numeric.captures_iter(text).any(|c| {
            let a: u32 = c[1].parse().unwrap_or(0);
            let b: u32 = c[2].parse().unwrap_or(0);
            a > 12 && (1..=12).contains(&b)
        })
    }

    fn tag_sentence(
        &self,
        text: &str,
        s: Span,
        dct: Option<NaiveDate>,
        day_first: bool,
        out: &mut Vec<Timex>,
    ) {
        let sent = &text[s.start..s.end];
        let mut cands: Vec<Candidate> = Vec::new();
        let mut tense = None;
        for ri in self.rules.set.matches(sent).iter() {
            let rule = &self.rules.rules[ri];
            for caps in rule.re.captures_iter(sent) {
                let m = caps.get(0).expect("group 0");
                let cues = tense.get_or_insert_with(|| self.tense_cues(sent));
                let ctx = normalize::Ctx {
                    tagger: self,
                    sent,
                    dct,
                    day_first,
                    tense: nearest_tense(cues, m.start(), m.end()),
                };
                let Some((kind, value, anchored)) = ctx.normalize(rule, &caps) else {
                    continue;
                };
                let (mut a, b) = caps
                    .name("t")
                    .map_or((m.start(), m.end()), |t| (t.start(), t.end()));
                if let Some(num) = caps.name("num").filter(|n| n.start() == a) {
                    if let Some(n) = lexicon::article_len(num.as_str()) {
                        a += n;
                    }
                }
                cands.push(Candidate {
                    span: Span::new(s.start + a, s.start + b),
                    rule: ri,
                    timex: Timex {
                        span: Span::new(s.start + a, s.start + b),
                        kind,
                        value,
                        anchored,
                        rule: rule.name.clone(),
                    },
                });
            }
        }
        if cands.is_empty() {
            return;
        }
        cands.sort_by(|x, y| {
            y.span
                .len()
                .cmp(&x.span.len())
                .then(x.rule.cmp(&y.rule))
                .then(x.span.start.cmp(&y.span.start))
        });
        let first = out.len();
        let mut blocked: Vec<Span> = Vec::new();
        for c in cands {
            if blocked.iter().any(|b| b.overlaps(&c.span))
                || out[first..].iter().any(|t| t.span.overlaps(&c.span))
            {
                continue;
            }
            // `NONE` (patterns/dates/refs.tsv): not a time expression, but it
            // keeps the shorter matches inside it out ("as soon as").
            if c.timex.value == "NONE" {
                blocked.push(c.span);
                continue;
            }
            out.push(c.timex);
        }
        out[first..].sort_by_key(|t| t.span.start);
        for i in first..out.len() {
            if out[i].value.starts_with(normalize::ANAPHOR) {
                let resolved = normalize::resolve_anaphor(&out[i].value, &out[..i], dct);
                match resolved {
                    Some((kind, value)) => {
                        out[i].kind = kind;
                        out[i].value = value;
                    }
                    None => out[i].value = "XXXX-XX-XX".into(),
                }
            }
        }
    }

    /// Tense cues of a sentence: (start, end, tense) of each cue phrase and of each
    /// word ending in "-ed" (a past-tense verb, usually).
    fn tense_cues(&self, sent: &str) -> Vec<(usize, usize, Tense)> {
        let b = sent.as_bytes();
        let mut cues = Vec::new();
        for m in self.cue_automaton.find_iter(sent) {
            let before_ok = m.start() == 0
                || !b[m.start()].is_ascii_alphanumeric()
                || !b[m.start() - 1].is_ascii_alphanumeric();
            let after_ok = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
            if before_ok && after_ok {
                cues.push((m.start(), m.end(), self.cue_tenses[m.pattern().as_usize()]));
            }
        }
        let mut start = 0;
        for (i, c) in sent
            .char_indices()
            .chain(std::iter::once((sent.len(), ' ')))
        {
            if c.is_alphanumeric() || c == '\'' {
                continue;
            }
            let w = &sent[start..i];
            // A passive participle ("will be sentenced") says nothing of tense.
            let prev = sent[..start].trim_end();
            let pb = prev.as_bytes();
            let passive = ["be", "been", "being"].iter().any(|aux| {
                pb.len() >= aux.len()
                    && pb[pb.len() - aux.len()..].eq_ignore_ascii_case(aux.as_bytes())
                    && (pb.len() == aux.len()
                        || !pb[pb.len() - aux.len() - 1].is_ascii_alphanumeric())
            });
            if w.len() >= 5
                && w.ends_with("ed")
                && !passive
                && !cues.iter().any(|&(s, e, _)| s <= start && i <= e)
            {
                cues.push((start, i, Tense::Past));
            }
            start = i + c.len_utf8();
        }
        cues
    }
}

/// The tense of the cue nearest to a span (past when there is none).
fn nearest_tense(cues: &[(usize, usize, Tense)], start: usize, end: usize) -> Tense {
    cues.iter()
        .filter(|&&(s, e, _)| e <= start || s >= end)
        .min_by_key(|&&(s, e, _)| if e <= start { start - e } else { s - end })
        .map_or(Tense::Past, |&(_, _, t)| t)
}
