//! `prex extract -` as a filter in a pipe (the way Spark's `RDD.pipe` and shell
//! pipelines use it): a record comes out while stdin is still open, and a bad line
//! neither stops nor stalls the stream. Constant memory over a long stream is checked
//! by `tests/spark/stream_memory.py` (peak RSS of a separate process is not
//! something `cargo test` can measure portably).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use common::*;
use serde_json::Value;

/// Long enough for a debug build on a busy machine; a stall hits it instead of hanging.
const WAIT: Duration = Duration::from_secs(60);

struct Filter {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    stderr: Receiver<String>,
}

impl Filter {
    fn start(args: &[&str]) -> Filter {
        let mut child = prex()
            .args(args)
            .current_dir(repo())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn prex");
        let stdin = child.stdin.take();
        let lines = forward(child.stdout.take().unwrap());
        let stderr = forward(child.stderr.take().unwrap());
        Filter {
            child,
            stdin,
            lines,
            stderr,
        }
    }

    /// Writes one line and flushes it, leaving stdin open.
    fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().expect("stdin still open");
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
    }

    /// The next record on stdout, which must arrive while stdin is still open.
    fn record(&self, what: &str) -> Value {
        let line = self.lines.recv_timeout(WAIT).unwrap_or_else(|_| {
            panic!("no record for {what} within {WAIT:?}: prex buffered or stalled")
        });
        serde_json::from_str(&line).expect("record is JSON")
    }

    fn stderr_line(&self, what: &str) -> String {
        self.stderr
            .recv_timeout(WAIT)
            .unwrap_or_else(|_| panic!("no stderr line for {what} within {WAIT:?}"))
    }

    /// Closes stdin and returns the exit code and whatever stdout still had.
    fn finish(mut self) -> (Option<i32>, Vec<String>) {
        drop(self.stdin.take());
        let status = self.child.wait().expect("wait prex");
        (status.code(), self.lines.iter().collect())
    }
}

fn forward<R: std::io::Read + Send + 'static>(r: R) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(r).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn doc(id: &str) -> String {
    serde_json::json!({
        "id": id,
        "text": format!("GENEVA, March 3, 2021 — {id} was released on Monday. \"We are grateful,\" said Anna Li."),
    })
    .to_string()
}

#[test]
fn a_record_leaves_before_stdin_is_closed() {
    let mut f = Filter::start(&["extract", "-q", "-j", "2", "-"]);
    f.send(&doc("first"));
    let r = f.record("the first line");
    assert_eq!(r["id"], "first");
    assert_eq!(r["source"]["format"], "jsonl");
    assert!(!r["sentences"].as_array().unwrap().is_empty());
    // The pipe is still open: more lines, one at a time, each answered in turn.
    for i in 0..5 {
        let id = format!("next{i}");
        f.send(&doc(&id));
        assert_eq!(f.record(&id)["id"], id.as_str());
    }
    let (code, rest) = f.finish();
    assert_eq!(code, Some(0));
    assert!(rest.is_empty(), "nothing left over: {rest:?}");
}

#[test]
fn a_bad_line_does_not_stall_the_stream() {
    let d = tempfile::tempdir().unwrap();
    let errors = d.path().join("errors.jsonl");
    let errors_arg = errors.to_str().unwrap();
    let mut f = Filter::start(&["extract", "-q", "-j", "1", "--errors", errors_arg, "-"]);
    f.send("{not json");
    let e = f.stderr_line("the invalid line");
    assert!(e.contains("line 1") && e.contains("invalid JSON"), "{e}");
    f.send(r#"{"id": "no-text"}"#);
    let e = f.stderr_line("the line without text");
    assert!(e.contains("line 2") && e.contains("no-text"), "{e}");
    // The next good line still comes out while stdin is open.
    f.send(&doc("after"));
    assert_eq!(f.record("the line after two bad ones")["id"], "after");
    let (code, rest) = f.finish();
    assert_eq!(code, Some(1), "failures show in the exit status at the end");
    assert!(rest.is_empty());
    let lines: Vec<Value> = std::fs::read_to_string(&errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "stdin:1");
    assert_eq!(lines[0]["error"]["kind"], "parse");
    assert_eq!(lines[1]["error"]["kind"], "parse");
}

#[test]
fn records_keep_input_order_when_later_lines_finish_first() {
    // A long document followed by short ones: with 2 workers the short ones finish
    // first, yet come out after the long one, and the stream still flows.
    let long = serde_json::json!({
        "id": "long",
        "text": "The court in Lahore sentenced him to three years. ".repeat(4000),
    })
    .to_string();
    let mut f = Filter::start(&["extract", "-q", "-j", "2", "-"]);
    f.send(&long);
    for i in 0..3 {
        f.send(&doc(&format!("short{i}")));
    }
    assert_eq!(f.record("the long line")["id"], "long");
    for i in 0..3 {
        assert_eq!(f.record("a short line")["id"], format!("short{i}"));
    }
    let (code, _) = f.finish();
    assert_eq!(code, Some(0));
}
