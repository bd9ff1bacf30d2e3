//! The HTML reader on arbitrary text: no panic, and the readable text it returns is
//! free of markup-collapsing mistakes (no leading/trailing whitespace, no runs of
//! spaces outside `<pre>`) when there is no `<pre>` or `<plaintext>`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prex::html::readable_text;

fuzz_target!(|html: &str| {
    let page = readable_text(html);
    if let Some(t) = &page.title {
        assert_eq!(t.trim(), t, "title is trimmed");
        assert!(!t.is_empty());
    }
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<pre") && !lower.contains("<plaintext") && !lower.contains("<listing") {
        assert!(
            !page.text.starts_with(' ') && !page.text.ends_with(' '),
            "{:?}",
            page.text
        );
        assert!(!page.text.contains("\n\n\n"), "{:?}", page.text);
    }
});
