//! Accent folding for the name lists: "Hélène", "José", "Zoë", "Đặng", "Çelik" are
//! looked up as "Helene", "Jose", "Zoe", "Dang", "Celik" when the word itself is in
//! no list, so an accented spelling of a listed name is name evidence too (the lists
//! in `patterns/names/` are mostly written without accents).

use super::lexicon::{Lexicon, F_GIVEN, F_GIVEN_AMB, F_SURNAME, F_SURNAME_FIRST};

/// The name-list flags a folded word may borrow.
pub const NAME_FLAGS: u16 = F_GIVEN | F_GIVEN_AMB | F_SURNAME | F_SURNAME_FIRST;

/// Base letters of U+00C0..=U+017F ('\0': no single-letter fold).
const LATIN: &str = "AAAAAA\0CEEEEIIII\
DNOOOOO\0OUUUUY\0\0\
aaaaaa\0ceeeeiiii\
dnooooo\0ouuuuy\0y\
AaAaAaCcCcCcCcDd\
DdEeEeEeEeEeGgGg\
GgGgHhHhIiIiIiIi\
Ii\0\0JjKkkLlLlLlL\
lLlNnNnNnnNnOoOo\
Oo\0\0RrRrRrSsSsSs\
SsTtTtTtUuUuUuUu\
UuUuWwYyYZzZzZzs";

/// Base letters of U+1EA0..=U+1EF9 (Vietnamese: "Ặ", "ể", "ỹ").
const VIET: &str = "AaAaAaAaAaAaAaAaAaAaAaAa\
EeEeEeEeEeEeEeEe\
IiIi\
OoOoOoOoOoOoOoOoOoOoOoOo\
UuUuUuUuUuUuUu\
YyYyYyYy";

/// The ASCII letter(s) of a Latin letter with a diacritic, if it has one.
fn base(c: char) -> Option<&'static str> {
    let u = c as u32;
    // (the tables are ASCII: any one-byte slice is a whole character)
    let one = |table: &'static str, i: usize| Some(&table[i..i + 1]).filter(|b| *b != "\0");
    match u {
        0xC0..=0x17F => match c {
            'Æ' => Some("AE"),
            'æ' => Some("ae"),
            'Œ' => Some("OE"),
            'œ' => Some("oe"),
            'ß' => Some("ss"),
            'Ĳ' => Some("IJ"),
            'ĳ' => Some("ij"),
            _ => one(LATIN, (u - 0xC0) as usize),
        },
        0x1EA0..=0x1EF9 => one(VIET, (u - 0x1EA0) as usize),
        _ => match c {
            'Ơ' | 'Ǒ' => Some("O"),
            'ơ' | 'ǒ' => Some("o"),
            'Ư' | 'Ǔ' => Some("U"),
            'ư' | 'ǔ' => Some("u"),
            'Ș' => Some("S"),
            'ș' => Some("s"),
            'Ț' => Some("T"),
            'ț' => Some("t"),
            'Ǎ' => Some("A"),
            'ǎ' => Some("a"),
            'Ǐ' => Some("I"),
            'ǐ' => Some("i"),
            _ => None,
        },
    }
}

/// `w` without its diacritics into `out` (cleared first): true when every
/// non-ASCII character folded and at least one did.
pub fn fold_into(w: &str, out: &mut String) -> bool {
    out.clear();
    let mut folded = false;
    for c in w.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(b) = base(c) {
            out.push_str(b);
            folded = true;
        } else {
            return false;
        }
    }
    folded
}

/// The name-list flags of capitalized word `w` spelled without its accents (0 when
/// `w` is ASCII or has a character that does not fold).
pub fn name_flags(lex: &Lexicon, w: &str, buf: &mut String) -> u16 {
    if w.is_ascii() || !fold_into(w, buf) {
        return 0;
    }
    lex.flags(buf) & NAME_FLAGS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_and_vietnamese() {
        let mut s = String::new();
        for (w, f) in [
            ("Hélène", "Helene"),
            ("José", "Jose"),
            ("Zoë", "Zoe"),
            ("Đặng", "Dang"),
            ("Çelik", "Celik"),
            ("Nguyễn", "Nguyen"),
            ("Łukasz", "Lukasz"),
            ("Ștefan", "Stefan"),
            ("Øystein", "Oystein"),
            ("Ÿ", "Y"),
            ("ſ", "s"),
            ("Ā", "A"),
            ("ỹ", "y"),
            ("Ặ", "A"),
            ("Ự", "U"),
        ] {
            assert!(fold_into(w, &mut s), "{w}");
            assert_eq!(s, f);
        }
        assert!(!fold_into("Jose", &mut s));
        assert!(!fold_into("Ωmega", &mut s));
    }
}
