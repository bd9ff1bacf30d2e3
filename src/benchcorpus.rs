//! A deterministic generator of realistic bench corpora (`prex bench-corpus`).
//!
//! Releases are recombined from the paragraphs of a seed corpus (the bundled
//! `corpus/`): each generated release takes the opening paragraph of one release and
//! body paragraphs of others, with digits re-drawn (dates, amounts, terms vary but
//! keep their shape) and country names and given names swapped for others from the
//! gazetteers, so every extractor has real work. File sizes follow real releases
//! (1–20 KB). Same seed, same size, same seed corpus → the same bytes.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::patterns::{lines, word_list, Patterns};

/// xorshift64*: small, fast, deterministic across platforms.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Paragraph pools and substitution lists.
pub struct Generator {
    leads: Vec<String>,
    bodies: Vec<String>,
    countries: Vec<String>,
    given: Vec<String>,
    rng: Rng,
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

impl Generator {
    /// Builds the pools from the texts of a seed corpus.
    pub fn new(texts: &[String], patterns: &Patterns, seed: u64) -> Result<Self> {
        let mut leads = Vec::new();
        let mut bodies = Vec::new();
        for t in texts {
            let ps = paragraphs(t);
            // The first paragraph long enough to be prose opens a release.
            let lead = ps.iter().position(|p| p.len() > 120);
            for (i, p) in ps.into_iter().enumerate() {
                if Some(i) == lead {
                    leads.push(p);
                } else {
                    bodies.push(p);
                }
            }
        }
        if leads.is_empty() || bodies.is_empty() {
            bail!("the seed corpus has no usable paragraphs");
        }
        let countries = patterns
            .get("gazetteer/countries.tsv")
            .map(|c| {
                lines(c)
                    .map(|l| l.col(0).to_string())
                    .filter(|s| s.len() > 3 && s.chars().all(|c| c.is_alphabetic() || c == ' '))
                    .collect()
            })
            .unwrap_or_default();
        let given = patterns
            .get("names/given_names.txt")
            .map(|c| word_list(c).map(str::to_string).collect())
            .unwrap_or_default();
        Ok(Generator {
            leads,
            bodies,
            countries,
            given,
            rng: Rng::new(seed),
        })
    }

    /// Replaces each digit with a random digit (keeping a leading non-zero digit
    /// non-zero) and some country and given names with others.
    fn vary(&mut self, p: &str, out: &mut String) {
        let mut prev_digit = false;
        let mut word_start = true;
        let mut chars = p.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_ascii_digit() {
                let d = if prev_digit {
                    self.rng.below(10)
                } else {
                    1 + self.rng.below(9)
                };
                // Keep years plausible: only vary the last two digits of 19xx/20xx.
                let rest = &p[i..];
                if !prev_digit && (rest.starts_with("19") || rest.starts_with("20")) {
                    out.push_str(&rest[..2]);
                    chars.next();
                    prev_digit = true;
                    continue;
                }
                out.push(char::from(b'0' + d as u8));
                prev_digit = true;
                word_start = false;
                continue;
            }
            prev_digit = false;
            if word_start && c.is_uppercase() && self.rng.below(3) == 0 {
                let rest = &p[i..];
                let end = rest
                    .find(|ch: char| !ch.is_alphabetic())
                    .unwrap_or(rest.len());
                let word = &rest[..end];
                let pool = if self.countries.iter().any(|x| x == word) {
                    Some(&self.countries)
                } else if self
                    .given
                    .binary_search_by(|x| x.as_str().cmp(word))
                    .is_ok()
                {
                    Some(&self.given)
                } else {
                    None
                };
                if let Some(pool) = pool {
                    let pick = self.rng.below(pool.len());
                    out.push_str(&pool[pick]);
                    for _ in 1..word.chars().count() {
                        chars.next();
                    }
                    word_start = false;
                    continue;
                }
            }
            out.push(c);
            word_start = !c.is_alphanumeric();
        }
    }

    /// One release of roughly `target` bytes.
    pub fn release(&mut self, target: usize) -> String {
        let mut out = String::with_capacity(target + 2048);
        let lead = self.leads[self.rng.below(self.leads.len())].clone();
        self.vary(&lead, &mut out);
        while out.len() < target {
            out.push_str("\n\n");
            let p = self.bodies[self.rng.below(self.bodies.len())].clone();
            self.vary(&p, &mut out);
        }
        out.push('\n');
        out
    }

    /// A release size like real ones: 1–20 KB, most around 3–6 KB.
    pub fn size(&mut self) -> usize {
        let a = 1000 + self.rng.below(9000);
        let b = if self.rng.below(5) == 0 {
            self.rng.below(10_000)
        } else {
            0
        };
        a + b
    }

    pub fn set_given_names(&mut self, mut names: Vec<String>) {
        names.sort();
        self.given = names;
    }
}

/// Reads the texts of a seed corpus directory (all readable formats).
pub fn seed_texts(dir: &Path) -> Result<Vec<String>> {
    let walk = crate::walk::collect(&[dir.to_path_buf()], None);
    let mut texts = Vec::new();
    for f in walk.files {
        if let Ok(doc) = crate::input::read_file(&f.path, f.id, f.format, 10 << 20) {
            texts.push(doc.text);
        }
    }
    if texts.is_empty() {
        bail!("no readable releases in {}", dir.display());
    }
    Ok(texts)
}

/// Writes releases totalling at least `size` bytes under `out`, 1,000 files a
/// directory (`000/000000.txt`). Returns (files, bytes).
pub fn generate(
    seed_dir: &Path,
    patterns: &Patterns,
    size: u64,
    seed: u64,
    out: &Path,
) -> Result<(u64, u64)> {
    let texts = seed_texts(seed_dir)?;
    let mut g = Generator::new(&texts, patterns, seed)?;
    let given = g.given.clone();
    g.set_given_names(given);
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let (mut files, mut bytes) = (0u64, 0u64);
    while bytes < size {
        let dir: PathBuf = out.join(format!("{:03}", files / 1000));
        if files % 1000 == 0 {
            std::fs::create_dir_all(&dir)?;
        }
        let target = g.size();
        let text = g.release(target);
        let path = dir.join(format!("{files:06}.txt"));
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?,
        );
        f.write_all(text.as_bytes())?;
        f.flush()?;
        files += 1;
        bytes += text.len() as u64;
    }
    Ok((files, bytes))
}

/// In-memory bench text of about `size` bytes (for criterion benches).
pub fn bench_texts(seed_dir: &Path, size: usize, seed: u64) -> Result<Vec<String>> {
    let texts = seed_texts(seed_dir)?;
    let patterns = Patterns::embedded();
    let mut g = Generator::new(&texts, &patterns, seed)?;
    let given = g.given.clone();
    g.set_given_names(given);
    let mut out = Vec::new();
    let mut total = 0;
    while total < size {
        let t = g.size();
        let r = g.release(t);
        total += r.len();
        out.push(r);
    }
    Ok(out)
}

/// Parses sizes like `100MB`, `1GB`, `500KB`, `1048576` (decimal units).
pub fn parse_decimal_size(s: &str) -> Result<u64> {
    parse_size(s, 1000).map_err(anyhow::Error::msg)
}

/// Parses a size with an optional K/M/G suffix (and optional B) in units of `kilo`
/// (1000 for bench sizes, 1024 for `--max-bytes`); fractions like `1.5M` are allowed.
pub fn parse_size(s: &str, kilo: u64) -> std::result::Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (num, mult) = match t.chars().last() {
        Some('K') => (&t[..t.len() - 1], kilo),
        Some('M') => (&t[..t.len() - 1], kilo * kilo),
        Some('G') => (&t[..t.len() - 1], kilo * kilo * kilo),
        _ => (t, 1),
    };
    match num.trim().parse::<f64>() {
        Ok(n) if n >= 0.0 && n.is_finite() => Ok((n * mult as f64) as u64),
        _ => Err(format!("{s:?} is not a size (like 10M, 500K or 1048576)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Vec<String> {
        vec![
            "Headline\n\nWASHINGTON, Dec. 18, 2020 -- Pastor John Smith of Pakistan was sentenced to 3 years in prison and fined $25,000 on Monday for blasphemy.\n\n“It is wrong,” said Mary Jones.\n\nAbout us.".to_string(),
            "Title\n\nLAHORE, Pakistan (March 3, 2021) — The Lahore High Court upheld the death sentence of Asia Bibi, a Christian woman from Nigeria, in 2019.\n\nThe family will appeal.".to_string(),
        ]
    }

    #[test]
    fn same_seed_same_bytes() {
        let mut p = Patterns::empty();
        p.insert(
            "gazetteer/countries.tsv",
            "Pakistan\tGPE\t\tPK\nNigeria\tGPE\t\tNG\nKenya\tGPE\t\tKE\n",
        );
        p.insert("names/given_names.txt", "John\nMary\nAsia\nGrace\n");
        let run = |seed| {
            let mut g = Generator::new(&texts(), &p, seed).unwrap();
            let given = g.given.clone();
            g.set_given_names(given);
            (0..20)
                .map(|_| {
                    let n = g.size();
                    g.release(n)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
        let docs = run(7);
        assert!(docs.iter().all(|d| d.len() >= 1000 && d.len() < 24_000));
    }

    #[test]
    fn generate_writes_deterministic_files() {
        let seed = tempfile::tempdir().unwrap();
        for (i, t) in texts().iter().enumerate() {
            std::fs::write(seed.path().join(format!("{i}.txt")), t).unwrap();
        }
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let p = Patterns::embedded();
        let (fa, ba) = generate(seed.path(), &p, 50_000, 7, a.path()).unwrap();
        let (fb, bb) = generate(seed.path(), &p, 50_000, 7, b.path()).unwrap();
        assert_eq!((fa, ba), (fb, bb));
        assert!(ba >= 50_000);
        for i in 0..fa {
            let rel = format!("000/{i:06}.txt");
            assert_eq!(
                std::fs::read(a.path().join(&rel)).unwrap(),
                std::fs::read(b.path().join(&rel)).unwrap()
            );
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_decimal_size("100MB").unwrap(), 100_000_000);
        assert_eq!(parse_decimal_size("1GB").unwrap(), 1_000_000_000);
        assert_eq!(parse_decimal_size("1.5M").unwrap(), 1_500_000);
        assert!(parse_decimal_size("lots").is_err());
    }
}
