//! Inputs shared by the root benches: corpus pages and, when present, shared data.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

/// A named set of HTML pages.
pub struct PageSet {
    /// Name used in benchmark ids.
    pub name: &'static str,
    /// The pages.
    pub pages: Vec<Vec<u8>>,
}

impl PageSet {
    /// Total bytes.
    pub fn bytes(&self) -> u64 {
        self.pages.iter().map(|p| p.len() as u64).sum()
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared(sub: &str) -> Option<PathBuf> {
    pagesift::shared_data_path(sub)
        .inspect_err(|why| eprintln!("skipping {sub}: {why}"))
        .ok()
}

fn files(dir: &Path, pred: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, pred, out);
        } else if pred(&p) {
            out.push(p);
        }
    }
}

fn load(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    paths
        .iter()
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            if p.extension().is_some_and(|e| e == "gz") {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&raw[..])
                    .read_to_end(&mut out)
                    .ok()?;
                Some(out)
            } else {
                Some(raw)
            }
        })
        .collect()
}

/// corpus/pages/*.html (the pages this project ships).
pub fn corpus() -> Option<PageSet> {
    let mut paths = Vec::new();
    files(
        &root().join("corpus/pages"),
        &|p| p.extension().is_some_and(|e| e == "html"),
        &mut paths,
    );
    if paths.is_empty() {
        eprintln!("skipping corpus: corpus/pages has no pages");
        return None;
    }
    Some(PageSet {
        name: "corpus",
        pages: load(&paths),
    })
}

/// ../shared/data/ministry-pages (244 real government pages).
pub fn ministry_pages() -> Option<PageSet> {
    let dir = shared("ministry-pages")?;
    let mut paths = Vec::new();
    files(
        &dir,
        &|p| p.extension().is_some_and(|e| e == "html" || e == "htm"),
        &mut paths,
    );
    Some(PageSet {
        name: "ministry-pages",
        pages: load(&paths),
    })
}

/// ../shared/data/article-extraction-benchmark/html (181 news pages).
pub fn article_benchmark() -> Option<PageSet> {
    let dir = shared("article-extraction-benchmark/html")?;
    let mut paths = Vec::new();
    files(
        &dir,
        &|p| p.to_string_lossy().ends_with(".html.gz"),
        &mut paths,
    );
    Some(PageSet {
        name: "article-benchmark",
        pages: load(&paths),
    })
}
