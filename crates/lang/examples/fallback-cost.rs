//! What the lingua fallback costs at run time: latency of the first re-asked text (lingua
//! loads its models on first use), resident memory before and after, and the time per
//! text once loaded. Linux only for memory (`/proc/self/status`); run it on its own:
//!
//! ```text
//! cargo run --release -p pagesift-lang --features lingua-fallback --example fallback-cost
//! ```
//!
//! Texts: word pairs of lingua's test set for the seven Cyrillic-script languages
//! (`<workspace>/../shared/data/lingua-testdata`, or `$PAGESIFT_SHARED_DATA/lingua-testdata`).
#![allow(clippy::print_stdout)]

#[path = "../benches/common/mod.rs"]
mod common;

use pagesift_lang::{Detector, Settings};
use std::time::Instant;

const CYRILLIC: [&str; 7] = ["be", "bg", "kk", "mk", "ru", "sr", "uk"];

fn rss_mb() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
            let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.1} MB", kb / 1024.0))
        })
        .unwrap_or_else(|| "n/a".to_owned())
}

fn main() {
    let dir = common::lingua_testdata();
    let mut texts = Vec::new();
    for lang in CYRILLIC {
        let Ok(t) = std::fs::read_to_string(dir.join(lang).join("word-pairs.txt")) else {
            println!("SKIP: lingua test data not found at {}", dir.display());
            return;
        };
        texts.extend(
            t.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned),
        );
    }
    println!("RSS at start (texts loaded): {}", rss_mb());
    let plain = Detector::new(Settings::default()).expect("defaults");
    let start = Instant::now();
    for t in &texts {
        std::hint::black_box(plain.detect(t));
    }
    let plain_secs = start.elapsed().as_secs_f64();
    println!(
        "without fallback: {} texts in {:.3} s; RSS {}",
        texts.len(),
        plain_secs,
        rss_mb()
    );
    let start = Instant::now();
    let d = Detector::new(Settings::default().with_fallback(0.65)).expect("defaults");
    println!(
        "built with fallback in {:.3} ms; RSS {}",
        start.elapsed().as_secs_f64() * 1e3,
        rss_mb()
    );
    // The first text the fallback re-asks pays for building lingua's detector and loading
    // the models it consults.
    let first = "Работа отдела";
    let start = Instant::now();
    let g = d.detect(first);
    println!(
        "first re-asked text ({first:?} -> {}): {:.1} ms, {} lingua call(s); RSS {}",
        g.lang,
        start.elapsed().as_secs_f64() * 1e3,
        d.fallback_calls(),
        rss_mb()
    );
    let start = Instant::now();
    let g = d.detect("Работа сектора");
    println!(
        "second re-asked text (-> {}): {:.3} ms; RSS {}",
        g.lang,
        start.elapsed().as_secs_f64() * 1e3,
        rss_mb()
    );
    let calls = d.fallback_calls();
    let start = Instant::now();
    for t in &texts {
        std::hint::black_box(d.detect(t));
    }
    let secs = start.elapsed().as_secs_f64();
    let fired = d.fallback_calls() - calls;
    println!(
        "with fallback: {} texts in {:.3} s ({:.1}x), {} re-asked ({:.1}%), {:.0} us per \
         re-asked text; RSS {}",
        texts.len(),
        secs,
        secs / plain_secs.max(1e-9),
        fired,
        100.0 * fired as f64 / texts.len() as f64,
        1e6 * (secs - plain_secs).max(0.0) / fired.max(1) as f64,
        rss_mb()
    );
    // One huge block (a page's text gone wrong): lingua is shown only its first
    // FALLBACK_MAX_BYTES, so its time and memory do not grow with the block. (The
    // long-text threshold at 1.0 re-asks it whatever our confidence.)
    // Words every language here could write, so that no letter rules any out.
    let huge = "Работа отдела, нова вода. ".repeat(8_800_000 / 45);
    let long = Detector::new(
        Settings::default()
            .with_fallback(0.65)
            .with_long_text_fallback(1.0),
    )
    .expect("defaults");
    let start = Instant::now();
    let g = plain.detect(&huge);
    let plain_huge = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let h = long.detect(&huge);
    println!(
        "a {:.1} MB block: {:.3} s without fallback (-> {}), {:.3} s with the long-text \
         threshold at 1.0 (-> {}, {} lingua call, shown at most {} bytes); RSS {}",
        huge.len() as f64 / 1e6,
        plain_huge,
        g.lang,
        start.elapsed().as_secs_f64(),
        h.lang,
        long.fallback_calls(),
        pagesift_lang::FALLBACK_MAX_BYTES,
        rss_mb()
    );
}
