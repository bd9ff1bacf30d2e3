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
        // (the code is two ASCII capitals, checked on load: its place in a table of
        // every such pair, without a UTF-8 check)
        self.country_code.map(|[a, b]| {
            let i = (usize::from(a - b'A') * 26 + usize::from(b - b'A')) * 2;
            &COUNTRY_CODES[i..i + 2]
        })
    }
}

/// Every pair of ASCII capitals, "AA" to "ZZ", one after another.
const COUNTRY_CODES: &str = {
    const BYTES: [u8; 26 * 26 * 2] = {
        let mut t = [0u8; 26 * 26 * 2];
        let mut i = 0;
        while i < 26 * 26 {
            t[2 * i] = b'A' + (i / 26) as u8;
            t[2 * i + 1] = b'A' + (i % 26) as u8;
            i += 1;
        }
        t
    };
    match std::str::from_utf8(&BYTES) {
        Ok(s) => s,
        Err(_) => panic!("ASCII"),
    }
};

/// A slot of `Automaton::words`: the keys that start with one first word.
#[derive(Debug, Clone, Copy, Default)]
struct WordSlot {
    /// 16 bits of the word's hash (0 in an empty slot is fine: `hi` marks use).
    tag: u16,
    /// How many keys go on after the word with a byte below `'0'` (space or
    /// punctuation: "Pakistan Penal Code", "St. Louis"); they follow the word's own
    /// key, if any (`u16::MAX`: too many to count).
    punct: u16,
    /// The word's length in bytes.
    len: u32,
    /// `keys[lo..hi]` start with the word (bytewise); `hi == 0` marks an empty slot.
    lo: u32,
    hi: u32,
}

/// The first word of `s`: its leading run of alphanumeric characters (byte length).
#[inline]
fn first_word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = 0;
    while end < b.len() && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end < b.len() && b[end] >= 0x80 {
        // non-ASCII: continue by characters
        end += s[end..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(s.len() - end, |(i, _)| i);
    }
    end
}

/// ASCII letters and digits.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// The word hash (`Automaton::word_hash`): the tokenizer's, so that a word it
/// hashed can be looked up without hashing it again.
use super::tokens::hash_word;

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
    /// Patterns of one byte, by that byte.
    single: [bool; 256],
    /// Two-byte prefixes of the patterns (a 65,536-bit set): most words are
    /// rejected here without a search.
    prefix2: Box<[u64; 1024]>,
    /// Hashed three-byte prefixes (4,096 bits) of the keys that start with an ASCII
    /// lower-case letter or digit: "the", "that", "also" pass `prefix2` (keys "thi
    /// xa ...", "al-Qaeda") but are rejected here. Unused (`p3` false) when some such
    /// key is shorter than three bytes, and in a case-insensitive automaton.
    prefix3: Box<[u64; 64]>,
    p3: bool,
    /// Open-addressing table (a power of two long) of the first word of every key
    /// (its leading alphanumeric run, ASCII lower-cased when case-insensitive), with
    /// the range of keys that start with it: a word that starts no key is rejected
    /// with one probe, and the search for the longest key starts after the word.
    words: Box<[WordSlot]>,
    /// A two-bit Bloom filter (32 KB) of the first words' hashes: most words that
    /// start no key are rejected here, without touching the (much larger) `words`.
    word_bloom: Box<[u64; BLOOM_WORDS]>,
    ci: bool,
}

const BLOOM_BITS: u32 = 18;
const BLOOM_WORDS: usize = 1 << (BLOOM_BITS - 6);

/// The bit of `Automaton::prefix3` for a three-byte prefix.
#[inline(always)]
fn prefix3_bit(b0: u8, b1: u8, b2: u8) -> usize {
    let x = u32::from(b0) << 16 | u32::from(b1) << 8 | u32::from(b2);
    (x.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// The two bits of `Automaton::word_bloom` for a word hash.
#[inline(always)]
fn bloom_bits(h: u64) -> (usize, usize) {
    let m = (1u64 << BLOOM_BITS) - 1;
    (((h >> 14) & m) as usize, (h >> (64 - BLOOM_BITS)) as usize)
}

impl Automaton {
    #[inline]
    fn word_hash(&self, w: &[u8]) -> u64 {
        hash_word(w, self.ci)
    }

    /// The keys that start with the first word of `text[start..]`: (lo, hi, word
    /// length, end of the keys that go on with a byte below `'0'`), or None when no
    /// key does. `word`: the word's hash and length, when known.
    #[inline]
    fn word_range(
        &self,
        text: &str,
        start: usize,
        word: Option<(u64, usize)>,
        slot: u32,
    ) -> Option<(usize, usize, usize, usize)> {
        if slot != 0 {
            // (the word was found in `words` already: `Gazetteer::first_words`)
            return Some(self.slot_range(self.words[slot as usize - 1]));
        }
        let s = &text.as_bytes()[start..];
        // the ASCII part of the word, then its hash
        let (mut h, mut len) = word.unwrap_or((0, 0));
        if word.is_none() {
            while len < s.len() && ALNUM[s[len] as usize] {
                len += 1;
            }
            if len == s.len() || s[len] < 0x80 {
                h = self.word_hash(&s[..len]);
            }
        }
        if len < s.len() && s[len] >= 0x80 {
            len = first_word_len(&text[start..]);
            h = self.word_hash(&s[..len]);
        }
        if len == 0 {
            // a key may start with punctuation ("'s-Hertogenbosch")
            return Some((0, self.keys.len(), 0, self.keys.len()));
        }
        // (a word hashed by the caller passed the Bloom filter there: `start_automata`)
        if word.is_none() && !self.may_be_word(h) {
            return None;
        }
        let w = &s[..len];
        let mask = self.words.len() - 1;
        let tag = (h >> 48) as u16;
        let mut i = h as usize & mask;
        loop {
            let slot = self.words[i];
            if slot.hi == 0 {
                return None;
            }
            if slot.tag == tag && slot.len as usize == len {
                let (o, _) = self.keys[slot.lo as usize];
                let key = &self.bytes[o as usize..o as usize + len];
                if super::tokens::same_word(key, w, self.ci) {
                    return Some(self.slot_range(slot));
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The keys that start with the word of `slot`: (lo, hi, word length, end of
    /// the keys that go on with a byte below `'0'`).
    #[inline]
    fn slot_range(&self, slot: WordSlot) -> (usize, usize, usize, usize) {
        let (lo, hi, len) = (slot.lo as usize, slot.hi as usize, slot.len as usize);
        let punct = if slot.punct == u16::MAX {
            hi
        } else {
            let own = self.keys[lo].1 as usize == len;
            lo + usize::from(own) + usize::from(slot.punct)
        };
        (lo, hi, len, punct)
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
        if self.prefix2[k >> 6] & (1 << (k & 63)) == 0 {
            return false;
        }
        if self.p3 && (b0.is_ascii_lowercase() || b0.is_ascii_digit()) {
            let Some(&b2) = text.get(start + 2) else {
                return false;
            };
            let k = prefix3_bit(b0, b1, b2);
            return self.prefix3[k >> 6] & (1 << (k & 63)) != 0;
        }
        true
    }

    /// False when no key's first word has hash `h` (the Bloom filter of `words`).
    #[inline(always)]
    fn may_be_word(&self, h: u64) -> bool {
        let (b1, b2) = bloom_bits(h);
        self.word_bloom[b1 >> 6] & (1 << (b1 & 63)) != 0
            && self.word_bloom[b2 >> 6] & (1 << (b2 & 63)) != 0
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

    /// The (up to) four longest keys that `text[start..]` starts with and that are at
    /// least as long as its first word (a shorter key ends inside the word), longest
    /// first: (end, key index).
    #[inline]
    fn longest_prefixes(
        &self,
        text: &str,
        start: usize,
        word: Option<(u64, usize)>,
        slot: u32,
        found: &mut [(usize, usize); 4],
    ) -> usize {
        let mut n = 0;
        let Some((mut lo, mut hi, mut d, punct)) = self.word_range(text, start, word, slot) else {
            return n;
        };
        let text = text.as_bytes();
        // after the word, a key can only go on with the text's next byte (no letter
        // or digit): when that is space or punctuation, only the keys that go on
        // with such a byte are left
        if text.get(start + d).is_some_and(|&c| c < b'0') {
            hi = punct;
        }
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
            if hi - lo <= 16 {
                // few keys left: compare each with the text; the ones that match are
                // prefixes of one another, so sorted order is length order. Every key
                // here is longer than `d`; those whose byte `d` is not the text's are
                // skipped on that byte (sorted: they stop at a greater one)
                let rest = &text[start + d..];
                let c = self.fold(rest[0]);
                for k in lo..hi {
                    let (o, l) = self.keys[k];
                    let kc = self.bytes[o as usize + d];
                    if kc != c {
                        if kc > c {
                            break;
                        }
                        continue;
                    }
                    let tail = &self.bytes[o as usize + d..(o + l) as usize];
                    if tail.len() <= rest.len()
                        && super::tokens::same_word(tail, &rest[..tail.len()], self.ci)
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
            // (sorted: when the first and the last key go on with the text's byte,
            // every key between does — the space after a first word, mostly)
            if byte(&self.keys[lo]) != c || byte(&self.keys[hi - 1]) != c {
                lo += self.keys[lo..hi].partition_point(|k| byte(k) < c);
                hi = lo + self.keys[lo..hi].partition_point(|k| byte(k) == c);
            }
            d += 1;
        }
        n.min(4)
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
    }

    fn build(self, ci: bool, all: &[Entry]) -> Result<Option<Automaton>> {
        if self.items.is_empty() {
            return Ok(None);
        }
        let Builder { bytes, mut items } = self;
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
        let mut single = [false; 256];
        let mut prefix2 = Box::new([0u64; 1024]);
        let mut prefix3 = Box::new([0u64; 64]);
        let mut p3 = !ci;
        for &(o, l) in &keys {
            let b = &bytes[o as usize..(o + l) as usize];
            if b[0].is_ascii_lowercase() || b[0].is_ascii_digit() {
                if b.len() < 3 {
                    p3 = false;
                } else {
                    let k = prefix3_bit(b[0], b[1], b[2]);
                    prefix3[k >> 6] |= 1 << (k & 63);
                }
            }
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
        let mut a = Automaton {
            bytes,
            keys,
            entry_at,
            entry_ids,
            single,
            prefix2,
            prefix3,
            p3,
            words: Box::default(),
            word_bloom: Box::new([0; BLOOM_WORDS]),
            ci,
        };
        (a.words, a.word_bloom) = word_table(&a);
        Ok(Some(a))
    }
}

/// The first-word table of an automaton and its Bloom filter (see `Automaton::words`).
fn word_table(a: &Automaton) -> (Box<[WordSlot]>, Box<[u64; BLOOM_WORDS]>) {
    let key = |k: usize| {
        let (o, l) = a.keys[k];
        &a.bytes[o as usize..(o + l) as usize]
    };
    // (about half full: sized by the first words, fewer than the keys — keys that
    // share a first word mostly sort together — so that the table stays small)
    let lens: Vec<usize> = (0..a.keys.len())
        .map(|k| first_word_len(std::str::from_utf8(key(k)).expect("UTF-8 key")))
        .collect();
    let words = (0..a.keys.len())
        .filter(|&k| k == 0 || key(k)[..lens[k]] != key(k - 1)[..lens[k - 1]])
        .count();
    let size = (words * 3 / 2).next_power_of_two().max(2);
    let mask = size - 1;
    let mut table = vec![WordSlot::default(); size];
    let mut bloom = Box::new([0u64; BLOOM_WORDS]);
    for (k, &len) in lens.iter().enumerate() {
        let kb = key(k);
        if len == 0 {
            continue;
        }
        let w = &kb[..len];
        let h = a.word_hash(w);
        let (b1, b2) = bloom_bits(h);
        bloom[b1 >> 6] |= 1 << (b1 & 63);
        bloom[b2 >> 6] |= 1 << (b2 & 63);
        let tag = (h >> 48) as u16;
        let mut i = h as usize & mask;
        loop {
            let slot = table[i];
            if slot.hi == 0 {
                // keys are sorted: those that start with `w` are one range around
                // `k` (usually a short one: walking it is cheaper than searching)
                let mut lo = k;
                while lo > 0 && key(lo - 1).starts_with(w) {
                    lo -= 1;
                }
                let mut hi = k + 1;
                while hi < a.keys.len() && key(hi).starts_with(w) {
                    hi += 1;
                }
                // the keys that go on with a byte below '0' follow the word's own
                // key (sorted bytewise)
                let own = usize::from(key(lo).len() == len);
                let punct = (lo + own..hi).take_while(|&k| key(k)[len] < b'0').count();
                table[i] = WordSlot {
                    tag,
                    punct: u16::try_from(punct).unwrap_or(u16::MAX),
                    len: len as u32,
                    lo: lo as u32,
                    hi: hi as u32,
                };
                break;
            }
            if slot.tag == tag && slot.len as usize == len && key(slot.lo as usize)[..len] == *w {
                break;
            }
            i = (i + 1) & mask;
        }
    }
    (table.into_boxed_slice(), bloom)
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
    #[inline(always)]
    pub fn match_at<'g>(&'g self, text: &str, start: usize) -> Option<Hit<'g>> {
        self.match_word(text, start, None)
    }

    /// `match_at` for a word start, given the `tokens::hash_word` hash and length of
    /// its leading run of ASCII letters and digits when a byte below 0x80 (or the end
    /// of the text) ends that run.
    #[inline(always)]
    pub fn match_word<'g>(
        &'g self,
        text: &str,
        start: usize,
        word: Option<(u64, usize)>,
    ) -> Option<Hit<'g>> {
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
        self.match_from(text, start, cs, ci, word, 0)
    }

    /// False when `match_at(text, start)` is surely None, for a word start (the
    /// cheap test of `start_automata`; `hash` as there).
    #[inline(always)]
    pub fn may_start_word(&self, text: &[u8], start: usize, hash: Option<u64>) -> bool {
        let cs = self
            .cs
            .as_ref()
            .is_some_and(|a| a.may_start2(text, start) && hash.map_or(true, |h| a.may_be_word(h)));
        cs || self.ci.as_ref().is_some_and(|a| a.may_start2(text, start))
    }

    /// The automata in which a key may start at word start `start`: bit 1 the
    /// case-sensitive one, bit 2 the case-insensitive one; 0 when `match_at(text,
    /// start)` is surely None. `hash`: the `tokens::hash_word` hash of the run of
    /// ASCII letters and digits at `start`, when a byte below 0x80 (or the end of the
    /// text) ends that run.
    #[inline(always)]
    pub fn start_automata(&self, text: &[u8], start: usize, hash: Option<u64>) -> u8 {
        let cs = self.cs.as_ref().is_some_and(|a| {
            // (a case-sensitive key's first word is hashed as it is written)
            a.may_start2(text, start) && hash.map_or(true, |h| a.may_be_word(h))
        });
        let ci = self.ci.as_ref().is_some_and(|a| a.may_start2(text, start));
        u8::from(cs) | u8::from(ci) << 1
    }

    /// `match_word` at a word start whose `start_automata` are `may` (computed with
    /// the hash of `word`, when known): the automata that cannot match are skipped.
    /// `slot`: 1 + the word's slot in the case-sensitive first words (`first_words`),
    /// when known (else 0).
    #[inline(always)]
    pub fn match_started<'g>(
        &'g self,
        text: &str,
        start: usize,
        may: u8,
        word: Option<(u64, usize)>,
        slot: u32,
    ) -> Option<Hit<'g>> {
        if may == 0 {
            return None;
        }
        self.match_from(text, start, may & 1 != 0, may & 2 != 0, word, slot)
    }

    /// The first words of the case-sensitive keys, each with 1 + its slot (for
    /// `match_started`).
    pub fn first_words(&self) -> Vec<(&[u8], u32)> {
        let Some(a) = &self.cs else {
            return Vec::new();
        };
        a.words
            .iter()
            .enumerate()
            .filter(|(_, s)| s.hi != 0)
            .map(|(i, s)| {
                let o = a.keys[s.lo as usize].0 as usize;
                (&a.bytes[o..o + s.len as usize], i as u32 + 1)
            })
            .collect()
    }

    /// The case-insensitive lists may have a key at word start `start` (bit 2 of
    /// `start_automata`).
    #[inline(always)]
    pub fn may_start_ci(&self, text: &[u8], start: usize) -> bool {
        self.ci.as_ref().is_some_and(|a| a.may_start2(text, start))
    }

    /// `match_at` for a start that passed the two-byte test of `cs` and/or `ci`.
    #[inline(never)]
    fn match_from<'g>(
        &'g self,
        text: &str,
        start: usize,
        cs: bool,
        ci: bool,
        word: Option<(u64, usize)>,
        slot: u32,
    ) -> Option<Hit<'g>> {
        // (the hash is that of the word as written: the case-sensitive lists')
        let best = match &self.cs {
            Some(a) if cs => Self::longest(a, text, start, false, word, slot),
            _ => None,
        };
        match &self.ci {
            Some(a) if ci => match Self::longest(a, text, start, true, None, 0) {
                Some(h) if best.map_or(true, |x| h.end > x.end) => Some(h),
                _ => best,
            },
            _ => best,
        }
    }

    /// The longest key at `start` that ends on a word boundary; a key ending inside
    /// a word gives way to the next shorter one, at most four keys deep.
    fn longest<'g>(
        a: &'g Automaton,
        text: &str,
        start: usize,
        ci: bool,
        word: Option<(u64, usize)>,
        slot: u32,
    ) -> Option<Hit<'g>> {
        let mut found = [(0, 0); 4];
        let n = a.longest_prefixes(text, start, word, slot, &mut found);
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
        .is_some_and(super::tokens::is_alnum);
    if !prev_alnum {
        return true;
    }
    match text[end..].chars().next() {
        None => true,
        Some(c) => !super::tokens::is_alnum(c),
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
