//! The project's evaluation tool, for anyone extending the grammar.
//!
//! ```text
//! cargo run --release --example eval -- ../shared/polnear/dev.jsonl [--misses N] [--limit N]
//! cargo run --release --example eval -- ../shared/dev ../shared/gold
//! ```
//!
//! On a PolNeAR JSON Lines file: precision, recall and F1 for cue, source and
//! content spans, matched one-to-one by overlap exactly as
//! `../shared/eval/polnear_score.py` does, then the misses grouped by the
//! gold cue's words (what to add next) and the false alarms grouped by ours.
//!
//! On directories of `*.gold.json` labelled articles: a confusion table of
//! statuses (gold rows, predicted columns) and the source hit rate.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::Value;
use whosaid::document::InputType;
use whosaid::grammar::Grammar;
use whosaid::report::{file_report, FileReport};

type Spans = Vec<(usize, usize)>;

fn spans(v: &Value) -> Spans {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| Some((p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize)))
                .collect()
        })
        .unwrap_or_default()
}

fn overlaps(a: &Spans, b: &Spans) -> bool {
    a.iter()
        .any(|&(s1, e1)| b.iter().any(|&(s2, e2)| s1 < e2 && s2 < e1))
}

/// Greedy one-to-one matching by overlap; returns which gold and which
/// predicted items were matched.
fn matching(gold: &[Spans], pred: &[Spans]) -> (Vec<bool>, Vec<bool>) {
    let mut used = vec![false; pred.len()];
    let mut hit = vec![false; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = (0..pred.len()).find(|&pi| !used[pi] && overlaps(g, &pred[pi])) {
            used[pi] = true;
            hit[gi] = true;
        }
    }
    (hit, used)
}

fn text_of(text: &str, s: &Spans) -> String {
    s.iter()
        .filter_map(|&(a, b)| text.get(a..b))
        .collect::<Vec<_>>()
        .join(" … ")
        .to_lowercase()
}

#[derive(Default)]
struct Tally {
    matched: usize,
    gold: usize,
    pred: usize,
}

impl Tally {
    fn line(&self, name: &str) -> String {
        let p = if self.pred > 0 {
            self.matched as f64 / self.pred as f64
        } else {
            0.0
        };
        let r = if self.gold > 0 {
            self.matched as f64 / self.gold as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:8} P {:5.1} R {:5.1} F1 {:5.1}  (gold {}, predicted {})",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            self.gold,
            self.pred
        )
    }
}

fn polnear(path: &Path, misses: usize, limit: Option<usize>, g: &Grammar) {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut missed_cues: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    let mut false_cues: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    let mut source_misses: HashMap<String, (usize, Vec<String>)> = HashMap::new();
    let mut n = 0;
    for line in data.lines().take(limit.unwrap_or(usize::MAX)) {
        let doc: Value = serde_json::from_str(line).expect("a JSON line");
        let text = doc["text"].as_str().unwrap_or("");
        let analysis = whosaid::analyze(text, InputType::Text, g);
        let rep: FileReport = file_report("doc", text, &analysis);
        n += 1;
        let preds: Vec<_> = rep
            .claims
            .iter()
            .flat_map(|c| c.attributions.iter())
            .collect();
        let gold: Vec<&Value> = doc["attributions"]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        for key in ["cue", "source", "content"] {
            let g_spans: Vec<Spans> = gold
                .iter()
                .map(|a| spans(&a[key]))
                .filter(|s| !s.is_empty())
                .collect();
            let p_spans: Vec<Spans> = preds
                .iter()
                .filter_map(|a| {
                    let s = match key {
                        "cue" => Some(&a.cue),
                        "source" => a.source.as_ref(),
                        _ => a.content.as_ref(),
                    }?;
                    Some(vec![(s.start, s.end)])
                })
                .collect();
            let (hit, used) = matching(&g_spans, &p_spans);
            let t = tallies.entry(key).or_default();
            t.matched += hit.iter().filter(|&&h| h).count();
            t.gold += g_spans.len();
            t.pred += p_spans.len();
            if key == "cue" {
                for (gi, h) in hit.iter().enumerate() {
                    if !h {
                        let cue = text_of(text, &g_spans[gi]);
                        let e = missed_cues.entry(cue).or_default();
                        e.0 += 1;
                        if e.1.len() < 3 {
                            let (s, _) = g_spans[gi][0];
                            let lo = text[..s].rfind(['.', '\n']).map_or(0, |p| p + 1);
                            let hi = text[s..]
                                .find(['.', '\n'])
                                .map_or(text.len(), |p| s + p + 1);
                            e.1.push(text[lo..hi].trim().chars().take(160).collect());
                        }
                    }
                }
                for (pi, u) in used.iter().enumerate() {
                    if !u {
                        let cue = text_of(text, &p_spans[pi]);
                        let e = false_cues.entry(cue).or_default();
                        e.0 += 1;
                        if e.1.len() < 3 {
                            let (s, _) = p_spans[pi][0];
                            let lo = text[..s].rfind(['.', '\n']).map_or(0, |p| p + 1);
                            let hi = text[s..]
                                .find(['.', '\n'])
                                .map_or(text.len(), |p| s + p + 1);
                            e.1.push(text[lo..hi].trim().chars().take(160).collect());
                        }
                    }
                }
            }
            if key == "source" {
                for (gi, h) in hit.iter().enumerate() {
                    if !h {
                        let src = text_of(text, &g_spans[gi]);
                        let shape = if src.split_whitespace().count() == 1 {
                            src.clone()
                        } else {
                            "(phrase)".into()
                        };
                        let e = source_misses.entry(shape).or_default();
                        e.0 += 1;
                        if e.1.len() < 3 {
                            e.1.push(src);
                        }
                    }
                }
            }
        }
    }
    for (k, t) in &tallies {
        println!("{}", t.line(k));
    }
    let f1 = |k: &str| {
        let t = &tallies[k];
        let p = t.matched as f64 / t.pred.max(1) as f64;
        let r = t.matched as f64 / t.gold.max(1) as f64;
        if p + r > 0.0 {
            200.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    println!(
        "cue F1 {:.1} source F1 {:.1} content F1 {:.1} ({n} articles)",
        f1("cue"),
        f1("source"),
        f1("content")
    );
    if misses > 0 {
        let show = |title: &str, m: HashMap<String, (usize, Vec<String>)>| {
            let mut v: Vec<_> = m.into_iter().collect();
            v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
            println!("\n{title}");
            for (cue, (count, examples)) in v.into_iter().take(misses) {
                println!("{count:5}  {cue:?}");
                for e in examples.iter().take(2) {
                    println!("         {e}");
                }
            }
        };
        show("missed gold cues (by cue words):", missed_cues);
        show("predicted cues not in gold:", false_cues);
        show(
            "missed gold sources (single words, or '(phrase)'):",
            source_misses,
        );
    }
}

fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect::<String>()
        .replace("**", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn labelled(dirs: &[String], g: &Grammar) {
    let statuses = ["attributed", "unattributed", "hearsay", "none", "(missing)"];
    let mut table: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let (mut src_n, mut src_ok, mut sentences) = (0, 0, 0);
    for dir in dirs {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries
            .into_iter()
            .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        {
            let gold: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let article = p.with_file_name(gold["article"].as_str().unwrap());
            let rep = match whosaid::check(&article, &article.display().to_string(), None, g) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{e}");
                    continue;
                }
            };
            for s in gold["sentences"].as_array().unwrap() {
                let want = s["status"].as_str().unwrap();
                if want == "absent" {
                    continue;
                }
                sentences += 1;
                let find = fold(s["find"].as_str().unwrap());
                let hits: Vec<_> = rep
                    .claims
                    .iter()
                    .filter(|c| fold(&c.text).contains(&find))
                    .collect();
                let got = hits.first().map_or("(missing)", |c| c.status);
                let gi = statuses.iter().position(|x| *x == want).unwrap_or(4);
                let pi = statuses.iter().position(|x| *x == got).unwrap_or(4);
                *table.entry((gi, pi)).or_default() += 1;
                if got != want {
                    println!(
                        "  {}: {:?}: gold {want}, got {got} ({})",
                        gold["article"],
                        s["find"].as_str().unwrap(),
                        hits.first().map_or("", |c| c.reason)
                    );
                }
                if let Some(ws) = s["sources"].as_array() {
                    src_n += 1;
                    let names: Vec<String> = hits
                        .iter()
                        .flat_map(|c| c.sources.iter().map(|x| x.to_lowercase()))
                        .collect();
                    if ws.iter().all(|w| {
                        let w = w.as_str().unwrap().to_lowercase();
                        names
                            .iter()
                            .any(|n| n.contains(&w) || w.contains(n.as_str()))
                    }) {
                        src_ok += 1;
                    }
                }
            }
        }
    }
    println!("\nstatus confusion ({sentences} sentences; rows gold, columns predicted):");
    print!("{:>14}", "");
    for s in &statuses {
        print!("{s:>14}");
    }
    println!();
    for (gi, g) in statuses.iter().enumerate().take(4) {
        print!("{g:>14}");
        for pi in 0..statuses.len() {
            print!("{:>14}", table.get(&(gi, pi)).copied().unwrap_or(0));
        }
        println!();
    }
    let diag: usize = (0..4)
        .map(|i| table.get(&(i, i)).copied().unwrap_or(0))
        .sum();
    println!("exact status {diag}/{sentences}; sources {src_ok}/{src_n}");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
    };
    let misses = flag("--misses").unwrap_or(0);
    let limit = flag("--limit");
    let paths: Vec<String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            let is_flag = a.starts_with("--");
            let is_flag_value = *i > 0 && args[i - 1].starts_with("--");
            !(is_flag || is_flag_value)
        })
        .map(|(_, a)| a.clone())
        .collect();
    if paths.is_empty() {
        eprintln!("usage: eval FILE.jsonl [--misses N] [--limit N] | eval DIR...");
        std::process::exit(2);
    }
    let g = Grammar::builtin();
    if paths[0].ends_with(".jsonl") {
        polnear(Path::new(&paths[0]), misses, limit, &g);
    } else {
        labelled(&paths, &g);
    }
}
