//! Helpers shared by the `extract` bench and the `eval` and `speed` examples (included
//! with `#[path]`; each uses only some of them).
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

/// `$PAGESIFT_SHARED_DATA`, else `../shared/data` beside the workspace root.
pub fn shared_data() -> PathBuf {
    std::env::var_os("PAGESIFT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

/// The decompressed contents of the gzip file at `path`.
pub fn gunzip(path: &Path) -> std::io::Result<Vec<u8>> {
    let f = std::fs::File::open(path)?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(f).read_to_end(&mut out)?;
    Ok(out)
}

/// The paths of all files under `dir` (recursively) whose extension is one of `exts`,
/// sorted (an unreadable or absent directory gives none).
pub fn paths(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for p in rd.filter_map(Result::ok).map(|e| e.path()) {
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths);
    paths.retain(|p| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e))
    });
    paths.sort();
    paths
}

/// The contents of [`paths`]`(dir, exts)`; `.gz` files are decompressed.
pub fn load(dir: &Path, exts: &[&str]) -> Vec<Vec<u8>> {
    paths(dir, exts)
        .iter()
        .filter_map(|p| {
            if p.extension().is_some_and(|e| e == "gz") {
                gunzip(p).ok()
            } else {
                std::fs::read(p).ok()
            }
        })
        .collect()
}

/// User + system CPU seconds of this process, from /proc (Linux); None elsewhere.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
