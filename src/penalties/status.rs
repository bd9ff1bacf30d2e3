//! Status cues ("sentenced", "faces", "carries"), bound cues ("up to", "at
//! least") and the connector words allowed between a quantity and its trigger.

use std::borrow::Cow;

use anyhow::{bail, Result};

use super::phrases::{Hit, Lower, PhraseSet};
use crate::document::{Bound, PenaltyStatus};
use crate::hash::FxSet as HashSet;
use crate::patterns::{lines, Patterns};

pub struct Cues {
    /// `None` = a shadowing phrase without a status.
    pub status: PhraseSet<(Option<PenaltyStatus>, bool, bool, bool, bool)>,
    pub bounds: PhraseSet<Bound>,
    pre: HashSet<String>,
    post: HashSet<String>,
    coord: HashSet<String>,
    /// Words between a penalty and the law it is imposed under ("three years
    /// [under] Section 298-A").
    law: HashSet<String>,
    /// Words after a comma that join a contrasting clause ("…, while two others
    /// received …"): an overturn or an upholding on one side is not the other's
    /// (lowercase, normalized).
    contrast: Vec<String>,
    /// The length of the longest `coord` connector.
    coord_max: usize,
}

/// Whether an ASCII byte is Unicode White_Space (`char::is_whitespace`; unlike
/// `u8::is_ascii_whitespace`, this includes the vertical tab).
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// [`normalize`] without a copy when there is nothing to change: ASCII text
/// without capitals whose only spaces are single ' ' is itself, trimmed.
pub fn normalize_cow(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let (mut plain, mut prev_space) = (true, false);
    for &c in b {
        let space = c == b' ';
        plain &= c.is_ascii()
            && !c.is_ascii_uppercase()
            && !(space && prev_space)
            && (space || !is_ascii_space(c));
        prev_space = space;
    }
    if plain {
        Cow::Borrowed(s.trim_matches(' '))
    } else {
        Cow::Owned(normalize(s))
    }
}

/// Lowercases and collapses whitespace.
pub fn normalize(s: &str) -> String {
    if s.is_ascii() {
        // The same, byte by byte: ASCII lowercases to ASCII.
        let mut out = Vec::with_capacity(s.len());
        for w in s.as_bytes().split(|&b| is_ascii_space(b)) {
            if w.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend(w.iter().map(u8::to_ascii_lowercase));
        }
        return String::from_utf8(out).expect("ASCII");
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.lower());
    }
    out
}

impl Cues {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let path = "penalties/status.tsv";
        let mut entries = Vec::new();
        for l in lines(patterns.require(path)?) {
            let st = match l.col(1) {
                "none" => None,
                s => match PenaltyStatus::parse(s) {
                    Some(s) => Some(s),
                    None => bail!("{path}:{}: unknown status {s:?}", l.number),
                },
            };
            let (mut nosubject, mut object, mut modal, mut replace) = (false, false, false, false);
            for f in l.col(2).split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match f {
                    "nosubject" => nosubject = true,
                    "object" => object = true,
                    "modal" => modal = true,
                    "replace" => replace = true,
                    f => bail!("{path}:{}: unknown flag {f:?}", l.number),
                }
            }
            entries.push((
                l.col(0).to_string(),
                (st, nosubject, object, modal, replace),
            ));
        }
        let status = PhraseSet::new(entries, path)?;
        let path = "penalties/bounds.tsv";
        let mut entries = Vec::new();
        for l in lines(patterns.require(path)?) {
            let b = match l.col(1) {
                "max" => Bound::Max,
                "min" => Bound::Min,
                b => bail!("{path}:{}: bound must be max or min, not {b:?}", l.number),
            };
            entries.push((l.col(0).to_string(), b));
        }
        let bounds = PhraseSet::new(entries, path)?;
        let path = "penalties/connectors.tsv";
        let (mut pre, mut post, mut coord, mut law) = (
            HashSet::default(),
            HashSet::default(),
            HashSet::default(),
            HashSet::default(),
        );
        let mut contrast = Vec::new();
        for l in lines(patterns.require(path)?) {
            let w = normalize(l.col(1));
            match l.col(0) {
                "pre" => pre.insert(w),
                "post" => post.insert(w),
                "coord" => coord.insert(w),
                "law" => law.insert(w),
                "contrast" => {
                    contrast.push(w);
                    true
                }
                s => bail!(
                    "{path}:{}: side must be pre, post, coord, law or contrast, not {s:?}",
                    l.number
                ),
            };
        }
        let coord_max = coord.iter().map(String::len).max().unwrap_or(0);
        Ok(Cues {
            status,
            bounds,
            pre,
            post,
            coord,
            law,
            contrast,
            coord_max,
        })
    }

    /// Status cue hits in a sentence, shadowing phrases removed. A modal cue
    /// right before another ("could be jailed") makes it potential.
    pub fn status_hits(&self, text: &str, start: usize, end: usize) -> Vec<(Hit, PenaltyStatus)> {
        let mut out: Vec<(Hit, PenaltyStatus)> = Vec::with_capacity(8);
        for h in self.status.find(text, start, end) {
            let Some(s) = self.status.value(h.id).0 else {
                continue;
            };
            if let Some(last) = out.last_mut() {
                if last.1 == PenaltyStatus::Potential && text[last.0.end..h.start].trim().is_empty()
                {
                    last.0.end = h.end;
                    last.0.id = h.id;
                    continue;
                }
            }
            out.push((h, s));
        }
        out.retain(|(h, _)| !self.status.value(h.id).3);
        out
    }

    /// Whether the words before this cue are not the penalty's subject.
    pub fn no_subject(&self, h: &Hit) -> bool {
        self.status.value(h.id).1
    }

    /// Whether the cue replaces one penalty by another ("commuted to"): the
    /// penalty before it is overturned, the one after it imposed.
    pub fn replaces(&self, h: &Hit) -> bool {
        self.status.value(h.id).4
    }

    /// Whether the cue is a verb whose object is the penalty's subject.
    pub fn takes_object(&self, h: &Hit) -> bool {
        self.status.value(h.id).2
    }

    /// Removes bound cues from a gap; returns the rest (normalized) and the bound.
    pub fn strip_bounds<'a>(
        &self,
        text: &'a str,
        start: usize,
        end: usize,
    ) -> (Cow<'a, str>, Option<Bound>) {
        let mut hits = self.bounds.find(text, start, end).peekable();
        // (Mostly none: the gap as it is.)
        if hits.peek().is_none() {
            return (normalize_cow(&text[start..end]), None);
        }
        let mut rest = String::new();
        let mut bound = None;
        let mut pos = start;
        for h in hits {
            rest.push_str(&text[pos..h.start]);
            rest.push(' ');
            pos = h.end;
            bound = Some(*self.bounds.value(h.id));
        }
        rest.push_str(&text[pos..end]);
        (Cow::Owned(normalize(&rest)), bound)
    }

    pub fn is_pre(&self, gap: &str) -> bool {
        self.pre.contains(gap)
    }
    pub fn is_post(&self, gap: &str) -> bool {
        self.post.contains(gap)
    }
    /// Whether a contrasting clause joins between `a` and `b` of `text` ("…,
    /// while …").
    pub fn contrasts(&self, text: &str, a: usize, b: usize) -> bool {
        let gap = &text.as_bytes()[a.min(b)..a.max(b)];
        // (each ", " followed by a contrast word and a space; no lowercased copy)
        gap.windows(2).enumerate().any(|(i, w)| {
            w == b", "
                && self.contrast.iter().any(|c| {
                    let rest = &gap[i + 2..];
                    rest.len() > c.len()
                        && rest[..c.len()].eq_ignore_ascii_case(c.as_bytes())
                        && rest[c.len()] == b' '
                })
        })
    }

    /// Whether `gap` (raw text) joins a penalty to the law after it.
    pub fn is_law_gap(&self, gap: &str) -> bool {
        gap.len() <= 40 && self.law.contains(normalize_cow(gap).as_ref())
    }
    pub fn is_coord(&self, gap: &str) -> bool {
        let g = gap.trim_start_matches(',').trim();
        self.coord.contains(gap) || self.coord.contains(g) || gap.is_empty()
    }

    /// `is_coord(&normalize(raw))`, ruling out at once an ASCII gap with more
    /// letters than the longest connector (its normalized form, even without
    /// leading commas, is longer than any).
    pub fn is_coord_raw(&self, raw: &str) -> bool {
        if raw.is_ascii()
            && raw
                .bytes()
                .filter(|&c| !is_ascii_space(c) && c != b',')
                .take(self.coord_max + 1)
                .count()
                > self.coord_max
        {
            return false;
        }
        self.is_coord(&normalize_cow(raw))
    }

    /// The bound cue that ends right before `pos` (only words like "a", "of",
    /// "the", "penalty", "sentence" may come between), searching from `from`.
    pub fn bound_before(&self, text: &str, from: usize, pos: usize) -> Option<Bound> {
        let mut best = None;
        for h in self.bounds.find(text, from, pos) {
            let gap = normalize_cow(&text[h.end..pos]);
            // "The maximum [penalty for insulting religion is] ten years"
            let words: Vec<&str> = gap.split(' ').filter(|w| !w.is_empty()).collect();
            let predicate = (3..=14).contains(&words.len())
                && matches!(
                    words[0],
                    "penalty" | "sentence" | "term" | "punishment" | "fine"
                )
                && words[1] == "for"
                && matches!(words[words.len() - 1], "is" | "was" | "are" | "remains")
                && !text[h.end..pos].contains([',', ';', '.', '"', '\u{201c}']);
            if predicate
                || gap.split(' ').all(|w| {
                    w.is_empty()
                        || matches!(
                            w,
                            "a" | "an"
                                | "of"
                                | "the"
                                | "term"
                                | "penalty"
                                | "sentence"
                                | "prison"
                                | "fine"
                                | "imprisonment"
                        )
                })
            {
                best = Some(*self.bounds.value(h.id));
            }
        }
        best
    }
}
