//! Quotation extraction: one test per phenomenon of the quotations issue.
//! All sentences are written for these tests.

use std::sync::Arc;

use prex::document::{Entity, Format, Label, Span};
use prex::quotes::QuoteFinder;
use prex::sentences::SentenceSplitter;
use prex::{Document, Patterns};

#[derive(Debug, PartialEq)]
struct Q {
    parts: Vec<String>,
    speaker: Option<String>,
    canonical: Option<String>,
    cue: Option<String>,
}

fn doc_with(text: &str, entities: &[(&str, Label, &str)]) -> Document {
    let patterns = Patterns::embedded();
    let mut doc = Document::new("t.txt", text, Format::Text);
    SentenceSplitter::new(&patterns).unwrap().run(&mut doc);
    // Entities by surface text, in order of appearance (each searched after the previous one of the same text).
    let mut from = std::collections::HashMap::new();
    for (surface, label, canonical) in entities {
        let start_at = *from.get(surface).unwrap_or(&0);
        let s = text[start_at..].find(surface).expect("entity in text") + start_at;
        from.insert(*surface, s + surface.len());
        doc.entities.push(Entity {
            span: Span::new(s, s + surface.len()),
            label: *label,
            canonical: canonical.to_string(),
            country: None,
            rule: Arc::from("test"),
        });
    }
    doc.entities.sort_by_key(|e| e.span.start);
    QuoteFinder::new(&patterns).unwrap().run(&mut doc);
    doc
}

fn quotes_with(text: &str, entities: &[(&str, Label, &str)]) -> Vec<Q> {
    let doc = doc_with(text, entities);
    doc.quotations
        .iter()
        .map(|q| Q {
            parts: q.parts.iter().map(|p| doc.slice(*p).to_string()).collect(),
            speaker: q.speaker.as_ref().map(|m| doc.slice(m.span).to_string()),
            canonical: q.speaker.as_ref().and_then(|m| m.canonical.clone()),
            cue: q.cue.map(|c| doc.slice(c).to_string()),
        })
        .collect()
}

fn quotes(text: &str) -> Vec<Q> {
    quotes_with(text, &[])
}

/// The single quotation of a text: (parts, speaker, cue).
fn one(text: &str) -> (Vec<String>, Option<String>, Option<String>) {
    let mut q = quotes(text);
    assert_eq!(q.len(), 1, "want one quotation in {text:?}, got {q:?}");
    let q = q.remove(0);
    (q.parts, q.speaker, q.cue)
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn split_quote_interrupted_by_attribution() {
    let (parts, sp, cue) = one(
        "Farmers met on Monday.\n\n“The ministry’s refusal to publish the audit,” the report says, “shows how little the villagers’ safety matters to it.”",
    );
    assert_eq!(
        parts,
        vec![
            "The ministry’s refusal to publish the audit,",
            "shows how little the villagers’ safety matters to it."
        ]
    );
    assert_eq!(sp, s("the report"));
    assert_eq!(cue, s("says"));
}

#[test]
fn speaker_said_comma_quote() {
    let (p, sp, cue) = one("Anna Berger said, “We will rebuild the school before winter.”");
    assert_eq!(p, vec!["We will rebuild the school before winter."]);
    assert_eq!((sp, cue), (s("Anna Berger"), s("said")));
}

#[test]
fn quote_comma_speaker_said() {
    let (_, sp, cue) = one("“Nobody has told us where he is,” Tomas Ruiz said.");
    assert_eq!((sp, cue), (s("Tomas Ruiz"), s("said")));
}

#[test]
fn quote_comma_said_speaker() {
    let (_, sp, cue) = one("“The hearing was adjourned again without reason,” said Mira Osei.");
    assert_eq!((sp, cue), (s("Mira Osei"), s("said")));
}

#[test]
fn speaker_said_colon_quote() {
    let (_, sp, cue) =
        one("The bishop’s secretary, Jonas Held, said: “The parish will stay open.”");
    assert_eq!((sp, cue), (s("Jonas Held"), s("said")));
}

#[test]
fn colon_at_end_of_previous_paragraph() {
    let (_, sp, cue) =
        one("Our field director, Carla Nunes, said:\n\n“The families are sleeping in the open.”");
    assert_eq!((sp, cue), (s("Carla Nunes"), s("said")));
}

#[test]
fn quote_then_speaker_told_recipient() {
    let (_, sp, cue) = one("“They burned every house on our street.” Ibrahim Danladi told ICC.");
    assert_eq!((sp, cue), (s("Ibrahim Danladi"), s("told ICC")));
}

#[test]
fn appositive_is_not_the_speaker() {
    let (_, sp, cue) = one("“We pray in secret now,” Peter Lwin, a local pastor, told the media.");
    assert_eq!((sp, cue), (s("Peter Lwin"), s("told the media")));
}

#[test]
fn relative_clause_appositive() {
    let (_, sp, cue) =
        one("“They pray for the sick,” a neighbour, who asked not to be named, told reporters.");
    assert_eq!((sp, cue), (s("a neighbour"), s("told reporters")));
}

#[test]
fn according_to() {
    let (_, sp, cue) =
        one("According to Rahel Tesfaye, “the prisoners are kept in shipping containers.”");
    assert_eq!((sp, cue), (s("Rahel Tesfaye"), s("According to")));
    let (_, sp, cue) = one("“The charges were invented,” according to the defence team.");
    assert_eq!((sp, cue), (s("the defence team"), s("according to")));
}

#[test]
fn according_to_description_then_name() {
    let (_, sp, _) =
        one("According to the couple’s lawyer, Anil Kumar, “there is no complaint against them.”");
    assert_eq!(sp, s("Anil Kumar"));
}

#[test]
fn in_a_statement_speaker_said() {
    let (_, sp, cue) =
        one("In a statement, Hope Relief said “the convoy was stopped at the border.”");
    assert_eq!((sp, cue), (s("Hope Relief"), s("said")));
}

#[test]
fn inverted_said_one_priest() {
    let (_, sp, cue) = one("Said one priest, “We have not seen such fear in twenty years.”");
    assert_eq!((sp, cue), (s("one priest"), s("Said")));
}

#[test]
fn noun_phrase_speaker_with_place() {
    let (_, sp, cue) =
        one("A displaced Christian from Dorva told ICC, “We left with nothing but our children.”");
    assert_eq!(
        (sp, cue),
        (s("A displaced Christian from Dorva"), s("told ICC"))
    );
}

#[test]
fn titles_are_not_part_of_the_speaker() {
    let (_, sp, _) = one("“We will appeal the verdict,” said Pastor Raja Imran.");
    assert_eq!(sp, s("Raja Imran"));
}

#[test]
fn other_cue_verbs() {
    for (text, cue) in [
        ("“The law must be repealed,” she added.", "added"),
        ("“The law must be repealed,” he warned.", "warned"),
        ("“The law must be repealed,” they wrote.", "wrote"),
        ("“Is the law still in force?” she asked.", "asked"),
        ("“The law must be repealed,” he continued.", "continued"),
        ("“The law must be repealed,” she urged.", "urged"),
        ("“The law was never debated,” he recalled.", "recalled"),
    ] {
        assert_eq!(one(text).2, s(cue), "{text}");
    }
}

#[test]
fn speaker_named_in_previous_sentence() {
    let (_, sp, cue) = one(
        "Maria Lopez described the night of the raid. “They broke the door and took our Bibles away.”",
    );
    assert_eq!(sp, s("Maria Lopez"));
    assert_eq!(cue, None);
}

#[test]
fn continuation_after_attribution_is_one_quotation() {
    let q = quotes(
        "“We were not allowed to see him,” she said. “The guards laughed at us when we asked.”",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].parts.len(), 2);
    assert_eq!(q[0].speaker, s("she"));
}

#[test]
fn second_quote_with_its_own_attribution_stays_apart() {
    let q = quotes("“The court ignored the evidence,” Ali Khan said. “We will go to the high court,” he added.");
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].cue, s("added"));
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let (p, sp, _) = one("“Korea’s pastors don’t forget the ‘90s,” he said.");
    assert_eq!(p, vec!["Korea’s pastors don’t forget the ‘90s,"]);
    assert_eq!(sp, s("he"));
}

#[test]
fn nested_single_quotes_stay_inside() {
    let (p, _, _) = one("“They shouted ‘leave this village’ and we ran,” she said.");
    assert_eq!(p, vec!["They shouted ‘leave this village’ and we ran,"]);
}

#[test]
fn straight_quotes_and_guillemets() {
    let (p, sp, _) = one("\"The raids have doubled since March,\" Lena Ortiz said.");
    assert_eq!(p, vec!["The raids have doubled since March,"]);
    assert_eq!(sp, s("Lena Ortiz"));
    let (p, sp, _) = one("Jean Marc said: « Nous ne partirons pas d’ici. »");
    assert_eq!(p, vec!["Nous ne partirons pas d’ici."]);
    assert_eq!(sp, s("Jean Marc"));
}

#[test]
fn german_low_quotes_and_japanese_corner_brackets() {
    // „…“ is one quotation; the next „…“ in the paragraph is another.
    let q = quotes(
        "Klaus Weber said after the verdict: „Wir haben nichts verbrochen.“ \
         The union wrote: „Das Urteil ist ein Skandal für unser Land.“",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].parts, vec!["Wir haben nichts verbrochen."]);
    assert_eq!(q[0].speaker, s("Klaus Weber"));
    assert_eq!(
        q[1].parts,
        vec!["Das Urteil ist ein Skandal für unser Land."]
    );
    // Japanese has no spaces between words: the quote is no single word.
    let (p, sp, cue) = one("Pastor Sato Kenji said 「教会は閉鎖されません。」 and left.");
    assert_eq!(p, vec!["教会は閉鎖されません。"]);
    assert_eq!(sp, s("Sato Kenji"));
    assert_eq!(cue, s("said"));
}

#[test]
fn speaker_named_in_the_sentence_after_the_quote() {
    let q = quotes(
        "“The gates opened at dawn. She ran to her mother first.” That was how \
         Ayo Bankole, a nurse at the clinic, described the release.\n\n\
         “We will rebuild the school.” The words came from the headmaster, \
         speaking on Sunday.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].speaker, s("Ayo Bankole"));
    assert_eq!(q[0].cue, s("That was how"));
    assert_eq!(q[1].speaker, s("the headmaster"));
}

#[test]
fn colon_lead_after_a_frame_and_a_participle_phrase() {
    let q = quotes(
        "In the message, recorded in a police van in May, the imam addressed his students:\n\n\
         “Keep the doors of the mosque open for everyone who knocks.\n\n\
         “Do not answer anger with anger, whatever they do to me.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].parts.len(), 2);
    assert_eq!(q[0].speaker, s("the imam"));
}

#[test]
fn determiner_before_a_persons_name_is_no_part_of_the_speaker() {
    let q = quotes_with(
        "A neighbour alleged that Grace Wanjiru had posted “insulting verses.”",
        &[("Grace Wanjiru", Label::Person, "Grace Wanjiru")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Grace Wanjiru"));
}

#[test]
fn single_curly_quotes_british_style() {
    let (p, sp, _) = one("‘The sentence sends a chilling message,’ said Helen Moss.");
    assert_eq!(p, vec!["The sentence sends a chilling message,"]);
    assert_eq!(sp, s("Helen Moss"));
}

#[test]
fn unclosed_quote_is_cut_at_paragraph_end_with_warning() {
    let doc = doc_with(
        "Sara Kim said, “The school was closed without notice.\n\nThe ministry did not reply.",
        &[],
    );
    assert_eq!(doc.quotations.len(), 1);
    assert_eq!(
        doc.slice(doc.quotations[0].parts[0]),
        "The school was closed without notice."
    );
    assert_eq!(doc.warnings.len(), 1);
    assert!(doc.warnings[0].contains("never closed"));
}

#[test]
fn multi_paragraph_quote() {
    let q = quotes(
        "Father Luis said: “We buried four people this week.\n\n“We do not know who will be next.”\n\nPolice made no arrests.",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].parts,
        vec![
            "We buried four people this week.",
            "We do not know who will be next."
        ]
    );
    assert_eq!(q[0].speaker, s("Luis"));
}

#[test]
fn scare_quotes_and_titles_are_not_quotations() {
    assert!(quotes("The church runs the “Living Bread” food bank in the city.").is_empty());
    assert!(
        quotes("They were charged with “organizing illegal border crossings” last year.")
            .is_empty()
    );
    assert!(quotes("The report used the word “persecution” twice.").is_empty());
}

#[test]
fn partial_quote_with_speaker_is_a_quotation() {
    let (p, sp, cue) =
        one("The lawyer called it “a clear violation of the constitution” on Tuesday.");
    assert_eq!(p, vec!["a clear violation of the constitution"]);
    assert_eq!((sp, cue), (s("The lawyer"), s("called")));
}

#[test]
fn participle_cue_takes_the_clause_subject() {
    let (_, sp, cue) =
        one("Ruth Adeyemi criticized the ruling, saying “the judges ignored every witness.”");
    assert_eq!((sp, cue), (s("Ruth Adeyemi"), s("saying")));
}

#[test]
fn no_quote_characters_no_quotations() {
    let doc = doc_with(
        "A plain release with no quotation at all. It has two sentences.",
        &[],
    );
    assert!(doc.quotations.is_empty());
    assert!(doc.warnings.is_empty());
}

// ---- canonical resolution -------------------------------------------------

#[test]
fn pronoun_resolves_to_nearest_person_entity() {
    let q = quotes_with(
        "Police arrested Daniel Okafor on Friday. “I did nothing wrong,” he said.",
        &[("Daniel Okafor", Label::Person, "Daniel Okafor")],
    );
    assert_eq!(q[0].canonical, s("Daniel Okafor"));
}

#[test]
fn she_skips_a_nearer_man_by_title() {
    let q = quotes_with(
        "Mrs. Ama Boateng visited the prison where Mr. Kofi Mensah is held. “They will not let me see him,” she said.",
        &[
            ("Ama Boateng", Label::Person, "Ama Boateng"),
            ("Kofi Mensah", Label::Person, "Kofi Mensah"),
        ],
    );
    assert_eq!(q[0].canonical, s("Ama Boateng"));
}

#[test]
fn she_uses_pronoun_agreement_without_titles() {
    // No titles: Grace Obi is female by the "she" after her first mention, John Eze
    // male by "his"; the nearer John Eze is skipped.
    let q = quotes_with(
        "Grace Obi founded the school in 2010 and she still teaches there. Officers questioned John Eze and his brother. “We are not afraid,” she said.",
        &[
            ("Grace Obi", Label::Person, "Grace Obi"),
            ("John Eze", Label::Person, "John Eze"),
        ],
    );
    assert_eq!(q[0].canonical, s("Grace Obi"));
}

#[test]
fn they_resolves_to_organization() {
    let q = quotes_with(
        "Open Hands International monitors the trials. “The verdict is unjust,” they said.",
        &[(
            "Open Hands International",
            Label::Org,
            "Open Hands International",
        )],
    );
    assert_eq!(q[0].canonical, s("Open Hands International"));
}

#[test]
fn surname_resolves_to_full_name_entity() {
    let q = quotes_with(
        "Judge Monica Vale read the sentence. “You targeted families,” Vale said.",
        &[
            ("Monica Vale", Label::Person, "Monica Vale"),
            ("Vale", Label::Person, "Monica Vale"),
        ],
    );
    assert_eq!(q[0].speaker, s("Vale"));
    assert_eq!(q[0].canonical, s("Monica Vale"));
}

#[test]
fn surname_resolves_without_entities() {
    let q = quotes("Lawyer Saleem Khokhar filed the appeal. “The case is weak,” Khokhar said.");
    assert_eq!(q[0].canonical, s("Saleem Khokhar"));
}

#[test]
fn acronym_takes_entity_canonical() {
    let q = quotes_with(
        "“The law must go,” ICC said.",
        &[("ICC", Label::Org, "International Christian Concern")],
    );
    assert_eq!(q[0].canonical, s("International Christian Concern"));
}

#[test]
fn title_phrase_resolves_to_titled_name() {
    let q = quotes("Gov. Samuel Ade visited the village. Later, the Governor said: “Those responsible will be found.”");
    assert_eq!(q[0].speaker, s("the Governor"));
    assert_eq!(q[0].canonical, s("Samuel Ade"));
    let q = quotes(
        "Pastor John Obi was released. “Thank God,” the pastor said, “we are together again.”",
    );
    assert_eq!(q[0].canonical, s("John Obi"));
}

#[test]
fn pronoun_without_entities_uses_titled_names() {
    let q = quotes("Sister Mary Alvarez runs the clinic. Mr. Tom Reyes drives the van. “We will stay,” she said.");
    assert_eq!(q[0].canonical, s("Mary Alvarez"));
}

#[test]
fn quoted_charge_inside_reported_clause_is_not_a_quotation() {
    assert!(quotes(
        "A court jailed the teacher for three years for “insulting the national religion,” Faith Watch said on Monday."
    )
    .is_empty());
    assert!(quotes(
        "The tribunal has upheld a fine against a farmer who was accused by a neighbour of “spreading a foreign creed,” and closed the hall."
    )
    .is_empty());
}

#[test]
fn never_panics_on_odd_text() {
    // Deterministic pseudo-random texts made of quote marks, words and breaks.
    let pieces = [
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "«",
        "»",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "—",
        "said",
        "told",
        "ICC",
        "according to",
        "the",
        "a",
        "he",
        "she",
        "Mr.",
        "Pastor",
        "Anna",
        "Lee",
        "who",
        "that",
        "and",
        "in",
        "é",
        "ü",
        "’s",
        "don’t",
        "(",
        ")",
        "?",
        "!",
    ];
    let patterns = Patterns::embedded();
    let finder = QuoteFinder::new(&patterns).unwrap();
    let splitter = SentenceSplitter::new(&patterns).unwrap();
    let mut x: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..20000 {
        let mut t = String::new();
        let n = (x % 80) as usize + 1;
        for _ in 0..n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            t.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        let mut doc = Document::new("f.txt", t.clone(), Format::Text);
        splitter.run(&mut doc);
        finder.run(&mut doc);
        for q in &doc.quotations {
            for p in &q.parts {
                assert!(p.start < p.end && p.end <= t.len(), "{t:?}");
            }
            assert!(q.parts.windows(2).all(|w| w[0].end <= w[1].start), "{t:?}");
        }
        assert!(doc
            .quotations
            .windows(2)
            .all(|w| w[0].span().start <= w[1].span().start));
    }
}

// --- found reading new releases (not in the corpus) -----------------------------

#[test]
fn dotted_abbreviation_before_title_and_name() {
    // "U.S." keeps its period: the speaker is the name after the title, not "U.S.".
    let q = quotes_with(
        "“She betrayed a congregation that trusted her,” said U.S. Attorney Carla Whitfield.",
        &[
            ("U.S.", Label::Gpe, "United States"),
            ("Carla Whitfield", Label::Person, "Carla Whitfield"),
        ],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Carla Whitfield"));
    assert_eq!(q[0].cue, s("said"));
}

#[test]
fn person_of_organization_is_the_person() {
    let ents = [
        ("Amrit Sandhu", Label::Person, "Amrit Sandhu"),
        ("CPS", Label::Org, "Crown Prosecution Service"),
    ];
    let q = quotes_with(
        "Senior Crown Prosecutor Amrit Sandhu of CPS West Midlands said: “This was a deliberate attack on a place of worship.”",
        &ents,
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Amrit Sandhu"));
    let q = quotes_with(
        "“This was a deliberate attack,” said Amrit Sandhu of CPS West Midlands.",
        &ents,
    );
    assert_eq!(q[0].speaker, s("Amrit Sandhu"));
    // Without a known person the long run keeps its last words, as before.
    let (_, sp, _) =
        one("“The office will appeal,” said Director of Public Prosecutions Grace Achieng.");
    assert_eq!(sp, s("Grace Achieng"));
}

#[test]
fn partial_quote_after_said_adverbials_that() {
    let (p, sp, cue) = one(
        "The rapporteur, Anders Lindqvist, said in a statement last week that the treatment of the community “may amount to persecution.”",
    );
    assert_eq!(p, vec!["may amount to persecution."]);
    assert_eq!((sp, cue), (s("Anders Lindqvist"), s("said")));
    // A cue too far from "that" is about something else.
    assert!(quotes(
        "Officials said the plan, which was drafted by a committee of the regional assembly over many months of debate, was final and that the decision “cannot be reversed by anyone.”"
    )
    .iter()
    .all(|q| q.cue.as_deref() != Some("said")));
}

#[test]
fn cue_inside_a_reduced_relative_clause_is_not_the_speakers() {
    // "messages she had posted": the pronoun opens a relative clause whose verb already
    // has its object; the quotation belongs to the clause's governing cue.
    let q = quotes_with(
        "Investigators said messages she had posted on a village forum about the dam \
         “insulted the authorities.”",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Investigators"));
    assert_eq!(q[0].cue, s("said"));
    // A pronoun after a conjunction or "that" is a clause subject, as before.
    let q = quotes_with(
        "The officer admitted that he wrote on the form “no further action.”",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("he"));
    assert_eq!(q[0].cue, s("wrote"));
}

#[test]
fn who_said_takes_the_name_before_it() {
    let q = quotes_with(
        "The verdict drew criticism from former Chief Minister Rafael Ortiz, who said the ruling “turns faith into a crime.”",
        &[("Rafael Ortiz", Label::Person, "Rafael Ortiz")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Rafael Ortiz"));
    assert_eq!(q[0].cue, s("said"));
}

#[test]
fn appositive_lookup_stays_inside_its_sentence() {
    let q = quotes_with(
        "The envoy left on Friday. “The talks are over,” the source said Monday. That, the source said, ended the process.",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("the source"));
    assert_eq!(q[0].canonical, s("the source"));
}

#[test]
fn according_is_no_speaker() {
    let q = quotes_with(
        "According to court records, the defendant sent messages saying he would “finish the job” at the church.",
        &[],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_ne!(q[0].speaker, s("According"), "{q:?}");
}

#[test]
fn according_to_far_into_the_next_sentence_is_not_the_attribution() {
    let q = quotes_with(
        "Miriam Osei of the Freedom Desk said detention “is a cruel and needless punishment.” Last year at least 90 people were held in the region, according to the desk’s own figures.",
        &[("Miriam Osei", Label::Person, "Miriam Osei")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Miriam Osei"), "{q:?}");
    assert_eq!(q[0].cue, s("said"), "{q:?}");
    // Right after the quotation, "according to" still attributes it.
    let (_, sp, _) = one("“The ruling was unlawful,” according to the defence team.");
    assert_eq!(sp, s("the defence team"));
}

#[test]
fn sentence_final_partial_quote_keeps_its_cue_over_the_next_sentence() {
    let q = quotes_with(
        "Tomas Rell, a prison spokesman, told reporters that the inmates had “agreed to the transfer.” He added that a fourth inmate would be moved next week.",
        &[("Tomas Rell", Label::Person, "Tomas Rell")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Tomas Rell"), "{q:?}");
    assert_eq!(q[0].cue, s("told reporters"), "{q:?}");
}

// ---- pronoun salience -----------------------------------------------------

#[test]
fn she_is_the_previous_speaker_even_without_an_entity() {
    // Ilka Marsh is no entity, but she spoke last; the jailed man is no "she".
    let q = quotes_with(
        "The court jailed Dorin Valeanu for ten years.\n\n“We waited four years for this day,” said Ilka Marsh, the victim’s sister, outside the court.\n\n“But the men who paid him walk free,” she told reporters.",
        &[("Dorin Valeanu", Label::Person, "Dorin Valeanu")],
    );
    assert_eq!(q[1].speaker, s("she"));
    assert_eq!(q[1].canonical, s("Ilka Marsh"));
}

#[test]
fn he_is_the_unnamed_subject_of_the_previous_sentence_never_an_org() {
    let q = quotes_with(
        "The Appeals Court said the men had been convicted of theft. One villager, a baker who asked not to be named, said hundreds had watched. “They made everyone come. Nobody could leave before the end,” he said.",
        &[("Appeals Court", Label::Org, "Appeals Court")],
    );
    assert_eq!(q[0].canonical, s("One villager"));
}

#[test]
fn she_prefers_the_recent_subject_to_an_older_woman() {
    let q = quotes_with(
        "Judge Helena Brandt fined him 500 euros. She also ordered the books destroyed. His wife appealed the next week. Contacted by phone, the court’s clerk declined to comment. “The ruling stands,” she said.",
        &[("Helena Brandt", Label::Person, "Helena Brandt")],
    );
    assert_eq!(q[0].canonical, s("the court’s clerk"));
}

#[test]
fn she_is_not_a_man_by_his_given_name() {
    let q = quotes_with(
        "Police detained Ivan Sokolov on Monday. “We are afraid for our children,” she said.",
        &[("Ivan Sokolov", Label::Person, "Ivan Sokolov")],
    );
    assert_eq!(q[0].canonical, s("she"));
}

#[test]
fn he_is_the_lawyer_named_after_a_possessive() {
    let q = quotes_with(
        "Nadia Rahmani’s lawyer, Maître Luc Perrin, said he would appeal. “My client has done nothing wrong,” he said.",
        &[("Nadia Rahmani", Label::Person, "Nadia Rahmani")],
    );
    assert_eq!(q[0].canonical, s("Luc Perrin"));
}

#[test]
fn she_is_the_woman_named_in_an_appositive() {
    let q = quotes(
        "One of the detainees, a young woman named Saba, told reporters she was beaten. “They kept us in the dark for weeks,” she said.",
    );
    assert_eq!(q[0].canonical, s("Saba"));
}

#[test]
fn he_is_the_titled_name_after_an_organisation_possessive() {
    let q = quotes_with(
        "Brokerage analyst Peter K. Lind praised the plan. Mr. Lind noted that sales rose.\n\nBut Carver Bank’s Mr. Hollis, who cut his forecast, called the move “hasty.” While the results were a “mild letdown,” he said, “the bad news is the price war.”",
        &[
            ("Peter K. Lind", Label::Person, "Peter K. Lind"),
            ("Lind", Label::Person, "Peter K. Lind"),
            ("Hollis", Label::Person, "Tom Hollis"),
        ],
    );
    assert_eq!(q.last().unwrap().canonical, s("Tom Hollis"), "{q:?}");
}

// ---- continuation after a sentence-final quotation --------------------------

#[test]
fn continuation_does_not_take_the_next_sentence_as_attribution() {
    // "called on" is no speech cue; the second quote continues Petra Lind's.
    let q = quotes(
        "“We have lost our church,” said Petra Lind, the group’s secretary. “Twelve families now pray in a garage every Sunday.” She called on the mayor to return the building.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].parts.len(), 2);
    assert_eq!(q[0].speaker, s("Petra Lind"));
    assert_eq!(q[0].cue, s("said"));
}

#[test]
fn capitalized_pronoun_after_a_finished_quote_opens_a_new_sentence() {
    let q = quotes(
        "Neighbours gathered outside the court. “The trial was a farce from the first day to the last.” She urged the governor to free the men.",
    );
    assert!(q.iter().all(|x| x.cue.as_deref() != Some("urged")), "{q:?}");
    // ... but a bare attribution after the full stop still counts.
    let (_, speaker, cue) =
        one("“The trial was a farce from the first day to the last.” She said.");
    assert_eq!((speaker, cue), (s("She"), s("said")));
}

/// An opening frame ("On 7 June 2025,", "On Monday,") is no speaker, neither as
/// the clause subject of "X did this and shouted" nor as a name in apposition.
#[test]
fn an_opening_frame_is_no_speaker() {
    let (_, speaker, _) = one(
        "On 3 May 2024, Kellerman walked up to the men and shouted that they were “not welcome in this town”.",
    );
    assert_eq!(speaker, s("Kellerman"));
    let q = quotes("On Monday, the pastor shouted that the officers were “thieves of hymnals”.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("the pastor"));
    assert_eq!(q[0].canonical, s("the pastor"));
}

/// A pronoun's gender from a listed given name that is not the first word:
/// "Rana Abdul Hameed" is a man ("Abdul"), so "he" is him, not an earlier man.
#[test]
fn gender_from_a_middle_given_name() {
    let q = quotes_with(
        "The complaint came from a cleric, Maulana Tariq Aziz. Defence counsel Rana Abdul Hameed spoke to reporters after the hearing. “The case rests on screenshots,” he said.",
        &[
            ("Tariq Aziz", Label::Person, "Tariq Aziz"),
            ("Rana Abdul Hameed", Label::Person, "Rana Abdul Hameed"),
        ],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].canonical, s("Rana Abdul Hameed"));
}

/// An inverted cue opening the sentence reaches its quotation across a long
/// appositive ("Said Bishop X, head of …, “…”"), however many words it has.
#[test]
fn inverted_cue_before_a_long_appositive() {
    let (text, speaker, cue) = one(
        "Said Bishop Anselm Korir Wekesa, secretary of the diocesan justice commission in Eldoret, \"The officers are treating choir practice as a riot. Nobody in the parish feels safe.\"",
    );
    assert!(text[0].starts_with("The officers"), "{text:?}");
    assert_eq!((speaker, cue), (s("Anselm Korir Wekesa"), s("Said")));
}

/// A lower-case noun for a person works as a title before a name: "said
/// attorney X", "said lawyer X".
#[test]
fn lowercase_role_before_a_name_is_a_title() {
    let (_, speaker, cue) =
        one("\"No witness ever saw the money change hands,\" said attorney Marguerite Oyelaran-Bassey, who represents both men.");
    assert_eq!((speaker, cue), (s("Marguerite Oyelaran-Bassey"), s("said")));
    let (_, speaker, _) =
        one("\"The verdict was written before the trial,\" said lawyer Tomasz Wierzbicki.");
    assert_eq!(speaker, s("Tomasz Wierzbicki"));
}

/// The subject phrase of a partial quotation's clause stops before an adverb
/// that follows it ("The magistrate also …"), and an opening frame ("In the
/// months before the raid,") is no speaker.
#[test]
fn partial_quote_subject_stops_at_adverb_and_skips_frame() {
    let q = quotes(
        "The magistrate also ordered the seizure of the printing press and declared the pamphlet an “insult to the nation”, a finding that carries a ban.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("The magistrate"));
    let q = quotes(
        "In the months before the raid, Oduya posted messages on a forum saying that he meant to \"teach the chapel a lesson\" before Easter.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Oduya"));
}

/// "he" after "An official at the X Office, …, did this" is that official: the
/// phrase's head is "official", not the office named in its prepositional phrase.
#[test]
fn he_is_the_official_at_a_named_office() {
    let q = quotes(
        "A man who answered the phone at the district court would not give his name. Asked again, he said: \"Write to the chairman.\"\n\nAn officer at the Korgalzhyn Regional Migration Office, who gave only his first name, Yerlan, defended the fine. \"Rules are rules,\" he told the agency.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        q[1].canonical.as_deref(),
        Some("An officer at the Korgalzhyn Regional Migration Office")
    );
}

/// A name in apposition to a subject phrase may carry its own "of …" phrase:
/// "Her lawyer, X of the Y Institute, said …; “…,” he said" is X.
#[test]
fn appositive_name_with_its_organisation() {
    let q = quotes_with(
        "Her lawyer, Benedikt Aurelio Santangelo of the Turin Legal Clinic, said they would appeal. “The panel was under pressure from the crowd,” he said.",
        &[("Benedikt Aurelio Santangelo", Label::Person, "Benedikt Aurelio Santangelo")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].canonical, s("Benedikt Aurelio Santangelo"));
}

/// A cue word used as an adjective after a determiner ("An informed source") is
/// part of the speaker phrase.
#[test]
fn participle_adjective_in_the_speaker_phrase() {
    let (_, speaker, cue) =
        one("An informed official told the agency: \"The men were taken away at night.\"");
    assert_eq!(
        (speaker, cue),
        (s("An informed official"), s("told the agency"))
    );
}

/// An opening frame without its comma ("At the hearing he said:") is no reduced
/// relative clause, and its preposition is never the speaker.
#[test]
fn opening_frame_without_comma() {
    let (_, speaker, cue) =
        one("In her closing statement she said: \"I only prayed with my neighbours.\"");
    assert_eq!((speaker, cue), (s("she"), s("said")));
    let (_, speaker, _) =
        one("At the appeal hearing he told the judges: \"I only prayed with my neighbours.\"");
    assert_eq!(speaker, s("he"));
}

/// After the quotation, a name after a lower-case role noun and its modifiers
/// ("SIS executive director Rozana Isa said") is the speaker.
#[test]
fn name_after_role_noun_in_the_bridge() {
    let (_, speaker, _) = one(
        "\"Caning has no place in a modern state,\" SIS programme director Nadia Karim said in a statement.",
    );
    assert_eq!(speaker, s("Nadia Karim"));
}

/// A participle cue's subject phrase ends before a past verb with its object
/// ("A spokesman rejected the report, saying: …").
#[test]
fn participle_subject_stops_before_its_verb() {
    let (_, speaker, _) = one(
        "A foreign ministry spokesman dismissed the findings, saying: \"These claims are fabricated.\"",
    );
    assert_eq!(speaker, s("A foreign ministry spokesman"));
}

/// An appositive that ends in an acronym in parentheses, or opens with a
/// possessive ("CSW's Head of Advocacy"), is skipped to the name before it.
#[test]
fn appositive_with_acronym_or_possessive() {
    let (_, speaker, _) = one(
        "Ravi Menon, director of the Kerala Council of Churches (KCC), said the arrests were \"an abuse of the law.\"",
    );
    assert_eq!(speaker, s("Ravi Menon"));
    let (_, speaker, _) = one(
        "Lena Ortiz, Amnesty International's Americas director, said: \"This verdict must be quashed.\"",
    );
    assert_eq!(speaker, s("Lena Ortiz"));
}

/// A title phrase before a named appositive is the name; a possessive's
/// titled person is the speaker; a recipient ends before a place or a day.
#[test]
fn titled_appositives_and_recipients() {
    let (_, speaker, cue) = one(
        "\"Nobody is safe,\" the Special Rapporteur, Miriam Kessy, told the General Assembly in New York on Monday.",
    );
    assert_eq!(
        (speaker, cue),
        (s("Miriam Kessy"), s("told the General Assembly"))
    );
    let q = quotes_with(
        "\"We will appeal,\" said ADF's Legal Director Tomas Halloran.",
        &[("Tomas Halloran", Label::Person, "Tomas Halloran")],
    );
    assert_eq!(q[0].speaker, s("Tomas Halloran"), "{q:?}");
    let (_, _, cue) = one("\"He is sorry,\" his lawyer told the court the next day.");
    assert_eq!(cue, s("told the court"));
}

/// A name after an organization's role words is the speaker ("said ChinaAid
/// founder and president Bob Fu", "said Amnesty's regional director X", "EPA
/// president X, who …, said").
#[test]
fn names_after_an_organizations_role_words() {
    let (_, speaker, _) =
        one("\"The raids will not stop us,\" said GRLW founder and president Mei Lin Ho.");
    assert_eq!(speaker, s("Mei Lin Ho"));
    let (_, speaker, _) =
        one("\"We are not afraid,\" said Amnesty's regional director Karim Saleh.");
    assert_eq!(speaker, s("Karim Saleh"));
    let (_, speaker, _) = one(
        "EPA president Salim Chaker, who was arrested in 2021, said the closures were \"a slow strangulation of the church.\"",
    );
    assert_eq!(speaker, s("Salim Chaker"));
}

/// An attribution that ends with the speaker's organization still joins the
/// two halves of an interrupted quote.
#[test]
fn long_attribution_with_organization_joins_the_quote() {
    let q = quotes(
        "\"Fraud steals from every taxpayer,\" said Special Agent in Charge Dana Reyes of the U.S. Department of Health and Human Services, Office of Inspector General. \"We will keep finding these schemes.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].parts.len(), 2, "{q:?}");
}

/// A quotation its lead attributes and that ends its sentence is complete: the
/// next sentence's "He added that “…”" introduces a quotation of its own.
#[test]
fn led_quote_does_not_join_the_next_sentence() {
    let q = quotes(
        "Board chair Ilse Marquardt said: \"The mine has poisoned the river for a decade.\" He added that \"the ministry must close it before the rains.\"",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].speaker, s("Ilse Marquardt"));
    assert_eq!(q[0].cue, s("said"));
    assert_eq!(q[1].speaker, s("He"));
    assert_eq!(q[1].cue, s("added"));
}

/// A reported-speech sentence between two quotations gives the next one its
/// speaker and cue ("He added that …. “…”").
#[test]
fn reported_speech_sentence_names_the_next_quote() {
    let q = quotes(
        "\"The ferry was overloaded twice that week,\" Oskar Lindqvist said outside the court.\n\nHe added that the crew would have to testify again. \"Nobody checked the tickets and nobody counted the passengers.\"",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].speaker, s("He"));
    assert_eq!(q[1].cue, s("added"));
    assert_eq!(q[1].canonical, s("Oskar Lindqvist"));
}

/// "According to X" opening the sentence after a quotation sources that
/// sentence, not the quotation before it.
#[test]
fn according_to_does_not_attach_backwards() {
    let q = quotes(
        "\"We have not finished,\" Tove Aberg said. \"We will find the last courier.\" According to Aberg, customs has asked Danish police for help.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].parts.len(), 2, "{q:?}");
    assert_eq!(q[0].cue, s("said"));
}

/// A recipient's number belongs to it ("told Channel 9"); a plural noun for
/// people is a recipient ("told jurors"); a one-word answer with its speaker
/// is a quotation.
#[test]
fn recipients_with_numbers_and_plural_nouns() {
    let (_, sp, cue) = one("\"We will reopen the hall in spring,\" Marta Kovac told Channel 9.");
    assert_eq!((sp, cue), (s("Marta Kovac"), s("told Channel 9")));
    let (_, _, cue) = one("\"The boat was not seaworthy,\" the engineer told jurors on Tuesday.");
    assert_eq!(cue, s("told jurors"));
    let (p, sp, _) = one("\"Never,\" she told the local radio station.");
    assert_eq!((p, sp), (vec!["Never,".to_string()], s("she")));
}

/// "“…,” X told delegates. “…”" is one quotation in two parts, like "“…,” X
/// said. “…”".
#[test]
fn told_plural_recipient_joins_the_next_quote() {
    let q = quotes(
        "\"When a rumour can start a riot, the law protects nobody,\" Ms. Ekwueme told delegates. \"No faith needs a noose to defend it.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].parts.len(), 2, "{q:?}");
    assert_eq!(q[0].cue, s("told delegates"));
}

/// Partial quotations in reported speech: after "told X during Y that", a
/// one-word quote ending the reported clause, "ordered X to", and a second
/// partial quote in the sentence of an attributed one.
#[test]
fn partial_quotes_in_reported_clauses() {
    let (p, sp, cue) = one(
        "Dalia Hersh told jurors during her opening statement that the accused had \"chosen money over a human life.\"",
    );
    assert_eq!(p, vec!["chosen money over a human life.".to_string()]);
    assert_eq!((sp, cue), (s("Dalia Hersh"), s("told jurors")));
    let (p, sp, _) =
        one("Interior minister Paulo Reis said separately that the foreign reaction was \"hysterical.\"");
    assert_eq!((p, sp), (vec!["hysterical.".to_string()], s("Paulo Reis")));
    let (_, sp, cue) = one(
        "Meanwhile, Governor Ama Boateng, in a statement by her spokesman, Kofi Mensah, on Friday, condemned the raid and ordered the police commanders to \"arrest the gunmen and bring them to trial without delay.\"",
    );
    assert_eq!(
        (sp, cue),
        (s("Ama Boateng"), s("ordered the police commanders"))
    );
    let q = quotes(
        "The envoy, Mr. Karel Novak, said \"so-called reports\" about the camps were \"inventions spread by hostile foreign media,\" while others disagreed.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].speaker, s("Karel Novak"));
    assert_eq!(q[1].cue, s("said"));
}

/// Cue verbs of courts and documents: "she submitted", "the letter read", "One
/// of the counts reads: “…”".
#[test]
fn court_and_document_cues() {
    let (_, sp, cue) = one("\"Every stolen shilling is a stolen school desk,\" she submitted.");
    assert_eq!((sp, cue), (s("she"), s("submitted")));
    let (_, sp, cue) = one(
        "He admitted the offence. One of the charges reads: \"That you, Peter Okello, on a date in 2022 in Kampala, obtained money by false pretences.\"",
    );
    assert_eq!((sp, cue), (s("One of the charges"), s("reads")));
    let (p, sp, cue) = one(
        "\"I ran for office because my street asked me to. I never thought that counting votes could be a crime.\n\n\"I regret nothing. I only ask that my father be allowed to visit me,\" the note read.",
    );
    assert_eq!(p.len(), 2);
    assert_eq!((sp, cue), (s("the note"), s("read")));
}

/// A speaker phrase runs through an adjective's "to" ("A source close to the
/// family of X told …").
#[test]
fn source_close_to_a_family_is_the_speaker() {
    let (_, sp, cue) = one(
        "The men were hanged at dawn. A relative close to the family of Omid Rahnama told the monitor: \"He was beaten until he signed a confession.\"",
    );
    assert_eq!(sp, s("A relative close to the family of Omid Rahnama"));
    assert_eq!(cue, s("told the monitor"));
}

/// "the governor" resolves to the person named after the title earlier ("The
/// Kaduna State Governor, Musa Adamu,").
#[test]
fn role_noun_resolves_to_the_person_named_after_the_title() {
    let q = quotes_with(
        "The Kaduna State Governor, Musa Danladi Adamu, visited the village on Friday.\n\nSpeaking to reporters, the governor said, \"We will rebuild every house that was burned.\"",
        &[("Musa Danladi Adamu", Label::Person, "Musa Danladi Adamu")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("the governor"));
    assert_eq!(q[0].canonical, s("Musa Danladi Adamu"));
}

/// "According to X, …" makes X the subject of its sentence: a "she" in the next
/// sentence is X rather than an earlier speaker.
#[test]
fn according_to_names_the_next_pronoun() {
    let q = quotes_with(
        "Senator Helen Marsh said the act \"must be enforced in every province.\" She noted that 90 firms were listed.\n\nAccording to Dr. Dolkar Tsering of the Tibet Policy Institute, about 900,000 children now board at state schools. \"The aim is to raise children who see their faith through the Party's eyes,\" she testified.",
        &[
            ("Helen Marsh", Label::Person, "Helen Marsh"),
            ("Dolkar Tsering", Label::Person, "Dolkar Tsering"),
        ],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].canonical, s("Dolkar Tsering"));
    assert_eq!(q[1].cue, s("testified"));
}

/// A cue verb coordinated with an earlier clause ("… “alarmed” and urged Lima to
/// …") has that clause's subject: the noun phrase after it is its object.
#[test]
fn coordinated_cue_takes_the_earlier_subject() {
    let q = quotes_with(
        "A spokesman for the regional council, Tomasz Wrona, said the council was \"deeply alarmed\" and urged Lima to free everyone \"held only for what they preach.\"",
        &[("Tomasz Wrona", Label::Person, "Tomasz Wrona")],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].cue, s("urged"));
    assert_eq!(q[1].canonical, s("Tomasz Wrona"));
}

/// "he" does not refer to a subject inside an earlier quotation.
#[test]
fn pronoun_skips_subjects_inside_quotations() {
    let q = quotes_with(
        "KHULNA, May 2, 2024 - The tribunal ruled on Thursday.\n\n\"We waited nine years. My uncle's orchard was burned to the ground,\" Rezaul Karim told reporters.\n\n\"Justice came late,\" he added.",
        &[("Rezaul Karim", Label::Person, "Rezaul Karim")],
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].speaker, s("he"));
    assert_eq!(q[1].canonical, s("Rezaul Karim"));
}

/// "said X in Tbilisi, “…”": the place after the speaker is not the speaker,
/// and the quote split around the attribution is one quotation.
#[test]
fn place_after_an_inverted_speaker_is_not_the_speaker() {
    let q = quotes(
        "\"The numbers rise every year,\" said monitoring group co-chair Nino Beridze in Tbilisi, \"and nobody answers our letters.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].parts.len(), 2);
    assert_eq!(q[0].speaker, s("Nino Beridze"));
}

/// "A spokeswoman for the X said …": the spokeswoman speaks, not the X.
#[test]
fn spokeswoman_for_an_organization_is_the_speaker() {
    let q = quotes("A spokeswoman for the Lutheran World Relief Office said staff were \"shaken but safe\" after the raid.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].speaker,
        s("A spokeswoman for the Lutheran World Relief Office")
    );
}

/// "The Chairman of our Board, Rev. X, told …; “…,” he said": the name in
/// apposition is who "he" is.
#[test]
fn role_phrase_with_a_prepositional_tail_resolves_to_its_appositive_name() {
    let q = quotes_with(
        "The Secretary of our Synod, Rev. Dr. Ibrahim Dauda, told journalists in Bauchi on Monday that letters had gone unanswered. \"We have written three times,\" he said.",
        &[("Ibrahim Dauda", Label::Person, "Ibrahim Dauda")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].canonical, s("Ibrahim Dauda"));
}

/// A letter's greeting line ("To the faithful of …:") names no speaker; its
/// quoted paragraphs are kept without one.
#[test]
fn greeting_line_is_no_speaker() {
    let q = quotes(
        "To the believers of the eastern provinces:\n\n\"We carry you in our prayers every day, and we ask the authorities to let your pastors return home.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, None);
}

/// New cues: "dismissed … as", "denounced … as".
#[test]
fn dismissed_as_is_a_cue() {
    let q = quotes_with(
        "Interior Minister Baurzhan Seitov has dismissed the reports as \"lies invented abroad.\"",
        &[("Baurzhan Seitov", Label::Person, "Baurzhan Seitov")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].speaker, s("Baurzhan Seitov"));
    assert_eq!(q[0].cue, s("dismissed"));
}

/// The generated given-name genders: "she" skips a man whose gender only his
/// given name tells, and a hand-written `x` line takes a name given to both out.
#[test]
fn given_name_genders_from_the_generated_list() {
    let q = quotes_with(
        "Lawyer Anselmo Ferreira filed the appeal. Witness Georgina Tull spoke after him. \"I saw everything,\" she said.",
        &[
            ("Anselmo Ferreira", Label::Person, "Anselmo Ferreira"),
            ("Georgina Tull", Label::Person, "Georgina Tull"),
        ],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].canonical, s("Georgina Tull"));
    let lx = prex::quotes::lexicon::Lexicon::new(&Patterns::embedded()).unwrap();
    assert!(!lx.given.contains_key("Andrea"));
    assert!(lx.given.contains_key("Georgina"));
}

/// "praying “…”": a participle cue; the speaker is the clause's subject.
#[test]
fn praying_is_a_participle_cue() {
    let q = quotes_with(
        "The Patriarch, Bishop Elias Haddad, opened the synod on Sunday, praying \"for the families who lost their homes in the fire.\"",
        &[("Elias Haddad", Label::Person, "Elias Haddad")],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].cue, s("praying"));
    assert_eq!(q[0].canonical, s("Elias Haddad"));
}
