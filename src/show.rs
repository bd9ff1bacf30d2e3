//! `prex show`: records rendered as one self-contained HTML page, the release text
//! with every annotation highlighted in place (in the spirit of displaCy and GATE's
//! annotation viewer), offline, no JavaScript.
//!
//! HTML elements must nest, annotations need not. Every span becomes exactly one
//! element; [`nest`] makes the set well nested by layer (dateline, then quotation
//! parts, speakers, cues, penalties, penalty arguments, entities and, innermost,
//! dates). A span that crosses the boundary of an element of an outer layer keeps its
//! start and is cut at that boundary; the element says so in its tooltip.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::record::{Record, TextSpan};

const CSS: &str = include_str!("assets/show.css");

/// Appends `s` with `& < > " '` escaped (safe in text and in quoted attributes).
/// C0 controls other than tab, newline and carriage return become their visible
/// Control Pictures (U+2400..), so a NUL in a release cannot upset a parser.
pub fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            0..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f => "",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        if rep.is_empty() {
            let pic = if b == 0x7f { 0x2421 } else { 0x2400 + b as u32 };
            out.push(char::from_u32(pic).unwrap_or('\u{fffd}'));
        } else {
            out.push_str(rep);
        }
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// `s` escaped for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// Annotation layers, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    Dateline,
    Quote,
    Speaker,
    Cue,
    Penalty,
    Argument,
    Entity,
    Date,
}

/// Makes spans well nested. `spans[i] = (layer, start, end)` with `start <= end`;
/// returns each span's clipped `(start, end)`, in input order. Spans are placed
/// outer layer first (then by start, longer first); a span keeps its start and its
/// end is cut where it would cross an element already placed: at the end of the
/// element it starts in, or at the start of an element that starts inside it and
/// ends after it. The result is laminar: any two spans are nested or disjoint.
///
/// One sweep per layer over the spans already placed, with a stack of the elements
/// open at the current position: O(n log n) plus, per span, the number of outer
/// elements that start inside it.
pub fn nest(spans: &[(Layer, usize, usize)]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].0, spans[i].1, std::cmp::Reverse(spans[i].2)));
    let mut out = vec![(0, 0); spans.len()];
    // Spans of the layers done so far, sorted by (start, longer first).
    let mut placed: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    let mut layer_spans: Vec<(usize, usize)> = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while k < order.len() {
        let layer = spans[order[k]].0;
        let mut next = 0; // first element of `placed` not yet pushed
        stack.clear();
        layer_spans.clear();
        while k < order.len() && spans[order[k]].0 == layer {
            let i = order[k];
            let (_, s, mut e) = spans[i];
            // Open the outer elements that start before this span, or at its start
            // and contain it.
            while let Some(&(ps, pe)) = placed.get(next) {
                if ps < s || (ps == s && pe >= e) {
                    while stack.last().is_some_and(|&(_, te)| te <= ps && te < pe) {
                        stack.pop();
                    }
                    stack.push((ps, pe));
                    next += 1;
                } else {
                    break;
                }
            }
            while stack
                .last()
                .is_some_and(|&(ts, te)| te <= s && !(ts == s && te >= e))
            {
                stack.pop();
            }
            // The innermost open element contains `s`: stay inside it.
            if let Some(&(_, te)) = stack.last() {
                e = e.min(te);
            }
            // The first outer element starting inside (s, e) that ends after e.
            for &(ps, pe) in &placed[next..] {
                if ps >= e {
                    break;
                }
                if ps > s && pe > e {
                    e = ps;
                    break;
                }
            }
            stack.push((s, e));
            layer_spans.push((s, e));
            out[i] = (s, e);
            k += 1;
        }
        placed.extend_from_slice(&layer_spans);
        placed.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    }
    out
}

/// One highlight to draw.
struct Mark {
    layer: Layer,
    /// Space-separated keys of the record spans this element stands for
    /// (`e3` entity, `t0` date, `q1.0` quotation part, `s1` speaker, `c1` cue,
    /// `p2` penalty, `ps2`/`po2`/`pl2` its subject/offense/law, `dl` dateline).
    keys: String,
    start: usize,
    end: usize,
    class: String,
    /// Short label drawn after the text (CSS `attr(data-l)`), printed too.
    label: String,
    title: String,
    id: Option<String>,
    /// Small links drawn at the start of the element: (href, text, title).
    badges: Vec<(String, String, String)>,
}

/// Code point offsets → byte offsets of `text`, for a given set of offsets.
struct ByteMap {
    ascii: bool,
    chars: Vec<usize>,
    bytes: Vec<usize>,
}

impl ByteMap {
    fn new(text: &str, mut offsets: Vec<usize>) -> ByteMap {
        if text.is_ascii() {
            return ByteMap {
                ascii: true,
                chars: Vec::new(),
                bytes: Vec::new(),
            };
        }
        offsets.sort_unstable();
        offsets.dedup();
        let mut bytes = Vec::with_capacity(offsets.len());
        let mut want = offsets.iter().peekable();
        for (ci, (bi, _)) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
            .enumerate()
        {
            while want.peek() == Some(&&ci) {
                bytes.push(bi);
                want.next();
            }
            if want.peek().is_none() {
                break;
            }
        }
        ByteMap {
            ascii: false,
            chars: offsets,
            bytes,
        }
    }

    fn get(&self, c: usize) -> usize {
        if self.ascii {
            return c;
        }
        match self.chars.binary_search(&c) {
            Ok(i) => self.bytes[i],
            Err(_) => unreachable!("offset {c} was not registered"),
        }
    }
}

fn kv(title: &mut String, k: &str, v: &str) {
    if !v.is_empty() {
        let _ = write!(title, "\n{k}: {v}");
    }
}

fn span_desc(t: &TextSpan) -> String {
    match &t.canonical {
        Some(c) if c != &t.text => format!("{} ({c})", t.text),
        _ => t.text.to_string(),
    }
}

/// An integer with thousands separators (`1200000` → `1,200,000`); other numbers
/// as they are.
pub fn group_digits(n: &serde_json::Number) -> String {
    let Some(i) = n.as_i64() else {
        return n.to_string();
    };
    let digits = i.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if i < 0 {
        out.push('-');
    }
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Lowercase letters, digits and `-` only (CSS class names from record labels).
fn class_name(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c.is_ascii_alphanumeric() {
                Some(c.to_ascii_lowercase())
            } else if c == '_' || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

const ENTITY_LABELS: &[&str] = &["PERSON", "ORG", "GPE", "LOC", "NORP", "LAW"];

fn entity_class(label: &str) -> String {
    if ENTITY_LABELS.contains(&label) {
        format!("ent ent-{}", class_name(label))
    } else {
        "ent ent-other".to_string()
    }
}

/// Everything drawn for one record, before layout.
fn marks_of(r: &Record, d: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mk = |layer, keys: String, start, end, class: &str, label: String, title: String| Mark {
        layer,
        keys,
        start,
        end,
        class: class.to_string(),
        label,
        title,
        id: None,
        badges: Vec::new(),
    };
    if let Some(dl) = &r.dateline {
        let mut t = "dateline".to_string();
        kv(&mut t, "date", dl.date.as_deref().unwrap_or(""));
        kv(&mut t, "place", dl.place.as_deref().unwrap_or(""));
        kv(
            &mut t,
            "organization",
            dl.organization.as_deref().unwrap_or(""),
        );
        marks.push(mk(
            Layer::Dateline,
            "dl".into(),
            dl.start,
            dl.end,
            "dl",
            String::new(),
            t,
        ));
    }
    for (i, e) in r.entities.iter().enumerate() {
        let mut t = e.label.to_string();
        kv(&mut t, "canonical", &e.canonical);
        kv(&mut t, "country", e.country.as_deref().unwrap_or(""));
        kv(&mut t, "rule", &e.rule);
        marks.push(mk(
            Layer::Entity,
            format!("e{i}"),
            e.start,
            e.end,
            &entity_class(&e.label),
            e.label.to_string(),
            t,
        ));
    }
    for (i, x) in r.dates.iter().enumerate() {
        let mut t = format!("TIMEX3 {}", x.kind);
        kv(&mut t, "value", &x.value);
        if x.anchored {
            kv(&mut t, "anchored", "yes (resolved against the dct)");
        }
        kv(&mut t, "rule", &x.rule);
        marks.push(mk(
            Layer::Date,
            format!("t{i}"),
            x.start,
            x.end,
            "date",
            format!("{} {}", x.kind, x.value),
            t,
        ));
    }
    // Speakers and cues can be shared by several quotations: one element each.
    let mut roles: Vec<(Layer, usize, usize, Vec<usize>)> = Vec::new();
    for (i, q) in r.quotations.iter().enumerate() {
        for (layer, sp) in [(Layer::Speaker, &q.speaker), (Layer::Cue, &q.cue)] {
            if let Some(sp) = sp {
                match roles
                    .iter_mut()
                    .find(|x| x.0 == layer && x.1 == sp.start && x.2 == sp.end)
                {
                    Some(x) => x.3.push(i),
                    None => roles.push((layer, sp.start, sp.end, vec![i])),
                }
            }
        }
    }
    let speaker_id = |i: usize| -> Option<String> {
        roles
            .iter()
            .find(|x| x.0 == Layer::Speaker && x.3.contains(&i))
            .map(|x| format!("d{d}-s{}", x.3[0]))
    };
    for (i, q) in r.quotations.iter().enumerate() {
        let n = q.parts.len();
        for (k, p) in q.parts.iter().enumerate() {
            let mut t = format!("quotation Q{}", i + 1);
            if n > 1 {
                let _ = write!(t, ", part {} of {n}", k + 1);
            }
            kv(
                &mut t,
                "speaker",
                &q.speaker.as_ref().map(span_desc).unwrap_or("(none)".into()),
            );
            kv(
                &mut t,
                "cue",
                &q.cue
                    .as_ref()
                    .map(|c| c.text.clone())
                    .unwrap_or("(none)".into()),
            );
            kv(&mut t, "rule", &q.rule);
            let mut m = mk(
                Layer::Quote,
                format!("q{i}.{k}"),
                p.start,
                p.end,
                "quote",
                String::new(),
                t,
            );
            m.id = Some(format!("d{d}-q{i}-{k}"));
            if k == 0 {
                let (href, title) = match speaker_id(i) {
                    Some(s) => (s, "go to the speaker".to_string()),
                    None => (String::new(), "no speaker".to_string()),
                };
                m.badges.push((href, format!("Q{}", i + 1), title));
            }
            marks.push(m);
        }
    }
    for (layer, start, end, qs) in &roles {
        let (class, word, key) = match layer {
            Layer::Speaker => ("spk", "speaker", "s"),
            _ => ("cue", "cue", "c"),
        };
        let names: Vec<String> = qs.iter().map(|i| format!("Q{}", i + 1)).collect();
        let mut t = format!("{word} of {}", names.join(", "));
        if let Some(c) = r.quotations[qs[0]]
            .speaker
            .as_ref()
            .filter(|_| *layer == Layer::Speaker)
            .and_then(|s| s.canonical.as_deref())
        {
            kv(&mut t, "canonical", c);
        }
        let keys: Vec<String> = qs.iter().map(|i| format!("{key}{i}")).collect();
        let mut m = mk(
            *layer,
            keys.join(" "),
            *start,
            *end,
            class,
            format!("{word} {}", names.join(",")),
            t,
        );
        m.id = Some(format!("d{d}-{key}{}", qs[0]));
        if *layer == Layer::Speaker {
            for i in qs {
                m.badges.push((
                    format!("d{d}-q{i}-0"),
                    format!("Q{}", i + 1),
                    "go to the quotation".into(),
                ));
            }
        }
        marks.push(m);
    }
    // (start, end, role, keys, penalty indexes), one per distinct argument span.
    type Arg = (usize, usize, String, Vec<String>, Vec<usize>);
    let mut args: Vec<Arg> = Vec::new();
    for (i, p) in r.penalties.iter().enumerate() {
        let mut t = format!("penalty P{}: {}", i + 1, p.kind);
        kv(&mut t, "status", &p.status);
        kv(&mut t, "duration", p.duration.as_deref().unwrap_or(""));
        if let Some(a) = &p.amount {
            kv(
                &mut t,
                "amount",
                &format!("{} {} ({})", group_digits(&a.value), a.currency, a.text),
            );
        }
        if p.life {
            kv(&mut t, "life", "yes");
        }
        kv(&mut t, "bound", &p.bound);
        kv(
            &mut t,
            "subject",
            &p.subject.as_ref().map(span_desc).unwrap_or_default(),
        );
        kv(
            &mut t,
            "offense",
            &p.offense
                .as_ref()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
        );
        kv(
            &mut t,
            "law",
            &p.law.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
        );
        kv(&mut t, "rule", &p.rule);
        let mut m = mk(
            Layer::Penalty,
            format!("p{i}"),
            p.start,
            p.end,
            "pen",
            String::new(),
            t,
        );
        m.id = Some(format!("d{d}-p{i}"));
        m.badges.push((
            format!("d{d}-pc{i}"),
            format!("P{}", i + 1),
            "go to the penalty card".into(),
        ));
        marks.push(m);
        for (role, key, sp) in [
            ("subject", "ps", &p.subject),
            ("offense", "po", &p.offense),
            ("law", "pl", &p.law),
        ] {
            if let Some(sp) = sp {
                match args
                    .iter_mut()
                    .find(|a| a.0 == sp.start && a.1 == sp.end && a.2 == role)
                {
                    Some(a) => {
                        a.3.push(format!("{key}{i}"));
                        a.4.push(i);
                    }
                    None => args.push((
                        sp.start,
                        sp.end,
                        role.to_string(),
                        vec![format!("{key}{i}")],
                        vec![i],
                    )),
                }
            }
        }
    }
    for (j, (start, end, role, keys, ps)) in args.into_iter().enumerate() {
        let names: Vec<String> = ps.iter().map(|i| format!("P{}", i + 1)).collect();
        let t = format!("{role} of penalty {}", names.join(", "));
        let mut m = mk(
            Layer::Argument,
            keys.join(" "),
            start,
            end,
            &format!("arg arg-{}", class_name(&role)),
            format!("{role} {}", names.join(",")),
            t,
        );
        m.id = Some(format!("d{d}-a{j}"));
        marks.push(m);
    }
    marks
}

/// Writes a text out escaped, with a sentence marker (an empty element numbered by
/// CSS) before the first character of every sentence.
struct TextWriter<'a> {
    text: &'a str,
    pos: usize,
    /// Byte offsets of sentence starts, ascending.
    points: Vec<usize>,
    next: usize,
}

impl TextWriter<'_> {
    /// Writes up to byte `to`, with the markers before it (and at it, if `at_end`).
    fn upto(&mut self, out: &mut String, to: usize, at_end: bool) {
        while let Some(&p) = self.points.get(self.next) {
            if p > to || (p == to && !at_end) {
                break;
            }
            let p = p.max(self.pos);
            escape_into(out, &self.text[self.pos..p]);
            self.pos = p;
            self.next += 1;
            let _ = write!(out, "<span class=\"sb\" data-n=\"{}\"></span>", self.next);
        }
        escape_into(out, &self.text[self.pos..to]);
        self.pos = to;
    }
}

/// Renders one record's text with its highlights. Returns the problems found (spans
/// outside the text, listed on the page) and the ids of the elements drawn (links
/// go only to those).
fn render_text(
    out: &mut String,
    r: &Record,
    text: &str,
    d: usize,
) -> (Vec<String>, HashSet<String>) {
    let nchars = if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    };
    let mut problems = Vec::new();
    let mut marks = marks_of(r, d);
    marks.retain(|m| {
        let ok = m.start <= m.end && m.end <= nchars;
        if !ok {
            problems.push(format!(
                "{} ({}..{}) is outside the text ({nchars} code points): not shown",
                m.keys, m.start, m.end
            ));
        }
        ok
    });
    let mut drawn: HashSet<String> = marks.iter().filter_map(|m| m.id.clone()).collect();
    // Penalty cards are always drawn.
    drawn.extend((0..r.penalties.len()).map(|i| format!("d{d}-pc{i}")));
    let spans: Vec<(Layer, usize, usize)> =
        marks.iter().map(|m| (m.layer, m.start, m.end)).collect();
    let nested = nest(&spans);
    let mut offsets: Vec<usize> = nested.iter().flat_map(|&(s, e)| [s, e]).collect();
    offsets.push(nchars);
    let sentence_starts: Vec<usize> = r
        .sentences
        .iter()
        .map(|x| x.start)
        .filter(|&x| x < nchars)
        .collect();
    offsets.extend_from_slice(&sentence_starts);
    let bm = ByteMap::new(text, offsets);
    let text_end = bm.get(nchars);
    let mut w = TextWriter {
        text,
        pos: 0,
        points: sentence_starts.iter().map(|&c| bm.get(c)).collect(),
        next: 0,
    };
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| {
        (
            nested[i].0,
            std::cmp::Reverse(nested[i].1),
            marks[i].layer,
            i,
        )
    });
    let mut stack: Vec<usize> = Vec::new(); // byte ends
    for i in order {
        let m = &marks[i];
        let (cs, ce) = nested[i];
        let (bs, be) = (bm.get(cs), bm.get(ce));
        while let Some(&top) = stack.last() {
            if top > bs {
                break;
            }
            w.upto(out, top, false);
            out.push_str("</span>");
            stack.pop();
        }
        w.upto(out, bs, true);
        let clipped = ce != m.end;
        out.push_str("<span class=\"m ");
        out.push_str(&m.class);
        if clipped {
            out.push_str(" clipped");
        }
        out.push('"');
        if let Some(id) = &m.id {
            let _ = write!(out, " id=\"{id}\"");
        }
        out.push_str(" data-s=\"");
        escape_into(out, &m.keys);
        out.push('"');
        if !m.label.is_empty() {
            out.push_str(" data-l=\"");
            escape_into(out, &m.label);
            out.push('"');
        }
        out.push_str(" title=\"");
        escape_into(out, &m.title);
        if clipped {
            let _ = write!(
                out,
                "\n(clipped at {ce} to nest with the layers around it; the span is {}..{})",
                m.start, m.end
            );
        }
        out.push_str("\">");
        for (href, label, title) in &m.badges {
            if !drawn.contains(href) {
                out.push_str("<span class=\"badge\" title=\"");
                escape_into(out, title);
                out.push_str("\">");
                escape_into(out, label);
                out.push_str("</span>");
            } else {
                let _ = write!(out, "<a class=\"badge\" href=\"#{href}\" title=\"");
                escape_into(out, title);
                out.push_str("\">");
                escape_into(out, label);
                out.push_str("</a>");
            }
        }
        stack.push(be);
    }
    while let Some(top) = stack.pop() {
        w.upto(out, top, false);
        out.push_str("</span>");
    }
    w.upto(out, text_end, false);
    (problems, drawn)
}

fn opt_span(out: &mut String, name: &str, t: &Option<TextSpan>, href: Option<&str>) {
    if let Some(t) = t {
        let _ = write!(out, "<dt>{name}</dt><dd>");
        match href {
            Some(h) => {
                let _ = write!(out, "<a href=\"#{h}\">");
                escape_into(out, &span_desc(t));
                out.push_str("</a>");
            }
            None => escape_into(out, &span_desc(t)),
        }
        out.push_str("</dd>");
    }
}

fn penalty_cards(out: &mut String, r: &Record, d: usize, drawn: &HashSet<String>) {
    if r.penalties.is_empty() {
        return;
    }
    let _ = write!(out, "<h3>Penalties ({})</h3>", r.penalties.len());
    // The argument element ids, as assigned in `marks_of`.
    let mut args: Vec<(usize, usize, &str)> = Vec::new();
    let mut arg_id = |sp: &TextSpan, role: &'static str| -> String {
        let j = match args
            .iter()
            .position(|a| a.0 == sp.start && a.1 == sp.end && a.2 == role)
        {
            Some(j) => j,
            None => {
                args.push((sp.start, sp.end, role));
                args.len() - 1
            }
        };
        format!("d{d}-a{j}")
    };
    for (i, p) in r.penalties.iter().enumerate() {
        let ids: Vec<Option<String>> = [
            (&p.subject, "subject"),
            (&p.offense, "offense"),
            (&p.law, "law"),
        ]
        .into_iter()
        .map(|(s, role)| s.as_ref().map(|s| arg_id(s, role)))
        .collect();
        let _ = write!(
            out,
            "<div class=\"card st-{}\" id=\"d{d}-pc{i}\"><div class=\"card-h\">",
            class_name(&p.status)
        );
        if drawn.contains(&format!("d{d}-p{i}")) {
            let _ = write!(out, "<a href=\"#d{d}-p{i}\">P{}</a> ", i + 1);
        } else {
            let _ = write!(out, "P{} ", i + 1);
        }
        out.push_str("<b>");
        escape_into(out, &p.kind);
        out.push_str("</b> <span class=\"status\">");
        escape_into(out, &p.status);
        out.push_str("</span></div><q>");
        escape_into(out, &p.text);
        out.push_str("</q><dl>");
        let mut term = String::new();
        if p.life {
            term.push_str("life");
        } else if let Some(du) = &p.duration {
            term.push_str(du);
        }
        if !term.is_empty() {
            if p.bound != "exact" && !p.bound.is_empty() {
                term = format!("{term} ({})", p.bound);
            }
            out.push_str("<dt>term</dt><dd>");
            escape_into(out, &term);
            out.push_str("</dd>");
        }
        if let Some(a) = &p.amount {
            out.push_str("<dt>amount</dt><dd>");
            escape_into(out, &format!("{} {}", group_digits(&a.value), a.currency));
            out.push_str(" <small>");
            escape_into(out, &a.text);
            out.push_str("</small></dd>");
        }
        let h = |k: usize| ids[k].as_deref().filter(|id| drawn.contains(*id));
        opt_span(out, "subject", &p.subject, h(0));
        opt_span(out, "offense", &p.offense, h(1));
        opt_span(out, "law", &p.law, h(2));
        if !p.rule.is_empty() {
            out.push_str("<dt>rule</dt><dd><code>");
            escape_into(out, &p.rule);
            out.push_str("</code></dd>");
        }
        out.push_str("</dl></div>");
    }
}

fn quotation_list(out: &mut String, r: &Record, d: usize, drawn: &HashSet<String>) {
    if r.quotations.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3>Quotations ({})</h3><ol class=\"qlist\">",
        r.quotations.len()
    );
    for (i, q) in r.quotations.iter().enumerate() {
        out.push_str("<li>");
        if drawn.contains(&format!("d{d}-q{i}-0")) {
            let _ = write!(out, "<a href=\"#d{d}-q{i}-0\">Q{}</a> ", i + 1);
        } else {
            let _ = write!(out, "Q{} ", i + 1);
        }
        match &q.speaker {
            Some(s) => {
                out.push_str("<b>");
                escape_into(out, &span_desc(s));
                out.push_str("</b>");
            }
            None => out.push_str("<i>no speaker</i>"),
        }
        if let Some(c) = &q.cue {
            out.push_str(" <span class=\"cuew\">");
            escape_into(out, &c.text);
            out.push_str("</span>");
        }
        out.push_str(": <q>");
        let short: String = q.text.chars().take(90).collect();
        escape_into(out, &short);
        if short.len() < q.text.len() {
            out.push('…');
        }
        out.push_str("</q></li>");
    }
    out.push_str("</ol>");
}

/// Annotations listed as plain text, for records without `text`.
fn annotation_list(out: &mut String, r: &Record) {
    if !r.entities.is_empty() || !r.dates.is_empty() {
        out.push_str("<h3>Entities and dates</h3><p class=\"plain\">");
        for e in &r.entities {
            let _ = write!(
                out,
                "<span class=\"m {}\" data-l=\"",
                entity_class(&e.label)
            );
            escape_into(out, &e.label);
            out.push_str("\">");
            escape_into(out, &e.text);
            out.push_str("</span> ");
        }
        for x in &r.dates {
            out.push_str("<span class=\"m date\" data-l=\"");
            escape_into(out, &format!("{} {}", x.kind, x.value));
            out.push_str("\">");
            escape_into(out, &x.text);
            out.push_str("</span> ");
        }
        out.push_str("</p>");
    }
}

fn counts(r: &Record) -> String {
    format!(
        "{} sentences · {} entities · {} dates · {} quotations · {} penalties",
        r.sentences.len(),
        r.entities.len(),
        r.dates.len(),
        r.quotations.len(),
        r.penalties.len()
    )
}

fn document(out: &mut String, r: &Record, d: usize) {
    let _ = write!(out, "<section class=\"doc\" id=\"doc-{d}\"><header><h2>");
    escape_into(out, &r.id);
    out.push_str("</h2>");
    if let Some(t) = &r.title {
        out.push_str("<p class=\"title\">");
        escape_into(out, t);
        out.push_str("</p>");
    }
    out.push_str("<p class=\"meta\">");
    if let Some(dct) = &r.dct {
        out.push_str("dct <b>");
        escape_into(out, dct);
        out.push_str("</b> · ");
    }
    if let Some(dl) = &r.dateline {
        out.push_str("dateline ");
        let parts: Vec<&str> = [&dl.place, &dl.organization, &dl.date]
            .into_iter()
            .filter_map(|x| x.as_deref())
            .collect();
        escape_into(out, &parts.join(" / "));
        out.push_str(" · ");
    }
    escape_into(
        out,
        &format!("{} · {} code points · ", r.source.format, r.source.chars),
    );
    escape_into(out, &counts(r));
    out.push_str("</p>");
    let mut problems = Vec::new();
    let mut drawn = HashSet::new();
    let mut body = String::new();
    match &r.text {
        Some(text) => {
            body.push_str("<div class=\"text\">");
            (problems, drawn) = render_text(&mut body, r, text, d);
            body.push_str("</div>");
        }
        None => {
            body.push_str(
                "<div class=\"text notext\"><p>This record carries no <code>text</code> \
                 (it was made without <code>--include-text</code>), so its spans cannot \
                 be shown in place. Run <code>prex show FILE</code> on the release, or \
                 <code>prex extract --include-text</code>.</p>",
            );
            annotation_list(&mut body, r);
            body.push_str("</div>");
        }
    }
    let all: Vec<&str> = (r.warnings.iter().map(|w| w.as_ref()))
        .chain(problems.iter().map(String::as_str))
        .collect();
    if !all.is_empty() {
        out.push_str("<ul class=\"warnings\">");
        for w in all {
            out.push_str("<li>");
            escape_into(out, w);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</header><div class=\"cols\">");
    out.push_str(&body);
    out.push_str("<aside class=\"side\">");
    penalty_cards(out, r, d, &drawn);
    quotation_list(out, r, d, &drawn);
    out.push_str("</aside></div></section>\n");
}

fn legend(out: &mut String) {
    out.push_str("<div class=\"legend\">");
    for l in ENTITY_LABELS {
        let _ = write!(out, "<span class=\"m {}\">{l}</span> ", entity_class(l));
    }
    out.push_str(
        "<span class=\"m date\">date (TIMEX3)</span> \
         <span class=\"m quote\">quotation</span> \
         <span class=\"m spk\">speaker</span> \
         <span class=\"m cue\">cue</span> \
         <span class=\"m pen\">penalty</span> \
         <span class=\"m arg arg-subject\">subject</span> \
         <span class=\"m arg arg-offense\">offense</span> \
         <span class=\"m arg arg-law\">law</span> \
         <span class=\"m dl\">dateline</span> \
         <span><span class=\"sb\" data-n=\"3\"></span>sentence start</span> \
         <span class=\"hint\">Hover a highlight for its fields; badges link quotations \
         to speakers and penalties to their cards. A dashed edge marks a span cut to \
         nest inside another.</span></div>",
    );
}

/// Options of a `show` page.
#[derive(Debug, Clone, Default)]
pub struct ShowOptions {
    /// Page title; default "prex show".
    pub title: Option<String>,
    /// Documents left out of the page (beyond a limit), mentioned at the top.
    pub omitted: usize,
}

/// One self-contained HTML page for the records (a table of contents first when
/// there are several).
pub fn render(records: &[Record], opts: &ShowOptions) -> String {
    let title = opts.title.as_deref().unwrap_or("prex show");
    let size: usize = records
        .iter()
        .map(|r| r.text.as_ref().map_or(0, |t| t.len()) * 2 + 2048)
        .sum();
    let mut out = String::with_capacity(size + CSS.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str("<meta name=\"generator\" content=\"prex show\"><title>");
    escape_into(&mut out, title);
    out.push_str("</title><style>\n");
    out.push_str(CSS);
    out.push_str("</style></head><body><header class=\"page\"><h1>");
    escape_into(&mut out, title);
    let _ = write!(
        out,
        "</h1><p class=\"meta\">{} document{}",
        records.len(),
        if records.len() == 1 { "" } else { "s" }
    );
    if opts.omitted > 0 {
        let _ = write!(
            out,
            " shown; <b>{} more left out</b> (raise <code>--max-docs</code>, or see \
             <code>prex report</code> for the whole run)",
            opts.omitted
        );
    }
    out.push_str("</p>");
    legend(&mut out);
    if records.len() > 1 {
        // A long list starts folded, so the first document is on the first screen.
        let _ = write!(
            out,
            "<nav class=\"toc\"><details{}><summary>Documents ({})</summary><ol>",
            if records.len() <= 30 { " open" } else { "" },
            records.len()
        );
        for (d, r) in records.iter().enumerate() {
            let _ = write!(out, "<li><a href=\"#doc-{d}\">");
            escape_into(&mut out, &r.id);
            out.push_str("</a> <small>");
            escape_into(
                &mut out,
                &format!(
                    "{}E {}D {}Q {}P",
                    r.entities.len(),
                    r.dates.len(),
                    r.quotations.len(),
                    r.penalties.len()
                ),
            );
            out.push_str("</small></li>");
        }
        out.push_str("</ol></details></nav>");
    }
    out.push_str("</header><main>\n");
    for (d, r) in records.iter().enumerate() {
        document(&mut out, r, d);
    }
    out.push_str("</main></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laminar(v: &[(usize, usize)]) -> bool {
        v.iter().all(|&(a, b)| {
            v.iter()
                .all(|&(c, e)| b <= c || e <= a || (a <= c && e <= b) || (c <= a && b <= e))
        })
    }

    fn nest_naive(spans: &[(Layer, usize, usize)]) -> Vec<(usize, usize)> {
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| (spans[i].0, spans[i].1, std::cmp::Reverse(spans[i].2)));
        // Placed spans, sorted by (start, longer first).
        let mut placed: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        let mut out = vec![(0, 0); spans.len()];
        for i in order {
            let (_, s, mut e) = spans[i];
            let before = placed.partition_point(|&(ps, _)| ps < s);
            // The deepest placed element containing `s` is the last one before it that
            // ends after `s`.
            if let Some(&(_, pe)) = placed[..before].iter().rev().find(|&&(_, pe)| pe > s) {
                e = e.min(pe);
            }
            // The first element starting inside (s, e) that ends after e.
            let from = placed.partition_point(|&(ps, _)| ps <= s);
            for &(ps, pe) in &placed[from..] {
                if ps >= e {
                    break;
                }
                if pe > e {
                    e = ps;
                    break;
                }
            }
            let at = placed.partition_point(|&(ps, pe)| ps < s || (ps == s && pe >= e));
            placed.insert(at, (s, e));
            out[i] = (s, e);
        }
        out
    }

    #[test]
    fn escape_covers_markup_and_controls() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("a\0b\tc\u{7f}é"), "a\u{2400}b\tc\u{2421}é");
    }

    #[test]
    fn outer_layers_win_and_inner_spans_are_clipped() {
        // An entity crossing the end of a quotation part is cut there.
        let v = nest(&[(Layer::Entity, 5, 15), (Layer::Quote, 0, 10)]);
        assert_eq!(v, vec![(5, 10), (0, 10)]);
        // An entity crossing the start of a quotation part ends where it starts.
        let v = nest(&[(Layer::Entity, 0, 8), (Layer::Quote, 5, 20)]);
        assert_eq!(v, vec![(0, 5), (5, 20)]);
        // A date inside a penalty inside a quotation is untouched.
        let v = nest(&[
            (Layer::Date, 12, 18),
            (Layer::Penalty, 10, 30),
            (Layer::Quote, 0, 40),
        ]);
        assert_eq!(v, vec![(12, 18), (10, 30), (0, 40)]);
    }

    #[test]
    fn same_layer_overlaps_nest_too() {
        let v = nest(&[
            (Layer::Penalty, 0, 10),
            (Layer::Penalty, 5, 20),
            (Layer::Penalty, 5, 20),
        ]);
        assert_eq!(v, vec![(0, 10), (5, 10), (5, 10)]);
        assert!(laminar(&v));
    }

    #[test]
    fn nesting_is_laminar_for_many_random_spans() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % m) as usize
        };
        let layers = [
            Layer::Quote,
            Layer::Speaker,
            Layer::Penalty,
            Layer::Argument,
            Layer::Entity,
            Layer::Date,
        ];
        for _ in 0..2000 {
            let n = 1 + next(30);
            let spans: Vec<(Layer, usize, usize)> = (0..n)
                .map(|_| {
                    let s = next(60);
                    (layers[next(6)], s, s + next(20))
                })
                .collect();
            let v = nest(&spans);
            assert!(laminar(&v), "{spans:?} -> {v:?}");
            assert_eq!(v, nest_naive(&spans), "{spans:?}");
            for (a, b) in spans.iter().zip(&v) {
                assert_eq!(a.1, b.0);
                assert!(b.1 <= a.2 && b.0 <= b.1);
            }
        }
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(&1_200_000.into()), "1,200,000");
        assert_eq!(group_digits(&(-1500).into()), "-1,500");
        assert_eq!(group_digits(&999.into()), "999");
        assert_eq!(
            group_digits(&serde_json::Number::from_f64(12.5).unwrap()),
            "12.5"
        );
    }

    #[test]
    fn nesting_many_spans_is_fast() {
        // 200,000 entities and dates inside 1,000 quotations: one sweep per layer.
        let mut spans = Vec::new();
        for i in 0..100_000 {
            spans.push((Layer::Entity, i * 10, i * 10 + 4));
            spans.push((Layer::Date, i * 10 + 5, i * 10 + 12));
        }
        for q in 0..1_000 {
            spans.push((Layer::Quote, q * 1000 + 2, q * 1000 + 600));
        }
        let started = std::time::Instant::now();
        let v = nest(&spans);
        assert!(started.elapsed().as_secs() < 5);
        assert_eq!(v[1], (5, 10), "a date crossing the next entity is cut");
        assert_eq!(v[0], (0, 2), "an entity crossing a quotation start is cut");
    }

    #[test]
    fn byte_map_converts_code_points() {
        let t = "“Korea’s” Moon";
        let m = ByteMap::new(t, vec![10, 14, 0, 1]);
        assert_eq!(&t[m.get(10)..m.get(14)], "Moon");
        assert_eq!(&t[m.get(0)..m.get(1)], "“");
    }
}
