//! Throughput of the engine alone: the seed article, and a whole novel read from a path
//! given at run time (`WHOSAID_NOVEL=/path/to/novel.txt cargo bench --bench analyze`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use whosaid::engine::{analyze, analyze_with, Memo, Mode, Options};

fn seed(c: &mut Criterion) {
    let text = std::fs::read_to_string("seeds/000_11b1216a67c8be3c.txt").expect("seed article");
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("seed article", |b| {
        b.iter(|| analyze(black_box(&text), &Options::default()))
    });
    group.finish();
}

fn novel(c: &mut Criterion) {
    let Ok(path) = std::env::var("WHOSAID_NOVEL") else {
        eprintln!("WHOSAID_NOVEL is not set: skipping the novel benchmark");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut group = c.benchmark_group("analyze");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    let opts = Options {
        mode: Mode::Auto,
        ..Options::default()
    };
    group.bench_function(format!("novel ({} KB)", text.len() / 1024), |b| {
        b.iter(|| analyze(black_box(&text), &opts))
    });
    // A keystroke: two versions a character apart, analysed in turn with the document's memo.
    let mid = text.len() / 2;
    let at = (mid..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let edited = format!("{}x{}", &text[..at], &text[at..]);
    let mut memo = Memo::default();
    analyze_with(&text, &opts, &mut memo);
    let mut flip = false;
    group.bench_function("novel, one keystroke, with memo", |b| {
        b.iter(|| {
            flip = !flip;
            let version = if flip { &edited } else { &text };
            analyze_with(black_box(version), &opts, &mut memo)
        })
    });
    group.finish();
}

criterion_group!(benches, seed, novel);
criterion_main!(benches);
