//! The `Document` that flows through the pipeline: text plus annotations, all in
//! **byte offsets** into `text`. Conversion to code points happens once, in
//! [`crate::record`].

use std::sync::Arc;

use chrono::NaiveDate;

/// Half-open byte range into `Document::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Where the text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Name of the rule or gazetteer list that produced an annotation.
pub type Rule = Arc<str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    Person,
    Org,
    Gpe,
    Loc,
    Norp,
    Law,
}

impl Label {
    pub const ALL: [Label; 6] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Law,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Law => "LAW",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// Full name this mention refers to within the document.
    pub canonical: String,
    /// ISO 3166-1 alpha-2 code, when known.
    pub country: Option<String>,
    pub rule: Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
    pub fn parse(s: &str) -> Option<TimexType> {
        match s {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }
}

/// A TIMEX3 expression.
#[derive(Debug, Clone)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    pub value: String,
    /// Resolved against the document creation time.
    pub anchored: bool,
    pub rule: Rule,
}

/// A span that may refer to an entity (speakers, penalty subjects).
#[derive(Debug, Clone)]
pub struct Mention {
    pub span: Span,
    pub canonical: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Quotation {
    /// Quoted spans without their quotation marks.
    pub parts: Vec<Span>,
    pub speaker: Option<Mention>,
    pub cue: Option<Span>,
    pub rule: Rule,
}

impl Quotation {
    pub fn span(&self) -> Span {
        Span::new(
            self.parts.first().map_or(0, |p| p.start),
            self.parts.last().map_or(0, |p| p.end),
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PenaltyKind {
    Imprisonment,
    Death,
    Fine,
    Restitution,
    Forfeiture,
    Detention,
    ForcedLabor,
    Corporal,
    Probation,
    SupervisedRelease,
    HouseArrest,
    CommunityService,
    Deportation,
    Other,
}

impl PenaltyKind {
    pub const ALL: [PenaltyKind; 14] = [
        PenaltyKind::Imprisonment,
        PenaltyKind::Death,
        PenaltyKind::Fine,
        PenaltyKind::Restitution,
        PenaltyKind::Forfeiture,
        PenaltyKind::Detention,
        PenaltyKind::ForcedLabor,
        PenaltyKind::Corporal,
        PenaltyKind::Probation,
        PenaltyKind::SupervisedRelease,
        PenaltyKind::HouseArrest,
        PenaltyKind::CommunityService,
        PenaltyKind::Deportation,
        PenaltyKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            PenaltyKind::Imprisonment => "imprisonment",
            PenaltyKind::Death => "death",
            PenaltyKind::Fine => "fine",
            PenaltyKind::Restitution => "restitution",
            PenaltyKind::Forfeiture => "forfeiture",
            PenaltyKind::Detention => "detention",
            PenaltyKind::ForcedLabor => "forced_labor",
            PenaltyKind::Corporal => "corporal",
            PenaltyKind::Probation => "probation",
            PenaltyKind::SupervisedRelease => "supervised_release",
            PenaltyKind::HouseArrest => "house_arrest",
            PenaltyKind::CommunityService => "community_service",
            PenaltyKind::Deportation => "deportation",
            PenaltyKind::Other => "other",
        }
    }
    pub fn parse(s: &str) -> Option<PenaltyKind> {
        PenaltyKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Bound {
    Exact,
    Max,
    Min,
}

impl Bound {
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Max => "max",
            Bound::Min => "min",
        }
    }
    pub fn parse(s: &str) -> Option<Bound> {
        [Bound::Exact, Bound::Max, Bound::Min]
            .into_iter()
            .find(|b| b.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PenaltyStatus {
    Imposed,
    Upheld,
    Overturned,
    Potential,
    Statutory,
}

impl PenaltyStatus {
    pub const ALL: [PenaltyStatus; 5] = [
        PenaltyStatus::Imposed,
        PenaltyStatus::Upheld,
        PenaltyStatus::Overturned,
        PenaltyStatus::Potential,
        PenaltyStatus::Statutory,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            PenaltyStatus::Imposed => "imposed",
            PenaltyStatus::Upheld => "upheld",
            PenaltyStatus::Overturned => "overturned",
            PenaltyStatus::Potential => "potential",
            PenaltyStatus::Statutory => "statutory",
        }
    }
    pub fn parse(s: &str) -> Option<PenaltyStatus> {
        PenaltyStatus::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone)]
pub struct Amount {
    /// The number without separators ("1.2 million" → 1_200_000.0).
    pub value: f64,
    /// ISO 4217 code, `XXX` when unknowable.
    pub currency: String,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Penalty {
    pub span: Span,
    pub kind: PenaltyKind,
    /// ISO 8601 duration (`P3Y`).
    pub duration: Option<String>,
    pub amount: Option<Amount>,
    pub life: bool,
    pub bound: Bound,
    pub status: PenaltyStatus,
    pub subject: Option<Mention>,
    pub offense: Option<Span>,
    pub law: Option<Span>,
    pub rule: Rule,
}

#[derive(Debug, Clone)]
pub struct Dateline {
    pub span: Span,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub organization: Option<String>,
}

/// One press release on its way through the pipeline.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// Path as given on the command line (None for stdin input).
    pub path: Option<String>,
    pub format: Format,
    /// Size of the raw input in bytes.
    pub raw_bytes: usize,
    pub text: String,
    /// Title found by the reader (HTML `<title>`/`<h1>`), before the pipeline runs.
    pub title_hint: Option<String>,
    pub title: Option<String>,
    pub dateline: Option<Dateline>,
    /// Document creation time given from outside (`--dct` or the stdin line).
    pub dct_override: Option<NaiveDate>,
    /// Document creation time used for resolution.
    pub dct: Option<NaiveDate>,
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub dates: Vec<Timex>,
    pub quotations: Vec<Quotation>,
    pub penalties: Vec<Penalty>,
    pub warnings: Vec<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, format: Format) -> Self {
        let text = text.into();
        Document {
            id: id.into(),
            path: None,
            format,
            raw_bytes: text.len(),
            text,
            title_hint: None,
            title: None,
            dateline: None,
            dct_override: None,
            dct: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            dates: Vec::new(),
            quotations: Vec::new(),
            penalties: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Index of the sentence in which byte offset `pos` lies (or the last one
    /// starting before it).
    pub fn sentence_of(&self, pos: usize) -> usize {
        match self.sentences.binary_search_by(|s| s.start.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// Text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }
}
