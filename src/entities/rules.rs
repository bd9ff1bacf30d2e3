//! Token-level rules: title + name, given name + surnames, organization and law
//! head-word runs, legal provisions. Each produces candidates; the resolver in
//! `mod.rs` picks among them.

use super::lexicon::{
    Gender, Lexicon, AFTER, CTX_AGE, CTX_APPOS, CTX_CREDIT, CTX_GROUP, CTX_NAMES, CTX_RELATIVE,
    CTX_SPEECH, F_GIVEN, F_GIVEN_AMB, F_LAW, F_NOT_NAME, F_ORG, F_PROV, F_STOP, F_SURNAME,
    F_SURNAME_FIRST, F_TITLE, F_TITLE_START, INNER, LATE, LAW_ALONE, LAW_NUMBERED,
    LAW_ORG_AFTER_GROUP, RIGHT,
};
use super::tokens::{Token, CAP, DIGIT, HEADLINE, JOINED, LOWER, SENT_START, UPPER, WORD};
use super::{Cand, Rules};
use crate::document::{Label, Span};

/// What the gazetteer found at a token start (for rules that must stop at places).
#[derive(Debug, Clone, Copy, Default)]
pub struct Hint {
    /// A strong gazetteer entry (country, demonym, religious group, organization)
    /// starts here.
    pub strong: bool,
    /// Inside a gazetteer match.
    pub covered: bool,
    /// Inside a GPE gazetteer match.
    pub gpe: bool,
    /// Inside a blocking gazetteer match (label `O`).
    pub blocked: bool,
}

pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lex: &'a Lexicon,
    pub hints: &'a [Hint],
    pub starts: &'a Starts,
    pub first_heads: &'a FirstHeads,
}

/// Organization heads written first (`entities/org_heads_first.txt`): "Comisión
/// Intereclesial de Justicia y Paz".
#[derive(Default)]
pub struct FirstHeads {
    pub words: crate::hash::FxSet<String>,
    /// Lower-case words that join the capitalized words after the head ("de", "y").
    pub connectors: crate::hash::FxSet<String>,
    /// Heads that are also English ("Hospital"): written first only with a
    /// connector and a capitalized word after it ("Hospital Universitario del Valle").
    pub with_connector: crate::hash::FxSet<String>,
}

impl FirstHeads {
    pub const PATH: &'static str = "entities/org_heads_first.txt";

    pub fn new(content: &str) -> Self {
        FirstHeads {
            words: crate::patterns::word_list(content)
                .map(str::to_string)
                .collect(),
            connectors: crate::patterns::directive_words(content, "connectors")
                .map(str::to_string)
                .collect(),
            with_connector: crate::patterns::directive_words(content, "with-connector")
                .map(str::to_string)
                .collect(),
        }
    }
}

/// Token `q` is an elided connector and a capitalized word: "d’Algérie", "l'Homme".
fn elided_connector(cx: &Ctx, q: usize) -> bool {
    let w = cx.w(q);
    let Some(a) = w.find(['\'', '\u{2019}']) else {
        return false;
    };
    let rest = &w[a..];
    let rest = rest
        .strip_prefix('\'')
        .or_else(|| rest.strip_prefix('\u{2019}'));
    cx.first_heads.connectors.contains(&w[..a])
        && rest.is_some_and(|r| r.starts_with(char::is_uppercase))
}

/// The end of an organization's name from head `h` written first: capitalized
/// words joined by the connectors of `FirstHeads` ("Fiscalía General de la Nación"),
/// at least one; with `connector`, a connector must come before the last word.
fn first_head_run(cx: &Ctx, h: usize, connector: bool) -> Option<usize> {
    let toks = cx.toks;
    let n = toks.len();
    let (mut q, mut end) = (h + 1, h + 1);
    let mut joined = false;
    let mut seen = false;
    while q < n && cx.adjacent(q - 1, q) {
        // (a title word too: "Fiscalía General de la Nación")
        if toks[q].is_cap_word() && !cx.stop(q) {
            q += 1;
            end = q;
            joined |= seen;
        } else if toks[q].is(LOWER) && cx.first_heads.connectors.contains(cx.w(q)) {
            q += 1;
            seen = true;
        } else if toks[q].is(LOWER) && elided_connector(cx, q) {
            // "Église Protestante d’Algérie", "Ligue des Droits de l’Homme"
            q += 1;
            end = q;
            joined = true;
        } else {
            break;
        }
    }
    (end > h + 1 && (joined || !connector)).then_some(end)
}

/// The tokens where the rules can start, in order: a superset of those where each
/// rule does anything (the rules check everything again).
#[derive(Default)]
pub struct Starts {
    /// Capitalized or joined words, and lower-case words before a capitalized word
    /// or a period (a lower-case title).
    pub persons: Vec<u32>,
    /// Organization heads and law heads.
    heads: Vec<u32>,
    /// Provision words and section signs.
    provisions: Vec<u32>,
    /// Opening parentheses (acronym definitions).
    pub parens: Vec<u32>,
    /// ALL-CAPS words (acronyms).
    pub upper: Vec<u32>,
}

impl Starts {
    /// Empties every list (keeping the allocations).
    pub fn clear(&mut self) {
        self.persons.clear();
        self.heads.clear();
        self.provisions.clear();
        self.parens.clear();
        self.upper.clear();
    }

    /// Records punctuation token `i` (`toks[i]` the last one so far).
    #[inline(always)]
    pub fn note_punct(&mut self, text: &str, lex: &Lexicon, toks: &[Token], i: usize) {
        let t = toks[i];
        let b = &text.as_bytes()[t.start..t.end];
        if b == b"(" {
            self.parens.push(i as u32);
        } else if b == "\u{a7}".as_bytes() {
            self.provisions.push(i as u32);
        } else if b == b"." {
            self.lower_title_before(text, lex, toks, i);
        }
    }

    /// Records lower-case word `i` (`toks[i]` the last token so far).
    #[inline(always)]
    pub fn note_lower(&mut self, toks: &[Token], i: usize) {
        if toks[i].is(JOINED) {
            self.persons.push(i as u32);
        }
    }

    /// Records word `i` that does not start in lower case, whose `Lexicon::flags` are
    /// `f` (`toks[i]` the last token so far).
    #[inline(always)]
    pub fn note_word(&mut self, text: &str, lex: &Lexicon, toks: &[Token], i: usize, f: u16) {
        let t = toks[i];
        if t.is(UPPER) {
            self.upper.push(i as u32);
        }
        if t.is(CAP) {
            // "vice president for Latin America Carlos E. Villacís"
            if i >= 2 && toks[i - 1].is(LOWER) && portfolio_word(text, toks[i - 1]) {
                self.lower_title_before(text, lex, toks, i - 1);
            }
            self.lower_title_before(text, lex, toks, i);
        }
        if t.is(CAP | JOINED) {
            self.persons.push(i as u32);
        }
        if f & F_ORG != 0 || (!t.is(UPPER) && f & F_LAW != 0) {
            self.heads.push(i as u32);
        }
        if f & F_PROV != 0 {
            self.provisions.push(i as u32);
        }
    }

    /// Token `i` is a capitalized word or a period: a lower-case word right before
    /// it may be a title (a joined one is recorded already). Only a word that passes
    /// `may_be_lower_title` is recorded: `persons` does nothing at any other
    /// lower-case word that is not joined, nor do the other users of `persons`.
    #[inline(always)]
    fn lower_title_before(&mut self, text: &str, lex: &Lexicon, toks: &[Token], i: usize) {
        if i > 0
            && toks[i - 1].flags & (WORD | LOWER | JOINED) == WORD | LOWER
            && may_be_lower_title(text, lex, toks[i - 1])
        {
            self.persons.push(i as u32 - 1);
        }
    }
}

impl Ctx<'_> {
    #[inline]
    fn has(&self, i: usize, f: u16) -> bool {
        self.toks[i].lex & f != 0
    }

    #[inline]
    fn w(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }

    /// Token `i` is the string `s` (compared as bytes, without a call).
    #[inline]
    fn is_str(&self, i: usize, s: &str) -> bool {
        let t = self.toks[i];
        t.end - t.start == s.len() && self.text.as_bytes()[t.start..t.end] == *s.as_bytes()
    }

    /// Token `i` is the one byte `c`.
    #[inline]
    fn is_byte(&self, i: usize, c: u8) -> bool {
        let t = self.toks[i];
        t.end == t.start + 1 && self.text.as_bytes()[t.start] == c
    }

    /// Token `i` is an apostrophe, straight or curly.
    fn is_apostrophe(&self, i: usize) -> bool {
        self.is_byte(i, b'\'') || self.is_str(i, "\u{2019}")
    }

    /// Token `i` is the first of its line.
    fn line_starts(&self, i: usize) -> bool {
        i == 0
            || memchr::memchr(
                b'\n',
                &self.text.as_bytes()[self.toks[i - 1].end..self.toks[i].start],
            )
            .is_some()
    }

    /// The token before `i` (exclusive end of a run) is the last of its line.
    fn line_ends(&self, i: usize) -> bool {
        i >= self.toks.len()
            || memchr::memchr(
                b'\n',
                &self.text.as_bytes()[self.toks[i - 1].end..self.toks[i].start],
            )
            .is_some()
    }

    /// Tokens `a` and `b` (a before b) are separated by at most one space.
    #[inline]
    fn adjacent(&self, a: usize, b: usize) -> bool {
        let gap = &self.text.as_bytes()[self.toks[a].end..self.toks[b].start];
        match gap.len() {
            0 => true,
            1 => gap[0] == b' ',
            2 => gap[0] == 0xC2 && gap[1] == 0xA0, // U+00A0
            _ => false,
        }
    }

    fn stop(&self, i: usize) -> bool {
        self.has(i, F_STOP)
    }

    /// A capitalized word that can be part of a person's name.
    #[inline(always)]
    fn name_part(&self, i: usize) -> bool {
        let t = self.toks[i];
        if t.is_cap_word() {
            return !self.stop(i) && !self.has(i, F_ORG | F_LAW | F_PROV | F_NOT_NAME | F_TITLE);
        }
        t.is(LOWER) && t.is(JOINED) && self.particle_joined(i)
    }

    /// A lower-case word joined to a capitalized one by a particle: "al-Masri",
    /// "el-Sayed", "bin-Laden" (`name_part`'s rare case, out of line).
    #[inline(never)]
    fn particle_joined(&self, i: usize) -> bool {
        let w = self.w(i);
        if let Some(h) = memchr::memchr(b'-', w.as_bytes()) {
            let (p, rest) = (&w[..h], &w[h + 1..]);
            return self.lex.particles.contains(p)
                && rest.chars().next().is_some_and(char::is_uppercase);
        }
        false
    }

    fn is_particle(&self, i: usize) -> bool {
        self.toks[i].is(LOWER) && self.lex.particles.contains(self.w(i))
    }

    /// A single capital letter, or an abbreviated given name
    /// (`names/name_abbreviations.txt`), followed by a period ("F.", "Md.").
    #[inline(always)]
    fn initial(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.is(WORD)
            && i + 1 < self.toks.len()
            && self.is_byte(i + 1, b'.')
            && self.toks[i + 1].start == t.end
            && (t.end - t.start == 1 && self.w(i).as_bytes()[0].is_ascii_uppercase()
                || t.is(CAP) && self.lex.name_abbreviations.contains(self.w(i)))
    }

    /// Name parts from token `i`: the exclusive end token and the number of parts.
    fn name_run(&self, i: usize) -> (usize, usize) {
        let n = self.toks.len();
        let mut k = i;
        let mut parts = 0;
        let mut end = i;
        // name words (not initials) before `end`: each one moves `end` past itself
        let mut named = 0;
        while k < n && parts < 5 {
            if k > i && !self.adjacent(k - 1, k) {
                break;
            }
            if k > i && self.hints[k].strong && !self.surname_over_entry(k) {
                break;
            }
            if self.initial(k) {
                k += 2;
                parts += 1;
                // an initial alone does not end a name
                continue;
            }
            // a title-like name word ("Dean") inside a name that starts with a known
            // given name ("Travis Dean Kohl"), or at the start ("Raja Waris") (looked
            // up only when the word is no name part)
            let title_ok = || (k == i || self.has(i, F_GIVEN)) && name_like_title(self, k);
            if self.name_part(k)
                || title_ok()
                || (k == i && self.day_name(k))
                || (named > 0 && self.inner_name(k, named))
            {
                k += 1;
                parts += 1;
                named += 1;
                // "Saif-ul-Malook": a joined word with a particle inside is a given
                // name and a surname
                if self.toks[k - 1].is(JOINED) && self.particle_inside(k - 1) {
                    named += 1;
                }
                end = k;
                continue;
            }
            if parts > 0 && self.is_particle(k) && k + 1 < n {
                k += 1;
                // a particle of two words: "van der", "de la"
                if k + 1 < n
                    && self.toks[k].is(LOWER)
                    && self.adjacent(k - 1, k)
                    && self
                        .lex
                        .particles
                        .contains(&self.text[self.toks[k - 1].start..self.toks[k].end])
                {
                    k += 1;
                }
                continue;
            }
            // a nickname in quotes: Yevgeny "Gene" Portnoy
            if named > 0 {
                if let Some(q) = self.nickname(k) {
                    k = q;
                    continue;
                }
            }
            break;
        }
        // a regnal number after the name: "Benedict XVI", "Charles III"
        if named > 0 && end < n && self.adjacent(end - 1, end) && self.regnal(end) {
            end += 1;
        }
        (end, named)
    }

    /// Token `k` starts a strong gazetteer entry but is a known surname right after a
    /// known given name: "Rafiqul Islam Rana", "Saiful Islam" (not the religion).
    #[inline(never)]
    fn surname_over_entry(&self, k: usize) -> bool {
        self.has(k - 1, F_GIVEN)
            && !self.has(k - 1, F_GIVEN_AMB)
            && self.has(k, F_SURNAME)
            && self.name_part(k)
    }

    /// Token `k` is a day name that is also a given name ("Friday Olokor",
    /// `names/day_names.txt`) before a capitalized word.
    fn day_name(&self, k: usize) -> bool {
        let t = self.toks[k];
        t.is_cap_word()
            && k + 1 < self.toks.len()
            && self.adjacent(k, k + 1)
            && self.name_part(k + 1)
            && !self.hints[k + 1].covered
            && self.lex.day_names.contains(self.w(k))
    }

    /// Token `k`, after `named` name words, is a middle name that is a title or stop
    /// word elsewhere (`names/inner_names.txt`): another name word follows, or two
    /// name words came before and no capitalized word follows ("Mansoor Ali Shah").
    fn inner_name(&self, k: usize, named: usize) -> bool {
        let n = self.toks.len();
        let t = self.toks[k];
        if !t.is_cap_word() || !self.lex.inner_names.contains(self.w(k)) {
            return false;
        }
        let next_cap = k + 1 < n && self.adjacent(k, k + 1) && self.toks[k + 1].is_cap_word();
        (next_cap && self.name_part(k + 1)) || (named >= 2 && !next_cap)
    }

    /// Joined word `k` holds a particle between two capitalized parts:
    /// "Saif-ul-Malook", "Abd-al-Rahman".
    fn particle_inside(&self, k: usize) -> bool {
        let w = self.w(k);
        let mut parts = w.split('-');
        let first = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        rest.len() >= 2
            && first.starts_with(char::is_uppercase)
            && rest[rest.len() - 1].starts_with(char::is_uppercase)
            && rest[..rest.len() - 1]
                .iter()
                .any(|p| p.starts_with(char::is_lowercase) && self.lex.particles.contains(*p))
    }

    /// A nickname in quotes from token `k` (the opening quote), then a name word:
    /// `Yevgeny "Gene" Portnoy`, `Rigoberto "El Flaco" Domínguez Ortiz`. The token
    /// of the name word after the closing quote.
    fn nickname(&self, k: usize) -> Option<usize> {
        let toks = self.toks;
        let n = toks.len();
        let open = |q: usize| self.is_byte(q, b'"') || self.is_str(q, "\u{201c}");
        let close = |q: usize| self.is_byte(q, b'"') || self.is_str(q, "\u{201d}");
        if !(k + 3 < n && open(k) && toks[k + 1].start == toks[k].end) {
            return None;
        }
        let mut q = k + 1;
        while q < n && q < k + 4 && toks[q].is_cap_word() && (q == k + 1 || self.adjacent(q - 1, q))
        {
            q += 1;
        }
        (q > k + 1
            && q + 1 < n
            && close(q)
            && toks[q].start == toks[q - 1].end
            && self.adjacent(q, q + 1)
            && self.name_part(q + 1))
        .then_some(q + 1)
    }

    /// Whether token `i` is a Roman numeral of two to five letters ("II", "XVI";
    /// a lone "I", "V" or "X" is left out).
    fn regnal(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.is(UPPER) && regnal_number(t.text(self.text))
    }

    fn span(&self, a: usize, b_excl: usize) -> Span {
        Span::new(self.toks[a].start, self.toks[b_excl - 1].end)
    }

    /// The span of a person's name words `a..b_excl`, with the period of a
    /// generational suffix ("Whitfield Jr.", `names/name_suffixes.txt`).
    fn name_span(&self, a: usize, b_excl: usize) -> Span {
        let mut s = self.span(a, b_excl);
        if b_excl < self.toks.len()
            && self.is_byte(b_excl, b'.')
            && self.toks[b_excl].start == s.end
            && self.lex.name_suffixes.contains(self.w(b_excl - 1))
        {
            s.end += 1;
        }
        s
    }

    fn is_conn(&self, i: usize, role: u8) -> bool {
        let t = self.toks[i];
        (t.is(LOWER) || !t.is(WORD))
            && self
                .lex
                .connectors
                .get(self.w(i))
                .is_some_and(|r| r & role != 0)
    }

    /// A capitalized word (or acronym) that can sit inside an organization or law name.
    fn org_word(&self, i: usize) -> bool {
        let t = self.toks[i];
        t.is(WORD) && (t.is_cap_word() || t.is(UPPER)) && !t.is(LOWER) && !self.stop(i)
    }

    /// A word that a title-case headline capitalizes as a verb ("Holy See Expresses
    /// Grave Concern"; with `suffixes`, any word in "-ing" or "-ed" but a hyphenated
    /// one: "… Sentenced for Vandalizing Cedar Rapids Church", not "Anti-Begging"):
    /// it ends a name run there. Words of a gazetteer name are never one.
    fn headline_verb(&self, i: usize, suffixes: bool) -> bool {
        let w = self.w(i);
        self.toks[i].is(HEADLINE)
            && !self.hints[i].covered
            && (self.lex.headline_verbs.contains(w)
                || (suffixes
                    && (w.ends_with("ing") || w.ends_with("ed"))
                    && !self.toks[i].is(JOINED)))
    }
}

/// A second title that is also a name ("Pastor Raja Waris"): a known name word
/// followed by another name part.
fn name_like_title(cx: &Ctx, k: usize) -> bool {
    if cx.has(k, F_NOT_NAME | F_STOP) {
        return false;
    }
    cx.has(k, F_GIVEN | F_GIVEN_AMB | F_SURNAME)
        && k + 1 < cx.toks.len()
        && cx.adjacent(k, k + 1)
        && cx.toks[k + 1].is_cap_word()
        // "Detective Chief Superintendent Lisa Brennan": a title follows
        && cx.lex.title_at(cx.text, cx.toks, k + 1).is_none()
}

/// After a title ending before token `k`: "for" or "of", one to five capitalized
/// words of a portfolio ("Security", "Human Rights", "Latin America"; connectors
/// such as "and" between them), then a known given name starting a name of two
/// parts or more: the name's (start, end).
fn name_after_portfolio(cx: &Ctx, k: usize) -> Option<(usize, usize)> {
    let toks = cx.toks;
    let n = toks.len();
    if !(k + 2 < n
        && toks[k].is(LOWER)
        && portfolio_word(cx.text, toks[k])
        && cx.adjacent(k - 1, k))
    {
        return None;
    }
    let mut q = k + 1;
    let mut words = 0;
    while q < n && q < k + 8 && cx.adjacent(q - 1, q) {
        if toks[q].is_cap_word() {
            if words > 0 && cx.has(q, F_GIVEN) && !cx.hints[q].covered {
                let (end, parts) = cx.name_run(q);
                return (parts >= 2).then_some((q, end));
            }
            if cx.stop(q) {
                return None;
            }
            words += 1;
        } else if !(words > 0 && cx.is_conn(q, INNER)) {
            return None;
        }
        q += 1;
    }
    None
}

/// "Lisa Brennan of Counter Terrorism Policing North East": a run right after
/// "of" that follows a person is where the person works or comes from.
fn affiliation_after_person(cx: &Ctx, out: &[Cand], i: usize) -> bool {
    i >= 2
        && cx.toks[i - 1].text(cx.text) == "of"
        && out
            .last()
            .is_some_and(|c| c.label == Label::Person && c.span.end == cx.toks[i - 2].end)
}

/// Token `t` is "for" or "of", which may join an office title to its portfolio.
#[inline(always)]
fn portfolio_word(text: &str, t: Token) -> bool {
    matches!(&text.as_bytes()[t.start..t.end], b"for" | b"of")
}

/// Lower-case word `t` may start a title (a cheap test before `Lexicon::title_at`):
/// at most 24 bytes long, and not ASCII or passing the lexicon's title filter.
#[inline(always)]
fn may_be_lower_title(text: &str, lex: &Lexicon, t: Token) -> bool {
    let w = &text.as_bytes()[t.start..t.end];
    // (a title of two letters is an abbreviation, never written in lower case:
    // "me" is no "Me", Maître)
    (3..=24).contains(&w.len()) && (!w.is_ascii() || lex.may_start_title(w))
}

#[inline(never)]
pub fn persons<'g>(
    cx: &Ctx,
    r: &Rules,
    out: &mut Vec<Cand<'g>>,
    genders: &mut Vec<(Span, Gender)>,
) {
    let toks = cx.toks;
    let n = toks.len();
    let mut i = 0;
    for &start in &cx.starts.persons {
        if (start as usize) < i {
            continue;
        }
        i = start as usize;
        let t = toks[i];
        if !t.is(WORD) {
            continue;
        }
        // a byline: "By Aibek Sultanbekov and Dana Whitcombe"
        if cx.is_str(i, "By") && cx.line_starts(i) {
            if let Some(end) = byline(cx, i, r, out) {
                i = end;
                continue;
            }
        }
        // a news agency's credits: "Reporting by Hotli Simanjuntak; Editing by ..."
        if i >= 2
            && t.is_cap_word()
            && cx.is_str(i - 1, "by")
            && context_word_any_case(cx, i - 2, CTX_CREDIT)
        {
            if let Some(end) = plain_name(cx, i, true) {
                out.push(person(cx, i, end, &r.byline, 5));
                i = end;
                continue;
            }
        }
        // title(s) + name
        let mut k = i;
        let mut gender = None;
        // a religious or historical figure ("the Prophet Muhammad", titles.tsv kind
        // `figure`) keeps its own canonical
        let mut figure = false;
        // a title is capitalized, or lower case right before a capitalized word
        // ("president Moon Jae-in"); checking this first keeps lookups rare
        let may_title = |k: usize| {
            (toks[k].is(CAP) && cx.has(k, F_TITLE_START))
                || (toks[k].is(LOWER)
                    && k + 1 < n
                    && (toks[k + 1].is(CAP)
                        || cx.is_byte(k + 1, b'.')
                        || (k + 2 < n
                            && toks[k + 2].is(CAP)
                            && portfolio_word(cx.text, toks[k + 1])))
                    && may_be_lower_title(cx.text, cx.lex, toks[k]))
        };
        while k < n && may_title(k) {
            match cx.lex.title_at(cx.text, toks, k) {
                Some((len, title))
                    if k == i
                        || (cx.adjacent(k - 1, k)
                            // (a rank is a title whatever names it is: "Police
                            // officer Major A B")
                            && !(len == 1 && title.kind != "rank" && name_like_title(cx, k))) =>
                {
                    gender = gender.or(title.gender);
                    figure |= title.kind == "figure";
                    k += len;
                }
                _ => break,
            }
        }
        if k > i && k < n && cx.adjacent(k - 1, k) {
            let (end, parts) = cx.name_run(k);
            let headline = toks[k].is(HEADLINE);
            let ok = parts > 0 && (!headline || cx.has(k, F_GIVEN) || cx.has(end - 1, F_SURNAME));
            // a lower-case title needs a name that is not a sentence start
            if ok {
                let span = cx.name_span(k, end);
                if let Some(g) = gender {
                    genders.push((span, g));
                }
                let rule = if figure { &r.figure } else { &r.title_name };
                out.push(Cand::new(span, Label::Person, rule.clone(), 6));
                i = end;
                continue;
            }
        }
        if k > i {
            // "Secretary for Security Chris Tang", "vice president for Latin America
            // Carlos E. Villacís": the office's portfolio, then a given name
            if let Some((a, end)) = name_after_portfolio(cx, k) {
                let span = cx.name_span(a, end);
                if let Some(g) = gender {
                    genders.push((span, g));
                }
                out.push(Cand::new(span, Label::Person, r.title_name.clone(), 6));
                i = end;
                continue;
            }
            i = k;
            continue;
        }
        // (a lower-case word that is not joined starts none of the rules below: each
        // wants a capitalized, ALL-CAPS or joined word)
        if t.is(LOWER) && !t.is(JOINED) {
            i += 1;
            continue;
        }
        // the name run from `i`, found once for the rules below that want it
        let mut run = None;
        let at = i;
        let mut name_run = move || *run.get_or_insert_with(|| cx.name_run(at));
        // "Haifa bint Saad al-Otaibi": a capitalized word, a patronymic particle
        // and a name are a person, whatever else the first word may be
        if t.is_cap_word()
            && i + 2 < n
            && cx.adjacent(i, i + 1)
            && cx.adjacent(i + 1, i + 2)
            && toks[i + 1].is(LOWER)
            && toks[i + 2].is_cap_word()
            && !cx.has(i, F_TITLE | F_STOP)
            && !cx.hints[i].strong
            // (the set lookup last: most capitalized words are not followed by
            // a lower-case and a capitalized word)
            && cx.lex.patronymics.contains(cx.w(i + 1))
        {
            let end = cx.name_run(i + 2).0.max(i + 3);
            out.push(person(cx, i, end, &r.patronymic, 5));
            i = end;
            continue;
        }
        // given name + surname(s)
        // (an ambiguous one opening a sentence, before a given name: mid-sentence
        // the surname rule below reads it)
        if t.is_cap_word()
            && i + 1 < n
            && cx.adjacent(i, i + 1)
            && (cx.has(i, F_GIVEN)
                || t.is(SENT_START)
                    && !t.is(HEADLINE)
                    && !cx.hints[i].covered
                    && cx.has(i, F_GIVEN_AMB)
                    && cx.has(i + 1, F_GIVEN))
        {
            let (end, parts) = name_run();
            if parts >= 2 {
                let ambiguous = cx.has(i, F_GIVEN_AMB);
                let last_known = cx.has(end - 1, F_SURNAME);
                // (an ambiguous given name opens a sentence's name only before
                // another given name and a third part: "Emmanuel Chukwudi Okafor")
                if (!ambiguous
                    || last_known
                    || (cx.has(i + 1, F_GIVEN) && (!t.is(SENT_START) || parts >= 3)))
                    && !place_word_after(cx, end)
                    && !street(cx, i, end)
                    // ("in Gia Lai": a listed place after a locative preposition,
                    // in a list of places or after "district of")
                    && !(cx.hints[i].gpe && cx.hints[end - 1].gpe && place_setting(cx, i, end))
                    // ("Katy Pastor Sentenced …": a title ends no headline name)
                    && !(t.is(HEADLINE) && cx.has(end - 1, F_TITLE))
                {
                    out.push(person(cx, i, end, &r.given_name, 4));
                    i = end;
                    continue;
                }
            }
        }
        // "followers of Said Nursi", "Said Nursi's writings": a given name that is
        // also a speech verb (`speech` in `names/person_contexts.tsv`), capitalized
        // after a lower-case word or before a possessive, is the name (the verb is
        // lower case: '…," said Ahmed Khan')
        if t.is_cap_word()
            && cx.has(i, F_GIVEN_AMB)
            && !t.is(HEADLINE)
            && i + 1 < n
            && cx.adjacent(i, i + 1)
            && toks[i + 1].is_cap_word()
            && context_word_any_case(cx, i, CTX_SPEECH)
        {
            let (end, parts) = name_run();
            let after_lower = !t.is(SENT_START) && i > 0 && toks[i - 1].is(LOWER);
            let possessive = end + 1 < n
                && toks[end].start == toks[end - 1].end
                && cx.is_apostrophe(end)
                && cx.is_byte(end + 1, b's');
            if (2..=3).contains(&parts)
                && (after_lower || possessive)
                && !cx.hints[i + 1].covered
                && !place_word_after(cx, end)
                && !street(cx, i, end)
            {
                out.push(person(cx, i, end, &r.given_name, 4));
                i = end;
                continue;
            }
        }
        // surname first ("Zhang Wei", "Kim Sung-min")
        if t.is_cap_word()
            && cx.has(i, F_SURNAME_FIRST)
            && i + 1 < n
            && cx.adjacent(i, i + 1)
            && cx.name_part(i + 1)
            && !cx.hints[i + 1].covered
            && !t.is(HEADLINE)
        {
            // (two short syllables, Singapore and Malaysia style: "Goh Chee Keong")
            // (Vietnamese syllables may carry accents: "Đặng Văn Minh")
            let syllable = |k: usize| {
                let w = cx.w(k);
                if w.is_ascii() {
                    w.len() <= 6 && w.bytes().all(|b| b.is_ascii_alphabetic())
                } else {
                    w.chars().count() <= 6 && w.chars().all(char::is_alphabetic)
                }
            };
            let part = |k: usize| k < n && cx.adjacent(k - 1, k) && cx.name_part(k);
            let end = if !part(i + 2) {
                i + 2
            } else if two_syllable_surname(cx, i)
                && syllable(i + 1)
                && syllable(i + 2)
                && !cx.hints[i + 2].covered
                && !part(i + 3)
            {
                i + 3
            } else {
                0
            };
            if end > 0 {
                out.push(person(cx, i, end, &r.given_name, 4));
                i = end;
                continue;
            }
        }
        // unknown first name + known surname ("Raja Waris"), but not a residence
        // after an age ("Kieran Doyle, 31, of Small Heath")
        if !t.is(SENT_START)
            && !t.is(HEADLINE)
            && (t.is_cap_word() || t.is(JOINED))
            && !cx.hints[i].strong
            // (nor the last word of a listed name: "Jehovah's [Witness] Dennis")
            && !(i > 0 && cx.hints[i].covered && cx.hints[i - 1].covered && cx.adjacent(i - 1, i))
            && i + 1 < n
            // (a name run of two parts or more goes on with a word, or starts with
            // an initial: "C. Alan MacDonald")
            && (toks[i + 1].is(WORD) || cx.initial(i))
            && (cx.name_part(i) || cx.day_name(i))
            && cx.adjacent(i, i + 1)
            && !residence_after_age(cx, i)
        {
            if affiliation_after_person(cx, out, i) {
                i = name_run().0.max(i + 1);
                continue;
            }
            let (end, parts) = name_run();
            let particle_last = cx.toks[end - 1].is(LOWER);
            // (a run the gazetteer covers end to end is that place: "North East")
            let gazetteer = cx.hints[i].covered && cx.hints[end - 1].covered;
            // (a surname ending counts as a surname: "Zhanar Tokhtarova")
            let ending = !cx.hints[end - 1].covered && cx.lex.surname_by_ending(cx.w(end - 1));
            // "an Additional Sessions Judge": capitalized words before a title
            // word are a title phrase, not a name
            let title_after = end < n
                && cx.adjacent(end - 1, end)
                && toks[end].is_cap_word()
                && cx.has(end, F_TITLE);
            // ("New York Post": a run that opens with a place of two words)
            let place_first = i + 1 < end && cx.hints[i].gpe && cx.hints[i + 1].gpe;
            if parts >= 2
                && (cx.has(end - 1, F_SURNAME) || particle_last || ending)
                && !place_first
                && !place_word_after(cx, end)
                && !street(cx, i, end)
                && !gazetteer
                && !title_after
            {
                out.push(person(cx, i, end, &r.surname, 3));
                i = end;
                continue;
            }
        }
        // "a prosecutor surnamed Gao": the words after a naming word are a
        // person's, whatever lists hold them (Gao is also a region of Mali)
        if i >= 1 && t.is_cap_word() && context_word(cx, i - 1, CTX_NAMES) {
            let mut end = i + 1;
            while end < n && end < i + 3 && cx.adjacent(end - 1, end) && toks[end].is_cap_word() {
                end += 1;
            }
            out.push(person(cx, i, end, &r.person_context, 8));
            i = end;
            continue;
        }
        // name + age, the way releases introduce people: "Zafar Bhatti, 58,",
        // "LORETTA M. KIMBALL, 58, of Canton"
        if let Some(end) = name_before_age(cx, i) {
            out.push(person(cx, i, end, &r.name_age, 5));
            i = end;
            continue;
        }
        // a speaker or a relative clause makes a person of unknown name words:
        // '…," said Begaiym Usenalieva.', 'Begaiym Usenalieva, who heads …'
        // (inline pre-tests: punctuation and a lower-case word before, or a comma
        // two or three tokens on)
        let comma = |k: usize| k < n && cx.is_byte(k, b',');
        let slot = (i >= 2 && toks[i - 1].is(LOWER) && !toks[i - 2].is(WORD))
            || comma(i + 2)
            || comma(i + 3)
            || (t.is(JOINED) && comma(i + 1));
        if let Some(end) = slot.then(|| name_in_person_slot(cx, i)).flatten() {
            out.push(person(cx, i, end, &r.person_context, 3));
            i = end;
            continue;
        }
        i += 1;
    }
}

/// Token `i` is a family name that may take two given-name syllables
/// (`entities/surnames_first.txt`, `two-syllables`), also spelled with accents
/// ("Nguyễn" for "Nguyen").
fn two_syllable_surname(cx: &Ctx, i: usize) -> bool {
    let w = cx.w(i);
    if cx.lex.two_syllable_surnames.contains(w) {
        return true;
    }
    let mut folded = String::new();
    !w.is_ascii()
        && super::fold::fold_into(w, &mut folded)
        && cx.lex.two_syllable_surnames.contains(folded.as_str())
}

/// Token `i` is a lower-case word of `names/person_contexts.tsv` of kind `kind`.
fn context_word(cx: &Ctx, i: usize, kind: u8) -> bool {
    i < cx.toks.len()
        && cx.toks[i].is(LOWER)
        && cx
            .lex
            .person_contexts
            .get(cx.w(i))
            .is_some_and(|k| k & kind != 0)
}

/// Token `i` is a word of `names/person_contexts.tsv` of kind `kind` in any case
/// ("Reporting", "reporting").
fn context_word_any_case(cx: &Ctx, i: usize, kind: u8) -> bool {
    cx.toks[i].is(WORD)
        && super::lexicon::with_lower(cx.w(i), |l| {
            cx.lex.person_contexts.get(l).is_some_and(|k| k & kind != 0)
        })
}

/// Token `c` ends an office before a comma: "the Minister of Justice, [A B]", "Head
/// of Media and Publicity, [A B]", "Chairman of Bokkos LGA, [A B]" — capitalized
/// words and connectors back to a title or a noun of one person (`appos`).
fn office_before_comma(cx: &Ctx, c: usize) -> bool {
    let toks = cx.toks;
    let Some(c) = portfolio_before_comma(cx, c) else {
        return false;
    };
    let mut q = c;
    for _ in 0..10 {
        let t = toks[q];
        if t.is_cap_word() || t.is(UPPER) {
            if cx.has(q, F_TITLE) || (t.is_cap_word() && context_word_any_case(cx, q, CTX_APPOS)) {
                return true;
            }
            // a title of several words within the office: "Special Rapporteur"
            if cx.has(q, F_TITLE_START)
                && cx
                    .lex
                    .title_at(cx.text, toks, q)
                    .is_some_and(|(len, _)| len > 1 && q + len <= c + 1)
            {
                return true;
            }
        } else if !(q < c && cx.is_conn(q, INNER | RIGHT | AFTER)) {
            return false;
        }
        if q == 0 || !cx.adjacent(q - 1, q) {
            return false;
        }
        q -= 1;
    }
    false
}

/// The last capitalized word of an office before a comma at token `c + 1`: token
/// `c` itself, or the word before "on", "for" or "of" that opens a portfolio in
/// lower case ("the UN Special Rapporteur on freedom of religion or belief, [A B]").
fn portfolio_before_comma(cx: &Ctx, c: usize) -> Option<usize> {
    let toks = cx.toks;
    if !toks[c].is(LOWER) {
        return Some(c);
    }
    let mut q = c;
    while q + 8 > c && q >= 2 && toks[q].is(LOWER) && cx.adjacent(q - 1, q) {
        if q < c
            && matches!(cx.w(q), "on" | "for" | "of")
            && (toks[q - 1].is_cap_word() || toks[q - 1].is(UPPER))
        {
            return Some(q - 1);
        }
        q -= 1;
    }
    None
}

/// A noun of one person in apposition after the comma at token `c - 1`: ", the
/// widow of …", ", a researcher", ", EIPR's freedom of religion researcher".
fn appos_after(cx: &Ctx, c: usize) -> bool {
    let toks = cx.toks;
    let n = toks.len();
    if c >= n {
        return false;
    }
    let mut q = c;
    if matches!(cx.w(q), "the" | "a" | "an") {
        q += 1;
    } else {
        // an organization's: "EIPR's", "Amnesty International's"
        while q < n && q < c + 3 && (toks[q].is_cap_word() || toks[q].is(UPPER)) {
            q += 1;
        }
        if !(q > c && q + 1 < n && cx.is_apostrophe(q) && cx.is_byte(q + 1, b's')) {
            return false;
        }
        q += 2;
    }
    let end = (q + 6).min(n);
    while q < end && toks[q].is(LOWER) && cx.adjacent(q - 1, q) {
        if context_word(cx, q, CTX_APPOS) {
            return true;
        }
        q += 1;
    }
    false
}

/// Two or three name words from token `i` that no gazetteer entry touches: the end
/// token (a list item, a speaker, a byline name).
fn plain_name(cx: &Ctx, i: usize, headline: bool) -> Option<usize> {
    let t = cx.toks[i];
    if !t.is_cap_word() || (t.is(HEADLINE) && !headline) || cx.hints[i].covered {
        return None;
    }
    let (end, parts) = cx.name_run(i);
    ((2..=3).contains(&parts) && (i..end).all(|k| !cx.hints[k].covered)).then_some(end)
}

/// Two or three name words from token `i` whose first word no gazetteer entry
/// touches and whose later words are in no strong entry (country, organization) nor
/// in an entry that goes on after them: "Nirmala Shahi" (Shahi is also a town).
fn loose_name(cx: &Ctx, i: usize) -> Option<usize> {
    let t = cx.toks[i];
    if !t.is_cap_word() || t.is(HEADLINE) || cx.hints[i].covered {
        return None;
    }
    let (end, parts) = cx.name_run(i);
    let inner_ok = (i + 1..end).all(|k| !cx.hints[k].strong);
    let ends_inside = end < cx.toks.len() && cx.hints[end].covered && !cx.hints[end].strong;
    ((2..=3).contains(&parts) && inner_ok && !ends_inside).then_some(end)
}

/// Name words from token `i` in a person's slot: after a speech verb that follows a
/// comma or closing quote ('…," said Begaiym Usenalieva,') and before the end of the
/// clause, or before ", who" or a comma and a title.
#[inline(never)]
fn name_in_person_slot(cx: &Ctx, i: usize) -> Option<usize> {
    let toks = cx.toks;
    let n = toks.len();
    let speech = i >= 2
        && (cx.is_byte(i - 2, b',') || cx.is_byte(i - 2, b'"') || cx.is_str(i - 2, "\u{201d}"))
        && context_word(cx, i - 1, CTX_SPEECH);
    // (cheap tests first: most capitalized words are neither; a relative pronoun
    // follows two or three words and a comma)
    let comma = |c: usize| c + 1 < n && cx.is_byte(c, b',');
    // ("Saif-ul-Malook": one joined word holds two name parts)
    if !(speech || comma(i + 2) || comma(i + 3) || (toks[i].is(JOINED) && comma(i + 1))) {
        return None;
    }
    // "Her lawyer, Kaveh Rostampour, told ...": between commas after a noun of a person.
    let after_comma = i >= 2 && cx.is_byte(i - 1, b',');
    let appos =
        after_comma && (context_word(cx, i - 2, CTX_APPOS) || office_before_comma(cx, i - 2));
    // (a name whose later word is also a town, "Nirmala Shahi", needs a noun of a
    // person or an age after it)
    let (end, loose) = match plain_name(cx, i, false) {
        Some(end) => (end, false),
        None => (loose_name(cx, i)?, true),
    };
    if speech {
        if loose {
            return None;
        }
        let closes = end >= n
            || cx.line_ends(end)
            || cx.is_byte(end, b',')
            || cx.is_byte(end, b'.')
            || cx.is_byte(end, b';');
        return closes.then_some(end);
    }
    // ", who ..." or a title in apposition that names no one else: "Markenzy
    // Lapointe, United States Attorney for ..." (not "..., President Biden said")
    // ... or a lowercase title and "of", "for" or "at": "Farmasum Fuddang,
    // chairman of the council"
    let apposition = || {
        let title = cx.lex.title_at(cx.text, toks, end + 1);
        if toks[end + 1].is_cap_word() {
            title.is_some_and(|(len, _)| end + 1 + len >= n || !toks[end + 1 + len].is_cap_word())
        } else {
            toks[end + 1].is(WORD)
                && title.is_some_and(|(len, _)| {
                    end + 1 + len < n && matches!(cx.w(end + 1 + len), "of" | "for" | "at")
                })
        }
    };
    // ... or an age: "Siti Rahmawati Nasution, a 41-year-old tailor"
    let aged = || {
        let k = end + 1 + usize::from(matches!(cx.w(end + 1), "a" | "an"));
        k < n
            && toks[k].is(DIGIT)
            && cx.w(k).split_once('-').is_some_and(|(_, rest)| {
                cx.lex
                    .person_contexts
                    .get(rest)
                    .is_some_and(|c| c & CTX_AGE != 0)
            })
    };
    if loose {
        return (comma(end)
            && toks[end].start == toks[end - 1].end
            && (context_word(cx, end + 1, CTX_RELATIVE) || aged() || appos_after(cx, end + 1)))
        .then_some(end);
    }
    (comma(end)
        && toks[end].start == toks[end - 1].end
        && (appos
            || context_word(cx, end + 1, CTX_RELATIVE)
            // ", Dele Oyewale, said"
            || (after_comma && context_word(cx, end + 1, CTX_SPEECH))
            || apposition()
            || aged()
            || appos_after(cx, end + 1)))
    .then_some(end)
}

/// "By Aibek Sultanbekov and Dana Whitcombe" filling a line from token `i` ("By"):
/// each name is a PERSON; the end token.
fn byline<'g>(cx: &Ctx, i: usize, r: &Rules, out: &mut Vec<Cand<'g>>) -> Option<usize> {
    let n = cx.toks.len();
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut k = i + 1;
    loop {
        if k >= n || !cx.adjacent(k - 1, k) {
            return None;
        }
        let end = plain_name(cx, k, true).or_else(|| caps_name(cx, k))?;
        names.push((k, end));
        // "By DARIA LITVINOVA Associated Press"
        if cx.line_ends(end)
            || listed_to_line_end(cx, end, false)
            // "By Adebayo Oladipupo and Friday Olokor, Jos": the reporters' town
            || (cx.is_byte(end, b',') && listed_to_line_end(cx, end + 1, true))
        {
            break;
        }
        k = end + 1;
        if cx.is_byte(end, b',') && k < n && cx.is_str(k, "and") {
            k += 1;
        } else if !(cx.is_byte(end, b',') || cx.is_str(end, "and") || cx.is_byte(end, b'&')) {
            return None;
        }
    }
    for &(a, b) in &names {
        out.push(person(cx, a, b, &r.byline, 5));
    }
    names.last().map(|&(_, b)| b)
}

/// Two or three ALL-CAPS name words from token `k` (a byline: "By DARIA
/// LITVINOVA"): the end token.
fn caps_name(cx: &Ctx, k: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut q = k;
    while q < toks.len()
        && q < k + 3
        && (q == k || cx.adjacent(q - 1, q))
        && toks[q].is(UPPER)
        && !cx.stop(q)
        && !cx.has(q, F_ORG | F_LAW | F_PROV | F_NOT_NAME | F_TITLE)
        && !cx.hints[q].covered
    {
        q += 1;
    }
    let more = q < toks.len() && cx.adjacent(q - 1, q) && toks[q].is(UPPER);
    (q >= k + 2 && !more).then_some(q)
}

/// From token `k` to the end of its line is one listed name ("Associated Press"),
/// or a place when `place`.
fn listed_to_line_end(cx: &Ctx, k: usize, place: bool) -> bool {
    let n = cx.toks.len();
    if !(k < n
        && cx.hints[k].covered
        && (cx.hints[k].gpe == place)
        && (place || cx.hints[k].strong))
    {
        return false;
    }
    let mut q = k;
    while q < n && cx.hints[q].covered {
        q += 1;
        if cx.line_ends(q) {
            return true;
        }
    }
    false
}

/// An item of a list of names from token `k`: two or three name words, optionally
/// followed by a place in parentheses ("Petros Vlachogiannis (Greece)"): the end of
/// the name and the end of the item.
fn list_item(cx: &Ctx, k: usize) -> Option<(usize, usize, usize)> {
    let n = cx.toks.len();
    // titles before the name are no part of it: "Abba Tesfamariam Gebremedhin,
    // Deacon Merhawi Tekle and …"
    let mut k = k;
    while cx.has(k, F_TITLE_START) {
        match cx.lex.title_at(cx.text, cx.toks, k) {
            Some((len, _))
                if k + len < n
                    && cx.adjacent(k + len - 1, k + len)
                    && plain_name(cx, k + len, false).is_some() =>
            {
                k += len
            }
            _ => break,
        }
    }
    let end = plain_name(cx, k, false)?;
    if end + 2 < n && cx.is_byte(end, b'(') && cx.hints[end + 1].gpe {
        let mut q = end + 1;
        while q < n && q < end + 5 && cx.hints[q].gpe {
            q += 1;
        }
        if q < n && cx.is_byte(q, b')') {
            return Some((k, end, q + 1));
        }
    }
    Some((k, end, end))
}

/// Lists of names ("The applicants, Elnur Mammadli, Tural Huseynzade, Rasim Aghayev
/// and Davit Jafarov-Beridze, were …"): when one item is a person already, or a
/// plural noun of people (`names/person_contexts.tsv` group) comes within four words
/// before the comma that opens the list, every item of the same shape (two or three
/// name words no gazetteer entry touches) is a person. A list has two items joined by
/// "and" or at least three items; it starts after a comma, colon or dash, or a
/// sentence.
#[inline(never)]
pub fn person_lists<'g>(cx: &Ctx, r: &Rules, out: &mut Vec<Cand<'g>>) {
    let toks = cx.toks;
    let n = toks.len();
    // the person candidates so far, by start (built on the first list)
    let mut persons: Vec<Span> = Vec::new();
    let mut persons_built = false;
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut next = 0;
    for &s in &cx.starts.persons {
        let i = s as usize;
        if i < next || i == 0 || !toks[i].is_cap_word() {
            continue;
        }
        // (after a comma, the word before it is no capitalized name: the list
        // does not start inside a longer one, "Shearson, Merrill Lynch and …")
        let opens = (cx.is_byte(i - 1, b',')
            && i >= 2
            && (toks[i - 2].is(LOWER) || cx.has(i - 2, F_TITLE) || cx.is_byte(i - 2, b')')))
            || cx.is_byte(i - 1, b':')
            || cx.is_str(i - 1, "\u{2014}")
            || cx.is_str(i - 1, "\u{2013}");
        // (an item of two or three words ends at a comma or "and")
        let sep =
            |k: usize| k < n && (cx.is_byte(k, b',') || cx.is_byte(k, b'(') || cx.is_str(k, "and"));
        if !opens || !(sep(i + 2) || sep(i + 3)) {
            continue;
        }
        items.clear();
        let mut k = i;
        let mut joined = false;
        let mut end_all = i;
        // (where the last item's words start, its titles included)
        let mut last_from = i;
        while let Some((a, end, item_end)) = list_item(cx, k) {
            items.push((a, end));
            last_from = k;
            end_all = item_end;
            if joined || item_end >= n {
                break;
            }
            let mut m = item_end;
            if cx.is_byte(m, b',') {
                m += 1;
            }
            if m < n && cx.is_str(m, "and") {
                m += 1;
                joined = true;
            } else if m == item_end {
                break;
            }
            if m >= n {
                break;
            }
            k = m;
        }
        if joined && last_from != k {
            // the item after "and" is no name: "… and the Ministry" joins nothing
            joined = false;
        }
        let list = (joined && items.len() >= 2) || items.len() >= 3;
        if !list {
            continue;
        }
        next = end_all;
        let group = cx.is_byte(i - 1, b',')
            && (i.saturating_sub(6)..i - 1).any(|j| context_word(cx, j, CTX_GROUP));
        if !group && !persons_built {
            persons.extend(
                out.iter()
                    .filter(|c| c.label == Label::Person)
                    .map(|c| c.span),
            );
            persons.sort_unstable_by_key(|s| s.start);
            persons_built = true;
        }
        let is_person = |a: usize, b: usize| {
            let (s, e) = (toks[a].start, toks[b - 1].end);
            let k = persons.partition_point(|p| p.end <= s);
            persons.get(k).is_some_and(|p| p.start < e)
        };
        if group || items.iter().any(|&(a, b)| is_person(a, b)) {
            for &(a, b) in &items {
                out.push(person(cx, a, b, &r.person_list, 2));
            }
        }
    }
}

/// A PERSON candidate for tokens `a..b`.
fn person<'g>(cx: &Ctx, a: usize, b: usize, rule: &super::Rule, prio: u8) -> Cand<'g> {
    Cand::new(cx.name_span(a, b), Label::Person, rule.clone(), prio)
}

/// Token `k` is the byte `sep` between the number before it and a number after
/// it, with no space: ".2" of "20.2", "/2" of "314/2".
fn sub_number(cx: &Ctx, k: usize, sep: u8) -> bool {
    let toks = cx.toks;
    k >= 1
        && k + 1 < toks.len()
        && cx.is_byte(k, sep)
        && toks[k + 1].is(DIGIT)
        && toks[k].start == toks[k - 1].end
        && toks[k + 1].start == toks[k].end
}

/// Token `e` ends a listed (gazetteer) name of two words or more that is no place:
/// "United Nations", "Human Rights Watch".
fn listed_name_ends(cx: &Ctx, e: usize) -> bool {
    let h = cx.hints;
    if !h[e].covered || h[e].gpe || h[e].blocked {
        return false;
    }
    let mut s = e;
    while s > 0 && !h[s].strong && h[s - 1].covered && cx.adjacent(s - 1, s) {
        s -= 1;
    }
    // (or a listed acronym: "EIPR and Amnesty International")
    (s < e || cx.toks[e].is(UPPER)) && h[s].strong
}

/// Tokens `i..end` are a street after a preposition: "on [Manningham Lane]".
fn street(cx: &Ctx, i: usize, end: usize) -> bool {
    (cx.lex.street_suffixes.contains(cx.w(end - 1))
        // ("on Jurong West Street 52": the suffix right after the name run)
        || end < cx.toks.len()
            && cx.adjacent(end - 1, end)
            && cx.lex.street_suffixes.contains(cx.w(end)))
        && after_locative(cx, i)
}

/// Token `i` follows a locative preposition ("on", "in", "near": `#! before` in
/// street_suffixes.txt).
fn after_locative(cx: &Ctx, i: usize) -> bool {
    i >= 1 && cx.toks[i - 1].is(LOWER) && cx.lex.street_before.contains(cx.w(i - 1))
}

/// Tokens `i..end` (a listed place) stand where places do: after a locative
/// preposition ("in Gia Lai"), after a place word and "of" ("district of Gia Lai"),
/// or next to another listed place in a list ("Dak Lak, Gia Lai and Kon Tum").
fn place_setting(cx: &Ctx, i: usize, end: usize) -> bool {
    let n = cx.toks.len();
    let sep = |k: usize| cx.is_byte(k, b',') || cx.is_str(k, "and");
    after_locative(cx, i)
        || (i >= 2
            && cx.is_str(i - 1, "of")
            && cx.toks[i - 2].is(LOWER)
            && super::lexicon::with_capital(cx.w(i - 2), |w| cx.lex.place_suffixes.contains(w)))
        || (i >= 2 && sep(i - 1) && cx.hints[i - 2].gpe)
        || (end + 1 < n && sep(end) && cx.hints[end + 1].gpe)
}

/// A lower-case place word follows the name ending before token `end`: "in Chu Se
/// district", "Nankana Sahib district" are places, whatever their words.
fn place_word_after(cx: &Ctx, end: usize) -> bool {
    let lower = |k: usize| k < cx.toks.len() && cx.toks[k].is(LOWER) && cx.adjacent(k - 1, k);
    lower(end)
        && (super::lexicon::with_capital(cx.w(end), |w| cx.lex.place_suffixes.contains(w))
            // "Mai Serwa maximum security prison": a facility word, up to two
            // modifiers after the name
            || (end..end + 3)
                .take_while(|&k| lower(k))
                .any(|k| cx.lex.facility_words.contains(cx.w(k))))
}

/// "1st", "25th", "103rd": digits and an English ordinal ending.
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// Token `i` follows ", AGE, of" (where releases name a defendant's town).
fn residence_after_age(cx: &Ctx, i: usize) -> bool {
    i >= 4
        && cx.is_str(i - 1, "of")
        && cx.is_byte(i - 2, b',')
        && is_age(cx, i - 3)
        && cx.is_byte(i - 4, b',')
}

/// Token `j` is an age: one to three digits.
fn is_age(cx: &Ctx, j: usize) -> bool {
    let t = cx.toks[j];
    t.is(DIGIT) && t.end - t.start <= 3 && cx.w(j).bytes().all(|b| b.is_ascii_digit())
}

/// Token `j` may follow an age: a comma, or a semicolon, dash or closing parenthesis
/// in a list of people ("Farzaneh Ghaffari, 45; Siavash Dehghani-Nejad, 39 — were").
fn after_age(cx: &Ctx, j: usize) -> bool {
    cx.is_byte(j, b',')
        || cx.is_byte(j, b';')
        || cx.is_byte(j, b')')
        || cx.is_str(j, "\u{2014}")
        || cx.is_str(j, "\u{2013}")
}

/// Two to four name words (capitalized or ALL CAPS, initials allowed) from token
/// `i`, followed by ", AGE," (an age of one to three digits): the end token.
fn name_before_age(cx: &Ctx, i: usize) -> Option<usize> {
    let toks = cx.toks;
    let n = toks.len();
    // every token of such a run is a capitalized or ALL-CAPS word or an initial's
    // period, and the comma ends it: the first other token must be that comma
    let mut k = i;
    while k < n && ((toks[k].is(WORD) && toks[k].flags & (CAP | UPPER) != 0) || cx.is_byte(k, b'.'))
    {
        k += 1;
    }
    if k >= n || !cx.is_byte(k, b',') {
        return None;
    }
    let word = |k: usize| {
        let t = toks[k];
        (t.is_cap_word() && cx.name_part(k))
            || (t.is(UPPER)
                && !cx.stop(k)
                && !cx.has(k, F_ORG | F_LAW | F_PROV | F_NOT_NAME | F_TITLE)
                && !cx.hints[k].strong)
    };
    // ("Co-accused Waqas Gondal, 29,": a hyphenated word with a lower-case part
    // describes the person and starts no name)
    let described = toks[i].is(JOINED)
        && cx
            .w(i)
            .split('-')
            .skip(1)
            .any(|p| p.starts_with(|c: char| c.is_lowercase()));
    if !word(i) || cx.hints[i].strong || described {
        return None;
    }
    let (mut k, mut words) = (i, 0);
    while k < n && words < 4 {
        if k > i && !cx.adjacent(k - 1, k) {
            break;
        }
        if k > i && cx.initial(k) {
            k += 2;
            continue;
        }
        if !word(k) {
            break;
        }
        // one case style: "LORETTA M. KIMBALL" or "Zafar Bhatti"
        if toks[k].is(UPPER) != toks[i].is(UPPER) {
            return None;
        }
        k += 1;
        words += 1;
    }
    (words >= 2
        && k + 2 < n
        && cx.is_byte(k, b',')
        && toks[k].start == toks[k - 1].end
        && is_age(cx, k + 1)
        && after_age(cx, k + 2))
    .then_some(k)
}

/// Start token of a dotted abbreviation ("U.S.", "D.C.", "Jr.") whose final period is
/// token `p`.
fn dotted_start(cx: &Ctx, p: usize) -> Option<usize> {
    let toks = cx.toks;
    if cx.w(p) != "." || p == 0 || toks[p - 1].end != toks[p].start || !toks[p - 1].is(WORD) {
        return None;
    }
    let w = cx.w(p - 1);
    if matches!(w, "Jr" | "Sr" | "St" | "Mt" | "Ft") {
        return Some(p - 1);
    }
    let single = |i: usize| {
        toks[i].is(WORD)
            && toks[i].end - toks[i].start == 1
            && cx.w(i).as_bytes()[0].is_ascii_uppercase()
    };
    if !single(p - 1) {
        return None;
    }
    let mut s = p - 1;
    while s >= 2
        && cx.is_byte(s - 1, b'.')
        && toks[s - 1].end == toks[s].start
        && toks[s - 2].end == toks[s - 1].start
        && single(s - 2)
    {
        s -= 2;
    }
    (s < p - 1).then_some(s)
}

/// The capitalized words from token `q` hold a title and then a given name ("Trial
/// Attorney Sanjay Patel"): a person.
fn title_then_given(cx: &Ctx, q: usize) -> bool {
    let mut title = false;
    let mut k = q;
    while k < cx.toks.len() && (k == q || cx.adjacent(k - 1, k)) && cx.org_word(k) {
        if title && cx.has(k, F_GIVEN) {
            return true;
        }
        title |= cx.has(k, F_TITLE | F_TITLE_START);
        k += 1;
    }
    false
}

/// Capitalized runs ending in a head word, extended to the right through connectors.
/// Returns (start token, end token exclusive).
fn head_run(cx: &Ctx, memo: &mut RunMemo, h: usize, law: bool) -> Option<(usize, usize)> {
    let toks = cx.toks;
    let n = toks.len();
    let headline = toks[h].is(HEADLINE);
    // left: each step depends only on the token reached (and `headline`, `law`), so
    // the end of a long walk is remembered for every token on it — a run of thousands
    // of capitalized words with many head words stays linear
    let which = (headline as usize) << 1 | law as usize;
    memo.path.clear();
    let mut j = h;
    while j > 0 {
        if let Some(&end) = memo.left[which].get(j) {
            if end != u32::MAX {
                j = end as usize;
                break;
            }
        }
        memo.path.push(j as u32);
        let p = j - 1;
        if !cx.adjacent(p, j) {
            break;
        }
        if let Some(s) = dotted_start(cx, p) {
            if !headline {
                j = s;
                continue;
            }
            break;
        }
        // possessive inside a name: "People’s Court"
        if !headline
            && p >= 2
            && cx.is_byte(p, b's')
            && cx.is_apostrophe(p - 1)
            && toks[p - 2].end == toks[p - 1].start
            && toks[p - 1].end == toks[p].start
            && cx.org_word(p - 2)
            // a listed word before the possessive is a name of its own
            // ("Pakistan's Supreme Court") unless the listed name holds the
            // possessive ("U.S. Attorney's Office")
            && (!cx.hints[p - 2].covered
                || (cx.hints[p].covered && !cx.hints[p].gpe && !cx.hints[p].blocked))
            && !cx.has(p - 2, F_ORG)
        {
            j = p - 2;
            continue;
        }
        // a parenthesized word inside a name: "Criminal Law (Amendment) Act",
        // "Syariah Criminal Offences (Takzir) (Terengganu) Enactment"
        if !headline
            && p >= 3
            && cx.is_byte(p, b')')
            && cx.is_byte(p - 2, b'(')
            && toks[p - 2].end == toks[p - 1].start
            && toks[p - 1].end == toks[p].start
            && cx.org_word(p - 1)
            && cx.adjacent(p - 3, p - 2)
            && (cx.org_word(p - 3) || cx.is_byte(p - 3, b')'))
        {
            j = p - 2;
            continue;
        }
        // several words in parentheses inside a law's name: "Criminal Justice
        // (Theft and Fraud Offences) Act", "Cybercrimes (Prohibition, Prevention,
        // Etc) Act"
        if !headline && p >= 4 && cx.is_byte(p, b')') {
            if let Some(q) = paren_words_start(cx, p) {
                j = q;
                continue;
            }
        }
        // plural possessive inside a name: "Manchester Magistrates' Court"
        if !headline
            && p >= 1
            && cx.is_apostrophe(p)
            && toks[p - 1].end == toks[p].start
            && cx.w(p - 1).ends_with('s')
            && cx.org_word(p - 1)
            && !cx.hints[p - 1].covered
        {
            j = p - 1;
            continue;
        }
        // an apostrophe inside a word: "Bahá'í International Community", "Ba'ath Party"
        if p >= 2
            && toks[p].is(LOWER)
            && !cx.is_byte(p, b's')
            && cx.is_apostrophe(p - 1)
            && toks[p - 2].end == toks[p - 1].start
            && toks[p - 1].end == toks[p].start
            && cx.org_word(p - 2)
        {
            j = p - 2;
            continue;
        }
        // an ordinal after the court's city: "Istanbul 25th High Criminal Court"
        if !headline
            && !law
            && p >= 1
            && toks[p].is(DIGIT)
            && is_ordinal(cx.w(p))
            && cx.adjacent(p - 1, p)
            && cx.org_word(p - 1)
            // (not after a modifier: "San Francisco-based 1st Nationwide Bank")
            && !cx.w(p - 1).contains('-')
        {
            j = p - 1;
            continue;
        }
        if cx.org_word(p) {
            if headline && law && cx.hints[p].covered {
                break;
            }
            // "the London-based Minority Rights Group": a hyphenated modifier
            // ending in a lower-case part is no word of the name (only a joined
            // word holds a hyphen)
            if toks[p].is(JOINED)
                && cx
                    .w(p)
                    .rsplit_once('-')
                    .is_some_and(|(_, tail)| tail.starts_with(|c: char| c.is_lowercase()))
            {
                break;
            }
            // a title-case headline capitalizes its verbs: "… Sentenced for
            // Vandalizing Cedar Rapids Church"
            if headline && cx.headline_verb(p, true) {
                break;
            }
            j = p;
        } else if !(headline && law)
            && cx.is_conn(p, INNER)
            // "Decree-Law No. 34 of 2021 on Combating Rumours and [Federal Law]"
            && !(law && in_law_title(cx, p))
            // "the United Nations and [Amnesty International]": a listed name of
            // several words before "and" is a name of its own
            && !(p >= 2 && matches!(cx.w(p), "and" | "&") && listed_name_ends(cx, p - 1))
            // "the Penal Code and Anti-Terrorism Act": a law head before "and" ends
            // a law of its own
            && !(law && p >= 1 && matches!(cx.w(p), "and" | "&") && cx.has(p - 1, F_LAW))
            && p > 0
            && cx.adjacent(p - 1, p)
            && (cx.org_word(p - 1) || dotted_start(cx, p - 1).is_some())
            && !cx.has(p - 1, F_TITLE)
            // "Inspector Sarah Ndlovu of Greater Manchester Police": a given name and
            // a surname before the connector are a person, not part of the name
            && !(p >= 2
                && cx.w(p) == "of"
                && cx.has(p - 2, F_GIVEN)
                && cx.adjacent(p - 2, p - 1))
        {
            j = p;
        } else {
            // "the 351st District Court": an ordinal opens the name
            if !headline && !law && toks[p].is(DIGIT) && is_ordinal(cx.w(p)) {
                j = p;
            }
            break;
        }
    }
    if memo.path.len() > LONG {
        let left = &mut memo.left[which];
        if left.is_empty() {
            left.resize(n, u32::MAX);
        }
        for &v in &memo.path {
            left[v as usize] = j as u32;
        }
    }
    while j < h && toks[j].is(LOWER) {
        j += 1;
    }
    // In a headline only a run that starts the line is suspect ("Chinese Court
    // Sentences House Church"); "About Global Religious Liberty Watch" is fine.
    let strict = headline
        && !(j > 0
            && matches!(
                cx.w(j - 1),
                "About" | "the" | "The" | "SOURCE" | "Source" | "by"
            ));
    // right (in a strict headline run only when the run is then the whole line:
    // a list of signatories, "Arab Network for Digital Rights")
    let mut k = h + 1;
    let mut extended = false;
    {
        loop {
            let mut m = k;
            let mut after_conn = false;
            let mut prev_right = false;
            while m < n && cx.adjacent(m - 1, m) {
                let role = if toks[m].is(LOWER) {
                    cx.lex.connectors.get(cx.w(m)).copied()
                } else if !after_conn && toks[m].is(CAP) {
                    // a title-case name capitalizes its connector: "Coalition
                    // Against the Death Penalty"
                    capitalized_connector(cx, m).filter(|r| r & RIGHT != 0)
                } else {
                    None
                };
                let Some(role) = role else {
                    break;
                };
                let ok = if after_conn {
                    role & AFTER != 0 && prev_right
                } else {
                    role & RIGHT != 0 || (extended && role & LATE != 0)
                };
                if !ok {
                    break;
                }
                prev_right = role & RIGHT != 0;
                m += 1;
                after_conn = true;
            }
            if !after_conn {
                break;
            }
            // "Court of Appeal in Dublin": "in" and a city or region is where the
            // organization sits ("… Against Humanity in North Korea" goes on: a
            // country)
            if m < n && m == k + 1 && cx.w(k) == "in" && cx.hints[m].gpe && !cx.hints[m].strong {
                break;
            }
            // "Church of Eritrea and [Sunni Islam]": a listed name after "and"
            // (not a place: "Embassy of Bosnia and Herzegovina") is its own
            if m < n && matches!(cx.w(m - 1), "and" | "&") && cx.hints[m].strong && !cx.hints[m].gpe
            {
                break;
            }
            let mut q = m;
            let mut got = 0;
            // "Southern District of Texas and Trial Attorney Sanjay Patel": a title
            // after a connector starts a person, not more of the name
            if title_then_given(cx, q) {
                break;
            }
            while q < n && cx.adjacent(q - 1, q) && !cx.headline_verb(q, false) {
                // "Code of Administrative Offences Article 20": the provision is
                // read on its own (and joined to the name afterwards)
                let provision = cx.has(q, F_PROV) && q + 1 < n && toks[q + 1].is(DIGIT);
                if provision {
                    break;
                }
                if cx.org_word(q) || (toks[q].is(DIGIT) && got > 0) {
                    q += 1;
                    got += 1;
                } else if got > 0
                    && q + 2 < n
                    && cx.is_apostrophe(q)
                    // ("Council of Europe's Committee of Ministers": a listed name
                    // that ends before the possessive is one of its own; "People's
                    // Republic of China" holds it)
                    && (!cx.hints[q - 1].covered || cx.hints[q + 1].covered)
                    && cx.is_byte(q + 1, b's')
                    && toks[q - 1].end == toks[q].start
                    && toks[q].end == toks[q + 1].start
                    && cx.org_word(q + 2)
                {
                    q += 2;
                } else {
                    break;
                }
            }
            if got == 0 {
                break;
            }
            // "Law on Belief and Religion and Decree No. 95/2023/ND-CP": after "and",
            // words with a law head of their own are another law
            if law && matches!(cx.w(m - 1), "and" | "&") && (m..q).any(|x| cx.has(x, F_LAW)) {
                break;
            }
            k = q;
            extended = true;
        }
    }
    // (a run of three words or more that opens the headline and ends at its verb is
    // the headline's subject: "Coalition Against the Death Penalty Condemns …"; not
    // after a group's adjective: "Egyptian Appeals Court Acquits …")
    let subject = k - j >= 3
        && k < n
        && cx.adjacent(k - 1, k)
        && cx.headline_verb(k, false)
        && (!cx.hints[j].covered || cx.hints[j].gpe);
    let whole_line = strict && cx.line_starts(j) && (cx.line_ends(k) || subject);
    if strict && !whole_line {
        k = h + 1;
    }
    let mut numbered_law = false;
    if law && k < n {
        // "Ordinance 06-03", "Law 2000", "Ordinance, 2020", "Act of 1998"
        let year = |i: usize| i < n && toks[i].is(DIGIT) && cx.w(i).len() == 4;
        let touching = |i: usize| i < n && toks[i].start == toks[i - 1].end;
        // "Regulation (EU) 2016/679", "Decision (CFSP) 2025/1187": the issuer's
        // code in parentheses before the number
        if k + 3 < n
            && cx.is_byte(k, b'(')
            && cx.adjacent(k - 1, k)
            && touching(k + 1)
            && toks[k + 1].is(UPPER)
            && law_code(cx.w(k + 1))
            && touching(k + 2)
            && cx.is_byte(k + 2, b')')
            && cx.adjacent(k + 2, k + 3)
            && (toks[k + 3].is(DIGIT) || cx.lex.law_number_words.contains(cx.w(k + 3)))
        {
            k += 3;
        }
        if toks[k].is(DIGIT) && cx.adjacent(k - 1, k) {
            k += 1;
            // "Decree 38/2021/ND-CP"
            while touching(k)
                && (cx.is_byte(k, b'/') || cx.is_byte(k, b'-'))
                && touching(k + 1)
                && (toks[k + 1].is(DIGIT) || law_code(cx.w(k + 1)))
            {
                k += 2;
            }
        } else if cx.regnal(k) && cx.adjacent(k - 1, k) {
            // "Ordinance XX of 1984"
            k += 1;
            if k + 1 < n && cx.is_str(k, "of") && cx.adjacent(k - 1, k) && year(k + 1) {
                k += 2;
            }
        } else if k + 1 < n
            && toks[k].is(LOWER)
            && cx.adjacent(k - 1, k)
            && toks[k + 1].is(DIGIT)
            && cx.adjacent(k, k + 1)
            && cx
                .lex
                .provisions
                .iter()
                .any(|p| p.eq_ignore_ascii_case(cx.w(k)))
        {
            // "Iowa Code section 716.4"
            k += 2;
            while sub_number(cx, k, b'.') {
                k += 2;
            }
        } else if k + 1 < n
            && year(k + 1)
            && ((cx.is_byte(k, b',') && toks[k].start == toks[k - 1].end)
                || (cx.is_str(k, "of") && cx.adjacent(k - 1, k)))
        {
            k += 2;
        } else if let Some(q) = law_number(cx, k) {
            k = law_title(cx, q);
            numbered_law = true;
        }
    }
    let caps = memo.caps(cx, j, k);
    if strict && !whole_line && !law && !memo.any_gpe(cx, j, h) {
        return None;
    }
    // "the Government of Eritrea": a head that needs a modifier on its left
    if !law && j == h && cx.lex.org_heads_left.contains(cx.w(h)) {
        return None;
    }
    let numbered = numbered_law || law && k == h + 2 && toks[h + 1].is(DIGIT);
    (caps >= 2 || numbered).then_some((j, k))
}

/// A regnal number ("II", "XIV"): two to five Roman numerals up to XXXIX.
pub(super) fn regnal_number(w: &str) -> bool {
    let w = w.as_bytes();
    (2..=5).contains(&w.len())
        && w.iter().all(|b| matches!(b, b'I' | b'V' | b'X'))
        && !w.windows(2).any(|p| p == b"VV" || p == b"VX")
        && !w.windows(4).any(|p| p == b"IIII" || p == b"XXXX")
}

/// The opening parenthesis of "(Theft and Fraud Offences)" closed at token `p`,
/// inside a name: two to eight capitalized words, commas and inner connectors,
/// touching the parentheses, after a capitalized word.
fn paren_words_start(cx: &Ctx, p: usize) -> Option<usize> {
    let toks = cx.toks;
    let mut q = p - 1;
    while q > 0 && p - q <= 9 && !cx.is_byte(q, b'(') {
        if !(cx.org_word(q) || cx.is_byte(q, b',') || cx.is_conn(q, INNER)) {
            return None;
        }
        q -= 1;
    }
    (q >= 1
        && p - q >= 3
        && cx.is_byte(q, b'(')
        && cx.org_word(q + 1)
        && cx.org_word(p - 1)
        && toks[q].end == toks[q + 1].start
        && toks[p - 1].end == toks[p].start
        && cx.adjacent(q - 1, q)
        && (cx.org_word(q - 1) || cx.is_byte(q - 1, b')')))
    .then_some(q)
}

/// Token `p` is inside the title of a numbered or named law ("No. 34 of 2021 on
/// Combating Rumours and …", "Law on Belief and Religion and …"): capitalized words
/// and connectors back to a title word (`law_title_words`: "on") after a number or
/// a law head word.
fn in_law_title(cx: &Ctx, p: usize) -> bool {
    let toks = cx.toks;
    let mut q = p;
    while q > 1 && p - q < 12 {
        q -= 1;
        if cx.lex.law_title_words.contains(cx.w(q)) {
            // "No. 34 of 2021 on …", "Law on Belief and Religion and [Decree]"
            return toks[q - 1].is(DIGIT) || cx.has(q - 1, F_LAW);
        }
        if !(toks[q].is_cap_word() || cx.is_conn(q, INNER)) || !cx.adjacent(q, q + 1) {
            return false;
        }
    }
    false
}

/// The issuer's code in a law's number ("ND-CP" in "38/2021/ND-CP"): capitals
/// and hyphens.
fn law_code(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
}

/// "No. 34 of 2021", "No. 30/2014" from token `k` (a word of `law_number_words`)
/// after a law's name: the end of the number.
fn law_number(cx: &Ctx, k: usize) -> Option<usize> {
    let toks = cx.toks;
    let n = toks.len();
    if !(k > 0 && cx.adjacent(k - 1, k) && cx.lex.law_number_words.contains(cx.w(k))) {
        return None;
    }
    let touching = |q: usize| q < n && toks[q].start == toks[q - 1].end;
    let mut q = k + 1;
    if touching(q) && cx.is_byte(q, b'.') {
        q += 1;
    }
    if !(q < n && toks[q].is(DIGIT) && cx.adjacent(q - 1, q)) {
        return None;
    }
    q += 1;
    // "30/2014", "7-2014", "95/2023/ND-CP"
    while touching(q)
        && (cx.is_byte(q, b'/') || cx.is_byte(q, b'-'))
        && touching(q + 1)
        && (toks[q + 1].is(DIGIT) || law_code(cx.w(q + 1)))
    {
        q += 2;
    }
    if q + 1 < n
        && cx.is_str(q, "of")
        && cx.adjacent(q - 1, q)
        && cx.adjacent(q, q + 1)
        && toks[q + 1].is(DIGIT)
        && cx.w(q + 1).len() == 4
    {
        q += 2;
    }
    Some(q)
}

/// The title after a numbered law, from token `k`: "on Combating Rumours and
/// Cybercrimes" (capitalized words joined by inner connectors; an "and" before
/// another law ends it). Returns the end, `k` when there is none.
fn law_title(cx: &Ctx, k: usize) -> usize {
    let toks = cx.toks;
    let n = toks.len();
    if !(k + 1 < n
        && cx.lex.law_title_words.contains(cx.w(k))
        && cx.adjacent(k - 1, k)
        && cx.adjacent(k, k + 1))
    {
        return k;
    }
    let cap_run = |mut q: usize| {
        while q < n && toks[q].is_cap_word() && cx.adjacent(q - 1, q) {
            q += 1;
        }
        q
    };
    let mut end = cap_run(k + 1);
    if end == k + 1 {
        return k;
    }
    while end + 1 < n && toks[end].is(LOWER) && cx.is_conn(end, INNER) && cx.adjacent(end - 1, end)
    {
        let next = cap_run(end + 1);
        if next == end + 1 || (end + 1..next).any(|q| cx.has(q, F_LAW)) {
            break;
        }
        end = next;
    }
    end
}

/// The connector role of a capitalized word ("Against", "For"), if its
/// lower-case form is a connector.
fn capitalized_connector(cx: &Ctx, i: usize) -> Option<u8> {
    let w = cx.w(i).as_bytes();
    let mut buf = [0u8; 8];
    if w.len() > buf.len() || !w.is_ascii() {
        return None;
    }
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    cx.lex
        .connectors
        .get(std::str::from_utf8(lower).ok()?)
        .copied()
}

/// Walks and counts longer than this use `RunMemo`'s tables.
const LONG: usize = 32;

/// Per-document memory of `head_run`, so that long capitalized runs cost linear time.
#[derive(Default)]
struct RunMemo {
    /// End of the left walk from each token, by (headline, law); built on the first
    /// long walk.
    left: [Vec<u32>; 4],
    /// The tokens of the current walk.
    path: Vec<u32>,
    /// Prefix counts of name words (`org_word` or a dotted abbreviation) and of
    /// GPE-covered tokens; built on the first long range.
    caps_before: Vec<u32>,
    gpe_before: Vec<u32>,
}

impl RunMemo {
    fn caps(&mut self, cx: &Ctx, j: usize, k: usize) -> usize {
        let is_cap = |i: usize| cx.org_word(i) || dotted_start(cx, i).is_some();
        if k - j <= LONG {
            return (j..k).filter(|&i| is_cap(i)).count();
        }
        if self.caps_before.is_empty() {
            self.caps_before = prefix_counts(cx.toks.len(), is_cap);
        }
        (self.caps_before[k] - self.caps_before[j]) as usize
    }

    fn any_gpe(&mut self, cx: &Ctx, j: usize, h: usize) -> bool {
        if h - j.min(h) <= LONG {
            return (j..h).any(|i| cx.hints[i].gpe);
        }
        if self.gpe_before.is_empty() {
            self.gpe_before = prefix_counts(cx.toks.len(), |i| cx.hints[i].gpe);
        }
        self.gpe_before[h] > self.gpe_before[j]
    }
}

/// `v[i]` = how many of the indices below `i` satisfy `f` (for `i` in 0..=n).
fn prefix_counts(n: usize, f: impl Fn(usize) -> bool) -> Vec<u32> {
    let mut v = Vec::with_capacity(n + 1);
    let mut c = 0u32;
    v.push(0);
    for i in 0..n {
        c += f(i) as u32;
        v.push(c);
    }
    v
}

#[inline(never)]
pub fn orgs_and_laws<'g>(cx: &Ctx, r: &Rules, out: &mut Vec<Cand<'g>>) {
    let toks = cx.toks;
    let mut memo = RunMemo::default();
    for &h in &cx.starts.heads {
        let h = h as usize;
        let t = toks[h];
        if !t.is(WORD) || t.is(LOWER) {
            continue;
        }
        let org_head = cx.has(h, F_ORG);
        if !org_head && (t.is(UPPER) || !cx.has(h, F_LAW)) {
            continue;
        }
        let w = cx.w(h);
        // "Comisión Intereclesial de Justicia y Paz": a head written first
        // ("Fiscalía General de la Nación": before the title test below)
        if org_head && !t.is(HEADLINE) {
            let first = cx.first_heads.words.contains(w);
            if first || cx.first_heads.with_connector.contains(w) {
                if let Some(b) = first_head_run(cx, h, !first) {
                    out.push(Cand::new(cx.span(h, b), Label::Org, r.org_head.clone(), 5));
                    continue;
                }
            }
        }
        // "U.S. District Judge": a head word modifying a title is no organization
        if h + 1 < toks.len()
            && cx.adjacent(h, h + 1)
            && toks[h + 1].is_cap_word()
            && cx.has(h + 1, F_TITLE)
        {
            continue;
        }
        let (label, rule) = if org_head {
            (Label::Org, &r.org_head)
        } else if let Some(&flags) = cx.lex.law_heads.get(w) {
            // "President Bill Clinton": a head word that is also a given name, with a
            // capitalized word after it, is the start of a person's name
            if cx.has(h, F_GIVEN | F_GIVEN_AMB)
                && h + 1 < toks.len()
                && cx.adjacent(h, h + 1)
                && toks[h + 1].is_cap_word()
                && !cx.has(h + 1, F_STOP | F_NOT_NAME)
            {
                continue;
            }
            if let Some((a, b)) = head_run(cx, &mut memo, h, true) {
                // "Executive Order 14110", "Order No. 5": a head that needs a
                // number after it ("the Sufi Order" is none)
                if flags & LAW_NUMBERED != 0 && !(h + 1..b).any(|k| toks[k].is(DIGIT)) {
                    continue;
                }
                let a = person_of_before(cx, a, h).unwrap_or(a);
                // "Kachin Baptist Convention": a group's body, not a treaty
                let group_body = flags & LAW_ORG_AFTER_GROUP != 0
                    && b == h + 1
                    && a < h
                    && cx.hints[h - 1].covered
                    && !cx.hints[h - 1].gpe;
                let (label, rule) = if group_body {
                    (Label::Org, &r.org_head)
                } else {
                    (Label::Law, &r.law_name)
                };
                out.push(Cand::new(cx.span(a, b), label, rule.clone(), 5));
            } else if flags & LAW_ALONE != 0 && !t.is(SENT_START) && !t.is(HEADLINE) {
                out.push(Cand::new(t.span(), Label::Law, r.law_name.clone(), 2));
            }
            continue;
        } else {
            continue;
        };
        if cx.lex.place_heads.contains(w) {
            // "Harris County jury": one to three capitalized words no list knows
            // before it are a place, never an organization
            const NAMED: u16 = F_ORG | F_LAW | F_PROV | F_TITLE | F_STOP | F_NOT_NAME;
            let plain = |k: usize| {
                toks[k].is_cap_word()
                    && !toks[k].is(UPPER)
                    && !cx.has(k, NAMED)
                    && !cx.hints[k].covered
            };
            let mut a = h;
            while a > 0 && h - a < 3 && cx.adjacent(a - 1, a) && plain(a - 1) {
                a -= 1;
            }
            if a < h {
                out.push(Cand::new(
                    cx.span(a, h + 1),
                    Label::Gpe,
                    r.place_suffix.clone(),
                    5,
                ));
            }
            continue;
        }
        if let Some((a, b)) = head_run(cx, &mut memo, h, false) {
            // "Vandalizing Cedar Rapids Mosque" in a headline: a place and a
            // capitalized common noun
            if t.is(HEADLINE) && b == h + 1 && (a..h).all(|k| cx.hints[k].gpe) {
                continue;
            }
            if b == h + 1 && a + 1 == h && one_word_place(cx, a, h) {
                out.push(Cand::new(
                    cx.span(a, b),
                    Label::Gpe,
                    r.place_suffix.clone(),
                    5,
                ));
                continue;
            }
            let a = person_of_before(cx, a, h).unwrap_or(a);
            out.push(Cand::new(cx.span(a, b), label, rule.clone(), 5));
        }
    }
}

/// Token `a`, one capitalized word that no list knows as anything but perhaps a
/// place, and the place suffix `h` after it are a place, though the suffix is an
/// organization head: "of Jumla District" (`one-word-place` in
/// `entities/place_suffixes.txt`), not "the Southern District" (`not-place-words`).
fn one_word_place(cx: &Ctx, a: usize, h: usize) -> bool {
    const NAMED: u16 = F_ORG | F_LAW | F_PROV | F_TITLE | F_GIVEN | F_STOP | F_NOT_NAME;
    // (not inside a longer capitalized run: "Deputy District Public Prosecutor")
    let run_on = h + 1 < cx.toks.len() && cx.adjacent(h, h + 1) && cx.toks[h + 1].is_cap_word();
    cx.lex.one_word_places.contains(cx.w(h))
        && !run_on
        && cx.toks[a].is_cap_word()
        && !cx.toks[a].is(UPPER)
        && !cx.has(a, NAMED)
        && (!cx.hints[a].covered || cx.hints[a].gpe)
        && !cx.lex.not_place_words.contains(cx.w(a))
}

/// "elder Li Yingqiang of Early Rain Covenant Church": an organization run that
/// starts with a person's name (two or three name words, the first a given name or
/// a family name written first, no organization word) and "of" starts after "of".
/// A title always starts a person, whatever the name: "Pastor Kahindi Charo Mwamure
/// of Living Waters Fellowship" (one to three name words after the title).
fn person_of_before(cx: &Ctx, a: usize, h: usize) -> Option<usize> {
    let titled = match cx.toks[a].is(CAP) && cx.has(a, F_TITLE_START) {
        true => cx
            .lex
            .title_at(cx.text, cx.toks, a)
            .map_or(0, |(len, _)| len),
        false => 0,
    };
    let first = a + titled;
    let from = if titled > 0 { first + 1 } else { first + 2 };
    let o = (from..(first + 4).min(h)).find(|&o| cx.is_str(o, "of"))?;
    let named = titled > 0 || (cx.has(a, F_GIVEN | F_SURNAME_FIRST) && !cx.toks[a].is(HEADLINE));
    let plain = (first..o).all(|k| cx.toks[k].is_cap_word() && !cx.has(k, F_ORG | F_NOT_NAME));
    (named && plain).then_some(o + 1)
}

/// "Section 295-C", "Sections 295-A, 295-B, and 295-C", "Article 18(2)", optionally
/// extended by "of the <law name>".
#[inline(never)]
pub fn provisions<'g>(cx: &Ctx, r: &Rules, out: &mut Vec<Cand<'g>>) {
    let toks = cx.toks;
    let n = toks.len();
    let suffix = |i: usize| {
        i < n
            && toks[i].is(LOWER)
            && cx.adjacent(i - 1, i)
            && cx.lex.provision_suffixes.contains(cx.w(i))
    };
    let mut i = 0;
    for &start in &cx.starts.provisions {
        if (start as usize) < i {
            continue;
        }
        i = start as usize;
        let t = toks[i];
        let section_sign = !t.is(WORD) && cx.is_str(i, "\u{a7}");
        if !(section_sign || (t.is(WORD) && !t.is(LOWER) && cx.has(i, F_PROV))) {
            continue;
        }
        let mut k = i + 1;
        if k < n && (cx.is_byte(k, b'.') || cx.is_str(k, "\u{a7}")) && toks[k].start == toks[i].end
        {
            k += 1;
        }
        if !(k < n && toks[k].is(DIGIT) && cx.adjacent(k - 1, k)) {
            i += 1;
            continue;
        }
        // "18 U.S.C. § 249"
        let mut start = i;
        if section_sign && i >= 2 && cx.adjacent(i - 1, i) {
            if let Some(s) = dotted_start(cx, i - 1) {
                if s > 0 && toks[s - 1].is(DIGIT) && cx.adjacent(s - 1, s) {
                    start = s - 1;
                }
            }
        }
        let mut end = k + 1;
        // "Article 20.2", "Section 716.4.1"
        while sub_number(cx, end, b'.') {
            end += 2;
        }
        // "Article 314/2" (a paragraph after a slash, Turkish style)
        if sub_number(cx, end, b'/') {
            end += 2;
        }
        // "Article 500 bis", "Article 144 bis 2"
        if suffix(end) {
            end += 1;
            if end < n && toks[end].is(DIGIT) && cx.adjacent(end - 1, end) {
                end += 1;
            }
        }
        loop {
            // sub-clause "(2)" or "(b)"
            if end + 2 < n
                && cx.is_byte(end, b'(')
                && toks[end].start == toks[end - 1].end
                && toks[end + 1].is(WORD)
                && toks[end + 1].end - toks[end + 1].start <= 4
                && cx.is_byte(end + 2, b')')
            {
                end += 3;
                continue;
            }
            // sub-part after a comma: "Article 361-1, Part 2"
            if end + 2 < n
                && cx.is_byte(end, b',')
                && toks[end].start == toks[end - 1].end
                && cx.adjacent(end, end + 1)
                && cx.lex.provision_parts.contains(cx.w(end + 1))
                && toks[end + 2].is(DIGIT)
                && cx.adjacent(end + 1, end + 2)
            {
                end += 3;
                continue;
            }
            // list continuation: ", 295-B", "and 295-C", ", and 295-C"
            let mut m = end;
            if m < n && cx.is_byte(m, b',') {
                m += 1;
            }
            if m < n && matches!(cx.w(m), "and" | "or" | "&") {
                m += 1;
            }
            if m > end && m < n && toks[m].is(DIGIT) {
                end = m + 1;
                if suffix(end) {
                    end += 1;
                }
                continue;
            }
            break;
        }
        out.push(Cand::new(
            cx.span(start, end),
            Label::Law,
            r.provision.clone(),
            7,
        ));
        i = end;
    }
}
