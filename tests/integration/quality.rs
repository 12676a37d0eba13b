//! Quality gates: the scoreboard's figures on the shipped corpus must not slide below
//! floors set just under what the project reaches today (see README, "Quality").

use pagesift::eval;
use pagesift::PipelineConfig;

use crate::util::root;

/// Floors: today's figures minus a small margin (2026-11-28, end of session 4: extraction
/// F1 0.987, page language 1.000 and date 1.000 on 41 pages — one miss is 0.976 —, corpus
/// page themes through the pipeline F1 0.871, paragraph themes F1 0.978–0.985). The theme
/// page sets' floors sit with the list of sets, in `eval::THEME_PAGE_SETS`. Raise
/// them when the figures improve.
const EXTRACTION_F1_FLOOR: f64 = 0.97;
const LANG_ACCURACY_FLOOR: f64 = 0.95;
const DATE_ACCURACY_FLOOR: f64 = 0.95;
const PAGE_THEMES_F1_FLOOR: f64 = 0.85;
const PARAGRAPH_THEMES_F1_FLOOR: f64 = 0.96;

fn corpus() -> Option<Vec<eval::CorpusPage>> {
    let dir = root().join("corpus/pages");
    if !dir.exists() {
        eprintln!("skipping: corpus/pages is absent");
        return None;
    }
    Some(eval::load_corpus(&dir).expect("corpus gold loads"))
}

#[test]
fn corpus_is_big_enough_and_varied() {
    let Some(pages) = corpus() else { return };
    assert!(
        pages.len() >= 40,
        "help: corpus/pages should hold at least 40 pages, has {}",
        pages.len()
    );
    for lang in ["ru", "be", "en", "uk"] {
        assert!(
            pages.iter().any(|p| p.gold.lang == lang),
            "help: no {lang} page in corpus/pages"
        );
    }
}

#[test]
fn extraction_f1_on_corpus_stays_above_floor() {
    let Some(pages) = corpus() else { return };
    let pipeline = PipelineConfig::default().build().unwrap();
    let (prf, per_page) = eval::extraction(
        pipeline.extractor(),
        pages
            .iter()
            .map(|p| (p.case.as_str(), &p.html[..], p.text.as_str())),
    );
    let mut worst = per_page.clone();
    worst.sort_by(|a, b| a.1.total_cmp(&b.1));
    eprintln!(
        "extraction on corpus: F1 {:.3} P {:.3} R {:.3}; worst: {:?}",
        prf.f1,
        prf.precision,
        prf.recall,
        &worst[..worst.len().min(5)]
    );
    assert!(
        prf.f1 >= EXTRACTION_F1_FLOOR,
        "help: extraction F1 on corpus/ fell to {:.3} (floor {EXTRACTION_F1_FLOOR}); worst pages: {:?}",
        prf.f1,
        &worst[..worst.len().min(5)]
    );
}

#[test]
fn language_and_date_accuracy_on_corpus_stay_above_floor() {
    let Some(pages) = corpus() else { return };
    let pipeline = PipelineConfig::default().build().unwrap();
    let (lang, date) = eval::corpus_lang_and_date(&pipeline, &pages);
    eprintln!("corpus: page language accuracy {lang:.3}, published date accuracy {date:.3}");
    assert!(
        lang >= LANG_ACCURACY_FLOOR,
        "help: page language accuracy on corpus/ fell to {lang:.3} (floor {LANG_ACCURACY_FLOOR})"
    );
    assert!(
        date >= DATE_ACCURACY_FLOOR,
        "help: published-date accuracy on corpus/ fell to {date:.3} (floor {DATE_ACCURACY_FLOOR})"
    );
}

#[test]
fn theme_f1_on_corpus_stays_above_floor() {
    let Some(pages) = corpus() else { return };
    let pipeline = PipelineConfig::default().build().unwrap();
    let prf = eval::corpus_themes(&pipeline, &pages);
    eprintln!(
        "themes on corpus pages: F1 {:.3} P {:.3} R {:.3}",
        prf.f1, prf.precision, prf.recall
    );
    assert!(
        prf.f1 >= PAGE_THEMES_F1_FLOOR,
        "help: page theme F1 fell to {:.3} (floor {PAGE_THEMES_F1_FLOOR})",
        prf.f1
    );
    let dir = root().join("corpus/themes");
    if dir.exists() {
        for (lang, prf) in eval::paragraph_themes(&pipeline, &dir).unwrap() {
            eprintln!(
                "themes on {lang} paragraphs: F1 {:.3} P {:.3} R {:.3}",
                prf.f1, prf.precision, prf.recall
            );
            assert!(
                prf.f1 >= PARAGRAPH_THEMES_F1_FLOOR,
                "help: theme F1 on corpus/themes/{lang}.jsonl fell to {:.3} (floor {PARAGRAPH_THEMES_F1_FLOOR})",
                prf.f1
            );
        }
    }
}

/// The held-out page sets of `eval::THEME_PAGE_SETS`, written without seeing the
/// taxonomy, each with its floors, against changes that fit the corpus pages at the cost
/// of text nobody tuned on.
#[test]
fn theme_f1_on_heldout_page_sets_stays_above_floor() {
    let pipeline = PipelineConfig::default().build().unwrap();
    for set in eval::THEME_PAGE_SETS {
        let (dir, f1_floor, p_floor) = (set.dir, set.f1_floor, set.precision_floor);
        let path = root().join("corpus/themes").join(dir).join("pages.jsonl");
        if !path.exists() {
            eprintln!("skipping: {} is absent", path.display());
            continue;
        }
        let by_lang = eval::heldout_themes(&pipeline, &path).unwrap();
        for (lang, prf) in &by_lang {
            eprintln!(
                "themes on {dir} pages, {lang}: F1 {:.3} P {:.3} R {:.3} ({} pages)",
                prf.f1, prf.precision, prf.recall, prf.n
            );
        }
        let Some(all) = by_lang.get("all") else {
            panic!("help: the {dir} set has no pages");
        };
        assert!(
            all.n >= 40,
            "help: the {dir} set should hold at least 40 pages, has {}",
            all.n
        );
        assert!(
            all.f1 >= f1_floor && all.precision >= p_floor,
            "help: themes on the {dir} pages fell to F1 {:.3} P {:.3} (floors {f1_floor} / {p_floor})",
            all.f1,
            all.precision
        );
    }
}
