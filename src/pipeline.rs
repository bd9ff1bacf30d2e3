//! The fixed pipeline every document goes through. Each stage is a module with one
//! job; they share nothing but the [`Document`].

use anyhow::Result;
use chrono::NaiveDate;

use crate::dateline::DatelineFinder;
use crate::dates::DateTagger;
use crate::document::{Document, Format};
use crate::entities::EntityRecognizer;
use crate::patterns::Patterns;
use crate::penalties::PenaltyExtractor;
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

/// The pipeline's stages, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Sentences,
    /// The dateline, and the document creation time (`dct`) the later stages use.
    Dateline,
    Entities,
    Dates,
    Quotes,
    Penalties,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Sentences,
        Stage::Dateline,
        Stage::Entities,
        Stage::Dates,
        Stage::Quotes,
        Stage::Penalties,
    ];
}

/// All extractors, built once per process and shared by all threads.
pub struct Pipeline {
    pub options: Options,
    sentences: SentenceSplitter,
    dateline: DatelineFinder,
    entities: EntityRecognizer,
    dates: DateTagger,
    quotes: QuoteFinder,
    penalties: PenaltyExtractor,
}

impl Pipeline {
    /// Builds the pipeline from pattern data. The penalty extractor, about half
    /// of the build's work, is built on a second thread while this one builds
    /// the other stages (start-up time on a machine with two cores or more).
    pub fn new(patterns: &Patterns, options: Options) -> Result<Self> {
        std::thread::scope(|scope| {
            let penalties = scope.spawn(|| PenaltyExtractor::new(patterns));
            let sentences = SentenceSplitter::new(patterns)?;
            let dateline = DatelineFinder::new(patterns, options.day_first)?;
            let entities = EntityRecognizer::new(patterns)?;
            let dates = DateTagger::new(patterns, options.day_first)?;
            let quotes = QuoteFinder::new(patterns)?;
            let penalties = penalties
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            Ok(Pipeline {
                sentences,
                dateline,
                entities,
                dates,
                quotes,
                penalties,
                options,
            })
        })
    }

    /// The pipeline with the embedded default patterns.
    pub fn with_defaults() -> Result<Self> {
        Self::new(&Patterns::embedded(), Options::default())
    }

    /// Runs every stage over a document.
    pub fn annotate(&self, doc: &mut Document) {
        for stage in Stage::ALL {
            self.run_stage(stage, doc);
        }
    }

    /// Runs every stage over a batch of documents, one stage over all of them before
    /// the next (see [`Pipeline::run_stage`]); the same annotations as `annotate` on
    /// each.
    pub fn annotate_batch(&self, docs: &mut [Document]) {
        for stage in Stage::ALL {
            docs.iter_mut().for_each(|d| self.run_stage(stage, d));
        }
    }

    /// Runs one stage over a document; the stages must run in [`Stage::ALL`] order.
    ///
    /// Running one stage over a batch of documents before the next stage (as the
    /// `prex extract` driver does) keeps that stage's automata and lazy-DFA tables in
    /// the CPU caches: per document, the stages evict each other's tables.
    pub fn run_stage(&self, stage: Stage, doc: &mut Document) {
        match stage {
            Stage::Sentences => self.sentences.run(doc),
            Stage::Dateline => {
                self.dateline.run(doc);
                doc.dct = doc
                    .dct_override
                    .or(self.options.dct)
                    .or_else(|| doc.dateline.as_ref().and_then(|d| d.date));
            }
            Stage::Entities => self.entities.run(doc),
            Stage::Dates => self.dates.run(doc),
            Stage::Quotes => self.quotes.run(doc),
            Stage::Penalties => self.penalties.run(doc),
        }
    }

    /// Annotates a document and builds its record.
    pub fn process(&self, mut doc: Document) -> Record<'static> {
        self.annotate(&mut doc);
        Record::from_document(&doc, self.options.include_text).into_owned()
    }

    /// The record of an annotated document as one JSON line (no newline).
    pub fn json_line(&self, doc: &Document) -> String {
        Record::from_document(doc, self.options.include_text).to_json_line()
    }

    /// Annotates a document and returns its record as one JSON line (no newline):
    /// the fast path of `prex extract`, which never copies the record's strings.
    pub fn process_json(&self, mut doc: Document) -> String {
        self.annotate(&mut doc);
        self.json_line(&doc)
    }

    /// Convenience for library users: the record of a plain text.
    pub fn process_str(&self, id: &str, text: &str) -> Record<'static> {
        self.process(Document::new(id, text, Format::Text))
    }
}
