//! One reporter per `--format`. Each takes the checked files one at a time
//! (so that line-oriented formats can stream) and writes to the writer it is
//! given; none of them prints on its own.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::{json, Value};

use crate::config::Severity;
use crate::lint::{Checked, Counts, Finding, Suppressed};
use crate::reasons;
use crate::report::{self, csv_safe, excerpt, provenance_note, ClaimEntry, FileError};

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

/// Receives the checked files in order, then `finish`.
pub trait Reporter {
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()>;
    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()>;
}

/// The reporter for a format.
pub fn reporter(format: Format, style: Style) -> Box<dyn Reporter> {
    match format {
        Format::Pretty => Box::new(Pretty {
            style,
            counts: Counts::default(),
            files: 0,
        }),
        Format::Human => Box::new(Human { style }),
        Format::Line => Box::new(Lines { style }),
        Format::Json => Box::new(JsonStream::default()),
        Format::Jsonl => Box::new(Jsonl {
            style,
            counts: Counts::default(),
            files: 0,
        }),
        Format::Csv => Box::new(Csv {
            style,
            header: false,
        }),
        Format::Sarif => Box::new(Collect::new(style, sarif)),
        Format::Github => Box::new(Github { style }),
    }
}

/// The severity a shown finding is reported with (`--all` shows attributed
/// claims, which are `off` by default, as `info`).
fn shown_severity(f: &Finding) -> Severity {
    f.severity.max(Severity::Info)
}

/// `"claim excerpt" — provenance`.
fn message(c: &ClaimEntry) -> String {
    format!("\"{}\" — {}", excerpt(&c.text, 60), provenance_note(c))
}

struct Human {
    style: Style,
}

impl Reporter for Human {
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        let Ok(c) = item else { return Ok(()) };
        let text = report::human(&c.report, self.style.all);
        if self.style.quiet {
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

    fn finish(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

struct Lines {
    style: Style,
}

impl Reporter for Lines {
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        let Ok(c) = item else { return Ok(()) };
        for (f, claim) in c.shown(self.style.all) {
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

    fn finish(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

struct Pretty {
    style: Style,
    counts: Counts,
    files: usize,
}

impl Reporter for Pretty {
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        let Ok(c) = item else { return Ok(()) };
        self.files += 1;
        self.counts.add(c.counts());
        let renderer = if self.style.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        for (f, claim) in c.shown(self.style.all) {
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
                group = group.element(
                    Level::NOTE.message(format!("source chain: {}", claim.chain.join(" → "))),
                );
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
    json!({
        "type": "finding",
        "path": c.report.path,
        "line": claim.span.line,
        "column": claim.span.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
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

impl Reporter for Jsonl {
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        match item {
            Ok(c) => {
                self.files += 1;
                self.counts.add(c.counts());
                for (f, claim) in c.shown(self.style.all) {
                    writeln!(w, "{}", finding_json(c, f, claim))?;
                }
            }
            Err(e) => writeln!(
                w,
                "{}",
                json!({"type": "error", "path": e.path, "message": e.message})
            )?,
        }
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
    style: Style,
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

impl Reporter for Csv {
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        let mut wr = csv::Writer::from_writer(&mut *w);
        if !self.header {
            wr.write_record(FINDINGS_CSV_HEADER)?;
            self.header = true;
        }
        if let Ok(c) = item {
            for (f, claim) in c.shown(self.style.all) {
                let row = [
                    c.report.path.clone(),
                    claim.span.line.to_string(),
                    claim.span.column.to_string(),
                    f.end_line.to_string(),
                    f.end_column.to_string(),
                    shown_severity(f).as_str().to_string(),
                    claim.status.to_string(),
                    claim.reason.to_string(),
                    claim.sources.join("; "),
                    claim.chain.join(" > "),
                    claim.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    provenance_note(claim),
                ];
                wr.write_record(row.iter().map(|s| csv_safe(s)))?;
            }
        }
        wr.flush()
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

/// GitHub Actions annotations: `::error file=…,line=…::message`.
struct Github {
    style: Style,
}

fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for Github {
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        match item {
            Ok(c) => {
                for (f, claim) in c.shown(self.style.all) {
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
                        f.end_line,
                        f.end_column,
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

    fn finish(&mut self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Formats that need the whole run: keep the items, render at the end.
struct Collect {
    style: Style,
    items: Vec<Item>,
    render: fn(&[Item], Style) -> Value,
}

impl Collect {
    fn new(style: Style, render: fn(&[Item], Style) -> Value) -> Collect {
        Collect {
            style,
            items: Vec::new(),
            render,
        }
    }
}

impl Reporter for Collect {
    fn file(&mut self, _: &mut dyn Write, item: &Item) -> io::Result<()> {
        self.items.push(item.clone());
        Ok(())
    }

    fn finish(&mut self, w: &mut dyn Write) -> io::Result<()> {
        let v = (self.render)(&self.items, self.style);
        serde_json::to_writer_pretty(&mut *w, &v)?;
        writeln!(w)
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
    fn file(&mut self, w: &mut dyn Write, item: &Item) -> io::Result<()> {
        self.start(w)?;
        match item {
            Ok(c) => {
                self.summary.add(&c.report);
                self.counts.add(c.counts());
                w.write_all(if self.files == 0 {
                    b"\n    "
                } else {
                    b",\n    "
                })?;
                // Written in pieces of some kilobytes, each whole claims.
                let mut json = crate::json::JsonWriter::to_sink(true, 2, &mut *w);
                json.file_report(&c.report);
                json.finish()?;
                self.files += 1;
            }
            Err(e) => {
                self.summary.errors += 1;
                self.errors.push(report::ErrorEntry {
                    path: e.path.clone(),
                    message: e.message.clone(),
                });
            }
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
fn sarif(items: &[Item], style: Style) -> Value {
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
            let mut r = json!({
                "ruleId": claim.reason,
                "ruleIndex": reasons::REASONS.iter().position(|r| r.code == claim.reason),
                "level": level,
                "message": {"text": format!("{}[{}]: {}", claim.status, claim.reason, message(claim))},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(&c.report.path)},
                    "region": {
                        "startLine": claim.span.line,
                        "startColumn": claim.span.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                        "byteOffset": claim.span.start,
                        "byteLength": claim.span.end - claim.span.start,
                        "snippet": {"text": claim.text},
                    }
                }}],
                "partialFingerprints": {"whosaidClaimText/v1": c.fingerprint(f)},
                "properties": {"status": claim.status, "sources": claim.sources, "chain": claim.chain},
            });
            if let Some(s) = f.suppressed {
                r["suppressions"] = json!([{
                    "kind": match s { Suppressed::Inline => "inSource", Suppressed::Baseline => "external" },
                    "justification": match s {
                        Suppressed::Inline => "whosaid comment in the file",
                        Suppressed::Baseline => "in the whosaid baseline",
                    },
                }]);
            }
            if r["ruleIndex"].is_null() {
                if let Some(o) = r.as_object_mut() {
                    o.remove("ruleIndex");
                }
            }
            results.push(r);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "whosaid",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": notes.is_empty(),
                "toolExecutionNotifications": notes,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes_data_and_properties() {
        assert_eq!(gh_data("50%\nx"), "50%25%0Ax");
        assert_eq!(gh_property("a:b,c"), "a%3Ab%2Cc");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("drafts/my draft#1.md"), "drafts/my%20draft%231.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("a\\b.md"), "a/b.md");
    }
}
