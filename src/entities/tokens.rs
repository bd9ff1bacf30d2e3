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
}

impl Token {
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

/// Tokenizes `text` into `out` (cleared first).
#[inline(never)]
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    out.reserve(text.len() / 4);
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let class = ASCII_CLASS[c as usize];
        if class & (ALPHA | NUMBER) != 0 {
            // an ASCII word start: its flags from the class of the first byte
            let first = if class & UPPER_CASE != 0 {
                CAP
            } else if class & NUMBER != 0 {
                DIGIT
            } else {
                LOWER
            };
            i = word(text, i, WORD | first, out);
        } else if class & SPACE != 0 {
            i += 1;
        } else if c < 0x80 {
            out.push(Token {
                start: i,
                end: i + 1,
                flags: 0,
            });
            i += 1;
        } else {
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
                i = word(text, i, WORD | flags, out);
            } else {
                if !is_space(ch) {
                    out.push(Token {
                        start: i,
                        end: i + ch.len_utf8(),
                        flags: 0,
                    });
                }
                i += ch.len_utf8();
            }
        }
    }
}

const ALPHA: u8 = 1;
const UPPER_CASE: u8 = 2;
const NUMBER: u8 = 4;
const NOT_UPPER: u8 = 8; // a letter that is not upper case
const SPACE: u8 = 16; // ASCII white space

/// Classes of the ASCII bytes (0 for every other byte).
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

/// The word starting at `start` (first-character flags in `flags`); returns its end.
#[inline(always)]
fn word(text: &str, start: usize, mut flags: u8, out: &mut Vec<Token>) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    // a word that starts in lower case is not ALL CAPS: only its end matters
    let mut seen = if flags & LOWER != 0 && b[start] < 0x80 {
        NOT_UPPER
    } else {
        0
    };
    let mut non_ascii = false;
    loop {
        // a run of alphanumerics
        loop {
            if seen & NOT_UPPER != 0 {
                while i < b.len() && ASCII_CLASS[b[i] as usize] & (ALPHA | NUMBER) != 0 {
                    i += 1;
                }
            } else {
                while i < b.len() {
                    let class = ASCII_CLASS[b[i] as usize];
                    if class & (ALPHA | NUMBER) == 0 {
                        break;
                    }
                    seen |= class;
                    i += 1;
                }
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
    out.push(Token {
        start,
        end: i,
        flags,
    });
    i
}

/// Marks the first word of every sentence (`SENT_START`) and the words of headline
/// lines (`HEADLINE`: a line of at least four words where nearly every word of four
/// letters or more is capitalized, or that is written in capitals).
#[inline(never)]
pub fn mark_context(text: &str, sentences: &[Span], toks: &mut [Token]) {
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
    // headline lines
    let b = text.as_bytes();
    let mut i = 0;
    while i < toks.len() {
        let line_end =
            memchr::memchr(b'\n', &b[toks[i].start..]).map_or(b.len(), |p| toks[i].start + p);
        let mut j = i;
        let (mut words, mut long, mut capped, mut upper, mut lower_long) = (0, 0, 0, 0, 0);
        while j < toks.len() && toks[j].start < line_end {
            let t = toks[j];
            if t.is(WORD) && !t.is(DIGIT) {
                words += 1;
                if t.is(UPPER) {
                    upper += 1;
                }
                if t.end - t.start >= 4 {
                    long += 1;
                    if t.is(CAP) {
                        capped += 1;
                    } else {
                        lower_long += 1;
                    }
                }
            }
            j += 1;
        }
        let headline = words >= 4
            && ((upper * 10 >= words * 7) || (long >= 3 && lower_long == 0 && capped == long));
        if headline {
            for t in &mut toks[i..j] {
                t.flags |= HEADLINE;
            }
        }
        i = j.max(i + 1);
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
