//! Readable text from HTML, through the WHATWG tokenizer of `html5ever`.
//!
//! The tokenizer (not a tree builder) is enough to get article text, and it is
//! linear in the input: html5ever's tree builder is quadratic in nesting depth
//! (100,000 nested `<div>`s take most of a minute), the tokenizer is not.
//! Navigation and non-content elements are skipped with their content, block
//! elements become paragraph breaks, `<br>` a line break, character references are
//! decoded by the tokenizer, and runs of whitespace collapse to one space (except in
//! `<pre>`). Raw-text elements (`script`, `style`, `textarea`, `title`...) are put in
//! the tokenizer states the HTML standard gives them, so markup-like text inside
//! them is not read as tags.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// The readable text of a page and its title (first `<h1>`, else `<title>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
}

/// Elements whose whole content is not article text.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "form", "noscript", "template", "svg", "iframe",
    "object", "aside", "button", "select", "textarea", "canvas", "menu", "math",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "blockquote",
    "section",
    "article",
    "main",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "address",
    "center",
    "body",
    "html",
    "caption",
    "details",
    "summary",
    "fieldset",
    "legend",
    "head",
];

/// Elements that never have content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

struct State {
    out: String,
    gap: Gap,
    /// The dropped element being skipped, and how deep inside nested ones of the
    /// same name we are.
    skipping: Option<(String, usize)>,
    pre_depth: usize,
    in_title: bool,
    title: String,
    in_h1: bool,
    h1: String,
    h1_done: bool,
}

impl State {
    fn want(&mut self, g: Gap) {
        if g > self.gap {
            self.gap = g;
        }
    }

    fn flush_gap(&mut self) {
        if !self.out.is_empty() {
            match self.gap {
                Gap::None => {}
                Gap::Space => self.out.push(' '),
                Gap::Line => self.out.push('\n'),
                Gap::Paragraph => self.out.push_str("\n\n"),
            }
        }
        self.gap = Gap::None;
    }

    fn push_text(&mut self, s: &str) {
        if self.pre_depth > 0 {
            if !s.is_empty() {
                self.flush_gap();
                self.out.push_str(s);
            }
            return;
        }
        for (i, word) in s
            .split(|c: char| c.is_whitespace() && c != '\u{A0}')
            .enumerate()
        {
            if i > 0 {
                self.want(Gap::Space);
            }
            if !word.is_empty() {
                self.flush_gap();
                self.out.push_str(word);
            }
        }
    }

    fn tag(&mut self, start: bool, name: &str, self_closing: bool) -> TokenSinkResult<()> {
        if let Some((skip, depth)) = &mut self.skipping {
            if name == skip.as_str() {
                if start && !self_closing {
                    *depth += 1;
                } else if !start {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skipping = None;
                    }
                }
            }
            // Keep raw-text elements raw even while skipping.
            return if start {
                raw_kind(name)
            } else {
                TokenSinkResult::Continue
            };
        }
        if start {
            if name == "title" {
                self.in_title = true;
                return TokenSinkResult::RawData(RawKind::Rcdata);
            }
            if DROPPED.contains(&name) {
                if !self_closing && !VOID.contains(&name) {
                    self.skipping = Some((name.to_string(), 1));
                }
                return raw_kind(name);
            }
            if name == "br" {
                self.want(Gap::Line);
            } else if BLOCKS.contains(&name) {
                self.want(Gap::Paragraph);
            } else if matches!(name, "td" | "th") {
                self.want(Gap::Space);
            }
            if name == "pre" && !self_closing {
                self.pre_depth += 1;
            }
            if name == "h1" && !self.h1_done {
                self.in_h1 = true;
            }
            if name == "plaintext" {
                return TokenSinkResult::Plaintext;
            }
        } else {
            if name == "title" {
                self.in_title = false;
            }
            if BLOCKS.contains(&name) || name == "br" {
                self.want(if name == "br" {
                    Gap::Line
                } else {
                    Gap::Paragraph
                });
            }
            if name == "pre" {
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
            if name == "h1" && self.in_h1 {
                self.in_h1 = false;
                if !collapse(&self.h1).is_empty() {
                    self.h1_done = true;
                }
            }
        }
        TokenSinkResult::Continue
    }

    fn text(&mut self, t: &str) {
        if self.in_title {
            self.title.push_str(t);
            return;
        }
        if self.skipping.is_some() {
            return;
        }
        self.push_text(t);
        if self.in_h1 {
            self.h1.push_str(t);
        }
    }
}

/// The tokenizer state the standard gives an element's content.
fn raw_kind(name: &str) -> TokenSinkResult<()> {
    match name {
        "script" => TokenSinkResult::RawData(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
            TokenSinkResult::RawData(RawKind::Rawtext)
        }
        "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
        _ => TokenSinkResult::Continue,
    }
}

struct Sink(RefCell<State>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let start = tag.kind == TagKind::StartTag;
                st.tag(start, &tag.name, tag.self_closing)
            }
            Token::CharacterTokens(t) => {
                st.text(&t);
                TokenSinkResult::Continue
            }
            _ => TokenSinkResult::Continue,
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Extracts the readable text and title of an HTML document.
pub fn readable_text(html: &str) -> Page {
    let sink = Sink(RefCell::new(State {
        out: String::with_capacity(html.len() / 2),
        gap: Gap::None,
        skipping: None,
        pre_depth: 0,
        in_title: false,
        title: String::new(),
        in_h1: false,
        h1: String::new(),
        h1_done: false,
    }));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    let st = tok.sink.0.into_inner();
    let h1 = collapse(&st.h1);
    let title = collapse(&st.title);
    Page {
        text: st.out,
        title: if !h1.is_empty() {
            Some(h1)
        } else if !title.is_empty() {
            Some(title)
        } else {
            None
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_chrome_and_keeps_paragraphs() {
        let p = readable_text(
            "<html><head><title>Site | News</title><style>p{}</style></head><body>\
             <nav><a>Home</a></nav><header>Logo</header>\
             <article><h1>Pastor  sentenced</h1><p>He was <b>fined</b> &amp; jailed.</p>\
             <p>“It&rsquo;s wrong,” she said.<br>Line two</p><ul><li>one</li><li>two</li></ul></article>\
             <script>var x = '<p>';</script><form>Subscribe</form><footer>© 2021</footer></body></html>",
        );
        assert_eq!(
            p.text,
            "Pastor sentenced\n\nHe was fined & jailed.\n\n“It’s wrong,” she said.\nLine two\n\none\n\ntwo"
        );
        assert_eq!(p.title.as_deref(), Some("Pastor sentenced"));
    }

    #[test]
    fn title_falls_back_to_title_element() {
        let p = readable_text("<title> A  title </title><p>Body.</p>");
        assert_eq!(p.title.as_deref(), Some("A title"));
        assert_eq!(p.text, "Body.");
    }

    #[test]
    fn nested_dropped_elements_and_raw_text() {
        let p = readable_text(
            "<p>Before.</p><nav><nav>x</nav><p>still nav</p></nav>\
             <script>document.write('</nav><p>not text</p>')</script><p>After &lt;b&gt;.</p>",
        );
        assert_eq!(p.text, "Before.\n\nAfter <b>.");
    }

    #[test]
    fn deep_nesting_is_linear() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        assert_eq!(readable_text(&html).text, "deep");
    }
}
