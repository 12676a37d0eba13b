//! The shared-data lookup of `benches/lang.rs`, `examples/lang-report.rs`,
//! `examples/fallback-cost.rs` and `tests/lingua_floor.rs`.

use std::path::PathBuf;

/// The lingua test data: `PAGESIFT_SHARED_DATA`, else `../shared/data` beside the
/// workspace, then `lingua-testdata`.
pub fn lingua_testdata() -> PathBuf {
    std::env::var_os("PAGESIFT_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
        .join("lingua-testdata")
}
