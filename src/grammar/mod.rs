//! Language knowledge as data: reporting verbs, cue phrases, hearsay and weasel
//! cues, titles and roles. Files under `grammar/` are parsed (see
//! [`parse`]) and compiled once into a [`Grammar`]: a phrase trie over
//! normalised words that the later stages query.

mod parse;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

pub use parse::{parse_file, Example, GrammarError, Line};

use crate::segment::lex::{lex, TokenKind};

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
    ];

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
            Kind::Verb | Kind::VerbObject | Kind::According => &[
                "neutral",
                "distancing",
                "endorsing",
                "denial",
                "thought",
                "intention",
                "reaction",
                "question",
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
            ],
            Kind::Abbreviation => &["always", "maybe"],
            Kind::Credit => &["publisher", "byline"],
            _ => &[],
        }
    }

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

#[derive(Debug, Default)]
struct Node {
    children: HashMap<Box<str>, u32>,
    entries: Vec<Entry>,
}

/// The compiled grammar: every phrase of every file in one trie keyed by
/// normalised words. Built once; lookups never allocate.
#[derive(Debug)]
pub struct Grammar {
    nodes: Vec<Node>,
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

impl Grammar {
    /// The built-in grammar. Panics only if a shipped file is malformed,
    /// which the test suite rules out.
    pub fn builtin() -> Grammar {
        Grammar::with_files(&[]).expect("built-in grammar files are valid")
    }

    /// The built-in grammar plus user files (`--grammar FILE`).
    pub fn with_files(extra: &[&Path]) -> Result<Grammar, GrammarError> {
        let mut g = Grammar {
            nodes: vec![Node::default()],
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
        for line in lines {
            match line {
                Line::Entry {
                    kind, tag, phrases, ..
                } => {
                    for p in phrases {
                        self.insert(&p, Entry { kind, tag });
                    }
                }
                Line::Example(ex) => self.examples.push((name.to_string(), ex)),
            }
        }
        self.files.push(name.to_string());
        Ok(())
    }

    fn insert(&mut self, phrase: &str, entry: Entry) {
        let mut node = 0usize;
        for tok in lex(phrase) {
            if matches!(tok.kind, TokenKind::Quote(_)) {
                continue;
            }
            let w = norm(tok.text(phrase)).into_owned().into_boxed_str();
            node = match self.nodes[node].children.get(&w) {
                Some(&n) => n as usize,
                None => {
                    self.nodes.push(Node::default());
                    let n = self.nodes.len() - 1;
                    self.nodes[node].children.insert(w, n as u32);
                    n
                }
            };
        }
        if node != 0 && !self.nodes[node].entries.contains(&entry) {
            self.nodes[node].entries.push(entry);
        }
    }

    /// Every entry for a single normalised word.
    pub fn word(&self, w: &str) -> &[Entry] {
        match self.nodes[0].children.get(w) {
            Some(&n) => &self.nodes[n as usize].entries,
            None => &[],
        }
    }

    pub fn word_is(&self, w: &str, kind: Kind) -> bool {
        self.word(w).iter().any(|e| e.kind == kind)
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
        let mut node = 0usize;
        let mut best = None;
        for (i, w) in words.iter().enumerate() {
            match self.nodes[node].children.get(w.as_ref()) {
                Some(&n) => node = n as usize,
                None => break,
            }
            let entries = &self.nodes[node].entries;
            if entries.iter().any(&want) {
                best = Some((i + 1, entries.as_slice()));
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

#[cfg(test)]
mod tests {
    use super::*;

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
