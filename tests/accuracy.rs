//! Accuracy floors: a change that loses accuracy on annotated journalism
//! fails here, not in an editor's hands.
//!
//! The floors sit just under the figures reached when they were last raised
//! (see the README's "Measuring accuracy"); raise them when accuracy rises.
//! The scoring is the library's `eval` module, which scores exactly as
//! `../shared/eval/polnear_score.py` and `score.py` do.

mod common;

use whosaid::eval::{score_labelled_dir, score_polnear, LabelledScore};
use whosaid::grammar::Grammar;

/// Span-overlap F1 floors on PolNeAR dev: cue, source, content.
const POLNEAR_DEV_F1: [f64; 3] = [78.6, 79.3, 81.2];
/// Labelled articles: status and sources accuracy in percent, and false flags
/// per sentence at most.
const LABELLED_STATUS: f64 = 99.0;
const LABELLED_SOURCES: f64 = 97.0;
const FALSE_FLAGS_PER_SENTENCE: f64 = 1.0 / 30.0;

#[test]
fn polnear_dev_span_f1_stays_above_its_floors() {
    let path = common::shared().join("polnear").join("dev.jsonl");
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (CI has ../shared beside the checkout)",
            path.display()
        )
    });
    let (totals, articles) = score_polnear(&data, &Grammar::builtin()).expect("PolNeAR dev parses");
    assert!(articles >= 80, "only {articles} articles read");
    for ((name, t), floor) in ["cue", "source", "content"]
        .iter()
        .zip(&totals)
        .zip(POLNEAR_DEV_F1)
    {
        assert!(
            t.f1() >= floor,
            "PolNeAR dev {name} F1 {:.1} fell below its floor {floor} (P {:.1} R {:.1})",
            t.f1(),
            100.0 * t.precision(),
            100.0 * t.recall()
        );
    }
}

#[test]
fn labelled_articles_stay_above_their_floors() {
    let g = Grammar::builtin();
    let mut score = LabelledScore::default();
    for dir in [
        common::shared().join("gold"),
        common::shared().join("dev"),
        common::root().join("tests").join("articles"),
    ] {
        score_labelled_dir(&dir, &g, &mut score).expect("labelled articles read");
    }
    assert!(
        score.sentences >= 150,
        "only {} sentences scored",
        score.sentences
    );
    let report = score.misses.join("\n");
    assert!(
        score.status_percent() >= LABELLED_STATUS,
        "status {:.1}% below {LABELLED_STATUS}%:\n{report}",
        score.status_percent()
    );
    assert!(
        score.sources_percent() >= LABELLED_SOURCES,
        "sources {:.1}% below {LABELLED_SOURCES}%:\n{report}",
        score.sources_percent()
    );
    assert!(
        score.false_flags as f64 <= FALSE_FLAGS_PER_SENTENCE * score.sentences as f64,
        "{} false flags in {} sentences:\n{report}",
        score.false_flags,
        score.sentences
    );
    assert_eq!(
        score.absent_ok, score.absent,
        "code or front matter read as prose:\n{report}"
    );
}
