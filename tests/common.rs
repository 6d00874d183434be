//! Helpers shared by the integration tests: run the real binary, fold text
//! the way the shared scorers do.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_whosaid"))
}

pub fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .current_dir(root())
        .output()
        .expect("run whosaid")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the checkout, where CI puts the labelled material.
pub fn shared() -> PathBuf {
    root().join("..").join("shared")
}

pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

// Text folding and source-name comparison exactly as the shared scorers do.
#[allow(unused_imports)]
pub use whosaid::eval::{fold, same_source};

pub fn exists(p: &Path) -> bool {
    p.exists()
}
