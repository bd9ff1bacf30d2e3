//! Per-stage and end-to-end throughput on the same generated bench text
//! (`cargo bench`; criterion reports bytes per second).
//!
//! The bench text is ~4 MB of releases recombined from `corpus/` with seed 7
//! (see `prex::benchcorpus`). Each stage is timed on documents already annotated by
//! the stages before it; setup is excluded from the timings.

use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use prex::document::{Document, Format};
use prex::{Patterns, Pipeline, Record};

fn bench_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    prex::benchcorpus::bench_texts(&dir, 4_000_000, 7).expect("bench corpus")
}

fn docs(texts: &[String]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("{i}"), t.clone(), Format::Text))
        .collect()
}

/// Times `stage` over clones of `docs` (cloning is setup, not timed).
fn bench_stage(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    docs: &[Document],
    stage: impl Fn(&mut Document),
) {
    g.bench_function(name, |b| {
        b.iter_batched_ref(
            || docs.to_vec(),
            |ds| ds.iter_mut().for_each(&stage),
            BatchSize::LargeInput,
        )
    });
}

fn stages(c: &mut Criterion) {
    let texts = bench_texts();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let patterns = Patterns::embedded();
    let pipeline = Pipeline::new(&patterns, Default::default()).unwrap();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);

    let raw: Vec<Vec<u8>> = texts.iter().map(|t| t.as_bytes().to_vec()).collect();
    g.bench_function("decode", |b| {
        b.iter(|| {
            let mut w = Vec::new();
            raw.iter()
                .map(|r| prex::input::decode(r, &mut w).unwrap().len())
                .sum::<usize>()
        })
    });

    let html: Vec<String> = texts
        .iter()
        .map(|t| {
            let mut h = String::from(
                "<html><head><title>Release</title></head><body><nav>Home</nav><article>",
            );
            for p in t.split("\n\n") {
                h.push_str("<p>");
                h.push_str(&p.replace('&', "&amp;").replace('<', "&lt;"));
                h.push_str("</p>");
            }
            h.push_str("</article><footer>About</footer></body></html>");
            h
        })
        .collect();
    g.bench_function("html", |b| {
        b.iter(|| {
            html.iter()
                .map(|h| prex::html::readable_text(h).text.len())
                .sum::<usize>()
        })
    });

    // Each stage is timed on documents that went through the stages before it.
    let mut prepared = docs(&texts);
    let sentences = prex::sentences::SentenceSplitter::new(&patterns).unwrap();
    bench_stage(&mut g, "sentences", &prepared, |d| sentences.run(d));
    prepared.iter_mut().for_each(|d| sentences.run(d));

    let dateline = prex::dateline::DatelineFinder::new(&patterns, false).unwrap();
    bench_stage(&mut g, "dateline", &prepared, |d| dateline.run(d));
    prepared.iter_mut().for_each(|d| {
        dateline.run(d);
        d.dct = d.dateline.as_ref().and_then(|x| x.date);
    });

    let entities = prex::entities::EntityRecognizer::new(&patterns).unwrap();
    bench_stage(&mut g, "entities", &prepared, |d| entities.run(d));
    prepared.iter_mut().for_each(|d| entities.run(d));

    let dates = prex::dates::DateTagger::new(&patterns, false).unwrap();
    bench_stage(&mut g, "dates", &prepared, |d| dates.run(d));
    prepared.iter_mut().for_each(|d| dates.run(d));

    let quotes = prex::quotes::QuoteFinder::new(&patterns).unwrap();
    bench_stage(&mut g, "quotes", &prepared, |d| quotes.run(d));
    prepared.iter_mut().for_each(|d| quotes.run(d));

    let penalties = prex::penalties::PenaltyExtractor::new(&patterns).unwrap();
    bench_stage(&mut g, "penalties", &prepared, |d| penalties.run(d));

    let base = docs(&texts);
    let annotated: Vec<Document> = base
        .iter()
        .cloned()
        .map(|mut d| {
            pipeline.annotate(&mut d);
            d
        })
        .collect();
    g.bench_function("record_json", |b| {
        b.iter(|| {
            annotated
                .iter()
                .map(|d| Record::from_document(d, false).to_json_line().len())
                .sum::<usize>()
        })
    });

    // As `prex extract` runs files: batches of documents, stage by stage.
    g.bench_function("end_to_end", |b| {
        b.iter_batched(
            || base.clone(),
            |mut ds| {
                ds.chunks_mut(prex::run::BATCH_ITEMS)
                    .map(|batch| {
                        pipeline.annotate_batch(batch);
                        batch
                            .iter()
                            .map(|d| pipeline.json_line(d).len())
                            .sum::<usize>()
                    })
                    .sum::<usize>()
            },
            BatchSize::LargeInput,
        )
    });
    // One document through all stages at a time (stdin lines): the stages evict
    // each other's tables from the caches.
    g.bench_function("end_to_end_per_document", |b| {
        b.iter_batched(
            || base.clone(),
            |ds| {
                ds.into_iter()
                    .map(|d| pipeline.process_json(d).len())
                    .sum::<usize>()
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
