//! Word lists the entity rules read: person titles, given names, surnames and name
//! particles (`patterns/names/`), organization and law head words, connectors,
//! provision words and non-name capitalized words (`patterns/entities/`).

use anyhow::{bail, Result};

use super::tokens::{tokenize, Token};
use crate::patterns::{lines, word_list, Patterns};

pub use crate::hash::{byte_hash, Fx};

pub type FxSet = crate::hash::FxSet<String>;
pub type HashSet64 = crate::hash::FxSet<u64>;
pub type FxMap<V> = crate::hash::FxMap<String, V>;

/// Calls `f` with the lower-case form of `w`, without allocating for short ASCII words.
#[inline]
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    if w.len() <= 32 && w.is_ascii() {
        let mut buf = [0u8; 32];
        for (i, b) in w.bytes().enumerate() {
            buf[i] = b.to_ascii_lowercase();
        }
        f(std::str::from_utf8(&buf[..w.len()]).expect("ASCII"))
    } else {
        f(&w.to_lowercase())
    }
}

/// Calls `f` with `w` whose first letter is upper case ("province" → "Province").
pub fn with_capital<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_lowercase() && w.len() <= 32 => {
            let mut buf = [0u8; 32];
            buf[..w.len()].copy_from_slice(w.as_bytes());
            buf[0] = b.to_ascii_uppercase();
            f(std::str::from_utf8(&buf[..w.len()]).expect("an ASCII first byte"))
        }
        _ => f(w),
    }
}

/// Bit of `Lexicon::title_pairs` for an ASCII word: its first two bytes (with bit
/// 0x20 set: lower case for a letter, so that words equal ignoring ASCII case share
/// the bit) and its length.
#[inline(always)]
fn title_pair(w: &[u8]) -> usize {
    let b0 = w.first().map_or(0, |&b| b | 0x20) as u32;
    let b1 = w.get(1).map_or(0, |&b| b | 0x20) as u32;
    let x = b0 << 16 | b1 << 8 | (w.len().min(255) as u32);
    (x.wrapping_mul(0x9E37_79B1) >> (32 - 13)) as usize
}

/// ASCII word `w` is its lower case capitalized ("Minister", "1st": no upper-case
/// letter after the first byte) or upper-cased ("MINISTER": no lower-case letter),
/// the two forms of the title keys in `Lexicon::word_table`.
#[inline]
fn title_case_or_caps(w: &[u8]) -> bool {
    let rest_upper = w.iter().skip(1).any(u8::is_ascii_uppercase);
    !rest_upper || !w.iter().any(u8::is_ascii_lowercase)
}

/// Hash of `WordTable` (the tokenizer's, so that it can hash words as it finds them).
use super::tokens::hash_word;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// High half of the key's hash.
    tag: u32,
    /// The key is `bytes[off..off + len]`; `len == 0` marks an empty slot.
    off: u32,
    len: u32,
    val: u32,
    /// A second value (`Lexicon::add_first_words`; 0 by default).
    aux: u32,
}

/// An open-addressing table from words (byte strings) to `u32` values, much cheaper
/// per lookup than a `HashMap<String, _>` for the short words of running text. With
/// `fold`, keys are stored ASCII lower-cased and looked up ignoring ASCII case.
struct WordTable {
    slots: Box<[Slot]>,
    bytes: Vec<u8>,
    fold: bool,
}

impl WordTable {
    fn new<'a>(items: impl Iterator<Item = (&'a str, u32)>, fold: bool) -> Self {
        let items: Vec<(&[u8], u32, u32)> = items.map(|(k, v)| (k.as_bytes(), v, 0)).collect();
        Self::build(&items, fold)
    }

    /// A table of (key, value, aux) items (the first of equal keys kept).
    fn build(items: &[(&[u8], u32, u32)], fold: bool) -> Self {
        let size = (items.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![Slot::default(); size].into_boxed_slice(),
            bytes: Vec::new(),
            fold,
        };
        for &(k, val, aux) in items {
            if k.is_empty() || t.get(k).is_some() {
                continue;
            }
            let h = t.hash(k);
            let mask = size - 1;
            let mut i = h as usize & mask;
            while t.slots[i].len != 0 {
                i = (i + 1) & mask;
            }
            let off = t.bytes.len() as u32;
            t.bytes.extend(
                k.iter()
                    .map(|&b| if fold { b.to_ascii_lowercase() } else { b }),
            );
            t.slots[i] = Slot {
                tag: (h >> 32) as u32,
                off,
                len: k.len() as u32,
                val,
                aux,
            };
        }
        t
    }

    /// The table with every key of `extra` added (value `val_of(key)` for a new
    /// key) and its `aux` set to that of `extra`.
    fn with_aux(&self, extra: &[(&[u8], u32)], val_of: impl Fn(&[u8]) -> u32) -> Self {
        let mut aux: crate::hash::FxMap<&[u8], u32> = extra.iter().copied().collect();
        let mut items: Vec<(&[u8], u32, u32)> = self
            .slots
            .iter()
            .filter(|s| s.len != 0)
            .map(|s| {
                let k = &self.bytes[s.off as usize..(s.off + s.len) as usize];
                (k, s.val, aux.remove(k).unwrap_or(0))
            })
            .collect();
        // (in the order of `extra`, not of the map: the same table every run)
        items.extend(
            extra
                .iter()
                .filter(|(k, _)| aux.contains_key(k))
                .map(|&(k, a)| (k, val_of(k), a)),
        );
        Self::build(&items, self.fold)
    }

    #[inline]
    fn hash(&self, w: &[u8]) -> u64 {
        hash_word(w, self.fold)
    }

    /// The value of `w`, given its hash.
    #[inline(always)]
    fn get_hashed(&self, w: &[u8], h: u64) -> Option<u32> {
        self.probe(w, h, self.fold)
    }

    /// `get_hashed` in a table without `fold` (the compare known at compile time).
    #[inline(always)]
    fn get_exact(&self, w: &[u8], h: u64) -> Option<u32> {
        debug_assert!(!self.fold);
        self.probe(w, h, false)
    }

    #[inline(always)]
    fn probe(&self, w: &[u8], h: u64, fold: bool) -> Option<u32> {
        self.probe_slot(w, h, fold).map(|s| s.val)
    }

    /// The slot of `w`, given its hash.
    #[inline(always)]
    fn probe_slot(&self, w: &[u8], h: u64, fold: bool) -> Option<Slot> {
        let mask = self.slots.len() - 1;
        let tag = (h >> 32) as u32;
        let mut i = h as usize & mask;
        loop {
            let s = self.slots[i];
            if s.len == 0 {
                return None;
            }
            if s.tag == tag && s.len as usize == w.len() {
                let key = &self.bytes[s.off as usize..(s.off + s.len) as usize];
                // (whole-word compares: the words are short, a call costs more)
                if super::tokens::same_word(key, w, fold) {
                    return Some(s);
                }
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, w: &[u8]) -> Option<u32> {
        self.get_hashed(w, self.hash(w))
    }
}

/// Grammatical gender a title implies ("Mrs." → female).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub fn parse(s: &str) -> Option<Gender> {
        match s.to_ascii_lowercase().as_str() {
            "f" | "female" => Some(Gender::Female),
            "m" | "male" => Some(Gender::Male),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Title {
    /// Lower-cased token texts ("mr", ".").
    pub words: Vec<String>,
    pub kind: String,
    pub gender: Option<Gender>,
}

/// Word-list memberships, looked up once per capitalized token.
pub const F_STOP: u16 = 1;
pub const F_ORG: u16 = 2;
pub const F_LAW: u16 = 4;
pub const F_PROV: u16 = 8;
pub const F_NOT_NAME: u16 = 16;
pub const F_TITLE: u16 = 32;
pub const F_GIVEN: u16 = 64;
pub const F_GIVEN_AMB: u16 = 128;
pub const F_SURNAME: u16 = 256;
pub const F_SURNAME_FIRST: u16 = 512;
/// Some title (of any length) starts with this word: `title_at` can only succeed here.
pub const F_TITLE_START: u16 = 1024;

/// A law head that, capitalized and not at a sentence start, is a LAW by itself
/// ("the Constitution").
pub const LAW_ALONE: u8 = 1;
/// A law head that ends an ORG when a group's name (a gazetteer entry that is no
/// place) stands right before it and nothing follows ("Kachin Baptist Convention",
/// not "European Convention on Human Rights").
pub const LAW_ORG_AFTER_GROUP: u8 = 2;
/// A law head that makes a LAW only with a number ("Executive Order 14110").
pub const LAW_NUMBERED: u8 = 4;
/// Kinds of the words of `names/person_contexts.tsv`.
pub const CTX_SPEECH: u8 = 1; // '," said X Y'
pub const CTX_RELATIVE: u8 = 2; // "X Y, who"
pub const CTX_GROUP: u8 = 4; // "the applicants, X Y, Z W and U V"
pub const CTX_APPOS: u8 = 8; // "her lawyer, X Y, said"
pub const CTX_AGE: u8 = 16; // "X Y, a 41-year-old tailor"
pub const CTX_NAMES: u8 = 32; // "a prosecutor surnamed Gao"
pub const CTX_CREDIT: u8 = 64; // "Reporting by X Y; Editing by Z W"

/// Roles of a connector word inside organization and law names.
pub const INNER: u8 = 1; // may join capitalized words on the left of a head ("Ministry of ...")
pub const RIGHT: u8 = 2; // may start an extension after the head
pub const AFTER: u8 = 4; // only right after another connector ("of the")
pub const LATE: u8 = 8; // only after an earlier right extension ("... in North Korea")

pub struct Lexicon {
    pub titles: FxMap<Vec<Title>>,
    /// A one-hash Bloom filter (8,192 bits) of the first two bytes and the length of
    /// every ASCII title key: an ASCII word (whose lower case can only equal an ASCII
    /// key) is almost always rejected here, before it is hashed.
    title_pairs: Box<[u64; 128]>,
    pub given: FxSet,
    pub given_ambiguous: FxSet,
    pub surnames: FxSet,
    /// Surnames written before the given name ("Zhang Wei").
    pub surnames_first: FxSet,
    /// Family names written first that may take two short given-name syllables
    /// ("Goh Chee Keong"): `two-syllables` in `entities/surnames_first.txt`.
    pub two_syllable_surnames: FxSet,
    pub particles: FxSet,
    /// Surname endings (`names/surname_suffixes.txt`).
    pub surname_suffixes: Vec<String>,
    /// Indices in `surname_suffixes` by the ending's last byte.
    surname_by_last: Vec<Vec<u16>>,
    /// Context words that make a name run a person (`names/person_contexts.tsv`):
    /// word → `CTX_*` kinds.
    pub person_contexts: FxMap<u8>,
    /// The longest particle, in bytes (`may_be_particle`).
    particle_max: usize,
    /// `particles` as a `WordTable` looked up ignoring ASCII case (`is_particle_any_case`).
    particle_table: WordTable,
    pub org_heads: FxSet,
    /// Heads that need a word on their left ("Government": "Plateau State Government"
    /// but not "the Government of Eritrea").
    pub org_heads_left: FxSet,
    /// Last words of a capitalized run before an acronym that make it no organization
    /// ("First Information Report (FIR)").
    pub not_org_heads: FxSet,
    /// Verbs a Title Case headline capitalizes ("Expresses", "Urge"): in a headline
    /// they end an organization or law run.
    pub headline_verbs: FxSet,
    /// law head word → its flags ([`LAW_ALONE`], [`LAW_ORG_AFTER_GROUP`])
    pub law_heads: FxMap<u8>,
    pub provisions: FxSet,
    pub connectors: FxMap<u8>,
    pub name_stop: FxSet,
    /// Capitalized words that are never part of a person's name ("County", "Street").
    pub not_name: FxSet,
    /// Words that extend a place ("Kiambu County", "Punjab Province").
    pub place_suffixes: FxSet,
    /// Place suffixes that make a place of one unlisted capitalized word before
    /// them, even when they are organization heads ("Jumla District").
    pub one_word_places: FxSet,
    /// Place suffixes that make a place of the unlisted capitalized words before
    /// them ("Harris County", "Fort Bend County"): `#! place-heads` in
    /// place_suffixes.txt. They are heads of the organization rule, which labels
    /// such a run GPE.
    pub place_heads: FxSet,
    /// Lower-case patronymic particles ("bin", "bint"): `names/patronymics.txt`.
    pub patronymics: FxSet,
    /// Abbreviated given names read as initials ("Md.", "Mohd."):
    /// `names/name_abbreviations.txt`.
    pub name_abbreviations: FxSet,
    /// Generational suffixes whose period belongs to the name ("Jr.", "Sr."):
    /// `names/name_suffixes.txt`.
    pub name_suffixes: FxSet,
    /// Words that are titles or stop words elsewhere but name words between two
    /// name words ("Sarita Kumari Tharu", "Tuti Sri Wahyuni"): `names/inner_names.txt`.
    pub inner_names: FxSet,
    /// Day names that are also given names ("Friday Olokor"): `names/day_names.txt`.
    pub day_names: FxSet,
    /// Words that keep such a pair an organization ("Southern District").
    pub not_place_words: FxSet,
    /// Lower-case words after a name (up to two modifiers between) that make it
    /// a facility, not a person: "Mai Serwa maximum security prison".
    pub facility_words: FxSet,
    /// Words that make a place name before them a street ("Thornbury Road").
    pub street_suffixes: FxSet,
    /// Words before a street name ("on Manningham Lane"): `#! before` in
    /// street_suffixes.txt.
    pub street_before: FxSet,
    /// All case-sensitive word lists in one map: word → `F_*` flags.
    pub words: FxMap<u16>,
    /// `words` as a `WordTable`.
    word_table: WordTable,
    /// The ASCII title keys (lower case) → index in `title_lists`.
    title_table: WordTable,
    title_lists: Vec<Vec<Title>>,
    /// `F_TITLE | F_TITLE_START` or `F_TITLE_START` of each of `title_lists`.
    title_flags: Vec<u16>,
    /// First bytes of the `words` keys and of the title keys (in both ASCII cases;
    /// every non-ASCII byte), and of the gazetteer's first words (`add_first_words`):
    /// `flags` is 0 for a word starting with any other byte.
    flag_first: [bool; 256],
    /// "Section 295-C of the Pakistan Penal Code" is one LAW span.
    pub provision_extend_of: bool,
    /// Words that may follow a provision number ("Article 500 bis").
    pub provision_suffixes: FxSet,
    /// Words of a sub-part written after a provision ("Article 361-1, Part 2").
    pub provision_parts: FxSet,
    /// Words before a law's number ("Law No. 1 of 2023"): `number-words` in
    /// `entities/law_provisions.txt`.
    pub law_number_words: FxSet,
    /// Words that open a numbered law's title ("… No. 7 of 2014 on Combating
    /// Terrorism"): `title-words` in `entities/law_provisions.txt`.
    pub law_title_words: FxSet,
}

fn set(patterns: &Patterns, path: &str, required: bool) -> Result<FxSet> {
    let Some(c) = (if required {
        Some(patterns.require(path)?)
    } else {
        patterns.get(path)
    }) else {
        return Ok(FxSet::default());
    };
    Ok(word_list(c).map(str::to_string).collect())
}

impl Lexicon {
    /// A capitalized word of six letters or more with a surname ending
    /// ("Tokhtarova", "Abishev"), not written in capitals.
    pub fn surname_by_ending(&self, w: &str) -> bool {
        w.chars().count() >= 6
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '\'')
            && self.has_surname_suffix(w.as_bytes())
    }

    /// `w` ends in one of the surname endings (only those with its last byte are
    /// compared).
    #[inline]
    fn has_surname_suffix(&self, w: &[u8]) -> bool {
        let Some(&last) = w.last() else {
            return false;
        };
        self.surname_by_last[last as usize].iter().any(|&i| {
            let s = self.surname_suffixes[i as usize].as_bytes();
            s.len() <= w.len() && super::tokens::same_word(s, &w[w.len() - s.len()..], false)
        })
    }

    pub fn new(patterns: &Patterns) -> Result<Self> {
        Self::with_org_heads(patterns, std::iter::empty())
    }

    /// The lexicon, with `extra` organization heads beside `org_heads.txt` (the
    /// heads written first, "Comisión …").
    pub fn with_org_heads<'e>(
        patterns: &Patterns,
        extra: impl IntoIterator<Item = &'e String>,
    ) -> Result<Self> {
        let mut titles: FxMap<Vec<Title>> = FxMap::default();
        let path = "names/titles.tsv";
        let mut toks: Vec<Token> = Vec::new();
        for line in lines(patterns.require(path)?) {
            let t = line.col(0);
            tokenize(t, &mut toks);
            if toks.is_empty() {
                bail!("{path}:{}: empty title", line.number);
            }
            let words: Vec<String> = toks.iter().map(|x| x.text(t).to_lowercase()).collect();
            let g = line.col(2);
            let gender = Gender::parse(g);
            if gender.is_none()
                && !g.is_empty()
                && !matches!(g, "-" | "any" | "n" | "neutral" | "x" | "u")
            {
                bail!("{path}:{}: gender {g:?}: want m, f or empty", line.number);
            }
            titles.entry(words[0].clone()).or_default().push(Title {
                words,
                kind: line.col(1).to_string(),
                gender,
            });
        }
        for v in titles.values_mut() {
            v.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        }
        let mut law_heads = FxMap::default();
        let path = "entities/law_heads.tsv";
        for line in lines(patterns.require(path)?) {
            let flags = match line.col(1) {
                "" => 0,
                "alone" => LAW_ALONE,
                "org_after_group" => LAW_ORG_AFTER_GROUP,
                "numbered" => LAW_NUMBERED,
                x => bail!(
                    "{path}:{}: unknown flag {x:?} (want `alone`, `org_after_group`, `numbered` or nothing)",
                    line.number
                ),
            };
            law_heads.insert(line.col(0).to_string(), flags);
        }
        let mut person_contexts = FxMap::default();
        let path = "names/person_contexts.tsv";
        for line in lines(patterns.get(path).unwrap_or("")) {
            let kind = match line.col(1) {
                "speech" => CTX_SPEECH,
                "relative" => CTX_RELATIVE,
                "group" => CTX_GROUP,
                "appos" => CTX_APPOS,
                "age" => CTX_AGE,
                "names" => CTX_NAMES,
                "credit" => CTX_CREDIT,
                x => bail!(
                    "{path}:{}: unknown kind {x:?} (want speech, relative, group, appos, age, names or credit)",
                    line.number
                ),
            };
            *person_contexts.entry(line.col(0).to_string()).or_insert(0) |= kind;
        }
        let mut connectors = FxMap::default();
        let path = "entities/connectors.tsv";
        for line in lines(patterns.require(path)?) {
            let mut roles = 0;
            for r in line.col(1).split(',').map(str::trim) {
                roles |= match r {
                    "inner" => INNER,
                    "right" => RIGHT,
                    "after" => AFTER,
                    "late" => LATE,
                    x => bail!(
                        "{path}:{}: unknown role {x:?} (want inner, right, after, late)",
                        line.number
                    ),
                };
            }
            connectors.insert(line.col(0).to_string(), roles);
        }
        let provisions_file = patterns.require("entities/law_provisions.txt")?;
        let provision_extend_of = crate::patterns::directives(provisions_file)
            .any(|d| d.replace(' ', "") == "extend-of=yes");
        let words = |content, name| -> FxSet {
            crate::patterns::directive_words(content, name)
                .map(str::to_string)
                .collect()
        };
        let provision_suffixes = words(provisions_file, "suffixes");
        let provision_parts = words(provisions_file, "parts");
        let law_number_words = words(provisions_file, "number-words");
        let law_title_words = words(provisions_file, "title-words");
        let place_suffixes_file = patterns.get("entities/place_suffixes.txt").unwrap_or("");
        let one_word_places = words(place_suffixes_file, "one-word-place");
        let place_heads = words(place_suffixes_file, "place-heads");
        let not_place_words = words(place_suffixes_file, "not-place-words");
        let facility_words = words(place_suffixes_file, "facility-words");
        let street_file = patterns.get("entities/street_suffixes.txt").unwrap_or("");
        let street_before = words(street_file, "before");
        let mut title_pairs = Box::new([0u64; 128]);
        for k in titles.keys().filter(|k| k.is_ascii()) {
            let i = title_pair(k.as_bytes());
            title_pairs[i >> 6] |= 1 << (i & 63);
        }
        let mut lex = Lexicon {
            word_table: WordTable::new(std::iter::empty(), false),
            title_table: WordTable::new(std::iter::empty(), true),
            title_lists: Vec::new(),
            title_flags: Vec::new(),
            title_pairs,
            words: FxMap::default(),
            flag_first: [false; 256],
            provision_suffixes,
            provision_parts,
            law_number_words,
            law_title_words,
            titles,
            given: set(patterns, "names/given_names.txt", true)?,
            given_ambiguous: set(patterns, "names/given_names_ambiguous.txt", false)?,
            surnames: set(patterns, "names/surnames.txt", false)?,
            surnames_first: set(patterns, "entities/surnames_first.txt", false)?,
            two_syllable_surnames: words(
                patterns.get("entities/surnames_first.txt").unwrap_or(""),
                "two-syllables",
            ),
            person_contexts,
            surname_suffixes: patterns
                .get("names/surname_suffixes.txt")
                .map(|c| word_list(c).map(str::to_string).collect())
                .unwrap_or_default(),
            particles: set(patterns, "names/name_particles.txt", false)?
                .into_iter()
                .map(|p| p.to_lowercase())
                .collect(),
            surname_by_last: vec![Vec::new(); 256],
            particle_max: 0,
            particle_table: WordTable::new(std::iter::empty(), true),
            org_heads: {
                let mut h = set(patterns, "entities/org_heads.txt", true)?;
                h.extend(extra.into_iter().cloned());
                h
            },
            not_org_heads: set(patterns, "entities/not_org_heads.txt", true)?,
            headline_verbs: set(patterns, "entities/headline_verbs.txt", false)?,
            org_heads_left: lines(patterns.require("entities/org_heads.txt")?)
                .filter(|l| l.col(1) == "needs-left")
                .map(|l| l.col(0).to_string())
                .collect(),
            law_heads,
            provisions: word_list(provisions_file).map(str::to_string).collect(),
            connectors,
            name_stop: set(patterns, "entities/name_stop.txt", true)?,
            not_name: set(patterns, "entities/not_name.txt", false)?,
            place_suffixes: set(patterns, "entities/place_suffixes.txt", false)?,
            one_word_places,
            place_heads,
            patronymics: set(patterns, "names/patronymics.txt", false)?,
            name_abbreviations: set(patterns, "names/name_abbreviations.txt", false)?,
            name_suffixes: set(patterns, "names/name_suffixes.txt", false)?,
            inner_names: set(patterns, "names/inner_names.txt", false)?,
            day_names: set(patterns, "names/day_names.txt", false)?,
            not_place_words,
            facility_words,
            street_suffixes: set(patterns, "entities/street_suffixes.txt", false)?,
            street_before,
            provision_extend_of,
        };
        for (i, s) in lex.surname_suffixes.iter().enumerate() {
            if let Some(&b) = s.as_bytes().last() {
                lex.surname_by_last[b as usize].push(i as u16);
            }
        }
        lex.particle_max = lex.particles.iter().map(String::len).max().unwrap_or(0);
        lex.particle_table = WordTable::new(lex.particles.iter().map(|p| (p.as_str(), 0)), true);
        let mut words: FxMap<u16> = FxMap::default();
        let mut add = |set: &mut dyn Iterator<Item = &String>, f: u16| {
            for w in set {
                *words.entry(w.clone()).or_default() |= f;
            }
        };
        add(&mut lex.name_stop.iter(), F_STOP);
        add(&mut lex.org_heads.iter(), F_ORG);
        add(&mut lex.place_heads.iter(), F_ORG);
        add(&mut lex.law_heads.keys(), F_LAW);
        add(&mut lex.provisions.iter(), F_PROV);
        add(&mut lex.not_name.iter(), F_NOT_NAME);
        add(&mut lex.given.iter(), F_GIVEN);
        add(&mut lex.given_ambiguous.iter(), F_GIVEN_AMB);
        add(&mut lex.surnames.iter(), F_SURNAME);
        add(&mut lex.surnames_first.iter(), F_SURNAME_FIRST);
        let mut flag_first = [false; 256];
        flag_first[0x80..].fill(true);
        for k in words.keys().chain(lex.titles.keys()) {
            if let Some(&b) = k.as_bytes().first() {
                flag_first[b.to_ascii_lowercase() as usize] = true;
                flag_first[b.to_ascii_uppercase() as usize] = true;
            }
        }
        let ascii_titles: Vec<(&String, &Vec<Title>)> =
            lex.titles.iter().filter(|(k, _)| k.is_ascii()).collect();
        lex.title_table = WordTable::new(
            ascii_titles
                .iter()
                .enumerate()
                .map(|(i, (k, _))| (k.as_str(), i as u32)),
            true,
        );
        lex.title_flags = ascii_titles
            .iter()
            .map(|(_, v)| {
                if v.iter().any(|t| t.words.len() == 1 || t.words[1] == ".") {
                    F_TITLE | F_TITLE_START
                } else {
                    F_TITLE_START
                }
            })
            .collect();
        // the word table also answers the title question of its words (1 + the index
        // of the titles that start with the word, in the upper 16 bits: see
        // `flags_hashed`), and holds the capitalized and upper-case forms of the ASCII
        // title keys ("President", "PRESIDENT"), with no flags, for that answer alone
        // (the title flags are in the lower half too: the flags of the word)
        let title_of = |w: &str| -> u32 {
            if !w.is_ascii() {
                return 0;
            }
            lex.title_table.get(w.as_bytes()).map_or(0, |i| {
                (i + 1) << 16 | u32::from(lex.title_flags[i as usize])
            })
        };
        let mut table: Vec<(&str, u32)> = words
            .iter()
            .map(|(k, &v)| (k.as_str(), u32::from(v) | title_of(k)))
            .collect();
        let forms: Vec<String> = ascii_titles
            .iter()
            .flat_map(|(k, _)| {
                let mut cap = k.to_string();
                if let Some(f) = cap.get_mut(..1) {
                    f.make_ascii_uppercase();
                }
                [cap, k.to_ascii_uppercase()]
            })
            .filter(|f| !words.contains_key(f))
            .collect();
        table.extend(forms.iter().map(|f| (f.as_str(), title_of(f))));
        lex.word_table = WordTable::new(table.into_iter(), false);
        lex.title_lists = ascii_titles.into_iter().map(|(_, v)| v.clone()).collect();
        if lex.title_lists.len() >= usize::from(u16::MAX) {
            bail!(
                "names/titles.tsv: too many titles ({})",
                lex.title_lists.len()
            );
        }
        lex.words = words;
        lex.flag_first = flag_first;
        Ok(lex)
    }

    /// The `F_*` flags of a capitalized word.
    #[inline]
    pub fn flags(&self, w: &str) -> u16 {
        // a word whose first byte starts no list word and no title has no flags
        if !w
            .as_bytes()
            .first()
            .is_some_and(|&b| self.flag_first[b as usize])
        {
            return 0;
        }
        let b = w.as_bytes();
        debug_assert!(!self.word_table.fold);
        if b.is_ascii() {
            let h = hash_word(b, false);
            let f = self.word_table.get_exact(b, h).map_or(0, |v| v as u16);
            if !self.may_start_title(b) {
                return f;
            }
            return match self.title_table.get(b) {
                Some(i) => f | self.title_flags[i as usize],
                None => f,
            };
        }
        let f = self.words.get(w).copied().unwrap_or(0);
        // one lookup in the title table answers both title questions
        match self.titles_starting(w) {
            None => f,
            Some(v) if v.iter().any(|t| t.words.len() == 1 || t.words[1] == ".") => {
                f | F_TITLE | F_TITLE_START
            }
            Some(_) => f | F_TITLE_START,
        }
    }

    /// `flags` of a capitalized word of ASCII letters and digits only, given its hash
    /// (`tokens::hash_word`), and 1 + the index of the titles that
    /// start with it (0: none; `Token::title`): one probe of the word table for the
    /// words of the lists and the usual forms of the title words.
    #[inline(always)]
    pub fn flags_hashed(&self, b: &[u8], h: u64) -> (u16, u16) {
        let (f, title, _) = self.word_hashed(b, h);
        (f, title)
    }

    /// Adds the first words of the gazetteer keys (`Gazetteer::first_words`: word,
    /// 1 + its slot) to the word table, so that one probe (`word_hashed`) answers the
    /// word lists, the titles and the gazetteer together.
    pub fn add_first_words(&mut self, words: &[(&[u8], u32)]) {
        // a first word that is no list word nor title form gets the value of its
        // titles (those that start with it in another case, as `unlisted_title`
        // finds them), so that every word in the table has its answer there
        let titles = |w: &[u8]| -> u32 {
            if !w.is_ascii() {
                return 0;
            }
            self.title_table.get(w).map_or(0, |i| {
                (i + 1) << 16 | u32::from(self.title_flags[i as usize])
            })
        };
        self.word_table = self.word_table.with_aux(words, titles);
        for (w, _) in words {
            if let Some(&b) = w.first() {
                self.flag_first[b as usize] = true;
            }
        }
    }

    /// `flags_hashed`, and the gazetteer slot of the word (`add_first_words`; 0: the
    /// word starts no gazetteer key), from one probe of the word table.
    #[inline(always)]
    pub fn word_hashed(&self, b: &[u8], h: u64) -> (u16, u16, u32) {
        if !b.first().is_some_and(|&c| self.flag_first[c as usize]) {
            return (0, 0, 0);
        }
        debug_assert!(b.is_ascii());
        match self.word_table.probe_slot(b, h, false) {
            // (a word of the table knows its flags and titles: `new`,
            // `add_first_words`)
            Some(s) => (s.val as u16, (s.val >> 16) as u16, s.aux),
            None => {
                let (f, title) = self.unlisted_title(b);
                (f, title, 0)
            }
        }
    }

    /// `flags_hashed` of an ASCII word that is not in the word table: its title
    /// flags and titles only (most words are rejected here, without a call).
    #[inline(always)]
    fn unlisted_title(&self, b: &[u8]) -> (u16, u16) {
        if !self.may_start_title(b) {
            return (0, 0);
        }
        self.mixed_case_title(b)
    }

    /// `unlisted_title` of a word that may start a title.
    #[inline(never)]
    fn mixed_case_title(&self, b: &[u8]) -> (u16, u16) {
        // (the table holds the capitalized and the upper-case form of every ASCII
        // title key: a word in either form that is not in it starts no title)
        if title_case_or_caps(b) {
            return (0, 0);
        }
        match self.title_table.get(b) {
            // (fewer than 65,535 title lists: `new` checks)
            Some(i) => (self.title_flags[i as usize], i as u16 + 1),
            None => (0, 0),
        }
    }

    /// `w` is on `name_stop` (its `F_STOP` flag in the word table: one probe, no
    /// `HashSet` hashing).
    #[inline]
    pub fn is_name_stop(&self, w: &str) -> bool {
        self.word_table
            .get(w.as_bytes())
            .is_some_and(|v| v as u16 & F_STOP != 0)
    }

    /// `w` lower-cased (`with_lower`) is a name particle: for an ASCII word, one
    /// probe of a table that ignores ASCII case (no lower-case copy to build).
    #[inline]
    pub fn is_particle_any_case(&self, w: &str) -> bool {
        if w.is_ascii() {
            // (the particles are lower case: an ASCII word lower-cases to one of
            // them iff it equals it ignoring ASCII case)
            return self.particle_table.get(w.as_bytes()).is_some();
        }
        with_lower(w, |l| self.particles.contains(l))
    }

    /// False when `w` (in any case) is surely no name particle: an ASCII word longer
    /// than every particle.
    #[inline]
    pub fn may_be_particle(&self, w: &str) -> bool {
        w.len() <= self.particle_max || !w.is_ascii()
    }

    /// False when the ASCII word `w` starts no title (its first two bytes and length
    /// are not those of a title key); true may be a false positive.
    #[inline(always)]
    pub fn may_start_title(&self, w: &[u8]) -> bool {
        let i = title_pair(w);
        self.title_pairs[i >> 6] & (1 << (i & 63)) != 0
    }

    /// The titles whose first word is `w` (in any case).
    #[inline]
    fn titles_starting(&self, w: &str) -> Option<&Vec<Title>> {
        if w.is_ascii() {
            if !self.may_start_title(w.as_bytes()) {
                return None;
            }
            return self
                .title_table
                .get(w.as_bytes())
                .map(|i| &self.title_lists[i as usize]);
        }
        with_lower(w, |l| self.titles.get(l))
    }

    /// The longest title starting at token `i`: (number of tokens, title).
    pub fn title_at(&self, text: &str, toks: &[Token], i: usize) -> Option<(usize, &Title)> {
        let first = toks[i].text(text);
        // the scan found the titles of most capitalized words already
        let cands = match toks[i].title {
            0 => self.titles_starting(first)?,
            n => &self.title_lists[usize::from(n) - 1],
        };
        'outer: for t in cands {
            if i + t.words.len() > toks.len() {
                continue;
            }
            for (k, w) in t.words.iter().enumerate().skip(1) {
                let tok = toks[i + k];
                let tw = tok.text(text);
                // `w` is lower case: an ASCII token equals it ignoring ASCII case
                // (compared a word at a time; only a token that is not ASCII is
                // lower-cased)
                let tb = tw.as_bytes();
                let same = if super::tokens::same_word(w.as_bytes(), tb, true) {
                    tb.is_ascii() || with_lower(tw, |l| l == w)
                } else {
                    !tb.is_ascii() && with_lower(tw, |l| l == w)
                };
                if !same {
                    continue 'outer;
                }
            }
            return Some((t.words.len(), t));
        }
        None
    }
}
