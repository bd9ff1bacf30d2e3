//! Attribution: the cue and the speaker span around a quotation.
//!
//! Works on the tokens of the text before the opening mark (the *lead*, from the
//! start of the sentence or the previous quotation) and after the closing mark
//! (the *bridge*, up to the next quotation or the end of the paragraph):
//!
//! - lead, cue next to the quote: `X said, “…”`, `X told ICC: “…”`,
//!   `In a statement, X said “…”`, `According to X, “…”`, `Said one priest, “…”`;
//! - bridge: `“…,” X said.`, `“…,” said X.`, `“…” X told ICC.`,
//!   `“…,” X, a local pastor, told the media.`, `“…,” according to X.`; when the
//!   bridge is only `, X says,` and another quotation follows, the two are one
//!   quotation interrupted by its attribution;
//! - lead, cue earlier in the sentence (partial quotes in reported speech):
//!   `X called it “a clear violation”`.
//!
//! The speaker is a noun phrase read from the cue: a pronoun, a run of
//! capitalized words without its titles ("Pastor Raja Waris" → "Raja Waris"), or a
//! phrase from a determiner ("the letter", "a displaced Christian from Charar").
//! Appositives between commas are skipped ("X, a local pastor, said" → "X").

use crate::document::Span;

use super::lexicon::{CueKind, Gender, Lexicon, WordClass};
use super::tokens::{is_cap, is_possessive, Tok, TokKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    Name,
    Pronoun,
    Phrase,
}

/// A noun phrase found in the tokens: `cover` is the token range it occupies
/// (with titles and "the"), `s..e` the speaker tokens.
#[derive(Debug, Clone, Copy)]
pub struct Np {
    pub cover: usize,
    pub cover_end: usize,
    pub s: usize,
    pub e: usize,
    pub kind: NpKind,
}

impl Np {
    /// A phrase (no name) that is all of tokens `s..e`.
    fn phrase(s: usize, e: usize) -> Np {
        Np {
            cover: s,
            cover_end: e,
            s,
            e,
            kind: NpKind::Phrase,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// Cue and speaker next to the opening mark.
    Lead,
    /// Cue and speaker after the closing mark.
    Bridge,
    /// Cue earlier in the sentence (partial quote in reported speech).
    Partial,
}

#[derive(Debug, Clone, Copy)]
pub struct Attribution {
    pub speaker: Option<(Span, NpKind)>,
    pub cue: Option<Span>,
    pub how: How,
    /// The cue is a participle whose speaker is the clause subject, still unknown.
    pub needs_subject: bool,
    /// The bridge is only the attribution: the next quotation may continue this one.
    pub joins_next: bool,
    /// ... and it ends with a comma: the sentence goes on in the next quotation.
    pub interrupts: bool,
}

/// How many tokens a partial quote may stand after its cue.
const PARTIAL_REACH: usize = 8;

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub lx: &'a Lexicon,
    /// Lowercase form of each token (empty for punctuation), computed once: token
    /// `i` is `lows[low_ends[i - 1]..low_ends[i]]`.
    lows: String,
    low_ends: Vec<u32>,
    /// PERSON entity spans of the document, in text order.
    persons: &'a [Span],
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, toks: &'a [Tok], lx: &'a Lexicon, persons: &'a [Span]) -> Self {
        let bytes = match (toks.first(), toks.last()) {
            (Some(a), Some(b)) => b.span.end - a.span.start,
            _ => 0,
        };
        let mut lows = String::with_capacity(bytes);
        let mut low_ends = Vec::with_capacity(toks.len());
        for t in toks {
            if t.is_word() {
                let w = t.text(text);
                if w.is_ascii() {
                    let at = lows.len();
                    lows.push_str(w);
                    lows[at..].make_ascii_lowercase();
                } else {
                    lows.push_str(&w.to_lowercase());
                }
            }
            low_ends.push(lows.len() as u32);
        }
        Ctx {
            text,
            toks,
            lx,
            lows,
            low_ends,
            persons,
        }
    }

    /// Token range of a PERSON entity lying inside tokens `s..e` (the last one,
    /// or the first with `first`): "Amrit Sandhu of CPS West Midlands" names
    /// Amrit Sandhu when the document knows that person.
    fn person_within(&self, s: usize, e: usize, first: bool) -> Option<(usize, usize)> {
        if self.persons.is_empty() || s >= e {
            return None;
        }
        let (a, b) = (self.toks[s].span.start, self.toks[e - 1].span.end);
        let lo = self.persons.partition_point(|p| p.start < a);
        let mut inside = self.persons[lo..]
            .iter()
            .take_while(|p| p.start < b)
            .filter(|p| p.end <= b);
        let p = if first { inside.next() } else { inside.last() }?;
        let ps = (s..e).find(|&k| self.toks[k].span.start == p.start)?;
        let pe = (ps..e).find(|&k| self.toks[k].span.end == p.end)? + 1;
        Some((ps, pe))
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.toks.get(i)?;
        t.is_word().then(|| t.text(self.text))
    }

    /// Lowercase form of the word at `i`.
    fn lw(&self, i: usize) -> Option<&str> {
        self.toks.get(i)?.is_word().then(|| self.low(i))
    }

    fn low(&self, i: usize) -> &str {
        let s = if i == 0 {
            0
        } else {
            self.low_ends[i - 1] as usize
        };
        &self.lows[s..self.low_ends[i] as usize]
    }

    fn is_class(&self, i: usize, c: WordClass) -> bool {
        self.lw(i).is_some_and(|w| self.lx.is(w, c))
    }

    fn is_title(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| self.lx.title(w).is_some())
    }

    /// A lower-case noun for a person, used as a title before a name ("said
    /// attorney Hari Khanal", "said lawyer Ana Ruiz"): nouns.tsv, any gender
    /// but n.
    fn is_role_noun(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_lowercase())
                && self.lx.nouns.get(w).is_some_and(|&g| g != Gender::Neuter)
        })
    }

    /// The name after role words from token `k` ("[founder and president] Bob
    /// Fu", "[regional director] Heba Morayef"): lower-case words, "and", "of",
    /// the last a role noun or title, then up to four capitalized words; the
    /// phrase covers from `cover`.
    fn name_after_roles(&self, cover: usize, k: usize, hi: usize) -> Option<Np> {
        let mut j = k;
        let mut role = false;
        while j < hi && j < k + 5 {
            let Some(w) = self.word(j) else { break };
            if is_cap(w) {
                break;
            }
            if self.cue_at(j, false).is_some() || self.is_class(j, WordClass::Between) {
                return None;
            }
            role = self.is_role_noun(j) || self.is_title(j);
            j += 1;
        }
        if !role || j == k || !self.is_cap_word(j) {
            return None;
        }
        let ne = self.cap_run_forward(j, hi);
        let name_end = self.before_place(j, ne);
        (name_end - j <= 4).then(|| Np {
            cover,
            cover_end: ne,
            s: self.trim_name(j, name_end),
            e: name_end,
            kind: NpKind::Name,
        })
    }

    /// End of the name that starts a capitalized run `s..e`: a preposition that
    /// also ends a phrase ("in") opens a place after it ("Eren Demir in
    /// Istanbul"); `e` when there is none.
    fn before_place(&self, s: usize, e: usize) -> usize {
        (s + 1..e)
            .find(|&k| {
                self.is_class(k, WordClass::Preposition) && self.is_class(k, WordClass::Stop)
            })
            .unwrap_or(e)
    }

    fn is_cap_word(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| is_cap(w) && !is_possessive(w))
    }

    fn is_pronoun(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            self.lx.pronouns.contains_key(self.low(i)) && (w == "I" || !is_cap(w) || w.len() > 1)
        })
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(c) => Some(c),
            TokKind::Word => None,
        }
    }

    /// A punctuation token that ends a clause for attribution purposes.
    fn is_hard(&self, i: usize) -> bool {
        self.punct(i).is_some_and(is_hard_punct)
    }

    fn is_soft(&self, i: usize) -> bool {
        self.punct(i)
            .is_some_and(|c| matches!(c, ',' | '(' | ')' | '—' | '–' | '-'))
    }

    /// The cue starting at token `i`: its kind and end token. A capitalized cue
    /// word counts only when `allow_cap` (sentence start).
    pub fn cue_at(&self, i: usize, allow_cap: bool) -> Option<(CueKind, usize)> {
        let w = self.word(i)?;
        if !allow_cap && is_cap(w) {
            return None;
        }
        let cues = self.lx.cues.get(self.low(i))?;
        'cue: for c in cues {
            for (k, cw) in c.words.iter().enumerate() {
                match self.lw(i + k) {
                    Some(x) if x == cw => {}
                    _ => continue 'cue,
                }
            }
            if c.not {
                return None;
            }
            return Some((c.kind, i + c.words.len()));
        }
        None
    }

    /// End of the recipient of a `told`-like cue starting at `i` (`i` when none).
    pub fn object_end(&self, i: usize, hi: usize) -> usize {
        if i >= hi {
            return i;
        }
        let Some(w) = self.word(i) else { return i };
        let l = self.low(i);
        if matches!(
            l,
            "me" | "us" | "him" | "her" | "them" | "reporters" | "journalists" | "media" | "you"
        ) || self.people_noun(l)
        {
            return i + 1;
        }
        // (a place or day after the recipient is not part of it: "told the Human
        // Rights Council in Geneva on Wednesday")
        let run = |k: usize| {
            let mut e = self.cap_run_forward(k, hi);
            if let Some(c) = (k + 1..e).find(|&c| matches!(self.low(c), "in" | "on" | "to")) {
                e = c;
            }
            // (a number ends a name: "told Forum 18", "told Channel 4")
            if e > k
                && e < hi
                && self
                    .word(e)
                    .is_some_and(|w| w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
            {
                e += 1;
            }
            e
        };
        if is_cap(w) && !self.lx.is(l, WordClass::Determiner) {
            return run(i);
        }
        if self.lx.is(l, WordClass::Determiner) && l != "that" {
            if self.is_cap_word(i + 1) {
                return run(i + 1);
            }
            let mut j = i + 1;
            while j < hi && j < i + 4 {
                match self.lw(j) {
                    Some(x)
                        if !self.lx.is(x, WordClass::Stop)
                            && !self.lx.is(x, WordClass::Determiner)
                            && self.cue_at(j, false).is_none() =>
                    {
                        j += 1
                    }
                    _ => break,
                }
            }
            if j > i + 1 {
                return j;
            }
        }
        i
    }

    /// A lower-case word for people that may stand alone as a recipient
    /// ("told jurors", "told delegates"): `heads.txt`, or a person noun of
    /// `nouns.tsv` in the plural.
    fn people_noun(&self, l: &str) -> bool {
        self.lx.heads.contains(l)
            || l.strip_suffix('s')
                .is_some_and(|sg| self.lx.nouns.get(sg).is_some_and(|&g| g != Gender::Neuter))
    }

    /// End of a run of capitalized words (with connectors) starting at `i`.
    fn cap_run_forward(&self, i: usize, hi: usize) -> usize {
        let mut j = i;
        while j < hi {
            if let Some(w) = self.word(j) {
                if is_cap(w) {
                    j += 1;
                    if is_possessive(w) {
                        break;
                    }
                    continue;
                }
                if j > i
                    && self.is_class(j, WordClass::Connector)
                    && j + 1 < hi
                    && self.is_cap_word(j + 1)
                {
                    j += 1;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// The noun phrase ending at token `hi` (exclusive), not before `lo`.
    pub fn np_backward(&self, lo: usize, hi: usize) -> Option<Np> {
        if hi <= lo {
            return None;
        }
        let e = hi;
        let last = self.word(e - 1)?;
        if self.is_pronoun(e - 1) {
            return Some(Np {
                cover: e - 1,
                cover_end: e,
                s: e - 1,
                e,
                kind: NpKind::Pronoun,
            });
        }
        if is_possessive(last) {
            return None;
        }
        if is_cap(last) {
            let mut s = e - 1;
            while s > lo {
                if self.is_cap_word(s - 1) {
                    s -= 1;
                } else if s - 1 > lo
                    && self.is_class(s - 1, WordClass::Connector)
                    && self.is_cap_word(s - 2)
                {
                    s -= 2;
                } else {
                    break;
                }
            }
            // Titles and sentence-opening words are not part of the name.
            let mut ns = s;
            for k in s..e - 1 {
                if self.is_title(k) || self.is_class(k, WordClass::Intro) {
                    ns = k + 1;
                }
            }
            let first = self.lw(ns).unwrap_or_default();
            if first == "the" && ns + 1 < e {
                return Some(self.the_name(s, ns, e));
            }
            if self.lx.is(first, WordClass::Determiner) {
                return Some(Np {
                    cover: s,
                    cover_end: e,
                    s: ns,
                    e,
                    kind: NpKind::Phrase,
                });
            }
            if s > lo {
                let p = self.lw(s - 1).unwrap_or_default();
                if p == "the" {
                    // "Miriam Osei of the Freedom Desk": a known person before
                    // "of the" is the speaker.
                    if let Some(np) = self.person_before_of(lo, s - 1, e) {
                        return Some(np);
                    }
                    // "A spokeswoman for the NSW Board of Deputies": the phrase the
                    // name completes.
                    if s - 1 > lo + 1 && self.is_class(s - 2, WordClass::Preposition) {
                        if let Some(d) = self.phrase_start(lo, s - 2) {
                            return Some(Np::phrase(d, e));
                        }
                    }
                    return Some(self.the_name(s - 1, s - 1, e));
                }
                // ("one Pakistani said"; not "complained that Sumera had
                // shared": a person's name takes no determiner)
                if self.lx.is(p, WordClass::Determiner)
                    && !is_cap(self.word(s - 1).unwrap_or(""))
                    && self.person_within(s, e, false) != Some((s, e))
                {
                    return Some(Np::phrase(s - 1, e));
                }
                if self.lx.is(p, WordClass::Preposition) && s - 1 > lo {
                    if let Some(d) = self.phrase_start(lo, s - 1) {
                        return Some(Np::phrase(d, e));
                    }
                }
            }
            let (ns, ne) = self
                .person_within(ns, e, false)
                .unwrap_or_else(|| (self.trim_name(ns, e), e));
            return Some(Np {
                cover: s,
                cover_end: e,
                s: ns,
                e: ne,
                kind: NpKind::Name,
            });
        }
        // Lowercase head.
        if let Some(d) = self.phrase_start(lo, e) {
            return Some(Np::phrase(d, e));
        }
        let l = self.low(e - 1);
        if self.lx.heads.contains(l) {
            let mut s = e - 1;
            if s > lo && (self.is_cap_word(s - 1) || s - 1 == lo) && self.word(s - 1).is_some() {
                s -= 1;
            }
            return Some(Np::phrase(s, e));
        }
        None
    }

    /// A PERSON entity in the capitalized run that ends right before "of" at
    /// token `the - 1` ("**Miriam Osei** of the Freedom Desk"), covering up to `e`.
    fn person_before_of(&self, lo: usize, the: usize, e: usize) -> Option<Np> {
        let of = the.checked_sub(1).filter(|&k| k > lo)?;
        if !self.is_class(of, WordClass::Connector) || !self.is_cap_word(of - 1) {
            return None;
        }
        let mut s = of - 1;
        while s > lo && self.is_cap_word(s - 1) {
            s -= 1;
        }
        let (ps, pe) = self.person_within(s, of, false)?;
        Some(Np {
            cover: s,
            cover_end: e,
            s: ps,
            e: pe,
            kind: NpKind::Name,
        })
    }

    /// Start of a determiner phrase ending at `hi`: scans back over words to a
    /// determiner or possessive ("the head of the church", "ICC’s president").
    fn phrase_start(&self, lo: usize, hi: usize) -> Option<usize> {
        let head = self.lw(hi.checked_sub(1)?)?;
        if self.lx.classes.contains_key(head) || self.cue_at(hi - 1, true).is_some() {
            return None;
        }
        let mut k = hi;
        let mut found = None;
        let mut steps = 0;
        while k > lo && steps < 10 {
            let Some(w) = self.word(k - 1) else { break };
            let l = self.low(k - 1);
            if k < hi && self.lx.is(l, WordClass::Determiner) {
                found = Some(k - 1);
                // "the head of the church": continue through the preposition.
                // (or through an adjective's "to": "a source close to the family")
                let adjective_to = k - 1 > lo + 2
                    && self.is_class(k - 2, WordClass::Connector)
                    && self.is_class(k - 2, WordClass::Stop)
                    && self.lw(k - 3).is_some_and(|w| {
                        !self.lx.classes.contains_key(w)
                            && w.bytes().all(|b| b.is_ascii_lowercase())
                    })
                    && self.cue_at(k - 3, false).is_none();
                if k - 1 > lo + 1 && self.is_class(k - 2, WordClass::Preposition) || adjective_to {
                    k -= 2;
                    steps += 2;
                    continue;
                }
                break;
            }
            if k < hi && is_possessive(w) {
                let mut s = k - 1;
                while s > lo && self.is_cap_word(s - 1) {
                    s -= 1;
                }
                if s > lo && self.is_class(s - 1, WordClass::Determiner) {
                    s -= 1; // "the parents’ group"
                }
                found = Some(s);
                break;
            }
            // (a cue word right after a determiner is an adjective: "An informed
            // source")
            let adjective = k >= 2 && self.is_class(k - 2, WordClass::Determiner);
            if k < hi
                && ((self.lx.is(l, WordClass::Stop) && !self.lx.is(l, WordClass::Preposition))
                    || (self.cue_at(k - 1, true).is_some() && !adjective)
                    || self.lx.pronouns.contains_key(l))
            {
                break;
            }
            k -= 1;
            steps += 1;
        }
        found
    }

    /// The noun phrase starting at token `i` (before `hi`), read forward.
    pub fn np_forward(&self, i: usize, hi: usize) -> Option<Np> {
        let start = i;
        let mut i = i;
        while i + 1 < hi && (self.is_title(i) || self.is_role_noun(i)) && self.is_cap_word(i + 1) {
            i += 1;
        }
        let w = self.word(i)?;
        let l = self.low(i);
        if self.is_pronoun(i) {
            return Some(Np {
                cover: start,
                cover_end: i + 1,
                s: i,
                e: i + 1,
                kind: NpKind::Pronoun,
            });
        }
        if l == "the" && self.is_cap_word(i + 1) {
            let e = self.cap_run_forward(i + 1, hi);
            // "the Commissioner for Information, Mrs. Ruth Dalyop," → the name.
            if let Some(np) = self.appositive_name(start, e, hi) {
                return Some(np);
            }
            // "The Chairman of our Board of Trustees, Rev. Dr. X," → the name.
            if self.is_class(e, WordClass::Preposition) {
                let pe = self.phrase_forward(e, hi);
                if let Some(np) = self.appositive_name(start, pe, hi) {
                    return Some(np);
                }
            }
            let mut np = self.the_name(start, i, e);
            np.cover = start;
            return Some(np);
        }
        if is_cap(w) && !self.lx.is(l, WordClass::Determiner) {
            // ("To the faithful of that nation:": a capitalized preposition
            // opens no name)
            if self.lx.is(l, WordClass::Preposition) || self.lx.is(l, WordClass::Stop) {
                return None;
            }
            let e = self.cap_run_forward(i, hi);
            // "ChinaAid founder and president Bob Fu" → the name
            if e > i && !self.word(e - 1).is_some_and(is_possessive) {
                if let Some(np) = self.name_after_roles(start, e, hi) {
                    return Some(np);
                }
            }
            return Some(self.name_or_phrase(start, i, e, hi));
        }
        if self.lx.is(l, WordClass::Determiner) || self.lx.heads.contains(l) {
            let e = self.phrase_forward(i + 1, hi);
            // "the couple’s lawyer, Anil Verma," → the name.
            if let Some(np) = self.appositive_name(start, e, hi) {
                return Some(np);
            }
            return Some(Np {
                cover: start,
                cover_end: e,
                s: i,
                e,
                kind: NpKind::Phrase,
            });
        }
        // "said monitoring group co-chair Nino Beridze" → the name.
        self.name_after_roles(start, i, hi)
    }

    /// The name in apposition after a phrase ending at `e` ("the couple’s
    /// lawyer**, Anil Verma,**"), covering from `cover`.
    fn appositive_name(&self, cover: usize, e: usize, hi: usize) -> Option<Np> {
        if self.punct(e) != Some(',') || !self.is_cap_word(e + 1) {
            return None;
        }
        let ne = self.cap_run_forward(e + 1, hi);
        // (the name may carry its own place: "Her lawyer, Ana Ruiz of the Legal
        // Aid Institute, said")
        let of = || {
            self.lw(ne)
                .is_some_and(|w| self.lx.is(w, WordClass::Preposition))
        };
        if !(ne == hi || self.is_soft(ne) || self.is_hard(ne) || of()) {
            return None;
        }
        // Titles are not part of the name ("Maître Luc Perrin" → "Luc Perrin").
        let ns = (e + 1..ne.saturating_sub(1))
            .rev()
            .find(|&k| self.is_title(k))
            .map_or(e + 1, |k| k + 1);
        Some(Np {
            cover,
            cover_end: ne,
            s: self.trim_name(ns, ne),
            e: ne,
            kind: NpKind::Name,
        })
    }

    /// A long run with a title or connector inside ("Director of Public
    /// Prosecutions Grace Achieng") keeps its last two words and initials.
    fn trim_name(&self, s: usize, e: usize) -> usize {
        if e - s <= 3
            && !(s..e).any(|k| self.is_class(k, WordClass::Connector) && !self.is_cap_word(k))
        {
            return s;
        }
        let mut k = e;
        let mut words = 0;
        while k > s && words < 2 {
            let w = self.word(k - 1).unwrap_or("");
            if !is_cap(w) {
                break;
            }
            let initial = w.ends_with('.') && w.chars().count() == 2;
            if !initial {
                words += 1;
            }
            k -= 1;
        }
        k
    }

    /// "the" + capitalized words at `the..e`: a name without its article ("the
    /// Minority Rights Fund" → "Minority Rights Fund", as entities are written)
    /// unless the words are a title ("the Governor", "the Special Rapporteur").
    fn the_name(&self, cover: usize, the: usize, e: usize) -> Np {
        let title = e == the + 2 || self.is_title(e - 1);
        Np {
            cover,
            cover_end: e,
            s: if title { the } else { the + 1 },
            e,
            kind: if title { NpKind::Phrase } else { NpKind::Name },
        }
    }

    fn name_or_phrase(&self, cover: usize, s: usize, e: usize, hi: usize) -> Np {
        if e > s && self.word(e - 1).is_some_and(is_possessive) {
            // "Smith Barney’s Mr. Doyle" → the titled name.
            if self.is_title(e) && self.is_cap_word(e + 1) {
                let ne = self.cap_run_forward(e + 1, hi);
                return Np {
                    cover,
                    cover_end: ne,
                    s: self.trim_name(e + 1, ne),
                    e: ne,
                    kind: NpKind::Name,
                };
            }
            // "Amnesty's regional director Heba Morayef" → the name.
            if let Some(np) = self.name_after_roles(cover, e, hi) {
                return np;
            }
            // "CSW's Founder President Mervyn Thomas" → the person named.
            if self.is_cap_word(e) {
                let ne = self.cap_run_forward(e, hi);
                if let Some((ps, pe)) = self.person_within(e, ne, false).filter(|p| p.1 == ne) {
                    return Np {
                        cover,
                        cover_end: ne,
                        s: ps,
                        e: pe,
                        kind: NpKind::Name,
                    };
                }
            }
            let pe = self.phrase_forward(e, hi);
            // "Verma’s lawyer, Anil Shah," → the name.
            if let Some(np) = self.appositive_name(cover, pe, hi) {
                return np;
            }
            return Np {
                cover,
                cover_end: pe,
                s,
                e: pe,
                kind: NpKind::Phrase,
            };
        }
        let mut ns = s;
        for k in s..e.saturating_sub(1) {
            if self.is_title(k) {
                ns = k + 1;
            }
        }
        // Without a known person, a preposition that also ends a phrase ("in")
        // opens a place after the name: "said Eren Demir in Istanbul".
        let (ns, ne) = self.person_within(ns, e, true).unwrap_or_else(|| {
            let ne = self.before_place(ns, e);
            (self.trim_name(ns, ne), ne)
        });
        Np {
            cover,
            cover_end: e,
            s: ns,
            e: ne,
            kind: NpKind::Name,
        }
    }

    /// End of the words of a phrase read forward from `i`.
    fn phrase_forward(&self, i: usize, hi: usize) -> usize {
        let mut j = i;
        while j < hi && j < i + 10 {
            let Some(l) = self.lw(j) else { break };
            let prep = self.lx.is(l, WordClass::Preposition);
            if (self.lx.is(l, WordClass::Stop) && !prep) || self.cue_at(j, false).is_some() {
                break;
            }
            if prep && self.word(j + 1).is_none() {
                break;
            }
            j += 1;
        }
        j
    }

    /// Chunks of `[lo, hi)` separated by commas, dashes or parentheses.
    fn chunks(&self, lo: usize, hi: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut s = lo;
        let mut k = lo;
        while k < hi {
            if self.is_soft(k) {
                if k > s {
                    out.push((s, k));
                }
                // (a short parenthesis is no chunk of its own: "Evangelical
                // Fellowship of India (EFI), said")
                if self.punct(k) == Some('(') {
                    if let Some(c) = (k + 1..hi.min(k + 6)).find(|&c| self.punct(c) == Some(')')) {
                        k = c;
                    }
                }
                s = k + 1;
            }
            k += 1;
        }
        if hi > s {
            out.push((s, hi));
        }
        out
    }

    /// Skips words that open a clause ("and", "but", "meanwhile").
    fn skip_intro(&self, mut s: usize, e: usize) -> usize {
        while s < e && self.is_class(s, WordClass::Intro) {
            s += 1;
        }
        s
    }

    /// Speaker of a cue at token `cue` in the lead: the subject before it, with
    /// appositives skipped.
    pub fn lead_subject(&self, lo: usize, cue: usize) -> Option<Np> {
        let mut e = cue;
        while e > lo && self.is_class(e - 1, WordClass::Between) {
            e -= 1;
        }
        let mut lo2 = lo;
        for k in lo..e {
            if self.is_hard(k) {
                lo2 = k + 1;
            }
        }
        let chunks = self.chunks(lo2, e);
        let (ls, le) = *chunks.last()?;
        let np = self.np_backward(ls, le);
        // "X, who …, said" / "X, a local pastor, said"
        let first = self.lw(ls).unwrap_or_default();
        // ("X, CSW's Head of Advocacy, said": a possessive opens a description)
        let appositive = self.lx.is(first, WordClass::Relative)
            || (le > ls + 1 && self.word(ls).is_some_and(is_possessive))
            || (self.word(ls).is_some_and(|w| !is_cap(w))
                && (np.is_none_or_phrase() || np.is_some_and(|n| n.cover != ls)))
            || np.is_some_and(|n| n.kind == NpKind::Phrase);
        // "…, prompting condemnation from Prime Minister X, who said": the name
        // ending the clause before "who"
        if le == ls + 1 && self.lx.is(first, WordClass::Relative) && chunks.len() >= 2 {
            let (ps, pe) = chunks[chunks.len() - 2];
            if let Some(p) = self.np_backward(ps, pe) {
                if p.kind == NpKind::Name && p.cover_end == pe {
                    return Some(p);
                }
            }
        }
        // (not an opening frame: "On Monday, the pastor said")
        if appositive
            && chunks.len() >= 2
            && !self.is_pp(chunks[chunks.len() - 2].0, chunks[chunks.len() - 2].1)
        {
            let (ps, pe) = chunks[chunks.len() - 2];
            let ps = self.skip_intro(ps, pe);
            let weak = self.lx.is(first, WordClass::Relative) || matches!(first, "a" | "an");
            if let Some(p) = self.np_backward(ps, pe) {
                // ("EPA president Salah Chalah, who …, said": a name after an
                // organization's role words)
                if (p.cover == ps || self.described(ps, &p)) && (p.kind != NpKind::Phrase || weak) {
                    return Some(p);
                }
            }
        }
        if self.lx.is(first, WordClass::Relative) {
            return None;
        }
        if np.is_none() && self.lw(le - 1) == Some("and") {
            // "X did this and said": the clause subject, after an opening
            // frame ("On 7 June, X approached them and shouted").
            return self.subject_forward(self.clause_start(lo2, le), le);
        }
        np
    }

    /// The subject phrase from token `s`: [`Self::np_forward`], a phrase cut before
    /// a word that stands between a subject and its verb ("The judge also imposed
    /// …" → "The judge").
    fn subject_forward(&self, s: usize, hi: usize) -> Option<Np> {
        let mut np = self.np_forward(s, hi)?;
        if np.kind == NpKind::Phrase {
            // (or a past form with its object: "A spokesman [rejected the
            // criticism], saying")
            let past_verb = |k: usize| {
                self.word(k)
                    .is_some_and(|w| !is_cap(w) && w.ends_with("ed"))
                    && self
                        .lw(k + 1)
                        .is_some_and(|w| self.lx.is(w, WordClass::Determiner))
            };
            if let Some(k) =
                (np.s + 1..np.e).find(|&k| self.is_class(k, WordClass::Between) || past_verb(k))
            {
                np.e = k;
                np.cover_end = np.cover_end.min(k);
            }
        }
        Some(np)
    }

    /// Where the subject of the clause `[lo, hi)` starts: after its opening words
    /// ("Meanwhile") and an opening frame ("On 7 June,", "In the weeks before the
    /// fire,").
    fn clause_start(&self, lo: usize, hi: usize) -> usize {
        let mut s = self.skip_intro(lo, hi);
        // ("Meanwhile, President X …")
        if s > lo && s + 1 < hi && self.punct(s) == Some(',') {
            s += 1;
        }
        // An opening frame, and participle phrases after it ("In the letter,
        // written in his cell in November, the bishop …").
        let chunks = self.chunks(s, hi);
        for (k, w) in chunks.windows(2).enumerate() {
            let ((a, b), (next, _)) = (w[0], w[1]);
            let frame = self.is_pp(a, b) || (k > 0 && self.participle_phrase(a, b));
            if a != s || !frame {
                break;
            }
            s = self.skip_intro(next, hi);
        }
        s
    }

    /// A short phrase opened by a lowercase participle ("written in his cell",
    /// "speaking by phone").
    fn participle_phrase(&self, a: usize, e: usize) -> bool {
        e > a
            && e - a <= 8
            && self.word(a).is_some_and(|w| {
                !is_cap(w) && (w.ends_with("ed") || w.ends_with("en") || w.ends_with("ing"))
            })
            && (a..e).all(|k| self.word(k).is_some())
    }

    /// Speaker between a closing mark and a cue (`“…,” X, a pastor, said`): the
    /// first chunk must be a noun phrase and nothing else.
    pub fn bridge_subject(&self, lo: usize, cue: usize) -> Option<Np> {
        let mut e = cue;
        while e > lo && self.is_class(e - 1, WordClass::Between) {
            e -= 1;
        }
        if e - lo > 25 || (lo..e).any(|k| self.is_hard(k)) {
            return None;
        }
        let chunks = self.chunks(lo, e);
        let &(s0, e0) = chunks.first()?;
        let np = self.np_backward(s0, e0)?;
        // "SIS executive director Rozana Isa said": a name after a role noun and
        // its modifiers (no verb among them)
        if np.cover != s0 && !self.described(s0, &np) {
            return None;
        }
        // ("a pastor", or a title: "the Special Rapporteur, Ahmed Siddig, told")
        let description = np.kind == NpKind::Phrase;
        if description {
            if let Some(&(s1, e1)) = chunks.get(1) {
                if let Some(n) = self.np_backward(s1, e1) {
                    if n.cover == s1 && n.kind == NpKind::Name {
                        return Some(n);
                    }
                }
            }
        }
        Some(np)
    }

    /// A name after a role noun or title and its modifiers from `s0`, no verb
    /// among them: "SIS executive director Rozana Isa", "EPA president Salah
    /// Chalah".
    fn described(&self, s0: usize, np: &Np) -> bool {
        np.kind == NpKind::Name
            && np.cover - s0 <= 5
            && np.cover > s0
            && (self.is_role_noun(np.cover - 1) || self.is_title(np.cover - 1))
            && (s0..np.cover).all(|k| {
                self.word(k).is_some()
                    && self.cue_at(k, false).is_none()
                    && !self.is_class(k, WordClass::Between)
            })
    }

    /// A prepositional phrase or frame ("in a statement", "on Monday") filling `[a, e)`.
    fn is_pp(&self, a: usize, e: usize) -> bool {
        if a >= e || e - a > 8 {
            return false;
        }
        let Some(l) = self.lw(a) else { return false };
        // Adverbial openers (`patterns/quotes/words.tsv`) and adverbs in -ly.
        let starts = self.lx.is(l, WordClass::Adverbial) || l.ends_with("ly");
        starts && (a..e).all(|k| self.word(k).is_some() || self.punct(k) == Some(','))
    }

    fn cue_span(&self, i: usize, e: usize) -> Span {
        Span::new(self.toks[i].span.start, self.toks[e - 1].span.end)
    }

    fn np_span(&self, np: &Np) -> Option<(Span, NpKind)> {
        // A lone title ("Pastor: “…”") names nobody in particular.
        let kind = if np.kind == NpKind::Name && np.e == np.s + 1 && self.is_title(np.s) {
            NpKind::Phrase
        } else {
            np.kind
        };
        (np.e > np.s).then(|| {
            (
                Span::new(self.toks[np.s].span.start, self.toks[np.e - 1].span.end),
                kind,
            )
        })
    }

    /// Attribution from the lead: `(adjacent, attribution)`.
    pub fn from_lead(&self) -> Option<(bool, Attribution)> {
        let n = self.toks.len();
        let mut lo = 0;
        for k in 0..n {
            if self.is_hard(k) && !matches!(self.punct(k), Some(':')) {
                lo = k + 1;
            }
        }
        let mut e = n;
        while e > lo && (self.is_soft(e - 1) || self.punct(e - 1) == Some(':')) {
            e -= 1;
        }
        if e > lo && self.lw(e - 1) == Some("that") {
            e -= 1;
        }
        if e <= lo {
            return None;
        }
        let sentence_start = |j: usize| j == lo || self.is_hard(j - 1) || self.is_soft(j - 1);
        // Cue next to the quotation, or an inverted cue opening the sentence
        // however long the speaker's appositive ("Said Pastor X, chairman of a
        // regional fellowship in Pokhara, “…”").
        let near = lo.max(e.saturating_sub(12));
        let opening = self.skip_intro(lo, e);
        let far = (opening < near).then_some(opening);
        for j in (near..e).rev().chain(far) {
            let Some((kind, ce)) = self.cue_at(j, sentence_start(j)) else {
                continue;
            };
            if j < near && kind != CueKind::Verb {
                continue;
            }
            let after = if kind == CueKind::VerbObject {
                self.object_end(ce, e)
            } else {
                ce
            };
            let rest_ok = after == e || self.is_pp(after, e);
            let inverted_ok = matches!(kind, CueKind::Verb | CueKind::Prep)
                && self.np_forward(ce, e).is_some_and(|np| {
                    np.cover_end == e
                        || self.is_pp(np.cover_end, e)
                        || self.is_class(np.cover_end, WordClass::Relative)
                        || self.is_soft(np.cover_end)
                });
            if !inverted_ok && (!rest_ok || j < near) {
                continue;
            }
            let cue = self.cue_span(j, after.max(ce));
            let (speaker, needs_subject) = match kind {
                CueKind::Frame | CueKind::Next => continue,
                CueKind::Participle => (None, true),
                CueKind::Prep => (self.np_forward(ce, e), false),
                CueKind::Verb | CueKind::VerbObject => {
                    let subj = self.lead_subject(lo, j);
                    if let Some(np) = subj.filter(|np| self.reduced_relative(lo, np)) {
                        // "Prosecutors said videos he had shared … “…”": the cue
                        // before the relative clause governs the quotation
                        return (lo..np.cover).rev().find_map(|j2| {
                            self.partial_at(lo, j2, e, sentence_start(j2), None)
                                .map(|a| (false, a))
                        });
                    }
                    // ("… “deeply concerned” and urged Asmara to …": a coordinated
                    // verb has the subject of the clause before, not "Asmara")
                    let coordinated = (lo..j).any(|k| self.is_class(k, WordClass::Coordinator));
                    if subj.is_some() {
                        (subj, false)
                    } else if inverted_ok && !coordinated && j == self.skip_intro(lo, e) {
                        (self.np_forward(ce, e), false)
                    } else {
                        (None, true)
                    }
                }
            };
            let cue = if kind == CueKind::Prep || !rest_ok {
                self.cue_span(j, ce)
            } else {
                cue
            };
            return Some((
                true,
                Attribution {
                    speaker: speaker.and_then(|s| self.np_span(&s)),
                    cue: Some(cue),
                    how: How::Lead,
                    needs_subject: needs_subject && speaker.is_none(),
                    joins_next: false,
                    interrupts: false,
                },
            ));
        }
        // Cue earlier in the sentence: partial quotation in reported speech
        // ("X called it “…”", "X said the law was “…”"); a cue farther away is
        // about something else ("confirmed a sentence against a man accused of “…”").
        for j in (lo.max(e.saturating_sub(PARTIAL_REACH))..e).rev() {
            if let Some(a) = self.partial_at(lo, j, e, sentence_start(j), None) {
                return Some((false, a));
            }
        }
        // ... or before a complementizer "that" within that reach, with only
        // adverbials between the cue and "that" ("X said in a statement last week
        // that the treatment “…”").
        let that = (lo.max(e.saturating_sub(PARTIAL_REACH))..e)
            .rev()
            .find(|&t| self.lw(t) == Some("that"))?;
        for j in (lo.max(that.saturating_sub(PARTIAL_REACH))..that).rev() {
            if let Some(a) = self.partial_at(lo, j, e, sentence_start(j), Some(that)) {
                return Some((false, a));
            }
        }
        None
    }

    /// A partial-quotation attribution with its cue at token `j`; with `that`,
    /// the cue must reach that token through adverbials only.
    fn partial_at(
        &self,
        lo: usize,
        j: usize,
        e: usize,
        allow_cap: bool,
        that: Option<usize>,
    ) -> Option<Attribution> {
        let (kind, ce) = self.cue_at(j, allow_cap)?;
        if let Some(t) = that {
            // (with its recipient: "told jurors during closing arguments that")
            let ce = match kind {
                CueKind::VerbObject => self.object_end(ce, t).max(ce),
                _ => ce,
            };
            if !matches!(kind, CueKind::Verb | CueKind::VerbObject)
                || !(ce == t || self.is_pp(ce, t))
            {
                return None;
            }
        }
        let speaker = match kind {
            CueKind::Frame | CueKind::Next => return None,
            CueKind::Participle => None,
            CueKind::Prep => self.np_forward(ce, e),
            CueKind::Verb | CueKind::VerbObject => Some(
                self.lead_subject(lo, j)
                    .filter(|np| !self.reduced_relative(lo, np))?,
            ),
        };
        let end = if kind == CueKind::VerbObject {
            self.object_end(ce, e).max(ce)
        } else {
            ce
        };
        Some(Attribution {
            speaker: speaker.and_then(|s| self.np_span(&s)),
            cue: Some(self.cue_span(j, end)),
            how: How::Partial,
            needs_subject: speaker.is_none(),
            joins_next: false,
            interrupts: false,
        })
    }

    /// A pronoun subject right after a plain lower-case word opens a reduced relative
    /// clause ("videos **he** had shared on Facebook"): its verb already has its object,
    /// so a partial quotation after it is not what that pronoun said.
    fn reduced_relative(&self, lo: usize, np: &Np) -> bool {
        np.kind == NpKind::Pronoun
            && np.cover > lo
            // (not after an opening frame without its comma: "At the hearing he
            // said: …")
            && !self.is_class(self.skip_intro(lo, np.cover), WordClass::Preposition)
            && self.word(np.cover - 1).is_some_and(|w| !is_cap(w))
            && self.lw(np.cover - 1).is_some_and(|w| {
                !self.lx.is(w, WordClass::Intro)
                    && !self.lx.is(w, WordClass::Stop)
                    && self.cue_at(np.cover - 1, false).is_none()
            })
    }

    /// Attribution from the bridge; `next_quote` says a quotation follows it
    /// directly, `closed_sentence` that the quotation ends with `.`, `!` or `?`
    /// inside its marks.
    ///
    /// Reads no token after the first clause-ending one but the next (it needs
    /// only to know that more follows), so the bridge may be tokenized with
    /// [`super::tokens::tokenize_until`] stopping at [`is_hard_punct`].
    pub fn from_bridge(&self, next_quote: bool, closed_sentence: bool) -> Option<Attribution> {
        let n = self.toks.len();
        let mut i = 0;
        while i < n && self.is_soft(i) {
            i += 1;
        }
        if i >= n || self.is_hard(i) {
            return None;
        }
        let limit = n.min(i + 25);
        let mut j = i;
        while j < limit {
            if self.is_hard(j) {
                return None;
            }
            let Some((kind, ce)) = self.cue_at(j, j == i) else {
                j += 1;
                continue;
            };
            // "a neighbour, who asked not to be named, told X": not this cue.
            let clause = (i..j)
                .rev()
                .take_while(|&k| !self.is_soft(k))
                .any(|k| self.is_class(k, WordClass::Relative));
            if clause {
                j = ce;
                continue;
            }
            let hi = (ce..n).find(|&k| self.is_hard(k)).unwrap_or(n);
            let (speaker, end, needs_subject) = match kind {
                CueKind::Frame => {
                    j = ce;
                    continue;
                }
                CueKind::Participle => (None, ce, true),
                // "“….” That was how X described it": only opening the bridge.
                CueKind::Next if j > i => {
                    j = ce;
                    continue;
                }
                CueKind::Next => {
                    let np = self.np_forward(ce, hi)?;
                    (Some(np), np.cover_end, false)
                }
                // "“…,” according to X": only right after the quotation; farther
                // on, "according to" sources the bridge's own clause ("In 2023 at
                // least 110 people were caned, according to the group's count").
                CueKind::Prep if j > i => {
                    j = ce;
                    continue;
                }
                // ("“….” According to X, the agency has …": a new sentence
                // sourced by X, not this quotation's attribution)
                CueKind::Prep
                    if closed_sentence
                        && self.word(i).is_some_and(is_cap)
                        && self.opens_clause_after_np(ce, hi) =>
                {
                    return None;
                }
                CueKind::Prep => {
                    let np = self.np_forward(ce, hi)?;
                    (Some(np), np.cover_end, false)
                }
                CueKind::Verb | CueKind::VerbObject => {
                    let cue_end = if kind == CueKind::VerbObject {
                        self.object_end(ce, hi)
                    } else {
                        ce
                    };
                    if j == i {
                        let np = self.np_forward(cue_end, hi)?;
                        (Some(np), np.cover_end, false)
                    } else {
                        let np = self.bridge_subject(i, j)?;
                        (Some(np), cue_end, false)
                    }
                }
            };
            let cue_end = match kind {
                CueKind::VerbObject => self.object_end(ce, hi).max(ce),
                _ => ce,
            };
            // "“…,” X said, “…”" and "“…,” said X. “…”": the attribution is all
            // there is between two quotes, which are then one quotation.
            let mut rest_end = n;
            let mut comma = rest_end == end;
            if rest_end > end && matches!(self.punct(rest_end - 1), Some(',' | '.')) {
                comma = self.punct(rest_end - 1) == Some(',');
                rest_end -= 1;
            }
            // What follows the attribution: nothing, a place or time ("outside the
            // court"), or an appositive (", the lawyer of the family").
            // (or the speaker's organization: "said Special Agent in Charge Dana
            // Greer of the U.S. Department of Health and Human Services, Office
            // of Inspector General")
            let tail_ok = rest_end == end
                || self.is_pp(end, rest_end)
                || (rest_end - end <= 20
                    && (self.is_soft(end)
                        || self.is_class(end, WordClass::Stop)
                        || self.is_class(end, WordClass::Preposition))
                    && (end..rest_end)
                        .all(|k| !self.is_hard(k) && self.cue_at(k, false).is_none()));
            // "“….” She urged the government to …": a capitalized pronoun after a
            // finished sentence opens a new one, unless the attribution is all
            // there is ("“….” He said.").
            if closed_sentence && !tail_ok && self.is_pronoun(i) && self.word(i).is_some_and(is_cap)
            {
                return None;
            }
            // ("“….” He added that “…”": the clause introduces the next quotation)
            let introduces = n > 0 && self.lw(n - 1) == Some("that");
            let joins_next = next_quote && tail_ok && !introduces;
            let interrupts = joins_next && comma;
            return Some(Attribution {
                speaker: speaker.and_then(|s| self.np_span(&s)),
                cue: Some(self.cue_span(j, cue_end)),
                how: How::Bridge,
                needs_subject,
                joins_next,
                interrupts,
            });
        }
        None
    }

    /// The first verb cue after byte `from` and the tokens it spans, with its
    /// recipient ("He **added** that …", "She **told reporters** …").
    pub fn verb_cue_after(&self, from: usize) -> Option<Span> {
        let n = self.toks.len();
        // (right after the subject, or after "also", "later": the main verb)
        let first = self.toks.partition_point(|t| t.span.start < from);
        let mut last = first;
        while last < n && self.is_class(last, WordClass::Between) {
            last += 1;
        }
        (first..n.min(last + 1)).find_map(|k| {
            let (kind, ce) = self.cue_at(k, false)?;
            let end = match kind {
                CueKind::Verb => ce,
                CueKind::VerbObject => self.object_end(ce, n).max(ce),
                _ => return None,
            };
            // (reported speech only: "described the night" reports none)
            (self.lw(end) == Some("that")).then(|| self.cue_span(k, end))
        })
    }

    /// The noun phrase from `i` is followed by a comma and more words before
    /// `hi` ("according to X, the agency has …").
    fn opens_clause_after_np(&self, i: usize, hi: usize) -> bool {
        self.np_forward(i, hi).is_some_and(|np| {
            self.punct(np.cover_end) == Some(',')
                && np.cover_end + 1 < hi
                && self.word(np.cover_end + 1).is_some()
        })
    }

    /// The subject of a clause: the noun phrase at its start, after opening
    /// words ("But", "Meanwhile") and an opening adverbial or participle phrase
    /// ("On Monday,", "Reached by phone on 2 March,").
    pub fn clause_subject(&self) -> Option<(Span, NpKind)> {
        let n = self.toks.len();
        let mut s = self.skip_intro(0, n);
        // "According to Dr. X of the Y, …": X is who speaks in the sentence.
        // ("according" is also an opening word, skipped above)
        let prep = (0..=s.min(n)).find_map(|k| match self.cue_at(k, true) {
            Some((CueKind::Prep, ce)) => Some(ce),
            _ => None,
        });
        if let Some(ce) = prep {
            if let Some(np) = self.np_forward(ce, n).filter(|np| np.kind == NpKind::Name) {
                return self.np_span(&np);
            }
        }
        let l = self.lw(s)?;
        let participle = (l.ends_with("ed") || l.ends_with("ing"))
            && self.word(s + 1).is_some_and(|w| !is_cap(w))
            && self.cue_at(s + 1, false).is_none();
        let opener = !self.lx.is(l, WordClass::Determiner)
            && (self.lx.is(l, WordClass::Adverbial) || l.ends_with("ly") || participle);
        if opener {
            let comma = (s..n.min(s + 15)).find(|&k| self.punct(k) == Some(','))?;
            s = self.skip_intro(comma + 1, n);
        }
        let mut np = self.np_forward(s, n)?;
        // "One of those released, a woman named Selam, told …" → the name.
        if self.punct(np.cover_end) == Some(',') {
            let named = (np.cover_end + 1..n)
                .take_while(|&k| !self.is_soft(k) && !self.is_hard(k))
                .find(|&k| {
                    matches!(self.lw(k), Some("named" | "called")) && self.is_cap_word(k + 1)
                });
            if let Some(k) = named {
                let e = self.cap_run_forward(k + 1, n);
                return Some((
                    Span::new(self.toks[k + 1].span.start, self.toks[e - 1].span.end),
                    NpKind::Name,
                ));
            }
        }
        if np.kind == NpKind::Phrase {
            // A phrase read forward runs into the verb ("the judge's assistant
            // refused"): it ends before an auxiliary or a past form.
            let verb = (np.s + 1..np.e).find(|&k| {
                self.is_class(k, WordClass::Between)
                    || self
                        .word(k)
                        .is_some_and(|w| !is_cap(w) && w.ends_with("ed"))
            });
            np.e = verb.unwrap_or(np.e);
        }
        self.np_span(&np)
    }

    /// The subject at the start of the tokens `[lo, hi)` (for quotes introduced
    /// by a colon or named in the previous sentence).
    pub fn subject_at(&self, lo: usize, hi: usize) -> Option<(Span, NpKind)> {
        let np = self.subject_forward(self.clause_start(lo, hi), hi)?;
        // (an opening preposition is nobody: "At the hearing he …")
        if self.is_class(np.s, WordClass::Preposition) {
            return None;
        }
        self.np_span(&np)
    }
}

/// Punctuation that ends a clause for attribution purposes.
pub fn is_hard_punct(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | ';'
            | ':'
            | '\n'
            | '“'
            | '”'
            | '"'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '„'
            | '「'
            | '」'
    )
}

trait NpExt {
    fn is_none_or_phrase(&self) -> bool;
}

impl NpExt for Option<Np> {
    fn is_none_or_phrase(&self) -> bool {
        self.map_or(true, |n| n.kind == NpKind::Phrase)
    }
}
