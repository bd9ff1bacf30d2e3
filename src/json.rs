//! A small JSON writer for the record's fixed shape: keys are written as literals,
//! strings are escaped eight bytes at a time, numbers without `fmt`. It writes the
//! same bytes as `serde_json::to_writer` (compact) for every record — a test over the
//! bundled corpus and hostile strings checks that — at a fraction of the cost, because
//! serde_json escapes every key and checks every byte one at a time.

/// An output buffer with JSON building blocks. Callers write objects as
/// `open(b'{')`, `key!(out, "name")`, value, … , `close(b'}')`; members and
/// elements put their own commas.
pub struct JsonOut {
    buf: Vec<u8>,
    /// Whether the innermost open object or array has a member yet.
    first: bool,
}

/// Starts the object member `$name` (a literal that needs no escaping).
macro_rules! key {
    ($out:expr, $name:literal) => {
        $out.member(concat!("\"", $name, "\":"))
    };
}
pub(crate) use key;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Whether any of the eight bytes in `w` is a control byte (< 0x20), `"` or `\`.
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    // Bytes < 0x20: subtracting 0x20 borrows into the high bit, unless the byte had
    // its high bit set already (UTF-8 continuation and lead bytes are >= 0x80).
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    control | zero(w ^ (ONES * b'"' as u64)) | zero(w ^ (ONES * b'\\' as u64)) != 0
}

impl JsonOut {
    pub fn with_capacity(n: usize) -> Self {
        JsonOut {
            buf: Vec::with_capacity(n),
            first: true,
        }
    }

    pub fn into_string(self) -> String {
        // Only whole UTF-8 strings and ASCII are ever written.
        String::from_utf8(self.buf).expect("the JSON writer writes UTF-8")
    }

    pub fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.first = true;
    }

    pub fn close(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.first = false;
    }

    /// Starts an object member; `quoted` is the member's name written as a JSON
    /// string followed by `:` (the `key!` macro builds it at compile time).
    pub fn member(&mut self, quoted: &str) {
        self.elem();
        self.buf.extend_from_slice(quoted.as_bytes());
    }

    /// Starts an array element.
    pub fn elem(&mut self) {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
    }

    pub fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    pub fn bool(&mut self, b: bool) {
        self.buf
            .extend_from_slice(if b { b"true" as &[u8] } else { b"false" });
    }

    pub fn uint(&mut self, n: usize) {
        let mut buf = [0u8; 20];
        self.buf.extend_from_slice(decimal(n as u64, &mut buf));
    }

    /// Anything whose `Display` is already JSON (numbers).
    pub fn display(&mut self, v: impl std::fmt::Display) {
        use std::io::Write;
        write!(self.buf, "{v}").expect("writing to a Vec cannot fail");
    }

    pub fn str(&mut self, s: &str) {
        let b = s.as_bytes();
        self.buf.reserve(b.len() + 2);
        self.buf.push(b'"');
        let mut done = 0;
        let mut i = 0;
        while i + 8 <= b.len() {
            let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
            if needs_escape(w) {
                for j in i..i + 8 {
                    if let Some(esc) = escape(b[j]) {
                        self.buf.extend_from_slice(&b[done..j]);
                        self.push_escape(b[j], esc);
                        done = j + 1;
                    }
                }
            }
            i += 8;
        }
        // The last few bytes: in a string of eight bytes or more, the last eight
        // (some seen already) tested at once, so most strings are done without a
        // look at each byte.
        let clean_tail = i == b.len()
            || (b.len() >= 8
                && !needs_escape(u64::from_le_bytes(
                    b[b.len() - 8..].try_into().expect("eight bytes"),
                )));
        if !clean_tail {
            for j in i..b.len() {
                if let Some(esc) = escape(b[j]) {
                    self.buf.extend_from_slice(&b[done..j]);
                    self.push_escape(b[j], esc);
                    done = j + 1;
                }
            }
        }
        self.buf.extend_from_slice(&b[done..]);
        self.buf.push(b'"');
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    fn push_escape(&mut self, byte: u8, esc: u8) {
        if esc == b'u' {
            self.buf.extend_from_slice(b"\\u00");
            self.buf.push(HEX[(byte >> 4) as usize]);
            self.buf.push(HEX[(byte & 0xf) as usize]);
        } else {
            self.buf.push(b'\\');
            self.buf.push(esc);
        }
    }
}

/// The escape letter of a byte that must be escaped (`u` for `\u00XX`), as JSON
/// and serde_json write them.
#[inline]
fn escape(b: u8) -> Option<u8> {
    match b {
        b'"' => Some(b'"'),
        b'\\' => Some(b'\\'),
        0x08 => Some(b'b'),
        0x0c => Some(b'f'),
        b'\n' => Some(b'n'),
        b'\r' => Some(b'r'),
        b'\t' => Some(b't'),
        0..=0x1f => Some(b'u'),
        _ => None,
    }
}

/// "00" to "99": two digits per table lookup.
const PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// The decimal digits of `n`, written at the end of `buf` (no formatting
/// machinery), two at a time.
pub(crate) fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    while n >= 100 {
        let r = (n % 100) as usize;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[2 * r..2 * r + 2]);
    }
    if n >= 10 {
        let r = n as usize;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[2 * r..2 * r + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    &buf[i..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_digits() {
        let mut buf = [0u8; 20];
        for n in (0..100_000u64).chain([u64::MAX, 1 << 32, 999_999_999_999, 10u64.pow(19)]) {
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes());
        }
    }

    #[test]
    fn swar_test_finds_exactly_the_bytes_to_escape() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut w = [b'a'; 8];
                w[pos] = b;
                assert_eq!(
                    needs_escape(u64::from_le_bytes(w)),
                    escape(b).is_some(),
                    "byte {b:#x} at {pos}"
                );
            }
        }
        // High bytes around a control byte must not hide it or fake one.
        let w = u64::from_le_bytes([0xff, 0x1f, 0x80, 0xe2, 0x80, 0x9c, 0x20, 0x7f]);
        assert!(needs_escape(w));
        let w = u64::from_le_bytes([0xff, 0x21, 0x80, 0xe2, 0x80, 0x9c, 0x20, 0x7f]);
        assert!(!needs_escape(w));
    }

    #[test]
    fn strings_escape_like_serde_json() {
        let mut all: String = (0u8..0x80).map(char::from).collect();
        all.push_str("“Korea’s” \u{2028} 🙂 é\\\"end");
        let cases = [
            "",
            "plain",
            "exactly8",
            "a \"quoted\" word and a back\\slash, longer than eight",
            "tab\there\nnewline\r\u{1}\u{1f}\u{7f}",
            all.as_str(),
        ];
        for s in cases {
            let mut out = JsonOut::with_capacity(0);
            out.str(s);
            assert_eq!(
                out.into_string(),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers_and_literals() {
        let mut out = JsonOut::with_capacity(0);
        out.open(b'[');
        for n in [0, 7, 10, 12345, usize::MAX] {
            out.elem();
            out.uint(n);
        }
        out.elem();
        out.bool(true);
        out.elem();
        out.null();
        out.close(b']');
        assert_eq!(
            out.into_string(),
            format!("[0,7,10,12345,{},true,null]", usize::MAX)
        );
    }
}
