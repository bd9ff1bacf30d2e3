//! The fixed pipeline every document goes through. Each stage is a module with one
//! job; they share nothing but the [`Document`].

use anyhow::Result;
use chrono::NaiveDate;

use crate::document::{Document, Format};
use crate::patterns::Patterns;
use crate::quotes::QuoteFinder;
use crate::record::Record;
use crate::sentences::SentenceSplitter;

/// Settings that change what the pipeline produces.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Document creation time for every document (`--dct`); a stdin line's own
    /// `dct` wins over it.
    pub dct: Option<NaiveDate>,
    /// Read ambiguous numeric dates day-first (`--day-first`).
    pub day_first: bool,
    /// Emit the document text in the record (`--include-text`).
    pub include_text: bool,
}

/// All extractors, built once per process and shared by all threads.
pub struct Pipeline {
    pub options: Options,
    sentences: SentenceSplitter,
    quotes: QuoteFinder,
}

impl Pipeline {
    /// Builds the pipeline from pattern data.
    pub fn new(patterns: &Patterns, options: Options) -> Result<Self> {
        Ok(Pipeline {
            options,
            sentences: SentenceSplitter::new(patterns)?,
            quotes: QuoteFinder::new(patterns)?,
        })
    }

    /// The pipeline with the embedded default patterns.
    pub fn with_defaults() -> Result<Self> {
        Self::new(&Patterns::embedded(), Options::default())
    }

    /// Runs every stage over a document.
    pub fn annotate(&self, doc: &mut Document) {
        self.sentences.run(doc);
        if doc.title.is_none() {
            doc.title = doc.title_hint.clone();
        }
        if doc.title.is_none() && doc.format == Format::Markdown {
            doc.title = markdown_title(&doc.text);
        }
        doc.dct = doc
            .dct_override
            .or(self.options.dct)
            .or_else(|| doc.dateline.as_ref().and_then(|d| d.date));
        self.quotes.run(doc);
    }

    /// Annotates a document and builds its record.
    pub fn process(&self, mut doc: Document) -> Record {
        self.annotate(&mut doc);
        Record::from_document(&doc, self.options.include_text)
    }

    /// Convenience for library users: the record of a plain text.
    pub fn process_str(&self, id: &str, text: &str) -> Record {
        self.process(Document::new(id, text, Format::Text))
    }
}

/// The first ATX heading (`# Title`) of a Markdown text.
fn markdown_title(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().trim_end_matches('#').trim().to_string())
        .filter(|t| !t.is_empty())
}
