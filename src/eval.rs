//! `prex eval`: scores records against hand-made gold annotations.
//!
//! Gold is a directory of JSON files, one per document, holding the document's `id`
//! and any of the record fields of `prex.v1` (`sentences`, `entities`, `dates`,
//! `quotations`, `penalties`, `dateline`, `title`, `dct`) in the same shapes, with code
//! point offsets. A field absent from a gold file is not scored for that document.
//! See `docs/gold.md`.
//!
//! Matching is one-to-one and greedy: exact span matches first, then the largest
//! overlap. Scores per field and per label: precision, recall and F1 under exact
//! and overlap matching, plus the attribute accuracies of each field on matched
//! pairs (TempEval-3 type/value accuracy for dates; speaker and cue accuracy for
//! quotations; duration, amount, status, bound and subject accuracy for penalties).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use serde::Serialize;
use serde_json::Value;

use crate::record::Record;

pub const FIELDS: [&str; 6] = [
    "sentences",
    "entities",
    "dates",
    "quotations",
    "penalties",
    "dateline",
];

const ENTITY_LABELS: [&str; 6] = ["PERSON", "ORG", "GPE", "LOC", "NORP", "LAW"];
const TIMEX_TYPES: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];
const PENALTY_KINDS: [&str; 14] = [
    "imprisonment",
    "death",
    "fine",
    "restitution",
    "forfeiture",
    "detention",
    "forced_labor",
    "corporal",
    "probation",
    "supervised_release",
    "house_arrest",
    "community_service",
    "deportation",
    "other",
];

/// One annotation reduced to what scoring needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    /// Label, TIMEX3 type or penalty kind ("" for sentences and quotations).
    pub label: String,
    pub text: String,
    pub rule: String,
    /// Attributes compared on matched pairs.
    pub attrs: BTreeMap<&'static str, Value>,
}

impl Item {
    fn overlap(&self, o: &Item) -> usize {
        self.end.min(o.end).saturating_sub(self.start.max(o.start))
    }
    fn len(&self) -> usize {
        self.end - self.start
    }
}

/// One gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub id: String,
    pub file: PathBuf,
    pub fields: BTreeMap<&'static str, Vec<Item>>,
}

fn span_of(v: &Value, ctx: &str) -> Result<(usize, usize)> {
    let get = |k: &str| {
        v.get(k)
            .and_then(Value::as_u64)
            .map(|x| x as usize)
            .ok_or_else(|| anyhow!("{ctx}: `{k}` must be a non-negative integer"))
    };
    let (s, e) = (get("start")?, get("end")?);
    if s > e {
        bail!("{ctx}: start {s} > end {e}");
    }
    Ok((s, e))
}

fn str_of(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

/// A span attribute (speaker, cue, subject...) as `[start, end]` or null.
fn span_attr(v: &Value, k: &str, ctx: &str) -> Result<Value> {
    match v.get(k) {
        None | Some(Value::Null) => Ok(Value::Null),
        Some(o) => {
            let (s, e) = span_of(o, &format!("{ctx}.{k}"))?;
            let mut m = serde_json::Map::new();
            m.insert("start".into(), s.into());
            m.insert("end".into(), e.into());
            m.insert("text".into(), o.get("text").cloned().unwrap_or(Value::Null));
            if let Some(c) = o.get("canonical") {
                m.insert("canonical".into(), c.clone());
            }
            Ok(Value::Object(m))
        }
    }
}

/// Converts one field of a record or gold file to items, validating it.
pub fn items_of(field: &str, v: &Value, ctx: &str) -> Result<Vec<Item>> {
    if field == "dateline" {
        if v.is_null() {
            return Ok(vec![]);
        }
        let (start, end) = span_of(v, ctx)?;
        let mut attrs = BTreeMap::new();
        for k in ["date", "place", "organization"] {
            attrs.insert(
                match k {
                    "date" => "date",
                    "place" => "place",
                    _ => "organization",
                },
                v.get(k).cloned().unwrap_or(Value::Null),
            );
        }
        return Ok(vec![Item {
            start,
            end,
            label: String::new(),
            text: str_of(v, "text"),
            rule: String::new(),
            attrs,
        }]);
    }
    let arr = v
        .as_array()
        .ok_or_else(|| anyhow!("{ctx}: `{field}` must be an array"))?;
    let mut out = Vec::with_capacity(arr.len());
    for (i, x) in arr.iter().enumerate() {
        let ctx = format!("{ctx}: {field}[{i}]");
        let mut attrs = BTreeMap::new();
        let (start, end, label) = match field {
            "sentences" => {
                let (s, e) = span_of(x, &ctx)?;
                (s, e, String::new())
            }
            "entities" => {
                let (s, e) = span_of(x, &ctx)?;
                let label = str_of(x, "label");
                if !ENTITY_LABELS.contains(&label.as_str()) {
                    bail!("{ctx}: unknown label {label:?} (want one of {ENTITY_LABELS:?})");
                }
                attrs.insert(
                    "canonical",
                    x.get("canonical").cloned().unwrap_or(Value::Null),
                );
                attrs.insert("country", x.get("country").cloned().unwrap_or(Value::Null));
                (s, e, label)
            }
            "dates" => {
                let (s, e) = span_of(x, &ctx)?;
                let t = str_of(x, "type");
                if !TIMEX_TYPES.contains(&t.as_str()) {
                    bail!("{ctx}: unknown type {t:?} (want one of {TIMEX_TYPES:?})");
                }
                attrs.insert("type", Value::String(t.clone()));
                attrs.insert("value", x.get("value").cloned().unwrap_or(Value::Null));
                (s, e, t)
            }
            "quotations" => {
                let parts = x
                    .get("parts")
                    .and_then(Value::as_array)
                    .filter(|p| !p.is_empty())
                    .ok_or_else(|| anyhow!("{ctx}: `parts` must be a non-empty array"))?;
                let first = span_of(&parts[0], &format!("{ctx}.parts[0]"))?;
                let last = span_of(&parts[parts.len() - 1], &format!("{ctx}.parts[-1]"))?;
                attrs.insert("speaker", span_attr(x, "speaker", &ctx)?);
                attrs.insert("cue", span_attr(x, "cue", &ctx)?);
                (first.0, last.1, String::new())
            }
            "penalties" => {
                let (s, e) = span_of(x, &ctx)?;
                let kind = str_of(x, "kind");
                if !PENALTY_KINDS.contains(&kind.as_str()) {
                    bail!("{ctx}: unknown kind {kind:?}");
                }
                for k in ["duration", "status", "bound", "life"] {
                    attrs.insert(
                        match k {
                            "duration" => "duration",
                            "status" => "status",
                            "bound" => "bound",
                            _ => "life",
                        },
                        x.get(k).cloned().unwrap_or(Value::Null),
                    );
                }
                let amount = match x.get("amount") {
                    Some(a) if !a.is_null() => serde_json::json!({
                        "value": a.get("value").and_then(Value::as_f64),
                        "currency": a.get("currency"),
                    }),
                    _ => Value::Null,
                };
                attrs.insert("amount", amount);
                for k in ["subject", "offense", "law"] {
                    attrs.insert(
                        match k {
                            "subject" => "subject",
                            "offense" => "offense",
                            _ => "law",
                        },
                        span_attr(x, k, &ctx)?,
                    );
                }
                (s, e, kind)
            }
            _ => bail!("unknown field {field}"),
        };
        out.push(Item {
            start,
            end,
            label,
            text: str_of(x, "text"),
            rule: str_of(x, "rule"),
            attrs,
        });
    }
    Ok(out)
}

/// Loads every `*.json` file under `dir` as gold.
pub fn load_gold(dir: &Path) -> Result<Vec<GoldDoc>> {
    if !dir.is_dir() {
        bail!("gold directory {} does not exist", dir.display());
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("gold directory {} holds no .json files", dir.display());
    }
    let mut docs = Vec::with_capacity(files.len());
    let mut seen = HashMap::new();
    for f in files {
        let ctx = f.display().to_string();
        let text = std::fs::read_to_string(&f).with_context(|| format!("reading {ctx}"))?;
        let v: Value =
            serde_json::from_str(&text).with_context(|| format!("{ctx}: not valid JSON"))?;
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| anyhow!("{ctx}: no string `id`"))?
            .to_string();
        if let Some(prev) = seen.insert(id.clone(), ctx.clone()) {
            bail!("{ctx}: id {id:?} is also the id of {prev}");
        }
        let mut fields = BTreeMap::new();
        for field in FIELDS {
            if let Some(fv) = v.get(field) {
                fields.insert(field, items_of(field, fv, &ctx)?);
            }
        }
        docs.push(GoldDoc {
            id,
            file: f,
            fields,
        });
    }
    Ok(docs)
}

/// Precision/recall/F1 counts.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Prf {
    /// Precision; when nothing was predicted it is 1 only if nothing was to be found.
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 && self.fn_ > 0 {
            return 0.0;
        }
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        // Nothing to find and nothing found is perfect; keeps empty fields neutral.
        if a == 0 {
            1.0
        } else {
            0.0
        }
    } else {
        a as f64 / b as f64
    }
}

/// Accuracy counts of one attribute on matched pairs.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Acc {
    pub correct: usize,
    pub total: usize,
}

impl Acc {
    pub fn value(&self) -> f64 {
        ratio(self.correct, self.total)
    }
    fn shown(&self) -> String {
        if self.total == 0 {
            "  n/a".to_string()
        } else {
            pct(self.value())
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FieldScore {
    pub exact: Prf,
    pub overlap: Prf,
    pub by_label: BTreeMap<String, LabelScore>,
    pub attributes: BTreeMap<&'static str, Acc>,
    pub documents: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct LabelScore {
    pub exact: Prf,
    pub overlap: Prf,
}

/// A false positive or false negative, for `--details`.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub id: String,
    pub field: &'static str,
    /// "fp" or "fn".
    pub what: &'static str,
    pub label: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub rule: String,
    /// Under exact matching only (an overlap exists).
    pub partial: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub documents: usize,
    pub fields: BTreeMap<&'static str, FieldScore>,
    /// Gold documents without a record, and records without gold.
    pub unmatched_gold: Vec<String>,
    pub unscored_records: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Miss>,
}

/// Whether two items match under overlap rules of the field.
fn overlap_match(field: &str, g: &Item, p: &Item) -> bool {
    let ov = g.overlap(p);
    match field {
        // Content match: overlap of at least half of the longer span.
        "quotations" => ov * 2 >= g.len().max(p.len()) && ov > 0,
        "sentences" => false,
        _ => ov > 0 || (g.start == p.start && g.end == p.end),
    }
}

/// Greedy one-to-one matching; `label` requires equal labels.
fn match_items(
    field: &str,
    gold: &[Item],
    pred: &[Item],
    exact: bool,
    label: bool,
) -> Vec<(usize, usize)> {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    // Exact matches first, then the largest overlaps.
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = pred.iter().enumerate().position(|(pi, p)| {
            !used[pi] && p.start == g.start && p.end == g.end && (!label || p.label == g.label)
        }) {
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    if exact {
        return pairs;
    }
    let matched: Vec<bool> = {
        let mut m = vec![false; gold.len()];
        for &(gi, _) in &pairs {
            m[gi] = true;
        }
        m
    };
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if matched[gi] {
            continue;
        }
        for (pi, p) in pred.iter().enumerate() {
            if !used[pi] && (!label || p.label == g.label) && overlap_match(field, g, p) {
                cands.push((g.overlap(p), gi, pi));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gdone = matched;
    for (_, gi, pi) in cands {
        if !gdone[gi] && !used[pi] {
            gdone[gi] = true;
            used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs
}

fn prf_of(n_gold: usize, n_pred: usize, tp: usize) -> Prf {
    Prf {
        tp,
        fp: n_pred - tp,
        fn_: n_gold - tp,
    }
}

/// Whether two span attributes agree: both null, or overlapping spans.
fn span_attr_eq(g: &Value, p: &Value) -> bool {
    match (g.is_null(), p.is_null()) {
        (true, true) => true,
        (false, false) => {
            let s = |v: &Value, k: &str| v[k].as_u64().unwrap_or(0);
            let (gs, ge, ps, pe) = (s(g, "start"), s(g, "end"), s(p, "start"), s(p, "end"));
            ps < ge && gs < pe || (gs == ps && ge == pe)
        }
        _ => false,
    }
}

fn amount_eq(g: &Value, p: &Value) -> bool {
    match (g.is_null(), p.is_null()) {
        (true, true) => true,
        (false, false) => {
            let gv = g["value"].as_f64().unwrap_or(f64::NAN);
            let pv = p["value"].as_f64().unwrap_or(f64::NAN);
            (gv - pv).abs() < 1e-6 * gv.abs().max(1.0) && g["currency"] == p["currency"]
        }
        _ => false,
    }
}

/// Attribute comparisons of a field on matched pairs.
fn attributes(field: &str) -> &'static [&'static str] {
    match field {
        "entities" => &["canonical", "country"],
        "dates" => &["type", "value"],
        "quotations" => &["speaker", "speaker_canonical", "cue"],
        "penalties" => &[
            "duration", "amount", "status", "bound", "life", "subject", "offense", "law",
        ],
        "dateline" => &["date", "place", "organization"],
        _ => &[],
    }
}

fn attr_eq(attr: &str, g: &Item, p: &Item) -> Option<bool> {
    match attr {
        "speaker" | "cue" | "subject" | "offense" | "law" => {
            Some(span_attr_eq(&g.attrs[attr], &p.attrs[attr]))
        }
        "speaker_canonical" => {
            let gs = &g.attrs["speaker"];
            let gc = gs.get("canonical").filter(|c| !c.is_null())?;
            let pc = p.attrs["speaker"]
                .get("canonical")
                .cloned()
                .unwrap_or(Value::Null);
            Some(*gc == pc)
        }
        "amount" => Some(amount_eq(&g.attrs[attr], &p.attrs[attr])),
        "country" => {
            // Scored only where the gold names a country.
            let gc = g.attrs.get(attr).filter(|c| !c.is_null())?;
            Some(Some(gc) == p.attrs.get(attr))
        }
        _ => Some(g.attrs.get(attr) == p.attrs.get(attr)),
    }
}

/// Scores one field of one document into `fs`; misses go to `details`.
fn score_field(
    id: &str,
    field: &'static str,
    gold: &[Item],
    pred: &[Item],
    fs: &mut FieldScore,
    details: &mut Vec<Miss>,
) {
    fs.documents += 1;
    if field == "sentences" {
        // Boundary scoring: a boundary is the end offset of a sentence.
        let gb: Vec<usize> = gold.iter().map(|i| i.end).collect();
        let pb: Vec<usize> = pred.iter().map(|i| i.end).collect();
        let tp = gb.iter().filter(|b| pb.contains(b)).count();
        fs.overlap.add(prf_of(gb.len(), pb.len(), tp));
        let exact = match_items(field, gold, pred, true, false);
        fs.exact.add(prf_of(gold.len(), pred.len(), exact.len()));
        for (gi, g) in gold.iter().enumerate() {
            if !exact.iter().any(|&(x, _)| x == gi) {
                details.push(miss(
                    id,
                    field,
                    "fn",
                    g,
                    pred.iter().any(|p| p.overlap(g) > 0),
                ));
            }
        }
        for (pi, p) in pred.iter().enumerate() {
            if !exact.iter().any(|&(_, x)| x == pi) {
                details.push(miss(
                    id,
                    field,
                    "fp",
                    p,
                    gold.iter().any(|g| p.overlap(g) > 0),
                ));
            }
        }
        return;
    }
    let labelled = matches!(field, "entities" | "penalties");
    let exact = match_items(field, gold, pred, true, labelled);
    let overlap = match_items(field, gold, pred, false, labelled);
    fs.exact.add(prf_of(gold.len(), pred.len(), exact.len()));
    fs.overlap
        .add(prf_of(gold.len(), pred.len(), overlap.len()));

    let mut labels: Vec<&str> = gold.iter().chain(pred).map(|i| i.label.as_str()).collect();
    labels.sort();
    labels.dedup();
    for l in labels.into_iter().filter(|l| !l.is_empty()) {
        let count = |v: &[Item]| v.iter().filter(|i| i.label == l).count();
        let hits =
            |pairs: &[(usize, usize)]| pairs.iter().filter(|&&(gi, _)| gold[gi].label == l).count();
        let e = fs.by_label.entry(l.to_string()).or_default();
        if labelled {
            e.exact.add(prf_of(count(gold), count(pred), hits(&exact)));
            e.overlap
                .add(prf_of(count(gold), count(pred), hits(&overlap)));
        } else {
            // Unlabelled matching (dates): per gold type recall, per predicted type precision.
            let ph = |pairs: &[(usize, usize)]| {
                pairs.iter().filter(|&&(_, pi)| pred[pi].label == l).count()
            };
            e.exact.add(Prf {
                tp: hits(&exact),
                fp: count(pred) - ph(&exact),
                fn_: count(gold) - hits(&exact),
            });
            e.overlap.add(Prf {
                tp: hits(&overlap),
                fp: count(pred) - ph(&overlap),
                fn_: count(gold) - hits(&overlap),
            });
        }
    }
    for attr in attributes(field) {
        let acc = fs.attributes.entry(attr).or_default();
        for &(gi, pi) in &overlap {
            if let Some(ok) = attr_eq(attr, &gold[gi], &pred[pi]) {
                acc.total += 1;
                acc.correct += ok as usize;
            }
        }
    }
    for (gi, g) in gold.iter().enumerate() {
        if !exact.iter().any(|&(x, _)| x == gi) {
            let partial = overlap.iter().any(|&(x, _)| x == gi);
            details.push(miss(id, field, "fn", g, partial));
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if !exact.iter().any(|&(_, x)| x == pi) {
            let partial = overlap.iter().any(|&(_, x)| x == pi);
            details.push(miss(id, field, "fp", p, partial));
        }
    }
}

fn miss(id: &str, field: &'static str, what: &'static str, i: &Item, partial: bool) -> Miss {
    Miss {
        id: id.to_string(),
        field,
        what,
        label: i.label.clone(),
        start: i.start,
        end: i.end,
        text: i.text.clone(),
        rule: i.rule.clone(),
        partial,
    }
}

/// Converts a record's fields to items.
fn record_items(r: &Record, field: &str) -> Result<Vec<Item>> {
    let v = match field {
        "sentences" => serde_json::to_value(&r.sentences)?,
        "entities" => serde_json::to_value(&r.entities)?,
        "dates" => serde_json::to_value(&r.dates)?,
        "quotations" => serde_json::to_value(&r.quotations)?,
        "penalties" => serde_json::to_value(&r.penalties)?,
        "dateline" => serde_json::to_value(&r.dateline)?,
        _ => bail!("unknown field {field}"),
    };
    items_of(field, &v, &format!("record {}", r.id))
}

/// Scores `records` against `gold` for the given fields.
pub fn evaluate(gold: &[GoldDoc], records: &[Record], fields: &[&'static str]) -> Result<Report> {
    let by_id: HashMap<&str, &Record> = records.iter().map(|r| (&*r.id, r)).collect();
    let gold_ids: HashMap<&str, ()> = gold.iter().map(|g| (g.id.as_str(), ())).collect();
    let mut report = Report::default();
    let mut details = Vec::new();
    for g in gold {
        let Some(rec) = by_id.get(g.id.as_str()) else {
            report.unmatched_gold.push(g.id.clone());
            continue;
        };
        report.documents += 1;
        for &field in fields {
            let Some(gitems) = g.fields.get(field) else {
                continue;
            };
            let limit = rec.source.chars;
            if let Some((i, bad)) = gitems.iter().enumerate().find(|(_, it)| it.end > limit) {
                bail!(
                    "{}: {field}[{i}]: offset {} is past the end of the document ({limit} characters)",
                    g.file.display(),
                    bad.end
                );
            }
            let pitems = record_items(rec, field)?;
            let fs = report.fields.entry(field).or_default();
            score_field(&g.id, field, gitems, &pitems, fs, &mut details);
        }
    }
    for r in records {
        if !gold_ids.contains_key(&*r.id) {
            report.unscored_records.push(r.id.to_string());
        }
    }
    report.details = details;
    Ok(report)
}

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

impl Report {
    /// The readable table.
    pub fn table(&self, details: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "prex eval: {} documents scored", self.documents);
        let _ = writeln!(
            s,
            "{:<22} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>5} {:>5} {:>5}",
            "field / label", "P", "R", "F1", "P~", "R~", "F1~", "gold", "pred", "docs"
        );
        for (field, fs) in &self.fields {
            let row = |s: &mut String, name: &str, e: &Prf, o: &Prf, docs: String| {
                let _ = writeln!(
                    s,
                    "{:<22} {} {} {}   {} {} {}   {:>5} {:>5} {:>5}",
                    name,
                    pct(e.precision()),
                    pct(e.recall()),
                    pct(e.f1()),
                    pct(o.precision()),
                    pct(o.recall()),
                    pct(o.f1()),
                    e.tp + e.fn_,
                    e.tp + e.fp,
                    docs
                );
            };
            row(
                &mut s,
                field,
                &fs.exact,
                &fs.overlap,
                fs.documents.to_string(),
            );
            for (l, ls) in &fs.by_label {
                row(
                    &mut s,
                    &format!("  {l}"),
                    &ls.exact,
                    &ls.overlap,
                    String::new(),
                );
            }
            for (a, acc) in &fs.attributes {
                let _ = writeln!(
                    s,
                    "  {:<20} accuracy {} ({}/{})",
                    a,
                    acc.shown(),
                    acc.correct,
                    acc.total
                );
            }
            if *field == "dates" {
                let o = &fs.overlap;
                let va = fs.attributes.get("value").copied().unwrap_or_default();
                let _ = writeln!(s, "  {:<20} {}", "value F1", pct(o.f1() * va.value()));
            }
        }
        let _ = writeln!(
            s,
            "P/R/F1: exact span (and label); P~/R~/F1~: overlap (quotations: half of the longer span; sentences: boundaries)"
        );
        for id in &self.unmatched_gold {
            let _ = writeln!(s, "warning: gold document {id} has no record (not scored)");
        }
        for id in &self.unscored_records {
            let _ = writeln!(s, "warning: record {id} has no gold (not scored)");
        }
        if details {
            for m in &self.details {
                let _ = writeln!(
                    s,
                    "{}\t{}\t{}{}\t{}\t{}..{}\t{:?}\t{}",
                    m.id,
                    m.field,
                    m.what,
                    if m.partial { "~" } else { "" },
                    m.label,
                    m.start,
                    m.end,
                    m.text,
                    m.rule
                );
            }
        }
        s
    }

    /// The report as one JSON object (F1 values included).
    pub fn to_json(&self, details: bool) -> Value {
        let mut fields = serde_json::Map::new();
        for (f, fs) in &self.fields {
            let prf = |p: &Prf| {
                serde_json::json!({"precision": p.precision(), "recall": p.recall(), "f1": p.f1(),
                                   "tp": p.tp, "fp": p.fp, "fn": p.fn_})
            };
            let labels: serde_json::Map<String, Value> = fs
                .by_label
                .iter()
                .map(|(l, ls)| {
                    (
                        l.clone(),
                        serde_json::json!({"exact": prf(&ls.exact), "overlap": prf(&ls.overlap)}),
                    )
                })
                .collect();
            let attrs: serde_json::Map<String, Value> = fs
                .attributes
                .iter()
                .map(|(a, acc)| {
                    (a.to_string(), serde_json::json!({"accuracy": (acc.total > 0).then(|| acc.value()), "correct": acc.correct, "total": acc.total}))
                })
                .collect();
            let mut o = serde_json::json!({
                "documents": fs.documents,
                "exact": prf(&fs.exact),
                "overlap": prf(&fs.overlap),
                "by_label": labels,
                "attributes": attrs,
            });
            if *f == "dates" {
                let va = fs.attributes.get("value").copied().unwrap_or_default();
                o["value_f1"] = serde_json::json!(fs.overlap.f1() * va.value());
            }
            fields.insert(f.to_string(), o);
        }
        let mut out = serde_json::json!({
            "documents": self.documents,
            "fields": fields,
            "unmatched_gold": self.unmatched_gold,
            "unscored_records": self.unscored_records,
        });
        if details {
            out["details"] = serde_json::to_value(&self.details).unwrap_or(Value::Null);
        }
        out
    }
}

/// Parses `--fields a,b,c`.
pub fn parse_fields(s: Option<&str>) -> Result<Vec<&'static str>> {
    match s {
        None => Ok(FIELDS.to_vec()),
        Some(list) => {
            list.split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(|f| {
                    FIELDS.iter().copied().find(|x| *x == f).ok_or_else(|| {
                        anyhow!("unknown field {f:?} (fields: {})", FIELDS.join(", "))
                    })
                })
                .collect()
        }
    }
}

/// Reads records from a JSON Lines file.
pub fn read_records(path: &Path) -> Result<Vec<Record<'static>>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l)
                .with_context(|| format!("{}:{}: not a prex.v1 record", path.display(), i + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn gold_from(v: Value) -> GoldDoc {
        let mut fields = BTreeMap::new();
        for f in FIELDS {
            if let Some(x) = v.get(f) {
                fields.insert(f, items_of(f, x, "test").unwrap());
            }
        }
        GoldDoc {
            id: v["id"].as_str().unwrap().to_string(),
            file: PathBuf::from("test.json"),
            fields,
        }
    }

    fn record(text: &str) -> Record<'static> {
        let p = Pipeline::with_defaults().unwrap();
        p.process(Document::new("d", text, crate::document::Format::Text))
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let mut r = record("One two. Three four.");
        r.entities = serde_json::from_value(serde_json::json!([
            {"text":"One","label":"ORG","start":0,"end":3,"sentence":0,"canonical":"One","rule":"x"}
        ]))
        .unwrap();
        let g = gold_from(serde_json::json!({"id":"d",
            "sentences": serde_json::to_value(&r.sentences).unwrap(),
            "entities":[{"text":"One","label":"ORG","start":0,"end":3}]}));
        let rep = evaluate(&[g], &[r], &FIELDS).unwrap();
        assert_eq!(rep.fields["entities"].exact.f1(), 1.0);
        assert_eq!(rep.fields["sentences"].overlap.f1(), 1.0);
        assert_eq!(rep.fields["sentences"].exact.f1(), 1.0);
        assert!(
            !rep.fields.contains_key("dates"),
            "absent gold fields are not scored"
        );
    }

    #[test]
    fn empty_prediction_has_zero_recall() {
        let r = record("One two.");
        let g = gold_from(serde_json::json!({"id":"d",
            "entities":[{"text":"One","label":"ORG","start":0,"end":3}]}));
        let rep = evaluate(&[g], &[r], &FIELDS).unwrap();
        assert_eq!(rep.fields["entities"].exact.recall(), 0.0);
        assert_eq!(rep.fields["entities"].exact.fn_, 1);
    }

    #[test]
    fn partial_case_matches_hand_computed_figures() {
        // Gold: A(0..3 ORG), B(4..7 PERSON), C(8..12 GPE).
        // Pred: A exact, B' (4..6 PERSON: overlap only), D(13..15 GPE: false positive).
        let mut r = record("One Two Thre Four five.");
        r.entities = serde_json::from_value(serde_json::json!([
            {"text":"One","label":"ORG","start":0,"end":3,"sentence":0,"canonical":"One","rule":"x"},
            {"text":"Tw","label":"PERSON","start":4,"end":6,"sentence":0,"canonical":"Tw","rule":"y"},
            {"text":"Fo","label":"GPE","start":13,"end":15,"sentence":0,"canonical":"Fo","rule":"z"}
        ]))
        .unwrap();
        let g = gold_from(serde_json::json!({"id":"d","entities":[
            {"text":"One","label":"ORG","start":0,"end":3},
            {"text":"Two","label":"PERSON","start":4,"end":7},
            {"text":"Thre","label":"GPE","start":8,"end":12}]}));
        let rep = evaluate(&[g], &[r], &["entities"]).unwrap();
        let e = &rep.fields["entities"];
        assert_eq!(
            e.exact,
            Prf {
                tp: 1,
                fp: 2,
                fn_: 2
            }
        );
        assert!((e.exact.f1() - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            e.overlap,
            Prf {
                tp: 2,
                fp: 1,
                fn_: 1
            }
        );
        assert!((e.overlap.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            e.by_label["GPE"].exact,
            Prf {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(rep.details.len(), 4);
    }

    #[test]
    fn dates_value_accuracy_on_relaxed_matches() {
        let mut r = record("It happened last month and in 1995.");
        r.dates = serde_json::from_value(serde_json::json!([
            {"text":"last month","type":"DATE","value":"2020-11","start":12,"end":22,"sentence":0,"anchored":true,"rule":"r"},
            {"text":"1995","type":"DATE","value":"1996","start":30,"end":34,"sentence":0,"anchored":false,"rule":"r"}
        ])).unwrap();
        let g = gold_from(serde_json::json!({"id":"d","dates":[
            {"text":"month","type":"DATE","value":"2020-11","start":17,"end":22},
            {"text":"1995","type":"DATE","value":"1995","start":30,"end":34}]}));
        let rep = evaluate(&[g], &[r], &["dates"]).unwrap();
        let d = &rep.fields["dates"];
        assert_eq!(d.exact.tp, 1);
        assert_eq!(d.overlap.tp, 2);
        assert_eq!(
            d.attributes["value"],
            Acc {
                correct: 1,
                total: 2
            }
        );
        assert_eq!(
            d.attributes["type"],
            Acc {
                correct: 2,
                total: 2
            }
        );
    }

    #[test]
    fn malformed_gold_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.json"),
            r#"{"id":"a","entities":[{"text":"x","label":"PERSN","start":0,"end":1}]}"#,
        )
        .unwrap();
        let e = load_gold(dir.path()).unwrap_err().to_string();
        assert!(
            e.contains("a.json") && e.contains("entities[0]") && e.contains("PERSN"),
            "{e}"
        );
        std::fs::write(
            dir.path().join("a.json"),
            r#"{"id":"a","dates":[{"start":5,"end":2,"type":"DATE"}]}"#,
        )
        .unwrap();
        let e = load_gold(dir.path()).unwrap_err().to_string();
        assert!(
            e.contains("dates[0]") && e.contains("start 5 > end 2"),
            "{e}"
        );
        let e = load_gold(&dir.path().join("missing"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("does not exist"), "{e}");
        // Offsets past the end of the document.
        std::fs::write(
            dir.path().join("a.json"),
            r#"{"id":"d","sentences":[{"start":0,"end":999}]}"#,
        )
        .unwrap();
        let g = load_gold(dir.path()).unwrap();
        let e = evaluate(&g, &[record("Short.")], &FIELDS)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("a.json") && e.contains("sentences[0]") && e.contains("past the end"),
            "{e}"
        );
    }

    #[test]
    fn documents_without_gold_are_reported() {
        let g = gold_from(serde_json::json!({"id":"other","entities":[]}));
        let rep = evaluate(&[g], &[record("x")], &FIELDS).unwrap();
        assert_eq!(rep.documents, 0);
        assert_eq!(rep.unscored_records, vec!["d".to_string()]);
        assert_eq!(rep.unmatched_gold, vec!["other".to_string()]);
    }
}
