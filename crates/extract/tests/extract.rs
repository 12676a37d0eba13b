//! Behaviour of the public API on fixture pages written for these tests
//! (tests/fixtures/*.html).

use std::path::Path;

use pagesift_extract::{
    BlockKind, CharsetSource, Document, Extractor, PageHints, PageKind, Settings,
};

fn fixture(name: &str) -> Vec<u8> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("help: fixture {} is missing: {e}", p.display()))
}

fn run(name: &str, hints: PageHints<'_>) -> Document {
    Extractor::new(Settings::default())
        .extract(&fixture(name), &hints)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

const RU_TEXT: &str = "Участники обсудили развитие широкополосного доступа в сельской местности";

/// (fixture, http charset hint, expected charset, expected source)
const CHARSET_CASES: &[(&str, Option<&str>, &str, CharsetSource)] = &[
    ("cp1251.html", None, "windows-1251", CharsetSource::Meta),
    ("koi8r.html", None, "koi8-r", CharsetSource::Meta),
    (
        "iso8859-5-nometa.html",
        Some("ISO-8859-5"),
        "iso-8859-5",
        CharsetSource::Http,
    ),
    ("utf16le-bom.html", None, "utf-16le", CharsetSource::Bom),
    // UTF-16 from HTTP without a BOM is believed when the bytes are UTF-16.
    (
        "utf16le-nobom.html",
        Some("utf-16le"),
        "utf-16le",
        CharsetSource::Http,
    ),
    (
        "mislabelled-utf8-is-cp1251.html",
        None,
        "windows-1251",
        CharsetSource::Detected,
    ),
    (
        "mislabelled-cp1251-is-utf8.html",
        None,
        "utf-8",
        CharsetSource::Detected,
    ),
    // chardetng may say KOI8-U; it is reported as KOI8-R when both decode alike.
    (
        "mislabelled-cp1251-is-koi8r.html",
        None,
        "koi8-r",
        CharsetSource::Detected,
    ),
    // The HTTP hint wins over the meta prescan, but not over the bytes.
    (
        "cp1251.html",
        Some("koi8-r"),
        "windows-1251",
        CharsetSource::Detected,
    ),
    ("koi8r.html", Some("koi8-r"), "koi8-r", CharsetSource::Http),
];

#[test]
fn charsets_decode_to_correct_text() {
    for &(name, http, want, source) in CHARSET_CASES {
        let doc = run(
            name,
            PageHints {
                url: Some("https://mpt.gov.by/ru/node/1"),
                http_charset: http,
            },
        );
        assert!(
            want.split('|').any(|w| w == doc.charset.name),
            "{name} (http {http:?}): charset {} is not {want}",
            doc.charset.name
        );
        assert_eq!(doc.charset.source, source, "{name} (http {http:?}): source");
        assert!(
            doc.text().contains(RU_TEXT),
            "{name}: help: text not decoded correctly:\n{}",
            doc.text()
        );
        assert_eq!(doc.html_lang.as_deref(), Some("ru"), "{name}");
    }
}

#[test]
fn charset_without_any_hint_is_detected() {
    let doc = run(
        "iso8859-5-nometa.html",
        PageHints {
            url: Some("http://example.ru/"),
            http_charset: None,
        },
    );
    assert_eq!(doc.charset.source, CharsetSource::Detected);
    // chardetng may pick any Cyrillic encoding that decodes these bytes the same way.
    assert!(doc.text().contains(RU_TEXT), "{}", doc.text());
}

#[test]
fn boilerplate_is_removed_and_content_kept_in_order() {
    let doc = run(
        "boilerplate.html",
        PageHints {
            url: Some("https://mpt.gov.by/en/news/2"),
            http_charset: None,
        },
    );
    let text = doc.text();
    for gone in [
        "We use cookies",
        "Skip to main content",
        "About the ministry",
        "Press centre",
        "Бел",
        "Share:",
        "Previous news",
        "Latest news",
        "ITU Secretary-General in Geneva",
        "Opening hours",
        "When using materials",
        "17 May 2021",
    ] {
        assert!(
            !text.contains(gone),
            "help: boilerplate {gone:?} leaked into the text:\n{text}"
        );
    }
    let in_order = [
        "Connecting the unconnected: national broadband plan adopted",
        "The Council of Ministers adopted",
        "Targets",
        "three targets",
        "gigabit-capable fibre",
        "public Wi-Fi in all rural libraries",
        "Connectivity is no longer a convenience",
        "Year | Villages connected",
        "2022 | 450",
        "Fibre being laid in the Minsk region.",
        "Operators will finance two thirds",
    ];
    let mut pos = 0;
    for piece in in_order {
        let at = text[pos..]
            .find(piece)
            .unwrap_or_else(|| panic!("help: {piece:?} missing or out of order in:\n{text}"));
        pos += at + piece.len();
    }
    let kinds: Vec<BlockKind> = doc.content_blocks().map(|b| b.kind).collect();
    for k in [
        BlockKind::Heading { level: 1 },
        BlockKind::Heading { level: 2 },
        BlockKind::ListItem,
        BlockKind::Quote,
        BlockKind::TableRow,
        BlockKind::Caption,
        BlockKind::Paragraph,
    ] {
        assert!(
            kinds.contains(&k),
            "no {k:?} among content blocks {kinds:?}"
        );
    }
    assert_eq!(doc.page_kind, PageKind::Article);
    assert_eq!(
        doc.title.as_deref(),
        Some("Connecting the unconnected: national broadband plan adopted")
    );
    assert_eq!(
        doc.metadata.canonical_url.as_deref(),
        Some("https://mpt.gov.by/en/news/broadband-plan")
    );
    assert_eq!(
        doc.metadata.site_name.as_deref(),
        Some("Ministry of Communications")
    );
    assert_eq!(doc.metadata.published.as_deref(), Some("2021-05-17"));
    // Boilerplate blocks are still there, flagged, with the hints that decided them.
    let menu = doc
        .blocks
        .iter()
        .find(|b| b.text == "Minister")
        .expect("menu block kept in blocks");
    assert!(!menu.is_content);
    assert!(menu.features.hints.contains(&"nav"), "{:?}", menu.features);
}

#[test]
fn markdown_renders_structure() {
    let doc = run("boilerplate.html", PageHints::default());
    let md = doc.markdown();
    assert!(md.starts_with("# Connecting the unconnected"), "{md}");
    assert!(md.contains("\n\n## Targets\n\n"), "{md}");
    assert!(md.contains("- gigabit-capable fibre"), "{md}");
    assert!(md.contains("> Connectivity is no longer"), "{md}");
    assert!(
        md.contains("| Year | Villages connected |\n|---|---|\n| 2021 | 312 |"),
        "{md}"
    );
    assert!(
        md.contains("*Fibre being laid in the Minsk region.*"),
        "{md}"
    );
}

#[test]
fn text_has_one_block_per_line_and_blank_lines_between_sections() {
    let doc = run("boilerplate.html", PageHints::default());
    let text = doc.text();
    assert!(
        text.contains("Targets\n\nThe plan fixes three targets"),
        "{text}"
    );
    assert!(text.contains("2023;\n4G coverage"), "{text}");
    assert!(!text.contains("\n\n\n"));
}

#[test]
fn broken_markup_is_tolerated() {
    let doc = run("broken.html", PageHints::default());
    let text = doc.text();
    for piece in [
        "unescaped ampersand & a stray less-than < sign",
        "bold nested wrongly continues with mis-nested inline tags",
        "A third paragraph after too many closing tags",
        "Second item without end tags",
        "cell one | cell two",
        "cell three | cell four",
        "été & café ABC — end ¬anentity; &", // WHATWG: `&not` decodes without `;` in text
    ] {
        assert!(
            text.contains(piece),
            "help: {piece:?} missing from:\n{text}"
        );
    }
    assert!(
        !text.contains("never shown") && !text.contains("color: red") && !text.contains("not text"),
        "{text}"
    );
    assert_eq!(doc.title.as_deref(), Some("Broken & unclosed <page>"));
}

#[test]
fn empty_and_whitespace_pages_are_empty_documents() {
    for input in [
        &b""[..],
        b"   \n\t ",
        b"<html><head></head><body></body></html>",
        b"<!-- only a comment -->",
    ] {
        let doc = pagesift_extract::extract(input).expect("empty input is not an error");
        assert_eq!(
            doc.page_kind,
            PageKind::Empty,
            "{:?}",
            String::from_utf8_lossy(input)
        );
        assert_eq!(doc.text(), "");
        assert_eq!(doc.markdown(), "");
    }
    let doc = run("empty.html", PageHints::default());
    assert_eq!(doc.page_kind, PageKind::Empty);
}

#[test]
fn binary_input_is_not_html() {
    let err = Extractor::default()
        .extract(
            b"%PDF-1.7\n...",
            &PageHints {
                url: Some("https://x.by/a.pdf"),
                http_charset: None,
            },
        )
        .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("https://x.by/a.pdf") && msg.contains("PDF"),
        "{msg}"
    );
    let err = Extractor::new(Settings::default().with_max_input(10))
        .extract(b"<p>too long for the limit</p>", &PageHints::default());
    assert!(
        matches!(
            err,
            Err(pagesift_extract::Error::TooLarge {
                len: 29,
                limit: 10,
                ..
            })
        ),
        "{err:?}"
    );
}

#[test]
fn list_pages_are_flagged() {
    let doc = run("list.html", PageHints::default());
    assert_eq!(doc.page_kind, PageKind::List);
    let text = doc.text();
    assert!(
        text.contains("В Минске определены площадки для пилотной зоны сети 5G"),
        "{text}"
    );
    assert!(
        text.contains("Тестирование оборудования начнется"),
        "{text}"
    );
    assert!(
        !text.contains("Подробнее") && !text.contains("Контакты") && !text.contains("17.05.2021"),
        "{text}"
    );
    let article = run("boilerplate.html", PageHints::default());
    assert_eq!(article.page_kind, PageKind::Article);
}

#[test]
fn dates_written_in_four_languages() {
    for lang in ["ru", "be", "uk", "en"] {
        let doc = run(&format!("dates-{lang}.html"), PageHints::default());
        assert_eq!(
            doc.metadata.published.as_deref(),
            Some("2021-05-17"),
            "dates-{lang}.html"
        );
        assert_eq!(doc.html_lang.as_deref(), Some(lang));
    }
}

#[test]
fn metadata_from_meta_tags_and_json_ld() {
    let doc = run(
        "metadata.html",
        PageHints {
            url: Some("https://mpt.gov.by/be/node/7193?x=1"),
            http_charset: None,
        },
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Пасланне Генеральнага сакратара МСЭ")
    );
    let m = &doc.metadata;
    assert_eq!(m.published.as_deref(), Some("2021-05-17T10:00:00+03:00"));
    assert_eq!(m.modified.as_deref(), Some("2021-05-18T09:30:00+03:00"));
    assert_eq!(m.author.as_deref(), Some("Прэс-служба"));
    assert_eq!(
        m.site_name.as_deref(),
        Some("Міністэрства сувязі і інфарматызацыі")
    );
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://mpt.gov.by/be/node/7193")
    );
    assert!(m
        .description
        .as_deref()
        .is_some_and(|d| d.starts_with("Пасланне з нагоды")));
    assert_eq!(doc.html_lang.as_deref(), Some("be"));
}

#[test]
fn textarea_document_is_extracted_and_form_controls_are_not() {
    let doc = run("textarea.html", PageHints::default());
    let text = doc.text();
    assert!(text.contains("Справа № 2-а-2968/11"), "{text}");
    assert!(
        text.contains("встановив, що позов відповідає вимогам закону & підлягає розгляду."),
        "{text}"
    );
    assert!(
        text.contains("суд ухвалив відкрити скорочене провадження"),
        "{text}"
    );
    assert!(
        !text.contains("Ваш коментар") && !text.contains("Надіслати") && !text.contains("Головна"),
        "{text}"
    );
    let off = Extractor::new(Settings::default().with_textarea_documents(false))
        .extract(&fixture("textarea.html"), &PageHints::default());
    let off = off.expect("extract");
    // Off: the textarea is one plain block, entities decoded, markup left as text.
    assert!(
        off.text().contains("<p>Справа № 2-а-2968/11</p>"),
        "{}",
        off.text()
    );
}

#[test]
fn document_serialises_with_tagged_block_kinds() {
    let doc = run("boilerplate.html", PageHints::default());
    let v = serde_json::to_value(&doc).expect("serialise");
    assert_eq!(v["page_kind"], "article");
    assert_eq!(v["charset"]["source"], "meta");
    assert_eq!(v["blocks"][0]["kind"]["type"], "paragraph");
    let h = v["blocks"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["kind"]["type"] == "heading"))
        .cloned();
    assert_eq!(
        h.map(|h| h["kind"]["level"].clone()),
        Some(serde_json::json!(1))
    );
    assert!(v["blocks"][0]["features"]["link_density"].is_number());
}

#[test]
fn extractor_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    assert_send_sync::<Document>();
}

#[test]
fn a_page_of_document_links_is_a_list_of_them() {
    let html = "<html><body><nav><a href=/>Главная</a> <a href=/a>О министерстве</a></nav>\
        <div class=\"page\"><h1>Нормативные правовые акты</h1><div class=\"docs\">\
        <p><a href=/d1>Приказ Министерства от 16.10.2018 № 766 «Об организации работы»</a></p>\
        <p><a href=/d2>Указ Президента Российской Федерации от 29.06.2018 № 378</a></p>\
        <p><a href=/d3>Федеральный закон от 25.12.2008 № 273-ФЗ «О противодействии коррупции»</a></p>\
        </div></div><footer>© 2019 Министерство</footer></body></html>";
    let doc = pagesift_extract::extract(html.as_bytes()).expect("extract");
    assert_eq!(doc.page_kind, PageKind::List);
    let text = doc.text();
    assert!(
        text.contains("Федеральный закон от 25.12.2008 № 273-ФЗ"),
        "{text}"
    );
    assert!(!text.contains("Главная") && !text.contains("©"), "{text}");
}
