//! ftfy's own test cases (../shared/data/ftfy-cases), run through our repair.
//!
//! In scope: every case not marked `"expect": "fail"` and not about ftfy's HTML or
//! terminal-escape features. A case with `fixed-encoding` is compared against the mojibake
//! repair alone (plus C1 controls read as windows-1252, which ftfy's `fix_encoding` also
//! does); the others against the full pipeline with ftfy-like cosmetic settings.
//!
//! Run: `cargo test -p pagesift-normalize --test ftfy_cases -- --nocapture`

mod common;

use pagesift_normalize::{Normalizer, Settings};

fn is_cyrillic_case(case: &serde_json::Value) -> bool {
    let text = |k: &str| {
        case.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned()
    };
    let all = format!(
        "{} {} {} {}",
        text("label"),
        text("original"),
        text("fixed"),
        text("fixed-encoding")
    );
    all.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c))
        || ["1251", "Cyrillic", "Russian", "Ukrainian", "KOI8"]
            .iter()
            .any(|k| text("label").contains(k))
}

#[test]
fn ftfy_cases_pass_share() {
    let Some(dir) = common::shared_data("ftfy-cases") else {
        return;
    };
    let encoding_only = Normalizer::new(
        Settings::none()
            .with_repair_mojibake(true)
            .with_c1_as_windows_1252(true),
    );
    let cosmetic = Normalizer::new(
        Settings::none()
            .with_repair_mojibake(true)
            .with_c1_as_windows_1252(true)
            .with_decode_entities(true)
            .with_fold_quotes(true)
            .with_fold_width(true)
            .with_unicode_form(pagesift_normalize::UnicodeForm::Nfc),
    );
    let (mut total, mut pass, mut cyr_total, mut cyr_pass, mut skipped) = (0, 0, 0, 0, 0);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("ftfy-cases readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for path in files {
        let raw = std::fs::read_to_string(&path).expect("case file is UTF-8");
        let cases: Vec<serde_json::Value> = serde_json::from_str(&raw).expect("case file is JSON");
        for case in cases {
            let s = |k: &str| case.get(k).and_then(|v| v.as_str());
            let label = s("label").unwrap_or("");
            let comment = s("comment").unwrap_or("");
            let original = s("original").unwrap_or("");
            if s("expect") == Some("fail")
                || label.contains("HTML")
                || comment.contains("HTML")
                || original.contains('\u{1b}')
            {
                skipped += 1;
                continue;
            }
            let (expected, got) = match s("fixed-encoding") {
                Some(fe) => (fe, encoding_only.normalize(original)),
                None => (s("fixed").unwrap_or(""), cosmetic.normalize(original)),
            };
            total += 1;
            let cyr = is_cyrillic_case(&case);
            cyr_total += usize::from(cyr);
            if got == expected {
                pass += 1;
                cyr_pass += usize::from(cyr);
            } else {
                eprintln!(
                    "MISS {}: {label}\n  original: {original:?}\n  expected: {expected:?}\n  got:      {got:?}",
                    path.file_name().and_then(|f| f.to_str()).unwrap_or("?")
                );
            }
        }
    }
    let share = pass as f64 / total.max(1) as f64;
    eprintln!(
        "ftfy cases in scope: {pass}/{total} = {:.1}% (Cyrillic {cyr_pass}/{cyr_total}; {skipped} skipped: expect=fail or HTML/escapes)",
        share * 100.0
    );
    assert!(
        total >= 100,
        "help: expected the five ftfy case files, found {total} in-scope cases"
    );
    assert!(
        share >= 0.95,
        "help: pass share {:.1}% is below the 95% target",
        share * 100.0
    );
    assert_eq!(cyr_pass, cyr_total, "help: every Cyrillic case must pass");
}
