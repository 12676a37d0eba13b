//! Behaviour of `Normalizer` on the cases in `tests/data/normalize-cases.jsonl`.
//!
//! Each case names a settings preset, an input, the expected output, and optionally whether
//! the result must be borrowed and which repairs (`[from, via]`) must be reported first.

use std::borrow::Cow;

use pagesift_normalize::{Normalizer, Settings, UnicodeForm};

fn preset(name: &str) -> Settings {
    match name {
        "default" => Settings::new(),
        "nfkc" => Settings::new().with_unicode_form(UnicodeForm::Nfkc),
        "typography" => Settings::new().with_fold_typography(true),
        "no-repair" => Settings::new().with_repair_mojibake(false),
        other => panic!("help: unknown settings preset {other:?} in normalize-cases.jsonl"),
    }
}

#[test]
fn normalize_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/normalize-cases.jsonl"
    );
    let data = std::fs::read_to_string(path).expect("fixture readable");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
        let s = |k: &str| {
            case.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let (name, input, output) = (s("name"), s("input"), s("output"));
        let normalizer = Normalizer::new(preset(&s("settings")));
        n += 1;
        let got = normalizer.normalize(&input);
        if got != output {
            failures.push(format!("{name}: expected {output:?}, got {got:?}"));
            continue;
        }
        if case.get("borrowed").and_then(|v| v.as_bool()) == Some(true)
            && !matches!(got, Cow::Borrowed(_))
        {
            failures.push(format!("{name}: expected Cow::Borrowed"));
        }
        let report = normalizer.normalize_report(&input);
        if report.text != output {
            failures.push(format!("{name}: normalize_report gave {:?}", report.text));
        }
        let (text, repairs) = normalizer.normalize_with_repairs(&input);
        if text != output || repairs != report.repairs {
            failures.push(format!(
                "{name}: normalize_with_repairs gave {text:?} {repairs:?}"
            ));
        }
        if let Some(expected) = case.get("repairs").and_then(|v| v.as_array()) {
            let want: Vec<(String, String)> = expected
                .iter()
                .filter_map(|p| {
                    Some((
                        p.get(0)?.as_str()?.to_owned(),
                        p.get(1)?.as_str()?.to_owned(),
                    ))
                })
                .collect();
            let got: Vec<(String, String)> = report
                .repairs
                .iter()
                .map(|r| (r.from.clone(), r.via.clone()))
                .collect();
            if !got.starts_with(&want) {
                failures.push(format!(
                    "{name}: repairs {got:?}, expected to start with {want:?}"
                ));
            }
        }
        // Idempotent.
        let again = normalizer.normalize(&output);
        if again != output {
            failures.push(format!("{name}: not idempotent: {again:?}"));
        }
    }
    assert!(n >= 15, "help: fixture has only {n} cases");
    assert!(
        failures.is_empty(),
        "help: failing cases:\n{}",
        failures.join("\n")
    );
}

#[test]
fn offsets_point_back_into_the_input() {
    let normalizer = Normalizer::new(Settings::new());
    let input =
        "  Цифровая\u{00a0}\u{00a0}трансформация &amp; РњРёРЅРёСЃС‚РµСЂСЃС‚РІРѕ\r\nITU’s  plan";
    let report = normalizer.normalize_report(input);
    assert_eq!(
        report.text,
        "Цифровая трансформация & Министерство\nITU’s plan"
    );
    assert_eq!(report.offsets.len(), report.text.len() + 1);
    assert_eq!(report.offsets[report.text.len()], input.len());
    assert!(
        report.offsets.windows(2).all(|w| w[0] <= w[1]),
        "offsets must not decrease"
    );
    assert!(report.offsets.iter().all(|&o| input.is_char_boundary(o)));
    let find = |needle: &str| {
        let s = report.text.find(needle).expect("needle in output");
        let r = report
            .source_range(s, s + needle.len())
            .expect("valid range");
        &input[r]
    };
    assert_eq!(find("трансформация"), "трансформация");
    assert_eq!(find("Цифровая"), "Цифровая");
    assert_eq!(find("&"), "&amp;");
    assert_eq!(find("Министерство"), "РњРёРЅРёСЃС‚РµСЂСЃС‚РІРѕ");
    assert_eq!(find("plan"), "plan");
    assert!(
        report.source_offset(1).is_err(),
        "inside a char is an error"
    );
    assert!(report.source_range(5, 2).is_err());
    let err = report.source_offset(10_000).unwrap_err();
    assert!(
        err.to_string().contains("10000"),
        "error names the offset: {err}"
    );
}

#[test]
fn steps_are_listed_in_order() {
    assert_eq!(
        Settings::new().steps(),
        [
            "invisible",
            "mojibake",
            "c1-and-soft-hyphen",
            "html-references",
            "nfc",
            "spaces-and-lines"
        ]
    );
    assert_eq!(
        Settings::none()
            .with_fold_quotes(true)
            .with_unicode_form(UnicodeForm::Nfkc)
            .steps(),
        ["typography", "nfkc"]
    );
    assert!(Settings::none().steps().is_empty());
}

#[test]
fn clean_text_is_borrowed_and_empty_is_fine() {
    let normalizer = Normalizer::default();
    for clean in ["", "x", "Простой текст.", "Plain text with one space."] {
        assert!(
            matches!(normalizer.normalize(clean), Cow::Borrowed(_)),
            "{clean:?}"
        );
        let report = normalizer.normalize_report(clean);
        assert_eq!(report.text, clean);
        assert!(report.repairs.is_empty());
        assert_eq!(report.offsets.len(), clean.len() + 1);
    }
}
