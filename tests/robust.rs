//! Nothing panics on any input: random bytes, truncated UTF-8 and random text go
//! through decoding, HTML reading and the whole pipeline.

use prex::document::Format;
use prex::input::{decode, document_from_content};
use prex::{Pipeline, Record};

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "“", "”", "‘", "’", "\"", "'", "«", "»", ". ", "? ", "!", "…", "\n", "\n\n", "\r\n", " ",
    "Mr.", "U.S.", "D.C.", "said", "told", "sentenced to ", "three-year prison sentence",
    "$1.2 million", "Rs. 50,000", "Section 295-C", "December 18, 2020", "last month",
    "Monday", "1995", "12/18/2020", "President Moon Jae-in", "North Korea", "Pakistan’s",
    "(ICC)", "International Christian Concern", "–", "—", "é", "漢字", "😀", "\u{200D}",
    "\u{0301}", "\u{202E}", "\u{A0}", "\0", "<p>", "</p>", "<script>", "&amp;", "fined",
    "80 lashes", "death", "up to 20 years", "the letter says", "According to", ":", ",",
];

fn check(pipeline: &Pipeline, doc: prex::Document) {
    let len = doc.text.chars().count();
    let rec: Record = pipeline.process(doc);
    assert_eq!(rec.source.chars, len);
    for s in &rec.sentences {
        assert!(s.start < s.end && s.end <= len);
    }
    for e in &rec.entities {
        assert!(e.start < e.end && e.end <= len);
    }
    for d in &rec.dates {
        assert!(d.start < d.end && d.end <= len);
    }
    for q in &rec.quotations {
        assert!(q.start <= q.end && q.end <= len);
    }
    for p in &rec.penalties {
        assert!(p.start < p.end && p.end <= len);
    }
    let _ = rec.to_json_line();
}

#[test]
fn random_bytes_never_panic() {
    let pipeline = Pipeline::with_defaults().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..400 {
        let n = rng.below(600);
        let mut bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        if round % 3 == 0 {
            // Mostly text with truncated multi-byte sequences.
            bytes = "Sentenced “Korea’s” é 漢 😀. ".repeat(1 + n / 30).into_bytes();
            let cut = rng.below(bytes.len());
            bytes.truncate(cut);
        }
        let mut warnings = Vec::new();
        if let Ok(text) = decode(&bytes, &mut warnings) {
            let format = if round % 5 == 0 { Format::Html } else { Format::Text };
            check(&pipeline, document_from_content(format!("r{round}"), text, format, n, warnings));
        }
    }
}

#[test]
fn random_press_release_like_text_never_panics() {
    let pipeline = Pipeline::with_defaults().unwrap();
    let mut rng = Rng(42);
    for round in 0..600 {
        let mut s = String::new();
        for _ in 0..rng.below(120) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        let format = if round % 7 == 0 { Format::Html } else { Format::Text };
        check(&pipeline, document_from_content(format!("t{round}"), s.clone(), format, s.len(), vec![]));
    }
}
