//! Property tests: nothing panics, normalisation is idempotent, every offset is a char
//! boundary. Inputs mix the characters the steps react to (mojibake pieces, invisible
//! characters, references, spaces, combining marks, Cyrillic).

use pagesift_normalize::{
    fold_for_matching, fold_span_map, sentences, words, Normalizer, Settings, UnicodeForm,
};
use proptest::prelude::*;

fn pieces() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a",
        "Z",
        "7",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\t",
        ".",
        "'",
        "’",
        "ʼ",
        "-",
        "г.",
        "т.д.",
        "e.g.",
        "\u{a0}",
        "\u{200b}",
        "\u{200d}",
        "\u{ad}",
        "\u{feff}",
        "\u{85}",
        "\u{96}",
        "\u{1}",
        "\u{7f}",
        "\u{301}",
        "\u{308}",
        "е",
        "ё",
        "Ё",
        "і",
        "ў",
        "Р",
        "С",
        "Ѓ",
        "Рё",
        "СЃ",
        "РІ",
        "Ã",
        "©",
        "Ã©",
        "â€œ",
        "€",
        "п═",
        "╨",
        "Ì³",
        "&",
        "&amp;",
        "amp;",
        "nbsp;",
        "&#1052;",
        "&#",
        "Ｆ",
        "ﬁ",
        "…",
        "«",
        "»",
        "№",
        "😀",
        "\u{2028}",
        "Министерство",
        "ITU's",
        "COVID-19",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

fn all_settings() -> Vec<Settings> {
    vec![
        Settings::new(),
        Settings::new()
            .with_fold_typography(true)
            .with_unicode_form(UnicodeForm::Nfkc),
        Settings::none().with_repair_mojibake(true),
        Settings::new().with_c1_as_windows_1252(false),
    ]
}

fn check(text: &str) -> Result<(), TestCaseError> {
    for settings in all_settings() {
        let n = Normalizer::new(settings);
        let once = n.normalize(text).into_owned();
        let twice = n.normalize(&once).into_owned();
        prop_assert_eq!(&once, &twice, "not idempotent for {:?}", text);
        let report = n.normalize_report(text);
        prop_assert_eq!(&report.text, &once);
        prop_assert_eq!(report.offsets.len(), report.text.len() + 1);
        prop_assert_eq!(report.offsets[report.text.len()], text.len());
        for (i, &o) in report.offsets.iter().enumerate() {
            prop_assert!(
                text.is_char_boundary(o),
                "offset {} -> {} not a boundary",
                i,
                o
            );
        }
        prop_assert!(
            report.offsets.windows(2).all(|w| w[0] <= w[1]),
            "offsets decrease"
        );
        for (i, _) in report.text.char_indices() {
            let r = report
                .source_range(i, report.text.len())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end) && r.start <= r.end
            );
        }
    }
    for spans in [words(text), sentences(text)] {
        for s in spans {
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert_eq!(&text[s.start..s.end], s.text);
        }
    }
    let folded = fold_for_matching(text);
    let (mapped, map) = fold_span_map(text);
    prop_assert_eq!(folded.as_ref(), mapped.as_str());
    prop_assert!(map.iter().all(|&o| text.is_char_boundary(o)));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn structured_inputs(text in pieces()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,60}") {
        check(&text)?;
    }
}
