//! Language knowledge as data: reporting verbs, cue phrases, hearsay and weasel
//! cues, titles and roles. Files under `grammar/` are parsed (see
//! [`parse`]) and compiled once into a [`Grammar`]: a phrase trie over
//! normalised words that the later stages query.

mod lookup;
mod parse;

use rustc_hash::FxHashMap;

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use lookup::{ShortWord, WordIndex};
pub use parse::{parse_file, Example, GrammarError, Line};

use crate::segment::lex::{lex_into, Token, TokenKind};

/// What a grammar entry says about its phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A reporting verb or verb phrase; the source is its subject.
    Verb,
    /// A reporting verb whose object is the audience: "told the Courier that".
    VerbObject,
    /// The source follows: "according to X".
    According,
    /// What follows is where the source got it: "citing X", "which reported X".
    Relay,
    /// What follows is the medium: "in an interview with X".
    Venue,
    /// Hearsay on its own: rumours, reports, "reportedly".
    Hearsay,
    /// Weasel wording that hides the source in a vague crowd.
    Weasel,
    /// Marks a source as unnamed: "sources", "who asked not to be named".
    Anonymous,
    /// Marks a source as a vague crowd: "some", "observers", "critics".
    Vague,
    /// Collective media: "media", "the press": hearsay when it is the source.
    Collective,
    /// Titles and roles that stand before a name or for a person.
    Title,
    /// Common nouns for people: "engineer", "diplomat", "resident".
    Person,
    /// Head nouns of organisations: "ministry", "company", "alliance".
    Org,
    /// Media outlets and media nouns: "newspaper", "television", "Reuters".
    Media,
    /// Documents that can be a source: "statement", "survey", "report".
    Document,
    /// Countries and capitals used as sources ("Ukraine claims").
    Country,
    /// Pronouns that can stand for a source.
    Pronoun,
    /// Closed-class words: determiners, auxiliaries, boundaries, prepositions.
    Function,
    /// Days, months and other time words that are capitalised but are not names.
    Time,
    /// Abbreviations whose full stop does not end a sentence.
    Abbreviation,
    /// Credit lines: "Source:", "By".
    Credit,
    /// Pure speech verbs, whose subject is a speaker whatever it is called.
    Speech,
    /// Phrases that start like a cue but are not one: "added to the
    /// confusion", "agreed to pay", "ruled out".
    NotCue,
    /// Opens a sentence with whose view it is: "For most Democrats, …",
    /// "To Sexton, …".
    Perspective,
    /// Heads a line with a colon without being a speaker: "The Latest:",
    /// "Correction:", "Contributing:".
    Label,
    /// A noun of saying or thinking whose possessor is the source: "Trump's
    /// claim that …", "her attacks on Cruz".
    Noun,
    /// A "-ing" form that is a noun after a determiner and a modifier: "a
    /// strong showing", "his best showing".
    NounForm,
    /// A noun whose holder follows it, the object of a verb whose subject
    /// is what is held: "Clinton drew support from women", "the plan has
    /// drawn criticism from Republicans".
    HeldBy,
}

impl Kind {
    pub const ALL: &'static [(&'static str, Kind)] = &[
        ("verb", Kind::Verb),
        ("verb-object", Kind::VerbObject),
        ("according", Kind::According),
        ("relay", Kind::Relay),
        ("venue", Kind::Venue),
        ("hearsay", Kind::Hearsay),
        ("weasel", Kind::Weasel),
        ("anonymous", Kind::Anonymous),
        ("vague", Kind::Vague),
        ("collective", Kind::Collective),
        ("title", Kind::Title),
        ("person", Kind::Person),
        ("org", Kind::Org),
        ("media", Kind::Media),
        ("document", Kind::Document),
        ("country", Kind::Country),
        ("pronoun", Kind::Pronoun),
        ("function", Kind::Function),
        ("time", Kind::Time),
        ("abbreviation", Kind::Abbreviation),
        ("credit", Kind::Credit),
        ("speech", Kind::Speech),
        ("not-cue", Kind::NotCue),
        ("perspective", Kind::Perspective),
        ("label", Kind::Label),
        ("noun", Kind::Noun),
        ("noun-form", Kind::NounForm),
        ("held-by", Kind::HeldBy),
    ];

    /// This kind as a bit in a kind mask ([`Grammar::kinds`]).
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }

    pub fn name(self) -> &'static str {
        Kind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }

    /// The tags an entry of this kind may carry (empty: no tag allowed).
    pub fn tags(self) -> &'static [&'static str] {
        match self {
            Kind::Verb
            | Kind::VerbObject
            | Kind::According
            | Kind::Perspective
            | Kind::Noun
            | Kind::HeldBy => &[
                "neutral",
                "distancing",
                "endorsing",
                "denial",
                "thought",
                "intention",
                "reaction",
                "question",
                "act",
            ],
            Kind::Hearsay => &[
                "rumour",
                "report",
                "speculation",
                "reportedly",
                "allegedly",
                "said-to",
                "understood",
                "unconfirmed",
            ],
            Kind::Title => &["role", "speaker", "leader"],
            Kind::Org => &["name", "generic"],
            Kind::Pronoun => &["person", "group", "thing", "speaker"],
            Kind::Function => &[
                "determiner",
                "quantifier",
                "aux",
                "adverb",
                "boundary",
                "preposition",
                "negation",
                "conjunction",
                "relative",
                "catenative",
            ],
            Kind::Abbreviation => &["always", "maybe"],
            Kind::Credit => &["publisher", "byline"],
            // Untagged documents stay valid: the tags only mark polls and
            // occasions of speaking ("interview").
            Kind::Document => &["poll", "occasion"],
            _ => &[],
        }
    }

    /// The [`Kind::bit`]s of the cue kinds ([`Kind::is_cue`]).
    pub const CUES: u32 = Kind::Verb.bit()
        | Kind::VerbObject.bit()
        | Kind::According.bit()
        | Kind::Relay.bit()
        | Kind::Venue.bit()
        | Kind::Hearsay.bit()
        | Kind::Weasel.bit()
        | Kind::HeldBy.bit();

    /// Kinds that are cues in running text (as opposed to word classes).
    pub fn is_cue(self) -> bool {
        matches!(
            self,
            Kind::Verb
                | Kind::VerbObject
                | Kind::According
                | Kind::Relay
                | Kind::Venue
                | Kind::Hearsay
                | Kind::Weasel
                | Kind::HeldBy
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One meaning of a phrase: its kind and optional tag ("verb distancing").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entry {
    pub kind: Kind,
    pub tag: &'static str,
}

/// Lowercases and folds curly apostrophes, so that "Affairs’" and "affairs'"
/// look up the same.
pub fn norm(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        // The common case: no curly apostrophes, and ASCII case folding is
        // what `char::to_lowercase` does to ASCII.
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    if let Some(folded) = norm_curly_ascii(word) {
        return Cow::Owned(folded);
    }
    if word
        .chars()
        .all(|c| !c.is_uppercase() && c != '’' && c != '‘')
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(
            word.chars()
                .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect(),
        )
    }
}

/// [`norm`] of a word that is ASCII but for curly apostrophes
/// ("Russia’s", common in news), folded byte by byte; `None` for any other
/// word.
fn norm_curly_ascii(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let mut i = 0;
    while i < b.len() {
        i += if b[i].is_ascii() {
            1
        } else if matches!(b[i..], [0xE2, 0x80, 0x98 | 0x99, ..]) {
            3
        } else {
            return None;
        };
    }
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            out.push(b[i].to_ascii_lowercase() as char);
            i += 1;
        } else {
            out.push('\'');
            i += 3;
        }
    }
    Some(out)
}

/// A node of the phrase trie: the entries of the phrase that ends here, and
/// the mask of their kinds so that "is this word a verb?" is one bit test.
#[derive(Debug, Default)]
struct Node {
    entries: Vec<Entry>,
    kinds: u32,
    /// The kinds of every phrase that starts with this one (itself included),
    /// so that a lookup stops as soon as no wanted phrase can follow.
    below: u32,
    /// The kinds of every longer phrase that starts with this one: none
    /// means no step from here can reach a wanted phrase, which this tells
    /// without a lookup of the edge.
    deeper: u32,
}

/// An interned grammar word (see [`Grammar::word_id`]).
pub type WordId = u32;
/// A node of the phrase trie; [`ROOT`] is the empty phrase.
pub type NodeId = u32;
/// The trie root: the empty phrase, which has no entries.
pub const ROOT: NodeId = 0;

/// The compiled grammar: every phrase of every file in one trie keyed by
/// normalised words. Words are interned once, so that a text's tokens are
/// looked up once each and every later phrase lookup walks integer edges;
/// lookups never allocate.
#[derive(Debug)]
pub struct Grammar {
    nodes: Vec<Node>,
    /// Every word that occurs in some phrase → its id.
    words: WordIndex,
    /// Per word id: the word, so that a token's normal
    /// form, when it is a grammar word, needs no lookup. One arena, not a
    /// second allocation per word: start-up time counts.
    word_texts: WordTexts,
    /// Trie edges: (node, word) → child.
    edges: FxHashMap<(NodeId, WordId), NodeId>,
    /// Per word: its node as a one-word phrase ([`ROOT`] if none) and that
    /// node's kinds, so that a token costs one hash lookup.
    roots: Vec<(NodeId, u32)>,
    /// Per word: the kinds of every phrase it starts (its root node's
    /// [`Grammar::kinds_below`], none if it has none), so that a token's
    /// are one load from its word, not two more from its root's node.
    root_below: Vec<u32>,
    /// Per word: the kinds of the phrases of two words or more that it
    /// ends (see [`Grammar::kinds_ending`]).
    ends: Vec<u32>,
    examples: Vec<(String, Example)>,
    files: Vec<String>,
}

/// The grammar files shipped with whosaid, compiled into the binary.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "grammar/reporting-verbs.wsg",
        include_str!("../../grammar/reporting-verbs.wsg"),
    ),
    (
        "grammar/hearsay.wsg",
        include_str!("../../grammar/hearsay.wsg"),
    ),
    (
        "grammar/weasel.wsg",
        include_str!("../../grammar/weasel.wsg"),
    ),
    (
        "grammar/sources.wsg",
        include_str!("../../grammar/sources.wsg"),
    ),
    (
        "grammar/english.wsg",
        include_str!("../../grammar/english.wsg"),
    ),
];

/// Words by id, each in a box of its own. A token's normal form is mostly
/// its grammar word, asked for millions of times per megabyte: a boxed word
/// is one bounds check and a load, where a slice of one arena string cost
/// two bounds checks, a branch for the first word and two char-boundary
/// checks (about 3% of the pipeline). The two thousand allocations cost
/// well under a tenth of building the grammar.
#[derive(Debug, Clone, Default)]
struct WordTexts {
    words: Vec<Box<str>>,
}

/// For a default [`TokenWords`], which has no grammar.
impl Default for &WordTexts {
    fn default() -> Self {
        static NONE: WordTexts = WordTexts { words: Vec::new() };
        &NONE
    }
}

impl WordTexts {
    fn push(&mut self, w: &str) {
        self.words.push(w.into());
    }

    #[inline]
    fn get(&self, id: WordId) -> &str {
        &self.words[id as usize]
    }
}

impl Grammar {
    /// The built-in grammar. Panics only if a shipped file is malformed,
    /// which the test suite rules out.
    pub fn builtin() -> Grammar {
        Grammar::with_files(&[]).expect("built-in grammar files are valid")
    }

    /// The built-in grammar plus user files (`--grammar FILE`).
    pub fn with_files(extra: &[&Path]) -> Result<Grammar, GrammarError> {
        // Room for the built-in grammar's trie and words, so that none of
        // the lists and tables is grown and copied step by step: its files
        // have a phrase word every 18 bytes or so (an edge and a node at
        // most each) and a new word every 33.
        let size: usize = BUILTIN.iter().map(|(_, text)| text.len()).sum();
        let (phrase_words, words) = (size / 16, size / 32);
        let mut nodes = Vec::with_capacity(phrase_words + 1);
        nodes.push(Node::default());
        let mut g = Grammar {
            nodes,
            words: WordIndex::with_capacity(words),
            word_texts: WordTexts {
                words: Vec::with_capacity(words),
            },
            edges: FxHashMap::with_capacity_and_hasher(phrase_words, Default::default()),
            roots: Vec::with_capacity(words),
            root_below: Vec::with_capacity(words),
            ends: Vec::with_capacity(words),
            examples: Vec::new(),
            files: Vec::new(),
        };
        for (name, text) in BUILTIN {
            g.add_source(name, text)?;
        }
        for path in extra {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| GrammarError {
                file: name.clone(),
                line: 0,
                column: 0,
                message: format!("cannot read grammar file: {e}"),
            })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let prefix = &e.as_bytes()[..at];
                let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
                let col = prefix.len()
                    - prefix
                        .iter()
                        .rposition(|&b| b == b'\n')
                        .map_or(0, |p| p + 1)
                    + 1;
                GrammarError {
                    file: name.clone(),
                    line,
                    column: col,
                    message: "grammar file is not valid UTF-8".into(),
                }
            })?;
            g.add_source(&name, &text)?;
        }
        Ok(g)
    }

    /// Parses and adds one grammar file's text.
    pub fn add_source(&mut self, name: &str, text: &str) -> Result<(), GrammarError> {
        let lines = parse_file(name, text)?;
        // The trie path and the tokens of one phrase at a time, reused: a
        // list of its own was an allocation for each of the grammar's
        // phrases.
        let (mut path, mut tokens, mut marks) = (Vec::new(), Vec::new(), Vec::new());
        for line in lines {
            match line {
                Line::Entry {
                    kind, tag, phrases, ..
                } => {
                    for p in phrases {
                        tokens.clear();
                        // (The marks are not read here.)
                        marks.clear();
                        lex_into(&p, 0, &mut tokens, &mut marks);
                        self.insert(&p, &tokens, Entry { kind, tag }, &mut path);
                    }
                }
                Line::Example(ex) => self.examples.push((name.to_string(), ex)),
            }
        }
        self.files.push(name.to_string());
        Ok(())
    }

    /// Adds `phrase`, lexed into `tokens`, to the trie with `entry`; `path`
    /// is scratch space for the nodes it passes through.
    fn insert(&mut self, phrase: &str, tokens: &[Token], entry: Entry, path: &mut Vec<NodeId>) {
        let mut node = ROOT;
        path.clear();
        let mut first_word: WordId = 0;
        let mut last_word: WordId = 0;
        for tok in tokens {
            if matches!(tok.kind, TokenKind::Quote(_)) {
                continue;
            }
            let w = norm(tok.text(phrase));
            let id = self.word_id(&w).unwrap_or_else(|| {
                let id = self.words.len() as WordId;
                self.roots.push((ROOT, 0));
                self.root_below.push(0);
                self.ends.push(0);
                self.word_texts.push(&w);
                self.words.push(id, &self.word_texts);
                id
            });
            let next_node = self.nodes.len() as NodeId;
            node = *self.edges.entry((node, id)).or_insert(next_node);
            if node == next_node {
                self.nodes.push(Node::default());
            }
            if path.is_empty() {
                first_word = id;
                self.roots[id as usize].0 = node;
            }
            path.push(node);
            last_word = id;
        }
        let n = &mut self.nodes[node as usize];
        if node != ROOT && !n.entries.contains(&entry) {
            n.entries.push(entry);
            n.kinds |= entry.kind.bit();
            for &p in path.iter() {
                self.nodes[p as usize].below |= entry.kind.bit();
            }
            // (The path's first node is its first word's root.)
            self.root_below[first_word as usize] |= entry.kind.bit();
            for &p in &path[..path.len() - 1] {
                self.nodes[p as usize].deeper |= entry.kind.bit();
            }
            if path.len() == 1 {
                self.roots[first_word as usize].1 |= entry.kind.bit();
            } else {
                self.ends[last_word as usize] |= entry.kind.bit();
            }
        }
    }

    /// The interned id of a normalised word, if some phrase uses it.
    pub fn word_id(&self, w: &str) -> Option<WordId> {
        self.words.get(w.as_bytes(), &self.word_texts)
    }

    /// The node of word `w` as a one-word phrase ([`ROOT`] if none) and its kinds.
    #[inline]
    pub fn root(&self, w: WordId) -> (NodeId, u32) {
        self.roots[w as usize]
    }

    /// The trie node reached from `node` by one more word.
    #[inline]
    pub fn step(&self, node: NodeId, w: WordId) -> Option<NodeId> {
        self.edges.get(&(node, w)).copied()
    }

    /// The kinds of the phrases of two words or more that word `w` ends:
    /// without a kind, no phrase of it that long ends at a token of `w`,
    /// which one load tells before any walk of the trie.
    #[inline]
    pub fn kinds_ending(&self, w: WordId) -> u32 {
        self.ends[w as usize]
    }

    /// The entries of the phrase that ends at `node`.
    #[inline]
    pub fn entries(&self, node: NodeId) -> &[Entry] {
        &self.nodes[node as usize].entries
    }

    /// The kinds of the entries at `node`, as a mask of [`Kind::bit`]s.
    #[inline]
    pub fn kinds(&self, node: NodeId) -> u32 {
        self.nodes[node as usize].kinds
    }

    /// The kinds of every phrase that starts with the phrase at `node`.
    #[inline]
    pub fn kinds_below(&self, node: NodeId) -> u32 {
        self.nodes[node as usize].below
    }

    /// The kinds of every phrase longer than the one at `node` that starts
    /// with it: the kinds any [`Grammar::step`] from `node` can lead to.
    #[inline]
    pub fn kinds_deeper(&self, node: NodeId) -> u32 {
        self.nodes[node as usize].deeper
    }

    /// [`Grammar::word_id`] of a token's normal form ([`norm`]), without
    /// building that form for the common short ASCII token (a capitalised
    /// one would cost an allocation).
    pub fn token_id(&self, raw: &str) -> Option<WordId> {
        match ShortWord::of(raw.as_bytes(), 0, raw.len()) {
            Some(s) => self.words.get_short(s.lower),
            None => self.word_id(&norm(raw)),
        }
    }

    /// [`Grammar::word_id`] of the normal form `buf[..n]` (UTF-8, as
    /// [`norm`] gives it; the bytes after it are ignored). One of at most
    /// eight ASCII bytes is found by those bytes packed, a longer one by
    /// its bytes: no check of UTF-8, for a form spelt out on the stack or
    /// put together as bytes.
    pub fn form_id(&self, buf: &[u8], n: usize) -> Option<WordId> {
        match ShortWord::of(buf, 0, n) {
            // Lowercasing a normal form changes nothing.
            Some(s) => self.words.get_short(s.lower),
            None => self.words.get(&buf[..n], &self.word_texts),
        }
    }

    /// Every entry for a single word given as a token's text ([`norm`] is
    /// applied).
    pub fn token_entries(&self, raw: &str) -> &[Entry] {
        self.token_id(raw)
            .map_or(&[], |id| self.entries(self.root(id).0))
    }

    /// The node of a single normalised word ([`ROOT`] if it is no phrase).
    pub fn word_node(&self, w: &str) -> NodeId {
        self.word_id(w).map_or(ROOT, |id| self.root(id).0)
    }

    /// Every entry for a single normalised word.
    pub fn word(&self, w: &str) -> &[Entry] {
        self.entries(self.word_node(w))
    }

    pub fn word_is(&self, w: &str, kind: Kind) -> bool {
        self.kinds(self.word_node(w)) & kind.bit() != 0
    }

    pub fn word_tag(&self, w: &str, kind: Kind, tag: &str) -> bool {
        self.word(w).iter().any(|e| e.kind == kind && e.tag == tag)
    }

    /// The longest phrase starting at `words[0]` that has an entry accepted
    /// by `want`; returns its length in words and its entries.
    pub fn longest<'g, S: AsRef<str>>(
        &'g self,
        words: &[S],
        want: impl Fn(&Entry) -> bool,
    ) -> Option<(usize, &'g [Entry])> {
        self.longest_ids(words.iter().map(|w| self.word_id(w.as_ref())), want)
    }

    /// [`Grammar::longest`] over interned words (`None`: a word no phrase
    /// uses). Stops at the first word that leaves the trie, so callers may
    /// pass a lazy iterator over the rest of a sentence.
    pub fn longest_ids(
        &self,
        words: impl IntoIterator<Item = Option<WordId>>,
        want: impl Fn(&Entry) -> bool,
    ) -> Option<(usize, &[Entry])> {
        let mut node = ROOT;
        let mut best = None;
        for (i, w) in words.into_iter().enumerate() {
            match w.and_then(|w| self.step(node, w)) {
                Some(n) => node = n,
                None => break,
            }
            let entries = self.entries(node);
            if entries.iter().any(&want) {
                best = Some((i + 1, entries));
            }
        }
        best
    }

    pub fn examples(&self) -> &[(String, Example)] {
        &self.examples
    }

    pub fn files(&self) -> &[String] {
        &self.files
    }
}

/// The grammar's view of every token of one text, computed once per text:
/// its normalised form ([`norm`]), its interned word and its single-word trie
/// node, with that node's kind mask. Indexing gives the normalised form.
///
/// Kept small, since it exists for every token of a text at once: per
/// token only its interned word (node and kinds are the grammar's for that
/// word), and per 64 tokens two bit sets (normal form in the arena, starts
/// uppercase) with a count; a normal form that differs from the text and
/// is no grammar word is in the arena.
#[derive(Debug, Default)]
pub struct TokenWords<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// The grammar's one-word roots (see [`Grammar::root`]).
    roots: &'a [(NodeId, u32)],
    /// The kinds below the grammar's roots (see `Grammar::root_below`).
    root_below: &'a [u32],
    /// The grammar's words by id: the normal form of a token that has one.
    word_texts: &'a WordTexts,
    /// The normal forms that differ from the text, one after another.
    arena: String,
    /// Where each normal form in the arena ends, in token order.
    arena_ends: Vec<usize>,
    /// Per token: its interned word, or [`NO_WORD`].
    ids: Vec<WordId>,
    /// Per token: its one-word kinds if it is a word token, else none.
    /// The rules ask "is this word of kind K?" many times a token, and
    /// one load answers it, where the token's kind, its word and that
    /// word's root were three (each bounds-checked).
    word_kinds: Vec<u32>,
    /// Per 64 tokens.
    blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Block {
    /// Tokens whose normal form is in the arena.
    in_arena: u64,
    /// Tokens that start with an uppercase letter.
    upper: u64,
    /// Arena forms of the tokens before this block.
    before: usize,
}

const NO_WORD: WordId = WordId::MAX;

/// The normal forms of [`TokenWords`] that differ from their tokens' text,
/// as they are put together: bytes, so that a short word's lowercase, at
/// hand already packed (see [`ShortWord`]), is written in one store of
/// eight bytes, where a `String` took a copy of the token and a lowercasing
/// in place a byte at a time. Each form is a whole `str`, so the bytes are
/// UTF-8, checked once when they become the arena.
struct Arena {
    bytes: Vec<u8>,
}

impl Arena {
    fn with_capacity(n: usize) -> Arena {
        Arena {
            bytes: Vec::with_capacity(n),
        }
    }

    /// Pushes the `n` bytes of the packed form `w`: one store of eight
    /// bytes, cut back.
    #[inline]
    fn push_packed(&mut self, w: u64, n: usize) {
        let at = self.bytes.len();
        self.bytes.extend_from_slice(&w.to_le_bytes());
        self.bytes.truncate(at + n);
    }

    /// For a token that is no [`ShortWord`]: whether it starts uppercase,
    /// whether its normal form differs from it (and so was pushed), and its
    /// interned word.
    fn fold_long(&mut self, raw: &str, g: &Grammar) -> (bool, bool, Option<WordId>) {
        let at = self.bytes.len();
        let ascii = raw.is_ascii();
        // A fold, not `any`: with no early exit the test runs many bytes at
        // a time, and most long words have no capital at all.
        let caps = ascii && raw.bytes().fold(false, |up, b| up | b.is_ascii_uppercase());
        if caps {
            self.bytes.extend_from_slice(raw.as_bytes());
            self.bytes[at..].make_ascii_lowercase();
        }
        let (upper, folded) = if ascii {
            (raw.as_bytes()[0].is_ascii_uppercase(), caps)
        } else {
            let upper = raw.chars().next().is_some_and(char::is_uppercase);
            match norm(raw) {
                Cow::Borrowed(_) => (upper, false),
                Cow::Owned(w) => {
                    self.bytes.extend_from_slice(w.as_bytes());
                    (upper, true)
                }
            }
        };
        if !folded {
            return (upper, false, g.word_id(raw));
        }
        let id = g.form_id(&self.bytes[at..], self.bytes.len() - at);
        if id.is_some() {
            // A grammar word's form is the grammar's copy (see `norm`).
            self.bytes.truncate(at);
            return (upper, false, id);
        }
        (upper, true, id)
    }

    fn into_string(self) -> String {
        String::from_utf8(self.bytes).expect("whole normal forms are UTF-8")
    }
}

impl<'a> TokenWords<'a> {
    // Out of line: inlined into the provenance stage, its loop over every
    // token shared that function's registers and kept more of its state on
    // the stack (0.6M instructions more on the 924 articles).
    #[inline(never)]
    pub fn new(text: &'a str, tokens: &'a [Token], g: &'a Grammar) -> TokenWords<'a> {
        let mut out = TokenWords {
            text,
            tokens,
            roots: &g.roots,
            root_below: &g.root_below,
            word_texts: &g.word_texts,
            arena: String::new(),
            arena_ends: Vec::with_capacity(tokens.len() / 8),
            ids: Vec::with_capacity(tokens.len()),
            word_kinds: Vec::with_capacity(tokens.len()),
            blocks: Vec::with_capacity(tokens.len().div_ceil(64)),
        };
        // The forms are put together as bytes (see `Arena`) and made the
        // arena `String` once at the end. Room for the forms of an eighth
        // of the tokens: a form goes in the arena only for a word with a
        // capital that is no grammar word, and in news under a sixth of
        // the tokens have a capital at all, so that most texts never grow
        // it.
        let mut arena = Arena::with_capacity(text.len() / 8);
        // The ids are filled with `NO_WORD` a chunk at a time and written in
        // place (a taken `Vec`, so that `out` is not borrowed meanwhile): a
        // push a token costs a capacity check and, in a loop this busy, a
        // length kept in memory.
        let mut ids = std::mem::take(&mut out.ids);
        let mut word_kinds = std::mem::take(&mut out.word_kinds);
        for chunk in tokens.chunks(64) {
            let mut block = Block {
                before: out.arena_ends.len(),
                ..Block::default()
            };
            let base = ids.len();
            ids.resize(base + chunk.len(), NO_WORD);
            // The chunk's kinds in a local array, appended after: filled
            // in place like the ids, they were a `memset` of four bytes a
            // token.
            let mut chunk_kinds = [0u32; 64];
            let slots = ids[base..].iter_mut().zip(&mut chunk_kinds);
            for ((j, t), (slot, kinds)) in chunk.iter().enumerate().zip(slots) {
                let one = (t.span.len() == 1)
                    .then(|| text.as_bytes()[t.span.start])
                    .filter(u8::is_ascii);
                let (upper, folded, id) = if let Some(c) = one {
                    // One ASCII byte (punctuation, "a", "I"): found by that
                    // byte, lowercased, in a table.
                    let id = g.words.get_single(c.to_ascii_lowercase());
                    let upper = c.is_ascii_uppercase();
                    let folded = upper && id.is_none();
                    if folded {
                        arena.bytes.push(c.to_ascii_lowercase());
                    }
                    (upper, folded, id)
                } else {
                    match ShortWord::of(text.as_bytes(), t.span.start, t.span.end) {
                        // The common case: the token's text is needed only if
                        // it has an uppercase letter and is no grammar word
                        // (whose form is the grammar's copy, see `norm`).
                        Some(s) => {
                            let id = g.words.get_short(s.lower);
                            let folded = s.has_upper() && id.is_none();
                            if folded {
                                arena.push_packed(s.lower, t.span.len());
                            }
                            (s.starts_upper(), folded, id)
                        }
                        // One character of General Punctuation (U+2000 to
                        // U+203F: curly double quotation marks, dashes),
                        // most tokens that are not ASCII: none is
                        // uppercase, and but for the curly single quotation
                        // marks (which fold to `'`) each is its own normal
                        // form, found by its last byte.
                        None => match text.as_bytes()[t.span.start..t.span.end] {
                            [0xE2, 0x80, c] if !matches!(c, 0x98 | 0x99) => {
                                (false, false, g.words.get_punct(c))
                            }
                            _ => arena.fold_long(t.text(text), g),
                        },
                    }
                };
                if folded {
                    out.arena_ends.push(arena.bytes.len());
                }
                block.in_arena |= u64::from(folded) << j;
                block.upper |= u64::from(upper) << j;
                if let Some(id) = id {
                    *slot = id;
                    if matches!(t.kind, TokenKind::Word) {
                        *kinds = g.roots[id as usize].1;
                    }
                }
            }
            word_kinds.extend_from_slice(&chunk_kinds[..chunk.len()]);
            out.blocks.push(block);
        }
        out.ids = ids;
        out.word_kinds = word_kinds;
        out.arena = arena.into_string();
        out
    }

    /// The normal form of token `i`.
    // Always inlined: the rules ask for it millions of times per megabyte,
    // mostly to compare it with a literal, and a call costs about as much.
    #[inline(always)]
    fn norm(&self, i: usize) -> &str {
        // A grammar word (the common case in the rules' comparisons) is the
        // grammar's own copy of the same normal form.
        let id = self.ids[i];
        if id != NO_WORD {
            return self.word_texts.get(id);
        }
        let block = &self.blocks[i / 64];
        let bit = 1u64 << (i % 64);
        if block.in_arena & bit == 0 {
            return self.tokens[i].text(self.text);
        }
        let k = block.before + (block.in_arena & (bit - 1)).count_ones() as usize;
        let start = if k == 0 { 0 } else { self.arena_ends[k - 1] };
        &self.arena[start..self.arena_ends[k]]
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The interned word of token `i`, if some phrase uses it.
    #[inline]
    pub fn id(&self, i: usize) -> Option<WordId> {
        let id = self.ids[i];
        (id != NO_WORD).then_some(id)
    }

    /// The trie node and kinds of token `i` as a one-word phrase.
    #[inline]
    fn root(&self, i: usize) -> (NodeId, u32) {
        // `NO_WORD` is past the end of the roots: one bounds test answers
        // both whether the token is a word and where its root is.
        self.roots
            .get(self.ids[i] as usize)
            .copied()
            .unwrap_or((ROOT, 0))
    }

    /// The trie node of token `i` as a one-word phrase ([`ROOT`]: none).
    #[inline]
    pub fn node(&self, i: usize) -> NodeId {
        self.root(i).0
    }

    /// The kinds of every phrase that starts with token `i`'s word (none
    /// if no phrase does): [`Grammar::kinds_below`] of its node, but for
    /// [`ROOT`], found from the word alone.
    #[inline]
    pub fn kinds_below(&self, i: usize) -> u32 {
        self.kinds_below_table().get(i)
    }

    /// [`TokenWords::kinds_below`] for a scan that asks it of token after
    /// token: the two tables it reads, which the scan keeps at hand.
    #[inline]
    pub fn kinds_below_table(&self) -> KindsBelow<'_> {
        KindsBelow {
            ids: &self.ids,
            root_below: self.root_below,
        }
    }

    /// Token `i` starts with an uppercase letter.
    #[inline]
    pub fn starts_upper(&self, i: usize) -> bool {
        self.blocks[i / 64].upper & (1u64 << (i % 64)) != 0
    }

    /// The first token of `from..to` that starts with an uppercase letter,
    /// or `to`: the bit sets read 64 tokens at a time.
    #[inline]
    pub fn next_upper(&self, from: usize, to: usize) -> usize {
        let mut i = from;
        while i < to {
            let bits = self.blocks[i / 64].upper >> (i % 64);
            if bits != 0 {
                return (i + bits.trailing_zeros() as usize).min(to);
            }
            i = (i / 64 + 1) * 64;
        }
        to
    }

    /// The kinds of token `i` as a one-word phrase, as a [`Kind::bit`] mask.
    #[inline]
    pub fn kinds(&self, i: usize) -> u32 {
        self.root(i).1
    }

    /// [`TokenWords::kinds`] of token `i` if it is a word token, else none.
    #[inline]
    pub fn word_kinds(&self, i: usize) -> u32 {
        self.word_kinds[i]
    }

    /// [`TokenWords::word_kinds`] of the tokens of `r`, for scans with no
    /// bounds check a token.
    #[inline]
    pub fn word_kinds_of(&self, r: std::ops::Range<usize>) -> &[u32] {
        &self.word_kinds[r]
    }
}

/// The tables of [`TokenWords::kinds_below`] (see
/// [`TokenWords::kinds_below_table`]).
#[derive(Debug, Clone, Copy)]
pub struct KindsBelow<'t> {
    ids: &'t [WordId],
    root_below: &'t [u32],
}

impl KindsBelow<'_> {
    /// [`TokenWords::kinds_below`] of token `i`.
    #[inline(always)]
    pub fn get(self, i: usize) -> u32 {
        // As in `TokenWords::root`, `NO_WORD` is past the end.
        self.root_below
            .get(self.ids[i] as usize)
            .copied()
            .unwrap_or(0)
    }
}

impl std::ops::Index<usize> for TokenWords<'_> {
    type Output = str;

    #[inline(always)]
    fn index(&self, i: usize) -> &str {
        self.norm(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lex::lex;

    #[test]
    fn builtin_grammar_compiles_and_answers() {
        let g = Grammar::builtin();
        assert!(g.word_is("said", Kind::Verb));
        assert!(g.word_is("spokesman", Kind::Title));
        let words = ["according", "to", "kcna"];
        let (n, e) = g.longest(&words, |e| e.kind == Kind::According).unwrap();
        assert_eq!(n, 2);
        assert!(e.iter().any(|e| e.kind == Kind::According));
    }

    #[test]
    fn one_word_roots_agree_with_the_trie() {
        let g = Grammar::builtin();
        assert_eq!(g.word_texts.words.len(), g.words.len());
        for id in 0..g.words.len() as WordId {
            let w = g.word_texts.get(id);
            assert_eq!(g.word_id(w), Some(id));
            // Short ASCII words are found through the short-word table.
            assert_eq!(g.token_id(w), Some(id), "{w}");
            let mut buf = w.as_bytes().to_vec();
            buf.extend_from_slice(b"xyz");
            assert_eq!(g.form_id(&buf, w.len()), Some(id), "{w}");
            let node = g.step(ROOT, id).unwrap_or(ROOT);
            assert_eq!(g.root(id), (node, g.kinds(node)));
            let below = if node == ROOT { 0 } else { g.kinds_below(node) };
            assert_eq!(g.root_below[id as usize], below, "{w}");
        }
    }

    #[test]
    fn form_id_is_none_for_a_form_no_phrase_uses() {
        let g = Grammar::builtin();
        for w in ["saidx", "zzz", "quibbledxyz", "é", "naïveté-ish"] {
            assert_eq!(g.form_id(w.as_bytes(), w.len()), g.word_id(w), "{w}");
        }
    }

    #[test]
    fn token_words_agree_with_norm_and_the_roots() {
        let g = Grammar::builtin();
        let text = "“Ünïcödé,” SAID the Spokesman’s aide. ".repeat(20)
            + "Officials said, according to KCNA, that the U.S. Affairs’ chief told reporters."
            + " I said A b; x Z (a) é — ‘it’ … – ‟x‟ †.";
        let tokens = lex(&text);
        assert!(tokens.len() > 130);
        let words = TokenWords::new(&text, &tokens, &g);
        assert_eq!(words.len(), tokens.len());
        for (i, t) in tokens.iter().enumerate() {
            let raw = t.text(&text);
            let n = norm(raw);
            assert_eq!(&words[i], n.as_ref(), "token {i}");
            let id = g.word_id(&n);
            assert_eq!(words.id(i), id);
            let (node, kinds) = id.map_or((ROOT, 0), |id| g.root(id));
            assert_eq!((words.node(i), words.kinds(i)), (node, kinds));
            let below = if node == ROOT { 0 } else { g.kinds_below(node) };
            assert_eq!(words.kinds_below(i), below, "token {i}");
            let word = matches!(t.kind, TokenKind::Word);
            assert_eq!(words.word_kinds(i), if word { kinds } else { 0 });
            let upper = raw.chars().next().is_some_and(char::is_uppercase);
            assert_eq!(words.starts_upper(i), upper, "token {i}");
        }
    }

    #[test]
    fn longest_match_prefers_the_longer_phrase() {
        let g = Grammar::builtin();
        let words = ["said", "in", "a", "statement", "that"];
        let (n, _) = g.longest(&words, |e| e.kind.is_cue()).unwrap();
        assert_eq!(n, 4);
    }

    #[test]
    fn norm_folds_case_and_apostrophes() {
        assert_eq!(norm("Affairs’"), "affairs'");
        assert!(matches!(norm("said"), Cow::Borrowed(_)));
    }

    #[test]
    fn user_grammar_files_add_entries() {
        let dir = std::env::temp_dir().join(format!("whosaid-g-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("house.wsg");
        std::fs::write(&f, "verb neutral: quipped | quips\n").unwrap();
        let g = Grammar::with_files(&[f.as_path()]).unwrap();
        assert!(g.word_is("quipped", Kind::Verb));
        std::fs::remove_dir_all(&dir).ok();
    }
}
