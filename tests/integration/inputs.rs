//! The input readers through the library API: WARC, JSON Lines, directories.

use pagesift::input::SkipKind;
use pagesift::{Inputs, Item, StdinFormat};

use crate::util::*;

fn collect(path: &std::path::Path) -> (Vec<pagesift::RawPage>, Vec<SkipKind>, Vec<String>) {
    let (mut pages, mut skipped, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for item in Inputs::new(&[path], StdinFormat::Html) {
        match item {
            Item::Page(p) => pages.push(p),
            Item::Skipped(k) => skipped.push(k),
            Item::Error { message, .. } => errors.push(message),
        }
    }
    (pages, skipped, errors)
}

/// The file names of the pages among `items`, in order.
fn page_names(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Page(p) => Some(file_name(&p.source).to_string()),
            _ => None,
        })
        .collect()
}

/// The messages of the errors among `items`, in order.
fn error_messages(items: &[Item]) -> Vec<&String> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Error { message, .. } => Some(message),
            _ => None,
        })
        .collect()
}

#[test]
fn every_shared_warc_sample_reads_without_error() {
    let Some(dir) = shared("warc-samples") else {
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".warc"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the 12 WARC samples, found {}",
        files.len()
    );
    for f in files {
        let (pages, skipped, errors) = collect(&f);
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
        assert!(!pages.is_empty(), "{}: no HTML page", f.display());
        for p in &pages {
            assert!(
                p.url.as_deref().is_some_and(|u| u.starts_with("http")),
                "{}: url {:?}",
                p.source,
                p.url
            );
            let head =
                String::from_utf8_lossy(&p.body[..p.body.len().min(2000)]).to_ascii_lowercase();
            assert!(
                head.contains('<'),
                "{}: payload not decoded: {head:?}",
                p.source
            );
        }
        if f.to_string_lossy().contains("revisits") {
            assert!(skipped.contains(&SkipKind::Revisit), "revisits counted");
        }
    }
}

#[test]
fn content_encodings_are_undone() {
    let Some(dir) = shared("warc-samples") else {
        return;
    };
    let mut bodies = Vec::new();
    for enc in ["gzip", "brotli", "none"] {
        let (pages, _, errors) =
            collect(&dir.join(format!("ukwa_transfer_compression_{enc}.warc.gz")));
        assert!(errors.is_empty());
        assert_eq!(pages.len(), 1, "{enc}");
        bodies.push(pages[0].body.clone());
    }
    assert_eq!(
        bodies[0], bodies[2],
        "gzip payload decodes to the identity payload"
    );
    assert_eq!(
        bodies[1], bodies[2],
        "brotli payload decodes to the identity payload"
    );
}

#[test]
fn data_gov_uk_crawl_yields_its_pages() {
    let Some(dir) = shared("warc-samples") else {
        return;
    };
    let f =
        dir.join("ukwa_data.gov.uk_2014-03-25_BL-20140325121225068-00000-32090_opera_8443.warc.gz");
    let (pages, skipped, errors) = collect(&f);
    assert!(errors.is_empty());
    assert_eq!(pages.len(), 32, "the 32 text/html 200 responses");
    assert!(skipped.contains(&SkipKind::Request) && skipped.contains(&SkipKind::Metadata));
}

#[test]
fn own_warc_with_chunked_gzip_and_truncated_records() {
    let dir = tempfile::tempdir().unwrap();
    let page = article(
        "Digital transformation",
        "The programme of digital transformation was approved.",
    );
    let mut warc = Vec::new();
    warc.extend(warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "https://mpt.gov.by/node/1",
        "application/http; msgtype=response",
        &http_response("text/html; charset=utf-8", "", page.as_bytes()),
    ));
    let chunked = format!("{:x}\r\n{}\r\n0\r\n\r\n", page.len(), page);
    warc.extend(warc_record(
        "response",
        "https://mpt.gov.by/node/2",
        "application/http; msgtype=response",
        &http_response(
            "text/html",
            "Transfer-Encoding: chunked\r\n",
            chunked.as_bytes(),
        ),
    ));
    warc.extend(warc_record(
        "response",
        "https://mpt.gov.by/node/3",
        "application/http; msgtype=response",
        &http_response(
            "text/html; charset=windows-1251",
            "Content-Encoding: gzip\r\n",
            &gzip(page.as_bytes()),
        ),
    ));
    warc.extend(warc_record(
        "response",
        "https://mpt.gov.by/logo.png",
        "application/http; msgtype=response",
        &http_response("image/png", "", b"\x89PNG\r\n\x1a\n"),
    ));
    warc.extend(warc_record(
        "response",
        "https://mpt.gov.by/empty",
        "application/http; msgtype=response",
        b"",
    ));
    let path = write(dir.path(), "crawl.warc.gz", &warc);
    let (pages, skipped, errors) = collect(&path);
    assert_eq!(pages.len(), 3, "errors: {errors:?}");
    assert_eq!(pages[0].url.as_deref(), Some("https://mpt.gov.by/node/1"));
    assert_eq!(
        pages[1].body,
        page.as_bytes(),
        "chunked transfer-encoding undone"
    );
    assert_eq!(
        pages[2].body,
        page.as_bytes(),
        "gzip content-encoding undone"
    );
    assert_eq!(pages[2].http_charset.as_deref(), Some("windows-1251"));
    assert_eq!(skipped, vec![SkipKind::Warcinfo, SkipKind::NotHtml]);
    assert_eq!(errors.len(), 1, "the 0-byte record is an error: {errors:?}");
    assert!(
        errors[0].contains("crawl.warc.gz#6") && errors[0].contains("0-byte"),
        "{errors:?}"
    );

    // Cut the file in the middle of the last good record: what came before still comes out.
    let truncated = &warc[..warc.len() - 40];
    let path = write(dir.path(), "truncated.warc.gz", truncated);
    let (pages, _, errors) = collect(&path);
    assert_eq!(pages.len(), 3);
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn jsonl_lines_become_pages_or_errors() {
    let dir = tempfile::tempdir().unwrap();
    let good = serde_json::json!({"html": article("A", "Text."), "url": "https://example.gov/a"})
        .to_string();
    let data = format!("{good}\n\nnot json\n{{\"url\": \"https://x\"}}\n{good}\n");
    let path = write(dir.path(), "pages.jsonl", data.as_bytes());
    let items: Vec<Item> = Inputs::new(&[&path], StdinFormat::Html).collect();
    assert_eq!(items.len(), 4);
    assert!(
        matches!(&items[0], Item::Page(p) if p.url.as_deref() == Some("https://example.gov/a"))
    );
    assert!(matches!(&items[1], Item::Error { source, .. } if source.ends_with("pages.jsonl:3")));
    assert!(matches!(&items[2], Item::Error { message, .. } if message.contains("html")));
    assert!(matches!(&items[3], Item::Page(p) if p.source.ends_with(":5")));
}

#[test]
fn directories_walk_sorted_and_report_loops_and_broken_entries() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("b");
    std::fs::create_dir(&sub).unwrap();
    write(dir.path(), "a.html", article("A", "x").as_bytes());
    write(&sub, "c.htm", article("C", "x").as_bytes());
    write(&sub, "style.css", b"body { color: red }");
    write(&sub, "noext", article("N", "x").as_bytes());
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("missing.html"), sub.join("dangling.html"))
            .unwrap();
    }
    let items: Vec<Item> = Inputs::new(&[dir.path()], StdinFormat::Html).collect();
    let pages = page_names(&items);
    assert_eq!(pages, ["a.html", "c.htm", "noext"]);
    #[cfg(unix)]
    {
        let errors = error_messages(&items);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("dangling.html")));
        assert!(errors.iter().any(|e| e.contains("loop")));
    }
}

#[test]
fn a_wrong_content_length_costs_one_record_not_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let page = article("Broadband", "Fibre to every village.");
    let good = http_response("text/html", "", page.as_bytes());
    let mut bad = warc_record(
        "response",
        "https://a.gov/bad",
        "application/http; msgtype=response",
        &good,
    );
    // Rewrite the declared length to 40 bytes too few (same number of digits).
    let raw = {
        use std::io::Read;
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bad[..])
            .read_to_string(&mut s)
            .unwrap();
        s.replace(
            &format!("Content-Length: {}", good.len()),
            &format!("Content-Length: {}", good.len() - 40),
        )
    };
    bad = gzip(raw.as_bytes());
    let mut warc = bad;
    warc.extend(warc_record(
        "response",
        "https://a.gov/ok",
        "application/http; msgtype=response",
        &good,
    ));
    let path = write(dir.path(), "bad-length.warc.gz", &warc);
    let (pages, _, errors) = collect(&path);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("Content-Length"), "{errors:?}");
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].url.as_deref(), Some("https://a.gov/ok"));
}

#[test]
fn the_output_file_and_fifos_inside_an_input_directory_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.html", article("A", "x").as_bytes());
    let out = write(dir.path(), "out.jsonl", b"{\"html\": \"<p>not me</p>\"}\n");
    let items: Vec<Item> = Inputs::new(&[dir.path()], StdinFormat::Html)
        .with_exclude(&out)
        .collect();
    let pages = items.iter().filter(|i| matches!(i, Item::Page(_))).count();
    assert_eq!(pages, 1, "only a.html");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.html");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            let items: Vec<Item> = Inputs::new(&[dir.path()], StdinFormat::Html)
                .with_exclude(&out)
                .collect();
            assert!(items
                .iter()
                .any(|i| matches!(i, Item::Skipped(SkipKind::OtherFile))));
        }
    }
}

// Unix only: elsewhere files are compared by canonical path, which cannot see hard links.
#[cfg(unix)]
#[test]
fn the_output_file_reached_through_a_hard_link_or_symlink_in_an_input_directory_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    write(&input, "a.html", article("A", "Broadband.").as_bytes());
    // The output lives outside the input directory; only links to it are inside, under
    // names the walk would read as pages.
    let out_file = write(dir.path(), "out.jsonl", b"");
    std::fs::hard_link(&out_file, input.join("hard-link-to-out.html")).unwrap();
    std::os::unix::fs::symlink(&out_file, input.join("symlink-to-out.html")).unwrap();
    let (d, out_s) = (input.to_str().unwrap(), out_file.to_str().unwrap());
    let out = pagesift(&["run", d, "-o", out_s, "--no-text"], b"");
    ok(&out);
    let written = std::fs::read_to_string(&out_file).unwrap();
    let sources: Vec<String> = written
        .lines()
        .map(|l| source_name(&serde_json::from_str(l).unwrap()))
        .collect();
    assert_eq!(sources, ["a.html"], "{written}");
}

/// A WARC record with no Content-Type header at all.
fn untyped_warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut rec = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(block);
    rec.extend_from_slice(b"\r\n\r\n");
    gzip(&rec)
}

#[test]
fn records_without_a_content_type_are_sniffed_like_files() {
    let dir = tempfile::tempdir().unwrap();
    let page = article("Broadband", "Fibre to every village.");
    let no_type = |body: &[u8]| {
        let mut b = b"HTTP/1.1 200 OK\r\nServer: test\r\n\r\n".to_vec();
        b.extend_from_slice(body);
        b
    };
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let text = b"User-agent: *\nDisallow: /admin/\n";
    let warc = [
        untyped_warc_record("resource", "https://a.gov/page", page.as_bytes()),
        untyped_warc_record("resource", "https://a.gov/logo.png", png),
        untyped_warc_record("resource", "https://a.gov/robots.txt", text),
        untyped_warc_record(
            "response",
            "https://a.gov/r-page",
            &no_type(page.as_bytes()),
        ),
        untyped_warc_record("response", "https://a.gov/r-logo.png", &no_type(png)),
        untyped_warc_record("response", "https://a.gov/r-robots.txt", &no_type(text)),
    ]
    .concat();
    let path = write(dir.path(), "untyped.warc.gz", &warc);
    let (pages, skipped, errors) = collect(&path);
    assert!(errors.is_empty(), "{errors:?}");
    let urls: Vec<&str> = pages.iter().filter_map(|p| p.url.as_deref()).collect();
    assert_eq!(urls, ["https://a.gov/page", "https://a.gov/r-page"]);
    assert_eq!(skipped, [SkipKind::NotHtml; 4]);
}

#[test]
fn a_content_encoding_that_does_not_decode_falls_back_to_an_html_body_or_names_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let page = article("Broadband", "Fibre to every village.");
    let mut warc = Vec::new();
    // Crawlers often store the body already decoded but keep the header.
    for enc in ["gzip", "br", "deflate"] {
        warc.extend(warc_record(
            "response",
            &format!("https://a.gov/stored-decoded-{enc}"),
            "application/http; msgtype=response",
            &http_response(
                "text/html",
                &format!("Content-Encoding: {enc}\r\n"),
                page.as_bytes(),
            ),
        ));
    }
    warc.extend(warc_record(
        "response",
        "https://a.gov/broken",
        "application/http; msgtype=response",
        &http_response(
            "text/html",
            "Content-Encoding: gzip\r\n",
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage\x00\x01\x02",
        ),
    ));
    let path = write(dir.path(), "encodings.warc.gz", &warc);
    let (pages, _, errors) = collect(&path);
    let urls: Vec<&str> = pages.iter().filter_map(|p| p.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            "https://a.gov/stored-decoded-gzip",
            "https://a.gov/stored-decoded-br",
            "https://a.gov/stored-decoded-deflate"
        ],
        "{errors:?}"
    );
    assert!(pages.iter().all(|p| p.body == page.as_bytes()));
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert!(
        e.contains("encodings.warc.gz#4")
            && e.contains("https://a.gov/broken")
            && e.contains("urn:uuid:")
            && e.contains("gzip"),
        "names the record, its URI and id, and the encoding: {e}"
    );
}

#[test]
fn a_path_given_twice_or_reached_twice_is_read_once_and_is_no_loop() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sub = d.join("b");
    std::fs::create_dir(&sub).unwrap();
    write(d, "a.html", article("A", "x").as_bytes());
    let c = write(&sub, "c.html", article("C", "x").as_bytes());
    #[cfg(unix)]
    {
        // A symlink to a sibling directory and one to a file: the same files again, no loop.
        std::os::unix::fs::symlink(&sub, d.join("z-link-to-b")).unwrap();
        std::os::unix::fs::symlink(&c, d.join("z-link-to-c.html")).unwrap();
    }
    let items: Vec<Item> =
        Inputs::new(&[d, d, sub.as_path(), c.as_path()], StdinFormat::Html).collect();
    let pages = page_names(&items);
    let errors = error_messages(&items);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(pages, ["a.html", "c.html"]);
    assert!(items
        .iter()
        .any(|i| matches!(i, Item::Skipped(SkipKind::Duplicate))));
}

#[test]
fn a_stored_html_body_that_happens_to_decode_is_kept_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let page = article("Broadband", "Fibre to every village.");
    // Plain HTML that is also a valid stream: a raw deflate block of one stray byte, and
    // an empty brotli stream.
    let deflate_page = format!(";\n {page}");
    let br_page = format!("3{page}");
    let warc = [
        ("deflate", &deflate_page),
        ("br", &br_page),
        ("gzip, br", &br_page),
    ]
    .iter()
    .enumerate()
    .flat_map(|(i, (enc, body))| {
        warc_record(
            "response",
            &format!("https://a.gov/{i}"),
            "application/http; msgtype=response",
            &http_response(
                "text/html",
                &format!("Content-Encoding: {enc}\r\n"),
                body.as_bytes(),
            ),
        )
    })
    .collect::<Vec<u8>>();
    let path = write(dir.path(), "decodes-anyway.warc.gz", &warc);
    let (pages, _, errors) = collect(&path);
    assert!(errors.is_empty(), "{errors:?}");
    let bodies: Vec<&[u8]> = pages.iter().map(|p| &p.body[..]).collect();
    assert_eq!(
        bodies,
        [
            deflate_page.as_bytes(),
            br_page.as_bytes(),
            br_page.as_bytes()
        ]
    );
    // A real compressed page is still decoded.
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut enc, page.as_bytes()).unwrap();
    let warc = warc_record(
        "response",
        "https://a.gov/real",
        "application/http; msgtype=response",
        &http_response(
            "text/html",
            "Content-Encoding: deflate\r\n",
            &enc.finish().unwrap(),
        ),
    );
    let path = write(dir.path(), "real.warc.gz", &warc);
    let (pages, _, errors) = collect(&path);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].body, page.as_bytes());
}
