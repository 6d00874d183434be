//! The archive mode, parallel determinism, and linear-time safety on
//! pathological inputs, through the real binary.

mod common;

use std::io::Write;
use std::process::{Output, Stdio};

use common::{bin, root, shared};

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("wait for whosaid");
    writer.join().expect("writer").expect("write stdin");
    out
}

#[test]
fn batch_reads_json_lines_and_writes_one_result_per_line() {
    let input = concat!(
        r#"{"id": "a-1", "text": "Reports have emerged that the mayor will resign.\n\nSource: Daily Planet"}"#,
        "\n",
        "this is not json\n",
        r#"{"id": 2, "body": "no text field"}"#,
        "\n",
        "\n",
        r#"{"id": 3, "text": "“We will win,” said Mayor Ana Lopes.", "extra": [1, 2]}"#,
        "\n",
    );
    for jobs in ["1", "2"] {
        let out = with_stdin(&["batch", "-j", jobs], input.as_bytes());
        assert_eq!(out.status.code(), Some(2), "error lines give exit code 2");
        let text = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
            .collect();
        assert_eq!(lines.len(), 4, "one line per non-blank input line:\n{text}");
        assert_eq!(lines[0]["id"], "a-1");
        assert_eq!(lines[0]["publisher"], "Daily Planet");
        assert_eq!(lines[0]["claims"][0]["status"], "hearsay");
        assert_eq!(lines[0]["claims"][0]["reason"], "report");
        assert!(lines[0]["sources"].is_array());
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].as_str().unwrap().starts_with("line 2:"));
        assert_eq!(lines[2]["line"], 3);
        assert!(lines[2]["error"].as_str().unwrap().contains("text"));
        assert_eq!(lines[3]["id"], 3);
        assert_eq!(lines[3]["claims"][0]["status"], "attributed");
        assert_eq!(lines[3]["claims"][0]["sources"][0], "Ana Lopes");
    }
}

#[test]
fn batch_result_matches_check_for_the_same_text() {
    let path = root().join("samples/north-korea-arms.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = serde_json::json!({"id": "nk", "text": text}).to_string() + "\n";
    let out = with_stdin(&["batch"], line.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let check = common::run(&["check", "--format", "json", "samples/north-korea-arms.txt"]);
    let mut want = common::json(&check)["files"][0].clone();
    // `check` adds what the workflow decides per claim (severity from the
    // configuration, suppression); the archive mode reports the analysis.
    for c in want["claims"].as_array_mut().unwrap() {
        let c = c.as_object_mut().unwrap();
        c.remove("severity");
        c.remove("suppressed");
    }
    for field in ["publisher", "sources", "claims"] {
        assert_eq!(got[field], want[field], "{field}");
    }
}

/// Every file the tests may read: our samples, and the shared articles.
fn many_files() -> Vec<String> {
    let mut files = Vec::new();
    for dir in [
        root().join("samples"),
        shared().join("dev"),
        shared().join("gold"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| !p.to_string_lossy().ends_with(".json"))
            .collect();
        names.sort();
        files.extend(names.into_iter().map(|p| p.display().to_string()));
    }
    files
}

#[test]
fn output_is_the_same_for_any_number_of_jobs() {
    let files = many_files();
    assert!(files.len() >= 4);
    for format in [&["--format", "json"][..], &["--all"][..]] {
        let run = |jobs: &str| {
            let mut args = vec!["check", "-j", jobs];
            args.extend_from_slice(format);
            args.extend(files.iter().map(String::as_str));
            common::run(&args)
        };
        let one = run("1");
        assert!(matches!(one.status.code(), Some(0 | 1)));
        for jobs in ["2", "3", "8"] {
            let many = run(jobs);
            assert_eq!(many.status.code(), one.status.code());
            assert!(
                many.stdout == one.stdout,
                "-j{jobs} output differs from -j1 ({format:?})"
            );
        }
    }
}

/// Inputs that are quadratic for naive quotation pairing, entity lookup,
/// column counting or per-sentence scans must finish (this asserts
/// completion, not timing; bench/compare.sh measures the time).
#[test]
fn pathological_inputs_finish() {
    let dir = std::env::temp_dir().join(format!("whosaid-patho-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut prose = String::new();
    for name in [
        "north-korea-arms.txt",
        "council-vote.txt",
        "broken-quotes.txt",
    ] {
        prose += &std::fs::read_to_string(root().join("samples").join(name)).unwrap();
        prose.push(' ');
    }
    let prose = prose.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    let cases = [
        ("quotes.txt", "“a. ".repeat(200_000)),
        ("opens.txt", "“".repeat(200_000) + " end."),
        ("singles.txt", "‘".repeat(100_000) + " \" x"),
        ("single-line.txt", prose.repeat(5_000_000 / prose.len() + 1)),
        ("no-stops.txt", "word Word said ".repeat(20_000)),
    ];
    for (name, text) in &cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out = common::run(&["check", "--format", "json", path.to_str().unwrap()]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.ends_with(b"}\n"), "{name}: report not finished");
    }
    std::fs::remove_dir_all(&dir).ok();
}
