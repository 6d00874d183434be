//! Byte spans and the line/column index that turns them into positions an
//! editor can jump to.

use crate::swar::{HIGH, ONES};
use serde::Serialize;

/// A half-open byte range `[start, end)` into some text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// 1-based line and column (columns count characters, not bytes, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line starts of a text, built once so that every lookup is a binary search.
/// The last position found is remembered, so that positions asked in text
/// order cost the distance between them even on one very long line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The last answer: (offset, line index, column).
    last: std::cell::Cell<(usize, usize, usize)>,
}

/// The position of byte offset `to`, given `at`, that of offset `from` (at
/// or before it): what [`LineIndex::position`] answers, from the bytes
/// between the two alone (a claim's end from its start, with no index).
pub fn position_from(bytes: &[u8], from: usize, at: Position, to: usize) -> Position {
    let between = &bytes[from..to];
    match memchr::memrchr(b'\n', between) {
        None => Position {
            line: at.line,
            column: at.column + char_starts(between),
        },
        Some(nl) => Position {
            line: at.line + memchr::memchr_iter(b'\n', between).count(),
            column: char_starts(&between[nl + 1..]) + 1,
        },
    }
}

/// Characters that start in `bytes` (non-continuation bytes).
fn char_starts(bytes: &[u8]) -> usize {
    // Eight bytes at a time: a continuation byte has its top bit set and
    // the next one clear. Each byte of `lanes` counts those of its place,
    // up to 31 words, whose sum still fits a byte; a multiplication then
    // adds the places up (a bit count would be a dozen instructions a
    // word on the baseline x86-64, which has no `popcnt`).
    let mut continuations = 0;
    for block in bytes.chunks(8 * 31) {
        let words = block.chunks_exact(8);
        let tail = words.remainder();
        let lanes = words.fold(0u64, |lanes, c| {
            let w = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            lanes + ((w & !(w << 1) & HIGH) >> 7)
        });
        continuations += (lanes.wrapping_mul(ONES) >> 56) as usize
            + tail.iter().filter(|&&b| (b & 0xC0) == 0x80).count();
    }
    bytes.len() - continuations
}

/// The lines of `text`, each with its `\n`: what
/// `text.split_inclusive('\n')` gives, with the line ends found by `memchr`
/// (the `char` search costs a few instructions a byte, and whole texts are
/// split into lines more than once).
pub fn lines_inclusive(text: &str) -> LinesInclusive<'_> {
    LinesInclusive { rest: text }
}

/// The iterator of [`lines_inclusive`]: a plain struct rather than adapters
/// over `memchr_iter`, so that a caller's loop gets it inlined whole.
#[derive(Debug, Clone)]
pub struct LinesInclusive<'a> {
    rest: &'a str,
}

impl<'a> Iterator for LinesInclusive<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', self.rest.as_bytes()).map_or(self.rest.len(), |nl| nl + 1);
        let (line, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(line)
    }
}

impl LineIndex {
    pub fn new(bytes: &[u8]) -> LineIndex {
        // Room for a line every 64 bytes: news runs to a line every 120 or
        // so, and a list grown from one start was copied four or five times
        // a text.
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 2);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex {
            starts,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    /// The line holding `offset` (the last line start at or before it).
    /// Offsets come mostly in text order, so the few lines after `hint` (the
    /// last answer) are tried before a binary search.
    fn line_of(&self, offset: usize, hint: usize) -> usize {
        let starts = &self.starts;
        let below = |l: usize| starts.get(l).is_some_and(|&s| s <= offset);
        if below(hint) {
            let mut line = hint;
            for _ in 0..8 {
                if !below(line + 1) {
                    return line;
                }
                line += 1;
            }
            return line + starts[line..].partition_point(|&s| s <= offset) - 1;
        }
        starts.partition_point(|&s| s <= offset) - 1
    }

    /// Position of a byte offset. Offsets inside a multi-byte character count
    /// as that character; offsets past the end clamp to the end.
    pub fn position(&self, bytes: &[u8], offset: usize) -> Position {
        let offset = offset.min(bytes.len());
        let (at, at_line, at_column) = self.last.get();
        let line = self.line_of(offset, at_line);
        let start = self.starts[line];
        // Count character starts (non-continuation bytes) between line start
        // and offset, or from the last answer when it is on the same line.
        let column = if at_line == line && at >= start && at <= offset {
            at_column + char_starts(&bytes[at..offset])
        } else if at_line == line && at >= start && at - offset < offset - start {
            at_column - char_starts(&bytes[offset..at])
        } else {
            char_starts(&bytes[start..offset]) + 1
        };
        self.last.set((offset, line, column));
        Position {
            line: line + 1,
            column,
        }
    }
}

/// [`LineIndex::position`] of offsets asked mostly in text order (a
/// report's claims), found by one walk over the text: the lines are passed
/// one `memchr` each as the offsets reach them, with no list of their
/// starts built first and searched for each offset. An offset before the
/// last one asked is answered by a [`LineIndex`], made the first time.
#[derive(Debug)]
pub struct LineCursor<'t> {
    bytes: &'t [u8],
    /// The last offset answered for, its line (from 0) and its column.
    at: usize,
    line: usize,
    column: usize,
    /// The line break that ends `at`'s line, if one does.
    line_end: Option<usize>,
    /// The start of every line, when known already (see
    /// [`LineCursor::with_starts`]); empty when the breaks are searched for.
    starts: &'t [usize],
    behind: std::cell::OnceCell<LineIndex>,
}

impl<'t> LineCursor<'t> {
    pub fn new(bytes: &'t [u8]) -> LineCursor<'t> {
        LineCursor::with_starts(bytes, &[])
    }

    /// A cursor that reads each line's end off `starts` (0, then the offset
    /// after each line break of `bytes`, as the segmentation found them)
    /// rather than searching the text for it again.
    pub fn with_starts(bytes: &'t [u8], starts: &'t [usize]) -> LineCursor<'t> {
        let mut cursor = LineCursor {
            bytes,
            at: 0,
            line: 0,
            column: 1,
            line_end: None,
            starts,
            behind: std::cell::OnceCell::new(),
        };
        cursor.line_end = cursor.end_of_line();
        cursor
    }

    /// The line break that ends the current line (that of `at`), if any.
    #[inline]
    fn end_of_line(&self) -> Option<usize> {
        if self.starts.is_empty() {
            memchr::memchr(b'\n', &self.bytes[self.at..]).map(|i| self.at + i)
        } else {
            self.starts.get(self.line + 1).map(|&next| next - 1)
        }
    }

    /// The position of byte `offset`, as [`LineIndex::position`] gives it.
    pub fn position(&mut self, offset: usize) -> Position {
        let bytes = self.bytes;
        let offset = offset.min(bytes.len());
        if offset < self.at {
            return self
                .behind
                .get_or_init(|| LineIndex::new(bytes))
                .position(bytes, offset);
        }
        while let Some(end) = self.line_end.filter(|&end| end < offset) {
            self.line += 1;
            self.at = end + 1;
            self.column = 1;
            self.line_end = self.end_of_line();
        }
        self.column += char_starts(&bytes[self.at..offset]);
        self.at = offset;
        Position {
            line: self.line + 1,
            column: self.column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\n“é” x\n";
        let idx = LineIndex::new(text.as_bytes());
        assert_eq!(
            idx.position(text.as_bytes(), 0),
            Position { line: 1, column: 1 }
        );
        assert_eq!(
            idx.position(text.as_bytes(), 3),
            Position { line: 2, column: 1 }
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.position(text.as_bytes(), x),
            Position { line: 2, column: 5 }
        );
        assert_eq!(idx.position(text.as_bytes(), 999).line, 3);
    }

    #[test]
    fn position_from_agrees_with_the_line_index() {
        let text = "a “long” line — with é\n\nsecond ‘line’ here\nlast\n";
        let bytes = text.as_bytes();
        let idx = LineIndex::new(bytes);
        for from in 0..=bytes.len() {
            let at = idx.position(bytes, from);
            for to in from..=bytes.len() {
                let want = idx.position(bytes, to);
                assert_eq!(position_from(bytes, from, at, to), want, "{from}..{to}");
            }
        }
    }

    #[test]
    fn positions_in_any_order_match_counting_from_the_line_start() {
        let text = "a “long” line — with é and ü\nsecond ‘line’ here\n\nlast";
        let bytes = text.as_bytes();
        let idx = LineIndex::new(bytes);
        let naive = |o: usize| {
            let start = bytes[..o]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1);
            (
                bytes[..o].iter().filter(|&&b| b == b'\n').count() + 1,
                bytes[start..o]
                    .iter()
                    .filter(|&&b| (b & 0xC0) != 0x80)
                    .count()
                    + 1,
            )
        };
        let offsets: Vec<usize> = (0..=text.len()).chain((0..=text.len()).rev()).collect();
        for &o in offsets.iter().chain([40, 3, 17, 5, 60, 2].iter()) {
            let o = o.min(text.len());
            let p = idx.position(bytes, o);
            assert_eq!((p.line, p.column), naive(o), "offset {o}");
        }
    }

    #[test]
    fn char_starts_counts_characters_at_any_length_and_alignment() {
        for text in [
            "a “quoted” é — ü 日本語 plain ascii text, and more ‘of it’ here".repeat(3),
            "aé“x”\u{1F600}b".repeat(40),
        ] {
            let bytes = text.as_bytes();
            for from in 0..20 {
                for to in from..bytes.len() {
                    let naive = bytes[from..to]
                        .iter()
                        .filter(|&&b| (b & 0xC0) != 0x80)
                        .count();
                    assert_eq!(char_starts(&bytes[from..to]), naive, "{from}..{to}");
                }
            }
        }
    }

    #[test]
    fn long_jumps_between_lines_find_the_right_line() {
        let text: String = (0..100).map(|i| format!("line {i}\n")).collect();
        let bytes = text.as_bytes();
        let idx = LineIndex::new(bytes);
        for (line, col) in [(1, 1), (60, 3), (61, 1), (99, 5), (12, 2), (100, 7)] {
            let start = text.match_indices("line ").nth(line - 1).unwrap().0;
            let p = idx.position(bytes, start + col - 1);
            assert_eq!((p.line, p.column), (line, col));
        }
    }

    #[test]
    fn lines_inclusive_splits_as_split_inclusive_does() {
        for text in ["", "\n", "a", "a\n", "\n\nb\r\n c", "é\n“x”\n\n", "x\ny\n"] {
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(lines_inclusive(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert!(a.contains(Span::new(3, 5)));
        assert_eq!(a.cover(Span::new(7, 8)), Span::new(2, 8));
    }

    #[test]
    fn the_cursor_agrees_with_the_line_index() {
        let text = "ab\n“é” x\n\n\nlong line — with “quotes” and é\nlast";
        let bytes = text.as_bytes();
        let idx = LineIndex::new(bytes);
        // In order, with repeats, and offsets inside characters and past
        // the end; then some going back.
        let mut cursor = LineCursor::new(bytes);
        for offset in (0..bytes.len() + 3).chain([0, 5, 2, bytes.len(), 7, 1]) {
            assert_eq!(
                cursor.position(offset),
                idx.position(bytes, offset),
                "{offset}"
            );
        }
        for step in 1..6 {
            let mut cursor = LineCursor::new(bytes);
            for offset in (0..bytes.len()).step_by(step) {
                assert_eq!(cursor.position(offset), idx.position(bytes, offset));
            }
        }
    }

    #[test]
    fn a_cursor_on_known_line_starts_agrees_with_one_that_searches() {
        for text in ["ab\n“é” x\n\n\nlong — é\nlast", "a\nb\n", "", "\n", "x"] {
            let bytes = text.as_bytes();
            let starts: Vec<usize> = std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect();
            let mut known = LineCursor::with_starts(bytes, &starts);
            let mut searched = LineCursor::new(bytes);
            for offset in (0..bytes.len() + 2).chain([0, 3, 1, bytes.len()]) {
                assert_eq!(
                    known.position(offset),
                    searched.position(offset),
                    "{text:?} {offset}"
                );
            }
        }
    }
}
