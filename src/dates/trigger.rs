//! The trigger automaton as one flat table.
//!
//! The trigger scan steps a DFA over every byte of every text, so its inner loop
//! is most of what the date stage costs on text without dates. The Aho-Corasick
//! crate's DFA, stepped through its `Automaton` trait, reloads its table and
//! bounds from memory on every byte; this is the same automaton (leftmost-longest,
//! ASCII case-insensitive, both start kinds) copied once into a dense transition
//! table over its own byte classes, with the dead state and the match states
//! numbered first, so one comparison tells whether a state needs a look.

use crate::trans::{Next, Trans};
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{dfa, Anchored};
use anyhow::{Context, Result};

pub struct TriggerDfa {
    /// The byte class of each byte (bytes no state tells apart share one).
    classes: [u8; 256],
    /// `trans[s + classes[b]]`: the state after state `s` on byte `b`. States
    /// are premultiplied by the stride (the class count).
    trans: Trans,
    stride: usize,
    /// The dead state is 0, the match states are 1..=M (premultiplied): a state
    /// is special (dead or match) when it is at most `max_special`.
    max_special: u32,
    /// Per match state (`s / stride`, from 1): its pattern and the pattern's length.
    matches: Vec<(u32, u32)>,
    start_unanchored: u32,
    start_anchored: u32,
}

impl TriggerDfa {
    /// Copies `aut`, whose matches must report one pattern each (any match kind
    /// but `Standard`).
    pub fn new(aut: &dfa::DFA) -> Result<Self> {
        Self::build(aut, true)
    }

    /// [`Self::new`], into a 32-bit table unless `small` allows a 16-bit one.
    fn build(aut: &dfa::DFA, small: bool) -> Result<Self> {
        let su = aut
            .start_state(Anchored::No)
            .context("trigger automaton: no unanchored start")?;
        let sa = aut
            .start_state(Anchored::Yes)
            .context("trigger automaton: no anchored start")?;
        // Every state reachable from either start, numbered in the order found
        // (`seen`; `found[sid]` is one more than the number), and all their
        // transitions in that numbering (`next[i * 256 + b]`).
        let mut found: Vec<u32> = Vec::new();
        let mut seen: Vec<StateID> = Vec::new();
        let number = |sid: StateID, found: &mut Vec<u32>, seen: &mut Vec<StateID>| -> usize {
            let k = sid.as_usize();
            if k >= found.len() {
                found.resize(k + 1, 0);
            }
            if found[k] == 0 {
                seen.push(sid);
                found[k] = seen.len() as u32;
            }
            found[k] as usize - 1
        };
        let su_i = number(su, &mut found, &mut seen);
        let sa_i = number(sa, &mut found, &mut seen);
        let mut next: Vec<u32> = Vec::with_capacity(256 * 1024);
        let mut i = 0;
        while i < seen.len() {
            let s = seen[i];
            for b in 0..=255u8 {
                let n = number(aut.next_state(Anchored::No, s, b), &mut found, &mut seen);
                next.push(n as u32);
            }
            i += 1;
        }
        // Dead first (number 0, whether reachable or not), then the match states,
        // then the rest, each group in the order found.
        let dead = seen.iter().position(|&s| aut.is_dead(s));
        let mut order: Vec<usize> = (0..seen.len()).filter(|&i| Some(i) != dead).collect();
        order.sort_by_key(|&i| !aut.is_match(seen[i]));
        let n_match = order.iter().take_while(|&&i| aut.is_match(seen[i])).count();
        let mut id = vec![0usize; seen.len()];
        for (k, &i) in order.iter().enumerate() {
            id[i] = k + 1;
        }
        let n_states = order.len() + 1;
        // Byte classes: bytes with the same transitions from every state.
        // Columns (`cols[b * n..][..n]`: the next state of every state on byte b).
        let n = seen.len();
        let mut cols = vec![0u32; 256 * n];
        for (i, row) in next.chunks_exact(256).enumerate() {
            for (b, &t) in row.iter().enumerate() {
                cols[b * n + i] = t;
            }
        }
        let column = |b: usize| &cols[b * n..(b + 1) * n];
        let mut classes = [0u8; 256];
        let mut reps: Vec<usize> = Vec::new();
        for (b, class) in classes.iter_mut().enumerate() {
            let c = match reps.iter().position(|&r| column(r) == column(b)) {
                Some(c) => c,
                None => {
                    reps.push(b);
                    reps.len() - 1
                }
            };
            *class = u8::try_from(c).context("trigger automaton: too many byte classes")?;
        }
        let stride = reps.len();
        let premul = |i: usize| -> Result<u32> {
            u32::try_from(i * stride).context("trigger automaton too large")
        };
        let mut trans = vec![0u32; n_states * stride];
        for &i in &order {
            for (c, &b) in reps.iter().enumerate() {
                trans[id[i] * stride + c] = premul(id[next[i * 256 + b] as usize])?;
            }
        }
        let trans = Trans::new(trans, small);
        let mut matches = vec![(0, 0)];
        for &i in &order[..n_match] {
            let s = seen[i];
            let pid = aut.match_pattern(s, 0);
            matches.push((pid.as_u32(), u32::try_from(aut.pattern_len(pid))?));
        }
        Ok(TriggerDfa {
            classes,
            trans,
            stride,
            max_special: premul(n_match)?,
            matches,
            start_unanchored: premul(id[su_i])?,
            start_anchored: premul(id[sa_i])?,
        })
    }

    /// The leftmost-longest trigger in `hay[from..]` (starting at `from` if
    /// `anchored`): (pattern, start, end). Out of line: inlined into the
    /// tagger's loop, the scan loses its registers to the caller's state.
    #[inline(never)]
    pub fn find(&self, hay: &[u8], from: usize, anchored: bool) -> Option<(usize, usize, usize)> {
        match &self.trans {
            Trans::Small(t) => self.find_in(&**t, hay, from, anchored),
            Trans::Large(t) => self.find_in(&**t, hay, from, anchored),
        }
    }

    #[inline(always)]
    fn find_in<T: Next + ?Sized>(
        &self,
        trans: &T,
        hay: &[u8],
        from: usize,
        anchored: bool,
    ) -> Option<(usize, usize, usize)> {
        let mut s = if anchored {
            self.start_anchored
        } else {
            self.start_unanchored
        } as usize;
        let mut found = None;
        let mut at = from.min(hay.len());
        loop {
            let n;
            (s, n) = self.run(trans, s, &hay[at..]);
            at += n;
            if s > self.max_special as usize || s == 0 {
                // The end of the text, or the dead state.
                break;
            }
            found = self.match_at(s, from, at, anchored).or(found);
            if at == hay.len() {
                break;
            }
        }
        found
    }

    /// Steps from state `s` over `bytes` until a special state: that state and
    /// the bytes consumed (all of them, and a plain state, at the end).
    #[inline(always)]
    fn run<T: Next + ?Sized>(&self, trans: &T, mut s: usize, bytes: &[u8]) -> (usize, usize) {
        let max = self.max_special as usize;
        let step = |s: usize, b: u8| -> usize {
            trans.next(s as u32 + u32::from(self.classes[usize::from(b)])) as usize
        };
        let mut chunks = bytes.chunks_exact(8);
        let mut i = 0;
        for c in &mut chunks {
            for (k, &b) in c.iter().enumerate() {
                s = step(s, b);
                if s <= max {
                    return (s, i + k + 1);
                }
            }
            i += 8;
        }
        for &b in chunks.remainder() {
            s = step(s, b);
            i += 1;
            if s <= max {
                return (s, i);
            }
        }
        (s, i)
    }

    /// The match that state `s` reports on ending at `at`, unless the search is
    /// anchored at `from` and the match starts later. Out of line, so the scan
    /// loop keeps its registers.
    #[cold]
    #[inline(never)]
    fn match_at(
        &self,
        s: usize,
        from: usize,
        at: usize,
        anchored: bool,
    ) -> Option<(usize, usize, usize)> {
        let (pid, len) = self.matches[s / self.stride];
        let start = at - len as usize;
        (!(anchored && start > from)).then_some((pid as usize, start, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{MatchKind, StartKind};

    /// The search loop over the crate's DFA that [`TriggerDfa::find`] replaces.
    fn reference(
        aut: &dfa::DFA,
        hay: &[u8],
        from: usize,
        anchored: Anchored,
    ) -> Option<(usize, usize, usize)> {
        let mut sid = aut.start_state(anchored).ok()?;
        let mut found = None;
        let mut at = from;
        while at < hay.len() {
            sid = aut.next_state(anchored, sid, hay[at]);
            at += 1;
            if aut.is_special(sid) {
                if aut.is_dead(sid) {
                    break;
                }
                if aut.is_match(sid) {
                    let pid = aut.match_pattern(sid, 0);
                    let start = at - aut.pattern_len(pid);
                    if !(anchored.is_anchored() && start > from) {
                        found = Some((pid.as_usize(), start, at));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn same_matches_as_the_crate_dfa() {
        let words = [
            "sept",
            "september",
            "dec",
            "may",
            "1",
            "2",
            "year",
            "years",
            "ago",
            "q",
        ];
        let aut = dfa::DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .prefilter(false)
            .build(words)
            .unwrap();
        let small = TriggerDfa::new(&aut).unwrap();
        assert!(matches!(small.trans, Trans::Small(_)));
        let large = TriggerDfa::build(&aut, false).unwrap();
        assert!(matches!(large.trans, Trans::Large(_)));
        let text = "In SEPTember 2019, decision: two Years ago; may-be Q1 \u{e9}t\u{e9} 12/18 sepTEMBERs yearsago";
        let hay = text.as_bytes();
        for from in 0..=hay.len() + 1 {
            for anchored in [Anchored::No, Anchored::Yes] {
                for ours in [&small, &large] {
                    assert_eq!(
                        ours.find(hay, from, anchored.is_anchored()),
                        reference(&aut, hay, from, anchored),
                        "from {from}, {anchored:?}"
                    );
                }
            }
        }
    }
}
