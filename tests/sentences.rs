//! Sentence segmentation, dateline and title: one test per phenomenon.
//! All test sentences are written for these tests.

use prex::dateline::DatelineFinder;
use prex::pipeline::Options;
use prex::sentences::SentenceSplitter;
use prex::{Document, Patterns, Pipeline};

fn splitter() -> SentenceSplitter {
    SentenceSplitter::new(&Patterns::embedded()).unwrap()
}

fn split(t: &str) -> Vec<String> {
    splitter()
        .split(t)
        .into_iter()
        .map(|s| t[s.start..s.end].to_string())
        .collect()
}

macro_rules! case {
    ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            let got = split($text);
            let want: Vec<String> = vec![$($s.to_string()),*];
            assert_eq!(got, want, "\ntext: {:?}", $text);
        }
    };
}

// --- plain sentences -----------------------------------------------------------
case!(
    simple_period,
    "The court met. It adjourned.",
    ["The court met.", "It adjourned."]
);
case!(
    question,
    "Is it over? Nobody knows.",
    ["Is it over?", "Nobody knows."]
);
case!(
    exclamation,
    "We won! The team celebrated.",
    ["We won!", "The team celebrated."]
);
case!(
    interrobang_cluster,
    "Really?! Yes, really.",
    ["Really?!", "Yes, really."]
);
case!(
    double_bang,
    "Stop it!! Then he left.",
    ["Stop it!!", "Then he left."]
);
case!(
    no_final_punct,
    "One sentence. And a fragment",
    ["One sentence.", "And a fragment"]
);
case!(single_word, "Hello.", ["Hello."]);
case!(
    whitespace_trimmed,
    "   Padded sentence.   Another one.  \n",
    ["Padded sentence.", "Another one."]
);
case!(empty_text, "", []);
case!(blank_only, " \n\n \t\n", []);
case!(
    sentence_after_number,
    "They met in 2020. The talks failed.",
    ["They met in 2020.", "The talks failed."]
);
case!(
    next_starts_with_digit,
    "The vote was close. 45 members agreed.",
    ["The vote was close.", "45 members agreed."]
);

// --- abbreviations and titles --------------------------------------------------
case!(
    title_mr,
    "Mr. Arnold spoke first. He was brief.",
    ["Mr. Arnold spoke first.", "He was brief."]
);
case!(
    title_mrs_dr,
    "Mrs. Ortega and Dr. Patel arrived.",
    ["Mrs. Ortega and Dr. Patel arrived."]
);
case!(
    title_rev,
    "Rev. Ademola led the prayer.",
    ["Rev. Ademola led the prayer."]
);
case!(
    title_gov_sen_rep,
    "Gov. Marsh met Sen. Ruiz and Rep. Kato.",
    ["Gov. Marsh met Sen. Ruiz and Rep. Kato."]
);
case!(
    title_gen_lt,
    "Gen. Olsen and Lt. Byrne saluted.",
    ["Gen. Olsen and Lt. Byrne saluted."]
);
case!(
    saint,
    "They prayed at St. Mary's church.",
    ["They prayed at St. Mary's church."]
);
case!(
    junior,
    "Martin Grey Jr. will testify.",
    ["Martin Grey Jr. will testify."]
);
case!(
    junior_ends,
    "The witness was Martin Grey Jr. He will testify.",
    ["The witness was Martin Grey Jr.", "He will testify."]
);
case!(
    number_abbrev,
    "He wore jersey No. 12 in the final.",
    ["He wore jersey No. 12 in the final."]
);
case!(
    company_inc,
    "Acme Inc. hired him. He started Monday.",
    ["Acme Inc. hired him.", "He started Monday."]
);
case!(
    company_inc_ends,
    "He works for Acme Inc. The firm is small.",
    ["He works for Acme Inc.", "The firm is small."]
);
case!(
    company_inc_title,
    "Acme Inc. CEO Dana Holt resigned.",
    ["Acme Inc. CEO Dana Holt resigned."]
);
case!(
    ltd_corp_co,
    "Bolt Ltd. bought Ferro Corp. and Lane Co. last year.",
    ["Bolt Ltd. bought Ferro Corp. and Lane Co. last year."]
);
case!(
    versus,
    "The case Smith vs. Jones was heard.",
    ["The case Smith vs. Jones was heard."]
);
case!(
    etc_mid,
    "Pens, paper, etc. were provided.",
    ["Pens, paper, etc. were provided."]
);
case!(
    etc_end,
    "Pens, paper, etc. The rest was missing.",
    ["Pens, paper, etc.", "The rest was missing."]
);
case!(
    eg_ie,
    "Some groups, e.g. churches, and others, i.e. schools, joined.",
    ["Some groups, e.g. churches, and others, i.e. schools, joined."]
);
case!(
    eg_with_comma,
    "Use a tool, e.g., a hammer. Then stop.",
    ["Use a tool, e.g., a hammer.", "Then stop."]
);
case!(
    month_abbrev,
    "On Jan. 5 the court met. On Sept. 9 it ruled.",
    ["On Jan. 5 the court met.", "On Sept. 9 it ruled."]
);
case!(
    month_abbrev_dec,
    "The hearing moved to Dec. 18, 2020 at noon.",
    ["The hearing moved to Dec. 18, 2020 at noon."]
);
case!(
    all_caps_abbrev,
    "MR. HOLT SAID NO. THE END.",
    ["MR. HOLT SAID NO.", "THE END."]
);

case!(
    possessive_before_period,
    "The house was Mary's. Officials said so.",
    ["The house was Mary's.", "Officials said so."]
);
case!(
    curly_possessive_before_period,
    "The house was Mary’s. Officials said so.",
    ["The house was Mary’s.", "Officials said so."]
);
case!(
    non_ascii_word_before_period,
    "They met Herr Müller. Officials said so.",
    ["They met Herr Müller.", "Officials said so."]
);

case!(
    state_abbreviation,
    "Saint Petersburg, Fla. is warm. He moved to Tampa, Fla. The heat was a shock.",
    [
        "Saint Petersburg, Fla. is warm.",
        "He moved to Tampa, Fla.",
        "The heat was a shock."
    ]
);
case!(
    pronoun_i_ends_sentence,
    "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
    [
        "We make a good team, you and I.",
        "Did you see Albert I. Jones yesterday?"
    ]
);
case!(
    exclamation_between_dashes,
    "Mix it, bake it, and -- voila! -- you have cake.",
    ["Mix it, bake it, and -- voila! -- you have cake."]
);
case!(
    exclamation_in_name,
    "She works at Yahoo! in the accounting department.",
    ["She works at Yahoo! in the accounting department."]
);
case!(
    parenthetical_sentence_mid,
    "He teaches science (He worked for 5 years as an engineer.) at the local school.",
    ["He teaches science (He worked for 5 years as an engineer.) at the local school."]
);
case!(
    quoted_sentence_then_new_sentence,
    "She turned to him, \"This is great.\" She held the book out to show him.",
    [
        "She turned to him, \"This is great.\"",
        "She held the book out to show him."
    ]
);
case!(
    quoted_sentence_lowercase_attribution,
    "She turned to him, 'This is great.' she said.",
    ["She turned to him, 'This is great.' she said."]
);
case!(
    spaced_ellipsis_in_quote_at_end,
    "He argues that “the rules will look less complex. . . .” Nobody agreed.",
    [
        "He argues that “the rules will look less complex. . . .”",
        "Nobody agreed."
    ]
);
case!(
    iv_abbrev_then_pronoun,
    "She gave him the i.v. It was a good I.V. that she gave him.",
    [
        "She gave him the i.v.",
        "It was a good I.V. that she gave him."
    ]
);

// --- multi-period abbreviations -------------------------------------------------
case!(
    us_mid,
    "The U.S. Attorney filed charges.",
    ["The U.S. Attorney filed charges."]
);
case!(
    us_end,
    "He moved to the U.S. The family followed.",
    ["He moved to the U.S.", "The family followed."]
);
case!(
    un_uk,
    "The U.N. and the U.K. agreed.",
    ["The U.N. and the U.K. agreed."]
);
case!(
    dc_ends_sentence,
    "The rally was in Washington, D.C. The letter came later.",
    [
        "The rally was in Washington, D.C.",
        "The letter came later."
    ]
);
case!(
    dc_with_parenthesis,
    "Washington, D.C. (International Christian Concern) – A pastor was freed.",
    ["Washington, D.C. (International Christian Concern) – A pastor was freed."]
);
case!(
    am_pm,
    "It starts at 9 a.m. and ends at 5 p.m. on Friday.",
    ["It starts at 9 a.m. and ends at 5 p.m. on Friday."]
);
case!(
    pm_weekday,
    "The vigil is at 5 p.m. Monday outside the court.",
    ["The vigil is at 5 p.m. Monday outside the court."]
);
case!(
    pm_ends,
    "The vigil ended at 5 p.m. The crowd left.",
    ["The vigil ended at 5 p.m.", "The crowd left."]
);
case!(
    phd,
    "She holds a Ph.D. from Leeds. She teaches law.",
    ["She holds a Ph.D. from Leeds.", "She teaches law."]
);
case!(
    unknown_dotted,
    "The nurse gave him the i.v. in his arm. He slept.",
    ["The nurse gave him the i.v. in his arm.", "He slept."]
);
case!(
    us_lowercase_next,
    "the u.s. government responded.",
    ["the u.s. government responded."]
);

// --- initials ------------------------------------------------------------------
case!(
    middle_initial,
    "John F. Kennedy spoke. Then he left.",
    ["John F. Kennedy spoke.", "Then he left."]
);
case!(
    several_initials,
    "J. R. R. Tolkien wrote it.",
    ["J. R. R. Tolkien wrote it."]
);
case!(
    initials_no_space,
    "A letter from J.K. Rowling arrived.",
    ["A letter from J.K. Rowling arrived."]
);

// --- numbers and money ---------------------------------------------------------
case!(
    decimal,
    "Growth was 3.5 percent. It slowed.",
    ["Growth was 3.5 percent.", "It slowed."]
);
case!(
    money,
    "The fine was $1.2 million. He paid.",
    ["The fine was $1.2 million.", "He paid."]
);
case!(
    version_number,
    "Version 2.0.1 shipped. Users upgraded.",
    ["Version 2.0.1 shipped.", "Users upgraded."]
);
case!(
    number_at_end,
    "The total was 1,250.75. It was paid.",
    ["The total was 1,250.75.", "It was paid."]
);

// --- ellipses ------------------------------------------------------------------
case!(
    ellipsis_mid,
    "He paused... and then he spoke.",
    ["He paused... and then he spoke."]
);
case!(
    ellipsis_end,
    "He waited... Nobody came.",
    ["He waited...", "Nobody came."]
);
case!(
    ellipsis_unicode_mid,
    "She hesitated… but signed.",
    ["She hesitated… but signed."]
);
case!(
    ellipsis_unicode_end,
    "She hesitated… The deal was off.",
    ["She hesitated…", "The deal was off."]
);
case!(
    ellipsis_spaced,
    "The text reads . . . and so on. Next item.",
    ["The text reads . . . and so on.", "Next item."]
);
case!(
    ellipsis_at_text_end,
    "And so it goes...",
    ["And so it goes..."]
);

// --- quotes and brackets -------------------------------------------------------
case!(
    attribution_stays_with_quote,
    "“Our hats are off to the judges.” Sajid said.",
    ["“Our hats are off to the judges.” Sajid said."]
);
case!(
    attribution_told_stays,
    "She said “He only wanted to pray. He did nothing wrong.” Ma told reporters. The court disagreed.",
    ["She said “He only wanted to pray.", "He did nothing wrong.” Ma told reporters.", "The court disagreed."]
);
case!(
    period_inside_quote_new_sentence,
    "He was charged with “waging war on God.” Dr. Amiri denied it.",
    [
        "He was charged with “waging war on God.”",
        "Dr. Amiri denied it."
    ]
);
case!(
    long_clause_after_quote_splits,
    "“It is over.” Lawyers for the family said they would appeal the ruling.",
    [
        "“It is over.”",
        "Lawyers for the family said they would appeal the ruling."
    ]
);
case!(
    period_inside_straight_quote,
    "\"It is over.\" She left.",
    ["\"It is over.\"", "She left."]
);
case!(
    question_in_quote_lowercase,
    "“Why now?” he asked.",
    ["“Why now?” he asked."]
);
case!(
    exclaim_in_quote_lowercase,
    "“Free him!” they chanted outside.",
    ["“Free him!” they chanted outside."]
);
case!(
    interrupted_quote,
    "“We are grateful,” the pastor said, “and we will keep praying.” He smiled.",
    [
        "“We are grateful,” the pastor said, “and we will keep praying.”",
        "He smiled."
    ]
);
case!(
    period_in_parens,
    "(See below.) Next comes the list.",
    ["(See below.)", "Next comes the list."]
);
case!(
    period_after_parens,
    "He was freed (on bail). The case goes on.",
    ["He was freed (on bail).", "The case goes on."]
);
case!(
    single_quote_close,
    "He called it ‘a farce.’ Others agreed.",
    ["He called it ‘a farce.’", "Others agreed."]
);
case!(
    quote_opens_next,
    "He left. “We will return,” he said.",
    ["He left.", "“We will return,” he said."]
);
case!(
    nested_closers,
    "(He said “no.”) Then silence.",
    ["(He said “no.”)", "Then silence."]
);

// --- lines, paragraphs, headlines, lists ---------------------------------------
case!(
    headline_then_body,
    "Pastor Freed After Two Years\n\nThe pastor was released today.",
    [
        "Pastor Freed After Two Years",
        "The pastor was released today."
    ]
);
case!(
    tagline_lines,
    "Serving the persecuted since 1990\nSelect Page\n\nBody text here.",
    [
        "Serving the persecuted since 1990",
        "Select Page",
        "Body text here."
    ]
);
case!(
    paragraph_break_without_period,
    "First paragraph without a stop\n\nSecond paragraph.",
    ["First paragraph without a stop", "Second paragraph."]
);
case!(
    crlf_lines,
    "Headline\r\n\r\nBody one. Body two.\r\n",
    ["Headline", "Body one.", "Body two."]
);
case!(
    bullets,
    "Demands:\n- release the pastor\n- drop the charges\n• pay compensation",
    [
        "Demands:",
        "- release the pastor",
        "- drop the charges",
        "• pay compensation"
    ]
);
case!(
    numbered_list,
    "Steps:\n1. Call the office.\n2. Send the letter.",
    ["Steps:", "1. Call the office.", "2. Send the letter."]
);
case!(
    inline_bullets,
    "Topics • Religious freedom • Prisoners",
    ["Topics", "• Religious freedom", "• Prisoners"]
);
case!(
    separator_line_kept,
    "End of story.\n\n###\n\nNew story.",
    ["End of story.", "###", "New story."]
);
case!(
    rupee_abbrev,
    "The clerk was fined Rs. 2 lakh while Smt. Rao walked free.",
    ["The clerk was fined Rs. 2 lakh while Smt. Rao walked free."]
);
case!(
    approx_before_abbrev,
    "The scheme cost approx. Rs. 3.1 crore in total. Police opened an inquiry.",
    [
        "The scheme cost approx. Rs. 3.1 crore in total.",
        "Police opened an inquiry."
    ]
);
case!(
    wrapped_paragraph,
    "The court in the capital sentenced the pastor to three years in prison on\nTuesday after a trial that lasted less than a day. His lawyer said he would\nappeal the verdict. Rights groups condemned the ruling and called for his\nimmediate release from custody by the end of the month at the latest.\n",
    [
        "The court in the capital sentenced the pastor to three years in prison on\nTuesday after a trial that lasted less than a day.",
        "His lawyer said he would\nappeal the verdict.",
        "Rights groups condemned the ruling and called for his\nimmediate release from custody by the end of the month at the latest."
    ]
);
case!(
    wrapped_with_header_lines,
    "FOR IMMEDIATE RELEASE\nContact: Jane Roe\n\nThe court in the capital sentenced the pastor to three years in prison on\nTuesday after a trial that lasted less than a day. His lawyer said he would\nappeal the verdict. Rights groups condemned the ruling and called for his\nimmediate release.\n",
    [
        "FOR IMMEDIATE RELEASE",
        "Contact: Jane Roe",
        "The court in the capital sentenced the pastor to three years in prison on\nTuesday after a trial that lasted less than a day.",
        "His lawyer said he would\nappeal the verdict.",
        "Rights groups condemned the ruling and called for his\nimmediate release."
    ]
);
case!(
    wrapped_abbreviation_at_line_end,
    "The complaint was filed on behalf of the family by attorney Mr.\nCole, who said the arrest broke the law of the country and its courts\nand that the family would take the matter to a higher court in the\ncapital if needed.\n",
    ["The complaint was filed on behalf of the family by attorney Mr.\nCole, who said the arrest broke the law of the country and its courts\nand that the family would take the matter to a higher court in the\ncapital if needed."]
);
case!(
    markdown_heading,
    "# Pastor Freed\n\nThe pastor was freed.",
    ["# Pastor Freed", "The pastor was freed."]
);

// --- URLs, e-mail, files, sections ---------------------------------------------
case!(
    url,
    "Read more at https://example.org/news/item.html today. Thanks.",
    [
        "Read more at https://example.org/news/item.html today.",
        "Thanks."
    ]
);
case!(
    url_at_end,
    "Visit www.example.org. It has details.",
    ["Visit www.example.org.", "It has details."]
);
case!(
    url_query,
    "See https://example.org/?q=a!b for it. Done.",
    ["See https://example.org/?q=a!b for it.", "Done."]
);
case!(
    email,
    "Write to press@example.org. We reply fast.",
    ["Write to press@example.org.", "We reply fast."]
);
case!(
    file_name,
    "Open report.pdf for data. It is short.",
    ["Open report.pdf for data.", "It is short."]
);
case!(
    section_number,
    "He was charged under Section 295-C. The law is harsh.",
    ["He was charged under Section 295-C.", "The law is harsh."]
);
case!(
    article_abbrev,
    "It violates Art. 5 of the charter.",
    ["It violates Art. 5 of the charter."]
);
case!(
    sec_abbrev,
    "See Sec. 3 and Para. 4 for details.",
    ["See Sec. 3 and Para. 4 for details."]
);

// --- case ----------------------------------------------------------------------
case!(
    all_caps,
    "THE COURT MET. IT RULED AGAINST HIM.",
    ["THE COURT MET.", "IT RULED AGAINST HIM."]
);
case!(
    lowercase_text,
    "the court met. it ruled against him. mr. lee appealed.",
    [
        "the court met.",
        "it ruled against him.",
        "mr. lee appealed."
    ]
);
case!(
    lowercase_next_word_mid_sentence,
    "He bought approx. ten acres.",
    ["He bought approx. ten acres."]
);

// --- Unicode -------------------------------------------------------------------
case!(
    cjk_full_stop,
    "今日は晴れです。明日は雨です。",
    ["今日は晴れです。", "明日は雨です。"]
);
case!(
    cjk_question,
    "本当ですか？はい！",
    ["本当ですか？", "はい！"]
);
case!(
    double_exclamation_char,
    "Amazing‼ Everyone cheered.",
    ["Amazing‼", "Everyone cheered."]
);
case!(
    double_question_char,
    "Why⁇ Nobody knew.",
    ["Why⁇", "Nobody knew."]
);
case!(
    nbsp_between,
    "He left.\u{a0}She stayed.",
    ["He left.", "She stayed."]
);
case!(
    nbsp_in_abbrev,
    "Mr.\u{a0}Lee spoke.",
    ["Mr.\u{a0}Lee spoke."]
);
case!(
    ideographic_space,
    "He left.\u{3000}She stayed.",
    ["He left.", "She stayed."]
);

// --- datelines inside the first sentence ---------------------------------------
case!(dateline_icc, "12/18/2020 Washington, D.C. (International Christian Concern) – With one voice, they spoke. Then they left.", ["12/18/2020 Washington, D.C. (International Christian Concern) – With one voice, they spoke.", "Then they left."]);
case!(
    dateline_wire,
    "WASHINGTON, Dec. 18, 2020 /PRNewswire/ -- Acme Corp. announced a deal. It closes soon.",
    [
        "WASHINGTON, Dec. 18, 2020 /PRNewswire/ -- Acme Corp. announced a deal.",
        "It closes soon."
    ]
);
case!(
    dateline_parens,
    "LAHORE, Pakistan (March 3, 2021) — A court acquitted him.",
    ["LAHORE, Pakistan (March 3, 2021) — A court acquitted him."]
);

// --- Markdown markers -----------------------------------------------------------

fn split_md(t: &str) -> Vec<String> {
    let sp = splitter();
    sp.split_with(t, prex::sentences::Layout::of(t), true)
        .into_iter()
        .map(|s| t[s.start..s.end].to_string())
        .collect()
}

#[test]
fn markdown_markers_stripped() {
    let t = "# Court Frees Pastor\n\n**Date:** May 1, 2021\n\n## Key facts\n\n- He was held. He is free.\n* Second item\n> A quoted line.\n\n###\n";
    assert_eq!(
        split_md(t),
        vec![
            "Court Frees Pastor",
            "**Date:** May 1, 2021",
            "Key facts",
            "He was held.",
            "He is free.",
            "Second item",
            "A quoted line.",
            "###"
        ]
    );
    // Plain text keeps its bullets.
    assert_eq!(split("- He was held."), vec!["- He was held."]);
}

// --- invariants ----------------------------------------------------------------
#[test]
fn spans_trimmed_ordered_disjoint() {
    let text = "  A.  B? C!\n\n D… “E.” (F.) Mr. G. H i.e. j.\n- k\n1. l\n今日。 ";
    let spans = splitter().split(text);
    let mut last = 0;
    for s in &spans {
        assert!(s.start >= last && s.start < s.end, "{spans:?}");
        let t = &text[s.start..s.end];
        assert_eq!(t, t.trim());
        last = s.end;
    }
}

#[test]
fn patterns_can_be_extended_without_code() {
    let mut p = Patterns::embedded();
    let mut abbr = p.get("sentences/abbreviations.tsv").unwrap().to_string();
    abbr.push_str("Blah\tnever\n");
    p.insert("sentences/abbreviations.tsv", abbr);
    let s = SentenceSplitter::new(&p).unwrap();
    let t = "See Blah. Smith for details.";
    assert_eq!(s.split(t).len(), 1);
    assert_eq!(splitter().split(t).len(), 2);
}

// --- dateline ------------------------------------------------------------------

fn annotate(text: &str, options: Options) -> Document {
    let p = Pipeline::new(&Patterns::embedded(), options).unwrap();
    let mut doc = Document::new("t.txt", text, prex::document::Format::Text);
    p.annotate(&mut doc);
    doc
}

/// Dateline text, date, place, organization.
type Found = (String, Option<String>, Option<String>, Option<String>);

fn dateline_of(text: &str) -> Option<Found> {
    dateline_with(text, false)
}

fn dateline_with(text: &str, day_first: bool) -> Option<Found> {
    let f = DatelineFinder::new(&Patterns::embedded(), day_first).unwrap();
    f.find(text).map(|d| {
        (
            text[d.span.start..d.span.end].to_string(),
            d.date.map(|x| x.to_string()),
            d.place,
            d.organization,
        )
    })
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn dateline_date_place_org() {
    let t = "Tagline of a site\nSelect Page\n\n12/18/2020 Washington, D.C. (International Christian Concern) – With one voice, groups spoke.";
    assert_eq!(
        dateline_of(t),
        Some((
            "12/18/2020 Washington, D.C. (International Christian Concern) –".into(),
            s("2020-12-18"),
            s("Washington, D.C."),
            s("International Christian Concern")
        ))
    );
}

#[test]
fn dateline_wire_service() {
    let t = "Acme Buys Widget Maker\n\nWASHINGTON, Dec. 18, 2020 /PRNewswire/ -- Acme Corp. said today it bought a firm.";
    assert_eq!(
        dateline_of(t),
        Some((
            "WASHINGTON, Dec. 18, 2020 /PRNewswire/ --".into(),
            s("2020-12-18"),
            s("Washington"),
            s("PRNewswire")
        ))
    );
}

#[test]
fn dateline_place_then_date_in_parens() {
    let t = "LAHORE, Pakistan (March 3, 2021) — A court acquitted the man.";
    assert_eq!(
        dateline_of(t),
        Some((
            "LAHORE, Pakistan (March 3, 2021) —".into(),
            s("2021-03-03"),
            s("Lahore, Pakistan"),
            None
        ))
    );
}

/// Two places joined by a slash without spaces: "Paris/Algiers, 22 May 2025 –".
#[test]
fn dateline_two_places_with_a_slash() {
    let t = "Court Upholds Fine\n\nRome/Tunis, 4 June 2024 – A court upheld the fine.";
    assert_eq!(
        dateline_of(t),
        Some((
            "Rome/Tunis, 4 June 2024 –".into(),
            s("2024-06-04"),
            s("Rome/Tunis"),
            None
        ))
    );
}

/// A source name with digits ("Article18 – 11 February 2025") on its own line.
#[test]
fn dateline_name_with_digits() {
    let t =
        "Converts Sentenced\n\nForum84 – 3 March 2025\n\nTwo converts were sentenced last week.";
    let d = dateline_of(t).unwrap();
    assert_eq!(d.0, "Forum84 – 3 March 2025");
    assert_eq!(d.1, s("2025-03-03"));
}

#[test]
fn dateline_place_dash_weekday_date_colon() {
    let t = "Lagos, Nigeria — Tuesday, 5 January 2021: A court in the north ruled.";
    assert_eq!(
        dateline_of(t),
        Some((
            "Lagos, Nigeria — Tuesday, 5 January 2021:".into(),
            s("2021-01-05"),
            s("Lagos, Nigeria"),
            None
        ))
    );
}

/// A date of another calendar with the Gregorian date in brackets after it.
#[test]
fn dateline_foreign_calendar_date_glossed_in_brackets() {
    let t = "Converts Jailed\n\nSHIRAZ, Iran — 9 Dey 1403 (29 December 2024) — Two converts were jailed.";
    assert_eq!(
        dateline_of(t),
        Some((
            "SHIRAZ, Iran — 9 Dey 1403 (29 December 2024) —".into(),
            s("2024-12-29"),
            s("Shiraz, Iran"),
            None
        ))
    );
    let t = "Court Rules\n\nKARACHI, 3 Shaban 1446 AH (2 February 2025) – The court ruled.";
    let d = dateline_of(t).unwrap();
    assert_eq!(d.1, s("2025-02-02"));
    assert_eq!(d.2, s("Karachi"));
    // No Gregorian date in the brackets: no date.
    let t = "Court Rules\n\nKARACHI, 3 Shaban 1446 (Sunday) – The court ruled.";
    assert_eq!(dateline_of(t).and_then(|d| d.1), None);
}

#[test]
fn dateline_date_alone_with_dash() {
    let t = "December 18, 2020 — The group released a statement.";
    assert_eq!(
        dateline_of(t),
        Some(("December 18, 2020 —".into(), s("2020-12-18"), None, None))
    );
}

#[test]
fn dateline_page_date_line() {
    let t = "Pastor Freed\nTuesday, June 18, 2019\n\nThe pastor was freed after a long trial.";
    assert_eq!(
        dateline_of(t),
        Some(("Tuesday, June 18, 2019".into(), s("2019-06-18"), None, None))
    );
}

#[test]
fn dateline_header_block() {
    let t = "FOR IMMEDIATE RELEASE\nDate: March 4, 2021\nContact: Jane Roe\n\nCourt Acquits Teacher\n\nThe teacher was acquitted.";
    assert_eq!(
        dateline_of(t),
        Some(("Date: March 4, 2021".into(), s("2021-03-04"), None, None))
    );
}

#[test]
fn dateline_iso_date() {
    let t = "GENEVA, 2021-02-01 — The council met.";
    assert_eq!(
        dateline_of(t),
        Some((
            "GENEVA, 2021-02-01 —".into(),
            s("2021-02-01"),
            s("Geneva"),
            None
        ))
    );
}

#[test]
fn dateline_place_only() {
    let t = "NEW DELHI — The court ruled on Monday.";
    assert_eq!(
        dateline_of(t),
        Some(("NEW DELHI —".into(), None, s("New Delhi"), None))
    );
}

#[test]
fn dateline_wire_agency_parens() {
    let t = "NAIROBI, Kenya (Example News) - Officials said on Friday that the road was open.";
    assert_eq!(
        dateline_of(t),
        Some((
            "NAIROBI, Kenya (Example News) -".into(),
            None,
            s("Nairobi, Kenya"),
            s("Example News")
        ))
    );
}

#[test]
fn dateline_numeric_day_first() {
    let t = "03/04/2021 London — The charity said.";
    assert_eq!(dateline_with(t, false).unwrap().1, s("2021-03-04"));
    assert_eq!(dateline_with(t, true).unwrap().1, s("2021-04-03"));
    // Only one valid reading: used whatever the flag.
    let t = "25/04/2021 London — The charity said.";
    assert_eq!(dateline_with(t, false).unwrap().1, s("2021-04-25"));
}

#[test]
fn dateline_date_line_with_time() {
    let t = "Press Office\n\n03-March-2022 09:15 GMT\n\nCourt Convicts Clerk\n\nThe court convicted the records clerk of forgery and sentenced him to two years.";
    assert_eq!(
        dateline_of(t),
        Some((
            "03-March-2022 09:15 GMT".into(),
            s("2022-03-03"),
            None,
            None
        ))
    );
}

#[test]
fn date_line_with_gloss_or_clock_time() {
    // A bracketed gloss after the date (another calendar, a note).
    let t = "Tbilisi Faith Watch\nReleased: 14 May 2026 (26 Dhu al-Qadah 1447)\n\nKUTAISI — Police on Monday closed a prayer house.";
    assert_eq!(
        dateline_of(t),
        Some(("KUTAISI —".into(), s("2026-05-14"), s("Kutaisi"), None))
    );
    // A clock time (with a zone offset) before the date.
    let t = "Court Fines Choir\n\nPublished 10:15 AM GMT+3, March 2, 2026\n\nThe court fined the choir director for singing in a park without a permit.";
    assert_eq!(
        dateline_of(t),
        Some((
            "Published 10:15 AM GMT+3, March 2, 2026".into(),
            s("2026-03-02"),
            None,
            None
        ))
    );
    // A clock time after the date, behind a comma; a date line of its own.
    let t = "Posted on June 9, 2026, 8:30 p.m. EDT\n\nThe council met.";
    assert_eq!(dateline_of(t).unwrap().1, s("2026-06-09"));
    let t = "Court Frees Elder\n11:05 UTC+05:30, 2 June 2026\n\nThe elder was freed.";
    assert_eq!(dateline_of(t).unwrap().1, s("2026-06-02"));
    // Text after the gloss is no date line.
    let t = "Posted: 14 May 2026 (Geneva) and more words here\n\nThe council met.";
    assert_eq!(dateline_of(t), None);
}

#[test]
fn dateline_markdown_label() {
    let t = "# Court Frees Pastor\n\n**Date:** July 5, 2022\n\nThe court freed him.";
    assert_eq!(
        dateline_of(t),
        Some(("**Date:** July 5, 2022".into(), s("2022-07-05"), None, None))
    );
}

#[test]
fn dateline_in_markdown_emphasis() {
    let t = "# Court Jails Deacon\n\n**Lusaka, 4 May 2023** — A court on Tuesday jailed a deacon for two years over a sermon he gave in March, his lawyer said.";
    assert_eq!(
        dateline_of(t),
        Some((
            "**Lusaka, 4 May 2023** —".into(),
            s("2023-05-04"),
            s("Lusaka"),
            None
        ))
    );
    // Emphasis that is not a dateline stays body text.
    let t = "# Court Jails Deacon\n\n**Breaking:** a court jailed a deacon for two years over a sermon he gave in March.";
    assert_eq!(dateline_of(t), None);
}

#[test]
fn place_only_dateline_takes_header_date() {
    let t = "FOR IMMEDIATE RELEASE\nDate: June 1, 2022\nContact: Jane Roe, 555-0100\n\nCouncil Welcomes Court Ruling\n\nDENVER – The council today welcomed the ruling.";
    assert_eq!(
        dateline_of(t),
        Some(("DENVER –".into(), s("2022-06-01"), s("Denver"), None))
    );
}

#[test]
fn capitalized_headline_prefix_is_not_a_dateline() {
    let t = "MOROCCO: Court upholds fine for shopkeeper\n\nRABAT, Morocco (Feb. 7, 2022) — An appeals court ruled.";
    assert_eq!(
        dateline_of(t),
        Some((
            "RABAT, Morocco (Feb. 7, 2022) —".into(),
            s("2022-02-07"),
            s("Rabat, Morocco"),
            None
        ))
    );
    let d = annotate(t, Options::default());
    assert_eq!(d.title, s("MOROCCO: Court upholds fine for shopkeeper"));
}

#[test]
fn mixed_case_city_region_dateline_under_a_date_line() {
    let t = "December 3, 2024\n\nMiami, Florida – A federal judge sentenced a Hialeah man to 57 months in prison.";
    assert_eq!(
        dateline_of(t),
        Some((
            "Miami, Florida –".into(),
            s("2024-12-03"),
            s("Miami, Florida"),
            None
        ))
    );
    // A lone mixed-case word before a dash is no place, nor is a colon label.
    assert_eq!(
        dateline_of("Update – The court met today and ruled against him again."),
        None
    );
    assert_eq!(
        dateline_of("Miami, Florida: the court met today and ruled against him."),
        None
    );
}

#[test]
fn place_acronym_kept() {
    let t = "DALLAS, USA, June 3, 2022 — The jury returned a verdict.";
    assert_eq!(dateline_of(t).unwrap().2, s("Dallas, USA"));
}

#[test]
fn impossible_date_keeps_dateline_without_date() {
    let t = "35/28/2058 Washington, D.C. (Example Group) – The group spoke.";
    assert_eq!(
        dateline_of(t),
        Some((
            "35/28/2058 Washington, D.C. (Example Group) –".into(),
            None,
            s("Washington, D.C."),
            s("Example Group")
        ))
    );
    let t = "BOSTON, November 31, 2017 — The court met.";
    assert_eq!(
        dateline_of(t),
        Some((
            "BOSTON, November 31, 2017 —".into(),
            None,
            s("Boston"),
            None
        ))
    );
    let d = annotate(t, Options::default());
    assert_eq!(d.dct, None);
}

#[test]
fn no_dateline_in_plain_prose() {
    assert_eq!(
        dateline_of("The court met today. It ruled against him."),
        None
    );
    assert_eq!(
        dateline_of("John Smith said — and we agree — that it is over."),
        None
    );
}

#[test]
fn dct_from_dateline_unless_given() {
    let t = "WASHINGTON, Dec. 18, 2020 /PRNewswire/ -- Acme said today it bought a firm.";
    let d = annotate(t, Options::default());
    assert_eq!(d.dct.map(|x| x.to_string()), s("2020-12-18"));
    let given = chrono::NaiveDate::from_ymd_opt(2021, 1, 2).unwrap();
    let d = annotate(
        t,
        Options {
            dct: Some(given),
            ..Options::default()
        },
    );
    assert_eq!(d.dct, Some(given));
    assert_eq!(
        d.dateline.unwrap().date.map(|x| x.to_string()),
        s("2020-12-18")
    );
}

// --- title and boilerplate -----------------------------------------------------

#[test]
fn title_first_short_line() {
    let d = annotate(
        "Pastor Freed After Two Years\n\nLAHORE, Pakistan (March 3, 2021) — A court acquitted him.",
        Options::default(),
    );
    assert_eq!(d.title, s("Pastor Freed After Two Years"));
}

#[test]
fn no_title_when_body_starts() {
    let d = annotate(
        "The court met today. It ruled against him.",
        Options::default(),
    );
    assert_eq!(d.title, None);
}

#[test]
fn boilerplate_is_not_title_and_warned() {
    let d = annotate(
        "Rescuing the persecuted since 1990\nSelect Page\n\n12/18/2020 Washington, D.C. (Some Group) – The letter was sent.",
        Options::default(),
    );
    assert_eq!(d.title, None);
    assert!(
        d.warnings.iter().any(|w| w.contains("boilerplate")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn title_after_navigation() {
    let d = annotate(
        "Home | About | News | Contact\n\nCourt Acquits Teacher Of Blasphemy\n\nLAHORE — The court ruled.",
        Options::default(),
    );
    assert_eq!(d.title, s("Court Acquits Teacher Of Blasphemy"));
    assert!(d.warnings.iter().any(|w| w.contains("boilerplate")));
}

#[test]
fn title_skips_release_header() {
    let d = annotate(
        "FOR IMMEDIATE RELEASE\n\nCourt Acquits Teacher\n\nThe court ruled today.",
        Options::default(),
    );
    assert_eq!(d.title, s("Court Acquits Teacher"));
}

/// An issuer's name on its own line under the headline is not the title.
#[test]
fn issuer_line_under_the_headline_is_not_title() {
    let d = annotate(
        "Woman jailed for arson attack on Leeds gurdwara\n\nWest Mercia Police\n\nPublished: 4 March 2025\n\nA woman was jailed today for setting fire to a gurdwara door.",
        Options::default(),
    );
    assert_eq!(
        d.title,
        s("Woman jailed for arson attack on Leeds gurdwara")
    );
    let d = annotate(
        "Egypt: Copts Acquitted After Two Years\n\nChristian Solidarity Worldwide\n\nCAIRO, Egypt (5 May 2024) – The court acquitted four men.",
        Options::default(),
    );
    assert_eq!(d.title, s("Egypt: Copts Acquitted After Two Years"));
    // the organization's line above the headline is no title either
    let d = annotate(
        "Office of Public Affairs\n\nOhio Man Charged With Threats\n\nCLEVELAND – A man was charged today.",
        Options::default(),
    );
    assert_eq!(d.title, s("Ohio Man Charged With Threats"));
    // beside a slash or a dash, in capitals, and a place line under a date
    let d = annotate(
        "Court Jails Pastor for Baptisms\n\nInternational Christian Concern / Partner Network\n\nThe court jailed the pastor today for holding baptisms in a river.",
        Options::default(),
    );
    assert_eq!(d.title, s("Court Jails Pastor for Baptisms"));
    let d = annotate(
        "Halifax man receives house arrest for church fire\n\nNews release\n\nMarch 3, 2024\nHalifax, Nova Scotia\n\nRoyal Canadian Mounted Police - Nova Scotia\n\nA Halifax man was sentenced today for setting fire to a church.",
        Options::default(),
    );
    assert_eq!(
        d.title,
        s("Halifax man receives house arrest for church fire")
    );
    let d = annotate(
        "NATIONAL INVESTIGATION AGENCY\n\nThe court convicted three men of arson today in a case about a temple.",
        Options::default(),
    );
    assert_eq!(d.title, None);
    // a Title Case headline with an organization's head word is still the title
    let d = annotate(
        "Appeals Court Frees Teacher Jailed for Blasphemy\n\nCAIRO, Egypt, May 3, 2024 — The court acquitted her.",
        Options::default(),
    );
    assert_eq!(
        d.title,
        s("Appeals Court Frees Teacher Jailed for Blasphemy")
    );
}

/// Under a Title Case headline of six words or more, a Title Case subheadline is
/// not the title.
#[test]
fn title_case_subheadline_is_not_title() {
    let d = annotate(
        "Attorney General Wins $2 Million From Sham Charity\n\nFounder Separately Sentenced to Two Years in State Prison\n\nALBANY – The Attorney General today announced a settlement with the charity.",
        Options::default(),
    );
    assert_eq!(
        d.title,
        s("Attorney General Wins $2 Million From Sham Charity")
    );
}

#[test]
fn dash_header_bar_is_not_title() {
    let d = annotate(
        "Pastor Fined for Open-Air Baptism in Batumi\n\nCaucasus Faith Observer – Newsroom\nDate: 3 June 2026\n\nBATUMI — A court fined a pastor for holding a baptism on a public beach.",
        Options::default(),
    );
    assert_eq!(d.title, s("Pastor Fined for Open-Air Baptism in Batumi"));
    // Beside a dash only a whole header phrase counts: this stays the headline.
    let d = annotate(
        "Nigeria — Contact Group Condemns Killings\n\nABUJA — The group condemned the killings.",
        Options::default(),
    );
    assert_eq!(d.title, s("Nigeria — Contact Group Condemns Killings"));
}

#[test]
fn byline_block_is_not_title() {
    // The headline comes before its byline; the agency line after it is no title.
    let d = annotate(
        "Three Choir Members Fined Over Street Carols\n\nBy Maria de la Cruz and Tomas Berg\nBaltic Press Agency\n\nUpdated on Monday\n\nVILNIUS, Lithuania (BPA) — A court on Monday fined three members of a church choir.",
        Options::default(),
    );
    assert_eq!(d.title, s("Three Choir Members Fined Over Street Carols"));
    // A byline above the headline.
    let d = annotate(
        "By Jane Roe\nHarbor News Service\n\nCourt Frees Elder After Appeal\n\nThe elder was freed on Tuesday after an appeal court quashed his conviction for preaching.",
        Options::default(),
    );
    assert_eq!(d.title, s("Court Frees Elder After Appeal"));
    // "By" opening a headline with ordinary words is no byline.
    let d = annotate(
        "By order of the court, pastor freed\n\nThe pastor was freed on Tuesday after an appeal court quashed his conviction for preaching.",
        Options::default(),
    );
    assert_eq!(d.title, s("By order of the court, pastor freed"));
}

#[test]
fn title_after_masthead_and_header() {
    let d = annotate(
        "Department of Justice\nU.S. Attorney’s Office, District of Nowhere\n\nFOR IMMEDIATE RELEASE\nFriday, April 9, 2021\n\nQueens Woman Sentenced To 30 Months For Wire Fraud\n\nThe United States Attorney announced today that a woman was sentenced for defrauding her employer.",
        Options::default(),
    );
    assert_eq!(
        d.title,
        s("Queens Woman Sentenced To 30 Months For Wire Fraud")
    );
    assert_eq!(
        d.dateline.unwrap().date.map(|x| x.to_string()),
        s("2021-04-09")
    );
}

#[test]
fn title_first_line_of_block_with_header_lines() {
    let d = annotate(
        "Annual Report on Prison Conditions Released\nPress Statement\nOffice of the Ombudsman\n\nMay 2, 2022 — The ombudsman today published the yearly report.",
        Options::default(),
    );
    assert_eq!(d.title, s("Annual Report on Prison Conditions Released"));
}

#[test]
fn subheadline_is_not_title() {
    let d = annotate(
        "Regional Court Jails Village Teacher for Two Years\n\nFamily says the verdict ignores key evidence and will appeal\n\nBOSTON, June 2, 2022 /ExampleWire/ -- A regional court jailed a teacher.",
        Options::default(),
    );
    assert_eq!(
        d.title,
        s("Regional Court Jails Village Teacher for Two Years")
    );
}

#[test]
fn sentence_case_title_after_masthead() {
    let d = annotate(
        "MINISTRY OF EXAMPLE AFFAIRS\nRepublic of Examplia\n\nPRESS STATEMENT\n\nFormer port official jailed for bribery\n\nKAMPALA, Monday 4th April, 2022 - The court sentenced a former official.",
        Options::default(),
    );
    assert_eq!(d.title, s("Former port official jailed for bribery"));
    assert_eq!(
        d.dateline.unwrap().date.map(|x| x.to_string()),
        s("2022-04-04")
    );
}

#[test]
fn breadcrumb_is_boilerplate() {
    let d = annotate(
        "The Example Agency\nHome > Media > Releases\n\nShop owner fined over false invoices\n\nLEEDS, 21/03/2022 — A shop owner was fined.",
        Options::default(),
    );
    assert_eq!(d.title, s("Shop owner fined over false invoices"));
    assert!(d.warnings.iter().any(|w| w.contains("boilerplate")));
    assert_eq!(
        d.dateline.unwrap().date.map(|x| x.to_string()),
        s("2022-03-21")
    );
}

#[test]
fn markdown_title() {
    let p = Pipeline::new(&Patterns::embedded(), Options::default()).unwrap();
    let mut doc = Document::new(
        "t.md",
        "# Pastor Freed\n\nThe pastor was freed.",
        prex::document::Format::Markdown,
    );
    p.annotate(&mut doc);
    assert_eq!(doc.title, s("Pastor Freed"));
}

#[test]
fn html_title_hint_wins() {
    let p = Pipeline::new(&Patterns::embedded(), Options::default()).unwrap();
    let mut doc = Document::new(
        "t.html",
        "Pastor Freed\n\nThe pastor was freed.",
        prex::document::Format::Html,
    );
    doc.title_hint = s("Pastor Freed | Example Site");
    p.annotate(&mut doc);
    assert_eq!(doc.title, s("Pastor Freed"));
}

#[test]
fn short_body_paragraph_is_not_title() {
    let d = annotate("Court Frees Teacher\n\nShe is home now", Options::default());
    assert_eq!(d.title, s("Court Frees Teacher"));
}

#[test]
fn sentence_title_not_taken() {
    let d = annotate(
        "This is a full sentence that ends with a period.\n\nMore text.",
        Options::default(),
    );
    assert_eq!(d.title, None);
}

// --- robustness: random mixes of the hard characters never panic and keep the
// span invariants.

#[test]
fn random_text_keeps_invariants() {
    const PIECES: &[&str] = &[
        ".",
        "…",
        "...",
        ". . .",
        "”",
        "“",
        "\"",
        "'",
        "’",
        "(",
        ")",
        "?",
        "!",
        "?!",
        "\n",
        "\n\n",
        " ",
        "\u{a0}",
        "\u{3000}",
        "Mr.",
        "U.S.",
        "p.m.",
        "No. ",
        "a",
        "The",
        "Ü",
        "ß.",
        "。",
        "？",
        "‼",
        "•",
        "- ",
        "1. ",
        "# ",
        "said",
        "Khan told us.",
        "\r\n",
        "e.g.",
        "3.5",
        "www.x.org",
        "ÉTÉ",
        "x@y.z",
        "—",
        "–",
        ":",
        "12/18/2020 ",
        "WASHINGTON, ",
        "Dec. 18, 2020 ",
        "/PRNewswire/ ",
        "-- ",
        "**Date:** ",
        "Date: ",
        "Tuesday, ",
    ];
    let sp = splitter();
    let finder = DatelineFinder::new(&Patterns::embedded(), false).unwrap();
    let pipeline = Pipeline::new(&Patterns::embedded(), Options::default()).unwrap();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let rounds: usize = std::env::var("PREX_FUZZ_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3000);
    for round in 0..rounds {
        let mut text = String::new();
        let len = 1 + (round % 40);
        for _ in 0..len {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
        }
        for markdown in [false, true] {
            let layout = prex::sentences::Layout::of(&text);
            let spans = sp.split_with(&text, layout, markdown);
            let mut last = 0;
            for s in &spans {
                assert!(s.start >= last && s.start < s.end, "{text:?}: {spans:?}");
                let t = &text[s.start..s.end];
                assert_eq!(t, t.trim(), "{text:?}");
                last = s.end;
            }
        }
        if let Some(d) = finder.find(&text) {
            assert!(
                d.span.start < d.span.end && d.span.end <= text.len(),
                "{text:?}"
            );
            let _ = &text[d.span.start..d.span.end];
        }
        let mut doc = Document::new("r.md", text.as_str(), prex::document::Format::Markdown);
        pipeline.annotate(&mut doc);
    }
}

/// Regression: the attribution look-ahead window (80 bytes) used to end inside a
/// multi-byte character and panic.
#[test]
fn attribution_window_ends_inside_multibyte_char() {
    for pad in 0..4 {
        let mut t = String::from("“We will appeal.” Then ");
        t.push_str(&"a".repeat(52 + pad));
        t.push_str(&"‘".repeat(12));
        t.push_str(" the end.");
        let spans = splitter().split(&t);
        assert!(!spans.is_empty());
    }
}

#[test]
fn headline_ending_in_quoted_phrase_is_not_body() {
    let t = "Vietnam: Hmong preacher jailed for four years over \"anti-state propaganda\"\n\nBANGKOK, 3 March 2022 (Asia Faith Monitor) – A court sentenced him.";
    let d = annotate(t, Options::default());
    assert_eq!(
        d.title,
        s("Vietnam: Hmong preacher jailed for four years over \"anti-state propaganda\"")
    );
    assert_eq!(d.dct.map(|x| x.to_string()), s("2022-03-03"));
    // A long line ending in a quotation after a full stop is still body.
    let t = "He told reporters that the court had ruled against them \"for the last time.\"\n\nLAHORE — 3 March 2022 — Later text.";
    assert_eq!(dateline_of(t), None);
}

#[test]
fn markdown_heading_with_quote_then_date_label() {
    let t = "# Russia: Believer sentenced to six years for \"extremism\"\n\n**Date:** 9 November 2022\n**Source:** Some Watch\n\nA court in Penza sentenced him.";
    let d = annotate(t, Options::default());
    assert_eq!(d.dct.map(|x| x.to_string()), s("2022-11-09"));
}

#[test]
fn short_section_trail_is_not_title() {
    let d = annotate(
        "Crown Prosecution Service\n\nNews | West Midlands\n\nMan who daubed graffiti on mosque receives suspended sentence\n\n14 June 2023\n\nA man who sprayed graffiti on the walls of a mosque has been given a suspended sentence.",
        Options::default(),
    );
    assert_eq!(
        d.title,
        s("Man who daubed graffiti on mosque receives suspended sentence")
    );
    assert!(d.warnings.iter().any(|w| w.contains("boilerplate")));
}

#[test]
fn dateline_place_and_date_in_parentheses() {
    let t = "Pastor sentenced to seven years\n\n(Chengdu—October 28, 2022) The Chengdu court yesterday sentenced a pastor.";
    assert_eq!(
        dateline_of(t),
        Some((
            "(Chengdu—October 28, 2022)".into(),
            s("2022-10-28"),
            s("Chengdu"),
            None
        ))
    );
    let t = "(Lahore, 3 March 2021) A court acquitted him.";
    assert_eq!(dateline_of(t).and_then(|d| d.1), s("2021-03-03"));
    // A parenthesis without a date is not a dateline.
    assert_eq!(dateline_of("(Updated) The court acquitted him."), None);
}

#[test]
fn dateline_place_colon_date_line() {
    let t = "Court sentences man to death\n\nLahore: 14 March 2022\n\nA court in Punjab has sentenced a man to death.";
    assert_eq!(
        dateline_of(t),
        Some((
            "Lahore: 14 March 2022".into(),
            s("2022-03-14"),
            s("Lahore"),
            None
        ))
    );
    let d = annotate(t, Options::default());
    assert_eq!(d.title, s("Court sentences man to death"));
}

#[test]
fn date_label_without_colon() {
    let t = "Press release: Teacher jailed\n\nPublished 22 October 2027\n\nA former teacher has been jailed.";
    let d = annotate(t, Options::default());
    assert_eq!(d.dct.map(|x| x.to_string()), s("2027-10-22"));
    // A label word that starts a body sentence is no date label.
    let t = "Title\n\nReleased 12 prisoners on 22 October 2027, the court said.\n\nMore text.";
    assert_eq!(annotate(t, Options::default()).dct, None);
}

/// Two places joined by a slash make one dateline place, with or without a date.
#[test]
fn dateline_with_two_places() {
    let t = "Court jails volunteers\n\nRiga / Vitebsk, 03.05.2027 — A court on Monday jailed four volunteers.";
    assert_eq!(
        dateline_of(t),
        Some((
            "Riga / Vitebsk, 03.05.2027 —".into(),
            s("2027-05-03"),
            s("Riga / Vitebsk"),
            None
        ))
    );
    let t = "FOR IMMEDIATE RELEASE\n\nMay 2, 2027\n\nJoint appeal\n\nPARIS / DAKAR — We, the undersigned groups, call for his release.";
    let d = dateline_of(t).expect("dateline");
    assert_eq!((d.1, d.2), (s("2027-05-02"), s("Paris / Dakar")));
    // A slash without spaces is not a place separator ("/PRNewswire/").
    let t = "Title here\n\nDALLAS /PRNewswire/ -- A company said today that it grew.";
    assert_ne!(dateline_of(t).and_then(|d| d.2), s("Dallas /PRNewswire"));
}

/// "Org | Press release" under the headline is a header line, not navigation: the
/// headline above it stays the title and is no boilerplate.
#[test]
fn header_bar_under_the_headline() {
    let t = "SUDAN: TWO CONVERTS SENTENCED TO DEATH\n\nNile Watch | Media release\n\nLondon, 02/03/2027 – A court in Sudan has sentenced two men to death.";
    let d = annotate(t, Options::default());
    assert_eq!(d.title, s("SUDAN: TWO CONVERTS SENTENCED TO DEATH"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // A section trail with one bar is still navigation.
    let t = "Example Site\n\nNews | West Midlands\n\nMan jailed for fraud\n\nBIRMINGHAM — A man has been jailed for fraud.";
    let d = annotate(t, Options::default());
    assert_eq!(d.title, s("Man jailed for fraud"));
}

/// A wire dateline with a day and month but no year ("NAIROBI, Feb. 3 (AFP) --")
/// is a dateline with no date; the month is no word of the place.
#[test]
fn dateline_wire_without_year() {
    let t = "Court Jails Preacher\n\nNAIROBI, Feb. 3 (AFP) -- A court jailed a preacher.";
    assert_eq!(
        dateline_of(t),
        Some((
            "NAIROBI, Feb. 3 (AFP) --".into(),
            None,
            s("Nairobi"),
            s("AFP")
        ))
    );
    let t = "OSLO, 14 June (NTB) - The court ruled.";
    assert_eq!(dateline_of(t).and_then(|d| d.3), s("NTB"));
}

/// An ALL-CAPS abbreviation in the place is title-cased like a word: "ST. PAUL" →
/// "St. Paul" (dotted acronyms stay: "D.C.").
#[test]
fn dateline_caps_abbreviation_in_place() {
    let t = "ST. PAUL, Minn. — March 9, 2025 — A jury convicted the man.";
    assert_eq!(dateline_of(t).and_then(|d| d.2), s("St. Paul, Minn."));
}

/// A place and date alone on their line under a release header, and the issuer's
/// name between them: the dateline is found, and the issuer is no title.
#[test]
fn dateline_alone_under_release_header() {
    let t = "Agency Court Jails Four Smugglers\n\nPress Release\nNarcotics Control Bureau\nMumbai, 3rd February 2026\n\nThe Special Court, Thane, on Monday sentenced four men to ten years.";
    let d = annotate(t, Options::default());
    assert_eq!(d.title, s("Agency Court Jails Four Smugglers"));
    let dl = d.dateline.expect("dateline");
    assert_eq!(&t[dl.span.start..dl.span.end], "Mumbai, 3rd February 2026");
    assert_eq!(dl.place, s("Mumbai"));
    assert_eq!(dl.date.map(|x| x.to_string()), s("2026-02-03"));
    // A header line above a headline in its own paragraph keeps the headline.
    let t = "FOR IMMEDIATE RELEASE\nCourt Jails Four Smugglers\n\nMUMBAI, Feb. 3, 2026 — The court sentenced four men.";
    assert_eq!(
        annotate(t, Options::default()).title,
        s("Court Jails Four Smugglers")
    );
}

/// "CITY, date / Organization (ACR) —": the organization after a slash; an
/// "Issuer — City, date" line under the headline is no title.
#[test]
fn dateline_organization_after_slash() {
    let t = "Laos: Pastor Held Without Trial\n\nBANGKOK, 9 May 2026 / Mekong Faith Monitor (MFM) — A pastor has been held for a year.";
    let d = dateline_of(t).expect("dateline");
    assert_eq!(d.0, "BANGKOK, 9 May 2026 / Mekong Faith Monitor (MFM) —");
    assert_eq!(d.3, s("Mekong Faith Monitor"));
    let t = "Laos: Pastor Held Without Trial\n\nMekong Faith Monitor — Bangkok, 9 May 2026\n\nBANGKOK, May 9, 2026 — A pastor has been held for a year.";
    assert_eq!(
        annotate(t, Options::default()).title,
        s("Laos: Pastor Held Without Trial")
    );
}

/// A byline with its agency after a comma ("By X, Forum 18") or a role noun
/// before the name ("Reported by ChinaAid correspondent X") is never the title.
#[test]
fn bylines_with_agency_or_role() {
    let t = "RUSSIA: Two fined for worship meetings\n\nBy Irina Sokolova, Forum 18\n\nOmsk, 3 May 2026\n\nA court fined two women.";
    assert_eq!(
        annotate(t, Options::default()).title,
        s("RUSSIA: Two fined for worship meetings")
    );
    let t = "Pastor Detained in Guiyang\n\nReported by ChinaAid correspondent Wen Lihua\n\n(Guiyang—May 3, 2026) Police detained a pastor.";
    assert_eq!(
        annotate(t, Options::default()).title,
        s("Pastor Detained in Guiyang")
    );
}

/// Date lines of news sites and NGOs: a byline ending in a time and date, an
/// "Updated" stamp, a date before a section name, an issuer with its acronym
/// and a semicolon before the date, and an issuer beside a bar.
#[test]
fn header_date_lines_of_news_sites_and_ngos() {
    let date = |t: &str| dateline_of(t).and_then(|d| d.1);
    let body =
        "A court in the capital sentenced three activists to five years in prison on Monday.";
    assert_eq!(
        date(&format!(
            "Activists jailed\n\nby Mira Castell 09:30, 3 June 2026\n\n{body}"
        )),
        s("2026-06-03")
    );
    assert_eq!(
        date(&format!(
            "Activists jailed\n\nUpdated 6:05 PM GMT+2, June 3, 2026\n\nKYIV (AP) — {body}"
        )),
        s("2026-06-03")
    );
    let t =
        format!("Activists jailed, rights body says\n\n3 June 2026 Peace and Security\n\n{body}");
    assert_eq!(date(&t), s("2026-06-03"));
    assert_eq!(
        annotate(&t, Options::default()).title,
        s("Activists jailed, rights body says")
    );
    let t = format!("Activists jailed\n\nBaltic Rights Monitor (BRM); June 3, 2026: {body}");
    let d = dateline_of(&t).unwrap();
    assert_eq!(
        (d.1, d.2, d.3),
        (s("2026-06-03"), None, s("Baltic Rights Monitor"))
    );
    let t = format!("Activists jailed\n\nNordic Faith Watch (NFW) | 3 June 2026\n\n{body}");
    let d = dateline_of(&t).unwrap();
    assert_eq!((d.2, d.3), (None, s("Nordic Faith Watch")));
}

/// "QUETTA: A court …" opens the body: a dateline; "BELARUS: Two fined" is a
/// headline. "Hamilton, Tuesday 4 March" (no year) is a dateline without a date.
#[test]
fn colon_and_yearless_datelines() {
    let body = "An anti-terrorism court on Monday sentenced three men to life imprisonment for the attack.";
    let d = dateline_of(&format!("Three jailed\n\nQUETTA: {body}")).unwrap();
    assert_eq!(d.2, s("Quetta"));
    assert!(dateline_of("BELARUS: Two fined for worship\n\nThe court met.").is_none());
    let t = format!("Fraudster sentenced to home detention\n\nHamilton, Tuesday 4 March\n\n{body}");
    let d = dateline_of(&t).unwrap();
    assert_eq!((d.1, d.2), (None, s("Hamilton")));
    assert_eq!(
        annotate(&t, Options::default()).title,
        s("Fraudster sentenced to home detention")
    );
}

/// Without a date at the top, a closing date line dates the release.
#[test]
fn closing_date_line_dates_the_release() {
    let body = "A man pleaded guilty today to setting fire to a church last summer.";
    let d = annotate(
        &format!("Man Pleads Guilty to Arson\n\nDENVER – {body}\n\nThe case continues.\n\nDated: May 5, 2026\n"),
        Options::default(),
    );
    let dl = d.dateline.unwrap();
    assert_eq!(dl.place.as_deref(), Some("Denver"));
    assert_eq!(
        dl.date.map(|x| x.to_string()).as_deref(),
        Some("2026-05-05")
    );
    let d = annotate(
        &format!("Court Jails Two Fraudsters\n\n{body}\n\nMedia Unit\n12th May, 2026\n"),
        Options::default(),
    );
    assert_eq!(
        d.dateline
            .and_then(|x| x.date)
            .map(|x| x.to_string())
            .as_deref(),
        Some("2026-05-12")
    );
}

/// A sentence-case headline above a longer sentence-case deck is the title; a
/// long headline that ends in an organization word is still one.
#[test]
fn headline_over_deck_and_headline_ending_in_an_org_word() {
    let t = "Court hands two death sentences to market bombers\n\nThree others sentenced to life; one acquitted for want of evidence\n\nBy Sana Qureshi\nPublished: May 5, 2026\n\nQUETTA: An anti-terrorism court on Monday sentenced two men to death for the market bombing.";
    assert_eq!(
        annotate(t, Options::default()).title,
        s("Court hands two death sentences to market bombers")
    );
    let t = "Three Members of Dayton Heroin Ring Sentenced to Federal Prison\n\nDAYTON, Ohio (May 5, 2026) – Three men were sentenced this week in federal court.";
    assert_eq!(
        annotate(t, Options::default()).title,
        s("Three Members of Dayton Heroin Ring Sentenced to Federal Prison")
    );
}

/// "Adv." (a South African advocate's title) does not end a sentence.
#[test]
fn advocate_title_does_not_end_a_sentence() {
    let t = "The regional head, Adv. Lerato Nkosi, welcomed the sentence. The case is closed.";
    assert_eq!(
        split(t),
        [
            "The regional head, Adv. Lerato Nkosi, welcomed the sentence.",
            "The case is closed."
        ]
    );
}

/// Date lines with something around the date: a label and a trailing byline or
/// bullet, a header phrase or byline before it (no place), a bar-separated
/// line with a date part (not navigation, so the headline above stays).
#[test]
fn date_lines_with_labels_bars_and_bylines() {
    let body = "A court in the capital sentenced three activists to five years in prison on Monday, their lawyer said.";
    for (line, date) in [
        ("Posted on May 4, 2026 by Editor", "2026-05-04"),
        ("Published on 4 May 2026 · 3 min read", "2026-05-04"),
        ("For Immediate Release: May 4, 2026", "2026-05-04"),
        ("MEDIA RELEASE | 4 May 2026", "2026-05-04"),
        ("By Omar Haddad | May 4, 2026", "2026-05-04"),
        ("Updates | 4 May 2026 | Vienna", "2026-05-04"),
    ] {
        let t = format!("Activists jailed in the capital\n\n{line}\n\n{body}\n\nMore.\n\nMore.\n\nMore.\n\nMore.");
        let d = annotate(&t, Options::default());
        let dl = d.dateline.as_ref();
        assert_eq!(
            dl.and_then(|x| x.date).map(|x| x.to_string()).as_deref(),
            Some(date),
            "{line}"
        );
        assert_eq!(dl.and_then(|x| x.place.clone()), None, "{line}");
        assert_eq!(d.title, s("Activists jailed in the capital"), "{line}");
    }
}

/// A legal closing line, "Dated this 9th day of June, 2026", dates a release
/// with no date at the top; an issuer's line right above a header date line,
/// under the headline, is no title; an ALL-CAPS Turkish place keeps its letters.
#[test]
fn ordinal_day_closing_line_issuer_above_header_and_turkish_place() {
    let d = annotate(
        "ASSOCIATION DEMANDS RELEASE OF DETAINED PREACHER\n\nThe association condemns the detention of a preacher in Jos.\n\nSigned:\nPastor Danjuma Audu\nSecretary\n\nDated this 9th day of June, 2026\n",
        Options::default(),
    );
    assert_eq!(
        d.dateline
            .and_then(|x| x.date)
            .map(|x| x.to_string())
            .as_deref(),
        Some("2026-06-09")
    );
    let d = annotate(
        "Lawyer handed four years over a speech in Van\n\nLawyers' Association (ÇHD) Van Branch\nPress Statement – 2 June 2026\n\nVAN – A court sentenced a lawyer on Monday.",
        Options::default(),
    );
    assert_eq!(d.title, s("Lawyer handed four years over a speech in Van"));
    let d = annotate(
        "Court jails two journalists\n\nİZMİR, 2 June 2026 – A court jailed two journalists on Monday.",
        Options::default(),
    );
    assert_eq!(d.dateline.and_then(|x| x.place).as_deref(), Some("İzmir"));
}
