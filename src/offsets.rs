//! Byte offset → Unicode code point offset conversion, done once per record.
//!
//! ASCII text converts by identity. Otherwise a checkpoint table stores the number of
//! code points before every 256th byte, so a lookup counts at most 255 bytes.

const STRIDE: usize = 256;

pub struct CharIndex<'a> {
    bytes: &'a [u8],
    /// `checkpoints[k]` = code points in `bytes[..k * STRIDE]`; empty for ASCII text.
    checkpoints: Vec<usize>,
    ascii: bool,
}

#[inline]
fn count_chars(bytes: &[u8]) -> usize {
    // A code point starts at every byte that is not a UTF-8 continuation byte.
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
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
        let a = "plain ascii";
        assert_eq!(CharIndex::new(a).char_offset(5), 5);
    }
}
