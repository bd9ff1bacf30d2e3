//! Shared by the fuzz targets: the pipeline (built once per process) and the record
//! invariants of SCHEMA.md that must hold for every input.

use std::sync::OnceLock;

use prex::document::Format;
use prex::{Options, Patterns, Pipeline, Record};

/// The default pipeline with `--include-text`, so spans can be checked against it.
pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let options = Options {
            include_text: true,
            ..Options::default()
        };
        Pipeline::new(&Patterns::embedded(), options).expect("embedded patterns load")
    })
}

/// Picks a format from a selector byte.
pub fn format_of(selector: u8) -> Format {
    match selector % 4 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Html,
        _ => Format::Jsonl,
    }
}

fn slice(chars: &[char], start: usize, end: usize) -> String {
    assert!(start <= end, "span {start}..{end} reversed");
    assert!(
        end <= chars.len(),
        "span {start}..{end} past the end ({})",
        chars.len()
    );
    chars[start..end].iter().collect()
}

fn span_text(chars: &[char], text: &str, start: usize, end: usize, what: &str) {
    assert_eq!(
        slice(chars, start, end),
        text,
        "{what} text differs from text[start:end]"
    );
}

fn sorted<T>(items: &[T], key: impl Fn(&T) -> usize, what: &str) {
    assert!(
        items.windows(2).all(|w| key(&w[0]) <= key(&w[1])),
        "{what} not sorted by start"
    );
}

/// Panics when a record breaks an invariant of SCHEMA.md.
pub fn check_record(r: &Record) {
    let text = r.text.as_deref().expect("pipeline made with include_text");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(r.source.chars, chars.len(), "source.chars");
    let mut prev = 0;
    for s in &r.sentences {
        let t = slice(&chars, s.start, s.end);
        assert!(s.start >= prev, "sentences overlap at {}", s.start);
        assert!(s.start < s.end, "empty sentence at {}", s.start);
        assert_eq!(t.trim(), t, "sentence {}..{} not trimmed", s.start, s.end);
        prev = s.end;
    }
    let n_sent = r.sentences.len().max(1);
    if let Some(d) = &r.dateline {
        slice(&chars, d.start, d.end);
    }
    sorted(&r.entities, |e| e.start, "entities");
    for w in r.entities.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "entities overlap: {:?} / {:?}",
            w[0].text,
            w[1].text
        );
    }
    for e in &r.entities {
        span_text(&chars, &e.text, e.start, e.end, "entity");
        assert!(e.sentence < n_sent);
    }
    sorted(&r.dates, |d| d.start, "dates");
    for d in &r.dates {
        span_text(&chars, &d.text, d.start, d.end, "date");
        assert!(d.sentence < n_sent);
    }
    sorted(&r.quotations, |q| q.start, "quotations");
    for q in &r.quotations {
        slice(&chars, q.start, q.end);
        assert!(q.sentence < n_sent);
        for p in &q.parts {
            slice(&chars, p.start, p.end);
        }
        for s in [&q.speaker, &q.cue].into_iter().flatten() {
            span_text(&chars, &s.text, s.start, s.end, "speaker/cue");
        }
    }
    sorted(&r.penalties, |p| p.start, "penalties");
    for p in &r.penalties {
        span_text(&chars, &p.text, p.start, p.end, "penalty");
        assert!(p.sentence < n_sent);
        for s in [&p.subject, &p.offense, &p.law].into_iter().flatten() {
            span_text(
                &chars,
                &s.text,
                s.start,
                s.end,
                "penalty subject/offense/law",
            );
        }
    }
    let line = r.to_json_line();
    assert!(!line.contains('\n'), "a record is one line");
    let back: serde_json::Value = serde_json::from_str(&line).expect("record line is JSON");
    assert_eq!(back["schema"], "prex.v1");
}
