//! A small tokenizer for the few sentences around a quotation: words (with inner
//! apostrophes, hyphens and periods: "Korea’s", "Jae-in", "U.S.") and single
//! punctuation characters. Whitespace is skipped; a line break is a `'\n'` token.

use crate::document::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
}

/// Tokens of `text[start..end]`; `keeps_period(word)` says whether a word
/// followed by a period is an abbreviation that keeps it ("Mr.", "F.").
pub fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    keeps_period: impl Fn(&str) -> bool,
) -> Vec<Tok> {
    tokenize_until(text, start, end, keeps_period, |_| false)
}

/// Like [`tokenize`], but stops one token after the first token for which
/// `stop` holds (the tokens so far are the same: the tokenizer looks no further
/// back than the current token).
pub fn tokenize_until(
    text: &str,
    start: usize,
    end: usize,
    keeps_period: impl Fn(&str) -> bool,
    stop: impl Fn(&Tok) -> bool,
) -> Vec<Tok> {
    // About one token per four bytes of English: one allocation, seldom a regrowth.
    let mut out = Vec::with_capacity((end - start) / 4 + 4);
    let mut stopping = false;
    let mut push = |out: &mut Vec<Tok>, t: Tok| {
        let done = stopping;
        stopping = stopping || stop(&t);
        out.push(t);
        done
    };
    let s = &text[start..end];
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        if c == '\n' {
            let t = Tok {
                span: Span::new(start + i, start + i + 1),
                kind: TokKind::Punct('\n'),
            };
            if push(&mut out, t) {
                break;
            }
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            loop {
                match char_at(s, j) {
                    Some(d) if d.is_alphanumeric() => j += d.len_utf8(),
                    Some(d @ ('\'' | '’' | '-' | '‑' | '.' | '&')) => {
                        if char_at(s, j + d.len_utf8()).is_some_and(char::is_alphanumeric) {
                            j += d.len_utf8();
                        } else if d == '.' && keeps_period(&s[i..j]) {
                            j += 1;
                            break;
                        } else if matches!(d, '\'' | '’')
                            && s[..j].ends_with('s')
                            && s[j + d.len_utf8()..].starts_with(' ')
                            && s[j + d.len_utf8()..]
                                .trim_start()
                                .starts_with(char::is_lowercase)
                        {
                            // Plural possessive: "the parents’ group".
                            j += d.len_utf8();
                            break;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let t = Tok {
                span: Span::new(start + i, start + j),
                kind: TokKind::Word,
            };
            if push(&mut out, t) {
                break;
            }
            i = j;
            continue;
        }
        let t = Tok {
            span: Span::new(start + i, start + i + c.len_utf8()),
            kind: TokKind::Punct(c),
        };
        if push(&mut out, t) {
            break;
        }
        i += c.len_utf8();
    }
    out
}

/// The character at byte `i` of `s` (a character boundary), if any.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// First character is uppercase, or the part after a hyphen ("ul-Malook").
pub fn is_cap(w: &str) -> bool {
    let upper = |t: &str| match t.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => t.chars().next().is_some_and(char::is_uppercase),
    };
    upper(w)
        || w.bytes()
            .rposition(|b| b == b'-')
            .is_some_and(|k| upper(&w[k + 1..]))
}

/// "ICC’s", "Korea's".
pub fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punct() {
        let t = "Mr. Moon Jae-in, ICC’s head, said: “no.”";
        let toks = tokenize(t, 0, t.len(), |w| w == "Mr");
        let ws: Vec<&str> = toks.iter().map(|k| k.text(t)).collect();
        assert_eq!(
            ws,
            vec![
                "Mr.", "Moon", "Jae-in", ",", "ICC’s", "head", ",", "said", ":", "“", "no", ".",
                "”"
            ]
        );
    }
}
