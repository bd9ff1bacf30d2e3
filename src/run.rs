//! The batch driver behind `prex extract`: documents are processed in parallel on a
//! rayon pool while a writer thread puts records out **in input order**, each as
//! soon as it and every record before it are done. A bounded window of documents is
//! in flight, so memory does not grow with the corpus.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use crossbeam_channel::{bounded, unbounded};

use crate::input::{self, ErrorKind, InputError};
use crate::pipeline::Pipeline;
use crate::walk::FileInput;

/// One unit of work, in output order.
pub enum Work {
    File(FileInput),
    /// A stdin JSON line and its 1-based line number.
    Line(usize, Vec<u8>),
}

impl Work {
    fn fallback_id(&self) -> String {
        match self {
            Work::File(f) => f.id.clone(),
            Work::Line(n, _) => format!("stdin:{n}"),
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
        let rate = if self.seconds > 0.0 { mb / self.seconds } else { 0.0 };
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

/// Reports failures on stderr and in the `--errors` file.
pub struct ErrorSink {
    file: Option<BufWriter<File>>,
    quiet: bool,
}

impl ErrorSink {
    pub fn new(path: Option<&Path>, quiet: bool) -> Result<Self> {
        let file = match path {
            Some(p) => Some(BufWriter::new(
                File::create(p).with_context(|| format!("creating --errors file {}", p.display()))?,
            )),
            None => None,
        };
        Ok(ErrorSink { file, quiet })
    }

    pub fn report(&mut self, id: &str, e: &InputError) {
        if !self.quiet || e.kind != ErrorKind::Parse {
            eprintln!("prex: {id}: {e}");
        }
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

fn process(pipeline: &Pipeline, work: Work, max_bytes: u64) -> Outcome {
    let fallback = work.fallback_id();
    let doc = match work {
        Work::File(f) => input::read_file(&f.path, f.id, f.format, max_bytes),
        Work::Line(n, bytes) => match std::str::from_utf8(&bytes) {
            Ok(line) => input::parse_json_line(line, n, max_bytes),
            Err(e) => Err(InputError::new(
                ErrorKind::Parse,
                format!("line {n}: invalid UTF-8 at byte {}", e.valid_up_to()),
            )),
        },
    };
    match doc {
        Ok(doc) => {
            let bytes = doc.raw_bytes as u64;
            let record = pipeline.process(doc);
            Outcome::Record {
                line: record.to_json_line(),
                bytes,
            }
        }
        Err(error) => Outcome::Failed {
            id: fallback,
            error,
        },
    }
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
    // Documents in flight (read, processing, or waiting for an earlier one).
    let window = jobs * 16;
    let (token_tx, token_rx) = bounded::<()>(window);
    for _ in 0..window {
        token_tx.send(()).expect("fresh channel has room");
    }
    let (result_tx, result_rx) = unbounded::<(u64, Outcome)>();
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
        let progress = progress.as_ref();
        let writer = ts.spawn(move || -> (Summary, io::Result<()>) {
            let mut out = BufWriter::with_capacity(1 << 16, out);
            let mut summary = Summary::default();
            let mut pending: BTreeMap<u64, Outcome> = BTreeMap::new();
            let mut next = 0u64;
            let mut result = Ok(());
            for (seq, outcome) in result_rx.iter() {
                pending.insert(seq, outcome);
                while let Some(o) = pending.remove(&next) {
                    next += 1;
                    let _ = token_tx.send(());
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
            for (seq, work) in (0u64..).zip(items) {
                if abort.load(Ordering::Relaxed) || token_rx.recv().is_err() {
                    break;
                }
                let tx = result_tx.clone();
                s.spawn(move |_| {
                    let outcome = process(pipeline, work, max_bytes);
                    let _ = tx.send((seq, outcome));
                });
            }
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

/// Iterates over the lines of a JSON Lines stream as work items. Blank lines are
/// skipped; a read error ends the stream after reporting it.
pub fn stdin_lines<R: BufRead>(mut reader: R) -> impl Iterator<Item = Work> {
    let mut n = 0usize;
    std::iter::from_fn(move || loop {
        let mut buf = Vec::new();
        n += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {
                while matches!(buf.last(), Some(b'\n' | b'\r')) {
                    buf.pop();
                }
                if buf.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                return Some(Work::Line(n, buf));
            }
            Err(e) => {
                eprintln!("prex: reading stdin: {e}");
                return None;
            }
        }
    })
}
