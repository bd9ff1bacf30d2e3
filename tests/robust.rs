//! Nothing panics on any input: random bytes, truncated UTF-8 and random text go
//! through decoding, HTML reading and the whole pipeline.

use prex::document::Format;
use prex::input::{decode, document_from_content};
use prex::{Pipeline, Record};

// The project's deterministic xorshift64* generator.
use prex::benchcorpus::Rng;

const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    ". ",
    "? ",
    "!",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "Mr.",
    "U.S.",
    "D.C.",
    "said",
    "told",
    "sentenced to ",
    "three-year prison sentence",
    "$1.2 million",
    "Rs. 50,000",
    "Section 295-C",
    "December 18, 2020",
    "last month",
    "Monday",
    "1995",
    "12/18/2020",
    "President Moon Jae-in",
    "North Korea",
    "Pakistan’s",
    "(ICC)",
    "International Christian Concern",
    "–",
    "—",
    "é",
    "漢字",
    "😀",
    "\u{200D}",
    "\u{0301}",
    "\u{202E}",
    "\u{A0}",
    "\0",
    "<p>",
    "</p>",
    "<script>",
    "&amp;",
    "fined",
    "80 lashes",
    "death",
    "up to 20 years",
    "the letter says",
    "According to",
    ":",
    ",",
];

fn check(pipeline: &Pipeline, doc: prex::Document) {
    let len = doc.text.chars().count();
    let rec: Record = pipeline.process(doc);
    assert_eq!(rec.source.chars, len);
    for s in &rec.sentences {
        assert!(s.start < s.end && s.end <= len);
    }
    for e in &rec.entities {
        assert!(e.start < e.end && e.end <= len);
    }
    for d in &rec.dates {
        assert!(d.start < d.end && d.end <= len);
    }
    for q in &rec.quotations {
        assert!(q.start <= q.end && q.end <= len);
    }
    for p in &rec.penalties {
        assert!(p.start < p.end && p.end <= len);
    }
    // The record's own JSON writer must write what serde_json writes.
    assert_eq!(rec.to_json_line(), serde_json::to_string(&rec).unwrap());
}

#[test]
fn random_bytes_never_panic() {
    let pipeline = Pipeline::with_defaults().unwrap();
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    for round in 0..400 {
        let n = rng.below(600);
        let mut bytes: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
        if round % 3 == 0 {
            // Mostly text with truncated multi-byte sequences.
            bytes = "Sentenced “Korea’s” é 漢 😀. "
                .repeat(1 + n / 30)
                .into_bytes();
            let cut = rng.below(bytes.len());
            bytes.truncate(cut);
        }
        let mut warnings = Vec::new();
        if let Ok(text) = decode(&bytes, &mut warnings) {
            let format = if round % 5 == 0 {
                Format::Html
            } else {
                Format::Text
            };
            check(
                &pipeline,
                document_from_content(format!("r{round}"), text, format, n, warnings),
            );
        }
    }
}

#[test]
fn random_press_release_like_text_never_panics() {
    let pipeline = Pipeline::with_defaults().unwrap();
    let mut rng = Rng::new(42);
    for round in 0..600 {
        let mut s = String::new();
        for _ in 0..rng.below(120) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        let format = if round % 7 == 0 {
            Format::Html
        } else {
            Format::Text
        };
        check(
            &pipeline,
            document_from_content(format!("t{round}"), s.clone(), format, s.len(), vec![]),
        );
    }
}

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

/// Stdin mode: every kind of bad line is reported with its line number, and the
/// lines around it still produce records.
#[test]
fn bad_stdin_lines_are_reported_with_their_line_numbers() {
    let good = |id: &str| format!("{{\"id\":\"{id}\",\"text\":\"A sentence. Another.\"}}\n");
    let mut input = Vec::new();
    input.extend(good("g1").bytes()); // line 1
    input.extend(b"{\"id\": \"broken\", \"text\": \n"); // line 2: invalid JSON
    input.extend(good("g3").bytes()); // line 3
    input.extend(b"{\"id\": \"notext\", \"title\": \"x\"}\n"); // line 4: no text
    input.extend(good("g5").bytes()); // line 5
                                      // Line 6: 50 MB of two-byte characters; cut while reading at --max-bytes + 1,
                                      // which falls inside a character.
    input.extend(b"{\"id\":\"huge1\",\"text\":\""); // 22 bytes: the cut is odd
    input.extend("é".repeat(25 << 20).bytes());
    input.extend(b"\"}\n");
    input.extend(good("g7").bytes()); // line 7
    input.extend(b"{\"id\":\"latin1\",\"text\":\"caf\xe9\"}\n"); // line 8: not UTF-8
    input.extend(b"\n   \n"); // lines 9, 10: blank, skipped
    input.extend(b"[1, 2]\n"); // line 11: JSON, not an object
    input.extend(good("g12").bytes()); // line 12, no final newline below
    input.pop();
    let out = common::run_stdin(&["extract", "-q", "-j", "2", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = common::records(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["g1", "g3", "g5", "g7", "g12"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    let expect = [
        ("line 2", "parse"),
        ("line 4", "parse"),
        ("line 6", "too_large"),
        ("line 8", "parse"),
        ("line 11", "parse"),
    ];
    for (l, (n, kind)) in lines.iter().zip(expect) {
        assert!(l.contains(n) && l.contains(kind), "{l}");
    }
}

fn wait_for(pred: impl Fn() -> bool) {
    for _ in 0..2000 {
        if pred() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("condition not reached in 10 s");
}

/// SIGINT during a run with `-o`: exit status 130, the output file untouched (here:
/// still absent, then still the earlier run's), no temporary file left behind.
#[cfg(unix)]
#[test]
fn sigint_leaves_the_output_file_complete_or_absent() {
    let d = tempfile::tempdir().unwrap();
    let dest = d.path().join("out.jsonl");
    for earlier in [None, Some("earlier run\n")] {
        if let Some(e) = earlier {
            std::fs::write(&dest, e).unwrap();
        }
        let mut child = common::prex()
            .args(["extract", "-q", "-o", dest.to_str().unwrap(), "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        for i in 0..100 {
            writeln!(stdin, "{{\"id\":\"d{i}\",\"text\":\"Some text.\"}}").unwrap();
        }
        stdin.flush().unwrap();
        // Wait until the run is under way (its temporary file exists), then interrupt
        // it while it waits for more input.
        let tmp_exists = || {
            std::fs::read_dir(d.path()).unwrap().any(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("prex-tmp")
            })
        };
        wait_for(tmp_exists);
        let st = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(st.success());
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(out.status.code(), Some(130));
        assert!(out.stdout.is_empty());
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
        assert!(!tmp_exists(), "temporary file removed");
        match earlier {
            None => assert!(!dest.exists()),
            Some(e) => assert_eq!(std::fs::read_to_string(&dest).unwrap(), e),
        }
    }
}

/// `prex extract ... | head -1`: the closed pipe ends the run quietly with status
/// 141 (128 + SIGPIPE), no summary and no panic message.
#[cfg(unix)]
#[test]
fn closed_stdout_ends_the_run_quietly() {
    let mut child = common::prex()
        .args(["extract", "-j", "2", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0..50_000 {
            let line = format!("{{\"id\":\"d{i}\",\"text\":\"Some text here. More text.\"}}\n");
            if stdin.write_all(line.as_bytes()).is_err() {
                break; // prex has exited
            }
        }
    });
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("\"d0\""));
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(141), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

/// A usage error found after `-o` is named leaves no temporary file.
#[test]
fn usage_errors_leave_no_temporary_file() {
    let d = tempfile::tempdir().unwrap();
    let dest = d.path().join("out.jsonl");
    let out = common::run_stdin(
        &[
            "extract",
            "--shard",
            "1/2",
            "-o",
            dest.to_str().unwrap(),
            "-",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 0);
}

/// Replays every input kept in `tests/fuzz-regressions/` the way its fuzz target
/// reads it (see the README there).
#[test]
fn fuzz_regressions_replay() {
    use prex::run::{stdin_lines, Work};
    let pipeline = Pipeline::with_defaults().unwrap();
    let root = common::repo().join("tests/fuzz-regressions");
    let mut replayed = 0;
    for target in ["pipeline_bytes", "pipeline_utf8", "html", "json_lines"] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut files: Vec<_> = dir.map(|e| e.unwrap().path()).collect();
        files.sort();
        for path in files {
            let data = std::fs::read(&path).unwrap();
            eprintln!("replaying {}", path.display());
            replayed += 1;
            match target {
                "pipeline_bytes" => {
                    let Some((&sel, bytes)) = data.split_first() else {
                        continue;
                    };
                    let format = [Format::Text, Format::Markdown, Format::Html, Format::Jsonl]
                        [sel as usize % 4];
                    let mut w = Vec::new();
                    if let Ok(text) = decode(bytes, &mut w) {
                        check(
                            &pipeline,
                            document_from_content("f".into(), text, format, bytes.len(), w),
                        );
                    }
                }
                "pipeline_utf8" => {
                    if let Ok(text) = std::str::from_utf8(&data) {
                        check(&pipeline, prex::Document::new("f", text, Format::Text));
                    }
                }
                "html" => {
                    if let Ok(html) = std::str::from_utf8(&data) {
                        let n = html.len();
                        check(
                            &pipeline,
                            document_from_content("f".into(), html.into(), Format::Html, n, vec![]),
                        );
                    }
                }
                _ => {
                    for work in
                        stdin_lines(std::io::BufReader::new(std::io::Cursor::new(&data)), 256)
                    {
                        let Work::Line {
                            number: n, bytes, ..
                        } = work
                        else {
                            unreachable!()
                        };
                        assert!(bytes.len() <= 257);
                        if let Ok(line) = std::str::from_utf8(&bytes) {
                            match prex::input::parse_json_line(line, n, 256) {
                                Ok(doc) => check(&pipeline, doc),
                                Err(e) => assert!(e.message.contains(&format!("line {n}"))),
                            }
                        }
                    }
                }
            }
        }
    }
    eprintln!("{replayed} fuzz regression inputs replayed");
}

/// Large documents are admitted by bytes, not only by count: with a 1 MB in-flight
/// budget and 300 KB documents, the driver never holds more than the budget plus
/// two documents that are read but not yet written (counted, not timed).
#[test]
fn documents_in_flight_are_bounded_in_bytes() {
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::sync::Arc;

    struct CountingSink(Arc<AtomicUsize>);
    impl Write for CountingSink {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0
                .fetch_add(b.iter().filter(|&&c| c == b'\n').count(), SeqCst);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    let options = prex::Options {
        include_text: true, // records larger than the writer's buffer: written at once
        ..Default::default()
    };
    let pipeline = Pipeline::new(&prex::Patterns::embedded(), options).unwrap();
    let written = Arc::new(AtomicUsize::new(0));
    let size = 300_000;
    let budget = 1_000_000;
    let text = "Word and word. ".repeat(size / 15);
    let line = format!("{{\"id\":\"x\",\"text\":\"{text}\"}}").into_bytes();
    let max_ahead = Arc::new(AtomicUsize::new(0));
    let (w, m) = (written.clone(), max_ahead.clone());
    let items = (0..24).map(move |i| {
        // Items pulled so far minus records written: what is in memory.
        m.fetch_max(i - w.load(SeqCst).min(i), SeqCst);
        // "already read": the driver batches them, within the byte budget
        prex::run::Work::Line {
            number: i + 1,
            bytes: line.clone(),
            more: true,
        }
    });
    let cfg = prex::run::RunConfig {
        jobs: 2,
        max_bytes: 10 << 20,
        errors_path: None,
        quiet: true,
        progress: false,
        total: None,
        in_flight_bytes: budget as u64,
    };
    let mut errors = prex::run::ErrorSink::new(None).unwrap();
    let sink = Box::new(CountingSink(written.clone()));
    let summary = prex::run::run(&pipeline, items, sink, &mut errors, &cfg).unwrap();
    assert_eq!(summary.documents, 24);
    assert_eq!(written.load(SeqCst), 24);
    let ahead = max_ahead.load(SeqCst);
    assert!(
        ahead <= budget / size + 2,
        "{ahead} documents in memory at once"
    );
}

/// `-o` naming a directory is a usage error and leaves nothing behind.
#[test]
fn output_to_a_directory_is_refused() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("out")).unwrap();
    let out = common::run_stdin(
        &["extract", "-o", d.path().join("out").to_str().unwrap(), "-"],
        b"{\"id\":\"a\",\"text\":\"x\"}\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a directory"));
    assert_eq!(std::fs::read_dir(d.path()).unwrap().count(), 1);
}

/// Files are processed in batches, stage by stage. Whatever the batch boundaries
/// (set by the document count, the byte budget and the number of workers), every
/// record equals the record of its document processed alone, in input order, and a
/// missing file in the middle of a batch costs only itself. A small byte budget makes
/// the driver send half-filled batches off instead of waiting for bytes they hold.
#[test]
fn batched_files_give_the_records_of_single_documents() {
    use std::sync::{Arc, Mutex};

    #[derive(Clone)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    let pipeline = Pipeline::with_defaults().unwrap();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files = prex::walk::collect(&[corpus], None).files;
    files.truncate(40);
    assert!(files.len() >= 20, "the bundled corpus has releases");
    let d = tempfile::tempdir().unwrap();
    let missing = prex::walk::FileInput {
        path: d.path().join("gone.txt"),
        id: "gone.txt".into(),
        format: Format::Text,
        bytes: 10,
    };
    files.insert(7, missing);
    let expected: Vec<Option<String>> = files
        .iter()
        .map(|f| {
            prex::input::read_file(&f.path, f.id.clone(), f.format, 10 << 20)
                .ok()
                .map(|doc| pipeline.process_json(doc))
        })
        .collect();
    assert!(expected[7].is_none());
    for (jobs, budget, total) in [(1, 32 << 20, None), (2, 20_000, Some(40)), (2, 1, None)] {
        let out = Shared(Arc::new(Mutex::new(Vec::new())));
        let items = files.clone().into_iter().map(prex::run::Work::File);
        let cfg = prex::run::RunConfig {
            jobs,
            max_bytes: 10 << 20,
            errors_path: None,
            quiet: true,
            progress: false,
            total,
            in_flight_bytes: budget,
        };
        let mut errors = prex::run::ErrorSink::new(None).unwrap();
        let summary =
            prex::run::run(&pipeline, items, Box::new(out.clone()), &mut errors, &cfg).unwrap();
        assert_eq!(summary.failed, 1, "jobs {jobs}, budget {budget}");
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        let got: Vec<&str> = text.lines().collect();
        let want: Vec<&str> = expected.iter().flatten().map(String::as_str).collect();
        assert_eq!(got, want, "jobs {jobs}, budget {budget}");
    }
}
