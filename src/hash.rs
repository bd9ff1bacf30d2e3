//! One fast hasher for the word tables of every stage.
//!
//! FxHash (rustc's multiply-rotate hasher) is much faster than SipHash on short words;
//! the keys are our own pattern data, so resistance to hash flooding is not needed.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = BuildHasherDefault<Fx>;
pub type FxMap<K, V> = HashMap<K, V, FxBuild>;
pub type FxSet<T> = HashSet<T, FxBuild>;

/// A hash of a byte sequence, computed one byte at a time (so that a caller can
/// fold case on the fly), for prefilters: a collision only costs an exact lookup.
#[inline]
pub fn byte_hash(bytes: impl Iterator<Item = u8>) -> u64 {
    bytes.fold(0u64, |h, b| {
        (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K)
    })
}

/// The ASCII lower case of `word`, written into `buf` (no allocation), for looking
/// short words up in the word tables; `None` when `word` is not ASCII or longer
/// than `buf`.
#[inline]
pub fn ascii_lower<'b>(word: &[u8], buf: &'b mut [u8]) -> Option<&'b str> {
    if !word.is_ascii() {
        return None;
    }
    let out = buf.get_mut(..word.len())?;
    out.copy_from_slice(word);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}
