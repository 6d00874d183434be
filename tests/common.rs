//! Helpers shared by the integration tests: run the real binary, fold text
//! the way the shared scorers do.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

pub fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(root())
        .output()
        .expect("run whosaid")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the checkout, where CI puts the labelled material.
pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Curly quotes and apostrophes to straight ones, whitespace collapsed.
pub fn fold(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    s.replace("**", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Source names compared as the scorer does: lowercase word sets, titles and
/// articles dropped, one a subset of the other.
pub fn same_source(a: &str, b: &str) -> bool {
    let toks = |s: &str| -> std::collections::BTreeSet<String> {
        fold(s)
            .to_lowercase()
            .split(|c: char| !(c.is_alphanumeric() || c == '&' || c == '-'))
            .filter(|w| {
                !w.is_empty()
                    && ![
                        "the",
                        "a",
                        "an",
                        "of",
                        "dr",
                        "mr",
                        "ms",
                        "mrs",
                        "professor",
                        "prof",
                    ]
                    .contains(w)
            })
            .map(str::to_string)
            .collect()
    };
    let (x, y) = (toks(a), toks(b));
    !x.is_empty() && !y.is_empty() && (x.is_subset(&y) || y.is_subset(&x))
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}
