//! `Record::to_json_line` has its own JSON writer (src/json.rs); it must write the
//! same bytes as serde_json for every record of the bundled corpus, with and without
//! the text, with and without a document date.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use prex::pipeline::Options;
use prex::run::collect_records;
use prex::{Patterns, Pipeline};

#[test]
fn corpus_records_match_serde_json() {
    let corpus: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for (include_text, dct) in [(false, None), (true, NaiveDate::from_ymd_opt(2020, 12, 18))] {
        let options = Options {
            dct,
            include_text,
            ..Options::default()
        };
        let pipeline = Pipeline::new(&Patterns::embedded(), options).unwrap();
        let (records, failures) =
            collect_records(&pipeline, std::slice::from_ref(&corpus), 1 << 24).unwrap();
        assert!(failures.is_empty());
        assert!(records.len() >= 20, "corpus/ has the sample releases");
        let amounts = records
            .iter()
            .flat_map(|r| &r.penalties)
            .filter(|p| p.amount.is_some())
            .count();
        // Every kind of annotation, amounts included, went through the writer.
        assert!(amounts > 5);
        for rec in &records {
            assert_eq!(
                rec.to_json_line(),
                serde_json::to_string(rec).unwrap(),
                "{}",
                rec.id
            );
        }
    }
}
