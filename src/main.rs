//! The `whosaid` command line: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 nothing flagged, 1 claims flagged, 2 usage or input error.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use indicatif::{ProgressBar, ProgressStyle};
use whosaid::batch;
use whosaid::document::InputType;
use whosaid::grammar::Grammar;
use whosaid::report::{self, CheckedFile};

/// mimalloc: the analysis allocates many small strings per sentence, and
/// mimalloc's thread-local free lists serve them faster than the system
/// allocator, on every thread.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
enum Format {
    /// One line per flagged claim, then a summary.
    Human,
    /// The JSON report (see REPORT-SCHEMA.md).
    Json,
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
    /// Files to check.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Extra grammar file (repeatable); adds to the built-in grammar.
    #[arg(long = "grammar", value_name = "FILE")]
    grammars: Vec<PathBuf>,
    /// Input type, instead of guessing from the extension.
    #[arg(long = "type", value_enum)]
    input_type: Option<TypeArg>,
    /// Files checked at once (default: one per core); output order stays the input order.
    #[arg(short = 'j', long = "jobs", value_name = "N")]
    jobs: Option<usize>,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles and report unattributed and hearsay claims.
    Check {
        #[command(flatten)]
        common: Common,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Also list attributed claims with their source and chain.
        #[arg(long)]
        all: bool,
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
        Err(e) => {
            eprintln!("whosaid: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn grammar(files: &[PathBuf]) -> Result<Grammar> {
    let extra: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
    Ok(Grammar::with_files(&extra)?)
}

fn jobs(n: Option<usize>) -> usize {
    n.filter(|&n| n > 0).unwrap_or_else(batch::default_jobs)
}

fn check_all(common: &Common) -> Result<Vec<CheckedFile>> {
    let grammar = grammar(&common.grammars)?;
    let kind = common.input_type.map(InputType::from);
    Ok(batch::check_all(
        &common.files,
        kind,
        &grammar,
        jobs(common.jobs),
    ))
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

fn report_errors(results: &[CheckedFile]) -> bool {
    let mut any = false;
    for r in results {
        if let Err(e) = r {
            eprintln!("whosaid: {e}");
            any = true;
        }
    }
    any
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = std::io::stdout();
    match cli.command {
        Command::Check {
            common,
            format,
            all,
        } => {
            let grammar = grammar(&common.grammars)?;
            let kind = common.input_type.map(InputType::from);
            let format = match format {
                Format::Json => batch::Format::Json,
                Format::Human => batch::Format::Human { all },
            };
            let total = (common.files.len() > 1).then(|| {
                let size = |p: &PathBuf| std::fs::metadata(p).map_or(0, |m| m.len());
                common.files.iter().map(size).sum()
            });
            let bar = progress_bar(total);
            let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            let summary = batch::check_files(
                &common.files,
                kind,
                &grammar,
                jobs(common.jobs),
                format,
                out,
                |done| {
                    if let Err(e) = &done.outcome {
                        match &bar {
                            Some(b) => b.suspend(|| eprintln!("whosaid: {e}")),
                            None => eprintln!("whosaid: {e}"),
                        }
                    }
                    if let Some(b) = &bar {
                        b.inc(done.bytes);
                    }
                },
            )?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            Ok(if summary.errors > 0 {
                2
            } else if summary.flagged() > 0 {
                1
            } else {
                0
            })
        }
        Command::Export {
            common,
            csv: _,
            output,
        } => {
            let results = check_all(&common)?;
            let had_errors = report_errors(&results);
            let files: Vec<_> = results.into_iter().filter_map(Result::ok).collect();
            match output {
                Some(path) => {
                    let f = std::fs::File::create(&path)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    report::write_csv(std::io::BufWriter::new(f), &files)?;
                }
                None => report::write_csv(stdout.lock(), &files)?,
            }
            Ok(if had_errors { 2 } else { 0 })
        }
        Command::Batch {
            grammars,
            input_type,
            jobs: j,
        } => {
            let grammar = grammar(&grammars)?;
            let bar = progress_bar(stdin_size());
            let input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
            let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
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
