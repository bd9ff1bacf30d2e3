//! Finding input files: paths given on the command line, directories walked
//! recursively, ids assigned, order fixed.
//!
//! Order: inputs in the order of the paths given; each directory's files sorted by
//! `id` in byte order. Hidden files and directories (`.x`), editor backups (`x~`,
//! `.#x`, `#x#`) and the run's own output file are never read. Files with other
//! extensions are skipped and counted.
//!
//! Ids are `/`-separated paths relative to the directory given (a file given
//! directly has its file name as id). A name that is not valid UTF-8 is written
//! losslessly: every byte that is not part of valid UTF-8, and every `%`, becomes
//! `%XX` (upper-case hex); valid names are used unchanged.

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

/// The documented lossless id of one path component.
pub fn component_id(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let mut out = String::new();
            let mut rest = bytes;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        push_escaped(&mut out, s);
                        break;
                    }
                    Err(e) => {
                        let (good, bad) = rest.split_at(e.valid_up_to());
                        push_escaped(&mut out, std::str::from_utf8(good).expect("valid prefix"));
                        let n = e.error_len().unwrap_or(bad.len());
                        for b in &bad[..n] {
                            out.push_str(&format!("%{b:02X}"));
                        }
                        rest = &bad[n..];
                    }
                }
            }
            out
        }
    }
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        if c == '%' {
            out.push_str("%25");
        } else {
            out.push(c);
        }
    }
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
        assert_eq!(component_id(b"caf\xe9 100%.txt"), "caf%E9 100%25.txt");
        assert_eq!(component_id("café 100%.txt".as_bytes()), "café 100%.txt");
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
