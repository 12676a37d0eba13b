//! Times each part of the normaliser on lingua sentences (a profiling aid).
//!
//! Run: `cargo run --release -p pagesift-normalize --example timing`
use std::time::Instant;

use pagesift_normalize::{Normalizer, Settings};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/lingua-testdata");
    let mut text = String::new();
    for lang in ["ru", "be", "uk", "en"] {
        text.push_str(&std::fs::read_to_string(
            dir.join(lang).join("sentences.txt"),
        )?);
    }
    let configs = [
        ("all", Settings::new()),
        ("no repair", Settings::new().with_repair_mojibake(false)),
        ("repair only", Settings::none().with_repair_mojibake(true)),
        (
            "nfc only",
            Settings::none().with_unicode_form(pagesift_normalize::UnicodeForm::Nfc),
        ),
        ("spaces only", Settings::none().with_normalize_spaces(true)),
    ];
    let damaged: String = text
        .lines()
        .map(|l| {
            let mut s = format!("{}  \r", l.replacen(' ', "\u{a0}\u{a0}", 2));
            if let Some((i, _)) = s.char_indices().nth(5) {
                s.insert(i, '\u{ad}');
            }
            s
        })
        .collect::<Vec<_>>()
        .join("\n");
    if let Some(mode) = std::env::args().skip_while(|a| a != "--cpu").nth(1) {
        if let Some(which) = mode.strip_prefix("words") {
            // words-en / words-uax-en: `words` against plain UAX #29 word indices on lingua's
            // English sentences (any language: words-de …); words / words-uax: on the
            // ru/be/uk/en sentences.
            use unicode_segmentation::UnicodeSegmentation;
            // A trailing "-<lang>" picks one of lingua's languages (words-de, words-uax-de, …).
            let lang = which.rsplit('-').next().filter(|l| l.len() == 2);
            let input = if let Some(lang) = lang {
                std::fs::read_to_string(dir.join(lang).join("sentences.txt"))?
            } else {
                text.clone()
            };
            let uax = which.starts_with("-uax");
            let rounds = rounds_arg().unwrap_or(if lang.is_some() { 2000 } else { 200 });
            let t = Instant::now();
            let mut count = 0;
            for _ in 0..rounds {
                let x = std::hint::black_box(input.as_str());
                count += if uax {
                    x.unicode_word_indices().count()
                } else {
                    pagesift_normalize::words(x).len()
                };
            }
            let mb = rounds as f64 * input.len() as f64 / 1e6;
            eprintln!(
                "{mode}: {mb:.0} MB in {:?} wall ({count} words)",
                t.elapsed()
            );
            return Ok(());
        }
        // One input, many rounds: run under `perf stat -e task-clock` for a CPU-time figure
        // on a busy machine. Modes: clean (the borrowed path), raw, dirty.
        let n = Normalizer::default();
        let input: String = match mode.as_str() {
            "clean" => n
                .normalize(&text)
                .lines()
                .filter(|l| !n.needs_work(l))
                .collect::<Vec<_>>()
                .join("\n"),
            "dirty" => damaged.clone(),
            _ => text.clone(),
        };
        // `--rounds 0` measures the set-up alone (reading and preparing the text).
        let rounds = rounds_arg().unwrap_or(if mode == "clean" { 2000 } else { 100 });
        let t = Instant::now();
        let mut out_len = 0;
        for _ in 0..rounds {
            out_len += n.normalize(std::hint::black_box(&input)).len();
        }
        let mb = rounds as f64 * input.len() as f64 / 1e6;
        eprintln!(
            "{mode}: {mb:.0} MB in {:?} wall (output {out_len} bytes)",
            t.elapsed()
        );
        return Ok(());
    }
    let text = if std::env::args().any(|a| a == "--dirty") {
        damaged
    } else {
        text
    };
    for (name, s) in configs {
        let n = Normalizer::new(s);
        let _ = n.normalize(&text); // warm lazy tables and regexes
        let t = Instant::now();
        let out = n.normalize(&text);
        let dt = t.elapsed();
        eprintln!(
            "{name:12} {:8.1} MB/s  changed={}  needs_work(out)={}",
            text.len() as f64 / dt.as_secs_f64() / 1e6,
            out != text.as_str(),
            n.needs_work(&out)
        );
    }
    let n = Normalizer::default();
    let clean = n.normalize(&text).into_owned();
    let t = Instant::now();
    let mut total = 0;
    for _ in 0..20 {
        total += usize::from(n.needs_work(std::hint::black_box(&clean)));
    }
    eprintln!(
        "needs_work(clean): {:.1} MB/s ({total})",
        20.0 * clean.len() as f64 / t.elapsed().as_secs_f64() / 1e6
    );
    let flagged = clean.lines().filter(|l| n.needs_work(l)).count();
    eprintln!(
        "clean lines still flagged: {flagged} of {}",
        clean.lines().count()
    );
    for (i, line) in clean.lines().enumerate() {
        if n.needs_work(line) {
            eprintln!("line {i} needs work: {line:?}");
            break;
        }
    }
    Ok(())
}

/// The value of `--rounds N`, if given.
fn rounds_arg() -> Option<usize> {
    std::env::args()
        .skip_while(|a| a != "--rounds")
        .nth(1)
        .and_then(|r| r.parse().ok())
}
