//! Regression floor: `prex eval` over `corpus/` and `tests/gold/` must stay at or
//! above the scores the project has reached (`tests/eval_floors.json`). Raise a
//! floor when an extractor improves; lowering one needs a reason in the commit.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn scores_stay_at_or_above_the_floors() {
    let out = run(&["eval", "--gold", "tests/gold", "--run", "corpus", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let floors: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/eval_floors.json")).unwrap(),
    )
    .unwrap();
    assert!(report["documents"].as_u64().unwrap() >= 24, "every corpus release has gold");
    assert_eq!(report["unmatched_gold"], Value::Array(vec![]));
    assert_eq!(report["unscored_records"], Value::Array(vec![]));
    let mut failures = Vec::new();
    for (field, want) in floors["floors"].as_object().unwrap() {
        for (measure, floor) in want.as_object().unwrap() {
            // measure: "exact_f1", "overlap_f1", "overlap_precision", or "attr:<name>".
            let f = &report["fields"][field];
            let got = if let Some(attr) = measure.strip_prefix("attr:") {
                f["attributes"][attr]["accuracy"].as_f64()
            } else if measure == "value_f1" {
                f["value_f1"].as_f64()
            } else {
                let (mode, m) = measure.split_once('_').unwrap();
                f[mode][m].as_f64()
            }
            .unwrap_or(0.0);
            let floor = floor.as_f64().unwrap();
            if got + 1e-9 < floor {
                failures.push(format!("{field} {measure}: {got:.3} < floor {floor:.3}"));
            }
        }
    }
    assert!(failures.is_empty(), "scores fell below their floors:\n{}", failures.join("\n"));
}
