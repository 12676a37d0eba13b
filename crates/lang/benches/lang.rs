//! Throughput of pagesift-lang against plain whatlang (same 13-language allowlist) on
//! lingua's test sentences and on page-sized texts built from them.
//!
//! `cargo bench -p pagesift-lang --bench lang -- --warm-up-time 1 --measurement-time 3`
//! (add `--features lingua-fallback` for the fallback case)
//! Skips, saying so, when `../shared/data/lingua-testdata` is absent.
#![allow(missing_docs)] // criterion_group! generates an undocumented function

#[path = "common/mod.rs"]
mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pagesift_lang::{Detector, Settings};
use std::hint::black_box;

const LANGS: [&str; 13] = [
    "be", "bg", "de", "en", "fr", "kk", "lt", "lv", "mk", "pl", "ru", "sr", "uk",
];
const WHATLANG: [whatlang::Lang; 12] = [
    whatlang::Lang::Bel,
    whatlang::Lang::Bul,
    whatlang::Lang::Deu,
    whatlang::Lang::Eng,
    whatlang::Lang::Fra,
    whatlang::Lang::Lit,
    whatlang::Lang::Lav,
    whatlang::Lang::Mkd,
    whatlang::Lang::Pol,
    whatlang::Lang::Rus,
    whatlang::Lang::Srp,
    whatlang::Lang::Ukr,
];

fn load() -> Option<(Vec<String>, Vec<String>)> {
    let dir = common::lingua_testdata();
    let mut sentences = Vec::new();
    let mut pages = Vec::new();
    for lang in LANGS {
        let text = std::fs::read_to_string(dir.join(lang).join("sentences.txt")).ok()?;
        let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
        // 100 sentences per language; pages of 40 sentences (about 4 to 8 KB).
        sentences.extend(lines.iter().take(100).map(|s| s.to_string()));
        pages.extend(lines.chunks(40).take(3).map(|c| c.join(" ")));
    }
    Some((sentences, pages))
}

fn bench(c: &mut Criterion) {
    let Some((sentences, pages)) = load() else {
        eprintln!("SKIP lang bench: lingua test data not found (set PAGESIFT_SHARED_DATA)");
        return;
    };
    let ours = Detector::new(Settings::default().with_allowlist(LANGS)).expect("allowlist");
    let plain = whatlang::Detector::with_allowlist(WHATLANG.to_vec());
    // With the lingua fallback for uncertain Cyrillic-script answers (feature
    // `lingua-fallback`; `--features lingua-fallback` to include it).
    #[cfg(feature = "lingua-fallback")]
    let fallback = Detector::new(
        Settings::default()
            .with_allowlist(LANGS)
            .with_fallback(0.65),
    )
    .expect("allowlist");
    for (name, texts) in [("sentences", &sentences), ("pages", &pages)] {
        let bytes: usize = texts.iter().map(String::len).sum();
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::new("pagesift-lang", texts.len()), |b| {
            b.iter(|| {
                for t in texts.iter() {
                    black_box(ours.detect(black_box(t)));
                }
            })
        });
        #[cfg(feature = "lingua-fallback")]
        group.bench_function(BenchmarkId::new("pagesift+fallback", texts.len()), |b| {
            b.iter(|| {
                for t in texts.iter() {
                    black_box(fallback.detect(black_box(t)));
                }
            })
        });
        group.bench_function(BenchmarkId::new("whatlang", texts.len()), |b| {
            b.iter(|| {
                for t in texts.iter() {
                    black_box(plain.detect(black_box(t)));
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
