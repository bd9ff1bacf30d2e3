//! Gazetteers: every `gazetteer/*.tsv` and `entities/gazetteer/*.tsv` file, compiled
//! into two sorted key tables searched for the longest key at a position (one
//! case-sensitive, one ASCII case-insensitive for lists with the `#! case-insensitive`
//! directive).
//!
//! Line format (TSV): `surface  label  [canonical]  [country]`. The file stem is the
//! list name and becomes the entity's `rule`. Label `O` blocks a surface: it matches
//! (so that leftmost-longest prefers it) but produces no entity. Surfaces listed in
//! `gazetteer/stop.txt` (and `entities/stop.txt`) fire, outside `countries`, only in a
//! clear place context ("from Reading,").

use std::sync::Arc;

use anyhow::{bail, Context, Result};

use super::lexicon::{byte_hash, with_lower};
use crate::document::{Label, Rule};
use crate::patterns::{directives, stem, word_list, Patterns};

/// One gazetteer line.
#[derive(Debug, Clone)]
pub struct Entry {
    /// None: the line blocks its surface (label `O`).
    pub label: Option<Label>,
    /// Empty: the surface itself.
    pub canonical: Box<str>,
    /// ISO 3166-1 alpha-2 code (see `country()`).
    pub country_code: Option<[u8; 2]>,
    pub list: Rule,
    pub rank: u8,
    /// The surface is on a stop list: it fires only in a clear place context.
    pub stopped: bool,
}

/// The surfaces of one group of lists, sorted bytewise: the longest surface that
/// starts at a position is found by narrowing the sorted range one byte at a time
/// (two binary searches per byte), which builds in a few milliseconds where an
/// Aho-Corasick automaton over 46,000 names took a hundred.
impl Entry {
    /// The ISO 3166-1 alpha-2 country code of the entry.
    #[inline]
    pub fn country(&self) -> Option<&str> {
        self.country_code
            .as_ref()
            .map(|c| std::str::from_utf8(c).expect("ASCII country code"))
    }
}

const BLOOM_BITS: usize = 1 << 20;

#[inline]
fn bloom_index(h: u64) -> usize {
    (h >> (64 - 20)) as usize
}

#[inline]
fn bloom_has(bits: &[u64], h: u64) -> bool {
    let i = bloom_index(h);
    bits[i >> 6] & (1 << (i & 63)) != 0
}

/// The data lines of a TSV file as `patterns::lines` reads them (blank and `#` lines
/// skipped, columns trimmed), without allocating: (line number, first four columns).
fn tsv4(content: &str) -> impl Iterator<Item = (usize, [&str; 4])> {
    content.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            return None;
        }
        let mut cols = [""; 4];
        for (c, v) in cols.iter_mut().zip(l.split('\t')) {
            *c = v.trim();
        }
        Some((i + 1, cols))
    })
}

struct Automaton {
    /// All keys, concatenated (ASCII lower-cased when case-insensitive).
    bytes: Vec<u8>,
    /// Sorted, distinct keys: (offset in `bytes`, length).
    keys: Vec<(u32, u32)>,
    /// Key `k`'s entries are `entry_ids[entry_at[k]..entry_at[k + 1]]`, best list first.
    entry_at: Vec<u32>,
    entry_ids: Vec<u32>,
    /// Keys starting with byte `b` are `keys[first[b]..first[b + 1]]`.
    first: Box<[u32; 257]>,
    /// Keys of two bytes or more starting with bytes `b0 b1` are
    /// `keys[lo..hi]` where `(lo, hi) = first2[b0 << 8 | b1]`.
    first2: Vec<(u32, u32)>,
    /// Patterns of one byte, by that byte.
    single: [bool; 256],
    /// Two-byte prefixes of the patterns (a 65,536-bit set): most words are
    /// rejected here without a search.
    prefix2: Box<[u64; 1024]>,
    /// A one-hash Bloom filter (2^20 bits) of the first word of every pattern
    /// (lower-cased when case-insensitive): a word that starts no pattern is
    /// almost always rejected with one bit test.
    first_words: Box<[u64]>,
    ci: bool,
}

impl Automaton {
    /// Some pattern may start with the first word at `start` (after `may_start2`).
    #[inline(never)]
    fn may_start(&self, text: &str, start: usize) -> bool {
        let s = &text[start..];
        // the first alphanumeric run: bytes while ASCII, chars from the first non-ASCII
        let sb = s.as_bytes();
        let mut end = 0;
        while end < sb.len() && sb[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let h = if end < sb.len() && sb[end] >= 0x80 {
            end += s[end..]
                .char_indices()
                .find(|&(_, c)| !c.is_alphanumeric())
                .map_or(s.len() - end, |(i, _)| i);
            let w = &s[..end];
            if self.ci {
                with_lower(w, |l| byte_hash(l.bytes()))
            } else {
                byte_hash(w.bytes())
            }
        } else if self.ci {
            byte_hash(sb[..end].iter().map(u8::to_ascii_lowercase))
        } else {
            byte_hash(sb[..end].iter().copied())
        };
        bloom_has(&self.first_words, h)
    }

    #[inline(always)]
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

    #[inline]
    fn fold(&self, b: u8) -> u8 {
        if self.ci {
            b.to_ascii_lowercase()
        } else {
            b
        }
    }

    fn entries(&self, k: usize) -> &[u32] {
        &self.entry_ids[self.entry_at[k] as usize..self.entry_at[k + 1] as usize]
    }

    /// The (up to) four longest keys that `text[start..]` starts with, longest first:
    /// (end, key index).
    fn longest_prefixes(&self, text: &[u8], start: usize) -> ([(usize, usize); 4], usize) {
        let mut found = [(0, 0); 4];
        let mut n = 0;
        let b0 = self.fold(text[start]) as usize;
        let (lo, hi) = (self.first[b0] as usize, self.first[b0 + 1] as usize);
        if lo < hi && self.keys[lo].1 == 1 {
            found[0] = (start + 1, lo);
            n = 1;
        }
        let Some(&b1) = text.get(start + 1) else {
            return (found, n);
        };
        let (lo, hi) = self.first2[b0 << 8 | self.fold(b1) as usize];
        let (mut lo, mut hi) = (lo as usize, hi as usize);
        let mut d = 2;
        while lo < hi {
            // every key in lo..hi has the prefix text[start..start + d]
            if self.keys[lo].1 as usize == d {
                found.copy_within(0..3, 1);
                found[0] = (start + d, lo);
                n += 1;
                lo += 1;
            }
            if lo == hi || start + d >= text.len() {
                break;
            }
            if hi - lo <= 4 {
                // few keys left: compare each with the text; the ones that match are
                // prefixes of one another, so sorted order is length order
                let rest = &text[start + d..];
                for k in lo..hi {
                    let (o, l) = self.keys[k];
                    let tail = &self.bytes[o as usize + d..(o + l) as usize];
                    if tail.len() <= rest.len()
                        && tail.iter().zip(rest).all(|(&a, &b)| a == self.fold(b))
                    {
                        found.copy_within(0..3, 1);
                        found[0] = (start + l as usize, k);
                        n += 1;
                    }
                }
                break;
            }
            let c = self.fold(text[start + d]);
            let byte = |&(o, _): &(u32, u32)| self.bytes[o as usize + d];
            lo += self.keys[lo..hi].partition_point(|k| byte(k) < c);
            hi = lo + self.keys[lo..hi].partition_point(|k| byte(k) == c);
            d += 1;
        }
        (found, n.min(4))
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
    bytes: Vec<u8>,
    /// (offset, length, entry) in the order added
    items: Vec<(u32, u32, u32)>,
    /// Bloom filter of the first word of every pattern (see `Automaton`).
    first_words: Vec<u64>,
}

impl Builder {
    fn add(&mut self, surface: &str, ci: bool, entry: u32) {
        let o = self.bytes.len() as u32;
        if ci {
            self.bytes
                .extend(surface.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            self.bytes.extend_from_slice(surface.as_bytes());
        }
        self.items.push((o, surface.len() as u32, entry));
        let end = surface
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(surface.len(), |(i, _)| i);
        let w = &surface[..end];
        if self.first_words.is_empty() {
            self.first_words = vec![0; BLOOM_BITS / 64];
        }
        let h = if ci {
            byte_hash(w.to_lowercase().bytes())
        } else {
            byte_hash(w.bytes())
        };
        let i = bloom_index(h);
        self.first_words[i >> 6] |= 1 << (i & 63);
    }

    fn build(self, ci: bool, all: &[Entry]) -> Result<Option<Automaton>> {
        if self.items.is_empty() {
            return Ok(None);
        }
        let Builder {
            bytes,
            mut items,
            first_words,
        } = self;
        let key = |&(o, l, _): &(u32, u32, u32)| &bytes[o as usize..(o + l) as usize];
        // stable: the entries of one key stay in the order added
        items.sort_by(|a, b| key(a).cmp(key(b)));
        let mut keys: Vec<(u32, u32)> = Vec::new();
        let mut entry_at: Vec<u32> = Vec::new();
        let mut entry_ids: Vec<u32> = Vec::with_capacity(items.len());
        let mut i = 0;
        while i < items.len() {
            let mut j = i + 1;
            while j < items.len() && key(&items[j]) == key(&items[i]) {
                j += 1;
            }
            keys.push((items[i].0, items[i].1));
            entry_at.push(entry_ids.len() as u32);
            let from = entry_ids.len();
            entry_ids.extend(items[i..j].iter().map(|x| x.2));
            entry_ids[from..].sort_by_key(|&e| (all[e as usize].stopped, all[e as usize].rank));
            i = j;
        }
        entry_at.push(entry_ids.len() as u32);
        let mut first = Box::new([0u32; 257]);
        for (b, f) in first.iter_mut().enumerate() {
            *f = keys.partition_point(|&(o, _)| (bytes[o as usize] as usize) < b) as u32;
        }
        let mut first2 = vec![(0u32, 0u32); 1 << 16];
        for (i, &(o, l)) in keys.iter().enumerate() {
            if l >= 2 {
                let k = (bytes[o as usize] as usize) << 8 | bytes[o as usize + 1] as usize;
                if first2[k].1 == 0 {
                    first2[k].0 = i as u32;
                }
                first2[k].1 = i as u32 + 1;
            }
        }
        let mut single = [false; 256];
        let mut prefix2 = Box::new([0u64; 1024]);
        for &(o, l) in &keys {
            let b = &bytes[o as usize..(o + l) as usize];
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
        Ok(Some(Automaton {
            bytes,
            keys,
            entry_at,
            entry_ids,
            first,
            first2,
            single,
            prefix2,
            first_words: first_words.into_boxed_slice(),
            ci,
        }))
    }
}

impl Gazetteer {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let mut stop: crate::hash::FxSet<&str> = Default::default();
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
            for (number, cols) in tsv4(content) {
                let surface = cols[0];
                if surface.is_empty() {
                    bail!("{path}:{}: empty surface form", number);
                }
                let label = match cols[1] {
                    "O" => None,
                    l => Some(Label::parse(l).with_context(|| {
                        format!("{path}:{}: unknown label {l:?} (want PERSON, ORG, GPE, LOC, NORP, LAW or O)", number)
                    })?),
                };
                let stopped = list != "countries"
                    && matches!(label, Some(Label::Gpe | Label::Loc))
                    && stop.contains(surface);
                let country = cols[3];
                let code_ok = country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase());
                if !country.is_empty() && !code_ok {
                    bail!(
                        "{path}:{}: country {country:?} is not an ISO 3166-1 alpha-2 code",
                        number
                    );
                }
                let idx = entries.len() as u32;
                entries.push(Entry {
                    label,
                    canonical: cols[2].into(),
                    country_code: (!country.is_empty())
                        .then(|| [country.as_bytes()[0], country.as_bytes()[1]]),
                    list: rule.clone(),
                    rank: rank_of(list),
                    stopped,
                });
                if insensitive {
                    ci.add(surface, true, idx);
                } else {
                    cs.add(surface, false, idx);
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
    #[inline]
    pub fn match_at<'g>(&'g self, text: &str, start: usize) -> Option<Hit<'g>> {
        if start >= text.len() {
            return None;
        }
        // most words start no pattern: reject them here, without a call
        let b = text.as_bytes();
        let cs = self.cs.as_ref().is_some_and(|a| a.may_start2(b, start));
        let ci = self.ci.as_ref().is_some_and(|a| a.may_start2(b, start));
        if !cs && !ci {
            return None;
        }
        self.match_from(text, start)
    }

    #[inline(never)]
    fn match_from<'g>(&'g self, text: &str, start: usize) -> Option<Hit<'g>> {
        let best = match &self.cs {
            Some(a) if a.may_start2(text.as_bytes(), start) && a.may_start(text, start) => {
                Self::longest(a, text, start, false)
            }
            _ => None,
        };
        match &self.ci {
            Some(a) if a.may_start2(text.as_bytes(), start) && a.may_start(text, start) => {
                match Self::longest(a, text, start, true) {
                    Some(h) if best.map_or(true, |x| h.end > x.end) => Some(h),
                    _ => best,
                }
            }
            _ => best,
        }
    }

    /// The longest key at `start` that ends on a word boundary; a key ending inside
    /// a word gives way to the next shorter one, at most four keys deep.
    fn longest<'g>(a: &'g Automaton, text: &str, start: usize, ci: bool) -> Option<Hit<'g>> {
        let (found, n) = a.longest_prefixes(text.as_bytes(), start);
        for &(end, k) in &found[..n] {
            if at_boundary(text, end) {
                return Some(Hit {
                    start,
                    end,
                    entries: a.entries(k),
                    case_insensitive: ci,
                });
            }
            if end <= start + 1 {
                return None;
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> Gazetteer {
        let mut p = Patterns::empty();
        p.insert(
            "gazetteer/cities.tsv",
            "San\tGPE\nSan Jose\tGPE\t\tUS\nSan Jose\tGPE\t\tCR\nNew\tGPE\nNew York\tGPE\t\tUS\nA\tGPE\n",
        );
        p.insert("gazetteer/countries.tsv", "San Jose\tGPE\t\tCR\n");
        p.insert(
            "gazetteer/orgs.tsv",
            "#! case-insensitive\nacme corp\tORG\n",
        );
        Gazetteer::new(&p).unwrap()
    }

    fn surface<'t>(g: &Gazetteer, text: &'t str, start: usize) -> Option<&'t str> {
        g.match_at(text, start).map(|h| &text[h.start..h.end])
    }

    #[test]
    fn longest_key_ending_on_a_word_boundary() {
        let g = gaz();
        assert_eq!(surface(&g, "in San Jose, today", 3), Some("San Jose"));
        assert_eq!(surface(&g, "San Joseph", 0), Some("San"));
        assert_eq!(surface(&g, "New Yorkers", 0), Some("New"));
        assert_eq!(surface(&g, "Sandy", 0), None);
        assert_eq!(surface(&g, "A.", 0), Some("A"));
        assert_eq!(surface(&g, "Ab", 0), None);
        assert_eq!(surface(&g, "the ACME Corp.", 4), Some("ACME Corp"));
    }

    #[test]
    fn entries_best_list_first() {
        let g = gaz();
        let h = g.match_at("San Jose", 0).unwrap();
        assert_eq!(h.entries.len(), 3);
        let first = &g.entries[h.entries[0] as usize];
        assert_eq!(&*first.list, "countries");
        assert_eq!(first.country(), Some("CR"));
        assert!(!h.case_insensitive);
        assert!(g.match_at("acme corp", 0).unwrap().case_insensitive);
    }
}
