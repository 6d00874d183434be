//! The command line as a user sees it: each case under `tests/cmd/` runs the
//! real binary in a folder of input files (`NAME.in/`) and compares what it
//! prints and its exit status with what the case file says. Run with
//! `TRYCMD=overwrite` to update the cases after an intended change, and read
//! the diff.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.trycmd")
        .case("tests/cmd/*.toml");
}
