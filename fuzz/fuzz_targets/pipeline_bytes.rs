//! The whole file path on arbitrary bytes: decoding (BOMs, UTF-16, windows-1252,
//! binary detection), the reader of the format picked by the first byte, every
//! pipeline stage, the record and its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prex::input::{decode, document_from_content};
use prex_fuzz::{check_record, format_of, pipeline};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let mut warnings = Vec::new();
    let Ok(text) = decode(bytes, &mut warnings) else {
        return;
    };
    let doc = document_from_content(
        "fuzz".into(),
        text,
        format_of(selector),
        bytes.len(),
        warnings,
    );
    check_record(&pipeline().process(doc));
});
