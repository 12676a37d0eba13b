//! The `pagesift` binary end to end.

use std::path::Path;

use crate::util::*;

fn corpus_pages() -> Option<std::path::PathBuf> {
    let p = root().join("corpus/pages");
    p.exists().then_some(p)
}

#[test]
fn corpus_runs_end_to_end_with_one_record_per_page() {
    let Some(pages) = corpus_pages() else {
        eprintln!("skipping: corpus/pages is absent");
        return;
    };
    let n_html = std::fs::read_dir(&pages)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();
    let out = pagesift(&["run", pages.to_str().unwrap(), "--threads", "2"], b"");
    ok(&out);
    let recs = records(&out);
    assert_eq!(recs.len(), n_html, "one record per page");
    for r in &recs {
        assert_eq!(r["status"], "ok", "{r}");
        assert!(
            r["words"].as_u64().unwrap() > 20,
            "{}: almost no text",
            r["source"]
        );
        assert_ne!(r["lang"], "und", "{}", r["source"]);
    }
    assert!(
        recs.iter()
            .any(|r| !r["themes"].as_array().unwrap().is_empty()),
        "some page has themes"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("pages") && stderr.contains("MB/s"),
        "summary on stderr: {stderr}"
    );
}

#[test]
fn record_fields_and_evidence_offsets_point_into_text() {
    let html = article(
        "Digital transformation of public services",
        "The ministry approved the programme of digital transformation and a plan to connect the unconnected \
         villages with broadband internet access before 2025.",
    );
    let out = pagesift(&["run", "-"], html.as_bytes());
    ok(&out);
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    for field in [
        "source",
        "url",
        "status",
        "error",
        "bytes",
        "charset",
        "title",
        "published",
        "lang",
        "lang_confidence",
        "lang_mix",
        "words",
        "text",
        "themes",
        "record_version",
    ] {
        assert!(r.get(field).is_some(), "field {field} missing in {r}");
    }
    assert_eq!(r["source"], "-");
    assert_eq!(r["lang"], "en");
    let text = r["text"].as_str().unwrap();
    assert!(text.contains("digital transformation"), "{text}");
    assert!(
        !text.contains("All rights reserved"),
        "footer is boilerplate: {text}"
    );
    let themes = r["themes"].as_array().unwrap();
    let dt = themes
        .iter()
        .find(|t| t["id"] == "digital-transformation")
        .expect("digital-transformation found");
    for e in dt["evidence"].as_array().unwrap() {
        if e["block"].is_null() {
            continue;
        }
        let (s, en) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert!(
            text.get(s..en)
                .is_some_and(|m| m.to_lowercase().contains("transform")),
            "span {s}..{en} in {text:?}"
        );
    }
}

#[test]
fn bad_inputs_are_error_records_and_the_rest_still_comes_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "01-good.html",
        article("First", "Broadband for every village.").as_bytes(),
    );
    let random: Vec<u8> = (0..5000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    write(d, "02-random.html", &random);
    write(d, "03-empty.html", b"");
    let gz = gzip(
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\n{}",
            "x".repeat(500)
        )
        .as_bytes(),
    );
    write(d, "04-truncated.warc.gz", &gz[..gz.len() / 2]);
    write(
        d,
        "05-zero.warc.gz",
        &warc_record(
            "response",
            "https://a.gov/z",
            "application/http; msgtype=response",
            b"",
        ),
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(d.join("nowhere.html"), d.join("06-unreadable.html")).unwrap();
    write(
        d,
        "07-good.html",
        article("Second", "Postal services in rural areas.").as_bytes(),
    );
    let out = pagesift(&["run", d.to_str().unwrap()], b"");
    ok(&out);
    let recs = records(&out);
    let names: Vec<String> = recs.iter().map(source_name).collect();
    let status: Vec<&str> = recs.iter().map(|r| r["status"].as_str().unwrap()).collect();
    assert_eq!(
        names.first().map(String::as_str),
        Some("01-good.html"),
        "{names:?}"
    );
    assert_eq!(
        names.last().map(String::as_str),
        Some("07-good.html"),
        "{names:?}"
    );
    assert_eq!(status.first(), Some(&"ok"));
    assert_eq!(status.last(), Some(&"ok"));
    let errors: Vec<&serde_json::Value> = recs.iter().filter(|r| r["status"] == "error").collect();
    let expected_errors = if cfg!(unix) { 5 } else { 4 };
    assert_eq!(errors.len(), expected_errors, "{recs:#?}");
    for e in errors {
        let msg = e["error"]["message"].as_str().unwrap();
        assert!(!msg.is_empty() && e["error"]["kind"].is_string(), "{e}");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("errors"), "{stderr}");

    let out = pagesift(
        &[
            "run",
            d.to_str().unwrap(),
            "--fail-on-error",
            "-o",
            d.join("out.jsonl").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn output_order_is_input_order_with_one_and_four_threads() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..150 {
        // Uneven page sizes so that workers finish out of order.
        let body = "Digital skills training for civil servants. ".repeat(1 + (i * 37) % 60);
        let rec = serde_json::json!({"html": article(&format!("Page {i}"), &body), "url": format!("https://a.gov/{i}")});
        lines.push_str(&rec.to_string());
        lines.push('\n');
    }
    let path = write(dir.path(), "pages.jsonl", lines.as_bytes());
    for threads in ["1", "4"] {
        let out = pagesift(
            &[
                "run",
                path.to_str().unwrap(),
                "--threads",
                threads,
                "--no-text",
            ],
            b"",
        );
        ok(&out);
        let urls: Vec<String> = records(&out)
            .iter()
            .map(|r| r["url"].as_str().unwrap().to_string())
            .collect();
        let expected: Vec<String> = (0..150).map(|i| format!("https://a.gov/{i}")).collect();
        assert_eq!(urls, expected, "order with {threads} threads");
        assert!(
            records(&out).iter().all(|r| r.get("text").is_none()),
            "--no-text"
        );
    }
}

#[test]
fn stdin_jsonl_and_csv_output() {
    let rec = serde_json::json!({"html": article("E-government", "New electronic public services portal."), "url": "https://a.gov/e"});
    let input = format!("{rec}\n{{broken\n");
    let out = pagesift(
        &["run", "-", "--stdin-format", "jsonl", "--format", "csv"],
        input.as_bytes(),
    );
    ok(&out);
    let mut rdr = csv::Reader::from_reader(&out.stdout[..]);
    let header = rdr.headers().unwrap().clone();
    assert!(header.iter().any(|h| h == "themes") && header.iter().any(|h| h == "text"));
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][2], "ok");
    assert_eq!(&rows[1][2], "error");
    assert_eq!(&rows[1][0], "-:2");
}

#[test]
fn unusable_arguments_and_output_exit_2() {
    let out = pagesift(&["run"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = pagesift(
        &["run", "-", "-o", "/nonexistent-dir/out.jsonl"],
        b"<p>x</p>",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent-dir/out.jsonl"));
    let out = pagesift(&["run", "-", "--langs", "xx-not-a-language"], b"<p>x</p>");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn themes_lists_and_reports_taxonomy_errors_with_line() {
    let out = pagesift(&["themes"], b"");
    ok(&out);
    let listing = String::from_utf8_lossy(&out.stdout);
    for id in [
        "digital-transformation",
        "connecting-the-unconnected",
        "5g",
        "wsis",
        "e-commerce",
    ] {
        assert!(listing.contains(id), "{id} in {listing}");
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.toml",
        b"[[theme]]\nid = \"a\"\nlabel = \"A\"\ndescription = \"x\"\n[theme.terms]\nen = [\"alpha\"]\n\n[[theme]]\nid = \"a\"\nlabel = \"A2\"\ndescription = \"y\"\n[theme.terms]\nen = [\"beta\"]\n",
    );
    let out = pagesift(&["themes", "--taxonomy", bad.to_str().unwrap()], b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml") && err.contains('a'), "{err}");
}

#[test]
fn stage_filters() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "p.html",
        article(
            "Artificial intelligence",
            "A national strategy for artificial intelligence.",
        )
        .as_bytes(),
    );
    let out = pagesift(&["extract", page.to_str().unwrap()], b"");
    ok(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("national strategy") && !text.contains("About the ministry"),
        "{text}"
    );
    let out = pagesift(
        &["extract", page.to_str().unwrap(), "--format", "markdown"],
        b"",
    );
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("# Artificial intelligence"));

    let out = pagesift(&["lang", "--lines"], "Міністэрства сувязі і інфарматызацыі Рэспублікі Беларусь абвяшчае конкурс\nМинистерство связи и информатизации Республики Беларусь объявляет конкурс\n".as_bytes());
    ok(&out);
    let langs: Vec<String> = records(&out)
        .iter()
        .map(|r| r["lang"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(langs, ["be", "ru"]);

    let out = pagesift(
        &["tag", "--lines"],
        "Цифровая трансформация экономики\nПогода завтра\n".as_bytes(),
    );
    ok(&out);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert!(
        recs[0].to_string().contains("digital-transformation"),
        "{}",
        recs[0]
    );
    assert_eq!(recs[1], serde_json::json!([]));

    let out = pagesift(
        &["normalize", "--lines"],
        "РњРёРЅРёСЃС‚РµСЂСЃС‚РІРѕ\n".as_bytes(),
    );
    ok(&out);
    assert_eq!(records(&out)[0]["text"], "Министерство");
}

#[test]
fn inspect_explains_a_page_and_finds_warc_records_by_url() {
    let dir = tempfile::tempdir().unwrap();
    let html = article(
        "Connecting the unconnected",
        "Meaningful connectivity for the people who are not yet online.",
    );
    let page = write(dir.path(), "p.html", html.as_bytes());
    let out = pagesift(&["inspect", page.to_str().unwrap()], b"");
    ok(&out);
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("KEEP") && s.contains("drop") && s.contains("connecting-the-unconnected"),
        "{s}"
    );
    let warc = [
        warc_record(
            "response",
            "https://a.gov/1",
            "application/http; msgtype=response",
            &http_response("text/html", "", article("One", "First.").as_bytes()),
        ),
        warc_record(
            "response",
            "https://a.gov/2",
            "application/http; msgtype=response",
            &http_response("text/html", "", html.as_bytes()),
        ),
    ]
    .concat();
    let w = write(dir.path(), "c.warc.gz", &warc);
    let out = pagesift(&["inspect", w.to_str().unwrap(), "https://a.gov/2"], b"");
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Meaningful connectivity"));
    let out = pagesift(&["inspect", w.to_str().unwrap(), "https://a.gov/404"], b"");
    assert!(!out.status.success());
}

#[test]
fn shared_warc_samples_run_without_error_records() {
    let Some(dir) = shared("warc-samples") else {
        return;
    };
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".warc"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["run", "--no-text"];
    args.extend(files.iter().map(String::as_str));
    let out = pagesift(&args, b"");
    ok(&out);
    let recs = records(&out);
    assert!(recs.len() >= 60, "{} pages", recs.len());
    let errors: Vec<_> = recs.iter().filter(|r| r["status"] != "ok").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let _ = Path::new(&dir);
}

#[test]
fn corpus_warc_gives_the_same_pages_as_the_files() {
    let warc = root().join("corpus/corpus.warc.gz");
    let Some(pages) = corpus_pages().filter(|_| warc.exists()) else {
        eprintln!("skipping: corpus/corpus.warc.gz is absent");
        return;
    };
    let out = pagesift(&["run", warc.to_str().unwrap(), "--threads", "2"], b"");
    ok(&out);
    let recs = records(&out);
    let corpus = pagesift::eval::load_corpus(&pages).unwrap();
    assert_eq!(
        recs.len(),
        corpus.len(),
        "one record per page response; requests, revisit, image skipped"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("revisit") && stderr.contains("request"),
        "skips counted: {stderr}"
    );
    for r in &recs {
        assert_eq!(r["status"], "ok", "{r}");
        let url = r["url"].as_str().unwrap();
        let gold = corpus
            .iter()
            .find(|p| p.gold.url.as_deref() == Some(url))
            .unwrap_or_else(|| panic!("no gold page for {url}"));
        assert_eq!(r["lang"], gold.gold.lang.as_str(), "{url}");
    }
}

/// One WARC record of `len` bytes of spaces, gzip-compressed without holding it in memory.
fn huge_warc_record(len: u64) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    write!(
        enc,
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.gov/huge\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {len}\r\n\r\n"
    )
    .unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = len;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        enc.write_all(&chunk[..n]).unwrap();
        left -= n as u64;
    }
    enc.write_all(b"\r\n\r\n").unwrap();
    enc.finish().unwrap()
}

#[test]
fn error_kinds_are_the_same_whatever_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let over = pagesift::warc::MAX_PAGE_BYTES + 1;
    write(d, "1-huge.warc.gz", &huge_warc_record(over));
    let mut big = b"<html><body><p>".to_vec();
    big.resize(over as usize, b'x');
    write(d, "2-huge.html", &big);
    drop(big);
    let pdf = serde_json::json!({"html": "%PDF-1.4\n%\u{e2}\u{e3}\n1 0 obj << /Type /Catalog >> endobj\n"});
    write(d, "3-pdf.jsonl", format!("{pdf}\n").as_bytes());
    let out = pagesift(&["run", d.to_str().unwrap(), "--no-text"], b"");
    ok(&out);
    let kinds: Vec<String> = records(&out)
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("ok").to_string())
        .collect();
    assert_eq!(
        kinds,
        ["too-large", "too-large", "not-html"],
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("too-large 2"), "{stderr}");
}

#[test]
fn a_directory_given_twice_gives_each_page_once_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.html", article("A", "Broadband.").as_bytes());
    let b = write(d, "b.html", article("B", "Postal services.").as_bytes());
    let (d, b) = (d.to_str().unwrap(), b.to_str().unwrap());
    let out = pagesift(&["run", d, d, b, "--no-text", "--fail-on-error"], b"");
    ok(&out);
    let sources = sources(&out);
    assert_eq!(sources.len(), 2, "{sources:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("loop") && stderr.contains("duplicate 2"),
        "{stderr}"
    );
}

#[test]
fn a_missing_input_path_is_a_usage_error_before_anything_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.html",
        article("A", "Broadband.").as_bytes(),
    );
    let missing = dir.path().join("no-such-dir/page.html");
    let out_file = dir.path().join("out.jsonl");
    let (good, missing_s) = (good.to_str().unwrap(), missing.to_str().unwrap());
    let out = pagesift(
        &["run", good, missing_s, "-o", out_file.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(missing_s), "names the path: {stderr}");
    assert!(!out_file.exists(), "nothing written before the check");
    let out = pagesift(&["extract", good, missing_s], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing extracted before the check");
    let out = pagesift(&["inspect", missing_s], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(missing_s));
}

#[test]
fn a_taxonomy_language_the_detector_never_returns_is_a_build_error() {
    let dir = tempfile::tempdir().unwrap();
    let tax = |code: &str| {
        format!(
            "[[theme]]\nid = \"broadband\"\nlabel = \"Broadband\"\ndescription = \"x\"\n\
             [theme.terms]\nen = [\"broadband\"]\n{code} = [\"широкополосный доступ\"]\n"
        )
    };
    // ISO 639-3 `ukr`: the detector says `uk`, so these terms would only match `und` text.
    let ukr = write(dir.path(), "ukr.toml", tax("ukr").as_bytes());
    let zz = write(dir.path(), "zz.toml", tax("zz").as_bytes());
    let good = write(dir.path(), "good.toml", tax("uk").as_bytes());

    let err = pagesift::PipelineConfig::default()
        .with_taxonomy(&ukr)
        .build()
        .err()
        .expect("ukr is refused");
    assert!(
        matches!(err, pagesift::BuildError::TaxonomyLanguage { .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("ukr.toml") && msg.contains("\"ukr\"") && msg.contains("\"uk\""),
        "names the file, the code and what to write instead: {msg}"
    );

    let out = pagesift(
        &["run", "-", "--taxonomy", zz.to_str().unwrap()],
        b"<p>x</p>",
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("zz.toml") && stderr.contains("\"zz\""),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());

    let out = pagesift(&["themes", "--taxonomy", ukr.to_str().unwrap()], b"");
    assert!(!out.status.success(), "themes says what is wrong");
    let out = pagesift(&["tag", "--taxonomy", ukr.to_str().unwrap()], b"broadband");
    assert_eq!(out.status.code(), Some(2));

    let out = pagesift(
        &["run", "-", "--taxonomy", good.to_str().unwrap()],
        b"<p>x</p>",
    );
    ok(&out);
    // A language left out by --langs is a choice, not a mistake: still accepted.
    let out = pagesift(
        &[
            "run",
            "-",
            "--taxonomy",
            good.to_str().unwrap(),
            "--langs",
            "en,ru",
        ],
        b"<p>x</p>",
    );
    ok(&out);
}

/// Short lines the letters alone leave open: what the plain detector says, and the right
/// answer that `--lang-fallback` (lingua) gives.
const AMBIGUOUS_LINES: [(&str, &str, &str); 8] = [
    ("Карта сайта", "bg", "ru"),
    ("Вход на сайт", "be", "ru"),
    ("План работы на год", "be", "ru"),
    ("Пошук", "sr", "uk"),
    ("Кантакты", "ru", "be"),
    ("Навіны", "be", "be"),
    ("Головна сторінка", "uk", "uk"),
    ("Работа отдела", "ru", "ru"),
];

fn lang_lines(args: &[&str]) -> Vec<String> {
    let input: String = AMBIGUOUS_LINES
        .iter()
        .map(|l| format!("{}\n", l.0))
        .collect();
    let out = pagesift(args, input.as_bytes());
    ok(&out);
    records(&out)
        .iter()
        .map(|r| r["lang"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn lang_fallback_threshold_must_be_a_confidence() {
    for bad in [
        "--lang-fallback=0",
        "--lang-fallback=1.5",
        "--lang-fallback=x",
    ] {
        let out = pagesift(&["lang", bad], "Работа".as_bytes());
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--lang-fallback"), "{bad}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[cfg(not(feature = "lingua-fallback"))]
#[test]
fn lang_fallback_without_the_feature_is_a_usage_error_that_says_how_to_rebuild() {
    let html = article("Новости", "Министерство связи и информатизации сообщает.");
    for (args, stdin) in [
        (
            &["lang", "--lines", "--lang-fallback"][..],
            "Работа\n".as_bytes(),
        ),
        (&["tag", "--lang-fallback=0.5"][..], "Работа".as_bytes()),
        (&["run", "-", "--lang-fallback"][..], html.as_bytes()),
        (&["run", "--lang-fallback", "-"][..], html.as_bytes()),
    ] {
        let out = pagesift(args, stdin);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("built without the lingua-fallback feature")
                && stderr.contains("cargo build --release --features lingua-fallback"),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let err = pagesift::PipelineConfig::default()
        .with_lang_fallback(0.65)
        .build()
        .err()
        .expect("no fallback in this build");
    assert!(
        matches!(err, pagesift::BuildError::LangFallbackUnavailable),
        "{err:?}"
    );
    // Without the option nothing changes.
    assert_eq!(
        lang_lines(&["lang", "--lines"]),
        AMBIGUOUS_LINES.map(|l| l.1)
    );
}

#[cfg(feature = "lingua-fallback")]
#[test]
fn lang_fallback_settles_short_ambiguous_lines() {
    assert_eq!(
        lang_lines(&["lang", "--lines"]),
        AMBIGUOUS_LINES.map(|l| l.1),
        "without the option, the plain detector"
    );
    assert_eq!(
        lang_lines(&["lang", "--lines", "--lang-fallback"]),
        AMBIGUOUS_LINES.map(|l| l.2)
    );
    assert_eq!(
        lang_lines(&[
            "lang",
            "--lines",
            "--lang-fallback=0.65",
            "--langs",
            "be,ru,uk"
        ]),
        AMBIGUOUS_LINES.map(|l| l.2)
    );
    // The pipeline config carries it too.
    let d = pagesift::PipelineConfig::default()
        .with_lang_fallback(0.65)
        .detector()
        .unwrap();
    assert_eq!(d.detect("Карта сайта").lang, "ru");
    assert_eq!(d.fallback_calls(), 1);
    // A run with it gives one ok record per page.
    let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Навіны</title></head>\
                <body><main><h1>Навіны</h1><p>Кантакты</p><p>Міністэрства сувязі і \
                інфарматызацыі Рэспублікі Беларусь паведамляе пра пачатак працы.</p></main>\
                </body></html>";
    let out = pagesift(&["run", "-", "--lang-fallback"], html.as_bytes());
    ok(&out);
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["status"], "ok");
    assert_eq!(recs[0]["lang"], "be", "{}", recs[0]);
}

#[test]
fn a_usage_error_leaves_an_existing_output_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.html",
        article("A", "Broadband.").as_bytes(),
    );
    let out_file = write(dir.path(), "out.jsonl", b"earlier results\n");
    let (good, out_s) = (good.to_str().unwrap(), out_file.to_str().unwrap());
    let mut cases = vec![
        vec!["--threads", "5000"],
        vec!["--langs", "xx-not-a-language"],
    ];
    if cfg!(not(feature = "lingua-fallback")) {
        cases.push(vec!["--lang-fallback"]);
    }
    for extra in cases {
        let mut args = vec!["run", good, "-o", out_s];
        args.extend(&extra);
        let out = pagesift(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert_eq!(
            std::fs::read(&out_file).unwrap(),
            b"earlier results\n",
            "{extra:?} emptied the output file"
        );
    }
}

#[test]
fn an_output_file_that_is_also_an_input_is_a_usage_error_and_is_not_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let page = article("A", "Broadband.");
    let input = write(dir.path(), "in.html", page.as_bytes());
    let jsonl = format!("{}\n", serde_json::json!({ "html": page }));
    let jsonl_in = write(dir.path(), "in.jsonl", jsonl.as_bytes());
    let other = write(dir.path(), "other.html", page.as_bytes());
    let mut outputs = vec![
        (input.clone(), input.clone()),
        (jsonl_in.clone(), jsonl_in.clone()),
    ];
    #[cfg(unix)]
    {
        // The same file under another name: a symlink to it, a hard link to it.
        let sym = dir.path().join("sym.html");
        std::os::unix::fs::symlink(&input, &sym).unwrap();
        outputs.push((input.clone(), sym));
        let hard = dir.path().join("hard.html");
        std::fs::hard_link(&input, &hard).unwrap();
        outputs.push((input.clone(), hard));
    }
    for (target, out_path) in outputs {
        let before = std::fs::read(&target).unwrap();
        let (other_s, out_s) = (other.to_str().unwrap(), out_path.to_str().unwrap());
        let out = pagesift(&["run", other_s, out_s, "-o", out_s], b"");
        assert_eq!(out.status.code(), Some(2), "{out_s}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("also the input"), "{stderr}");
        assert_eq!(std::fs::read(&target).unwrap(), before, "{out_s} emptied");
    }
    #[cfg(unix)]
    {
        // Writing to a device empties nothing: allowed even when it is also read.
        let out = pagesift(&["run", "/dev/null", "-o", "/dev/null"], b"");
        ok(&out);
    }
    // An output file inside an input directory is still fine: the walk leaves it out.
    let out_file = dir.path().join("out.jsonl");
    let (d, out_s) = (dir.path().to_str().unwrap(), out_file.to_str().unwrap());
    let out = pagesift(&["run", d, "-o", out_s, "--no-text"], b"");
    ok(&out);
    let written = std::fs::read_to_string(&out_file).unwrap();
    assert!(!written.contains("out.jsonl"), "{written}");
    assert!(written.contains("other.html"), "{written}");
}

#[test]
fn an_explicit_input_that_cannot_be_opened_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.html",
        article("A", "Broadband.").as_bytes(),
    );
    let good = good.to_str().unwrap();
    // A path through a file, and a dangling symlink.
    let mut bad = vec![format!("{good}/x")];
    #[cfg(unix)]
    {
        let dangling = dir.path().join("dangling.html");
        std::os::unix::fs::symlink(dir.path().join("gone.html"), &dangling).unwrap();
        bad.push(dangling.to_str().unwrap().to_string());
        // Exists, but open(2) refuses it (even to root).
        let sock = dir.path().join("page.sock");
        let _listener = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        bad.push(sock.to_str().unwrap().to_string());
        // Unreadable by mode: only meaningful when the tests do not run as root.
        use std::os::unix::fs::PermissionsExt;
        let locked_file = write(dir.path(), "locked.html", b"<p>x</p>");
        let locked_dir = dir.path().join("locked");
        std::fs::create_dir(&locked_dir).unwrap();
        for p in [&locked_file, &locked_dir] {
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o000)).unwrap();
        }
        if std::fs::File::open(&locked_file).is_err() {
            bad.push(locked_file.to_str().unwrap().to_string());
            bad.push(locked_dir.to_str().unwrap().to_string());
        } else {
            eprintln!("skipping the mode-000 inputs: running as root");
        }
    }
    let out_file = dir.path().join("out.jsonl");
    for b in &bad {
        let out = pagesift(&["run", good, b, "-o", out_file.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(2), "{b}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("cannot read input {b}")),
            "{stderr}"
        );
        assert!(!out_file.exists(), "{b}: nothing written before the check");
    }
}

#[test]
fn a_threshold_given_apart_from_lang_fallback_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.html", article("A", "Broadband.").as_bytes());
    let d = dir.path().to_str().unwrap();
    for args in [
        &["run", "--lang-fallback", "0.5", d][..],
        &["inspect", "--lang-fallback", "0.5"][..],
    ] {
        let out = pagesift(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("cannot read input 0.5") && stderr.contains("--lang-fallback=0.5"),
            "{args:?}: {stderr}"
        );
    }
    // A missing input that is no number, or a number without a bare --lang-fallback,
    // gets the plain message.
    for args in [
        &["run", "--lang-fallback", "nothing-here", d][..],
        &["run", "--lang-fallback=0.7", "0.5", d][..],
        &["run", "0.5", d][..],
    ] {
        let out = pagesift(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("cannot read input") && !stderr.contains("write --lang-fallback="),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn standard_input_given_twice_is_read_once() {
    let page = article("A", "Broadband.");
    let out = pagesift(
        &["run", "-", "-", "--no-text", "--fail-on-error"],
        page.as_bytes(),
    );
    ok(&out);
    assert_eq!(records(&out).len(), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("duplicate 1"), "{stderr}");

    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({ "html": page }),
        serde_json::json!({ "html": article("B", "Postal services.") })
    );
    let out = pagesift(
        &["run", "-", "-", "--stdin-format", "jsonl", "--no-text"],
        jsonl.as_bytes(),
    );
    ok(&out);
    let sources = sources(&out);
    assert_eq!(sources, ["-:1", "-:2"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("duplicate 1"), "{stderr}");
}

#[test]
fn taxonomy_terms_in_no_particular_language_get_their_own_message() {
    let dir = tempfile::tempdir().unwrap();
    let tax = |code: &str| {
        format!(
            "[[theme]]\nid = \"broadband\"\nlabel = \"Broadband\"\ndescription = \"x\"\n\
             [theme.terms]\nen = [\"broadband\"]\n\"{code}\" = [\"Connect 2030\"]\n"
        )
    };
    for code in ["und", "zxx", "mul"] {
        let path = write(dir.path(), &format!("{code}.toml"), tax(code).as_bytes());
        let out = pagesift(
            &["run", "-", "--taxonomy", path.to_str().unwrap()],
            b"<p>x</p>",
        );
        assert_eq!(out.status.code(), Some(2), "{code}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("{code}.toml:7"))
                && stderr.contains(&format!("language \"{code}\" (no particular language)"))
                && stderr.contains("cannot tell")
                && stderr.contains("\"*\"")
                && !stderr.contains("never returns"),
            "{code}: {stderr}"
        );
    }
    // "*" is the way to write it, and is accepted.
    let any = write(dir.path(), "any.toml", tax("*").as_bytes());
    let out = pagesift(&["themes", "--taxonomy", any.to_str().unwrap()], b"");
    ok(&out);
}
