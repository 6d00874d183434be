//! The provenance graph → what users read: the JSON report of
//! `REPORT-SCHEMA.md`, human diagnostics, and the CSV attribution table.
//! Every reporter works from the same [`FileReport`]; none of them prints.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::document::{Document, InputType};
use crate::grammar::Grammar;
use crate::provenance::{EntityId, Provenance, Status};
use crate::span::{LineCursor, LineIndex, Span};
use crate::swar::{HIGH, ONES};
use crate::Analysis;

#[derive(Debug, Clone, Serialize)]
pub struct SpanPos {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: Text,
}

/// A piece of a file's prose as a report quotes it: a claim's text, a
/// cue, a source or a content. Every piece of one report shares one copy of
/// the prose, where each was a `String` of its own: an allocation, a copy
/// and a free for some 124,000 pieces on 924 news articles, for one copy of
/// the prose a file. (Shared by an atomic count: a report is made on one
/// thread and written on another.)
#[derive(Clone)]
pub struct Text {
    all: Arc<str>,
    start: usize,
    end: usize,
}

impl Text {
    /// `range` of `all`, which must be a range of it on char boundaries.
    pub(crate) fn of(all: &Arc<str>, range: std::ops::Range<usize>) -> Text {
        debug_assert!(all.get(range.clone()).is_some(), "{range:?}");
        Text {
            all: Arc::clone(all),
            start: range.start,
            end: range.end,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.all[self.start..self.end]
    }

    /// The bytes of [`Text::as_str`], without its checks of char
    /// boundaries (`of` is given a range on them).
    pub fn as_bytes(&self) -> &[u8] {
        &self.all.as_bytes()[self.start..self.end]
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::from("")
    }
}

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text {
            all: Arc::from(s),
            start: 0,
            end: s.len(),
        }
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::from(s.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

/// As the string: `"said"`.
impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct AttributionEntry {
    pub kind: &'static str,
    pub stance: &'static str,
    pub cue: TextSpan,
    pub source: Option<TextSpan>,
    pub content: Option<TextSpan>,
    /// Attributions that are what this one reports ("found that [most
    /// voters said] …"): speech inside its content, listed here rather than
    /// beside it in the claim.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub embedded: Vec<AttributionEntry>,
}

/// The id of a claim ("C12", the twelfth) or of a source ("S3"): its
/// letter and number, written out as text wherever a report is shown.
/// (As a `String`, it was an allocation and a free for every claim.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Id {
    prefix: u8,
    number: usize,
}

impl Id {
    /// The id of the `number`th claim (from 1).
    pub fn claim(number: usize) -> Id {
        Id {
            prefix: b'C',
            number,
        }
    }

    /// The id of the `number`th source (from 1).
    pub fn source(number: usize) -> Id {
        Id {
            prefix: b'S',
            number,
        }
    }

    /// The letter: `C` for a claim, `S` for a source.
    pub fn prefix(self) -> char {
        char::from(self.prefix)
    }

    pub fn number(self) -> usize {
        self.number
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.prefix(), self.number)
    }
}

/// As the string it reads as.
impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A source's name as claims list it, one string shared by all of them: a
/// source is listed by every claim it speaks for, as source and in the
/// chain, and a copy of the name for each was an allocation, a copy and a
/// free (some 36,000 on 924 news articles). (Shared by an atomic count: a
/// report is made on one thread and written on another.)
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Arc<str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Name {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(Arc::from(s))
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(Arc::from(s))
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

/// As the string: `"Ana Lopes"`.
impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::fmt::Display for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// The names of a claim's sources, or of its chain: a list that reads as a
/// slice of [`Name`]s. Nearly every claim with a source has one, and one
/// chain, of one name: a name is held in place, where a `Vec` of it was an
/// allocation and a free for each of some 35,000 lists on 924 articles.
#[derive(Clone, PartialEq, Eq)]
pub struct Names(NamesRepr);

#[derive(Clone, PartialEq, Eq)]
enum NamesRepr {
    One(Name),
    /// None, or more than one.
    Other(Vec<Name>),
}

impl Names {
    pub fn as_slice(&self) -> &[Name] {
        match &self.0 {
            NamesRepr::One(n) => std::slice::from_ref(n),
            NamesRepr::Other(v) => v,
        }
    }
}

impl Default for Names {
    fn default() -> Names {
        Names(NamesRepr::Other(Vec::new()))
    }
}

impl std::ops::Deref for Names {
    type Target = [Name];

    fn deref(&self) -> &[Name] {
        self.as_slice()
    }
}

impl From<Vec<Name>> for Names {
    fn from(mut v: Vec<Name>) -> Names {
        match v.pop() {
            Some(n) if v.is_empty() => Names(NamesRepr::One(n)),
            Some(n) => {
                v.push(n);
                Names(NamesRepr::Other(v))
            }
            None => Names::default(),
        }
    }
}

/// As a list: `["Ana Lopes"]`.
impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ClaimEntry {
    pub id: Id,
    pub text: Text,
    pub span: SpanPos,
    pub status: &'static str,
    pub reason: &'static str,
    pub sources: Names,
    pub chain: Names,
    pub attributions: Vec<AttributionEntry>,
    /// Kind of the first source ("person", "anonymous"…), for tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<&'static str>,
    /// The first top-level cue as written, for tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Text>,
    /// The configured severity of this claim (`off` for those not reported).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<&'static str>,
    /// Why the finding is not reported: `inline` (a `whosaid` comment) or
    /// `baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppressed: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceEntry {
    pub id: Id,
    pub name: String,
    pub kind: &'static str,
    pub aliases: Vec<String>,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub path: String,
    pub publisher: Option<String>,
    pub sources: Vec<SourceEntry>,
    pub claims: Vec<ClaimEntry>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub claims: usize,
    pub attributed: usize,
    pub unattributed: usize,
    pub hearsay: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub errors: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Serialize)]
pub struct ErrorEntry {
    pub path: String,
    pub message: String,
}

/// The JSON report of a whole run.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub files: Vec<FileReport>,
    pub summary: Summary,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorEntry>,
}

/// A file whosaid could not check, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for FileError {}

pub type CheckedFile = Result<FileReport, FileError>;

/// Reads and checks one file. Never writes to it.
pub fn check(
    path: &Path,
    display: &str,
    kind: Option<InputType>,
    grammar: &Grammar,
) -> CheckedFile {
    let bytes = std::fs::read(path).map_err(|e| FileError {
        path: display.to_string(),
        message: format!("cannot read: {e}"),
    })?;
    check_bytes(
        display,
        &bytes,
        kind.unwrap_or_else(|| InputType::from_path(path)),
        grammar,
    )
}

/// Checks the bytes of one file; `display` names it in the report.
pub fn check_bytes(display: &str, bytes: &[u8], kind: InputType, grammar: &Grammar) -> CheckedFile {
    let text = decode(display, bytes)?;
    let (document, provenance, line_starts) = crate::analyze_for_report(text, kind, grammar);
    Ok(report_of_owned(
        display,
        text,
        &document,
        &line_starts,
        provenance,
    ))
}

/// The text of a file, or an error naming the position of a NUL byte
/// (binary file) or of the first invalid UTF-8 sequence.
pub fn decode<'a>(display: &str, bytes: &'a [u8]) -> Result<&'a str, FileError> {
    let err = |at: usize, msg: String| {
        let pos = LineIndex::new(bytes).position(bytes, at);
        FileError {
            path: display.to_string(),
            message: format!("{}:{}: {msg}", pos.line, pos.column),
        }
    };
    if let Some(nul) = memchr::memchr(0, bytes) {
        return Err(err(
            nul,
            format!("binary file (NUL byte at offset {nul}); not checked"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        err(
            at,
            format!(
                "not valid UTF-8 (byte 0x{:02x} at offset {at}); not checked",
                bytes[at]
            ),
        )
    })?;
    Ok(text)
}

/// Builds the report of one analysed file.
pub fn file_report(path: &str, source: &str, a: &Analysis) -> FileReport {
    report_of(
        path,
        source,
        &a.document,
        &a.segmentation.line_starts,
        &a.provenance,
    )
}

/// [`file_report`] from the parts of the analysis it reads. Where a claim
/// ends is no part of it: a finding's end is found when a format shows it
/// ([`crate::lint::Checked::end`]), since finding one counts the characters
/// of its whole claim.
pub(crate) fn report_of(
    path: &str,
    source: &str,
    document: &Document,
    line_starts: &[usize],
    prov: &Provenance,
) -> FileReport {
    let (mut report, used) = report_but_sources(path, source, document, line_starts, prov);
    let entities = &prov.registry.entities;
    report.sources = source_entries(&used, |id, e| {
        let ent = &entities[e];
        SourceEntry {
            id,
            name: ent.name.clone(),
            kind: ent.kind.as_str(),
            aliases: ent.aliases.clone(),
            role: ent.role.clone(),
        }
    });
    report
}

/// [`report_of`] of an analysis no longer wanted after it: the names,
/// aliases and roles of the sources are moved into the report rather than
/// copied (a few allocations, copies and frees a source).
pub(crate) fn report_of_owned(
    path: &str,
    source: &str,
    document: &Document,
    line_starts: &[usize],
    mut prov: Provenance,
) -> FileReport {
    let (mut report, used) = report_but_sources(path, source, document, line_starts, &prov);
    let entities = &mut prov.registry.entities;
    // `used` names each entity once: each is taken from once.
    report.sources = source_entries(&used, |id, e| {
        let ent = &mut entities[e];
        SourceEntry {
            id,
            name: std::mem::take(&mut ent.name),
            kind: ent.kind.as_str(),
            aliases: std::mem::take(&mut ent.aliases),
            role: ent.role.take(),
        }
    });
    report
}

/// The sources of a report, in the order `used` lists them: `entry` makes
/// the entry of an entity, given its id.
fn source_entries(
    used: &[EntityId],
    mut entry: impl FnMut(Id, EntityId) -> SourceEntry,
) -> Vec<SourceEntry> {
    let mut sources = Vec::with_capacity(used.len());
    for (k, &e) in used.iter().enumerate() {
        sources.push(entry(Id::source(k + 1), e));
    }
    sources
}

/// The report with no sources yet, and the entities that are its sources,
/// in order of first use.
fn report_but_sources(
    path: &str,
    source: &str,
    document: &Document,
    line_starts: &[usize],
    prov: &Provenance,
) -> (FileReport, Vec<EntityId>) {
    // Claims come in text order: their lines are found walking it once,
    // read off the prose's line starts when those are the file's.
    let mut lines = if document.same_offsets() && !line_starts.is_empty() {
        debug_assert_eq!(source.len(), document.text.len());
        LineCursor::with_starts(source.as_bytes(), line_starts)
    } else {
        LineCursor::new(source.as_bytes())
    };
    let prose = &document.text;
    let shared_prose: Arc<str> = Arc::from(prose.as_str());
    let reg = &prov.registry;
    let mut pos = |s: Span| {
        let o = document.original_span(s);
        let p = lines.position(o.start);
        SpanPos {
            start: o.start,
            end: o.end,
            line: p.line,
            column: p.column,
        }
    };
    let text_span = |s: Span| {
        let o = document.original_span(s);
        TextSpan {
            start: o.start,
            end: o.end,
            text: Text::of(&shared_prose, s.start..s.end),
        }
    };
    // Sources in order of first use; ids S1, S2… Each gets its shared name
    // when first met.
    let mut used: Vec<EntityId> = Vec::new();
    let mut shared: Vec<Option<Name>> = vec![None; reg.entities.len()];
    for c in &prov.claims {
        for &e in c.sources.iter().chain(c.chain.iter()) {
            if shared[e].is_none() {
                shared[e] = Some(Name::from(reg.entities[e].name.as_str()));
                used.push(e);
            }
        }
    }
    let name = |e: EntityId| reg.entities[e].name.clone();
    let names = |ids: &[EntityId]| names_of(ids, &shared);
    // Each entry is made by an `extend` of the list, not pushed in a loop:
    // so it is put together where it is stored, where a push put the 264
    // bytes of it together on the stack and copied them in (a call to
    // `memcpy` a claim).
    let mut claims = Vec::with_capacity(prov.claims.len());
    claims.extend(prov.claims.iter().enumerate().map(|(k, c)| {
        let top = c
            .attributions
            .iter()
            .find(|r| r.attribution.nested_in.is_none());
        ClaimEntry {
            id: Id::claim(k + 1),
            text: Text::of(&shared_prose, c.span.start..c.span.end),
            span: pos(c.span),
            status: c.status.as_str(),
            reason: c.reason,
            sources: names(&c.sources),
            chain: names(&c.chain),
            attributions: attribution_entries(&c.attributions, &text_span),
            source_kind: c.sources.first().map(|&e| reg.entities[e].kind.as_str()),
            cue: top.map(|r| {
                Text::of(
                    &shared_prose,
                    r.attribution.cue.start..r.attribution.cue.end,
                )
            }),
            severity: None,
            suppressed: None,
        }
    }));
    let report = FileReport {
        path: path.to_string(),
        publisher: prov.publisher.map(name),
        sources: Vec::new(),
        claims,
    };
    (report, used)
}

/// The names of the entities `ids`, each its `shared` name (made for every
/// entity a claim names). Always inlined: it is asked twice a claim, and
/// most lists are empty or of one, for which the call cost more than the
/// list.
#[inline(always)]
fn names_of(ids: &[EntityId], shared: &[Option<Name>]) -> Names {
    let shared_name = |e: EntityId| shared[e].clone().expect("named above");
    match *ids {
        [e] => Names(NamesRepr::One(shared_name(e))),
        _ => {
            let mut out = Vec::with_capacity(ids.len());
            for &e in ids {
                out.push(shared_name(e));
            }
            Names(NamesRepr::Other(out))
        }
    }
}

/// Appends the decimal digits of `n` (what `write!(out, "{n}")` writes).
fn push_decimal(out: &mut String, n: usize) {
    let mut buf = [0u8; 20];
    // A push a digit (a store each): a copy of them as a `str` first
    // checked them for UTF-8, which cost more.
    for &d in crate::json::decimal(n, &mut buf) {
        out.push(char::from(d));
    }
}

/// One attribution as listed, with the entries embedded under it.
fn entry_of(
    a: &crate::attribution::Attribution,
    text_span: &dyn Fn(Span) -> TextSpan,
    embedded: Vec<AttributionEntry>,
) -> AttributionEntry {
    AttributionEntry {
        kind: a.kind.as_str(),
        stance: a.stance,
        cue: text_span(a.cue),
        source: a.source.as_ref().map(|s| text_span(s.span)),
        content: a.content.map(text_span),
        embedded,
    }
}

/// A claim's attributions, each embedded one under the attribution that
/// reports it.
fn attribution_entries(
    all: &[crate::provenance::Resolved],
    text_span: &dyn Fn(Span) -> TextSpan,
) -> Vec<AttributionEntry> {
    // Most claims have none: no lists to make.
    if all.is_empty() {
        return Vec::new();
    }
    // Most of the rest embed none: each is listed as it is, with no holders
    // to work out (a list of them was made for every such claim).
    if all.iter().all(|r| !r.attribution.embedded) {
        return all
            .iter()
            .map(|r| entry_of(&r.attribution, text_span, Vec::new()))
            .collect();
    }
    let step = |k: usize| {
        let a = &all[k].attribution;
        a.nested_in.filter(|&j| a.embedded && j < all.len())
    };
    // Each attribution's holder, if it is embedded. One whose holders never
    // reach a listed attribution (a loop, which readings do not make) is
    // listed itself, so that nothing is lost and the tree below stays finite.
    let holders: Vec<Option<usize>> = (0..all.len())
        .map(|k| {
            let mut h = k;
            for _ in 0..all.len() {
                match step(h) {
                    Some(j) => h = j,
                    None => return step(k),
                }
            }
            None
        })
        .collect();
    fn entry(
        k: usize,
        all: &[crate::provenance::Resolved],
        holders: &[Option<usize>],
        text_span: &dyn Fn(Span) -> TextSpan,
    ) -> AttributionEntry {
        let embedded = (0..all.len())
            .filter(|&m| holders[m] == Some(k))
            .map(|m| entry(m, all, holders, text_span))
            .collect();
        entry_of(&all[k].attribution, text_span, embedded)
    }
    (0..all.len())
        .filter(|&k| holders[k].is_none())
        .map(|k| entry(k, all, &holders, text_span))
        .collect()
}

impl Summary {
    pub fn add(&mut self, f: &FileReport) {
        self.files += 1;
        for c in &f.claims {
            match c.status {
                "attributed" => self.attributed += 1,
                "unattributed" => self.unattributed += 1,
                "hearsay" => self.hearsay += 1,
                _ => continue,
            }
            self.claims += 1;
        }
    }

    pub fn flagged(&self) -> usize {
        self.unattributed + self.hearsay
    }
}

/// Builds the whole-run report from per-file results, in the given order.
pub fn report(results: &[CheckedFile]) -> Report {
    let mut summary = Summary::default();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(f) => {
                summary.add(f);
                files.push(f.clone());
            }
            Err(e) => {
                summary.errors += 1;
                errors.push(ErrorEntry {
                    path: e.path.clone(),
                    message: e.message.clone(),
                });
            }
        }
    }
    Report {
        version: 1,
        files,
        summary,
        errors,
    }
}

/// Shortens a claim for one line of output, on a character boundary: its
/// words joined by single spaces, cut after `max` characters back to the
/// last space, with ` …`. Only the words up to the cut are looked at.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    excerpt_into(&mut out, text, max);
    out
}

/// [`excerpt`], appended to `out`: the lines that show one are put
/// together in one buffer, with no string of its own for it.
pub(crate) fn excerpt_into(out: &mut String, text: &str, max: usize) {
    // Most claims are their own words joined by single spaces, at least as
    // far as the cut: then the excerpt is cut from the text itself.
    let clean = flat_prefix(text, max.saturating_add(1));
    if clean.chars > max && !clean.ends_in_space {
        let end = text[..clean.end]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let cut = &text[..end];
        let cut = cut.rsplit_once(' ').map_or(cut, |(a, _)| a);
        out.push_str(cut);
        out.push_str(" …");
        return;
    }
    if clean.end == text.len() && !clean.ends_in_space {
        out.push_str(text);
        return;
    }
    // The words are joined in `out` itself, after what it held.
    let base = out.len();
    let mut chars = 0;
    for word in Words::new(text) {
        // (No word is empty: one was written before this one.)
        if out.len() > base {
            out.push(' ');
            chars += 1;
        }
        out.push_str(word);
        chars += word.chars().count();
        if chars > max {
            let flat = &out[base..];
            let end = flat.char_indices().nth(max).map_or(flat.len(), |(i, _)| i);
            let cut = &flat[..end];
            let keep = cut.rsplit_once(' ').map_or(cut, |(a, _)| a).len();
            out.truncate(base + keep);
            out.push_str(" …");
            return;
        }
    }
}

/// Appends `"claim excerpt" — provenance`, the message of a claim in every
/// line-oriented format.
pub(crate) fn push_claim_message(out: &mut String, c: &ClaimEntry) {
    out.push('"');
    excerpt_into(out, &c.text, 60);
    out.push_str("\" — ");
    out.push_str(&provenance_note(c));
}

/// The words of `text` joined by single spaces: what
/// `text.split_whitespace().collect::<Vec<_>>().join(" ")` gives, in one
/// pass and one allocation.
pub fn flat_words(text: &str) -> String {
    let clean = flat_prefix(text, usize::MAX);
    if clean.end == text.len() && !clean.ends_in_space {
        return text.to_string();
    }
    let mut flat = String::with_capacity(text.len());
    for word in Words::new(text) {
        if !flat.is_empty() {
            flat.push(' ');
        }
        flat.push_str(word);
    }
    flat
}

/// How far a text is already its words joined by single spaces.
struct FlatPrefix {
    /// The bytes before the first whitespace that breaks it (one at the
    /// start, a second in a row, any but the space), or before the
    /// character at the limit, or all.
    end: usize,
    /// The characters in them.
    chars: usize,
    /// Whether they end in a space (or are none).
    ends_in_space: bool,
}

/// [`FlatPrefix`] of `text`, looking at `limit` characters at most.
fn flat_prefix(text: &str, limit: usize) -> FlatPrefix {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let bytes = text.as_bytes();
    let mut chars = 0;
    // So that a space at the start breaks it.
    let mut after_space = true;
    let mut i = 0;
    loop {
        // Eight bytes a step while they are ASCII with no control
        // character and no space after a space (each test exact per byte:
        // the low seven bits are added to without a carry out of the byte).
        while let Some(eight) = bytes.get(i..i + 8) {
            if limit - chars < 8 {
                break;
            }
            let w = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            let control = !(((w & LOW7) + ONES * 0x60) | w) & HIGH;
            let x = w ^ (ONES * u64::from(b' '));
            let space = !(((x & LOW7) + LOW7) | x) & HIGH;
            let doubled = space & ((space << 8) | u64::from(after_space) << 7);
            if control | doubled | (w & HIGH) != 0 {
                break;
            }
            after_space = space >> 63 != 0;
            chars += 8;
            i += 8;
        }
        // Then one character.
        let Some(&b) = bytes.get(i) else { break };
        if b & 0xC0 == 0x80 {
            // Inside a character.
            i += 1;
            continue;
        }
        if chars == limit {
            break;
        }
        if b == b' ' {
            if after_space {
                break;
            }
            after_space = true;
        } else if b < 0x80 {
            // The rest of ASCII whitespace: tab, newline, vertical tab, form
            // feed, carriage return.
            if matches!(b, b'\t'..=b'\r') {
                break;
            }
            after_space = false;
        } else {
            // Other whitespace starts with one of these bytes in UTF-8
            // (U+0085, U+00A0, U+1680, U+2000…U+205F, U+3000).
            if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3)
                && text[i..].chars().next().is_some_and(char::is_whitespace)
            {
                break;
            }
            after_space = false;
        }
        chars += 1;
        i += 1;
    }
    FlatPrefix {
        end: i,
        chars,
        ends_in_space: after_space,
    }
}

/// The words of a text as [`str::split_whitespace`] gives them, with ASCII
/// bytes classed directly and only other characters decoded.
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Words<'a> {
        Words { text, at: 0 }
    }

    /// From `i` (a character boundary), the first character that is
    /// whitespace (`space`) or is not, or the end.
    #[inline(always)]
    fn past(&self, mut i: usize, space: bool) -> usize {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                // `char::is_whitespace` of ASCII: tab, newline, vertical
                // tab, form feed, carriage return, space.
                if matches!(b, b'\t'..=b'\r' | b' ') != space {
                    return i;
                }
                i += 1;
            } else {
                let c = self.text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() != space {
                    return i;
                }
                i += c.len_utf8();
            }
        }
        i
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let start = self.past(self.at, true);
        if start >= self.text.len() {
            self.at = start;
            return None;
        }
        let end = self.past(start, false);
        // Past the space that ends the word (if any): it is whitespace.
        self.at = end;
        Some(&self.text[start..end])
    }
}

/// What the human line says about where a claim comes from.
pub fn provenance_note(c: &ClaimEntry) -> String {
    let sources = c.sources.join(", ");
    match (c.status, c.reason) {
        (_, "orphan-quote") => "quotation with no speaker".into(),
        (_, "no-source") => "no source".into(),
        (_, "weasel") if sources.is_empty() => "source hidden in weasel wording".into(),
        (_, "weasel") => format!("vague source: {sources}"),
        (_, "anonymous") if !sources.is_empty() => format!("source: {sources} (unnamed)"),
        (_, "unnamed-media") => format!("source: {sources} (unnamed outlets)"),
        (_, "relayed" | "relayed-anonymous") => format!("relayed: {}", c.chain.join(" > ")),
        ("hearsay", r) if sources.is_empty() => {
            let cue = c.cue.clone().unwrap_or_default();
            match r {
                "reportedly" | "allegedly" | "said-to" | "understood" | "unconfirmed" => {
                    format!("source: none (“{cue}”)")
                }
                _ => format!(
                    "source: unnamed {}",
                    cue.split_whitespace().next().unwrap_or("").to_lowercase()
                ),
            }
        }
        ("hearsay", _) => format!("source: {sources}"),
        _ if !c.chain.is_empty() && c.chain.len() > 1 => {
            format!("source: {sources}; chain: {}", c.chain.join(" > "))
        }
        _ => format!("source: {sources}"),
    }
}

/// Human diagnostics: one line per flagged claim (all claims with `all`),
/// then a summary line per file. Claims whose severity is `off` or that are
/// suppressed are left out.
pub fn human(f: &FileReport, all: bool) -> String {
    let mut out = String::new();
    for c in &f.claims {
        let flagged = matches!(c.status, "unattributed" | "hearsay") && c.severity != Some("off");
        let show = (flagged || (all && c.status == "attributed")) && c.suppressed.is_none();
        if !show {
            continue;
        }
        // `{path}:{line}:{column}: {status}[{reason}]: "{excerpt}" — {note}`,
        // put together piece by piece: through `writeln!` the formatting
        // machinery cost more than all the rest of the line.
        out.push_str(&f.path);
        out.push(':');
        push_decimal(&mut out, c.span.line);
        out.push(':');
        push_decimal(&mut out, c.span.column);
        out.push_str(": ");
        out.push_str(c.status);
        out.push('[');
        out.push_str(c.reason);
        out.push_str("]: ");
        push_claim_message(&mut out, c);
        out.push('\n');
    }
    let mut s = Summary::default();
    s.add(f);
    let _ = writeln!(
        out,
        "{}: {} claims: {} attributed, {} unattributed, {} hearsay",
        f.path, s.claims, s.attributed, s.unattributed, s.hearsay
    );
    out
}

/// Neutralises a CSV cell that a spreadsheet would run as a formula
/// (OWASP's advice: prefix such cells with a single quote).
pub fn csv_safe(cell: &str) -> String {
    String::from_utf8(csv_safe_cell(cell).into_owned()).expect("a quote and UTF-8")
}

/// The bytes [`csv_safe`] gives, borrowed from the cell where they are
/// its own (most cells): a row was a copy of each of its cells.
pub(crate) fn csv_safe_cell(cell: &str) -> Cow<'_, [u8]> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => {
            let mut quoted = Vec::with_capacity(cell.len() + 1);
            quoted.push(b'\'');
            quoted.extend_from_slice(cell.as_bytes());
            Cow::Owned(quoted)
        }
        _ => Cow::Borrowed(cell.as_bytes()),
    }
}

pub const CSV_HEADER: [&str; 10] = [
    "file",
    "line",
    "column",
    "status",
    "reason",
    "source",
    "source_kind",
    "cue",
    "chain",
    "text",
];

/// The attribution table: one row per claim (headings and credit lines left out).
pub fn write_csv<W: std::io::Write>(w: W, files: &[FileReport]) -> csv::Result<()> {
    let mut wr = csv::Writer::from_writer(w);
    wr.write_record(CSV_HEADER)?;
    for f in files {
        for c in &f.claims {
            if c.status == Status::None.as_str() {
                continue;
            }
            let row: [Cow<'_, str>; 10] = [
                Cow::Borrowed(&f.path),
                Cow::Owned(c.span.line.to_string()),
                Cow::Owned(c.span.column.to_string()),
                Cow::Borrowed(c.status),
                Cow::Borrowed(c.reason),
                Cow::Owned(c.sources.join("; ")),
                Cow::Borrowed(c.source_kind.unwrap_or("")),
                Cow::Borrowed(c.cue.as_deref().unwrap_or_default()),
                Cow::Owned(c.chain.join(" > ")),
                Cow::Owned(flat_words(&c.text)),
            ];
            wr.write_record(row.iter().map(|s| csv_safe_cell(s)))?;
        }
    }
    wr.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_would_execute_are_neutralised() {
        for bad in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert!(csv_safe(bad).starts_with('\''), "{bad}");
        }
        assert_eq!(csv_safe("Budanov said"), "Budanov said");
    }

    /// Cues of a one-sentence text: (listed beside each other, embedded).
    fn cues(text: &str) -> Vec<(String, Vec<String>)> {
        let a = crate::analyze(text, InputType::Text, &Grammar::builtin());
        let r = file_report("t.txt", text, &a);
        r.claims[0]
            .attributions
            .iter()
            .map(|e| {
                let inner = e.embedded.iter().map(|i| i.cue.text.to_string()).collect();
                (e.cue.text.to_string(), inner)
            })
            .collect()
    }

    #[test]
    fn speech_reported_as_content_is_listed_under_its_reporter() {
        let own = |c: &str, inner: &[&str]| {
            (c.to_string(), inner.iter().map(|s| s.to_string()).collect())
        };
        assert_eq!(
            cues("A new poll found that most voters said the levy was too high."),
            vec![own("found", &["said"])]
        );
        assert_eq!(
            cues("The mayor told reporters what she called a fair deal."),
            vec![own("told", &["called"])]
        );
        // A participle describing a document is no attribution of its own.
        assert_eq!(
            cues("In a statement released on Thursday, the mayor defended the levy."),
            vec![own("defended", &[])]
        );
        // Coordinated verbs each stand for themselves.
        assert_eq!(
            cues("The mayor praised the plan and said the levy would fall."),
            vec![own("praised", &[]), own("said", &[])]
        );
    }

    #[test]
    fn words_and_excerpts_are_those_of_split_whitespace() {
        fn old_excerpt(text: &str, max: usize) -> String {
            let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if flat.chars().count() <= max {
                flat
            } else {
                let cut: String = flat.chars().take(max).collect();
                let cut = cut
                    .rsplit_once(' ')
                    .map_or(cut.as_str(), |(a, _)| a)
                    .to_string();
                format!("{cut} …")
            }
        }
        let texts = [
            "",
            " ",
            "word",
            "  two  words\t",
            "a\u{a0}b\u{2003}c\u{3000}d\u{85}e\u{2028}f\u{1c}g\u{b}h\u{c}i\r\nj",
            "Ünïcödé words go here and on and on",
            "“Quoted,” she said — and then   “more”.\n\nNext paragraph here.",
            "averyveryveryveryveryverylongwordwithoutanyspaceatallforalongwhile x",
            "A clean claim of words with single spaces, long enough to be cut here.",
            "A clean claim of words with single spaces, long enough to be cut here ",
            "A clean claim of words with single spaces,  long enough to be cut here.",
            "Short and clean.",
            "Short and clean. ",
            " Short",
            "exactly sixty characters long, no more and no less: ok ok ok",
            "exactly sixty characters long, no more and no less: ok ok o \n\n ",
            "exactly sixty characters long, no more and no less: ok ok ok \n ",
            "exactly sixty characters long, no more and no less: ok ok ok x",
            "“Ünïcödé” — ok,\u{a0}said Ana; “Ünïcödé” — ok, said Ana; “Ünïcödé” — ok.",
            "“Ünïcödé” — ok, said Ana; “Ünïcödé” — ok, said Ana; “Ünïcödé” — ok\u{2009}x.",
        ];
        let long: Vec<String> = texts
            .iter()
            .flat_map(|t| {
                [
                    t.repeat(3),
                    format!("abcdefg {t}"),
                    format!("abcdefgh  {t}"),
                ]
            })
            .collect();
        for t in texts.iter().copied().chain(long.iter().map(String::as_str)) {
            assert_eq!(
                flat_words(t),
                t.split_whitespace().collect::<Vec<_>>().join(" "),
                "{t:?}"
            );
            for max in 0..80 {
                assert_eq!(excerpt(t, max), old_excerpt(t, max), "{t:?} {max}");
            }
        }
    }

    #[test]
    fn ids_read_as_their_letter_and_number() {
        for n in (0..2000).chain([9_999, 10_000, 123_456_789, usize::MAX]) {
            assert_eq!(Id::claim(n).to_string(), format!("C{n}"));
            assert_eq!(Id::source(n).to_string(), format!("S{n}"));
            assert_eq!(
                serde_json::to_string(&Id::claim(n)).unwrap(),
                format!("\"C{n}\"")
            );
        }
    }

    #[test]
    fn excerpt_cuts_on_a_word_and_char_boundary() {
        let e = excerpt("Ünïcödé words go here and on and on", 12);
        assert!(e.ends_with('…'));
        assert!(e.starts_with("Ünïcödé"));
    }

    #[test]
    fn binary_and_invalid_utf8_are_errors_with_positions() {
        let g = Grammar::builtin();
        let e = check_bytes("x.bin", b"ab\ncd\0ef", InputType::Text, &g).unwrap_err();
        assert!(e.message.starts_with("2:3: binary file"), "{}", e.message);
        let e = check_bytes("x.txt", b"ok\n\xff", InputType::Text, &g).unwrap_err();
        assert!(
            e.message.starts_with("2:1: not valid UTF-8"),
            "{}",
            e.message
        );
        let ok = check_bytes("e.txt", b"", InputType::Text, &g).unwrap();
        assert!(ok.claims.is_empty());
    }
}
