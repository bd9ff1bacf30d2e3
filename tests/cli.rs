//! End-to-end tests of `prex extract` on the bundled corpus and on broken inputs.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn corpus_records_validate_and_spans_match() {
    let out = run(&["extract", "--include-text", "-q", "corpus"]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    assert!(
        recs.len() >= 24,
        "corpus has {} documents, want >= 24",
        recs.len()
    );
    let v = validator();
    for r in &recs {
        check_record(&v, r);
    }
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "records sorted by id");
    let formats: Vec<&str> = recs
        .iter()
        .map(|r| r["source"]["format"].as_str().unwrap())
        .collect();
    assert!(formats.iter().filter(|f| **f == "html").count() >= 3);
    assert!(formats.contains(&"markdown"));
    assert!(recs.iter().any(|r| r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains("windows-1252"))));
}

#[test]
fn output_is_identical_for_one_and_four_threads() {
    let a = run(&["extract", "-q", "-j", "1", "corpus"]);
    let b = run(&["extract", "-q", "-j", "4", "corpus"]);
    assert!(a.status.success() && b.status.success());
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn broken_inputs_are_reported_and_the_rest_still_produce_records() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    write(
        p,
        "good.txt",
        "Pastor sentenced. He will appeal.\n".as_bytes(),
    );
    write(
        p,
        "binary.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    );
    write(p, "empty.txt", b"");
    write(p, "legacy.txt", b"\x93Caf\xe9\x94 was fined.\n");
    write(
        p,
        "page.html",
        b"<html><title>T</title><body><p>One.</p><p>Two.</p></body></html>",
    );
    write(p, "notes.pdf", b"%PDF-1.4");
    #[cfg(unix)]
    std::os::unix::fs::symlink(p.join("missing-target.txt"), p.join("dangling.txt")).unwrap();
    let err_dir = tempfile::tempdir().unwrap();
    let errors = err_dir.path().join("errors.jsonl");
    let out = run(&[
        "extract",
        "--include-text",
        "--errors",
        errors.to_str().unwrap(),
        p.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit status 1 when some inputs failed"
    );
    let recs = records(&out.stdout);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        vec!["empty.txt", "good.txt", "legacy.txt", "page.html"]
    );
    let v = validator();
    for r in &recs {
        check_record(&v, r);
    }
    let empty = &recs[0];
    for f in ["sentences", "entities", "dates", "quotations", "penalties"] {
        assert_eq!(empty[f], Value::Array(vec![]));
    }
    assert_eq!(recs[2]["text"], "“Café” was fined.\n");
    assert_eq!(recs[3]["source"]["format"], "html");
    assert_eq!(recs[3]["text"], "One.\n\nTwo.");

    let err_lines: Vec<Value> = std::fs::read_to_string(&errors)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<(&str, &str)> = err_lines
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["error"]["kind"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(kinds.contains(&("binary.txt", "decode")), "{kinds:?}");
    #[cfg(unix)]
    assert!(kinds.contains(&("dangling.txt", "io")), "{kinds:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("binary.txt"),
        "failures named on stderr: {stderr}"
    );
    assert!(
        stderr.contains("1 skipped"),
        "summary counts the skipped pdf: {stderr}"
    );
}

#[test]
fn too_large_files_fail_with_their_kind() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "big.txt", "word ".repeat(1000).as_bytes());
    write(d.path(), "small.txt", b"Small.");
    let errors = d.path().join("e.jsonl");
    let out = run(&[
        "extract",
        "-q",
        "--max-bytes",
        "1K",
        "--errors",
        errors.to_str().unwrap(),
        d.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(records(&out.stdout).len(), 1);
    let e: Value = serde_json::from_str(std::fs::read_to_string(&errors).unwrap().trim()).unwrap();
    assert_eq!(e["error"]["kind"], "too_large");
    assert_eq!(e["id"], "big.txt");
}

#[test]
fn stdin_json_lines_keep_input_order_and_report_bad_lines() {
    let mut input = String::new();
    for i in 0..200 {
        input.push_str(&format!(
            "{{\"id\": \"doc{i}\", \"text\": \"Sentence {i}. Another one.\"}}\n"
        ));
        if i == 50 {
            input.push_str("{not json\n");
        }
        if i == 120 {
            input.push_str("{\"id\": \"notext\"}\n");
        }
    }
    let out = run_stdin(&["extract", "-q", "-j", "2", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 200);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], format!("doc{i}"));
        assert_eq!(r["source"]["format"], "jsonl");
        assert_eq!(r["sentences"].as_array().unwrap().len(), 2);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 52"), "{stderr}");
    assert!(
        stderr.contains("line 123") && stderr.contains("notext"),
        "{stderr}"
    );
}

#[test]
fn stdin_dct_is_used() {
    let out = run_stdin(
        &["extract", "-q", "--stdin"],
        br#"{"id":"a","text":"Hello.","dct":"1998-01-08"}"#,
    );
    assert!(out.status.success());
    assert_eq!(records(&out.stdout)[0]["dct"], "1998-01-08");
    let out = run_stdin(
        &["extract", "-q", "--dct", "2020-12-18", "-"],
        br#"{"id":"a","text":"Hello."}"#,
    );
    assert_eq!(records(&out.stdout)[0]["dct"], "2020-12-18");
}

#[test]
fn output_file_is_written_atomically_and_never_read_as_input() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "a.txt", b"One sentence.");
    let out_path = d.path().join("records.txt");
    for _ in 0..2 {
        let out = run(&[
            "extract",
            "-q",
            "-o",
            out_path.to_str().unwrap(),
            d.path().to_str().unwrap(),
        ]);
        assert!(out.status.success());
        assert!(out.stdout.is_empty());
    }
    let text = std::fs::read_to_string(&out_path).unwrap();
    let recs = records(text.as_bytes());
    assert_eq!(recs.len(), 1, "the output file is not read as input");
    let leftovers: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("prex-tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["extract"]).status.code(), Some(2));
    assert_eq!(
        run(&["extract", "--dct", "yesterday", "corpus"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["extract", "--jobs", "0", "corpus"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    let help = run(&["extract", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("Examples:"));
}

#[test]
fn a_file_path_gets_its_name_as_id() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "x/one.md", b"# Title here\n\nBody text.\n");
    let out = run(&["extract", "-q", d.path().join("x/one.md").to_str().unwrap()]);
    let r = &records(&out.stdout)[0];
    assert_eq!(r["id"], "one.md");
    assert_eq!(r["source"]["format"], "markdown");
    assert_eq!(r["title"], "Title here");
}

#[test]
fn shards_partition_the_run() {
    let all = run(&["extract", "-q", "corpus"]);
    assert!(all.status.success());
    let mut union: Vec<Value> = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let out = run(&["extract", "-q", "--shard", &shard, "corpus"]);
        assert!(out.status.success());
        union.extend(records(&out.stdout));
    }
    union.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    assert_eq!(union, records(&all.stdout));
    assert_eq!(
        run(&["extract", "--shard", "4/3", "corpus"]).status.code(),
        Some(2)
    );
}

#[test]
fn huge_stdin_line_fails_alone() {
    let mut input = b"{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"big\",\"text\":\"".to_vec();
    input.extend(std::iter::repeat_n(b'x', 3 << 20));
    input.extend_from_slice(b"\"}\n{\"id\":\"c\",\"text\":\"Last.\"}\n");
    let out = run_stdin(&["extract", "-q", "--max-bytes", "1M", "-"], &input);
    assert_eq!(out.status.code(), Some(1));
    let ids: Vec<String> = records(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, vec!["a", "c"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 2") && stderr.contains("too_large"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn output_to_a_pipe_or_device_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "in/a.txt", b"One sentence.");
    let fifo = d.path().join("out.fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = run(&[
        "extract",
        "-q",
        "-o",
        fifo.to_str().unwrap(),
        d.path().join("in").to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = reader.join().unwrap();
    assert_eq!(records(&got).len(), 1);
    assert!(
        std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO is still a FIFO"
    );
}

#[test]
fn patterns_dir_adds_a_gazetteer_list_without_code() {
    let d = tempfile::tempdir().unwrap();
    write(
        d.path(),
        "gazetteer/mine.tsv",
        "Qwertyx Zyx\tORG\t\t\n".as_bytes(),
    );
    let input = br#"{"id":"a","text":"A report by Qwertyx Zyx was published."}"#;
    let without = run_stdin(&["extract", "-q", "-"], input);
    assert!(records(&without.stdout)[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["rule"] != "mine"));
    let with = run_stdin(
        &[
            "extract",
            "-q",
            "--patterns",
            d.path().to_str().unwrap(),
            "-",
        ],
        input,
    );
    let r = &records(&with.stdout)[0];
    let e = r["entities"].as_array().unwrap();
    assert!(
        e.iter()
            .any(|e| e["text"] == "Qwertyx Zyx" && e["label"] == "ORG" && e["rule"] == "mine"),
        "{e:?}"
    );
    let missing = run(&["extract", "--patterns", "/nonexistent/dir", "corpus"]);
    assert_eq!(missing.status.code(), Some(2));
}
