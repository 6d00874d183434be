//! The grammar file format, parsed with nom. Line oriented:
//!
//! ```text
//! # a comment
//! verb neutral: say | says | said | saying
//!     | adds | added          # a line starting with '|' continues the entry
//! hearsay rumour: rumours | rumors
//! example "Budanov said that Moscow used more weapons." => attributed source="Budanov" cue="said"
//! ```
//!
//! An entry is `KIND [TAG]: phrase | phrase …`; phrases are matched word by
//! word, case-insensitively. An example is a sentence with the reading the
//! whole pipeline must give it; the test suite runs every example.

use std::fmt;

use nom::{
    bytes::complete::{tag, take_while1},
    character::complete::{char, space0, space1},
    combinator::opt,
    IResult, Parser,
};

use super::Kind;

/// A malformed grammar file: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrammarError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for GrammarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for GrammarError {}

/// An example sentence and the reading expected of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub line: usize,
    pub sentence: String,
    pub status: String,
    pub source: Option<String>,
    pub cue: Option<String>,
    pub reason: Option<String>,
    /// The content of the attribution whose cue is `cue` (or of any one).
    pub content: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Entry {
        line: usize,
        kind: Kind,
        tag: &'static str,
        phrases: Vec<String>,
    },
    Example(Example),
}

fn ident(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_').parse(i)
}

/// A double-quoted string on one line. (Its end is found by `memchr2`,
/// where nom's `take_while` tested character by character.)
fn quoted(i: &str) -> IResult<&str, &str> {
    let (i, _) = char('"').parse(i)?;
    let end = memchr::memchr2(b'"', b'\n', i.as_bytes()).unwrap_or(i.len());
    let (body, rest) = i.split_at(end);
    let (rest, _) = char('"').parse(rest)?;
    Ok((rest, body))
}

/// The phrase list after the colon (or after the leading '|' of a
/// continuation line), up to a comment. (The comment and the bars are
/// found by `memchr`, where nom's `is_not` tested character by character,
/// and `split('|')` cost about 200 instructions a phrase.)
fn phrase_list(i: &str) -> Vec<&str> {
    let body = i.find('#').map_or(i, |end| &i[..end]);
    let mut phrases = Vec::new();
    let mut start = 0;
    for bar in memchr::memchr_iter(b'|', body.as_bytes()) {
        phrases.push(body[start..bar].trim());
        start = bar + 1;
    }
    phrases.push(body[start..].trim());
    phrases
}

fn example_field(i: &str) -> IResult<&str, (&str, &str)> {
    let (i, _) = space1.parse(i)?;
    let (i, key) = ident(i)?;
    let (i, _) = (space0, char('='), space0).parse(i)?;
    let (i, value) = quoted(i)?;
    Ok((i, (key, value)))
}

struct Ctx<'a> {
    file: &'a str,
    line: usize,
    text: &'a str,
}

impl Ctx<'_> {
    fn err(&self, at: &str, message: impl Into<String>) -> GrammarError {
        let offset = self.text.len() - at.len();
        GrammarError {
            file: self.file.to_string(),
            line: self.line,
            column: self.text[..offset].chars().count() + 1,
            message: message.into(),
        }
    }
}

fn check_phrases(ctx: &Ctx, at: &str, phrases: Vec<&str>) -> Result<Vec<String>, GrammarError> {
    let mut out = Vec::with_capacity(phrases.len());
    for p in phrases {
        if p.is_empty() {
            return Err(ctx.err(at, "expected a phrase (an empty one sits between two '|')"));
        }
        out.push(p.to_string());
    }
    Ok(out)
}

fn parse_example(ctx: &Ctx, after_kw: &str) -> Result<Example, GrammarError> {
    let (i, _) = space1::<&str, nom::error::Error<&str>>
        .parse(after_kw)
        .map_err(|_| ctx.err(after_kw, "expected a space after 'example'"))?;
    let (i, sentence) =
        quoted(i).map_err(|_| ctx.err(i, "expected the example sentence in double quotes"))?;
    let (i, _) = (space0::<&str, nom::error::Error<&str>>, tag("=>"), space0)
        .parse(i)
        .map_err(|_| ctx.err(i, "expected '=>' after the example sentence"))?;
    let (mut i, status) = ident(i).map_err(|_| ctx.err(i, "expected a status after '=>'"))?;
    if !["attributed", "unattributed", "hearsay", "none"].contains(&status) {
        return Err(ctx.err(
            i,
            format!(
                "unknown status '{status}' (expected attributed, unattributed, hearsay or none)"
            ),
        ));
    }
    let mut ex = Example {
        line: ctx.line,
        sentence: sentence.to_string(),
        status: status.to_string(),
        source: None,
        cue: None,
        reason: None,
        content: None,
    };
    loop {
        let trimmed = i.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            break;
        }
        let (next, (key, value)) = example_field(i).map_err(|_| {
            ctx.err(
                trimmed,
                "expected key=\"value\" (source, cue, reason or content)",
            )
        })?;
        match key {
            "source" => ex.source = Some(value.to_string()),
            "cue" => ex.cue = Some(value.to_string()),
            "reason" => ex.reason = Some(value.to_string()),
            "content" => ex.content = Some(value.to_string()),
            other => {
                return Err(ctx.err(
                    trimmed,
                    format!(
                        "unknown example field '{other}' (expected source, cue, reason or content)"
                    ),
                ))
            }
        }
        i = next;
    }
    Ok(ex)
}

/// Parses one grammar file into its lines. `file` names it in errors.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<Line>, GrammarError> {
    let mut out: Vec<Line> = Vec::new();
    for (n, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let ctx = Ctx {
            file,
            line: n + 1,
            text: raw,
        };
        let (body, _) = space0::<&str, nom::error::Error<&str>>
            .parse(raw)
            .unwrap_or((raw, ""));
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        if let Some(cont) = body.strip_prefix('|') {
            let Some(Line::Entry { phrases, .. }) = out.last_mut() else {
                return Err(ctx.err(body, "a continuation line ('|') must follow an entry"));
            };
            phrases.extend(check_phrases(&ctx, cont, phrase_list(cont))?);
            continue;
        }
        let (after, word) = ident(body)
            .map_err(|_| ctx.err(body, "expected an entry kind, 'example' or a comment"))?;
        if word == "example" {
            out.push(Line::Example(parse_example(&ctx, after)?));
            continue;
        }
        let Some(&(_, kind)) = Kind::ALL.iter().find(|(name, _)| *name == word) else {
            let names: Vec<_> = Kind::ALL.iter().map(|(n, _)| *n).collect();
            return Err(ctx.err(
                body,
                format!(
                    "unknown entry kind '{word}' (expected one of: {}, example)",
                    names.join(", ")
                ),
            ));
        };
        let (after_tag, tag_word) = opt((space1::<&str, nom::error::Error<&str>>, ident))
            .parse(after)
            .unwrap_or((after, None));
        let tag_static: &'static str = match tag_word {
            Some((_, t)) => match kind.tags().iter().find(|k| **k == t) {
                Some(k) => k,
                None if kind.tags().is_empty() => {
                    return Err(ctx.err(
                        after.trim_start(),
                        format!("'{kind}' takes no tag, found '{t}'"),
                    ))
                }
                None => {
                    return Err(ctx.err(
                        after.trim_start(),
                        format!(
                            "unknown tag '{t}' for '{kind}' (expected one of: {})",
                            kind.tags().join(", ")
                        ),
                    ))
                }
            },
            None => "",
        };
        let (list_at, _) = (space0::<&str, nom::error::Error<&str>>, char(':'))
            .parse(after_tag)
            .map_err(|_| {
                ctx.err(
                    after_tag.trim_start(),
                    "expected ':' before the phrase list",
                )
            })?;
        let phrases = check_phrases(&ctx, list_at, phrase_list(list_at))?;
        out.push(Line::Entry {
            line: n + 1,
            kind,
            tag: tag_static,
            phrases,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_continuations_and_examples() {
        let text = "# c\nverb neutral: say | said\n   | says # more\nexample \"X said it.\" => attributed source=\"X\" cue=\"said\"\n";
        let lines = parse_file("t.wsg", text).unwrap();
        assert_eq!(lines.len(), 2);
        match &lines[0] {
            Line::Entry {
                kind, tag, phrases, ..
            } => {
                assert_eq!(*kind, Kind::Verb);
                assert_eq!(*tag, "neutral");
                assert_eq!(phrases, &["say", "said", "says"]);
            }
            _ => panic!(),
        }
        match &lines[1] {
            Line::Example(e) => {
                assert_eq!(e.status, "attributed");
                assert_eq!(e.source.as_deref(), Some("X"));
                assert_eq!(e.cue.as_deref(), Some("said"));
            }
            _ => panic!(),
        }
    }

    fn err(text: &str) -> GrammarError {
        parse_file("bad.wsg", text).unwrap_err()
    }

    #[test]
    fn errors_name_file_line_column_and_expectation() {
        let e = err("verb neutral: said\nverbb neutral: x\n");
        assert_eq!((e.file.as_str(), e.line, e.column), ("bad.wsg", 2, 1));
        assert!(
            e.message.contains("unknown entry kind 'verbb'"),
            "{}",
            e.message
        );

        let e = err("verb neutral said");
        assert_eq!((e.line, e.column), (1, 14));
        assert!(e.message.contains("expected ':'"));

        let e = err("verb loud: said");
        assert_eq!(e.column, 6);
        assert!(e.message.contains("unknown tag 'loud'"));

        let e = err("weasel x: some say");
        assert!(e.message.contains("takes no tag"));

        let e = err("verb neutral: said || says");
        assert!(e.message.contains("empty one"));

        let e = err("example \"x\" => maybe");
        assert!(e.message.contains("unknown status"));

        let e = err("example x");
        assert!(e.message.contains("double quotes"));

        let e = err("  | orphan");
        assert!(e.message.contains("continuation"));

        let e = err("example \"x\" => none colour=\"red\"");
        assert!(e.message.contains("unknown example field"));
    }
}
