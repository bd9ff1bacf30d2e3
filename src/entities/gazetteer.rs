//! Gazetteers: every `gazetteer/*.tsv` and `entities/gazetteer/*.tsv` file, compiled
//! into two anchored leftmost-longest Aho-Corasick automata (one case-sensitive, one
//! ASCII case-insensitive for lists with the `#! case-insensitive` directive).
//!
//! Line format (TSV): `surface  label  [canonical]  [country]`. The file stem is the
//! list name and becomes the entity's `rule`. Label `O` blocks a surface: it matches
//! (so that leftmost-longest prefers it) but produces no entity. Surfaces listed in
//! `gazetteer/stop.txt` (and `entities/stop.txt`) fire, outside `countries`, only in a
//! clear place context ("from Reading,").

use std::collections::HashSet;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use anyhow::{bail, Context, Result};

use super::lexicon::{with_lower, FxMap, FxSet};
use crate::document::{Label, Rule};
use crate::patterns::{directives, lines, stem, word_list, Patterns};

/// One gazetteer line.
#[derive(Debug, Clone)]
pub struct Entry {
    /// None: the line blocks its surface (label `O`).
    pub label: Option<Label>,
    /// Empty: the surface itself.
    pub canonical: Box<str>,
    pub country: Option<Box<str>>,
    pub list: Rule,
    pub rank: u8,
    /// The surface is on a stop list: it fires only in a clear place context.
    pub stopped: bool,
}

struct Automaton {
    ac: AhoCorasick,
    /// pattern id → entry indices, best list first
    entries: Vec<Vec<u32>>,
    /// Patterns of one byte, by that byte.
    single: [bool; 256],
    /// Two-byte prefixes of the patterns (a 65,536-bit set): most words are
    /// rejected here without entering the automaton.
    prefix2: Box<[u64; 1024]>,
    /// The first word of every pattern (lower-cased when case-insensitive): a word
    /// that starts no pattern is rejected with one hash lookup.
    first_words: FxSet,
    ci: bool,
}

impl Automaton {
    #[inline]
    fn may_start(&self, text: &str, start: usize) -> bool {
        if !self.may_start2(text.as_bytes(), start) {
            return false;
        }
        let s = &text[start..];
        // the first alphanumeric run: bytes while ASCII, chars from the first non-ASCII
        let sb = s.as_bytes();
        let mut end = 0;
        while end < sb.len() && sb[end].is_ascii_alphanumeric() {
            end += 1;
        }
        if end < sb.len() && sb[end] >= 0x80 {
            end += s[end..]
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(s.len() - end, |(i, _)| i);
        }
        let w = &s[..end];
        if self.ci {
            with_lower(w, |l| self.first_words.contains(l))
        } else {
            self.first_words.contains(w)
        }
    }

    #[inline]
    fn may_start2(&self, text: &[u8], start: usize) -> bool {
        let b0 = text[start];
        if self.single[b0 as usize] {
            return true;
        }
        let Some(&b1) = text.get(start + 1) else {
            return false;
        };
        let k = (b0 as usize) << 8 | b1 as usize;
        self.prefix2[k >> 6] & (1 << (k & 63)) != 0
    }
}

pub struct Gazetteer {
    cs: Option<Automaton>,
    ci: Option<Automaton>,
    pub entries: Vec<Entry>,
}

/// A gazetteer hit: byte range and the entries for that surface.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'g> {
    pub start: usize,
    pub end: usize,
    pub entries: &'g [u32],
    pub case_insensitive: bool,
}

fn rank_of(list: &str) -> u8 {
    match list {
        "countries" => 0,
        "organizations" => 1,
        "demonyms" | "religious_groups" => 2,
        "regions" => 3,
        "subdivisions" => 4,
        "cities" => 5,
        _ => 3,
    }
}

#[derive(Default)]
struct Builder {
    patterns: Vec<String>,
    index: FxMap<usize>,
    entries: Vec<Vec<u32>>,
}

impl Builder {
    fn add(&mut self, key: String, surface: &str, entry: u32) {
        let id = *self.index.entry(key).or_insert_with(|| {
            self.patterns.push(surface.to_string());
            self.entries.push(Vec::new());
            self.patterns.len() - 1
        });
        self.entries[id].push(entry);
    }
    fn build(self, ci: bool, all: &[Entry]) -> Result<Option<Automaton>> {
        if self.patterns.is_empty() {
            return Ok(None);
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(ci)
            .build(&self.patterns)
            .context("building the gazetteer automaton")?;
        let mut single = [false; 256];
        let mut prefix2 = Box::new([0u64; 1024]);
        for p in &self.patterns {
            let b = p.as_bytes();
            let variants = |x: u8| {
                if ci {
                    [x.to_ascii_lowercase(), x.to_ascii_uppercase()]
                } else {
                    [x, x]
                }
            };
            if b.len() == 1 {
                for v in variants(b[0]) {
                    single[v as usize] = true;
                }
                continue;
            }
            for v0 in variants(b[0]) {
                for v1 in variants(b[1]) {
                    let k = (v0 as usize) << 8 | v1 as usize;
                    prefix2[k >> 6] |= 1 << (k & 63);
                }
            }
        }
        let mut first_words = FxSet::default();
        for p in &self.patterns {
            let end = p
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(p.len(), |(i, _)| i);
            let w = &p[..end];
            first_words.insert(if ci { w.to_lowercase() } else { w.to_string() });
        }
        let mut entries = self.entries;
        for e in &mut entries {
            e.sort_by_key(|&i| (all[i as usize].stopped, all[i as usize].rank));
        }
        Ok(Some(Automaton {
            ac,
            entries,
            single,
            prefix2,
            first_words,
            ci,
        }))
    }
}

impl Gazetteer {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let mut stop: HashSet<&str> = HashSet::new();
        for f in ["gazetteer/stop.txt", "entities/stop.txt"] {
            if let Some(c) = patterns.get(f) {
                stop.extend(word_list(c));
            }
        }
        let mut entries = Vec::new();
        let mut cs = Builder::default();
        let mut ci = Builder::default();
        let files: Vec<(&str, &str)> = patterns
            .files_in("gazetteer", ".tsv")
            .chain(patterns.files_in("entities/gazetteer", ".tsv"))
            .collect();
        for (path, content) in files {
            let list = stem(path);
            let rule: Rule = Arc::from(list);
            let insensitive = directives(content).any(|d| d == "case-insensitive");
            for line in lines(content) {
                let surface = line.col(0);
                if surface.is_empty() {
                    bail!("{path}:{}: empty surface form", line.number);
                }
                let label = match line.col(1) {
                    "O" => None,
                    l => Some(Label::parse(l).with_context(|| {
                        format!("{path}:{}: unknown label {l:?} (want PERSON, ORG, GPE, LOC, NORP, LAW or O)", line.number)
                    })?),
                };
                let stopped = list != "countries"
                    && matches!(label, Some(Label::Gpe | Label::Loc))
                    && stop.contains(surface);
                let country = line.col(3);
                let code_ok = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
                if !country.is_empty() && !code_ok {
                    bail!(
                        "{path}:{}: country {country:?} is not an ISO 3166-1 alpha-2 code",
                        line.number
                    );
                }
                let idx = entries.len() as u32;
                entries.push(Entry {
                    label,
                    canonical: line.col(2).into(),
                    country: (!country.is_empty()).then(|| country.into()),
                    list: rule.clone(),
                    rank: rank_of(list),
                    stopped,
                });
                if insensitive {
                    ci.add(surface.to_ascii_lowercase(), surface, idx);
                } else {
                    cs.add(surface.to_string(), surface, idx);
                }
            }
        }
        Ok(Gazetteer {
            cs: cs.build(false, &entries)?,
            ci: ci.build(true, &entries)?,
            entries,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The longest entry starting at `start` and ending on a word boundary, in the
    /// case-sensitive lists first, then in the case-insensitive ones.
    pub fn match_at<'g>(&'g self, text: &str, start: usize) -> Option<Hit<'g>> {
        if start >= text.len() {
            return None;
        }
        let mut best: Option<Hit<'g>> = None;
        for (a, ci) in [(&self.cs, false), (&self.ci, true)] {
            let Some(a) = a else { continue };
            if !a.may_start(text, start) {
                continue;
            }
            if let Some(h) = Self::longest(a, text, start, ci) {
                if best.map_or(true, |x| h.end > x.end) {
                    best = Some(h);
                }
            }
        }
        best
    }

    fn longest<'g>(a: &'g Automaton, text: &str, start: usize, ci: bool) -> Option<Hit<'g>> {
        let mut limit = text.len();
        // Retry with a shorter window when the longest match ends inside a word.
        for _ in 0..4 {
            let input = Input::new(text).range(start..limit).anchored(Anchored::Yes);
            let m = a.ac.find(input)?;
            if at_boundary(text, m.end()) {
                return Some(Hit {
                    start,
                    end: m.end(),
                    entries: &a.entries[m.pattern().as_usize()],
                    case_insensitive: ci,
                });
            }
            if m.end() <= start + 1 {
                return None;
            }
            limit = m.end() - 1;
        }
        None
    }
}

/// True when a word does not continue across `end`.
#[inline]
pub fn at_boundary(text: &str, end: usize) -> bool {
    let prev_alnum = text[..end]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric());
    if !prev_alnum {
        return true;
    }
    match text[end..].chars().next() {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}
