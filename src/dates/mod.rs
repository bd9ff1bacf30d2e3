//! Dates and times: TIMEX3 tagging and normalization (TimeML conventions).
//!
//! Mechanism: one pass of an Aho-Corasick automaton over trigger words (month and
//! day names, units, reference words, digits …) per document; each trigger that
//! passes a cheap check (words stand alone, numbers look like dates or precede a
//! trigger word) opens a small window, and only windows run the rule table
//! (`patterns/dates/rules.tsv`), and only the rules the rule set says match, each
//! up to where the set saw its last match end (the whole sentence is rerun when a
//! match reaches a window edge). Overlapping matches are resolved longest-first
//! before any normalization or capture extraction (captures are memoized per
//! thread, see [`rules::CapsMemo`]); the survivors are normalized against the document creation time
//! (`dct`), with the sentence's tense (computed only when asked) deciding the
//! direction of bare weekdays and months.

pub mod calendar;
pub mod lexicon;
pub mod normalize;
pub mod rules;
mod trigger;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use aho_corasick::{
    dfa, AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, MatchKind, StartKind,
};
use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use regex_automata::{Input as ReInput, PatternSet};

use crate::document::{Document, Rule, Span, Timex, TimexType};
use crate::patterns::{lines, word_list, Patterns};

use calendar::Tense;
use lexicon::Lexicon;
use rules::{g, RuleTable};

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
    /// The trigger automaton, stepped by [`DateTagger::find_trigger`].
    prefilter: trigger::TriggerDfa,
    /// Per prefilter pattern: is it a digit (numbers get a closer look).
    digit_trigger: Vec<bool>,
    cue_automaton: AhoCorasick,
    /// Per cue: its tense, or none for a word that only keeps the "-ed" test off
    /// ("indeed", "hundred"); and whether it is also a participle (no cue after
    /// "be"/"been"/"being": "will be brought").
    cue_tenses: Vec<(Option<Tense>, bool)>,
    /// Words after which a word in "-ed" is an adjective, not a past-tense verb
    /// ("a still unspecified date"), and adverbs that may stand between.
    determiners: HashSet<String>,
    determiner_adverbs: HashSet<String>,
    /// Nouns of amounts: a frequency word (sets.tsv) before one makes a rate.
    pub(crate) rate_nouns: HashSet<String>,
    /// `weekly_events.tsv`: "Friday prayers" is no date, "his Sunday Mass" is.
    pub(crate) weekly_events: HashSet<String>,
    pub(crate) weekly_definite: HashSet<String>,
    /// Words before "4 in the morning" that make it a clock time.
    pub(crate) clock_prepositions: HashSet<String>,
    /// Words joining two dates that share the second one's year.
    range_connectors: HashSet<String>,
    range_openers: HashSet<String>,
    /// `events.tsv`: word → kind of event, for "the same day".
    events: HashMap<String, u16>,
    /// The rule name of a bare day before a range connector ("between [21] and 28 October").
    day_range_rule: Rule,
    pub(crate) context: HashSet<String>,
    pub day_first: bool,
    numeric: regex::Regex,
    /// "14 June 2023" (day before month) and "June 14, 2023" (month before day).
    day_month: regex::Regex,
    pub(crate) month_day: regex::Regex,
}

/// Buffers reused across the sentences of one document.
struct Scratch<'a> {
    /// The current sentence's trigger windows (text offsets, sorted, disjoint).
    windows: Vec<Span>,
    /// Which rules the set says match in a window.
    which: PatternSet,
    /// Per rule in `which`: where its last match in the window ends.
    last_end: Vec<usize>,
    set_cache: rules::SetCache<'a>,
    /// The current sentence's rule matches.
    cands: Vec<Candidate<'a>>,
}

/// One rule match before overlap resolution (normalized only if it survives).
struct Candidate<'h> {
    span: Span,
    rule: usize,
    /// The whole match, sentence-relative, and the end of the haystack it was found in.
    m: Span,
    hay_end: usize,
    /// Captures, taken at once only by rules whose span depends on them (`t`, `num`);
    /// the others take them only if they survive overlap resolution.
    caps: Option<rules::Caps<'h>>,
}

impl DateTagger {
    pub fn new(patterns: &Patterns, day_first: bool) -> Result<Self> {
        let lex = Lexicon::load(patterns)?;
        // Capitalized month names from months.tsv, longest first.
        let mut months: Vec<String> = lex
            .list("months")
            .entries
            .keys()
            .filter(|k| k.len() >= 3)
            .map(|k| {
                let mut c = k.chars();
                let first = c.next().map(|f| f.to_uppercase().collect::<String>());
                regex::escape(&(first.unwrap_or_default() + c.as_str()))
            })
            .collect();
        months.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let months = months.join("|");
        let day_month = regex::Regex::new(&format!(
            r"(?-u:\b)\d{{1,2}}(?:st|nd|rd|th)? (?:{months})(?-u:\b)"
        ))?;
        let month_day = regex::Regex::new(&format!(
            r"(?-u:\b)(?:{months}) \d{{1,2}}(?:st|nd|rd|th)?(?-u:\b)"
        ))?;
        let rules = RuleTable::load(patterns, &lex)?;
        let mut triggers: Vec<String> = (0..10).map(|d| d.to_string()).collect();
        triggers.extend(
            word_list(patterns.require("dates/triggers.tsv")?).map(|w| w.to_ascii_lowercase()),
        );
        for name in TRIGGER_LISTS {
            for key in lex.list(name).entries.keys() {
                // One word of a phrase is enough to trigger, since the whole phrase
                // must be there to match: the longest, which is the rarest as a rule
                // ("the day before yesterday" → "yesterday", not "the").
                let word = key
                    .split([' ', '-'])
                    .map(|w| w.trim_end_matches('.'))
                    .fold("", |best, w| if w.len() > best.len() { w } else { best });
                if word.len() >= 2 {
                    triggers.push(word.to_string());
                }
            }
        }
        triggers.sort();
        triggers.dedup();
        // Longest match, so that "sept" does not stop "september" at a non-boundary.
        // No prefilter: triggers start with most letters and every digit, so it
        // would only make the start state special (a branch per byte).
        let prefilter = dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .prefilter(false)
            .build(&triggers)
            .context("building the date trigger automaton")?;
        let prefilter = trigger::TriggerDfa::new(&prefilter)?;
        let tense = patterns.require("dates/tense.tsv")?;
        let mut cues = Vec::new();
        let mut cue_tenses = Vec::new();
        for line in lines(tense) {
            let t = match line.col(1) {
                "future" => Some(Tense::Future),
                "past" => Some(Tense::Past),
                "before" => Some(Tense::Before),
                "none" => None,
                other => bail!(
                    "dates/tense.tsv:{}: tense must be future, past, before or none, not {other:?}",
                    line.number
                ),
            };
            let participle = match line.col(2) {
                "" => false,
                "participle" => true,
                other => bail!(
                    "dates/tense.tsv:{}: the flag must be participle, not {other:?}",
                    line.number
                ),
            };
            cues.push(line.col(0).to_lowercase());
            cue_tenses.push((t, participle));
        }
        let cue_automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&cues)
            .context("building the tense cue automaton")?;
        let context = word_list(patterns.require("dates/context.tsv")?)
            .map(|w| w.to_lowercase())
            .collect();
        let [determiners, determiner_adverbs] =
            flagged_sets(patterns, "dates/determiners.tsv", ["", "adverb"])?;
        let rate_nouns = word_list(patterns.require("dates/rate_nouns.tsv")?)
            .map(|w| w.to_lowercase())
            .collect();
        let [weekly_events, weekly_definite] =
            flagged_sets(patterns, "dates/weekly_events.tsv", ["event", "definite"])?;
        let clock_prepositions = word_list(patterns.require("dates/clock_prepositions.tsv")?)
            .map(|w| w.to_lowercase())
            .collect();
        let range_connectors = word_list(patterns.require("dates/range_connectors.tsv")?)
            .map(|w| w.to_lowercase())
            .collect();
        let range_openers = word_list(patterns.require("dates/range_openers.tsv")?)
            .map(|w| w.to_lowercase())
            .collect();
        let mut events = HashMap::new();
        let mut kinds: Vec<String> = Vec::new();
        for line in lines(patterns.require("dates/events.tsv")?) {
            let kind = line.col(1);
            if kind.is_empty() {
                bail!(
                    "dates/events.tsv:{}: a kind of event is missing",
                    line.number
                );
            }
            let k = match kinds.iter().position(|x| x == kind) {
                Some(k) => k,
                None => {
                    kinds.push(kind.to_string());
                    kinds.len() - 1
                }
            };
            events.insert(line.col(0).to_lowercase(), u16::try_from(k)?);
        }
        Ok(DateTagger {
            lex,
            rules,
            prefilter,
            digit_trigger: triggers
                .iter()
                .map(|t| t.bytes().all(|c| c.is_ascii_digit()))
                .collect(),
            cue_automaton,
            cue_tenses,
            determiners,
            determiner_adverbs,
            rate_nouns,
            weekly_events,
            weekly_definite,
            clock_prepositions,
            range_connectors,
            range_openers,
            events,
            day_range_rule: Rule::from("dates/day_range"),
            context,
            day_first,
            numeric: regex::Regex::new(r"(?-u:\b)(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}(?-u:\b)")
                .expect("valid numeric date regex"),
            day_month,
            month_day,
        })
    }

    /// Fills `doc.dates`.
    pub fn run(&self, doc: &mut Document) {
        let mut dates = self.tag(&doc.text, &doc.sentences, doc.dct);
        // a weekday or month inside a person's name ("Friday Olokor", "June
        // Almeida") is no date; the entities stage ran first (a date that is the
        // whole "name" stays: "Founders Day" is no person)
        let persons = || {
            doc.entities
                .iter()
                .filter(|e| e.label == crate::document::Label::Person)
        };
        if persons().next().is_some() {
            dates.retain(|t| {
                !persons().any(|e| {
                    e.span != t.span && e.span.start <= t.span.start && t.span.end <= e.span.end
                })
            });
        }
        doc.dates = dates;
    }

    /// TIMEX3 expressions of a text with its sentences, resolved against `dct`.
    ///
    /// One pass of the trigger automaton over the whole text; each trigger that
    /// survives a cheap word-level check (`accept`) opens a window of about
    /// `WINDOW_LEFT`/`WINDOW_RIGHT` bytes around it, snapped to whitespace and
    /// clipped to its sentence. Only windows run the rule regexes.
    pub fn tag(&self, text: &str, sentences: &[Span], dct: Option<NaiveDate>) -> Vec<Timex> {
        let whole = [Span::new(0, text.len())];
        let sentences = if sentences.is_empty() {
            &whole[..]
        } else {
            sentences
        };
        let day_first = OnceCell::new();
        let day_first =
            || *day_first.get_or_init(|| self.day_first || self.day_first_document(text));
        let mut out = Vec::new();
        let mut scratch = Scratch {
            windows: Vec::new(),
            which: PatternSet::new(self.rules.set.pattern_len()),
            last_end: vec![0; self.rules.set.pattern_len()],
            set_cache: self.rules.set.cache(),
            cands: Vec::new(),
        };
        let mut cur: Option<usize> = None;
        let mut si = 0;
        let bytes = text.as_bytes();
        let mut pos = 0;
        while let Some((pattern, ms, me)) = self.find_trigger(bytes, pos, Anchored::No) {
            // A number is one trigger however many digits it has.
            pos = if self.digit_trigger[pattern] {
                ms + bytes[ms..]
                    .iter()
                    .position(|b| !b.is_ascii_digit())
                    .unwrap_or(bytes.len() - ms)
            } else {
                me
            };
            let Some((ts, te)) = self.accept(text, ms, me, pattern) else {
                continue;
            };
            while si < sentences.len() && sentences[si].end <= ts {
                si += 1;
            }
            if si == sentences.len() {
                break;
            }
            let s = sentences[si];
            if ts < s.start {
                continue;
            }
            if cur != Some(si) {
                if let Some(c) = cur {
                    self.tag_sentence(text, sentences, c, &mut scratch, dct, &day_first, &mut out);
                }
                scratch.windows.clear();
                cur = Some(si);
            }
            let w = window(text, s, ts, te.min(s.end));
            match scratch.windows.last_mut() {
                Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
                _ => scratch.windows.push(w),
            }
        }
        if let Some(c) = cur {
            self.tag_sentence(text, sentences, c, &mut scratch, dct, &day_first, &mut out);
        }
        out
    }

    /// Whether the trigger match `start..end` (automaton pattern `pattern`) can
    /// begin or belong to a time expression; returns the trigger's extent.
    /// Words must stand alone (not "dec" in "decision"). A number counts when it
    /// looks like a year, is glued to date punctuation or a suffix ("18th",
    /// "1990s", "10:30", "12/18"), follows a letter ("Q1", "FY2020"), or is
    /// followed by a trigger word ("three years", "18 December") or am/pm;
    /// "45 groups" is rejected without running any regex.
    fn accept(
        &self,
        text: &str,
        start: usize,
        end: usize,
        pattern: usize,
    ) -> Option<(usize, usize)> {
        let b = text.as_bytes();
        if start > 0 && b[start - 1].is_ascii_alphanumeric() && !self.digit_trigger[pattern] {
            return None;
        }
        if !self.digit_trigger[pattern] {
            if end < b.len() && b[end].is_ascii_alphabetic() {
                return None;
            }
            return Some((start, end));
        }
        let mut e = start;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        if start > 0 && b[start - 1].is_ascii_alphabetic() {
            return Some((start, e));
        }
        if e - start == 4 && matches!(b[start], b'1' | b'2') {
            return Some((start, e));
        }
        match b.get(e) {
            Some(b':' | b'/' | b'-' | b'\'') => return Some((start, e)),
            Some(b'.') if b.get(e + 1).is_some_and(u8::is_ascii_digit) => return Some((start, e)),
            Some(c) if c.is_ascii_alphabetic() => {
                // "18th", "1990s", "10am", "5years": any glued letters are worth a look.
                return Some((start, e));
            }
            _ => {}
        }
        let mut p = e;
        while p < b.len() && b[p].is_ascii_whitespace() && p - e < 4 {
            p += 1;
        }
        if p == e || p >= b.len() {
            return None;
        }
        let c0 = b[p].to_ascii_lowercase();
        if (c0 == b'a' || c0 == b'p')
            && (b.get(p + 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'm'))
                || (b.get(p + 1) == Some(&b'.')
                    && b.get(p + 2).is_some_and(|c| c.eq_ignore_ascii_case(&b'm'))))
        {
            return Some((start, e));
        }
        let (next, _, next_end) = self.find_trigger(b, p, Anchored::Yes)?;
        if self.digit_trigger[next] || (next_end < b.len() && b[next_end].is_ascii_alphabetic()) {
            return None;
        }
        Some((start, e))
    }

    /// The leftmost-longest trigger in `hay[from..]` (starting at `from` if
    /// `anchored`): (pattern, start, end).
    #[inline]
    fn find_trigger(
        &self,
        hay: &[u8],
        from: usize,
        anchored: Anchored,
    ) -> Option<(usize, usize, usize)> {
        self.prefilter.find(hay, from, anchored.is_anchored())
    }

    /// A document that writes any numeric date day-first (18/12/2020) writes them
    /// all that way, so its ambiguous ones (02/09/1976) are read day-first too; so
    /// does one that writes its dates with the day before the month ("14 June
    /// 2023") more often than after it ("June 14, 2023").
    fn day_first_document(&self, text: &str) -> bool {
        if memchr::memchr2(b'/', b'.', text.as_bytes()).is_none() {
            return false;
        }
        let numeric = self.numeric.captures_iter(text).any(|c| {
            let a: u32 = c[1].parse().unwrap_or(0);
            let b: u32 = c[2].parse().unwrap_or(0);
            a > 12 && (1..=12).contains(&b)
        });
        numeric || self.day_month.find_iter(text).count() > self.month_day.find_iter(text).count()
    }

    #[allow(clippy::too_many_arguments)]
    fn tag_sentence<'a>(
        &'a self,
        text: &'a str,
        sentences: &[Span],
        si: usize,
        scratch: &mut Scratch<'a>,
        dct: Option<NaiveDate>,
        day_first: &dyn Fn() -> bool,
        out: &mut Vec<Timex>,
    ) {
        let Scratch {
            windows,
            which,
            last_end,
            set_cache,
            cands,
        } = scratch;
        let s = sentences[si];
        let sent = &text[s.start..s.end];
        cands.clear();
        let tense = OnceCell::new();
        let mut found = Found {
            which,
            last_end,
            cache: set_cache,
        };
        if !self.match_windows(sent, s.start, windows, &mut found, cands) {
            // A match touched a window edge: it might have gone on. Redo the sentence.
            cands.clear();
            let all = [s];
            self.match_windows(sent, s.start, &all, &mut found, cands);
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
        for c in cands.drain(..) {
            if blocked.iter().any(|b| b.overlaps(&c.span))
                || out[first..].iter().any(|t| t.span.overlaps(&c.span))
            {
                continue;
            }
            let rule = &self.rules.rules[c.rule];
            let m = c.m;
            let Some(caps) = c.caps.or_else(|| {
                rule.captures_of(&sent[..c.hay_end], m.start, m.end, &mut found.cache.memo)
            }) else {
                continue;
            };
            let tense_of = || {
                let cues = tense.get_or_init(|| self.tense_cues(sent));
                nearest_tense(sent, cues, m.start, m.end)
            };
            let ctx = normalize::Ctx {
                tagger: self,
                sent,
                dct,
                day_first,
                tense: &tense_of,
            };
            // A match that does not normalize leaves room for shorter ones.
            let normalized = ctx.normalize(rule, &caps);
            found.cache.memo.give_back(rule, caps);
            let Some((kind, value, anchored)) = normalized else {
                continue;
            };
            // `NONE` (patterns/dates/refs.tsv): not a time expression, but it
            // keeps the shorter matches inside it out ("as soon as").
            if value == "NONE" {
                blocked.push(c.span);
                continue;
            }
            out.push(Timex {
                span: c.span,
                kind,
                value,
                anchored,
                rule: rule.name.clone(),
            });
        }
        out[first..].sort_by_key(|t| t.span.start);
        self.share_years(text, &mut out[first..]);
        self.range_days(text, out, first);
        self.range_days_after(text, out, first);
        for i in first..out.len() {
            if out[i].value.starts_with(normalize::ANAPHOR) {
                let upto = self.same_event_date(text, sentences, out, first, i);
                let resolved =
                    normalize::resolve_anaphor(&out[i].value, &out[..upto], &out[first..i], dct);
                match resolved {
                    Some((kind, value)) => {
                        out[i].kind = kind;
                        out[i].value = value;
                    }
                    None => out[i].value = "XXXX-XX-XX".into(),
                }
            }
        }
        clock_days(&mut out[first..]);
    }

    /// How many of the dates before the anaphor `out[i]` it may look back to:
    /// all (`i`), unless it is a "same" day ("the same day", "that day") with no
    /// date before it in its sentence, the sentence of the nearest earlier date
    /// tells only of events of other kinds than its own sentence does, and an
    /// earlier date's sentence tells of one of its kinds (patterns/dates/events.tsv):
    /// "… which on 6 March sentenced him. He had been arrested on 14 August. In a
    /// separate judgment delivered the same day, …" → up to 6 March.
    fn same_event_date(
        &self,
        text: &str,
        sentences: &[Span],
        out: &[Timex],
        first: usize,
        i: usize,
    ) -> usize {
        let day_anaphor = out[i]
            .value
            .strip_prefix(normalize::ANAPHOR)
            .and_then(|v| v.strip_prefix("0:"))
            .and_then(|v| v.split(':').next())
            .is_some_and(|unit| !matches!(unit, "week" | "month" | "year" | "quarter"));
        if !day_anaphor || first < i || self.events.is_empty() {
            return i;
        }
        let is_day = |t: &Timex| {
            let v = t.value.as_bytes();
            v.len() >= 10
                && v[..4].iter().all(u8::is_ascii_digit)
                && v[5..7].iter().all(u8::is_ascii_digit)
                && v[8..10].iter().all(u8::is_ascii_digit)
        };
        let sentence_of = |at: usize| {
            let k = sentences.partition_point(|s| s.end <= at);
            sentences
                .get(k)
                .map_or(&text[..0], |s| &text[s.start..s.end])
        };
        let own = self.event_kinds(sentence_of(out[i].span.start));
        if own.is_empty() {
            return i;
        }
        let mut days = (0..i).rev().filter(|&j| is_day(&out[j]));
        let Some(nearest) = days.next() else {
            return i;
        };
        let near = self.event_kinds(sentence_of(out[nearest].span.start));
        if near.is_empty() || near.iter().any(|k| own.contains(k)) {
            return i;
        }
        for j in days {
            let kinds = self.event_kinds(sentence_of(out[j].span.start));
            if kinds.iter().any(|k| own.contains(k)) {
                return j + 1;
            }
        }
        i
    }

    /// The kinds of event (patterns/dates/events.tsv) a sentence tells of.
    fn event_kinds(&self, sent: &str) -> Vec<u16> {
        let mut kinds = Vec::new();
        for w in sent.split(|c: char| !c.is_alphabetic()) {
            if w.len() < 3 {
                continue;
            }
            if let Some(&k) = self.events.get(&w.to_lowercase()) {
                if !kinds.contains(&k) {
                    kinds.push(k);
                }
            }
        }
        kinds
    }

    /// "between February and April 2023": a month or day written without a year,
    /// joined by a range connector to a date that writes one, takes that year
    /// (instead of the year the document date or the tense gave it).
    fn share_years(&self, text: &str, ts: &mut [Timex]) {
        for i in (0..ts.len().saturating_sub(1)).rev() {
            let (a, b) = (&ts[i], &ts[i + 1]);
            if a.kind != TimexType::Date || b.kind != TimexType::Date {
                continue;
            }
            let gap = text[a.span.end..b.span.start].trim_matches([' ', ',']);
            if gap.is_empty() || !self.range_connectors.contains(&gap.to_lowercase()) {
                continue;
            }
            let written = |t: &Timex| writes_year(text, t.span);
            // both calendar dates (YYYY-MM or YYYY-MM-DD), only the second with a year
            let calendar = |v: &str| {
                (v.len() == 7 || v.len() == 10)
                    && v.as_bytes()[4] == b'-'
                    && v[5..7].bytes().all(|c| c.is_ascii_digit())
            };
            if !calendar(&a.value) || !calendar(&b.value) || written(a) || !written(b) {
                continue;
            }
            let year = b.value[..4].to_string();
            if !year.bytes().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let a = &mut ts[i];
            a.value.replace_range(..4, &year);
            a.anchored = false;
        }
        // "the December 2023 Christmas Eve attacks": a date without a year right
        // after a month that writes its year, in the same month, is in that year
        // (a year alone is left out: "the 2019 Easter bombings" would need the
        // holiday computed again)
        for i in 1..ts.len() {
            let (a, b) = (&ts[i - 1], &ts[i]);
            if a.kind != TimexType::Date
                || b.kind != TimexType::Date
                || !text[a.span.end..b.span.start].trim_matches(' ').is_empty()
                || !writes_year(text, a.span)
                || writes_year(text, b.span)
                || !b.anchored
            {
                continue;
            }
            let (av, bv) = (a.value.as_bytes(), b.value.as_bytes());
            let year = |v: &[u8]| v.len() >= 4 && v[..4].iter().all(u8::is_ascii_digit);
            let month = |v: &[u8]| (v.len() >= 7 && v[4] == b'-').then(|| v[5..7].to_vec());
            if !year(av) || !year(bv) || month(bv).is_none() {
                continue;
            }
            if month(av).is_none() || month(av) != month(bv) {
                continue;
            }
            let y = a.value[..4].to_string();
            let b = &mut ts[i];
            b.value.replace_range(..4, &y);
            b.anchored = false;
        }
    }

    /// The DATE of a bare day in a range (rule `dates/day_range`).
    fn range_day(&self, span: Span, value: String, anchored: bool) -> Timex {
        Timex {
            span,
            kind: TimexType::Date,
            value,
            anchored,
            rule: self.day_range_rule.clone(),
        }
    }

    /// "between 21 and 28 October", "from 3 to 5 November": a bare day number joined
    /// by a range connector to a day-first date is a date of that month.
    fn range_days(&self, text: &str, out: &mut Vec<Timex>, first: usize) {
        let n = out.len();
        for i in first..n {
            let t = &out[i];
            let Some(day) = calendar_day(t) else {
                continue;
            };
            if !text[t.span.start..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let before = text[..t.span.start].trim_end_matches(' ');
            // The connector: the word before, or a dash right after the first day
            // ("12-13 June 2025", "3–4 July").
            let dash = before
                .chars()
                .next_back()
                .filter(|c| !c.is_alphanumeric() && self.range_connectors.contains(&c.to_string()));
            let conn = match dash {
                Some(c) => &before[before.len() - c.len_utf8()..],
                None => match before.rsplit(' ').next() {
                    Some(w) => w,
                    None => continue,
                },
            };
            if conn.is_empty() || !self.range_connectors.contains(&conn.to_lowercase()) {
                continue;
            }
            let rest = before[..before.len() - conn.len()].trim_end_matches(' ');
            let digits = rest.len() - rest.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let start = rest.len() - digits;
            if !(1..=2).contains(&digits)
                || !rest[..start].ends_with(' ')
                || rest.len() == before.len()
            {
                continue;
            }
            let Ok(d) = rest[start..].parse::<u32>() else {
                continue;
            };
            let span = Span::new(start, rest.len());
            if d == 0 || d >= day || out[first..].iter().any(|o| o.span.overlaps(&span)) {
                continue;
            }
            let value = format!("{}{d:02}", &out[i].value[..8]);
            let anchored = out[i].anchored;
            out.push(self.range_day(span, value, anchored));
        }
        if out.len() > n {
            out[first..].sort_by_key(|t| t.span.start);
        }
    }

    /// "March 3 to 7", "from June 3 through 5", "April 2–4, 2024": a bare day
    /// number after a month-first date and a range connector is a date of that
    /// month. A year written right after it is the year of both (and its own
    /// timex is absorbed into the day's). Without a range opener before the first
    /// date ("from", "between": patterns/dates/range_openers.tsv) the day must be
    /// followed by punctuation, the end of the text or a year: "sentenced on
    /// March 3 to 5 years" is no range.
    fn range_days_after(&self, text: &str, out: &mut Vec<Timex>, first: usize) {
        let n = out.len();
        let mut absorbed = Vec::new();
        for i in first..n {
            let t = &out[i];
            let Some(day) = calendar_day(t) else {
                continue;
            };
            if text[t.span.start..].starts_with(|c: char| c.is_ascii_digit())
                || !text[..t.span.end].ends_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let Some((day_span, year)) = self.day_after(text, t.span.end, day) else {
                continue;
            };
            let opened = text[..t.span.start]
                .trim_end_matches(' ')
                .rsplit(' ')
                .next()
                .is_some_and(|w| self.range_openers.contains(&w.to_lowercase()));
            let tail = &text[day_span.end..];
            let closed = tail.is_empty()
                || tail.starts_with(['.', ',', ';', ':', ')', '!', '?', '\n', '\r'])
                    && !tail[1..].starts_with(|c: char| c.is_ascii_digit());
            if year.is_none() && !opened && !closed {
                continue;
            }
            // the day (and its year, which may be a timex of its own) must be free
            let whole = Span::new(day_span.start, year.map_or(day_span.end, |y| y.end));
            if out[first..]
                .iter()
                .any(|o| o.span.overlaps(&whole) && Some(o.span) != year)
            {
                continue;
            }
            let mut span = day_span;
            let mut value = out[i].value.clone();
            if let Some(y) = year {
                if let Some(k) = out[first..].iter().position(|o| o.span == y) {
                    absorbed.push(first + k);
                }
                span.end = y.end;
                value.replace_range(..4, &text[y.start..y.end]);
                // the first date takes the written year unless it writes its own
                let a = &mut out[i];
                if !writes_year(text, a.span) {
                    a.value.replace_range(..4, &text[y.start..y.end]);
                    a.anchored = false;
                }
            }
            let d = &text[day_span.start..day_span.end];
            let d = d.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            value.replace_range(8.., &format!("{:02}", d.parse::<u32>().unwrap_or(0)));
            let anchored = year.is_none() && out[i].anchored;
            out.push(self.range_day(span, value, anchored));
        }
        if out.len() > n {
            absorbed.sort_unstable();
            for k in absorbed.into_iter().rev() {
                out.remove(k);
            }
            out[first..].sort_by_key(|t| t.span.start);
        }
    }

    /// The bare day after a range connector that follows offset `at` ("to 7",
    /// "–4", "through 5th"), above `day` and at most 31, and the span of a year
    /// written right after it (", 2024"), if any.
    fn day_after(&self, text: &str, at: usize, day: u32) -> Option<(Span, Option<Span>)> {
        let rest = text[at..].trim_start_matches(' ');
        let dash = rest.starts_with(['-', '–', '—']);
        let conn_len = if dash {
            rest.chars().next().map_or(0, char::len_utf8)
        } else {
            rest.find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len())
        };
        let conn = &rest[..conn_len];
        if conn_len == 0 || !self.range_connectors.contains(&conn.to_lowercase()) {
            return None;
        }
        let after = &rest[conn_len..];
        if !dash && !after.starts_with(' ') {
            return None;
        }
        let digits_at = after.trim_start_matches(' ');
        let n = digits_at.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&n) {
            return None;
        }
        let d: u32 = digits_at[..n].parse().ok()?;
        if d <= day || d > 31 {
            return None;
        }
        let start = text.len() - digits_at.len();
        let mut end = start + n;
        let suffix = ["st", "nd", "rd", "th"]
            .into_iter()
            .find(|s| text[end..].starts_with(s));
        if let Some(s) = suffix {
            end += s.len();
        }
        if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let tail = &text[end..];
        let gap = tail.len() - tail.trim_start_matches([',', ' ']).len();
        let y = &tail[gap..];
        let year = (gap > 0
            && y.len() >= 4
            && y.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && !y[4..].starts_with(|c: char| c.is_alphanumeric()))
        .then(|| Span::new(end + gap, end + gap + 4));
        Some((Span::new(start, end), year))
    }

    /// Runs the rules over `windows` (text offsets) of sentence `sent`, which
    /// starts at `base` in the text. False when a match reaches an inner window edge.
    fn match_windows<'h>(
        &'h self,
        sent: &'h str,
        base: usize,
        windows: &[Span],
        found: &mut Found,
        cands: &mut Vec<Candidate<'h>>,
    ) -> bool {
        let Found {
            which,
            last_end,
            cache,
        } = found;
        for w in windows {
            let w = Span::new(w.start - base, w.end - base);
            let hay = &sent[..w.end];
            which.clear();
            self.rules
                .set
                .matches(&mut cache.set, hay, w.start, which, last_end);
            for ri in which.iter() {
                let ri = ri.as_usize();
                let rule = &self.rules.rules[ri];
                // No match of the rule ends after `last`: search no further, and
                // not at all once past it (a match is never empty, unless
                // `may_match_empty`).
                let last = last_end[ri];
                let mut at = w.start;
                while at < last || (self.rules.may_match_empty && at == last) {
                    let Some(m) = rule.re().search(&ReInput::new(hay).range(at..last)) else {
                        break;
                    };
                    let caps = if rule.narrows && needs_captures(rule, &hay[m.start()..m.end()]) {
                        rule.captures_of(hay, m.start(), m.end(), &mut cache.memo)
                    } else {
                        None
                    };
                    at = if m.end() > m.start() {
                        m.end()
                    } else {
                        m.end() + 1
                    };
                    if (m.start() == w.start && w.start > 0)
                        || (m.end() == w.end && w.end < sent.len())
                    {
                        return false;
                    }
                    let (mut a, mut b) = (m.start(), m.end());
                    if let Some(caps) = &caps {
                        if let Some(t) = caps.name(g::T) {
                            (a, b) = (t.start(), t.end());
                        }
                        if let Some(num) = caps.name(g::NUM).filter(|n| n.start() == a) {
                            if let Some(n) = lexicon::article_len(num.as_str()) {
                                a += n;
                            }
                        }
                    }
                    cands.push(Candidate {
                        span: Span::new(base + a, base + b),
                        rule: ri,
                        m: Span::new(m.start(), m.end()),
                        hay_end: hay.len(),
                        caps,
                    });
                    if at > hay.len() {
                        break;
                    }
                }
            }
        }
        true
    }

    /// Tense cues of a sentence: (start, end, tense) of each cue phrase and of each
    /// word ending in "-ed" (a past-tense verb, usually). A cue without a tense
    /// ("indeed") only keeps its word from the "-ed" test. A word in "-ed" is no
    /// cue when it is a passive participle ("will be sentenced", "untouched by
    /// the crisis"), an adjective after a determiner ("a still unspecified date",
    /// see `determiners.tsv`) or a capitalized name ("United", "Ahmed").
    fn tense_cues(&self, sent: &str) -> Vec<(usize, usize, Option<Tense>)> {
        let b = sent.as_bytes();
        let mut cues = Vec::new();
        // Whether the word ending at `end` is "be", "been" or "being".
        let after_be = |end: usize| {
            let pb = sent[..end].trim_end().as_bytes();
            ["be", "been", "being"].iter().any(|aux| {
                pb.len() >= aux.len()
                    && pb[pb.len() - aux.len()..].eq_ignore_ascii_case(aux.as_bytes())
                    && (pb.len() == aux.len()
                        || !pb[pb.len() - aux.len() - 1].is_ascii_alphanumeric())
            })
        };
        for m in self.cue_automaton.find_iter(sent) {
            let before_ok = m.start() == 0
                || !b[m.start()].is_ascii_alphanumeric()
                || !b[m.start() - 1].is_ascii_alphanumeric();
            let after_ok = m.end() == b.len() || !b[m.end()].is_ascii_alphanumeric();
            if before_ok && after_ok {
                let (t, participle) = self.cue_tenses[m.pattern().as_usize()];
                let t = if participle && after_be(m.start()) {
                    None
                } else {
                    t
                };
                cues.push((m.start(), m.end(), t));
            }
        }
        // Words are runs of alphanumerics and apostrophes (Unicode letters are
        // word letters). Only words in "-ed" matter: found by their "d".
        let word_char = |c: char| c.is_alphanumeric() || c == '\'';
        for d in memchr::memchr_iter(b'd', b) {
            if d == 0 || b[d - 1] != b'e' {
                continue;
            }
            let i = d + 1;
            if sent[i..].chars().next().is_some_and(word_char) {
                continue;
            }
            let start = sent[..d - 1]
                .char_indices()
                .rev()
                .find(|&(_, c)| !word_char(c))
                .map_or(0, |(k, c)| k + c.len_utf8());
            let w = &b[start..i];
            if w.len() >= 5
                && !w[0].is_ascii_uppercase()
                && !cues.iter().any(|&(s, e, _)| s <= start && i <= e)
                && !after_be(start)
                && !self.adjective_position(&sent[..start])
                && !next_word_is(&sent[i..], "by")
            {
                cues.push((start, i, Some(Tense::Past)));
            }
        }
        cues
    }

    /// Whether a word after `before` stands where an adjective does: right after a
    /// determiner ("the alleged"), or after a determiner and an adverb ("a still
    /// unspecified", "the newly elected", any adverb in "-ly").
    fn adjective_position(&self, before: &str) -> bool {
        let mut words = before
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty());
        let mut buf = [0u8; 16];
        let Some(w1) = words.next() else {
            return false;
        };
        if lower_in(&self.determiners, w1, &mut buf) {
            return true;
        }
        // Only words, no punctuation, between the determiner and the adverb.
        let adverb = (w1.len() > 3 && w1.ends_with("ly"))
            || lower_in(&self.determiner_adverbs, w1, &mut buf);
        adverb
            && words
                .next()
                .is_some_and(|w2| lower_in(&self.determiners, w2, &mut buf))
    }
}

/// Whether the ASCII lower case of `w` is in `set` (no allocation: words longer
/// than `buf` or not ASCII are in no such list of short function words).
fn lower_in(set: &HashSet<String>, w: &str, buf: &mut [u8; 16]) -> bool {
    crate::hash::ascii_lower(w.as_bytes(), buf).is_some_and(|l| set.contains(l))
}

/// Whether `rest` starts with whitespace and then the word `word` (ASCII, any case).
fn next_word_is(rest: &str, word: &str) -> bool {
    let t = rest.trim_start();
    t.len() < rest.len()
        && t.len() >= word.len()
        && t.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        && !t
            .as_bytes()
            .get(word.len())
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The rule set's answer for a window, and the cache it searches with.
struct Found<'s, 'a> {
    which: &'s mut PatternSet,
    last_end: &'s mut [usize],
    cache: &'s mut rules::SetCache<'a>,
}

/// Whether a match of `rule` (which narrows) needs its captures to find its span:
/// a `t` group always, a `num` group only when the match starts with an article
/// that [`lexicon::article_len`] may cut ("a five-year …").
fn needs_captures(rule: &rules::DateRule, m: &str) -> bool {
    let b = m.as_bytes();
    rule.has_t()
        || (b.len() >= 2 && b[0].eq_ignore_ascii_case(&b'a'))
            && (b[1] == b' ' || (b.len() >= 3 && b[1].eq_ignore_ascii_case(&b'n') && b[2] == b' '))
}

/// The words of a two-column list, lowercased, in two sets by their flag
/// (column 2, one of `flags`).
fn flagged_sets(patterns: &Patterns, file: &str, flags: [&str; 2]) -> Result<[HashSet<String>; 2]> {
    let mut sets = [HashSet::new(), HashSet::new()];
    for line in lines(patterns.require(file)?) {
        let Some(k) = flags.iter().position(|&f| f == line.col(1)) else {
            bail!(
                "{file}:{}: the flag must be one of {flags:?}, not {:?}",
                line.number,
                line.col(1)
            );
        };
        sets[k].insert(line.col(0).to_lowercase());
    }
    Ok(sets)
}

/// The tense of the cue nearest to a span (past when there is none). A
/// `before` cue is that only right before the span ("since January"), else past.
/// A cue after the span in a verb phrase joined by "and" ("pleaded guilty in
/// June and agreed to testify") yields to a cue before the span.
fn nearest_tense(
    sent: &str,
    cues: &[(usize, usize, Option<Tense>)],
    start: usize,
    end: usize,
) -> Tense {
    let some = || cues.iter().filter_map(|&(s, e, t)| Some((s, e, t?)));
    let cue_before = some().any(|(_, e, _)| e <= start);
    some()
        .filter(|&(s, e, _)| e <= start || s >= end)
        .filter(|&(s, _, _)| !(cue_before && s >= end && sent[end..s].contains(" and ")))
        .min_by_key(|&(s, e, _)| if e <= start { start - e } else { s - end })
        .map_or(Tense::Past, |(_, e, t)| match t {
            Tense::Before if e > start || !sent[e..start].trim().is_empty() => Tense::Past,
            t => t,
        })
}

/// Bytes of context kept on each side of a trigger.
const WINDOW_LEFT: usize = 40;
const WINDOW_RIGHT: usize = 40;

/// The window around trigger `ts..te` in sentence `s`: widened by
/// `WINDOW_LEFT`/`WINDOW_RIGHT` and then out to the nearest whitespace (so no
/// word is cut and `\b` behaves as in the whole sentence), clipped to `s`.
fn window(text: &str, s: Span, ts: usize, te: usize) -> Span {
    let b = text.as_bytes();
    let start = if ts.saturating_sub(WINDOW_LEFT) <= s.start {
        s.start
    } else {
        let from = ts - WINDOW_LEFT;
        b[s.start..from]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(s.start, |i| s.start + i + 1)
    };
    let end = if te + WINDOW_RIGHT >= s.end {
        s.end
    } else {
        let from = te + WINDOW_RIGHT;
        b[from..s.end]
            .iter()
            .position(u8::is_ascii_whitespace)
            .map_or(s.end, |i| from + i)
    };
    Span::new(start, end)
}

/// The day of a DATE whose value is a calendar day (`2026-10-21`).
/// A clock time with no day next to it takes the day of the nearest date in its
/// sentence that names one ("On March 3, police came back at 9 p.m."); with
/// none it stays undated (`XXXX-XX-XXT21:00`), not the dct's day.
fn clock_days(ts: &mut [Timex]) {
    for i in 0..ts.len() {
        if !ts[i].value.starts_with(normalize::UNDATED) {
            continue;
        }
        let day = ts
            .iter()
            .filter(|t| {
                let v = t.value.as_bytes();
                v.len() >= 10
                    && v[..4].iter().all(u8::is_ascii_digit)
                    && v[4] == b'-'
                    && v[5..7].iter().all(u8::is_ascii_digit)
                    && v[8..10].iter().all(u8::is_ascii_digit)
            })
            .min_by_key(|t| {
                let c = ts[i].span;
                if t.span.end <= c.start {
                    c.start - t.span.end
                } else {
                    t.span.start.saturating_sub(c.end)
                }
            })
            .map(|t| (t.value[..10].to_string(), t.anchored));
        if let Some((day, anchored)) = day {
            let clock = &ts[i].value[normalize::UNDATED.len()..];
            ts[i].value = format!("{day}T{clock}");
            ts[i].anchored = anchored;
        }
    }
}

fn calendar_day(t: &Timex) -> Option<u32> {
    let v = t.value.as_bytes();
    if t.kind != TimexType::Date || v.len() != 10 || v[7] != b'-' {
        return None;
    }
    t.value[8..].parse().ok()
}

/// The text of `span` writes a year (four digits in a row).
fn writes_year(text: &str, span: Span) -> bool {
    text.as_bytes()[span.start..span.end]
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}
