//! The workflow around the analysis: which files to read (directories walked
//! honouring `.gitignore`, include and exclude globs), which configuration
//! applies to each, and what each claim becomes as a finding — its severity,
//! whether a `whosaid` comment or the baseline suppresses it, and whether it
//! fails the run.
//!
//! [`check_source`] is a pure function of one file's bytes and its
//! [`Settings`]; [`Engine`] finds and caches the settings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::baseline::{self, Baseline};
use crate::config::{Config, ConfigError, FailOn, Severity, TRUSTED_RELAY};
use crate::document::{plain_file_name, Document, InputType};
use crate::grammar::{Grammar, GrammarError};
use crate::report::{self, ClaimEntry, FileError, FileReport};
use crate::span::{self, Position};
use crate::suppress::Suppressions;

/// Why a finding is not reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suppressed {
    /// A `whosaid` comment in the file.
    Inline,
    /// The baseline file.
    Baseline,
}

impl Suppressed {
    pub fn as_str(self) -> &'static str {
        match self {
            Suppressed::Inline => "inline",
            Suppressed::Baseline => "baseline",
        }
    }
}

/// What one claim is as a finding. Findings are parallel to the report's
/// claims (`claim` indexes `FileReport::claims`).
#[derive(Debug, Clone)]
pub struct Finding {
    pub claim: usize,
    pub severity: Severity,
    pub suppressed: Option<Suppressed>,
    /// Hash of the claim's text (see [`baseline::fingerprint`]), made when
    /// first asked for ([`Checked::fingerprint`]): most formats never show it.
    fingerprint: OnceLock<String>,
}

/// One checked file: its report, its text (for snippets) and its findings.
#[derive(Debug, Clone)]
pub struct Checked {
    pub report: FileReport,
    pub source: String,
    pub findings: Vec<Finding>,
    pub fail_on: FailOn,
    /// Directives that could not be read, as `line:column: message`.
    pub notes: Vec<String>,
}

impl Checked {
    /// The hash of a finding's claim text (see [`baseline::fingerprint`]).
    pub fn fingerprint<'c>(&'c self, f: &'c Finding) -> &'c str {
        f.fingerprint
            .get_or_init(|| baseline::fingerprint(&self.report.claims[f.claim].text))
    }

    /// The findings to show, each with its claim: reported severity, not
    /// suppressed; with `all`, attributed claims too.
    pub fn shown(&self, all: bool) -> impl Iterator<Item = (&Finding, &ClaimEntry)> {
        self.findings.iter().filter_map(move |f| {
            let c = &self.report.claims[f.claim];
            let on = f.severity != Severity::Off || (all && c.status == "attributed");
            (on && f.suppressed.is_none()).then_some((f, c))
        })
    }

    /// Where a finding ends: the line of its claim's last character and
    /// the column just past it. Found when asked, from the claim's start
    /// and its text (most formats never show it).
    pub fn end(&self, f: &Finding) -> Position {
        let span = &self.report.claims[f.claim].span;
        let bytes = self.source.as_bytes();
        let from = span.start.min(bytes.len());
        let to = (span.end.max(span.start + 1) - 1).min(bytes.len());
        let at = Position {
            line: span.line,
            column: span.column,
        };
        let last = span::position_from(bytes, from, at, to);
        Position {
            line: last.line,
            column: last.column + 1,
        }
    }

    /// Whether a finding reaches the `fail-on` threshold.
    pub fn fails(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.suppressed.is_none() && self.fail_on.fails(f.severity))
    }

    /// Counts of the findings that are reported, by severity, and of the
    /// suppressed ones.
    pub fn counts(&self) -> Counts {
        let mut n = Counts::default();
        for f in &self.findings {
            if f.severity == Severity::Off {
                continue;
            }
            match (f.suppressed, f.severity) {
                (Some(_), _) => n.suppressed += 1,
                (None, Severity::Error) => n.error += 1,
                (None, Severity::Warning) => n.warning += 1,
                (None, _) => n.info += 1,
            }
        }
        n
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub suppressed: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.error += o.error;
        self.warning += o.warning;
        self.info += o.info;
        self.suppressed += o.suppressed;
    }
}

/// A configuration with what it compiles to.
#[derive(Debug)]
pub struct Settings {
    pub config: Config,
    pub grammar: Grammar,
    excludes: Gitignore,
}

/// A configuration or grammar file whosaid cannot use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupError {
    Config(ConfigError),
    Grammar(GrammarError),
    Other(String),
}

impl std::fmt::Display for SetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SetupError::Config(e) => e.fmt(f),
            SetupError::Grammar(e) => e.fmt(f),
            SetupError::Other(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for SetupError {}

impl Settings {
    /// Compiles a configuration: the built-in grammar, `extra` grammar files
    /// (`--grammar`), the configuration's own grammar files and its known
    /// sources.
    pub fn new(config: Config, extra: &[PathBuf]) -> Result<Settings, SetupError> {
        let files: Vec<&Path> = extra
            .iter()
            .chain(config.grammar.iter())
            .map(PathBuf::as_path)
            .collect();
        let mut grammar = Grammar::with_files(&files).map_err(SetupError::Grammar)?;
        let known = config.sources_grammar();
        if !known.is_empty() {
            let name = match &config.path {
                Some(p) => format!("{} [sources]", p.display()),
                None => "[sources]".into(),
            };
            grammar
                .add_source(&name, &known)
                .map_err(SetupError::Grammar)?;
        }
        let excludes = globs(&config.dir, &config.exclude).map_err(|e| {
            let file = config
                .path
                .as_ref()
                .map_or("configuration".into(), |p| p.display().to_string());
            SetupError::Other(format!("{file}: exclude: {e}"))
        })?;
        Ok(Settings {
            config,
            grammar,
            excludes,
        })
    }

    /// Whether the configuration excludes this path.
    pub fn excludes(&self, path: &Path) -> bool {
        matches(&self.excludes, path)
    }
}

/// Gitignore-style globs rooted at `root`.
pub fn globs(root: &Path, patterns: &[String]) -> Result<Gitignore, String> {
    let root = absolute(root);
    let mut b = GitignoreBuilder::new(&root);
    for p in patterns {
        b.add_line(None, p)
            .map_err(|e| format!("bad glob '{p}': {e}"))?;
    }
    b.build().map_err(|e| e.to_string())
}

/// Whether `path` or one of its parent directories matches `globs`; paths
/// outside the globs' root never match.
pub fn matches(globs: &Gitignore, path: &Path) -> bool {
    if globs.is_empty() {
        return false;
    }
    let abs = absolute(path);
    let Ok(rel) = abs.strip_prefix(globs.path()) else {
        return false;
    };
    let mut first = true;
    for p in rel.ancestors() {
        if p.as_os_str().is_empty() {
            break;
        }
        let m = globs.matched(p, !first);
        if m.is_whitelist() {
            return false;
        }
        if m.is_ignore() {
            return true;
        }
        first = false;
    }
    false
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Checks one file's bytes: the analysis, then each claim's severity and
/// suppression. `baseline` holds what is left of this file's baseline.
pub fn check_source(
    display: &str,
    bytes: &[u8],
    kind: InputType,
    settings: &Settings,
    baseline: Option<&mut baseline::Matcher>,
) -> Result<Checked, FileError> {
    check_source_owned(display, bytes.to_vec(), kind, settings, baseline)
}

/// From this many bytes of text on, the memory freed by its analysis (the
/// segmentation, a few times the text) is handed back to the system as
/// soon as the analysis is done. mimalloc keeps freed pages for a while
/// before it purges them, and the report and its rendering (several times
/// the text again) were then allocated in fresh pages beside them: on a
/// 4.3 MB text the peak RSS was 104 MB, 78 MB with the purge. News articles
/// are a few kilobytes; for them a purge would only make the next file
/// fault the same pages in again.
const RETURN_MEMORY_FROM: usize = 1 << 20;

/// Purges the pages that mimalloc holds freed (a no-op for the system
/// allocator, as in the benchmarks: mimalloc's own heap is then empty).
fn return_freed_memory() {
    // Links mimalloc in where it is not the global allocator (the library's
    // tests and benchmarks), so that the symbol resolves there too.
    use mimalloc as _;
    extern "C" {
        /// mimalloc's `void mi_collect(bool force)`: frees what the
        /// thread's heap holds unused, and with `force` purges the freed
        /// pages at once rather than after the purge delay.
        fn mi_collect(force: bool);
    }
    // SAFETY: `mi_collect` is part of mimalloc's stable C API (linked in by
    // the `mimalloc` crate, on which this crate depends), takes no pointer
    // and may be called from any thread at any time; it only releases
    // memory that no allocation holds.
    unsafe { mi_collect(true) }
}

/// [`check_source`] of bytes it may keep: plain text is analysed and
/// returned in them, without copies.
pub fn check_source_owned(
    display: &str,
    bytes: Vec<u8>,
    kind: InputType,
    settings: &Settings,
    baseline: Option<&mut baseline::Matcher>,
) -> Result<Checked, FileError> {
    // Validated once: `decode` runs again only to name what is wrong.
    let source = match String::from_utf8(bytes) {
        Ok(s) if memchr::memchr(0, s.as_bytes()).is_none() => s,
        Ok(s) => return Err(report::decode(display, s.as_bytes()).expect_err("a NUL byte")),
        Err(e) => return Err(report::decode(display, e.as_bytes()).expect_err("invalid UTF-8")),
    };
    let (document, kept) = Document::from_source(source, kind);
    let (mut document, provenance, line_starts) =
        crate::analyze_document(document, &settings.grammar);
    if document.text.len() >= RETURN_MEMORY_FROM {
        return_freed_memory();
    }
    let mut rep = {
        let text = kept.as_deref().unwrap_or(&document.text);
        report::report_of_owned(display, text, &document, &line_starts, provenance)
    };
    let comments = std::mem::take(&mut document.comments);
    let source = kept.unwrap_or_else(|| std::mem::take(&mut document.text));
    drop(document);
    let text = source.as_str();
    // Most files have no comments; reading none would still index the lines.
    let sup = if comments.is_empty() {
        Suppressions::default()
    } else {
        Suppressions::new(text, &comments)
    };
    let config = &settings.config;
    let mut findings = Vec::with_capacity(rep.claims.len());
    let mut baseline = baseline;
    let mut severities = SeverityMemo::default();
    for (k, c) in rep.claims.iter_mut().enumerate() {
        let mut severity = severities.get(config, c.status, c.reason);
        if c.reason == "relayed" && relayed_through_trusted(c, rep.publisher.as_deref(), config) {
            severity = config.severity(TRUSTED_RELAY, TRUSTED_RELAY);
        }
        let fingerprint = OnceLock::new();
        let suppressed = if severity == Severity::Off {
            None
        } else if sup.covers(c.span.start, c.span.line, c.status, c.reason) {
            Some(Suppressed::Inline)
        } else if baseline.as_deref_mut().is_some_and(|m| {
            let f = fingerprint.get_or_init(|| baseline::fingerprint(&c.text));
            m.take(c.status, c.reason, f)
        }) {
            Some(Suppressed::Baseline)
        } else {
            None
        };
        c.severity = Some(severity.as_str());
        c.suppressed = suppressed.map(Suppressed::as_str);
        findings.push(Finding {
            claim: k,
            severity,
            suppressed,
            fingerprint,
        });
    }
    let notes = sup
        .notes
        .iter()
        .map(|n| format!("{}:{}: {}", n.line, n.column, n.message))
        .collect();
    Ok(Checked {
        report: rep,
        source,
        findings,
        fail_on: config.fail_on,
        notes,
    })
}

/// [`Config::severity`] of the (status, reason) pairs of one file, each
/// looked up once: a file has a handful of pairs among its claims, and a
/// lookup compares the strings of every configured key (about 200
/// instructions a claim, where a hit here is a few).
#[derive(Default)]
struct SeverityMemo {
    /// Statuses and reasons are constants, so a pair is recognised by its
    /// pointers; the same text at another address is only looked up again.
    seen: Vec<(&'static str, &'static str, Severity)>,
}

impl SeverityMemo {
    fn get(&mut self, config: &Config, status: &'static str, reason: &'static str) -> Severity {
        let same = |a: &str, b: &str| std::ptr::eq(a, b);
        if let Some(&(_, _, s)) = self
            .seen
            .iter()
            .find(|(st, re, _)| same(st, status) && same(re, reason))
        {
            return s;
        }
        let s = config.severity(status, reason);
        self.seen.push((status, reason, s));
        s
    }
}

/// A relayed claim whose relays (the chain after its originator, less the
/// publisher) are all sources the desk trusts.
fn relayed_through_trusted(c: &ClaimEntry, publisher: Option<&str>, config: &Config) -> bool {
    let relays: Vec<&crate::report::Name> = c
        .chain
        .iter()
        .skip(1)
        .filter(|n| Some(n.as_str()) != publisher)
        .collect();
    !relays.is_empty() && relays.iter().all(|n| config.trusts(n))
}

/// Something to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, with the name it is reported under.
    Stdin(Option<PathBuf>),
}

impl Input {
    /// The name in reports.
    pub fn display(&self) -> String {
        // A path that is UTF-8 displays as its own text: copied, not put
        // through the formatter, which decodes it piece by piece (some
        // 1,300 instructions a path).
        let shown = |p: &Path| {
            p.to_str()
                .map_or_else(|| p.display().to_string(), str::to_owned)
        };
        match self {
            Input::File(p) | Input::Stdin(Some(p)) => shown(p),
            Input::Stdin(None) => "<stdin>".into(),
        }
    }

    /// The path that chooses the type and the configuration.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Input::File(p) | Input::Stdin(Some(p)) => Some(p),
            Input::Stdin(None) => None,
        }
    }
}

/// How to choose the files and the configuration.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Files and directories; `-` for standard input.
    pub paths: Vec<PathBuf>,
    pub stdin_filename: Option<PathBuf>,
    /// Globs a walked file must match (instead of a known extension).
    pub include: Vec<String>,
    /// Globs to leave out, relative to the current directory.
    pub exclude: Vec<String>,
    /// Apply excludes to files named explicitly too.
    pub force_exclude: bool,
    /// `--config FILE`: instead of discovery.
    pub config: Option<PathBuf>,
    /// `--grammar FILE`: on top of every configuration.
    pub grammars: Vec<PathBuf>,
    /// `--type`: instead of the extension.
    pub input_type: Option<InputType>,
    /// `--baseline FILE`; otherwise `.whosaid-baseline.json` if present.
    pub baseline: Option<PathBuf>,
    /// Ignore any baseline (`--no-baseline`, and `whosaid baseline` itself).
    pub no_baseline: bool,
}

/// Extensions a directory walk picks up without `--include`.
pub const WALKED_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml",
];

/// Finds inputs and settings; caches compiled configurations.
pub struct Engine {
    opts: Options,
    cli_excludes: Gitignore,
    includes: Gitignore,
    explicit: Option<Arc<Settings>>,
    by_config: HashMap<Option<PathBuf>, Arc<Settings>>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    /// The directory last asked about and its settings: a walk's files come
    /// directory by directory, so most questions are the one before.
    last: Option<(PathBuf, Arc<Settings>)>,
    baseline: Option<Baseline>,
}

impl Engine {
    /// Reads `--config` and the baseline (errors here stop the run).
    pub fn new(opts: Options) -> Result<Engine, SetupError> {
        let cwd = PathBuf::from(".");
        let cli_excludes =
            globs(&cwd, &opts.exclude).map_err(|e| SetupError::Other(format!("--exclude: {e}")))?;
        let includes =
            globs(&cwd, &opts.include).map_err(|e| SetupError::Other(format!("--include: {e}")))?;
        let explicit = match &opts.config {
            Some(p) => Some(Arc::new(Settings::new(
                Config::load(p).map_err(SetupError::Config)?,
                &opts.grammars,
            )?)),
            None => None,
        };
        let baseline = if opts.no_baseline {
            None
        } else {
            let path = opts
                .baseline
                .clone()
                .unwrap_or_else(|| PathBuf::from(baseline::DEFAULT_FILE));
            match Baseline::load(&path).map_err(SetupError::Other)? {
                Some(b) => Some(b),
                None if opts.baseline.is_some() => {
                    return Err(SetupError::Other(format!(
                        "{}: baseline file not found",
                        path.display()
                    )))
                }
                None => None,
            }
        };
        Ok(Engine {
            opts,
            cli_excludes,
            includes,
            explicit,
            by_config: HashMap::new(),
            by_dir: HashMap::new(),
            last: None,
            baseline,
        })
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// The settings for a file (or for the current directory).
    pub fn settings_for(&mut self, path: Option<&Path>) -> Result<Arc<Settings>, SetupError> {
        if let Some(s) = &self.explicit {
            return Ok(s.clone());
        }
        // Most inputs sit in the directory of the one before: told by the
        // bytes, where the path's parent is found by taking it apart.
        if let (Some((d, s)), Some((dir, _))) = (&self.last, path.and_then(plain_file_name)) {
            if d.as_os_str().as_encoded_bytes() == dir {
                return Ok(s.clone());
            }
        }
        let dir = match path.and_then(Path::parent) {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        // Equal as the map's keys are (`Path`'s `Eq`), so the same answer.
        if let Some((d, s)) = &self.last {
            if d == dir {
                return Ok(s.clone());
            }
        }
        let dir = dir.to_path_buf();
        let found = self
            .by_dir
            .entry(dir.clone())
            .or_insert_with(|| crate::config::find(&dir))
            .clone();
        if let Some(s) = self.by_config.get(&found) {
            let s = s.clone();
            self.last = Some((dir, s.clone()));
            return Ok(s);
        }
        let config = match &found {
            Some(p) => Config::load(p).map_err(SetupError::Config)?,
            None => Config::default(),
        };
        let s = Arc::new(Settings::new(config, &self.opts.grammars)?);
        self.by_config.insert(found, s.clone());
        self.last = Some((dir, s.clone()));
        Ok(s)
    }

    fn excluded(&mut self, path: &Path) -> Result<bool, SetupError> {
        if matches(&self.cli_excludes, path) {
            return Ok(true);
        }
        Ok(self.settings_for(Some(path))?.excludes(path))
    }

    /// The inputs named by the options, directories walked in name order
    /// (honouring `.gitignore`, `.ignore` and hidden files as git and
    /// ripgrep do), excludes applied. Errors (a missing path, a bad
    /// configuration) come in the list at the place they were met.
    pub fn inputs(&mut self) -> Vec<Result<Input, FileError>> {
        let mut out = Vec::new();
        let paths = self.opts.paths.clone();
        for p in &paths {
            if p.as_os_str() == "-" {
                out.push(Ok(Input::Stdin(self.opts.stdin_filename.clone())));
                continue;
            }
            let err = |message: String| FileError {
                path: p.display().to_string(),
                message,
            };
            // One look at the file for both questions (`is_dir` and `exists`
            // were one each).
            let meta = std::fs::metadata(p);
            if meta.as_ref().is_ok_and(std::fs::Metadata::is_dir) {
                self.walk(p, &mut out);
            } else if meta.is_err() {
                out.push(Err(err("no such file or directory".into())));
            } else if self.opts.force_exclude {
                match self.excluded(p) {
                    Ok(true) => {}
                    Ok(false) => out.push(Ok(Input::File(p.clone()))),
                    Err(e) => out.push(Err(err(e.to_string()))),
                }
            } else {
                out.push(Ok(Input::File(p.clone())));
            }
        }
        out
    }

    /// Walks `dir` unsorted, then puts what it found in the order of a
    /// depth-first walk with siblings in file name order (see [`walk_key`]):
    /// sorting each directory as it is read costs two `file_name()` calls a
    /// comparison. Errors keep their place: one reading a directory, or an
    /// entry of it, comes right after the directory (where a sorted walk puts
    /// it, before the directory's entries); one met before the walk starts
    /// (a parent's ignore file), first.
    fn walk(&mut self, dir: &Path, out: &mut Vec<Result<Input, FileError>>) {
        let walker = ignore::WalkBuilder::new(dir).require_git(false).build();
        let strip = |p: &Path| -> PathBuf {
            // `whosaid check .` names `drafts/a.md`, not `./drafts/a.md`.
            p.strip_prefix("./").unwrap_or(p).to_path_buf()
        };
        // The directories being walked, by depth.
        let mut dirs: Vec<PathBuf> = Vec::new();
        let mut found: Vec<(Vec<u8>, Result<Input, FileError>)> = Vec::new();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let anchor = match (e.depth(), &e) {
                        (None, _) => None,
                        (Some(d), ignore::Error::WithPath { path, .. })
                            if dirs.get(d).is_some_and(|p| *p == strip(path)) =>
                        {
                            dirs.get(d)
                        }
                        (Some(d), _) => d.checked_sub(1).and_then(|d| dirs.get(d)),
                    };
                    found.push((
                        anchor.map_or_else(Vec::new, |p| walk_key(p)),
                        Err(FileError {
                            path: dir.display().to_string(),
                            message: e.to_string(),
                        }),
                    ));
                    continue;
                }
            };
            let Some(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path().strip_prefix("./").unwrap_or(entry.path());
            if kind.is_dir() {
                dirs.truncate(entry.depth());
                dirs.push(path.to_path_buf());
                continue;
            }
            if !kind.is_file() {
                continue;
            }
            let wanted = if self.includes.is_empty() {
                path.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| WALKED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            } else {
                matches(&self.includes, path)
            };
            if !wanted {
                continue;
            }
            match self.excluded(path) {
                Ok(true) => {}
                Ok(false) => found.push((walk_key(path), Ok(Input::File(path.to_path_buf())))),
                Err(e) => found.push((
                    walk_key(path),
                    Err(FileError {
                        path: path.display().to_string(),
                        message: e.to_string(),
                    }),
                )),
            }
        }
        // Stable: errors with one anchor stay in the order they were met.
        found.sort_by(|a, b| a.0.cmp(&b.0));
        out.extend(found.into_iter().map(|(_, r)| r));
    }

    /// Reads and checks one input.
    pub fn check(&mut self, input: &Input) -> Result<Checked, FileError> {
        self.prepare(input)?.run()
    }

    /// Everything about one input that needs the engine (its settings, type
    /// and baseline entries, and standard input, which is read once), so
    /// that the analysis itself can run on any thread.
    pub fn prepare(&mut self, input: &Input) -> Result<Prepared, FileError> {
        let display = input.display();
        let fail = |message: String| FileError {
            path: display.clone(),
            message,
        };
        let settings = self
            .settings_for(input.path())
            .map_err(|e| fail(e.to_string()))?;
        let source = match input {
            Input::File(p) => Source::File(p.clone()),
            Input::Stdin(_) => {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
                    .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
                Source::Bytes(buf)
            }
        };
        let kind = self
            .opts
            .input_type
            .or_else(|| input.path().map(InputType::from_path))
            .unwrap_or(InputType::Text);
        let matcher = self.baseline.as_ref().map(|b| b.for_path(&display));
        Ok(Prepared {
            display,
            source,
            kind,
            settings,
            matcher,
        })
    }
}

/// Where a prepared input's bytes come from: files are read by whichever
/// thread analyses them, so memory holds the files in flight, not the batch.
#[derive(Debug)]
pub enum Source {
    File(PathBuf),
    Bytes(Vec<u8>),
}

/// One input ready to be analysed, on any thread.
#[derive(Debug)]
pub struct Prepared {
    display: String,
    source: Source,
    kind: InputType,
    settings: Arc<Settings>,
    matcher: Option<baseline::Matcher>,
}

impl Prepared {
    /// Reads (if need be) and checks the input.
    pub fn run(mut self) -> Result<Checked, FileError> {
        let bytes = match self.source {
            Source::File(ref p) => std::fs::read(p).map_err(|e| FileError {
                path: self.display.clone(),
                message: format!("cannot read: {e}"),
            })?,
            Source::Bytes(ref mut b) => std::mem::take(b),
        };
        check_source_owned(
            &self.display,
            bytes,
            self.kind,
            &self.settings,
            self.matcher.as_mut(),
        )
    }
}

/// The baseline entries for the findings of a run: every reported finding
/// that is not suppressed inline.
pub fn baseline_of<'a>(files: impl IntoIterator<Item = &'a Checked>) -> Baseline {
    let mut entries = Vec::new();
    for f in files {
        for (fd, c) in f.shown(false) {
            entries.push(baseline::Entry {
                path: baseline::normal_path(&f.report.path),
                status: c.status.to_string(),
                reason: c.reason.to_string(),
                hash: f.fingerprint(fd).to_string(),
                text: report::excerpt(&c.text, 60),
            });
        }
    }
    Baseline::new(entries)
}

/// A path's place in a depth-first walk with siblings sorted by file name:
/// its bytes with each separator made 0, below any byte of a name, so that
/// comparing keys compares the paths name by name (`a/b` before `a.b`, a
/// directory right before what it holds). The paths compared share the
/// walked root as written.
fn walk_key(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&c| {
            if std::path::is_separator(char::from(c)) {
                0
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freed_memory_is_returned_safely() {
        // Memory freed before, held or allocated after a purge is intact.
        let kept: Vec<u64> = (0..1 << 16).collect();
        drop(vec![7u8; 8 << 20]);
        return_freed_memory();
        let after = vec![1u8; 4 << 20];
        return_freed_memory();
        assert!(kept.iter().enumerate().all(|(i, &v)| v == i as u64));
        assert!(after.iter().all(|&b| b == 1));
        // The same through mimalloc itself (the tests' global allocator is
        // the system's): a block it still holds survives the purge of one
        // freed beside it.
        use std::alloc::{GlobalAlloc, Layout};
        let mi = mimalloc::MiMalloc;
        let big = Layout::from_size_align(8 << 20, 8).expect("a layout");
        let small = Layout::from_size_align(4096, 8).expect("a layout");
        // SAFETY: both layouts have a non-zero size; each block is checked
        // for null, written and read only within its size, and freed once
        // with the layout it was allocated with.
        unsafe {
            let held = mi.alloc(small);
            let freed = mi.alloc(big);
            assert!(!held.is_null() && !freed.is_null());
            held.write_bytes(5, small.size());
            freed.write_bytes(7, big.size());
            mi.dealloc(freed, big);
            return_freed_memory();
            let held = std::slice::from_raw_parts(held, small.size());
            assert!(held.iter().all(|&b| b == 5));
            mi.dealloc(held.as_ptr().cast_mut(), small);
        }
    }

    fn settings(toml: &str) -> Settings {
        Settings::new(
            Config::parse("whosaid.toml", toml, Path::new(".")).unwrap(),
            &[],
        )
        .unwrap()
    }

    const DRAFT: &str = "Reports say the mayor will resign.\n\nSome experts say the budget is too small.\n\nThe council voted 7-2, its chair Ada Nwosu said.\n";

    #[test]
    fn severities_and_fail_on_come_from_the_configuration() {
        let c = check_source(
            "d.txt",
            DRAFT.as_bytes(),
            InputType::Text,
            &settings(""),
            None,
        )
        .unwrap();
        let sev: Vec<_> = c.findings.iter().map(|f| f.severity).collect();
        assert_eq!(sev, [Severity::Error, Severity::Warning, Severity::Off]);
        assert!(c.fails());
        assert_eq!(c.shown(false).count(), 2);
        assert_eq!(c.shown(true).count(), 3);
        let lenient = settings("fail-on = \"error\"\n[severity]\nhearsay = \"warning\"\n");
        let c = check_source("d.txt", DRAFT.as_bytes(), InputType::Text, &lenient, None).unwrap();
        assert!(!c.fails());
        assert_eq!(c.counts().warning, 2);
    }

    #[test]
    fn inline_and_baseline_suppression() {
        let src = format!("# whosaid-disable-next-line weasel\n{DRAFT}");
        let s = settings("");
        let c = check_source("d.txt", src.as_bytes(), InputType::Text, &s, None).unwrap();
        // The directive's next line is the hearsay one: a weasel list does not cover it.
        assert!(c.findings.iter().all(|f| f.suppressed.is_none()));
        let src = "Reports say the mayor will resign.\n# whosaid-disable-next-line weasel\n\nSome experts say the budget is too small.\n";
        let c = check_source("d.txt", src.as_bytes(), InputType::Text, &s, None).unwrap();
        assert_eq!(c.findings[1].suppressed, Some(Suppressed::Inline));
        assert_eq!(c.report.claims[1].suppressed, Some("inline"));
        let b = baseline_of([&c]);
        assert_eq!(b.findings.len(), 1);
        // The baseline survives a moved paragraph.
        let moved = "Some experts say the budget is too small.\n\nNew: rumours say the mayor will stay.\n\nReports say the mayor will resign.\n";
        let mut m = b.for_path("d.txt");
        let c = check_source("d.txt", moved.as_bytes(), InputType::Text, &s, Some(&mut m)).unwrap();
        let states: Vec<_> = c.findings.iter().map(|f| f.suppressed).collect();
        assert_eq!(states, [None, None, Some(Suppressed::Baseline)]);
        assert!(c.fails());
    }

    #[test]
    fn trusted_relays_get_their_own_severity() {
        let text = "According to Zephyr Wire, the minister told aides he would resign.\n";
        let plain = check_source(
            "d.txt",
            text.as_bytes(),
            InputType::Text,
            &settings(""),
            None,
        )
        .unwrap();
        assert_eq!(plain.report.claims[0].reason, "relayed");
        assert_eq!(plain.findings[0].severity, Severity::Error);
        let trusting =
            settings("[[sources]]\nname = \"Zephyr Wire\"\nkind = \"media\"\ntrusted = true\n");
        let c = check_source("d.txt", text.as_bytes(), InputType::Text, &trusting, None).unwrap();
        assert_eq!(c.findings[0].severity, Severity::Info);
        assert!(
            !c.fails(),
            "info fails only at fail-on = info; the default is warning"
        );
    }

    #[test]
    fn globs_match_files_and_parent_directories() {
        let g = globs(
            Path::new("/desk"),
            &["archive/".into(), "*.draft.md".into()],
        )
        .unwrap();
        assert!(matches(&g, Path::new("/desk/archive/2020/a.md")));
        assert!(matches(&g, Path::new("/desk/news/x.draft.md")));
        assert!(!matches(&g, Path::new("/desk/news/x.md")));
        assert!(!matches(&g, Path::new("/elsewhere/archive/a.md")));
    }

    #[test]
    fn walks_list_files_in_sorted_depth_first_order() {
        // Names that sort differently by path bytes and by name: `a/` and
        // `a.b`, `a-b`, `a0`, `a10`, `a2`, `A`, `a b`, and case.
        let names = [
            "a", "A", "a.b", "a-b", "a_b", "a0", "a10", "a2", "b", "a b", "é", "Z", "z.TXT",
        ];
        let root = tempfile::tempdir().unwrap();
        let mut seed = 7u32;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as usize % n
        };
        for _ in 0..120 {
            let mut p = root.path().to_path_buf();
            for _ in 0..=next(3) {
                p.push(names[next(names.len())]);
            }
            let ext = ["txt", "md", "TXT", "rs"][next(4)];
            let file = p.with_extension(ext);
            if std::fs::create_dir_all(file.parent().unwrap()).is_ok() && !file.is_dir() {
                std::fs::write(&file, "x").unwrap();
            }
        }
        std::fs::write(root.path().join("a/.gitignore"), "*.md\n").ok();
        let sorted: Vec<PathBuf> = ignore::WalkBuilder::new(root.path())
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
            .map(|e| e.into_path())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| WALKED_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            })
            .collect();
        let mut engine = Engine::new(Options {
            paths: vec![root.path().to_path_buf()],
            no_baseline: true,
            ..Options::default()
        })
        .unwrap();
        let walked: Vec<PathBuf> = engine
            .inputs()
            .into_iter()
            .map(|i| match i {
                Ok(Input::File(p)) => p,
                other => panic!("{other:?}"),
            })
            .collect();
        assert!(sorted.len() > 50, "{}", sorted.len());
        assert_eq!(walked, sorted);
    }

    #[test]
    fn walk_keys_order_names_before_their_contents() {
        let key = |p: &str| walk_key(Path::new(p));
        assert!(key("d/a/b.txt") < key("d/a.b"));
        assert!(key("d/a") < key("d/a/b"));
        assert!(key("d/a/z") < key("d/a0"));
        assert!(key("d/A.txt") < key("d/a"));
    }
}
