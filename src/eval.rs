//! Measuring whosaid against annotated text: the scoring behind the `eval`
//! example and the accuracy floors in `tests/accuracy.rs`.
//!
//! Two kinds of data, scored the way `../shared/eval/*.py` score them:
//!
//! - PolNeAR-style JSON Lines (`{"text", "attributions": [{"source", "cue",
//!   "content"}]}`, byte spans): cue, source and content spans matched one to
//!   one, greedily, by any overlap ([`score_polnear_article`]).
//! - labelled articles (`*.gold.json` beside the article): each gold sentence
//!   aligned with the claims whose text overlaps it; its status and sources
//!   compared ([`score_labelled_dir`]).
//!
//! Nothing here prints; callers decide what to show.

use std::path::Path;

use serde_json::Value;

use crate::document::InputType;
use crate::grammar::Grammar;
use crate::report::{file_report, ClaimEntry, TextSpan};

/// One annotated span, possibly in several pieces: `[(start, end)]`, bytes.
pub type Spans = Vec<(usize, usize)>;

/// The three fields of an attribution, in the order the scorers print them.
pub const FIELDS: [&str; 3] = ["cue", "source", "content"];

/// Matched, gold and predicted counts for one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub matched: usize,
    pub gold: usize,
    pub predicted: usize,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.matched += other.matched;
        self.gold += other.gold;
        self.predicted += other.predicted;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// F1 in percent, as the scorers print it.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            200.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// One field of one article: the gold and predicted spans and which of them
/// the matching paired.
#[derive(Debug, Clone, Default)]
pub struct FieldMatch {
    pub gold: Vec<Spans>,
    pub predicted: Vec<Spans>,
    pub gold_hit: Vec<bool>,
    pub predicted_used: Vec<bool>,
}

impl FieldMatch {
    pub fn tally(&self) -> Tally {
        Tally {
            matched: self.gold_hit.iter().filter(|&&h| h).count(),
            gold: self.gold.len(),
            predicted: self.predicted.len(),
        }
    }
}

/// An article scored against its PolNeAR annotation: one [`FieldMatch`] per
/// entry of [`FIELDS`].
#[derive(Debug, Clone)]
pub struct ArticleScore {
    pub fields: [FieldMatch; 3],
}

/// `[[start, end], …]` as PolNeAR writes a span.
pub fn spans(v: &Value) -> Spans {
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

/// Greedy one-to-one matching by overlap, gold in order, each gold item
/// taking the first unused predicted item it overlaps (as the Python scorer).
pub fn match_spans(gold: Vec<Spans>, predicted: Vec<Spans>) -> FieldMatch {
    let mut predicted_used = vec![false; predicted.len()];
    let mut gold_hit = vec![false; gold.len()];
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) =
            (0..predicted.len()).find(|&pi| !predicted_used[pi] && overlaps(g, &predicted[pi]))
        {
            predicted_used[pi] = true;
            gold_hit[gi] = true;
        }
    }
    FieldMatch {
        gold,
        predicted,
        gold_hit,
        predicted_used,
    }
}

/// Scores one PolNeAR article (a parsed JSON line) with the whole pipeline.
pub fn score_polnear_article(doc: &Value, grammar: &Grammar) -> ArticleScore {
    let text = doc["text"].as_str().unwrap_or("");
    let analysis = crate::analyze(text, InputType::Text, grammar);
    let report = file_report("doc", text, &analysis);
    let predictions: Vec<_> = report
        .claims
        .iter()
        .flat_map(|c| c.attributions.iter())
        .collect();
    let gold: &[Value] = doc["attributions"].as_array().map_or(&[], |a| a.as_slice());
    let field = |key: &str| {
        let g: Vec<Spans> = gold
            .iter()
            .map(|a| spans(&a[key]))
            .filter(|s| !s.is_empty())
            .collect();
        let p: Vec<Spans> = predictions
            .iter()
            .filter_map(|a| {
                let s: &TextSpan = match key {
                    "cue" => Some(&a.cue),
                    "source" => a.source.as_ref(),
                    _ => a.content.as_ref(),
                }?;
                Some(vec![(s.start, s.end)])
            })
            .collect();
        match_spans(g, p)
    };
    ArticleScore {
        fields: FIELDS.map(field),
    }
}

/// Totals over a PolNeAR JSON Lines text: one [`Tally`] per entry of
/// [`FIELDS`], and the number of articles.
pub fn score_polnear(jsonl: &str, grammar: &Grammar) -> anyhow::Result<([Tally; 3], usize)> {
    let mut totals = [Tally::default(); 3];
    let mut n = 0;
    for (i, line) in jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let doc: Value = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("line {}: not a JSON object: {e}", i + 1))?;
        let score = score_polnear_article(&doc, grammar);
        for (t, f) in totals.iter_mut().zip(&score.fields) {
            t.add(f.tally());
        }
        n += 1;
    }
    Ok((totals, n))
}

/// Labelled articles scored as `../shared/eval/score.py` scores them.
#[derive(Debug, Clone, Default)]
pub struct LabelledScore {
    /// Gold sentences that are claims or non-claims (not `absent`).
    pub sentences: usize,
    pub status_ok: usize,
    /// Gold sentences that name sources, and those whose sources were all found.
    pub sources: usize,
    pub sources_ok: usize,
    /// Sentences flagged with a status the gold does not accept.
    pub false_flags: usize,
    /// `absent` entries (code, front matter) and those that no claim covers.
    pub absent: usize,
    pub absent_ok: usize,
    /// `(gold, predicted)` statuses of every scored sentence.
    pub confusion: Vec<(String, String)>,
    /// One line per miss, for people.
    pub misses: Vec<String>,
}

impl LabelledScore {
    pub fn status_percent(&self) -> f64 {
        100.0 * ratio(self.status_ok, self.sentences)
    }

    pub fn sources_percent(&self) -> f64 {
        100.0 * ratio(self.sources_ok, self.sources)
    }
}

/// Folds typographic quotes and dashes, emphasis markers and runs of
/// whitespace, as the scorer does before comparing texts.
pub fn fold(s: &str) -> String {
    let s: String = s
        .chars()
        .filter(|&c| c != '*')
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The longest run of characters that `a` and `b` share.
fn longest_common_run(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, &y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// The claim's text holds the gold piece, lies inside it, or shares a long
/// run with it (a clause of a longer sentence).
fn aligned(find: &str, text: &str) -> bool {
    if text.contains(find) || (text.chars().count() > 12 && find.contains(text)) {
        return true;
    }
    let (f, t): (Vec<char>, Vec<char>) = (find.chars().collect(), text.chars().collect());
    longest_common_run(&f, &t) >= f.len().min(25)
}

fn name_tokens(name: &str) -> Vec<String> {
    fold(name)
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '&' || c == '-'))
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "the" | "a" | "an" | "of" | "dr" | "mr" | "ms" | "mrs" | "professor" | "prof"
                )
        })
        .map(str::to_string)
        .collect()
}

/// Source names compared as the scorer does: lowercase word sets, titles
/// and articles dropped, one a subset of the other.
pub fn same_source(gold: &str, predicted: &str) -> bool {
    let (g, p) = (name_tokens(gold), name_tokens(predicted));
    !g.is_empty()
        && !p.is_empty()
        && (g.iter().all(|w| p.contains(w)) || p.iter().all(|w| g.contains(w)))
}

fn is_flag(status: &str) -> bool {
    matches!(status, "unattributed" | "hearsay")
}

/// Scores every `*.gold.json` in `dir` (in name order) against the report of
/// its article; adds to `score`.
pub fn score_labelled_dir(
    dir: &Path,
    grammar: &Grammar,
    score: &mut LabelledScore,
) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    entries.sort();
    for path in entries {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        let name = gold["article"].as_str().unwrap_or_default();
        let article = path.with_file_name(name);
        let claims: Vec<ClaimEntry> = match crate::check(&article, name, None, grammar) {
            Ok(r) => r.claims,
            Err(e) => {
                score.misses.push(format!(
                    "{name}: {} (its sentences count as misses)",
                    e.message
                ));
                Vec::new()
            }
        };
        let texts: Vec<String> = claims.iter().map(|c| fold(&c.text)).collect();
        for s in gold["sentences"]
            .as_array()
            .map_or(&[][..], |a| a.as_slice())
        {
            let find = fold(s["find"].as_str().unwrap_or_default());
            let hits: Vec<&ClaimEntry> = claims
                .iter()
                .zip(&texts)
                .filter(|(_, t)| aligned(&find, t))
                .map(|(c, _)| c)
                .collect();
            let want = s["status"].as_str().unwrap_or_default();
            let short: String = find.chars().take(60).collect();
            if want == "absent" {
                score.absent += 1;
                if hits.is_empty() {
                    score.absent_ok += 1;
                } else {
                    score
                        .misses
                        .push(format!("{name}: should be absent: {short:?}"));
                }
                continue;
            }
            score.sentences += 1;
            let mut accept = vec![want];
            if let Some(also) = s["also"].as_array() {
                accept.extend(also.iter().filter_map(Value::as_str));
            }
            let got: Vec<&str> = hits.iter().map(|c| c.status).collect();
            let good = if want == "none" {
                !got.iter().any(|g| is_flag(g))
                    || got.iter().any(|g| *g != "none" && accept.contains(g))
            } else {
                got.iter().any(|g| accept.contains(g))
            };
            score.status_ok += usize::from(good);
            let false_flag = got.iter().any(|g| is_flag(g) && !accept.contains(g));
            score.false_flags += usize::from(false_flag);
            score.confusion.push((
                want.to_string(),
                got.first().copied().unwrap_or("(missing)").to_string(),
            ));
            if !good || false_flag {
                score
                    .misses
                    .push(format!("{name}: {short:?}: want {accept:?} got {got:?}"));
            }
            if let Some(want_sources) = s["sources"].as_array().filter(|a| !a.is_empty()) {
                score.sources += 1;
                let names: Vec<&str> = hits
                    .iter()
                    .flat_map(|c| c.sources.iter().map(crate::report::Name::as_str))
                    .collect();
                let all = want_sources
                    .iter()
                    .filter_map(Value::as_str)
                    .all(|w| names.iter().any(|n| same_source(w, n)));
                if all {
                    score.sources_ok += 1;
                } else {
                    let want: Vec<&str> = want_sources.iter().filter_map(Value::as_str).collect();
                    score.misses.push(format!(
                        "{name}: {short:?}: sources want {want:?} got {names:?}"
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_is_one_to_one_and_greedy() {
        let m = match_spans(vec![vec![(0, 10)], vec![(5, 8)]], vec![vec![(6, 7)]]);
        assert_eq!(m.gold_hit, vec![true, false]);
        assert_eq!(
            m.tally(),
            Tally {
                matched: 1,
                gold: 2,
                predicted: 1
            }
        );
        assert!((m.tally().f1() - 200.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn alignment_and_source_names_follow_the_scorer() {
        assert!(aligned(
            "the mayor will resign",
            "Reports say the mayor will resign."
        ));
        assert!(!aligned("the mayor will resign", "Taxes rose."));
        assert!(same_source("Kyrylo Budanov", "Budanov"));
        assert!(same_source(
            "the Ministry of Defence",
            "Ministry of Defence"
        ));
        assert!(!same_source("Budanov", "Zelensky"));
        assert_eq!(fold("“Hi”  —  **there**"), "\"Hi\" - there");
    }
}
