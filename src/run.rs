//! The batch driver behind `prex extract`: documents are processed in parallel on a
//! rayon pool while a writer thread puts records out **in input order**, each as
//! soon as it and every record before it are done. Documents go to the workers in
//! batches (up to [`BATCH_ITEMS`] documents or [`BATCH_BYTES`]), each run stage by
//! stage, which keeps every stage's tables in the CPU caches; a stdin line whose
//! successor has not been read yet ends its batch, so that a record never waits for
//! the input after it. A bounded window of documents is
//! in flight, so memory does not grow with the corpus; the window is also bounded in
//! input bytes ([`IN_FLIGHT_BYTES`]), so that a run of very large documents keeps
//! only a few of them in memory at once, not `16 × jobs`.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use crossbeam_channel::unbounded;

use crate::document::Document;
use crate::input::{self, ErrorKind, InputError};
use crate::pipeline::{Pipeline, Stage};
use crate::walk::FileInput;

/// One unit of work, in output order.
pub enum Work {
    File(FileInput),
    /// A stdin JSON line and its 1-based line number; `more` says that the next line
    /// was already read (so waiting for it would not wait for the producer).
    Line {
        number: usize,
        bytes: Vec<u8>,
        more: bool,
    },
}

/// Input bytes that may be in flight (read, being processed, or waiting to be
/// written) at once. A single item larger than this is still admitted, alone.
pub const IN_FLIGHT_BYTES: u64 = 32 << 20;

/// At most this many documents, or [`BATCH_BYTES`] of input, make one batch: the
/// unit of work a worker takes, processed stage by stage.
pub const BATCH_ITEMS: usize = 128;
pub const BATCH_BYTES: u64 = 512 << 10;

/// Admits work items while the amount in flight (bytes, or documents) stays under a
/// limit.
struct Budget {
    used: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
    limit: u64,
    /// Set when the writer is gone: nothing will be released any more, so
    /// nothing may wait.
    closed: AtomicBool,
}

impl Budget {
    fn new(limit: u64) -> Budget {
        Budget {
            used: std::sync::Mutex::new(0),
            freed: std::sync::Condvar::new(),
            limit,
            closed: AtomicBool::new(false),
        }
    }

    fn acquire(&self, n: u64) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + n > self.limit && !self.closed.load(Ordering::Relaxed) {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += n;
    }

    /// Like `acquire`, but gives up instead of waiting.
    fn try_acquire(&self, n: u64) -> bool {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        if *used > 0 && *used + n > self.limit {
            return false;
        }
        *used += n;
        true
    }

    fn release(&self, n: u64) {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= n;
        self.freed.notify_all();
    }

    fn close(&self) {
        let _used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        self.closed.store(true, Ordering::Relaxed);
        self.freed.notify_all();
    }
}

/// Closes the budgets when dropped: the writer holds one, so that a writer that
/// ends early (a panic) cannot leave the dispatcher waiting for ever.
struct CloseOnDrop<'a>(&'a [&'a Budget]);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.iter().for_each(|b| b.close());
    }
}

impl Work {
    /// Bytes this item will hold in memory, at most (for the in-flight budget).
    fn weight(&self, max_bytes: u64) -> u64 {
        match self {
            Work::File(f) => f.bytes.min(max_bytes),
            Work::Line { bytes, .. } => bytes.len() as u64,
        }
    }

    fn fallback_id(&self) -> String {
        match self {
            Work::File(f) => f.id.clone(),
            Work::Line { number, .. } => format!("stdin:{number}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct RunConfig {
    pub jobs: usize,
    pub max_bytes: u64,
    pub errors_path: Option<PathBuf>,
    pub quiet: bool,
    /// Show a progress bar (only honoured when stderr is a terminal).
    pub progress: bool,
    /// Number of work items known in advance (for the progress bar).
    pub total: Option<u64>,
    /// Input bytes allowed in flight at once (normally [`IN_FLIGHT_BYTES`]).
    pub in_flight_bytes: u64,
}

#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub documents: u64,
    pub bytes: u64,
    pub failed: u64,
    pub skipped: u64,
    pub seconds: f64,
    /// The output stream was closed by the reader (SIGPIPE / EPIPE).
    pub broken_pipe: bool,
}

impl Summary {
    pub fn line(&self) -> String {
        let mb = self.bytes as f64 / 1e6;
        let rate = if self.seconds > 0.0 {
            mb / self.seconds
        } else {
            0.0
        };
        format!(
            "prex: {} documents, {:.2} MB in {:.2} s ({:.1} MB/s); {} skipped, {} failed",
            self.documents, mb, self.seconds, rate, self.skipped, self.failed
        )
    }
}

/// The JSON line written to `--errors` for a failed input.
pub fn error_line(id: &str, e: &InputError) -> String {
    #[derive(serde::Serialize)]
    struct Inner<'a> {
        kind: &'a str,
        message: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Line<'a> {
        id: &'a str,
        error: Inner<'a>,
    }
    serde_json::to_string(&Line {
        id,
        error: Inner {
            kind: e.kind.as_str(),
            message: &e.message,
        },
    })
    .expect("error lines always serialize")
}

/// Reports failures on stderr (always, even with `--quiet`) and in the `--errors` file.
pub struct ErrorSink {
    file: Option<BufWriter<File>>,
}

impl ErrorSink {
    pub fn new(path: Option<&Path>) -> Result<Self> {
        let file = match path {
            Some(p) => {
                Some(BufWriter::new(File::create(p).with_context(|| {
                    format!("creating --errors file {}", p.display())
                })?))
            }
            None => None,
        };
        Ok(ErrorSink { file })
    }

    pub fn report(&mut self, id: &str, e: &InputError) {
        eprintln!("prex: {id}: {e}");
        if let Some(f) = &mut self.file {
            let _ = writeln!(f, "{}", error_line(id, e));
        }
    }

    pub fn finish(&mut self) -> Result<()> {
        if let Some(f) = &mut self.file {
            f.flush().context("writing --errors file")?;
        }
        Ok(())
    }
}

enum Outcome {
    Record { line: String, bytes: u64 },
    Failed { id: String, error: InputError },
}

/// Reads a work item into a document; `fallback` is the id that names the input when
/// it fails.
fn read(work: Work, fallback: &str, max_bytes: u64) -> Result<Document, Outcome> {
    let doc = match work {
        Work::File(f) => input::read_file(&f.path, f.id, f.format, max_bytes),
        // A line cut at `max_bytes + 1` while reading may end inside a UTF-8
        // sequence: it is too large, whatever its bytes.
        Work::Line {
            number: n, bytes, ..
        } if bytes.len() as u64 > max_bytes => Err(InputError::new(
            ErrorKind::TooLarge,
            format!("line {n}: more than --max-bytes {max_bytes} bytes"),
        )),
        Work::Line {
            number: n, bytes, ..
        } => match std::str::from_utf8(&bytes) {
            Ok(line) => input::parse_json_line(line, n, max_bytes),
            Err(e) => Err(InputError::new(
                ErrorKind::Parse,
                format!("line {n}: invalid UTF-8 at byte {}", e.valid_up_to()),
            )),
        },
    };
    doc.map_err(|error| Outcome::Failed {
        id: fallback.to_string(),
        error,
    })
}

/// Runs `f`, turning a panic into a failed outcome: a bug in an extractor must cost
/// one document, not the run (or a hang: the writer waits for every sequence number).
fn guarded<T>(fallback: &str, f: impl FnOnce() -> T) -> Result<T, Outcome> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| Outcome::Failed {
        id: fallback.to_string(),
        error: InputError::new(
            ErrorKind::Internal,
            format!("internal error (please report): {}", panic_message(&panic)),
        ),
    })
}

/// One work item of a batch, with its sequence number and budget weight.
struct Item {
    seq: u64,
    weight: u64,
    work: Work,
}

/// The work items gathered for the next batch and their input bytes.
#[derive(Default)]
struct Batch {
    items: Vec<Item>,
    bytes: u64,
}

impl Batch {
    fn push(&mut self, item: Item) {
        self.bytes += item.weight;
        self.items.push(item);
    }

    fn take(&mut self) -> Vec<Item> {
        self.bytes = 0;
        std::mem::take(&mut self.items)
    }
}

/// Processes a batch of work items **stage by stage**: every document goes through
/// one stage before any goes through the next, so each stage's tables stay in the
/// CPU caches (see [`Pipeline::run_stage`]). Each item's outcome is sent on `tx`.
fn process_batch(
    pipeline: &Pipeline,
    batch: Vec<Item>,
    max_bytes: u64,
    tx: &crossbeam_channel::Sender<Vec<(u64, u64, Outcome)>>,
) {
    let mut slots: Vec<(u64, u64, String, Result<Document, Outcome>)> = batch
        .into_iter()
        .map(|it| {
            let fallback = it.work.fallback_id();
            let doc = guarded(&fallback, || read(it.work, &fallback, max_bytes)).and_then(|r| r);
            (it.seq, it.weight, fallback, doc)
        })
        .collect();
    for stage in Stage::ALL {
        for (_, _, fallback, slot) in slots.iter_mut() {
            if let Ok(doc) = slot {
                if let Err(failed) = guarded(fallback, || pipeline.run_stage(stage, doc)) {
                    *slot = Err(failed);
                }
            }
        }
    }
    // One message for the whole batch: a message per document would wake the
    // writer thread once per document, and on this 2-vCPU VM each cross-CPU wake-up
    // costs the sender a VM exit (`-j 1` spent ~30% of its time there).
    let outcomes: Vec<(u64, u64, Outcome)> = slots
        .into_iter()
        .map(|(seq, weight, fallback, slot)| {
            let outcome = slot
                .and_then(|doc| {
                    guarded(&fallback, || Outcome::Record {
                        line: pipeline.json_line(&doc),
                        bytes: doc.raw_bytes as u64,
                    })
                })
                .unwrap_or_else(|failed| failed);
            (seq, weight, outcome)
        })
        .collect();
    let _ = tx.send(outcomes);
}

fn panic_message(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Runs the pipeline over `items`, writing JSON Lines to `out`.
pub fn run<I>(
    pipeline: &Pipeline,
    items: I,
    out: Box<dyn Write + Send>,
    errors: &mut ErrorSink,
    cfg: &RunConfig,
) -> Result<Summary>
where
    I: Iterator<Item = Work>,
{
    let started = Instant::now();
    let jobs = cfg.jobs.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("prex-worker-{i}"))
        .build()
        .context("starting worker threads")?;
    // Documents per batch: enough to keep the stage tables warm, few enough that
    // a small run still gives every worker several batches.
    let batch_items = match cfg.total {
        Some(n) => (n as usize / (jobs * 4)).clamp(1, BATCH_ITEMS),
        None => BATCH_ITEMS,
    };
    // Documents in flight (read, processing, or waiting for an earlier one).
    let window = jobs * 16 + jobs * 3 * batch_items;
    let docs = Budget::new(window as u64);
    let budget = Budget::new(cfg.in_flight_bytes.max(1));
    let (result_tx, result_rx) = unbounded::<Vec<(u64, u64, Outcome)>>();
    let abort = AtomicBool::new(false);
    let max_bytes = cfg.max_bytes;

    let progress = (cfg.progress && !cfg.quiet && io::stderr().is_terminal()).then(|| {
        let bar = match cfg.total {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} documents ({per_sec})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    });

    let mut summary = std::thread::scope(|ts| -> Result<Summary> {
        let abort = &abort;
        let budget = &budget;
        let docs = &docs;
        let progress = progress.as_ref();
        let writer = ts.spawn(move || -> (Summary, io::Result<()>) {
            let budgets = [budget, docs];
            let _close = CloseOnDrop(&budgets);
            let mut out = BufWriter::with_capacity(1 << 16, out);
            let mut summary = Summary::default();
            let mut pending: BTreeMap<u64, (u64, Outcome)> = BTreeMap::new();
            let mut next = 0u64;
            let mut result = Ok(());
            for batch in result_rx.iter() {
                for (seq, weight, outcome) in batch {
                    pending.insert(seq, (weight, outcome));
                }
                // Released once per message: a release per record would wake the
                // dispatcher once per record.
                let (mut freed_bytes, mut freed_docs) = (0, 0);
                while let Some((weight, o)) = pending.remove(&next) {
                    next += 1;
                    if let Some(p) = progress {
                        p.inc(1);
                    }
                    match o {
                        Outcome::Record { line, bytes } => {
                            summary.documents += 1;
                            summary.bytes += bytes;
                            if result.is_ok() {
                                result = out
                                    .write_all(line.as_bytes())
                                    .and_then(|_| out.write_all(b"\n"));
                            }
                        }
                        Outcome::Failed { id, error } => {
                            summary.failed += 1;
                            errors.report(&id, &error);
                        }
                    }
                    // The record is out of memory now.
                    freed_bytes += weight;
                    freed_docs += 1;
                }
                if freed_docs > 0 {
                    budget.release(freed_bytes);
                    docs.release(freed_docs);
                }
                if result.is_ok() && result_rx.is_empty() {
                    result = out.flush();
                }
                if result.is_err() {
                    abort.store(true, Ordering::Relaxed);
                }
            }
            if result.is_ok() {
                result = out.flush();
            }
            (summary, result)
        });

        pool.in_place_scope(|s| {
            let mut batch = Batch::default();
            let dispatch = |batch: &mut Batch| {
                if batch.items.is_empty() {
                    return;
                }
                let items = batch.take();
                let tx = result_tx.clone();
                s.spawn(move |_| process_batch(pipeline, items, max_bytes, &tx));
            };
            for (seq, work) in (0u64..).zip(items) {
                if abort.load(Ordering::Relaxed) || docs.closed.load(Ordering::Relaxed) {
                    break;
                }
                let weight = work.weight(max_bytes);
                // A batch waiting for more items must not hold the document slots or bytes
                // that the wait is for: send it off before blocking.
                if !docs.try_acquire(1) {
                    dispatch(&mut batch);
                    docs.acquire(1);
                }
                if !budget.try_acquire(weight) {
                    dispatch(&mut batch);
                    budget.acquire(weight);
                }
                // A stdin line whose successor has not arrived yet goes out with the
                // batch so far: a record must not wait for the input after it.
                let alone = matches!(work, Work::Line { more: false, .. });
                batch.push(Item { seq, weight, work });
                if alone || batch.items.len() >= batch_items || batch.bytes >= BATCH_BYTES {
                    dispatch(&mut batch);
                }
            }
            dispatch(&mut batch);
        });
        drop(result_tx);
        let (mut summary, result) = writer.join().expect("writer thread panicked");
        if let Err(e) = result {
            if e.kind() == io::ErrorKind::BrokenPipe {
                summary.broken_pipe = true;
            } else {
                return Err(e).context("writing records");
            }
        }
        Ok(summary)
    })?;
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Inputs that produced no record, with their ids.
pub type Failures = Vec<(String, InputError)>;

/// Runs the pipeline over files, directories and `.jsonl` files (read as stdin-style
/// JSON Lines) and collects the records in memory, in output order. For evaluation
/// and tools over small sets; `run` is the streaming driver.
pub fn collect_records(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    max_bytes: u64,
) -> Result<(Vec<crate::Record<'static>>, Failures)> {
    use rayon::prelude::*;
    let mut docs: Vec<Result<crate::Document, (String, InputError)>> = Vec::new();
    let mut files = Vec::new();
    let mut failures = Vec::new();
    for p in paths {
        if p.extension().is_some_and(|e| e == "jsonl") && p.is_file() {
            let f = File::open(p).with_context(|| format!("opening {}", p.display()))?;
            for w in stdin_lines(io::BufReader::new(f), max_bytes) {
                if let Work::Line {
                    number: n, bytes, ..
                } = w
                {
                    let line = String::from_utf8_lossy(&bytes);
                    docs.push(
                        input::parse_json_line(&line, n, max_bytes)
                            .map_err(|e| (format!("{}:{n}", p.display()), e)),
                    );
                }
            }
        } else {
            let w = crate::walk::collect(std::slice::from_ref(p), None);
            failures.extend(w.errors);
            files.extend(w.files);
        }
    }
    let from_files: Vec<_> = files
        .into_par_iter()
        .map(|f| {
            input::read_file(&f.path, f.id.clone(), f.format, max_bytes).map_err(|e| (f.id, e))
        })
        .collect();
    docs.extend(from_files);
    let results: Vec<_> = docs
        .into_par_iter()
        .map(|d| d.map(|doc| pipeline.process(doc)))
        .collect();
    let mut records = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(rec) => records.push(rec),
            Err(f) => failures.push(f),
        }
    }
    Ok((records, failures))
}

/// Iterates over the lines of a JSON Lines stream as work items. Blank lines are
/// skipped; a read error ends the stream after reporting it. A line longer than
/// `max_bytes` is not kept in memory: only its first `max_bytes + 1` bytes are, so
/// that it fails with `too_large` while the lines around it go on.
pub fn stdin_lines<R: io::Read>(
    mut reader: io::BufReader<R>,
    max_bytes: u64,
) -> impl Iterator<Item = Work> {
    let mut n = 0usize;
    let cap = usize::try_from(max_bytes)
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    std::iter::from_fn(move || loop {
        let mut buf = Vec::new();
        n += 1;
        let mut saw_any = false;
        loop {
            let chunk = match reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    eprintln!("prex: reading stdin: {e}");
                    return None;
                }
            };
            if chunk.is_empty() {
                break;
            }
            saw_any = true;
            let (take, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = cap.saturating_sub(buf.len());
            buf.extend_from_slice(&chunk[..take.min(room)]);
            reader.consume(take);
            if done {
                break;
            }
        }
        if !saw_any {
            return None;
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let more = memchr::memchr(b'\n', reader.buffer()).is_some();
        return Some(Work::Line {
            number: n,
            bytes: buf,
            more,
        });
    })
}

/// The stable shard of an id: FNV-1a (64-bit) of its UTF-8 bytes, modulo `n`,
/// plus one (shards are numbered `1..=n`).
pub fn shard_of(id: &str, n: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in id.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % n + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_truncated_not_buffered() {
        let mut input = b"{\"id\":\"a\",\"text\":\"x\"}\n".to_vec();
        input.extend(std::iter::repeat_n(b'y', 100_000));
        input.extend_from_slice(b"\n\n{\"id\":\"c\",\"text\":\"z\"}");
        let items: Vec<_> = stdin_lines(io::BufReader::new(io::Cursor::new(input)), 1000).collect();
        assert_eq!(items.len(), 3);
        match &items[1] {
            Work::Line { number, bytes, .. } => {
                assert_eq!(*number, 2);
                assert_eq!(bytes.len(), 1001);
            }
            _ => unreachable!(),
        }
        assert!(matches!(&items[2], Work::Line { number: 4, .. }));
    }

    #[test]
    fn shards_are_stable_and_cover_everything() {
        assert_eq!(shard_of("ngo/a.txt", 1), 1);
        // FNV-1a of "a" is 0xaf63dc4c8601ec8c.
        assert_eq!(
            shard_of("a", 1 << 32),
            (0xaf63_dc4c_8601_ec8c_u64 % (1 << 32)) + 1
        );
        for id in ["x", "y/z.txt", "é.md"] {
            let k = shard_of(id, 4);
            assert!((1..=4).contains(&k));
        }
    }
}
