//! Named entities: PERSON, ORG, GPE, LOC, NORP and LAW, GATE-ANNIE style.
//!
//! 1. `tokens`: one pass over the text into word and punctuation tokens, with
//!    sentence-start and headline flags; as each token is pushed, the scan (`Scan`)
//!    looks up the word-list flags of a capitalized word (hashed on the way), notes
//!    where each rule can start and which words may start a gazetteer entry.
//! 2. `gazetteer`: at each of those words, the longest gazetteer entry (a search in
//!    a sorted key table from the range of the word's first-word hash, word
//!    boundaries checked).
//! 3. `rules`: title + name, given name + surnames, organization and law head-word
//!    runs, legal provisions.
//! 4. A resolver keeps the longest, then highest-priority, non-overlapping candidates.
//! 5. `canonical`: acronym definitions and uses, the orthomatcher for person names,
//!    country disambiguation for places.
//!
//! All knowledge is data under `patterns/gazetteer/`, `patterns/names/` and
//! `patterns/entities/` (see `patterns/entities/README.md`).

mod canonical;
mod fold;
pub mod gazetteer;
pub mod lexicon;
mod rules;
pub mod tokens;

use std::sync::Arc;

use anyhow::Result;

use crate::document::{Document, Entity, Label, Rule, Span};
use crate::patterns::Patterns;
use gazetteer::Gazetteer;
pub use lexicon::Gender;
use lexicon::Lexicon;
use tokens::{Token, WORD};

/// A candidate entity before conflict resolution.
#[derive(Debug, Clone)]
pub struct Cand<'g> {
    pub span: Span,
    pub label: Label,
    pub rule: Rule,
    /// Tie-breaker between candidates of equal length (higher wins).
    pub prio: u8,
    /// Gazetteer entries behind a gazetteer candidate.
    pub entries: &'g [u32],
    pub canonical: Option<String>,
    pub country: Option<String>,
    /// A blocking gazetteer entry (label `O`): wins its span, produces nothing.
    pub block: bool,
}

impl Cand<'static> {
    pub fn new(span: Span, label: Label, rule: Rule, prio: u8) -> Self {
        Cand {
            span,
            label,
            rule,
            prio,
            entries: &[],
            canonical: None,
            country: None,
            block: false,
        }
    }
}

/// Rule names, built once.
pub struct Rules {
    pub title_name: Rule,
    pub given_name: Rule,
    pub surname: Rule,
    pub name_age: Rule,
    pub org_head: Rule,
    pub law_name: Rule,
    pub provision: Rule,
    pub acronym_def: Rule,
    pub acronym: Rule,
    pub orthomatch: Rule,
    pub dateline_org: Rule,
    pub person_context: Rule,
    pub byline: Rule,
    pub person_list: Rule,
    pub figure: Rule,
    pub place_suffix: Rule,
    pub patronymic: Rule,
}

impl Rules {
    fn new() -> Self {
        let r = |s: &str| -> Rule { Arc::from(s) };
        Rules {
            title_name: r("title+name"),
            given_name: r("given+surname"),
            patronymic: r("name+patronymic"),
            surname: r("name+surname"),
            org_head: r("org-head"),
            law_name: r("law-name"),
            provision: r("law-provision"),
            acronym_def: r("acronym-def"),
            acronym: r("acronym"),
            orthomatch: r("orthomatch"),
            dateline_org: r("dateline-org"),
            name_age: r("name+age"),
            person_context: r("person-context"),
            byline: r("byline"),
            person_list: r("person-list"),
            figure: r("title+figure"),
            place_suffix: r("place+suffix"),
        }
    }
}

/// How NORP mentions combine (`entities/norp_compounds.txt`).
struct NorpRules {
    /// Lists whose NORP joins a following NORP ("Sunni Islam").
    join_after: Vec<String>,
    /// NORP words that join the NORP before them ("Somali Americans").
    join_before: Vec<String>,
    /// Lower-case prefixes before a NORP ("anti-").
    prefixes: Vec<String>,
    /// First bytes of the prefixes: most words are rejected on their first byte.
    prefix_first: [bool; 256],
    /// Every prefix holds a character that is no letter or digit ("anti-"): a word
    /// that starts with one is joined (`tokens::JOINED`).
    needs_join: bool,
}

impl NorpRules {
    /// False when word `w` surely holds no prefixed NORP: it does not start with a
    /// prefix, or it is no longer than the prefix.
    #[inline(always)]
    fn may_prefix(&self, w: &[u8]) -> bool {
        self.prefix_first[w[0] as usize]
            && self.prefixes.iter().any(|p| {
                let p = p.as_bytes();
                w.len() > p.len() && w.iter().zip(p).all(|(a, b)| a == b)
            })
    }

    fn new(patterns: &Patterns) -> Self {
        let mut r = NorpRules {
            join_after: Vec::new(),
            join_before: Vec::new(),
            prefixes: Vec::new(),
            prefix_first: [false; 256],
            needs_join: false,
        };
        if let Some(c) = patterns.get("entities/norp_compounds.txt") {
            for d in crate::patterns::directives(c) {
                if let Some((k, v)) = d.split_once('=') {
                    let vals = v.split_whitespace().map(str::to_string);
                    match k.trim() {
                        "join-after" => r.join_after.extend(vals),
                        "join-before" => r.join_before.extend(vals),
                        "prefixes" => r.prefixes.extend(vals),
                        _ => {}
                    }
                }
            }
        }
        for p in &r.prefixes {
            if let Some(&b) = p.as_bytes().first() {
                r.prefix_first[b as usize] = true;
            }
        }
        r.needs_join = r
            .prefixes
            .iter()
            .all(|p| p.chars().any(|c| !tokens::is_alnum(c)));
        r
    }
}

/// Per-thread buffers of `EntityRecognizer::recognize`, reused across documents.
#[derive(Default)]
struct Scratch {
    toks: Vec<Token>,
    hints: Vec<rules::Hint>,
    starts: rules::Starts,
    /// The words where a gazetteer entry may start (`Scan`).
    gaz: Vec<GazStart>,
}

/// A word where a gazetteer entry may start: its token, the hash and length of its
/// leading run of ASCII letters and digits when known (length 0: not known), and the
/// automata where a key may start there (`Gazetteer::start_automata`).
#[derive(Clone, Copy)]
struct GazStart {
    tok: u32,
    len: u32,
    hash: u64,
    may: u8,
    /// 1 + the word's slot among the case-sensitive first words, when the scan
    /// found it (`Lexicon::word_hashed`); 0 otherwise.
    slot: u32,
}

impl GazStart {
    fn lower(tok: usize, may: u8) -> Self {
        GazStart {
            tok: tok as u32,
            len: 0,
            hash: 0,
            may,
            slot: 0,
        }
    }
}

/// The per-token work of `recognize`, done as the tokenizer pushes each token.
struct Scan<'a> {
    rec: &'a EntityRecognizer,
    text: &'a str,
    starts: rules::Starts,
    /// The words where a gazetteer entry may start.
    gaz: Vec<GazStart>,
    lines: tokens::Headlines,
    /// A word without its accents (`fold::name_flags`).
    folded: String,
}

impl Scan<'_> {
    /// Records lower-case word `i` (starting at byte `start`) as a gazetteer start
    /// (its automata found again: few lower-case words get here).
    #[inline(never)]
    fn push_lower(&mut self, i: usize, start: usize) {
        let may = self
            .rec
            .gaz
            .start_automata(self.text.as_bytes(), start, None);
        self.gaz.push(GazStart::lower(i, may));
    }

    /// Records lower-case word `i` (token `t`) where a gazetteer entry may start, or
    /// a NORP after a prefix ("anti-Muslim").
    #[inline(always)]
    fn lower_gaz(&mut self, i: usize, t: Token) {
        let b = self.text.as_bytes();
        if self.rec.gaz.may_start_word(b, t.start, None)
            || ((t.is(tokens::JOINED) || !self.rec.norp.needs_join)
                && self.rec.norp.may_prefix(&b[t.start..t.end]))
        {
            self.push_lower(i, t.start);
        }
    }
}

impl tokens::Sink for Scan<'_> {
    #[inline(always)]
    fn plain_lower(&mut self, toks: &mut Vec<Token>, start: usize, end: usize) {
        // (`lower` for a word that is not joined)
        self.lines.add_lower_len(end - start);
        let b = self.text.as_bytes();
        if self.rec.gaz.may_start_word(b, start, None)
            || (!self.rec.norp.needs_join && self.rec.norp.may_prefix(&b[start..end]))
        {
            self.push_lower(toks.len() - 1, start);
        }
    }

    #[inline(always)]
    fn lower(&mut self, toks: &mut Vec<Token>) {
        let i = toks.len() - 1;
        let t = toks[i];
        self.lines.add_lower(&t);
        self.starts.note_lower(toks, i);
        self.lower_gaz(i, t);
    }

    #[inline(always)]
    fn token(&mut self, toks: &mut Vec<Token>, hash: u64, run_end: usize) {
        let i = toks.len() - 1;
        let t = toks[i];
        if !t.is(WORD) {
            self.starts.note_punct(self.text, &self.rec.lex, toks, i);
            return;
        }
        self.lines.add(&t);
        if t.is(tokens::LOWER) {
            self.starts.note_lower(toks, i);
            self.lower_gaz(i, t);
            return;
        }
        let rec = self.rec;
        let b = self.text.as_bytes();
        // a word of ASCII letters and digits only was hashed on the way: one probe
        // answers its word lists, its titles and whether a gazetteer key starts
        // with it (the word is its first word: no letter or digit follows it)
        let hashed = run_end == t.end && run_end > t.start;
        let (f, title, slot) = if hashed {
            rec.lex.word_hashed(&b[t.start..t.end], hash)
        } else {
            let w = t.text(self.text);
            let mut f = rec.lex.flags(w);
            // "Hélène", "Đặng": an accented spelling of a listed name
            if f & fold::NAME_FLAGS == 0 && !w.is_ascii() {
                f |= fold::name_flags(&rec.lex, w, &mut self.folded);
            }
            (f, 0, 0)
        };
        toks[i].lex = f;
        toks[i].title = title;
        self.starts.note_word(self.text, &rec.lex, toks, i, f);
        let known = run_end > t.start && b.get(run_end).map_or(true, |&c| c < 0x80);
        let may = if hashed {
            u8::from(slot != 0) | u8::from(rec.gaz.may_start_ci(b, t.start)) << 1
        } else {
            rec.gaz.start_automata(b, t.start, known.then_some(hash))
        };
        // a place in capitals ("LAHORE") is looked up in title case
        if may != 0 || (t.is(tokens::UPPER) && caps_place_start(self.text, t)) {
            self.gaz.push(GazStart {
                tok: i as u32,
                len: if known { (run_end - t.start) as u32 } else { 0 },
                hash,
                may,
                slot,
            });
        }
    }

    #[inline(always)]
    fn punct(&mut self, toks: &mut Vec<Token>) {
        let i = toks.len() - 1;
        self.starts.note_punct(self.text, &self.rec.lex, toks, i);
    }

    #[inline]
    fn newline(&mut self, toks: &mut Vec<Token>) {
        self.lines.line_end(toks);
    }

    fn finish(&mut self, toks: &mut Vec<Token>) {
        self.lines.line_end(toks);
    }
}

/// The entity recognizer: gazetteer automata and rule data, built once per process.
pub struct EntityRecognizer {
    gaz: Gazetteer,
    lex: Lexicon,
    norp: NorpRules,
    /// Default country of a place name shared by several countries.
    place_defaults: crate::hash::FxMap<String, String>,
    /// Currency codes written before an amount ("NPR 50,000"): the ALL-CAPS
    /// prefix tokens of `penalties/currencies.tsv`; such a code before a number is
    /// no entity.
    currency_codes: crate::hash::FxSet<String>,
    /// Organization heads written first ("Comisión …").
    first_heads: rules::FirstHeads,
    rules: Rules,
}

impl EntityRecognizer {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let gaz = Gazetteer::new(patterns)?;
        // the heads written first are organization heads too
        let first_heads =
            rules::FirstHeads::new(patterns.get(rules::FirstHeads::PATH).unwrap_or(""));
        let mut lex = Lexicon::with_org_heads(patterns, &first_heads.words)?;
        lex.add_first_words(&gaz.first_words());
        Ok(EntityRecognizer {
            gaz,
            lex,
            norp: NorpRules::new(patterns),
            place_defaults: crate::patterns::lines(
                patterns.get("entities/place_defaults.tsv").unwrap_or(""),
            )
            .map(|l| (l.col(0).to_string(), l.col(1).to_string()))
            .collect(),
            currency_codes: crate::patterns::lines(
                patterns.get("penalties/currencies.tsv").unwrap_or(""),
            )
            .filter(|l| matches!(l.col(1), "prefix" | "both"))
            .map(|l| l.col(0))
            .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()))
            .map(str::to_string)
            .collect(),
            first_heads,
            rules: Rules::new(),
        })
    }

    /// Number of gazetteer entries loaded.
    pub fn gazetteer_len(&self) -> usize {
        self.gaz.len()
    }

    /// Fills `doc.entities` (sentences and dateline must already be found).
    pub fn run(&self, doc: &mut Document) {
        doc.entities = self.recognize(&doc.text, &doc.sentences);
        if let Some(org) = doc
            .dateline
            .as_ref()
            .and_then(|d| d.organization.as_deref())
        {
            self.dateline_org(&doc.text, org, &mut doc.entities);
        }
    }

    /// The organization a dateline names ("KUALA LUMPUR, 8 August 2023 (Faith &
    /// Freedom Asia) –") is an ORG wherever the text writes it, replacing the smaller
    /// entities inside it ("Asia"); an entity reaching beyond it stays.
    fn dateline_org(&self, text: &str, org: &str, ents: &mut Vec<Entity>) {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut found = Vec::new();
        for (at, _) in text.match_indices(org) {
            let span = Span::new(at, at + org.len());
            if word(text[..at].chars().next_back()) || word(text[span.end..].chars().next()) {
                continue;
            }
            let inside = |e: &Entity| e.span.start >= span.start && e.span.end <= span.end;
            let beyond = ents.iter().any(|e| {
                (e.span.overlaps(&span) && !inside(e)) || (e.span == span && e.label == Label::Org)
            });
            if !beyond {
                found.push(span);
            }
        }
        if found.is_empty() {
            return;
        }
        ents.retain(|e| !found.iter().any(|s| s.overlaps(&e.span)));
        ents.extend(found.into_iter().map(|span| Entity {
            span,
            label: Label::Org,
            canonical: org.to_string(),
            country: None,
            rule: self.rules.dateline_org.clone(),
        }));
        ents.sort_by_key(|e| e.span.start);
    }

    /// Entities of a text, sorted by start, not overlapping.
    pub fn recognize(&self, text: &str, sentences: &[Span]) -> Vec<Entity> {
        // token, hint, flag and start buffers are reused across the documents of a
        // thread (growing them anew for every document cost dozens of reallocations)
        thread_local! {
            static SCRATCH: std::cell::RefCell<Scratch> =
                std::cell::RefCell::new(Scratch::default());
        }
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            self.recognize_with(text, sentences, &mut scratch)
        })
    }

    fn recognize_with(&self, text: &str, sentences: &[Span], scratch: &mut Scratch) -> Vec<Entity> {
        let Scratch {
            toks,
            hints,
            starts,
            gaz,
        } = scratch;
        // one pass over the text: tokens, headline lines, the word-list flags of the
        // capitalized words, the tokens where each rule can start (every other token
        // is a no-op for it) and the words where a gazetteer entry may start
        starts.clear();
        gaz.clear();
        let scan = Scan {
            rec: self,
            text,
            starts: std::mem::take(starts),
            gaz: std::mem::take(gaz),
            lines: tokens::Headlines::default(),
            folded: String::new(),
        };
        let scan = tokens::tokenize_into(text, toks, scan);
        (*starts, *gaz) = (scan.starts, scan.gaz);
        tokens::mark_sentences(sentences, toks);
        hints.clear();
        hints.resize(toks.len(), rules::Hint::default());
        let toks: &[Token] = toks;
        let mut cands: Vec<Cand> = Vec::with_capacity(toks.len() / 8 + 16);
        self.gazetteer_pass(text, toks, gaz, hints, &mut cands);
        let starts: &rules::Starts = starts;
        let cx = rules::Ctx {
            text,
            toks,
            lex: &self.lex,
            hints,
            starts,
            first_heads: &self.first_heads,
        };
        let mut genders = Vec::new();
        rules::persons(&cx, &self.rules, &mut cands, &mut genders);
        rules::person_lists(&cx, &self.rules, &mut cands);
        rules::orgs_and_laws(&cx, &self.rules, &mut cands);
        rules::provisions(&cx, &self.rules, &mut cands);
        let mut ents = resolve(cands);
        canonical::acronyms(text, toks, hints, starts, &self.lex, &mut ents, &self.rules);
        if self.lex.provision_extend_of {
            canonical::extend_provisions(text, toks, &self.lex.provisions, &mut ents, &self.rules);
        }
        canonical::orgs(text, &mut ents);
        canonical::persons(text, toks, starts, &self.lex, &mut ents, &self.rules);
        canonical::places(text, &self.gaz, &self.place_defaults, &mut ents);
        into_entities(text, ents)
    }

    #[inline(never)]
    fn gazetteer_pass<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        starts: &[GazStart],
        hints: &mut [rules::Hint],
        out: &mut Vec<Cand<'g>>,
    ) {
        // every other word starts no entry (`Scan`); the words inside a match are
        // skipped
        let mut i = 0;
        for s in starts {
            if (s.tok as usize) < i {
                continue;
            }
            i = s.tok as usize;
            let t = toks[i];
            let word = (s.len > 0).then_some((s.hash, s.len as usize));
            let mut hit = self.gaz.match_started(text, t.start, s.may, word, s.slot);
            let mut caps_canonical = None;
            if hit.is_none() && t.is(tokens::LOWER) {
                // "anti-Muslim", "non-Muslim"
                hit = self.prefixed_norp(text, t);
            }
            if hit.is_none()
                && t.is(tokens::UPPER)
                && !t.is(tokens::HEADLINE)
                && caps_place_start(text, t)
            {
                // "LAHORE, Pakistan" in a dateline: look the place up in title case
                if let Some((h, canon)) = self.caps_place(text, toks, i) {
                    hit = Some(h);
                    caps_canonical = Some(canon);
                }
            }
            let Some(hit) = hit else {
                continue;
            };
            let best = &self.gaz.entries[hit.entries[0] as usize];
            if hit.case_insensitive && in_url(text, hit.start, hit.end) {
                continue;
            }
            // "US$790", "HK$5,000": a currency, not the place
            if text.as_bytes().get(hit.end) == Some(&b'$') {
                continue;
            }
            // "NPR 50,000", "EGP 500,000": a currency code before an amount
            if t.is(tokens::UPPER)
                && hit.end == t.end
                && text.as_bytes().get(hit.end) == Some(&b' ')
                && text
                    .as_bytes()
                    .get(hit.end + 1)
                    .is_some_and(u8::is_ascii_digit)
                && self.currency_codes.contains(t.text(text))
            {
                continue;
            }
            if best.stopped && !self.place_context(text, toks, i, hit.end) {
                continue;
            }
            let mut end = hit.end;
            let mut joined = false;
            // "in Gia Lai province": a place word after the name, in lower case
            let mut place_word_after = false;
            match best.label {
                Some(Label::Gpe | Label::Loc) if best.rank > 2 => {
                    // "Kiambu County"
                    if let Some(k) = toks[i..].iter().position(|x| x.start >= end).map(|k| k + i) {
                        let w = toks[k].text(text);
                        if &text[end..toks[k].start] == " " {
                            if self.lex.place_suffixes.contains(w) {
                                end = toks[k].end;
                                joined = true;
                            } else if self.lex.street_suffixes.contains(w) {
                                // "Thornbury Road": a street, not the town
                                continue;
                            } else if toks[k].is(tokens::LOWER) {
                                place_word_after = lexicon::with_capital(w, |c| {
                                    self.lex.place_suffixes.contains(c)
                                });
                            }
                        }
                    }
                }
                Some(Label::Org)
                    if text[hit.start..end].contains(' ') && text[end..].starts_with(' ') =>
                {
                    // "Amnesty International Indonesia": a national section
                    if let Some(h2) = self.gaz.match_at(text, end + 1) {
                        let b2 = &self.gaz.entries[h2.entries[0] as usize];
                        if b2.label == Some(Label::Gpe)
                            && &*b2.list == "countries"
                            && !text[h2.end..].starts_with(['\'', '\u{2019}'])
                        {
                            end = h2.end;
                            joined = true;
                        }
                    }
                }
                Some(Label::Norp) => {
                    // "British-Iranian", "Sunni Islam", "Sikh Americans"
                    let hyphen = text[end..].starts_with('-');
                    let space = text[end..].starts_with(' ');
                    let before = || {
                        let next = &text[end + 1..];
                        self.norp.join_before.iter().any(|w| {
                            next.starts_with(w.as_str())
                                && !next[w.len()..].starts_with(|c: char| c.is_alphanumeric())
                        })
                    };
                    if hyphen
                        || (space
                            && (self.norp.join_after.iter().any(|l| **l == *best.list) || before()))
                    {
                        if let Some(h2) = self.gaz.match_at(text, end + 1) {
                            let b2 = &self.gaz.entries[h2.entries[0] as usize];
                            if b2.label == Some(Label::Norp) && !b2.stopped {
                                end = h2.end;
                                joined = true;
                            }
                        }
                    }
                }
                _ => {}
            }
            let hit = gazetteer::Hit { end, ..hit };
            let caps_canonical = if joined {
                Some(text[hit.start..end].to_string())
            } else {
                caps_canonical
            };
            let mut j = i;
            while j < toks.len() && toks[j].start < hit.end {
                hints[j].covered = true;
                hints[j].gpe = best.label == Some(Label::Gpe);
                hints[j].blocked = best.label.is_none();
                j += 1;
            }
            if best.label.is_none() {
                out.push(Cand {
                    block: true,
                    ..Cand::new(
                        Span::new(hit.start, hit.end),
                        Label::Org,
                        best.list.clone(),
                        10,
                    )
                });
            }
            if let Some(label) = best.label {
                hints[i].strong = best.rank <= 2;
                // a country, a listed organization or a region wins over an ORG or
                // LAW run of the same span ("the Soviet Union", "the West Bank" are
                // no ORG for their head word); a person's name wins over a region
                // a place followed by "province" or "district" wins over a person
                let prio = match best.rank {
                    _ if place_word_after => 7,
                    0 | 1 => 6,
                    2 => 4,
                    3 => 5,
                    _ => 3,
                };
                // "The Express Tribune", "The Gambia": a leading "The" of a listed
                // name is no part of the span (SCHEMA: "the" is not part of ORG, GPE,
                // LOC or LAW spans; the entry still needs it to match)
                let start = if label != Label::Person
                    && label != Label::Norp
                    && text[hit.start..hit.end].starts_with("The ")
                {
                    hit.start + 4
                } else {
                    hit.start
                };
                out.push(Cand {
                    span: Span::new(start, hit.end),
                    label,
                    rule: best.list.clone(),
                    prio,
                    entries: hit.entries,
                    canonical: caps_canonical,
                    country: None,
                    block: false,
                });
            }
            while i < toks.len() && toks[i].start < hit.end {
                i += 1;
            }
        }
    }

    /// A NORP after a lower-case prefix, filling the whole word ("anti-Sikh").
    fn prefixed_norp<'g>(&'g self, text: &str, t: Token) -> Option<gazetteer::Hit<'g>> {
        if !self.norp.prefix_first[text.as_bytes()[t.start] as usize] {
            return None;
        }
        let w = t.text(text);
        let p = self
            .norp
            .prefixes
            .iter()
            .find(|p| w.starts_with(p.as_str()))?;
        let h = self.gaz.match_at(text, t.start + p.len())?;
        let e = &self.gaz.entries[h.entries[0] as usize];
        (e.label == Some(Label::Norp) && h.end == t.end).then_some(gazetteer::Hit {
            start: t.start,
            ..h
        })
    }

    /// A stop-listed place name counts only after a locative preposition and before
    /// punctuation: "from Reading, ...", "of Sale, who ...".
    fn place_context(&self, text: &str, toks: &[Token], i: usize, end: usize) -> bool {
        if i == 0 || toks[i].is(tokens::SENT_START) {
            return false;
        }
        if !place_preposition(toks[i - 1].text(text)) {
            return false;
        }
        matches!(
            text[end..].chars().next(),
            Some(',' | '.' | ';' | ')') | None
        )
    }

    /// A place written in capitals starting at token `i` ("CEDAR RAPIDS"): the hit in
    /// the original text and the title-case surface.
    fn caps_place<'g>(
        &'g self,
        text: &str,
        toks: &[Token],
        i: usize,
    ) -> Option<(gazetteer::Hit<'g>, String)> {
        let mut j = i + 1;
        loop {
            // (an abbreviation's period inside the run: "ST. PETERSBURG")
            let k = match toks.get(j) {
                Some(p) if p.start == toks[j - 1].end && text[p.start..p.end] == *"." => j + 1,
                _ => j,
            };
            match toks.get(k) {
                Some(t) if t.is(tokens::UPPER) && text[toks[k - 1].end..t.start] == *" " => {
                    j = k + 1
                }
                _ => break,
            }
        }
        // "WASHINGTON, D.C.": a comma, then capitals and periods written together
        // (the run is looked up whole: the gazetteer takes its longest key)
        if toks
            .get(j)
            .is_some_and(|c| c.start == toks[j - 1].end && text[c.start..c.end] == *",")
        {
            let mut k = j + 1;
            while let Some(t) = toks.get(k) {
                let w = &text.as_bytes()[t.start..t.end];
                let joined = if k == j + 1 {
                    text[toks[j].end..t.start] == *" "
                } else {
                    t.start == toks[k - 1].end
                };
                if !joined || !(w == b"." || w.iter().all(u8::is_ascii_uppercase)) {
                    break;
                }
                k += 1;
            }
            if k > j + 1 {
                j = k;
            }
        }
        let raw = &text[toks[i].start..toks[j - 1].end];
        // title case in a stack buffer (most of these words are no place)
        let mut buf = [0u8; 64];
        let heap;
        let title: &str = if raw.len() <= buf.len() && raw.is_ascii() {
            let mut prev_alpha = false;
            for (d, &c) in buf.iter_mut().zip(raw.as_bytes()) {
                *d = if prev_alpha {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                prev_alpha = c.is_ascii_alphabetic();
            }
            std::str::from_utf8(&buf[..raw.len()]).expect("ASCII")
        } else {
            let mut t = String::with_capacity(raw.len());
            let mut prev_alpha = false;
            // ("SAN JOSÉ": letters outside ASCII lower-cased too)
            for c in raw.chars() {
                if prev_alpha {
                    t.extend(c.to_lowercase());
                } else {
                    t.push(c);
                }
                prev_alpha = c.is_alphabetic();
            }
            heap = t;
            if heap.len() != raw.len() {
                return None;
            }
            &heap
        };
        let h = self.gaz.match_at(title, 0)?;
        let e = &self.gaz.entries[h.entries[0] as usize];
        if !matches!(e.label, Some(Label::Gpe | Label::Loc)) {
            return None;
        }
        let surface = title[..h.end].to_string();
        Some((
            gazetteer::Hit {
                start: toks[i].start + h.start,
                end: toks[i].start + h.end,
                ..h
            },
            surface,
        ))
    }

    /// Gender implied by the titles in front of the mentions of a person
    /// ("Mrs. Bibi" → female), looking at every mention with the same canonical.
    pub fn person_gender(&self, doc: &Document, canonical: &str) -> Option<Gender> {
        doc.entities
            .iter()
            .filter(|e| e.label == Label::Person && e.canonical == canonical)
            .find_map(|e| self.title_gender_before(&doc.text, e.span.start))
    }

    /// Gender of a title that ends right before byte offset `pos`.
    pub fn title_gender_before(&self, text: &str, pos: usize) -> Option<Gender> {
        let mut from = pos.saturating_sub(40);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..pos];
        let mut toks = Vec::new();
        tokens::tokenize(window, &mut toks);
        let n = toks.len();
        (1..=n.min(4)).rev().find_map(|len| {
            let i = n - len;
            match self.lex.title_at(window, &toks, i) {
                Some((l, t)) if l == len => t.gender,
                _ => None,
            }
        })
    }
}

/// True when bytes start..end lie in a URL, e-mail address or file path.
fn in_url(text: &str, start: usize, end: usize) -> bool {
    let a = text[..start]
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let b = text[end..]
        .find(|c: char| c.is_whitespace())
        .map_or(text.len(), |p| end + p);
    let chunk = &text[a..b];
    chunk.contains("://") || chunk.contains("www.") || chunk.contains('@') || chunk.contains('/')
}

/// The resolved candidates as entities (the surface is the canonical name by default).
#[inline(never)]
fn into_entities(text: &str, ents: Vec<Cand>) -> Vec<Entity> {
    ents.into_iter()
        .map(|c| Entity {
            canonical: c.canonical.unwrap_or_else(|| c.span.text(text).to_string()),
            span: c.span,
            label: c.label,
            country: c.country,
            rule: c.rule,
        })
        .collect()
}

/// A preposition that puts the capitalized word after it in place context.
fn place_preposition(w: &str) -> bool {
    matches!(w, "in" | "from" | "of" | "at" | "near" | "to")
}

/// Longest candidates first, then higher priority, then earlier; no overlaps.
///
/// A candidate is taken unless a candidate before it in that order took one of its
/// bytes, and only candidates that overlap it (directly or through a chain of
/// overlaps) can: so the candidates are cut into such clusters (by start), and the
/// order is applied within each cluster — most candidates overlap nothing.
#[inline(never)]
fn resolve(cands: Vec<Cand<'_>>) -> Vec<Cand<'_>> {
    // the order key: blocks first, then longest, then highest priority, then
    // earliest; the index keeps equal candidates in order
    let key = |i: usize| -> u128 {
        let c = &cands[i];
        let len = u32::MAX - c.span.len() as u32;
        (u128::from(!c.block) << 127)
            | (u128::from(len) << 95)
            | (u128::from(255 - c.prio) << 87)
            | ((c.span.start as u128) << 32)
            | i as u128
    };
    // (start, index), by start: the rules add candidates in a few ascending runs
    let mut by_start: Vec<(usize, u32)> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.span.start, i as u32))
        .collect();
    // (the keys are distinct: any sort orders them the same; the stable one merges
    // the ascending runs instead of partitioning them)
    by_start.sort();
    let mut keep = vec![false; cands.len()];
    let mut cluster: Vec<u128> = Vec::new();
    let mut taken: Vec<Span> = Vec::new();
    let mut a = 0;
    while a < by_start.len() {
        // the cluster by_start[a..b]: each member starts before the greatest end so far
        let mut end = cands[by_start[a].1 as usize].span.end;
        let mut b = a + 1;
        while b < by_start.len() && by_start[b].0 < end {
            end = end.max(cands[by_start[b].1 as usize].span.end);
            b += 1;
        }
        if b == a + 1 {
            let c = &cands[by_start[a].1 as usize];
            keep[by_start[a].1 as usize] = !c.span.is_empty() && !c.block;
        } else {
            cluster.clear();
            cluster.extend(by_start[a..b].iter().map(|&(_, i)| key(i as usize)));
            cluster.sort_unstable();
            taken.clear();
            for &k in &cluster {
                let i = k as u32 as usize;
                let c = &cands[i];
                if c.span.is_empty()
                    || taken
                        .iter()
                        .any(|t| t.start < c.span.end && c.span.start < t.end)
                {
                    continue;
                }
                taken.push(c.span);
                keep[i] = !c.block;
            }
        }
        a = b;
    }
    // the kept candidates in the order of `by_start`: by start (the kept spans are
    // disjoint and not empty, so their starts are distinct)
    let n = keep.iter().filter(|&&k| k).count();
    let mut slots: Vec<Option<Cand>> = cands.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(n);
    for &(_, i) in &by_start {
        if keep[i as usize] {
            out.extend(slots[i as usize].take());
        }
    }
    out
}

/// An ALL-CAPS word that may start a place written in capitals: three letters or
/// more ("LAHORE"), or an abbreviation with its period ("ST. LOUIS").
fn caps_place_start(text: &str, t: tokens::Token) -> bool {
    t.end - t.start >= 3 || text[t.end..].starts_with(". ")
}
