//! Never panic, stay linear: hostile shapes and random input.

use pagesift_extract::{extract, Extractor, PageHints, PageKind, Settings};
use proptest::prelude::*;

#[test]
fn ten_thousand_deep_nesting() {
    let mut html = String::with_capacity(200_000);
    for _ in 0..10_000 {
        html.push_str("<div>");
    }
    html.push_str(
        "<p>Deep text at the bottom of ten thousand nested divisions, still readable.</p>",
    );
    for _ in 0..10_000 {
        html.push_str("</div>");
    }
    html.push_str("<p>After the nest.</p>");
    let doc = extract(html.as_bytes()).expect("deep nesting");
    assert!(
        doc.text().contains("Deep text at the bottom"),
        "{}",
        doc.text()
    );
    // Unclosed, too.
    let open: String = "<div><span><b>".repeat(10_000) + "tail text";
    let doc = extract(open.as_bytes()).expect("unclosed nesting");
    assert!(doc.blocks.iter().any(|b| b.text.contains("tail text")));
}

#[test]
fn fifty_megabyte_page() {
    let para = "<div class=\"item\"><p>Министерство связи и информатизации сообщает о развитии сетей, \
                подключении сельских населённых пунктов и цифровой трансформации.</p><a href=\"/x\">Подробнее</a></div>\n";
    let mut html = String::from("<html><body><div id=\"content\">");
    while html.len() < 50 << 20 {
        html.push_str(para);
    }
    html.push_str("</div></body></html>");
    let doc = extract(html.as_bytes()).expect("50 MB page");
    assert!(doc.blocks.len() > 100_000);
    assert!(doc.content_blocks().count() > 0);
}

#[test]
fn one_twenty_megabyte_text_node() {
    let word = "связь ";
    let mut html = String::from("<html><body><p>");
    while html.len() < 20 << 20 {
        html.push_str(word);
    }
    html.push_str("</p></body></html>");
    let doc = extract(html.as_bytes()).expect("20 MB text node");
    assert_eq!(doc.blocks.len(), 1);
    assert!(doc.blocks[0].text.len() > 19 << 20);
    assert!(doc.blocks[0].is_content);
}

#[test]
fn hundred_thousand_tiny_elements() {
    let mut html = String::from("<html><body>");
    for i in 0..100_000 {
        html.push_str(&format!("<span>{}</span><i></i>", i % 10));
    }
    html.push_str("</body></html>");
    let doc = extract(html.as_bytes()).expect("100k elements");
    assert_eq!(doc.blocks.len(), 1);
    // And with a frame cap: elements past it are transparent, nothing is lost.
    let capped = Extractor::new(Settings::default().with_max_frames(1000))
        .extract(html.as_bytes(), &PageHints::default());
    let capped = capped.expect("capped");
    assert_eq!(capped.blocks[0].text.len(), doc.blocks[0].text.len());
}

#[test]
fn memory_limit_stops_gracefully() {
    // lol_html buffers an unterminated tag; a tiny limit makes it bail out.
    let mut html = String::from(
        "<p>Text before the huge tag, long enough to be a paragraph of content.</p><div title=\"",
    );
    html.push_str(&"x".repeat(4 << 20));
    let doc = Extractor::new(Settings::default().with_max_memory(64 * 1024))
        .extract(html.as_bytes(), &PageHints::default());
    let doc = doc.expect("memory limit is not an error");
    assert!(doc.text().contains("Text before the huge tag"));
}

#[test]
fn garbage_is_empty_not_error() {
    let doc = extract(b"\x00\x01\x02 hello <<<>>> &&& </>").expect("mixed bytes");
    assert!(matches!(doc.page_kind, PageKind::Empty | PageKind::Article));
}

fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"content\">".to_string()),
        Just("<nav>".to_string()),
        Just("</div>".to_string()),
        Just("<li>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<textarea>&lt;p&gt;".to_string()),
        Just("</textarea>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<a href=x>".to_string()),
        Just("&amp;&nbsp;&#1072;".to_string()),
        Just("<br>".to_string()),
        Just("<h2>".to_string()),
        Just("<pre>".to_string()),
        "[a-zа-я ,.]{0,40}".prop_map(|s| s),
        any::<u8>().prop_map(|b| (b as char).to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = extract(&bytes) {
            let _ = (doc.text(), doc.markdown());
        }
    }

    #[test]
    fn random_markup_never_panics_and_is_deterministic(html in html_soup()) {
        let a = extract(html.as_bytes()).map(|d| (d.text(), d.markdown()));
        let b = extract(html.as_bytes()).map(|d| (d.text(), d.markdown()));
        prop_assert_eq!(a.ok(), b.ok());
    }

    /// Content text never contains script text or raw markup from outside a textarea.
    #[test]
    fn script_text_never_leaks(prefix in "[a-z ]{0,30}", secret in "[A-Z]{12}") {
        let html = format!("<p>{prefix} some visible words here for the paragraph</p><script>var s='{secret}';</script><style>.{secret}{{}}</style>");
        let doc = extract(html.as_bytes()).expect("extract");
        prop_assert!(!doc.blocks.iter().any(|b| b.text.contains(&secret)));
    }
}
