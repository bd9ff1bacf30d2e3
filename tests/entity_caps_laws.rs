//! Entities in two shapes the main entity tests leave out: a place in capitals
//! with its comma part ("WASHINGTON, D.C." in a dateline) and European Union legal
//! acts, whose number follows the issuer's code in parentheses
//! ("Regulation (EU) 2016/679"). Sentences are written for these tests; the test
//! places are appended to the embedded lists.

use std::sync::OnceLock;

use prex::document::{Document, Format};
use prex::entities::EntityRecognizer;
use prex::sentences::SentenceSplitter;
use prex::Patterns;

fn recognizer() -> &'static (EntityRecognizer, SentenceSplitter) {
    static R: OnceLock<(EntityRecognizer, SentenceSplitter)> = OnceLock::new();
    R.get_or_init(|| {
        let mut p = Patterns::embedded();
        p.insert(
            "entities/gazetteer/zz_test.tsv",
            "Springfield, Ill.\tGPE\t\tUS\n\
             Kestrelton\tGPE\t\tKE\nValdora\tGPE\t\tKE\n",
        );
        (
            EntityRecognizer::new(&p).expect("patterns load"),
            SentenceSplitter::new(&p).unwrap(),
        )
    })
}

/// (text, label, canonical) of every entity.
fn ents(text: &str) -> Vec<(String, &'static str, String)> {
    let (r, s) = recognizer();
    let mut d = Document::new("t", text, Format::Text);
    s.run(&mut d);
    r.run(&mut d);
    d.entities
        .iter()
        .map(|e| {
            (
                d.slice(e.span).to_string(),
                e.label.as_str(),
                e.canonical.clone(),
            )
        })
        .collect()
}

fn laws(text: &str) -> Vec<String> {
    ents(text)
        .into_iter()
        .filter(|e| e.1 == "LAW")
        .map(|e| e.0)
        .collect()
}

#[test]
fn capitals_with_a_comma_part_are_one_place() {
    let e = ents("SPRINGFIELD, ILL. – The state board met on Tuesday.");
    assert!(
        e.contains(&(
            "SPRINGFIELD, ILL.".into(),
            "GPE",
            "Springfield, Ill.".into()
        )),
        "{e:?}"
    );
    assert!(!e.iter().any(|x| x.0 == "ILL."), "{e:?}");
}

#[test]
fn capitals_then_another_place_stay_two() {
    // the longer run is no key: the first place alone, then the second
    let e = ents("KESTRELTON, VALDORA – Officials said on Monday.");
    let places: Vec<&str> = e
        .iter()
        .filter(|x| x.1 == "GPE")
        .map(|x| x.0.as_str())
        .collect();
    assert_eq!(places, ["KESTRELTON", "VALDORA"], "{e:?}");
}

#[test]
fn eu_acts_with_the_issuer_in_parentheses() {
    let l = laws(
        "The fines follow Council Implementing Regulation (EU) 2031/442 and \
         Council Decision (CFSP) 2031/443, adopted on Monday.",
    );
    assert_eq!(
        l,
        [
            "Council Implementing Regulation (EU) 2031/442",
            "Council Decision (CFSP) 2031/443"
        ]
    );
}

#[test]
fn eu_act_numbers_and_provisions() {
    let l = laws(
        "Under Article 12 of Regulation (EC) No 318/2009, each state sets the penalties; \
         Directive 2019/77/EU says the same.",
    );
    assert_eq!(
        l,
        [
            "Article 12 of Regulation (EC) No 318/2009",
            "Directive 2019/77/EU"
        ]
    );
    // the code inside the law is no organization
    let e = ents("Under Regulation (EC) No 318/2009, each state sets the penalties.");
    assert!(!e.iter().any(|x| x.1 == "ORG"), "{e:?}");
}

#[test]
fn decision_and_directive_need_a_number() {
    let e = ents("The Decision surprised the Board, and the Directive was late.");
    assert!(!e.iter().any(|x| x.1 == "LAW"), "{e:?}");
}

/// The entities of a release's headline line (the body follows it).
fn headline(h: &str) -> Vec<(String, &'static str)> {
    let text = format!("{h}\n\nLONDON – The group said on Monday that it was worried.\n");
    ents(&text)
        .into_iter()
        .filter(|e| text.find(&e.0).is_some_and(|i| i < h.len()))
        .map(|e| (e.0, e.1))
        .collect()
}

#[test]
fn a_headline_verb_ends_a_name() {
    let h = headline("Bar Council Welcomes Repeal of Sedition Law by Parliament");
    assert!(!h.iter().any(|e| e.0.contains("Welcomes")), "{h:?}");
    let h = headline("Village Elders Urge Assembly to Reject Anti-Begging Bill");
    assert!(h.contains(&("Anti-Begging Bill".into(), "LAW")), "{h:?}");
    assert!(!h.iter().any(|e| e.0.contains("Urge")), "{h:?}");
}

#[test]
fn a_headline_subject_before_its_verb_is_a_name() {
    let h = headline("Alliance Against Forced Disappearances Condemns Raids in Quetta");
    assert!(
        h.contains(&("Alliance Against Forced Disappearances".into(), "ORG")),
        "{h:?}"
    );
    // a short run, or one opened by a group's adjective, is no name there
    let h = headline("Kenyan Appeals Court Frees Preacher");
    assert!(!h.iter().any(|e| e.1 == "ORG"), "{h:?}");
    let h = headline("District Court Jails Preacher");
    assert!(!h.iter().any(|e| e.1 == "ORG"), "{h:?}");
}

#[test]
fn a_listed_name_before_a_possessive_is_its_own() {
    let e = ents("The Council of Europe's Committee of Ministers met in May.");
    assert!(e.iter().any(|x| x.0 == "Council of Europe"), "{e:?}");
    assert!(!e.iter().any(|x| x.0.contains("Europe's")), "{e:?}");
    // a listed name that holds the possessive goes on
    let e = ents("He cited Article 36 of the Constitution of the People's Republic of China.");
    assert!(
        e.iter()
            .any(|x| x.1 == "LAW" && x.0.ends_with("People's Republic of China")),
        "{e:?}"
    );
}
