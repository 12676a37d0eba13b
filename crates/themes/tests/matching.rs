//! Matching behaviour through the public API, driven by `fixtures/match_cases.toml`, plus
//! evidence spans, scoring and language handling.

#[path = "../benches/common/mod.rs"]
mod common;

use std::collections::BTreeSet;

use pagesift_themes::{Settings, TagBlock, TagInput, Tagger, Taxonomy, ThemeHit};

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    name: String,
    lang: Option<String>,
    text: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
}

fn tagger() -> &'static Tagger {
    static T: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("default taxonomy builds")
    })
}

#[test]
fn fixture_cases() {
    let src = include_str!("fixtures/match_cases.toml");
    let cases: Cases = toml::from_str(src).expect("fixture parses");
    let tagger = tagger();
    let mut failures = Vec::new();
    for c in &cases.case {
        let hits = tagger.tag_text(&c.text, c.lang.as_deref());
        let ids: BTreeSet<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        for e in &c.expect {
            if !ids.contains(e.as_str()) {
                failures.push(format!("{}: expected {e}, got {ids:?}", c.name));
            }
        }
        for a in &c.absent {
            if ids.contains(a.as_str()) {
                failures.push(format!("{}: {a} must be absent, got {hits:?}", c.name));
            }
        }
        for want in &c.evidence {
            let found = hits
                .iter()
                .flat_map(|h| &h.evidence)
                .any(|ev| c.text.get(ev.start..ev.end) == Some(want.as_str()));
            if !found {
                failures.push(format!(
                    "{}: no evidence span equal to {want:?}: {hits:?}",
                    c.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}\nhelp: fix the matcher or taxonomy/default.toml",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}

fn hit<'a>(hits: &'a [ThemeHit], id: &str) -> &'a ThemeHit {
    hits.iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("{id} not found in {hits:?}"))
}

#[test]
fn evidence_spans_blocks_and_title() {
    let blocks = [
        TagBlock {
            text: "Вводная часть без тем.",
            lang: Some("ru"),
        },
        TagBlock {
            text: "Ёмкость сетей LTE растёт; «Цифровая трансформация» идёт.",
            lang: Some("ru"),
        },
    ];
    let title = "Цифровая трансформация: итоги";
    let hits = tagger().tag(&TagInput {
        title: Some(title),
        title_lang: Some("ru"),
        blocks: &blocks,
    });
    let dt = hit(&hits, "digital-transformation");
    assert_eq!(dt.count, 2);
    assert_eq!(dt.evidence[0].block, None, "title evidence comes first");
    assert_eq!(
        &title[dt.evidence[0].start..dt.evidence[0].end],
        "Цифровая трансформация"
    );
    assert_eq!(dt.evidence[1].block, Some(1));
    let ev = &dt.evidence[1];
    assert_eq!(&blocks[1].text[ev.start..ev.end], "Цифровая трансформация");
    assert_eq!(ev.term, "цифровая трансформация");
    assert_eq!(ev.lang, "ru");
    let lte = hit(&hits, "mobile-communications");
    let ev = &lte.evidence[0];
    assert_eq!(&blocks[1].text[ev.start..ev.end], "LTE");
    assert_eq!(ev.lang, "ru", "a \"*\" term reports the block's language");
    assert!(dt.score > lte.score, "title match ranks higher: {hits:?}");
}

#[test]
fn star_terms_in_unknown_language_report_und() {
    let hits = tagger().tag_text("5G", None);
    assert_eq!(hit(&hits, "5g").evidence[0].lang, "und");
}

#[test]
fn hits_are_sorted_and_scores_bounded() {
    let text = "Digital transformation, digital transformation and digitalization; \
                5G networks. The information society.";
    let hits = tagger().tag_text(text, Some("en"));
    assert!(hits.len() >= 3);
    for w in hits.windows(2) {
        assert!(w[0].score >= w[1].score, "{hits:?}");
    }
    for h in &hits {
        assert!((0.0..=1.0).contains(&h.score));
        assert_eq!(h.count, h.evidence.len());
    }
    assert_eq!(hits[0].id, "digital-transformation");
    assert_eq!(hits[0].count, 3);
}

#[test]
fn threshold_and_evidence_cap() {
    let long_filler = "Другие вопросы повестки обсуждались отдельно. ".repeat(200);
    let text = format!("{long_filler} Сети 5G.");
    // One passing mention in a long text stays under the default threshold …
    assert!(tagger().tag_text(&text, Some("ru")).is_empty());
    // … and is reported with a lower one.
    let lenient = Tagger::new(
        Taxonomy::default_taxonomy(),
        Settings::default().with_threshold(0.0),
    )
    .expect("builds");
    assert_eq!(lenient.tag_text(&text, Some("ru"))[0].id, "5g");
    let capped = Tagger::new(
        Taxonomy::default_taxonomy(),
        Settings::default().with_max_evidence(2),
    )
    .expect("builds");
    let hits = capped.tag_text("5G, 5G, 5G, 5G и ещё раз 5G.", Some("ru"));
    assert_eq!(hits[0].count, 5);
    assert_eq!(hits[0].evidence.len(), 2);
}

#[test]
fn hit_serialises_to_the_record_contract() {
    let hits = tagger().tag_text("5G", Some("en"));
    let json = serde_json::to_value(&hits[0]).expect("serialises");
    assert_eq!(json["id"], "5g");
    assert_eq!(json["label"], "5G");
    assert_eq!(json["count"], 1);
    assert_eq!(
        json["evidence"][0],
        serde_json::json!({"term": "5G", "lang": "en", "start": 0, "end": 2, "block": 0})
    );
}

#[test]
fn tagger_is_shareable_across_threads() {
    let t =
        std::sync::Arc::new(Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("builds"));
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let t = t.clone();
            std::thread::spawn(move || t.tag_text("Цифровая экономика", Some("ru")).len())
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), 1);
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn never_panics_and_spans_are_valid(
            text in "(\\PC|цифровая трансформация|5G|ИИ|-|ў|'| ){0,60}",
            lang in prop::option::of(prop::sample::select(vec!["en", "ru", "be", "uk", "und", "", "xx-YY"])),
        ) {
            let t = tagger();
            for h in t.tag_text(&text, lang) {
                prop_assert!((0.0..=1.0).contains(&h.score));
                for e in &h.evidence {
                    prop_assert!(e.start < e.end && e.end <= text.len());
                    prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                }
            }
        }
    }
}

/// The block prefilter must never change results: compare with it off over the labelled
/// corpus, the fixture cases and (when present) the lingua sentences, in every language
/// and with the language unknown.
#[test]
fn prefilter_is_lossless() {
    let on = tagger();
    let off = Tagger::new(
        Taxonomy::default_taxonomy(),
        Settings::default().with_prefilter(false),
    )
    .expect("builds");
    let mut texts: Vec<(String, String)> = Vec::new();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/themes");
    let shared = common::shared_data();
    for lang in ["en", "ru", "be", "uk"] {
        let src = std::fs::read_to_string(corpus.join(format!("{lang}.jsonl"))).expect("corpus");
        for line in src.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            texts.push((lang.to_owned(), v["text"].as_str().unwrap_or("").to_owned()));
        }
        match std::fs::read_to_string(shared.join(format!("lingua-testdata/{lang}/sentences.txt")))
        {
            Ok(s) => texts.extend(
                s.split('\n')
                    .take(400)
                    .map(|l| (lang.to_owned(), l.to_owned())),
            ),
            Err(_) => eprintln!(
                "note: lingua sentences for {lang} not found under {}; skipped",
                shared.display()
            ),
        }
    }
    let cases: Cases = toml::from_str(include_str!("fixtures/match_cases.toml")).expect("fixture");
    texts.extend(
        cases
            .case
            .into_iter()
            .map(|c| (c.lang.unwrap_or_default(), c.text)),
    );
    let mut differ = Vec::new();
    for (lang, text) in &texts {
        for l in [Some(lang.as_str()), None] {
            if on.tag_text(text, l) != off.tag_text(text, l) {
                differ.push(format!("{l:?}: {text}"));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "prefilter changed results for:\n{}",
        differ.join("\n")
    );
}

#[test]
fn a_theme_named_in_a_headline_outweighs_a_passing_mention() {
    // The same single mention of "cyber drill", once in a headline-like block and once
    // inside a sentence, on an otherwise identical page.
    let filler = "The regional office published its annual report on the work of the \
                  secretariat, the meetings held in the capital and the budget for the \
                  coming year, with tables for each member and the list of participants.";
    let tag = |headline: &str, body: &str| {
        let blocks = [
            TagBlock {
                text: headline,
                lang: Some("en"),
            },
            TagBlock {
                text: filler,
                lang: Some("en"),
            },
            TagBlock {
                text: body,
                lang: Some("en"),
            },
        ];
        let t = Tagger::new(
            Taxonomy::default_taxonomy(),
            pagesift_themes::Settings::default().with_threshold(0.0),
        )
        .expect("builds");
        t.tag(&TagInput {
            title: None,
            title_lang: None,
            blocks: &blocks,
        })
        .into_iter()
        .find(|h| h.id == "cybersecurity")
        .map(|h| h.score)
        .expect("cybersecurity found")
    };
    let heading = tag(
        "Cyber drill tests regional incident coordination",
        "Teams from many countries took part in the exercise over two days.",
    );
    let passing = tag(
        "Teams from many countries met over two days",
        "Among other things, a cyber drill tests regional incident coordination.",
    );
    assert!(heading > passing, "headline {heading} vs passing {passing}");
}

/// The `itu` hit on an English `text`, every score reported, the acronym merge on or off.
fn itu_hit(text: &str, merge: bool) -> ThemeHit {
    let t = Tagger::new(
        Taxonomy::default_taxonomy(),
        Settings::new()
            .with_threshold(0.0)
            .with_acronym_merge(merge),
    )
    .expect("builds");
    let hits = t.tag_text(text, Some("en"));
    hits.into_iter().find(|h| h.id == "itu").expect("itu")
}

#[test]
fn a_name_introduced_with_its_acronym_is_one_mention() {
    let text = "The International Telecommunication Union (ITU) published a report on \
                prices, tariffs and household spending in forty countries of the region.";
    let score = |merge: bool| {
        let h = itu_hit(text, merge);
        assert_eq!(h.count, 2, "both matches stay evidence");
        assert_eq!(h.evidence.len(), 2);
        h.score
    };
    let (merged, separate) = (score(true), score(false));
    assert!(
        merged + 0.1 < separate,
        "merged {merged} should drop one mention and one distinct term vs {separate}"
    );
    // In different blocks the acronym is a second mention, but not a second kind of term.
    let t = Tagger::new(
        Taxonomy::default_taxonomy(),
        Settings::new().with_threshold(0.0),
    )
    .expect("builds");
    let blocks = [
        TagBlock {
            text: "The International Telecommunication Union met in Geneva.",
            lang: Some("en"),
        },
        TagBlock {
            text: "ITU members adopted the plan.",
            lang: Some("en"),
        },
    ];
    let two = t.tag(&TagInput {
        title: None,
        title_lang: None,
        blocks: &blocks,
    });
    let two = two.iter().find(|h| h.id == "itu").expect("itu").score;
    assert!(two > merged, "two blocks {two} > one block {merged}");
    // "ACR, the Name" is merged too; an acronym three or more words from its name is not.
    let score_of = |text: &str, merge: bool| itu_hit(text, merge).score;
    let before = "ITU, the International Telecommunication Union, published a report on prices.";
    assert!(score_of(before, true) + 0.1 < score_of(before, false));
    // Same words, the acronym four words from its name: a second mention (the distinct
    // terms are one either way).
    let apart = "The International Telecommunication Union said on Monday that ITU members agreed.";
    let next_to =
        "The International Telecommunication Union (ITU) said on Monday that members agreed.";
    assert!(score_of(apart, true) > score_of(next_to, true) + 0.05);
    // Only the acronym next to its name is merged: later uses in the same block are
    // mentions of their own.
    let again = "The International Telecommunication Union (ITU) published a report on \
                 prices. ITU experts compared tariffs, and ITU staff presented it.";
    let again = t.tag_text(again, Some("en"));
    let again = again.iter().find(|h| h.id == "itu").expect("itu");
    assert_eq!(again.count, 4);
    assert!(
        again.score > merged + 0.1,
        "three mentions {} vs one {merged}",
        again.score
    );
}

#[test]
fn near_entries_need_every_group_close_together_in_one_sentence() {
    let tax = Taxonomy::from_toml_str(
        r#"
[[theme]]
id = "unconnected"
label = "Unconnected"
[theme.terms]
en = ["universal service", "remote village",
      { near = [["internet", "online"], ["village", "remote"]], window = 4 }]
ru = [{ near = [["интернет"], ["деревня"]], window = 3, term = "интернет в деревнях" }]
[theme.exclude]
en = ["remote work"]
"#,
        "near.toml",
    )
    .expect("valid");
    assert_eq!(
        tax.themes()[0].terms[2].text,
        "internet … village",
        "default name"
    );
    assert_eq!(tax.themes()[0].terms[2].window, 4);
    let tagger = Tagger::new(tax, Settings::new().with_threshold(0.0)).expect("builds");
    let found = |text: &str, lang: &str| -> Vec<(String, String)> {
        tagger
            .tag_text(text, Some(lang))
            .into_iter()
            .flat_map(|h| h.evidence)
            .map(|e| (e.term, text[e.start..e.end].to_owned()))
            .collect()
    };
    let one = |term: &str, span: &str| vec![(term.to_owned(), span.to_owned())];
    // Any order, inflected forms, other words in between.
    assert_eq!(
        found("The villages will finally get internet.", "en"),
        one("internet … village", "villages will finally get internet")
    );
    assert_eq!(
        found("В деревню наконец провели интернет.", "ru"),
        one("интернет в деревнях", "деревню наконец провели интернет")
    );
    // Too far apart, or in two sentences: no match.
    assert!(found(
        "The village school and its library now have internet.",
        "en"
    )
    .is_empty());
    assert!(found("We visited the village. The internet was slow.", "en").is_empty());
    // A decimal point does not end a sentence.
    assert_eq!(found("Remote sites 1.5 online", "en").len(), 1);
    // An exclude of the theme cancels an overlapping match.
    assert!(found("Remote work moved online.", "en").is_empty());
    // A term of the theme that overlaps a near match is the evidence, alone ...
    assert_eq!(
        found("Internet for the remote village.", "en"),
        one("remote village", "remote village")
    );
    // ... and one beside it does not cancel it.
    assert_eq!(
        found("A universal service for remote internet users.", "en"),
        one("universal service", "universal service")
            .into_iter()
            .chain(one("internet … village", "remote internet"))
            .collect::<Vec<_>>()
    );
    // Two matches of one entry do not share words.
    assert_eq!(
        found("Internet for the village, internet for the town.", "en").len(),
        1
    );
}

#[test]
#[allow(deprecated)]
fn the_former_constructor_name_still_builds_the_same_tagger() {
    let settings = Settings::new().with_threshold(0.5);
    let old = Tagger::with_settings(Taxonomy::default_taxonomy(), settings).expect("builds");
    assert_eq!(old.settings().threshold(), 0.5);
    let text = "Цифровая трансформация и цифровая трансформация экономики.";
    let new = Tagger::new(
        Taxonomy::default_taxonomy(),
        Settings::new().with_threshold(0.5),
    )
    .expect("builds");
    assert_eq!(
        old.tag_text(text, Some("ru")),
        new.tag_text(text, Some("ru"))
    );
}
