//! The nom lexer: text → words, punctuation and quotation marks, each with its
//! byte span. Every parser consumes at least one character, so lexing is one
//! linear pass with no backtracking.

use nom::{
    branch::alt,
    bytes::complete::{take_while1, take_while_m_n},
    combinator::map,
    IResult, Parser,
};

use crate::span::Span;
use crate::swar::{HIGH, ONES};

/// Which quotation mark a quote token is; whether it opens or closes a
/// quotation is decided later, with the context of the whole paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteMark {
    /// `"`: opens or closes.
    DoubleStraight,
    /// `“`, `„`, `«`.
    DoubleOpen,
    /// `”`, `»`.
    DoubleClose,
    /// `'`: a quote only where context says so; usually an apostrophe.
    SingleStraight,
    /// `‘`.
    SingleOpen,
    /// `’` not inside a word: a closing quote or a plural possessive.
    SingleClose,
}

impl QuoteMark {
    pub fn is_double(self) -> bool {
        matches!(
            self,
            QuoteMark::DoubleStraight | QuoteMark::DoubleOpen | QuoteMark::DoubleClose
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner apostrophes, hyphens, dots and digit
    /// commas: `Russia’s`, `Thomas-Greenfield`, `U.S`, `41.2C`, `80,000`.
    Word,
    /// Any other visible character: `.`, `,`, `(`, `—`, `€` …
    Punct,
    Quote(QuoteMark),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whitespace (or the start of the text) comes right before this token.
    pub space_before: bool,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.slice(text)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, text: &str, c: &str) -> bool {
        self.kind == TokenKind::Punct && self.text(text) == c
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

fn space(i: &str) -> IResult<&str, &str> {
    take_while1(is_space).parse(i)
}

/// A word: starts with a letter or digit (or an elision apostrophe before a
/// digit, as in `’90s`), and carries on through joiners that sit between two
/// alphanumerics.
fn word(i: &str) -> IResult<&str, &str> {
    let mut chars = i.char_indices().peekable();
    let mut end = match chars.next() {
        Some((_, c)) if c.is_alphanumeric() => c.len_utf8(),
        Some((_, c @ ('\'' | '’'))) => match chars.peek() {
            Some((_, d)) if d.is_ascii_digit() => c.len_utf8(),
            _ => return fail(i),
        },
        _ => return fail(i),
    };
    let mut prev = i[..end].chars().next().unwrap_or(' ');
    while let Some((at, c)) = chars.next() {
        if c.is_alphanumeric() || is_combining(c) {
            end = at + c.len_utf8();
            prev = c;
            continue;
        }
        let joiner = match c {
            '\'' | '’' | '-' | '‐' | '.' | '&' | '_' => true,
            ',' => prev.is_ascii_digit(),
            _ => false,
        };
        let next_ok = match chars.peek() {
            Some((_, n)) if c == ',' => n.is_ascii_digit(),
            Some((_, n)) => n.is_alphanumeric(),
            None => false,
        };
        if joiner && next_ok {
            end = at + c.len_utf8();
            prev = c;
        } else {
            break;
        }
    }
    Ok((&i[end..], &i[..end]))
}

fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn fail(i: &str) -> IResult<&str, &str> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Alpha,
    )))
}

fn quote(i: &str) -> IResult<&str, QuoteMark> {
    // Two apostrophes and two backticks are the plain-text double quotes of
    // older newswire and TeX: ``like this'' or ''like this''.
    if let Some(rest) = i.strip_prefix("''") {
        return Ok((rest, QuoteMark::DoubleStraight));
    }
    if let Some(rest) = i.strip_prefix("``").filter(|r| !r.starts_with('`')) {
        return Ok((rest, QuoteMark::DoubleOpen));
    }
    map(
        take_while_m_n(1, 1, |c| {
            matches!(c, '"' | '“' | '„' | '«' | '”' | '»' | '\'' | '‘' | '’')
        }),
        |q: &str| match q {
            "\"" => QuoteMark::DoubleStraight,
            "“" | "„" | "«" => QuoteMark::DoubleOpen,
            "”" | "»" => QuoteMark::DoubleClose,
            "'" => QuoteMark::SingleStraight,
            "‘" => QuoteMark::SingleOpen,
            _ => QuoteMark::SingleClose,
        },
    )
    .parse(i)
}

fn punct(i: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 1, |c: char| !is_space(c)).parse(i)
}

enum Lexeme {
    Space,
    Token(TokenKind),
}

fn lexeme(i: &str) -> IResult<&str, Lexeme> {
    alt((
        map(space, |_| Lexeme::Space),
        map(word, |_| Lexeme::Token(TokenKind::Word)),
        map(quote, |q| Lexeme::Token(TokenKind::Quote(q))),
        map(punct, |_| Lexeme::Token(TokenKind::Punct)),
    ))
    .parse(i)
}

/// The length of the ASCII word at the start of `b` exactly as [`word`]
/// reads it, or `None` when a character that decides it is not ASCII (then
/// [`word`] reads it).
fn ascii_word(b: &[u8]) -> Option<usize> {
    ascii_word_from(b, 1)
}

/// [`ascii_word`] of `b` whose first `end` bytes (at least one) are known
/// to be ASCII letters and digits: the lexer's fast path has read them
/// already.
fn ascii_word_from(b: &[u8], mut end: usize) -> Option<usize> {
    let mut prev = b[end - 1];
    while let Some(&c) = b.get(end) {
        if c.is_ascii_alphanumeric() {
            end += 1;
            prev = c;
            continue;
        }
        if !c.is_ascii() {
            // The curly apostrophe joins like the straight one ("Russia’s").
            if b[end..].starts_with("’".as_bytes()) {
                match b.get(end + 3) {
                    Some(n) if n.is_ascii_alphanumeric() => {
                        end += 3;
                        prev = b'\'';
                        continue;
                    }
                    // "Affairs’”": no letter or digit follows.
                    Some(0xE2) if b.get(end + 4) == Some(&0x80) => break,
                    Some(n) if !n.is_ascii() => return None,
                    _ => break,
                }
            }
            // Any other character of U+2000–U+203F but the hyphen ‐ (curly
            // quotes, dashes, "…") is no letter, digit or joiner: it ends
            // the word. Common in news right after a word ("win”", "so—").
            // So is the no-break space.
            match b[end..] {
                [0xE2, 0x80, x, ..] if x != 0x90 && (0x80..=0xBF).contains(&x) => break,
                [0xC2, 0xA0, ..] => break,
                _ => return None,
            }
        }
        let joiner = match c {
            b'\'' | b'-' | b'.' | b'&' | b'_' => true,
            b',' => prev.is_ascii_digit(),
            _ => false,
        };
        let next_ok = match b.get(end + 1) {
            _ if !joiner => false,
            Some(n) if c == b',' => n.is_ascii_digit(),
            // "win.”", "so.—": no character of U+2000–U+203F is a letter
            // or digit.
            Some(0xE2) if b.get(end + 2) == Some(&0x80) => false,
            Some(n) if !n.is_ascii() => return None,
            Some(n) => n.is_ascii_alphanumeric(),
            None => false,
        };
        if next_ok {
            end += 1;
            prev = c;
        } else {
            break;
        }
    }
    Some(end)
}

/// The lexeme at the start of `rest`: the common ASCII cases read byte by
/// byte, everything else by the nom parsers (which give the same answer on
/// ASCII, only slower).
fn next_lexeme(rest: &str) -> Option<(&str, Lexeme)> {
    let b = rest.as_bytes();
    let c = b[0];
    if c.is_ascii_alphanumeric() {
        if let Some(n) = ascii_word(b) {
            return Some((&rest[n..], Lexeme::Token(TokenKind::Word)));
        }
    } else if c.is_ascii() && is_space(c as char) {
        let n = b
            .iter()
            .position(|&x| !(x.is_ascii() && is_space(x as char)))
            .unwrap_or(b.len());
        return Some((&rest[n..], Lexeme::Space));
    } else if c == b'"' {
        return Some((
            &rest[1..],
            Lexeme::Token(TokenKind::Quote(QuoteMark::DoubleStraight)),
        ));
    } else if c == b'`' && b.get(1) == Some(&b'`') && b.get(2) != Some(&b'`') {
        return Some((
            &rest[2..],
            Lexeme::Token(TokenKind::Quote(QuoteMark::DoubleOpen)),
        ));
    } else if c.is_ascii_graphic() && c != b'\'' {
        return Some((&rest[1..], Lexeme::Token(TokenKind::Punct)));
    } else if c == b'\'' {
        // A straight apostrophe that is no word's first character (that
        // takes a digit after it, "'90s", left to `word`): a quotation mark,
        // doubled or single.
        match b.get(1) {
            Some(d) if d.is_ascii_digit() => {}
            Some(b'\'') => {
                return Some((
                    &rest[2..],
                    Lexeme::Token(TokenKind::Quote(QuoteMark::DoubleStraight)),
                ))
            }
            _ => {
                return Some((
                    &rest[1..],
                    Lexeme::Token(TokenKind::Quote(QuoteMark::SingleStraight)),
                ))
            }
        }
    } else if rest.starts_with('\u{a0}') {
        // The no-break space, common in web copy: a run of space as `space`
        // reads it.
        let n = rest
            .char_indices()
            .find(|&(_, c)| !is_space(c))
            .map_or(rest.len(), |(at, _)| at);
        return Some((&rest[n..], Lexeme::Space));
    } else if c == 0xE2 && b.len() >= 3 && b[1] == 0x80 {
        // Curly quotes and dashes (U+2018–U+201D, U+2013, U+2014), common in news.
        let mark = match b[2] {
            0x98 => Some(QuoteMark::SingleOpen),
            // ’ before a digit opens a word ("’90s"): left to `word`.
            0x99 if !b.get(3).is_some_and(u8::is_ascii_digit) => Some(QuoteMark::SingleClose),
            0x9C => Some(QuoteMark::DoubleOpen),
            0x9D => Some(QuoteMark::DoubleClose),
            _ => None,
        };
        if let Some(mark) = mark {
            return Some((&rest[3..], Lexeme::Token(TokenKind::Quote(mark))));
        }
        if matches!(b[2], 0x93 | 0x94) {
            return Some((&rest[3..], Lexeme::Token(TokenKind::Punct)));
        }
    }
    lexeme(rest).ok()
}

/// Bytes that end an ASCII word wherever they follow it: whitespace and
/// punctuation that never joins two parts of a word (see [`word`]).
static ENDS_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !c.is_ascii_alphanumeric() && !matches!(c, b'\'' | b'-' | b'.' | b'&' | b'_' | b',');
        b += 1;
    }
    t
};

/// `u8::is_ascii_alphanumeric` as a table, for the word loop.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// ASCII punctuation that is always a token of its own: all of it but the
/// quotation marks `'` and `"` and the backtick (which may open one).
static PUNCT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_punctuation() && !matches!(c, b'\'' | b'"' | b'`');
        b += 1;
    }
    t
};

/// The eight bytes of `w` (little-endian) that are ASCII letters or digits,
/// as the high bit of each: [`ALNUM`] for eight bytes in a dozen
/// instructions. Exact up to the first byte that is none (all the caller
/// looks for): a byte from 0x80 up is none, and may carry into the sums of
/// the bytes after it.
#[inline]
fn alnum_bytes(w: u64) -> u64 {
    // On bytes below 0x80 no sum carries into the next byte, so the high
    // bit of `x + 0x80 - lo` is set when `x >= lo`, that of `x + 0x7F - hi`
    // when `x > hi`.
    let within = |x: u64, lo: u8, hi: u8| {
        // Wrapping: a top byte from 0x80 up overflows the word, harmlessly.
        x.wrapping_add(ONES * u64::from(0x80 - lo)) & !x.wrapping_add(ONES * u64::from(0x7F - hi))
    };
    // `| 0x20` lowercases letters and maps no other byte into `a..=z`.
    (within(w, b'0', b'9') | within(w | (ONES * 0x20), b'a', b'z')) & !w & HIGH
}

/// Where the run of ASCII letters and digits that starts at `from` ends.
#[inline]
fn alnum_run_end(b: &[u8], from: usize) -> usize {
    // Eight bytes at a time while eight are left; most words end in the
    // first eight. The rest is a shrinking slice, so that a step is one
    // length test rather than bounds checks on an index.
    let mut rest = &b[from..];
    while let Some((eight, after)) = rest.split_first_chunk::<8>() {
        let stop = !alnum_bytes(u64::from_le_bytes(*eight)) & HIGH;
        if stop != 0 {
            return b.len() - rest.len() + (stop.trailing_zeros() / 8) as usize;
        }
        rest = after;
    }
    b.len() - rest.len()
        + rest
            .iter()
            .position(|&c| !ALNUM[c as usize])
            .unwrap_or(rest.len())
}

/// Lexes `text`, pushing tokens with spans offset by `base`, and the index
/// in `out` of every token that is no word to `marks`: the passes that look
/// for quotation marks and sentence punctuation read those alone, not every
/// token.
pub fn lex_into(text: &str, base: usize, out: &mut Vec<Token>, marks: &mut Vec<usize>) {
    let b = text.as_bytes();
    let mut space_before = true;
    let mut at = 0;
    while at < b.len() {
        let c = b[at];
        // Words first: most lexemes are words.
        if ALNUM[c as usize] {
            // The common word: ASCII letters and digits up to a byte that
            // surely ends it; anything else is read as `next_lexeme` reads it.
            let mut end = alnum_run_end(b, at + 1);
            // Most words end at a single space, which is then taken here,
            // not as a lexeme of its own.
            let at_space = b.get(end) == Some(&b' ');
            // An ASCII joiner not followed by what it joins ends it too.
            let ends = |end: usize| match (b.get(end), b.get(end + 1)) {
                (None, _) => true,
                (Some(&j), _) if ENDS_WORD[j as usize] => true,
                (Some(&j), None) => j.is_ascii(),
                (Some(&b','), Some(&n)) if n.is_ascii() => {
                    !(b[end - 1].is_ascii_digit() && n.is_ascii_digit())
                }
                (Some(&j), Some(&n)) => j.is_ascii() && n.is_ascii() && !n.is_ascii_alphanumeric(),
            };
            if !at_space && !ends(end) {
                end = word_end(text, at, end);
            }
            out.push(Token {
                span: Span::new(base + at, base + end),
                kind: TokenKind::Word,
                space_before,
            });
            // `end` moved only if the run did not end at a space.
            space_before = at_space || b.get(end) == Some(&b' ');
            at = end + usize::from(space_before);
            continue;
        }
        if matches!(c, b' ' | b'\t'..=b'\r') {
            space_before = true;
            at += 1;
            continue;
        }
        if PUNCT[c as usize]
            // `` opens a quotation; ``` (a code fence) is punctuation.
            || (c == b'`'
                && !(b.get(at + 1) == Some(&b'`')
                    && b.get(at + 2) != Some(&b'`')
                    && (at == 0 || b[at - 1] != b'`')))
        {
            marks.push(out.len());
            out.push(Token {
                span: Span::new(base + at, base + at + 1),
                kind: TokenKind::Punct,
                space_before,
            });
            space_before = false;
            at += 1;
            continue;
        }
        // Every alternative consumes at least one char, and `punct` accepts
        // anything that is not space, so this cannot fail on non-empty input.
        let Some((end, lexeme)) = other_lexeme(text, at) else {
            break;
        };
        match lexeme {
            Lexeme::Space => space_before = true,
            Lexeme::Token(kind) => {
                if kind != TokenKind::Word {
                    marks.push(out.len());
                }
                out.push(Token {
                    span: Span::new(base + at, base + end),
                    kind,
                    space_before,
                });
                space_before = false;
            }
        }
        at = end;
    }
}

/// Where the word at `at` of `text` ends when a joiner carries its ASCII
/// letters and digits on past `end`. Out of line, as the other paths that
/// are not the common word, space or punctuation: inlined, they took the
/// registers of the lexer's loop, which saved and reloaded them at every
/// token.
#[inline(never)]
fn word_end(text: &str, at: usize, end: usize) -> usize {
    // Carried on from where the run ended, not read again.
    match ascii_word_from(&text.as_bytes()[at..], end - at) {
        Some(n) => at + n,
        None => match next_lexeme(&text[at..]) {
            Some((next, _)) => text.len() - next.len(),
            None => end,
        },
    }
}

/// [`next_lexeme`] at `at` of `text`, with where it ends. Out of line (see
/// [`word_end`]).
#[inline(never)]
fn other_lexeme(text: &str, at: usize) -> Option<(usize, Lexeme)> {
    let (next, lexeme) = next_lexeme(&text[at..])?;
    Some((text.len() - next.len(), lexeme))
}

pub fn lex(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    lex_into(text, 0, &mut out, &mut Vec::new());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        lex(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn doubled_apostrophes_and_backticks_are_double_quotes() {
        let text = "``Fine,'' he said of the Joneses' ''house.''";
        let toks = lex(text);
        let quotes: Vec<_> = toks
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Quote(q) => Some((t.text(text), q)),
                _ => None,
            })
            .collect();
        assert_eq!(
            quotes,
            [
                ("``", QuoteMark::DoubleOpen),
                ("''", QuoteMark::DoubleStraight),
                ("'", QuoteMark::SingleStraight),
                ("''", QuoteMark::DoubleStraight),
                ("''", QuoteMark::DoubleStraight),
            ]
        );
    }

    #[test]
    fn words_keep_inner_joiners() {
        assert_eq!(
            words("Russia’s U.S. Thomas-Greenfield 41.2C 80,000 don't AT&T"),
            vec![
                "Russia’s",
                "U.S",
                ".",
                "Thomas-Greenfield",
                "41.2C",
                "80,000",
                "don't",
                "AT&T"
            ]
        );
    }

    #[test]
    fn quotes_and_possessive_apostrophes_are_separate_tokens() {
        let t = "“Soon,” Affairs’ ’90s 'x'";
        let toks = lex(t);
        let kinds: Vec<_> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], TokenKind::Quote(QuoteMark::DoubleOpen));
        assert_eq!(toks[1].text(t), "Soon");
        assert_eq!(kinds[3], TokenKind::Quote(QuoteMark::DoubleClose));
        assert_eq!(toks[4].text(t), "Affairs");
        assert_eq!(kinds[5], TokenKind::Quote(QuoteMark::SingleClose));
        assert_eq!(toks[6].text(t), "’90s");
        assert_eq!(kinds[7], TokenKind::Quote(QuoteMark::SingleStraight));
    }

    #[test]
    fn ascii_fast_path_reads_as_the_nom_parsers_do() {
        let text = "Russia’s U.S. 'x' \"q\" ’90s a.-b 1,5 a,b x- -y café 3,é a'é \t\u{b}\u{c}\r\n\u{7}\u{a0}x AT&T_1 end. e‐f “Q” ‘s’ — – Affairs’ x’é x’ ’’ ’9 ’x 2’3 a’,b” ‘9 win.” so,” 1,” x.— a’” b’— c.‐d f’‐g i.\u{a0}x k’\u{a0}y win” so— x… a‐b c‐ 'q ''r '9 ''9 x'' y' x\u{a0}\u{a0}y z\u{a0}\u{2009}w\u{a0}\tv\u{a0}";
        let same = |a: Option<(&str, Lexeme)>, b: Option<(&str, Lexeme)>| match (a, b) {
            (Some((ra, la)), Some((rb, lb))) => {
                ra.len() == rb.len()
                    && match (la, lb) {
                        (Lexeme::Space, Lexeme::Space) => true,
                        (Lexeme::Token(x), Lexeme::Token(y)) => x == y,
                        _ => false,
                    }
            }
            (None, None) => true,
            _ => false,
        };
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            assert!(
                same(next_lexeme(rest), lexeme(rest).ok()),
                "differs at {at}: {rest:?}"
            );
        }
    }

    #[test]
    fn fast_words_read_as_the_nom_parsers_do() {
        // The lexer built from the nom parsers alone.
        fn reference(text: &str) -> Vec<Token> {
            let mut out = Vec::new();
            let (mut rest, mut space_before) = (text, true);
            while !rest.is_empty() {
                let at = text.len() - rest.len();
                let (next, l) = lexeme(rest).expect("lexes");
                if let Lexeme::Token(kind) = l {
                    let end = text.len() - next.len();
                    out.push(Token {
                        span: Span::new(at, end),
                        kind,
                        space_before,
                    });
                }
                space_before = matches!(l, Lexeme::Space);
                rest = next;
            }
            out
        }
        let text = "Russia’s U.S. 'x' \"q\" ’90s a.-b 1,5 a,b x- -y café 3,é a'é \t\u{b}\u{c}\r\n\u{7}\u{a0}x AT&T_1 end. e‐f “Q” ‘s’ — – Affairs’ x’é x’ ’’ ’9 ’x 2’3 a’,b” ‘9 é-b a-é 1,é e\u{301}x, x\u{301},5 ab\u{feff}c a\u{200b}b a.b. q‐ ’a 日本語、テスト x\u{2028}y a&& a__b 9,,9 0,9,9 a\u{7}b a(b)c d;e f:g h!i j?k l/m n\"o p“q r”s win” so— x… a‐b c‐ d‐é e\u{2009}f g\u{2028} h\u{a0} \u{a0}\u{a0}i '' ''9 '9 ' x'' y' \u{a0}\t\u{a0}z\u{a0} win.” so,” 1,” 2,3” x.— a’” b’— c.‐d e,‐ f’‐g h’‐ i.\u{a0} j,\u{a0} k’\u{a0} l.é m’é";
        for start in 0..text.len() {
            if let Some(t) = text.get(start..) {
                assert_eq!(lex(t), reference(t), "{t:?}");
            }
        }
    }

    #[test]
    fn alnum_runs_end_where_the_table_says() {
        let text = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 x/y:z@[`{\xc3\xa9Z\x7f\x80\xff";
        for from in 0..text.len() {
            let naive = from
                + text[from..]
                    .iter()
                    .take_while(|&&c| c.is_ascii_alphanumeric())
                    .count();
            assert_eq!(alnum_run_end(text, from), naive, "{from}");
        }
        // The first byte that is no letter or digit, wherever it is.
        for c in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"aZ09zA9q";
                bytes[at] = c;
                bytes[(at + 1)..].fill(0xFF);
                let w = u64::from_le_bytes(bytes);
                let stop = !alnum_bytes(w) & HIGH;
                let want = if c.is_ascii_alphanumeric() {
                    at + 1
                } else {
                    at
                };
                assert_eq!((stop.trailing_zeros() / 8) as usize, want, "{c} at {at}");
            }
        }
    }

    #[test]
    fn comma_joins_only_digits() {
        assert_eq!(words("a,b 1,5"), vec!["a", ",", "b", "1,5"]);
    }

    #[test]
    fn space_before_is_recorded() {
        let toks = lex("a ,b");
        assert!(toks[0].space_before && toks[1].space_before && !toks[2].space_before);
    }
}
