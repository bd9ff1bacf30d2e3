//! Sentence segmentation.
//!
//! # Design
//!
//! A press release is mostly well-formed prose with a few hard cases (abbreviations,
//! initials, datelines, quotes, headline lines without punctuation, hard-wrapped
//! plain text). Running the UAX #29 sentence iterator over every byte and then
//! repairing its output costs a full Unicode state machine per character and still
//! needs all the abbreviation rules afterwards, so the splitter works the other way
//! round:
//!
//! 1. **Candidate scan.** Merged SIMD `memchr` scans find the only places where a
//!    sentence can end: `.` `!` `?`, the multi-byte
//!    terminators (`…` `‼` `⁇` `⁈` `⁉` `。` `？` `！`), inline bullets `•` and line
//!    breaks. Everything else is skipped at memory speed.
//! 2. **Line breaks.** A blank line always ends a sentence. A single line break ends
//!    one too, unless the document is hard-wrapped (see [`Layout`]): then a break is
//!    a wrap when the next line's first word would not have fitted on the line, and
//!    a real break otherwise (headers, address blocks) or when the next line starts a
//!    list item.
//! 3. **Terminator rules.** At a candidate the terminator cluster (`?!`, `...`,
//!    `. . .`) and the closing quotes and brackets after it are taken as one unit; it
//!    ends a sentence only if whitespace follows. The word before a period is found
//!    with UAX #29 *word* boundaries (`unicode-segmentation`), which keep `U.S`,
//!    `Ph.D`, `a.m`, `e.g` and `3.5` together as one word, and is looked up in the
//!    abbreviation table (`patterns/sentences/abbreviations.tsv`), whose classes say
//!    whether the abbreviation never ends a sentence (`Mr.`), does not before a
//!    number (`No. 12`) or does only before a typical sentence starter
//!    (`patterns/sentences/starters.txt`: "in Washington, D.C. The letter" splits,
//!    "D.C. (International Christian Concern)" and "5 p.m. Monday" do not). Initials
//!    and letter-dot-letter tokens (`i.v.`) behave like the last class. A plain word
//!    ends a sentence unless the next word starts in lowercase — except in a
//!    paragraph without any capital letter, where lowercase is the norm.
//!
//! UAX #29 is used where it is right and cheap: word boundaries decide what "the
//! word before the period" is (an ASCII fast path gives the same answer for plain
//! ASCII words; anything else goes through `unicode-segmentation`), and Unicode
//! `char` properties (`White_Space`, letters, case) classify the context. The bulk
//! of the text is only touched by three SIMD `memchr` scans (`Candidates`). Its
//! speed is measured by the criterion benches `benches/sentences.rs` and
//! `benches/stages.rs` (about 380-480 MB/s per core).
//!
//! A closing quotation followed by a short attribution ("… we will appeal.” Khan
//! told us.", verbs in `patterns/sentences/attribution_verbs.txt`) stays one sentence.
//!
//! Sentence spans are trimmed of whitespace, never overlap and are in text order;
//! lines like `###` or `* * *` are sentences of their own (as the gold has them). In
//! Markdown, heading, list and block-quote markers are not part of the sentence.

use anyhow::{bail, Result};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{Document, Format, Span};
use crate::hash::ascii_lower;
use crate::patterns::{lines, word_list, Patterns};

/// How an abbreviation behaves before whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Never ends a sentence (titles before names: `Mr.`, `Dr.`, `Gen.`; `e.g.`).
    Never,
    /// Does not end a sentence before a number (`No. 12`, `Art. 5`); otherwise
    /// like [`AbbrevClass::Maybe`].
    Number,
    /// Ends a sentence only when a typical sentence starter follows (`U.S.`,
    /// `Inc.`, `p.m.`, `Jan.`).
    Maybe,
}

impl AbbrevClass {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "never" => Some(AbbrevClass::Never),
            "number" => Some(AbbrevClass::Number),
            "maybe" => Some(AbbrevClass::Maybe),
            _ => None,
        }
    }
}

/// The sentence segmenter, built once from pattern data.
pub struct SentenceSplitter {
    /// Abbreviations as written (without the final period).
    exact: FastMap<AbbrevClass>,
    /// The same, ASCII-lowercased (for all-caps and lowercase text).
    folded: FastMap<AbbrevClass>,
    /// Lowercased words that typically start a sentence.
    starters: FastSet,
    /// Lowercased speech verbs of a short attribution after a quote.
    attribution: FastSet,
    /// Length of the longest abbreviation: longer words skip the lookups.
    max_abbrev: usize,
}

const ABBREVIATIONS: &str = "sentences/abbreviations.tsv";
const STARTERS: &str = "sentences/starters.txt";
const ATTRIBUTION: &str = "sentences/attribution_verbs.txt";

/// Positions of the bytes where a sentence can end, in order: `.` `!` `?`, line
/// breaks, and lead bytes of the multi-byte terminators and bullets (0xE2, 0xE3,
/// 0xEF). Three SIMD `memchr` scans merged.
struct Candidates<'a> {
    punct: memchr::Memchr3<'a>,
    nl: memchr::Memchr<'a>,
    lead: memchr::Memchr3<'a>,
    peek: [Option<usize>; 3],
}

impl<'a> Candidates<'a> {
    fn new(b: &'a [u8]) -> Self {
        let mut punct = memchr::memchr3_iter(b'.', b'!', b'?', b);
        let mut nl = memchr::memchr_iter(b'\n', b);
        let mut lead = memchr::memchr3_iter(0xE2, 0xE3, 0xEF, b);
        let peek = [punct.next(), nl.next(), lead.next()];
        Candidates {
            punct,
            nl,
            lead,
            peek,
        }
    }
}

impl Iterator for Candidates<'_> {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        let mut best = 3;
        let mut pos = usize::MAX;
        for (k, p) in self.peek.iter().enumerate() {
            if let Some(p) = *p {
                if p < pos {
                    pos = p;
                    best = k;
                }
            }
        }
        self.peek[best] = match best {
            0 => self.punct.next(),
            1 => self.nl.next(),
            2 => self.lead.next(),
            _ => return None,
        };
        Some(pos)
    }
}

type FastMap<V> = crate::hash::FxMap<Box<str>, V>;
type FastSet = crate::hash::FxSet<Box<str>>;

/// What a terminator character is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Period,
    /// `!`, `?` and their combinations.
    Bang,
    /// `…`
    Ellipsis,
    /// CJK full stops and marks: end a sentence even without a following space.
    FullWidth,
}

fn term_at(s: &str, i: usize) -> Option<(Term, usize)> {
    let b = s.as_bytes();
    match b[i] {
        b'.' => Some((Term::Period, 1)),
        b'!' | b'?' => Some((Term::Bang, 1)),
        0xE2 | 0xE3 | 0xEF if i + 2 < b.len() => match (b[i], b[i + 1], b[i + 2]) {
            (0xE2, 0x80, 0xA6) => Some((Term::Ellipsis, 3)),
            (0xE2, 0x80, 0xBC) | (0xE2, 0x81, 0x87..=0x89) => Some((Term::Bang, 3)),
            (0xE3, 0x80, 0x82) | (0xEF, 0xBC, 0x9F) | (0xEF, 0xBC, 0x81) | (0xEF, 0xBD, 0xA1) => {
                Some((Term::FullWidth, 3))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Closing quotes and brackets that belong to the sentence before them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '”'
            | '’'
            | '»'
            | '›'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〉'
            | '》'
    )
}

/// Opening quotation marks (not brackets) that may start a sentence.
fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '「' | '『')
}

/// Paragraph-level layout of a document: is it hard-wrapped, and at which width?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Wrap width in characters, if the text looks hard-wrapped.
    pub wrap: Option<usize>,
}

impl Layout {
    /// Longest line length considered for wrapping.
    const MAX_WRAP: usize = 130;

    /// Looks at the lines that are followed by another non-blank line ("interior"
    /// lines). The text is hard-wrapped when there are at least three of them, at
    /// most 130 characters long, and most of them are within 70% of the longest.
    pub fn of(text: &str) -> Layout {
        let b = text.as_bytes();
        let mut lens: Vec<usize> = Vec::new();
        let mut long = 0usize;
        let mut start = 0;
        for nl in memchr::memchr_iter(b'\n', b) {
            let next_blank = next_line_blank(b, nl + 1);
            if !next_blank {
                let line = &text[start..nl];
                if line.len() > Self::MAX_WRAP * 4 {
                    long += 1;
                } else {
                    let n = char_len(line.trim_end());
                    if n > Self::MAX_WRAP {
                        long += 1;
                    } else {
                        lens.push(n);
                    }
                }
            }
            start = nl + 1;
        }
        let Some(&max) = lens.iter().max() else {
            return Layout { wrap: None };
        };
        if max < 40 {
            return Layout { wrap: None };
        }
        let near = lens.iter().filter(|&&n| n * 10 >= max * 7).count();
        let total = lens.len() + long;
        if near >= 3 && near * 2 >= total {
            Layout { wrap: Some(max) }
        } else {
            Layout { wrap: None }
        }
    }
}

fn char_len(s: &str) -> usize {
    s.bytes().filter(|&b| (b & 0xC0) != 0x80).count()
}

/// Is the line starting at `i` empty or whitespace only?
fn next_line_blank(b: &[u8], mut i: usize) -> bool {
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\r' | 0x0B | 0x0C => i += 1,
            b'\n' => return true,
            0xC2 if b.get(i + 1) == Some(&0xA0) => i += 2,
            _ => return false,
        }
    }
    true
}

/// Does the line starting at byte `i` (after indentation) begin a list item?
fn starts_list_item(s: &str) -> bool {
    let t = s.trim_start();
    let mut cs = t.chars();
    match cs.next() {
        Some('•' | '◦' | '▪' | '‣' | '●' | '○' | '■' | '□' | '►' | '✓' | '✔' | '·') => {
            true
        }
        Some('-' | '*' | '+' | '–' | '—') => cs.next().is_some_and(char::is_whitespace),
        Some('#') => true,
        Some(c) if c.is_ascii_digit() || c.is_ascii_alphabetic() => {
            // "1. ", "12) ", "a) ", "(iv)" handled below
            let head: String = t.chars().take(5).collect();
            let hb = head.as_bytes();
            let mut k = 0;
            if c.is_ascii_digit() {
                while k < hb.len() && hb[k].is_ascii_digit() {
                    k += 1;
                }
            } else {
                k = 1;
            }
            k < hb.len()
                && (hb[k] == b'.' || hb[k] == b')')
                && hb.get(k + 1).is_some_and(|&x| x == b' ' || x == b'\t')
        }
        Some('(') => {
            let inner: String = cs.take_while(|&c| c != ')').take(5).collect();
            !inner.is_empty()
                && inner.len() <= 4
                && inner.chars().all(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

/// `text` with every CR that is not followed by LF replaced by LF, or None when it
/// has none (the common case costs one memchr scan).
fn lone_cr_to_lf(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let lone = |i: usize| b.get(i + 1) != Some(&b'\n');
    memchr::memchr_iter(b'\r', b).find(|&i| lone(i))?;
    let mut out = b.to_vec();
    for i in memchr::memchr_iter(b'\r', b) {
        if lone(i) {
            out[i] = b'\n';
        }
    }
    // Replacing one ASCII byte by another keeps the text valid UTF-8.
    Some(String::from_utf8(out).expect("ASCII substitution keeps UTF-8"))
}

/// Case style of a paragraph, decided lazily and cached.
struct CaseCache {
    start: usize,
    end: usize,
    lowercase: bool,
}

impl SentenceSplitter {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let mut exact = FastMap::default();
        let mut folded = FastMap::default();
        for line in lines(patterns.require(ABBREVIATIONS)?) {
            let word = line.col(0).trim_end_matches('.');
            let class_name = line.col(1);
            let Some(class) = AbbrevClass::parse(class_name) else {
                bail!(
                    "{ABBREVIATIONS}:{}: class {class_name:?} is not one of never, number, maybe",
                    line.number
                );
            };
            if word.is_empty() {
                bail!("{ABBREVIATIONS}:{}: empty abbreviation", line.number);
            }
            exact.insert(Box::from(word), class);
            let f = word.to_ascii_lowercase().into_boxed_str();
            // A folded entry never weakens another: `never` wins over `maybe`.
            let e = folded.entry(f).or_insert(class);
            if class == AbbrevClass::Never {
                *e = AbbrevClass::Never;
            }
        }
        let starters = word_list(patterns.require(STARTERS)?)
            .map(|w| w.to_lowercase().into_boxed_str())
            .collect();
        let attribution = word_list(patterns.require(ATTRIBUTION)?)
            .map(|w| w.to_lowercase().into_boxed_str())
            .collect();
        let max_abbrev = exact.keys().map(|k| k.len()).max().unwrap_or(0);
        Ok(SentenceSplitter {
            max_abbrev,
            exact,
            folded,
            starters,
            attribution,
        })
    }

    /// Fills `doc.sentences`.
    pub fn run(&self, doc: &mut Document) {
        let markdown = doc.format == Format::Markdown;
        doc.sentences = self.split_with(&doc.text, Layout::of(&doc.text), markdown);
    }

    /// Sentence spans of a text, trimmed, in order and not overlapping.
    pub fn split(&self, text: &str) -> Vec<Span> {
        self.split_with(text, Layout::of(text), false)
    }

    /// [`SentenceSplitter::split`] with a known layout; `markdown` strips heading
    /// and list markers from the sentence starts.
    pub fn split_with(&self, text: &str, layout: Layout, markdown: bool) -> Vec<Span> {
        // Old Mac line ends: a lone CR is a line break. The rules only look for LF, so
        // they run on a copy with each lone CR made an LF (same length, same offsets).
        let normalized;
        let text = match lone_cr_to_lf(text) {
            Some(t) => {
                normalized = t;
                normalized.as_str()
            }
            None => text,
        };
        let b = text.as_bytes();
        let n = b.len();
        let mut out = Vec::with_capacity(n / 120 + 1);
        let mut seg = 0usize;
        let mut line_start = 0usize;
        let mut cache = CaseCache {
            start: 0,
            end: 0,
            lowercase: false,
        };
        let mut resume = 0usize;
        for i in Candidates::new(b) {
            if i < resume {
                continue;
            }
            if b[i] == b'\n' {
                if self.hard_break(text, line_start, i, layout) {
                    push_trimmed(text, seg, i, markdown, &mut out);
                    seg = i + 1;
                }
                line_start = i + 1;
                continue;
            }
            // Inline bullet "•" after whitespace starts a new item.
            if b[i] == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA2) {
                if i > seg && b[i - 1].is_ascii_whitespace() && !text[seg..i].trim().is_empty() {
                    push_trimmed(text, seg, i, markdown, &mut out);
                    seg = i;
                }
                continue;
            }
            let Some((term, len)) = term_at(text, i) else {
                continue;
            };
            let (end, boundary) = self.decide(text, seg, line_start, i, term, len, &mut cache);
            if boundary {
                push_trimmed(text, seg, end, markdown, &mut out);
                seg = end;
            }
            // Line breaks inside the cluster (none in practice) still move
            // `line_start`.
            if let Some(p) = memchr::memrchr(b'\n', &b[i..end]) {
                line_start = i + p + 1;
            }
            resume = end.max(i + len);
        }
        push_trimmed(text, seg, n, markdown, &mut out);
        out
    }

    /// Does the line break at `nl` end a sentence?
    fn hard_break(&self, text: &str, line_start: usize, nl: usize, layout: Layout) -> bool {
        let b = text.as_bytes();
        if next_line_blank(b, nl + 1) {
            return true;
        }
        let Some(width) = layout.wrap else {
            return true;
        };
        let next_line_end = memchr::memchr(b'\n', &b[nl + 1..]).map_or(b.len(), |p| nl + 1 + p);
        let next = &text[nl + 1..next_line_end];
        if starts_list_item(next) {
            return true;
        }
        let line = text[line_start..nl].trim_end();
        let next_word = next
            .trim_start()
            .split(char::is_whitespace)
            .next()
            .unwrap_or("");
        // A wrapper breaks when the next word does not fit; allow a little slack for
        // wrappers that count differently.
        char_len(line) + 1 + char_len(next_word) + 5 <= width
    }

    /// Decides whether the terminator at `i` ends a sentence. Returns the end of the
    /// terminator cluster with its closing quotes and brackets, and the decision.
    #[allow(clippy::too_many_arguments)]
    fn decide(
        &self,
        text: &str,
        seg: usize,
        line_start: usize,
        i: usize,
        first: Term,
        first_len: usize,
        cache: &mut CaseCache,
    ) -> (usize, bool) {
        let b = text.as_bytes();
        let n = b.len();
        // The cluster: terminators, spaced dots (". . ."), closers.
        let mut j = i + first_len;
        let mut dots = usize::from(first == Term::Period);
        let mut bang = first == Term::Bang;
        let mut ellipsis = first == Term::Ellipsis;
        let mut full = first == Term::FullWidth;
        let mut quote_closed = false;
        loop {
            if j >= n {
                break;
            }
            if let Some((t, l)) = term_at(text, j) {
                match t {
                    Term::Period => dots += 1,
                    Term::Bang => bang = true,
                    Term::Ellipsis => ellipsis = true,
                    Term::FullWidth => full = true,
                }
                j += l;
                continue;
            }
            // ". . ." : a space followed by a period that is followed by a space,
            // another period or the end.
            if b[j] == b' ' && dots >= 1 && b.get(j + 1) == Some(&b'.') {
                let after = b.get(j + 2).copied();
                if matches!(after, None | Some(b' ' | b'.' | b'\n' | b'\r')) && dots + 1 >= 2 {
                    dots += 1;
                    j += 2;
                    continue;
                }
            }
            let c = text[j..].chars().next().expect("j < n is a char boundary");
            if is_closer(c) {
                quote_closed |= !matches!(c, ')' | ']' | '}' | '）' | '】' | '〉' | '》');
                j += c.len_utf8();
                continue;
            }
            break;
        }
        if dots >= 3 {
            ellipsis = true;
        }
        if j >= n {
            return (n, true);
        }
        let next_char = text[j..].chars().next().expect("char boundary");
        if full {
            return (j, true);
        }
        if !next_char.is_whitespace() {
            return (j, false);
        }
        // The next token.
        let rest = &text[j..];
        let k = j + (rest.len() - rest.trim_start().len());
        if k >= n {
            return (j, true);
        }
        let mut nc = text[k..].chars();
        let c1 = nc.next().expect("k < n");
        let (quoted, lead) = if is_open_quote(c1) {
            (true, nc.next().unwrap_or(' '))
        } else {
            (false, c1)
        };
        let next_lower = lead.is_lowercase();
        let next_upper = lead.is_uppercase();
        let next_digit = c1.is_ascii_digit();
        let word_at = if quoted { k + c1.len_utf8() } else { k };

        let lower_ok = |cache: &mut CaseCache| next_lower && paragraph_lowercase(b, k, cache);
        // “... we will appeal.” Khan told us. — a short attribution stays with its quote.
        if quote_closed && !ellipsis && next_upper && !quoted && self.is_attribution(text, k) {
            return (j, false);
        }

        // "and -- voila! -- you have cake": an exclamation between dashes.
        let dash_next = matches!(c1, '-' | '–' | '—');
        if bang && !ellipsis && dots == 0 {
            return (j, !dash_next && (!next_lower || lower_ok(cache)));
        }
        if ellipsis {
            let starter = self.is_starter(text, word_at);
            let split = if next_lower {
                lower_ok(cache) && starter
            } else {
                next_upper || (quoted && starter)
            };
            return (j, split);
        }
        if bang {
            // "?." or "!." mixes: treat as a bang.
            return (j, !next_lower || lower_ok(cache));
        }
        // Periods.
        let (wstart, word) = prev_word(text, i, seg);
        let class = self.classify(word, wstart, line_start, text);
        let split = match class {
            WordClass::ListMarker => false,
            WordClass::Abbrev(AbbrevClass::Never) => false,
            WordClass::Abbrev(AbbrevClass::Number) if next_digit => false,
            WordClass::Abbrev(_) => {
                if next_lower && !lower_ok(cache) {
                    false
                } else {
                    self.is_starter(text, word_at) || (quoted && next_upper)
                }
            }
            WordClass::Plain => !next_lower || lower_ok(cache),
        };
        (j, split)
    }

    fn classify(&self, word: &str, wstart: usize, line_start: usize, text: &str) -> WordClass {
        if word.is_empty() {
            return WordClass::Plain;
        }
        let wb = word.as_bytes();
        // "1." / "a." / "iv." at the start of a line: a list marker.
        if wb.len() <= 3
            && (wb.iter().all(u8::is_ascii_digit) || (wb.len() == 1 && wb[0].is_ascii_alphabetic()))
            && text[line_start..wstart]
                .trim()
                .trim_start_matches(['(', '['])
                .is_empty()
        {
            return WordClass::ListMarker;
        }
        if word.len() > self.max_abbrev + 3 {
            // Longer than any abbreviation (even with leading digits: "5p.m").
            return WordClass::Plain;
        }
        if let Some(&c) = self.exact.get(word) {
            return WordClass::Abbrev(c);
        }
        let mut buf = [0u8; 24];
        // Strip leading digits ("5p.m").
        let core = word.trim_start_matches(|c: char| c.is_ascii_digit());
        if core.is_empty() {
            return WordClass::Plain;
        }
        if core.len() >= 2 {
            if let Some(&c) =
                ascii_lower(core.as_bytes(), &mut buf).and_then(|l| self.folded.get(l))
            {
                return WordClass::Abbrev(c);
            }
        }
        let mut chars = core.chars();
        let first = chars.next().expect("non-empty");
        // A single letter: an initial ("John F. Kennedy", "J. R. R. Tolkien").
        if chars.next().is_none() {
            return if first.is_alphabetic() {
                WordClass::Abbrev(AbbrevClass::Maybe)
            } else {
                WordClass::Plain
            };
        }
        // Letters separated by periods, short pieces: "i.v", "U.S", "B.Sc".
        if core.contains('.')
            && core.split('.').all(|p| {
                !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic)
            })
        {
            return WordClass::Abbrev(AbbrevClass::Maybe);
        }
        WordClass::Plain
    }

    /// Is the text at `k` a short attribution clause ("Khan told us.", "Sajid
    /// said.", "the group added.") that ends with a period?
    fn is_attribution(&self, text: &str, k: usize) -> bool {
        let mut hi = text.len().min(k + 80);
        while !text.is_char_boundary(hi) {
            hi -= 1;
        }
        let rest = &text[k..hi];
        let Some(end) = rest.find(['.', '!', '?', '\n', '“', '"', ',', ';', ':']) else {
            return false;
        };
        if rest.as_bytes()[end] != b'.' {
            return false;
        }
        let clause = &rest[..end];
        let words: Vec<&str> = clause.split_whitespace().collect();
        let mut buf = [0u8; 16];
        (2..=6).contains(&words.len())
            && words.iter().any(|w| {
                ascii_lower(w.as_bytes(), &mut buf).is_some_and(|l| self.attribution.contains(l))
            })
    }

    /// Is the word at `k` a typical sentence starter (case-insensitive)?
    fn is_starter(&self, text: &str, k: usize) -> bool {
        let rest = &text.as_bytes()[k..];
        let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if len == 0 || len > 16 {
            return false;
        }
        // Must be a whole word ("The", not "Thebes" — handled by length) followed
        // by a non-letter.
        if rest.get(len).is_some_and(|&c| c >= 0x80) {
            return false;
        }
        let mut buf = [0u8; 16];
        ascii_lower(&rest[..len], &mut buf).is_some_and(|w| self.starters.contains(w))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordClass {
    ListMarker,
    Abbrev(AbbrevClass),
    Plain,
}

/// The word that ends at byte `i` (never starting before `floor`), with its start,
/// by UAX #29 word boundaries: `U.S`, `Ph.D`, `e.g`, `3.5` and `example.com` are
/// one word. ASCII words (letters and digits joined by periods) take a fast path
/// with the same result; anything else goes through `unicode-segmentation`.
fn prev_word(text: &str, i: usize, floor: usize) -> (usize, &str) {
    let b = text.as_bytes();
    let mut s = i;
    while s > floor && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'.' || b[s - 1] == b'\'') {
        s -= 1;
    }
    // A period or apostrophe can only join two word characters.
    while s < i && (b[s] == b'.' || b[s] == b'\'') {
        s += 1;
    }
    if s == i || s == floor || b[s - 1] < 0x80 {
        if s < i && b[s..i].windows(2).any(|w| w == b"..") {
            // "a..b": UAX #29 splits at the double period.
            let last = memchr::memrchr(b'.', &b[s..i]).map_or(s, |p| s + p + 1);
            return (last, &text[last..i]);
        }
        return (s, &text[s..i]);
    }
    let mut lo = i.saturating_sub(64).max(floor);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    match text[lo..i].split_word_bound_indices().next_back() {
        Some((off, w)) if w.chars().next().is_some_and(char::is_alphanumeric) => (lo + off, w),
        _ => (i, ""),
    }
}

/// Is the paragraph around `k` free of capital letters (lowercase text)? Cached per
/// paragraph; each paragraph is scanned at most once.
fn paragraph_lowercase(b: &[u8], k: usize, cache: &mut CaseCache) -> bool {
    if k >= cache.start && k < cache.end {
        return cache.lowercase;
    }
    // Paragraph bounds: blank lines.
    let mut start = k;
    while start > 0 {
        match memchr::memrchr(b'\n', &b[..start]) {
            Some(p) => {
                let prev_start = memchr::memrchr(b'\n', &b[..p]).map_or(0, |q| q + 1);
                if b[prev_start..p].iter().all(u8::is_ascii_whitespace) {
                    start = p + 1;
                    break;
                }
                start = prev_start;
            }
            None => {
                start = 0;
                break;
            }
        }
    }
    let mut end = k;
    loop {
        match memchr::memchr(b'\n', &b[end..]) {
            Some(p) => {
                end += p + 1;
                if next_line_blank(b, end) {
                    break;
                }
            }
            None => {
                end = b.len();
                break;
            }
        }
    }
    let para = &b[start..end];
    let lowercase =
        !para.iter().any(u8::is_ascii_uppercase) && para.iter().any(u8::is_ascii_lowercase);
    *cache = CaseCache {
        start,
        end,
        lowercase,
    };
    lowercase
}

/// Pushes `text[start..end]` trimmed of whitespace (and, in Markdown, of a leading
/// heading, list or quote marker), if anything is left.
fn push_trimmed(text: &str, start: usize, end: usize, markdown: bool, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let mut t = piece.trim_start();
    if markdown {
        t = strip_markdown_marker(t);
    }
    let lead = piece.len() - t.len();
    let t = t.trim_end();
    if !t.is_empty() {
        out.push(Span::new(start + lead, start + lead + t.len()));
    }
}

/// `# Heading`, `- item`, `* item`, `+ item`, `> quote` → the text after the
/// marker, when some letter or digit follows.
fn strip_markdown_marker(t: &str) -> &str {
    let b = t.as_bytes();
    let marker = match b.first() {
        Some(b'#') => b.iter().take_while(|&&c| c == b'#').count().min(7),
        Some(b'-' | b'*' | b'+' | b'>') => 1,
        _ => return t,
    };
    if marker > 6 {
        return t;
    }
    let rest = &t[marker..];
    let after = rest.trim_start();
    let spaced = rest.len() > after.len() || b[0] == b'>';
    if spaced
        && after
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || is_open_quote(c) || c == '(' || c == '*')
    {
        // A nested marker ("> - item").
        if after.starts_with(['>', '-', '+']) {
            return strip_markdown_marker(after);
        }
        after
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        let s = SentenceSplitter::new(&Patterns::embedded()).unwrap();
        s.split(t)
            .into_iter()
            .map(|sp| &t[sp.start..sp.end])
            .collect()
    }

    #[test]
    fn lines_and_abbreviations() {
        assert_eq!(
            split("Headline here\n\nMr. Smith met Dr. Jones. They talked.\n"),
            vec!["Headline here", "Mr. Smith met Dr. Jones.", "They talked."]
        );
    }

    #[test]
    fn list_items() {
        assert!(starts_list_item("1. First"));
        assert!(starts_list_item("  - item"));
        assert!(starts_list_item("(a) item"));
        assert!(!starts_list_item("In 2020 the"));
        assert!(!starts_list_item("-5 degrees"));
    }

    #[test]
    fn layout_detects_wrapping() {
        let wrapped = "The quick brown fox jumps over the lazy dog and keeps on\n\
                       running through the field until it reaches the far side\n\
                       of the valley where the river bends sharply to the east\n\
                       and the story ends.\n";
        assert!(Layout::of(wrapped).wrap.is_some());
        assert_eq!(Layout::of("Title\nSub title\n\nBody.\n").wrap, None);
    }

    #[test]
    fn bad_class_is_reported_with_line() {
        let mut p = Patterns::embedded();
        p.insert(ABBREVIATIONS, "# c\nMr\tnever\nFoo\tsometimes\n");
        let e = SentenceSplitter::new(&p).err().unwrap().to_string();
        assert!(e.contains("abbreviations.tsv:3"), "{e}");
    }
}
