//! The head of a release: dateline, title and leading boilerplate.
//!
//! Only the first lines of a document are looked at (up to the first body
//! paragraph). Each line is tried, at its start, against a small hand-written
//! grammar covering the dateline shapes in the wild:
//!
//! ```text
//! 12/18/2020 Washington, D.C. (International Christian Concern) –   DATE PLACE (ORG) SEP
//! WASHINGTON, Dec. 18, 2020 /PRNewswire/ --                         PLACE, DATE /ORG/ SEP
//! LAHORE, Pakistan (March 3, 2021) —                                PLACE (DATE) SEP
//! Lagos, Nigeria — Tuesday, 5 January 2021:                         PLACE SEP DATE:
//! NAIROBI, Kenya (Example News) -                                   PLACE (ORG) SEP
//! December 18, 2020 —                                               DATE SEP
//! Date: March 4, 2021                                               LABEL: DATE   (header line)
//! Tuesday, June 18, 2019                                            DATE          (line of its own)
//! Updated 4:12 PM GMT+3, March 18, 2025                             LABEL DATE    (header line)
//! by Jane Roe 16:45, 14 November 2024                               BYLINE DATE   (header line)
//! 25 March 2025 Human Rights                                        DATE SECTION  (header line)
//! Iran Rights Watch (IRW); March 14, 2024:                          ORG (ACRONYM); DATE:
//! LAHORE: An anti-terrorism court on Saturday …                     PLACE: BODY
//! Auckland, Friday 14 March                                         PLACE, DATE WITHOUT YEAR
//! ```
//!
//! A release with no date at the top takes its date from a closing date line
//! ("Dated: November 2, 2023", or a date alone among the last four lines).
//!
//! The span runs from the start of the dateline through its separator. A place
//! without a date or an organization must be written in capitals ("NEW DELHI —"),
//! so that "John Smith — the pastor — said" is not a dateline. Month and weekday
//! names, header labels, release-header lines and navigation lines are pattern data
//! under `patterns/dateline/`. Numeric dates are month-first unless `--day-first` is
//! given or day-first is the only valid reading.
//!
//! The title is the HTML title hint (without a trailing " | Site name"), the
//! Markdown `#` heading, or the first short line without final punctuation that
//! comes before the dateline or body and is neither a header line, a date line nor
//! leading boilerplate. Navigation lines at the top ("Select Page") and everything
//! above them (site taglines) are leading boilerplate, reported in `warnings`.

use std::collections::{HashMap, HashSet};

use anyhow::{bail, Result};
use chrono::NaiveDate;

use crate::document::{Dateline, Document, Format, Span};
use crate::patterns::{lines, word_list, Patterns};

const MONTHS: &str = "dateline/months.tsv";
const WEEKDAYS: &str = "dateline/weekdays.txt";
const LABELS: &str = "dateline/date_labels.txt";
const HEADERS: &str = "dateline/header_lines.txt";
const BOILERPLATE: &str = "dateline/boilerplate.txt";
const ACRONYMS: &str = "dateline/place_acronyms.txt";
const BYLINES: &str = "dateline/byline_openers.txt";
const PARTICLES: &str = "names/name_particles.txt";
const ORG_HEADS: &str = "entities/org_heads.txt";
const ORGANIZATIONS: &str = "gazetteer/organizations.tsv";
const CONNECTORS: &str = "entities/connectors.tsv";

/// How many non-blank lines at the top are examined.
const HEAD_LINES: usize = 16;
/// How many bytes at the top are examined.
const HEAD_BYTES: usize = 4000;

/// A case-insensitive line matcher: exact entries and `prefix*` entries.
#[derive(Debug, Default)]
struct LineSet {
    exact: HashSet<String>,
    prefixes: Vec<String>,
}

impl LineSet {
    fn load(content: &str) -> LineSet {
        let mut s = LineSet::default();
        for w in word_list(content) {
            let w = w.to_lowercase();
            match w.strip_suffix('*') {
                Some(p) => s.prefixes.push(p.trim_end().to_string()),
                None => {
                    s.exact.insert(w);
                }
            }
        }
        s
    }

    fn matches(&self, line: &str) -> bool {
        let l = line
            .trim()
            .trim_end_matches([':', '-', '–', '—', ' '])
            .to_lowercase();
        if l.is_empty() {
            return false;
        }
        self.exact.contains(&l) || self.prefixes.iter().any(|p| l.starts_with(p.as_str()))
    }

    /// Like [`LineSet::matches`], but only exact entries.
    fn exact_match(&self, line: &str) -> bool {
        let l = line.trim().to_lowercase();
        !l.is_empty() && self.exact.contains(&l)
    }
}

/// Finds the dateline, the title and leading boilerplate.
pub struct DatelineFinder {
    months: HashMap<String, u32>,
    weekdays: HashSet<String>,
    labels: HashSet<String>,
    headers: LineSet,
    boilerplate: LineSet,
    acronyms: HashSet<String>,
    /// Lowercase byline openers, longest first ("written by", "by").
    bylines: Vec<String>,
    /// Lowercase particles inside names ("de", "van", "al-").
    particles: Vec<String>,
    /// Organization head words ("Police", "Committee") and listed organization
    /// names: a head line that is only an organization's name is its issuer.
    org_heads: HashSet<String>,
    organizations: HashSet<String>,
    /// Lower-case words inside an organization's name ("of", "for", "the").
    connectors: HashSet<String>,
    day_first: bool,
}

/// What kind of dateline a line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// With a separator: a real dateline.
    Full,
    /// "Date: ..." header line.
    Header,
    /// A date on a line of its own.
    Alone,
}

#[derive(Debug, Clone)]
struct Found {
    kind: Kind,
    dateline: Dateline,
}

/// A line of the document head.
/// How many lines at the end of a text may hold its closing date line.
const CLOSING_LINES: usize = 4;

#[derive(Debug, Clone, Copy)]
struct HeadLine<'a> {
    start: usize,
    text: &'a str,
    /// Paragraph number (paragraphs are separated by blank lines).
    para: usize,
}

impl DatelineFinder {
    pub fn new(patterns: &Patterns, day_first: bool) -> Result<Self> {
        let mut months = HashMap::new();
        for line in lines(patterns.require(MONTHS)?) {
            let m: u32 = match line.col(1).parse() {
                Ok(m) if (1..=12).contains(&m) => m,
                _ => bail!(
                    "{MONTHS}:{}: month number {:?} is not 1-12",
                    line.number,
                    line.col(1)
                ),
            };
            months.insert(line.col(0).trim_end_matches('.').to_lowercase(), m);
        }
        let weekdays = word_list(patterns.require(WEEKDAYS)?)
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect();
        let labels = word_list(patterns.require(LABELS)?)
            .map(|w| w.trim_end_matches(':').to_lowercase())
            .collect();
        Ok(DatelineFinder {
            months,
            weekdays,
            labels,
            headers: LineSet::load(patterns.require(HEADERS)?),
            boilerplate: LineSet::load(patterns.require(BOILERPLATE)?),
            acronyms: word_list(patterns.require(ACRONYMS)?)
                .map(str::to_string)
                .collect(),
            bylines: {
                let mut b: Vec<String> = word_list(patterns.require(BYLINES)?)
                    .map(str::to_lowercase)
                    .collect();
                b.sort_by_key(|w| std::cmp::Reverse(w.len()));
                b
            },
            particles: word_list(patterns.require(PARTICLES)?)
                .filter(|w| w.starts_with(char::is_lowercase))
                .map(str::to_string)
                .collect(),
            org_heads: word_list(patterns.require(ORG_HEADS)?)
                .map(str::to_string)
                .collect(),
            organizations: lines(patterns.require(ORGANIZATIONS)?)
                .filter(|l| l.col(1) == "ORG")
                .map(|l| l.col(0).to_string())
                .collect(),
            connectors: word_list(patterns.require(CONNECTORS)?)
                .map(str::to_lowercase)
                .collect(),
            day_first,
        })
    }

    /// Fills `doc.dateline`, `doc.title` and boilerplate warnings.
    pub fn run(&self, doc: &mut Document) {
        let head = head_lines(&doc.text);
        let found = self.find_in(&head);
        let body = self.body_start(&head);
        let boiler = self.boilerplate_end(&head, body);
        if let Some(b) = boiler {
            let shown: Vec<String> = head[..=b]
                .iter()
                .map(|l| format!("{:?}", l.text.trim()))
                .take(3)
                .collect();
            doc.warnings.push(format!(
                "leading boilerplate: {} line(s) before the content ({})",
                b + 1,
                shown.join(", ")
            ));
        }
        if doc.title.is_none() {
            doc.title = doc.title_hint.as_deref().map(|h| clean_hint(h, &doc.text));
        }
        if doc.title.is_none() && doc.format == Format::Markdown {
            doc.title = markdown_title(&doc.text);
        }
        if doc.title.is_none() {
            let from = boiler.map_or(0, |b| b + 1);
            // Without a recognizable body line, the last paragraph of the head is
            // taken as the body.
            let to = body.unwrap_or_else(|| {
                let last_para = head.last().map_or(0, |l| l.para);
                let first_of_last = head.iter().position(|l| l.para == last_para);
                match first_of_last {
                    Some(i) if i > 0 => i,
                    _ => head.len(),
                }
            });
            doc.title = self.title_line(&head, from, to);
        }
        doc.dateline = match found {
            Some(d) if d.date.is_some() => Some(d),
            // no date at the top: a closing date line ("Dated: November 2, 2023",
            // "Media & Publicity / 8th April, 2025") dates the release
            found => match (found, self.closing_date(&doc.text)) {
                (Some(mut d), Some(c)) => {
                    d.date = c.date;
                    Some(d)
                }
                (found, c) => found.or(c),
            },
        };
    }

    /// A date line among the last lines of a text: a labelled date or a date
    /// alone on its line, with a year.
    fn closing_date(&self, text: &str) -> Option<Dateline> {
        let mut end = text.len();
        for _ in 0..CLOSING_LINES {
            let body = text[..end].trim_end_matches(['\n', '\r', ' ', '\t']);
            let start = body.rfind('\n').map_or(0, |i| i + 1);
            let line = HeadLine {
                start,
                text: &body[start..],
                para: 0,
            };
            if let Some(f) = self.parse_line(&line) {
                if matches!(f.kind, Kind::Header | Kind::Alone) && f.dateline.date.is_some() {
                    return Some(f.dateline);
                }
            }
            if start == 0 {
                break;
            }
            end = start;
        }
        None
    }

    /// The dateline of a text, if any.
    pub fn find(&self, text: &str) -> Option<Dateline> {
        self.find_in(&head_lines(text))
    }

    /// The dateline: the first dated dateline before the body; a place-only
    /// dateline ("WASHINGTON –") takes its date from a header date line above it.
    fn find_in(&self, head: &[HeadLine]) -> Option<Dateline> {
        let mut weak: Option<Dateline> = None;
        for l in head {
            if let Some(f) = self.parse_line(l) {
                match f.kind {
                    Kind::Full if f.dateline.date.is_some() => return Some(f.dateline),
                    Kind::Full => {
                        let mut d = f.dateline;
                        d.date = weak.and_then(|w| w.date);
                        return Some(d);
                    }
                    _ => {
                        weak.get_or_insert(f.dateline);
                    }
                }
                continue;
            }
            if is_body(l.text) {
                break;
            }
        }
        weak
    }

    /// Index of the first body line: a line starting with a full dateline, or a
    /// long sentence.
    fn body_start(&self, head: &[HeadLine]) -> Option<usize> {
        head.iter().position(|l| {
            is_body(l.text) || self.parse_line(l).is_some_and(|f| f.kind == Kind::Full)
        })
    }

    /// Index of the last leading-boilerplate line, if any: a navigation line near
    /// the top, and everything above it.
    fn boilerplate_end(&self, head: &[HeadLine], body: Option<usize>) -> Option<usize> {
        let mut last = None;
        for (i, l) in head.iter().enumerate().take(8) {
            if body.is_some_and(|d| i >= d) {
                break;
            }
            if self.boilerplate.matches(l.text)
                || is_nav_line(l.text) && !self.header_bar(l.text) && self.parse_line(l).is_none()
            {
                last = Some(i);
            }
        }
        last
    }

    /// "Sahar Rights Monitor | Press release", "Iran Monitor — News Desk": one bar
    /// with a release-header phrase on one side is a header line (never the
    /// title), not navigation. Beside a dash the phrase must be the whole side
    /// ("Nigeria — Contact group …" stays a headline).
    fn header_bar(&self, line: &str) -> bool {
        let t = line.trim();
        if t.matches(" | ").count() == 1 {
            return t.split(" | ").any(|part| self.headers.matches(part.trim()));
        }
        [" — ", " – ", " - "].iter().any(|sep| {
            t.matches(sep).count() == 1 && t.split(sep).any(|part| self.headers.exact_match(part))
        })
    }

    /// "Hong Kong Democracy Watch — London, 18 July 2025": an issuer and a
    /// dateline beside a dash, a header line.
    fn dated_bar(&self, l: &HeadLine) -> bool {
        [" — ", " – ", " | "].iter().any(|sep| {
            l.text.split_once(sep).is_some_and(|(_, right)| {
                let line = HeadLine { text: right, ..*l };
                // (the dateline is the whole side)
                self.parse_line(&line).is_some_and(|f| {
                    f.dateline.date.is_some()
                        && f.dateline.span.end - l.start >= right.trim_end().len()
                })
            })
        })
    }

    /// A byline: an opener ("By", "Written by") and then only names —
    /// capitalized words, commas, "and"/"&", lowercase name particles ("de",
    /// "van", "al-Amin"; `names/name_particles.txt`) — ending in a capitalized
    /// word: "By Jane Roe and Ali Khan"; an agency may follow the last comma ("By
    /// Jane Roe, Forum 18") and up to two role words may stand before two final
    /// name words ("Reported by ChinaAid correspondent Liu Minghui").
    fn is_byline(&self, line: &str) -> bool {
        let t = line.trim();
        let Some(op) = self.bylines.iter().find(|o| {
            t.get(..o.len()).is_some_and(|h| h.eq_ignore_ascii_case(o))
                && t[o.len()..].starts_with(' ')
        }) else {
            return false;
        };
        let rest = &t[op.len()..];
        // "By Yelena Voronova, Forum 18": the agency after the last comma
        // (capitalized, a few words, digits allowed)
        let rest = match rest.rsplit_once(", ") {
            Some((names, agency))
                if agency.starts_with(char::is_uppercase)
                    && agency.split_whitespace().count() <= 4
                    && agency.split_whitespace().all(|w| {
                        w.starts_with(char::is_uppercase) || w.bytes().all(|b| b.is_ascii_digit())
                    }) =>
            {
                names
            }
            _ => rest,
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        // (a role noun after the agency: "Reported by ChinaAid correspondent Liu
        // Minghui", when two capitalized words end the line)
        let mut role_words = 0;
        (1..=12).contains(&words.len())
            && words.iter().all(|w| {
                let w = w.trim_end_matches(',');
                let ok = cap(&w)
                    || matches!(w, "and" | "&")
                    || self
                        .particles
                        .iter()
                        .any(|p| w == p || p.ends_with('-') && w.starts_with(p.as_str()));
                if !ok && w.chars().all(char::is_lowercase) {
                    role_words += 1;
                    return role_words <= 2;
                }
                ok
            })
            && words.last().is_some_and(cap)
            && (role_words == 0
                || words.len() >= 3 && words[words.len() - 2..].iter().all(cap) && cap(&words[0]))
    }

    /// A line that is only an organization's name: a listed one ("Christian
    /// Solidarity Worldwide"), or capitalized words (lower-case connectors
    /// inside) with an organization head word ("U.S. Attorney's Office, Western
    /// District of Louisiana", "Norwegian Helsinki Committee").
    ///
    /// Parts beside a slash or dash are issuers or places ("Middle East Concern /
    /// Article 18 Partners", "Royal Canadian Mounted Police - Manitoba"); an
    /// ALL-CAPS line is read in title case ("CENTRAL BUREAU OF INVESTIGATION").
    fn issuer_line(&self, line: &str) -> bool {
        let t = line.trim();
        for sep in [" / ", " - ", " – ", " — "] {
            if t.contains(sep) {
                // (a place, or another short name: "Article 18 Partners")
                let place = |p: &str| capitalized_words(p, 4, true);
                return t
                    .split(sep)
                    .all(|p| self.issuer_part(p.trim()) || place(p.trim()))
                    && t.split(sep).any(|p| self.issuer_part(p.trim()));
            }
        }
        self.issuer_part(t)
    }

    fn issuer_part(&self, t: &str) -> bool {
        if self.organizations.contains(t) {
            return true;
        }
        let upper = !t.chars().any(char::is_lowercase);
        let words: Vec<&str> = t.split_whitespace().collect();
        let cap = |w: &str| w.starts_with(char::is_uppercase);
        let connector = |w: &str| self.connectors.contains(&w.to_ascii_lowercase());
        let head = |w: &str| {
            let w = w.trim_end_matches([',', ';']);
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            if upper {
                // (ALL CAPS: the head in title case)
                let mut h = w.to_lowercase();
                if let Some(f) = h.get_mut(..1) {
                    f.make_ascii_uppercase();
                }
                self.org_heads.contains(&h)
            } else {
                self.org_heads.contains(w)
            }
        };
        // (the name ends at its last head word or goes on with a connector:
        // "Office of the Commissioner", not "Appeals Court Acquits Teacher")
        (1..=10).contains(&words.len())
            && words.last().is_some_and(|w| cap(w) && !connector(w))
            && words.iter().all(|w| cap(w) || connector(w))
            && words
                .iter()
                .rposition(|w| head(w))
                .is_some_and(|k| words.get(k + 1).map_or(true, |w| connector(w)))
    }

    /// A line that can be a title: not a header, date, place ("Winnipeg,
    /// Manitoba") or navigation line.
    fn title_candidate<'a>(&self, l: &HeadLine<'a>) -> Option<&'a str> {
        let t = l.text.trim();
        let place = t
            .split_once(", ")
            .is_some_and(|(a, b)| capitalized_words(a, 2, false) && capitalized_words(b, 2, false));
        let skip = place
            || self.headers.matches(t)
            || self.header_bar(t)
            || self.dated_bar(l)
            || self.parse_line(l).is_some()
            || self.boilerplate.matches(t)
            || is_nav_line(t);
        (!skip && is_title_like(t)).then_some(t)
    }

    /// The headline among head lines `from..to`: the first candidate line of the
    /// last paragraph that has one — unless that paragraph is a single
    /// sentence-case line right after a single Title Case line (a subheadline
    /// under its headline).
    ///
    /// A byline ends the search when a candidate comes before it (the headline
    /// precedes its byline); the byline and the lines after it in its paragraph
    /// (the agency: "By Jane Roe / Central Asia Wire") are never the title.
    fn title_line<'a>(&self, head: &[HeadLine<'a>], from: usize, to: usize) -> Option<String> {
        let mut lines = head.get(from..to.min(head.len()))?;
        let mut byline: Option<(usize, usize)> = None;
        if let Some(b) = lines.iter().position(|l| self.is_byline(l.text)) {
            if lines[..b].iter().any(|l| self.title_candidate(l).is_some()) {
                lines = &lines[..b];
            } else {
                byline = Some((b, lines[b].para));
            }
        }
        // "Press Release / National Investigation Agency / New Delhi, 14th March
        // 2025": a line between a header line and a dateline of its paragraph
        // names the issuer, not the release.
        let is_header = |l: &HeadLine| self.headers.matches(l.text.trim());
        let issuer = |i: usize, l: &HeadLine| {
            let same = |k: &&HeadLine| k.para == l.para;
            lines[..i].iter().rev().take_while(same).any(is_header)
                && head[from + i + 1..]
                    .iter()
                    .take_while(same)
                    .any(|k| self.parse_line(k).is_some())
        };
        // "Human Rights Association (İHD) Diyarbakır Branch" right above "Press
        // Statement – 19 March 2025", under a headline: the issuer.
        let above_header = |i: usize, l: &HeadLine| {
            lines
                .get(i + 1)
                .is_some_and(|k| k.para == l.para && (is_header(k) || self.parse_line(k).is_some()))
                && lines[..i]
                    .iter()
                    .any(|k| k.para != l.para && self.title_candidate(k).is_some())
        };
        let candidate = |i: usize, l: &HeadLine<'a>| -> Option<&'a str> {
            match byline {
                Some((b, para)) if i >= b && l.para == para => None,
                _ if issuer(i, l) || above_header(i, l) => None,
                // ("West Yorkshire Police" under the headline names the issuer;
                // a line under it in its paragraph is its tagline)
                _ if i > 0
                    && lines[i - 1].para == l.para
                    && self.issuer_line(lines[i - 1].text) =>
                {
                    None
                }
                _ => self.title_candidate(l).filter(|c| !self.issuer_line(c)),
            }
        };
        // (paragraph id, candidate, number of lines in the paragraph)
        let mut paras: Vec<(usize, Option<&str>, usize)> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            match paras.last_mut() {
                Some(p) if p.0 == l.para => {
                    p.2 += 1;
                    if p.1.is_none() {
                        p.1 = candidate(i, l);
                    }
                }
                _ => paras.push((l.para, candidate(i, l), 1)),
            }
        }
        let Some(last) = paras.iter().rposition(|p| p.1.is_some()) else {
            // Only issuer-like lines: a long one is a headline that ends in an
            // organization word ("Four Members of Fentanyl Ring Sentenced to
            // Federal Prison").
            return lines
                .iter()
                .filter_map(|l| self.title_candidate(l))
                .find(|c| c.split_whitespace().count() >= 6)
                .map(str::to_string);
        };
        let (_, cand, n) = paras[last];
        let cand = cand?;
        // A subheadline under its headline, each a paragraph of one line: the
        // headline, when it is Title Case above a sentence-case deck or six words
        // or more, or a sentence-case line of six words or more above a deck at
        // least as long ("ATC hands two death sentences to bombing accused" over
        // "Four others sentenced to life; one acquitted for lack of evidence").
        if n == 1 && last > 0 {
            if let (Some(prev), 1) = (paras[last - 1].1, paras[last - 1].2) {
                let words = |t: &str| t.split_whitespace().count();
                let title_case = is_title_case(prev) && (!is_title_case(cand) || words(prev) >= 6);
                let deck = !is_title_case(prev)
                    && !is_title_case(cand)
                    && words(prev) >= 6
                    && words(cand) >= words(prev);
                if title_case || deck {
                    return Some(prev.to_string());
                }
            }
        }
        Some(cand.to_string())
    }

    /// Tries every dateline shape at the start of a line; a dateline in Markdown
    /// emphasis ("**Geneva, 9 September 2026** —") is read with its markers blanked
    /// (same byte length, so the span stays right).
    fn parse_line(&self, l: &HeadLine) -> Option<Found> {
        self.parse_plain(l).or_else(|| {
            let blanked = unemphasized_head(l.text)?;
            let mut f = self.parse_plain(&HeadLine {
                start: l.start,
                text: &blanked,
                para: l.para,
            })?;
            // The span opens at the opening marker.
            let lead = l.text.len() - l.text.trim_start().len();
            f.dateline.span.start = l.start + lead;
            Some(f)
        })
    }

    /// Tries every dateline shape at the start of a line as written.
    fn parse_plain(&self, l: &HeadLine) -> Option<Found> {
        let text = l.text.trim_end();
        let lead = text.len() - text.trim_start().len();
        let s = &text[lead..];
        if s.is_empty() {
            return None;
        }
        let base = l.start + lead;
        let mk = |kind, end: usize, date, place: Option<&str>, org: Option<&str>| Found {
            kind,
            dateline: Dateline {
                span: Span::new(base, base + end),
                date,
                place: place.map(str::to_string),
                organization: org.map(str::to_string),
            },
        };
        // "Date: March 4, 2021"
        if let Some(colon) = s.find(':') {
            let label =
                s[..colon].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
            if self.labels.contains(&label.to_lowercase()) {
                // "**Date:** ..." (Markdown emphasis around the label)
                let after = colon + 1 + s[colon + 1..].len()
                    - s[colon + 1..].trim_start_matches(['*', '_']).len();
                let p = after + skip_ws(&s[after..]);
                let (d, e) = self.date_line(&s[p..])?;
                return Some(mk(Kind::Header, p + e, d, None, None));
            }
        }
        // "Published 22 October 2027": a label without its colon, when a date and
        // nothing else follows it on the line.
        if let Some(f) = self.label_without_colon(s) {
            let (end, d) = f;
            return Some(mk(Kind::Header, end, d, None, None));
        }
        // "by Jane Roe 16:45, 14 November 2024": a byline, then the date that ends
        // the line.
        if let Some(f) = self.byline_date(s) {
            let (end, d) = f;
            return Some(mk(Kind::Header, end, d, None, None));
        }
        // "News | 3 March 2025 | Geneva": a bar-separated line with a date part.
        if s.matches(" | ").count() >= 2 {
            let mut at = 0;
            for part in s.split(" | ") {
                if let Some((d @ Some(_), e)) = self.date_line(part) {
                    if part[e..].trim().is_empty() {
                        return Some(mk(Kind::Header, at + e, d, None, None));
                    }
                }
                at += part.len() + 3;
            }
        }
        // "(Chengdu—October 28, 2022) The court …": place and date in parentheses.
        if s.starts_with('(') {
            if let Some(f) = self.parenthesized(s) {
                let (end, date, place) = f;
                return Some(mk(Kind::Full, end, date, Some(&place), None));
            }
        }
        // A date that is the whole line: "16-November-2021 18:42 IST",
        // "4:52 PM GMT+6, April 9, 2027", "9 February 2027 (20 Bahman 1405)".
        if let Some((d, e)) = self.date_line(s) {
            return Some(mk(Kind::Alone, e, d, None, None));
        }
        // Date first.
        if let Some((d, e)) = self.parse_date_loose(s) {
            let mut p = e;
            p += skip_ws(&s[p..]);
            if let Some(sep) = separator(&s[p..]) {
                return Some(mk(Kind::Full, p + sep, d, None, None));
            }
            // "25 March 2025 Human Rights": a news site's date and topic, the
            // whole line; the words are a section, not a place
            let section = |t: &str| {
                let words: Vec<&str> = t.split_whitespace().collect();
                (1..=4).contains(&words.len())
                    && words.iter().all(|w| {
                        w.starts_with(char::is_uppercase)
                            || self.connectors.contains(&w.to_ascii_lowercase())
                    })
            };
            if d.is_some() && section(s[p..].trim_end()) {
                return Some(mk(Kind::Header, e, d, None, None));
            }
            let (place, pe) = self.parse_place(s, p)?;
            let place = self.normalize_place(place);
            let place = place.as_str();
            let mut p = pe;
            let mut org = None;
            p += skip_ws(&s[p..]);
            if let Some((inner, e)) = bracketed(&s[p..]) {
                if looks_like_org(inner) {
                    org = Some(inner);
                    p += e;
                    p += skip_ws(&s[p..]);
                }
            }
            let sep = separator(&s[p..])?;
            return Some(mk(Kind::Full, p + sep, d, Some(place), org));
        }
        // Place first.
        let (place, mut p) = self.parse_place(s, 0)?;
        let mut date = None;
        let mut dated = false;
        let mut org = None;
        loop {
            let q = p + skip_ws(&s[p..]);
            // ("Iran Human Rights (IHRNGO); March 14, 2024:")
            if !dated && (s[p..].starts_with(',') || org.is_some() && s[p..].starts_with(';')) {
                let r = p + 1 + skip_ws(&s[p + 1..]);
                if let Some((d, e)) = self.parse_date_loose(&s[r..]) {
                    date = d;
                    dated = true;
                    p = r + e;
                    continue;
                }
                // A wire dateline's day and month without a year ("BEIJING, Jan. 8
                // (Xinhua) --", "LONDON, March 3 (Reuters) -"): a dateline with no
                // date, when the agency or the separator follows.
                // "Auckland, Friday 14 March" alone on its line, likewise.
                let wd = self.weekday_prefix(&s[r..]);
                if let Some(e) = self.month_day(&s[r + wd..]).map(|e| e + wd) {
                    let after = r + e + skip_ws(&s[r + e..]);
                    if bracketed(&s[after..]).is_some()
                        || separator(&s[after..]).is_some()
                        || s[after..].trim().is_empty()
                    {
                        dated = true;
                        p = r + e;
                        continue;
                    }
                }
            }
            if let Some((inner, e)) = bracketed(&s[q..]) {
                if !dated {
                    if let Some((d, de)) = self.parse_date_loose(inner) {
                        if inner[de..].trim().is_empty() {
                            date = d;
                            dated = true;
                            p = q + e;
                            continue;
                        }
                    }
                }
                if org.is_none() && looks_like_org(inner) {
                    org = Some(inner);
                    p = q + e;
                    continue;
                }
            }
            break;
        }
        p += skip_ws(&s[p..]);
        // "London, 14 June 2024 / Eritrean Christians for Justice (ECJ) —": the
        // issuing organization after a slash, up to the separator.
        if dated && org.is_none() && s[p..].starts_with("/ ") {
            let r = p + 1 + skip_ws(&s[p + 1..]);
            let sep_at = s[r..]
                .char_indices()
                .map(|(i, _)| i)
                .find(|&i| s[r..r + i].ends_with(' ') && separator(&s[r + i..]).is_some());
            if let Some(k) = sep_at {
                let name = s[r..r + k].trim();
                // (an acronym defined beside the name is not part of it)
                let name = match name.rfind(" (") {
                    Some(b) if name.ends_with(')') => &name[..b],
                    _ => name,
                };
                if looks_like_org(name) {
                    org = Some(name);
                    p = r + k;
                }
            }
        }
        // "New Delhi, 14th March 2025" alone on its line (under a "Press Release"
        // header): place and date are the whole dateline.
        if dated && s[p..].trim().is_empty() {
            let place = self.normalize_place(place);
            return Some(mk(Kind::Full, p, date, Some(&place), org));
        }
        let sep = separator(&s[p..])?;
        let mut end = p + sep;
        // "Lagos, Nigeria — Tuesday, 5 January 2021:"
        if !dated {
            let r = end + skip_ws(&s[end..]);
            if let Some((d, e)) = self.parse_date_loose(&s[r..]) {
                let after = r + e;
                // "Lahore: 14 March 2022" alone on its line.
                let line_end = s[after..].trim().is_empty();
                if s[after..].starts_with(':')
                    || s[after..].starts_with(" –")
                    || s[after..].starts_with(" —")
                    || line_end
                {
                    date = d;
                    dated = true;
                    let a2 = after + skip_ws(&s[after..]);
                    end = if line_end {
                        after
                    } else {
                        a2 + separator(&s[a2..]).unwrap_or(1)
                    };
                }
            }
        }
        // "Christian Solidarity Worldwide (CSW) | 9 May 2023": the "place" is the
        // name the bracketed acronym abbreviates, the issuer
        let (place, org) = match org {
            Some(a) if self.issuer_part(place) || abbreviates(a, place) => ("", Some(place)),
            _ => (place, org),
        };
        let capital_place = place
            .split(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| w.chars().count() >= 2 && w.chars().all(char::is_uppercase));
        // "LAHORE: An anti-terrorism court on Saturday …": a capitalized place
        // before a colon that opens the body ("RUSSIA: Two fined for worship" is a
        // headline)
        let colon_body = capital_place && s[p..].starts_with(':') && is_body(&s[p + 1..]) && !dated;
        // "Miami, Florida – ...": a mixed-case place is a dateline only as a
        // "City, Region" pair before a dash, not a lone word ("Update – ...").
        let city_region = !s[p..].starts_with([':', '|']) && is_city_region(place);
        if !dated
            && org.is_none()
            && !city_region
            && !colon_body
            && (!capital_place || s[p..].starts_with(':'))
        {
            return None;
        }
        if place.is_empty() {
            return Some(mk(Kind::Full, end, date, None, org));
        }
        // "For Immediate Release: March 3, 2024", "PRESS RELEASE | 3 March 2025",
        // "By Anna Lee | March 3, 2025": a header phrase or a byline before the
        // date is no place
        if dated && (self.headers.matches(place) || self.is_byline(place)) {
            return Some(mk(Kind::Header, end, date, None, org));
        }
        let place = self.normalize_place(place);
        Some(mk(Kind::Full, end, date, Some(&place), org))
    }

    /// "Published 22 October 2027": up to three words that are a date label (the
    /// colon left out), then a date that ends the line. Returns the end and the date.
    fn label_without_colon(&self, s: &str) -> Option<(usize, Option<NaiveDate>)> {
        let mut end = 0;
        for _ in 0..3 {
            let w = s[end..].find(|c: char| !c.is_alphabetic())? + end;
            if w == end || !s[w..].starts_with(' ') {
                return None;
            }
            end = w;
            if self.labels.contains(&s[..end].to_lowercase()) {
                let p = end + skip_ws(&s[end..]);
                if let Some((d @ Some(_), e)) = self.date_line(&s[p..]) {
                    return Some((p + e, d));
                }
                // "Posted on March 3, 2024 by Admin", "Published 3 March 2025 · 4
                // min read": the date, then a byline or a bullet
                if let Some((d @ Some(_), e)) = self.parse_date_loose(&s[p..]) {
                    let rest = &s[p + e..];
                    let tail = rest.trim_start();
                    if rest.len() > tail.len()
                        && (tail.starts_with(['·', '•', '|']) || self.is_byline(tail.trim_end()))
                    {
                        return Some((p + e, d));
                    }
                }
            }
            end += 1;
        }
        None
    }

    /// "by Jane Roe 16:45, 14 November 2024": a byline, then a date (with an
    /// optional clock time) that ends the line. Returns the end and the date.
    fn byline_date(&self, s: &str) -> Option<(usize, Option<NaiveDate>)> {
        let first = s.split_whitespace().next()?;
        if !self.bylines.iter().any(|o| {
            o.split_whitespace()
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case(first))
        }) {
            return None;
        }
        s.match_indices(' ').find_map(|(i, _)| {
            let rest = &s[i + 1..];
            if !rest.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase()) {
                return None;
            }
            let (d @ Some(_), e) = self.date_line(rest)? else {
                return None;
            };
            self.is_byline(&s[..i]).then_some((i + 1 + e, d))
        })
    }

    /// A date that fills the rest of a line: an optional clock time before it
    /// ("4:52 PM GMT+6, April 9, 2027"), the date, then optionally a clock time
    /// ("March 3, 2027, 10:00 a.m. EST") and a bracketed gloss ("9 February 2027
    /// (20 Bahman 1405)"). Returns the date and the end of the line's content.
    fn date_line(&self, s: &str) -> Option<(Option<NaiveDate>, usize)> {
        let p = clock_prefix(s);
        let (d, e) = self.parse_date_loose(&s[p..])?;
        let mut q = p + e;
        if p == 0 {
            let c = usize::from(s[q..].starts_with(','));
            if let Some(t) = time_suffix(&s[q + c..]) {
                q += c + t;
            }
        }
        let g = q + skip_ws(&s[q..]);
        if let Some((_, e)) = bracketed(&s[g..]) {
            if s[g + e..].trim().is_empty() {
                return Some((d, g + e));
            }
        }
        s[q..].trim().is_empty().then_some((d, q))
    }

    /// `(Place—Date)` or `(Place, Date)` at the start of `s`: the end of the
    /// closing parenthesis, the date and the normalized place.
    fn parenthesized(&self, s: &str) -> Option<(usize, Option<NaiveDate>, String)> {
        let (inner, e) = bracketed(s)?;
        let (place, pe) = self.parse_place(inner, 0)?;
        let r = &inner[pe..];
        let r2 = r.trim_start_matches([',', '-', '–', '—', ' ']);
        if r2.len() == r.len() {
            return None;
        }
        let (d, de) = self.parse_date_loose(r2)?;
        r2[de..]
            .trim()
            .is_empty()
            .then(|| (e, d, self.normalize_place(place)))
    }

    /// A place name at `p`: capitalized words, commas between them, stopping before
    /// a date, a bracket, a separator or a lowercase word. Returns the place and its
    /// end.
    fn parse_place<'a>(&self, s: &'a str, p: usize) -> Option<(&'a str, usize)> {
        let mut end = p;
        let mut words = 0;
        let mut q = p;
        loop {
            // One word (digits after its capital: "Article18 – 11 February 2025").
            let w_len = s[q..]
                .char_indices()
                .find(|&(i, c)| {
                    !(c.is_alphabetic()
                        || matches!(c, '.' | '-' | '\'' | '’')
                        || i > 0 && c.is_ascii_digit())
                })
                .map_or(s.len() - q, |(i, _)| i);
            let w = &s[q..q + w_len];
            if w.is_empty() || !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            if words > 0
                && (self.parse_date_loose(&s[q..]).is_some()
                    || self.is_weekday(w)
                    || self.month_day(&s[q..]).is_some())
            {
                break;
            }
            if words == 0 && self.is_weekday(w) {
                return None;
            }
            words += 1;
            end = q + w_len;
            if words > 6 {
                return None;
            }
            // Next: " Word", ", Word", " / Word" or "/Word" (two places:
            // "Vilnius / Minsk", "Paris/Algiers").
            let rest = &s[end..];
            let gap = if rest.starts_with(", ") {
                2
            } else if rest.starts_with(" / ") {
                3
            } else if rest.starts_with(' ')
                || rest.starts_with('/') && rest[1..].starts_with(char::is_uppercase)
            {
                1
            } else {
                break;
            };
            q = end + gap;
            q += skip_ws(&s[q..]);
        }
        if words == 0 {
            return None;
        }
        let place = s[p..end].trim_end_matches(',');
        Some((place, p + place.len()))
    }

    /// Place names as the gold writes them: all-caps words in title case
    /// ("LAHORE, Pakistan" → "Lahore, Pakistan", "ST. LOUIS" → "St. Louis"), except
    /// short or listed acronyms and dotted ones ("D.C.").
    fn normalize_place(&self, place: &str) -> String {
        let mut out = String::with_capacity(place.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let all_caps = word.chars().all(|c| !c.is_lowercase());
            // (an abbreviation with one final period is a word: "ST." → "St.")
            let abbreviation =
                letters >= 2 && word.ends_with('.') && word.matches('.').count() == 1;
            if all_caps && (letters >= 3 || abbreviation) && !self.acronyms.contains(word.as_str())
            {
                // (a word with a dotted capital İ is Turkish: its İ is i, its
                // I is dotless ı, "DİYARBAKIR" → "Diyarbakır")
                let turkish = word.contains('İ');
                let mut first = true;
                for c in word.chars() {
                    match c {
                        _ if first => out.push(c),
                        'İ' => out.push('i'),
                        'I' if turkish => out.push('ı'),
                        _ => out.extend(c.to_lowercase()),
                    }
                    first = !c.is_alphabetic();
                }
            } else {
                out.push_str(word);
            }
            word.clear();
        };
        for c in place.chars() {
            if c.is_alphabetic() || c == '.' || c == '\'' || c == '’' {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }

    /// The length of a weekday and its comma or space at the start of `s`
    /// ("Friday 14 March", "Tue., Jan. 8"), else 0.
    fn weekday_prefix(&self, s: &str) -> usize {
        let l = alpha_len(s);
        if l == 0 || !self.is_weekday(&s[..l]) {
            return 0;
        }
        let mut p = l;
        p += usize::from(s[p..].starts_with('.'));
        p += usize::from(s[p..].starts_with(','));
        let w = skip_ws(&s[p..]);
        if w == 0 {
            return 0;
        }
        p + w
    }

    fn is_weekday(&self, w: &str) -> bool {
        self.weekdays
            .contains(&w.trim_end_matches(['.', ',']).to_lowercase())
    }

    /// A date at the start of `s`; returns it and the byte length it covers.
    pub fn parse_date(&self, s: &str) -> Option<(NaiveDate, usize)> {
        self.parse_date_loose(s)
            .and_then(|(d, e)| d.map(|d| (d, e)))
    }

    /// Like [`DatelineFinder::parse_date`], but a date-shaped text whose values are
    /// impossible ("35/28/2058", "November 31, 2017") still matches, with no date.
    pub fn parse_date_loose(&self, s: &str) -> Option<(Option<NaiveDate>, usize)> {
        let mut p = 0;
        // Optional weekday: "Tuesday, ", "Tue. "
        let w = alpha_len(s);
        if w > 0 && self.weekdays.contains(&s[..w].to_lowercase()) {
            p = w;
            if s[p..].starts_with('.') {
                p += 1;
            }
            if s[p..].starts_with(',') {
                p += 1;
            }
            let ws = skip_ws(&s[p..]);
            if ws == 0 {
                return None;
            }
            p += ws;
        }
        // "this 24th day of March, 2025" (a legal document's closing line)
        for article in ["this ", "the "] {
            if s[p..]
                .get(..article.len())
                .is_some_and(|a| a.eq_ignore_ascii_case(article))
                && s[p + article.len()..].starts_with(|c: char| c.is_ascii_digit())
            {
                p += article.len();
                break;
            }
        }
        let r = &s[p..];
        // Numeric forms.
        let d1 = digit_len(r);
        if d1 > 0 {
            return self
                .numeric_or_day_month(r, d1)
                .or_else(|| self.glossed_date(r, d1))
                .map(|(d, e)| (d, p + e));
        }
        // Month D, YYYY
        let (month, mut q) = self.month_at(r)?;
        q += skip_ws(&r[q..]);
        let dl = digit_len(&r[q..]);
        if dl == 0 || dl > 2 {
            return None;
        }
        let day: u32 = r[q..q + dl].parse().ok()?;
        q += dl;
        q += ordinal_len(&r[q..]);
        if r[q..].starts_with(',') {
            q += 1;
        }
        q += skip_ws(&r[q..]);
        let yl = digit_len(&r[q..]);
        if yl != 4 {
            return None;
        }
        let year: i32 = r[q..q + yl].parse().ok()?;
        q += yl;
        if !boundary_after(&r[q..]) {
            return None;
        }
        Some((NaiveDate::from_ymd_opt(year, month, day), p + q))
    }

    /// A date of another calendar glossed by the Gregorian one in brackets: "5
    /// Mordad 1404 (27 July 2025)", "12 Rajab 1446 AH (12 January 2025)". A day,
    /// one or two month words, a year of 3–4 digits and an optional era in
    /// capitals; the date is the bracketed one, the span the whole.
    fn glossed_date(&self, r: &str, d1: usize) -> Option<(Option<NaiveDate>, usize)> {
        if d1 > 2 {
            return None;
        }
        let mut q = d1;
        let mut words = 0;
        loop {
            let ws = skip_ws(&r[q..]);
            let w = r[q + ws..]
                .char_indices()
                .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’'))
                .map_or(r.len() - q - ws, |(i, _)| i);
            if ws == 0 || w == 0 || !r[q + ws..].starts_with(char::is_alphabetic) {
                break;
            }
            words += 1;
            q += ws + w;
            if words > 2 {
                return None;
            }
        }
        let ws = skip_ws(&r[q..]);
        let yl = digit_len(&r[q + ws..]);
        if words == 0 || ws == 0 || !(3..=4).contains(&yl) {
            return None;
        }
        q += ws + yl;
        // an era: "AH", "SH", "A.H."
        let ws = skip_ws(&r[q..]);
        let era = r[q + ws..]
            .bytes()
            .take_while(|&c| c.is_ascii_uppercase() || c == b'.')
            .count();
        if ws > 0 && (1..=4).contains(&era) && boundary_after(&r[q + ws + era..]) {
            q += ws + era;
        }
        let g = q + skip_ws(&r[q..]);
        let (inner, e) = bracketed(&r[g..])?;
        let (d, de) = self.parse_date_loose(inner)?;
        (d.is_some() && inner[de..].trim().is_empty()).then_some((d, g + e))
    }

    /// "12/18/2020", "2020-12-18", "5 January 2021", "18 Dec. 2020".
    fn numeric_or_day_month(&self, r: &str, d1: usize) -> Option<(Option<NaiveDate>, usize)> {
        let b = r.as_bytes();
        let n1: u32 = r[..d1].parse().ok()?;
        if d1 == 4 && b.get(4) == Some(&b'-') {
            // ISO
            let m_len = digit_len(&r[5..]);
            if m_len == 0 || m_len > 2 || b.get(5 + m_len) != Some(&b'-') {
                return None;
            }
            let d_start = 6 + m_len;
            let d_len = digit_len(&r[d_start..]);
            if d_len == 0 || d_len > 2 || !boundary_after(&r[d_start + d_len..]) {
                return None;
            }
            let m: u32 = r[5..5 + m_len].parse().ok()?;
            let d: u32 = r[d_start..d_start + d_len].parse().ok()?;
            return Some((NaiveDate::from_ymd_opt(n1 as i32, m, d), d_start + d_len));
        }
        if d1 <= 2
            && matches!(b.get(d1), Some(b'/' | b'.' | b'-'))
            && b.get(d1 + 1).is_some_and(u8::is_ascii_digit)
        {
            let sep = b[d1];
            let s2 = d1 + 1;
            let l2 = digit_len(&r[s2..]);
            if l2 == 0 || l2 > 2 || b.get(s2 + l2) != Some(&sep) {
                return None;
            }
            let s3 = s2 + l2 + 1;
            let l3 = digit_len(&r[s3..]);
            if (l3 != 4 && l3 != 2) || !boundary_after(&r[s3 + l3..]) {
                return None;
            }
            let n2: u32 = r[s2..s2 + l2].parse().ok()?;
            let mut y: i32 = r[s3..s3 + l3].parse().ok()?;
            if l3 == 2 {
                y += 2000;
            }
            let md = NaiveDate::from_ymd_opt(y, n1, n2);
            let dm = NaiveDate::from_ymd_opt(y, n2, n1);
            let d = match (md, dm) {
                // dotted numeric dates (14.04.2027) are written day-first
                (Some(a), Some(b)) => {
                    if self.day_first || sep == b'.' {
                        b
                    } else {
                        a
                    }
                }
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => return Some((None, s3 + l3)),
            };
            return Some((Some(d), s3 + l3));
        }
        if d1 <= 2 {
            // D Month YYYY, D-Month-YYYY
            let day = n1;
            let ord = ordinal_len(&r[d1..]);
            let mut q = d1 + ord;
            // ("24th day of March")
            if ord > 0 {
                let w = skip_ws(&r[q..]);
                let rest = &r[q + w..];
                if rest
                    .get(..7)
                    .is_some_and(|d| d.eq_ignore_ascii_case("day of "))
                {
                    q += w + 6;
                }
            }
            let hyphen = r[q..].starts_with('-');
            let ws = if hyphen { 1 } else { skip_ws(&r[q..]) };
            if ws == 0 {
                return None;
            }
            q += ws;
            let (month, ml) = self.month_at(&r[q..])?;
            q += ml;
            if hyphen {
                if !r[q..].starts_with('-') {
                    return None;
                }
                q += 1;
            }
            if r[q..].starts_with(',') {
                q += 1;
            }
            q += skip_ws(&r[q..]);
            let yl = digit_len(&r[q..]);
            if yl != 4 || !boundary_after(&r[q + yl..]) {
                return None;
            }
            let year: i32 = r[q..q + yl].parse().ok()?;
            return Some((NaiveDate::from_ymd_opt(year, month, day), q + yl));
        }
        None
    }

    /// "Jan. 8", "8 January": a day and a month without a year; the end.
    fn month_day(&self, s: &str) -> Option<usize> {
        let day = |q: usize| {
            let dl = digit_len(&s[q..]);
            (1..=2)
                .contains(&dl)
                .then(|| q + dl + ordinal_len(&s[q + dl..]))
        };
        let end = match self.month_at(s) {
            Some((_, m)) => day(m + skip_ws(&s[m..]))?,
            None => {
                let d = day(0)?;
                let q = d + skip_ws(&s[d..]);
                q + self.month_at(&s[q..])?.1
            }
        };
        boundary_after(&s[end..]).then_some(end)
    }

    /// A month name (optionally with a period) at the start of `r`.
    fn month_at(&self, r: &str) -> Option<(u32, usize)> {
        let l = alpha_len(r);
        if l == 0 {
            return None;
        }
        let m = *self.months.get(&r[..l].to_lowercase())?;
        let mut q = l;
        if r[q..].starts_with('.') {
            q += 1;
        }
        Some((m, q))
    }
}

/// The non-blank lines of the head of a text.
/// The line with the Markdown emphasis markers around its start blanked out
/// ("**Geneva, 9 May 2026** — …" → "  Geneva, 9 May 2026   — …"), when it opens with
/// a marker that closes within the first [`EMPHASIS_REACH`] bytes.
fn unemphasized_head(line: &str) -> Option<String> {
    let lead = line.len() - line.trim_start().len();
    let s = &line[lead..];
    let marker = ["**", "__", "*", "_"]
        .into_iter()
        .find(|m| s.starts_with(m))?;
    let inner = &s[marker.len()..];
    let close = inner
        .find(marker)
        .filter(|&c| c > 0 && c <= EMPHASIS_REACH)?;
    let mut out = String::with_capacity(line.len());
    out.push_str(&line[..lead]);
    out.push_str(&" ".repeat(marker.len()));
    out.push_str(&inner[..close]);
    out.push_str(&" ".repeat(marker.len()));
    out.push_str(&inner[close + marker.len()..]);
    Some(out)
}

/// How far the closing emphasis marker of a dateline may be from its opening one.
const EMPHASIS_REACH: usize = 120;

fn head_lines(text: &str) -> Vec<HeadLine<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut para = 0;
    for line in text.split_inclusive('\n') {
        if start > HEAD_BYTES || out.len() >= HEAD_LINES {
            break;
        }
        let t = line.trim_end_matches(['\n', '\r']);
        if t.trim().is_empty() {
            para += 1;
        } else {
            out.push(HeadLine {
                start,
                text: t,
                para,
            });
        }
        start += line.len();
    }
    out
}

/// A line that is clearly body text: a long sentence. A closing quote counts as
/// an end only after sentence punctuation (`… he said."`), so a headline ending in
/// a quoted phrase (`… for "anti-state propaganda"`) is not body.
fn is_body(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let inner = t.trim_end_matches(['"', '”', '’', '\'']);
    words >= 30 || (words >= 10 && inner.ends_with(['.', '!', '?']))
}

/// "Home | About | News", "Home » News » 2021", and a short section trail with one
/// bar ("News | West Midlands").
fn is_nav_line(line: &str) -> bool {
    let t = line.trim();
    [" | ", "»", " › ", " > ", " / "]
        .iter()
        .any(|sep| t.matches(sep).count() >= 2)
        || (t.contains(" | ") && t.split_whitespace().count() <= 6)
}

/// Title Case (or all caps): most longer words after the first are capitalized.
fn is_title_case(t: &str) -> bool {
    let mut long = 0;
    let mut caps = 0;
    for w in t.split_whitespace().skip(1) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() >= 4 {
            long += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
            }
        }
    }
    long == 0 || caps * 2 > long
}

fn is_title_like(t: &str) -> bool {
    let words = t.split_whitespace().count();
    let first = t.chars().next().unwrap_or(' ');
    (2..=30).contains(&words)
        && t.len() <= 250
        && !t.ends_with(['.', ',', ';', ':'])
        && (first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(first, '"' | '“' | '‘' | '\''))
        && !t.contains("://")
}

/// The first ATX heading (`# Title`) of a Markdown text.
fn markdown_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().trim_end_matches('#').trim().to_string())
        .filter(|t| !t.is_empty())
}

/// An HTML title without a " | Site name" part: the part that appears as a line of
/// the text, else the longest part.
fn clean_hint(hint: &str, text: &str) -> String {
    let hint = hint.trim();
    let parts: Vec<&str> = [" | ", " – ", " — ", " - ", " :: ", " · "]
        .iter()
        .find(|sep| hint.contains(*sep))
        .map(|sep| {
            hint.split(*sep)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default();
    if parts.len() < 2 || text.lines().any(|l| l.trim() == hint) {
        return hint.to_string();
    }
    if let Some(p) = parts.iter().find(|p| text.lines().any(|l| l.trim() == **p)) {
        return p.to_string();
    }
    parts
        .iter()
        .max_by_key(|p| p.len())
        .map_or_else(|| hint.to_string(), |p| p.to_string())
}

fn skip_ws(s: &str) -> usize {
    s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
            .len()
}

fn alpha_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_alphabetic).count()
}

fn digit_len(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

fn ordinal_len(s: &str) -> usize {
    let l = s.get(..2).map(str::to_ascii_lowercase);
    match l.as_deref() {
        Some("st" | "nd" | "rd" | "th") if !s[2..].starts_with(|c: char| c.is_alphanumeric()) => 2,
        _ => 0,
    }
}

/// A clock time after a date line: " 18:42 IST", " 9:00 a.m. EST", " 4:52 PM
/// GMT+6" to the end of the line, or up to a bracketed gloss. Returns its length.
fn time_suffix(s: &str) -> Option<usize> {
    let p = skip_ws(s);
    let r = &s[p..];
    let h = digit_len(r);
    if !(1..=2).contains(&h) || !r[h..].starts_with(':') || digit_len(&r[h + 1..]) != 2 {
        return None;
    }
    let mut q = h + 3;
    let rest = r[q..].split(['(', '[']).next().unwrap_or("").trim_end();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let ok = words.len() <= 2 && words.iter().all(|w| is_meridiem(w) || is_zone(w));
    if !ok {
        return None;
    }
    q += rest.len();
    Some(p + q)
}

/// A clock time before a date on a date line: "4:52 PM GMT+6, " or "18:42 ".
/// Returns its length with the comma and spaces after it, or 0.
fn clock_prefix(s: &str) -> usize {
    let h = digit_len(s);
    if !(1..=2).contains(&h) || !s[h..].starts_with(':') || digit_len(&s[h + 1..]) != 2 {
        return 0;
    }
    let mut q = h + 3;
    for _ in 0..2 {
        let ws = skip_ws(&s[q..]);
        let w = s[q + ws..]
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("");
        if w.is_empty() || !(is_meridiem(w) || is_zone(w)) {
            break;
        }
        q += ws + w.len();
    }
    if s[q..].starts_with(',') {
        q += 1;
    }
    let ws = skip_ws(&s[q..]);
    if ws == 0 && q < s.len() {
        return 0;
    }
    q + ws
}

/// "am", "PM", "a.m.", "p.m.".
fn is_meridiem(w: &str) -> bool {
    matches!(w.to_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m.")
}

/// A time-zone abbreviation, with an optional UTC offset: "IST", "EST", "GMT+6",
/// "UTC+05:30".
fn is_zone(w: &str) -> bool {
    let letters = w.bytes().take_while(u8::is_ascii_uppercase).count();
    if !(1..=5).contains(&letters) {
        return false;
    }
    let off = &w[letters..];
    off.is_empty()
        || off.starts_with(['+', '-', '−'])
            && off[off.chars().next().map_or(1, char::len_utf8)..]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':')
            && off.len() > 1
}

fn boundary_after(s: &str) -> bool {
    !s.starts_with(|c: char| c.is_alphanumeric())
}

/// A dateline separator at the start of `s` followed by whitespace or the end:
/// its length.
fn separator(s: &str) -> Option<usize> {
    let len = ["--", "–", "—", "―", "-", ":", "|"]
        .iter()
        .find(|sep| s.starts_with(**sep))?
        .len();
    let rest = &s[len..];
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then_some(len)
}

/// `(inner)` or `/inner/` at the start of `s`: the inner text and the total length.
fn bracketed(s: &str) -> Option<(&str, usize)> {
    let (open, close) = match s.chars().next()? {
        '(' => ('(', ')'),
        '/' => ('/', '/'),
        '[' => ('[', ']'),
        _ => return None,
    };
    let inner_start = open.len_utf8();
    let end = s[inner_start..].find(close)? + inner_start;
    let inner = &s[inner_start..end];
    if inner.is_empty() || inner.len() > 80 || inner.contains('\n') {
        return None;
    }
    Some((inner.trim(), end + close.len_utf8()))
}

/// "Miami, Florida", "Kano, Kano State, Nigeria": two or three comma-separated
/// parts of one to three words each.
fn is_city_region(place: &str) -> bool {
    let parts = place.split(", ").count();
    (2..=3).contains(&parts)
        && place
            .split(", ")
            .all(|p| (1..=3).contains(&p.split_whitespace().count()))
}

/// One to `max` words, each capitalized (or, with `digits`, a number): a place
/// ("Winnipeg", "Nova Scotia") or a short name ("Article 18 Partners").
fn capitalized_words(p: &str, max: usize, digits: bool) -> bool {
    (1..=max).contains(&p.split_whitespace().count())
        && p.split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || digits && c.is_ascii_digit()))
}

/// Whether `acronym` abbreviates `name`: the initials of the name's capitalized
/// words open it ("CSW" of "Christian Solidarity Worldwide", "IHRNGO" of "Iran
/// Human Rights").
fn abbreviates(acronym: &str, name: &str) -> bool {
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect();
    initials.chars().count() >= 2 && acronym.starts_with(&initials)
}

/// An organization name in a dateline: capitalized, a few words.
fn looks_like_org(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=8).contains(&words) && s.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finder() -> DatelineFinder {
        DatelineFinder::new(&Patterns::embedded(), false).unwrap()
    }

    #[test]
    fn dates() {
        let f = finder();
        let d = |s: &str| f.parse_date(s).map(|(d, e)| (d.to_string(), e));
        assert_eq!(d("Dec. 18, 2020 /PR"), Some(("2020-12-18".into(), 13)));
        assert_eq!(d("December 18th, 2020"), Some(("2020-12-18".into(), 19)));
        assert_eq!(
            d("Tuesday, 5 January 2021:"),
            Some(("2021-01-05".into(), 23))
        );
        assert_eq!(d("12/18/2020 Wash"), Some(("2020-12-18".into(), 10)));
        assert_eq!(d("2020-12-18"), Some(("2020-12-18".into(), 10)));
        assert_eq!(d("18 Dec 2020"), Some(("2020-12-18".into(), 11)));
        assert_eq!(d("Feb 30, 2020"), None);
        assert_eq!(d("Decoy 18, 2020"), None);
        assert_eq!(d("12/18/20201"), None);
    }

    #[test]
    fn bad_month_number_is_reported() {
        let mut p = Patterns::embedded();
        p.insert(MONTHS, "jan\t1\nfoo\t13\n");
        let e = DatelineFinder::new(&p, false).err().unwrap().to_string();
        assert!(e.contains("months.tsv:2"), "{e}");
    }

    #[test]
    fn hint_cleaning() {
        assert_eq!(
            clean_hint("Pastor Freed | Site", "x\nPastor Freed\n"),
            "Pastor Freed"
        );
        assert_eq!(
            clean_hint("Site - A longer headline here", "body"),
            "A longer headline here"
        );
        assert_eq!(clean_hint("Plain title", "body"), "Plain title");
    }
}
