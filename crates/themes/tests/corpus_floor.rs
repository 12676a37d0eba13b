//! Quality floor over the labelled paragraphs in `corpus/themes/`: the issue 6 targets
//! (micro F1 ≥ 0.92 for en, ru and be, precision ≥ 0.95) must keep holding, with a margin
//! kept small on purpose so regressions show. Run the `report` example for the full table.

mod eval;

use pagesift_themes::{Tagger, Taxonomy};

#[test]
fn default_taxonomy_meets_the_quality_floor() {
    let cases = match eval::load() {
        Ok(c) => c,
        Err(e) => panic!("labelled corpus missing or invalid: {e}"),
    };
    for (lang, min) in [("en", 40), ("ru", 40), ("be", 40), ("uk", 20)] {
        let n = cases.iter().filter(|c| c.lang == lang).count();
        assert!(
            n >= min,
            "corpus/themes/{lang}.jsonl has {n} paragraphs, need {min}"
        );
    }
    let tagger = Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("builds");
    let ev = eval::run(&tagger, &cases, false);
    let mut failures = Vec::new();
    for (lang, f1_min) in [("en", 0.92), ("ru", 0.92), ("be", 0.92), ("uk", 0.90)] {
        let c = ev.per_lang[lang];
        if c.f1() < f1_min || c.precision() < 0.95 {
            failures.push(format!(
                "{lang}: P {:.3} R {:.3} F1 {:.3} (need P ≥ 0.95, F1 ≥ {f1_min})",
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nhelp: `cargo run --release -p pagesift-themes --example report -- --misses` lists the errors",
        failures.join("\n")
    );
}

#[test]
fn unknown_language_costs_little() {
    // Blocks whose language is unknown are matched against every language's terms; that
    // must not flood the output with false positives.
    let cases = eval::load().expect("corpus");
    let tagger = Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("builds");
    let ev = eval::run(&tagger, &cases, true);
    let mut all = eval::Counts::default();
    for c in ev.per_lang.values() {
        all.add(*c);
    }
    assert!(
        all.precision() >= 0.95,
        "precision {:.3} with unknown language",
        all.precision()
    );
    assert!(all.f1() >= 0.90, "F1 {:.3} with unknown language", all.f1());
}

#[test]
fn every_gold_theme_exists() {
    let tax = Taxonomy::default_taxonomy();
    for c in eval::load().expect("corpus") {
        for t in &c.gold {
            assert!(
                tax.get(t).is_some(),
                "{}:{}: unknown theme {t}",
                c.lang,
                c.line
            );
        }
    }
}

#[test]
fn whole_pages_of_the_corpus_stay_above_a_floor() {
    // Pages written and labelled by the corpus helper (independently of this crate):
    // a guard against regressions, not a target. Figures in the crate README.
    let pages = eval::load_pages().expect("corpus/pages readable");
    if pages.is_empty() {
        eprintln!("note: corpus/pages not found; page-level floor skipped");
        return;
    }
    let tagger = Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("builds");
    let ev = eval::run_pages(&tagger, &pages);
    let mut all = eval::Counts::default();
    let mut failures = Vec::new();
    // Measured: en 0.867, ru 0.925, be 0.897, uk 0.839 (F1); all P 0.925, F1 0.889. Since
    // density counts mentions (session 3), a single passing mention no longer reports in a
    // long page: the blind page sets gained precision (0.892 -> 0.968) and this corpus,
    // whose gold labels some single mentions, lost recall (0.890 -> 0.855).
    for (lang, c) in &ev.per_lang {
        all.add(*c);
        let f1_min = if lang == "ru" { 0.90 } else { 0.82 };
        if c.f1() < f1_min || c.precision() < 0.86 {
            failures.push(format!(
                "{lang}: P {:.3} R {:.3} F1 {:.3} (need P ≥ 0.86, F1 ≥ {f1_min})",
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
    }
    if all.precision() < 0.91 || all.f1() < 0.87 {
        failures.push(format!(
            "all: P {:.3} R {:.3} F1 {:.3} (need P ≥ 0.91, F1 ≥ 0.87)",
            all.precision(),
            all.recall(),
            all.f1()
        ));
    }
    assert!(
        failures.is_empty(),
        "pages:\n{}\nhelp: `cargo run --release -p pagesift-themes --example report -- --misses`",
        failures.join("\n")
    );
}

#[test]
fn heldout_page_sets_load_and_score_like_corpus_pages() {
    // The `report --heldout` format, on a fixture written for this test (3 pages, one
    // with an empty title, one blank line).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pages = eval::load_heldout(&dir.join("heldout_sample.jsonl"))
        .expect("valid")
        .expect("exists");
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[1].title, "");
    assert_eq!(
        pages[2].blocks.len(),
        1,
        "a first block repeating the title is dropped"
    );
    let tagger = Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("builds");
    let ev = eval::run_pages(&tagger, &pages);
    assert_eq!(ev.cases.values().sum::<usize>(), 3);
    assert!(ev.per_lang["en"].tp >= 2, "5G and spectrum on the en page");
    assert!(eval::load_heldout(&dir.join("no-such-file.jsonl"))
        .expect("absent is not an error")
        .is_none());
    let bad =
        std::env::temp_dir().join(format!("pagesift-heldout-bad-{}.jsonl", std::process::id()));
    std::fs::write(
        &bad,
        "{\"id\": \"x\", \"lang\": \"en\", \"blocks\": \"x\"}\n",
    )
    .expect("temp");
    let err = eval::load_heldout(&bad)
        .err()
        .expect("blocks must be an array");
    let _ = std::fs::remove_file(&bad);
    assert!(err.contains(":1:") && err.contains("blocks"), "{err}");
}

#[test]
fn second_annotations_name_every_page_of_their_set_once() {
    let dir = eval::corpus_dir();
    let mut checked = 0;
    for set in ["blind3", "blind4", "blind5", "blind6", "blind7", "blind8"] {
        let labels = dir.join(set).join("second-annotator.jsonl");
        let Ok(Some(mut pages)) = eval::load_heldout(&dir.join(set).join("pages.jsonl")) else {
            continue;
        };
        eval::relabel(&mut pages, &labels).unwrap_or_else(|e| panic!("{set}: {e}"));
        checked += 1;
    }
    if checked == 0 {
        eprintln!("skipping: no page set with a second annotation under corpus/themes");
        return;
    }
    // A page labelled twice, or a page of the set left out, is refused.
    let tmp = std::env::temp_dir().join(format!("pagesift-relabel-{}.jsonl", std::process::id()));
    let mut pages = eval::load_heldout(&dir.join("blind3/pages.jsonl"))
        .expect("loads")
        .expect("present");
    let first = pages[0].name.clone();
    std::fs::write(
        &tmp,
        format!(
            "{{\"id\": \"{first}\", \"themes\": []}}\n{{\"id\": \"{first}\", \"themes\": []}}\n"
        ),
    )
    .expect("writes");
    let twice = eval::relabel(&mut pages, &tmp).expect_err("a page labelled twice");
    assert!(twice.contains("labelled twice"), "{twice}");
    std::fs::write(&tmp, format!("{{\"id\": \"{first}\", \"themes\": []}}\n")).expect("writes");
    let missing = eval::relabel(&mut pages, &tmp).expect_err("pages left out");
    assert!(missing.contains("no labels for page"), "{missing}");
    let _ = std::fs::remove_file(&tmp);
}
