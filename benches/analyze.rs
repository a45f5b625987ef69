//! Throughput of the engine alone: the seed article, and a whole novel read from a path
//! given at run time (`WHOSAID_NOVEL=/path/to/novel.txt cargo bench --bench analyze`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use whosaid::engine::{analyze, Mode, Options};

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
    group.finish();
}

criterion_group!(benches, seed, novel);
criterion_main!(benches);
