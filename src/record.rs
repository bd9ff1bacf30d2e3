//! The `prex.v1` record: the one place where a [`Document`] becomes output.
//! Byte offsets become code point offsets here and nowhere else.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::document::{Document, Span};
use crate::json::{key, JsonOut};
use crate::offsets::CharIndex;

pub const SCHEMA_VERSION: &str = "prex.v1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Record<'a> {
    pub schema: Cow<'a, str>,
    pub id: Cow<'a, str>,
    pub source: Source<'a>,
    pub title: Option<Cow<'a, str>>,
    pub dateline: Option<DatelineOut<'a>>,
    pub dct: Option<Cow<'a, str>>,
    pub sentences: Vec<SpanOut>,
    pub entities: Vec<EntityOut<'a>>,
    pub dates: Vec<DateOut<'a>>,
    pub quotations: Vec<QuotationOut<'a>>,
    pub penalties: Vec<PenaltyOut<'a>>,
    pub warnings: Vec<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Cow<'a, str>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source<'a> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<Cow<'a, str>>,
    pub format: Cow<'a, str>,
    pub bytes: usize,
    pub chars: usize,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DatelineOut<'a> {
    pub date: Option<Cow<'a, str>>,
    pub place: Option<Cow<'a, str>>,
    pub organization: Option<Cow<'a, str>>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityOut<'a> {
    pub text: Cow<'a, str>,
    pub label: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub canonical: Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Cow<'a, str>>,
    #[serde(default)]
    pub rule: Cow<'a, str>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateOut<'a> {
    pub text: Cow<'a, str>,
    #[serde(rename = "type")]
    pub kind: Cow<'a, str>,
    pub value: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    #[serde(default)]
    pub anchored: bool,
    #[serde(default)]
    pub rule: Cow<'a, str>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TextSpan<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<Cow<'a, str>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuotationOut<'a> {
    pub text: Cow<'a, str>,
    pub parts: Vec<SpanOut>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub speaker: Option<TextSpan<'a>>,
    pub cue: Option<TextSpan<'a>>,
    #[serde(default)]
    pub rule: Cow<'a, str>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AmountOut<'a> {
    pub value: serde_json::Number,
    pub currency: Cow<'a, str>,
    pub text: Cow<'a, str>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PenaltyOut<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub kind: Cow<'a, str>,
    pub duration: Option<Cow<'a, str>>,
    pub amount: Option<AmountOut<'a>>,
    pub life: bool,
    pub bound: Cow<'a, str>,
    pub status: Cow<'a, str>,
    pub subject: Option<TextSpan<'a>>,
    pub offense: Option<TextSpan<'a>>,
    pub law: Option<TextSpan<'a>>,
    #[serde(default)]
    pub rule: Cow<'a, str>,
}

fn own(c: Cow<'_, str>) -> Cow<'static, str> {
    Cow::Owned(c.into_owned())
}

fn own_opt(c: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    c.map(own)
}

impl TextSpan<'_> {
    fn into_owned(self) -> TextSpan<'static> {
        TextSpan {
            text: own(self.text),
            start: self.start,
            end: self.end,
            canonical: own_opt(self.canonical),
        }
    }
}

impl Record<'_> {
    /// The record with every string owned, detached from its document.
    pub fn into_owned(self) -> Record<'static> {
        Record {
            schema: own(self.schema),
            id: own(self.id),
            source: Source {
                path: own_opt(self.source.path),
                format: own(self.source.format),
                bytes: self.source.bytes,
                chars: self.source.chars,
            },
            title: own_opt(self.title),
            dateline: self.dateline.map(|d| DatelineOut {
                date: own_opt(d.date),
                place: own_opt(d.place),
                organization: own_opt(d.organization),
                start: d.start,
                end: d.end,
            }),
            dct: own_opt(self.dct),
            sentences: self.sentences,
            entities: (self.entities.into_iter())
                .map(|e| EntityOut {
                    text: own(e.text),
                    label: own(e.label),
                    start: e.start,
                    end: e.end,
                    sentence: e.sentence,
                    canonical: own(e.canonical),
                    country: own_opt(e.country),
                    rule: own(e.rule),
                })
                .collect(),
            dates: (self.dates.into_iter())
                .map(|d| DateOut {
                    text: own(d.text),
                    kind: own(d.kind),
                    value: own(d.value),
                    start: d.start,
                    end: d.end,
                    sentence: d.sentence,
                    anchored: d.anchored,
                    rule: own(d.rule),
                })
                .collect(),
            quotations: (self.quotations.into_iter())
                .map(|q| QuotationOut {
                    text: own(q.text),
                    parts: q.parts,
                    start: q.start,
                    end: q.end,
                    sentence: q.sentence,
                    speaker: q.speaker.map(TextSpan::into_owned),
                    cue: q.cue.map(TextSpan::into_owned),
                    rule: own(q.rule),
                })
                .collect(),
            penalties: (self.penalties.into_iter())
                .map(|p| PenaltyOut {
                    text: own(p.text),
                    start: p.start,
                    end: p.end,
                    sentence: p.sentence,
                    kind: own(p.kind),
                    duration: own_opt(p.duration),
                    amount: p.amount.map(|a| AmountOut {
                        value: a.value,
                        currency: own(a.currency),
                        text: own(a.text),
                    }),
                    life: p.life,
                    bound: own(p.bound),
                    status: own(p.status),
                    subject: p.subject.map(TextSpan::into_owned),
                    offense: p.offense.map(TextSpan::into_owned),
                    law: p.law.map(TextSpan::into_owned),
                    rule: own(p.rule),
                })
                .collect(),
            warnings: self.warnings.into_iter().map(own).collect(),
            text: own_opt(self.text),
        }
    }
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
    idx: CharIndex,
}

impl<'a> Conv<'a> {
    fn span(&self, s: Span) -> SpanOut {
        SpanOut {
            start: self.idx.char_offset(s.start),
            end: self.idx.char_offset(s.end),
        }
    }
    fn text_span(&self, s: Span, canonical: Option<&'a str>) -> TextSpan<'a> {
        let o = self.span(s);
        TextSpan {
            text: Cow::Borrowed(self.doc.slice(s)),
            start: o.start,
            end: o.end,
            canonical: canonical.map(Cow::Borrowed),
        }
    }
}

impl<'a> Record<'a> {
    /// Builds the record of an annotated document, borrowing its strings.
    pub fn from_document(doc: &'a Document, include_text: bool) -> Record<'a> {
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
                    text: Cow::Borrowed(doc.slice(e.span)),
                    label: Cow::Borrowed(e.label.as_str()),
                    start: o.start,
                    end: o.end,
                    sentence: sent(e.span),
                    canonical: Cow::Borrowed(&e.canonical),
                    country: e.country.as_deref().map(Cow::Borrowed),
                    rule: Cow::Borrowed(&e.rule),
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
                    text: Cow::Borrowed(doc.slice(d.span)),
                    kind: Cow::Borrowed(d.kind.as_str()),
                    value: Cow::Borrowed(&d.value),
                    start: o.start,
                    end: o.end,
                    sentence: sent(d.span),
                    anchored: d.anchored,
                    rule: Cow::Borrowed(&d.rule),
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
                    text: match q.parts.as_slice() {
                        [one] => Cow::Borrowed(doc.slice(*one)),
                        parts => Cow::Owned(
                            parts
                                .iter()
                                .map(|p| doc.slice(*p))
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    },
                    parts: q.parts.iter().map(|p| c.span(*p)).collect(),
                    start: o.start,
                    end: o.end,
                    sentence: sent(whole),
                    speaker: q
                        .speaker
                        .as_ref()
                        .map(|m| c.text_span(m.span, m.canonical.as_deref())),
                    cue: q.cue.map(|s| c.text_span(s, None)),
                    rule: Cow::Borrowed(&q.rule),
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
                    text: Cow::Borrowed(doc.slice(p.span)),
                    start: o.start,
                    end: o.end,
                    sentence: sent(p.span),
                    kind: Cow::Borrowed(p.kind.as_str()),
                    duration: p.duration.as_deref().map(Cow::Borrowed),
                    amount: p.amount.as_ref().map(|a| AmountOut {
                        value: amount_number(a.value),
                        currency: Cow::Borrowed(&a.currency),
                        text: Cow::Borrowed(doc.slice(a.span)),
                    }),
                    life: p.life,
                    bound: Cow::Borrowed(p.bound.as_str()),
                    status: Cow::Borrowed(p.status.as_str()),
                    subject: p
                        .subject
                        .as_ref()
                        .map(|m| c.text_span(m.span, m.canonical.as_deref())),
                    offense: p.offense.map(|s| c.text_span(s, None)),
                    law: p.law.map(|s| c.text_span(s, None)),
                    rule: Cow::Borrowed(&p.rule),
                }
            })
            .collect();
        penalties.sort_by_key(|p| (p.start, p.end));

        Record {
            schema: Cow::Borrowed(SCHEMA_VERSION),
            id: Cow::Borrowed(&doc.id),
            source: Source {
                path: doc.path.as_deref().map(Cow::Borrowed),
                format: Cow::Borrowed(doc.format.as_str()),
                bytes: doc.raw_bytes,
                chars: c.idx.len_chars(),
            },
            title: doc.title.as_deref().map(Cow::Borrowed),
            dateline: doc.dateline.as_ref().map(|d| {
                let o = c.span(d.span);
                DatelineOut {
                    date: d.date.map(|x| Cow::Owned(x.format("%Y-%m-%d").to_string())),
                    place: d.place.as_deref().map(Cow::Borrowed),
                    organization: d.organization.as_deref().map(Cow::Borrowed),
                    start: o.start,
                    end: o.end,
                }
            }),
            dct: doc
                .dct
                .map(|x| Cow::Owned(x.format("%Y-%m-%d").to_string())),
            sentences: doc.sentences.iter().map(|s| c.span(*s)).collect(),
            entities,
            dates,
            quotations,
            penalties,
            warnings: doc
                .warnings
                .iter()
                .map(|w| Cow::Borrowed(w.as_str()))
                .collect(),
            text: include_text.then_some(Cow::Borrowed(doc.text.as_str())),
        }
    }

    /// One JSON line (without the newline): the bytes `serde_json::to_string`
    /// writes for this record, from a writer made for its shape (see `json.rs`).
    pub fn to_json_line(&self) -> String {
        // One allocation of about the line's size up front: regrowing copies it.
        let mut o = JsonOut::with_capacity(self.size_hint());
        self.write_json(&mut o);
        o.into_string()
    }

    /// About the length of the JSON line (a little more for most records).
    fn size_hint(&self) -> usize {
        let quoted: usize = self.quotations.iter().map(|q| q.text.len()).sum();
        512 + 32 * self.sentences.len()
            + 160 * (self.entities.len() + self.dates.len())
            + 320 * self.quotations.len()
            + quoted
            + 640 * self.penalties.len()
            + self.text.as_ref().map_or(0, |t| t.len() + t.len() / 8)
    }

    fn write_json(&self, o: &mut JsonOut) {
        o.open(b'{');
        key!(o, "schema");
        o.str(&self.schema);
        key!(o, "id");
        o.str(&self.id);
        key!(o, "source");
        o.open(b'{');
        if let Some(p) = &self.source.path {
            key!(o, "path");
            o.str(p);
        }
        key!(o, "format");
        o.str(&self.source.format);
        key!(o, "bytes");
        o.uint(self.source.bytes);
        key!(o, "chars");
        o.uint(self.source.chars);
        o.close(b'}');
        key!(o, "title");
        o.opt_str(self.title.as_deref());
        key!(o, "dateline");
        match &self.dateline {
            None => o.null(),
            Some(d) => {
                o.open(b'{');
                key!(o, "date");
                o.opt_str(d.date.as_deref());
                key!(o, "place");
                o.opt_str(d.place.as_deref());
                key!(o, "organization");
                o.opt_str(d.organization.as_deref());
                write_offsets(o, d.start, d.end);
                o.close(b'}');
            }
        }
        key!(o, "dct");
        o.opt_str(self.dct.as_deref());
        key!(o, "sentences");
        write_array(o, &self.sentences, |o, s| s.write_json(o));
        key!(o, "entities");
        write_array(o, &self.entities, |o, e| {
            o.open(b'{');
            key!(o, "text");
            o.str(&e.text);
            key!(o, "label");
            o.str(&e.label);
            write_offsets(o, e.start, e.end);
            key!(o, "sentence");
            o.uint(e.sentence);
            key!(o, "canonical");
            o.str(&e.canonical);
            if let Some(c) = &e.country {
                key!(o, "country");
                o.str(c);
            }
            key!(o, "rule");
            o.str(&e.rule);
            o.close(b'}');
        });
        key!(o, "dates");
        write_array(o, &self.dates, |o, d| {
            o.open(b'{');
            key!(o, "text");
            o.str(&d.text);
            key!(o, "type");
            o.str(&d.kind);
            key!(o, "value");
            o.str(&d.value);
            write_offsets(o, d.start, d.end);
            key!(o, "sentence");
            o.uint(d.sentence);
            key!(o, "anchored");
            o.bool(d.anchored);
            key!(o, "rule");
            o.str(&d.rule);
            o.close(b'}');
        });
        key!(o, "quotations");
        write_array(o, &self.quotations, |o, q| {
            o.open(b'{');
            key!(o, "text");
            o.str(&q.text);
            key!(o, "parts");
            write_array(o, &q.parts, |o, s| s.write_json(o));
            write_offsets(o, q.start, q.end);
            key!(o, "sentence");
            o.uint(q.sentence);
            key!(o, "speaker");
            TextSpan::write_opt(o, q.speaker.as_ref());
            key!(o, "cue");
            TextSpan::write_opt(o, q.cue.as_ref());
            key!(o, "rule");
            o.str(&q.rule);
            o.close(b'}');
        });
        key!(o, "penalties");
        write_array(o, &self.penalties, |o, p| {
            o.open(b'{');
            key!(o, "text");
            o.str(&p.text);
            write_offsets(o, p.start, p.end);
            key!(o, "sentence");
            o.uint(p.sentence);
            key!(o, "kind");
            o.str(&p.kind);
            key!(o, "duration");
            o.opt_str(p.duration.as_deref());
            key!(o, "amount");
            match &p.amount {
                None => o.null(),
                Some(a) => {
                    o.open(b'{');
                    key!(o, "value");
                    o.display(&a.value);
                    key!(o, "currency");
                    o.str(&a.currency);
                    key!(o, "text");
                    o.str(&a.text);
                    o.close(b'}');
                }
            }
            key!(o, "life");
            o.bool(p.life);
            key!(o, "bound");
            o.str(&p.bound);
            key!(o, "status");
            o.str(&p.status);
            key!(o, "subject");
            TextSpan::write_opt(o, p.subject.as_ref());
            key!(o, "offense");
            TextSpan::write_opt(o, p.offense.as_ref());
            key!(o, "law");
            TextSpan::write_opt(o, p.law.as_ref());
            key!(o, "rule");
            o.str(&p.rule);
            o.close(b'}');
        });
        key!(o, "warnings");
        write_array(o, &self.warnings, |o, w| o.str(w));
        if let Some(t) = &self.text {
            key!(o, "text");
            o.str(t);
        }
        o.close(b'}');
    }
}

fn write_offsets(o: &mut JsonOut, start: usize, end: usize) {
    key!(o, "start");
    o.uint(start);
    key!(o, "end");
    o.uint(end);
}

fn write_array<T>(o: &mut JsonOut, items: &[T], mut each: impl FnMut(&mut JsonOut, &T)) {
    o.open(b'[');
    for item in items {
        o.elem();
        each(o, item);
    }
    o.close(b']');
}

impl SpanOut {
    fn write_json(&self, o: &mut JsonOut) {
        o.open(b'{');
        write_offsets(o, self.start, self.end);
        o.close(b'}');
    }
}

impl TextSpan<'_> {
    fn write_opt(o: &mut JsonOut, s: Option<&Self>) {
        let Some(s) = s else {
            return o.null();
        };
        o.open(b'{');
        key!(o, "text");
        o.str(&s.text);
        write_offsets(o, s.start, s.end);
        if let Some(c) = &s.canonical {
            key!(o, "canonical");
            o.str(c);
        }
        o.close(b'}');
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
