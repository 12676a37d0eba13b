//! `words` and `sentences` on the cases in `tests/data/segment-cases.jsonl`.

use pagesift_normalize::{sentences, words, Span};

fn check_spans(text: &str, spans: &[Span<'_>]) {
    for s in spans {
        assert_eq!(
            &text[s.start..s.end],
            s.text,
            "span text must equal the slice"
        );
    }
    assert!(
        spans.windows(2).all(|w| w[0].end <= w[1].start),
        "spans in order, disjoint"
    );
}

#[test]
fn segment_cases() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/segment-cases.jsonl"
    );
    let data = std::fs::read_to_string(path).expect("fixture readable");
    let mut failures = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("fixture line is JSON");
        let text = case["text"].as_str().unwrap_or_default();
        for (key, f) in [
            ("words", words as fn(&str) -> Vec<Span<'_>>),
            ("sentences", sentences),
        ] {
            let Some(want) = case.get(key).and_then(|v| v.as_array()) else {
                continue;
            };
            let want: Vec<&str> = want.iter().filter_map(|v| v.as_str()).collect();
            let spans = f(text);
            check_spans(text, &spans);
            let got: Vec<&str> = spans.iter().map(|s| s.text).collect();
            if got != want {
                failures.push(format!(
                    "{key} of {text:?}:\n  expected {want:?}\n  got      {got:?}"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "help: failing cases:\n{}",
        failures.join("\n")
    );
}
