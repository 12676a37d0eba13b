//! End-to-end extraction throughput (charset + parse + scoring + text rendering), one
//! thread, in bytes of HTML per second, over three page sets loaded up front:
//!
//! - `aeb-181-pages-text`: the article-extraction benchmark's 181 pages
//!   (`../shared/data/article-extraction-benchmark/html`, decompressed first);
//! - `corpus-41-pages-text`: our corpus pages (`corpus/pages/*.html`: inline scripts,
//!   Drupal settings, SVG sprites, windows-1251 / KOI8-R and undeclared legacy pages);
//! - `ministry-pages-text`: the 244 pages of `../shared/data/ministry-pages`.
//!
//! A set that is absent is skipped with a message.
//!
//! `cargo bench -p pagesift-extract --bench extract -- --warm-up-time 1 --measurement-time 3`

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pagesift_extract::{Extractor, PageHints, Settings};

mod common;
use common::{load, shared_data};

fn bench(c: &mut Criterion) {
    let sets = [
        (
            "aeb-181-pages-text",
            shared_data().join("article-extraction-benchmark/html"),
            &["gz"][..],
        ),
        (
            "corpus-41-pages-text",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pages"),
            &["html"][..],
        ),
        (
            "ministry-pages-text",
            shared_data().join("ministry-pages"),
            &["html", "htm", "shtml"][..],
        ),
    ];
    let extractor = Extractor::new(Settings::default());
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (name, dir, exts) in sets {
        let pages = load(&dir, exts);
        if pages.is_empty() {
            eprintln!("SKIP extract/{name}: no pages under {}", dir.display());
            continue;
        }
        let total: usize = pages.iter().map(Vec::len).sum();
        group.throughput(Throughput::Bytes(total as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut n = 0usize;
                for p in &pages {
                    if let Ok(doc) = extractor.extract(p, &PageHints::default()) {
                        n += doc.text().len();
                    }
                }
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
