//! Quality report of the default taxonomy over the labelled paragraphs in
//! `corpus/themes/<lang>.jsonl`: micro and macro precision, recall and F1 per language, and
//! per theme.
//!
//! ```text
//! cargo run --release -p pagesift-themes --example report            # summary tables
//! cargo run --release -p pagesift-themes --example report -- --misses # plus every error
//! cargo run --release -p pagesift-themes --example report -- --und    # language unknown
//! cargo run --release -p pagesift-themes --example report -- --threshold 0.3 # or --max-evidence N
//! cargo run --release -p pagesift-themes --example report -- --general # firings on web text
//! cargo run --release -p pagesift-themes --example report -- --heldout [path]
//! cargo run --release -p pagesift-themes --example report -- --hits    # every page-level hit
//! cargo run --release -p pagesift-themes --example report -- --heldout [path] --hits
//! cargo run --release -p pagesift-themes --example report -- --heldout [path] --gold labels.jsonl
//! ```
//!
//! `--general` tags each of the lingua test sentences (shared data, 1,000 per language for
//! en, ru, be, uk) on its own and lists every theme that fires: general web text should
//! stay almost silent.
//!
//! `--heldout [path]` scores only a held-out page set (default
//! `corpus/themes/heldout/pages.jsonl`; JSON Lines of `{"id", "lang", "title", "blocks",
//! "themes", "note"}`), tagged like `corpus/pages` (the title as the page title, the blocks
//! in the page's language), and prints micro/macro P/R/F1 per language and per theme. A
//! missing file is skipped with a message. `--gold labels.jsonl` scores the same pages
//! against another annotator's labels (`{"id", "themes"}` a line, every page's id once),
//! e.g. `corpus/themes/blind3/second-annotator.jsonl`.
// A report binary prints; the library never does.
#![allow(clippy::print_stdout)]

#[path = "../benches/common/mod.rs"]
mod common;
#[path = "../tests/eval/mod.rs"]
mod eval;

use std::process::ExitCode;

use pagesift_themes::{Settings, Tagger, Taxonomy};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let und = args.iter().any(|a| a == "--und");
    let show_misses = args.iter().any(|a| a == "--misses");
    if let Some(i) = args.iter().position(|a| a == "--heldout") {
        let path = match args.get(i + 1).filter(|a| !a.starts_with("--")) {
            Some(p) => std::path::PathBuf::from(p),
            None => eval::corpus_dir().join("heldout/pages.jsonl"),
        };
        let Some(tagger) = tagger_or_exit(&args) else {
            return ExitCode::FAILURE;
        };
        let hits = args.iter().any(|a| a == "--hits");
        let gold = match args.iter().position(|a| a == "--gold") {
            Some(g) => match args.get(g + 1).filter(|a| !a.starts_with("--")) {
                Some(p) => Some(std::path::PathBuf::from(p)),
                None => {
                    eprintln!("error: --gold needs a path (JSON Lines of id and themes)");
                    return ExitCode::FAILURE;
                }
            },
            None => None,
        };
        return heldout(&tagger, &path, gold.as_deref(), show_misses, hits);
    }
    if args.iter().any(|a| a == "--gold") {
        eprintln!("error: --gold scores a page set: give it with --heldout PATH");
        return ExitCode::FAILURE;
    }
    let cases = match eval::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: cannot load the labelled corpus: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(tagger) = tagger_or_exit(&args) else {
        return ExitCode::FAILURE;
    };
    if args.iter().any(|a| a == "--general") {
        general(&tagger);
        return ExitCode::SUCCESS;
    }
    let ev = eval::run(&tagger, &cases, und);
    println!(
        "pagesift-themes quality, default taxonomy, corpus/themes{}",
        if und {
            ", blocks tagged with language unknown"
        } else {
            ""
        }
    );
    summary("all paragraphs", &ev);
    let holdout: Vec<eval::Case> = cases.into_iter().filter(|c| c.set == "holdout").collect();
    if !holdout.is_empty() {
        summary(
            "holdout paragraphs only (written blind, before the tagger was run on them; the \
             taxonomy was then extended from their misses: the first blind run scored micro \
             P 1.000 R 0.617 F1 0.763 over all four languages)",
            &eval::run(&tagger, &holdout, und),
        );
    }
    match eval::load_pages() {
        Ok(pages) if !pages.is_empty() => {
            let pev = eval::run_pages(&tagger, &pages);
            summary(
                "corpus/pages: whole pages (gold main text + title) against the corpus gold themes",
                &pev,
            );
            if args.iter().any(|a| a == "--hits") {
                print_hits(&tagger, &pages);
            }
            if show_misses {
                page_misses(&pev);
            }
        }
        Ok(_) => println!("\n(corpus/pages not found: page-level figures skipped)"),
        Err(e) => println!("\n(corpus/pages unreadable: {e})"),
    }
    per_theme(&ev);
    if show_misses {
        println!();
        for m in &ev.misses {
            println!(
                "{} {}:{} {}: {}",
                if m.false_positive { "FP" } else { "FN" },
                m.lang,
                m.line,
                m.theme,
                m.text
            );
        }
    }
    ExitCode::SUCCESS
}

/// The default taxonomy's tagger with `--threshold` and `--max-evidence` applied.
fn tagger_or_exit(args: &[String]) -> Option<Tagger> {
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let mut settings = Settings::new();
    if let Some(t) = value("--threshold").and_then(|v| v.parse::<f64>().ok()) {
        settings = settings.with_threshold(t);
    }
    if let Some(n) = value("--max-evidence").and_then(|v| v.parse::<usize>().ok()) {
        settings = settings.with_max_evidence(n);
    }
    match Tagger::new(Taxonomy::default_taxonomy(), settings) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("error: {e}");
            None
        }
    }
}

/// Every page-level hit, marked `gold` when the page's gold has the theme.
fn print_hits(tagger: &Tagger, pages: &[eval::Page]) {
    for (page, id, gold, count, score, terms) in eval::page_hits(tagger, pages) {
        let mark = if gold { "gold" } else { "----" };
        println!("{mark} {score:.3} n={count:<2} {page} {id} {terms:?}");
    }
}

/// Scores a held-out page set written without looking at the tagger's output.
fn heldout(
    tagger: &Tagger,
    path: &std::path::Path,
    gold: Option<&std::path::Path>,
    show_misses: bool,
    hits: bool,
) -> ExitCode {
    let mut pages = match eval::load_heldout(path) {
        Ok(Some(p)) => p,
        Ok(None) => {
            println!(
                "held-out set {} not found: skipped (nothing to score)",
                path.display()
            );
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: held-out set unreadable: {e}");
            return ExitCode::FAILURE;
        }
    };
    let against = match gold {
        Some(g) => match eval::relabel(&mut pages, g) {
            Ok(()) => format!("the labels in {}", g.display()),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => "their gold themes".to_owned(),
    };
    let ev = eval::run_pages(tagger, &pages);
    summary(
        &format!(
            "held-out pages {} (title + blocks in the page language) against {against}",
            path.display()
        ),
        &ev,
    );
    per_theme(&ev);
    if hits {
        print_hits(tagger, &pages);
    }
    if show_misses {
        println!();
        page_misses(&ev);
    }
    ExitCode::SUCCESS
}

/// One line per page-level miss: FP or FN, the page, the theme.
fn page_misses(ev: &eval::Eval) {
    for m in &ev.misses {
        let kind = if m.false_positive { "FP" } else { "FN" };
        println!("{kind} page {}: {}", m.text, m.theme);
    }
}

/// Per-theme P/R/F1 over all languages.
fn per_theme(ev: &eval::Eval) {
    println!();
    println!(
        "{:<28} {:>6} {:>6} {:>6} | {:>4} {:>4} {:>4}",
        "theme", "P", "R", "F1", "tp", "fp", "fn"
    );
    let mut all = eval::Counts::default();
    for (theme, c) in &ev.per_theme {
        all.add(*c);
        println!(
            "{:<28} {:>6.3} {:>6.3} {:>6.3} | {:>4} {:>4} {:>4}",
            theme,
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    let n = ev.per_theme.len().max(1) as f64;
    let sum = |f: fn(&eval::Counts) -> f64| ev.per_theme.values().map(f).sum::<f64>() / n;
    println!(
        "{:<28} {:>6.3} {:>6.3} {:>6.3} | (macro over themes; micro P {:.3} R {:.3} F1 {:.3})",
        "macro",
        sum(eval::Counts::precision),
        sum(eval::Counts::recall),
        sum(eval::Counts::f1),
        all.precision(),
        all.recall(),
        all.f1()
    );
}

/// Tags every lingua test sentence on its own and prints each firing.
fn general(tagger: &Tagger) {
    let root = common::shared_data();
    let (mut sentences, mut firings) = (0, 0);
    for lang in ["en", "ru", "be", "uk"] {
        let path = root.join(format!("lingua-testdata/{lang}/sentences.txt"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{lang}: skipped, {} not found", path.display());
            continue;
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            sentences += 1;
            for h in tagger.tag_text(line, Some(lang)) {
                firings += 1;
                let terms: Vec<&str> = h.evidence.iter().map(|e| e.term.as_str()).collect();
                println!("{lang} {} {terms:?}: {line}", h.id);
            }
        }
    }
    println!("general text: {firings} firings on {sentences} sentences");
}

fn summary(title: &str, ev: &eval::Eval) {
    println!();
    println!("{title}");
    println!(
        "{:<6} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>4} {:>4} {:>4}",
        "lang", "n", "microP", "microR", "microF", "macroP", "macroR", "macroF", "tp", "fp", "fn"
    );
    let mut all = eval::Counts::default();
    for (lang, c) in &ev.per_lang {
        let (mp, mr, mf) = eval::macro_prf(ev, lang);
        println!(
            "{:<6} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>4} {:>4} {:>4}",
            lang,
            ev.cases[lang],
            c.precision(),
            c.recall(),
            c.f1(),
            mp,
            mr,
            mf,
            c.tp,
            c.fp,
            c.fn_
        );
        all.add(*c);
    }
    println!(
        "{:<6} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6} {:>6} {:>6} | {:>4} {:>4} {:>4}",
        "all",
        ev.cases.values().sum::<usize>(),
        all.precision(),
        all.recall(),
        all.f1(),
        "",
        "",
        "",
        all.tp,
        all.fp,
        all.fn_
    );
}
