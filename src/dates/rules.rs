//! The rule table `patterns/dates/rules.tsv`: one regex per rule, compiled once,
//! plus a set over all of them so a sentence runs only the rules that match.
//!
//! The regexes are `regex_automata` meta regexes without literal prefilters: they
//! only ever search short windows (or anchored at a known match), where a
//! prefilter cannot pay for its build time. Capture groups are read by index
//! ([`Caps`]), not by a hashed name.

use std::sync::{Arc, OnceLock};

use anyhow::{bail, Context, Result};
use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, HirKind};

use crate::document::TimexType;
use crate::patterns::{lines, Patterns};

use super::lexicon::Lexicon;

/// How a rule's captures become a TIMEX3 value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Norm {
    Date,
    Numeric,
    Rel,
    Offset,
    Duration,
    Ref,
    Deictic,
    Time,
    Set,
    SetWord,
    Fixed,
    Anaphor,
}

impl Norm {
    fn parse(s: &str) -> Option<Norm> {
        Some(match s {
            "date" => Norm::Date,
            "numeric" => Norm::Numeric,
            "rel" => Norm::Rel,
            "offset" => Norm::Offset,
            "duration" => Norm::Duration,
            "ref" => Norm::Ref,
            "deictic" => Norm::Deictic,
            "time" => Norm::Time,
            "set" => Norm::Set,
            "setword" => Norm::SetWord,
            "fixed" => Norm::Fixed,
            "anaphor" => Norm::Anaphor,
            _ => return None,
        })
    }
}

#[derive(Debug)]
pub struct DateRule {
    pub name: Arc<str>,
    pub kind: TimexType,
    pub norm: Norm,
    pub value: String,
    /// The expanded pattern, parsed (compiled on first use: many rules never
    /// match in a given run, and the set below decides which are tried).
    hir: Hir,
    re: OnceLock<Regex>,
    /// The pattern has a `t` or `num` group, which narrow the span.
    pub narrows: bool,
    /// Capture group index of each name in [`GROUPS`] (`NO_GROUP` if absent).
    groups: [u16; GROUPS.len()],
}

/// The capture group names the normalizers read, sorted.
pub const GROUPS: [&str; 37] = [
    "a", "ampm", "andhalf", "b", "century", "day", "dayord", "decade", "decade2", "decw",
    "deictic", "dir", "half", "holiday", "hour", "minute", "mod", "month", "monthnum", "num",
    "num2", "part", "qtail", "quarter", "ref", "rel", "relyear", "season", "set", "t", "unit",
    "unit2", "weekday", "year", "yearpos", "yearpre", "yearw",
];
const NO_GROUP: u16 = u16::MAX;

/// Indices into [`GROUPS`], for [`Caps::name`].
pub mod g {
    pub const A: usize = 0;
    pub const AMPM: usize = 1;
    pub const ANDHALF: usize = 2;
    pub const B: usize = 3;
    pub const CENTURY: usize = 4;
    pub const DAY: usize = 5;
    pub const DAYORD: usize = 6;
    pub const DECADE: usize = 7;
    pub const DECADE2: usize = 8;
    pub const DECW: usize = 9;
    pub const DEICTIC: usize = 10;
    pub const DIR: usize = 11;
    pub const HALF: usize = 12;
    pub const HOLIDAY: usize = 13;
    pub const HOUR: usize = 14;
    pub const MINUTE: usize = 15;
    pub const MOD: usize = 16;
    pub const MONTH: usize = 17;
    pub const MONTHNUM: usize = 18;
    pub const NUM: usize = 19;
    pub const NUM2: usize = 20;
    pub const PART: usize = 21;
    pub const QTAIL: usize = 22;
    pub const QUARTER: usize = 23;
    pub const REF: usize = 24;
    pub const REL: usize = 25;
    pub const RELYEAR: usize = 26;
    pub const SEASON: usize = 27;
    pub const SET: usize = 28;
    pub const T: usize = 29;
    pub const UNIT: usize = 30;
    pub const UNIT2: usize = 31;
    pub const WEEKDAY: usize = 32;
    pub const YEAR: usize = 33;
    pub const YEARPOS: usize = 34;
    pub const YEARPRE: usize = 35;
    pub const YEARW: usize = 36;
}

/// One matched group: its text and byte offsets in the haystack.
#[derive(Debug, Clone, Copy)]
pub struct Group<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
}

/// The captures of one rule match, read by group name.
#[derive(Debug, Clone)]
pub struct Caps<'h> {
    hay: &'h str,
    caps: Captures,
    groups: &'h [u16; GROUPS.len()],
}

impl<'h> Caps<'h> {
    /// Group `i` by index (0 is the whole match).
    pub fn get(&self, i: usize) -> Option<Group<'h>> {
        let sp = self.caps.get_group(i)?;
        Some(Group {
            hay: self.hay,
            start: sp.start,
            end: sp.end,
        })
    }

    /// Group `GROUPS[k]` (`k` is one of the constants in [`g`]).
    pub fn name(&self, k: usize) -> Option<Group<'h>> {
        match self.groups[k] {
            NO_GROUP => None,
            i => self.get(usize::from(i)),
        }
    }
}

impl DateRule {
    /// The rule's regex, compiled on first use.
    pub fn re(&self) -> &Regex {
        self.re.get_or_init(|| {
            meta::Builder::new()
                .configure(config().hybrid_cache_capacity(8 << 20))
                .build_from_hir(&self.hir)
                .unwrap_or_else(|e| panic!("date rule {}: {e}", self.name))
        })
    }

    /// Whether the pattern has a `t` group (the span is that group).
    pub fn has_t(&self) -> bool {
        self.groups[g::T] != NO_GROUP
    }

    /// The captures of the match of this rule that is known to span `start..end`
    /// of `hay` (an anchored search, so no scan).
    pub fn captures_of<'h>(&'h self, hay: &'h str, start: usize, end: usize) -> Option<Caps<'h>> {
        let re = self.re();
        let mut caps = re.create_captures();
        let input = Input::new(hay).range(start..end).anchored(Anchored::Yes);
        re.search_captures(&input, &mut caps);
        caps.is_match().then_some(Caps {
            hay,
            caps,
            groups: &self.groups,
        })
    }
}

pub struct RuleTable {
    pub rules: Vec<DateRule>,
    /// All rule patterns at once (no captures): which rules match in a window.
    pub set: Regex,
}

/// The meta regex configuration of the rules: no prefilters (see the module docs).
fn config() -> meta::Config {
    meta::Config::new().auto_prefilter(false)
}

/// Records the index of each named capture group of `hir` that is in [`GROUPS`].
fn capture_groups(hir: &Hir, groups: &mut [u16; GROUPS.len()]) -> Result<()> {
    match hir.kind() {
        HirKind::Capture(c) => {
            if let Some(k) = c
                .name
                .as_deref()
                .and_then(|n| GROUPS.binary_search(&n).ok())
            {
                groups[k] = u16::try_from(c.index)?;
            }
            capture_groups(&c.sub, groups)
        }
        HirKind::Repetition(r) => capture_groups(&r.sub, groups),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().try_for_each(|h| capture_groups(h, groups))
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => Ok(()),
    }
}

pub const RULES_FILE: &str = "dates/rules.tsv";

impl RuleTable {
    pub fn load(patterns: &Patterns, lex: &Lexicon) -> Result<Self> {
        let content = patterns.require(RULES_FILE)?;
        let mut rules = Vec::new();
        for line in lines(content) {
            let at = || format!("{RULES_FILE}:{}", line.number);
            let name = line.col(0);
            let kind = TimexType::parse(line.col(1))
                .with_context(|| format!("{}: unknown TIMEX3 type {:?}", at(), line.col(1)))?;
            let norm = Norm::parse(line.col(2))
                .with_context(|| format!("{}: unknown normalizer {:?}", at(), line.col(2)))?;
            let pattern = lex.expand(line.col(3)).with_context(at)?;
            if line.col(3).is_empty() {
                bail!("{}: empty pattern", at());
            }
            // ASCII-only case folding and classes keep the lazy DFAs small (Unicode
            // `(?i)` adds the Kelvin sign and long s to every k and s).
            let hir = syntax::parse_with(&format!("(?i-u){pattern}"), &syntax::Config::new())
                .with_context(|| format!("{}: bad pattern for rule {name}", at()))?;
            let mut groups = [NO_GROUP; GROUPS.len()];
            capture_groups(&hir, &mut groups)
                .with_context(|| format!("{}: too many groups in rule {name}", at()))?;
            let narrows = groups[g::T] != NO_GROUP || groups[g::NUM] != NO_GROUP;
            rules.push(DateRule {
                name: Arc::from(format!("dates/{name}")),
                kind,
                norm,
                value: line.col(4).to_string(),
                narrows,
                groups,
                hir,
                re: OnceLock::new(),
            });
        }
        let set = meta::Builder::new()
            .configure(
                config()
                    .match_kind(MatchKind::All)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                    .hybrid_cache_capacity(32 << 20),
            )
            .build_many_from_hir(&rules.iter().map(|r| &r.hir).collect::<Vec<_>>())
            .context("building the date rule set")?;
        Ok(RuleTable { rules, set })
    }
}
