//! Tagging throughput in bytes of text per second.
//!
//! Text: the lingua test sentences (`../shared/data/lingua-testdata/<lang>/sentences.txt`,
//! general web text, one block per sentence) when the shared data is present (or where
//! `PAGESIFT_SHARED_DATA` points), else the labelled paragraphs of `corpus/themes/`.
//! `default/on-topic-<lang>` tags the labelled ministry paragraphs of `corpus/themes/`
//! instead: nearly every block there holds a term, so the prefilter skips nothing.
//! Taxonomies: the default one (24 themes, ~1,000 terms), and a generated one of 10,000
//! terms (500 themes × 10 English + 10 Russian terms of 1–3 content words of five letters
//! or more drawn from the text itself, so that many of them match: a hard case for the
//! prefilter and the automaton).
//!
//! ```text
//! cargo bench -p pagesift-themes --bench tag -- --warm-up-time 1 --measurement-time 3
//! ```
// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::fmt::Write as _;
use std::hint::black_box;
mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pagesift_themes::{TagBlock, TagInput, Tagger, Taxonomy};

use common::{corpus_paragraphs, shared_data};

/// Sentences (blocks) of one language.
fn blocks_for(lang: &str) -> Vec<String> {
    let lingua = shared_data()
        .join("lingua-testdata")
        .join(lang)
        .join("sentences.txt");
    if let Ok(text) = std::fs::read_to_string(&lingua) {
        return text
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect();
    }
    eprintln!(
        "note: {} not found; benchmarking on corpus/themes/{lang}.jsonl instead",
        lingua.display()
    );
    let paras = corpus_paragraphs(lang);
    // Repeat to a size comparable with the lingua files.
    paras
        .iter()
        .cycle()
        .take(paras.len() * 20)
        .cloned()
        .collect()
}

/// A 10,000-term taxonomy of word sequences taken from the benchmark text.
fn generated_taxonomy(en: &[String], ru: &[String]) -> String {
    let words = |blocks: &[String]| -> Vec<String> {
        blocks
            .iter()
            .flat_map(|b| b.split(|c: char| !c.is_alphanumeric()))
            // Content words only: a real taxonomy has no "the" or "and" terms.
            .filter(|w| w.chars().count() >= 5)
            .map(str::to_lowercase)
            .collect()
    };
    let (en_words, ru_words) = (words(en), words(ru));
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let mut toml = String::from("version = 1\n");
    for t in 0..500 {
        let _ = writeln!(
            toml,
            "[[theme]]\nid = \"gen-{t}\"\nlabel = \"Generated {t}\"\n[theme.terms]"
        );
        for (lang, pool) in [("en", &en_words), ("ru", &ru_words)] {
            let mut terms = Vec::new();
            while terms.len() < 10 {
                let len = 1 + next(3);
                let start = next(pool.len().saturating_sub(len));
                let term = pool[start..start + len].join(" ");
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
            let list: Vec<String> = terms.iter().map(|t| format!("{t:?}")).collect();
            let _ = writeln!(toml, "{lang} = [{}]", list.join(", "));
        }
    }
    toml
}

fn bench(c: &mut Criterion) {
    let langs = ["en", "ru", "be", "uk"];
    let texts: Vec<(&str, Vec<String>)> = langs.iter().map(|l| (*l, blocks_for(l))).collect();
    let default = Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("default taxonomy");
    let gen_src = generated_taxonomy(&texts[0].1, &texts[1].1);
    let gen_tax = Taxonomy::from_toml_str(&gen_src, "<generated>").expect("generated taxonomy");
    assert_eq!(gen_tax.term_count(), 10_000);
    let generated = Tagger::from_taxonomy(gen_tax).expect("generated tagger");

    let mut g = c.benchmark_group("tag");
    let mut run = |name: String, tagger: &Tagger, blocks: &[String], lang: Option<&str>| {
        let tb: Vec<TagBlock<'_>> = blocks.iter().map(|b| TagBlock { text: b, lang }).collect();
        let input = TagInput {
            title: None,
            title_lang: None,
            blocks: &tb,
        };
        let bytes: usize = blocks.iter().map(String::len).sum();
        // Warm lazy state and check the case does real work.
        black_box(tagger.tag(&input));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(name, |b| {
            b.iter(|| black_box(tagger.tag(black_box(&input))))
        });
    };
    for (lang, blocks) in &texts {
        run(format!("default/{lang}"), &default, blocks, Some(lang));
    }
    run("default/ru-as-und".to_owned(), &default, &texts[1].1, None);
    // Worst case for the prefilter: on-topic ministry paragraphs, nearly every block has
    // a candidate term and goes through segmentation, stemming and the automaton.
    for lang in langs {
        run(
            format!("default/on-topic-{lang}"),
            &default,
            &corpus_paragraphs(lang),
            Some(lang),
        );
    }
    run("gen10k/en".to_owned(), &generated, &texts[0].1, Some("en"));
    run("gen10k/ru".to_owned(), &generated, &texts[1].1, Some("ru"));
    g.finish();

    let mut b = c.benchmark_group("build");
    b.sample_size(10);
    b.bench_function("default", |bch| {
        bch.iter(|| Tagger::from_taxonomy(Taxonomy::default_taxonomy()).expect("builds"))
    });
    b.bench_function("gen10k", |bch| {
        bch.iter(|| {
            let t = Taxonomy::from_toml_str(&gen_src, "<generated>").expect("parses");
            Tagger::from_taxonomy(t).expect("builds")
        })
    });
    b.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
