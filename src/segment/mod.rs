//! Text → paragraphs, quotations and sentences, each with byte spans.
//!
//! Three linear passes over the tokens of the [`lex`] lexer: paragraphs are
//! split at blank lines (and at every line break of a block with a line
//! longer than a hard wrap makes them); quotation marks are paired with a
//! stack per paragraph (a quotation left open at a paragraph end continues
//! into the next paragraph when that one opens with a quotation mark, the
//! journalistic convention, and is otherwise closed there and marked
//! unbalanced); sentences end at terminal punctuation that is not an
//! abbreviation, an initial, or a full stop inside a quotation that the
//! sentence carries on after.

pub mod lex;

use std::ops::Range;

use crate::grammar::{Grammar, Kind};
use crate::span::Span;
use lex::{QuoteMark, Token, TokenKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Body,
    /// A headline or sub-heading: one line, no final punctuation.
    Heading,
    /// A credit line: "Source: Today IT", "By Jane Smith".
    Credit,
}

#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
    pub tokens: Range<usize>,
    pub sentences: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

#[derive(Debug, Clone)]
pub struct Quotation {
    /// From the opening mark to the closing mark inclusive (or the paragraph end).
    pub span: Span,
    /// Between the marks.
    pub inner: Span,
    pub open: usize,
    /// Token index of the closing mark; `None` when closed by the paragraph end.
    pub close: Option<usize>,
    pub double: bool,
    /// The quotation it continues, from an earlier paragraph.
    pub continues: Option<usize>,
    /// Left open at a paragraph end with no continuation after it.
    pub unbalanced: bool,
}

/// The segmented text. Token indices are into `tokens`.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quotation>,
    /// Innermost quotation containing each token (marks included), if any.
    pub token_quote: Vec<Option<u32>>,
    /// The quotations inside no other, in text order (their spans are disjoint).
    pub top_quotes: Vec<u32>,
    /// Per quotation, the cover of its inner span and those of every
    /// quotation it continues (a multi-paragraph quotation up to here).
    pub quote_reach: Vec<Span>,
    /// Where each line of the text starts: 0, and the offset after each
    /// line break. The paragraph split walks the lines anyway; a report
    /// reads its positions off these rather than searching the text again.
    pub line_starts: Vec<usize>,
}

impl Segmentation {
    #[inline]
    pub fn in_quote(&self, token: usize) -> bool {
        self.token_quote[token].is_some()
    }

    #[inline]
    pub fn quote_of(&self, token: usize) -> Option<&Quotation> {
        self.token_quote[token].map(|q| &self.quotes[q as usize])
    }

    /// A [`QuoteCursor`] at the start of the text.
    pub fn quote_cursor(&self) -> QuoteCursor<'_> {
        QuoteCursor { seg: self, next: 0 }
    }
}

/// Finds the first quoted token of runs of tokens given in text order (a
/// text's sentences, one after another). A token is inside a quotation
/// exactly when it is from an outermost quotation's opening mark up to the
/// first token past its span, so each run needs a look at the next
/// outermost quotation that does not end before it, and those passed are
/// passed once for the whole text: most sentences have no quotation, and a
/// look at each of their tokens cost more.
pub struct QuoteCursor<'s> {
    seg: &'s Segmentation,
    /// The first outermost quotation not yet passed (see
    /// [`Segmentation::top_quotes`]).
    next: usize,
}

impl QuoteCursor<'_> {
    /// The first of `tokens` inside a quotation, if any; `tokens` starts no
    /// earlier than the tokens of the last call.
    pub fn first_quoted(&mut self, tokens: Range<usize>) -> Option<usize> {
        let seg = self.seg;
        let start = seg.tokens[tokens.clone()].first()?.span.start;
        let top = |k: usize| seg.top_quotes.get(k).map(|&q| &seg.quotes[q as usize]);
        while top(self.next).is_some_and(|q| q.span.end <= start) {
            self.next += 1;
        }
        let t = top(self.next)?.open.max(tokens.start);
        (t < tokens.end).then_some(t)
    }
}

/// Texts with quotations of every shape (nested, touching, unbalanced,
/// straight, across paragraphs) and the samples: for tests that check a
/// shortcut over quotations against the token-by-token answer.
#[cfg(test)]
pub(crate) fn quotation_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "“We lost.” ― Ana Lopes",
        "He said “yes” and “no”“maybe” then left. “Open",
        "“A ‘nested’ one,” she said, “and ‘another’.” — Kim",
        "“Unfinished, it runs\n\n“on and on,” said Lee. Plain text here.",
        "No quotes at all in this sentence. Nor here.",
        "\"Straight\" quotes, 'single' ones - and a dash.",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    for entry in std::fs::read_dir(samples).expect("the samples") {
        texts.push(std::fs::read_to_string(entry.expect("an entry").path()).expect("a sample"));
    }
    texts
}

/// Splits `text` into paragraphs, quotations and sentences. `headings` are
/// spans that the input format already knows to be headings (Markdown `#`,
/// HTML `<h1>`); plain text is judged by shape.
pub fn segment(text: &str, grammar: &Grammar, headings: &[Span]) -> Segmentation {
    // Room for a token every four bytes: news runs to one every five or
    // so, but one article in seven has more, and grew (and copied) the
    // whole list once.
    let mut seg = Segmentation {
        tokens: Vec::with_capacity(text.len() / 4 + 1),
        ..Default::default()
    };
    let spans = paragraph_spans(text, &mut seg.line_starts);
    seg.paragraphs.reserve_exact(spans.len());
    // The tokens that are no word, in order (see `lex_into`): about one in
    // six.
    let mut marks = Vec::with_capacity(text.len() / 24 + 1);
    // Per paragraph kept, whether it is one line (see `paragraph_spans`).
    let mut single_lines = Vec::with_capacity(spans.len());
    for (para, single_line) in spans {
        let first = seg.tokens.len();
        lex::lex_into(
            &text[para.start..para.end],
            para.start,
            &mut seg.tokens,
            &mut marks,
        );
        let last = seg.tokens.len();
        if first == last {
            continue;
        }
        seg.paragraphs.push(Paragraph {
            span: para,
            kind: BlockKind::Body,
            tokens: first..last,
            sentences: 0..0,
        });
        single_lines.push(single_line);
    }
    pair_quotes(text, &mut seg, &marks);
    // News runs to about 25 tokens a sentence.
    seg.sentences
        .reserve(seg.tokens.len() / 16 + seg.paragraphs.len());
    // The first of `marks` in the paragraph or after it (paragraphs come in
    // order, so this only moves on).
    let mut mark = 0;
    for (p, single_line) in single_lines.into_iter().enumerate() {
        let first = seg.sentences.len();
        let start = seg.paragraphs[p].tokens.start;
        while marks.get(mark).is_some_and(|&k| k < start) {
            mark += 1;
        }
        split_sentences(text, grammar, &mut seg, &marks[mark..], p);
        seg.paragraphs[p].sentences = first..seg.sentences.len();
        seg.paragraphs[p].kind = block_kind(text, grammar, &seg, p, single_line, headings);
    }
    seg
}

/// Paragraphs are separated by lines holding only whitespace. Each comes
/// with whether it is a single line: what the splitting knows already, where
/// a search of the paragraph for a line break was a call a paragraph.
/// The start of each line is pushed to `line_starts` (see
/// [`Segmentation::line_starts`]).
fn paragraph_spans(text: &str, line_starts: &mut Vec<usize>) -> Vec<(Span, bool)> {
    // A block between blank lines is one paragraph, unless one of its lines
    // is longer than any hard wrap makes them: then its author ends
    // paragraphs with a single line break (web copy, wire feeds), and each
    // line is a paragraph of its own.
    const LONGER_THAN_A_WRAP: usize = 100;
    // Room for a paragraph every 128 bytes (news has one every 230 or so),
    // rather than growing from empty.
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    // The lines of one block at a time (reused): room for a long block.
    let mut block: Vec<Span> = Vec::with_capacity(8);
    let mut long = false;
    // A line's span ends before its line break.
    let flush = |block: &mut Vec<Span>, long: &mut bool, out: &mut Vec<(Span, bool)>| {
        if *long {
            out.extend(block.iter().map(|&line| (line, true)));
        } else if let (Some(first), Some(last)) = (block.first(), block.last()) {
            out.push((Span::new(first.start, last.end), block.len() == 1));
        }
        block.clear();
        *long = false;
    };
    let mut at = 0;
    // News has a line every 150 bytes or so.
    line_starts.reserve(text.len() / 128 + 2);
    line_starts.push(0);
    for line in crate::span::lines_inclusive(text) {
        let blank = line.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}');
        if blank {
            flush(&mut block, &mut long, &mut out);
        } else {
            let trimmed = trimmed_len(line);
            // Leading space stays in the span, as it did when a block was
            // one paragraph; the sentence splitter skips it.
            block.push(Span::new(at, at + trimmed));
            // Bytes, not characters: in the English the grammar reads, the
            // same but for a few curly quotes and dashes.
            long |= trimmed > LONGER_THAN_A_WRAP;
        }
        at += line.len();
        // Only the last line may end without a break.
        if line.ends_with('\n') {
            line_starts.push(at);
        }
    }
    flush(&mut block, &mut long, &mut out);
    out
}

/// `line.trim_end().len()`. Most lines end in ASCII (a line break after a
/// letter or a stop): the whitespace is cut a byte at a time, and the
/// Unicode trim, a call of some thirty instructions a line, is asked only
/// when a byte that is not ASCII ends what is left.
fn trimmed_len(line: &str) -> usize {
    let b = line.as_bytes();
    let mut n = b.len();
    // `char::is_whitespace` of ASCII: space and `\t` to `\r`.
    while n > 0 && matches!(b[n - 1], b' ' | b'\t'..=b'\r') {
        n -= 1;
    }
    if n > 0 && !b[n - 1].is_ascii() {
        // Only ASCII was cut: `n` is a char boundary.
        return line[..n].trim_end().len();
    }
    n
}

fn is_open_context(text: &str, toks: &[Token], i: usize, first: usize) -> bool {
    i == first
        || toks[i].space_before
        || matches!(
            toks[i - 1].text(text),
            "(" | "[" | "—" | "–" | "-" | "“" | "‘" | "\""
        )
}

fn is_close_context(text: &str, toks: &[Token], i: usize, end: usize) -> bool {
    i + 1 >= end
        || toks[i + 1].space_before
        || matches!(toks[i + 1].kind, TokenKind::Punct | TokenKind::Quote(_))
            && !matches!(toks[i + 1].text(text), "(" | "[")
}

/// Pairs quotation marks paragraph by paragraph with a stack, so that nested
/// quotations nest and any input, however unbalanced, costs one pass.
fn pair_quotes(text: &str, seg: &mut Segmentation, marks: &[usize]) {
    struct Open {
        token: usize,
        double: bool,
        continues: Option<usize>,
    }
    let toks = &seg.tokens;
    // Room for the quotations of a quoting article: grown from nothing,
    // the list was reallocated a few times in most.
    let mut quotes: Vec<Quotation> = Vec::with_capacity(16);
    // A quotation left open at the end of the previous paragraph.
    let mut carried: Option<usize> = None;
    // Emptied at each paragraph end; one allocation for the whole text.
    let mut stack: Vec<Open> = Vec::new();
    // The first of `marks` not yet passed.
    let mut next_mark = 0;
    for (pi, para) in seg.paragraphs.iter().enumerate() {
        let (first, end) = (para.tokens.start, para.tokens.end);
        let close =
            |o: Open, close: Option<usize>, end_byte: usize, quotes: &mut Vec<Quotation>| {
                let open_end = toks[o.token].span.end;
                let inner_end = close.map_or(end_byte, |c| toks[c].span.start).max(open_end);
                quotes.push(Quotation {
                    span: Span::new(toks[o.token].span.start, end_byte.max(open_end)),
                    inner: Span::new(open_end, inner_end),
                    open: o.token,
                    close,
                    double: o.double,
                    continues: o.continues,
                    unbalanced: false,
                });
            };
        // From one quotation mark to the next among the paragraph's tokens
        // that are no word: the words, most tokens, are never read. (A
        // paragraph's marks come after those of the paragraph before: passed
        // with a cursor, where two binary searches a paragraph found them.)
        while marks.get(next_mark).is_some_and(|&m| m < first) {
            next_mark += 1;
        }
        let from = next_mark;
        while marks.get(next_mark).is_some_and(|&m| m < end) {
            next_mark += 1;
        }
        for &i in &marks[from..next_mark] {
            let TokenKind::Quote(mark) = toks[i].kind else {
                continue;
            };
            let continues = if i == first { carried.take() } else { None };
            let opening = |double| Open {
                token: i,
                double,
                continues,
            };
            match mark {
                // "…here,“ said Jim": an opening mark typed where a closing
                // one belongs, told by its place after the words it ends.
                QuoteMark::DoubleOpen
                    if stack.iter().any(|o| o.double)
                        && !is_open_context(text, toks, i, first)
                        && is_close_context(text, toks, i, end) =>
                {
                    while let Some(o) = stack.pop() {
                        if o.double {
                            close(o, Some(i), toks[i].span.end, &mut quotes);
                            break;
                        }
                    }
                }
                QuoteMark::DoubleOpen => stack.push(opening(true)),
                QuoteMark::SingleOpen => stack.push(opening(false)),
                QuoteMark::DoubleClose | QuoteMark::DoubleStraight => {
                    let has_open = stack.iter().any(|o| o.double);
                    let closes = has_open
                        && (mark == QuoteMark::DoubleClose
                            || !is_open_context(text, toks, i, first)
                            || is_close_context(text, toks, i, end));
                    if closes {
                        // Single quotes still open inside were apostrophes.
                        while let Some(o) = stack.pop() {
                            if o.double {
                                close(o, Some(i), toks[i].span.end, &mut quotes);
                                break;
                            }
                        }
                    } else if (mark == QuoteMark::DoubleStraight
                        // A doubled apostrophe opens only where a quotation
                        // can: "the Joneses'' house" is a typo.
                        && (toks[i].span.len() == 1 || is_open_context(text, toks, i, first)))
                        // "”Mr. Trump embodies …”": a closing mark typed
                        // where an opening one belongs, with none open.
                        || (mark == QuoteMark::DoubleClose
                            && !has_open
                            && is_open_context(text, toks, i, first)
                            && !is_close_context(text, toks, i, end))
                    {
                        stack.push(opening(true));
                    }
                }
                QuoteMark::SingleClose | QuoteMark::SingleStraight => {
                    let top_single = matches!(stack.last(), Some(o) if !o.double);
                    if top_single
                        && !(mark == QuoteMark::SingleStraight
                            && is_open_context(text, toks, i, first)
                            && !is_close_context(text, toks, i, end))
                    {
                        let o = stack.pop().expect("checked non-empty");
                        close(o, Some(i), toks[i].span.end, &mut quotes);
                    } else if mark == QuoteMark::SingleStraight
                        && is_open_context(text, toks, i, first)
                        && !is_close_context(text, toks, i, end)
                    {
                        stack.push(opening(false));
                    }
                }
            }
        }
        // What is still open at the paragraph end: single quotes were
        // apostrophes; the outermost double quote either continues into the
        // next paragraph (which must open with a quotation mark) or is
        // unbalanced and closes here.
        let next_opens = seg.paragraphs.get(pi + 1).is_some_and(|n| {
            matches!(
                toks[n.tokens.start].kind,
                TokenKind::Quote(QuoteMark::DoubleOpen | QuoteMark::DoubleStraight)
            )
        });
        let mut outermost_double: Option<usize> = None;
        while let Some(o) = stack.pop() {
            if !o.double {
                continue;
            }
            close(o, None, para.span.end, &mut quotes);
            let q = quotes.len() - 1;
            quotes[q].unbalanced = true;
            outermost_double = Some(q);
        }
        if let Some(q) = outermost_double {
            if next_opens {
                quotes[q].unbalanced = false;
                carried = Some(q);
            }
        }
    }
    // Quotations are pushed when they close; sort by opening so that the
    // sweep below sees parents before children.
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&q| (quotes[q].open, std::cmp::Reverse(quotes[q].span.end)));
    let mut remap = vec![0usize; quotes.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let mut sorted: Vec<Quotation> = order.iter().map(|&q| quotes[q].clone()).collect();
    for q in &mut sorted {
        q.continues = q.continues.map(|c| remap[c]);
    }
    // Sweep: the innermost open quotation at each token. Quotations nest
    // properly (the stack above guarantees it), so a stack suffices.
    // The slots are written once each, in token order (the list never
    // reaches past `t`): a list zeroed first and then written where quoted
    // cost a `memset` of eight bytes a token, for every text.
    let mut token_quote = Vec::with_capacity(toks.len());
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut t = 0;
    while t < toks.len() {
        if active.is_empty() {
            // Outside every quotation the slots stay `None` up to the next
            // opening mark: most tokens are skipped.
            let Some(q) = sorted.get(next) else {
                break;
            };
            t = t.max(q.open);
        }
        let byte = toks[t].span.start;
        while let Some(&top) = active.last() {
            if sorted[top].span.end <= byte {
                active.pop();
            } else {
                break;
            }
        }
        while next < sorted.len() && sorted[next].open == t {
            active.push(next);
            next += 1;
        }
        // Outside every quotation up to `t`.
        token_quote.resize(t, None);
        token_quote.push(active.last().map(|&q| q as u32));
        t += 1;
        // Up to the next opening mark or the first token past the end of
        // the innermost quotation, the loop above would change nothing:
        // those tokens are filled in one go, found by a binary search.
        if let Some(&top) = active.last() {
            let limit = sorted.get(next).map_or(toks.len(), |q| q.open).max(t);
            let end = sorted[top].span.end;
            let stop = t + toks[t..limit].partition_point(|tk| tk.span.start < end);
            token_quote.resize(stop, Some(top as u32));
            t = stop;
        }
    }
    // Outermost quotations, and how far back each one's continuations reach
    // (a continued quotation comes earlier in this order).
    let mut ends: Vec<usize> = Vec::new();
    let mut top_quotes = Vec::with_capacity(sorted.len());
    let mut quote_reach: Vec<Span> = Vec::with_capacity(sorted.len());
    for (k, q) in sorted.iter().enumerate() {
        while ends.last().is_some_and(|&e| e <= q.span.start) {
            ends.pop();
        }
        if ends.is_empty() {
            top_quotes.push(k as u32);
        }
        ends.push(q.span.end);
        let reach = q
            .continues
            .map_or(q.inner, |c| quote_reach[c].cover(q.inner));
        quote_reach.push(reach);
    }
    seg.quotes = sorted;
    token_quote.resize(toks.len(), None);
    seg.token_quote = token_quote;
    seg.top_quotes = top_quotes;
    seg.quote_reach = quote_reach;
}

/// Whether token `t` is a full stop, `!`, `?` or `…`: told from its bytes,
/// without the checks of char boundaries that its text as a `str` costs.
fn is_terminal(t: &Token, text: &str) -> bool {
    t.kind == TokenKind::Punct
        && matches!(
            &text.as_bytes()[t.span.start..t.span.end],
            // The last is "…" in UTF-8.
            b"." | b"!" | b"?" | b"\xE2\x80\xA6"
        )
}

fn is_closer(t: &Token, text: &str) -> bool {
    matches!(
        t.kind,
        TokenKind::Quote(
            QuoteMark::DoubleClose
                | QuoteMark::DoubleStraight
                | QuoteMark::SingleClose
                | QuoteMark::SingleStraight
        )
    ) || matches!(t.text(text), ")" | "]")
}

fn starts_sentence(t: &Token, text: &str) -> bool {
    match t.kind {
        TokenKind::Word => t
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        TokenKind::Quote(_) => true,
        TokenKind::Punct => matches!(
            t.text(text),
            "(" | "[" | "—" | "–" | "-" | "•" | "*" | "¿" | "¡"
        ),
    }
}

/// Words that commonly open a sentence; after an ambiguous abbreviation
/// ("Inc.", "U.S.") such a word tips the balance towards a boundary.
fn common_opener(grammar: &Grammar, w: &str) -> bool {
    let kinds = grammar
        .token_id(w)
        .map_or(0, |id| grammar.kinds(grammar.root(id).0));
    kinds & (Kind::Function.bit() | Kind::Pronoun.bit()) != 0
}

/// The most tokens a sentence may have. News sentences stay far below (the
/// longest in PolNeAR has about 160 words); text without sentence
/// punctuation (a word list, a run-on log line) is cut into pieces of this
/// size, so that the work per sentence, and the report, stay bounded and the
/// whole analysis stays linear in the input.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// A dash that credits the quotation before it ("“…” ― Sonya Herridge",
/// "- Bernie Sanders."): a dash, then a short run of words opening with a
/// capital up to the end of its line (or `end`). Returns the token after the
/// credit. What comes before the dash is for the caller to judge.
pub fn dash_credit(text: &str, toks: &[Token], i: usize, end: usize) -> Option<usize> {
    const MAX_CREDIT_TOKENS: usize = 14;
    let t = toks.get(i).filter(|_| i < end)?;
    if t.kind != TokenKind::Punct || !matches!(t.text(text), "―" | "—" | "–" | "-") {
        return None;
    }
    let mut k = i + 1;
    // "--" is two tokens.
    if k < end && toks[k].is_punct(text, "-") && !toks[k].space_before {
        k += 1;
    }
    let first = toks.get(k).filter(|_| k < end)?;
    if !(first.is_word()
        && first
            .text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase))
    {
        return None;
    }
    let line_break = |a: usize, b: usize| text[toks[a].span.end..toks[b].span.start].contains('\n');
    let mut e = k + 1;
    while e < end && !line_break(e - 1, e) {
        let t = &toks[e];
        let ok = t.is_word()
            || matches!(
                t.text(text),
                "." | "," | "(" | ")" | "@" | "’" | "'" | "<" | ">" | "/"
            );
        if !ok || e - k >= MAX_CREDIT_TOKENS {
            return None;
        }
        e += 1;
    }
    Some(e)
}

/// Whether the token before `i` closes a quotation: `.”`, `”`, `"`.
fn after_closing_quote(toks: &[Token], i: usize) -> bool {
    i > 0
        && matches!(
            toks[i - 1].kind,
            TokenKind::Quote(
                QuoteMark::DoubleClose | QuoteMark::DoubleStraight | QuoteMark::SingleClose
            )
        )
}

fn split_sentences(
    text: &str,
    grammar: &Grammar,
    seg: &mut Segmentation,
    marks: &[usize],
    p: usize,
) {
    let range = seg.paragraphs[p].tokens.clone();
    let toks = &seg.tokens;
    // The paragraph's tokens that are no word (`marks` starts with them),
    // from the first at or after `i` on.
    let mut m = 0;
    let mut start = range.start;
    let mut i = range.start;
    let push = |s: usize, e: usize, sentences: &mut Vec<Sentence>| {
        let mut s = s;
        while s < e {
            let end = e.min(s + MAX_SENTENCE_TOKENS);
            sentences.push(Sentence {
                span: Span::new(toks[s].span.start, toks[end - 1].span.end),
                tokens: s..end,
                paragraph: p,
            });
            s = end;
        }
    };
    while i < range.end {
        // Only punctuation (a dash, a terminal mark) can end a sentence:
        // the next one is found among the tokens that are no word.
        while marks
            .get(m)
            .is_some_and(|&k| k < i || (k < range.end && toks[k].kind != TokenKind::Punct))
        {
            m += 1;
        }
        match marks.get(m) {
            Some(&k) if k < range.end => i = k,
            _ => break,
        }
        let t = toks[i];
        // A dash credit after a quotation ends its sentence at the line end,
        // so that each credited quotation is a claim of its own.
        if after_closing_quote(toks, i) {
            if let Some(e) = dash_credit(text, toks, i, range.end) {
                push(start, e, &mut seg.sentences);
                start = e;
                i = e;
                continue;
            }
        }
        if !is_terminal(&t, text) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < range.end
            && !toks[j].space_before
            && (is_terminal(&toks[j], text) || is_closer(&toks[j], text))
        {
            j += 1;
        }
        if is_boundary(text, grammar, seg, range.end, i, j) {
            push(start, j, &mut seg.sentences);
            start = j;
        }
        i = j;
    }
    push(start, range.end, &mut seg.sentences);
}

fn is_boundary(
    text: &str,
    grammar: &Grammar,
    seg: &Segmentation,
    end: usize,
    i: usize,
    j: usize,
) -> bool {
    let toks = &seg.tokens;
    if j >= end {
        return true;
    }
    let next = &toks[j];
    if !next.space_before || !starts_sentence(next, text) {
        return false;
    }
    // "“We lost.” — Ana Lopes": the credit belongs to the quotation.
    if after_closing_quote(toks, j) && dash_credit(text, toks, j, end).is_some() {
        return false;
    }
    // The word after an opening quote or bracket decides for it.
    let next_word = toks[j..end]
        .iter()
        .find(|t| t.is_word())
        .map(|t| t.text(text))
        .unwrap_or("");
    let mark = toks[i].text(text);
    if mark == "." && i > 0 && toks[i - 1].is_word() && !toks[i].space_before {
        let prev = toks[i - 1].text(text);
        // An initial ("J."): one uppercase letter, told by the first char
        // and nothing after it. (Counting the chars, and finding the dot
        // of "U.S." below with `str::contains`, were a call each at every
        // full stop after a word.)
        let mut chars = prev.chars();
        let single_letter =
            chars.next().is_some_and(char::is_uppercase) && chars.as_str().is_empty();
        let dotted =
            prev.bytes().any(|b| b == b'.') && prev.chars().all(|c| c.is_alphabetic() || c == '.');
        // Looked up once for both tags (and not at all after an initial).
        // The word's kinds tell first whether any entry is an abbreviation:
        // most words before a full stop are none, and a common word's
        // entries are a list each, searched twice after a dotted word.
        let id = if single_letter {
            None
        } else {
            grammar.token_id(prev)
        };
        let entries = match id.map(|id| grammar.root(id)) {
            Some((node, kinds)) if kinds & Kind::Abbreviation.bit() != 0 => grammar.entries(node),
            _ => &[][..],
        };
        // (The empty list told apart inline: the search is a call.)
        let abbreviation = |tag| {
            !entries.is_empty()
                && entries
                    .iter()
                    .any(|e| e.kind == Kind::Abbreviation && e.tag == tag)
        };
        if single_letter || abbreviation("always") {
            return false;
        }
        if (dotted || abbreviation("maybe")) && !common_opener(grammar, next_word) {
            return false;
        }
    }
    // A full stop inside a quotation that the sentence carries on after
    // ("It is over. We lost," he said.) does not end the sentence.
    if let Some(q) = seg.quote_of(i) {
        if let Some(c) = q.close {
            if c >= j {
                let comma_before_close = c > 0 && toks[c - 1].is_punct(text, ",");
                let continues_after = toks.get(c + 1).is_some_and(|t| {
                    c + 1 < end
                        && (t.is_punct(text, ",")
                            || (t.is_word()
                                && t.text(text).chars().next().is_some_and(char::is_lowercase)))
                });
                if comma_before_close || continues_after {
                    return false;
                }
            }
        }
    }
    true
}

fn block_kind(
    text: &str,
    grammar: &Grammar,
    seg: &Segmentation,
    p: usize,
    single_line: bool,
    headings: &[Span],
) -> BlockKind {
    let para = &seg.paragraphs[p];
    let toks = &seg.tokens[para.tokens.clone()];
    // Looked up lazily: most paragraphs are too long to be a credit line.
    let credit = || {
        let words = || {
            toks.iter()
                .take(4)
                .filter(|t| !matches!(t.kind, TokenKind::Quote(_)))
                .map(|t| grammar.token_id(t.text(text)))
        };
        // Most short lines open with a word that starts no credit phrase
        // (the kinds below its node say so), and need no walk.
        let first = words().next().flatten()?;
        if grammar.kinds_below(grammar.root(first).0) & Kind::Credit.bit() == 0 {
            return None;
        }
        grammar.longest_ids(words(), |e| e.kind == Kind::Credit)
    };
    // A byline names people: "By Jane Smith", not "By dawn, the town had emptied".
    let byline_ok = |n: usize| {
        let rest: Vec<&Token> = toks.iter().skip(n).filter(|t| t.is_word()).collect();
        !rest.is_empty()
            && rest.len() <= 12
            && rest.iter().all(|t| {
                let w = t.text(text);
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(w, "and" | "in" | "for" | "of" | "de" | "van" | "von")
            })
    };
    let is_credit = || match credit() {
        Some((n, entries)) => {
            entries
                .iter()
                .any(|e| e.kind == Kind::Credit && e.tag == "publisher")
                || byline_ok(n)
        }
        None => false,
    };
    if single_line && toks.len() <= 40 && is_credit() {
        return BlockKind::Credit;
    }
    if headings.iter().any(|h| h.overlaps(para.span)) {
        return BlockKind::Heading;
    }
    let last = toks.last().map(|t| t.text(text)).unwrap_or("");
    let ends_with_stop = matches!(last, "." | "!" | "?" | ":" | ";" | "," | "…");
    let quote_after_stop = toks.len() > 1
        && is_closer(&toks[toks.len() - 1], text)
        && matches!(toks[toks.len() - 2].text(text), "." | "!" | "?" | ",");
    let ends_open = !(ends_with_stop || quote_after_stop);
    if single_line
        && ends_open
        && toks.iter().filter(|t| t.is_word()).count() <= 30
        && para.sentences.len() == 1
    {
        BlockKind::Heading
    } else {
        BlockKind::Body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_len_is_trim_end() {
        for line in [
            "",
            "\n",
            "a\r\n",
            "word \t\x0b\x0c\n",
            "end\u{a0}\n",
            "“quote”\n",
            "  ",
            "é",
            "x\u{2003}\u{a0} \n",
        ] {
            assert_eq!(trimmed_len(line), line.trim_end().len(), "{line:?}");
        }
    }

    fn sentences(text: &str) -> Vec<String> {
        let g = Grammar::builtin();
        let s = segment(text, &g, &[]);
        s.sentences
            .iter()
            .map(|s| s.span.slice(text).to_string())
            .collect()
    }

    fn paragraphs(text: &str) -> Vec<&str> {
        paragraph_spans(text, &mut Vec::new())
            .iter()
            .map(|(s, _)| s.slice(text))
            .collect()
    }

    #[test]
    fn hard_wrapped_lines_make_one_paragraph_and_long_lines_one_each() {
        let wrapped = "The council met on Monday and voted to raise\nthe levy by a tenth.\n\nNext.";
        assert_eq!(
            paragraphs(wrapped),
            vec![
                "The council met on Monday and voted to raise\nthe levy by a tenth.",
                "Next."
            ]
        );
        let long = "x".repeat(101);
        let web = format!("{long}\n“Short line.\n{long}\n\n{long}");
        assert_eq!(
            paragraphs(&web),
            vec![long.as_str(), "“Short line.", long.as_str(), long.as_str()]
        );
    }

    #[test]
    fn a_paragraph_is_one_line_when_it_holds_no_line_break() {
        let long = "x".repeat(101);
        for text in [
            "One line.\n\nTwo\nlines.\n \nThree\nshort\nlines.  \n".to_string(),
            format!("{long}\nShort.\n\n{long}\r\nlast\t \n\n\nend"),
            "  lead\n\tand tab\n\n\u{FEFF}\nx".to_string(),
        ] {
            for (span, single_line) in paragraph_spans(&text, &mut Vec::new()) {
                assert_eq!(single_line, !span.slice(&text).contains('\n'), "{text:?}");
            }
        }
    }

    #[test]
    fn a_quotation_continued_over_single_line_breaks_closes_in_its_paragraph() {
        // Web copy ends paragraphs with one line break; the quotation left
        // open at the end of a line continues in the next, which reopens it.
        let pad = "and so on ".repeat(10);
        let text = format!(
            "“We will win, {pad}” she said. “It is close.\n“It is a promise, {pad}” she said.\n"
        );
        let g = Grammar::builtin();
        let s = segment(&text, &g, &[]);
        assert_eq!(s.paragraphs.len(), 2);
        let last = s.quotes.last().unwrap();
        assert!(last.span.slice(&text).starts_with("“It is a promise"));
        assert!(last.close.is_some(), "closed in its own paragraph");
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let t = "Mr. Smith met Dr. Jones in the U.S. on Sept. 3. J. R. Smith left at No. 10 St. James. Then he went.";
        assert_eq!(
            sentences(t),
            vec![
                "Mr. Smith met Dr. Jones in the U.S. on Sept. 3.",
                "J. R. Smith left at No. 10 St. James.",
                "Then he went."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_before_a_common_opener_ends_the_sentence() {
        assert_eq!(
            sentences("He moved to the U.S. The move was quiet."),
            vec!["He moved to the U.S.", "The move was quiet."]
        );
    }

    #[test]
    fn decimals_times_and_ellipses() {
        let t = "It reached 41.2C at 9.30 on Tuesday... and then fell. Prices rose 3.5% … then fell. He paused... Then left.";
        assert_eq!(
            sentences(t),
            vec![
                "It reached 41.2C at 9.30 on Tuesday... and then fell.",
                "Prices rose 3.5% … then fell.",
                "He paused...",
                "Then left."
            ]
        );
    }

    #[test]
    fn full_stop_inside_a_quote_the_sentence_continues_after() {
        let t = "\"It is over. We lost,\" he said. \"Stop.\" She left.";
        assert_eq!(
            sentences(t),
            vec![
                "\"It is over. We lost,\" he said.",
                "\"Stop.\"",
                "She left."
            ]
        );
    }

    #[test]
    fn quote_ending_a_sentence_then_new_sentence() {
        let t = "He will go “as soon as possible.” According to KCNA, he agreed.";
        assert_eq!(
            sentences(t),
            vec![
                "He will go “as soon as possible.”",
                "According to KCNA, he agreed."
            ]
        );
    }

    #[test]
    fn dash_credits_stay_with_their_quotation_and_end_its_sentence() {
        let t = "“He represents our greatest shame.” ― Sonya Herridge\n“We matter.”— Pamela Padilla\n“Vote,” she said. — not a credit";
        assert_eq!(
            sentences(t),
            vec![
                "“He represents our greatest shame.” ― Sonya Herridge",
                "“We matter.”— Pamela Padilla",
                "“Vote,” she said.",
                "— not a credit"
            ]
        );
    }

    fn quotes(text: &str) -> Vec<String> {
        let g = Grammar::builtin();
        let s = segment(text, &g, &[]);
        s.quotes
            .iter()
            .map(|q| q.inner.slice(text).to_string())
            .collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(quotes("He said \"go\" and “stay”."), vec!["go", "stay"]);
    }

    #[test]
    fn single_curly_quotes_but_not_apostrophes() {
        let t = "Russia’s people’s ’90s Affairs’ view: ‘just struggle’ was it.";
        assert_eq!(quotes(t), vec!["just struggle"]);
    }

    #[test]
    fn nested_quotes() {
        let t = "“He told me ‘never again’ twice,” she said.";
        let q = quotes(t);
        assert_eq!(q, vec!["He told me ‘never again’ twice,", "never again"]);
        let g = Grammar::builtin();
        let s = segment(t, &g, &[]);
        let never = s
            .tokens
            .iter()
            .position(|tk| tk.text(t) == "never")
            .unwrap();
        assert_eq!(s.token_quote[never], Some(1));
    }

    #[test]
    fn each_token_knows_its_innermost_quotation() {
        let g = Grammar::builtin();
        for t in [
            "“He told me ‘never again’ twice,” she said. “Go.” He went ‘home’.",
            "“We will fight. We will win.\n\n“And we will ‘rebuild’,” he said.",
            "He said “this never closes. Next sentence.\n\nA new “paragraph” here.",
            "“a ‘b “c” d’ e” f “g” h ‘i’",
        ] {
            let s = segment(t, &g, &[]);
            for (i, tok) in s.tokens.iter().enumerate() {
                // The last quotation in opening order that has opened by
                // this token and not yet ended.
                let want = s
                    .quotes
                    .iter()
                    .rposition(|q| q.open <= i && tok.span.start < q.span.end)
                    .map(|q| q as u32);
                assert_eq!(s.token_quote[i], want, "{t:?} token {i}");
            }
        }
    }

    #[test]
    fn quote_spanning_sentences_and_paragraphs() {
        let t = "“We will fight. We will win.\n\n“And we will rebuild,” he said.";
        let g = Grammar::builtin();
        let s = segment(t, &g, &[]);
        assert_eq!(s.quotes.len(), 2);
        assert!(!s.quotes[0].unbalanced);
        assert_eq!(s.quotes[1].continues, Some(0));
        assert_eq!(s.paragraphs.len(), 2);
    }

    #[test]
    fn unbalanced_quote_recovers_at_paragraph_end() {
        let t = "He said “this never closes. Next sentence.\n\nA new paragraph.";
        let g = Grammar::builtin();
        let s = segment(t, &g, &[]);
        assert_eq!(s.quotes.len(), 1);
        assert!(s.quotes[0].unbalanced);
        assert_eq!(s.quotes[0].span.end, t.find("\n\n").unwrap());
        let last = s.tokens.len() - 1;
        assert!(!s.in_quote(last));
    }

    #[test]
    fn stray_closing_quote_is_harmless() {
        let t = "He left” and came back.";
        assert!(quotes(t).is_empty());
        assert_eq!(sentences(t).len(), 1);
    }

    #[test]
    fn closing_mark_typed_as_an_opening_one() {
        // At the start of a paragraph or after a space, before a word, a
        // right quotation mark with none open opens one.
        assert_eq!(
            quotes("”The levy is unfair. It must go.” ― Ana Lopes"),
            vec!["The levy is unfair. It must go."]
        );
        assert_eq!(quotes("She said ”no” twice."), vec!["no"]);
    }

    #[test]
    fn headings_and_credit_lines() {
        let g = Grammar::builtin();
        let t =
            "Ukraine claims North Korea is a supplier\n\nBody text here. More.\n\nSource: Today IT";
        let s = segment(t, &g, &[]);
        let kinds: Vec<_> = s.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Heading, BlockKind::Body, BlockKind::Credit]
        );
        let t = "By Jane Smith\n\n(Reuters) - The bank said rates would rise.";
        let s = segment(t, &g, &[]);
        assert_eq!(s.paragraphs[0].kind, BlockKind::Credit);
        assert_eq!(s.paragraphs[1].kind, BlockKind::Body);
    }

    #[test]
    fn many_unbalanced_quotes_are_linear_and_safe() {
        let t = "“".repeat(20_000) + " end.";
        let g = Grammar::builtin();
        let s = segment(&t, &g, &[]);
        // One run-on sentence, cut into pieces of at most MAX_SENTENCE_TOKENS
        // that together cover every token.
        assert_eq!(
            s.sentences.len(),
            s.tokens.len().div_ceil(MAX_SENTENCE_TOKENS)
        );
        assert!(s
            .sentences
            .windows(2)
            .all(|w| w[0].tokens.end == w[1].tokens.start));
        assert_eq!(s.sentences.last().unwrap().tokens.end, s.tokens.len());
        assert!(s.quotes.iter().all(|q| q.span.end <= t.len()));
    }

    #[test]
    fn sentences_without_punctuation_are_cut_at_the_cap() {
        let t = "word ".repeat(2 * MAX_SENTENCE_TOKENS + 10) + "end.";
        assert_eq!(sentences(&t).len(), 3);
        let t = "word ".repeat(MAX_SENTENCE_TOKENS - 2) + "end.";
        assert_eq!(sentences(&t).len(), 1);
    }

    #[test]
    fn empty_and_whitespace_only_text() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\n \n").is_empty());
    }

    #[test]
    fn first_quoted_is_the_first_token_with_a_quotation() {
        // What the provenance stage tested token by token before.
        let texts = quotation_texts();
        let g = Grammar::builtin();
        for text in &texts {
            let seg = segment(text, &g, &[]);
            let mut cursor = seg.quote_cursor();
            for s in &seg.sentences {
                let want = s.tokens.clone().find(|&t| seg.in_quote(t));
                assert_eq!(cursor.first_quoted(s.tokens.clone()), want, "{text:?}");
            }
        }
    }
}
