//! Tagger throughput in tokens a second, on UD English EWT test's paragraphs cut as whosaid
//! cuts them (`../shared/ud`, or `WHOSAID_UD=/path/to/ud`).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use whosaid::engine::tagger::{conllu, tagger};

fn tag_test_set(c: &mut Criterion) {
    let dir = std::env::var("WHOSAID_UD").unwrap_or_else(|_| "../shared/ud".into());
    let path = std::path::Path::new(&dir).join("en_ewt-ud-test.conllu");
    let Ok(paras) = conllu::read(&path) else {
        eprintln!(
            "{} is absent: skipping the tagger benchmark",
            path.display()
        );
        return;
    };
    let paras: Vec<Vec<&str>> = paras
        .iter()
        .map(|p| p.words.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = paras.iter().map(Vec::len).sum();
    let t = tagger();
    let mut out = Vec::new();
    let mut group = c.benchmark_group("tagger");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(20);
    group.bench_function("EWT test paragraphs", |b| {
        b.iter(|| {
            for p in &paras {
                t.tag(black_box(p), &mut out);
                black_box(&out);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, tag_test_set);
criterion_main!(benches);
