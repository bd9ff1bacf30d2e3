//! The rule table `patterns/dates/rules.tsv`: one regex per rule, compiled once,
//! plus a set over all of them ([`RuleSet`], a lazy DFA searched for overlapping
//! matches) so a window runs only the rules that match, and each only up to the
//! end of its last match.
//!
//! The regexes are `regex_automata` meta regexes without literal prefilters: they
//! only ever search short windows (or anchored at a known match), where a
//! prefilter cannot pay for its build time. Capture groups are read by index
//! ([`Caps`]), not by a hashed name.

use std::sync::{Arc, OnceLock};

use anyhow::{bail, Context, Result};
use regex_automata::hybrid::dfa::{Cache as LazyCache, DFA as LazyDfa};
use regex_automata::hybrid::LazyStateID;
use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::{self, pikevm::PikeVM, NFA};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::util::syntax;
use regex_automata::{hybrid, Anchored, Input, MatchKind, PatternID, PatternSet};
use regex_syntax::hir::{Hir, HirKind, Look, LookSet};

use crate::document::TimexType;
use crate::hash::FxMap;
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
    /// The rule's position in the table (its key in [`CapsMemo`]).
    index: u16,
    /// Whether the only look-around of the pattern is the ASCII word boundary,
    /// so that its captures can be memoized (see [`CapsMemo`]).
    memo_ok: bool,
}

/// Captures already computed, by rule, matched text and the bytes around it.
///
/// The groups of a match known to span `start..end` depend only on the rule,
/// the matched bytes and what the look-around sees past the edges; a rule whose
/// only look-around is the ASCII word boundary sees one byte on each side, and
/// only whether it is a word byte (or none). Dates repeat ("2020", "last
/// year", "three years"), so most capture searches become one table lookup.
#[derive(Default)]
pub struct CapsMemo {
    /// Key: rule index (2 bytes), context before and after (1 byte each), the
    /// matched bytes. Value: the slots relative to the match start
    /// (`u32::MAX` for an unset slot), or `None` if the rule did not match.
    map: FxMap<Box<[u8]>, Option<Box<[u32]>>>,
    key: Vec<u8>,
    /// Per rule: captures given back after use ([`Self::give_back`]), so that
    /// the next match of the rule needs no allocation.
    spare: Vec<Option<Captures>>,
}

impl CapsMemo {
    /// Keeps the captures of a match of `rule` for its next match.
    pub fn give_back(&mut self, rule: &DateRule, caps: Caps<'_>) {
        let i = usize::from(rule.index);
        if self.spare.len() <= i {
            self.spare.resize(i + 1, None);
        }
        self.spare[i] = Some(caps.caps);
    }
}

/// Entries kept before [`CapsMemo`] starts over (bounds its memory).
const MEMO_MAX: usize = 8192;

/// The capture group names the normalizers read, sorted.
pub const GROUPS: [&str; 40] = [
    "a", "ampm", "andhalf", "b", "century", "day", "dayord", "decade", "decade2", "decw",
    "deictic", "dir", "half", "holiday", "hour", "minute", "mod", "month", "monthnum", "num",
    "num2", "num3", "part", "qtail", "quarter", "ref", "rel", "relweek", "relyear", "season",
    "set", "t", "unit", "unit2", "unit3", "weekday", "year", "yearpos", "yearpre", "yearw",
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
    pub const NUM3: usize = 21;
    pub const PART: usize = 22;
    pub const QTAIL: usize = 23;
    pub const QUARTER: usize = 24;
    pub const REF: usize = 25;
    pub const REL: usize = 26;
    pub const RELWEEK: usize = 27;
    pub const RELYEAR: usize = 28;
    pub const SEASON: usize = 29;
    pub const SET: usize = 30;
    pub const T: usize = 31;
    pub const UNIT: usize = 32;
    pub const UNIT2: usize = 33;
    pub const UNIT3: usize = 34;
    pub const WEEKDAY: usize = 35;
    pub const YEAR: usize = 36;
    pub const YEARPOS: usize = 37;
    pub const YEARPRE: usize = 38;
    pub const YEARW: usize = 39;
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
    pub fn captures_of<'h>(
        &'h self,
        hay: &'h str,
        start: usize,
        end: usize,
        memo: &mut CapsMemo,
    ) -> Option<Caps<'h>> {
        let re = self.re();
        let mut caps = match memo
            .spare
            .get_mut(usize::from(self.index))
            .and_then(Option::take)
        {
            // As new: no pattern, every slot unset.
            Some(mut c) => {
                c.set_pattern(None);
                c.slots_mut().fill(None);
                c
            }
            None => re.create_captures(),
        };
        let search = |caps: &mut Captures| {
            let input = Input::new(hay).range(start..end).anchored(Anchored::Yes);
            re.search_captures(&input, caps);
        };
        if !self.memo_ok || end - start > u32::MAX as usize / 2 {
            search(&mut caps);
        } else {
            let b = hay.as_bytes();
            let context = |c: Option<&u8>| match c {
                None => 2,
                Some(&c) => u8::from(c.is_ascii_alphanumeric() || c == b'_'),
            };
            let key = &mut memo.key;
            key.clear();
            key.extend_from_slice(&self.index.to_le_bytes());
            key.push(context(start.checked_sub(1).and_then(|i| b.get(i))));
            key.push(context(b.get(end)));
            key.extend_from_slice(&b[start..end]);
            match memo.map.get(&key[..]) {
                Some(Some(rel)) => {
                    for (slot, &r) in caps.slots_mut().iter_mut().zip(rel.iter()) {
                        *slot = if r == u32::MAX {
                            None
                        } else {
                            NonMaxUsize::new(start + r as usize)
                        };
                    }
                    caps.set_pattern(Some(PatternID::ZERO));
                }
                Some(None) => {}
                None => {
                    search(&mut caps);
                    let rel = caps.is_match().then(|| {
                        caps.slots()
                            .iter()
                            .map(|s| s.map_or(u32::MAX, |p| (p.get() - start) as u32))
                            .collect()
                    });
                    if memo.map.len() >= MEMO_MAX {
                        memo.map.clear();
                    }
                    memo.map.insert(key[..].into(), rel);
                }
            }
        }
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
    pub set: RuleSet,
    /// Whether some rule can match the empty string.
    pub may_match_empty: bool,
}

/// What one thread searches with: the rule set's lazy DFA cache and the
/// captures memo.
pub struct Workspace {
    pub set: LazyCache,
    pub memo: CapsMemo,
}

type CacheFn =
    Box<dyn Fn() -> Workspace + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// The lazy DFA of all rule patterns (`MatchKind::All`), searched for
/// overlapping matches: which rules match in a window, and where the last match
/// of each ends (no search for that rule need look further).
pub struct RuleSet {
    nfa: NFA,
    dfa: Arc<LazyDfa>,
    caches: Pool<Workspace, CacheFn>,
    /// For a search on which the lazy DFA gives up (too many cache clears).
    pikevm: OnceLock<PikeVM>,
}

/// A [`Workspace`], held for one document.
pub type SetCache<'a> = PoolGuard<'a, Workspace, CacheFn>;

impl RuleSet {
    fn new(hirs: &[&Hir]) -> Result<Self> {
        let nfa = thompson::Compiler::new()
            .configure(
                thompson::Config::new()
                    .shrink(false)
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build_many_from_hir(hirs)
            .context("building the date rule set")?;
        // As the meta regex configures its lazy DFA, without prefilter.
        let dfa = hybrid::dfa::Builder::new()
            .configure(
                hybrid::dfa::Config::new()
                    .match_kind(MatchKind::All)
                    .byte_classes(true)
                    .unicode_word_boundary(true)
                    .cache_capacity(32 << 20)
                    .skip_cache_capacity_check(false)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .context("building the date rule set automaton")?;
        let dfa = Arc::new(dfa);
        let for_cache = Arc::clone(&dfa);
        let create: CacheFn = Box::new(move || Workspace {
            set: for_cache.create_cache(),
            memo: CapsMemo::default(),
        });
        Ok(RuleSet {
            nfa,
            dfa,
            caches: Pool::new(create),
            pikevm: OnceLock::new(),
        })
    }

    pub fn pattern_len(&self) -> usize {
        self.nfa.pattern_len()
    }

    /// A cache for [`Self::matches`].
    pub fn cache(&self) -> SetCache<'_> {
        self.caches.get()
    }

    /// Fills `which` with the rules that match in `hay[start..]` and sets
    /// `last_end[r]` to the end of the last match of each such rule `r`
    /// (`which` must be empty).
    pub fn matches(
        &self,
        cache: &mut LazyCache,
        hay: &str,
        start: usize,
        which: &mut PatternSet,
        last_end: &mut [usize],
    ) {
        let input = Input::new(hay).range(start..);
        if self.scan(cache, &input, which, last_end).is_err() {
            // The lazy DFA gave up: which rules match, by the PikeVM, and
            // no bound on their searches.
            which.clear();
            let vm = self.pikevm.get_or_init(|| {
                PikeVM::builder()
                    .configure(PikeVM::config().match_kind(MatchKind::All))
                    .build_from_nfa(self.nfa.clone())
                    .expect("PikeVM of the date rule set")
            });
            vm.which_overlapping_matches(&mut vm.create_cache(), &input, which);
            for r in which.iter() {
                last_end[r.as_usize()] = hay.len();
            }
        }
    }

    /// The overlapping search of [`Self::matches`], stepped here rather than by
    /// the crate's `try_search_overlapping_fwd`, which returns to its caller at
    /// every match state and pattern: the same states in the same order, every
    /// pattern of every match state recorded. Err when the lazy DFA gives up.
    fn scan(
        &self,
        cache: &mut LazyCache,
        input: &Input<'_>,
        which: &mut PatternSet,
        last_end: &mut [usize],
    ) -> Result<(), ()> {
        let dfa = &*self.dfa;
        let hay = input.haystack();
        let end = input.end();
        let mut at = input.start();
        let mut sid = dfa.start_state_forward(cache, input).map_err(drop)?;
        // Progress is reported only before a transition is computed (the only
        // time the cache may be cleared, which is when the lazy DFA reads it).
        cache.search_start(at);
        let record = |cache: &LazyCache,
                      sid: LazyStateID,
                      at: usize,
                      which: &mut PatternSet,
                      last_end: &mut [usize]| {
            for i in 0..dfa.match_len(cache, sid) {
                let p = dfa.match_pattern(cache, sid, i);
                let _ = which.try_insert(p);
                last_end[p.as_usize()] = at;
            }
        };
        let bytes = &hay[..end];
        while at < end {
            // Untagged states with known, untagged transitions: most bytes,
            // four at a time while four are left.
            while !sid.is_tagged() && at + 4 <= end {
                let c = &bytes[at..at + 4];
                let n0 = dfa.next_state_untagged(cache, sid, c[0]);
                if n0.is_tagged() {
                    break;
                }
                let n1 = dfa.next_state_untagged(cache, n0, c[1]);
                if n1.is_tagged() {
                    (sid, at) = (n0, at + 1);
                    break;
                }
                let n2 = dfa.next_state_untagged(cache, n1, c[2]);
                if n2.is_tagged() {
                    (sid, at) = (n1, at + 2);
                    break;
                }
                let n3 = dfa.next_state_untagged(cache, n2, c[3]);
                if n3.is_tagged() {
                    (sid, at) = (n2, at + 3);
                    break;
                }
                (sid, at) = (n3, at + 4);
            }
            while !sid.is_tagged() {
                let Some(&b) = bytes.get(at) else { break };
                let n = dfa.next_state_untagged(cache, sid, b);
                if n.is_tagged() {
                    break;
                }
                sid = n;
                at += 1;
            }
            let Some(&b) = bytes.get(at) else { break };
            let next = if sid.is_tagged() {
                None
            } else {
                Some(dfa.next_state_untagged(cache, sid, b)).filter(|n| !n.is_unknown())
            };
            sid = match next {
                Some(n) => n,
                None => {
                    cache.search_update(at);
                    dfa.next_state(cache, sid, b).map_err(drop)?
                }
            };
            if sid.is_tagged() {
                if sid.is_match() {
                    record(cache, sid, at, which, last_end);
                } else if sid.is_dead() {
                    cache.search_finish(at);
                    return Ok(());
                } else if sid.is_quit() {
                    cache.search_finish(at);
                    return Err(());
                }
            }
            at += 1;
        }
        sid = match hay.get(end) {
            Some(&b) => dfa.next_state(cache, sid, b),
            None => dfa.next_eoi_state(cache, sid),
        }
        .map_err(drop)?;
        if sid.is_match() {
            record(cache, sid, end, which, last_end);
        } else if sid.is_quit() {
            return Err(());
        }
        cache.search_finish(end);
        Ok(())
    }
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
            let word_boundary = LookSet::empty()
                .insert(Look::WordAscii)
                .insert(Look::WordAsciiNegate);
            let memo_ok = hir
                .properties()
                .look_set()
                .subtract(word_boundary)
                .is_empty();
            rules.push(DateRule {
                name: Arc::from(format!("dates/{name}")),
                kind,
                norm,
                value: line.col(4).to_string(),
                narrows,
                groups,
                index: u16::try_from(rules.len())?,
                memo_ok,
                hir,
                re: OnceLock::new(),
            });
        }
        let set = RuleSet::new(&rules.iter().map(|r| &r.hir).collect::<Vec<_>>())?;
        let may_match_empty = rules
            .iter()
            .any(|r| r.hir.properties().minimum_len().unwrap_or(0) == 0);
        Ok(RuleTable {
            rules,
            set,
            may_match_empty,
        })
    }
}
