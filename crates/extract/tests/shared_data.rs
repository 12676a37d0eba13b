//! Tests over data outside the repository: ../shared/data (ministry pages, the
//! article-extraction benchmark) and corpus/ (our gold pages). Each skips, saying
//! so, when its data is absent. `PAGESIFT_SHARED_DATA` overrides the shared path.

use std::path::Path;

use pagesift_extract::score::{macro_average, shingle_prf};
use pagesift_extract::{Extractor, PageHints, Settings};

#[path = "../benches/common/mod.rs"]
mod common;
use common::{gunzip, paths, shared_data};

#[test]
fn every_ministry_page_extracts() {
    let dir = shared_data().join("ministry-pages");
    let files = paths(&dir, &["html", "htm"]);
    if files.is_empty() {
        eprintln!(
            "SKIP every_ministry_page_extracts: no pages under {}",
            dir.display()
        );
        return;
    }
    let ex = Extractor::new(Settings::default());
    let mut with_text = 0;
    for f in &files {
        let bytes = std::fs::read(f).expect("read");
        let doc = ex
            .extract(&bytes, &PageHints::default())
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let _ = doc.markdown();
        if !doc.text().is_empty() {
            with_text += 1;
        }
        // No mojibake from a trusted-but-wrong meta charset.
        let text = doc.text();
        assert!(
            !text.contains("Ð¾") && !text.contains("Ñ€") && !text.contains("РѕР"),
            "{}: mojibake in text",
            f.display()
        );
    }
    assert!(
        with_text * 10 >= files.len() * 9,
        "only {with_text} of {} pages gave text",
        files.len()
    );
}

#[test]
fn court_decisions_in_textareas_match_their_print_versions() {
    let dir = shared_data().join("ministry-pages/ua-court-registry");
    let Ok(rd) = std::fs::read_dir(&dir) else {
        eprintln!(
            "SKIP court_decisions_in_textareas: {} absent",
            dir.display()
        );
        return;
    };
    let ex = Extractor::new(Settings::default());
    let mut n = 0;
    for e in rd.flatten() {
        let p = e.path();
        let name = p
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(stem) = name.strip_suffix("_review.html") else {
            continue;
        };
        let print = dir.join(format!("{stem}_print.html"));
        let review = ex
            .extract(&std::fs::read(&p).expect("read"), &PageHints::default())
            .expect("review");
        let Ok(print_bytes) = std::fs::read(&print) else {
            continue;
        };
        let gold = ex
            .extract(&print_bytes, &PageHints::default())
            .expect("print");
        let s = shingle_prf(&gold.text(), &review.text());
        eprintln!("{name}: P={:.3} R={:.3}", s.precision, s.recall);
        // The print page adds a case-metadata table the review page shows elsewhere.
        assert!(
            s.recall > 0.6 && s.precision > 0.8,
            "{name}: P={:.3} R={:.3} against the print version",
            s.precision,
            s.recall
        );
        n += 1;
    }
    assert!(n > 0, "no *_review.html pages in {}", dir.display());
}

/// The F1 floor on our own corpus: measured 0.982 when this test was written.
const CORPUS_F1_FLOOR: f64 = 0.97;
/// The F1 floor on the article-extraction benchmark (body only): measured 0.967.
const BENCHMARK_F1_FLOOR: f64 = 0.96;

#[test]
fn corpus_f1_does_not_slide() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pages");
    let files = paths(&dir, &["html", "htm"]);
    let ex = Extractor::new(Settings::default());
    let mut scores = Vec::new();
    for f in files {
        let Ok(gold) = std::fs::read_to_string(f.with_extension("gold.txt")) else {
            continue;
        };
        let doc = ex
            .extract(&std::fs::read(&f).expect("read"), &PageHints::default())
            .expect("extract");
        scores.push(shingle_prf(&gold, &doc.text()));
    }
    if scores.is_empty() {
        eprintln!(
            "SKIP corpus_f1_does_not_slide: no gold pages in {}",
            dir.display()
        );
        return;
    }
    let m = macro_average(&scores);
    assert!(
        m.f1 >= CORPUS_F1_FLOOR,
        "help: corpus F1 {:.3} (P {:.3}, R {:.3}) fell below {CORPUS_F1_FLOOR}; run `cargo run --release -p pagesift-extract --example eval -- --pages`",
        m.f1,
        m.precision,
        m.recall
    );
}

#[test]
fn benchmark_f1_does_not_slide() {
    let root = shared_data().join("article-extraction-benchmark");
    let Ok(gt) = std::fs::read_to_string(root.join("ground-truth.json")) else {
        eprintln!(
            "SKIP benchmark_f1_does_not_slide: {} absent",
            root.display()
        );
        return;
    };
    let gt: serde_json::Value = serde_json::from_str(&gt).expect("ground truth json");
    let ex = Extractor::new(Settings::body_only());
    let mut scores = Vec::new();
    for (id, v) in gt.as_object().expect("object") {
        let html = gunzip(&root.join("html").join(format!("{id}.html.gz"))).expect("page");
        let text = ex
            .extract(&html, &PageHints::default())
            .map(|d| d.text())
            .unwrap_or_default();
        scores.push(shingle_prf(v["articleBody"].as_str().unwrap_or(""), &text));
    }
    let m = macro_average(&scores);
    assert!(
        m.f1 >= BENCHMARK_F1_FLOOR,
        "help: benchmark F1 {:.3} fell below {BENCHMARK_F1_FLOOR}",
        m.f1
    );
}

#[test]
fn truncated_and_recoded_real_pages_never_fail() {
    let dir = shared_data().join("ministry-pages");
    let files = paths(&dir, &["html", "htm"]);
    if files.is_empty() {
        eprintln!(
            "SKIP truncated_and_recoded_real_pages_never_fail: no pages under {}",
            dir.display()
        );
        return;
    }
    let ex = Extractor::new(Settings::default());
    for f in files.iter().step_by(3) {
        let bytes = std::fs::read(f).expect("read");
        // Cut anywhere: inside tags, entities, UTF-8 sequences.
        for cut in [
            bytes.len() / 7,
            bytes.len() / 3 + 1,
            bytes.len() / 2 + 3,
            bytes.len().saturating_sub(5),
        ] {
            let doc = ex.extract(&bytes[..cut], &PageHints::default());
            assert!(doc.is_ok(), "{} cut at {cut}: {:?}", f.display(), doc.err());
        }
        // Wrong HTTP hints must not break anything either.
        for hint in ["utf-16", "koi8-r", "x-user-defined", "nonsense"] {
            let doc = ex.extract(
                &bytes,
                &PageHints {
                    url: None,
                    http_charset: Some(hint),
                },
            );
            assert!(doc.is_ok(), "{} with http charset {hint}", f.display());
        }
    }
}
