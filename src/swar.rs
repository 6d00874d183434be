//! Eight bytes at a time in a `u64` ("SWAR"): the constants and the padded
//! load that the lexer, the grammar lookup, the entity registry and the
//! writers share.

/// 0x01 in every byte: `ONES * b` is `b` in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is an ASCII uppercase letter
/// (`upper >> 2` is then the 0x20 that lowercases it). On the low seven
/// bits no sum carries into the next byte: the high bit of `b + 0x80 - x`
/// is set when `b >= x`.
#[inline]
pub fn upper_bits(w: u64) -> u64 {
    let low7 = w & (ONES * 0x7F);
    let from_a = low7 + ONES * u64::from(0x80 - b'A');
    let past_z = low7 + ONES * u64::from(0x80 - b'Z' - 1);
    from_a & !past_z & !w & HIGH
}

/// The eight bytes of `bytes` from `i`, as a little-endian number; past
/// the end, spaces (which need no JSON escape and are no letter). Without a copy for the last
/// ones, which would be a call to `memcpy`.
#[inline]
pub fn chunk_at(bytes: &[u8], i: usize) -> u64 {
    const SPACES: u64 = 0x2020_2020_2020_2020;
    let load = |eight: &[u8]| u64::from_le_bytes(eight.try_into().expect("eight bytes"));
    let n = bytes.len();
    if let Some(eight) = bytes.get(i..i + 8) {
        load(eight)
    } else if i >= n {
        SPACES
    } else if n >= 8 {
        // The last eight bytes, shifted down past those scanned before.
        let shift = 8 * (i + 8 - n);
        (load(&bytes[n - 8..]) >> shift) | (SPACES << (64 - shift))
    } else {
        // Fewer than eight bytes in all: two loads of four (or two) that
        // overlap, as a short `memcpy` does, rather than a loop over them.
        let t = &bytes[i..];
        let m = t.len();
        let w = if m >= 4 {
            let four = |at: usize| {
                u64::from(u32::from_le_bytes(
                    t[at..at + 4].try_into().expect("four bytes"),
                ))
            };
            four(0) | four(m - 4) << (8 * (m - 4))
        } else if m >= 2 {
            let two = |at: usize| {
                u64::from(u16::from_le_bytes(
                    t[at..at + 2].try_into().expect("two bytes"),
                ))
            };
            two(0) | two(m - 2) << (8 * (m - 2))
        } else {
            u64::from(t[0])
        };
        w | SPACES << (8 * m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_bits_mark_exactly_the_ascii_capitals() {
        for c in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"aZ09zA9q";
                bytes[at] = c;
                let got = upper_bits(u64::from_le_bytes(bytes));
                let want = bytes.iter().enumerate().fold(0u64, |w, (i, b)| {
                    w | (u64::from(b.is_ascii_uppercase()) << (8 * i + 7))
                });
                assert_eq!(got, want, "{c} at {at}");
            }
        }
    }

    #[test]
    fn chunk_at_pads_with_spaces_past_the_end() {
        let text = b"abcdefghijk";
        assert_eq!(chunk_at(text, 0).to_le_bytes(), *b"abcdefgh");
        assert_eq!(chunk_at(text, 8).to_le_bytes(), *b"ijk     ");
        assert_eq!(chunk_at(b"ab", 0).to_le_bytes(), *b"ab      ");
        assert_eq!(chunk_at(b"abcde", 1).to_le_bytes(), *b"bcde    ");
        assert_eq!(chunk_at(text, 11).to_le_bytes(), *b"        ");
    }
}
