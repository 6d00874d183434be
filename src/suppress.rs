//! Inline suppression: `whosaid-disable-next-line [LIST]`, `whosaid off
//! [LIST]` … `whosaid on [LIST]`, written in HTML comments in Markdown and
//! HTML, and after `#` or `//` at the start of a line in plain text (see
//! [`crate::document::Comment`]). A LIST names statuses and reasons,
//! separated by spaces or commas; without one, every finding is covered.

use std::collections::BTreeSet;

use crate::document::Comment;
use crate::reasons;
use crate::span::LineIndex;

/// What a directive covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cover {
    All,
    Only(BTreeSet<String>),
}

impl Cover {
    fn covers(&self, status: &str, reason: &str) -> bool {
        match self {
            Cover::All => true,
            Cover::Only(set) => set.contains(status) || set.contains(reason),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Action {
    NextLine,
    Off,
    On,
}

#[derive(Debug, Clone)]
struct Directive {
    action: Action,
    cover: Cover,
    /// Byte offset where the directive takes effect.
    at: usize,
    /// For `NextLine`: the line it covers (1-based).
    line: usize,
}

/// A directive whosaid could not read, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The inline suppressions of one file.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
    /// Directives that were not understood; the CLI shows them as warnings.
    pub notes: Vec<Note>,
}

impl Suppressions {
    /// Reads the directives among a file's comments.
    pub fn new(source: &str, comments: &[Comment]) -> Suppressions {
        let lines = LineIndex::new(source.as_bytes());
        let mut out = Suppressions::default();
        for c in comments {
            let mut words = c
                .body
                .split(|ch: char| ch.is_whitespace() || ch == ',')
                .filter(|w| !w.is_empty());
            let Some(first) = words.next() else { continue };
            let pos = lines.position(source.as_bytes(), c.span.start);
            let note = |message: String| Note {
                line: pos.line,
                column: pos.column,
                message,
            };
            let first = first.trim_end_matches(':');
            let action = match first {
                "whosaid-disable-next-line" => Action::NextLine,
                "whosaid" => match words.next() {
                    Some("off") => Action::Off,
                    Some("on") => Action::On,
                    other => {
                        out.notes.push(note(format!(
                            "unknown directive 'whosaid {}' (expected 'whosaid off', 'whosaid on' or 'whosaid-disable-next-line')",
                            other.unwrap_or("")
                        )));
                        continue;
                    }
                },
                w if w.starts_with("whosaid") => {
                    out.notes.push(note(format!(
                        "unknown directive '{w}' (expected 'whosaid off', 'whosaid on' or 'whosaid-disable-next-line')"
                    )));
                    continue;
                }
                _ => continue,
            };
            let mut set = BTreeSet::new();
            let mut listed = false;
            for w in words {
                // `--` ends the list; what follows is a free-text reason.
                if w == "--" {
                    break;
                }
                listed = true;
                if reasons::is_known(w) {
                    set.insert(w.to_string());
                } else {
                    out.notes.push(note(format!(
                        "unknown status or reason '{w}' in '{first}' (expected one of: {})",
                        reasons::known_words().join(", ")
                    )));
                }
            }
            // A list of nothing but typos covers nothing rather than everything.
            let cover = if !listed {
                Cover::All
            } else {
                Cover::Only(set)
            };
            let line = if action == Action::NextLine {
                next_content_line(source, c.span.end)
                    .map_or(usize::MAX, |at| lines.position(source.as_bytes(), at).line)
            } else {
                0
            };
            out.directives.push(Directive {
                action,
                cover,
                at: c.span.end,
                line,
            });
        }
        out.directives.sort_by_key(|d| d.at);
        out
    }

    /// Whether a finding starting at byte `at` on `line` is suppressed.
    pub fn covers(&self, at: usize, line: usize, status: &str, reason: &str) -> bool {
        let mut off = false;
        // Regions: replay `off`/`on` up to `at`, per status or reason.
        for d in self.directives.iter().take_while(|d| d.at <= at) {
            match d.action {
                Action::Off if d.cover.covers(status, reason) => off = true,
                Action::On if d.cover.covers(status, reason) => off = false,
                _ => {}
            }
        }
        off || self.directives.iter().any(|d| {
            d.action == Action::NextLine && d.line == line && d.cover.covers(status, reason)
        })
    }
}

/// The start of the first line after `from` that holds more than whitespace.
fn next_content_line(source: &str, from: usize) -> Option<usize> {
    let from = from.min(source.len());
    let rest = source.get(from..)?;
    let first_break = rest.find('\n')?;
    let mut at = from + first_break + 1;
    for line in source[at..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            return Some(at + (line.len() - line.trim_start().len()));
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, InputType};

    fn sup(src: &str, kind: InputType) -> Suppressions {
        Suppressions::new(src, &Document::new(src, kind).comments)
    }

    #[test]
    fn next_line_skips_blank_lines_and_honours_the_list() {
        let src = "<!-- whosaid-disable-next-line hearsay -->\n\nRumours swirl.\nMore.\n";
        let s = sup(src, InputType::Markdown);
        let at = src.find("Rumours").unwrap();
        assert!(s.covers(at, 3, "hearsay", "rumour"));
        assert!(!s.covers(at, 3, "unattributed", "weasel"));
        assert!(!s.covers(src.find("More").unwrap(), 4, "hearsay", "rumour"));
        assert!(s.notes.is_empty());
    }

    #[test]
    fn regions_turn_off_and_on_per_item() {
        let src = "a\n# whosaid off weasel, rumour\nb\n// whosaid on rumour\nc\n# whosaid on\nd\n";
        let s = sup(src, InputType::Text);
        let at = |w: &str| src.find(w).unwrap();
        assert!(!s.covers(at("a"), 1, "unattributed", "weasel"));
        assert!(s.covers(at("b"), 3, "unattributed", "weasel"));
        assert!(s.covers(at("b"), 3, "hearsay", "rumour"));
        assert!(!s.covers(at("b"), 3, "hearsay", "report"));
        assert!(!s.covers(at("c"), 5, "hearsay", "rumour"));
        assert!(s.covers(at("c"), 5, "unattributed", "weasel"));
        assert!(!s.covers(at("d"), 7, "unattributed", "weasel"));
    }

    #[test]
    fn unknown_words_are_noted_with_positions() {
        let src =
            "<p>x</p>\n<!-- whosaid of --><!-- whosaid off hearsy --><!-- whosaid-disable-line -->";
        let s = sup(src, InputType::Html);
        assert_eq!(s.notes.len(), 3, "{:?}", s.notes);
        assert_eq!((s.notes[0].line, s.notes[0].column), (2, 1));
        assert!(s.notes[1].message.contains("hearsy"));
        // A list of nothing but typos covers nothing.
        assert!(!s.covers(src.len(), 2, "hearsay", "report"));
    }
}
