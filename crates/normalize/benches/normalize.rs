//! Throughput of `Normalizer::normalize` on real sentences from ../shared/data/lingua-testdata.
//!
//! - `clean/ru-be-uk-en`: Russian, Belarusian, Ukrainian and English sentences that are already
//!   normalised (the borrowed fast path);
//! - `clean/de-fr-pl`: already normalised Latin-script text with accents (the check falls back to
//!   the full steps, which change nothing);
//! - `dirty/spaces-invisible`: the ru/be/uk/en text with every line damaged (no-break spaces,
//!   a soft hyphen, a zero-width space, trailing spaces, CRLF);
//! - `dirty/mojibake-1251`: the same lines as UTF-8 read as windows-1251;
//! - `words/*`: [`pagesift_normalize::words`] on lingua's English and ru/be/uk/en sentences,
//!   next to `unicode-segmentation`'s plain `unicode_word_indices` on the same text.
//!
//! Run: `cargo bench -p pagesift-normalize --bench normalize -- --warm-up-time 1 --measurement-time 3`
#![allow(missing_docs)] // criterion_group! generates an undocumented function

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pagesift_normalize::{Normalizer, Settings};

fn shared_data() -> Option<PathBuf> {
    let base = std::env::var_os("PAGESIFT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let p = base.join("lingua-testdata");
    p.exists().then_some(p)
}

fn sentences(dir: &Path, langs: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for lang in langs {
        if let Ok(t) = std::fs::read_to_string(dir.join(lang).join("sentences.txt")) {
            out.extend(t.split('\n').filter(|l| !l.is_empty()).map(str::to_owned));
        }
    }
    out
}

/// The text as the normaliser leaves it, so that it is clean by definition.
fn clean(n: &Normalizer, lines: &[String]) -> String {
    n.normalize(&lines.join("\n")).into_owned()
}

fn damage(line: &str) -> String {
    let mut s = line.replacen(' ', "\u{a0}\u{a0}", 2);
    if let Some((i, _)) = s.char_indices().nth(5) {
        s.insert(i, '\u{ad}');
    }
    if let Some((i, _)) = s.char_indices().nth(12) {
        s.insert(i, '\u{200b}');
    }
    s.push_str("  \r");
    s
}

fn as_windows_1251(line: &str) -> String {
    let (text, _) = encoding_rs::WINDOWS_1251.decode_without_bom_handling(line.as_bytes());
    text.into_owned()
}

fn bench(c: &mut Criterion) {
    let Some(dir) = shared_data() else {
        eprintln!("SKIP: ../shared/data/lingua-testdata not found (set PAGESIFT_SHARED_DATA)");
        return;
    };
    let n = Normalizer::new(Settings::new());
    // Lines the fast check still sends to the full steps (a "Рё" in a name, a rare letter)
    // are left out of the clean set, which measures the borrowed path itself.
    let cyr_en: String = clean(&n, &sentences(&dir, &["ru", "be", "uk", "en"]))
        .lines()
        .filter(|l| !n.needs_work(l))
        .collect::<Vec<_>>()
        .join("\n");
    let latin = clean(&n, &sentences(&dir, &["de", "fr", "pl"]));
    let dirty: String = cyr_en.lines().map(damage).collect::<Vec<_>>().join("\n");
    let moji: String = cyr_en
        .lines()
        .map(as_windows_1251)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(n.normalize(&cyr_en) == cyr_en.as_str());
    assert!(
        dirty.lines().all(|l| n.needs_work(l)),
        "every dirty line needs work"
    );

    let mut g = c.benchmark_group("normalize");
    for (name, text) in [
        ("clean/ru-be-uk-en", &cyr_en),
        ("clean/de-fr-pl", &latin),
        ("dirty/spaces-invisible", &dirty),
        ("dirty/mojibake-1251", &moji),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| n.normalize(std::hint::black_box(text)).len())
        });
    }
    g.finish();

    // `words` against plain UAX #29 word indices (what it refines) on the same text.
    use unicode_segmentation::UnicodeSegmentation;
    let en = sentences(&dir, &["en"]).join("\n");
    let mixed = sentences(&dir, &["ru", "be", "uk", "en"]).join("\n");
    let mut g = c.benchmark_group("words");
    for (name, text) in [("en", &en), ("ru-be-uk-en", &mixed)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("words/{name}"), |b| {
            b.iter(|| pagesift_normalize::words(std::hint::black_box(text)).len())
        });
        g.bench_function(format!("unicode_word_indices/{name}"), |b| {
            b.iter(|| std::hint::black_box(text).unicode_word_indices().count())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
