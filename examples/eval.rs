//! The project's evaluation tool, for anyone extending the grammar.
//!
//! ```text
//! cargo run --release --example eval -- ../shared/polnear/dev.jsonl [--misses N] [--limit N]
//! cargo run --release --example eval -- ../shared/dev ../shared/gold
//! ```
//!
//! `--grammar FILE` (repeatable) adds grammar files, to measure an addition
//! before it goes into `grammar/`; `--counts` prints the exact matched, gold
//! and predicted counts, for changes smaller than F1's rounding; `--cue
//! WORDS` lists every missed and every unmatched cue with those words, each
//! with its sentence, to see one cue's cases whole.
//!
//! On a PolNeAR JSON Lines file: precision, recall and F1 for cue, source and
//! content spans, matched one-to-one by overlap exactly as
//! `../shared/eval/polnear_score.py` does, then the misses grouped by the
//! gold cue's words (what to add next) and the false alarms grouped by ours.
//!
//! On directories of `*.gold.json` labelled articles: a confusion table of
//! statuses (gold rows, predicted columns) and the source hit rate.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use serde_json::Value;
use whosaid::eval::{
    score_labelled_dir, score_polnear_article, LabelledScore, Spans, Tally, FIELDS,
};
use whosaid::grammar::Grammar;

/// `println!`, but a closed pipe (`eval … | head`) ends the program quietly
/// instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0)
        }
    };
}

/// `print!` with the same care for a closed pipe.
macro_rules! say_part {
    ($($arg:tt)*) => {
        if write!(std::io::stdout().lock(), $($arg)*).is_err() {
            std::process::exit(0)
        }
    };
}

fn text_of(text: &str, s: &Spans) -> String {
    s.iter()
        .filter_map(|&(a, b)| text.get(a..b))
        .collect::<Vec<_>>()
        .join(" … ")
        .to_lowercase()
}

fn tally_line(name: &str, t: &Tally) -> String {
    format!(
        "{name:8} P {:5.1} R {:5.1} F1 {:5.1}  (gold {}, predicted {})",
        100.0 * t.precision(),
        100.0 * t.recall(),
        t.f1(),
        t.gold,
        t.predicted
    )
}

/// The sentence around byte `s`, for showing a miss.
fn sentence_at(text: &str, s: usize) -> String {
    let lo = text[..s].rfind(['.', '\n']).map_or(0, |p| p + 1);
    let hi = text[s..]
        .find(['.', '\n'])
        .map_or(text.len(), |p| s + p + 1);
    text[lo..hi].trim().chars().take(160).collect()
}

type Groups = HashMap<String, (usize, Vec<String>)>;

fn group(groups: &mut Groups, key: String, example: String, keep_all: bool) {
    let e = groups.entry(key).or_default();
    e.0 += 1;
    if keep_all || e.1.len() < 3 {
        e.1.push(example);
    }
}

/// What `polnear` prints besides the totals.
struct Show {
    misses: usize,
    limit: Option<usize>,
    counts: bool,
    /// Only this cue's misses and false alarms, every one of them.
    cue: Option<String>,
}

fn polnear(path: &Path, show: &Show, g: &Grammar) {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut totals = [Tally::default(); 3];
    let mut missed_cues = Groups::new();
    let mut false_cues = Groups::new();
    let mut source_misses = Groups::new();
    let mut n = 0;
    let all = |key: &str| show.cue.as_deref() == Some(key);
    for line in data.lines().take(show.limit.unwrap_or(usize::MAX)) {
        let doc: Value = serde_json::from_str(line).expect("a JSON line");
        let text = doc["text"].as_str().unwrap_or("");
        let score = score_polnear_article(&doc, g);
        n += 1;
        for (t, f) in totals.iter_mut().zip(&score.fields) {
            t.add(f.tally());
        }
        let [cue, source, _] = &score.fields;
        for (gi, _) in cue.gold_hit.iter().enumerate().filter(|(_, h)| !**h) {
            let s = &cue.gold[gi];
            let key = text_of(text, s);
            let keep = all(&key);
            group(&mut missed_cues, key, sentence_at(text, s[0].0), keep);
        }
        for (pi, _) in cue.predicted_used.iter().enumerate().filter(|(_, u)| !**u) {
            let s = &cue.predicted[pi];
            let key = text_of(text, s);
            let keep = all(&key);
            group(&mut false_cues, key, sentence_at(text, s[0].0), keep);
        }
        for (gi, _) in source.gold_hit.iter().enumerate().filter(|(_, h)| !**h) {
            let src = text_of(text, &source.gold[gi]);
            let shape = if src.split_whitespace().count() == 1 {
                src.clone()
            } else {
                "(phrase)".into()
            };
            group(&mut source_misses, shape, src, false);
        }
    }
    for (name, t) in FIELDS.iter().zip(&totals) {
        say!("{}", tally_line(name, t));
    }
    if show.counts {
        // Exact counts, for comparing grammar changes finer than F1's rounding.
        for (name, t) in FIELDS.iter().zip(&totals) {
            say!("counts {name} {} {} {}", t.matched, t.gold, t.predicted);
        }
    }
    say!(
        "cue F1 {:.1} source F1 {:.1} content F1 {:.1} ({n} articles)",
        totals[0].f1(),
        totals[1].f1(),
        totals[2].f1()
    );
    if let Some(cue) = &show.cue {
        for (title, m) in [("missed", &missed_cues), ("unmatched", &false_cues)] {
            let Some((count, examples)) = m.get(cue) else {
                continue;
            };
            say!("\n{title} {cue:?}: {count}");
            for e in examples {
                say!("  {e}");
            }
        }
    } else if show.misses > 0 {
        let print = |title: &str, m: Groups| {
            let mut v: Vec<_> = m.into_iter().collect();
            v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
            say!("\n{title}");
            for (cue, (count, examples)) in v.into_iter().take(show.misses) {
                say!("{count:5}  {cue:?}");
                for e in examples.iter().take(2) {
                    say!("         {e}");
                }
            }
        };
        print("missed gold cues (by cue words):", missed_cues);
        print("predicted cues not in gold:", false_cues);
        print(
            "missed gold sources (single words, or '(phrase)'):",
            source_misses,
        );
    }
}

fn labelled(dirs: &[String], g: &Grammar) {
    let mut score = LabelledScore::default();
    for dir in dirs {
        if let Err(e) = score_labelled_dir(Path::new(dir), g, &mut score) {
            eprintln!("{e}");
        }
    }
    for m in &score.misses {
        say!("  {m}");
    }
    let statuses = ["attributed", "unattributed", "hearsay", "none", "(missing)"];
    let mut table: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let index = |s: &str| statuses.iter().position(|x| *x == s).unwrap_or(4);
    for (want, got) in &score.confusion {
        *table.entry((index(want), index(got))).or_default() += 1;
    }
    say!(
        "\nstatus confusion ({} sentences; rows gold, columns predicted, first aligned claim):",
        score.sentences
    );
    say_part!("{:>14}", "");
    for s in &statuses {
        say_part!("{s:>14}");
    }
    say!();
    for (gi, g) in statuses.iter().enumerate().take(4) {
        say_part!("{g:>14}");
        for pi in 0..statuses.len() {
            say_part!("{:>14}", table.get(&(gi, pi)).copied().unwrap_or(0));
        }
        say!();
    }
    say!(
        "status {}/{} ({:.1}%) sources {}/{} ({:.1}%) false-flags {} absent-ok {}/{}",
        score.status_ok,
        score.sentences,
        score.status_percent(),
        score.sources_ok,
        score.sources,
        score.sources_percent(),
        score.false_flags,
        score.absent_ok,
        score.absent
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
    };
    let show = Show {
        misses: flag("--misses").unwrap_or(0),
        limit: flag("--limit"),
        counts: args.iter().any(|a| a == "--counts"),
        cue: args
            .iter()
            .position(|a| a == "--cue")
            .and_then(|i| args.get(i + 1))
            .map(|c| c.to_lowercase()),
    };
    let paths: Vec<String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            let is_flag = a.starts_with("--");
            let is_flag_value =
                *i > 0 && args[i - 1].starts_with("--") && args[i - 1] != "--counts";
            !(is_flag || is_flag_value)
        })
        .map(|(_, a)| a.clone())
        .collect();
    if paths.is_empty() {
        eprintln!("usage: eval FILE.jsonl [--misses N] [--limit N] [--counts] [--cue WORDS] | eval DIR...");
        std::process::exit(2);
    }
    // `--grammar FILE` (repeatable): try grammar additions without rebuilding.
    let extra: Vec<&Path> = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i > 0 && args[i - 1] == "--grammar")
        .map(|(_, a)| Path::new(a.as_str()))
        .collect();
    let g = Grammar::with_files(&extra).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    if paths[0].ends_with(".jsonl") {
        polnear(Path::new(&paths[0]), &show, &g);
    } else {
        labelled(&paths, &g);
    }
}
