//! Byte offset → Unicode code point offset conversion, done once per record.
//!
//! ASCII text converts by identity. Otherwise one pass over the text records, per
//! 64-byte block, a mask of its UTF-8 continuation bytes and how many came before
//! the block: a lookup is the byte offset less those before the block and the
//! masked bits in it (no counting loop, whatever the order of the lookups).

const BLOCK: usize = 64;

/// One 64-byte block of the text.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// UTF-8 continuation bytes in the text before the block.
    before: usize,
    /// Bit `i` set when byte `i` of the block is a continuation byte.
    mask: u64,
}

pub struct CharIndex {
    len: usize,
    /// One per block, and one more past the end (a lookup of the text's length);
    /// empty for ASCII text.
    blocks: Vec<Block>,
}

/// The high bit of each byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The continuation bytes (`0b10xx_xxxx`) of the eight bytes of `x` (little
/// endian), as bits 0..8 of the result.
#[inline]
fn continuation_bits(x: u64) -> u64 {
    // One bit per continuation byte at the bottom of its lane; the multiply
    // gathers lane `i`'s bit into bit `56 + i` (the products never collide).
    let lanes = (x & !(x << 1) & HIGH) >> 7;
    lanes.wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The continuation-byte mask of a block of 64 bytes.
#[inline]
fn block_mask(block: &[u8; BLOCK]) -> u64 {
    let mut mask = 0;
    for (j, w) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(w.try_into().expect("eight bytes"));
        mask |= continuation_bits(x) << (8 * j);
    }
    mask
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::new();
        if !text.is_ascii() {
            blocks.reserve(bytes.len() / BLOCK + 2);
            let mut before = 0;
            let mut push = |mask: u64| {
                blocks.push(Block { before, mask });
                before += mask.count_ones() as usize;
            };
            let mut chunks = bytes.chunks_exact(BLOCK);
            for c in chunks.by_ref() {
                push(block_mask(c.try_into().expect("a block")));
            }
            let rest = chunks.remainder();
            if !rest.is_empty() {
                let mut last = [0u8; BLOCK];
                last[..rest.len()].copy_from_slice(rest);
                push(block_mask(&last));
            }
            push(0);
        }
        CharIndex {
            len: bytes.len(),
            blocks,
        }
    }

    /// Code point offset of byte offset `b` (which should be a char boundary).
    #[inline]
    pub fn char_offset(&self, b: usize) -> usize {
        if self.blocks.is_empty() {
            return b;
        }
        let b = b.min(self.len);
        let block = self.blocks[b / BLOCK];
        let below = block.mask & ((1u64 << (b % BLOCK)) - 1);
        b - block.before - below.count_ones() as usize
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.char_offset(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices() {
        for s in [
            "Korea’s “leaflets” é 漢字 😀 ".repeat(40),
            "é".repeat(64),
            format!("{}é", "a".repeat(63)),
            "漢".repeat(21) + "a",
        ] {
            let idx = CharIndex::new(&s);
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                assert_eq!(idx.char_offset(bi), ci, "{s:?} at {bi}");
            }
            assert_eq!(idx.len_chars(), s.chars().count());
        }
        let a = "plain ascii";
        assert_eq!(CharIndex::new(a).char_offset(5), 5);
        assert_eq!(CharIndex::new(a).len_chars(), 11);
    }

    #[test]
    fn continuation_bits_are_in_byte_order() {
        for i in 0..8 {
            let mut w = [b'a'; 8];
            w[i] = 0x80;
            assert_eq!(continuation_bits(u64::from_le_bytes(w)), 1 << i);
        }
        let w = [0xe2, 0x80, 0x9c, b'a', 0xc3, 0xa9, 0xff, 0xbf];
        assert_eq!(continuation_bits(u64::from_le_bytes(w)), 0b1010_0110);
    }
}
