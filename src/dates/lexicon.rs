//! Word lists of the date tagger (`patterns/dates/*.tsv`) and the expansion of
//! `{list}` placeholders in rule patterns into regex alternations.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use anyhow::{bail, Result};

use crate::patterns::{lines, Patterns};

/// One list: lowercased, space-normalized phrase → (value column, flags column).
#[derive(Debug, Default, Clone)]
pub struct List {
    pub entries: FastMap<String, (String, String)>,
}

impl List {
    pub fn get(&self, phrase: &str) -> Option<&str> {
        self.entry(phrase).map(|(v, _)| v.as_str())
    }
    pub fn flags(&self, phrase: &str) -> Option<&str> {
        self.entry(phrase).map(|(_, f)| f.as_str())
    }
    /// The entry of `phrase` (normalized as [`normalize`] does; short ASCII
    /// phrases without allocating).
    pub fn entry(&self, phrase: &str) -> Option<&(String, String)> {
        // The usual phrase, printable ASCII words with single spaces between them
        // and no more than the buffer holds, is its own key once lower-cased.
        let b = phrase.as_bytes();
        let mut simple = b.len() <= 48;
        let mut upper = false;
        let mut after_space = true;
        for &c in b {
            match c {
                b' ' if !after_space => after_space = true,
                b'A'..=b'Z' => {
                    upper = true;
                    after_space = false;
                }
                0x21..=0x7e => after_space = false,
                _ => {
                    simple = false;
                    break;
                }
            }
        }
        if simple && !after_space {
            if !upper {
                return self.entries.get(phrase);
            }
            let mut buf = [0u8; 48];
            for (d, c) in buf.iter_mut().zip(b) {
                *d = c.to_ascii_lowercase();
            }
            return self.entries.get(std::str::from_utf8(&buf[..b.len()]).ok()?);
        }
        // (`split_ascii_whitespace` does not split at a vertical tab; `normalize` does.)
        if phrase.bytes().any(|b| !b.is_ascii() || b == 0x0b) {
            return self.entries.get(&normalize(phrase));
        }
        let mut buf = [0u8; 48];
        let mut n = 0;
        for (i, w) in phrase.split_ascii_whitespace().enumerate() {
            let need = w.len() + usize::from(i > 0);
            if n + need > buf.len() {
                return self.entries.get(&normalize(phrase));
            }
            if i > 0 {
                buf[n] = b' ';
                n += 1;
            }
            for (d, b) in buf[n..n + w.len()].iter_mut().zip(w.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            n += w.len();
        }
        let key = std::str::from_utf8(&buf[..n]).ok()?;
        self.entries.get(key)
    }
}

/// Lowercases and collapses whitespace runs (and hyphens between words stay).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else {
            out.push_str(&w.to_lowercase().replace('’', "'"));
        }
    }
    out
}

/// Hash maps of short keys, looked up per match: FNV-1a instead of SipHash (the
/// keys are our own pattern data, not attacker-chosen).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// 64-bit FNV-1a.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// All lists under `patterns/dates/`, by file stem.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub lists: FastMap<String, List>,
}

/// Files under `patterns/dates/` that are not word lists.
const NOT_LISTS: &[&str] = &["rules", "triggers", "tense", "context"];

impl Lexicon {
    pub fn load(patterns: &Patterns) -> Result<Self> {
        let mut lists = FastMap::default();
        for (path, content) in patterns.files_in("dates", ".tsv") {
            let stem = crate::patterns::stem(path);
            if NOT_LISTS.contains(&stem) {
                continue;
            }
            let mut list = List::default();
            for line in lines(content) {
                let key = normalize(line.col(0));
                if key.is_empty() {
                    bail!("{path}:{}: empty phrase", line.number);
                }
                list.entries
                    .insert(key, (line.col(1).to_string(), line.col(2).to_string()));
            }
            lists.insert(stem.to_string(), list);
        }
        Ok(Lexicon { lists })
    }

    /// The list `name`, or an empty one.
    pub fn list(&self, name: &str) -> &List {
        static EMPTY: std::sync::OnceLock<List> = std::sync::OnceLock::new();
        self.lists
            .get(name)
            .unwrap_or_else(|| EMPTY.get_or_init(List::default))
    }

    /// Value of `phrase` in list `name`.
    pub fn get(&self, name: &str, phrase: &str) -> Option<&str> {
        self.list(name).get(phrase)
    }

    /// A non-capturing alternation matching any phrase of list `name`, longest
    /// first; spaces match any whitespace run and phrases ending in a word
    /// character end at a word boundary.
    pub fn alternation(&self, name: &str) -> Option<String> {
        self.alternation_filtered(name, |_| true)
    }

    /// [`Self::alternation`] over the phrases that pass `keep`.
    ///
    /// The alternation is written as a trie ("jan(?:uary\b|\.|\b)"), which
    /// compiles to a much smaller automaton than one branch per phrase and matches
    /// exactly the same: two phrases can both match at one position only if one is
    /// a prefix of the other, and then the trie, like the flat list sorted longest
    /// first, tries the longer one first.
    pub fn alternation_filtered(&self, name: &str, keep: impl Fn(&str) -> bool) -> Option<String> {
        let list = self.lists.get(name)?;
        let mut keys: Vec<&String> = list.entries.keys().filter(|k| keep(k)).collect();
        keys.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let mut root = Trie::default();
        for k in &keys {
            let mut node = &mut root;
            for c in k.chars() {
                let atom = match c {
                    ' ' => r"\s+".to_string(),
                    '\'' => "(?:'|’)".to_string(),
                    c => regex::escape(c.encode_utf8(&mut [0; 4])),
                };
                let i = match node.children.iter().position(|(a, _)| *a == atom) {
                    Some(i) => i,
                    None => {
                        node.children.push((atom, Trie::default()));
                        node.children.len() - 1
                    }
                };
                node = &mut node.children[i].1;
            }
            let end = if k.ends_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            node.end = Some(end);
        }
        let mut out = String::from("(?:");
        if !keys.is_empty() {
            root.write(&mut out);
        }
        out.push(')');
        Some(out)
    }

    /// Expands `{list}` and `{NUM}` placeholders of a rule pattern.
    pub fn expand(&self, pattern: &str) -> Result<String> {
        let mut out = String::with_capacity(pattern.len() * 4);
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}');
            let name = close.map(|c| &after[..c]);
            match name {
                Some(n)
                    if !n.is_empty() && n.chars().all(|c| c.is_ascii_alphabetic() || c == '_') =>
                {
                    if n == "NUM" {
                        let w = self
                            .alternation("numbers")
                            .unwrap_or_else(|| "(?:one)".into());
                        // After the first word, an article starts something else
                        // ("seven a year", "$5 million a year").
                        let c = self
                            .alternation_filtered("numbers", |k| {
                                k != "a" && k != "an" && !k.starts_with("a ")
                            })
                            .unwrap_or_else(|| "(?:one)".into());
                        out.push_str(&format!(
                            r"(?:\d[\d,]*(?:\.\d+)?(?:\s+[13]/[24]|½)?|{w}(?:(?:\s+and\s+a\s+|\s+and\s+|\s+|-){c})*)"
                        ));
                    } else {
                        match self.alternation(n) {
                            Some(a) => out.push_str(&a),
                            None => bail!("unknown list {{{n}}} (no patterns/dates/{n}.tsv)"),
                        }
                    }
                    rest = &after[close.unwrap() + 1..];
                }
                _ => {
                    // A regex repetition such as `\d{4}`: keep it.
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Ok(out.replace(r"\b", r"(?-u:\b)"))
    }
}

/// A trie of phrases, as regex atoms.
#[derive(Default)]
struct Trie {
    children: Vec<(String, Trie)>,
    /// A phrase ends here, followed by this (`\b` after a word character).
    end: Option<&'static str>,
}

impl Trie {
    /// Writes the alternation of this node's continuations: longer ones (the
    /// children) before the phrase ending here.
    fn write(&self, out: &mut String) {
        let n = self.children.len() + usize::from(self.end.is_some());
        if n > 1 {
            out.push_str("(?:");
        }
        for (i, (atom, child)) in self.children.iter().enumerate() {
            if i > 0 {
                out.push('|');
            }
            out.push_str(atom);
            child.write(out);
        }
        if let Some(end) = self.end {
            if !self.children.is_empty() {
                out.push('|');
            }
            out.push_str(end);
        }
        if n > 1 {
            out.push(')');
        }
    }
}

/// Length of a leading "a "/"an " that is an article before a number word
/// ("a five-year plan"), not the number one ("a year", "a few", "a half").
pub fn article_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    if b.len() < 3 || !b[0].eq_ignore_ascii_case(&b'a') || !matches!(b[1], b' ' | b'n' | b'N') {
        return None;
    }
    let lower = text
        .get(..3)
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default();
    let n = if lower.starts_with("an ") {
        3
    } else if lower.starts_with("a ") {
        2
    } else {
        return None;
    };
    let rest = text[n..].trim_start().to_ascii_lowercase();
    let next = rest.split([' ', '-']).next().unwrap_or("");
    if next.is_empty() || matches!(next, "few" | "couple" | "dozen" | "half" | "number") {
        return None;
    }
    let is_number = next.chars().next().is_some_and(|c| c.is_ascii_digit())
        || [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
        ]
        .contains(&next);
    is_number.then_some(text.len() - rest.len())
}

/// Parses a number in digits or words: `Some(None)` for a vague amount ("a few").
pub fn parse_number(lex: &Lexicon, text: &str) -> Option<Option<f64>> {
    // Shortcuts with the results of the general path below, without its
    // allocations: digits (with thousands commas) and a single word.
    let b = text.as_bytes();
    if b.first().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|&c| c.is_ascii_digit() || c == b',')
        && b.iter().filter(|c| c.is_ascii_digit()).count() <= 15
    {
        // At most 15 digits: exact in an f64, as the parse below gives it.
        let v = b
            .iter()
            .filter(|c| c.is_ascii_digit())
            .fold(0u64, |v, &c| v * 10 + u64::from(c - b'0'));
        return Some(Some(v as f64));
    }
    if !b.is_empty()
        && b.iter().all(u8::is_ascii_alphabetic)
        && !["and", "inf", "infinity", "nan"]
            .iter()
            .any(|w| text.eq_ignore_ascii_case(w))
    {
        // Not a float ("inf" and "nan" are), no fraction suffix, no article
        // before a space, one word: the list's value or nothing.
        let v = lex.list("numbers").get(text)?;
        return Some(if v == "X" { None } else { v.parse().ok() });
    }
    let t = normalize(text);
    let digits: String = t.chars().filter(|c| *c != ',').collect();
    if let Ok(v) = digits.parse::<f64>() {
        return Some(Some(v));
    }
    // "5 1/2", "5½"
    for (suffix, add) in [(" 1/2", 0.5), ("½", 0.5), (" 1/4", 0.25), (" 3/4", 0.75)] {
        if let Some(whole) = digits.strip_suffix(suffix) {
            if let Ok(v) = whole.trim().parse::<f64>() {
                return Some(Some(v + add));
            }
        }
    }
    let t = match article_len(&t) {
        Some(n) => t[n..].to_string(),
        None => t,
    };
    let numbers = lex.list("numbers");
    if let Some(v) = numbers.get(&t) {
        return Some(if v == "X" { None } else { v.parse().ok() });
    }
    // Greedy phrase segmentation ("a couple of", "twenty four", "two and a half").
    let words: Vec<&str> = t.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let mut total: f64 = 0.0;
    let mut current: f64 = 0.0;
    let mut i = 0;
    let mut any = false;
    // The last word added below a hundred: "twenty" may take "four", but "two"
    // takes no "four" ("two four-year terms": the number is the last one, four).
    let mut last: Option<f64> = None;
    while i < words.len() {
        if words[i] == "and" {
            i += 1;
            continue;
        }
        let mut matched = None;
        for len in (1..=3.min(words.len() - i)).rev() {
            let phrase = words[i..i + len].join(" ");
            if let Some(v) = numbers.get(&phrase) {
                matched = Some((len, v));
                break;
            }
        }
        let (len, v) = matched?;
        if v == "X" {
            return Some(None);
        }
        let v: f64 = v.parse().ok()?;
        if v == 0.5 {
            current += 0.5;
        } else if v == 100.0 {
            current = current.max(1.0) * 100.0;
            last = None;
        } else if v >= 1000.0 {
            total += current.max(1.0) * v;
            current = 0.0;
            last = None;
        } else if v == 1.0
            && len == 1
            && words[i] != "one"
            && i + 1 < words.len()
            && words[i + 1] == "half"
        {
            // "a half": the article, not one
        } else {
            let joins = match last {
                None => true,
                // "twenty four", "ninety-nine"
                Some(l) => v < 10.0 && l >= 20.0 && l % 10.0 == 0.0,
            };
            if joins {
                current += v;
            } else {
                total = 0.0;
                current = v;
            }
            last = (v < 100.0).then_some(v);
        }
        any = true;
        i += len;
    }
    any.then_some(Some(total + current))
}
