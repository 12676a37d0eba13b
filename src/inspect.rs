//! `pagesift inspect`: one page, block by block, in words an analyst can read.

use std::fmt::Write as _;
use std::path::Path;

use crate::input::{Inputs, Item, StdinFormat};
use crate::record::Pipeline;

/// Why a page could not be inspected.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InspectError {
    /// The file yielded no page (or none with the URL asked for).
    #[error("{0}")]
    NotFound(String),
    /// The page could not be read.
    #[error("{0}")]
    Input(String),
    /// Extraction failed.
    #[error("{0}")]
    Extract(#[from] pagesift_extract::Error),
}

/// Renders a human-readable report of one page: an HTML file, or the record of a WARC
/// (or JSON Lines) file whose URL is `url` (the first page when `url` is `None`).
pub fn inspect(
    pipeline: &Pipeline,
    path: &Path,
    url: Option<&str>,
) -> Result<String, InspectError> {
    let mut page = None;
    for item in Inputs::new(&[path], StdinFormat::Html) {
        match item {
            Item::Page(p) if url.is_none() || p.url.as_deref() == url => {
                page = Some(p);
                break;
            }
            Item::Error { message, .. } if url.is_none() => {
                return Err(InspectError::Input(message))
            }
            _ => {}
        }
    }
    let page = page.ok_or_else(|| {
        InspectError::NotFound(match url {
            Some(u) => format!("{}: no HTML page with URL {u}", path.display()),
            None => format!("{}: no HTML page", path.display()),
        })
    })?;
    let a = pipeline.analyze(&page)?;
    let doc = &a.document;
    let mut s = String::new();
    let _ = writeln!(s, "source:    {}", page.source);
    if let Some(u) = &page.url {
        let _ = writeln!(s, "url:       {u}");
    }
    let _ = writeln!(
        s,
        "charset:   {} ({:?})",
        doc.charset.name, doc.charset.source
    );
    let _ = writeln!(s, "title:     {}", a.title.as_deref().unwrap_or("-"));
    let _ = writeln!(s, "html lang: {}", doc.html_lang.as_deref().unwrap_or("-"));
    let _ = writeln!(
        s,
        "published: {}",
        doc.metadata.published.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        s,
        "modified:  {}",
        doc.metadata.modified.as_deref().unwrap_or("-")
    );
    let _ = writeln!(s, "kind:      {:?}", doc.page_kind);
    let mix: Vec<String> = a
        .lang
        .mix
        .iter()
        .map(|m| format!("{} {:.0}%", m.lang, m.share * 100.0))
        .collect();
    let _ = writeln!(
        s,
        "language:  {} ({:.2}); mix: {}",
        a.lang.lang,
        a.lang.confidence,
        mix.join(", ")
    );
    let _ = writeln!(
        s,
        "\nblocks ({} total, {} content):",
        doc.blocks.len(),
        a.content.len()
    );
    for (i, b) in doc.blocks.iter().enumerate() {
        let content_idx = a.content.iter().position(|&c| c == i);
        let lang = content_idx
            .and_then(|c| a.lang.blocks.get(c))
            .map(|g| format!(" lang={} {:.2}", g.lang, g.confidence))
            .unwrap_or_default();
        let mark = if b.is_content { "KEEP" } else { "drop" };
        let features = serde_json::to_string(&b.features).unwrap_or_default();
        let _ = writeln!(s, "[{i:>3}] {mark} {:?}{lang} {features}", b.kind);
        let mut text: String = b.text.chars().take(160).collect();
        if text.len() < b.text.len() {
            text.push('…');
        }
        let _ = writeln!(s, "      {text}");
    }
    let _ = writeln!(s, "\nthemes:");
    if a.themes.is_empty() {
        let _ = writeln!(s, "  (none)");
    }
    for t in &a.themes {
        let _ = writeln!(
            s,
            "  {} ({}) score {:.2}, {} matches",
            t.id, t.label, t.score, t.count
        );
        for e in &t.evidence {
            let where_ = match e.block {
                Some(b) => format!("content block {b}"),
                None => "title".into(),
            };
            let _ = writeln!(
                s,
                "    {:?} [{}] in {where_} at {}..{}",
                e.term, e.lang, e.start, e.end
            );
        }
    }
    Ok(s)
}
