//! Cost of one pipeline stage on generated bench text, for profiling.
//!
//! `cargo run --release --example stage_cost -- STAGE [MB] [REPEAT]`
//!
//! STAGE is one of `sentences`, `dateline`, `entities`, `dates`, `quotes`,
//! `penalties`, `record`, `all` (one document through all stages at a time),
//! `batched` (as `prex extract` runs files: batches of documents, stage by stage),
//! or `build` (pipeline construction only). The
//! documents are generated from `corpus/` (seed 7) and run through the stages before
//! STAGE outside the measured region, which is the function `measured` — under
//! valgrind, count only it with
//!
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*' \
//!     target/release/examples/stage_cost entities 1`
//!
//! Instruction counts from callgrind are stable on a loaded machine; the wall-clock
//! MB/s printed at the end is not.

use std::path::Path;
use std::time::Instant;

use prex::document::{Document, Format};
use prex::{Patterns, Pipeline, Record};

const ORDER: [&str; 7] = [
    "sentences",
    "dateline",
    "entities",
    "dates",
    "quotes",
    "penalties",
    "record",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stage = args.get(1).map_or("all", |s| s.as_str()).to_string();
    let mb: f64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(4.0);
    let repeat: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let patterns = Patterns::embedded();
    if stage == "build" {
        let t = Instant::now();
        for _ in 0..repeat {
            measured_build(&patterns);
        }
        eprintln!(
            "build: {:.1} ms",
            t.elapsed().as_secs_f64() * 1e3 / repeat as f64
        );
        return;
    }
    let stages = Stages::new(&patterns);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let texts = prex::benchcorpus::bench_texts(&dir, (mb * 1e6) as usize, 7).expect("bench text");
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut docs: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("{i}"), t.clone(), Format::Text))
        .collect();
    let upto = if stage == "all" || stage == "batched" {
        0
    } else {
        ORDER.iter().position(|s| *s == stage).unwrap_or_else(|| {
            panic!("unknown stage {stage}; one of {ORDER:?}, all, batched, build")
        })
    };
    for s in &ORDER[..upto] {
        docs.iter_mut().for_each(|d| stages.run(s, d));
    }
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let mut batch = docs.clone();
        let t = Instant::now();
        let out = measured(&stages, &stage, &mut batch);
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(out);
    }
    eprintln!(
        "{stage}: {:.1} MB in {:.1} ms (best of {repeat}) = {:.1} MB/s",
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}

#[inline(never)]
fn measured_build(patterns: &Patterns) -> Pipeline {
    Pipeline::new(patterns, Default::default()).unwrap()
}

#[inline(never)]
fn measured(stages: &Stages, stage: &str, docs: &mut [Document]) -> usize {
    match stage {
        "all" => docs
            .iter()
            .map(|d| stages.pipeline.process_json(d.clone()).len())
            .sum(),
        "batched" => docs
            .chunks_mut(prex::run::BATCH_ITEMS)
            .map(|batch| {
                stages.pipeline.annotate_batch(batch);
                batch
                    .iter()
                    .map(|d| stages.pipeline.json_line(d).len())
                    .sum::<usize>()
            })
            .sum(),
        "record" => docs
            .iter()
            .map(|d| Record::from_document(d, false).to_json_line().len())
            .sum(),
        s => {
            docs.iter_mut().for_each(|d| stages.run(s, d));
            docs.len()
        }
    }
}

struct Stages {
    pipeline: Pipeline,
    sentences: prex::sentences::SentenceSplitter,
    dateline: prex::dateline::DatelineFinder,
    entities: prex::entities::EntityRecognizer,
    dates: prex::dates::DateTagger,
    quotes: prex::quotes::QuoteFinder,
    penalties: prex::penalties::PenaltyExtractor,
}

impl Stages {
    fn new(p: &Patterns) -> Self {
        Stages {
            pipeline: Pipeline::new(p, Default::default()).unwrap(),
            sentences: prex::sentences::SentenceSplitter::new(p).unwrap(),
            dateline: prex::dateline::DatelineFinder::new(p, false).unwrap(),
            entities: prex::entities::EntityRecognizer::new(p).unwrap(),
            dates: prex::dates::DateTagger::new(p, false).unwrap(),
            quotes: prex::quotes::QuoteFinder::new(p).unwrap(),
            penalties: prex::penalties::PenaltyExtractor::new(p).unwrap(),
        }
    }

    fn run(&self, stage: &str, d: &mut Document) {
        match stage {
            "sentences" => self.sentences.run(d),
            "dateline" => {
                self.dateline.run(d);
                d.dct = d.dateline.as_ref().and_then(|x| x.date);
            }
            "entities" => self.entities.run(d),
            "dates" => self.dates.run(d),
            "quotes" => self.quotes.run(d),
            "penalties" => self.penalties.run(d),
            "record" => {}
            other => panic!("unknown stage {other}"),
        }
    }
}
