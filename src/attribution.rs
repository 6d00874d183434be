//! Sentences → attributions: for each cue (a reporting verb, "according to", a
//! hearsay word), the source noun phrase and the content it governs.
//!
//! Everything here is syntax read off tokens and the grammar: which words form
//! the noun phrase left of "said", whether "X, who …, said" hides the subject
//! behind a relative clause, whether the content sits before or after the cue.
//! Resolving a phrase to an entity ("he", "the company", "Gur chief") is the
//! job of [`crate::provenance`].

use std::cell::OnceCell;
use std::ops::Range;

use crate::grammar::{Entry, Grammar, Kind, NodeId, TokenWords, ROOT};
use crate::segment::lex::{QuoteMark, Token, TokenKind};
use crate::segment::Segmentation;
use crate::span::Span;

/// How the content is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributionKind {
    /// The content is a quotation.
    Direct,
    /// The content is paraphrase.
    Indirect,
    /// Paraphrase with quoted words in it.
    Mixed,
    /// "According to X, …".
    AccordingTo,
    /// A cue with no source: "reports have emerged", "reportedly".
    NoSource,
}

impl AttributionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Indirect => "indirect",
            AttributionKind::Mixed => "mixed",
            AttributionKind::AccordingTo => "according-to",
            AttributionKind::NoSource => "no-source",
        }
    }
}

/// What kind of thing a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    Person,
    Organisation,
    Media,
    Document,
    Country,
    Vague,
    Anonymous,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organisation => "organisation",
            SourceKind::Media => "media",
            SourceKind::Document => "document",
            SourceKind::Country => "country",
            SourceKind::Vague => "vague",
            SourceKind::Anonymous => "anonymous",
        }
    }
}

/// What a source noun phrase says about who is speaking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    /// A proper name, with the titles and descriptors around it as its role:
    /// "regional governor Oleh Sytnyk" → name "Oleh Sytnyk", role "regional governor".
    Named {
        name: String,
        role: Option<String>,
        kind: SourceKind,
    },
    /// A description that refers to someone: "the company", "Gur chief",
    /// "the North Korean dictator".
    Descriptor {
        head: String,
        modifiers: Vec<String>,
        text: String,
        kind: SourceKind,
        definite: bool,
    },
    /// "he", "she", "they", "it".
    Pronoun(&'static str),
    /// An unnamed source: "sources", "a former engineer at the company, who asked not to be named".
    Anonymous(String),
    /// A vague crowd: "some observers", "critics".
    Vague(String),
    /// Collective media: "Pyongyang media".
    Collective(String),
}

/// A source noun phrase as written, and what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePhrase {
    /// Byte span in the analysed text.
    pub span: Span,
    pub tokens: Range<usize>,
    pub phrase: Phrase,
    /// Accepted only because a verb of saying needs a subject; the grammar
    /// does not know its words.
    pub lenient: bool,
}

#[derive(Debug, Clone)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// Stance of the cue (neutral, distancing…), or the hearsay reason for a
    /// hearsay cue, or "weasel".
    pub stance: &'static str,
    pub cue: Span,
    pub cue_tokens: Range<usize>,
    pub source: Option<SourcePhrase>,
    /// Who speaks together with the source, named first: "the mayor" in
    /// "The mayor and the governor said" (the source is "the governor",
    /// its span the whole subject).
    // This and the venue and origin are boxed: few attributions have one,
    // and an attribution is moved into a list twice on its way to its
    // claim, where three phrases held in place made some 600 bytes a move.
    pub with: Option<Box<SourcePhrase>>,
    pub content: Option<Span>,
    /// The medium the source spoke through: "told the Northgate Courier".
    pub venue: Option<Box<SourcePhrase>>,
    /// Where the source got it: "citing two diplomats", "which reported the Ministry's conclusions".
    pub origin: Option<Box<SourcePhrase>>,
    /// The cue itself is hearsay ("reports", "reportedly") with this reason.
    pub hearsay: Option<&'static str>,
    pub weasel: bool,
    /// The attribution whose content holds this one's cue.
    pub nested_in: Option<usize>,
    /// Set on a nested attribution that is what its holder reports, the
    /// holder's content being about someone saying ("a poll found that [74
    /// percent said] …", "what [she called] a mistake"), as opposed to one
    /// that only lies in an over-long content ("he said …, which [critics
    /// dispute]"). Reports list it under its holder, not beside it.
    pub embedded: bool,
}

impl Attribution {
    /// Whether the attribution vouches for its claim. An `act` cue ("the
    /// board voted to close", "she supports the plan") attributes an action
    /// or a position to its source, but the article reports it on its own
    /// authority: it is listed, and the claim's status ignores it.
    pub fn vouches(&self) -> bool {
        // "I think …": the writer's own view, listed but not a source.
        let own_view = matches!(self.stance, "thought" | "intention")
            && matches!(
                self.source,
                Some(SourcePhrase {
                    phrase: Phrase::Pronoun("speaker"),
                    ..
                })
            );
        // "Reuters, citing two diplomats, reported": what a relay cites is
        // where the words came from (the chain's origin), not a claim.
        self.stance != "act" && self.stance != "relay" && !own_view
    }
}

/// A proper name mentioned anywhere in a sentence (as a source or not), so
/// that later surnames, pronouns and descriptions can refer back to it.
///
/// The name and role are slices of the text, not copies: every capitalised
/// run of a text is a mention, and a copy of each (an allocation and a
/// free) was about 1% of the pipeline.
#[derive(Debug, Clone)]
pub struct Mention<'a> {
    pub tokens: Range<usize>,
    pub name: &'a str,
    pub role: Option<&'a str>,
    pub kind: SourceKind,
    /// The kind comes from evidence (a title, an organisation word).
    pub sure: bool,
    /// A single capitalised word opening the sentence: maybe not a name.
    pub weak: bool,
}

/// Everything found in one sentence.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub attributions: Vec<Attribution>,
}

impl Reading {
    pub fn top_level(&self) -> impl Iterator<Item = &Attribution> {
        self.attributions.iter().filter(|a| a.nested_in.is_none())
    }
}

/// Reads one sentence.
pub struct Reader<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    norms: &'a TokenWords<'a>,
    g: &'a Grammar,
    lo: usize,
    hi: usize,
    /// A headline in Title Case, where capitals say nothing about names.
    /// Counted when first asked (see [`Reader::title_case`]): only a
    /// capitalised word inside a sentence asks, and most sentences have
    /// none that needs it, while the count reads every token.
    title_case: OnceCell<bool>,
    /// Whether the sentence's text holds a colon, when the caller knows
    /// (see [`Reader::knowing_colon`]); otherwise it is searched for.
    colon: Option<bool>,
    /// Whether some token of the sentence is quoted, when the caller knows
    /// (see [`Reader::knowing_quoted`]).
    quoted: Option<bool>,
    /// The first word token from the sentence's start on (see
    /// [`Reader::initial`]).
    first_word: usize,
}

const MAX_NP: usize = 14;
/// Longest opening phrase ("In a statement on Monday,") read past before
/// a clause's subject, in tokens.
const MAX_OPENER: usize = 16;

/// The kinds of phrase that are no cue where they start (see [`Reader::cue_or_skip`]).
const CUE_NOT: u32 = Kind::NotCue.bit() | Kind::Anonymous.bit();

impl<'a> Reader<'a> {
    pub fn new(
        text: &'a str,
        seg: &'a Segmentation,
        norms: &'a TokenWords<'a>,
        g: &'a Grammar,
        sentence: Range<usize>,
    ) -> Reader<'a> {
        Reader {
            text,
            seg,
            norms,
            g,
            lo: sentence.start,
            hi: sentence.end,
            title_case: OnceCell::new(),
            colon: None,
            quoted: None,
            // Past the sentence's end if it has no word: `initial` answers
            // for any token, as it did searching up to it.
            first_word: seg.tokens[sentence.start..]
                .iter()
                .position(|t| matches!(t.kind, TokenKind::Word))
                .map_or(seg.tokens.len(), |k| sentence.start + k),
        }
    }

    /// The reader, told whether the sentence's text holds a colon: a
    /// caller reading a text sentence by sentence finds its colons in one
    /// pass over the text, where a search of each sentence for the colon
    /// rules was a call a sentence, and few sentences have one.
    pub(crate) fn knowing_colon(self, colon: bool) -> Reader<'a> {
        Reader {
            colon: Some(colon),
            ..self
        }
    }

    /// The reader, told whether some token of the sentence is quoted: a
    /// caller reading a text sentence by sentence knows it (see
    /// [`crate::segment::QuoteCursor`]), and the rules that look for the
    /// end of a quotation need not search a sentence that has none.
    pub(crate) fn knowing_quoted(self, quoted: bool) -> Reader<'a> {
        Reader {
            quoted: Some(quoted),
            ..self
        }
    }

    /// Whether the sentence is a headline in Title Case: of its words of
    /// four bytes or more, at least three, and four in five capitalised.
    fn title_case(&self) -> bool {
        *self.title_case.get_or_init(|| {
            // The sentence's slice of tokens, with no bounds check per
            // token, and the kind tested as one byte.
            let (mut words, mut caps) = (0, 0);
            for (i, t) in (self.lo..self.hi).zip(&self.seg.tokens[self.lo..self.hi]) {
                let t: &Token = t;
                if matches!(t.kind, TokenKind::Word) && t.span.len() > 3 {
                    words += 1;
                    caps += usize::from(self.norms.starts_upper(i));
                }
            }
            words >= 3 && caps * 10 >= words * 8
        })
    }

    // ---- token predicates -------------------------------------------------

    // Always inlined, as TokenWords::norm is: called from everywhere.
    #[inline(always)]
    fn w(&self, i: usize) -> &str {
        &self.norms[i]
    }

    #[inline]
    fn raw(&self, i: usize) -> &'a str {
        self.seg.tokens[i].text(self.text)
    }

    // `matches!`, not `==`: the derived comparison of a kind that carries
    // a quotation mark compiles to more than the one byte test this is.
    #[inline]
    fn is_word(&self, i: usize) -> bool {
        matches!(self.seg.tokens[i].kind, TokenKind::Word)
    }

    #[inline]
    fn quoted(&self, i: usize) -> bool {
        self.seg.in_quote(i)
    }

    /// The kinds of every phrase that starts with token `i` (none if no
    /// phrase starts with its word).
    #[inline(always)]
    fn kinds_below(&self, i: usize) -> u32 {
        self.norms.kinds_below(i)
    }

    // Always inlined: a load and a bit test, asked everywhere.
    #[inline(always)]
    fn is(&self, i: usize, kind: Kind) -> bool {
        self.norms.word_kinds(i) & kind.bit() != 0
    }

    // Always inlined: the tag is a literal at every call, compared inline.
    #[inline(always)]
    fn tag(&self, i: usize, kind: Kind, tag: &str) -> bool {
        self.is(i, kind)
            && self
                .entries(i)
                .iter()
                .any(|e| e.kind == kind && e.tag == tag)
    }

    /// Whether some word of the sentence after token `i` is of `kind`: over
    /// the words' kinds as a slice, with no bounds check a token.
    fn any_after(&self, i: usize, kind: Kind) -> bool {
        let from = (i + 1).min(self.hi);
        self.norms
            .word_kinds_of(from..self.hi)
            .iter()
            .any(|&k| k & kind.bit() != 0)
    }

    /// The grammar entries of token `i` as a one-word phrase.
    #[inline]
    fn entries(&self, i: usize) -> &'a [Entry] {
        let g: &'a Grammar = self.g;
        g.entries(self.norms.node(i))
    }

    /// The longest phrase of one of the `kinds` (a [`Kind::bit`] mask) over
    /// the words of `from..to` (tokens that are not words skipped when
    /// `words_only`), walking the trie from the token's own node and
    /// stopping as soon as no phrase of those kinds can follow.
    #[inline(always)]
    fn phrase_from(
        &self,
        from: usize,
        to: usize,
        words_only: bool,
        kinds: u32,
    ) -> Option<(usize, &'a [Entry])> {
        let [best] = self.phrases_from(from, to, words_only, [kinds]);
        best
    }

    /// [`Reader::phrase_from`] for several masks (two at most callers) in
    /// one walk of the trie. The walk goes on while any mask's kinds occur
    /// below the node; once one mask's kinds no longer do, no later node can
    /// be that mask's phrase, so each answer is what a walk of its own
    /// would give. (One mask is a walk of its own, with an answer of one
    /// option to copy back.)
    ///
    /// Always inlined: most words start no phrase of the kinds asked, which
    /// the word's own node tells at once, without a call and the copy of an
    /// answer of empty options; the walk is [`Reader::phrases_walk`].
    #[inline(always)]
    fn phrases_from<const N: usize>(
        &self,
        from: usize,
        to: usize,
        words_only: bool,
        kinds: [u32; N],
    ) -> [Option<(usize, &'a [Entry])>; N] {
        let any = kinds.iter().fold(0, |any, k| any | k);
        if from >= to || self.kinds_below(from) & any == 0 {
            return [None; N];
        }
        self.phrases_walk(from, to, words_only, kinds)
    }

    /// [`Reader::phrases_from`] at a word that starts some phrase of the kinds.
    #[inline(never)]
    fn phrases_walk<const N: usize>(
        &self,
        from: usize,
        to: usize,
        words_only: bool,
        kinds: [u32; N],
    ) -> [Option<(usize, &'a [Entry])>; N] {
        let g: &'a Grammar = self.g;
        let any = kinds.iter().fold(0, |any, k| any | k);
        let mut node = if from < to {
            self.norms.node(from)
        } else {
            ROOT
        };
        let mut best = [None; N];
        if node == ROOT || g.kinds_below(node) & any == 0 {
            return best;
        }
        let mut take = |node, n| {
            let here = g.kinds(node);
            for (b, k) in best.iter_mut().zip(kinds) {
                if here & k != 0 {
                    *b = Some((n, g.entries(node)));
                }
            }
        };
        take(node, 1);
        let mut n = 1;
        let step = |node, k: usize| {
            self.norms
                .id(k)
                .and_then(|w| g.step(node, w))
                .filter(|&next| g.kinds_below(next) & any != 0)
        };
        let mut k = from + 1;
        while k < to {
            // A node no longer phrase of the kinds goes on from: no step
            // below (with an adverb skipped or not) could take the walk on.
            if g.kinds_deeper(node) & any == 0 {
                break;
            }
            if words_only && !self.is_word(k) {
                k += 1;
                continue;
            }
            match step(node, k) {
                Some(next) => node = next,
                // "spoke briefly about", "speak affectionately of": an -ly
                // adverb inside a phrase is part of it.
                None if k + 1 < to && self.is_word(k) && self.ly_adverb(k) => {
                    match step(node, k + 1) {
                        Some(next) => {
                            node = next;
                            n += 1;
                            k += 1;
                        }
                        None => break,
                    }
                }
                None => break,
            }
            n += 1;
            take(node, n);
            k += 1;
        }
        best
    }

    /// A dash of any length: "—", "–" or "-".
    fn dash(&self, i: usize) -> bool {
        self.punct(i, "—") || self.punct(i, "–") || self.punct(i, "-")
    }

    // The token's bytes, not its `str`: a slice of the text checks char
    // boundaries, and scans ask this of most tokens they pass.
    #[inline]
    fn punct(&self, i: usize, p: &str) -> bool {
        let t = &self.seg.tokens[i];
        matches!(t.kind, TokenKind::Punct)
            && &self.text.as_bytes()[t.span.start..t.span.end] == p.as_bytes()
    }

    /// A word that starts with an uppercase letter. (The bit first: most
    /// tokens have none, and then the token is not read.)
    #[inline]
    fn capitalised(&self, i: usize) -> bool {
        self.norms.starts_upper(i) && self.is_word(i)
    }

    /// The first word of the sentence (after any opening quote or bracket).
    /// Found once: asked of most capitalised words, a search from the
    /// sentence's start to each cost a test a token.
    #[inline]
    fn initial(&self, i: usize) -> bool {
        i <= self.first_word
    }

    /// The first token on its line (a line break between it and the token before).
    fn line_initial(&self, i: usize) -> bool {
        i == 0 || {
            let gap = Span::new(
                self.seg.tokens[i - 1].span.end,
                self.seg.tokens[i].span.start,
            );
            gap.slice(self.text).contains('\n')
        }
    }

    /// A capitalised word that is a name rather than a capitalised common
    /// word at the start of a sentence.
    ///
    /// Always inlined, as its tests of bits (the three kinds that rule a
    /// word out in one), the walk of the entries out of line: asked of
    /// every capitalised word, from a dozen places (a hint left most of
    /// them calls).
    #[inline(always)]
    fn name_word(&self, i: usize) -> bool {
        const NOT_NAME: u32 = Kind::Time.bit() | Kind::Function.bit() | Kind::Pronoun.bit();
        // A capitalised token is a word.
        self.capitalised(i)
            && match self.norms.word_kinds(i) & NOT_NAME {
                0 => !self.initial(i) || self.uncommon_initial(i),
                kinds => kinds & Kind::Pronoun.bit() == 0 && self.month_in_name(i),
            }
    }

    /// "Theresa May", "Rosa April": a month that is also a name, right
    /// after a name word, is part of the name.
    #[inline(never)]
    fn month_in_name(&self, i: usize) -> bool {
        i > self.lo
            && matches!(self.w(i), "may" | "june" | "april" | "august")
            && self.capitalised(i - 1)
            && self.name_word(i - 1)
    }

    /// [`Reader::name_word`] of a capitalised word opening the sentence:
    /// no common word (of the kinds below) in the grammar.
    #[inline(never)]
    fn uncommon_initial(&self, i: usize) -> bool {
        !self.entries(i).iter().any(|e| {
            matches!(
                e.kind,
                Kind::Person
                    | Kind::Vague
                    | Kind::Anonymous
                    | Kind::Collective
                    | Kind::Document
                    | Kind::Verb
                    | Kind::Hearsay
                    | Kind::Weasel
                    | Kind::Title
            ) || (e.kind == Kind::Org && e.tag == "generic")
        })
    }

    fn is_possessive_mark(&self, i: usize) -> bool {
        matches!(
            self.seg.tokens[i].kind,
            TokenKind::Quote(QuoteMark::SingleClose | QuoteMark::SingleStraight)
        ) && !self.quoted(i)
    }

    /// A capitalised word that is also a function word but here starts a
    /// name, inside a sentence and before another name: "Will Doyle".
    fn first_name_word(&self, i: usize) -> bool {
        self.capitalised(i)
            && !self.initial(i)
            && !self.line_initial(i)
            && !self.title_case()
            && i + 1 < self.hi
            && self.name_word(i + 1)
    }

    /// A slash joining two names into one: "an NBC News/Wall Street Journal
    /// poll", "CNN/ORC".
    fn slash_join(&self, i: usize) -> bool {
        self.punct(i, "/")
            && i > self.lo
            && i + 1 < self.hi
            && self.capitalised(i - 1)
            && self.capitalised(i + 1)
            && !self.seg.tokens[i].space_before
            && !self.seg.tokens[i + 1].space_before
    }

    /// Whether word `i`, right before a name, cannot be part of the name's
    /// phrase: a time ("Saturday") or a lowercase common noun that is no
    /// title, source noun or modifier of one.
    fn ends_name(&self, i: usize) -> bool {
        const NOUN: u32 = Kind::Title.bit()
            | Kind::Org.bit()
            | Kind::Media.bit()
            | Kind::Person.bit()
            | Kind::Document.bit()
            | Kind::Collective.bit()
            | Kind::Function.bit();
        if self.is(i, Kind::Time) {
            return true;
        }
        !self.capitalised(i)
            && self.norms.kinds(i) & NOUN == 0
            && !self.owner_s(i)
            && !self.people_noun(i)
    }

    /// The full stop of "Dr.", "St." or an initial ("James C. Cacheris")
    /// inside a noun phrase.
    fn abbreviation_stop(&self, i: usize) -> bool {
        self.punct(i, ".")
            && i > 0
            && !self.seg.tokens[i].space_before
            && (self.is(i - 1, Kind::Abbreviation) || {
                let r = self.raw(i - 1);
                r.len() == 1 && r.starts_with(|c: char| c.is_ascii_uppercase())
            })
    }

    // Always inlined, with the walk of the entries out of line: noun
    // phrases ask this of nearly every word they scan, and most fail both
    // bit tests (a hint left it a call once `is` became one load).
    #[inline(always)]
    fn is_det(&self, i: usize) -> bool {
        (self.is(i, Kind::Function) && self.det_entry(i)) || self.is_number(i)
    }

    /// Token `i` has a determiner or quantifier entry: both tags in one pass
    /// over the entries.
    #[inline(never)]
    fn det_entry(&self, i: usize) -> bool {
        self.entries(i)
            .iter()
            .any(|e| e.kind == Kind::Function && matches!(e.tag, "determiner" | "quantifier"))
    }

    /// A numeral ("46", "2,000", "2016-17"), not an ordinal ("the 6th
    /// Circuit") or a compound that starts with one ("46-year-old").
    ///
    /// Always inlined: noun phrases ask it of nearly every word (through
    /// [`Reader::is_det`]), and most fail the first test, on the token's
    /// kind and first byte; the rest of the test is a call.
    #[inline(always)]
    fn is_number(&self, i: usize) -> bool {
        #[inline(never)]
        fn numeral(raw: &str) -> bool {
            !raw.ends_with("st")
                && !raw.ends_with("nd")
                && !raw.ends_with("rd")
                && !raw.ends_with("th")
                && !raw
                    .split(['-', '‐'])
                    .skip(1)
                    .any(|part| part.chars().any(char::is_alphabetic))
        }
        // The first byte first, from the token itself: most words start
        // with no digit.
        let t = &self.seg.tokens[i];
        if t.kind != TokenKind::Word
            || t.span.start >= t.span.end
            || !self.text.as_bytes()[t.span.start].is_ascii_digit()
        {
            return false;
        }
        numeral(self.raw(i))
    }

    /// A number spelt out: "seven", "Thirty-seven" (each part a quantifier
    /// of the grammar).
    fn number_word(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let w = self.w(i);
        // A word with no hyphen (most): its own entries are those of its
        // one part, with no lookup of its text. ("‐" starts with 0xE2.)
        if !w.bytes().any(|b| b == b'-' || b == 0xE2) {
            return self.tag(i, Kind::Function, "quantifier");
        }
        w.split(['-', '‐']).all(|part| {
            self.g
                .word(part)
                .iter()
                .any(|e| e.kind == Kind::Function && e.tag == "quantifier")
        })
    }

    /// Prepositions that stay inside a noun phrase: "spokeswoman for the
    /// ministry", "Ministry of Foreign Affairs", "engineer at the company".
    ///
    /// Inlined as one bit test: each word below is a preposition of the
    /// built-in grammar (a `function` entry), and most words a noun phrase
    /// scans are no function word at all.
    #[inline]
    fn inner_prep(&self, i: usize) -> bool {
        self.is(i, Kind::Function) && self.inner_prep_word(i)
    }

    /// [`Reader::inner_prep`] of a function word.
    #[inline(never)]
    fn inner_prep_word(&self, i: usize) -> bool {
        let w = self.w(i);
        matches!(w, "of" | "for" | "at")
            || (w == "by" && i > 0 && self.is(i - 1, Kind::Document))
            // "people familiar with the talks", "a source close to the campaign"
            || (i > 0
                && ((w == "with" && self.w(i - 1) == "familiar")
                    || (w == "to" && matches!(self.w(i - 1), "close" | "closest" | "loyal" | "near"))))
    }

    /// An -ing or -ed word used as an adjective before a noun: "the tracking
    /// site", "the ruling party".
    fn modifier_participle(&self, i: usize) -> bool {
        self.participle(i)
            && i + 1 < self.seg.tokens.len()
            && self.is_word(i + 1)
            && !self.quoted(i + 1)
            && {
                let n = i + 1;
                (self.is(n, Kind::Org)
                    || self.is(n, Kind::Media)
                    || self.is(n, Kind::Title)
                    || self.is(n, Kind::Person)
                    || self.is(n, Kind::Document)
                    || self.capitalised(n))
                    && !self.is(n, Kind::Function)
            }
    }

    /// A noun for people that the grammar need not list: "environmentalists",
    /// "historians", "a pediatrician". Such a subject can hold a view, so
    /// verbs of thinking accept it as they accept a listed one.
    fn people_noun(&self, i: usize) -> bool {
        if !self.is_word(i) || self.quoted(i) || self.capitalised(i) {
            return false;
        }
        let w = self.w(i);
        let stem = w.strip_suffix('s').unwrap_or(w);
        stem.len() >= 6
            && (stem.ends_with("ist") || stem.ends_with("ian"))
            && !stem.ends_with("sist")
            && !stem.ends_with("xist")
    }

    /// A past participle right after a document noun, describing it ("a
    /// poll released Monday", "the study published in May").
    fn document_participle(&self, i: usize) -> bool {
        // The document first: one bit test, which most words before a
        // verb fail.
        i > self.lo
            && self.is_word(i - 1)
            && self.is(i - 1, Kind::Document)
            && self.is_word(i)
            && !self.quoted(i)
            && self.w(i).ends_with("ed")
    }

    /// A word heading a subject right before its verb that would otherwise
    /// read as a verb: after a determiner it is a noun ("the note says",
    /// "the report found"); an -ing word after a modifier is one too ("a new
    /// ranking says").
    fn noun_head(&self, i: usize) -> bool {
        if i <= self.lo || !self.is_word(i - 1) || self.quoted(i - 1) || self.is(i, Kind::Function)
        {
            return false;
        }
        let after_det = self.tag(i - 1, Kind::Function, "determiner")
            && !matches!(self.w(i - 1), "that" | "which" | "whose");
        after_det
            || (self.w(i).ends_with("ing")
                && !self.is(i, Kind::Verb)
                && (self.is_det(i - 1) || !(self.np_stop(i - 1) || self.is(i - 1, Kind::Function))))
    }

    /// An -ed or -ing word that names nothing ("released", "tracking").
    ///
    /// Always inlined: most words end in neither "d" nor "g", which the
    /// token's last byte tells (see [`Reader::may_end_in`]) without a call.
    #[inline(always)]
    fn participle(&self, i: usize) -> bool {
        self.is_word(i) && self.may_end_in(i, b"dg") && self.participle_word(i)
    }

    /// Whether the word before `i` is a capitalised word that is no
    /// function word nor an owner ("Lehigh's flying club"): the end of a
    /// name.
    fn after_name(&self, i: usize) -> bool {
        i > 0
            && self.is_word(i - 1)
            && self.capitalised(i - 1)
            && !self.is(i - 1, Kind::Function)
            && !self.owner_s(i - 1)
    }

    /// [`Reader::participle`] of a word that may end in "d" or "g".
    #[inline(never)]
    fn participle_word(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.capitalised(i)
            && {
                let w = self.w(i);
                w.ends_with("ed") || w.ends_with("ing")
            }
            && !self.is(i, Kind::Title)
            && !self.is(i, Kind::Person)
            && !self.is(i, Kind::Org)
            && !self.is(i, Kind::Media)
    }

    /// A word that cannot be inside a source noun phrase.
    fn np_stop(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return true;
        }
        // The normal form only where it is compared (most words are neither
        // function words nor participles).
        if self.is(i, Kind::Function) {
            // "Theresa May": no modal, no month.
            if self.capitalised(i) && self.month_in_name(i) {
                return false;
            }
            let entries = self.entries(i);
            let only_det = entries
                .iter()
                .all(|e| e.kind != Kind::Function || matches!(e.tag, "determiner" | "quantifier"));
            let inner = matches!(self.w(i), "of" | "for" | "at");
            return !(only_det || inner);
        }
        if self.capitalised(i) {
            return false;
        }
        // The word's kinds, tested together below (it is a word).
        let kinds = self.norms.word_kinds(i);
        // Asked once: only a participle can be a modifying one.
        let participle = self.participle(i);
        // Not after a name: "Cruz exhorted Republicans" is a verb and its
        // object, where "retired neurosurgeon Ben Carson" is a modifier.
        if participle && self.modifier_participle(i) && !self.after_name(i) {
            return false;
        }
        // "Trump's running mate": a participle that opens a title.
        if participle
            && self.kinds_below(i) & Kind::Title.bit() != 0
            && self
                .phrase_from(i, (i + 4).min(self.hi), false, Kind::Title.bit())
                .is_some()
        {
            return false;
        }
        // "those surveyed", "Cuban-Americans polled": the participle names the crowd.
        if participle
            && i > 0
            && self.is_word(i - 1)
            && (self.w(i - 1) == "those"
                || matches!(
                    self.w(i),
                    "polled" | "surveyed" | "questioned" | "interviewed"
                ))
        {
            return false;
        }
        // Nouns that are also verbs ("a report by", "the poll") stay nouns here.
        const NOUN: u32 = Kind::Document.bit()
            | Kind::Org.bit()
            | Kind::Media.bit()
            | Kind::Title.bit()
            | Kind::Person.bit();
        if kinds & NOUN != 0 || self.plural_subject(i) {
            return false;
        }
        kinds & (Kind::Verb.bit() | Kind::VerbObject.bit() | Kind::Time.bit()) != 0
            || participle
            || self.ly_adverb(i)
            // "Obama met survivors and said": a past tense in no "-ed"
            // after a name is its verb; so is any word between a name and a
            // determiner ("Lopes greets the crowd"), where a noun would end
            // the phrase.
            || (self.after_name(i)
                && (irregular_past(self.w(i))
                    || (i + 1 < self.hi
                        && self.is_det(i + 1)
                        && !self.quoted(i + 1)
                        && !matches!(self.w(i + 1), "that" | "this" | "these" | "those"))))
    }

    /// "news [reports] show", "the [claims] said": a word in "-s" right
    /// before a verb of saying is a plural noun, the verb's subject, since
    /// two verbs do not follow each other so.
    ///
    /// Always inlined: most words end in no "s", which the token's last
    /// byte tells (see [`Reader::may_end_in`]) without a call.
    #[inline(always)]
    fn plural_subject(&self, i: usize) -> bool {
        self.is_word(i) && self.may_end_in(i, b"s") && self.plural_subject_word(i)
    }

    /// [`Reader::plural_subject`] of a word that may end in "s".
    #[inline(never)]
    fn plural_subject_word(&self, i: usize) -> bool {
        i + 1 < self.hi
            && self.is_word(i)
            && self.w(i).ends_with('s')
            && !self.quoted(i + 1)
            && (self.is(i + 1, Kind::Verb) || self.is(i + 1, Kind::Speech))
            // "Trump says praise …", "he argues support …": after a name
            // or a pronoun, the "-s" word is the verb and the next a noun.
            && self.w(i) != "says"
            && !(i > self.lo
                && self.is_word(i - 1)
                && !self.quoted(i - 1)
                && ((self.is(i - 1, Kind::Pronoun) && !self.is_det(i - 1))
                    || (self.capitalised(i - 1) && self.g.word(self.w(i - 1)).is_empty())))
    }

    /// Within a capitalised run, a title word followed by a real name ends
    /// the role: "Trade Minister Anil Rao" → "Anil Rao". A run whose tail
    /// is only class words ("General Motors") keeps its title word.
    ///
    /// Always inlined as the scan for a title word, which most runs (every
    /// name mentioned) have none of; what follows one is out of line.
    #[inline(always)]
    fn after_inner_title(&self, start: usize, end: usize) -> usize {
        match (start..end)
            .rev()
            .find(|&i| self.is(i, Kind::Title) && self.capitalised(i))
        {
            Some(t) => self.after_title_word(t, start, end),
            None => start,
        }
    }

    /// [`Reader::after_inner_title`] of a run with a title word at `t`.
    #[inline(never)]
    fn after_title_word(&self, t: usize, start: usize, end: usize) -> usize {
        let real_name = (t + 1..end)
            .any(|i| self.is_word(i) && self.capitalised(i) && self.g.word(self.w(i)).is_empty());
        if t + 1 < end && real_name {
            t + 1
        } else {
            start
        }
    }

    /// An "-ly" adverb ("privately", "unhesitatingly"), not a noun that
    /// happens to end so ("the family", "a rally").
    ///
    /// Always inlined: most words end in no "y", and the token's last byte,
    /// when ASCII, is that of its normal form (lowercased), which tells so
    /// without a call (whose saving and restoring of registers for the
    /// rest of the test cost more than the test).
    #[inline(always)]
    fn ly_adverb(&self, i: usize) -> bool {
        self.may_end_in(i, b"y") && self.ly_adverb_word(i)
    }

    /// Whether the byte before the last of token `i` ends an apostrophe
    /// (`'`, or `’` or `‘`, which the normal form folds to one): its
    /// normal form may end in "'s".
    #[inline(always)]
    fn apostrophe_before_last(&self, i: usize) -> bool {
        let span = self.seg.tokens[i].span;
        span.len() >= 2 && matches!(self.text.as_bytes()[span.end - 2], b'\'' | 0x98 | 0x99)
    }

    /// Whether the normal form of token `i` ends in "'s" ("Trump's",
    /// "Russia’s"): the bytes before it tell most tokens that it does not,
    /// without their normal form.
    #[inline(always)]
    fn owner_s(&self, i: usize) -> bool {
        self.apostrophe_before_last(i) && self.w(i).ends_with("'s")
    }

    /// Whether the normal form of word `i` may end in one of the lowercase
    /// ASCII `letters`: the token's last byte, when ASCII, is the normal
    /// form's, lowercased; one that is not ASCII may end anything.
    #[inline(always)]
    fn may_end_in(&self, i: usize, letters: &[u8]) -> bool {
        let last = self.text.as_bytes()[self.seg.tokens[i].span.end - 1];
        !last.is_ascii() || letters.contains(&(last | 0x20))
    }

    /// A capitalised word that opens a sentence as an adverb does
    /// ("Essentially, …", "Ultimately, …"): [`Reader::ly_adverb`] leaves
    /// capitalised words out for names like "Kelly" and "Beverly", so only
    /// the endings of adverbs made from adjectives count here.
    fn capitalised_adverb(&self, i: usize) -> bool {
        let w = self.w(i);
        w.len() >= 7
            && self.is_word(i)
            && self.capitalised(i)
            && [
                "ally", "ately", "ently", "antly", "ously", "ively", "ably", "ibly", "ily",
            ]
            .iter()
            .any(|e| w.ends_with(e))
    }

    /// [`Reader::ly_adverb`] of a word that may end in "y".
    #[inline(never)]
    fn ly_adverb_word(&self, i: usize) -> bool {
        self.ly_form(i)
            && !(i > 0 && self.is_word(i - 1) && (self.is_det(i - 1) || self.owner_s(i - 1)))
    }

    /// A word in "-ly" that is no noun ("family", "rally") and no adjective
    /// of time or cost ("early", "costly"): an adverb, unless a determiner
    /// or an owner before makes it a noun.
    fn ly_form(&self, i: usize) -> bool {
        let w = self.w(i);
        w.ends_with("ly")
            && w.len() > 4
            && self.is_word(i)
            && !self.capitalised(i)
            && !matches!(
                w,
                "family"
                    | "rally"
                    | "ally"
                    | "assembly"
                    | "supply"
                    | "reply"
                    | "anomaly"
                    | "monopoly"
                    | "belly"
                    | "bully"
                    | "homily"
                    | "melee"
                    // adjectives: "early results", "the daily briefing"
                    | "early"
                    | "daily"
                    | "weekly"
                    | "monthly"
                    | "yearly"
                    | "quarterly"
                    | "elderly"
                    | "costly"
                    | "deadly"
                    | "friendly"
            )
            && !(self.is(i, Kind::Person)
                || self.is(i, Kind::Org)
                || self.is(i, Kind::Title)
                || self.is(i, Kind::Document))
    }

    /// The first word of a cue that is no auxiliary, adverb or negation:
    /// "said" in "has also said", "know" in "did not know".
    fn lexical_verb(&self, cue: &Range<usize>) -> Option<usize> {
        cue.clone().find(|&i| {
            self.is_word(i)
                && !["aux", "adverb", "negation"]
                    .iter()
                    .any(|t| self.tag(i, Kind::Function, t))
        })
    }

    /// The form of a cue's verb, for pairing verbs joined by "and": "did
    /// say" is a past like "said", "does say" a present like "says".
    fn cue_form(&self, cue: &Range<usize>) -> Option<VerbForm> {
        let v = self.lexical_verb(cue)?;
        verb_form(self.w(v)).or_else(|| match self.word_at(v.checked_sub(1)?)? {
            "did" => Some(VerbForm::Past),
            "does" => Some(VerbForm::Present),
            _ => None,
        })
    }

    /// "…, but the Central and East European Coalition wants": the subject
    /// read is the last name of a coordination ("East European
    /// Coalition"). If `and` at `i` joins it to capitalised words after a
    /// determiner, the token before them is where the clause begins.
    fn coordinated_name_start(&self, i: usize) -> Option<usize> {
        if self.w(i) != "and" || self.quoted(i) {
            return None;
        }
        let mut j = i.checked_sub(1)?;
        while j > self.lo && self.capitalised(j) && !self.quoted(j) && i - j <= 3 {
            j -= 1;
        }
        if j == i - 1 || !self.is_det(j) || self.is_number(j) || j <= self.lo {
            return None;
        }
        Some(j - 1)
    }

    fn skippable_before_cue(&self, i: usize) -> bool {
        // "has long said", "has since said": adverbs only after an auxiliary.
        // "have all characterized", "have both pushed for": a quantifier
        // floated off the subject, likewise.
        // "has not yet released": "yet" after a negation too.
        // (Bit tests before the normal forms, here and below: most words
        // before a cue are none of these.)
        let after_aux = || {
            i > self.lo
                && self.is(i - 1, Kind::Function)
                && matches!(
                    self.w(i),
                    "long" | "since" | "ever" | "all" | "both" | "yet"
                )
                && (self.tag(i - 1, Kind::Function, "aux")
                    || self.tag(i - 1, Kind::Function, "negation"))
        };
        // The tags it takes, in one pass over the word's entries (a word's
        // entries of a kind exist only if it is of that kind).
        let tagged = |e: &Entry| match e.kind {
            Kind::Function => matches!(e.tag, "aux" | "adverb" | "negation"),
            Kind::Hearsay => matches!(e.tag, "reportedly" | "allegedly"),
            _ => false,
        };
        // Capitalised, an adverb is a name's word ("Will Doyle"), except in
        // a headline in Title Case ("Kasich Just Revealed …"). That is asked
        // last: most capitalised words before a cue are names, which the
        // tests before fail, and the sentence's case is a walk over it.
        self.is_word(i)
            && ((self.norms.word_kinds(i) & (Kind::Function.bit() | Kind::Hearsay.bit()) != 0
                && self.entries(i).iter().any(tagged))
                || after_aux()
                || self.ly_adverb(i)
                || (self.may_end_in(i, b"t") && self.w(i).ends_with("n't")))
            && (!self.capitalised(i) || self.title_case())
    }

    /// A word that ties an -ing participle to a clause: "by citing", "before
    /// adding", "after saying".
    fn participle_link(&self, i: usize) -> bool {
        self.is_word(i)
            && (matches!(
                self.w(i),
                "by" | "while"
                    | "before"
                    | "after"
                    | "without"
                    | "when"
                    | "upon"
                    | "since"
                    | "besides"
            ) || self.link_start(i) < i
                // "In defending himself, Trump …", "Judicial Watch, in
                // releasing the email, noted": an opener or an aside; after
                // a noun, "in" makes no link ("her role in denying").
                || (self.w(i) == "in" && (i == self.lo || self.punct(i - 1, ","))))
    }

    /// The first word of a link of two words ending at `i`: "aside from
    /// saying", "instead of calling"; else `i`.
    fn link_start(&self, i: usize) -> usize {
        let two = i > self.lo
            && match self.w(i) {
                "from" => matches!(self.w(i - 1), "aside" | "apart"),
                "of" => self.w(i - 1) == "instead",
                _ => false,
            };
        if two {
            i - 1
        } else {
            i
        }
    }

    /// A closing quotation mark right after a comma: `"more work to do,"`.
    fn quoted_comma(&self, i: usize) -> bool {
        i > self.lo
            && self.seg.quote_of(i).is_some_and(|q| q.close == Some(i))
            && self.punct(i - 1, ",")
    }

    /// A cue verb in its bare form ("show", "say", "call"): the grammar also
    /// lists its third-person form. Verbs whose past is spelt like the bare
    /// form ("read", "put") are left out: "the sign read" is a past tense.
    fn bare_form(&self, i: usize) -> bool {
        let w = self.w(i);
        let verb = |stem: &str, ending: &str| self.is_verb_form(stem, ending);
        !matches!(
            w,
            "read"
                | "put"
                | "cast"
                | "forecast"
                | "broadcast"
                | "hit"
                | "set"
                | "let"
                | "cut"
                | "quit"
                | "spread"
                | "bet"
        ) && !w.ends_with("ed")
            && !w.ends_with("ing")
            && (verb(w, "s")
                || verb(w, "es")
                || w.strip_suffix('y').is_some_and(|stem| verb(stem, "ies")))
    }

    /// Whether `stem` + `ending` is a cue verb (of kind `Verb` or
    /// `VerbObject`), with one grammar lookup. The form is spelt out on the
    /// stack when it fits: asked of most cue verbs, a `String` was an
    /// allocation each time.
    fn is_verb_form(&self, stem: &str, ending: &str) -> bool {
        const VERB: u32 = Kind::Verb.bit() | Kind::VerbObject.bit();
        let mut buf = [0u8; 48];
        let n = stem.len() + ending.len();
        if n > buf.len() {
            return self.g.kinds(self.g.word_node(&format!("{stem}{ending}"))) & VERB != 0;
        }
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()..n].copy_from_slice(ending.as_bytes());
        // The stem is a normal form, and so is the whole.
        self.g
            .form_id(&buf, n)
            .is_some_and(|id| self.g.root(id).1 & VERB != 0)
    }

    /// "a group called Citizens for Trump", "a man named Ali": a participle
    /// that names what an indefinite noun phrase introduces. The head is no
    /// person ("a spokesman called the plan …" reports).
    fn naming_participle(&self, k: usize) -> bool {
        if !matches!(self.w(k), "called" | "named" | "dubbed") || k == self.lo {
            return false;
        }
        let head = k - 1;
        if self.is(head, Kind::Person) || self.is(head, Kind::Title) || self.people_noun(head) {
            return false;
        }
        (head.saturating_sub(5).max(self.lo)..=head)
            .rev()
            .take_while(|&i| {
                self.is_word(i)
                    && !self.quoted(i)
                    && (!self.is(i, Kind::Function)
                        || matches!(self.w(i), "a" | "an" | "one" | "another" | "of"))
            })
            .any(|i| matches!(self.w(i), "a" | "an" | "one" | "another"))
    }

    /// Token `k` follows a determiner or a possessive and one or two
    /// lowercase modifiers: "a strong [showing]", "Romney's poor [showing]",
    /// "his strong third-place [showing]".
    fn after_determiner_and_modifier(&self, k: usize) -> bool {
        let modifier = |i: usize| {
            self.is_word(i)
                && !self.quoted(i)
                && !self.capitalised(i)
                && !self.is(i, Kind::Function)
                && !self.is(i, Kind::Document)
                && !self.is(i, Kind::Media)
                && !self.is(i, Kind::Org)
                && !self.is(i, Kind::Person)
        };
        let owner = |i: usize| {
            self.is_word(i)
                && !self.quoted(i)
                && (self.tag(i, Kind::Function, "determiner") || self.owner_s(i))
        };
        self.after_modifiers(k, modifier, owner)
    }

    /// Token `k` follows one or two words that pass `modifier`, and before
    /// them a word that passes `opens`: the shape of a noun's modifiers
    /// after what opens its phrase.
    fn after_modifiers(
        &self,
        k: usize,
        modifier: impl Fn(usize) -> bool,
        opens: impl Fn(usize) -> bool,
    ) -> bool {
        (1..=2).any(|n| k > self.lo + n && (k - n..k).all(&modifier) && opens(k - n - 1))
    }

    /// "both", "all" or "each" as a word of its own (not quoted).
    fn floating_quantifier(&self, i: usize) -> bool {
        // Each is a function word (a quantifier or determiner), which one
        // bit test tells before the normal form is compared.
        self.is(i, Kind::Function)
            && !self.quoted(i)
            && matches!(self.w(i), "both" | "all" | "each")
    }

    /// Token `i` opens what a verb before it takes: a clause ("that …"),
    /// a pronoun, or a name ("the video shows Bob …", "the poll shows
    /// that …"); a noun before it would be followed by punctuation or a
    /// preposition instead.
    /// What follows a plural that may be a noun or a verb (a noun-form,
    /// or the plural of a noun of saying: "charges", "claims") at `i`, if
    /// it shows the noun: a preposition of a noun's
    /// ("claims of fraud", "charges against him"; not "as", "in" or "on",
    /// which verbs take: "views as", "shows in detail", "reports on") or a
    /// verb of its own ("claims were rated").
    ///
    /// Not before a quotation ("Republican claims of “significant
    /// breakthroughs”"): the words are still someone's, and the verb's
    /// reading keeps them attributed.
    fn noun_follows(&self, i: usize) -> bool {
        i + 1 < self.hi
            && self.is_word(i)
            && !self.quoted(i)
            && !self.quoted(i + 1)
            && matches!(
                self.w(i),
                "of" | "from" | "against" | "were" | "have" | "had"
            )
    }

    /// "11% of Democratic claims", "making dubious medical claims": a
    /// plural at `k` after one or two modifiers that follow a preposition
    /// (or "making") is a noun with its modifiers, not a verb with a
    /// subject ("Trump claims"). After a determiner the words are a
    /// subject as often as not ("the poll shows"); so is a phrase of its
    /// own before a verb's object ("a survey of likely voters shows that").
    fn modified_after_a_preposition(&self, k: usize) -> bool {
        // (A plural before it is a head of its own: "a group of
        // researchers shows".)
        let modifier = |t: usize| {
            self.is_word(t)
                && !self.quoted(t)
                && !self.is(t, Kind::Function)
                && !self.plural_word(t)
                && self.cue_at(t).is_none()
        };
        let preposition = |b: usize| {
            self.is_word(b)
                && !self.quoted(b)
                && matches!(
                    self.w(b),
                    "of" | "about"
                        | "on"
                        | "with"
                        | "for"
                        | "against"
                        | "by"
                        | "from"
                        | "into"
                        | "over"
                        | "amid"
                        | "despite"
                        | "making"
                )
        };
        self.after_modifiers(k, modifier, preposition)
    }

    /// A word in "-s" that is no "-ss", "-us" or "-is" ("voters", not
    /// "dubious" or "analysis"): by its ending, a plural.
    fn plural_word(&self, t: usize) -> bool {
        let w = self.w(t);
        w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"))
    }

    fn object_follows(&self, i: usize) -> bool {
        i < self.hi
            && self.is_word(i)
            && !self.quoted(i)
            && (matches!(self.w(i), "that" | "how" | "why" | "what" | "whether")
                || (self.is(i, Kind::Pronoun) && !self.is_det(i))
                || (self.capitalised(i) && !self.is(i, Kind::Function)))
    }

    /// "in", "across", "from" at `i`: a preposition that puts a crowd in a
    /// place ("voters in each state").
    fn place_preposition(&self, i: usize) -> bool {
        self.is_word(i) && !self.quoted(i) && matches!(self.w(i), "in" | "across" | "from")
    }

    /// The noun phrase that a relative clause ending right before token
    /// `end` hangs on: "A person who was briefed on the matter said", "an
    /// official who spoke anonymously to discuss internal strategy said".
    /// A phrase inside a relative clause set off by no commas is the
    /// clause's object; the verb's subject is the noun phrase that "who"
    /// follows. Also where no noun phrase ends the clause ("Another man who
    /// did not want to be named said"), and over "and who" to the first
    /// relative pronoun ("who worshiped here and who did not want to be
    /// named").
    fn relative_head(&self, end: usize) -> Option<Range<usize>> {
        // A short clause, all words: a comma or a quotation would mean
        // the clause ended or was an aside of its own. A conjunction right
        // before the phrase ("who gained attention when he yelled", "than
        // most people imagined") opens a clause with the phrase as subject;
        // further back it leaves the phrase an object ("who spoke
        // anonymously because they were not authorized to discuss the
        // inquiry said").
        if end <= self.lo + 1 || self.tag(end - 1, Kind::Function, "boundary") {
            return None;
        }
        let from = end.saturating_sub(24).max(self.lo + 1);
        // The last "who" before `to` over words only. ("who" is a function
        // word, whose bit is tested before its normal form.)
        let who_before = |to: usize| {
            (from..to)
                .rev()
                .take_while(|&t| self.is_word(t) && !self.quoted(t))
                .find(|&t| self.is(t, Kind::Function) && self.w(t) == "who")
        };
        let mut who = who_before(end)?;
        if who + 1 >= end {
            return None;
        }
        while who > from + 1 && self.w(who - 1) == "and" {
            who = who_before(who - 1)?;
        }
        // "One of the doctors who sent the letter": a part of a crowd heads
        // the clause as the crowd would.
        let partitive = |head: &Range<usize>| {
            head.len() > 2
                && self.numeral(head.start)
                && self.w(head.start + 1) == "of"
                && self.analyse(head.start + 2..head.end, false).is_some()
        };
        self.np_left(who - 1, self.lo).filter(|head| {
            head.end == who && (self.analyse(head.clone(), false).is_some() || partitive(head))
        })
    }

    /// "Voters in the state say": a bare plural verb after a singular noun
    /// in a place phrase agrees with the plural noun before it, which heads
    /// the subject; `np` is the noun phrase right before the verb.
    /// "Another intelligence source speaking to Fox News said", "A letter
    /// from the Legion obtained by The Associated Press warns": the noun
    /// phrase after a participle and its preposition describes the head
    /// before them, which is the subject.
    fn head_before_participle(&self, np: Range<usize>) -> Range<usize> {
        if np.start < self.lo + 3 {
            return np;
        }
        // "A news report published Wednesday said": the day is when the
        // report came out.
        let day = np.len() == 1 && self.is(np.start, Kind::Time) && {
            let part = np.start - 1;
            self.is_word(part)
                && !self.quoted(part)
                && !self.capitalised(part)
                && past_participle(self.w(part))
        };
        if day {
            return match self.np_left(np.start - 2, self.lo) {
                Some(head) if self.analyse(head.clone(), false).is_some() => head,
                _ => np,
            };
        }
        let (prep, part) = (np.start - 1, np.start - 2);
        // A past form reads as a passive only before "by" ("signs pointed
        // to Obama" is a verb of its own).
        let described = self.is_word(prep)
            && !self.quoted(prep)
            && self.is_word(part)
            && !self.quoted(part)
            && !self.capitalised(part)
            && match self.w(prep) {
                "by" => self.w(part).ends_with("ing") || past_participle(self.w(part)),
                // "Protesters marching through the streets chanted" (not
                // "familiar with the planning for the meeting", a noun).
                _ => {
                    self.w(part).ends_with("ing")
                        && self.tag(prep, Kind::Function, "preposition")
                        && !self.is_det(part - 1)
                }
            };
        if !described {
            return np;
        }
        match self.np_left(part - 1, self.lo) {
            Some(head) if self.analyse(head.clone(), false).is_some() => head,
            _ => np,
        }
    }

    /// "Jeb Bush in a Medium post said", "Trump on Twitter said": a phrase
    /// after "in", "on" or "during" right before the verb is where the
    /// subject spoke when it names a medium or a document and the phrase
    /// before the preposition can speak; the subject is that phrase. Where
    /// it names a body ("Officials in the administration said") the whole
    /// is the subject.
    fn head_before_venue(&self, np: Range<usize>) -> Range<usize> {
        let Some(prep) = np.start.checked_sub(1).filter(|&p| p > self.lo) else {
            return np;
        };
        if !self.is_word(prep)
            || self.quoted(prep)
            || !matches!(self.w(prep), "in" | "on" | "during")
        {
            return np;
        }
        let Some(head) = self.np_left(prep - 1, self.lo).filter(|h| h.end == prep) else {
            return np;
        };
        // Whether a phrase names a medium or a document; `None` for a crowd
        // or an unnamed source, which is neither speaker nor venue here.
        let medium = |p: &SourcePhrase| match &p.phrase {
            Phrase::Named { kind, .. } | Phrase::Descriptor { kind, .. } => {
                Some(matches!(kind, SourceKind::Media | SourceKind::Document))
            }
            Phrase::Pronoun(_) => Some(false),
            _ => None,
        };
        match (
            self.analyse(head.clone(), false),
            self.analyse(np.clone(), false),
        ) {
            (Some(h), Some(v)) if medium(&h) == Some(false) && medium(&v) == Some(true) => head,
            _ => np,
        }
    }

    fn head_before_place(&self, np: Range<usize>, cue: &Range<usize>) -> Range<usize> {
        let last = np.end - 1;
        let singular = || {
            self.is_word(last)
                && !self.w(last).ends_with('s')
                && !self.is_number(last)
                && !self.number_word(last)
                && !self.is(last, Kind::Function)
        };
        // "A voter from Ohio said", "Sources in Washington said": whoever
        // is named before a place speaks, whatever the verb's form. The
        // whole phrase is the subject where it reads as one crowd or
        // unnamed source ("officials in the administration"); a name
        // after the preposition would read as the speaker, so otherwise
        // the phrase before it is.
        if np.start >= self.lo + 2 && self.place_preposition(np.start - 1) {
            let place = || {
                self.analyse(np.clone(), false).is_some_and(|p| {
                    matches!(
                        p.phrase,
                        Phrase::Named {
                            kind: SourceKind::Country | SourceKind::Organisation,
                            ..
                        } | Phrase::Descriptor {
                            kind: SourceKind::Country | SourceKind::Organisation,
                            ..
                        }
                    )
                })
            };
            let speaker = |h: &Range<usize>| {
                self.analyse(h.clone(), false).is_some_and(|p| {
                    matches!(
                        p.phrase,
                        Phrase::Anonymous(_)
                            | Phrase::Vague(_)
                            | Phrase::Descriptor {
                                kind: SourceKind::Person | SourceKind::Organisation,
                                ..
                            }
                            | Phrase::Named {
                                kind: SourceKind::Person | SourceKind::Organisation,
                                ..
                            }
                    )
                })
            };
            if let Some(head) = self
                .np_left(np.start - 2, self.lo)
                .filter(|h| h.end == np.start - 1 && speaker(h) && place())
            {
                let whole = head.start..np.end;
                let one_crowd = self
                    .analyse(whole.clone(), false)
                    .is_some_and(|p| matches!(p.phrase, Phrase::Anonymous(_) | Phrase::Vague(_)));
                return if one_crowd { whole } else { head };
            }
        }
        // The place first: most subjects have none before them, which
        // one word tells, where the verb's form is a lookup.
        if cue.len() != 1
            || np.start < self.lo + 2
            || !self.place_preposition(np.start - 1)
            || !singular()
            || !self.bare_form(cue.start)
        {
            return np;
        }
        match self.np_left(np.start - 2, self.lo) {
            Some(head) if self.w(head.end - 1).ends_with('s') => head.start..np.end,
            _ => np,
        }
    }

    /// A singular common noun or a name, which cannot be the subject of a
    /// bare present tense: not a plural, a pronoun, a quantifier, a share
    /// ("percent", "majority"), a participle, or part of a coordination or a
    /// prepositional phrase whose head may be further left ("Trump and Cruz
    /// say", "voters in the state want").
    fn singular_noun(&self, i: usize) -> bool {
        if !self.noun_word(i) {
            return false;
        }
        let w = self.w(i);
        if matches!(w, "i" | "you" | "we" | "they") || w.contains('\'') {
            return false;
        }
        // A share ("a majority", "half") takes a plural verb too.
        let plural = (w.ends_with('s') && !w.ends_with("ss"))
            || self.share_start(i).is_some()
            || matches!(
                w,
                "people"
                    | "police"
                    | "men"
                    | "women"
                    | "children"
                    | "staff"
                    | "media"
                    | "data"
                    | "public"
                    | "personnel"
                    | "percent"
                    | "%"
                    | "number"
                    | "rest"
                    | "none"
                    | "group"
                    | "team"
                    | "government"
                    | "administration"
                    | "campaign"
                    | "committee"
                    | "panel"
                    | "board"
                    | "party"
                    | "family"
                    | "crowd"
                    | "audience"
                    | "jury"
                    | "couple"
                    | "pair"
                    | "lot"
            );
        let open = (i.saturating_sub(6).max(self.lo)..i).any(|t| {
            self.is_word(t)
                && (matches!(self.w(t), "and" | "&" | "nor" | "both")
                    || self.tag(t, Kind::Function, "preposition"))
        });
        !plural && !open
    }

    /// What [`Reader::singular_noun`] asks first, from the word's kinds and
    /// spelling: an unquoted word that is no function word, pronoun, crowd,
    /// number, adverb or participle.
    fn noun_word(&self, i: usize) -> bool {
        self.is_word(i)
            && !(self.quoted(i)
                || self.is(i, Kind::Function)
                || self.is(i, Kind::Pronoun)
                || self.is(i, Kind::Vague)
                || self.is(i, Kind::Collective)
                || self.is_number(i)
                || self.ly_adverb(i)
                || self.participle(i))
    }

    /// The pronoun's tag when word `i` is a pronoun contracted with "has"
    /// or "is" ("he's said"): its "'s" is no possessive.
    fn pronoun_has(&self, i: usize) -> Option<&'static str> {
        let stem = self.w(i).strip_suffix("'s")?;
        self.g
            .word(stem)
            .iter()
            .find(|e| e.kind == Kind::Pronoun)
            .map(|e| e.tag)
    }

    fn is_be(&self, i: usize) -> bool {
        matches!(
            self.w(i),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s"
        )
    }

    // ---- noun phrases -----------------------------------------------------

    /// The noun phrase ending at token `k` (inclusive), scanning left.
    fn np_left(&self, k: usize, lo: usize) -> Option<Range<usize>> {
        if k < lo || self.quoted(k) {
            return None;
        }
        if self.is(k, Kind::Pronoun) {
            // "a source close to him said": the pronoun ends the phrase it
            // is in. (Elsewhere an object pronoun is the subject of what
            // follows: "made him question", "allow him to call for".)
            let close_to = k >= lo + 3
                && matches!(self.w(k), "him" | "her" | "them" | "us" | "me")
                && matches!(self.w(k - 1), "to" | "with")
                && matches!(
                    self.w(k - 2),
                    "close" | "closer" | "near" | "loyal" | "familiar" | "allied"
                );
            if let Some(np) = close_to.then(|| self.np_left(k - 3, lo)).flatten() {
                return Some(np.start..k + 1);
            }
            return Some(k..k + 1);
        }
        // An anonymous-source phrase ending here is one unit, prepositions and
        // all: "people familiar with the matter".
        let mut k = k;
        if let Some(j) = self.anonymous_ending(k, lo) {
            if j == lo || !(self.is_word(j - 1) && (self.is_det(j - 1) || !self.np_stop(j - 1))) {
                return Some(j..k + 1);
            }
            let end = k;
            k = j - 1;
            return self
                .np_left(k, lo)
                .map(|r| r.start..end + 1)
                .or(Some(j..end + 1));
        }
        let mut a = k + 1;
        let mut i = k;
        loop {
            if self.quoted(i) {
                break;
            }
            // A parenthetical after a name goes whole: "Rep. Gwen Moore (D-Wis.)".
            if self.punct(i, ")") {
                if let Some(open) = (i.saturating_sub(10).max(lo)..i)
                    .rev()
                    .find(|&j| self.punct(j, "("))
                {
                    a = open;
                    if open == lo {
                        break;
                    }
                    i = open - 1;
                    continue;
                }
            }
            // "John A. Smith", "Maya D. Song": a capital and a full stop
            // inside a name are an initial, whatever word the letter spells.
            let initial = i + 1 == a
                && i + 2 <= k
                && self.abbreviation_stop(i + 1)
                && self.capitalised(i + 2)
                && self.raw(i).len() == 1
                && self.capitalised(i);
            let take = if initial {
                true
            } else if self.is_word(i) {
                // "the bill that Sanders said …": "that" before a name opens
                // a clause; it determines nothing.
                // (The bit tests first, the normal form last: this is asked
                // of every word of the phrase.)
                // ("that" and "which" are function words.)
                if a <= k
                    && self.capitalised(a)
                    && self.is(i, Kind::Function)
                    && matches!(self.w(i), "that" | "which")
                {
                    break;
                }
                // "so narrow that economists believe": "that" determines no
                // plural.
                if a == k
                    && self.is(i, Kind::Function)
                    && self.w(i) == "that"
                    && self.w(k).ends_with('s')
                    && !self.w(k).ends_with("ss")
                {
                    break;
                }
                // "In January 2016 Trump said", "On March 3 Trump said": a
                // date before a name, not a number of it.
                if a <= k
                    && i + 1 == a
                    && self.capitalised(a)
                    && self.is_number(i)
                    && ((i > lo && self.is(i - 1, Kind::Time)) || year(self.w(i)))
                {
                    break;
                }
                if self.is_det(i) && a <= k {
                    a = i;
                    // A determiner ends the phrase unless an inner preposition
                    // joins it to a head on its left (not a verb's past:
                    // "The senator spoke at a gathering").
                    if i > lo + 1
                        && self.inner_prep(i - 1)
                        && !self.np_stop(i - 2)
                        && !self.quoted(i - 2)
                        && !irregular_past(self.w(i - 2))
                    {
                        i -= 1;
                        continue;
                    }
                    break;
                }
                if a <= k && i + 1 == a && self.capitalised(a) && self.ends_name(i) {
                    // "At the convention Warren said", "On Saturday Warren
                    // said": a name is not the head of what stands before
                    // it unless that is a title ("regional governor Oleh
                    // Sytnyk") or its possessor.
                    false
                } else if self.inner_prep(i) {
                    a <= k && i > lo && !self.np_stop(i - 1)
                } else if self.is(i, Kind::Function)
                    && self.w(i) == "and"
                    && a <= k
                    && self.name_word(a)
                    && i >= lo + 2
                    && self.name_word(i - 1)
                    && self.w(i - 2) == "of"
                {
                    // "the leaders of Arland and Brel": names joined
                    // inside a prepositional phrase belong to its head.
                    true
                } else {
                    !self.np_stop(i)
                        || (self.capitalised(i)
                            && (!self.is(i, Kind::Function) || self.first_name_word(i)))
                        || (i == k && self.noun_head(i))
                        // "an inside source": after a determiner, a
                        // preposition's word modifies the head.
                        || (a <= k
                            && i > lo
                            && matches!(self.w(i - 1), "a" | "an" | "the")
                            && self.tag(i, Kind::Function, "preposition"))
                        // "the retired neurosurgeon told"
                        || (a <= k
                            && self.participle(i)
                            && i > lo
                            && self.tag(i - 1, Kind::Function, "determiner"))
                }
            } else {
                self.punct(i, "(")
                    || self.punct(i, ")")
                    || self.punct(i, "&")
                    || self.is_possessive_mark(i)
                    || self.abbreviation_stop(i)
                    || self.slash_join(i)
            };
            if !take {
                break;
            }
            a = i;
            if k + 1 - a > MAX_NP {
                return None;
            }
            if i == lo {
                break;
            }
            i -= 1;
        }
        // Trim leading punctuation and prepositions.
        while a <= k && (!self.is_word(a) || self.inner_prep(a)) && !self.punct(a, "(") {
            a += 1;
        }
        (a <= k).then_some(a..k + 1)
    }

    /// The start of an anonymous-source phrase of two words or more ending
    /// at token `k` ("people familiar with the matter"), from `lo` on.
    fn anonymous_ending(&self, k: usize, lo: usize) -> Option<usize> {
        // Most words end no such phrase, which the grammar tells of the
        // word itself, without the walks below.
        let ends_one = self
            .norms
            .id(k)
            .is_some_and(|w| self.g.kinds_ending(w) & Kind::Anonymous.bit() != 0);
        if !ends_one {
            return None;
        }
        // Such a phrase is words outside quotations all the way to `k`:
        // the run of them ending at `k` is found once, not for each start.
        let mut run = k + 1;
        while run > k.saturating_sub(7).max(lo) && self.is_word(run - 1) && !self.quoted(run - 1) {
            run -= 1;
        }
        (run..k).find(|&j| {
            self.phrase_from(j, k + 1, false, Kind::Anonymous.bit())
                .is_some_and(|(n, _)| n == k + 1 - j)
        })
    }

    /// The noun phrase starting at token `s`, scanning right.
    fn np_right(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        let mut i = s;
        while i < hi && self.is_det(i) && !self.quoted(i) {
            i += 1;
        }
        let start = s;
        let mut end = i;
        while i < hi && !self.quoted(i) {
            if self.punct(i, "(") && end > start {
                if let Some(close) = (i + 1..(i + 10).min(hi)).find(|&j| self.punct(j, ")")) {
                    i = close + 1;
                    end = i;
                    continue;
                }
            }
            let take = if self.is_word(i) {
                if self.inner_prep(i) {
                    i + 1 < hi
                        && (self.capitalised(i + 1) || self.is_det(i + 1) || !self.np_stop(i + 1))
                } else if end > start && self.is(i, Kind::Pronoun) && !self.is_det(i) {
                    // "told reporters it was over": a pronoun after a noun
                    // opens the next clause.
                    false
                } else if self.is_det(i) {
                    (end > start && self.inner_prep(i - 1))
                        // "BBC Radio 5 Live", "Channel 4 News": a number inside a name.
                        || (end > start
                            && self.is_number(i)
                            && self.capitalised(i - 1)
                            && i + 1 < hi
                            && self.capitalised(i + 1)
                            && !self.quoted(i + 1))
                } else {
                    !self.np_stop(i)
                        || (self.capitalised(i)
                            && (!self.is(i, Kind::Function) || self.first_name_word(i)))
                        // "retired neurosurgeon Ben Carson": a participle modifying the head.
                        || ((start..i).all(|t| self.is_det(t))
                            && self.participle(i)
                            && i + 1 < hi
                            && self.is_word(i + 1)
                            && !self.quoted(i + 1)
                            && !self.np_stop(i + 1))
                }
            } else {
                self.punct(i, "(")
                    || self.punct(i, ")")
                    || self.punct(i, "&")
                    || self.is_possessive_mark(i)
                    || self.abbreviation_stop(i)
                    || self.slash_join(i)
            };
            if !take {
                break;
            }
            i += 1;
            if self.is_word(i - 1) || self.punct(i - 1, ")") {
                end = i;
            }
            if end - start > MAX_NP {
                return None;
            }
        }
        // Drop a trailing preposition.
        while end > start && self.inner_prep(end - 1) {
            end -= 1;
        }
        (end > start && (start..end).any(|k| self.is_word(k) && !self.is_det(k)))
            .then_some(start..end)
    }

    /// A noun phrase that may hold short quoted titles: `the "Medicare for
    /// all" document`, `her "clawback" plan`.
    fn np_right_titled(&self, s: usize, hi: usize) -> Option<Range<usize>> {
        const MAX_TITLE_TOKENS: usize = 12;
        let mut found: Option<Range<usize>> = None;
        let mut i = s;
        loop {
            let np = self.np_right(i, hi);
            let mut next = np.as_ref().map_or(i, |r| r.end);
            while np.is_none() && next < hi && self.is_det(next) && !self.quoted(next) {
                next += 1;
            }
            if let Some(r) = np {
                found = Some(s..r.end);
            }
            let title = (next < hi)
                .then(|| self.seg.quote_of(next))
                .flatten()
                .filter(|q| q.open == next)
                .and_then(|q| q.close)
                .filter(|&c| c - next <= MAX_TITLE_TOKENS && c + 1 < hi);
            match title {
                Some(close)
                    if self
                        .np_right(close + 1, hi)
                        .is_some_and(|r| r.start == close + 1) =>
                {
                    i = close + 1;
                }
                _ => return found,
            }
        }
    }

    fn slice(&self, r: &Range<usize>) -> &'a str {
        let toks = &self.seg.tokens;
        Span::new(toks[r.start].span.start, toks[r.end - 1].span.end).slice(self.text)
    }

    fn span_of(&self, r: &Range<usize>) -> Span {
        let toks = &self.seg.tokens;
        Span::new(toks[r.start].span.start, toks[r.end - 1].span.end)
    }

    /// Any grammar phrase of `kind` inside the token range.
    fn has_phrase(&self, r: Range<usize>, kind: Kind) -> bool {
        r.clone()
            .filter(|&i| self.is_word(i))
            .any(|k| self.phrase_from(k, r.end, true, kind.bit()).is_some())
    }

    /// [`Reader::has_phrase`] of each of the `kinds`, in one pass over the
    /// range: a walk of the trie from each word for all the kinds not yet
    /// found (the kind of a titled name asked three passes, of one kind each).
    fn has_phrases<const N: usize>(&self, r: Range<usize>, kinds: [Kind; N]) -> [bool; N] {
        let mut masks = kinds.map(Kind::bit);
        let mut found = [false; N];
        for k in r.clone().filter(|&i| self.is_word(i)) {
            let hits = self.phrases_from(k, r.end, true, masks);
            for ((f, m), h) in found.iter_mut().zip(&mut masks).zip(hits) {
                if h.is_some() {
                    *f = true;
                    *m = 0;
                }
            }
            if masks.iter().all(|&m| m == 0) {
                break;
            }
        }
        found
    }

    /// The phrase `r` as written, read from its words before `end`.
    fn analyse_words(
        &self,
        r: Range<usize>,
        end: usize,
        anonymous_clause: bool,
    ) -> Option<SourcePhrase> {
        self.analyse(r.start..end, anonymous_clause)
            .map(|p| SourcePhrase {
                span: self.span_of(&r),
                tokens: r,
                phrase: p.phrase,
                lenient: p.lenient,
            })
    }

    /// What a noun phrase says about its speaker; `None` if it cannot speak.
    fn analyse(&self, r: Range<usize>, anonymous_clause: bool) -> Option<SourcePhrase> {
        // A trailing parenthetical ("(D-Wis.)") is part of the phrase as
        // written but not of the name.
        if r.end > r.start + 1 && self.punct(r.end - 1, ")") {
            if let Some(open) = (r.start + 1..r.end - 1).rev().find(|&j| self.punct(j, "(")) {
                return self.analyse_words(r, open, anonymous_clause);
            }
        }
        // "James B. Comey Jr., the director": a suffix's full stop ends the
        // phrase as written; the words before it are what is read. (Not an
        // initial's: "N.Y." is a place, and no speaker.)
        if r.end > r.start + 2 && self.abbreviation_stop(r.end - 1) && self.raw(r.end - 2).len() > 1
        {
            return self.analyse_words(r.clone(), r.end - 1, anonymous_clause);
        }
        // "There have been telling responses": an expletive names no one.
        if r.len() == 1 && self.w(r.start) == "there" {
            return None;
        }
        let span = self.span_of(&r);
        let make = |phrase| {
            Some(SourcePhrase {
                span,
                tokens: r.clone(),
                phrase,
                lenient: false,
            })
        };
        // Only the first two words are asked for: no list of them is made.
        let mut words = r.clone().filter(|&i| self.is_word(i));
        let first = words.next()?;
        let second = words.next();
        let one_word = second.is_none();
        if one_word && self.is(first, Kind::Pronoun) {
            let tag = self
                .entries(first)
                .iter()
                .find(|e| e.kind == Kind::Pronoun)
                .map(|e| e.tag)?;
            return make(Phrase::Pronoun(tag));
        }
        if let Some(tag) = one_word.then(|| self.pronoun_has(first)).flatten() {
            return make(Phrase::Pronoun(tag));
        }
        // Borrowed: each phrase below copies what it keeps.
        let whole = self.slice(&r);
        if anonymous_clause {
            return make(Phrase::Anonymous(strip_article(whole)));
        }
        // "most said", "Another said": a quantifier standing alone for a crowd.
        if one_word
            && self.is_det(first)
            && !self.is_number(first)
            && (self.is(first, Kind::Vague)
                || matches!(self.w(first), "another" | "one" | "others"))
        {
            return make(Phrase::Vague(whole.trim().to_string()));
        }
        // Head part: before the first inner preposition ("spokeswoman | for the ministry").
        let det = self.is_det(first) && !self.capitalised(first)
            || (self.is_det(first)
                && self.initial(first)
                && self.tag(first, Kind::Function, "determiner"));
        let core_start = if det { second? } else { first };
        // "by" is a function word (a preposition), like the inner ones.
        let pp = (core_start..r.end).find(|&i| {
            self.is(i, Kind::Function) && (self.inner_prep_word(i) || self.w(i) == "by")
        });
        let head_end = pp.unwrap_or(r.end);
        // The head part's words are asked about by their first and last and
        // the run between, each found in place: a list of them was an
        // allocation for every phrase analysed.
        let first_head = (core_start..head_end).find(|&i| self.is_word(i))?;
        // "a survey by the Residents' Association": the author is the source.
        if let Some(p) = pp.filter(|&p| self.w(p) == "by" && self.is(head_end - 1, Kind::Document))
        {
            if let Some(owner) = self.np_right(p + 1, r.end) {
                return self.analyse(owner, false);
            }
        }
        // Possessive: "the Ministry of Foreign Affairs’ conclusions", "Putin’s wish".
        if let Some(p) = (core_start..head_end).find(|&i| {
            i + 1 < head_end && ((self.is_word(i) && self.owner_s(i)) || self.is_possessive_mark(i))
        }) {
            let owner_end = if self.is_word(p) { p + 1 } else { p };
            let owned_head = head_end - 1;
            if self.is(owned_head, Kind::Document) || self.is(owned_head, Kind::Verb) {
                let owner_start = if det { core_start } else { r.start };
                return self.analyse(owner_start..owner_end, false);
            }
        }
        // A possessor owning a whole phrase ("Putin's wish") is the speaker.
        let last_head = (core_start..head_end)
            .rev()
            .find(|&i| self.is_word(i))
            .expect("the head part has a word");
        let is_head_class = |i: usize| {
            self.is(i, Kind::Title)
                || self.is(i, Kind::Org)
                || self.is(i, Kind::Media)
                || self.is(i, Kind::Person)
                || self.is(i, Kind::Collective)
                || self.is(i, Kind::Document)
                || self.is(i, Kind::Anonymous)
        };
        // Proper name: the run of name words at the end of the head part.
        let mut run_start = head_end;
        let mut k = head_end;
        while k > core_start {
            let i = k - 1;
            let ok = if self.is_word(i) {
                self.name_word(i)
                    || (run_start < head_end
                        && matches!(
                            self.w(i),
                            "of" | "de" | "van" | "von" | "al" | "bin" | "la" | "du" | "del" | "da"
                        ))
                    // "BBC Radio 5 Live", "Channel 4 News"
                    || (run_start == i + 1
                        && i > core_start
                        && self.is_number(i)
                        && self.name_word(i - 1))
            } else {
                // "Richard J. Durbin": an initial's stop stays in the name.
                (self.is_possessive_mark(i) || self.abbreviation_stop(i)) && run_start < head_end
            };
            if !ok {
                break;
            }
            if self.is_word(i) {
                run_start = i;
            }
            k -= 1;
        }
        // Titles at the front of the run are role, not name ("Prime Minister Viktor Lenz").
        while run_start < head_end {
            let ws = (run_start..head_end).filter(|&i| self.is_word(i)).count();
            let first_word = (run_start..head_end).find(|&i| self.is_word(i));
            let title =
                first_word.and_then(|f| self.phrase_from(f, head_end, true, Kind::Title.bit()));
            match title {
                Some((n, _)) if n < ws => {
                    let mut seen = 0;
                    let mut i = run_start;
                    while seen < n {
                        if self.is_word(i) {
                            seen += 1;
                        }
                        i += 1;
                    }
                    run_start = i;
                }
                _ => break,
            }
        }
        run_start = self.after_inner_title(run_start, head_end);
        while run_start < head_end && !self.is_word(run_start) {
            run_start += 1;
        }
        let has_name = run_start < head_end && (run_start..head_end).any(|i| self.name_word(i));
        if has_name {
            let name = clean_name(
                Span::new(
                    self.seg.tokens[run_start].span.start,
                    self.seg.tokens[head_end - 1].span.end,
                )
                .slice(self.text),
            );
            let role = (run_start > core_start)
                .then(|| {
                    Span::new(
                        self.seg.tokens[core_start].span.start,
                        self.seg.tokens[run_start - 1].span.end,
                    )
                    .slice(self.text)
                    .trim()
                    .to_string()
                })
                .filter(|s| !s.is_empty());
            // A name that ends in a role noun describes a group: "Pyongyang media".
            let name_range = run_start..head_end;
            if self.has_phrase(name_range.clone(), Kind::Collective)
                && !self.has_phrase(name_range.clone(), Kind::Media)
            {
                return make(Phrase::Collective(strip_article(whole)));
            }
            let kind = self.kind_of(
                role.as_deref().map(|_| core_start..run_start),
                name_range,
                &name,
            );
            return make(Phrase::Named { name, role, kind });
        }
        // No proper name at the end of the head. An anonymous or vague phrase?
        if self.has_phrase(r.clone(), Kind::Anonymous) {
            return make(Phrase::Anonymous(strip_article(whole)));
        }
        if self.has_phrase(core_start..head_end, Kind::Collective) && !self.name_word(first_head) {
            return make(Phrase::Collective(strip_article(whole)));
        }
        if (core_start..head_end).any(|i| self.is_word(i) && self.name_word(i))
            && self.is(last_head, Kind::Collective)
        {
            return make(Phrase::Collective(strip_article(whole)));
        }
        let vague_det = det && self.is(first, Kind::Vague);
        // The whole phrase is a vague one: "those surveyed", "a majority".
        let words = r.clone().filter(|&i| self.is_word(i)).count();
        let whole_vague = self
            .phrase_from(r.start, r.end, true, Kind::Vague.bit())
            .is_some_and(|(n, _)| n == words);
        if vague_det
            || whole_vague
            || (!det && self.is(last_head, Kind::Vague) && !self.is(last_head, Kind::Title))
        {
            return make(Phrase::Vague(whole.trim().to_string()));
        }
        if !is_head_class(last_head) {
            // Possessor as speaker: "Vladimir Putin's wish".
            return None;
        }
        // A capitalised modifier before the head: "the KCNA agency", "a Velto spokesman", "Gur chief".
        // (The words of the head part before its last.)
        let modifier_words = || (core_start..last_head).filter(|&i| self.is_word(i));
        let modifiers: Vec<String> = modifier_words().map(|i| self.w(i).to_string()).collect();
        let cap_mod = |i: &usize| self.name_word(*i);
        let head = self.w(last_head).to_string();
        if let Some(m0) = modifier_words().find(cap_mod) {
            let m1 = modifier_words().rev().find(cap_mod).expect("m0 is one");
            let modifier = clean_name(
                Span::new(self.seg.tokens[m0].span.start, self.seg.tokens[m1].span.end)
                    .slice(self.text),
            );
            if self.tag(last_head, Kind::Title, "speaker") {
                return make(Phrase::Named {
                    name: modifier,
                    role: Some(self.raw(last_head).to_string()),
                    kind: SourceKind::Organisation,
                });
            }
            if self.is(last_head, Kind::Org) || self.is(last_head, Kind::Media) {
                let acronym = modifier
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
                    && modifier.len() >= 2;
                let kind = if self.is(last_head, Kind::Media) {
                    SourceKind::Media
                } else {
                    SourceKind::Organisation
                };
                let name = if acronym {
                    modifier
                } else {
                    strip_article(whole)
                };
                return make(Phrase::Named {
                    name,
                    role: None,
                    kind,
                });
            }
        }
        let kind = if self.is(last_head, Kind::Title) {
            SourceKind::Person
        } else if self.is(last_head, Kind::Media) {
            SourceKind::Media
        } else if self.is(last_head, Kind::Org) {
            SourceKind::Organisation
        } else if self.is(last_head, Kind::Document) {
            SourceKind::Document
        } else {
            // A common noun for people: identifiable only with a definite determiner.
            let definite = det
                && matches!(
                    self.w(first),
                    "the" | "its" | "his" | "her" | "their" | "this"
                );
            if !definite {
                return make(Phrase::Anonymous(strip_article(whole)));
            }
            SourceKind::Person
        };
        if let Some(pp) = pp.filter(|_| self.tag(last_head, Kind::Title, "speaker")) {
            // "a spokeswoman for the ministry": the organisation on record.
            let org = self
                .np_right(pp + 1, r.end)
                .map(|o| self.slice(&o).to_string());
            if let Some(org) = org {
                return make(Phrase::Descriptor {
                    head: org.split_whitespace().last().unwrap_or("").to_lowercase(),
                    modifiers: vec![],
                    text: strip_article(&org),
                    kind: SourceKind::Organisation,
                    definite: true,
                });
            }
        }
        let definite = det && !matches!(self.w(first), "a" | "an" | "one" | "another");
        make(Phrase::Descriptor {
            head,
            modifiers,
            text: strip_article(whole),
            kind,
            definite: definite || !det,
        })
    }

    /// "minutes", "hours", "days", "weeks", "months" or "years" at `i`.
    fn time_units(&self, i: usize) -> bool {
        matches!(
            self.w(i),
            "minutes" | "hours" | "days" | "weeks" | "months" | "years"
        )
    }

    /// Whether tokens `from..to` are a span of time ("One month", "Two
    /// days", "Hours"), as before "after" or "before".
    fn time_span(&self, from: usize, to: usize) -> bool {
        let unit = to.checked_sub(1).filter(|&u| u >= from && to - from <= 3);
        unit.is_some_and(|u| {
            self.is_word(u)
                && (self.is(u, Kind::Time) || self.time_units(u))
                && (from..u).all(|t| {
                    self.is_word(t)
                        && (self.number_word(t)
                            || self.is_number(t)
                            || matches!(self.w(t), "a" | "few" | "several" | "just" | "only"))
                })
                && (from..to).all(|t| !self.quoted(t))
        })
    }

    /// The start of a time phrase ending right before token `k`: "this
    /// month", "in 2010", "on Monday", "last week".
    fn time_phrase_before(&self, k: usize) -> Option<usize> {
        let t = k.checked_sub(1).filter(|&t| t >= self.lo)?;
        let year = self.is_number(t) && self.raw(t).len() == 4;
        if !(self.is(t, Kind::Time) || year) || self.quoted(t) {
            return None;
        }
        let mut start = t;
        while start > self.lo
            && self.is_word(start - 1)
            && matches!(
                self.w(start - 1),
                "this"
                    | "last"
                    | "next"
                    | "earlier"
                    | "later"
                    | "on"
                    | "in"
                    | "early"
                    | "late"
                    | "that"
            )
        {
            start -= 1;
        }
        // A bare capitalised time word ("Monday") needs its preposition;
        // "this month" and "in 2010" stand alone.
        (start < t || year || self.is(t, Kind::Time) && !self.capitalised(t)).then_some(start)
    }

    /// The first token of an adverb phrase of several words (the grammar's
    /// `function adverb` entries: "at one point", "in turn") ending right
    /// before token `k`.
    fn adverb_phrase_before(&self, k: usize) -> Option<usize> {
        // Before every verb: most have no word before them ending a phrase.
        if k < self.lo + 2 || !self.is_word(k - 1) {
            return None;
        }
        self.function_phrase_before(k, "adverb")
    }

    /// The first token of a `function` phrase with `tag`, of two to four
    /// words, ending right before token `k`.
    fn function_phrase_before(&self, k: usize, tag: &str) -> Option<usize> {
        // Most words end no such phrase, which the grammar tells of the word
        // before `k` without a walk from each of the three before it.
        let ends_one = self
            .norms
            .id(k - 1)
            .is_some_and(|w| self.g.kinds_ending(w) & Kind::Function.bit() != 0);
        if !ends_one {
            return None;
        }
        (k.saturating_sub(4).max(self.lo)..k - 1)
            .find(|&t| !self.quoted(t) && self.function_phrase(t, k, tag))
    }

    /// Whether tokens `t..k` are one `function` phrase with `tag`.
    fn function_phrase(&self, t: usize, k: usize, tag: &str) -> bool {
        self.phrase_from(t, k, false, Kind::Function.bit())
            .is_some_and(|(n, e)| {
                t + n == k && e.iter().any(|x| x.kind == Kind::Function && x.tag == tag)
            })
    }

    /// The start of a catenative phrase ending right before `k` ("tried
    /// to", "were quick to", "tend to"), which hands its subject on to the
    /// verb after it.
    fn catenative_before(&self, k: usize) -> Option<usize> {
        // "to" is a function word (a preposition): one bit test passes
        // most words before its normal form is compared.
        if k < self.lo + 2 || !self.is(k - 1, Kind::Function) || self.w(k - 1) != "to" {
            return None;
        }
        self.function_phrase_before(k, "catenative")
    }

    /// A noun phrase the grammar does not know, as the subject of a pure
    /// speech verb: a description if definite, else an unnamed source.
    fn lenient(&self, r: Range<usize>) -> Option<SourcePhrase> {
        let words: Vec<usize> = r.clone().filter(|&i| self.is_word(i)).collect();
        let first = *words.first()?;
        let last = *words.last()?;
        if self.is(last, Kind::Function)
            || (words.len() == 1 && (self.is_number(last) || self.w(last) == "there"))
        {
            return None;
        }
        // A bare singular common noun is not a subject ("after two-year
        // dispute"); a plural ("Lawmakers said") or a name can be.
        if words.len() == 1
            && !self.capitalised(first)
            && !self.w(first).ends_with('s')
            && !self.is(first, Kind::Vague)
        {
            return None;
        }
        // "Rumours say …" is hearsay, not a crowd of speakers.
        if words
            .iter()
            .any(|&i| self.is(i, Kind::Hearsay) || self.is(i, Kind::Weasel))
        {
            return None;
        }
        let text = strip_article(self.slice(&r));
        let det = self.is_det(first);
        let definite =
            det && !matches!(
                self.w(first),
                "a" | "an" | "one" | "another" | "some" | "many" | "several"
            ) && !self.is_number(first);
        let phrase = if definite || (!det && !self.w(last).ends_with('s')) {
            Phrase::Descriptor {
                head: self.w(last).to_string(),
                modifiers: words[..words.len() - 1]
                    .iter()
                    .map(|&i| self.w(i).to_string())
                    .collect(),
                text,
                kind: SourceKind::Person,
                definite: true,
            }
        } else if !det || self.is(first, Kind::Vague) {
            Phrase::Vague(self.slice(&r).trim().to_string())
        } else {
            Phrase::Anonymous(text)
        };
        Some(SourcePhrase {
            span: self.span_of(&r),
            tokens: r,
            phrase,
            lenient: true,
        })
    }

    /// The word at `i`, if `i` is a word of this sentence.
    fn word_at(&self, i: usize) -> Option<&str> {
        (i >= self.lo && i < self.hi && self.is_word(i)).then(|| self.w(i))
    }

    /// A numeral or number word: "10", "three".
    fn numeral(&self, i: usize) -> bool {
        self.is_number(i) || self.tag(i, Kind::Function, "quantifier") && self.w(i) != "most"
    }

    /// The start of a ratio ending at token `e`: "two in three", "about 4 in
    /// 10", "nearly nine out of 10", "all but two".
    fn ratio_start(&self, e: usize) -> Option<usize> {
        if !self.numeral(e) || e < self.lo + 2 || self.quoted(e) {
            return None;
        }
        let word = |i| self.word_at(i);
        let s = match (word(e - 1), word(e - 2)) {
            (Some("in"), _) => e - 2,
            (Some("but"), Some("all")) => return Some(e - 2),
            (Some("of"), Some("out")) if e >= self.lo + 3 => e - 3,
            _ => return None,
        };
        if !self.numeral(s) {
            return None;
        }
        Some(self.approximation_start(s))
    }

    /// Widens a quantity starting at `s` over "about", "nearly", "more than".
    fn approximation_start(&self, s: usize) -> usize {
        let word = |i| self.word_at(i);
        if s >= self.lo + 2
            && word(s - 1) == Some("than")
            && matches!(word(s - 2), Some("more" | "fewer" | "less"))
        {
            s - 2
        } else if s > self.lo
            && matches!(
                word(s - 1),
                Some(
                    "about"
                        | "nearly"
                        | "almost"
                        | "roughly"
                        | "around"
                        | "only"
                        | "just"
                        | "over"
                        | "some"
                )
            )
        {
            s - 1
        } else {
            s
        }
    }

    /// A share of a crowd ending at token `e`: "42%", "about 4 in 10", "all
    /// but two". As a subject it is as vague as the crowd.
    fn share_np(&self, e: usize) -> Option<Range<usize>> {
        if e > self.lo && self.punct(e, "%") && self.is_number(e - 1) && !self.quoted(e) {
            return Some(self.approximation_start(e - 1)..e + 1);
        }
        self.share_start(e).map(|s| s..e + 1)
    }

    /// Where a share of a crowd ending at `e` starts: a ratio ("4 in 10")
    /// or a fraction ("about three-quarters", "a majority", "half").
    fn share_start(&self, e: usize) -> Option<usize> {
        // A share ends in a numeral (a number or a quantifier, a function
        // word), "percent", "cent" or a share word below (each ending in
        // one of these letters): most words are none, which their kinds
        // and last byte tell.
        if !(self.is_number(e) || self.is(e, Kind::Function) || self.may_end_in(e, b"fdsryt")) {
            return None;
        }
        if let Some(s) = self.ratio_start(e) {
            return Some(s);
        }
        // "27 percent", "Thirty-seven per cent"
        let n = match self.word_at(e) {
            Some("percent") => 1,
            Some("cent") if self.word_at(e.wrapping_sub(1)) == Some("per") => 2,
            _ => 0,
        };
        if n > 0
            && e >= self.lo + n
            && (self.is_number(e - n) || self.number_word(e - n))
            && !self.quoted(e)
        {
            return Some(self.approximation_start(e - n));
        }
        if !self.is_word(e) || self.quoted(e) {
            return None;
        }
        let w = self.w(e);
        // Every share word below ends in one of these letters, which most
        // words do not: they are passed before the split at hyphens.
        if !matches!(w.as_bytes().last(), Some(b'f' | b'd' | b's' | b'r' | b'y')) {
            return None;
        }
        let last = w.rsplit(['-', '‐']).next().unwrap_or(w);
        if !matches!(
            last,
            "half"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "majority"
                | "plurality"
                | "minority"
        ) {
            return None;
        }
        let s = match self.word_at(e.wrapping_sub(1)) {
            Some("a" | "one" | "the" | "two" | "three") => e - 1,
            _ => e,
        };
        Some(self.approximation_start(s))
    }

    fn vague_share(&self, np: Range<usize>) -> SourcePhrase {
        SourcePhrase {
            span: self.span_of(&np),
            phrase: Phrase::Vague(self.slice(&np).trim().to_string()),
            tokens: np,
            lenient: true,
        }
    }

    /// "Seventy-four percent of Democratic voters": the speakers are the
    /// voters; returns the part that names them.
    fn partitive_start(&self, r: Range<usize>) -> Range<usize> {
        // "of" is a function word (a preposition of the built-in grammar):
        // the bit test passes most words without their normal form.
        let of = (r.start..r.end).find(|&i| self.is(i, Kind::Function) && self.w(i) == "of");
        match of {
            Some(o)
                if o > r.start
                    && o + 1 < r.end
                    && matches!(
                        self.w(o - 1),
                        "percent"
                            | "%"
                            | "majority"
                            | "half"
                            | "third"
                            | "thirds"
                            | "quarter"
                            | "most"
                            | "many"
                            | "some"
                            | "all"
                            | "none"
                            | "share"
                            | "plurality"
                            | "number"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                            | "millions"
                            | "several"
                            | "each"
                    ) =>
            {
                o + 1..r.end
            }
            _ => r,
        }
    }

    fn kind_of(
        &self,
        role: Option<Range<usize>>,
        name: Range<usize>,
        name_text: &str,
    ) -> SourceKind {
        if let Some(role) = role.clone() {
            let [media, org, title] = self.has_phrases(role, [Kind::Media, Kind::Org, Kind::Title]);
            if media {
                return SourceKind::Media;
            }
            if org && !title {
                return SourceKind::Organisation;
            }
            if title {
                return SourceKind::Person;
            }
        }
        let mut words = name.clone().filter(|&i| self.is_word(i));
        let (n_words, first, last) = match words.next() {
            Some(f) => (
                1 + words.clone().count(),
                Some(f),
                words.next_back().or(Some(f)),
            ),
            None => (0, None, None),
        };
        // Both kinds in one walk of the trie.
        let [media, country] = first.map_or([None, None], |f| {
            self.phrases_from(f, name.end, true, [Kind::Media.bit(), Kind::Country.bit()])
        });
        let whole = |p: Option<(usize, &[Entry])>| p.is_some_and(|(n, _)| n == n_words);
        // "BBC Radio 5 Live", "Fox News Sunday": a programme or channel
        // named after its broadcaster is media too.
        let opens_with_media = media.is_some() && n_words > 1;
        if whole(media) || last.is_some_and(|l| self.is(l, Kind::Media)) || opens_with_media {
            return SourceKind::Media;
        }
        if whole(country) {
            return SourceKind::Country;
        }
        if name
            .clone()
            .any(|i| self.is_word(i) && self.tag(i, Kind::Org, "name"))
        {
            return SourceKind::Organisation;
        }
        // Looked at only for a name of two words or more.
        let acronym = || {
            name_text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase())
        };
        if n_words >= 2 && !acronym() {
            SourceKind::Person
        } else {
            SourceKind::Organisation
        }
    }

    /// Every run of capitalised words that looks like a name, with leading
    /// titles split off as its role ("Dictator Kim Jong Un’s" → Kim Jong Un, dictator).
    pub fn name_mentions(&self) -> Vec<Mention<'a>> {
        let mut out = Vec::new();
        self.name_mentions_into(&mut out);
        out
    }

    /// [`Reader::name_mentions`] into `out`, cleared first: a caller reading
    /// sentence after sentence keeps one list, where a list of its own was
    /// allocated and grown for most sentences.
    pub fn name_mentions_into(&self, out: &mut Vec<Mention<'a>>) {
        out.clear();
        let mut i = self.lo;
        while i < self.hi {
            // Both ways to start need a capital, the cheap test that most
            // words fail, so it comes first: the next capital is found from
            // the bit sets of TokenWords, past the words without one.
            i = self.norms.next_upper(i, self.hi);
            if i >= self.hi {
                break;
            }
            // Whether the first word is a name word is kept: it is asked
            // again below when no role is split off.
            let capital = self.capitalised(i);
            let start_is_name = capital && self.name_word(i);
            let starts = capital && (start_is_name || self.is(i, Kind::Title));
            if !starts {
                i += 1;
                continue;
            }
            let start = i;
            let mut last = i;
            let mut j = i + 1;
            while j < self.hi {
                if self.is_word(j)
                    && self.capitalised(j)
                    && !self.is(j, Kind::Time)
                    && !self.is(j, Kind::Function)
                {
                    last = j;
                    j += 1;
                } else if j + 1 < self.hi
                    // The capital after first: a bit test that fails most
                    // tokens that end a name, before the string compares.
                    && self.capitalised(j + 1)
                    && ((self.is_word(j)
                        && matches!(
                            self.w(j),
                            "of" | "de" | "van" | "von" | "al" | "bin" | "la" | "du" | "del" | "da"
                        ))
                        || (self.is_possessive_mark(j) && !self.seg.tokens[j].space_before)
                        || self.abbreviation_stop(j))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            i = last + 1;
            // (Counted over a half-open range: an inclusive one costs a
            // test more a token.)
            let words_in = |r: Range<usize>| r.filter(|&k| self.is_word(k)).count();
            let mut name_start = start;
            let mut role = None;
            // The words are counted only for a title, which few names open.
            if let Some((n, _)) = self
                .phrase_from(start, last + 1, true, Kind::Title.bit())
                .filter(|&(n, _)| n < words_in(start..last + 1))
            {
                let mut seen = 0;
                let mut k = start;
                while seen < n {
                    if self.is_word(k) {
                        seen += 1;
                    }
                    k += 1;
                }
                role = Some(
                    Span::new(
                        self.seg.tokens[start].span.start,
                        self.seg.tokens[k - 1].span.end,
                    )
                    .slice(self.text),
                );
                name_start = k;
            }
            let inner = self.after_inner_title(name_start, last + 1);
            if inner > name_start {
                let role_span = Span::new(
                    self.seg.tokens[start].span.start,
                    self.seg.tokens[inner - 1].span.end,
                );
                role = Some(role_span.slice(self.text));
                name_start = inner;
            }
            while name_start <= last
                && !(if name_start == start {
                    start_is_name
                } else {
                    self.name_word(name_start)
                })
                && !(name_start > start && self.capitalised(name_start))
            {
                name_start += 1;
            }
            if name_start > last {
                continue;
            }
            let name = clean_name_str(
                Span::new(
                    self.seg.tokens[name_start].span.start,
                    self.seg.tokens[last].span.end,
                )
                .slice(self.text),
            );
            if name.is_empty() {
                continue;
            }
            let n_words = words_in(name_start..last + 1);
            let before_org = name_start > self.lo
                && !self.capitalised(name_start - 1)
                && (self.is(name_start - 1, Kind::Org) || self.is(name_start - 1, Kind::Media));
            let role_range = role.as_ref().map(|_| start..name_start);
            let mut kind = self.kind_of(role_range, name_start..last + 1, name);
            // "Quillon, the Helsinki-based maker of accounting software": an
            // apposition with an organisation noun settles the kind. (Looked
            // for last: most names are sure for one of the other reasons.)
            let org_apposition = || {
                last + 2 < self.hi
                    && self.punct(last + 1, ",")
                    && (last + 2..(last + 10).min(self.hi))
                        .take_while(|&t| !self.punct(t, ",") && !self.quoted(t))
                        .any(|t| {
                            !self.capitalised(t)
                                && (self.is(t, Kind::Org) || self.is(t, Kind::Media))
                        })
            };
            let mut sure = role.is_some()
                || kind != SourceKind::Organisation
                || before_org
                || n_words > 1
                || org_apposition();
            if before_org && kind == SourceKind::Person {
                kind = if self.is(name_start - 1, Kind::Media) {
                    SourceKind::Media
                } else {
                    SourceKind::Organisation
                };
            }
            if kind == SourceKind::Person && n_words > 1 && role.is_none() {
                sure = true;
            }
            out.push(Mention {
                tokens: name_start..last + 1,
                name,
                role,
                kind,
                sure,
                // "Making evaluations …" opens with a capital; "Quillon, the
                // Helsinki-based maker" names.
                weak: n_words == 1
                    && self.initial(name_start)
                    && !(last + 1 < self.hi
                        && (self.punct(last + 1, ",") || self.punct(last + 1, "("))),
            });
        }
    }

    // ---- cues -------------------------------------------------------------

    fn cue_at(&self, i: usize) -> Option<(usize, &'a [Entry])> {
        self.cue_or_skip(i, false).ok()
    }

    /// The cue starting at token `i`, or else where scanning for cues
    /// should resume (with `want_skip`; otherwise just past `i`): past a
    /// not-a-cue or anonymous phrase starting there. Both come from one
    /// walk of the trie, since the scan needs both at every word.
    ///
    /// Always inlined: the scan asks this of every word, and most start no
    /// phrase of either kind, which the first test tells at once; the walk
    /// is [`Reader::cue_walk`].
    #[inline(always)]
    fn cue_or_skip(&self, i: usize, want_skip: bool) -> Result<(usize, &'a [Entry]), usize> {
        // Most words start no phrase of either kind: the walk below would
        // find none, and the checks before it need not be made.
        // The kinds below the word first: they fail most words, and are
        // all the scan of `read` needs (it has asked the other two
        // already); the node only for a word that passes.
        if self.kinds_below(i) & (Kind::CUES | CUE_NOT) == 0 || !self.is_word(i) || self.quoted(i) {
            return Err(i + 1);
        }
        self.cue_from(self.norms.node(i), i, want_skip)
    }

    /// [`Reader::cue_or_skip`] at an unquoted word whose node `node` starts
    /// some phrase of either kind (what the scan of `read` knows already).
    #[inline(always)]
    fn cue_from(
        &self,
        node: NodeId,
        i: usize,
        want_skip: bool,
    ) -> Result<(usize, &'a [Entry]), usize> {
        if !self.phrase_may_go_on(node, i, Kind::CUES | CUE_NOT) {
            return Err(i + 1);
        }
        self.cue_walk(i, want_skip)
    }

    /// Whether a phrase of the `kinds` can be found from token `i`, whose
    /// node is `node` (the first node of the walk): the word is one such
    /// phrase, or the next token takes the walk on. Words as common as
    /// "the", "a", "to" and "in" start some cue, but mostly before a word
    /// that starts none with them: this one step of the trie tells so,
    /// without the walk (where the scan of `read` spent most of its walks).
    #[inline(always)]
    fn phrase_may_go_on(&self, node: NodeId, i: usize, kinds: u32) -> bool {
        let goes_on = |k: usize| self.goes_on(node, k, kinds);
        self.g.kinds(node) & kinds != 0
            || goes_on(i + 1)
            // "spoke briefly about", "has repeatedly said": the walk skips
            // an -ly adverb after a verb or an auxiliary. (Not after "the",
            // "in", "to": they start many phrases, none of them so.)
            // (The adverb first: it is told by its last byte, where the
            // auxiliary is a comparison of the word's normal form.)
            || (i + 2 < self.hi
                && self.is_word(i + 1)
                && self.ly_adverb(i + 1)
                && (!self.is(i, Kind::Function)
                    || matches!(self.w(i), "has" | "have" | "had" | "is" | "was" | "are" | "were"))
                && goes_on(i + 2))
    }

    /// Whether token `k` takes a walk at `node` on towards a phrase of the
    /// `kinds`. Always inlined: the scan of `read` asks it of most words
    /// that start a cue, and a call cost about as much as the lookup.
    #[inline(always)]
    fn goes_on(&self, node: NodeId, k: usize, kinds: u32) -> bool {
        k < self.hi
            && self
                .norms
                .id(k)
                .and_then(|w| self.g.step(node, w))
                .is_some_and(|next| self.g.kinds_below(next) & kinds != 0)
    }

    /// [`Reader::cue_or_skip`] at a word that starts some phrase of either kind.
    #[inline(never)]
    fn cue_walk(&self, i: usize, want_skip: bool) -> Result<(usize, &'a [Entry]), usize> {
        let end = (i + 8).min(self.hi);
        // "the United States", "Secretary of State": capitalised inside a
        // sentence, a cue word is part of a name.
        let in_name =
            self.capitalised(i) && !self.initial(i) && !self.title_case() && !self.line_initial(i);
        let [cue, not] = match (in_name, want_skip) {
            (false, _) => self.phrases_from(i, end, false, [Kind::CUES, CUE_NOT]),
            (true, true) => [None, self.phrase_from(i, end, false, CUE_NOT)],
            (true, false) => [None, None],
        };
        let skip = match not {
            Some((m, _)) if m > 1 => i + m,
            _ => i + 1,
        };
        match (cue, not) {
            // A longer phrase that is not a cue wins: "added to the
            // confusion", "who asked not to be named".
            (Some((n, _)), Some((m, _))) if m > n => Err(skip),
            (Some(cue), _) => Ok(cue),
            (None, _) => Err(skip),
        }
    }

    /// The first token from `i` (else `self.hi`) at which the scan of
    /// [`Reader::read_into`] may find something, and whether it opens one
    /// of the phrases read from its normal form: an unquoted word that
    /// opens, or that starts a noun, cue or not-a-cue phrase. At any other
    /// token every rule of the scan passes on to the next.
    // Always inlined, with the tables it reads held in locals: the scan's
    // calls and pushes may (as far as the compiler knows) change them, and
    // read through `self`, they were reloaded at every token.
    #[inline(always)]
    fn next_scan_start(&self, mut i: usize) -> (usize, bool) {
        let hi = self.hi;
        let tokens = &self.seg.tokens[..hi];
        let quotes = &self.seg.token_quote[..hi];
        let text = self.text.as_bytes();
        let word_kinds = self.norms.word_kinds_of(0..hi);
        let below = self.norms.kinds_below_table();
        let starts = Kind::Noun.bit() | Kind::CUES | CUE_NOT;
        let function = Kind::Function.bit();
        while i < hi {
            let t = &tokens[i];
            if !matches!(t.kind, TokenKind::Word) || quotes[i].is_some() {
                i += 1;
                continue;
            }
            // The openings start from the word's normal form, and only at
            // "in", "her", "their" or a word in "s": a normal form ends in
            // the text's last byte, lowercased, when that is ASCII, so most
            // words are passed over without their normal form.
            // Of the words in "n" and "r", only "in", "her" and "their" open,
            // all function words (a preposition, determiners), which one bit
            // test tells of the many that are none. Of those in "s", only
            // "his", an owner in "'s" or one before a possessive mark.
            let span = t.span;
            let last = text[span.end - 1];
            let opens = match last | 0x20 {
                b's' => {
                    word_kinds[i] & function != 0
                        || self.apostrophe_before_last(i)
                        || (i + 1 < hi && self.is_possessive_mark(i + 1))
                }
                b'n' | b'r' => word_kinds[i] & function != 0,
                _ => !last.is_ascii(),
            };
            if opens || below.get(i) & starts != 0 {
                return (i, opens);
            }
            i += 1;
        }
        (hi, false)
    }

    /// Reads the sentence.
    pub fn read(&self) -> Reading {
        let mut attributions = Vec::new();
        self.read_into(&mut attributions);
        Reading { attributions }
    }

    /// [`Reader::read`] into `out`, cleared first: a caller reading
    /// sentence after sentence keeps one list, where a list of its own was
    /// allocated (room for four attributions of some 600 bytes) for every
    /// sentence with one.
    pub fn read_into(&self, out: &mut Vec<Attribution>) {
        out.clear();
        if let Some(a) = self.colon_attribution() {
            out.push(a);
        }
        if let Some(a) = self.dash_credit() {
            out.push(a);
        }
        if let Some(a) = self.asked_opening() {
            out.push(a);
        }
        if let Some(a) = self.perspective_opening() {
            out.push(a);
        }
        let mut venue_prefix: Option<(SourcePhrase, usize)> = None;
        let mut pending_relays: Vec<Range<usize>> = Vec::new();
        let mut i = self.lo;
        loop {
            // Nothing below starts at punctuation or inside a quotation (each
            // checks), and most tokens are one or the other; of the words,
            // most start nothing either (see `next_scan_start`).
            let opens;
            (i, opens) = self.next_scan_start(i);
            if i >= self.hi {
                break;
            }
            let w = if opens { self.w(i) } else { "" };
            if let Some((a, end)) = self.in_document(i, w) {
                out.push(a);
                i = end;
                continue;
            }
            if let Some((a, end)) = self.possessed_noun(i, w) {
                out.push(a);
                i = end;
                continue;
            }
            // What follows starts only at a word that starts a noun cue or
            // some cue or not-a-cue phrase: most words start none, and one
            // test of the word's node passes them over for both rules.
            let below = self.kinds_below(i);
            if below & (Kind::Noun.bit() | Kind::CUES | CUE_NOT) == 0 {
                i += 1;
                continue;
            }
            if below & Kind::Noun.bit() != 0 {
                if let Some((a, end)) = self.object_noun(i) {
                    out.push(a);
                    i = end;
                    continue;
                }
            }
            // The word is unquoted (tested above), and its node is known.
            let cue = if below & (Kind::CUES | CUE_NOT) == 0 {
                Err(i + 1)
            } else {
                self.cue_from(self.norms.node(i), i, true)
            };
            let (n, entries) = match cue {
                Ok(cue) => cue,
                Err(next) => {
                    i = next;
                    continue;
                }
            };
            // "drew support from women": a held-by noun, else whatever cue
            // its first word is ("support").
            let (n, entries) = match entries.iter().find(|e| e.kind == Kind::HeldBy) {
                None => (n, entries),
                Some(e) => {
                    if let Some(a) = self.held_by(i..i + n, e.tag) {
                        out.push(a);
                        i += n;
                        continue;
                    }
                    let other = Kind::CUES & !Kind::HeldBy.bit();
                    match self.phrase_from(i, (i + 8).min(self.hi), false, other) {
                        Some(cue) => cue,
                        None => {
                            i += 1;
                            continue;
                        }
                    }
                }
            };
            let cue = i..i + n;
            let has = |k: Kind| entries.iter().find(|e| e.kind == k);
            if has(Kind::Weasel).is_some() {
                if let Some(a) = self.hedged_verb(&cue, out) {
                    i = a.cue_tokens.end;
                    out.push(a);
                    continue;
                }
                if !self.concession(&cue) {
                    out.push(self.weasel(cue.clone()));
                }
            } else if let Some(e) = has(Kind::According) {
                if let Some(a) = self.according(cue.clone(), e.tag) {
                    i = a.1.max(cue.end);
                    out.push(a.0);
                    continue;
                }
            } else if let Some(_e) = has(Kind::Venue) {
                if let Some(np) = self.np_right(cue.end, self.hi) {
                    if let Some(v) = self.analyse(np.clone(), false) {
                        venue_prefix = Some((v, np.end));
                        i = np.end;
                        continue;
                    }
                }
            } else if let Some(_e) = has(Kind::Relay) {
                // ", citing X" after an attribution: the same speaker citing X.
                // X is where the words came from only if X can be a source
                // ("citing two diplomats"), not a reason ("citing low growth").
                // With no attribution before, the clause's subject cites:
                // "Sanders praised Obama, citing statistics".
                // "He defended the ban by citing a poll" reads the same.
                let follows_clause = cue.start > self.lo
                    && (self.punct(cue.start - 1, ",")
                        || (self.participle_link(cue.start - 1) && cue.len() == 1));
                let prev = out.iter().rposition(|a| a.source.is_some());
                let subject = match prev {
                    Some(p) => out[p].source.clone(),
                    None if follows_clause => {
                        self.clause_subject(self.clause_begin(cue.start - 1), cue.start - 1)
                    }
                    None => None,
                };
                if let (true, Some(source)) = (follows_clause, subject) {
                    let np = self.np_right(cue.end, self.hi);
                    let content = self.content_after(cue.end);
                    let cited = np.clone().and_then(|r| self.analyse(r, false));
                    if let (Some(c), Some(p)) = (
                        cited.filter(|c| !matches!(c.phrase, Phrase::Pronoun(_))),
                        prev,
                    ) {
                        if out[p].origin.is_none() {
                            out[p].origin = Some(Box::new(c));
                        }
                    }
                    let source = Some(source);
                    out.push(self.attribution(
                        AttributionKind::Indirect,
                        "neutral",
                        cue.clone(),
                        source,
                        content,
                    ));
                    i = np.map_or(cue.end, |r| r.end);
                    continue;
                }
                // "Citing two diplomats, Reuters reported", "Salceda, citing
                // data from …, said": whoever speaks next cites. Not "based
                // on", "relying on": what a finding rests on.
                if cue.len() == 1 && self.w(cue.start).ends_with("ing") {
                    pending_relays.push(cue.clone());
                }
            } else if cue.len() == 1 && self.plural_subject(cue.start) {
                // "news reports show": not a verb itself. Unnamed reports
                // that say something are hearsay, the verb with them.
                // "FEC reports", "Trump's reports": a named owner; a known
                // word opening the sentence ("News reports") is none.
                let owned = cue.start > self.lo && {
                    let p = cue.start - 1;
                    let known_opener = self.initial(p) && !self.g.word(self.w(p)).is_empty();
                    (self.capitalised(p) && !known_opener) || self.w(p).ends_with("'s")
                };
                if let Some(h) = has(Kind::Hearsay).filter(|_| !owned) {
                    let cue = cue.start..cue.end + 1;
                    let content = self.content_after(cue.end);
                    out.push(self.sourceless(cue.clone(), h.tag, content, false));
                    i = cue.end;
                    continue;
                }
            } else {
                let verb = has(Kind::VerbObject).or(has(Kind::Verb));
                let hearsay = has(Kind::Hearsay);
                let mut done = false;
                if let Some(v) = verb {
                    if let Some(a) = self.verb(cue.clone(), v.kind, v.tag, out) {
                        out.push(a);
                        done = true;
                    }
                }
                if !done {
                    if let Some(h) = hearsay.filter(|h| self.hearsay_noun_reads_as_hearsay(h, &cue))
                    {
                        let adverb = matches!(
                            h.tag,
                            "reportedly" | "allegedly" | "said-to" | "understood" | "unconfirmed"
                        );
                        // "Bristow said Marquez allegedly plotted it": an
                        // adverb inside what someone said hedges that, not
                        // the sentence that reports it.
                        let at = self.seg.tokens[cue.start].span;
                        let content = if adverb {
                            out.iter()
                                .rev()
                                .find(|a| {
                                    a.cue.end <= at.start
                                        && a.content.is_some_and(|c| c.contains(at))
                                })
                                .and_then(|a| a.content)
                        } else {
                            self.content_after(cue.end)
                        };
                        out.push(self.sourceless(cue.clone(), h.tag, content, false));
                    }
                }
            }
            i = cue.end;
        }
        if let Some((venue, after)) = venue_prefix {
            if let Some(a) = out
                .iter_mut()
                .find(|a| a.cue_tokens.start >= after && a.source.is_some())
            {
                a.venue.get_or_insert_with(|| Box::new(venue));
            }
        }
        self.add_citing(out, &pending_relays);
        // "X defended the route and said …", "X replied before adding …",
        // "X remarked …, noting …": the second verb shares the first one's
        // subject, so the first one's content ends before the second verb.
        for k in 1..out.len() {
            let c = out[k].cue_tokens.start;
            let mut t = c;
            while t > self.lo && self.skippable_before_cue(t - 1) {
                t -= 1;
            }
            let linked = t.checked_sub(1).filter(|&a| {
                a >= self.lo
                    && !self.quoted(a)
                    && (matches!(self.w(a), "and" | "but")
                        || (self.w(c).ends_with("ing")
                            // Not "since": "has decreased since signing" is a time.
                            && ((self.participle_link(a) && self.w(a) != "since")
                                || self.punct(a, ","))))
                    || (self.w(c).ends_with("ing") && self.quoted_comma(a))
            });
            let Some(and) = linked else { continue };
            let and_span = self.seg.tokens[and].span;
            let same = |a: &Attribution, b: &Attribution| match (&a.source, &b.source) {
                (Some(x), Some(y)) => x.tokens == y.tokens,
                _ => false,
            };
            if let Some(j) = (0..k).rev().find(|&j| {
                same(&out[j], &out[k]) && out[j].content.is_some_and(|ct| ct.contains(and_span))
            }) {
                let ct = out[j].content.expect("checked");
                out[j].content = self.cut_before(ct, self.link_start(and));
                // "told ABC that he agrees Trump is … and said": what the
                // first one's content held ends there too.
                for (i, a) in out.iter_mut().enumerate().take(k) {
                    if let Some(inner) = a
                        .content
                        .filter(|c| i != j && ct.contains(a.cue) && c.contains(and_span))
                    {
                        a.content = self.cut_before(inner, and);
                    }
                }
            }
        }
        // "X said …, but Y noted …", "…; Y argued": a clause of its own with
        // its own speaker ends the content before it.
        for k in 1..out.len() {
            let Some(s) = out[k]
                .source
                .as_ref()
                .map(|src| self.token_at(src.span.start))
            else {
                continue;
            };
            if s <= self.lo + 1 || s >= out[k].cue_tokens.start {
                continue;
            }
            // "…; Y argued", "… - only she thinks …": an adverb may come
            // between the boundary and the subject.
            let b = match s - 1 {
                a if a > self.lo
                    && (self.tag(a, Kind::Function, "adverb") || self.ly_adverb(a))
                    && (self.dash(a - 1) || self.punct(a - 1, ";")) =>
                {
                    a - 1
                }
                a => self.coordinated_name_start(a).unwrap_or(a),
            };
            let boundary = !self.quoted(b)
                && (self.punct(b, ";")
                    || self.dash(b)
                    || matches!(
                        self.w(b),
                        "but" | "though" | "although" | "while" | "whereas" | "yet"
                    )
                    || (self.w(b) == "and" && self.punct(b - 1, ",")));
            if !boundary {
                continue;
            }
            let at = self.seg.tokens[s].span;
            for a in out.iter_mut().take(k) {
                let Some(ct) = a.content else { continue };
                if a.cue_tokens.end > b || !ct.contains(at) {
                    continue;
                }
                if let Some(cut) = self.cut_before(ct, b) {
                    a.content = Some(cut);
                }
            }
        }
        // "An aide who spoke anonymously to discuss the talks said they
        // were over": the infinitive's content ends before the verb its
        // speaker goes on with. So does a relative clause's ("Two of the
        // senators who signed the letter said …"), whose source is "who"
        // standing for the main verb's subject. (Few sentences have either
        // with content, which is asked first.)
        for j in 0..out.len() {
            let (Some(ct), Some(src)) = (out[j].content, out[j].source.as_ref()) else {
                continue;
            };
            let relative = || {
                let t = self.token_at(src.span.start);
                !src.tokens.contains(&t) && matches!(self.w(t), "who" | "which" | "that")
            };
            if self.w(out[j].cue_tokens.start) != "to" && !relative() {
                continue;
            }
            let src = src.tokens.clone();
            let next = (0..out.len()).find_map(|k| {
                let same = out[k].source.as_ref().filter(|s| s.tokens == src)?;
                // Not a pronoun inside the content that stands for the same
                // speaker ("who said he would not vote for Cruz").
                if k == j || ct.contains(same.span) {
                    return None;
                }
                let mut v = out[k].cue_tokens.start;
                while v > self.lo && self.skippable_before_cue(v - 1) {
                    v -= 1;
                }
                // ("who said he would not vote for Cruz": a verb after a
                // pronoun is the content's own clause.)
                let own_subject =
                    v > self.lo && self.is(v - 1, Kind::Pronoun) && !self.is_det(v - 1);
                (!own_subject && ct.contains(self.seg.tokens[v].span)).then_some(v)
            });
            if let Some(cut) = next.and_then(|v| self.cut_before(ct, v)) {
                out[j].content = Some(cut);
            }
        }
        // "DuVernay said she felt …, “…,” she said.": a closing attribution
        // whose content opens with another attribution's unquoted words and
        // ends in a quotation speaks for the quotation only.
        for k in 0..out.len() {
            let Some(ct) = out[k].content else { continue };
            if ct.end > out[k].cue.start {
                continue;
            }
            let first = self.token_at(ct.start);
            let last = self.token_at(ct.end).saturating_sub(1);
            if self.quoted(first) || !self.quoted(last) {
                continue;
            }
            let Some(open) = self
                .seg
                .quote_of(last)
                .map(|q| self.seg.tokens[q.open].span)
            else {
                continue;
            };
            let speaks_before = out
                .iter()
                .any(|o| o.cue.start >= ct.start && o.cue.end <= open.start);
            if open.start > ct.start && speaks_before {
                out[k].content = Some(Span::new(open.start, ct.end));
                // The earlier speech ends where the closing one begins.
                let cue = out[k].cue;
                for o in out.iter_mut() {
                    if let Some(c) = o.content.filter(|c| c.contains(cue) && c.start < ct.end) {
                        o.content = Some(Span::new(c.start, ct.end));
                    }
                }
            }
        }
        // A sentence whose one attribution finds no content in it may point
        // beside it. "Cruz continued:" ending a paragraph: the next
        // paragraph is what he said. "“… are missing.” Trump said.": a
        // quotation closed as a sentence of its own, then a sentence that
        // only names its speaker; the quotation is what was said (and the
        // report credits it to him).
        // The speaker named first may have a participle after it: "“Not
        // fit!” Trump said, quoting Comey."
        let single = out.len() == 1;
        for a in out.iter_mut() {
            if a.stance != "act" {
                if a.content.is_none() && single && a.source.is_some() {
                    a.content = self.paragraph_after_colon(a.cue_tokens.end);
                }
                let opens = a.source.as_ref().map_or(a.cue.start, |s| s.span.start);
                // "“… who knows?” Trump told ITV in an interview aired on
                // Monday": what trails the audience is no clause.
                let trails = |c: Span| {
                    let t = self.token_at(c.start);
                    !self.quoted(t) && (self.is(t, Kind::Time) || self.participle(t))
                };
                let names_speaker = a.content.is_none_or(trails)
                    && self.token_at(opens.min(a.cue.start)) == self.lo
                    && (self.is(a.cue_tokens.start, Kind::Speech)
                        || self.is(a.cue_tokens.start, Kind::Verb));
                if let Some(q) = names_speaker
                    .then(|| self.quotation_just_before())
                    .flatten()
                {
                    a.content = Some(q);
                    a.kind = AttributionKind::Direct;
                }
            }
        }
        for a in out.iter_mut() {
            a.content = a.content.map(|c| self.with_closing_mark(c));
        }
        // Nesting: a cue inside another attribution's content.
        // When two contents hold each other's cues, the wider one is outer.
        for k in 0..out.len() {
            let cue = out[k].cue;
            let width = |a: &Attribution| a.content.map_or(0, |c| c.len());
            out[k].nested_in = (0..out.len()).find(|&j| {
                j != k
                    && out[j].vouches()
                    && out[j].content.is_some_and(|c| c.contains(cue))
                    && (!out[k].content.is_some_and(|c| c.contains(out[j].cue))
                        || width(&out[j]) > width(&out[k]))
            });
        }
        for k in 0..out.len() {
            out[k].embedded = out[k]
                .nested_in
                .is_some_and(|j| self.reports(&out[j], &out[k]));
        }
        for a in out.iter_mut() {
            if a.kind == AttributionKind::Indirect {
                a.kind = self.quote_kind(a.content);
            }
        }
        // Thoughts and wishes inside someone's words ("he says he wants …")
        // are not attributions of the article. The writer's own ("I think")
        // are kept, but do not vouch (see `Attribution::vouches`).
        // Inside anyone's content, vouching or not, a sourceless act ("he
        // wants the files to be disclosed") or a cue that says nothing of
        // its own ("turnout was higher than most analysts had forecast") is
        // part of what is reported.
        let inside_content = |a: &Attribution| {
            out.iter()
                .any(|o| !std::ptr::eq(o, a) && o.content.is_some_and(|c| c.contains(a.cue)))
        };
        let kept = |a: &Attribution| {
            !(((matches!(a.stance, "thought" | "intention" | "act")
                || (a.stance == "weasel" && a.source.is_none()))
                && a.nested_in.is_some())
                || ((a.content.is_none() || (a.stance == "act" && a.source.is_none()))
                    && inside_content(a)))
        };
        // The list of what is kept is made only when something is dropped.
        if !out.iter().all(kept) {
            let keep: Vec<bool> = out.iter().map(kept).collect();
            let mut remap = vec![None; out.len()];
            let mut n = 0;
            for (i, &k) in keep.iter().enumerate() {
                if k {
                    remap[i] = Some(n);
                    n += 1;
                }
            }
            let mut flags = keep.iter();
            out.retain(|_| *flags.next().expect("a flag for each"));
            for a in out.iter_mut() {
                a.nested_in = a.nested_in.and_then(|j| remap[j]);
            }
        }
    }

    /// Content `ct` ended before token `t` and the punctuation before it;
    /// `None` if nothing of it is left.
    fn cut_before(&self, ct: Span, t: usize) -> Option<Span> {
        let mut e = t;
        while e > self.lo && !self.is_word(e - 1) && !self.quoted(e - 1) {
            e -= 1;
        }
        let end = (e > self.lo).then(|| self.seg.tokens[e - 1].span.end)?;
        (end > ct.start).then(|| Span::new(ct.start, end))
    }

    /// Is `inner` (nested in `outer`'s content) what `outer` reports? Its
    /// source opens the content ("said [the mayor told him]", "found that
    /// [most voters said]"), or follows a word that makes a clause of it
    /// ("what [he called]", "asked whether [aides knew]").
    fn reports(&self, outer: &Attribution, inner: &Attribution) -> bool {
        let (Some(content), Some(source)) = (outer.content, &inner.source) else {
            return false;
        };
        if source.span.start < content.start || source.span.start >= inner.cue.start {
            return false;
        }
        // "“…,” Pence said at the meeting, according to a recording": what
        // the recording holds is that he said it, wherever in it he is named.
        if outer.kind == AttributionKind::AccordingTo {
            return true;
        }
        let cs = self.token_at(content.start);
        let ss = self.token_at(source.span.start);
        ss == cs
            || (ss == cs + 1 && self.w(cs) == "that")
            || (ss > cs
                && matches!(
                    self.w(ss - 1),
                    "what" | "that" | "if" | "how" | "why" | "whether"
                ))
    }

    /// A bare "reports" or "report" is hearsay only where it behaves like it:
    /// "reports that …", "reports have emerged", "media reports"; not
    /// "FEC reports that track spending" or "the report's author".
    fn hearsay_noun_reads_as_hearsay(&self, h: &Entry, cue: &Range<usize>) -> bool {
        if h.tag != "report" || cue.len() > 1 {
            return true;
        }
        let next = (cue.end < self.hi).then(|| self.w(cue.end));
        let prev = (cue.start > self.lo).then(|| self.w(cue.start - 1));
        let next_ok = next.is_some_and(|n| {
            matches!(
                n,
                "that"
                    | "of"
                    | "have"
                    | "has"
                    | "had"
                    | "emerged"
                    | "suggest"
                    | "suggested"
                    | "say"
                    | "said"
                    | "indicate"
                    | "indicated"
                    | "claim"
                    | "claimed"
                    | "surfaced"
                    | "circulated"
                    | "circulating"
                    | "say,"
                    | "suggesting"
            )
        });
        let prev_ok = prev.is_some_and(|p| {
            matches!(
                p,
                "media"
                    | "news"
                    | "press"
                    | "unconfirmed"
                    | "local"
                    | "earlier"
                    | "conflicting"
                    | "unverified"
            )
        });
        let prev_name =
            cue.start > self.lo && self.capitalised(cue.start - 1) && !self.initial(cue.start - 1);
        (next_ok || prev_ok) && !prev_name
    }

    /// "Obama: I'm optimistic Americans will say no" — a speaker, a colon
    /// and their words, the shape of headlines and transcripts.
    fn colon_attribution(&self) -> Option<Attribution> {
        // Both searches below (here and in `colon_quote`) are for a colon
        // token, which most sentences lack: one pass over the sentence's
        // bytes tells (or the caller's over the text's), rather than a test
        // of each token.
        let search = || {
            self.lo < self.hi && {
                let span = self.span_of(&(self.lo..self.hi));
                memchr::memchr(b':', &self.text.as_bytes()[span.start..span.end]).is_some()
            }
        };
        // What this rests on, checked where tests run in debug.
        debug_assert!(self.colon.is_none_or(|c| c == search()));
        if !self.colon.unwrap_or_else(search) {
            return None;
        }
        // A transcript quoted whole: `"MODERATOR: Let us start …`. Only a
        // speaker label in capitals counts inside the quotation.
        let transcript = self.lo + 2 < self.hi
            && self
                .seg
                .quote_of(self.lo)
                .is_some_and(|q| q.open == self.lo)
            && self.is_word(self.lo + 1);
        let lo = if transcript { self.lo + 1 } else { self.lo };
        let label_caps = |c: usize| {
            (lo..c).all(|t| !self.is_word(t) || self.raw(t).chars().all(|ch| !ch.is_lowercase()))
        };
        let colon = (lo..(lo + 9).min(self.hi)).find(|&k| {
            self.punct(k, ":") && (!self.quoted(k) || (transcript && k > lo && label_caps(k)))
        });
        let Some(colon) = colon else {
            return self.colon_quote();
        };
        if colon == lo || (!self.is_word(lo) && !self.punct(lo, "(")) {
            return None;
        }
        // "Q: …" and "A: …" opening a line: an interview's transcript, the
        // interviewer asking and the interviewee answering.
        if colon == lo + 1 && !transcript && self.line_initial(lo) {
            let role = match self.raw(lo) {
                "Q" => Some("interviewer"),
                "A" => Some("interviewee"),
                _ => None,
            };
            if let Some(role) = role {
                let source = SourcePhrase {
                    span: self.span_of(&(lo..colon)),
                    tokens: lo..colon,
                    phrase: Phrase::Descriptor {
                        head: role.to_string(),
                        modifiers: vec![],
                        text: role.to_string(),
                        kind: SourceKind::Person,
                        definite: true,
                    },
                    lenient: false,
                };
                // The whole answer is the interviewee's, to its paragraph's end.
                let paras = &self.seg.paragraphs;
                let para = paras.get(paras.partition_point(|p| p.tokens.end <= lo))?;
                let content = (colon + 1 < para.tokens.end)
                    .then(|| Span::new(self.seg.tokens[colon + 1].span.start, para.span.end));
                return Some(self.attribution(
                    AttributionKind::Indirect,
                    "neutral",
                    colon..colon + 1,
                    Some(source),
                    content,
                ));
            }
        }
        let np = if transcript && self.quoted(colon) {
            // np_right stops at quoted words; a label of names is the phrase.
            (colon - lo <= 3 && (lo..colon).all(|t| self.is_word(t))).then_some(lo..colon)?
        } else {
            self.np_right(lo, colon).filter(|r| r.end == colon)?
        };
        if self
            .phrase_from(np.start, colon, true, Kind::Label.bit())
            .is_some_and(|(n, _)| n == np.clone().filter(|&k| self.is_word(k)).count())
        {
            return None;
        }
        let source = self.analyse(np.clone(), false)?;
        // "Poll: …", "Insiders: …", "Historians: …" speak too, as what they are.
        let named = matches!(
            source.phrase,
            Phrase::Named { .. }
                | Phrase::Descriptor {
                    kind: SourceKind::Person | SourceKind::Document,
                    ..
                }
                | Phrase::Anonymous(_)
                | Phrase::Vague(_)
        );
        let words_after = (colon + 1..self.hi).filter(|&k| self.is_word(k)).count();
        // "Kasich: Now or never.", "Christie: A closing surge.": a label
        // before a few words is a heading's, not a speaker's.
        if !named || words_after < 4 || (np.len() == 1 && self.raw(np.start).chars().count() == 1) {
            return None;
        }
        let content = self.content_after(colon + 1).map(|c| {
            if transcript {
                c
            } else {
                self.widen_to_quotes(c)
            }
        });
        Some(self.attribution(
            AttributionKind::Indirect,
            "neutral",
            colon..colon + 1,
            Some(source),
            content,
        ))
    }

    /// "Here's Clinton in 1992: “…”", "- Philip Bump: “…”": a name, a
    /// colon, and a quotation opening right after it.
    fn colon_quote(&self) -> Option<Attribution> {
        let colon = (self.lo + 1..self.hi.saturating_sub(1)).find(|&k| {
            self.punct(k, ":")
                && !self.quoted(k)
                && self.seg.token_quote[k + 1]
                    .is_some_and(|q| self.seg.quotes[q as usize].open == k + 1)
        })?;
        let np = self.np_left(colon - 1, self.lo)?;
        // "“City Museum’s new director,” by The Journal’s Jennifer Smith:
        // “…”": a byline credits the writing quoted, not words spoken.
        if np.start > self.lo && self.is_word(np.start - 1) && self.w(np.start - 1) == "by" {
            return None;
        }
        let source = self.analyse(np, false)?;
        if !matches!(source.phrase, Phrase::Named { .. }) {
            return None;
        }
        let q = &self.seg.quotes[self.seg.token_quote[colon + 1]? as usize];
        Some(self.attribution(
            AttributionKind::Direct,
            "neutral",
            colon..colon + 1,
            Some(source),
            Some(q.inner),
        ))
    }

    /// The tokens of the sentence, after its first, that are in no quotation
    /// but follow one that is, in order: the token after each outermost
    /// quotation that ends inside the sentence, if it opens no other. Found
    /// from the outermost quotations by binary searches, not by a test of
    /// every token (of every sentence, most of which have no such token).
    fn after_quotations(&self) -> impl Iterator<Item = usize> + '_ {
        let seg = self.seg;
        let toks = &seg.tokens[self.lo..self.hi];
        let start = toks.first().map_or(usize::MAX, |t| t.span.start);
        // The outermost quotations are disjoint and in text order; a token
        // is in some quotation exactly when it is from one's opening mark
        // up to the first token past its span.
        let first = seg
            .top_quotes
            .partition_point(|&q| seg.quotes[q as usize].span.end <= start);
        seg.top_quotes[first..]
            .iter()
            .map(|&q| &seg.quotes[q as usize])
            .take_while(|q| q.open < self.hi)
            .map(move |q| self.lo + toks.partition_point(|t| t.span.start < q.span.end))
            .filter(move |&after| after > self.lo && after < self.hi && !seg.in_quote(after))
    }

    /// A quotation credited with a dash: "“We lost.” ― Ana Lopes" in one
    /// sentence, or a paragraph "- Ana Lopes." after a paragraph that ends
    /// with a quotation. The dash is the cue and the quotation the content.
    fn dash_credit(&self) -> Option<Attribution> {
        let toks = &self.seg.tokens;
        let (dash, quote) =
            if crate::segment::dash_credit(self.text, toks, self.lo, self.hi) == Some(self.hi) {
                // A paragraph of its own: the quotation ending the paragraph before.
                let para = self
                    .seg
                    .paragraphs
                    .partition_point(|p| p.tokens.end <= self.lo);
                let here = self.seg.paragraphs.get(para)?;
                let prev = para.checked_sub(1).map(|p| &self.seg.paragraphs[p])?;
                if here.tokens.start != self.lo || prev.tokens.is_empty() {
                    return None;
                }
                (self.lo, self.seg.token_quote[prev.tokens.end - 1]?)
            } else {
                // A token outside quotations right after one inside: none
                // in a sentence with no quoted token.
                if self.quoted == Some(false) {
                    return None;
                }
                let dash = self.after_quotations().find(|&d| {
                    crate::segment::dash_credit(self.text, toks, d, self.hi) == Some(self.hi)
                })?;
                (dash, self.seg.token_quote[dash - 1]?)
            };
        let quote = &self.seg.quotes[quote as usize];
        // A quotation left open is no quotation to credit.
        quote.close?;
        let mut name_at = dash + 1;
        if self.punct(name_at, "-") {
            name_at += 1;
        }
        let np = self.np_right(name_at, self.hi)?;
        let source = self.analyse(np.clone(), false)?;
        if !matches!(
            source.phrase,
            Phrase::Named { .. } | Phrase::Descriptor { .. }
        ) {
            return None;
        }
        Some(self.attribution(
            AttributionKind::Direct,
            "neutral",
            dash..name_at,
            Some(source),
            Some(quote.inner),
        ))
    }

    /// "In a CNN poll released Monday, 31% said …", "Cruz had 38 percent in a
    /// Fox poll", "…, as recalled in Burrows's book": a document the claim
    /// appears in is its source. Returns the attribution and the token after
    /// the document's noun phrase. `w` is the normal form of token `i`.
    fn in_document(&self, i: usize, w: &str) -> Option<(Attribution, usize)> {
        if w != "in" || self.quoted(i) || i + 1 >= self.hi {
            return None;
        }
        // The phrase's head below is a document word after "in": with none
        // in the rest of the sentence (the common case) there is no phrase
        // to find.
        if !self.any_after(i, Kind::Document) {
            return None;
        }
        let whole = self.np_right_titled(i + 1, self.hi)?;
        // "a CNN poll released Monday" reads as one phrase; the document ends
        // the source, and what describes it is no cue of its own.
        let head = whole.clone().find(|&k| self.is(k, Kind::Document))?;
        let np = whole.start..head + 1;
        let poll = self.tag(head, Kind::Document, "poll");
        // Any document opening a sentence with no verb of its own ("In a
        // statement, the party's stance is clear"); a poll anywhere.
        let opening_alone = self.clause_start(i)
            && self.is(head, Kind::Document)
            && !self.tag(head, Kind::Document, "occasion")
            && !(np.end..self.hi).any(|k| {
                !self.quoted(k)
                    && (self.is(k, Kind::Speech) || self.is(k, Kind::Verb))
                    && !self.capitalised(k)
            });
        // A capitalised head is part of a name ("In Poll Position"), unless
        // a determiner opens the phrase ("in a USA Today/Suffolk University Poll").
        let named = self.capitalised(head) && !self.is_det(whole.start);
        if !(poll || opening_alone) || named || self.quoted(head) {
            return None;
        }
        let source = self
            .analyse(np.clone(), false)
            .or_else(|| self.lenient(np.clone()))?;
        let content = if self.clause_start(i) {
            let comma = (np.end..self.hi).find(|&k| self.punct(k, ",") && !self.quoted(k))?;
            self.content_after(comma + 1)
        } else {
            self.content_before(self.clause_begin(i), i)
        };
        let content = content.map(|c| self.widen_to_quotes(c));
        Some((
            self.attribution(
                AttributionKind::AccordingTo,
                "neutral",
                i..i + 1,
                Some(source),
                content,
            ),
            whole.end,
        ))
    }

    /// "To Sexton, who has studied the rallies, Tuesday marked a turning
    /// point", "In the eyes of most voters today, …": a sentence opened with
    /// whose view it is (the `perspective` phrases of the grammar).
    fn perspective_opening(&self) -> Option<Attribution> {
        let mut first = Some(self.first_word).filter(|&k| k < self.hi)?;
        if self.tag(first, Kind::Function, "conjunction") {
            first += 1;
        }
        if first >= self.hi || self.quoted(first) {
            return None;
        }
        let (n, entries) = self.phrase_from(
            first,
            (first + 4).min(self.hi),
            false,
            Kind::Perspective.bit(),
        )?;
        let stance = entries.iter().find(|e| e.kind == Kind::Perspective)?.tag;
        let np = self.np_right(first + n, self.hi)?;
        // The view holder's phrase ends at a comma, perhaps after a relative
        // clause about them ("To Sexton, who has …, Tuesday …").
        let mut comma = np.end;
        // "To most Democrats today, …"
        while comma < self.hi && self.is(comma, Kind::Time) && !self.capitalised(comma) {
            comma += 1;
        }
        if comma < self.hi
            && self.punct(comma, ",")
            && comma + 1 < self.hi
            && matches!(self.w(comma + 1), "who" | "whose")
        {
            comma = (comma + 1..self.hi).find(|&k| self.punct(k, ",") && !self.quoted(k))?;
        }
        if comma >= self.hi || !self.punct(comma, ",") || self.quoted(comma) {
            return None;
        }
        let np = np.start..comma.min(np.end);
        let source = self.analyse(np.clone(), false)?;
        let holds_views = match &source.phrase {
            Phrase::Named { kind, .. } => *kind != SourceKind::Document,
            Phrase::Descriptor { kind, .. } => *kind == SourceKind::Person,
            Phrase::Pronoun(tag) => *tag != "thing",
            Phrase::Collective(_) | Phrase::Anonymous(_) | Phrase::Vague(_) => true,
        };
        if !holds_views || np.clone().any(|t| self.is(t, Kind::Time)) {
            return None;
        }
        let cue = first..first + n;
        Some(self.attribution(
            AttributionKind::Indirect,
            stance,
            cue,
            Some(source),
            self.content_after(comma + 1),
        ))
    }

    /// A noun of saying or thinking owned by its source: "Trump's claim
    /// that …", "her attacks on Cruz", "the senator's call for a vote". `i`
    /// is the possessor's last token; up to two modifiers may stand before
    /// the noun ("his latest attacks on"). `w` is the normal form of token `i`.
    fn possessed_noun(&self, i: usize, w: &str) -> Option<(Attribution, usize)> {
        // Only "his", "her", "their" or a word in "s" owns a noun below:
        // the test most words fail comes first.
        if !w.ends_with('s') && !matches!(w, "her" | "their") {
            return None;
        }
        if !self.is_word(i) || self.quoted(i) || i + 1 >= self.hi {
            return None;
        }
        let pronoun = match w {
            "his" | "her" => Some("person"),
            "their" => Some("group"),
            _ => None,
        };
        let owner_s = w.ends_with("'s") && w.len() > 2;
        let owner_mark = w.ends_with('s') && i + 1 < self.hi && self.is_possessive_mark(i + 1);
        if pronoun.is_none() && !owner_s && !owner_mark {
            return None;
        }
        let after = if owner_mark { i + 2 } else { i + 1 };
        let within = after..(after + 3).min(self.hi);
        // Most owners own no noun of saying: none of the words that could
        // be one starts such a phrase, which their nodes tell before any
        // look at the modifiers.
        if !within
            .clone()
            .any(|t| self.kinds_below(t) & Kind::Noun.bit() != 0)
        {
            return None;
        }
        let (start, n, entries) = within.into_iter().find_map(|t| {
            let modifiers_ok = (after..t).all(|m| {
                self.is_word(m)
                    && !self.quoted(m)
                    && !self.capitalised(m)
                    && !self.is(m, Kind::Function)
                    && self.cue_at(m).is_none()
            });
            if !modifiers_ok || self.quoted(t) {
                return None;
            }
            self.phrase_from(t, (t + 4).min(self.hi), false, Kind::Noun.bit())
                .map(|(n, e)| (t, n, e))
        })?;
        let stance = entries.iter().find(|e| e.kind == Kind::Noun)?.tag;
        let cue = start..start + n;
        let source = match pronoun {
            Some(tag) => SourcePhrase {
                span: self.span_of(&(i..i + 1)),
                tokens: i..i + 1,
                phrase: Phrase::Pronoun(tag),
                lenient: false,
            },
            None => {
                let end = if owner_mark { i + 1 } else { i };
                let np = self.np_left(end, self.lo)?;
                let np = np.start..end + 1;
                let p = self.analyse(np.clone(), false)?;
                if !matches!(
                    p.phrase,
                    Phrase::Named { .. } | Phrase::Descriptor { .. } | Phrase::Collective(_)
                ) {
                    return None;
                }
                p
            }
        };
        let content = self.noun_content(&cue);
        Some((
            self.attribution(
                AttributionKind::Indirect,
                stance,
                cue.clone(),
                Some(source),
                content,
            ),
            cue.end,
        ))
    }

    /// What a noun cue says: "claim that …", "call for a vote", "attacks on
    /// Cruz", "fear is that …"; a bare noun ("Trump's claim was false")
    /// says nothing here.
    fn noun_content(&self, cue: &Range<usize>) -> Option<Span> {
        let last = self.w(cue.end - 1);
        if let Some(s) = self.copula_complement(cue.end) {
            self.content_after(s)
        } else if cue.end < self.hi && matches!(self.w(cue.end), "that" | "to") {
            self.content_after(cue.end)
        } else if self.tag(cue.end - 1, Kind::Function, "preposition") || last == "that" {
            // "promise to cut the levy": a bare word and a determiner after
            // "to" are an infinitive and its object, not a noun phrase.
            let np = self.np_right(cue.end, self.hi);
            let verb = last == "to"
                && np
                    .as_ref()
                    .map_or(cue.end < self.hi && self.is_word(cue.end), |r| {
                        r.len() == 1
                            && !self.capitalised(r.start)
                            && r.end < self.hi
                            && self.is_det(r.end)
                    });
            if verb {
                self.infinitive_content(cue.end)
            } else {
                np.map(|r| self.span_of(&r))
            }
        } else if cue.end < self.hi
            && self
                .seg
                .quote_of(cue.end)
                .is_some_and(|q| q.open == cue.end)
        {
            self.seg.quote_of(cue.end).map(|q| q.inner)
        } else {
            None
        }
    }

    /// Where a noun's content starts after a copula: "Their fear is that
    /// …", "His goal was to …", "His assumption, stated on live TV, was
    /// that …". Only a "that" clause or an infinitive is what the noun
    /// holds; "Trump's claim was false" is the writer's verdict on it.
    fn copula_complement(&self, s: usize) -> Option<usize> {
        let mut t = s;
        // An aside set off by commas may stand between noun and copula.
        if t < self.hi && self.punct(t, ",") {
            t = (t + 1..(t + 12).min(self.hi)).find(|&k| self.punct(k, ",") && !self.quoted(k))?
                + 1;
        }
        if t + 1 < self.hi && matches!(self.w(t), "has" | "had") && self.w(t + 1) == "been" {
            t += 1;
        } else if t >= self.hi || !matches!(self.w(t), "is" | "was" | "are" | "were") {
            return None;
        }
        let t = t + 1;
        (t + 1 < self.hi && self.is_word(t) && matches!(self.w(t), "that" | "to")).then_some(t)
    }

    /// The verb phrase of an infinitive after a noun ("his promise to be
    /// “neutral” in negotiations, …"), from `s` to the clause's own verb,
    /// a comma or the sentence end: the noun phrase is a subject, whose
    /// verb is no part of what was promised.
    fn infinitive_content(&self, s: usize) -> Option<Span> {
        let e = (s..self.hi)
            .find(|&t| {
                !self.quoted(t)
                    && ((matches!(self.seg.tokens[t].kind, TokenKind::Punct)
                        && !self.punct(t, "-")
                        && !self.punct(t, "'"))
                        // ("to be neutral": the infinitive's own "be" goes on.)
                        || (self.is_word(t)
                            && self.finite_auxiliary(t)
                            && !matches!(self.w(t), "be" | "been" | "being" | "'s")))
            })
            .unwrap_or(self.hi);
        (e > s && (s..e).any(|k| self.is_word(k))).then(|| self.span_of(&(s..e)))
    }

    /// A noun cue as the object of its source's verb: "Trump has raised
    /// questions about Obama's birthplace", "He avoided direct criticism of
    /// Trump". The clause's subject is the source; only nouns that say
    /// something here (a preposition, "that" or "to" after them) count.
    ///
    /// The scan of `read_into` asks this only at a word that starts some
    /// noun phrase ([`Reader::kinds_below`]).
    fn object_noun(&self, i: usize) -> Option<(Attribution, usize)> {
        if !self.is_word(i) || self.quoted(i) || i == self.lo {
            return None;
        }
        let (n, entries) = self.phrase_from(i, (i + 4).min(self.hi), false, Kind::Noun.bit())?;
        let stance = entries.iter().find(|e| e.kind == Kind::Noun)?.tag;
        let noun = i..i + n;
        let content = self.noun_content(&noun)?;
        let subject = self.clause_subject(self.clause_begin(i), i)?;
        let between = subject.tokens.end..i;
        if !self.verb_phrase_between(between.clone()) {
            return None;
        }
        let cue = between.start..noun.end;
        Some((
            self.attribution(
                AttributionKind::Indirect,
                stance,
                cue,
                Some(subject),
                Some(content),
            ),
            noun.end,
        ))
    }

    /// Whether `between` (from a subject to a noun) holds a verb and what
    /// may go with it: plain lowercase words, no preposition, clause
    /// boundary or cue ("Trump says praise from Putin helps": the noun
    /// opens a clause of its own), and not only determiners.
    fn verb_phrase_between(&self, between: Range<usize>) -> bool {
        // The length first: the tests of each token below walk the trie
        // (for a cue), and the range may run over most of a sentence.
        if between.is_empty() || between.len() > 6 {
            return false;
        }
        let plain = between.clone().all(|k| {
            self.is_word(k)
                && !self.quoted(k)
                && !self.capitalised(k)
                && self.cue_at(k).is_none()
                && !(self.is(k, Kind::Function)
                    && (self.tag(k, Kind::Function, "preposition")
                        || self.tag(k, Kind::Function, "boundary")))
        });
        plain && between.clone().any(|k| !self.is_det(k))
    }

    /// "Asked about the delay, the minister said …": the question, with no
    /// source of its own; the answer is the next attribution.
    fn asked_opening(&self) -> Option<Attribution> {
        let first = Some(self.first_word).filter(|&k| k < self.hi)?;
        // "asked" and "when" end in "d" and "n", which the last byte tells
        // of most first words without their normal form.
        if !self.may_end_in(first, b"dn") {
            return None;
        }
        // The first word's normal form once, for both openings.
        let cue_at = match self.w(first) {
            "asked" => first,
            "when" if first + 1 < self.hi && self.w(first + 1) == "asked" => first + 1,
            _ => return None,
        };
        let comma = (cue_at + 1..self.hi).find(|&k| self.punct(k, ",") && !self.quoted(k))?;
        Some(self.question(cue_at..cue_at + 1, comma))
    }

    /// A question put from the token after `cue` to `end`: by its asker
    /// when "by" names one ("Asked by Stephanopoulos whether …"), else by
    /// no one named.
    fn question(&self, cue: Range<usize>, end: usize) -> Attribution {
        let asker = (cue.end + 1 < end && self.is_word(cue.end) && self.w(cue.end) == "by")
            .then(|| self.np_right(cue.end + 1, end))
            .flatten()
            .filter(|np| np.end < end)
            .and_then(|np| {
                self.analyse(np.clone(), false)
                    .or_else(|| self.lenient(np.clone()))
                    .map(|p| (p, np.end))
            });
        match asker {
            Some((source, from)) => {
                let content = self.content_before(from, end);
                self.attribution(
                    AttributionKind::Indirect,
                    "question",
                    cue,
                    Some(source),
                    content,
                )
            }
            None => {
                let content = self.content_before(cue.end, end);
                self.attribution(AttributionKind::NoSource, "question", cue, None, content)
            }
        }
    }

    /// The question in "was asked whether …" / "when asked about …": up to
    /// the next comma outside quotations. Its asker is not named.
    fn question_put(&self, cue: Range<usize>) -> Option<Attribution> {
        let end = (cue.end..self.hi)
            .find(|&k| self.punct(k, ",") && !self.quoted(k))
            .unwrap_or(self.hi);
        let mut e = end;
        while e > cue.end && self.seg.tokens[e - 1].kind == TokenKind::Punct && !self.quoted(e - 1)
        {
            e -= 1;
        }
        let q = self.question(cue, e);
        // Nothing asked, and no one asking: no question.
        (q.source.is_some() || q.content.is_some()).then_some(q)
    }

    fn sourceless(
        &self,
        cue: Range<usize>,
        reason: &'static str,
        content: Option<Span>,
        weasel: bool,
    ) -> Attribution {
        let content = content.or_else(|| {
            let c = self.content_after(cue.end);
            if weasel {
                c
            } else {
                self.sentence_content()
            }
        });
        Attribution {
            kind: AttributionKind::NoSource,
            stance: reason,
            cue: self.span_of(&cue),
            cue_tokens: cue,
            source: None,
            with: None,
            content,
            venue: None,
            origin: None,
            hearsay: (!weasel).then_some(reason),
            weasel,
            nested_in: None,
            embedded: false,
        }
    }

    /// "he appeared to suggest that …", "Anderson seemed to think …": a
    /// hedge on a verb of saying, thinking or wanting is the writer's
    /// caution about reading the verb, whose subject is still the source.
    /// The verb's attribution, with the hedge in its cue, if one follows.
    fn hedged_verb(&self, cue: &Range<usize>, before: &[Attribution]) -> Option<Attribution> {
        if !matches!(
            self.w(cue.start),
            "appear" | "appears" | "appeared" | "seem" | "seems" | "seemed"
        ) {
            return None;
        }
        let mut v = cue.end;
        if self.w(v - 1) != "to" {
            if v >= self.hi || self.quoted(v) || self.w(v) != "to" {
                return None;
            }
            v += 1;
        }
        if v >= self.hi || self.quoted(v) {
            return None;
        }
        let (n, entries) = self.cue_at(v)?;
        // Not an act ("seemed to offer a caveat"): what the hedge doubts
        // there is the writer's own reading.
        let e = entries
            .iter()
            .find(|e| matches!(e.kind, Kind::Verb | Kind::VerbObject) && e.tag != "act")?;
        self.verb(cue.start..v + n, e.kind, e.tag, before)
            .filter(|a| a.source.is_some())
    }

    /// "As odd as it may seem, Clarke said …": a concession that ends its
    /// clause hedges nothing after it.
    // Out of line: asked at weasel words only, in the scan's loop.
    #[inline(never)]
    fn concession(&self, cue: &Range<usize>) -> bool {
        let mut b = cue.start;
        if b > self.lo && matches!(self.w(b - 1), "may" | "might" | "would" | "does") {
            b -= 1;
        }
        if b > self.lo && self.w(b - 1) == "it" {
            b -= 1;
        }
        b > self.lo && self.w(b - 1) == "as" && cue.end < self.hi && self.punct(cue.end, ",")
    }

    /// A weasel phrase. Where it is a vague crowd and its verb ("critics
    /// argue", "some say", "they say"), the crowd is shown as the source and
    /// the verb as the cue; the claim stays unattributed all the same.
    fn weasel(&self, cue: Range<usize>) -> Attribution {
        let mut a = self.sourceless(cue.clone(), "weasel", None, true);
        let verb = cue.end - 1;
        // "Experts say", not "is considered": an auxiliary is no crowd.
        let crowd = cue.len() == 2
            && self.w(cue.start) != "it"
            && !self.is_be(cue.start)
            && !self.tag(cue.start, Kind::Function, "aux")
            && (self.is(verb, Kind::Verb) || self.is(verb, Kind::Speech));
        if crowd {
            // "Some observers say": the whole noun phrase, not only its head.
            let np = self
                .np_left(cue.start, self.lo)
                .filter(|np| np.end == cue.start + 1)
                .unwrap_or(cue.start..cue.start + 1);
            a.source = Some(SourcePhrase {
                span: self.span_of(&np),
                tokens: np.clone(),
                phrase: Phrase::Vague(self.slice(&np).to_string()),
                lenient: false,
            });
            a.cue = self.span_of(&(verb..cue.end));
            a.cue_tokens = verb..cue.end;
            a.kind = AttributionKind::Indirect;
            // "The race is over, they say.": the clause before.
            if a.content.is_none() {
                a.content = self.content_before(self.lo, np.start);
            }
        }
        a
    }

    /// The sentence without its final punctuation.
    fn sentence_content(&self) -> Option<Span> {
        let mut e = self.hi;
        while e > self.lo && matches!(self.seg.tokens[e - 1].kind, TokenKind::Punct) {
            e -= 1;
        }
        (e > self.lo).then(|| self.span_of(&(self.lo..e)))
    }

    /// Content from token `s` to the end of the sentence (final punctuation
    /// dropped), starting at "that" where one follows closely.
    fn content_after(&self, s: usize) -> Option<Span> {
        let mut s = s;
        while s < self.hi && (self.punct(s, ":") || self.punct(s, ",")) {
            s += 1;
        }
        // A trailing ", according to Y" or ", Y said." attributes the clause;
        // it is not part of it. The commas are found over the token and
        // quotation slices together, with no bounds check a token.
        let from = s.min(self.hi);
        let toks = self.seg.tokens[from..self.hi].iter();
        let mut e = toks
            .zip(&self.seg.token_quote[from..self.hi])
            .enumerate()
            .find(|&(j, (t, q))| {
                matches!(t.kind, TokenKind::Punct)
                    && q.is_none()
                    && &self.text.as_bytes()[t.span.start..t.span.end] == b","
                    && (self.trailing_attribution(from + j + 1)
                        || self.relative_attribution(from + j + 1))
            })
            .map_or(self.hi, |(j, _)| from + j);
        while e > s && self.seg.tokens[e - 1].kind == TokenKind::Punct && !self.quoted(e - 1) {
            e -= 1;
        }
        (e > s && (s..e).any(|k| self.is_word(k))).then(|| self.span_of(&(s..e)))
    }

    /// Does a relative clause that is an attribution of its own start at
    /// token `k` ("…, which he believes will make it impossible")? Its
    /// speaker's view of the words before is no part of them.
    fn relative_attribution(&self, k: usize) -> bool {
        if k + 2 >= self.hi || !self.is_word(k) || self.quoted(k) || self.w(k) != "which" {
            return false;
        }
        let Some(np) = self.np_right(k + 1, self.hi) else {
            return false;
        };
        // (Not a verb of speech: "…, which he said were at his side" is
        // what he said of the words before, which other rules follow.)
        np.end < self.hi
            && !self.is(np.end, Kind::Speech)
            && self.cue_at(np.end).is_some_and(|(_, en)| {
                en.iter()
                    .any(|x| matches!(x.kind, Kind::Verb | Kind::VerbObject))
            })
    }

    /// Does an attribution that closes the sentence start at token `k`:
    /// "according to Y", or "Y said" / "said Y" with at most a short
    /// adverbial after it?
    fn trailing_attribution(&self, k: usize) -> bool {
        if k >= self.hi {
            return false;
        }
        let is_cue = |t: usize, kinds: &[Kind]| {
            self.cue_at(t)
                .is_some_and(|(_, en)| en.iter().any(|x| kinds.contains(&x.kind)))
        };
        // The cue at `k`, found once for both tests of it below.
        let cue_here = self.cue_at(k).map_or(&[][..], |(_, en)| en);
        let here = |kinds: &[Kind]| cue_here.iter().any(|x| kinds.contains(&x.kind));
        if here(&[Kind::According]) {
            return true;
        }
        let ends_soon = |t: usize| {
            let n = self.cue_at(t).map_or(1, |(n, _)| n);
            let rest = (t + n..self.hi).filter(|&r| self.is_word(r)).count();
            rest <= 4
                && !(t + n..self.hi)
                    .any(|r| self.quoted(r) || self.w(r) == "that" || self.punct(r, ","))
        };
        // "…, said Y."
        if here(&[Kind::Verb, Kind::VerbObject]) && self.np_right(k + 1, self.hi).is_some() {
            let np = self.np_right(k + 1, self.hi).expect("checked");
            return np.end >= self.hi || !self.is_word(np.end);
        }
        // "…, Y said.": the verb is a verb of speech after Y, and most commas
        // have none anywhere after them (a test of a bit a word, where the
        // noun phrase was a walk over it).
        if !self.any_after(k, Kind::Speech) {
            return false;
        }
        match self.np_right(k, self.hi) {
            Some(np) if np.end < self.hi => {
                let mut v = np.end;
                while v < self.hi && self.skippable_before_cue(v) {
                    v += 1;
                }
                v < self.hi
                    && is_cue(v, &[Kind::Verb, Kind::VerbObject])
                    && self.is(v, Kind::Speech)
                    && ends_soon(v)
            }
            _ => false,
        }
    }

    /// Content before token `e` (exclusive) back to `s`, trailing commas dropped.
    fn content_before(&self, s: usize, e: usize) -> Option<Span> {
        let mut e = e;
        while e > s && (self.punct(e - 1, ",") || self.punct(e - 1, "—") || self.punct(e - 1, "-"))
        {
            e -= 1;
        }
        let mut s = s;
        while s < e && self.punct(s, "—") {
            s += 1;
        }
        (e > s && (s..e).any(|k| self.is_word(k))).then(|| self.span_of(&(s..e)))
    }

    fn quote_kind(&self, content: Option<Span>) -> AttributionKind {
        // Only the sentence's own words are counted: none is quoted in a
        // sentence the caller knows has no quotation.
        let Some(c) = content.filter(|_| self.quoted != Some(false)) else {
            return AttributionKind::Indirect;
        };
        // Most contents hold no quotation, which one binary search over the
        // outermost quotations tells: a token is quoted exactly when it
        // starts inside one of them (see `after_quotations`).
        let (quotes, top) = (&self.seg.quotes, &self.seg.top_quotes);
        let first = top.partition_point(|&q| quotes[q as usize].span.end <= c.start);
        if !top
            .get(first)
            .is_some_and(|&q| quotes[q as usize].span.overlaps(c))
        {
            return AttributionKind::Indirect;
        }
        // Counted in one pass, with no list of the words. The sentence's
        // tokens are in order and disjoint, so those inside `c` are one run,
        // found by two binary searches rather than a test of every token.
        let toks = &self.seg.tokens[self.lo..self.hi];
        let from = self.lo + toks.partition_point(|t| t.span.start < c.start);
        let to = self.lo + toks.partition_point(|t| t.span.end <= c.end);
        // Over the two slices together, with no bounds check or branch a
        // token: contents run to dozens of tokens.
        let (mut inside, mut quoted) = (0, 0);
        let run = self.seg.tokens[from..to].iter();
        for (t, q) in run.zip(&self.seg.token_quote[from..to]) {
            let word = usize::from(matches!(t.kind, TokenKind::Word));
            inside += word;
            quoted += word & usize::from(q.is_some());
        }
        if quoted == 0 {
            AttributionKind::Indirect
        } else if quoted == inside {
            AttributionKind::Direct
        } else {
            AttributionKind::Mixed
        }
    }

    /// Widens a content span to whole quotations it cuts into, across
    /// sentences and paragraphs (a multi-paragraph quotation is one content).
    ///
    /// Only outermost quotations need a look: a nested one lies inside its
    /// parent's inner span, so it cuts into `c` only if the parent does, and
    /// then the parent's span already covers it. The outermost ones are
    /// disjoint and sorted, so those overlapping `c` are found by binary
    /// search.
    fn widen_to_quotes(&self, c: Span) -> Span {
        let (quotes, top) = (&self.seg.quotes, &self.seg.top_quotes);
        let mut out = c;
        let first = top.partition_point(|&q| quotes[q as usize].span.end <= c.start);
        for &q in &top[first..] {
            let quote = &quotes[q as usize];
            if !quote.span.overlaps(c) {
                if quote.span.start >= c.end {
                    break;
                }
                continue;
            }
            if !c.contains(quote.inner) && !quote.inner.is_empty() {
                out = out.cover(self.seg.quote_reach[q as usize]);
            }
        }
        out
    }

    /// A content that holds all of a quotation's words and its opening mark
    /// holds its closing mark too ("“The levy is fair,” said Harlow"): the
    /// rules that end a content at a comma or before the next clause stop
    /// short of a mark after the comma, and a content with one mark of a
    /// pair reads as a quotation left open.
    fn with_closing_mark(&self, c: Span) -> Span {
        let (quotes, top) = (&self.seg.quotes, &self.seg.top_quotes);
        // The last quotation that starts before the content ends.
        let after = top.partition_point(|&q| quotes[q as usize].span.start < c.end);
        match after.checked_sub(1).map(|k| &quotes[top[k] as usize]) {
            Some(q) if q.span.start >= c.start && c.contains(q.inner) && c.end < q.span.end => {
                c.cover(q.span)
            }
            _ => c,
        }
    }

    /// "According to X, …" and "…, according to X."
    fn according(&self, cue: Range<usize>, stance: &'static str) -> Option<(Attribution, usize)> {
        // "according to an archived version of the website", "according to
        // recently hacked documents": whatever noun phrase follows is the
        // source, up to the punctuation that closes it.
        let rest = || {
            let mut e = (cue.end..self.hi.min(cue.end + MAX_NP))
                .find(|&k| {
                    !self.is_word(k) && !self.abbreviation_stop(k) && !self.is_possessive_mark(k)
                })
                .unwrap_or(self.hi.min(cue.end + MAX_NP));
            while e > cue.end && !self.is_word(e - 1) {
                e -= 1;
            }
            (e > cue.end).then_some(cue.end..e)
        };
        let np = self.np_right_titled(cue.end, self.hi).or_else(rest)?;
        // "according to a joint declaration": an unknown thing, not an
        // unnamed person.
        let source = self.analyse(np.clone(), false).or_else(|| {
            self.lenient(np.clone()).map(|mut l| {
                if let Phrase::Anonymous(text) | Phrase::Vague(text) = &l.phrase {
                    let head = text.split_whitespace().last().unwrap_or("").to_lowercase();
                    if !self.g.word_is(&head, Kind::Person) {
                        l.phrase = Phrase::Descriptor {
                            head,
                            modifiers: vec![],
                            text: strip_article(text),
                            kind: SourceKind::Document,
                            definite: false,
                        };
                    }
                }
                l
            })
        });
        // "according to audio provided to The Times", "according to ''The
        // Trumps,'' by Gwenda Blair": a thing the grammar does not know.
        let mut source = match source {
            Some(s) => s,
            None => {
                let text = strip_article(self.slice(&np));
                SourcePhrase {
                    span: self.span_of(&np),
                    tokens: np.clone(),
                    phrase: Phrase::Descriptor {
                        head: self.w(np.end - 1).to_string(),
                        modifiers: vec![],
                        text,
                        kind: SourceKind::Document,
                        definite: false,
                    },
                    lenient: true,
                }
            }
        };
        let mut after = np.end;
        // "preliminary results published by the Commission": the publisher is the source.
        let owner_at = if after + 1 < self.hi && self.participle(after) && self.w(after + 1) == "by"
        {
            Some(after + 2)
        } else if after < self.hi
            && matches!(self.w(after), "from" | "by")
            && self.is(np.end - 1, Kind::Document)
        {
            // "a statement from Atlético Varela"
            Some(after + 1)
        } else {
            None
        };
        if let Some(at) = owner_at {
            if let Some(owner) = self.np_right(at, self.hi) {
                if let Some(o) = self.analyse(owner.clone(), false) {
                    source = SourcePhrase {
                        span: source.span.cover(o.span),
                        tokens: np.start..owner.end,
                        phrase: o.phrase,
                        lenient: false,
                    };
                    after = owner.end;
                }
            }
        }
        // ", which reported X" / ", citing X"
        let mut origin = None;
        if after < self.hi && self.punct(after, ",") {
            if let Some(n) = self.relay_at(after + 1) {
                if let Some(o) = self.np_right(after + 1 + n, self.hi) {
                    origin = self.analyse(o.clone(), false);
                    after = o.end;
                }
            }
        }
        // "But according to X, …" and "But, according to X, …" are at the
        // front too.
        let linked = |w: usize| {
            self.tag(w, Kind::Function, "conjunction") || self.tag(w, Kind::Function, "adverb")
        };
        let at_front = self.clause_start(cue.start)
            || (cue.start == self.lo + 1 && linked(self.lo))
            || (cue.start == self.lo + 2 && linked(self.lo) && self.punct(self.lo + 1, ","));
        let content = if at_front {
            // Content after the comma that closes the source (and its relay clause).
            let comma = (after..self.hi).find(|&k| self.punct(k, ",") && !self.quoted(k));
            match comma {
                Some(c) => self.content_after(c + 1),
                None => self.content_after(after),
            }
        } else {
            let begin = self.clause_begin(cue.start);
            // "While most were marked confidential, according to an
            // official, two were marked secret": set off by commas right
            // after a subordinate clause, the main clause after it.
            let after_subordinate = cue.start > begin
                && self.punct(cue.start - 1, ",")
                && !self.quoted(cue.start - 1)
                && after < self.hi
                && self.punct(after, ",")
                && !self.quoted(after)
                && self.subordinate_opening(begin)
                && (begin..cue.start - 1).all(|k| !self.punct(k, ","));
            if after_subordinate {
                self.content_after(after + 1)
            } else {
                let from = self
                    .relative_before(begin, cue.start - 1)
                    .or_else(|| self.after_concession(begin, cue.start))
                    .unwrap_or(begin);
                self.content_before(from, cue.start)
            }
        };
        let content = content.map(|c| self.widen_to_quotes(c));
        Some((
            Attribution {
                kind: AttributionKind::AccordingTo,
                stance,
                cue: self.span_of(&cue),
                cue_tokens: cue,
                source: Some(source),
                with: None,
                content,
                venue: None,
                origin: origin.map(Box::new),
                hearsay: None,
                weasel: false,
                nested_in: None,
                embedded: false,
            },
            after,
        ))
    }

    /// Does the clause at `begin` open with a subordinating word ("While
    /// most were marked confidential, …")?
    fn subordinate_opening(&self, begin: usize) -> bool {
        begin < self.hi
            && !self.quoted(begin)
            && (self.subordinator(begin) || self.w(begin) == "despite")
    }

    /// A word that opens a subordinate clause: "while", "after", "if" ….
    fn subordinator(&self, i: usize) -> bool {
        self.is_word(i)
            && matches!(
                self.w(i),
                "while"
                    | "whilst"
                    | "although"
                    | "though"
                    | "as"
                    | "after"
                    | "before"
                    | "when"
                    | "because"
                    | "if"
                    | "since"
                    | "whereas"
                    | "once"
            )
    }

    /// "the deal, which would cut its tax rate to 17 percent, according to
    /// company leaders": a relative clause set off last before the comma at
    /// `end` is what the source is cited for. Its first word, if so.
    fn relative_before(&self, begin: usize, end: usize) -> Option<usize> {
        let c = (begin..end)
            .rev()
            .find(|&c| self.punct(c, ",") && !self.quoted(c))?;
        (c + 2 < end && !self.quoted(c + 1) && matches!(self.w(c + 1), "which" | "who"))
            .then_some(c + 1)
    }

    /// "Despite calls to quit, he leads the polls, according to a poll":
    /// a concession or a participle opening the clause at `begin` is the
    /// writer's frame, not what the source is cited for. The main clause's
    /// first token, if so.
    fn after_concession(&self, begin: usize, end: usize) -> Option<usize> {
        let opens = begin < end
            && !self.quoted(begin)
            && (matches!(self.w(begin), "despite" | "although" | "though")
                || (self.participle(begin) && self.w(begin).ends_with("ing")));
        if !opens {
            return None;
        }
        let c = (begin + 1..(begin + MAX_OPENER).min(end))
            .find(|&c| self.punct(c, ",") && !self.quoted(c))?;
        (c + 2 < end).then_some(c + 1)
    }

    /// No word before `i` in the sentence, or only an opening clause ended by a comma.
    fn clause_start(&self, i: usize) -> bool {
        (self.lo..i).all(|k| !self.is_word(k))
    }

    /// Where the clause holding token `i` begins: after the last semicolon or
    /// dash before it, else the sentence start.
    fn clause_begin(&self, i: usize) -> usize {
        // Over the token and quotation slices together, with no bounds
        // check a token: most tokens are words, passed by their kind.
        let i = i.max(self.lo);
        let toks = self.seg.tokens[self.lo..i].iter();
        toks.zip(&self.seg.token_quote[self.lo..i])
            .rposition(|(t, q)| {
                matches!(t.kind, TokenKind::Punct)
                    && q.is_none()
                    // ";", "—" or "–" ("Washington (AFP) – Clinton has …")
                    && matches!(
                        &self.text.as_bytes()[t.span.start..t.span.end],
                        b";" | b"\xE2\x80\x94" | b"\xE2\x80\x93"
                    )
            })
            .map_or(self.lo, |k| self.lo + k + 1)
    }

    /// The subject of the clause that a participle or a second verb hangs
    /// on ("Trump took a risk …, telling", "On Thursday, however, Trump
    /// spoke …, promising"): after any opening adverbials set off by commas,
    /// the noun phrase right before the clause's first verb.
    fn clause_subject(&self, from: usize, to: usize) -> Option<SourcePhrase> {
        self.clause_subject_with(from, to, false)
    }

    /// [`Self::clause_subject`], taking any noun phrase when `lenient`: a
    /// verb of speech makes a speaker of whatever its subject is ("One
    /// operative inside Trump Tower tried …, saying").
    fn clause_subject_with(&self, from: usize, to: usize, lenient: bool) -> Option<SourcePhrase> {
        let mut s = from;
        // "And then Trump went …", "But Sanders took …"
        while s + 1 < to
            && self.is_word(s)
            && !self.quoted(s)
            && (self.tag(s, Kind::Function, "conjunction") || matches!(self.w(s), "then" | "so"))
        {
            s += 1;
        }
        let mut after_opener = false;
        for _ in 0..4 {
            let comma =
                (s..(s + MAX_OPENER).min(to)).find(|&c| self.punct(c, ",") && !self.quoted(c));
            // "At an event in Ames, Iowa, on Sunday, …": the state after
            // the town that closed an opener is part of it, when another
            // opener follows (not "In Iowa, Clinton, the nominee, was …").
            let place = after_opener
                && comma.is_some_and(|c| {
                    c > s
                        && c - s <= 2
                        && (s..c).all(|t| self.capitalised(t) && !self.quoted(t))
                        && c + 1 < to
                        && self.is_word(c + 1)
                        && !self.is_det(c + 1)
                        && (self.tag(c + 1, Kind::Function, "preposition")
                            || self.is(c + 1, Kind::Time))
                })
                && self.capitalised(s - 2);
            let opener = s < to
                && self.is_word(s)
                && !self.is_det(s)
                && !self.is(s, Kind::Pronoun)
                && (self.is(s, Kind::Function)
                    || self.is(s, Kind::Time)
                    || self.ly_adverb(s)
                    || self.w(s) == "here"
                    // "Walking to the next address, Ebeling …"
                    || self.participle_opener(s)
                    || place);
            after_opener = opener;
            // "Hours later, …", "Two years ago, …"
            // "A few days later, …", "A couple of weeks ago, …": longer
            // with a unit of time before the adverb.
            let ago = comma.is_some_and(|c| {
                c > s + 1
                    && (c - s <= 3 || (c - s <= 5 && self.time_units(c - 2)))
                    && matches!(self.w(c - 1), "later" | "ago" | "earlier")
                    && !self.quoted(c - 1)
            }) || comma.is_some_and(|c| {
                // "More recently, …", "Perhaps most importantly, …"
                c > s + 1 && c - s <= 3 && self.ly_adverb(c - 1) && !self.quoted(c - 1)
            });
            match comma.filter(|_| opener || ago) {
                Some(c) => s = c + 1,
                None => break,
            }
        }
        // "On Sunday morning Mr. Trump made …": a time opener without its comma.
        if s + 2 < to
            && self.is_word(s)
            && !self.quoted(s)
            && matches!(
                self.w(s),
                "on" | "in" | "at" | "during" | "last" | "this" | "early" | "late"
            )
        {
            let mut t = s + 1;
            while t < to && t < s + 4 && (self.is(t, Kind::Time) || self.is_number(t)) {
                t += 1;
            }
            if t > s + 1 && t < to && self.is_word(t) && (self.capitalised(t) || self.is_det(t)) {
                s = t;
            }
        }
        if s >= to || self.quoted(s) {
            return None;
        }
        // "That's partly why Clinton quit …": the subject is the
        // explained clause's.
        if matches!(self.w(s), "that's" | "it's") {
            if let Some(w) =
                (s + 1..(s + 4).min(to)).find(|&w| matches!(self.w(w), "why" | "how" | "because"))
            {
                s = w + 1;
                if s >= to {
                    return None;
                }
            }
        }
        // What may follow a subject: the verb, its auxiliaries and adverbs;
        // not a preposition, a determiner or a conjunction, which would mean
        // the phrase goes on.
        let verb_starts = |e: usize| {
            // "Trump on Thursday ratcheted up …": a time phrase may come first.
            let e = match (e + 1 < to
                && matches!(self.w(e), "on" | "in" | "last" | "this" | "earlier"))
            .then(|| self.time_phrase_before(e + 2))
            .flatten()
            {
                Some(t) if t == e => e + 2,
                _ => e,
            };
            e < to
                && self.is_word(e)
                && !self.quoted(e)
                && !self.is_det(e)
                && !self.tag(e, Kind::Function, "preposition")
                && !self.tag(e, Kind::Function, "conjunction")
                && !self.tag(e, Kind::Function, "relative")
                && !self.capitalised(e)
        };
        let mut ends = Vec::with_capacity(2);
        // A pronoun is a phrase of its own ("Meanwhile, he held his fire").
        if self.is(s, Kind::Pronoun) {
            ends.push(s + 1);
        }
        let np = self.np_right(s, to);
        let mut last_resort = None;
        // A name is its capitalised run ("Trump took a risk" → "Trump"),
        // unless a title or a name follows in the phrase: "Presumptive
        // Republican presidential nominee Donald Trump".
        if self.capitalised(s) {
            let mut e = s;
            while e < to && (self.capitalised(e) || self.abbreviation_stop(e)) && !self.quoted(e) {
                e += 1;
            }
            // "Syrian hackers hijacked …", "Trump supporters took …": the
            // phrase runs on to a past tense, an auxiliary or an adverb after it.
            let goes_on = np.as_ref().is_some_and(|np| {
                (e..np.end).any(|t| self.is(t, Kind::Title) || self.capitalised(t))
                    || (np.end > e
                        && np.end < to
                        && self.is_word(np.end)
                        && !self.capitalised(np.end)
                        && !self.quoted(np.end)
                        && (self.w(np.end).ends_with("ed")
                            || irregular_past(self.w(np.end))
                            // "The New York businessman has praised",
                            // "Clinton aides also spent"
                            || self.tag(np.end, Kind::Function, "aux")
                            || self.tag(np.end, Kind::Function, "adverb")))
            });
            if goes_on {
                last_resort = Some(e);
            } else {
                ends.push(e);
            }
        }
        if let Some(np) = np {
            ends.push(np.end);
            // "The mayor left, saying …": a verb the grammar does not know
            // can run on the phrase; then the first head word ends it.
            let head = |i: usize| {
                self.name_word(i)
                    || self.is(i, Kind::Title)
                    || self.is(i, Kind::Org)
                    || self.is(i, Kind::Media)
                    || self.is(i, Kind::Person)
                    || self.is(i, Kind::Collective)
            };
            ends.extend((s + 1..np.end).filter(|&e| head(e - 1) && !head(e)));
            // "One operative inside Trump Tower tried …": a past tense the
            // grammar does not know ends the phrase too.
            ends.extend((s + 1..np.end).filter(|&e| {
                self.is_word(e)
                    && !self.capitalised(e)
                    && !self.quoted(e)
                    && (self.w(e).ends_with("ed") || irregular_past(self.w(e)))
                    && !self.is_det(e - 1)
                    && !self.modifier_participle(e)
            }));
        }
        ends.extend(last_resort);
        // "Republicans, who hold the Senate, have blocked …": an apposition
        // or relative clause between the subject and its verb.
        let past_aside = |e: usize| {
            if e < to && self.punct(e, ",") && !self.quoted(e) {
                let close = (e + 1..to).find(|&c| self.punct(c, ",") && !self.quoted(c))?;
                (close + 1 < to && close - e > 1 && verb_starts(close + 1)).then_some(e)
            } else {
                verb_starts(e).then_some(e)
            }
        };
        ends.into_iter()
            .filter(|&e| e > s)
            .filter_map(past_aside)
            .find_map(|e| {
                let p = self
                    .analyse(s..e, false)
                    .or_else(|| lenient.then(|| self.lenient(s..e)).flatten())?;
                matches!(
                    p.phrase,
                    Phrase::Named { .. }
                        | Phrase::Pronoun(_)
                        | Phrase::Descriptor { .. }
                        | Phrase::Collective(_)
                        | Phrase::Anonymous(_)
                        | Phrase::Vague(_)
                )
                .then_some(p)
            })
    }

    /// A participle opening a phrase set off before the subject: "Walking
    /// to the next address, …", "Asked about the levy, …".
    fn participle_opener(&self, s: usize) -> bool {
        let w = self.w(s);
        w.len() >= 5
            && (w.ends_with("ing") || w.ends_with("ed"))
            && !self.is(s, Kind::Person)
            && !self.is(s, Kind::Org)
            && !self.is(s, Kind::Media)
    }

    /// Where the clause from `s` goes on after an opening participle phrase
    /// ("Walking to the next address, Ebeling …"), adverb ("Essentially,
    /// the lawyers …") or subordinator ("While Ryan is …"), or `s`.
    fn after_opener(&self, s: usize, to: usize) -> usize {
        let s = self.after_dateline(s, to);
        if s + 1 < to
            && self.is_word(s)
            && !self.quoted(s)
            && matches!(
                self.w(s),
                "while" | "whilst" | "although" | "though" | "because" | "whereas" | "since"
            )
        {
            return s + 1;
        }
        if s + 2 < to
            && self.punct(s + 1, ",")
            && !self.quoted(s)
            && (self.ly_adverb(s) || self.capitalised_adverb(s))
        {
            return s + 2;
        }
        // "At his rallies, Trump …": a prepositional opener too.
        if s >= to
            || !self.is_word(s)
            || self.quoted(s)
            || !(self.participle_opener(s) || self.tag(s, Kind::Function, "preposition"))
        {
            return s;
        }
        (s + 1..(s + MAX_OPENER).min(to))
            .find(|&c| self.punct(c, ",") && !self.quoted(c))
            .map_or(s, |c| c + 1)
    }

    /// Past a wire dateline at `s` ("WASHINGTON (Reuters) -", "Lisbon (AFP)
    /// –"): capitalised words, the agency in brackets and a dash, which
    /// name where the story was filed, not who acts in it.
    fn after_dateline(&self, s: usize, to: usize) -> usize {
        let mut t = s;
        while t < to && t < s + 4 && self.capitalised(t) && !self.quoted(t) {
            t += 1;
        }
        if t == s || t + 3 >= to || !self.punct(t, "(") {
            return s;
        }
        let close = (t + 1..(t + 4).min(to)).find(|&c| self.punct(c, ")"));
        match close {
            Some(c) if c > t + 1 && c + 1 < to && self.dash(c + 1) => c + 2,
            _ => s,
        }
    }

    /// The subject of an infinitive of purpose after a preposition's
    /// object: "went on CNN to declare", "rushed to meet her at HP's
    /// headquarters in Palo Alto to discuss". The noun before "to" is where
    /// or with whom the clause's subject acted, not who speaks. ("for"
    /// names the infinitive's own subject: "time for Congress to act".)
    fn purpose_subject(
        &self,
        cue: &Range<usize>,
        left: usize,
        lenient: bool,
    ) -> Option<SourcePhrase> {
        if !(self.is_word(cue.start) && self.w(cue.start) == "to" && !self.quoted(cue.start)) {
            return None;
        }
        let np = self.np_left(left, self.lo)?;
        let prep = np.start.checked_sub(1).filter(|&p| p > self.lo)?;
        (self.is_word(prep)
            && !self.quoted(prep)
            && self.tag(prep, Kind::Function, "preposition")
            && !matches!(self.w(prep), "of" | "for"))
        .then(|| self.clause_subject_with(self.clause_begin(prep), prep, lenient))
        .flatten()
    }

    /// "was", "has", "will", "could": a finite auxiliary, which opens a
    /// verb phrase.
    fn finite_auxiliary(&self, i: usize) -> bool {
        self.is_be(i)
            || matches!(
                self.w(i),
                "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "should"
                    | "may"
                    | "might"
                    | "must"
                    | "does"
                    | "did"
            )
    }

    /// A reporting verb: find its subject (left, or inverted right), the
    /// audience or venue after it, and its content.
    fn verb(
        &self,
        cue: Range<usize>,
        kind: Kind,
        stance: &'static str,
        before: &[Attribution],
    ) -> Option<Attribution> {
        // "agreed on Friday to reopen the border": agreeing to do something
        // is an act, as "agreed to" is in the grammar.
        let stance = if stance == "endorsing" {
            let mut t = cue.end;
            while t < self.hi
                && self.is_word(t)
                && !self.quoted(t)
                && (self.is(t, Kind::Time)
                    || (self.tag(t, Kind::Function, "preposition")
                        && self.w(t) != "to"
                        && t + 1 < self.hi
                        && self.is(t + 1, Kind::Time)))
            {
                t += 1;
            }
            if t > cue.end && t < self.hi && self.w(t) == "to" {
                "act"
            } else {
                stance
            }
        } else {
            stance
        };
        // "a widely read column", "the publicly stated goal": after an
        // article or an owner and an adverb, a verb form describes the noun
        // after it.
        if cue.len() == 1
            && cue.start >= self.lo + 2
            && cue.end < self.hi
            && self.is_word(cue.end)
            && !self.quoted(cue.end)
            && matches!(
                self.w(cue.start - 2),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our"
            )
            && self.ly_form(cue.start - 1)
        {
            return None;
        }
        // Skip auxiliaries and adverbs leftwards: "has unhesitatingly confirmed".
        let mut k = cue.start;
        let mut passive = false;
        // After "were quick to", "tried to", a copula makes no passive.
        let mut catenated = false;
        loop {
            if k > self.lo && self.skippable_before_cue(k - 1) {
                passive |= self.is_be(k - 1) && !catenated;
                k -= 1;
            } else if k == cue.start
                && k > self.lo + 1
                && self.may_end_in(cue.start, b"g")
                && self.w(cue.start).ends_with("ing")
                && self.is_word(k - 1)
                && !self.quoted(k - 1)
                && matches!(
                    self.w(k - 1),
                    "began" | "begins" | "started" | "starts" | "kept" | "keeps" | "stopped"
                )
            {
                // "As Trump began tweeting": an aspect verb before a
                // participle hands it its subject.
                catenated = true;
                k -= 1;
            } else if let Some(t) = self.catenative_before(k).or_else(|| {
                // "was prompted to say": the cue's own "to" ends the phrase.
                (k == cue.start && cue.len() > 1 && self.w(k) == "to")
                    .then(|| self.catenative_before(k + 1))
                    .flatten()
            }) {
                // "Critics were quick to point out", "Rubio again tried to
                // rebuke": the subject is the catenative's.
                catenated = true;
                k = t;
            } else if k > self.lo + 1
                && self.floating_quantifier(k - 1)
                && ((self.is_word(k - 2) && !self.is(k - 2, Kind::Function))
                    || (self.dash(k - 2) && !self.quoted(k - 2)))
            {
                // "The mayor and the governor both said", "The senators --
                // Cruz, Graham and Paul -- all voted": the quantifier floats
                // after its subject (and an aside in dashes).
                k -= 1;
            } else if let Some(t) = self.time_phrase_before(k) {
                // "Wells Fargo just this month announced", "who in 2010 said"
                k = t;
            } else if let Some(t) = self.adverb_phrase_before(k) {
                // "…, at one point calling the mayor a liar"
                k = t;
            } else if k < cue.start && k > self.lo + 1 && self.document_participle(k - 1) {
                // "a poll released in August found": the participle
                // describes the subject.
                k -= 1;
            } else if let Some(p) = (k > self.lo + 1 && self.punct(k - 1, ","))
                .then(|| self.aside_before(k - 1))
                .flatten()
                // "Phillips, who lost her daughter in Aurora, Colorado, in
                // July 2012, said": a time closing stacked appositions is
                // theirs, not an aside before the town.
                .filter(|&p| {
                    !(self.time_phrase(p + 1..k - 1) && self.stacked_appositions(k - 1).is_some())
                })
            {
                // "Officials, however, said", "Supporters, on the other hand,
                // argued": an aside.
                k = p;
            } else {
                break;
            }
        }
        // "the report released last year found", "in a statement released
        // Thursday": "released" describes the document, it is no act.
        if k == cue.start
            && self.document_participle(cue.start)
            && cue.end < self.hi
            && (self.is(cue.end, Kind::Time)
                || self.is_number(cue.end)
                || (self.tag(cue.end, Kind::Function, "preposition") && self.w(cue.end) != "that"))
        {
            return None;
        }
        let cue_word = self.w(cue.start);
        let participle = cue_word.ends_with("ing");
        // "are backing", "was telling": a progressive is a finite verb,
        // whose subject may stand before an aside.
        let progressive = participle && (k..cue.start).any(|t| self.is_be(t));
        // "was skeptical of", "is angry at": after a copula, an adjective
        // and its preposition; "was first reported" is still a passive.
        let passive =
            passive && (cue.len() == 1 || cue.clone().any(|t| past_participle(self.w(t))));
        let when_asked = stance == "question" && k > self.lo && self.w(k - 1) == "when";
        if (passive || when_asked) && !participle {
            if stance != "question" {
                return self.passive_agent(cue, k, stance);
            }
            // "Clinton was asked whether …", "…, he said when asked about …":
            // a question put to someone by an unnamed asker.
            return self.question_put(cue);
        }
        if k == cue.start && !participle && stance != "question" {
            if let Some(a) = self.reduced_passive(&cue) {
                return Some(a);
            }
        }
        // "won with 38 percent support.", "Republican support, however,":
        // an act takes an object, so a word of acting that ends its clause
        // is a noun.
        // (The clause's end first: the verb's form is a lookup.)
        if stance == "act"
            && cue.len() == 1
            && (cue.end == self.hi
                || (!self.is_word(cue.end)
                    && !matches!(self.seg.tokens[cue.end].kind, TokenKind::Quote(_))))
            && self.bare_form(cue.start)
        {
            return None;
        }
        // "Trump's comments", "the attacks", "his plan": a noun, not a verb.
        if k == cue.start && k > self.lo && self.is_word(k - 1) && !self.quoted(k - 1) {
            // (The word's normal form only where it is compared: most
            // words before a verb are no determiner and no owner in "'s".)
            // "Another said": a pronoun before a verb of speech.
            let det = self.tag(k - 1, Kind::Function, "determiner")
                && match self.w(k - 1) {
                    "that" | "which" | "whose" => false,
                    "another" => !self.is(cue.start, Kind::Speech),
                    _ => true,
                };
            let possessive = self.owner_s(k - 1)
                && !self.is(k - 1, Kind::Pronoun)
                && self.pronoun_has(k - 1).is_none();
            if det || possessive {
                return None;
            }
        }
        // "the TV show", "a phone call", "Trump's talk show": a verb's bare
        // form right after a singular noun is the end of a compound noun, not
        // a present tense, which would need a plural subject ("polls show").
        // A plural noun form after a common noun is a compound noun too
        // ("court challenges", "murder charges"), but not after a poll or a
        // report ("the poll shows").
        // "a simple question", "a misdemeanor charge": nor after "a" and a
        // modifier, whatever the modifier; there the word is a noun even
        // when the grammar lists only its past ("charged").
        let after_a_modifier = k > self.lo + 1
            && self.is_word(k - 1)
            && !self.capitalised(k - 1)
            && self.is_word(k - 2)
            && !self.quoted(k - 2)
            // (All function words, which one bit test tells, and the
            // normal form is compared only then.)
            && self.is(k - 2, Kind::Function)
            && matches!(self.w(k - 2), "a" | "an" | "another" | "each" | "every")
            // "A third say", "a majority want": a share of a crowd speaks.
            && self.share_start(k - 1).is_none()
            // "voters in each state say": the place ends the subject.
            && !(k >= self.lo + 3
                && matches!(self.w(k - 2), "each" | "every")
                && self.place_preposition(k - 3));
        let stem_of_past = |w: &str| {
            let verb = |ending: &str| self.is_verb_form(w, ending);
            !w.ends_with('s') && !w.ends_with("ed") && (verb("ed") || verb("d"))
        };
        if k == cue.start && cue.len() == 1 && self.naming_participle(k) {
            return None;
        }
        if k == cue.start
            && cue.len() == 1
            && k > self.lo
            // The noun's word first: most verbs follow a pronoun or a mark,
            // which it tells, where the verb's form is a lookup.
            && ((self.noun_word(k - 1) && self.bare_form(cue.start) && self.singular_noun(k - 1))
                || (self.is(cue.start, Kind::NounForm)
                    && (self.after_determiner_and_modifier(k)
                        || (cue_word.ends_with('s')
                            && !self.capitalised(k - 1)
                            && !self.is(k - 1, Kind::Document)
                            && self.singular_noun(k - 1)))
                    && !self.object_follows(cue.end))
                || (after_a_modifier
                    && (self.bare_form(cue.start) || stem_of_past(self.w(cue.start))))
                || (cue_word == "reports" && self.modifier_noun(k - 1))
                || (cue_word.ends_with('s')
                    && self.noun_follows(cue.end)
                    && (self.is(cue.start, Kind::NounForm)
                        || self.g.word_is(&cue_word[..cue_word.len() - 1], Kind::Noun)))
                || (self.plural_before(k - 1) && verb_form(cue_word) == Some(VerbForm::Present))
                || (cue_word.ends_with('s')
                    && (self.is(cue.start, Kind::NounForm)
                        || self.g.word_is(&cue_word[..cue_word.len() - 1], Kind::Noun))
                    && self.modified_after_a_preposition(k)
                    && !self.object_follows(cue.end)))
        {
            return None;
        }
        // Speech verbs take any subject; verbs of saying something contested
        // or asking do too. Verbs of confirming, thinking or wanting need a
        // subject that can hold a view ("the invitation confirms" is not one).
        // "homes listed on rental platforms", "the bureau cited in the
        // tweet": a participle describing a noun, not a verb of saying.
        if cue_word.ends_with("ed")
            && cue.len() == 1
            && !self.is(cue.start, Kind::Speech)
            && k == cue.start
            && cue.end < self.hi
            && self.tag(cue.end, Kind::Function, "preposition")
            && !matches!(self.w(cue.end), "that" | "to")
            // "Authorities reported at least 20 victims": no preposition.
            && !self.at_least(cue.end)
            // "that" after another verb is that verb's: "a poll released in
            // August found that …".
            && !(cue.end..(cue.end + 6).min(self.hi))
                .take_while(|&t| !self.is(t, Kind::Verb) && !self.is(t, Kind::Speech))
                .any(|t| self.w(t) == "that" && !self.quoted(t))
            // "…, his aides argued in interviews.": a subject set off after
            // the clause it speaks of is no noun the participle describes.
            && !(k > self.lo
                && self.np_left(k - 1, self.lo).is_some_and(|np| {
                    np.end == k && np.start > self.lo + 1 && self.punct(np.start - 1, ",")
                }))
            // "CNN reported at least six", "he reported on Monday", "Politico
            // reported in 2014": a name or a pronoun says, a time follows.
            && !(matches!(stance, "neutral" | "distancing" | "endorsing")
                && ((k > self.lo
                    && self.is_word(k - 1)
                    && !self.quoted(k - 1)
                    && (self.name_word(k - 1) || self.is(k - 1, Kind::Pronoun)))
                    || (cue.end + 1 < self.hi
                        && (self.is(cue.end + 1, Kind::Time) || self.is_number(cue.end + 1)))))
        {
            return None;
        }
        let speech = self.is(cue.start, Kind::Speech)
            || matches!(stance, "neutral" | "distancing" | "question")
            // "the filings revealed that …": what reveals a fact need not
            // hold a view, but it must state one.
            || (stance == "endorsing"
                && cue.end < self.hi
                && self.is_word(cue.end)
                && self.w(cue.end) == "that");
        let mut subject: Option<SourcePhrase> = None;
        let mut origin: Option<SourcePhrase> = None;
        let mut subject_after_comma = false;
        let mut with: Option<SourcePhrase> = None;
        let mut inverted = false;
        let mut sub_clause = false;
        if k > self.lo {
            let left = k - 1;
            // "Joseph Biden Jr. said": the name may end with an abbreviation's stop.
            if (self.is_word(left) || self.punct(left, ")") || self.abbreviation_stop(left))
                && !self.quoted(left)
            {
                // The word before the verb, compared below with several
                // words, all function words: any other word is passed as an
                // empty form, which none matches, so that most verbs need no
                // normal form here.
                let left_w = if self.is(left, Kind::Function) {
                    self.w(left)
                } else {
                    ""
                };
                if matches!(left_w, "and" | "but") && k >= 2 {
                    // "X thanked … and expressed": the subject of the clause.
                    let holds = |a: &&Attribution| {
                        a.content
                            .is_some_and(|c| c.contains(self.seg.tokens[left].span))
                    };
                    // "He told ABC that he agrees … and said …": the verb in
                    // the same form is its partner, the outermost first;
                    // failing that, the nearest verb whose content holds it.
                    let form = self.cue_form(&cue);
                    let partner = before.iter().filter(holds).find(|a| {
                        form.is_some() && a.source.is_some() && self.cue_form(&a.cue_tokens) == form
                    });
                    // "Carson noted that Saturday would have been … and
                    // quoted": no other verb in that form between them, so
                    // the clause after "that" cannot be what is continued.
                    let sole_partner = partner.is_some_and(|a| {
                        let from = a.cue_tokens.end;
                        // ("to read" is no past: the infinitive's "to" says so.)
                        !(from..left).any(|t| {
                            self.is_word(t)
                                && !self.capitalised(t)
                                && verb_form(self.w(t)) == form
                                && self.w(t - 1) != "to"
                        })
                    });
                    let holder = partner.or_else(|| before.iter().rev().find(holds));
                    // "Paul suggested that … and argued that …": a verb of
                    // speech with a content of its own parallels the first.
                    let parallel = (speech || stance == "endorsing")
                        && cue.end < self.hi
                        && (matches!(self.seg.tokens[cue.end].kind, TokenKind::Quote(_))
                            || self.punct(cue.end, ":")
                            || self.punct(cue.end, ",")
                            || (self.is_word(cue.end)
                                && matches!(self.w(cue.end), "that" | "whether" | "if")));
                    // "Graham called both men 'crazy' and said": the verbs share
                    // the first one's speaker, not its object.
                    // After "according to X," or "said that", the content is a
                    // clause with a subject of its own.
                    subject = holder
                        .filter(|a| {
                            a.kind != AttributionKind::AccordingTo
                                && a.cue.end <= a.content.map_or(0, |c| c.start)
                                && (parallel
                                    || sole_partner
                                    || a.content.is_some_and(|c| {
                                        !self.text[c.start..c.end].starts_with("that ")
                                    }))
                        })
                        .and_then(|a| a.source.clone());
                    let start = holder
                        .and_then(|a| a.content)
                        .map(|c| self.token_at(c.start))
                        .unwrap_or_else(|| {
                            // "None has …, but Judge Garland is … and has
                            // lectured": a clause after ", but" has its own subject.
                            let from = self.joined_clause(left, false).unwrap_or(self.lo);
                            self.after_opener(from, left)
                        });
                    if subject.is_none() {
                        subject = self.np_right(start, left).and_then(|np| {
                            self.analyse(np.clone(), false)
                                .or_else(|| speech.then(|| self.lenient(np)).flatten())
                        });
                    }
                    if subject.is_none() {
                        subject = self.clause_subject(self.clause_begin(left), left);
                    }
                    if subject.is_none() && left > self.lo && self.punct(left - 1, ",") {
                        // "“…,” he said at a news conference, and then
                        // predicted": no clause subject before the quotation's
                        // verb, whose speaker goes on.
                        subject = previous_source(before, k);
                    }
                } else if participle
                    && left > self.lo
                    && self.participle_link(left)
                    && !self.time_span(self.lo, left)
                {
                    // "He defended the ban by citing a poll", "while urging
                    // his critics to pipe down": the clause's subject acts.
                    // A clause joined by ", and" or ", but" has a subject of
                    // its own: "Christie attacked Rubio, and the governor
                    // tripped him up by calling …".
                    let joined = self.joined_clause(left, true);
                    subject = previous_source_but(before, left, |a| {
                        joined.is_some_and(|b| a.cue_tokens.start < b)
                    })
                    .or_else(|| {
                        let from = joined.unwrap_or_else(|| self.clause_begin(left));
                        self.clause_subject_with(from, left, speech)
                    });
                    if subject.is_none() && left > self.lo + 1 && self.punct(left - 1, ",") {
                        // "Sanders, after initially saying he would not
                        // advertise, changed course": the subject before the
                        // aside; what he said ends with it.
                        subject = self
                            .np_left(left - 2, self.lo)
                            .filter(|np| np.start == self.clause_begin(left - 1))
                            .and_then(|np| self.analyse(np, false));
                        sub_clause = subject.is_some();
                    }
                } else if matches!(left_w, "who" | "whom")
                    || (matches!(left_w, "which" | "that")
                        && left > self.lo
                        && self.is_word(left - 1)
                        && !self.quoted(left - 1)
                        && !self.np_stop(left - 1))
                    // "the report, which concluded": after a comma, only a
                    // document or a body; else "which" may stand for a clause.
                    || (left_w == "which"
                        && left > self.lo + 1
                        && self.punct(left - 1, ",")
                        && self.np_left(left - 2, self.lo).is_some_and(|np| {
                            np.into_iter().any(|t| {
                                self.is(t, Kind::Document)
                                    || self.is(t, Kind::Org)
                                    || self.is(t, Kind::Media)
                            })
                        }))
                {
                    // "Trump, who says he is honored", "many of whom say": the
                    // relative pronoun stands for its antecedent.
                    let mut b = left;
                    if b >= self.lo + 2 && self.w(b - 1) == "of" {
                        b -= 2;
                    }
                    let ante_end = if b > self.lo && self.punct(b - 1, ",") {
                        b.checked_sub(2)
                    } else {
                        b.checked_sub(1)
                    };
                    let share = ante_end
                        .filter(|&e| e >= self.lo)
                        .and_then(|e| self.share_np(e));
                    if let Some(np) = share {
                        // "18% who say", "four in 10 who said"
                        subject = Some(SourcePhrase {
                            span: self.span_of(&(left..left + 1)),
                            ..self.vague_share(np)
                        });
                    } else if let Some(e) = ante_end
                        .filter(|&e| e >= self.lo && left_w == "who" && self.w(e) == "those")
                    {
                        // "those who want": as vague as any crowd.
                        subject = Some(SourcePhrase {
                            span: self.span_of(&(left..left + 1)),
                            ..self.vague_share(e..e + 1)
                        });
                    } else if let Some(np) = ante_end
                        .filter(|&e| e >= self.lo)
                        .and_then(|e| self.np_left(e, self.lo))
                    {
                        // "who" stands for people, who can hold a view.
                        let person = matches!(left_w, "who" | "whom");
                        subject = self
                            .analyse(np.clone(), false)
                            .or_else(|| (speech || person).then(|| self.lenient(np)).flatten())
                            .map(|p| SourcePhrase {
                                span: self.span_of(&(left..left + 1)),
                                tokens: p.tokens,
                                phrase: p.phrase,
                                lenient: p.lenient,
                            });
                    }
                } else if let Some(s) = self.purpose_subject(&cue, left, speech) {
                    subject = Some(s);
                } else if let Some(np) = self.np_left(left, self.lo) {
                    let np = self.head_before_place(np, &cue);
                    let np = self.head_before_participle(np);
                    let np = self.head_before_venue(np);
                    // ("groups backing Cruz": a participle right after its noun
                    // describes it.)
                    let np = if participle && k == cue.start {
                        np
                    } else {
                        self.relative_head(np.start).unwrap_or(np)
                    };
                    // "about 6 in 10 white men": a ratio may lead the crowd too.
                    let ratio = self
                        .share_start(np.end - 1)
                        .or_else(|| self.ratio_start(np.start));
                    let share = np.clone();
                    let np = match ratio {
                        Some(start) => start..np.end,
                        None => self.partitive_start(np),
                    };
                    // "56 percent of Cuban-Americans polled": a share of a
                    // crowd, however the crowd is named.
                    let of_crowd = ratio.is_none() && np.start > share.start;
                    // (An `if`, not `then` and `flatten`: the large value was
                    // copied out of a closure and again out of its option.)
                    let first_conjunct = if ratio.is_none() {
                        self.first_conjunct(np.clone())
                    } else {
                        None
                    };
                    // What precedes the whole subject, both conjuncts of
                    // "“…,” the mayor and the governor said" included.
                    let lead = first_conjunct
                        .as_ref()
                        .map_or(np.start, |(f, _, _)| f.start);
                    let name_start = np.start;
                    let lead = self.descriptor_lead(lead);
                    let before_np = lead.checked_sub(1).filter(|&b| b >= self.lo);
                    subject_after_comma = before_np.is_some_and(|b| {
                        self.punct(b, ",")
                            || matches!(self.seg.tokens[b].kind, TokenKind::Quote(_))
                            || self.punct(b, "—")
                    });
                    sub_clause = before_np.is_some_and(|b| {
                        self.subordinator(b)
                            // "At the moment Sanders announced …, Mook was":
                            // a time that a clause describes.
                            || (b > self.lo
                                && matches!(
                                    self.w(b),
                                    "moment" | "day" | "time" | "night" | "week" | "minute"
                                )
                                && matches!(self.w(b - 1), "the" | "that" | "every" | "each"))
                    });
                    subject = if ratio.is_some() {
                        // "Two in three said": a share of a crowd, as vague as the crowd.
                        Some(self.vague_share(np))
                    } else if let Some((first, p, first_p)) = first_conjunct {
                        // "Economists and advocates believe": the speakers
                        // are both conjuncts.
                        let whole = first.start..np.end;
                        with = first_p;
                        Some(SourcePhrase {
                            span: self.span_of(&whole),
                            tokens: whole,
                            ..p
                        })
                    } else {
                        let mut phrase = self.analyse(np.clone(), false).or_else(|| {
                            (speech || self.people_noun(np.end - 1))
                                .then(|| self.lenient(np.clone()))
                                .flatten()
                        });
                        // A share of a crowd is vague. Changed in place, not
                        // mapped: a map moved the phrase out and back in, a
                        // copy each way.
                        if let Some(p) = phrase.as_mut().filter(|_| of_crowd) {
                            if matches!(
                                p.phrase,
                                Phrase::Named { .. }
                                    | Phrase::Descriptor { .. }
                                    | Phrase::Collective(_)
                            ) {
                                p.phrase = Phrase::Vague(self.slice(&share).trim().to_string());
                            }
                        }
                        phrase
                    };
                    if lead < name_start {
                        if let Some(s) = subject.as_mut() {
                            s.tokens.start = lead;
                            s.span = s.span.cover(self.span_of(&(lead..lead + 1)));
                        }
                    }
                    // Not a document ("cited a poll showing") or people ("a
                    // trio of governors seeking"), who may speak themselves.
                    const SPEAKS: u32 = Kind::Document.bit()
                        | Kind::Media.bit()
                        | Kind::Person.bit()
                        | Kind::Title.bit()
                        | Kind::Org.bit()
                        | Kind::Vague.bit()
                        | Kind::Noun.bit();
                    let may_speak = || {
                        share.clone().any(|t| {
                            self.norms.word_kinds(t) & SPEAKS != 0
                                || self.people_noun(t)
                                || self.w(t).starts_with("poll")
                        })
                    };
                    if participle
                        && !progressive
                        && ratio.is_none()
                        && subject.is_some()
                        && !may_speak()
                        // "ended with Maddow asking": whoever follows "with"
                        // does the participle.
                        && !(share.start > self.lo && self.w(share.start - 1) == "with")
                        && self.verb_object(share.start)
                    {
                        // "Sanders opened a rally blasting Clinton", "Clinton
                        // spent much of the run-up to the caucuses portraying
                        // Sanders as …": the noun phrase is what the clause's
                        // verb acts on; its subject does the saying.
                        if let Some(s) =
                            self.clause_subject_with(self.clause_begin(left), share.start, speech)
                        {
                            subject = Some(s);
                        }
                    }
                    // "Sanders was on CNN talking about …": a medium after
                    // "on" or "to" is where the clause's subject speaks.
                    let medium = share.start > self.lo + 1
                        && self.is_word(share.start - 1)
                        && !self.quoted(share.start - 1)
                        && matches!(self.w(share.start - 1), "on" | "to")
                        && share.clone().any(|t| self.is(t, Kind::Media));
                    if participle && ratio.is_none() && subject.is_some() && medium {
                        if let Some(s) = self.clause_subject_with(
                            self.clause_begin(left),
                            share.start - 1,
                            speech,
                        ) {
                            subject = Some(s);
                        }
                    }
                } else if k == cue.start
                    && left_w != "to"
                    && matches!(
                        verb_form(cue_word),
                        Some(VerbForm::Past | VerbForm::Present)
                    )
                {
                    // "Another man who did not want to be named said": no
                    // noun phrase before the finite verb, a relative clause.
                    subject = self
                        .relative_head(k)
                        .and_then(|head| self.analyse(head, false));
                }
            } else if let Some(np) = self.share_np(left) {
                // "42% say"
                subject = Some(self.vague_share(np));
            } else if !participle
                && (self.punct(left, "—") || self.punct(left, "-"))
                && !self.quoted(left)
            {
                // "Kall -- co-editor of Debating The Donald -- said"
                let mut close = left;
                if close > self.lo && self.punct(close - 1, "-") {
                    close -= 1;
                }
                let open = (self.lo..close)
                    .rev()
                    .find(|&d| (self.punct(d, "—") || self.punct(d, "-")) && !self.quoted(d));
                if let Some(mut open) = open {
                    if open > self.lo && self.punct(open - 1, "-") {
                        open -= 1;
                    }
                    if let Some(np) = open
                        .checked_sub(1)
                        .filter(|&e| e >= self.lo)
                        .and_then(|e| self.np_left(e, self.lo))
                    {
                        subject = self
                            .analyse(np.clone(), false)
                            .or_else(|| self.lenient(np.clone()))
                            .map(|p| SourcePhrase {
                                span: p.span.cover(self.span_of(&(open..left + 1))),
                                tokens: np.start..left + 1,
                                phrase: p.phrase,
                                lenient: p.lenient,
                            });
                        subject_after_comma = np.start > self.lo
                            && (self.punct(np.start - 1, ",") || self.quoted(np.start - 1));
                    }
                }
            } else if ((self.punct(left, ",")
                || (participle
                    && self.dash(left)))
                && !self.quoted(left))
                // `… "more work to do," noting …`: the comma inside the quote.
                || self.quoted_comma(left)
            {
                if participle && !progressive {
                    // ", emphasizing that …": the subject of the attribution
                    // before, or else of the clause ("Trump went after Bush,
                    // calling him …").
                    // Not the owner of a noun of saying: "Trump ratcheted up
                    // his attacks on Rubio, saying" is Trump's saying.
                    subject = previous_source_but(before, cue.start, |a| self.owns_noun(a))
                        .or_else(|| {
                            self.clause_subject_with(self.clause_begin(left), left, speech)
                        });
                    if subject.is_none() && left > self.lo && self.punct(left, ",") {
                        // "Durbin, noting the size of the list, said …": the
                        // subject before the aside; what he noted ends with it.
                        subject = self
                            .np_left(left - 1, self.lo)
                            .filter(|np| np.start == self.clause_begin(left))
                            .and_then(|np| self.analyse(np, false));
                        sub_clause = subject.is_some();
                    }
                } else if let Some((s, o)) = self.comma_subject(left) {
                    subject = Some(s);
                    origin = o;
                    subject_after_comma =
                        self.subject_follows_content(subject.as_ref().expect("set").tokens.start);
                }
            }
        }
        // "His office put out a statement saying …", "Clarke co-authored a
        // paper outlining …": the document is how the clause's subject
        // spoke, and the subject is the source.
        let mut issued_in = None;
        if let Some(doc) = subject.as_ref().filter(|d| {
            participle
                && d.tokens.start > self.lo + 1
                && d.tokens.end == k
                // "a statement", or a plural with no determiner: "the KGB
                // planted newspaper articles alleging".
                && (matches!(self.w(d.tokens.start), "a" | "an")
                    || (!self.is_det(d.tokens.start) && self.plural_subject(d.tokens.end - 1)))
                // "a statement Wednesday", "a press release": the phrase
                // may read as something else, but a document heads it.
                && (matches!(
                    d.phrase,
                    Phrase::Descriptor {
                        kind: SourceKind::Document | SourceKind::Media,
                        ..
                    }
                ) || d.tokens.clone().any(|t| self.is(t, Kind::Document)))
        }) {
            let verb = doc.tokens.start - 1;
            let issuer = (self.is_word(verb)
                && !self.quoted(verb)
                // "put out", "sent up": a verb's particle.
                && (!self.is(verb, Kind::Function) || matches!(self.w(verb), "out" | "up"))
                && !self.capitalised(verb))
            // Whoever issues a statement speaks through it, whatever noun
            // names them ("The town released a statement").
            .then(|| self.clause_subject_with(self.clause_begin(verb), doc.tokens.start, true))
            .flatten();
            if let Some(s) = issuer {
                issued_in = subject.replace(s);
            }
        }
        // "Noting that …, Trump reminded", "After saying he was nervous, the
        // man …": an opening participle clause shares the main clause's subject.
        // "One month after announcing …, Rubio": a span of time may lead.
        let opening = participle
            && (k == self.lo
                || (k > self.lo
                    && self.participle_link(k - 1)
                    && (k == self.lo + 1 || self.time_span(self.lo, k - 1))));
        if subject.is_none() && opening {
            subject = (cue.end..self.hi)
                .filter(|&c| self.punct(c, ",") && !self.quoted(c))
                .take(4)
                .find_map(|c| self.clause_subject(c + 1, self.hi));
            sub_clause = subject.is_some();
        }
        // "Clinton paused, then revealed why …": a second predicate of the
        // clause's subject.
        if subject.is_none()
            && !participle
            && k < cue.start
            && k > self.lo + 1
            && self.w(k) == "then"
            && self.punct(k - 1, ",")
        {
            subject = self.clause_subject(self.clause_begin(k - 1), k - 1);
        }
        let mut post = cue.end;
        if subject.is_none() {
            // Inversion: "…," said Mayor Ana Lopes.
            let at = k.checked_sub(1).filter(|&l| l >= self.lo);
            let after_content = at.is_some_and(|l| {
                self.punct(l, ",") || matches!(self.seg.tokens[l].kind, TokenKind::Quote(_))
            });
            // "…, implied that Lewandowski …": a clause follows, not a subject.
            let clause_next = cue.end < self.hi
                && self.is_word(cue.end)
                && matches!(
                    self.w(cue.end),
                    "that" | "which" | "whose" | "whether" | "if"
                );
            if after_content && clause_next {
                // The clause's subject, or the speaker before: "Trump, in a
                // tweet on Sunday, implied that …".
                subject = at
                    .and_then(|l| self.clause_subject(self.clause_begin(l), l))
                    .or_else(|| {
                        // "Sanders, meanwhile, who sits at zero, said that …"
                        at.filter(|&l| !participle && self.punct(l, ","))
                            .and_then(|l| self.subject_before_aside(l, speech))
                    })
                    .or_else(|| previous_source(before, k));
            } else if let Some(s) = at
                .filter(|&l| after_content && !participle && self.punct(l, ","))
                .and_then(|l| self.subject_before_aside(l, speech))
            {
                // "Hemsley, the co-author of …, said the days …": the
                // subject, an aside, then the verb; not an inversion.
                subject = Some(s);
            } else if after_content
                && !participle
                // In a headline in Title Case a capitalised verb after a
                // comma is the subject's second predicate ("Clinton Says
                // …, Calls Trump's Remarks 'Troubling'"), no inversion.
                && !(self.capitalised(cue.start) && self.title_case())
            {
                let np = self.np_right(cue.end, self.hi)?;
                // "said one Republican involved in the planning, who spoke on
                // condition of anonymity"
                let anonymous = self.has_phrase(np.end..self.hi, Kind::Anonymous);
                let s = self
                    .analyse(np.clone(), anonymous)
                    .or_else(|| speech.then(|| self.lenient(np.clone())).flatten())?;
                // "said one Republican involved in the planning, who …"
                let ends = np.end >= self.hi
                    || !self.is_word(np.end)
                    || self.is(np.end, Kind::Function)
                    || self.participle(np.end);
                if !ends {
                    return None;
                }
                if np.end < self.hi && self.finite_auxiliary(np.end) {
                    // Not "said his boss was …": a verb after the phrase
                    // makes it the subject of what was said, and the speaker
                    // is before the comma ("about two-thirds, 67 percent,
                    // say they will …").
                    let l = at.expect("after a comma or a quotation");
                    subject = l
                        .checked_sub(1)
                        .filter(|&e| e >= self.lo && self.punct(l, ","))
                        .and_then(|e| self.share_np(e))
                        .map(|np| self.vague_share(np))
                        .or_else(|| {
                            self.punct(l, ",")
                                .then(|| self.subject_before_aside(l, true))
                                .flatten()
                        })
                        .or_else(|| {
                            // "Yin Myint May, 60, a doctor, said she was …",
                            // "Aides spent the day …, confident that she can …"
                            let b = self.clause_begin(l);
                            self.np_right(b, l)
                                .filter(|np| np.end < l && self.punct(np.end, ","))
                                .and_then(|np| {
                                    self.analyse(np.clone(), false)
                                        .or_else(|| speech.then(|| self.lenient(np)).flatten())
                                })
                                .or_else(|| self.clause_subject(b, l))
                        });
                    subject.as_ref()?;
                } else {
                    subject = Some(s);
                    inverted = true;
                    post = np.end;
                }
            } else if !participle
                && speech
                && self.capitalised(cue.start)
                && (k == self.lo
                    || (k == self.lo + 1 && matches!(self.w(self.lo), "so" | "and" | "but")))
            {
                // An opening inversion: "Said Comey, “…”", "So says a voice at the end".
                let np = self.np_right(cue.end, self.hi)?;
                let s = self
                    .analyse(np.clone(), false)
                    .or_else(|| self.lenient(np.clone()))?;
                let next = np.end;
                let closes = next >= self.hi
                    || self.punct(next, ",")
                    || self.punct(next, ":")
                    || matches!(self.seg.tokens[next].kind, TokenKind::Quote(_));
                if !closes {
                    return None;
                }
                subject = Some(s);
                post = (next..self.hi)
                    .find(|&q| matches!(self.seg.tokens[q].kind, TokenKind::Quote(_)))
                    .unwrap_or((next + 1).min(self.hi));
            } else {
                return None;
            }
        }
        let subject = subject?;
        // "a poll released last week", "a statement issued Monday": a
        // document does not act (release, issue, file, vote); it is what
        // is acted on, the verb a participle describing it.
        if !inverted
            && subject.tokens.end == k
            && stance == "act"
            && matches!(
                subject.phrase,
                Phrase::Descriptor {
                    kind: SourceKind::Document,
                    ..
                }
            )
        {
            return None;
        }
        // After the verb: audience ("told the Courier"), venue ("wrote on X").
        let mut venue = issued_in;
        if kind == Kind::VerbObject || self.w(cue.end - 1) == "on" {
            if let Some(np) = self.np_right(post, self.hi) {
                if let Some(v) = self.analyse(np.clone(), false) {
                    let is_venue = matches!(
                        &v.phrase,
                        Phrase::Named {
                            kind: SourceKind::Media,
                            ..
                        } | Phrase::Descriptor {
                            kind: SourceKind::Media,
                            ..
                        }
                    ) || (self.w(cue.end - 1) == "on"
                        && matches!(v.phrase, Phrase::Named { .. })
                        // "wrote on Twitter", but not "focused on Trump":
                        // only a verb of speech or writing has a medium.
                        && (self.is(cue.start, Kind::Speech)
                            || matches!(
                                self.w(cue.start),
                                "wrote" | "writes" | "writing" | "posted" | "posts" | "posting"
                            )));
                    // The audience or the medium is not what is said;
                    // after "focused on", the name is.
                    if is_venue || kind == Kind::VerbObject {
                        post = np.end;
                    }
                    if is_venue {
                        venue = Some(v);
                    }
                } else if kind == Kind::VerbObject {
                    // "told a tale of two parties", "told a joke": an
                    // indefinite object that names no one, with nothing
                    // said after it, is what is told; an audience is
                    // mostly definite or named ("told his audience", "told
                    // a Senate panel").
                    let ends = np.end >= self.hi
                        || self.punct(np.end, ".")
                        || (self.punct(np.end, ",")
                            && !(np.end + 1 < self.hi
                                && matches!(
                                    self.seg.tokens[np.end + 1].kind,
                                    TokenKind::Quote(_)
                                )));
                    let told = ends
                        && matches!(self.w(np.start), "a" | "an")
                        && !np.clone().any(|t| self.capitalised(t));
                    if !told {
                        post = np.end;
                    }
                }
            } else if kind == Kind::VerbObject
                && post + 1 < self.hi
                && self.is(post, Kind::Pronoun)
                && self.is_word(post + 1)
                && !self.quoted(post)
            {
                // "told her it was over": "her" is the audience, not a
                // determiner.
                post += 1;
            }
        }
        // Content: after the verb unless nothing substantive follows and
        // content precedes ("…, the company said in a statement.").
        let post_content = self.post_content(post);
        let pre_start = self.clause_begin(subject.tokens.start.min(k));
        let pre_content = if inverted {
            self.content_before(pre_start, k.saturating_sub(1).max(self.lo))
        } else if subject_after_comma {
            // "As many experts, including Goldberg, have noted, …": an "as"
            // before the subject opens a clause of saying, whose content is
            // the main clause beside it (`as_clause_content`).
            let opens_as = subject.tokens.start > self.lo
                && self.w(subject.tokens.start - 1) == "as"
                && !self.quoted(subject.tokens.start - 1);
            self.content_before(pre_start, subject.tokens.start)
                .filter(|&c| !opens_as && !self.only_opener(c))
        } else {
            None
        };
        // "In some ways, the brothers noted, Trump might like it": after an
        // opener, a verb set off by commas is parenthetical, and the clause
        // after it is what was said.
        let parenthetical = (subject_after_comma
            && pre_content.is_none()
            && post < self.hi
            && self.punct(post, ",")
            && !self.quoted(post))
        .then(|| self.content_after(post + 1))
        .flatten()
        .filter(|c| {
            let t = self.token_at(c.start);
            self.is_word(t)
                && !self.quoted(t)
                && (self.is_det(t)
                    || !(self.is(t, Kind::Function)
                        || self.w(t).ends_with("ing")
                        || self.ly_adverb(t)))
        });
        let post_content = post_content.or(parenthetical);
        // A quotation closing right before the subject ("“…,” Brandt told
        // reporters outside") is the content, whatever hangs after the verb.
        // After an inversion ("“…,” said a longtime adviser to Trump") the
        // words before are what is said, whatever follows the speaker.
        let quote_first = pre_content.is_some()
            && subject.tokens.start > self.lo
            && (inverted
                || self.quoted(subject.tokens.start - 1)
                || (subject.tokens.start >= self.lo + 2
                    && self.punct(subject.tokens.start - 1, ",")
                    && self.quoted(subject.tokens.start - 2)));
        // Unless the words before open with something else and a clause or
        // an object follows: "Citing “obligations in Tennessee,” the
        // spokeswoman told POLITICO that Gore plans to skip it", "Walking in
        // to chants of “Marco!,” the senator said his campaign was strong".
        // A phrase after the verb ("proclaimed to a cheering crowd", "said
        // twice") says nothing, and after an inversion only "that" does.
        let quote_first = quote_first
            && !(post_content.is_some_and(|c| {
                let t = self.token_at(c.start);
                self.w(t) == "that"
                    || (!inverted
                        && self.is_word(t)
                        && !self.quoted(t)
                        && (self.is_det(t) || self.is(t, Kind::Pronoun)))
            }) && pre_content.is_some_and(|c| {
                !matches!(
                    self.seg.tokens[self.token_at(c.start)].kind,
                    TokenKind::Quote(_)
                )
            }));
        // "…, the office said Tuesday — a development that worries
        // investors": a dash after the verb opens a comment on the whole
        // report, not what was reported.
        let post_content =
            post_content.filter(|c| pre_content.is_none() || !self.dash(self.token_at(c.start)));
        let mut content = match (pre_content, post_content) {
            (Some(pre), _) if quote_first => Some(pre),
            (Some(pre), None) => Some(pre),
            (_, Some(post)) => Some(post),
            (None, None) => None,
        };
        if content.is_none() && !inverted {
            content = self.as_clause_content(subject.tokens.start, cue.end);
        }
        // "knew of the effort", but not "“…?” Trump said of Apple": what a
        // speaker says something of is the topic; the words are elsewhere.
        if content.is_none()
            && post == cue.end
            && !(matches!(self.w(cue.start), "said" | "says" | "say" | "saying")
                && post < self.hi
                && self.w(post) == "of")
        {
            content = self.prepositional_complement(post);
        }
        // "Humphrey, who calls Trump a “sociopath,” said …": a relative
        // clause set off by commas ends at the next one, inside a closing
        // quotation or not.
        // So does one after an apposition ("Grove, the editor who wrote
        // the profile, tweeted …").
        let relative_aside = k > self.lo + 1
            && self.is_word(k - 1)
            && matches!(self.w(k - 1), "who" | "whom" | "which")
            && !self.quoted(k - 2)
            && (self.punct(k - 2, ",")
                || self.np_left(k - 2, self.lo).is_some_and(|np| {
                    np.start > self.lo + 1
                        && self.punct(np.start - 1, ",")
                        && !self.quoted(np.start - 1)
                }));
        if sub_clause || relative_aside {
            // "While Putin claimed that …, the dictator pledged …": the content
            // ends with the subordinate clause.
            if let Some(c) = content {
                if let Some(end) = (cue.end..self.hi).find_map(|t| {
                    if !c.contains(self.seg.tokens[t].span) {
                        None
                    } else if self.punct(t, ",") && !self.quoted(t) {
                        Some(t)
                    } else if relative_aside && self.quoted_comma(t) {
                        Some(t + 1)
                    } else {
                        None
                    }
                }) {
                    content = self.content_before(self.token_at(c.start), end);
                }
            }
        }
        let content = content.map(|c| self.widen_to_quotes(c));
        // "the invitation confirms that …": a thing that bears a fact out
        // is the article's own inference, listed but vouching for nothing.
        let stance =
            if stance == "endorsing" && subject.lenient && !self.is(cue.start, Kind::Speech) {
                "act"
            } else {
                stance
            };
        Some(Attribution {
            kind: AttributionKind::Indirect,
            stance,
            cue: self.span_of(&cue),
            cue_tokens: cue,
            // (Only while the subject is still the coordination it came from.)
            with: with
                .filter(|w| {
                    w.tokens.start == subject.tokens.start && w.tokens.end < subject.tokens.end
                })
                .map(Box::new),
            source: Some(subject),
            content,
            venue: venue.map(Box::new),
            origin: origin.map(Box::new),
            hearsay: None,
            weasel: false,
            nested_in: None,
            embedded: false,
        })
    }

    /// "The plan was criticized by civil rights groups": a passive whose
    /// agent is named after "by" reports an act of the agent's on the
    /// subject before the verb (from token `k`, the first auxiliary). The
    /// subject is no statement of the agent's, so the act does not vouch for
    /// the sentence ("The strike was called by the union" is the article's
    /// own claim). With no agent, see [`Reader::agentless_passive`].
    fn passive_agent(&self, cue: Range<usize>, k: usize, stance: &str) -> Option<Attribution> {
        let by = cue.end;
        if by + 1 >= self.hi || !self.is_word(by) || self.quoted(by) || self.w(by) != "by" {
            return self.agentless_passive(cue, k, stance);
        }
        let np = self.np_right(by + 1, self.hi)?;
        if np
            .clone()
            .any(|t| self.is(t, Kind::Time) || self.is_number(t))
        {
            return None;
        }
        let source = self
            .analyse(np.clone(), false)
            .or_else(|| self.lenient(np))?;
        let content = self.content_before(self.clause_begin(k.saturating_sub(1).max(self.lo)), k);
        Some(self.attribution(AttributionKind::Indirect, "act", cue, Some(source), content))
    }

    /// "measures added by Republicans", "The bill, opposed by House
    /// Republicans, …": a past participle after a noun, with its agent
    /// after "by", is a passive cut short. The agent acted on the noun
    /// phrase, which is the content. Only an agent that reads as a speaker
    /// counts, so that an active verb before "by" ("the senator responded
    /// by phone") stays one. Like [`Reader::passive_agent`], an act.
    fn reduced_passive(&self, cue: &Range<usize>) -> Option<Attribution> {
        let (k, by) = (cue.start, cue.end);
        if k <= self.lo
            || by + 1 >= self.hi
            || !self.is_word(by)
            || self.quoted(by)
            || self.w(by) != "by"
            || !past_participle(self.w(cue.end - 1))
        {
            return None;
        }
        // The noun it follows, or the noun before the comma opening the aside.
        let head = if self.punct(k - 1, ",") && !self.quoted(k - 1) {
            k.checked_sub(2).filter(|&h| h >= self.lo)?
        } else {
            k - 1
        };
        if !self.is_word(head)
            || self.quoted(head)
            || self.capitalised(head)
            || self.is(head, Kind::Function)
            || self.is(head, Kind::Pronoun)
            // "a video posted by CBN", "the memo seen by Reuters": where
            // words were published, not what someone did to a claim.
            || self.is(head, Kind::Document)
        {
            return None;
        }
        let noun = self.np_left(head, self.lo)?;
        let agent = self.np_right(by + 1, self.hi)?;
        let source = self.analyse(agent, false)?;
        let content = Some(self.span_of(&noun));
        Some(self.attribution(
            AttributionKind::Indirect,
            "act",
            cue.clone(),
            Some(source),
            content,
        ))
    }

    /// "Economists and advocates believe", "Smith and Jones said": when the
    /// subject phrase `np` before a verb follows "and" or "or" and another
    /// phrase that can speak, that phrase and the analysis that names the
    /// speakers (the last conjunct's, else the first's). Both must be able
    /// to hold a view, or a clause before would be swallowed: "He went home
    /// and his aides said".
    /// "The mayor and the governor": the first conjunct's tokens, the
    /// phrase that stands for the whole (the last conjunct's, or the
    /// first's if the last reads as nothing), and the first conjunct's own
    /// phrase when both read as sources.
    #[allow(clippy::type_complexity)]
    fn first_conjunct(
        &self,
        np: Range<usize>,
    ) -> Option<(Range<usize>, SourcePhrase, Option<SourcePhrase>)> {
        let and = np.start.checked_sub(1).filter(|&a| a > self.lo)?;
        if !self.is_word(and) || self.quoted(and) || !matches!(self.w(and), "and" | "or") {
            return None;
        }
        let first = self.np_left(and - 1, self.lo)?;
        if first.end != and
            || first.start > self.lo
                && self.is_word(first.start - 1)
                && !self.is(first.start - 1, Kind::Function)
        {
            return None;
        }
        let first_p = self.analyse(first.clone(), false)?;
        // A pronoun is a conjunct only where a clause opens: "She and her
        // husband supported …", not "… told him and his aides said".
        let opens = first.start == self.lo || !self.is_word(first.start - 1);
        if matches!(first_p.phrase, Phrase::Pronoun(_)) && !opens {
            return None;
        }
        // "The mayor or the governor": one of them spoke, not both.
        let both = self.w(and) == "and";
        Some(match self.analyse(np, false) {
            Some(last_p) => (first, last_p, both.then_some(first_p)),
            None => (first, first_p, None),
        })
    }

    /// "Sanders was declared the winner", "the plan was criticized for …":
    /// a passive of saying or thinking with no agent says that someone
    /// unnamed said or thought something of the subject. Its content is the
    /// subject; it vouches for nothing. Passives of acting ("was released",
    /// "was filed") are mostly the article's own report of an event.
    fn agentless_passive(&self, cue: Range<usize>, k: usize, stance: &str) -> Option<Attribution> {
        // Fewer irregular forms than [`past_participle`]: "is found", "was
        // made", "was held" are mostly events too.
        let w = self.w(cue.start);
        let participle = w.ends_with("ed")
            || matches!(
                w,
                "told" | "shown" | "seen" | "said" | "known" | "thought" | "heard"
            );
        if stance == "act" || !participle {
            return None;
        }
        let begin = self.clause_begin(k.saturating_sub(1).max(self.lo));
        // "It was revealed in March that …": the clause after is what was
        // said, not the expletive.
        let content = (k > begin && self.w(k - 1) == "it")
            .then(|| self.post_content(cue.end))
            .flatten()
            .or_else(|| self.content_before(begin, k))?;
        Some(self.attribution(AttributionKind::NoSource, "act", cue, None, Some(content)))
    }

    /// "weighed in on the deal", "ruled against the plan", "knew of the
    /// effort": when nothing else follows the verb, the object of a
    /// preposition right after it is what the verb is about. A time, a
    /// document or a medium there says when or where ("said on Monday",
    /// "wrote on Twitter"), not what; "in" and "for" mostly do ("for
    /// several weeks", "in many ways"), so they are left out.
    fn prepositional_complement(&self, p: usize) -> Option<Span> {
        if p + 1 >= self.hi || !self.is_word(p) || self.quoted(p) {
            return None;
        }
        if !matches!(self.w(p), "about" | "on" | "of" | "against") {
            return None;
        }
        let np = self.np_right(p + 1, self.hi)?;
        if (np.clone()).any(|t| self.is(t, Kind::Time) || self.is(t, Kind::Document))
            || self.is_number(np.start)
        {
            return None;
        }
        if let Some(v) = self.analyse(np.clone(), false) {
            if matches!(
                v.phrase,
                Phrase::Named {
                    kind: SourceKind::Media,
                    ..
                } | Phrase::Descriptor {
                    kind: SourceKind::Media | SourceKind::Document,
                    ..
                }
            ) {
                return None;
            }
        }
        self.content_after(p + 1)
    }

    /// "As The Post reported, the inspector issued subpoenas", "…, as Comey
    /// noted": a clause of saying opened by "as" vouches for the main
    /// clause beside it. `s` is the subject's first token, `after` the token
    /// after the verb.
    fn as_clause_content(&self, s: usize, after: usize) -> Option<Span> {
        let as_ = s.checked_sub(1).filter(|&a| a >= self.lo)?;
        if !self.is_word(as_) || self.quoted(as_) || self.w(as_) != "as" {
            return None;
        }
        let begin = self.clause_begin(as_);
        let after_comma = as_ > begin && self.punct(as_ - 1, ",") && !self.quoted(as_ - 1);
        // "As …", "But as …", "And, as …"
        let opens =
            (begin..as_).all(|k| !self.is_word(k) || self.tag(k, Kind::Function, "conjunction"));
        if !after_comma && !opens {
            return None;
        }
        // The clause of saying ends at the next comma; what follows it is
        // the main clause, unless the clause of saying ends the sentence.
        let close = (after..self.hi).find(|&k| self.punct(k, ",") && !self.quoted(k));
        // "After all, as we saw …", "If, as I've suggested, …": a short
        // opener before is no clause of its own.
        let opener = opens || (begin..as_).filter(|&k| self.is_word(k)).count() <= 2;
        match close {
            Some(c) if opener || (c + 1..self.hi).any(|k| self.is_word(k)) => {
                self.content_after(c + 1)
            }
            _ if !opener => self.content_before(begin, as_ - 1),
            _ => None,
        }
    }

    /// The next paragraph, when this sentence ends its paragraph with a
    /// colon that closes the verb phrase ending at token `after` ("Hewitt
    /// writes:", "She went on to say:"): a quotation opening it is taken
    /// inside its marks.
    fn paragraph_after_colon(&self, after: usize) -> Option<Span> {
        let colon = self.hi.checked_sub(1)?;
        if colon < after || !self.punct(colon, ":") || self.quoted(colon) {
            return None;
        }
        // Only adverbials between the verb and the colon ("said at a rally
        // on Monday:"); a clause there is the content and needs no help.
        if (after..colon).any(|k| self.quoted(k) || self.w(k) == "that") {
            return None;
        }
        let paras = &self.seg.paragraphs;
        let here = paras.partition_point(|p| p.tokens.end <= colon);
        if paras.get(here)?.tokens.end != self.hi {
            return None;
        }
        let next = paras.get(here + 1).filter(|p| !p.tokens.is_empty())?;
        let first = next.tokens.start;
        match self.seg.quote_of(first) {
            Some(q) if q.open == first => Some(q.inner),
            _ => Some(next.span),
        }
    }

    /// The subject of a verb after `comma` when the clause opens with a noun
    /// phrase followed only by asides: "The employee, a Republican who spoke
    /// on condition of anonymity, said", "Many studies, often conducted by
    /// comparing counties, have found". Each aside opens with a word that
    /// cannot start a predicate (a determiner, preposition, relative word,
    /// adverb or participle); one opening with an auxiliary ("…, will cost
    /// $5 billion, said the spokesman") makes the clause the content of an
    /// inversion instead.
    fn subject_before_aside(&self, comma: usize, lenient: bool) -> Option<SourcePhrase> {
        let mut start = self.clause_begin(comma);
        while start < comma
            && (!self.is_word(start)
                || self.tag(start, Kind::Function, "conjunction")
                || matches!(self.w(start), "yet" | "so" | "still"))
        {
            start += 1;
        }
        let first = (start..comma).find(|&k| self.punct(k, ",") && !self.quoted(k))?;
        let np = self.np_right(start, first).filter(|r| r.end == first)?;
        if np
            .clone()
            .any(|k| self.quoted(k) || self.cue_at(k).is_some())
        {
            return None;
        }
        let mut seg = first;
        while seg < comma {
            let open = seg + 1;
            if open >= comma || !self.is_word(open) || self.quoted(open) {
                return None;
            }
            let aside = ["determiner", "preposition", "relative", "adverb"]
                .iter()
                .any(|t| self.tag(open, Kind::Function, t))
                || self.ly_adverb(open)
                || self.participle(open)
                // "The paper, long a vocal advocate of reform, writes …"
                || (open + 1 < comma && self.tag(open + 1, Kind::Function, "determiner"));
            if !aside || self.tag(open, Kind::Function, "aux") {
                return None;
            }
            seg = (open..=comma)
                .find(|&k| self.punct(k, ",") && !self.quoted(k))
                .unwrap_or(comma);
        }
        self.analyse(np.clone(), false)
            .or_else(|| lenient.then(|| self.lenient(np)).flatten())
    }

    /// The inside of a quotation that closes right before this sentence, in
    /// the same paragraph ("“… are missing.” Trump said."), if the sentence
    /// itself opens outside any quotation.
    fn quotation_just_before(&self) -> Option<Span> {
        let close = self.lo.checked_sub(1)?;
        if self.quoted(self.lo) {
            return None;
        }
        let q = self.seg.quote_of(close)?;
        let gap = self.seg.tokens[close].span.end..self.seg.tokens[self.lo].span.start;
        (q.close == Some(close) && !self.text[gap].contains('\n')).then_some(q.inner)
    }

    /// "Reuters, citing two diplomats, reported …" and "Citing two
    /// diplomats, Reuters reported …": besides saying what it says, the
    /// source cites something, and that is an attribution of its own (the
    /// cited source is also the chain's origin). `pending` holds relay
    /// cues read before the attribution they belong to.
    fn add_citing(&self, out: &mut Vec<Attribution>, pending: &[Range<usize>]) {
        let mut citing: Vec<Attribution> = Vec::new();
        for a in out.iter() {
            let (Some(o), Some(source)) = (&a.origin, &a.source) else {
                continue;
            };
            let start = o.tokens.start;
            let relay = (start.saturating_sub(3).max(self.lo)..start).find_map(|k| {
                self.relay_at(k)
                    .filter(|n| k + n <= start)
                    .map(|n| k..k + n)
            });
            if let Some(cue) = relay {
                citing.push(self.relay(cue, Some(source.clone())));
            }
        }
        for cue in pending {
            let Some(p) = out
                .iter()
                .position(|a| a.cue_tokens.start >= cue.end && a.source.is_some())
            else {
                continue;
            };
            if out[p].origin.is_none() {
                let np = self.np_right(cue.end, self.hi);
                let cited = np.and_then(|r| self.analyse(r, false));
                out[p].origin = cited
                    .filter(|c| !matches!(c.phrase, Phrase::Pronoun(_)))
                    .map(Box::new);
            }
            citing.push(self.relay(cue.clone(), out[p].source.clone()));
        }
        // Most sentences cite nothing: no loop over an empty list to drop.
        if citing.is_empty() {
            return;
        }
        for a in citing {
            let taken = out.iter().any(|b| b.cue_tokens.start == a.cue_tokens.start);
            if !taken {
                let at = out.partition_point(|b| b.cue_tokens.start < a.cue_tokens.start);
                out.insert(at, a);
            }
        }
    }

    /// "Clinton drew strong support from women", "The plan has drawn
    /// criticism from Republicans": the holder named after the noun is the
    /// source, the clause's subject what is held. Not "in support of the
    /// bill", where a preposition, not a verb, takes the noun.
    fn held_by(&self, cue: Range<usize>, stance: &'static str) -> Option<Attribution> {
        // What is held need not be a source: "The proposal drew …".
        let subject = self.clause_subject_with(self.clause_begin(cue.start), cue.start, true)?;
        if !self.verb_phrase_between(subject.tokens.end..cue.start) {
            return None;
        }
        let np = self.np_right(cue.end, self.hi)?;
        let source = self
            .analyse(np.clone(), false)
            .or_else(|| self.lenient(np))?;
        let content = Some(subject.span);
        let cue = subject.tokens.end..cue.end;
        Some(self.attribution(
            AttributionKind::Indirect,
            stance,
            cue,
            Some(source),
            content,
        ))
    }

    /// The attribution of a relay cue ("citing X"): its source cites what
    /// follows, up to the comma that closes it.
    fn relay(&self, cue: Range<usize>, source: Option<SourcePhrase>) -> Attribution {
        let content = self.cited(cue.end);
        self.attribution(AttributionKind::Indirect, "relay", cue, source, content)
    }

    /// What a relay cue ending at `s` names, up to the comma that closes
    /// it: "citing [data from the U.S. State Department],".
    fn cited(&self, s: usize) -> Option<Span> {
        // Any comma: a quoted name closes with one ("citing “the unique
        // magic of Trump,” said").
        let end = (s..self.hi)
            .find(|&k| self.punct(k, ","))
            .unwrap_or(self.hi);
        let words = (s..end).filter(|&k| self.is_word(k));
        let (first, last) = (words.clone().next()?, words.last()?);
        Some(self.span_of(&(first..last + 1)))
    }

    /// An attribution with no venue, origin or hearsay of its own.
    fn attribution(
        &self,
        kind: AttributionKind,
        stance: &'static str,
        cue: Range<usize>,
        source: Option<SourcePhrase>,
        content: Option<Span>,
    ) -> Attribution {
        Attribution {
            kind,
            stance,
            cue: self.span_of(&cue),
            cue_tokens: cue,
            source,
            with: None,
            content,
            venue: None,
            origin: None,
            hearsay: None,
            weasel: false,
            nested_in: None,
            embedded: false,
        }
    }

    fn token_at(&self, byte: usize) -> usize {
        let toks = &self.seg.tokens[self.lo..self.hi];
        self.lo + toks.partition_point(|t| t.span.start < byte)
    }

    /// Is `c` no more than an opener, a time or a place with no clause in
    /// it ("Wednesday on Fox News Channel's “Fox & Friends,”", "In a 1963
    /// speech", "Instead"), which sets the scene for what is said but is
    /// not it?
    fn only_opener(&self, c: Span) -> bool {
        let (from, to) = (self.token_at(c.start), self.token_at(c.end - 1) + 1);
        let Some(first) = (from..to).find(|&t| self.is_word(t)) else {
            return false;
        };
        let opens = !self.quoted(first)
            && (self.tag(first, Kind::Function, "preposition")
                || self.is(first, Kind::Time)
                || self.ly_adverb(first)
                || self.tag(first, Kind::Function, "adverb")
                // "And, Kasich tells the crowd, he's …", but not "Or maybe
                // the mayor, X says": only adverbs may follow the conjunction.
                || (self.tag(first, Kind::Function, "conjunction")
                    && (first + 1..to).all(|t| {
                        !self.is_word(t)
                            || self.tag(t, Kind::Function, "adverb")
                            || self.ly_adverb(t)
                    }))
                || self.w(first) == "instead");
        opens
            && (from..to).all(|t| {
                !self.is_word(t)
                    // A title in quotation marks ("“Fox & Friends,”"), not
                    // quoted words ("In past campaigns, “we felt …,” he said").
                    || (self.quoted(t) && self.capitalised(t))
                    || t == first
                    || !self.np_stop(t)
                    || self.tag(t, Kind::Function, "preposition")
                    // "Even then, he said, …"
                    || self.tag(t, Kind::Function, "adverb")
                    || self.is(t, Kind::Time)
            })
    }

    /// The first token of the last clause before `end` that ", but" (or,
    /// when `and` is set, ", and") joins on: it has a subject of its own.
    fn joined_clause(&self, end: usize, and: bool) -> Option<usize> {
        (self.lo + 1..end)
            .rev()
            .find(|&b| {
                self.punct(b - 1, ",")
                    && self.is_word(b)
                    && !self.quoted(b)
                    && (self.w(b) == "but" || (and && self.w(b) == "and"))
            })
            .map(|b| b + 1)
    }

    /// Whether the attribution is a noun of saying and its owner ("his
    /// attacks on", "Trump's pledge to").
    fn owns_noun(&self, a: &Attribution) -> bool {
        a.source.as_ref().is_some_and(|s| {
            let last = s.tokens.end.saturating_sub(1);
            s.tokens.end <= a.cue_tokens.start
                && s.tokens.end > s.tokens.start
                && (self.is_possessive_mark(last)
                    || (self.is_word(last)
                        && (matches!(self.w(last), "his" | "her" | "their" | "its")
                            || self.w(last).ends_with("'s"))))
        })
    }

    /// A word that counts a plural: "many [claims]", "several [calls]",
    /// "two [reports]". A verb in "-s" agrees with a singular, so after one
    /// of these the "-s" word is a plural noun.
    fn plural_before(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.quoted(i)
            && (matches!(
                self.w(i),
                "many"
                    | "several"
                    | "various"
                    | "numerous"
                    | "few"
                    | "both"
                    | "these"
                    | "those"
                    | "multiple"
                    | "countless"
                    | "other"
            ) || (self.is_number(i) && self.w(i) != "one"))
    }

    /// A lowercase word that can only modify a noun after it: "news
    /// [reports]", "user [reports]", "domestic-abuse police [reports]".
    /// Not a function word, a pronoun or an adverb, which a verb may follow.
    fn modifier_noun(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.quoted(i)
            && !self.capitalised(i)
            && !self.is(i, Kind::Function)
            && !self.is(i, Kind::Pronoun)
            && !self.ly_adverb(i)
            && verb_form(self.w(i)).is_none()
    }

    /// Is the noun phrase starting at `np` the object of a finite verb
    /// before it, through any prepositional phrases ("opened [a rally]",
    /// "spent much of the run-up to [the caucuses]")?
    fn verb_object(&self, np: usize) -> bool {
        let floor = np.saturating_sub(12).max(self.lo);
        let mut t = np;
        while t > floor {
            let i = t - 1;
            if self.quoted(i) {
                return false;
            }
            if !self.is_word(i) {
                if self.punct(i, "-") {
                    t -= 1;
                    continue;
                }
                return false;
            }
            let finite = !self.capitalised(i) && !self.is(i, Kind::Function);
            if finite && verb_form(self.w(i)) == Some(VerbForm::Past) {
                return true;
            }
            if self.tag(i, Kind::Function, "preposition") || !self.np_stop(i) || self.ly_adverb(i) {
                t -= 1;
                continue;
            }
            return finite && verb_form(self.w(i)) == Some(VerbForm::Present);
        }
        false
    }

    /// Where the words before a name at `lead` start when they are a
    /// descriptor right after a quotation or a comma: "“…,” screenwriter
    /// Cole Haddon wrote", "Or maybe Bush, digital consultant Phil Musser
    /// says" (the grammar need not list every trade to see that the words
    /// before are what he wrote). Otherwise `lead` itself.
    fn descriptor_lead(&self, lead: usize) -> usize {
        if lead <= self.lo || !self.capitalised(lead) {
            return lead;
        }
        // Lowercase words, and names and possessives in a longer descriptor:
        // "former FBI agent Timothy Gill", "Trump's longtime confidant Roger Stone".
        let mut d = lead;
        while d > self.lo
            && lead - d < 6
            && !self.quoted(d - 1)
            && ((self.is_word(d - 1) && !self.np_stop(d - 1)) || self.is_possessive_mark(d - 1))
        {
            d -= 1;
        }
        let set_off = d < lead
            && d > self.lo
            && (matches!(self.seg.tokens[d - 1].kind, TokenKind::Quote(_))
                || self.quoted_comma(d - 1)
                || (self.punct(d - 1, ",") && !self.quoted(d - 1)));
        if set_off {
            d
        } else {
            lead
        }
    }

    /// Is there content before the subject starting at `s` (so that the
    /// subject follows the content: "…," its director, Tomas Lindqvist, said)?
    fn subject_follows_content(&self, s: usize) -> bool {
        s > self.lo && (self.lo..s).any(|k| self.is_word(k))
    }

    /// Content after the verb and what hangs on it: skips adverbial phrases
    /// ("in recent days", "on Monday") up to "that", ":" or the clause.
    fn post_content(&self, post: usize) -> Option<Span> {
        let mut s = post;
        if s >= self.hi {
            return None;
        }
        // Skip leading prepositional phrases and adverbs: "in recent days",
        // "on Monday", "privately"; then "that" opens the content.
        let mut after_pp = false;
        loop {
            // Not "to": "wants to resign" is content, not an adverbial; nor
            // "at least": "reported at least 20 victims" is what was reported.
            // Nor a particle right after the verb: "tweeting out his
            // nickname" has its object after "out", which is no part of it.
            if s == post
                && s + 1 < self.hi
                && self.is_word(s + 1)
                && !self.quoted(s)
                && matches!(self.w(s), "out" | "up" | "off" | "down" | "back")
                && self.np_right(s + 1, self.hi).is_some()
            {
                s += 1;
                break;
            }
            if s < self.hi
                && self.is_word(s)
                && self.tag(s, Kind::Function, "preposition")
                && !self.quoted(s)
                && (!matches!(self.w(s), "that" | "to") || self.to_someone(s, post, after_pp))
                && !self.at_least(s)
            {
                match self.np_right(s + 1, self.hi) {
                    Some(np) => {
                        s = np.end;
                        after_pp = true;
                        // "on Fox and Friends": a name of names.
                        while s + 1 < self.hi
                            && matches!(self.w(s), "and" | "&")
                            && self.capitalised(s - 1)
                            && self.capitalised(s + 1)
                        {
                            match self.np_right(s + 1, self.hi) {
                                Some(np) => s = np.end,
                                None => break,
                            }
                        }
                    }
                    // "in 2014", "on Friday"
                    None if s + 1 < self.hi
                        && (self.is_number(s + 1) || self.is(s + 1, Kind::Time)) =>
                    {
                        s += 2
                    }
                    None => break,
                }
            } else if s < self.hi
                && self.is_word(s)
                && !self.quoted(s)
                && (self.tag(s, Kind::Function, "adverb")
                    || self.ly_adverb(s)
                    || self.is(s, Kind::Time))
            {
                s += 1;
            } else if s + 1 < self.hi
                && !self.quoted(s)
                && matches!(self.w(s), "this" | "last" | "next")
                && self.is(s + 1, Kind::Time)
            {
                // "told POLITICO earlier this week"
                s += 2;
            } else {
                break;
            }
        }
        if s >= self.hi {
            return None;
        }
        if self.punct(s, ",") && !self.quoted(s) {
            return self.content_after_comma(s);
        }
        // "issued the following statement: “…”", "describes itself in the
        // following way: …": the words announced after the colon are what
        // is said, not the phrase that announces them.
        // (Most contents have no colon near: one pass over the token kinds
        // and first bytes tells, before any word is looked at.)
        let bytes = self.text.as_bytes();
        if let Some(colon) = self.seg.tokens[s..(s + 8).min(self.hi)]
            .iter()
            .position(|t| {
                t.kind == TokenKind::Punct && t.span.len() == 1 && bytes[t.span.start] == b':'
            })
            .map(|j| s + j)
        {
            if (s..=colon).all(|t| !self.quoted(t)) && (s..colon).any(|t| self.w(t) == "following")
            {
                if let Some(c) = self.content_after(colon + 1) {
                    return Some(c);
                }
            }
        }
        self.content_after(s)
    }

    /// "wrote in a memo to the inspector general", "said to reporters":
    /// "to" before a determiner or a name, after a prepositional phrase or
    /// a verb that says, is the preposition of an addressee, not an infinitive's
    /// mark ("wants to resign") nor what is answered ("did not respond to
    /// a request for comment").
    fn to_someone(&self, i: usize, post: usize, after_pp: bool) -> bool {
        if self.w(i) != "to" {
            return false;
        }
        let after_saying = i == post
            && i > self.lo
            && matches!(
                self.w(i - 1),
                "said"
                    | "says"
                    | "say"
                    | "saying"
                    | "wrote"
                    | "writes"
                    | "write"
                    | "writing"
                    | "added"
                    | "adds"
                    | "explained"
                    | "declared"
                    | "tweeted"
            );
        (after_pp || after_saying)
            && i + 1 < self.hi
            && !self.quoted(i + 1)
            && ((self.is_det(i + 1) && !self.is_number(i + 1)) || self.name_word(i + 1))
    }

    /// "at least", "at most" at `i`: a number's modifier, not a preposition.
    fn at_least(&self, i: usize) -> bool {
        i + 1 < self.hi && self.w(i) == "at" && matches!(self.w(i + 1), "least" | "most")
    }

    /// The content after a comma that follows a verb and its adverbials.
    fn content_after_comma(&self, s: usize) -> Option<Span> {
        // `said, "It is over."`: a quotation after the comma is the content.
        let opens_quote =
            s + 1 < self.hi && self.seg.quote_of(s + 1).is_some_and(|q| q.open == s + 1);
        if opens_quote {
            return self.content_after(s + 1);
        }
        // "Rubio said, the race is not over.": after a speech verb, a clause
        // that opens with a subject (a determiner, a name, a noun) right
        // after the comma is the content, the comma a writer's pause. Asides,
        // adverbs and participles ("said, in blistering terms, …", "said,
        // adding …") open otherwise; "he hoped, he said, that …" is a
        // parenthetical cue, which attributes the clause before it.
        let t = s + 1;
        let parenthetical = || {
            self.np_right(t, self.hi)
                .is_some_and(|np| np.end < self.hi && self.cue_at(np.end).is_some())
        };
        if t < self.hi
            && s > self.lo
            && self.is(s - 1, Kind::Speech)
            && self.is_word(t)
            && !self.quoted(t)
            && (self.is_det(t)
                || !(self.is(t, Kind::Function) || self.w(t).ends_with("ing") || self.ly_adverb(t)))
            && !parenthetical()
        {
            return self.content_after(t);
        }
        // "cautioned, however, that …", "said, among other things, that …",
        // "responded pointedly, with a smile: …": a short aside, then the content.
        let close = (s + 2..(s + 7).min(self.hi))
            .find(|&k| !self.is_word(k) || self.quoted(k))
            .filter(|&k| !self.quoted(k))?;
        let that = close + 1;
        if self.punct(close, ":") {
            return self.content_after(that);
        }
        (self.punct(close, ",") && that < self.hi && self.w(that) == "that" && !self.quoted(that))
            .then(|| self.content_after(that))
            .flatten()
    }

    /// The subject of a verb whose left neighbour is a comma:
    /// "X, who …, said", "A spokeswoman, Clara Dumont, said", "Reuters, citing Y, reported".
    fn comma_subject(&self, comma: usize) -> Option<(SourcePhrase, Option<SourcePhrase>)> {
        self.stacked_appositions(comma)
            .or_else(|| self.apposition_subject(comma))
            .or_else(|| {
                // "Sen. Jack Reed (D-R.I.), said": a stray comma after the
                // name's parenthetical, the name opening the clause.
                let np = (comma > self.lo && self.punct(comma - 1, ")"))
                    .then(|| self.np_left(comma - 1, self.lo))
                    .flatten()
                    .filter(|np| np.start == self.clause_begin(comma))?;
                Some((self.analyse(np, false)?, None))
            })
    }

    /// The comma before `comma` that opens the segment ending there, if the
    /// segment holds no other clause punctuation, and a quotation only
    /// inside a relative clause.
    fn comma_before(&self, comma: usize) -> Option<usize> {
        let prev = (self.lo..comma)
            .rev()
            .find(|&k| !self.quoted(k) && (self.punct(k, ",") || self.punct(k, ";")))?;
        let ok = self.punct(prev, ",") && prev > self.lo && prev + 1 < comma;
        // A quotation may sit inside a relative clause only: "Humphrey, who
        // calls Trump a “sociopath,” said".
        let quotes_inside = (prev + 1..comma).any(|k| self.quoted(k));
        (ok && !self.quoted(prev + 1)
            && (!quotes_inside || matches!(self.w(prev + 1), "who" | "whose")))
        .then_some(prev)
    }

    /// The comma opening an aside that ends at `comma` and follows a word:
    /// "on the other hand", "in a tweet on Sunday", "for his part". The
    /// aside opens with a preposition or an adverb and holds no quotation
    /// and no cue of its own.
    fn aside_before(&self, comma: usize) -> Option<usize> {
        const MAX_ASIDE: usize = 8;
        let p = (comma.saturating_sub(MAX_ASIDE + 1).max(self.lo)..comma)
            .rev()
            .find(|&t| self.punct(t, ",") || self.punct(t, ";"))?;
        let first = p + 1;
        // An adverb opens an aside ("however", "then the secretary of
        // state"), not a clause with a verb of its own: "Trump, in an
        // interview, barely dwelled on those two rivals, saying …".
        let finite = |t: usize| {
            self.is_word(t)
                && !self.capitalised(t)
                && (self.w(t).ends_with("ed") || irregular_past(self.w(t)))
        };
        let opens = first < comma
            && self.is_word(first)
            && !self.capitalised(first)
            && (self.tag(first, Kind::Function, "preposition")
                || ((self.tag(first, Kind::Function, "adverb") || self.ly_adverb(first))
                    && !(first + 1..comma).any(finite)))
            && !matches!(self.w(first), "including" | "like" | "unlike" | "except")
            // "Kerr, 41, of Ames, said": a hometown, an apposition.
            && !self.hometown(first)
            // "has, so far, refused": an adverb phrase, whole.
            || self.function_phrase(first, comma, "adverb");
        // A venue is an aside too: "in an interview with Fox News".
        let plain = (first..comma).all(|t| {
            !self.quoted(t)
                && self
                    .cue_at(t)
                    .is_none_or(|(_, e)| e.iter().all(|e| e.kind == Kind::Venue))
        });
        (self.punct(p, ",")
            && p > self.lo
            && self.is_word(p - 1)
            && !self.quoted(p - 1)
            && opens
            && plain)
            .then_some(p)
    }

    /// "of Ames", "from Des Moines" at `i`: where a person named before
    /// is from.
    fn hometown(&self, i: usize) -> bool {
        i + 1 < self.hi
            && self.is_word(i)
            && matches!(self.w(i), "of" | "from")
            && self.capitalised(i + 1)
    }

    /// The length of a relay cue at `i` ("citing", "which reported").
    fn relay_at(&self, i: usize) -> Option<usize> {
        self.cue_at(i)
            .filter(|(_, e)| e.iter().any(|e| e.kind == Kind::Relay))
            .map(|(n, _)| n)
    }

    /// An -ing participle opening a clause about the name before it
    /// ("appearing on Fox News right after the speech"); not a relay
    /// ("Reuters, citing two diplomats, reported"), which names where the
    /// words came from (see `apposition_subject`).
    fn participle_clause(&self, i: usize) -> bool {
        self.participle(i) && self.w(i).ends_with("ing") && self.relay_at(i).is_none()
    }

    /// Whether the segment describes the name before it, as an age ("31"),
    /// a relative clause ("whose group is pushing …") or a noun phrase
    /// ("a super PAC allied with House leadership").
    fn is_apposition(&self, seg: Range<usize>) -> bool {
        let first = seg.start;
        if seg.len() == 1 && self.is_number(first) {
            return true;
        }
        if matches!(self.w(first), "who" | "whose") {
            return true;
        }
        // A hometown: "Rawlings, 59, of Ashton, Md., said"; its state is a
        // capitalised word or two of its own.
        let unquoted = || seg.clone().all(|t| !self.quoted(t));
        if self.hometown(first) && unquoted() {
            return true;
        }
        if seg.len() <= 3
            && seg.clone().all(|t| !self.is_word(t) || self.capitalised(t))
            && first > self.lo + 2
            && unquoted()
            && self
                .comma_before(first - 1)
                .is_some_and(|p| p + 2 < first && self.hometown(p + 1))
        {
            return true;
        }
        if self.participle_clause(first) {
            return seg.clone().all(|t| !self.quoted(t))
                && !seg.clone().skip(1).any(|t| self.cue_at(t).is_some());
        }
        (self.is_det(first) || !self.np_stop(first))
            && seg.clone().all(|t| !self.quoted(t))
            && self.np_right(first, seg.end).is_some()
            && !seg.clone().any(|t| self.cue_at(t).is_some())
    }

    /// A name followed by two or three appositions: "Mike Shields, president
    /// of the Fund, a super PAC allied with House leadership, said"; "Ramil
    /// Carr, 31, a Philadelphia photographer, said". The name is the source.
    /// "in July 2012", "on Tuesday": a preposition and a time, set off by
    /// commas among a subject's appositions.
    fn time_phrase(&self, seg: Range<usize>) -> bool {
        seg.len() >= 2
            && seg.len() <= 4
            && self.tag(seg.start, Kind::Function, "preposition")
            && seg.clone().all(|t| self.is_word(t) && !self.quoted(t))
            && seg
                .clone()
                .skip(1)
                .any(|t| self.is(t, Kind::Time) || year(self.w(t)))
    }

    fn stacked_appositions(&self, comma: usize) -> Option<(SourcePhrase, Option<SourcePhrase>)> {
        let mut last = comma;
        for depth in 0..4 {
            let prev = self.comma_before(last)?;
            if !self.is_apposition(prev + 1..last) && !self.time_phrase(prev + 1..last) {
                return None;
            }
            let participial = self.participle_clause(prev + 1);
            last = prev;
            // One apposition is `apposition_subject`'s case, unless it is a
            // participle clause ("Durbin, noting the size of the list, said").
            if depth == 0 && !participial {
                continue;
            }
            let Some(head) = self.np_left(last - 1, self.lo) else {
                continue;
            };
            // "Rawlings, 59, of Ashton, Md., who …", "who lost her daughter
            // in Aurora, Colorado, …": a preposition's object is no head.
            if head.start > self.lo
                && !self.quoted(head.start - 1)
                && self.tag(head.start - 1, Kind::Function, "preposition")
            {
                continue;
            }
            if head.clone().any(|t| self.is(t, Kind::Time)) {
                return None;
            }
            let Some(SourcePhrase {
                phrase: Phrase::Named { name, role, kind },
                ..
            }) = self.analyse(head.clone(), false)
            else {
                continue;
            };
            let first_app_end = (last + 1..comma)
                .find(|&t| self.punct(t, ","))
                .unwrap_or(comma);
            let role = role.or_else(|| Some(strip_article(self.slice(&(last + 1..first_app_end)))));
            return Some((
                SourcePhrase {
                    span: self.span_of(&(head.start..comma)),
                    tokens: head.start..comma,
                    phrase: Phrase::Named { name, role, kind },
                    lenient: false,
                },
                None,
            ));
        }
        None
    }

    fn apposition_subject(&self, comma: usize) -> Option<(SourcePhrase, Option<SourcePhrase>)> {
        let mut prev = (self.lo..comma)
            .rev()
            .find(|&k| self.quoted(k) || self.punct(k, ",") || self.punct(k, ";"))?;
        // "Humphrey, who calls Trump a “sociopath,” said": a quotation
        // inside a relative clause.
        if self.quoted(prev) {
            if let Some(p) = self
                .comma_before(comma)
                .filter(|&p| matches!(self.w(p + 1), "who" | "whose"))
            {
                prev = p;
            } else if let Some(q) = self
                .seg
                .quote_of(comma)
                .filter(|q| q.close == Some(comma) && q.open > self.lo && q.inner.len() <= 60)
            {
                // "Trump, the star of the show “The Apprentice,” said": a
                // short title closes the apposition, its comma inside the
                // marks.
                let title_of = q.open - 1;
                if self.is_word(title_of) && !self.quoted(title_of) {
                    if let Some(p) = (self.lo..q.open)
                        .rev()
                        .find(|&k| self.punct(k, ",") || self.punct(k, ";"))
                    {
                        prev = p;
                    }
                }
            }
        }
        if !self.punct(prev, ",") || self.quoted(prev) || prev == self.lo {
            return None;
        }
        let seg = prev + 1..comma;
        if seg.is_empty() {
            return None;
        }
        let head_np = self.np_left(prev - 1, self.lo)?;
        let first = seg.start;
        // "only two Democrats, both of whom opposed the deal, are backing":
        // a relative clause opening with a share of its antecedent.
        let share_of_whom = seg.len() > 3
            && self.is_word(first)
            && self.w(first + 1) == "of"
            && matches!(self.w(first + 2), "whom" | "which");
        if share_of_whom
            || (self.tag(first, Kind::Function, "relative")
                && matches!(self.w(first), "who" | "which" | "whose"))
        {
            let anonymous = self.has_phrase(seg.clone(), Kind::Anonymous);
            let s = self.analyse(head_np, anonymous)?;
            return Some((s, None));
        }
        if let Some(n) = self.relay_at(first) {
            let o = self
                .np_right(first + n, comma)
                .and_then(|o| self.analyse(o, false));
            let s = self.analyse(head_np, false)?;
            return Some((s, o));
        }
        // "A member of the team, speaking on condition of anonymity, said"
        if self.has_phrase(seg.clone(), Kind::Anonymous) {
            let s = self.analyse(head_np, true)?;
            return Some((s, None));
        }
        // An age: "Quina Jones, 25, said".
        if seg.len() == 1 && self.is_number(first) {
            let s = self
                .analyse(head_np.clone(), false)
                .or_else(|| self.lenient(head_np.clone()))?;
            return Some((
                SourcePhrase {
                    span: s.span.cover(self.span_of(&seg)),
                    tokens: head_np.start..comma,
                    phrase: s.phrase,
                    lenient: s.lenient,
                },
                None,
            ));
        }
        // Apposition: one side names, the other describes. (After a
        // conjunction, a noun phrase is one more subject, "Mr. Trump, and
        // others, have likened"; anything else is a clause of its own: "…
        // with Republicans, and the meeting deteriorated from there, said
        // one source".)
        if self.tag(first, Kind::Function, "conjunction")
            && self
                .np_right(first + 1, comma)
                .is_none_or(|r| r.end != comma)
        {
            return None;
        }
        let app = self
            .np_right(first, comma)
            .filter(|r| r.end == comma)
            .unwrap_or(seg.clone());
        let a = self.analyse(head_np.clone(), false);
        let b = self.analyse(app.clone(), false);
        // One side may describe in words the grammar does not know ("One
        // Republican presidential hopeful, Carly Fiorina,"): it is the role.
        let (a, b) = match (a, b) {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) if matches!(a.phrase, Phrase::Named { .. }) => {
                let b = self.lenient(app.clone())?;
                (a, b)
            }
            (None, Some(b)) if matches!(b.phrase, Phrase::Named { .. }) => {
                let a = self.lenient(head_np.clone())?;
                (a, b)
            }
            _ => return None,
        };
        let span = a.span.cover(b.span);
        let tokens = head_np.start..app.end;
        // "Trump's spokeswoman, Hope Hicks, said": a title with an owner
        // reads as the owner on record, until a name says who spoke.
        let owned =
            (head_np.start..head_np.end - 1).any(|t| self.owner_s(t) || self.is_possessive_mark(t));
        let phrase = match (a.phrase, b.phrase) {
            (
                Phrase::Named { role: Some(_), .. },
                Phrase::Named {
                    name,
                    role,
                    kind: SourceKind::Person,
                },
            ) if owned => Phrase::Named {
                name,
                role: role.or_else(|| Some(strip_article(self.slice(&head_np)))),
                kind: SourceKind::Person,
            },
            (Phrase::Named { name, role, kind }, Phrase::Descriptor { text, .. }) => {
                Phrase::Named {
                    name,
                    role: role.or(Some(text)),
                    kind,
                }
            }
            (Phrase::Descriptor { text, .. }, Phrase::Named { name, role, kind }) => {
                Phrase::Named {
                    name,
                    role: Some(role.map_or(text.clone(), |r| format!("{text}, {r}"))),
                    kind: if kind == SourceKind::Organisation {
                        SourceKind::Person
                    } else {
                        kind
                    },
                }
            }
            // "Two analysts, Ana Lopes and Tom Reed, found": the names say who
            // the crowd is.
            (Phrase::Anonymous(x) | Phrase::Vague(x), Phrase::Named { name, role, kind }) => {
                Phrase::Named {
                    name,
                    role: role.or(Some(x)),
                    kind,
                }
            }
            (Phrase::Named { name, role, kind }, _) => Phrase::Named { name, role, kind },
            _ => return None,
        };
        // A title closing the apposition keeps its closing mark.
        let (span, tokens) = if self.quoted_comma(comma) && app.end == comma {
            (
                span.cover(self.seg.tokens[comma].span),
                tokens.start..comma + 1,
            )
        } else {
            (span, tokens)
        };
        Some((
            SourcePhrase {
                span,
                tokens,
                phrase,
                lenient: false,
            },
            None,
        ))
    }
}

/// "1998", "2016": a year, which names no count of anything after it.
fn year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// The form of a verb, for telling which verbs are coordinated ("told …
/// and said", "telling … and questioning"): `None` when it is no verb form
/// the ending shows.
fn verb_form(w: &str) -> Option<VerbForm> {
    if w.ends_with("ing") {
        Some(VerbForm::Participle)
    } else if past_participle(w) || irregular_past(w) {
        Some(VerbForm::Past)
    } else if w.ends_with('s') && !w.ends_with("ss") {
        Some(VerbForm::Present)
    } else {
        None
    }
}

/// A past tense not in "-ed" that no noun shares ("began", "wrote").
fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "wrote"
            | "spent"
            | "spoke"
            | "took"
            | "gave"
            | "knew"
            | "saw"
            | "began"
            | "drew"
            | "chose"
            | "swore"
            | "came"
            | "went"
            | "stood"
            | "threw"
            | "fought"
            | "taught"
            | "met"
            | "led"
            | "won"
            | "sent"
            | "kept"
            | "brought"
            | "paid"
            | "ran"
            | "sat"
            | "built"
            | "felt"
            | "fell"
            | "got"
            | "grew"
            | "meant"
            | "sold"
            | "sought"
            | "struck"
            | "became"
            | "flew"
            | "forgot"
            | "understood"
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbForm {
    Participle,
    Past,
    Present,
}

/// A word that can be a past participle, which a passive needs: regular
/// ("declared"), or one of the irregular verbs that the grammar lists.
fn past_participle(w: &str) -> bool {
    w.ends_with("ed")
        || matches!(
            w,
            "told"
                | "shown"
                | "seen"
                | "said"
                | "known"
                | "thought"
                | "heard"
                | "written"
                | "spoken"
                | "given"
                | "made"
                | "taken"
                | "held"
                | "found"
                | "put"
                | "cast"
                | "read"
                | "set"
                | "sent"
                | "brought"
                | "sought"
                | "won"
                | "led"
                | "meant"
                | "felt"
                | "hit"
                | "cut"
                | "laid"
                | "drawn"
                | "struck"
                | "withdrawn"
                | "chosen"
                | "sworn"
                | "forecast"
                | "broadcast"
                | "taught"
                | "understood"
                | "begun"
        )
}

/// The speaker of the last attribution before token `end` that has one:
/// a participle or a second verb often shares it ("…, he said, adding").
fn previous_source(before: &[Attribution], end: usize) -> Option<SourcePhrase> {
    previous_source_but(before, end, |_| false)
}

/// [`previous_source`], passing over the attributions that `skip` names.
fn previous_source_but(
    before: &[Attribution],
    end: usize,
    skip: impl Fn(&Attribution) -> bool,
) -> Option<SourcePhrase> {
    // "He said he saw no need …, noting": the speaker of the main clause,
    // not of a clause inside another's content ("he saw"). A parenthetical
    // whose words hold the other's cue is the outer one: "Trump is expected
    // to speak, Manafort said, adding …".
    let inside = |a: &Attribution| {
        before.iter().any(|b| {
            b.cue.end <= a.cue.start
                && b.content.is_some_and(|c| c.contains(a.cue))
                && !a.content.is_some_and(|c| c.contains(b.cue))
        })
    };
    before
        .iter()
        .rev()
        .find(|a| a.source.is_some() && a.cue_tokens.end <= end && !inside(a) && !skip(a))
        .and_then(|prev| prev.source.clone())
}

fn strip_article(s: &str) -> String {
    let t = trim_phrase(s);
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = t.strip_prefix(a) {
            return trim_phrase(r).to_string();
        }
    }
    t.to_string()
}

/// `s.trim()`, told at once for text that starts and ends with ASCII other
/// than whitespace, as a phrase of whole tokens mostly does: the Unicode
/// trim is a call of some fifty instructions (some 35K on 924 articles,
/// most in resolving a source phrase and in taking off its article).
pub(crate) fn trim_phrase(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// A name as it should be shown: no possessive ending, no stray brackets.
fn clean_name(s: &str) -> String {
    clean_name_str(s).to_string()
}

/// [`clean_name`] as the slice of `s` it is.
///
/// Inlined as its test for the common name, which starts and ends with an
/// ASCII letter or digit, and not in a possessive "s" (one after a letter
/// or digit, as in "Jones", is none): nothing would change it.
#[inline]
fn clean_name_str(s: &str) -> &str {
    let b = s.as_bytes();
    if let (Some(&a), Some(&z)) = (b.first(), b.last()) {
        if a.is_ascii_alphanumeric()
            && z.is_ascii_alphanumeric()
            && (z != b's' || b.len() >= 2 && b[b.len() - 2].is_ascii_alphanumeric())
        {
            return s;
        }
    }
    clean_name_slow(s)
}

/// [`clean_name_str`] of a name that may need cleaning.
#[inline(never)]
fn clean_name_slow(s: &str) -> &str {
    let s = s.trim();
    let s = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .or_else(|| s.strip_suffix('’'))
        .or_else(|| s.strip_suffix('\''))
        .unwrap_or(s);
    s.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_phrase_is_trim() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "the mayor",
            " the mayor\n",
            "\u{a0}a",
            "a\u{a0}",
            "\u{2003}x",
            "x\u{2003}",
            "“a”",
            "a’",
            "\ta\t",
        ] {
            assert_eq!(trim_phrase(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn inner_prepositions_are_function_words() {
        // `Reader::inner_prep` tests the function bit before the word.
        let g = Grammar::builtin();
        for w in ["of", "for", "at", "by", "with", "to"] {
            assert!(g.word_is(w, Kind::Function), "{w}");
        }
    }

    #[test]
    fn verb_forms_pair_coordinated_verbs() {
        assert_eq!(verb_form("said"), Some(VerbForm::Past));
        assert_eq!(verb_form("argued"), Some(VerbForm::Past));
        assert_eq!(verb_form("wrote"), Some(VerbForm::Past));
        assert_eq!(verb_form("telling"), Some(VerbForm::Participle));
        assert_eq!(verb_form("agrees"), Some(VerbForm::Present));
        // "discuss" and "know" show no form by their ending.
        assert_eq!(verb_form("discuss"), None);
        assert_eq!(verb_form("know"), None);
    }

    #[test]
    fn after_quotations_are_the_quoted_to_unquoted_steps() {
        // What `dash_credit` tested token by token before.
        let texts = crate::segment::quotation_texts();
        let g = Grammar::builtin();
        for text in &texts {
            let seg = crate::segment::segment(text, &g, &[]);
            let norms = TokenWords::new(text, &seg.tokens, &g);
            for s in &seg.sentences {
                let r = Reader::new(text, &seg, &norms, &g, s.tokens.clone());
                let want: Vec<usize> = seg.token_quote[r.lo..r.hi]
                    .windows(2)
                    .enumerate()
                    .filter(|(_, q)| q[0].is_some() && q[1].is_none())
                    .map(|(j, _)| r.lo + j + 1)
                    .collect();
                assert_eq!(r.after_quotations().collect::<Vec<_>>(), want, "{text:?}");
            }
        }
    }

    fn analysis(text: &str) -> crate::Analysis {
        crate::analyze(text, crate::document::InputType::Text, &Grammar::builtin())
    }

    /// (cue, source, content) of every attribution, as written.
    fn read(text: &str) -> Vec<(String, String, String)> {
        let part = |s: Option<Span>| s.map_or(String::new(), |s| text[s.start..s.end].to_string());
        analysis(text)
            .provenance
            .claims
            .iter()
            .flat_map(|c| &c.attributions)
            .map(|r| {
                let a = &r.attribution;
                (
                    part(Some(a.cue)),
                    part(a.source.as_ref().map(|s| s.span)),
                    part(a.content),
                )
            })
            .collect()
    }

    fn cues(text: &str) -> Vec<String> {
        read(text).into_iter().map(|(cue, _, _)| cue).collect()
    }

    /// (cue, source, content) of the attribution whose cue is `cue`.
    fn reading_of(text: &str, cue: &str) -> (String, String, String) {
        read(text)
            .into_iter()
            .find(|a| a.0 == cue)
            .unwrap_or_else(|| panic!("no {cue:?} in {text:?}"))
    }

    /// The source of the one attribution `text` has, as written.
    fn sole_source(text: &str) -> String {
        let got = read(text);
        assert_eq!(got.len(), 1, "{got:?}");
        got[0].1.clone()
    }

    #[test]
    fn a_relative_clause_with_a_town_and_a_time_heads_back_to_its_name() {
        let text = "Ana Lopes, who lost her home in the flood in Harlow, Essex, in July 2012, \
                    said the levy was unfair.";
        assert!(reading_of(text, "said").1.starts_with("Ana Lopes, who"));
    }

    #[test]
    fn a_prepositions_object_heads_no_stacked_appositions() {
        let text = "In Nevada, Senator Tom Kerr, the minority leader, said the levy was unfair.";
        assert_eq!(
            reading_of(text, "said").1,
            "Senator Tom Kerr, the minority leader"
        );
    }

    #[test]
    fn a_hedge_on_a_verb_of_saying_keeps_its_subject_as_source() {
        let text = "Last week Kerr in an interview appeared to blame the staff for it.";
        assert_eq!(reading_of(text, "appeared to blame").1, "Kerr");
        // A hedge on anything else is the writer's own.
        let got = read("The deal appeared to collapse on Monday.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("appeared to", ""));
    }

    #[test]
    fn a_plural_noun_of_saying_before_of_is_no_verb() {
        assert!(
            !cues("Lopes rejected Republican claims of fraud in March.").contains(&"claims".into())
        );
        assert!(!cues("The mayor dropped the charges against Kerr.").contains(&"charges".into()));
        assert_eq!(
            reading_of("The ad claims the levy is fair.", "claims").1,
            "The ad"
        );
    }

    #[test]
    fn according_to_cites_its_source_for_the_clause_it_belongs_to() {
        let content = |text: &str| reading_of(text, "according to").2;
        assert_eq!(
            content("But, according to the poll, most voters remain undecided."),
            "most voters remain undecided"
        );
        assert_eq!(
            content("While most files were marked secret, according to an aide, two were not."),
            "two were not"
        );
        assert_eq!(
            content("The council passed the levy, which will cost $40, according to Kerr."),
            "which will cost $40"
        );
        assert_eq!(
            content("Despite calls to quit, Lopes still leads the race, according to a poll."),
            "Lopes still leads the race"
        );
        // A subordinate clause that ends before the cue's own comma is part
        // of what is cited.
        assert_eq!(
            content("While some towns agree, most do not, according to Kerr, the mayor."),
            "While some towns agree, most do not"
        );
    }

    #[test]
    fn an_addressee_after_a_verb_or_its_adverbial_is_not_what_was_said() {
        let memo =
            "Two files were locked away, Kerr wrote in a memo to Inspector General Ana Lopes.";
        assert_eq!(reading_of(memo, "wrote").2, "Two files were locked away");
        assert_eq!(
            reading_of("“We need our fix!” Kerr said to People.", "said").2,
            "We need our fix!"
        );
        // What is answered is no addressee.
        let answer = "The mayor responded quickly to the criticism.";
        assert_eq!(reading_of(answer, "responded").2, "to the criticism");
    }

    #[test]
    fn a_name_of_names_after_the_verb_is_no_content() {
        let text = "“What is this about?” Kerr added during an appearance on Fox and Friends.";
        assert_eq!(reading_of(text, "added").2, "What is this about?");
    }

    #[test]
    fn a_name_ending_in_an_abbreviation_heads_its_apposition() {
        assert_eq!(
            reading_of("It works, Tom Kerr Jr., the director, said.", "said").1,
            "Tom Kerr Jr., the director"
        );
    }

    #[test]
    fn but_before_a_coordinated_name_opens_a_clause() {
        let text = "Many mayors share these fears, but the Central and East European \
                    Coalition, which speaks for 20 towns, wants to wait.";
        assert_eq!(reading_of(text, "share").2, "these fears");
    }

    #[test]
    fn q_and_a_open_an_interviews_question_and_answer() {
        let text = "Q: Is it fair?\n\nA: It is. Few pay it.\n\nB: a label.";
        assert_eq!(
            read(text),
            vec![
                (":".into(), "Q".into(), "Is it fair?".into()),
                (":".into(), "A".into(), "It is. Few pay it.".into()),
            ]
        );
    }

    #[test]
    fn whoever_is_named_before_a_place_speaks() {
        assert_eq!(
            sole_source("Sources in Washington said the talks were over."),
            "Sources"
        );
        assert_eq!(
            sole_source("A voter from Ohio said the talks were over."),
            "A voter"
        );
        assert_eq!(
            sole_source("Officials in the administration said the talks were over."),
            "Officials in the administration"
        );
        // A document is no speaker: the place names who issued it.
        assert_eq!(
            sole_source("A statement from the White House said the talks were over."),
            "the White House"
        );
    }

    #[test]
    fn a_participle_and_its_place_describe_the_head_before_them() {
        assert_eq!(
            reading_of(
                "Protesters marching through the streets chanted slogans about Kerr.",
                "chanted"
            )
            .1,
            "Protesters"
        );
    }

    #[test]
    fn a_verb_form_between_an_adverb_and_a_noun_describes_the_noun() {
        let got = cues("In a widely read column, Lopes urged the mayor to resign.");
        assert!(!got.iter().any(|c| c == "read"), "{got:?}");
        // A noun in "-ly" after an article is the subject.
        assert_eq!(
            sole_source("The family said the levy was unfair."),
            "The family"
        );
    }

    #[test]
    fn a_clause_after_a_comma_and_a_conjunction_is_no_apposition() {
        assert_eq!(
            sole_source(
                "The plan did not go over well with Kerr, and the meeting soured from there, said one aide."
            ),
            "one aide"
        );
        // A noun phrase after one is a subject more.
        assert_eq!(
            sole_source("Kerr, and others, have said the levy is unfair."),
            "Kerr, and others"
        );
    }

    #[test]
    fn a_name_after_an_owned_title_is_who_spoke() {
        let text = "Kerr's spokeswoman, Ana Lopes, said the levy is unfair.";
        let names: Vec<_> = analysis(text)
            .provenance
            .claims
            .iter()
            .flat_map(|c| &c.attributions)
            .filter_map(|r| match &r.attribution.source.as_ref()?.phrase {
                Phrase::Named { name, role, .. } => Some((name.clone(), role.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            names,
            vec![(
                "Ana Lopes".to_string(),
                Some("Kerr's spokeswoman".to_string())
            )]
        );
    }

    #[test]
    fn a_hometown_after_an_age_is_an_apposition() {
        assert_eq!(
            sole_source("Jane Kerr, 41, of Des Moines, said the levy was unfair."),
            "Jane Kerr, 41, of Des Moines"
        );
        assert_eq!(
            sole_source("Jane Kerr, of Ames, Iowa, said the levy was unfair."),
            "Jane Kerr, of Ames, Iowa"
        );
        let said = reading_of(
            "Jane Kerr, 41, of Ames, Iowa, who runs a farm, said the levy was unfair.",
            "said",
        );
        assert!(said.1.starts_with("Jane Kerr"), "{said:?}");
    }

    #[test]
    fn a_dash_before_a_speaker_of_its_own_ends_the_content() {
        assert_eq!(
            read("Voters want change - only she thinks Kerr should lead it."),
            vec![
                ("want".into(), "Voters".into(), "change".into()),
                ("thinks".into(), "she".into(), "Kerr should lead it".into())
            ]
        );
    }

    #[test]
    fn a_clause_describing_a_time_ends_at_its_comma() {
        assert_eq!(
            reading_of(
                "At the moment Lopes announced her bid, Kerr was holding a meeting.",
                "announced"
            )
            .2,
            "her bid"
        );
    }

    #[test]
    fn a_ratio_before_a_crowd_is_part_of_the_subject() {
        assert_eq!(
            read("Women preferred Kerr while about 6 in 10 men backed Lopes."),
            vec![
                ("preferred".into(), "Women".into(), "Kerr".into()),
                ("backed".into(), "about 6 in 10 men".into(), "Lopes".into())
            ]
        );
    }

    #[test]
    fn a_relative_clause_after_an_apposition_ends_at_its_comma() {
        assert_eq!(
            reading_of(
                "Kerr, the editor who wrote the profile, met Lopes on Monday.",
                "wrote"
            )
            .2,
            "the profile"
        );
    }

    #[test]
    fn a_past_participle_with_its_agent_after_a_noun_is_a_cut_short_passive() {
        assert_eq!(
            read("The levy, opposed by the Kerr campaign, never became law."),
            vec![(
                "opposed".into(),
                "the Kerr campaign".into(),
                "The levy".into()
            )]
        );
        assert_eq!(
            read("The bill failed because of measures added by Republicans on other issues."),
            vec![("added".into(), "Republicans".into(), "measures".into())]
        );
        // Where words were published is no act on a claim.
        assert!(cues("Lopes said so in a video posted by the union.")
            .iter()
            .all(|c| c != "posted"));
    }

    #[test]
    fn an_irregular_past_after_a_name_ends_the_subject() {
        // "met" is no noun: the subject of the coordinated "said" is Lopes.
        assert_eq!(
            sole_source("Lopes met survivors of the flood and said the levy was fair."),
            "Lopes"
        );
    }

    #[test]
    fn a_word_between_a_name_and_a_determiner_is_a_verb() {
        assert_eq!(
            reading_of(
                "At her rallies, Lopes greets the crowd and says the levy is fair.",
                "says"
            )
            .1,
            "Lopes"
        );
    }

    #[test]
    fn a_dateline_is_no_subject_of_a_coordinated_verb() {
        assert_eq!(
            sole_source(
                "LISBON (Reuters) - Mayor Ana Lopes met survivors and said the levy was fair."
            ),
            "Mayor Ana Lopes"
        );
    }

    #[test]
    fn a_five_letter_participle_opens_a_phrase() {
        assert_eq!(
            reading_of(
                "Asked at a lunch if Kerr would stay, she laughed and said, “We’ll see.”",
                "said"
            )
            .1,
            "she"
        );
    }

    #[test]
    fn the_subject_of_a_verb_after_a_relative_clause_is_what_who_follows() {
        assert_eq!(
            sole_source("A person who was briefed on the matter said the deal was close."),
            "A person"
        );
        let said = |text: &str| reading_of(text, "said").1;
        assert_eq!(
            said("An aide who spoke on the condition of anonymity to discuss the talks said they were over."),
            "An aide"
        );
        assert_eq!(
            said("Officials who spoke on condition of anonymity because they were not authorized to discuss the inquiry said it was closed."),
            "Officials"
        );
        // The infinitive's words end before the verb its speaker goes on with.
        assert_eq!(reading_of("An aide who spoke on the condition of anonymity to discuss the talks said they were over.", "to discuss").2, "the talks");
        // With no noun phrase before the verb, and over "and who".
        assert_eq!(
            said("Another voter who lives here and who did not want to be named said the levy was fair."),
            "Another voter"
        );
        // A clause of its own inside the relative clause keeps its subject.
        assert_eq!(
            said("Lopes is a mayor who won when her rivals said the levy was fair."),
            "her rivals"
        );
    }

    #[test]
    fn a_relative_clause_with_a_view_of_its_own_ends_the_content() {
        assert_eq!(
            reading_of(
                "Kerr criticized Lopes for the levy, which he believes will cost jobs.",
                "criticized"
            )
            .2,
            "Lopes for the levy"
        );
    }

    #[test]
    fn an_indefinite_object_of_tell_is_what_is_told() {
        assert_eq!(
            read("The exit polls told a tale of two parties."),
            vec![(
                "told".into(),
                "The exit polls".into(),
                "a tale of two parties".into()
            )]
        );
        // An audience is no content.
        assert_eq!(
            read("Lopes told a Senate panel on Wednesday."),
            vec![("told".into(), "Lopes".into(), String::new())]
        );
    }

    #[test]
    fn an_infinitive_after_a_noun_cue_is_its_content_up_to_the_verb() {
        assert_eq!(
            read("Her promise to cut the levy has worried the council."),
            vec![("promise to".into(), "Her".into(), "cut the levy".into())]
        );
    }

    #[test]
    fn a_that_clause_or_infinitive_after_a_noun_cue_and_a_copula_is_its_content() {
        assert_eq!(
            read("Her fear is that the levy will pass."),
            vec![(
                "fear".into(),
                "Her".into(),
                "that the levy will pass".into()
            )]
        );
        assert_eq!(
            read("His goal, stated on Monday, was to cut the levy."),
            vec![("goal".into(), "His".into(), "to cut the levy".into())]
        );
        // A verdict on the noun is the writer's, not what it holds.
        assert_eq!(
            read("Her claim was false."),
            vec![("claim".into(), "Her".into(), String::new())]
        );
    }

    #[test]
    fn an_opener_ending_in_a_quotation_gives_way_to_a_clause_after_the_verb() {
        let text = "Walking in to chants of “Lopes!,” the senator said his campaign was strong.";
        assert_eq!(reading_of(text, "said").2, "his campaign was strong");
        // A phrase after the verb says nothing: the quotation is the content.
        let text = "On the stage “we will win,” the senator said to a cheering crowd.";
        assert_eq!(reading_of(text, "said").2, "On the stage “we will win,”");
        // After an inversion, the words before are what is said.
        let text = "Guns are “a crisis,” said Harlow, the governor of Vermont.";
        assert_eq!(reading_of(text, "said").2, "Guns are “a crisis,”");
    }

    #[test]
    fn an_as_clause_with_an_apposition_vouches_for_the_main_clause() {
        assert_eq!(
            reading_of(
                "As many economists, including Kerr, have pointed out, the levy is fair.",
                "pointed out"
            )
            .2,
            "the levy is fair"
        );
    }

    #[test]
    fn a_part_of_a_crowd_heads_a_relative_clause_before_its_verb() {
        assert_eq!(
            reading_of(
                "Two of the senators who signed the letter said the levy was fair.",
                "said"
            )
            .1,
            "Two of the senators"
        );
    }

    #[test]
    fn a_content_with_a_quotation_s_opening_mark_has_its_closing_mark() {
        let text = "“The levy is fair,” said Harlow, the mayor.";
        assert_eq!(reading_of(text, "said").2, "“The levy is fair,”");
        let text = "Guns are “a crisis” and “a disaster,” said Harlow, the mayor.";
        assert_eq!(
            reading_of(text, "said").2,
            "Guns are “a crisis” and “a disaster,”"
        );
        let text = "Lopes insisted that she has “grown the party,” claiming victory.";
        assert_eq!(
            reading_of(text, "insisted").2,
            "that she has “grown the party,”"
        );
    }

    #[test]
    fn a_relative_clause_s_content_ends_before_the_main_verb() {
        let text = "A woman who accused Lopes of fraud said the levy was a scam.";
        assert_eq!(reading_of(text, "accused").2, "Lopes of fraud");
        assert_eq!(reading_of(text, "said").1, "A woman");
        // A verb after a pronoun is the relative clause's own.
        let text = "“It is over,” said Kerr, a Republican who said he would not vote for Lopes.";
        assert_eq!(read(text)[1].2, "he would not vote for Lopes");
    }

    #[test]
    fn a_plural_of_saying_after_a_preposition_and_a_modifier_is_a_noun() {
        // No "Democratic" or "medical" speaks here.
        assert!(cues("The site rated 11% of Democratic claims as false.")
            .iter()
            .all(|c| c != "claims"));
        assert!(
            cues("He is known for making dubious medical claims on air.")
                .iter()
                .all(|c| c != "claims")
        );
        // A plural before the verb heads a subject of its own.
        assert_eq!(
            reading_of(
                "A group of researchers shows in detail how the levy works.",
                "shows"
            )
            .1,
            "A group of researchers"
        );
    }

    #[test]
    fn a_month_after_a_name_word_is_part_of_the_name() {
        assert_eq!(
            sole_source("Prime Minister Theresa May said the deal was good."),
            "Prime Minister Theresa May"
        );
        // Not after a day: "Monday May" is no name.
        assert!(read("In a speech on Monday May said the deal was good.").is_empty());
    }

    #[test]
    fn a_particle_after_the_verb_opens_no_adverbial() {
        assert_eq!(
            read("As Kerr began tweeting out his nickname for Lopes, his son said it was over."),
            vec![
                (
                    "tweeting".into(),
                    "Kerr".into(),
                    "his nickname for Lopes".into()
                ),
                ("said".into(), "his son".into(), "it was over".into())
            ]
        );
    }

    #[test]
    fn a_verb_after_and_goes_on_with_the_speaker_of_a_quotation_before() {
        assert_eq!(reading_of("“The levy is fair,” she said at a news conference, and then predicted: “It will pass.”", "predicted").1, "she");
    }

    #[test]
    fn a_medium_or_document_between_subject_and_verb_is_where_the_subject_spoke() {
        assert_eq!(
            sole_source("Ana Lopes in a blog post said the levy was fair."),
            "Ana Lopes"
        );
    }

    #[test]
    fn a_prepositional_opener_is_no_subject_of_a_coordinated_verb() {
        assert_eq!(
            reading_of(
                "At her rallies, Lopes greeted the crowd and said the levy was fair.",
                "said"
            )
            .1,
            "Lopes"
        );
    }

    #[test]
    fn a_share_after_a_speaks() {
        // Not "a simple question": a share of a crowd is the subject.
        assert_eq!(
            read("A majority say the levy is fair."),
            vec![("say".into(), "A majority".into(), "the levy is fair".into())]
        );
        assert_eq!(
            read("Nearly a third say they are unsure."),
            vec![(
                "say".into(),
                "Nearly a third".into(),
                "they are unsure".into()
            )]
        );
    }

    #[test]
    fn a_participle_opener_is_no_subject() {
        // "reminisced" is no cue: the subject of "said" is found in the clause.
        assert_eq!(
            sole_source(
                "Walking home, Lopes reminisced about the port, and said the levy was fair."
            ),
            "Lopes"
        );
        // A participle hangs on the clause's subject, after the opener.
        assert_eq!(
            sole_source(
                "Arriving at the port, police searched the ships, saying the levy was unpaid."
            ),
            "police"
        );
    }

    #[test]
    fn a_phrase_before_a_verb_is_no_inverted_speaker() {
        // "said his boss was": "his boss" is the subject of what was said.
        let got = read("Sam Solovey, a contestant on the show, \"The Apprentice,\" who worked alongside Lopes, said his boss was kind.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].1.as_str(), got[0].2.as_str()),
            ("Sam Solovey", "his boss was kind")
        );
        assert_eq!(
            sole_source("Among voters, about two-thirds, 67 percent, say they will back the levy."),
            "67 percent"
        );
    }

    #[test]
    fn a_quantifier_after_dashes_is_floated_off_the_subject() {
        let source =
            sole_source("The senators -- Cruz, Lopes and Rubio -- all said the levy was fair.");
        assert!(source.starts_with("The senators"), "{source}");
    }

    #[test]
    fn a_capitalised_run_before_a_title_is_not_the_whole_subject() {
        assert_eq!(sole_source("Presumptive Republican presidential nominee Ana Lopes also joined the debate, saying the levy was fair."), "Presumptive Republican presidential nominee Ana Lopes");
    }

    #[test]
    fn an_adverb_and_a_verb_make_no_aside() {
        assert_eq!(sole_source("Lopes, in an interview, barely dwelled on her rivals, saying that the levy was fair."), "Lopes");
    }

    #[test]
    fn a_participle_phrase_describes_the_head_before_it() {
        assert_eq!(
            sole_source("Another source speaking to the Courier said the levy was unpaid."),
            "Another source"
        );
        assert_eq!(
            sole_source(
                "A letter from the council obtained by the Courier warns that the levy is unpaid."
            ),
            "the council"
        );
    }

    #[test]
    fn a_progressive_after_an_aside_has_the_subject_before_it() {
        // Not the source of the relative clause: "are backing" is finite.
        let got = read("Only two senators, both of whom opposed the deal, are backing the levy.");
        assert_eq!(
            got,
            vec![
                ("opposed".into(), "whom".into(), "the deal".into()),
                ("backing".into(), "two senators".into(), "the levy".into())
            ]
        );
    }

    #[test]
    fn openers_with_a_place_and_here_are_skipped() {
        for text in [
            "At a rally in Ames, Iowa, on Sunday, Lopes stepped up her campaign, saying that the levy was fair.",
            "Here in Ames, Lopes stepped up her campaign, saying that the levy was fair.",
        ] {
            assert_eq!(reading_of(text, "saying").1, "Lopes", "{text}");
        }
    }

    #[test]
    fn an_en_dash_after_a_dateline_opens_the_clause() {
        assert_eq!(
            sole_source(
                "Lisbon (AFP) – Lopes stepped up her campaign, saying that the levy was fair."
            ),
            "Lopes"
        );
    }

    #[test]
    fn a_place_phrase_ends_the_subject() {
        // The plural verb agrees with "voters", not with "state".
        assert_eq!(
            read("Voters in each state say the levy is fair."),
            vec![(
                "say".into(),
                "Voters in each state".into(),
                "the levy is fair".into()
            )]
        );
        assert_eq!(
            read("Officials in the city say the levy is fair."),
            vec![(
                "say".into(),
                "Officials in the city".into(),
                "the levy is fair".into()
            )]
        );
    }

    #[test]
    fn a_document_does_not_act() {
        // "released" describes the poll; the poll shows.
        assert_eq!(
            cues("A poll released last week showed the mayor ahead."),
            vec!["showed".to_string()]
        );
        assert_eq!(
            cues("The council released a statement on Monday."),
            vec!["released".to_string()]
        );
    }

    #[test]
    fn numbers_in_names_and_dates_before_names() {
        let said = |s: &str, c: &str| vec![("said".into(), s.into(), c.into())];
        assert_eq!(
            read("In January 2016 Ana Lopes said the levy was fair."),
            said("Ana Lopes", "the levy was fair")
        );
        assert_eq!(
            read("On March 3 Lopes said it was late."),
            said("Lopes", "it was late")
        );
        assert_eq!(
            read("Two senators said it was late."),
            said("Two senators", "it was late")
        );
        assert_eq!(
            read("Pryce told BBC Radio 5 Live that it was late."),
            vec![("told".into(), "Pryce".into(), "that it was late".into())]
        );
    }

    #[test]
    fn what_a_document_holds_is_embedded_under_it() {
        let text = "“We are winning,” Sanders said at the meeting, according to CNN.";
        let a = analysis(text);
        let embedded: Vec<(&str, bool)> = a.provenance.claims[0]
            .attributions
            .iter()
            .map(|r| {
                let a = &r.attribution;
                (&text[a.cue.start..a.cue.end], a.embedded)
            })
            .collect();
        assert_eq!(embedded, [("said", true), ("according to", false)]);
    }

    #[test]
    fn a_sourceless_act_inside_a_content_is_part_of_it() {
        // ("disclosed" read as an act with no source, its content the words
        // before it.)
        assert_eq!(
            cues("The mayor asked for the files to be disclosed."),
            ["asked for"]
        );
        assert_eq!(
            cues("The mayor said turnout was higher than most analysts had forecast."),
            ["said"]
        );
    }

    #[test]
    fn a_trade_the_grammar_lacks_before_a_name() {
        assert_eq!(
            read("Or maybe the mayor, digital consultant Phil Musser says."),
            vec![(
                "says".into(),
                "digital consultant Phil Musser".into(),
                "Or maybe the mayor".into()
            )]
        );
        assert_eq!(
            read("“It is a disgrace,” screenwriter Cole Haddon wrote."),
            vec![(
                "wrote".into(),
                "screenwriter Cole Haddon".into(),
                "“It is a disgrace,”".into()
            )]
        );
    }

    #[test]
    fn a_participle_after_a_verbs_object_is_the_subjects() {
        assert_eq!(
            sole_source("The senator opened a rally blasting the governor for the plan."),
            "The senator"
        );
        assert_eq!(
            sole_source(
                "Clinton spent much of the run-up to the caucuses portraying Sanders as a dreamer."
            ),
            "Clinton"
        );
    }

    #[test]
    fn an_opener_before_the_subject_is_not_what_is_said() {
        assert_eq!(
            read("Wednesday on Fox News Channel’s “Fox & Friends,” Cotton discussed the bill."),
            vec![("discussed".into(), "Cotton".into(), "the bill".into())]
        );
        // After an opener, a verb between commas is parenthetical.
        assert_eq!(
            read("In some ways, the brothers noted, the mayor might like it."),
            vec![(
                "noted".into(),
                "the brothers".into(),
                "the mayor might like it".into()
            )]
        );
        // Quoted words after an opener are.
        assert_eq!(
            read("In past campaigns, “we felt we could reach them,” he said."),
            vec![(
                "said".into(),
                "he".into(),
                "In past campaigns, “we felt we could reach them,”".into()
            )]
        );
        // Nor is a name after "focused on" a medium, as Twitter is after
        // "wrote on".
        assert_eq!(
            read("Instead, Clinton focused on Trump."),
            vec![("focused on".into(), "Clinton".into(), "Trump".into())]
        );
    }

    #[test]
    fn a_comment_after_a_dash_and_the_topic_after_said_of_are_not_the_words() {
        assert_eq!(
            read("The deficit will grow, the office said Tuesday — a development that worries investors."),
            vec![("said".into(), "the office".into(), "The deficit will grow".into())]
        );
        assert_eq!(
            read("“Who do they think they are?” Trump said of Apple."),
            vec![(
                "said".into(),
                "Trump".into(),
                "Who do they think they are?".into()
            )]
        );
    }

    #[test]
    fn initials_pronouns_and_prepositions_inside_a_subject() {
        // "A." is a determiner's letter and "D." an auxiliary's, but
        // between two names both are initials.
        assert_eq!(
            sole_source("John A. Smith said it was bad."),
            "John A. Smith"
        );
        assert_eq!(sole_source("Maya D. Song said it was bad."), "Maya D. Song");
        assert_eq!(
            sole_source("It was bad, a source close to him said."),
            "a source close to him"
        );
        // And "inside" after a determiner is no preposition.
        assert_eq!(
            sole_source("It was bad, an inside source said."),
            "an inside source"
        );
    }

    #[test]
    fn the_audience_ends_before_the_words() {
        for text in ["He told reporters it was over.", "He told her it was over."] {
            assert_eq!(
                read(text),
                vec![("told".into(), "He".into(), "it was over".into())],
                "{text}"
            );
        }
    }

    #[test]
    fn an_s_form_after_a_plural_count_is_a_noun() {
        assert!(cues("Several claims about the levy were false.").is_empty());
        assert!(cues("The mayor faced two challenges this year.").is_empty());
        assert_eq!(cues("The mayor claims the levy is fair."), ["claims"]);
    }

    #[test]
    fn a_vague_crowd_is_a_clause_subject_too() {
        assert_eq!(
            sole_source(
                "Then several groups granted the mine an extension, saying its capital was low."
            ),
            "several groups"
        );
    }

    #[test]
    fn a_headline_in_title_case_reads_its_own_way() {
        // A capitalised adverb before the verb is skipped, as in prose.
        assert_eq!(
            read("Kasich Just Revealed The Plan"),
            vec![("Revealed".into(), "Kasich".into(), "The Plan".into())]
        );
        // A capitalised verb after a comma is a second predicate, no
        // inversion taking what follows as its speaker.
        let got = read("Lopes Says Levy Hurts Farmers, Calls Council's Plan 'Reckless.'");
        assert_eq!(
            got[0],
            ("Says".into(), "Lopes".into(), "Levy Hurts Farmers".into())
        );
        assert!(
            got.iter().all(|(_, source, _)| source == "Lopes"),
            "{got:?}"
        );
    }

    #[test]
    fn the_subject_behind_a_long_time_opener_a_why_and_a_but() {
        assert_eq!(
            sole_source("But a few days later, Lopes reversed herself, telling CBS it was over."),
            "Lopes"
        );
        assert_eq!(
            sole_source("That's partly why Lopes quit her post before announcing her run."),
            "Lopes"
        );
        assert_eq!(
            sole_source(
                "None has a record on it, but Judge Lopes is an expert and has lectured on the topic."
            ),
            "Judge Lopes"
        );
    }

    #[test]
    fn a_quotation_before_a_long_descriptor_or_a_participle_is_the_words() {
        assert_eq!(
            read("“The levy is fair,” former FBI agent Ana Lopes explained.")[0].2,
            "“The levy is fair,”"
        );
        assert_eq!(
            read("The levy is fair, Mayor Tim Kerr’s longtime adviser Ana Lopes stated.")[0].2,
            "The levy is fair"
        );
        // A quotation closed as a sentence of its own.
        assert_eq!(
            read("“Not fair!” Lopes said, quoting the mayor.")[0],
            ("said".into(), "Lopes".into(), "Not fair!".into())
        );
        // Whatever trails the audience or the medium is no clause.
        assert_eq!(
            read("“Who knows?” Lopes told ITV in an interview aired on Monday.")[0],
            ("told".into(), "Lopes".into(), "Who knows?".into())
        );
        assert_eq!(
            read("The levy is fair, Ana Lopes told POLITICO earlier this week.")[0].2,
            "The levy is fair"
        );
    }

    #[test]
    fn a_conjunction_or_an_adverb_phrase_before_a_parenthetical_is_no_content() {
        assert_eq!(
            read("And, Lopes tells the crowd, the levy is too high.")[0].2,
            "the levy is too high"
        );
        assert_eq!(
            read("Even then, she said, she has learned enough about the levy.")[0].2,
            "she has learned enough about the levy"
        );
    }

    #[test]
    fn a_concession_hedges_nothing_and_aside_from_links_a_participle() {
        assert_eq!(
            read("Odd as it may seem, Lopes said the levy helped."),
            vec![("said".into(), "Lopes".into(), "the levy helped".into())]
        );
        assert_eq!(
            read("Lopes refuses to name anyone, aside from saying she wants a diverse team."),
            vec![
                ("refuses".into(), "Lopes".into(), "to name anyone".into()),
                (
                    "saying".into(),
                    "Lopes".into(),
                    "she wants a diverse team".into()
                ),
            ]
        );
    }

    #[test]
    fn a_medium_after_on_is_where_the_subject_speaks() {
        assert_eq!(
            sole_source("On Monday, Lopes was on CNN talking about what she does next."),
            "Lopes"
        );
    }

    #[test]
    fn a_pronoun_opening_the_clause_is_a_conjunct() {
        assert_eq!(
            sole_source("She and her husband supported the levy."),
            "She and her husband"
        );
        // Not the object of a verb before: "told him" is no speaker.
        let got = read("The mayor called him and his aides said nothing.");
        assert!(
            got.iter()
                .any(|(cue, source, _)| cue == "said" && source == "his aides"),
            "{got:?}"
        );
    }

    #[test]
    fn a_participle_finds_its_clause_subject_past_nouns_openers_and_joins() {
        let source_of = |text: &str, cue: &str| {
            let got = read(text);
            got.iter()
                .find(|(c, _, _)| c == cue)
                .map(|(_, s, _)| s.clone())
                .unwrap_or_else(|| panic!("no {cue} in {got:?}"))
        };
        // Not the owner of a noun of saying.
        assert_eq!(
            source_of(
                "Lopes on Thursday stepped up her attacks on Kerr, saying he is weak.",
                "saying"
            ),
            "Lopes"
        );
        // Openers: an adverb phrase, a time without its comma.
        assert_eq!(
            source_of(
                "More recently, Lopes has shifted her tone, offering dire warnings.",
                "offering"
            ),
            "Lopes"
        );
        assert_eq!(
            source_of(
                "On Sunday morning Mayor Lopes cut the levy, writing that it was too high.",
                "writing"
            ),
            "Mayor Lopes"
        );
        // A clause joined by ", and" has its own subject.
        assert_eq!(
            source_of(
                "Kerr unleashed attacks against Lopes, and the governor tripped her up by calling her out.",
                "calling"
            ),
            "the governor"
        );
    }

    #[test]
    fn a_participle_after_a_parenthetical_is_the_parentheticals() {
        assert_eq!(
            read("Lopes intends to run again, an aide said, adding that she would win.")[2],
            (
                "adding".into(),
                "an aide".into(),
                "that she would win".into()
            )
        );
    }

    #[test]
    fn an_opening_adverb_is_no_subject_of_a_second_verb() {
        assert_eq!(
            sole_source("Essentially, the lawyers looked through it and found that it was sent."),
            "the lawyers"
        );
        assert_eq!(
            sole_source("While Ryan is a vocal advocate of trade and wrote a bill, Lopes is not."),
            "Ryan"
        );
    }

    #[test]
    fn whoever_issues_a_statement_speaks_through_it() {
        assert_eq!(
            sole_source("The town released a statement Wednesday saying the claim is wrong."),
            "The town"
        );
    }

    #[test]
    fn an_infinitive_of_purpose_is_the_clause_subjects() {
        assert_eq!(
            sole_source("The governor even went on CNN to declare Lopes the winner."),
            "The governor"
        );
        // A verb's past before the preposition is no head the phrase goes on from.
        assert_eq!(
            sole_source("The senator spoke at a gathering to discuss the levy."),
            "The senator"
        );
    }

    #[test]
    fn a_span_of_time_before_an_opening_participle_is_no_subject() {
        assert_eq!(
            read("One month after announcing her support for Kerr, Lopes still believes that he is unfit."),
            [
                (
                    "announcing".into(),
                    "Lopes".into(),
                    "her support for Kerr".into()
                ),
                (
                    "believes".into(),
                    "Lopes".into(),
                    "that he is unfit".into()
                )
            ]
        );
    }

    #[test]
    fn the_day_a_report_came_out_is_no_subject() {
        assert_eq!(
            sole_source(
                "A news report published Wednesday said the mayor used a personal account."
            ),
            "A news report"
        );
    }

    #[test]
    fn a_past_form_after_a_name_is_a_verb_not_a_modifier() {
        assert_eq!(
            read("Lopes exhorted Republicans to vote and said he would win.")[0].1,
            "Lopes"
        );
    }

    #[test]
    fn whoever_plants_articles_speaks_through_them() {
        assert_eq!(
            sole_source("In the 1980s, the KGB planted newspaper articles alleging that the virus was made."),
            "the KGB"
        );
    }

    #[test]
    fn in_and_a_participle_opening_the_clause_is_the_subjects() {
        assert_eq!(
            read("In explaining the delay, the mayor blamed the weather.")[0],
            ("explaining".into(), "the mayor".into(), "the delay".into())
        );
        // After a noun, "in" makes no link.
        assert!(cues("The agency played a role in denying the requests.").is_empty());
    }

    #[test]
    fn whoever_follows_with_does_the_participle() {
        assert_eq!(
            sole_source("The conversation ended with Kerr asking Lopes whether she would run."),
            "Kerr"
        );
    }

    #[test]
    fn a_question_asked_by_someone_is_theirs() {
        let got = read("Asked by host Tim Kerr whether she would run, Lopes said she would.");
        assert_eq!(
            got[0],
            (
                "Asked".into(),
                "host Tim Kerr".into(),
                "whether she would run".into()
            )
        );
        let got = read("Lopes was asked by a reporter whether she would run.");
        assert_eq!(
            got[0],
            (
                "asked".into(),
                "a reporter".into(),
                "whether she would run".into()
            )
        );
        // Without "by", no one is named.
        assert_eq!(
            read("Asked about the levy, Lopes said it was fair.")[0].1,
            ""
        );
    }

    #[test]
    fn a_capitalised_modifier_runs_on_to_its_noun_before_a_past_tense() {
        assert_eq!(
            sole_source("Syrian hackers hijacked the account, saying it was weak."),
            "Syrian hackers"
        );
        assert_eq!(
            sole_source(
                "Labour aides also spent the day at the mill, confident that it would stay open."
            ),
            "Labour aides"
        );
        assert_eq!(
            sole_source("Trump took a risk, saying it was worth it."),
            "Trump"
        );
    }
}
