//! The transition table of the flat byte-class automata (the date trigger scan,
//! the penalty phrase sets): 16-bit entries in a table of 2^16 of them when the
//! automaton fits (an index truncated to 16 bits is always in bounds, so a step
//! needs no bounds check, and the rows take half the cache), else 32-bit entries.
//! Entries are premultiplied: `next(state + class)` is the next state's row.

pub(crate) enum Trans {
    Small(Box<[u16; 1 << 16]>),
    Large(Box<[u32]>),
}

impl Trans {
    /// Packs `trans` (every entry a row start, so below `trans.len()`) into 16
    /// bits when `allow_small` and it fits.
    pub(crate) fn new(trans: Vec<u32>, allow_small: bool) -> Trans {
        if allow_small && trans.len() <= 1 << 16 {
            let mut small: Box<[u16; 1 << 16]> = vec![0u16; 1 << 16]
                .into_boxed_slice()
                .try_into()
                .expect("2^16 entries");
            for (d, &t) in small.iter_mut().zip(&trans) {
                *d = u16::try_from(t).expect("an entry below the table length, 2^16");
            }
            Trans::Small(small)
        } else {
            Trans::Large(trans.into_boxed_slice())
        }
    }
}

/// A transition table's entry at `i` (a state's row start plus a byte class).
pub(crate) trait Next {
    fn next(&self, i: u32) -> u32;
}

impl Next for [u16; 1 << 16] {
    #[inline(always)]
    fn next(&self, i: u32) -> u32 {
        // (Only a table built by `Trans::new` with 16-bit rows reaches here: `i` < 2^16.)
        u32::from(self[usize::from(i as u16)])
    }
}

impl Next for [u32] {
    #[inline(always)]
    fn next(&self, i: u32) -> u32 {
        self[i as usize]
    }
}
