//! The optional lingua fallback (feature `lingua-fallback`) through the public API.
#![cfg(feature = "lingua-fallback")]

use pagesift_lang::{Detector, Settings};

fn with_fallback() -> Detector {
    Detector::new(
        Settings::default()
            .with_allowlist(["be", "ru", "uk", "bg", "mk", "sr", "kk", "en"])
            .with_fallback(0.65),
    )
    .expect("allowlist builds")
}

#[test]
fn letters_settle_before_lingua_is_asked() {
    let d = with_fallback();
    // ў only in Belarusian, ї only in Ukrainian: no second opinion is needed or taken.
    assert_eq!(d.detect("Ўсход сонца").lang, "be");
    assert_eq!(d.detect("Їжак").lang, "uk");
    assert_eq!(d.detect("Hello world, this is English text").lang, "en");
    assert_eq!(d.fallback_calls(), 0);
}

#[test]
fn uncertain_short_text_is_reasked_and_clones_share_the_count() {
    let d = with_fallback();
    let plain = Detector::new(
        Settings::default().with_allowlist(["be", "ru", "uk", "bg", "mk", "sr", "kk", "en"]),
    )
    .expect("allowlist builds");
    // Two words every Cyrillic-script language here could write; the plain detector is
    // unsure of them.
    let text = "Работа отдела";
    assert!(plain.detect(text).confidence < 0.65);
    let g = d.detect(text);
    assert_eq!(g.lang, "ru", "{g:?}");
    assert!(g.confidence > plain.detect(text).confidence, "{g:?}");
    let clone = d.clone();
    assert_eq!(clone.detect("вулиця Шевченка").lang, "uk");
    assert_eq!(d.fallback_calls(), 2);
    assert_eq!(clone.fallback_calls(), 2);
}

#[test]
fn texts_of_three_words_or_more_are_reasked_only_below_the_long_text_threshold() {
    let al = ["be", "ru", "uk", "bg", "mk", "sr", "kk", "en"];
    let plain = Detector::new(Settings::default().with_allowlist(al)).expect("allowlist builds");
    // Three Cyrillic words (the hyphen separates two), unsure between 0.325 and 0.65.
    let text = "Контакты пресс-службы";
    let c = plain.detect(text).confidence;
    assert!((0.325..0.65).contains(&c), "{c}");
    // By default texts of three words or more are re-asked below half the threshold...
    let d = with_fallback();
    assert_eq!(d.detect(text).lang, "ru");
    assert_eq!(d.fallback_calls(), 0);
    // ...while one or two words are re-asked below the threshold itself.
    d.detect("Работа отдела");
    assert_eq!(d.fallback_calls(), 1);
    // The long-text threshold can be set on its own, above or below.
    let long = Detector::new(
        Settings::default()
            .with_allowlist(al)
            .with_fallback(0.65)
            .with_long_text_fallback(0.65),
    )
    .expect("allowlist builds");
    let g = long.detect(text);
    assert_eq!(g.lang, "ru", "{g:?}");
    assert!(g.confidence > c, "{g:?}");
    assert_eq!(long.fallback_calls(), 1);
    let never = Detector::new(
        Settings::default()
            .with_allowlist(al)
            .with_fallback(0.65)
            .with_long_text_fallback(0.0),
    )
    .expect("allowlist builds");
    never.detect("Работа отдела кадров");
    assert_eq!(never.fallback_calls(), 0);
    never.detect("Работа отдела");
    assert_eq!(never.fallback_calls(), 1);
}

#[test]
fn off_unless_asked_for() {
    let d = Detector::new(Settings::default().with_allowlist(["be", "ru", "uk"])).unwrap();
    d.detect("Работа отдела");
    assert_eq!(d.fallback_calls(), 0);
    // Zero and non-finite thresholds turn it off too.
    for below in [0.0, f64::NAN, -1.0] {
        let d = Detector::new(Settings::default().with_fallback(below)).unwrap();
        d.detect("Работа отдела");
        assert_eq!(d.fallback_calls(), 0);
    }
}

#[test]
fn one_cyrillic_language_allowed_needs_no_fallback() {
    let d = Detector::new(
        Settings::default()
            .with_allowlist(["ru", "en"])
            .with_fallback(1.0),
    )
    .unwrap();
    assert_eq!(d.detect("Село").lang, "ru");
    assert_eq!(d.fallback_calls(), 0);
}

#[test]
fn detector_with_fallback_is_send_and_sync() {
    fn check<T: Send + Sync>(_: &T) {}
    let d = with_fallback();
    check(&d);
    let texts = ["Работа отдела", "Головна сторінка", "Навіны"];
    std::thread::scope(|s| {
        for t in texts {
            let d = &d;
            s.spawn(move || d.detect(t));
        }
    });
    assert!(d.fallback_calls() <= 3);
}

#[test]
fn headings_with_a_page_prior_lean_on_the_prior_not_on_lingua() {
    use pagesift_lang::BlockText;
    let d = with_fallback();
    let blocks = [
        BlockText {
            text: "Навіны",
            is_heading: true,
        },
        BlockText {
            text: "Кантакты",
            is_heading: false,
        },
    ];
    let page = d.detect_blocks(&blocks, Some("be-BY"));
    assert_eq!(page.lang, "be", "{page:?}");
    assert_eq!(d.fallback_calls(), 0);
    // Without a prior the same short blocks are re-asked.
    d.detect_blocks(&blocks, None);
    assert!(d.fallback_calls() >= 1);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
    // Any text, mostly Cyrillic letters, spaces, apostrophes and punctuation, goes
    // through lingua without a panic and comes back with a confidence in [0, 1].
    #[test]
    fn any_cyrillic_text_is_safe_with_the_fallback(
        text in "[а-яёіўїєґәқңөұүһјљњџѓќѕђћ'’ .,iI0-9A-Za-z-]{0,300}"
    ) {
        let g = with_fallback().detect(&text);
        proptest::prop_assert!((0.0..=1.0).contains(&g.confidence));
        proptest::prop_assert!(g.lang == "und" || g.lang.len() == 2);
    }

    // Letters every Cyrillic-script language here shares, so that lingua is asked, up to
    // lengths where lingua switches to trigrams only (120 letters).
    #[test]
    fn shared_letters_reach_lingua_safely(text in "[абвгдеиклмнопрстуз ,.]{3,400}") {
        let d = with_fallback();
        let g = d.detect(&text);
        proptest::prop_assert!((0.0..=1.0).contains(&g.confidence));
        proptest::prop_assert!(g.lang == "und" || g.lang.len() == 2);
    }
}
