//! The mojibake repair must never touch correct text: every line of lingua's test sets
//! (13 languages; sentences, word pairs and single words) and the text of the real ministry
//! pages in ../shared/data must pass through the repair step unchanged, with no repairs.
//! Seven lingua sentences are themselves mojibake; `tests/data/lingua-known-mojibake.tsv`
//! lists them, and for those the test requires the repair instead.
//!
//! Run: `cargo test -p pagesift-normalize --test zero_change -- --nocapture`

mod common;

use std::borrow::Cow;

use pagesift_normalize::{Normalizer, Settings};

fn repairer() -> Normalizer {
    Normalizer::new(Settings::none().with_repair_mojibake(true))
}

/// Checks every line (numbered from 1); `known` lists (line, from, via) of the lines that
/// must be repaired. Returns (lines checked, failures as messages).
fn check_lines<'a>(
    n: &Normalizer,
    what: &str,
    lines: impl Iterator<Item = (usize, &'a str)>,
    known: &[(usize, String, String)],
) -> (usize, Vec<String>) {
    let mut count = 0;
    let mut bad = Vec::new();
    for (no, line) in lines {
        count += 1;
        let (out, repairs) = n.repair_mojibake(line);
        match known.iter().find(|k| k.0 == no) {
            Some((_, from, via)) => {
                let first = repairs.first().map(|r| (r.from.as_str(), r.via.as_str()));
                let again = n.repair_mojibake(&out).1;
                if first != Some((from.as_str(), via.as_str())) || !again.is_empty() {
                    bad.push(format!(
                        "{what}:{no}: known mojibake not repaired as {from}/{via}: {repairs:?}"
                    ));
                }
            }
            None => {
                if !matches!(out, Cow::Borrowed(_)) || !repairs.is_empty() {
                    bad.push(format!("{what}:{no}: {line:?}\n    -> {out:?} {repairs:?}"));
                }
            }
        }
    }
    (count, bad)
}

/// `tests/data/lingua-known-mojibake.tsv` as (file, line, from, via).
fn known_mojibake() -> Vec<(String, usize, String, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/lingua-known-mojibake.tsv"
    );
    let text = std::fs::read_to_string(path).expect("fixture readable");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Some((
                c.first()?.to_string(),
                c.get(1)?.parse().ok()?,
                c.get(2)?.to_string(),
                c.get(3)?.to_string(),
            ))
        })
        .collect()
}

#[test]
fn lingua_lines_unchanged() {
    let Some(dir) = common::shared_data("lingua-testdata") else {
        return;
    };
    let n = repairer();
    let known = known_mojibake();
    assert_eq!(
        known.len(),
        7,
        "help: tests/data/lingua-known-mojibake.tsv lists 7 lines"
    );
    let (mut total, mut sentences, mut failures) = (0, 0, Vec::new());
    let mut langs: Vec<_> = std::fs::read_dir(&dir)
        .expect("lingua-testdata readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    for lang in &langs {
        for file in ["sentences.txt", "word-pairs.txt", "single-words.txt"] {
            let Ok(text) = std::fs::read_to_string(lang.join(file)) else {
                continue;
            };
            let what = format!(
                "{}/{file}",
                lang.file_name().and_then(|f| f.to_str()).unwrap_or("?")
            );
            // Split on '\n' only: some sentences contain U+0085.
            let here: Vec<(usize, String, String)> = known
                .iter()
                .filter(|k| k.0 == what)
                .map(|k| (k.1, k.2.clone(), k.3.clone()))
                .collect();
            let lines = text
                .split('\n')
                .enumerate()
                .map(|(i, l)| (i + 1, l))
                .filter(|(_, l)| !l.is_empty());
            let (c, bad) = check_lines(&n, &what, lines, &here);
            total += c;
            if file == "sentences.txt" {
                sentences += c;
            }
            failures.extend(bad);
        }
    }
    eprintln!(
        "lingua: {} languages, {total} lines ({sentences} sentences), {} known mojibake lines repaired, {} other lines changed by the repair",
        langs.len(),
        known.len(),
        failures.len()
    );
    for f in failures.iter().take(20) {
        eprintln!("CHANGED {f}");
    }
    assert!(
        sentences >= 10_000,
        "help: expected 13 x 1000 sentences, found {sentences}"
    );
    assert!(
        failures.is_empty(),
        "help: the repair changed {} correct lines",
        failures.len()
    );
}

/// Decodes a page with the charset its manifest row gives (UTF-8 when detected so).
fn decode_page(bytes: &[u8], charset: &str) -> Option<String> {
    let detected = charset
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("detected="))
        .unwrap_or("");
    if detected == "utf-8" || detected == "ascii" {
        return String::from_utf8(bytes.to_vec()).ok();
    }
    let declared = charset
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("declared="))?;
    let enc = encoding_rs::Encoding::for_label(declared.as_bytes())?;
    // A few bytes undefined in the declared charset become U+FFFD; the rest is real text.
    let (text, _, _) = enc.decode(bytes);
    Some(text.into_owned())
}

/// Text of a page, crudely: scripts, styles and comments dropped, every tag a line break.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &lower[i..];
        let skip_to = |end: &str| rest.find(end).map_or(html.len(), |p| i + p + end.len());
        if rest.starts_with("<script") {
            i = skip_to("</script>");
        } else if rest.starts_with("<style") {
            i = skip_to("</style>");
        } else if rest.starts_with("<!--") {
            i = skip_to("-->");
        } else if rest.starts_with('<') {
            i = skip_to(">");
            out.push('\n');
        } else {
            let next = rest.find('<').map_or(html.len(), |p| i + p);
            out.push_str(&html[i..next]);
            i = next;
        }
    }
    out
}

#[test]
fn ministry_pages_unchanged() {
    let Some(dir) = common::shared_data("ministry-pages") else {
        return;
    };
    let manifest =
        std::fs::read_to_string(dir.join("MANIFEST.tsv")).expect("MANIFEST.tsv readable");
    let n = repairer();
    let (mut pages, mut skipped, mut line_count, mut failures) = (0, 0, 0, Vec::new());
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (Some(file), Some(charset)) = (cols.first(), cols.get(6)) else {
            continue;
        };
        let Ok(bytes) = std::fs::read(dir.join(file)) else {
            skipped += 1;
            continue;
        };
        let Some(html) = decode_page(&bytes, charset) else {
            eprintln!("SKIP {file}: cannot decode as {charset}");
            skipped += 1;
            continue;
        };
        pages += 1;
        let text = strip_tags(&html);
        let lines = text
            .split('\n')
            .map(str::trim)
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .filter(|(_, l)| !l.is_empty());
        let (c, bad) = check_lines(&n, file, lines, &[]);
        line_count += c;
        failures.extend(bad);
    }
    eprintln!(
        "ministry pages: {pages} decoded ({skipped} skipped), {line_count} text lines, {} changed by the repair",
        failures.len()
    );
    for f in failures.iter().take(20) {
        eprintln!("CHANGED {f}");
    }
    assert!(
        pages >= 200,
        "help: expected the 244 manifest pages, decoded {pages}"
    );
    assert!(
        failures.is_empty(),
        "help: the repair changed {} correct lines",
        failures.len()
    );
}
