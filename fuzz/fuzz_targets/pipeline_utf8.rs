//! Every pipeline stage on arbitrary UTF-8 text, read as plain text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prex::document::{Document, Format};
use prex_fuzz::{check_record, pipeline};

fuzz_target!(|text: &str| {
    check_record(&pipeline().process(Document::new("fuzz", text, Format::Text)));
});
