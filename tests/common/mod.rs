//! Helpers shared by the integration tests: running the binary and checking records
//! against the schema and the span invariants of SCHEMA.md.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub fn prex() -> Command {
    Command::new(env!("CARGO_BIN_EXE_prex"))
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(args: &[&str]) -> Output {
    prex()
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::null())
        .output()
        .expect("run prex")
}

pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = prex()
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn prex");
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait prex");
    writer.join().unwrap();
    out
}

pub fn records(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("every line is JSON"))
        .collect()
}

pub fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("schema/prex.v1.schema.json")).unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn slice(chars: &[char], start: u64, end: u64) -> String {
    chars[start as usize..end as usize].iter().collect()
}

/// Checks a span object `{text?, start, end}` against the document text.
fn check_span(chars: &[char], v: &Value, what: &str, id: &str) {
    let start = v["start"].as_u64().unwrap_or_else(|| panic!("{id}: {what} has no start"));
    let end = v["end"].as_u64().unwrap_or_else(|| panic!("{id}: {what} has no end"));
    assert!(start <= end && end as usize <= chars.len(), "{id}: {what} {start}..{end} out of range");
    if let Some(t) = v.get("text").and_then(Value::as_str) {
        assert_eq!(slice(chars, start, end), t, "{id}: {what} text differs from text[start:end]");
    }
}

fn check_sorted(items: &[Value], what: &str, id: &str) {
    let starts: Vec<u64> = items.iter().map(|i| i["start"].as_u64().unwrap()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{id}: {what} not sorted by start");
}

/// Validates a record made with `--include-text`: schema, spans, order.
pub fn check_record(validator: &jsonschema::Validator, r: &Value) {
    let id = r["id"].as_str().unwrap_or("?").to_string();
    if let Err(e) = validator.validate(r) {
        panic!("{id}: record does not validate: {e}");
    }
    let text = r["text"].as_str().expect("record made with --include-text");
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(r["source"]["chars"].as_u64().unwrap() as usize, chars.len(), "{id}: source.chars");

    let sentences = r["sentences"].as_array().unwrap();
    let mut prev_end = 0;
    for s in sentences {
        check_span(&chars, s, "sentence", &id);
        let (a, b) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        assert!(a >= prev_end, "{id}: sentences overlap at {a}");
        assert!(a < b, "{id}: empty sentence at {a}");
        let t = slice(&chars, a, b);
        assert_eq!(t.trim(), t, "{id}: sentence {a}..{b} not trimmed");
        prev_end = b;
    }
    if let Some(d) = r["dateline"].as_object() {
        check_span(&chars, &Value::Object(d.clone()), "dateline", &id);
    }
    for field in ["entities", "dates", "quotations", "penalties"] {
        let items = r[field].as_array().unwrap();
        check_sorted(items, field, &id);
        for item in items {
            check_span(&chars, item, field, &id);
            let sent = item["sentence"].as_u64().unwrap() as usize;
            assert!(sent < sentences.len().max(1), "{id}: {field} sentence index {sent} out of range");
        }
    }
    let ents = r["entities"].as_array().unwrap();
    for w in ents.windows(2) {
        assert!(
            w[0]["end"].as_u64() <= w[1]["start"].as_u64(),
            "{id}: entities overlap: {} / {}",
            w[0]["text"],
            w[1]["text"]
        );
    }
    for q in r["quotations"].as_array().unwrap() {
        for p in q["parts"].as_array().unwrap() {
            check_span(&chars, p, "quotation part", &id);
        }
        for k in ["speaker", "cue"] {
            if !q[k].is_null() {
                check_span(&chars, &q[k], k, &id);
            }
        }
    }
    for p in r["penalties"].as_array().unwrap() {
        for k in ["subject", "offense", "law"] {
            if !p[k].is_null() {
                check_span(&chars, &p[k], k, &id);
            }
        }
    }
}

pub fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}
