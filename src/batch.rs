//! Many texts at once, on every core, in a deterministic order and in
//! bounded memory.
//!
//! - [`ordered_map`]: a parallel map over a stream that hands results on in
//!   input order while holding only a window of them, so memory is bounded
//!   by the largest few items, not by the run.
//! - [`check_files`]: checks files with it and streams the report (the JSON
//!   report of `REPORT-SCHEMA.md`, byte for byte what [`crate::report::report`]
//!   serialises, or the human lines) as each file is done.
//! - [`batch`]: the archive mode: JSON Lines `{"id", "text"}` in, one JSON
//!   result per line out, for `xargs -P`, GNU parallel, `RDD.pipe` and
//!   Hadoop Streaming.
//!
//! Like the rest of the library this never prints: output goes to the
//! writer it is given, and every file or line done is reported to a callback
//! (the CLI prints errors and moves its progress bar there).

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Condvar, Mutex};

use serde::{Deserialize, Serialize};
use serde_json::ser::Formatter;

use crate::document::InputType;
use crate::grammar::Grammar;
use crate::report::{self, ErrorEntry, FileError, FileReport, Summary};

/// The number of worker threads to use by default: every core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Applies `work` to every item on `jobs` threads and gives the results to
/// `sink` in input order. At most a small window of items (a few per
/// thread) is taken ahead of the oldest result not yet handed on, so memory
/// stays bounded however long the input. Items are drawn from `items` one at
/// a time under a lock (reading a stream stays sequential). The calling
/// thread is one of the `jobs`: it works on items too and hands results on
/// between them, so no thread sits waiting to be woken for every result.
/// With `jobs` ≤ 1 everything runs on the calling thread. The first error
/// from `sink` stops the run and is returned.
pub fn ordered_map<T, R, E>(
    items: impl Iterator<Item = T> + Send,
    jobs: usize,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    if jobs <= 1 {
        for item in items {
            sink(work(item))?;
        }
        return Ok(());
    }
    struct State<I> {
        items: I,
        /// Items taken so far (the index of the next one).
        taken: usize,
        /// Results handed to the sink so far.
        done: usize,
        /// No more items will be taken (input exhausted, sink failed, or a panic).
        stop: bool,
    }
    let window = jobs * 4;
    let state = Mutex::new(State {
        items,
        taken: 0,
        done: 0,
        stop: false,
    });
    let turn = Condvar::new();
    let lock = || state.lock().unwrap_or_else(|p| p.into_inner());
    // The next item, if the window allows one; `wait` blocks until it does.
    let take = |wait: bool| -> Option<(usize, T)> {
        let mut s = lock();
        while wait && !s.stop && s.taken >= s.done + window {
            s = turn.wait(s).unwrap_or_else(|p| p.into_inner());
        }
        if s.stop || s.taken >= s.done + window {
            return None;
        }
        match s.items.next() {
            Some(item) => {
                s.taken += 1;
                Some((s.taken - 1, item))
            }
            None => {
                s.stop = true;
                turn.notify_all();
                None
            }
        }
    };
    // Runs `work`; on a panic, lets every thread stop before unwinding.
    let run = |item: T| match panic::catch_unwind(AssertUnwindSafe(|| work(item))) {
        Ok(r) => r,
        Err(payload) => {
            lock().stop = true;
            turn.notify_all();
            panic::resume_unwind(payload);
        }
    };
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        for _ in 1..jobs {
            let tx = tx.clone();
            let (take, run) = (&take, &run);
            scope.spawn(move || {
                while let Some((index, item)) = take(true) {
                    if tx.send((index, run(item))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut ready: BTreeMap<usize, R> = BTreeMap::new();
        let mut next = 0;
        let mut result = Ok(());
        loop {
            // Hand on whatever is ready, in order.
            while let Ok((index, r)) = rx.try_recv() {
                ready.insert(index, r);
            }
            let before = next;
            while let Some(r) = ready.remove(&next) {
                next += 1;
                if result.is_ok() {
                    result = sink(r);
                }
            }
            if next != before || result.is_err() {
                let mut s = lock();
                s.done = next;
                s.stop |= result.is_err();
                turn.notify_all();
            }
            // Work on the next item ourselves, or wait for the others.
            if let Some((index, item)) = take(false) {
                ready.insert(index, run(item));
                continue;
            }
            let (stopped, taken) = {
                let s = lock();
                (s.stop, s.taken)
            };
            if stopped && next >= taken {
                break;
            }
            match rx.recv() {
                Ok((index, r)) => {
                    ready.insert(index, r);
                }
                // Every worker has finished and every result has arrived
                // (or was lost to a panic, which the scope passes on).
                Err(_) => {
                    while let Some(r) = ready.remove(&next) {
                        next += 1;
                        if result.is_ok() {
                            result = sink(r);
                        }
                    }
                    break;
                }
            }
        }
        result
    })
}

/// serde_json's pretty printer (two-space indent) starting `level` levels
/// deep, so that a part of a larger pretty document can be serialised on
/// its own, on any thread, and written in place.
struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    fn newline<W: ?Sized + Write>(&self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        const SPACES: &[u8] = &[b' '; 64];
        let mut n = 2 * self.level;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(mark)
    }
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Appends `value` pretty-printed as if it sat `level` levels deep.
fn pretty_at<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T, level: usize) {
    // Serialising plain data into memory cannot fail.
    write_pretty_at(out, value, level).expect("report serialises to JSON");
}

/// Writes `value` pretty-printed (serde_json's two-space pretty printer) as
/// if it sat `level` levels deep in a larger document.
pub fn write_pretty_at<W: Write, T: Serialize + ?Sized>(
    out: W,
    value: &T,
    level: usize,
) -> io::Result<()> {
    let fmt = Indented {
        level,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(out, fmt);
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// How [`check_files`] writes each file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The JSON report of the whole run, streamed file by file.
    Json,
    /// One line per flagged claim (every claim with `all`), then a summary line per file.
    Human { all: bool },
}

/// Writes the JSON report of a run piece by piece; the bytes are those of
/// `serde_json::to_writer_pretty(&report::report(&results))`.
pub struct JsonReportWriter<W: Write> {
    out: W,
    files: usize,
    errors: Vec<ErrorEntry>,
}

impl<W: Write> JsonReportWriter<W> {
    pub fn new(mut out: W) -> io::Result<JsonReportWriter<W>> {
        out.write_all(b"{\n  \"version\": 1,\n  \"files\": [")?;
        Ok(JsonReportWriter {
            out,
            files: 0,
            errors: Vec::new(),
        })
    }

    /// A file's entry in the `files` array, as [`file_json`] made it.
    pub fn file(&mut self, entry: &[u8]) -> io::Result<()> {
        self.out.write_all(if self.files == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        self.out.write_all(entry)?;
        self.files += 1;
        Ok(())
    }

    pub fn error(&mut self, e: &FileError) {
        self.errors.push(ErrorEntry {
            path: e.path.clone(),
            message: e.message.clone(),
        });
    }

    /// Closes the report with the summary (and the errors); returns the writer.
    pub fn finish(mut self, summary: &Summary) -> io::Result<W> {
        self.out
            .write_all(if self.files == 0 { b"]" } else { b"\n  ]" })?;
        let mut tail = b",\n  \"summary\": ".to_vec();
        pretty_at(&mut tail, summary, 1);
        if !self.errors.is_empty() {
            tail.extend_from_slice(b",\n  \"errors\": ");
            pretty_at(&mut tail, &self.errors, 1);
        }
        tail.extend_from_slice(b"\n}");
        self.out.write_all(&tail)?;
        Ok(self.out)
    }
}

/// A file's entry in the `files` array of the pretty JSON report.
pub fn file_json(f: &FileReport) -> Vec<u8> {
    // About what it will take: each claim's text appears in it a few times.
    // Eight times the text was short for one article in forty (a copy of
    // the whole buffer each); ten is short for about none of them.
    let text: usize = f.claims.iter().map(|c| c.text.len()).sum();
    let mut w = crate::json::JsonWriter::new(true, 2, 4096 + 10 * text);
    w.file_report(f);
    w.finish().expect("writing to memory cannot fail")
}

/// Adds the counts of `b` to `a`.
pub fn add_summary(a: &mut Summary, b: &Summary) {
    a.files += b.files;
    a.claims += b.claims;
    a.attributed += b.attributed;
    a.unattributed += b.unattributed;
    a.hearsay += b.hearsay;
    a.errors += b.errors;
}

/// What became of one file: its size, and its rendered part of the output
/// with its counts, or why it could not be checked.
#[derive(Debug)]
pub struct FileDone {
    pub path: PathBuf,
    /// Bytes read (0 if unreadable), for progress.
    pub bytes: u64,
    pub outcome: Result<(Summary, Vec<u8>), FileError>,
}

/// Runs `f`, turning a panic into an error for this one input, so that an
/// archive run reports the input and carries on.
fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(FileError {
            path: what.to_string(),
            message: "internal error while checking (please report it); skipped".into(),
        })
    })
}

/// Checks one file and renders its part of the output.
fn check_one(path: &Path, kind: Option<InputType>, grammar: &Grammar, format: Format) -> FileDone {
    let display = path.display().to_string();
    let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    let outcome = guarded(&display, || {
        let f = report::check(path, &display, kind, grammar)?;
        let mut summary = Summary::default();
        summary.add(&f);
        let rendered = match format {
            Format::Json => file_json(&f),
            Format::Human { all } => report::human(&f, all).into_bytes(),
        };
        Ok((summary, rendered))
    });
    FileDone {
        path: path.to_path_buf(),
        bytes,
        outcome,
    }
}

/// Checks `paths` on `jobs` threads and streams the output to `out` in the
/// order given, each file as soon as it and those before it are done.
/// `on_file` sees every file as it is written (errors included; they also go
/// into the JSON report's `errors`). Returns the summary of the run.
pub fn check_files<W: Write>(
    paths: &[PathBuf],
    kind: Option<InputType>,
    grammar: &Grammar,
    jobs: usize,
    format: Format,
    out: W,
    mut on_file: impl FnMut(&FileDone),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    // No threads for fewer files than threads (a pre-commit check of one file).
    let jobs = jobs.min(paths.len());
    let work = |p: &PathBuf| check_one(p, kind, grammar, format);
    match format {
        Format::Json => {
            let mut w = JsonReportWriter::new(out)?;
            ordered_map(paths.iter(), jobs, work, |done: FileDone| {
                on_file(&done);
                match &done.outcome {
                    Ok((s, json)) => {
                        add_summary(&mut summary, s);
                        w.file(json)?;
                        w.out.flush()
                    }
                    Err(e) => {
                        summary.errors += 1;
                        w.error(e);
                        Ok(())
                    }
                }
            })?;
            let mut out = w.finish(&summary)?;
            out.write_all(b"\n")?;
            out.flush()?;
        }
        Format::Human { .. } => {
            let mut out = out;
            ordered_map(paths.iter(), jobs, work, |done: FileDone| {
                on_file(&done);
                match &done.outcome {
                    Ok((s, text)) => {
                        add_summary(&mut summary, s);
                        out.write_all(text)?;
                        out.flush()
                    }
                    Err(_) => {
                        summary.errors += 1;
                        Ok(())
                    }
                }
            })?;
        }
    }
    Ok(summary)
}

/// Checks `paths` on `jobs` threads; the results in the order given.
pub fn check_all(
    paths: &[PathBuf],
    kind: Option<InputType>,
    grammar: &Grammar,
    jobs: usize,
) -> Vec<report::CheckedFile> {
    let mut out = Vec::with_capacity(paths.len());
    let work = |p: &PathBuf| {
        let display = p.display().to_string();
        guarded(&display, || report::check(p, &display, kind, grammar))
    };
    let _ = ordered_map(paths.iter(), jobs.min(paths.len()), work, |r| {
        out.push(r);
        Ok::<(), ()>(())
    });
    out
}

/// One line of the archive input.
#[derive(Deserialize)]
struct BatchInput {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
}

/// The output line for an input line that could not be read.
#[derive(Serialize)]
struct BatchError<'a> {
    line: usize,
    #[serde(skip_serializing_if = "serde_json::Value::is_null")]
    id: &'a serde_json::Value,
    error: &'a str,
}

/// What became of one archive line.
#[derive(Debug)]
pub struct LineDone {
    /// 1-based line number in the input.
    pub line: usize,
    /// Bytes of input consumed (the line and its newline), for progress.
    pub bytes: u64,
    /// The summary of the article, or the error written for the line.
    pub outcome: Result<Summary, String>,
    /// The JSON output line, newline included (empty for a blank input line).
    output: Vec<u8>,
}

/// Analyses one archive line into its output line.
fn batch_line(line: usize, raw: &[u8], kind: InputType, grammar: &Grammar) -> LineDone {
    let bytes = raw.len() as u64;
    let body = raw.strip_suffix(b"\n").unwrap_or(raw);
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    let mut output = Vec::new();
    if body.iter().all(u8::is_ascii_whitespace) {
        return LineDone {
            line,
            bytes,
            outcome: Ok(Summary::default()),
            output,
        };
    }
    let fail = |output: &mut Vec<u8>, id: &serde_json::Value, message: String| {
        let e = BatchError {
            line,
            id,
            error: &message,
        };
        serde_json::to_writer(&mut *output, &e).expect("error line serialises");
        output.push(b'\n');
        Err(message)
    };
    let outcome = match serde_json::from_slice::<BatchInput>(body) {
        Err(e) => fail(
            &mut output,
            &serde_json::Value::Null,
            format!("line {line}: not a JSON object with \"id\" and \"text\": {e}"),
        ),
        Ok(input) => {
            let name = match &input.id {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => format!("line {line}"),
                other => other.to_string(),
            };
            let checked = guarded(&name, || {
                report::check_bytes(&name, input.text.as_bytes(), kind, grammar)
            });
            match checked {
                Ok(f) => {
                    let mut s = Summary::default();
                    s.add(&f);
                    // `{"id", "publisher", "sources", "claims"}`.
                    let id = serde_json::to_vec(&input.id).expect("id serialises");
                    let mut w = crate::json::JsonWriter::new(false, 0, input.text.len() * 4);
                    w.file_report_with("id", &id, &f);
                    output = w.finish().expect("writing to memory cannot fail");
                    output.push(b'\n');
                    Ok(s)
                }
                Err(e) => fail(
                    &mut output,
                    &input.id,
                    format!("line {line}: {}", e.message),
                ),
            }
        }
    };
    LineDone {
        line,
        bytes,
        outcome,
        output,
    }
}

/// The archive mode: reads JSON Lines `{"id": …, "text": …}` (other fields
/// ignored) from `input` and writes one compact JSON object per non-blank
/// line to `out`, in input order, flushed as it goes: `{"id", "publisher",
/// "sources", "claims"}` with the fields of the per-file report, or
/// `{"line", "id", "error"}` for a line that is not such an object. Texts
/// are read as `kind`. `on_line` sees every line as it is written. Returns
/// the summary (`errors` counts the error lines).
pub fn batch<R: BufRead + Send, W: Write>(
    input: R,
    kind: InputType,
    grammar: &Grammar,
    jobs: usize,
    mut out: W,
    mut on_line: impl FnMut(&LineDone),
) -> io::Result<Summary> {
    let mut lines = Lines {
        input,
        line: 0,
        failed: None,
    };
    let mut summary = Summary::default();
    let work = |(line, raw): (usize, Vec<u8>)| batch_line(line, &raw, kind, grammar);
    ordered_map(
        std::iter::from_fn(|| lines.next_line()),
        jobs,
        work,
        |done: LineDone| {
            on_line(&done);
            match &done.outcome {
                Ok(s) => add_summary(&mut summary, s),
                Err(_) => summary.errors += 1,
            }
            out.write_all(&done.output)?;
            out.flush()
        },
    )?;
    match lines.failed.take() {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// Input lines as bytes (UTF-8 is checked by the JSON parser, per line).
struct Lines<R> {
    input: R,
    line: usize,
    failed: Option<io::Error>,
}

impl<R: BufRead> Lines<R> {
    fn next_line(&mut self) -> Option<(usize, Vec<u8>)> {
        let mut buf = Vec::new();
        match self.input.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) => {
                self.line += 1;
                Some((self.line, buf))
            }
            Err(e) => {
                self.failed = Some(e);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_map_keeps_input_order_on_many_threads() {
        for jobs in [1, 2, 3, 8] {
            let mut got = Vec::new();
            ordered_map(
                0..1000u64,
                jobs,
                |i| {
                    // Uneven work so that results finish out of order.
                    let spin = (i * 7919) % 97;
                    (0..spin * 100).fold(i, |a, b| a.wrapping_add(b)) - (0..spin * 100).sum::<u64>()
                },
                |r| {
                    got.push(r);
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(got, (0..1000).collect::<Vec<_>>(), "jobs {jobs}");
        }
    }

    #[test]
    fn ordered_map_stops_at_the_first_sink_error() {
        let mut seen = 0;
        let r = ordered_map(
            0..10_000,
            2,
            |i| i,
            |i| {
                seen += 1;
                if i == 10 {
                    Err(i)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(r, Err(10));
        assert_eq!(seen, 11);
    }

    #[test]
    fn a_panic_in_work_fails_the_run_instead_of_hanging() {
        for jobs in [2, 3] {
            for bad in [0, 1, 5, 999] {
                let r = panic::catch_unwind(AssertUnwindSafe(|| {
                    ordered_map(
                        0..1000,
                        jobs,
                        |i| {
                            assert_ne!(i, bad, "bad item");
                            i
                        },
                        |_| Ok::<(), ()>(()),
                    )
                }));
                assert!(r.is_err(), "jobs {jobs}, bad {bad}");
            }
        }
    }

    #[test]
    fn streamed_json_report_is_byte_identical_to_the_whole_report() {
        let g = Grammar::builtin();
        let texts: [&[u8]; 3] = [
            b"\xe2\x80\x9cWe will win,\xe2\x80\x9d the mayor said. Reports say otherwise.\n\nSource: Daily",
            b"binary\0file",
            b"",
        ];
        let results: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| report::check_bytes(&format!("f{i}.txt"), t, InputType::Text, &g))
            .collect();
        let whole = serde_json::to_vec_pretty(&report::report(&results)).unwrap();
        let mut w = JsonReportWriter::new(Vec::new()).unwrap();
        let mut summary = Summary::default();
        for r in &results {
            match r {
                Ok(f) => {
                    summary.add(f);
                    w.file(&file_json(f)).unwrap();
                }
                Err(e) => {
                    summary.errors += 1;
                    w.error(e);
                }
            }
        }
        let streamed = w.finish(&summary).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(whole).unwrap()
        );
        let empty = serde_json::to_vec_pretty(&report::report(&[])).unwrap();
        let w = JsonReportWriter::new(Vec::new()).unwrap();
        assert_eq!(w.finish(&Summary::default()).unwrap(), empty);
    }

    #[test]
    fn batch_lines_in_order_with_error_objects() {
        let g = Grammar::builtin();
        let input = b"{\"id\": \"a\", \"text\": \"Reports say the mayor quit.\"}\nnot json\n\n{\"id\": 7, \"text\": \"The mayor said she would stay.\", \"extra\": 1}\n";
        let mut out = Vec::new();
        let s = batch(&input[..], InputType::Text, &g, 2, &mut out, |_| {}).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["id"], "a");
        assert_eq!(lines[0]["claims"][0]["status"], "hearsay");
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
        assert_eq!(lines[2]["id"], 7);
        assert_eq!(lines[2]["claims"][0]["status"], "attributed");
        assert_eq!((s.files, s.errors), (2, 1));
    }
}
