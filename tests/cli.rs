//! Integration tests that run the real `whosaid` binary on files in
//! `samples/` and on inputs made here: exit codes, errors that name the file
//! and position, the JSON report's spans, the CSV table, and that whosaid
//! never writes to what it reads.

mod common;

use common::{bin, json, run};
use std::fs;
use std::path::PathBuf;

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-cli-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn seed_article_human_report() {
    let out = run(&["check", "samples/north-korea-arms.txt"]);
    assert_eq!(out.status.code(), Some(1), "flagged claims exit 1");
    insta::assert_snapshot!("seed_human", stdout(&out));
}

#[test]
fn seed_article_all_lists_attributed_claims_with_chains() {
    let out = run(&["check", "--all", "samples/north-korea-arms.txt"]);
    let s = stdout(&out);
    assert!(s.contains("attributed[named-source]"));
    assert!(
        s.contains("chain: Kyrylo Budanov > Financial Times > Today IT"),
        "{s}"
    );
    insta::assert_snapshot!("seed_human_all", s);
}

#[test]
fn json_report_follows_the_schema_and_spans_point_into_the_file() {
    let path = "samples/north-korea-arms.txt";
    let out = run(&["check", "--format", "json", path]);
    let r = json(&out);
    assert_eq!(r["version"], 1);
    let file = &r["files"][0];
    assert_eq!(file["path"], path);
    assert_eq!(file["publisher"], "Today IT");
    let bytes = fs::read(common::root().join(path)).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let claims = file["claims"].as_array().unwrap();
    assert!(claims.len() >= 18);
    for c in claims {
        let (s, e) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], c["text"].as_str().unwrap(), "claim span");
        let line = text[..s].matches('\n').count() + 1;
        assert_eq!(c["span"]["line"].as_u64().unwrap() as usize, line);
        let col = text[..s].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(c["span"]["column"].as_u64().unwrap() as usize, col);
        assert!(["attributed", "unattributed", "hearsay", "none"]
            .contains(&c["status"].as_str().unwrap()));
        for a in c["attributions"].as_array().unwrap() {
            for k in ["cue", "source", "content"] {
                if a[k].is_null() {
                    continue;
                }
                let (s, e) = (
                    a[k]["start"].as_u64().unwrap() as usize,
                    a[k]["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[s..e], a[k]["text"].as_str().unwrap(), "{k} span");
            }
        }
    }
    let summary = &r["summary"];
    let n = summary["attributed"].as_u64().unwrap()
        + summary["unattributed"].as_u64().unwrap()
        + summary["hearsay"].as_u64().unwrap();
    assert_eq!(summary["claims"].as_u64().unwrap(), n);
    let budanov = file["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Kyrylo Budanov")
        .unwrap();
    assert_eq!(budanov["kind"], "person");
}

#[test]
fn markdown_spans_point_at_the_original_bytes() {
    let path = "samples/trade-talks.md";
    let out = run(&["check", "--format", "json", path]);
    let r = json(&out);
    let text = fs::read_to_string(common::root().join(path)).unwrap();
    let claims = r["files"][0]["claims"].as_array().unwrap();
    assert!(
        !claims
            .iter()
            .any(|c| c["text"].as_str().unwrap().contains("said_the_code")),
        "code block analysed"
    );
    assert!(
        !claims
            .iter()
            .any(|c| c["text"].as_str().unwrap().contains("said the tag")),
        "front matter analysed"
    );
    for c in claims {
        for a in c["attributions"].as_array().unwrap() {
            let cue = &a["cue"];
            let (s, e) = (
                cue["start"].as_u64().unwrap() as usize,
                cue["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[s..e], cue["text"].as_str().unwrap());
        }
    }
    let rao = claims
        .iter()
        .find(|c| c["text"].as_str().unwrap().starts_with("Talks between"))
        .unwrap();
    assert_eq!(
        rao["sources"][0], "Anil Rao",
        "emphasis does not break the name; the title is stripped"
    );
}

#[test]
fn json_report_of_own_samples_snapshot() {
    let out = run(&["check", "--format", "json", "samples/council-vote.txt"]);
    insta::assert_snapshot!("council_json", stdout(&out));
}

#[test]
fn csv_export_has_one_row_per_claim_and_neutralises_formulas() {
    let evil = tmp("evil.txt", b"=HYPERLINK(\"http://x.example\") is what the mayor said he wanted.\n\n+1 more reason, according to the council.\n\n@everyone was invited.\n");
    let out = run(&[
        "export",
        "--csv",
        "samples/north-korea-arms.txt",
        evil.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut rd = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = rd.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        [
            "file",
            "line",
            "column",
            "status",
            "reason",
            "source",
            "source_kind",
            "cue",
            "chain",
            "text"
        ]
    );
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    let seed_rows = rows
        .iter()
        .filter(|r| r[0].ends_with("north-korea-arms.txt"))
        .count();
    assert_eq!(
        seed_rows, 18,
        "one row per claim, headings and credit lines left out"
    );
    let chain = rows
        .iter()
        .find(|r| r[9].starts_with("In an interview"))
        .unwrap();
    assert_eq!(&chain[8], "Kyrylo Budanov > Financial Times > Today IT");
    for r in &rows {
        for cell in r.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "executable cell {cell:?}"
            );
        }
    }
    assert!(rows.iter().any(|r| r[9].starts_with("'=HYPERLINK")));
    assert!(rows.iter().any(|r| r[9].starts_with("'+1 more")));
    assert!(rows.iter().any(|r| r[9].starts_with("'@everyone")));
}

#[test]
fn csv_export_to_a_file() {
    let out_path = std::env::temp_dir().join(format!("whosaid-out-{}.csv", std::process::id()));
    let out = run(&[
        "export",
        "--csv",
        "samples/council-vote.txt",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = fs::read_to_string(&out_path).unwrap();
    assert!(written.starts_with("file,line,column,status"));
    fs::remove_file(out_path).ok();
}

#[test]
fn exit_zero_when_nothing_is_flagged() {
    let clean = tmp("clean.txt", "The minister said the bridge would reopen on Monday.\n\n“We are ready,” Ana Lopes told reporters.\n".as_bytes());
    let out = run(&["check", clean.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("2 claims: 2 attributed, 0 unattributed, 0 hearsay"));
}

#[test]
fn empty_file_is_clean() {
    let empty = tmp("empty.txt", b"");
    let out = run(&["check", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("0 claims"));
}

#[test]
fn unreadable_binary_and_invalid_files_are_errors_and_the_rest_is_checked() {
    let binary = tmp("photo.txt", b"GIF89a\x00\x01\x02");
    let latin1 = tmp("latin1.txt", b"Le ministre a dit:\n caf\xe9.\n");
    let out = run(&[
        "check",
        "missing.txt",
        binary.to_str().unwrap(),
        latin1.to_str().unwrap(),
        "samples/north-korea-arms.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("missing.txt: no such file"), "{err}");
    assert!(err.contains("photo.txt: 1:7: binary file"), "{err}");
    assert!(
        err.contains("latin1.txt: 2:5: not valid UTF-8 (byte 0xe9"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("samples/north-korea-arms.txt: 18 claims"),
        "the good file is still checked"
    );
    let out = run(&[
        "check",
        "--format",
        "json",
        "missing.txt",
        "samples/north-korea-arms.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let r = json(&out);
    assert_eq!(r["summary"]["errors"], 1);
    assert_eq!(r["files"].as_array().unwrap().len(), 1);
}

#[test]
fn unbalanced_quotes_are_recovered_not_fatal() {
    let out = run(&["check", "--format", "json", "samples/broken-quotes.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let r = json(&out);
    let claims = r["files"][0]["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["text"]
        .as_str()
        .unwrap()
        .starts_with("The mayor's office said")
        && c["status"] == "attributed"));
}

#[test]
fn whosaid_never_writes_to_the_files_it_checks() {
    let p = tmp("untouched.txt", b"Insiders claim the plan failed.\n");
    let before = fs::metadata(&p).unwrap().modified().unwrap();
    let out = run(&["check", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let _ = run(&["export", "--csv", p.to_str().unwrap()]);
    assert_eq!(fs::read(&p).unwrap(), b"Insiders claim the plan failed.\n");
    assert_eq!(fs::metadata(&p).unwrap().modified().unwrap(), before);
}

#[test]
fn broken_grammar_file_names_file_line_and_column() {
    let g = tmp(
        "house.wsg",
        b"# house style\nverb neutral: quipped\nverb loud: bellowed\n",
    );
    let out = run(&[
        "check",
        "--grammar",
        g.to_str().unwrap(),
        "samples/north-korea-arms.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("house.wsg:3:6: unknown tag 'loud' for 'verb'"),
        "{err}"
    );
}

#[test]
fn user_grammar_file_extends_the_cues() {
    let art = tmp(
        "quip.txt",
        b"The mayor harrumphed that the roads were fine.\n",
    );
    let out = run(&["check", art.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "without the grammar file the claim has no source"
    );
    let g = tmp("quips.wsg", b"verb neutral: harrumphed | harrumphs\nexample \"The mayor harrumphed that it rained.\" => attributed\n");
    let out = run(&[
        "check",
        "--grammar",
        g.to_str().unwrap(),
        art.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn large_input_completes() {
    let para = "Officials said the talks would resume. “We are close,” the envoy told reporters. Reports have emerged that the deal is done.\n\n";
    let big = para.repeat(4_000);
    let p = tmp("big.txt", big.as_bytes());
    let out = bin()
        .args(["check", "--format", "json", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let r = json(&out);
    assert_eq!(r["summary"]["claims"].as_u64().unwrap(), 12_000);
}

#[test]
fn usage_errors_exit_two() {
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn dash_credits_participles_questions_and_acts_through_the_binary() {
    let out = run(&["check", "--format", "json", "samples/voter-voices.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    let claims = report["files"][0]["claims"].as_array().expect("claims");
    let claim = |starts: &str| {
        claims
            .iter()
            .find(|c| c["text"].as_str().unwrap_or("").starts_with(starts))
            .unwrap_or_else(|| panic!("no claim starting {starts:?}"))
    };
    let sources = |c: &serde_json::Value| -> Vec<String> {
        c["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    // "“…” ― Name": each quotation credited to its own speaker.
    let okafor = claim("“She listened");
    assert_eq!(okafor["status"], "attributed");
    assert_eq!(sources(okafor), ["Denise Okafor"]);
    assert_eq!(sources(claim("“I still")), ["Paul Brandt"]);
    // A participle takes the subject of its clause.
    let ortiz = claim("Candidate Lena Ortiz");
    assert_eq!(ortiz["status"], "attributed");
    assert_eq!(ortiz["cue"], "promising");
    // A question put to someone is no answer from them.
    assert_eq!(claim("Her rival")["status"], "unattributed");
    // A credit paragraph names the speaker of the quotation before it and
    // is itself no claim.
    assert_eq!(sources(claim("\"We will not")), ["Tomas Varga"]);
    assert_eq!(claim("- Tomas Varga")["status"], "none");
    // Votes and positions are listed, but the article vouches for them.
    let vote = claim("The county board voted");
    assert_eq!(vote["status"], "unattributed");
    assert!(vote["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["stance"] == "act"));
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    use std::io::Read;
    // Far more report than a pipe holds, so that whosaid is still writing
    // when the reader closes its end.
    let para = "Reports say the mayor will resign. Critics argue the budget is too small.\n\n";
    let art = tmp("long.txt", para.repeat(20_000).as_bytes());
    let mut child = bin()
        .args(["check", "--format", "json", art.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run whosaid");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}
