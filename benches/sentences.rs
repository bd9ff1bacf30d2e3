//! Sentence segmentation throughput (criterion).
//!
//! The corpus is every file under `corpus/` (or `$PREX_BENCH_DIR`), repeated to
//! about 8 MB and segmented document by document, as the pipeline does.
//! `cargo bench --bench sentences`

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use prex::sentences::SentenceSplitter;
use prex::Patterns;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn corpus() -> Vec<String> {
    let dir = std::env::var("PREX_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    let base: Vec<String> = files(&dir)
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(!base.is_empty(), "no bench corpus under {}", dir.display());
    let mut docs = Vec::new();
    let mut total = 0;
    while total < 8 << 20 {
        for d in &base {
            total += d.len();
            docs.push(d.clone());
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let splitter = SentenceSplitter::new(&Patterns::embedded()).unwrap();
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("split", |b| {
        b.iter(|| docs.iter().map(|d| splitter.split(d).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
