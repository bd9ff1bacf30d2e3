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

/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The continuation bytes (`0b10xx_xxxx`) of a word, as 0 or 1 in each byte lane.
#[inline]
fn lane(x: u64) -> u64 {
    (x & !(x << 1) & HIGH) >> 7
}

/// The sum of the byte lanes of `lanes` (which must be below 256).
#[inline]
fn lane_sum(lanes: u64) -> usize {
    (lanes.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

#[inline]
fn count_chars(bytes: &[u8]) -> usize {
    // A code point starts at every byte that is not a UTF-8 continuation byte
    // (`0b10xx_xxxx`); count the continuation bytes of eight bytes at once.
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
        let start = k * STRIDE;
        // The continuation bytes of `start..b` (fewer than STRIDE), as one 0/1
        // per byte lane summed over the words, then added across the lanes once
        // (at most STRIDE / 8 per lane and STRIDE in all: no carries).
        let mut lanes = 0u64;
        let mut p = start;
        while p + 8 <= b {
            lanes += lane(u64::from_le_bytes(
                self.bytes[p..p + 8].try_into().expect("eight bytes"),
            ));
            p += 8;
        }
        if p < b {
            // One to seven bytes: a word read from the text (padded at its end),
            // the bytes past `b` masked off.
            let w = match self.bytes.get(p..p + 8) {
                Some(w) => u64::from_le_bytes(w.try_into().expect("eight bytes")),
                None => {
                    let mut w = [0u8; 8];
                    w[..b - p].copy_from_slice(&self.bytes[p..b]);
                    u64::from_le_bytes(w)
                }
            };
            lanes += lane(w & ((1u64 << ((b - p) * 8)) - 1));
        }
        self.checkpoints[k] + (b - start) - lane_sum(lanes)
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
        for len in 0..s.chars().count() {
            let t = &s[..s.char_indices().nth(len).unwrap().0];
            assert_eq!(count_chars(t.as_bytes()), t.chars().count());
        }
        let a = "plain ascii";
        assert_eq!(CharIndex::new(a).char_offset(5), 5);
    }
}
