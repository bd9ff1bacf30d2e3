//! Penalty trigger words (`patterns/penalties/triggers.tsv`).

use std::sync::Arc;

use anyhow::{bail, Result};

use super::phrases::{Hit, PhraseSet};
use crate::document::{PenaltyKind, Rule};
use crate::patterns::{lines, Patterns};

/// When a trigger is a penalty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Never a penalty: only marks the sentence for a closer look.
    Anchor,
    Quantity,
    /// A quantity attached and a status cue in the sentence ("a five-year term").
    QuantityCue,
    Cue,
    Free,
}

#[derive(Debug, Clone)]
pub struct Trigger {
    pub kind: PenaltyKind,
    pub needs: Needs,
    pub life: bool,
    /// Several terms ("prison terms"): an "up to" spans them, no threat.
    pub plural: bool,
    /// Byte range of the span part inside the phrase ("[death]").
    pub inner: (usize, usize),
    pub rule: Rule,
}

pub struct Triggers {
    pub set: PhraseSet<Trigger>,
}

/// A trigger occurrence.
#[derive(Debug, Clone, Copy)]
pub struct TriggerHit {
    /// The whole phrase.
    pub start: usize,
    pub end: usize,
    /// The span part.
    pub span_start: usize,
    pub span_end: usize,
    pub id: usize,
}

impl Triggers {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let path = "penalties/triggers.tsv";
        let mut entries = Vec::new();
        for l in lines(patterns.require(path)?) {
            let raw = l.col(0);
            let (phrase, inner) = match (raw.find('['), raw.find(']')) {
                (Some(a), Some(b)) if a < b => {
                    let phrase = format!("{}{}{}", &raw[..a], &raw[a + 1..b], &raw[b + 1..]);
                    (phrase, (a, b - 1))
                }
                (None, None) => (raw.to_string(), (0, raw.len())),
                _ => bail!("{path}:{}: unbalanced [ ] in {raw:?}", l.number),
            };
            if phrase.trim().is_empty() {
                bail!("{path}:{}: empty phrase", l.number);
            }
            let Some(kind) = PenaltyKind::parse(l.col(1)) else {
                bail!("{path}:{}: unknown penalty kind {:?}", l.number, l.col(1));
            };
            let needs = match l.col(2) {
                "qty" => Needs::Quantity,
                "qty+cue" => Needs::QuantityCue,
                "cue" => Needs::Cue,
                "free" => Needs::Free,
                "anchor" => Needs::Anchor,
                n => bail!(
                    "{path}:{}: needs must be qty, cue, free or anchor, not {n:?}",
                    l.number
                ),
            };
            let (mut life, mut plural) = (false, false);
            for f in l.col(3).split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match f {
                    "life" => life = true,
                    "plural" => plural = true,
                    f => bail!("{path}:{}: unknown flag {f:?}", l.number),
                }
            }

            let rule: Rule = Arc::from(format!("{path}:{}", l.number));
            entries.push((
                phrase,
                Trigger {
                    kind,
                    needs,
                    life,
                    plural,
                    inner,
                    rule,
                },
            ));
        }
        Ok(Triggers {
            set: PhraseSet::new(entries, path)?,
        })
    }

    pub fn get(&self, id: usize) -> &Trigger {
        self.set.value(id)
    }

    /// Trigger occurrences in `text[start..end]`.
    pub fn find<'a>(
        &'a self,
        text: &'a str,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = TriggerHit> + 'a {
        self.set
            .find(text, start, end)
            .map(|Hit { start, end, id }| {
                let t = self.set.value(id);
                TriggerHit {
                    start,
                    end,
                    span_start: start + t.inner.0,
                    span_end: start + t.inner.1,
                    id,
                }
            })
    }
}
