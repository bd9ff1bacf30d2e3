//! Finding input files: paths given on the command line, directories walked
//! recursively, ids assigned, order fixed.
//!
//! Order: inputs in the order of the paths given; each directory's files sorted by
//! `id` in byte order. Hidden files and directories (`.x`), editor backups (`x~`,
//! `.#x`, `#x#`) and the run's own output file are never read. Files with other
//! extensions are skipped and counted.
//!
//! Ids are `/`-separated paths relative to the directory given (a file given
//! directly has its file name as id). Names are written losslessly, and valid UTF-8
//! names almost always unchanged: every byte that is not part of valid UTF-8 becomes
//! `%XX` (upper-case hex), and so does a `%` that is followed by two hex digits (so
//! that a real name `caf%E9.txt` cannot be confused with the Latin-1 name
//! `caf\xE9.txt`: they become `caf%25E9.txt` and `caf%E9.txt`). To get the bytes
//! back, replace every `%` followed by two hex digits by that byte
//! ([`component_bytes`]); any other `%` stands for itself.

use std::path::{Path, PathBuf};

use crate::document::Format;
use crate::input::{format_of, ErrorKind, InputError};

#[derive(Debug, Clone)]
pub struct FileInput {
    pub path: PathBuf,
    pub id: String,
    pub format: Format,
    pub bytes: u64,
}

#[derive(Debug, Default)]
pub struct Walk {
    pub files: Vec<FileInput>,
    /// Files not read because of their extension.
    pub skipped: usize,
    /// Paths that could not be listed or read (id, error).
    pub errors: Vec<(String, InputError)>,
    /// Things the user should know that are not failures (symlink loops).
    pub notes: Vec<String>,
}

/// True for names prex never reads: hidden files and editor backups.
pub fn is_ignored_name(name: &[u8]) -> bool {
    name.first() == Some(&b'.')
        || name.last() == Some(&b'~')
        || (name.len() > 1 && name.first() == Some(&b'#') && name.last() == Some(&b'#'))
}

#[cfg(unix)]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    s.as_bytes().to_vec()
}

#[cfg(not(unix))]
fn os_bytes(s: &std::ffi::OsStr) -> Vec<u8> {
    s.to_string_lossy().into_owned().into_bytes()
}

/// The documented lossless id of one path component (see the module docs).
pub fn component_id(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        let (good, bad) = match std::str::from_utf8(rest) {
            Ok(s) => (s, &[][..]),
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                (std::str::from_utf8(good).expect("valid prefix"), bad)
            }
        };
        for (i, c) in good.char_indices() {
            // Hex digits that follow are looked up in the original bytes.
            let next = |k: usize| rest.get(i + k).copied().unwrap_or(0);
            if c == '%' && next(1).is_ascii_hexdigit() && next(2).is_ascii_hexdigit() {
                out.push_str("%25");
            } else {
                out.push(c);
            }
        }
        if bad.is_empty() {
            break;
        }
        let n = std::str::from_utf8(bad)
            .err()
            .and_then(|e| e.error_len())
            .unwrap_or(bad.len());
        for b in &bad[..n] {
            out.push_str(&format!("%{b:02X}"));
        }
        rest = &bad[n..];
    }
    out
}

/// The bytes of the name an id component stands for: the inverse of [`component_id`].
pub fn component_bytes(id: &str) -> Vec<u8> {
    let b = id.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn rel_id(rel: &Path) -> String {
    rel.components()
        .map(|c| component_id(&os_bytes(c.as_os_str())))
        .collect::<Vec<_>>()
        .join("/")
}

/// Absolute, symlink-free form of a path that may not exist yet.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = path.canonicalize() {
        return Some(p);
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Some(parent.canonicalize().ok()?.join(path.file_name()?))
}

/// Collects the inputs under `paths`, never including `exclude` (the output file).
pub fn collect(paths: &[PathBuf], exclude: Option<&Path>) -> Walk {
    let exclude = exclude.and_then(resolve);
    let mut walk = Walk::default();
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                walk.errors.push((
                    root.to_string_lossy().into_owned(),
                    InputError::new(ErrorKind::Io, format!("{}: {e}", root.display())),
                ));
                continue;
            }
        };
        if meta.is_file() {
            let id = root
                .file_name()
                .map(|n| component_id(&os_bytes(n)))
                .unwrap_or_else(|| root.to_string_lossy().into_owned());
            match format_of(root) {
                Some(format) => walk.files.push(FileInput {
                    path: root.clone(),
                    id,
                    format,
                    bytes: meta.len(),
                }),
                // A file named explicitly is read as text whatever its extension.
                None => walk.files.push(FileInput {
                    path: root.clone(),
                    id,
                    format: Format::Text,
                    bytes: meta.len(),
                }),
            }
            continue;
        }
        if !meta.is_dir() {
            // A FIFO, socket or device: reading it could block forever or never end.
            walk.errors.push((
                root.to_string_lossy().into_owned(),
                InputError::new(
                    ErrorKind::Io,
                    format!("{}: not a regular file or directory", root.display()),
                ),
            ));
            continue;
        }
        let mut found = Vec::new();
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&os_bytes(e.file_name())));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(|p| p.to_path_buf())
                        .unwrap_or_else(|| root.clone());
                    let id = path
                        .strip_prefix(root)
                        .map(rel_id)
                        .unwrap_or_else(|_| path.to_string_lossy().into_owned());
                    if e.loop_ancestor().is_some() {
                        walk.notes
                            .push(format!("{}: symlink loop, not followed", path.display()));
                    } else {
                        let msg = e
                            .io_error()
                            .map(|io| format!("{}: {io}", path.display()))
                            .unwrap_or_else(|| e.to_string());
                        walk.errors.push((id, InputError::new(ErrorKind::Io, msg)));
                    }
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(format) = format_of(entry.path()) else {
                walk.skipped += 1;
                continue;
            };
            if let Some(ex) = &exclude {
                if resolve(entry.path()).as_ref() == Some(ex) {
                    continue;
                }
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .expect("walk stays under root");
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            found.push(FileInput {
                path: entry.path().to_path_buf(),
                id: rel_id(rel),
                format,
                bytes,
            });
        }
        found.sort_by(|a, b| a.id.as_bytes().cmp(b.id.as_bytes()));
        walk.files.extend(found);
    }
    walk
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignored_names() {
        assert!(is_ignored_name(b".hidden.txt"));
        assert!(is_ignored_name(b"a.txt~"));
        assert!(is_ignored_name(b".#a.txt"));
        assert!(is_ignored_name(b"#a.txt#"));
        assert!(!is_ignored_name(b"a.txt"));
    }

    #[test]
    fn non_utf8_ids_are_lossless() {
        assert_eq!(component_id(b"caf\xe9 100%.txt"), "caf%E9 100%.txt");
        assert_eq!(component_id("café 100%.txt".as_bytes()), "café 100%.txt");
        assert_eq!(component_id(b"caf%E9.txt"), "caf%25E9.txt");
        assert_eq!(component_id(b"%\xff%41%"), "%%FF%2541%");
        for name in [
            &b"caf\xe9 100%.txt"[..],
            b"caf%E9.txt",
            b"%\xff%41%",
            b"%A%",
            b"%A\xff",
            b"\xe9\x80",
            b"%%",
            b"%2",
            b"a%25b",
        ] {
            assert_eq!(component_bytes(&component_id(name)), name, "{name:?}");
        }
    }

    #[test]
    fn sorted_by_id_in_byte_order() {
        let d = tempfile::tempdir().unwrap();
        for p in ["b.txt", "a/z.txt", "a-b.txt", "x.pdf", ".h.txt", "c.md~"] {
            let p = d.path().join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let w = collect(&[d.path().to_path_buf()], None);
        let ids: Vec<_> = w.files.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, vec!["a-b.txt", "a/z.txt", "b.txt"]);
        assert_eq!(w.skipped, 1);
    }
}
