//! Quotation-mark pairing: finds the quoted spans of a text.
//!
//! Marks are found with SIMD byte scans (memchr) for `"`, `'` and the lead bytes
//! of the curly quotes and guillemets (a text without any costs one scan). Each mark is classified from its neighbours (an apostrophe
//! between letters — "Korea’s", "don’t" — or before digits — "‘90s" — is no quote
//! mark; a straight `"` opens when it follows a space and closes when a space or
//! punctuation follows it). Pairing runs paragraph by paragraph:
//!
//! - the first opening mark opens a quotation; marks of the other kind inside it
//!   are nested quotes and belong to its content;
//! - a quotation still open at the end of a paragraph continues when the next
//!   paragraph starts with an opening mark of the same kind (multi-paragraph
//!   quote: one part per paragraph); otherwise a double quote or guillemet is cut
//!   at the paragraph end with a warning, and a single quote is dropped (an
//!   unpaired ’ is far more often an apostrophe than a quote);
//! - an opening mark of the same kind inside an open quotation means the first
//!   one was never closed: it is cut there, with a warning.
//!
//! Paragraphs are separated by blank lines; a text without any blank line is read
//! one paragraph per line.

use crate::document::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Double,
    Single,
    Guillemet,
    /// Japanese corner brackets 「 」.
    Corner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark that may open or close.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    /// Byte range of the mark (u32: marks are many on pathological input, and a
    /// compact mark keeps memory a small multiple of the text).
    s: u32,
    e: u32,
    kind: Kind,
    role: Role,
}

impl Mark {
    fn start(&self) -> usize {
        self.s as usize
    }
    fn end(&self) -> usize {
        self.e as usize
    }
}

/// Byte length of a raw mark by its index into `" ' “ ” ‘ ’ « » „ ‚ 「 」 『 』`.
fn mark_len(id: u8) -> usize {
    match id {
        0 | 1 => 1,
        6 | 7 => 2,
        _ => 3,
    }
}

/// A quoted stretch of text.
#[derive(Debug, Clone)]
pub struct RawQuote {
    /// Content without the marks, trimmed; one per paragraph.
    pub parts: Vec<Span>,
    /// Byte offset of the first opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (or the cut point).
    pub close: usize,
    pub kind: Kind,
    /// False when the quote was cut at a paragraph end or at a new opening mark.
    pub closed: bool,
    /// Index into the paragraph list of the paragraph holding the closing mark.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct MarkFinder;

impl Default for MarkFinder {
    fn default() -> Self {
        Self::new()
    }
}

impl MarkFinder {
    pub fn new() -> Self {
        MarkFinder
    }

    /// Whether the text holds any byte that could start a quote mark.
    pub fn any(&self, text: &str) -> bool {
        let b = text.as_bytes();
        memchr::memchr3(b'"', b'\'', 0xE2, b).is_some() || memchr::memchr2(0xC2, 0xE3, b).is_some()
    }

    /// Quote marks in order: (start, index into `" ' “ ” ‘ ’ « » „ ‚ 「 」 『 』`).
    fn raw_marks(&self, text: &str) -> Vec<(u32, u8)> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, b) {
            match b[i] {
                b'"' => out.push((i as u32, 0)),
                b'\'' => out.push((i as u32, 1)),
                _ => {
                    if b.len() >= i + 3 && b[i + 1] == 0x80 {
                        let k = match b[i + 2] {
                            0x9C => 2,
                            0x9D => 3,
                            0x98 => 4,
                            0x99 => 5,
                            0x9E => 8,
                            0x9A => 9,
                            _ => continue,
                        };
                        out.push((i as u32, k));
                    }
                }
            }
        }
        let before = out.len();
        for i in memchr::memchr2_iter(0xC2, 0xE3, b) {
            match (b[i], b.get(i + 1), b.get(i + 2)) {
                (0xC2, Some(0xAB), _) => out.push((i as u32, 6)),
                (0xC2, Some(0xBB), _) => out.push((i as u32, 7)),
                (0xE3, Some(0x80), Some(&k @ 0x8C..=0x8F)) => out.push((i as u32, k - 0x8C + 10)),
                _ => {}
            }
        }
        if out.len() > before {
            out.sort_unstable();
        }
        out
    }

    /// Paired quotations of `text`, in order; `warnings` receives a message per
    /// quotation that was never closed.
    pub fn find(
        &self,
        text: &str,
        paragraphs: &[Span],
        warnings: &mut Vec<String>,
    ) -> Vec<RawQuote> {
        let marks = self.classify(text);
        let mut out = Vec::new();
        if marks.is_empty() {
            return out;
        }
        let mut mi = 0;
        // A quotation carried over from the previous paragraph.
        let mut carry: Option<Open> = None;
        for (pi, para) in paragraphs.iter().enumerate() {
            let begin = mi;
            while mi < marks.len() && marks[mi].start() < para.end {
                mi += 1;
            }
            let ms = &marks[begin..mi];
            let mut state: Option<Open> = None;
            let mut rest = ms;
            if let Some(mut c) = carry.take() {
                // Continuation: the paragraph must start with an opening mark of the same kind.
                let first = rest.first().filter(|m| {
                    m.start() == para.start && m.kind == c.kind && m.role != Role::Close
                });
                if let Some(m) = first {
                    c.content = m.end();
                    state = Some(c);
                    rest = &rest[1..];
                } else {
                    finish_unclosed(text, c, pi - 1, warnings, &mut out);
                }
            }
            let mut inner: Option<Kind> = None;
            for m in rest {
                match state.as_mut() {
                    None => {
                        if m.role != Role::Close {
                            state = Some(Open {
                                kind: m.kind,
                                open: m.start(),
                                content: m.end(),
                                parts: Vec::new(),
                            });
                        }
                    }
                    Some(o) => {
                        if let Some(ik) = inner {
                            if m.kind == ik && m.role != Role::Open {
                                inner = None;
                                continue;
                            }
                            if m.kind != o.kind || m.role == Role::Open {
                                continue;
                            }
                            // A closing mark of the outer kind ends both.
                            inner = None;
                        }
                        if m.kind == o.kind {
                            match m.role {
                                Role::Close | Role::Either => {
                                    let mut o = state.take().unwrap();
                                    push_part(text, &mut o.parts, o.content, m.start());
                                    if !o.parts.is_empty() {
                                        out.push(RawQuote {
                                            parts: o.parts,
                                            open: o.open,
                                            close: m.end(),
                                            kind: o.kind,
                                            closed: true,
                                            paragraph: pi,
                                        });
                                    }
                                }
                                Role::Open => {
                                    if o.kind == Kind::Single {
                                        continue;
                                    }
                                    // The previous quotation was never closed.
                                    let mut prev = state.take().unwrap();
                                    let cut = trim_end(text, prev.content, m.start());
                                    push_part(text, &mut prev.parts, prev.content, cut);
                                    warn_unclosed(text, &prev, warnings);
                                    if !prev.parts.is_empty() {
                                        out.push(RawQuote {
                                            parts: prev.parts,
                                            open: prev.open,
                                            close: cut,
                                            kind: prev.kind,
                                            closed: false,
                                            paragraph: pi,
                                        });
                                    }
                                    state = Some(Open {
                                        kind: m.kind,
                                        open: m.start(),
                                        content: m.end(),
                                        parts: Vec::new(),
                                    });
                                }
                            }
                        } else if m.role == Role::Open
                            || (m.role == Role::Either && o.kind != Kind::Double)
                        {
                            inner = Some(m.kind);
                        }
                    }
                }
            }
            if let Some(mut o) = state.take() {
                // Still open at the paragraph end.
                push_part(text, &mut o.parts, o.content, para.end);
                o.content = para.end;
                let next_opens = paragraphs.get(pi + 1).is_some_and(|np| {
                    marks[mi..].first().is_some_and(|m| {
                        m.start() == np.start && m.kind == o.kind && m.role != Role::Close
                    })
                });
                if next_opens {
                    carry = Some(o);
                } else {
                    finish_unclosed(text, o, pi, warnings, &mut out);
                }
            }
        }
        if let Some(c) = carry.take() {
            finish_unclosed(text, c, paragraphs.len() - 1, warnings, &mut out);
        }
        out
    }

    fn classify(&self, text: &str) -> Vec<Mark> {
        if text.len() > u32::MAX as usize {
            return Vec::new(); // offsets are u32; a 4 GiB release is not a release
        }
        let raw = self.raw_marks(text);
        let mut out = Vec::with_capacity(raw.len());
        for (s, id) in raw {
            let s = s as usize;
            let e = s + mark_len(id);
            let prev = text[..s].chars().next_back();
            let next = text[e..].chars().next();
            let prev_space = prev.map_or(true, opens_before);
            let next_space = next.map_or(true, closes_after);
            let prev_alnum = prev.is_some_and(char::is_alphanumeric);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            let next_digit = next.is_some_and(|c| c.is_ascii_digit());
            let (kind, role) = match id {
                0 => (
                    Kind::Double,
                    match (prev_space, next_space) {
                        (true, false) => Role::Open,
                        (false, true) => Role::Close,
                        _ => Role::Either,
                    },
                ),
                1 | 4 | 5 | 9 => {
                    let curly_open = id == 4 || id == 9;
                    if prev_alnum && next_alnum {
                        continue; // don't, Korea’s
                    }
                    if next_digit && (prev_space || curly_open) && is_decade(&text[e..]) {
                        continue; // ‘90s
                    }
                    if (prev_space || curly_open) && !next_space {
                        (Kind::Single, Role::Open)
                    } else if !prev_space && next_space && !curly_open {
                        (Kind::Single, Role::Close)
                    } else {
                        continue;
                    }
                }
                // “ opens, but closes German „…“ (and a quote typed with “ at
                // both ends): after a word and before a space or punctuation.
                2 if !prev_space && next_space => (Kind::Double, Role::Close),
                2 | 8 => (Kind::Double, Role::Open),
                3 => {
                    if prev_space && !next_space {
                        (Kind::Double, Role::Open)
                    } else {
                        (Kind::Double, Role::Close)
                    }
                }
                6 => (Kind::Guillemet, Role::Open),
                7 => (Kind::Guillemet, Role::Close),
                10 => (Kind::Corner, Role::Open),
                11 => (Kind::Corner, Role::Close),
                // 『 』: quotes inside 「 」
                12 => (Kind::Single, Role::Open),
                _ => (Kind::Single, Role::Close),
            };
            out.push(Mark {
                s: s as u32,
                e: e as u32,
                kind,
                role,
            });
        }
        out
    }
}

struct Open {
    kind: Kind,
    open: usize,
    /// Start of the content of the current part.
    content: usize,
    parts: Vec<Span>,
}

fn finish_unclosed(
    text: &str,
    o: Open,
    paragraph: usize,
    warnings: &mut Vec<String>,
    out: &mut Vec<RawQuote>,
) {
    if o.kind == Kind::Single || o.parts.is_empty() {
        return;
    }
    warn_unclosed(text, &o, warnings);
    let close = o.parts.last().map_or(o.content, |p| p.end);
    out.push(RawQuote {
        parts: o.parts,
        open: o.open,
        close,
        kind: o.kind,
        closed: false,
        paragraph,
    });
}

/// Unclosed quotations get one warning each up to this many, then one summary line,
/// so a text of stray opening marks cannot make the record grow without bound.
const MAX_UNCLOSED_WARNINGS: usize = 20;
const UNCLOSED: &str = "quotation never closed";
const UNCLOSED_MORE: &str = "more quotations never closed (warnings capped at 20)";

fn warn_unclosed(text: &str, o: &Open, warnings: &mut Vec<String>) {
    let seen = warnings.iter().filter(|w| w.starts_with(UNCLOSED)).count();
    if seen >= MAX_UNCLOSED_WARNINGS {
        if !warnings.iter().any(|w| w == UNCLOSED_MORE) {
            warnings.push(UNCLOSED_MORE.to_string());
        }
        return;
    }
    let start = o.parts.first().map_or(o.content, |p| p.start);
    let snippet: String = text[start..].chars().take(40).collect();
    let snippet = snippet.split('\n').next().unwrap_or("");
    warnings.push(format!(
        "{UNCLOSED}, cut at the end of its paragraph: “{snippet}…”"
    ));
}

fn push_part(text: &str, parts: &mut Vec<Span>, start: usize, end: usize) {
    if end <= start {
        return;
    }
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        parts.push(Span::new(start + lead, start + lead + t.len()));
    }
}

fn trim_end(text: &str, start: usize, end: usize) -> usize {
    start + text[start..end].trim_end().len()
}

/// Characters after which a quote mark opens.
fn opens_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '"' | '\'' | '„' | '‚'
        )
}

/// Characters before which a quote mark closes.
fn closes_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '…'
                | '”'
                | '’'
                | '»'
                | '"'
                | '\''
                | '“'
                | '」'
        )
}

/// "90s", "80’s" after an apostrophe.
fn is_decade(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && (b[2] == b's' || !b[2].is_ascii_alphanumeric())
}

/// Paragraph spans of a text (trimmed of surrounding whitespace): blocks between
/// blank lines, or single lines when the text has no blank line.
pub fn paragraphs(text: &str) -> Vec<Span> {
    // Lines with their line break, and whether they are blank.
    let lines = || {
        let mut pos = 0;
        memchr::memchr_iter(b'\n', text.as_bytes())
            .map(|nl| nl + 1)
            .chain((!text.ends_with('\n') && !text.is_empty()).then_some(text.len()))
            .map(move |end| {
                let l = Span::new(pos, end);
                pos = end;
                (l, text[l.start..l.end].trim().is_empty())
            })
    };
    let has_blank = lines().any(|l| l.1);
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    for (l, is_blank) in lines() {
        if is_blank {
            if let Some(c) = cur.take() {
                out.push(c);
            }
            continue;
        }
        cur = match cur {
            Some(c) if has_blank => Some(Span::new(c.start, l.end)),
            Some(c) => {
                out.push(c);
                Some(l)
            }
            None => Some(l),
        };
    }
    if let Some(c) = cur {
        out.push(c);
    }
    for p in &mut out {
        let s = &text[p.start..p.end];
        let lead = s.len() - s.trim_start().len();
        *p = Span::new(p.start + lead, p.start + lead + s.trim().len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(t: &str) -> (Vec<Vec<&str>>, Vec<String>) {
        let mut w = Vec::new();
        let q = MarkFinder::new().find(t, &paragraphs(t), &mut w);
        (
            q.iter()
                .map(|q| q.parts.iter().map(|p| &t[p.start..p.end]).collect())
                .collect(),
            w,
        )
    }

    #[test]
    fn curly_and_apostrophes() {
        let (q, w) = quotes("He said, “Korea’s people don’t forget the ‘90s.” Then he left.");
        assert_eq!(q, vec![vec!["Korea’s people don’t forget the ‘90s."]]);
        assert!(w.is_empty());
    }

    #[test]
    fn straight_and_nested() {
        let (q, _) = quotes("She said \"they called it 'a trap' then\" and left. 'Fine,' he said.");
        assert_eq!(q, vec![vec!["they called it 'a trap' then"], vec!["Fine,"]]);
    }

    #[test]
    fn unclosed_cut_at_paragraph() {
        let (q, w) = quotes("He said, “this never ends.\n\nNext paragraph here.");
        assert_eq!(q, vec![vec!["this never ends."]]);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn multi_paragraph() {
        let (q, w) = quotes("“First part.\n\n“Second part,” he said.");
        assert_eq!(q, vec![vec!["First part.", "Second part,"]]);
        assert!(w.is_empty());
    }

    #[test]
    fn german_low_and_japanese_corner_quotes() {
        let (q, w) = quotes(
            "Sie sagte: „Wir bleiben hier.“ Dann ging sie. Er sagte 「行きます」 und lachte.",
        );
        assert_eq!(q, vec![vec!["Wir bleiben hier."], vec!["行きます"]]);
        assert!(w.is_empty());
        // Polish „…” and an English quote typed with “ at both ends.
        let (q, _) = quotes("Powiedział „nie wiem” wczoraj. He said “we stay.“ Then left.");
        assert_eq!(q, vec![vec!["nie wiem"], vec!["we stay."]]);
    }

    #[test]
    fn guillemets() {
        let (q, _) = quotes("Il a dit « bonjour à tous » hier.");
        assert_eq!(q, vec![vec!["bonjour à tous"]]);
    }
}
