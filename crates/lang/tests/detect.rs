//! Behaviour of `Detector::detect` and `Detector::detect_blocks` through the public API.

use pagesift_lang::{BlockText, Detector, Error, Guess, Settings};

fn detector() -> Detector {
    Detector::new(Settings::default()).expect("default settings build")
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn fixture_cases_in_every_tested_language() {
    let d = detector();
    let mut failures = Vec::new();
    for line in fixture("cases.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (want, text) = line.split_once('\t').expect("expected<TAB>text");
        let got = d.detect(text);
        if got.lang != want {
            failures.push(format!(
                "{want} expected, got {} ({:.2}): {text}",
                got.lang, got.confidence
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "help: these fixture cases failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn latin_i_inside_belarusian_words_reads_as_cyrillic_i() {
    let d = detector();
    // Latin "i" (U+0069) typed for "і", as on many Belarusian official sites.
    let text = "Мiнiстэрства сувязi i iнфарматызацыi Рэспублiкi Беларусь";
    assert!(text.contains('i'));
    let g = d.detect(text);
    assert_eq!(g.lang, "be", "{g:?}");
    assert_eq!(g.script.as_deref(), Some("Cyrillic"));
    assert!(g.confidence > 0.8, "{g:?}");
    // A Roman numeral typed with Cyrillic Х is not a Belarusian or Kazakh word.
    let g =
        d.detect("ХХIII заседание Координационного совета по культуре при Министерстве культуры");
    assert_eq!(g.lang, "ru", "{g:?}");
}

#[test]
fn russian_page_with_a_belarusian_quote_reports_both() {
    let d = detector();
    let blocks = [
        BlockText { text: "Обращение Генерального секретаря МСЭ", is_heading: true },
        BlockText {
            text: "Министерство связи и информатизации публикует обращение Генерального секретаря \
                   Международного союза электросвязи по случаю Всемирного дня электросвязи.",
            is_heading: false,
        },
        BlockText {
            text: "«Сёння больш чым калі-небудзь нам трэба падключыць тых, хто яшчэ не мае доступу да сеціва».",
            is_heading: false,
        },
        BlockText {
            text: "В этом году тема дня посвящена ускорению цифровой трансформации в сложные времена.",
            is_heading: false,
        },
    ];
    let page = d.detect_blocks(&blocks, Some("ru"));
    assert_eq!(page.lang, "ru");
    assert_eq!(page.blocks.len(), 4);
    assert_eq!(page.blocks[2].lang, "be", "{:?}", page.blocks[2]);
    let langs: Vec<&str> = page.mix.iter().map(|s| s.lang.as_str()).collect();
    assert_eq!(langs, ["ru", "be"], "{:?}", page.mix);
    let total: f64 = page.mix.iter().map(|s| s.share).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert!(page.mix[0].share > page.mix[1].share && page.mix[1].share > 0.1);
}

#[test]
fn headings_and_short_blocks_lean_on_the_prior() {
    let d = detector();
    // "Навiны" / "Контакты" / "Прэс-служба"-like menu items are too short to judge alone.
    for (heading, prior) in [
        ("Новости", "ru"),
        ("Контакты", "ru-RU"),
        ("Навіны", "be-BY"),
        ("Новини", "uk"),
    ] {
        let page = d.detect_blocks(
            &[BlockText {
                text: heading,
                is_heading: true,
            }],
            Some(prior),
        );
        let want = &prior[..2];
        assert_eq!(
            page.blocks[0].lang, want,
            "{heading} with prior {prior}: {:?}",
            page.blocks[0]
        );
    }
    // The prior does not override letters that settle the question: ў is only Belarusian.
    let page = d.detect_blocks(
        &[BlockText {
            text: "Галоўная старонка",
            is_heading: true,
        }],
        Some("ru"),
    );
    assert_eq!(page.blocks[0].lang, "be");
    // A short non-heading block leans on the prior too.
    let page = d.detect_blocks(
        &[BlockText {
            text: "Пресс-центр",
            is_heading: false,
        }],
        Some("rus"),
    );
    assert_eq!(page.blocks[0].lang, "ru");
}

#[test]
fn too_short_or_letterless_text_is_und() {
    let d = detector();
    for text in [
        "",
        "   ",
        "12345 !!! 67.89",
        "—",
        "ok",
        "й",
        "§ 2.1 (3)",
        "\u{200b}\u{feff}",
    ] {
        let g = d.detect(text);
        assert_eq!(g.lang, "und", "{text:?} gave {g:?}");
        assert!(g.is_und());
        assert_eq!(g.confidence, 0.0);
        assert!(!g.reliable);
    }
    let page = d.detect_blocks(
        &[BlockText {
            text: "12:30",
            is_heading: false,
        }],
        None,
    );
    assert_eq!(page.lang, "und");
    assert!(page.mix.is_empty());
    let page = d.detect_blocks(&[], Some("ru"));
    assert_eq!(
        (page.lang.as_str(), page.confidence, page.blocks.len()),
        ("und", 0.0, 0)
    );
}

#[test]
fn min_confidence_turns_unclear_guesses_into_und() {
    let strict = Detector::new(Settings::default().with_min_confidence(0.99)).unwrap();
    // Letters shared by Russian, Bulgarian and Ukrainian: not settled by one word.
    assert_eq!(strict.detect("работа").lang, "und");
    assert_eq!(
        strict
            .detect("Дзякуй за ўвагу, паважаныя сябры, і да пабачэння!")
            .lang,
        "be"
    );
}

#[test]
fn kazakh_is_never_called_something_else_with_confidence() {
    let d = detector();
    let g = d.detect("Қазақстан Республикасы");
    assert_eq!(g.lang, "kk", "{g:?}");
    // Kazakh words without Kazakh-only letters: whatever the answer, not a confident one.
    let g = d.detect("бойынша жылдан бастап");
    assert!(g.lang == "kk" || g.confidence < 0.8, "{g:?}");
    // Kazakh not allowed: the closest allowed language, but never with confidence.
    let no_kk =
        Detector::new(Settings::default().with_allowlist(["ru", "uk", "be", "bg"])).unwrap();
    let g = no_kk
        .detect("Қазақстан Республикасының Цифрлық даму министрлігі жаңа бағдарламаны іске қосты.");
    assert!(g.confidence <= 0.2 && !g.reliable, "{g:?}");
}

#[test]
fn allowlist_restricts_answers_and_rejects_unknown_codes() {
    let d = Detector::new(Settings::default().with_allowlist(["ru", "en"])).unwrap();
    let mut langs = d.languages();
    langs.sort_unstable();
    assert_eq!(langs, ["en", "ru"]);
    // Belarusian text, Belarusian not allowed: the closest allowed language.
    assert_eq!(d.detect("Дзякуй за ўвагу, паважаныя сябры!").lang, "ru");

    let err = Detector::new(Settings::default().with_allowlist(["ru", "xx-YY"])).unwrap_err();
    assert!(matches!(err, Error::UnknownLanguage(ref c) if c == "xx-YY"));
    assert!(err.to_string().contains("xx-YY"), "{err}");
    let err = Detector::new(Settings::default().with_allowlist(Vec::<String>::new())).unwrap_err();
    assert!(matches!(err, Error::EmptyAllowlist));
    assert!(Detector::new(Settings::default().with_prior("klingon")).is_err());
    assert!(Detector::new(Settings::default().with_allowlist(["be-BY", "rus", "KK"])).is_ok());
}

#[test]
fn supported_languages_are_what_a_detector_without_an_allowlist_answers() {
    let mut all = pagesift_lang::supported_languages();
    all.sort_unstable();
    let mut default = Detector::new(Settings::default()).unwrap().languages();
    default.sort_unstable();
    assert_eq!(all, default);
    for code in ["be", "ru", "uk", "en", "kk"] {
        assert!(all.contains(&code), "{code}");
    }
    assert!(!all.contains(&pagesift_lang::UND));
    // Each code names itself: an allowlist of one supported code answers that code.
    for code in &all {
        let d = Detector::new(Settings::default().with_allowlist([code])).unwrap();
        assert_eq!(d.languages(), [*code]);
    }
}

#[test]
fn settings_prior_breaks_ties_in_detect() {
    let be = Detector::new(Settings::default().with_prior("be")).unwrap();
    let uk = Detector::new(Settings::default().with_prior("uk")).unwrap();
    // "навіны" could be Belarusian or Ukrainian-looking; each prior takes it.
    assert_eq!(be.detect("навіны").lang, "be");
    assert_eq!(uk.detect("новини").lang, "uk");
}

#[test]
fn south_slavic_margin_sends_ambiguous_text_to_russian_but_not_clear_bulgarian() {
    let langs = ["ru", "bg", "mk", "sr"];
    let lean = Detector::new(
        Settings::default()
            .with_allowlist(langs)
            .with_south_slavic_margin(3.0),
    )
    .unwrap();
    // Words spelled alike in all four: the margin decides.
    for text in ["Работа", "Проблема", "Минута"] {
        assert_eq!(lean.detect(text).lang, "ru", "{text}");
    }
    // Bulgarian evidence (ъ, the article, "ще") still outweighs it.
    let bg = "Утре ще дойде новият министър, който ще говори пред хората.";
    assert_eq!(lean.detect(bg).lang, "bg");
    // Odd values are clamped, not an error.
    let odd = Detector::new(
        Settings::default()
            .with_allowlist(langs)
            .with_south_slavic_margin(f32::NAN),
    )
    .unwrap();
    assert_eq!(odd.detect(bg).lang, "bg");
}

#[test]
fn guess_serialises_with_stable_field_names() {
    let g = detector().detect("Министерство связи и информатизации Республики Беларусь");
    let json = serde_json::to_value(&g).unwrap();
    assert_eq!(json["lang"], "ru");
    assert_eq!(json["script"], "Cyrillic");
    assert!(json["confidence"].as_f64().unwrap() > 0.5);
    assert!(json["reliable"].is_boolean());
    let und = serde_json::to_string(&detector().detect("")).unwrap();
    assert_eq!(
        und,
        r#"{"lang":"und","script":null,"confidence":0.0,"reliable":false}"#
    );
}

#[test]
fn detector_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Detector>();
    check::<Guess>();
}

proptest::proptest! {
    #[test]
    fn never_panics_and_confidence_stays_in_range(text in "\\PC{0,80}") {
        let d = detector();
        let g = d.detect(&text);
        proptest::prop_assert!((0.0..=1.0).contains(&g.confidence));
        proptest::prop_assert!(g.lang == "und" || g.lang.len() == 2 || g.lang.len() == 3);
        let page = d.detect_blocks(&[BlockText { text: &text, is_heading: false }], Some(&text));
        proptest::prop_assert!((0.0..=1.0).contains(&page.confidence));
    }
}
