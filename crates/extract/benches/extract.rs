//! End-to-end extraction throughput (charset + parse + scoring + text rendering) over
//! the article-extraction benchmark's 181 pages, decompressed once up front.
//!
//! `cargo bench -p pagesift-extract --bench extract -- --warm-up-time 1 --measurement-time 3`

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::io::Read;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pagesift_extract::{Extractor, PageHints, Settings};

fn shared_data() -> PathBuf {
    std::env::var_os("PAGESIFT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn load_pages() -> Vec<Vec<u8>> {
    let dir = shared_data().join("article-extraction-benchmark/html");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let f = std::fs::File::open(p).ok()?;
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(f).read_to_end(&mut out).ok()?;
            Some(out)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = load_pages();
    if pages.is_empty() {
        eprintln!(
            "SKIP extract bench: no pages under {}",
            shared_data().display()
        );
        return;
    }
    let total: usize = pages.iter().map(Vec::len).sum();
    let extractor = Extractor::new(Settings::default());
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    group.bench_function("aeb-181-pages-text", |b| {
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
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
