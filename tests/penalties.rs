//! Penalty extraction: one test per phenomenon of the penalties issue. All
//! sentences are written for these tests.

use std::sync::Arc;

use prex::document::{Document, Entity, Format, Label, Span};
use prex::penalties::PenaltyExtractor;
use prex::record::PenaltyOut;
use prex::{Patterns, Pipeline};

fn pens(text: &str) -> Vec<PenaltyOut<'static>> {
    thread_local! {
        static P: Pipeline = Pipeline::with_defaults().unwrap();
    }
    P.with(|p| p.process_str("t.txt", text).penalties)
}

fn one(text: &str) -> PenaltyOut<'static> {
    let ps = pens(text);
    assert_eq!(
        ps.len(),
        1,
        "{text}: {:#?}",
        ps.iter().map(|p| &p.text).collect::<Vec<_>>()
    );
    ps.into_iter().next().unwrap()
}

fn sub<'a>(p: &'a PenaltyOut<'_>) -> Option<&'a str> {
    p.subject.as_ref().map(|s| s.text.as_ref())
}
fn off<'a>(p: &'a PenaltyOut<'_>) -> Option<&'a str> {
    p.offense.as_ref().map(|s| s.text.as_ref())
}
fn law<'a>(p: &'a PenaltyOut<'_>) -> Option<&'a str> {
    p.law.as_ref().map(|s| s.text.as_ref())
}
fn money(p: &PenaltyOut) -> (String, String) {
    let a = p.amount.as_ref().expect("amount");
    (a.value.to_string(), a.currency.to_string())
}

// ---- the seed style: a law creating a penalty ----

#[test]
fn statutory_hyphenated_duration_with_law_and_offense_nearby() {
    let t = "Lawmakers passed a law that criminalizes the sending of leaflets to the North. \
             The law creates a three-year prison sentence for what used to be common. \
             The anti-leaflet law was criticized.";
    let p = one(t);
    assert_eq!(p.text, "three-year prison sentence");
    assert_eq!(p.kind, "imprisonment");
    assert_eq!(p.duration.as_deref(), Some("P3Y"));
    assert_eq!(p.status, "statutory");
    assert_eq!(p.bound, "exact");
    assert_eq!(p.subject, None);
    assert_eq!(off(&p), Some("the sending of leaflets to the North"));
    assert_eq!(law(&p), Some("anti-leaflet law"));
}

// ---- prosecutor style ----

#[test]
fn prosecutor_sentencing_with_three_penalties() {
    let t = "John Roe, 52, of Springfield, was sentenced today to 57 months in prison, followed by \
             three years of supervised release, and ordered to pay $1.2 million in restitution for wire fraud.";
    let ps = pens(t);
    let texts: Vec<_> = ps.iter().map(|p| p.text.as_ref()).collect();
    assert_eq!(
        texts,
        [
            "57 months in prison",
            "three years of supervised release",
            "$1.2 million in restitution"
        ]
    );
    assert_eq!(ps[0].duration.as_deref(), Some("P57M"));
    assert_eq!(ps[1].kind, "supervised_release");
    assert_eq!(ps[1].duration.as_deref(), Some("P3Y"));
    assert_eq!(ps[2].kind, "restitution");
    assert_eq!(money(&ps[2]), ("1200000".into(), "USD".into()));
    for p in &ps {
        assert_eq!(p.status, "imposed");
        assert_eq!(sub(p), Some("John Roe"));
        assert_eq!(off(p), Some("wire fraud"));
    }
}

#[test]
fn offense_goes_on_through_a_kept_phrase() {
    // "with" ends an offense ("blasphemy with ..."), but offense_stops.txt keeps
    // "with intent to" and "with a dangerous weapon" inside one
    let p = one(
        "A Dayton woman was sentenced to 87 months in prison for possession with \
                 intent to distribute methamphetamine, prosecutors said.",
    );
    assert_eq!(
        off(&p),
        Some("possession with intent to distribute methamphetamine")
    );
    let p = one("He was sentenced to six years in prison for assault with a dangerous weapon.");
    assert_eq!(off(&p), Some("assault with a dangerous weapon"));
}

#[test]
fn prosecutor_maximum_penalty_is_potential_and_max() {
    let t = "If convicted of bank fraud, Smith faces a maximum penalty of 20 years in prison and a $250,000 fine.";
    let ps = pens(t);
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[0].text, "20 years in prison");
    assert_eq!(ps[1].text, "$250,000 fine");
    assert_eq!(money(&ps[1]), ("250000".into(), "USD".into()));
    for p in &ps {
        assert_eq!(p.status, "potential");
        assert_eq!(p.bound, "max");
        assert_eq!(sub(p), Some("Smith"));
        assert_eq!(off(p), Some("bank fraud"));
    }
}

#[test]
fn charge_carries_statutory_maximum() {
    let t = "The charge of money laundering carries a maximum sentence of 10 years in prison.";
    let p = one(t);
    assert_eq!(p.status, "statutory");
    assert_eq!(p.bound, "max");
    assert_eq!(off(&p), Some("money laundering"));
}

#[test]
fn mandatory_minimum_is_min() {
    let p = one("The offense carries a mandatory minimum of five years in prison.");
    assert_eq!(p.bound, "min");
    assert_eq!(p.status, "statutory");
    let p = one("She faces at least two years in prison.");
    assert_eq!(p.bound, "min");
    assert_eq!(p.status, "potential");
}

// ---- NGO style ----

#[test]
fn sentenced_to_death_for_blasphemy() {
    let t = "Haroon Ayub Masih and Salamat Mansha Masih were sentenced to death for blasphemy \
             under Section 295-C of the Pakistan Penal Code.";
    let p = one(t);
    assert_eq!(p.text, "death");
    assert_eq!(p.kind, "death");
    assert_eq!(p.status, "imposed");
    assert_eq!(sub(&p), Some("Haroon Ayub Masih and Salamat Mansha Masih"));
    assert_eq!(off(&p), Some("blasphemy"));
    assert_eq!(law(&p), Some("Section 295-C of the Pakistan Penal Code"));
}

#[test]
fn active_voice_subject() {
    let p = one("On Monday a court in Lahore sentenced the couple to death.");
    assert_eq!(sub(&p), Some("the couple"));
    let p = one("A court sentenced a Christian woman to five years in prison.");
    assert_eq!(sub(&p), Some("a Christian woman"));
}

#[test]
fn fined_rupees_uses_document_country() {
    let p = one("In Pakistan, a trial court fined him 50,000 rupees.");
    assert_eq!(p.text, "fined him 50,000 rupees");
    assert_eq!(p.kind, "fine");
    assert_eq!(money(&p), ("50000".into(), "PKR".into()));
    assert_eq!(sub(&p), Some("him"));
    let p = one("The court in Delhi fined her Rs 10,000.");
    assert_eq!(money(&p), ("10000".into(), "INR".into()));
    let p = one("The court fined her 10,000 rupees.");
    assert_eq!(money(&p), ("10000".into(), "XXX".into()));
}

#[test]
fn rupees_country_from_entities() {
    let text = "The court fined him 20,000 rupees. He lives in Lahore.";
    let mut doc = Document::new("t", text, Format::Text);
    let at = text.find("Lahore").unwrap();
    doc.entities.push(Entity {
        span: Span::new(at, at + 6),
        label: Label::Gpe,
        canonical: "Lahore".into(),
        country: Some("IN".into()), // deliberately not PK: entities win over the name list
        rule: Arc::from("test"),
    });
    let ex = PenaltyExtractor::new(&Patterns::embedded()).unwrap();
    let ps = ex.extract(&doc);
    assert_eq!(ps[0].amount.as_ref().unwrap().currency, "INR");
}

#[test]
fn rupees_take_the_best_named_country_that_uses_them() {
    // the release names US places more often than India, but only India writes
    // rupees; a dollar amount still follows the most named country
    let p = one(
        "A Houston man, a Dallas pastor and a Miami donor met in Texas. \
         The court in Lucknow fined him Rs. 50,000.",
    );
    assert_eq!(money(&p), ("50000".into(), "INR".into()));
    let p = one(
        "A Lagos pastor, an Abuja lawyer and a Kano imam met in Toronto. \
         The court fined him $5,000.",
    );
    assert_eq!(money(&p), ("5000".into(), "USD".into()));
}

#[test]
fn subject_canonical_from_entities() {
    let text = "Asia Bibi was sentenced to death. Later she was fined 5,000 rupees.";
    let mut doc = Document::new("t", text, Format::Text);
    doc.entities.push(Entity {
        span: Span::new(0, 9),
        label: Label::Person,
        canonical: "Asia Noreen Bibi".into(),
        country: None,
        rule: Arc::from("test"),
    });
    doc.sentences = vec![Span::new(0, 33), Span::new(34, text.len())];
    let ex = PenaltyExtractor::new(&Patterns::embedded()).unwrap();
    let ps = ex.extract(&doc);
    assert_eq!(ps.len(), 2);
    assert_eq!(
        ps[0].subject.as_ref().unwrap().canonical.as_deref(),
        Some("Asia Noreen Bibi")
    );
    assert_eq!(doc.slice(ps[1].subject.as_ref().unwrap().span), "she");
    assert_eq!(
        ps[1].subject.as_ref().unwrap().canonical.as_deref(),
        Some("Asia Noreen Bibi")
    );
}

#[test]
fn lashes_are_corporal() {
    let p = one("The Sharia court sentenced him to 80 lashes.");
    assert_eq!(p.text, "80 lashes");
    assert_eq!(p.kind, "corporal");
    let p = one("He was sentenced to caning.");
    assert_eq!(p.kind, "corporal");
}

#[test]
fn forced_labor_re_education() {
    let p = one("She was sentenced to five years of re-education.");
    assert_eq!(p.text, "five years of re-education");
    assert_eq!(p.kind, "forced_labor");
    assert_eq!(p.duration.as_deref(), Some("P5Y"));
    let p = one("He was sent to a labor camp for three years after he was sentenced.");
    assert_eq!(p.kind, "forced_labor");
}

#[test]
fn detention_days() {
    let p = one("The pastor was detained for 15 days.");
    assert_eq!(p.kind, "detention");
    assert_eq!(p.text, "detained for 15 days");
    let p = one("Members were given 15 days of administrative detention.");
    assert_eq!(p.text, "15 days of administrative detention");
    assert_eq!(p.duration.as_deref(), Some("P15D"));
    let p = one("He received a 15-day detention.");
    assert_eq!(p.duration.as_deref(), Some("P15D"));
}

#[test]
fn life_imprisonment() {
    let p = one("The court sentenced him to life imprisonment.");
    assert!(p.life);
    assert_eq!(p.kind, "imprisonment");
    assert_eq!(p.text, "life imprisonment");
    let p = one("He was sentenced to life in prison.");
    assert!(p.life);
}

#[test]
fn twenty_five_to_life() {
    let p = one("He was sentenced to 25 years to life in prison.");
    assert!(p.life);
    assert_eq!(p.duration.as_deref(), Some("P25Y"));
    assert_eq!(p.bound, "min");
}

#[test]
fn death_penalty_statutory() {
    let p = one("Blasphemy against the Prophet is punishable by death.");
    assert_eq!(p.text, "death");
    assert_eq!(p.status, "statutory");
    assert_eq!(off(&p), Some("Blasphemy against the Prophet"));
    let p = one("Section 295-C carries a mandatory death sentence.");
    assert_eq!(p.status, "statutory");
    assert_eq!(law(&p), Some("Section 295-C"));
    assert_eq!(p.offense, None);
}

#[test]
fn other_kinds() {
    assert_eq!(
        one("He was sentenced to three years of probation.").kind,
        "probation"
    );
    assert_eq!(
        one("She was placed under house arrest.").kind,
        "house_arrest"
    );
    assert_eq!(
        one("He was ordered to perform 200 hours of community service.").kind,
        "community_service"
    );
    assert_eq!(one("He was ordered deported.").kind, "deportation");
    let p = one("The court ordered the forfeiture of $845,000.");
    assert_eq!(p.kind, "forfeiture");
    assert_eq!(p.text, "forfeiture of $845,000");
}

// ---- quantities ----

#[test]
fn duration_forms() {
    assert_eq!(
        one("He was jailed for a decade.").duration.as_deref(),
        Some("P10Y")
    );
    assert_eq!(
        one("She got two and a half years in prison after she was sentenced.")
            .duration
            .as_deref(),
        Some("P2Y6M")
    );
    assert_eq!(
        one("He was sentenced to six years and eight months in prison.")
            .duration
            .as_deref(),
        Some("P6Y8M")
    );
    assert_eq!(
        one("He was sentenced to twenty-five years in prison.")
            .duration
            .as_deref(),
        Some("P25Y")
    );
    assert_eq!(
        one("She was sentenced to three years' imprisonment.").text,
        "three years' imprisonment"
    );
}

#[test]
fn ranges_keep_upper_value() {
    let p = one("The law provides for between two and five years in prison.");
    assert_eq!(p.text, "between two and five years in prison");
    assert_eq!(p.duration.as_deref(), Some("P5Y"));
    assert_eq!(p.bound, "max");
    let p = one("The offense is punishable by 3 to 10 years in prison.");
    assert_eq!(p.duration.as_deref(), Some("P10Y"));
    assert_eq!(p.bound, "max");
}

#[test]
fn bare_duration_after_sentenced() {
    let p = one("A judge sentenced Mr. Lee to 10 years.");
    assert_eq!(p.text, "10 years");
    assert_eq!(p.kind, "imprisonment");
    assert_eq!(sub(&p), Some("Lee"));
}

#[test]
fn currencies() {
    let m = |t: &str| money(&one(t));
    assert_eq!(m("He was fined ₹10,000."), ("10000".into(), "INR".into()));
    assert_eq!(
        m("He was fined ¥5,000 yuan."),
        ("5000".into(), "CNY".into())
    );
    assert_eq!(m("He was fined RMB 5,000."), ("5000".into(), "CNY".into()));
    assert_eq!(m("He was fined €2,000."), ("2000".into(), "EUR".into()));
    assert_eq!(m("He was fined £45,000."), ("45000".into(), "GBP".into()));
    assert_eq!(
        m("He was fined 50,000 naira."),
        ("50000".into(), "NGN".into())
    );
    assert_eq!(m("He was fined 5,000 birr."), ("5000".into(), "ETB".into()));
    assert_eq!(
        m("In Iran he was fined 80 million rials."),
        ("80000000".into(), "IRR".into())
    );
    assert_eq!(
        m("In Iran he was fined 8 million tomans."),
        ("80000000".into(), "IRR".into())
    );
}

#[test]
fn fine_of_amount_span() {
    let p = one("The court imposed a fine of $5,000.");
    assert_eq!(p.text, "fine of $5,000");
    assert_eq!(p.status, "imposed");
    assert_eq!(p.amount.as_ref().unwrap().text, "$5,000");
}

// ---- status ----

#[test]
fn status_upheld() {
    let p = one("The High Court upheld the death sentence of Nadeem Masih.");
    assert_eq!(p.status, "upheld");
    assert_eq!(sub(&p), Some("Nadeem Masih"));
    let p = one("Her five-year prison sentence was confirmed on appeal.");
    assert_eq!(p.status, "upheld");
}

#[test]
fn status_overturned() {
    let p = one("The court acquitted Ali, who had been sentenced to death for blasphemy.");
    assert_eq!(p.status, "overturned");
    assert_eq!(sub(&p), Some("Ali"));
    let p = one("An appeals court quashed the three-year prison sentence.");
    assert_eq!(p.status, "overturned");
}

#[test]
fn status_potential() {
    assert_eq!(
        one("If convicted, the couple could be jailed for up to five years.").status,
        "potential"
    );
    assert_eq!(one("She risks the death penalty.").status, "potential");
    assert_eq!(
        one("He may be sentenced to 10 years in prison.").status,
        "potential"
    );
    // the past tense of the cue: what a defendant faced before the sentence
    let p = one("Ortiz faced a mandatory minimum sentence of 15 years in prison.");
    assert_eq!(
        (&*p.status, &*p.bound, sub(&p)),
        ("potential", "min", Some("Ortiz"))
    );
    assert_eq!(
        one("The men risked three years in jail for the leaflets.").status,
        "potential"
    );
}

#[test]
fn status_statutory_generic_subject() {
    let p = one("Under the ordinance, anyone found guilty of unlawful conversion faces up to five years in prison.");
    assert_eq!(p.status, "statutory");
    assert_eq!(p.subject, None);
    assert_eq!(off(&p), Some("unlawful conversion"));
    assert_eq!(law(&p), Some("ordinance"));
}

#[test]
fn list_items_take_lead_in_cue_and_subject() {
    let t =
        "Kohl was sentenced to the following:\na five-year prison term, suspended;\na $2,500 fine.";
    let ps = pens(t);
    assert_eq!(ps.len(), 2);
    for p in &ps {
        assert_eq!(p.status, "imposed");
        assert_eq!(sub(p), Some("Kohl"));
    }
}

// ---- not penalties ----

#[test]
fn not_penalties() {
    for t in [
        "After five years of waiting, the family received an answer.",
        "The police ended a four-hour standoff.",
        "The church received a $50,000 donation for its budget.",
        "This sentence is grammatically wrong.",
        "He spent more than a year behind bars before his trial.",
        "The UK opposes the death penalty in all circumstances.",
        "It is fine to say so.",
        "The ministry's budget rose by $2 million this year.",
    ] {
        assert!(
            pens(t).is_empty(),
            "{t}: {:?}",
            pens(t).iter().map(|p| &p.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn anaphoric_mention_is_not_a_new_penalty() {
    let t =
        "He was sentenced to five years in prison. In addition to the prison term, he was fined.";
    let ps = pens(t);
    assert_eq!(ps.iter().filter(|p| p.kind == "imprisonment").count(), 1);
}

// ---- pattern data ----

#[test]
fn user_can_add_a_trigger_word() {
    let mut pats = Patterns::embedded();
    let base = pats.get("penalties/triggers.tsv").unwrap().to_string();
    pats.insert(
        "penalties/triggers.tsv",
        format!("{base}banishment\tdeportation\tcue\n"),
    );
    let doc = Document::new("t", "He was sentenced to banishment.", Format::Text);
    let ps = PenaltyExtractor::new(&pats).unwrap().extract(&doc);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].kind.as_str(), "deportation");
}

#[test]
fn bad_pattern_data_names_file_and_line() {
    let mut pats = Patterns::embedded();
    pats.insert(
        "penalties/triggers.tsv",
        "# comment\nprison\tjailtime\tqty\n",
    );
    let err = PenaltyExtractor::new(&pats).err().unwrap().to_string();
    assert!(err.contains("penalties/triggers.tsv:2"), "{err}");
    pats = Patterns::embedded();
    pats.insert("penalties/currencies.tsv", "$\tprefix\tDOLLARS\n");
    let err = PenaltyExtractor::new(&pats).err().unwrap().to_string();
    assert!(err.contains("penalties/currencies.tsv:1"), "{err}");
}

#[test]
fn spans_are_sorted_and_do_not_overlap() {
    let t = "He was sentenced to 10 years in prison and a fine of $5,000, and she was sentenced to 80 lashes.";
    let ps = pens(t);
    assert_eq!(ps.len(), 3);
    for w in ps.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
    assert!(ps.iter().all(|p| p.rule.starts_with("penalties/")));
}

#[test]
fn object_pronoun_her() {
    // "her" alone after the verb is its object, not a determiner: the penalty
    // is found ("to [death]" is no anaphoric "her ... death") and has a subject
    let p = one("The court sentenced her to death.");
    assert_eq!((&*p.kind, sub(&p)), ("death", Some("her")));
    let p = one("The court sentenced her to two years in prison.");
    assert_eq!(sub(&p), Some("her"));
    // "her" as a determiner still starts a longer phrase
    let p = one("The court sentenced her husband to two years in prison.");
    assert_eq!(sub(&p), Some("her husband"));
}

#[test]
fn judge_is_no_subject_nor_the_referent_of_its_object() {
    // a person named after a sentencer title imposes the penalty
    let p = one("Chief District Judge Steve Jones ordered six months of home confinement.");
    assert_eq!(
        (&*p.kind, p.duration.as_deref()),
        ("house_arrest", Some("P6M"))
    );
    assert_eq!(sub(&p), None);
    // the object pronoun of "Judge X fined" is not Judge X
    let ps = pens("Ali Khan was convicted in May. Judge Steve Jones fined him $10,000.");
    let s = ps[0].subject.as_ref().expect("subject");
    assert_eq!(s.text, "him");
    assert_eq!(s.canonical.as_deref(), Some("Ali Khan"));
}

#[test]
fn time_served_of_a_sentence_is_part_of_it() {
    // the two years served are part of the eight-year sentence, not a penalty
    let p = one("He was released on bail after serving two years of his eight-year sentence.");
    assert_eq!(
        (&*p.text, p.duration.as_deref()),
        ("eight-year sentence", Some("P8Y"))
    );
}

#[test]
fn cue_word_used_as_a_noun_is_no_verb() {
    // "sentences" is a verb cue ("the court sentences X"), but "sentences of" is
    // the penalty's noun: the subject stops before "received"
    let p = one("The two men received sentences of 10 years.");
    assert_eq!((sub(&p), &*p.status), (Some("The two men"), "imposed"));
}

#[test]
fn gapped_second_subject_after_and() {
    let ps = pens(
        "A court in Lahore sentenced Asif Masih to five years in prison and his brother \
         Imran Masih to three years for blasphemy.",
    );
    assert_eq!(ps.len(), 2);
    assert_eq!(sub(&ps[0]), Some("Asif Masih"));
    assert_eq!(sub(&ps[1]), Some("his brother Imran Masih"));
    assert_eq!(ps[1].duration.as_deref(), Some("P3Y"));
    let ps = pens("The court sentenced Pastor Li to seven years and his wife to two years.");
    assert_eq!(
        ps.iter().map(sub).collect::<Vec<_>>(),
        [Some("Li"), Some("his wife")]
    );
    let ps = pens(
        "Judge Sadati sentenced Negin Rezaei to eight years, Farhad Amri to seven years and \
         Mojgan Shahriari to six years.",
    );
    assert_eq!(
        ps.iter().map(sub).collect::<Vec<_>>(),
        [
            Some("Negin Rezaei"),
            Some("Farhad Amri"),
            Some("Mojgan Shahriari")
        ]
    );
    // A comma inside the second subject does not start a third.
    let ps = pens(
        "The court sentenced Ram Lal to four years RI with a fine of Rs. 5 lakh and Shri Vikas \
         Agarwal, Proprietor, Agarwal Traders, Lucknow to three years RI.",
    );
    assert_eq!(sub(&ps[ps.len() - 1]), Some("Vikas Agarwal"));
}

#[test]
fn subject_with_a_described_person_takes_the_person_canonical() {
    // A religious group and a role describe the one person in the subject.
    let p = &pens(
        "A court on Tuesday sentenced Hoa Hao Buddhist activist Bui Van Trung, 61, to four \
         years in prison.",
    )[0];
    assert_eq!(sub(p), Some("Hoa Hao Buddhist activist Bui Van Trung"));
    let c = p.subject.as_ref().and_then(|s| s.canonical.as_deref());
    assert_eq!(c, Some("Bui Van Trung"));
}

#[test]
fn object_with_an_age_and_subject_after_a_dated_intro() {
    let p = one(
        "On 17 October, Judge Viktor Zinkov jailed 52-year-old Jehovah's Witness Sergei \
         Parfenovich for six years.",
    );
    assert_eq!(
        sub(&p),
        Some("52-year-old Jehovah's Witness Sergei Parfenovich")
    );
    // A date closing the intro before a comma is no subject, nor is its "On".
    let p = one("On 17 October, Sergei Parfenovich was jailed for six years.");
    assert_eq!(sub(&p), Some("Sergei Parfenovich"));
    let p = one("On Tuesday, the pastor was sentenced to two years.");
    assert_eq!(sub(&p), Some("the pastor"));
}

#[test]
fn offense_that_only_refers_back_is_none() {
    let p = one(
        "Under article 331, the offense carries a maximum penalty of seven years' imprisonment.",
    );
    assert_eq!(off(&p), None);
    // A named offense after the same words stays.
    let p = one("The offence of blasphemy carries a mandatory death sentence.");
    assert_eq!(off(&p), Some("The offence of blasphemy"));
}

#[test]
fn what_the_prosecution_asked_the_court_to_impose_is_potential() {
    let p =
        one("Prosecutor Svetlana Ivanova had asked the court to hand down a seven-year sentence.");
    assert_eq!(p.status, "potential");
    let p = one("Prosecutors asked the court to sentence him to ten years.");
    assert_eq!(p.status, "potential");
}

// ---- fifteenth-session fixes: false penalties ----

/// A penalty not sought is no penalty; "without an option of fine" is no fine;
/// custody before a trial, a career's "years of community service", a guideline
/// "fine range" and a bare "Flogging is …" statement are none.
#[test]
fn no_penalty_when_negated_or_custody_or_generic() {
    assert!(
        pens("The district attorney did not seek the death penalty against Harmon.").is_empty()
    );
    let ps = pens("Obi got nine months imprisonment without an option of fine.");
    assert!(
        ps.iter().all(|p| p.kind != "fine"),
        "{:?}",
        ps.iter().map(|p| &p.text).collect::<Vec<_>>()
    );
    assert!(pens("Officers detained the pastor for 20 days before the trial opened.").is_empty());
    assert!(
        pens("The activist was deported to Chile after more than five months in detention.")
            .iter()
            .all(|p| p.kind != "detention")
    );
    // (administrative detention served is a penalty)
    assert_eq!(
        one("The others were freed after 10 days of administrative detention.").kind,
        "detention"
    );
    assert!(
        pens("In sentencing him, the judge praised his many years of community service.")
            .is_empty()
    );
    assert!(pens("The bank's sentence fell below the low end of the fine range.").is_empty());
    assert!(pens("Caning is a cruel punishment and must be ended everywhere.").is_empty());
    assert!(pens("Lawyers Face Mounting Prison Terms in Crackdown").is_empty());
}

// ---- status and bound ----

/// A replacing cue ("commuted to", "reduced to") overturns the penalty before
/// it and imposes the one after; an active sentencing verb after an overturn
/// imposes the new term.
#[test]
fn replaced_and_new_terms() {
    let ps = pens("Tahmasebi had his death sentence commuted to 15 years' imprisonment last year.");
    assert_eq!(ps.len(), 2);
    assert_eq!(
        (ps[0].kind.as_ref(), ps[0].status.as_ref()),
        ("death", "overturned")
    );
    assert_eq!(ps[1].status, "imposed");
    let ps = pens("Her two-year sentence was reduced to eight months on appeal.");
    assert_eq!(ps[0].status, "overturned");
    assert_eq!(ps[1].status, "imposed");
    let ps = pens("The appeals court quashed the lower court's verdict and sentenced Al-Otaibi to 18 years in prison.");
    assert_eq!(one_of(&ps, "18 years in prison").status, "imposed");
    let ps =
        pens("The court later reduced the term to four years, but Noor was also given 50 lashes.");
    assert_eq!(one_of(&ps, "50 lashes").status, "imposed");
    let ps = pens("We welcome the decision to overturn Samira's death sentence.");
    assert_eq!(one_of(&ps, "death sentence").status, "overturned");
}

fn one_of<'a>(ps: &'a [PenaltyOut<'static>], text: &str) -> &'a PenaltyOut<'static> {
    ps.iter().find(|p| p.text == text).unwrap_or_else(|| {
        panic!(
            "no {text:?} in {:?}",
            ps.iter().map(|p| &p.text).collect::<Vec<_>>()
        )
    })
}

/// "The maximum sentence for X … is N years" is a maximum; a maximum shared by
/// a second term after "and"; "impose sentences of between …" is statutory;
/// "in default of which … would serve" is potential.
#[test]
fn bounds_and_potential_terms() {
    let ps = pens("The maximum sentence for burglary under Section 9 of the Crimes (Property) Act 1998 is eight years' imprisonment.");
    let p = one_of(&ps, "eight years' imprisonment");
    assert_eq!((p.bound.as_ref(), p.status.as_ref()), ("max", "statutory"));
    let ps = pens("If convicted, they face a maximum penalty of ten years in prison on the fraud count and 15 years in prison on the bribery count.");
    assert_eq!(one_of(&ps, "15 years in prison").bound, "max");
    let ps = pens("The law allows judges to impose sentences of between three and 12 years' imprisonment for such acts.");
    assert_eq!(ps[0].status, "statutory");
    let ps = pens("They were also fined Rs50,000 each, in default of which they would serve an additional three months in prison.");
    assert_eq!(one_of(&ps, "three months in prison").status, "potential");
}

// ---- subject ----

/// A judge is never the subject: "Judge X also imposed …" takes the one
/// sentenced in the sentence before; an appositive name after a possessed noun
/// is the subject; the object of a bare "fined" is.
#[test]
fn subjects_judge_appositive_object() {
    let t = "Renata Oduya was sentenced to 30 months in prison. Judge Whitlock also imposed a $2,000 fine.";
    let ps = pens(t);
    assert_eq!(sub(one_of(&ps, "$2,000 fine")), Some("Renata Oduya"));
    let ps = pens("A jury sentenced Delgado's nephew, Ramon Ortiz, 27, to 15 years in prison.");
    assert_eq!(sub(&ps[0]), Some("Ramon Ortiz"));
    let ps = pens("A court in Taraz fined Baptist Arman Zhunusov, who leads a small group, for meeting without registration.");
    assert_eq!(sub(&ps[0]), Some("Baptist Arman Zhunusov"));
}

// ---- subjects are noun phrases (session 16) ----

#[test]
fn subject_of_that_of_x_who_is_the_name() {
    let p = one("The verdict recalls that of Halima Bashir Musa, who was sentenced to death for apostasy in 2016.");
    assert_eq!(sub(&p), Some("Halima Bashir Musa"));
}

#[test]
fn lone_quantifier_object_takes_the_earlier_object() {
    let ps = pens("A court in Quetta sentenced three men to death and fined each 2 million rupees for burning a church.");
    assert_eq!(ps.len(), 2);
    assert_eq!(sub(&ps[1]), Some("three men"));
}

#[test]
fn accused_after_an_article_is_a_noun() {
    let p = one("The court sentenced the prime accused, Tariq Mehmood and Sajid Ali, to death under Section 7 of the Anti-Terrorism Act.");
    assert_eq!(sub(&p), Some("Tariq Mehmood and Sajid Ali"));
}

#[test]
fn counted_subject_goes_on_through_of() {
    let p = one("The appeals court upheld two-year sentences for three of her nephews, who had shared the post.");
    assert_eq!(sub(&p), Some("three of her nephews"));
}

#[test]
fn company_legal_form_is_no_subject() {
    let p = one("The owner of Silver Oak Logistics, LLC, Daniel Whitfield, 49, of Tulsa, was sentenced to four years in prison.");
    assert_eq!(sub(&p), Some("Daniel Whitfield"));
}

#[test]
fn name_then_verb_ends_at_the_name() {
    let ps = pens("Pastor Ramin Karimi was arrested in 2021 in Shiraz. Karimi remains in Evin Prison, serving a seven-year sentence.");
    assert_eq!(sub(&ps[0]), Some("Karimi"));
}

#[test]
fn including_opens_the_subject_phrase() {
    let p = one("The rapporteur listed cases from Asia, including a woman in Iran who she said had been sentenced to death for insulting the prophet.");
    assert_eq!(sub(&p), Some("a woman"));
}

#[test]
fn each_penalty_takes_its_own_to_clause() {
    let ps = pens("A tribunal in Sukkur on Friday awarded the death sentence on three counts each to two brothers and life imprisonment to five others for the attack.");
    assert_eq!(ps.len(), 2);
    assert_eq!(sub(&ps[0]), Some("two brothers"));
    assert_eq!(sub(&ps[1]), Some("five others"));
    let ps = pens("A special court in Multan handed the death penalty to two brothers and seven years in prison to their cousin for the murder of a shopkeeper.");
    assert_eq!(sub(&ps[0]), Some("two brothers"));
    assert_eq!(sub(&ps[1]), Some("their cousin"));
}

#[test]
fn appositive_name_closing_a_relative_clause_is_the_subject() {
    let p = one("An Irish aid worker who ran a school in the province, Siobhan Kearney, was deported in March.");
    assert_eq!(sub(&p), Some("Siobhan Kearney"));
}

#[test]
fn passive_penalty_verb_without_cue_takes_the_clause_subject() {
    let p = one("Because he is not a U.S. citizen, Ortega will be deported to Guatemala upon completion of his sentence.");
    assert_eq!(p.kind, "deportation");
    assert_eq!(sub(&p), Some("Ortega"));
}

#[test]
fn offense_stops_before_contrary_to_a_section() {
    let p = one("Wanjiru was fined KSh 200,000 on the count of demanding a bribe contrary to Section 46 of the Anti-Corruption Act.");
    assert_eq!(off(&p), Some("demanding a bribe"));
    assert_eq!(law(&p), Some("Section 46 of the Anti-Corruption Act"));
    let p = one("The court jailed Dube for ten years for fraud in contravention of Section 2 of the Fraud Act.");
    assert_eq!(off(&p), Some("fraud"));
}

#[test]
fn offense_does_not_end_in_that() {
    let p = one("They were jailed for life for their role in the 2019 burning of a church in Jaranwala that killed two people.");
    assert_eq!(
        off(&p),
        Some("their role in the 2019 burning of a church in Jaranwala")
    );
}

#[test]
fn attracts_a_term_of_not_less_than_is_statutory_min() {
    let ps = pens("Under Section 14 of the Fraud Act, impersonation attracts a term of not less than seven years or a fine of not less than N3,000,000, or both.");
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[0].text, "term of not less than seven years");
    assert_eq!(ps[0].duration.as_deref(), Some("P7Y"));
    assert_eq!(ps[0].bound, "min");
    assert_eq!(ps[0].status, "statutory");
}

#[test]
fn forfeited_amount_ending_a_list_of_objects() {
    let p = one("The judge ordered the convicts to forfeit their Mercedes C300, a Honda Accord and the sum of N3,200,000 recovered from their accounts to the Federal Government.");
    assert_eq!(p.kind, "forfeiture");
    assert_eq!(money(&p), ("3200000".to_string(), "NGN".to_string()));
}

#[test]
fn money_range_with_the_currency_on_both_ends() {
    let p = one("Article 77 provides for a fine of between EGP 2,000 and EGP 5,000.");
    assert_eq!(money(&p), ("5000".to_string(), "EGP".to_string()));
    assert_eq!(p.bound, "max");
}

#[test]
fn fixed_term_imprisonment_takes_its_duration() {
    let p = one(
        "The court sentenced Pastor Wang Li to seven years of fixed-term imprisonment for fraud.",
    );
    assert_eq!(p.text, "seven years of fixed-term imprisonment");
    assert_eq!(p.duration.as_deref(), Some("P7Y"));
    assert_eq!(off(&p), Some("fraud"));
}

#[test]
fn default_term_with_undergo_has_its_subject_and_no_bare_fine() {
    let p = one("In default of payment of fine, the convicts shall undergo simple imprisonment for six months.");
    assert_eq!(p.duration.as_deref(), Some("P6M"));
    assert_eq!(sub(&p), Some("the convicts"));
}

#[test]
fn a_years_possessive_term() {
    let ps = pens("On the count of theft, she was fined KSh 80,000, or in default, to serve one year's imprisonment.");
    assert_eq!(ps.len(), 2);
    assert_eq!(ps[1].text, "one year's imprisonment");
    assert_eq!(ps[1].duration.as_deref(), Some("P1Y"));
}

#[test]
fn law_not_across_a_contrasting_clause_and_no_relative_verb_in_offense() {
    let ps = pens("Under Section 12-B, desecrating a shrine is punishable by life imprisonment, while Section 12-A, which covers insults to religious leaders, carries a maximum of seven years in prison.");
    assert_eq!(ps.len(), 2);
    assert_eq!(law(&ps[0]), Some("Section 12-B"));
    assert_eq!(law(&ps[1]), Some("Section 12-A"));
    assert_eq!(off(&ps[1]), Some("insults to religious leaders"));
}

#[test]
fn listed_terms_joined_by_and_are_several_terms() {
    // "four years and three years and six months": two terms, not one of P7Y6M
    let ps = pens(
        "The tribunal gave Hamid Rostami and Yusuf Darwish sentences of four years and three years and six months.",
    );
    let d: Vec<_> = ps.iter().map(|p| p.duration.as_deref()).collect();
    assert_eq!(d, [Some("P4Y"), Some("P3Y6M")]);
    // "eleven years and eight years in prison": two, not P19Y
    let ps = pens("Two smugglers were sentenced to eleven years and eight years in prison.");
    let d: Vec<_> = ps.iter().map(|p| p.duration.as_deref()).collect();
    assert_eq!(d, [Some("P11Y"), Some("P8Y")]);
    // a compound term stays one
    let p = one("Hamid Rostami was sentenced to three years and nine months in prison.");
    assert_eq!(p.duration.as_deref(), Some("P3Y9M"));
}

#[test]
fn respectively_gives_each_term_to_its_person() {
    let ps = pens(
        "Hamid Rostami, Leyla Karimi and Yusuf Darwish were sentenced to 14, 8 and 6 years in prison respectively.",
    );
    let got: Vec<_> = ps.iter().map(|p| (p.duration.as_deref(), sub(p))).collect();
    assert_eq!(
        got,
        [
            (Some("P14Y"), Some("Hamid Rostami")),
            (Some("P8Y"), Some("Leyla Karimi")),
            (Some("P6Y"), Some("Yusuf Darwish")),
        ]
    );
    let ps = pens(
        "The court handed Hamid Rostami and Yusuf Darwish prison sentences of 7 and 5 years respectively for smuggling.",
    );
    let got: Vec<_> = ps.iter().map(|p| (p.duration.as_deref(), sub(p))).collect();
    assert_eq!(
        got,
        [
            (Some("P7Y"), Some("Hamid Rostami")),
            (Some("P5Y"), Some("Yusuf Darwish")),
        ]
    );
}

#[test]
fn a_list_of_names_is_the_whole_subject() {
    let p =
        one("Hamid Rostami, Leyla Karimi and Yusuf Darwish were sentenced to six years in prison.");
    assert_eq!(
        sub(&p),
        Some("Hamid Rostami, Leyla Karimi and Yusuf Darwish")
    );
    let p = one("The court sentenced Hamid Rostami, Leyla Karimi, and Yusuf Darwish to six years in prison.");
    assert_eq!(
        sub(&p),
        Some("Hamid Rostami, Leyla Karimi, and Yusuf Darwish")
    );
}

#[test]
fn a_penalty_word_modifying_the_fined_people_does_not_block_the_amount() {
    let p = one("The tribunal also fined each of the life-term prisoners Tk 30,000.");
    assert_eq!(money(&p), ("30000".to_string(), "BDT".to_string()));
    assert_eq!(sub(&p), Some("each of the life-term prisoners"));
}

#[test]
fn a_person_word_before_a_noun_is_part_of_an_offense() {
    let p = one("A court in Shymkent fined a Baptist preacher 250,000 tenge for unregistered missionary work.");
    assert_eq!(off(&p), Some("unregistered missionary work"));
    assert_eq!(sub(&p), Some("a Baptist preacher"));
}

#[test]
fn an_offense_of_the_sentence_before_is_not_used_when_the_sentence_names_its_own() {
    let ps = pens("The 2019 statute criminalized private religious instruction. The report cited the case of elder Rustam Nazarov, 71, who was sentenced to life imprisonment in 2021, and of Dilnoza Karimova, a teacher sentenced to four years for distributing religious leaflets.");
    assert_eq!(ps.len(), 2);
    assert_eq!(off(&ps[0]), None);
    assert_eq!(off(&ps[1]), Some("distributing religious leaflets"));
}

#[test]
fn a_lone_determiner_is_no_offense() {
    let ps = pens("Under the decree, anyone found guilty of illegal preaching faces up to three years in prison. The penalty rises to up to eight years in prison if the preacher is a foreigner.");
    assert_eq!(ps.len(), 2);
    assert_eq!(off(&ps[1]), Some("illegal preaching"));
}

#[test]
fn convicted_with_a_time_before_of_names_the_offense() {
    let p = one("Boris Lang, 52, was sentenced to three to nine years in state prison after a jury convicted him in March of Grand Larceny in the Second Degree.");
    assert_eq!(off(&p), Some("Grand Larceny in the Second Degree"));
    let p =
        one("Boris Lang was convicted at trial of wire fraud and sentenced to 20 years in prison.");
    assert_eq!(off(&p), Some("wire fraud"));
    // ("convicted in the killing of X": X is the victim, not the offense)
    let p = one("Boris Lang was convicted in the killing of his neighbour and sentenced to 20 years in prison.");
    assert_eq!(off(&p), None);
}

#[test]
fn a_confiscation_takes_the_worth_of_its_object() {
    let p = one("The court also ordered the confiscation of assets worth 450,000 yuan.");
    assert_eq!(p.kind, "forfeiture");
    assert_eq!(money(&p), ("450000".to_string(), "CNY".to_string()));
}

#[test]
fn an_amount_paid_to_someone_as_compensation_is_restitution() {
    let p = one("The judge further directed that €18,500 held in a frozen bank account be paid to the bakery as compensation.");
    assert_eq!(p.kind, "restitution");
    assert_eq!(money(&p), ("18500".to_string(), "EUR".to_string()));
}
