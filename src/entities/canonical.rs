//! Canonical names within a document (ANNIE's orthomatcher): acronym definitions and
//! later uses, short person mentions resolved to the full name, and the country of
//! places named in several countries.

type FxHashMap<K, V> = crate::hash::FxMap<K, V>;
use crate::hash::FxSet;

use super::gazetteer::Gazetteer;
use super::lexicon::{Lexicon, F_LAW, F_STOP};
use super::rules::{Hint, Starts};
use super::tokens::{Token, JOINED, UPPER, WORD};
use super::{Cand, Rules};
use crate::document::{Label, Span};

/// Index of the entity covering byte `pos`, if any (`ents` sorted by start).
fn covering(ents: &[Cand], pos: usize) -> Option<usize> {
    let i = ents.partition_point(|e| e.span.start <= pos);
    (i > 0 && ents[i - 1].span.end > pos).then(|| i - 1)
}

fn overlaps_any(ents: &[Cand], s: Span) -> bool {
    let i = ents.partition_point(|e| e.span.start < s.end);
    i > 0 && ents[i - 1].span.end > s.start
}

/// "Section 295-C" + "of the" + "Pakistan Penal Code" → one LAW span.
#[inline(never)]
pub fn extend_provisions(
    text: &str,
    toks: &[Token],
    provisions: &super::lexicon::FxSet,
    ents: &mut Vec<Cand>,
    r: &Rules,
) {
    // "section 4A of the Public Order Act 1986": a provision in lower case (British
    // style) is read only before "of" and a law's name, and joins it
    for e in ents
        .iter_mut()
        .filter(|e| e.label == Label::Law && e.rule != r.provision)
    {
        let before = &text[..e.span.start];
        let Some(b) = before
            .strip_suffix(" of the ")
            .or_else(|| before.strip_suffix(" of "))
        else {
            continue;
        };
        let num_at = b.rfind(' ').map_or(0, |k| k + 1);
        let num = &b[num_at..];
        let numbered = num.starts_with(|c: char| c.is_ascii_digit())
            && num.len() <= 12
            && num
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'(' | b')'));
        if !numbered || num_at == 0 {
            continue;
        }
        let w_at = b[..num_at - 1].rfind(' ').map_or(0, |k| k + 1);
        let w = &b[w_at..num_at - 1];
        let lower_provision = w.starts_with(|c: char| c.is_ascii_lowercase())
            && crate::entities::lexicon::with_capital(w, |c| provisions.contains(c));
        if lower_provision {
            e.span.start = w_at;
            e.rule = r.provision.clone();
        }
    }
    // (nothing below happens without a provision)
    if !ents
        .iter()
        .any(|e| e.label == Label::Law && e.rule == r.provision)
    {
        return;
    }
    // "... 471 of IPC": an acronym after "of" belongs to the provision
    let mut starts: Vec<usize> = ents.iter().map(|e| e.span.start).collect();
    starts.sort_unstable();
    for e in ents
        .iter_mut()
        .filter(|e| e.label == Label::Law && e.rule == r.provision)
    {
        if starts.binary_search(&(e.span.end + 4)).is_ok() {
            continue;
        }
        let rest = &text[e.span.end..];
        // (also "... 38 of the UAPA", unless a capitalized word follows the
        // acronym: "of the UN Charter" is a name, joined below)
        let (after, skip) = match rest.strip_prefix(" of the ") {
            Some(a) if starts.binary_search(&(e.span.end + 8)).is_err() => (Some(a), 8),
            _ => (rest.strip_prefix(" of "), 4),
        };
        if let Some(after) = after {
            let at = e.span.end + skip;
            let k = toks.partition_point(|t| t.start < at);
            if k < toks.len()
                && toks[k].start == at
                && toks[k].is(UPPER)
                && !after.starts_with(|c: char| c.is_lowercase())
                && (skip == 4
                    || !text[toks[k].end..].starts_with(' ')
                    || !text[toks[k].end + 1..].starts_with(|c: char| c.is_uppercase()))
            {
                e.span.end = toks[k].end;
            }
        }
    }
    // "Section 48 of the Act", "Article 5 of the Law": a provision of a law the
    // document named before, by its head word alone
    let mut by_head: Vec<(usize, usize)> = Vec::new();
    for (idx, e) in ents.iter_mut().enumerate() {
        if e.label != Label::Law || e.rule != r.provision {
            continue;
        }
        let at = e.span.end + 8;
        if !text[e.span.end..].starts_with(" of the ") || starts.binary_search(&at).is_ok() {
            continue;
        }
        let k = toks.partition_point(|t| t.start < at);
        let head = k < toks.len()
            && toks[k].start == at
            && toks[k].is_cap_word()
            && !toks[k].is(UPPER)
            && toks[k].lex & F_LAW != 0
            // (not the start of a longer name: "of the Act Amendment", "Act-based")
            && !text[toks[k].end..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
            && !(text[toks[k].end..].starts_with(' ')
                && text[toks[k].end + 1..].starts_with(|c: char| c.is_uppercase()));
        if head {
            e.span.end = toks[k].end;
            by_head.push((idx, k));
        }
    }
    // its canonical names the law: the last LAW before it whose name holds the
    // head word ("Section 48 of the Anti-Corruption and Economic Crimes Act, 2003")
    for (idx, k) in by_head {
        let head = toks[k].text(text);
        let named = ents[..idx].iter().rev().find_map(|b| {
            if b.label != Label::Law {
                return None;
            }
            let t = b.span.text(text);
            let name = if b.rule == r.provision {
                let (_, n) = t.split_once(" of ")?;
                n.strip_prefix("the ").unwrap_or(n)
            } else {
                t
            };
            (name != head
                && name
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == head))
            .then_some(name)
        });
        if let Some(name) = named {
            let e = &ents[idx];
            let t = e.span.text(text);
            let provision = &t[..t.len() - head.len() - " of the ".len()];
            ents[idx].canonical = Some(format!("{provision} of the {name}"));
        }
    }
    let mut i = 0;
    while i + 1 < ents.len() {
        let (a, b) = (&ents[i], &ents[i + 1]);
        if a.label == Label::Law
            && a.rule == r.provision
            && b.label == Label::Law
            && a.span.end <= b.span.start
        {
            let gap = &text[a.span.end..b.span.start];
            // "Article 126 of the 1991 Criminal Act": the law's year between
            let dated = |g: &str| {
                g.strip_prefix(" of the ")
                    .or_else(|| g.strip_prefix(" of "))
                    .and_then(|y| y.strip_suffix(' '))
                    .is_some_and(|y| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()))
            };
            if matches!(gap, " of the " | " of " | " of the\u{a0}") || dated(gap) {
                let end = b.span.end;
                ents[i].span.end = end;
                ents.remove(i + 1);
                continue;
            }
        }
        // "Article 266 of China's Criminal Law": a country's law, one span
        if a.label == Label::Law
            && a.rule == r.provision
            && b.label == Label::Gpe
            && i + 2 < ents.len()
            && ents[i + 2].label == Label::Law
            && a.span.end <= b.span.start
            && &text[a.span.end..b.span.start] == " of "
            && matches!(
                &text[b.span.end..ents[i + 2].span.start],
                "'s " | "\u{2019}s "
            )
        {
            let end = ents[i + 2].span.end;
            ents[i].span.end = end;
            ents.drain(i + 1..i + 3);
            continue;
        }
        i += 1;
    }
    // "Administrative Code Article 490": a law's name written before its
    // provision is one span with it
    let mut i = 0;
    while i + 1 < ents.len() {
        let (a, b) = (&ents[i], &ents[i + 1]);
        if a.label == Label::Law
            && a.rule != r.provision
            && b.label == Label::Law
            && b.rule == r.provision
            && a.span.end < b.span.start
            && matches!(&text[a.span.end..b.span.start], " " | "\u{a0}")
        {
            let end = b.span.end;
            ents[i].span.end = end;
            ents[i].rule = r.provision.clone();
            ents.remove(i + 1);
            continue;
        }
        i += 1;
    }
    // a later bare "Section 295-C" refers to the full provision named before
    // (its canonical when it has one: "Section 48" after "Section 48 of the Act")
    let full: Vec<(&str, String)> = ents
        .iter()
        .filter(|e| e.label == Label::Law && e.rule == r.provision)
        .map(|e| (e.span.text(text), e.canonical.as_deref()))
        .filter(|(t, _)| t.contains(" of "))
        .map(|(t, c)| (t, c.unwrap_or(t).to_string()))
        .collect();
    for e in ents
        .iter_mut()
        .filter(|e| e.label == Label::Law && e.rule == r.provision && e.canonical.is_none())
    {
        let t = e.span.text(text);
        if let Some((_, c)) = full.iter().find(|(f, _)| {
            f.len() > t.len() && f.starts_with(t) && f[t.len()..].starts_with(" of ")
        }) {
            e.canonical = Some(c.clone());
        }
    }
}

/// A one-word organization that ends a longer one named in the document takes its
/// name ("Congress" → "U.S. Congress").
#[inline(never)]
pub fn orgs(text: &str, ents: &mut [Cand]) {
    let names: Vec<&str> = ents
        .iter()
        .filter(|e| e.label == Label::Org)
        .map(|e| e.span.text(text))
        .filter(|n| n.contains(' '))
        .collect();
    if names.is_empty() {
        return;
    }
    for e in ents
        .iter_mut()
        .filter(|e| e.label == Label::Org && e.canonical.is_none())
    {
        let t = e.span.text(text);
        if t.contains(' ') {
            continue;
        }
        // (an acronym takes only a name its initials spell: "EU" is not "Council of
        // the EU"; nor does a word after "of" take the name it completes)
        let acronym = t.len() >= 2 && t.bytes().all(|b| b.is_ascii_uppercase());
        if let Some(n) = names.iter().find(|n| {
            n.ends_with(t)
                && n[..n.len() - t.len()].ends_with(' ')
                && !n[..n.len() - t.len()].ends_with(" of ")
                && !n[..n.len() - t.len()].ends_with(" of the ")
                && (!acronym || acronym_fits(t, n))
        }) {
            e.canonical = Some(n.to_string());
        }
    }
}

/// Letters of an acronym: "ICC" → "ICC", "U.N." → "UN".
fn acronym_letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphabetic()).collect()
}

/// Initials of the capitalized words of a name, and of all its words.
fn initials(name: &str) -> (String, String) {
    let mut caps = String::new();
    let mut all = String::new();
    initials_into(name, &mut caps, &mut all);
    (caps, all)
}

/// `initials` into two buffers (cleared first).
fn initials_into(name: &str, caps: &mut String, all: &mut String) {
    caps.clear();
    all.clear();
    if name.is_ascii() {
        // the same, byte by byte (ASCII white space as `char::is_whitespace` has it):
        // the first byte of each word is a byte that is no separator after a
        // separator or at the start
        let separator = |c: &u8| matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'-');
        for w in name.as_bytes().split(separator) {
            match w.first() {
                Some(&c) if c.is_ascii_alphabetic() => {
                    all.push(c.to_ascii_uppercase() as char);
                    if c.is_ascii_uppercase() {
                        caps.push(c as char);
                    }
                }
                _ => {}
            }
        }
        return;
    }
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        let Some(c) = w.chars().next() else { continue };
        if !c.is_alphabetic() {
            continue;
        }
        let u = c.to_uppercase().next().unwrap_or(c);
        all.push(u);
        if c.is_uppercase() {
            caps.push(u);
        }
    }
}

/// `acr` is a subsequence of the initials of `name`, starting with its first initial.
fn acronym_fits(acr: &str, name: &str) -> bool {
    let (caps, all) = initials(name);
    if acr == caps || acr == all {
        return true;
    }
    if acr.chars().next() != all.chars().next() {
        return false;
    }
    let mut it = all.chars();
    acr.chars().all(|c| it.any(|x| x == c))
}

/// An organization named with its city or province first and an acronym of the
/// rest: "Chengdu Public Security Bureau (PSB)" is defined whole, where a country
/// first ("U.S. Federal Bureau of Investigation (FBI)") is a GPE of its own.
fn local_prefix(text: &str, toks: &[Token], hints: &[Hint], e: &Cand, acr: &str) -> bool {
    if e.label != Label::Org || e.canonical.is_some() {
        return false;
    }
    let first = toks.partition_point(|t| t.start < e.span.start);
    let place = |i: usize| hints.get(i).is_some_and(|h| h.gpe && !h.strong);
    // the place's words, then the words the acronym spells
    (first..toks.len())
        .take_while(|&i| toks[i].end < e.span.end && place(i))
        .any(|i| {
            let rest = &text[toks[i].end..e.span.end];
            rest.starts_with(' ') && acronym_fits(acr, rest.trim_start())
        })
}

/// `acr` spells the name word by word with a prefix of each capitalized word
/// (lower-case words may give none): "Southern Kaduna Peoples Union (SOKAPU)".
fn syllabic_fit(acr: &[char], words: &[&str]) -> bool {
    let Some((w, rest)) = words.split_first() else {
        return acr.is_empty();
    };
    if w.starts_with(char::is_lowercase) && syllabic_fit(acr, rest) {
        return true;
    }
    for (k, c) in w.chars().enumerate() {
        if k == acr.len() || !c.to_uppercase().eq(acr[k].to_uppercase()) {
            break;
        }
        if syllabic_fit(&acr[k + 1..], rest) {
            return true;
        }
    }
    false
}

/// Acronym definitions "International Christian Concern (ICC)", later uses of "ICC",
/// and acronyms that match the initials of an organization named in the document.
#[inline(never)]
pub fn acronyms(
    text: &str,
    toks: &[Token],
    hints: &[Hint],
    starts: &Starts,
    lex: &Lexicon,
    ents: &mut Vec<Cand>,
    r: &Rules,
) {
    let mut defs: FxHashMap<&str, (String, Label)> = FxHashMap::default();
    // acronyms defined as no entity: none of their uses is one either
    let mut dropped: Vec<&str> = Vec::new();
    let mut added: Vec<Cand> = Vec::new();
    for e in ents.iter() {
        if !matches!(e.label, Label::Org | Label::Law | Label::Gpe) {
            continue;
        }
        let after = &text[e.span.end..];
        let trimmed = after.trim_start_matches([' ', '\u{a0}']);
        let Some(rest) = trimmed.strip_prefix('(') else {
            continue;
        };
        let Some(close) = rest.find(')') else {
            continue;
        };
        let acr = &rest[..close];
        let letters = acronym_letters(acr);
        if !(2..=10).contains(&letters.chars().count())
            || acr.contains(' ')
            || !letters
                .chars()
                .all(|c| c.is_uppercase() || c.is_lowercase())
            || letters.chars().filter(|c| c.is_uppercase()).count() * 3
                < letters.chars().count() * 2
        {
            continue;
        }
        let name = e
            .canonical
            .clone()
            .unwrap_or_else(|| e.span.text(text).to_string());
        let upper = letters.to_uppercase();
        // An organization's name in full, then an ALL-CAPS word in parentheses,
        // defines it even when the letters spell another language's name
        // ("Protestant Church of Algeria (EPA)"), unless they spell the name's
        // last words ("U.S. Federal Bureau of Investigation (FBI)": those words
        // are the name, found below).
        let foreign = e.label == Label::Org
            && letters == upper
            && name.contains(' ')
            && !name
                .match_indices(' ')
                .any(|(k, _)| acronym_fits(&upper, &name[k + 1..]));
        if !foreign
            && !acronym_fits(&upper, &name)
            && !{
                let acr: Vec<char> = upper.chars().collect();
                let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
                words.len() <= 12 && syllabic_fit(&acr, &words)
            }
            && !local_prefix(text, toks, hints, e, &upper)
        {
            continue;
        }
        let start = e.span.end + (after.len() - trimmed.len()) + 1;
        let span = Span::new(start, start + acr.len());
        defs.insert(acr, (name.clone(), e.label));
        let mut c = Cand::new(span, e.label, r.acronym_def.clone(), 9);
        c.canonical = Some(name);
        added.push(c);
    }
    // "(CLAAS)" after a name no rule found: the capitalized words before it whose
    // initials spell the acronym.
    let is_byte = |t: &Token, c: u8| t.end == t.start + 1 && text.as_bytes()[t.start] == c;
    for &pi in &starts.parens {
        let pi = pi as usize;
        let t = &toks[pi];
        if !is_byte(t, b'(') || pi + 2 >= toks.len() || !is_byte(&toks[pi + 2], b')') {
            continue;
        }
        let a = toks[pi + 1];
        if !(a.is(WORD) && a.is(UPPER)) || pi == 0 {
            continue;
        }
        let acr = a.text(text);
        if defs.contains_key(acr) || added.iter().any(|c| c.span == a.span()) {
            continue;
        }
        if let Some(start) = name_before(text, toks, pi, acr) {
            // "First Information Report (FIR)" names a document, not an organization;
            // a blocked phrase ("Country of Particular Concern (CPC)") stays blocked
            if lex.not_org_heads.contains(toks[pi - 1].text(text))
                || hints[start..pi].iter().any(|h| h.blocked)
            {
                dropped.push(acr);
                continue;
            }
            let name_span = Span::new(toks[start].start, toks[pi - 1].end);
            let name = name_span.text(text).to_string();
            let mut c = Cand::new(name_span, Label::Org, r.acronym_def.clone(), 9);
            c.canonical = Some(name.clone());
            added.push(c);
            let mut d = Cand::new(a.span(), Label::Org, r.acronym_def.clone(), 9);
            d.canonical = Some(name.clone());
            added.push(d);
            defs.insert(acr, (name, Label::Org));
        }
    }
    // Organizations named in full, for acronyms used without a definition.
    // initials → the first such name
    // (a name in the text is borrowed from it; a canonical name is copied, as `ents`
    // changes below)
    // (only initials that some ALL-CAPS word of the text spells are kept: the
    // others are never looked up; the key is that word)
    let uppers: FxSet<&str> = starts
        .upper
        .iter()
        .map(|&u| &toks[u as usize])
        .filter(|t| t.is(WORD) && t.is(UPPER))
        .map(|t| t.text(text))
        .collect();
    let mut full: FxHashMap<&str, std::borrow::Cow<str>> = FxHashMap::default();
    let (mut ini, mut all) = (String::new(), String::new());
    for e in ents.iter().filter(|e| e.label == Label::Org) {
        if uppers.is_empty() {
            break;
        }
        let n = e.canonical.as_deref().unwrap_or_else(|| e.span.text(text));
        if n.contains(' ') {
            initials_into(n, &mut ini, &mut all);
            let Some(&key) = uppers.get(ini.as_str()) else {
                continue;
            };
            if ini.len() >= 2 && !full.contains_key(key) {
                let n = match &e.canonical {
                    Some(c) => std::borrow::Cow::Owned(c.clone()),
                    None => std::borrow::Cow::Borrowed(e.span.text(text)),
                };
                full.insert(key, n);
            }
        }
    }
    merge(ents, added);
    let mut added: Vec<Cand> = Vec::new();
    for &u in &starts.upper {
        let t = &toks[u as usize];
        if !(t.is(WORD) && t.is(UPPER)) {
            continue;
        }
        let w = t.text(text);
        // (the name is copied only where it is used)
        let found = defs
            .get(w)
            .map(|(n, l)| (n.as_str(), *l))
            .or_else(|| full.get(w).map(|n| (n.as_ref(), Label::Org)));
        let Some((name, label)) = found else { continue };
        match covering(ents, t.start) {
            Some(i) if ents[i].span == t.span() => {
                if ents[i].rule != r.acronym_def {
                    ents[i].canonical = Some(name.to_string());
                    ents[i].label = label;
                    ents[i].country = None;
                }
            }
            Some(_) => {}
            None => {
                let mut c = Cand::new(t.span(), label, r.acronym.clone(), 9);
                c.canonical = Some(name.to_string());
                added.push(c);
            }
        }
    }
    merge(ents, added);
    if !dropped.is_empty() {
        ents.retain(|e| !dropped.contains(&e.span.text(text)));
    }
}

/// Start token of the words before token `paren` whose capitalized initials spell
/// `acr` ("Centre for Legal Aid, Assistance and Settlement" before "(CLAAS)").
fn name_before(text: &str, toks: &[Token], paren: usize, acr: &str) -> Option<usize> {
    let letters: Vec<char> = acr.chars().collect();
    let mut need = letters.len();
    let mut i = paren;
    let mut steps = 0;
    while i > 0 && steps < 16 {
        i -= 1;
        steps += 1;
        let t = toks[i];
        let w = t.text(text);
        // "d’Algérie": the capital after an elided article
        let elided = w
            .split_once(['\u{2019}', '\''])
            .and_then(|(_, r)| r.chars().next())
            .filter(|c| c.is_uppercase());
        if (t.is(WORD) && !t.is(super::tokens::LOWER)) || elided.is_some() {
            let c = elided.map_or_else(|| w.chars().next(), Some)?;
            if need == 0 || fold(c.to_uppercase().next().unwrap_or(c)) != letters[need - 1] {
                return None;
            }
            need -= 1;
            if need == 0 {
                return Some(i);
            }
        } else if (t.is(WORD)
            && matches!(
                w,
                "of" | "for"
                    | "and"
                    | "the"
                    | "on"
                    | "in"
                    | "to"
                    | "d"
                    | "de"
                    | "du"
                    | "des"
                    | "la"
                    | "le"
            ))
            || matches!(w, "," | "&" | "\u{2019}" | "'" | "-")
        {
            continue;
        } else {
            return None;
        }
    }
    None
}

/// Upper-case Latin letter without its accent ("É" → 'E').
fn fold(c: char) -> char {
    match c {
        'À'..='Å' => 'A',
        'Ç' => 'C',
        'È'..='Ë' => 'E',
        'Ì'..='Ï' => 'I',
        'Ñ' => 'N',
        'Ò'..='Ö' | 'Ø' => 'O',
        'Ù'..='Ü' => 'U',
        'Ý' => 'Y',
        _ => c,
    }
}

/// Adds candidates that replace whatever they overlap.
#[inline(never)]
fn merge<'g>(ents: &mut Vec<Cand<'g>>, added: Vec<Cand<'g>>) {
    if added.is_empty() {
        return;
    }
    // added spans by start, with the greatest end up to each: an entity overlaps
    // one iff among those starting before its end, the greatest end passes its start
    let mut by_start: Vec<(usize, usize)> =
        added.iter().map(|a| (a.span.start, a.span.end)).collect();
    by_start.sort_unstable();
    let mut max_end = 0;
    for x in &mut by_start {
        max_end = max_end.max(x.1);
        x.1 = max_end;
    }
    // (`k` is the number of added spans starting before the entity's end: the ends
    // of disjoint entities sorted by start ascend, so `k` mostly moves forward)
    let mut k = 0;
    let mut last_end = 0;
    ents.retain(|e| {
        let end = e.span.end;
        if end < last_end {
            k = by_start.partition_point(|&(s, _)| s < end);
        } else {
            while k < by_start.len() && by_start[k].0 < end {
                k += 1;
            }
        }
        last_end = end;
        !(k > 0 && by_start[k - 1].1 > e.span.start)
    });
    if !ents.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
        ents.extend(added);
        ents.sort_by_key(|e| e.span.start);
        return;
    }
    // `ents` is sorted by start: the stable sort of `ents` then `added` is the merge
    // of the two sorted runs, `ents` first on equal starts (each candidate moved once)
    let mut added = added;
    if !added.windows(2).all(|w| w[0].span.start <= w[1].span.start) {
        added.sort_by_key(|e| e.span.start);
    }
    let mut old = std::mem::take(ents).into_iter();
    ents.reserve(old.len() + added.len());
    for c in added {
        let k = old
            .as_slice()
            .partition_point(|e| e.span.start <= c.span.start);
        ents.extend(old.by_ref().take(k));
        ents.push(c);
    }
    ents.extend(old);
}

/// A full person name of the document (two words or more) for the orthomatcher.
struct FullName<'t> {
    /// Start of the mention that names it.
    start: usize,
    /// The capitalized word right before that mention ("Bishop"), or "".
    title: &'t str,
    /// The name is `names[name.0..name.1]` of `persons`' name buffer.
    name: (u32, u32),
    /// Its words are `words[w0..w1]` of `persons`' flat word list.
    w0: u32,
    w1: u32,
    /// `word_bit` of each of its words: a mention whose words set a bit outside it is
    /// rejected without comparing strings.
    mask: u64,
}

/// The capitalized word right before byte `start`, separated by one space ("Bishop"
/// in "Bishop Cárdenas"), or "".
fn word_before(text: &str, start: usize) -> &str {
    let Some(before) = text[..start].strip_suffix(' ') else {
        return "";
    };
    let w = &before[before.rfind([' ', '\n']).map_or(0, |k| k + 1)..];
    if w.starts_with(char::is_uppercase) {
        w
    } else {
        ""
    }
}

/// One of 64 bits for a word (its length and first and last bytes).
#[inline]
fn word_bit(w: &str) -> u64 {
    let b = w.as_bytes();
    let (f, l) = (
        b.first().copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    let x = (b.len() as u32) << 16 | u32::from(f) << 8 | u32::from(l);
    1 << (x.wrapping_mul(0x9E37_79B1) >> 26)
}

#[inline(never)]
pub fn persons(
    text: &str,
    toks: &[Token],
    starts: &Starts,
    lex: &Lexicon,
    ents: &mut Vec<Cand>,
    r: &Rules,
) {
    if !ents.iter().any(|e| e.label == Label::Person) {
        return;
    }
    // ALL-CAPS names ("DEREK HOLLOWAY", court style) are named in title case, and
    // their title-case words match later mixed-case mentions ("Holloway").
    let mut caps: Vec<(usize, String)> = Vec::new();
    for e in ents.iter_mut().filter(|e| e.label == Label::Person) {
        let s = e.span.text(text);
        if s.contains(' ') && all_caps(s) {
            let name = s.split(' ').map(title_case).collect::<Vec<_>>().join(" ");
            e.canonical.get_or_insert_with(|| name.clone());
            caps.push((e.span.start, name));
        }
    }
    // (the buffers below sized once: the mentions and their bytes)
    let (mentions, bytes) = ents
        .iter()
        .filter(|e| e.label == Label::Person)
        .fold((caps.len(), 0), |(n, b), e| (n + 1, b + e.span.len()));
    // full names, their words in one list
    let mut full: Vec<FullName> = Vec::with_capacity(mentions);
    // the full names, one after another (one buffer, not a string each)
    let mut names = String::with_capacity(bytes * 2);
    let mut fw: Vec<&str> = Vec::with_capacity(mentions * 3);
    // one-word names found by a title ("Ms. Kimball"): (word, canonical)
    let mut singles: Vec<(&str, String)> = Vec::new();
    // (a figure after its title, "the Prophet Muhammad", is no person of the
    // document: it names no one and no one's name is taken for it)
    for e in ents
        .iter()
        .filter(|e| e.label == Label::Person && e.rule != r.figure)
    {
        let s = e.span.text(text);
        let w0 = fw.len();
        push_words(s, &mut fw, |w| {
            !w.ends_with('.')
                && (w.chars().next().is_some_and(char::is_uppercase)
                    || w.split_once('-')
                        .is_some_and(|(_, r)| r.starts_with(char::is_uppercase)))
        });
        for w in &mut fw[w0..] {
            *w = after_particle(lex, w);
        }
        let n = fw.len() - w0;
        if n >= 2 {
            let a = names.len() as u32;
            names.push_str(e.canonical.as_deref().unwrap_or(s));
            let mask = fw[w0..].iter().fold(0, |m, w| m | word_bit(w));
            full.push(FullName {
                start: e.span.start,
                title: word_before(text, e.span.start),
                name: (a, names.len() as u32),
                w0: w0 as u32,
                w1: fw.len() as u32,
                mask,
            });
        } else {
            if n == 1 && e.rule == r.title_name && !s.contains(' ') {
                singles.push((fw[w0], e.canonical.clone().unwrap_or_else(|| s.to_string())));
            }
            fw.truncate(w0);
        }
    }
    for (start, name) in &caps {
        let w0 = fw.len();
        fw.extend(name.split(' ').filter(|w| !w.ends_with('.')));
        let mask = fw[w0..].iter().fold(0, |m, w| m | word_bit(w));
        let a = names.len() as u32;
        names.push_str(name);
        full.push(FullName {
            start: *start,
            title: word_before(text, *start),
            name: (a, names.len() as u32),
            w0: w0 as u32,
            w1: fw.len() as u32,
            mask,
        });
    }
    if full.is_empty() && singles.is_empty() {
        return;
    }
    let names = names.as_str();
    let name_of = |f: &FullName| &names[f.name.0 as usize..f.name.1 as usize];
    // `title`: the capitalized word before the mention; a name introduced after
    // the same word is preferred ("Bishop Cárdenas" is the bishop, not his
    // daughter Raquel Cárdenas Ortega named since)
    let pick = |pos: usize, words: &[&str], title: &str| -> Option<&str> {
        let need = words.iter().fold(0, |m, w| m | word_bit(w));
        let fits = |f: &&FullName| {
            let fwords = &fw[f.w0 as usize..f.w1 as usize];
            fwords.len() > words.len()
                && f.mask & need == need
                && words.iter().all(|w| fwords.contains(w))
                // one word inside a name is a middle given name, not the person
                // ("Prophet Muhammad" is not "Aliyu Muhammad Kani"; "López" is
                // "Andrés Manuel López Obrador")
                // (words of three letters or fewer after the surname: "Jr", "III")
                && !(words.len() == 1
                    && fwords.first() != Some(&words[0])
                    // (but a surname before a Cantonese given name is one: "Alex
                    // Lee Wan-tang" is Lee)
                    && !(fwords.len() >= 3
                        && fwords[fwords.len() - 2] == words[0]
                        && fwords[fwords.len() - 1]
                            .split_once('-')
                            .is_some_and(|(_, r)| r.starts_with(char::is_lowercase)))
                    && !fwords[fwords.iter().rposition(|w| w.len() > 3).unwrap_or(0)..]
                        .contains(&words[0])
                    && lex.flags(words[0]) & super::lexicon::F_GIVEN != 0)
        };
        // the last fitting name that starts at or before `pos`, else the first
        // fitting one (one backward pass: the last fit met is the first in order);
        // but a fitting name written in full more often before `pos` is the
        // document's main person ("Boutros" after "Girgis Samir Boutros", twice,
        // and his cousin "Mina Adel Boutros", once)
        let mentions = |name: &str| {
            full.iter()
                .filter(|g| g.start <= pos && name_of(g) == name)
                .count()
        };
        let last_fit = |titled: bool| {
            let mut first = None;
            let mut last: Option<(&str, usize)> = None;
            for f in full.iter().rev() {
                if fits(&f) && (!titled || f.title == title) {
                    if f.start <= pos {
                        let name = name_of(f);
                        match last {
                            None => last = Some((name, mentions(name))),
                            Some((l, c)) if l != name => {
                                let c2 = mentions(name);
                                if c2 > c {
                                    last = Some((name, c2));
                                }
                            }
                            _ => {}
                        }
                        continue;
                    }
                    first = Some(f);
                }
            }
            last.map(|(l, _)| l).or_else(|| first.map(name_of))
        };
        (!title.is_empty())
            .then(|| last_fit(true))
            .flatten()
            .or_else(|| last_fit(false))
    };
    let mut words: Vec<&str> = Vec::new();
    for e in ents
        .iter_mut()
        .filter(|e| e.label == Label::Person && e.rule != r.figure)
    {
        let s = e.span.text(text);
        words.clear();
        push_words(s, &mut words, |_| true);
        for w in &mut words {
            *w = after_particle(lex, w);
        }
        if let Some(name) = pick(e.span.start, &words, word_before(text, e.span.start)) {
            e.canonical = Some(name.to_string());
        }
    }
    // each distinct word once, then the filter (a name is mentioned many times)
    // (sorted by `part_bit`, then text: `is_part` searches it with the bit it
    // computed for the Bloom filter, without hashing the word again)
    let mut parts: Vec<(usize, &str)> = fw
        .iter()
        .copied()
        .chain(singles.iter().map(|s| s.0))
        .map(|w| (part_bit(w.as_bytes()), w))
        .collect();
    parts.sort_unstable();
    parts.dedup();
    // the last words of the full names (built on first use: few documents name a
    // town like a surname, or end a name with a particle)
    let surnames: std::cell::OnceCell<FxSet<&str>> = std::cell::OnceCell::new();
    let surnames = || {
        surnames.get_or_init(|| {
            full.iter()
                .filter(|f| f.w1 > f.w0 + 1)
                .map(|f| fw[f.w1 as usize - 1])
                .collect()
        })
    };
    // (a particle is no part unless it ends a full name: "Pranto Chandra Das …
    // Das said")
    parts.retain(|&(_, w)| {
        // (a regnal number is no name alone: "Leo XIV" … "XIV")
        if lex.is_name_stop(w) || super::rules::regnal_number(w) {
            return false;
        }
        !(lex.may_be_particle(w) && lex.is_particle_any_case(w) && !surnames().contains(w))
    });
    // cheap prefilter before the search: a Bloom filter of the parts' lengths and first,
    // second and last bytes
    let mut bloom = [0u64; 16];
    for &(k, _) in &parts {
        bloom[k >> 6] |= 1 << (k & 63);
    }
    let is_part = |w: &str| {
        let k = part_bit(w.as_bytes());
        bloom[k >> 6] & (1 << (k & 63)) != 0 && parts.binary_search(&(k, w)).is_ok()
    };
    let mut added = Vec::new();
    let mut i = 0;
    // (a surname after a particle, in either case: "al-Otaibi", "Al-Otaibi")
    let key = |t: &Token| part_key(lex, text, t);
    let name_word = |t: &Token| {
        t.is_cap_word() || t.is(UPPER) || t.is(JOINED) && key(t).starts_with(char::is_uppercase)
    };
    // every capitalized word is a person start (`Starts::persons`); most are no
    // name part: a tight first pass keeps the words that pass the Bloom filter (the
    // starts are ascending, so a start dropped here changes nothing below)
    let cands = part_candidates(&starts.persons, toks, text, lex, &bloom);
    for &start in &cands {
        if (start as usize) < i {
            continue;
        }
        i = start as usize;
        let t = toks[i];
        if !name_word(&t) || !is_part(key(&t)) {
            continue;
        }
        if overlaps_any(ents, t.span()) {
            // "Attorney General Janet Reno … Reno said": a surname of the document
            // wins over the same word as a city or province, out of place context
            if let Some(k) = town_named_like_surname(text, toks, i, ents, surnames) {
                let mut c = Cand::new(t.span(), Label::Person, r.orthomatch.clone(), 1);
                c.canonical = pick(t.start, &[t.text(text)], "").map(str::to_string);
                if c.canonical.is_some() {
                    ents.remove(k);
                    added.push(c);
                }
            }
            i += 1;
            continue;
        }
        // a run of adjacent name parts ("Isabel Mendes") is one mention
        let mut j = i + 1;
        while j < toks.len()
            && name_word(&toks[j])
            && is_part(key(&toks[j]))
            && &text[toks[j - 1].end..toks[j].start] == " "
            && !overlaps_any(ents, toks[j].span())
        {
            j += 1;
        }
        // "Jasleen Kaur Grewal": a part inside another, unknown name is not a mention
        // (`F_STOP`: the word is on `name_stop`)
        let cap_neighbour = |k: usize| {
            toks[k].is_cap_word() && toks[k].lex & F_STOP == 0 && !is_part(toks[k].text(text))
        };
        let before = i > 0 && &text[toks[i - 1].end..t.start] == " " && cap_neighbour(i - 1);
        let after =
            j < toks.len() && &text[toks[j - 1].end..toks[j].start] == " " && cap_neighbour(j);
        if before || after || (j == i + 1 && before_region(text, toks[i].end, ents)) {
            i = j;
            continue;
        }
        words.clear();
        words.extend(toks[i..j].iter().map(key));
        let span = Span::new(t.start, toks[j - 1].end);
        let name = full
            .iter()
            .find(|f| name_of(f) == span.text(text))
            .map(name_of)
            .or_else(|| pick(t.start, &words, word_before(text, t.start)))
            .or_else(|| {
                let w = (words.len() == 1).then(|| words[0])?;
                singles.iter().find(|s| s.0 == w).map(|s| s.1.as_str())
            });
        if let Some(name) = name {
            let mut c = Cand::new(span, Label::Person, r.orthomatch.clone(), 1);
            c.canonical = Some(name.to_string());
            added.push(c);
        }
        i = j;
    }
    merge(ents, added);
}

/// Appends the words of `s` (split at white space, as `str::split_whitespace`) that
/// `keep` accepts to `out`.
#[inline]
fn push_words<'a>(s: &'a str, out: &mut Vec<&'a str>, keep: impl Fn(&str) -> bool) {
    // ASCII text without a vertical tab (white space to `char::is_whitespace`, not
    // to `u8::is_ascii_whitespace`) splits the same way byte by byte
    if s.is_ascii() && !s.as_bytes().contains(&0x0B) {
        out.extend(s.split_ascii_whitespace().filter(|w| keep(w)));
    } else {
        out.extend(s.split_whitespace().filter(|w| keep(w)));
    }
}

/// The starts whose token is a capitalized, ALL-CAPS or joined word whose
/// [`part_key`] passes the Bloom filter of the person parts (`part_bit`).
#[inline(never)]
fn part_candidates(
    starts: &[u32],
    toks: &[Token],
    text: &str,
    lex: &Lexicon,
    bloom: &[u64; 16],
) -> Vec<u32> {
    let mut out = Vec::with_capacity(starts.len() / 4);
    for &s in starts {
        let t = &toks[s as usize];
        if !(t.is_cap_word() || t.is(UPPER) || t.is(JOINED)) {
            continue;
        }
        let w = part_key(lex, text, t);
        let k = part_bit(w.as_bytes());
        if bloom[k >> 6] & (1 << (k & 63)) != 0 {
            out.push(s);
        }
    }
    out
}

/// The word of token `t` that matches a name part: after a joined particle for a
/// joined word ("al-Otaibi" → "Otaibi"), else the word (no search for others).
#[inline]
fn part_key<'t>(lex: &Lexicon, text: &'t str, t: &Token) -> &'t str {
    let w = t.text(text);
    if t.is(JOINED) {
        after_particle(lex, w)
    } else {
        w
    }
}

/// The word after a name particle joined to it ("al-Otaibi", "Al-Otaibi" →
/// "Otaibi"), else the word: how a surname is matched in either spelling.
fn after_particle<'t>(lex: &Lexicon, w: &'t str) -> &'t str {
    match w.find('-') {
        Some(k)
            if (1..=4).contains(&k)
                && w[k + 1..].starts_with(char::is_uppercase)
                && lex.is_particle_any_case(&w[..=k]) =>
        {
            &w[k + 1..]
        }
        _ => w,
    }
}

/// ", Mississippi" after a word: a province or country after a comma, not a
/// possessive ("Jackson, Mississippi" is a place; "Khan, Pakistan's …" may be a name).
fn before_region(text: &str, end: usize, ents: &[Cand]) -> bool {
    let Some(rest) = text[end..].strip_prefix(", ") else {
        return false;
    };
    let at = end + 2;
    let k = ents.partition_point(|e| e.span.start < at);
    ents.get(k).is_some_and(|e| {
        e.span.start == at
            && e.label == Label::Gpe
            && matches!(&*e.rule, "subdivisions" | "countries")
            && !matches!(rest[e.span.len()..].chars().next(), Some('\'' | '\u{2019}'))
    })
}

/// The index in `ents` of a one-word city or province at token `i` that is one of
/// the document's surnames and stands out of place context: not after a place
/// preposition ("in Reno") and not before ", Nevada".
fn town_named_like_surname<'a>(
    text: &str,
    toks: &[Token],
    i: usize,
    ents: &[Cand],
    surnames: impl FnOnce() -> &'a FxSet<&'a str>,
) -> Option<usize> {
    let t = toks[i];
    let k = ents.partition_point(|e| e.span.start < t.start);
    let e = ents.get(k)?;
    // (the cheap tests first: the set of surnames is built on first use)
    if e.span != t.span()
        || !matches!(e.label, Label::Gpe | Label::Loc)
        || !matches!(&*e.rule, "cities" | "subdivisions")
    {
        return None;
    }
    if !surnames().contains(t.text(text)) {
        return None;
    }
    if i > 0 && super::place_preposition(toks[i - 1].text(text)) {
        return None;
    }
    (!before_region(text, t.end, ents)).then_some(k)
}

/// One of 1,024 bits for a word (its length and first, second and last bytes), for
/// the person-part Bloom filter of `persons`.
#[inline]
fn part_bit(b: &[u8]) -> usize {
    let (f, s, l) = (
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    let x = (b.len() as u32) << 24 | u32::from(f) << 16 | u32::from(s) << 8 | u32::from(l);
    (x.wrapping_mul(0x9E37_79B1) >> 22) as usize
}

/// Letters all upper case ("DEREK HOLLOWAY", "M.").
fn all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// "HOLLOWAY" → "Holloway" (the rest of each hyphen part lower case: "JAE-IN" →
/// "Jae-In").
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        first = c == '-';
    }
    out
}

/// How close (in bytes) a country must be named to decide an ambiguous place.
const NEARBY: usize = 300;

/// Canonical name and country of gazetteer entities. The canonical is the surface
/// unless the surface is an abbreviation ("U.S." → "United States"); a place named in
/// several countries takes a country named elsewhere in the document, else its
/// default from `entities/place_defaults.tsv`, else the first entry.
#[inline(never)]
pub fn places(
    text: &str,
    gaz: &Gazetteer,
    defaults: &FxHashMap<String, String>,
    ents: &mut [Cand],
) {
    // countries named in the document, with where they are named (and whether by
    // the country's own name rather than a subdivision's)
    let mut named: Vec<(usize, &str, bool)> = Vec::new();
    // the one country of each place mention that has only one ("Atlanta", "Ganja",
    // "Azerbaijan"), with its surface: the document's places vote for the reading of
    // a name shared by a country and a state ("Georgia") when nothing else decides
    let mut votes: Vec<(&str, &str)> = Vec::new();
    let mut shared = false;
    for e in ents.iter() {
        if let Some(&i) = e.entries.first() {
            let x = &gaz.entries[i as usize];
            if e.entries.len() > 1 && !shared {
                let c = x.country();
                shared = e
                    .entries
                    .iter()
                    .any(|&k| gaz.entries[k as usize].country() != c);
            }
            // rank 0: the `countries` list (`gazetteer::rank_of`)
            if x.rank == 0 {
                if let Some(c) = x.country() {
                    named.push((e.span.start, c, true));
                }
            } else if x.rank == 4 {
                // a subdivision of one country names that country nearby:
                // "Victoria, Texas" is in the US
                let c = x.country();
                if c.is_some()
                    && e.entries
                        .iter()
                        .all(|&k| gaz.entries[k as usize].country() == c)
                {
                    named.push((e.span.start, c.unwrap_or_default(), false));
                }
            }
        }
    }
    if shared {
        for e in ents.iter() {
            let Some(&i) = e.entries.first() else {
                continue;
            };
            let c = gaz.entries[i as usize].country();
            if matches!(e.label, Label::Gpe | Label::Loc)
                && c.is_some()
                && e.entries
                    .iter()
                    .all(|&k| gaz.entries[k as usize].country() == c)
            {
                votes.push((e.span.text(text), c.unwrap_or_default()));
            }
        }
    }
    for e in ents.iter_mut() {
        if e.entries.is_empty() {
            continue;
        }
        let surface = e.span.text(text);
        let label = Some(e.label);
        let same = || {
            e.entries
                .iter()
                .map(|&i| &gaz.entries[i as usize])
                .filter(|x| x.label == label)
        };
        // a country named nearby wins, then the default, then any country named
        let start = e.span.start;
        let near = |c: &str| {
            named
                .iter()
                .any(|&(p, n, _)| p.abs_diff(start) <= NEARBY && n == c)
        };
        // with one entry every choice below is that entry
        let chosen = if e.entries.len() == 1 {
            same().next()
        } else if shared && same().any(|x| x.rank == 0) {
            // a country's name that is also a state's ("Georgia"): the state when
            // most place mentions of the document (at least two, other than this
            // name) are in the state's country, else the country
            let total = votes.iter().filter(|&&(s, _)| s != surface).count();
            let count = |c: &str| {
                votes
                    .iter()
                    .filter(|&&(s, n)| n == c && s != surface)
                    .count()
            };
            same()
                .filter(|x| x.rank != 0)
                .find(|x| {
                    x.country().is_some_and(|c| {
                        let v = count(c);
                        v >= 2 && 2 * v > total
                    })
                })
                .or_else(|| same().find(|x| x.rank == 0))
        } else {
            same()
                .find(|x| x.country().is_some_and(near))
                .or_else(|| {
                    // the default is looked up only when no country is named nearby
                    let key = e.canonical.as_deref().unwrap_or(surface);
                    let default = defaults.get(key).map(String::as_str)?;
                    same().find(|x| x.country() == Some(default))
                })
                .or_else(|| {
                    same().find(|x| {
                        x.country()
                            .is_some_and(|c| named.iter().any(|&(_, n, own)| own && n == c))
                    })
                })
                .or_else(|| {
                    // the country most of the document's other one-country places
                    // are in ("Essex County" beside "Newark" and "Passaic County")
                    same()
                        .filter_map(|x| {
                            let c = x.country()?;
                            let v = votes.iter().filter(|&&(s, n)| n == c && s != surface);
                            Some((v.count(), x))
                        })
                        .filter(|&(v, _)| v > 0)
                        .min_by_key(|&(v, _)| std::cmp::Reverse(v))
                        .map(|(_, x)| x)
                })
                .or_else(|| same().next())
        };
        let Some(x) = chosen else { continue };
        // "U.S.", "DPRK", and AP's "Calif." or "W. Va."
        let abbreviation = (!surface.chars().any(char::is_lowercase)
            && (surface.contains('.') || surface.chars().count() <= 5))
            || (surface.ends_with('.') && surface.len() <= 6);
        if abbreviation && !x.canonical.is_empty() && e.canonical.is_none() {
            e.canonical = Some(x.canonical.to_string());
        } else if e.canonical.is_none() {
            e.canonical = Some(surface.to_string());
        }
        if matches!(e.label, Label::Gpe | Label::Loc) {
            e.country = x.country().map(str::to_string);
        }
    }
}
