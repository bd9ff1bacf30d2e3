//! Throughput of the whole pipeline on each pathological input kind at two sizes,
//! n and 8n (`cargo bench --bench pathological`). A linear pipeline shows about the
//! same MB/s at both sizes of a kind; a stage that is quadratic on that kind shows
//! 8x less at 8n. This is the time half of the linearity check in
//! `tests/pathological.rs`, which counts memory and output shape but does not
//! assert on time.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use prex::document::Format;
use prex::input::document_from_content;
use prex::Pipeline;

/// (name, format, generator of about `n` bytes).
type Kind = (&'static str, Format, fn(usize) -> String);

const KINDS: &[Kind] = &[
    ("no_newline_no_punctuation", Format::Text, |n| {
        "word ".repeat(n / 5)
    }),
    ("straight_quote_marks", Format::Text, |n| "\"".repeat(n)),
    ("curly_quote_marks", Format::Text, |n| "“".repeat(n / 3)),
    ("unclosed_quote", Format::Text, |n| {
        String::from("He said, “We will not stop. ")
            + &"Our church meets every week in the village. ".repeat(n / 44)
    }),
    ("capitalized_words", Format::Text, |n| {
        "Moon Korea Christian Concern International Pastor President Court Of The ".repeat(n / 74)
    }),
    ("nested_html", Format::Html, |n| {
        let k = n / 11;
        "<div>".repeat(k) + "Deep text." + &"</div>".repeat(k)
    }),
    ("whitespace_only", Format::Text, |n| {
        " \t\n\u{A0}".repeat(n / 5)
    }),
    ("mixed_line_ends", Format::Text, |n| {
        "A line without a stop\r\nAnother\rAnd one more\n".repeat(n / 45)
    }),
    ("combining_emoji_rtl_zwj", Format::Text, |n| {
        "José\u{301} 👨\u{200D}👩\u{200D}👧 Ali\u{200D}Khan قال “لن نتوقف”. ".repeat(n / 64)
    }),
];

fn pathological(c: &mut Criterion) {
    let pipeline = Pipeline::with_defaults().unwrap();
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for &(name, format, make) in KINDS {
        for n in [250_000, 2_000_000] {
            let text = make(n);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_function(format!("{name}/{n}"), |b| {
                b.iter_batched(
                    || text.clone(),
                    |t| {
                        // The HTML reader is part of what is timed.
                        let len = t.len();
                        pipeline.process(document_from_content("b".into(), t, format, len, vec![]))
                    },
                    BatchSize::LargeInput,
                )
            });
        }
    }
    g.finish();
}

criterion_group!(benches, pathological);
criterion_main!(benches);
