//! Metadata: title choice, canonical URL, description, site name, author and dates.

use serde_json::Value;

use crate::classify::BlockScore;
use crate::dates;
use crate::parse::{RawBlock, TimeKind, Tree};
use crate::{BlockKind, Metadata};

fn meta<'a>(tree: &'a Tree, keys: &[&str]) -> Option<&'a str> {
    for k in keys {
        if let Some((_, v)) = tree
            .head
            .metas
            .iter()
            .find(|(key, v)| key == k && !v.is_empty())
        {
            return Some(v.as_str());
        }
    }
    None
}

/// Fields found in JSON-LD objects, first hit wins.
#[derive(Default)]
struct JsonLd {
    published: Option<String>,
    modified: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    headline: Option<String>,
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() && !s.starts_with("http") => {
            Some(s.trim().to_string())
        }
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).take(5).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn json_ld(tree: &Tree) -> JsonLd {
    let mut out = JsonLd::default();
    for src in &tree.head.json_ld {
        let Ok(v) = serde_json::from_str::<Value>(src.trim().trim_end_matches(';')) else {
            continue;
        };
        // Iterative walk over objects and arrays, bounded.
        let mut stack = vec![&v];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 2000 {
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    let s = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
                    if out.published.is_none() {
                        out.published = s("datePublished").or_else(|| s("dateCreated"));
                    }
                    if out.modified.is_none() {
                        out.modified = s("dateModified");
                    }
                    if out.author.is_none() {
                        out.author = o
                            .get("author")
                            .and_then(name_of)
                            .or_else(|| o.get("creator").and_then(name_of));
                    }
                    if out.publisher.is_none() {
                        out.publisher = o.get("publisher").and_then(name_of);
                    }
                    if out.headline.is_none() {
                        out.headline = s("headline");
                    }
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    if let Some(m) = o.get("mainEntity").or_else(|| o.get("mainEntityOfPage")) {
                        if m.is_object() {
                            stack.push(m);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Resolves `href` against the page URL (enough for canonical links).
fn resolve(href: &str, base: Option<&str>) -> String {
    let href = href.trim();
    if href.contains("://") || href.is_empty() {
        return href.to_string();
    }
    let Some(base) = base else {
        return href.to_string();
    };
    let Some((scheme, rest)) = base.split_once("://") else {
        return href.to_string();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if let Some(h) = href.strip_prefix("//") {
        return format!("{scheme}://{h}");
    }
    if href.starts_with('/') {
        return format!("{scheme}://{host}{href}");
    }
    let path = &rest[host.len()..];
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    format!("{scheme}://{host}{dir}/{href}")
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " — ", " – ", " :: ", " // ", " / ", " « ", " » ", " · ", " • ", " : ",
];

/// Removes a site-name prefix or suffix from a `<title>`.
fn strip_site(title: &str, site: Option<&str>, content_head: &str) -> String {
    for sep in SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(site) = site {
            let kept: Vec<&str> = parts
                .iter()
                .copied()
                .filter(|p| !p.eq_ignore_ascii_case(site))
                .collect();
            if kept.len() < parts.len() && !kept.is_empty() {
                return kept.join(sep);
            }
        }
        // Otherwise the part the content starts with, else the longest part.
        if let Some(p) = parts.iter().find(|p| {
            let n = norm(p);
            n.chars().count() >= 8 && content_head.contains(&n)
        }) {
            return (*p).to_string();
        }
        if let Some(p) = parts.iter().max_by_key(|p| p.chars().count()) {
            return (*p).to_string();
        }
    }
    title.to_string()
}

/// The first content blocks, normalised, to match title candidates against (built
/// only when the title is not simply the content's heading).
fn content_head(tree: &Tree, scores: &[BlockScore]) -> String {
    tree.blocks
        .iter()
        .zip(scores)
        .filter(|(_, s)| s.is_content)
        .take(5)
        .map(|(b, _)| norm(&b.text))
        .collect()
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Builds metadata and chooses the title.
pub(crate) fn build(
    tree: &Tree,
    scores: &[BlockScore],
    url: Option<&str>,
) -> (Option<String>, Metadata) {
    let ld = json_ld(tree);
    let site_name = meta(tree, &["og:site_name", "application-name", "twitter:site"])
        .map(str::to_string)
        .filter(|s| !s.starts_with('@'))
        .or(ld.publisher.clone());
    let og_title = meta(tree, &["og:title", "twitter:title"]).map(str::to_string);
    let h1 = first_h1(&tree.blocks, scores);
    let title = match h1 {
        // The heading of the main content is the page's title.
        Some((h, true)) if h.chars().count() >= 3 => Some(h.to_string()),
        _ => choose_title(
            tree.head.title.as_deref(),
            og_title.as_deref(),
            h1.map(|h| h.0),
            ld.headline.as_deref(),
            site_name.as_deref(),
            &content_head(tree, scores),
        ),
    };
    let canonical_url = tree
        .head
        .canonical
        .as_deref()
        .or_else(|| meta(tree, &["og:url"]))
        .filter(|s| !s.is_empty())
        .map(|h| resolve(h, url));
    let description = meta(
        tree,
        &[
            "description",
            "og:description",
            "twitter:description",
            "dc.description",
        ],
    )
    .map(str::to_string);
    let author = meta(
        tree,
        &[
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ],
    )
    .filter(|a| !a.starts_with("http"))
    .map(|a| {
        a.trim_start_matches("By ")
            .trim_start_matches("by ")
            .to_string()
    })
    .or(ld.author);
    let mut published = meta(
        tree,
        &[
            "article:published_time",
            "og:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "dc.date.issued",
            "dc.date",
            "dcterms.created",
            "date",
            "sailthru.date",
            "parsely-pub-date",
        ],
    )
    .and_then(dates::normalize_machine)
    .or_else(|| ld.published.as_deref().and_then(dates::normalize_machine));
    let mut modified = meta(
        tree,
        &[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "dcterms.modified",
            "last-modified",
        ],
    )
    .and_then(dates::normalize_machine)
    .or_else(|| ld.modified.as_deref().and_then(dates::normalize_machine));
    for t in &tree.head.times {
        match t.kind {
            TimeKind::Published if published.is_none() => {
                published = dates::normalize_machine(&t.value)
            }
            TimeKind::Modified if modified.is_none() => {
                modified = dates::normalize_machine(&t.value)
            }
            _ => {}
        }
    }
    if published.is_none() {
        published = tree
            .head
            .times
            .iter()
            .filter(|t| t.kind == TimeKind::Time)
            .find_map(|t| dates::normalize_machine(&t.value));
    }
    if published.is_none() {
        published = text_date(&tree.blocks, scores);
    }
    let md = Metadata {
        canonical_url,
        description,
        published,
        modified,
        author,
        site_name,
    };
    (title, md)
}

/// The main `<h1>`: one in the content if any (flag `true`), else one in
/// `<main>`/`<article>`, else the first.
fn first_h1<'a>(blocks: &'a [RawBlock], scores: &[BlockScore]) -> Option<(&'a str, bool)> {
    let h1s = || {
        blocks
            .iter()
            .zip(scores)
            .filter(|(b, _)| b.kind == BlockKind::Heading { level: 1 })
    };
    h1s()
        .find(|(_, s)| s.is_content)
        .map(|(b, _)| (b.text.as_str(), true))
        .or_else(|| {
            h1s()
                .find(|(_, s)| s.in_main)
                .or_else(|| h1s().next())
                .map(|(b, _)| (b.text.as_str(), false))
        })
}

fn choose_title(
    title: Option<&str>,
    og: Option<&str>,
    h1: Option<&str>,
    headline: Option<&str>,
    site: Option<&str>,
    content_head: &str,
) -> Option<String> {
    if let Some(h) = h1.filter(|h| h.chars().count() >= 3) {
        let nh = norm(h);
        let matches = [title, og, headline].iter().flatten().any(|t| {
            let nt = norm(t);
            !nh.is_empty() && (nt.contains(&nh) || nh.contains(&nt) && nt.len() * 2 > nh.len())
        });
        if matches {
            return Some(h.to_string());
        }
    }
    if let Some(o) = og.filter(|o| !o.is_empty()) {
        return Some(strip_site(o, site, content_head));
    }
    if let Some(h) = headline.filter(|o| !o.is_empty()) {
        return Some(h.to_string());
    }
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        return Some(strip_site(t, site, content_head));
    }
    h1.map(str::to_string)
}

/// A date written near the start of the content: in short blocks just before or at the
/// top of the main content, then in the first content blocks.
fn text_date(blocks: &[RawBlock], scores: &[BlockScore]) -> Option<String> {
    let first = scores.iter().position(|s| s.is_content)?;
    let lo = first.saturating_sub(12);
    let hi = (first + 12).min(blocks.len());
    for b in &blocks[lo..hi] {
        if b.text_len <= 160 {
            if let Some(d) =
                dates::find_in_text(&b.text).or_else(|| dates::find_iso_in_text(&b.text))
            {
                return Some(d);
            }
        }
    }
    blocks[first..]
        .iter()
        .zip(&scores[first..])
        .filter(|(_, s)| s.is_content)
        .take(3)
        .find_map(|(b, _)| {
            let head: String = b.text.chars().take(300).collect();
            dates::find_in_text(&head)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix() {
        assert_eq!(
            strip_site("Big news today | Ministry of X", Some("Ministry of X"), ""),
            "Big news today"
        );
        assert_eq!(
            strip_site("Ministry — A much longer article title here", None, ""),
            "A much longer article title here"
        );
    }

    #[test]
    fn resolves() {
        assert_eq!(
            resolve("/node/7", Some("https://mpt.gov.by/ru/news")),
            "https://mpt.gov.by/node/7"
        );
        assert_eq!(
            resolve("x.html", Some("https://a.b/c/d.html")),
            "https://a.b/c/x.html"
        );
    }
}
