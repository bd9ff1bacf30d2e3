//! A small JSON writer for the record's fixed shape: keys are written as literals,
//! strings are escaped eight bytes at a time, numbers without `fmt`. It writes the
//! same bytes as `serde_json::to_writer` (compact) for every record — a test over the
//! bundled corpus and hostile strings checks that — at a fraction of the cost, because
//! serde_json escapes every key and checks every byte one at a time.

/// An output buffer with JSON building blocks. Callers write objects as
/// `open(b'{')`, `key!(out, "name")`, value, … , `close(b'}')`; members and
/// elements put their own commas. The buffer is a `String` (only whole strings
/// and ASCII are written), so the line needs no UTF-8 check at the end.
pub struct JsonOut {
    buf: String,
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

/// The eight bytes of `b` at `at`, as one little-endian word.
#[inline]
fn word(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

/// Whether `b[from..]` (fewer than eight bytes) needs no escape, tested at once:
/// the last eight bytes of a long string (a "no" may come from a byte before
/// `from`, and only costs a look at each byte), or the first and last four of a
/// string of four to seven bytes.
#[inline]
fn clean_tail(b: &[u8], from: usize) -> bool {
    let n = b.len();
    if from == n {
        true
    } else if n >= 8 {
        !needs_escape(word(b, n - 8))
    } else if n >= 4 {
        let half = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"));
        !needs_escape(u64::from(half(0)) | u64::from(half(n - 4)) << 32)
    } else {
        b.iter().all(|&c| escape(c).is_none())
    }
}

/// From `i`, the start of the first eight-byte word of `b` that may hold a byte to
/// escape, or `b.len()` if none does. A loop of its own, so that the scan keeps
/// its registers.
#[inline]
fn clean_until(b: &[u8], mut i: usize) -> usize {
    while i + 8 <= b.len() {
        if needs_escape(word(b, i)) {
            return i;
        }
        i += 8;
    }
    if clean_tail(b, i) {
        b.len()
    } else {
        i
    }
}

impl JsonOut {
    pub fn with_capacity(n: usize) -> Self {
        JsonOut {
            buf: String::with_capacity(n),
            first: true,
        }
    }

    pub fn into_string(self) -> String {
        self.buf
    }

    /// Writes an ASCII byte (the mask tells the compiler that it is one byte of
    /// UTF-8, so the push needs no encoding).
    #[inline]
    fn ascii(&mut self, b: u8) {
        debug_assert!(b.is_ascii());
        self.buf.push(char::from(b & 0x7f));
    }

    pub fn open(&mut self, bracket: u8) {
        self.ascii(bracket);
        self.first = true;
    }

    pub fn close(&mut self, bracket: u8) {
        self.ascii(bracket);
        self.first = false;
    }

    /// Starts an object member; `quoted` is the member's name written as a JSON
    /// string followed by `:` (the `key!` macro builds it at compile time).
    pub fn member(&mut self, quoted: &str) {
        self.elem();
        self.buf.push_str(quoted);
    }

    /// Starts an array element.
    pub fn elem(&mut self) {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
    }

    pub fn null(&mut self) {
        self.buf.push_str("null");
    }

    pub fn bool(&mut self, b: bool) {
        self.buf.push_str(if b { "true" } else { "false" });
    }

    pub fn uint(&mut self, n: usize) {
        let mut buf = [0u8; 20];
        for &d in decimal(n as u64, &mut buf) {
            self.ascii(d);
        }
    }

    /// Anything whose `Display` is already JSON (numbers).
    pub fn display(&mut self, v: impl std::fmt::Display) {
        use std::fmt::Write;
        write!(self.buf, "{v}").expect("writing to a String cannot fail");
    }

    pub fn str(&mut self, s: &str) {
        let b = s.as_bytes();
        self.buf.reserve(b.len() + 2);
        self.buf.push('"');
        // `s[..done]` is written; the bytes before `i` need no more looking at.
        let mut done = 0;
        let mut i = 0;
        loop {
            i = clean_until(b, i);
            if i == b.len() {
                break;
            }
            // A word that may hold a byte to escape: byte by byte.
            let end = (i + 8).min(b.len());
            for j in i..end {
                if let Some(esc) = escape(b[j]) {
                    // `j` holds an ASCII byte: a char boundary.
                    self.buf.push_str(&s[done..j]);
                    self.push_escape(b[j], esc);
                    done = j + 1;
                }
            }
            i = end;
        }
        self.buf.push_str(&s[done..]);
        self.buf.push('"');
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.null(),
        }
    }

    fn push_escape(&mut self, byte: u8, esc: u8) {
        if esc == b'u' {
            self.buf.push_str("\\u00");
            self.ascii(HEX[(byte >> 4) as usize]);
            self.ascii(HEX[(byte & 0xf) as usize]);
        } else {
            self.buf.push('\\');
            self.ascii(esc);
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
        // Every short length, with and without a byte to escape at each position.
        let mut short: Vec<String> = Vec::new();
        for n in 1..=9 {
            short.push("abcdefghi"[..n].to_string());
            for at in 0..n {
                for bad in ['"', '\\', '\n', '\u{1f}'] {
                    let mut w: Vec<char> = "aé’bcdef".chars().cycle().take(n).collect();
                    w[at] = bad;
                    short.push(w.into_iter().collect());
                }
            }
        }
        let cases = cases.into_iter().chain(short.iter().map(String::as_str));
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
