//! The file report as JSON, written by hand: the same bytes as serde_json
//! gives for the [`Serialize`](serde::Serialize) derives of
//! [`crate::report`] (compact, or pretty with two-space indents starting at
//! any depth), without going through serde's per-field machinery, and with
//! strings scanned for escapes eight bytes at a time. The report is about
//! six times the size of its input, so this is a good part of the pipeline.
//!
//! The unit tests hold both ways of writing to the same bytes.

use std::io::{self, Write};

use crate::report::{
    AttributionEntry, ClaimEntry, FileReport, Id, SourceEntry, SpanPos, Text, TextSpan,
};
use crate::swar::{chunk_at, HIGH, ONES};

/// Appends JSON to a buffer, pretty-printed like `serde_json`'s
/// `PrettyFormatter` (from `level` levels deep) or compact.
pub struct JsonWriter<'w> {
    pub out: Vec<u8>,
    pretty: bool,
    level: usize,
    /// `,\n` and the indentation of some level (see [`JsonWriter::pad`]).
    pad: Vec<u8>,
    /// Where the buffer goes whenever it grows past [`FLUSH_AT`] between
    /// claims; without it everything stays in `out`.
    sink: Option<&'w mut dyn Write>,
    error: Option<io::Error>,
}

const FLUSH_AT: usize = 1 << 16;

/// `,\n` and `\n` with the indentation of the levels [`JsonWriter::newline`]
/// writes from a constant: both as long as the deepest of them.
const COMMA_PAD: [u8; 32] = pad_of(b",\n");
const NEWLINE_PAD: [u8; 32] = pad_of(b"\n");

/// The longest line [`JsonWriter::key`] puts together before it writes it:
/// enough for the keys of a report up to attributions embedded in one (a
/// longer buffer cost one more store to fill and two more to copy, for every
/// key).
const KEY_LINE: usize = 32;

const fn pad_of(start: &[u8]) -> [u8; 32] {
    let mut t = [b' '; 32];
    let mut i = 0;
    while i < start.len() {
        t[i] = start[i];
        i += 1;
    }
    t
}

impl<'w> JsonWriter<'w> {
    /// A writer into memory, pretty from `level` levels deep, or compact.
    pub fn new(pretty: bool, level: usize, capacity: usize) -> JsonWriter<'static> {
        JsonWriter {
            out: Vec::with_capacity(capacity),
            pretty,
            level,
            pad: Vec::new(),
            sink: None,
            error: None,
        }
    }

    /// A writer that passes what it writes on to `sink` in pieces.
    pub fn to_sink(pretty: bool, level: usize, sink: &'w mut dyn Write) -> JsonWriter<'w> {
        JsonWriter {
            out: Vec::with_capacity(FLUSH_AT + 4096),
            pretty,
            level,
            pad: Vec::new(),
            sink: Some(sink),
            error: None,
        }
    }

    /// Writes out what is still buffered (with a sink) and reports the first
    /// write error.
    pub fn finish(mut self) -> io::Result<Vec<u8>> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        if let Some(sink) = self.sink.as_mut() {
            sink.write_all(&self.out)?;
            self.out.clear();
        }
        Ok(self.out)
    }

    fn maybe_flush(&mut self) {
        if self.out.len() < FLUSH_AT || self.error.is_some() {
            return;
        }
        if let Some(sink) = self.sink.as_mut() {
            match sink.write_all(&self.out) {
                Ok(()) => self.out.clear(),
                Err(e) => self.error = Some(e),
            }
        }
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Makes `pad` `,\n` and the indentation of the current level.
    #[inline]
    fn pad(&mut self) {
        let want = 2 + 2 * self.level;
        if self.pad.len() != want {
            self.pad.resize(want, b' ');
            self.pad[..2].copy_from_slice(b",\n");
        }
    }

    /// `,\n` (`comma`) or `\n`, then the indentation of the current level.
    #[inline]
    fn newline(&mut self, comma: bool) {
        let n = usize::from(comma) + 1 + 2 * self.level;
        if n <= COMMA_PAD.len() {
            // A copy of constant length, cut back to the length wanted.
            let len = self.out.len();
            self.out
                .extend_from_slice(if comma { &COMMA_PAD } else { &NEWLINE_PAD });
            self.out.truncate(len + n);
        } else {
            self.deep_newline(comma);
        }
    }

    /// [`JsonWriter::newline`] deeper than its constants reach: kept out of
    /// line, so that the common case saves no registers.
    #[cold]
    #[inline(never)]
    fn deep_newline(&mut self, comma: bool) {
        self.pad();
        self.out.extend_from_slice(&self.pad[usize::from(!comma)..]);
    }

    /// Before an array element or an object key.
    #[inline]
    pub(crate) fn item(&mut self, first: bool) {
        if self.pretty {
            self.newline(!first);
        } else if !first {
            self.out.push(b',');
        }
    }

    pub(crate) fn open(&mut self, mark: u8) {
        self.level += 1;
        self.out.push(mark);
    }

    // Always inlined, with the uncommon cases out of line: a call cost
    // more than the copy.
    #[inline(always)]
    pub(crate) fn close(&mut self, mark: u8, any: bool) {
        self.level -= 1;
        let n = 1 + 2 * self.level;
        if any && self.pretty && n < NEWLINE_PAD.len() {
            // The line break, the indentation and the mark in one copy of
            // constant length, cut back.
            let mut line = NEWLINE_PAD;
            line[n] = mark;
            let at = self.out.len();
            self.out.extend_from_slice(&line);
            self.out.truncate(at + n + 1);
        } else if !any {
            // An empty list (most claims' chains and attributions): the
            // mark alone, with no call.
            self.out.push(mark);
        } else {
            self.close_other(mark, any);
        }
    }

    /// [`JsonWriter::close`] of a non-empty list, compact or deep.
    #[inline(never)]
    fn close_other(&mut self, mark: u8, any: bool) {
        if any && self.pretty {
            self.newline(false);
        }
        self.out.push(mark);
    }

    /// An object key (plain ASCII, no escapes) and the separator after it.
    // Always inlined: with the key a constant, its copy is a few moves
    // rather than a call to `memcpy`. So is the separator's: the pretty one
    // is written and cut back for compact output, as a copy of either
    // length was a call to `memcpy` (twenty a claim).
    #[inline(always)]
    pub(crate) fn key(&mut self, first: bool, key: &str) {
        self.key_after(if first { None } else { Some(b',') }, key);
    }

    /// Opens an object and writes its first key.
    #[inline(always)]
    pub(crate) fn open_key(&mut self, key: &str) {
        self.level += 1;
        self.key_after(Some(b'{'), key);
    }

    /// `before` (`,` after a value, `{` opening the object, or nothing),
    /// then [`JsonWriter::key`].
    #[inline(always)]
    fn key_after(&mut self, before: Option<u8>, key: &str) {
        // Pretty, the mark before, the line break, the indentation, the
        // quoted key and the separator are put together in a buffer of
        // constant length and copied in one, then cut back: five copies
        // before, each with its own check of the capacity.
        let lead = usize::from(before.is_some());
        let n = lead + 1 + 2 * self.level;
        let k = key.len();
        if self.pretty && n + k + 4 <= KEY_LINE {
            let mut line = [b' '; KEY_LINE];
            line[0] = before.unwrap_or(b'\n');
            line[lead] = b'\n';
            line[n] = b'"';
            line[n + 1..n + 1 + k].copy_from_slice(key.as_bytes());
            line[n + 1 + k..n + 4 + k].copy_from_slice(b"\": ");
            let at = self.out.len();
            self.out.extend_from_slice(&line);
            self.out.truncate(at + n + k + 4);
            return;
        }
        if before == Some(b'{') {
            self.out.push(b'{');
        }
        self.item(before != Some(b','));
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\": ");
        if !self.pretty {
            self.out.pop();
        }
    }

    // Always inlined, as it was by choice until a change elsewhere: a call
    // cost more than the copy it saves.
    #[inline(always)]
    pub fn num(&mut self, n: usize) {
        // The digits end the first half of `buf`; the twenty bytes from
        // the first digit are copied and cut back to the digits: a copy of
        // constant length rather than a call to `memcpy`.
        let mut buf = [0u8; 40];
        let (half, _) = buf.split_first_chunk_mut::<20>().expect("twenty bytes");
        let len = decimal(n, half).len();
        let at = self.out.len();
        self.out.extend_from_slice(&buf[20 - len..40 - len]);
        self.out.truncate(at + len);
    }

    /// An id as the JSON string it reads as (`"C12"`), quoted and all put
    /// together as in [`JsonWriter::num`]: the digits end at byte 24.
    // Always inlined: one a claim and one a source, and a call cost about a
    // fifth of it.
    #[inline(always)]
    fn id(&mut self, id: Id) {
        let mut buf = [0u8; 48];
        let digits: &mut [u8; 20] = (&mut buf[4..24]).try_into().expect("twenty bytes");
        let start = 24 - decimal(id.number(), digits).len();
        buf[start - 2] = b'"';
        // A letter: one byte.
        buf[start - 1] = id.prefix() as u8;
        buf[24] = b'"';
        let at = self.out.len();
        self.out.extend_from_slice(&buf[start - 2..start + 22]);
        self.out.truncate(at + 24 - start + 3);
    }

    /// A JSON string, escaped as serde_json escapes it.
    pub fn str(&mut self, s: &str) {
        self.str_bytes(s.as_bytes());
    }

    /// [`JsonWriter::str`] of a report's text, from its bytes: as a `str`,
    /// its slice of the prose checked both ends for char boundaries, a
    /// dozen instructions for each of some 124K texts on 924 articles.
    // Always inlined: a call each (some 108K on 924 articles) cost more
    // than the short string's copy it wraps. (`str`, called half as often,
    // is better left a call.)
    #[inline(always)]
    fn text(&mut self, t: &Text) {
        self.str_bytes(t.as_bytes());
    }

    /// [`JsonWriter::str`] of the bytes of a `str`.
    // Always inlined, as `str` was: one call of it for each of the two.
    #[inline(always)]
    fn str_bytes(&mut self, bytes: &[u8]) {
        // Most strings of a report are short (statuses, reasons, kinds,
        // ids, names): one without escapes is written quoted in one copy of
        // constant length, cut back to its own, rather than scanned in a
        // loop and copied by a call to `memcpy`.
        if bytes.len() <= 16 {
            let (low, high) = (chunk_at(bytes, 0), chunk_at(bytes, 8));
            if escapes(low) | escapes(high) == 0 {
                let mut quoted = [b'"'; 18];
                quoted[1..9].copy_from_slice(&low.to_le_bytes());
                quoted[9..17].copy_from_slice(&high.to_le_bytes());
                quoted[1 + bytes.len()] = b'"';
                let len = self.out.len();
                self.out.extend_from_slice(&quoted);
                self.out.truncate(len + bytes.len() + 2);
                return;
            }
        }
        self.long_str(bytes);
    }

    /// [`JsonWriter::str`] of a constant of the code (a status, reason,
    /// kind, stance or severity), which has no byte to escape: the same
    /// quoted copy without the scan for escapes. Six or so a claim.
    // Always inlined: the call cost about a fifth of it.
    #[inline(always)]
    fn plain(&mut self, s: &'static str) {
        let bytes = s.as_bytes();
        debug_assert!(bytes.iter().all(|&b| ESCAPE[usize::from(b)] == 0), "{s:?}");
        if bytes.len() > 16 {
            return self.long_str(bytes);
        }
        let mut quoted = [b'"'; 18];
        quoted[1..9].copy_from_slice(&chunk_at(bytes, 0).to_le_bytes());
        quoted[9..17].copy_from_slice(&chunk_at(bytes, 8).to_le_bytes());
        quoted[1 + bytes.len()] = b'"';
        let len = self.out.len();
        self.out.extend_from_slice(&quoted);
        self.out.truncate(len + bytes.len() + 2);
    }

    /// [`JsonWriter::str`] of a string longer than sixteen bytes or with
    /// escapes. Kept out of line, so that the short strings' path saves no
    /// registers.
    #[inline(never)]
    fn long_str(&mut self, bytes: &[u8]) {
        self.out.reserve(bytes.len() + 2);
        self.out.push(b'"');
        // Bytes before `start` are written; those before `i` are scanned.
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            i = skip_clean(bytes, i);
            if i == bytes.len() {
                break;
            }
            // Eight bytes at a time, straight to the first that needs an
            // escape.
            let found = escapes(chunk_at(bytes, i));
            if found == 0 {
                i += 8;
                continue;
            }
            let at = i + (found.trailing_zeros() / 8) as usize;
            self.out.extend_from_slice(&bytes[start..at]);
            self.escape(bytes[at]);
            start = at + 1;
            i = start;
        }
        self.out.extend_from_slice(&bytes[start..]);
        self.out.push(b'"');
    }

    /// The escape of one byte that needs one.
    fn escape(&mut self, b: u8) {
        let esc = ESCAPE[b as usize];
        if esc == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            self.out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xF) as usize],
            ]);
        } else {
            self.out.extend_from_slice(&[b'\\', esc]);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    // Always inlined: two a claim (its sources and chain, mostly of one
    // name or none), and a call cost more than the brackets it writes.
    #[inline(always)]
    pub(crate) fn strs<S: AsRef<str>>(&mut self, list: &[S]) {
        self.open(b'[');
        for (k, s) in list.iter().enumerate() {
            self.item(k == 0);
            self.str(s.as_ref());
        }
        self.close(b']', !list.is_empty());
    }

    fn span_pos(&mut self, s: &SpanPos) {
        self.open_key("start");
        self.num(s.start);
        self.key(false, "end");
        self.num(s.end);
        self.key(false, "line");
        self.num(s.line);
        self.key(false, "column");
        self.num(s.column);
        self.close(b'}', true);
    }

    fn text_span(&mut self, s: &TextSpan) {
        self.open_key("start");
        self.num(s.start);
        self.key(false, "end");
        self.num(s.end);
        self.key(false, "text");
        self.text(&s.text);
        self.close(b'}', true);
    }

    fn opt_text_span(&mut self, s: Option<&TextSpan>) {
        match s {
            Some(s) => self.text_span(s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    fn attribution(&mut self, a: &AttributionEntry) {
        self.open_key("kind");
        self.plain(a.kind);
        self.key(false, "stance");
        self.plain(a.stance);
        self.key(false, "cue");
        self.text_span(&a.cue);
        self.key(false, "source");
        self.opt_text_span(a.source.as_ref());
        self.key(false, "content");
        self.opt_text_span(a.content.as_ref());
        if !a.embedded.is_empty() {
            self.key(false, "embedded");
            self.open(b'[');
            for (k, e) in a.embedded.iter().enumerate() {
                self.item(k == 0);
                self.attribution(e);
            }
            self.close(b']', true);
        }
        self.close(b'}', true);
    }

    pub fn claim(&mut self, c: &ClaimEntry) {
        self.open_key("id");
        self.id(c.id);
        self.key(false, "text");
        self.text(&c.text);
        self.key(false, "span");
        self.span_pos(&c.span);
        self.key(false, "status");
        self.plain(c.status);
        self.key(false, "reason");
        self.plain(c.reason);
        self.key(false, "sources");
        self.strs(c.sources.as_slice());
        self.key(false, "chain");
        self.strs(c.chain.as_slice());
        self.key(false, "attributions");
        self.open(b'[');
        for (k, a) in c.attributions.iter().enumerate() {
            self.item(k == 0);
            self.attribution(a);
        }
        self.close(b']', !c.attributions.is_empty());
        // One `if` a key, not a loop over them: a key that is a constant
        // is copied without a call to `memcpy`.
        if let Some(v) = c.source_kind {
            self.key(false, "source_kind");
            self.plain(v);
        }
        if let Some(v) = &c.cue {
            self.key(false, "cue");
            self.text(v);
        }
        if let Some(v) = c.severity {
            self.key(false, "severity");
            self.plain(v);
        }
        if let Some(v) = c.suppressed {
            self.key(false, "suppressed");
            self.plain(v);
        }
        self.close(b'}', true);
    }

    fn source(&mut self, s: &SourceEntry) {
        self.open_key("id");
        self.id(s.id);
        self.key(false, "name");
        self.str(&s.name);
        self.key(false, "kind");
        self.plain(s.kind);
        self.key(false, "aliases");
        self.strs(&s.aliases);
        self.key(false, "role");
        self.opt_str(s.role.as_deref());
        self.close(b'}', true);
    }

    /// The fields of a file report after those the caller wrote (`first`:
    /// none were), and the closing brace; the caller opened the object
    /// with [`JsonWriter::begin_object`].
    fn report_fields(&mut self, first: bool, publisher: Option<&str>, f: &FileReport) {
        self.key(first, "publisher");
        self.opt_str(publisher);
        self.key(false, "sources");
        self.open(b'[');
        for (k, s) in f.sources.iter().enumerate() {
            self.item(k == 0);
            self.source(s);
        }
        self.close(b']', !f.sources.is_empty());
        self.key(false, "claims");
        self.open(b'[');
        for (k, c) in f.claims.iter().enumerate() {
            self.item(k == 0);
            self.claim(c);
            self.maybe_flush();
        }
        self.close(b']', !f.claims.is_empty());
        self.close(b'}', true);
    }

    /// A [`FileReport`] object.
    pub fn file_report(&mut self, f: &FileReport) {
        self.open_key("path");
        self.str(&f.path);
        self.report_fields(false, f.publisher.as_deref(), f);
    }

    /// An object whose first field is `key` with the JSON `value` as
    /// written, followed by the fields of a file report but its path.
    pub fn file_report_with(&mut self, key: &str, value: &[u8], f: &FileReport) {
        self.open_key(key);
        self.raw(value);
        self.report_fields(false, f.publisher.as_deref(), f);
    }
}

/// Where, from `i`, the bytes of `bytes` that need no escape may end:
/// the end of the text, or the start of a block of 32 or 16 bytes holding
/// one that needs an escape. The blocks are checked by [`clean`], and the
/// last 16 bytes overlap those already seen clean.
#[inline(always)]
fn skip_clean(bytes: &[u8], mut i: usize) -> usize {
    while let Some(block) = bytes.get(i..i + 32) {
        if !clean::<32>(block.try_into().expect("32 bytes")) {
            return i;
        }
        i += 32;
    }
    if let Some(block) = bytes.get(i..i + 16) {
        if !clean::<16>(block.try_into().expect("16 bytes")) {
            return i;
        }
        i += 16;
    }
    let n = bytes.len();
    if i < n && n >= 16 && clean::<16>(bytes[n - 16..].try_into().expect("16 bytes")) {
        return n;
    }
    i
}

/// No byte of `block` needs an escape. Written as a comparison of each byte
/// into an array, then an OR of them all, so that the compiler makes it a
/// few SSE2 instructions a 16 bytes (about 30 for 32 bytes, where the
/// eight-byte words of [`escapes`] took about 70).
#[inline(always)]
fn clean<const N: usize>(block: &[u8; N]) -> bool {
    let mut hit = [0u8; N];
    for (h, &c) in hit.iter_mut().zip(block) {
        *h = u8::from(c < 0x20) | u8::from(c == b'"') | u8::from(c == b'\\');
    }
    hit.iter().fold(0, |all, &h| all | h) == 0
}

/// The high bit of the bytes of `w` below 0x20, quotes or backslashes. A
/// borrow can set the bit of a byte above one of those too, but never below
/// the first: the lowest bit set is exact, and zero means none needs an
/// escape.
#[inline]
fn escapes(w: u64) -> u64 {
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    let quote = zero_byte(w ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(w ^ (ONES * u64::from(b'\\')));
    below_space | quote | backslash
}

/// serde_json's escape table: 0 for bytes written as they are.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// The decimal digits of `n`, written into the end of `buf`: what
/// `n.to_string()` gives, without the formatting machinery, which costs
/// several times the digits on paths that write a number per claim. Two
/// digits a step, from a table of `00` to `99`: half the divisions.
// Always inlined: a call was about a third of its cost.
#[inline(always)]
pub(crate) fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        i -= 2;
        buf[i..i + 2].copy_from_slice(&DIGIT_PAIRS[2 * n..2 * n + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    &buf[i..]
}

/// `00`, `01`, … `99`, one after another.
static DIGIT_PAIRS: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut n = 0;
    while n < 100 {
        t[2 * n] = b'0' + (n / 10) as u8;
        t[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputType;
    use crate::grammar::Grammar;
    use crate::report::{check_bytes, ClaimEntry, FileReport, SourceEntry};

    fn serde_pretty_at(f: &FileReport, level: usize) -> Vec<u8> {
        let mut out = Vec::new();
        crate::batch::write_pretty_at(&mut out, f, level).unwrap();
        out
    }

    fn reports() -> Vec<FileReport> {
        let g = Grammar::builtin();
        let texts = [
            "“We will win,” the mayor said. Reports say otherwise.\n\nSource: Daily",
            "Tab\there, \"quotes\" and back\\slash, bell\u{7}, del\u{7f}, nul-ish \u{1}\u{1f}, form\u{c}feed\r\n\n“Ünïcödé — ok,” said Ana Lopes, the city’s chief. She said it again.",
            "",
            "Officials said the plan, which the minister announced, would cost $5 billion, according to a report by the agency.",
        ];
        let mut out: Vec<FileReport> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                check_bytes(&format!("f{i}\"\\.txt"), t.as_bytes(), InputType::Text, &g).unwrap()
            })
            .collect();
        // Every optional field both ways.
        let mut f = out[1].clone();
        f.publisher = Some("The \"Daily\"".into());
        f.sources.push(SourceEntry {
            id: Id::source(9),
            name: "x\ny".into(),
            kind: "person",
            aliases: vec!["a".into(), "b\u{0}".into()],
            role: Some("chief".into()),
        });
        if let Some(c) = f.claims.first_mut() {
            c.severity = Some("warning");
            c.suppressed = Some("inline");
            c.cue = Some("said".into());
            c.source_kind = Some("person");
        }
        f.claims.push(ClaimEntry {
            sources: vec!["A".into()].into(),
            chain: Default::default(),
            attributions: vec![],
            ..f.claims[0].clone()
        });
        out.push(f);
        out
    }

    #[test]
    fn pretty_and_compact_are_serde_jsons_bytes() {
        for f in reports() {
            for level in [0, 2, 40] {
                let mut w = JsonWriter::new(true, level, 0);
                w.file_report(&f);
                let ours = w.finish().unwrap();
                assert_eq!(
                    String::from_utf8(ours).unwrap(),
                    String::from_utf8(serde_pretty_at(&f, level)).unwrap()
                );
            }
            let mut w = JsonWriter::new(false, 0, 0);
            w.file_report(&f);
            assert_eq!(w.finish().unwrap(), serde_json::to_vec(&f).unwrap());
        }
    }

    #[test]
    fn a_sink_receives_the_same_bytes() {
        let f = reports().swap_remove(1);
        let mut whole = JsonWriter::new(true, 2, 0);
        whole.file_report(&f);
        let mut sunk = Vec::new();
        let mut w = JsonWriter::to_sink(true, 2, &mut sunk);
        w.file_report(&f);
        assert!(w.finish().unwrap().is_empty());
        assert_eq!(sunk, whole.finish().unwrap());
    }

    #[test]
    fn decimal_is_to_string() {
        let mut buf = [0u8; 20];
        for n in (0..2000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes(), "{n}");
        }
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut all = String::new();
        for c in (0u32..0x80).chain([0xe9, 0x2014, 0x1F600]) {
            all.push(char::from_u32(c).unwrap());
        }
        for s in [
            all.as_str(),
            "",
            "plain text that is longer than eight bytes",
            "\"",
            "12345678\\",
            "1234567\u{1}x",
        ] {
            assert_str_is_serde_jsons(s);
        }
        // Escapes at every place of a chunk, of the padded last one too.
        for len in 0..20 {
            for at in 0..len {
                for esc in ['"', '\\', '\u{1}', '\n'] {
                    let before: String = "aé".chars().cycle().take(at).collect();
                    let s = format!("{before}{esc}{}", "b".repeat(len - at - 1));
                    assert_str_is_serde_jsons(&s);
                }
            }
        }
    }

    fn assert_str_is_serde_jsons(s: &str) {
        let mut w = JsonWriter::new(false, 0, 0);
        w.str(s);
        assert_eq!(w.finish().unwrap(), serde_json::to_vec(s).unwrap(), "{s:?}");
    }
}
