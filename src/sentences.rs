//! Sentence segmentation: paragraphs and lines first, then Unicode sentence
//! boundaries (UAX #29, `unicode-segmentation`) repaired with abbreviation rules
//! from `patterns/sentences/abbreviations.txt`.

use std::collections::HashSet;

use anyhow::Result;
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{Document, Span};
use crate::patterns::{word_list, Patterns};

pub struct SentenceSplitter {
    abbreviations: HashSet<String>,
}

impl SentenceSplitter {
    pub fn new(patterns: &Patterns) -> Result<Self> {
        let abbreviations = word_list(patterns.require("sentences/abbreviations.txt")?)
            .map(str::to_string)
            .collect();
        Ok(SentenceSplitter { abbreviations })
    }

    /// Fills `doc.sentences`.
    pub fn run(&self, doc: &mut Document) {
        doc.sentences = self.split(&doc.text);
    }

    /// Sentence spans of a text, trimmed and in order.
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            self.split_block(text, line_start, line_start + line.len(), &mut out);
            line_start += line.len();
        }
        out
    }

    fn split_block(&self, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
        let block = &text[start..end];
        if block.trim().is_empty() {
            return;
        }
        let mut pending: Option<Span> = None;
        for (off, piece) in block.split_sentence_bound_indices() {
            let s = Span::new(start + off, start + off + piece.len());
            let merged = match pending {
                Some(p) if self.ends_with_abbreviation(&text[p.start..p.end]) => {
                    Span::new(p.start, s.end)
                }
                Some(p) => {
                    push_trimmed(text, p, out);
                    s
                }
                None => s,
            };
            pending = Some(merged);
        }
        if let Some(p) = pending {
            push_trimmed(text, p, out);
        }
    }

    fn ends_with_abbreviation(&self, s: &str) -> bool {
        let t = s.trim_end();
        let Some(body) = t.strip_suffix('.') else {
            return false;
        };
        let word = body
            .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
            .next()
            .unwrap_or("");
        if word.is_empty() {
            return false;
        }
        // Single initials ("John F. Kennedy").
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_uppercase() {
                return true;
            }
        }
        self.abbreviations.contains(word)
    }
}

fn push_trimmed(text: &str, s: Span, out: &mut Vec<Span>) {
    let piece = &text[s.start..s.end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(Span::new(s.start + lead, s.end - trail));
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
    fn initials() {
        assert_eq!(
            split("John F. Kennedy spoke. Then he left."),
            vec!["John F. Kennedy spoke.", "Then he left."]
        );
    }
}
