//! Byte offset → Unicode code point offset conversion, done once per record.
//!
//! ASCII text converts by identity. Otherwise a checkpoint table stores the number of
//! code points before every 64th byte, so a lookup counts at most 63 bytes, eight at a
//! time.

const STRIDE: usize = 64;

pub struct CharIndex<'a> {
    bytes: &'a [u8],
    /// `checkpoints[k]` = code points in `bytes[..k * STRIDE]`; empty for ASCII text.
    checkpoints: Vec<usize>,
    ascii: bool,
}

#[inline]
fn count_chars(bytes: &[u8]) -> usize {
    // A code point starts at every byte that is not a UTF-8 continuation byte
    // (`0b10xx_xxxx`); count the continuation bytes of eight bytes at once.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0usize;
    for w in words.by_ref() {
        let x = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        continuation += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    continuation += words
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuation
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(bytes.len() / STRIDE + 1);
            let mut acc = 0;
            checkpoints.push(0);
            for chunk in bytes.chunks(STRIDE) {
                acc += count_chars(chunk);
                checkpoints.push(acc);
            }
        }
        CharIndex {
            bytes,
            checkpoints,
            ascii,
        }
    }

    /// Code point offset of byte offset `b` (which should be a char boundary).
    #[inline]
    pub fn char_offset(&self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        let b = b.min(self.bytes.len());
        let k = b / STRIDE;
        self.checkpoints[k] + count_chars(&self.bytes[k * STRIDE..b])
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.char_offset(self.bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices() {
        let s = "Korea’s “leaflets” é 漢字 😀 ".repeat(40);
        let idx = CharIndex::new(&s);
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            assert_eq!(idx.char_offset(bi), ci);
        }
        assert_eq!(idx.len_chars(), s.chars().count());
        for len in 0..40 {
            let t = &s[..s.char_indices().nth(len).unwrap().0];
            assert_eq!(count_chars(t.as_bytes()), t.chars().count());
        }
        let a = "plain ascii";
        assert_eq!(CharIndex::new(a).char_offset(5), 5);
    }
}
