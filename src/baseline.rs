//! The baseline: the findings an archive already had when it adopted
//! whosaid, so that only new ones fail. Each entry is keyed by the file, the
//! status and reason, and a hash of the claim's text — not its line — so that
//! moving or re-wrapping a paragraph does not bring its findings back, while
//! editing a claim's words does (it is a new claim).

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Where `whosaid baseline` writes and `whosaid check` looks by default.
pub const DEFAULT_FILE: &str = ".whosaid-baseline.json";

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub status: String,
    pub reason: String,
    /// [`fingerprint`] of the claim's text.
    pub hash: String,
    /// The start of the claim, for people reading the file; not compared.
    #[serde(default)]
    pub text: String,
}

impl Entry {
    fn key(&self) -> (String, String, String, String) {
        (
            self.path.clone(),
            self.status.clone(),
            self.reason.clone(),
            self.hash.clone(),
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// The claim text as hashed: whitespace collapsed, curly quotes and dashes
/// folded, so that re-wrapping or re-typesetting a sentence keeps its hash.
/// ([`fingerprint`] hashes these bytes without building the string.)
#[cfg(test)]
fn normal(text: &str) -> String {
    let folded: String = text.chars().map(fold).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Curly quotes and dashes as their ASCII forms.
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        c => c,
    }
}

/// A stable hash of a claim's text: 64-bit FNV-1a over its normal form, in
/// hex. Stable across platforms and releases (it is stored in files).
pub fn fingerprint(text: &str) -> String {
    // The bytes of `normal(text)`, hashed as they are made: its words are
    // those of the text (folding touches no whitespace), joined by spaces.
    #[inline(always)]
    fn add(h: u64, b: u8) -> u64 {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    }
    // A character of a word: the space owed before it, if any, is hashed.
    #[inline(always)]
    fn word_start(h: u64, gap: &mut bool, word_before: &mut bool) -> u64 {
        *word_before = true;
        if std::mem::take(gap) {
            add(h, b' ')
        } else {
            h
        }
    }
    // The ASCII whitespace of `char::is_whitespace`.
    let ascii_space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = text.as_bytes();
    // A space is owed between the word before and the next one.
    let (mut word_before, mut gap) = (false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if ascii_space(b) {
                gap = word_before;
                continue;
            }
            h = word_start(h, &mut gap, &mut word_before);
            h = add(h, b);
            // The rest of an ASCII word, which needs no folding.
            while let Some(&b) = bytes.get(i) {
                if !b.is_ascii() || ascii_space(b) {
                    break;
                }
                h = add(h, b);
                i += 1;
            }
            continue;
        }
        let c = text[i..].chars().next().expect("in the text");
        i += c.len_utf8();
        if c.is_whitespace() {
            gap = word_before;
            continue;
        }
        h = word_start(h, &mut gap, &mut word_before);
        for b in fold(c).encode_utf8(&mut [0; 4]).bytes() {
            h = add(h, b);
        }
    }
    format!("{h:016x}")
}

/// A path as stored in the baseline: `/` separators, no leading `./`.
pub fn normal_path(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut s = p.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

impl Baseline {
    pub fn new(mut findings: Vec<Entry>) -> Baseline {
        findings.sort_by_key(Entry::key);
        Baseline {
            version: 1,
            findings,
        }
    }

    /// Reads a baseline file; `Ok(None)` when it does not exist.
    pub fn load(path: &Path) -> Result<Option<Baseline>, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("{}: cannot read baseline: {e}", path.display())),
        };
        serde_json::from_str(&text).map(Some).map_err(|e| {
            format!(
                "{}:{}:{}: not a whosaid baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// The entries for one file, to be taken one by one as its findings
    /// match them (a claim written twice is two entries).
    pub fn for_path(&self, path: &str) -> Matcher {
        let path = normal_path(path);
        let mut left = HashMap::new();
        for e in self.findings.iter().filter(|e| e.path == path) {
            *left
                .entry((e.status.clone(), e.reason.clone(), e.hash.clone()))
                .or_insert(0usize) += 1;
        }
        Matcher { left }
    }
}

/// What is left of one file's baseline while its findings are matched.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    left: HashMap<(String, String, String), usize>,
}

impl Matcher {
    /// Whether the baseline holds this finding; each entry matches once.
    pub fn take(&mut self, status: &str, reason: &str, hash: &str) -> bool {
        let key = (status.to_string(), reason.to_string(), hash.to_string());
        match self.left.get_mut(&key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_wrapping_and_typography_but_not_words() {
        let a = fingerprint("Reports say the  mayor\nwill “resign”.");
        assert_eq!(a, fingerprint("Reports say the mayor will \"resign\"."));
        assert_ne!(a, fingerprint("Reports say the mayor will stay."));
        assert_eq!(a.len(), 16);
        // Pinned: stored baselines must keep matching across releases.
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c"); // the FNV-1a test vector
    }

    #[test]
    fn fingerprint_hashes_the_normal_form() {
        let fnv = |s: &str| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in s.bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            format!("{h:016x}")
        };
        for t in [
            "",
            "  \n ",
            "“Soon,” he said — ‘maybe’ – not\u{a0}now.\n\n Ünïcödé  x\u{2028}y",
            "plain words",
        ] {
            assert_eq!(fingerprint(t), fnv(&normal(t)), "{t:?}");
        }
    }

    #[test]
    fn entries_match_once_per_file() {
        let e = |p: &str| Entry {
            path: p.into(),
            status: "hearsay".into(),
            reason: "report".into(),
            hash: "h".into(),
            text: String::new(),
        };
        let b = Baseline::new(vec![e("a.md"), e("a.md"), e("b.md")]);
        let mut m = b.for_path("./a.md");
        assert!(m.take("hearsay", "report", "h"));
        assert!(m.take("hearsay", "report", "h"));
        assert!(!m.take("hearsay", "report", "h"));
        assert!(!b.for_path("c.md").take("hearsay", "report", "h"));
        let again: Baseline = serde_json::from_str(&b.to_json()).unwrap();
        assert_eq!(again, b);
    }
}
