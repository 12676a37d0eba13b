//! The small `ci` group that CI runs in quick mode: each stage and the whole pipeline on
//! the shipped corpus only, so it finishes in well under three minutes on two cores.

#![allow(missing_docs)] // criterion_group! generates undocumented public functions.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pagesift::{PipelineConfig, RawPage};
use pagesift_extract::{Extractor, PageHints, Settings};

mod common;

fn ci(c: &mut Criterion) {
    let Some(set) = common::corpus() else { return };
    let pipeline = PipelineConfig::default()
        .build()
        .expect("default pipeline builds");
    let extractor = Extractor::new(Settings::default());
    let normalizer = pagesift_normalize::Normalizer::new(pagesift_normalize::Settings::default());
    let detector = PipelineConfig::default()
        .detector()
        .expect("detector builds");
    let tagger =
        pagesift_themes::Tagger::from_taxonomy(pagesift_themes::Taxonomy::default_taxonomy())
            .expect("taxonomy");
    let texts: Vec<String> = set
        .pages
        .iter()
        .filter_map(|p| extractor.extract(p, &PageHints::default()).ok())
        .map(|d| d.text())
        .collect();
    let text_bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let pages: Vec<RawPage> = set
        .pages
        .iter()
        .map(|body| RawPage {
            source: "ci".into(),
            url: None,
            http_charset: None,
            body: body.clone(),
        })
        .collect();

    let mut g = c.benchmark_group("ci");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(set.bytes()));
    g.bench_function("extract/corpus", |b| {
        b.iter(|| {
            for p in &set.pages {
                black_box(extractor.extract(p, &PageHints::default()).ok());
            }
        })
    });
    g.bench_function("pipeline/corpus", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(pipeline.process(p));
            }
        })
    });
    g.throughput(Throughput::Bytes(text_bytes));
    g.bench_function("normalize/corpus-text", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(normalizer.normalize(t));
            }
        })
    });
    g.bench_function("lang/corpus-text", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(detector.detect(t));
            }
        })
    });
    g.bench_function("tag/corpus-text", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(pagesift::record::tag_text(&detector, &tagger, t));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, ci);
criterion_main!(benches);
