//! TIMEX3 tagging and normalization, one test per phenomenon. Every test states
//! the document creation time (`dct`) it assumes; 2020-12-18 is a Friday.

use chrono::NaiveDate;
use prex::{Options, Patterns, Pipeline};

fn pipeline(dct: Option<&str>, day_first: bool) -> Pipeline {
    let options = Options {
        dct: dct.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
        day_first,
        ..Options::default()
    };
    Pipeline::new(&Patterns::embedded(), options).unwrap()
}

/// (text, type, value, anchored) of every date in `text`.
fn dates_with(p: &Pipeline, text: &str) -> Vec<(String, String, String, bool)> {
    p.process_str("t.txt", text)
        .dates
        .into_iter()
        .map(|d| (d.text.into(), d.kind.into(), d.value.into(), d.anchored))
        .collect()
}

/// The default pipeline with dct 2020-12-18, built once (debug builds compile the
/// rule regexes slowly).
fn shared() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| pipeline(Some(DCT), false))
}

fn dates(dct: &str, text: &str) -> Vec<(String, String, String)> {
    let owned;
    let p = if dct == DCT {
        shared()
    } else {
        owned = pipeline(Some(dct), false);
        &owned
    };
    dates_with(p, text)
        .into_iter()
        .map(|(t, k, v, _)| (t, k, v))
        .collect()
}

/// The single date in `text`: (span text, type, value).
fn one(dct: &str, text: &str) -> (String, String, String) {
    let d = dates(dct, text);
    assert_eq!(d.len(), 1, "expected one date in {text:?}, got {d:?}");
    d.into_iter().next().unwrap()
}

fn check(dct: &str, text: &str, span: &str, kind: &str, value: &str) {
    let (t, k, v) = one(dct, text);
    assert_eq!(
        (t.as_str(), k.as_str(), v.as_str()),
        (span, kind, value),
        "in {text:?}"
    );
}

const DCT: &str = "2020-12-18";

// ---- absolute dates ----

#[test]
fn numeric_month_first() {
    check(
        DCT,
        "The hearing was on 12/18/2020.",
        "12/18/2020",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn numeric_day_first_when_only_valid_reading() {
    check(
        DCT,
        "The hearing was on 18.12.2020.",
        "18.12.2020",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn numeric_day_first_option() {
    let p = pipeline(Some(DCT), true);
    let d = dates_with(&p, "The hearing was on 03/04/2020.");
    assert_eq!(d[0].2, "2020-04-03");
    let p = pipeline(Some(DCT), false);
    assert_eq!(
        dates_with(&p, "The hearing was on 03/04/2020.")[0].2,
        "2020-03-04"
    );
}

#[test]
fn numeric_day_first_in_a_document_writing_day_before_month() {
    // British style: "14 June 2023" → its 11/02/1992 is 11 February.
    let d = dates(
        DCT,
        "He was sentenced on 14 June 2023. The attack was on 2 April 2023. Born 11/02/1992.",
    );
    assert_eq!(
        d[2],
        ("11/02/1992".into(), "DATE".into(), "1992-02-11".into())
    );
    // American style keeps month first.
    let d = dates(
        DCT,
        "He was sentenced on June 14, 2023. The attack was on April 2, 2023. Born 11/02/1992.",
    );
    assert_eq!(d[2].2, "1992-11-02");
}

#[test]
fn iso_date() {
    check(
        DCT,
        "Filed 2020-12-18 in court.",
        "2020-12-18",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn month_day_year() {
    check(
        DCT,
        "He was arrested on December 18, 2020, in Seoul.",
        "December 18, 2020",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn day_month_year() {
    check(
        DCT,
        "He was arrested on 18 December 2020.",
        "18 December 2020",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn abbreviated_month_without_year_takes_the_dct_year() {
    check(
        DCT,
        "He was arrested Dec. 18 at his home.",
        "Dec. 18",
        "DATE",
        "2020-12-18",
    );
    check(
        DCT,
        "He was arrested Dec 18th at his home.",
        "Dec 18th",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn ordinal_of_month() {
    check(
        DCT,
        "It happened on the 18th of December.",
        "the 18th of December",
        "DATE",
        "2020-12-18",
    );
    check(
        DCT,
        "It happened on the eighteenth of December.",
        "the eighteenth of December",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn month_and_year() {
    check(
        DCT,
        "The law passed in December 2020.",
        "December 2020",
        "DATE",
        "2020-12",
    );
}

#[test]
fn bare_years() {
    check(
        DCT,
        "The church was founded in 1995.",
        "1995",
        "DATE",
        "1995",
    );
    check(DCT, "The law dates from 2020.", "2020", "DATE", "2020");
}

#[test]
fn year_not_a_money_amount() {
    assert!(dates(DCT, "He paid $2020 in fees.").is_empty());
}

#[test]
fn decade() {
    check(
        DCT,
        "Persecution grew in the 1990s.",
        "the 1990s",
        "DATE",
        "199",
    );
}

#[test]
fn modifiers_are_part_of_the_extent() {
    check(
        DCT,
        "The trial is set for mid-December.",
        "mid-December",
        "DATE",
        "2020-12",
    );
    check(
        DCT,
        "The trial will open in early 2021.",
        "early 2021",
        "DATE",
        "2021",
    );
    check(
        DCT,
        "He was detained late last year.",
        "late last year",
        "DATE",
        "2019",
    );
}

#[test]
fn quarter_of_year() {
    check(
        DCT,
        "Arrests rose in the first quarter of 2020.",
        "the first quarter of 2020",
        "DATE",
        "2020-Q1",
    );
}

#[test]
fn quarter_without_year_is_the_latest_one() {
    check(
        DCT,
        "Sales fell in the third quarter.",
        "the third quarter",
        "DATE",
        "2020-Q3",
    );
}

/// (span text, value) of every date in `text`.
fn values(dct: &str, text: &str) -> Vec<(String, String)> {
    dates(dct, text)
        .into_iter()
        .map(|(t, _, v)| (t, v))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|&(t, v)| (t.to_string(), v.to_string()))
        .collect()
}

#[test]
fn year_ago_in_a_quarterly_report_is_the_same_quarter() {
    assert_eq!(
        values(
            DCT,
            "The mill earned $4 million in the second quarter. \
             It had lost $1 million a year earlier, and year-ago sales were lower too.",
        ),
        pairs(&[
            ("the second quarter", "2020-Q2"),
            ("a year earlier", "2019-Q2"),
            ("year-ago", "2019-Q2"),
        ])
    );
}

#[test]
fn year_ago_without_a_quarter_is_a_year() {
    check(
        DCT,
        "Fares were cheaper a year ago.",
        "a year ago",
        "DATE",
        "2019",
    );
}

#[test]
fn the_quarter_is_the_one_reported_on() {
    assert_eq!(
        values(
            DCT,
            "Losses narrowed in the second quarter. Revenue in the quarter was flat; \
             the latest period also saw lower costs.",
        ),
        pairs(&[
            ("the second quarter", "2020-Q2"),
            ("the quarter", "2020-Q2"),
            ("the latest period", "2020-Q2"),
        ])
    );
    // With no quarter named, the last completed one.
    check(
        DCT,
        "Margins improved in the latest quarter.",
        "the latest quarter",
        "DATE",
        "2020-Q3",
    );
}

#[test]
fn the_current_quarter_is_the_dct_quarter() {
    check(
        DCT,
        "Shipments will resume in the current quarter.",
        "the current quarter",
        "DATE",
        "2020-Q4",
    );
}

#[test]
fn the_ongoing_quarter_is_not_the_reported_one() {
    // An outlook for the quarter under way does not make "a year ago" a quarter.
    assert_eq!(
        values(
            DCT,
            "The firm expects a loss in the fourth quarter. Profit was higher a year ago.",
        ),
        pairs(&[("the fourth quarter", "2020-Q4"), ("a year ago", "2019")])
    );
}

#[test]
fn year_quarter_and_comparable_period() {
    assert_eq!(
        values(
            DCT,
            "Orders grew in the third quarter, against a slump in the 2019 period; \
             the corresponding period last year was weak as well.",
        ),
        pairs(&[
            ("the third quarter", "2020-Q3"),
            ("the 2019 period", "2019-Q3"),
            ("the corresponding period last year", "2019-Q3"),
        ])
    );
}

#[test]
fn the_quarter_just_completed_in_a_future_sentence() {
    check(
        DCT,
        "The bank will report third-quarter earnings.",
        "third-quarter",
        "DATE",
        "2020-Q3",
    );
    check(
        "2021-01-20",
        "The bank will report its fourth-quarter earnings.",
        "fourth-quarter",
        "DATE",
        "2020-Q4",
    );
}

#[test]
fn fiscal_year() {
    check(
        DCT,
        "The budget for fiscal year 2021 was cut.",
        "fiscal year 2021",
        "DATE",
        "2021",
    );
}

#[test]
fn holidays() {
    check(
        DCT,
        "He was arrested on Christmas Day 2020.",
        "Christmas Day 2020",
        "DATE",
        "2020-12-25",
    );
    check(
        DCT,
        "Services were raided on Easter Sunday.",
        "Easter Sunday",
        "DATE",
        "2020-04-12",
    );
}

#[test]
fn century_and_year_in_words() {
    check(
        DCT,
        "It was the worst persecution of the 20th century.",
        "the 20th century",
        "DATE",
        "19",
    );
    check(
        DCT,
        "It began in nineteen ninety-six.",
        "nineteen ninety-six",
        "DATE",
        "1996",
    );
}

// ---- times ----

#[test]
fn clock_time_pm() {
    assert_eq!(
        values(DCT, "The verdict came at 2 p.m. today in Lahore."),
        pairs(&[("2 p.m.", "2020-12-18T14:00"), ("today", "2020-12-18")])
    );
}

#[test]
fn clock_time_24h_with_zone() {
    check(
        DCT,
        "The statement was issued at 14:00 GMT.",
        "14:00 GMT",
        "TIME",
        "XXXX-XX-XXT14:00",
    );
}

#[test]
fn clock_time_without_a_day_is_not_the_dct() {
    // A recurring time: no day anywhere in the sentence.
    assert_eq!(
        dates_with(
            shared(),
            "Under the order, Okafor must stay inside his flat between 10 p.m. and 5 a.m."
        )
        .into_iter()
        .map(|(t, _, v, a)| (t, v, a))
        .collect::<Vec<_>>(),
        vec![
            ("10 p.m.".to_string(), "XXXX-XX-XXT22:00".to_string(), false),
            ("5 a.m.".to_string(), "XXXX-XX-XXT05:00".to_string(), false),
        ]
    );
    // A day elsewhere in its sentence dates it.
    assert_eq!(
        values(
            DCT,
            "On 9 November the guards locked the gate of the Mbale compound at 7:15 p.m."
        ),
        pairs(&[
            ("9 November", "2020-11-09"),
            ("7:15 p.m.", "2020-11-09T19:15")
        ])
    );
    assert_eq!(
        values(DCT, "Yesterday the vigil in Gulu started at 6 p.m. sharp."),
        pairs(&[("Yesterday", "2020-12-17"), ("6 p.m.", "2020-12-17T18:00")])
    );
}

#[test]
fn time_with_weekday() {
    check(
        DCT,
        "Police arrived at 10 p.m. Wednesday.",
        "10 p.m. Wednesday",
        "TIME",
        "2020-12-16T22:00",
    );
}

#[test]
fn clock_time_takes_the_day_of_a_neighbouring_weekday() {
    assert_eq!(
        values(DCT, "Agents searched the office at 6 a.m. on Tuesday."),
        pairs(&[("6 a.m.", "2020-12-15T06:00"), ("Tuesday", "2020-12-15")])
    );
    assert_eq!(
        values(DCT, "The council will meet Monday at 9:30 p.m. to vote."),
        pairs(&[("Monday", "2020-12-21"), ("9:30 p.m.", "2020-12-21T21:30")])
    );
    assert_eq!(
        values(DCT, "The quake struck at 4:10 a.m. (0910 GMT) Wednesday."),
        pairs(&[
            ("4:10 a.m.", "2020-12-16T04:10"),
            ("Wednesday", "2020-12-16")
        ])
    );
    // Without a day in its sentence, a clock time has no date.
    check(
        DCT,
        "The office opened at 8 a.m. as usual.",
        "8 a.m.",
        "TIME",
        "XXXX-XX-XXT08:00",
    );
}

#[test]
fn this_morning() {
    check(
        DCT,
        "Police raided the church this morning.",
        "this morning",
        "TIME",
        "2020-12-18TMO",
    );
}

#[test]
fn weekday_night() {
    check(
        DCT,
        "Police raided the church Monday night.",
        "Monday night",
        "TIME",
        "2020-12-14TNI",
    );
}

// ---- relative dates ----

#[test]
fn today_yesterday_tomorrow() {
    check(DCT, "The court ruled today.", "today", "DATE", "2020-12-18");
    check(
        DCT,
        "The court ruled yesterday.",
        "yesterday",
        "DATE",
        "2020-12-17",
    );
    check(
        DCT,
        "The court will rule tomorrow.",
        "tomorrow",
        "DATE",
        "2020-12-19",
    );
}

#[test]
fn this_week_is_an_iso_week() {
    check(
        DCT,
        "The bill passed this week.",
        "this week",
        "DATE",
        "2020-W51",
    );
}

#[test]
fn last_month_next_year() {
    check(
        DCT,
        "The bill passed last month.",
        "last month",
        "DATE",
        "2020-11",
    );
    check(
        DCT,
        "The bill takes effect next year.",
        "next year",
        "DATE",
        "2021",
    );
}

#[test]
fn earlier_this_month() {
    check(
        DCT,
        "The bill passed earlier this month.",
        "earlier this month",
        "DATE",
        "2020-12",
    );
}

#[test]
fn weekday_follows_the_tense() {
    check(
        DCT,
        "He was arrested on Monday.",
        "Monday",
        "DATE",
        "2020-12-14",
    );
    check(
        DCT,
        "He will be sentenced on Monday.",
        "Monday",
        "DATE",
        "2020-12-21",
    );
    check(
        DCT,
        "The ministry said Friday that it would appeal.",
        "Friday",
        "DATE",
        "2020-12-18",
    );
}

#[test]
fn weekday_tense_from_irregular_past_verbs() {
    // "told" is a past verb without -ed, nearer than the "will" after it.
    check(
        DCT,
        "The mayor told reporters Tuesday that the new bridge will reopen.",
        "Tuesday",
        "DATE",
        "2020-12-15",
    );
}

#[test]
fn an_event_being_planned_lies_ahead() {
    check(
        DCT,
        "Supporters were planning a vigil outside the court on Sunday.",
        "Sunday",
        "DATE",
        "2020-12-20",
    );
}

#[test]
fn weak_modals_and_next_to_are_not_future_cues() {
    // "could" and "next to" say nothing about when: a bare weekday stays past.
    check(
        DCT,
        "The driver could not be reached on Thursday.",
        "Thursday",
        "DATE",
        "2020-12-17",
    );
    check(
        DCT,
        "Protesters gathered next to the station on Wednesday.",
        "Wednesday",
        "DATE",
        "2020-12-16",
    );
}

#[test]
fn last_and_next_weekday() {
    check(
        DCT,
        "He was arrested last Tuesday.",
        "last Tuesday",
        "DATE",
        "2020-12-15",
    );
    check(
        DCT,
        "He will appear next Tuesday.",
        "next Tuesday",
        "DATE",
        "2020-12-22",
    );
}

#[test]
fn bare_month_follows_the_tense() {
    check(
        DCT,
        "He was arrested in October.",
        "October",
        "DATE",
        "2020-10",
    );
    check(
        DCT,
        "The trial will begin in March.",
        "March",
        "DATE",
        "2021-03",
    );
}

#[test]
fn bare_month_near_the_dct_wins_over_the_tense() {
    // Written in November: a month two ahead across the new year is the coming
    // one even in a past-tense sentence; three months back is still this year's.
    check(
        "2020-11-05",
        "The company said the plant opened its doors to buyers in January.",
        "January",
        "DATE",
        "2021-01",
    );
    check(
        "2020-11-05",
        "The company said sales dropped in August.",
        "August",
        "DATE",
        "2020-08",
    );
    // A future sentence about a month just gone means that month.
    check(
        "2021-01-10",
        "The board will review the results of December.",
        "December",
        "DATE",
        "2020-12",
    );
}

#[test]
fn ambiguous_month_names_need_a_date_context() {
    assert!(
        dates(DCT, "The court may rule soon enough, and they march on.")
            .iter()
            .all(|d| d.0 != "may" && d.0 != "march")
    );
    check(DCT, "He was arrested in May.", "May", "DATE", "2020-05");
}

#[test]
fn ago_offsets() {
    check(
        DCT,
        "He was arrested two days ago.",
        "two days ago",
        "DATE",
        "2020-12-16",
    );
    check(
        DCT,
        "He was arrested three years ago.",
        "three years ago",
        "DATE",
        "2017",
    );
    check(
        DCT,
        "He was arrested a few months ago.",
        "a few months ago",
        "DATE",
        "PAST_REF",
    );
}

#[test]
fn later_is_a_duration_signal() {
    // TimeML: in "three weeks later" only the duration is a TIMEX3.
    check(
        DCT,
        "He was released three weeks later.",
        "three weeks",
        "DURATION",
        "P3W",
    );
}

#[test]
fn ordering_adverbs_and_future_as_adjective_are_not_dates() {
    assert_eq!(
        dates(
            DCT,
            "The firm had previously warned that future losses were likely."
        ),
        vec![]
    );
    check(
        DCT,
        "Talks may resume in the future.",
        "the future",
        "DATE",
        "FUTURE_REF",
    );
}

#[test]
fn vague_references() {
    check(
        DCT,
        "The church was recently closed.",
        "recently",
        "DATE",
        "PAST_REF",
    );
    check(
        DCT,
        "Attacks grew in recent years.",
        "recent years",
        "DATE",
        "PAST_REF",
    );
    check(
        DCT,
        "He is currently in prison.",
        "currently",
        "DATE",
        "PRESENT_REF",
    );
    check(DCT, "He is now in prison.", "now", "DATE", "PRESENT_REF");
    check(
        DCT,
        "More arrests are expected in the coming weeks.",
        "the coming weeks",
        "DATE",
        "FUTURE_REF",
    );
}

#[test]
fn as_soon_as_is_not_a_date() {
    assert!(dates(DCT, "He will leave as soon as he can.").is_empty());
}

#[test]
fn no_dct_leaves_unknown_parts_as_x() {
    let p = pipeline(None, false);
    let d = dates_with(&p, "He was arrested on December 18 and again last month.");
    assert_eq!(d[0].2, "XXXX-12-18");
    assert!(!d[0].3);
    assert_eq!(d[1].2, "XXXX-XX");
    assert!(!d[1].3);
}

#[test]
fn relative_values_are_anchored() {
    let p = pipeline(Some(DCT), false);
    let d = dates_with(&p, "He was arrested last month, on December 18, 2020.");
    assert!(d[0].3, "last month is anchored");
    assert!(!d[1].3, "a full date is not");
}

// ---- durations ----

#[test]
fn adjectival_duration() {
    check(
        DCT,
        "He got a three-year prison sentence.",
        "three-year",
        "DURATION",
        "P3Y",
    );
    check(
        DCT,
        "It was a four-hour interrogation.",
        "four-hour",
        "DURATION",
        "PT4H",
    );
}

#[test]
fn durations_in_digits() {
    check(
        DCT,
        "He was sentenced to 57 months in prison.",
        "57 months",
        "DURATION",
        "P57M",
    );
    check(
        DCT,
        "He was held for 15 days.",
        "15 days",
        "DURATION",
        "P15D",
    );
}

#[test]
fn decades() {
    check(
        DCT,
        "He spent a decade in prison.",
        "a decade",
        "DURATION",
        "P1DE",
    );
    check(
        DCT,
        "He spent nearly a decade in prison.",
        "nearly a decade",
        "DURATION",
        "P1DE",
    );
}

#[test]
fn vague_durations() {
    check(
        DCT,
        "The church has been harassed for many years.",
        "many years",
        "DURATION",
        "PXY",
    );
    check(
        DCT,
        "The church has been harassed for years.",
        "years",
        "DURATION",
        "PXY",
    );
}

#[test]
fn fractional_durations_use_the_smaller_unit() {
    check(
        DCT,
        "He served two and a half years.",
        "two and a half years",
        "DURATION",
        "P2Y6M",
    );
    check(
        DCT,
        "He was questioned for 5 1/2 hours.",
        "5 1/2 hours",
        "DURATION",
        "PT5H30M",
    );
}

#[test]
fn the_past_unit_without_a_number_is_the_previous_unit() {
    check(
        DCT,
        "Exports grew over the past year.",
        "the past year",
        "DATE",
        "2019",
    );
    check(
        DCT,
        "Violence rose during the last decade.",
        "the last decade",
        "DATE",
        "201",
    );
    check(
        DCT,
        "Talks should conclude in the coming month.",
        "the coming month",
        "DATE",
        "2021-01",
    );
    // With a number it is a length of time.
    check(
        DCT,
        "Exports grew over the past two years.",
        "the past two years",
        "DURATION",
        "P2Y",
    );
}

#[test]
fn number_words() {
    check(
        DCT,
        "In the last twenty four hours prices fell.",
        "the last twenty four hours",
        "DURATION",
        "PT24H",
    );
    check(
        DCT,
        "It took a couple of years.",
        "a couple of years",
        "DURATION",
        "P2Y",
    );
}

#[test]
fn article_before_a_number_is_not_one() {
    check(
        DCT,
        "Stocks hit a five year low.",
        "five year",
        "DURATION",
        "P5Y",
    );
}

#[test]
fn ages_are_not_dates() {
    assert!(dates(DCT, "A 65-year-old pastor was arrested.")
        .iter()
        .all(|d| !d.0.contains("65")));
    assert!(dates(DCT, "The pastor is 65 years old.")
        .iter()
        .all(|d| !d.0.contains("65")));
}

// ---- sets ----

#[test]
fn every_weekday() {
    check(
        DCT,
        "They met every Sunday.",
        "every Sunday",
        "SET",
        "XXXX-WXX-7",
    );
}

#[test]
fn frequency_adverbs() {
    check(
        DCT,
        "The report is published annually.",
        "annually",
        "SET",
        "P1Y",
    );
}

#[test]
fn times_per_unit() {
    check(
        DCT,
        "He must report twice a week.",
        "twice a week",
        "SET",
        "P1W",
    );
}

// ---- mechanics ----

#[test]
fn spans_do_not_overlap_and_are_sorted() {
    let d = pipeline(Some(DCT), false).process_str(
        "t.txt",
        "On Monday, December 14, 2020, two days after the raid, he said the three-year case would end next year.",
    );
    for w in d.dates.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{:?} overlaps {:?}",
            w[0].text,
            w[1].text
        );
    }
    assert!(d.dates.iter().all(|x| x.rule.starts_with("dates/")));
}

#[test]
fn non_ascii_text_around_dates() {
    let d = dates(
        DCT,
        "BOSTON, Feb. 17, 2021 – Café owners “were charged” on Tuesday…",
    );
    assert_eq!(d[0].0, "Feb. 17, 2021");
    assert_eq!(d[1], ("Tuesday".into(), "DATE".into(), "2020-12-15".into()));
    let d = dates(
        DCT,
        "Müller – “verurteilt” – was sentenced on Monday – beëindigd.",
    );
    assert_eq!(d[0].0, "Monday");
}

#[test]
fn text_without_triggers_has_no_dates() {
    assert!(dates(DCT, "The pastor spoke to the congregation about faith.").is_empty());
}

#[test]
fn bad_rule_data_names_file_and_line() {
    let mut p = Patterns::embedded();
    p.insert(
        "dates/rules.tsv",
        "ok\tDATE\tdate\t\\b(?P<year>\\d{4})\\b\nbad\tDATE\tnosuch\tfoo\n",
    );
    let err = Pipeline::new(&p, Options::default()).err().unwrap();
    let msg = format!("{err:#}");
    assert!(msg.contains("dates/rules.tsv:2"), "{msg}");
}

#[test]
fn user_can_add_a_holiday_without_code() {
    let mut p = Patterns::embedded();
    let mut h = p.get("dates/holidays.tsv").unwrap().to_string();
    h.push_str("founders day\t03-15\n");
    p.insert("dates/holidays.tsv", h);
    let options = Options {
        dct: NaiveDate::from_ymd_opt(2020, 12, 18),
        ..Options::default()
    };
    let pl = Pipeline::new(&p, options).unwrap();
    let d = dates_with(&pl, "The church celebrated Founders Day.");
    assert_eq!(d[0].0, "Founders Day");
    assert_eq!(d[0].2, "2020-03-15");
}

#[test]
fn anaphoric_dates_follow_the_last_mentioned_date() {
    let d = dates(
        DCT,
        "The mosque was damaged on Sept. 26, 2021. He was arrested the next day.",
    );
    assert_eq!(
        d[1],
        ("the next day".into(), "DATE".into(), "2021-09-27".into())
    );
    let d = dates(DCT, "He fled in June 1998 and returned later that year.");
    assert_eq!(
        d[1],
        ("later that year".into(), "DATE".into(), "1998".into())
    );
}

#[test]
fn compound_durations() {
    check(
        DCT,
        "He was jailed for six years and eight months.",
        "six years and eight months",
        "DURATION",
        "P6Y8M",
    );
    check(
        DCT,
        "Mwangi must serve 4 years, 2 months and 11 days before parole.",
        "4 years, 2 months and 11 days",
        "DURATION",
        "P4Y2M11D",
    );
    check(
        DCT,
        "The term was set at two years, five months, and three weeks.",
        "two years, five months, and three weeks",
        "DURATION",
        "P2Y5M3W",
    );
    // Units not descending: the third part is no part of the length.
    assert_eq!(
        values(DCT, "It took 2 years, 3 months and 4 years to settle."),
        pairs(&[("2 years", "P2Y"), ("3 months", "P3M"), ("4 years", "P4Y")])
    );
}

#[test]
fn ordinal_weekday_of_a_month() {
    assert_eq!(
        values(DCT, "The synod will meet on the second Thursday of March."),
        pairs(&[("the second Thursday of March", "2021-03-11")])
    );
    assert_eq!(
        values(
            DCT,
            "Prayers were held on the last Friday of October 2019 and the 1st Monday in May 2022."
        ),
        pairs(&[
            ("the last Friday of October 2019", "2019-10-25"),
            ("the 1st Monday in May 2022", "2022-05-02")
        ])
    );
    assert_eq!(
        values(
            DCT,
            "Elections follow on the third Sunday of June next year."
        ),
        pairs(&[("the third Sunday of June next year", "2021-06-20")])
    );
    // "Thursday, March 11" is a weekday before a date, no ordinal weekday.
    assert_eq!(
        values(DCT, "It opened on Thursday, March 11, 2021."),
        pairs(&[("Thursday, March 11, 2021", "2021-03-11")])
    );
}

#[test]
fn plural_weekdays_are_sets() {
    let d = dates(
        DCT,
        "The shrine in Multan is busiest on Thursdays and on Saturday evenings.",
    );
    assert_eq!(
        d,
        vec![
            ("Thursdays".into(), "SET".into(), "XXXX-WXX-4".into()),
            (
                "Saturday evenings".into(),
                "SET".into(),
                "XXXX-WXX-6TEV".into()
            ),
        ]
    );
    let d = dates(DCT, "Ngozi must report to police every other Wednesday.");
    assert_eq!(
        d,
        vec![(
            "every other Wednesday".into(),
            "SET".into(),
            "XXXX-WXX-3".into()
        )]
    );
}

#[test]
fn bare_march_after_between() {
    assert_eq!(
        values(
            DCT,
            "Between March and May of this year the mission was shut."
        ),
        pairs(&[("March", "2020-03"), ("May of this year", "2020-05")])
    );
}

#[test]
fn the_same_day_goes_back_to_the_event_of_its_kind() {
    let text = "The tribunal in Jos on Tuesday, 11th February, 2025 convicted \
                evangelist Samuel Dauda of incitement. Dauda had been detained on \
                2 May 2024 after a video of his sermon circulated online. In a \
                separate verdict handed down the same day, the tribunal convicted \
                his assistant.";
    let d = values(DCT, text);
    assert_eq!(d[2], ("the same day".into(), "2025-02-11".into()), "{d:?}");
    // The nearest date's sentence tells of the same kind of event, or of none:
    // the nearest date.
    let d = values(
        DCT,
        "The tribunal convicted Ruth Bala on 3 March 2025. Her cousin was \
         convicted on 2 June 2024. Their lawyer was convicted that same day.",
    );
    assert_eq!(d[2], ("that same day".into(), "2024-06-02".into()), "{d:?}");
    let d = values(
        DCT,
        "Police arrested Ruth Bala on 3 March 2025. The shop closed on 9 June \
         2024. Her cousin was arrested the same day.",
    );
    assert_eq!(d[2], ("the same day".into(), "2024-06-09".into()), "{d:?}");
    // A date before it in its own sentence.
    let d = values(
        DCT,
        "The court sentenced Ruth Bala on 3 March 2025. Her cousin was \
         arrested on 2 June 2024 and sentenced the same day.",
    );
    assert_eq!(d[2], ("the same day".into(), "2024-06-02".into()), "{d:?}");
}

#[test]
fn rate_is_a_set() {
    check(DCT, "It pays $1.76 a year.", "a year", "SET", "P1Y");
}

#[test]
fn years_in_law_names_are_not_dates() {
    assert!(dates(DCT, "He was charged under the Fraud Act 2006.").is_empty());
    assert!(dates(DCT, "It breaches the Prevention of Corruption Act, 1988.").is_empty());
}

#[test]
fn date_with_clock_time() {
    check(
        DCT,
        "Posted 16-November-2021 18:42 IST by the ministry.",
        "16-November-2021 18:42 IST",
        "TIME",
        "2021-11-16T18:42",
    );
}

#[test]
fn a_day_first_document_reads_ambiguous_dates_day_first() {
    let d = dates(
        DCT,
        "Born 18/09/1975 and 02/09/1976, the two were convicted.",
    );
    assert_eq!(d[0].2, "1975-09-18");
    assert_eq!(d[1].2, "1976-09-02");
}

#[test]
fn the_year_ended_is_a_reporting_period() {
    let d = dates(DCT, "Net income for the year ended June 30 rose.");
    assert_eq!(d[0], ("the year".into(), "DURATION".into(), "P1Y".into()));
    let d = dates(DCT, "Sales for the year were flat.");
    assert_eq!(d[0], ("the year".into(), "DATE".into(), "2020".into()));
}

#[test]
fn weekday_without_dct_is_a_week_pattern() {
    let p = pipeline(None, false);
    let d = dates_with(&p, "He was arrested on Tuesday.");
    assert_eq!(d[0].2, "XXXX-WXX-2");
    assert!(!d[0].3);
}

#[test]
fn capitalized_names_in_ed_are_not_past_verbs() {
    // "United" is a name, not a verb: "will" decides.
    check(
        DCT,
        "The minister will travel on Tuesday to the United States.",
        "Tuesday",
        "DATE",
        "2020-12-22",
    );
}

#[test]
fn adjectives_in_ed_are_not_past_verbs() {
    // After a determiner (and an adverb) a word in -ed is an adjective.
    check(
        DCT,
        "The bonds would be redeemed at an undisclosed price in June.",
        "June",
        "DATE",
        "2021-06",
    );
    check(
        DCT,
        "Holders would get the shares on a still unannounced day in June.",
        "June",
        "DATE",
        "2021-06",
    );
    // Before "by" it is a participle ("untouched by the slump").
    check(
        DCT,
        "The carrier will open routes in June to towns untouched by the slump.",
        "June",
        "DATE",
        "2021-06",
    );
}

#[test]
fn words_in_ed_that_are_no_verbs() {
    check(
        DCT,
        "The bakery will hire a hundred workers in June.",
        "June",
        "DATE",
        "2021-06",
    );
    check(
        DCT,
        "Ms. Okafor will succeed him in June.",
        "June",
        "DATE",
        "2021-06",
    );
}

#[test]
fn irregular_past_participles_count_only_outside_the_passive() {
    // "brought" is nearer than "will": past.
    check(
        DCT,
        "The new owners, who will keep the staff, brought in a manager in June.",
        "June",
        "DATE",
        "2020-06",
    );
    // After "be" it is a participle and says nothing of tense.
    check(
        DCT,
        "The paintings will be brought back to the gallery in June.",
        "June",
        "DATE",
        "2021-06",
    );
}

#[test]
fn frequency_words_before_amounts_are_rates() {
    assert!(dates(DCT, "The bank raised its quarterly dividend to 30 cents.").is_empty());
    assert!(dates(DCT, "Average daily volume rose to 4 million shares.").is_empty());
    assert!(dates(DCT, "The party daily Tribuna printed the letter.").is_empty());
    // A recurring event is a set.
    check(
        DCT,
        "They held weekly prayer meetings in a flat.",
        "weekly",
        "SET",
        "P1W",
    );
    check(
        DCT,
        "The board meets monthly with the auditors.",
        "monthly",
        "SET",
        "P1M",
    );
}

#[test]
fn soon_after_an_event_is_no_time_expression() {
    assert!(dates(DCT, "She was released soon after the hearing.").is_empty());
    check(
        DCT,
        "The ministry will reply as soon as possible.",
        "as soon as possible",
        "DATE",
        "FUTURE_REF",
    );
}

#[test]
fn more_units_are_durations() {
    check(
        DCT,
        "She will stay in the shelter for two more weeks.",
        "two more weeks",
        "DURATION",
        "P2W",
    );
    check(
        DCT,
        "The lease may be renewed for an additional year.",
        "an additional year",
        "DURATION",
        "P1Y",
    );
}

#[test]
fn clock_hour_with_a_part_of_the_day() {
    check(
        DCT,
        "The convoy will leave at 4 in the morning.",
        "4 in the morning",
        "TIME",
        "XXXX-XX-XXT04:00",
    );
    check(
        DCT,
        "The shelling stopped around 11 at night.",
        "11 at night",
        "TIME",
        "XXXX-XX-XXT23:00",
    );
    check(
        DCT,
        "Voting closed at 8 in the evening.",
        "8 in the evening",
        "TIME",
        "XXXX-XX-XXT20:00",
    );
    // Without a preposition the number counts something else.
    assert!(
        dates(DCT, "Rebels killed five in the morning raid on the town.")
            .iter()
            .all(|d| d.1 != "TIME")
    );
}

#[test]
fn a_number_word_before_another_is_not_added_to_it() {
    // "two four-year terms": two terms of four years each.
    check(
        DCT,
        "She served two four-year terms as mayor.",
        "two four-year",
        "DURATION",
        "P4Y",
    );
    check(
        DCT,
        "The wait was twenty four hours.",
        "twenty four hours",
        "DURATION",
        "PT24H",
    );
}

#[test]
fn a_year_earlier_after_a_calendar_month_is_that_month() {
    let d = dates(
        DCT,
        "Exports in October rose 4 percent from a year earlier, the agency said.",
    );
    assert_eq!(
        d,
        vec![
            ("October".into(), "DATE".into(), "2020-10".into()),
            ("a year earlier".into(), "DATE".into(), "2019-10".into()),
        ]
    );
    // A weekday is when it was said, not the period compared.
    let d = dates(
        DCT,
        "On Tuesday the bakery said sales were flat from a year earlier.",
    );
    assert_eq!(d[1].2, "2019");
}

#[test]
fn the_same_period_a_year_ago_is_one_expression() {
    let d = dates(
        DCT,
        "The mill lost money in the third quarter, after a profit in the same period a year ago.",
    );
    assert_eq!(
        d,
        vec![
            ("the third quarter".into(), "DATE".into(), "2020-Q3".into()),
            (
                "the same period a year ago".into(),
                "DATE".into(),
                "2019-Q3".into()
            ),
        ]
    );
}

#[test]
fn the_year_before_is_relative_to_the_last_date() {
    let d = dates(
        DCT,
        "Profit fell to $3 million last year, down from $5 million the year before.",
    );
    assert_eq!(
        d,
        vec![
            ("last year".into(), "DATE".into(), "2019".into()),
            ("the year before".into(), "DATE".into(), "2018".into()),
        ]
    );
    let d = dates(
        DCT,
        "The vote took place on Oct. 4, and protests began the day after.",
    );
    assert_eq!(
        d[1],
        ("the day after".into(), "DATE".into(), "2020-10-05".into())
    );
}

#[test]
fn intentions_point_forward() {
    check(
        DCT,
        "The carmaker aims to return to profit by the end of June.",
        "the end of June",
        "DATE",
        "2021-06",
    );
    check(
        DCT,
        "The mayor vowed to reopen the library in September.",
        "September",
        "DATE",
        "2021-09",
    );
}

#[test]
fn clock_time_takes_the_day_written_next_to_it() {
    let d = dates(
        DCT,
        "The hearing will open at 10:30 a.m. on March 3 in the main courtroom.",
    );
    assert_eq!(
        d[0],
        (
            "10:30 a.m.".into(),
            "TIME".into(),
            "2021-03-03T10:30".into()
        )
    );
    let d = dates(DCT, "Doors open on Nov. 5 at 7 p.m. for members.");
    assert_eq!(
        d[1],
        ("7 p.m.".into(), "TIME".into(), "2020-11-05T19:00".into())
    );
    let d = dates(
        DCT,
        "The offer expires at 5 p.m., Jan. 8, 2021, the bank said.",
    );
    assert_eq!(d[0].2, "2021-01-08T17:00");
}

#[test]
fn early_and_late_belong_to_a_weekday() {
    // TIMEX3 mods (START, END) are in the extent; "earlier" (relative to some
    // other event) is not.
    check(
        DCT,
        "Crowds gathered early Tuesday outside the court.",
        "early Tuesday",
        "DATE",
        "2020-12-15",
    );
    check(
        DCT,
        "Earlier Wednesday, the council met in private.",
        "Wednesday",
        "DATE",
        "2020-12-16",
    );
}

#[test]
fn a_verb_after_relative_that_is_still_past() {
    check(
        DCT,
        "Police will review footage of the march that ended on Sunday.",
        "Sunday",
        "DATE",
        "2020-12-13",
    );
}

/// A month or day without a year, joined by a range word to one with a year, takes
/// that year: "between February and April 2023" (dct 2024) is 2023-02, not 2024-02.
#[test]
fn coordinated_dates_share_the_written_year() {
    let d = dates(
        "2024-06-01",
        "The threats were posted between February and April 2023.",
    );
    assert_eq!(d[0], ("February".into(), "DATE".into(), "2023-02".into()));
    let d = dates(
        "2024-06-01",
        "They were held from March 3 to April 5, 2021, in Evin.",
    );
    assert_eq!(d[0].2, "2021-03-03", "{d:?}");
    let d = dates("2024-06-01", "He was arrested in May, and in 2020 he fled.");
    assert_eq!(d[0].2, "2024-05", "{d:?}");
}

/// A bare day joined by a range word to a day-first date is a date of that month:
/// "between 21 and 28 October".
#[test]
fn a_bare_day_before_a_range_word_takes_the_month() {
    let d = dates(
        "2026-10-30",
        "Police held him between 21 and 28 October 2026 and from 3 to 5 November.",
    );
    let values: Vec<_> = d.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        values,
        [
            ("21", "2026-10-21"),
            ("28 October 2026", "2026-10-28"),
            ("3", "2026-11-03"),
            ("5 November", "2026-11-05"),
        ]
    );
    // Not a day: a count, or a number not below the day.
    let d = dates(
        "2026-10-30",
        "He served 30 or 28 October hearings were held.",
    );
    assert!(!d.iter().any(|x| x.0 == "30"), "{d:?}");
}

/// A bare day after a month-first date and a range word is a date of that month
/// ("March 3 to 7"); a year after it is the year of both ("April 2–4, 2024").
#[test]
fn a_bare_day_after_a_range_word_takes_the_month() {
    let d = dates(
        "2025-03-10",
        "Hearings ran from March 3 to 7 and again on April 2–4, 2024, and from June 3 through 5th in Geneva.",
    );
    let values: Vec<_> = d.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        values,
        [
            ("March 3", "2025-03-03"),
            ("7", "2025-03-07"),
            ("April 2", "2024-04-02"),
            ("4, 2024", "2024-04-04"),
            ("June 3", "2024-06-03"),
            ("5th", "2024-06-05"),
        ]
    );
    // Not a day: a count after the date, with no range opener before it.
    let d = dates(
        "2025-03-10",
        "He was sentenced on March 3 to 5 years in prison.",
    );
    assert!(!d.iter().any(|x| x.0 == "5"), "{d:?}");
}

/// Two lengths joined by "and" are one duration only when the units descend:
/// "two years and six months" is P2Y6M, "between six months and two years" is two.
#[test]
fn a_compound_duration_needs_descending_units() {
    let d = dates(
        "2025-03-10",
        "Terms of between six months and two years were given; he served two years and six months.",
    );
    let values: Vec<_> = d.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        values,
        [
            ("six months", "P6M"),
            ("two years", "P2Y"),
            ("two years and six months", "P2Y6M"),
        ]
    );
}

/// Dotted numeric dates are written day-first (03.05.2027 is 3 May), slashed
/// ones month-first unless the document shows otherwise.
#[test]
fn dotted_numeric_dates_are_day_first() {
    let d = dates(
        "2027-06-01",
        "He was detained on 03.05.2027 and freed on 04/05/2027.",
    );
    let values: Vec<_> = d.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(values, ["2027-05-03", "2027-04-05"]);
}

#[test]
fn weekday_of_a_relative_week() {
    // dct Friday 2020-12-18: the weekday of the week before, of this week, of the next.
    check(
        DCT,
        "The choir was fined on Tuesday last week.",
        "Tuesday last week",
        "DATE",
        "2020-12-08",
    );
    check(
        DCT,
        "The hearing resumes on Monday next week.",
        "Monday next week",
        "DATE",
        "2020-12-21",
    );
    check(
        DCT,
        "Police returned on Thursday of this week.",
        "Thursday of this week",
        "DATE",
        "2020-12-17",
    );
}

#[test]
fn month_of_that_year_takes_the_last_year_mentioned() {
    assert_eq!(
        dates(
            DCT,
            "The church was sealed in April 2017 and reopened in October of that year."
        ),
        vec![
            ("April 2017".into(), "DATE".into(), "2017-04".into()),
            (
                "October of that year".into(),
                "DATE".into(),
                "2017-10".into()
            ),
        ]
    );
    assert_eq!(
        dates(
            DCT,
            "He was detained in 2012; on 3 May that same year he was charged."
        ),
        vec![
            ("2012".into(), "DATE".into(), "2012".into()),
            (
                "3 May that same year".into(),
                "DATE".into(),
                "2012-05-03".into()
            ),
        ]
    );
}

#[test]
fn spelled_round_number_and_reference_numbers_are_no_years() {
    assert!(dates(DCT, "The pilgrims walked two thousand miles to the shrine.").is_empty());
    assert!(dates(DCT, "Two thousand worshippers gathered outside.").is_empty());
    check(
        DCT,
        "The law changed in two thousand and three.",
        "two thousand and three",
        "DATE",
        "2003",
    );
    // A year closing a document or resolution number: "UNSC 1373 (2001)".
    assert!(dates(
        DCT,
        "States must comply with resolution 1373 (2001) at once."
    )
    .is_empty());
    assert!(dates(DCT, "See the press release ECHR 211 (2019) for details.").is_empty());
    // A case citation keeps its year.
    check(
        DCT,
        "The court relied on Ivanov v. Petrov (2019).",
        "2019",
        "DATE",
        "2019",
    );
}

#[test]
fn clock_time_with_zone_offset_takes_the_full_date_after_it() {
    check(
        DCT,
        "The verdict was read at 9:40 AM GMT+3, June 2, 2020.",
        "9:40 AM GMT+3, June 2, 2020",
        "TIME",
        "2020-06-02T09:40",
    );
    check(
        DCT,
        "The raid began at 21:15 UTC+05:30 on a quiet street.",
        "21:15 UTC+05:30",
        "TIME",
        "XXXX-XX-XXT21:15",
    );
}

#[test]
fn anaphor_after_a_coarser_date_keeps_its_finer_parts_unknown() {
    // The last date mentioned is a month: "the following evening" is in it, its
    // day unknown (not the day after the dct or after an earlier weekday).
    assert_eq!(
        dates(
            DCT,
            "On Monday the court heard that he was detained in March 2014 and questioned the following evening."
        ),
        vec![
            ("Monday".into(), "DATE".into(), "2020-12-14".into()),
            ("March 2014".into(), "DATE".into(), "2014-03".into()),
            ("the following evening".into(), "TIME".into(), "2014-03-XXTEV".into()),
        ]
    );
    // After a full date the day is known.
    assert_eq!(
        dates(
            DCT,
            "He was detained on 3 March 2014 and freed the next day."
        )[1],
        ("the next day".into(), "DATE".into(), "2014-03-04".into())
    );
}

/// A month right after "since" lies before the document date, with none of the
/// slack a past-tense cue allows ("completed by January" in a November report).
#[test]
fn a_month_since_is_before_the_document_date() {
    check(
        "2026-12-02",
        "Since January, at least 12 men have been executed.",
        "January",
        "DATE",
        "2026-01",
    );
    check(
        "2026-12-07",
        "The pastor has been held since 10 December.",
        "10 December",
        "DATE",
        "2025-12-10",
    );
    check(
        "2026-12-07",
        "The pastor has been held since 2 December.",
        "2 December",
        "DATE",
        "2026-12-02",
    );
}

/// "half a year" and hyphenated "two-and-a-half-year" are durations.
#[test]
fn half_durations() {
    check(
        "2026-12-07",
        "The children missed school for half a year.",
        "half a year",
        "DURATION",
        "P6M",
    );
    check(
        "2026-12-07",
        "He is serving a three-and-a-half-year term.",
        "three-and-a-half-year",
        "DURATION",
        "P3Y6M",
    );
}

/// "6 years 3 months" (no "and", Turkish court style) is one duration.
#[test]
fn compound_duration_without_and() {
    check(
        "2024-03-12",
        "He was given 6 years 3 months in prison.",
        "6 years 3 months",
        "DURATION",
        "P6Y3M",
    );
}

/// A weekday that names a weekly event is no date ("Friday prayers", "leading
/// a Sunday meeting for worship"), unless a word points at one day ("his Sunday
/// Mass"); "the period of X" is no reporting period.
#[test]
fn weekly_events_and_the_period_of() {
    assert!(dates(
        DCT,
        "He was fined for leading a Sunday meeting for worship."
    )
    .is_empty());
    assert!(dates(DCT, "Hundreds attend Friday prayers at the mosque.").is_empty());
    check(
        DCT,
        "In his Sunday Mass the bishop spoke.",
        "Sunday",
        "DATE",
        "2020-12-13",
    );
    assert!(dates(
        DCT,
        "No new offence may be committed during the period of suspension."
    )
    .is_empty());
}

/// A cue after the date in a verb phrase joined by "and" yields to the verb
/// before it: "pleaded guilty in June and agreed to testify" is last June.
#[test]
fn tense_of_a_verb_before_the_date_wins_over_a_joined_one_after() {
    check(
        DCT,
        "She pleaded guilty in June and agreed to testify.",
        "June",
        "DATE",
        "2020-06",
    );
    check(
        DCT,
        "She agreed to testify in June.",
        "June",
        "DATE",
        "2021-06",
    );
}

/// "formerly" names no time ("X, formerly Twitter").
#[test]
fn formerly_is_no_time_expression() {
    assert!(dates(DCT, "He posted on X, formerly Twitter, last night.")
        .iter()
        .all(|d| d.0 != "formerly"));
}

/// A holiday right after a month that writes its year is in that year.
#[test]
fn holiday_after_a_month_and_year_takes_its_year() {
    let d = dates(
        "2021-04-18",
        "Four men were jailed for the December 2019 Christmas Eve attacks.",
    );
    assert!(
        d.iter()
            .any(|x| x.0 == "Christmas Eve" && x.2 == "2019-12-24"),
        "{d:?}"
    );
}

/// A weekday inside a person's name is no date ("Monday Kassah").
#[test]
fn weekday_inside_a_person_name_is_no_date() {
    let d = dates(
        DCT,
        "Police spokesman Monday Okafor said on Tuesday that the men fled.",
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "Tuesday");
}

/// "the 9th day of June, in the year 2026" (letters and legal documents).
#[test]
fn ordinal_day_of_month() {
    check(
        DCT,
        "Signed in Lagos on the 9th day of June, in the year 2019.",
        "the 9th day of June, in the year 2019",
        "DATE",
        "2019-06-09",
    );
    check(
        DCT,
        "Dated this 2nd day of April, 2018.",
        "this 2nd day of April, 2018",
        "DATE",
        "2018-04-02",
    );
}

/// Half-years: "H2 2019", "the first half of next year".
#[test]
fn half_years() {
    check(DCT, "Sales fell in H2 2019.", "H2 2019", "DATE", "2019-H2");
    check(
        DCT,
        "The plant opens in the first half of next year.",
        "the first half of next year",
        "DATE",
        "2021-H1",
    );
    check(
        DCT,
        "Prices rose in the second half of 2018.",
        "the second half of 2018",
        "DATE",
        "2018-H2",
    );
}

/// "the third quarter of next year" is one date.
#[test]
fn quarter_of_a_relative_year() {
    check(
        DCT,
        "The report is due in the third quarter of next year.",
        "the third quarter of next year",
        "DATE",
        "2021-Q3",
    );
}

/// "21-22 May 2019": the first day of a dashed range is a date of that month.
#[test]
fn dashed_day_range() {
    let d = dates(DCT, "The summit met on 21-22 May 2019 in Riga.");
    let got: Vec<_> = d.iter().map(|(t, _, v)| (t.as_str(), v.as_str())).collect();
    assert_eq!(
        got,
        vec![("21", "2019-05-21"), ("22 May 2019", "2019-05-22")]
    );
}

/// Document numbers ("Regulation (EU) 2019/1020", "No 1234/2008") and "two years
/// less a day" hold no date.
#[test]
fn document_numbers_and_less_a_day_are_no_dates() {
    assert!(dates(
        DCT,
        "Regulation (EU) 2019/1020 replaced Regulation (EC) No 1234/2008."
    )
    .is_empty());
    let d = dates(DCT, "He received two years less a day.");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].2, "P2Y");
}
