//! The `prex` command line. Only argument handling lives here; the work is in the
//! library.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use prex::run::{self, ErrorSink, RunConfig, Work};
use prex::{walk, Options, Patterns, Pipeline};

#[derive(Parser)]
#[command(
    name = "prex",
    version,
    about = "Press releases in, structured JSON records (prex.v1) out",
    long_about = "prex turns press releases into JSON records: sentences, entities, dates, \
                  quotations and legal penalties. See `prex extract --help`; `prex show` and \
                  `prex report` turn records into HTML pages to look at."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from files, directories or stdin JSON Lines
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Score records against gold annotations (precision, recall, F1, accuracies)
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
    /// Generate a deterministic bench corpus by recombining releases
    #[command(
        after_help = "Examples:\n  prex bench-corpus --size 100MB --seed 7 /tmp/bench\n  \
                            prex extract -q -j 1 /tmp/bench -o /dev/null"
    )]
    BenchCorpus(BenchCorpusArgs),
    /// Render releases with every annotation highlighted, as one HTML page
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Summarize a run's records as one HTML page with charts
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
}

const SHOW_EXAMPLES: &str = "\
Examples:
  prex show release.txt > page.html
  prex show corpus/ngo -o ngo.html
  prex show --records records.jsonl --only pakistan --only 2021-03 > some.html
  prex extract --include-text corpus > records.jsonl && prex show --records records.jsonl > all.html

The page is self-contained (no script, no network): hover a highlight for its
fields; badges link quotations to their speakers and penalties to their cards.";

#[derive(Args)]
struct ShowArgs {
    /// Files or directories to run the pipeline on (a .jsonl file is read as stdin input)
    #[arg(required_unless_present = "records", conflicts_with = "records")]
    paths: Vec<PathBuf>,
    /// Render records made earlier (JSON Lines, with `text` from --include-text)
    #[arg(long, value_name = "RECORDS.jsonl")]
    records: Option<PathBuf>,
    /// Write the page to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Only documents whose id contains TEXT (repeat for several)
    #[arg(long, value_name = "TEXT")]
    only: Vec<String>,
    /// At most this many documents on the page (0: all)
    #[arg(long, value_name = "N", default_value_t = 500)]
    max_docs: usize,
    /// Page title
    #[arg(long)]
    title: Option<String>,
    /// Pattern directory (as for extract)
    #[arg(long, value_name = "DIR")]
    patterns: Option<PathBuf>,
    /// Document creation date for all inputs
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    dct: Option<NaiveDate>,
    /// Read ambiguous numeric dates day first
    #[arg(long)]
    day_first: bool,
}

const REPORT_EXAMPLES: &str = "\
Examples:
  prex extract corpus > records.jsonl && prex report records.jsonl > report.html
  prex extract -q corpus | prex report - -o report.html
  prex report --top 50 --title \"December run\" part1.jsonl part2.jsonl > report.html

The page aggregates (counts, top names, charts drawn as inline SVG); it does not
inline documents, so it stays small for large runs.";

#[derive(Args)]
struct ReportArgs {
    /// Record files (JSON Lines); `-` reads stdin
    #[arg(required = true, value_name = "RECORDS.jsonl")]
    records: Vec<PathBuf>,
    /// Write the page to FILE instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Rows in each top-N table and chart
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
    /// Page title
    #[arg(long, default_value = "prex report")]
    title: String,
}

#[derive(Args)]
struct BenchCorpusArgs {
    /// Total size to write (decimal units: 1MB = 1,000,000 bytes; up to 10GB)
    #[arg(long, default_value = "100MB")]
    size: String,
    /// Random seed (same seed, same bytes)
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Releases to recombine
    #[arg(long, value_name = "DIR", default_value = "corpus")]
    from: PathBuf,
    /// Pattern directory (names and countries to vary)
    #[arg(long, value_name = "DIR")]
    patterns: Option<PathBuf>,
    /// Output directory
    out: PathBuf,
}

const EVAL_EXAMPLES: &str = "\
Examples:
  prex eval --gold tests/gold --run corpus
  prex extract corpus > records.jsonl && prex eval --gold tests/gold records.jsonl
  prex eval --gold tests/gold --run corpus --fields entities --details
  prex eval --gold ../shared/data/tempeval3-train/gold --fields dates \\
            --run ../shared/data/tempeval3-train/input.jsonl --json

Gold is a directory of JSON files, one per document: {\"id\", and any of sentences,
entities, dates, quotations, penalties, dateline} in the shapes of the prex.v1
record, offsets in code points. Fields absent from a gold file are not scored.
See docs/gold.md.";

#[derive(Args)]
struct EvalArgs {
    /// Directory of gold JSON files
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// Records made earlier by `prex extract` (JSON Lines)
    #[arg(
        value_name = "RECORDS.jsonl",
        conflicts_with = "run",
        required_unless_present = "run"
    )]
    records: Option<PathBuf>,
    /// Run the pipeline on these files/directories (a .jsonl file is read as stdin input)
    #[arg(long, value_name = "PATH", num_args = 1..)]
    run: Vec<PathBuf>,
    /// Print one JSON object instead of a table
    #[arg(long)]
    json: bool,
    /// Fields to score, comma-separated (sentences,entities,dates,quotations,penalties,dateline)
    #[arg(long, value_name = "LIST")]
    fields: Option<String>,
    /// List every false positive and false negative with its text and rule
    #[arg(long)]
    details: bool,
    /// Pattern directory for --run (as for extract)
    #[arg(long, value_name = "DIR")]
    patterns: Option<PathBuf>,
    /// Document creation date for --run inputs
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    dct: Option<NaiveDate>,
    /// Day-first numeric dates for --run inputs
    #[arg(long)]
    day_first: bool,
}

const EXTRACT_EXAMPLES: &str = "\
Examples:
  prex extract corpus > records.jsonl
  prex extract -j 2 --errors failed.jsonl corpus/ngo release.html -o out.jsonl
  prex extract --dct 2020-12-18 --include-text letter.txt | jq .entities
  jq -c '{id, text}' docs.jsonl | prex extract - > records.jsonl

Exit status: 0 all inputs processed, 1 some inputs failed (the others still
produced their records), 2 usage error.";

#[derive(Args)]
struct ExtractArgs {
    /// Files or directories (walked recursively; .txt .md .html .htm are read);
    /// `-` reads JSON Lines {"id", "text", "dct"?} from stdin
    #[arg(required_unless_present = "stdin")]
    paths: Vec<PathBuf>,
    /// Read JSON Lines from stdin (same as the path `-`)
    #[arg(long)]
    stdin: bool,
    /// Write records to FILE (atomically: complete or absent) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads [default: all cores]
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// Include each document's text in its record
    #[arg(long)]
    include_text: bool,
    /// Directory of pattern files that add to or override the built-in ones
    #[arg(long, value_name = "DIR")]
    patterns: Option<PathBuf>,
    /// Document creation date for all inputs (YYYY-MM-DD), instead of the dateline's
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    dct: Option<NaiveDate>,
    /// Read ambiguous numeric dates (03/04/2021) day first
    #[arg(long)]
    day_first: bool,
    /// Also write failures as JSON Lines to FILE
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,
    /// Inputs larger than this fail with `too_large` (suffixes K, M, G)
    #[arg(long, value_name = "N", default_value = "10M", value_parser = parse_size)]
    max_bytes: u64,
    /// No progress bar and no summary
    #[arg(short, long)]
    quiet: bool,
    /// Process only shard K of N (1 <= K <= N): the files whose id hashes to K
    /// (FNV-1a 64 of the id, mod N, plus 1); the N shards together are the whole run
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    shard: Option<(u64, u64)>,
}

fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, like 2/8")?;
    let k: u64 = k.trim().parse().map_err(|_| "K is not a number")?;
    let n: u64 = n.trim().parse().map_err(|_| "N is not a number")?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("shard {k}/{n}: need 1 <= K <= N"));
    }
    Ok((k, n))
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn parse_size(s: &str) -> Result<u64, String> {
    prex::benchcorpus::parse_size(s, 1024)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval(args),
        Command::BenchCorpus(args) => bench_corpus(args),
        Command::Show(args) => show(args),
        Command::Report(args) => report(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("prex: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load_patterns(dir: Option<&Path>) -> Result<Patterns> {
    match dir {
        Some(d) => Patterns::with_overrides(d),
        None => Ok(Patterns::embedded()),
    }
}

/// Where records go: stdout, or a temporary file renamed into place at the end.
struct Output {
    target: Option<(PathBuf, PathBuf)>,
}

impl Output {
    fn open(path: Option<&Path>) -> Result<(Output, Box<dyn Write + Send>)> {
        match path {
            None => Ok((Output { target: None }, Box::new(io::stdout()))),
            Some(p) if p.is_dir() => bail!("-o {}: is a directory", p.display()),
            Some(p) if std::fs::metadata(p).is_ok_and(|m| !m.is_file()) => {
                // A device or pipe (`-o /dev/null`, a FIFO) is written in place: renaming
                // a temporary file over it would replace the device with a file.
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(p)
                    .with_context(|| format!("opening {}", p.display()))?;
                Ok((Output { target: None }, Box::new(f)))
            }
            Some(p) => {
                let name = p
                    .file_name()
                    .with_context(|| format!("-o {}: not a file name", p.display()))?;
                let tmp = p.with_file_name(format!(
                    ".{}.prex-tmp-{}",
                    name.to_string_lossy(),
                    std::process::id()
                ));
                // On Ctrl-C the -o file is left as it was: complete from an earlier
                // run, or absent. The handler is in place before the temporary file
                // exists, so no interruption can leave it behind.
                let on_interrupt = tmp.clone();
                let _ = ctrlc::set_handler(move || {
                    let _ = std::fs::remove_file(&on_interrupt);
                    std::process::exit(130);
                });
                let f = std::fs::File::create(&tmp)
                    .with_context(|| format!("creating {}", tmp.display()))?;
                Ok((
                    Output {
                        target: Some((tmp, p.to_path_buf())),
                    },
                    Box::new(f),
                ))
            }
        }
    }

    fn commit(self) -> Result<()> {
        if let Some((tmp, dest)) = self.target {
            if let Err(e) = std::fs::rename(&tmp, &dest) {
                let _ = std::fs::remove_file(&tmp);
                return Err(e)
                    .with_context(|| format!("renaming {} to {}", tmp.display(), dest.display()));
            }
        }
        Ok(())
    }

    fn discard(self) {
        if let Some((tmp, _)) = self.target {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let use_stdin = args.stdin || args.paths.iter().any(|p| p.as_os_str() == "-");
    if use_stdin && args.paths.iter().any(|p| p.as_os_str() != "-") {
        bail!("reading stdin (`-`) cannot be combined with file paths");
    }
    if use_stdin && args.shard.is_some() {
        // Checked before the -o temporary file is created, so none is left behind.
        bail!("--shard applies to PATH inputs; split stdin upstream instead");
    }
    let patterns = load_patterns(args.patterns.as_deref())?;
    let options = Options {
        dct: args.dct,
        day_first: args.day_first,
        include_text: args.include_text,
    };
    // The process ends after this run: its automata are not freed one by one
    // (about a tenth of the start-up work on one small file).
    let pipeline: &Pipeline = Box::leak(Box::new(Pipeline::new(&patterns, options)?));
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    if jobs == 0 {
        bail!("--jobs must be at least 1");
    }
    let mut errors = ErrorSink::new(args.errors.as_deref())?;
    let mut cfg = RunConfig {
        jobs,
        max_bytes: args.max_bytes,
        errors_path: args.errors.clone(),
        quiet: args.quiet,
        progress: true,
        total: None,
        in_flight_bytes: run::IN_FLIGHT_BYTES,
    };
    let (output, sink) = Output::open(args.output.as_deref())?;

    let mut walk_failed = 0u64;
    let mut skipped = 0u64;
    let result = if use_stdin {
        // a large buffer lets the driver batch the lines that are already there
        let stdin = io::BufReader::with_capacity(STDIN_BUFFER, io::stdin().lock());
        run::run(
            pipeline,
            run::stdin_lines(stdin, args.max_bytes),
            sink,
            &mut errors,
            &cfg,
        )
    } else {
        let mut w = walk::collect(&args.paths, args.output.as_deref());
        if let Some((k, n)) = args.shard {
            w.files.retain(|f| run::shard_of(&f.id, n) == k);
            w.errors.retain(|(id, _)| run::shard_of(id, n) == k);
        }
        for note in &w.notes {
            if !args.quiet {
                eprintln!("prex: {note}");
            }
        }
        for (id, e) in &w.errors {
            errors.report(id, e);
        }
        walk_failed = w.errors.len() as u64;
        skipped = w.skipped as u64;
        cfg.total = Some(w.files.len() as u64);
        run::run(
            pipeline,
            w.files.into_iter().map(Work::File),
            sink,
            &mut errors,
            &cfg,
        )
    };
    let mut summary = match result {
        Ok(s) => s,
        Err(e) => {
            output.discard();
            return Err(e);
        }
    };
    errors.finish()?;
    if summary.broken_pipe {
        output.discard();
        return Ok(ExitCode::from(141));
    }
    output.commit()?;
    summary.failed += walk_failed;
    summary.skipped += skipped;
    if !args.quiet {
        eprintln!("{}", summary.line());
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs the pipeline over `paths` in memory (for `eval --run` and `show`), reporting
/// failed inputs on stderr; returns the records and the number of failures.
fn records_of(
    patterns: Option<&Path>,
    options: Options,
    paths: &[PathBuf],
) -> Result<(Vec<prex::Record<'static>>, usize)> {
    let pipeline = Pipeline::new(&load_patterns(patterns)?, options)?;
    let (records, failures) = run::collect_records(&pipeline, paths, DEFAULT_MAX_BYTES)?;
    for (id, e) in &failures {
        eprintln!("prex: {id}: {e}");
    }
    Ok((records, failures.len()))
}

/// `--max-bytes` default of `extract`, also the limit of `eval --run` and `show`.
const DEFAULT_MAX_BYTES: u64 = 10 << 20;

/// Bytes of stdin read at once: lines already read are processed in batches.
const STDIN_BUFFER: usize = 1 << 20;

fn eval(args: EvalArgs) -> Result<ExitCode> {
    let fields = prex::eval::parse_fields(args.fields.as_deref())?;
    let gold = prex::eval::load_gold(&args.gold)?;
    let records = match &args.records {
        Some(path) => prex::eval::read_records(path)?,
        None => {
            let options = Options {
                dct: args.dct,
                day_first: args.day_first,
                include_text: false,
            };
            records_of(args.patterns.as_deref(), options, &args.run)?.0
        }
    };
    let report = prex::eval::evaluate(&gold, &records, &fields)?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report.to_json(args.details))?
        );
    } else {
        print!("{}", report.table(args.details));
    }
    Ok(ExitCode::SUCCESS)
}

fn bench_corpus(args: BenchCorpusArgs) -> Result<ExitCode> {
    let size = prex::benchcorpus::parse_decimal_size(&args.size)?;
    if size > 10_000_000_000 {
        bail!("--size is at most 10GB");
    }
    let patterns = load_patterns(args.patterns.as_deref())?;
    let started = std::time::Instant::now();
    let (files, bytes) =
        prex::benchcorpus::generate(&args.from, &patterns, size, args.seed, &args.out)?;
    eprintln!(
        "prex: wrote {files} releases, {:.1} MB, to {} in {:.1} s",
        bytes as f64 / 1e6,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a finished page to `-o FILE` (atomically) or stdout.
fn write_page(path: Option<&Path>, page: &str) -> Result<()> {
    let (output, mut sink) = Output::open(path)?;
    match sink.write_all(page.as_bytes()).and_then(|_| sink.flush()) {
        Ok(()) => {
            drop(sink);
            output.commit()
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            output.discard();
            Ok(())
        }
        Err(e) => {
            output.discard();
            Err(e).context("writing the page")
        }
    }
}

fn show(args: ShowArgs) -> Result<ExitCode> {
    let mut failed = 0;
    let mut records = match &args.records {
        Some(path) => prex::eval::read_records(path)?,
        None => {
            let options = Options {
                dct: args.dct,
                day_first: args.day_first,
                include_text: true,
            };
            let (records, failures) = records_of(args.patterns.as_deref(), options, &args.paths)?;
            failed = failures;
            records
        }
    };
    if !args.only.is_empty() {
        records.retain(|r| args.only.iter().any(|o| r.id.contains(o.as_str())));
    }
    if records.is_empty() {
        bail!("no documents to show");
    }
    let mut omitted = 0;
    if args.max_docs > 0 && records.len() > args.max_docs {
        omitted = records.len() - args.max_docs;
        records.truncate(args.max_docs);
        eprintln!(
            "prex: showing the first {} documents, {omitted} left out (--max-docs)",
            args.max_docs
        );
    }
    let page = prex::show::render(
        &records,
        &prex::show::ShowOptions {
            title: args.title,
            omitted,
        },
    );
    write_page(args.output.as_deref(), &page)?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn report(args: ReportArgs) -> Result<ExitCode> {
    let mut report = prex::report::Report::new();
    for path in &args.records {
        if path.as_os_str() == "-" {
            report.add_jsonl(io::stdin().lock(), "stdin")?;
        } else {
            let f =
                std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
            report.add_jsonl(io::BufReader::new(f), &path.display().to_string())?;
        }
    }
    let page = report.render(&args.title, args.top.max(1));
    write_page(args.output.as_deref(), &page)?;
    Ok(ExitCode::SUCCESS)
}
