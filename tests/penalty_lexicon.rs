//! Penalty words, currencies and subject rules added from reading new releases (Russia, Vietnam,
//! Turkey, Thailand): each entry of `patterns/penalties/` that these tests name must
//! fire. Sentences are written for these tests.

use prex::record::PenaltyOut;
use prex::Pipeline;

fn pens(text: &str) -> Vec<PenaltyOut<'static>> {
    thread_local! {
        static P: Pipeline = Pipeline::with_defaults().unwrap();
    }
    P.with(|p| p.process_str("t.txt", text).penalties)
}

fn find<'a>(ps: &'a [PenaltyOut<'static>], text: &str) -> &'a PenaltyOut<'static> {
    ps.iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no penalty {text:?} in {:?}", texts(ps)))
}

fn texts(ps: &[PenaltyOut]) -> Vec<String> {
    ps.iter().map(|p| p.text.to_string()).collect()
}

#[test]
fn penal_colony_sentences() {
    let ps = pens("A court in Penza sentenced the believer to six years in a general regime prison colony on Tuesday.");
    let p = find(&ps, "six years in a general regime prison colony");
    assert_eq!(p.kind, "imprisonment");
    assert_eq!(p.duration.as_deref(), Some("P6Y"));
    assert_eq!(p.status, "imposed");
    let ps = pens("He was sentenced to eight years in a strict-regime penal colony.");
    assert_eq!(
        find(&ps, "eight years in a strict-regime penal colony")
            .duration
            .as_deref(),
        Some("P8Y")
    );
}

#[test]
fn restriction_of_freedom_is_other() {
    let ps = pens("The court sentenced him to two years of restriction of freedom.");
    let p = find(&ps, "two years of restriction of freedom");
    assert_eq!(p.kind, "other");
    assert_eq!(p.duration.as_deref(), Some("P2Y"));
}

#[test]
fn roubles_dong_lira_baht() {
    for (text, amount, value, code) in [
        (
            "His wife was fined 400,000 roubles by the court.",
            "400,000 roubles",
            400000.0,
            "RUB",
        ),
        (
            "The pastor was fined 30 million dong for holding services.",
            "30 million dong",
            30_000_000.0,
            "VND",
        ),
        (
            "The journalist was fined 50,000 lira.",
            "50,000 lira",
            50000.0,
            "TRY",
        ),
        (
            "The activist was fined 20,000 baht for insulting the court.",
            "20,000 baht",
            20000.0,
            "THB",
        ),
    ] {
        let ps = pens(text);
        let p = ps
            .iter()
            .find(|p| p.kind == "fine")
            .unwrap_or_else(|| panic!("{text}: {:?}", texts(&ps)));
        let a = p.amount.as_ref().expect("amount");
        assert_eq!(a.text, amount, "{text}");
        assert_eq!(a.value.as_f64(), Some(value), "{text}");
        assert_eq!(a.currency, code, "{text}");
    }
}

fn subject(p: &PenaltyOut) -> Option<String> {
    p.subject.as_ref().map(|s| s.text.to_string())
}

#[test]
fn the_sentencer_is_not_the_subject() {
    let ps = pens("The judge also imposed a fine of Rs. 100,000 and sentenced Bhatti to ten years of rigorous imprisonment.");
    let fine = find(&ps, "fine of Rs. 100,000");
    assert_eq!(subject(fine).as_deref(), Some("Bhatti"));
    let ps = pens("The court also ordered two years of probation after his release.");
    assert_eq!(subject(find(&ps, "two years of probation")), None);
    let ps = pens("Under Article 105 of China's Criminal Law, those who incite subversion face up to five years in prison.");
    assert_eq!(subject(find(&ps, "five years in prison")), None);
}

#[test]
fn a_headline_topic_label_is_not_the_subject() {
    let ps = pens("Vietnam: Hmong preacher jailed for four years over propaganda\n\nThe court ruled on Tuesday.");
    let p = find(&ps, "jailed for four years");
    assert_ne!(subject(p).as_deref(), Some("Vietnam"));
    // A list introduced by "sentenced X:" keeps X.
    let ps = pens("Judge Ames sentenced Kohl:\n\n- to a five-year prison term, suspended;\n- to pay a $2,500 fine.");
    assert!(
        ps.len() == 2 && ps.iter().all(|p| subject(p).as_deref() == Some("Kohl")),
        "{:?}",
        ps.iter()
            .map(|p| (p.text.to_string(), subject(p)))
            .collect::<Vec<_>>()
    );
}

#[test]
fn subject_in_markdown_emphasis_and_after_but() {
    let ps = pens("A court in Penza has sentenced **Dmitry Kovalenko**, a 52-year-old believer, to six years in prison.");
    assert_eq!(
        subject(find(&ps, "six years in prison")).as_deref(),
        Some("Dmitry Kovalenko")
    );
    let ps = pens("Most of them were released within two weeks, but church elder Tang Lihua was sentenced in August to two years and six months for illegal business operations.");
    let s = subject(find(&ps, "two years and six months")).unwrap_or_default();
    assert!(s.ends_with("Tang Lihua"), "{s:?}");
    // A relative clause's verb and preposition describe nobody.
    let ps = pens("Farhad Rostami, an Iranian Christian who converted from Islam, was ordered deported by a court.");
    let d = ps
        .iter()
        .find(|p| p.kind == "deportation")
        .expect("deportation");
    assert_eq!(subject(d).as_deref(), Some("Farhad Rostami"));
}

#[test]
fn object_between_fined_and_the_amount() {
    // The verb's object may stand between "fined" and the amount; it is the subject.
    let ps = pens("A district court fined the preacher 45 million dong on Friday.");
    let p = find(&ps, "fined the preacher 45 million dong");
    assert_eq!(p.kind, "fine");
    assert_eq!(
        p.amount.as_ref().and_then(|a| a.value.as_f64()),
        Some(45_000_000.0)
    );
    assert_eq!(subject(p).as_deref(), Some("the preacher"));
    let ps = pens("The magistrate fined Ravi Kumar 20,000 rupees.");
    let p = find(&ps, "fined Ravi Kumar 20,000 rupees");
    assert_eq!(subject(p).as_deref(), Some("Ravi Kumar"));
    // Words that are not a noun phrase keep the amount apart.
    let ps = pens("He was fined after the hearing and paid 500 dollars to the church.");
    assert!(ps.iter().all(|p| p.amount.is_none()), "{:?}", texts(&ps));
}

#[test]
fn travel_ban_with_a_term_is_other() {
    let ps = pens("The court also barred her from leaving the country for three years.");
    let p = find(&ps, "from leaving the country for three years");
    assert_eq!(p.kind, "other");
    assert_eq!(p.duration.as_deref(), Some("P3Y"));
    let ps = pens("He received a five-year travel ban.");
    assert_eq!(
        find(&ps, "five-year travel ban").duration.as_deref(),
        Some("P5Y")
    );
}

#[test]
fn coordinated_sentences_each_with_its_subject() {
    let ps = pens(
        "The judge sentenced Ali Rezaei and Omid Karimi to eight years each, and Sara Ahmadi to three years, for propaganda.",
    );
    let p = find(&ps, "eight years");
    assert_eq!(subject(p).as_deref(), Some("Ali Rezaei and Omid Karimi"));
    let p = find(&ps, "three years");
    assert_eq!(p.duration.as_deref(), Some("P3Y"));
    assert_eq!(subject(p).as_deref(), Some("Sara Ahmadi"));
    // the offense after "…, and C to three years, for" is shared by both
    for text in ["eight years", "three years"] {
        let o = find(&ps, text).offense.as_ref().map(|o| o.text.to_string());
        assert_eq!(o.as_deref(), Some("propaganda"), "{text}");
    }
}

#[test]
fn subjects_skip_time_words_and_a_leading_of() {
    // "On Friday he was sentenced": the time expression is no part of the subject.
    let ps = pens("On Friday he was sentenced at Leeds Crown Court to 16 weeks in prison.");
    assert_eq!(
        subject(find(&ps, "16 weeks in prison")).as_deref(),
        Some("he")
    );
    let ps = pens("Rights groups condemned the sentencing of two Baha'i women to a combined 12 years in prison.");
    assert_eq!(
        subject(find(&ps, "12 years in prison")).as_deref(),
        Some("two Baha'i women")
    );
}

#[test]
fn ringgit_rupiah_and_objects_before_amounts() {
    let ps = pens("The court fined each of them RM2,500 and jailed them for six months.");
    let p = find(&ps, "fined each of them RM2,500");
    assert_eq!(
        p.amount.as_ref().map(|a| a.currency.to_string()).as_deref(),
        Some("MYR")
    );
    assert_eq!(
        find(&ps, "jailed them for six months").duration.as_deref(),
        Some("P6M")
    );
    let ps = pens("He was fined Rp 25 million.");
    let p = find(&ps, "fined Rp 25 million");
    assert_eq!(
        p.amount.as_ref().and_then(|a| a.value.as_f64()),
        Some(25_000_000.0)
    );
    assert_eq!(
        p.amount.as_ref().map(|a| a.currency.to_string()).as_deref(),
        Some("IDR")
    );
}

/// "Each count carried a maximum penalty of …" (prosecutors' style, past tense) is
/// what the law provides; a travel ban with a term is a penalty of kind `other`.
#[test]
fn carried_is_statutory_and_travel_bans_count() {
    let ps = pens("Each count carried a maximum penalty of 20 years in prison.");
    assert_eq!(find(&ps, "20 years in prison").status, "statutory");
    let ps = pens("The blogger was also banned from traveling for five years.");
    let p = find(&ps, "banned from traveling for five years");
    assert_eq!(p.kind, "other");
}

/// "term" is a prison term only where a sentence is imposed, threatened or provided
/// for in its sentence; a loan's or an office's term is none.
#[test]
fn a_term_needs_a_sentencing_cue() {
    let ps = pens("The note is convertible into shares during its one-year term.");
    assert!(ps.is_empty(), "{:?}", texts(&ps));
    let ps = pens("She won a second four-year term as governor in 2019.");
    assert!(ps.is_empty(), "{:?}", texts(&ps));
    let ps = pens("The judge sentenced him to a nine-year term for fraud.");
    assert_eq!(find(&ps, "nine-year term").duration.as_deref(), Some("P9Y"));
    let ps = pens("A violation lets the court order him to serve the five-year term.");
    assert_eq!(find(&ps, "five-year term").status, "imposed");
}

#[test]
fn caned_and_flogged_are_corporal() {
    let ps = pens("Two farmers were caned on Saturday after a court convicted them of gambling.");
    let p = find(&ps, "caned");
    assert_eq!((&*p.kind, &*p.status), ("corporal", "imposed"));
    let ps = pens("A fourth defendant, a driver accused of drinking, would be flogged next week.");
    let p = find(&ps, "flogged");
    assert_eq!((&*p.kind, &*p.status), ("corporal", "potential"));
    // The practice named without a case is no penalty.
    assert!(pens("Caning is a degrading punishment and must end.").is_empty());
}

#[test]
fn a_year_before_to_is_no_range() {
    let ps = pens("The blogger was sentenced in March 2024 to six years in prison.");
    let p = find(&ps, "six years in prison");
    assert_eq!((p.duration.as_deref(), &*p.bound), (Some("P6Y"), "exact"));
    // A true range keeps its upper end.
    let ps = pens("The deacon was sentenced to 4 to 9 years in prison.");
    let p = find(&ps, "4 to 9 years in prison");
    assert_eq!((p.duration.as_deref(), &*p.bound), (Some("P9Y"), "max"));
}

#[test]
fn a_time_between_the_verb_and_to_is_no_subject() {
    let ps = pens("His brother, Omar Said Haddad, was sentenced last week to 30 months in prison.");
    let p = find(&ps, "30 months in prison");
    assert_ne!(subject(p).as_deref(), Some("last week"));
    assert!(subject(p).is_some_and(|s| s.contains("Haddad") || s.contains("brother")));
}

#[test]
fn ordered_x_to_serve_names_x() {
    let ps = pens(
        "Judge Ellen Marsh also ordered Pruitt to serve two years of supervised release and to pay $80,000 in restitution.",
    );
    assert_eq!(
        subject(find(&ps, "two years of supervised release")).as_deref(),
        Some("Pruitt")
    );
    assert_eq!(
        subject(find(&ps, "$80,000 in restitution")).as_deref(),
        Some("Pruitt")
    );
}

#[test]
fn adverb_after_auxiliary_is_no_part_of_the_subject() {
    let ps = pens(
        "Three traders were publicly flogged on Monday after a court convicted them of hoarding.",
    );
    assert_eq!(
        subject(find(&ps, "flogged")).as_deref(),
        Some("Three traders")
    );
}

#[test]
fn appositive_name_after_a_description() {
    let ps = pens(
        "A court sentenced a schoolteacher, Rina Kartika, to three years in prison for blasphemy.",
    );
    assert_eq!(
        subject(find(&ps, "three years in prison")).as_deref(),
        Some("Rina Kartika")
    );
}

#[test]
fn offense_does_not_end_with_a_dangling_preposition() {
    let ps = pens("He was jailed for five years for insulting Islam in a sermon in which he criticised the clergy.");
    let p = find(&ps, "jailed for five years");
    let offense = p.offense.as_ref().map(|o| o.text.to_string());
    assert_eq!(offense.as_deref(), Some("insulting Islam in a sermon"));
}

#[test]
fn what_the_prosecution_sought_is_potential() {
    let ps =
        pens("The court sentenced the editor to four years. Prosecutors had sought nine years.");
    let p = find(&ps, "nine years");
    assert_eq!((&*p.kind, &*p.status), ("imprisonment", "potential"));
    let ps = pens("The prosecution asked for 12 years in prison.");
    assert_eq!(&*find(&ps, "12 years in prison").status, "potential");
    // Other seekers of durations are no prosecution.
    assert!(pens("The family has sought three years of answers.").is_empty());
}

#[test]
fn convicted_them_of_gives_the_offense() {
    let ps = pens(
        "Four youths were flogged on Sunday after a court convicted them of drinking in public.",
    );
    let p = find(&ps, "flogged");
    let offense = p.offense.as_ref().map(|o| o.text.to_string());
    assert_eq!(offense.as_deref(), Some("drinking in public"));
}

#[test]
fn sentenced_x_with_a_relative_clause_to_n_years() {
    let ps = pens("The court sentenced the pastor, who denies the charge, to three years.");
    let p = find(&ps, "three years");
    assert_eq!(
        (&*p.kind, p.duration.as_deref()),
        ("imprisonment", Some("P3Y"))
    );
    assert_eq!(subject(p).as_deref(), Some("the pastor"));
}

fn offense(p: &PenaltyOut) -> Option<String> {
    p.offense.as_ref().map(|o| o.text.to_string())
}

#[test]
fn a_date_before_to_is_no_range() {
    let ps = pens("Her co-defendant was sentenced Jan. 28 to 46 months in prison.");
    let p = find(&ps, "46 months in prison");
    assert_eq!((p.duration.as_deref(), &*p.bound), (Some("P46M"), "exact"));
    // A real range keeps its lower end.
    let ps = pens("He was sentenced on Monday to 3 to 5 years in prison.");
    let p = find(&ps, "3 to 5 years in prison");
    assert_eq!((p.duration.as_deref(), &*p.bound), (Some("P5Y"), "max"));
}

#[test]
fn a_quoted_word_inside_an_offense_is_kept() {
    let ps = pens("She was jailed for two years for spreading “false rumours” online.");
    let p = find(&ps, "jailed for two years");
    assert_eq!(
        offense(p).as_deref(),
        Some("spreading “false rumours” online")
    );
    let ps = pens("She was jailed for two years for spreading \"rumours\".");
    let p = find(&ps, "jailed for two years");
    assert_eq!(offense(p).as_deref(), Some("spreading \"rumours\""));
}

#[test]
fn an_anaphoric_subject_of_carries_is_no_offense() {
    let ps = pens("The latter carries a mandatory two-year sentence.");
    assert_eq!(offense(find(&ps, "two-year sentence")), None);
    // Adjacent statutory cues: the offense ends before the first.
    let ps = pens("Identity theft carries a mandatory two-year sentence.");
    let p = find(&ps, "two-year sentence");
    assert_eq!(offense(p).as_deref(), Some("Identity theft"));
}

#[test]
fn a_range_does_not_lend_its_bound_to_the_next_penalty() {
    let ps = pens("Police placed five members in administrative detention for 10 to 15 days and fined each of them 500 yuan.");
    let p = find(&ps, "fined each of them 500 yuan");
    assert_eq!((&*p.status, &*p.bound), ("imposed", "exact"));
}

#[test]
fn community_orders_and_must_pay() {
    let ps = pens("He had received a 12-month community order in 2023.");
    let p = find(&ps, "12-month community order");
    assert_eq!(
        (&*p.kind, p.duration.as_deref()),
        ("community_service", Some("P12M"))
    );
    let ps = pens("Gaines must pay $3,412,870 in restitution.");
    let p = find(&ps, "$3,412,870 in restitution");
    assert_eq!(
        (&*p.status, subject(p).as_deref()),
        ("imposed", Some("Gaines"))
    );
}

#[test]
fn a_reporting_clause_is_not_the_subject() {
    let ps = pens("The Crown Prosecution Service said Doyle had previously received a 12-month community order.");
    let p = find(&ps, "12-month community order");
    assert_eq!(subject(p).as_deref(), Some("Doyle"));
}

/// Currencies written with their country's adjective, and national currencies of
/// Central Asia, the Caucasus, Africa and the Middle East.
#[test]
fn adjectival_and_more_national_currencies() {
    for (text, amount, code) in [
        (
            "The shop owner was fined 12,000 Turkish lira.",
            "12,000 Turkish lira",
            "TRY",
        ),
        (
            "Minsk, 2 May 2027 — The deacon was fined 2,400 Belarusian roubles.",
            "2,400 Belarusian roubles",
            "BYN",
        ),
        (
            "A court in Khujand fined the preacher 3,000 somoni.",
            "3,000 somoni",
            "TJS",
        ),
        (
            "The blogger was also fined 80,000 ouguiya.",
            "80,000 ouguiya",
            "MRU",
        ),
        (
            "The two men were fined 500,000 Sudanese pounds each.",
            "500,000 Sudanese pounds",
            "SDG",
        ),
    ] {
        let ps = pens(text);
        let p = ps
            .iter()
            .find(|p| p.kind == "fine")
            .unwrap_or_else(|| panic!("{text}: {:?}", texts(&ps)));
        let a = p
            .amount
            .as_ref()
            .unwrap_or_else(|| panic!("{text}: no amount"));
        assert_eq!(
            (a.text.as_ref(), a.currency.as_ref()),
            (amount, code),
            "{text}"
        );
    }
    // Plain "roubles" in a Belarusian release are Belarusian roubles.
    let ps =
        pens("Minsk, 2 May 2027 — A court in Hrodna, Belarus, fined the pastor 1,600 roubles.");
    let p = ps.iter().find(|p| p.kind == "fine").expect("fine");
    assert_eq!(p.amount.as_ref().map(|a| a.currency.as_ref()), Some("BYN"));
}

/// Non-custodial Russian and Belarusian sentences, colonies without "penal",
/// Turkish aggravated life, entry bans and expulsions.
#[test]
fn more_sentences_of_the_former_soviet_union_and_turkey() {
    let ps = pens("The court sentenced the nun to three years of restricted freedom.");
    assert_eq!(find(&ps, "three years of restricted freedom").kind, "other");
    let ps = pens("The organist received eighteen months of correctional labour.");
    let p = find(&ps, "eighteen months of correctional labour");
    assert_eq!(
        (p.kind.as_ref(), p.duration.as_deref()),
        ("forced_labor", Some("P18M"))
    );
    let ps = pens("He was given seven years in a strict-regime colony.");
    assert_eq!(
        find(&ps, "seven years in a strict-regime colony").kind,
        "imprisonment"
    );
    let ps = pens("An Ankara court sentenced the gunman to aggravated life on Friday.");
    let p = find(&ps, "aggravated life");
    assert!(p.life && p.kind == "imprisonment", "{p:?}");
    let ps = pens("The priest was expelled from the country and banned from entering the country for ten years.");
    assert_eq!(find(&ps, "expelled").kind, "deportation");
    let p = find(&ps, "banned from entering the country for ten years");
    assert_eq!(
        (p.kind.as_ref(), p.duration.as_deref()),
        ("other", Some("P10Y"))
    );
}

/// A trigger inside an organization's name names no penalty.
#[test]
fn a_trigger_inside_an_organization_name_is_no_penalty() {
    let ps = pens("The Alliance Against the Death Penalty in Central Asia said the court sentenced him to death.");
    assert_eq!(texts(&ps), ["death"]);
}

/// "should be" / "must be" before a cue make a penalty potential, and the modal is
/// no part of the subject.
#[test]
fn should_and_must_be_are_potential() {
    let ps = pens("The cleric said the blogger should be sentenced to death.");
    let p = find(&ps, "death");
    assert_eq!(p.status, "potential");
    assert_eq!(subject(p).as_deref(), Some("the blogger"));
    let ps = pens("Under the new rule, the owner must be fined 2,000 euros.");
    assert_eq!(
        ps.iter()
            .find(|p| p.kind == "fine")
            .map(|p| p.status.as_ref()),
        Some("potential")
    );
}

/// Ranges whose ends carry their own units, and ranges of counts.
#[test]
fn mixed_unit_and_count_ranges() {
    for (text, span) in [
        (
            "The activist faces from eight months to three years in prison.",
            "from eight months to three years in prison",
        ),
        (
            "Each defendant could receive between nine months and four years in prison.",
            "between nine months and four years in prison",
        ),
    ] {
        let ps = pens(text);
        let p = find(&ps, span);
        assert_eq!(
            (p.duration.as_deref(), p.bound.as_ref(), p.status.as_ref()),
            (
                Some(if span.contains("three") { "P3Y" } else { "P4Y" }),
                "max",
                "potential"
            ),
            "{text}"
        );
    }
    // A compound term with the larger unit first stays one exact duration.
    let ps = pens("The judge sentenced her to four years and nine months in prison.");
    let p = find(&ps, "four years and nine months in prison");
    assert_eq!(
        (p.duration.as_deref(), p.bound.as_ref()),
        (Some("P4Y9M"), "exact")
    );
    let ps = pens("A court in Mashhad sentenced the convert to between 20 and 60 lashes.");
    let p = find(&ps, "between 20 and 60 lashes");
    assert_eq!((p.bound.as_ref(), p.status.as_ref()), ("max", "imposed"));
    let ps = pens("Drinking alcohol is punishable by 40 to 80 lashes.");
    let p = find(&ps, "40 to 80 lashes");
    assert_eq!((p.bound.as_ref(), p.status.as_ref()), ("max", "statutory"));
}

/// A named or plural object between the verb and "for" + term.
#[test]
fn jailed_or_detained_someone_for_a_term() {
    let ps = pens("A district court jailed Daniyar Temirov for six years on Monday.");
    let p = find(&ps, "jailed Daniyar Temirov for six years");
    assert_eq!(
        (p.duration.as_deref(), subject(p).as_deref()),
        (Some("P6Y"), Some("Daniyar Temirov"))
    );
    let ps = pens("Officers detained four worshippers for ten days.");
    let p = find(&ps, "detained four worshippers for ten days");
    assert_eq!(
        (p.kind.as_ref(), p.duration.as_deref()),
        ("detention", Some("P10D"))
    );
    let ps = pens("The tribunal jailed her for life.");
    assert!(ps.iter().any(|p| p.life), "{ps:?}");
    // Not a term: the time the object spent somewhere.
    let ps = pens("Police detained the pastor, who had lived in the city for ten years.");
    assert!(ps.is_empty(), "{ps:?}");
}

/// Ranges written as two terms ("three months to one year"), descending "ranges"
/// that are changes ("from six to four years"), money ranges, and ages.
#[test]
fn term_and_money_ranges_and_ages() {
    let ps = pens("The article provides for four months to two years of imprisonment.");
    let p = find(&ps, "four months to two years of imprisonment");
    assert_eq!(
        (p.duration.as_deref(), p.bound.as_ref()),
        (Some("P2Y"), "max")
    );
    let ps = pens("On appeal the court cut his prison term from eight to five years.");
    let p = find(&ps, "prison term from eight to five years");
    assert_eq!(
        (p.duration.as_deref(), p.bound.as_ref()),
        (Some("P5Y"), "exact")
    );
    let ps = pens("He received 40 lashes under Article 640 and three years of exile.");
    let p = find(&ps, "three years of exile");
    assert_eq!(
        (p.duration.as_deref(), p.bound.as_ref()),
        (Some("P3Y"), "exact")
    );
    let ps = pens("The code sets a fine of between 1,500 and 4,000 dollars.");
    let p = find(&ps, "fine of between 1,500 and 4,000 dollars");
    let a = p.amount.as_ref().expect("amount");
    assert_eq!((a.value.as_f64(), p.bound.as_ref()), (Some(4000.0), "max"));
    let ps = pens("The organizers were fined between $700 and $9,000.");
    let p = find(&ps, "fined between $700 and $9,000");
    assert_eq!(
        p.amount.as_ref().and_then(|a| a.value.as_f64()),
        Some(9000.0)
    );
    let ps = pens("They face fines of 3 to 5 million dollars.");
    let p = find(&ps, "fines of 3 to 5 million dollars");
    assert_eq!(
        p.amount.as_ref().and_then(|a| a.value.as_f64()),
        Some(5_000_000.0)
    );
    // A letter inside a word is no currency prefix ("women" holds no naira "N").
    let ps = pens("The judge fined the women 900 dollars.");
    let p = find(&ps, "fined the women 900 dollars");
    assert_eq!(subject(p).as_deref(), Some("the women"));
    // An age is no term.
    let ps = pens("Two men got three years of probation and a 19-year-old was fined.");
    assert_eq!(texts(&ps), ["three years of probation", "fined"]);
}

/// Kenyan "Sh", plural manats, AZN.
#[test]
fn shillings_and_manats() {
    let ps = pens("NAIROBI, Kenya, 2 June 2026 — The magistrate fined the bishop Sh75,000.");
    let a = find(&ps, "fined the bishop Sh75,000")
        .amount
        .as_ref()
        .expect("amount");
    assert_eq!(
        (a.value.as_f64(), a.currency.as_ref()),
        (Some(75000.0), "KES")
    );
    let ps = pens("BAKU, Azerbaijan, 2 June 2026 — The court fined him 1,500 manats.");
    let a = find(&ps, "fined him 1,500 manats")
        .amount
        .as_ref()
        .expect("amount");
    assert_eq!(a.currency.as_ref(), "AZN");
}

/// A subject phrase stops at an auxiliary, a relative clause holds no subject,
/// and calls to end a punishment name none.
#[test]
fn subjects_stop_at_auxiliaries_and_skip_relative_clauses() {
    let ps = pens("Two were fined and one was sent to administrative detention.");
    let p = find(&ps, "administrative detention");
    assert_eq!(subject(p).as_deref(), Some("one"));
    let ps =
        pens("Her brother, Daulet Ismailov, who edited the newsletter, was fined 90,000 tenge.");
    let p = ps.iter().find(|p| p.kind == "fine").expect("fine");
    assert_ne!(subject(p).as_deref(), Some("edited the newsletter"));
    let ps = pens("Police warned that protesters face fines of up to 50,000 tenge.");
    let p = ps.iter().find(|p| p.kind == "fine").expect("fine");
    assert_eq!(subject(p), None);
    let ps = pens("The group calls on the authorities to end the use of caning and flogging.");
    assert!(ps.is_empty(), "{ps:?}");
}

/// Requested sentences, life written out, administrative arrest and expulsion.
#[test]
fn requested_sentences_arrest_and_expulsion() {
    let ps = pens("Defence counsel had asked the judge for a sentence of 30 months.");
    assert_eq!(find(&ps, "sentence of 30 months").status, "potential");
    let ps = pens("Apostasy is punishable with imprisonment for life under the code.");
    let p = find(&ps, "imprisonment for life");
    assert!(p.life && p.status == "statutory", "{p:?}");
    let ps = pens("Organizers were given ten days of administrative arrest.");
    assert_eq!(
        find(&ps, "ten days of administrative arrest").kind,
        "detention"
    );
    let ps = pens("Non-citizens also face the penalty of expulsion.");
    assert_eq!(find(&ps, "expulsion").kind, "deportation");
}

/// A titled object before the amount, and a place after "deported to".
#[test]
fn titled_objects_and_places_are_not_subjects() {
    let ps = pens("The magistrate fined Bishop Peter Otieno Sh45,000 on Friday.");
    let p = find(&ps, "fined Bishop Peter Otieno Sh45,000");
    assert_eq!(subject(p).as_deref(), Some("Peter Otieno"));
    let ps = pens("The pastor was deported to Armenia in May.");
    let p = find(&ps, "deported");
    assert_ne!(subject(p).as_deref(), Some("Armenia"));
}

/// A term served if a fine is not paid ("or three months in default") is a
/// prison term; "in default" without a penalty cue is not.
#[test]
fn terms_in_default_of_payment() {
    let ps = pens("The two elders were each fined Sh30,000 or four months in default.");
    let p = find(&ps, "four months in default");
    assert_eq!(
        (p.kind.as_ref(), p.duration.as_deref()),
        ("imprisonment", Some("P4M"))
    );
    let ps = pens("The church's landlord was in default for two years.");
    assert!(ps.is_empty(), "{ps:?}");
}

/// A person's name followed by "of" and an organization is the person.
#[test]
fn a_subject_is_the_person_not_the_person_of_the_organization() {
    let ps = pens("The magistrate fined Pastor Daniel Mutua of Living Hope Fellowship KSh 40,000.");
    let p = ps.iter().find(|p| p.kind == "fine").expect("fine");
    assert_eq!(subject(p).as_deref(), Some("Daniel Mutua"));
}

/// An acquittal that sets aside a judgment "which had upheld" a sentence
/// overturns it; "overturned X but upheld a fine" keeps the fine upheld.
#[test]
fn an_overturn_of_a_judgment_that_had_upheld_a_sentence() {
    let ps = pens(
        "The Supreme Court quashed the ruling of the Peshawar High Court, which had upheld the death sentence in 2021.",
    );
    assert_eq!(find(&ps, "death sentence").status, "overturned");
    let ps = pens(
        "The appeals court overturned the prison sentence but upheld a fine of 50,000 dinars.",
    );
    let p = ps.iter().find(|p| p.kind == "fine").expect("fine");
    assert_eq!(p.status, "upheld");
}

/// "for" and a person or people after a penalty names the sentenced, not the
/// offense; "for" and an act stays the offense.
#[test]
fn a_sentence_for_people_names_its_subject() {
    let ps = pens("The appeal court confirmed a ten-year sentence for the evangelist in March.");
    let p = find(&ps, "ten-year sentence");
    assert_eq!(subject(p).as_deref(), Some("the evangelist"));
    assert_eq!(offense(p), None);
    let ps = pens("Court Upholds Death Sentence for Christian Mother");
    let p = find(&ps, "Death Sentence");
    assert_eq!(subject(p).as_deref(), Some("Christian Mother"));
    assert_eq!(offense(p), None);
    let ps = pens("Regional court upholds six-year term for Jehovah's Witness in Omsk");
    assert_eq!(
        subject(find(&ps, "six-year term")).as_deref(),
        Some("Jehovah's Witness")
    );
    let ps = pens("He received a four-year sentence for Christian activities.");
    assert_eq!(
        offense(find(&ps, "four-year sentence")).as_deref(),
        Some("Christian activities")
    );
    let ps = pens("She was jailed for two years for hiding her brother.");
    assert_eq!(
        offense(find(&ps, "jailed for two years")).as_deref(),
        Some("hiding her brother")
    );
}

/// A possessive right before a penalty names its subject ("upheld his sentence").
#[test]
fn a_possessive_before_a_penalty_is_its_subject() {
    let ps = pens(
        "The regional court rejected the appeal of Pastor Oleg Marchenko, 52, and upheld his five-year prison sentence.",
    );
    let p = find(&ps, "five-year prison sentence");
    let s = p.subject.as_ref().expect("subject");
    assert_eq!(s.text, "his");
    assert_eq!(s.canonical.as_deref(), Some("Oleg Marchenko"));
    let ps = pens("Iran's death penalty is applied to apostates.");
    assert_eq!(subject(find(&ps, "death penalty")), None);
}

/// "X, 55, pleaded guilty to ... and was sentenced": the clause before "and"
/// holds the subject even without an auxiliary; "must also pay" is a cue.
#[test]
fn a_subject_before_a_coordinated_clause_without_auxiliary() {
    let ps = pens(
        "Marjorie Pellman, 61, pleaded guilty to mail fraud and was sentenced to three years of probation.",
    );
    assert_eq!(
        subject(find(&ps, "three years of probation")).as_deref(),
        Some("Marjorie Pellman")
    );
    let ps = pens("Marjorie Pellman must also pay a fine of 40,000 roubles.");
    assert_eq!(
        subject(find(&ps, "fine of 40,000 roubles")).as_deref(),
        Some("Marjorie Pellman")
    );
}

/// Bans with a term are penalties of kind other, with the banned as subject;
/// a possessive under an object-taking verb is not the subject.
#[test]
fn bans_with_a_term() {
    let ps = pens("She was banned from educational activity for five years.");
    let p = find(&ps, "from educational activity for five years");
    assert_eq!(p.kind, "other");
    assert_eq!(p.duration.as_deref(), Some("P5Y"));
    assert_eq!(subject(p).as_deref(), Some("She"));
    let ps = pens("The court deprived Pastor Zhou Wenhai of his political rights for three years.");
    let p = find(&ps, "political rights for three years");
    assert_eq!(subject(p).as_deref(), Some("Zhou Wenhai"));
    let ps = pens("Having been banned from preaching, he was sentenced to two years.");
    assert_eq!(subject(find(&ps, "two years")).as_deref(), Some("he"));
}

fn law(p: &PenaltyOut) -> Option<String> {
    p.law.as_ref().map(|o| o.text.to_string())
}

/// A penalty in a law's relative clause belongs to that law, even when another
/// law is nearer after it.
#[test]
fn the_law_of_a_relative_clause() {
    let ps = pens(
        "He was charged under Article 12 of the Security Act, which carries up to life imprisonment, and under Article 4 of the Press Law.",
    );
    let p = find(&ps, "life imprisonment");
    assert_eq!(law(p).as_deref(), Some("Article 12 of the Security Act"));
    let ps = pens(
        "They were charged under Section 9 of the Assembly Act, for which the penalty is up to five years in prison, and Section 2 of the Order.",
    );
    let p = find(&ps, "five years in prison");
    assert_eq!(law(p).as_deref(), Some("Section 9 of the Assembly Act"));
}

/// "Article18" (an organization's name) is no provision; "Article 87 bis 3" is one.
#[test]
fn provision_numbers_need_a_space_and_take_bis_numbers() {
    let ps = pens(
        "According to Article18, at least 40 converts were handed prison sentences last year.",
    );
    assert!(ps.iter().all(|p| p.law.is_none()), "{:?}", texts(&ps));
    let ps = pens("She was given a three-year sentence under Article 87 bis 3 of the Penal Code.");
    let p = find(&ps, "three-year sentence");
    assert_eq!(
        law(p).as_deref(),
        Some("Article 87 bis 3 of the Penal Code")
    );
}

/// The person after a parenthesized aside: "a fine of 20,000 dinars (about 140
/// euros) against X".
#[test]
fn subject_after_an_aside() {
    let ps = pens(
        "The court confirmed a fine of 20,000 dinars (about 140 euros) against Pastor Nadir Belkacem on Monday.",
    );
    let p = find(&ps, "fine of 20,000 dinars");
    assert_eq!(subject(p).as_deref(), Some("Nadir Belkacem"));
}

/// Entries appended on 2026-12-07: "in connection with" ends an offense; "received
/// an additional N years"; a sentence of internal exile; the subject list of
/// "sentenced A, 38, and his wife, B, 34, to five years each ... and one year".
#[test]
fn additional_years_exile_and_connection() {
    let ps = pens(
        "Ramos was sentenced to 41 months in prison for bank fraud in connection with a loan scheme.",
    );
    assert_eq!(
        offense(find(&ps, "41 months in prison")).as_deref(),
        Some("bank fraud")
    );
    let ps = pens("Under the second charge he received an additional four years.");
    let p = find(&ps, "four years");
    assert_eq!(p.kind, "imprisonment");
    assert_eq!(p.duration.as_deref(), Some("P4Y"));
    let ps = pens("In May he began a three-year sentence of internal exile in a remote town.");
    let p = find(&ps, "three-year sentence of internal exile");
    assert_eq!(p.kind, "other");
    assert_eq!(p.duration.as_deref(), Some("P3Y"));
    let ps = pens(
        "The court sentenced Arash Karimi, 41, and his brother, Babak Karimi, 37, to four years each for \"propaganda\" and two years each for \"insulting the leader\".",
    );
    assert_eq!(find(&ps, "four years").duration.as_deref(), Some("P4Y"));
    assert_eq!(find(&ps, "two years").duration.as_deref(), Some("P2Y"));
}

/// A word that only follows a noun (role `after_noun`) starts no subject: "handed
/// sentences [totalling] 12 years" is about the one handed them.
#[test]
fn sentences_totalling_name_no_subject() {
    let ps = pens("Last year she was handed sentences totalling 12 years.");
    let p = find(&ps, "sentences totalling 12 years");
    assert_eq!(p.duration.as_deref(), Some("P12Y"));
    assert_eq!(subject(p).as_deref(), Some("she"));
}

/// Determiners are data (`subject_words.tsv`): a possessive added there is the
/// subject of "upheld [X] sentence" like "his".
#[test]
fn determiners_are_data() {
    let text = "The court upheld thy six-year prison sentence on Monday.";
    let subject_of = |p: &Pipeline| {
        let r = p.process_str("t.txt", text);
        subject(find(&r.penalties, "six-year prison sentence"))
    };
    assert_eq!(subject_of(&Pipeline::with_defaults().unwrap()), None);
    let mut pat = prex::Patterns::embedded();
    let mut words = pat.get("penalties/subject_words.tsv").unwrap().to_string();
    words.push_str("thy\tpossessive\n");
    pat.insert("penalties/subject_words.tsv", words);
    let p = Pipeline::new(&pat, Default::default()).unwrap();
    assert_eq!(subject_of(&p).as_deref(), Some("thy"));
}

/// Entries of 2026-12-07: "must complete/pay" are cues (the subject is found);
/// "and could" ends an offense; "for their role in ..." is an offense; "By
/// Monday" opens a clause and is no subject.
#[test]
fn must_complete_and_could_their_role_and_by() {
    let ps = pens("He must complete 120 hours of unpaid work and pay £300 compensation.");
    assert_eq!(
        subject(find(&ps, "120 hours of unpaid work")).as_deref(),
        Some("He")
    );
    let ps = pens(
        "Officials said the elders would be charged with a criminal offence and could face up to two years in prison.",
    );
    assert_eq!(
        offense(find(&ps, "two years in prison")).as_deref(),
        Some("a criminal offence")
    );
    let ps = pens("A court sentenced three men to death for their role in the murder of a priest.");
    assert_eq!(
        offense(find(&ps, "death")).as_deref(),
        Some("their role in the murder of a priest")
    );
    let ps = pens("By Friday evening, nine had been released, but four were given 12 days of administrative detention.");
    let p = find(&ps, "12 days of administrative detention");
    assert_ne!(subject(p).as_deref(), Some("By"));
}

/// A law joined to a penalty by a `law` connector (connectors.tsv) is its law,
/// even when another law ends right before the penalty.
#[test]
fn the_law_a_connector_joins() {
    let ps = pens(
        "He was sentenced to five years under Section 9 of the Security Act, and two years under Section 4 of the Press Law.",
    );
    assert_eq!(
        law(find(&ps, "two years")).as_deref(),
        Some("Section 4 of the Press Law")
    );
}

/// Two people with ages (and home towns) between them are one coordinated
/// subject, before the verb and after it.
#[test]
fn coordinated_subjects_with_ages() {
    let ps = pens(
        "Darnell Fisk, 45, of Tulsa, and Corinne Vale, 38, of Wichita, were each sentenced to six years in prison.",
    );
    assert_eq!(
        subject(find(&ps, "six years in prison")).as_deref(),
        Some("Darnell Fisk, 45, of Tulsa, and Corinne Vale")
    );
    let ps = pens(
        "The court sentenced Arman Tovmasyan, 52, and his wife, Lusine Tovmasyan, 49, to four years in prison.",
    );
    assert_eq!(
        subject(find(&ps, "four years in prison")).as_deref(),
        Some("Arman Tovmasyan, 52, and his wife, Lusine Tovmasyan")
    );
    // a name after a semicolon stands alone
    let ps = pens(
        "Police held Tom Reyes, 30, and the driver; Corinne Vale, 38, was sentenced to six years in prison.",
    );
    assert_eq!(
        subject(find(&ps, "six years in prison")).as_deref(),
        Some("Corinne Vale")
    );
}

/// A statutory term with no penalty word: "punishable by up to N years",
/// "carries a maximum penalty of N years", "carries up to N years".
#[test]
fn statutory_terms_without_a_penalty_word() {
    for (text, term, dur) in [
        (
            "Under the ordinance, sharing such a cartoon is punishable by up to four years.",
            "four years",
            "P4Y",
        ),
        (
            "Paragraph 3 of the decree carries a maximum penalty of twelve years.",
            "twelve years",
            "P12Y",
        ),
        (
            "The charge carries up to eight years.",
            "eight years",
            "P8Y",
        ),
    ] {
        let ps = pens(text);
        let p = find(&ps, term);
        assert_eq!(p.kind, "imprisonment", "{text}");
        assert_eq!(p.duration.as_deref(), Some(dur), "{text}");
        assert_eq!((&*p.status, &*p.bound), ("statutory", "max"), "{text}");
    }
}

/// What prosecutors asked for is potential; a bare term someone received is
/// imposed, but "received three years of training" is no penalty.
#[test]
fn terms_asked_for_and_received() {
    let ps = pens("The state prosecutor had asked for nine years.");
    assert_eq!(find(&ps, "nine years").status, "potential");
    let ps =
        pens("Her co-defendant, Tomas Leiva, 41, received six years for “illicit enrichment”.");
    let p = find(&ps, "six years");
    assert_eq!((&*p.kind, &*p.status), ("imprisonment", "imposed"));
    assert_eq!(subject(p).as_deref(), Some("Tomas Leiva"));
    assert!(pens("The nurse received three years of training in Lyon.").is_empty());
}

/// Legal drafting: "shall be sentenced to … and fined", "the punishment is …"
/// describe what a code provides; the offense stops before "shall".
#[test]
fn shall_be_sentenced_is_statutory() {
    let ps = pens(
        "The defendants were convicted under Article 88, which provides that anyone who forges ballots shall be sentenced to between two and six years in prison and fined.",
    );
    let fine = find(&ps, "fined");
    assert_eq!(fine.status, "statutory");
    assert_eq!(subject(fine), None);
    let term = find(&ps, "between two and six years in prison");
    assert_eq!(term.status, "statutory");
    assert_eq!(offense(term).as_deref(), Some("forges ballots"));
    let ps = pens("In aggravated cases the punishment is imprisonment of no less than ten years.");
    let p = find(&ps, "imprisonment of no less than ten years");
    assert_eq!((&*p.status, &*p.bound), ("statutory", "min"));
}

/// A term in a labour camp of a named regime is one penalty; a transfer to a
/// camp is no new penalty.
#[test]
fn labour_camp_regimes_and_transfers() {
    let ps =
        pens("The city court sentenced Dovlet Amanov to two years in a strict-regime labour camp.");
    assert_eq!(texts(&ps), ["two years in a strict-regime labour camp"]);
    assert_eq!(ps[0].duration.as_deref(), Some("P2Y"));
    let ps = pens(
        "He will be transferred to the general-regime labour camp in Seydi, where other objectors served their sentences.",
    );
    assert!(ps.is_empty(), "{:?}", texts(&ps));
}

/// A headline's "Country:" label introduces the clause after it: the subject is
/// what follows the colon.
#[test]
fn subject_after_a_headline_label() {
    let ps = pens(
        "Belarus: Retired teacher sentenced to four years over online comments\n\nVilnius, 3 March 2025 – Text.",
    );
    assert_eq!(
        subject(find(&ps, "four years")).as_deref(),
        Some("Retired teacher")
    );
}

/// Several terms imposed at once ("sentenced six men to prison terms of up to nine
/// years") keep their "up to" as a bound, not a threat (trigger flag `plural`);
/// without an imposing cue the same words stay a threat.
#[test]
fn plural_terms_up_to_under_a_sentencing_cue() {
    let ps = pens(
        "The tribunal sentenced six organisers to prison terms of up to nine years for sedition.",
    );
    let p = find(&ps, "prison terms of up to nine years");
    assert_eq!((&*p.status, &*p.bound), ("imposed", "max"));
    let ps = pens("Converts in the province face prison terms of up to nine years.");
    assert_eq!(
        find(&ps, "prison terms of up to nine years").status,
        "potential"
    );
}

/// "awarded" imposes ("He was awarded rigorous imprisonment"), "and handed" ends
/// an offense, and a possessed noun after "handed" is the subject ("handed his
/// co-accused rigorous imprisonment of 10 years").
#[test]
fn awarded_and_handed_a_possessed_object() {
    let ps = pens("She was awarded rigorous imprisonment of seven years by the sessions court.");
    let p = find(&ps, "rigorous imprisonment of seven years");
    assert_eq!(
        (&*p.status, subject(p).as_deref()),
        ("imposed", Some("She"))
    );
    let ps = pens(
        "The tribunal sentenced a 40-year-old trader to death for insulting a saint and handed his nephew rigorous imprisonment of 12 years.",
    );
    let p = find(&ps, "rigorous imprisonment of 12 years");
    assert_eq!(subject(p).as_deref(), Some("his nephew"));
    assert_eq!(offense(p).as_deref(), Some("insulting a saint"));
}

/// "180 days in county jail", "12 years' corrective training" are one penalty
/// each; a pronoun after an opening frame is the subject ("At the time of his
/// plea, he faced …").
#[test]
fn county_jail_corrective_training_and_a_framed_pronoun() {
    let ps =
        pens("The judge sentenced Orvell to 90 days in county jail and two years of probation.");
    assert_eq!(find(&ps, "90 days in county jail").kind, "imprisonment");
    let ps = pens("The habitual offender was sentenced to nine years' corrective training.");
    assert_eq!(
        find(&ps, "nine years' corrective training")
            .duration
            .as_deref(),
        Some("P9Y")
    );
    let ps = pens("At the time of his plea, he faced up to ten years in prison.");
    assert_eq!(
        subject(find(&ps, "ten years in prison")).as_deref(),
        Some("he")
    );
}

/// A headline clause that ends in its own verb ("Muslim reading group fined,") is
/// no subject of the next penalty; "five years with hard labour" is one penalty;
/// an acquittal across ", while" does not overturn the other clause's sentences;
/// "acquitted him of X" has the subject "him".
#[test]
fn clauses_with_their_own_verbs_and_contrasts() {
    let ps = pens("Uzbekistan: Sufi study circle fined, Naqshbandi imam jailed for 15 days\n\nTashkent, 4 May 2025 – Text.");
    assert_eq!(
        subject(find(&ps, "jailed for 15 days")).as_deref(),
        Some("Naqshbandi imam")
    );
    let ps = pens(
        "Ayman Fouad, 44, was sentenced to seven years with hard labour for insulting religion.",
    );
    assert_eq!(
        find(&ps, "seven years with hard labour").kind,
        "forced_labor"
    );
    let ps = pens("Four men were acquitted, while three others received suspended two-year sentences for arson.");
    assert_eq!(find(&ps, "two-year sentences").status, "imposed");
    let ps = pens("The high court acquitted her of apostasy, overturning the death sentence.");
    assert_eq!(subject(find(&ps, "death sentence")).as_deref(), Some("her"));
}

/// A lowercase quantifier may open a subject after a clause word
/// (subject_words.tsv role `quantifier`).
#[test]
fn quantified_subjects() {
    let ps = pens("The tribunal said each man was sentenced to 60 lashes.");
    assert_eq!(subject(find(&ps, "60 lashes")).as_deref(), Some("each man"));
    let ps = pens("Witnesses said three converts were jailed for four years.");
    assert_eq!(
        subject(find(&ps, "jailed for four years")).as_deref(),
        Some("three converts")
    );
}

/// Terms of three parts ("1 year, 6 months and 22 days", "3-year-and-9-month"),
/// an age between the verb's object and its term, "given to [journalist X]",
/// life terms after "rigorous imprisonment", statutory minimum and "may extend to"
/// bounds, and "the maximum penalty for X is …".
#[test]
fn compound_terms_and_statutory_phrasing() {
    let ps = pens("The court sentenced her to 2 years, 4 months and 15 days in prison.");
    assert_eq!(
        find(&ps, "2 years, 4 months and 15 days in prison")
            .duration
            .as_deref(),
        Some("P2Y4M15D")
    );
    let ps = pens("The appeals court upheld the 2-year-and-6-month prison sentence given to reporter Selin Aksoy.");
    let p = find(&ps, "2-year-and-6-month prison sentence");
    assert_eq!(p.duration.as_deref(), Some("P2Y6M"));
    assert_eq!(subject(p).as_deref(), Some("reporter Selin Aksoy"));
    let ps = pens("The judge jailed Lam Wing-kei, 52, for three years and one month.");
    let p = find(
        &ps,
        "jailed Lam Wing-kei, 52, for three years and one month",
    );
    assert_eq!(p.duration.as_deref(), Some("P3Y1M"));
    let ps = pens("The court fined Aliaksei Sinko, 58, 4,000 Belarusian rubles.");
    assert_eq!(
        find(&ps, "fined Aliaksei Sinko, 58, 4,000 Belarusian rubles")
            .amount
            .as_ref()
            .and_then(|a| a.value.as_f64()),
        Some(4000.0)
    );
    let ps = pens("The third accused was awarded rigorous imprisonment for life.");
    assert!(find(&ps, "rigorous imprisonment for life").life);
    let ps = pens("The offence carries a minimum punishment of seven years' imprisonment, which may extend to ten years.");
    assert_eq!(find(&ps, "seven years' imprisonment").bound, "min");
    let ps = pens(
        "The maximum penalty for trafficking a marketable quantity is 15 years' imprisonment.",
    );
    assert_eq!(find(&ps, "15 years' imprisonment").status, "statutory");
    let ps = pens("He was also ordered to pay a £114 victim surcharge.");
    assert_eq!(find(&ps, "£114 victim surcharge").kind, "fine");
}

/// ISO currency codes before an amount ("PHP 2,000,000"), Philippine penalty names
/// (reclusion perpetua is a life term), damages "as" a kind of award, and a
/// judge named after a sentencer word ("Syariah High Court judge X") imposes,
/// never receives.
#[test]
fn codes_philippine_terms_and_sentencer_titles() {
    let ps = pens("The court ordered them to pay a fine of PHP 2,000,000 each.");
    let a = find(&ps, "fine of PHP 2,000,000")
        .amount
        .as_ref()
        .expect("amount");
    assert_eq!((a.value.as_f64(), &*a.currency), (Some(2_000_000.0), "PHP"));
    let ps = pens("The court sentenced the couple to reclusion perpetua.");
    assert!(find(&ps, "reclusion perpetua").life);
    let ps = pens("He must pay PHP 300,000 as moral damages.");
    assert_eq!(
        find(&ps, "PHP 300,000 as moral damages").kind,
        "restitution"
    );
    let ps = pens("Sessions Court judge Datuk Amran Yusof also imposed a fine of RM3,000 on the second charge.");
    assert_eq!(subject(find(&ps, "fine of RM3,000")), None);
}

/// A byline's writer is nobody's antecedent.
#[test]
fn byline_is_no_antecedent() {
    let ps = pens("Two fined in Kelantan\n\nBy Aisyah Rahman\n\nKOTA BHARU, Oct 2 — A court today fined him RM4,000.");
    let p = find(&ps, "fined him RM4,000");
    assert_eq!(
        p.subject.as_ref().and_then(|s| s.canonical.as_deref()),
        None
    );
}

/// "The death penalty is incompatible with …" states a view, no penalty; with a
/// status cue in the sentence it is one.
#[test]
fn penalty_as_subject_of_a_general_statement() {
    let ps = pens("The rapporteur said the death penalty is incompatible with human dignity.");
    assert!(ps.is_empty(), "{:?}", texts(&ps));
    let ps = pens("In Mauritania the death penalty is mandatory for apostasy.");
    assert_eq!(find(&ps, "death penalty").status, "statutory");
}

/// Counted subjects ("handed three believers …", "Each received …"), statutory
/// "can be punished by more than …" (a minimum), and a request is no sentence.
#[test]
fn counted_subjects_minimums_and_requests() {
    let ps = pens("The court handed four fellow worshippers suspended sentences.");
    assert_eq!(
        subject(find(&ps, "suspended sentences")).as_deref(),
        Some("four fellow worshippers")
    );
    let ps = pens("Each received a suspended sentence of two years.");
    assert_eq!(
        subject(find(&ps, "suspended sentence of two years")).as_deref(),
        Some("Each")
    );
    let ps = pens("Embezzlement can be punished by more than seven years' imprisonment.");
    let p = find(&ps, "seven years' imprisonment");
    assert_eq!((&*p.status, &*p.bound), ("statutory", "min"));
    let ps = pens("The judge rejected a defence request for a sentence of 30 months.");
    assert_eq!(find(&ps, "sentence of 30 months").status, "potential");
}

/// An opening "Under" is no word of the law's name.
#[test]
fn law_after_opening_under() {
    let ps = pens("Under Iran's Islamic Penal Code, apostasy is punishable by death.");
    let law = find(&ps, "death").law.as_ref().map(|l| l.text.to_string());
    assert_eq!(law.as_deref(), Some("Iran's Islamic Penal Code"));
}

/// A law is no subject; a generic clause before "faces" makes a statutory
/// penalty, as does a generic offender.
#[test]
fn generic_clauses_under_a_law_are_statutory() {
    let ps = pens(
        "Under the Prevention of Extremism Act, anyone who shares such material faces up to eight years in prison.",
    );
    let p = find(&ps, "eight years in prison");
    assert_eq!((&*p.status, &*p.bound), ("statutory", "max"));
    assert!(p.subject.is_none());
    let ps = pens("An offender can be caned and jailed for up to seven years.");
    assert_eq!(
        find(&ps, "jailed for up to seven years").status,
        "statutory"
    );
    let ps = pens("Under the new rules, Farid Haidari faces up to eight years in prison.");
    assert_eq!(find(&ps, "eight years in prison").status, "potential");
}

/// "a minimum fine", "The maximum penalty for X is"; taka written "Tk"; a
/// reporting "confirmed that" upholds nothing.
#[test]
fn bounds_taka_and_reported_confirmations() {
    let ps = pens("Offenders face a minimum fine of Rs 20,000.");
    assert_eq!(find(&ps, "fine of Rs 20,000").bound, "min");
    let ps = pens("The maximum penalty for defacing a shrine is seven years in prison.");
    let p = find(&ps, "seven years in prison");
    assert_eq!((&*p.status, &*p.bound), ("statutory", "max"));
    let ps = pens("The tribunal in Sylhet also fined him Tk 2 lakh.");
    let a = find(&ps, "fined him Tk 2 lakh").amount.as_ref().unwrap();
    assert_eq!((a.value.as_f64(), &*a.currency), (Some(200000.0), "BDT"));
    let ps =
        pens("Police confirmed that a court had sentenced Omar Farouk to six years in prison.");
    assert_eq!(find(&ps, "six years in prison").status, "imposed");
}

/// "in serious cases" names a degree, not an offense; "punishes X with" names
/// the offense X.
#[test]
fn degrees_are_no_offenses_and_punishes_with() {
    let ps = pens("Article 290 provides up to seven years in prison in especially serious cases.");
    assert!(find(&ps, "seven years in prison").offense.is_none());
    let ps =
        pens("Article 225 punishes illegal business operations with up to five years in prison.");
    let o = find(&ps, "five years in prison")
        .offense
        .as_ref()
        .map(|o| o.text.to_string());
    assert_eq!(o.as_deref(), Some("illegal business operations"));
}

/// Civil penalties, non-parole periods, good behaviour bonds, restraining and
/// confiscation orders, firearms prohibitions, probationary periods, curfews.
#[test]
fn orders_bonds_and_civil_penalties() {
    let ps = pens("The founder was ordered to pay a civil penalty of $400,000.");
    let p = find(&ps, "civil penalty of $400,000");
    assert_eq!((&*p.kind, &*p.status), ("fine", "imposed"));
    let ps = pens("Judge Wass set a non-parole period of three years and two months.");
    let p = find(&ps, "non-parole period of three years and two months");
    assert_eq!(
        (&*p.kind, p.duration.as_deref()),
        ("imprisonment", Some("P3Y2M"))
    );
    let ps = pens("Hale was placed on an 18-month good behaviour bond.");
    assert_eq!(find(&ps, "18-month good behaviour bond").kind, "probation");
    let ps = pens("The court also imposed a restraining order for three years.");
    assert_eq!(find(&ps, "restraining order for three years").kind, "other");
    let ps = pens("The judge made a confiscation order of £86,500.");
    assert_eq!(
        find(&ps, "confiscation order of £86,500").kind,
        "forfeiture"
    );
    let ps = pens("He was also ordered to observe a curfew for four months.");
    assert_eq!(find(&ps, "curfew for four months").kind, "other");
    assert!(pens("The curfew lasted for two weeks after the riots.").is_empty());
}

/// "6 years 3 months" (no "and") is one term.
#[test]
fn compound_term_without_and() {
    let ps = pens("The court sentenced the reporter to 6 years 3 months in prison.");
    assert_eq!(
        find(&ps, "6 years 3 months in prison").duration.as_deref(),
        Some("P6Y3M")
    );
}

/// A fined person's appositive name or place stands between "fined" and the
/// amount.
#[test]
fn fined_object_with_appositive_or_place() {
    let ps = pens("Officials fined the landlord, Mr. Zhou Jian, 10,000 yuan.");
    let a = find(&ps, "fined the landlord, Mr. Zhou Jian, 10,000 yuan")
        .amount
        .as_ref()
        .unwrap();
    assert_eq!(&*a.currency, "CNY");
    let ps = pens("The court fined two members of the church in Bejaia 100,000 dinars each.");
    let p = find(
        &ps,
        "fined two members of the church in Bejaia 100,000 dinars",
    );
    assert_eq!(
        p.amount.as_ref().and_then(|a| a.value.as_f64()),
        Some(100000.0)
    );
}

/// "six-year colony term" and "a labour colony for three years" are prison
/// terms.
#[test]
fn colony_terms() {
    let ps = pens("Jehovah's Witness given six-year colony term in Tomsk");
    assert_eq!(
        find(&ps, "six-year colony term").duration.as_deref(),
        Some("P6Y")
    );
    let ps = pens("The court sent him to a labour colony for three years.");
    assert_eq!(
        find(&ps, "labour colony for three years").kind,
        "imprisonment"
    );
}

/// Money orders: paying back, reparation, money judgments, disgorgement,
/// criminal penalties; "R" and "SR" amounts, a space between thousands.
#[test]
fn money_orders_and_amounts() {
    let ps = pens("Dlamini was also ordered to pay R275 000 to the provincial department.");
    let p = find(&ps, "pay R275 000");
    assert_eq!(p.kind, "restitution");
    let a = p.amount.as_ref().unwrap();
    assert_eq!(a.value.as_f64(), Some(275000.0));
    assert_eq!(&*a.currency, "ZAR");
    let ps = pens("The magistrate ordered her to pay KSh 90,000, the sum she had taken.");
    assert_eq!(find(&ps, "pay KSh 90,000").kind, "restitution");
    let ps = pens("Both clerks were ordered to repay $18,300 apiece.");
    assert_eq!(find(&ps, "repay $18,300").kind, "restitution");
    let ps = pens("Okafor was ordered to restitute the sum of $7,900 to the bank.");
    assert_eq!(find(&ps, "restitute the sum of $7,900").kind, "restitution");
    let ps = pens("He must pay reparation of NZ$12,000 to the family.");
    assert_eq!(find(&ps, "reparation of NZ$12,000").kind, "restitution");
    let ps = pens("The judge entered a money judgment of $310,000 against Harlan.");
    assert_eq!(find(&ps, "money judgment of $310,000").kind, "forfeiture");
    let ps = pens("Under the deal, Borealis will pay a criminal penalty of $14.8 million.");
    let p = find(&ps, "criminal penalty of $14.8 million");
    assert_eq!(p.kind, "fine");
    assert_eq!(
        p.amount.as_ref().and_then(|a| a.value.as_f64()),
        Some(14800000.0)
    );
    let ps = pens("The firm agreed to pay $3.1 million in disgorgement and $0.4 million in prejudgment interest.");
    assert_eq!(find(&ps, "$3.1 million in disgorgement").kind, "forfeiture");
    assert_eq!(
        find(&ps, "$0.4 million in prejudgment interest").kind,
        "restitution"
    );
    let ps =
        pens("The regulator seeks disgorgement and civil money penalties against the two brokers.");
    assert_eq!(find(&ps, "civil money penalties").kind, "fine");
    let ps =
        pens("The court also granted a confiscation order of R2.6 million against the couple.");
    assert_eq!(
        find(&ps, "confiscation order of R2.6 million")
            .amount
            .as_ref()
            .and_then(|a| a.value.as_f64()),
        Some(2600000.0)
    );
    let ps = pens("Offenders are liable to fines of up to SR3 million under the statute.");
    let p = find(&ps, "fines of up to SR3 million");
    assert_eq!(
        p.amount.as_ref().map(|a| a.currency.to_string()).as_deref(),
        Some("SAR")
    );
    assert_eq!(p.bound, "max");
}

/// Removal, time served, community work, bans, corporal strokes, stoning,
/// nationality stripped, exclusion from programs, life without parole.
#[test]
fn other_orders() {
    let ps = pens("A citizen of Peru, Quispe will be deported to Peru after his sentence.");
    let p = find(&ps, "deported");
    assert_eq!(p.kind, "deportation");
    // (the clause's subject, not the country: a passive penalty verb with no cue)
    assert_eq!(p.subject.as_ref().map(|s| s.text.as_ref()), Some("Quispe"));
    let ps = pens("He was ordered removed from the country.");
    assert_eq!(find(&ps, "removed").kind, "deportation");
    let ps = pens("Marisol Vega, 33, was sentenced to time served for the misdemeanor.");
    assert_eq!(find(&ps, "time served").kind, "imprisonment");
    let ps = pens("Tane Horomona was sentenced to 150 hours of community work.");
    let p = find(&ps, "150 hours of community work");
    assert_eq!(p.kind, "community_service");
    assert_eq!(p.duration.as_deref(), Some("PT150H"));
    let ps = pens("Mwangi is also barred from holding public office for seven years.");
    let p = find(&ps, "from holding public office for seven years");
    assert_eq!(
        (p.kind.as_ref(), p.duration.as_deref()),
        ("other", Some("P7Y"))
    );
    let ps = pens(
        "The court sentenced Al-Harbi to 12 years in prison and a 12-year ban on travel abroad.",
    );
    assert_eq!(
        find(&ps, "12-year ban on travel abroad")
            .duration
            .as_deref(),
        Some("P12Y")
    );
    let ps = pens("In 2019 Seitkali was banned from religious activity for 2 years.");
    assert_eq!(
        find(&ps, "from religious activity for 2 years").kind,
        "other"
    );
    let ps = pens("She must engage with the Probation Service for 12 months after release.");
    assert_eq!(
        find(&ps, "Probation Service for 12 months").kind,
        "probation"
    );
    let ps = pens("The two women received 40 strokes each in front of the mosque.");
    assert_eq!(find(&ps, "40 strokes").kind, "corporal");
    let ps = pens("Under the code, a married adulterer could face death by stoning.");
    assert_eq!(find(&ps, "death by stoning").kind, "death");
    let ps = pens("The decree stripped of nationality nine exiled critics, the ministry said.");
    assert_eq!(find(&ps, "stripped of nationality").kind, "other");
    let ps =
        pens("The clinic owner will be excluded from participating in federal health programs.");
    assert_eq!(find(&ps, "excluded from participating").kind, "other");
    let ps =
        pens("In Ohio, aggravated murder carries a mandatory sentence of life without parole.");
    let p = find(&ps, "life without parole");
    assert!(p.life);
    assert_eq!(p.status, "statutory");
    let ps =
        pens("Dorsey was sentenced to life in prison without the possibility of parole on Monday.");
    assert!(find(&ps, "life in prison without the possibility of parole").life);
    let ps = pens("Ndlovu was sentenced to an effective 9 years' direct imprisonment.");
    assert_eq!(
        find(&ps, "9 years' direct imprisonment")
            .duration
            .as_deref(),
        Some("P9Y")
    );
}

#[test]
fn a_ban_on_leaving_the_country_with_its_term() {
    let ps =
        pens("The court also gave the activist's brother a three-year ban on leaving the country.");
    let p = find(&ps, "three-year ban on leaving the country");
    assert_eq!(p.kind, "other");
    assert_eq!(p.duration.as_deref(), Some("P3Y"));
}

#[test]
fn a_death_sentence_as_a_figure_of_speech_is_none() {
    let ps = pens(
        "\"At eighty, a twelve-year term is a death sentence in all but name,\" her daughter said.",
    );
    assert!(ps.iter().all(|p| p.kind != "death"), "{:?}", texts(&ps));
    let ps =
        pens("\"For a frail prisoner, that ruling amounts to a death sentence,\" the group said.");
    assert!(ps.is_empty(), "{:?}", texts(&ps));
}
