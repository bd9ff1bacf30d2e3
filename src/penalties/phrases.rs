//! A set of phrases matched in one pass (Aho-Corasick, leftmost-longest, ASCII
//! case-insensitive) on word boundaries, each carrying a value.

use crate::trans::{Next, Trans};
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::{dfa, Anchored, MatchKind};
use anyhow::{bail, Context, Result};

pub struct PhraseSet<T> {
    dfa: Dense,
    values: Vec<T>,
}

/// The transitions of an Aho-Corasick DFA copied into one flat table, searched
/// with a plain loop (a third of the instructions per byte of the crate's
/// generic search loop, which is this stage's scan of every byte). Bytes that
/// every state treats alike share a class (case-insensitive letters, the bytes
/// no phrase has), so that a state's row is `stride` (the number of classes,
/// rounded up to a power of two) entries, not 256: the tables stay small
/// enough for the caches. States are renumbered so that the dead state is 0
/// and match states come right after it: one comparison per byte finds both.
/// State ids are premultiplied by `stride` (a state's row starts at its id).
struct Flat {
    /// `trans[state + class[byte]]` = next state.
    trans: Trans,
    /// The class of each byte.
    class: [u8; 256],
    /// log2 of the row length.
    shift: u32,
    start: u32,
    /// States below this are dead (0) or match states.
    special: u32,
    /// The automaton's ids of the match states, in order (index = [`Flat::match_index`]).
    match_sids: Vec<StateID>,
}

/// Byte classes of a transition table `raw` (256 next states per state, row
/// after row): bytes whose columns are equal share a class. Returns each
/// byte's class and the number of classes. Columns are compared by a hash
/// folded over the rows and confirmed element by element, so no column is
/// copied.
fn byte_classes(raw: &[StateID]) -> ([u8; 256], usize) {
    let mut hash = [0u64; 256];
    for row in raw.chunks_exact(256) {
        for (h, n) in hash.iter_mut().zip(row) {
            *h = (h.rotate_left(5) ^ n.as_u64()).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    let same = |a: usize, b: usize| raw.chunks_exact(256).all(|row| row[a] == row[b]);
    let mut class = [0u8; 256];
    // The first byte of each class.
    let mut firsts: Vec<usize> = Vec::new();
    for b in 0..256 {
        match firsts
            .iter()
            .position(|&f| hash[f] == hash[b] && same(f, b))
        {
            Some(c) => class[b] = c as u8,
            None => {
                // (At most 256 distinct columns: the class fits a byte.)
                class[b] = firsts.len() as u8;
                firsts.push(b);
            }
        }
    }
    (class, firsts.len())
}

/// The bytes of `patterns` (both cases of ASCII letters when `ascii_ci`).
fn alphabet<S: AsRef<str>>(patterns: &[S], ascii_ci: bool) -> [bool; 256] {
    let mut seen = [false; 256];
    for b in patterns.iter().flat_map(|p| p.as_ref().bytes()) {
        seen[usize::from(b)] = true;
        if ascii_ci {
            seen[usize::from(b.to_ascii_lowercase())] = true;
            seen[usize::from(b.to_ascii_uppercase())] = true;
        }
    }
    seen
}

/// [`Flat::scan`] on one kind of table.
#[inline(always)]
fn scan_in<T: Next + ?Sized>(
    trans: &T,
    class: &[u8; 256],
    special: u32,
    hay: &[u8],
    mut s: u32,
) -> Result<(usize, u32), u32> {
    let mut chunks = hay.chunks_exact(4);
    let mut i = 0;
    for c in &mut chunks {
        for (k, &b) in c.iter().enumerate() {
            s = trans.next(s + u32::from(class[usize::from(b)]));
            if s < special {
                return Ok((i + k, s));
            }
        }
        i += 4;
    }
    for (k, &b) in chunks.remainder().iter().enumerate() {
        s = trans.next(s + u32::from(class[usize::from(b)]));
        if s < special {
            return Ok((i + k, s));
        }
    }
    Err(s)
}

impl Flat {
    /// `alphabet` marks the bytes of the automaton's patterns ([`alphabet`]):
    /// all other bytes lead every state to the same place, so the automaton is
    /// asked for one of them only.
    fn new(aut: &dfa::DFA, alphabet: &[bool; 256], what: &str) -> Result<Self> {
        let start = aut
            .start_state(Anchored::No)
            .with_context(|| format!("building the phrase automaton for {what}"))?;
        if aut.is_match(start) {
            bail!("{what}: an empty phrase");
        }
        // Every reachable state (breadth first) with its raw transitions. State
        // ids are small integers: vectors indexed by them, not hash maps.
        let slot = |v: &mut Vec<u32>, sid: StateID| {
            let i = sid.as_usize();
            if v.len() <= i {
                v.resize(i + 1, u32::MAX);
            }
            i
        };
        let mut seen: Vec<u32> = Vec::new();
        let mut order = vec![start];
        let i0 = slot(&mut seen, start);
        seen[i0] = 0;
        let mut raw: Vec<StateID> = Vec::new();
        let other = (0..=255u8).find(|&b| !alphabet[usize::from(b)]);
        let mut k = 0;
        while k < order.len() {
            let sid = order[k];
            k += 1;
            let other_next = other.map(|b| aut.next_state(Anchored::No, sid, b));
            for b in 0..=255u8 {
                let n = match other_next {
                    Some(n) if !alphabet[usize::from(b)] => n,
                    _ => aut.next_state(Anchored::No, sid, b),
                };
                raw.push(n);
                let i = slot(&mut seen, n);
                if seen[i] == u32::MAX {
                    seen[i] = 0;
                    order.push(n);
                }
            }
        }
        let (class, classes) = byte_classes(&raw);
        let shift = (classes as u32).next_power_of_two().trailing_zeros();
        // New numbering: 0 is the dead state (reachable or not), then the match
        // states, then the rest.
        let mut index = seen;
        let mut match_sids = Vec::new();
        let mut next_id = 1u64;
        for &sid in &order {
            if aut.is_match(sid) {
                index[sid.as_usize()] = (next_id << shift) as u32;
                next_id += 1;
                match_sids.push(sid);
            }
        }
        let special = (next_id << shift) as u32;
        for &sid in &order {
            if aut.is_dead(sid) {
                index[sid.as_usize()] = 0;
            } else if !aut.is_match(sid) {
                index[sid.as_usize()] = (next_id << shift) as u32;
                next_id += 1;
            }
        }
        if next_id << shift > u64::from(u32::MAX) {
            bail!("{what}: too many phrases for one automaton");
        }
        // The dead state's row stays 0: it never leaves.
        let mut trans = vec![0u32; (next_id as usize) << shift];
        for (k, &sid) in order.iter().enumerate() {
            let row = index[sid.as_usize()] as usize;
            if row == 0 {
                continue;
            }
            for (b, n) in raw[k << 8..(k + 1) << 8].iter().enumerate() {
                trans[row + class[b] as usize] = index[n.as_usize()];
            }
        }
        let trans = Trans::new(trans, true);
        Ok(Flat {
            trans,
            class,
            shift,
            start: index[start.as_usize()],
            special,
            match_sids,
        })
    }

    /// The index of match state `s` in `match_sids` (and the tables built from it).
    fn match_index(&self, s: u32) -> usize {
        (s >> self.shift) as usize - 1
    }

    /// Steps from state `s` through `hay` until a special state (dead or
    /// match): its position in `hay` (of the byte that led to it) and the state;
    /// `None` with the state reached at the end of `hay` otherwise. A loop of its
    /// own, four bytes a round, so that the state, the tables and the position
    /// stay in registers.
    #[inline(never)]
    fn scan(&self, hay: &[u8], s: u32) -> Result<(usize, u32), u32> {
        match &self.trans {
            Trans::Small(t) => scan_in(&**t, &self.class, self.special, hay, s),
            Trans::Large(t) => scan_in(&**t, &self.class, self.special, hay, s),
        }
    }
}

/// A leftmost-longest phrase automaton ([`Flat`]).
struct Dense {
    flat: Flat,
    /// Per match state (index = [`Flat::match_index`]): (pattern, pattern length).
    matches: Vec<(usize, usize)>,
}

impl Dense {
    fn new(phrases: &[String], what: &str) -> Result<Self> {
        let aut = dfa::DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(phrases)
            .with_context(|| format!("building the phrase automaton for {what}"))?;
        let flat = Flat::new(&aut, &alphabet(phrases, true), what)?;
        let matches = flat
            .match_sids
            .iter()
            .map(|&sid| {
                let pid = aut.match_pattern(sid, 0);
                (pid.as_usize(), aut.pattern_len(pid))
            })
            .collect();
        Ok(Dense { flat, matches })
    }

    /// The leftmost-longest match in `hay[at..]`: (start, end, pattern).
    fn find(&self, hay: &[u8], at: usize) -> Option<(usize, usize, usize)> {
        let mut s = self.flat.start;
        let mut mat = None;
        let mut i = at;
        let mut rest = hay.get(at..)?;
        while let Ok((k, next)) = self.flat.scan(rest, s) {
            if next == 0 {
                break;
            }
            let (pid, len) = self.matches[self.flat.match_index(next)];
            i += k + 1;
            mat = Some((i - len, i, pid));
            rest = &hay[i..];
            s = next;
        }
        mat
    }
}

/// Every occurrence of a set of phrases, overlapping, ASCII case-insensitive
/// (what `AhoCorasick::find_overlapping_iter` gives, in the order of their
/// ends), from a [`Flat`] table whose match states list their phrases.
pub struct AllPhrases {
    flat: Flat,
    /// Per match state (index = [`Flat::match_index`]): (phrase, phrase length).
    owners: Vec<Vec<(usize, usize)>>,
}

impl AllPhrases {
    pub fn new(phrases: &[&str], what: &str) -> Result<Self> {
        let aut = dfa::DFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(phrases)
            .with_context(|| format!("building the phrase automaton for {what}"))?;
        let flat = Flat::new(&aut, &alphabet(phrases, true), what)?;
        let owners = match_lens(&aut, &flat, |pid| pid);
        Ok(AllPhrases { flat, owners })
    }

    /// Calls `f(start, end, phrase)` for every occurrence in `hay` until it
    /// returns false.
    pub fn each(&self, hay: &[u8], mut f: impl FnMut(usize, usize, usize) -> bool) {
        let (mut s, mut at) = (self.flat.start, 0);
        while let Ok((k, next)) = self.flat.scan(&hay[at..], s) {
            at += k + 1;
            s = next;
            // (An overlapping automaton has no dead state 0.)
            if next == 0 {
                continue;
            }
            for &(pid, len) in &self.owners[self.flat.match_index(next)] {
                if !f(at - len, at, pid) {
                    return;
                }
            }
        }
    }
}

/// One phrase occurrence: byte range and the index of the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub id: usize,
}

/// Per match state of `flat`, the (owner, length) of each pattern it matches;
/// `owner` maps a pattern id to what the caller reports for it.
fn match_lens(
    aut: &dfa::DFA,
    flat: &Flat,
    owner: impl Fn(usize) -> usize,
) -> Vec<Vec<(usize, usize)>> {
    flat.match_sids
        .iter()
        .map(|&sid| {
            (0..aut.match_len(sid))
                .map(|i| {
                    let pid = aut.match_pattern(sid, i);
                    (owner(pid.as_usize()), aut.pattern_len(pid))
                })
                .collect()
        })
        .collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` starts and ends on word boundaries (a phrase that
/// begins or ends with a symbol, like "$", needs no boundary there).
pub fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    // ASCII bytes around and at the ends of the match are the characters there.
    let b = text.as_bytes();
    let (first, last) = (b[start], b[end - 1]);
    let before = start.checked_sub(1).map(|i| b[i]);
    let after = b.get(end).copied();
    if first.is_ascii()
        && last.is_ascii()
        && before.map_or(true, |x| x.is_ascii())
        && after.map_or(true, |x| x.is_ascii())
    {
        let word = |x: u8| x.is_ascii_alphanumeric() || x == b'_';
        return !(word(first) && before.is_some_and(word) || word(last) && after.is_some_and(word));
    }
    let m = &text[start..end];
    let first_word = m.chars().next().is_some_and(is_word);
    let last_word = m.chars().next_back().is_some_and(is_word);
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !(first_word && before.is_some_and(is_word) || last_word && after.is_some_and(is_word))
}

impl<T> PhraseSet<T> {
    /// Builds from (phrase, value) pairs; `what` names the source for errors.
    pub fn new(entries: Vec<(String, T)>, what: &str) -> Result<Self> {
        let (phrases, values): (Vec<String>, Vec<T>) = entries.into_iter().unzip();
        // A full DFA: the trigger set is small, and scanning every byte of
        // every document is the stage's hot loop.
        let dfa = Dense::new(&phrases, what)?;
        Ok(PhraseSet { dfa, values })
    }

    pub fn value(&self, id: usize) -> &T {
        &self.values[id]
    }

    /// Occurrences in `text[start..end]` on word boundaries, in order.
    pub fn find<'a>(
        &'a self,
        text: &'a str,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = Hit> + 'a {
        let hay = &text.as_bytes()[start..end];
        let mut at = 0;
        std::iter::from_fn(move || {
            let (a, b, id) = self.dfa.find(hay, at)?;
            at = b;
            Some(Hit {
                start: start + a,
                end: start + b,
                id,
            })
        })
        .filter(move |h| on_boundaries(text, h.start, h.end))
    }
}

/// Rewrites `\b` as the ASCII word boundary `(?-u:\b)`, which the regex crate's
/// DFAs support on any haystack (a Unicode `\b` sends text with curly quotes
/// to the slow NFA engine).
pub fn ascii_boundaries(re: &str) -> String {
    let mut out = String::with_capacity(re.len() + 16);
    let mut chars = re.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str(r"(?-u:\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A keyword prefilter for a list of rules (regexes): rule `i` can only match in
/// a text that contains one of its keywords, so only those rules are run. Rules
/// without keywords always run. The keywords are found overlapping (every
/// occurrence), with a [`Flat`] table whose match states list their rules.
pub struct Keywords {
    flat: Option<Flat>,
    /// Per match state (index = [`Flat::match_index`]): the rules of its keywords.
    owners: Vec<Vec<usize>>,
    /// Per match state: (rule, keyword length) of each keyword ending there.
    owner_lens: Vec<Vec<(usize, usize)>>,
    /// Rules without keywords.
    always: Vec<usize>,
    rules: usize,
    ascii_ci: bool,
    /// Searchers for the characters of [`has_fold_variant`].
    folds: [memchr::memmem::Finder<'static>; 2],
}

/// Whether `s` has a character that Unicode case folding equates with an ASCII
/// letter (KELVIN SIGN ~ k, LONG S ~ s): ASCII case-insensitive keyword search
/// could miss what a `(?i)` regex matches.
fn has_fold_variant(folds: &[memchr::memmem::Finder<'static>; 2], s: &str) -> bool {
    folds.iter().any(|f| f.find(s.as_bytes()).is_some())
}

impl Keywords {
    /// `keywords[i]` are rule `i`'s keywords; `ascii_ci` = match them ASCII
    /// case-insensitively (for case-insensitive rules), else exactly.
    pub fn new(keywords: &[Vec<String>], ascii_ci: bool, what: &str) -> Result<Self> {
        let mut pats = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        for (i, ks) in keywords.iter().enumerate() {
            if ks.is_empty() {
                always.push(i);
            }
            for k in ks {
                if k.is_empty() {
                    bail!("{what}: an empty keyword");
                }
                pats.push(k.as_str());
                owner.push(i);
            }
        }
        let (flat, owners, owner_lens) = if pats.is_empty() {
            (None, Vec::new(), Vec::new())
        } else {
            let aut = dfa::DFA::builder()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(ascii_ci)
                .prefilter(false)
                .build(&pats)
                .with_context(|| format!("building the keyword automaton for {what}"))?;
            let flat = Flat::new(&aut, &alphabet(&pats, ascii_ci), what)?;
            let owners = flat
                .match_sids
                .iter()
                .map(|&sid| {
                    let mut rs: Vec<usize> = (0..aut.match_len(sid))
                        .map(|i| owner[aut.match_pattern(sid, i).as_usize()])
                        .collect();
                    rs.sort_unstable();
                    rs.dedup();
                    rs
                })
                .collect();
            let owner_lens = match_lens(&aut, &flat, |pid| owner[pid]);
            (Some(flat), owners, owner_lens)
        };
        Ok(Keywords {
            flat,
            owners,
            owner_lens,
            always,
            rules: keywords.len(),
            ascii_ci,
            folds: ["\u{17F}", "\u{212A}"]
                .map(|c| memchr::memmem::Finder::new(c.as_bytes()).into_owned()),
        })
    }

    /// Every keyword occurrence in `text[a..b]`, to answer [`Keywords::rules`]
    /// for parts of it without scanning them again ([`Keywords::rules_in`]).
    pub fn hits(&self, text: &str, a: usize, b: usize) -> KeyHits {
        let mut hits = Vec::new();
        if let Some(f) = &self.flat {
            let (mut s, mut at) = (f.start, a);
            let bytes = &text.as_bytes()[..b];
            while let Ok((k, next)) = f.scan(&bytes[at..], s) {
                at += k + 1;
                s = next;
                // (An overlapping automaton has no dead state 0.)
                if next != 0 {
                    hits.push((at, f.match_index(next)));
                }
            }
        }
        KeyHits { a, b, hits }
    }

    /// `self.rules(&text[a..b])` from the occurrences `hits` found in a range
    /// holding `a..b`: the keywords found in `text[a..b]` are those occurring
    /// wholly inside it.
    pub fn rules_in(&self, hits: &KeyHits, text: &str, a: usize, b: usize) -> RuleSet {
        debug_assert!(hits.a <= a && b <= hits.b);
        let hay = &text[a..b];
        let mut on = RuleSet::new(self.rules);
        match &self.flat {
            Some(_)
                if !(self.ascii_ci && !hay.is_ascii() && has_fold_variant(&self.folds, hay)) =>
            {
                for &i in &self.always {
                    on.set(i);
                }
                for &(end, m) in &hits.hits {
                    if end > b {
                        break;
                    }
                    for &(r, len) in &self.owner_lens[m] {
                        if end - len >= a {
                            on.set(r);
                        }
                    }
                }
            }
            _ => (0..self.rules).for_each(|i| on.set(i)),
        }
        on
    }

    /// Which rules may match in `hay`.
    pub fn rules(&self, hay: &str) -> RuleSet {
        let mut on = RuleSet::new(self.rules);
        match &self.flat {
            // (An ASCII text has neither character.)
            Some(f)
                if !(self.ascii_ci && !hay.is_ascii() && has_fold_variant(&self.folds, hay)) =>
            {
                for &i in &self.always {
                    on.set(i);
                }
                let (mut s, mut rest) = (f.start, hay.as_bytes());
                while let Ok((k, next)) = f.scan(rest, s) {
                    // (An overlapping automaton has no dead state 0.)
                    if next != 0 {
                        for &r in &self.owners[f.match_index(next)] {
                            on.set(r);
                        }
                    }
                    rest = &rest[k + 1..];
                    s = next;
                }
            }
            _ => (0..self.rules).for_each(|i| on.set(i)),
        }
        on
    }
}

/// Keyword occurrences in `text[a..b]`: (end, match state index), in order of ends.
pub struct KeyHits {
    a: usize,
    b: usize,
    hits: Vec<(usize, usize)>,
}

/// A set of rule indices: a bit mask for up to 64 rules (no allocation), else
/// a vector.
pub struct RuleSet {
    small: u64,
    big: Vec<bool>,
}

impl RuleSet {
    fn new(rules: usize) -> Self {
        RuleSet {
            small: 0,
            big: if rules > 64 {
                vec![false; rules]
            } else {
                Vec::new()
            },
        }
    }

    fn set(&mut self, i: usize) {
        if self.big.is_empty() {
            self.small |= 1 << i;
        } else {
            self.big[i] = true;
        }
    }

    /// Whether rule `i` is in the set.
    pub fn has(&self, i: usize) -> bool {
        if self.big.is_empty() {
            i < 64 && self.small >> i & 1 == 1
        } else {
            self.big.get(i).copied().unwrap_or(false)
        }
    }
}

/// Keywords from a `|`-separated column ("" = none).
pub fn keyword_column(col: &str) -> Vec<String> {
    col.split('|')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}

/// Lowercasing that allocates only when there is something to change.
pub trait Lower {
    /// `self.to_lowercase()`, borrowed when `self` has no ASCII uppercase letter
    /// and no non-ASCII character.
    fn lower(&self) -> std::borrow::Cow<'_, str>;
}

impl Lower for str {
    fn lower(&self) -> std::borrow::Cow<'_, str> {
        if self
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            std::borrow::Cow::Owned(self.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(self)
        }
    }
}
