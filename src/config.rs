//! `whosaid.toml`: severities, the failure threshold, extra grammar files,
//! known sources and exclude globs. Found by walking up from each checked
//! file (`whosaid.toml`, then `.whosaid.toml`, in each directory), or named
//! with `--config`. A bad file is an error naming the file, line, column and
//! key.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::reasons;
use crate::span::LineIndex;

/// The names a configuration file may have, in order of preference.
pub const FILE_NAMES: &[&str] = &["whosaid.toml", ".whosaid.toml"];

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Not reported.
    Off,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The lowest severity that makes `check` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Info,
    Warning,
    Error,
    /// Never fail on findings (errors still exit 2).
    Never,
}

impl FailOn {
    pub fn fails(self, s: Severity) -> bool {
        let min = match self {
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
            FailOn::Never => return false,
        };
        s >= min
    }
}

/// Kinds a known source can be declared as; each adds the name to the
/// grammar word class of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Person,
    Organisation,
    Media,
    Document,
    Country,
}

impl SourceKind {
    /// The grammar line kind (see `grammar/sources.wsg`).
    fn grammar_kind(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organisation => "org name",
            SourceKind::Media => "media",
            SourceKind::Document => "document",
            SourceKind::Country => "country",
        }
    }
}

/// A source the desk knows: a house byline, "our correspondent", a wire
/// service it trusts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownSource {
    pub name: String,
    pub kind: SourceKind,
    /// Claims relayed only through trusted sources get the `trusted-relay`
    /// severity instead of their status's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trusted: bool,
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    fail_on: Option<FailOn>,
    #[serde(default)]
    severity: BTreeMap<String, toml::Spanned<Severity>>,
    #[serde(default)]
    grammar: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    sources: Vec<toml::Spanned<KnownSource>>,
}

/// The effective configuration for some files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Config {
    /// The file it was read from; `None` for the built-in defaults.
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// Relative paths in the file are relative to this directory.
    #[serde(skip)]
    pub dir: PathBuf,
    pub fail_on: FailOn,
    /// Severity per status and per reason (a reason wins over its status),
    /// and `trusted-relay`.
    pub severity: BTreeMap<String, Severity>,
    /// Extra grammar files, resolved against `dir`.
    pub grammar: Vec<PathBuf>,
    /// Gitignore-style globs, relative to `dir`.
    pub exclude: Vec<String>,
    pub sources: Vec<KnownSource>,
}

/// The severity key for claims relayed only through trusted known sources.
pub const TRUSTED_RELAY: &str = "trusted-relay";

impl Default for Config {
    fn default() -> Config {
        let severity = [
            ("attributed", Severity::Off),
            ("none", Severity::Off),
            ("unattributed", Severity::Warning),
            ("hearsay", Severity::Error),
            (TRUSTED_RELAY, Severity::Info),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        Config {
            path: None,
            dir: PathBuf::from("."),
            fail_on: FailOn::Warning,
            severity,
            grammar: Vec::new(),
            exclude: Vec::new(),
            sources: Vec::new(),
        }
    }
}

/// A configuration file whosaid cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The dotted key at fault, where one can be named.
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        if let Some(k) = &self.key {
            write!(f, ": {k}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads and checks a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: name.clone(),
            line: 0,
            column: 0,
            key: None,
            message: format!("cannot read configuration: {e}"),
        })?;
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Config::parse(&name, &text, &dir).map(|mut c| {
            c.path = Some(path.to_path_buf());
            c
        })
    }

    /// Parses configuration text; `name` names it in errors and `dir` is
    /// where relative paths start.
    pub fn parse(name: &str, text: &str, dir: &Path) -> Result<Config, ConfigError> {
        let err_at = |at: usize, key: Option<String>, message: String| {
            let pos = LineIndex::new(text.as_bytes()).position(text.as_bytes(), at);
            ConfigError {
                file: name.to_string(),
                line: pos.line,
                column: pos.column,
                key: key.or_else(|| key_at(text, at)),
                message,
            }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            err_at(at, None, e.message().trim().to_string())
        })?;
        let mut config = Config {
            dir: dir.to_path_buf(),
            ..Config::default()
        };
        if let Some(f) = raw.fail_on {
            config.fail_on = f;
        }
        for (key, value) in raw.severity {
            if !reasons::is_known(&key) && key != TRUSTED_RELAY {
                return Err(err_at(
                    value.span().start,
                    Some(format!("severity.{key}")),
                    format!(
                        "unknown status or reason (expected one of: {}, {TRUSTED_RELAY})",
                        reasons::known_words().join(", ")
                    ),
                ));
            }
            config.severity.insert(key, value.into_inner());
        }
        config.grammar = raw.grammar.iter().map(|g| dir.join(g)).collect();
        config.exclude = raw.exclude;
        for s in raw.sources {
            if s.get_ref().name.trim().is_empty() {
                return Err(err_at(
                    s.span().start,
                    Some("sources.name".into()),
                    "a known source needs a name".into(),
                ));
            }
            config.sources.push(s.into_inner());
        }
        Ok(config)
    }

    /// The configuration for a file in `dir`: the nearest `whosaid.toml` or
    /// `.whosaid.toml` in it or above it, or the defaults.
    pub fn discover(dir: &Path) -> Result<Config, ConfigError> {
        match find(dir) {
            Some(p) => Config::load(&p),
            None => Ok(Config::default()),
        }
    }

    /// The severity of a claim with this status and reason.
    pub fn severity(&self, status: &str, reason: &str) -> Severity {
        // One pass over the (few) entries, each compared for equality, not
        // two searches of the map: a search compares the key with each entry
        // in order (a call to `memcmp` each) and a reason is seldom
        // configured, so the status was searched for too. Equality looks at
        // the lengths first, which mostly differ. This is called once a
        // finding.
        let mut by_status = None;
        for (key, &severity) in &self.severity {
            if key == reason {
                return severity;
            }
            if key == status {
                by_status = Some(severity);
            }
        }
        by_status.unwrap_or(Severity::Off)
    }

    /// Whether a known source is trusted (names compared without case).
    pub fn trusts(&self, name: &str) -> bool {
        self.sources
            .iter()
            .any(|s| s.trusted && s.name.eq_ignore_ascii_case(name))
    }

    /// The known sources as a grammar file (see `grammar/sources.wsg`).
    pub fn sources_grammar(&self) -> String {
        let mut out = String::new();
        for s in &self.sources {
            let name: String = s
                .name
                .chars()
                .map(|c| {
                    if matches!(c, '|' | '#' | '\n') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            out.push_str(&format!("{}: {}\n", s.kind.grammar_kind(), name.trim()));
        }
        out
    }

    /// The effective configuration as TOML, for `whosaid config --dump`.
    pub fn dump(&self) -> String {
        let from = match &self.path {
            Some(p) => format!("# whosaid configuration from {}\n", p.display()),
            None => "# whosaid configuration: built-in defaults (no whosaid.toml found)\n".into(),
        };
        let body = toml::to_string_pretty(self).unwrap_or_else(|e| format!("# cannot show: {e}\n"));
        from + &body
    }
}

/// The nearest configuration file in `dir` or above it.
/// A relative `dir` gives a relative path while the file lies at or below
/// the current directory, so that messages stay short.
pub fn find(dir: &Path) -> Option<PathBuf> {
    let here = |d: &Path| {
        let d = if d == Path::new(".") {
            Path::new("")
        } else {
            d
        };
        FILE_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file())
    };
    if dir.is_relative()
        && !dir
            .components()
            .any(|c| c == std::path::Component::ParentDir)
    {
        // The relative ancestors, then the current directory's.
        for d in dir.ancestors().filter(|d| !d.as_os_str().is_empty()) {
            if let Some(p) = here(d) {
                return Some(p);
            }
        }
        if let Some(p) = here(Path::new("")) {
            return Some(p);
        }
        let cwd = std::env::current_dir().ok()?;
        return cwd.ancestors().skip(1).find_map(here);
    }
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    abs.ancestors().find_map(here)
}

/// The dotted key of the `key = value` line holding byte `at`, with its
/// table header (`[severity]` + `hearsay` → `severity.hearsay`).
fn key_at(text: &str, at: usize) -> Option<String> {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let header = text[..line_start].lines().rev().find_map(|l| {
        let l = l.trim();
        l.starts_with('[')
            .then(|| l.trim_matches(|c| c == '[' || c == ']').trim().to_string())
    });
    let trimmed = line.trim();
    if trimmed.starts_with('[') {
        return Some(
            trimmed
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string(),
        );
    }
    let key = line.split_once('=')?.0.trim().trim_matches('"');
    if key.is_empty() {
        return header;
    }
    Some(match header {
        Some(h) => format!("{h}.{key}"),
        None => key.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse("whosaid.toml", text, Path::new("/desk"))
    }

    #[test]
    fn defaults_and_overrides() {
        let c = parse("").unwrap();
        assert_eq!(c.severity("hearsay", "report"), Severity::Error);
        assert_eq!(c.severity("unattributed", "weasel"), Severity::Warning);
        assert_eq!(c.severity("attributed", "named-source"), Severity::Off);
        let c = parse(
            "fail-on = \"error\"\ngrammar = [\"house.wsg\"]\n[severity]\nweasel = \"info\"\nhearsay = \"warning\"\n[[sources]]\nname = \"Zephyr Wire\"\nkind = \"media\"\ntrusted = true\n",
        )
        .unwrap();
        assert_eq!(c.fail_on, FailOn::Error);
        assert_eq!(c.severity("unattributed", "weasel"), Severity::Info);
        assert_eq!(c.severity("unattributed", "no-source"), Severity::Warning);
        assert_eq!(c.severity("hearsay", "rumour"), Severity::Warning);
        assert_eq!(c.grammar, [PathBuf::from("/desk/house.wsg")]);
        assert!(c.trusts("zephyr wire"));
        assert_eq!(c.sources_grammar(), "media: Zephyr Wire\n");
        assert!(!FailOn::Error.fails(Severity::Warning));
        assert!(FailOn::Warning.fails(Severity::Error));
        assert!(!FailOn::Never.fails(Severity::Error));
    }

    /// The one pass gives what a search by reason, then by status, gave.
    #[test]
    fn severity_is_the_reasons_then_the_statuss() {
        let words = reasons::known_words();
        let configs = [
            String::new(),
            "[severity]\nweasel = \"info\"\nhearsay = \"warning\"\n".to_string(),
            "[severity]\nunattributed = \"off\"\nno-source = \"error\"\nrumour = \"off\"\n"
                .to_string(),
            // Every word configured, each to a severity of its own.
            std::iter::once("[severity]\n".to_string())
                .chain(words.iter().enumerate().map(|(k, w)| {
                    let s = ["off", "info", "warning", "error"][k % 4];
                    format!("{w} = \"{s}\"\n")
                }))
                .collect(),
        ];
        for text in &configs {
            let c = parse(text).unwrap();
            let old = |status: &str, reason: &str| {
                c.severity
                    .get(reason)
                    .or_else(|| c.severity.get(status))
                    .copied()
                    .unwrap_or(Severity::Off)
            };
            for status in words.iter().copied().chain([TRUSTED_RELAY, "x", ""]) {
                for reason in words.iter().copied().chain([TRUSTED_RELAY, "x", ""]) {
                    assert_eq!(
                        c.severity(status, reason),
                        old(status, reason),
                        "{text:?} {status} {reason}"
                    );
                }
            }
        }
    }

    #[test]
    fn errors_name_line_column_and_key() {
        let e = parse("fail-on = \"warning\"\n\n[severity]\nhearsay = \"loud\"\n").unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (4, Some("severity.hearsay")),
            "{e}"
        );
        assert!(e.message.contains("loud"), "{e}");
        let e = parse("[severity]\nweasl = \"info\"\n").unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (2, Some("severity.weasl")),
            "{e}"
        );
        assert!(e.to_string().starts_with("whosaid.toml:2:"), "{e}");
        let e = parse("fail_on = \"error\"\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (1, Some("fail_on")), "{e}");
        let e = parse("[[sources]]\nname = \"X\"\nkind = \"robot\"\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (3, Some("sources.kind")), "{e}");
        let e = parse("exclude = [\n").unwrap_err();
        assert_eq!((e.line, e.key.as_deref()), (1, Some("exclude")), "{e}");
    }

    /// The example in the README is a working configuration.
    #[test]
    fn readme_example_parses() {
        let readme = include_str!("../README.md");
        let start = readme
            .find("```toml\n")
            .expect("a TOML example in the README")
            + 8;
        let example = &readme[start..start + readme[start..].find("```").unwrap()];
        let c = parse(example).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.fail_on, FailOn::Error);
        assert_eq!(c.severity("unattributed", "orphan-quote"), Severity::Error);
        assert_eq!(c.exclude.len(), 2);
        assert_eq!(c.sources.len(), 2);
        assert!(c.trusts("Zephyr Wire") && !c.trusts("our correspondent"));
    }

    #[test]
    fn dump_round_trips() {
        let c = parse("[severity]\nweasel = \"off\"\n").unwrap();
        let d = c.dump();
        assert!(d.contains("weasel = \"off\""), "{d}");
        let body: String = d
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        let again = parse(&body).unwrap();
        assert_eq!(again.severity, c.severity);
    }
}
