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
            let mut h = String::from("<html><head><title>Release</title></head><body><nav>Home</nav><article>");
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
        b.iter(|| html.iter().map(|h| prex::html::readable_text(h).text.len()).sum::<usize>())
    });

    let base = docs(&texts);
    g.bench_function("sentences", |b| {
        let s = prex::sentences::SentenceSplitter::new(&patterns).unwrap();
        b.iter_batched_ref(
            || base.clone(),
            |ds| ds.iter_mut().for_each(|d| s.run(d)),
            BatchSize::LargeInput,
        )
    });

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

    g.bench_function("end_to_end", |b| {
        b.iter_batched(
            || base.clone(),
            |ds| {
                ds.into_iter()
                    .map(|d| pipeline.process(d).to_json_line().len())
                    .sum::<usize>()
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
