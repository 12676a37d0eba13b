//! Throughput of `extract` + `text()` on one thread, wall and CPU time, over one of
//! the page sets the criterion bench uses:
//!
//! `cargo run --release -p pagesift-extract --example speed -- <aeb|corpus|ministry> [rounds]`
//!
//! `-- <set> dump` prints one line per page instead (charset, how it was decided, page
//! kind, text length and a hash of `text()`), to check that a speed change leaves the
//! output alone: `diff` two dumps.
//!
//! Short runs of it also serve `valgrind --tool=callgrind` (instruction counts are
//! stable on a busy machine where wall-clock figures are not).

// A report binary: printing is its job.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use pagesift_extract::{Extractor, PageHints, Settings};

#[path = "../benches/common/mod.rs"]
mod common;
use common::{cpu_seconds, load, shared_data};

fn load_set(set: &str) -> Vec<Vec<u8>> {
    let (dir, exts): (PathBuf, &[&str]) = match set {
        "aeb" => (
            shared_data().join("article-extraction-benchmark/html"),
            &["gz"],
        ),
        "corpus" => (
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pages"),
            &["html"],
        ),
        _ => (
            shared_data().join("ministry-pages"),
            &["html", "htm", "shtml"],
        ),
    };
    load(&dir, exts)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let set = args.get(1).map_or("aeb", String::as_str);
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(5);
    let pages = load_set(set);
    if args.get(2).is_some_and(|a| a == "dump") {
        dump(&pages);
        return;
    }
    if pages.is_empty() {
        eprintln!("SKIP speed: no pages for set {set}");
        return;
    }
    let total: usize = pages.iter().map(Vec::len).sum();
    let extractor = Extractor::new(Settings::default());
    let (wall, cpu0) = (Instant::now(), cpu_seconds());
    let mut n = 0usize;
    for _ in 0..rounds {
        for p in &pages {
            n += extractor
                .extract(p, &PageHints::default())
                .map(|d| d.text().len())
                .unwrap_or(0);
        }
    }
    let mb = (total * rounds) as f64 / 1e6;
    let w = wall.elapsed().as_secs_f64();
    let cpu = cpu0.zip(cpu_seconds()).map(|(a, b)| b - a);
    println!(
        "{set}: {} pages, {:.1} MB x {rounds}: wall {w:.2} s = {:.0} MB/s; cpu {} ({n} chars of text)",
        pages.len(),
        total as f64 / 1e6,
        mb / w,
        cpu.map_or("n/a".into(), |c| format!("{c:.2} s = {:.0} MB/s", mb / c))
    );
}

fn dump(pages: &[Vec<u8>]) {
    use std::hash::{Hash, Hasher};
    let extractor = Extractor::new(Settings::default());
    for (i, p) in pages.iter().enumerate() {
        match extractor.extract(p, &PageHints::default()) {
            Ok(d) => {
                let text = d.text();
                let mut h = std::collections::hash_map::DefaultHasher::new();
                text.hash(&mut h);
                d.markdown().hash(&mut h);
                d.title.hash(&mut h);
                println!(
                    "{i} {} {:?} {:?} {} {:016x}",
                    d.charset.name,
                    d.charset.source,
                    d.page_kind,
                    text.len(),
                    h.finish()
                );
            }
            Err(e) => println!("{i} error {e}"),
        }
    }
}
