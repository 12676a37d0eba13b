//! End-to-end throughput: raw page bytes to a finished record (extract, normalise,
//! detect, tag, assemble), one thread, over the corpus and the shared page sets.

#![allow(missing_docs)] // criterion_group! generates undocumented public functions.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pagesift::{PipelineConfig, RawPage};

mod common;

fn pipeline(c: &mut Criterion) {
    let pipeline = PipelineConfig::default()
        .build()
        .expect("default pipeline builds");
    let sets = [
        common::corpus(),
        common::ministry_pages(),
        common::article_benchmark(),
    ];
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    for set in sets.into_iter().flatten() {
        let pages: Vec<RawPage> = set
            .pages
            .iter()
            .enumerate()
            .map(|(i, body)| RawPage {
                source: format!("{}#{i}", set.name),
                url: None,
                http_charset: None,
                body: body.clone(),
            })
            .collect();
        // Warm lazy state (taxonomy automata, detector tables) before measuring.
        black_box(pipeline.process(&pages[0]));
        group.throughput(Throughput::Bytes(set.bytes()));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for p in &pages {
                    black_box(pipeline.process(p));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
