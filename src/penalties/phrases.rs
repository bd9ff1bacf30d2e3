//! A set of phrases matched in one pass (Aho-Corasick, leftmost-longest, ASCII
//! case-insensitive) on word boundaries, each carrying a value.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use anyhow::{Context, Result};

pub struct PhraseSet<T> {
    ac: AhoCorasick,
    values: Vec<T>,
}

/// One phrase occurrence: byte range and the index of the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub id: usize,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` starts and ends on word boundaries (a phrase that
/// begins or ends with a symbol, like "$", needs no boundary there).
pub fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    let m = &text[start..end];
    let first_word = m.chars().next().is_some_and(is_word);
    let last_word = m.chars().next_back().is_some_and(is_word);
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !(first_word && before.is_some_and(is_word) || last_word && after.is_some_and(is_word))
}

impl<T> PhraseSet<T> {
    /// Builds from (phrase, value) pairs; `what` names the source for errors.
    pub fn new(entries: Vec<(String, T)>, what: &str) -> Result<Self> {
        let (phrases, values): (Vec<String>, Vec<T>) = entries.into_iter().unzip();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // A full DFA: the trigger set is small, and scanning every byte of
            // every document is the stage's hot loop.
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&phrases)
            .with_context(|| format!("building the phrase automaton for {what}"))?;
        Ok(PhraseSet { ac, values })
    }

    pub fn value(&self, id: usize) -> &T {
        &self.values[id]
    }

    /// Occurrences in `text[start..end]` on word boundaries, in order.
    pub fn find<'a>(
        &'a self,
        text: &'a str,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = Hit> + 'a {
        self.ac
            .find_iter(&text[start..end])
            .map(move |m| Hit {
                start: start + m.start(),
                end: start + m.end(),
                id: m.pattern().as_usize(),
            })
            .filter(move |h| on_boundaries(text, h.start, h.end))
    }
}

/// Rewrites `\b` as the ASCII word boundary `(?-u:\b)`, which the regex crate's
/// DFAs support on any haystack (a Unicode `\b` sends text with curly quotes
/// to the slow NFA engine).
pub fn ascii_boundaries(re: &str) -> String {
    let mut out = String::with_capacity(re.len() + 16);
    let mut chars = re.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b') => out.push_str(r"(?-u:\b)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A keyword prefilter for a list of rules (regexes): rule `i` can only match in
/// a text that contains one of its keywords, so only those rules are run. Rules
/// without keywords always run.
pub struct Keywords {
    ac: Option<AhoCorasick>,
    /// Keyword pattern id → rule.
    owner: Vec<usize>,
    /// Rules without keywords.
    always: Vec<usize>,
    rules: usize,
    ascii_ci: bool,
}

/// Whether `s` has a character that Unicode case folding equates with an ASCII
/// letter (KELVIN SIGN ~ k, LONG S ~ s): ASCII case-insensitive keyword search
/// could miss what a `(?i)` regex matches.
fn has_fold_variant(s: &str) -> bool {
    s.contains(['\u{17F}', '\u{212A}'])
}

impl Keywords {
    /// `keywords[i]` are rule `i`'s keywords; `ascii_ci` = match them ASCII
    /// case-insensitively (for case-insensitive rules), else exactly.
    pub fn new(keywords: &[Vec<String>], ascii_ci: bool, what: &str) -> Result<Self> {
        let mut pats = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        for (i, ks) in keywords.iter().enumerate() {
            if ks.is_empty() {
                always.push(i);
            }
            for k in ks {
                pats.push(k.as_str());
                owner.push(i);
            }
        }
        let ac = if pats.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(ascii_ci)
                    .kind(Some(AhoCorasickKind::DFA))
                    .prefilter(false)
                    .build(&pats)
                    .with_context(|| format!("building the keyword automaton for {what}"))?,
            )
        };
        Ok(Keywords {
            ac,
            owner,
            always,
            rules: keywords.len(),
            ascii_ci,
        })
    }

    /// Which rules may match in `hay` (indexed by rule).
    pub fn rules(&self, hay: &str) -> Vec<bool> {
        let mut on = vec![false; self.rules];
        match &self.ac {
            Some(ac) if !(self.ascii_ci && has_fold_variant(hay)) => {
                for &i in &self.always {
                    on[i] = true;
                }
                for m in ac.find_overlapping_iter(hay) {
                    on[self.owner[m.pattern().as_usize()]] = true;
                }
            }
            _ => on.fill(true),
        }
        on
    }
}

/// Keywords from a `|`-separated column ("" = none).
pub fn keyword_column(col: &str) -> Vec<String> {
    col.split('|')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}

/// Lowercasing that allocates only when there is something to change.
pub trait Lower {
    /// `self.to_lowercase()`, borrowed when `self` has no ASCII uppercase letter
    /// and no non-ASCII character.
    fn lower(&self) -> std::borrow::Cow<'_, str>;
}

impl Lower for str {
    fn lower(&self) -> std::borrow::Cow<'_, str> {
        if self
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            std::borrow::Cow::Owned(self.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(self)
        }
    }
}
