//! Directory walking edge cases: symlink loops, unreadable directories, non-UTF-8
//! names, the output file inside the input directory, hidden files and backups.

mod common;

use std::path::Path;

use common::*;
use prex::walk::collect;

fn ids(dir: &Path) -> Vec<String> {
    collect(&[dir.to_path_buf()], None)
        .files
        .into_iter()
        .map(|f| f.id)
        .collect()
}

#[cfg(unix)]
#[test]
fn symlink_loops_terminate_and_are_noted() {
    use std::os::unix::fs::symlink;
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    write(p, "a/one.txt", b"One.");
    write(p, "b/two.txt", b"Two.");
    symlink("..", p.join("a/up")).unwrap(); // a/up -> the root: a loop
    symlink("../a", p.join("b/to-a")).unwrap(); // b/to-a -> a: not a loop
    symlink("self", p.join("b/self")).unwrap(); // a link to itself
    let w = collect(&[p.to_path_buf()], None);
    let ids: Vec<&str> = w.files.iter().map(|f| f.id.as_str()).collect();
    // A directory reached through a link that is not a loop is read under that name too.
    assert_eq!(ids, vec!["a/one.txt", "b/to-a/one.txt", "b/two.txt"]);
    assert!(
        w.notes.iter().any(|n| n.contains("symlink loop")),
        "{:?}",
        w.notes
    );
    // b/to-a/up -> root is a loop as well; nothing is walked twice beyond that.
    assert!(w.files.len() < 10);

    // The CLI finishes, reports the loop as a note, and still fails on the
    // self-referencing link (it cannot be resolved at all).
    let out = run(&["extract", p.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(records(&out.stdout).len(), 3, "{stderr}");
    assert!(stderr.contains("symlink loop"), "{stderr}");
}

/// Runs `prex extract` as an unprivileged user when the tests run as root (root reads
/// any directory whatever its mode, so a mode-000 directory is only unreadable to
/// someone else). Returns None when neither is possible.
#[cfg(unix)]
fn run_unprivileged(args: &[&str]) -> Option<std::process::Output> {
    let euid = std::fs::metadata("/proc/self").map(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid()
    });
    if euid.ok() != Some(0) {
        return Some(run(args));
    }
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let unprivileged = |args: &[&str]| {
        std::process::Command::new(setpriv)
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                "--inh-caps=-all",
                "--",
            ])
            .arg(env!("CARGO_BIN_EXE_prex"))
            .args(args)
            .current_dir("/")
            .stdin(std::process::Stdio::null())
            .output()
            .ok()
    };
    // The unprivileged user may not reach the binary (a checkout under /root, say).
    if !unprivileged(&["--version"])?.status.success() {
        return None;
    }
    unprivileged(args)
}

#[cfg(unix)]
#[test]
fn unreadable_subdirectories_are_reported_and_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    write(p, "a.txt", b"Readable one.");
    write(p, "locked/secret.txt", b"Hidden away.");
    write(p, "z/last.txt", b"Readable two.");
    write(p, "locked-file.txt", b"Cannot open.");
    // Everyone may walk the tree (the unprivileged run needs it) except `locked`.
    for dir in [p, &p.join("z")] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    for f in ["a.txt", "z/last.txt"] {
        std::fs::set_permissions(p.join(f), std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    std::fs::set_permissions(p.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(
        p.join("locked-file.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let errors = tempfile::NamedTempFile::new().unwrap();
    std::fs::set_permissions(errors.path(), std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = run_unprivileged(&[
        "extract",
        "--errors",
        errors.path().to_str().unwrap(),
        p.to_str().unwrap(),
    ]);
    // Let the tempdir be removed.
    std::fs::set_permissions(p.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let Some(out) = out else {
        eprintln!("skipped: running as root, and prex cannot be run as nobody here");
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let got: Vec<String> = records(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, vec!["a.txt", "z/last.txt"], "{stderr}");
    assert!(stderr.contains("locked"), "{stderr}");
    assert!(stderr.contains("Permission denied"), "{stderr}");
    let errs = std::fs::read_to_string(errors.path()).unwrap();
    let kinds: Vec<(String, String)> = errs
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["error"]["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(kinds.contains(&("locked".into(), "io".into())), "{kinds:?}");
    assert!(
        kinds.contains(&("locked-file.txt".into(), "io".into())),
        "{kinds:?}"
    );
    assert!(stderr.contains("2 documents"), "{stderr}");
    assert!(stderr.contains("2 failed"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn non_utf8_names_get_lossless_percent_ids() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let names: [&[u8]; 4] = [
        b"caf\xe9.txt",       // Latin-1 é
        b"100%.txt",          // a valid name with a percent sign: unchanged
        b"caf%E9.txt",        // the escaped form of the first, as a real name
        b"\xff\xfe dir/x.md", // a directory with a non-UTF-8 name
    ];
    for n in names {
        let path = p.join(OsStr::from_bytes(n));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"A sentence.").unwrap();
    }
    let got = ids(p);
    assert_eq!(
        got,
        vec!["%FF%FE dir/x.md", "100%.txt", "caf%25E9.txt", "caf%E9.txt"]
    );
    // Every id decodes back to the exact bytes of its path.
    let back: Vec<Vec<u8>> = got
        .iter()
        .map(|id| {
            id.split('/')
                .map(prex::walk::component_bytes)
                .collect::<Vec<_>>()
                .join(&b'/')
        })
        .collect();
    let want: Vec<&[u8]> = vec![
        b"\xff\xfe dir/x.md",
        b"100%.txt",
        b"caf%E9.txt",
        b"caf\xe9.txt",
    ];
    assert_eq!(back, want);
    // The CLI gives records these ids.
    let out = run(&["extract", "-q", p.to_str().unwrap()]);
    assert!(out.status.success());
    let rec_ids: Vec<String> = records(&out.stdout)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(rec_ids, got);
}

#[test]
fn hidden_files_and_editor_backups_are_skipped() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    for name in [
        "keep.txt",
        ".hidden.txt",
        ".git/HEAD.txt",
        ".cache/page.html",
        ".#keep.txt",
        "keep.txt~",
        "#keep.txt#",
        "sub/keep.md",
        "sub/.#keep.md",
        "sub/keep.md~",
    ] {
        write(p, name, b"A sentence.");
    }
    assert_eq!(ids(p), vec!["keep.txt", "sub/keep.md"]);
    // A hidden directory given explicitly is read: only names below it are filtered.
    assert_eq!(ids(&p.join(".cache")), vec!["page.html"]);
}

#[test]
fn output_file_inside_the_input_is_never_read_whatever_its_spelling() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    write(p, "a.txt", b"One sentence.");
    write(p, "sub/b.txt", b"Another sentence.");
    // The output has a readable extension and is named through `.` and `..`.
    let spelled = p.join("sub/../sub/./out.txt");
    for round in 0..3 {
        let out = run(&[
            "extract",
            "-q",
            "-o",
            spelled.to_str().unwrap(),
            p.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "round {round}");
        let recs = records(std::fs::read(p.join("sub/out.txt")).unwrap().as_slice());
        let got: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(got, vec!["a.txt", "sub/b.txt"], "round {round}");
    }
    #[cfg(unix)]
    {
        // Through a symlink to the input directory.
        let link_dir = tempfile::tempdir().unwrap();
        let link = link_dir.path().join("corpus");
        std::os::unix::fs::symlink(p, &link).unwrap();
        let out = run(&[
            "extract",
            "-q",
            "-o",
            link.join("sub/out.txt").to_str().unwrap(),
            p.to_str().unwrap(),
        ]);
        assert!(out.status.success());
        let recs = records(std::fs::read(p.join("sub/out.txt")).unwrap().as_slice());
        assert_eq!(recs.len(), 2);
    }
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_never_opened() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    write(p, "a.txt", b"One sentence.");
    let fifo = p.join("pipe.txt");
    let st = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !st.map(|s| s.success()).unwrap_or(false) {
        eprintln!("skipped: mkfifo not available");
        return;
    }
    // In a directory: not a regular file, so not read (opening it would block).
    assert_eq!(ids(p), vec!["a.txt"]);
    // Named on the command line: reported, and the run goes on.
    let out = run(&[
        "extract",
        fifo.to_str().unwrap(),
        "/dev/zero",
        p.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(records(&out.stdout).len(), 1);
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains("/dev/zero"), "{stderr}");
}
