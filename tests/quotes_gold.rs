//! Quotation scores against the hand gold, with the gold's own entities in
//! `doc.entities` (so canonical resolution is measured as it will run once the
//! entity stage is in place). Ignored by default; run with
//! `PREX_GOLD=tests/gold PREX_CORPUS=corpus cargo test --test quotes_gold -- --ignored --nocapture`.

use std::path::Path;
use std::sync::Arc;

use prex::document::{Entity, Label, Span};
use prex::input::{format_of, read_file};
use prex::quotes::QuoteFinder;
use prex::{Patterns, Pipeline};

fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

#[test]
#[ignore]
fn gold_quotations_with_gold_entities() {
    let gold_dir = std::env::var("PREX_GOLD").unwrap_or_else(|_| "tests/gold".into());
    let corpus = std::env::var("PREX_CORPUS").unwrap_or_else(|_| "corpus".into());
    let Ok(rd) = std::fs::read_dir(&gold_dir) else {
        eprintln!("no gold in {gold_dir}");
        return;
    };
    let patterns = Patterns::embedded();
    let pipeline = Pipeline::with_defaults().unwrap();
    let quotes = QuoteFinder::new(&patterns).unwrap();
    let (mut tp, mut fp, mut fneg, mut sp, mut can, mut cue) = (0, 0, 0, 0, 0, 0);
    let mut files: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for f in files {
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).unwrap()).unwrap();
        let id = g["id"].as_str().unwrap().to_string();
        let path = Path::new(&corpus).join(&id);
        let Some(format) = format_of(&path) else {
            continue;
        };
        let Ok(mut doc) = read_file(&path, id.clone(), format, 1 << 26) else {
            continue;
        };
        pipeline.annotate(&mut doc);
        let b = byte_offsets(&doc.text);
        doc.entities = g["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| {
                Some(Entity {
                    span: Span::new(
                        b[e["start"].as_u64()? as usize],
                        b[e["end"].as_u64()? as usize],
                    ),
                    label: Label::parse(e["label"].as_str()?)?,
                    canonical: e["canonical"].as_str()?.to_string(),
                    country: None,
                    rule: Arc::from("gold"),
                })
            })
            .collect();
        doc.quotations.clear();
        quotes.run(&mut doc);
        let mut used = vec![false; doc.quotations.len()];
        for gq in g["quotations"].as_array().unwrap() {
            let (gs, ge) = (
                b[gq["start"].as_u64().unwrap() as usize],
                b[gq["end"].as_u64().unwrap() as usize],
            );
            let hit = doc.quotations.iter().enumerate().find(|(i, q)| {
                let s = q.span();
                let ov = s.end.min(ge).saturating_sub(s.start.max(gs));
                !used[*i] && ov * 2 >= (s.end - s.start).max(ge - gs)
            });
            let Some((i, q)) = hit else {
                fneg += 1;
                continue;
            };
            used[i] = true;
            tp += 1;
            let speaker = q.speaker.as_ref().map(|m| doc.slice(m.span).to_string());
            let canonical = q.speaker.as_ref().and_then(|m| m.canonical.clone());
            let c = q.cue.map(|c| doc.slice(c).to_string());
            let gsp = gq["speaker"]["text"].as_str().map(str::to_string);
            let gcan = gq["speaker"]["canonical"].as_str().map(str::to_string);
            let gcue = gq["cue"]["text"].as_str().map(str::to_string);
            sp += (speaker == gsp) as usize;
            can += (canonical == gcan) as usize;
            cue += (c == gcue) as usize;
            if canonical != gcan || speaker != gsp {
                eprintln!("{id}: speaker {speaker:?}/{gsp:?} canonical {canonical:?}/{gcan:?}");
            }
        }
        fp += used.iter().filter(|u| !**u).count();
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let m = tp.max(1) as f64;
    eprintln!(
        "quotations: P={p:.3} R={r:.3} F1={:.3} speaker={:.3} canonical={:.3} cue={:.3} (gold {})",
        2.0 * p * r / (p + r).max(1e-9),
        sp as f64 / m,
        can as f64 / m,
        cue as f64 / m,
        tp + fneg
    );
}
