//! `prex show` and `prex report`: the pages parse as well-nested HTML, every span of
//! a record is exactly one highlight, document text survives escaping, and reports
//! count what the records hold. Records are built by hand so that every layer and
//! overlap is exercised whatever the extractors find.

mod common;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use prex::report::Report;
use prex::show::{render, ShowOptions};
use prex::Record;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------
// A strict HTML checker over the WHATWG tokenizer: no tokenizer errors, every end
// tag closes the element open last (no reliance on the parser's error recovery).

#[derive(Debug, Clone, Default)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    /// Text inside, without badge text.
    text: String,
    /// `data-s` keys of the highlight elements around this one, outermost first.
    ancestors: Vec<String>,
}

impl El {
    fn class(&self) -> Vec<&str> {
        self.attrs
            .get("class")
            .map(|c| c.split(' ').collect())
            .unwrap_or_default()
    }
    fn keys(&self) -> Vec<&str> {
        self.attrs
            .get("data-s")
            .map(|c| c.split(' ').collect())
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct Page {
    errors: Vec<String>,
    /// Every element, in document order, with its final text.
    elements: Vec<El>,
    /// The text of each `div.text`, without badges.
    texts: Vec<String>,
}

#[derive(Default)]
struct State {
    page: Page,
    stack: Vec<usize>,
}

const VOID: &[&str] = &["meta", "br", "img", "hr", "link", "input", "rect", "line"];

struct Sink(Rc<RefCell<State>>);

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let mut st = self.0.borrow_mut();
        let st = &mut *st;
        match token {
            Token::ParseError(e) => st.page.errors.push(format!("line {line}: {e}")),
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                if tag.kind == TagKind::StartTag {
                    let attrs: BTreeMap<String, String> = tag
                        .attrs
                        .iter()
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect();
                    let ancestors = st
                        .stack
                        .iter()
                        .filter_map(|&i| st.page.elements[i].attrs.get("data-s").cloned())
                        .collect();
                    st.page.elements.push(El {
                        name: name.clone(),
                        attrs,
                        text: String::new(),
                        ancestors,
                    });
                    let i = st.page.elements.len() - 1;
                    if !(tag.self_closing || VOID.contains(&name.as_str())) {
                        st.stack.push(i);
                    }
                    if name == "style" || name == "title" {
                        return TokenSinkResult::RawData(if name == "style" {
                            RawKind::Rawtext
                        } else {
                            RawKind::Rcdata
                        });
                    }
                } else if !VOID.contains(&name.as_str()) {
                    match st.stack.pop() {
                        Some(i) if st.page.elements[i].name == name => {
                            let el = &st.page.elements[i];
                            if el.name == "div" && el.class().contains(&"text") {
                                let t = el.text.clone();
                                st.page.texts.push(t);
                            }
                        }
                        Some(i) => st.page.errors.push(format!(
                            "line {line}: </{name}> closes <{}>",
                            st.page.elements[i].name
                        )),
                        None => st
                            .page
                            .errors
                            .push(format!("line {line}: </{name}> with nothing open")),
                    }
                }
            }
            Token::CharacterTokens(t) => {
                let in_badge = st
                    .stack
                    .iter()
                    .any(|&i| st.page.elements[i].class().contains(&"badge"));
                if !in_badge {
                    for &i in &st.stack {
                        st.page.elements[i].text.push_str(&t);
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn parse(html: &str) -> Page {
    let state = Rc::new(RefCell::new(State::default()));
    let tok = Tokenizer::new(
        Sink(state.clone()),
        TokenizerOpts {
            exact_errors: true,
            ..Default::default()
        },
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tok.feed(&input);
    tok.end();
    drop(tok);
    let mut st = Rc::try_unwrap(state).ok().unwrap().into_inner();
    for i in st.stack.drain(..) {
        let n = &st.page.elements[i].name;
        if n != "html" && n != "body" {
            st.page.errors.push(format!("<{n}> never closed"));
        }
    }
    st.page
}

fn assert_clean(page: &Page) {
    assert!(page.errors.is_empty(), "HTML errors: {:#?}", page.errors);
}

/// Highlight elements by key.
fn highlights(page: &Page) -> HashMap<String, Vec<&El>> {
    let mut m: HashMap<String, Vec<&El>> = HashMap::new();
    for el in &page.elements {
        for k in el.keys() {
            m.entry(k.to_string()).or_default().push(el);
        }
    }
    m
}

// ---------------------------------------------------------------------------
// Records by hand.

/// Code point span of the `n`th (1-based) occurrence of `needle`.
fn at(text: &str, needle: &str, n: usize) -> (usize, usize) {
    let mut from = 0;
    let mut b = 0;
    for _ in 0..n {
        b = from
            + text[from..]
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?}"));
        from = b + needle.len();
    }
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

fn span(text: &str, needle: &str, n: usize) -> Value {
    let (s, e) = at(text, needle, n);
    json!({"text": needle, "start": s, "end": e})
}

fn slice(text: &str, s: usize, e: usize) -> String {
    text.chars().skip(s).take(e - s).collect()
}

fn entity(text: &str, needle: &str, n: usize, label: &str) -> Value {
    let (s, e) = at(text, needle, n);
    json!({"text": needle, "label": label, "start": s, "end": e, "sentence": 0,
           "canonical": needle, "rule": "test"})
}

fn date(text: &str, needle: &str, n: usize, kind: &str, value: &str) -> Value {
    let (s, e) = at(text, needle, n);
    json!({"text": needle, "type": kind, "value": value, "start": s, "end": e,
           "sentence": 0, "rule": "test"})
}

fn record(id: &str, text: &str, fields: Value) -> Record<'static> {
    let mut v = json!({
        "schema": "prex.v1", "id": id,
        "source": {"format": "text", "bytes": text.len(), "chars": text.chars().count()},
        "title": null, "dateline": null, "dct": null,
        "sentences": [{"start": 0, "end": text.chars().count()}],
        "entities": [], "dates": [], "quotations": [], "penalties": [], "warnings": [],
        "text": text,
    });
    for (k, x) in fields.as_object().unwrap() {
        v[k] = x.clone();
    }
    serde_json::from_value(v).expect("a valid record")
}

fn penalty(text: &str, needle: &str, kind: &str, status: &str, extra: Value) -> Value {
    let (s, e) = at(text, needle, 1);
    let mut p = json!({"text": needle, "start": s, "end": e, "sentence": 0, "kind": kind,
        "duration": null, "amount": null, "life": false, "bound": "exact", "status": status,
        "subject": null, "offense": null, "law": null, "rule": "test"});
    for (k, x) in extra.as_object().unwrap() {
        p[k] = x.clone();
    }
    p
}

fn quotation(
    text: &str,
    parts: &[(&str, usize)],
    speaker: Option<Value>,
    cue: Option<Value>,
) -> Value {
    let ps: Vec<(usize, usize)> = parts.iter().map(|(n, k)| at(text, n, *k)).collect();
    json!({
        "text": parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" "),
        "parts": ps.iter().map(|(s, e)| json!({"start": s, "end": e})).collect::<Vec<_>>(),
        "start": ps[0].0, "end": ps[ps.len() - 1].1, "sentence": 0,
        "speaker": speaker, "cue": cue, "rule": "test"
    })
}

const LAYERED: &str =
    "LAHORE, Pakistan — “The court gave Asif Masih a ten-year sentence on Tuesday for \
nothing,” said Father Yusuf, “and we will appeal.” He added: “Mercy is not weakness.” \
Masih, 41, was also fined 50,000 rupees under Section 295-C. 日本 ✓ “Unicode” test: Ä.";

/// A record with every layer: a date inside a penalty inside a quotation, a
/// quotation interrupted by its attribution, a speaker that is also an entity, a
/// shared speaker, penalty arguments and an entity crossing a quotation boundary.
fn layered() -> Record<'static> {
    let t = LAYERED;
    let (qs, _) = at(t, "The court", 1);
    // An entity crossing the start of the first quotation part ("“The"): clipped.
    let crossing = json!({"text": "“The", "label": "ORG", "start": qs - 1, "end": qs + 3,
        "sentence": 0, "canonical": "x", "rule": "crossing"});
    let mut entities = vec![
        entity(t, "LAHORE", 1, "GPE"),
        entity(t, "Pakistan", 1, "GPE"),
        crossing,
        entity(t, "Asif Masih", 1, "PERSON"),
        entity(t, "Yusuf", 1, "PERSON"),
        entity(t, "Masih", 2, "PERSON"),
        entity(t, "Section 295-C", 1, "LAW"),
        entity(t, "日本", 1, "GPE"),
    ];
    entities.sort_by_key(|e| e["start"].as_u64());
    let speaker = {
        let mut s = span(t, "Father Yusuf", 1);
        s["canonical"] = json!("Yusuf Bhatti");
        s
    };
    record(
        "layered.txt",
        t,
        json!({
            "dateline": {"date": null, "place": "Lahore", "organization": null,
                         "start": 0, "end": at(t, "Pakistan", 1).1},
            "entities": entities,
            "dates": [
                date(t, "ten-year", 1, "DURATION", "P10Y"),
                date(t, "Tuesday", 1, "DATE", "2021-03-02"),
            ],
            "quotations": [
                quotation(t, &[("The court gave Asif Masih a ten-year sentence on Tuesday for nothing,", 1),
                               ("and we will appeal.", 1)],
                          Some(speaker.clone()), Some(span(t, "said", 1))),
                quotation(t, &[("Mercy is not weakness.", 1)],
                          Some(json!({"text": "He", "start": at(t, "He added", 1).0,
                                      "end": at(t, "He added", 1).0 + 2, "canonical": "Yusuf Bhatti"})),
                          Some(span(t, "added", 1))),
            ],
            "penalties": [
                penalty(t, "a ten-year sentence on Tuesday", "imprisonment", "imposed",
                        json!({"duration": "P10Y", "subject": span(t, "Asif Masih", 1)})),
                penalty(t, "fined 50,000 rupees", "fine", "imposed",
                        json!({"amount": {"value": 50000, "currency": "PKR", "text": "50,000 rupees"},
                               "subject": span(t, "Masih", 2), "law": span(t, "Section 295-C", 1)})),
            ],
            "warnings": ["decoded as windows-1252"],
        }),
    )
}

/// Every key the record's spans should appear under, with the span's text.
fn expected_keys(r: &Record, text: &str) -> Vec<(String, String)> {
    let mut v = Vec::new();
    for (i, e) in r.entities.iter().enumerate() {
        v.push((format!("e{i}"), slice(text, e.start, e.end)));
    }
    for (i, d) in r.dates.iter().enumerate() {
        v.push((format!("t{i}"), slice(text, d.start, d.end)));
    }
    for (i, q) in r.quotations.iter().enumerate() {
        for (k, p) in q.parts.iter().enumerate() {
            v.push((format!("q{i}.{k}"), slice(text, p.start, p.end)));
        }
        if let Some(s) = &q.speaker {
            v.push((format!("s{i}"), s.text.to_string()));
        }
        if let Some(c) = &q.cue {
            v.push((format!("c{i}"), c.text.to_string()));
        }
    }
    for (i, p) in r.penalties.iter().enumerate() {
        v.push((format!("p{i}"), p.text.to_string()));
        for (key, s) in [("ps", &p.subject), ("po", &p.offense), ("pl", &p.law)] {
            if let Some(s) = s {
                v.push((format!("{key}{i}"), s.text.to_string()));
            }
        }
    }
    if let Some(d) = &r.dateline {
        v.push(("dl".into(), slice(text, d.start, d.end)));
    }
    v
}

// ---------------------------------------------------------------------------
// prex show

#[test]
fn show_page_parses_as_well_nested_html() {
    let page = render(&[layered()], &ShowOptions::default());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_clean(&parse(&page));
}

#[test]
fn every_span_is_exactly_one_highlight() {
    let r = layered();
    let text = r.text.clone().unwrap();
    let html = render(std::slice::from_ref(&r), &ShowOptions::default());
    let page = parse(&html);
    let hl = highlights(&page);
    let expected = expected_keys(&r, &text);
    assert_eq!(expected.len(), 8 + 2 + 3 + 2 + 2 + 2 + 3 + 1);
    for (key, want) in &expected {
        let els = hl
            .get(key)
            .unwrap_or_else(|| panic!("no highlight for {key}"));
        assert_eq!(els.len(), 1, "{key} appears {} times", els.len());
        let el = els[0];
        assert_eq!(el.name, "span");
        if el.class().contains(&"clipped") {
            assert!(
                want.starts_with(&el.text) && el.text.len() < want.len(),
                "{key}"
            );
            assert!(el.attrs["title"].contains("clipped"), "{key}");
        } else {
            assert_eq!(&el.text, want, "{key}");
        }
    }
    let keys: HashSet<&str> = expected.iter().map(|k| k.0.as_str()).collect();
    for k in hl.keys() {
        assert!(keys.contains(k.as_str()), "unexpected highlight {k}");
    }
}

#[test]
fn document_text_survives_markup_exactly() {
    let r = layered();
    let page = parse(&render(std::slice::from_ref(&r), &ShowOptions::default()));
    assert_eq!(page.texts, vec![r.text.unwrap()]);
}

#[test]
fn sentence_starts_are_marked_without_text() {
    let t = "First one. Zoë said “yes.” Third.";
    let r = record(
        "s.txt",
        t,
        json!({"sentences": [{"start": 0, "end": 10}, {"start": 11, "end": 26},
                             {"start": 27, "end": 33}],
               "entities": [entity(t, "Zoë", 1, "PERSON")]}),
    );
    let html = render(&[r], &ShowOptions::default());
    let page = parse(&html);
    assert_clean(&page);
    // One marker per sentence (plus the legend's), and the text is unchanged.
    let markers = page
        .elements
        .iter()
        .filter(|e| e.attrs.get("class").is_some_and(|c| c == "sb"))
        .count();
    assert_eq!(markers, 3 + 1);
    assert_eq!(page.texts[0], t);
    // The marker of sentence 2 comes before the entity that starts it.
    assert!(html.contains("<span class=\"sb\" data-n=\"2\"></span><span class=\"m ent"));
}

#[test]
fn date_inside_penalty_inside_quotation_nests_in_that_order() {
    let r = layered();
    let page = parse(&render(&[r], &ShowOptions::default()));
    let hl = highlights(&page);
    // t0 = "ten-year": inside p0 inside q0.0.
    assert_eq!(hl["t0"][0].ancestors, vec!["q0.0", "p0"]);
    // t1 = "Tuesday" likewise.
    assert_eq!(hl["t1"][0].ancestors, vec!["q0.0", "p0"]);
    // The subject of P1 (in the quotation, before the penalty) wraps the PERSON
    // entity with the same span.
    let e = hl["e3"][0];
    assert_eq!(e.text, "Asif Masih");
    assert_eq!(e.ancestors, vec!["q0.0", "ps0"]);
    // The speaker wraps the entity inside it; the dateline wraps its places.
    assert_eq!(hl["e4"][0].ancestors, vec!["s0"]);
    assert_eq!(hl["e0"][0].ancestors, vec!["dl"]);
}

#[test]
fn crossing_entity_is_clipped_and_says_so() {
    let page = parse(&render(&[layered()], &ShowOptions::default()));
    let hl = highlights(&page);
    let e = hl["e2"][0];
    assert!(e.class().contains(&"clipped"));
    assert_eq!(e.text, "“");
    assert!(e.attrs["title"].contains("span is"));
}

#[test]
fn tooltips_carry_the_fields() {
    let page = parse(&render(&[layered()], &ShowOptions::default()));
    let hl = highlights(&page);
    let title = |k: &str| hl[k][0].attrs["title"].clone();
    assert!(title("t1").contains("value: 2021-03-02"));
    assert!(title("e4").contains("PERSON") && title("e4").contains("rule: test"));
    assert!(title("q0.0").contains("speaker: Father Yusuf (Yusuf Bhatti)"));
    assert!(title("q0.1").contains("part 2 of 2"));
    let p1 = title("p1");
    assert!(p1.contains("fine") && p1.contains("50,000 PKR") && p1.contains("law: Section 295-C"));
    assert_eq!(hl["t0"][0].attrs["data-l"], "DURATION P10Y");
}

/// Ids are unique and every link points at one; returns the number of links.
fn check_links(page: &Page) -> usize {
    let mut ids = HashSet::new();
    for el in &page.elements {
        if let Some(id) = el.attrs.get("id") {
            assert!(ids.insert(id.clone()), "duplicate id {id}");
        }
    }
    let mut links = 0;
    for el in &page.elements {
        if let Some(h) = el.attrs.get("href") {
            let target = h.strip_prefix('#').expect("only in-page links");
            assert!(ids.contains(target), "dangling link {h}");
            links += 1;
        }
    }
    links
}

#[test]
fn links_point_at_elements_that_exist() {
    let html = render(&[layered(), layered()], &ShowOptions::default());
    let page = parse(&html);
    let links = check_links(&page);
    // Per document: Q1→speaker, Q2→speaker, speaker→Q1, speaker→Q2, P1/P2 badges,
    // P1/P2 cards, 3 argument links, 2 quotation-list links; plus the table of contents.
    assert_eq!(links, 2 * 13 + 2);
    // Quotation badges link to the speaker, the speaker back to the quotation.
    let hl = highlights(&page);
    let spk_id = hl["s0"][0].attrs["id"].clone();
    assert!(html.contains(&format!("href=\"#{spk_id}\"")));
}

#[test]
fn hostile_text_is_shown_as_text() {
    let t = "Hi <script>alert(1)</script> & <img src=x onerror=alert(2)> \"q\" 'a' </div></span> \
             <!-- x --> <style>body{display:none}</style> \u{0}\u{1b} ]]> <b>bold</b> end";
    let evil = "<script>alert(3)</script>\" onmouseover=\"alert(4)";
    let mut r = record(
        evil,
        t,
        json!({
            "title": evil,
            "entities": [{"text": "<script>", "label": "<b>X", "start": 3, "end": 11, "sentence": 0,
                          "canonical": evil, "country": evil, "rule": evil}],
            "dates": [{"text": "<img", "type": evil, "value": evil, "start": 34, "end": 38,
                       "sentence": 0, "rule": evil}],
            "quotations": [quotation(t, &[("q", 1)], Some(json!({"text": "Hi", "start": 0, "end": 2,
                           "canonical": evil})), None)],
            "penalties": [penalty(t, "</div></span>", evil, evil, json!({"rule": evil}))],
            "warnings": [evil],
        }),
    );
    r.dct = Some(evil.into());
    let html = render(
        &[r.clone(), r.clone()],
        &ShowOptions {
            title: Some(evil.into()),
            omitted: 0,
        },
    );
    let page = parse(&html);
    assert_clean(&page);
    for el in &page.elements {
        assert!(
            !(["script", "img"].contains(&el.name.as_str())
                || (el.name == "b" && el.text == "bold")),
            "hostile <{}> became an element",
            el.name
        );
        for a in el.attrs.keys() {
            assert!(!a.starts_with("on"), "event handler attribute {a}");
        }
    }
    assert_eq!(
        page.elements.iter().filter(|e| e.name == "style").count(),
        1
    );
    // The text reads back exactly (control characters as their visible pictures).
    let shown = t.replace('\u{0}', "\u{2400}").replace('\u{1b}', "\u{241b}");
    assert_eq!(page.texts, vec![shown.clone(), shown]);
    let hl = highlights(&page);
    assert_eq!(hl["e0"][0].text, "<script>");
    assert!(hl["e0"][0].attrs["title"].contains(evil));
}

#[test]
fn non_ascii_offsets_are_code_points() {
    let t = "😀 “Zoë” met 李明 in Zürich.";
    let r = record(
        "u.txt",
        t,
        json!({"entities": [entity(t, "Zoë", 1, "PERSON"), entity(t, "李明", 1, "PERSON"),
                            entity(t, "Zürich", 1, "GPE")]}),
    );
    let page = parse(&render(&[r], &ShowOptions::default()));
    let hl = highlights(&page);
    assert_eq!(hl["e0"][0].text, "Zoë");
    assert_eq!(hl["e1"][0].text, "李明");
    assert_eq!(hl["e2"][0].text, "Zürich");
    assert_eq!(page.texts[0], t);
}

#[test]
fn spans_outside_the_text_are_listed_not_drawn() {
    let t = "Short text.";
    let r = record(
        "bad.txt",
        t,
        json!({"entities": [
            {"text": "x", "label": "ORG", "start": 6, "end": 40, "sentence": 0, "canonical": "x", "rule": "r"},
            {"text": "y", "label": "ORG", "start": 9, "end": 3, "sentence": 0, "canonical": "y", "rule": "r"},
            entity(t, "text", 1, "ORG")],
            "quotations": [{"text": "q", "parts": [{"start": 50, "end": 60}], "start": 50, "end": 60,
                "sentence": 0, "speaker": span(t, "Short", 1), "cue": null}],
            "penalties": [{"text": "p", "start": 70, "end": 80, "sentence": 0, "kind": "fine",
                "duration": null, "amount": null, "life": false, "bound": "exact", "status": "imposed",
                "subject": span(t, "Short", 1), "offense": null, "law": null}]}),
    );
    let html = render(&[r], &ShowOptions::default());
    let page = parse(&html);
    assert_clean(&page);
    let hl = highlights(&page);
    assert!(!hl.contains_key("e0") && !hl.contains_key("e1"));
    assert_eq!(hl["e2"][0].text, "text");
    assert!(html.contains("e0 (6..40) is outside the text"));
    assert!(html.contains("p0 (70..80) is outside the text"));
    // The speaker and the subject are drawn; nothing links to what is not.
    assert!(hl.contains_key("s0") && hl.contains_key("ps0"));
    check_links(&page);
    assert_eq!(page.texts[0], t);
}

#[test]
fn record_without_text_explains_and_lists_annotations() {
    let mut r = layered();
    r.text = None;
    let html = render(&[r], &ShowOptions::default());
    let page = parse(&html);
    assert_clean(&page);
    assert!(html.contains("--include-text"));
    assert!(highlights(&page).is_empty());
    assert!(html.contains("Section 295-C"));
}

#[test]
fn several_documents_get_a_table_of_contents() {
    let mut b = layered();
    b.id = "second.txt".into();
    let html = render(
        &[layered(), b],
        &ShowOptions {
            title: None,
            omitted: 3,
        },
    );
    let page = parse(&html);
    assert_clean(&page);
    let toc: Vec<&El> = page
        .elements
        .iter()
        .filter(|e| e.name == "a" && e.attrs.get("href").is_some_and(|h| h.starts_with("#doc-")))
        .collect();
    assert_eq!(toc.len(), 2);
    assert_eq!(toc[1].text, "second.txt");
    assert!(html.contains("3 more left out"));
}

// ---------------------------------------------------------------------------
// prex report

fn run_records() -> Vec<Record<'static>> {
    let a = layered();
    let mut b = layered();
    b.id = "b.txt".into();
    b.dct = Some("2021-05-12".into());
    b.quotations.truncate(1);
    let t = "Nothing here.";
    let c = record("c.txt", t, json!({"dct": "2020-12-18"}));
    let mut a2 = a.clone();
    a2.entities[3].country = Some("PK".into());
    vec![a2, b, c]
}

#[test]
fn report_counts_fields_names_penalties_and_speakers() {
    let mut rep = Report::new();
    for r in run_records() {
        rep.add(&r);
    }
    assert_eq!(rep.documents(), 3);
    let html = rep.render("run <1>", 20);
    let page = parse(&html);
    assert_clean(&page);
    assert!(page.elements.iter().all(|e| e.name != "script"));
    let cells: Vec<String> = page
        .elements
        .iter()
        .filter(|e| e.name == "tr")
        .map(|e| e.text.clone())
        .collect();
    let has = |row: &str| cells.iter().any(|c| c == row);
    // field, total, per document, documents with one or more
    assert!(has("entities165.332 (67%)"), "{cells:#?}");
    assert!(has("quotations31.002 (67%)"));
    assert!(has("penalties41.332 (67%)"));
    // PERSON names with mentions, documents and the documents' ids.
    assert!(has("Asif Masih22layered.txt, b.txt"));
    assert!(has("Masih22layered.txt, b.txt"));
    assert!(has("Yusuf22layered.txt, b.txt"));
    // Penalties by kind and status.
    assert!(has("imprisonment22"));
    assert!(has("fine22"));
    // Speakers by canonical name.
    assert!(has("Yusuf Bhatti32layered.txt, b.txt"));
    // Money amounts.
    assert!(has("PKR2100,000"));
    // Title escaped; charts are inline SVG.
    assert!(html.contains("<title>run &lt;1&gt;</title>"));
    assert!(html.matches("<svg").count() >= 6);
    assert!(!html.contains("http://") || !html.contains("src="));
}

#[test]
fn report_places_penalties_in_countries_and_time() {
    let mut rep = Report::new();
    for r in run_records() {
        rep.add(&r);
    }
    let html = rep.render("r", 20);
    // Both penalties of a2 have PK nearby (entity 3 carries PK); b has no countries.
    assert!(html.contains("PK: 2</title>"), "country bars");
    assert!(html.contains("unknown: 2</title>"));
    // dct months from Dec 2020 to May 2021, gaps filled.
    for m in ["Dec 2020", "Jan 2021", "Feb 2021", "May 2021"] {
        assert!(html.contains(m), "{m}");
    }
    assert!(html.contains("1 documents without a dct"));
    // Dated events: Tuesday 2021-03-02 twice.
    assert!(html.contains("Mar 2021: 2</title>"));
}

#[test]
fn report_escapes_hostile_names() {
    let evil = "<script>alert(1)</script>";
    let t = "x <script> y";
    let r = record(
        evil,
        t,
        json!({"entities": [{"text": "<script>", "label": evil, "start": 2, "end": 10, "sentence": 0,
                             "canonical": evil, "country": evil, "rule": "r"}],
               "penalties": [penalty(t, "y", evil, evil, json!({}))],
               "quotations": [quotation(t, &[("y", 1)], Some(json!({"text": "x", "start": 0, "end": 1,
                              "canonical": evil})), Some(json!({"text": evil, "start": 0, "end": 1})))],
               "warnings": [evil], "dct": evil}),
    );
    let mut rep = Report::new();
    rep.add(&r);
    let html = rep.render(evil, 20);
    let page = parse(&html);
    assert_clean(&page);
    assert!(page.elements.iter().all(|e| e.name != "script"));
    assert!(!html.contains("<script"));
}

#[test]
fn report_stays_small_at_5000_documents() {
    let t = "Pastor Wang was sentenced to three years in prison on May 4, 2021.";
    let mut rep = Report::new();
    for i in 0..5000 {
        // A name unique to each document, and shared ones.
        let mut r = record(
            &format!("run/doc-{i:05}.txt"),
            t,
            json!({"dct": format!("20{:02}-{:02}-01", 15 + i % 7, 1 + i % 12),
                   "entities": [entity(t, "Wang", 1, "PERSON")],
                   "dates": [date(t, "May 4, 2021", 1, "DATE", "2021-05-04")],
                   "penalties": [penalty(t, "three years in prison", "imprisonment", "imposed",
                                         json!({"duration": "P3Y"}))]}),
        );
        r.entities[0].canonical = format!("Wang {i}").into();
        if i % 2 == 0 {
            r.entities[0].canonical = "Wang Yi".into();
        }
        rep.add(&r);
    }
    let started = std::time::Instant::now();
    let html = rep.render("big", 20);
    assert!(started.elapsed().as_secs() < 5);
    assert!(html.len() < 200_000, "report is {} bytes", html.len());
    let page = parse(&html);
    assert_clean(&page);
    assert!(html.contains("2501 distinct, top 20"));
    assert!(html.contains("and 2498 more"));
    assert!(html.contains("(2398 not listed)"));
    assert!(html.contains("2015"), "timeline by year");
}

// ---------------------------------------------------------------------------
// The commands

#[test]
fn cli_show_runs_the_pipeline_and_report_reads_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r<1>.txt");
    std::fs::write(&f, "A release about <b>nothing</b>. It ends here.\n").unwrap();
    let out = common::run(&["show", f.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    let page = parse(&html);
    assert_clean(&page);
    assert!(page.texts[0].contains("A release about <b>nothing</b>."));
    assert!(html.contains("r&lt;1&gt;.txt"));

    let recs = common::run(&["extract", "-q", f.to_str().unwrap()]);
    assert!(recs.status.success());
    let out = common::run_stdin(&["report", "-", "--title", "T"], &recs.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert_clean(&parse(&html));
    assert!(html.contains("<title>T</title>"));

    // Records without text render with a note; -o writes the file.
    let rf = dir.path().join("recs.jsonl");
    std::fs::write(&rf, &recs.stdout).unwrap();
    let page_file = dir.path().join("page.html");
    let out = common::run(&[
        "show",
        "--records",
        rf.to_str().unwrap(),
        "-o",
        page_file.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let html = std::fs::read_to_string(&page_file).unwrap();
    assert!(html.contains("--include-text"));

    let out = common::run(&["show", "--records", rf.to_str().unwrap(), "--only", "zzz"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no documents to show"));

    let out = common::run(&["report", dir.path().join("missing.jsonl").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}
