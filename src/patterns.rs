//! Rule data: gazetteers, word lists and rule tables under `patterns/`.
//!
//! The repository's `patterns/` directory is embedded in the binary at build time.
//! `--patterns DIR` layers a user directory on top: a file with the same relative
//! path replaces the embedded one, a new file is added (a new gazetteer list, say).
//! Extractors read files by relative path and never touch the file system.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_patterns.rs"));
}

/// The set of pattern files, by `/`-separated path relative to the patterns root.
#[derive(Debug, Clone)]
pub struct Patterns {
    files: BTreeMap<String, Cow<'static, str>>,
}

impl Default for Patterns {
    fn default() -> Self {
        Self::embedded()
    }
}

impl Patterns {
    /// The defaults compiled into the binary.
    pub fn embedded() -> Self {
        let files = embedded::EMBEDDED
            .iter()
            .map(|(k, v)| (k.to_string(), Cow::Borrowed(*v)))
            .collect();
        Patterns { files }
    }

    /// No files at all (for tests that build their own data).
    pub fn empty() -> Self {
        Patterns {
            files: BTreeMap::new(),
        }
    }

    /// Defaults overlaid with every file under `dir`.
    pub fn with_overrides(dir: &Path) -> Result<Self> {
        let mut p = Self::embedded();
        p.overlay_dir(dir)?;
        Ok(p)
    }

    /// Adds or replaces files from a directory tree.
    pub fn overlay_dir(&mut self, dir: &Path) -> Result<()> {
        if !dir.is_dir() {
            bail!("--patterns {}: not a directory", dir.display());
        }
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = entry.with_context(|| format!("reading patterns in {}", dir.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("walk stays under dir");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if rel.split('/').any(|c| c.starts_with('.')) {
                continue;
            }
            let content = std::fs::read_to_string(entry.path())
                .with_context(|| format!("reading pattern file {}", entry.path().display()))?;
            self.files.insert(rel, Cow::Owned(content));
        }
        Ok(())
    }

    /// Adds or replaces one file (used by tests and library users).
    pub fn insert(&mut self, path: &str, content: impl Into<String>) {
        self.files
            .insert(path.to_string(), Cow::Owned(content.into()));
    }

    /// Content of a file, if present.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|c| c.as_ref())
    }

    /// Content of a file that must exist.
    pub fn require(&self, path: &str) -> Result<&str> {
        self.get(path)
            .with_context(|| format!("pattern file {path} is missing"))
    }

    /// Files directly or indirectly under `dir` (no trailing slash) with the given
    /// extension, sorted by path.
    pub fn files_in<'a>(
        &'a self,
        dir: &'a str,
        ext: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let prefix = format!("{dir}/");
        self.files
            .range(prefix.clone()..)
            .take_while(move |(k, _)| k.starts_with(&prefix))
            .filter(move |(k, _)| k.ends_with(ext))
            .map(|(k, v)| (k.as_str(), v.as_ref()))
    }

    /// All file paths.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(|k| k.as_str())
    }
}

/// One data line of a pattern file: its 1-based line number and tab-separated
/// columns (trimmed of trailing `\r`).
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub number: usize,
    pub columns: Vec<&'a str>,
}

impl<'a> Line<'a> {
    /// Column `i`, or "" when absent.
    pub fn col(&self, i: usize) -> &'a str {
        self.columns.get(i).copied().unwrap_or("")
    }
}

/// Iterates over the data lines of a pattern file: skips blank lines and lines
/// starting with `#`; splits on tabs.
pub fn lines(content: &str) -> impl Iterator<Item = Line<'_>> {
    content.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            return None;
        }
        Some(Line {
            number: i + 1,
            columns: l.split('\t').map(str::trim).collect(),
        })
    })
}

/// Directives of a pattern file: lines like `#! case-insensitive` or `#! key = value`.
pub fn directives(content: &str) -> impl Iterator<Item = &str> {
    content
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .filter_map(|l| l.strip_prefix("#!"))
        .map(str::trim)
}

/// The words of directive `name` (`#! name = w1 w2 …`), over all its lines.
pub fn directive_words<'a>(content: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> {
    directives(content)
        .filter_map(move |d| d.strip_prefix(name))
        .filter_map(|d| d.trim_start().strip_prefix('='))
        .flat_map(str::split_whitespace)
}

/// The stem of a pattern path: `gazetteer/countries.tsv` → `countries`.
pub fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split('.').next().unwrap_or(name)
}

/// A one-column word list: every data line's first column.
pub fn word_list(content: &str) -> impl Iterator<Item = &str> {
    lines(content).map(|l| l.col(0)).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_split_tabs() {
        let c = "#! case-insensitive\n# comment\n\nNorth Korea\tGPE\t\tKP\r\nUSA\tGPE\tUnited States\tUS\n";
        let ls: Vec<_> = lines(c).collect();
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].number, 4);
        assert_eq!(ls[0].col(0), "North Korea");
        assert_eq!(ls[0].col(2), "");
        assert_eq!(ls[0].col(3), "KP");
        assert_eq!(ls[1].col(2), "United States");
        assert_eq!(ls[1].col(9), "");
        assert_eq!(directives(c).collect::<Vec<_>>(), vec!["case-insensitive"]);
    }

    #[test]
    fn overlay_adds_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("gazetteer")).unwrap();
        std::fs::write(dir.path().join("gazetteer/mine.tsv"), "Foo\tORG\n").unwrap();
        let mut p = Patterns::empty();
        p.insert("gazetteer/a.tsv", "A\tGPE\n");
        p.overlay_dir(dir.path()).unwrap();
        let files: Vec<_> = p.files_in("gazetteer", ".tsv").map(|(k, _)| k).collect();
        assert_eq!(files, vec!["gazetteer/a.tsv", "gazetteer/mine.tsv"]);
        assert_eq!(stem("gazetteer/mine.tsv"), "mine");
    }
}
