//! Readable text from HTML, through a real HTML5 parser (html5ever via `scraper`).
//!
//! Navigation and non-content elements are dropped, block elements become paragraph
//! breaks, `<br>` a line break, character references are decoded by the parser and
//! runs of whitespace inside a block collapse to one space. Traversal is iterative,
//! so deeply nested markup cannot overflow the stack.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// The readable text of a page and its title (first `<h1>`, else `<title>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
}

/// Elements whose whole subtree is not article text.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "form", "noscript", "template", "svg",
    "iframe", "object", "aside", "head", "button", "select", "textarea", "canvas", "menu",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "table", "thead", "tbody", "tfoot", "tr", "blockquote", "section", "article", "main",
    "pre", "hr", "figure", "figcaption", "address", "center", "body", "html", "caption",
    "details", "summary", "fieldset", "legend",
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

struct Builder {
    out: String,
    gap: Gap,
}

impl Builder {
    fn want(&mut self, g: Gap) {
        if g > self.gap {
            self.gap = g;
        }
    }
    fn push_text(&mut self, s: &str, preformatted: bool) {
        if preformatted {
            if !s.is_empty() {
                self.flush_gap();
                self.out.push_str(s);
            }
            return;
        }
        for (i, word) in s.split(|c: char| c.is_whitespace() && c != '\u{A0}').enumerate() {
            if i > 0 {
                self.want(Gap::Space);
            }
            if !word.is_empty() {
                self.flush_gap();
                self.out.push_str(word);
            }
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
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Extracts the readable text and title of an HTML document.
pub fn readable_text(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut b = Builder {
        out: String::with_capacity(html.len() / 2),
        gap: Gap::None,
    };
    let mut skip_depth = 0usize;
    let mut pre_depth = 0usize;
    let mut in_h1 = 0usize;
    let mut h1 = String::new();
    let mut h1_done = false;
    let mut title: Option<String> = None;

    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if name == "title" && title.is_none() {
                        let t: String = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                            .collect();
                        let t = collapse(&t);
                        if !t.is_empty() {
                            title = Some(t);
                        }
                    }
                    if skip_depth > 0 || DROPPED.contains(&name) {
                        skip_depth += 1;
                        continue;
                    }
                    if name == "br" {
                        b.want(Gap::Line);
                    } else if BLOCKS.contains(&name) {
                        b.want(Gap::Paragraph);
                    } else if matches!(name, "td" | "th") {
                        b.want(Gap::Space);
                    }
                    if name == "pre" {
                        pre_depth += 1;
                    }
                    if name == "h1" && !h1_done {
                        in_h1 += 1;
                    }
                }
                Node::Text(t) if skip_depth == 0 => {
                    b.push_text(t, pre_depth > 0);
                    if in_h1 > 0 {
                        h1.push_str(t);
                        h1.push(' ');
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    if BLOCKS.contains(&name) {
                        b.want(Gap::Paragraph);
                    }
                    if name == "pre" {
                        pre_depth = pre_depth.saturating_sub(1);
                    }
                    if name == "h1" && in_h1 > 0 {
                        in_h1 -= 1;
                        if in_h1 == 0 && !collapse(&h1).is_empty() {
                            h1_done = true;
                        }
                    }
                }
            }
        }
    }
    let h1 = collapse(&h1);
    Page {
        text: b.out,
        title: if h1.is_empty() { title } else { Some(h1) },
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
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "deep" + &"</div>".repeat(3_000);
        assert_eq!(readable_text(&html).text, "deep");
    }
}
