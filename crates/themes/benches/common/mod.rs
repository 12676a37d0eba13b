//! Benchmark text shared by `benches/tag.rs`, `examples/throughput.rs`,
//! `examples/report.rs` and `tests/matching.rs`.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data directory: `PAGESIFT_SHARED_DATA`, else `../shared/data` beside the
/// workspace.
pub fn shared_data() -> PathBuf {
    std::env::var_os("PAGESIFT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

/// The labelled on-topic paragraphs of `corpus/themes/<lang>.jsonl` (empty when absent).
pub fn corpus_paragraphs(lang: &str) -> Vec<String> {
    let corpus =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../../corpus/themes/{lang}.jsonl"));
    std::fs::read_to_string(corpus)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect()
}
