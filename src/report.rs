//! `prex report`: one self-contained HTML page over a whole run. Records are folded
//! into counts one at a time ([`Report::add`]), so the page's size depends on the
//! number of distinct names, not on the number of documents; no document text is
//! inlined. Charts are inline SVG ([`crate::svg`]).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::BufRead;

use anyhow::{Context, Result};

use crate::record::Record;
use crate::show::{escape, escape_into};
use crate::svg;

const CSS: &str = include_str!("assets/report.css");

/// Mentions of one name (or speaker) and the documents it occurs in.
#[derive(Debug, Default, Clone)]
struct Stat {
    count: u64,
    /// Document indexes, ascending, without repeats.
    docs: Vec<u32>,
}

impl Stat {
    fn add(&mut self, doc: u32) {
        self.count += 1;
        if self.docs.last() != Some(&doc) {
            self.docs.push(doc);
        }
    }
}

/// Aggregates over a run.
#[derive(Debug, Default)]
pub struct Report {
    ids: Vec<String>,
    chars: u64,
    sentences: u64,
    /// entities, dates, quotations, penalties: total and documents with at least one.
    fields: [(u64, u64); 4],
    formats: BTreeMap<String, u64>,
    warnings: HashMap<String, u64>,
    docs_with_warnings: u64,
    entities: HashMap<(String, String), Stat>,
    labels: BTreeMap<String, u64>,
    date_types: BTreeMap<String, u64>,
    penalties: BTreeMap<(String, String), u64>,
    pen_country: HashMap<String, u64>,
    /// Imprisonment terms in months (exact or max), for a histogram.
    prison_months: Vec<f64>,
    life: u64,
    fines: BTreeMap<String, (u64, f64)>,
    /// Release dates by (year, month).
    dct: BTreeMap<(i32, u32), u64>,
    no_dct: u64,
    /// Dated events by (year, month or 0 when only the year is known).
    events: BTreeMap<(i32, u32), u64>,
    speakers: HashMap<String, Stat>,
    no_speaker: u64,
    cues: HashMap<String, u64>,
    /// (penalties, quotations) per document.
    per_doc: Vec<(u32, u32)>,
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD...` → (year, month or 0).
fn year_month(v: &str) -> Option<(i32, u32)> {
    let b = v.as_bytes();
    if b.len() < 4
        || !b[..4].iter().all(u8::is_ascii_digit)
        || b.get(4).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = v[..4].parse().ok()?;
    let month = if b.len() >= 7 && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit() {
        v[5..7]
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .unwrap_or(0)
    } else {
        0
    };
    Some((year, month))
}

/// ISO 8601 duration (`P3Y`, `P57M`, `P1Y6M`, `P15D`) → months, when it has a number.
fn months_of(d: &str) -> Option<f64> {
    let rest = d.strip_prefix('P')?;
    let (date, _) = rest.split_once('T').unwrap_or((rest, ""));
    let mut total = 0.0;
    let mut num = String::new();
    let mut any = false;
    for c in date.chars() {
        if c.is_ascii_digit() || c == '.' {
            num.push(c);
            continue;
        }
        let n: f64 = num.parse().ok()?;
        num.clear();
        total += match c {
            'Y' => n * 12.0,
            'M' => n,
            'W' => n * 7.0 / 30.44,
            'D' => n / 30.44,
            _ => return None,
        };
        any = true;
    }
    any.then_some(total)
}

impl Report {
    pub fn new() -> Report {
        Report::default()
    }

    /// Number of documents added.
    pub fn documents(&self) -> usize {
        self.ids.len()
    }

    /// Folds one record in.
    pub fn add(&mut self, r: &Record) {
        let d = self.ids.len() as u32;
        self.ids.push(r.id.to_string());
        self.chars += r.source.chars as u64;
        self.sentences += r.sentences.len() as u64;
        for (i, n) in [
            r.entities.len(),
            r.dates.len(),
            r.quotations.len(),
            r.penalties.len(),
        ]
        .into_iter()
        .enumerate()
        {
            self.fields[i].0 += n as u64;
            self.fields[i].1 += (n > 0) as u64;
        }
        *self.formats.entry(r.source.format.to_string()).or_default() += 1;
        if !r.warnings.is_empty() {
            self.docs_with_warnings += 1;
        }
        for w in &r.warnings {
            *self.warnings.entry(w.to_string()).or_default() += 1;
        }
        let mut doc_countries: HashMap<&str, u32> = HashMap::new();
        for e in &r.entities {
            let name = if e.canonical.is_empty() {
                &e.text
            } else {
                &e.canonical
            };
            self.entities
                .entry((e.label.to_string(), name.to_string()))
                .or_default()
                .add(d);
            *self.labels.entry(e.label.to_string()).or_default() += 1;
            if let Some(c) = &e.country {
                *doc_countries.entry(c).or_default() += 1;
            }
        }
        // The document's country: its most mentioned one (ties: alphabetical).
        let doc_country = doc_countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| *c);
        for x in &r.dates {
            *self.date_types.entry(x.kind.to_string()).or_default() += 1;
            if x.kind == "DATE" {
                if let Some(ym) = year_month(&x.value) {
                    *self.events.entry(ym).or_default() += 1;
                }
            }
        }
        match r.dct.as_deref().and_then(year_month) {
            Some(ym) => *self.dct.entry(ym).or_default() += 1,
            None => self.no_dct += 1,
        }
        for q in &r.quotations {
            match &q.speaker {
                Some(s) => {
                    let name = s.canonical.as_deref().unwrap_or(&s.text);
                    self.speakers.entry(name.to_string()).or_default().add(d);
                }
                None => self.no_speaker += 1,
            }
            if let Some(c) = &q.cue {
                *self.cues.entry(c.text.to_lowercase()).or_default() += 1;
            }
        }
        for p in &r.penalties {
            *self
                .penalties
                .entry((p.kind.to_string(), p.status.to_string()))
                .or_default() += 1;
            // The penalty's country: the nearest place with a known country in its
            // sentence, else the document's.
            let near = r
                .entities
                .iter()
                .filter(|e| e.sentence == p.sentence && e.country.is_some())
                .min_by_key(|e| e.start.abs_diff(p.start))
                .and_then(|e| e.country.as_deref());
            let country = near.or(doc_country).unwrap_or("unknown");
            *self.pen_country.entry(country.to_string()).or_default() += 1;
            if p.kind == "imprisonment" {
                if p.life {
                    self.life += 1;
                } else if let Some(m) = p.duration.as_deref().and_then(months_of) {
                    self.prison_months.push(m);
                }
            }
            if let Some(a) = &p.amount {
                let e = self.fines.entry(a.currency.to_string()).or_default();
                e.0 += 1;
                e.1 += a.value.as_f64().unwrap_or(0.0);
            }
        }
        self.per_doc
            .push((r.penalties.len() as u32, r.quotations.len() as u32));
    }

    /// Reads JSON Lines records from `reader` (named `name` in errors) one at a time.
    pub fn add_jsonl<R: BufRead>(&mut self, reader: R, name: &str) -> Result<()> {
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("reading {name}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let r: Record = serde_json::from_str(&line)
                .with_context(|| format!("{name}:{}: not a prex.v1 record", i + 1))?;
            self.add(&r);
        }
        Ok(())
    }

    fn docs_cell(&self, o: &mut String, docs: &[u32]) {
        const SHOWN: usize = 2;
        const LISTED: usize = 100;
        for (i, &d) in docs.iter().take(SHOWN).enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            o.push_str("<code>");
            escape_into(o, &self.ids[d as usize]);
            o.push_str("</code>");
        }
        if docs.len() > SHOWN {
            let _ = write!(
                o,
                " <details><summary>and {} more</summary>",
                docs.len() - SHOWN
            );
            for &d in docs.iter().skip(SHOWN).take(LISTED) {
                o.push_str("<code>");
                escape_into(o, &self.ids[d as usize]);
                o.push_str("</code> ");
            }
            if docs.len() > SHOWN + LISTED {
                let _ = write!(o, "… ({} not listed)", docs.len() - SHOWN - LISTED);
            }
            o.push_str("</details>");
        }
    }

    fn stat_table(&self, o: &mut String, rows: &[(&String, &Stat)], what: &str) {
        let _ = write!(
            o,
            "<table><thead><tr><th>{what}</th><th class=\"n\">mentions</th>\
             <th class=\"n\">docs</th><th>documents</th></tr></thead><tbody>"
        );
        for (name, s) in rows {
            o.push_str("<tr><td>");
            escape_into(o, name);
            let _ = write!(
                o,
                "</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"docs\">",
                s.count,
                s.docs.len()
            );
            self.docs_cell(o, &s.docs);
            o.push_str("</td></tr>");
        }
        o.push_str("</tbody></table>");
    }

    /// The report page.
    pub fn render(&self, title: &str, top: usize) -> String {
        let mut o = String::with_capacity(64 * 1024);
        o.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        o.push_str("<meta name=\"generator\" content=\"prex report\"><title>");
        escape_into(&mut o, title);
        o.push_str("</title><style>\n");
        o.push_str(CSS);
        o.push_str("</style></head><body><header><h1>");
        escape_into(&mut o, title);
        o.push_str("</h1><nav>");
        for (a, t) in [
            ("fields", "Extractions"),
            ("entities", "Entities"),
            ("penalties", "Penalties"),
            ("timeline", "Timeline"),
            ("quotations", "Quotations"),
            ("documents", "Documents"),
        ] {
            let _ = write!(o, "<a href=\"#{a}\">{t}</a>");
        }
        o.push_str("</nav></header><main>");
        self.summary(&mut o);
        self.fields_section(&mut o);
        self.entities_section(&mut o, top);
        self.penalties_section(&mut o, top);
        self.timeline_section(&mut o);
        self.quotations_section(&mut o, top);
        self.documents_section(&mut o, top);
        o.push_str("</main></body></html>\n");
        o
    }

    fn summary(&self, o: &mut String) {
        let n = self.ids.len() as u64;
        o.push_str("<section class=\"tiles\">");
        let fmts: Vec<String> = self
            .formats
            .iter()
            .map(|(f, c)| format!("{c} {f}"))
            .collect();
        let tiles = [
            ("documents", n, escape(&fmts.join(", "))),
            (
                "sentences",
                self.sentences,
                format!("{:.1} MB of text", self.chars as f64 / 1e6),
            ),
            ("entities", self.fields[0].0, String::new()),
            ("dates", self.fields[1].0, String::new()),
            ("quotations", self.fields[2].0, String::new()),
            ("penalties", self.fields[3].0, String::new()),
            (
                "warnings",
                self.warnings.values().sum(),
                format!("in {} documents", self.docs_with_warnings),
            ),
        ];
        for (name, v, sub) in tiles {
            let _ = write!(
                o,
                "<div class=\"tile\"><b>{v}</b><span>{name}</span><small>{sub}</small></div>"
            );
        }
        o.push_str("</section>");
    }

    fn fields_section(&self, o: &mut String) {
        let n = self.ids.len().max(1) as f64;
        o.push_str(
            "<section id=\"fields\"><h2>Extractions per field</h2><div class=\"row\"><table>\
             <thead><tr><th>field</th><th class=\"n\">total</th><th class=\"n\">per document</th>\
             <th class=\"n\">documents with one or more</th></tr></thead><tbody>",
        );
        let names = ["entities", "dates", "quotations", "penalties"];
        let _ = write!(
            o,
            "<tr><td>sentences</td><td class=\"n\">{}</td><td class=\"n\">{:.1}</td><td class=\"n\"></td></tr>",
            self.sentences,
            self.sentences as f64 / n
        );
        for (name, (total, docs)) in names.iter().zip(self.fields) {
            let _ = write!(
                o,
                "<tr><td>{name}</td><td class=\"n\">{total}</td><td class=\"n\">{:.2}</td>\
                 <td class=\"n\">{docs} ({:.0}%)</td></tr>",
                total as f64 / n,
                docs as f64 / n * 100.0
            );
        }
        o.push_str("</tbody></table>");
        let rows: Vec<(String, u64)> = names
            .iter()
            .zip(self.fields)
            .map(|(n, (t, _))| (n.to_string(), t))
            .collect();
        o.push_str(&svg::hbar(&rows, "#546e7a"));
        o.push_str("</div>");
        if !self.date_types.is_empty() {
            o.push_str("<p class=\"note\">Dates by TIMEX3 type: ");
            let parts: Vec<String> = self
                .date_types
                .iter()
                .map(|(k, v)| format!("{} {v}", escape(k)))
                .collect();
            o.push_str(&parts.join(" · "));
            o.push_str("</p>");
        }
        o.push_str("</section>");
    }

    fn entities_section(&self, o: &mut String, top: usize) {
        o.push_str("<section id=\"entities\"><h2>Entities</h2>");
        if self.labels.is_empty() {
            o.push_str("<p class=\"note\">No entities in these records.</p></section>");
            return;
        }
        let mut rows: Vec<(String, u64)> =
            self.labels.iter().map(|(k, v)| (k.clone(), *v)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        o.push_str(&svg::hbar(&rows, "#5e35b1"));
        o.push_str("<div class=\"grid\">");
        let mut by_label: BTreeMap<&str, Vec<(&String, &Stat)>> = BTreeMap::new();
        for ((label, name), s) in &self.entities {
            by_label.entry(label).or_default().push((name, s));
        }
        for (label, mut rows) in by_label {
            rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
            let distinct = rows.len();
            rows.truncate(top);
            o.push_str("<div><h3>");
            escape_into(o, label);
            let _ = write!(
                o,
                " <small>{distinct} distinct, top {}</small></h3>",
                rows.len()
            );
            self.stat_table(o, &rows, "canonical name");
            o.push_str("</div>");
        }
        o.push_str("</div></section>");
    }

    fn penalties_section(&self, o: &mut String, top: usize) {
        o.push_str("<section id=\"penalties\"><h2>Penalties</h2>");
        if self.penalties.is_empty() {
            o.push_str("<p class=\"note\">No penalties in these records.</p></section>");
            return;
        }
        const STATUSES: &[&str] = &["imposed", "upheld", "overturned", "potential", "statutory"];
        let mut statuses: Vec<String> = STATUSES.iter().map(|s| s.to_string()).collect();
        for (_, st) in self.penalties.keys() {
            if !statuses.contains(st) {
                statuses.push(st.clone());
            }
        }
        statuses.retain(|s| self.penalties.keys().any(|(_, st)| st == s));
        let mut kinds: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
        for ((kind, st), n) in &self.penalties {
            let row = kinds.entry(kind).or_insert_with(|| vec![0; statuses.len()]);
            row[statuses.iter().position(|s| s == st).unwrap_or(0)] += n;
        }
        let mut rows: Vec<(String, Vec<u64>)> = kinds
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        rows.sort_by(|a, b| {
            b.1.iter()
                .sum::<u64>()
                .cmp(&a.1.iter().sum())
                .then(a.0.cmp(&b.0))
        });
        let colors = ["#b71c1c", "#e65100", "#78909c", "#f9a825", "#1565c0"];
        let series: Vec<(&str, &str)> = statuses
            .iter()
            .enumerate()
            .map(|(i, s)| (s.as_str(), colors.get(i).copied().unwrap_or("")))
            .collect();
        o.push_str("<h3>By kind and status</h3><div class=\"row\">");
        o.push_str(&svg::stacked_hbar(&rows, &series));
        o.push_str("<table><thead><tr><th>kind</th>");
        for s in &statuses {
            o.push_str("<th class=\"n\">");
            escape_into(o, s);
            o.push_str("</th>");
        }
        o.push_str("<th class=\"n\">all</th></tr></thead><tbody>");
        for (k, v) in &rows {
            o.push_str("<tr><td>");
            escape_into(o, k);
            o.push_str("</td>");
            for n in v {
                let _ = write!(
                    o,
                    "<td class=\"n\">{}</td>",
                    if *n == 0 {
                        String::new()
                    } else {
                        n.to_string()
                    }
                );
            }
            let _ = write!(
                o,
                "<td class=\"n\"><b>{}</b></td></tr>",
                v.iter().sum::<u64>()
            );
        }
        o.push_str("</tbody></table></div>");

        let mut countries: Vec<(String, u64)> = self
            .pen_country
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        countries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        countries.truncate(top);
        o.push_str("<h3>By country</h3>");
        o.push_str(&svg::hbar(&countries, "#00838f"));
        o.push_str(
            "<p class=\"note\">A penalty's country is that of the nearest place with a known \
             country (ISO 3166-1) in its sentence, else the document's most mentioned one.</p>",
        );

        if !self.prison_months.is_empty() || self.life > 0 {
            let bins: [(&str, f64); 8] = [
                ("< 1 year", 12.0),
                ("1–2 years", 24.0),
                ("2–5 years", 60.0),
                ("5–10 years", 120.0),
                ("10–20 years", 240.0),
                ("20–30 years", 360.0),
                ("30+ years", f64::INFINITY),
                ("life", f64::NAN),
            ];
            let mut counts = vec![0u64; bins.len()];
            for m in &self.prison_months {
                let i = bins.iter().position(|b| *m < b.1).unwrap_or(6);
                counts[i] += 1;
            }
            counts[7] = self.life;
            let rows: Vec<(String, u64)> = bins
                .iter()
                .zip(counts)
                .map(|(b, c)| (b.0.to_string(), c))
                .collect();
            let mut sorted = self.prison_months.clone();
            sorted.sort_by(f64::total_cmp);
            let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
            let _ = write!(
                o,
                "<h3>Prison terms <small>{} with a duration, median {:.1} years, {} life</small></h3>",
                sorted.len(),
                median / 12.0,
                self.life
            );
            o.push_str(&svg::hbar(&rows, "#b71c1c"));
        }
        if !self.fines.is_empty() {
            o.push_str(
                "<h3>Money amounts</h3><table><thead><tr><th>currency</th>\
                        <th class=\"n\">penalties</th><th class=\"n\">sum</th></tr></thead><tbody>",
            );
            for (cur, (n, sum)) in &self.fines {
                o.push_str("<tr><td>");
                escape_into(o, cur);
                let _ = write!(
                    o,
                    "</td><td class=\"n\">{n}</td><td class=\"n\">{}</td></tr>",
                    thousands(*sum)
                );
            }
            o.push_str("</tbody></table>");
        }
        o.push_str("</section>");
    }

    fn timeline_section(&self, o: &mut String) {
        o.push_str("<section id=\"timeline\"><h2>Timeline</h2><h3>Release dates (dct)</h3>");
        match buckets(&self.dct) {
            Some((b, note)) => {
                o.push_str(&svg::columns(&b, "#1565c0"));
                let _ = write!(
                    o,
                    "<p class=\"note\">{note}{} documents without a dct.</p>",
                    self.no_dct
                );
            }
            None => o.push_str("<p class=\"note\">No document has a dct.</p>"),
        }
        o.push_str("<h3>Dated events (DATE values in the text)</h3>");
        match buckets(&self.events) {
            Some((b, note)) => {
                o.push_str(&svg::columns(&b, "#2e7d32"));
                let _ = write!(o, "<p class=\"note\">{note}</p>");
            }
            None => o.push_str("<p class=\"note\">No DATE with a year.</p>"),
        }
        // Events are often spread over decades; zoom on the months the releases span.
        if let (Some(a), Some(b)) = (
            self.dct.keys().find(|k| k.1 > 0),
            self.dct.keys().rev().find(|k| k.1 > 0),
        ) {
            let (from, to) = (*a, *b);
            let zoom: BTreeMap<(i32, u32), u64> = self
                .events
                .range(from..=to)
                .filter(|(k, _)| k.1 > 0)
                .map(|(k, v)| (*k, *v))
                .collect();
            let spread = self.events.keys().next().map(|k| k.0) < Some(from.0)
                || self.events.keys().next_back().map(|k| k.0) > Some(to.0);
            if spread && to.0 - from.0 < 6 && !zoom.is_empty() {
                let mut zoom = zoom;
                zoom.entry(from).or_insert(0);
                zoom.entry(to).or_insert(0);
                if let Some((b, _)) = buckets(&zoom) {
                    let n: u64 = b.iter().map(|x| x.1).sum();
                    let _ = write!(
                        o,
                        "<h3>Dated events in the months of the releases <small>{n} dates with a month</small></h3>"
                    );
                    o.push_str(&svg::columns(&b, "#2e7d32"));
                }
            }
        }
        o.push_str("</section>");
    }

    fn quotations_section(&self, o: &mut String, top: usize) {
        o.push_str("<section id=\"quotations\"><h2>Quotations per speaker</h2>");
        let total = self.fields[2].0;
        if total == 0 {
            o.push_str("<p class=\"note\">No quotations in these records.</p></section>");
            return;
        }
        let mut rows: Vec<(&String, &Stat)> = self.speakers.iter().collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
        let distinct = rows.len();
        rows.truncate(top);
        let bars: Vec<(String, u64)> = rows.iter().map(|(n, s)| ((*n).clone(), s.count)).collect();
        o.push_str(&svg::hbar(&bars, "#a68a00"));
        let _ = write!(
            o,
            "<p class=\"note\">{total} quotations, {distinct} distinct speakers (by canonical \
             name); {} ({:.0}%) without a speaker.</p>",
            self.no_speaker,
            self.no_speaker as f64 / total as f64 * 100.0
        );
        self.stat_table(o, &rows, "speaker");
        let mut cues: Vec<(&String, &u64)> = self.cues.iter().collect();
        cues.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        cues.truncate(top);
        if !cues.is_empty() {
            o.push_str("<h3>Cues</h3><p class=\"cues\">");
            for (c, n) in cues {
                o.push_str("<span>");
                escape_into(o, c);
                let _ = write!(o, " <b>{n}</b></span> ");
            }
            o.push_str("</p>");
        }
        o.push_str("</section>");
    }

    fn documents_section(&self, o: &mut String, top: usize) {
        o.push_str("<section id=\"documents\"><h2>Documents</h2><div class=\"row\">");
        for (title, col) in [("Most penalties", 0usize), ("Most quotations", 1)] {
            let mut idx: Vec<usize> = (0..self.per_doc.len())
                .filter(|&i| {
                    if col == 0 {
                        self.per_doc[i].0 > 0
                    } else {
                        self.per_doc[i].1 > 0
                    }
                })
                .collect();
            let key = |i: &usize| {
                if col == 0 {
                    self.per_doc[*i].0
                } else {
                    self.per_doc[*i].1
                }
            };
            idx.sort_by(|a, b| key(b).cmp(&key(a)).then(a.cmp(b)));
            idx.truncate(top);
            let _ = write!(o, "<div><h3>{title}</h3><table><tbody>");
            for i in idx {
                o.push_str("<tr><td><code>");
                escape_into(o, &self.ids[i]);
                let _ = write!(o, "</code></td><td class=\"n\">{}</td></tr>", key(&i));
            }
            o.push_str("</tbody></table></div>");
        }
        o.push_str("</div>");
        if !self.warnings.is_empty() {
            let mut w: Vec<(&String, &u64)> = self.warnings.iter().collect();
            w.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            w.truncate(top);
            o.push_str("<h3>Warnings</h3><table><tbody>");
            for (msg, n) in w {
                o.push_str("<tr><td>");
                escape_into(o, msg);
                let _ = write!(o, "</td><td class=\"n\">{n}</td></tr>");
            }
            o.push_str("</tbody></table>");
        }
        o.push_str(
            "<p class=\"note\">Look at single documents with <code>prex show</code>.</p></section>",
        );
    }
}

fn thousands(v: f64) -> String {
    let s = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0.0 {
        out.insert(0, '-');
    }
    out
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Continuous buckets for a timeline: by month when the range is at most six years,
/// else by year, else (over 80 years) by decade. Also a note on what was left out.
fn buckets(counts: &BTreeMap<(i32, u32), u64>) -> Option<(Vec<(String, u64)>, String)> {
    let first = counts.keys().next()?.0;
    let last = counts.keys().next_back()?.0;
    let mut note = String::new();
    if last - first < 6 {
        let year_only: u64 = counts
            .iter()
            .filter(|(k, _)| k.1 == 0)
            .map(|(_, v)| v)
            .sum();
        let months: Vec<&(i32, u32)> = counts.keys().filter(|k| k.1 > 0).collect();
        if let (Some(a), Some(b)) = (months.first(), months.last()) {
            let mut out = Vec::new();
            let (mut y, mut m) = (a.0, a.1);
            while (y, m) <= (b.0, b.1) {
                let label = format!("{} {y}", MONTHS[m as usize - 1]);
                out.push((label, counts.get(&(y, m)).copied().unwrap_or(0)));
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
            if year_only > 0 {
                note = format!("By month; {year_only} year-only values not shown. ");
            } else {
                note = "By month. ".into();
            }
            return Some((out, note));
        }
    }
    let step = if last - first > 80 { 10 } else { 1 };
    let start = first - first.rem_euclid(step);
    let mut out = Vec::new();
    let mut y = start;
    while y <= last {
        let n: u64 = counts.range((y, 0)..(y + step, 0)).map(|(_, v)| v).sum();
        let label = if step == 1 {
            y.to_string()
        } else {
            format!("{y}s")
        };
        out.push((label, n));
        y += step;
    }
    note.push_str(if step == 1 {
        "By year. "
    } else {
        "By decade. "
    });
    Some((out, note))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_named() {
        let mut r = Report::new();
        let input = "\n{\"schema\": \"prex.v1\"}\n";
        let e = r.add_jsonl(input.as_bytes(), "run.jsonl").unwrap_err();
        assert!(format!("{e:#}").starts_with("run.jsonl:2: not a prex.v1 record"));
        assert_eq!(r.documents(), 0);
    }

    #[test]
    fn durations_become_months() {
        assert_eq!(months_of("P3Y"), Some(36.0));
        assert_eq!(months_of("P1Y6M"), Some(18.0));
        assert_eq!(months_of("P57M"), Some(57.0));
        assert_eq!(months_of("PXY"), None);
        assert_eq!(months_of("3Y"), None);
    }

    #[test]
    fn year_month_reads_timex_values() {
        assert_eq!(year_month("2020-12-18"), Some((2020, 12)));
        assert_eq!(year_month("2020-11"), Some((2020, 11)));
        assert_eq!(year_month("1995"), Some((1995, 0)));
        assert_eq!(year_month("2020-W51"), Some((2020, 0)));
        assert_eq!(year_month("XXXX-12-25"), None);
        assert_eq!(year_month("PAST_REF"), None);
        assert_eq!(year_month("20201"), None);
    }

    #[test]
    fn buckets_fill_gaps() {
        let mut c = BTreeMap::new();
        c.insert((2020, 11), 2);
        c.insert((2021, 2), 1);
        let (b, _) = buckets(&c).unwrap();
        let labels: Vec<&str> = b.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(labels, ["Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021"]);
        c.insert((1990, 0), 1);
        let (b, note) = buckets(&c).unwrap();
        assert_eq!(b.len(), 32);
        assert!(note.starts_with("By year"));
        assert_eq!(thousands(1234567.0), "1,234,567");
    }
}
