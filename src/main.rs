//! The `whosaid` command line: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 nothing at or above `fail-on`, 1 findings at or above
//! `fail-on`, 2 usage, configuration or input error.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use indicatif::{ProgressBar, ProgressStyle};
use whosaid::batch;
use whosaid::config::Config;
use whosaid::document::InputType;
use whosaid::grammar::Grammar;
use whosaid::lint::{self, Checked, Engine, Options};
use whosaid::output::{self, Format, Style};
use whosaid::report::{self, FileError};

/// mimalloc: the analysis allocates many small strings per sentence, and
/// mimalloc's thread-local free lists serve them faster than the system
/// allocator, on every thread.
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// [`mimalloc::MiMalloc`], but a block that needs no more than word
/// alignment (nearly all: strings, and lists of integers, spans and
/// structs of them) is asked of `mi_malloc`, not `mi_malloc_aligned`.
/// The crate asks every block of the aligned entry, whose fast path takes
/// only blocks of up to 1 KiB: a larger one (a sentence's attributions,
/// a text's tokens) went through mimalloc's generic aligned path, and
/// mostly its over-allocating fallback, at several times the cost.
struct Mimalloc;

/// Every mimalloc block is aligned to a word at least: its size classes
/// are whole words.
const MI_WORD: usize = std::mem::size_of::<usize>();

mod mi {
    use std::ffi::c_void;
    extern "C" {
        // mimalloc's stable C API, linked in by the `mimalloc` crate.
        pub fn mi_malloc(size: usize) -> *mut c_void;
        pub fn mi_zalloc(size: usize) -> *mut c_void;
        pub fn mi_realloc(p: *mut c_void, newsize: usize) -> *mut c_void;
    }
}

// SAFETY: every block comes from mimalloc and goes back to it (`mi_free`,
// through `MiMalloc::dealloc`, frees blocks of either entry). A block of
// the plain entries is word-aligned, so it is used only for layouts that
// ask no more (`MI_WORD`); the others go to `MiMalloc` as before. Null on
// failure is passed on, as `GlobalAlloc` expects.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_WORD {
            mi::mi_malloc(layout.size()).cast()
        } else {
            mimalloc::MiMalloc.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_WORD {
            mi::mi_zalloc(layout.size()).cast()
        } else {
            mimalloc::MiMalloc.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        mimalloc::MiMalloc.dealloc(ptr, layout)
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MI_WORD {
            mi::mi_realloc(ptr.cast(), new_size).cast()
        } else {
            mimalloc::MiMalloc.realloc(ptr, layout, new_size)
        }
    }
}

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said this, and how do we know? Checks the attribution of every claim in an article."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    /// The source line with the claim underlined and its source chain (default on a terminal).
    Pretty,
    /// One line per flagged claim, then a summary per file (default otherwise).
    Human,
    /// `path:line:col: severity: status[reason]: message`.
    Line,
    /// The JSON report (see REPORT-SCHEMA.md).
    Json,
    /// One JSON object per finding, streamed.
    Jsonl,
    /// One CSV row per finding.
    Csv,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Pretty => Format::Pretty,
            FormatArg::Human => Format::Human,
            FormatArg::Line => Format::Line,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum TypeArg {
    Text,
    Markdown,
    Html,
}

impl From<TypeArg> for InputType {
    fn from(t: TypeArg) -> InputType {
        match t {
            TypeArg::Text => InputType::Text,
            TypeArg::Markdown => InputType::Markdown,
            TypeArg::Html => InputType::Html,
        }
    }
}

#[derive(clap::Args)]
struct Common {
    /// Files and directories to check; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Extra grammar file (repeatable); adds to the built-in grammar.
    #[arg(long = "grammar", value_name = "FILE")]
    grammars: Vec<PathBuf>,
    /// Input type, instead of guessing from the extension.
    #[arg(long = "type", value_enum)]
    input_type: Option<TypeArg>,
    /// Configuration file, instead of finding whosaid.toml above each file.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Name for standard input in reports; also chooses its type and configuration.
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<PathBuf>,
    /// When walking directories, check files matching this glob (repeatable)
    /// instead of the known extensions.
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Leave out files matching this glob (repeatable; gitignore syntax).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Apply excludes also to files named on the command line (for pre-commit).
    #[arg(long)]
    force_exclude: bool,
    /// Files checked at once (default: one per core); output order stays the input order.
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,
}

impl Common {
    fn options(&self) -> Options {
        Options {
            paths: self.files.clone(),
            stdin_filename: self.stdin_filename.clone(),
            include: self.include.clone(),
            exclude: self.exclude.clone(),
            force_exclude: self.force_exclude,
            config: self.config.clone(),
            grammars: self.grammars.clone(),
            input_type: self.input_type.map(InputType::from),
            ..Options::default()
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check articles and report unattributed and hearsay claims.
    Check {
        #[command(flatten)]
        common: Common,
        /// Output format [default: pretty on a terminal, human otherwise].
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Also list attributed claims with their source and chain.
        #[arg(long)]
        all: bool,
        /// Leave out summaries and directive warnings.
        #[arg(short, long)]
        quiet: bool,
        /// No colour (also when NO_COLOR is set).
        #[arg(long)]
        no_color: bool,
        /// Baseline file [default: .whosaid-baseline.json if present].
        #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
        baseline: Option<PathBuf>,
        /// Ignore any baseline.
        #[arg(long)]
        no_baseline: bool,
    },
    /// Export the attribution table of articles.
    Export {
        #[command(flatten)]
        common: Common,
        /// Write CSV (the only table format for now).
        #[arg(long, required = true)]
        csv: bool,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Record the current findings so that only new ones fail.
    Baseline {
        #[command(flatten)]
        common: Common,
        /// Where to write the baseline.
        #[arg(short, long, value_name = "OUT", default_value = whosaid::baseline::DEFAULT_FILE)]
        output: PathBuf,
    },
    /// Explain a reason code (or a status) and how to fix the sentence.
    Explain {
        /// A reason such as `relayed`, or a status such as `hearsay`.
        reason: String,
    },
    /// Show the configuration that applies.
    Config {
        /// Print the effective configuration as TOML.
        #[arg(long, required = true)]
        dump: bool,
        /// Configuration file, instead of the one found for PATH.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// The file or directory whose configuration to show [default: .].
        path: Option<PathBuf>,
    },
    /// Archive mode: JSON Lines {"id", "text"} on stdin, one JSON result per line on stdout.
    Batch {
        /// Extra grammar file (repeatable); adds to the built-in grammar.
        #[arg(long = "grammar", value_name = "FILE")]
        grammars: Vec<PathBuf>,
        /// Input type of the texts.
        #[arg(long = "type", value_enum, default_value = "text")]
        input_type: TypeArg,
        /// Articles analysed at once (default: one per core); output order stays the input order.
        #[arg(short = 'j', long = "jobs", value_name = "N")]
        jobs: Option<usize>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => ExitCode::from(code),
        // The reader went away (`whosaid check … | head`): nothing is
        // wrong, there is only no one left to tell.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("whosaid: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A writer in front of the colour stream that skips it while it would
/// change nothing: each write whose bytes that stream would pass unchanged
/// (no control character but the newline, no DEL, and the last character
/// whole, so that the stream would be back at its start state) goes
/// straight to standard output; from the first write that it might change
/// on, everything goes through the colour stream, so the bytes are always
/// those the colour stream alone would have written. All output is UTF-8
/// (it is made of Rust strings), so the writes before are whole characters.
/// The colour stream looks at every byte on its own; this finds the
/// common case (no escape sequence anywhere) at a fraction of the cost.
struct Plain<'a, W: Write> {
    raw: std::io::StdoutLock<'static>,
    styled: &'a mut W,
    dirty: bool,
    /// The output is JSON, which holds no control character but the
    /// newline (those in strings are escaped): only DEL needs looking for.
    json: bool,
}

impl<W: Write> Plain<'_, W> {
    /// Whether the colour stream might write `buf` otherwise than it is.
    fn changes(&self, buf: &[u8]) -> bool {
        let controls = if self.json {
            debug_assert!(!buf.iter().any(|&b| b < 0x20 && b != b'\n'));
            memchr::memchr(0x7f, buf).is_some()
        } else {
            buf.iter().fold(false, |any, &b| {
                any | ((b < 0x20 && b != b'\n') | (b == 0x7f))
            })
        };
        controls || !ends_whole(buf)
    }
}

/// Whether `buf` does not end inside a UTF-8 character.
fn ends_whole(buf: &[u8]) -> bool {
    // The start of the last character, at most four bytes from the end.
    let tail = &buf[buf.len().saturating_sub(4)..];
    match tail.iter().rposition(|&b| b & 0xC0 != 0x80) {
        Some(at) => {
            let lead = tail[at];
            let len = match lead {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            tail.len() - at == len
        }
        None => tail.is_empty(),
    }
}

impl<W: Write> Write for Plain<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if !self.dirty {
            if !self.changes(buf) {
                return self.raw.write_all(buf);
            }
            self.dirty = true;
            self.raw.flush()?;
        }
        self.styled.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.raw.flush()?;
        self.styled.flush()
    }
}

fn jobs(n: Option<usize>) -> usize {
    n.filter(|&n| n > 0).unwrap_or_else(batch::default_jobs)
}

/// Checks every input on `jobs` threads, makes each result into what `each`
/// needs with `then` (on the thread that checked it), and hands that to
/// `each` in input order, as soon as it and those before it are done.
/// Errors for one file do not stop the others; an error of `each` stops the
/// run.
fn check_each<R: Send, E>(
    engine: &mut Engine,
    jobs: usize,
    then: impl Fn(Result<Checked, FileError>) -> R + Sync,
    each: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    // Settings, types and baselines need the engine: resolved in order first.
    let prepared: Vec<_> = engine
        .inputs()
        .into_iter()
        .map(|input| input.and_then(|i| engine.prepare(&i)))
        .collect();
    batch::ordered_map(
        prepared.into_iter(),
        jobs,
        |p| then(p.and_then(lint::Prepared::run)),
        each,
    )
}

/// Every result of [`check_each`], for commands that need them all.
fn check_all(engine: &mut Engine, jobs: usize) -> Vec<Result<Checked, FileError>> {
    let mut results = Vec::new();
    let done: Result<(), std::convert::Infallible> = check_each(
        engine,
        jobs,
        |r| r,
        |r| {
            results.push(r);
            Ok(())
        },
    );
    let Ok(()) = done;
    results
}

/// A progress bar on stderr, when stderr is a terminal and the total is known.
fn progress_bar(total: Option<u64>) -> Option<ProgressBar> {
    let total = total.filter(|&t| t > 0)?;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
        )
        .expect("valid progress template"),
    );
    Some(bar)
}

/// The size of standard input when it is a regular file (`< archive.jsonl`).
fn stdin_size() -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
        let meta = std::fs::File::from(fd).metadata().ok()?;
        meta.is_file().then_some(meta.len())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Prints file errors and directive warnings to stderr; whether any file failed.
fn report_errors(results: &[Result<Checked, FileError>], quiet: bool) -> bool {
    let mut any = false;
    for r in results {
        for line in messages(r, quiet) {
            eprintln!("{line}");
        }
        any |= r.is_err();
    }
    any
}

/// What [`report_errors`] prints for one result.
fn messages(r: &Result<Checked, FileError>, quiet: bool) -> Vec<String> {
    match r {
        Err(e) => vec![format!("whosaid: {e}")],
        Ok(c) if !quiet => c
            .notes
            .iter()
            .map(|n| format!("whosaid: warning: {}:{n}", c.report.path))
            .collect(),
        Ok(_) => Vec::new(),
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check {
            common,
            format,
            all,
            quiet,
            no_color,
            baseline,
            no_baseline,
        } => {
            let mut engine = Engine::new(Options {
                baseline,
                no_baseline,
                ..common.options()
            })?;
            let stdout = std::io::stdout();
            let format = format.map(Format::from).unwrap_or(if stdout.is_terminal() {
                Format::Pretty
            } else {
                Format::Human
            });
            let choice = if no_color {
                anstream::ColorChoice::Never
            } else {
                anstream::ColorChoice::Auto
            };
            let mut out = anstream::AutoStream::new(stdout.lock(), choice);
            let style = Style {
                all,
                quiet,
                color: true,
            };
            // What the colour stream does to output without escapes is
            // nothing, and its byte-by-byte scan is slow.
            let mut plain = Plain {
                raw: std::io::stdout().lock(),
                styled: &mut out,
                dirty: false,
                json: format == Format::Json,
            };
            let w: &mut dyn Write = &mut plain;
            // Each file's report is written as soon as it and the files
            // before it are done, while the next ones are being analysed.
            // Each file's part is rendered by the thread that checked it.
            let (render, mut reporter) = output::reporter(format, style);
            let (mut had_errors, mut fails) = (false, false);
            let then = |item: Result<Checked, FileError>| {
                let failed = (item.is_err(), item.as_ref().is_ok_and(Checked::fails));
                (messages(&item, quiet), failed, render.piece(item))
            };
            check_each(
                &mut engine,
                jobs(common.jobs),
                then,
                |(lines, (error, failing), piece)| {
                    for line in lines {
                        eprintln!("{line}");
                    }
                    had_errors |= error;
                    fails |= failing;
                    reporter.file(w, piece)
                },
            )?;
            reporter.finish(w)?;
            w.flush()?;
            Ok(if had_errors { 2 } else { u8::from(fails) })
        }
        Command::Export {
            common,
            csv: _,
            output,
        } => {
            let mut engine = Engine::new(common.options())?;
            let results = check_all(&mut engine, jobs(common.jobs));
            let had_errors = report_errors(&results, false);
            let files: Vec<_> = results.into_iter().flatten().map(|c| c.report).collect();
            match output {
                Some(path) => {
                    let f = std::fs::File::create(&path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    report::write_csv(std::io::BufWriter::new(f), &files)?;
                }
                None => report::write_csv(std::io::stdout().lock(), &files)?,
            }
            Ok(if had_errors { 2 } else { 0 })
        }
        Command::Baseline { common, output } => {
            let mut engine = Engine::new(Options {
                no_baseline: true,
                ..common.options()
            })?;
            let results = check_all(&mut engine, jobs(common.jobs));
            let had_errors = report_errors(&results, false);
            let baseline = lint::baseline_of(results.iter().flatten());
            std::fs::write(&output, baseline.to_json())
                .with_context(|| format!("cannot write {}", output.display()))?;
            eprintln!(
                "whosaid: wrote {} finding{} to {}",
                baseline.findings.len(),
                if baseline.findings.len() == 1 {
                    ""
                } else {
                    "s"
                },
                output.display()
            );
            Ok(if had_errors { 2 } else { 0 })
        }
        Command::Explain { reason } => match whosaid::reasons::explain(&reason) {
            Some(text) => {
                print!("{text}");
                Ok(0)
            }
            None => anyhow::bail!(
                "unknown reason '{reason}' (known: {})",
                whosaid::reasons::known_words().join(", ")
            ),
        },
        Command::Config {
            dump: _,
            config,
            path,
        } => {
            let config = match config {
                Some(p) => Config::load(&p)?,
                None => {
                    let path = path.unwrap_or_else(|| PathBuf::from("."));
                    let dir = if path.is_dir() {
                        path
                    } else {
                        path.parent().map(PathBuf::from).unwrap_or_default()
                    };
                    Config::discover(&dir)?
                }
            };
            print!("{}", config.dump());
            Ok(0)
        }
        Command::Batch {
            grammars,
            input_type,
            jobs: j,
        } => {
            let extra: Vec<&std::path::Path> = grammars.iter().map(PathBuf::as_path).collect();
            let grammar = Grammar::with_files(&extra)?;
            let bar = progress_bar(stdin_size());
            let input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
            let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            let summary = batch::batch(input, input_type.into(), &grammar, jobs(j), out, |done| {
                if let Some(b) = &bar {
                    b.inc(done.bytes);
                }
            })?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            Ok(if summary.errors > 0 { 2 } else { 0 })
        }
    }
}
