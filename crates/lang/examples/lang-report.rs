//! Accuracy report on lingua's test sets: pagesift-lang, plain whatlang and lingua
//! (high-accuracy mode) side by side, all restricted to the 13 languages of the set.
//!
//! ```text
//! cargo run --release -p pagesift-lang --example lang-report            # all three detectors
//! cargo run --release -p pagesift-lang --example lang-report -- --fast  # skip lingua
//! cargo run --release -p pagesift-lang --example lang-report -- --errors be word-pairs
//! cargo run --release -p pagesift-lang --example lang-report --features lingua-fallback -- --errors be word-pairs --fallback
//! cargo run --release -p pagesift-lang --example lang-report --features lingua-fallback -- --fast --fallback-below 0.65 --fallback-long 0.65
//! ```
//!
//! Data: `<workspace>/../shared/data/lingua-testdata`, or `$PAGESIFT_SHARED_DATA/lingua-testdata`.
//! Accuracy counts `und` as wrong; coverage is the share of answers that are not `und`.
#![allow(clippy::print_stdout)]

#[path = "../benches/common/mod.rs"]
mod common;

use lingua::{Language, LanguageDetectorBuilder};
use pagesift_lang::{Detector, Settings};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const LANGS: [&str; 13] = [
    "be", "bg", "de", "en", "fr", "kk", "lt", "lv", "mk", "pl", "ru", "sr", "uk",
];
/// `with_south_slavic_margin` of the "ps-ru-lean" contender.
const LEAN_MARGIN: f32 = 0.8;
/// Confidence under which the fallback contender asks lingua (`--fallback-below X`).
#[cfg(feature = "lingua-fallback")]
const FALLBACK_BELOW: f64 = 0.65;
const SPLITS: [&str; 3] = ["single-words", "word-pairs", "sentences"];

fn data_dir() -> PathBuf {
    common::lingua_testdata()
}

fn lingua_lang(code: &str) -> Language {
    match code {
        "be" => Language::Belarusian,
        "bg" => Language::Bulgarian,
        "de" => Language::German,
        "en" => Language::English,
        "fr" => Language::French,
        "kk" => Language::Kazakh,
        "lt" => Language::Lithuanian,
        "lv" => Language::Latvian,
        "mk" => Language::Macedonian,
        "pl" => Language::Polish,
        "ru" => Language::Russian,
        "sr" => Language::Serbian,
        _ => Language::Ukrainian,
    }
}

/// One detector under test: a name and a function from text to code ("und" for none).
struct Contender<'a> {
    name: &'static str,
    run: Box<dyn Fn(&str) -> String + 'a>,
}

#[derive(Default, Clone)]
struct Tally {
    n: usize,
    right: usize,
    und: usize,
    /// be/ru/uk items labelled as another of the three.
    east_slavic_confusion: usize,
    bytes: usize,
    time: Duration,
    /// Items the contender re-asked of lingua (the fallback contender only).
    fallback: u64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fast = args.iter().any(|a| a == "--fast");
    let errors = args.iter().position(|a| a == "--errors").map(|i| {
        (
            args.get(i + 1).cloned().unwrap_or_default(),
            args.get(i + 2).cloned().unwrap_or_default(),
        )
    });
    let dir = data_dir();
    if !dir.is_dir() {
        println!(
            "SKIP: lingua test data not found at {} (set PAGESIFT_SHARED_DATA)",
            dir.display()
        );
        return;
    }
    let mut data: HashMap<(&str, &str), Vec<String>> = HashMap::new();
    for lang in LANGS {
        for split in SPLITS {
            let path = dir.join(lang).join(format!("{split}.txt"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let items = text
                .split('\n')
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect();
            data.insert((lang, split), items);
        }
    }

    let ours = Detector::new(Settings::default().with_allowlist(LANGS)).expect("allowlist");
    // The same leaning harder on Russian's base rate (a setting, not the default).
    let lean = Detector::new(
        Settings::default()
            .with_allowlist(LANGS)
            .with_south_slavic_margin(LEAN_MARGIN),
    )
    .expect("allowlist");
    // `--fallback-below X` and `--fallback-long X` set the fallback contender's thresholds
    // (texts of one or two Cyrillic words, and longer ones).
    #[cfg(feature = "lingua-fallback")]
    let arg = |name: &str| -> Option<f64> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1)?.parse().ok())
    };
    #[cfg(feature = "lingua-fallback")]
    let with_fallback = {
        let mut s = Settings::default()
            .with_allowlist(LANGS)
            .with_fallback(arg("--fallback-below").unwrap_or(FALLBACK_BELOW));
        if let Some(long) = arg("--fallback-long") {
            s = s.with_long_text_fallback(long);
        }
        Detector::new(s).expect("allowlist")
    };
    // Texts re-asked of lingua so far by the fallback contender.
    #[cfg(feature = "lingua-fallback")]
    let fallback_calls = || with_fallback.fallback_calls();
    #[cfg(not(feature = "lingua-fallback"))]
    let fallback_calls = || 0u64;
    let lingua = (!fast && errors.is_none()).then(|| {
        let langs: Vec<Language> = LANGS.iter().map(|c| lingua_lang(c)).collect();
        LanguageDetectorBuilder::from_languages(&langs)
            .with_preloaded_language_models()
            .build()
    });
    let whatlang_langs: Vec<whatlang::Lang> = LANGS
        .iter()
        .filter_map(|c| match *c {
            "be" => Some(whatlang::Lang::Bel),
            "bg" => Some(whatlang::Lang::Bul),
            "de" => Some(whatlang::Lang::Deu),
            "en" => Some(whatlang::Lang::Eng),
            "fr" => Some(whatlang::Lang::Fra),
            "lt" => Some(whatlang::Lang::Lit),
            "lv" => Some(whatlang::Lang::Lav),
            "mk" => Some(whatlang::Lang::Mkd),
            "pl" => Some(whatlang::Lang::Pol),
            "ru" => Some(whatlang::Lang::Rus),
            "sr" => Some(whatlang::Lang::Srp),
            "uk" => Some(whatlang::Lang::Ukr),
            _ => None, // whatlang has no Kazakh
        })
        .collect();
    let plain = whatlang::Detector::with_allowlist(whatlang_langs);
    let wl_code = |l: whatlang::Lang| -> String {
        match l {
            whatlang::Lang::Bel => "be",
            whatlang::Lang::Bul => "bg",
            whatlang::Lang::Deu => "de",
            whatlang::Lang::Eng => "en",
            whatlang::Lang::Fra => "fr",
            whatlang::Lang::Lit => "lt",
            whatlang::Lang::Lav => "lv",
            whatlang::Lang::Mkd => "mk",
            whatlang::Lang::Pol => "pl",
            whatlang::Lang::Rus => "ru",
            whatlang::Lang::Srp => "sr",
            whatlang::Lang::Ukr => "uk",
            _ => "other",
        }
        .to_owned()
    };

    let mut contenders = vec![
        Contender {
            name: "pagesift",
            run: Box::new(|t: &str| ours.detect(t).lang),
        },
        Contender {
            name: "ps-ru-lean",
            run: Box::new(|t: &str| lean.detect(t).lang),
        },
        Contender {
            name: "whatlang",
            run: Box::new(move |t: &str| {
                plain
                    .detect_lang(t)
                    .map_or_else(|| "und".to_owned(), wl_code)
            }),
        },
    ];
    if let Some(lingua) = &lingua {
        let lingua_code = move |t: &str| {
            lingua
                .detect_language_of(t)
                .map_or_else(|| "und".to_owned(), |l| l.iso_code_639_1().to_string())
        };
        contenders.push(Contender {
            name: "lingua-high",
            run: Box::new(lingua_code),
        });
    }
    #[cfg(feature = "lingua-fallback")]
    contenders.push(Contender {
        name: "ps+fallback",
        run: Box::new(|t: &str| with_fallback.detect(t).lang),
    });

    if let Some((lang, split)) = errors {
        let items = data
            .get(&(lang.as_str(), split.as_str()))
            .expect("known lang and split");
        // `--errors LANG SPLIT --fallback`: the errors of the fallback contender.
        #[cfg(feature = "lingua-fallback")]
        let which = if args.iter().any(|a| a == "--fallback") {
            &with_fallback
        } else {
            &ours
        };
        #[cfg(not(feature = "lingua-fallback"))]
        let which = &ours;
        let mut wrong: HashMap<String, usize> = HashMap::new();
        for item in items {
            let g = which.detect(item);
            if g.lang != lang {
                *wrong.entry(g.lang.clone()).or_default() += 1;
                println!("{}\t{:.2}\t{}", g.lang, g.confidence, item);
            }
        }
        println!("errors by answer: {wrong:?}");
        return;
    }

    let mut tallies: HashMap<(&str, &str, &str), Tally> = HashMap::new();
    for c in &contenders {
        for lang in LANGS {
            for split in SPLITS {
                let items = &data[&(lang, split)];
                let mut t = Tally::default();
                let calls = fallback_calls();
                let start = Instant::now();
                for item in items {
                    let got = (c.run)(item);
                    t.n += 1;
                    t.bytes += item.len();
                    if got == lang {
                        t.right += 1;
                    } else if got == "und" {
                        t.und += 1;
                    } else if ["be", "ru", "uk"].contains(&lang)
                        && ["be", "ru", "uk"].contains(&got.as_str())
                    {
                        t.east_slavic_confusion += 1;
                    }
                }
                t.time = start.elapsed();
                t.fallback = fallback_calls() - calls;
                tallies.insert((c.name, lang, split), t);
            }
        }
    }

    let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "Accuracy % (und counts as wrong) on lingua-testdata, 13 languages, allowlist = the 13"
    );
    print!("{:<5}{:<14}", "lang", "split");
    for c in &contenders {
        print!("{:>13}", c.name);
    }
    println!("{:>11}{:>9}", "ours cov%", "ours und");
    for lang in LANGS {
        for split in SPLITS {
            print!("{lang:<5}{split:<14}");
            for c in &contenders {
                let t = &tallies[&(c.name, lang, split)];
                print!("{:>13.1}", pct(t.right, t.n));
            }
            let t = &tallies[&("pagesift", lang, split)];
            println!("{:>11.1}{:>9}", pct(t.n - t.und, t.n), t.und);
        }
        print!("{lang:<5}{:<14}", "mean");
        for c in &contenders {
            let m: f64 = SPLITS
                .iter()
                .map(|s| {
                    let t = &tallies[&(c.name, lang, *s)];
                    pct(t.right, t.n)
                })
                .sum::<f64>()
                / 3.0;
            print!("{m:>13.1}");
        }
        println!();
    }
    println!();
    println!("be/ru/uk sentences labelled as another of the three (confusion %):");
    for c in &contenders {
        let (mut conf, mut n) = (0, 0);
        for lang in ["be", "ru", "uk"] {
            let t = &tallies[&(c.name, lang, "sentences")];
            conf += t.east_slavic_confusion;
            n += t.n;
        }
        println!("  {:<12} {:.2}% ({conf} of {n})", c.name, pct(conf, n));
    }
    println!();
    println!("und rate % over all 39,000 items:");
    for c in &contenders {
        let (mut und, mut n) = (0, 0);
        for t in tallies
            .iter()
            .filter(|(k, _)| k.0 == c.name)
            .map(|(_, t)| t)
        {
            und += t.und;
            n += t.n;
        }
        println!("  {:<12} {:.2}%", c.name, pct(und, n));
    }
    println!();
    println!("Throughput, MB/s (single-threaded, wall clock over the whole split):");
    for split in SPLITS {
        print!("  {split:<14}");
        for c in &contenders {
            let (mut b, mut d) = (0usize, Duration::ZERO);
            for lang in LANGS {
                let t = &tallies[&(c.name, lang, split)];
                b += t.bytes;
                d += t.time;
            }
            print!(
                "{:>14}: {:>6.2}",
                c.name,
                b as f64 / 1e6 / d.as_secs_f64().max(1e-9)
            );
        }
        println!();
    }
    if contenders.iter().any(|c| c.name == "ps+fallback") {
        println!();
        println!("ps+fallback: % of items re-asked of lingua (all 13 languages; Cyrillic 7):");
        for split in SPLITS {
            let (mut f, mut n, mut fc, mut nc) = (0, 0, 0, 0);
            for lang in LANGS {
                let t = &tallies[&("ps+fallback", lang, split)];
                f += t.fallback as usize;
                n += t.n;
                if ["be", "bg", "kk", "mk", "ru", "sr", "uk"].contains(&lang) {
                    fc += t.fallback as usize;
                    nc += t.n;
                }
            }
            println!(
                "  {split:<14} {:>5.1}%   Cyrillic {:>5.1}%",
                pct(f, n),
                pct(fc, nc)
            );
        }
    }
    println!();
    println!("Targets for be/ru/uk (published lingua high-accuracy figures, all 75 languages;");
    println!("in brackets lingua high-accuracy in this run, 13 languages):");
    let published: HashMap<(String, String), f64> =
        std::fs::read_to_string(dir.join("published-accuracy.csv"))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("lingua-high-accuracy (rust)"))
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                Some((
                    (f.first()?.to_string(), f.get(1)?.to_string()),
                    f.get(3)?.parse().ok()?,
                ))
            })
            .collect();
    let mine: Vec<&str> = ["pagesift", "ps+fallback"]
        .into_iter()
        .filter(|n| contenders.iter().any(|c| c.name == *n))
        .collect();
    for (name, lang, split) in mine.iter().flat_map(|n| {
        ["be", "ru", "uk"]
            .into_iter()
            .flat_map(move |l| SPLITS.into_iter().map(move |s| (*n, l, s)))
    }) {
        {
            let t = &tallies[&(name, lang, split)];
            let ours = pct(t.right, t.n);
            let here = tallies
                .get(&("lingua-high", lang, split))
                .map_or(f64::NAN, |t| pct(t.right, t.n));
            let target = if split == "sentences" {
                99.5
            } else {
                published
                    .get(&(lang.to_owned(), split.to_owned()))
                    .copied()
                    .unwrap_or(f64::NAN)
            };
            let ok = if ours >= target && (here.is_nan() || ours >= here) {
                "ok"
            } else {
                "MISSED"
            };
            println!(
                "  {lang} {split:<14} {name:<12} {ours:>5.1}  target {target:>5.1} ({here:>5.1})  {ok}"
            );
        }
    }
    for name in &mine {
        let worse: Vec<String> = LANGS
            .iter()
            .flat_map(|l| SPLITS.iter().map(move |s| (*l, *s)))
            .filter(|(l, s)| {
                let o = tallies[&(*name, *l, *s)].right;
                let w = tallies[&("whatlang", *l, *s)].right;
                o < w
            })
            .map(|(l, s)| format!("{l}/{s}"))
            .collect();
        println!(
            "  splits where {name} is below plain whatlang: {}",
            if worse.is_empty() {
                "none".to_owned()
            } else {
                worse.join(", ")
            }
        );
    }
    heldout(&contenders, &dir, &fallback_calls);
    #[cfg(feature = "lingua-fallback")]
    speed(&ours, Some(&with_fallback), &data);
    #[cfg(not(feature = "lingua-fallback"))]
    speed(&ours, None, &data);
}

/// A held-out check: text lines of the Russian federal ministry pages in
/// `ministry-pages/ru-federal-ministries` (tags stripped crudely, lines with at least 40
/// Cyrillic letters, duplicates dropped), all expected to be Russian.
fn heldout(
    contenders: &[Contender<'_>],
    lingua_dir: &std::path::Path,
    fallback_calls: &dyn Fn() -> u64,
) {
    let Some(dir) = lingua_dir
        .parent()
        .map(|d| d.join("ministry-pages/ru-federal-ministries"))
    else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("SKIP held-out check: {} not found", dir.display());
        return;
    };
    let mut lines = std::collections::BTreeSet::new();
    // Every text line with three Cyrillic letters or more: menus, headings, dates too.
    let mut all_lines = Vec::new();
    for entry in entries.flatten() {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            continue;
        };
        let html = String::from_utf8_lossy(&bytes);
        let mut text = String::new();
        let (mut in_tag, mut skip) = (false, false);
        let lower = html.to_lowercase();
        for (pos, c) in html.char_indices() {
            if !in_tag && c == '<' {
                in_tag = true;
                let rest = &lower[pos..];
                if rest.starts_with("<script") || rest.starts_with("<style") {
                    skip = true;
                } else if rest.starts_with("</script") || rest.starts_with("</style") {
                    skip = false;
                }
                text.push('\n');
            } else if in_tag && c == '>' {
                in_tag = false;
            } else if !in_tag && !skip {
                text.push(c);
            }
        }
        for line in text.lines() {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            let cyr = line
                .chars()
                .filter(|c| ('\u{0400}'..='\u{04FF}').contains(c))
                .count();
            if cyr >= 3 {
                all_lines.push(line.clone());
            }
            if cyr >= 40 && line.len() < 800 && !line.contains('&') {
                lines.insert(line);
            }
        }
    }
    println!();
    println!(
        "Held-out check: {} distinct text lines of Russian ministry pages, % labelled ru:",
        lines.len()
    );
    for c in contenders {
        let right = lines.iter().filter(|l| (c.run)(l) == "ru").count();
        println!(
            "  {:<12} {:.2}%",
            c.name,
            100.0 * right as f64 / lines.len().max(1) as f64
        );
    }
    let bytes: usize = all_lines.iter().map(String::len).sum();
    println!();
    println!(
        "Page text: all {} text lines with 3+ Cyrillic letters of the same pages ({:.1} MB), \
         MB/s and share labelled ru:",
        all_lines.len(),
        bytes as f64 / 1e6
    );
    for c in contenders {
        let calls = fallback_calls();
        let start = Instant::now();
        let right = all_lines.iter().filter(|l| (c.run)(l) == "ru").count();
        let secs = start.elapsed().as_secs_f64();
        let fired = fallback_calls() - calls;
        print!(
            "  {:<12} {:>6.2} MB/s  ru {:.2}%",
            c.name,
            bytes as f64 / 1e6 / secs.max(1e-9),
            100.0 * right as f64 / all_lines.len().max(1) as f64
        );
        if fired > 0 {
            // Lines of 25 letters or more: the blocks `detect_blocks` does not lean on
            // the page's prior for.
            let long: Vec<&String> = all_lines
                .iter()
                .filter(|l| l.chars().filter(|c| c.is_alphabetic()).count() >= 25)
                .collect();
            let calls = fallback_calls();
            for l in &long {
                (c.run)(l);
            }
            let fired_long = fallback_calls() - calls;
            print!(
                "  re-asked of lingua: {fired} lines ({:.1}%); of the {} lines of 25+ \
                 letters {fired_long} ({:.1}%)",
                100.0 * fired as f64 / all_lines.len().max(1) as f64,
                long.len(),
                100.0 * fired_long as f64 / long.len().max(1) as f64
            );
        }
        println!();
    }
}

/// Throughput of pagesift-lang and plain whatlang (same allowlist), measured in alternating
/// rounds so that load from other processes hits both alike; the fastest of 25 rounds each.
fn speed(ours: &Detector, fallback: Option<&Detector>, data: &HashMap<(&str, &str), Vec<String>>) {
    let plain =
        whatlang::Detector::with_allowlist(LANGS.iter().filter_map(|c| whatlang_lang(c)).collect());
    let sentences: Vec<&str> = LANGS
        .iter()
        .flat_map(|l| {
            data[&(*l, "sentences")]
                .iter()
                .take(100)
                .map(String::as_str)
        })
        .collect();
    let pages: Vec<String> = LANGS
        .iter()
        .flat_map(|l| {
            data[&(*l, "sentences")]
                .chunks(40)
                .take(3)
                .map(|c| c.join(" "))
        })
        .collect();
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    println!();
    println!("Speed, alternating rounds (fastest of 25), MB/s:");
    for (name, texts) in [("sentences", &sentences), ("pages", &pages)] {
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let (mut a, mut b, mut f) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..25 {
            if let Some(fb) = fallback {
                let t = Instant::now();
                for x in texts.iter() {
                    std::hint::black_box(fb.detect(x));
                }
                f.push(t.elapsed().as_secs_f64());
            }
            let t = Instant::now();
            for x in texts.iter() {
                std::hint::black_box(ours.detect(x));
            }
            a.push(t.elapsed().as_secs_f64());
            let t = Instant::now();
            for x in texts.iter() {
                std::hint::black_box(plain.detect(x));
            }
            b.push(t.elapsed().as_secs_f64());
        }
        a.sort_by(f64::total_cmp);
        b.sort_by(f64::total_cmp);
        let (ma, mb) = (bytes as f64 / 1e6 / a[0], bytes as f64 / 1e6 / b[0]);
        print!(
            "  {name:<10} pagesift {ma:>6.2}  whatlang {mb:>6.2}  ratio {:.0}%",
            100.0 * ma / mb
        );
        if !f.is_empty() {
            f.sort_by(f64::total_cmp);
            let mf = bytes as f64 / 1e6 / f[0];
            print!("   ps+fallback {mf:>6.2}  ratio {:.0}%", 100.0 * mf / mb);
        }
        println!();
    }
}

fn whatlang_lang(code: &str) -> Option<whatlang::Lang> {
    Some(match code {
        "be" => whatlang::Lang::Bel,
        "bg" => whatlang::Lang::Bul,
        "de" => whatlang::Lang::Deu,
        "en" => whatlang::Lang::Eng,
        "fr" => whatlang::Lang::Fra,
        "lt" => whatlang::Lang::Lit,
        "lv" => whatlang::Lang::Lav,
        "mk" => whatlang::Lang::Mkd,
        "pl" => whatlang::Lang::Pol,
        "ru" => whatlang::Lang::Rus,
        "sr" => whatlang::Lang::Srp,
        "uk" => whatlang::Lang::Ukr,
        _ => return None, // whatlang has no Kazakh
    })
}
