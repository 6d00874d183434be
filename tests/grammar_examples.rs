//! Every grammar file carries example sentences with the reading the whole
//! pipeline must give them; this runs them all, built-in files included.

use whosaid::document::InputType;
use whosaid::grammar::{Grammar, BUILTIN};

#[test]
fn every_builtin_file_has_examples() {
    let g = Grammar::builtin();
    for (name, _) in BUILTIN {
        assert!(
            g.examples().iter().any(|(f, _)| f == name),
            "{name} has no example lines"
        );
    }
}

#[test]
fn grammar_examples_read_as_stated() {
    let g = Grammar::builtin();
    let mut failures = Vec::new();
    for (file, ex) in g.examples() {
        let a = whosaid::analyze(&ex.sentence, InputType::Text, &g);
        let report = whosaid::report::file_report("example", &ex.sentence, &a);
        let Some(claim) = report.claims.first() else {
            failures.push(format!(
                "{file}:{}: no claim for {:?}",
                ex.line, ex.sentence
            ));
            continue;
        };
        let mut why = Vec::new();
        if claim.status != ex.status {
            why.push(format!("status {} (want {})", claim.status, ex.status));
        }
        if let Some(r) = &ex.reason {
            if claim.reason != r {
                why.push(format!("reason {} (want {r})", claim.reason));
            }
        }
        if let Some(s) = &ex.source {
            let all: Vec<&str> = claim
                .sources
                .iter()
                .chain(claim.chain.iter())
                .map(|n| n.as_str())
                .collect();
            if !all.iter().any(|x| {
                x.to_lowercase().contains(&s.to_lowercase())
                    || s.to_lowercase().contains(&x.to_lowercase())
            }) {
                why.push(format!("sources {:?} (want {s:?})", claim.sources));
            }
            // With a cue named, that cue's own source must be the one meant
            // (a pronoun or "who" is resolved elsewhere and passes).
            if let Some(c) = &ex.cue {
                let wrong: Vec<&str> = claim
                    .attributions
                    .iter()
                    .filter(|a| a.cue.text.eq_ignore_ascii_case(c))
                    .filter_map(|a| a.source.as_ref().map(|t| t.text.as_str()))
                    .filter(|t| {
                        t.contains(char::is_uppercase)
                            && !t.to_lowercase().contains(&s.to_lowercase())
                            && !s.to_lowercase().contains(&t.to_lowercase())
                    })
                    .collect();
                if !wrong.is_empty() {
                    why.push(format!("source of {c:?} is {wrong:?} (want {s:?})"));
                }
            }
        }
        if let Some(c) = &ex.cue {
            // `cue="none"`: the sentence holds no attribution at all.
            let found = if c == "none" {
                claim.attributions.is_empty()
            } else {
                claim
                    .attributions
                    .iter()
                    .any(|a| a.cue.text.eq_ignore_ascii_case(c))
            };
            if !found {
                let cues: Vec<&str> = claim
                    .attributions
                    .iter()
                    .map(|a| a.cue.text.as_str())
                    .collect();
                why.push(format!("cues {cues:?} (want {c:?})"));
            }
        }
        if let Some(c) = &ex.content {
            let contents: Vec<&str> = claim
                .attributions
                .iter()
                .filter(|a| {
                    ex.cue
                        .as_ref()
                        .is_none_or(|cue| a.cue.text.eq_ignore_ascii_case(cue))
                })
                .filter_map(|a| a.content.as_ref().map(|t| t.text.as_str()))
                .collect();
            if !contents.contains(&c.as_str()) {
                why.push(format!("contents {contents:?} (want {c:?})"));
            }
        }
        if !why.is_empty() {
            failures.push(format!(
                "{file}:{}: {:?}: {}",
                ex.line,
                ex.sentence,
                why.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} grammar examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
