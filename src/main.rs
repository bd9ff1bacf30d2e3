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
                  quotations and legal penalties. See `prex extract --help`."
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
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], 1u64 << 10),
        Some('M') => (&t[..t.len() - 1], 1 << 20),
        Some('G') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mult))
        .map_err(|_| format!("{s:?} is not a size (like 10M, 500K or 1048576)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
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
            Some(p) => {
                let name = p
                    .file_name()
                    .with_context(|| format!("-o {}: not a file name", p.display()))?;
                let tmp = p.with_file_name(format!(
                    ".{}.prex-tmp-{}",
                    name.to_string_lossy(),
                    std::process::id()
                ));
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
            std::fs::rename(&tmp, &dest)
                .with_context(|| format!("renaming {} to {}", tmp.display(), dest.display()))?;
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
    let patterns = load_patterns(args.patterns.as_deref())?;
    let options = Options {
        dct: args.dct,
        day_first: args.day_first,
        include_text: args.include_text,
    };
    let pipeline = Pipeline::new(&patterns, options)?;
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    if jobs == 0 {
        bail!("--jobs must be at least 1");
    }
    let mut errors = ErrorSink::new(args.errors.as_deref(), args.quiet)?;
    let mut cfg = RunConfig {
        jobs,
        max_bytes: args.max_bytes,
        errors_path: args.errors.clone(),
        quiet: args.quiet,
        progress: true,
        total: None,
    };
    let (output, sink) = Output::open(args.output.as_deref())?;

    let mut walk_failed = 0u64;
    let mut skipped = 0u64;
    let result = if use_stdin {
        let stdin = io::stdin().lock();
        run::run(&pipeline, run::stdin_lines(stdin), sink, &mut errors, &cfg)
    } else {
        let w = walk::collect(&args.paths, args.output.as_deref());
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
        run::run(&pipeline, w.files.into_iter().map(Work::File), sink, &mut errors, &cfg)
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
