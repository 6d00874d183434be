//! One reporter per `--format`. Each takes the checked files one at a time
//! (so that line-oriented formats can stream) and writes to the writer it is
//! given; none of them prints on its own.
//!
//! A file's own part of the output (everything but separators, headers and
//! totals) depends on that file alone, so [`Render::piece`] makes it on the
//! thread that checked the file, and the reporter only adds the rest and
//! writes it, in order, on the calling thread. The report is then read and
//! freed by the thread that built it: with `-j2`, handing whole reports to
//! the writing thread cost a few percent more CPU time and left that thread
//! about 12% of the rendering to do on top of its share of the analysis.

use std::borrow::Cow;
use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use serde_json::{json, Value};

use crate::config::Severity;
use crate::json::JsonWriter;
use crate::lint::{Checked, Counts, Finding, Suppressed};
use crate::reasons;
use crate::report::{self, provenance_note, ClaimEntry, FileError};

/// The output formats of `whosaid check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The source line with the claim underlined and the source chain under it.
    Pretty,
    /// `path:line:col: status[reason]: "claim" — provenance`, then a summary per file.
    Human,
    /// `path:line:col: severity: status[reason]: message`.
    Line,
    /// The JSON report (REPORT-SCHEMA.md).
    Json,
    /// One JSON object per finding.
    Jsonl,
    Csv,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Options every reporter honours.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Also list attributed claims.
    pub all: bool,
    /// Leave out summaries.
    pub quiet: bool,
    /// Colour (pretty only; the CLI strips it again where the terminal or
    /// `NO_COLOR` says so).
    pub color: bool,
}

pub type Item = Result<Checked, FileError>;

/// Receives the checked files in order, each as its [`Piece`], then `finish`.
pub trait Reporter {
    fn file(&mut self, w: &mut dyn Write, piece: Piece) -> io::Result<()>;
    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()>;
}

/// The reporter for a format, and the renderer of its pieces (which may be
/// used on any thread while the reporter writes).
pub fn reporter(format: Format, style: Style) -> (Render, Box<dyn Reporter>) {
    let reporter: Box<dyn Reporter> = match format {
        Format::Pretty => Box::new(Pretty {
            style,
            counts: Counts::default(),
            files: 0,
        }),
        Format::Human | Format::Line | Format::Github => Box::new(Plain),
        Format::Json => Box::new(JsonStream::default()),
        Format::Jsonl => Box::new(Jsonl {
            style,
            counts: Counts::default(),
            files: 0,
        }),
        Format::Csv => Box::new(Csv { header: false }),
        Format::Sarif => Box::new(Collect::new(style, sarif)),
    };
    (Render { format, style }, reporter)
}

/// Files whose text is larger than this are not rendered ahead: their
/// output (several times the text, for JSON) is written as it is made, so
/// that memory holds the report once, not the report and its rendering.
const RENDER_AHEAD_MAX: usize = 1 << 20;

/// Makes the [`Piece`]s of a format.
#[derive(Debug, Clone, Copy)]
pub struct Render {
    format: Format,
    style: Style,
}

/// One checked file as its reporter takes it: its own part of the output,
/// already rendered, with the counts the reporter keeps; or the file
/// itself, to be rendered as it is written.
pub struct Piece {
    render: Render,
    /// The file's own part of the output, if rendered ahead.
    bytes: Vec<u8>,
    /// The file, if not rendered ahead (large files, and formats that need
    /// the whole run).
    whole: Option<Item>,
    /// For a checked file: its report's summary and its counts of findings.
    counts: Option<(report::Summary, Counts)>,
    /// For a file that could not be checked.
    error: Option<FileError>,
}

impl Render {
    /// The piece of one file; renders the file's part of the output unless
    /// the format needs the whole run or the file is large.
    pub fn piece(&self, item: Item) -> Piece {
        let (counts, error) = match &item {
            Ok(c) => {
                let mut s = report::Summary::default();
                s.add(&c.report);
                (Some((s, c.counts())), None)
            }
            Err(e) => (None, Some(e.clone())),
        };
        let mut piece = Piece {
            render: *self,
            bytes: Vec::new(),
            whole: None,
            counts,
            error,
        };
        let large = item
            .as_ref()
            .is_ok_and(|c| c.source.len() > RENDER_AHEAD_MAX);
        if self.format == Format::Sarif || large {
            piece.whole = Some(item);
        } else if let (Format::Json, Ok(c)) = (self.format, &item) {
            piece.bytes = crate::batch::file_json(&c.report);
        } else {
            // Writing to memory cannot fail.
            self.write(&mut piece.bytes, &item)
                .expect("rendering to memory");
        }
        piece
    }

    /// Writes a file's own part of the output.
    fn write(&self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        let style = self.style;
        match (self.format, item) {
            (Format::Pretty, Ok(c)) => pretty_file(w, c, style),
            (Format::Human, Ok(c)) => human_file(w, c, style),
            (Format::Line, Ok(c)) => lines_file(w, c, style),
            (Format::Json, Ok(c)) => {
                // Written in pieces of some kilobytes, each whole claims.
                let mut json = crate::json::JsonWriter::to_sink(true, 2, w);
                json.file_report(&c.report);
                json.finish().map(drop)
            }
            (Format::Jsonl, _) => jsonl_file(w, item, style),
            (Format::Csv, Ok(c)) => csv_rows(w, c, style),
            (Format::Github, _) => github_file(w, item, style),
            (
                Format::Pretty | Format::Human | Format::Line | Format::Json | Format::Csv,
                Err(_),
            )
            | (Format::Sarif, _) => Ok(()),
        }
    }
}

impl Piece {
    /// Writes the file's own part of the output.
    fn write(&self, w: &mut dyn Write) -> io::Result<()> {
        match &self.whole {
            Some(item) => self.render.write(w, item),
            None => w.write_all(&self.bytes),
        }
    }
}

/// Formats whose output is each file's part and nothing else.
struct Plain;

impl Reporter for Plain {
    fn file(&mut self, w: &mut dyn Write, piece: Piece) -> io::Result<()> {
        piece.write(w)
    }

    fn finish(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// The severity a shown finding is reported with (`--all` shows attributed
/// claims, which are `off` by default, as `info`).
fn shown_severity(f: &Finding) -> Severity {
    f.severity.max(Severity::Info)
}

/// `"claim excerpt" — provenance`.
fn message(c: &ClaimEntry) -> String {
    let mut m = String::with_capacity(c.text.len().min(256) + 64);
    report::push_claim_message(&mut m, c);
    m
}

fn human_file(w: &mut dyn Write, c: &Checked, style: Style) -> io::Result<()> {
    let text = report::human(&c.report, style.all);
    if style.quiet {
        // The last line is the summary.
        let mut lines: Vec<&str> = text.lines().collect();
        lines.pop();
        for l in lines {
            writeln!(w, "{l}")?;
        }
        Ok(())
    } else {
        w.write_all(text.as_bytes())
    }
}

fn lines_file(w: &mut dyn Write, c: &Checked, style: Style) -> io::Result<()> {
    for (f, claim) in c.shown(style.all) {
        writeln!(
            w,
            "{}:{}:{}: {}: {}[{}]: {}",
            c.report.path,
            claim.span.line,
            claim.span.column,
            shown_severity(f).as_str(),
            claim.status,
            claim.reason,
            message(claim)
        )?;
    }
    Ok(())
}

struct Pretty {
    style: Style,
    counts: Counts,
    files: usize,
}

impl Reporter for Pretty {
    fn file(&mut self, w: &mut dyn Write, piece: Piece) -> io::Result<()> {
        if let Some((_, counts)) = piece.counts {
            self.files += 1;
            self.counts.add(counts);
        }
        piece.write(w)
    }

    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if self.style.quiet {
            return Ok(());
        }
        let n = self.counts;
        writeln!(
            w,
            "whosaid: {} file{} checked: {} error{}, {} warning{}, {} info{}",
            self.files,
            plural(self.files),
            n.error,
            plural(n.error),
            n.warning,
            plural(n.warning),
            n.info,
            if n.suppressed > 0 {
                format!(" ({} suppressed)", n.suppressed)
            } else {
                String::new()
            }
        )
    }
}

fn pretty_file(w: &mut dyn Write, c: &Checked, style: Style) -> io::Result<()> {
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for (f, claim) in c.shown(style.all) {
        let level = match shown_severity(f) {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            _ => Level::INFO,
        };
        let summary = reasons::reason(claim.reason).map_or("", |r| r.summary);
        let title = format!("{}[{}]: {summary}", claim.status, claim.reason);
        let start = claim.span.start.min(c.source.len());
        let end = claim.span.end.clamp(start, c.source.len());
        let mut group = level.primary_title(title).element(
            Snippet::source(c.source.as_str())
                .path(c.report.path.as_str())
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(start..end)
                        .label(provenance_note(claim)),
                ),
        );
        if claim.chain.len() > 1 {
            group = group
                .element(Level::NOTE.message(format!("source chain: {}", claim.chain.join(" → "))));
        }
        if claim.status != "attributed" {
            group = group.element(Level::HELP.message(format!(
                "`whosaid explain {}` tells how to fix it",
                claim.reason
            )));
        }
        let report: [Group<'_>; 1] = [group];
        writeln!(w, "{}\n", renderer.render(&report))?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A finding as one JSON object (JSON Lines, and the building block of the
/// other structured formats).
fn finding_json(c: &Checked, f: &Finding, claim: &ClaimEntry) -> Value {
    let end = c.end(f);
    json!({
        "type": "finding",
        "path": c.report.path,
        "line": claim.span.line,
        "column": claim.span.column,
        "end_line": end.line,
        "end_column": end.column,
        "start": claim.span.start,
        "end": claim.span.end,
        "severity": shown_severity(f).as_str(),
        "status": claim.status,
        "reason": claim.reason,
        "text": claim.text,
        "sources": claim.sources,
        "chain": claim.chain,
        "message": provenance_note(claim),
        "fingerprint": c.fingerprint(f),
    })
}

struct Jsonl {
    style: Style,
    counts: Counts,
    files: usize,
}

fn jsonl_file(w: &mut dyn Write, item: &Item, style: Style) -> io::Result<()> {
    match item {
        Ok(c) => {
            for (f, claim) in c.shown(style.all) {
                writeln!(w, "{}", finding_json(c, f, claim))?;
            }
        }
        Err(e) => writeln!(
            w,
            "{}",
            json!({"type": "error", "path": e.path, "message": e.message})
        )?,
    }
    Ok(())
}

impl Reporter for Jsonl {
    fn file(&mut self, w: &mut dyn Write, piece: Piece) -> io::Result<()> {
        if let Some((_, counts)) = piece.counts {
            self.files += 1;
            self.counts.add(counts);
        }
        piece.write(w)?;
        // Each line is complete on its own: a reader can follow the stream.
        w.flush()
    }

    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if self.style.quiet {
            return Ok(());
        }
        let n = self.counts;
        writeln!(
            w,
            "{}",
            json!({"type": "summary", "files": self.files, "error": n.error, "warning": n.warning, "info": n.info, "suppressed": n.suppressed})
        )
    }
}

struct Csv {
    header: bool,
}

pub const FINDINGS_CSV_HEADER: [&str; 12] = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "severity",
    "status",
    "reason",
    "sources",
    "chain",
    "text",
    "message",
];

fn csv_rows(w: &mut dyn Write, c: &Checked, style: Style) -> io::Result<()> {
    let mut wr = csv::Writer::from_writer(w);
    for (f, claim) in c.shown(style.all) {
        let end = c.end(f);
        // Cells borrowed where they are there to borrow, each written as
        // it is unless a spreadsheet would run it.
        let row: [Cow<'_, str>; 12] = [
            Cow::Borrowed(&c.report.path),
            Cow::Owned(claim.span.line.to_string()),
            Cow::Owned(claim.span.column.to_string()),
            Cow::Owned(end.line.to_string()),
            Cow::Owned(end.column.to_string()),
            Cow::Borrowed(shown_severity(f).as_str()),
            Cow::Borrowed(claim.status),
            Cow::Borrowed(claim.reason),
            Cow::Owned(claim.sources.join("; ")),
            Cow::Owned(claim.chain.join(" > ")),
            Cow::Owned(report::flat_words(&claim.text)),
            Cow::Owned(provenance_note(claim)),
        ];
        wr.write_record(row.iter().map(|s| report::csv_safe_cell(s)))?;
    }
    wr.flush()
}

impl Reporter for Csv {
    fn file(&mut self, w: &mut dyn Write, piece: Piece) -> io::Result<()> {
        if !self.header {
            let mut wr = csv::Writer::from_writer(&mut *w);
            wr.write_record(FINDINGS_CSV_HEADER)?;
            wr.flush()?;
            self.header = true;
        }
        piece.write(w)
    }

    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if !self.header {
            let mut wr = csv::Writer::from_writer(&mut *w);
            wr.write_record(FINDINGS_CSV_HEADER)?;
            wr.flush()?;
        }
        Ok(())
    }
}

fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions annotations: `::error file=…,line=…::message`.
fn github_file(w: &mut dyn Write, item: &Item, style: Style) -> io::Result<()> {
    match item {
        Ok(c) => {
            for (f, claim) in c.shown(style.all) {
                let end = c.end(f);
                let level = match shown_severity(f) {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    _ => "notice",
                };
                writeln!(
                    w,
                    "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    gh_property(&c.report.path),
                    claim.span.line,
                    claim.span.column,
                    end.line,
                    end.column,
                    gh_property(&format!("whosaid {}[{}]", claim.status, claim.reason)),
                    gh_data(&message(claim))
                )?;
            }
        }
        Err(e) => writeln!(
            w,
            "::error file={},title=whosaid::{}",
            gh_property(&e.path),
            gh_data(&e.message)
        )?,
    }
    Ok(())
}

/// Formats that need the whole run: keep the items, render at the end.
struct Collect {
    style: Style,
    items: Vec<Item>,
    /// The output of the whole run, as JSON text without its last newline.
    render: fn(&[Item], Style) -> Vec<u8>,
}

impl Collect {
    fn new(style: Style, render: fn(&[Item], Style) -> Vec<u8>) -> Collect {
        Collect {
            style,
            items: Vec::new(),
            render,
        }
    }
}

impl Reporter for Collect {
    fn file(&mut self, _: &mut dyn Write, piece: Piece) -> io::Result<()> {
        self.items.extend(piece.whole);
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()> {
        // Made in memory and written at once: serde writes a few bytes at a
        // time, and each write to the terminal's writer was looked at
        // (controls, line ends), which cost more than making the JSON.
        let mut out = (self.render)(&self.items, self.style);
        out.push(b'\n');
        w.write_all(&out)
    }
}

/// The JSON report of REPORT-SCHEMA.md, with each claim's severity and
/// suppression, and the counts of findings: the pretty-printed
/// `report::report` of the run with `findings` added last. Each file is
/// written as it comes, straight to the writer (no copy of the report and
/// no JSON tree), so that memory stays that of the file being written.
#[derive(Default)]
struct JsonStream {
    started: bool,
    files: usize,
    summary: report::Summary,
    counts: Counts,
    errors: Vec<report::ErrorEntry>,
}

impl JsonStream {
    fn start(&mut self, w: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            w.write_all(b"{\n  \"version\": 1,\n  \"files\": [")?;
        }
        Ok(())
    }
}

impl Reporter for JsonStream {
    fn file(&mut self, w: &mut dyn Write, piece: Piece) -> io::Result<()> {
        self.start(w)?;
        if let Some((summary, counts)) = &piece.counts {
            crate::batch::add_summary(&mut self.summary, summary);
            self.counts.add(*counts);
            w.write_all(if self.files == 0 {
                b"\n    "
            } else {
                b",\n    "
            })?;
            piece.write(w)?;
            self.files += 1;
        }
        if let Some(e) = piece.error {
            self.summary.errors += 1;
            self.errors.push(report::ErrorEntry {
                path: e.path,
                message: e.message,
            });
        }
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()> {
        self.start(w)?;
        let mut tail: Vec<u8> = Vec::new();
        tail.extend_from_slice(if self.files == 0 { b"]" } else { b"\n  ]" });
        tail.extend_from_slice(b",\n  \"summary\": ");
        crate::batch::write_pretty_at(&mut tail, &self.summary, 1)?;
        if !self.errors.is_empty() {
            tail.extend_from_slice(b",\n  \"errors\": ");
            crate::batch::write_pretty_at(&mut tail, &self.errors, 1)?;
        }
        tail.extend_from_slice(b",\n  \"findings\": ");
        crate::batch::write_pretty_at(&mut tail, &self.counts, 1)?;
        tail.extend_from_slice(b"\n}\n");
        w.write_all(&tail)
    }
}

/// Percent-encodes a path into a URI reference (RFC 3986), `/` kept.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// SARIF 2.1.0: one run, a rule per reason, a result per finding
/// (suppressed ones carry their suppression).
/// The SARIF log of a run, pretty JSON. Results are structs that serde
/// writes field by field, in the order of their keys; a tree of `Value`s
/// for them (a hashed, ordered map an object) cost more than half of the
/// run. The parts written once are still `Value`s.
#[derive(Serialize)]
struct SarifLog<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [SarifRun<'a>; 1],
}

#[derive(Serialize)]
struct SarifRun<'a> {
    tool: Value,
    invocations: Value,
    #[serde(rename = "columnKind")]
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct SarifResult<'a> {
    #[serde(rename = "ruleId")]
    rule_id: &'a str,
    /// None for a reason with no rule.
    #[serde(rename = "ruleIndex", skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: SarifText<String>,
    locations: [SarifLocation<'a>; 1],
    #[serde(rename = "partialFingerprints")]
    partial_fingerprints: SarifFingerprints<'a>,
    properties: SarifProperties<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressions: Option<[SarifSuppression; 1]>,
}

#[derive(Serialize)]
struct SarifText<T> {
    text: T,
}

#[derive(Serialize)]
struct SarifLocation<'a> {
    #[serde(rename = "physicalLocation")]
    physical_location: SarifPhysical<'a>,
}

#[derive(Serialize)]
struct SarifPhysical<'a> {
    #[serde(rename = "artifactLocation")]
    artifact_location: SarifArtifact,
    region: SarifRegion<'a>,
}

#[derive(Serialize)]
struct SarifArtifact {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion<'a> {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
    snippet: SarifText<&'a str>,
}

#[derive(Serialize)]
struct SarifFingerprints<'a> {
    #[serde(rename = "whosaidClaimText/v1")]
    claim_text: &'a str,
}

#[derive(Serialize)]
struct SarifProperties<'a> {
    status: &'a str,
    sources: &'a [report::Name],
    chain: &'a [report::Name],
}

#[derive(Serialize)]
struct SarifSuppression {
    kind: &'static str,
    justification: &'static str,
}

fn sarif(items: &[Item], style: Style) -> Vec<u8> {
    let rules: Vec<Value> = reasons::REASONS
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": format!("{}: {}", r.status, r.summary)},
                "help": {"text": r.fix},
                "properties": {"status": r.status},
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut notes = Vec::new();
    for item in items {
        let c = match item {
            Ok(c) => c,
            Err(e) => {
                notes.push(json!({
                    "level": "error",
                    "message": {"text": e.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&e.path)}}}],
                }));
                continue;
            }
        };
        // Once a file, not once a finding.
        let file_uri = uri(&c.report.path);
        for f in &c.findings {
            let claim = &c.report.claims[f.claim];
            let shown = f.severity != Severity::Off || (style.all && claim.status == "attributed");
            if !shown {
                continue;
            }
            let level = match shown_severity(f) {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "note",
            };
            let suppressions = f.suppressed.map(|s| {
                [match s {
                    Suppressed::Inline => SarifSuppression {
                        kind: "inSource",
                        justification: "whosaid comment in the file",
                    },
                    Suppressed::Baseline => SarifSuppression {
                        kind: "external",
                        justification: "in the whosaid baseline",
                    },
                }]
            });
            let rule_index = reasons::REASONS.iter().position(|r| r.code == claim.reason);
            let end = c.end(f);
            let result = SarifResult {
                rule_id: claim.reason,
                rule_index,
                level,
                message: SarifText {
                    text: format!("{}[{}]: {}", claim.status, claim.reason, message(claim)),
                },
                locations: [SarifLocation {
                    physical_location: SarifPhysical {
                        artifact_location: SarifArtifact {
                            uri: file_uri.clone(),
                        },
                        region: SarifRegion {
                            start_line: claim.span.line,
                            start_column: claim.span.column,
                            end_line: end.line,
                            end_column: end.column,
                            byte_offset: claim.span.start,
                            byte_length: claim.span.end - claim.span.start,
                            snippet: SarifText { text: &claim.text },
                        },
                    },
                }],
                partial_fingerprints: SarifFingerprints {
                    claim_text: c.fingerprint(f),
                },
                properties: SarifProperties {
                    status: claim.status,
                    sources: &claim.sources,
                    chain: &claim.chain,
                },
                suppressions,
            };
            results.push(result);
        }
    }
    let log = SarifLog {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [SarifRun {
            tool: json!({"driver": {
                "name": "whosaid",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }}),
            invocations: json!([{
                "executionSuccessful": notes.is_empty(),
                "toolExecutionNotifications": notes,
            }]),
            column_kind: "unicodeCodePoints",
            results: Vec::new(),
        }],
    };
    sarif_log_bytes(&log, &results_json(&results))
}

/// The results array of a SARIF log as `serde_json::to_vec_pretty` writes
/// it inside the log (at its depth), written by [`JsonWriter`]: serde's
/// pretty printer cost about 14 instructions a byte of them, two thirds of
/// the time of a SARIF run.
fn results_json(results: &[SarifResult<'_>]) -> Vec<u8> {
    // The array is the value of a key three levels deep (log, runs, run).
    let mut w = JsonWriter::new(true, 3, 1024 * results.len() + 2);
    w.open(b'[');
    for (k, r) in results.iter().enumerate() {
        w.item(k == 0);
        sarif_result(&mut w, r);
    }
    w.close(b']', !results.is_empty());
    w.finish().expect("writing to memory cannot fail")
}

/// One result, field by field in the order of the struct's (and so of
/// its `Serialize` derive's) keys.
fn sarif_result(w: &mut JsonWriter<'_>, r: &SarifResult<'_>) {
    w.open_key("ruleId");
    w.str(r.rule_id);
    if let Some(i) = r.rule_index {
        w.key(false, "ruleIndex");
        w.num(i);
    }
    w.key(false, "level");
    w.str(r.level);
    w.key(false, "message");
    w.open_key("text");
    w.str(&r.message.text);
    w.close(b'}', true);
    w.key(false, "locations");
    w.open(b'[');
    for (k, l) in r.locations.iter().enumerate() {
        w.item(k == 0);
        let p = &l.physical_location;
        w.open_key("physicalLocation");
        w.open_key("artifactLocation");
        w.open_key("uri");
        w.str(&p.artifact_location.uri);
        w.close(b'}', true);
        let g = &p.region;
        w.key(false, "region");
        w.open_key("startLine");
        w.num(g.start_line);
        w.key(false, "startColumn");
        w.num(g.start_column);
        w.key(false, "endLine");
        w.num(g.end_line);
        w.key(false, "endColumn");
        w.num(g.end_column);
        w.key(false, "byteOffset");
        w.num(g.byte_offset);
        w.key(false, "byteLength");
        w.num(g.byte_length);
        w.key(false, "snippet");
        w.open_key("text");
        w.str(g.snippet.text);
        w.close(b'}', true);
        w.close(b'}', true);
        w.close(b'}', true);
        w.close(b'}', true);
    }
    w.close(b']', !r.locations.is_empty());
    w.key(false, "partialFingerprints");
    w.open_key("whosaidClaimText/v1");
    w.str(r.partial_fingerprints.claim_text);
    w.close(b'}', true);
    w.key(false, "properties");
    w.open_key("status");
    w.str(r.properties.status);
    w.key(false, "sources");
    w.strs(r.properties.sources);
    w.key(false, "chain");
    w.strs(r.properties.chain);
    w.close(b'}', true);
    if let Some(suppressions) = &r.suppressions {
        w.key(false, "suppressions");
        w.open(b'[');
        for (k, s) in suppressions.iter().enumerate() {
            w.item(k == 0);
            w.open_key("kind");
            w.str(s.kind);
            w.key(false, "justification");
            w.str(s.justification);
            w.close(b'}', true);
        }
        w.close(b']', !suppressions.is_empty());
    }
    w.close(b'}', true);
}

/// `serde_json::to_vec_pretty` of `log` with `results` (as [`results_json`]
/// writes them) for its results: the rest of the log, written once, is
/// serialised by serde with none, and the results go in place of its `[]`.
fn sarif_log_bytes(log: &SarifLog<'_>, results: &[u8]) -> Vec<u8> {
    debug_assert!(log.runs[0].results.is_empty());
    let frame = serde_json::to_vec_pretty(log).expect("serializing to memory");
    // The results are the last field of the run: their `[]` is the last
    // one in the log.
    const EMPTY: &[u8] = b"\"results\": []";
    let at = frame
        .windows(EMPTY.len())
        .rposition(|w| w == EMPTY)
        .expect("a SARIF log has results")
        + EMPTY.len()
        - 2;
    let mut out = Vec::with_capacity(frame.len() + results.len());
    out.extend_from_slice(&frame[..at]);
    out.extend_from_slice(results);
    out.extend_from_slice(&frame[at + 2..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(gh_data("50%\nx"), "50%25%0Ax");
        assert_eq!(gh_property("a:b,c"), "a%3Ab%2Cc");
    }

    /// A result as the tree of `Value`s it was made as before it was a
    /// struct.
    fn result_as_value(rule_index: Option<usize>, suppressed: bool) -> Value {
        let sources = vec!["Ana".to_string()];
        let mut r = json!({
            "ruleId": "weasel",
            "ruleIndex": rule_index,
            "level": "warning",
            "message": {"text": "m \"x\""},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": "a%20b.txt"},
                "region": {
                    "startLine": 1,
                    "startColumn": 2,
                    "endLine": 3,
                    "endColumn": 4,
                    "byteOffset": 5,
                    "byteLength": 6,
                    "snippet": {"text": "t\n"},
                }
            }}],
            "partialFingerprints": {"whosaidClaimText/v1": "f"},
            "properties": {"status": "unattributed", "sources": sources, "chain": []},
        });
        if suppressed {
            r["suppressions"] =
                json!([{"kind": "inSource", "justification": "whosaid comment in the file"}]);
        }
        if r["ruleIndex"].is_null() {
            if let Some(o) = r.as_object_mut() {
                o.remove("ruleIndex");
            }
        }
        r
    }

    /// A SARIF result with the given rule index, sources, chain and
    /// suppression, the rest fixed.
    fn sample_result<'a>(
        rule_index: Option<usize>,
        sources: &'a [report::Name],
        chain: &'a [report::Name],
        suppressed: Option<(&'static str, &'static str)>,
    ) -> SarifResult<'a> {
        SarifResult {
            rule_id: "weasel",
            rule_index,
            level: "warning",
            message: SarifText {
                text: "m \"x\"".to_string(),
            },
            locations: [SarifLocation {
                physical_location: SarifPhysical {
                    artifact_location: SarifArtifact {
                        uri: "a%20b.txt".to_string(),
                    },
                    region: SarifRegion {
                        start_line: 1,
                        start_column: 2,
                        end_line: 3,
                        end_column: 4,
                        byte_offset: 5,
                        byte_length: 6,
                        snippet: SarifText { text: "t\n" },
                    },
                },
            }],
            partial_fingerprints: SarifFingerprints { claim_text: "f" },
            properties: SarifProperties {
                status: "unattributed",
                sources,
                chain,
            },
            suppressions: suppressed.map(|(kind, justification)| {
                [SarifSuppression {
                    kind,
                    justification,
                }]
            }),
        }
    }

    #[test]
    fn sarif_results_are_written_as_their_values_were() {
        let sources = vec![report::Name::from("Ana")];
        for rule_index in [Some(7), None] {
            for suppressed in [false, true] {
                let result = sample_result(
                    rule_index,
                    &sources,
                    &[],
                    suppressed.then_some(("inSource", "whosaid comment in the file")),
                );
                let written = serde_json::to_string_pretty(&result).unwrap();
                let before = result_as_value(rule_index, suppressed);
                // Keys in the same order, except where the old map moved
                // its last key into the removed `ruleIndex`'s place.
                if rule_index.is_some() {
                    assert_eq!(written, serde_json::to_string_pretty(&before).unwrap());
                }
                let read: Value = serde_json::from_str(&written).unwrap();
                assert_eq!(read, before, "{rule_index:?} {suppressed}");
            }
        }
    }

    /// The hand-written results are serde's pretty JSON of the structs, at
    /// their depth in the log, and the log around them is too.
    #[test]
    fn sarif_results_are_written_as_serde_writes_them() {
        let sources = [report::Name::from("Ana"), report::Name::from("B \"c\"\n")];
        let mut results = Vec::new();
        for rule_index in [Some(7), None] {
            for suppressed in [None, Some(("inSource", "x")), Some(("external", "y"))] {
                let mut r = sample_result(
                    rule_index,
                    &sources[..rule_index.map_or(0, |_| 2)],
                    &sources[..1],
                    suppressed,
                );
                // Text to escape and numbers of several widths.
                r.message.text = "m \"x\" \u{1}é".to_string();
                let region = &mut r.locations[0].physical_location.region;
                (region.start_column, region.end_line) = (22, 333);
                (region.byte_offset, region.byte_length) = (5_000_000, 0);
                region.snippet.text = "t\n\t";
                results.push(r);
            }
        }
        for n in [0, 1, results.len()] {
            let mut serde_results = Vec::new();
            crate::batch::write_pretty_at(&mut serde_results, &results[..n], 3).unwrap();
            assert_eq!(
                String::from_utf8(results_json(&results[..n])).unwrap(),
                String::from_utf8(serde_results).unwrap()
            );
        }
        let log = |results| SarifLog {
            schema: "s",
            version: "v",
            runs: [SarifRun {
                tool: json!({"driver": {"name": "whosaid", "rules": []}}),
                invocations: json!([{"results": [], "toolExecutionNotifications": []}]),
                column_kind: "k",
                results,
            }],
        };
        let spliced = sarif_log_bytes(&log(Vec::new()), &results_json(&results));
        let whole = serde_json::to_vec_pretty(&log(results)).unwrap();
        assert_eq!(
            String::from_utf8(spliced).unwrap(),
            String::from_utf8(whole).unwrap()
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("drafts/my draft#1.md"), "drafts/my%20draft%231.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("a\\b.md"), "a/b.md");
    }
}
