//! Stdin mode on arbitrary bytes: line splitting with the --max-bytes cap, JSON
//! parsing and the pipeline. Every line yields a record or an error naming its line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prex::input::parse_json_line;
use prex::run::{stdin_lines, Work};
use prex_fuzz::{check_record, pipeline};

fuzz_target!(|data: &[u8]| {
    let max = 256;
    for work in stdin_lines(std::io::Cursor::new(data), max) {
        let Work::Line(n, bytes) = work else {
            unreachable!()
        };
        assert!(
            bytes.len() as u64 <= max + 1,
            "lines are capped while reading"
        );
        let Ok(line) = std::str::from_utf8(&bytes) else {
            continue;
        };
        match parse_json_line(line, n, max) {
            Ok(doc) => check_record(&pipeline().process(doc)),
            Err(e) => assert!(e.message.contains(&format!("line {n}")), "{}", e.message),
        }
    }
});
