//! Date tagger throughput: `cargo run --release --example dates_bench -- [corpus|tempeval|gen] [PATH] [MB]`.
//!
//! `corpus DIR`: the readable releases of DIR (recursively), repeated to ~MB megabytes.
//! `tempeval FILE.jsonl`: the `text` of each line with its `dct`, repeated likewise.
//! `gen DIR`: releases generated from DIR by `prex::benchcorpus` (seed 7).
//! Sentence splitting is done once, outside the timing.

use std::path::Path;

use chrono::NaiveDate;
use prex::dates::DateTagger;
use prex::document::Span;
use prex::sentences::SentenceSplitter;
use prex::Patterns;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map_or("corpus", |s| s.as_str());
    let path = args.get(2).map_or("/work/main/corpus", |s| s.as_str());
    let mb: f64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20.0);
    let patterns = Patterns::embedded();
    let splitter = SentenceSplitter::new(&patterns).unwrap();
    let tagger = DateTagger::new(&patterns, false).unwrap();
    let default_dct = NaiveDate::from_ymd_opt(2020, 12, 18);
    let texts: Vec<(String, Option<NaiveDate>)> = match mode {
        "tempeval" => std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let dct = v["dct"].as_str().and_then(|d| d.parse().ok());
                (v["text"].as_str().unwrap_or("").to_string(), dct)
            })
            .collect(),
        "gen" => prex::benchcorpus::bench_texts(Path::new(path), (mb * 1e6) as usize, 7)
            .unwrap()
            .into_iter()
            .map(|t| (t, default_dct))
            .collect(),
        _ => prex::benchcorpus::seed_texts(Path::new(path))
            .unwrap()
            .into_iter()
            .map(|t| (t, default_dct))
            .collect(),
    };
    let docs: Vec<(String, Vec<Span>, Option<NaiveDate>)> = texts
        .into_iter()
        .map(|(t, d)| {
            let s = splitter.split(&t);
            (t, s, d)
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let reps = ((mb * 1e6) as usize / bytes.max(1)).max(1);
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        for (text, sentences, dct) in &docs {
            n += tagger.tag(text, sentences, *dct).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let total = (bytes * reps) as f64 / 1e6;
    println!(
        "dates/{mode}: {total:.1} MB in {secs:.2} s = {:.1} MB/s ({n} timexes)",
        total / secs
    );
}
