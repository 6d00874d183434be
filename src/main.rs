//! The `whosaid` command line: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 nothing flagged, 1 claims flagged, 2 usage or input error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use whosaid::document::InputType;
use whosaid::grammar::Grammar;
use whosaid::report::{self, CheckedFile};

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

fn check_all(common: &Common) -> Result<Vec<CheckedFile>> {
    let extra: Vec<&std::path::Path> = common.grammars.iter().map(PathBuf::as_path).collect();
    let grammar = Grammar::with_files(&extra)?;
    let kind = common.input_type.map(InputType::from);
    Ok(common
        .files
        .iter()
        .map(|p| report::check(p, &p.display().to_string(), kind, &grammar))
        .collect())
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
            let results = check_all(&common)?;
            let had_errors = report_errors(&results);
            let rep = report::report(&results);
            let mut out = stdout.lock();
            match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &rep)?;
                    writeln!(out)?;
                }
                Format::Human => {
                    for f in &rep.files {
                        write!(out, "{}", report::human(f, all))?;
                    }
                }
            }
            out.flush()?;
            Ok(if had_errors {
                2
            } else if rep.summary.flagged() > 0 {
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
    }
}
