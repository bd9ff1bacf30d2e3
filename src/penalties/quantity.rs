//! Quantities a penalty can carry: durations ("three-year", "57 months",
//! "between two and five years", "25 years to life") and money ("$1.2 million",
//! "Rs. 50,000", "50,000 rupees"), from the number words, units and currencies in
//! `patterns/penalties/`.

use std::ops::Range;

use anyhow::{bail, Context, Result};
use regex::{Regex, RegexBuilder};

use super::phrases::Lower;
use crate::document::Bound;
use crate::hash::FxMap as HashMap;
use crate::patterns::{lines, Patterns};

/// A number word's role.
#[derive(Debug, Clone, Copy)]
enum NumWord {
    Unit(f64),
    Scale(f64),
    /// A scale written only after a money amount ("£2.3m").
    Abbr(f64),
}

/// What a quantity measures.
#[derive(Debug, Clone, PartialEq)]
pub enum QuantityKind {
    /// ISO 8601 duration; `life` for "25 years to life".
    Duration { iso: String, life: bool },
    /// Value and currency spec (resolved to an ISO code later, per document).
    Money { value: f64, currency: usize },
}

/// A quantity found in a sentence (byte offsets into the document).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub kind: QuantityKind,
    /// `Max` for ranges ("3 to 10 years"), else `Exact`.
    pub bound: Bound,
}

/// A currency's ISO code, possibly depending on the document's country.
#[derive(Debug, Clone)]
pub struct CurrencySpec {
    /// (country, code); country `*` is the fallback.
    pub choices: Vec<(String, String)>,
    pub multiplier: f64,
}

impl CurrencySpec {
    /// The ISO code for a document whose country is `country`.
    pub fn resolve(&self, country: Option<&str>) -> &str {
        if let Some(c) = country {
            if let Some((_, code)) = self.choices.iter().find(|(k, _)| k == c) {
                return code;
            }
        }
        self.choices
            .iter()
            .find(|(k, _)| k == "*")
            .map_or("XXX", |(_, code)| code.as_str())
    }
    /// The ISO code for a document naming `ranked` countries (most named first):
    /// the top country's code, else the fallback; a currency without a fallback
    /// takes the best-ranked country it has a code for ("Rs." in a release that
    /// names India below the United States is still INR, where "$" beside a
    /// Canadian place stays USD).
    pub fn resolve_ranked(&self, ranked: &[String]) -> &str {
        let top = ranked.first().map(String::as_str);
        if self
            .choices
            .iter()
            .any(|(k, code)| k == "*" && code != "XXX")
        {
            return self.resolve(top);
        }
        let c = ranked
            .iter()
            .find(|c| self.choices.iter().any(|(k, _)| k == *c));
        self.resolve(c.map(String::as_str))
    }
    /// Whether the code depends on the country.
    pub fn ambiguous(&self) -> bool {
        self.choices.len() > 1
    }
}

/// Group indices of the money regex (by index: no name lookups per match).
struct MoneyGroups {
    pre: usize,
    n1: usize,
    s1: usize,
    suf1: usize,
    n2: usize,
    s2: usize,
    suf2: usize,
}

/// Group indices of the duration regex.
struct DurationGroups {
    between: usize,
    n1: usize,
    n2: usize,
    unit: usize,
    n3: usize,
    unit2: usize,
    n4: usize,
    unit3: usize,
    more: usize,
    life: usize,
    lmin: usize,
}

/// Where the groups of a money match are (by [`MoneyGroups`] name).
#[derive(Default)]
struct MoneyMatch {
    pre: Option<Range<usize>>,
    n1: Option<Range<usize>>,
    s1: Option<Range<usize>>,
    suf1: Option<Range<usize>>,
    n2: Option<Range<usize>>,
    s2: Option<Range<usize>>,
    suf2: Option<Range<usize>>,
}

/// Where the groups of a duration match are (by [`DurationGroups`] name).
#[derive(Default)]
struct DurationMatch {
    between: Option<Range<usize>>,
    n1: Option<Range<usize>>,
    n2: Option<Range<usize>>,
    unit: Option<Range<usize>>,
    n3: Option<Range<usize>>,
    unit2: Option<Range<usize>>,
    /// A third part: "1 year, 6 months and [22 days]".
    n4: Option<Range<usize>>,
    unit3: Option<Range<usize>>,
    more: Option<Range<usize>>,
    life: Option<Range<usize>>,
    lmin: Option<Range<usize>>,
}

/// What reading the common shapes by hand needs; `None` in [`Quantities`] when
/// the word lists break an assumption that makes those readings unique (then
/// every match goes to the capture engine).
struct Fast {
    /// Currency prefix tokens as written.
    prefixes: Vec<String>,
    /// Lowercased currency suffix tokens.
    suffixes: crate::hash::FxSet<String>,
}

impl Fast {
    /// Checks the assumptions behind [`Quantities::money_groups`] and
    /// [`Quantities::duration_groups`]: prefixes hold no digit, space or cased
    /// non-ASCII letter; scales and suffixes no digit, comma or period; units are
    /// ASCII words that are neither number words nor the regex's own words.
    fn new(
        words: &HashMap<String, NumWord>,
        units: &HashMap<String, (char, u32)>,
        prefixes: &[String],
        suffixes: &[String],
    ) -> Option<Fast> {
        let prefix_ok = |p: &String| {
            !p.is_empty()
                && p.chars().all(|c| {
                    !c.is_ascii_digit()
                        && !c.is_whitespace()
                        && (c.is_ascii() || !(c.is_lowercase() || c.is_uppercase()))
                })
        };
        let no_number_chars =
            |w: &str| !w.contains(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
        let unit_ok = |u: &String| {
            !u.is_empty()
                && u.bytes().all(|c| c.is_ascii_alphabetic())
                && !words.contains_key(u)
                && !matches!(
                    u.as_str(),
                    "between"
                        | "from"
                        | "to"
                        | "and"
                        | "or"
                        | "life"
                        | "more"
                        | "longer"
                        | "half"
                        | "a"
                        | "an"
                )
        };
        let ok = prefixes.iter().all(prefix_ok)
            && suffixes.iter().all(|w| no_number_chars(w))
            && words
                .keys()
                .all(|w| no_number_chars(w) && !w.contains([' ', '-']))
            && units.keys().all(unit_ok);
        ok.then(|| Fast {
            prefixes: prefixes.to_vec(),
            suffixes: suffixes.iter().map(|w| w.to_lowercase()).collect(),
        })
    }
}

pub struct Quantities {
    mg: MoneyGroups,
    dg: DurationGroups,
    words: HashMap<String, NumWord>,
    units: HashMap<String, (char, u32)>,
    /// Lowercased currency token → index into `currencies`.
    tokens: HashMap<String, usize>,
    pub currencies: Vec<CurrencySpec>,
    duration: Regex,
    money: Regex,
    count_before: Regex,
    /// The lower end of a money range before an amount.
    money_lower: Regex,
    /// Words after a duration that make it an age ("22-year-old"), lowercased.
    ages: Vec<String>,
    fast: Option<Fast>,
}

fn alternation(mut words: Vec<String>) -> String {
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

impl Quantities {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let mut words = HashMap::default();
        let path = "penalties/numbers.tsv";
        for l in lines(patterns.require(path)?) {
            let v: f64 = l
                .col(1)
                .parse()
                .with_context(|| format!("{path}:{}: bad value {:?}", l.number, l.col(1)))?;
            let w = match l.col(2) {
                "unit" => NumWord::Unit(v),
                "scale" => NumWord::Scale(v),
                "abbr" => NumWord::Abbr(v),
                t => bail!(
                    "{path}:{}: type must be unit, scale or abbr, not {t:?}",
                    l.number
                ),
            };
            words.insert(l.col(0).to_lowercase(), w);
        }
        let mut units = HashMap::default();
        let path = "penalties/units.tsv";
        for l in lines(patterns.require(path)?) {
            let d = match l.col(1) {
                "Y" => 'Y',
                "M" => 'M',
                "W" => 'W',
                "D" => 'D',
                "H" => 'H',
                d => bail!(
                    "{path}:{}: designator must be Y, M, W, D or H, not {d:?}",
                    l.number
                ),
            };
            let m: u32 = l
                .col(2)
                .parse()
                .with_context(|| format!("{path}:{}: bad multiplier {:?}", l.number, l.col(2)))?;
            units.insert(l.col(0).to_lowercase(), (d, m));
        }
        let mut tokens = HashMap::default();
        let mut currencies = Vec::new();
        let (mut prefixes, mut suffixes) = (Vec::new(), Vec::new());
        let path = "penalties/currencies.tsv";
        for l in lines(patterns.require(path)?) {
            let tok = l.col(0);
            match l.col(1) {
                "prefix" => prefixes.push(tok.to_string()),
                "suffix" => suffixes.push(tok.to_string()),
                "both" => {
                    prefixes.push(tok.to_string());
                    suffixes.push(tok.to_string());
                }
                p => bail!(
                    "{path}:{}: position must be prefix, suffix or both, not {p:?}",
                    l.number
                ),
            }
            let mut choices = Vec::new();
            for c in l.col(2).split_whitespace() {
                match c.split_once('=') {
                    Some((k, v)) if v.len() == 3 => choices.push((k.to_string(), v.to_string())),
                    None if c.len() == 3 => choices.push(("*".to_string(), c.to_string())),
                    _ => bail!(
                        "{path}:{}: bad currency {c:?} (want XYZ or CC=XYZ)",
                        l.number
                    ),
                }
            }
            if choices.is_empty() {
                bail!("{path}:{}: no currency code", l.number);
            }
            let multiplier = match l.col(3) {
                "" => 1.0,
                m => m
                    .parse()
                    .with_context(|| format!("{path}:{}: bad multiplier {m:?}", l.number))?,
            };
            tokens.insert(tok.to_lowercase(), currencies.len());
            currencies.push(CurrencySpec {
                choices,
                multiplier,
            });
        }
        let numw = alternation(
            words
                .iter()
                .filter(|(_, v)| !matches!(v, NumWord::Abbr(_)))
                .map(|(k, _)| k.clone())
                .collect(),
        );
        let unit_words: Vec<String> = units.keys().cloned().collect();
        let unitw = alternation(unit_words);
        // ASCII digits: the only ones `number` reads (and a Unicode `\d` in each of
        // the bounded repetitions makes the regexes slow to build).
        let digits = r"(?:[0-9]{1,3}(?:,[0-9]{2,3})+|[0-9]+)(?:\.[0-9]+)?";
        let worded = format!(r"(?:{numw})(?:(?:\s+|-)(?:{numw}))*");
        let half = r"(?:(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)?";
        let num = format!(r"(?:{digits}|{worded}){half}");
        let duration = format!(
            r"(?i)\b(?:(?P<between>between|from)\s+)?(?P<n1>{num}|an?)(?:\s*(?:to|-|–|and|or)\s*(?P<n2>{num}))?(?:\s+|-)(?P<unit>{unitw})\b(?:(?:\s+and\s+|,\s*|-and-|\s+)(?P<n3>{num})(?:\s+|-)(?P<unit2>{unitw})\b(?:(?:,?\s+and\s+|,\s*|-and-)(?P<n4>{num})(?:\s+|-)(?P<unit3>{unitw})\b)?)?(?P<more>\s+or\s+(?:more|longer)\b)?(?P<life>(?:\s+|-)to(?:\s+|-)life\b)?['’]?|\b(?P<lmin>{digits}|{worded})(?:\s+|-)to(?:\s+|-)life\b"
        );
        let scales = alternation(
            words
                .iter()
                .filter(|(_, v)| matches!(v, NumWord::Scale(_) | NumWord::Abbr(_)))
                .map(|(k, _)| k.clone())
                .collect(),
        );
        let fast = Fast::new(&words, &units, &prefixes, &suffixes);
        let pre = alternation(prefixes);
        let suf = alternation(suffixes);
        // After a currency prefix, a space may separate thousands ("R450 000").
        let spaced = r"[0-9]{1,3}(?: [0-9]{3})+\b";
        let money = format!(
            r"(?:(?P<pre>{pre})\s?(?P<n1>{spaced}|{digits})(?:\s*(?P<s1>{scales})\b)?(?:\s+(?P<suf1>{suf})\b)?|(?P<n2>{digits}|{worded})(?:\s*(?P<s2>{scales})\b)?\s+(?P<suf2>{suf})\b)"
        );
        let build = |re: &str, ci: bool| {
            RegexBuilder::new(&super::phrases::ascii_boundaries(re))
                .case_insensitive(ci)
                .build()
                .context("building quantity regexes from patterns/penalties/")
        };
        let duration = build(&duration, true)?;
        let money = build(&money, true)?;
        let g = |re: &Regex, name: &str| -> Result<usize> {
            re.capture_names()
                .position(|n| n == Some(name))
                .with_context(|| format!("no group {name:?} in {:?}", re.as_str()))
        };
        Ok(Quantities {
            mg: MoneyGroups {
                pre: g(&money, "pre")?,
                n1: g(&money, "n1")?,
                s1: g(&money, "s1")?,
                suf1: g(&money, "suf1")?,
                n2: g(&money, "n2")?,
                s2: g(&money, "s2")?,
                suf2: g(&money, "suf2")?,
            },
            dg: DurationGroups {
                between: g(&duration, "between")?,
                n1: g(&duration, "n1")?,
                n2: g(&duration, "n2")?,
                unit: g(&duration, "unit")?,
                n3: g(&duration, "n3")?,
                unit2: g(&duration, "unit2")?,
                n4: g(&duration, "n4")?,
                unit3: g(&duration, "unit3")?,
                more: g(&duration, "more")?,
                life: g(&duration, "life")?,
                lmin: g(&duration, "lmin")?,
            },
            duration,
            money,
            ages: crate::patterns::word_list(patterns.require("penalties/ages.txt")?)
                .map(str::to_lowercase)
                .collect(),
            money_lower: build(
                &format!(
                    r"(?i)\b(?:between\s+(?:(?P<n>{digits})(?:\s*(?P<s>{scales})\b)?|\S+(?:\s+\S+)?)\s+and|(?:from\s+)?(?:(?P<n2>{digits})(?:\s*(?P<s2>{scales})\b)?|\S+)\s*(?:to|-|–))\s*$"
                ),
                true,
            )?,
            count_before: build(
                &format!(
                    r"(?i)\b(?P<lo>(?:between\s+(?:{digits}|{worded})\s+and|(?:from\s+)?(?:{digits}|{worded})\s*(?:to|-|–|or))\s*)?(?P<n>{digits}|{worded})\s+$"
                ),
                true,
            )?,
            words,
            units,
            tokens,
            currencies,
            fast,
        })
    }

    /// Whether `w` is a duration unit word ("years"), ASCII case-insensitive.
    pub fn is_unit(&self, w: &str) -> bool {
        w.len() < 16 && self.units.contains_key(&*w.lower())
    }

    /// Whether `w` is a number word ("three", "million").
    pub fn is_number_word(&self, w: &str) -> bool {
        w.len() < 16 && self.words.contains_key(&*w.lower())
    }

    /// Parses "57", "1,200.5", "three", "twenty-five", "two and a half".
    pub fn number(&self, s: &str) -> Option<f64> {
        let s = s.trim();
        // Plain digits with commas ("57", "250,000"): read directly (an integer
        // below 10^18 converts to the f64 that parsing its digits gives).
        let b = s.as_bytes();
        if (1..=18).contains(&b.len())
            && b.iter().all(|c| c.is_ascii_digit() || *c == b',')
            && b.iter().any(u8::is_ascii_digit)
            && b.iter().filter(|c| c.is_ascii_digit()).count() <= 18
        {
            let v = b
                .iter()
                .filter(|c| c.is_ascii_digit())
                .fold(0u64, |v, c| v * 10 + u64::from(c - b'0'));
            return Some(v as f64);
        }
        // (Commas and thousands spaces dropped; a copy only when there is one.)
        let spaced = s.contains(' ') && s.bytes().all(|c| c.is_ascii_digit() || c == b' ');
        let parsed = if s.contains(',') || spaced {
            s.replace([',', ' '], "").parse::<f64>()
        } else {
            s.parse::<f64>()
        };
        if let Ok(v) = parsed {
            return Some(v);
        }
        let lower = s.lower();
        let mut total: f64 = 0.0;
        let mut current: f64 = 0.0;
        let mut any = false;
        let mut toks = lower
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|t| !t.is_empty())
            .peekable();
        while let Some(t) = toks.next() {
            match t {
                "a" | "an" => {
                    if toks.peek() == Some(&"half") {
                        toks.next();
                        current += 0.5;
                    } else {
                        current = current.max(1.0);
                    }
                    any = true;
                }
                "and" => {}
                "half" => {
                    current += 0.5;
                    any = true;
                }
                _ => match self.words.get(t) {
                    Some(NumWord::Unit(v)) => {
                        current += v;
                        any = true;
                    }
                    Some(NumWord::Scale(v)) => {
                        if current == 0.0 {
                            current = 1.0;
                        }
                        if *v >= 1000.0 {
                            total += current * v;
                            current = 0.0;
                        } else {
                            current *= v;
                        }
                        any = true;
                    }
                    _ => return None,
                },
            }
        }
        any.then_some(total + current)
    }

    fn scale(&self, s: Option<&str>) -> f64 {
        match s.and_then(|m| self.words.get(&*m.lower())) {
            Some(NumWord::Scale(v) | NumWord::Abbr(v)) => *v,
            _ => 1.0,
        }
    }

    /// ISO 8601 duration for a number of units: "P3Y", "P57M", "P2Y6M" for 2.5 years.
    pub fn iso(&self, n: f64, unit: &str) -> Option<String> {
        self.iso_sum(&[(n, unit)])
    }

    /// ISO 8601 duration for a sum ("three years and six months" → "P3Y6M").
    pub fn iso_sum(&self, parts: &[(f64, &str)]) -> Option<String> {
        // Amounts per designator, in ISO order.
        let mut amounts = [0.0f64; 5];
        const ORDER: [char; 5] = ['Y', 'M', 'W', 'D', 'H'];
        for &(n, unit) in parts {
            let (d, mult) = *self.units.get(&*unit.lower())?;
            let i = ORDER.iter().position(|&o| o == d)?;
            amounts[i] += n * mult as f64;
        }
        // Carry fractions down: half a year is six months, half a day twelve hours.
        let carry = [(0usize, 1usize, 12.0), (2, 3, 7.0), (3, 4, 24.0)];
        for (from, to, f) in carry {
            let frac = amounts[from].fract();
            if frac != 0.0 && (frac * f).fract().abs() < 1e-9 {
                amounts[from] -= frac;
                amounts[to] += frac * f;
            }
        }
        // (Written straight into the result: no string per number.)
        let fmt = |out: &mut String, n: f64| {
            use std::fmt::Write;
            let _ = if n.fract() == 0.0 && (0.0..1e15).contains(&n) {
                // (Small whole numbers digit by digit: no formatting machinery.)
                let mut v = n as u64;
                let mut digits = [0u8; 20];
                let mut k = digits.len();
                loop {
                    k -= 1;
                    digits[k] = b'0' + (v % 10) as u8;
                    v /= 10;
                    if v == 0 {
                        break;
                    }
                }
                digits[k..].iter().for_each(|&d| out.push(char::from(d)));
                Ok(())
            } else if n.fract() == 0.0 {
                write!(out, "{}", n as u64)
            } else {
                write!(out, "{n}")
            };
        };
        let mut out = String::with_capacity(16);
        out.push('P');
        for (i, d) in ORDER.iter().enumerate().take(4) {
            if amounts[i] != 0.0 {
                fmt(&mut out, amounts[i]);
                out.push(*d);
            }
        }
        if amounts[4] != 0.0 {
            out.push('T');
            fmt(&mut out, amounts[4]);
            out.push('H');
        }
        if out == "P" {
            out.push_str("0D");
        }
        Some(out)
    }

    /// Every duration and money amount in `text[start..end]`, sorted, not overlapping.
    ///
    /// The regexes only find the matches (lazy DFA); the groups of the common
    /// shapes ("$500", "50,000 rupees", "five years") are read off the match by
    /// [`Quantities::money_groups`] / [`Quantities::duration_groups`], the others
    /// come from the regex's capture engine.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<Quantity> {
        let s = &text[start..end];
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(m) = self.money.find_at(s, at) {
            at = m.end();
            let g = match self.money_groups(s, m.start(), m.end()) {
                Some(g) => g,
                None => {
                    let c = self.money.captures_at(s, m.start()).expect("a match");
                    debug_assert_eq!(c.get(0).map(|x| x.range()), Some(m.range()));
                    let mg = &self.mg;
                    let r = |i: usize| c.get(i).map(|x| x.range());
                    MoneyMatch {
                        pre: r(mg.pre),
                        n1: r(mg.n1),
                        s1: r(mg.s1),
                        suf1: r(mg.suf1),
                        n2: r(mg.n2),
                        s2: r(mg.s2),
                        suf2: r(mg.suf2),
                    }
                }
            };
            // A number or a letter prefix ("Rs", "RMB") must start a word; a symbol
            // prefix ("$") need not.
            let starts_word = g
                .pre
                .as_ref()
                .map_or(true, |p| s[p.clone()].starts_with(char::is_alphabetic));
            if starts_word
                && s[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                // ("the men 2,000 dollars": no naira "n 2,000"; look again from
                // the next character)
                at = m.start() + s[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let (n, sc, cur) = match g.n1 {
                Some(n) => (n, g.s1, g.suf1.or(g.pre)),
                None => (g.n2.expect("n2"), g.s2, g.suf2),
            };
            let (Some(v), Some(cur)) = (self.number(&s[n]), cur) else {
                continue;
            };
            // The token's words joined by single spaces, lowercased (as the
            // token is when it is one ASCII word: no copy unless it has capitals).
            let raw = &s[cur];
            let key = if raw.is_ascii() && !raw.bytes().any(super::status::is_ascii_space) {
                raw.lower()
            } else {
                std::borrow::Cow::Owned(
                    raw.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase(),
                )
            };
            let Some(&idx) = self.tokens.get(&*key) else {
                continue;
            };
            let scale = self.scale(sc.map(|r| &s[r]));
            let value = v * scale * self.currencies[idx].multiplier;
            let mut q = Quantity {
                start: start + m.start(),
                end: start + m.end(),
                kind: QuantityKind::Money {
                    value: (value * 100.0).round() / 100.0,
                    currency: idx,
                },
                bound: Bound::Exact,
            };
            // The lower end of a range: "between 2,000 and [3,000 manats]", "from
            // $500 to [$2,000]".
            let window = floor_char(s, m.start().saturating_sub(48));
            if let Some(c) = self.money_lower.captures(&s[window..m.start()]) {
                let from = start + window + c.get(0).expect("a match").start();
                // The lower end: the amount just before, in the same currency
                // ("between $700 and [$9,000]"), else the bare number, which shares
                // the upper's scale ("2 to 3 million").
                let prev = out.last().and_then(|p: &Quantity| match p.kind {
                    QuantityKind::Money { value, currency } if currency == idx && p.end > from => {
                        Some((p.start, value))
                    }
                    _ => None,
                });
                let lower = prev.map(|(_, v)| v).or_else(|| {
                    let l = self.number(c.name("n").or(c.name("n2"))?.as_str())?;
                    let ls = match c.name("s").or(c.name("s2")) {
                        Some(x) => self.scale(Some(x.as_str())),
                        None if l < 1000.0 => scale,
                        None => 1.0,
                    };
                    Some(l * ls * self.currencies[idx].multiplier)
                });
                if lower.is_some_and(|l| l < value) {
                    q.start = prev.map_or(from, |(p, _)| p.min(from));
                    q.bound = Bound::Max;
                    if prev.is_some() {
                        out.pop();
                    }
                }
            }
            out.push(q);
        }
        // Durations are read with the money blanked out ("N500,000 or two years"),
        // and pushed after the money.
        let nmoney = out.len();
        let blanked;
        let s = if out.is_empty() {
            s
        } else {
            let mut b = s.as_bytes().to_vec();
            for q in &out[..nmoney] {
                b[q.start - start..q.end - start].fill(b' ');
            }
            blanked = String::from_utf8(b).expect("money spans are on char boundaries");
            blanked.as_str()
        };
        // "from six months to two years": the open lower end (start, end, days) of
        // a range whose upper end is the next match; "three months to one year": the
        // last duration pushed (index, end, days), which the next may extend.
        let mut open: Option<(usize, usize, f64)> = None;
        let mut last: Option<(usize, usize, f64)> = None;
        for m in self.duration.find_iter(s) {
            let lower = open.take();
            let prev = last.take();
            let g = match self.duration_groups(s, m.start(), m.end()) {
                Some(g) => g,
                None => {
                    let c = self.duration.captures_at(s, m.start()).expect("a match");
                    debug_assert_eq!(c.get(0).map(|x| x.range()), Some(m.range()));
                    let dg = &self.dg;
                    let r = |i: usize| c.get(i).map(|x| x.range());
                    DurationMatch {
                        between: r(dg.between),
                        n1: r(dg.n1),
                        n2: r(dg.n2),
                        unit: r(dg.unit),
                        n3: r(dg.n3),
                        unit2: r(dg.unit2),
                        n4: r(dg.n4),
                        unit3: r(dg.unit3),
                        more: r(dg.more),
                        life: r(dg.life),
                        lmin: r(dg.lmin),
                    }
                }
            };
            if let Some(l) = g.lmin {
                let Some(n) = self.number(&s[l]) else {
                    continue;
                };
                let Some(iso) = self.iso(n, "years") else {
                    continue;
                };
                out.push(Quantity {
                    start: start + m.start(),
                    end: start + m.end(),
                    kind: QuantityKind::Duration { iso, life: true },
                    bound: Bound::Min,
                });
                continue;
            }
            let unit = &s[g.unit.expect("unit")];
            let n1 = self.number(&s[g.n1.clone().expect("n1")]);
            let n2 = g.n2.clone().and_then(|n| self.number(&s[n]));
            let life = g.life.is_some();
            let mut from = m.start();
            let (n, bound) = match (n1, n2) {
                // "sentenced in October 2025 to ten years", "reduced from six to
                // four years", "Article 618 and two years": a first number not below
                // the second is no lower end of a range; the quantity is the second.
                (Some(a), Some(b))
                    if a >= b && {
                        let (r1, r2) = (g.n1.clone().expect("n1"), g.n2.clone().expect("n2"));
                        let gap = &s[r1.end..r2.start];
                        gap.contains("to") || gap.contains("and")
                    } =>
                {
                    // ("from six to four years" keeps its "from": the term's words)
                    if g.between.is_none() {
                        from = g.n2.expect("n2").start;
                    }
                    (b, Bound::Exact)
                }
                (Some(_), Some(b)) => (b, Bound::Max),
                (Some(a), None) => (a, Bound::Exact),
                _ => continue,
            };
            let (mut n, mut unit, mut bound) = (n, unit, bound);
            let mut pair = g.n3.zip(g.unit2);
            // "between two and five years" needs its second number; "between six
            // months and two years" has it after the first unit (a smaller term
            // first: no compound), "from six months to two years" in the next match.
            if g.between.is_some() && n2.is_none() {
                let Some(d1) = self.days(n, unit) else {
                    continue;
                };
                match pair.take() {
                    Some((n3, u2)) => {
                        let Some(v) = self.number(&s[n3]) else {
                            continue;
                        };
                        if !self.days(v, &s[u2.clone()]).is_some_and(|d2| d2 > d1) {
                            continue;
                        }
                        (n, unit, bound) = (v, &s[u2], Bound::Max);
                    }
                    None => {
                        open = Some((m.start(), m.end(), d1));
                        continue;
                    }
                }
            }
            // The upper end of a range whose lower end came before it.
            let (plain, here) = (bound == Bound::Exact && pair.is_none(), self.days(n, unit));
            let ascends = |(e, d): (usize, f64)| {
                plain && range_joint(&s[e..m.start()]) && here.is_some_and(|d2| d2 > d)
            };
            if let Some((a, e, d)) = lower {
                if ascends((e, d)) {
                    from = a;
                    bound = Bound::Max;
                }
            }
            let extend = match prev {
                Some((k, e, d)) if from == m.start() && ascends((e, d)) => {
                    let joint = s[e..m.start()].trim();
                    // ("and" joins the ends of a range only after "between")
                    (joint != "and").then_some(k)
                }
                _ => None,
            };
            let iso = if let Some((n3, u2)) = pair {
                let Some(v) = self.number(&s[n3]) else {
                    continue;
                };
                match g.n4.clone().zip(g.unit3.clone()) {
                    Some((n4, u3)) => {
                        let Some(w) = self.number(&s[n4]) else {
                            continue;
                        };
                        self.iso_sum(&[(n, unit), (v, &s[u2]), (w, &s[u3])])
                    }
                    None => self.iso_sum(&[(n, unit), (v, &s[u2])]),
                }
            } else {
                self.iso_sum(&[(n, unit)])
            };
            let Some(iso) = iso else {
                continue;
            };
            // "a 22-year-old student": an age.
            let next = s[m.end()..]
                .strip_prefix(['-', ' '])
                .map(|r| &r[..r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len())]);
            if next.is_some_and(|w| self.ages.iter().any(|a| w.eq_ignore_ascii_case(a))) {
                continue;
            }
            let bound = if g.more.is_some() { Bound::Min } else { bound };
            let mut end = m.end();
            if s[..end].ends_with('\'') {
                end -= 1;
            } else if s[..end].ends_with('’') {
                end -= '’'.len_utf8();
            }
            let q = Quantity {
                start: start + from,
                end: start + end,
                kind: QuantityKind::Duration { iso, life },
                bound: if life { Bound::Min } else { bound },
            };
            if let Some(k) = extend {
                out[k] = Quantity {
                    start: out[k].start,
                    bound: Bound::Max,
                    ..q
                };
                continue;
            }
            if q.bound == Bound::Exact && !life {
                last = here.map(|d| (out.len(), end, d));
            }
            out.push(q);
        }
        out.sort_by_key(|q| q.start);
        out
    }

    /// The groups of a money match `s[a..b]` of the two common shapes whose
    /// reading is unique (so the capture engine would give the same): a prefix
    /// and digits ("$500", "Rs. 1,000", "$1.2 million"), digits and a one-word
    /// suffix ("50,000 rupees"). `None`: let the capture engine read it.
    fn money_groups(&self, s: &str, a: usize, b: usize) -> Option<MoneyMatch> {
        let fast = self.fast.as_ref()?;
        let t = &s[a..b];
        let digit_run = |x: &str| {
            x.bytes()
                .position(|c| !(c.is_ascii_digit() || c == b',' || c == b'.'))
                .unwrap_or(x.len())
        };
        if t.starts_with(|c: char| c.is_ascii_digit()) {
            // n2 \s+ suf2, one ASCII word each.
            let k = digit_run(t);
            let rest = &t[k..];
            let w = rest.trim_start_matches(' ');
            let word = |x: &str| !x.is_empty() && x.bytes().all(|c| c.is_ascii_alphabetic());
            if w.len() == rest.len() {
                return None;
            }
            // n2 \s* s2 \s+ suf2, a scale word and a one-word suffix ("9 million
            // dinars"): the regex takes the scale group when it can.
            if let Some((w1, r)) = w.split_once(' ') {
                let w2 = r.trim_start_matches(' ');
                if !(word(w1)
                    && word(w2)
                    && matches!(
                        self.words.get(&w1.to_ascii_lowercase()),
                        Some(NumWord::Scale(_) | NumWord::Abbr(_))
                    )
                    && fast.suffixes.contains(&w2.to_ascii_lowercase()))
                {
                    return None;
                }
                let s2 = a + (t.len() - w.len());
                return Some(MoneyMatch {
                    n2: Some(a..a + k),
                    s2: Some(s2..s2 + w1.len()),
                    suf2: Some(b - w2.len()..b),
                    ..MoneyMatch::default()
                });
            }
            if !word(w)
                || !fast.suffixes.contains(&w.to_ascii_lowercase())
                || self.words.contains_key(&w.to_ascii_lowercase())
            {
                return None;
            }
            return Some(MoneyMatch {
                n2: Some(a..a + k),
                suf2: Some(b - w.len()..b),
                ..MoneyMatch::default()
            });
        }
        // pre \s? n1 (\s* s1)?: exactly one prefix token may start the match.
        let mut found = None;
        for p in &fast.prefixes {
            let Some(head) = t.get(..p.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(p) {
                continue;
            }
            let r = &t[p.len()..];
            let r = r.strip_prefix(' ').unwrap_or(r);
            if !r.starts_with(|c: char| c.is_ascii_digit()) || !r.is_ascii() {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some((p.len(), t.len() - r.len()));
        }
        let (plen, n_at) = found?;
        let r = &t[n_at..];
        let k = digit_run(r);
        let rest = &r[k..];
        let s1 = if rest.is_empty() {
            None
        } else {
            let w = rest.trim_start_matches(' ');
            let lw = w.to_ascii_lowercase();
            if w.is_empty()
                || !w.bytes().all(|c| c.is_ascii_alphabetic())
                || !matches!(
                    self.words.get(&lw),
                    Some(NumWord::Scale(_) | NumWord::Abbr(_))
                )
                || self.tokens.contains_key(&lw)
            {
                return None;
            }
            Some(b - w.len()..b)
        };
        Some(MoneyMatch {
            pre: Some(a..a + plen),
            n1: Some(a + n_at..a + n_at + k),
            s1,
            ..MoneyMatch::default()
        })
    }

    /// The groups of a duration match `s[a..b]` of the common shape whose
    /// reading is unique: one number (ASCII digits, a number word, "a", "an"),
    /// one space or hyphen, one unit word, maybe a closing apostrophe ("five
    /// years", "15-day", "a decade", "three years’"). `None`: let the capture
    /// engine read it.
    fn duration_groups(&self, s: &str, a: usize, b: usize) -> Option<DurationMatch> {
        self.fast.as_ref()?;
        let t = &s[a..b];
        let core = t
            .strip_suffix('\'')
            .or_else(|| t.strip_suffix('’'))
            .unwrap_or(t);
        if !core.is_ascii() {
            return None;
        }
        let i = core.find([' ', '-'])?;
        let (n, u) = (&core[..i], &core[i + 1..]);
        let unit = |u: &str| {
            !u.is_empty()
                && u.bytes().all(|c| c.is_ascii_alphabetic())
                && self.units.contains_key(&u.to_ascii_lowercase())
        };
        // ASCII digits or one number word (n3 is no "a"/"an").
        let num = |n: &str| {
            !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit())
                || n.bytes().all(|c| c.is_ascii_alphabetic())
                    && matches!(
                        self.words.get(&n.to_ascii_lowercase()),
                        Some(NumWord::Unit(_) | NumWord::Scale(_))
                    )
        };
        let n1 = |n: &str| num(n) || n.eq_ignore_ascii_case("a") || n.eq_ignore_ascii_case("an");
        if !unit(u) {
            // "six years and eight months" (n1 unit and n3 unit2), "five years or
            // more" (n1 unit more), spaces between: the optional groups are
            // taken when they can be.
            let ws: Vec<&str> = core.split(' ').collect();
            let at = |k: usize| a + (ws[k].as_ptr() as usize - core.as_ptr() as usize);
            let g = match ws.as_slice() {
                [x, u1, "and", y, u2] if n1(x) && unit(u1) && num(y) && unit(u2) => DurationMatch {
                    n1: Some(a..a + x.len()),
                    unit: Some(at(1)..at(1) + u1.len()),
                    n3: Some(at(3)..at(3) + y.len()),
                    unit2: Some(at(4)..at(4) + u2.len()),
                    ..DurationMatch::default()
                },
                [x, u1, "or", "more" | "longer"] if n1(x) && unit(u1) => DurationMatch {
                    n1: Some(a..a + x.len()),
                    unit: Some(at(1)..at(1) + u1.len()),
                    more: Some(at(1) + u1.len()..a + core.len()),
                    ..DurationMatch::default()
                },
                _ => return None,
            };
            return Some(g);
        }
        n1(n).then(|| DurationMatch {
            n1: Some(a..a + i),
            unit: Some(a + i + 1..a + core.len()),
            ..DurationMatch::default()
        })
    }

    /// A term's length in days, to order the ends of a range.
    fn days(&self, n: f64, unit: &str) -> Option<f64> {
        self.units
            .get(&*unit.lower())
            .map(|&(d, mult)| n * f64::from(mult) * unit_days(d, d == 'H').unwrap_or(1.0 / 24.0))
    }

    /// A count ("80" in "80 lashes", "between 15 and 39" in "between 15 and 39
    /// lashes") ending right before `text[..end]`: its start, and whether it is a
    /// range.
    pub fn count_before(&self, text: &str, from: usize, end: usize) -> Option<(usize, bool)> {
        let lo = floor_char(text, end.saturating_sub(48).max(from));
        let c = self.count_before.captures(&text[lo..end])?;
        let n = c.name("n")?;
        self.number(n.as_str())?;
        Some(match c.name("lo") {
            Some(r) => (lo + r.start(), true),
            None => (lo + n.start(), false),
        })
    }
}

/// Whether `gap` joins the two ends of a range ("to", "and", a dash).
fn range_joint(gap: &str) -> bool {
    matches!(gap.trim(), "to" | "and" | "-" | "–" | "or")
}

/// The largest char boundary <= i.
pub fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The length in days of an ISO 8601 duration unit letter (`time`: after the `T`,
/// where `M` would be minutes, which terms do not use).
fn unit_days(letter: char, time: bool) -> Option<f64> {
    Some(match (letter, time) {
        ('Y', false) => 365.0,
        ('M', false) => 30.0,
        ('W', _) => 7.0,
        ('D', _) => 1.0,
        ('H', true) => 1.0 / 24.0,
        _ => return None,
    })
}

/// A duration's length in days and the length of its smallest unit ("P2Y6M" →
/// (910, 30)); `None` for anything else.
pub fn iso_days(iso: &str) -> Option<(f64, f64)> {
    let body = iso.strip_prefix('P')?;
    let (mut total, mut unit, mut num) = (0.0, None, 0usize);
    let mut time = false;
    for (i, c) in body.char_indices() {
        if c == 'T' {
            time = true;
            num = i + 1;
            continue;
        }
        if c.is_ascii_digit() || c == '.' {
            continue;
        }
        let n: f64 = body[num..i].parse().ok()?;
        let d = unit_days(c, time)?;
        total += n * d;
        unit = Some(d);
        num = i + c.len_utf8();
    }
    unit.map(|u| (total, u))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q() -> Quantities {
        Quantities::new(&Patterns::embedded()).unwrap()
    }

    fn dur(qs: &Quantities, s: &str) -> Vec<(String, String, Bound)> {
        qs.find(s, 0, s.len())
            .into_iter()
            .filter_map(|x| match x.kind {
                QuantityKind::Duration { iso, .. } => {
                    Some((s[x.start..x.end].to_string(), iso, x.bound))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbers() {
        let qs = q();
        assert_eq!(qs.number("twenty-five"), Some(25.0));
        assert_eq!(qs.number("two and a half"), Some(2.5));
        assert_eq!(qs.number("1,200"), Some(1200.0));
        assert_eq!(qs.number("one hundred"), Some(100.0));
        assert_eq!(qs.number("a"), Some(1.0));
        assert_eq!(qs.number("banana"), None);
    }

    #[test]
    fn durations() {
        let qs = q();
        assert_eq!(dur(&qs, "a three-year prison term")[0].1, "P3Y");
        assert_eq!(dur(&qs, "57 months in prison")[0].1, "P57M");
        assert_eq!(dur(&qs, "a decade behind bars")[0].1, "P10Y");
        assert_eq!(dur(&qs, "two and a half years")[0].1, "P2Y6M");
        assert_eq!(
            dur(&qs, "three years and six months in prison")[0].1,
            "P3Y6M"
        );
        assert_eq!(dur(&qs, "a term of five years or more")[0].2, Bound::Min);
        assert_eq!(dur(&qs, "a 15-day detention")[0].1, "P15D");
        let r = dur(&qs, "between two and five years in prison");
        assert_eq!(
            r[0],
            (
                "between two and five years".into(),
                "P5Y".into(),
                Bound::Max
            )
        );
        let r = dur(&qs, "3 to 10 years");
        assert_eq!(r[0].1, "P10Y");
        assert_eq!(r[0].2, Bound::Max);
        let r = dur(&qs, "sentenced to 25 to life");
        assert_eq!(r[0].0, "25 to life");
        assert_eq!(dur(&qs, "three years’ imprisonment")[0].0, "three years");
    }

    #[test]
    fn money() {
        let qs = q();
        let m = |s: &str| {
            qs.find(s, 0, s.len())
                .into_iter()
                .find_map(|x| match x.kind {
                    QuantityKind::Money { value, currency } => Some((
                        s[x.start..x.end].to_string(),
                        value,
                        qs.currencies[currency].resolve(Some("PK")).to_string(),
                    )),
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(
            m("a $250,000 fine"),
            ("$250,000".into(), 250000.0, "USD".into())
        );
        assert_eq!(
            m("pay $1.2 million in"),
            ("$1.2 million".into(), 1200000.0, "USD".into())
        );
        assert_eq!(
            m("fined Rs. 50,000"),
            ("Rs. 50,000".into(), 50000.0, "PKR".into())
        );
        assert_eq!(
            m("fined 50,000 rupees"),
            ("50,000 rupees".into(), 50000.0, "PKR".into())
        );
        assert_eq!(m("₹10,000"), ("₹10,000".into(), 10000.0, "INR".into()));
        assert_eq!(
            m("¥5,000 yuan"),
            ("¥5,000 yuan".into(), 5000.0, "CNY".into())
        );
        assert_eq!(m("RMB 5,000"), ("RMB 5,000".into(), 5000.0, "CNY".into()));
        assert_eq!(m("€500"), ("€500".into(), 500.0, "EUR".into()));
        assert_eq!(
            m("100,000 naira"),
            ("100,000 naira".into(), 100000.0, "NGN".into())
        );
        assert_eq!(m("5,000 birr"), ("5,000 birr".into(), 5000.0, "ETB".into()));
        assert_eq!(m("ten million rials").1, 10_000_000.0);
        assert_eq!(
            m("£2.3m fraud"),
            ("£2.3m".into(), 2_300_000.0, "GBP".into())
        );
        assert_eq!(
            m("a fine of N500,000"),
            ("N500,000".into(), 500_000.0, "NGN".into())
        );
    }
}
