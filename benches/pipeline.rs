//! Throughput of each stage and of the whole pipeline on news text, and the
//! cost of start-up (compiling the grammar).
//!
//! The corpus is built at bench time from the PolNeAR articles in
//! `../shared/polnear/*.jsonl` (no article text is committed); without them
//! the benchmarks are skipped with a note. Throughput is reported in MB/s
//! (decimal megabytes of input per second, on one core).
//!
//! ```sh
//! cargo bench --bench pipeline
//! cargo bench --bench pipeline -- pipeline   # one group
//! ```

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid::attribution::Reader;
use whosaid::document::InputType;
use whosaid::grammar::{Grammar, TokenWords};
use whosaid::{batch, report, segment};

/// The allocator the binary uses, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Every PolNeAR article text, in file order.
fn corpus() -> Option<Vec<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/polnear");
    let mut texts = Vec::new();
    for split in ["train.jsonl", "dev.jsonl"] {
        let Ok(data) = std::fs::read_to_string(dir.join(split)) else {
            continue;
        };
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            texts.push(v["text"].as_str()?.to_string());
        }
    }
    (!texts.is_empty()).then_some(texts)
}

fn bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

fn benches(c: &mut Criterion) {
    let Some(texts) = corpus() else {
        eprintln!(
            "whosaid benches: ../shared/polnear/*.jsonl not found beside the checkout; \
             skipping the corpus benchmarks"
        );
        startup(c);
        return;
    };
    let g = Grammar::builtin();
    let total = bytes(&texts);
    eprintln!(
        "whosaid benches: corpus of {} PolNeAR articles, {:.2} MB",
        texts.len(),
        total as f64 / 1e6
    );

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::BytesDecimal(total));
    group.bench_function("segment", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(segment::segment(t, &g, &[]));
            }
        })
    });
    let segmented: Vec<_> = texts.iter().map(|t| segment::segment(t, &g, &[])).collect();
    group.bench_function("attribution", |b| {
        b.iter(|| {
            for (t, seg) in texts.iter().zip(&segmented) {
                let words = TokenWords::new(t, &seg.tokens, &g);
                for s in &seg.sentences {
                    let r = Reader::new(t, seg, &words, &g, s.tokens.clone());
                    black_box(r.read());
                    black_box(r.name_mentions());
                }
            }
        })
    });
    group.bench_function("provenance", |b| {
        b.iter(|| {
            for (t, seg) in texts.iter().zip(&segmented) {
                black_box(whosaid::provenance::build(t, seg, &g));
            }
        })
    });
    let analyses: Vec<_> = texts
        .iter()
        .map(|t| whosaid::analyze(t, InputType::Text, &g))
        .collect();
    group.bench_function("report-json", |b| {
        b.iter(|| {
            for (t, a) in texts.iter().zip(&analyses) {
                let f = report::file_report("a.txt", t, a);
                black_box(batch::file_json(&f));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::BytesDecimal(total));
    group.bench_function("check-json", |b| {
        b.iter(|| {
            for t in &texts {
                let f = report::check_bytes("a.txt", t.as_bytes(), InputType::Text, &g)
                    .expect("checks");
                black_box(batch::file_json(&f));
            }
        })
    });
    group.finish();
    startup(c);
}

fn startup(c: &mut Criterion) {
    c.bench_function("startup/grammar", |b| {
        b.iter(|| black_box(Grammar::builtin()))
    });
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10)
}

criterion_group! {
    name = pipeline;
    config = config();
    targets = benches
}
criterion_main!(pipeline);
