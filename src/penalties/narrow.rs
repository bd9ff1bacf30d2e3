//! A regex compiled twice: as written, and narrowed — every Unicode class
//! without the non-ASCII word and space characters (`\w`, `\d`, `\s`, and the
//! case variants `K` U+212A and `ſ` U+017F of `k` and `s`). On a haystack
//! without such characters both match exactly alike (the same structure over
//! the same characters), but the narrowed one has far smaller classes: its
//! lazy DFA builds its states several times faster, which on sentence-sized
//! haystacks is most of the cost. Haystacks with such characters (an accented
//! name, a no-break space) use the regex as written.

use std::sync::OnceLock;

use anyhow::{Context, Result};
use regex::{Regex, RegexBuilder};
use regex_syntax::hir::{Capture, Class, ClassUnicode, Hir, HirKind, Repetition};

pub struct Narrow {
    narrow: Regex,
    full: Regex,
}

/// The non-ASCII characters of `[\w\s]`, as sorted inclusive ranges.
fn removed() -> &'static ClassUnicode {
    static SET: OnceLock<ClassUnicode> = OnceLock::new();
    SET.get_or_init(|| {
        let hir = regex_syntax::parse(r"[\w\s]").expect("a valid class");
        let HirKind::Class(Class::Unicode(c)) = hir.kind() else {
            unreachable!("[\\w\\s] is a Unicode class")
        };
        let mut c = c.clone();
        let ascii = ClassUnicode::new([regex_syntax::hir::ClassUnicodeRange::new('\0', '\x7f')]);
        c.difference(&ascii);
        c
    })
}

/// Whether `hay` has none of the characters the narrowed regex lacks.
pub fn plain(hay: &str) -> bool {
    if hay.is_ascii() {
        return true;
    }
    let set = removed().ranges();
    hay.chars().filter(|c| !c.is_ascii()).all(|c| {
        set.binary_search_by(|r| {
            if r.end() < c {
                std::cmp::Ordering::Less
            } else if r.start() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_err()
    })
}

fn narrowed(h: &Hir) -> Hir {
    match h.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => h.clone(),
        HirKind::Class(Class::Bytes(_)) => h.clone(),
        HirKind::Class(Class::Unicode(c)) => {
            if c.is_ascii() {
                return h.clone();
            }
            // Most classes are a letter with its case variants ("[Kk\u{212A}]"):
            // keep the ASCII part when every other range is removed anyway
            // (the general difference walks all of `removed`).
            let set = removed().ranges();
            let inside = |r: &regex_syntax::hir::ClassUnicodeRange| {
                let i = set.partition_point(|x| x.end() < r.start());
                set.get(i)
                    .is_some_and(|x| x.start() <= r.start() && r.end() <= x.end())
            };
            let mut c = c.clone();
            if c.iter().all(|r| r.end().is_ascii() || inside(r)) {
                c.intersect(&ClassUnicode::new([
                    regex_syntax::hir::ClassUnicodeRange::new('\0', '\x7f'),
                ]));
            } else {
                c.difference(removed());
            }
            Hir::class(Class::Unicode(c))
        }
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(narrowed(&r.sub)),
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(narrowed(&c.sub)),
        }),
        HirKind::Concat(v) => Hir::concat(v.iter().map(narrowed).collect()),
        HirKind::Alternation(v) => Hir::alternation(v.iter().map(narrowed).collect()),
    }
}

impl Narrow {
    /// `pattern` as [`RegexBuilder`] with `case_insensitive(ci)` would build it.
    pub fn new(pattern: &str, ci: bool) -> Result<Self> {
        let full = RegexBuilder::new(pattern).case_insensitive(ci).build()?;
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(ci)
            .build()
            .parse(pattern)
            .context("parsing a regex to narrow it")?;
        let narrow = Regex::new(&narrowed(&hir).to_string()).context("a narrowed regex")?;
        if !narrow.capture_names().eq(full.capture_names()) {
            anyhow::bail!("narrowing changed the groups of {pattern:?}");
        }
        Ok(Narrow { narrow, full })
    }

    /// The regex to run on `hay`: the narrowed one unless `hay` needs the full one.
    #[inline]
    pub fn on(&self, hay: &str) -> &Regex {
        self.get(plain(hay))
    }

    /// The index of the group `name` (the same in both regexes).
    pub fn group(&self, name: &str) -> Result<usize> {
        self.full
            .capture_names()
            .position(|n| n == Some(name))
            .with_context(|| format!("no group {name:?} in {:?}", self.full.as_str()))
    }

    /// The regex for a haystack of which [`plain`] said `plain`.
    #[inline]
    pub fn get(&self, plain: bool) -> &Regex {
        if plain {
            &self.narrow
        } else {
            &self.full
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_matches() {
        let n = Narrow::new(r"(?P<w>\w+)\s+(?P<d>\d+)k(?-u:\b)", true).unwrap();
        let hay = "Ab 12K, x 3k, José 4k";
        assert!(!plain(hay));
        assert!(plain("a’b – c"));
        let all = |re: &Regex, s: &str| {
            re.captures_iter(s)
                .map(|c| (c.get(0).unwrap().range(), c.name("w").unwrap().range()))
                .collect::<Vec<_>>()
        };
        for s in ["Ab 12K, x 3k", "a’b 1k – c 2K"] {
            assert_eq!(all(&n.narrow, s), all(&n.full, s));
        }
        assert_eq!(n.on(hay).as_str(), n.full.as_str());
    }
}
