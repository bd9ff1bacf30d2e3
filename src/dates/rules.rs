//! The rule table `patterns/dates/rules.tsv`: one regex per rule, compiled once,
//! plus a set over all of them so a sentence runs only the rules that match.
//!
//! The regexes are `regex_automata` meta regexes without literal prefilters: they
//! only ever search short windows (or anchored at a known match), where a
//! prefilter cannot pay for its build time. Capture groups are read by index
//! ([`Caps`]), not by a hashed name.

use std::sync::Arc;

use anyhow::{bail, Context, Result};
use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, MatchKind, PatternID};

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
    pub re: Regex,
    pub value: String,
    /// The expanded pattern.
    pub pattern: String,
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

    /// Group `name` (one of [`GROUPS`]).
    pub fn name(&self, name: &str) -> Option<Group<'h>> {
        let Ok(k) = GROUPS.binary_search(&name) else {
            debug_assert!(false, "capture group {name} is not in GROUPS");
            return None;
        };
        match self.groups[k] {
            NO_GROUP => None,
            i => self.get(usize::from(i)),
        }
    }
}

impl DateRule {
    /// The captures of the match of this rule that is known to span `start..end`
    /// of `hay` (an anchored search, so no scan).
    pub fn captures_of<'h>(&'h self, hay: &'h str, start: usize, end: usize) -> Option<Caps<'h>> {
        let mut caps = self.re.create_captures();
        let input = Input::new(hay).range(start..end).anchored(Anchored::Yes);
        self.re.search_captures(&input, &mut caps);
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
            let re = meta::Builder::new()
                .configure(config().hybrid_cache_capacity(8 << 20))
                .build(&format!("(?i-u){pattern}"))
                .with_context(|| format!("{}: bad pattern for rule {name}", at()))?;
            let info = re.group_info();
            let mut groups = [NO_GROUP; GROUPS.len()];
            for (k, g) in GROUPS.iter().enumerate() {
                if let Some(i) = info.to_index(PatternID::ZERO, g) {
                    groups[k] = u16::try_from(i).context("too many groups")?;
                }
            }
            let narrows = groups[GROUPS.binary_search(&"t").unwrap()] != NO_GROUP
                || groups[GROUPS.binary_search(&"num").unwrap()] != NO_GROUP;
            let pattern = format!("(?i-u){pattern}");
            rules.push(DateRule {
                name: Arc::from(format!("dates/{name}")),
                kind,
                norm,
                re,
                value: line.col(4).to_string(),
                narrows,
                groups,
                pattern,
            });
        }
        let set = meta::Builder::new()
            .configure(
                config()
                    .match_kind(MatchKind::All)
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                    .hybrid_cache_capacity(32 << 20),
            )
            .build_many(&rules.iter().map(|r| r.pattern.as_str()).collect::<Vec<_>>())
            .context("building the date rule set")?;
        Ok(RuleTable { rules, set })
    }
}
