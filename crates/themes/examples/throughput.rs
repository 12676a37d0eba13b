//! Tagging throughput per CPU-second, for machines where other processes share the cores
//! (criterion's wall-clock MB/s then understates what one core does). Linux only: reads
//! this process's user+system CPU time from `/proc/self/stat`.
//!
//! ```text
//! cargo run --release -p pagesift-themes --example throughput
//! ```
//!
//! Text as in `benches/tag.rs`: lingua test sentences from the shared data when present
//! (general web text), and the labelled on-topic paragraphs of `corpus/themes/`.
// A measurement binary prints; the library never does.
#![allow(clippy::print_stdout)]

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

use common::{corpus_paragraphs, shared_data};

use pagesift_themes::{TagBlock, TagInput, Tagger, Taxonomy};

/// User + system CPU seconds of this process, if `/proc` is there.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn measure(name: &str, tagger: &Tagger, blocks: &[String], lang: Option<&str>) {
    if blocks.is_empty() {
        println!("{name:<24} (no text)");
        return;
    }
    let tb: Vec<TagBlock<'_>> = blocks.iter().map(|b| TagBlock { text: b, lang }).collect();
    let input = TagInput {
        title: None,
        title_lang: None,
        blocks: &tb,
    };
    let bytes: usize = blocks.iter().map(String::len).sum();
    black_box(tagger.tag(&input));
    let (Some(c0), t0) = (cpu_seconds(), Instant::now()) else {
        println!("{name:<24} /proc/self/stat unavailable");
        return;
    };
    let mut done = 0usize;
    while t0.elapsed().as_secs_f64() < 3.0 {
        black_box(tagger.tag(black_box(&input)));
        done += bytes;
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(c0) - c0;
    let mb = done as f64 / 1e6;
    // Cold: each pass on a fresh thread, so the per-thread stem cache starts empty.
    let c1 = cpu_seconds().unwrap_or(0.0);
    let t1 = Instant::now();
    let mut cold = 0usize;
    while t1.elapsed().as_secs_f64() < 3.0 {
        std::thread::scope(|s| {
            s.spawn(|| black_box(tagger.tag(black_box(&input))));
        });
        cold += bytes;
    }
    let cold_cpu = cpu_seconds().unwrap_or(c1) - c1;
    println!(
        "{name:<20} {:>6.1} MB/s per CPU-s (cold cache {:>6.1})   {:>6.1} MB/s wall   ({mb:.0} MB)",
        mb / cpu.max(0.01),
        cold as f64 / 1e6 / cold_cpu.max(0.01),
        mb / wall
    );
}

fn main() {
    let tagger = match Tagger::from_taxonomy(Taxonomy::default_taxonomy()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return;
        }
    };
    for lang in ["en", "ru", "be", "uk"] {
        let path = shared_data().join(format!("lingua-testdata/{lang}/sentences.txt"));
        match std::fs::read_to_string(&path) {
            Ok(t) => {
                let blocks: Vec<String> = t
                    .split('\n')
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect();
                measure(&format!("general/{lang}"), &tagger, &blocks, Some(lang));
            }
            Err(_) => println!("general/{lang}: skipped, {} not found", path.display()),
        }
        measure(
            &format!("on-topic/{lang}"),
            &tagger,
            &corpus_paragraphs(lang),
            Some(lang),
        );
    }
}
