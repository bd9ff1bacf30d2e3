//! Calendar arithmetic for resolving relative expressions against the document date.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

/// Direction in which an underspecified expression resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// Strictly before the document date: right after "since" ("since January"
    /// in a December release is this year's January, with no slack).
    Before,
}

pub fn weekday_from_iso(n: u32) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The weekday `wd` nearest to `dct` in the direction of `tense` (the dct itself
/// counts: "said Friday" in a Friday story is that day).
pub fn nearest_weekday(dct: NaiveDate, wd: u32, tense: Tense) -> NaiveDate {
    let cur = dct.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    match tense {
        Tense::Past | Tense::Before => dct - Duration::days((cur - wd).rem_euclid(7)),
        Tense::Future => dct + Duration::days((wd - cur).rem_euclid(7)),
    }
}

/// "last Tuesday" / "next Tuesday" / "this Tuesday".
pub fn relative_weekday(dct: NaiveDate, wd: u32, rel: i32) -> NaiveDate {
    let cur = dct.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    match rel {
        r if r < 0 => dct - Duration::days(((cur - wd - 1).rem_euclid(7)) + 1),
        r if r > 0 => dct + Duration::days(((wd - cur - 1).rem_euclid(7)) + 1),
        _ => dct + Duration::days(wd - cur),
    }
}

/// "Wednesday last week" / "Friday this week" / "Monday next week": weekday `wd`
/// of the ISO week `weeks` weeks from the dct's.
pub fn weekday_of_week(dct: NaiveDate, wd: u32, weeks: i64) -> NaiveDate {
    let cur = dct.weekday().number_from_monday() as i64;
    dct + Duration::days(7 * weeks + wd as i64 - cur)
}

/// Year of a month (and optional day) without a year, nearest in `tense`.
/// A month up to [`MONTH_SLACK`] months on the "wrong" side of the dct (counted
/// across the new year) is taken there all the same: the occurrence nearest the
/// dct is the likelier one, and the tense only decides between two far ones (a
/// past-tense report written in November on a deal "completed by January" means
/// the coming January, not one ten months ago).
pub fn year_for(dct: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let y = dct.year();
    let dm = dct.month() as i32;
    let m = month as i32;
    // Months until the next occurrence and since the last one (0: this month).
    let ahead = (m - dm).rem_euclid(12);
    let behind = (dm - m).rem_euclid(12);
    let upcoming = if m >= dm { y } else { y + 1 };
    let previous = if m <= dm { y } else { y - 1 };
    match tense {
        Tense::Before if ahead == 0 && day.is_some_and(|d| d > dct.day()) => y - 1,
        Tense::Before => previous,
        Tense::Past if ahead > 0 && ahead <= MONTH_SLACK => upcoming,
        Tense::Past => previous,
        Tense::Future if behind > 0 && behind <= MONTH_SLACK => previous,
        Tense::Future => upcoming,
    }
}

/// See [`year_for`].
const MONTH_SLACK: i32 = 2;

pub fn add_months(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32)).unwrap_or(d)
    } else {
        d.checked_sub_months(Months::new((-n) as u32)).unwrap_or(d)
    }
}

pub fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// The last quarter completed before `d`: `(year, quarter)`.
pub fn previous_quarter(d: NaiveDate) -> (i32, u32) {
    match quarter_of(d) {
        1 => (d.year() - 1, 4),
        q => (d.year(), q - 1),
    }
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The n-th ISO weekday `wd` of a month (n = -1: the last one).
pub fn nth_weekday(year: i32, month: u32, wd: u32, n: i32) -> Option<NaiveDate> {
    let w = weekday_from_iso(wd);
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, w, n as u8)
    } else {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next.pred_opt()?;
        let back = (last.weekday().number_from_monday() as i64 - wd as i64).rem_euclid(7);
        Some(last - Duration::days(back))
    }
}

/// Month and day of a holiday rule (`12-25`, `4-4-11`, `easter+1`) in `year`.
pub fn holiday(rule: &str, year: i32) -> Option<NaiveDate> {
    if let Some(rest) = rule.strip_prefix("easter") {
        let off: i64 = if rest.is_empty() {
            0
        } else {
            rest.parse().ok()?
        };
        return easter(year).map(|d| d + Duration::days(off));
    }
    let parts: Vec<&str> = rule.rsplitn(3, '-').collect();
    match parts.as_slice() {
        [d, m] => NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?),
        [m, wd, n] => nth_weekday(year, m.parse().ok()?, wd.parse().ok()?, n.parse().ok()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_and_holidays() {
        let dct = d("2020-12-18"); // a Friday
        assert_eq!(nearest_weekday(dct, 1, Tense::Past), d("2020-12-14"));
        assert_eq!(nearest_weekday(dct, 1, Tense::Future), d("2020-12-21"));
        assert_eq!(nearest_weekday(dct, 5, Tense::Past), dct);
        assert_eq!(relative_weekday(dct, 2, -1), d("2020-12-15"));
        assert_eq!(relative_weekday(dct, 5, -1), d("2020-12-11"));
        assert_eq!(relative_weekday(dct, 5, 1), d("2020-12-25"));
        assert_eq!(weekday_of_week(dct, 3, -1), d("2020-12-09"));
        assert_eq!(weekday_of_week(dct, 1, 1), d("2020-12-21"));
        assert_eq!(weekday_of_week(dct, 7, 0), d("2020-12-20"));
        assert_eq!(easter(2021), Some(d("2021-04-04")));
        assert_eq!(holiday("4-4-11", 1999), Some(d("1999-11-25")));
        assert_eq!(holiday("-1-1-05", 2020), Some(d("2020-05-25")));
        assert_eq!(holiday("12-25", 2020), Some(d("2020-12-25")));
        assert_eq!(iso_week(dct), "2020-W51");
    }
}
