//! A small, allocation-light word tokenizer for the entity rules.
//!
//! Words are runs of alphanumeric characters; a hyphen joins two words when a letter
//! or digit follows it ("Jae-in", "295-C", "Saif-Ul-Malook"), an apostrophe joins
//! only when an upper-case letter follows ("O'Brien"), so that a possessive
//! ("Pakistan’s") stays outside the word. Everything else that is not white space is a
//! one-character punctuation token.

use crate::document::Span;

pub const CAP: u8 = 1; // first character is upper case
pub const UPPER: u8 = 2; // at least two letters, all upper case
pub const LOWER: u8 = 4; // first character is lower case
pub const DIGIT: u8 = 8; // first character is a digit
pub const SENT_START: u8 = 16; // first word of a sentence
pub const HEADLINE: u8 = 32; // in a Title Case or ALL-CAPS line
pub const WORD: u8 = 64; // a word (else punctuation)
pub const JOINED: u8 = 128; // a word joined by a hyphen or apostrophe ("Jae-in")

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub flags: u8,
    /// Word-list flags (`Lexicon::flags`) of a word that does not start in lower
    /// case, set by the entity scan (0 for every other token).
    pub lex: u16,
    /// 1 + the index of the titles that start with this word in the lexicon's title
    /// lists, when the entity scan found them (`Lexicon::flags_hashed`); 0 otherwise.
    pub title: u16,
}

impl Token {
    /// A token with no word-list or title data (the scan fills those in later).
    #[inline]
    pub fn new(start: usize, end: usize, flags: u8) -> Self {
        Token {
            start,
            end,
            flags,
            lex: 0,
            title: 0,
        }
    }

    #[inline]
    pub fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// Capitalized but not ALL CAPS (a name-like word).
    #[inline]
    pub fn is_cap_word(&self) -> bool {
        self.flags & (CAP | UPPER | WORD) == CAP | WORD
    }
}

/// `char::is_alphanumeric`, without a Unicode table search for ASCII and for the
/// General Punctuation block (curly quotes, dashes), which holds no letter or digit.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{2000}'..='\u{206F}') {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// `char::is_whitespace`, with the General Punctuation block answered directly.
#[inline]
fn is_space(c: char) -> bool {
    if matches!(c, '\u{2000}'..='\u{206F}') {
        matches!(
            c,
            '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}'
        )
    } else {
        c.is_whitespace()
    }
}

#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text[i..].chars().next()
    }
}

/// The word hash shared by the gazetteer and the lexicon tables (`fold`: of the
/// word ASCII lower-cased): eight bytes at a time, each chunk mixed in by a folded
/// 128-bit multiply (the last one of one to seven bytes read in at most two loads).
#[inline(always)]
pub fn hash_word(w: &[u8], fold: bool) -> u64 {
    let low = |x: u64| if fold { ascii_lower(x) } else { x };
    let mut h = w.len() as u64;
    let mut chunks = w.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h ^ low(u64::from_le_bytes(c.try_into().expect("8 bytes"))));
    }
    let r = chunks.remainder();
    let n = r.len();
    if n >= 4 {
        let x = |i: usize| u64::from(u32::from_le_bytes(r[i..i + 4].try_into().expect("4 bytes")));
        h = mix(h ^ low(x(0) | x(n - 4) << 32));
    } else if n > 0 {
        let x = u64::from(r[0]) | u64::from(r[n / 2]) << 8 | u64::from(r[n - 1]) << 16;
        h = mix(h ^ low(x));
    }
    h
}

/// The high and low halves of `x` times an odd constant, xored: every bit of the
/// result depends on every bit of `x`.
#[inline(always)]
fn mix(x: u64) -> u64 {
    let p = u128::from(x) * 0x517c_c1b7_2722_0a95;
    (p as u64) ^ (p >> 64) as u64
}

/// The eight bytes of `x` with every ASCII capital lower-cased (other bytes
/// unchanged).
#[inline(always)]
fn ascii_lower(x: u64) -> u64 {
    const H: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // (as in `lower_run`: the high bit of each byte of `t` keeps subtractions from
    // borrowing across bytes; a capital is an ASCII byte with 0x41 <= b < 0x5B)
    let t = x | H;
    let upper = t.wrapping_sub(ONES * 0x41) & !t.wrapping_sub(ONES * 0x5B) & !x & H;
    x | upper >> 2
}

/// `key == w` for two byte strings (`fold`: with `w` ASCII lower-cased first), in
/// a few whole-word compares (overlapping at the end) instead of a byte loop or a
/// call: the lookups of the word tables and the gazetteer compare short words.
#[inline(always)]
pub fn same_word(key: &[u8], w: &[u8], fold: bool) -> bool {
    let n = key.len();
    if n != w.len() {
        return false;
    }
    let (k0, k1, w0, w1) = if (8..=16).contains(&n) {
        let x = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("8 bytes"));
        (x(key, 0), x(key, n - 8), x(w, 0), x(w, n - 8))
    } else if (4..8).contains(&n) {
        let x = |s: &[u8], i: usize| {
            u64::from(u32::from_le_bytes(s[i..i + 4].try_into().expect("4 bytes")))
        };
        (x(key, 0), x(key, n - 4), x(w, 0), x(w, n - 4))
    } else if (1..4).contains(&n) {
        let x = |s: &[u8]| u64::from(s[0]) | u64::from(s[n / 2]) << 8 | u64::from(s[n - 1]) << 16;
        (x(key), 0, x(w), 0)
    } else if n == 0 {
        return true;
    } else {
        return if fold {
            key.iter()
                .zip(w)
                .all(|(&a, &b)| a == b.to_ascii_lowercase())
        } else {
            key == w
        };
    };
    if !fold {
        return k0 == w0 && k1 == w1;
    }
    const H: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    if (w0 | w1) & H != 0 {
        // not ASCII: byte by byte
        return key
            .iter()
            .zip(w)
            .all(|(&a, &b)| a == b.to_ascii_lowercase());
    }
    // ASCII bytes: bit 0x20 set on the capitals (0x41..=0x5A); no carry crosses a
    // byte (each is below 0x80)
    let lower = |x: u64| x | ((x + ONES * 0x3F) & !(x + ONES * 0x25) & H) >> 2;
    k0 == lower(w0) && k1 == lower(w1)
}

/// What the tokenizer tells about each token as it pushes it (the entity scan fuses
/// its per-token work into tokenization this way; `()` does nothing).
pub trait Sink {
    /// Token `toks.len() - 1` was pushed. For a word that does not start in lower
    /// case, `hash` is the `hash_word` hash of its leading run of ASCII letters and
    /// digits, which ends at byte `run_end` (`run_end` is the token start when there
    /// is no such run, and for every other token).
    fn token(&mut self, toks: &mut Vec<Token>, hash: u64, run_end: usize);
    /// `token` for a word that starts with an ASCII lower-case letter.
    fn lower(&mut self, toks: &mut Vec<Token>) {
        let start = toks.last().map_or(0, |t| t.start);
        self.token(toks, 0, start);
    }
    /// `lower` for a word of ASCII lower-case letters only, bytes `start..end` (not
    /// joined, flags `WORD | LOWER`).
    fn plain_lower(&mut self, toks: &mut Vec<Token>, start: usize, end: usize) {
        let _ = (start, end);
        self.lower(toks);
    }
    /// `token` for a one-byte ASCII punctuation token.
    fn punct(&mut self, toks: &mut Vec<Token>) {
        let start = toks.last().map_or(0, |t| t.start);
        self.token(toks, 0, start);
    }
    /// A line feed (between tokens).
    fn newline(&mut self, toks: &mut Vec<Token>);
    /// The end of the text.
    fn finish(&mut self, toks: &mut Vec<Token>);
}

impl Sink for () {
    #[inline(always)]
    fn token(&mut self, _: &mut Vec<Token>, _: u64, _: usize) {}
    #[inline(always)]
    fn lower(&mut self, _: &mut Vec<Token>) {}
    #[inline(always)]
    fn plain_lower(&mut self, _: &mut Vec<Token>, _: usize, _: usize) {}
    #[inline(always)]
    fn punct(&mut self, _: &mut Vec<Token>) {}
    #[inline(always)]
    fn newline(&mut self, _: &mut Vec<Token>) {}
    #[inline(always)]
    fn finish(&mut self, _: &mut Vec<Token>) {}
}

/// Tokenizes `text` into `out` (cleared first).
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    tokenize_into(text, out, ());
}

/// Tokenizes `text` into `out` (cleared first), telling `sink` about every token;
/// returns the sink.
///
/// The loop itself handles the common tokens (a lower-case ASCII word before a
/// space, ASCII punctuation, white space); every other word is scanned out of line,
/// which keeps the loop's state in registers.
#[inline(never)]
pub fn tokenize_into<S: Sink>(text: &str, out: &mut Vec<Token>, mut sink: S) -> S {
    out.clear();
    out.reserve(text.len() / 4);
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let class = ASCII_CLASS[c as usize];
        if class & NOT_UPPER != 0 {
            // most words are lower-case ASCII letters followed by a space: no
            // joiner, no other character to look at
            let start = i;
            let end = lower_run(b, i + 1);
            if b.get(end) == Some(&b' ') {
                out.push(Token::new(start, end, WORD | LOWER));
                sink.plain_lower(out, start, end);
                i = end + 1;
                continue;
            }
            i = lower_word(text, start, end, out, &mut sink);
        } else if class & (ALPHA | NUMBER) != 0 {
            i = cap_word(text, i, class, out, &mut sink);
        } else if class & SPACE != 0 {
            if c == b'\n' {
                sink.newline(out);
            }
            i += 1;
        } else if c < 0x80 {
            out.push(Token::new(i, i + 1, 0));
            sink.punct(out);
            // (a comma or a period is mostly followed by one space: skipped here)
            i += 1 + usize::from(b.get(i + 1) == Some(&b' '));
        } else {
            i = non_ascii(text, i, out, &mut sink);
        }
    }
    sink.finish(out);
    sink
}

/// The rest of a word that starts with an ASCII lower-case letter at `start`,
/// scanned up to `end` already (not followed by a space, or not ending there);
/// returns where the next token may start.
#[inline(never)]
fn lower_word<S: Sink>(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Token>,
    sink: &mut S,
) -> usize {
    let i = word_rest(text, start, end, NOT_UPPER, WORD | LOWER, out);
    sink.lower(out);
    // (most words end before one space: skipped here, not by the loop)
    i + usize::from(text.as_bytes().get(i) == Some(&b' '))
}

/// The word that starts with the ASCII capital or digit at `i` (`class`: its
/// `ASCII_CLASS`); returns where the next token may start.
#[inline(never)]
fn cap_word<S: Sink>(
    text: &str,
    mut i: usize,
    class: u8,
    out: &mut Vec<Token>,
    sink: &mut S,
) -> usize {
    let b = text.as_bytes();
    let first = if class & UPPER_CASE != 0 { CAP } else { DIGIT };
    // the leading ASCII run (then hashed)
    let start = i;
    let mut seen = class;
    // most of these words go on in lower-case letters: their end found eight bytes
    // at a time
    let end = lower_run(b, i + 1);
    if end > i + 1 {
        seen |= ALPHA | NOT_UPPER;
    }
    let (run_end, classes) = alnum_run(b, end);
    seen |= classes;
    i = run_end;
    let h = hash_word(&b[start..run_end], false);
    if b.get(i) == Some(&b' ') {
        // (the common case: letters and digits, then a space)
        let mut flags = WORD | first;
        if seen & NOT_UPPER == 0
            && b[start..i]
                .iter()
                .filter(|c| c.is_ascii_alphabetic())
                .count()
                >= 2
        {
            flags |= UPPER;
        }
        out.push(Token::new(start, i, flags));
        sink.token(out, h, run_end);
        return i + 1;
    }
    i = word_rest(text, start, i, seen, WORD | first, out);
    sink.token(out, h, run_end);
    i + usize::from(b.get(i) == Some(&b' '))
}

/// The token at `i`, which starts with a byte of a multi-byte character; returns
/// where the next token may start.
#[inline(never)]
fn non_ascii<S: Sink>(text: &str, i: usize, out: &mut Vec<Token>, sink: &mut S) -> usize {
    let ch = text[i..].chars().next().unwrap();
    if is_alnum(ch) {
        let flags = if ch.is_uppercase() {
            CAP
        } else if ch.is_lowercase() {
            LOWER
        } else if ch.is_numeric() {
            DIGIT
        } else {
            0
        };
        let end = word(text, i, WORD | flags, out);
        sink.token(out, 0, i);
        return end;
    }
    if !is_space(ch) {
        out.push(Token::new(i, i + ch.len_utf8(), 0));
        sink.token(out, 0, i);
    }
    i + ch.len_utf8()
}

const ALPHA: u8 = 1;
const UPPER_CASE: u8 = 2;
const NUMBER: u8 = 4;
const NOT_UPPER: u8 = 8; // a letter that is not upper case
const SPACE: u8 = 16; // ASCII white space

/// Classes of the ASCII bytes (0 for every other byte).
/// The end of the run of ASCII letters and digits from `i`, and the classes of its bytes.
#[inline(always)]
fn alnum_run(b: &[u8], mut i: usize) -> (usize, u8) {
    let mut seen = 0;
    while i < b.len() {
        let class = ASCII_CLASS[b[i] as usize];
        if class & (ALPHA | NUMBER) == 0 {
            break;
        }
        seen |= class;
        i += 1;
    }
    (i, seen)
}

static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_uppercase() {
            ALPHA | UPPER_CASE
        } else if b.is_ascii_lowercase() {
            ALPHA | NOT_UPPER
        } else if b.is_ascii_digit() {
            NUMBER
        } else if b.is_ascii_whitespace() {
            SPACE
        } else {
            0
        };
        c += 1;
    }
    t
};

/// The end of the run of lower-case ASCII letters at `i`, found eight bytes at a
/// time; stops early (at a multiple of eight bytes from `i`) near the end of `b`,
/// leaving the rest to a byte loop.
#[inline(always)]
fn lower_run(b: &[u8], mut i: usize) -> usize {
    const H: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // high bit of each byte: (b | 0x80) - c keeps it iff b & 0x7F >= c (no borrow
        // crosses bytes, each is at least 0x80); a lower-case letter is an ASCII
        // byte (high bit clear) with 0x61 <= b < 0x7B
        let t = x | H;
        let lower = t.wrapping_sub(ONES * 0x61) & !t.wrapping_sub(ONES * 0x7B) & !x & H;
        if lower != H {
            // the first byte that is no lower-case letter (little-endian: lowest)
            return i + ((!lower & H).trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// The word starting at `start` (first-character flags in `flags`); returns its end.
#[inline(always)]
fn word(text: &str, start: usize, flags: u8, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    // a word that starts in lower case is not ALL CAPS: only its end matters
    let seen = if flags & LOWER != 0 && b[start] < 0x80 {
        NOT_UPPER
    } else {
        0
    };
    word_rest(text, start, start, seen, flags, out)
}

/// The word starting at `start`, scanned up to `i` already (`seen`: the classes of
/// the ASCII bytes scanned); returns its end.
#[inline(always)]
fn word_rest(
    text: &str,
    start: usize,
    mut i: usize,
    mut seen: u8,
    mut flags: u8,
    out: &mut Vec<Token>,
) -> usize {
    let b = text.as_bytes();
    let mut non_ascii = false;
    loop {
        // a run of alphanumerics
        loop {
            if seen & NOT_UPPER != 0 {
                // eight bytes at a time while they are all lower-case ASCII letters
                i = lower_run(b, i);
                while i < b.len() && ASCII_CLASS[b[i] as usize] & (ALPHA | NUMBER) != 0 {
                    i += 1;
                }
            } else {
                let (end, classes) = alnum_run(b, i);
                seen |= classes;
                i = end;
            }
            if i < b.len() && b[i] >= 0x80 {
                let ch = text[i..].chars().next().unwrap();
                if matches!(ch, '\u{2000}'..='\u{206F}') {
                    // punctuation (’, ”, –): no letter, no digit
                    break;
                }
                if ch.is_alphabetic() {
                    non_ascii = true;
                    if !ch.is_uppercase() {
                        seen |= NOT_UPPER;
                    }
                } else if !ch.is_alphanumeric() {
                    break;
                }
                i += ch.len_utf8();
                continue;
            }
            break;
        }
        // joiners: only '-', '\'' and U+2010/2011/2019 (lead byte 0xE2) can join
        match b.get(i) {
            None => break,
            Some(&c) if c < 0x80 && c != b'-' && c != b'\'' => break,
            Some(&c) if c >= 0x80 && c != 0xE2 => break,
            _ => {}
        }
        let Some(j) = char_at(text, i) else { break };
        let next = char_at(text, i + j.len_utf8());
        let join = match j {
            '-' | '\u{2010}' | '\u{2011}' => next.is_some_and(is_alnum),
            '\'' | '\u{2019}' => next.is_some_and(|n| n.is_uppercase()),
            _ => false,
        };
        if !join {
            break;
        }
        flags |= JOINED;
        i += j.len_utf8();
    }
    // ALL CAPS: at least two letters, none of them lower case (counted only here)
    if seen & NOT_UPPER == 0 {
        let letters = if non_ascii {
            text[start..i].chars().filter(|c| c.is_alphabetic()).count()
        } else {
            b[start..i]
                .iter()
                .filter(|c| c.is_ascii_alphabetic())
                .count()
        };
        if letters >= 2 {
            flags |= UPPER;
        }
    }
    out.push(Token::new(start, i, flags));
    i
}

/// Marks the first word of every sentence (`SENT_START`).
#[inline(never)]
pub fn mark_sentences(sentences: &[Span], toks: &mut [Token]) {
    // sentence starts: the first word of the text, and the first word at or after
    // each sentence start (found by binary search, not by walking every token)
    let first_word = |toks: &[Token], j: usize| {
        toks[j..]
            .iter()
            .position(|t| t.is(WORD))
            .map_or(toks.len(), |p| j + p)
    };
    // the word marked last: a sentence start at or before it marks it again
    let mut marked = first_word(toks, 0);
    if marked < toks.len() {
        toks[marked].flags |= SENT_START;
    }
    let mut j = 0;
    for s in sentences {
        j += toks[j..].partition_point(|t| t.start < s.start);
        if j <= marked {
            continue;
        }
        marked = first_word(toks, j);
        if marked == toks.len() {
            break;
        }
        toks[marked].flags |= SENT_START;
    }
}

/// Marks the words of headline lines (`HEADLINE`: a line of at least four words
/// where nearly every word of four letters or more is capitalized, or that is
/// written in capitals), fed token by token and line by line (a `Sink`'s part).
#[derive(Default)]
pub struct Headlines {
    /// The first token of the current line.
    first: usize,
    /// Words (not starting with a digit), ALL-CAPS ones, those of four bytes or
    /// more and those of them that are capitalized.
    words: u32,
    upper: u32,
    long: u32,
    capped: u32,
}

impl Headlines {
    /// Counts token `t` in the current line.
    #[inline(always)]
    pub fn add(&mut self, t: &Token) {
        let w = u32::from(t.flags & (WORD | DIGIT) == WORD);
        let long = w & u32::from(t.end - t.start >= 4);
        self.words += w;
        self.upper += w & u32::from(t.is(UPPER));
        self.long += long;
        self.capped += long & u32::from(t.is(CAP));
    }

    /// `add` for a word that starts in lower case.
    #[inline(always)]
    pub fn add_lower(&mut self, t: &Token) {
        self.add_lower_len(t.end - t.start);
    }

    /// `add_lower` for a word of `len` bytes.
    #[inline(always)]
    pub fn add_lower_len(&mut self, len: usize) {
        self.words += 1;
        self.long += u32::from(len >= 4);
    }

    /// Ends the current line (its tokens are `toks[first..]`).
    #[inline]
    pub fn line_end(&mut self, toks: &mut [Token]) {
        let (words, upper, long, capped) = (self.words, self.upper, self.long, self.capped);
        // (every long word is capitalized or not: no lower-case long word means
        // all of them are capitalized)
        let headline = words >= 4 && ((upper * 10 >= words * 7) || (long >= 3 && capped == long));
        if headline {
            for t in &mut toks[self.first..] {
                t.flags |= HEADLINE;
            }
        }
        *self = Headlines {
            first: toks.len(),
            ..Headlines::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(t, &mut v);
        v.iter().map(|x| x.text(t)).collect()
    }

    #[test]
    fn joins_hyphens_not_possessives() {
        assert_eq!(
            words("Moon Jae-in, Pakistan’s Section 295-C O'Brien’s"),
            vec![
                "Moon", "Jae-in", ",", "Pakistan", "’", "s", "Section", "295-C", "O'Brien", "’",
                "s"
            ]
        );
    }

    #[test]
    fn lower_run_matches_a_byte_loop() {
        let texts = [
            "abcdefghijklmnopqrstuvwxyz{`@[ZAaz",
            "hello world",
            "internationally-known",
            "caf\u{e9}s and na\u{ef}ve",
            "lowercaseUPPER",
            "abcdefgh",
            "abcdefghi",
            "z{",
            "`a",
        ];
        for t in texts {
            let b = t.as_bytes();
            for i in 0..b.len() {
                let naive = i + b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
                let fast = lower_run(b, i);
                // exact unless it stopped less than eight bytes before the end
                assert!(fast <= naive, "{t:?} at {i}");
                assert!(fast == naive || b.len() - fast < 8, "{t:?} at {i}");
            }
        }
    }

    #[test]
    fn same_word_matches_a_byte_loop() {
        let words = [
            "",
            "a",
            "A",
            "ab",
            "aB",
            "abc",
            "abC",
            "abcd",
            "ABCD",
            "abcde",
            "abcdefg",
            "abcdefgh",
            "abcdefgH",
            "abcdefghi",
            "Abcdefghijklmnop",
            "abcdefghijklmnopq",
            "ABCDEFGHIJKLMNOPQ",
            "caf\u{e9}",
            "CAF\u{c9}",
            "[@`{",
            "Z[z{",
            "0123456789",
        ];
        for a in words {
            for b in words {
                let (a, b) = (a.as_bytes(), b.as_bytes());
                assert_eq!(same_word(a, b, false), a == b);
                let folded = a.len() == b.len()
                    && a.iter().zip(b).all(|(&x, &y)| x == y.to_ascii_lowercase());
                assert_eq!(same_word(a, b, true), folded, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn hash_word_folds_ascii_capitals_only() {
        let words: [&[u8]; 6] = [
            b"Pakistan",
            b"SUPREME",
            b"A",
            b"Saif-Ul-Malook-Khan",
            "S\u{c3}O PAULO".as_bytes(),
            b"[@`{Z",
        ];
        for w in words {
            let lower: Vec<u8> = w.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(hash_word(w, true), hash_word(&lower, false), "{w:?}");
            assert_eq!(hash_word(&lower, true), hash_word(&lower, false), "{w:?}");
        }
        assert_ne!(hash_word(b"Pakistan", false), hash_word(b"pakistan", false));
    }

    #[test]
    fn flags() {
        let t = "ICC Moon christian 295";
        let mut v = Vec::new();
        tokenize(t, &mut v);
        assert!(v[0].is(UPPER) && v[0].is(CAP));
        assert!(v[1].is_cap_word());
        assert!(v[2].is(LOWER));
        assert!(v[3].is(DIGIT));
    }
}
