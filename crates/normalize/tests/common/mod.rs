//! Helpers shared by the data-driven tests (included with `mod common;`).
#![allow(dead_code)]

use std::path::PathBuf;

/// `../shared/data` beside the workspace, or `$PAGESIFT_SHARED_DATA`; `None` (and a message)
/// when it is absent.
pub fn shared_data(sub: &str) -> Option<PathBuf> {
    let base = match std::env::var_os("PAGESIFT_SHARED_DATA") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    let p = base.join(sub);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIP: shared data {} not found (set PAGESIFT_SHARED_DATA to the shared/data folder)",
            p.display()
        );
        None
    }
}
