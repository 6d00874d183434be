//! whosaid: who said this, and how do we know?
//!
//! The library reads an article and answers, for every claim in it, who said
//! it and through whom. Data flows one way:
//!
//! ```text
//! document (input formats) → segment (paragraphs, quotations, sentences)
//!   → attribution (source, cue, content) → provenance (entities, chains, status)
//!   → report (human, JSON, CSV)
//! ```
//!
//! [`grammar`] holds the language knowledge that every stage reads. The
//! library never prints; the `whosaid` binary is a thin layer over [`check`].
//!
//! ```
//! use whosaid::{grammar::Grammar, analyze, document::InputType};
//! let g = Grammar::builtin();
//! let a = analyze("Reports have emerged that the mayor will resign.", InputType::Text, &g);
//! assert_eq!(a.provenance.claims[0].status.as_str(), "hearsay");
//! ```

// The library never prints: only the binary talks to the terminal.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod attribution;
pub mod baseline;
pub mod batch;
pub mod config;
pub mod document;
pub mod eval;
pub mod grammar;
pub mod json;
pub mod lint;
pub mod output;
pub mod provenance;
pub mod reasons;
pub mod report;
pub mod segment;
pub mod span;
pub mod suppress;
mod swar;

use document::{Document, InputType};
use grammar::Grammar;
use provenance::Provenance;
use segment::Segmentation;

/// Everything whosaid knows about one text.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The prose that was analysed, with its map back into the file.
    pub document: Document,
    pub segmentation: Segmentation,
    pub provenance: Provenance,
}

/// Analyses the text of one file.
pub fn analyze(source: &str, kind: InputType, grammar: &Grammar) -> Analysis {
    let document = Document::new(source, kind);
    let segmentation = segment::segment(&document.text, grammar, &document.headings);
    let provenance = provenance::build(&document.text, &segmentation, grammar);
    Analysis {
        document,
        segmentation,
        provenance,
    }
}

/// The parts of an analysis that reports need, with the starts of the
/// prose's lines ([`Segmentation::line_starts`]): the rest of the
/// segmentation (a few times the size of the text) is dropped as soon as the
/// provenance is built.
pub(crate) fn analyze_for_report(
    source: &str,
    kind: InputType,
    grammar: &Grammar,
) -> (Document, Provenance, Vec<usize>) {
    analyze_document(Document::new(source, kind), grammar)
}

/// [`analyze_for_report`] of a document already made.
pub(crate) fn analyze_document(
    document: Document,
    grammar: &Grammar,
) -> (Document, Provenance, Vec<usize>) {
    let segmentation = segment::segment(&document.text, grammar, &document.headings);
    let provenance = provenance::build(&document.text, &segmentation, grammar);
    (document, provenance, segmentation.line_starts)
}

pub use report::{check, check_bytes, CheckedFile, FileError};
