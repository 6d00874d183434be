//! Finding a token's interned grammar word. Every token of every text is
//! looked up once, so this is a good part of the pipeline: most tokens are
//! ASCII words of at most eight bytes, and those are lowercased, hashed and
//! compared as one `u64` each, without a pass over their bytes per step.

use hashbrown::HashTable;

use super::{WordId, WordTexts};
use crate::swar::{upper_bits, HIGH};

/// Up to eight bytes as a little-endian number, zero-padded. Tokens and
/// grammar words hold no zero byte (but for a lone NUL token, which no word
/// is), so two of at most eight bytes are equal exactly when their packed
/// forms are.
fn pack(bytes: &[u8]) -> u64 {
    debug_assert!(bytes.len() <= 8);
    // Byte by byte: a copy of a length only known at run time is a call to
    // `memcpy`, dearer than these few shifts.
    bytes.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b))
}

/// One step of [`word_hash`]: mixes eight more bytes (packed) into `h`.
/// A folded 128-bit multiply, as in `rustc_hash`, so that the high bits
/// (the table's tags) and the low bits (its buckets) both depend on every
/// byte.
#[inline]
fn mix(h: u64, chunk: u64) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let m = u128::from(h ^ chunk) * u128::from(K);
    (m as u64) ^ ((m >> 64) as u64)
}

const SEED: u64 = 0x243f_6a88_85a3_08d3;

/// The hash of a word: of its bytes eight at a time, the last ones padded.
fn word_hash(bytes: &[u8]) -> u64 {
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let h = chunks.fold(SEED, |h, c| {
        mix(h, u64::from_le_bytes(c.try_into().expect("eight bytes")))
    });
    match bytes.len() {
        _ if tail.is_empty() => h,
        // The last eight bytes, shifted down to the tail: `pack(tail)`
        // in one load.
        n if n > 8 => {
            let last = u64::from_le_bytes(bytes[n - 8..].try_into().expect("eight bytes"));
            mix(h, last >> (8 * (8 - tail.len())))
        }
        _ => mix(h, pack(tail)),
    }
}

/// What no word packs to (its bytes would all be 0xFF, which is not
/// UTF-8): a free slot of the short-word table.
const EMPTY: u64 = u64::MAX;

/// Every grammar word → its id.
#[derive(Debug, Clone)]
pub(super) struct WordIndex {
    table: HashTable<WordId>,
    /// The words of at most eight bytes again, packed (see [`pack`]), in
    /// a table probed linearly from their hash and kept at most a quarter
    /// full: every token of every text is looked up here, and a lookup is
    /// then mostly one slot, with no control bytes to match first.
    short_keys: Vec<u64>,
    /// The id of the word in the same slot of `short_keys`.
    short_ids: Vec<WordId>,
    short_len: usize,
    /// The words of one ASCII byte by that byte ([`NO_SINGLE`] for none):
    /// a sixth of a text's tokens are one byte (punctuation, "a", "I").
    single: [WordId; 128],
    /// The words of one character from U+2000 to U+203F (General
    /// Punctuation: curly quotation marks, dashes) by its last byte's low
    /// six bits ([`NO_SINGLE`] for none).
    punct: [WordId; 64],
    /// The words longer than eight bytes, each as one bit (see
    /// [`long_bit`]): a long token whose bit is clear is no word, told
    /// without hashing all of it and probing the table. About one token in
    /// ten is that long, few are grammar words, and the built-in grammar's
    /// 637 such words set about one bit in thirty.
    long_bits: Box<[u64; LONG_BIT_WORDS]>,
}

/// The size of [`WordIndex::long_bits`], in `u64`s.
const LONG_BIT_WORDS: usize = 256;

/// Where word `w` (more than eight bytes) has its bit in
/// [`WordIndex::long_bits`]: by its length and first eight bytes, which
/// set apart most words of a length.
#[inline]
fn long_bit(w: &[u8]) -> (usize, u64) {
    let head = u64::from_le_bytes(w[..8].try_into().expect("eight bytes"));
    // The high bits of the mix, which depend on every byte.
    let bit = (mix(SEED ^ w.len() as u64, head) >> 50) as usize;
    (bit / 64, 1 << (bit % 64))
}

/// No word in [`WordIndex::single`].
const NO_SINGLE: WordId = WordId::MAX;

impl Default for WordIndex {
    fn default() -> Self {
        WordIndex::with_capacity(0)
    }
}

impl WordIndex {
    /// An index with room for `n` words before its table grows. (The
    /// short-word table grows as before: where its words sit decides how
    /// far every token's lookup probes.)
    pub(super) fn with_capacity(n: usize) -> Self {
        WordIndex {
            table: HashTable::with_capacity(n),
            short_keys: vec![EMPTY; 16],
            short_ids: vec![0; 16],
            short_len: 0,
            single: [NO_SINGLE; 128],
            punct: [NO_SINGLE; 64],
            long_bits: Box::new([0; LONG_BIT_WORDS]),
        }
    }

    /// The id of a word given as its bytes, if it is one; `texts` holds the
    /// words by id. (Bytes, so that a form put together as bytes is looked
    /// up without a check of its UTF-8: bytes that are none equal no word.)
    #[inline]
    pub(super) fn get(&self, w: &[u8], texts: &WordTexts) -> Option<WordId> {
        if w.len() > 8 {
            let (k, bit) = long_bit(w);
            if self.long_bits[k] & bit == 0 {
                return None;
            }
        }
        self.table
            .find(word_hash(w), |&id| texts.get(id).as_bytes() == w)
            .copied()
    }

    /// The id of a word of at most eight bytes, given packed.
    #[inline]
    pub(super) fn get_short(&self, packed: u64) -> Option<WordId> {
        // The length is a power of two and some slot is free.
        let mask = self.short_keys.len() - 1;
        let mut i = mix(SEED, packed) as usize & mask;
        loop {
            match self.short_keys[i] {
                k if k == packed => return Some(self.short_ids[i]),
                EMPTY => return None,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// The id of the word that is the one ASCII byte `b`.
    #[inline]
    pub(super) fn get_single(&self, b: u8) -> Option<WordId> {
        let id = self.single[usize::from(b & 0x7F)];
        (id != NO_SINGLE).then_some(id)
    }

    /// The id of the word that is the one character `E2 80 c` (U+2000 to
    /// U+203F).
    #[inline]
    pub(super) fn get_punct(&self, c: u8) -> Option<WordId> {
        let id = self.punct[usize::from(c & 0x3F)];
        (id != NO_SINGLE).then_some(id)
    }

    fn insert_short(&mut self, packed: u64, id: WordId) {
        let mask = self.short_keys.len() - 1;
        let mut i = mix(SEED, packed) as usize & mask;
        while self.short_keys[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.short_keys[i] = packed;
        self.short_ids[i] = id;
    }

    /// Adds word `id`, the last of `texts` and not yet in the index.
    pub(super) fn push(&mut self, id: WordId, texts: &WordTexts) {
        let w = texts.get(id).as_bytes();
        debug_assert_eq!(self.table.len(), id as usize);
        if w.len() <= 8 {
            if (self.short_len + 1) * 4 > self.short_keys.len() {
                let size = 2 * self.short_keys.len();
                let keys = std::mem::replace(&mut self.short_keys, vec![EMPTY; size]);
                let ids = std::mem::replace(&mut self.short_ids, vec![0; size]);
                for (k, id) in keys.into_iter().zip(ids).filter(|&(k, _)| k != EMPTY) {
                    self.insert_short(k, id);
                }
            }
            self.insert_short(pack(w), id);
            self.short_len += 1;
        }
        if w.len() > 8 {
            let (k, bit) = long_bit(w);
            self.long_bits[k] |= bit;
        }
        if let &[b] = w {
            if b.is_ascii() {
                self.single[usize::from(b)] = id;
            }
        }
        if let &[0xE2, 0x80, c @ 0x80..=0xBF] = w {
            self.punct[usize::from(c & 0x3F)] = id;
        }
        self.table.insert_unique(word_hash(w), id, |&other| {
            word_hash(texts.get(other).as_bytes())
        });
    }

    pub(super) fn len(&self) -> usize {
        self.table.len()
    }
}

/// An ASCII token of at most eight bytes, lowercased in one go.
#[derive(Debug, Clone, Copy)]
pub(super) struct ShortWord {
    /// The token lowercased, packed (see [`pack`]).
    pub lower: u64,
    /// The high bit of each byte that is an uppercase letter.
    upper: u64,
}

impl ShortWord {
    /// The bytes `start..end` of `text`, if they are one to eight ASCII bytes.
    #[inline]
    pub fn of(text: &[u8], start: usize, end: usize) -> Option<ShortWord> {
        let n = end - start;
        if n == 0 || n > 8 {
            return None;
        }
        let w = match text.get(start..start + 8) {
            // One load, with the bytes after the token masked off.
            Some(eight) => {
                u64::from_le_bytes(eight.try_into().expect("eight bytes"))
                    & (u64::MAX >> (64 - 8 * n))
            }
            None => pack(&text[start..end]),
        };
        if w & HIGH != 0 {
            return None;
        }
        let upper = upper_bits(w);
        Some(ShortWord {
            lower: w | (upper >> 2),
            upper,
        })
    }

    /// Some byte is an uppercase letter.
    #[inline]
    pub fn has_upper(self) -> bool {
        self.upper != 0
    }

    /// The first byte is an uppercase letter.
    #[inline]
    pub fn starts_upper(self) -> bool {
        self.upper & 0x80 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_hash_is_the_fold_over_packed_chunks() {
        let text = b"abcdefghijklmnopqrstuvwxyz0123456789";
        for n in 0..text.len() {
            let w = &text[..n];
            let reference = w.chunks(8).fold(SEED, |h, c| {
                let mut b = [0u8; 8];
                b[..c.len()].copy_from_slice(c);
                mix(h, u64::from_le_bytes(b))
            });
            assert_eq!(word_hash(w), reference, "{n}");
        }
    }

    #[test]
    fn short_words_lowercase_as_ascii_does() {
        let text = "said SAID Said x@[`{Z eé 12345678 123456789 end".as_bytes();
        // Every word, and spans that cut a character or run past eight bytes.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        for w in text.split(|&b| b == b' ') {
            spans.push((start, start + w.len()));
            start += w.len() + 1;
        }
        spans.extend([(23, 24), (22, 25), (0, 9), (text.len() - 3, text.len())]);
        for (start, end) in spans {
            let bytes = &text[start..end];
            let got = ShortWord::of(text, start, end);
            if !bytes.is_ascii() || bytes.len() > 8 {
                assert!(got.is_none(), "{start}..{end}");
                continue;
            }
            let s = got.unwrap();
            assert_eq!(s.lower, pack(&bytes.to_ascii_lowercase()), "{start}..{end}");
            assert_eq!(s.has_upper(), bytes.iter().any(u8::is_ascii_uppercase));
            assert_eq!(s.starts_upper(), bytes[0].is_ascii_uppercase());
            assert_eq!(mix(SEED, s.lower), word_hash(&bytes.to_ascii_lowercase()));
        }
    }

    #[test]
    fn long_words_pass_their_filter_and_most_others_do_not() {
        let g = crate::grammar::Grammar::builtin();
        let texts = &g.word_texts;
        let long: Vec<&str> = texts
            .words
            .iter()
            .map(|w| &**w)
            .filter(|w| w.len() > 8)
            .collect();
        assert!(long.len() > 100, "{}", long.len());
        for (id, w) in texts.words.iter().enumerate() {
            assert_eq!(g.words.get(w.as_bytes(), texts), Some(id as WordId), "{w}");
        }
        // Long words of no phrase: their bits are mostly clear.
        let set: u32 = g.words.long_bits.iter().map(|w| w.count_ones()).sum();
        let passed = (0..1000)
            .filter(|n| {
                let (k, bit) = long_bit(format!("{n:08}words").as_bytes());
                g.words.long_bits[k] & bit != 0
            })
            .count();
        assert!(passed < 200, "{passed} {set}");
    }
}
