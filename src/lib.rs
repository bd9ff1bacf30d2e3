//! prex: press releases in, structured `prex.v1` records out.
//!
//! ```
//! let pipeline = prex::Pipeline::with_defaults().unwrap();
//! let record = pipeline.process_str("example.txt", "Pastor sentenced. He will appeal.");
//! assert_eq!(record.sentences.len(), 2);
//! ```

pub mod benchcorpus;
pub mod dateline;
pub mod dates;
pub mod document;
pub mod entities;
pub mod eval;
pub mod hash;
pub mod html;
pub mod input;
mod json;
pub mod offsets;
pub mod patterns;
pub mod penalties;
pub mod pipeline;
pub mod quotes;
pub mod record;
pub mod report;
pub mod run;
pub mod sentences;
pub mod show;
pub mod svg;
mod trans;
pub mod walk;

pub use document::Document;
pub use patterns::Patterns;
pub use pipeline::{Options, Pipeline};
pub use record::Record;
