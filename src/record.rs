//! The `prex.v1` record: the one place where a [`Document`] becomes output.
//! Byte offsets become code point offsets here and nowhere else.

use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};
use crate::offsets::CharIndex;

pub const SCHEMA_VERSION: &str = "prex.v1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record {
    pub schema: String,
    pub id: String,
    pub source: Source,
    pub title: Option<String>,
    pub dateline: Option<DatelineOut>,
    pub dct: Option<String>,
    pub sentences: Vec<SpanOut>,
    pub entities: Vec<EntityOut>,
    pub dates: Vec<DateOut>,
    pub quotations: Vec<QuotationOut>,
    pub penalties: Vec<PenaltyOut>,
    pub warnings: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    pub format: String,
    pub bytes: usize,
    pub chars: usize,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DatelineOut {
    pub date: Option<String>,
    pub place: Option<String>,
    pub organization: Option<String>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityOut {
    pub text: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub canonical: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default)]
    pub rule: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateOut {
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    #[serde(default)]
    pub anchored: bool,
    #[serde(default)]
    pub rule: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuotationOut {
    pub text: String,
    pub parts: Vec<SpanOut>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub speaker: Option<TextSpan>,
    pub cue: Option<TextSpan>,
    #[serde(default)]
    pub rule: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AmountOut {
    pub value: serde_json::Number,
    pub currency: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PenaltyOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub kind: String,
    pub duration: Option<String>,
    pub amount: Option<AmountOut>,
    pub life: bool,
    pub bound: String,
    pub status: String,
    pub subject: Option<TextSpan>,
    pub offense: Option<TextSpan>,
    pub law: Option<TextSpan>,
    #[serde(default)]
    pub rule: String,
}

/// Integral amounts print as integers (`1200000`), others as decimals (`12.5`).
pub fn amount_number(v: f64) -> serde_json::Number {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Number::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).unwrap_or_else(|| serde_json::Number::from(0))
    }
}

struct Conv<'a> {
    doc: &'a Document,
    idx: CharIndex<'a>,
}

impl Conv<'_> {
    fn span(&self, s: Span) -> SpanOut {
        SpanOut {
            start: self.idx.char_offset(s.start),
            end: self.idx.char_offset(s.end),
        }
    }
    fn text_span(&self, s: Span, canonical: Option<String>) -> TextSpan {
        let o = self.span(s);
        TextSpan {
            text: self.doc.slice(s).to_string(),
            start: o.start,
            end: o.end,
            canonical,
        }
    }
}

impl Record {
    /// Builds the record of an annotated document.
    pub fn from_document(doc: &Document, include_text: bool) -> Record {
        let c = Conv {
            doc,
            idx: CharIndex::new(&doc.text),
        };
        let sent = |s: Span| doc.sentence_of(s.start);

        let mut entities: Vec<EntityOut> = doc
            .entities
            .iter()
            .map(|e| {
                let o = c.span(e.span);
                EntityOut {
                    text: doc.slice(e.span).to_string(),
                    label: e.label.as_str().to_string(),
                    start: o.start,
                    end: o.end,
                    sentence: sent(e.span),
                    canonical: e.canonical.clone(),
                    country: e.country.clone(),
                    rule: e.rule.to_string(),
                }
            })
            .collect();
        entities.sort_by_key(|e| (e.start, e.end));

        let mut dates: Vec<DateOut> = doc
            .dates
            .iter()
            .map(|d| {
                let o = c.span(d.span);
                DateOut {
                    text: doc.slice(d.span).to_string(),
                    kind: d.kind.as_str().to_string(),
                    value: d.value.clone(),
                    start: o.start,
                    end: o.end,
                    sentence: sent(d.span),
                    anchored: d.anchored,
                    rule: d.rule.to_string(),
                }
            })
            .collect();
        dates.sort_by_key(|d| (d.start, d.end));

        let mut quotations: Vec<QuotationOut> = doc
            .quotations
            .iter()
            .filter(|q| !q.parts.is_empty())
            .map(|q| {
                let whole = q.span();
                let o = c.span(whole);
                QuotationOut {
                    text: q
                        .parts
                        .iter()
                        .map(|p| doc.slice(*p))
                        .collect::<Vec<_>>()
                        .join(" "),
                    parts: q.parts.iter().map(|p| c.span(*p)).collect(),
                    start: o.start,
                    end: o.end,
                    sentence: sent(whole),
                    speaker: q
                        .speaker
                        .as_ref()
                        .map(|m| c.text_span(m.span, m.canonical.clone())),
                    cue: q.cue.map(|s| c.text_span(s, None)),
                    rule: q.rule.to_string(),
                }
            })
            .collect();
        quotations.sort_by_key(|q| (q.start, q.end));

        let mut penalties: Vec<PenaltyOut> = doc
            .penalties
            .iter()
            .map(|p| {
                let o = c.span(p.span);
                PenaltyOut {
                    text: doc.slice(p.span).to_string(),
                    start: o.start,
                    end: o.end,
                    sentence: sent(p.span),
                    kind: p.kind.as_str().to_string(),
                    duration: p.duration.clone(),
                    amount: p.amount.as_ref().map(|a| AmountOut {
                        value: amount_number(a.value),
                        currency: a.currency.clone(),
                        text: doc.slice(a.span).to_string(),
                    }),
                    life: p.life,
                    bound: p.bound.as_str().to_string(),
                    status: p.status.as_str().to_string(),
                    subject: p
                        .subject
                        .as_ref()
                        .map(|m| c.text_span(m.span, m.canonical.clone())),
                    offense: p.offense.map(|s| c.text_span(s, None)),
                    law: p.law.map(|s| c.text_span(s, None)),
                    rule: p.rule.to_string(),
                }
            })
            .collect();
        penalties.sort_by_key(|p| (p.start, p.end));

        Record {
            schema: SCHEMA_VERSION.to_string(),
            id: doc.id.clone(),
            source: Source {
                path: doc.path.clone(),
                format: doc.format.as_str().to_string(),
                bytes: doc.raw_bytes,
                chars: c.idx.len_chars(),
            },
            title: doc.title.clone(),
            dateline: doc.dateline.as_ref().map(|d| {
                let o = c.span(d.span);
                DatelineOut {
                    date: d.date.map(|x| x.format("%Y-%m-%d").to_string()),
                    place: d.place.clone(),
                    organization: d.organization.clone(),
                    start: o.start,
                    end: o.end,
                }
            }),
            dct: doc.dct.map(|x| x.format("%Y-%m-%d").to_string()),
            sentences: doc.sentences.iter().map(|s| c.span(*s)).collect(),
            entities,
            dates,
            quotations,
            penalties,
            warnings: doc.warnings.clone(),
            text: include_text.then(|| doc.text.clone()),
        }
    }

    /// One JSON line (without the newline).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("records always serialize")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Entity, Format, Label};

    #[test]
    fn offsets_become_code_points() {
        let mut d = Document::new("x", "“Korea’s” Moon", Format::Text);
        let start = d.text.find("Moon").unwrap();
        d.sentences.push(Span::new(0, d.text.len()));
        d.entities.push(Entity {
            span: Span::new(start, start + 4),
            label: Label::Person,
            canonical: "Moon Jae-in".into(),
            country: None,
            rule: "test".into(),
        });
        let r = Record::from_document(&d, true);
        assert_eq!(r.entities[0].start, 10);
        assert_eq!(r.entities[0].end, 14);
        assert_eq!(r.source.chars, 14);
        let t: Vec<char> = r.text.unwrap().chars().collect();
        assert_eq!(t[10..14].iter().collect::<String>(), "Moon");
    }

    #[test]
    fn amounts_print_as_integers_when_integral() {
        assert_eq!(amount_number(1_200_000.0).to_string(), "1200000");
        assert_eq!(amount_number(12.5).to_string(), "12.5");
    }
}
