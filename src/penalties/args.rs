//! A penalty's arguments: who received or faces it (subject), for what (offense)
//! and under which law, from the cue words in `patterns/penalties/`.

use anyhow::{bail, Context, Result};
use regex::{Regex, RegexBuilder};

use super::phrases::{ascii_boundaries, keyword_column, KeyHits, Keywords, Lower, PhraseSet};
use super::quantity;
use super::status::{normalize, normalize_cow};
use crate::document::{Document, Label, Mention, Span, Timex};
use crate::hash::FxSet as HashSet;

use crate::patterns::{lines, word_list, Patterns};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OffenseScope {
    /// Right after the penalty ("for blasphemy").
    After,
    /// Anywhere in the sentence or the one before ("convicted of wire fraud").
    Sentence,
}

pub struct Args {
    aux: WordSet,
    intro: WordSet,
    clause: WordSet,
    /// Clause words opening a relative clause, which holds no subject ("who").
    relative: WordSet,
    /// Relative words that refer to a person ("who"): the name right before
    /// one is whom its clause is about.
    personal: WordSet,
    /// Words of a company's legal form ("Inc."): a segment of them alone is
    /// no subject.
    org_suffix: WordSet,
    pronoun: WordSet,
    title: WordSet,
    generic: Vec<String>,
    /// The length of the longest `generic` phrase.
    generic_max: usize,
    /// The first words of the `generic` phrases.
    generic_first: WordSet,
    /// Determiners (ASCII words) and their kinds ([`det`]).
    determiners: Vec<(String, u8)>,
    cut: WordSet,
    /// Words that only follow a noun: no subject phrase starts with one.
    after_noun: WordSet,
    adverb: WordSet,
    sentencer: WordSet,
    /// Nouns naming people ("pastor", "women").
    person: WordSet,
    /// Words that open a counted subject ("two women", "each man").
    quantifier: WordSet,
    /// (cue regex, scope, whether it has an `o` group).
    offense_cues: Vec<(Regex, OffenseScope, bool)>,
    /// Keyword prefilter over `offense_cues`.
    offense_keys: Keywords,
    offense_stops: PhraseSet<bool>,
    offense_reject: Vec<String>,
    /// The first bytes of the `offense_reject` phrases (without a trailing `$`),
    /// and whether one of them is empty: a candidate starting with another byte
    /// is no rejected one.
    reject_first: Box<[bool; 256]>,
    reject_empty: bool,
    /// Words an offense phrase does not end with ("... a video in").
    offense_tail: WordSet,
    laws: Vec<Regex>,
    /// Keyword prefilter over `laws`.
    law_keys: Keywords,
}

/// Kinds of determiner (`subject_words.tsv` roles), as bits: a test names the
/// kinds it accepts.
pub mod det {
    /// "a", "an"
    pub const INDEFINITE: u8 = 1;
    /// "the", "its"
    pub const DEFINITE: u8 = 2;
    /// "his", "her", "their"
    pub const POSSESSIVE: u8 = 4;
    /// "this", "that", "these", "those"
    pub const DEMONSTRATIVE: u8 = 8;
    pub const ARTICLE: u8 = INDEFINITE | DEFINITE;
    pub const ANY: u8 = ARTICLE | POSSESSIVE | DEMONSTRATIVE;
}

/// An age between commas: one to three ASCII digits.
fn is_age(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// A short lowercase description before a name: "his wife", "co-defendant".
fn is_descriptor(s: &str) -> bool {
    s.split(' ').count() <= 3
        && s.split(' ')
            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-' || c == '\''))
}

/// One to five name words ([`Args::is_name_word`]).
fn is_short_name(s: &str) -> bool {
    let n = s.split_whitespace().count();
    (1..=5).contains(&n) && s.split_whitespace().all(Args::is_name_word)
}

/// The start of the person coordinated before the name at `at` when ages (and a
/// home town) stand between them: "[John Doherty], 45, of Miami, and Maria
/// Keane", "[X], 38, and his wife, Y".
fn coordinated_start(text: &str, s0: usize, at: usize) -> Option<usize> {
    if !text[at..].starts_with(char::is_uppercase) {
        return None;
    }
    let before = &text[s0..at];
    // "and " or "and his wife, " before the name
    let and = before.rfind(" and ")?;
    let between = &before[and + 5..];
    if !(between.is_empty() || between.strip_suffix(", ").is_some_and(is_descriptor)) {
        return None;
    }
    // ", 45," or ", 45, of Miami," before "and"
    let head = before[..and].strip_suffix(',').unwrap_or(&before[..and]);
    let head = match head.rfind(", of ") {
        Some(k)
            if head[k + 5..]
                .split(' ')
                .all(|w| w.starts_with(char::is_uppercase)) =>
        {
            &head[..k]
        }
        _ => head,
    };
    let (name, age) = head.rsplit_once(", ")?;
    if !is_age(age) {
        return None;
    }
    // the name: capitalized words back to the clause's start or a comma
    let from = name.rfind([',', ';', ':']).map_or(0, |k| k + 1);
    if !is_short_name(&name[from..]) {
        return None;
    }
    Some(s0 + from + (name[from..].len() - name[from..].trim_start().len()))
}

/// A set of words with a quick test before the hash lookup: which (first
/// byte, length) pairs its words have (most words looked up are ruled out by
/// that alone).
struct WordSet {
    set: HashSet<String>,
    /// Bit `min(length, 63)` of `shapes[first byte]` for each word.
    shapes: Box<[u64; 256]>,
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet {
            set: HashSet::default(),
            shapes: Box::new([0; 256]),
        }
    }
}

impl WordSet {
    fn insert(&mut self, w: String) -> bool {
        if let Some(&f) = w.as_bytes().first() {
            self.shapes[usize::from(f)] |= 1 << w.len().min(63);
        }
        self.set.insert(w)
    }

    fn contains(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&f) if self.shapes[usize::from(f)] >> w.len().min(63) & 1 == 0 => false,
            _ => self.set.contains(w),
        }
    }

    /// `self.contains(&w.lower())`, lowercasing only a word that passes the
    /// quick test (an ASCII word keeps its length when lowercased).
    fn contains_lower(&self, w: &str, buf: &mut LowerBuf) -> bool {
        if let Some(&f) = w.as_bytes().first() {
            if w.is_ascii()
                && self.shapes[usize::from(f.to_ascii_lowercase())] >> w.len().min(63) & 1 == 0
            {
                return false;
            }
        }
        self.contains(lower_in(w, buf))
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(it: I) -> Self {
        let mut s = WordSet::default();
        for w in it {
            s.insert(w);
        }
        s
    }
}

/// Words of `s` with their byte ranges (relative to `s`); a word is a run of
/// non-space characters with surrounding punctuation (other than . ’ ' -) trimmed.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    if s.is_ascii() {
        // The same, byte by byte.
        let spaces = s.bytes().map(super::status::is_ascii_space);
        runs(spaces.enumerate(), s.len(), &mut out);
    } else {
        runs(
            s.char_indices().map(|(i, c)| (i, c.is_whitespace())),
            s.len(),
            &mut out,
        );
    }
    out
}

/// The runs of non-space positions in `(position, is space)`, ending at `len`.
#[inline]
fn runs(it: impl Iterator<Item = (usize, bool)>, len: usize, out: &mut Vec<(usize, usize)>) {
    let mut start = None;
    for (i, space) in it {
        if space {
            if let Some(a) = start.take() {
                out.push((a, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        out.push((a, len));
    }
}

/// A buffer for [`lower_in`]: short ASCII words are lowercased into an inline
/// array, anything else into a string (no allocation for the common words).
#[derive(Default)]
struct LowerBuf {
    short: [u8; 32],
    long: String,
}

/// `s.lower()` written into `buf` (no allocation for ASCII words of up to 32 bytes).
fn lower_in<'a>(s: &'a str, buf: &'a mut LowerBuf) -> &'a str {
    let b = s.as_bytes();
    if b.len() <= buf.short.len() {
        // One pass over a short word: ASCII without a capital is itself, other
        // ASCII is lowercased into the array.
        let (mut ascii, mut upper) = (true, false);
        for &c in b {
            ascii &= c.is_ascii();
            upper |= c.is_ascii_uppercase();
        }
        if ascii {
            if !upper {
                return s;
            }
            let out = &mut buf.short[..b.len()];
            for (o, &c) in out.iter_mut().zip(b) {
                *o = c.to_ascii_lowercase();
            }
            return std::str::from_utf8(out).expect("ASCII");
        }
    } else if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return s;
    }
    let long = &mut buf.long;
    long.clear();
    if s.is_ascii() {
        long.push_str(s);
        long.make_ascii_lowercase();
    } else {
        long.push_str(&s.to_lowercase());
    }
    long
}

/// Whether `s` lowercased is one of `words` (ASCII words without a "k": the
/// only non-ASCII characters that lowercase to ASCII are KELVIN SIGN, to "k",
/// and I WITH DOT ABOVE, to "i" and a combining dot, so ASCII case-insensitive
/// equality is the same test).
fn lower_is(s: &str, words: &[&str]) -> bool {
    debug_assert!(words.iter().all(|w| w.is_ascii() && !w.contains('k')));
    words.iter().any(|w| s.eq_ignore_ascii_case(w))
}

/// The item of an iterator that yields exactly one.
fn sole<T>(mut it: impl Iterator<Item = T>) -> Option<T> {
    match (it.next(), it.next()) {
        (Some(x), None) => Some(x),
        _ => None,
    }
}

/// The document's entities from the first one starting at or after `pos`
/// (entities are sorted by start).
fn entities_from(doc: &Document, pos: usize) -> &[crate::document::Entity] {
    debug_assert!(doc
        .entities
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    let i = doc.entities.partition_point(|e| e.span.start < pos);
    &doc.entities[i..]
}

/// `b`, or past the closing quote right after it when `text[a..b]` leaves a
/// quote open (`spreading "rumors` + `"`).
fn close_quote(text: &str, a: usize, b: usize) -> usize {
    let t = &text[a..b];
    // (American style puts the comma inside: “false information,”.)
    let rest = text[b..].trim_start_matches([',', '.']);
    let at = text.len() - rest.len();
    // (The quotes are counted only before a closing one.)
    if rest.starts_with('"') && t.matches('"').count() % 2 == 1 {
        at + 1
    } else if rest.starts_with('”') && t.matches('“').count() > t.matches('”').count() {
        at + '”'.len_utf8()
    } else {
        b
    }
}

fn trim_span(text: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let is_trim = |c: char| {
        // `*` and `_`: Markdown emphasis around a name ("sentenced **X**, 52,").
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '–' | '—' | '*' | '_'
            )
    };
    while a < b {
        let c = text[a..b].chars().next().expect("non-empty");
        if is_trim(c) {
            a += c.len_utf8();
        } else {
            break;
        }
    }
    while a < b {
        let c = text[a..b].chars().next_back().expect("non-empty");
        if is_trim(c) || c == '.' && !text[a..b - 1].ends_with(|c: char| c.is_uppercase()) {
            b -= c.len_utf8();
        } else {
            break;
        }
    }
    (a, b)
}

impl Args {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let path = "penalties/subject_words.tsv";
        let (mut aux, mut intro, mut clause, mut pronoun, mut title) = (
            WordSet::default(),
            WordSet::default(),
            WordSet::default(),
            WordSet::default(),
            WordSet::default(),
        );
        let mut relative = WordSet::default();
        let (mut personal, mut org_suffix) = (WordSet::default(), WordSet::default());
        let mut after_noun = WordSet::default();
        let mut determiners = Vec::new();
        let mut quantifier = WordSet::default();
        let (mut generic, mut cut, mut adverb, mut sentencer, mut person) = (
            Vec::new(),
            WordSet::default(),
            WordSet::default(),
            WordSet::default(),
            WordSet::default(),
        );
        for l in lines(patterns.require(path)?) {
            let w = l.col(0).to_lowercase();
            match l.col(1) {
                "aux" => aux.insert(w),
                "intro" => intro.insert(w),
                "clause" => clause.insert(w),
                "relative" => {
                    relative.insert(w.clone());
                    clause.insert(w)
                }
                "personal" => {
                    relative.insert(w.clone());
                    personal.insert(w.clone());
                    clause.insert(w)
                }
                "org_suffix" => org_suffix.insert(w),
                "pronoun" => pronoun.insert(w),
                "title" => title.insert(w),
                "generic" => {
                    generic.push(w);
                    true
                }
                "cut" => cut.insert(w),
                r @ ("indefinite" | "definite" | "possessive" | "demonstrative") => {
                    if !w.is_ascii() {
                        bail!("{path}:{}: a determiner is an ASCII word", l.number);
                    }
                    let kind = match r {
                        "indefinite" => det::INDEFINITE,
                        "definite" => det::DEFINITE,
                        "possessive" => det::POSSESSIVE,
                        _ => det::DEMONSTRATIVE,
                    };
                    determiners.push((w, kind));
                    true
                }
                "after_noun" => {
                    after_noun.insert(w.clone());
                    cut.insert(w)
                }
                "adverb" => adverb.insert(w),
                "sentencer" => sentencer.insert(w),
                "person" => person.insert(w),
                "quantifier" => quantifier.insert(w),
                r => bail!("{path}:{}: unknown role {r:?}", l.number),
            };
        }
        let path = "penalties/offense_cues.tsv";
        let mut offense_cues = Vec::new();
        let mut keys = Vec::new();
        for l in lines(patterns.require(path)?) {
            let src = ascii_boundaries(l.col(0));
            let re = RegexBuilder::new(&src)
                .case_insensitive(true)
                .build()
                .with_context(|| format!("{path}:{}: bad regex", l.number))?;
            let scope = match l.col(1) {
                "after" => OffenseScope::After,
                "sentence" => OffenseScope::Sentence,
                s => bail!(
                    "{path}:{}: scope must be after or sentence, not {s:?}",
                    l.number
                ),
            };
            keys.push(keyword_column(l.col(2)));
            let has_o = re.capture_names().any(|n| n == Some("o"));
            offense_cues.push((re, scope, has_o));
        }
        let offense_keys = Keywords::new(&keys, true, path)?;
        let path = "penalties/offense_stops.txt";
        // A phrase marked `keep` is no stop: it shadows a shorter stop inside it
        // ("possession with intent to distribute" goes on past "with").
        let mut stops = Vec::new();
        for l in lines(patterns.require(path)?) {
            let stop = match l.col(1) {
                "" => true,
                "keep" => false,
                s => bail!(
                    "{path}:{}: the second column is empty or keep, not {s:?}",
                    l.number
                ),
            };
            stops.push((l.col(0).to_string(), stop));
        }
        let offense_stops = PhraseSet::new(stops, path)?;
        let offense_reject: Vec<String> =
            word_list(patterns.require("penalties/offense_reject.txt")?)
                .map(normalize)
                .collect();
        let mut reject_first = Box::new([false; 256]);
        let mut reject_empty = false;
        for r in &offense_reject {
            match r.strip_suffix('$').unwrap_or(r).as_bytes().first() {
                Some(&b) => reject_first[usize::from(b)] = true,
                None => reject_empty = true,
            }
        }
        let offense_tail = word_list(patterns.require("penalties/offense_tail.txt")?)
            .map(normalize)
            .collect();
        let path = "penalties/laws.tsv";
        let mut laws = Vec::new();
        let mut keys = Vec::new();
        for l in lines(patterns.require(path)?) {
            let src = ascii_boundaries(l.col(1));
            laws.push(
                Regex::new(&src).with_context(|| {
                    format!("{path}:{}: bad regex for {:?}", l.number, l.col(0))
                })?,
            );
            keys.push(keyword_column(l.col(2)));
        }
        let law_keys = Keywords::new(&keys, false, path)?;
        Ok(Args {
            aux,
            intro,
            clause,
            relative,
            personal,
            org_suffix,
            pronoun,
            title,
            generic_max: generic.iter().map(String::len).max().unwrap_or(0),
            generic_first: generic
                .iter()
                .map(|g| g.split(' ').next().unwrap_or("").to_string())
                .collect(),
            generic,
            sentencer,
            person,
            quantifier,
            determiners,
            cut,
            after_noun,
            adverb,
            offense_cues,
            offense_keys,
            offense_stops,
            offense_reject,
            reject_first,
            reject_empty,
            offense_tail,
            laws,
            law_keys,
        })
    }

    fn is_name_word(w: &str) -> bool {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                w,
                "and" | "bin" | "bint" | "ibn" | "al" | "el" | "de" | "van" | "von" | "da"
            )
            || w.starts_with("al-")
    }

    /// Whether `w` is an auxiliary ("was", "will").
    pub fn is_aux(&self, w: &str) -> bool {
        self.aux.contains_lower(w, &mut LowerBuf::default())
    }

    /// Whether `s` is a lone quantifier ("each", "both").
    pub fn is_quantifier(&self, s: &str) -> bool {
        self.quantifier.contains_lower(s, &mut LowerBuf::default())
    }

    /// Whether a subject is anyone at all ("anyone found guilty of ...").
    pub fn is_generic(&self, text: &str) -> bool {
        // A generic phrase's first word is the text's first word: most texts
        // are ruled out by that alone.
        if let Some(w) = text.split_whitespace().next() {
            if !self
                .generic_first
                .contains_lower(w, &mut LowerBuf::default())
            {
                return false;
            }
        }
        // Only the normalized text's first `generic_max + 1` bytes matter.
        let mut l = String::with_capacity(self.generic_max + 24);
        for w in text.split_whitespace() {
            if l.len() > self.generic_max {
                break;
            }
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(&w.lower());
        }
        self.generic.iter().any(|g| {
            l.strip_prefix(g.as_str())
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        })
    }

    /// A phrase naming who or what imposes a penalty ("A court in Penza", "The
    /// judge", "China's Criminal Law"): its first word after an article, or its
    /// last word, is a `sentencer` word.
    pub fn is_sentencer(&self, text: &str) -> bool {
        // Only the first word after the articles and the last word are
        // lowercased (the articles are ASCII words without a letter that a
        // non-ASCII one lowercases to: ASCII case-insensitive equality is the test).
        let mut ws = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty());
        let article = |w: &str| self.is_det(w, det::ARTICLE | det::DEMONSTRATIVE);
        // The first word after the articles, the last of the words after it.
        let first = ws.find(|w| !article(w));
        let last = first.and_then(|_| ws.next_back());
        let mut buf = LowerBuf::default();
        first
            .into_iter()
            .chain(last)
            .any(|w| self.sentencer.contains(lower_in(w, &mut buf)))
    }

    /// [`Self::is_sentencer`] for a subject mention, or a person named after a
    /// sentencer title ("Chief U.S. District Judge Beryl A. Howell ordered ...").
    pub fn is_sentencer_mention(&self, doc: &Document, span: Span) -> bool {
        self.is_sentencer(doc.slice(span))
            || entities_from(doc, span.start + 1)
                .iter()
                .take_while(|e| e.span.start < span.end)
                .find(|e| e.label == Label::Person)
                .is_some_and(|e| {
                    e.span.end <= span.end
                        && self.names_sentencer(&doc.text[span.start..e.span.start])
                })
    }

    /// Whether the word right before `start` in the sentence from `s0` is a
    /// sentencer: a subject "[Judge] Whitcomb" whose title was dropped.
    pub fn sentencer_before(&self, text: &str, s0: usize, start: usize) -> bool {
        let w = text[s0.min(start)..start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        !w.is_empty() && self.names_sentencer(w)
    }

    /// Any word of the words before a name is a sentencer ("Syariah High Court
    /// [judge] Datuk X", "Presiding [Judge] X").
    fn names_sentencer(&self, prefix: &str) -> bool {
        let mut buf = LowerBuf::default();
        prefix
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .any(|w| !w.is_empty() && self.sentencer.contains(lower_in(w, &mut buf)))
    }

    /// People where an offense was looked for: "a ten-year sentence for [the
    /// pastor]", "Death Sentence for [Christian Woman]", "for [Jehovah's
    /// Witness] in Tomsk". The phrase `sp` up to its head: a PERSON entity (not
    /// a possessor: "for Ali's murder" is an offense), a group (NORP) entity
    /// that no noun follows ("for Christian activities" is an offense) or that
    /// a `person` word follows, a title and the name after it, or a `person`
    /// word within its first three words after an article or a number.
    pub fn person_phrase(&self, doc: &Document, sp: Span) -> Option<Span> {
        let s = doc.slice(sp);
        let ws = words(s);
        let mut buf = LowerBuf::default();
        let bare = |(a, b): (usize, usize)| s[a..b].trim_end_matches([',', ';', ':', '.']);
        let det = ws
            .iter()
            .take_while(|&&(a, b)| {
                self.is_det(&s[a..b], det::ANY) || s[a..b].bytes().all(|c| c.is_ascii_digit())
            })
            .count();
        let rest = &ws[det..];
        let &(h0, _) = rest.first()?;
        let upto = |b: usize| {
            let (a, b) = trim_span(&doc.text, sp.start, sp.start + b);
            (a < b).then(|| Span::new(a, b))
        };
        let entity = entities_from(doc, sp.start + h0)
            .first()
            .filter(|e| e.span.start == sp.start + h0 && e.span.end <= sp.end);
        if let Some(e) = entity {
            let after = &doc.text[e.span.end..sp.end];
            match e.label {
                Label::Person if !after.starts_with(['\'', '’']) => {
                    return upto(e.span.end - sp.start)
                }
                Label::Norp => {
                    let base = e.span.end - sp.start;
                    let Some(&(a, b)) = words(after).first() else {
                        return upto(base);
                    };
                    let (a, b) = (base + a, base + b);
                    let w = bare((a, b));
                    return if self.person.contains_lower(w, &mut buf) {
                        upto(a + w.len())
                    } else if w.starts_with(|c: char| c.is_lowercase())
                        && (self.cut.contains(w) || self.clause.contains(w))
                    {
                        upto(base)
                    } else {
                        None
                    };
                }
                _ => {}
            }
        }
        for (k, &(a, b)) in rest.iter().enumerate().take(3) {
            let w = bare((a, b));
            if k == 0 && self.title.contains_lower(w, &mut buf) {
                let name = rest[1..]
                    .iter()
                    .take_while(|&&p| Self::is_name_word(bare(p)) && bare(p) != "and")
                    .last();
                if let Some(&p) = name {
                    return upto(p.0 + bare(p).len());
                }
            }
            if self.person.contains_lower(w, &mut buf) {
                // ("for illegal missionary [activity]": a person word before a
                // lowercase noun only describes it; the phrase is an offense)
                let modifier = w == &s[a..b]
                    && rest.get(k + 1).is_some_and(|&p| {
                        let n = bare(p);
                        n.chars().all(char::is_lowercase)
                            && !n.is_empty()
                            && !self.cut.contains(n)
                            && !self.clause.contains(n)
                            && !self.aux.contains(n)
                            && !self.is_det(n, det::ANY)
                            && !lower_is(n, &["and", "or", "of", "with", "to", "as"])
                    });
                if modifier {
                    return None;
                }
                return upto(a + w.len());
            }
            let l = lower_in(w, &mut buf);
            if l.ends_with("ing") || self.cut.contains(l) || w.is_empty() || w != &s[a..b] {
                return None;
            }
        }
        None
    }

    /// The possessor right before a penalty: "upheld [his] six-year prison
    /// sentence", "[Lozhkin]'s sentence" (a PERSON entity only: "Iran's death
    /// penalty" has none).
    pub fn possessor(&self, doc: &Document, s0: usize, start: usize) -> Option<Span> {
        let before = doc.text[s0..start].trim_end();
        let at = s0 + before.len();
        if let Some(w) = before.rsplit(char::is_whitespace).next() {
            if self.is_det(w, det::POSSESSIVE) {
                return Some(Span::new(at - w.len(), at));
            }
        }
        let owner = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("’s"))?;
        let end = s0 + owner.len();
        doc.entities
            .iter()
            .find(|e| e.label == Label::Person && e.span.end == end && e.span.start >= s0)
            .map(|e| e.span)
    }

    /// Words of a subject phrase: titles dropped in front, cut before a cut
    /// word, a comma or "of a/an/the", at most `max` words.
    fn np(&self, region: &str, ws: &[(usize, usize)], max: usize) -> Option<(usize, usize)> {
        let mut i = 0;
        let mut buf = LowerBuf::default();
        while i < ws.len() {
            let w = &region[ws[i].0..ws[i].1];
            if self.title.contains_lower(w, &mut buf)
                || self
                    .adverb
                    .contains_lower(w.trim_end_matches(','), &mut buf)
                || lower_is(w, &["but", "so", "and"])
            {
                i += 1;
            } else {
                break;
            }
        }
        let mut end = None;
        for j in i..ws.len() {
            let raw = &region[ws[j].0..ws[j].1];
            let w = raw.trim_end_matches([',', ';', ':']);
            // ("[one] was placed in detention", "[ICM] had recorded"; no phrase
            // starts with a word that only follows a noun: "sentences [totalling]
            // 12 years")
            // ("the main [accused], X and Y": a cut word that ends a phrase opened
            // by an article, with only lowercase words between, is its noun)
            let noun = j > i
                && (raw.ends_with(',') || j + 1 == ws.len())
                && self.is_det(&region[ws[i].0..ws[i].1], det::ARTICLE)
                && ws[i + 1..j]
                    .iter()
                    .all(|&(a, b)| region[a..b].chars().all(char::is_lowercase));
            if j > i
                && (!noun && self.cut.contains_lower(w, &mut buf)
                    || self.aux.contains_lower(w, &mut buf))
                || self.after_noun.contains_lower(w, &mut buf)
            {
                break;
            }
            // ("[two of his cousins]": a quantifier alone goes on with "of")
            let counted = j == i + 1
                && self
                    .quantifier
                    .contains_lower(&region[ws[i].0..ws[i].1], &mut buf);
            if j > i
                && !counted
                && lower_is(w, &["of"])
                && ws
                    .get(j + 1)
                    .is_some_and(|n| self.is_det(&region[n.0..n.1], det::ARTICLE | det::POSSESSIVE))
            {
                break;
            }
            end = Some(j);
            if raw.ends_with([',', ';', ':']) || j + 1 - i >= max {
                break;
            }
        }
        let end = end?;
        Some((ws[i].0, ws[end].1))
    }

    /// Whether the words right before `pos` (auxiliaries skipped) end in a
    /// relative word: "…, which had [upheld]".
    pub fn relative_before(&self, text: &str, s0: usize, pos: usize) -> bool {
        let mut buf = LowerBuf::default();
        text[s0..pos]
            .split_whitespace()
            .rev()
            .find(|w| !self.aux.contains_lower(w, &mut buf))
            .is_some_and(|w| self.relative.contains_lower(w, &mut buf))
    }

    /// Whether `w` is a determiner of one of the `kinds` ([`det`]), ASCII
    /// case-insensitively (a determiner is an ASCII word without a letter that a
    /// non-ASCII one lowercases to).
    pub fn is_det(&self, w: &str, kinds: u8) -> bool {
        self.determiners
            .iter()
            .any(|(d, k)| k & kinds != 0 && w.eq_ignore_ascii_case(d))
    }

    /// Whether `text[a..b]` opens a relative clause that runs to `b`: a relative
    /// word first or after a preposition (", which carries", ", under which"),
    /// with no semicolon before `b`.
    pub fn relative_after(&self, text: &str, a: usize, b: usize) -> bool {
        let gap = &text[a..b];
        let mut buf = LowerBuf::default();
        !gap.contains(';')
            && gap
                .trim_start_matches([',', ' '])
                .split_whitespace()
                .take(2)
                .any(|w| self.relative.contains_lower(w, &mut buf))
    }

    /// Whether `s` holds nothing but titles ("fined [Pastor] John Kamau").
    pub fn only_titles(&self, s: &str) -> bool {
        let mut buf = LowerBuf::default();
        s.split_whitespace()
            .all(|w| self.title.contains_lower(w, &mut buf))
    }

    /// The end of the person coordinated after the name `sp` when ages stand
    /// between them: "X, 38, and his wife, Y, 34, to" → the end of "Y".
    fn coordinated_after(&self, text: &str, sp: Span, limit: usize) -> Option<usize> {
        if !text[sp.start..].starts_with(char::is_uppercase) {
            return None;
        }
        let rest = text[sp.end..limit].strip_prefix(", ")?;
        let (age, rest) = rest.split_once(", and ")?;
        if !is_age(age) {
            return None;
        }
        // "his wife, "
        let r = match rest.split_once(", ") {
            Some((desc, name)) if is_descriptor(desc) => name,
            _ => rest,
        };
        let name_len = r
            .find([',', ';'])
            .into_iter()
            .chain(r.find(" to "))
            .min()
            .unwrap_or(r.len());
        let name = r[..name_len].trim_end();
        is_short_name(name).then(|| limit - r.len() + name.len())
    }

    /// `sp` widened to the whole list of names it is part of, between `lo` and
    /// `hi`: "[Ahmed Saleh], Omar Badr and Karim Nour were sentenced" names all
    /// three. Only PERSON entities joined by ", ", " and " or ", and ", the last
    /// join an "and"; `sp` itself must start and end at names of the list.
    pub fn name_list(&self, doc: &Document, sp: Span, lo: usize, hi: usize) -> Span {
        let text = doc.text.as_str();
        // (no join on either side: the list is `sp` itself; most subjects end here)
        let joins = [", ", " and "];
        if !joins.iter().any(|j| text[sp.end..].starts_with(j))
            && !joins.iter().any(|j| text[..sp.start].ends_with(j))
        {
            return sp;
        }
        let i0 = doc.entities.partition_point(|e| e.span.start < lo);
        let people: Vec<Span> = doc.entities[i0..]
            .iter()
            .take_while(|e| e.span.end <= hi)
            .filter(|e| e.label == crate::document::Label::Person)
            .map(|e| e.span)
            .collect();
        let (Some(a), Some(b)) = (
            people.iter().position(|e| e.start == sp.start),
            people.iter().rposition(|e| e.end == sp.end),
        ) else {
            return sp;
        };
        if b < a {
            return sp;
        }
        let join = |k: usize| match &text[people[k].end..people[k + 1].start] {
            ", " => Some(false),
            " and " | ", and " => Some(true),
            _ => None,
        };
        // (the names inside `sp` are one list)
        if (a..b).any(|k| join(k).is_none()) {
            return sp;
        }
        let mut first = a;
        while first > 0 && join(first - 1).is_some() {
            first -= 1;
        }
        let mut last = b;
        while last + 1 < people.len() && join(last).is_some() {
            last += 1;
        }
        if (first, last) == (a, b) || last == first || join(last - 1) != Some(true) {
            return sp;
        }
        Span::new(people[first].start, people[last].end)
    }

    /// A name between commas right after a lowercase description `sp` ("a
    /// YouTuber, [Marcus Halim], to two years"), before `limit`.
    fn appositive_name(&self, text: &str, sp: Span, limit: usize) -> Option<Span> {
        let desc = &text[sp.start..sp.end];
        let after = text[sp.end..limit].strip_prefix(',')?;
        // (or a possessed noun: "Trevino's cousin, Anthony Ruiz,")
        let possessed = desc.contains("'s ") || desc.contains("’s ");
        if !(desc.starts_with(|c: char| c.is_lowercase()) || possessed)
            || self.pronoun.contains(&desc.lower())
        {
            return None;
        }
        let close = after.find(',')?;
        let seg = &after[..close];
        let n = seg.split_whitespace().count();
        let name = (1..=5).contains(&n) && seg.split_whitespace().all(Self::is_name_word);
        let a = sp.end + 1 + (seg.len() - seg.trim_start().len());
        let b = sp.end + 1 + seg.trim_end().len();
        (name && a < b).then(|| Span::new(a, b))
    }

    /// The subject after an active verb: "sentenced [the couple] to death",
    /// "fined [him] 50,000 rupees", or after the penalty: "death sentence of [X]".
    pub fn subject_after(&self, text: &str, cue_end: usize, limit: usize) -> Option<Span> {
        let sp = self.object_np(text, cue_end, limit)?;
        // "sentenced [X, 38, and his wife, Y], 34, to ..."
        if let Some(end) = self.coordinated_after(text, sp, limit) {
            return Some(Span::new(sp.start, end));
        }
        // "sentenced a YouTuber, Marcus Halim, to ...": the name in apposition.
        if let Some(name) = self.appositive_name(text, sp, limit) {
            return Some(name);
        }
        let named = text[sp.start..sp.end].chars().any(char::is_uppercase)
            || self
                .pronoun
                .contains(lower_in(&text[sp.start..sp.end], &mut LowerBuf::default()));
        // "ordered the confiscation": the words after the verb are the penalty itself;
        // "handed [his co-accused] rigorous imprisonment": a possessed noun is a
        // person's.
        let possessed = text[sp.start..sp.end]
            .split_once(' ')
            .is_some_and(|(first, _)| self.is_det(first, det::POSSESSIVE));
        // "handed [three fellow believers] suspended sentences": a counted object
        let counted = text[sp.start..sp.end]
            .split_once(' ')
            .is_some_and(|(first, _)| self.quantifier.contains(first));
        (named || possessed || counted || !text[sp.end..limit].trim().is_empty()).then_some(sp)
    }

    /// The noun phrase right after a verb, before `limit` ("fined [the pastor] 30
    /// million dong").
    pub fn object_np(&self, text: &str, cue_end: usize, limit: usize) -> Option<Span> {
        if limit <= cue_end {
            return None;
        }
        let region = &text[cue_end..limit];
        let ws = words(region);
        let stop = ws.iter().position(|&(a, b)| {
            lower_is(
                &region[a..b],
                &[
                    "to", "for", "in", "on", "by", "down", "up", "with", "after", "over", "at",
                    "guilty",
                ],
            )
        });
        let mut ws = &ws[..stop.unwrap_or(ws.len())];
        // "the sentencing of [three converts]"
        if ws.len() > 1 && region[ws[0].0..ws[0].1].eq_ignore_ascii_case("of") {
            ws = &ws[1..];
        }
        // "acquitted [him] of blasphemy": a pronoun is the whole object (one that
        // is also a possessive only before "of": "her husband")
        if let [(a0, b0), (a1, b1), ..] = *ws {
            let w0 = region[a0..b0].trim_end_matches(',');
            if self.pronoun.contains_lower(w0, &mut LowerBuf::default())
                && (!self.is_det(w0, det::POSSESSIVE) || lower_is(&region[a1..b1], &["of"]))
            {
                ws = &ws[..1];
            }
        }
        while let Some(&(a, b)) = ws.last() {
            if self.is_det(&region[a..b], det::ARTICLE) {
                ws = &ws[..ws.len() - 1];
            } else {
                break;
            }
        }
        if ws.is_empty()
            || self.adverb.contains(lower_in(
                &region[ws[0].0..ws[0].1],
                &mut LowerBuf::default(),
            ))
        {
            return None;
        }
        let (a, b) = self.np(region, ws, 8)?;
        let (a, b) = trim_span(text, cue_end + a, cue_end + b);
        // (A lone "her" is the object pronoun: "sentenced [her] to two years".)
        let function_word = lower_is(
            &text[a..b],
            &["the", "a", "an", "of", "to", "and", "his", "their"],
        );
        (a < b && !function_word).then(|| Span::new(a, b))
    }

    /// The subject named right after a penalty: "the death sentence of [X]",
    /// "a sentence handed to [X]", "terms for [three converts]".
    pub fn subject_following(
        &self,
        text: &str,
        mut end: usize,
        s1: usize,
        allow_to: bool,
    ) -> Option<Span> {
        // A short aside first: "a fine of 100,000 dinars (about 690 euros) against X".
        if let Some(aside) = text[end..s1].strip_prefix(" (") {
            if let Some(close) = aside[..aside.len().min(60)].find(')') {
                end += 2 + close + 1;
            }
        }
        // "the death sentence [on two counts each] to two men": a short phrase
        // of lowercase words (counts, "each") before "to".
        if let Some(r) = text[end..s1]
            .strip_prefix(" on ")
            .or_else(|| text[end..s1].strip_prefix(" each "))
        {
            let mut at = s1 - r.len();
            for w in r.split(' ').take(5) {
                if w == "to" {
                    end = at - 1;
                    break;
                }
                if !w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()) || w.is_empty() {
                    break;
                }
                at += w.len() + 1;
            }
        }
        let rest = &text[end..s1];
        // (Every phrase below starts with a space.)
        if !rest.starts_with(' ') {
            return None;
        }
        // The phrases below are ASCII words without a "k" whose last letter is
        // no "i", compared with the text's first bytes ignoring ASCII case: the
        // same test as on the lowercased text (KELVIN SIGN lowercases to "k",
        // I WITH DOT ABOVE to "i" and a combining dot; no other character to
        // ASCII), without lowercasing.
        let lower_starts = |p: &str| {
            debug_assert!(p.is_ascii() && !p.contains('k') && !p.trim_end().ends_with('i'));
            rest.as_bytes()
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
        };
        let mut skip = None;
        for p in [
            " of ",
            " against ",
            " handed down to ",
            " handed to ",
            " passed on ",
            " imposed on ",
            " given to ",
            " for ",
            " to ",
        ] {
            if lower_starts(p) {
                skip = Some((p.len(), p == " for "));
                break;
            }
        }
        let (skip, is_for) = skip?;
        let is_to = lower_starts(" to ");
        if is_to && !allow_to {
            return None;
        }
        let region = &rest[skip..];
        let ws = words(region);
        let mut first_buf = LowerBuf::default();
        let first = lower_in(&region[ws.first()?.0..ws.first()?.1], &mut first_buf);
        let numeral = matches!(
            first,
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        );
        // ("to [their cousin]": a possessed person noun)
        let possessed_person = || {
            self.is_det(first, det::POSSESSIVE)
                && ws.get(1).is_some_and(|&(a, b)| {
                    self.person.contains_lower(
                        region[a..b].trim_end_matches([',', ';', '.']),
                        &mut LowerBuf::default(),
                    )
                })
        };
        let to_ok = numeral
            || matches!(first, "a" | "an")
            || region.starts_with(|c: char| c.is_uppercase())
            || possessed_person();
        if is_for && !numeral || is_to && !to_ok {
            return None;
        }
        let starts_upper = region.starts_with(|c: char| c.is_uppercase());
        // "given to [journalist Hakan Özkan]": a person noun before a name.
        let described = self.person.contains(first)
            && ws
                .get(1)
                .is_some_and(|&(a, _)| region[a..].starts_with(|c: char| c.is_uppercase()));
        if !(starts_upper
            || numeral
            || described
            || self.is_det(first, det::ARTICLE | det::POSSESSIVE))
        {
            return None;
        }
        if first.starts_with(|c: char| c.is_ascii_digit()) || first.starts_with(['$', '€', '£'])
        {
            return None;
        }
        let (a, b) = self.np(region, &ws, 6)?;
        let (a, b) = trim_span(text, end + skip + a, end + skip + b);
        // "to a Facebook user, Bishoy Adel,": the name in apposition.
        if text[a..b].starts_with(|c: char| c.is_lowercase()) {
            if let Some(r) = text[b..s1].strip_prefix(", ") {
                let name: Vec<&str> = r
                    .split([',', '.', ';'])
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .collect();
                if (1..=4).contains(&name.len()) && name.iter().all(|w| Self::is_name_word(w)) {
                    let na = b + 2;
                    let nb = na + name.join(" ").len();
                    if text[na..nb] == name.join(" ") {
                        return Some(Span::new(na, nb));
                    }
                }
            }
        }
        (a < b).then(|| Span::new(a, b))
    }

    /// Whether a verb cue is passive ("was sentenced") or a headline ("Man Sentenced").
    pub fn passive(&self, text: &str, s0: usize, cue_start: usize, cue_end: usize) -> bool {
        if text[cue_start..cue_end].starts_with(|c: char| c.is_uppercase()) && cue_start > s0 {
            return true;
        }
        let mut ws = text[s0..cue_start].split_whitespace().rev();
        let mut buf = LowerBuf::default();
        loop {
            match ws.next().map(|w| lower_in(w, &mut buf)) {
                Some("was" | "were" | "been" | "be" | "is" | "are" | "being" | "get" | "got") => {
                    return true
                }
                Some(w) if self.aux.contains(w) || self.adverb.contains(w) => continue,
                // "... were given X and fined": the clause's subject comes first.
                Some("and") => return true,
                Some(_) => return false,
                None => return true,
            }
        }
    }

    /// The subject at the end of a list lead-in: "imposed the following sentence on [Kohl]:".
    pub fn subject_lead(&self, text: &str, lead: Span) -> Option<Span> {
        let s = text[lead.start..lead.end].trim_end().strip_suffix(':')?;
        let ws = words(s);
        let k = ws
            .iter()
            .rposition(|&(a, b)| matches!(&s[a..b], "on" | "against" | "to"))?;
        let name = &ws[k + 1..];
        if name.is_empty()
            || name.len() > 5
            || !name.iter().all(|&(a, b)| Self::is_name_word(&s[a..b]))
        {
            return None;
        }
        let (a, b) = trim_span(
            text,
            lead.start + name[0].0,
            lead.start + name[name.len() - 1].1,
        );
        (a < b).then(|| Span::new(a, b))
    }

    /// The subject before a cue: "[Haroon and Salamat] were sentenced",
    /// "[John Doe], 45, of Springfield, was sentenced".
    /// `times` are the document's time expressions: "On Tuesday he was sentenced"
    /// has the subject "he".
    pub fn subject_before(
        &self,
        text: &str,
        s0: usize,
        cue_start: usize,
        times: &[Timex],
    ) -> Option<Span> {
        let sp = self.clause_subject(text, s0, cue_start, false, times)?;
        Some(self.coordinated_before(text, s0, sp))
    }

    /// `sp` with the person coordinated before it when ages (and a home town)
    /// stand between them: "[John Doherty, 45, of Miami, and Maria Keane], 38,
    /// were sentenced", "[X, 38, and his wife, Y]".
    fn coordinated_before(&self, text: &str, s0: usize, sp: Span) -> Span {
        coordinated_start(text, s0, sp.start).map_or(sp, |a| Span::new(a, sp.end))
    }

    /// The noun phrase a clause starts with ("[Blasphemy] is punishable by
    /// death"), for offenses: any words, last clause only.
    pub fn offense_before(&self, text: &str, s0: usize, cue_start: usize) -> Option<Span> {
        self.clause_subject(text, s0, cue_start, true, &[])
            .filter(|sp| !self.rejected_offense(&normalize_cow(&text[sp.start..sp.end])))
    }

    /// Whether a lowercased offense candidate starts with a word of
    /// `offense_reject.txt` ("the latter", "it", "years").
    fn rejected_offense(&self, lower: &str) -> bool {
        // (A phrase that `lower` equals or starts with has its first byte.)
        let first = lower.as_bytes().first();
        if !self.reject_empty && first.map_or(true, |&b| !self.reject_first[usize::from(b)]) {
            return false;
        }
        self.offense_reject
            .iter()
            .any(|r| match r.strip_suffix('$') {
                // "the offense$": only the whole phrase ("the offense of blasphemy" stays)
                Some(whole) => lower == whole,
                None => lower
                    .strip_prefix(r.as_str())
                    .is_some_and(|x| x.is_empty() || x.starts_with(' ')),
            })
    }

    fn clause_subject(
        &self,
        text: &str,
        s0: usize,
        cue_start: usize,
        offense: bool,
        times: &[Timex],
    ) -> Option<Span> {
        let region = &text[s0..cue_start];
        let mut ws = words(region);
        // Words of a time that end a segment: they only close it ("On 17
        // October, X was jailed").
        let mut bare: Vec<bool> = Vec::new();
        // a time expression and the intro word before it are no part of a subject
        // ("On Tuesday he", "Last week the pastor")
        let first_time = times.partition_point(|t| t.span.end <= s0);
        let times = &times[first_time..];
        if times.first().is_some_and(|t| t.span.start < cue_start) {
            let in_time = |a: usize| {
                times
                    .iter()
                    .take_while(|t| t.span.start < cue_start)
                    .any(|t| t.span.start <= s0 + a && s0 + a < t.span.end)
            };
            let mut keep = vec![true; ws.len()];
            bare = vec![false; ws.len()];
            for k in 0..ws.len() {
                // a word ending a segment only closes it ("since 2019, and")
                let ends = region[ws[k].0..ws[k].1].ends_with([',', ';', ':', ')']);
                if in_time(ws[k].0) {
                    bare[k] = ends;
                    keep[k] = ends;
                    if k > 0
                        && self.intro.contains(lower_in(
                            &region[ws[k - 1].0..ws[k - 1].1],
                            &mut LowerBuf::default(),
                        ))
                    {
                        keep[k - 1] = false;
                    }
                }
            }
            let mut k = 0;
            ws.retain(|_| {
                k += 1;
                keep[k - 1]
            });
            let mut k = 0;
            bare.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        let mut buf = LowerBuf::default();
        while let Some(&(a, b)) = ws.last() {
            let w = lower_in(region[a..b].trim_end_matches(','), &mut buf);
            // "were [publicly] caned": an adverb after an auxiliary goes with it.
            let adverb_after_aux = (w.ends_with("ly") || self.adverb.contains(w))
                && w.chars().all(|c| c.is_lowercase())
                && ws.len() >= 2
                && {
                    let (pa, pb) = ws[ws.len() - 2];
                    self.aux.contains(&region[pa..pb].lower())
                };
            // ("[Each] received …": a quantifier opening the sentence stays)
            let opening_quantifier = ws.len() == 1
                && region[a..b].starts_with(|c: char| c.is_uppercase())
                && self.quantifier.contains(w);
            if (self.aux.contains(w) || adverb_after_aux) && !opening_quantifier {
                ws.pop();
            } else {
                break;
            }
        }
        if ws.is_empty() {
            return None;
        }
        // "X was arrested in May and was sentenced": the clause's own subject.
        let last = lower_in(&region[ws.last()?.0..ws.last()?.1], &mut buf) == "and";
        // ("X, 55, pleaded guilty to fraud and was sentenced": with no auxiliary,
        // the clause before "and" holds the subject.)
        if last {
            let first_aux = ws
                .iter()
                .position(|&(a, b)| self.aux.contains(lower_in(&region[a..b], &mut buf)));
            ws.truncate(first_aux.unwrap_or(ws.len() - 1));
            if ws.is_empty() {
                return None;
            }
        }
        // Clauses of segments of words: the words of the segments in order, and
        // the non-empty segments as (clause, range of those words).
        type Seg = [(usize, usize)];
        let mut seg_words: Vec<(usize, usize)> = Vec::with_capacity(ws.len());
        let mut seg_ranges: Vec<(usize, usize, usize)> = Vec::new();
        let (mut clause, mut seg_from) = (0, 0);
        // Clauses opened by a relative word ("…, who ran the channel,").
        let mut relative: Vec<usize> = Vec::new();
        // (those opened by a personal one: "that of X, who was sentenced")
        let mut personal: Vec<usize> = Vec::new();
        // Ends the current segment (kept if not empty).
        let close = |ranges: &mut Vec<(usize, usize, usize)>, from: &mut usize, to, clause| {
            if to > *from {
                ranges.push((clause, *from, to));
            }
            *from = to;
        };
        for (i, &(a, b)) in ws.iter().enumerate() {
            let raw = &region[a..b];
            if bare.get(i) == Some(&true) {
                close(&mut seg_ranges, &mut seg_from, seg_words.len(), clause);
                clause += usize::from(raw.ends_with(';'));
                continue;
            }
            // (A word starting and ending with an ASCII letter, digit or period
            // has nothing to trim.)
            let plain = |c: u8| c.is_ascii_alphanumeric() || c == b'.';
            let trimmed = match raw.as_bytes() {
                [f, .., l] if plain(*f) && plain(*l) => raw,
                [f] if plain(*f) => raw,
                _ => raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'),
            };
            // "..., and organizers of X face": a new clause.
            let seg_start = seg_words.len() == seg_from;
            if self.clause.contains_lower(trimmed, &mut buf)
                || matches!(raw, "–" | "—" | "--" | "-")
                || seg_start && lower_is(trimmed, &["and"])
            {
                close(&mut seg_ranges, &mut seg_from, seg_words.len(), clause);
                clause += 1;
                if self.relative.contains_lower(trimmed, &mut buf) {
                    relative.push(clause);
                }
                if self.personal.contains_lower(trimmed, &mut buf) {
                    personal.push(clause);
                }
                continue;
            }
            if raw.starts_with(['(', '“', '"']) {
                close(&mut seg_ranges, &mut seg_from, seg_words.len(), clause);
            }
            seg_words.push((a, b));
            // (what a colon ends introduces the clause after it: "Nicaragua:
            // Evangelical bishop sentenced")
            // (as does a segment of several words that ends in a verb of its own:
            // "Muslim reading group fined, Baptist pastor jailed")
            let verb_ended = raw.ends_with(',')
                && seg_words.len() - seg_from >= 2
                && trimmed.starts_with(|c: char| c.is_lowercase())
                && self.cut.contains_lower(trimmed, &mut buf)
                && !self.relative.contains_lower(trimmed, &mut buf);
            if raw.ends_with([';', ':']) || verb_ended {
                close(&mut seg_ranges, &mut seg_from, seg_words.len(), clause);
                clause += 1;
            } else if raw.ends_with([',', ')', '”', '"']) {
                close(&mut seg_ranges, &mut seg_from, seg_words.len(), clause);
            }
        }
        close(&mut seg_ranges, &mut seg_from, seg_words.len(), clause);
        let acceptable = |seg: &Seg| {
            let mut buf = LowerBuf::default();
            let skip = seg
                .iter()
                .take_while(|&&p| {
                    let w = region[p.0..p.1].trim_end_matches([',', ';', ':']);
                    self.adverb.contains_lower(w, &mut buf)
                })
                .count();
            let Some(&first) = seg.get(skip) else {
                return false;
            };
            // ("Golden Hands Agency, [Inc.], Svetlana Kogan": a legal form alone)
            if seg.iter().all(|&(a, b)| {
                self.org_suffix.contains_lower(
                    region[a..b].trim_matches(|c: char| !c.is_alphanumeric()),
                    &mut buf,
                )
            }) {
                return false;
            }
            if self.is_generic(&region[first.0..seg[seg.len() - 1].1]) {
                return true;
            }
            let w0 = lower_in(
                region[first.0..first.1].trim_end_matches([',', ';', ':']),
                &mut buf,
            );
            let raw0 = &region[first.0..first.1];
            if w0.starts_with(|c: char| c.is_ascii_digit())
                || matches!(w0, "of" | "from" | "aged" | "age")
                || self.intro.contains(w0)
            {
                return false;
            }
            // "co-defendant Tom Hardy", "church elder Tang Lihua": a lowercase
            // descriptor of up to three words before a name.
            // Descriptor words are nouns: no cut word or preposition ("converted
            // from Islam" describes nobody), and more than one needs a full name after.
            let lower_word = |&(a, b): &(usize, usize)| {
                let w = &region[a..b];
                w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !self.cut.contains(w)
                    && !matches!(w, "of" | "to" | "with" | "into" | "against" | "and")
            };
            let descriptor = seg[skip..].iter().take_while(|p| lower_word(p)).count();
            let rest = &seg[skip + descriptor..];
            let described_name = rest
                .first()
                .is_some_and(|&(a, b)| region[a..b].starts_with(|c: char| c.is_uppercase()))
                && (descriptor == 1
                    || (2..=3).contains(&descriptor)
                        && rest.len() >= 2
                        && rest.iter().all(|&(a, b)| Self::is_name_word(&region[a..b])));
            offense
                || described_name
                || raw0.starts_with(|c: char| c.is_uppercase())
                || self.pronoun.contains(w0)
                || self.title.contains(w0)
                || self.is_det(w0, det::ARTICLE | det::POSSESSIVE)
                || self.quantifier.contains(w0)
        };
        let name_like = |seg: &Seg| {
            seg.iter().all(|&(a, b)| Self::is_name_word(&region[a..b])) && seg.len() <= 6
        };
        let trailing_name = |seg: &Seg| -> Option<(usize, usize)> {
            let n = seg
                .iter()
                .rev()
                .take_while(|&&(a, b)| Self::is_name_word(&region[a..b]))
                .count();
            (n >= 2 && n < seg.len() || n >= 1 && n == seg.len())
                .then(|| (seg[seg.len() - n].0, seg[seg.len() - 1].1))
        };
        let nclauses = clause + 1;
        let mut pick: Option<(usize, usize)> = None;
        let mut segs: Vec<&Seg> = Vec::new();
        for ci in (0..nclauses).rev() {
            if offense && ci + 1 != nclauses {
                break;
            }
            segs.clear();
            segs.extend(
                seg_ranges
                    .iter()
                    .filter(|r| r.0 == ci)
                    .map(|&(_, a, b)| &seg_words[a..b]),
            );
            if !offense && relative.contains(&ci) {
                // "A missionary who taught at the church, [Kim Sung-min], was
                // deported": a name of two words or more closing the relative
                // clause right before the cue is the subject in apposition.
                if ci + 1 == nclauses && segs.len() >= 2 {
                    let last = segs[segs.len() - 1];
                    if last.len() >= 2 && name_like(last) && acceptable(last) {
                        pick = Some((last[0].0, last[last.len() - 1].1));
                        break;
                    }
                }
                continue;
            }
            // "The case echoes that of [X], who was sentenced": the name a personal
            // relative clause describes, after "of".
            if !offense && ci + 1 < nclauses && personal.contains(&(ci + 1)) {
                if let Some(&seg) = segs.last() {
                    // (after a demonstrative: "of Sale, who" is a home town)
                    let of = seg.len() >= 2
                        && lower_is(&region[seg[0].0..seg[0].1], &["of"])
                        && region[..seg[0].0]
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| self.is_det(w, det::DEMONSTRATIVE));
                    if of && !acceptable(seg) && name_like(&seg[1..]) {
                        pick = Some((seg[1].0, seg[seg.len() - 1].1));
                        break;
                    }
                }
            }
            // The last clause: the first of its first two acceptable segments that
            // is name-like, else the first; an earlier clause: its last acceptable
            // segment (the others are not even looked at).
            let chosen = if ci + 1 == nclauses {
                let mut cands = (0..segs.len()).filter(|&i| acceptable(segs[i])).take(2);
                let Some(c0) = cands.next() else {
                    continue;
                };
                // (a pronoun after an opening frame: "At the time of her plea, [she]
                // faced up to 20 years")
                let pronoun = |seg: &Seg| {
                    seg.len() == 1
                        && self
                            .pronoun
                            .contains_lower(&region[seg[0].0..seg[0].1], &mut LowerBuf::default())
                };
                if name_like(segs[c0]) {
                    c0
                } else {
                    cands
                        .find(|&i| name_like(segs[i]) || pronoun(segs[i]))
                        .unwrap_or(c0)
                }
            } else {
                let Some(c) = (0..segs.len()).rev().find(|&i| acceptable(segs[i])) else {
                    continue;
                };
                c
            };
            let mut seg = segs[chosen];
            // "..., which [covers] insults to religious leaders, carries": a
            // relative clause's first word is its verb, no part of the offense.
            if offense && relative.contains(&ci) && chosen == 0 && seg.len() > 1 {
                let w0 = &region[seg[0].0..seg[0].1];
                if w0.chars().all(char::is_lowercase) && !self.is_det(w0, det::ANY) {
                    seg = &seg[1..];
                }
            }
            // "The court acquitted Ali, who ...": the name right before "who".
            if !offense && ci + 1 != nclauses && !name_like(seg) {
                let n = seg
                    .iter()
                    .rev()
                    .take_while(|&&(a, b)| Self::is_name_word(&region[a..b]))
                    .count();
                if n >= 1 && n < seg.len() {
                    let n = (seg[seg.len() - n].0, seg[seg.len() - 1].1);
                    if region[n.0..n.1].split_whitespace().count() < seg.len()
                        && !region[seg[0].0..seg[0].1].starts_with(|c: char| c.is_lowercase())
                    {
                        pick = Some(n);
                        break;
                    }
                }
            }
            // "Musa Sani, a 22-year-old student, who ...": prefer the name.
            let w0 = &region[seg[0].0..seg[0].1];
            if !offense && w0.starts_with(|c: char| c.is_lowercase()) && chosen > 0 {
                if let Some(n) = trailing_name(segs[chosen - 1]) {
                    pick = Some(n);
                    break;
                }
            }
            let (a, b) = self.np(region, seg, 10)?;
            pick = Some((a, b));
            break;
        }
        let (a, b) = pick?;
        let (a, b) = trim_span(text, s0 + a, s0 + b);
        (a < b).then(|| Span::new(a, b))
    }

    /// Canonical name for a subject from the document's entities, if any.
    pub fn canonical(&self, doc: &Document, span: Span) -> Option<String> {
        if self
            .pronoun
            .contains_lower(doc.slice(span), &mut LowerBuf::default())
        {
            // Entities ending by `span.start` start by it (sorted by start).
            // A person right before the verb whose object the pronoun is, is
            // that clause's subject and not the pronoun's referent ("Judge
            // Steve Jones fined [him]"): only lower-case words between them.
            let upto = doc.entities.partition_point(|e| e.span.start <= span.start);
            return doc.entities[..upto]
                .iter()
                .rev()
                // (a byline names the writer, nobody in the story)
                .filter(|e| {
                    e.label == Label::Person && e.span.end <= span.start && &*e.rule != "byline"
                })
                .find(|e| {
                    let between = &doc.text[e.span.end..span.start];
                    let words = between.split_whitespace();
                    // (at most three words: no need to count past four)
                    !(between.starts_with(' ')
                        && words.clone().take(4).count() <= 3
                        && words
                            .into_iter()
                            .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')))
                })
                .map(|e| e.canonical.clone());
        }
        // The only person inside the span ("Hoa Hao Buddhist activist [Bui Van
        // Trung]": a group or body describing them does not count); without one,
        // the only organization or group (no vector of them).
        let inside = || {
            entities_from(doc, span.start)
                .iter()
                .take_while(|e| e.span.start <= span.end)
                .filter(|e| span.contains(&e.span))
        };
        if inside().any(|e| e.label == Label::Person) {
            return sole(inside().filter(|e| e.label == Label::Person))
                .map(|e| e.canonical.clone());
        }
        sole(inside().filter(|e| matches!(e.label, Label::Org | Label::Norp)))
            .filter(|e| e.label != Label::Norp || e.span == span)
            .map(|e| e.canonical.clone())
    }

    pub fn mention(&self, doc: &Document, mut span: Span) -> Mention {
        // "[Kahindi Mwamure] of Living Waters Fellowship": a person's name
        // followed by "of" and an organization is that person.
        if let Some(e) = entities_from(doc, span.start).first() {
            if e.span.start == span.start
                && e.label == crate::document::Label::Person
                && e.span.end < span.end
                && doc.text[e.span.end..span.end].starts_with(" of ")
                && entities_from(doc, e.span.end).first().is_some_and(|o| {
                    o.label == crate::document::Label::Org && o.span.end == span.end
                })
            {
                span.end = e.span.end;
            }
        }
        // "[Farshid] remains in prison", "[She] cited cases": a name or pronoun
        // followed by lowercase words that name nobody ends at the name (its
        // verb follows).
        let head = entities_from(doc, span.start)
            .first()
            .filter(|e| {
                e.label == crate::document::Label::Person
                    && e.span.start == span.start
                    && e.span.end < span.end
            })
            .map(|e| e.span.end)
            .or_else(|| {
                let w = doc.text[span.start..span.end].split(' ').next()?;
                (w.len() < span.len()
                    && self.pronoun.contains_lower(w, &mut LowerBuf::default())
                    && !self.is_det(w, det::POSSESSIVE))
                .then_some(span.start + w.len())
            });
        if let Some(end) = head {
            let tail = &doc.text[end..span.end];
            let mut buf = LowerBuf::default();
            if tail.starts_with(' ')
                && tail.split_whitespace().all(|w| {
                    w.chars().all(char::is_lowercase)
                        && !self.person.contains_lower(w, &mut buf)
                        && !self.is_det(w, det::ANY)
                        && !lower_is(w, &["and", "of", "alias"])
                })
            {
                span.end = end;
            }
        }
        Mention {
            span,
            canonical: self.canonical(doc, span),
        }
    }

    /// The offense phrase that starts at `pos`, up to a stop word or punctuation.
    fn offense_phrase(&self, text: &str, pos: usize, end: usize) -> Option<Span> {
        // A quoted offense runs to its closing quote: for “inciting subversion,”.
        let rest = &text[pos..end];
        for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’')] {
            if let Some(r) = rest.strip_prefix(open) {
                let Some(c) = r.find(close) else { break };
                let a = pos + open.len_utf8();
                let (a, b) = trim_span(text, a, a + c);
                return (a < b).then(|| Span::new(a, b));
            }
        }
        let mut stop = end;
        // (Byte by byte: the stop characters are ASCII or start with the byte
        // 0xE2; a character is looked at only there.)
        let bytes = text.as_bytes();
        let mut i = pos;
        while i < end {
            let b = bytes[i];
            // A short quoted word or two inside the phrase is part of it:
            // holding an "illegal gathering" in a flat.
            let open = match b {
                b'"' => Some(('"', 1)),
                0xE2 if text[i..end].starts_with('“') => Some(('”', '“'.len_utf8())),
                _ => None,
            };
            if let Some((close, len)) = open.filter(|_| i > pos && bytes[i - 1] == b' ') {
                let inner = &text[i + len..end];
                if let Some(j) = inner.find(close) {
                    let q = inner[..j].trim_end_matches([',', '.']);
                    if !q.is_empty() && j < 60 && !q.contains([',', ';', '.', ':', '!', '?']) {
                        let after = i + len + j + close.len_utf8();
                        if q.len() < j {
                            // for spreading “false information,” the court said
                            stop = after;
                            break;
                        }
                        i = after;
                        continue;
                    }
                }
            }
            let hit = match b {
                b',' | b';' | b':' | b'(' | b')' | b'!' | b'?' | b'"' => true,
                b'.' => text[i + 1..end].starts_with(|c: char| c.is_whitespace()) || i + 1 == end,
                0xE2 => text[i..end].starts_with(['“', '”', '—', '–']),
                _ => false,
            };
            if hit {
                stop = i;
                break;
            }
            i += 1;
        }
        if let Some(h) = self
            .offense_stops
            .find(text, pos, stop)
            .find(|h| *self.offense_stops.value(h.id))
        {
            stop = h.start;
        }
        // "... in 2017", "... on 14 June".
        let mut ws = words(&text[pos..stop]);
        for k in 1..ws.len() {
            let w = &text[pos + ws[k - 1].0..pos + ws[k - 1].1];
            let n = &text[pos + ws[k].0..pos + ws[k].1];
            if matches!(w, "in" | "on" | "since") && n.starts_with(|c: char| c.is_ascii_digit()) {
                stop = pos + ws[k - 1].0;
                // (The words before a word are the words of the text up to it.)
                ws.truncate(k - 1);
                break;
            }
        }
        if ws.len() > 12 {
            ws.truncate(12);
            stop = pos + ws[11].1;
        }
        let mut buf = LowerBuf::default();
        while ws.len() > 1 {
            let &(a, b) = ws.last().expect("non-empty");
            if !self
                .offense_tail
                .contains(lower_in(&text[pos + a..pos + b], &mut buf))
            {
                break;
            }
            ws.pop();
            stop = pos + ws.last().expect("non-empty").1;
        }
        let (mut a, b) = trim_span(text, pos, stop);
        if a >= b {
            return None;
        }
        let b = close_quote(text, a, b);
        let lower = normalize_cow(&text[a..b]);
        if self.rejected_offense(&lower)
            || lower
                .split(' ')
                .take(2)
                .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        // A doubled word ("sending the sending of leaflets"): keep the second.
        let mut ws = text[a..b].split_whitespace();
        if let (Some(w0), Some(w1), Some(w2)) = (ws.next(), ws.next(), ws.next()) {
            if w1.eq_ignore_ascii_case("the") && w0.eq_ignore_ascii_case(w2) {
                a += w1.as_ptr() as usize - text[a..].as_ptr() as usize;
            }
        }
        Some(Span::new(a, b))
    }

    /// Offense candidates in `text[s0..s1]`: (span, cue start, scope).
    /// Only cues of `scope` that start in `text[s0..cue_end]`; phrases run to `s1`.
    pub fn offenses(
        &self,
        text: &str,
        s0: usize,
        s1: usize,
        scope: OffenseScope,
        cue_end: usize,
        hits: Option<&KeyHits>,
    ) -> Vec<(Span, usize, OffenseScope)> {
        self.offenses_where(text, s0, s1, scope, cue_end, |_| true, hits)
    }

    /// The offense keyword occurrences of `text[s0..s1]` (for [`Args::offenses_where`]).
    pub fn offense_hits(&self, text: &str, s0: usize, s1: usize) -> KeyHits {
        self.offense_keys.hits(text, s0, s1)
    }

    /// [`Args::offenses`] for the cues whose start passes `keep` (the others'
    /// phrases are not even read).
    #[allow(clippy::too_many_arguments)]
    pub fn offenses_where(
        &self,
        text: &str,
        s0: usize,
        s1: usize,
        scope: OffenseScope,
        cue_end: usize,
        keep: impl Fn(usize) -> bool,
        hits: Option<&KeyHits>,
    ) -> Vec<(Span, usize, OffenseScope)> {
        let e = quantity::floor_char(text, cue_end.min(s1));
        let s = &text[s0..e];
        let mut out = Vec::new();
        let on = match hits {
            Some(h) => self.offense_keys.rules_in(h, text, s0, e),
            None => self.offense_keys.rules(s),
        };
        for (_, (re, sc, has_o)) in self
            .offense_cues
            .iter()
            .enumerate()
            .filter(|(i, (_, sc, _))| on.has(*i) && *sc == scope)
        {
            let scope = sc;
            if *has_o {
                for c in re.captures_iter(s) {
                    let m = c.get(0).expect("match");
                    if !keep(s0 + m.start()) {
                        continue;
                    }
                    // (a named offense is rejected as a phrase is: "in [serious]
                    // cases" names a degree)
                    let span = match c.name("o") {
                        Some(o) if self.rejected_offense(&normalize_cow(o.as_str())) => None,
                        Some(o) => Some(Span::new(s0 + o.start(), s0 + o.end())),
                        None => self.offense_phrase(text, s0 + m.end(), s1),
                    };
                    if let Some(span) = span {
                        out.push((span, s0 + m.start(), *scope));
                    }
                }
            } else {
                for m in re.find_iter(s) {
                    if !keep(s0 + m.start()) {
                        continue;
                    }
                    if let Some(span) = self.offense_phrase(text, s0 + m.end(), s1) {
                        out.push((span, s0 + m.start(), *scope));
                    }
                }
            }
        }
        out.sort_by_key(|o| o.0);
        out
    }

    /// Law mentions in `text[s0..s1]` (plus LAW entities), sorted, not overlapping.
    pub fn laws(&self, doc: &Document, s0: usize, s1: usize) -> Vec<Span> {
        let text = &doc.text;
        let s = &text[s0..s1];
        let mut all = Vec::new();
        let on = self.law_keys.rules(s);
        for (_, re) in self.laws.iter().enumerate().filter(|(i, _)| on.has(*i)) {
            for m in re.find_iter(s) {
                let mut a = s0 + m.start();
                let b = s0 + m.end();
                // ("Under Iran's Anti-Narcotics Law" opening a sentence)
                for the in ["Under ", "the ", "The "] {
                    if text[a..b].starts_with(the) {
                        a += the.len();
                    }
                }
                if a < b {
                    all.push(Span::new(a, b));
                }
            }
        }
        for e in entities_from(doc, s0) {
            if e.span.start > s1 {
                break;
            }
            if e.label == Label::Law && e.span.end <= s1 {
                all.push(e.span);
            }
        }
        all.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
        let mut out: Vec<Span> = Vec::new();
        for sp in all {
            if out.last().is_some_and(|l| l.overlaps(&sp)) {
                continue;
            }
            out.push(sp);
        }
        out
    }
}
