//! The optional lingua fallback (feature `lingua-fallback`) through the public API.
#![cfg(feature = "lingua-fallback")]

use pagesift_lang::{Detector, Guess, Settings};

const ALLOW: [&str; 8] = ["be", "ru", "uk", "bg", "mk", "sr", "kk", "en"];

fn plain() -> Detector {
    Detector::new(Settings::default().with_allowlist(ALLOW)).expect("allowlist builds")
}

/// Codes of the languages whose alphabet has this letter, among the allowed ones.
fn alphabets_with(letter: char) -> &'static [&'static str] {
    match letter {
        'ў' => &["be"],
        'ї' | 'є' | 'ґ' => &["uk"],
        'і' | 'i' => &["uk", "be", "kk"],
        _ => &[],
    }
}

/// The fallback keeps our answer or moves it to a language whose alphabet has `letter`
/// (when given); with the same answer its confidence is at least ours, with another at
/// most 1 - ours.
fn check_against_plain(text: &str, letter: Option<char>) -> Result<(), String> {
    let (ours, theirs): (Guess, Guess) = (plain().detect(text), with_fallback().detect(text));
    if let Some(letter) = letter.filter(|_| theirs.lang != ours.lang) {
        if !alphabets_with(letter).contains(&theirs.lang.as_str()) {
            return Err(format!("{text:?} has {letter}: {ours:?} -> {theirs:?}"));
        }
    }
    if theirs.lang == ours.lang && theirs.confidence < ours.confidence {
        return Err(format!("{text:?}: confidence fell, {ours:?} -> {theirs:?}"));
    }
    if theirs.lang != ours.lang && theirs.confidence > 1.0 - ours.confidence + 1e-12 {
        return Err(format!(
            "{text:?}: override above 1 - ours, {ours:?} -> {theirs:?}"
        ));
    }
    Ok(())
}

fn with_fallback() -> Detector {
    Detector::new(
        Settings::default()
            .with_allowlist(ALLOW)
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
    let plain = plain();
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
    let plain = plain();
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
    let with_long = |below: f64| {
        Detector::new(
            Settings::default()
                .with_allowlist(ALLOW)
                .with_fallback(0.65)
                .with_long_text_fallback(below),
        )
        .expect("allowlist builds")
    };
    let long = with_long(0.65);
    let g = long.detect(text);
    assert_eq!(g.lang, "ru", "{g:?}");
    assert!(g.confidence > c, "{g:?}");
    assert_eq!(long.fallback_calls(), 1);
    let never = with_long(0.0);
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

#[test]
fn lingua_never_hands_the_answer_to_a_language_without_a_letter_of_the_text() {
    // From a fuzz run: be 0.49 became ru 0.96, though Russian has no ў.
    let text = "дежьеншўрхьцлч";
    check_against_plain(text, Some('ў')).unwrap();
    assert_eq!(with_fallback().detect(text).lang, "be");
    // Latin i inside a Cyrillic word is read as і, by the letters and by lingua alike.
    check_against_plain("Мiнскi абласны выканаўчы", Some('i')).unwrap();
}

#[test]
fn letter_runs_are_not_made_confident_by_lingua() {
    // No word-like word (one letter repeated, no vowel): lingua is not asked, our answer
    // and its low confidence stand (lingua said bg 0.99 and bg 0.34 here).
    let d = with_fallback();
    for text in ["ЙЙЙЙ", "аааа", "ЖЖЖ ЖЖЖ", "МВД"] {
        assert_eq!(d.detect(text), plain().detect(text), "{text}");
    }
    assert_eq!(d.fallback_calls(), 0);
}

#[test]
fn agreeing_with_lingua_never_lowers_confidence() {
    // Re-asked, lingua agrees: the confidence was 0.38 before and 0.18 after.
    let text = "Олег";
    let (ours, theirs) = (plain().detect(text), with_fallback().detect(text));
    assert_eq!(theirs.lang, ours.lang, "{ours:?} {theirs:?}");
    assert!(theirs.confidence >= ours.confidence, "{ours:?} {theirs:?}");
    check_against_plain("Работа отдела", None).unwrap();
    // min_confidence treats both builds alike: what passes without the fallback passes
    // with it when the answer is the same.
    let strict = Detector::new(
        Settings::default()
            .with_allowlist(ALLOW)
            .with_fallback(0.65)
            .with_min_confidence(ours.confidence),
    )
    .unwrap();
    assert_eq!(strict.detect(text).lang, ours.lang);
}

#[test]
fn a_huge_block_reaches_lingua_only_up_to_the_cap() {
    // 8 MB of Cyrillic text re-asked at every length: lingua sees its first
    // FALLBACK_MAX_BYTES, so the call stays cheap; here just that it works.
    let d = Detector::new(
        Settings::default()
            .with_allowlist(ALLOW)
            .with_fallback(0.65)
            .with_long_text_fallback(1.0),
    )
    .unwrap();
    let huge = "Работа отдела, нова вода. ".repeat(8 << 20 >> 5);
    assert!(huge.len() > 8_000_000);
    let g = d.detect(&huge);
    assert_eq!(d.fallback_calls(), 1, "{g:?}");
    assert!((0.0..=1.0).contains(&g.confidence), "{g:?}");
    // The same answer as for a text of the cap alone (cut at a character boundary
    // whatever the repeated text's length).
    let mut cap = pagesift_lang::FALLBACK_MAX_BYTES;
    while !huge.is_char_boundary(cap) {
        cap -= 1;
    }
    let head = &huge[..huge[..cap].rfind(' ').unwrap()];
    assert_eq!(d.detect(head).lang, g.lang);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    // A letter one alphabet has and the others lack, anywhere in random Cyrillic text:
    // the fallback keeps our answer or picks a language that has the letter.
    #[test]
    fn the_fallback_never_moves_to_a_language_without_a_letter_of_the_text(
        before in "[а-яёіь ]{0,24}",
        letter in proptest::sample::select(vec!['ў', 'ї', 'є', 'ґ', 'Ў', 'Ї', 'Є', 'Ґ']),
        after in "[а-яё ]{0,24}",
    ) {
        let text = format!("{before}{letter}{after}");
        let lower = letter.to_lowercase().next().unwrap_or(letter);
        if let Err(e) = check_against_plain(&text, Some(lower)) {
            return Err(proptest::test_runner::TestCaseError::fail(e));
        }
    }

    // The same for a Latin i typed inside a Cyrillic word, read as і. No м (nor с, х): a
    // word of those and one vowel may be a Roman numeral typed with look-alike letters,
    // and its i is deliberately not read as і (`reads_latin_i`; "мамi" came up).
    #[test]
    fn latin_i_inside_a_word_rules_out_what_cyrillic_i_rules_out(
        word in "[бвгдклнпрт][аоу][бвгдклнпрт]i[а-я]{0,6}",
        rest in "[а-яё ]{0,24}",
    ) {
        let text = format!("{word} {rest}");
        if let Err(e) = check_against_plain(&text, Some('i')) {
            return Err(proptest::test_runner::TestCaseError::fail(e));
        }
    }

    // Any Cyrillic text: agreeing with lingua never lowers our confidence, overriding us
    // never claims more than 1 - ours.
    #[test]
    fn confidence_is_a_blend_of_both_opinions(text in "[а-яёіўїєґ' ]{1,40}") {
        if let Err(e) = check_against_plain(&text, None) {
            return Err(proptest::test_runner::TestCaseError::fail(e));
        }
    }

    // One letter repeated, in words or not: never re-asked, so never made confident.
    #[test]
    fn a_repeated_letter_is_never_reasked(c in "[а-яёіўїєґ]", n in 3usize..12, gap in proptest::bool::ANY) {
        let text: String = (0..n).map(|k| if gap && k % 3 == 2 { ' ' } else { c.chars().next().unwrap_or('а') }).collect();
        let d = with_fallback();
        proptest::prop_assert_eq!(d.detect(&text), plain().detect(&text));
        proptest::prop_assert_eq!(d.fallback_calls(), 0);
    }
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
