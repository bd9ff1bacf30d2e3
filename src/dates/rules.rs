//! The rule table `patterns/dates/rules.tsv`: one regex per rule, compiled once,
//! plus a `RegexSet` over all of them so a sentence runs only the rules that match.

use std::sync::Arc;

use anyhow::{bail, Context, Result};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

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
    /// The pattern has a `t` or `num` group, which narrow the span.
    pub narrows: bool,
}

pub struct RuleTable {
    pub rules: Vec<DateRule>,
    pub set: RegexSet,
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
            let re = RegexBuilder::new(&format!("(?i-u){pattern}"))
                .dfa_size_limit(8 << 20)
                .build()
                .with_context(|| format!("{}: bad pattern for rule {name}", at()))?;
            let narrows = re.capture_names().flatten().any(|n| n == "t" || n == "num");
            rules.push(DateRule {
                name: Arc::from(format!("dates/{name}")),
                kind,
                norm,
                re,
                value: line.col(4).to_string(),
                narrows,
            });
        }
        let set = RegexSetBuilder::new(rules.iter().map(|r| r.re.as_str()))
            .dfa_size_limit(32 << 20)
            .build()
            .context("building the date rule set")?;
        Ok(RuleTable { rules, set })
    }
}
