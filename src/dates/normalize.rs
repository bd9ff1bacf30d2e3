//! From a rule match to a TIMEX3 type and value.

use chrono::{Datelike, Duration, NaiveDate};

use crate::document::{Timex, TimexType};

use super::calendar::{self, Tense};
use super::lexicon::{normalize as norm_key, parse_number};
use super::rules::{g, Caps as Captures, DateRule, Norm};
use super::DateTagger;

pub(crate) struct Ctx<'a> {
    pub tagger: &'a DateTagger,
    pub sent: &'a str,
    pub dct: Option<NaiveDate>,
    /// The tense nearest to the match (computed only when a rule needs it).
    pub tense: &'a dyn Fn() -> Tense,
    /// Read ambiguous numeric dates day-first (option or the document's own
    /// usage; asked only when both readings are valid dates).
    pub day_first: &'a dyn Fn() -> bool,
}

type Out = Option<(TimexType, String, bool)>;

/// Whether `text`, as a lexicon key ([`norm_key`]), is one of `words` (ASCII
/// lower case): one word, equal to one of them but for ASCII case (no other
/// character lowers to an ASCII letter of these words).
fn is_word(text: &str, words: &[&str]) -> bool {
    let mut it = text.split_whitespace();
    match (it.next(), it.next()) {
        (Some(w), None) => words.iter().any(|k| w.eq_ignore_ascii_case(k)),
        _ => false,
    }
}

/// `format!("{v:0width$}")`, without the formatting machinery for the usual
/// (non-negative) numbers.
fn push_num(s: &mut String, v: i64, width: usize) {
    let Ok(u) = u64::try_from(v) else {
        use std::fmt::Write;
        let _ = write!(s, "{v:0width$}");
        return;
    };
    let mut buf = [0u8; 20];
    let digits = crate::json::decimal(u, &mut buf);
    for _ in digits.len()..width {
        s.push('0');
    }
    s.extend(digits.iter().map(|&b| char::from(b)));
}

/// `format!("{y:04}")`, `format!("{y:04}-{m:02}")` or `format!("{y:04}-{m:02}-{d:02}")`.
fn ymd_value(y: i64, m: Option<u32>, d: Option<u32>) -> String {
    let mut s = String::with_capacity(10);
    push_num(&mut s, y, 4);
    for part in [m, d].into_iter().flatten() {
        s.push('-');
        push_num(&mut s, i64::from(part), 2);
    }
    s
}

fn ymd(d: NaiveDate) -> String {
    // As chrono's `%Y-%m-%d`, without its formatting machinery for the usual years.
    if (0..=9999).contains(&d.year()) {
        ymd_value(i64::from(d.year()), Some(d.month()), Some(d.day()))
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// As chrono's `%Y-%m`.
fn ym(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        ymd_value(i64::from(d.year()), Some(d.month()), None)
    } else {
        d.format("%Y-%m").to_string()
    }
}

/// Whether `s` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `s` contains `needle` (lowercase ASCII), ignoring ASCII case.
fn contains_ci(s: &str, needle: &str) -> bool {
    s.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

impl<'a> Ctx<'a> {
    fn lookup(&self, list: &str, caps: &Captures, group: usize) -> Option<&'a str> {
        let t = caps.name(group)?.as_str();
        self.tagger.lex.get(list, t)
    }

    fn int(&self, caps: &Captures, group: usize) -> Option<i64> {
        caps.name(group)?.as_str().parse().ok()
    }

    /// The word right before the match, lowercased.
    fn word_before(&self, start: usize) -> String {
        let before = self.sent[..start].trim_end();
        let w = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        w.to_lowercase()
    }

    /// A bare weekday that names a weekly event: before a noun of
    /// `weekly_events.tsv` ("Friday prayers", "leading a Sunday meeting"), unless
    /// a word that points at one day comes first ("his Sunday Mass", "the
    /// Friday prayers"; `definite` in the same file).
    fn weekly_event(&self, start: usize, end: usize) -> bool {
        let after = self.text_after(end);
        let next = after.strip_prefix(' ').map_or("", |a| {
            a.split(|c: char| !c.is_alphabetic()).next().unwrap_or("")
        });
        !next.is_empty()
            && self.tagger.weekly_events.contains(&next.to_lowercase())
            && !self
                .tagger
                .weekly_definite
                .contains(&self.word_before(start))
    }

    fn text_after(&self, end: usize) -> &str {
        &self.sent[end..]
    }

    pub fn normalize(&self, rule: &DateRule, caps: &Captures) -> Out {
        let m = caps.get(0)?;
        let after = self.text_after(m.end());
        // Ages are not dates: "65-year-old", "ten years old".
        if matches!(rule.norm, Norm::Duration | Norm::Offset | Norm::Date)
            && (starts_with_ci(after, "-old")
                || starts_with_ci(after, " old")
                || starts_with_ci(after, "-year-old"))
        {
            return None;
        }
        match rule.norm {
            Norm::Date => self.date(rule, caps),
            Norm::Numeric => self.numeric(caps),
            Norm::Rel => self.rel(caps),
            Norm::Offset => self.offset(caps),
            Norm::Duration => self.duration(caps, rule.kind),
            Norm::Ref => Some((rule.kind, self.lookup("refs", caps, g::REF)?.into(), false)),
            Norm::Deictic => self.deictic(caps),
            Norm::Time => self.time(caps),
            Norm::Set => self.set(caps),
            Norm::SetWord => self.set_word(caps),
            Norm::Fixed => self.fixed(rule, caps),
            Norm::Anaphor => self.anaphor(caps),
        }
    }

    /// "the next day", "that year", "the following month": resolved after the
    /// sentence's matches are chosen (see [`resolve_anaphor`]); here only the
    /// direction, unit and part of day are recorded.
    fn anaphor(&self, caps: &Captures) -> Out {
        let unit = caps.name(g::UNIT)?.as_str().to_ascii_lowercase();
        let r: i64 = match caps.name(g::REL).map(|r| r.as_str().to_ascii_lowercase()) {
            Some(r) if r == "next" || r == "following" || r == "after" => 1,
            Some(r) if r == "previous" || r == "prior" || r == "before" => -1,
            _ => 0,
        };
        // "July of that year", "12 March that year": the month (and day) of the
        // year the anaphor finds.
        if let Some(mm) = caps.name(g::MONTH) {
            let mo: u32 = self.tagger.lex.get("months", mm.as_str())?.parse().ok()?;
            let md = match self.int(caps, g::DAY) {
                Some(day @ 1..=31) => format!("{mo:02}-{day:02}"),
                Some(_) => return None,
                None => format!("{mo:02}"),
            };
            return Some((TimexType::Date, format!("{ANAPHOR}{r}:{unit}:{md}"), true));
        }
        let part = self.lookup("parts_of_day", caps, g::UNIT).unwrap_or("");
        Some((TimexType::Date, format!("{ANAPHOR}{r}:{unit}:{part}"), true))
    }

    /// A placeholder for [`resolve_anaphor`]: the quarter the text reports on (the
    /// latest recent quarter mentioned before), `years` years earlier or later.
    /// When no quarter was mentioned: the last completed quarter before the dct
    /// (`quarter_fallback`) or the dct's year, shifted the same way.
    fn quarter_anaphor(&self, years: i64, quarter_fallback: bool) -> String {
        let fallback = match (self.dct, quarter_fallback) {
            (Some(d), true) => {
                let (y, q) = calendar::previous_quarter(d);
                format!("{:04}-Q{q}", y as i64 + years)
            }
            (Some(d), false) => format!("{:04}", d.year() as i64 + years),
            (None, true) => "XXXX-QX".into(),
            (None, false) => "XXXX".into(),
        };
        format!("{ANAPHOR}{years}:{QUARTER}:{fallback}")
    }

    /// As [`Self::quarter_anaphor`], in the given year ("the 1988 period").
    fn quarter_anaphor_in(&self, year: i32) -> String {
        let fallback = match self.dct {
            Some(d) => format!("{year:04}-Q{}", calendar::previous_quarter(d).1),
            None => format!("{year:04}-QX"),
        };
        format!("{ANAPHOR}={year}:{QUARTER}:{fallback}")
    }

    fn fixed(&self, rule: &DateRule, caps: &Captures) -> Out {
        if rule.value == "PREV_QUARTER" {
            return Some((rule.kind, self.quarter_anaphor(0, true), true));
        }
        if rule.value == "THIS_YEAR" {
            return Some(match self.dct {
                Some(d) => (rule.kind, format!("{:04}", d.year()), true),
                None => (rule.kind, "XXXX".into(), false),
            });
        }
        if rule.value == "REPORTED_QUARTER" {
            // "the 1988 quarter", "the quarter a year ago", "the corresponding period
            // last year": the quarter reported on, in the year given or the one before.
            let v = match self.int(caps, g::YEAR) {
                Some(y) => self.quarter_anaphor_in(y as i32),
                None => self.quarter_anaphor(-1, true),
            };
            return Some((rule.kind, v, true));
        }
        if rule.value == "THE_UNIT" {
            return self.the_unit(rule, caps);
        }
        Some((rule.kind, rule.value.clone(), false))
    }

    /// "the quarter", "the latest period", "the year", "the weekend": the unit the
    /// report is about — the last completed quarter, the current year or week, the
    /// nearest weekend in the sentence's tense.
    fn the_unit(&self, rule: &DateRule, caps: &Captures) -> Out {
        let unit = caps.name(g::UNIT)?.as_str().to_ascii_lowercase();
        // "for the year ended Sept. 30": a reporting period, i.e. a duration.
        let after = self.text_after(caps.get(0)?.end());
        if unit == "year" && (starts_with_ci(after, " ended") || starts_with_ci(after, " ending")) {
            return Some((TimexType::Duration, "P1Y".into(), false));
        }
        // "the period of suspension", "the period of his detention": a span named
        // by what fills it, not a reporting period
        if unit == "period" && starts_with_ci(after, " of ") {
            return None;
        }
        let Some(d) = self.dct else {
            let v = match unit.as_str() {
                "year" => "XXXX",
                "month" => "XXXX-XX",
                "week" => "XXXX-WXX",
                "weekend" => "XXXX-WXX-WE",
                _ => "XXXX-QX",
            };
            return Some((rule.kind, v.into(), false));
        };
        let v = match unit.as_str() {
            "year" => format!("{:04}", d.year()),
            "month" => ym(d),
            "week" => calendar::iso_week(d),
            "weekend" => {
                let sat = calendar::nearest_weekday(d, 6, (self.tense)());
                format!("{}-WE", calendar::iso_week(sat))
            }
            // "the current quarter": the one the document is written in.
            _ if contains_ci(caps.get(0)?.as_str(), "current") => {
                format!("{:04}-Q{}", d.year(), calendar::quarter_of(d))
            }
            // "the quarter", "the latest period": the quarter being reported on.
            _ => self.quarter_anaphor(0, true),
        };
        Some((rule.kind, v, true))
    }

    fn date(&self, rule: &DateRule, caps: &Captures) -> Out {
        let m = caps.get(0)?;
        let dct = self.dct;
        let rel: Option<i32> = self
            .lookup("relative", caps, g::REL)
            .and_then(|v| v.trim_start_matches('+').parse().ok());
        let mut year: Option<i32> = self
            .int(caps, g::YEAR)
            .or_else(|| self.int(caps, g::YEARPOS))
            .or_else(|| self.int(caps, g::YEARPRE))
            .map(|y| y as i32);
        if let Some(w) = caps.name(g::YEARW) {
            // "two thousand kilometres", "Two thousand people": a round spelled
            // number counts something unless a date word (context.tsv: "in",
            // "since", "by") or "the year" comes before it.
            if starts_with_ci(w.as_str(), "two thousand")
                && w.start() == m.start()
                && !self.tagger.context.contains(&self.word_before(m.start()))
            {
                return None;
            }
            year = Some(year_from_words(&self.tagger.lex, w.as_str())?);
        }
        if let Some(v) = self.nth_weekday(caps, rel, year) {
            return Some((rule.kind, v.0, v.1));
        }
        if let Some(r) = self.lookup("relative", caps, g::RELYEAR) {
            let r: i32 = r.trim_start_matches('+').parse().ok()?;
            match dct {
                // ("the first quarter of next year")
                Some(d) if caps.name(g::MONTH).is_none() => year = Some(d.year() + r),
                Some(d) => {
                    let mo: u32 = self
                        .tagger
                        .lex
                        .get("months", caps.name(g::MONTH)?.as_str())?
                        .parse()
                        .ok()?;
                    return Some((rule.kind, format!("{:04}-{mo:02}", d.year() + r), true));
                }
                None => year = None,
            }
        }
        if year.is_none() && contains_ci(m.as_str(), "this") && caps.name(g::QUARTER).is_some() {
            year = dct.map(|d| d.year());
        }
        let part = self.lookup("parts_of_day", caps, g::PART);
        let with_part = |kind: TimexType, base: String| -> (TimexType, String) {
            match &part {
                Some(p) => (TimexType::Time, format!("{base}T{p}")),
                None => (kind, base),
            }
        };

        // Centuries and decades.
        if let Some(c) = caps.name(g::CENTURY) {
            let n: u32 = c.as_str().parse().ok()?;
            return Some((rule.kind, format!("{:02}", n.checked_sub(1)?), false));
        }
        if let Some(w) = caps.name(g::DECW) {
            let tens = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ]
            .iter()
            .position(|x| w.as_str().eq_ignore_ascii_case(x))?
                + 2;
            return Some((rule.kind, format!("19{tens}"), false));
        }
        if let Some(d) = caps.name(g::DECADE) {
            return Some((rule.kind, d.as_str()[..3].to_string(), false));
        }
        if let Some(d) = caps.name(g::DECADE2) {
            let tens: u32 = d.as_str()[..1].parse().ok()?;
            let century = if tens <= 2 { "20" } else { "19" };
            return Some((rule.kind, format!("{century}{tens}"), false));
        }

        // Quarters and halves.
        if let Some(q) = caps.name(g::QUARTER) {
            let q: u32 = match q.as_str().parse() {
                Ok(n) => n,
                Err(_) => self.tagger.lex.get("ordinals", q.as_str())?.parse().ok()?,
            };
            if !(1..=4).contains(&q) {
                return None;
            }
            return Some(match (year, dct) {
                (Some(y), _) => (rule.kind, format!("{y:04}-Q{q}"), false),
                (None, Some(d)) => {
                    let dq = calendar::quarter_of(d);
                    let (py, pq) = calendar::previous_quarter(d);
                    let y = match (self.tense)() {
                        // The quarter just completed, even in the future tense
                        // ("will report fourth-quarter results" in January).
                        _ if q == pq => py,
                        Tense::Past | Tense::Before if q > dq => d.year() - 1,
                        Tense::Future if q < dq => d.year() + 1,
                        _ => d.year(),
                    };
                    (rule.kind, format!("{y:04}-Q{q}"), true)
                }
                (None, None) => (rule.kind, format!("XXXX-Q{q}"), false),
            });
        }
        if let Some(h) = caps.name(g::HALF) {
            // ("first", "H1"; "second", "last", "H2")
            let h = if h.as_str().eq_ignore_ascii_case("first") || h.as_str() == "1" {
                1
            } else {
                2
            };
            if year.is_none()
                && caps
                    .get(0)?
                    .as_str()
                    .to_ascii_lowercase()
                    .ends_with("this year")
            {
                year = dct.map(|d| d.year());
            }
            let anchored = year.is_none();
            let y = year.or(dct.map(|d| d.year()));
            return Some(match y {
                Some(y) => (rule.kind, format!("{y:04}-H{h}"), anchored),
                None => (rule.kind, format!("XXXX-H{h}"), false),
            });
        }

        // Seasons.
        if let Some(season) = self.lookup("seasons", caps, g::SEASON) {
            if let Some(y) = year {
                return Some((rule.kind, format!("{y:04}-{season}"), false));
            }
            let d = match dct {
                Some(d) => d,
                None => return Some((rule.kind, format!("XXXX-{season}"), false)),
            };
            let start = match season {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let dm = d.month();
            let inside = dm >= start && dm < start + 3 || (start == 12 && dm <= 2);
            let y = d.year();
            let y = match rel.unwrap_or(0) {
                r if r < 0 => {
                    if inside || start > dm {
                        y - 1
                    } else {
                        y
                    }
                }
                r if r > 0 => {
                    if start > dm {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => {
                    if start == 12 && dm <= 2 {
                        y - 1
                    } else {
                        y
                    }
                }
            };
            return Some((rule.kind, format!("{y:04}-{season}"), true));
        }

        // Holidays.
        if let Some(h) = caps.name(g::HOLIDAY) {
            if !starts_upper(h.as_str()) {
                return None;
            }
            let hrule = self.tagger.lex.get("holidays", h.as_str())?;
            if let Some(y) = year {
                return Some((rule.kind, ymd(calendar::holiday(hrule, y)?), false));
            }
            let Some(d) = dct else {
                let fixed = hrule.len() == 5 && hrule.as_bytes()[2] == b'-';
                let v = if fixed {
                    format!("XXXX-{hrule}")
                } else {
                    "XXXX".into()
                };
                return Some((rule.kind, v, false));
            };
            let this = calendar::holiday(hrule, d.year())?;
            let dir = rel.map(|r| if r < 0 { Tense::Past } else { Tense::Future });
            let y = match dir.unwrap_or((self.tense)()) {
                Tense::Past | Tense::Before if this > d + Duration::days(30) => d.year() - 1,
                Tense::Future if this < d - Duration::days(30) => d.year() + 1,
                _ => d.year(),
            };
            return Some((rule.kind, ymd(calendar::holiday(hrule, y)?), true));
        }

        // Month (with or without a day).
        let month: Option<u32> = match caps.name(g::MONTH) {
            Some(mm) => {
                let name = mm.as_str();
                if !starts_upper(name) {
                    return None;
                }
                let (n, flags) = self.tagger.lex.list("months").entry(name)?;
                let n: u32 = n.parse().ok()?;
                let bare = caps.name(g::DAY).is_none()
                    && caps.name(g::DAYORD).is_none()
                    && year.is_none()
                    && rel.is_none()
                    && caps.name(g::MOD).is_none();
                let ambiguous = flags.contains("ambiguous");
                if bare && ambiguous && !self.tagger.context.contains(&self.word_before(m.start()))
                {
                    return None;
                }
                // A bare abbreviation without its period ("Jan", "Dec") is too weak alone.
                let abbr = flags.contains("abbr");
                if bare && abbr {
                    return None;
                }
                Some(n)
            }
            None => caps.name(g::MONTHNUM).and_then(|x| x.as_str().parse().ok()),
        };
        let day: Option<u32> = match caps.name(g::DAY) {
            Some(x) => Some(x.as_str().parse().ok()?),
            None => match caps.name(g::DAYORD) {
                Some(o) => Some(self.tagger.lex.get("ordinals", o.as_str())?.parse().ok()?),
                None => None,
            },
        };
        if let Some(mo) = month {
            if let Some(dd) = day {
                if !(1..=31).contains(&dd) {
                    return None;
                }
                let (y, anchored) = match (year, dct) {
                    (Some(y), _) => (Some(y), false),
                    (None, Some(d)) => (
                        Some(calendar::year_for(d, mo, Some(dd), (self.tense)())),
                        true,
                    ),
                    (None, None) => (None, false),
                };
                return Some(match y {
                    Some(y) => {
                        NaiveDate::from_ymd_opt(y, mo, dd)?;
                        (
                            rule.kind,
                            ymd_value(i64::from(y), Some(mo), Some(dd)),
                            anchored,
                        )
                    }
                    None => (rule.kind, format!("XXXX-{mo:02}-{dd:02}"), false),
                });
            }
            let (y, anchored) = match (year, rel, dct) {
                (Some(y), _, _) => (Some(y), false),
                (None, Some(r), Some(d)) => {
                    let dm = d.month();
                    let y = d.year();
                    let y = match r {
                        r if r < 0 => {
                            if mo < dm {
                                y
                            } else {
                                y - 1
                            }
                        }
                        r if r > 0 => {
                            if mo > dm {
                                y
                            } else {
                                y + 1
                            }
                        }
                        _ => y,
                    };
                    (Some(y), true)
                }
                (None, None, Some(d)) => {
                    (Some(calendar::year_for(d, mo, None, (self.tense)())), true)
                }
                _ => (None, false),
            };
            return Some(match y {
                Some(y) => (rule.kind, ymd_value(i64::from(y), Some(mo), None), anchored),
                None => (rule.kind, format!("XXXX-{mo:02}"), false),
            });
        }

        // Weekday alone.
        if let Some(w) = caps.name(g::WEEKDAY) {
            if !starts_upper(w.as_str()) {
                return None;
            }
            let wd: u32 = self.tagger.lex.get("weekdays", w.as_str())?.parse().ok()?;
            // "Wednesday last week": that weekday of the week before the dct's.
            let rel_week: Option<i64> = self
                .lookup("relative", caps, g::RELWEEK)
                .and_then(|v| v.trim_start_matches('+').parse().ok());
            // "Monday last week's hearing": the week belongs to the noun after it.
            if rel_week.is_some() && self.text_after(m.end()).starts_with(['\'', '’']) {
                return None;
            }
            // "Friday prayers", "a Sunday meeting for worship": a weekly event
            if rel.is_none() && rel_week.is_none() && self.weekly_event(m.start(), m.end()) {
                return None;
            }
            // "Friday nights": every Friday night.
            let weekly = caps
                .name(g::PART)
                .and_then(|p| self.tagger.lex.list("parts_of_day").entry(p.as_str()))
                .is_some_and(|(_, flags)| flags.contains("plural"));
            if weekly && rel.is_none() && rel_week.is_none() {
                let (_, v) = with_part(rule.kind, format!("XXXX-WXX-{wd}"));
                return Some((TimexType::Set, v, false));
            }
            let Some(d) = dct else {
                let (k, v) = with_part(rule.kind, format!("XXXX-WXX-{wd}"));
                return Some((k, v, false));
            };
            let date = match (rel_week, rel) {
                (Some(rw), _) => calendar::weekday_of_week(d, wd, rw),
                (None, Some(r)) => calendar::relative_weekday(d, wd, r),
                (None, None) => calendar::nearest_weekday(d, wd, (self.tense)()),
            };
            let (k, v) = with_part(rule.kind, ymd(date));
            return Some((k, v, true));
        }

        // Year alone.
        if let Some(y) = year {
            let Some(ys) = caps.name(g::YEAR).or(caps.name(g::YEARPOS)) else {
                return Some((rule.kind, ymd_value(i64::from(y), None, None), false));
            };
            let before = &self.sent[..ys.start()];
            let after = &self.sent[ys.end()..];
            if before.ends_with(['$', '#', '€', '£', '.', ',', '/'])
                || after.starts_with(['%', ',', '.'])
                    && after[1..].starts_with(|c: char| c.is_ascii_digit())
                || after.starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            return Some((rule.kind, ymd_value(i64::from(y), None, None), false));
        }
        None
    }

    /// "the first Monday of February", "the last Sunday of May 2026", "the 3rd
    /// Tuesday of September next year": the weekday comes after its ordinal and
    /// before the month (unlike "Thursday, March 6"). (value, anchored).
    fn nth_weekday(
        &self,
        caps: &Captures,
        rel: Option<i32>,
        year: Option<i32>,
    ) -> Option<(String, bool)> {
        let (w, mm) = (caps.name(g::WEEKDAY)?, caps.name(g::MONTH)?);
        let n: i32 = match (caps.name(g::DAYORD), caps.name(g::DAY), rel) {
            (Some(o), _, _) if o.end() <= w.start() => {
                self.tagger.lex.get("ordinals", o.as_str())?.parse().ok()?
            }
            (None, Some(d), _) if d.end() <= w.start() => d.as_str().parse().ok()?,
            (None, None, Some(-1)) => -1,
            _ => return None,
        };
        if w.end() > mm.start() {
            return None;
        }
        let wd: u32 = self.tagger.lex.get("weekdays", w.as_str())?.parse().ok()?;
        let mo: u32 = self.tagger.lex.get("months", mm.as_str())?.parse().ok()?;
        let relyear: Option<i32> = self
            .lookup("relative", caps, g::RELYEAR)
            .and_then(|v| v.trim_start_matches('+').parse().ok());
        let (y, anchored) = match (year, relyear, self.dct) {
            (Some(y), _, _) => (y, false),
            (None, Some(r), Some(d)) => (d.year() + r, true),
            (None, None, Some(d)) => (calendar::year_for(d, mo, None, (self.tense)()), true),
            (None, _, None) => return Some((format!("XXXX-{mo:02}"), false)),
        };
        Some((ymd(calendar::nth_weekday(y, mo, wd, n)?), anchored))
    }

    fn numeric(&self, caps: &Captures) -> Out {
        let a: u32 = caps.name(g::A)?.as_str().parse().ok()?;
        let b: u32 = caps.name(g::B)?.as_str().parse().ok()?;
        let ys = caps.name(g::YEAR)?.as_str();
        let mut y: i32 = ys.parse().ok()?;
        if ys.len() == 2 {
            y += if y < 50 { 2000 } else { 1900 };
        }
        // The preferred reading if it is a date, else the other one if it is.
        // Dotted dates (03.05.2027) are written day-first.
        let dotted = caps.get(0)?.as_str().contains('.');
        let valid = |mo, d| NaiveDate::from_ymd_opt(y, mo, d).is_some();
        let (mo, d) = match (valid(a, b), valid(b, a)) {
            (false, false) => return None,
            (true, false) => (a, b),
            (false, true) => (b, a),
            (true, true) if dotted || (self.day_first)() => (b, a),
            (true, true) => (a, b),
        };
        Some((TimexType::Date, format!("{y:04}-{mo:02}-{d:02}"), false))
    }

    fn unit(&self, caps: &Captures) -> Option<&'a str> {
        self.lookup("units", caps, g::UNIT)
    }

    fn rel(&self, caps: &Captures) -> Out {
        let r: i64 = match self.lookup("relative", caps, g::REL) {
            Some(v) => v.trim_start_matches('+').parse().ok()?,
            None => 0,
        };
        let unit = self.unit(caps)?;
        self.rel_value(r, unit)
    }

    /// The calendar `unit` (`Y`, `M`, `W`, `WE`, `Q`, `DE`, `CE`) `r` steps from the dct's.
    fn rel_value(&self, r: i64, unit: &str) -> Out {
        let Some(d) = self.dct else {
            let v = match unit {
                "Y" => "XXXX",
                "M" => "XXXX-XX",
                "W" => "XXXX-WXX",
                "WE" => "XXXX-WXX-WE",
                "Q" => "XXXX-QX",
                "DE" => "XXX",
                _ => "XX",
            };
            return Some((TimexType::Date, v.into(), false));
        };
        let v = match unit {
            "Y" => format!("{:04}", d.year() as i64 + r),
            "M" => ym(calendar::add_months(d, r)),
            "W" => calendar::iso_week(d + Duration::days(7 * r)),
            "WE" => format!("{}-WE", calendar::iso_week(d + Duration::days(7 * r))),
            "Q" => {
                let idx = d.year() as i64 * 4 + (calendar::quarter_of(d) as i64 - 1) + r;
                format!("{:04}-Q{}", idx.div_euclid(4), idx.rem_euclid(4) + 1)
            }
            "DE" => format!("{:03}", d.year() as i64 / 10 + r),
            "CE" => format!("{:02}", d.year() as i64 / 100 + r),
            _ => return None,
        };
        Some((TimexType::Date, v, true))
    }

    fn amount(&self, caps: &Captures) -> Option<Option<f64>> {
        let n = match caps.name(g::NUM) {
            Some(n) => parse_number(&self.tagger.lex, n.as_str())?,
            None => Some(1.0),
        };
        let half = if caps.name(g::ANDHALF).is_some() {
            0.5
        } else {
            0.0
        };
        Some(n.map(|n| n + half))
    }

    fn offset(&self, caps: &Captures) -> Out {
        let unit = self.unit(caps)?;
        let dir = caps.name(g::DIR)?.as_str();
        let sign: i64 = if is_word(dir, &["ago", "earlier", "before"]) {
            -1
        } else {
            1
        };
        let n = match self.amount(caps)? {
            Some(n) => n,
            None => {
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some((TimexType::Date, v.into(), false));
            }
        };
        let n = n.round() as i64 * sign;
        // "the year-earlier quarter", and in a report on a quarter "a year ago" /
        // "a year earlier" / "year-earlier results": the same quarter a year before.
        if unit == "Y" && n == -1 {
            let qtail = caps.name(g::QTAIL).is_some();
            return Some((
                TimexType::Date,
                self.quarter_anaphor(-1, qtail),
                self.dct.is_some(),
            ));
        }
        if caps.name(g::QTAIL).is_some() {
            return Some((
                TimexType::Date,
                self.quarter_anaphor(0, true),
                self.dct.is_some(),
            ));
        }
        let Some(d) = self.dct else {
            let v = match unit {
                "Y" | "DE" | "CE" => "XXXX",
                "M" | "Q" => "XXXX-XX",
                "W" | "W2" => "XXXX-WXX",
                _ => "XXXX-XX-XX",
            };
            return Some((TimexType::Date, v.into(), false));
        };
        let v = match unit {
            "Y" => format!("{:04}", d.year() as i64 + n),
            "DE" => format!("{:04}", d.year() as i64 + 10 * n),
            "CE" => format!("{:04}", d.year() as i64 + 100 * n),
            "M" => ym(calendar::add_months(d, n)),
            "Q" => {
                let idx = d.year() as i64 * 4 + (calendar::quarter_of(d) as i64 - 1) + n;
                format!("{:04}-Q{}", idx.div_euclid(4), idx.rem_euclid(4) + 1)
            }
            "W" => calendar::iso_week(d + Duration::days(7 * n)),
            "W2" => calendar::iso_week(d + Duration::days(14 * n)),
            "D" => ymd(d + Duration::days(n)),
            _ => ymd(d),
        };
        Some((TimexType::Date, v, true))
    }

    fn duration(&self, caps: &Captures, kind: TimexType) -> Out {
        let (unit, unit_flags) = self
            .tagger
            .lex
            .list("units")
            .entry(caps.name(g::UNIT)?.as_str())?;
        let unit = unit.as_str();
        let num = caps.name(g::NUM).map(|n| n.as_str());
        // "a quarter of the vote", "a second term": not durations.
        if unit == "Q" && num.is_some_and(|n| is_word(n, &["a", "an"])) {
            return None;
        }
        if unit == "Q" && starts_with_ci(self.text_after(caps.get(0)?.end()), " of") {
            return None;
        }
        let plural = unit_flags.contains("plural");
        // "the past year", "the last decade", "the next month": with no number, the
        // calendar unit before or after the dct's, a date (TimeBank's reading).
        if num.is_none() && !plural && matches!(unit, "Y" | "M" | "W" | "Q" | "DE") {
            let m = caps.get(0)?.as_str();
            let word = m
                .split_whitespace()
                .nth(1)
                .unwrap_or("")
                .to_ascii_lowercase();
            let r = match word.as_str() {
                "past" | "last" | "previous" => Some(-1),
                "next" | "coming" => Some(1),
                _ => None,
            };
            if let (Some(r), true) = (r, starts_with_ci(m, "the ")) {
                return self.rel_value(r, unit);
            }
        }
        let n = if num.is_none() && plural {
            None
        } else {
            self.amount(caps)?
        };
        let mut value = duration_value(n, unit);
        // "two years and six months", "3 years, 1 month and 15 days": one length.
        let mut prev = unit;
        for (ng, ug) in [(g::NUM2, g::UNIT2), (g::NUM3, g::UNIT3)] {
            let (Some(n2), Some(u2)) = (caps.name(ng), caps.name(ug)) else {
                break;
            };
            let u2 = self.tagger.lex.get("units", u2.as_str())?;
            // "between six months and two years" (units not descending) is two.
            if unit_rank(u2)? >= unit_rank(prev)? {
                return None;
            }
            prev = u2;
            let v2 = duration_value(parse_number(&self.tagger.lex, n2.as_str())?, u2);
            let v2 = &v2[1..];
            value = match (value.contains('T'), v2.starts_with('T')) {
                (true, true) => format!("{value}{}", &v2[1..]),
                _ => format!("{value}{v2}"),
            };
        }
        // "$1.76 a year", "three times a year": a rate, not a length of time.
        if num.is_some_and(|n| is_word(n, &["a", "an", "per"])) {
            let before = self.sent[..caps.get(0)?.start()].trim_end();
            let last = before.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
            if before.ends_with(|c: char| c.is_ascii_digit() || c == '%')
                || matches!(
                    last.as_str(),
                    "million" | "billion" | "thousand" | "times" | "once" | "twice" | "percent"
                )
            {
                return Some((TimexType::Set, value, false));
            }
        }
        Some((kind, value, false))
    }

    fn deictic(&self, caps: &Captures) -> Out {
        let (offset, list_part) = match caps.name(g::DEICTIC) {
            Some(w) => {
                let e = self.tagger.lex.list("deictic").entry(w.as_str())?;
                let off: i64 = e.0.trim_start_matches('+').parse().ok()?;
                (off, (!e.1.is_empty()).then_some(e.1.as_str()))
            }
            None => {
                let last = is_word(caps.name(g::REL)?.as_str(), &["last"]);
                (if last { -1 } else { 0 }, None)
            }
        };
        let part = self.lookup("parts_of_day", caps, g::PART).or(list_part);
        let base = match self.dct {
            Some(d) => ymd(d + Duration::days(offset)),
            None => "XXXX-XX-XX".into(),
        };
        Some(match part {
            Some(p) => (TimexType::Time, format!("{base}T{p}"), self.dct.is_some()),
            None => (TimexType::Date, base, self.dct.is_some()),
        })
    }

    fn time(&self, caps: &Captures) -> Out {
        let h = caps.name(g::HOUR)?.as_str().to_ascii_lowercase();
        let (mut hour, minute): (u32, u32) = match h.as_str() {
            "noon" | "midday" => (12, 0),
            "midnight" => (24, 0),
            _ => (
                h.parse().ok()?,
                caps.name(g::MINUTE)
                    .map_or(Some(0), |m| m.as_str().parse().ok())?,
            ),
        };
        // "4 in the morning", "11 at night": the part of the day tells a.m. from p.m.;
        // only after a preposition of clock_prepositions.tsv is it a time.
        if caps.name(g::AMPM).is_none()
            && caps.name(g::PART).is_some()
            && !self
                .tagger
                .clock_prepositions
                .contains(&self.word_before(caps.get(0)?.start()))
        {
            return None;
        }
        let pm = match (caps.name(g::AMPM), caps.name(g::PART)) {
            (Some(ap), _) => Some(ap.as_str().to_ascii_lowercase().starts_with('p')),
            (None, Some(part)) => match self.tagger.lex.get("parts_of_day", part.as_str())? {
                "MO" => Some(false),
                "NI" => Some((6..12).contains(&hour)),
                _ => Some(true),
            },
            (None, None) => None,
        };
        if let Some(pm) = pm {
            if pm && hour < 12 {
                hour += 12;
            } else if !pm && hour == 12 {
                hour = 0;
            }
        }
        let m = caps.get(0)?;
        let weekday = match caps.name(g::WEEKDAY) {
            Some(w) => Some(self.tagger.lex.get("weekdays", w.as_str())?.parse().ok()?),
            None if caps.name(g::MONTH).is_none() => self.adjacent_weekday(m.start(), m.end()),
            None => None,
        };
        let day_of = match (weekday, caps.name(g::MONTH)) {
            (None, None) => self.adjacent_month_day(m.start(), m.end()),
            _ => None,
        };
        let base = match (self.dct, weekday, caps.name(g::MONTH)) {
            (Some(d), Some(wd), _) => ymd(calendar::nearest_weekday(d, wd, (self.tense)())),
            (dct, None, None) if day_of.is_some() => {
                let (year, mo, day) = day_of?;
                match (year, dct) {
                    (Some(y), _) => ymd(NaiveDate::from_ymd_opt(y, mo, day)?),
                    (None, Some(d)) => {
                        let y = calendar::year_for(d, mo, Some(day), (self.tense)());
                        ymd(NaiveDate::from_ymd_opt(y, mo, day)?)
                    }
                    (None, None) => format!("XXXX-{mo:02}-{day:02}"),
                }
            }
            (dct, None, Some(mm)) => {
                let mo: u32 = self.tagger.lex.get("months", mm.as_str())?.parse().ok()?;
                let day: u32 = caps.name(g::DAY)?.as_str().parse().ok()?;
                let year: Option<i32> = caps.name(g::YEAR).and_then(|y| y.as_str().parse().ok());
                if let Some(y) = year {
                    let date = ymd(NaiveDate::from_ymd_opt(y, mo, day)?);
                    return Some((
                        TimexType::Time,
                        format!("{date}T{hour:02}:{minute:02}"),
                        false,
                    ));
                }
                match dct {
                    Some(d) => {
                        let y = calendar::year_for(d, mo, Some(day), (self.tense)());
                        ymd(NaiveDate::from_ymd_opt(y, mo, day)?)
                    }
                    None => format!("XXXX-{mo:02}-{day:02}"),
                }
            }
            // No day next to it: not the dct's day ("a curfew between 9 p.m. and
            // 6 a.m." recurs); a day elsewhere in the sentence may still give it
            // one (see `DateTagger::clock_days`).
            (_, None, None) => {
                return Some((
                    TimexType::Time,
                    format!("{UNDATED}{hour:02}:{minute:02}"),
                    false,
                ))
            }
            (None, _, _) => "XXXX-XX-XX".into(),
        };
        Some((
            TimexType::Time,
            format!("{base}T{hour:02}:{minute:02}"),
            self.dct.is_some(),
        ))
    }

    /// The calendar day a clock time is tied to by its neighbour (a date of its
    /// own; the time takes its day): "at 10 a.m. on March 3", "at 4 p.m., March
    /// 3, 2021", "March 3 at 9 p.m." → (year if written after the day, month, day).
    fn adjacent_month_day(&self, start: usize, end: usize) -> Option<(Option<i32>, u32, u32)> {
        let month_day = &self.tagger.month_day;
        let after = self.sent[end..].trim_start_matches([',', ' ']);
        let after = if starts_with_ci(after, "on ") {
            after[3..].trim_start()
        } else {
            after
        };
        let (md, rest) = match month_day.find(after).filter(|m| m.start() == 0) {
            Some(m) => (m.as_str(), &after[m.end()..]),
            None => {
                let before = self.sent[..start].trim_end();
                let before = match before.strip_suffix(',') {
                    Some(b) => b,
                    None => {
                        let i = before.len().checked_sub(3)?;
                        if !before.is_char_boundary(i) || !before[i..].eq_ignore_ascii_case(" at") {
                            return None;
                        }
                        &before[..i]
                    }
                }
                .trim_end();
                let m = month_day.find_iter(before).last()?;
                if m.end() != before.len() {
                    return None;
                }
                (m.as_str(), "")
            }
        };
        let (month, day) = md.rsplit_once(' ')?;
        let mo: u32 = self.tagger.lex.get("months", month)?.parse().ok()?;
        let day: u32 = day.trim_end_matches(char::is_alphabetic).parse().ok()?;
        let year = rest
            .strip_prefix(", ")
            .filter(|r| {
                let b = r.as_bytes();
                b.len() >= 4
                    && b[..4].iter().all(u8::is_ascii_digit)
                    && !b.get(4).is_some_and(u8::is_ascii_alphanumeric)
            })
            .and_then(|r| r[..4].parse().ok());
        Some((year, mo, day))
    }

    /// The weekday a clock time is tied to by its neighbours: "at 11 a.m. on
    /// Sunday", "10 a.m., Monday", "Sunday at 9 p.m." (the weekday is a date of its
    /// own; the time takes its day).
    fn adjacent_weekday(&self, start: usize, end: usize) -> Option<u32> {
        let weekday = |w: &str| -> Option<u32> {
            if !starts_upper(w) {
                return None;
            }
            self.tagger.lex.get("weekdays", w)?.parse().ok()
        };
        let mut after = self.sent[end..].trim_start_matches([',', ' ']);
        // A parenthesis in between: "10:35 a.m. (0735 GMT) Friday".
        if after.starts_with('(') {
            if let Some(close) = after[..after.len().min(40)].find(')') {
                after = after[close + 1..].trim_start_matches([',', ' ']);
            }
        }
        let after = if starts_with_ci(after, "on ") {
            after[3..].trim_start()
        } else {
            after
        };
        let word = after
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if let Some(wd) = weekday(word) {
            return Some(wd);
        }
        let before = self.sent[..start].trim_end();
        let before = match before.strip_suffix(',') {
            Some(b) => b,
            None => match before.len().checked_sub(3) {
                Some(i)
                    if before.is_char_boundary(i) && before[i..].eq_ignore_ascii_case(" at") =>
                {
                    &before[..i]
                }
                _ => return None,
            },
        }
        .trim_end();
        weekday(
            before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or(""),
        )
    }

    /// "daily", "annually": a SET, unless the word ends the match and makes a rate
    /// of the amount after it ("its quarterly dividend", `rate_nouns.tsv`) or is a
    /// noun before a name ("the party daily Granma").
    fn set_word(&self, caps: &Captures) -> Out {
        let set = caps.name(g::SET)?;
        if set.end() == caps.get(0)?.end() {
            let rest = self.text_after(set.end());
            let next = rest.trim_start();
            if next.len() < rest.len() && next.starts_with(|c: char| c.is_alphabetic()) {
                if starts_upper(next) {
                    return None;
                }
                let word: String = next
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase)
                    .collect();
                if self.tagger.rate_nouns.contains(&word) {
                    return None;
                }
            }
        }
        Some((
            TimexType::Set,
            self.lookup("sets", caps, g::SET)?.into(),
            false,
        ))
    }

    fn set(&self, caps: &Captures) -> Out {
        if let Some(w) = caps.name(g::WEEKDAY) {
            let wd = self.tagger.lex.get("weekdays", w.as_str())?;
            return Some((TimexType::Set, format!("XXXX-WXX-{wd}"), false));
        }
        if let Some(mm) = caps.name(g::MONTH) {
            let mo: u32 = self.tagger.lex.get("months", mm.as_str())?.parse().ok()?;
            return Some((TimexType::Set, format!("XXXX-{mo:02}"), false));
        }
        let unit = self.unit(caps)?;
        let n = self.amount(caps)?;
        Some((TimexType::Set, duration_value(n, unit), false))
    }
}

/// A month (`2020-10`) or day (`2020-10-05`) value `years` years later (earlier
/// if negative); `None` for any other value. A 29 February without its year
/// becomes the month.
fn shift_month_or_day(v: &str, years: i64) -> Option<String> {
    let b = v.as_bytes();
    let digits = |a: usize, z: usize| b[a..z].iter().all(u8::is_ascii_digit);
    let month = b.len() >= 7 && digits(0, 4) && b[4] == b'-' && digits(5, 7);
    if !month || !(b.len() == 7 || (b.len() == 10 && b[7] == b'-' && digits(8, 10))) {
        return None;
    }
    let y = v[..4].parse::<i64>().ok()? + years;
    if b.len() == 10 {
        let ok = i32::try_from(y).ok().and_then(|y| {
            NaiveDate::from_ymd_opt(y, v[5..7].parse().ok()?, v[8..10].parse().ok()?)
        });
        if ok.is_none() {
            return Some(format!("{y:04}{}", &v[4..7]));
        }
    }
    Some(format!("{y:04}{}", &v[4..]))
}

/// Value prefix of a clock time with no day next to it ("at 9 p.m.").
pub const UNDATED: &str = "XXXX-XX-XXT";

/// Value prefix of an anaphor waiting for [`resolve_anaphor`].
pub const ANAPHOR: &str = "ANAPHOR:";

/// Unit of a quarter anaphor (see [`Ctx::quarter_anaphor`]).
const QUARTER: &str = "quarter";

/// `(year, quarter)` of a value such as `2020-Q3`.
fn parse_quarter(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    if y.len() != 4 || q.len() != 1 {
        return None;
    }
    let q: u32 = q.parse().ok()?;
    (1..=4).contains(&q).then_some(())?;
    Some((y.parse().ok()?, q))
}

/// The quarter anaphor `ANAPHOR:<years>:quarter:<fallback>` (`=<year>` for a
/// fixed year instead of a shift): the latest quarter
/// among `previous` that lies within the year before the dct (a quarter already
/// shifted a year back, or one far in the past, is not the one reported on),
/// shifted by `years`; else the fallback.
/// How a quarter anaphor moves the quarter it finds: by some years, or to a year.
#[derive(Clone, Copy)]
enum Shift {
    By(i64),
    To(i64),
}

fn resolve_quarter(
    shift: Shift,
    fallback: &str,
    previous: &[Timex],
    dct: Option<NaiveDate>,
) -> String {
    let index = |y: i32, q: u32| y as i64 * 4 + q as i64 - 1;
    let recent = |&(y, q): &(i32, u32)| match dct {
        Some(d) => {
            let now = index(d.year(), calendar::quarter_of(d));
            (now - 4..now).contains(&index(y, q))
        }
        None => true,
    };
    previous
        .iter()
        .rev()
        .filter_map(|t| parse_quarter(&t.value))
        .find(recent)
        .map_or_else(
            || fallback.to_string(),
            |(y, q)| match shift {
                Shift::By(n) => format!("{:04}-Q{q}", y as i64 + n),
                Shift::To(y) => format!("{y:04}-Q{q}"),
            },
        )
}

/// Resolves an anaphor placeholder against the latest date of the right
/// granularity among `previous` (the dates before it in the document), else the dct.
pub fn resolve_anaphor(
    value: &str,
    previous: &[Timex],
    same_sentence: &[Timex],
    dct: Option<NaiveDate>,
) -> Option<(TimexType, String)> {
    let mut it = value.strip_prefix(ANAPHOR)?.splitn(3, ':');
    let r = it.next()?;
    let unit = it.next()?;
    let part = it.next().unwrap_or("");
    if unit == QUARTER {
        let shift = match r.strip_prefix('=') {
            Some(y) => Shift::To(y.parse().ok()?),
            None => Shift::By(r.parse().ok()?),
        };
        // "sales in October rose from a year earlier", "from $5 million a year
        // ago": right after a calendar month or day in its sentence, "a year
        // earlier" is that month or day a year before (not a quarter). Not after a
        // weekday or "yesterday": that is when something was said.
        if let (Shift::By(n @ (..=-1 | 1..)), false) = (shift, part.contains('Q')) {
            let calendar = same_sentence
                .last()
                .filter(|t| !t.rule.ends_with("weekday") && !t.rule.ends_with("deictic"));
            if let Some(v) = calendar.map(|t| t.value.as_str()) {
                if let Some(v) = shift_month_or_day(v, n) {
                    return Some((TimexType::Date, v));
                }
            }
        }
        return Some((TimexType::Date, resolve_quarter(shift, part, previous, dct)));
    }
    let r: i64 = r.parse().ok()?;
    let want_len = match unit {
        "year" => 4,
        "month" => 7,
        _ => 10,
    };
    let digits =
        |v: &[u8], a: usize, b: usize| v.len() >= b && v[a..b].iter().all(u8::is_ascii_digit);
    // The last date mentioned is coarser than the anaphor ("arrested in August
    // 2015 … the following evening"): the anaphor is about that time, its finer
    // parts unknown — not a day near an earlier date or the dct.
    let last = previous
        .iter()
        .rev()
        .map(|t| t.value.as_bytes())
        .find(|v| digits(v, 0, 4));
    if let Some(v) = last {
        let have = if digits(v, 5, 7) && digits(v, 8, 10) {
            10
        } else if digits(v, 5, 7) {
            7
        } else {
            4
        };
        if have < want_len && !(v.len() > 4 && v[4] == b'-' && v.get(5) == Some(&b'W')) {
            let known = std::str::from_utf8(&v[..have]).ok()?;
            let value = match (unit, have) {
                ("month", _) => format!("{known}-XX"),
                ("week", _) => format!("{}-WXX", &known[..4]),
                (_, 7) => format!("{known}-XX"),
                _ => format!("{known}-XX-XX"),
            };
            return Some(if part.is_empty() {
                (TimexType::Date, value)
            } else {
                (TimexType::Time, format!("{value}T{part}"))
            });
        }
    }
    let anchor = previous.iter().rev().map(|t| t.value.as_bytes()).find(|v| {
        digits(v, 0, 4) && (want_len == 4 || digits(v, 5, 7)) && (want_len < 10 || digits(v, 8, 10))
    });
    let base = match anchor {
        Some(v) => {
            let v = std::str::from_utf8(v).ok()?;
            let y: i32 = v[..4].parse().ok()?;
            let m: u32 = if want_len >= 7 {
                v[5..7].parse().ok()?
            } else {
                1
            };
            let d: u32 = if want_len >= 10 {
                v[8..10].parse().ok()?
            } else {
                1
            };
            NaiveDate::from_ymd_opt(y, m, d)?
        }
        None => match dct {
            Some(d) => d,
            None => return Some((TimexType::Date, "XXXX-XX-XX".into())),
        },
    };
    Some(match unit {
        // `part` holds the month (and day) of "July of that year".
        "year" if !part.is_empty() => {
            let v = format!("{:04}-{part}", base.year() as i64 + r);
            if part.len() == 5 && NaiveDate::parse_from_str(&v, "%Y-%m-%d").is_err() {
                return None;
            }
            (TimexType::Date, v)
        }
        "year" => (TimexType::Date, format!("{:04}", base.year() as i64 + r)),
        "month" => (TimexType::Date, ym(calendar::add_months(base, r))),
        "week" => (
            TimexType::Date,
            calendar::iso_week(base + Duration::days(7 * r)),
        ),
        _ => {
            let day = ymd(base + Duration::days(r));
            if part.is_empty() {
                (TimexType::Date, day)
            } else {
                (TimexType::Time, format!("{day}T{part}"))
            }
        }
    })
}

/// A year written in words: "nineteen ninety-six", "two thousand".
fn year_from_words(lex: &super::lexicon::Lexicon, text: &str) -> Option<i32> {
    let t = norm_key(text);
    if t.starts_with("two thousand") {
        return Some(parse_number(lex, &t)?? as i32);
    }
    let (first, rest) = t.split_once([' ', '-'])?;
    let hundreds = lex.get("numbers", first)?.parse::<i32>().ok()?;
    if rest == "hundred" {
        return Some(hundreds * 100);
    }
    Some(hundreds * 100 + parse_number(lex, rest)?? as i32)
}

/// ISO 8601 duration of `n` units. A fraction becomes whole units plus the
/// remainder in the next smaller unit, as TimeBank writes it ("two and a half
/// years" → P2Y6M, "5 1/2 hours" → PT5H30M); fractions that do not divide evenly
/// stay decimal (P1.3Y).
/// Order of the calendar units of a compound duration, largest first ("two years
/// and six months"); `None` for units that do not combine (weekends, millennia).
fn unit_rank(unit: &str) -> Option<u8> {
    Some(match unit {
        "CE" => 9,
        "DE" => 8,
        "Y" => 7,
        "Q" => 6,
        "M" => 5,
        "W" | "W2" => 4,
        "D" => 3,
        "H" => 2,
        "MIN" => 1,
        "S" => 0,
        _ => return None,
    })
}

pub fn duration_value(n: Option<f64>, unit: &str) -> String {
    let (designator, time, smaller): (&str, bool, Option<(&str, f64)>) = match unit {
        "Y" => ("Y", false, Some(("M", 12.0))),
        "M" => ("M", false, None),
        "W" => ("W", false, Some(("D", 7.0))),
        "W2" => ("W", false, None),
        "D" => ("D", false, Some(("H", 24.0))),
        "H" => ("H", true, Some(("MIN", 60.0))),
        "MIN" => ("M", true, Some(("S", 60.0))),
        "S" => ("S", true, None),
        "DE" => ("DE", false, Some(("Y", 10.0))),
        "CE" => ("CE", false, Some(("Y", 100.0))),
        "Q" => ("Q", false, Some(("M", 3.0))),
        "WE" => ("WE", false, None),
        "MIL" => ("ML", false, None),
        _ => ("X", false, None),
    };
    let Some(mut n) = n else {
        return if time {
            format!("PTX{designator}")
        } else {
            format!("PX{designator}")
        };
    };
    if unit == "W2" {
        n *= 2.0;
    }
    let t = if time { "T" } else { "" };
    if n.fract() == 0.0 {
        return whole_duration(t, n as i64, designator);
    }
    if let Some((u, f)) = smaller {
        let rem = n.fract() * f;
        if (rem - rem.round()).abs() < 1e-9 {
            let whole = n.trunc() as i64;
            let rest = duration_value(Some(rem.round()), u);
            let rest = &rest[1..]; // without "P"
            if whole == 0 {
                return format!("P{rest}");
            }
            // Joining a date part and a time part ("P2DT12H") or two of a kind.
            let rest = if time {
                rest.trim_start_matches('T')
            } else {
                rest
            };
            return format!("P{t}{whole}{designator}{rest}");
        }
    }
    format!("P{t}{n}{designator}")
}

/// `format!("P{t}{n}{designator}")` for a whole `n`.
fn whole_duration(t: &str, n: i64, designator: &str) -> String {
    let mut s = String::with_capacity(8);
    s.push('P');
    s.push_str(t);
    push_num(&mut s, n, 0);
    s.push_str(designator);
    s
}
