//! Quality report: scores `Document::text()` against the article-extraction
//! benchmark (../shared/data/article-extraction-benchmark) and our corpus
//! (corpus/pages/<case>.html + <case>.gold.txt), with the benchmark's own metric.
//!
//! ```text
//! cargo run --release -p pagesift-extract --example eval              # means
//! cargo run --release -p pagesift-extract --example eval -- --pages   # + per page
//! cargo run --release -p pagesift-extract --example eval -- --check output/trafilatura.json
//! cargo run --release -p pagesift-extract --example eval -- --show <id-prefix|file.html>
//! ```
//!
//! `--check FILE` scores a published prediction file instead of our output, to verify
//! the scorer against the published numbers.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use pagesift_extract::score::{bootstrap_std, macro_average, shingle_prf, PageScore};
use pagesift_extract::{Extractor, PageHints, Settings};
use serde_json::Value;

#[path = "../benches/common/mod.rs"]
mod common;
use common::{cpu_seconds, gunzip, shared_data};

fn body_map(v: &Value) -> Option<&serde_json::Map<String, Value>> {
    v.get("output")
        .and_then(Value::as_object)
        .or_else(|| v.as_object())
}

fn body(v: Option<&Value>) -> &str {
    v.and_then(|e| e.get("articleBody"))
        .and_then(Value::as_str)
        .unwrap_or("")
}

fn report(name: &str, rows: &[(String, PageScore)], pages: bool) {
    if pages {
        println!("{:<40} {:>6} {:>6} {:>6}", "page", "P", "R", "F1");
        let mut sorted: Vec<&(String, PageScore)> = rows.iter().collect();
        sorted.sort_by(|a, b| a.1.f1.total_cmp(&b.1.f1));
        for (id, s) in sorted {
            println!(
                "{:<40} {:>6.3} {:>6.3} {:>6.3}",
                id, s.precision, s.recall, s.f1
            );
        }
    }
    let scores: Vec<PageScore> = rows.iter().map(|r| r.1).collect();
    let m = macro_average(&scores);
    let sd = bootstrap_std(&scores, 1000, 0x5eed);
    println!(
        "{name}: pages={} F1={:.3}±{:.3} P={:.3}±{:.3} R={:.3}±{:.3} accuracy={:.3}",
        m.pages, m.f1, sd[0], m.precision, sd[1], m.recall, sd[2], m.accuracy
    );
}

fn show(extractor: &Extractor, bytes: &[u8], url: Option<&str>) {
    match extractor.extract(
        bytes,
        &PageHints {
            url,
            http_charset: None,
        },
    ) {
        Ok(doc) => {
            println!(
                "title={:?} lang={:?} charset={:?} kind={:?}\nmeta={:?}",
                doc.title, doc.html_lang, doc.charset, doc.page_kind, doc.metadata
            );
            for b in &doc.blocks {
                let t: String = b.text.chars().take(110).collect();
                println!(
                    "{} {:>5.2} s={:.2} ld={:.2} d={:<3} {:?} {:?} | {}",
                    if b.is_content { '+' } else { ' ' },
                    b.features.region_score,
                    b.features.score,
                    b.features.link_density,
                    b.features.depth,
                    b.kind,
                    b.features.hints,
                    t
                );
            }
        }
        Err(e) => println!("error: {e}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pages = args.iter().any(|a| a == "--pages");
    let check = args
        .iter()
        .position(|a| a == "--check")
        .and_then(|i| args.get(i + 1));
    let show_arg = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1));
    // The benchmark scores `articleBody`, which excludes the headline: score the
    // body alone there, and the default (title + body) on our corpus, whose gold
    // files start with the title.
    let body_only = Extractor::new(Settings::body_only());
    let extractor = Extractor::new(Settings::default());
    let aeb = shared_data().join("article-extraction-benchmark");
    let gt_path = aeb.join("ground-truth.json");

    if let Some(target) = args
        .iter()
        .position(|a| a == "--diff")
        .and_then(|i| args.get(i + 1))
    {
        // Per block: the share of its words found in the gold text (+ = content).
        let gt: Value = std::fs::read_to_string(&gt_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        let gt = body_map(&gt).cloned().unwrap_or_default();
        if let Some(id) = gt.keys().find(|k| k.starts_with(target.as_str())) {
            let gold = body(gt.get(id));
            let gold_toks: std::collections::HashSet<&str> =
                pagesift_extract::score::tokens(gold).into_iter().collect();
            let bytes = gunzip(&aeb.join("html").join(format!("{id}.html.gz"))).unwrap_or_default();
            if let Ok(doc) = body_only.extract(&bytes, &PageHints::default()) {
                for b in &doc.blocks {
                    let toks = pagesift_extract::score::tokens(&b.text);
                    let hit = toks.iter().filter(|t| gold_toks.contains(*t)).count() as f32
                        / toks.len().max(1) as f32;
                    let mark = match (b.is_content, hit > 0.8) {
                        (true, true) => "+ ",
                        (true, false) => "+!",
                        (false, true) => " ?",
                        (false, false) => "  ",
                    };
                    let t: String = b.text.chars().take(120).collect();
                    println!(
                        "{mark} {hit:.2} {:>6.2} {:?} {:?} | {t}",
                        b.features.region_score, b.kind, b.features.hints
                    );
                }
            }
        }
        return;
    }
    if let Some(target) = show_arg {
        let p = Path::new(target);
        if p.exists() {
            let bytes = std::fs::read(p).unwrap_or_default();
            show(&extractor, &bytes, None);
        } else if let Ok(Some(name)) = std::fs::read_dir(aeb.join("html")).map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .find(|n| n.starts_with(target.as_str()))
        }) {
            let bytes = gunzip(&aeb.join("html").join(name)).unwrap_or_default();
            show(&extractor, &bytes, None);
        }
        return;
    }

    match std::fs::read_to_string(&gt_path) {
        Err(_) => eprintln!(
            "SKIP article-extraction-benchmark: {} not found",
            gt_path.display()
        ),
        Ok(text) => {
            let gt: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
            let gt = body_map(&gt).cloned().unwrap_or_default();
            let mut ids: Vec<&String> = gt.keys().collect();
            ids.sort();
            let mut rows = Vec::new();
            if let Some(file) = check {
                let path = if Path::new(file).exists() {
                    PathBuf::from(file)
                } else {
                    aeb.join(file)
                };
                let pred: Value = std::fs::read_to_string(&path)
                    .ok()
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or(Value::Null);
                let pm = body_map(&pred).cloned().unwrap_or_default();
                for id in ids {
                    rows.push((id.clone(), shingle_prf(body(gt.get(id)), body(pm.get(id)))));
                }
                report(&path.display().to_string(), &rows, pages);
                return;
            }
            let mut inputs = Vec::new();
            for id in &ids {
                let url = gt
                    .get(*id)
                    .and_then(|e| e.get("url"))
                    .and_then(Value::as_str)
                    .map(str::to_string);
                match gunzip(&aeb.join("html").join(format!("{id}.html.gz"))) {
                    Ok(b) => inputs.push(((*id).clone(), url, b)),
                    Err(e) => eprintln!("{id}: {e}"),
                }
            }
            let total: usize = inputs.iter().map(|i| i.2.len()).sum();
            if let Some(rounds) = args
                .iter()
                .position(|a| a == "--speed")
                .and_then(|i| args.get(i + 1))
                .and_then(|r| r.parse::<usize>().ok())
            {
                // Throughput only: wall time and CPU time, so a busy machine shows.
                let (wall, cpu0) = (Instant::now(), cpu_seconds());
                let mut n = 0usize;
                for _ in 0..rounds {
                    for (_, _, bytes) in &inputs {
                        n += body_only
                            .extract(bytes, &PageHints::default())
                            .map(|d| d.text().len())
                            .unwrap_or(0);
                    }
                }
                let mb = (total * rounds) as f64 / 1e6;
                let w = wall.elapsed().as_secs_f64();
                let cpu = cpu0.zip(cpu_seconds()).map(|(a, b)| b - a);
                println!(
                    "{mb:.0} MB: wall {w:.2} s = {:.0} MB/s; cpu {} ({n} chars of text)",
                    mb / w,
                    cpu.map_or("n/a".into(), |c| format!("{c:.2} s = {:.0} MB/s", mb / c))
                );
                return;
            }
            let start = Instant::now();
            let mut texts = Vec::new();
            for (id, url, bytes) in &inputs {
                let text = match body_only.extract(
                    bytes,
                    &PageHints {
                        url: url.as_deref(),
                        http_charset: None,
                    },
                ) {
                    Ok(doc) => doc.text(),
                    Err(e) => {
                        eprintln!("{id}: {e}");
                        String::new()
                    }
                };
                texts.push(text);
            }
            let secs = start.elapsed().as_secs_f64();
            for ((id, _, _), text) in inputs.iter().zip(&texts) {
                rows.push((id[..16].to_string(), shingle_prf(body(gt.get(id)), text)));
            }
            report("article-extraction-benchmark", &rows, pages);
            println!(
                "  {:.1} MB in {:.3} s = {:.0} MB/s (one thread, extract + text)",
                total as f64 / 1e6,
                secs,
                total as f64 / 1e6 / secs
            );
        }
    }

    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/pages");
    let mut rows = Vec::new();
    let mut meta_hits = [("", 0usize, 0usize); 4];
    if let Ok(rd) = std::fs::read_dir(&corpus) {
        let mut files: Vec<PathBuf> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        files.sort();
        for f in files {
            let gold = f.with_extension("gold.txt");
            let Ok(gold_text) = std::fs::read_to_string(&gold) else {
                continue;
            };
            let bytes = std::fs::read(&f).unwrap_or_default();
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let meta: Value = std::fs::read_to_string(f.with_extension("gold.json"))
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(Value::Null);
            let url = meta.get("url").and_then(Value::as_str);
            let doc = extractor.extract(
                &bytes,
                &PageHints {
                    url,
                    http_charset: None,
                },
            );
            let text = doc.as_ref().map(|d| d.text()).unwrap_or_default();
            if let (Ok(doc), Some(m)) = (&doc, meta.as_object()) {
                let want = |k: &str| m.get(k).and_then(Value::as_str);
                let kind = serde_json::to_value(doc.page_kind).ok();
                let checks = [
                    (
                        "title",
                        want("title").is_none_or(|t| doc.title.as_deref() == Some(t)),
                    ),
                    (
                        "published",
                        want("published").is_none_or(|p| {
                            doc.metadata
                                .published
                                .as_deref()
                                .is_some_and(|d| d.starts_with(p))
                        }),
                    ),
                    (
                        "page_kind",
                        want("page_kind")
                            .is_none_or(|k| kind.as_ref().and_then(Value::as_str) == Some(k)),
                    ),
                    (
                        "charset",
                        want("charset").is_none_or(|c| doc.charset.name == c),
                    ),
                ];
                for (i, (field, ok)) in checks.iter().enumerate() {
                    meta_hits[i].0 = field;
                    meta_hits[i].1 += usize::from(*ok);
                    meta_hits[i].2 += 1;
                    if !ok && pages {
                        println!(
                            "  {name}: {field} differs (gold {:?}; got title={:?} published={:?} kind={:?} charset={})",
                            want(field),
                            doc.title,
                            doc.metadata.published,
                            doc.page_kind,
                            doc.charset.name
                        );
                    }
                }
            }
            rows.push((name, shingle_prf(&gold_text, &text)));
        }
    }
    if rows.is_empty() {
        eprintln!(
            "SKIP corpus: no <case>.html + <case>.gold.txt pairs in {}",
            corpus.display()
        );
    } else {
        report("corpus", &rows, pages);
        let fields: Vec<String> = meta_hits
            .iter()
            .map(|(f, ok, n)| format!("{f} {ok}/{n}"))
            .collect();
        println!("  corpus metadata: {}", fields.join(", "));
    }
}
